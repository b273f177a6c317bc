//! Stage 1, load: files on disk → [`Content`], with every problem collected as a diagnostic.

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::frontmatter;
use crate::locale::Locales;
use crate::model::{Content, GlossaryEntry, Lesson, Module, SourceFile, StandalonePage, Structure, Tree};
use crate::yaml;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Options that change what is loaded.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    pub drafts: bool,
}

/// Loads the source tree and every locale's translation tree.
pub fn load_content(root: &Path, locales: &Locales, opts: LoadOptions, diags: &Diagnostics) -> Content {
    let mut content = Content::default();
    let default = locales.default_locale().code.clone();
    content.trees.insert(default.clone(), load_tree(root, Path::new("content"), &default, true, diags));
    let mut tags: Vec<&str> = locales.all.iter().flat_map(|l| l.chain.iter().map(String::as_str)).collect();
    tags.sort_unstable();
    tags.dedup();
    for tag in tags {
        if tag == default {
            continue;
        }
        let dir = PathBuf::from("locales").join(tag).join("content");
        match readable_dir(&root.join(&dir), &dir) {
            Ok(true) => {
                content.trees.insert(tag.to_string(), load_tree(root, &dir, tag, false, diags));
            }
            Ok(false) => {}
            Err(d) => diags.push(d),
        }
        if let Some(g) = load_glossary(root, &PathBuf::from("locales").join(tag).join("glossary.yaml"), diags) {
            content.glossaries.insert(tag.to_string(), g);
        }
    }
    if let Some(g) = load_glossary(root, Path::new("content/glossary.yaml"), diags) {
        content.glossaries.insert(default.clone(), g);
    }
    if !opts.drafts {
        for tree in content.trees.values_mut() {
            let drafts: Vec<String> = tree.docs.iter().filter(|(_, d)| d.front.draft).map(|(rel, _)| rel.clone()).collect();
            for rel in drafts {
                tree.docs.remove(&rel);
                tree.drafts.insert(rel);
            }
        }
    }
    let empty = Tree::default();
    let structure = build_structure(content.trees.get(&default).unwrap_or(&empty), diags);
    content.structure = structure;
    content
}

/// Whether `abs` is a folder. `Ok(false)` when nothing is there; an error naming `display` when
/// something is there but cannot be read (permissions, a looping or broken symbolic link), so
/// an unreadable `locales/es` is not silently shown as English.
pub fn readable_dir(abs: &Path, display: &Path) -> Result<bool, Diagnostic> {
    let unreadable = |e: std::io::Error| Diagnostic::error(display, 0, 0, format!("cannot read the folder: {e}"));
    match std::fs::metadata(abs) {
        Ok(m) if m.is_dir() => std::fs::read_dir(abs).map(|_| true).map_err(unreadable),
        Ok(_) => Ok(false),
        Err(e) if missing(&e) => match std::fs::symlink_metadata(abs) {
            Ok(_) => Err(Diagnostic::error(display, 0, 0, "broken symbolic link: its target does not exist")),
            Err(_) => Ok(false),
        },
        Err(e) => Err(unreadable(e)),
    }
}

/// Whether `abs` is a file, with the same rules as [`readable_dir`].
pub fn readable_file(abs: &Path, display: &Path) -> Result<bool, Diagnostic> {
    match std::fs::metadata(abs) {
        Ok(m) => Ok(m.is_file()),
        Err(e) if missing(&e) => match std::fs::symlink_metadata(abs) {
            Ok(_) => Err(Diagnostic::error(display, 0, 0, "broken symbolic link: its target does not exist")),
            Err(_) => Ok(false),
        },
        Err(e) => Err(Diagnostic::error(display, 0, 0, format!("cannot read: {e}"))),
    }
}

/// "Not there" as opposed to "there but unreadable".
fn missing(e: &std::io::Error) -> bool {
    matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory)
}

/// The files under `dir` (sorted, symbolic links not followed) as (path relative to `dir`,
/// absolute path). Every entry that cannot be read is an error naming it under `display`.
pub fn files_under(dir: &Path, display: &str, diags: &Diagnostics) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if let Ok(rel) = e.path().strip_prefix(dir) {
                    out.push((display_path(rel), e.path().to_path_buf()));
                }
            }
            Ok(_) => {}
            Err(e) => {
                let at = e.path().and_then(|p| p.strip_prefix(dir).ok()).map(display_path).unwrap_or_default();
                let shown = if at.is_empty() { display.to_string() } else { format!("{display}/{at}") };
                let cause = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
                diags.push(Diagnostic::error(shown, 0, 0, format!("cannot read: {cause}")));
            }
        }
    }
    out
}

