#!/usr/bin/env python3
"""Peak memory and time of `codepub build` against the length of the document.

Makes projects from the shipped Code with its body (everything after the title matter) repeated
N times, clause ids and footnote labels suffixed so that every copy is its own clause, and runs
`codepub build --format pdf --allow-errors --quiet` on each under `/usr/bin/time -v`: the peak
resident set size of the whole process (every PDF edition), its wall time, and the pages of the
bilingual edition. Issue 16's goal: under 400 MB at 1 000 bilingual pages (315 copies: 1 009
pages), the time linear.

    cargo build --release
    python3 benches/memory_pages.py --codepub target/release/codepub --copies 10 100 315

`--allow-errors`: the copies make the translation record's signed-off paragraphs unknown (P013),
which is not what is measured.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def make_project(copies, to):
    """The shipped project with its body repeated `copies` times, in `to`."""
    shutil.copy(REPO / "codepub.toml", to / "codepub.toml")
    shutil.copytree(REPO / "content", to / "content")
    for lang in ("en", "ja"):
        path = to / "content" / lang / "10-code.md"
        text = path.read_text(encoding="utf-8")
        start = text.index("\n## ") + 1  # the first numbered clause: the title matter stays once
        head, body = text[:start], text[start:]
        parts = [head]
        for copy in range(copies):
            part = re.sub(r"\{#([a-z0-9-]+)\}", lambda m: "{#%s-r%d}" % (m.group(1), copy), body)
            part = re.sub(r"\[\^([^\]]+)\]", lambda m: "[^%s-r%d]" % (m.group(1), copy), part)
            parts.append(part)
        path.write_text("\n".join(parts), encoding="utf-8")


def pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codepub", default=str(REPO / "target/release/codepub"))
    parser.add_argument("--copies", type=int, nargs="+", default=[10, 100, 315])
    parser.add_argument("--edition", help="one edition only (e.g. bilingual); all of them by default")
    parser.add_argument("--format", default="pdf", help="what `build` writes (`pdf`, `html`, `pdf,html`)")
    args = parser.parse_args()

    # The command runs in each project's folder: a relative path would not be found there.
    codepub = str(Path(args.codepub).resolve())
    print("copies  sources   bilingual pages  peak RSS    per page   wall")
    for copies in args.copies:
        with tempfile.TemporaryDirectory(prefix="codepub-memory-") as scratch:
            project = Path(scratch)
            make_project(copies, project)
            size = sum(p.stat().st_size for p in (project / "content").rglob("*.md"))
            command = [codepub, "build", "--format", args.format, "--allow-errors", "--quiet"]
            if args.edition:
                command += ["--edition", args.edition]
            done = subprocess.run(["/usr/bin/time", "-v", *command], cwd=project, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
            rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
            wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", done.stderr).group(1)
            seconds = sum(float(x) * 60**i for i, x in enumerate(reversed(wall.split(":"))))
            slug_pdf = sorted((project / "out").glob("*-bilingual.pdf")) or sorted((project / "out").glob("*.pdf"))
            count = pages(slug_pdf[0]) if slug_pdf else None  # HTML alone: no pages to count
            rss = rss_kb / 1024
            per_page = f"{rss / count:6.2f} MB" if count else "     -   "
            print(
                f"{copies:6}  {size / 1024:6.0f} KiB  {count or '-':>15}  {rss:7.0f} MB  {per_page}  {seconds:6.1f} s",
                flush=True,
            )


if __name__ == "__main__":
    main()
