#!/usr/bin/env bash
# Runs fuzz targets one after another, each for MINUTES (default 10) on one job, and prints the
# executions and any crash of each. Usage: fuzz/run.sh [MINUTES] [TARGET…]
set -uo pipefail
cd "$(dirname "$0")"
minutes=${1:-10}; shift || true
targets=${*:-markdown check_pair toml_files diff_projects xliff_import lsp_frames render_pair}
mkdir -p logs
for t in $targets; do
  # A per-input time limit (-timeout) turns a hang into a reported crash; renders get longer.
  # Only render_pair needs Typst (feature `render`); the others build without it.
  timeout=10; features=--no-default-features
  [ "$t" = render_pair ] && timeout=30 && features=
  # FUZZ_TARGET_DIR: a build folder of its own (a Typst build beside a running fuzzer).
  cargo +nightly fuzz run -s none $features ${FUZZ_TARGET_DIR:+--target-dir "$FUZZ_TARGET_DIR"} "$t" -- -jobs=1 -max_total_time=$((minutes * 60)) -timeout=$timeout \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 > "logs/$t.out" 2>&1
  log=$(ls -t fuzz-*.log 2>/dev/null | head -1); [ -n "$log" ] && mv "$log" "logs/$t.log"
  # The final stats when the worker printed them, else the last progress line's count.
  execs=$(grep -ho 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" "logs/$t.out" 2>/dev/null | tail -1 | grep -o '[0-9]*$')
  [ -z "$execs" ] && execs=$(grep -ho '^#[0-9]*' "logs/$t.log" 2>/dev/null | tail -1 | tr -d '#')
  crashes=$(ls artifacts/$t 2>/dev/null | wc -l)
  echo "$t: ${minutes} min, ${execs:-?} executions, ${crashes} artifacts"
done
