//! `donorbook l10n status` and `l10n stamp`: how far each locale's translation has got, and
//! recording which version of the source a translation was made from.
//!
//! Status compares every locale (except the default, which is the source) with the source tree
//! `content/`: a page is *translated* when the locale's own tree has it with a `source_hash`
//! equal to the source's current digest, *stale* when the hash is missing or different,
//! *inherited* when a same-language chain ancestor (`sw` for `sw-TZ`) has it, *missing*
//! otherwise; a translation whose source is gone is *orphaned*. Fluent messages and glossary
//! entries are counted the same way. The JSON shape is documented in `docs/translating.md`.
//!
//! Stamp edits only the `source_hash:` line of a translation's front matter (replacing it, or
//! inserting it just before the closing `---`), keeping every other byte: BOM, line endings,
//! comments and key order. The file is replaced atomically.

use crate::build::{Site, load_site};
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::locale::{Locale, Locales};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use unic_langid::LanguageIdentifier;

/// Output format of `l10n status`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// An aligned summary table followed by the details of each locale.
    Table,
    /// A stable JSON document for CI (see `docs/translating.md`).
    Json,
}

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

/// The whole `l10n status --format json` document.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StatusReport {
    /// The default locale, whose `content/` is the source.
    pub source_locale: String,
    /// Number of source pages (drafts excluded).
    pub source_pages: usize,
    /// One entry per reported locale, in `site.yaml` order.
    pub locales: Vec<LocaleStatus>,
}

/// The status of one locale.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct LocaleStatus {
    pub code: String,
    pub name: String,
    /// The fallback chain, this locale first.
    pub chain: Vec<String>,
    pub pages: PageCounts,
    /// Paths inside `content/` of pages whose readers see the "may be out of date" notice: the
    /// locale's translation, or the same-language ancestor's it inherits, is older than the source.
    pub stale: Vec<String>,
    /// The stale pages this locale inherits: path → the ancestor whose translation it shows.
    pub stale_from: std::collections::BTreeMap<String, String>,
    /// Translations with no `source_hash`: counted as translated, staleness unknown.
    pub unstamped: Vec<String>,
    /// Source pages with no translation in this locale (nor in a same-language ancestor).
    pub missing: Vec<String>,
    /// Source pages this locale takes from a same-language chain ancestor (`sw` for `sw-TZ`).
    pub inherited: Vec<Inherited>,
    /// Translations in this locale's tree whose source no longer exists.
    pub orphaned: Vec<String>,
    /// Orphans whose name says what went wrong (`01-x.fr.md`): path → hint.
    pub orphan_hints: std::collections::BTreeMap<String, String>,
    pub keys: KeyStatus,
    pub glossary: GlossaryStatus,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PageCounts {
    pub total: usize,
    /// Translated in this locale, stamped or not (`unstamped` of them never stamped).
    pub translated: usize,
    pub unstamped: usize,
    pub stale: usize,
    pub missing: usize,
    pub inherited: usize,
    pub orphaned: usize,
    /// Pages readers get in their language and not out of date (translated + inherited, stale
    /// excluded) / total × 100, rounded to one decimal; 100 when there are no pages.
    pub percent: f64,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Inherited {
    pub path: String,
    pub from: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct KeyStatus {
    /// Keys this locale is expected to translate: the default locale's site keys, plus the
    /// theme's keys when the theme ships a file for this locale's language.
    pub total: usize,
    /// Expected keys that no tag of the chain defines, the default locale excepted.
    pub missing: Vec<String>,
    /// Keys in this locale's own site files that neither the default locale's site files nor
    /// the theme define: nothing ever asks for them.
    pub unused: Vec<String>,
    /// Unused key → the expected key it is probably a misspelling of.
    pub suggestions: std::collections::BTreeMap<String, String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct GlossaryStatus {
    /// Entries in `content/glossary.yaml`.
    pub total: usize,
    /// Entries in this locale's own `glossary.yaml`.
    pub translated: usize,
    /// Entries taken from a same-language chain ancestor.
    pub inherited: usize,
    /// Ids of source entries not translated.
    pub missing: Vec<String>,
    /// Ids in this locale's glossary that the source glossary does not have.
    pub orphaned: Vec<String>,
}

/// `l10n status`: prints the report; exit 0, 1 when the site has errors, 2 for an unknown locale.
pub fn run_status(root: &Path, locales: &[String], format: Format) -> ExitCode {
    let diags = Diagnostics::new();
    let site = load_site(root, false, &diags);
    let errors: Vec<Diagnostic> = diags.into_sorted().into_iter().filter(Diagnostic::is_error).collect();
    crate::diagnostics::print(root, &errors, false);
    let Some(site) = site else {
        eprintln!("error: the site could not be loaded, so its translation status is unknown");
        return ExitCode::from(1);
    };
    let selected = match select_locales(&site.locales, locales) {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("error: {msg}");
            return ExitCode::from(2);
        }
    };
    let report = status(&site, &selected);
    match format {
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(s) => say(&s),
            Err(e) => {
                eprintln!("error: cannot write the report: {e}");
                return ExitCode::from(1);
            }
        },
        Format::Table => say(render_table(&report).trim_end()),
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("the site has errors (above); files that could not be read are not counted");
        ExitCode::from(1)
    }
}

/// The locales to report: the given tags (canonicalised, in `site.yaml` order), or every locale
/// but the default.
fn select_locales<'a>(locales: &'a Locales, wanted: &[String]) -> Result<Vec<&'a Locale>, String> {
    let default = &locales.default_locale().code;
    if wanted.is_empty() {
        return Ok(locales.all.iter().filter(|l| &l.code != default).collect());
    }
    let known = || locales.all.iter().filter(|l| &l.code != default).map(|l| l.code.as_str()).collect::<Vec<_>>().join(", ");
    let mut codes = BTreeSet::new();
    for w in wanted {
        let code = canonical_tag(w);
        if &code == default {
            return Err(format!("`{w}` is the default locale: its pages are the source the other locales are compared with (known locales: {})", known()));
        }
        if locales.get(&code).is_none() {
            return Err(format!("unknown locale `{w}`; known locales: {}", known()));
        }
        codes.insert(code);
    }
    Ok(locales.all.iter().filter(|l| codes.contains(&l.code)).collect())
}

