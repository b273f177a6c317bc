//! Bad input: every error names the file, line and column, all errors come at once, exit 1,
//! never a panic.

mod common;
use common::{Site, stderr};

/// Builds the fixture with one file replaced and returns stderr; the build must fail cleanly.
fn fails_with(rel: &str, text: impl AsRef<[u8]>) -> String {
    let s = Site::fixture("basic");
    s.write(rel, text);
    let o = s.build();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "expected exit 1, got {:?}:\n{err}", o.status);
    assert!(!err.contains("panicked"), "{err}");
    err
}

const LESSON: &str = "content/modules/alpha/02-second.md";

#[test]
fn malformed_yaml() {
    let e = fails_with(LESSON, "---\ntitle: [unclosed\nweight: 2\n---\nBody\n");
    assert!(e.contains("content/modules/alpha/02-second.md:2:"), "{e}");
}

#[test]
fn unknown_front_matter_key_has_a_hint() {
    let e = fails_with(LESSON, "---\ntitle: A\nsumary: typo\n---\nBody\n");
    assert!(e.contains("content/modules/alpha/02-second.md:3:1: error: unknown field `sumary`"), "{e}");
    assert!(e.contains("did you mean `summary`?"), "{e}");
}

#[test]
fn missing_title() {
    let e = fails_with(LESSON, "---\nweight: 2\n---\nBody\n");
    assert!(e.contains("content/modules/alpha/02-second.md:2:1: error: missing field `title`"), "{e}");
}

#[test]
fn broken_link_and_missing_anchor_reported_together() {
    let e = fails_with(LESSON, "---\ntitle: A\n---\nSee [x](no-such.md).\n\nAnd [y](01-first.md#nowhere).\n");
    assert!(e.contains("content/modules/alpha/02-second.md:4:5: error: link to `no-such.md`: no such page"), "{e}");
    assert!(e.contains("content/modules/alpha/02-second.md:6:5: error: link to `#nowhere`"), "{e}");
    assert!(e.contains("2 errors"), "{e}");
}

#[test]
fn image_outside_the_root_is_refused_and_never_read() {
    let e = fails_with(LESSON, "---\ntitle: A\n---\nText\n\n![x](../../../../../../etc/passwd)\n");
    assert!(e.contains("content/modules/alpha/02-second.md:6:1: error: image `../../../../../../etc/passwd` is outside"), "{e}");
    assert!(!e.contains("root:"), "{e}");
}

#[test]
fn image_from_another_host_is_an_error() {
    let e = fails_with(LESSON, "---\ntitle: A\n---\n![x](https://cdn.example.org/x.png)\n");
    assert!(e.contains("02-second.md:4:1: error: image `https://cdn.example.org/x.png` is loaded from another host"), "{e}");
}

#[test]
fn invalid_utf8() {
    let mut bytes = b"---\ntitle: A\n---\nGood line\nbad \xff byte\n".to_vec();
    bytes.extend_from_slice(b"more\n");
    let e = fails_with(LESSON, bytes);
    assert!(e.contains("content/modules/alpha/02-second.md:5:5: error: the file is not valid UTF-8"), "{e}");
}

#[test]
fn duplicate_output_path() {
    let e = fails_with("content/modules/alpha/05-first.md", "---\ntitle: Clash\n---\n");
    assert!(e.contains("would both be written to `modules/alpha/first/`"), "{e}");
    assert!(e.contains("content/modules/alpha/"), "{e}");
}

#[test]
fn yaml_alias_bomb_is_refused_quickly() {
    let mut y = String::from("---\ntitle: Bomb\nextra:\n  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..10 {
        let p = i - 1;
        y.push_str(&format!("  a{i}: &a{i} [*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p}]\n"));
    }
    y.push_str("---\nBody\n");
    let e = fails_with(LESSON, y);
    assert!(e.contains("content/modules/alpha/02-second.md:"), "{e}");
    assert!(e.contains("alias"), "{e}");
}

