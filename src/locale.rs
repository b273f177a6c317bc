//! Locales: BCP 47 tags, writing direction and fallback chains (`sw-TZ` → `sw` → `en`).

use crate::config::{Direction, SiteConfig};
use crate::diagnostics::{Diagnostic, did_you_mean};
use std::path::Path;
use unic_langid::LanguageIdentifier;

/// A locale the site is built in.
#[derive(Clone, Debug)]
pub struct Locale {
    /// Canonical BCP 47 tag, also the output folder name.
    pub code: String,
    /// The language's name in that language (for the switcher).
    pub name: String,
    pub langid: LanguageIdentifier,
    pub dir: Direction,
    /// Tags to look things up in, in order: this locale, its parents, then the default locale.
    pub chain: Vec<String>,
}

impl Locale {
    /// The language subtag: `sw` for `sw-TZ`. Two locales with the same language show the same text.
    pub fn language(&self) -> &str {
        self.langid.language.as_str()
    }
}

/// The locales of a site, in `site.yaml` order; the default locale is known by its index.
#[derive(Clone, Debug)]
pub struct Locales {
    pub all: Vec<Locale>,
    pub default: usize,
}

impl Locales {
    pub fn default_locale(&self) -> &Locale {
        &self.all[self.default]
    }

    pub fn get(&self, code: &str) -> Option<&Locale> {
        self.all.iter().find(|l| l.code == code)
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.all.iter().map(|l| l.code.as_str())
    }
}

/// Builds the locales from the configuration, reporting bad or duplicate tags.
pub fn resolve_locales(config: &SiteConfig, site_yaml: &str) -> Result<Locales, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut all: Vec<Locale> = Vec::new();
    // For each entry of `all`: its `locales:` entry in the configuration and that entry's line.
    let mut entries: Vec<(usize, usize)> = Vec::new();
    let at = |needle: &str| find_line(site_yaml, needle, 0);
    for (i, lc) in config.locales.iter().enumerate() {
        // The n-th entry with this code is found at the n-th `code:` line with it, so a
        // duplicate is reported where it is, not where the first one is.
        let nth = config.locales[..i].iter().filter(|l| l.code == lc.code).count();
        let (line, col) = find_key_value(site_yaml, "code", &lc.code, nth).unwrap_or_else(|| at(&lc.code));
        let langid: LanguageIdentifier = match lc.code.parse() {
            Ok(l) => l,
            Err(_) => {
                errors.push(
                    Diagnostic::error("site.yaml", line, col, format!("`{}` is not a valid BCP 47 language tag", lc.code))
                        .with_hint("use tags such as `en`, `sw-TZ`, `zh-Hant`, `es-PE`"),
                );
                continue;
            }
        };
        let code = langid.to_string();
        if lc.name.trim().is_empty() {
            let (l, c) = find_key_value(site_yaml, "code", &lc.code, nth).unwrap_or((line, col));
            errors.push(
                Diagnostic::error("site.yaml", l, c, format!("locale `{code}` has an empty `name`"))
                    .with_hint("give the language's name in that language: `name: Español`"),
            );
        }
        if let Some(why) = reserved_code(&code) {
            errors.push(Diagnostic::error("site.yaml", line, col, format!("locale code `{code}` cannot be used: {why}")));
        }
        if all.iter().any(|l| l.code == code) {
            errors.push(Diagnostic::error("site.yaml", line, col, format!("locale `{code}` is declared twice")));
            continue;
        }
        let dir = lc.dir.unwrap_or_else(|| direction_of(&langid));
        all.push(Locale { code, name: lc.name.clone(), langid, dir, chain: Vec::new() });
        entries.push((i, line));
    }
    let default_code: Option<String> = config.default_locale.parse::<LanguageIdentifier>().ok().map(|l| l.to_string());
    let default = default_code.as_ref().and_then(|c| all.iter().position(|l| &l.code == c));
    if default.is_none() {
        let (line, col) = at("default_locale");
        let mut d = Diagnostic::error("site.yaml", line, col, format!("default_locale `{}` is not one of the declared locales", config.default_locale));
        d = d.with_hint(format!("known locales: {}", all.iter().map(|l| l.code.as_str()).collect::<Vec<_>>().join(", ")));
        errors.push(d);
    }
    let codes: Vec<String> = all.iter().map(|l| l.code.clone()).collect();
    let default_code = default.map(|d| codes[d].clone());
    for (&(ci, entry_line), locale) in entries.iter().zip(all.iter_mut()) {
        let lc = &config.locales[ci];
        locale.chain = match &lc.fallback {
            Some(explicit) => {
                let mut chain = vec![locale.code.clone()];
                for f in explicit {
                    match f.parse::<LanguageIdentifier>().map(|l| l.to_string()) {
                        Ok(tag) if codes.contains(&tag) => chain.push(tag),
                        _ => {
                            let (line, col) = find_line(site_yaml, f, entry_line.saturating_sub(1));
                            let mut d =
                                Diagnostic::error("site.yaml", line, col, format!("fallback locale `{f}` of `{}` is not a declared locale", locale.code));
                            if let Some(s) = did_you_mean(f, codes.iter().map(String::as_str)) {
                                d = d.with_hint(format!("did you mean `{s}`?"));
                            }
                            errors.push(d);
                        }
                    }
                }
                chain
            }
            None => truncation_chain(&locale.langid),
        };
        if let Some(d) = default_code.as_ref().filter(|d| !locale.chain.contains(d)) {
            locale.chain.push(d.clone());
        }
        locale.chain.dedup();
    }
    match default {
        Some(default) if errors.is_empty() => Ok(Locales { all, default }),
        _ => Err(errors),
    }
}

