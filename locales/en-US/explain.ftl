## The long explanation of each parity check (P001…P021), in English, and the words the renderer puts
## around it: `codepub explain CODE` prints it; docs/checks.md, the SARIF rule help and the manual page
## carry the same text. Every id and attribute here exists in ja-JP/explain.ftl too.

## Words of the renderer

explain-heading-compares = What it compares
explain-heading-why = Why it matters
explain-heading-example = Example
explain-heading-fails = Reported
explain-heading-passes = Passes
explain-heading-config = Configuration
explain-heading-accept = Accepting a finding
explain-severity = Default severity: { $severity }
explain-accept = When the published text keeps a finding on purpose (the edition
    as adopted reads that way), accept it: `codepub check --accept CODE@ADDRESS
    --reason "…"` (the address as `codepub check` prints it after `at`, and
    `--accept-lang en` or `ja` when the check reports there in both languages)
    records it in the baseline, `content/accepted.toml` unless `baseline` under
    `[content]` in codepub.toml names another file, as an `[[accepted]]` entry:
    `check`, the code; `address`, where the finding is (`principle-3#2`); `lang`,
    the language at fault; `values`, what the finding reports (its message's
    values: the numbers that differ, the marks, the term); `excerpt`, the
    finding's excerpt where it has one (the occurrence); and `reason`, printed
    with the finding. The editor's "accept this finding" action writes the same
    entry with a placeholder reason, which is reported until replaced. An entry
    accepts only the finding it records: if that finding changes (another
    number, another mark), it is reported as an error again, with the old
    reason, until accepted again. `codepub check` lists an accepted finding as
    accepted, it no longer fails the run, and `check --fix` leaves it alone;
    `--no-baseline` shows it as new again. An entry written by hand without
    `values` accepts any finding of its check at its address, and is reported
    with the `values` line to add; an entry that no longer matches any finding
    is reported, so the baseline stays true.
explain-accept-example =
    check = "{ $code }"
    address = "principle-3#2"
    lang = "ja"
    values = ["…"]
    # excerpt = "…"
    reason = "As published: the Japanese edition as adopted reads this way."
explain-list-heading = Checks (codepub explain CODE for one):
explain-unknown = unknown check { $code }; `codepub explain` lists them
## The checks

