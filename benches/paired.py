#!/usr/bin/env python3
"""Two builds of `codepub` run in turn on one project, as whole processes: the median of each and
the median of their ratios pair by pair, which a machine's changing load moves less than it moves
either median.

    python3 benches/paired.py --old /tmp/codepub-old --new target/release/codepub \
        --project /tmp/g10k --runs 30 [-- check --format json]

The arguments after `--` are the command's (`check` by default); its output is thrown away and its
exit status not read (a project with findings exits 1).
"""

import argparse
import statistics
import subprocess
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", required=True, help="the codepub binary to compare against")
    parser.add_argument("--new", required=True, help="the codepub binary compared")
    parser.add_argument("--project", required=True, help="the project folder the command runs in")
    parser.add_argument("--runs", type=int, default=30, help="pairs of runs (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="pairs of runs not timed (default 3)")
    parser.add_argument("command", nargs="*", default=["check"], help="the command and its arguments")
    args = parser.parse_args()

    def run(binary):
        started = time.perf_counter()
        subprocess.run([binary, *args.command], cwd=args.project, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - started

    for _ in range(args.warmup):
        run(args.old)
        run(args.new)
    old, new = [], []
    for i in range(args.runs):
        # Each goes first in every other pair, so neither always follows the other.
        if i % 2:
            old.append(run(args.old))
            new.append(run(args.new))
        else:
            new.append(run(args.new))
            old.append(run(args.old))
    ms = lambda seconds: f"{seconds * 1000:.1f} ms"
    print(f"old: median {ms(statistics.median(old))}, min {ms(min(old))}")
    print(f"new: median {ms(statistics.median(new))}, min {ms(min(new))}")
    print(f"new/old, median of the pairs' ratios: {statistics.median(n / o for o, n in zip(old, new)):.3f}")


if __name__ == "__main__":
    main()
