//! What readers of every locale see (issue 13): fallback text marked with its own language and
//! direction, notices that name the language, lists and plurals in the reader's language.

mod common;
use common::{Site, stderr};

fn built() -> Site {
    let s = Site::fixture("basic");
    let o = s.build();
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    s
}

/// The text of the first element with `class="<class>"` (up to its closing `</p>`).
fn notice(html: &str, class: &str) -> String {
    let start = html.find(&format!("class=\"{class}\"")).unwrap_or_else(|| panic!("no {class} in:\n{html}"));
    let end = start + html[start..].find("</p>").unwrap();
    html[start..end].to_string()
}

#[test]
fn print_pages_name_the_language_in_the_fallback_notice() {
    let s = built();
    for page in ["ar/modules/alpha/print/index.html", "ar/modules/beta/print/index.html"] {
        let n = notice(&s.out(page), "notice untranslated");
        assert!(n.contains("English"), "{page}: {n}");
    }
}

/// The basic fixture with one Arabic lesson (in an English module) that uses an English-only
/// glossary term.
fn arabic_site() -> Site {
    let s = Site::fixture("basic");
    s.write(
        "content/glossary.yaml",
        "- id: plasma\n  term: plasma\n  definition: The liquid part of blood.\n- id: cells\n  term: cells\n  definition: Red cells.\n",
    );
    s.write("locales/ar/glossary.yaml", "- id: cells\n  term: خلايا\n  definition: الجزء السائل من الدم.\n");
    let first = std::fs::read_to_string(s.root().join("content/modules/alpha/01-first.md")).unwrap();
    s.write("content/modules/alpha/01-first.md", first.replace("## Intro heading\n", "## Intro heading\n\nThe {{ term(id=\"cells\") }}.\n"));
    s.write(
        "locales/ar/content/modules/alpha/02-second.md",
        "---\ntitle: الدرس الثاني\nsummary: يأتي أولاً.\nweight: 10\n---\n## عنوان\n\nالكلمة {{ term(id=\"plasma\") }} هنا.\n",
    );
    let o = s.build();
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    s
}

#[test]
fn fallback_text_outside_the_lesson_body_carries_its_language_and_direction() {
    let s = arabic_site();
    let en = "lang=\"en\" dir=\"ltr\"";
    // Module cards on the home and catalogue pages: title and summary.
    for page in ["ar/index.html", "ar/modules/index.html"] {
        let html = s.out(page);
        assert!(html.contains(&format!("{en}>Alpha module</a>")), "{page}:\n{html}");
        assert!(html.contains(&format!("<p {en}>The first module.</p>")), "{page}:\n{html}");
    }
    // The Arabic lesson: its English module in the eyebrow, the breadcrumb and the next card.
    let lesson = s.out("ar/modules/alpha/second/index.html");
    assert!(lesson.contains(&format!("{en}>Alpha module</a> · ")), "{lesson}");
    assert!(lesson.contains(&format!("<li><a href=\"../index.html\" {en}>Alpha module</a></li>")), "{lesson}");
    assert!(lesson.contains(&format!("<span class=\"title\" {en}>First lesson</span>")), "{lesson}");
    assert!(!lesson.contains("<h1 lang="), "the Arabic title is not marked as English");
    // The English glossary definition in the Arabic text: its tooltip and term.
    assert!(lesson.contains(&format!("role=\"tooltip\" id=\"term-1\" {en}>The liquid part of blood.</span>")), "{lesson}");
    // An Arabic glossary definition inside English fallback text is marked Arabic.
    let first_ar_term = s.out("ar/modules/alpha/first/index.html");
    assert!(first_ar_term.contains("lang=\"ar\" dir=\"rtl\">الجزء السائل من الدم.</span>"), "{first_ar_term}");
    // An English lesson page in Arabic: the current crumb and the previous card.
    let first = s.out("ar/modules/alpha/first/index.html");
    // (on a span: the list item keeps the page's direction, so its separator stays in place)
    assert!(first.contains(&format!("<li aria-current=\"page\"><span {en}>First lesson</span></li>")), "{first}");
    assert!(first.contains("<span class=\"title\">الدرس الثاني</span>"), "{first}");
    // The module page lists its lessons each in its own language.
    let module = s.out("ar/modules/alpha/index.html");
    assert!(module.contains(&format!("{en}>First lesson</a>")), "{module}");
    assert!(module.contains(">الدرس الثاني</a>"), "{module}");
    // Search rows: English text, or an Arabic lesson in an English module.
    let index = s.out("assets/search/ar.js");
    assert!(index.contains("\"The first module.\",[\"en\",\"ltr\"]]") || index.contains("[\"en\",\"ltr\"],[\"en\",\"ltr\"]]"), "{index}");
    assert!(index.contains(",null,[\"en\",\"ltr\"]]"), "the Arabic lesson's English section: {index}");
    assert!(!s.out("assets/search/en.js").contains("\"ltr\""), "English rows are unchanged");
}