explain-p001 = Clauses pair up by id in both languages
    .compares = Every heading starts a clause and must carry an explicit id,
    `{"{"}#article-3{"}"}`; a clause without a heading, such as a back cover, declares
    its id in front matter (`+++ clause = "back-cover" +++`). The two languages'
    clauses are paired by these ids, and codepub reports a clause present in one
    language only, a clause that stands in another order in Japanese than in
    English, a heading without an id, a heading without text, and a document
    whose first heading is not of level 1 (a tagged PDF, PDF/UA, needs it). A
    heading without an id is addressed by its language and line (`ja-line-12`)
    and pairs with nothing (never with the other language's heading that happens
    to stand on the same line), so the English clause it translates is reported
    as missing from the Japanese too. To fix it, the headings of the two
    languages are paired by the evidence paragraphs are paired by (the heading's
    level and numbers; the numbers, notes, links, markup and length of its
    section); a pair the evidence is clear on gets one id in both languages: the
    one the counterpart already has, else the English heading's slug
    (`{"{"}#conflicts-of-interest{"}"}`). The same id twice in one language is not
    a finding but an input error (E009), which stops the run.
    .why = The clause ids are what the two versions share: every other check,
    the baseline, the translation record and the bilingual editions pair the
    text through them. A clause missing from one language is a provision the
    readers of that version never see.
    .fails-en = ## Article 3. Conflicts of interest {"{"}#article-3{"}"}
    Members shall avoid any situation in which their personal interests conflict with their duties.
    .fails-ja = ## 第3条　利益相反
    会員は、個人的な利益が職務と相反する状況を避けなければならない。
    .reported = error[P001]: heading has no clause id (at `ja-line-N`, N being the
    line of the Japanese heading; `--fix` gives it `{"{"}#article-3{"}"}`, the id of
    its English counterpart); and error[P001]: clause `article-3` is missing from
    the Japanese text
    .passes-en = ## Article 3. Conflicts of interest {"{"}#article-3{"}"}
    Members shall avoid any situation in which their personal interests conflict with their duties.
    .passes-ja = ## 第3条　利益相反 {"{"}#article-3{"}"}
    会員は、個人的な利益が職務と相反する状況を避けなければならない。
    .config = Nothing configures this check: the ids are written in the sources
    themselves, the same in both languages. Its default severity is error.
    `codepub check --fix` (and the editor's quick fix) writes the ids of headings
    whose counterpart is clear into both files, and leaves the others with a note
    saying why (a weak pairing, or no counterpart): give those the same
    `{"{"}#id{"}"}` by hand. `codepub init --from-markdown` adopts a whole text this
    way.

explain-p002 = Paragraphs and lists pair one to one
    .compares = Within a clause (and within a footnote), each English paragraph,
    list or other block has exactly one Japanese counterpart, in the same order.
    codepub pairs the blocks by the strongest evidence it has (the translation
    record first, then numbers, footnote references, markup, glossary terms,
    acronyms, loanwords and the number of sentences, and length only to break
    ties), so the block reported is the one actually missing, extra or moved. It
    reports a block without counterpart at its address (`article-4#2`, or
    `article-4#ja2` for a Japanese block without English), with a second label
    on the line of the other file where the counterpart belongs; two neighbours
    standing in the other order, as one finding naming both; a paragraph paired
    with a list; and lists with different numbers of items. A clause missing
    altogether is P001's finding, and the other checks leave a block without
    counterpart to this one.
    .why = A paragraph left out or added in translation changes what the
    official text says in one language only, and a reader comparing the versions
    paragraph by paragraph is misled from that point on.
    .fails-en = ## Article 4. Confidentiality {"{"}#article-4{"}"}
    Members shall keep confidential any information obtained in the course of their duties.
    .fails-ja = ## 第4条　秘密保持 {"{"}#article-4{"}"}
    .reported = error[P002]: paragraph `article-4#1` has no Japanese
    counterpart, labelled in the Japanese file after the heading: “the Japanese
    of `article-4#1` belongs here”
    .passes-en = ## Article 4. Confidentiality {"{"}#article-4{"}"}
    Members shall keep confidential any information obtained in the course of their duties.
    .passes-ja = ## 第4条　秘密保持 {"{"}#article-4{"}"}
    会員は、職務上知り得た情報を秘密として保持しなければならない。
    .config = Nothing configures this check. The translation record
    (`content/translations.lock`, written by `codepub sign-off`) makes the
    pairing of signed-off blocks exact; without it, a block with no number, term
    or markup of its own can be paired by length alone. Its default severity is
    error, and `codepub check --fix` does not fix it.

explain-p003 = Footnotes are referenced and defined alike
    .compares = Footnotes are Markdown footnotes, `[^1]` in the text and
    `[^1]: …` for the note, paired across the languages by their label. In each
    paired heading, paragraph or list, every footnote reference of one language
    must appear as often in the other. codepub also reports a reference to a
    footnote defined nowhere (Markdown then leaves `[^label]` as plain text), a
    footnote defined but never referenced, and a footnote defined in one
    language only.
    .why = A footnote is part of what an official text says: a note that
    qualifies a provision in English but not in Japanese changes its scope in
    one version, and a reference without its note prints as stray brackets.
    .fails-en = Members shall declare any conflict of interest to the Board.[^1]
    .fails-ja = 会員は、利益相反を理事会に申告しなければならない。
    .reported = With footnote 1 defined in both files: error[P003]: footnote
    reference [^1] has no counterpart in the Japanese paragraph; and, when no
    other Japanese text references it, error[P003]: footnote [^1] is defined but
    never referenced (at the Japanese definition)
    .passes-en = Members shall declare any conflict of interest to the Board.[^1]
    .passes-ja = 会員は、利益相反を理事会に申告しなければならない。[^1]
    .config = Nothing configures this check. Its default severity is error, and
    `codepub check --fix` does not fix it. A baseline entry for a reference
    takes the reference as its excerpt (`excerpt = "[^1]"`).

explain-p004 = Numbers match as values
    .compares = The numbers of each paired heading, paragraph and list are read
    as values, however they are written: digits (ASCII or full-width), kanji
    numerals, English number words, fractions, roman numbers and list labels, so
    `forty (40) days` matches `四十日`, `Article 13` matches `第十三条`, `two-thirds`
    matches `三分の二` and `(ii)` matches `二、`. Dates are compared as dates
    (`23 February 2023` = `2023年2月23日` = `令和5年2月23日`, and without a year
    `30 June` = `6月30日`), and other digit groups with separators (`11/2023`, an
    ISBN, `1.5`) as written; the digits of a URL are not numbers. Words that merely
    hold a numeral (`一般`, `統一`, `第三者`), a bare `one` or `一`, and ordinals
    written as words (`the first session`) are not read, except an ordinal or
    number word numbering a paragraph, article, item, chapter or section (`the
    second paragraph` and `paragraph two` = `第二項`), and the labels of list
    items are compared only when both languages label their items. Each number
    without an equal one on the other side is reported at the number, in both
    files; the rules in full follow the examples.
    .why = A number changed in translation, whether a time limit, a quorum, a
    majority, a cross-reference or a date, changes the rule itself, and it is
    the mistake a reviewer reading for sense overlooks most easily.
    .fails-en = The Board shall convene a general meeting within thirty (30) days of receiving the request.
    .fails-ja = 理事会は、請求を受けた日から二十日以内に総会を招集しなければならない。
    .reported = error[P004]: numbers differ: 二十 (20) in Japanese, thirty (30) in
    English
    .passes-en = The Board shall convene a general meeting within thirty (30) days of receiving the request.
    .passes-ja = 理事会は、請求を受けた日から三十日以内に総会を招集しなければならない。
    .config = Nothing configures what counts as a number. Its default severity
    is error, and `codepub check --fix` does not fix it. A number that differs
    on purpose is accepted with the finding's excerpt, the English value and the
    Japanese one (`excerpt = "30 | 20"`, `—` for a number on one side only).
    .details = The rules in full.
    - Digits, ASCII or full-width (`１２` = `12`, `1,000` = `1000`); `3万` = 30000. Groups with separators (`11/2023`, `1.5`, ISBNs) are compared as written.
    - Kanji numerals, positional (`二〇二三`) or compound (`千九百四十六`, `百三`, `三万五千`), when they are a number and not part of a word: after `第` with 条 項 号 章 節 款 目 編 部 (`第十三条` = `Article 13`, `第二項` = `paragraph 2`, `第三号` = `item 3`); before a counter or unit (日 年 人 名 回 歳 割 件 個 つ 倍 か月 時間 パーセント % …); in fractions (`三分の二` = 2/3) and dates; as list labels (`一、` at a line start, `（二）`); or alone when compound (`二十五`). So `一般`, `統一`, `一貫性`, `一連`, `第三者`, `一部`, `十分` are words.
    - English number words and compounds (`four`, `forty-five`, `one hundred and three`, `two thousand`), fractions (`two-thirds`, `one-half`, `a quarter`), `twice`; `forty (40)` is one number.
    - Roman numbers of parts (`CHAPTER III` = `第三章`) and list labels (`(ii)`, `(iv)`, full-width `（ⅱ）`) as their value; `(i)`, `(v)`, `(x)` are letters in a list that has `(h)`, `(u)`, `(w)`.
    - The number one only where it is unmistakable (`1`, `第一条`, `一、`, `(i)`, `one-third`, `one (1)`): a bare `one` or `一` (`no one`, `一つの`, `一人`) is too often a word.
    - Ordinals written as words are not read: `第一回` ↔ `the first session`, `third party` ↔ `第三者`.
    - The labels of a list's items (`一　`, `（二）`, `(iii) `, `3.` at an item's start) are compared when both languages label their items. When only one does (a statute numbers its 号 一, 二, 三; its English translation lists them unnumbered), the labels are the list's numbering and are not compared; every other number of the items still is, and an item more or less is P002's finding.

explain-p005 = Inline markup matches
    .compares = In each paired heading, paragraph and list, codepub counts
    emphasis (`*…*`), strong emphasis (`**…**`), inline code and links, and
    reports each kind used a different number of times in the two languages.
    When both have as many links, their targets must also be the same, in any
    order. A mapping in codepub.toml makes one English kind stand for another in
    Japanese: with `emphasis` mapped to `strong`, English italics are expected
    as Japanese bold (Japanese typography avoids italics), and a Japanese italic
    no longer matches them.
    .why = Markup carries meaning in an official text: bold marks a defined
    term, italics the title of another instrument, a link the document referred
    to. A term marked as defined in one version only, or a link to a different
    document, makes the versions say different things.
    .fails-en = In these Bylaws, **Member** means a person admitted to membership under Article 5.
    .fails-ja = この定款において「会員」とは、第5条の規定により入会を認められた者をいう。
    .reported = error[P005]: strong used 1 times in English, 0 times in Japanese
    .passes-en = In these Bylaws, **Member** means a person admitted to membership under Article 5.
    .passes-ja = この定款において**会員**とは、第5条の規定により入会を認められた者をいう。
    .config = Under `[check.markup]`, `accepted` maps English kinds to Japanese
    ones, e.g. `accepted = [{"{"} en = "emphasis", ja = "strong" {"}"}]`; the kinds are
    `emphasis`, `strong`, `code` and `link`. Without a mapping every kind must
    match itself. Its default severity is error, and `codepub check --fix` does
    not fix it.

