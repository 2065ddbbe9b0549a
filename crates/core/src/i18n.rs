//! Localised messages: every user-facing string is a Fluent message in `locales/en-US` or
//! `locales/ja-JP`, picked by `--lang` or the environment's locale.

// The concurrent bundle, so that one `Localizer` formats on several threads (findings are
// rendered in parallel).
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

use unic_langid::LanguageIdentifier;

/// A message id with its arguments, formatted late by a [`Localizer`].
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn num(mut self, name: &'static str, value: i64) -> Self {
        self.args.push((name, Arg::Number(value)));
        self
    }

    /// Text that is not codepub's to translate (a Typst error, one of its hints), shown as it is.
    pub fn text(text: impl Into<String>) -> Self {
        Self::new("text").arg("text", text)
    }
}

/// The interface languages codepub speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiLang {
    English,
    Japanese,
}

impl UiLang {
    /// Picks the language from a locale name such as `ja_JP.UTF-8` or `ja`; English otherwise.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("ja") { UiLang::Japanese } else { UiLang::English }
    }

    /// The language named by `LC_ALL`, `LC_MESSAGES` or `LANG`, the first one set.
    pub fn from_env() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .map_or(UiLang::English, |value| Self::from_locale(&value))
    }

    fn tag(self) -> &'static str {
        match self {
            UiLang::English => "en-US",
            UiLang::Japanese => "ja-JP",
        }
    }
}

pub const EN_US: &str = include_str!("../locales/en-US/codepub.ftl");
pub const JA_JP: &str = include_str!("../locales/ja-JP/codepub.ftl");
/// The long explanations of the checks (`codepub explain`), apart from the short messages.
pub const EXPLAIN_EN_US: &str = include_str!("../locales/en-US/explain.ftl");
pub const EXPLAIN_JA_JP: &str = include_str!("../locales/ja-JP/explain.ftl");

/// Formats [`Message`]s in one interface language, falling back to English for a missing id.
pub struct Localizer {
    lang: UiLang,
    /// The messages, in the language and in English.
    primary: Bundle,
    fallback: Option<Bundle>,
    /// The checks' long explanations (`codepub explain`), read on first use: they are more than
    /// half the text, and most runs print none (reading them was a twentieth of a check).
    explanations: OnceLock<(Bundle, Option<Bundle>)>,
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: UiLang, source: &str) -> Bundle {
    let id: LanguageIdentifier = lang.tag().parse().expect("static language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminal output: no Unicode isolation marks around arguments.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_string()).expect("locale files are checked by tests");
    bundle.add_resource(resource).expect("no duplicate message ids");
    bundle
}

fn messages(lang: UiLang) -> Bundle {
    let source = match lang {
        UiLang::English => EN_US,
        UiLang::Japanese => JA_JP,
    };
    bundle(lang, source)
}

fn explanations(lang: UiLang) -> Bundle {
    let source = match lang {
        UiLang::English => EXPLAIN_EN_US,
        UiLang::Japanese => EXPLAIN_JA_JP,
    };
    bundle(lang, source)
}

impl Localizer {
    pub fn new(lang: UiLang) -> Self {
        let fallback = (lang != UiLang::English).then(|| messages(UiLang::English));
        Self { lang, primary: messages(lang), fallback, explanations: OnceLock::new() }
    }

    /// The bundles that may hold `id`, in the order they are asked: the messages, then (read
    /// now if not yet) the explanations; each in the language, then in English.
    fn bundles(&self, id: &str) -> impl Iterator<Item = &Bundle> {
        let messages = std::iter::once(&self.primary).chain(self.fallback.as_ref());
        let in_messages = messages.clone().any(|bundle| bundle.has_message(id));
        let explained = (!in_messages).then(|| {
            let (primary, fallback) = self.explanations.get_or_init(|| {
                let fallback = (self.lang != UiLang::English).then(|| explanations(UiLang::English));
                (explanations(self.lang), fallback)
            });
            std::iter::once(primary).chain(fallback.as_ref())
        });
        messages.chain(explained.into_iter().flatten())
    }

    pub fn format(&self, message: &Message) -> String {
        self.format_part(message, None).unwrap_or_else(|| message.id.to_string())
    }

    /// The attribute `name` of the message (`explain-p004.why`), when it has one.
    pub fn format_attribute(&self, message: &Message, name: &str) -> Option<String> {
        self.format_part(message, Some(name))
    }

    /// Formats the value of `message`, or one of its attributes, from the first bundle that has it.
    fn format_part(&self, message: &Message, attribute: Option<&str>) -> Option<String> {
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            match value {
                Arg::Text(text) => args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(number) => args.set(*name, FluentValue::from(*number)),
            }
        }
        for bundle in self.bundles(message.id) {
            let Some(found) = bundle.get_message(message.id) else { continue };
            let pattern = match attribute {
                None => found.value(),
                Some(name) => found.get_attribute(name).map(|attribute| attribute.value()),
            };
            if let Some(pattern) = pattern {
                let mut errors = Vec::new();
                return Some(bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned());
            }
        }
        None
    }
}