#[test]
fn lists_use_the_language_pattern_and_plurals_agree() {
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}  - code: es\n    name: Español\n"));
    let module = std::fs::read_to_string(s.root().join("content/modules/alpha/_index.md")).unwrap();
    s.write("content/modules/alpha/_index.md", module.replace("audience: [donors]", "audience: [donors, students, staff]"));
    s.write(
        "content/glossary.yaml",
        "- id: plasma\n  term: plasma\n  definition: The liquid part of blood.\n  see_also: [cells, iron]\n- id: cells\n  term: cells\n  definition: Red cells.\n- id: iron\n  term: iron\n  definition: A metal.\n",
    );
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    let en = s.out("en/modules/alpha/index.html");
    assert!(en.contains("<dd>donors, students, and blood service staff</dd>"), "{en}");
    let es = s.out("es/modules/alpha/index.html");
    assert!(es.contains(" y "), "{es}");
    assert!(!es.contains("estudiantes, personal"), "no Latin comma before the last item: {es}");
    let ar = s.out("ar/modules/alpha/index.html");
    let dd = &ar[ar.find("<dt>").unwrap()..];
    assert!(dd.contains(" و"), "Arabic list pattern: {dd}");
    // See-also links joined the same way.
    let gloss = s.out("es/glossary/index.html");
    // Spanish writes "e", not "y", before an "i" sound (CLDR).
    assert!(gloss.contains("<a href=\"#term-cells\">cells</a> e <a href=\"#term-iron\">iron</a>"), "{gloss}");
    // One minute, one lesson: the singular, in every word of the phrase.
    let lesson = s.out("es/modules/beta/gamma/index.html");
    assert!(lesson.contains("1 minuto de lectura") && !lesson.contains("unos 1 "), "{lesson}");
    let beta = s.out("en/modules/beta/index.html");
    assert!(beta.contains("data-label=\"{done} of 1 lesson done\""), "{beta}");
    let alpha = s.out("en/modules/alpha/index.html");
    assert!(alpha.contains("data-label=\"{done} of 2 lessons done\""), "{alpha}");
}

#[test]
fn skip_keeps_a_finished_translation_and_never_an_empty_section() {
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}  - code: de\n    name: Deutsch\nuntranslated: skip\n"));
    // Arabic: a finished lesson in a module whose page is not translated.
    s.write("locales/ar/content/modules/beta/01-gamma.md", "---\ntitle: درس غاما\nsummary: عناوين.\n---\nنص الدرس.\n");
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.out("ar/modules/beta/gamma/index.html").contains("درس غاما"));
    let module = s.out("ar/modules/beta/index.html");
    assert!(module.contains("class=\"notice untranslated\""), "the module page falls back: {module}");
    assert!(module.contains("gamma/index.html"), "{module}");
    assert!(!s.exists("ar/modules/alpha/index.html"), "nothing of alpha is translated");
    assert!(s.out("ar/index.html").contains("beta/index.html"));
    // German: nothing translated, so no Modules heading with nothing under it.
    let home = s.out("de/index.html");
    assert!(!home.contains("id=\"home-modules\""), "{home}");
    assert!(!s.out("de/modules/index.html").contains("<ol class=\"cards\">"));
}

