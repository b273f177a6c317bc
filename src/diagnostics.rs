//! Errors and warnings about the user's site, each tied to a place in a file.
//!
//! Every stage pushes into one [`Diagnostics`] collector instead of returning early, so a build
//! reports all of its problems at once.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem at a place in a source file. Lines and columns are 1-based; 0 means "the whole file".
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl AsRef<Path>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, path: display_path(path.as_ref()), line, col, message: message.into(), hint: None }
    }

    pub fn warning(path: impl AsRef<Path>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, line, col, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic with the offending source line and a caret under the column.
    /// Control characters from the source are shown escaped, never sent to the terminal.
    pub fn render(&self, root: &Path, color: bool) -> String {
        let mut out = self.to_string();
        if self.line > 0 {
            if let Some(raw_line) = read_line(&root.join(&self.path), self.line) {
                let num = self.line.to_string();
                let pad = " ".repeat(num.len());
                let before: String = raw_line.chars().take(self.col.saturating_sub(1)).collect();
                let caret_pad: String = escape_controls(&before).chars().map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                let src_line = escape_controls(&raw_line);
                let (blue, red, reset) = if color { ("\x1b[34m", "\x1b[31m", "\x1b[0m") } else { ("", "", "") };
                out.push_str(&format!("\n{blue}{pad} |{reset}\n{blue}{num} |{reset} {src_line}\n{blue}{pad} |{reset} {caret_pad}{red}^{reset}"));
            }
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n  = help: {}", escape_message(hint)));
        }
        out
    }
}

/// Text from a site, safe to print on a terminal: control characters (ESC, NUL, BEL, CR, line
/// breaks inside a name…) and the bidirectional overrides become `\u{1b}`-style escapes. Tabs stay.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    escape_except(text, &['\t'])
}

/// [`escape_controls`] for messages, which may span lines (template errors quote the template).
fn escape_message(text: &str) -> std::borrow::Cow<'_, str> {
    escape_except(text, &['\t', '\n'])
}

fn escape_except<'a>(text: &'a str, keep: &[char]) -> std::borrow::Cow<'a, str> {
    let unsafe_char = |c: char| (c.is_control() && !keep.contains(&c)) || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let (path, message) = (escape_controls(&self.path), escape_message(&self.message));
        match (self.line, self.col) {
            (0, _) => write!(f, "{path}: {kind}: {message}"),
            (l, 0) => write!(f, "{path}:{l}: {kind}: {message}"),
            (l, c) => write!(f, "{path}:{l}:{c}: {kind}: {message}"),
        }
    }
}

/// Line `line` of a file, for the excerpt under a diagnostic.
///
/// The last file read is kept with its line index (diagnostics come sorted by file): a page
/// with 50,000 problems is read once, not once per problem.
fn read_line(path: &Path, line: usize) -> Option<String> {
    use std::cell::RefCell;
    type Cached = (PathBuf, (Option<std::time::SystemTime>, u64), LineIndex<'static>);
    thread_local!(static LAST: RefCell<Option<Cached>> = const { RefCell::new(None) });
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > 64 * 1024 * 1024 {
        return None;
    }
    let stamp = (meta.modified().ok(), meta.len());
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if !last.as_ref().is_some_and(|(p, s, _)| p == path && *s == stamp) {
            *last = None;
            let text = String::from_utf8_lossy(&std::fs::read(path).ok()?).into_owned();
            let index = LineIndex::new(text.into());
            *last = Some((path.to_path_buf(), stamp, index));
        }
        let (_, _, index) = last.as_ref()?;
        // Long lines (minified or generated files) are cut so the report stays readable.
        index.line(line).map(|l| l.chars().take(200).collect())
    })
}

/// Site-relative display form of a path: forward slashes on every platform.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A thread-safe collector: rendering runs in parallel and every worker reports here.
#[derive(Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&self, d: Diagnostic) {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).push(d);
    }

    pub fn extend(&self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).iter().any(Diagnostic::is_error)
    }

    /// All diagnostics in a stable order (file, line, column), duplicates removed.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut v = self.items.into_inner().unwrap_or_else(|e| e.into_inner());
        v.sort_by(|a, b| (&a.path, a.line, a.col, a.severity, &a.message).cmp(&(&b.path, b.line, b.col, b.severity, &b.message)));
        v.dedup();
        v
    }
}

