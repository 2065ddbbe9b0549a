//! Numbers read once per text: the aligner reads every block's numbers as evidence and keeps them
//! here, by language and text, so that a check reading the same text (P004) takes them instead of
//! reading them again. A text the memo does not hold is read on the spot; what it holds is what
//! [`read`](super::read) gives for that text, so taking it never changes a result.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Numeral, read};
use crate::model::Lang;
use crate::pair::Pair;

/// Texts read and the numerals read from each, in reading order.
pub type Readings = Vec<(String, Vec<Numeral>)>;

/// Numerals by language and the text they were read from.
#[derive(Debug, Default)]
pub struct Memo {
    by_text: Pair<HashMap<String, Vec<Numeral>>>,
}

impl Memo {
    /// Keeps `numerals`, which [`read`] gave for `text` in `lang`.
    #[cfg(test)]
    fn keep(&mut self, lang: Lang, text: String, numerals: Vec<Numeral>) {
        self.by_text.get_mut(lang).insert(text, numerals);
    }

    /// A memo of the texts read in each language and their numerals; the two languages' tables
    /// are built side by side, on two threads.
    pub fn of(read: Pair<Readings>) -> Self {
        let Pair { en, ja } = read;
        let by_text = std::thread::scope(|scope| {
            let en = scope.spawn(|| en.into_iter().collect::<HashMap<_, _>>());
            let ja: HashMap<_, _> = ja.into_iter().collect();
            // A panic here is a bug; it resumes on this thread as it would have without threads.
            let en = en.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            Pair::new(en, ja)
        });
        Self { by_text }
    }

    /// The numbers of `text`: those kept for it, else read now.
    pub fn read<'m>(&'m self, text: &str, lang: Lang) -> Cow<'m, [Numeral]> {
        match self.by_text.get(lang).get(text) {
            Some(numerals) => Cow::Borrowed(numerals),
            None => Cow::Owned(read(text, lang)),
        }
    }

    /// How many texts the memo holds.
    pub fn len(&self) -> usize {
        self.by_text.en.len() + self.by_text.ja.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_kept_is_taken_from_the_memo_and_not_read_again() {
        let mut memo = Memo::default();
        // Kept as nothing, on purpose: a memo that read the text again would find the 40.
        memo.keep(Lang::En, "forty (40) days".to_string(), Vec::new());
        assert!(memo.read("forty (40) days", Lang::En).is_empty());
        assert!(matches!(memo.read("forty (40) days", Lang::En), Cow::Borrowed(_)));
    }

    #[test]
    fn a_text_not_kept_or_kept_in_the_other_language_is_read() {
        let mut memo = Memo::default();
        memo.keep(Lang::Ja, "forty (40) days".to_string(), Vec::new());
        let read_now = memo.read("forty (40) days", Lang::En);
        assert_eq!(read_now.as_ref(), read("forty (40) days", Lang::En).as_slice());
        assert!(!read_now.is_empty());
    }

    #[test]
    fn a_memo_of_texts_read_holds_each_in_its_language() {
        let read = Pair::new(vec![("one".to_string(), Vec::new())], vec![("二".to_string(), Vec::new())]);
        let memo = Memo::of(read);
        assert_eq!(memo.len(), 2);
        assert!(matches!(memo.read("二", Lang::Ja), Cow::Borrowed(_)));
        assert!(matches!(memo.read("二", Lang::En), Cow::Owned(_)));
    }
}
