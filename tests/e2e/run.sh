#!/usr/bin/env bash
# Runs every browser and validator check over a built site folder (default: public/).
# Usage: run.sh [SITE_DIR] [DIST_DIR]. DIST_DIR (default $DIST, else dist/ if it exists) holds the
# zips of `donorbook bundle`, checked by bundle.test.mjs (skipped when there is no such folder).
# Exit 1 if any check fails; each check prints its own PASS/FAIL line.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
site="${1:-public}"
dist="${2:-${DIST:-}}"
if [ -z "$dist" ] && [ -d dist ]; then dist=dist; fi
bash "$here/setup.sh" || { echo "e2e setup failed" >&2; exit 2; }
fail=0
bash "$here/check-html.sh" "$site" || fail=1
bash "$here/check-links.sh" "$site" || fail=1
node "$here/check-offline.mjs" "$site" ${E2E_MAX_PAGES:+--max-pages "$E2E_MAX_PAGES"} || fail=1
node "$here/check-a11y.mjs" "$site" ${E2E_MAX_PAGES:+--max-pages "$E2E_MAX_PAGES"} || fail=1
# The dark scheme on an evenly spaced sample: the colours are the same on every page of a kind.
COLOR_SCHEME=dark node "$here/check-a11y.mjs" "$site" --max-pages "${E2E_DARK_PAGES:-${E2E_MAX_PAGES:-150}}" || fail=1
shopt -s nullglob
tests=("$here"/*.test.mjs)
if [ -n "$dist" ]; then
  # A folder that was asked for must exist: a missing bundle is a failure, not a skip.
  if [ -d "$dist" ]; then dist="$(cd "$dist" && pwd)"; else echo "bundles: FAIL — no folder $dist" >&2; fail=1; dist=""; fi
fi
if ((${#tests[@]})); then
  SITE="$(cd "$site" && pwd)" DIST="$dist" node --test "${tests[@]}" || fail=1
fi
exit $fail
