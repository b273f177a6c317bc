#!/usr/bin/env python3
"""Regenerates the seed corpora in fuzz/corpus/<target>/ from the repository's own files.

Run from anywhere: python3 fuzz/make-seed-corpus.py
Each corpus stays small (at most 200 files, well under 2 MB): libFuzzer's own finds go to
fuzz/corpus-work/<target>/ (ignored), not here. Crash reproducers live in fuzz/regressions/.
"""
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"
MAX_FILES = 200
MAX_BYTES = 2_000_000


def md_files():
    files = []
    for base in ["content", "tests/fixtures", "src/scaffold", "examples"]:
        files += sorted((ROOT / base).rglob("*.md"))
    return files


def locale_md_files():
    return sorted((ROOT / "locales").rglob("*.md"))


def name_for(path, suffix=""):
    rel = path.relative_to(ROOT).as_posix()
    return re.sub(r"[^A-Za-z0-9.-]+", "_", rel) + suffix


def split_front_matter(text):
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return None, text
    return text[: end + 5], text[end + 5 :]


QUIZ = re.compile(r"^```quiz[^\n]*\n(.*?)^```", re.S | re.M)


def write(target, files, extras=()):
    """Writes `extras` (hand-written seeds) first, then `files`, up to the size limits."""
    files = list(extras) + list(files)
    d = OUT / target
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    total = 0
    n = 0
    for name, data in files:
        data = data.encode("utf-8") if isinstance(data, str) else data
        if n >= MAX_FILES or total + len(data) > MAX_BYTES:
            break
        (d / name).write_bytes(data)
        total += len(data)
        n += 1
    print(f"{target}: {n} files, {total} bytes")


def main():
    own = md_files()
    loc = locale_md_files()
    # One translated file of each kind per locale keeps every script in the corpus.
    loc_sample = [p for p in loc if p.name in ("_index.md", "about.md") and p.parent.name == "content"]

    # frontmatter: whole files of our own content, front matter only of the translations.
    fm = [(name_for(p), p.read_text(encoding="utf-8")) for p in own]
    for p in loc:
        head, _ = split_front_matter(p.read_text(encoding="utf-8"))
        if head:
            fm.append((name_for(p, ".fm"), head))
    fm_extra = [
        ("crlf-bom.md", "\ufeff---\r\ntitle: CRLF\r\nweight: 2\r\n---\r\nbody\r\n"),
        ("dots-close.md", "---\ntitle: Dots\nextra:\n  a: [1, 2]\n...\nbody\n"),
        ("anchors.md", "---\ntitle: &t Anchor\nsummary: *t\nobjectives: [*t, *t]\n---\n"),
    ]
    write("frontmatter", fm, fm_extra)

    # shortcodes and markdown: bodies (the part after the front matter).
    bodies = []
    for p in own + loc_sample:
        _, body = split_front_matter(p.read_text(encoding="utf-8"))
        bodies.append((name_for(p, ".body"), body))
    with_codes = [(n, b) for n, b in bodies if "{{" in b or "{%" in b]
    for p in loc:
        _, body = split_front_matter(p.read_text(encoding="utf-8"))
        if ("{{" in body or "{%" in body) and p not in loc_sample and p.parent.name != "content":
            with_codes.append((name_for(p, ".body"), body))
    codes_extra = [
        ("nested-blocks.md", '{% callout(kind="fact") %}\nOuter {% callout(kind="tip") %}inner{% end %} done\n{% end %}\nafter'),
        ("args.md", 'Say {{ t(key="hello", count=3, loud=true, x=-1.5e3) }} and {{ term(id=\'a\\\'b\') }}'),
        ("code.md", 'Use `{{ t(key="x") }}`\n\n```\n{{ term(id="v") }}\n```\n\n    {% end %}\n'),
        ("errors.md", '{{ t(key="x" }}\n{% callout() %}\nnever closed\n{% end %}{% end %}\n{{ }}'),
    ]
    write("shortcodes", with_codes, codes_extra)

    md = bodies + [
        ("links.md", "[y](02-y.md#part) [b](../b/_index.md) [ext](https://who.int) [self](#top) ![d](images/drop.svg) [x](%2e%2e/%2e%2e/x.md)"),
        ("html.md", "<p onclick=\"x()\">hi</p><script>bad()</script><iframe src=\"a\"></iframe>\n\n<div><img src=\"https://x/y.png\"></div>"),
        ("footnotes.md", "Text[^n].\n\n[^n]: Note.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] open\n- [x] done\n"),
        ("shortcodes.md", "Say {{ hi(name=\"x\") }}!\n\n{% box() %}\n**bold** {{ hi() }}\n{% end %}\n\n## Head {{ hi() }} {#custom}\n"),
        ("quiz.md", "```quiz\nquestion: Q?\nchoices:\n  - text: a\n    correct: true\n  - text: b\n```\n"),
        ("urls.md", "en/modules\nfa/x y/a%20b.html\n"),
    ]
    write("markdown", md)

    quizzes = []
    for p in own + loc:
        for i, m in enumerate(QUIZ.finditer(p.read_text(encoding="utf-8"))):
            quizzes.append((name_for(p, f".quiz{i}"), m.group(1)))
    quizzes += [
        ("bad-key.yaml", "question: Who?\nchoices:\n  - text: A\n    corect: true\n"),
        ("multiple.yaml", "multiple: true\nquestion: Q\nchoices:\n  - text: A\n    correct: true\n  - text: B\n    correct: true\n    feedback: yes\nexplanation: because\n"),
    ]
    write("quiz", quizzes)

    ftl = []
    for base in ["locales", "tests/fixtures", "themes", "src/scaffold"]:
        for p in sorted((ROOT / base).rglob("*.ftl")):
            ftl.append((name_for(p), p.read_text(encoding="utf-8")))
    ftl += [
        ("plural-args.ftl", "minutes = { $count ->\n    [one] { $count } minute\n   *[other] { $count } minutes\n}\nwelcome = { $name } خوش آمدید!\n-brand = Donorbook\nterm-ref = { -brand } { NUMBER($count, minimumFractionDigits: 2) }\n"),
        ("errors.ftl", "ok = fine\nbroken = { $x\n\n\nnext = { -missing } { missing-msg } { $unset }\n.attr = only\nonly-attr =\n    .title = T\n"),
        ("theme-and-site.ftl", "a = theme { $n }\n\0a = site { $n }\nb = { a }\n"),
    ]
    write("fluent", ftl)


if __name__ == "__main__":
    main()
