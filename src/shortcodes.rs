//! Shortcodes: `{{ name(k="v") }}` inline and `{% name(k="v") %}…{% end %}` blocks.
//!
//! They are cut out of the Markdown source before parsing and replaced by placeholders, so the
//! Markdown parser never sees them; the renderer puts their output back afterwards. Code spans
//! and code blocks are found with a first pulldown-cmark pass and left alone. An offset map
//! translates positions in the rewritten text back to the original, so errors name the
//! author's line and column.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;

/// Marks a placeholder: `\u{E000}<tag><index>\u{E001}`. Private-use characters never appear in
/// the Markdown syntax, so the parser passes them through as text.
///
/// The tag is derived from a digest of the source ([`Extracted::tag`]), so the author cannot
/// write a placeholder: neither with the characters themselves (icon fonts use the private-use
/// area) nor with `&#xE000;` references that the Markdown parser or the sanitizer decode.
pub const OPEN: char = '\u{E000}';
pub const CLOSE: char = '\u{E001}';

/// A shortcode argument value.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Arg {
    Str(String),
    Num(f64),
    Bool(bool),
}

impl Arg {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Arg::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// One shortcode call found in the source.
#[derive(Clone, Debug)]
pub struct Call {
    pub name: String,
    pub args: BTreeMap<String, Arg>,
    /// Byte offset of the call in the original text (for messages).
    pub offset: usize,
    /// Block body (Markdown) and its byte offset in the original text.
    pub body: Option<(String, usize)>,
}

/// A syntax error at a byte offset of the original text.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// The source with shortcodes replaced by placeholders.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub text: String,
    pub calls: Vec<Call>,
    /// Tag of this text's placeholders: 16 hex digits of a 64-bit hash of the source, which
    /// the source (short of a deliberate 2^64 search) cannot contain.
    pub tag: String,
    /// (offset in new text, offset in original, length in new, length in original) per replacement.
    map: Vec<(usize, usize, usize, usize)>,
}

impl Extracted {
    /// The placeholder for call (or generated block) `n`.
    pub fn placeholder(&self, n: usize) -> String {
        format!("{OPEN}{}{n}{CLOSE}", self.tag)
    }

    /// [`pieces`] with this text's tag. A text without a tag has no placeholders: all of it is
    /// text, whatever private-use characters it holds.
    pub fn pieces<'a>(&self, text: &'a str) -> Vec<Piece<'a>> {
        if self.tag.is_empty() {
            return if text.is_empty() { Vec::new() } else { vec![Piece::Text(text)] };
        }
        pieces(text, &self.tag)
    }

    /// Maps a byte offset in the rewritten text back to the original text.
    ///
    /// A binary search over the replacements (sorted, non-overlapping): pages with 40,000
    /// shortcodes ask this for every link, image and heading.
    pub fn original_offset(&self, new: usize) -> usize {
        let Some(&(n, o, nl, ol)) = self.map[..self.map.partition_point(|&(n, ..)| n <= new)].last() else { return new };
        if new < n + nl {
            return o;
        }
        (new as isize + (o + ol) as isize - (n + nl) as isize).max(0) as usize
    }
}

/// Byte ranges of inline code and code blocks, where shortcodes are not expanded.
fn code_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES);
    let mut block_start = None;
    for (ev, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match ev {
            Event::Code(_) => ranges.push((range.start, range.end)),
            Event::Start(Tag::CodeBlock(_)) => block_start = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(s) = block_start.take() {
                    ranges.push((s, range.end));
                }
            }
            _ => {}
        }
    }
    ranges.sort_unstable();
    ranges
}

