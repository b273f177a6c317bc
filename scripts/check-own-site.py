#!/usr/bin/env python3
"""CI gate for the project's own site: `donorbook check` must report no error and no warning,
except stale translations — some translations are left older than their English source on
purpose, so readers and `l10n status` have a real "outdated" case to show.

Usage: donorbook check --format json | scripts/check-own-site.py
"""
import json
import sys

report = json.load(sys.stdin)
allowed = ("stale translation:",)
problems = [d for d in report["diagnostics"] if d["severity"] != "warning" or not d["message"].startswith(allowed)]
stale = len(report["diagnostics"]) - len(problems)
for d in problems:
    print(f"{d['path']}:{d['line']}:{d['col']}: {d['severity']}: {d['message']}", file=sys.stderr)
if problems:
    print(f"check-own-site: FAIL — {len(problems)} problem(s) besides {stale} deliberately stale translation(s)", file=sys.stderr)
    sys.exit(1)
print(f"check-own-site: PASS — no problem besides {stale} deliberately stale translation(s)")