/// `sw-Latn-TZ` → [`sw-Latn-TZ`, `sw-Latn`, `sw`]: drop subtags from the right.
fn truncation_chain(id: &LanguageIdentifier) -> Vec<String> {
    let mut chain = vec![id.to_string()];
    let mut cur = id.clone();
    loop {
        if cur.variants().len() > 0 {
            cur.clear_variants();
        } else if cur.region.is_some() {
            cur.region = None;
        } else if cur.script.is_some() {
            cur.script = None;
        } else {
            break;
        }
        let tag = cur.to_string();
        if chain.last() != Some(&tag) {
            chain.push(tag);
        }
    }
    chain
}

/// Right-to-left when the script is, or the language is usually written in an RTL script.
pub fn direction_of(id: &LanguageIdentifier) -> Direction {
    const RTL_SCRIPTS: &[&str] = &["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"];
    const RTL_LANGS: &[&str] = &["ar", "fa", "he", "ur", "ps", "sd", "yi", "dv", "ckb", "ug", "syr", "prs", "iw", "ks"];
    if let Some(script) = id.script {
        return if RTL_SCRIPTS.contains(&script.as_str()) { Direction::Rtl } else { Direction::Ltr };
    }
    if RTL_LANGS.contains(&id.language.as_str()) { Direction::Rtl } else { Direction::Ltr }
}

/// 1-based position of the first `code: needle` style occurrence in site.yaml at or after the
/// 0-based line `from` (else anywhere), for messages.
fn find_line(text: &str, needle: &str, from: usize) -> (usize, usize) {
    let matches = |line: &str| -> Option<usize> {
        let pos = line.find(needle)?;
        let before = &line[..pos];
        let after = &line[pos + needle.len()..];
        let clean_end = after.is_empty() || after.starts_with([' ', '"', '\'', ',', ']', '#', ':']);
        let clean_start = before.ends_with(' ') || before.ends_with('"') || before.ends_with('[') || before.is_empty();
        (clean_end && clean_start).then(|| before.chars().count() + 1)
    };
    let found = text.lines().enumerate().skip(from).find_map(|(i, l)| matches(l).map(|c| (i + 1, c)));
    found.or_else(|| text.lines().enumerate().find_map(|(i, l)| matches(l).map(|c| (i + 1, c)))).unwrap_or((1, 1))
}

/// 1-based position of the value of the `nth` (0-based) block-style `key: value` line whose
/// value is `value` (`  - code: es`, `code: "es"  # Spanish`). `None` for other layouts.
fn find_key_value(text: &str, key: &str, value: &str, nth: usize) -> Option<(usize, usize)> {
    let mut seen = 0;
    for (i, line) in text.lines().enumerate() {
        let item = line.trim_start();
        let item = item.strip_prefix("- ").map(str::trim_start).unwrap_or(item);
        let Some(rest) = item.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else { continue };
        let v = rest.split(" #").next().unwrap_or_default().trim();
        let unquoted = ['"', '\''].iter().find_map(|q| v.strip_prefix(*q).and_then(|v| v.strip_suffix(*q))).unwrap_or(v);
        if unquoted != value {
            continue;
        }
        if seen == nth {
            let rest_at = line.len() - rest.len();
            let pos = rest_at + rest.find(unquoted).unwrap_or(0);
            return Some((i + 1, line[..pos].chars().count() + 1));
        }
        seen += 1;
    }
    None
}

/// Folders that the output itself keeps at its root, beside the locale folders.
pub const OUTPUT_FOLDERS: &[&str] = &["assets"];

/// Why a (valid BCP 47) code cannot name a locale folder: the output's own folders, and the
/// language subtags that are Windows device names (`con`, `aux`, `nul`, `prn`).
fn reserved_code(code: &str) -> Option<String> {
    if OUTPUT_FOLDERS.iter().any(|f| f.eq_ignore_ascii_case(code)) {
        return Some(format!("the output's `{code}/` folder holds the theme's files and search indexes"));
    }
    crate::urls::unportable_name(code)
}

