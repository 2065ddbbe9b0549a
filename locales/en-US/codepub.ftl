# codepub messages, English (en-US). Every id here must exist in ja-JP/codepub.ftl too.

## Text from elsewhere (a compiler's message, a hint), shown as it is
text = { $text }

## Input errors (exit status 2)
error-io = cannot read: { $reason }
error-outside-root = { $path } is outside the project root { $root }
error-file-too-large = file of { $bytes } bytes is over the limit of { $limit } bytes
error-bom = file starts with a byte order mark
error-invalid-utf8 = invalid UTF-8: byte { $byte }
error-carriage-return = carriage return (CRLF line end)
error-toml = malformed TOML: { $reason }
error-missing-language = no { $lang } sources found
error-duplicate-clause = duplicate clause id `{ $id }` (first declared at { $first })
error-block-too-large = block of { $bytes } bytes is over the limit of { $limit } bytes
error-content-outside-clause = text before the first clause heading
error-git = { $reason }
error-nesting-too-deep = block quotes, lists and inline markup nest more than { $limit } levels deep here
error-render = cannot render { $edition }: { $reason }
hint-render-block = the { $lang } text of { $address } fails to render even alone, while the edition without any text renders
hint-render-template = the error arose in the template at { $at }
error-write = cannot write { $path }: { $reason }
error-not-ours = { $path } was not written by codepub, or was changed since: codepub neither replaces nor removes it, and published nothing
help-not-ours = codepub replaces and removes only the files it wrote itself, as the output folder's { $manifest } lists them: move these files elsewhere (or delete them) and build again
error-output-record = { $path } is not a record this codepub can read: { $reason }
help-output-record = delete { $path }: codepub then takes over only the files of the output folder that already hold what it writes
report-waiting = waiting for another build writing { $path } (pid { $pid })
report-waiting-unknown = waiting for another build writing { $path }
error-no-project = no codepub.toml in { $dir } or any parent directory
help-bom = save the file as UTF-8 without a byte order mark
help-carriage-return = convert the file to LF line ends (e.g. `dos2unix`)
help-invalid-utf8 = save the file as UTF-8
help-outside-root = sources must stay inside the project folder; symbolic links out of it are refused
help-duplicate-clause = every clause id appears once per language; rename one of them
help-block-too-large = split the paragraph, or raise `content.max_block_bytes` in codepub.toml
help-content-outside-clause = start the file with a heading carrying an id (`# Title {"{"}#id{"}"}`) or `+++ clause = "id" +++` front matter
help-missing-language = put the { $lang } Markdown files in the language folder named by `content.dir`
help-nesting-too-deep = flatten the structure: a source may nest block quotes, lists, emphasis, strong emphasis, strikethrough, links and images at most { $limit } levels deep
error-not-a-file = not a regular file but { $kind ->
    [fifo] a named pipe (FIFO)
    [socket] a socket
    [device] a device
   *[other] a special file
}: never opened
help-not-a-file = replace it with a regular file, or name another file in codepub.toml
error-front-matter = front matter that cannot be read: { $reason }
help-front-matter = front matter is TOML between `+++` lines or YAML between `---` lines, at the very top of the file
error-markdown-pair = this is a file and { $other } a folder
help-markdown-pair = give two files (`en.md ja.md`) or two folders (`docs/en docs/ja`; one folder holding `name.md` and `name.ja.md` may be given twice)
error-no-markdown = no Markdown (`*.md`) files in this folder
help-no-markdown = give the folder that holds the text's `.md` files

## Checks
p001-missing-clause = clause `{ $id }` is missing from the Japanese text
p001-extra-clause = clause `{ $id }` exists only in the Japanese text
p001-out-of-order = clause `{ $id }` is out of order in the Japanese text
p001-empty-heading = heading has no text
p001-first-heading-level = the first heading is of level { $level }; a tagged PDF (PDF/UA) needs it at level 1
p001-missing-id = heading has no clause id
p001-missing-id-paired = `--fix` gives it `{"{"}#{ $id }{"}"}`, and the same id to its { $lang ->
        [ja] Japanese
       *[en] English
    } counterpart “{ $heading }” at { $place }
p001-missing-id-unsure = it may translate the { $lang ->
        [ja] Japanese
       *[en] English
    } heading “{ $heading }” at { $place }, but the evidence is not clear enough to add ids unattended: give both the same `{"{"}#id{"}"}` by hand
p001-missing-id-alone = no { $lang ->
        [ja] Japanese
       *[en] English
    } heading pairs with it: give it an id, and its translation the same one
