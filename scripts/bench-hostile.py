#!/usr/bin/env python3
"""Scaling of one hostile page: each family at size n and 2n, with the time ratio.

Linear work doubles when the input doubles (ratio ~2); quadratic work quadruples (ratio ~4).
Usage: scripts/bench-hostile.py [--bin PATH] [--scale F] [FAMILY...]
  --bin    donorbook binary (default: target/release/donorbook, built if missing)
  --scale  multiplies every size (default 1; 0.25 for a quick look)
Families: headings anchors terms footnotes callouts quizzes images messages
Each run: `donorbook new` starter site, one lesson replaced (or, for `messages`, n Fluent
messages appended to locales/en/site.ftl), then `build` (and `check`, `l10n status` for
messages); the best of two wall times is printed. See docs/performance.md.
"""

import os
import subprocess
import sys
import tempfile
import time

LESSON = "content/modules/why-donate/02-who-can-give.md"
HEAD = "---\ntitle: Hostile\nsummary: s\n---\n\n"

# family -> (base size, generator of the lesson text or of extra .ftl text)
FAMILIES = {
    # 8,000 identical headings: ids q, q-1, q-2, ...
    "headings": (8000, lambda n: HEAD + "## Q\n\n" * n),
    # same-page anchor links, half to an id that exists, half to one that does not
    "anchors": (40000, lambda n: HEAD + "## Q\n\n" + "[a](#q) [b](#nope)\n\n" * (n // 2)),
    # a glossary term per line
    "terms": (40000, lambda n: HEAD + '{{ term(id="vnrbd") }}\n' * n),
    # numbered footnotes with their definitions
    "footnotes": (30000, lambda n: HEAD + "".join(f"x[^{i}]\n\n[^{i}]: note {i}\n\n" for i in range(n))),
    # block shortcodes
    "callouts": (20000, lambda n: HEAD + '{% callout(kind="tip") %}\nx\n{% end %}\n\n' * n),
    # knowledge checks that fail to parse (one error each)
    "quizzes": (20000, lambda n: HEAD + "```quiz\nquestion: [\n```\n\n" * n),
    # images that do not exist (one error each)
    "images": (30000, lambda n: HEAD + "![x](missing.png)\n\n" * n),
    # Fluent messages in the site's English file
    "messages": (20000, lambda n: "".join(f"bench-message-{i} = Message number {i}\n" for i in range(n))),
}


def run(cmd, cwd):
    start = time.monotonic()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def site(binary, family, n, tmp):
    root = os.path.join(tmp, f"{family}-{n}")
    subprocess.run([binary, "new", root], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    text = FAMILIES[family][1](n)
    if family == "messages":
        with open(os.path.join(root, "locales/en/site.ftl"), "a", encoding="utf-8") as f:
            f.write(text)
    else:
        with open(os.path.join(root, LESSON), "w", encoding="utf-8") as f:
            f.write(text)
    return root, len(text.encode())


def commands(binary, family, root):
    out = os.path.join(root, "..", os.path.basename(root) + "-out")
    cmds = [("build", [binary, "build", "--root", root, "--out", out])]
    if family == "messages":
        cmds += [("check", [binary, "check", "--root", root]), ("l10n status", [binary, "l10n", "status", "--root", root])]
    return cmds


def main():
    args = sys.argv[1:]
    binary, scale = "target/release/donorbook", 1.0
    while args and args[0].startswith("--"):
        flag, value = args[0], args[1]
        args = args[2:]
        if flag == "--bin":
            binary = value
        elif flag == "--scale":
            scale = float(value)
    binary = os.path.abspath(binary)
    if not os.path.exists(binary):
        subprocess.run(["cargo", "build", "--release", "--quiet"], check=True)
    families = args or list(FAMILIES)
    print("| family | command | n | bytes | time | 2n | bytes | time | ratio |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for family in families:
            n = max(1, int(FAMILIES[family][0] * scale))
            rows = {}
            for size in (n, 2 * n):
                root, nbytes = site(binary, family, size, tmp)
                for name, cmd in commands(binary, family, root):
                    best = min(run(cmd, tmp) for _ in range(2))
                    rows.setdefault(name, []).append((size, nbytes, best))
            for name, ((n1, b1, t1), (n2, b2, t2)) in rows.items():
                print(f"| {family} | {name} | {n1} | {b1} | {t1:.2f} s | {n2} | {b2} | {t2:.2f} s | {t2 / max(t1, 1e-3):.2f} |", flush=True)


if __name__ == "__main__":
    main()
