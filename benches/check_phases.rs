//! Where the check of a long text spends its time: each phase (load, align, check, drop) over a
//! fixed number of passes, and each check alone on one thread. Criterion times the whole; this
//! takes it apart, and, run under callgrind, counts the instructions of a fixed number of passes
//! (criterion's profile mode runs as many as fit its time, so two builds' counts differ in passes).
//!
//! `cargo bench --bench check_phases -- FOLDER [PASSES] [checks]`: the project in FOLDER, or, when
//! FOLDER does not exist, the 10 000 generated paragraph pairs of the `check` bench written there
//! first (so that a count under callgrind is of the passes alone); PASSES defaults to 10. The
//! median of each phase is printed, and with `checks`, each check's best of five runs.

mod common;

/// The allocator of the `codepub` binary, so the passes run as the binary's check does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use codepub::check::{Context, RunOptions, all_checks, run};

fn main() {
    // Cargo passes `--bench`; the rest are ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let Some(root) = args.first().map(PathBuf::from) else {
        eprintln!("usage: check_phases FOLDER [PASSES] [checks]");
        std::process::exit(2);
    };
    if !root.exists() {
        common::write_generated_project(&root, 10_000);
    }
    let passes = args.iter().skip(1).find_map(|a| a.parse::<u32>().ok()).unwrap_or(10);
    phases(&root, passes);
    if args.iter().any(|a| a == "checks") {
        each_check(&root);
    }
}

/// The median wall time of each phase over `passes` passes.
fn phases(root: &Path, passes: u32) {
    let mut times: [Vec<Duration>; 4] = Default::default();
    for _ in 0..passes {
        let started = Instant::now();
        let project = codepub::load::load(root).expect("the project loads");
        times[0].push(started.elapsed());
        let started = Instant::now();
        let alignment = project.alignment();
        times[1].push(started.elapsed());
        let started = Instant::now();
        let report = run(&project, &alignment, RunOptions::default(), codepub::glyphs::bundled());
        times[2].push(started.elapsed());
        let started = Instant::now();
        drop(report);
        drop(alignment);
        drop(project);
        times[3].push(started.elapsed());
    }
    for (name, mut times) in ["load", "align", "check", "drop"].into_iter().zip(times) {
        times.sort();
        println!("{name:6} {:>10.1?}", times[times.len() / 2]);
    }
}

/// Each check's best time of five, alone on this thread, slowest first.
fn each_check(root: &Path) {
    let project = codepub::load::load(root).expect("the project loads");
    let alignment = project.alignment();
    let cx = Context::new(&project, &alignment).with_glyphs(codepub::glyphs::bundled());
    let mut times: Vec<(Duration, &str)> = all_checks()
        .iter()
        .map(|check| {
            let best = (0..5)
                .map(|_| {
                    let started = Instant::now();
                    let mut drafts = Vec::new();
                    check.run(&cx, &mut drafts);
                    std::hint::black_box(drafts);
                    started.elapsed()
                })
                .min()
                .unwrap_or_default();
            (best, check.code())
        })
        .collect();
    times.sort_by(|a, b| b.cmp(a));
    for (time, code) in times {
        println!("{code:6} {time:>10.1?}");
    }
}
