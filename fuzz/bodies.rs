//! The bodies of the fuzz targets, shared by `fuzz/fuzz_targets/*.rs` (libFuzzer) and
//! `tests/fuzz_corpus.rs` (a plain `cargo test` over the seed corpora and crash regressions).
//!
//! Included with `#[path = ".."] mod bodies;`, so it may only use crates that both the fuzz
//! crate and donorbook's own tests depend on: `donorbook` and `fluent-bundle`.
//!
//! Every body takes raw bytes, never panics on valid behaviour and panics (`assert!`) when an
//! invariant is broken, so libFuzzer reports it as a crash.
#![allow(dead_code)]

use donorbook::config::RawHtml;
use donorbook::diagnostics::{Diagnostic, Diagnostics};
use donorbook::locale::Locales;
use donorbook::markdown::{Env, Host, Rendered};
use donorbook::messages::Messages;
use donorbook::shortcodes::{self, Call, Piece};
use donorbook::theme::Theme;
use donorbook::urls;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The target names, as in `fuzz/Cargo.toml` and `fuzz/corpus/<name>/`.
pub const TARGETS: &[&str] = &["frontmatter", "shortcodes", "quiz", "markdown", "fluent"];

/// Runs the body of the target called `name`.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "frontmatter" => frontmatter(data),
        "shortcodes" => shortcodes(data),
        "quiz" => quiz(data),
        "markdown" => markdown(data),
        "fluent" => fluent(data),
        other => panic!("unknown fuzz target `{other}`"),
    }
}

fn lines_in(text: &str) -> usize {
    text.matches('\n').count() + 1
}

/// Lines as the YAML parser counts them: a CR (left in text that was not normalised) ends a
/// line too. An upper bound for positions in YAML errors.
fn yaml_lines(text: &str) -> usize {
    text.matches(['\n', '\r']).count() + 1
}

// ---------------------------------------------------------------------------------------------
// frontmatter

/// `decode_text` (BOM, CRLF, control characters) → `split` → `parse`, and `split`/`parse` on the
/// raw text as well (callers are meant to normalise first, but must not panic if they do not).
pub fn frontmatter(data: &[u8]) {
    let path = Path::new("content/fuzz.md");
    if let Ok(raw) = std::str::from_utf8(data) {
        split_and_parse(raw, path);
    }
    let Ok(text) = donorbook::frontmatter::decode_text(data.to_vec(), path) else { return };
    assert!(!text.starts_with('\u{feff}'), "BOM kept");
    assert!(!text.contains('\r'), "CR kept");
    split_and_parse(&text, path);
}

