//! P004 numbers: the numbers of a pair match as values (see [`codepub_core::numerals`] for what is read
//! as a number: `四十日` = `forty (40) days`, `第十三条` = `Article 13`, dates as dates), each
//! mismatch reported at the number, in both files.

use super::{Check, Context, Draft, Label, Unit, push_text_without_refs};
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, InlineKind, Lang};
use codepub_core::numerals::Numeral;
use codepub_core::source::{SourceMap, Span};

pub struct Numbers;

impl Check for Numbers {
    fn code(&self) -> &'static str {
        "P004"
    }

    fn name(&self) -> &'static str {
        "numbers"
    }

    fn help(&self) -> &'static str {
        "help-p004"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let sources = &cx.project.sources;
        for pair in &cx.pairs {
            let Some((en, ja)) = pair.sides.both() else { continue };
            let (en, ja) = (Located::of(en), Located::of(ja));
            // Mostly the aligner's reading of the same text.
            let read = |located: &Located<'_>, lang| cx.alignment.numerals.read(&located.text, lang).into_owned();
            let (en_numbers, ja_numbers) = (read(&en, Lang::En), read(&ja, Lang::Ja));
            let (en_numbers, ja_numbers) = without_unmatched_labels(&en, en_numbers, &ja, ja_numbers);
            let mut en_matched = vec![false; en_numbers.len()];
            let mut ja_only = Vec::new();
            for number in &ja_numbers {
                match (0..en_numbers.len()).find(|&i| !en_matched[i] && en_numbers[i].value == number.value) {
                    Some(i) => en_matched[i] = true,
                    None => ja_only.push(number),
                }
            }
            let en_only: Vec<&Numeral> =
                en_numbers.iter().zip(&en_matched).filter(|(_, matched)| !**matched).map(|(n, _)| n).collect();
            // Unmatched numbers pair in reading order: the usual mistake is one number changed.
            for i in 0..ja_only.len().max(en_only.len()) {
                let (ja_number, en_number) = (ja_only.get(i).copied(), en_only.get(i).copied());
                let value = |n: Option<&Numeral>| n.map_or("—".to_string(), |n| n.value.to_string());
                let label = |side: &Located<'_>, lang: Lang, number: Option<&Numeral>, other: Option<&Numeral>| match (
                    number, other,
                ) {
                    (Some(n), _) => Label::new(lang, &side.span(sources, n))
                        .with(Message::new("label-number-read").arg("value", n.value.to_string())),
                    (None, other) => Label::new(lang, side.unit.span)
                        .with(Message::new("label-number-missing").arg("value", value(other))),
                };
                let message = match (ja_number, en_number) {
                    (Some(j), Some(e)) => {
                        Message::new("p004-number-differs").arg("ja", ja.shown(j)).arg("en", en.shown(e))
                    }
                    (Some(j), None) => Message::new("p004-number-only-japanese").arg("ja", ja.shown(j)),
                    (None, Some(e)) => Message::new("p004-number-only-english").arg("en", en.shown(e)),
                    (None, None) => continue,
                };
                out.push(
                    Draft::new(message, &pair.address, Some(Lang::Ja))
                        .label(label(&ja, Lang::Ja, ja_number, en_number))
                        .label(label(&en, Lang::En, en_number, ja_number))
                        .excerpt(format!("{} | {}", value(en_number), value(ja_number))),
                );
            }
        }
    }
}

/// Drops the labels of list items (`一　`, `(ii) `) in one language whose counterpart item has no
/// label: they are the list's numbering, which the other language shows by its list form alone
/// (a statute numbers its 号 一, 二, 三; its English translation lists them unnumbered). Labels on
/// both sides are kept and compared (`(ii)` = `二`), and so is every other number of an item.
fn without_unmatched_labels(
    en: &Located<'_>,
    en_numbers: Vec<Numeral>,
    ja: &Located<'_>,
    ja_numbers: Vec<Numeral>,
) -> (Vec<Numeral>, Vec<Numeral>) {
    let (en_labels, ja_labels) = (en.item_labels(&en_numbers), ja.item_labels(&ja_numbers));
    if en_labels.len() < 2 || ja_labels.len() < 2 {
        return (en_numbers, ja_numbers);
    }
    let unlabelled = |labels: &[Option<usize>]| labels.iter().all(Option::is_none);
    let all = |labels: &[Option<usize>]| labels.iter().flatten().copied().collect::<Vec<_>>();
    let (mut en_drop, mut ja_drop) = (Vec::new(), Vec::new());
    if unlabelled(&ja_labels) {
        // An item more or less (P002's finding) leaves the numbering a numbering.
        en_drop = all(&en_labels);
    } else if unlabelled(&en_labels) {
        ja_drop = all(&ja_labels);
    } else if en_labels.len() == ja_labels.len() {
        for (en_label, ja_label) in en_labels.into_iter().zip(ja_labels) {
            match (en_label, ja_label) {
                (Some(e), None) => en_drop.push(e),
                (None, Some(j)) => ja_drop.push(j),
                _ => {}
            }
        }
    }
    let keep = |numbers: Vec<Numeral>, drop: &[usize]| {
        numbers.into_iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, n)| n).collect()
    };
    (keep(en_numbers, &en_drop), keep(ja_numbers, &ja_drop))
}

