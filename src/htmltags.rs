//! A small, forgiving scanner for the tags of an HTML fragment: names, attributes and their
//! byte ranges. Raw HTML written by authors (remote assets, URL attributes, ids) and the
//! rendered pages (the link check) are read with it; it never builds a tree, so it is linear
//! and cannot be made to blow up by nesting.

use std::ops::Range;

/// One start or end tag.
#[derive(Clone, Debug)]
pub struct Tag<'a> {
    /// The whole tag, `<` to `>` included.
    pub span: Range<usize>,
    /// Lower-cased element name.
    pub name: String,
    pub closing: bool,
    pub attrs: Vec<Attr<'a>>,
}

/// One attribute of a tag. `value` is the raw text between the quotes (entities not decoded).
#[derive(Clone, Debug)]
pub struct Attr<'a> {
    /// Lower-cased attribute name.
    pub name: String,
    pub value: &'a str,
    /// Byte range of `value` in the scanned text (empty for an attribute without a value).
    pub value_span: Range<usize>,
}

impl Tag<'_> {
    pub fn attr(&self, name: &str) -> Option<&Attr<'_>> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

/// Every tag of `html`, in order. Comments, doctypes and `<` that start no tag are skipped;
/// the text inside `script`, `style` and `textarea` is not scanned for tags.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        if html[start..].starts_with("<!--") {
            i = html[start + 4..].find("-->").map_or(html.len(), |e| start + 4 + e + 3);
            continue;
        }
        match parse_tag(html, start) {
            Some(tag) => {
                i = tag.span.end;
                let raw_text = !tag.closing && matches!(tag.name.as_str(), "script" | "style" | "textarea");
                if raw_text {
                    let close = format!("</{}", tag.name);
                    let rest = html[i..].to_ascii_lowercase();
                    i = rest.find(&close).map_or(html.len(), |e| i + e);
                }
                out.push(tag);
            }
            None => i = start + 1,
        }
    }
    out
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// The tag starting at `start` (a `<`), or `None` when it is not one.
fn parse_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let b = html.as_bytes();
    let mut i = start + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !b.get(i)?.is_ascii_alphabetic() {
        if b.get(i) == Some(&b'!') || b.get(i) == Some(&b'?') {
            let end = html[i..].find('>')? + i + 1;
            return Some(Tag { span: start..end, name: String::new(), closing: true, attrs: Vec::new() });
        }
        return None;
    }
    let name_start = i;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        if b[i] == b'>' {
            return Some(Tag { span: start..i + 1, name, closing, attrs });
        }
        let an = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'=' | b'/') {
            i += 1;
        }
        let attr_name = html[an..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            attrs.push(Attr { name: attr_name, value: "", value_span: i..i });
            continue;
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let (vs, ve, next) = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let e = html[j + 1..].find(q as char)? + j + 1;
                (j + 1, e, e + 1)
            }
            Some(_) => {
                let mut e = j;
                while e < b.len() && !b[e].is_ascii_whitespace() && b[e] != b'>' {
                    e += 1;
                }
                (j, e, e)
            }
            None => return None,
        };
        attrs.push(Attr { name: attr_name, value: &html[vs..ve], value_span: vs..ve });
        i = next;
    }
}

/// Attributes that name ids of the same document, as space-separated lists.
const ID_REFS: &[&str] = &[
    "for",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-details",
    "aria-flowto",
    "aria-errormessage",
    "aria-activedescendant",
    "headers",
    "list",
    "form",
    "popovertarget",
];

