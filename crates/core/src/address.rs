//! [`Address`]: where a piece of the text is, the same in both languages and stable across
//! edits elsewhere: a clause or a footnote, and in it the heading, the n-th block, or the n-th
//! Japanese block without English. Findings, the baseline, the translation record, the diff and
//! the render model all key on it. It is printed and parsed here and nowhere else:
//!
//! | address               | what                                                   |
//! |-----------------------|--------------------------------------------------------|
//! | `principle-3`         | clause `principle-3` (or another place: `line-12`)     |
//! | `principle-3#heading` | its heading                                            |
//! | `principle-3#2`       | its second block (1-based)                             |
//! | `principle-3#ja2`     | its second Japanese block that has no English          |
//! | `footnote-1`, `footnote-1#1` | footnote `1`, its first block                   |

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What holds the addressed text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// A clause, by id; also any other named place a finding is about.
    Clause(String),
    /// A footnote, by label.
    Footnote(String),
}

/// The part of the owner addressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Whole,
    Heading,
    /// The n-th block (1-based).
    Block(usize),
    /// The n-th Japanese block (1-based) with no English counterpart.
    JapaneseOnly(usize),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address {
    pub owner: Owner,
    pub part: Part,
}

const FOOTNOTE_PREFIX: &str = "footnote-";

impl Owner {
    /// The clause `id`.
    pub fn clause(id: impl Into<String>) -> Owner {
        Owner::Clause(id.into())
    }

    /// The footnote labelled `label`.
    pub fn footnote(label: impl Into<String>) -> Owner {
        Owner::Footnote(label.into())
    }

    /// The owner as printed: the clause id, or `footnote-<label>`.
    pub fn key(&self) -> String {
        self.to_string()
    }

    /// The owner a printed key names (see [`Owner::key`]): a key read from outside (an
    /// address in the baseline or the translation record, a clause named on the command line).
    /// Within codepub owners travel typed, never as keys parsed back.
    pub fn parse(text: &str) -> Owner {
        match text.strip_prefix(FOOTNOTE_PREFIX) {
            Some(label) if !label.is_empty() => Owner::Footnote(label.to_string()),
            _ => Owner::Clause(text.to_string()),
        }
    }
}

impl Address {
    /// The heading of `owner` (a clause).
    pub fn heading(owner: Owner) -> Self {
        Self { owner, part: Part::Heading }
    }

    /// Block `index` (0-based) of `owner`.
    pub fn block(owner: Owner, index: usize) -> Self {
        Self { owner, part: Part::Block(index + 1) }
    }

    /// The `index`-th (0-based) Japanese block of `owner` without English.
    pub fn japanese_only(owner: Owner, index: usize) -> Self {
        Self { owner, part: Part::JapaneseOnly(index + 1) }
    }

    /// The clause the address is in, if it is in a clause.
    pub fn clause_id(&self) -> Option<&str> {
        match &self.owner {
            Owner::Clause(id) => Some(id),
            Owner::Footnote(_) => None,
        }
    }

    /// Reading order within the owner: heading, then blocks, Japanese-only blocks last.
    pub fn rank(&self) -> (u8, usize) {
        match self.part {
            Part::Whole => (0, 0),
            Part::Heading => (1, 0),
            Part::Block(n) => (2, n),
            Part::JapaneseOnly(n) => (3, n),
        }
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.owner.key())?;
        match self.part {
            Part::Whole => Ok(()),
            Part::Heading => f.write_str("#heading"),
            Part::Block(n) => write!(f, "#{n}"),
            Part::JapaneseOnly(n) => write!(f, "#ja{n}"),
        }
    }
}

impl FromStr for Address {
    type Err = std::convert::Infallible;

    /// Every text is an address: one that names no part is a whole place (`line-12`). Read in
    /// Unicode normal form, as the ids of the model are ([`crate::nfc`]).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = &*crate::nfc::normalize(text);
        let Some((owner, part)) = text.split_once('#') else {
            return Ok(Self { owner: Owner::parse(text), part: Part::Whole });
        };
        let number = |digits: &str| digits.parse::<usize>().ok().filter(|&n| n > 0 && !digits.starts_with('+'));
        let part = match part {
            "heading" => Some(Part::Heading),
            _ => match part.strip_prefix("ja") {
                Some(digits) => number(digits).map(Part::JapaneseOnly),
                None => number(part).map(Part::Block),
            },
        };
        Ok(match part {
            Some(part) => Self { owner: Owner::parse(owner), part },
            // Not a part codepub writes: the whole text names one place.
            None => Self { owner: Owner::Clause(text.to_string()), part: Part::Whole },
        })
    }
}

impl From<Owner> for Address {
    /// The whole clause or footnote.
    fn from(owner: Owner) -> Self {
        Self { owner, part: Part::Whole }
    }
}

impl From<&str> for Address {
    fn from(text: &str) -> Self {
        match text.parse() {
            Ok(address) => address,
            Err(never) => match never {},
        }
    }
}

impl From<String> for Address {
    fn from(text: String) -> Self {
        Address::from(text.as_str())
    }
}

impl From<&String> for Address {
    fn from(text: &String) -> Self {
        Address::from(text.as_str())
    }
}

impl From<&Address> for Address {
    fn from(address: &Address) -> Self {
        address.clone()
    }
}

impl From<&Address> for String {
    fn from(address: &Address) -> Self {
        address.to_string()
    }
}

impl From<Address> for String {
    fn from(address: Address) -> Self {
        address.to_string()
    }
}

impl fmt::Display for Owner {
    /// The owner's key: the clause id, or `footnote-<label>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Owner::Clause(id) => f.write_str(id),
            Owner::Footnote(label) => write!(f, "{FOOTNOTE_PREFIX}{label}"),
        }
    }
}

impl Serialize for Owner {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Serialize for Address {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Address {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Address::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_prints_as_it_parses() {
        for text in [
            "principle-3",
            "principle-3#heading",
            "principle-3#2",
            "principle-3#ja2",
            "footnote-1",
            "footnote-1#1",
            "line-12",
            "check.untranslated.allow",
        ] {
            assert_eq!(Address::from(text).to_string(), text);
        }
        assert_eq!(Address::from("footnote-a#2"), Address::block(Owner::Footnote("a".into()), 1));
        assert_eq!(Address::from("p#ja1"), Address::japanese_only(Owner::Clause("p".into()), 0));
        assert_eq!(Address::from("p#heading").clause_id(), Some("p"));
        assert_eq!(Address::from("footnote-1#1").owner.to_string(), "footnote-1");
    }

    #[test]
    fn text_that_is_no_part_names_a_whole_place() {
        for odd in ["a#0", "a#x", "a#ja", "a#+1", "a#1#2", "#"] {
            let address = Address::from(odd);
            assert_eq!((address.part, address.to_string().as_str()), (Part::Whole, odd), "{odd}");
        }
    }

    #[test]
    fn reads_and_writes_as_a_string() {
        let address: Address = serde_json::from_str("\"principle-3#2\"").unwrap();
        assert_eq!(serde_json::to_string(&address).unwrap(), "\"principle-3#2\"");
        assert!(Address::from("a#1").rank() < Address::from("a#2").rank());
        assert!(Address::from("a#heading").rank() < Address::from("a#1").rank());
    }

    #[test]
    fn a_decomposed_id_reads_as_the_composed_one() {
        assert_eq!(Address::from("\u{304B}\u{3099}\u{304F}\u{305B}\u{3044}#2"), Address::from("がくせい#2"));
    }
}