fn canonical_tag(tag: &str) -> String {
    tag.parse::<LanguageIdentifier>().map(|l| l.to_string()).unwrap_or_else(|_| tag.to_string())
}

/// Computes the status of `selected` locales against the site's source.
pub fn status(site: &Site, selected: &[&Locale]) -> StatusReport {
    let default = site.locales.default_locale().code.clone();
    let empty = crate::model::Tree::default();
    let source = site.content.trees.get(&default).unwrap_or(&empty);
    let locales = selected.iter().map(|l| locale_status(site, l, &default, source)).collect();
    StatusReport { source_locale: default, source_pages: source.docs.len(), locales }
}

fn locale_status(site: &Site, locale: &Locale, default: &str, source: &crate::model::Tree) -> LocaleStatus {
    use crate::l10n::{self, PageState};
    let code = &locale.code;
    let ancestors: Vec<&str> = l10n::same_language_ancestors(locale, default).collect();
    let mut stale = Vec::new();
    let mut stale_from = std::collections::BTreeMap::new();
    let mut unstamped = Vec::new();
    let mut missing = Vec::new();
    let mut inherited = Vec::new();
    let mut translated = 0;
    let mut covered = 0;
    for rel in source.docs.keys() {
        let state = l10n::page_state(&site.content, locale, default, rel);
        covered += usize::from(state.is_covered());
        match state {
            PageState::Current => translated += 1,
            PageState::Unstamped => {
                translated += 1;
                unstamped.push(rel.clone());
            }
            PageState::Stale => stale.push(rel.clone()),
            // An inherited page its readers see as out of date is stale here too.
            PageState::Inherited { state, from } if state.is_stale() => {
                stale.push(rel.clone());
                stale_from.insert(rel.clone(), from);
            }
            PageState::Inherited { from, .. } => inherited.push(Inherited { path: rel.clone(), from }),
            PageState::Missing => missing.push(rel.clone()),
        }
    }
    let orphans = l10n::orphans(site, locale, default);
    let orphaned: Vec<String> = orphans.iter().map(|o| o.rel.clone()).collect();
    let total = source.docs.len();
    let pages = PageCounts {
        total,
        translated,
        unstamped: unstamped.len(),
        stale: stale.len(),
        missing: missing.len(),
        inherited: inherited.len(),
        orphaned: orphaned.len(),
        percent: percent(covered, total),
    };
    let messages = l10n::message_states(site, locale, default);
    LocaleStatus {
        code: code.clone(),
        name: locale.name.clone(),
        chain: locale.chain.clone(),
        pages,
        stale,
        stale_from,
        unstamped,
        missing,
        inherited,
        orphaned,
        orphan_hints: orphans.into_iter().filter_map(|o| o.hint.map(|h| (o.rel, h))).collect(),
        keys: KeyStatus {
            total: messages.expected.len(),
            missing: messages.missing,
            unused: messages.unused.iter().map(|(k, _)| k.clone()).collect(),
            suggestions: messages.unused.into_iter().filter_map(|(k, s)| s.map(|s| (k, s))).collect(),
        },
        glossary: glossary_status(site, locale, default, &ancestors),
    }
}

