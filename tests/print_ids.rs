//! The printable module joins its lessons: ids stay unique and in-page links follow them.

mod common;
use common::{Site, stderr};

fn ids(html: &str) -> Vec<String> {
    html.split(" id=\"").skip(1).map(|s| s[..s.find('"').unwrap()].to_string()).collect()
}

#[test]
fn raw_html_ids_repeated_across_lessons_are_namespaced_and_links_follow() {
    let site = Site::fixture("basic");
    let aside = "<aside id=\"cbox1\" class=\"box\"><p>Iron matters.</p></aside>\n\nSee [the box](#cbox1).\n\n## Same heading\n";
    site.write("content/modules/alpha/01-first.md", format!("---\ntitle: First\nsummary: s\n---\n## Intro heading\n\n{aside}"));
    site.write(
        "content/modules/alpha/02-second.md",
        format!("---\ntitle: Second\nsummary: s\nweight: 10\n---\n{aside}\nAuthor text with a private-use mark: \u{E002}kept\u{E002}.\n"),
    );
    let o = site.build();
    assert!(o.status.success(), "{}", stderr(&o));
    let print = site.out("en/modules/alpha/print/index.html");
    let all = ids(&print);
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(all.len(), unique.len(), "duplicate ids on the print page: {all:?}");
    assert!(all.contains(&"first--cbox1".to_string()) && all.contains(&"second--cbox1".to_string()), "{all:?}");
    assert!(print.contains("href=\"#first--cbox1\"") && print.contains("href=\"#second--cbox1\""), "{print}");
    assert!(print.contains("\u{E002}kept\u{E002}"), "an author's own U+E002 survives on the print page");
    let lesson = site.out("en/modules/alpha/second/index.html");
    assert!(lesson.contains("id=\"cbox1\"") && lesson.contains("href=\"#cbox1\""), "{lesson}");
    assert!(lesson.contains("\u{E002}kept\u{E002}"), "and on the lesson page");
}
