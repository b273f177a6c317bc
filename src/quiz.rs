//! Knowledge checks: a fenced `quiz` block of YAML, rendered as an accessible form.

use crate::diagnostics::Diagnostic;
use crate::yaml;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A knowledge check: the YAML inside a ```` ```quiz ```` fence.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// The question, shown as the form's legend.
    pub question: String,
    /// `true`: several choices may be correct (checkboxes instead of radio buttons).
    #[serde(default)]
    pub multiple: bool,
    /// At least two choices, at least one marked `correct: true`.
    pub choices: Vec<Choice>,
    /// Shown after the reader answers, and in the answer key.
    #[serde(default)]
    pub explanation: Option<String>,
}

/// One answer of a knowledge check.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The answer's text.
    pub text: String,
    /// `true` for a right answer.
    #[serde(default)]
    pub correct: bool,
    /// Shown when the reader picks this choice.
    #[serde(default)]
    pub feedback: Option<String>,
}

/// A quiz whose closing ``` is missing runs on into the text below it, and the YAML error
/// lands on some later paragraph. When the YAML has a blank line followed by text that is not a
/// quiz key, the real problem is the fence: say so at the opening line.
fn unclosed_fence(yaml_text: &str, fence_line: usize, d: Diagnostic) -> Diagnostic {
    const KEYS: [&str; 4] = ["question:", "multiple:", "choices:", "explanation:"];
    let mut after_blank = false;
    for line in yaml_text.lines() {
        if line.trim().is_empty() {
            after_blank = true;
        } else if after_blank && !line.starts_with([' ', '-', '#', '\t']) && !KEYS.iter().any(|k| line.starts_with(k)) {
            let mut fence = Diagnostic::error(&d.path, fence_line, 1, "this quiz block is not closed: it runs on into the text below it").with_hint(format!(
                "end the quiz with a line of three backticks (```) after its last line; the YAML error was at line {}: {}",
                d.line, d.message
            ));
            fence.severity = d.severity;
            return fence;
        }
    }
    d
}

/// Parses and validates a quiz. `fence_line` is the file line of the opening fence.
pub fn parse(yaml_text: &str, path: &Path, fence_line: usize) -> Result<Quiz, Diagnostic> {
    let origin = yaml::Origin { line_offset: fence_line, col_offset: 0 };
    let quiz: Quiz = yaml::parse(yaml_text, path, origin).map_err(|d| unclosed_fence(yaml_text, fence_line, d))?;
    let line_of = |needle: &str| yaml_text.lines().position(|l| l.trim_start().starts_with(needle)).map_or(fence_line, |i| fence_line + i + 1);
    if quiz.choices.len() < 2 {
        return Err(Diagnostic::error(path, line_of("choices"), 1, "a quiz needs at least two choices"));
    }
    let correct = quiz.choices.iter().filter(|c| c.correct).count();
    if correct == 0 {
        return Err(Diagnostic::error(path, line_of("choices"), 1, "this quiz has no correct choice").with_hint("mark the right answer with `correct: true`"));
    }
    if correct > 1 && !quiz.multiple {
        return Err(Diagnostic::error(path, line_of("choices"), 1, format!("{correct} choices are correct but `multiple` is not true"))
            .with_hint("add `multiple: true` so readers can select several answers"));
    }
    if quiz.question.trim().is_empty() {
        return Err(Diagnostic::error(path, line_of("question"), 1, "the quiz question is empty"));
    }
    Ok(quiz)
}

#[cfg(test)]
mod fence_tests {
    use super::*;

    #[test]
    fn an_unclosed_fence_is_reported_at_the_fence() {
        let yaml = "question: Q?\nchoices:\n  - text: A\n    correct: true\n  - text: B\n\nSome paragraph: that follows\nand more\n";
        let d = parse(yaml, Path::new("a.md"), 12).unwrap_err();
        assert_eq!((d.line, d.col), (12, 1));
        assert!(d.message.contains("not closed"), "{}", d.message);
        assert!(d.hint.unwrap().contains("line 19"));
    }

    #[test]
    fn other_errors_stay_where_they_are() {
        let d = parse("question: Q?\nchoices:\n  - text: A\n    corect: true\n", Path::new("a.md"), 12).unwrap_err();
        assert_eq!(d.line, 16);
        assert!(d.message.contains("unknown field `corect`"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_correct_choice_is_an_error_at_its_line() {
        let y = "question: Who?\nchoices:\n  - text: A\n  - text: B\n";
        let e = parse(y, Path::new("l.md"), 10).unwrap_err();
        assert!(e.message.contains("no correct choice"));
        assert_eq!(e.line, 12);
    }

    #[test]
    fn bad_yaml_points_into_the_file() {
        let y = "question: Who?\nchoices:\n  - text: A\n    corect: true\n";
        let e = parse(y, Path::new("l.md"), 5).unwrap_err();
        assert_eq!(e.line, 9, "{e}");
        assert_eq!(e.hint.as_deref(), Some("did you mean `correct`?"));
    }

    #[test]
    fn several_correct_need_multiple() {
        let y = "question: Q\nchoices:\n  - text: A\n    correct: true\n  - text: B\n    correct: true\n";
        assert!(parse(y, Path::new("l.md"), 1).is_err());
        let y2 = format!("multiple: true\n{y}");
        assert!(parse(&y2, Path::new("l.md"), 1).is_ok());
    }
}