/// Reads one content folder: Markdown files are parsed, everything else is an asset. Only the
/// source tree needs digests (translations record the digest of their source).
fn load_tree(root: &Path, dir: &Path, tag: &str, digests: bool, diags: &Diagnostics) -> Tree {
    let base = root.join(dir);
    let mut tree = Tree::default();
    let mut md_files: Vec<(String, PathBuf)> = Vec::new();
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // Links may point within this tree or the source tree (a translation reusing a source image).
    let allowed: Vec<PathBuf> = [base.clone(), root.join("content")].iter().filter_map(|p| p.canonicalize().ok()).collect();
    for entry in walkdir::WalkDir::new(&base).follow_links(false).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e.path().map(|p| crate::diagnostics::rel_to(root, p)).unwrap_or_else(|| dir.to_path_buf());
                diags.push(Diagnostic::error(p, 0, 0, format!("cannot read: {e}")));
                continue;
            }
        };
        let abs = entry.path();
        let Ok(rel_path) = abs.strip_prefix(&base) else { continue };
        if rel_path.as_os_str().is_empty() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if let Some(why) = unportable_entry(&name, entry.file_type().is_dir()) {
            diags.push(Diagnostic::error(dir.join(rel_path), 0, 0, format!("this name cannot be published: {why}")).with_hint("rename it"));
            continue;
        }
        if entry.path_is_symlink() {
            match abs.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) => {
                    if let Some(why) = link_refusal(&target, &allowed) {
                        diags.push(Diagnostic::error(dir.join(rel_path), 0, 0, format!("this symbolic link points {why}; it was not read")));
                        continue;
                    }
                    if target.is_dir() {
                        diags.push(Diagnostic::warning(dir.join(rel_path), 0, 0, "symbolic links to folders are not followed"));
                        continue;
                    }
                }
                Ok(_) => {
                    diags.push(Diagnostic::error(dir.join(rel_path), 0, 0, "this symbolic link points outside the site; it was not read"));
                    continue;
                }
                Err(e) => {
                    diags.push(Diagnostic::error(dir.join(rel_path), 0, 0, format!("broken or looping symbolic link: {e}")));
                    continue;
                }
            }
        } else if entry.file_type().is_dir() {
            continue;
        }
        let rel = display_path(rel_path);
        if rel.ends_with(".md") {
            md_files.push((rel, abs.to_path_buf()));
        } else if rel != "glossary.yaml" {
            tree.assets.insert(rel, abs.to_path_buf());
        }
    }
    let parsed: Vec<Option<SourceFile>> = md_files
        .par_iter()
        .map(|(rel, abs)| match read_source_linted(abs, &dir.join(rel), rel, tag, digests, diags) {
            Ok(f) => Some(f),
            Err(d) => {
                diags.push(d);
                None
            }
        })
        .collect();
    for (f, (rel, _)) in parsed.into_iter().zip(&md_files) {
        match f {
            Some(f) => {
                tree.docs.insert(f.rel.clone(), f);
            }
            None => {
                tree.failed.insert(rel.clone());
            }
        }
    }
    tree
}

/// [`urls::unportable_name`] for a content entry, and for the folder name it is published under
/// (`01-con.md` and `02-aux/` become `con/` and `aux/`).
fn unportable_entry(name: &str, is_dir: bool) -> Option<String> {
    let stem = if is_dir { name } else { name.strip_suffix(".md").unwrap_or(name) };
    crate::urls::unportable_name(name).or_else(|| crate::urls::unportable_name(strip_order_prefix(stem)))
}

/// Why a symbolic link inside the site may not be followed: its target is outside the content
/// folders (`site.yaml`, `.env`, `.git/`), or a hidden file or folder inside them.
fn link_refusal(target: &Path, allowed: &[PathBuf]) -> Option<&'static str> {
    let Some(inside) = allowed.iter().find_map(|a| target.strip_prefix(a).ok()) else {
        return Some("outside the content folder");
    };
    inside.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')).then_some("to a hidden file")
}

/// Reads and parses one Markdown file; with `digest`, also records its [`digest_bytes`].
pub fn read_source(abs: &Path, display: &Path, rel: &str, tag: &str, digest: bool) -> Result<SourceFile, Diagnostic> {
    read_source_linted(abs, display, rel, tag, digest, &Diagnostics::new())
}

