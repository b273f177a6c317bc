//! Assets from another host: `offline.remote_assets: error | link | fetch`.

mod common;
use common::{Site, stderr};

const LESSON: &str = "content/modules/alpha/02-second.md";

/// A lesson with remote assets in Markdown and raw HTML (several in one HTML block).
const REMOTE_LESSON: &str = "---\ntitle: Remote\n---\nText.\n\n![A donor giving blood](https://img.example.org/donor.jpg)\n\n\
<aside id=\"box\"><img src=\"https://img.example.org/a.png\" alt=\"Blood types chart\">\n\
<img alt=\"Second\" src=\"https://img.example.org/b.png\"></aside>\n\n\
Inline <iframe src=\"https://video.example.org/embed/1\" title=\"Donation day video\"></iframe> end.\n";

fn with_policy(policy: Option<&str>) -> Site {
    let site = Site::fixture("basic");
    if let Some(p) = policy {
        let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
        site.write("site.yaml", format!("{yaml}offline:\n  remote_assets: {p}\n"));
    }
    site.write(LESSON, REMOTE_LESSON);
    site
}

#[test]
fn default_policy_reports_every_remote_asset_and_writes_nothing() {
    let site = with_policy(None);
    let o = site.build();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    for (line_col, url) in [
        ("6:1", "https://img.example.org/donor.jpg"),
        ("8:27", "https://img.example.org/a.png"),
        ("9:24", "https://img.example.org/b.png"),
        ("11:21", "https://video.example.org/embed/1"),
    ] {
        assert!(e.contains(&format!("{LESSON}:{line_col}: error: ")) && e.contains(url), "{line_col} {url}\n{e}");
    }
    assert!(e.contains("remote_assets: link") && e.contains("remote_assets: fetch"), "the help names the other policies: {e}");
    assert!(!site.root().join("public").exists(), "a failed build writes nothing");
}

#[test]
fn link_policy_builds_with_links_in_the_readers_language() {
    let site = with_policy(Some("link"));
    let o = site.build();
    let e = stderr(&o);
    assert!(o.status.success(), "{e}");
    assert!(e.contains("4 remote assets shown as links"), "the summary counts them: {e}");
    assert!(!e.contains("warning: `https://"), "a build counts, it does not list: {e}");
    for locale in ["en", "fr", "ar"] {
        let html = site.out(&format!("{locale}/modules/alpha/second/index.html"));
        assert!(!html.contains("<img src=\"https:") && !html.contains("<iframe"), "{html}");
        assert!(html.contains("<a class=\"remote-asset\" href=\"https://img.example.org/donor.jpg\">A donor giving blood</a>"), "{html}");
        assert!(html.contains("href=\"https://img.example.org/a.png\">Blood types chart</a>"), "{html}");
        assert!(html.contains("href=\"https://video.example.org/embed/1\">Donation day video</a>"), "{html}");
        assert_eq!(html.matches("class=\"remote-note\"").count(), 4, "{html}");
    }
    assert!(site.out("en/modules/alpha/second/index.html").contains("(online only: needs an internet connection)"));
    assert!(site.out("ar/modules/alpha/second/index.html").contains("يتطلب اتصالًا بالإنترنت"));
    let print = site.out("en/modules/alpha/print/index.html");
    assert!(!print.contains("<img src=\"https:"), "{print}");

    let o = site.run(&["check"]);
    let e = stderr(&o);
    assert!(o.status.success(), "{e}");
    for (line_col, url) in [("6:1", "donor.jpg"), ("8:17", "a.png"), ("9:1", "b.png"), ("11:8", "embed/1")] {
        let w = format!("{LESSON}:{line_col}: warning: `https://");
        assert_eq!(e.matches(&w).count(), 1, "once per occurrence, not per locale: {w} {url}\n{e}");
    }
}

#[test]
fn every_theme_locale_translates_the_remote_note() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/locales");
    let en = std::fs::read_to_string(dir.join("en/theme.ftl")).unwrap();
    let en_note = en.lines().find(|l| l.starts_with("remote-asset-note =")).expect("en has the note").to_string();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path().join("theme.ftl");
        let text = std::fs::read_to_string(&path).unwrap();
        let note = text.lines().find(|l| l.starts_with("remote-asset-note =")).unwrap_or_else(|| panic!("{} has no remote-asset-note", path.display()));
        if !path.to_string_lossy().contains("/en/") {
            assert_ne!(note, en_note, "{} copies the English note", path.display());
        }
    }
}
