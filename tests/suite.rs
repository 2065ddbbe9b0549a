//! The integration tests, one module per file beside this one, built as one test binary: every
//! file linked on its own carried its own copy of codepub and Typst (about 40 binaries, 1.8 GB
//! of a clean CI build and a link each), so they are gathered here instead (`autotests = false`).

mod common;

mod action;
mod adopt_cli;
mod bad_input;
mod brackets_repeated_cli;
mod browser;
mod build_cli;
mod check_cli;
mod ci_gate;
mod columns;
mod constitution;
mod diff_cli;
mod diff_engine;
mod doc_links;
mod explain_cli;
mod facing;
mod features;
mod fidelity;
mod fix_cli;
mod formats_agree;
mod fuzz_regressions;
mod git_revisions;
mod glyph_coverage;
mod html;
mod init_cli;
mod layers;
mod limits;
mod locales;
mod lsp;
mod memory;
mod merge;
mod mutations;
mod names;
mod outputs;
mod outputs_unchanged;
mod parts;
mod patterns_cli;
mod pdf;
mod properties;
mod provisional;
mod punctuation_peers;
mod render_blame;
mod robustness;
mod sarif;
mod serve_hardening;
mod shell_cli;
mod text_hygiene;
mod title_matter;
mod translations_cli;
mod verapdf;
mod watch_serve;
mod xliff;
