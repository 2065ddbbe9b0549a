//! P004 numbers: the digit groups of a pair match (`11/2023`, `978-92-67-11315-9`), dates compared
//! as dates (`23 February 2023` ≡ `2023年2月23日`), full-width digits as ASCII.

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, Context, Draft, multiset};
use crate::i18n::Message;
use crate::model::Lang;

pub struct Numbers;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

static ENGLISH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(\d{{1,2}})\s+({})\s+(\d{{4}})\b", MONTHS.join("|"))).expect("valid regex")
});
static ENGLISH_DATE_MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b({})\s+(\d{{1,2}}),\s+(\d{{4}})\b", MONTHS.join("|"))).expect("valid regex")
});
static JAPANESE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").expect("valid regex"));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+(?:[-/.,:]\d+)*").expect("valid regex"));

fn month_number(name: &str) -> usize {
    MONTHS.iter().position(|m| *m == name).map_or(0, |i| i + 1)
}

/// Numbers of a text as comparable tokens: dates as `YYYY-MM-DD`, other digit groups as written.
pub fn numbers(text: &str, lang: Lang) -> Vec<String> {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            '－' => '-',
            other => other,
        })
        .collect();
    let mut tokens = Vec::new();
    let rest = match lang {
        Lang::En => {
            let first = ENGLISH_DATE.replace_all(&ascii, |c: &regex::Captures<'_>| {
                tokens.push(format!("{}-{:02}-{:02}", &c[3], month_number(&c[2]), c[1].parse::<u32>().unwrap_or(0)));
                " "
            });
            ENGLISH_DATE_MONTH_FIRST
                .replace_all(&first, |c: &regex::Captures<'_>| {
                    tokens.push(format!(
                        "{}-{:02}-{:02}",
                        &c[3],
                        month_number(&c[1]),
                        c[2].parse::<u32>().unwrap_or(0)
                    ));
                    " "
                })
                .into_owned()
        }
        Lang::Ja => JAPANESE_DATE
            .replace_all(&ascii, |c: &regex::Captures<'_>| {
                let (month, day) = (c[2].parse::<u32>().unwrap_or(0), c[3].parse::<u32>().unwrap_or(0));
                tokens.push(format!("{}-{month:02}-{day:02}", &c[1]));
                " "
            })
            .into_owned(),
    };
    tokens.extend(NUMBER.find_iter(&rest).map(|m| m.as_str().trim_end_matches([',', '.', ':']).to_string()));
    tokens
}

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
        for pair in &cx.pairs {
            let Some((en, ja)) = pair.both() else { continue };
            let (en_numbers, ja_numbers) =
                (multiset(numbers(&en.text, Lang::En)), multiset(numbers(&ja.text, Lang::Ja)));
            if en_numbers == ja_numbers {
                continue;
            }
            let only = |a: &std::collections::HashMap<String, usize>, b: &std::collections::HashMap<String, usize>| {
                let mut only: Vec<String> = a
                    .iter()
                    .flat_map(|(n, &count)| {
                        std::iter::repeat_n(n.clone(), count.saturating_sub(*b.get(n).unwrap_or(&0)))
                    })
                    .collect();
                only.sort();
                only.join(", ")
            };
            let (only_en, only_ja) = (only(&en_numbers, &ja_numbers), only(&ja_numbers, &en_numbers));
            out.push(
                Draft::on_pair(
                    Message::new("p004-numbers-differ")
                        .arg("en", none_if_empty(&only_en))
                        .arg("ja", none_if_empty(&only_ja)),
                    &pair.address,
                    ja.span,
                    en.span,
                )
                .excerpt(format!("{only_en} | {only_ja}")),
            );
        }
    }
}

fn none_if_empty(list: &str) -> String {
    if list.is_empty() { "—".to_string() } else { list.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    #[test]
    fn english_and_japanese_dates_normalise_to_the_same_token() {
        assert_eq!(numbers("adopted on 23\nFebruary 2023", Lang::En), ["2023-02-23"]);
        assert_eq!(numbers("(2023年2月23日, 理事会決議 11/2023 採択)", Lang::Ja), ["2023-02-23", "11/2023"]);
        assert_eq!(numbers("ISBN 978-92-67-11315-9.", Lang::En), ["978-92-67-11315-9"]);
        assert_eq!(numbers("第１部", Lang::Ja), ["1"]);
    }

    #[test]
    fn the_code_title_page_pair_matches() {
        let p = project(
            "# T {#t}\n\n(As approved under Council Resolution 11/2023 adopted on 23\nFebruary 2023)\n",
            "# T {#t}\n\n(2023年2月23日, 理事会決議 11/2023 採択により承認)\n",
        );
        assert!(findings(&p, &Numbers).is_empty());
    }

    #[test]
    fn a_changed_resolution_number_is_reported_with_both_sides() {
        let p = project("# T {#t}\n\nResolution 11/2023.\n", "# T {#t}\n\n決議 12/2023。\n");
        let found = findings(&p, &Numbers);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt.as_deref(), Some("11/2023 | 12/2023"));
    }
}
