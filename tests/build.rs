//! Builds fixture sites and checks the output: order, drafts, links, assets, locales, safety.

mod common;
use common::{Site, snapshot, stderr};

fn built() -> Site {
    let s = Site::fixture("basic");
    let o = s.build();
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    s
}

#[test]
fn lessons_ordered_by_weight_then_prefix_and_drafts_left_out() {
    let s = built();
    let module = s.out("en/modules/alpha/index.html");
    let second = module.find("Second lesson").unwrap();
    let first = module.find("First lesson").unwrap();
    assert!(second < first, "weight 10 must come before weight 20");
    assert!(!module.contains("Draft lesson"));
    assert!(!s.exists("en/modules/alpha/draft/index.html"));
    // The NN- prefix is stripped from URLs.
    assert!(s.exists("en/modules/alpha/first/index.html"));
    assert!(s.out("en/modules/alpha/second/index.html").contains("Lesson 1 of 2"));

    let o = s.run(&["build", "--drafts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.exists("en/modules/alpha/draft/index.html"));
}

#[test]
fn links_resolve_across_modules_with_relative_urls() {
    let s = built();
    let first = s.out("en/modules/alpha/first/index.html");
    // pulldown-cmark percent-encodes the Cyrillic fragment; browsers decode it to the heading id.
    assert!(first.contains("href=\"../../beta/gamma/index.html#%D1%86%D1%83%D1%81%D0%BD%D1%8B-%D0%B4%D0%BE%D0%BD%D0%BE%D1%80\""), "{first}");
    assert!(first.contains("href=\"../second/index.html\""));
    // Relative URLs at several depths, never root-relative.
    assert!(s.out("en/index.html").contains("href=\"modules/alpha/index.html\""));
    assert!(s.out("en/about/index.html").contains("href=\"../index.html\""));
    assert!(s.out("index.html").contains("href=\"en/index.html\""));
    for page in ["en/index.html", "en/modules/alpha/first/index.html", "fr/modules/alpha/index.html"] {
        let html = s.out(page);
        assert!(!html.contains("href=\"/"), "{page} has a root-relative link");
        assert!(!html.contains("src=\"/"), "{page} has a root-relative source");
    }
    // Cross-module previous/next: the last alpha lesson leads to the first beta lesson.
    assert!(first.contains("rel=\"next\" href=\"../../beta/gamma/index.html\""), "{first}");
}

#[test]
fn heading_ids_work_in_any_script_and_are_unique() {
    let s = built();
    let gamma = s.out("en/modules/beta/gamma/index.html");
    assert!(gamma.contains("id=\"цусны-донор\""));
    assert!(gamma.contains("id=\"献血者\""));
    assert!(gamma.contains("id=\"цусны-донор-1\""), "duplicate headings get a suffix");
}

#[test]
fn colocated_images_are_copied_and_linked_relatively() {
    let s = built();
    assert!(s.exists("en/modules/alpha/images/drop.svg"));
    assert!(s.exists("fr/modules/alpha/images/drop.svg"));
    assert!(s.out("en/modules/alpha/first/index.html").contains("src=\"../images/drop.svg\""));
    assert!(s.out("en/modules/alpha/index.html").contains("src=\"images/drop.svg\""));
}

#[test]
fn raw_html_is_sanitized_by_default() {
    let s = built();
    let about = s.out("en/about/index.html");
    assert!(about.contains("<strong>bold</strong>"));
    assert!(!about.contains("<script>alert"), "{about}");
    assert!(!about.contains("javascript:"));
    assert!(!about.contains("onclick"));
}

#[test]
fn raw_html_escape_and_allow_modes() {
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}markdown:\n  raw_html: escape\n"));
    assert!(s.build().status.success());
    assert!(s.out("en/about/index.html").contains("&lt;script&gt;"));
    s.write("site.yaml", format!("{yaml}markdown:\n  raw_html: allow\n"));
    assert!(s.build().status.success());
    assert!(s.out("en/about/index.html").contains("<script>alert(\"x\")</script>"));
}

#[test]
fn untranslated_pages_fall_back_with_notice_lang_and_dir() {
    let s = built();
    // fr has the module page translated, not the lessons.
    let fr_module = s.out("fr/modules/alpha/index.html");
    assert!(fr_module.contains("Module alpha"));
    assert!(!fr_module.contains("class=\"notice untranslated\""));
    let fr_lesson = s.out("fr/modules/alpha/first/index.html");
    assert!(fr_lesson.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(fr_lesson.contains("class=\"notice untranslated\""));
    assert!(fr_lesson.contains("<div class=\"content\" lang=\"en\" dir=\"ltr\">"));
    let ar_lesson = s.out("ar/modules/alpha/first/index.html");
    assert!(ar_lesson.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar_lesson.contains("<div class=\"content\" lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn skip_mode_leaves_untranslated_pages_out() {
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}untranslated: skip\n"));
    let o = s.run(&["build", "--base-url", "https://learn.example.org/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.exists("fr/modules/alpha/index.html"));
    assert!(!s.exists("fr/modules/alpha/first/index.html"));
    assert!(!s.exists("fr/about/index.html"));
    assert!(!s.out("fr/modules/alpha/index.html").contains("first/index.html"));
    assert!(!s.out("sitemap.xml").contains("fr/modules/alpha/first/"));
}

#[test]
fn hreflang_alternates_are_reciprocal() {
    let s = built();
    let en = s.out("en/modules/alpha/index.html");
    assert!(en.contains("hreflang=\"fr\" href=\"../../../fr/modules/alpha/index.html\""));
    assert!(en.contains("hreflang=\"x-default\" href=\"index.html\""));
    let fr = s.out("fr/modules/alpha/index.html");
    assert!(fr.contains("hreflang=\"en\" href=\"../../../en/modules/alpha/index.html\""));
    // ar shows the English text: no translation to announce.
    assert!(!en.contains("<link rel=\"alternate\" hreflang=\"ar\""), "{en}");
    assert!(alternates(&s.out("ar/modules/alpha/index.html")).is_empty(), "a fallback page has no alternates");
}

#[test]
fn output_is_byte_identical_across_builds() {
    let s = built();
    let first = snapshot(&s.root().join("public"));
    assert!(s.build().status.success());
    let second = snapshot(&s.root().join("public"));
    assert_eq!(first.len(), second.len());
    for (a, b) in first.iter().zip(second.iter()) {
        assert_eq!(a.0, b.0);
        assert!(a.1 == b.1, "{} differs between builds", a.0.display());
    }
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let s = built();
    let before = snapshot(&s.root().join("public"));
    s.write("content/modules/alpha/02-second.md", "---\ntitle: [broken\n---\n");
    let o = s.build();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(before, snapshot(&s.root().join("public")));
    // No staging folder is left behind.
    let leftovers: Vec<_> =
        std::fs::read_dir(s.root()).unwrap().filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().contains("staging")).collect();
    assert!(leftovers.is_empty());
}

#[test]
fn dangerous_output_folders_are_refused() {
    let s = Site::fixture("basic");
    for out in [".", "content", "..", "locales/fr"] {
        let o = s.run(&["build", "--out", out]);
        assert_eq!(o.status.code(), Some(2), "--out {out} must be refused (a wrong command line)");
        assert!(stderr(&o).contains("refusing"), "{}", stderr(&o));
    }
    assert!(s.root().join("content/_index.md").exists());
    let o = s.run(&["build", "--out", "elsewhere/site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.root().join("elsewhere/site/en/index.html").exists());
}

#[test]
fn theme_templates_can_be_overridden_by_the_site() {
    let s = Site::fixture("basic");
    s.write("templates/page.html", "<!DOCTYPE html><html lang=\"{{ lang }}\"><title>x</title><p class=\"custom\">{{ page.title }}</p></html>");
    assert!(s.build().status.success());
    assert!(s.out("en/about/index.html").contains("<p class=\"custom\">About</p>"));
}

#[test]
fn theme_assets_and_search_indexes_are_written() {
    let s = built();
    for f in ["assets/style.css", "assets/donorbook.js", "assets/search.js", "assets/search/en.js", "assets/search/ar.js", "404.html"] {
        assert!(s.exists(f), "{f} missing");
    }
}

#[test]
fn print_page_holds_the_module_in_order_with_unique_ids_and_an_answer_key() {
    let s = built();
    let print = s.out("en/modules/alpha/print/index.html");
    let second = print.find("id=\"lesson-second\"").expect("second lesson section");
    let first = print.find("id=\"lesson-first\"").expect("first lesson section");
    assert!(second < first, "lessons keep the module order");
    assert!(print.contains("id=\"first--intro-heading\""), "heading ids are prefixed per lesson");
    assert!(print.contains("id=\"second--second-heading\""));
    let key = &print[print.find("class=\"answer-key\"").expect("answer key")..];
    assert!(key.contains("Which lesson comes first?") && key.contains("The second lesson"));
    assert!(!print.contains("class=\"prev-next\""), "no lesson navigation on the print page");
}

#[test]
fn quizzes_render_as_accessible_forms() {
    let s = built();
    let html = s.out("en/modules/alpha/first/index.html");
    assert!(html.contains("<fieldset>\n<legend>Which lesson comes first?</legend>"), "{html}");
    assert!(html.contains("type=\"radio\" name=\"quiz-1\" id=\"quiz-1-1\" value=\"1\" data-correct"));
    assert!(html.contains("<label for=\"quiz-1-0\">The first lesson</label>"));
    assert!(html.contains("role=\"status\" aria-live=\"polite\""));
    assert!(html.contains("<details class=\"quiz-answer\">"));
}

#[test]
fn glossary_pages_are_sorted_per_language_with_letters() {
    let s = Site::fixture("basic");
    s.write("content/glossary.yaml", "- id: plasma\n  term: plasma\n  definition: The liquid part of blood.\n- id: apheresis\n  term: apheresis\n  definition: Collecting one component.\n  see_also: [plasma]\n");
    s.write("locales/ar/glossary.yaml", "- id: plasma\n  term: بلازما\n  definition: الجزء السائل من الدم.\n");
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    let en = s.out("en/glossary/index.html");
    assert!(en.find("id=\"term-apheresis\"").unwrap() < en.find("id=\"term-plasma\"").unwrap());
    assert!(en.contains(">A</a>") && en.contains(">P</a>"));
    let ar = s.out("ar/glossary/index.html");
    assert!(ar.contains("بلازما"));
    assert!(ar.contains("<div class=\"entry\" id=\"term-apheresis\" lang=\"en\" dir=\"ltr\">"), "untranslated entries carry their language and direction");
}

#[test]
fn stale_translations_tell_the_reader() {
    let s = Site::fixture("basic");
    s.write("locales/fr/content/about.md", "---\ntitle: À propos\nsource_hash: 0000000000000000\n---\nTexte.\n");
    assert!(s.build().status.success());
    assert!(s.out("fr/about/index.html").contains("class=\"notice outdated\""));
    let o = s.run(&["l10n", "stamp", "fr", "locales/fr/content/about.md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.build().status.success());
    assert!(!s.out("fr/about/index.html").contains("class=\"notice outdated\""));
    assert!(!s.out("en/about/index.html").contains("class=\"notice outdated\""));
}

/// `(hreflang, href)` pairs of the `<link rel="alternate">` elements of a page.
fn alternates(html: &str) -> Vec<(String, String)> {
    html.match_indices("<link rel=\"alternate\" hreflang=\"")
        .map(|(i, _)| {
            let rest = &html[i + 32..];
            let lang = &rest[..rest.find('"').unwrap()];
            let h = rest.find("href=\"").unwrap() + 6;
            let href = &rest[h..h + rest[h..].find('"').unwrap()];
            (lang.to_string(), href.to_string())
        })
        .collect()
}

/// Every hreflang annotation of every page under `public` (the root chooser included, the 404
/// page excepted) leads to a page that annotates it back. Returns how many were checked.
fn assert_hreflang_reciprocal(public: &std::path::Path) -> usize {
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(public).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") || path == public.join("404.html") {
            continue;
        }
        let html = std::fs::read_to_string(path).unwrap();
        for (lang, href) in alternates(&html) {
            let target = path.parent().unwrap().join(&href);
            let target_html = std::fs::read_to_string(&target).unwrap_or_else(|_| panic!("{} → {href} is missing", path.display()));
            let back: Vec<std::path::PathBuf> =
                alternates(&target_html).into_iter().map(|(_, h)| target.parent().unwrap().join(h).canonicalize().unwrap()).collect();
            assert!(back.contains(&path.canonicalize().unwrap()), "{} ({lang}) does not link back to {}", target.display(), path.display());
            checked += 1;
        }
    }
    checked
}

#[test]
fn hreflang_is_reciprocal_on_the_imported_site_root_included() {
    let s = Site::fixture("imported");
    let o = s.build();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let checked = assert_hreflang_reciprocal(&s.root().join("public"));
    assert!(checked > 30, "{checked}");
    for code in ["en", "ja", "ru"] {
        assert!(alternates(&s.out(&format!("{code}/index.html"))).contains(&("x-default".into(), "../index.html".into())), "{code}");
    }
}

#[test]
fn hreflang_is_reciprocal_across_the_whole_site() {
    let s = Site::fixture("basic");
    s.write("locales/fr/content/_index.md", "---\ntitle: Bienvenue\nsummary: L'accueil.\n---\nBonjour.\n");
    assert!(s.build().status.success());
    let checked = assert_hreflang_reciprocal(&s.root().join("public"));
    assert!(checked > 50, "{checked}");
    // The chooser is every locale home's x-default, and names itself as such.
    for code in ["en", "fr"] {
        assert!(alternates(&s.out(&format!("{code}/index.html"))).contains(&("x-default".into(), "../index.html".into())), "{code}");
    }
    let root = alternates(&s.out("index.html"));
    assert!(root.contains(&("x-default".into(), "index.html".into())) && root.contains(&("fr".into(), "fr/index.html".into())), "{root:?}");
    // The Arabic home shows English text: it announces nothing, and nothing announces it.
    assert!(alternates(&s.out("ar/index.html")).is_empty() && !root.iter().any(|(l, _)| l == "ar"), "{root:?}");
}

#[test]
fn skip_mode_leaves_pages_out_of_the_search_index_too() {
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}untranslated: skip\n"));
    assert!(s.build().status.success());
    assert!(s.out("assets/search/en.js").contains("modules/alpha/first/index.html"));
    assert!(!s.out("assets/search/fr.js").contains("modules/alpha/first/index.html"));
    assert!(s.out("assets/search/fr.js").contains("modules/alpha/index.html"));
}