explain-p006 = Final punctuation matches
    .compares = The last mark of each paired paragraph and list item (headings
    are not judged) must correspond: `.` as `。`, `:` as `：`, `?` as `？`, `!` as
    `！`, `;` as `；`, `?!` or `!?` as `？！` or `！？`, and no mark as none; closing
    brackets, quotation marks, emphasis and footnote references after the mark
    are looked past. A Japanese ending in `．` or `｡`, or in an ASCII mark
    touching Japanese text (`します.`, `「なぜISO?」`), is reported as the wrong form,
    while an ASCII mark closing Latin text (`ISO/IEC Directives.`) is accepted.
    By statute convention, a list item ending in `;`, `,` or nothing in English
    may end in `。` in Japanese, and so may a paragraph ending in `:` that leads
    into a list. A Japanese list item may end without punctuation (a noun
    phrase, 体言止め) where the English item ends in `;`, and an English
    paragraph ending in a bare URL ends without a mark, so the Japanese may end
    it with `。` or nothing. Pairs of different kinds, and lists with different numbers of
    items, are left to P002.
    .why = The final mark tells the reader whether a provision is complete,
    introduces a list or asks a question; a Japanese sentence left without `。`,
    or ended with a Western full stop, looks unfinished or unproofread in an
    official edition.
    .fails-en = Members shall act honestly and in good faith in all their dealings.
    .fails-ja = 会員は、すべての取引において誠実かつ信義に従って行動しなければならない
    .reported = error[P006]: paragraph ends with . in English but with no punctuation in Japanese
    (help: end the Japanese with 。, as the English ends with .)
    .passes-en = Members shall act honestly and in good faith in all their dealings.
    .passes-ja = 会員は、すべての取引において誠実かつ信義に従って行動しなければならない。
    .config = Under `[check.final_punctuation]`, `statute_conventions = false`
    turns the statute conventions off, and
    `accept = [{"{"} en = ";", ja = "。", where = "list-item" {"}"}]` adds the project's
    own equivalences (`en` and `ja` are a mark, or `""` for none; `where` is
    `anywhere`, the default, `paragraph`, `list-item` or `lead-in`). Its default
    severity is error. `codepub check --fix` replaces a wrong form by its
    Japanese form and inserts a missing mark after plain final text (not after a
    closing bracket or inside emphasis, and never `。` at the end of a list item);
    a different mark, such as `:`
    translated as `。`, is reported with the replacement in the help and never
    fixed.

explain-p007 = No half-width punctuation in Japanese
    .compares = In Japanese text (headings, paragraphs, lists, footnotes and the
    back cover), the ASCII marks `( ) , : ; ! ?` touching Japanese characters
    must be full-width, `（ ） 、 ： ； ！ ？` (a pair `!?` is one finding; the
    Japanese may be in the inline before, as in `**帰結**:`), and an
    ASCII `.` after Japanese text must be `。`. The full-width Western `．` and
    `，` touching Japanese text must be `。` and `、` (not between digits, as in
    `１，０００`), and the half-width katakana marks `｡ ､ ｢ ｣ ･` are wrong wherever
    they stand. Marks between Latin letters or digits (`ISO, 2023`, `a) 序文`) are
    left alone, and the final mark of a paragraph is P006's to judge.
    .why = Half-width punctuation in Japanese text is a typesetting error
    readers notice at once: it sets too narrow beside Japanese characters,
    spaces the line unevenly and makes the official edition look unproofread.
    .fails-en = Members shall keep confidential information, including personal data, secure.
    .fails-ja = 会員は, 個人データを含む秘密情報を適切に管理しなければならない。
    .reported = error[P007]: half-width `,` in Japanese text (help: replace `,`
    with `、`)
    .passes-en = Members shall keep confidential information, including personal data, secure.
    .passes-ja = 会員は、個人データを含む秘密情報を適切に管理しなければならない。
    .config = Nothing configures this check. Its default severity is error.
    `codepub check --fix` applies the replacement of every finding, except a
    half-width bracket whose partner would stay half-width (fixing one alone
    would unbalance the pair). A half-width mark the published text keeps is
    accepted with the finding's excerpt, the mark with up to two characters
    either side (`excerpt = "員は, 個"`).

explain-p008 = Japanese text is translated
    .compares = Every Japanese heading, paragraph and list must contain Japanese
    script, kana or kanji; full-width punctuation and Latin letters do not
    count. A Japanese text without any is reported as not translated when it is
    the same as its English, and as holding no Japanese otherwise. A text that
    rightly holds none (a name, an acronym, an ISBN) is allowed when a regular
    expression of `check.untranslated.allow` matches it; patterns match anywhere
    in the text, so anchor them (`^…$`) to allow only whole texts. A pattern
    that is not a valid regular expression is reported once and ignored.
    .why = An English sentence left in the Japanese file is a provision the
    Japanese edition does not translate; it typically happens when a new
    paragraph is copied across as a placeholder and never translated.
    .fails-en = These Bylaws may be amended by a resolution of the General Assembly.
    .fails-ja = These Bylaws may be amended by a resolution of the General Assembly.
    .reported = error[P008]: Japanese text is the same as the English: not
    translated
    .passes-en = These Bylaws may be amended by a resolution of the General Assembly.
    .passes-ja = この定款は、総会の決議により変更することができる。
    .config = Under `[check.untranslated]`, `allow` lists the patterns, e.g.
    `allow = ["^ISO(/[A-Z]+)?$", "^ISBN [0-9-]+$"]`. Its default severity is
    error, and `codepub check --fix` does not fix it.

