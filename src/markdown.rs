//! Markdown → HTML for one page in one locale.
//!
//! We transform pulldown-cmark's event stream rather than editing HTML afterwards: heading ids,
//! link and image resolution, footnotes with page-unique ids, scrollable tables, quizzes and the
//! raw-HTML policy are each handled by the event they concern.

use crate::config::{RawHtml, RemoteAssets};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::shortcodes::{self, Call, Extracted, Piece};
use crate::urls;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// What the Markdown renderer needs from the rest of the site.
pub trait Host {
    /// Output folder (relative to the output root, trailing `/`) of the page made from `rel`.
    fn page_dir(&self, rel: &str) -> Option<String>;
    /// Output path (relative to the output root) of a colocated file, if it exists.
    fn asset(&self, logical: &str) -> Option<String>;
    /// Renders a shortcode. `body` is the rendered Markdown of a block's body.
    fn shortcode(&self, call: &Call, body: Option<&Rendered>, env: &Env<'_>) -> Result<Rendered, String>;
    /// Renders a knowledge check from its YAML; errors carry a line within the YAML.
    fn quiz(&self, yaml: &str, env: &Env<'_>, yaml_first_line: usize) -> Result<String, Diagnostic>;
    /// A UI string in the reader's locale.
    fn ui(&self, key: &str) -> String;
    /// Why a page that is not in the build exists anyway (failed to load, or a draft).
    fn unavailable(&self, _rel: &str) -> Option<crate::model::Unavailable> {
        None
    }
    /// Every page of the locale as (source path, output folder), for did-you-mean hints.
    fn pages(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    /// Every colocated file the locale can link to (logical paths), for did-you-mean hints.
    fn assets(&self) -> Vec<String> {
        Vec::new()
    }
    /// What becomes of assets from another host (site.yaml `offline.remote_assets`).
    fn remote_policy(&self) -> RemoteAssets {
        RemoteAssets::Error
    }
    /// Output path (relative to the output root) of the local copy of a remote asset, for
    /// `fetch`; the error names the URL and what went wrong.
    fn remote_asset(&self, url: &str) -> Result<String, String> {
        Err(format!("`{url}` has no local copy"))
    }
}

/// The page being rendered.
pub struct Env<'a> {
    pub display: &'a Path,
    /// Lines in the file before the Markdown body.
    pub body_line_offset: usize,
    /// Logical path of the source (`modules/x/01-a.md`), for resolving relative links.
    pub rel: &'a str,
    /// Output folder of the page, relative to the output root.
    pub page_dir: &'a str,
    pub raw_html: RawHtml,
    /// Prefix for every id the page creates (the print page holds many lessons).
    pub id_prefix: &'a str,
    /// Counter for ids of elements shortcodes create (tooltips, quizzes).
    pub counter: Cell<usize>,
    /// Heading ids already used on the page.
    pub used_ids: RefCell<UsedIds>,
}

/// Heading ids already used on a page, and for each base id the next suffix to try, so that
/// 8,000 headings with the same text cost 8,000 look-ups, not 32 million.
#[derive(Default)]
pub struct UsedIds {
    ids: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

impl UsedIds {
    /// `base`, or the first of `base-1`, `base-2`… not taken yet; marked as taken.
    fn claim(&mut self, base: String) -> String {
        if self.ids.insert(base.clone()) {
            return base;
        }
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(1);
        let mut id = format!("{base}-{n}");
        while self.ids.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.next_suffix.insert(base, n + 1);
        self.ids.insert(id.clone());
        id
    }
}

impl Env<'_> {
    pub fn next_id(&self, kind: &str) -> String {
        let n = self.counter.get() + 1;
        self.counter.set(n);
        format!("{}{kind}-{n}", self.id_prefix)
    }
}

/// A heading of the page, for tables of contents and anchor checks.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link to another page's `#anchor`, checked once every page is rendered.
#[derive(Clone, Debug)]
pub struct AnchorRef {
    pub target_rel: String,
    pub anchor: String,
    pub line: usize,
    pub col: usize,
}

/// Rendered Markdown with what later stages need to know about it.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub html: String,
    /// Plain text, for search, summaries and reading time.
    pub text: String,
    pub headings: Vec<Heading>,
    pub anchors: Vec<AnchorRef>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Maximum nesting of block shortcodes inside each other.
const MAX_DEPTH: usize = 16;

/// Maximum nesting of raw HTML elements handed to the sanitizer (its cost grows steeply with depth).
const MAX_HTML_DEPTH: isize = 512;

/// Opening minus closing tags in a piece of raw HTML (void elements do not nest).
fn tag_balance(html: &str) -> isize {
    const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
    let mut balance = 0;
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('/') {
            balance -= 1;
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            let end = rest.find('>').unwrap_or(rest.len());
            if !VOID.contains(&name.as_str()) && !rest[..end].ends_with('/') {
                balance += 1;
            }
        }
    }
    balance
}

/// Maximum nesting of lists and block quotes kept in the output.
const MAX_NESTING: usize = 64;

/// Renders a Markdown body. Never fails: problems are reported in `diagnostics`.
pub fn render(source: &str, env: &Env<'_>, host: &dyn Host) -> Rendered {
    render_at(source, 0, env, host, 0)
}

fn render_at(source: &str, base: usize, env: &Env<'_>, host: &dyn Host, depth: usize) -> Rendered {
    let mut out = Rendered::default();
    let lines = LineIndex::new(source.into());
    // Positions in messages are in the file: body offset + line offset of the body.
    let full_pos = |src_off: usize| -> (usize, usize) {
        let (l, c) = lines.line_col(src_off);
        (l + env.body_line_offset, c)
    };
    let extracted = match shortcodes::extract(source) {
        Ok(e) => e,
        Err(errors) => {
            for e in errors {
                let (l, c) = full_pos(e.offset);
                out.diagnostics.push(Diagnostic::error(env.display, l, c, e.message));
            }
            Extracted::default()
        }
    };
    let _ = base;
    let mut pass =
        Pass { env, host, lines: &lines, extracted: &extracted, out: &mut out, generated: BTreeMap::new(), had_raw_html: false, drop_close: Vec::new() };
    let html = pass.run();
    let had_raw = pass.had_raw_html;
    let mut generated = std::mem::take(&mut pass.generated);
    let own_headings = out.headings.len();
    let sanitizing = had_raw && env.raw_html == RawHtml::Sanitize;
    let mut html = if sanitizing { sanitize(&html) } else { html };
    // Put shortcode output back in place of the placeholders.
    if !extracted.calls.is_empty() || !generated.is_empty() {
        for (i, call) in extracted.calls.iter().enumerate() {
            let body = call.body.as_ref().map(|(b, off)| {
                if depth >= MAX_DEPTH {
                    let (l, c) = full_pos(*off);
                    out.diagnostics.push(Diagnostic::error(env.display, l, c, "block shortcodes are nested too deeply"));
                    return Rendered::default();
                }
                let sub_env = Env { body_line_offset: env.body_line_offset + lines.line_col(*off).0 - 1, ..clone_env(env) };
                let r = render_at(b, 0, &sub_env, host, depth + 1);
                env.counter.set(sub_env.counter.get());
                // The body's ids join the page's (moved, not copied: a copy per block is quadratic).
                *env.used_ids.borrow_mut() = sub_env.used_ids.into_inner();
                r
            });
            if let Some(b) = &body {
                out.headings.extend(b.headings.iter().cloned());
                out.anchors.extend(b.anchors.iter().cloned());
                out.diagnostics.extend(b.diagnostics.iter().cloned());
            }
            match host.shortcode(call, body.as_ref(), env) {
                Ok(r) => {
                    // A shortcode's own diagnostics (warnings) are placed at the call.
                    let (l, c) = full_pos(call.offset);
                    for d in r.diagnostics {
                        out.diagnostics.push(Diagnostic { line: l, col: c, ..d });
                    }
                    generated.insert(i, (r.html, r.text, call.body.is_some()));
                }
                Err(msg) => {
                    let (l, c) = full_pos(call.offset);
                    out.diagnostics.push(Diagnostic::error(env.display, l, c, msg));
                    generated.insert(i, (String::new(), String::new(), call.body.is_some()));
                }
            }
        }
        if sanitizing {
            let (clean, removed) = sanitize_attribute_output(html, &generated, &extracted.tag);
            html = clean;
            if let Some(n) = removed {
                let (l, c) = extracted.calls.get(n).map_or((0, 0), |call| full_pos(call.offset));
                let shown: String = generated.get(&n).map(|g| g.1.chars().take(60).collect()).unwrap_or_default();
                out.diagnostics.push(
                    Diagnostic::warning(
                        env.display,
                        l,
                        c,
                        format!("the sanitizer removed raw HTML made unsafe by this shortcode's output in an attribute (`{shown}`)"),
                    )
                    .with_hint("shortcode output in an HTML attribute is text, checked like the rest of the raw HTML"),
                );
            }
        }
        html = substitute(&html, &generated, &extracted.tag);
        out.text = substitute_text(&out.text, &generated, &extracted.tag);
        // Heading texts (tables of contents) show a shortcode's text, not its placeholder.
        for h in &mut out.headings[..own_headings] {
            h.text = substitute_text(&h.text, &generated, &extracted.tag);
        }
    }
    out.html = html;
    out
}

fn clone_env<'a>(env: &Env<'a>) -> Env<'a> {
    Env {
        display: env.display,
        body_line_offset: env.body_line_offset,
        rel: env.rel,
        page_dir: env.page_dir,
        raw_html: env.raw_html,
        id_prefix: env.id_prefix,
        counter: Cell::new(env.counter.get()),
        // Taken, and given back once the body is rendered (see `render_at`).
        used_ids: RefCell::new(std::mem::take(&mut *env.used_ids.borrow_mut())),
    }
}

