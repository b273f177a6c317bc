//! Stage 4, write: pages go into a staging folder beside the output, which replaces the output
//! only when the build succeeded. A failed build leaves the previous output untouched.

use std::io;
use std::path::{Component, Path, PathBuf};

/// Refuses an output folder that is, or contains, the site root or its sources, or that lies
/// inside a source folder.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<(), String> {
    let root = absolute(root);
    let out_abs = absolute(out);
    if out_abs == root {
        return Err(format!("refusing to write into {}: it is the site root", out.display()));
    }
    if root.starts_with(&out_abs) {
        return Err(format!("refusing to write into {}: it contains the site root {}", out.display(), root.display()));
    }
    for src in ["content", "locales", "themes", "templates", "static", "site.yaml", "src", ".git"] {
        let s = root.join(src);
        if out_abs.starts_with(&s) {
            return Err(format!("refusing to write into {}: it is inside the site's `{src}`", out.display()));
        }
    }
    if out_abs.parent().is_none() {
        return Err("refusing to write into the file system root".to_string());
    }
    Ok(())
}

/// Absolute, lexically normalised, with symlinks of the existing part resolved.
pub fn absolute(p: &Path) -> PathBuf {
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

/// A folder that becomes the output when committed, and is removed otherwise.
pub struct Staging {
    pub dir: PathBuf,
    out: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder next to `out` (same file system, so the swap is a rename).
    pub fn new(out: &Path) -> io::Result<Staging> {
        let out = absolute(out);
        let parent = out.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
        std::fs::create_dir_all(&parent)?;
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging { dir, out, committed: false })
    }

    /// Writes a file under the staging folder, creating parent folders.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        if !path.starts_with(&self.dir) || rel.split('/').any(|s| s == "..") {
            return Err(io::Error::other(format!("refusing to write outside the output: {rel}")));
        }
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(path, bytes)
    }

    /// Replaces the output folder with the staging folder.
    pub fn commit(mut self) -> io::Result<()> {
        let old = self.out.with_file_name(format!(
            ".{}.old-{}",
            self.out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            std::process::id()
        ));
        if self.out.exists() {
            std::fs::rename(&self.out, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.out) {
            // Put the previous output back so nothing is lost.
            if old.exists() {
                let _ = std::fs::rename(&old, &self.out);
            }
            return Err(e);
        }
        self.committed = true;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
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
}
