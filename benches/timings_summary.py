#!/usr/bin/env python3
"""Where a build's time went, per edition, from traces written by `codepub build --timings`.

For each edition in each format (codepub's `codepub: pdf bilingual` ... events), the time in
Typst's phases inside it: evaluating the template (`eval`), laying it out (`layout document`,
every iteration and every pass), exporting the PDF (`pdf`); the rest of the edition's time is
codepub's (planning the passes, data, merging). codepub's own phases (load and align, check, ...)
are listed as they are. With several traces (runs), each figure is the median over them.

Recording costs time: compare these figures with each other, not with untraced runs. Editions
rendered in parallel share the cores, so build the editions one at a time for figures of one
edition alone:

    cargo build --profile bench --bin codepub
    for i in 1 2 3 4 5; do for e in bilingual facing en ja; do
      target/release/codepub build --edition $e --format pdf --out /tmp/timed \\
        --timings /tmp/timings/$e-$i.json
    done; done
    python3 benches/timings_summary.py /tmp/timings/*.json
"""

import json
import statistics
import sys
from collections import defaultdict

TYPST_PHASES = ("eval", "layout document", "pdf")


def intervals(events):
    """Every event as (thread, name, start, end) in microseconds, begin matched with end."""
    open_events = defaultdict(list)
    spans = []
    for event in events:
        key = (event["tid"], event["name"])
        if event["ph"] == "B":
            open_events[key].append(event["ts"])
        elif event["ph"] == "E" and open_events[key]:
            spans.append((event["tid"], event["name"], open_events[key].pop(), event["ts"]))
    return spans


def outermost(spans, name):
    """The spans called `name` not inside another of the same name on their thread."""
    found = sorted((s for s in spans if s[1] == name), key=lambda s: (s[0], s[2], -s[3]))
    kept = []
    for span in found:
        if kept and kept[-1][0] == span[0] and kept[-1][3] >= span[3]:
            continue
        kept.append(span)
    return kept


def summarise(path):
    """{row: milliseconds} of one trace."""
    with open(path, encoding="utf-8") as file:
        spans = intervals(json.load(file))
    rows = {}
    for thread, name, start, end in spans:
        if not name.startswith("codepub: "):
            continue
        label = name.removeprefix("codepub: ")
        rows[(label, "total")] = rows.get((label, "total"), 0.0) + (end - start) / 1000
        for phase in TYPST_PHASES:
            inside = [
                s for s in outermost(spans, phase) if s[0] == thread and start <= s[2] and s[3] <= end
            ]
            if inside:
                rows[(label, phase)] = sum(s[3] - s[2] for s in inside) / 1000
    return rows


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit(__doc__)
    runs = defaultdict(lambda: defaultdict(list))
    for path in paths:
        for (label, column), ms in summarise(path).items():
            runs[label][column].append(ms)
    columns = ("total",) + TYPST_PHASES
    print(f"{'phase or edition':28}" + "".join(f"{c:>18}" for c in columns) + "   (ms, median)")
    for label in sorted(runs, key=lambda l: (l.startswith(("pdf", "html")), l)):
        cells = []
        for column in columns:
            values = runs[label].get(column)
            cells.append(f"{statistics.median(values):18.1f}" if values else f"{'':>18}")
        print(f"{label:28}" + "".join(cells))
    print(f"{len(paths)} trace(s)")


if __name__ == "__main__":
    main()