fn split_and_parse(text: &str, path: &Path) {
    let Ok(split) = donorbook::frontmatter::split(text, path) else { return };
    // Both parts are slices of the text, in order, and the line offsets count real lines.
    let base = text.as_ptr() as usize;
    let yaml_start = split.yaml.as_ptr() as usize - base;
    let body_start = split.body.as_ptr() as usize - base;
    assert_eq!(yaml_start, 4, "the YAML starts after `---\\n`");
    assert!(yaml_start + split.yaml.len() <= body_start && body_start + split.body.len() == text.len());
    assert_eq!(text[..yaml_start].matches('\n').count(), split.yaml_line_offset);
    if !split.body.is_empty() {
        assert_eq!(text[..body_start].matches('\n').count(), split.body_line_offset, "body line offset");
    }
    match donorbook::frontmatter::parse(&split, path) {
        Ok(fm) => {
            assert!(!fm.title.trim().is_empty());
            assert!(!fm.title.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        }
        Err(d) => check_diag(&d, 1, split.yaml_line_offset + yaml_lines(split.yaml)),
    }
}

/// A diagnostic's line lies in `first..=last` (file lines) and its column is 1-based.
fn check_diag(d: &Diagnostic, first: usize, last: usize) {
    assert!(d.line >= first && d.line <= last, "line {} outside {first}..={last}: {d:?}", d.line);
    assert!(d.col >= 1, "column 0: {d:?}");
    assert!(!d.message.is_empty());
}

// ---------------------------------------------------------------------------------------------
// shortcodes

/// `extract` and `pieces` on arbitrary text, with the offset map checked end to end.
pub fn shortcodes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for tag in ["", "0", "ab"] {
        for piece in shortcodes::pieces(text, tag) {
            if let Piece::Text(t) = piece {
                assert!(!t.is_empty());
            }
        }
    }
    match shortcodes::extract(text) {
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(e.offset <= text.len(), "error offset {} past the end ({})", e.offset, text.len());
                assert!(!e.message.is_empty());
            }
        }
        Ok(ex) => {
            // Every offset of the rewritten text (end included) maps into the original.
            for new in 0..=ex.text.len() {
                let orig = ex.original_offset(new);
                assert!(orig <= text.len(), "original_offset({new}) = {orig} > {}", text.len());
            }
            for call in &ex.calls {
                assert!(call.offset < text.len());
                assert!(text[call.offset..].starts_with("{{") || text[call.offset..].starts_with("{%"));
                if let Some((body, off)) = &call.body {
                    assert!(off + body.len() <= text.len());
                    assert_eq!(&text[*off..off + body.len()], body.as_str(), "block body is not the source text");
                }
            }
            // Replacing each placeholder by the source text it stands for gives back the input.
            // The author's own U+E000/U+E001 are plain text, never part of a placeholder.
            // A text with no shortcode and no quiz has no placeholders, hence no tag.
            assert!(!ex.tag.is_empty() || ex.calls.is_empty(), "calls without a tag");
            let prefix = format!("{}{}", shortcodes::OPEN, ex.tag);
            assert!(ex.tag.is_empty() || !text.contains(&prefix), "the source spells its own placeholder tag");
            let mut rebuilt = String::new();
            let mut pos = 0;
            let mut next_call = 0;
            for piece in ex.pieces(&ex.text) {
                match piece {
                    Piece::Text(t) => {
                        assert!(ex.tag.is_empty() || !t.contains(&prefix), "broken placeholder in {t:?}");
                        let orig = ex.original_offset(pos);
                        assert_eq!(&text[orig..orig + t.len()], t, "text piece at {pos} does not map back");
                        rebuilt.push_str(t);
                        pos += t.len();
                    }
                    Piece::Call(n) => {
                        assert_eq!(n, next_call, "placeholders out of order");
                        next_call += 1;
                        let len = ex.placeholder(n).len();
                        let start = ex.original_offset(pos);
                        let end = ex.original_offset(pos + len);
                        assert_eq!(start, ex.calls[n].offset);
                        assert!(start < end && end <= text.len());
                        rebuilt.push_str(&text[start..end]);
                        pos += len;
                    }
                }
            }
            assert_eq!(next_call, ex.calls.len(), "placeholders missing from the text");
            assert_eq!(rebuilt, text, "the placeholders do not stand for the source");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// quiz

/// `quiz::parse` on arbitrary YAML; a success is a valid quiz, an error points into the block.
pub fn quiz(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let fence_line = 7;
    match donorbook::quiz::parse(text, Path::new("content/fuzz.md"), fence_line) {
        Ok(q) => {
            assert!(q.choices.len() >= 2);
            let correct = q.choices.iter().filter(|c| c.correct).count();
            assert!(correct >= 1 && (correct == 1 || q.multiple));
            assert!(!q.question.trim().is_empty());
        }
        Err(d) => check_diag(&d, fence_line, fence_line + yaml_lines(text)),
    }
}

// ---------------------------------------------------------------------------------------------
// markdown + urls

/// A host with two pages, one image and the shortcodes `hi` and `say` (inline) and `box` (block), like the
/// `TestHost` of `src/markdown/tests.rs`.
struct FuzzHost;

impl Host for FuzzHost {
    fn page_dir(&self, rel: &str) -> Option<String> {
        match rel {
            "modules/a/01-x.md" => Some("en/modules/a/x/".into()),
            "modules/a/02-y.md" => Some("en/modules/a/y/".into()),
            "modules/b/_index.md" => Some("en/modules/b/".into()),
            _ => None,
        }
    }
    fn asset(&self, logical: &str) -> Option<String> {
        (logical == "modules/a/images/drop.svg").then(|| format!("en/{logical}"))
    }
    fn shortcode(&self, call: &Call, body: Option<&Rendered>, env: &Env<'_>) -> Result<Rendered, String> {
        match (call.name.as_str(), body) {
            ("hi", None) => {
                let who = call.args.get("name").and_then(|a| a.as_str()).unwrap_or("hi");
                let id = env.next_id("hi");
                Ok(Rendered { html: format!("<b id=\"{id}\">{}</b>", urls::escape_attr(who)), text: who.into(), ..Rendered::default() })
            }
            ("box", Some(b)) => Ok(Rendered { html: format!("<aside>{}</aside>", b.html), text: b.text.clone(), ..Rendered::default() }),
            // Like `t`: a message as escaped text, which authors also put inside attributes.
            ("say", None) => {
                let text = call.args.get("text").and_then(|a| a.as_str()).unwrap_or_default();
                Ok(Rendered { html: urls::escape_attr(text), text: text.into(), ..Rendered::default() })
            }
            _ => Err(format!("unknown shortcode `{}`", call.name)),
        }
    }
    fn quiz(&self, yaml: &str, env: &Env<'_>, line: usize) -> Result<String, Diagnostic> {
        donorbook::quiz::parse(yaml, env.display, line).map(|q| format!("<form class=\"quiz\">{}</form>", urls::escape_attr(&q.question)))
    }
    fn ui(&self, key: &str) -> String {
        key.to_string()
    }
}

/// `markdown::render` in the three raw-HTML modes, then the URL helpers on the same bytes.
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Bodies reach the renderer LF-normalised (`frontmatter::read_text`); a CR would make
    // pulldown-cmark and the YAML parser count lines differently from the diagnostics.
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    let display = Path::new("content/modules/a/01-x.md");
    let body_line_offset = 3;
    // No tag means no placeholder was made (no shortcode, no quiz), so none can leak.
    let placeholder_prefix = shortcodes::extract(text).ok().filter(|e| !e.tag.is_empty()).map(|e| format!("{}{}", shortcodes::OPEN, e.tag));
    for raw_html in [RawHtml::Sanitize, RawHtml::Escape, RawHtml::Allow] {
        let env = Env {
            display,
            body_line_offset,
            rel: "modules/a/01-x.md",
            page_dir: "en/modules/a/x/",
            raw_html,
            id_prefix: "p-",
            counter: Cell::new(0),
            used_ids: RefCell::default(),
        };
        let r = donorbook::markdown::render(text, &env, &FuzzHost);
        // An unclosed quiz fence on the last line reports the (missing) line after it.
        let last = body_line_offset + lines_in(text) + 1;
        for d in &r.diagnostics {
            check_diag(d, body_line_offset + 1, last);
        }
        for a in &r.anchors {
            assert!(a.line > body_line_offset && a.line <= last, "anchor line {} outside the body", a.line);
        }
        let mut ids = HashSet::new();
        for h in &r.headings {
            assert!((1..=6).contains(&h.level));
            assert!(h.id.starts_with("p-"), "heading id without the page prefix: {}", h.id);
            assert!(ids.insert(h.id.clone()), "heading id `{}` used twice", h.id);
        }
        if raw_html == RawHtml::Sanitize {
            let lower = r.html.to_ascii_lowercase();
            assert!(!lower.contains("<script"), "a script survived sanitizing: {}", r.html);
        }
        // Sanitized or escaped, no attribute runs a script, whatever shortcode output went into
        // it (`<a href="{{ hi(name="javascript:…") }}">`).
        if raw_html != RawHtml::Allow {
            for (name, value) in attributes(&r.html) {
                assert!(!name.starts_with("on"), "event handler `{name}` in {:?}", r.html);
                assert!(!urls::is_dangerous(&value), "`{name}=\"{value}\"` runs a script: {:?}", r.html);
            }
        }
        // Each shortcode's output is used once (a forged placeholder would repeat it). With raw
        // HTML escaped, `<b id=` can only come from the host.
        if raw_html == RawHtml::Escape {
            let mut seen = HashSet::new();
            for (at, _) in r.html.match_indices("<b id=\"") {
                let id: String = r.html[at + 7..].chars().take_while(|c| *c != '"').collect();
                assert!(seen.insert(id.clone()), "shortcode output `{id}` appears twice: {:?}", r.html);
            }
        }
        // No placeholder of the page leaks into its HTML or text.
        if let Some(prefix) = &placeholder_prefix {
            assert!(!r.html.contains(prefix.as_str()), "a placeholder leaked into the HTML: {:?}", r.html);
            assert!(!r.text.contains(prefix.as_str()), "a placeholder leaked into the text: {:?}", r.text);
            for h in &r.headings {
                assert!(!h.text.contains(prefix.as_str()), "a placeholder leaked into a heading: {:?}", h.text);
            }
        }
    }
    url_invariants(text);
}