fn percent(covered: usize, total: usize) -> f64 {
    if total == 0 { 100.0 } else { (covered as f64 * 1000.0 / total as f64).round() / 10.0 }
}

fn glossary_status(site: &Site, locale: &Locale, default: &str, ancestors: &[&str]) -> GlossaryStatus {
    let g = &site.content.glossaries;
    let has = |tag: &str, id: &str| g.get(tag).is_some_and(|es| es.iter().any(|e| e.id == id));
    let source: Vec<&str> = g.get(default).map(|es| es.iter().map(|e| e.id.as_str()).collect()).unwrap_or_default();
    let mut translated = 0;
    let mut inherited = 0;
    let mut missing = Vec::new();
    for id in &source {
        if has(&locale.code, id) {
            translated += 1;
        } else if ancestors.iter().any(|t| has(t, id)) {
            inherited += 1;
        } else {
            missing.push(id.to_string());
        }
    }
    missing.sort();
    let mut orphaned: Vec<String> =
        g.get(&locale.code).map(|es| es.iter().filter(|e| !source.contains(&e.id.as_str())).map(|e| e.id.clone()).collect()).unwrap_or_default();
    orphaned.sort();
    orphaned.dedup();
    GlossaryStatus { total: source.len(), translated, inherited, missing, orphaned }
}

/// The human-readable report: a summary table, then what is left to do in each locale.
pub fn render_table(report: &StatusReport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Translation status against `{}` ({} source {})\n\n",
        report.source_locale,
        report.source_pages,
        if report.source_pages == 1 { "page" } else { "pages" }
    ));
    if report.locales.is_empty() {
        out.push_str("The site has no locale other than the source locale.\n");
        return out;
    }
    let header = ["LOCALE", "COVERED", "TRANSLATED", "STALE", "MISSING", "INHERITED", "ORPHANED", "KEYS MISSING", "KEYS UNUSED", "GLOSSARY"];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
    for l in &report.locales {
        rows.push(vec![
            l.code.clone(),
            format!("{:.1}%", l.pages.percent),
            l.pages.translated.to_string(),
            l.pages.stale.to_string(),
            l.pages.missing.to_string(),
            l.pages.inherited.to_string(),
            l.pages.orphaned.to_string(),
            format!("{}/{}", l.keys.missing.len(), l.keys.total),
            l.keys.unused.len().to_string(),
            format!("{}/{}", l.glossary.translated + l.glossary.inherited, l.glossary.total),
        ]);
    }
    let widths: Vec<usize> = (0..header.len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - cell.chars().count());
            if c == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(
        "\nCOVERED counts the pages readers get in their language and not marked out of date: TRANSLATED (stamped or not) and, for a country\n\
variant, the pages its language provides (INHERITED). A STALE page, the locale's own or inherited, is not covered.\n",
    );
    for l in &report.locales {
        out.push_str(&format!("\n{} ({}), chain {}\n", l.code, l.name, l.chain.join(" → ")));
        let covered = l.pages.translated + l.pages.inherited;
        out.push_str(&format!("  {covered} of {} pages covered ({:.1}%)\n", l.pages.total, l.pages.percent));
        let tr = |rel: &str| format!("locales/{}/content/{rel}", l.stale_from.get(rel).unwrap_or(&l.code));
        if !l.stale.is_empty() {
            out.push_str("  stale (the source changed since the translation was stamped; readers see a notice):\n");
            for rel in &l.stale {
                out.push_str(&format!("    {}\n", tr(rel)));
            }
        }
        if !l.unstamped.is_empty() {
            out.push_str("  never stamped (counted as translated; run `donorbook l10n stamp` once it matches the source):\n");
            for rel in &l.unstamped {
                out.push_str(&format!("    {}\n", tr(rel)));
            }
        }
        if !l.missing.is_empty() && l.missing.len() == l.pages.total {
            out.push_str(&format!("  missing: all {} pages (nothing translated yet)\n", l.pages.total));
        } else if !l.missing.is_empty() {
            out.push_str("  missing (no translation yet):\n");
            for rel in &l.missing {
                out.push_str(&format!("    content/{rel}\n"));
            }
        }
        if !l.inherited.is_empty() {
            out.push_str("  inherited (shown from the language's own translation):\n");
            for i in &l.inherited {
                out.push_str(&format!("    locales/{}/content/{}\n", i.from, i.path));
            }
        }
        if !l.orphaned.is_empty() {
            out.push_str("  orphaned (the source no longer exists):\n");
            for rel in &l.orphaned {
                out.push_str(&format!("    {}\n", tr(rel)));
                if let Some(h) = l.orphan_hints.get(rel) {
                    out.push_str(&format!("      = help: {h}\n"));
                }
            }
        }
        if !l.keys.missing.is_empty() {
            out.push_str(&format!("  Fluent messages missing: {}\n", l.keys.missing.join(", ")));
        }
        if !l.keys.unused.is_empty() {
            let named: Vec<String> = l
                .keys
                .unused
                .iter()
                .map(|k| match l.keys.suggestions.get(k) {
                    Some(s) => format!("{k} (did you mean `{s}`?)"),
                    None => k.clone(),
                })
                .collect();
            out.push_str(&format!("  Fluent messages unused: {}\n", named.join(", ")));
        }
        if l.glossary.total > 1 && l.glossary.missing.len() == l.glossary.total {
            out.push_str(&format!("  glossary entries missing: all {}\n", l.glossary.total));
        } else if !l.glossary.missing.is_empty() {
            out.push_str(&format!("  glossary entries missing: {}\n", l.glossary.missing.join(", ")));
        }
        if !l.glossary.orphaned.is_empty() {
            out.push_str(&format!("  glossary entries with no source entry: {}\n", l.glossary.orphaned.join(", ")));
        }
    }
    if report.locales.iter().any(|l| !l.stale.is_empty()) {
        out.push_str("\nWhen a stale page is up to date again, record it: donorbook l10n stamp LOCALE FILE\n");
    }
    out
}

