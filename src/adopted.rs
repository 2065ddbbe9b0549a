//! The date a text was adopted, as its title matter states it (`Adopted on 23 February 2023`,
//! `令和五年二月二十三日制定`), and the `YYYY-MM-DD` of a date given on the command line.
//!
//! Dates are read in either script wherever they stand on the lines given: `23 February 2023`,
//! `February 23, 2023`, `2023-02-23`, `2023年2月23日`, `２０２３年２月２３日`, `二〇二三年二月二十三日`, and
//! era years `令和5年2月23日`, `令和五年二月二十三日`, `平成元年…` (元年 is year 1), read by
//! [`crate::numerals`]. Only calendar dates count (no 30 February). When the lines hold several
//! dates, the one its phrase calls the adoption (`adopted`, `enacted`, `採択`, `制定`, `議決`,
//! `決議`) is preferred, then one that takes effect (`effective`, `in force`, `施行`), then the
//! first. A phrase is the text between separators (`,` `;` `、` `。` a full stop, a line end)
//! around the date, so `（2023年2月23日採択、2023年4月1日施行）` is adopted on 23 February; a line
//! that goes on in lower case (`on 23 February 2023`) goes on with the phrase of the line above.
//!
//! The lines are anyone's: `init --from-text` gives the title matter of a plain text, an import
//! of Markdown the lines of its title clause.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::config::Date;
use crate::model::Lang;
use crate::numerals::{self, Value};

/// The adoption date the `lines` state, and the index (in `lines`) of the line it starts on.
/// `None` when no line holds a calendar date.
pub fn adoption_date(lines: &[&str]) -> Option<(Date, usize)> {
    let text = lines.join("\n");
    let best = dates_in(&text).into_iter().enumerate().max_by_key(|(order, found)| {
        // The highest rank wins; between equals, the first (a later one ranks lower by order).
        (phrase_rank(phrase_around(&text, &found.span)), std::cmp::Reverse(*order))
    })?;
    let (_, found) = best;
    let line = text[..found.span.start].matches('\n').count();
    Some((found.date, line))
}

/// A date of the command line, `YYYY-MM-DD`: a calendar date, or why not.
pub fn parse_iso_date(text: &str) -> Result<Date, BadDate> {
    let captures = ISO_DATE
        .captures(text.trim())
        .filter(|c| c.get(0).is_some_and(|m| m.as_str() == text.trim()))
        .ok_or_else(|| BadDate::NotIso { text: text.to_string() })?;
    let field = |i: usize| captures[i].parse::<u32>().unwrap_or(0);
    calendar_date(field(1), field(2), field(3)).ok_or_else(|| BadDate::NoSuchDay { text: text.to_string() })
}

/// Why a date given as `YYYY-MM-DD` is refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum BadDate {
    #[error("`{text}` is not a date written YYYY-MM-DD (such as 2023-02-23)")]
    NotIso { text: String },
    #[error("{text} is not a day of the calendar")]
    NoSuchDay { text: String },
}

/// The date `year`-`month`-`day` when the calendar has that day (years 1000 to 9999, as
/// `codepub.toml` writes them).
pub fn calendar_date(year: u32, month: u32, day: u32) -> Option<Date> {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
        year: u16::try_from(year).ok()?,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
}

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").expect("valid pattern"));

/// Words of a phrase that dates an adoption; matched in lower case.
const ADOPTION_WORDS: [&str; 8] = ["adopt", "enact", "approved", "採択", "制定", "議決", "決議", "可決"];
/// Words of a phrase that dates when a text takes effect.
const EFFECT_WORDS: [&str; 5] = ["effective", "in force", "into force", "施行", "効力"];

/// A calendar date found in a text, with the bytes that spell it.
struct FoundDate {
    date: Date,
    span: Range<usize>,
}

