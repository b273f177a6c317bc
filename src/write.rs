//! Stage 4, write. Every page is rendered and checked before the output folder is touched:
//! files whose bytes differ from the output's go into a staging folder beside it, and only when
//! the build succeeded are they moved into the output, files no longer produced removed, and
//! the manifest `.donorbook-output` rewritten. A failed build leaves the output as it was; an
//! unchanged file is never rewritten (same inode and mtime, so deploy tools upload nothing).
//!
//! donorbook replaces only a folder it made (one holding the manifest) or an empty one, never
//! follows a symlink at the output path or inside it, and deletes only files its manifest lists.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The manifest written into every output folder: it marks the folder as donorbook's and lists
/// every file donorbook wrote there, so the next build knows what it may replace or remove.
pub const MARKER: &str = ".donorbook-output";

const MANIFEST_HEADER: &str = "# donorbook output folder: `donorbook build` replaces and removes the files listed below.\n";

/// The site's own files and folders: an output may be none of them, be inside none of them and
/// contain none of them (after resolving links).
const SOURCES: [&str; 8] = ["content", "locales", "themes", "templates", "static", "site.yaml", "src", ".git"];

/// Refuses an output folder that is, or contains, the site root or its sources, or that lies
/// inside a source folder. Paths are compared both as written and with links resolved, so a
/// `content -> elsewhere` link does not make `--out elsewhere` look harmless.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<(), String> {
    refuse_link(out)?;
    let shown = out.display();
    let root_real = absolute(root);
    let outs = [output_path(out), absolute(out)];
    if outs.iter().any(|o| o.parent().is_none()) {
        return Err("refusing to write into the file system root".to_string());
    }
    for o in &outs {
        if *o == root_real || *o == lexical(root) {
            return Err(format!("refusing to write into {shown}: it is the site root"));
        }
        if root_real.starts_with(o) || lexical(root).starts_with(o) {
            return Err(format!("refusing to write into {shown}: it contains the site root {}", root_real.display()));
        }
        for src in SOURCES {
            for s in [lexical(&root.join(src)), absolute(&root.join(src))] {
                if o.starts_with(&s) {
                    return Err(format!("refusing to write into {shown}: it is inside the site's `{src}` ({})", s.display()));
                }
                if s.starts_with(o) {
                    return Err(format!("refusing to write into {shown}: it contains the site's `{src}` ({})", s.display()));
                }
            }
        }
    }
    Ok(())
}

/// What is at the output path before a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    /// Nothing: the staging folder simply becomes the output.
    Nothing,
    /// An empty folder: files are moved in, the folder (and its mode and group) stays.
    Empty,
    /// A folder donorbook made, with the files its manifest lists.
    Ours(BTreeSet<String>),
    /// Someone else's folder, to be emptied because `--force` was given.
    Forced,
}

/// Decides whether the output path may be written, without following a symlink there.
pub fn inspect_output(out: &Path, force: bool) -> Result<Existing, String> {
    let path = output_path(out);
    let shown = out.display();
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Existing::Nothing),
        Err(e) => return Err(format!("cannot read {shown}: {e}")),
    };
    refuse_link(out)?;
    if !meta.is_dir() {
        return Err(format!("refusing to write into {shown}: it is a file, not a folder; choose another `--out` (the file was not touched)"));
    }
    if std::fs::symlink_metadata(path.join(MARKER)).is_ok_and(|m| m.is_file()) {
        let text = std::fs::read_to_string(path.join(MARKER)).map_err(|e| format!("cannot read {}: {e}", path.join(MARKER).display()))?;
        return Ok(Existing::Ours(parse_manifest(&text)));
    }
    let mut entries = std::fs::read_dir(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    if entries.next().is_none() {
        return Ok(Existing::Empty);
    }
    if force {
        return Ok(Existing::Forced);
    }
    Err(format!(
        "refusing to replace {shown}: the folder exists and was not made by donorbook (it has no `{MARKER}`); choose another `--out`, empty the folder, or pass `--force` to delete everything in it"
    ))
}

/// A symbolic link at the output path is refused: following it would write into, or empty,
/// whatever it points at (a cloned repository can carry `public -> ../../.ssh`).
fn refuse_link(out: &Path) -> Result<(), String> {
    let path = output_path(out);
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        let target = std::fs::read_link(&path).map(|t| t.display().to_string()).unwrap_or_default();
        return Err(format!(
            "refusing to write into {}: it is a symbolic link (to {target}), and donorbook never writes through one; remove the link, or give the real folder with `--out`",
            out.display()
        ));
    }
    Ok(())
}