/// Prints a line on stdout; a closed pipe (`| head`) is not an error worth a panic.
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
}

// ---------------------------------------------------------------------------------------------
// Stamp
// ---------------------------------------------------------------------------------------------

/// What stamping one file did.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Stamped {
    Written,
    UpToDate,
}

/// `l10n stamp LOCALE [PATH]...`: exit 0, 1 when a file could not be stamped, 2 for a bad locale.
pub fn run_stamp(root: &Path, locale: &str, paths: &[PathBuf]) -> ExitCode {
    let config = match crate::config::load(root) {
        Ok(c) => c,
        Err(ds) => {
            crate::diagnostics::print(root, &ds, false);
            return ExitCode::from(1);
        }
    };
    let site_yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap_or_default();
    let locales = match crate::locale::resolve_locales(&config, &site_yaml) {
        Ok(l) => l,
        Err(ds) => {
            crate::diagnostics::print(root, &ds, false);
            return ExitCode::from(1);
        }
    };
    let default = locales.default_locale().code.clone();
    // Every tag a chain uses can hold translations (`sw` for `sw-TZ`, declared or not).
    let mut known: Vec<&str> = Vec::new();
    for l in &locales.all {
        for t in &l.chain {
            if *t != default && !known.contains(&t.as_str()) {
                known.push(t);
            }
        }
    }
    let tag = canonical_tag(locale);
    if tag == default {
        eprintln!("error: `{locale}` is the default locale: its pages are the source, and only translations are stamped");
        return ExitCode::from(2);
    }
    if !known.contains(&tag.as_str()) {
        eprintln!("error: unknown locale `{locale}`; known locales: {}", known.join(", "));
        return ExitCode::from(2);
    }

    let canonical_root = match root.canonicalize() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot open the site folder {}: {e}", root.display());
            return ExitCode::from(1);
        }
    };
    let mut errors: Vec<Diagnostic> = Vec::new();
    let explicit = !paths.is_empty();
    let mut files: Vec<PathBuf> = Vec::new();
    if explicit {
        for p in paths {
            match resolve_path(root, p) {
                Some(abs) if abs.is_dir() => files.extend(markdown_files(root, &abs, &mut errors)),
                Some(abs) => files.push(abs),
                None => errors.push(Diagnostic::error(p, 0, 0, "no such file (looked in the current folder and the site root)")),
            }
        }
    } else {
        let dir = root.join("locales").join(&tag).join("content");
        files.extend(markdown_files(root, &dir, &mut errors));
        if files.is_empty() {
            say(&format!("locales/{tag}/content/ has no translations to stamp"));
        }
    }

    let mut written = 0;
    let mut up_to_date = 0;
    let mut seen = BTreeSet::new();
    for abs in files {
        let abs = abs.canonicalize().unwrap_or(abs);
        if !seen.insert(abs.clone()) {
            continue;
        }
        let rel = match translation_rel(&canonical_root, &abs, &tag) {
            Ok(r) => r,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        let display = PathBuf::from(format!("locales/{tag}/content/{rel}"));
        let source = root.join("content").join(&rel);
        if !source.is_file() {
            let d = Diagnostic::error(&display, 0, 0, format!("no source for this translation: content/{rel} does not exist"))
                .with_hint("a translation must have the same path as its source under content/; `l10n status` lists it as orphaned");
            if explicit {
                errors.push(d);
            } else {
                eprintln!("{}: skipped: orphaned, content/{rel} does not exist", display_path(&display));
            }
            continue;
        }
        let digest = match crate::load::digest_file(&source) {
            Ok(d) => d,
            Err(e) => {
                errors.push(Diagnostic::error(format!("content/{rel}"), 0, 0, format!("cannot read the source: {e}")));
                continue;
            }
        };
        match stamp_file(&abs, &display, &digest) {
            Ok(Stamped::Written) => {
                written += 1;
                say(&format!("stamped {} (source content/{rel}, {digest})", display_path(&display)));
            }
            Ok(Stamped::UpToDate) => {
                up_to_date += 1;
                say(&format!("{}: already up to date", display_path(&display)));
            }
            Err(d) => errors.push(d),
        }
    }
    crate::diagnostics::print(root, &errors, false);
    let plural = |n: usize| if n == 1 { "file" } else { "files" };
    if written + up_to_date > 0 || !errors.is_empty() {
        let mut summary = format!("{written} {} stamped, {up_to_date} already up to date", plural(written));
        if !errors.is_empty() {
            summary.push_str(&format!(", {} not stamped", errors.len()));
        }
        eprintln!("{summary}");
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// A path given on the command line: relative to the current folder, else to the site root.
fn resolve_path(root: &Path, p: &Path) -> Option<PathBuf> {
    if p.is_absolute() {
        return p.exists().then(|| p.to_path_buf());
    }
    [p.to_path_buf(), root.join(p)].into_iter().find(|c| c.exists())
}

/// Markdown files under `dir`, sorted, skipping hidden files and folders (as the loader does).
/// What cannot be read is an error naming it.
fn markdown_files(root: &Path, dir: &Path, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let shown = |p: &Path| crate::diagnostics::rel_to(root, p);
    match crate::load::readable_dir(dir, &shown(dir)) {
        Ok(true) => {}
        Ok(false) => return Vec::new(),
        Err(d) => {
            errors.push(d);
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    for entry in
        walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        match entry {
            Ok(e) if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md") => out.push(e.into_path()),
            Ok(_) => {}
            Err(e) => errors.push(Diagnostic::error(e.path().map(shown).unwrap_or_else(|| shown(dir)), 0, 0, format!("cannot read: {e}"))),
        }
    }
    out
}

/// The logical path (inside `content/`) of a translation file of `tag`, or why it is not one.
fn translation_rel(canonical_root: &Path, abs: &Path, tag: &str) -> Result<String, Diagnostic> {
    let Ok(inside) = abs.strip_prefix(canonical_root) else {
        return Err(Diagnostic::error(abs, 0, 0, format!("not inside the site ({}); expected a file under locales/{tag}/content/", canonical_root.display())));
    };
    let parts: Vec<String> = inside
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_string_lossy().into_owned(),
            other => other.as_os_str().to_string_lossy().into_owned(),
        })
        .collect();
    let shown = display_path(inside);
    let not_here =
        |hint: String| Err(Diagnostic::error(inside, 0, 0, format!("not a `{tag}` translation: expected a file under locales/{tag}/content/")).with_hint(hint));
    match parts.as_slice() {
        [l, t, c, rest @ ..] if l == "locales" && c == "content" && !rest.is_empty() => {
            if canonical_tag(t) != tag {
                return not_here(format!("this file belongs to `{t}`: run `donorbook l10n stamp {t} {shown}`"));
            }
            let rel = rest.join("/");
            if !rel.ends_with(".md") {
                return Err(Diagnostic::error(inside, 0, 0, "not a Markdown file; only translated pages (.md) have a `source_hash`"));
            }
            Ok(rel)
        }
        [c, rest @ ..] if c == "content" && !rest.is_empty() => not_here(format!("that is a source file; give its translation instead: locales/{tag}/{shown}")),
        _ => not_here(format!("translations mirror content/ paths, e.g. locales/{tag}/content/about.md")),
    }
}

/// Writes `source_hash: <digest>` into one translation, atomically.
fn stamp_file(abs: &Path, display: &Path, digest: &str) -> Result<Stamped, Diagnostic> {
    let bytes = std::fs::read(abs).map_err(|e| Diagnostic::error(display, 0, 0, format!("cannot read the file: {e}")))?;
    let new = match set_source_hash(&bytes, digest) {
        Ok(None) => return Ok(Stamped::UpToDate),
        Ok(Some(new)) => new,
        Err(msg) => {
            return Err(Diagnostic::error(display, 1, 1, msg)
                .with_hint("a translation starts with a `---` line, then its front matter (at least `title:`), then a closing `---` line"));
        }
    };
    verify(&new, display, digest)?;
    write_atomically(abs, &new).map_err(|e| Diagnostic::error(display, 0, 0, format!("cannot write the file: {e}")))?;
    Ok(Stamped::Written)
}

/// The stamped file must still parse, and carry exactly the new digest.
fn verify(new: &[u8], display: &Path, digest: &str) -> Result<(), Diagnostic> {
    let text = std::str::from_utf8(new).map_err(|_| Diagnostic::error(display, 0, 0, "the file is not valid UTF-8"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let split = crate::frontmatter::split(&text, display)?;
    let front = crate::frontmatter::parse(&split, display)?;
    if front.source_hash.as_deref() != Some(digest) {
        return Err(Diagnostic::error(display, 0, 0, "could not set `source_hash` in the front matter; is it written in an unusual way?"));
    }
    Ok(())
}

/// One line of a file: `[start, content_end)` is the text, `[content_end, end)` its line ending.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    content_end: usize,
    end: usize,
}

/// Splits at LF, CRLF and lone CR, keeping offsets.
fn lines(bytes: &[u8], from: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = from;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(Line { start, content_end: i, end: i + 1 });
                i += 1;
                start = i;
            }
            b'\r' => {
                let end = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                out.push(Line { start, content_end: i, end });
                i = end;
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(Line { start, content_end: bytes.len(), end: bytes.len() });
    }
    out
}

/// The file with `source_hash` set to `digest`, or `None` when it already is. Only the
/// `source_hash` line changes (or is added before the closing `---`); every other byte stays.
fn set_source_hash(bytes: &[u8], digest: &str) -> Result<Option<Vec<u8>>, String> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let from = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let ls = lines(bytes, from);
    let text = |l: &Line| &bytes[l.start..l.content_end];
    let Some(first) = ls.first() else { return Err("the file is empty: no front matter".into()) };
    if text(first) != b"---" || first.end == first.content_end {
        return Err("no front matter: the file must start with a `---` line".into());
    }
    let Some(close) = ls.iter().skip(1).position(|l| {
        let t = trim_end(text(l));
        t == b"---" || t == b"..."
    }) else {
        return Err("the front matter is never closed: expected a second `---` line".into());
    };
    let close = close + 1;
    let yaml = &ls[1..close];
    let key_at = yaml.iter().position(|l| key_value(text(l), b"source_hash").is_some());
    let new_line = format!("source_hash: {digest}");
    let mut out = Vec::with_capacity(bytes.len() + new_line.len() + 2);
    match key_at {
        Some(i) => {
            let line = yaml[i];
            // Indented lines after the key continue its value (a block scalar); they are replaced too.
            let cont = yaml[i + 1..].iter().take_while(|l| matches!(text(l).first(), Some(b' ' | b'\t'))).count();
            let value = key_value(text(&line), b"source_hash").unwrap_or_default();
            if cont == 0 && unquote(&value) == digest {
                return Ok(None);
            }
            let last = yaml[i + cont];
            // The line ending of the key's line is kept; a value continued over several lines
            // takes the ending of its last line.
            let eol = &bytes[last.content_end..last.end];
            out.extend_from_slice(&bytes[..line.start]);
            out.extend_from_slice(new_line.as_bytes());
            out.extend_from_slice(eol);
            out.extend_from_slice(&bytes[last.end..]);
        }
        None => {
            let before = ls[close - 1];
            let eol = &bytes[before.content_end..before.end];
            let at = ls[close].start;
            out.extend_from_slice(&bytes[..at]);
            out.extend_from_slice(new_line.as_bytes());
            out.extend_from_slice(eol);
            out.extend_from_slice(&bytes[at..]);
        }
    }
    Ok(Some(out))
}

