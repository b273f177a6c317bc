//! `donorbook bundle`: offline zips, one per locale.
//!
//! The site is built once into a temporary folder inside the output folder; then, for each
//! requested locale, `<out>/<site>-<tag>.zip` is written with:
//!
//! - `index.html` — a small page that opens `<tag>/index.html` (link + meta refresh);
//! - `<tag>/` and the folder of every locale of its fallback chain;
//! - `assets/`, without the search indexes of locales that are not in the zip;
//! - `404.html` and the site's own root static files;
//! - `README.txt` — how to open the copy, in the locale's language when the site or theme
//!   defines the Fluent message `bundle-readme` (argument `$site`), else in English;
//! - `MANIFEST.txt` — `sha256  path` for every other file, sorted (`sha256sum -c MANIFEST.txt`).
//!
//! Zips are deterministic: entries in sorted order, the DOS epoch as timestamp, mode 0644,
//! deflate. The same site gives byte-identical zips. Each zip is written to a temporary name
//! and renamed into place when complete.

use crate::build::{self, BuildOptions, Site};
use crate::config::Direction;
use crate::diagnostics::{Diagnostics, did_you_mean};
use crate::locale::Locale;
use crate::write;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Names written by the bundle itself at the zip root; site files of the same name are left out.
const GENERATED: [&str; 3] = ["index.html", "MANIFEST.txt", "README.txt"];
/// Build outputs that have no use in an offline copy.
const LEFT_OUT: [&str; 3] = ["sitemap.xml", "robots.txt", write::MARKER];