explain-p009 = Glossary terms are translated as agreed
    .compares = The glossary lists English terms, each with the Japanese term
    that must translate it. When an English heading, paragraph or list uses a
    term, the paired Japanese text must contain its Japanese term; and when
    the Japanese uses a glossary term, the paired English must contain its
    English term. English terms match whole words, as written or with
    capitals where the term has lower case at the start of a word (a
    sentence start, a heading in title case) or throughout (THE COUNCIL),
    also followed by `s`, `'s` or `’s` (`Council's`), and a plural term in
    the singular too (`multi-stakeholder` for `stakeholders`, not after s, u
    or i: `consensus`); Japanese terms match exactly as written (both read in Unicode normalization form C). Terms
    are counted as a reader counts them, the longest at each place: 理事会
    inside 技術管理理事会 is not counted when both are terms. Several entries
    may share a term, and any of their counterparts satisfies it. Each
    missing term is reported once per pair, at the term and at the block
    where its counterpart was expected.
    .why = An official text names its bodies, instruments and defined terms
    consistently, and its translation must too: one body translated two ways
    reads as two different bodies.
    .fails-en = Members who become aware of a breach of these Bylaws shall report it to the Ethics Committee.
    .fails-ja = 会員は、この定款に違反する行為を知ったときは、倫理審査会に報告しなければならない。
    .reported = With the glossary term `Ethics Committee` = `倫理委員会`:
    error[P009]: glossary: “Ethics Committee” should be translated as “倫理委員会”
    .passes-en = Members who become aware of a breach of these Bylaws shall report it to the Ethics Committee.
    .passes-ja = 会員は、この定款に違反する行為を知ったときは、倫理委員会に報告しなければならない。
    .config = The glossary is `content/glossary.toml` unless `glossary` under
    `[content]` in codepub.toml names another file; each term is a `[[term]]`
    table with `en = "Ethics Committee"` and `ja = "倫理委員会"` (terms not to
    use are P022's). Its default severity is error; a Japanese term without
    its English is a warning, as a Japanese term is often part of a longer
    word (電波 in 電波法), and the English is read in any capitals for it
    (`code of conduct` accounts for 行動規範). `codepub check --fix` does not
    fix it. A baseline entry takes the glossary term as its excerpt
    (`excerpt = "Ethics Committee"`, or `excerpt = "倫理委員会"` for a
    Japanese term without its English).

explain-p010 = No stray whitespace in the sources
    .compares = codepub reads every line of the Markdown sources of both
    languages and reports a line holding only whitespace, whitespace at the end
    of a line, whitespace at the start of a line of a paragraph (in lists and
    code blocks indentation is Markdown syntax and is left alone), and a doubled
    space inside a heading, paragraph or list. Each finding is addressed to the
    block holding the line, or else to the next one. A Markdown hard line break
    written as two trailing spaces counts as trailing whitespace: write it as a
    backslash at the end of the line instead.
    .why = Whitespace in a source line prints as nothing or as a visible gap: a
    doubled space shows as a wide gap in the English edition and as a stray
    space between Japanese characters, and trailing spaces can turn into line
    breaks nobody meant.
    .fails-en = Members shall disclose any conflict of interest to the Secretary-General.
    .fails-ja = 会員は、利益相反があるときは、  事務総長にこれを開示しなければならない。
    .reported = warning[P010]: doubled space (at the two spaces after `ときは、`)
    .passes-en = Members shall disclose any conflict of interest to the Secretary-General.
    .passes-ja = 会員は、利益相反があるときは、事務総長にこれを開示しなければならない。
    .config = Nothing configures this check. Its default severity is warning:
    the findings are printed but do not fail the run, unless
    `codepub check --deny-warnings` reports them as errors.
    `codepub check --fix` does not fix it. A baseline entry takes the kind of
    finding as its excerpt: `whitespace-line`, `trailing`, `leading` or
    `double-space`.

explain-p011 = Lengths stay in proportion
    .compares = For each paired paragraph and list whose English has at least
    `min_chars` characters (headings are not measured), codepub divides the
    number of Japanese characters by the number of English ones, whitespace left
    out. It takes the median of these ratios over the whole project and reports
    each pair whose ratio is more than `factor` times above or below it; with
    fewer than three measured pairs nothing is judged. A ratio far from the
    median is a hint, not proof: the usual cause is a sentence left untranslated
    or translated twice.
    .why = A sentence dropped from a long paragraph leaves the pair looking
    right to every other check; its length is often the only sign that the
    Japanese says less than the English.
    .fails-en = Members shall avoid any conflict between their personal interests and the interests of the Association. Where such a conflict arises, they shall disclose it in writing to the Board without delay and shall not take part in any decision on the matter.
    .fails-ja = 会員は、個人の利益と本会の利益との相反を避けなければならない。
    .reported = In a project whose median ratio is 0.40: warning[P011]: Japanese
    is 31 characters for 208 in English (ratio 0.15, median 0.40)
    .passes-en = Members shall avoid any conflict between their personal interests and the interests of the Association. Where such a conflict arises, they shall disclose it in writing to the Board without delay and shall not take part in any decision on the matter.
    .passes-ja = 会員は、個人の利益と本会の利益との相反を避けなければならない。相反が生じたときは、遅滞なく書面で理事会に開示し、当該事項に関するいかなる決定にも加わってはならない。
    .config = Under `[check.length_ratio]`, `factor` (default `2.0`) sets how
    far from the median a ratio may go, and `min_chars` (default `40`) how long
    an English text must be to be judged: `factor = 2.5` tolerates freer
    translations. Its default severity is warning: the findings do not fail the
    run unless `codepub check --deny-warnings` reports them as errors.
    `codepub check --fix` does not fix it.

explain-p012 = Links point only to safe targets
    .compares = Every link target, in both languages, must be an `http:` or
    `https:` URL, a `mailto:` address, or a relative reference (a path, or a
    `#fragment`). A target with any other scheme (`javascript:`, `data:`,
    `file:`, `vbscript:`…) is reported, and the editions print the link's text
    without the link.
    .why = A published edition must not carry links that run code or point into
    someone's own disk: a `file:` link works on the drafter's computer only, and
    a `javascript:` or `data:` link in the HTML edition is a risk to every
    reader.
    .fails-en = The reporting form is available on the [Association's website](https://www.example.org/ethics/form).
    .fails-ja = 報告様式は[本会ウェブサイト](file:///S:/ethics/form.docx)から入手できます。
    .reported = error[P012]: link target `file:///S:/ethics/form.docx` is not
    allowed and is dropped from the editions (and P005 reports that the links
    point elsewhere)
    .passes-en = The reporting form is available on the [Association's website](https://www.example.org/ethics/form).
    .passes-ja = 報告様式は[本会ウェブサイト](https://www.example.org/ethics/form)から入手できます。
    .config = Nothing configures the allowed schemes. Its default severity is
    error, and `codepub check --fix` does not fix it.

explain-p013 = Translations are signed off and current
    .compares = The translation record, written by `codepub sign-off`, holds for
    every paired heading and block a fingerprint of the English the Japanese was
    translated from, one of the Japanese as signed off, and that English text. A
    pair is reported as "source changed" when its English has changed since its
    Japanese was signed off (the finding shows the English then and now, the word
    diff between them, and the Japanese as signed off), as "translation updated,
    awaiting review" when its Japanese has changed since, and as never signed off
    when the record has no entry for it. A fingerprint covers the
    source text with its whitespace normalised, in Unicode normalization form
    C: a change of wording, markup or punctuation counts, re-wrapping the lines
    or saving the file decomposed (P017) does not. A project without a record
    is not checked.
    .why = When the English of an official text is amended, every translation it
    touches must be revised too; the record shows which ones are pending and
    keeps an edition from being published with Japanese that translates a
    superseded English.
    .fails-en = ## Article 6. Gifts {"{"}#article-6{"}"}
    Members shall disclose in writing any gift or hospitality received in connection with their duties.
    .fails-ja = ## 第6条　贈答 {"{"}#article-6{"}"}
    会員は、職務に関連して受けた贈答を開示しなければならない。
    .reported = With the Japanese signed off when the English read “Members
    shall disclose any gift received in connection with their duties.”:
    error[P013]: source changed: English changed since the Japanese was signed off (at
    `article-6#1`, with the English when signed off, the English now, and “after
    review: codepub sign-off article-6”)
    .passes-en = ## Article 6. Gifts {"{"}#article-6{"}"}
    Members shall disclose in writing any gift or hospitality received in connection with their duties.
    .passes-ja = ## 第6条　贈答 {"{"}#article-6{"}"}
    会員は、職務に関連して受けた贈答又は接待を書面により開示しなければならない。
    .config = The record is `content/translations.lock` unless `lock` under
    `[content]` in codepub.toml names another file. `codepub sign-off article-6`
    records the clauses named (all clauses when none is), after review; the
    corrected pair above passes once it is recorded.
    `codepub xliff import --sign-off` records the translations it imports, and
    `codepub status` counts the pairs of each clause in each state. Sign-off
    is refused while a pair has other errors, unless `--force --reason`. Its default severity is error, and `codepub check --fix` does not
    fix it. With `codepub check --changed-since REV`, P013 is still reported in
    every clause.

explain-p014 = Edition matter matches codepub.toml
    .compares = Each language's back cover, a clause declared by front matter
    with `kind = "colophon"`, is compared line by line with the edition metadata
    in codepub.toml. Every copyright line that `copyright` gives for that
    language must be printed exactly: a printed line that resembles one (60 %
    alike or more) is reported as a misspelling at that line, and a missing one
    at the back cover's `clause =` key. When `isbn` is given, the back cover
    must print `ISBN`, a space and that number, and no other ISBN. Other lines
    (“All rights reserved”, an address) are free.
    .why = The back cover carries the edition's legal identity: an ISBN that
    differs from the registered one, or a copyright line that differs from the
    agreed wording, ends up on every printed copy and in library catalogues.
    .fails-en = ISBN 978-4-902115-73-4
    .fails-ja = ISBN 978-4-902115-37-4
    .reported = With `isbn = "978-4-902115-73-4"` and no `copyright` in
    codepub.toml: error[P014]: back cover prints ISBN 978-4-902115-37-4, but
    codepub.toml gives 978-4-902115-73-4
    .passes-en = ISBN 978-4-902115-73-4
    .passes-ja = ISBN 978-4-902115-73-4
    .config = Under `[edition]` in codepub.toml, `isbn = "978-4-902115-73-4"`
    and
    `copyright = {"{"} en = ["© Japan Ethics Association, 2024"], ja = ["© 日本倫理協会 2024"] {"}"}`
    give what the back covers must print; without them, nothing is checked. Its
    default severity is error, and `codepub check --fix` does not fix it.

explain-p015 = Every character can be printed
    .compares = Every character of the sources, in both languages, headings,
    code and edition matter included, must have a glyph in one of the fonts the
    PDF editions are set with: the bundled fonts, and those of the folders given
    with `--font-path`. A character none of them has (an emoji, an Arabic
    ligature such as `﷽`, Hangul, the white parentheses `⦅⦆`) is reported at its
    line and column, with its code point and the fonts tried. The bundled fonts
    cover JIS X 0208, JIS X 0213, the CP932 name variants (`髙`, `﨑`) and `𠮷`
    (see fonts/README.md). A codepub built without the `pdf` feature has no
    fonts to read and reports nothing.
    .why = A character no font has prints as an empty box, or not at all, in the
    PDF edition; in an official text it may be part of a person's name or a
    symbol the sentence depends on, and it should be caught before typesetting.
    .fails-en = Reports may also be made by telephone to the ethics hotline (0120-123-456).
    .fails-ja = 倫理ホットライン（📞 0120-123-456）に電話で通報することもできる。
    .reported = error[P015]: no font of the editions can print “📞” (U+1F4DE),
    with the note “fonts tried:” and the font families
    .passes-en = Reports may also be made by telephone to the ethics hotline (0120-123-456).
    .passes-ja = 倫理ホットライン（0120-123-456）に電話で通報することもできる。
    .config = Nothing in codepub.toml configures this check.
    `codepub check --font-path DIR` (repeatable) counts the fonts in DIR too, as
    `codepub build --font-path DIR` uses them. Its default severity is error,
    and `codepub check --fix` does not fix it.

explain-p016 = No hidden characters in the sources
    .compares = codepub reads every character of the Markdown sources of both
    languages, headings, ids, link targets, code and front matter included, and
    reports three kinds a reader of the source cannot see: control characters
    (C0 but tab and line feed, DEL and C1, such as NUL, or the ESC that starts a
    terminal escape sequence); bidirectional controls (the embeddings, overrides
    and isolates U+202A–U+202E and U+2066–U+2069, and the marks U+200E, U+200F
    and U+061C); and invisible characters (zero width space U+200B, zero width
    non-joiner and joiner U+200C and U+200D, word joiner U+2060, the invisible
    operators U+2061–U+2064, U+FEFF within the text, soft hyphen U+00AD). Each
    is reported at its line and column with its code point and name. Variation
    selectors (U+FE00–U+FE0F, and U+E0100–U+E01EF, which choose the glyph of a
    Japanese name character) are text and pass, as does a zero width joiner
    inside an emoji.
    .why = What cannot be seen cannot be reviewed. A right-to-left override
    makes a sentence show otherwise than the editions print it; a zero width
    space or a soft hyphen inside a word hides it from the glossary check and
    from every search; a control character cannot be printed (the PDF export
    fails on it) and, shown in a terminal, can retitle the window or erase a
    line. codepub's own terminal report prints such characters as escapes,
    `\u{"{"}1b{"}"}`, and never raw.
    .fails-en = Members shall declare any conflict of interest to the Board.
    .fails-ja = 会員は、{"\u200B"}利益相反を理事会に申告しなければならない。
    .reported = error[P016]: invisible character U+200B (ZERO WIDTH SPACE) in
    the source (after `会員は、`, where nothing shows), with the help “remove
    it: `codepub check --fix` does”
    .passes-en = Members shall declare any conflict of interest to the Board.
    .passes-ja = 会員は、利益相反を理事会に申告しなければならない。
    .config = Nothing in codepub.toml configures this check. Its default
    severity is error. `codepub check --fix` removes the characters whose
    removal is safe: the zero width space, the word joiner, U+FEFF and the soft
    hyphen, which only say where a line may break (the editions break lines
    themselves), and the embeddings, overrides and isolates, as English and
    Japanese run left to right. It leaves control characters, as what they
    stood for is unknown; the bidirectional marks, which a right-to-left
    quotation may need; and the joiner and non-joiner, which shape some
    scripts. A finding kept on purpose is accepted with its code point as the
    excerpt (`excerpt = "U+200F"`); an accepted control character still fails
    the PDF export.

explain-p017 = Sources are in Unicode normalization form C
    .compares = Every Markdown source of both languages must be in Unicode
    normalization form C (NFC), where `が` is one character and not `か`
    followed by the combining voiced sound mark U+3099, and `é` one character
    and not `e` and U+0301. Some editors, input methods and translation tools
    save text decomposed (NFD). codepub reads every source as NFC, so the ids,
    the glossary, the translation record, the other checks and the editions see
    the composed text, and a decomposed file changes none of them; this check
    reports the file itself, once, at its first decomposed character, with how
    many there are. CJK compatibility ideographs (U+F900–U+FAFF and
    U+2F800–U+2FA1F) are kept as written, neither normalised nor reported: NFC
    would replace `{"\uFA19"}` (U+FA19) with `神` (U+795E), another glyph in print.
    .why = Decomposed text looks the same and is another string to every tool
    but codepub: a search for `がくせい` does not find it, a diff shows every
    line changed when the file is saved again in the other form, and an id or
    a term copied out of it no longer matches. Saved in NFC, a source reads the
    same everywhere.
    .fails-en = Members shall declare any conflict of interest to the Board.
    .fails-ja = 会員は、利益相反か{"\u3099"}ある場合は、理事会に申告しなければならない。
    .reported = warning[P017]: content/ja/10-code.md is not in Unicode
    normalization form C (NFC): one decomposed character, the first here (at
    `が`), with the note “codepub reads it as “が””
    .passes-en = Members shall declare any conflict of interest to the Board.
    .passes-ja = 会員は、利益相反がある場合は、理事会に申告しなければならない。
    .config = Nothing in codepub.toml configures this check. Its default
    severity is warning: the finding is printed but does not fail the run,
    unless `codepub check --deny-warnings` reports it as an error.
    `codepub check --fix` rewrites the file in NFC, from its first decomposed
    character to its last (when a P016 fix falls in between, it is applied
    first and the next `--fix` does this one). A finding accepted in the
    baseline has the address of the file's first decomposed character and no
    excerpt.

explain-p018 = Brackets and quotes are paired
    .compares = Within each language, every bracket and quote opened in a
    heading, a paragraph or a list item must be closed there: ( ) and （ ）, [ ]
    and ［ ］, 「 」, 『 』, 【 】, 〔 〕, 〈 〉, 《 》, “ ” and ‘ ’. A list item is a scope
    of its own, so a bracket opened in one item and closed in the next is
    reported. Code spans and link targets are not read, and straight quotes
    " and ' are left out, as they do not say whether they open or close. ’ is
    also the apostrophe: between two letters (ISO’s) it always is one, and
    elsewhere it closes a ‘ only when one is open (members’ alone is an
    apostrophe). A ) that closes nothing right after an enumerator at the
    start of a word (section b) above, イ）) belongs to the enumerator. Each
    unclosed or stray bracket is reported at its line and column; a pair of
    two widths, (…）, is reported too, and its member of the other width is
    written in the language's form, half-width in English and full-width in
    Japanese (in Japanese, a half-width member touching Japanese text is
    P007's finding, with the same fix). Across the two languages, the
    parenthesised asides of a heading or block, ( ) and （ ） counted together,
    must be as many in Japanese as in English, when neither side has an
    unpaired bracket; parentheses around a number or an enumerator alone
    (forty (40) days, item (iv)) are a drafting convention and not counted.
    Quotes are not compared across languages: English “…” and Japanese 「…」
    do not translate one for one.
    .why = An unclosed bracket leaves the reader unsure where an aside or a
    quotation ends, and in an official text that can change what a provision
    covers; an aside present in one language only is a piece of the text
    translated or dropped on one side.
    .fails-en = Members shall declare any conflict of interest (financial or personal) to the Board.
    .fails-ja = 会員は、「利益相反（金銭的なものか個人的なものかを問わない）を理事会に申告しなければならない。
    .reported = warning[P018]: `「` is not closed: no `」` follows in this
    heading, paragraph or list item (labelled at the `「`)
    .passes-en = Members shall declare any conflict of interest (financial or personal) to the Board.
    .passes-ja = 会員は、利益相反（金銭的なものか個人的なものかを問わない）を理事会に申告しなければならない。
    .config = Nothing in codepub.toml configures this check. Its default
    severity is warning: a finding is printed but does not fail the run,
    unless `codepub check --deny-warnings` reports it as an error.
    `codepub check --fix` fixes a pair of two widths only; an unclosed or stray
    bracket has no one sensible fix. A finding kept on purpose (an aside
    added in translation, a quotation that runs over several list items) is
    accepted with its bracket and a few characters around it as the excerpt.

explain-p019 = No word is written twice
    .compares = In either language's text, the same English word twice in a
    row, case aside (the the, The the, of of), separated only by spaces or a
    line break: any punctuation between them separates them, so a repeat
    never runs across the end of a sentence. Words repeated on purpose pass:
    that that, had had, is is, do do, and the words configured. In the
    Japanese, a doubled particle (をを, のの, にに, がが, はは, でで, とと, もも,
    へへ) where it cannot be part of a word: right after a kanji, katakana, a
    Latin letter or digit or a closing bracket, and before anything but
    hiragana. すもももももももものうち, 今日ははやく and ではは pass; a particle
    doubled after hiragana (ことをを) is not reported, as kana words make that
    place ambiguous. Code spans are not read.
    .why = A doubled word is the commonest slip of an edit that was not read
    again, and it is invisible to a reader who knows what the sentence should
    say; in a published official text it reads as carelessness.
    .fails-en = Members shall declare any conflict of interest to the the Board.
    .fails-ja = 会員は、利益相反を理事会にに申告しなければならない。
    .reported = warning[P019]: repeated word: “the the” (in the English), and
    warning[P019]: doubled particle `にに` (in the Japanese), each with a fix
    that removes the second occurrence
    .passes-en = Members shall declare any conflict of interest to the Board.
    .passes-ja = 会員は、利益相反を理事会に申告しなければならない。
    .config = `allow = ["very", "bye bye"]` under `[check.repeated]` in
    codepub.toml adds English words that may be written twice in a row (a word,
    or the word twice), to that, had, is and do. Its default severity is
    warning. `codepub check --fix` removes the second occurrence (with the
    space before it) when the source spells both words literally.

explain-p020 = Identifiers are kept in both languages
    .compares = In each heading, paragraph or list and its counterpart, the
    identifiers a translation keeps as written: URLs and e-mail addresses in
    the text (a link's own text and target are P005's), acronyms of two or
    more capitals (ISO, ISO/CS, NGOs as NGO), and standard numbers, an
    acronym, perhaps a letter, and a number (ISO 9001:2015, ISO/IEC 27001,
    JIS Q 9001, also written ISO9001). Full-width forms (ＩＳＯ　９００１) count
    as their ASCII ones. An identifier of one language missing from the other
    is reported once per block, labelled where it is and at the block that
    lacks it; a compound acronym is there when each of its parts is (ISO and
    IEC for ISO/IEC), and an acronym is there inside a compound or a standard
    number (ISO in ISO/CS). Not identifiers: English set in capitals (a line
    in capitals, or two long words in capitals in a row: RIGHTS AND DUTIES),
    a bracketed placeholder ([INSERT CONTACT METHOD]), the words of
    requirements and headings in capitals (SHALL, MUST, NOT, NOTE, CHAPTER),
    and roman numerals (III, which P004 reads).
    .why = A Japanese translation keeps names of bodies, addresses and
    references in their own script: an acronym, an address or a standard
    number present in one language only is a reference dropped, added or
    changed in translation, and a reader of the other edition cannot follow
    it.
    .fails-en = Concerns are reported to the ISO/CS Ethics Officer.
    .fails-ja = 懸念は、中央事務局の倫理担当者に報告する。
    .reported = warning[P020]: “ISO/CS” is in the English but not in the
    Japanese, labelled at `ISO/CS` in the English and at the Japanese
    paragraph
    .passes-en = Concerns are reported to the ISO/CS Ethics Officer.
    .passes-ja = 懸念は、ISO/CS の倫理担当者に報告する。
    .config = Under `[check.identifiers]`, `allow` lists identifiers either
    language may hold alone, each a regular expression matched against the
    whole identifier as the finding names it: a literal identifier matches
    itself (`allow = ["ISO/CS", "TC [0-9]+"]`). Its default severity is
    warning, as a translation may spell an acronym out (中央事務局 for
    ISO/CS): a finding is printed but does not fail the run, unless
    `codepub check --deny-warnings` reports it as an error. `codepub check
    --fix` does not fix it. A baseline entry takes the identifier as its
    excerpt (`excerpt = "ISO/CS"`).

explain-p021 = The same text is translated the same way
    .compares = Across the whole project, each heading, paragraph and list
    item and its counterpart are cut into segments: list items one by one
    when both languages have as many, then sentences (English after `.`, `?`
    or `!` and a space, not after an abbreviation or a number; Japanese after
    `。`, `？` or `！`) when both have as many, else the item or block whole.
    Segments are compared with their whitespace collapsed. The same English
    segment given two or more Japanese translations is reported, and so is
    one Japanese segment given for two or more different English ones. Each
    such group is reported once, at its first occurrence that differs from
    the first one, with labels at the first occurrence and at a few later
    ones; the same text translated the same way any number of times passes.
    .why = A translation memory or a reviewer expects one wording for one
    text: the same provision translated two ways reads as two provisions, and
    two provisions translated alike read as one. Translation QA tools such as
    Xbench and Verifika report the same.
    .fails-en =
        - Declare any conflict of interest.
        - Protect confidential information.
        - Declare any conflict of interest.
    .fails-ja =
        - 利益相反を申告する。
        - 機密情報を保護する。
        - 利害の衝突を届け出る。
    .reported = warning[P021]: the same English is translated 2 ways in the
    project: “Declare any conflict of interest.”, at the third item, labelled
    with the first
    .passes-en =
        - Declare any conflict of interest.
        - Protect confidential information.
        - Declare any conflict of interest.
    .passes-ja =
        - 利益相反を申告する。
        - 機密情報を保護する。
        - 利益相反を申告する。
    .config = Nothing in codepub.toml configures this check. Its default
    severity is warning: a finding is printed but does not fail the run,
    unless `codepub check --deny-warnings` reports it as an error.
    `codepub check --fix` does not fix it. A difference kept on purpose is
    accepted at the address the finding names, with the start of the text as
    its excerpt.

# P026 enumerations
explain-p026 = Lists have as many items in both languages
    .compares = In each heading, paragraph and list item, the in-sentence
    lists of both languages: in English, items separated by commas (not the
    comma of 1,000) whose last one is opened by and, or or nor (A, B, and C)
    or joined to the one before it (A, B and C), or items separated by
    semicolons whose last one is opened by and or or; in Japanese, items
    separated by 、 whose last one is opened by 及び, 並びに, 又は, 若しくは or
    その他 (or their kana spellings), or joined to the one before it by one
    of those, や or と (A、B及びC), and words joined by ・ (not the ・ of a
    katakana name); in parentheses, in either language, items separated by
    commas or 、 without a conjunction. The items after the first are short
    (six English words, twenty Japanese characters at most, a Japanese one
    ending as a noun does), so an and inside an item (gender identity and
    expression) does not split it and a 、 after a clause (私たちは、) is no
    list separator. An item with a conjunction inside may be one item or
    two, so each list is counted both ways. The longest list of each
    paragraph, heading or list item (paired with the item of the same rank;
    lists of different lengths are P002's finding) is compared: when both
    have at least `min_items` items and both counts say the same list is
    longer, the pair is reported at both lists. A list that says it is open
    (etc., 等, など, e.g.) is not compared.
    .why = A list is where a translation loses an item without anyone
    noticing: the sentence still reads well. A Japanese translation of the
    Contributor Covenant lists thirteen of the sixteen characteristics its
    English pledge names.
    .fails-en = We welcome everyone, regardless of age, disability, ethnicity,
    education, nationality, or religion.
    .fails-ja = 年齢、障害、民族性、国籍、または宗教に関係なく、すべての人を歓迎します。
    .reported = warning[P026]: a list of 6 items in English but 5 in
    Japanese, labelled at both lists
    .passes-en = We welcome everyone, regardless of age, disability, ethnicity,
    education, nationality, or religion.
    .passes-ja = 年齢、障害、民族性、教育、国籍、または宗教に関係なく、すべての人を歓迎します。
    .config = `min_items = 4` under `[check.enumerations]` in codepub.toml
    (the default; 2 or more) sets how many items both lists must have to be
    compared. Its default severity is warning: items grouped or spelled out
    differently make the counts differ with nothing missing. `codepub check
    --fix` does not fix it. A difference kept on purpose is accepted at the
    address the finding names, with both counts as its values.

# P023 partly-untranslated
explain-p023 = No English sentence is left in the Japanese
    .compares = Each Japanese heading, paragraph, list item and footnote
    that has Japanese script (one without is P008's) is cut into runs of
    text that is not Japanese (kana, kanji, CJK and full-width punctuation
    and code spans end a run; URLs and e-mail addresses cut it). A run's
    words are its Latin-script tokens; numbers and tokens such as `ISO/CS`
    or `9001:2015` do not count. A run is reported when it reads as prose:
    at least `min_words` words, one a lowercase function word (`the`, `of`,
    `shall`…) and one a lowercase word that is not; or at least three words,
    one a lowercase word that is not a function word, that the paired
    English holds verbatim (case and spacing aside). Names and titles in
    title case (`International Organization for Standardization`),
    acronyms, standard numbers and romanised names never are. A run in
    quotes (「」, 『』, “”) or that is the whole text of a link is a cited
    title when the English also holds it, and passes; a run in parentheses is a gloss of a term and is reported only
    when it reads as prose on its own. The finding is labelled at the run,
    and at the same text in the English when it is there.
    .why = A sentence pasted from the source and never translated, or left
    behind by a translation tool, reads as finished Japanese around it, so
    a reader of the Japanese edition alone misses what it says. Translation
    QA tools report text left untranslated inside a segment for this reason.
    .fails-en = We act with integrity.
    .fails-ja = 私たちは誠実に行動します。We act with integrity.
    .reported = warning[P023]: the Japanese keeps the English “We act with
    integrity” untranslated, labelled in both files
    .passes-en = We act with integrity.
    .passes-ja = 私たちは誠実に行動します。
    .config = `[check.partly_untranslated]` in codepub.toml:
    `min_words = 4` (the default) sets how many words a run of prose needs;
    `allow = ["Terms of .*"]` lists regular expressions, each matched
    against a whole run as a finding shows it, for English the project
    keeps on purpose. An invalid pattern is reported on codepub.toml. Its
    default severity is warning: a Japanese text may quote English on
    purpose. `codepub check --fix` does not fix it. A run kept on purpose is
    accepted at the address the finding names, with the run as its value.

# P024 patterns
explain-p024 = The project's own patterns do not match
    .compares = The project's own checklist: each rule of
    `[[check.patterns]]` in codepub.toml is a regular expression searched
    in the text of its language, in headings, paragraphs, list items (one
    by one), footnotes and back covers. Code spans, link targets and
    footnote references are not read; an empty match and a match that would
    take in a code span are left out. Every match is a finding at the
    match, with the paired heading or block of the other language as a
    second label.
    .why = A house style has rules no general check knows: a word written
    in kana rather than kanji, a term the publisher no longer uses, a
    spelling. Written once as patterns, they are checked on every run, the
    way a translation QA tool's checklist is.
    .fails-en = Please contact the secretariat.
    .fails-ja = 事務局に連絡して下さい。
    .reported = error[P024]: write ください in kana (kana-kudasai): “下さい”,
    fixed by `codepub check --fix`
    .passes-en = Please contact the secretariat.
    .passes-ja = 事務局に連絡してください。
    .config = Each rule is a `[[check.patterns]]` table in codepub.toml.
    The example uses this one:
    `lang = "ja"`
    `pattern = "下さい"`
    `message = "write ください in kana"`
    `replace = "ください"`
    `name = "kana-kudasai"`
    `lang` is `en`, `ja` or `both`; `pattern` is a regular expression (the
    Rust `regex` crate's syntax); `message` is the finding's message, or a
    table `{"{"} en = "…", ja = "…" {"}"}` with one for each interface language;
    `severity` is `error` (the default) or `warning`; `replace`, optional,
    is the fix `codepub check --fix` applies to a match the source spells
    literally (`$1` names a group); `name`, optional, is shown with the
    message and recorded in the baseline. A pattern that is not a valid
    regular expression is reported on codepub.toml and its rule left out;
    a `lang` or `severity` other than these is an error at its line in
    codepub.toml. A match kept on purpose is accepted at the address the
    finding names with `values = [name, match]` (the pattern stands for
    the name of a rule without one).

# P022 terms: forbidden and deprecated terms.
explain-p022 = No forbidden or deprecated terms
    .compares = The glossary lists terms not to use, in either language,
    each with the term to use instead. Every heading, paragraph, list and
    footnote of both languages, and the back cover, is searched for them:
    English terms as whole words, as written or with capitals where the
    term has lower case at the start of a word or throughout, also followed by `s`,
    `'s` or `’s`; Japanese terms literally. An occurrence inside an approved
    term of the same language (a glossary term, or a term to use instead) is
    not reported: forbidding 評議会 leaves 技術管理評議会 alone when that is
    a glossary term. Of two banned terms one inside the other, the longer is
    reported.
    .why = A terminology is as much about the words not to use as about the
    words to use: a superseded name, a calque, a term another body uses for
    something else. Terminologists record them as forbidden or deprecated
    (TBX's normative status); reading for them by eye misses some in a long
    text.
    .fails-en = Members who become aware of a breach of these Bylaws shall report it to the Ethics Committee.
    .fails-ja = 会員は、この定款に違反する行為を知ったときは、倫理審査会に報告しなければならない。
    .reported = With the glossary entry `en = "Ethics Committee"`, `ja =
    "倫理委員会"`, `ja_forbidden = ["倫理審査会"]`: error[P022]: “倫理審査会”
    is a forbidden term, with the help to replace it with “倫理委員会”
    .passes-en = Members who become aware of a breach of these Bylaws shall report it to the Ethics Committee.
    .passes-ja = 会員は、この定款に違反する行為を知ったときは、倫理委員会に報告しなければならない。
    .config = The terms are in the glossary (`content/glossary.toml`, or the
    file `glossary` under `[content]` in codepub.toml names). On a `[[term]]`
    entry, `en_forbidden`, `ja_forbidden`, `en_deprecated` and
    `ja_deprecated` list terms not to use for it, e.g.
    `ja_forbidden = ["評議会"]`. A `[[forbidden]]` table says more: `lang` (`"en"` or
    `"ja"`), `term`, `use` (the preferred term, or a list of them, optional),
    `status` (`"forbidden"`, the default, or `"deprecated"`) and `reason`
    (optional, shown as a note). A forbidden term is an error, a deprecated
    one a warning, whatever the check's default severity (error); `codepub
    check --deny-warnings` makes both errors. With exactly one term to use,
    `codepub check --fix` replaces the occurrence by it (capitalised as the
    occurrence was) where the source spells it literally. An unknown key, a
    `lang` or `status` other than these is an error at its line in the
    glossary. A use kept on purpose is accepted at the address the finding
    names, with the term as found as its excerpt.

# P025 spelling
explain-p025 = English is spelled correctly
    .compares = The English side only, as harper (harper-core, offline, its
    dictionary compiled in) reads English alone: each heading, paragraph,
    list item, quoted paragraph and footnote is given to harper as plain
    text of its own. Code spans, link targets, footnote references and code
    blocks are not read. A word is known when it is in harper's dictionary
    (in the configured dialect), in the project dictionary, or in an English
    term of the glossary. Each word harper does not know is reported, with
    its suggestions, and so is whatever its grammar lints find (a or an
    before a word, a repeated word, agreement…), with harper's own message,
    in English, and the lint's name.
    .why = A typo in the English source is copied into every edition and
    every translation made from it. Spelling is checked on the English, the
    language translated from; the Japanese is checked against it by the
    other checks.
    .fails-en = Members shall declare any conflict of intrest.
    .fails-ja = 会員は、いかなる利益相反も申告しなければならない。
    .reported = warning[P025]: spelling: “intrest” is not in the
    dictionary, labelled at the word, with harper's suggestions
    .passes-en = Members shall declare any conflict of interest.
    .passes-ja = 会員は、いかなる利益相反も申告しなければならない。
    .config = Under `[check.spelling]` in codepub.toml: `enabled = true`
    turns the check on. It is off by default: on four real texts 13 of its 14
    findings were names and terms its dictionary lacks, and it takes about
    5 ms a paragraph, a hundred times the rest of the check; the shipped
    Code, whose published text keeps its typos, leaves it off. `dictionary`, the project dictionary
    (by default `content/dictionary.txt`, which may be absent; a file named
    here must exist: one word per line, `#` starts a comment); `grammar =
    false` keeps the spelling lint alone; `disable`, harper lints turned off
    by name (`disable = ["SentenceCapitalization"]`; an unknown name is
    reported on codepub.toml); `dialect`, `american` (the default),
    `british`, `canadian`, `australian` or `indian`. Its default severity is
    warning: a finding is printed but does not fail the run, unless `codepub
    check --deny-warnings` reports it as an error. `codepub check --fix`
    replaces a misspelt word only when harper suggests exactly one word for
    it. A codepub built without the `spelling` feature reports, once, that
    it cannot check, when the check is enabled.