/// Where a point of HTML lies: in text, inside a tag (its name or attributes), inside a quoted
/// attribute value, or in a comment. Shortcode output is HTML only in text; elsewhere it is text.
#[derive(Clone, Copy, PartialEq)]
enum HtmlState {
    Text,
    Tag,
    Quoted(u8),
    Comment,
}

/// The state after `text`, starting from `state`. Exact on well-formed HTML (pulldown-cmark's and
/// ammonia's output); on an author's raw HTML under `allow`, a close approximation.
fn scan_html(mut state: HtmlState, text: &str) -> HtmlState {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match state {
            HtmlState::Text if b[i] == b'<' => {
                if text[i..].starts_with("<!--") {
                    state = HtmlState::Comment;
                    i += 4;
                    continue;
                }
                let next = b.get(i + 1).copied().unwrap_or(0);
                if next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?') {
                    state = HtmlState::Tag;
                }
            }
            HtmlState::Tag => match b[i] {
                q @ (b'"' | b'\'') => state = HtmlState::Quoted(q),
                b'>' => state = HtmlState::Text,
                _ => {}
            },
            HtmlState::Quoted(q) if b[i] == q => state = HtmlState::Tag,
            HtmlState::Comment if text[i..].starts_with("-->") => {
                state = HtmlState::Text;
                i += 3;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    state
}

/// Puts shortcode output that sits inside a tag of sanitized HTML (an attribute the author wrote
/// around a shortcode) in as text, and sanitizes again: the first pass saw only the placeholder,
/// so a `javascript:` made by a message argument would otherwise become a link. Returns the call
/// to blame when the second pass removed something.
fn sanitize_attribute_output(html: String, generated: &BTreeMap<usize, (String, String, bool)>, tag: &str) -> (String, Option<usize>) {
    let pieces = shortcodes::pieces(&html, tag);
    let mut state = HtmlState::Text;
    let mut in_tag: Vec<usize> = Vec::new();
    let mut filled = String::with_capacity(html.len());
    for piece in &pieces {
        match *piece {
            Piece::Text(t) => {
                state = scan_html(state, t);
                filled.push_str(t);
            }
            Piece::Call(n) if state != HtmlState::Text => {
                in_tag.push(n);
                // Ammonia's output quotes every attribute with `"`; escape as its serializer does.
                let text = generated.get(&n).map_or("", |g| g.1.as_str());
                filled.push_str(&text.replace('&', "&amp;").replace('"', "&quot;").replace('\u{a0}', "&nbsp;"));
            }
            Piece::Call(n) => filled.push_str(&format!("{}{tag}{n}{}", shortcodes::OPEN, shortcodes::CLOSE)),
        }
    }
    if in_tag.is_empty() {
        return (html, None);
    }
    let clean = sanitize(&filled);
    if clean == filled {
        return (clean, None);
    }
    let blame = in_tag.iter().copied().find(|n| generated.get(n).is_some_and(|g| urls::is_dangerous(&g.1))).unwrap_or(in_tag[0]);
    (clean, Some(blame))
}

/// Replaces placeholders with shortcode output; a block placeholder alone in a paragraph
/// replaces the whole paragraph. Inside a tag (a link title, an image's alt text, an attribute
/// of raw HTML) the output's text goes in, escaped.
///
/// One pass over the page's own HTML: shortcode output is never scanned for placeholders again.
/// (Rescanning it once turned placeholder look-alikes inside nested blocks into an exponential
/// blow-up.)
fn substitute(html: &str, generated: &BTreeMap<usize, (String, String, bool)>, tag: &str) -> String {
    let pieces = shortcodes::pieces(html, tag);
    let mut out = String::with_capacity(html.len() + 256);
    let mut drop_close = false;
    let mut state = HtmlState::Text;
    for (i, piece) in pieces.iter().enumerate() {
        match *piece {
            Piece::Text(t) => {
                let t = if std::mem::take(&mut drop_close) { t.strip_prefix("</p>").unwrap_or(t) } else { t };
                state = scan_html(state, t);
                out.push_str(t);
            }
            Piece::Call(n) if state != HtmlState::Text => {
                if let Some((_, text, _)) = generated.get(&n) {
                    out.push_str(&urls::escape_attr(text));
                }
            }
            Piece::Call(n) => {
                let Some((h, _, block)) = generated.get(&n) else { continue };
                let after_open = i > 0 && matches!(pieces[i - 1], Piece::Text(t) if t.ends_with("<p>"));
                let before_close = matches!(pieces.get(i + 1), Some(Piece::Text(t)) if t.starts_with("</p>"));
                if after_open && before_close && out.ends_with("<p>") {
                    // A shortcode alone in its paragraph replaces the paragraph: figures and
                    // callouts are blocks.
                    out.truncate(out.len() - 3);
                    out.push_str(h.trim_end());
                    drop_close = true;
                } else if *block && out.ends_with("<p>") {
                    out.truncate(out.len() - 3);
                    out.push_str(h);
                    out.push_str("<p>");
                } else {
                    out.push_str(h);
                }
            }
        }
    }
    out.replace("<p></p>\n", "").replace("<p></p>", "")
}

fn substitute_text(text: &str, generated: &BTreeMap<usize, (String, String, bool)>, tag: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in shortcodes::pieces(text, tag) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Call(n) => {
                if let Some((_, t, _)) = generated.get(&n) {
                    out.push_str(t);
                }
            }
        }
    }
    out
}

