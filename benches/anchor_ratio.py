#!/usr/bin/env python3
"""Cold `codepub build` against the Typst anchor, measured side by side.

The anchor (`../shared/anchors/ref-bilingual.typ` with `code.json`) is the Code typeset by hand in
Typst 0.15 as a user without codepub would: one bilingual PDF with the system's Noto CJK fonts,
compiled through the PyPI package `typst`. codepub's side is the README's quick start, `codepub build`
on the shipped project: the parity check, every PDF edition and the HTML.

Both run as fresh processes, alternately (anchor, codepub, anchor, codepub, ...), so that a change
in the machine's load falls on both; codepub's output folder is removed before each of its runs,
so every run is a cold build. The script prints each run, both medians and the ratio
codepub / anchor.

    python3 -m venv /tmp/anchor-venv && /tmp/anchor-venv/bin/pip install 'typst>=0.15,<0.16'
    cargo build --release
    python3 benches/anchor_ratio.py --python /tmp/anchor-venv/bin/python \
        --codepub target/release/codepub --runs 15

The anchor needs Debian's `fonts-noto-cjk` (Noto Serif CJK JP, a system font); Libertinus Serif
is among the fonts the `typst` package embeds.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(command, cwd):
    """Runs `command` in `cwd` and returns its wall time in seconds; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stderr.decode()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", required=True, help="a Python with the `typst` package (0.15)")
    parser.add_argument("--codepub", default=str(REPO / "target/release/codepub"))
    parser.add_argument("--anchors", default=str(REPO.parent / "shared/anchors"))
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--build-args",
        default="",
        help="more arguments for `codepub build`, e.g. \"--edition bilingual --format pdf\" for the anchor's one PDF",
    )
    args = parser.parse_args()

    codepub = Path(args.codepub).resolve()
    anchors = Path(args.anchors).resolve()
    with tempfile.TemporaryDirectory(prefix="codepub-anchor-") as scratch:
        scratch = Path(scratch)
        anchor_dir = scratch / "anchor"
        shutil.copytree(anchors, anchor_dir)
        project = scratch / "project"
        project.mkdir()
        for name in ("codepub.toml", "content", "templates", "locales"):
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, project / name)
            elif source.exists():
                shutil.copy(source, project / name)

        compile_anchor = "import typst; typst.compile('ref-bilingual.typ', output='anchor.pdf')"
        anchor = [args.python, "-c", compile_anchor]
        build = [str(codepub), "build", *args.build_args.split()]

        version = subprocess.run([str(codepub), "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{version}; anchor: typst (PyPI) via {args.python}; {os.cpu_count()} cores; {args.runs} runs each")
        # One untimed run of each warms the page cache, as a user's second command would find it.
        timed(anchor, anchor_dir)
        timed(build, project)

        anchor_times, codepub_times = [], []
        for run in range(1, args.runs + 1):
            anchor_times.append(timed(anchor, anchor_dir))
            shutil.rmtree(project / "out", ignore_errors=True)
            codepub_times.append(timed(build, project))
            print(f"run {run:2}: anchor {anchor_times[-1] * 1000:7.0f} ms   codepub build {codepub_times[-1] * 1000:7.0f} ms")

        anchor_median = statistics.median(anchor_times)
        codepub_median = statistics.median(codepub_times)
        outputs = sorted(path.relative_to(project / "out").as_posix() for path in (project / "out").rglob("*.pdf"))
        html = " and out/html/" if (project / "out/html").is_dir() else ""
        print(f"codepub build {args.build_args}".rstrip() + f" wrote: {', '.join(outputs)}{html}")
        print(f"median: anchor {anchor_median * 1000:.0f} ms, codepub build {codepub_median * 1000:.0f} ms")
        print(f"ratio codepub / anchor: {codepub_median / anchor_median:.2f}")


if __name__ == "__main__":
    main()
