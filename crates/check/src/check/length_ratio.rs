//! P011 length-ratio: a pair whose Japanese/English character ratio is far from the document's
//! median ratio, a hint of an omitted or duplicated sentence.

use super::{Check, Context, Draft, Severity, UnitKind};
use codepub_core::i18n::Message;

pub struct LengthRatio;

fn chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

impl Check for LengthRatio {
    fn code(&self) -> &'static str {
        "P011"
    }

    fn name(&self) -> &'static str {
        "length-ratio"
    }

    fn help(&self) -> &'static str {
        "help-p011"
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let settings = &cx.project.config.check.length_ratio;
        let measured: Vec<_> = cx
            .pairs
            .iter()
            .filter_map(|pair| {
                let (en, ja) = pair.sides.both()?;
                let (e, j) = (chars(&en.text), chars(&ja.text));
                (en.kind != UnitKind::Heading && e >= settings.min_chars && j > 0).then_some((
                    pair,
                    e,
                    j,
                    j as f64 / e as f64,
                ))
            })
            .collect();
        if measured.len() < 3 {
            return;
        }
        let mut ratios: Vec<f64> = measured.iter().map(|m| m.3).collect();
        ratios.sort_by(f64::total_cmp);
        let median = ratios[ratios.len() / 2];
        for (pair, e, j, ratio) in measured {
            if ratio <= median * settings.factor && ratio >= median / settings.factor {
                continue;
            }
            let Some((en, ja)) = pair.sides.both() else { continue };
            out.push(
                Draft::on_pair(
                    Message::new("p011-length-ratio")
                        .num("en", e as i64)
                        .num("ja", j as i64)
                        .arg("ratio", format!("{ratio:.2}"))
                        .arg("median", format!("{median:.2}")),
                    &pair.address,
                    ja.span,
                    en.span,
                )
                // The median depends on the whole text: an entry records the two lengths only.
                .values(vec![e.to_string(), j.to_string()]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    #[test]
    fn a_pair_far_from_the_median_ratio_is_reported() {
        let en = "# A {#a}\n\nWe act with honesty and integrity in all our dealings, always.\n\n\
                  We respect others and the diversity of professional opinions here.\n\n\
                  Harassment or coercion in any form is not tolerated by anyone at all.\n\n\
                  We comply with the dedicated data protection policies of the organization.\n";
        let ja = "# A {#a}\n\n私たちはすべての取引において誠実に行動します。\n\n私たちは他者と専門家の意見の多様性を尊重します。\n\n\
                  いかなる形態のハラスメントも容認されません。\n\nはい。\n";
        let found = findings(&project(en, ja), &LengthRatio);
        assert_eq!(found.iter().map(|d| d.address.to_string()).collect::<Vec<_>>(), ["a#4"]);
    }

    #[test]
    fn short_pairs_are_not_judged() {
        let found = findings(
            &project(
                "# A {#a}\n\nYes.\n\nNo.\n\nOk.\n",
                "# A {#a}\n\nはい。\n\nいいえ。\n\nわかりました、承知しました。\n",
            ),
            &LengthRatio,
        );
        assert!(found.is_empty());
    }
}