struct Pass<'a, 'b> {
    env: &'a Env<'a>,
    host: &'a dyn Host,
    /// The page's source, indexed for positions in messages.
    lines: &'a LineIndex<'a>,
    extracted: &'a Extracted,
    out: &'b mut Rendered,
    /// Quizzes rendered during the pass, keyed like shortcodes (after the real calls).
    generated: BTreeMap<usize, (String, String, bool)>,
    had_raw_html: bool,
    /// End tags of remote players replaced by links in an earlier piece of raw HTML.
    drop_close: Vec<String>,
}

impl Pass<'_, '_> {
    fn pos(&self, new_off: usize) -> (usize, usize) {
        let orig = self.extracted.original_offset(new_off);
        let (l, c) = self.lines.line_col(orig);
        (l + self.env.body_line_offset, c)
    }

    fn error(&mut self, new_off: usize, msg: impl Into<String>) {
        let (l, c) = self.pos(new_off);
        self.out.diagnostics.push(Diagnostic::error(self.env.display, l, c, msg));
    }

    fn error_with_hint(&mut self, new_off: usize, msg: impl Into<String>, hint: Option<String>) {
        let (l, c) = self.pos(new_off);
        let mut d = Diagnostic::error(self.env.display, l, c, msg);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.out.diagnostics.push(d);
    }