/// One line at the end of a report: "2 errors, 5 warnings in 3 files".
/// Prints diagnostics to standard error, the one place every command does it: each with its
/// source excerpt (coloured on a terminal unless `NO_COLOR`), then the summary line.
/// `errors_only` (`--quiet`) leaves out warnings and the summary.
pub fn print(root: &Path, diags: &[Diagnostic], errors_only: bool) {
    use std::io::IsTerminal;
    let shown: Vec<&Diagnostic> = diags.iter().filter(|d| !errors_only || d.is_error()).collect();
    if shown.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in &shown {
        eprintln!("{}\n", d.render(root, color));
    }
    if !errors_only {
        eprintln!("{}", summary_line(diags));
    }
}

pub fn summary_line(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let mut files: Vec<&str> = diags.iter().map(|d| d.path.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
    format!("{}, {} in {}", plural(errors, "error"), plural(warnings, "warning"), plural(files.len(), "file"))
}

/// Translates a byte offset in `text` into a 1-based (line, column), counting columns in characters.
///
/// Scans `text` up to `offset`: for many positions in one text, use a [`LineIndex`].
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut off = offset;
    while !text.is_char_boundary(off) {
        off -= 1;
    }
    let before = &text[..off];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Line starts of a text, so that each of many positions costs a binary search and a scan of
/// its own line instead of a scan from the start of the text (quadratic on pages with
/// thousands of diagnostics, links or shortcodes). Built on first use, 4 bytes a line: most
/// pages never ask for a position.
pub struct LineIndex<'a> {
    text: Cow<'a, str>,
    starts: std::cell::OnceCell<Vec<u32>>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: Cow<'a, str>) -> Self {
        LineIndex { text, starts: std::cell::OnceCell::new() }
    }

    fn starts(&self) -> &[u32] {
        // Offsets fit in u32: no source file comes near 4 GB (see `limits.max_source_bytes`).
        self.starts.get_or_init(|| std::iter::once(0).chain(line_breaks(self.text.as_bytes())).map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect())
    }

    /// Same as [`line_col`] on the indexed text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut off = offset.min(self.text.len());
        while !self.text.is_char_boundary(off) {
            off -= 1;
        }
        let starts = self.starts();
        let line = starts.partition_point(|&s| s as usize <= off);
        let col = self.text[starts[line - 1] as usize..off].chars().count() + 1;
        (line, col)
    }

    /// The text of 1-based line `line`, without its line break (`None` past the end).
    pub fn line(&self, line: usize) -> Option<&str> {
        let starts = self.starts();
        let start = *starts.get(line.checked_sub(1)?)? as usize;
        let end = starts.get(line).map_or(self.text.len(), |&e| e as usize - 1);
        let l = &self.text[start..end];
        Some(l.strip_suffix('\r').unwrap_or(l))
    }
}

/// Offsets just after each line break.
fn line_breaks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1)
}

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A path relative to `root` when it is inside it, for messages.
pub fn rel_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\nцусны x";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        let x = t.find('x').unwrap();
        assert_eq!(line_col(t, x), (2, 7));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let t = "ab\r\nцусны x\n\n\u{e9}z\n";
        let index = LineIndex::new(t.into());
        for off in 0..=t.len() + 2 {
            assert_eq!(index.line_col(off), line_col(t, off), "offset {off}");
        }
        let lines: Vec<&str> = t.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            assert_eq!(index.line(i + 1), Some(*l));
        }
        assert_eq!(index.line(0), None);
    }

    #[test]
    fn suggests_close_names() {
        assert_eq!(did_you_mean("objectivs", ["title", "objectives", "summary"]), Some("objectives"));
        assert_eq!(did_you_mean("zzzzzz", ["title", "objectives"]), None);
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_controls("plain\tتاب"), "plain\tتاب");
        assert_eq!(escape_controls("a\u{1b}]0;owned\u{7}b\0\r\u{202e}"), "a\\u{1b}]0;owned\\u{7}b\\u{0}\\u{d}\\u{202e}");
        let d = Diagnostic::error("content/a\nb.md", 2, 3, "bad \u{1b}[2J");
        assert_eq!(d.to_string(), "content/a\\u{a}b.md:2:3: error: bad \\u{1b}[2J");
    }

    #[test]
    fn summary_counts() {
        let d = vec![Diagnostic::error("a.md", 1, 1, "x"), Diagnostic::warning("b.md", 1, 1, "y"), Diagnostic::warning("b.md", 2, 1, "z")];
        assert_eq!(summary_line(&d), "1 error, 2 warnings in 2 files");
    }
}
