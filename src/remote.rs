//! Assets from another host (site.yaml `offline.remote_assets`): refused, shown as links, or
//! fetched once into a cache the site commits a lock file for.
//!
//! The offline copy must never load anything from another host, so each image, audio, video,
//! iframe or embed that points elsewhere is either an error naming it (`error`), replaced by an
//! accessible link to the original with a note that it needs a connection (`link`), or
//! replaced by a local copy (`fetch`, see [`fetch`]).

pub mod fetch;

use crate::config::RemoteAssets;
use crate::diagnostics::Diagnostic;
use crate::htmltags::{self, Tag};
use crate::urls;
use std::ops::Range;

/// Elements whose remote URL can be linked to or fetched instead of loaded.
const MEDIA: &[&str] = &["img", "audio", "video", "iframe", "embed", "source", "track", "object", "picture"];

/// Media elements with content: linked as a whole, up to their end tag.
const CONTAINERS: &[&str] = &["audio", "video", "iframe", "object", "picture"];

/// Attributes that load a resource.
const LOADING_ATTRS: &[&str] = &["src", "srcset", "poster", "data"];

/// The end of every warning `link` gives, so the build can count them instead of listing them.
pub const LINKED: &str = "is shown as a link to the original (offline.remote_assets: link)";

/// True for a URL of another host: `http:`, `https:` or protocol-relative.
pub fn is_remote(url: &str) -> bool {
    let u = url.trim_start().as_bytes();
    let starts = |p: &str| u.len() >= p.len() && u[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    starts("http:") || starts("https:") || starts("//")
}

/// The error every refused remote asset gets, with the policies that would accept it.
pub fn refused(path: &std::path::Path, line: usize, col: usize, what: String) -> Diagnostic {
    Diagnostic::error(path, line, col, what).with_hint(
        "save the file beside the page and link it relatively, or set `offline: { remote_assets: link }` (a link to the original) \
         or `offline: { remote_assets: fetch }` (a local copy, downloaded once) in site.yaml",
    )
}

/// The warning `link` gives for each remote asset it replaced.
pub fn linked(path: &std::path::Path, line: usize, col: usize, url: &str) -> Diagnostic {
    Diagnostic::warning(path, line, col, format!("`{url}` {LINKED}"))
}

/// True for the warnings [`linked`] makes.
pub fn is_linked_warning(d: &Diagnostic) -> bool {
    !d.is_error() && d.message.ends_with(LINKED)
}

/// An accessible link to a remote asset: its description as the link text, then the note.
pub fn link_html(url: &str, label: &str, note: &str) -> String {
    let label = if label.trim().is_empty() { file_name(url) } else { label.to_string() };
    format!(
        "<a class=\"remote-asset\" href=\"{}\">{}</a> <span class=\"remote-note\">{}</span>",
        urls::escape_attr(url),
        urls::escape_attr(&label),
        urls::escape_attr(note)
    )
}

/// The last path segment of a URL (or its host), as a link text of last resort.
pub fn file_name(url: &str) -> String {
    let no_query = url.split(['?', '#']).next().unwrap_or(url);
    let name = no_query.trim_end_matches('/').rsplit('/').next().unwrap_or(no_query);
    let name = urls::percent_decode(name);
    if name.is_empty() { url.to_string() } else { name }
}

/// What processing a piece of raw HTML found, by byte offset in it.
pub enum Problem {
    /// A remote asset that is not allowed (or could not be fetched): the message.
    Refused(String),
    /// A remote asset replaced by a link.
    Linked(String),
    /// A remote asset that could not be fetched (or its cached copy is wrong): the message.
    Failed(String),
}

/// Raw HTML after the remote-asset policy: `html` is `None` when nothing changed.
#[derive(Default)]
pub struct RawOutcome {
    pub html: Option<String>,
    pub problems: Vec<(usize, Problem)>,
}

/// Applies `policy` to one piece of raw HTML. `note` is the localized "needs a connection"
/// text; `local` gives the page-relative URL of a fetched copy. `drop_close` carries, from one
/// piece to the next, the end tags of linked elements whose start tag was in an earlier piece.
pub fn raw_html(
    html: &str,
    policy: RemoteAssets,
    note: &str,
    local: &mut dyn FnMut(&str) -> Result<String, String>,
    drop_close: &mut Vec<String>,
) -> RawOutcome {
    let mut out = RawOutcome::default();
    if !html.contains('<') {
        return out;
    }
    let tags = htmltags::tags(html);
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut skip_until = 0;
    for (ti, tag) in tags.iter().enumerate() {
        if tag.span.start < skip_until {
            continue;
        }
        if tag.closing {
            if let Some(p) = drop_close.iter().rposition(|n| *n == tag.name) {
                drop_close.remove(p);
                edits.push((tag.span.clone(), String::new()));
            }
            continue;
        }
        for (at, url) in css_urls(tag) {
            out.problems.push((at, Problem::Refused(format!("raw HTML loads `{url}` from another host, which breaks the offline copy"))));
        }
        let found = remote_urls(tag);
        if !MEDIA.contains(&tag.name.as_str()) || policy == RemoteAssets::Error {
            for (range, url) in found {
                out.problems.push((range.start, Problem::Refused(format!("raw HTML loads `{url}` from another host, which breaks the offline copy"))));
            }
            continue;
        }
        if policy == RemoteAssets::Fetch {
            for (range, url) in found {
                match local(&url) {
                    Ok(rel) => edits.push((range, urls::escape_attr(&rel))),
                    Err(msg) => out.problems.push((range.start, Problem::Failed(msg))),
                }
            }
            continue;
        }
        // `link`: a container is replaced whole when it (or anything in it) is remote.
        let close = if CONTAINERS.contains(&tag.name.as_str()) { matching_close(&tags, ti) } else { None };
        let inner = close.map_or(&tags[ti..=ti], |c| &tags[ti..c]);
        let mut urls_inside = inner.iter().flat_map(|t| remote_urls(t).into_iter().map(move |(_, u)| (t, u)));
        let Some((_, url)) = urls_inside.next() else { continue };
        // The image inside (a picture's fallback) describes the asset best.
        let best = inner.iter().find(|t| t.name == "img" && t.attr("src").is_some_and(|a| is_remote(&htmltags::decode_attr(a.value))));
        let url = best.and_then(|t| t.attr("src")).map_or(url, |a| htmltags::decode_attr(a.value));
        let label = inner.iter().find_map(label_of).unwrap_or_default();
        let link = link_html(&url, &label, note);
        match close {
            Some(c) => {
                edits.push((tag.span.start..tags[c].span.end, link));
                skip_until = tags[c].span.end;
            }
            None => {
                if CONTAINERS.contains(&tag.name.as_str()) {
                    drop_close.push(tag.name.clone());
                }
                edits.push((tag.span.clone(), link));
            }
        }
        out.problems.push((tag.span.start, Problem::Linked(url)));
    }
    if !edits.is_empty() {
        out.html = Some(apply(html, edits));
    }
    out
}

/// The index of the end tag that closes the element started at `open`, if it is in `tags`.
fn matching_close(tags: &[Tag<'_>], open: usize) -> Option<usize> {
    let name = &tags[open].name;
    let mut depth = 0usize;
    for (i, t) in tags.iter().enumerate().skip(open + 1) {
        if t.name == *name {
            if t.closing {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            } else {
                depth += 1;
            }
        }
    }
    None
}

/// A text describing the asset: `alt`, `title` or `aria-label`.
fn label_of(t: &Tag<'_>) -> Option<String> {
    ["alt", "title", "aria-label"].iter().find_map(|n| t.attr(n).map(|a| htmltags::decode_attr(a.value)).filter(|v| !v.trim().is_empty()))
}

/// Every remote URL a tag loads, with the byte range of the URL itself (srcset: each candidate).
pub fn remote_urls(tag: &Tag<'_>) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    for a in tag.attrs.iter().filter(|a| LOADING_ATTRS.contains(&a.name.as_str())) {
        if a.name == "srcset" {
            let mut from = 0;
            for candidate in a.value.split(',') {
                let lead = candidate.len() - candidate.trim_start().len();
                let url = candidate.trim_start().split_whitespace().next().unwrap_or("");
                let start = a.value_span.start + from + lead;
                if is_remote(url) {
                    out.push((start..start + url.len(), htmltags::decode_attr(url)));
                }
                from += candidate.len() + 1;
            }
        } else if is_remote(a.value) {
            let lead = a.value.len() - a.value.trim_start().len();
            let v = a.value.trim();
            out.push((a.value_span.start + lead..a.value_span.start + lead + v.len(), htmltags::decode_attr(v)));
        }
    }
    out
}

/// Remote `url(…)` in a `style` attribute: never allowed (there is nothing to link).
fn css_urls(tag: &Tag<'_>) -> Vec<(usize, String)> {
    let Some(style) = tag.attr("style") else { return Vec::new() };
    let lower = style.value.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("url(") {
        let start = from + i + 4;
        let value = style.value[start..].trim_start_matches(['"', '\'', ' ']);
        if is_remote(value) {
            let end = value.find(['"', '\'', ' ', ')']).unwrap_or(value.len());
            out.push((style.value_span.start + start, value[..end].to_string()));
        }
        from = start;
    }
    out
}

/// Applies non-overlapping edits, given in order.
fn apply(html: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(html.len() + 128);
    let mut at = 0;
    for (r, s) in edits {
        if r.start < at {
            continue;
        }
        out.push_str(&html[at..r.start]);
        out.push_str(&s);
        at = r.end;
    }
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str, policy: RemoteAssets) -> (String, Vec<(usize, String)>) {
        let mut drop = Vec::new();
        let o = raw_html(html, policy, "(needs a connection)", &mut |u| Ok(format!("local/{}", file_name(u))), &mut drop);
        let problems = o
            .problems
            .into_iter()
            .map(|(at, p)| match p {
                Problem::Refused(m) => (at, format!("refused {m}")),
                Problem::Linked(u) => (at, format!("linked {u}")),
                Problem::Failed(m) => (at, format!("failed {m}")),
            })
            .collect();
        (o.html.unwrap_or_else(|| html.to_string()), problems)
    }

    #[test]
    fn error_reports_every_remote_url() {
        let h = r#"<p><img src="https://a.example/x.png" alt="x"> <img srcset="y.png 1x, //b.example/y.png 2x"></p>"#;
        let (_, p) = run(h, RemoteAssets::Error);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(&h[p[0].0..p[0].0 + 8], "https://");
        assert!(p[1].1.contains("//b.example/y.png"));
    }

    #[test]
    fn link_replaces_images_and_whole_players() {
        let h = r#"<aside id="box"><img src="https://a.example/drop%20red.png" alt="A blood drop"><video controls><source src="https://v.example/v.mp4">Old browser</video></aside>"#;
        let (out, p) = run(h, RemoteAssets::Link);
        assert_eq!(
            out,
            "<aside id=\"box\"><a class=\"remote-asset\" href=\"https://a.example/drop%20red.png\">A blood drop</a> <span class=\"remote-note\">(needs a connection)</span>\
             <a class=\"remote-asset\" href=\"https://v.example/v.mp4\">v.mp4</a> <span class=\"remote-note\">(needs a connection)</span></aside>"
        );
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn link_drops_the_end_tag_of_a_player_opened_in_an_earlier_piece() {
        let mut drop = Vec::new();
        let mut local = |_: &str| Err(String::new());
        let a = raw_html("<iframe src=\"https://yt.example/e/1\" title=\"Donation day\">", RemoteAssets::Link, "n", &mut local, &mut drop);
        assert!(a.html.unwrap().contains(">Donation day</a>"));
        let b = raw_html("</iframe>", RemoteAssets::Link, "n", &mut local, &mut drop);
        assert_eq!(b.html.as_deref(), Some(""));
        assert!(drop.is_empty());
    }

    #[test]
    fn fetch_rewrites_each_url_and_scripts_stay_errors() {
        let (out, p) = run(
            r#"<img src="https://a.example/x.png" srcset="https://a.example/x2.png 2x"><script src="https://c.example/s.js"></script>"#,
            RemoteAssets::Fetch,
        );
        assert!(out.starts_with(r#"<img src="local/x.png" srcset="local/x2.png 2x">"#), "{out}");
        assert_eq!(p.len(), 1);
        assert!(p[0].1.contains("s.js"));
    }
}
