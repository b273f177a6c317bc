//! `donorbook new DIR`: a working starter site — one module with two lessons, a glossary and
//! two locales (English and Spanish) — that builds with no warnings.
//!
//! The starter files live in `src/scaffold/` and are embedded in the binary.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Placeholder in the Spanish home page, replaced by the digest of the English one so that
/// the translation starts out up to date (`l10n status` and `check` agree).
const SOURCE_HASH: &str = "{{SOURCE_HASH}}";
const HOME: &str = include_str!("scaffold/content_index.md");
const SPANISH_HOME: &str = include_str!("scaffold/es_index.md");

/// Every starter file: path in the new site, contents.
const FILES: &[(&str, &str)] = &[
    (".gitignore", include_str!("scaffold/gitignore")),
    ("site.yaml", include_str!("scaffold/site.yaml")),
    ("content/_index.md", HOME),
    ("content/about.md", include_str!("scaffold/content_about.md")),
    ("content/glossary.yaml", include_str!("scaffold/glossary.yaml")),
    ("content/modules/_index.md", include_str!("scaffold/content_modules_index.md")),
    ("content/modules/why-donate/_index.md", include_str!("scaffold/module_index.md")),
    ("content/modules/why-donate/01-what-is-vnrbd.md", include_str!("scaffold/lesson_1.md")),
    ("content/modules/why-donate/02-who-can-give.md", include_str!("scaffold/lesson_2.md")),
    ("locales/en/site.ftl", include_str!("scaffold/en_site.ftl")),
    ("locales/es/site.ftl", include_str!("scaffold/es_site.ftl")),
    ("locales/es/glossary.yaml", include_str!("scaffold/es_glossary.yaml")),
    ("locales/es/content/_index.md", SPANISH_HOME),
];

pub fn run(dir: &Path, force: bool) -> ExitCode {
    match scaffold(dir, force) {
        Ok(()) => {
            say_next_steps(dir);
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(1)
        }
    }
}

/// The starter files with their final contents.
pub fn files() -> Vec<(&'static str, String)> {
    FILES
        .iter()
        .map(|(path, text)| {
            let text = if *path == "locales/es/content/_index.md" {
                text.replace(SOURCE_HASH, &crate::load::digest_bytes(HOME.as_bytes()))
            } else {
                (*text).to_string()
            };
            (*path, text)
        })
        .collect()
}

fn scaffold(dir: &Path, force: bool) -> Result<(), String> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(format!("{} exists and is not a folder", dir.display()));
        }
        let mut entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entries.next().is_some() && !force {
            return Err(format!(
                "{} is not empty; choose a new or empty folder, or add --force to write the starter files into it \
                 (files with the same names are replaced)",
                dir.display()
            ));
        }
    }
    for (rel, text) in files() {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

fn say_next_steps(dir: &Path) {
    let shown = dir.display().to_string();
    let cd = if shown.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c)) { shown.clone() } else { format!("\"{}\"", shown.replace('"', "\\\"")) };
    let bold = |s: &str| if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() { format!("\x1b[1m{s}\x1b[0m") } else { s.to_string() };
    println!("Created a new donorbook site in {shown}: one module with two lessons, in English and Spanish.");
    println!();
    println!("Next:");
    println!("  {}", bold(&format!("cd {cd}")));
    println!("  {}      # build the site into public/", bold("donorbook build"));
    println!("  {}      # preview at http://127.0.0.1:1111, reloading on change", bold("donorbook serve"));
    println!("  {}     # offline zips, one per language, in dist/", bold("donorbook bundle"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_home_carries_the_source_digest() {
        let files = files();
        let es = &files.iter().find(|(p, _)| *p == "locales/es/content/_index.md").unwrap().1;
        assert!(!es.contains(SOURCE_HASH));
        assert!(es.contains(&format!("source_hash: {}", crate::load::digest_bytes(HOME.as_bytes()))));
    }
}
