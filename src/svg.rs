//! Active content in SVG files copied into the output. An SVG opened on its own (a reader
//! following a link to a colocated image) is a document of the site's origin: its scripts,
//! event handlers and `javascript:` links run like the site's own code.

/// The first active construct of an SVG file, for the message: a `<script>` element, an event
/// handler attribute (`onload=`), a `javascript:` URL, or an embedded document. `None` when the
/// file is inert. Character references are decoded first (`jav&#x61;script:` is still a script).
pub fn active_content(bytes: &[u8]) -> Option<String> {
    let text = decode_references(&String::from_utf8_lossy(bytes)).to_ascii_lowercase();
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    for scheme in ["javascript:", "vbscript:", "data:text/html"] {
        if squeezed.contains(scheme) {
            return Some(format!("a `{scheme}` URL"));
        }
    }
    let mut rest = text.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let name: String = tag.chars().take_while(|c| !c.is_whitespace() && *c != '/' && *c != '>').collect();
        let local = name.rsplit(':').next().unwrap_or("");
        if matches!(local, "script" | "iframe" | "embed" | "object" | "foreignobject" | "handler" | "listener") {
            return Some(format!("a `<{name}>` element"));
        }
        if let Some(attr) = event_handler(tag) {
            return Some(format!("an event handler `{attr}=`"));
        }
        rest = &rest[end..];
    }
    None
}

/// An attribute of a tag's text whose name starts with `on` (`onload`, `svg:onclick`).
fn event_handler(tag: &str) -> Option<String> {
    let b = tag.as_bytes();
    let mut quote = None;
    for i in 0..b.len() {
        match quote {
            Some(q) if b[i] == q => quote = None,
            Some(_) => {}
            None if b[i] == b'"' || b[i] == b'\'' => quote = Some(b[i]),
            None => {
                let starts_name = i > 0 && (b[i - 1].is_ascii_whitespace() || matches!(b[i - 1], b'/' | b':' | b'"' | b'\''));
                if starts_name && tag[i..].starts_with("on") {
                    let name: String = tag[i..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
                    let after = tag[i + name.len()..].trim_start();
                    if name.len() > 2 && after.starts_with('=') {
                        return Some(name);
                    }
                }
            }
        }
    }
    None
}

/// Decodes numeric character references and `&colon;`/`&tab;`/`&newline;` (enough to see through
/// the spellings browsers accept in URLs and attribute names).
fn decode_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match name.to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
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
    use super::active_content;

    #[test]
    fn inert_drawings_pass() {
        let drop = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Drop on a donor</title><path d="M5 0C5 0 0 6 0 8a5 5 0 0 0 10 0C10 6 5 0 5 0z" fill="#c00"/><text x="1" y="9">Donation on time</text></svg>"##;
        assert_eq!(active_content(drop), None);
    }

    #[test]
    fn scripts_handlers_and_script_urls_are_found() {
        for (svg, found) in [
            (&br#"<svg onload="alert(1)"/>"#[..], "`onload=`"),
            (br#"<svg><g ONCLICK = 'x()'/></svg>"#, "`onclick=`"),
            (br#"<svg><script>alert(1)</script></svg>"#, "`<script>`"),
            (br#"<svg><svg:script href="x.js"/></svg>"#, "`<svg:script>`"),
            (br#"<svg><a href="jav&#x61;script:alert(1)"><text>x</text></a></svg>"#, "`javascript:`"),
            (br#"<svg><a xlink:href="java	script&colon;alert(1)"/></svg>"#, "`javascript:`"),
            (br#"<svg><foreignObject><iframe src="x"/></foreignObject></svg>"#, "`<foreignobject>`"),
            (br#"<svg><set attributeName="href" to="javascript:alert(1)"/></svg>"#, "`javascript:`"),
        ] {
            let got = active_content(svg).unwrap_or_else(|| panic!("missed {}", String::from_utf8_lossy(svg)));
            assert!(got.contains(found), "{got} for {}", String::from_utf8_lossy(svg));
        }
    }
}