/// A unit's text as numbers are read from it, with the inline each piece of text comes from, so
/// a number has a place in the source.
struct Located<'a> {
    unit: &'a Unit<'a>,
    text: String,
    /// Byte offset in `text` where each inline's text starts.
    pieces: Vec<(usize, &'a Inline)>,
    /// Byte offset in `text` where each group (a paragraph, or each list item) starts.
    group_starts: Vec<usize>,
}

impl<'a> Located<'a> {
    fn of(unit: &'a Unit<'a>) -> Self {
        let mut located = Self { unit, text: String::new(), pieces: Vec::new(), group_starts: Vec::new() };
        for (i, group) in unit.groups.iter().enumerate() {
            if i > 0 {
                located.text.push('\n');
            }
            located.group_starts.push(located.text.len());
            push_text_without_refs(group, &mut located.text, &mut located.pieces);
        }
        located
    }

    /// For each group, the index in `numbers` of the label it starts with, if any: a number at
    /// the group's very start (or after an opening bracket) followed by a space, `、`, `.` or a
    /// closing bracket (`一　`, `(ii) `, `（二）`, `3.`).
    fn item_labels(&self, numbers: &[Numeral]) -> Vec<Option<usize>> {
        self.group_starts
            .iter()
            .map(|&start| {
                numbers.iter().position(|n| {
                    let after = self.text.get(n.span.end..).and_then(|t| t.chars().next());
                    let written = self.text.get(n.span.clone()).unwrap_or_default();
                    let before = self.text.get(start..n.span.start);
                    matches!(before, Some("" | "(" | "（"))
                        && (written.ends_with([')', '）'])
                            || after.is_some_and(|c| c.is_whitespace() || matches!(c, '、' | '.' | '．' | ')' | '）')))
                })
            })
            .collect()
    }

    /// Where a byte of the text is in the source: exact in literal text, the inline's start
    /// (or end) elsewhere.
    fn source_offset(&self, offset: usize, len: usize, end: bool) -> Option<(codepub_core::source::FileId, usize)> {
        let &(start, inline) = self.pieces.iter().rev().find(|(start, _)| *start <= offset)?;
        let span = &inline.span;
        let literal = matches!(&inline.kind, InlineKind::Text(text) if span.end - span.start == text.len());
        let within = match (literal, end) {
            (true, _) => span.start + (offset - start) + len,
            (false, true) => span.end,
            (false, false) => span.start,
        };
        Some((span.file, within.clamp(span.start, span.end)))
    }

    /// The source span of a number; the unit's span when it cannot be placed.
    fn span(&self, sources: &SourceMap, number: &Numeral) -> Span {
        let start = self.source_offset(number.span.start, 0, false);
        // The end of the number's last character.
        let last = self.text.get(..number.span.end).and_then(|t| t.chars().next_back()).map_or(1, char::len_utf8);
        let end = self.source_offset(number.span.end.saturating_sub(last), last, true);
        match (start, end) {
            (Some((file, start)), Some((end_file, end))) if file == end_file && start < end => {
                let limit = sources.get(file).text.len();
                sources.span(file, start..end.min(limit))
            }
            _ => self.unit.span.clone(),
        }
    }