    fn run(&mut self) -> String {
        let mut opts = Options::empty();
        opts.insert(
            Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_HEADING_ATTRIBUTES,
        );
        let text = self.extracted.text.as_str();
        // Events are read as the parser makes them and written out in chunks: a page of
        // millions of paragraphs never holds all its events at once (80 bytes each).
        let mut events = Parser::new_ext(text, opts).into_offset_iter();
        let mut html = String::with_capacity(text.len() * 3 / 2);
        let mut html_events: Vec<Event> = Vec::new();
        let mut block_depth = 0usize;
        let mut footnotes: HashMap<String, usize> = HashMap::new();
        let mut image_depth = 0usize;
        let mut image_alt = String::new();
        let mut image_at = 0usize;
        // Per open image: the remote URL it was replaced by a link to (`remote_assets: link`).
        let mut image_links: Vec<Option<String>> = Vec::new();
        let mut last_level = 1u8;
        // Containers (quotes, lists) deeper than MAX_NESTING are flattened: such pages are
        // unreadable anyway, and HTML nested 100,000 levels deep stalls sanitizers and browsers.
        let mut containers: Vec<bool> = Vec::new();
        let mut kept_containers = 0usize;
        let mut warned_depth = false;
        let mut html_depth: isize = 0;
        while let Some((ev, range)) = events.next() {
            let (ev, range) = (&ev, &range);
            let before = html_events.len();
            // `break 'event` ends an event's handling early; what it pushed is still counted below.
            'event: {
                match ev {
                    Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => {
                        let keep = kept_containers < MAX_NESTING;
                        containers.push(keep);
                        if keep {
                            kept_containers += 1;
                            html_events.push(ev.clone());
                        } else if !warned_depth {
                            warned_depth = true;
                            let (l, c) = self.pos(range.start);
                            self.out.diagnostics.push(Diagnostic::warning(
                                self.env.display,
                                l,
                                c,
                                format!("lists and quotes nested more than {MAX_NESTING} levels deep are flattened"),
                            ));
                        }
                    }
                    Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                        if containers.pop().unwrap_or(true) {
                            kept_containers = kept_containers.saturating_sub(1);
                            html_events.push(ev.clone());
                        }
                        if matches!(ev, Event::End(TagEnd::Item)) {
                            self.out.text.push('\n');
                        }
                    }
                    Event::Start(Tag::Heading { level, id, .. }) => {
                        let inner: Vec<Event> = events.by_ref().map(|(e, _)| e).take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_)))).collect();
                        let plain = plain_text(&inner);
                        // The slug ignores the placeholder tag (a digest of the page), so that ids stay
                        // stable when the text changes.
                        let untagged = plain.replace(&format!("{}{}", shortcodes::OPEN, self.extracted.tag), "");
                        let hid = self.unique_id(id.as_deref().map(str::to_string).unwrap_or_else(|| slugify(&untagged)));
                        let lvl = heading_level(*level);
                        if lvl > last_level + 1 {
                            let (l, c) = self.pos(range.start);
                            self.out.diagnostics.push(Diagnostic::warning(
                                self.env.display,
                                l,
                                c,
                                format!("heading level {lvl} follows level {last_level}: a level is skipped"),
                            ));
                        }
                        last_level = lvl;
                        self.out.headings.push(Heading { level: lvl, id: hid.clone(), text: plain.clone() });
                        self.out.text.push_str(&plain);
                        self.out.text.push('\n');
                        html_events.push(Event::Html(format!("<h{lvl} id=\"{}\">", urls::escape_attr(&hid)).into()));
                        for e in inner {
                            html_events.push(self.inline_event(e, range.start));
                        }
                        html_events.push(Event::Html(format!("</h{lvl}>\n").into()));
                    }
                    Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if info.split_whitespace().next() == Some("quiz") => {
                        let yaml: String = events
                            .by_ref()
                            .map(|(e, _)| e)
                            .take_while(|e| !matches!(e, Event::End(TagEnd::CodeBlock)))
                            .filter_map(|e| if let Event::Text(t) = e { Some(t) } else { None })
                            .fold(String::new(), |mut y, t| {
                                y.push_str(&t);
                                y
                            });
                        let (fence_line, _) = self.pos(range.start);
                        let html = match self.host.quiz(&yaml, self.env, fence_line) {
                            Ok(h) => h,
                            Err(d) => {
                                self.out.diagnostics.push(d);
                                String::new()
                            }
                        };
                        self.out.text.push_str(&yaml_question_text(&yaml));
                        let key = 1_000_000 + self.generated.len();
                        self.generated.insert(key, (html, String::new(), true));
                        html_events.push(Event::Html(format!("<p>{}</p>\n", self.extracted.placeholder(key)).into()));
                    }
                    Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                        if info.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("quiz")) =>
                    {
                        // ```Quiz or ```QUIZ: shown as a code block, which the author did not mean.
                        let (l, c) = self.pos(range.start);
                        let word = info.split_whitespace().next().unwrap_or_default();
                        self.out.diagnostics.push(
                            Diagnostic::warning(self.env.display, l, c, format!("```{word} is shown as code, not as a knowledge check"))
                                .with_hint("write the info string in lower case: ```quiz"),
                        );
                        html_events.push(ev.clone());
                    }
                    Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                        let dest = self.resolve_link(dest_url, range.start);
                        html_events.push(Event::Start(Tag::Link { link_type: *link_type, dest_url: dest.into(), title: title.clone(), id: id.clone() }));
                    }
                    Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                        image_depth += 1;
                        image_alt.clear();
                        image_at = range.start;
                        if crate::remote::is_remote(dest_url) && self.host.remote_policy() == RemoteAssets::Link {
                            let (l, c) = self.pos(range.start);
                            self.out.diagnostics.push(crate::remote::linked(self.env.display, l, c, dest_url));
                            html_events.push(Event::Html(format!("<a class=\"remote-asset\" href=\"{}\">", urls::escape_attr(dest_url)).into()));
                            image_links.push(Some(dest_url.to_string()));
                            break 'event;
                        }
                        image_links.push(None);
                        let dest = self.resolve_image(dest_url, range.start);
                        // Missing alt text is found by `check`; here we only resolve.
                        html_events.push(Event::Start(Tag::Image { link_type: *link_type, dest_url: dest.into(), title: title.clone(), id: id.clone() }));
                    }
                    Event::End(TagEnd::Image) => {
                        image_depth = image_depth.saturating_sub(1);
                        if let Some(Some(url)) = image_links.pop() {
                            // The alt text became the link text; a missing one is still reported below.
                            let label = if image_alt.trim().is_empty() { urls::escape_attr(&crate::remote::file_name(&url)) } else { String::new() };
                            let note = urls::escape_attr(&self.host.ui("remote-asset-note"));
                            html_events.push(Event::Html(format!("{label}</a> <span class=\"remote-note\">{note}</span>").into()));
                            if image_alt.trim().is_empty() {
                                let (l, c) = self.pos(image_at);
                                self.out.diagnostics.push(Diagnostic::warning(self.env.display, l, c, "image without alt text"));
                            }
                            break 'event;
                        }
                        if image_alt.trim().is_empty() {
                            let (l, c) = self.pos(image_at);
                            self.out.diagnostics.push(
                                Diagnostic::warning(self.env.display, l, c, "image without alt text")
                                    .with_hint("describe the image in the brackets: ![a donor resting after donation](images/rest.svg)"),
                            );
                        }
                        html_events.push(ev.clone());
                    }
                    Event::Start(Tag::Table(_)) => {
                        let label = urls::escape_attr(&self.host.ui("table-label"));
                        html_events.push(Event::Html(format!("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\">").into()));
                        html_events.push(ev.clone());
                    }
                    Event::End(TagEnd::Table) => {
                        html_events.push(ev.clone());
                        html_events.push(Event::Html("</div>\n".into()));
                    }
                    Event::FootnoteReference(label) => {
                        let n = footnote_number(&mut footnotes, label);
                        let id = slugify(label);
                        let p = self.env.id_prefix;
                        html_events
                            .push(Event::Html(format!("<sup class=\"footnote-ref\"><a href=\"#{p}fn-{id}\" id=\"{p}fnref-{id}-{n}\">{n}</a></sup>").into()));
                    }
                    Event::Start(Tag::FootnoteDefinition(label)) => {
                        let n = footnote_number(&mut footnotes, label);
                        let id = slugify(label);
                        let p = self.env.id_prefix;
                        html_events.push(Event::Html(format!("<div class=\"footnote\" id=\"{p}fn-{id}\"><span class=\"footnote-label\">{n}.</span>").into()));
                    }
                    Event::End(TagEnd::FootnoteDefinition) => {
                        html_events.push(Event::Html("</div>\n".into()));
                    }
                    Event::TaskListMarker(done) => {
                        let (mark, key) = if *done { ("☑", "task-done") } else { ("☐", "task-open") };
                        let label = urls::escape_attr(&self.host.ui(key));
                        html_events.push(Event::Html(format!("<span class=\"task\" role=\"img\" aria-label=\"{label}\">{mark}</span> ").into()));
                    }
                    Event::Html(h) | Event::InlineHtml(h) if self.env.raw_html == RawHtml::Sanitize && html_depth > MAX_HTML_DEPTH => {
                        html_events.push(Event::Text(h.clone()));
                    }
                    Event::Html(h) | Event::InlineHtml(h) => {
                        self.had_raw_html = true;
                        html_depth += tag_balance(h);
                        if html_depth > MAX_HTML_DEPTH && self.env.raw_html == RawHtml::Sanitize {
                            self.error(range.start, format!("raw HTML is nested more than {MAX_HTML_DEPTH} elements deep; it is shown as text"));
                            html_events.push(Event::Text(h.clone()));
                            break 'event;
                        }
                        match self.env.raw_html {
                            RawHtml::Escape => html_events.push(Event::Text(h.clone())),
                            _ => match self.remote_in_html(h, range.start) {
                                Some(rewritten) => html_events.push(Event::Html(rewritten.into())),
                                None => html_events.push(ev.clone()),
                            },
                        }
                    }
                    Event::Text(t) => {
                        if image_depth == 0 {
                            self.out.text.push_str(t);
                        } else {
                            image_alt.push_str(t);
                        }
                        html_events.push(ev.clone());
                    }
                    Event::Code(t) => {
                        self.out.text.push_str(t);
                        html_events.push(ev.clone());
                    }
                    Event::SoftBreak | Event::HardBreak => {
                        self.out.text.push(' ');
                        html_events.push(ev.clone());
                    }
                    Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::CodeBlock) => {
                        self.out.text.push('\n');
                        html_events.push(ev.clone());
                    }
                    _ => html_events.push(ev.clone()),
                }
            }
            for e in &html_events[before..] {
                match e {
                    Event::Start(_) => block_depth += 1,
                    Event::End(_) => block_depth = block_depth.saturating_sub(1),
                    _ => {}
                }
            }
            if html_events.len() >= 4096 && block_depth == 0 && html_events.last().is_some_and(ends_line) {
                pulldown_cmark::html::push_html(&mut html, html_events.drain(..));
            }
        }
        pulldown_cmark::html::push_html(&mut html, html_events.into_iter());
        html
    }

    /// Heading contents: links inside headings still need resolving.
    fn inline_event<'e>(&mut self, e: Event<'e>, at: usize) -> Event<'e> {
        match e {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest = self.resolve_link(&dest_url, at);
                Event::Start(Tag::Link { link_type, dest_url: dest.into(), title, id })
            }
            Event::Html(h) | Event::InlineHtml(h) if self.env.raw_html == RawHtml::Escape => Event::Text(h),
            Event::Html(_) | Event::InlineHtml(_) => {
                self.had_raw_html = true;
                e
            }
            other => other,
        }
    }

    fn unique_id(&self, base: String) -> String {
        let base = format!("{}{}", self.env.id_prefix, if base.is_empty() { "section".to_string() } else { base });
        self.env.used_ids.borrow_mut().claim(base)
    }

    /// Whether a URL holds a shortcode's placeholder (the author wrote `[x]({{ … }})`).
    fn holds_shortcode(&self, url: &str) -> bool {
        !self.extracted.tag.is_empty() && url.contains(&format!("{}{}", shortcodes::OPEN, self.extracted.tag))
    }

    /// A link: other content by its `.md` source path, colocated files, anchors, or external.
    fn resolve_link(&mut self, dest: &CowStr<'_>, at: usize) -> String {
        let dest = dest.as_ref();
        if self.holds_shortcode(dest) {
            self.error(at, "a shortcode cannot be a link's destination; write the path (shortcodes work in the link text)");
            return "#".to_string();
        }
        if urls::is_dangerous(dest) {
            self.error(at, format!("link `{}` runs a script; such links are not allowed", dest.chars().take(40).collect::<String>()));
            return "#".to_string();
        }
        if dest.is_empty() || urls::is_external(dest) {
            return dest.to_string();
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            let (line, col) = self.pos(at);
            self.out.anchors.push(AnchorRef { target_rel: self.env.rel.to_string(), anchor: urls::percent_decode(anchor), line, col });
            return format!("#{}{}", self.env.id_prefix, anchor);
        }
        if dest.starts_with('/') || dest.contains('\\') {
            self.error(at, format!("link `{dest}` must be relative to this file (no leading `/` or `\\`): absolute paths break the offline copy"));
            return dest.to_string();
        }
        if let Some(target) = dest.strip_prefix("@/") {
            let target = target.split('#').next().unwrap_or(target);
            let hint = format!("write the source's path relative to this file: `{}`", link_hints::relative_source(self.env.rel, target));
            self.error_with_hint(at, format!("link `{dest}` is Zola's `@/` form, which donorbook does not use"), Some(hint));
            return dest.to_string();
        }
        let (path, anchor) = dest.split_once('#').map_or((dest, None), |(p, a)| (p, Some(a)));
        let (path, query) = path.split_once('?').map_or((path, ""), |(p, q)| (p, q));
        let decoded = urls::percent_decode(path);
        let Some(logical) = urls::join_logical(self.env.rel, &decoded) else {
            self.error(at, format!("link `{dest}` leaves the site's content folder"));
            return dest.to_string();
        };
        if logical.ends_with(".md") {
            let Some(target_dir) = self.host.page_dir(&logical) else {
                match self.host.unavailable(&logical) {
                    Some(crate::model::Unavailable::Failed) => {}
                    Some(crate::model::Unavailable::Draft) => self.error(
                        at,
                        format!("link to `{path}`: that page is a draft (`draft: true`), left out of this build; build with `--drafts` to include it, or remove the link"),
                    ),
                    None => {
                        let hint = link_hints::misspelled(path, &logical, self.host.pages().into_iter().map(|(rel, _)| rel));
                        self.error_with_hint(at, format!("link to `{path}`: no such page (looked for content/{logical})"), hint)
                    }
                }
                return dest.to_string();
            };
            if let Some(a) = anchor {
                let (line, col) = self.pos(at);
                self.out.anchors.push(AnchorRef { target_rel: logical.clone(), anchor: urls::percent_decode(a), line, col });
            }
            let mut url = urls::relative(self.env.page_dir, &format!("{target_dir}index.html"));
            if !query.is_empty() {
                url.push('?');
                url.push_str(query);
            }
            if let Some(a) = anchor {
                url.push('#');
                url.push_str(a);
            }
            return url;
        }
        match self.host.asset(&logical) {
            Some(out_path) => {
                let mut url = urls::relative(self.env.page_dir, &out_path);
                if let Some(a) = anchor {
                    url.push('#');
                    url.push_str(a);
                }
                url
            }
            None => {
                let hint = link_hints::web_style(path, self.env.rel, &self.host.pages())
                    .or_else(|| link_hints::misspelled(path, &logical, self.host.assets().into_iter()));
                self.error_with_hint(at, format!("link to `{path}`: no such file (looked for {logical} beside the page)"), hint);
                dest.to_string()
            }
        }
    }

    /// Applies the remote-asset policy to a piece of raw HTML: every remote asset is reported
    /// at its own line, and replaced by a link or a local copy when the policy says so.
    fn remote_in_html(&mut self, h: &str, at: usize) -> Option<String> {
        let policy = self.host.remote_policy();
        let note = if policy == RemoteAssets::Link { self.host.ui("remote-asset-note") } else { String::new() };
        let host = self.host;
        let page_dir = self.env.page_dir;
        let mut local = |url: &str| host.remote_asset(url).map(|p| urls::relative(page_dir, &p));
        let outcome = crate::remote::raw_html(h, policy, &note, &mut local, &mut self.drop_close);
        for (off, problem) in outcome.problems {
            let (l, c) = self.pos(at + off);
            self.out.diagnostics.push(match problem {
                crate::remote::Problem::Refused(msg) => crate::remote::refused(self.env.display, l, c, msg),
                crate::remote::Problem::Linked(url) => crate::remote::linked(self.env.display, l, c, &url),
                crate::remote::Problem::Failed(msg) => Diagnostic::error(self.env.display, l, c, msg),
            });
        }
        outcome.html
    }

    fn resolve_image(&mut self, dest: &CowStr<'_>, at: usize) -> String {
        let dest = dest.as_ref();
        if self.holds_shortcode(dest) {
            self.error(at, "a shortcode cannot be an image's path; write the path (or use the `figure` shortcode)");
            return String::new();
        }
        if dest.starts_with("data:") {
            return dest.to_string();
        }
        if crate::remote::is_remote(dest) && self.host.remote_policy() == RemoteAssets::Fetch {
            return match self.host.remote_asset(dest) {
                Ok(out_path) => urls::relative(self.env.page_dir, &out_path),
                Err(msg) => {
                    self.error(at, msg);
                    String::new()
                }
            };
        }
        if urls::is_external(dest) {
            let (l, c) = self.pos(at);
            let what = format!("image `{dest}` is loaded from another host, which breaks the offline copy");
            self.out.diagnostics.push(crate::remote::refused(self.env.display, l, c, what));
            return String::new();
        }
        if dest.starts_with('/') || dest.contains('\\') {
            self.error(at, format!("image `{dest}` must be a path relative to this file (no leading `/` or `\\`)"));
            return String::new();
        }
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        let decoded = urls::percent_decode(path);
        let Some(logical) = urls::join_logical(self.env.rel, &decoded) else {
            self.error(at, format!("image `{dest}` is outside the site's content folder; it was not read"));
            return String::new();
        };
        match self.host.asset(&logical) {
            Some(out_path) => urls::relative(self.env.page_dir, &out_path),
            None => {
                let hint = link_hints::misspelled(dest, &logical, self.host.assets().into_iter());
                self.error_with_hint(at, format!("image `{dest}` not found (looked for {logical} beside the page)"), hint);
                String::new()
            }
        }
    }
}

