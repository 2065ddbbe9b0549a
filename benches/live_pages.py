#!/usr/bin/env python3
"""A real-size text in the live loop and cold, against the Typst anchor at the same size.

The project is the shipped Code with its body repeated N times (`memory_pages.py`'s
`make_project`; 100 copies: 325 bilingual pages). The anchor is `../shared/anchors/ref-bilingual.typ`
with its `code.json` pairs repeated N times: the same text as one hand-typeset bilingual PDF,
compiled by the PyPI package `typst` (0.15). Each row runs both sides alternately, so that a change
in the machine's load falls on both, and prints every run, both medians and their ratio.

Rows (`--rows`, all by default):

- `watch`: `codepub watch` kept running on the project; each run edits one Japanese paragraph
  in the middle of the text (two texts in turn) and times, from the save, the HTML page
  replaced and the pass's line "rebuilt N editions in X ms" (every PDF rewritten). The
  watcher waits for 100 ms of quiet before a pass (its debounce); the pass's own time (X) is
  printed beside the wall times. The anchor's side: one `typst.Compiler` kept in a process,
  the pair's text edited in `code.json`, compiled and written again (its memo warm).
- `build`: a cold `codepub build --format pdf` (every PDF edition) against a cold compile of
  the anchor (a fresh process each).
- `bilingual`, `en`, `ja`, `facing`: a cold `codepub build --format pdf --edition E`.
- `check`: `codepub check` (it finds the copies' unsigned pairs: its exit status is not read).

    python3 -m venv /tmp/anchor-venv && /tmp/anchor-venv/bin/pip install 'typst>=0.15,<0.16'
    cargo build --release
    python3 benches/live_pages.py --python /tmp/anchor-venv/bin/python --copies 100 --runs 5

The anchor needs Debian's `fonts-noto-cjk` (Noto Serif CJK JP, a system font).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory_pages import REPO, make_project, pages  # noqa: E402

JA_FILE = Path("content/ja/10-code.md")
JA_ANCHOR = "正直さ、誠実さ"
JA_EDITS = ["、配慮", "、率直さ"]

# The anchor's side of the `watch` row: a Typst compiler kept warm, one compile per line read.
ANCHOR_LOOP = r"""
import json, sys, time, typst
compiler = typst.Compiler("ref-bilingual.typ")
pdf = compiler.compile()
open("anchor.pdf", "wb").write(pdf)
print("ready", flush=True)
data = json.load(open("code.json", encoding="utf-8"))
for n, line in enumerate(sys.stdin):
    pair = data["pairs"][len(data["pairs"]) // 2]
    pair[1] = pair[1].rstrip("、配慮率直さ") + ("、配慮" if n % 2 == 0 else "、率直さ")
    start = time.perf_counter()
    json.dump(data, open("code.json", "w", encoding="utf-8"), ensure_ascii=False)
    pdf = compiler.compile()
    open("anchor.pdf", "wb").write(pdf)
    print(f"{time.perf_counter() - start:.6f}", flush=True)
"""


def make_anchor(copies, to):
    """The anchor with its pairs repeated `copies` times, in `to`."""
    anchors = REPO.parent / "shared" / "anchors"
    shutil.copy(anchors / "ref-bilingual.typ", to / "ref-bilingual.typ")
    data = json.loads((anchors / "code.json").read_text(encoding="utf-8"))
    data["pairs"] = data["pairs"] * copies
    (to / "code.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def timed(command, cwd, check=True):
    """The wall time of `command`; exit status 0 wanted, or 0 or 1 (findings) when not `check`."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in ((0,) if check else (0, 1)):
        sys.exit(f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stderr.decode()}")
    return elapsed


def report(name, codepub_times, anchor_times, note=""):
    c, a = statistics.median(codepub_times), statistics.median(anchor_times)
    print(f"{name}: codepub median {c * 1000:.0f} ms, anchor median {a * 1000:.0f} ms, ratio {c / a:.2f}{note}", flush=True)


def cold_row(name, codepub, python, project, anchor_dir, runs, extra):
    anchor = [python, "-c", "import typst; typst.compile('ref-bilingual.typ', output='anchor.pdf')"]
    build = [codepub, "build", "--format", "pdf", "--allow-errors", "--quiet", *extra]
    if name == "check":
        build = [codepub, "check"]
    timed(anchor, anchor_dir)
    timed(build, project, check=name != "check")
    codepub_times, anchor_times = [], []
    for run in range(1, runs + 1):
        anchor_times.append(timed(anchor, anchor_dir))
        shutil.rmtree(project / "out", ignore_errors=True)
        codepub_times.append(timed(build, project, check=name != "check"))
        print(f"  {name} run {run}: anchor {anchor_times[-1] * 1000:7.0f} ms   codepub {codepub_times[-1] * 1000:7.0f} ms", flush=True)
    report(name, codepub_times, anchor_times)


class Watch:
    """`codepub watch` on `project`, its output read line by line on a thread."""

    def __init__(self, codepub, project):
        self.process = subprocess.Popen(
            [codepub, "watch", "--color", "never"],
            cwd=project,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )
        self.lines = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            with self.cond:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))
                self.cond.notify_all()

    def wait_for(self, words, after):
        """The first line holding `words` read after the time `after`, with when it was read."""
        with self.cond:
            while True:
                for at, line in self.lines:
                    if at >= after and words in line:
                        return at, line
                if self.process.poll() is not None:
                    sys.exit("codepub watch stopped:\n" + "\n".join(line for _, line in self.lines[-40:]))
                self.cond.wait(timeout=600)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


