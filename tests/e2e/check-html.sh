#!/usr/bin/env bash
# HTML validity: W3C Nu HTML Checker (vnu.jar) over every .html/.htm file in SITE_DIR.
# Usage: check-html.sh SITE_DIR [--strict] [--css]
#   --strict  warnings fail too      --css  also validate .css files
# Exit 0 = no errors, 1 = errors (or warnings with --strict), 2 = usage/setup problem.
set -uo pipefail
TOOLS_HOME="${TOOLS_HOME:-$(cd "$(dirname "$0")" && pwd)}"
VNU="$TOOLS_HOME/node_modules/vnu-jar/build/dist/vnu.jar"
site="" strict=0 css=0
for a in "$@"; do
  case "$a" in --strict) strict=1 ;; --css) css=1 ;; *) site="$a" ;; esac
done
[ -d "$site" ] || { echo "usage: check-html.sh SITE_DIR [--strict] [--css]" >&2; exit 2; }
[ -f "$VNU" ] || { echo "vnu.jar not found in $TOOLS_HOME; run setup.sh first" >&2; exit 2; }
command -v java >/dev/null || { echo "java not found; run setup.sh first" >&2; exit 2; }

site="$(cd "$site" && pwd)"
[ -n "$(find "$site" -type f \( -iname '*.html' -o -iname '*.htm' \) -print -quit)" ] ||
  { echo "check-html: FAIL — no .html files in $site"; exit 1; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
# vnu writes its JSON report to stderr; its own exit code is not needed.
vnu() { local out="$tmp/$1.json"; shift; java ${JAVA_OPTS:--Xss4m} -jar "$VNU" --format json "$@" 2>"$out" >/dev/null; }
vnu html --skip-non-html "$site"
# CSS in a separate run: "--also-check-css" shifts HTML line numbers by one (vnu 26.9.27).
if ((css)); then
  mapfile -d '' sheets < <(find "$site" -type f -name '*.css' -print0)
  ((${#sheets[@]})) && vnu css --css "${sheets[@]}"
fi

python3 - "$site" "$strict" "$tmp"/*.json <<'PY'
import collections, json, os, sys, urllib.parse
site, strict, msgs = sys.argv[1], sys.argv[2] == "1", []
for report in map(lambda f: open(f).read(), sys.argv[3:]):
    try:
        msgs += json.loads(report)["messages"]
    except ValueError:
        sys.exit("check-html: could not parse vnu output:\n" + report[:2000])
by_file, count = collections.defaultdict(list), collections.Counter()
for m in msgs:
    if m["type"] in ("error", "non-document-error"): kind = "error"
    elif m.get("subType") == "warning": kind = "warning"
    else: continue  # plain "info" messages
    count[kind] += 1
    f = urllib.parse.unquote(m.get("url", "?")).removeprefix("file:")
    f = os.path.relpath(f, site) if f.startswith("/") else f
    line, col = m.get("firstLine", m.get("lastLine", "?")), m.get("firstColumn", m.get("lastColumn", "?"))
    by_file[f].append((line if isinstance(line, int) else 0, col, f"  {line}:{col}  {kind}: {m['message']}"))
for f in sorted(by_file):
    print(f"{f}:", *(t for *_, t in sorted(by_file[f], key=lambda x: x[:2])), sep="\n")
files = sum(x.lower().endswith((".html", ".htm")) for _, _, fs in os.walk(site) for x in fs)
fail = count["error"] or (strict and count["warning"])
print(f"check-html: {'FAIL' if fail else 'PASS'} — {files} file(s), {count['error']} error(s), "
      f"{count['warning']} warning(s){' (--strict: warnings fail)' if strict else ''}")
sys.exit(1 if fail else 0)
PY
