#!/usr/bin/env bash
# Installs what the browser checks need, only what is missing: Debian's chromium, a JRE for the
# Nu HTML checker, fonts with Arabic/Persian glyphs; then the pinned npm packages from
# package-lock.json into tests/e2e/node_modules (no browser download: Debian's chromium is used).
set -euo pipefail
cd "$(dirname "$0")"
declare -A need=([/usr/bin/chromium]=chromium [java]=default-jre-headless [python3]=python3
                 [node]=nodejs [npm]=npm [fc-list]=fonts-dejavu-core)
missing=()
for cmd in "${!need[@]}"; do command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}"); done
if ((${#missing[@]})); then
  echo "apt: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if [ ! -f node_modules/.installed ] || ! cmp -s package-lock.json node_modules/.installed; then
  # --ignore-scripts: vnu-jar's postinstall would download a JRE; Java comes from apt.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
echo "java: $(java -version 2>&1 | head -1)"