/// The manifest's file list. Lines that are not safe relative paths are ignored: a forged
/// manifest must not make a build delete anything outside the output.
fn parse_manifest(text: &str) -> BTreeSet<String> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(unescape_line).filter(|p| is_safe_rel(p)).collect()
}

fn manifest_text(files: &BTreeSet<String>) -> String {
    let mut s = String::from(MANIFEST_HEADER);
    for f in files {
        s.push_str(&f.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r"));
        s.push('\n');
    }
    s
}

fn unescape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A relative path of plain names, `/`-separated: nothing that climbs or jumps out of a folder.
fn is_safe_rel(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.contains('\0')
        && !rel.contains('\\')
        && rel.split('/').all(|s| !s.is_empty() && s != "." && s != "..")
        && Path::new(rel).components().all(|c| matches!(c, Component::Normal(_)))
}

/// The output path as the build will use it: absolute, with its parent's links resolved but
/// not the last component's (a link there is refused, never followed).
pub fn output_path(out: &Path) -> PathBuf {
    let lex = lexical(out);
    match (lex.parent(), lex.file_name()) {
        (Some(parent), Some(name)) => absolute(parent).join(name),
        _ => lex,
    }
}

/// Absolute and lexically normalised (`.` and `..` removed), no links resolved.
fn lexical(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
    let mut norm = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                norm.pop();
            }
            Component::CurDir => {}
            other => norm.push(other.as_os_str()),
        }
    }
    norm
}

/// Absolute, lexically normalised, with symlinks of the existing part resolved.
pub fn absolute(p: &Path) -> PathBuf {
    let norm = lexical(p);
    // Resolve symlinks in the longest existing prefix.
    let mut existing = norm.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for n in rest.into_iter().rev() {
        resolved.push(n);
    }
    resolved
}

/// Replaces one file atomically (temp file + rename), so a server never reads half a page.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p)?;
    }
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// What a commit did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Synced {
    /// Files written (new or with different bytes).
    pub changed: usize,
    /// Files of the previous output that the build no longer produces, removed.
    pub removed: usize,
}

/// A commit that failed: `partial` when the output already holds part of the new build.
#[derive(Debug)]
pub struct CommitError {
    pub partial: bool,
    pub message: String,
}

/// The files of one build, collected beside the output until the build is known to be good.
pub struct Staging {
    pub dir: PathBuf,
    out: PathBuf,
    existing: Existing,
    /// Every file the build produced (relative paths).
    produced: Mutex<BTreeSet<String>>,
    /// The produced files whose bytes differ from the output's, and where in `dir` they are.
    staged: Mutex<BTreeMap<String, PathBuf>>,
    /// Names for staged files when the output exists: they are kept flat in `dir` (no folder
    /// tree to create and remove again), named by a counter.
    next: AtomicUsize,
}