/// [`read_source`], with warnings about valid but suspicious front matter pushed to `warnings`.
fn read_source_linted(abs: &Path, display: &Path, rel: &str, tag: &str, digest: bool, warnings: &Diagnostics) -> Result<SourceFile, Diagnostic> {
    let bytes = frontmatter::read_source_bytes(abs, display)?;
    let bytes_digest = if digest { digest_bytes(&bytes) } else { String::new() };
    let text = frontmatter::decode_text(bytes, display)?;
    let split = frontmatter::split(&text, display)?;
    let front = frontmatter::parse(&split, display)?;
    for w in frontmatter::lint(&split, &front, display) {
        warnings.push(w);
    }
    let body_line_offset = split.body_line_offset;
    let body = split.body.to_string();
    Ok(SourceFile { rel: rel.to_string(), tree: tag.to_string(), display: display.to_path_buf(), front, body, body_line_offset, digest: bytes_digest })
}

/// The digest recorded in translations as `source_hash`: SHA-256 of the source's text with
/// line endings normalised (so a CRLF checkout is not "changed"), first 16 hex digits.
pub fn digest_file(abs: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(abs)?;
    Ok(digest_bytes(&bytes))
}

pub fn digest_bytes(bytes: &[u8]) -> String {
    let mut h = Sha256::new();
    if !bytes.contains(&b'\r') {
        h.update(bytes);
        return h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    }
    let mut last_cr = false;
    for chunk in bytes.split_inclusive(|b| *b == b'\r' || *b == b'\n') {
        // Treat CRLF and lone CR as LF.
        let (data, end) = match chunk.last() {
            Some(b'\r') => (&chunk[..chunk.len() - 1], Some(b'\n')),
            Some(b'\n') if last_cr && chunk.len() == 1 => (&chunk[..0], None),
            _ => (chunk, None),
        };
        h.update(data);
        if let Some(e) = end {
            h.update([e]);
        }
        last_cr = chunk.last() == Some(&b'\r');
    }
    let out = h.finalize();
    out.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn load_glossary(root: &Path, rel: &Path, diags: &Diagnostics) -> Option<Vec<GlossaryEntry>> {
    let abs = root.join(rel);
    match readable_file(&abs, rel) {
        Ok(true) => {}
        Ok(false) => return None,
        Err(d) => {
            diags.push(d);
            return None;
        }
    }
    let text = match frontmatter::read_text(&abs, rel) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    match yaml::parse::<Vec<GlossaryEntry>>(&text, rel, yaml::Origin::default()) {
        Ok(entries) => {
            let mut seen = BTreeMap::new();
            for (i, e) in entries.iter().enumerate() {
                // An empty id or term makes a link with no text or no target.
                for (field, value) in [("id", &e.id), ("term", &e.term)] {
                    if value.trim().is_empty() {
                        let line = nth_line_of(&text, &format!("{field}:"), i).max(1);
                        diags.push(Diagnostic::error(rel, line, 1, format!("glossary entry {} has an empty `{field}`", i + 1)));
                    }
                }
                if let Some(prev) = seen.insert(e.id.clone(), i) {
                    let line = nth_line_of(&text, &format!("id: {}", e.id), 1);
                    diags.push(Diagnostic::error(rel, line, 1, format!("glossary id `{}` is defined twice (entries {} and {})", e.id, prev + 1, i + 1)));
                }
            }
            Some(entries)
        }
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

fn nth_line_of(text: &str, needle: &str, n: usize) -> usize {
    text.lines().enumerate().filter(|(_, l)| l.contains(needle)).nth(n).map_or(0, |(i, _)| i + 1)
}

/// Works out home, catalogue, modules, lessons and standalone pages from the source tree.
fn build_structure(source: &Tree, diags: &Diagnostics) -> Structure {
    let mut s = Structure::default();
    let mut module_dirs: BTreeMap<String, Vec<&SourceFile>> = BTreeMap::new();
    let mut seen_out: BTreeMap<String, String> = BTreeMap::new();
    let mut claim = |out: String, rel: &str, file: &SourceFile| {
        if let Some(prev) = seen_out.insert(out.clone(), rel.to_string()) {
            diags.push(
                Diagnostic::error(&file.display, 1, 1, format!("this file and `{prev}` would both be written to `{out}`"))
                    .with_hint("rename one of them, or give them different file names after the NN- prefix"),
            );
            false
        } else {
            true
        }
    };
    for (rel, file) in &source.docs {
        let parts: Vec<&str> = rel.split('/').collect();
        match parts.as_slice() {
            ["_index.md"] => s.home = Some(rel.clone()),
            ["modules", "_index.md"] => s.catalogue = Some(rel.clone()),
            ["modules", _module, _file] => {
                let dir = rel.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
                module_dirs.entry(dir).or_default().push(file);
            }
            ["modules", _file] => {
                diags.push(
                    Diagnostic::warning(&file.display, 1, 1, "a Markdown file directly in modules/ is not part of any module and is ignored")
                        .with_hint("put lessons in a module folder: modules/<module>/01-lesson.md"),
                );
            }
            ["modules", ..] => {
                diags.push(Diagnostic::warning(&file.display, 1, 1, "lessons must sit directly in their module folder; this file is ignored"));
            }
            _ => {
                let dir = if let Some(d) = rel.strip_suffix("/_index.md") {
                    format!("{d}/")
                } else {
                    let stem = rel.trim_end_matches(".md");
                    let (parent, name) = stem.rsplit_once('/').map_or(("", stem), |(p, n)| (p, n));
                    let slug = strip_order_prefix(name);
                    if parent.is_empty() { format!("{slug}/") } else { format!("{parent}/{slug}/") }
                };
                if ["modules/", "glossary/", "search/", "assets/"].contains(&dir.as_str()) {
                    diags.push(Diagnostic::error(&file.display, 1, 1, format!("`{dir}` is reserved for a page donorbook generates")));
                    continue;
                }
                if claim(dir.clone(), rel, file) {
                    s.pages.push(StandalonePage { rel: rel.clone(), dir });
                }
            }
        }
    }
    for (dir, files) in module_dirs {
        let index_rel = format!("{dir}/_index.md");
        let Some(index) = source.docs.get(&index_rel) else {
            // An `_index.md` that failed to load is reported already; a draft one leaves the
            // whole module out.
            if source.failed.contains(&index_rel) || source.drafts.contains(&index_rel) {
                continue;
            }
            for f in files {
                diags.push(
                    Diagnostic::error(&f.display, 1, 1, format!("the lesson's folder `{dir}` has no `_index.md`, so it is not a module"))
                        .with_hint(format!("add content/{dir}/_index.md with the module's title and objectives")),
                );
            }
            continue;
        };
        let slug = dir.rsplit('/').next().unwrap_or("").to_string();
        let mut lessons: Vec<(i64, String, &SourceFile)> = files
            .into_iter()
            .filter(|f| !f.rel.ends_with("/_index.md"))
            .map(|f| {
                let name = f.rel.rsplit('/').next().unwrap_or("").trim_end_matches(".md").to_string();
                let order = f.front.weight.or_else(|| order_prefix(&name)).unwrap_or(i64::MAX);
                (order, name, f)
            })
            .collect();
        lessons.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let mut module = Module { rel: index_rel, slug: slug.clone(), lessons: Vec::new() };
        for (_, name, f) in lessons {
            let lslug = strip_order_prefix(&name).to_string();
            if lslug == "print" {
                diags.push(Diagnostic::error(&f.display, 1, 1, "a lesson cannot be called `print`: that page is generated"));
                continue;
            }
            if claim(format!("modules/{slug}/{lslug}/"), &f.rel, f) {
                module.lessons.push(Lesson { rel: f.rel.clone(), slug: lslug });
            }
        }
        let weight = index.front.weight.or_else(|| order_prefix(&slug)).unwrap_or(i64::MAX);
        s.modules.push(module);
        let _ = weight;
    }
    s.modules.sort_by_key(|m| {
        let w = source.docs.get(&m.rel).and_then(|d| d.front.weight).unwrap_or(i64::MAX);
        (w, m.slug.clone())
    });
    for m in &mut s.modules {
        m.slug = strip_order_prefix(&m.slug).to_string();
    }
    s
}

/// `02-myths` → 2.
fn order_prefix(name: &str) -> Option<i64> {
    let (num, rest) = name.split_once('-')?;
    if !num.is_empty() && num.len() <= 6 && num.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() { num.parse().ok() } else { None }
}

/// `02-myths-and-facts` → `myths-and-facts`.
pub fn strip_order_prefix(name: &str) -> &str {
    match order_prefix(name) {
        Some(_) => name.split_once('-').map_or(name, |(_, r)| r),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_prefixes() {
        assert_eq!(strip_order_prefix("02-myths-and-facts"), "myths-and-facts");
        assert_eq!(strip_order_prefix("covid-19"), "covid-19");
        assert_eq!(strip_order_prefix("2024"), "2024");
        assert_eq!(order_prefix("10-x"), Some(10));
    }

    #[test]
    fn digest_ignores_line_endings() {
        assert_eq!(digest_bytes(b"a\r\nb\r\n"), digest_bytes(b"a\nb\n"));
        assert_ne!(digest_bytes(b"a\nb\n"), digest_bytes(b"a\nc\n"));
        assert_eq!(digest_bytes(b"x").len(), 16);
    }
}
