use super::*;
use crate::shortcodes::Call;
use std::path::Path;

/// A host with two pages, one image and no shortcodes beyond `hi`.
struct TestHost;

impl Host for TestHost {
    fn page_dir(&self, rel: &str) -> Option<String> {
        match rel {
            "modules/a/01-x.md" => Some("en/modules/a/x/".into()),
            "modules/a/02-y.md" => Some("en/modules/a/y/".into()),
            "modules/b/_index.md" => Some("en/modules/b/".into()),
            _ => None,
        }
    }
    fn asset(&self, logical: &str) -> Option<String> {
        (logical == "modules/a/images/drop.svg").then(|| format!("en/{logical}"))
    }
    fn shortcode(&self, call: &Call, body: Option<&Rendered>, _env: &Env<'_>) -> Result<Rendered, String> {
        match (call.name.as_str(), body) {
            ("hi", None) => Ok(Rendered { html: "<b>hi</b>".into(), text: "hi".into(), ..Rendered::default() }),
            ("box", Some(b)) => Ok(Rendered { html: format!("<aside>{}</aside>", b.html), text: b.text.clone(), ..Rendered::default() }),
            _ => Err(format!("unknown shortcode `{}`", call.name)),
        }
    }
    fn quiz(&self, yaml: &str, env: &Env<'_>, line: usize) -> Result<String, Diagnostic> {
        crate::quiz::parse(yaml, env.display, line).map(|q| format!("<form class=\"quiz\">{}</form>", q.question))
    }
    fn ui(&self, key: &str) -> String {
        key.to_string()
    }
}

fn render_md(src: &str, raw: RawHtml) -> Rendered {
    let env = Env {
        display: Path::new("content/modules/a/01-x.md"),
        body_line_offset: 3,
        rel: "modules/a/01-x.md",
        page_dir: "en/modules/a/x/",
        raw_html: raw,
        id_prefix: "",
        counter: Cell::new(0),
        used_ids: RefCell::default(),
    };
    render(src, &env, &TestHost)
}

#[test]
fn links_become_relative_page_urls() {
    let r = render_md("[y](02-y.md#part) [b](../b/_index.md) [ext](https://who.int) [self](#top)", RawHtml::Sanitize);
    assert!(r.html.contains("href=\"../y/index.html#part\""), "{}", r.html);
    assert!(r.html.contains("href=\"../../b/index.html\""));
    assert!(r.html.contains("href=\"https://who.int\""));
    assert_eq!(r.anchors.len(), 2);
    assert!(r.diagnostics.is_empty());
}

#[test]
fn missing_page_is_an_error_at_the_file_position() {
    let r = render_md("Intro\n\nSee [z](03-z.md).", RawHtml::Sanitize);
    assert_eq!(r.diagnostics.len(), 1);
    let d = &r.diagnostics[0];
    assert_eq!((d.line, d.col), (6, 5));
}

#[test]
fn images_resolve_and_escapes_are_refused() {
    let r = render_md("![drop](images/drop.svg)\n\n![bad](../../../../x.png)", RawHtml::Sanitize);
    assert!(r.html.contains("src=\"../images/drop.svg\""));
    assert_eq!(r.diagnostics.len(), 1);
    assert!(r.diagnostics[0].message.contains("outside"));
}

#[test]
fn headings_get_unique_ids_in_any_script() {
    let r = render_md("## Who can donate?\n\n## Цусны донор\n\n## دوره پنجره\n\n## 献血\n\n## Who can donate?\n\n## Custom {#keep-me}", RawHtml::Sanitize);
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, vec!["who-can-donate", "цусны-донор", "دوره-پنجره", "献血", "who-can-donate-1", "keep-me"]);
}

#[test]
fn shortcodes_inline_and_block_with_markdown_body() {
    let r = render_md("Say {{ hi() }}!\n\n{% box() %}\n**bold** inside\n{% end %}\n\n`{{ hi() }}` stays code", RawHtml::Sanitize);
    assert!(r.html.contains("Say <b>hi</b>!"), "{}", r.html);
    assert!(r.html.contains("<aside><p><strong>bold</strong> inside</p>\n</aside>"), "{}", r.html);
    assert!(!r.html.contains("<p><aside>"), "a block replaces its paragraph");
    assert!(r.html.contains("<code>{{ hi() }}</code>"));
}

