//! Front matter: the YAML block between `---` lines at the top of a Markdown file.

use crate::diagnostics::Diagnostic;
use crate::yaml;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Front matter of a page, module or lesson. Doc comments become the descriptions in
/// `donorbook schema front-matter`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page's title (required).
    pub title: String,
    /// One or two sentences, used in lists, the meta description and search results.
    #[serde(default)]
    pub summary: Option<String>,
    /// Ordering among siblings; overrides the `NN-` file-name prefix.
    #[serde(default)]
    pub weight: Option<i64>,
    /// `true`: left out of the build unless `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Learning objectives, shown on the module page (modules only).
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Minutes the module or lesson takes, e.g. `20`.
    #[serde(default)]
    pub duration: Option<u32>,
    /// Who the module is for, e.g. `[donors, staff, students]` (modules only).
    #[serde(default)]
    pub audience: Vec<String>,
    /// In a translation: digest of the source file it was made from (`donorbook l10n stamp` writes it).
    #[serde(default)]
    pub source_hash: Option<String>,
    /// A template name to use instead of the default for the kind of page.
    #[serde(default)]
    pub template: Option<String>,
    /// Free-form values handed to templates as `page.extra`.
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A Markdown file split into its parts. Offsets let later stages report positions in the file.
#[derive(Clone, Debug)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// Lines in the file before the YAML's first line.
    pub yaml_line_offset: usize,
    /// Lines in the file before the body's first line.
    pub body_line_offset: usize,
}

/// Splits `text` (already LF-normalized, BOM removed) into front matter and body.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(Diagnostic::error(path, 1, 1, "expected front matter: a `---` line, YAML with at least `title:`, and a closing `---`")
            .with_hint("start the file with:\n---\ntitle: Your title\n---"));
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_end_matches('\n').trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok(Split { yaml, body, yaml_line_offset: 1, body_line_offset: i + 2 });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, 1, 1, "the front matter is never closed: expected a second `---` line"))
}

/// Parses the YAML part of a split file.
pub fn parse(split: &Split<'_>, path: &Path) -> Result<FrontMatter, Diagnostic> {
    let origin = yaml::Origin { line_offset: split.yaml_line_offset, col_offset: 0 };
    if split.yaml.trim().is_empty() {
        return Err(Diagnostic::error(path, 2, 1, "missing field `title` in the front matter"));
    }
    let fm: FrontMatter = yaml::parse(split.yaml, path, origin)?;
    let texts = std::iter::once(("title", &fm.title)).chain(fm.summary.iter().map(|s| ("summary", s))).chain(fm.objectives.iter().map(|o| ("objectives", o)));
    for (key, value) in texts {
        if let Some(ch) = value.chars().find(|c| c.is_control() && *c != '\n' && *c != '\t') {
            let line = split.yaml.lines().position(|l| l.starts_with(key)).unwrap_or(0) + 1 + split.yaml_line_offset;
            return Err(Diagnostic::error(path, line, 1, format!("`{key}` contains the control character U+{:04X}, which cannot appear in a page", ch as u32)));
        }
    }
    if fm.title.trim().is_empty() {
        let line = split.yaml.lines().position(|l| l.starts_with("title")).unwrap_or(0) + 1 + split.yaml_line_offset;
        return Err(Diagnostic::error(path, line, 1, "`title` is empty"));
    }
    Ok(fm)
}

/// Warnings about YAML that is valid but says something else than the author meant: an item of
/// `objectives` (or `audience`) whose next line starts with `- ` one indent too deep. YAML folds
/// that line into the item above, so two objectives silently become one.
pub fn lint(split: &Split<'_>, fm: &FrontMatter, path: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut list: Option<(&str, &[String])> = None;
    let mut item_indent: Option<usize> = None;
    for (i, line) in split.yaml.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let text = line.trim();
        if indent == 0 && !text.is_empty() {
            let key = text.strip_suffix(':').filter(|k| !k.contains([' ', ':']));
            list = match key {
                Some("objectives") => Some(("objectives", &fm.objectives)),
                Some("audience") => Some(("audience", &fm.audience)),
                _ => None,
            };
            item_indent = None;
            continue;
        }
        let (Some((key, items)), Some(rest)) = (list, text.strip_prefix("- ")) else { continue };
        match item_indent {
            None => item_indent = Some(indent),
            Some(first) if indent > first => {
                let merged = format!(" - {}", rest.trim());
                if let Some(item) = items.iter().find(|it| it.contains(&merged)) {
                    let line_no = i + 1 + split.yaml_line_offset;
                    out.push(
                        Diagnostic::warning(path, line_no, indent + 1, format!("this `- ` is part of the `{key}` item above it, which reads \"{item}\""))
                            .with_hint(format!("to make it an item of its own, put `- ` under the other items ({first} spaces from the left)")),
                    );
                }
            }
            Some(_) => {}
        }
    }
    out
}

/// Reads a text file as UTF-8, dropping a BOM and turning CRLF into LF (line numbers are kept).
pub fn read_text(abs: &Path, display: &Path) -> Result<String, Diagnostic> {
    decode_text(read_source_bytes(abs, display)?, display)
}

