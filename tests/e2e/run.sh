#!/usr/bin/env bash
# Runs every browser and validator check over a built site folder (default: public/).
# Exit 1 if any check fails; each check prints its own PASS/FAIL line.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
site="${1:-public}"
bash "$here/setup.sh" || { echo "e2e setup failed" >&2; exit 2; }
fail=0
bash "$here/check-html.sh" "$site" || fail=1
bash "$here/check-links.sh" "$site" || fail=1
node "$here/check-offline.mjs" "$site" ${E2E_MAX_PAGES:+--max-pages "$E2E_MAX_PAGES"} || fail=1
node "$here/check-a11y.mjs" "$site" ${E2E_MAX_PAGES:+--max-pages "$E2E_MAX_PAGES"} || fail=1
shopt -s nullglob
tests=("$here"/*.test.mjs)
if ((${#tests[@]})); then
  SITE="$(cd "$site" && pwd)" node --test "${tests[@]}" || fail=1
fi
exit $fail
