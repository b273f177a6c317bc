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

/// A tiny HTTP server on 127.0.0.1 for the `fetch` tests: `/drop.png` and `/chart.svg` are
/// images, `/page` is HTML. Returns its address and a counter of requests served.
fn serve() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut req = Vec::new();
            let mut buf = [0u8; 1024];
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => req.extend_from_slice(&buf[..n]),
                }
            }
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let path = String::from_utf8_lossy(&req).split_whitespace().nth(1).unwrap_or("").to_string();
            let (ty, body): (&str, Vec<u8>) = match path.as_str() {
                "/drop.png" => ("image/png", b"\x89PNG\r\n\x1a\nnot really a png, but bytes to digest".to_vec()),
                "/chart.svg" => ("image/svg+xml", b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>".to_vec()),
                _ => ("text/html; charset=utf-8", b"<!doctype html><title>a page</title>".to_vec()),
            };
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {ty}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    (addr, hits)
}

#[test]
fn fetch_downloads_once_then_builds_from_the_lock_and_cache_alone() {
    use std::sync::atomic::Ordering::SeqCst;
    let (addr, hits) = serve();
    let site = with_policy(Some("fetch"));
    site.write(
        LESSON,
        format!("---\ntitle: Remote\n---\nText.\n\n![A blood drop]({addr}/drop.png)\n\n<p><img src=\"{addr}/chart.svg\" alt=\"Blood types chart\"></p>\n"),
    );
    let o = site.build();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(hits.load(SeqCst), 2, "each asset is downloaded once, whatever the locales");
    let lock: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(site.root().join("remote.lock")).unwrap()).unwrap();
    let assets = lock["assets"].as_array().unwrap();
    assert_eq!(assets.len(), 2, "{lock:#}");
    assert_eq!(assets[0]["url"], format!("{addr}/chart.svg"));
    assert_eq!(assets[0]["media_type"], "image/svg+xml");
    assert_eq!(assets[1]["media_type"], "image/png");
    let png_sha = assets[1]["sha256"].as_str().unwrap().to_string();
    assert_eq!(assets[1]["size"], 45);
    assert!(site.root().join(".donorbook/remote").join(&png_sha).is_file());
    for locale in ["en", "fr"] {
        let html = site.out(&format!("{locale}/modules/alpha/second/index.html"));
        assert!(html.contains(&format!("src=\"../../../../assets/remote/{png_sha}.png\" alt=\"A blood drop\"")), "{html}");
        assert!(!html.contains("src=\"http"), "{html}");
    }
    assert!(site.exists(&format!("assets/remote/{png_sha}.png")));
    let first = common::snapshot(&site.root().join("public"));

    // Forbidden network: the lock and the cache are enough, and the output is the same.
    let o = site.run(&["build", "--offline"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(common::snapshot(&site.root().join("public")), first, "byte-identical from the lock and cache");
    let o = site.build();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(hits.load(SeqCst), 2, "later builds never touch the network");

    // A changed cache entry, then a missing one while offline: errors at file:line naming the URL.
    let cached = site.root().join(".donorbook/remote").join(&png_sha);
    std::fs::write(&cached, b"tampered").unwrap();
    let e = stderr(&site.run(&["build", "--offline"]));
    assert!(e.contains(&format!("{LESSON}:6:1: error: the cached copy of `{addr}/drop.png`")) && e.contains("does not match remote.lock"), "{e}");
    std::fs::remove_file(&cached).unwrap();
    let o = site.run(&["build", "--offline"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(e.contains(&format!("{LESSON}:6:1: error: `{addr}/drop.png` is in remote.lock but not in .donorbook/remote/")), "{e}");
    // Online again, the missing entry is fetched again and checked against the lock.
    let o = site.build();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(hits.load(SeqCst), 3);
    assert_eq!(common::snapshot(&site.root().join("public")), first);
}

#[test]
fn fetch_refuses_a_page_that_is_not_an_image_and_unlocked_urls_offline() {
    let (addr, _) = serve();
    let site = with_policy(Some("fetch"));
    site.write(LESSON, format!("---\ntitle: Remote\n---\nText.\n\n<img src=\"{addr}/page\" alt=\"x\">\n\n![y]({addr}/drop.png)\n"));
    let o = site.run(&["build", "--offline"]);
    let e = stderr(&o);
    assert!(e.contains(&format!("{LESSON}:8:1: error: `{addr}/drop.png` is not in remote.lock, and --offline forbids fetching it")), "{e}");
    let o = site.build();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains(&format!("{LESSON}:6:11: error: `{addr}/page` answered with text/html, not an image")), "{e}");
    assert!(!site.root().join("public").exists());
}
