//! `donorbook l10n diff LOCALE PATH`: what changed in a page's source since its translation was
//! stamped. Only a digest is stored in the translation (`source_hash`), so the stamped text is
//! found in the site's git history: the newest committed version of the source whose digest
//! matches. Without git there is no earlier text to show, and the message says how to keep it.

use crate::load::digest_bytes;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What `l10n diff` found.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The translation was stamped against the source as it is now.
    UpToDate,
    /// The source changed since the stamp; `diff` is `git diff`'s output from that version.
    Changed { commit: String, date: String, diff: String },
}

/// A reason the difference cannot be shown, in the user's terms.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    pub hint: Option<String>,
}

fn fail(message: impl Into<String>, hint: Option<&str>) -> Failure {
    Failure { message: message.into(), hint: hint.map(str::to_string) }
}

/// The source path (`content/<rel>`) and translation path (`locales/<tag>/content/<rel>`) of
/// `path`, which may name either, or be relative to `content/`.
pub fn paths(root: &Path, tag: &str, path: &Path) -> Result<(PathBuf, PathBuf), Failure> {
    let text = crate::diagnostics::display_path(path);
    let text = text.trim_start_matches("./");
    let prefix = format!("locales/{tag}/content/");
    let rel = text.strip_prefix(&prefix).or_else(|| text.strip_prefix("content/")).unwrap_or(text);
    let source = Path::new("content").join(rel);
    let translation = Path::new(&prefix).join(rel);
    if !root.join(&source).is_file() {
        return Err(fail(format!("{}: no such source page", source.display()), Some("name the translation (locales/TAG/content/…) or its source (content/…)")));
    }
    if !root.join(&translation).is_file() {
        return Err(fail(format!("{}: no such translation", translation.display()), None));
    }
    Ok((source, translation))
}

/// Compares the source with the version the translation was stamped against.
pub fn diff(root: &Path, source: &Path, translation: &Path) -> Result<Outcome, Failure> {
    let text = std::fs::read_to_string(root.join(translation)).map_err(|e| fail(format!("{}: cannot read: {e}", translation.display()), None))?;
    let Some(stamped) = source_hash(&text) else {
        return Err(fail(
            format!("{} was never stamped, so which version of the source it was made from is unknown", translation.display()),
            Some("once the translation matches the source, run `donorbook l10n stamp` on it; later changes can then be shown"),
        ));
    };
    let current = std::fs::read(root.join(source)).map_err(|e| fail(format!("{}: cannot read: {e}", source.display()), None))?;
    if digest_bytes(&current) == stamped {
        return Ok(Outcome::UpToDate);
    }
    let Some(top) = git(root, &["rev-parse", "--show-toplevel"]) else {
        return Err(fail(
            format!("{} changed since it was translated, but the site is not a git repository, so the earlier text is unknown", source.display()),
            Some("keep the site in git (`git init`, then commit with each `l10n stamp`): `l10n diff` then finds the stamped version in the history"),
        ));
    };
    let in_repo = crate::write::absolute(&root.join(source));
    let top = crate::write::absolute(Path::new(top.trim()));
    let repo_path = crate::diagnostics::display_path(in_repo.strip_prefix(&top).unwrap_or(&in_repo));
    let log = git(root, &["log", "--format=%H %cs", "--", &repo_path]).unwrap_or_default();
    for line in log.lines() {
        let (commit, date) = line.split_once(' ').unwrap_or((line, ""));
        let Some(old) = git_bytes(root, &["show", &format!("{commit}:{repo_path}")]) else { continue };
        if digest_bytes(&old) == stamped {
            let diff = git(root, &["diff", "--no-color", commit, "--", &repo_path]).unwrap_or_default();
            return Ok(Outcome::Changed { commit: commit.to_string(), date: date.to_string(), diff });
        }
    }
    Err(fail(
        format!("no committed version of {} has the digest {stamped} recorded in {}", source.display(), translation.display()),
        Some("the translation was stamped against text that was never committed; commit the source with each stamp"),
    ))
}

/// The `source_hash:` value of a translation's front matter.
fn source_hash(text: &str) -> Option<String> {
    let body = text.trim_start_matches('\u{feff}').strip_prefix("---")?;
    body.lines()
        .skip(1)
        .take_while(|l| l.trim_end() != "---")
        .find_map(|l| l.strip_prefix("source_hash:"))
        .map(|v| v.split('#').next().unwrap_or("").trim().trim_matches(['"', '\'']).to_string())
        .filter(|v| !v.is_empty())
}

fn git_bytes(root: &Path, args: &[&str]) -> Option<Vec<u8>> {
    let out = Command::new("git").arg("-C").arg(root).args(args).output().ok()?;
    out.status.success().then_some(out.stdout)
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    git_bytes(root, args).map(|b| String::from_utf8_lossy(&b).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_stamp() {
        assert_eq!(source_hash("---\ntitle: A\nsource_hash: abc # x\n---\nbody\n").as_deref(), Some("abc"));
        assert_eq!(source_hash("---\ntitle: A\nsource_hash: \"abc\"\n---\n").as_deref(), Some("abc"));
        assert_eq!(source_hash("---\ntitle: A\n---\nsource_hash: abc\n"), None);
        assert_eq!(source_hash("# no front matter"), None);
    }
}
