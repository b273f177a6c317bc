//! `sitemap.xml`, with `xhtml:link` alternates for every language version of a page.
//!
//! Sitemaps want absolute URLs: with a `base_url` they are absolute, without one they are
//! relative to the sitemap (still useful to tools, and the site stays portable).

use crate::render::SiteView;
use crate::urls;

pub fn sitemap(view: &SiteView<'_>) -> String {
    let base = view.config.base_url.clone().unwrap_or_default();
    let loc = |dir: &str| xml_escape(&format!("{base}{}", urls::encode_path(dir)));
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for lp in view.plan.locales.iter().filter(|lp| view.visible[lp.locale]) {
        for page in &lp.pages {
            out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", loc(&page.dir)));
            for (i, l) in view.locales.all.iter().enumerate().filter(|(i, _)| view.visible[*i]) {
                if let Some(d) = view.plan.locales[i].page_dir(&page.rel) {
                    out.push_str(&format!("    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n", xml_escape(&l.code), loc(d)));
                }
            }
            if let Some(d) = view.plan.locales[view.locales.default].page_dir(&page.rel) {
                out.push_str(&format!("    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n", loc(d)));
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt` for a hosted site: everything may be crawled, and the sitemap is where
/// crawlers find every language version. Only with a `base_url`: the `Sitemap:` line must be
/// an absolute URL.
pub fn robots(view: &SiteView<'_>) -> Option<String> {
    let base = view.config.base_url.as_deref()?;
    Some(format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"))
}

fn xml_escape(s: &str) -> String {
    urls::escape_attr(s)
}