/// Reads a source file, refusing one larger than `limits.max_source_mb` before reading it:
/// rendering costs up to a few hundred times a file's size in memory.
pub fn read_source_bytes(abs: &Path, display: &Path) -> Result<Vec<u8>, Diagnostic> {
    let cannot = |e: std::io::Error| Diagnostic::error(display, 0, 0, format!("cannot read the file: {e}"));
    let limit = crate::config::Limits::max_source_bytes();
    let size = std::fs::metadata(abs).map_err(cannot)?.len();
    if size > limit {
        return Err(too_large(display, size, limit));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow between the two calls: never read more than the limit.
    std::io::Read::read_to_end(&mut std::io::Read::take(std::fs::File::open(abs).map_err(cannot)?, limit + 1), &mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(display, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_large(display: &Path, size: u64, limit: u64) -> Diagnostic {
    let mb = |b: u64| format!("{:.1} MB", b as f64 / (1 << 20) as f64);
    Diagnostic::error(display, 0, 0, format!("the file is {}, more than the {} a source file may have; it was not read", mb(size), mb(limit)))
        .with_hint(format!("split it into smaller files, or raise the limit in site.yaml: `limits: {{ max_source_mb: {} }}`", size.div_ceil(1 << 20).max(1)))
}

/// [`read_text`] for bytes already read.
pub fn decode_text(bytes: Vec<u8>, display: &Path) -> Result<String, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes());
        let (l, c) = crate::diagnostics::line_col(&lossy, valid);
        Diagnostic::error(display, l, c, "the file is not valid UTF-8").with_hint("save the file with UTF-8 encoding")
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    if let Some(pos) = text.find('\0') {
        let (l, c) = crate::diagnostics::line_col(&text, pos);
        return Err(Diagnostic::error(display, l, c, "the file contains a NUL byte; is it a binary file?"));
    }
    // Other control characters are invalid in HTML and invisible in editors.
    if !has_suspicious_bytes(text.as_bytes()) {
        return Ok(text);
    }
    if let Some((pos, ch)) = text.char_indices().find(|&(_, c)| (c.is_control() && !matches!(c, '\n' | '\t')) || c == '\u{feff}') {
        let (l, c) = crate::diagnostics::line_col(&text, pos);
        return Err(Diagnostic::error(display, l, c, format!("the file contains the invisible control character U+{:04X}", ch as u32))
            .with_hint("delete it; it is often pasted in from another program"));
    }
    Ok(text)
}

/// Whether valid UTF-8 `bytes` may hold a control character other than newline and tab, or a
/// stray BOM: C0 controls and DEL are single bytes; C1 controls are `C2 80`–`C2 9F`; U+FEFF is
/// `EF BB BF`. One pass over the bytes: the common lead bytes `C2` (Latin-1 letters, NBSP) and
/// `EF` (full-width punctuation in Chinese text) no longer send every such file to the slow,
/// exact check.
fn has_suspicious_bytes(bytes: &[u8]) -> bool {
    let candidate = |b: &u8| (*b < 0x20 && *b != b'\n' && *b != b'\t') || *b == 0x7f || *b == 0xc2 || *b == 0xef;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(candidate) {
        i += off;
        let next = |k: usize| bytes.get(i + k).copied();
        let found = match bytes[i] {
            0xc2 => next(1).is_some_and(|n| (0x80..0xa0).contains(&n)),
            0xef => next(1) == Some(0xbb) && next(2) == Some(0xbf),
            _ => true,
        };
        if found {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let t = "---\ntitle: A\nweight: 2\n---\n# Body\n";
        let s = split(t, Path::new("a.md")).unwrap();
        assert_eq!(s.yaml, "title: A\nweight: 2\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line_offset, 4);
        let fm = parse(&s, Path::new("a.md")).unwrap();
        assert_eq!(fm.weight, Some(2));
    }

    #[test]
    fn error_lines_are_file_lines() {
        let t = "---\ntitle: A\nweight: heavy\n---\n";
        let s = split(t, Path::new("a.md")).unwrap();
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.col, 9);
    }

    #[test]
    fn suspicious_bytes_match_the_exact_check() {
        let exact = |t: &str| t.chars().any(|c| (c.is_control() && !matches!(c, '\n' | '\t')) || c == '\u{feff}');
        for t in [
            "plain\ttext\n",
            "é à ß",
            "non\u{a0}breaking",
            "全形，標點。",
            "\u{ff0c}\u{feff}",
            "c1 \u{85} here",
            "\u{9f}",
            "\u{a0}\u{bf}",
            "esc \u{1b}",
            "del \u{7f}",
            "\u{fefe}\u{ffff}",
            "\u{80}",
            "ok\u{2028}",
            "﻿bom",
        ] {
            assert_eq!(has_suspicious_bytes(t.as_bytes()), exact(t), "{t:?}");
        }
    }

    #[test]
    fn a_list_item_folded_into_the_one_above_is_reported_at_its_line() {
        let t = "---\ntitle: A\nobjectives:\n  - Know who can give\n    - Know how often\n  - Know why\n---\n";
        let s = split(t, Path::new("m.md")).unwrap();
        let fm = parse(&s, Path::new("m.md")).unwrap();
        assert_eq!(fm.objectives, ["Know who can give - Know how often", "Know why"]);
        let w = lint(&s, &fm, Path::new("m.md"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].line, w[0].col), (5, 5));
        assert!(w[0].message.contains("Know who can give - Know how often"), "{}", w[0].message);
        // Well indented lists, a dash inside an item, and folded text without a dash: no warning.
        for ok in [
            "---\ntitle: A\nobjectives:\n  - Know who can give\n  - Know how often\n---\n",
            "---\ntitle: A\nobjectives:\n- A - B\n- C\n---\n",
            "---\ntitle: A\nobjectives:\n  - Know who can give\n    and how often\n---\n",
        ] {
            let s = split(ok, Path::new("m.md")).unwrap();
            let fm = parse(&s, Path::new("m.md")).unwrap();
            assert!(lint(&s, &fm, Path::new("m.md")).is_empty(), "{ok}");
        }
    }

    #[test]
    fn missing_front_matter() {
        assert!(split("# hi", Path::new("a.md")).is_err());
        assert!(split("---\ntitle: x\n", Path::new("a.md")).is_err());
    }
}
