//! Snapshot tests of what authors see: each kind of error with its file, line, column, the
//! source line with a caret, and a hint. Update with `INSTA_UPDATE=always cargo test`.

mod common;
use common::{Site, stderr};

const LESSON: &str = "content/modules/alpha/02-second.md";

fn report(rel: &str, text: &str) -> String {
    let s = Site::fixture("basic");
    s.write(rel, text);
    let o = s.build();
    assert_eq!(o.status.code(), Some(1));
    stderr(&o)
}

fn lesson(body: &str) -> String {
    report(LESSON, &format!("---\ntitle: Second lesson\nsummary: A lesson.\n---\n{body}"))
}

#[test]
fn unknown_front_matter_key() {
    insta::assert_snapshot!(report(LESSON, "---\ntitle: A\nobjectivs:\n  - x\n---\n"));
}

#[test]
fn malformed_yaml() {
    insta::assert_snapshot!(report(LESSON, "---\ntitle: A\nweight: [1, 2\n---\n"));
}

#[test]
fn wrong_type() {
    insta::assert_snapshot!(report(LESSON, "---\ntitle: A\nduration: twenty\n---\n"));
}

#[test]
fn missing_title() {
    insta::assert_snapshot!(report(LESSON, "---\nsummary: No title here.\n---\n"));
}

#[test]
fn no_front_matter() {
    insta::assert_snapshot!(report(LESSON, "# Just a heading\n"));
}

#[test]
fn broken_link() {
    insta::assert_snapshot!(lesson("Go to [the next lesson](03-third.md).\n"));
}

#[test]
fn missing_anchor() {
    insta::assert_snapshot!(lesson("See [the intro](01-first.md#intro-headin).\n"));
}

#[test]
fn image_outside_root() {
    insta::assert_snapshot!(lesson("![secret](../../../../../etc/shadow)\n"));
}

#[test]
fn unknown_shortcode() {
    insta::assert_snapshot!(lesson("Call {{ callot(kind=\"fact\") }} now.\n"));
}

#[test]
fn unclosed_block_shortcode() {
    insta::assert_snapshot!(lesson("{% callout(kind=\"fact\") %}\nNever closed.\n"));
}

#[test]
fn shortcode_missing_argument() {
    insta::assert_snapshot!(lesson("{{ figure(src=\"../alpha/images/drop.svg\") }}\n"));
}

#[test]
fn quiz_without_correct_choice() {
    insta::assert_snapshot!(lesson("```quiz\nquestion: Who can give?\nchoices:\n  - text: Anyone\n  - text: Nobody\n```\n"));
}

#[test]
fn quiz_with_a_typo() {
    insta::assert_snapshot!(lesson("```quiz\nquestion: Who can give?\nchoices:\n  - text: Healthy adults\n    corect: true\n  - text: Nobody\n```\n"));
}

#[test]
fn site_yaml_unknown_key() {
    insta::assert_snapshot!(report("site.yaml", "title: X\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\nmarkdwn:\n  raw_html: allow\n"));
}

#[test]
fn unknown_default_locale() {
    insta::assert_snapshot!(report("site.yaml", "title: X\ndefault_locale: fr\nlocales:\n  - code: en\n    name: English\n"));
}

#[test]
fn fluent_syntax_error() {
    insta::assert_snapshot!(report("locales/fr/site.ftl", "site-title = Centre\nbad message without equals\n"));
}