def watch_row(codepub, python, project, anchor_dir, runs):
    page = project / "out" / "html" / "index.html"
    watch = Watch(codepub, project)
    watch.wait_for("watching for changes", 0)
    anchor = subprocess.Popen(
        [python, "-c", ANCHOR_LOOP], cwd=anchor_dir, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert anchor.stdout.readline().strip() == "ready"
    source = (project / JA_FILE).read_text(encoding="utf-8")
    # An edit in the middle of the text.
    at = source.index(JA_ANCHOR, len(source) // 2) + len(JA_ANCHOR)
    html_times, pdf_times, pass_times, anchor_times, laid = [], [], [], [], []
    for run in range(1, runs + 2):
        before = os.stat(page).st_mtime_ns
        edited = source[:at] + JA_EDITS[run % 2] + source[at:]
        saved = time.perf_counter()
        (project / JA_FILE).write_text(edited, encoding="utf-8")
        html_at = None
        while html_at is None:
            if os.stat(page).st_mtime_ns != before:
                html_at = time.perf_counter()
            else:
                time.sleep(0.002)
        rebuilt_at, line = watch.wait_for("rebuilt ", saved)
        parts = next((l for t, l in watch.lines if t >= saved and l.startswith("laid out ")), "")
        anchor.stdin.write("edit\n")
        anchor.stdin.flush()
        anchor_seconds = float(anchor.stdout.readline())
        if run == 1:
            continue  # the first edit warms what the first pass did not use
        html_times.append(html_at - saved)
        pdf_times.append(rebuilt_at - saved)
        pass_times.append(int(line.split(" in ")[1].split(" ")[0]) / 1000)
        anchor_times.append(anchor_seconds)
        laid.append(parts)
        print(
            f"  watch run {run - 1}: HTML {html_times[-1] * 1000:6.0f} ms, every PDF {pdf_times[-1] * 1000:6.0f} ms "
            f"(pass {pass_times[-1] * 1000:.0f} ms; {parts})   anchor recompiled {anchor_seconds * 1000:6.0f} ms",
            flush=True,
        )
    anchor.stdin.close()
    anchor.wait(timeout=60)
    watch.stop()
    report("watch, save to HTML replaced", html_times, anchor_times, " (100 ms of it the debounce)")
    report("watch, save to every PDF rewritten", pdf_times, anchor_times, " (100 ms of it the debounce)")
    report("watch, the pass alone (its own figure)", pass_times, anchor_times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", required=True, help="a Python with the `typst` package (0.15)")
    parser.add_argument("--codepub", default=str(REPO / "target/release/codepub"))
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", default="watch,build,bilingual,en,ja,facing,check")
    args = parser.parse_args()
    codepub = str(Path(args.codepub).resolve())
    with tempfile.TemporaryDirectory(prefix="codepub-live-") as scratch:
        scratch = Path(scratch)
        project, anchor_dir = scratch / "project", scratch / "anchor"
        project.mkdir()
        anchor_dir.mkdir()
        make_project(args.copies, project)
        make_anchor(args.copies, anchor_dir)
        version = subprocess.run([codepub, "--version"], capture_output=True, text=True).stdout.strip()
        subprocess.run([args.python, "-c", "import typst; typst.compile('ref-bilingual.typ', output='anchor.pdf')"],
                       cwd=anchor_dir, check=True)
        subprocess.run([codepub, "build", "--format", "pdf", "--edition", "bilingual", "--allow-errors", "--quiet"],
                       cwd=project, check=True)
        print(f"{version}; {os.cpu_count()} cores; {args.copies} copies: codepub's bilingual edition "
              f"{pages(project / 'out' / 'code-bilingual.pdf')} pages, the anchor {pages(anchor_dir / 'anchor.pdf')} pages; "
              f"{args.runs} runs each", flush=True)
        for row in args.rows.split(","):
            if row == "watch":
                watch_row(codepub, args.python, project, anchor_dir, args.runs)
            elif row == "build":
                cold_row(row, codepub, args.python, project, anchor_dir, args.runs, [])
            elif row == "check":
                cold_row(row, codepub, args.python, project, anchor_dir, args.runs, [])
            else:
                cold_row(row, codepub, args.python, project, anchor_dir, args.runs, ["--edition", row])


if __name__ == "__main__":
    main()
