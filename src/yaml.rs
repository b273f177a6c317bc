//! YAML parsing for site.yaml, front matter, glossaries and quizzes.
//!
//! serde_yaml is unmaintained; we use serde-saphyr: pure Rust, no `unsafe`, and with budgets
//! that stop alias bombs and absurd nesting before they eat the machine. Every error becomes a
//! [`Diagnostic`] pointing at the line and column in the *file*, not in the YAML snippet.

use crate::diagnostics::{Diagnostic, did_you_mean};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Where a YAML snippet sits inside its file, so error positions can be reported in file terms.
#[derive(Clone, Copy, Debug, Default)]
pub struct Origin {
    /// Number of lines in the file before the snippet's first line.
    pub line_offset: usize,
    /// Columns before the snippet's text on each line (indented code blocks).
    pub col_offset: usize,
}

/// Parses `text` as YAML into `T`, reporting errors in terms of `path` and `origin`.
pub fn parse<T: DeserializeOwned>(text: &str, path: &Path, origin: Origin) -> Result<T, Diagnostic> {
    let mut options = serde_saphyr::options::Options::default();
    options.with_snippet = false;
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        let raw = e.to_string();
        let message = clean_message(&raw);
        let mut d = Diagnostic::error(path, line.max(1) + origin.line_offset, col.max(1) + origin.col_offset, message.clone());
        if let Some(hint) = unknown_field_hint(&message) {
            d = d.with_hint(hint);
        }
        d
    })
}

/// Drops the library's own position text; ours is in the diagnostic prefix.
fn clean_message(raw: &str) -> String {
    let mut m = raw.lines().next().unwrap_or(raw).trim().to_string();
    if let Some(rest) = m.strip_prefix("error: ") {
        m = rest.to_string();
    }
    if m.starts_with("line ") {
        if let Some(i) = m.find(": ") {
            m = m[i + 2..].to_string();
        }
    }
    if let Some(i) = m.rfind(" at line ") {
        m.truncate(i);
    }
    if m.contains("budget breached") {
        m = format!(
            "the YAML is too large or too deeply aliased to be read safely ({m}); \
             is there an alias bomb or a runaway anchor?"
        );
    }
    m
}

/// "unknown field `objectivs`, expected one of title, objectives" → "did you mean `objectives`?"
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let end = rest.find('`')?;
    let field = &rest[..end];
    let expected = rest.split("expected one of ").nth(1).or_else(|| rest.split("expected ").nth(1))?;
    let candidates: Vec<&str> = expected.split(',').map(|s| s.trim().trim_matches('`')).filter(|s| !s.is_empty()).collect();
    match did_you_mean(field, candidates.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`?")),
        None => Some(format!("known keys: {}", candidates.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Fm {
        title: String,
        objectives: Option<Vec<String>>,
    }

    #[test]
    fn unknown_key_has_position_and_hint() {
        let e = parse::<Fm>("title: x\nobjectivs: [a]\n", Path::new("a.md"), Origin { line_offset: 1, col_offset: 0 }).unwrap_err();
        assert_eq!((e.line, e.col), (3, 1));
        assert!(e.message.contains("unknown field `objectivs`"), "{}", e.message);
        assert_eq!(e.hint.as_deref(), Some("did you mean `objectives`?"));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut y = String::from("title: x\nobjectives:\n  - &a \"lol\"\n");
        let mut bomb = String::from("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for i in 1..10 {
            let p = i - 1;
            bomb.push_str(&format!("a{i}: &a{i} [*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p}]\n"));
        }
        y.push_str("");
        let r = parse::<serde_json::Value>(&bomb, Path::new("b.yaml"), Origin::default());
        assert!(r.is_err());
    }
}
