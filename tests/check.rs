//! `donorbook check [--strict] [--format text|json]`: everything `build` checks plus warnings,
//! every problem of the run at once, and nothing written.

mod common;
use common::{Site, snapshot, stderr};
use serde_json::Value;
use std::process::{Command, Output};

const LESSON: &str = "content/modules/alpha/02-second.md";

/// The basic fixture with one of each kind of warning and no error: an image without alt text,
/// a skipped heading level, an empty summary, a stale translation, a translation without
/// `source_hash` (the fixture's fr module page), and a Fluent message fr has not translated.
fn warnings_site() -> Site {
    let s = Site::fixture("basic");
    s.write(LESSON, "---\ntitle: Second lesson\nsummary:\nweight: 10\n---\n# A\n\n### B\n\nSee ![](images/drop.svg) here.\n");
    s.write("locales/fr/content/about.md", "---\ntitle: À propos\nsource_hash: 0000000000000000\n---\nTexte.\n");
    s.write("locales/en/site.ftl", "site-title = Fixture\nhotline = Call us.\n");
    s.write("locales/fr/site.ftl", "site-title = Centre de test\n");
    s.write("locales/ar/site.ftl", "site-title = مركز\nhotline = اتصل بنا.\n");
    s
}

/// Each warning of `warnings_site`, as the first line of its text report.
const WARNINGS: &[&str] = &[
    "content/modules/alpha/02-second.md:8:1: warning: heading level 3 follows level 1: a level is skipped",
    "content/modules/alpha/02-second.md:10:5: warning: image without alt text",
    "locales/fr/content/about.md:1:1: warning: stale translation: content/about.md changed since it was translated",
    "locales/fr/content/modules/alpha/_index.md:1:1: warning: translation has no `source_hash`, so its staleness is unknown",
    "locales/fr/site.ftl: warning: message `hotline` is not translated into `fr`",
];

