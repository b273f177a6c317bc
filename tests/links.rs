//! Every internal link of every written page points at a written file, the theme's included.

mod common;
use common::{Site, stderr};

#[test]
fn a_site_without_a_catalogue_source_still_gets_a_localized_catalogue() {
    let site = Site::fixture("basic");
    site.remove("content/modules/_index.md");
    let o = site.build();
    assert!(o.status.success(), "{}", stderr(&o));
    for (locale, title) in [("en", "<h1>Modules</h1>"), ("fr", "<h1>Modules</h1>"), ("ar", "<h1>الوحدات</h1>")] {
        let html = site.out(&format!("{locale}/modules/index.html"));
        assert!(html.contains(title), "{locale}: {html}");
        assert!(html.contains("href=\"alpha/index.html\"") && html.contains("href=\"beta/index.html\""), "{html}");
    }
}

#[test]
fn a_template_link_to_a_page_that_was_not_generated_fails_the_build() {
    let site = Site::fixture("basic");
    site.write("templates/page.html", "{% extends \"base.html\" %}{% block main %}<p><a href=\"../nowhere/index.html\">x</a></p>{% endblock main %}");
    let o = site.build();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("templates/page.html: error: `en/about/index.html` links to `../nowhere/index.html`, but the build wrote no `en/nowhere/index.html`"),
        "{e}"
    );
    assert!(e.contains("`fr/about/index.html` links to"), "every locale's page is named: {e}");
    assert!(!site.root().join("public").exists(), "nothing written");
}

#[test]
fn sanitized_raw_html_urls_are_valid() {
    let site = Site::fixture("basic");
    site.write("content/about.md", "---\ntitle: About\n---\n<a href=\"https://example.org/100%sure file.pdf\">100% sure</a>\n");
    let o = site.build();
    assert!(o.status.success(), "{}", stderr(&o));
    let html = site.out("en/about/index.html");
    assert!(html.contains("href=\"https://example.org/100%25sure%20file.pdf\""), "{html}");
}
