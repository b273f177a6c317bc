//! `sitemap.xml`, with `xhtml:link` alternates for every language version of a page.
//!
//! Sitemap URLs must be absolute, so there is a sitemap only with a `base_url` (the build
//! summary says so otherwise). Only pages published in their own language are listed; a
//! fallback page points its canonical link at the page whose text it shows instead. The root
//! language chooser is listed too, as the `x-default` of every locale's home.

use crate::render::{PageKey, SiteView};
use crate::urls;

/// The sitemap, or `None` without a base URL.
pub fn sitemap(view: &SiteView<'_>) -> Option<String> {
    let base = view.config.base_url.as_deref()?;
    let loc = |dir: &str| xml_escape(&format!("{}/{}", base.trim_end_matches('/'), urls::encode_path(dir)));
    let link = |lang: &str, dir: &str| format!("    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n", xml_escape(lang), loc(dir));
    let visible = || view.locales.all.iter().enumerate().filter(|(i, _)| view.visible[*i]);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let homes: Vec<(usize, String)> = visible().filter_map(|(i, _)| home_dir(view, i).map(|d| (i, d))).collect();
    out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", loc("")));
    for (i, d) in &homes {
        out.push_str(&link(&view.locales.all[*i].code, d));
    }
    out.push_str(&link("x-default", ""));
    out.push_str("  </url>\n");
    for lp in view.plan.locales.iter().filter(|lp| view.visible[lp.locale]) {
        for page in lp.pages.iter().filter(|p| !p.fallback) {
            let key = PageKey::Source(page.rel.clone());
            out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", loc(&page.dir)));
            for (i, l) in visible().filter(|(i, _)| view.published(*i, &key)) {
                if let Some(d) = view.plan.locales[i].page_dir(&page.rel) {
                    out.push_str(&link(&l.code, d));
                }
            }
            if lp.home.is_some_and(|h| lp.pages[h].rel == page.rel) {
                out.push_str(&link("x-default", ""));
            } else if let Some(d) = view.plan.locales[view.locales.default].page_dir(&page.rel) {
                out.push_str(&link("x-default", d));
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    Some(out)
}

/// The folder of a locale's home when it is published in that locale's own language.
fn home_dir(view: &SiteView<'_>, locale: usize) -> Option<String> {
    let lp = &view.plan.locales[locale];
    lp.home.map(|h| &lp.pages[h]).filter(|p| !p.fallback).map(|p| p.dir.clone())
}

pub fn robots(view: &SiteView<'_>) -> Option<String> {
    let base = view.config.base_url.as_deref()?;
    Some(format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"))
}

fn xml_escape(s: &str) -> String {
    urls::escape_attr(s)
}