/// A site `check` has nothing to say about: the fixture with its one translation stamped.
fn clean_site() -> Site {
    let s = Site::fixture("basic");
    let o = s.run(&["l10n", "stamp", "fr"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    s
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", String::from_utf8_lossy(&o.stdout)))
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"].as_array().unwrap_or_else(|| panic!("no diagnostics array in {report:#}"))
}

/// The one diagnostic whose message contains `needle`.
fn find<'a>(report: &'a Value, needle: &str) -> &'a Value {
    let found: Vec<&Value> = diagnostics(report).iter().filter(|d| d["message"].as_str().unwrap().contains(needle)).collect();
    assert_eq!(found.len(), 1, "expected one diagnostic with `{needle}` in {report:#}");
    found[0]
}

#[test]
fn warnings_alone_pass_and_each_is_printed_with_file_and_line() {
    let s = warnings_site();
    let o = s.run(&["check"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "warnings must not fail a check:\n{e}");
    for w in WARNINGS {
        assert!(e.contains(w), "expected `{w}` in:\n{e}");
    }
    // The empty summary is reported in the lesson's front matter.
    let summary = e.lines().find(|l| l.contains("warning: no `summary`")).unwrap_or_else(|| panic!("no summary warning in:\n{e}"));
    let line: usize = summary
        .strip_prefix("content/modules/alpha/02-second.md:")
        .and_then(|r| r.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("summary warning without file and line: {summary}"));
    assert!((1..=5).contains(&line), "{summary}");
    // ar has every message; the source line and a caret are shown under located warnings.
    assert!(!e.contains("not translated into `ar`"), "{e}");
    assert!(e.contains("10 | See ![](images/drop.svg) here.\n   |     ^"), "{e}");
    assert!(e.contains("= help: run `donorbook l10n stamp fr locales/fr/content/modules/alpha/_index.md`"), "{e}");
    assert!(e.contains("0 errors, 6 warnings in 4 files"), "{e}");
    assert!(!e.contains("no problems found"), "{e}");
    assert!(o.stdout.is_empty(), "the text report goes to stderr");
}

#[test]
fn strict_fails_on_warnings_and_passes_a_clean_site() {
    let s = warnings_site();
    let o = s.run(&["check", "--strict"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "--strict must fail on warnings:\n{e}");
    for w in WARNINGS {
        assert!(e.contains(w), "expected `{w}` in:\n{e}");
    }
    assert!(e.contains("0 errors, 6 warnings in 4 files"), "{e}");

    let clean = clean_site();
    for args in [&["check"][..], &["check", "--strict"]] {
        let o = clean.run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}:\n{}", stderr(&o));
        assert_eq!(stderr(&o).trim(), "no problems found", "{args:?}");
    }
}

#[test]
fn json_report_lists_severity_path_line_col_message_and_hint() {
    let s = warnings_site();
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = json(&o);
    assert_eq!(r["errors"], 0, "{r:#}");
    assert_eq!(r["warnings"], 6, "{r:#}");
    assert_eq!(diagnostics(&r).len(), 6, "{r:#}");
    for d in diagnostics(&r) {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["col", "hint", "line", "message", "path", "severity"], "{d:#}");
        assert_eq!(d["severity"], "warning", "{d:#}");
        assert!(d["line"].is_u64() && d["col"].is_u64(), "{d:#}");
    }
    assert_eq!(
        *find(&r, "image without alt text"),
        serde_json::json!({
            "severity": "warning",
            "path": LESSON,
            "line": 10,
            "col": 5,
            "message": "image without alt text",
            "hint": "describe the image in the brackets: ![a donor resting after donation](images/rest.svg)",
        })
    );
    let heading = find(&r, "a level is skipped");
    assert_eq!((heading["path"].as_str(), heading["line"].as_u64(), heading["col"].as_u64()), (Some(LESSON), Some(8), Some(1)));
    assert_eq!(heading["hint"], Value::Null);
    let stale = find(&r, "stale translation");
    assert_eq!((stale["path"].as_str(), stale["line"].as_u64()), (Some("locales/fr/content/about.md"), Some(1)));
    assert!(stale["hint"].as_str().unwrap().contains("donorbook l10n stamp fr locales/fr/content/about.md"), "{stale:#}");
    assert_eq!(find(&r, "no `summary`")["path"], LESSON);
    assert_eq!(find(&r, "has no `source_hash`")["path"], "locales/fr/content/modules/alpha/_index.md");
    // A message missing from a locale has a file but no line: 0 means "the whole file".
    let fluent = find(&r, "message `hotline` is not translated into `fr`");
    assert_eq!((fluent["path"].as_str(), fluent["line"].as_u64(), fluent["col"].as_u64()), (Some("locales/fr/site.ftl"), Some(0), Some(0)));
    // In JSON mode the text report is not printed as well.
    assert!(!stderr(&o).contains("warning:"), "{}", stderr(&o));

    let strict = s.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    assert_eq!(json(&strict), r, "--strict changes the exit status, not the report");

    let clean = clean_site().run(&["check", "--format", "json"]);
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(json(&clean), serde_json::json!({"errors": 0, "warnings": 0, "diagnostics": []}));
}

#[test]
fn check_writes_nothing() {
    // No output folder is created, and no other file of the site changes.
    let s = warnings_site();
    let before = snapshot(s.root());
    for args in [&["check"][..], &["check", "--strict"], &["check", "--format", "json"]] {
        s.run(args);
        assert!(!s.root().join("public").exists(), "{args:?} created public/");
        assert_eq!(snapshot(s.root()), before, "{args:?} changed the site folder");
    }

    // An existing output folder is left byte for byte as it was, whether check passes or fails,
    // even though the pages it would render now differ.
    let s = Site::fixture("basic");
    let o = s.build();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    s.write("public/stray.txt", "left by the user");
    let public = snapshot(&s.root().join("public"));
    s.write(LESSON, "---\ntitle: Renamed lesson\nsummary: s\n---\nNew text.\n");
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(snapshot(&s.root().join("public")), public, "check touched public/");
    s.write(LESSON, "---\ntitle: Broken\nsummary: s\n---\n[x](no-such.md)\n");
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(snapshot(&s.root().join("public")), public, "a failed check touched public/");
    assert!(!s.out("en/modules/alpha/second/index.html").contains("Renamed lesson"));
}

#[test]
fn every_error_of_the_run_is_reported_at_once() {
    let s = warnings_site();
    s.write("content/about.md", "---\ntitle: About\n---\nGo [to the lessons](modules/zzz/_index.md).\n");
    s.write("content/modules/beta/01-gamma.md", "---\ntitle: Gamma\nsummary: s\n---\n## Цусны донор\n\nSee [alpha](../alpha/_index.md#nowhere).\n");
    let o = s.run(&["check"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("content/about.md:4:4: error: link to `modules/zzz/_index.md`: no such page"), "{e}");
    assert!(e.contains("content/modules/beta/01-gamma.md:7:5: error: link to `#nowhere` in `modules/alpha/_index.md`: no such heading"), "{e}");
    // Warnings are still reported beside the errors.
    for w in WARNINGS {
        assert!(e.contains(w), "expected `{w}` in:\n{e}");
    }
    assert!(e.contains("2 errors, 6 warnings in 6 files"), "{e}");

    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let r = json(&o);
    assert_eq!((r["errors"].as_u64(), r["warnings"].as_u64()), (Some(2), Some(6)), "{r:#}");
    let errors: Vec<(&str, u64, u64)> = diagnostics(&r)
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["path"].as_str().unwrap(), d["line"].as_u64().unwrap(), d["col"].as_u64().unwrap()))
        .collect();
    assert_eq!(errors, [("content/about.md", 4, 4), ("content/modules/beta/01-gamma.md", 7, 5)], "{r:#}");
}

