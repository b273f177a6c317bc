//! Issue 12: an imported multilingual site (8 locales, raw-HTML asides with repeated ids, remote
//! images and video, no catalogue `_index.md`, missing translations) builds complete and offline.

mod common;
use common::{Site, stderr};

fn html_pages(dir: &std::path::Path) -> Vec<(String, String)> {
    common::snapshot(dir)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn builds_with_link_complete_offline_and_with_unique_ids() {
    let site = Site::fixture("imported");
    let o = site.build();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = site.root().join("public");
    let pages = html_pages(&out);
    assert!(pages.len() >= 50, "{}", pages.len());
    for code in ["en", "ja", "hi", "ru", "ar", "fr", "es", "sw"] {
        assert!(site.exists(&format!("{code}/modules/index.html")), "the catalogue exists without a source: {code}");
    }
    for (path, html) in &pages {
        // No asset from another host.
        for tag in ["<img", "<video", "<source", "<iframe", "<audio", "<embed"] {
            for piece in html.split(tag).skip(1) {
                let end = piece.find('>').unwrap_or(piece.len());
                assert!(!piece[..end].contains("http"), "{path}: {tag}{}", &piece[..end]);
            }
        }
        // Unique ids.
        let ids: Vec<&str> = html.split(" id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "{path}: duplicate ids in {ids:?}");
        // Every internal link leads to a written file.
        let dir = path.rfind('/').map_or("", |i| &path[..=i]);
        for piece in html.split(" href=\"").skip(1).chain(html.split(" src=\"").skip(1)) {
            let url = &piece[..piece.find('"').unwrap()];
            if url.is_empty() || url.starts_with('#') || url.contains(':') {
                continue;
            }
            let file = url.split(['#', '?']).next().unwrap();
            let target = out.join(dir).join(file.replace("%20", " "));
            let target = if file.ends_with('/') || file.is_empty() { target.join("index.html") } else { target };
            assert!(target.exists(), "{path}: broken link {url}");
        }
    }
    let print = site.out("en/modules/donation-basics/print/index.html");
    assert!(print.contains("id=\"who-can-donate--cbox1\"") && print.contains("id=\"donation-day--cbox1\""), "{print}");
    let ja = site.out("ja/modules/donation-basics/who-can-donate/index.html");
    assert!(ja.contains("class=\"remote-note\"") || !ja.contains("remote-asset"), "{ja}");
    assert!(site.out("ja/index.html").contains("インターネット接続が必要です"), "the note is in the reader's language");
}

#[test]
fn fails_with_the_default_policy_listing_every_remote_asset() {
    let site = Site::fixture("imported");
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", yaml.replace("remote_assets: link", "remote_assets: error"));
    let o = site.build();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    for at in [
        "content/_index.md:8:11: error: raw HTML loads `https://cdn.example.org/avatars/nurse.png`",
        "locales/ja/content/_index.md:7:11: error: raw HTML loads `https://cdn.example.org/avatars/nurse.png`",
        "content/modules/donation-basics/01-who-can-donate.md:13:1: error: image `https://images.example.org/leaflet.jpg`",
        "content/modules/donation-basics/02-donation-day.md:11:30: error: raw HTML loads `https://video.example.org/donation-day.mp4`",
    ] {
        assert!(e.contains(at), "{at}\n{e}");
    }
    assert!(e.contains("4 errors"), "{e}");
    assert!(!site.root().join("public").exists(), "nothing written");
}