#[test]
fn ten_megabyte_single_line_file_builds() {
    let s = Site::fixture("basic");
    // Above the default size limit of a source file (docs/security.md): raised for this site.
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}limits:\n  max_source_mb: 16\n"));
    let mut text = String::from("---\ntitle: Long\n---\n");
    text.push_str(&"donate blood ".repeat(10 * 1024 * 1024 / 13));
    s.write(LESSON, text);
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.out("en/modules/alpha/second/index.html").len() > 10_000_000);
}

#[test]
fn bom_and_crlf_just_work() {
    let s = Site::fixture("basic");
    s.write(LESSON, "\u{feff}---\r\ntitle: Windows file\r\n---\r\n## Heading\r\n\r\nText.\r\n");
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.out("en/modules/alpha/second/index.html").contains("<h1>Windows file</h1>"));
}

#[test]
fn unknown_shortcode_and_quiz_without_answer() {
    let e = fails_with(
        LESSON,
        "---\ntitle: A\n---\nIntro {{ tooltip(id=\"x\") }}\n\n```quiz\nquestion: Q?\nchoices:\n  - text: a\n  - text: b\n```\n\n`{{ not_expanded() }}`\n",
    );
    assert!(e.contains("02-second.md:4:7: error: unknown shortcode `tooltip`"), "{e}");
    assert!(e.contains("02-second.md:8:1: error: this quiz has no correct choice"), "{e}");
    assert!(!e.contains("not_expanded"), "{e}");
}

#[test]
fn unknown_glossary_term_and_bad_callout() {
    let s = Site::fixture("basic");
    s.write("content/glossary.yaml", "- id: vnrbd\n  term: VNRBD\n  definition: Voluntary unpaid donation.\n");
    s.write(LESSON, "---\ntitle: A\n---\nA {{ term(id=\"vnrdb\") }}.\n\n{% callout(kind=\"note\") %}\nx\n{% end %}\n");
    let o = s.build();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(e.contains("02-second.md:4:3: error: unknown glossary term `vnrdb` (did you mean `vnrbd`?)"), "{e}");
    assert!(e.contains("02-second.md:6:1: error: unknown callout kind `note`"), "{e}");
}

#[test]
fn site_yaml_errors() {
    let e = fails_with("site.yaml", "title: X\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\nuntranslatd: skip\n");
    assert!(e.contains("site.yaml:6:1: error: unknown field `untranslatd`"), "{e}");
    assert!(e.contains("did you mean `untranslated`?"), "{e}");
    let e = fails_with("site.yaml", "title: X\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\n  - code: en\n    name: Again\n");
    assert!(e.contains("locale `en` is declared twice"), "{e}");
    let e = fails_with("site.yaml", "title: X\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\n  - code: \"not a tag!\"\n    name: Bad\n");
    assert!(e.contains("is not a valid BCP 47 language tag"), "{e}");
}

#[test]
fn fluent_syntax_error_has_file_and_line() {
    let e = fails_with("locales/fr/site.ftl", "site-title = Centre\nbroken = { $x\n");
    assert!(e.contains("locales/fr/site.ftl:2:"), "{e}");
    assert!(e.contains("Fluent syntax error"), "{e}");
}

#[test]
fn script_in_front_matter_is_escaped_everywhere() {
    let s = Site::fixture("basic");
    s.write(LESSON, "---\ntitle: \"<script>alert(1)</script> javascript:alert(2)\"\nsummary: \"<img src=x onerror=alert(3)>\"\n---\nBody\n");
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    for page in ["en/modules/alpha/second/index.html", "en/modules/alpha/index.html", "en/modules/alpha/first/index.html", "assets/search/en.js"] {
        let html = s.out(page);
        assert!(!html.contains("<script>alert(1)"), "{page}");
        assert!(!html.contains("<img src=x"), "{page}");
    }
}