#[test]
fn a_sitemap_only_with_a_base_url_and_fallback_pages_point_at_their_source() {
    let s = Site::fixture("basic");
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!s.exists("sitemap.xml"), "relative <loc> entries are not valid sitemap URLs");
    assert!(stderr(&o).contains("no sitemap.xml: a sitemap needs absolute URLs (build with --base-url"), "{}", stderr(&o));
    // Without a base URL a fallback page still names the page it shows, relatively.
    assert!(s.out("ar/modules/alpha/index.html").contains("<link rel=\"canonical\" href=\"../../../en/modules/alpha/index.html\">"));

    let o = s.run(&["build", "--base-url", "https://learn.example.org/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("no sitemap.xml"), "{}", stderr(&o));
    let base = "https://learn.example.org/";
    let sitemap = s.out("sitemap.xml");
    assert!(sitemap.contains(&format!("<loc>{base}fr/modules/alpha/</loc>")), "{sitemap}");
    assert!(!sitemap.contains(&format!("<loc>{base}ar/modules/alpha/</loc>")), "a fallback page is not a page of its own: {sitemap}");
    assert!(!sitemap.contains(&format!("hreflang=\"ar\" href=\"{base}ar/modules/alpha/\"")), "{sitemap}");
    assert!(sitemap.contains(&format!("<loc>{base}</loc>")), "the chooser: {sitemap}");
    // In <head>: absolute alternates, the fallback's canonical at its English page.
    let en = s.out("en/modules/alpha/index.html");
    assert!(en.contains(&format!("<link rel=\"alternate\" hreflang=\"fr\" href=\"{base}fr/modules/alpha/\">")), "{en}");
    assert!(en.contains(&format!("<link rel=\"canonical\" href=\"{base}en/modules/alpha/\">")), "{en}");
    let ar = s.out("ar/modules/alpha/index.html");
    assert!(ar.contains(&format!("<link rel=\"canonical\" href=\"{base}en/modules/alpha/\">")), "{ar}");
    assert!(!ar.contains("<link rel=\"alternate\""), "{ar}");
    let home = s.out("en/index.html");
    assert!(home.contains(&format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{base}\">")), "{home}");
    // The 404 page: absolute links, no script needed.
    let nf = s.out("404.html");
    assert!(nf.contains(&format!("href=\"{base}en/index.html\"")) && !nf.contains("<script>"), "{nf}");
}

/// The `data-progress-key` of a page.
fn progress_key(html: &str) -> String {
    let at = html.find("data-progress-key=\"").expect("pages carry their progress key") + 19;
    html[at..at + html[at..].find('"').unwrap()].to_string()
}

#[test]
fn lesson_progress_is_kept_per_site_and_locale() {
    let s = built();
    let en = progress_key(&s.out("en/modules/alpha/first/index.html"));
    assert_eq!(en, progress_key(&s.out("en/modules/index.html")), "one key for the whole locale");
    assert!(en.starts_with("donorbook:") && en.ends_with(":en:done:"), "{en}");
    assert_ne!(en, progress_key(&s.out("fr/modules/alpha/first/index.html")), "two locales of one site");
    // Another site (another title) opened from the same disk gets other keys; a rebuild the same.
    let other = Site::fixture("basic");
    let yaml = std::fs::read_to_string(other.root().join("site.yaml")).unwrap();
    other.write("site.yaml", yaml.replace("title: Fixture Centre", "title: Another Centre"));
    assert!(other.build().status.success());
    assert_ne!(en, progress_key(&other.out("en/modules/alpha/first/index.html")));
    assert!(s.build().status.success());
    assert_eq!(en, progress_key(&s.out("en/modules/alpha/first/index.html")));
    assert!(s.out("assets/donorbook.js").contains("data-progress-key"), "the script reads it");
}

#[test]
fn without_scripts_the_search_page_says_what_to_do_and_script_controls_stay_hidden() {
    let s = built();
    let search = s.out("fr/search/index.html");
    let ns = &search[search.find("<noscript>").expect("a message without scripts")..search.find("</noscript>").unwrap()];
    assert!(ns.contains("JavaScript") && ns.contains("href=\"../modules/index.html\""), "{ns}");
    assert!(search.contains("id=\"search-form\" action=\"index.html\" method=\"get\" hidden>"), "{search}");
    // Controls that need scripts are `hidden`, and no style shows them anyway.
    let lesson = s.out("en/modules/alpha/first/index.html");
    assert!(lesson.contains("class=\"button quiz-check\" hidden>") && lesson.contains("class=\"progress-box\""), "{lesson}");
    assert!(s.out("assets/style.css").contains("[hidden] { display: none !important; }"));
}