help-p001 = every clause carries the same `{"{"}#id{"}"}` in both languages, once, in the same order
p002-unmatched-block = { $kind } `{ $address }` has no Japanese counterpart
p002-extra-block = Japanese { $kind } `{ $address }` has no English counterpart
p002-kind-mismatch = English { $en } is paired with a Japanese { $ja }
p002-item-count = list has { $en } items in English and { $ja } in Japanese
p002-swapped-ja = `{ $first }` and `{ $second }` stand in the other order in Japanese
p002-swapped-en = `{ $first }` and `{ $second }` stand in the other order in English than when they were signed off
help-p002 = paragraphs pair one to one within a clause: translate each English paragraph as one Japanese paragraph, in the same order
p003-reference-missing = footnote reference [^{ $label }] has no counterpart in the Japanese paragraph
p003-reference-extra = Japanese footnote reference [^{ $label }] has no counterpart in the English paragraph
p003-undefined = footnote [^{ $label }] is referenced but never defined
p003-unused = footnote [^{ $label }] is defined but never referenced
p003-definition-missing-ja = footnote [^{ $label }] is defined in English but not in Japanese
p003-definition-missing-en = footnote [^{ $label }] is defined in Japanese but not in English
help-p003 = reference each footnote at the same place in both languages and define it in both
p004-number-differs = numbers differ: { $ja } in Japanese, { $en } in English
p004-number-only-japanese = numbers differ: { $ja } only in Japanese
p004-number-only-english = numbers differ: { $en } only in English
help-p004 = numbers are compared as values, in words, digits or kanji (forty (40) days = 四十日, Article 13 = 第十三条, two-thirds = 三分の二, (ii) = 二); dates as dates (23 February 2023 = 2023年2月23日); other digit groups as written (11/2023)
p005-markup-count = { $kind } used { $en } times in English, { $ja } times in Japanese
p005-link-targets = links point elsewhere: English { $en }; Japanese { $ja }
help-p005 = mark the same phrases in both languages; English italics may be Japanese bold (`check.markup.accepted`)
p006-final-punctuation = paragraph ends with { $en ->
        [none] no punctuation
       *[other] { $en }
    } in English but with { $ja ->
        [none] no punctuation
       *[other] { $ja }
    } in Japanese
help-p006 = end the Japanese sentence as the English one ends: . as 。, : as ：
p006-wrong-form = the Japanese ends with { $ja }, where Japanese text uses { $full }
help-p006-replace = replace { $old } with { $new }
help-p006-insert = end the Japanese with { $new }, as the English ends with { $en }
help-p006-drop = the English ends without punctuation: remove the final { $old }, or end the English the same way
p007-half-width = half-width `{ $char }` in Japanese text
help-p007 = use the full-width form in Japanese text, e.g. （ ） 、 ：
p007-western = full-width Western `{ $char }` in Japanese text
help-p007-replace = replace `{ $old }` with `{ $new }`
p008-no-japanese = Japanese text contains no Japanese script
p008-same-as-english = Japanese text is the same as the English: not translated
p008-bad-pattern = `check.untranslated.allow` pattern { $pattern } is not a valid regular expression
help-p008 = translate it, or add a pattern for names and numbers to `check.untranslated.allow`
p009-term-missing = glossary: “{ $en }” should be translated as “{ $ja }”
help-p009 = the glossary is content/glossary.toml
p010-whitespace-line = line holds only whitespace
p010-trailing = trailing whitespace
p010-leading = leading whitespace in a paragraph line
p010-double-space = doubled space
help-p010 = whitespace in a source line prints as nothing or as a visible gap; remove it
p011-length-ratio = Japanese is { $ja } characters for { $en } in English (ratio { $ratio }, median { $median })
help-p011 = a ratio far from the median often means a sentence was left out or translated twice
p012-unsafe-link = link target `{ $target }` is not allowed and is dropped from the editions
help-p012 = link to http(s), mailto or relative targets only
p013-stale = source changed: English changed since the Japanese was signed off
p013-stale-ja = translation updated, awaiting review: Japanese changed since it was signed off against this English
p013-updated = translation updated, awaiting review: English and Japanese both changed since sign-off
p013-unsigned = translation has never been signed off
help-p013 = review the Japanese against the English, then record it with `codepub sign-off`
p014-copyright-missing = back cover lacks the copyright line “{ $line }” from codepub.toml
p014-copyright-differs = back cover prints “{ $found }” where codepub.toml gives the copyright line “{ $line }”
p014-isbn-missing = back cover does not print the ISBN { $isbn } from codepub.toml
p014-isbn-differs = back cover prints ISBN { $found }, but codepub.toml gives { $isbn }
help-p014 = the edition metadata in codepub.toml and the back covers must agree
p015-unprintable = no font of the editions can print “{ $char }” ({ $codepoint })
p015-fonts-tried = fonts tried: { $fonts }
help-p015 = write another character, or give `--font-path` a folder with a font that has it (see fonts/README.md)
p016-control = control character { $codepoint } ({ $name }) in the source: it prints nothing, no PDF can hold it, and a terminal obeys it
p016-bidi = bidirectional control { $codepoint } ({ $name }) in the source: it changes the order the text is shown in
p016-invisible = invisible character { $codepoint } ({ $name }) in the source
help-p016 = remove it: it prints nothing, and a reader of the source cannot see it
help-p016-remove = remove it: `codepub check --fix` does
help-p016-control = remove it, or write the character it stood for (`codepub check --fix` cannot tell which)
help-p016-mark = remove it, unless it orders a right-to-left quotation (then accept the finding in the baseline)
help-p016-joiner = remove it, unless the script it joins needs it (then accept the finding in the baseline)
p017-not-normalized = { $file } is not in Unicode normalization form C (NFC): { $count ->
    [one] one decomposed character
   *[other] { $count } decomposed characters
    }, the first here
