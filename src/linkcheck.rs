//! Every internal link of every written page, the theme's own included, must point at a file the
//! build wrote. Markdown links are checked at their source; this stage catches what templates
//! write (navigation, switchers, breadcrumbs), so a theme cannot link to a page that was never
//! generated. It runs on every build, so it only looks for `href="` and `src="` and resolves
//! paths lexically, without parsing the pages.

use crate::urls;

/// The internal links of one written page.
pub struct PageLinks {
    /// The page's path in the output (`en/modules/index.html`).
    pub page: String,
    /// The template that rendered it.
    pub template: String,
    /// (URL as written, output path it points at).
    pub links: Vec<(String, String)>,
}

/// The internal `href`/`src` targets of a page at `page` (a path in the output).
pub fn internal_links(page: &str, html: &[u8]) -> Vec<(String, String)> {
    let dir = page.rfind('/').map_or("", |i| &page[..=i]);
    let mut out: Vec<(String, String)> = Vec::new();
    // One pass over the bytes: every `="` preceded by ` href` or ` src`.
    let mut from = 0;
    while let Some(i) = html[from..].iter().position(|&b| b == b'=') {
        let eq = from + i;
        from = eq + 1;
        if html.get(eq + 1) != Some(&b'"') || !(html[..eq].ends_with(b" href") || html[..eq].ends_with(b" src")) {
            continue;
        }
        let start = eq + 2;
        let Some(len) = html[start..].iter().position(|&b| b == b'"') else { break };
        from = start + len;
        let Ok(url) = std::str::from_utf8(&html[start..start + len]) else { continue };
        if let Some(target) = target_of(dir, url) {
            if !out.iter().any(|(u, _)| u == url) {
                out.push((url.to_string(), target));
            }
        }
    }
    out
}

/// The output path a URL written in a page of folder `dir` points at; `None` for URLs of
/// other hosts, in-page anchors, `data:`/`mailto:` and other schemes.
fn target_of(dir: &str, url: &str) -> Option<String> {
    let url = url.replace("&amp;", "&");
    if url.is_empty() || url.starts_with('#') || url.starts_with('?') || urls::is_external(&url) {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    if path.ends_with(".md") || path.chars().any(|c| c.is_whitespace() || matches!(c, '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')) {
        // A Markdown link left unresolved is reported (or deliberately not) at its source; text
        // with spaces or isolates is not a path (a message formatted into an attribute).
        return None;
    }
    let path = urls::percent_decode(path);
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(format!("../{path} (outside the output folder)"));
                }
            }
            s => parts.push(s),
        }
    }
    let mut target = parts.join("/");
    if path.ends_with('/') || path.is_empty() {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links_and_skips_the_rest() {
        let html = br##"<a href="../modules/index.html">m</a><img src="../../assets/icon.svg"><a href="#x">x</a>
            <a href="https://example.org/">e</a><a href="mailto:a@b">m</a><a href="print/?q=1#top">p</a><a href="caf%C3%A9/">c</a>"##;
        let got: Vec<String> = internal_links("en/about/index.html", html).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["en/modules/index.html", "assets/icon.svg", "en/about/print/index.html", "en/about/café/index.html"]);
    }
}
