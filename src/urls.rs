//! Relative URLs and safe paths. Every internal URL donorbook writes is relative to the page,
//! so one output folder works from any server path and straight from disk.

/// Schemes that run code when followed; never written into a page.
pub fn is_dangerous(url: &str) -> bool {
    let lower: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
    lower.starts_with("javascript:") || lower.starts_with("vbscript:") || lower.starts_with("data:text/html")
}

/// `scheme:` URLs (http, mailto, tel…) and protocol-relative `//host` URLs.
pub fn is_external(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !url[..i].contains('/')
        }
        None => false,
    }
}

/// Why a file or folder name cannot go into the output and its zips, if it cannot: Windows
/// refuses device names (`con`, `nul.txt`, `com1`) and `< > : " | ? * \`, control characters
/// and a trailing dot or space; `#` (and `?`) cut a URL short; a newline splits MANIFEST.txt.
pub fn unportable_name(name: &str) -> Option<String> {
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Some(format!("it contains the control character U+{:04X}", c as u32));
    }
    if let Some(c) = name.chars().find(|c| matches!(c, '?' | '<' | '>' | '"' | '#' | '|' | '*' | ':' | '\\')) {
        return Some(format!("it contains `{c}`, which Windows or web addresses do not accept in a file name"));
    }
    if name.ends_with(['.', ' ']) {
        return Some("it ends with a dot or a space, which Windows drops".to_string());
    }
    let stem = name.split('.').next().unwrap_or(name).trim_end().to_ascii_lowercase();
    let device = matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || (stem.len() == 4 && (stem.starts_with("com") || stem.starts_with("lpt")) && stem.as_bytes()[3].is_ascii_digit());
    device.then(|| format!("`{stem}` is a device name on Windows; the file could not be unpacked there"))
}

/// Joins a link written in the file `from_rel` (a logical path inside `content/`) with `link`,
/// resolving `.` and `..` lexically. `None` when the result would leave the content folder.
pub fn join_logical(from_rel: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = from_rel.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    if parts.iter().any(|p| p.contains('\0')) {
        return None;
    }
    Some(parts.join("/"))
}

/// The relative URL from a page in folder `from_dir` (trailing `/`, relative to the output
/// root) to the file `to` (relative to the output root).
pub fn relative(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from.iter().zip(to_parts.iter()).take_while(|(a, b)| a == b).count();
    // Never share the last segment of `to` (the file name) with a folder of `from`.
    let common = common.min(to_parts.len().saturating_sub(1));
    let mut url = "../".repeat(from.len() - common);
    url.push_str(&encode_path(&to_parts[common..].join("/")));
    if url.is_empty() { "./".to_string() } else { url }
}

/// The relative path from a page folder up to the output root: `en/modules/` → `../../`.
pub fn to_root(from_dir: &str) -> String {
    "../".repeat(from_dir.split('/').filter(|s| !s.is_empty()).count())
}

/// Percent-encodes what a path may not hold raw; other non-ASCII stays readable (browsers
/// accept it and the HTML validator does too).
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' | '"' | '#' | '%' | '<' | '>' | '?' | '`' | '{' | '}' | '|' | '\\' | '^' | '[' | ']' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Decodes `%XX` escapes; invalid sequences are kept as written.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Escapes text for an HTML attribute value or element content.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_at_several_depths() {
        assert_eq!(relative("en/modules/a/l1/", "en/modules/a/l2/index.html"), "../l2/index.html");
        assert_eq!(relative("en/modules/a/l1/", "en/modules/b/x/index.html"), "../../b/x/index.html");
        assert_eq!(relative("en/", "assets/style.css"), "../assets/style.css");
        assert_eq!(relative("", "en/index.html"), "en/index.html");
        assert_eq!(relative("en/modules/a/", "en/modules/a/images/x.svg"), "images/x.svg");
        assert_eq!(relative("en/about/", "en/about/index.html"), "index.html");
        assert_eq!(relative("fa/x y/", "fa/x y/index.html"), "index.html");
        assert_eq!(relative("fa/", "fa/x y/index.html"), "x%20y/index.html");
    }

    #[test]
    fn logical_join_refuses_escapes() {
        assert_eq!(join_logical("modules/a/01-x.md", "02-y.md").as_deref(), Some("modules/a/02-y.md"));
        assert_eq!(join_logical("modules/a/01-x.md", "../b/_index.md").as_deref(), Some("modules/b/_index.md"));
        assert_eq!(join_logical("modules/a/01-x.md", "../../../../etc/passwd"), None);
        assert_eq!(join_logical("about.md", "../x.png"), None);
    }

    #[test]
    fn externals() {
        assert!(is_external("https://who.int"));
        assert!(is_external("mailto:a@b"));
        assert!(is_external("javascript:alert(1)"));
        assert!(is_external("//cdn.example/x.js"));
        assert!(!is_external("images/a:b.png"));
        assert!(!is_external("02-x.md"));
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("%2e%2e/x"), "../x");
        assert_eq!(percent_decode("a%20b%"), "a b%");
    }
}