/// Locale folders on disk that `site.yaml` does not declare: probably a typo or a forgotten entry.
pub fn undeclared_locale_dirs(root: &Path, locales: &Locales) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let rd = match std::fs::read_dir(root.join("locales")) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return out,
        Err(e) => return vec![Diagnostic::error("locales", 0, 0, format!("cannot read the folder: {e}"))],
    };
    let mut names: Vec<String> = Vec::new();
    for entry in rd {
        match entry {
            Ok(e) if e.file_type().is_ok_and(|t| t.is_dir()) => names.push(e.file_name().to_string_lossy().into_owned()),
            Ok(_) => {}
            Err(e) => out.push(Diagnostic::error("locales", 0, 0, format!("cannot read the folder: {e}"))),
        }
    }
    names.sort();
    for name in names {
        let canonical = name.parse::<LanguageIdentifier>().map(|l| l.to_string()).unwrap_or(name.clone());
        // A parent-language folder (sw for sw-TZ) is a legitimate part of a chain.
        let used = locales.all.iter().any(|l| l.chain.contains(&canonical));
        if !used {
            let mut d = Diagnostic::warning(format!("locales/{name}"), 0, 0, format!("locale folder `{name}` is not declared in site.yaml and is ignored"));
            if let Some(s) = did_you_mean(&canonical, locales.codes()) {
                d = d.with_hint(format!("did you mean `{s}`?"));
            } else {
                d = d.with_hint(format!("add `- code: {name}` under `locales:` in site.yaml"));
            }
            out.push(d);
        }
    }
    out
}

/// The literal texts of `tag`'s list pattern ("and", wide) around and between `items`:
/// `items.len() + 1` strings (before the first item, between each two, after the last), so a
/// caller can join plain text or links. CLDR data: "A, B et C", "A، B و C", "A、B和C".
/// The items matter: Spanish writes "y" but "e" before an "i" sound.
pub fn list_literals(tag: &str, items: &[&str]) -> Vec<String> {
    use icu_list::ListFormatter;
    use icu_list::options::ListFormatterOptions;
    use writeable::Writeable;
    let locale: icu_locale_core::Locale = tag.parse().unwrap_or(icu_locale_core::Locale::UNKNOWN);
    let mut parts = ListParts { literals: vec![String::new(); items.len() + 1], next: 0, in_element: false };
    match ListFormatter::try_new_and((&locale).into(), ListFormatterOptions::default()) {
        Ok(f) => {
            let _ = f.format(items.iter()).write_to_parts(&mut parts);
        }
        Err(_) => parts.literals[1..items.len()].iter_mut().for_each(|l| *l = ", ".to_string()),
    }
    parts.literals
}

/// `items` joined with `tag`'s list pattern.
pub fn format_list(tag: &str, items: &[&str]) -> String {
    let literals = list_literals(tag, items);
    let mut out = literals[0].clone();
    for (item, lit) in items.iter().zip(&literals[1..]) {
        out.push_str(item);
        out.push_str(lit);
    }
    out
}

/// Collects the literal parts of a formatted list, numbered by the items they follow.
struct ListParts {
    literals: Vec<String>,
    next: usize,
    in_element: bool,
}

impl std::fmt::Write for ListParts {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if !self.in_element {
            if let Some(l) = self.literals.get_mut(self.next) {
                l.push_str(s);
            }
        }
        Ok(())
    }
}

impl writeable::PartsWrite for ListParts {
    type SubPartsWrite = Self;
    fn with_part(&mut self, part: writeable::Part, mut f: impl FnMut(&mut Self) -> std::fmt::Result) -> std::fmt::Result {
        if part != icu_list::parts::ELEMENT {
            return f(self);
        }
        self.in_element = true;
        let r = f(self);
        self.in_element = false;
        self.next += 1;
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_use_the_language_pattern() {
        assert_eq!(format_list("en", &["donors", "students"]), "donors and students");
        assert_eq!(format_list("fa", &["اهداکنندگان خون", "دانشجویان"]), "اهداکنندگان خون و دانشجویان");
        assert_eq!(format_list("es", &["donantes", "instructores"]), "donantes e instructores");
        assert_eq!(format_list("fr", &["A", "B", "C"]), "A, B et C");
        assert_eq!(format_list("zh-Hant", &["甲", "乙", "丙"]), "甲、乙和丙");
        assert_eq!(format_list("en", &["one"]), "one");
        assert_eq!(list_literals("en", &[]), vec![String::new()]);
        assert_eq!(list_literals("en", &["a", "b", "c"]), vec!["", ", ", ", and ", ""]);
    }

    fn lid(s: &str) -> LanguageIdentifier {
        s.parse().unwrap()
    }

    #[test]
    fn chains_truncate() {
        assert_eq!(truncation_chain(&lid("sw-TZ")), vec!["sw-TZ", "sw"]);
        assert_eq!(truncation_chain(&lid("zh-Hant-MO")), vec!["zh-Hant-MO", "zh-Hant", "zh"]);
        assert_eq!(truncation_chain(&lid("en")), vec!["en"]);
    }

    #[test]
    fn direction_from_script_or_language() {
        assert_eq!(direction_of(&lid("fa")), Direction::Rtl);
        assert_eq!(direction_of(&lid("ar-SA")), Direction::Rtl);
        assert_eq!(direction_of(&lid("mn")), Direction::Ltr);
        assert_eq!(direction_of(&lid("az-Arab")), Direction::Rtl);
        assert_eq!(direction_of(&lid("ku-Latn")), Direction::Ltr);
    }
}
