//! `serve` rebuilds: an edit to a lesson's text re-renders only that lesson (in every locale
//! showing it) and its module's print page; anything else asks for a full build.

mod common;
use common::Site;
use donorbook::build::{BuildOptions, Session};

const LESSON: &str = "content/modules/alpha/02-second.md";

fn start(site: &Site) -> Session {
    let opts = BuildOptions { root: site.root().to_path_buf(), write: true, ..BuildOptions::default() };
    let (session, report) = Session::start(&opts);
    assert!(report.ok(), "{:?}", report.diagnostics);
    session.expect("a successful build keeps its session")
}

fn lesson_with(body: &str) -> String {
    format!("---\ntitle: Second lesson\nsummary: Comes first because of its weight.\nweight: 10\n---\n{body}\n")
}

#[test]
fn a_text_edit_rerenders_only_that_lesson_everywhere_it_shows() {
    let site = Site::fixture("basic");
    let mut session = start(&site);
    let untouched = std::fs::metadata(site.root().join("public/en/modules/alpha/first/index.html")).unwrap().modified().unwrap();
    site.write(LESSON, lesson_with("## Second heading\n\nA brand new sentence.[^a]\n\n[^a]: The note."));
    let report = session.update(&[site.root().join(LESSON)]).expect("a text edit is incremental");
    assert!(report.ok(), "{:?}", report.diagnostics);
    // en, fr and ar show the English lesson; plus the print page of the module in each.
    assert_eq!(report.files_written, 6);
    for locale in ["en", "fr", "ar"] {
        assert!(site.out(&format!("{locale}/modules/alpha/second/index.html")).contains("A brand new sentence."));
        assert!(site.out(&format!("{locale}/modules/alpha/print/index.html")).contains("A brand new sentence."));
    }
    let after = std::fs::metadata(site.root().join("public/en/modules/alpha/first/index.html")).unwrap().modified().unwrap();
    assert_eq!(untouched, after, "other lessons are not rewritten");
}

#[test]
fn errors_in_an_edit_keep_the_previous_page() {
    let site = Site::fixture("basic");
    let mut session = start(&site);
    site.write(LESSON, lesson_with("## Second heading\n\n[broken](nowhere.md)"));
    let report = session.update(&[site.root().join(LESSON)]).expect("still incremental");
    assert!(!report.ok());
    assert!(report.diagnostics.iter().any(|d| d.message.contains("no such page") && d.line == 8));
    assert!(site.out("en/modules/alpha/second/index.html").contains("Text with a footnote."));
    // Removing a heading another page links to is caught too.
    site.write(LESSON, lesson_with("No headings any more."));
    let report = session.update(&[site.root().join(LESSON)]).unwrap();
    assert!(report.ok(), "nothing links to #second-heading: {:?}", report.diagnostics);
    site.write("content/modules/beta/01-gamma.md", "---\ntitle: Gamma lesson\nsummary: Headings in several scripts.\n---\n## Цусны донор\n\nBack to [the first lesson](../alpha/01-first.md#intro-heading).\n\n## 献血者\n\n## Цусны донор\n");
    site.write(
        "content/modules/alpha/01-first.md",
        "---\ntitle: First lesson\nsummary: Comes second because of its weight.\nweight: 20\nduration: 10\n---\nNo intro heading now. [second](02-second.md)\n",
    );
    let report = session.update(&[site.root().join("content/modules/alpha/01-first.md")]).unwrap();
    assert!(report.diagnostics.iter().any(|d| d.is_error() && d.message.contains("#intro-heading")), "{:?} {}", report.diagnostics, report.files_written);
}

#[test]
fn front_matter_templates_and_new_files_need_a_full_build() {
    let site = Site::fixture("basic");
    let mut session = start(&site);
    site.write(LESSON, "---\ntitle: Renamed lesson\nweight: 10\n---\nText\n");
    assert!(session.update(&[site.root().join(LESSON)]).is_none());
    let mut session = start(&site);
    site.write("templates/page.html", "x");
    assert!(session.update(&[site.root().join("templates/page.html")]).is_none());
    site.write("content/modules/alpha/09-new.md", "---\ntitle: New\n---\n");
    assert!(session.update(&[site.root().join("content/modules/alpha/09-new.md")]).is_none());
    assert!(session.update(&[site.root().join("locales/fr/site.ftl")]).is_none());
}
