#!/usr/bin/env bash
# Benchmarks a full build against the floor (pulldown-cmark only) on synthetic corpora.
# Usage: scripts/bench.sh [SIZES...]   (default: 1000 5000 20000)
# Prints a Markdown table: wall time, pages/s, peak memory, and the ratio to the floor measured
# in the same run. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 5000 20000}")
[ $# -eq 0 ] && sizes=(1000 5000 20000)
cargo build --release --quiet --example gen_corpus --example floor
cargo build --release --quiet
work="${BENCH_DIR:-target/bench}"
mkdir -p "$work"
measure() { # prints "seconds maxrss_kb"
  /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
}
echo "| pages (md files) | donorbook | pages/s | peak MB | floor | ratio to floor |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  [ -f "$site/site.yaml" ] || target/release/examples/gen_corpus "$site" "$n" >/dev/null
  files=$(find "$site" -name '*.md' | wc -l)
  rm -rf "$work/floor-$n"; measure target/release/examples/floor "$site" "$work/floor-$n" >/dev/null  # warm the cache
  best_f=999999; best_d=999999; mem=0
  for run in 1 2 3; do
    rm -rf "$work/floor-$n"
    read -r tf _ < <(measure target/release/examples/floor "$site" "$work/floor-$n")
    rm -rf "$work/out-$n"
    read -r td md < <(measure target/release/donorbook build --root "$site" --out "$work/out-$n")
    best_f=$(echo "$tf $best_f" | awk '{print ($1<$2)?$1:$2}')
    best_d=$(echo "$td $best_d" | awk '{print ($1<$2)?$1:$2}')
    mem=$(echo "$md $mem" | awk '{print ($1>$2)?$1:$2}')
  done
  pages=$(find "$work/out-$n" -name '*.html' | wc -l)
  echo "| $files ($pages html) | ${best_d}s | $(awk "BEGIN{printf \"%d\", $pages/$best_d}") | $((mem/1024)) | ${best_f}s | $(awk "BEGIN{printf \"%.2f\", $best_d/$best_f}") |"
done