#[test]
fn shortcode_errors_point_at_the_call() {
    let r = render_md("Line one\nthen {{ nope() }}", RawHtml::Sanitize);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!((r.diagnostics[0].line, r.diagnostics[0].col), (5, 6));
}

#[test]
fn errors_inside_block_bodies_keep_their_lines() {
    let r = render_md("{% box() %}\n\ntext [bad](missing.md)\n{% end %}", RawHtml::Sanitize);
    assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
    assert_eq!(r.diagnostics[0].line, 6);
}

#[test]
fn quiz_blocks_are_rendered_and_validated() {
    let ok = render_md("```quiz\nquestion: Q?\nchoices:\n  - text: a\n    correct: true\n  - text: b\n```", RawHtml::Sanitize);
    assert!(ok.html.contains("<form class=\"quiz\">Q?</form>"), "{}", ok.html);
    assert!(!ok.html.contains("<p><form"));
    let bad = render_md("text\n\n```quiz\nquestion: Q?\nchoices:\n  - text: a\n  - text: b\n```", RawHtml::Sanitize);
    assert_eq!(bad.diagnostics.len(), 1);
    assert_eq!(bad.diagnostics[0].line, 8);
}

#[test]
fn raw_html_modes() {
    let src = "<p onclick=\"x()\">hi</p><script>bad()</script><iframe src=\"a\"></iframe>";
    let s = render_md(src, RawHtml::Sanitize);
    assert!(s.html.contains("<p>hi</p>") && !s.html.contains("script") && !s.html.contains("iframe"), "{}", s.html);
    let e = render_md(src, RawHtml::Escape);
    assert!(e.html.contains("&lt;script&gt;"));
    let a = render_md(src, RawHtml::Allow);
    assert!(a.html.contains("<script>bad()</script>"));
}

#[test]
fn footnotes_and_tables_are_accessible() {
    let r = render_md("Text[^n].\n\n[^n]: Note.\n\n| a | b |\n|---|---|\n| 1 | 2 |", RawHtml::Sanitize);
    assert!(r.html.contains("<a href=\"#fn-n\" id=\"fnref-n-1\">1</a>"), "{}", r.html);
    assert!(r.html.contains("<div class=\"footnote\" id=\"fn-n\">"));
    assert!(r.html.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"table-label\">"));
}

#[test]
fn slugs() {
    assert_eq!(slugify("Who can donate?"), "who-can-donate");
    assert_eq!(slugify("  Mixed -- dashes__and spaces "), "mixed-dashes-and-spaces");
    assert_eq!(slugify("می‌شود"), "می\u{200c}شود");
    assert_eq!(slugify("!!!"), "");
}