#[test]
fn resources_from_another_host_are_errors_not_warnings() {
    let s = Site::fixture("basic");
    s.write(
        LESSON,
        "---\ntitle: Second lesson\nsummary: s\n---\nIntro.\n\n<img src=\"https://example.org/x.png\" alt=\"x\">\n\n![A drop](https://cdn.example.org/drop.png)\n",
    );
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = json(&o);
    let raw = find(&r, "https://example.org/x.png");
    assert_eq!(raw["severity"], "error");
    assert_eq!((raw["path"].as_str(), raw["line"].as_u64(), raw["col"].as_u64()), (Some(LESSON), Some(7), Some(11)), "the column points at the URL");
    assert!(raw["message"].as_str().unwrap().contains("from another host"), "{raw:#}");
    let img = find(&r, "https://cdn.example.org/drop.png");
    assert_eq!(img["severity"], "error");
    assert_eq!((img["line"].as_u64(), img["col"].as_u64()), (Some(9), Some(1)));
    assert_eq!(r["errors"], 2, "{r:#}");

    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("content/modules/alpha/02-second.md:7:11: error: raw HTML loads `https://example.org/x.png` from another host"),
        "{}",
        stderr(&o)
    );

    // With `raw_html: escape` the tag is shown as text and loads nothing: not an error.
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}markdown:\n  raw_html: escape\n"));
    s.write(LESSON, "---\ntitle: Second lesson\nsummary: s\n---\nIntro.\n\n<img src=\"https://example.org/x.png\" alt=\"x\">\n");
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    assert_eq!(json(&o)["errors"], 0);
}

#[test]
fn orphaned_translations_are_warnings_but_translations_of_drafts_are_not() {
    // The l10n fixture's fr folder holds retired.md (no source) and draft.md (a draft source).
    let s = Site::fixture("l10n/site");
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = json(&o);
    let orphan = find(&r, "orphaned translation");
    assert_eq!(orphan["path"], "locales/fr/content/retired.md");
    assert_eq!(orphan["message"], "orphaned translation: content/retired.md does not exist");
    assert_eq!(orphan["severity"], "warning");
    assert!(!diagnostics(&r).iter().any(|d| d["path"] == "locales/fr/content/draft.md"), "{r:#}");
    // sw-TZ inherits `site-title` and `donation-day` from sw: not reported as untranslated.
    assert!(!diagnostics(&r).iter().any(|d| d["path"] == "locales/sw-TZ/site.ftl"), "{r:#}");
    assert_eq!(find(&r, "message `hotline` is not translated into `fr`")["path"], "locales/fr/site.ftl");
}

#[test]
fn check_with_root_reports_paths_relative_to_the_site() {
    let s = warnings_site();
    let parent = s.root().parent().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_donorbook")).args(["check", "--root"]).arg(s.root()).current_dir(parent).env("NO_COLOR", "1").output().unwrap();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(e.contains("content/modules/alpha/02-second.md:10:5: warning: image without alt text\n   |\n10 | See ![](images/drop.svg) here."), "{e}");
    assert!(!parent.join("public").exists() && !s.root().join("public").exists());
}

#[test]
fn a_wrong_command_line_exits_2() {
    let s = Site::fixture("basic");
    for args in [&["check", "--format", "xml"][..], &["check", "--stric"]] {
        let o = s.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("error:"), "{args:?}");
    }
    assert!(stderr(&s.run(&["check", "--format", "xml"])).contains("possible values: text, json"));
}

#[test]
fn a_site_that_cannot_be_loaded_fails_with_a_message() {
    let s = Site::fixture("basic");
    s.remove("site.yaml");
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let r = json(&o);
    assert_eq!(r["errors"], 1, "{r:#}");
    let d = &diagnostics(&r)[0];
    assert_eq!(d["path"], "site.yaml");
    assert!(d["message"].as_str().unwrap().starts_with("cannot read the site configuration"), "{d:#}");
}

/// A figure whose `alt` is empty is as undescribed as `![](…)`: a warning at the call, so
/// `check --strict` (which CI runs on the project's own site) fails on it.
#[test]
fn figure_with_an_empty_alt_is_a_warning_at_the_call() {
    let s = clean_site();
    s.write(
        LESSON,
        "---\ntitle: Second lesson\nsummary: S.\nweight: 10\n---\nText.\n\n{{ figure(src=\"images/drop.svg\", alt=\"  \", caption=\"A drop\") }}\n",
    );
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = json(&o);
    let d = find(&report, "has an empty `alt`");
    assert_eq!((d["path"].as_str(), d["line"].as_u64(), d["col"].as_u64(), d["severity"].as_str()), (Some(LESSON), Some(8), Some(1), Some("warning")), "{d:#}");
    assert_eq!(s.run(&["check", "--strict"]).status.code(), Some(1));
    s.write(LESSON, "---\ntitle: Second lesson\nsummary: S.\nweight: 10\n---\nText.\n\n{{ figure(src=\"images/drop.svg\", alt=\"A red drop of blood\") }}\n");
    assert_eq!(s.run(&["check", "--strict"]).status.code(), Some(0));
}
