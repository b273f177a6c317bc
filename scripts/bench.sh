#!/usr/bin/env bash
# Benchmarks a full build against two floors measured in the same run, on synthetic corpora.
# Usage: scripts/bench.sh [SIZES...]   (default: 1000 5000 20000)
#
# floor (flat):  examples/floor.rs — reads every Markdown file, renders it with pulldown-cmark,
#                writes <n>.html into one folder.
# floor (pages): the same, but each page into its own folder (<path>/index.html), the layout a
#                site with readable URLs needs.
# For each size and program: three runs, the best wall time, the CPU time (user+sys) of that
# run, and the peak resident memory (GNU time). Every run writes into a new, empty folder, and
# no file is deleted while measuring: ext4 without a journal (as on these machines) makes
# creating files slow for ~30 s after many were deleted, which would punish whoever runs next.
# Prints a Markdown table with the ratios to each floor.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(1000 5000 20000)
cargo build --release --quiet --example gen_corpus --example floor
cargo build --release --quiet
work="${BENCH_DIR:-target/bench}"
mkdir -p "$work"
runs="$work/runs"
settle() { # remove earlier outputs, then wait out ext4's "recently deleted" window
  if [ -d "$runs" ]; then rm -rf "$runs"; sync; sleep "${BENCH_SETTLE:-31}"; fi
  mkdir -p "$runs"
}
measure() { # measure OUT_DIR CMD... → prints "wall cpu maxrss_kb"
  local out="$1"; shift
  /usr/bin/time -f "%e %U %S %M" "$@" "$out" 2>&1 >/dev/null | tail -1 | awk '{printf "%s %.2f %s\n", $1, $2+$3, $4}'
}
best() { # best PROGRAM-LABEL SITE CMD... → "wall cpu maxrss_kb" of the fastest of three runs
  local label="$1" site="$2"; shift 2
  local bw=999999 bc=0 bm=0 w c m
  for run in 1 2 3; do
    read -r w c m < <(measure "$runs/$label-$run" "$@")
    if awk "BEGIN{exit !($w < $bw)}"; then bw=$w; bc=$c; fi
    [ "$m" -gt "$bm" ] && bm=$m
  done
  echo "$bw $bc $bm"
}
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }
rows=()
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  [ -f "$site/site.yaml" ] || target/release/examples/gen_corpus "$site" "$n" >/dev/null
  files=$(find "$site" -name '*.md' | wc -l)
  settle
  cat $(find "$site" -name '*.md') >/dev/null  # warm the page cache
  read -r fw fc _ < <(best "flat-$n" "$site" target/release/examples/floor "$site")
  read -r pw pc _ < <(best "pages-$n" "$site" target/release/examples/floor "$site" --layout pages)
  read -r dw dc dm < <(best "donorbook-$n" "$site" bash -c 'target/release/donorbook build --root "$0" --out "$1"' "$site")
  pages=$(find "$runs/donorbook-$n-1" -name '*.html' | wc -l)
  rows+=("| $files | $pages | ${dw} s (${dc} s CPU) | $(awk "BEGIN{printf \"%d\", $pages/$dw}") | $((dm/1024)) | ${fw} s (${fc}) | ${pw} s (${pc}) | $(ratio "$dw" "$fw") | $(ratio "$dw" "$pw") | $(ratio "$dc" "$pc") |")
done
settle
rm -rf "$runs"
echo "| Markdown files | HTML pages written | donorbook wall (CPU) | pages/s | peak MB | floor flat | floor pages | ÷ flat | ÷ pages | CPU ÷ pages |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), $(rustc --version)"