#[test]
fn images_without_alt_and_skipped_levels_warn() {
    let r = render_md("![](images/drop.svg)\n\n## Two\n\n#### Four", RawHtml::Sanitize);
    let msgs: Vec<&str> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(msgs.iter().any(|m| m.contains("without alt text")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("level 4 follows level 2")), "{msgs:?}");
    assert!(r.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn external_resources_in_raw_html_are_errors() {
    let r = render_md("<img src=\"https://cdn.example.org/x.png\" alt=\"x\">", RawHtml::Sanitize);
    assert!(r.diagnostics.iter().any(|d| d.is_error() && d.message.contains("another host")));
}

/// Found by fuzzing (`markdown` target): a private-use character before a shortcode swallowed
/// the shortcode's placeholder, which leaked into the page.
#[test]
fn private_use_characters_before_a_shortcode() {
    let r = render_md("\u{E000}{{ hi() }} and \u{E001}", RawHtml::Sanitize);
    assert_eq!(r.html, "<p>\u{E000}<b>hi</b> and \u{E001}</p>\n");
    assert_eq!(r.text.trim(), "\u{E000}hi and \u{E001}");
    let r = render_md("## Icon \u{E000} {{ hi() }}\n\nPlain \u{E000}0\u{E001} text", RawHtml::Escape);
    assert_eq!(r.headings[0].text, "Icon \u{E000} hi");
    assert!(r.html.contains("<p>Plain \u{E000}0\u{E001} text</p>"), "{}", r.html);
}

/// Found by fuzzing (`markdown` target, out of memory): `&#xE000;0&#xE001;` is decoded by the
/// Markdown parser into a placeholder look-alike; it neither picks up a shortcode's output nor,
/// repeated at every level of nested blocks, multiplies the page.
#[test]
fn character_references_cannot_forge_placeholders() {
    let r = render_md("x &#xE000;0&#xE001; {{ hi() }} <span title=\"&#57344;0&#57345;\">t</span>", RawHtml::Sanitize);
    assert_eq!(r.html.matches("<b>hi</b>").count(), 1, "{}", r.html);
    assert!(r.html.contains("x \u{E000}0\u{E001} <b>hi</b>"), "{}", r.html);
    let lit = "&#xE000;0&#xE001; ";
    let src = format!("{}x\n{}", "{% box() %}\n".repeat(12), format!("{{% end %}}{}\n", lit.repeat(4)).repeat(12));
    let start = std::time::Instant::now();
    let r = render_md(&src, RawHtml::Sanitize);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert!(r.html.len() < 10_000, "{} bytes", r.html.len());
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
}

/// Found by fuzzing (`markdown` target, out of memory): `\u{E000}0\u{E001}` written by the author
/// inside nested block shortcodes was replaced by the block's own output at every level, so
/// 120 bytes of Markdown grew doubly exponentially.
#[test]
fn placeholder_lookalikes_in_nested_blocks_do_not_multiply() {
    let lit = "\u{E000}0\u{E001} ";
    let src = format!("{}{}\n{}", "{% box() %}\n".repeat(6), lit.repeat(3), "{% end %}\n".repeat(6));
    let r = render_md(&src, RawHtml::Sanitize);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.html.matches("\u{E000}0\u{E001}").count(), 3, "{}", r.html);
    assert_eq!(r.html.matches("<aside>").count(), 6);
}

/// Placeholders carry a digest of the page; heading ids must not, or they would change with
/// every edit of the page.
#[test]
fn heading_ids_with_shortcodes_are_stable() {
    let a = render_md("## Say {{ hi() }}\n\none", RawHtml::Sanitize);
    let b = render_md("## Say {{ hi() }}\n\ntwo", RawHtml::Sanitize);
    assert_eq!(a.headings[0].id, "say-0");
    assert_eq!(b.headings[0].id, "say-0");
    assert_eq!(a.headings[0].text, "Say hi");
}

/// A quiz fence spelled with a character reference still gets a tagged placeholder, so the
/// author's own placeholder look-alikes stay text.
#[test]
fn quiz_fence_written_with_a_character_reference() {
    let src = "\u{E000}1000000\u{E001} x\n\n```&#113;uiz\nquestion: Q?\nchoices:\n  - text: a\n    correct: true\n  - text: b\n```\n";
    let r = render_md(src, RawHtml::Sanitize);
    assert!(r.html.contains("\u{E000}1000000\u{E001} x"), "{}", r.html);
}

#[test]
fn long_pages_written_in_chunks_match_one_pass() {
    // Blocks the renderer passes through unchanged, enough of them for several chunks, with
    // text that does or does not end a line where a chunk may end.
    let unit = "para *em* `c`\n\n- a\n- b\n\n> q\n> > deeper\n\n```\ncode\n```\n\n1. one\n\n   two\n\n***\n\ntail  \nbreak\n\n";
    let src = unit.repeat(600);
    let mut expected = String::new();
    pulldown_cmark::html::push_html(&mut expected, Parser::new_ext(&src, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES));
    assert_eq!(render_md(&src, RawHtml::Sanitize).html, expected);
}

#[test]
fn many_identical_headings_get_successive_ids() {
    let r = render_md(&"## Q\n\n## Q 1\n\n".repeat(3), RawHtml::Sanitize);
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["q", "q-1", "q-2", "q-1-1", "q-3", "q-1-2"]);
}
