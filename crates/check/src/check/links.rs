//! P012 unsafe-link: link targets other than http(s), mailto or relative references
//! (`javascript:`, `data:`, `file:`) are dropped from every edition and reported.

use super::{Check, Context, Draft, Label};
use codepub_core::i18n::Message;
use codepub_core::model::safe_link_target;
use codepub_core::model::{InlineKind, Lang};

pub struct UnsafeLinks;

impl Check for UnsafeLinks {
    fn code(&self) -> &'static str {
        "P012"
    }

    fn name(&self) -> &'static str {
        "unsafe-link"
    }

    fn help(&self) -> &'static str {
        "help-p012"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        for lang in Lang::BOTH {
            for (address, unit) in cx.every_unit(lang) {
                for inline in unit.inlines() {
                    if let InlineKind::Link { target, .. } = &inline.kind
                        && !safe_link_target(target)
                    {
                        out.push(
                            Draft::new(Message::new("p012-unsafe-link").arg("target", target), address, Some(lang))
                                .excerpt(target)
                                .label(Label::new(lang, &inline.span)),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    #[test]
    fn javascript_link_is_reported_in_either_language() {
        let p = project("# A {#a}\n\n[x](javascript:alert(1))\n", "# A {#a}\n\n[エ](https://www.iso.org)\n");
        let found = findings(&p, &UnsafeLinks);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lang, Some(Lang::En));
    }

    #[test]
    fn web_links_pass() {
        let p = project("# A {#a}\n\n[x](https://www.iso.org)\n", "# A {#a}\n\n[エ](https://www.iso.org)\n");
        assert!(findings(&p, &UnsafeLinks).is_empty());
    }
}