p017-read-as = codepub reads it as “{ $composed }”: the checks, the translation record and the editions see the composed text, other tools do not
help-p017 = save the file in NFC: `codepub check --fix` rewrites it
p018-unclosed = `{ $char }` is not closed: no `{ $partner }` follows in this heading, paragraph or list item
p018-unopened = `{ $char }` closes nothing: no `{ $partner }` before it in this heading, paragraph or list item
p018-mixed = `{ $open }` is closed by `{ $close }`, a bracket of the other width
p018-count = { $en ->
    [one] one parenthesised aside
   *[other] { $en } parenthesised asides
    } in English, { $ja } in Japanese
help-p018 = close the bracket or quote within the same heading, paragraph or list item, or remove the stray one
help-p018-mixed = write `{ $old }` as `{ $new }`: `codepub check --fix` does
help-p018-count = see that the Japanese puts in parentheses what the English does; a translation that adds or drops an aside on purpose is accepted in the baseline
p019-word = repeated word: “{ $words }”
p019-particle = doubled particle `{ $particle }`
help-p019-word = remove the second “{ $word }”: `codepub check --fix` does; a word repeated on purpose goes into `allow` under `[check.repeated]` in codepub.toml
help-p019-particle = remove the second `{ $particle }`: `codepub check --fix` does
p020-only-english = “{ $id }” is in the English but not in the Japanese
p020-only-japanese = “{ $id }” is in the Japanese but not in the English
p020-bad-pattern = `check.identifiers.allow` pattern { $pattern } is not a valid regular expression
help-p020 = a URL, e-mail address, acronym or standard number is written in both languages as it is (full-width forms count as the same); one left out on purpose is accepted in the baseline, or, for the whole project, added to `allow` under `[check.identifiers]` in codepub.toml
p021-english-translated-differently = the same English is translated { $count } ways in the project: “{ $en }”
p021-japanese-for-different-english = the same Japanese translates { $count } different English texts: “{ $ja }”
help-p021 = use one translation for the same text throughout the project, or make the English differ where the Japanese does; a difference kept on purpose is accepted in the baseline
label-translated-here = translated here as “{ $ja }”
label-translates-here = here it translates “{ $en }”
label-first-counterpart = first occurrence: “{ $text }”
label-other-counterpart = also: “{ $text }”
label-identifier-missing = no “{ $id }” here
label-identifier-here = “{ $id }” here

## Labels
label-only-english = only in English
label-only-japanese = only in Japanese
label-japanese-position = here in the Japanese text
label-english-position = here in the English text
label-number-read = read as { $value }
label-number-missing = { $value } is not here
label-no-japanese-counterpart = no Japanese counterpart
label-no-english-counterpart = no English counterpart
label-translates = translates `{ $address }`
label-japanese-belongs-here = the Japanese of `{ $address }` belongs here
label-english-belongs-here = the English of `{ $address }` belongs here
label-expected = expected “{ $text }”
label-address = `{ $address }`
label-unmatched-item = first unmatched item
label-no-reference = no reference here
label-japanese-ending = Japanese ends here
label-english-ending = English ends here
label-term-expected = expected “{ $ja }” here
label-term-here = “{ $en }” here
label-old-english = English when signed off
label-signed-off-japanese = Japanese signed off against the earlier English
note-old-english = English when signed off: { $text }
note-new-english = English now: { $text }
note-english-changes = English changes since sign-off: { $text }
note-old-japanese = Japanese as signed off: { $text }
note-signed-off-by = last signed off by { $by } at { $at }
note-sign-off = after review: codepub sign-off { $clause }
label-new-english = English now

