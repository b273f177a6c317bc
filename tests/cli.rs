//! The command line as a user meets it: finding the site from a subfolder, help text, shell
//! completions, JSON Schemas, `theme eject`, `--deny-warnings` and `--quiet`.

mod common;
use common::{Site, stderr};
use std::process::Command;

fn donorbook(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_donorbook")).args(args).env("NO_COLOR", "1").output().unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn commands_find_site_yaml_from_a_subfolder() {
    let s = Site::fixture("basic");
    let sub = s.root().join("content/modules/alpha");
    let o = Command::new(env!("CARGO_BIN_EXE_donorbook")).arg("build").current_dir(&sub).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(s.exists("en/modules/alpha/index.html"), "the build went to the site's public/");
    assert!(!sub.join("public").exists(), "nothing is written where the command ran");
    let o = Command::new(env!("CARGO_BIN_EXE_donorbook")).args(["l10n", "status"]).current_dir(&sub).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn outside_any_site_the_error_says_so() {
    let t = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_donorbook")).arg("check").current_dir(t.path()).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("donorbook new"), "{}", stderr(&o));
}

#[test]
fn a_single_fallback_tag_is_a_list_of_one() {
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", yaml.replace("    name: العربية\n", "    name: العربية\n    fallback: fr\n"));
    let o = s.build();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // ar falls back to fr, whose module page is translated.
    let page = s.out("ar/modules/alpha/index.html");
    assert!(page.contains("lang=\"fr\""), "the ar module page shows the French text");
}

#[test]
fn help_names_every_option_with_examples() {
    let o = donorbook(&["build", "--help"]);
    let help = stdout(&o);
    for needle in ["--root <DIR>", "--out <DIR>", "--drafts", "--base-url <URL>", "--deny-warnings", "--quiet", "Examples:"] {
        assert!(help.contains(needle), "`{needle}` missing from:\n{help}");
    }
    for line in help.lines().filter(|l| l.trim_start().starts_with("--")) {
        assert!(line.trim().contains("  "), "option without help text: {line}");
    }
    insta::assert_snapshot!("build_help", help);
    insta::assert_snapshot!("top_help", stdout(&donorbook(&["--help"])));
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = donorbook(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = stdout(&o);
        assert!(text.contains("donorbook") && text.contains("bundle") && text.contains("base-url"), "{shell}: {text}");
    }
    assert_eq!(donorbook(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn schemas_are_json_for_every_kind() {
    for kind in ["site", "front-matter", "glossary", "quiz"] {
        let o = donorbook(&["schema", kind]);
        assert_eq!(o.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert!(v["$schema"].as_str().unwrap().contains("json-schema.org"), "{kind}");
    }
}

#[test]
fn theme_eject_copies_the_theme_and_the_site_uses_it() {
    let s = Site::fixture("basic");
    let o = s.run(&["theme", "eject"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let base = s.root().join("themes/default/templates/base.html");
    assert!(base.is_file());
    assert!(s.root().join("themes/default/locales/en/theme.ftl").is_file());
    // A second eject would overwrite the edits: refused without --force.
    let o = s.run(&["theme", "eject"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    let text = std::fs::read_to_string(&base).unwrap();
    std::fs::write(&base, text.replacen("<body", "<body data-ejected=\"yes\"", 1)).unwrap();
    let o = s.build();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(s.out("en/index.html").contains("data-ejected=\"yes\""), "the ejected theme is the one used");
}

/// A lesson with an image without alt text: a warning, not an error.
fn site_with_a_warning() -> Site {
    let s = Site::fixture("basic");
    s.write("content/modules/alpha/02-second.md", "---\ntitle: Second lesson\nweight: 10\n---\nSee ![](images/drop.svg) here.\n");
    s
}

#[test]
fn deny_warnings_fails_and_writes_nothing() {
    let s = site_with_a_warning();
    let o = s.run(&["build", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("image without alt text"));
    assert!(!s.exists("index.html"), "nothing written");
    let o = s.build();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn quiet_prints_errors_only() {
    let s = site_with_a_warning();
    let o = s.run(&["build", "--quiet"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "", "quiet build prints nothing");
    let loud = s.build();
    assert!(stderr(&loud).contains("warning: image without alt text"));
    s.write("content/modules/alpha/01-first.md", "---\ntitle: x\n---\n[x](nope.md)\n");
    let o = s.run(&["build", "-q"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error:") && !stderr(&o).contains("warning:"), "{}", stderr(&o));
}

#[test]
fn an_unknown_block_lists_the_blocks_that_exist() {
    let s = Site::fixture("basic");
    s.write("templates/page.html", "{% extends \"base.html\" %}{% block contnt %}x{% endblock %}");
    let o = s.build();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("Block `contnt` is not defined"), "{err}");
    // At the site's own template, line and column: not at the built-in base.html.
    assert!(err.starts_with("templates/page.html:1:35: error: template error: Block `contnt`"), "{err}");
    assert!(!err.contains("(built-in)"), "{err}");
    assert!(err.contains("help: blocks a template can fill: main, title"), "{err}");
}

#[test]
fn robots_txt_points_at_the_sitemap_only_with_a_base_url() {
    let s = Site::fixture("basic");
    let o = s.build();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!s.exists("robots.txt"), "without a base URL there is no absolute sitemap URL to give");
    let o = s.run(&["build", "--base-url", "https://learn.example.org/donors"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(s.out("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://learn.example.org/donors/sitemap.xml\n");
}

#[test]
fn links_written_the_web_way_or_misspelled_get_a_hint() {
    let s = Site::fixture("basic");
    s.write(
        "content/modules/alpha/01-first.md",
        "---\ntitle: First\n---\nSee [next](../second/), [beta](@/modules/beta/_index.md), [typo](02-secnd.md) and ![drop](images/dorp.svg).\n",
    );
    let o = s.build();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("link the page's Markdown source, not its URL: `02-second.md`"), "{err}");
    assert!(err.contains("Zola's `@/` form") && err.contains("`../beta/_index.md`"), "{err}");
    assert!(err.contains("did you mean `02-second.md`?"), "{err}");
    assert!(err.contains("did you mean `images/drop.svg`?"), "{err}");
}

#[test]
fn a_capitalised_quiz_fence_is_a_warning() {
    let s = Site::fixture("basic");
    s.write(
        "content/modules/alpha/02-second.md",
        "---\ntitle: Second\nsummary: s\nweight: 10\n---\nText.\n\n```Quiz\nquestion: Q?\nchoices:\n  - text: A\n    correct: true\n  - text: B\n```\n",
    );
    let o = s.run(&["check"]);
    let err = stderr(&o);
    assert!(err.contains("02-second.md:8:1: warning: ```Quiz is shown as code, not as a knowledge check"), "{err}");
    assert!(err.contains("lower case: ```quiz"), "{err}");
}

#[test]
fn a_message_referring_to_an_unknown_message_is_one_error_at_its_ftl_line() {
    let s = Site::fixture("basic");
    s.write("locales/en/site.ftl", "site-title = Fixture\nhotline = Call { national-hotlin } today.\n");
    s.write("content/modules/alpha/02-second.md", "---\ntitle: Second\nsummary: s\nweight: 10\n---\nCall: {{ t(key=\"hotline\") }}\n");
    let o = s.build();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("locales/en/site.ftl:2:1: error: message `hotline`"), "{err}");
    assert_eq!(err.matches("national-hotlin").count(), 2, "one error (message and source line), not one per page or template: {err}");
}