    /// A number as written, with its value when the writing does not show it: `五十 (50)`.
    fn shown(&self, number: &Numeral) -> String {
        let written = self.text.get(number.span.clone()).unwrap_or_default();
        let written = codepub_core::whitespace::collapse(written);
        let value = number.value.to_string();
        if written.contains(&value) { written } else { format!("{written} ({value})") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    fn pair(en: &str, ja: &str) -> Vec<Draft> {
        findings(&project(&format!("# T {{#t}}\n\n{en}\n"), &format!("# T {{#t}}\n\n{ja}\n")), &Numbers)
    }

    #[test]
    fn equal_values_are_silent_and_changed_values_are_caught_in_every_form() {
        // (English, Japanese as translated, Japanese with the number changed)
        let cases = [
            ("within forty (40) days", "四十日以内に", "五十日以内に"),
            ("for four years", "四年間", "六年間"),
            ("Article 13", "第十三条", "第十四条"),
            ("paragraph 2 of Article 7", "第七条第二項", "第七条第三項"),
            ("item 3", "第三号", "第五号"),
            ("twenty-five members", "二十五人の議員", "二十六人の議員"),
            ("one hundred and three days", "百三日", "百四日"),
            ("in 1946", "千九百四十六年に", "千九百四十七年に"),
            ("in 2023", "二〇二三年に", "二〇二四年に"),
            ("two-thirds or more of the members", "議員の三分の二以上", "議員の四分の三以上"),
            ("one-half of the votes", "投票の二分の一", "投票の三分の一"),
            ("(ii) the budget", "二、予算", "三、予算"),
            ("(iv) the budget", "（四）予算", "（五）予算"),
            ("12 members", "１２名", "１３名"),
            ("adopted on 23 February 2023", "2023年2月23日採択", "2023年2月24日採択"),
            ("adopted on 23 February 2023", "令和5年2月23日採択", "令和6年2月23日採択"),
            ("Resolution 11/2023", "決議 11/2023", "決議 12/2023"),
            ("ISBN 978-92-67-11315-9", "ISBN 978-92-67-11315-9", "ISBN 978-92-67-11316-9"),
        ];
        for (en, ja, changed) in cases {
            assert!(pair(en, ja).is_empty(), "{en} ↔ {ja}: {:?}", pair(en, ja));
            assert_eq!(pair(en, changed).len(), 1, "{en} ↔ {changed} not caught");
        }
    }

    #[test]
    fn a_constitution_and_its_official_translation_agree_and_a_changed_period_is_caught() {
        // The Constitution of Japan (public domain) and its official English translation.
        let cases = [
            ("CHAPTER III. RIGHTS AND DUTIES OF THE PEOPLE", "第三章　国民の権利及び義務"),
            ("Article 13.", "第十三条"),
            (
                "When the House of Representatives is dissolved, there must be a general election of members of the \
                 House of Representatives within forty (40) days from the date of dissolution, and the Diet must be \
                 convoked within thirty (30) days from the date of the election.",
                "衆議院が解散されたときは、解散の日から四十日以内に、衆議院議員の総選挙を行ひ、その選挙の日から\
                 三十日以内に、国会を召集しなければならない。",
            ),
            (
                "A bill ... becomes a law when passed a second time by the House of Representatives by a majority of \
                 two-thirds or more of the members present.",
                "衆議院で出席議員の三分の二以上の多数で再び可決したときは、法律となる。",
            ),
            (
                "The term of office of members of the House of Councillors shall be six years, and election for half \
                 the members shall take place every three years.",
                "参議院議員の任期は、六年とし、三年ごとに議員の半数を改選する。",
            ),
            (
                "When a quarter or more of the total members of either House makes the demand, the Cabinet must \
                 determine on such convocation.",
                "いづれかの議院の総議員の四分の一以上の要求があれば、内閣は、その召集を決定しなければならない。",
            ),
            ("The Diet shall be convoked in ordinary session once per year.", "国会の常会は、毎年一回これを召集する。"),
            (
                "This Constitution shall be enforced as from the day when the period of six months will have elapsed \
                 counting from the day of its promulgation.",
                "この憲法は、公布の日から起算して六箇月を経過した日から、これを施行する。",
            ),
            ("Promulgated on November 3, 1946.", "昭和二十一年十一月三日公布"),
        ];
        for (en, ja) in cases {
            assert!(pair(en, ja).is_empty(), "{en} ↔ {ja}: {:?}", pair(en, ja));
        }
        let changed = pair(cases[2].0, &cases[2].1.replace("四十日", "五十日"));
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].excerpt.as_deref(), Some("40 | 50"));
    }