/// The placeholder tag of a text. SipHash with fixed keys: deterministic, and about ten times
/// cheaper than SHA-256 on machines without SHA instructions; it is never written anywhere.
fn placeholder_tag(text: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// Finds every shortcode in `text` (outside code) and replaces it by a placeholder.
pub fn extract(text: &str) -> Result<Extracted, Vec<SyntaxError>> {
    if !text.contains("{{") && !text.contains("{%") {
        // No shortcode: placeholders are only made for quizzes (fenced `quiz` blocks, whose
        // info string may also be spelled with character references such as `&#113;uiz`), so
        // without one there is nothing to tag and nothing to hash.
        let tag = if text.contains("quiz") || text.contains("&#") { placeholder_tag(text) } else { String::new() };
        return Ok(Extracted { text: text.to_string(), tag, ..Extracted::default() });
    }
    let tag = placeholder_tag(text);
    let code = code_ranges(text);
    // Code ranges come in document order and do not overlap: a binary search per `{`.
    let in_code = |pos: usize| code[..code.partition_point(|&(s, _)| s <= pos)].last().is_some_and(|&(_, e)| pos < e);
    let mut out = Extracted { tag, ..Extracted::default() };
    let mut errors = Vec::new();
    let mut last = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i + 1 < bytes.len() {
        if bytes[i] != b'{' || (bytes[i + 1] != b'{' && bytes[i + 1] != b'%') || in_code(i) {
            i += 1;
            continue;
        }
        let block = bytes[i + 1] == b'%';
        let head = match parse_head(text, i, block) {
            Ok(Some(h)) => h,
            Ok(None) => {
                i += 2;
                continue;
            }
            Err(e) => {
                errors.push(e);
                i += 2;
                continue;
            }
        };
        if head.name == "end" && block {
            errors.push(SyntaxError { offset: i, message: "`{% end %}` without an opening block shortcode".into() });
            i = head.end;
            continue;
        }
        let (end, body) = if block {
            match find_block_end(text, head.end, &in_code) {
                Some((body_end, end)) => (end, Some((text[head.end..body_end].to_string(), head.end))),
                None => {
                    errors.push(SyntaxError { offset: i, message: format!("block shortcode `{}` is never closed: expected `{{% end %}}`", head.name) });
                    i = head.end;
                    continue;
                }
            }
        } else {
            (head.end, None)
        };
        out.text.push_str(&text[last..i]);
        let placeholder = out.placeholder(out.calls.len());
        out.map.push((out.text.len(), i, placeholder.len(), end - i));
        out.text.push_str(&placeholder);
        out.calls.push(Call { name: head.name, args: head.args, offset: i, body });
        last = end;
        i = end;
    }
    out.text.push_str(&text[last..]);
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

struct Head {
    name: String,
    args: BTreeMap<String, Arg>,
    /// Offset just after the closing `}}` / `%}`.
    end: usize,
}

/// Parses `{{ name(args) }}` at `start`. `Ok(None)` when it does not look like a shortcode at
/// all (prose such as `{{ }}`), an error when it does but is malformed.
fn parse_head(text: &str, start: usize, block: bool) -> Result<Option<Head>, SyntaxError> {
    let close = if block { "%}" } else { "}}" };
    let mut p = Cursor { text, pos: start + 2 };
    p.skip_ws();
    let name = p.ident();
    if name.is_empty() {
        return Ok(None);
    }
    p.skip_ws();
    if block && name == "end" && p.rest().starts_with(close) {
        return Ok(Some(Head { name, args: BTreeMap::new(), end: p.pos + 2 }));
    }
    if !p.rest().starts_with('(') {
        return Ok(None);
    }
    let err = |pos: usize, m: String| SyntaxError { offset: pos, message: m };
    p.pos += 1;
    let mut args = BTreeMap::new();
    loop {
        p.skip_ws();
        if p.rest().starts_with(')') {
            p.pos += 1;
            break;
        }
        let key_pos = p.pos;
        let key = p.ident();
        if key.is_empty() {
            return Err(err(p.pos, format!("in shortcode `{name}`: expected an argument name or `)`")));
        }
        p.skip_ws();
        if !p.rest().starts_with('=') {
            return Err(err(p.pos, format!("in shortcode `{name}`: expected `=` after argument `{key}`")));
        }
        p.pos += 1;
        p.skip_ws();
        let value = p.value().map_err(|m| err(p.pos, format!("in shortcode `{name}`, argument `{key}`: {m}")))?;
        if args.insert(key.clone(), value).is_some() {
            return Err(err(key_pos, format!("in shortcode `{name}`: argument `{key}` is given twice")));
        }
        p.skip_ws();
        if p.rest().starts_with(',') {
            p.pos += 1;
        } else if !p.rest().starts_with(')') {
            return Err(err(p.pos, format!("in shortcode `{name}`: expected `,` or `)` after argument `{key}`")));
        }
    }
    p.skip_ws();
    if !p.rest().starts_with(close) {
        return Err(err(p.pos, format!("shortcode `{name}` must end with `{close}`")));
    }
    Ok(Some(Head { name, args, end: p.pos + 2 }))
}

/// Finds the `{% end %}` matching a block opened before `from`, allowing nested blocks.
/// Returns (end of body, end of the closing tag).
fn find_block_end(text: &str, from: usize, in_code: &dyn Fn(usize) -> bool) -> Option<(usize, usize)> {
    let mut depth = 1;
    let mut i = from;
    while let Some(rel) = text[i..].find("{%") {
        let at = i + rel;
        if in_code(at) {
            i = at + 2;
            continue;
        }
        match parse_head(text, at, true) {
            Ok(Some(h)) if h.name == "end" => {
                depth -= 1;
                if depth == 0 {
                    return Some((at, h.end));
                }
                i = h.end;
            }
            Ok(Some(h)) => {
                depth += 1;
                i = h.end;
            }
            _ => i = at + 2,
        }
    }
    None
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn skip_ws(&mut self) {
        let trimmed = self.rest().trim_start_matches([' ', '\t', '\n']);
        self.pos = self.text.len() - trimmed.len();
    }

    fn ident(&mut self) -> String {
        let s: String = self.rest().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
        if s.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            return String::new();
        }
        self.pos += s.len();
        s
    }

    fn value(&mut self) -> Result<Arg, String> {
        let rest = self.rest();
        if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let mut out = String::new();
            let mut chars = rest[1..].char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some((_, 'n')) => out.push('\n'),
                        Some((_, e)) => out.push(e),
                        None => break,
                    },
                    c if c == q => {
                        self.pos += 1 + i + 1;
                        return Ok(Arg::Str(out));
                    }
                    c => out.push(c),
                }
            }
            return Err("the string is never closed".into());
        }
        let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '_')).collect();
        let arg = match word.as_str() {
            "true" => Arg::Bool(true),
            "false" => Arg::Bool(false),
            w => match w.parse::<f64>() {
                Ok(n) if n.is_finite() => Arg::Num(n),
                _ => return Err(format!("expected a quoted string, a number, true or false, found `{}`", preview(rest))),
            },
        };
        self.pos += word.len();
        Ok(arg)
    }
}

fn preview(s: &str) -> String {
    s.chars().take_while(|c| !matches!(c, ',' | ')' | '\n')).take(20).collect()
}

/// Splits text that contains placeholders tagged `tag` into literal pieces and call indices.
/// Anything else, private-use characters included, is literal text.
pub fn pieces<'a>(text: &'a str, tag: &str) -> Vec<Piece<'a>> {
    let prefix = format!("{OPEN}{tag}");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(s) = rest.find(&prefix) {
        let after = &rest[s + prefix.len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n = after[..digits].parse::<usize>().ok().filter(|_| after[digits..].starts_with(CLOSE));
        match n {
            Some(n) => {
                if s > 0 {
                    out.push(Piece::Text(&rest[..s]));
                }
                out.push(Piece::Call(n));
                rest = &after[digits + CLOSE.len_utf8()..];
            }
            None => {
                out.push(Piece::Text(&rest[..s + prefix.len()]));
                rest = after;
            }
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    Text(&'a str),
    Call(usize),
}

#[cfg(test)]
mod tests;