fn trim_end(b: &[u8]) -> &[u8] {
    let n = b.iter().rposition(|c| !matches!(c, b' ' | b'\t')).map_or(0, |i| i + 1);
    &b[..n]
}

/// The value text of a top-level `key: value` line, if the line is that key.
fn key_value(line: &[u8], key: &[u8]) -> Option<String> {
    let rest = line.strip_prefix(key)?;
    let rest = &rest[rest.iter().position(|c| *c != b' ' && *c != b'\t').unwrap_or(rest.len())..];
    let rest = rest.strip_prefix(b":")?;
    if !rest.is_empty() && !matches!(rest[0], b' ' | b'\t') {
        return None;
    }
    Some(String::from_utf8_lossy(rest).trim().to_string())
}

/// A scalar as YAML reads it for the simple forms a digest takes: quotes and a trailing
/// comment removed.
fn unquote(v: &str) -> String {
    let v = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q)
            && let Some(end) = inner.find(q)
        {
            return inner[..end].to_string();
        }
    }
    let v = match v.find(" #").or_else(|| v.find("\t#")) {
        Some(i) => &v[..i],
        None => v,
    };
    v.trim().to_string()
}

/// Writes `bytes` to a temporary file beside `path` and renames it over `path`, so a reader
/// (or a crash) never sees half a file. The original's permissions are kept.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // The temporary name must fit in 255 bytes whatever the file's name: a short prefix of it.
    let mut short: String = String::new();
    for c in name.chars() {
        if short.len() + c.len_utf8() > 64 {
            break;
        }
        short.push(c);
    }
    let tmp = dir.join(format!(".{short}.{}.stamp.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "0123456789abcdef";

    fn stamp(s: &str) -> Option<String> {
        set_source_hash(s.as_bytes(), D).unwrap().map(|b| String::from_utf8(b).unwrap())
    }

    #[test]
    fn inserts_before_the_closing_line() {
        assert_eq!(stamp("---\ntitle: A\n---\nbody\n").unwrap(), format!("---\ntitle: A\nsource_hash: {D}\n---\nbody\n"));
        assert_eq!(stamp("\u{feff}---\r\ntitle: A\r\n---\r\nbody").unwrap(), format!("\u{feff}---\r\ntitle: A\r\nsource_hash: {D}\r\n---\r\nbody"));
    }

    #[test]
    fn replaces_in_place_and_is_idempotent() {
        assert_eq!(stamp("---\nsource_hash: old # x\ntitle: A\n---\n").unwrap(), format!("---\nsource_hash: {D}\ntitle: A\n---\n"));
        assert_eq!(stamp(&format!("---\ntitle: A\nsource_hash: {D}\n---\n")), None);
        assert_eq!(stamp(&format!("---\ntitle: A\nsource_hash: \"{D}\"\n---\n")), None);
        assert_eq!(stamp("---\ntitle: A\nsource_hash: >\n  abc\n---\n").unwrap(), format!("---\ntitle: A\nsource_hash: {D}\n---\n"));
        // Other keys that merely start with the name are left alone.
        assert_eq!(stamp("---\nsource_hash_old: x\ntitle: A\n---\n").unwrap(), format!("---\nsource_hash_old: x\ntitle: A\nsource_hash: {D}\n---\n"));
    }

    #[test]
    fn refuses_files_without_front_matter() {
        assert!(set_source_hash(b"# Title\n", D).is_err());
        assert!(set_source_hash(b"---\ntitle: A\n", D).is_err());
        assert!(set_source_hash(b"", D).is_err());
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(1, 6), 16.7);
        assert_eq!(percent(0, 0), 100.0);
        assert_eq!(percent(2, 3), 66.7);
    }
}
