//! What authors are told (issue 13): valid YAML that means something else, and one broken file
//! reported once, without misleading errors about the files around it.

mod common;
use common::{Site, stderr};

#[test]
fn check_warns_about_an_objective_folded_into_the_one_above() {
    let s = Site::fixture("basic");
    s.write(
        "content/modules/alpha/_index.md",
        "---\ntitle: Alpha module\nsummary: The first module.\nweight: 1\nobjectives:\n  - Learn alpha things\n    - Learn beta things\n---\nThe alpha module.\n",
    );
    let o = s.run(&["check"]);
    let e = stderr(&o);
    assert!(o.status.success(), "a warning, not an error:\n{e}");
    assert!(e.contains("content/modules/alpha/_index.md:7:5: warning: this `- ` is part of the `objectives` item above it"), "{e}");
    assert!(e.contains("Learn alpha things - Learn beta things"), "{e}");
}

/// Runs `check` and returns stderr; it must fail with exit status 1 and no panic.
fn check_fails(s: &Site) -> String {
    let o = s.run(&["check"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    e
}

#[test]
fn bad_yaml_in_a_module_index_is_one_error_not_one_per_lesson_and_link() {
    let s = Site::fixture("basic");
    s.write("content/modules/alpha/_index.md", "---\ntitle: Alpha module\nweight: [1\n---\nThe alpha module.\n");
    let e = check_fails(&s);
    assert!(e.contains("content/modules/alpha/_index.md:3:"), "{e}");
    assert!(!e.contains("is not a module"), "{e}");
    assert!(!e.contains("no such page"), "links into the module (home, beta lesson) say nothing more: {e}");
    assert!(e.contains("1 error"), "{e}");
}

#[test]
fn links_to_a_lesson_with_bad_front_matter_report_nothing_extra() {
    let s = Site::fixture("basic");
    s.write("content/modules/alpha/02-second.md", "---\ntitle: Second lesson\nweight: ten\n---\nText.\n");
    let e = check_fails(&s);
    assert!(e.contains("content/modules/alpha/02-second.md:3:"), "{e}");
    assert!(!e.contains("no such page"), "{e}");
    assert!(e.contains("1 error"), "{e}");
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft_and_mentions_drafts() {
    let s = Site::fixture("basic");
    let first = std::fs::read_to_string(s.root().join("content/modules/alpha/01-first.md")).unwrap();
    s.write("content/modules/alpha/01-first.md", first.replace("and [second](02-second.md).", "and [second](02-second.md), [the draft](03-draft.md)."));
    let e = check_fails(&s);
    assert!(e.contains("content/modules/alpha/01-first.md:9:"), "{e}");
    assert!(e.contains("`03-draft.md`: that page is a draft"), "{e}");
    assert!(e.contains("--drafts"), "{e}");
    assert!(!e.contains("no such page"), "{e}");
    assert!(s.run(&["check", "--drafts"]).status.success(), "with --drafts the link works");
}

#[test]
fn a_draft_module_leaves_its_lessons_out_without_errors() {
    let s = Site::fixture("basic");
    s.write("content/modules/beta/_index.md", "---\ntitle: Beta module\nsummary: The second module.\ndraft: true\n---\nThe beta module.\n");
    let first = std::fs::read_to_string(s.root().join("content/modules/alpha/01-first.md")).unwrap();
    s.write("content/modules/alpha/01-first.md", first.replace("[the other module's lesson](../beta/01-gamma.md#цусны-донор)", "the other module"));
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("is not a module"), "{}", stderr(&o));
    assert!(!s.exists("en/modules/beta/gamma/index.html"));
}
