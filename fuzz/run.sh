#!/usr/bin/env bash
# Runs one fuzz target: bash fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
# (FUZZ_SANITIZER=none for a build without AddressSanitizer.)
# New corpus entries go to fuzz/corpus-work/TARGET (ignored); fuzz/corpus/TARGET holds the
# small committed seeds and is only read; fuzz/dicts/TARGET.dict is used when present.
# Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
secs=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
mkdir -p "fuzz/corpus-work/$target" fuzz/logs
dict=()
if [ -f "fuzz/dicts/$target.dict" ]; then dict=(-dict="fuzz/dicts/$target.dict"); fi
RUSTC_BOOTSTRAP=1 exec nice -n 10 cargo fuzz run --sanitizer "${FUZZ_SANITIZER:-address}" "$target" \
    "fuzz/corpus-work/$target" "fuzz/corpus/$target" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "${dict[@]}" "$@"
