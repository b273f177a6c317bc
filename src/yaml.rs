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
        let (message, hint) = explain(&clean_message(&raw), text, line.max(1));
        let mut d = Diagnostic::error(path, line.max(1) + origin.line_offset, col.max(1) + origin.col_offset, message);
        if let Some(hint) = hint {
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

/// The parser's message in the author's terms, with a hint. `line` is 1-based in `text`.
fn explain(message: &str, text: &str, line: usize) -> (String, Option<String>) {
    let src = text.lines().nth(line - 1).unwrap_or("");
    let (key, value) = match src.split_once(':') {
        Some((k, v)) => (k.trim().trim_start_matches("- ").trim(), v.trim()),
        None => ("", src.trim()),
    };
    if message.starts_with("unknown field `") {
        return (message.to_string(), unknown_field_hint(message));
    }
    if message.contains("mapping values are not allowed") {
        let quoted = format!("{key}: \"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
        return (
            format!("`{key}` has a value with `: ` in it, which YAML reads as the start of another key"),
            Some(format!("put the value in quotes: `{quoted}`")),
        );
    }
    if let Some(kind) = message.strip_prefix("invalid ").filter(|k| ["u8", "u16", "u32", "u64", "i32", "i64", "usize"].contains(k)) {
        let what = if kind.starts_with('u') { "a whole number (0 or more)" } else { "a whole number" };
        let example = if key == "duration" { "`duration: 10` (minutes)".to_string() } else { format!("`{key}: 10`") };
        return (format!("`{key}` must be {what}, not `{value}`"), Some(format!("write it as digits, e.g. {example}")));
    }
    if message.starts_with("duplicate mapping key") {
        let dup = message.trim_start_matches("duplicate mapping key: ").split(',').next().unwrap_or(key).trim();
        let first = text.lines().position(|l| l.split_once(':').is_some_and(|(k, _)| k.trim() == dup)).map(|i| i + 1);
        let at = first.filter(|&f| f != line).map(|f| format!(" (first on line {f} of this block)")).unwrap_or_default();
        return (format!("`{dup}` is given twice{at}"), Some("each key may appear once: remove or rename one of them".to_string()));
    }
    if message.contains("did not find expected key") || message.contains("invalid indentation") || message.contains("simple key") {
        return (
            format!("the indentation does not line up here ({message})"),
            Some("the keys of one item start in the same column; list items start with `- ` and their keys line up under the text after `- `".into()),
        );
    }
    let unclosed = [('[', ']', "list"), ('{', '}', "map")].into_iter().find(|(o, c, _)| value.starts_with(*o) && !value.contains(*c));
    if let Some((open, close, what)) = unclosed.filter(|_| !key.is_empty()) {
        return (
            format!("`{key}` opens a `{open}` {what} that is never closed"),
            Some(format!("close it with `{close}` on the same line, or put the value in quotes if the `{open}` is meant as text")),
        );
    }
    if message.starts_with("expected string scalar") || message.starts_with("invalid type") {
        return (
            format!("this value has the wrong shape ({message})"),
            Some("a key that takes text or a number cannot have indented lines under it: is the line indented too far, or should the text be quoted?".into()),
        );
    }
    (message.to_string(), None)
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

#[cfg(test)]
mod hint_tests {
    use super::*;
    use crate::frontmatter::FrontMatter;
    use crate::quiz::Quiz;

    fn fm(text: &str) -> Diagnostic {
        parse::<FrontMatter>(text, Path::new("a.md"), Origin { line_offset: 1, col_offset: 0 }).unwrap_err()
    }

    #[test]
    fn unquoted_colon_suggests_quotes() {
        let d = fm("title: Blood: the basics\n");
        assert_eq!(d.line, 2);
        assert!(d.message.contains("`title`") && d.message.contains("`: `"), "{}", d.message);
        assert_eq!(d.hint.as_deref(), Some("put the value in quotes: `title: \"Blood: the basics\"`"));
    }

    #[test]
    fn a_word_for_a_number_names_the_key() {
        let d = fm("title: x\nduration: ten\n");
        assert_eq!((d.line, d.message.as_str()), (3, "`duration` must be a whole number (0 or more), not `ten`"));
        assert!(d.hint.unwrap().contains("`duration: 10` (minutes)"));
    }

    #[test]
    fn nested_under_a_scalar_key_explains_the_shape() {
        let d = fm("title: x\nduration:\n  minutes: 10\n");
        assert_eq!(d.line, 4);
        assert!(d.hint.unwrap().contains("indented too far"));
    }

    #[test]
    fn duplicate_key_gives_no_library_advice() {
        let d = fm("title: x\nsummary: s\ntitle: y\n");
        assert!(!d.message.contains("DuplicateKeyPolicy"), "{}", d.message);
        assert_eq!(d.message, "`title` is given twice (first on line 1 of this block)");
        assert_eq!(d.line, 4);
    }

    #[test]
    fn misindented_quiz_choice_points_at_the_line() {
        let d = parse::<Quiz>("question: Q?\nchoices:\n  - text: A\n correct: true\n  - text: B\n", Path::new("a.md"), Origin::default()).unwrap_err();
        assert_eq!(d.line, 4);
        assert!(d.message.starts_with("the indentation does not line up"), "{}", d.message);
        assert!(d.hint.unwrap().contains("`- `"));
    }
}
