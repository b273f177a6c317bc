//! One translation-state model (src/l10n.rs): `check`'s warnings, the reader's notice and
//! `l10n status` agree on a site with one page in each state.

mod common;
use common::{Site, stderr};
use serde_json::Value;

const SITE_YAML: &str = "title: States\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\n  - code: sw\n    name: Kiswahili\n  - code: sw-TZ\n    name: Kiswahili (Tanzania)\n";

fn page(title: &str, hash: Option<&str>) -> String {
    match hash {
        Some(h) => format!("---\ntitle: {title}\nsource_hash: {h}\n---\nMaandishi ya {title}.\n"),
        None => format!("---\ntitle: {title}\n---\nMaandishi ya {title}.\n"),
    }
}

/// en sources current.md, stale.md, unstamped.md, missing.md, inherited.md, inherited-stale.md;
/// sw translates the first three (current, stale, unstamped) and both inherited ones (current,
/// stale); sw-TZ translates nothing of its own but has a Hugo-style orphan `current.sw.md`.
fn site() -> Site {
    let s = Site { dir: tempfile::tempdir().unwrap() };
    s.write("site.yaml", SITE_YAML);
    s.write("content/_index.md", "---\ntitle: Home\n---\nHome.\n");
    for p in ["current", "stale", "unstamped", "missing", "inherited", "inherited-stale"] {
        s.write(&format!("content/{p}.md"), format!("---\ntitle: {p}\n---\nText of {p}.\n"));
    }
    s.write("locales/sw/content/_index.md", "---\ntitle: Nyumbani\n---\nNyumbani.\n");
    for p in ["current", "stale", "unstamped", "inherited", "inherited-stale"] {
        s.write(&format!("locales/sw/content/{p}.md"), page(p, if p == "unstamped" { None } else { Some("0000") }));
    }
    s.write("locales/sw-TZ/content/current.sw.md", page("orphan", None));
    // Stamp the pages meant to be current; the others keep the wrong digest.
    for p in ["_index", "current", "inherited"] {
        let o = s.run(&["l10n", "stamp", "sw", &format!("locales/sw/content/{p}.md")]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    s
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
}

#[test]
fn check_notice_and_status_agree_on_every_state() {
    let s = site();
    let o = s.run(&["l10n", "status", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    let sw = &r["locales"][0];
    let tz = &r["locales"][1];
    assert_eq!(strings(&sw["stale"]), ["inherited-stale.md", "stale.md"]);
    assert_eq!(strings(&sw["unstamped"]), ["unstamped.md"]);
    assert_eq!(strings(&sw["missing"]), ["missing.md"]);
    assert_eq!(sw["pages"]["translated"], 4, "current, unstamped, inherited and _index");
    // sw-TZ shows sw's pages: the stale ones are stale for its readers too, not covered.
    assert_eq!(strings(&tz["stale"]), ["inherited-stale.md", "stale.md"]);
    assert_eq!(tz["stale_from"]["stale.md"], "sw");
    assert_eq!(tz["pages"]["inherited"], 4);
    assert_eq!(tz["pages"]["percent"], 57.1, "4 of 7 covered: _index, current, unstamped, inherited");
    assert_eq!(strings(&tz["orphaned"]), ["current.sw.md"]);
    assert!(tz["orphan_hints"]["current.sw.md"].as_str().unwrap().contains("locales/sw-TZ/content/current.md"));

    let o = s.run(&["check", "--format", "json"]);
    let c: Value = serde_json::from_slice(&o.stdout).unwrap();
    let warnings: Vec<(String, String)> =
        c["diagnostics"].as_array().unwrap().iter().map(|d| (d["path"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string())).collect();
    let about = |file: &str| warnings.iter().filter(|(p, _)| p.ends_with(file)).map(|(_, m)| m.as_str()).collect::<Vec<_>>();
    assert!(about("sw/content/stale.md")[0].starts_with("stale translation"), "{warnings:?}");
    assert!(about("sw/content/inherited-stale.md")[0].starts_with("stale translation"), "{warnings:?}");
    assert!(about("sw/content/unstamped.md")[0].contains("no `source_hash`"), "{warnings:?}");
    assert!(about("sw/content/current.md").is_empty() && about("sw/content/inherited.md").is_empty(), "{warnings:?}");
    assert!(about("sw-TZ/content/current.sw.md")[0].starts_with("orphaned translation"), "{warnings:?}");
    let stale_warnings = warnings.iter().filter(|(_, m)| m.starts_with("stale translation")).count();
    assert_eq!(stale_warnings, 2, "an inherited stale page is reported once, at the file to fix: {warnings:?}");

    let o = s.build();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let notice = |rel: &str| s.out(rel).contains("class=\"notice outdated\"");
    for (tag, stale) in [("sw", true), ("sw-TZ", true)] {
        assert_eq!(notice(&format!("{tag}/stale/index.html")), stale, "{tag} stale");
        assert_eq!(notice(&format!("{tag}/inherited-stale/index.html")), stale, "{tag} inherited-stale");
        assert!(!notice(&format!("{tag}/current/index.html")), "{tag} current");
        assert!(!notice(&format!("{tag}/unstamped/index.html")), "{tag} unstamped: staleness unknown");
        assert!(!notice(&format!("{tag}/inherited/index.html")), "{tag} inherited");
    }
}

#[test]
fn a_misspelled_message_gets_a_did_you_mean_in_check_and_status() {
    let s = site();
    s.write("locales/en/site.ftl", "hotline = Call 800.\n");
    s.write("locales/sw/site.ftl", "hotlien = Piga 800.\n");
    let o = s.run(&["check"]);
    let err = stderr(&o);
    assert!(err.contains("locales/sw/site.ftl:1:1: warning: message `hotlien` is not used"), "{err}");
    assert!(err.contains("did you mean `hotline`?"), "{err}");
    assert!(err.contains("message `hotline` is not translated into `sw`"), "{err}");
    let o = s.run(&["l10n", "status", "--locale", "sw"]);
    let t = String::from_utf8_lossy(&o.stdout);
    assert!(t.contains("hotlien (did you mean `hotline`?)"), "{t}");
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let o = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn l10n_diff_shows_the_source_change_since_the_stamp() {
    let s = site();
    let src = "content/current.md";
    s.write(src, "---\ntitle: current\n---\nDonors give blood freely.\n\nEvery unit is tested.\n");
    let o = s.run(&["l10n", "stamp", "sw", "locales/sw/content/current.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Not a repository yet: the earlier text is unknown, and the hint says how to keep it.
    s.write(src, "---\ntitle: current\n---\nDonors give blood freely and regularly.\n\nEvery unit is tested.\n");
    let o = s.run(&["l10n", "diff", "sw", "locales/sw/content/current.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not a git repository") && stderr(&o).contains("git init"), "{}", stderr(&o));

    s.write(src, "---\ntitle: current\n---\nDonors give blood freely.\n\nEvery unit is tested.\n");
    git(s.root(), &["init", "-q"]);
    git(s.root(), &["add", "-A"]);
    git(s.root(), &["commit", "-qm", "stamped"]);
    let o = s.run(&["l10n", "diff", "sw", "current.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("is up to date"), "{}", stderr(&o));

    s.write(src, "---\ntitle: current\n---\nDonors give blood freely and regularly.\n\nEvery unit is tested.\n");
    git(s.root(), &["commit", "-qam", "one sentence changed"]);
    let o = s.run(&["l10n", "diff", "sw", "content/current.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let diff = String::from_utf8_lossy(&o.stdout);
    assert!(diff.contains("-Donors give blood freely.\n+Donors give blood freely and regularly.\n"), "{diff}");
    assert!(!diff.contains("-Every unit"), "only the changed sentence: {diff}");
    assert!(stderr(&o).contains("changed since locales/sw/content/current.md was stamped"), "{}", stderr(&o));
    // A never-stamped translation has no version to compare with.
    let o = s.run(&["l10n", "diff", "sw", "unstamped.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("never stamped"), "{}", stderr(&o));
}