impl Staging {
    /// Creates an empty staging folder next to `out` (same file system, so moves are renames),
    /// after removing the staging folders that interrupted builds left there.
    pub fn new(out: &Path, existing: Existing) -> io::Result<Staging> {
        let out = output_path(out);
        let parent = out.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
        std::fs::create_dir_all(&parent)?;
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        remove_stale_siblings(&parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if std::fs::symlink_metadata(&dir).is_ok() {
            remove_no_follow(&dir)?;
        }
        std::fs::create_dir(&dir)?;
        Ok(Staging { dir, out, existing, produced: Mutex::default(), staged: Mutex::default(), next: AtomicUsize::new(0) })
    }

    /// Records a file of the build; writes it into the staging folder unless the output
    /// already holds exactly these bytes.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if !is_safe_rel(rel) || rel == MARKER {
            return Err(io::Error::other(format!("refusing to write outside the output: {rel}")));
        }
        self.produced.lock().unwrap_or_else(|e| e.into_inner()).insert(rel.to_string());
        if matches!(self.existing, Existing::Ours(_)) && same_bytes(&self.out.join(rel), bytes) {
            return Ok(());
        }
        let path = if self.existing == Existing::Nothing {
            // The staging folder will become the output as it is: files go where they belong.
            let path = self.dir.join(rel);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p)?;
            }
            path
        } else {
            self.dir.join(self.next.fetch_add(1, Ordering::Relaxed).to_string())
        };
        std::fs::write(&path, bytes)?;
        self.staged.lock().unwrap_or_else(|e| e.into_inner()).insert(rel.to_string(), path);
        Ok(())
    }

    /// Makes the staged build the output: moves changed files in, removes the files the
    /// previous build wrote that this one did not, and writes the new manifest.
    pub fn commit(mut self) -> Result<Synced, CommitError> {
        self.sync(usize::MAX)
    }

    /// The commit, stopping (as if the process were killed) after `max_moves` moves.
    fn sync(&mut self, max_moves: usize) -> Result<Synced, CommitError> {
        let produced = std::mem::take(&mut *self.produced.lock().unwrap_or_else(|e| e.into_inner()));
        let staged = std::mem::take(&mut *self.staged.lock().unwrap_or_else(|e| e.into_inner()));
        let before = |e: io::Error| CommitError { partial: false, message: e.to_string() };
        let during = |e: io::Error| CommitError { partial: true, message: e.to_string() };
        let old = match &self.existing {
            Existing::Nothing => {
                // A new output: the staging folder, complete with its manifest, becomes it.
                write_manifest(&self.dir, &produced).map_err(before)?;
                std::fs::rename(&self.dir, &self.out).map_err(before)?;
                return Ok(Synced { changed: staged.len(), removed: 0 });
            }
            Existing::Forced => {
                empty_folder(&self.out).map_err(during)?;
                BTreeSet::new()
            }
            Existing::Empty => BTreeSet::new(),
            Existing::Ours(old) => old.clone(),
        };
        // Until the new manifest is written, the folder may hold files of either build: list both,
        // so a build interrupted from here on is repaired by the next one.
        let pending: BTreeSet<String> = old.union(&produced).cloned().collect();
        if pending != old || self.existing != Existing::Ours(old.clone()) {
            write_manifest(&self.out, &pending).map_err(before)?;
        }
        for (n, (rel, from)) in staged.iter().enumerate() {
            if n >= max_moves {
                return Err(CommitError { partial: true, message: "interrupted".into() });
            }
            move_into(from, &self.out, rel).map_err(|e| CommitError { partial: n > 0, message: format!("{rel}: {e}") })?;
        }
        let mut removed = 0;
        for rel in old.difference(&produced) {
            if remove_from(&self.out, rel).map_err(during)? {
                removed += 1;
            }
        }
        if produced != pending {
            write_manifest(&self.out, &produced).map_err(during)?;
        }
        Ok(Synced { changed: staged.len(), removed })
    }
}

impl Drop for Staging {
    /// Whatever is left of the staging folder goes: a failed build's files, or the empty
    /// folders a commit moved files out of.
    fn drop(&mut self) {
        let _ = remove_no_follow(&self.dir);
    }
}

/// Whether `path` is a regular file (not a link) holding exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => std::fs::read(path).is_ok_and(|b| b == bytes),
        _ => false,
    }
}

fn write_manifest(dir: &Path, files: &BTreeSet<String>) -> io::Result<()> {
    replace_file(&dir.join(MARKER), manifest_text(files).as_bytes())
}

/// Moves a staged file to `out/rel`. Whatever stands in the way inside the output (a link
/// where a folder is needed, a folder where the file goes) is removed, never followed.
fn move_into(from: &Path, out: &Path, rel: &str) -> io::Result<()> {
    let mut dir = out.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        dir.push(part);
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                std::fs::remove_file(&dir)?;
                std::fs::create_dir(&dir)?;
            }
            Err(_) => std::fs::create_dir(&dir)?,
        }
    }
    let dest = out.join(rel);
    // The old file is removed first rather than renamed over: ext4 flushes a file renamed over
    // another to disk at once (`auto_da_alloc`), which made the commit cost more than the render.
    remove_no_follow(&dest)?;
    std::fs::rename(from, dest)
}

/// Removes `out/rel` if it is there, through no link, then the folders it leaves empty.
fn remove_from(out: &Path, rel: &str) -> io::Result<bool> {
    let mut dir = out.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        dir.push(part);
        if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            return Ok(false); // a link or a file on the way: what it leads to is not ours
        }
    }
    let path = out.join(rel);
    match std::fs::symlink_metadata(&path) {
        Ok(m) if !m.is_dir() => std::fs::remove_file(&path)?,
        _ => return Ok(false),
    }
    let mut parent = path.parent();
    while let Some(p) = parent.filter(|p| *p != out) {
        if std::fs::remove_dir(p).is_err() {
            break; // not empty
        }
        parent = p.parent();
    }
    Ok(true)
}

/// Removes everything inside `dir` (for `--force`), keeping the folder itself.
fn empty_folder(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        remove_no_follow(&entry?.path())?;
    }
    Ok(())
}