## Report
report-accepted-heading = accepted by { $path }:
report-accepted = { $code } { $address }: { $reason }
report-unused-baseline = baseline entry matches no finding: { $code } { $address }
help-unused-baseline = remove the entry: what it accepted is no longer reported
report-unbound-baseline = baseline entry records no values: it accepts any { $code } finding at { $address }, a new one too
help-unbound-baseline = bind it to its finding: add `{ $lines }` to the entry, or replace it with `{ $command }`
help-unbound-baseline-split = bind it to its findings, which report different values: replace it with `{ $command }`
report-placeholder-reason = baseline entry gives no reason: { $code } { $address }
help-placeholder-reason = write in `reason` why the published text keeps this finding
note-accepted-changed = the accepted finding changed: { $place } accepted { $was }, accepted because “{ $reason }”; now { $now }. Fix the text, or accept it again: `{ $command }`
accept-bad-target = `{ $target }` names no finding: expected CODE@ADDRESS
help-accept-target = name a current finding as its code and address, `P004@principle-2#4` (shown by `codepub check` as `at …`)
accept-no-finding = no current finding { $target } to accept (at that address: { $others })
accept-which-language = { $target } has findings in both languages: choose one with --accept-lang en or --accept-lang ja
accept-no-reason = --accept needs a reason: --reason "…"
help-accept-no-reason = the reason is recorded with the entry: why the published text keeps the finding
accept-written = accepted in { $path }: { $target } { $values }
accept-nothing = nothing to write: { $path } accepts these findings already
report-input-skipped = { $path } is left out: { $why ->
    [fifo] it is a named pipe (FIFO), never opened
    [socket] it is a socket, never opened
    [device] it is a device, never opened
    [dangling] it is a symbolic link to nothing
    [loop] it is a symbolic link back to a folder above it
    [unreadable] { $reason }
   *[other] it is not a regular file, never opened
}
report-summary = { $errors ->
    [0] no errors
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [0] no warnings
    [one] 1 warning
   *[other] { $warnings } warnings
}, { $accepted } accepted
report-clean = translation parity holds: { $clauses } clauses, { $pairs } paragraph pairs checked
report-fix-applied = fixed { $place }: { $old } → { $new }
report-fix-nothing = (nothing)
report-fix-summary = { $count ->
    [0] no fixes applied
    [one] 1 fix applied
   *[other] { $count } fixes applied
}, checking again
report-address = at { $address }
report-build-overridden = publishing despite { $count ->
    [one] one error
   *[other] { $count } errors
} (--allow-errors)
report-build-refused = the sources have errors; not publishing (use --allow-errors to publish anyway)
report-build-provisional-refused = the sources have errors that a provisional build does not publish ({ $codes }); not publishing (use --allow-errors to publish anyway)
report-build-provisional = publishing { $count ->
    [one] one provisional translation
   *[other] { $count } provisional translations
}, marked as such (--provisional)
edition-provisional-note = Provisional translation: where the texts differ, the English text prevails.
report-built = wrote { $path }
report-no-such-form = the { $edition } edition has no { $format } form: not built
report-building = building the { $edition } edition ({ $format })
error-unknown-clause = no clause `{ $id }` in the sources
explain-catalogue-intro = What each check of `codepub check` compares, why, a pair it reports and one it passes, what configures it and how to accept a finding. `codepub explain CODE` prints one of them in the terminal (`--lang ja` in Japanese).
error-missing-feature = { $output } needs codepub built with the `{ $feature }` feature; this one was built without it
help-missing-feature = reinstall with it: `cargo install codepub --features { $feature }` (both `pdf` and `html` are in the default build)
report-signed-off = signed off { $count } changed translations ({ $total } recorded) in { $clauses }: { $path }
status-clause = clause
status-pairs = pairs
status-current = current
status-stale = stale
status-unsigned = unsigned
status-missing = missing
status-signed-off = last signed off
status-review-heading = Not current:
status-last-signed-off = signed off by { $who }
state-current = current
state-source-changed = source changed (English changed, Japanese not yet)
state-translation-updated = translation updated, awaiting review
state-unsigned = never signed off
state-missing = missing in one language
error-sign-off-no-name = who signs off? No git user.name and no USER variable: pass --by NAME
error-sign-off-now = { $variable } is `{ $value }`: expected seconds since 1970 or a UTC date-time YYYY-MM-DDTHH:MM:SSZ
error-sign-off-refused = sign-off refused: { $count ->
    [one] one error
   *[other] { $count } errors
} other than P013 in the pairs to sign off; nothing was written
note-sign-off-blocked = { $code } at { $address }: { $message }
help-sign-off-refused = fix them (see `codepub check`), or sign off anyway with --force --reason "why", which the record keeps
status-total = total
status-no-record = no translation record yet: run `codepub sign-off` after review to start tracking stale translations