/// Whether the HTML writer ends the output of `e` with a line break. Only there can its output
/// be split between two writers (a new one starts as if after a line break), which lets
/// [`Pass::run`] write long pages in chunks with the same bytes as in one go.
fn ends_line(e: &Event<'_>) -> bool {
    match e {
        Event::End(t) => matches!(t, TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::List(_) | TagEnd::Table),
        Event::Html(h) => h.ends_with('\n'),
        _ => false,
    }
}

/// The number of a footnote: its label's rank of first appearance (by reference or definition).
fn footnote_number(numbers: &mut HashMap<String, usize>, label: &str) -> usize {
    if let Some(&n) = numbers.get(label) {
        return n;
    }
    let n = numbers.len() + 1;
    numbers.insert(label.to_string(), n);
    n
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_string()
}

/// The question and choices of a quiz, for the search index (best effort).
fn yaml_question_text(yaml: &str) -> String {
    yaml.lines()
        .filter_map(|l| {
            let l = l.trim().trim_start_matches("- ");
            l.strip_prefix("question:").or_else(|| l.strip_prefix("text:")).map(|v| v.trim().trim_matches('"').to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Stable heading ids that work in every script: lower-cased, spaces to `-`, punctuation
/// dropped, letters and marks of any script kept (`Цусны донор` → `цусны-донор`).
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || is_mark(c) {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else if c.is_whitespace() || c == '-' || c == '_' {
            dash = true;
        }
    }
    out
}

/// Combining marks (Devanagari vowel signs, Arabic harakat, ZWNJ…) belong to words.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F |
        0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 |
        0x0962..=0x0963 | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0E31 | 0x0E34..=0x0E3A |
        0x0E47..=0x0E4E | 0x200C | 0x200D | 0x3099..=0x309A)
}

/// Cleans raw HTML with ammonia, keeping what Markdown itself produces.
fn sanitize(html: &str) -> String {
    use std::sync::OnceLock;
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let b = BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class", "lang", "dir", "title", "role", "aria-label", "tabindex"]);
        b.add_tags(["figure", "figcaption", "details", "summary", "mark", "section", "aside", "input", "bdi"]);
        b.add_tag_attributes("input", ["type", "disabled", "checked"]);
        b.add_tag_attributes("img", ["loading", "width", "height"]);
        b.link_rel(None);
        // URL attributes leave valid: a `%` not followed by two hex digits, and spaces, encoded.
        b.attribute_filter(|_, attr, value| {
            if matches!(attr, "href" | "src" | "cite" | "action" | "poster") && needs_url_fix(value) { Some(fix_url(value).into()) } else { Some(value.into()) }
        });
        b
    });
    b.clean(html).to_string()
}

fn needs_url_fix(v: &str) -> bool {
    let b = v.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| c == b' ' || (c == b'%' && !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit) && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))))
}

/// Encodes what makes a URL invalid in HTML: stray `%` and spaces (surrounding ones trimmed).
fn fix_url(v: &str) -> String {
    let v = v.trim();
    let b = v.as_bytes();
    let mut out = String::with_capacity(v.len() + 8);
    for (i, c) in v.char_indices() {
        match c {
            ' ' => out.push_str("%20"),
            '%' if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit) && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)) => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out
}

mod link_hints;

#[cfg(test)]
mod tests;