/// Prefixes every id a fragment defines (headings, footnotes, quizzes, raw HTML alike) and
/// every reference to one of them inside it (`href="#…"`, `for`, `aria-*`, a quiz's radio
/// `name`), so fragments joined on one page (the printable module) keep unique ids and working
/// in-page links. References to ids the fragment does not define are left alone.
pub fn namespace_ids(html: &str, prefix: &str) -> String {
    let tags = tags(html);
    let ids: std::collections::HashSet<&str> = tags.iter().filter_map(|t| t.attr("id")).map(|a| a.value).filter(|v| !v.is_empty()).collect();
    if ids.is_empty() {
        return html.to_string();
    }
    let known = |v: &str| ids.contains(v) || ids.contains(crate::urls::percent_decode(v).as_str());
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for t in &tags {
        for a in &t.attrs {
            let name = a.name.as_str();
            let prefixed = |at: usize| (at..at, prefix.to_string());
            match name {
                "id" if !a.value.is_empty() => edits.push(prefixed(a.value_span.start)),
                "href" | "action" => {
                    if a.value.strip_prefix('#').is_some_and(known) {
                        edits.push(prefixed(a.value_span.start + 1));
                    }
                }
                "name" if t.name == "input" && known(a.value) => edits.push(prefixed(a.value_span.start)),
                _ if ID_REFS.contains(&name) => {
                    let mut from = 0;
                    for token in a.value.split(' ') {
                        if !token.is_empty() && known(token) {
                            edits.push(prefixed(a.value_span.start + from));
                        }
                        from += token.len() + 1;
                    }
                }
                _ => {}
            }
        }
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(html.len() + edits.len() * prefix.len());
    let mut at = 0;
    for (r, s) in edits {
        out.push_str(&html[at..r.start]);
        out.push_str(&s);
        at = r.end;
    }
    out.push_str(&html[at..]);
    out
}

/// Decodes the character references a URL attribute commonly holds (`&amp;` and numeric ones).
pub fn decode_attr(v: &str) -> String {
    if !v.contains('&') {
        return v.to_string();
    }
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            match ent {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                _ => ent
                    .strip_prefix("#x")
                    .or_else(|| ent.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_attributes_and_spans() {
        let h = r#"<p>x <img src="a.png" alt='a > b' hidden><a href=x.html>y</a><!-- <img src=z> --></p>"#;
        let t = tags(h);
        let names: Vec<(&str, bool)> = t.iter().map(|t| (t.name.as_str(), t.closing)).collect();
        assert_eq!(names, [("p", false), ("img", false), ("a", false), ("a", true), ("p", true)]);
        let img = &t[1];
        assert_eq!(img.attr("alt").unwrap().value, "a > b");
        assert_eq!(&h[img.attr("src").unwrap().value_span.clone()], "a.png");
        assert!(img.attr("hidden").is_some());
        assert_eq!(t[2].attr("href").unwrap().value, "x.html");
        assert_eq!(&h[img.span.clone()], r#"<img src="a.png" alt='a > b' hidden>"#);
    }

    #[test]
    fn script_text_is_not_scanned_and_broken_tags_end_the_scan() {
        let t = tags("<script>if (a<b) x('<img src=q>')</script><img src=");
        let names: Vec<&str> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["script", "script"]);
    }

    #[test]
    fn namespaces_ids_and_the_links_to_them_only() {
        let h = r##"<h2 id="why">Why</h2><aside id="cbox1"><a href="#cbox1">box</a> <a href="#elsewhere">x</a> <a href="#%D1%86">ц</a></aside>
<p id="ц">c</p><input type="radio" name="quiz-1" id="quiz-1-0"><label for="quiz-1-0">a</label><form id="quiz-1" aria-labelledby="why other"></form><a href="../x/index.html#why">o</a>"##;
        let out = namespace_ids(h, "l2--");
        assert_eq!(
            out,
            r##"<h2 id="l2--why">Why</h2><aside id="l2--cbox1"><a href="#l2--cbox1">box</a> <a href="#elsewhere">x</a> <a href="#l2--%D1%86">ц</a></aside>
<p id="l2--ц">c</p><input type="radio" name="l2--quiz-1" id="l2--quiz-1-0"><label for="l2--quiz-1-0">a</label><form id="l2--quiz-1" aria-labelledby="l2--why other"></form><a href="../x/index.html#why">o</a>"##
        );
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(decode_attr("a?x=1&amp;y=2&#38;z&#x26;&bogus"), "a?x=1&y=2&z&&bogus");
    }
}
