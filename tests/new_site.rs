//! `donorbook new DIR`: a starter site that builds cleanly, and never clobbers a folder by accident.

mod common;
use common::stderr;
use std::path::Path;
use std::process::{Command, Output};

fn donorbook(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_donorbook")).args(args).current_dir(cwd).env("NO_COLOR", "1").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn new_site_builds_with_no_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let o = donorbook(tmp.path(), &["new", "my-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("cd my-site") && out.contains("donorbook build") && out.contains("donorbook serve"), "{out}");

    let site = tmp.path().join("my-site");
    for f in [
        "site.yaml",
        ".gitignore",
        "content/_index.md",
        "content/about.md",
        "content/glossary.yaml",
        "content/modules/_index.md",
        "content/modules/why-donate/_index.md",
        "locales/en/site.ftl",
        "locales/es/site.ftl",
        "locales/es/content/_index.md",
    ] {
        assert!(site.join(f).is_file(), "missing {f}");
    }
    let lessons: Vec<String> = std::fs::read_dir(site.join("content/modules/why-donate"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "_index.md" && n.ends_with(".md"))
        .collect();
    assert_eq!(lessons.len(), 2, "{lessons:?}");
    let gitignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(gitignore.contains("public/") && gitignore.contains("dist/"));

    let o = donorbook(tmp.path(), &["build", "--root", "my-site"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("warning") && !err.contains("error"), "the starter site must build cleanly:\n{err}");
    let public = site.join("public");
    for page in ["index.html", "en/index.html", "es/index.html", "en/modules/why-donate/index.html", "en/glossary/index.html"] {
        assert!(public.join(page).is_file(), "missing {page}");
    }
    // The lessons show off a quiz, a callout and a glossary term.
    let lesson_html: String = ["what-is-vnrbd", "who-can-give"]
        .iter()
        .map(|l| std::fs::read_to_string(public.join(format!("en/modules/why-donate/{l}/index.html"))).unwrap())
        .collect();
    assert!(lesson_html.contains("<fieldset"), "quiz");
    assert!(lesson_html.contains("callout"), "callout");
    assert!(lesson_html.contains("vnrbd"), "term");
    // The Spanish home page is a real translation.
    assert!(std::fs::read_to_string(public.join("es/index.html")).unwrap().contains("Bienvenido"));

    // `check --strict` agrees: no stale translations, no missing Fluent keys.
    let o = donorbook(&site, &["check", "--strict"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn new_refuses_a_non_empty_folder_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("taken");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "keep me").unwrap();

    let o = donorbook(tmp.path(), &["new", "taken"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("not empty") && err.contains("--force"), "{err}");
    assert!(!dir.join("site.yaml").exists(), "nothing is written without --force");

    let o = donorbook(tmp.path(), &["new", "taken", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("site.yaml").is_file());
    assert_eq!(std::fs::read_to_string(dir.join("notes.txt")).unwrap(), "keep me", "unrelated files are kept");
    let o = donorbook(tmp.path(), &["build", "--root", "taken"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn new_into_an_empty_existing_folder_needs_no_force() {
    let tmp = tempfile::tempdir().unwrap();
    let o = donorbook(tmp.path(), &["new", "."]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(tmp.path().join("site.yaml").is_file());
}

#[test]
fn new_refuses_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("file"), "x").unwrap();
    let o = donorbook(tmp.path(), &["new", "file", "--force"]);
    assert_eq!(o.status.code(), Some(1));
}