/// Removes a file, a link (not its target) or a folder tree.
fn remove_no_follow(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Removes `.<name>.staging-<pid>` and `.<name>.old-<pid>` folders beside the output that
/// builds killed part way left behind (their process is gone).
fn remove_stale_siblings(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else { continue };
        let pid = rest.strip_prefix("staging-").or_else(|| rest.strip_prefix("old-")).and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != std::process::id()
            && !process_alive(pid)
        {
            let _ = remove_no_follow(&entry.path());
        }
    }
}

/// Whether a process is running; where that cannot be known, it is assumed to be.
pub(crate) fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_outputs() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_output_dir(&root, &root).is_err());
        assert!(check_output_dir(&root, t.path()).is_err());
        assert!(check_output_dir(&root, &root.join("content")).is_err());
        assert!(check_output_dir(&root, &root.join("content/x")).is_err());
        assert!(check_output_dir(&root, &root.join("site/..")).is_err());
        assert!(check_output_dir(&root, &root.join("public")).is_ok());
        assert!(check_output_dir(&root, &t.path().join("elsewhere")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn refuses_the_target_of_a_linked_source() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("site");
        let real = t.path().join("real-content");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(real.join("modules")).unwrap();
        std::os::unix::fs::symlink(&real, root.join("content")).unwrap();
        let e = check_output_dir(&root, &real).unwrap_err();
        assert!(e.contains("`content`"), "{e}");
        assert!(check_output_dir(&root, &real.join("modules")).is_err());
        assert!(check_output_dir(&root, t.path()).is_err());
    }

    #[test]
    fn manifest_round_trips_and_drops_unsafe_lines() {
        let files: BTreeSet<String> = ["a/index.html", "odd\nname.txt", "back\\slash"].iter().map(|s| s.to_string()).collect();
        let text = manifest_text(&files);
        let parsed = parse_manifest(&text);
        assert!(parsed.contains("a/index.html") && parsed.contains("odd\nname.txt"));
        assert!(!parsed.contains("back\\slash"), "backslashes are not written by builds");
        let forged = parse_manifest("../../.ssh/id_rsa\n/etc/passwd\nen/./x\nok.html\n");
        assert_eq!(forged.into_iter().collect::<Vec<_>>(), vec!["ok.html".to_string()]);
    }

    fn build_into(out: &Path, files: &[(&str, &str)]) -> Synced {
        let existing = inspect_output(out, false).unwrap();
        let s = Staging::new(out, existing).unwrap();
        for (rel, text) in files {
            s.write(rel, text.as_bytes()).unwrap();
        }
        s.commit().unwrap()
    }

    /// A commit killed part way leaves old and new files mixed; the next build repairs it.
    #[test]
    fn an_interrupted_commit_is_repaired_by_the_next_build() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        build_into(&out, &[("a/index.html", "a1"), ("b/index.html", "b1"), ("gone/index.html", "g1")]);
        let next = [("a/index.html", "a2"), ("b/index.html", "b2"), ("c/index.html", "c2")];
        let mut s = Staging::new(&out, inspect_output(&out, false).unwrap()).unwrap();
        for (rel, text) in next {
            s.write(rel, text.as_bytes()).unwrap();
        }
        assert!(s.sync(1).unwrap_err().partial);
        std::mem::forget(s); // killed: nothing cleans up
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "a2");
        assert_eq!(std::fs::read_to_string(out.join("b/index.html")).unwrap(), "b1");
        let synced = build_into(&out, &next);
        assert_eq!(synced, Synced { changed: 2, removed: 1 });
        for (rel, text) in next {
            assert_eq!(std::fs::read_to_string(out.join(rel)).unwrap(), text);
        }
        assert!(!out.join("gone").exists(), "files no longer produced are removed, with their folder");
        let leftovers: Vec<_> = std::fs::read_dir(t.path()).unwrap().flatten().map(|e| e.file_name()).filter(|n| n != "public").collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_output_are_replaced_never_followed() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        let keys = t.path().join("keys");
        std::fs::create_dir_all(&keys).unwrap();
        std::fs::write(keys.join("id"), "secret").unwrap();
        std::fs::create_dir_all(&out).unwrap();
        // A forged manifest claims a file behind a link.
        std::fs::write(out.join(MARKER), "en/id\n").unwrap();
        std::os::unix::fs::symlink(&keys, out.join("en")).unwrap();
        build_into(&out, &[("en/index.html", "x")]);
        assert_eq!(std::fs::read_to_string(keys.join("id")).unwrap(), "secret");
        assert!(!keys.join("index.html").exists());
        assert!(std::fs::symlink_metadata(out.join("en")).unwrap().is_dir());
    }
}