## Diff
diff-header = Changes from { $old_en } (adopted { $old_adopted }) to { $new_en } (adopted { $new_adopted })
diff-title-changed = title ({ $lang }): “{ $old }” → “{ $new }”
diff-no-changes = no changes to the text
diff-lang-en = English
diff-lang-ja = Japanese
diff-status-absent = absent
diff-status-unchanged = unchanged
diff-status-added = added
diff-status-removed = removed
diff-status-changed = changed
diff-paragraph-added = added
diff-paragraph-removed = removed
diff-paragraph-changed = changed
diff-paragraph-unchanged = unchanged
diff-kind-colophon = edition matter
diff-kind-footnote = footnote
diff-moved-after = moved after { $after }
diff-moved-first = moved to the beginning
diff-stale-heading = Translations to review:
diff-stale-japanese = English changed, Japanese did not: review the Japanese
diff-stale-english = Japanese changed, English did not: review the English
diff-stale-both = changed in both languages: updated together, nothing to review
diff-stale-updated = translation updated, awaiting review (the English changed earlier; the Japanese now follows)
diff-stale-unsigned = never signed off
diff-stale-missing-japanese = no Japanese translation
diff-stale-missing-english = no English text
diff-summary = { $clauses ->
    [one] 1 clause change
   *[other] { $clauses } clause changes
}; paragraphs: { $added } added, { $removed } removed, { $changed } changed; { $stale ->
    [0] no translations to review
    [one] 1 translation to review
   *[other] { $stale } translations to review
}{ $together ->
    [0] {""}
    [one] ; 1 pair updated together in both languages
   *[other] ; { $together } pairs updated together in both languages
}
diff-together-heading = Changed in both languages (updated together, nothing to review):
diff-revision-old = Old
diff-revision-new = New
diff-source-git = git revision { $name }
diff-source-commit = git revision { $name }, commit { $commit } of { $date }
diff-source-folder = folder { $name }
diff-source-project-folder = the project's folder
diff-legend-heading = Legend
diff-legend-deleted = deleted
diff-legend-inserted = inserted
diff-state-japanese-stale = Japanese stale: the English changed alone, review the Japanese
diff-state-english-stale = English stale: the Japanese changed alone, review the English
diff-state-translation-updated = translation updated, awaiting review
diff-state-unsigned = never signed off
diff-state-missing-translation = missing translation
diff-state-both-changed = updated together: changed in both languages, nothing to review
diff-html-title = Redline: { $old_en } → { $new_en }
diff-html-lang = en