/// Message ids defined in a Fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_explanations_are_read_only_when_one_is_asked_for_and_then_in_either_language() {
        for lang in [UiLang::English, UiLang::Japanese] {
            let localizer = Localizer::new(lang);
            localizer.format(&Message::new("report-address").arg("address", "a#1"));
            localizer.format(&Message::new("explain-see").arg("code", "P002"));
            assert!(localizer.explanations.get().is_none(), "{lang:?}: no explanation was asked for");
            let title = localizer.format(&Message::new("explain-p002"));
            assert!(localizer.explanations.get().is_some());
            assert_ne!(title, "explain-p002", "{lang:?}: found");
        }
        // A message in neither file is its id, as before.
        assert_eq!(Localizer::new(UiLang::Japanese).format(&Message::new("no-such-message")), "no-such-message");
    }

    #[test]
    fn locale_names_pick_the_interface_language() {
        assert_eq!(UiLang::from_locale("ja_JP.UTF-8"), UiLang::Japanese);
        assert_eq!(UiLang::from_locale("en_GB.UTF-8"), UiLang::English);
        assert_eq!(UiLang::from_locale("C"), UiLang::English);
    }

    #[test]
    fn both_locales_parse_and_define_the_same_message_ids() {
        for source in [EN_US, JA_JP] {
            FluentResource::try_new(source.to_string()).expect("valid Fluent");
        }
        let mut en = message_ids(EN_US);
        let mut ja = message_ids(JA_JP);
        en.sort();
        ja.sort();
        let only_en: Vec<_> = en.iter().filter(|id| !ja.contains(id)).collect();
        let only_ja: Vec<_> = ja.iter().filter(|id| !en.contains(id)).collect();
        assert!(only_en.is_empty() && only_ja.is_empty(), "only en-US: {only_en:?}; only ja-JP: {only_ja:?}");
    }

    /// Message ids with their attribute names, `explain-p004.why`, of a Fluent source.
    fn ids_with_attributes(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_string()).expect("valid Fluent");
        let mut ids = Vec::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.push(message.id.name.to_string());
                ids.extend(message.attributes.iter().map(|a| format!("{}.{}", message.id.name, a.id.name)));
            }
        }
        ids.sort();
        ids
    }

    #[test]
    fn both_explanation_files_parse_and_define_the_same_messages_and_attributes() {
        assert_eq!(ids_with_attributes(EXPLAIN_EN_US), ids_with_attributes(EXPLAIN_JA_JP));
        for id in message_ids(EXPLAIN_EN_US) {
            assert!(!message_ids(EN_US).contains(&id), "{id} is defined in codepub.ftl and explain.ftl");
        }
    }

    #[test]
    fn an_attribute_is_formatted_and_a_missing_one_is_none() {
        let localizer = Localizer::new(UiLang::Japanese);
        let why = localizer.format_attribute(&Message::new("explain-p004"), "why").expect("P004 says why");
        assert!(why.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)), "{why}");
        assert_eq!(localizer.format_attribute(&Message::new("explain-p004"), "no-such"), None);
    }

    #[test]
    fn arguments_are_substituted_without_isolation_marks() {
        let localizer = Localizer::new(UiLang::English);
        let text = localizer.format(&Message::new("error-missing-language").arg("lang", "ja"));
        assert!(text.contains("ja") && !text.contains('\u{2068}'), "{text}");
    }
}