pub fn run(root: &Path, locales: &[String], out: &Path) -> ExitCode {
    let diags = Diagnostics::new();
    let Some(site) = build::load_site(root, false, &diags) else {
        crate::diagnostics::print(root, &diags.into_sorted(), false);
        return ExitCode::from(1);
    };
    let wanted = match select_locales(&site, locales) {
        Ok(w) => w,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = write::check_output_dir(root, out) {
        eprintln!("error: {e}");
        return ExitCode::from(1);
    }
    let created_out = !out.exists();
    let result = bundle(&site, root, &wanted, out);
    if result.is_err() && created_out {
        // Leave no empty output folder behind after a failed run.
        let _ = std::fs::remove_dir(out);
    }
    match result {
        Ok(written) => {
            for z in written {
                eprintln!("wrote {}: {} files, {}", z.path.display(), z.files, human_size(z.bytes));
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Build) => {
            eprintln!("bundle failed: the site has errors; no zip was written");
            ExitCode::from(1)
        }
        Err(Failure::Io(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    /// Diagnostics were already printed.
    Build,
    Io(String),
}

/// A zip that was written.
struct Written {
    path: PathBuf,
    files: usize,
    bytes: u64,
}

/// The requested locales as declared locales, in request order (all when none are requested).
fn select_locales<'a>(site: &'a Site, requested: &[String]) -> Result<Vec<&'a Locale>, String> {
    let all = &site.locales.all;
    if requested.is_empty() {
        return Ok(all.iter().collect());
    }
    let known: Vec<&str> = all.iter().map(|l| l.code.as_str()).collect();
    let mut out: Vec<&Locale> = Vec::new();
    let mut errors = Vec::new();
    for tag in requested {
        let canonical = tag.parse::<unic_langid::LanguageIdentifier>().map(|l| l.to_string()).unwrap_or_else(|_| tag.clone());
        match all.iter().find(|l| l.code == canonical || l.code.eq_ignore_ascii_case(tag)) {
            Some(l) => {
                if !out.iter().any(|o| o.code == l.code) {
                    out.push(l);
                }
            }
            None => {
                let mut msg = format!("error: unknown locale `{tag}`");
                if let Some(s) = suggest(&canonical, &known) {
                    msg.push_str(&format!(" (did you mean `{s}`?)"));
                }
                errors.push(msg);
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.push(format!("  = help: the site's locales are: {}", known.join(", ")));
        Err(errors.join("\n"))
    }
}

/// A declared locale close to an unknown tag: same language (`fr-FR` → `fr`), or a likely typo.
fn suggest<'a>(tag: &str, known: &[&'a str]) -> Option<&'a str> {
    let lang = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    if let Some(k) = known.iter().find(|k| lang(k) == lang(tag)) {
        return Some(k);
    }
    if tag.len() >= 4 { did_you_mean(tag, known.iter().copied()) } else { None }
}

/// Removes the temporary build folder however the bundle ends.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn bundle(site: &Site, root: &Path, wanted: &[&Locale], out: &Path) -> Result<Vec<Written>, Failure> {
    std::fs::create_dir_all(out).map_err(|e| Failure::Io(format!("cannot create {}: {e}", out.display())))?;
    let tmp = TempDir(out.join(format!(".donorbook-bundle-{}", std::process::id())));
    if tmp.0.exists() {
        std::fs::remove_dir_all(&tmp.0).map_err(|e| Failure::Io(format!("cannot clear {}: {e}", tmp.0.display())))?;
    }
    std::fs::create_dir_all(&tmp.0).map_err(|e| Failure::Io(format!("cannot create {}: {e}", tmp.0.display())))?;
    let declared: BTreeSet<&str> = site.locales.all.iter().map(|l| l.code.as_str()).collect();
    let slug = site_slug(site, root);
    let mut written = Vec::new();
    // One build per zip, so its language switcher and hreflang links name only the locales the
    // zip holds: every link in an unzipped bundle leads to a page that is there.
    for locale in wanted {
        let included: Vec<String> = locale.chain.iter().filter(|t| declared.contains(t.as_str())).cloned().collect();
        let public = tmp.0.join(format!("public-{}", locale.code));
        let opts = BuildOptions {
            root: root.to_path_buf(),
            out: Some(public.clone()),
            drafts: false,
            base_url: None,
            write: true,
            visible_locales: Some(included),
            ..BuildOptions::default()
        };
        let report = build::build(&opts);
        if !report.ok() {
            crate::diagnostics::print(root, &report.diagnostics, false);
            return Err(Failure::Build);
        }
        let files = list_files(&public).map_err(|e| Failure::Io(format!("cannot read the built site: {e}")))?;
        let digests: BTreeMap<&str, String> = files
            .par_iter()
            .map(|rel| std::fs::read(public.join(rel)).map(|b| (rel.as_str(), sha256_hex(&b))))
            .collect::<Result<_, _>>()
            .map_err(|e| Failure::Io(format!("cannot read the built site: {e}")))?;
        let entries = plan_zip(site, locale, &files, &declared);
        let bar = progress_bar(entries.len() as u64);
        let name = format!("{slug}-{}.zip", locale.code);
        bar.set_message(name.clone());
        let path = out.join(&name);
        let bytes = write_zip(&path, &public, &entries, &digests, &bar).map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
        bar.finish_and_clear();
        // `MANIFEST.txt` is not in `entries`.
        written.push(Written { path, files: entries.len() + 1, bytes });
    }
    Ok(written)
}

/// A `sha256sum` line. A name with a backslash or a line break is escaped as GNU coreutils
/// does (the line starts with `\`; `\\`, `\n`, `\r` stand for the characters), so one file is
/// always one line.
fn manifest_line(digest: &str, name: &str) -> String {
    if !name.contains(['\\', '\n', '\r']) {
        return format!("{digest}  {name}\n");
    }
    let escaped = name.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r");
    format!("\\{digest}  {escaped}\n")
}

/// One file of a zip: copied from the build output, or made by the bundle.
enum Entry {
    Built(String),
    Made(String, Vec<u8>),
}

impl Entry {
    fn name(&self) -> &str {
        match self {
            Entry::Built(n) | Entry::Made(n, _) => n,
        }
    }
}

/// Every entry of one locale's zip, sorted by name, `MANIFEST.txt` included.
fn plan_zip(site: &Site, locale: &Locale, files: &[String], declared: &BTreeSet<&str>) -> Vec<Entry> {
    // The locale and the declared locales of its chain (a chain may name an undeclared parent).
    let included: BTreeSet<&str> = locale.chain.iter().map(String::as_str).filter(|t| declared.contains(t)).collect();
    let mut entries: Vec<Entry> = files.iter().filter(|rel| keep(rel, &included, declared)).map(|rel| Entry::Built(rel.clone())).collect();
    let title = site.messages.format(locale, "site-title", None).map(|f| f.text).unwrap_or_else(|_| site.config.title.clone());
    entries.push(Entry::Made("index.html".into(), start_page(site, locale, &title).into_bytes()));
    entries.push(Entry::Made("README.txt".into(), readme(site, locale, &title).into_bytes()));
    entries.sort_by(|a, b| a.name().cmp(b.name()));
    entries
}

/// Whether a file of the build output belongs in a zip holding the locales `included`.
fn keep(rel: &str, included: &BTreeSet<&str>, declared: &BTreeSet<&str>) -> bool {
    let (first, rest) = rel.split_once('/').unwrap_or((rel, ""));
    if rest.is_empty() {
        // A file at the root.
        return !GENERATED.contains(&first) && !LEFT_OUT.contains(&first);
    }
    if declared.contains(first) {
        return included.contains(first);
    }
    if let Some(script) = rel.strip_prefix("assets/search/")
        && let Some(tag) = script.strip_suffix(".js")
        && declared.contains(tag)
    {
        return included.contains(tag);
    }
    true
}

/// Files under `dir`, relative with `/` separators, sorted.
fn list_files(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_file()
            && let Ok(rel) = entry.path().strip_prefix(dir)
        {
            out.push(crate::diagnostics::display_path(rel));
        }
    }
    out.sort();
    Ok(out)
}