/// Every calendar date of `text`, in either script, in reading order.
fn dates_in(text: &str) -> Vec<FoundDate> {
    let mut found: Vec<FoundDate> = [Lang::En, Lang::Ja]
        .into_iter()
        .flat_map(|lang| numerals::read(text, lang))
        .filter_map(|numeral| match numeral.value {
            Value::Date { year, month, day } => {
                Some(FoundDate { date: calendar_date(year, month, day)?, span: numeral.span })
            }
            _ => None,
        })
        .collect();
    found.extend(ISO_DATE.captures_iter(text).filter_map(|c| {
        let field = |i: usize| c[i].parse::<u32>().ok();
        let date = calendar_date(field(1)?, field(2)?, field(3)?)?;
        Some(FoundDate { date, span: c.get(0)?.range() })
    }));
    found.sort_by_key(|f| f.span.start);
    found.dedup_by(|later, earlier| later.span.start < earlier.span.end);
    found
}

/// The phrase a date stands in: from the boundary before it to the one after it.
fn phrase_around<'t>(text: &'t str, span: &Range<usize>) -> &'t str {
    let start = text[..span.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_a_phrase(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[span.end..]
        .char_indices()
        .find(|&(i, c)| ends_a_phrase(text, span.end + i, c))
        .map_or(text.len(), |(i, _)| span.end + i);
    &text[start..end]
}

/// Whether the character `c` at byte `i` of `text` ends a phrase: `,` `;` `、` `，` `；` `。`, a
/// full stop, or a line end, unless the next line goes on in lower case (`Adopted by the
/// Assembly` / `on 23 February 2023`).
fn ends_a_phrase(text: &str, i: usize, c: char) -> bool {
    match c {
        ',' | ';' | '、' | '，' | '；' | '。' | '.' => true,
        '\n' => !text[i + 1..].starts_with(char::is_lowercase),
        _ => false,
    }
}

/// How strongly a phrase says that its date is the adoption: 2 adopted, 1 in force, 0 neither.
fn phrase_rank(phrase: &str) -> u8 {
    let phrase = phrase.to_lowercase();
    if ADOPTION_WORDS.iter().any(|word| phrase.contains(word)) {
        2
    } else if EFFECT_WORDS.iter().any(|word| phrase.contains(word)) {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    fn adopted(lines: &[&str]) -> Option<(Date, usize)> {
        adoption_date(lines)
    }

    #[test]
    fn western_dates_in_either_script_are_read() {
        for line in [
            "(Adopted on 23 February 2023)",
            "Adopted February 23, 2023",
            "adopted = 2023-02-23",
            "2023年2月23日制定",
            "２０２３年２月２３日制定",
            "二〇二三年二月二十三日制定",
        ] {
            assert_eq!(adopted(&[line]), Some((date(2023, 2, 23), 0)), "{line}");
        }
    }

    #[test]
    fn era_years_are_read_as_western_years() {
        assert_eq!(adopted(&["令和5年2月23日"]), Some((date(2023, 2, 23), 0)));
        assert_eq!(adopted(&["令和五年二月二十三日制定"]), Some((date(2023, 2, 23), 0)));
        assert_eq!(adopted(&["平成元年四月一日施行"]), Some((date(1989, 4, 1), 0)));
        assert_eq!(adopted(&["令和元年5月1日"]), Some((date(2019, 5, 1), 0)));
        assert_eq!(adopted(&["昭和二十一年十一月三日公布"]), Some((date(1946, 11, 3), 0)));
    }

    #[test]
    fn the_line_of_the_date_is_its_index_in_the_lines_given() {
        let lines = ["Rules of the Example Society", "", "(Adopted on 1 April 2020)"];
        assert_eq!(adopted(&lines), Some((date(2020, 4, 1), 2)));
    }

    #[test]
    fn a_day_the_calendar_lacks_is_no_date() {
        for line in ["2023年2月30日制定", "31 April 2023", "2023-13-01", "2023年2月29日", "February 0, 2023"] {
            assert_eq!(adopted(&[line]), None, "{line}");
        }
        assert_eq!(adopted(&["2024年2月29日制定"]), Some((date(2024, 2, 29), 0)), "a leap day");
        assert_eq!(adopted(&["29 February 1900"]), None, "1900 was no leap year");
        assert_eq!(adopted(&["29 February 2000"]), Some((date(2000, 2, 29), 0)), "2000 was");
    }

    #[test]
    fn lines_without_a_date_have_no_adoption_date() {
        assert_eq!(adopted(&[]), None);
        assert_eq!(adopted(&["Rules of the Example Society", "(Adopted by the general meeting)"]), None);
        assert_eq!(adopted(&["Resolution 11/2023", "February 2023", "2023年2月"]), None, "a month is no day");
    }

    #[test]
    fn the_adoption_is_preferred_over_an_entry_into_force_and_a_plain_date() {
        let lines = ["Printed 1 May 2023", "Effective 1 April 2023", "Adopted on 23 February 2023"];
        assert_eq!(adopted(&lines), Some((date(2023, 2, 23), 2)));
        assert_eq!(adopted(&["（2023年2月23日採択、2023年4月1日施行）"]), Some((date(2023, 2, 23), 0)));
        assert_eq!(adopted(&["（2023年4月1日施行、2023年2月23日採択）"]), Some((date(2023, 2, 23), 0)));
        assert_eq!(adopted(&["採択日：2023年2月23日、施行日：2023年4月1日"]), Some((date(2023, 2, 23), 0)));
        assert_eq!(adopted(&["Adopted on 23 February 2023, effective 1 April 2023"]), Some((date(2023, 2, 23), 0)));
        assert_eq!(adopted(&["Printed 1 May 2023", "Effective 1 April 2023"]), Some((date(2023, 4, 1), 1)));
    }

    #[test]
    fn between_dates_of_equal_standing_the_first_is_taken() {
        assert_eq!(adopted(&["1 May 2023", "2 May 2023"]), Some((date(2023, 5, 1), 0)));
        assert_eq!(adopted(&["Adopted 1 May 2023; adopted again 2 May 2023"]), Some((date(2023, 5, 1), 0)));
    }

    #[test]
    fn a_phrase_goes_on_over_a_line_end_only_in_lower_case() {
        let lines = ["Adopted by the General Assembly", "on 23 February 2023", "Printed 1 March 2023"];
        assert_eq!(adopted(&lines), Some((date(2023, 2, 23), 1)));
        let lines = ["Adopted by the General Assembly", "Printed 1 March 2023", "23 February 2023"];
        assert_eq!(adopted(&lines), Some((date(2023, 3, 1), 1)), "no phrase says adopted");
        let lines = ["Printed 1 March 2023", "", "Adopted by the General Assembly", "", "on 23 February 2023"];
        assert_eq!(adopted(&lines), Some((date(2023, 3, 1), 0)), "the adoption is another block's");
    }

    #[test]
    fn iso_dates_of_the_command_line_are_calendar_dates() {
        assert_eq!(parse_iso_date("2023-02-23"), Ok(date(2023, 2, 23)));
        assert_eq!(parse_iso_date("2024-02-29"), Ok(date(2024, 2, 29)));
        assert_eq!(parse_iso_date("2023-02-30"), Err(BadDate::NoSuchDay { text: "2023-02-30".into() }));
        for text in ["23/02/2023", "2023-2-23", "2023-02-23T10:00", "tomorrow", "", "12023-02-23"] {
            assert_eq!(parse_iso_date(text), Err(BadDate::NotIso { text: text.into() }), "{text}");
        }
    }

    #[test]
    fn calendar_dates_know_month_lengths_and_leap_years() {
        assert_eq!(calendar_date(2023, 4, 30), Some(date(2023, 4, 30)));
        assert_eq!(calendar_date(2023, 4, 31), None);
        assert_eq!(calendar_date(2023, 0, 1), None);
        assert_eq!(calendar_date(999, 1, 1), None);
        assert_eq!(calendar_date(10_000, 1, 1), None);
    }
}