    #[test]
    fn ordinal_words_of_paragraphs_match_kanji_ordinals() {
        for (en, ja) in [
            ("paragraph one of the article", "前条第一項"),
            ("The second paragraph of the preceding article", "前条第二項"),
            ("Article 1", "第壱条"),
        ] {
            assert!(pair(en, ja).is_empty(), "{en} ↔ {ja}: {:?}", pair(en, ja));
        }
        assert_eq!(pair("The third paragraph of the preceding article", "前条第二項").len(), 1);
        assert_eq!(pair("Article 2", "第壱条")[0].excerpt.as_deref(), Some("2 | 1"));
    }

    #[test]
    fn a_date_without_a_year_matches_every_year_s_date() {
        assert!(pair("by 30 June of each year", "毎年6月30日までに").is_empty());
        let found = pair("by 30 June of each year", "毎年6月31日までに");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].excerpt.as_deref(), Some("--06-30 | --06-31"));
    }

    #[test]
    fn a_url_path_is_no_number() {
        let found = pair(
            "adapted from [version 2.1](https://www.contributor-covenant.org/version/2/1/code_of_conduct.html), at \
             https://www.contributor-covenant.org/version/2/1/code_of_conduct.html",
            "https://www.contributor-covenant.org/version/2/1/code_of_conduct.html の[第2.1版](https://x.org/3)を翻案",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn statute_item_labels_against_unlabelled_english_items_are_the_lists_numbering() {
        let en = "Acts:\n\n- Convocation of the Diet.\n- Dissolution of the House.\n";
        let ja = "行為。\n\n- 一　国会を召集すること。\n- 二　衆議院を解散すること。\n";
        assert!(pair(en, ja).is_empty(), "{:?}", pair(en, ja));
        // Any other number of an item is still compared.
        let ja_changed = ja.replace("国会を召集", "四十日以内に国会を召集");
        assert_eq!(pair(en, &ja_changed).len(), 1);
        // An item dropped is P002's finding, not one P004 finding per remaining label.
        let en_longer = en.replace("- Dissolution", "- Proclamation of elections.\n- Dissolution");
        assert!(pair(&en_longer, ja).is_empty(), "{:?}", pair(&en_longer, ja));
    }

    #[test]
    fn item_labels_on_both_sides_are_compared_as_values() {
        let found = pair("- (i) one\n- (iii) two\n", "- 一　いち\n- 二　に\n");
        assert_eq!(found.len(), 1, "{found:?}");
        let same = pair("- (i) elect;\n- (ii) adopt.\n", "- （一）選ぶ。\n- （二）承認する。\n");
        assert!(same.is_empty(), "{same:?}");
    }

    #[test]
    fn words_holding_a_kanji_numeral_are_not_numbers() {
        let found = pair(
            "the general public, consistency and a set of values from any third party",
            "一般の人々、一貫性、統一、一連の価値、第三者から、十分な情報",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_changed_number_is_labelled_at_the_number_in_both_files() {
        let found = pair("Parliament decides within forty (40) days.", "国会は五十日以内に議決する。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p004-number-differs");
        assert_eq!(found[0].excerpt.as_deref(), Some("40 | 50"));
        let ja = &found[0].diagnostic.labels[0];
        assert_eq!((ja.lang, ja.span.line, ja.span.column, ja.span.end - ja.span.start), (Lang::Ja, 3, 4, 6));
        let en = &found[0].diagnostic.labels[1];
        assert_eq!((en.lang, en.span.line, en.span.column), (Lang::En, 3, 27));
        assert_eq!(en.span.end - en.span.start, "forty (40)".len());
    }

    #[test]
    fn a_number_only_in_english_points_at_the_japanese_paragraph() {
        let found = pair("Within\n*forty* days.", "以内に。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p004-number-only-english");
        assert_eq!(found[0].diagnostic.labels[0].lang, Lang::Ja);
        assert_eq!(found[0].diagnostic.labels[0].message.as_ref().map(|m| m.id), Some("label-number-missing"));
        let en = &found[0].diagnostic.labels[1];
        assert_eq!((en.span.line, en.span.column, en.span.end - en.span.start), (4, 2, 5));
    }

    #[test]
    fn the_code_title_page_pair_matches() {
        let found = pair(
            "(As approved under Council Resolution 11/2023 adopted on 23\nFebruary 2023)",
            "(2023年2月23日, 理事会決議 11/2023 採択により承認)",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_number_only_in_japanese_is_reported_with_the_english_paragraph() {
        let found = pair("Resolution 11/2023.", "決議 11/2023、11月に。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p004-number-only-japanese");
        assert_eq!(found[0].excerpt.as_deref(), Some("— | 11"));
        assert_eq!(found[0].diagnostic.labels[1].span.line, 3);
    }
}