/// Writes the zip to a temporary name, then renames it into place. Returns its size.
fn write_zip(path: &Path, public: &Path, entries: &[Entry], digests: &BTreeMap<&str, String>, bar: &indicatif::ProgressBar) -> std::io::Result<u64> {
    use zip::write::SimpleFileOptions;
    let part = path.with_extension("zip.part");
    let result = (|| {
        let file = std::fs::File::create(&part)?;
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(9))
            .last_modified_time(zip::DateTime::default())
            .system(zip::System::Unix)
            .unix_permissions(0o644);
        let mut manifest = String::new();
        for e in entries {
            let digest = match e {
                Entry::Built(rel) => digests.get(rel.as_str()).cloned().unwrap_or_default(),
                Entry::Made(_, bytes) => sha256_hex(bytes),
            };
            manifest.push_str(&manifest_line(&digest, e.name()));
        }
        let mut all: Vec<&Entry> = entries.iter().collect();
        let manifest_entry = Entry::Made("MANIFEST.txt".into(), manifest.into_bytes());
        all.push(&manifest_entry);
        all.sort_by(|a, b| a.name().cmp(b.name()));
        // Everything under one folder named like the zip, so unzipping does not spill files.
        let folder = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        for e in all {
            zip.start_file(format!("{folder}/{}", e.name()), options).map_err(std::io::Error::other)?;
            match e {
                Entry::Built(rel) => zip.write_all(&std::fs::read(public.join(rel))?)?,
                Entry::Made(_, bytes) => zip.write_all(bytes)?,
            }
            if !matches!(e, Entry::Made(n, _) if n == "MANIFEST.txt") {
                bar.inc(1);
            }
        }
        let mut w = zip.finish().map_err(std::io::Error::other)?;
        w.flush()?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(file.metadata()?.len())
    })();
    match result {
        Ok(len) => {
            std::fs::rename(&part, path)?;
            Ok(len)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}

/// The zip's root page: opens the locale's home page at once, with a link for browsers that
/// do not follow the refresh.
fn start_page(site: &Site, locale: &Locale, title: &str) -> String {
    let href = format!("{}/index.html", locale.code);
    let enter = site.messages.format(locale, "chooser-enter", None).map(|f| f.text).unwrap_or_else(|_| "Enter".to_string());
    let dir = match locale.dir {
        Direction::Ltr => "ltr",
        Direction::Rtl => "rtl",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n<title>{title}</title>\n\
<style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a;background:#fff}}a{{color:#a4161a}}</style>\n\
</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p><a href=\"{href}\">{enter} · {name}</a></p>\n</main>\n</body>\n</html>\n",
        lang = escape(&locale.code),
        href = escape(&href),
        title = escape(title),
        enter = escape(&enter),
        name = escape(&locale.name),
    )
}

/// `README.txt` as plain-text viewers want it: CRLF line ends (Notepad on old Windows), and no
/// Unicode isolate marks around Fluent placeables (U+2068/U+2069 show as boxes there).
fn readme(site: &Site, locale: &Locale, title: &str) -> String {
    readme_text(site, locale, title).replace(['\u{2068}', '\u{2069}'], "").replace("\r\n", "\n").replace('\n', "\r\n")
}

/// The site's or theme's `bundle-readme` message, else English.
fn readme_text(site: &Site, locale: &Locale, title: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("site", title.to_string());
    if let Ok(f) = site.messages.format(locale, "bundle-readme", Some(&args)) {
        let mut text = f.text.trim_end().to_string();
        text.push('\n');
        return text;
    }
    format!(
        "{title} ({name})\n\
\n\
This is an offline copy of the site. It works without an internet connection.\n\
\n\
1. Unzip this file into a folder (on Windows: right-click it and choose \"Extract All\").\n\
2. Open the folder and double-click index.html. It opens in your web browser.\n\
\n\
Everything works from the unzipped folder: the lessons, search, knowledge checks, the\n\
glossary and printing. You can copy the folder to a USB stick or another computer.\n\
\n\
MANIFEST.txt lists a SHA-256 digest of every file, to check that the copy is complete:\n\
\x20   sha256sum -c MANIFEST.txt\n",
        name = locale.name,
    )
}

/// A lowercase ASCII slug of the site root's folder name, or `site`.
/// The zip name's prefix: the site's title as an ASCII slug, else the folder's name.
fn site_slug(site: &Site, root: &Path) -> String {
    let from_title = slugify(&site.config.title);
    if from_title != "site" && !from_title.is_empty() {
        return from_title;
    }
    let abs = write::absolute(root);
    let name = abs.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    slugify(&name)
}

fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "site".to_string() } else { slug.to_string() }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// A progress bar on a terminal; hidden otherwise.
fn progress_bar(len: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("My Site"), "my-site");
        assert_eq!(slugify("donor_book-2025"), "donor-book-2025");
        assert_eq!(slugify("Донор"), "site");
        assert_eq!(slugify(""), "site");
        assert_eq!(slugify("--Blood  Centre!"), "blood-centre");
    }

    #[test]
    fn manifest_lines_never_split() {
        assert_eq!(manifest_line("ab", "en/index.html"), "ab  en/index.html\n");
        let line = manifest_line("ab", "odd\nname\\x");
        assert_eq!(line, "\\ab  odd\\nname\\\\x\n", "escaped like GNU sha256sum");
        assert_eq!(line.lines().count(), 1);
    }

    #[test]
    fn keeps_only_bundled_locales() {
        let declared: BTreeSet<&str> = ["en", "fr", "fr-CA", "ar"].into();
        let included: BTreeSet<&str> = ["fr-CA", "fr", "en"].into();
        assert!(keep("fr/index.html", &included, &declared));
        assert!(keep("en/about/index.html", &included, &declared));
        assert!(!keep("ar/index.html", &included, &declared));
        assert!(keep("assets/search/fr-CA.js", &included, &declared));
        assert!(!keep("assets/search/ar.js", &included, &declared));
        assert!(keep("assets/style.css", &included, &declared));
        assert!(keep("404.html", &included, &declared));
        assert!(!keep("index.html", &included, &declared));
        assert!(!keep("sitemap.xml", &included, &declared));
        assert!(!keep("README.txt", &included, &declared));
        assert!(keep("images/logo.png", &included, &declared));
    }
}
