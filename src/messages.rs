//! Fluent messages: the theme's UI strings and the site's own strings and country facts,
//! looked up along each locale's fallback chain.
//!
//! Per tag, the site's `locales/<tag>/*.ftl` override the theme's `theme.ftl`. Along the chain
//! the reader's own language always wins over an earlier tag's site file, so a Persian reader
//! gets the theme's Persian string before the site's English one.
//!
//! Bidi isolation: Fluent wraps placeables in FSI/PDI marks. We keep them in right-to-left
//! locales, where a Latin name or a number inside Persian or Arabic text would otherwise be
//! reordered, and turn them off in left-to-right locales, where they only add invisible noise.

use crate::config::Direction;
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::locale::{Locale, Locales};
use crate::theme::Theme;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

type Bundle = FluentBundle<FluentResource>;

/// Keys defined by one tag, split by where they came from (for `l10n status`).
#[derive(Clone, Debug, Default)]
pub struct KeySet {
    pub theme: BTreeSet<String>,
    pub site: BTreeSet<String>,
}

/// All bundles of a site, one per tag that appears in some locale's chain.
pub struct Messages {
    bundles: BTreeMap<String, Bundle>,
    pub keys: BTreeMap<String, KeySet>,
    /// Where each site key is defined: (tag, key) → (file, line).
    pub key_origin: BTreeMap<(String, String), (PathBuf, usize)>,
}

/// A formatted message and the tag whose bundle supplied it.
pub struct Formatted {
    pub text: String,
    pub tag: String,
}

impl Messages {
    /// Loads theme and site `.ftl` files for every tag of every chain.
    pub fn load(root: &Path, theme: &Theme, locales: &Locales, diags: &Diagnostics) -> Messages {
        let mut tags: Vec<&str> = locales.all.iter().flat_map(|l| l.chain.iter().map(String::as_str)).collect();
        tags.sort_unstable();
        tags.dedup();
        let mut bundles = BTreeMap::new();
        let mut keys = BTreeMap::new();
        let mut key_origin = BTreeMap::new();
        for tag in tags {
            let Ok(langid) = tag.parse() else { continue };
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            let dir = locales.get(tag).map(|l| l.dir).unwrap_or_else(|| tag.parse().map(|l| crate::locale::direction_of(&l)).unwrap_or(Direction::Ltr));
            bundle.set_use_isolating(dir == Direction::Rtl);
            bundle.set_formatter(number_formatter(tag));
            let mut set = KeySet::default();
            for (name, text) in theme.ftl_files(tag) {
                let display = PathBuf::from(format!("themes/{}/locales/{tag}/{name}", theme.name));
                if let Some(res) = parse_resource(text, &display, diags) {
                    set.theme.extend(message_ids(&res));
                    bundle.add_resource_overriding(res);
                }
            }
            for (display, text) in site_ftl_files(root, tag, diags) {
                if let Some(res) = parse_resource(text.clone(), &display, diags) {
                    for (id, line) in message_ids_with_lines(&res, &text) {
                        key_origin.insert((tag.to_string(), id.clone()), (display.clone(), line));
                        set.site.insert(id);
                    }
                    bundle.add_resource_overriding(res);
                }
            }
            bundles.insert(tag.to_string(), bundle);
            keys.insert(tag.to_string(), set);
        }
        check_references(&bundles, &key_origin, diags);
        Messages { bundles, keys, key_origin }
    }

    /// Formats `key` for `locale`, trying each tag of its chain in turn.
    pub fn format(&self, locale: &Locale, key: &str, args: Option<&FluentArgs>) -> Result<Formatted, String> {
        for tag in &locale.chain {
            let Some(bundle) = self.bundles.get(tag) else { continue };
            let Some(msg) = bundle.get_message(key) else { continue };
            let Some(pattern) = msg.value() else {
                return Err(format!("message `{key}` has no value (only attributes)"));
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
            // A reference to a message or term that does not exist was reported once, at its
            // `.ftl` line, when the messages were loaded: not again on every page that uses it.
            if let Some(e) = errors.iter().find(|e| !is_dangling_reference(e)) {
                return Err(format!("message `{key}` in `{tag}` could not be formatted: {e}"));
            }
            return Ok(Formatted { text, tag: tag.clone() });
        }
        Err(format!("unknown message `{key}` for locale `{}` (looked in {})", locale.code, locale.chain.join(", ")))
    }

    /// Like [`format`](Self::format) but never fails: a missing key shows as the key itself.
    pub fn text(&self, locale: &Locale, key: &str) -> String {
        self.format(locale, key, None).map(|f| f.text).unwrap_or_else(|_| key.to_string())
    }

    pub fn has(&self, locale: &Locale, key: &str) -> bool {
        locale.chain.iter().any(|t| self.bundles.get(t).is_some_and(|b| b.has_message(key)))
    }

    /// Every key known to the theme or site in any tag.
    pub fn all_keys(&self) -> BTreeSet<String> {
        self.keys.values().flat_map(|k| k.theme.iter().chain(k.site.iter()).cloned()).collect()
    }
}

fn is_dangling_reference(e: &fluent_bundle::FluentError) -> bool {
    use fluent_bundle::resolver::{ResolverError, errors::ReferenceKind};
    matches!(e, fluent_bundle::FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Message { .. } | ReferenceKind::Term { .. })))
}

