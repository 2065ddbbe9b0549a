//! [`Pair`]: one value per language of a project, English and Japanese. The one spelling of "the
//! English and the Japanese of something" across the program: configuration (titles, copyright
//! lines), aligned text, the render model and the diff.

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// A value for each language. Serialised as `{ "en": …, "ja": … }`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pair<T> {
    pub en: T,
    pub ja: T,
}

impl<T> Pair<T> {
    pub const fn new(en: T, ja: T) -> Self {
        Self { en, ja }
    }

    /// The pair built by calling `f` for each language, English first.
    pub fn from_fn(mut f: impl FnMut(Lang) -> T) -> Self {
        let en = f(Lang::En);
        Self { en, ja: f(Lang::Ja) }
    }

    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::En => &mut self.en,
            Lang::Ja => &mut self.ja,
        }
    }

    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Pair<U> {
        Pair { en: f(self.en), ja: f(self.ja) }
    }

    pub fn as_ref(&self) -> Pair<&T> {
        Pair { en: &self.en, ja: &self.ja }
    }

    /// Both values with their language, English first.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &T)> {
        [(Lang::En, &self.en), (Lang::Ja, &self.ja)].into_iter()
    }
}

impl<T> Pair<Option<T>> {
    /// Both sides, when both are present.
    pub fn both(&self) -> Option<(&T, &T)> {
        Some((self.en.as_ref()?, self.ja.as_ref()?))
    }

    /// The sides present, with their language, English first.
    pub fn present(&self) -> impl Iterator<Item = (Lang, &T)> {
        self.iter().filter_map(|(lang, side)| side.as_ref().map(|side| (lang, side)))
    }
}

impl<T> IntoIterator for Pair<T> {
    type Item = T;
    type IntoIter = std::array::IntoIter<T, 2>;

    fn into_iter(self) -> Self::IntoIter {
        [self.en, self.ja].into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_map_and_iteration_follow_the_language() {
        let pair = Pair::from_fn(|lang| lang.code().to_string());
        assert_eq!(pair.get(Lang::Ja), "ja");
        assert_eq!(pair.clone().map(|s| s.len()), Pair::new(2, 2));
        let langs: Vec<Lang> = pair.iter().map(|(lang, _)| lang).collect();
        assert_eq!(langs, Lang::BOTH);
        let sides = Pair::new(Some(1), None::<i32>);
        assert_eq!(sides.both(), None);
        assert_eq!(sides.present().map(|(l, v)| (l, *v)).collect::<Vec<_>>(), vec![(Lang::En, 1)]);
    }

    #[test]
    fn reads_and_writes_as_en_and_ja() {
        let pair: Pair<String> = toml::from_str("en = \"a\"\nja = \"b\"").unwrap();
        assert_eq!(pair, Pair::new("a".to_string(), "b".to_string()));
        assert_eq!(serde_json::to_string(&pair).unwrap(), r#"{"en":"a","ja":"b"}"#);
        assert!(toml::from_str::<Pair<String>>("en = \"a\"\nja = \"b\"\nfr = \"c\"").is_err());
    }
}