/// Every attribute (lower-cased name, value with `&amp;`, `&quot;`, `&#39;`, `&colon;` and numeric
/// references decoded) of well-formed HTML, as the renderer writes it: text holds no raw `<`.
fn attributes(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let name = html[start..i].to_ascii_lowercase();
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                let (q, from) = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => (Some(q), i + 1),
                    _ => (None, i),
                };
                let mut end = from;
                while end < b.len() && if let Some(q) = q { b[end] != q } else { !b[end].is_ascii_whitespace() && b[end] != b'>' } {
                    end += 1;
                }
                value = decode_entities(&html[from..end.min(b.len())]);
                i = if q.is_some() { end + 1 } else { end };
            }
            out.push((name, value));
        }
    }
    out
}

fn decode_entities(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    while let Some(a) = rest.find('&') {
        out.push_str(&rest[..a]);
        rest = &rest[a..];
        let Some(semi) = rest.find(';').filter(|s| *s < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "colon" => Some(':'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
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

/// Lexical resolution of `url` (percent-decoded) against folder `dir` (trailing `/`).
fn resolve_against(dir: &str, url: &str) -> Option<String> {
    let mut parts: Vec<String> = dir.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect();
    let url = if url == "./" { "" } else { url };
    for seg in url.split('/') {
        match seg {
            ".." => {
                parts.pop()?;
            }
            s => parts.push(urls::percent_decode(s)),
        }
    }
    Some(parts.join("/"))
}

/// `join_logical`, `relative`, `percent_decode` and `encode_path` on pieces of `text`.
pub fn url_invariants(text: &str) {
    let mut lines = text.lines();
    let a = lines.next().unwrap_or("");
    let b = lines.next().unwrap_or("");
    for s in [a, b, text] {
        // encode_path is undone by percent_decode and leaves nothing a URL may not hold raw.
        let enc = urls::encode_path(s);
        assert_eq!(urls::percent_decode(&enc), s, "percent_decode(encode_path(s)) != s");
        assert!(!enc.chars().any(|c| c.is_control() || matches!(c, ' ' | '"' | '#' | '?' | '<' | '>' | '\\')), "{enc:?}");
        let _ = urls::percent_decode(s);
        let _ = urls::is_external(s);
        let _ = urls::is_dangerous(s);
        let _ = urls::escape_attr(s);
        let _ = urls::to_root(s);
    }
    // join_logical from a clean logical path never leaves the content folder.
    let clean = |p: &str| !p.split('/').any(|s| s.is_empty() || s == "." || s == "..");
    for from in ["modules/a/01-x.md", "about.md", a] {
        if !clean(from) {
            continue;
        }
        for link in [b, a, text] {
            let decoded = urls::percent_decode(link);
            if let Some(j) = urls::join_logical(from, &decoded) {
                assert!(!j.split('/').any(|s| s == ".." || s == "."), "join_logical({from:?}, {decoded:?}) = {j:?}");
                assert!(!j.starts_with('/') && !j.contains('\0'), "join_logical({from:?}, {decoded:?}) = {j:?}");
            }
        }
    }
    // relative() from a page folder to a file resolves back to that file.
    let segs = |s: &str| s.split('/').all(|p| !p.is_empty() && p != "." && p != "..");
    let dirs = ["", "en/", "en/modules/a/x/", "fa/x y/"];
    let files = ["en/index.html", "assets/style.css", "en/modules/a/images/drop.svg"];
    let mut pairs: Vec<(String, String)> = Vec::new();
    for d in dirs {
        for f in files {
            pairs.push((d.to_string(), f.to_string()));
        }
        if segs(b) {
            pairs.push((d.to_string(), b.to_string()));
        }
    }
    if segs(a) {
        for f in files {
            pairs.push((format!("{a}/"), f.to_string()));
        }
        if segs(b) {
            pairs.push((format!("{a}/"), b.to_string()));
        }
    }
    for (dir, to) in pairs {
        let url = urls::relative(&dir, &to);
        assert!(!url.is_empty() && !url.starts_with('/'), "relative({dir:?}, {to:?}) = {url:?}");
        assert_eq!(resolve_against(&dir, &url).as_deref(), Some(to.as_str()), "relative({dir:?}, {to:?}) = {url:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// fluent

/// Three locales as `site.yaml` would declare them: English, and two right-to-left locales
/// with digit-mapping number formatters.
fn locales() -> Locales {
    let yaml = "title: Fuzz\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\n  - code: fa\n    name: فارسی\n  - code: ar\n    name: العربية\n";
    let config: donorbook::config::SiteConfig = donorbook::yaml::parse(yaml, Path::new("site.yaml"), donorbook::yaml::Origin::default()).expect("site.yaml");
    donorbook::locale::resolve_locales(&config, yaml).expect("locales")
}

thread_local! {
    /// A site root per thread, holding `locales/fa/site.ftl` (the site file path of
    /// `Messages::load` reads from disk).
    static ROOT: PathBuf = {
        let dir = std::env::temp_dir().join(format!("donorbook-fuzz-{}-{:?}", std::process::id(), std::thread::current().id()));
        let dir = PathBuf::from(dir.to_string_lossy().replace(['(', ')'], ""));
        std::fs::create_dir_all(dir.join("locales/fa")).expect("temp dir");
        dir
    };
    static LOCALES: Locales = locales();
}

/// `Messages::load` with the input as the theme's `.ftl` for every tag and as the site's
/// `locales/fa/site.ftl` (split at the first NUL if there is one), then every message formatted
/// in every locale with arguments named after the `$variables` in the text.
pub fn fluent(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (theme_ftl, site_ftl) = text.split_once('\0').unwrap_or((text, text));
    let root = ROOT.with(|r| r.clone());
    std::fs::write(root.join("locales/fa/site.ftl"), site_ftl).expect("write site.ftl");
    let mut theme = Theme { name: "fuzz".into(), ..Theme::default() };
    for tag in ["en", "fa", "ar"] {
        theme.ftl.insert(tag.to_string(), vec![("theme.ftl".to_string(), theme_ftl.to_string())]);
    }
    LOCALES.with(|locales| {
        let diags = Diagnostics::new();
        let messages = Messages::load(&root, &theme, locales, &diags);
        // The site file is read like every text file: a lone CR ends a line too.
        let site_lines = lines_in(&site_ftl.replace("\r\n", "\n").replace('\r', "\n"));
        for d in diags.into_sorted() {
            let last = if d.path.starts_with("locales/") { site_lines } else { lines_in(theme_ftl) };
            if d.line > 0 {
                check_diag(&d, 1, last);
            }
        }
        // Arguments: every `$name` in the text, alternately a number and a string.
        let mut args = fluent_bundle::FluentArgs::new();
        for (i, part) in text.split('$').skip(1).enumerate().take(32) {
            let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
            if name.is_empty() {
                continue;
            }
            if i % 2 == 0 {
                args.set(name, fluent_bundle::FluentValue::from(i as f64 * 1.5 - 3.0));
            } else {
                args.set(name, fluent_bundle::FluentValue::from(format!("x{i}")));
            }
        }
        for key in messages.all_keys() {
            for locale in &locales.all {
                let _ = messages.format(locale, &key, Some(&args));
                let _ = messages.format(locale, &key, None);
                let _ = messages.text(locale, &key);
                let _ = messages.has(locale, &key);
            }
        }
        for ((tag, _key), (file, line)) in &messages.key_origin {
            assert_eq!(tag, "fa");
            assert!(file.starts_with("locales/fa"));
            assert!(*line <= site_lines);
        }
    });
}

/// Removes this thread's temporary site root (the fuzz binaries never call it; tests do).
pub fn cleanup() {
    let root = ROOT.with(|r| r.clone());
    let _ = std::fs::remove_dir_all(root);
}