/// Every site message that refers to a message or term its locale does not have is an error at
/// the message's own `.ftl` line (variables are left alone: templates pass them).
fn check_references(bundles: &BTreeMap<String, Bundle>, origin: &BTreeMap<(String, String), (PathBuf, usize)>, diags: &Diagnostics) {
    for ((tag, id), (display, line)) in origin {
        let Some(bundle) = bundles.get(tag) else { continue };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { continue };
        let mut errors = Vec::new();
        let _ = bundle.format_pattern(pattern, None, &mut errors);
        for e in errors.iter().filter(|e| is_dangling_reference(e)) {
            diags.push(
                Diagnostic::error(display, *line, 1, format!("message `{id}`: {e}")).with_hint(format!("define it in locales/{tag}/*.ftl, or fix the name")),
            );
        }
    }
}

fn parse_resource(text: String, display: &Path, diags: &Diagnostics) -> Option<FluentResource> {
    match FluentResource::try_new(text) {
        Ok(r) => Some(r),
        Err((r, errors)) => {
            let src = r.source().to_string();
            for e in errors {
                // An error found at the start of a line (often end of input) belongs to the line before.
                let mut at = e.pos.start.min(src.len());
                while at > 0 && src.as_bytes().get(at - 1) == Some(&b'\n') && (at == src.len() || src[..at].ends_with('\n')) {
                    at -= 1;
                    if at < src.len() && src.as_bytes()[at] == b'\n' && at > 0 && src.as_bytes()[at - 1] != b'\n' {
                        break;
                    }
                }
                let (line, col) = line_col(&src, at);
                diags.push(Diagnostic::error(display, line, col, format!("Fluent syntax error: {}", e.kind)));
            }
            Some(r)
        }
    }
}

fn message_ids(res: &FluentResource) -> Vec<String> {
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Each message with the first line that defines it (`id =` at the start of a line), 0 if none.
/// The lines are indexed once: a search per message was quadratic in 100,000-message files.
fn message_ids_with_lines(res: &FluentResource, text: &str) -> Vec<(String, usize)> {
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    for (i, l) in text.lines().enumerate() {
        let id_len = l.len() - l.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-').len();
        if id_len > 0 && l[id_len..].trim_start().starts_with('=') {
            first_line.entry(&l[..id_len]).or_insert(i + 1);
        }
    }
    message_ids(res).into_iter().map(|id| (first_line.get(id.as_str()).copied().unwrap_or(0), id)).map(|(line, id)| (id, line)).collect()
}

/// The site's `.ftl` files of one tag, sorted by name so overrides are deterministic.
fn site_ftl_files(root: &Path, tag: &str, diags: &Diagnostics) -> Vec<(PathBuf, String)> {
    let dir = root.join("locales").join(tag);
    let shown = PathBuf::from("locales").join(tag);
    match crate::load::readable_dir(&dir, &shown) {
        Ok(true) => {}
        Ok(false) => return Vec::new(),
        Err(d) => {
            diags.push(d);
            return Vec::new();
        }
    }
    let Ok(rd) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in rd {
        match entry {
            Ok(e) if e.path().extension().is_some_and(|x| x == "ftl") => files.push(e.path()),
            Ok(_) => {}
            Err(e) => diags.push(Diagnostic::error(&shown, 0, 0, format!("cannot read the folder: {e}"))),
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let display = PathBuf::from("locales").join(tag).join(p.file_name()?);
            match crate::frontmatter::read_text(&p, &display) {
                Ok(t) => Some((display, t)),
                Err(d) => {
                    diags.push(d);
                    None
                }
            }
        })
        .collect()
}

type Formatter = fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String>;

/// Numbers in the reader's digits: Persian and Arabic readers expect their own numerals.
fn number_formatter(tag: &str) -> Option<Formatter> {
    let lang = tag.split('-').next().unwrap_or(tag);
    match lang {
        "fa" => Some(|v, _| number_string(v).map(|s| map_digits(&s, '۰', '٫'))),
        "ar" => Some(|v, _| number_string(v).map(|s| map_digits(&s, '٠', '٫'))),
        _ => None,
    }
}

fn number_string(v: &FluentValue) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(n.as_string().into_owned()),
        _ => None,
    }
}

fn map_digits(s: &str, zero: char, decimal: char) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            '.' => decimal,
            _ => c,
        })
        .collect()
}

/// Converts template or shortcode arguments into Fluent arguments (numbers stay numbers so
/// plural rules apply).
pub fn fluent_args<'a>(pairs: impl IntoIterator<Item = (&'a str, ArgValue)>) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (k, v) in pairs {
        match v {
            ArgValue::Number(n) => args.set(k.to_string(), FluentValue::from(n)),
            ArgValue::Text(s) => args.set(k.to_string(), FluentValue::from(s)),
        }
    }
    args
}

/// A message argument.
#[derive(Clone, Debug)]
pub enum ArgValue {
    Number(f64),
    Text(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_digits() {
        assert_eq!(map_digits("13", '۰', '٫'), "۱۳");
        assert_eq!(map_digits("2.5", '٠', '٫'), "٢٫٥");
    }
}