## Rule descriptions (SARIF: shortDescription, fullDescription)
p001-short = Clauses pair up in both languages
p001-full = Every clause appears in both languages, in the same order, and every heading carries a `{"{"}#id{"}"}`.
p002-short = Paragraphs and lists pair one to one
p002-full = Each English paragraph or list has one Japanese counterpart at the same place in its clause, and lists have as many items in both languages.
p003-short = Footnotes match
p003-full = Each paired paragraph references the same footnotes; every footnote is defined in both languages and referenced.
p004-short = Numbers match
p004-full = The digit groups of a paragraph (resolution numbers, ISBN) appear in both languages; dates are compared as dates.
p005-short = Inline markup matches
p005-full = Emphasis, strong text, code and links are used as often in both languages, and links point at the same targets.
p006-short = Final punctuation matches
p006-full = Paragraphs and list items end alike: . as 。, : as ：, ? as ？, ! as ！.
p007-short = No half-width punctuation in Japanese
p007-full = ASCII ( ) , : ; ! ? touching Japanese text should be full-width.
p008-short = Japanese is translated
p008-full = A Japanese heading or paragraph contains Japanese script, unless an allow-list pattern in `check.untranslated.allow` covers it.
p009-short = Glossary terms are translated as agreed
p009-full = When a glossary term appears in a paragraph, its agreed counterpart appears in the paired paragraph: the Japanese term for an English one, and the English term for a Japanese one.
p010-short = No stray whitespace
p010-full = No lines of only whitespace, no trailing, leading or doubled spaces in the sources.
p011-short = Lengths are in proportion
p011-full = The ratio of Japanese to English length stays near the document's median (`check.length_ratio`).
p012-short = Links are safe
p012-full = Link targets are http(s), mailto or relative; others are dropped from the editions.
p013-short = Translations are signed off and current
p013-full = The English (or the Japanese) has not changed since the translation was signed off in content/translations.lock.
p014-short = Edition matter matches codepub.toml
p014-full = The back covers print the ISBN and copyright lines given in codepub.toml.
p015-short = Every character can be printed
p015-full = Every character of the sources has a glyph in one of the fonts the PDF editions are set with (the bundled fonts and those of --font-path).
p016-short = No hidden characters
p016-full = The sources hold no control characters, bidirectional controls or invisible characters (zero width space, a byte order mark within the text, soft hyphen); variation selectors are text.
p017-short = Sources are in NFC
p017-full = Every source is in Unicode normalization form C (CJK compatibility ideographs kept as written), so other tools read it as codepub does.
p018-short = Brackets and quotes are paired
p018-full = Every bracket and quote opened in a heading, paragraph or list item is closed there, in the same width; the parenthesised asides of a block are as many in Japanese as in English.
p019-short = No word written twice
p019-full = No English word is written twice in a row (that that and had had aside, and the words configured), and no Japanese particle is doubled after a noun (をを, のの).
p020-short = Identifiers are kept in both languages
p020-full = A plain-text URL, e-mail address, acronym (ISO/CS) or standard number (ISO 9001:2015, JIS Q 9001) in one language of a pair is in the other too; full-width forms count as the same.
p021-short = The same text is translated the same way
p021-full = Across the project, the same English sentence, heading or list item has one Japanese translation, and one Japanese translation stands for one English text.
report-created = created { $path }
report-init-next = a new project is in { $dir }: run `codepub check` and `codepub build` there
error-no-adoption-date = { $source } states no date of adoption (neither its front matter nor its opening lines); nothing was written
help-no-adoption-date = give the date the text was adopted: `--adopted YYYY-MM-DD` (the PDFs' date and the header of `codepub diff`)
report-adopt-front-matter = { $file }: front matter read{ $titled ->
        [no] {""}
       *[yes] , its title “{ $title }” used for the edition
    }{ $kept ->
        [0] {""}
        [one] ; one other key kept as a comment in codepub.toml
       *[other] ; { $kept } other keys kept as comments in codepub.toml
    }
report-adopt-heading-added = { $file }: text came before the first heading, so a heading “{ $heading }” was added above it
report-adopt-file-alone = { $file }: no { $lang ->
        [ja] Japanese
       *[en] English
    } counterpart (the same relative path, or `name.md` and `name.ja.md`): adopted on its own, look at it
report-adopt-heading-unsure = { $place }: “{ $heading }” and { $other-place }: “{ $other }” given the same id `{ $id }`, on weak evidence: look at this pair
report-adopt-heading-alone = { $place }: no { $lang ->
        [ja] Japanese
       *[en] English
    } heading pairs with “{ $heading }”; given its own id `{ $id }`
report-adopt-summary = adopted { $files ->
        [one] one file
       *[other] { $files } files
    } a side; { $paired ->
        [one] one heading pair
       *[other] { $paired } heading pairs
    } given ids ({ $unsure } on weak evidence), { $alone ->
        [0] no heading left alone
        [one] one heading left alone
       *[other] { $alone } headings left alone
    }
report-adopt-check = `codepub check` on the new project: { $errors ->
        [0] no errors
        [one] one error
       *[other] { $errors } errors
    }, { $warnings ->
        [0] no warnings
        [one] one warning
       *[other] { $warnings } warnings
    }{ $errors ->
        [0] {""}
       *[other] : run `codepub check` in { $dir } to see them
    }
error-project-exists = { $dir } already holds a codepub project (codepub.toml); nothing was written
error-file-exists = { $path } already exists; nothing was written
error-empty-text = no text to import: the file holds no paragraph
help-empty-text = write one paragraph per block of lines, blocks separated by a blank line
report-import-clause-alone = { $file }:{ $line }: “{ $heading }” has no counterpart in { $other }
report-import-block-alone = { $file }:{ $line }: this paragraph of “{ $heading }” has no counterpart in { $other }: { $excerpt }
report-import-summary = imported { $clauses ->
    [one] one clause
   *[other] { $clauses } clauses
}; { $alone ->
    [0] every clause and paragraph is paired
    [one] one clause or paragraph could not be paired: `codepub check` reports it until it is fixed
   *[other] { $alone } clauses or paragraphs could not be paired: `codepub check` reports them until they are fixed
}
error-import-markdown = this file is Markdown, not a plain text: { $sign ->
    [front-matter] it opens with front matter (`+++` or `---`)
    [heading] this line is a Markdown heading (`#`)
    [lists] most of its blocks are Markdown lists, from this line on
    [bold] this line marks bold text with `**`
   *[link] this line holds a Markdown link (`[text](url)`)
}; nothing was written
help-import-markdown = import Markdown with `codepub init --from-markdown EN.md JA.md`: `--from-text` reads plain texts, and would keep the markup as literal text
error-import-no-date = neither { $en } nor { $ja } states the date the text was adopted before its first heading; nothing was written
help-import-no-date = give the date: `--adopted YYYY-MM-DD` (the PDFs' date and the header of `codepub diff`)
report-import-adopted = dated { $date }, as { $file }:{ $line } states (`--adopted YYYY-MM-DD` gives another date)
report-import-no-headings = no heading was recognised in these { $paragraphs } paragraphs: the whole text became title matter, and nothing in it is paired clause by clause
help-import-no-headings = headings are recognised by pattern (`Article 1` / `第一条`, `CHAPTER I` / `第一章`, `1. Title`, `a) Title`; see `codepub help init`): write them so, each on a line of its own, and import again
report-import-summary-no-headings = imported { $clauses ->
    [one] one clause
   *[other] { $clauses } clauses
}; a text without headings is not paired clause by clause (see the warning above for each)
lsp-no-project = codepub lsp: { $path } is in no codepub project (no codepub.toml in its folder or above); it is left alone
lsp-outside-root = codepub lsp: { $path } is outside the project { $root } this server was started for; it is left alone
lsp-not-a-source = codepub lsp: { $path } is not a source of its project (the sources are { $dir }/en/*.md and { $dir }/ja/*.md); it is left alone
lsp-not-checked = the project cannot be checked until this is fixed: { $place }: { $reason }
lsp-crashed = codepub could not check the project (an internal error: { $reason }); please report it
lsp-first-here = first declared here
lsp-counterpart = { $lang ->
    [en] the English counterpart
   *[ja] the Japanese counterpart
}
lsp-accepted = accepted by { $path }: { $reason }
lsp-hover-counterpart = { $lang ->
    [en] English
   *[ja] Japanese
} ({ $place }):
lsp-hover-no-counterpart = { $lang ->
    [en] No English counterpart:
   *[ja] No Japanese counterpart:
} this block is not paired.
lsp-hover-edition-matter = Edition matter: each language prints its own edition's, so it is not paired block by block.
lsp-state-current = Translation: current (signed off against this English).
lsp-state-english-changed = Translation: stale (source changed). The English changed since the Japanese was signed off.
lsp-state-japanese-changed = Translation: translation updated, awaiting review. The Japanese changed since it was signed off.
lsp-state-unsigned = Translation: unsigned (not signed off in { $path }).
lsp-state-no-record = Translation: not tracked (the project has no { $path }; `codepub sign-off` starts it).
lsp-state-english-diff = The English since sign-off ([-removed-] {"{"}+added+{"}"}):
lsp-state-japanese-then = The Japanese as signed off, to start from:
lsp-state-signed-off = Signed off by { $by } at { $at }.
lsp-fix-insert = insert “{ $new }”
lsp-fix-delete = delete “{ $old }”
lsp-fix-replace = replace “{ $old }” with “{ $new }”
lsp-fix-all = apply { $count ->
    [one] the punctuation fix
   *[other] all { $count } punctuation fixes
} of this file
lsp-accept = accept this finding in { $path }… (then write its reason)

## XLIFF exchange (`codepub xliff`)
error-xliff = not an XLIFF 2.0 file codepub can import: { $reason }
help-xliff = import the file `codepub xliff export` wrote, as the CAT tool saved it (well-formed XLIFF 2.0, English to Japanese)
xliff-unknown-unit = unit `{ $id }` is not a block of this project
xliff-unit-name = unit `{ $id }` is named `{ $name }`, which is not the address of that block
xliff-unit-twice = unit `{ $id }` appears twice
xliff-source-changed = the English changed since the export; it now reads: { $english }
xliff-code-unknown = inline code `{ $id }` is not one of the unit's codes
xliff-code-lost = inline code `{ $id }` ({ $code }) of the source is missing from the target
xliff-code-duplicated = inline code `{ $id }` ({ $code }) appears more than once in the target
xliff-no-japanese-block = the Japanese has no place for this target (its heading, clause or list is missing): add it in the Markdown first
xliff-unloadable = the Japanese with the import does not load: { $reason }
xliff-check-fails = the imported Japanese fails { $code }
xliff-control-character = the target holds control character { $codepoint } ({ $name }), which a source must not hold: remove it in the translation tool
xliff-at-block = block { $address }
xliff-refused = import refused ({ $count } problems): nothing written
xliff-nothing-to-export = nothing to export: no unit matches
xliff-exported = exported { $count } units to { $path }
xliff-dry-run = { $count } units would change in { $files } files (dry run: nothing written)
xliff-imported = imported { $units } units: { $count } changed, in { $files } files
memory-exported = wrote { $count } signed-off pairs (from the record now and at { $revisions } commits that changed it) to { $path }
memory-revision-skipped = warning: a revision of the translation record was left out of the translation memory: { $reason }

## codepub watch and codepub serve
watch-unchanged = the { $edition } edition ({ $format }) is unchanged: not rebuilt
watch-nothing-changed = no edition changed: nothing rebuilt
watch-rebuilt = rebuilt { $count ->
    [one] one edition
   *[other] { $count } editions
} in { $ms } ms
watch-parts = laid out { $laid } of the { $count ->
    [one] one part
   *[other] { $count } parts
} of long PDF editions again; the rest were as they had been
watch-preview-errors = the output shows the sources as they are, with { $count ->
    [one] one error
   *[other] { $count } errors
}: `codepub build` publishes nothing until they are resolved
watch-kept-input = the sources could not be read: kept the last output
watch-kept-render = the editions could not be built: kept the last output
watch-waiting = watching for changes (Ctrl-C to stop)
watch-stopped = stopped watching
error-watch = could not watch { $path }: { $reason }
error-serve = could not listen on { $address }: { $reason }
serve-url = serving on { $url } (findings: { $url }_codepub/findings)
serve-page-lang = en
serve-findings-title = codepub: current findings
serve-outcome-current = The output is up to date with the sources.
serve-outcome-kept = The sources could not be read or rendered: the pages served are older than the sources.
serve-no-findings = No findings.
serve-accepted = { $count ->
    [0] No finding is accepted by the baseline.
    [one] One more finding is accepted by the baseline.
   *[other] { $count } more findings are accepted by the baseline.
}
serve-files = Files
serve-banner-count = { $errors ->
    [0] no errors
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [0] no warnings
    [one] 1 warning
   *[other] { $warnings } warnings
}
serve-banner-link = Show the findings
serve-banner-kept = The sources could not be read or rendered: this page shows the last output (the terminal says why).
serve-on-network = serving on { $address }, beyond this machine: the preview has no authentication, so anyone who can reach this address can read it

## P026 enumerations
p026-counts = a list of { $en } items in English but { $ja } in Japanese
label-p026-items = { $count ->
    [one] 1 item
   *[other] { $count } items
}
help-p026 = check that the Japanese list names every item of the English one, no more and no fewer; a list grouped or spelled out differently on purpose is accepted in the baseline, and `min_items` under `[check.enumerations]` in codepub.toml sets how long both lists must be to be compared
p026-short = Lists have as many items in both languages
p026-full = An in-sentence list (items joined by commas and a final `and` or `or`, by `、` and a final `及び` or `又は`, by `・`, or listed in parentheses) has as many items in the Japanese as in the English, when both have at least `min_items`.

## P023 partly-untranslated
p023-english-in-japanese = English left in the Japanese: “{ $text }”
p023-same-as-english = the Japanese keeps the English “{ $text }” untranslated
p023-bad-pattern = `check.partly_untranslated.allow` pattern { $pattern } is not a valid regular expression
help-p023 = translate it; a name or title kept in English on purpose is accepted in the baseline, or, for the whole project, added to `allow` under `[check.partly_untranslated]` in codepub.toml
p023-short = No English sentence is left in the Japanese
p023-full = A Japanese heading, paragraph, list item or footnote holds no run of English that reads as prose (at least `min_words` words with lowercase function and content words, or three words copied from the English); names and titles in title case, acronyms and standard numbers pass.

## P024 patterns
p024-match = { $en }: “{ $found }”
p024-match-named = { $en } ({ $name }): “{ $found }”
p024-bad-pattern = `check.patterns` pattern { $pattern } is not a valid regular expression: the rule is left out
help-p024 = this is one of the project's own rules, `[[check.patterns]]` in codepub.toml; a match kept on purpose is accepted in the baseline
help-p024-replace = replace “{ $found }” with “{ $replacement }”: `codepub check --fix` does
p024-short = The project's own patterns do not match
p024-full = No pattern of `[[check.patterns]]` in codepub.toml matches the text of its language (headings, paragraphs, list items, footnotes, back covers; not code spans or link targets).

# P009 glossary (the Japanese-to-English direction) and P022 terms (forbidden and deprecated terms).
p009-english-term-missing = glossary: “{ $ja }” translates “{ $en }”, which the English does not use
help-p009-english-term-missing = use the English term in the English, or the Japanese the glossary gives for what the English says; the glossary is content/glossary.toml
label-japanese-term-here = “{ $ja }” here
label-english-term-expected = expected “{ $en }” here
p022-forbidden = “{ $term }” is a forbidden term
p022-deprecated = “{ $term }” is a deprecated term
help-p022 = the forbidden and deprecated terms are listed in content/glossary.toml
help-p022-use = replace “{ $term }” with “{ $use }”
label-p022-use = use “{ $use }”
note-p022-reason = the glossary says: { $reason }
p022-short = No forbidden or deprecated terms
p022-full = A term the glossary forbids or deprecates, in either language, is reported where it is used, with the term to use instead.

# P025 spelling
p025-spelling = spelling: “{ $word }” is not in the dictionary
p025-grammar = grammar ({ $lint }): { $message }
p025-unknown-lint = `check.spelling.disable` names { $lint }, which is not a harper lint
p025-unavailable = P025 spelling is enabled in codepub.toml, but this codepub was built without the `spelling` feature: the English is not spell-checked
help-p025-spelling = correct the word; a word the project uses on purpose (a name, a term) goes into the project dictionary, content/dictionary.txt, one word per line
help-p025-spelling-suggested = did you mean { $suggestions }? A word the project uses on purpose (a name, a term) goes into the project dictionary, content/dictionary.txt, one word per line
help-p025-grammar = reword the English; a wording kept on purpose is accepted in the baseline, or, for the whole project, the lint is turned off with `disable = ["{ $lint }"]` under `[check.spelling]` in codepub.toml
help-p025-grammar-suggested = harper suggests { $suggestions }; a wording kept on purpose is accepted in the baseline, or, for the whole project, the lint is turned off with `disable = ["{ $lint }"]` under `[check.spelling]` in codepub.toml
help-p025-unavailable = install a codepub built with its default features, or set `enabled = false` under `[check.spelling]` in codepub.toml
p025-short = English is spelled correctly
p025-full = Every English word is in harper's dictionary, the project dictionary or the glossary, and harper's grammar lints find nothing in the English.

# The line under a finding whose check `codepub explain` explains.
explain-see = see `codepub explain { $code }`
