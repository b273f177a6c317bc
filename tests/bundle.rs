//! `donorbook bundle`: one deterministic offline zip per locale, with its fallback chain,
//! a start page, a README and a manifest of digests.

mod common;
use common::{copy_dir, stderr};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixture copied into `<tmp>/Bundle Site/`, the zips are named after the title: `bundle-fixture-<tag>.zip`.
struct Fixture {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("Bundle Site");
        std::fs::create_dir_all(&root).unwrap();
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle-site"), &root);
        Fixture { _tmp: tmp, root }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_donorbook")).args(args).current_dir(&self.root).env("NO_COLOR", "1").output().unwrap()
    }

    fn bundle(&self, args: &[&str]) -> Output {
        let mut all = vec!["bundle"];
        all.extend_from_slice(args);
        let o = self.run(&all);
        assert!(o.status.success(), "bundle failed:\n{}", stderr(&o));
        o
    }

    fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    fn dist_names(&self) -> BTreeSet<String> {
        match std::fs::read_dir(self.dist()) {
            Ok(rd) => rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
            Err(_) => BTreeSet::new(),
        }
    }

    fn zip(&self, code: &str) -> Zip {
        Zip::open(&self.dist().join(format!("bundle-fixture-{code}.zip")))
    }
}

/// Every entry of a zip: name, bytes, modification time and mode.
struct Zip {
    entries: Vec<(String, Vec<u8>)>,
}

impl Zip {
    fn open(path: &Path) -> Zip {
        let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut archive = zip::ZipArchive::new(file).unwrap();
        let mut entries = Vec::new();
        // Every entry sits in one folder named like the zip (no files spilled when unzipped).
        let folder = format!("{}/", path.file_stem().unwrap().to_string_lossy());
        for i in 0..archive.len() {
            let mut f = archive.by_index(i).unwrap();
            let full = f.name().unwrap().into_owned();
            let name = full.strip_prefix(&folder).unwrap_or_else(|| panic!("{full} is not under {folder}")).to_string();
            assert!(f.is_file(), "{name} is not a file entry");
            assert_eq!(f.compression(), zip::CompressionMethod::Deflated, "{name}");
            assert_eq!(f.last_modified(), Some(zip::DateTime::default()), "{name}: fixed DOS-epoch timestamp");
            assert_eq!(f.unix_mode().map(|m| m & 0o777), Some(0o644), "{name}");
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            entries.push((name, bytes));
        }
        Zip { entries }
    }

    fn names(&self) -> Vec<&str> {
        self.entries.iter().map(|(n, _)| n.as_str()).collect()
    }

    fn top_level(&self) -> BTreeSet<&str> {
        self.entries.iter().map(|(n, _)| n.split('/').next().unwrap()).collect()
    }

    fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|(n, _)| n == name)
    }

    fn text(&self, name: &str) -> String {
        let bytes = &self.entries.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name} in the zip")).1;
        String::from_utf8(bytes.clone()).unwrap()
    }
}

fn set(items: &[&'static str]) -> BTreeSet<&'static str> {
    items.iter().copied().collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn one_zip_per_locale_with_the_fallback_chain() {
    let f = Fixture::new();
    let o = f.bundle(&[]);
    assert_eq!(f.dist_names(), ["bundle-fixture-en.zip", "bundle-fixture-fr-CA.zip", "bundle-fixture-fr.zip"].map(String::from).into(), "{}", stderr(&o));
    // A summary line per zip; no progress bar when stderr is not a terminal.
    let err = stderr(&o);
    for code in ["en", "fr", "fr-CA"] {
        assert!(err.contains(&format!("bundle-fixture-{code}.zip: ")), "{err}");
    }
    assert!(!err.contains('\r') && !err.contains("\x1b["), "{err:?}");

    let common = ["404.html", "MANIFEST.txt", "README.txt", "assets", "index.html"];
    let expect = |locales: &[&'static str]| -> BTreeSet<&'static str> { set(&common).union(&set(locales)).copied().collect() };
    let en = f.zip("en");
    let fr = f.zip("fr");
    let fr_ca = f.zip("fr-CA");
    assert_eq!(en.top_level(), expect(&["en"]));
    assert_eq!(fr.top_level(), expect(&["fr", "en"]));
    assert_eq!(fr_ca.top_level(), expect(&["fr-CA", "fr", "en"]));

    // Pages and colocated files of every chain locale.
    for page in [
        "fr-CA/index.html",
        "fr-CA/about/index.html",
        "fr/index.html",
        "en/index.html",
        "en/modules/basics/first/index.html",
        "fr/modules/basics/images/drop.svg",
    ] {
        assert!(fr_ca.has(page), "fr-CA zip lacks {page}: {:?}", fr_ca.names());
    }
    // Search indexes only for the locales in the zip; the rest of assets/ in full.
    assert!(fr_ca.has("assets/search/fr-CA.js") && fr_ca.has("assets/search/fr.js") && fr_ca.has("assets/search/en.js"));
    assert!(en.has("assets/search/en.js") && !en.has("assets/search/fr.js") && !en.has("assets/search/fr-CA.js"));
    assert!(fr.has("assets/search/fr.js") && !fr.has("assets/search/fr-CA.js"));
    assert!(en.has("assets/style.css"));
    // No sitemap (no use offline); no language chooser, replaced by the start page.
    assert!(!en.has("sitemap.xml"));

    // Entries are in sorted order.
    let names = fr_ca.names();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn start_page_opens_the_locale_and_readme_explains() {
    let f = Fixture::new();
    f.bundle(&["--locale", "fr-CA"]);
    let z = f.zip("fr-CA");
    let index = z.text("index.html");
    assert!(index.starts_with("<!DOCTYPE html>"), "{index}");
    assert!(index.contains("<html lang=\"fr-CA\" dir=\"ltr\">"), "{index}");
    assert!(index.contains("<meta http-equiv=\"refresh\" content=\"0; url=fr-CA/index.html\">"), "{index}");
    assert!(index.contains("href=\"fr-CA/index.html\""), "{index}");
    // The site title comes from the chain's `site-title` message (fr).
    assert!(index.contains("<title>Centre d’essai</title>"), "{index}");
    let readme = z.text("README.txt");
    // In the locale's language (the theme's French `bundle-readme`), naming the site.
    assert!(readme.contains("index.html") && readme.contains("Centre d’essai") && readme.contains("navigateur"), "{readme}");
    // Plain-text viewers: CRLF everywhere, no isolate marks around the site's name.
    assert!(!readme.contains(['\u{2068}', '\u{2069}']), "{readme:?}");
    assert!(readme.contains("\r\n") && !readme.replace("\r\n", "").contains('\n'), "{readme:?}");
}

#[test]
fn manifest_lists_the_digest_of_every_other_entry() {
    let f = Fixture::new();
    f.bundle(&[]);
    for code in ["en", "fr", "fr-CA"] {
        let z = f.zip(code);
        let manifest = z.text("MANIFEST.txt");
        let listed: Vec<(String, String)> = manifest
            .lines()
            .map(|l| {
                let (digest, path) = l.split_once("  ").unwrap_or_else(|| panic!("bad manifest line {l:?}"));
                (path.to_string(), digest.to_string())
            })
            .collect();
        let expected: Vec<(String, String)> = z.entries.iter().filter(|(n, _)| n != "MANIFEST.txt").map(|(n, b)| (n.clone(), sha256_hex(b))).collect();
        assert_eq!(listed, expected, "{code}: MANIFEST.txt must list `sha256  path` of every other entry, sorted");
        assert!(listed.windows(2).all(|w| w[0].0 < w[1].0));
    }
}

#[test]
fn bundles_are_byte_identical_across_runs() {
    let f = Fixture::new();
    f.bundle(&[]);
    let first: Vec<Vec<u8>> = ["en", "fr", "fr-CA"].iter().map(|c| std::fs::read(f.dist().join(format!("bundle-fixture-{c}.zip"))).unwrap()).collect();
    // Touch a source file (new mtime, same content): still the same bytes.
    let about = f.root.join("content/about.md");
    let text = std::fs::read(&about).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&about, text).unwrap();
    f.bundle(&[]);
    for (c, before) in ["en", "fr", "fr-CA"].iter().zip(first) {
        let after = std::fs::read(f.dist().join(format!("bundle-fixture-{c}.zip"))).unwrap();
        assert!(before == after, "{c}: the zip changed between two runs");
    }
    // Nothing but the zips is left in the output folder.
    assert_eq!(f.dist_names().len(), 3, "{:?}", f.dist_names());
}

#[test]
fn selected_locales_only_and_unknown_locales_are_usage_errors() {
    let f = Fixture::new();
    f.bundle(&["--locale", "fr", "--locale", "en"]);
    assert_eq!(f.dist_names(), ["bundle-fixture-en.zip", "bundle-fixture-fr.zip"].map(String::from).into());

    let f = Fixture::new();
    let o = f.run(&["bundle", "--locale", "de"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("`de`") && err.contains("en, fr, fr-CA"), "{err}");
    assert!(f.dist_names().is_empty(), "nothing is written on a usage error");
}

#[test]
fn build_errors_write_no_zip() {
    let f = Fixture::new();
    std::fs::write(f.root.join("content/about.md"), "---\ntitle: About\nsummary: About.\n---\nSee [nowhere](missing.md).\n").unwrap();
    let o = f.run(&["bundle"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("content/about.md"), "{}", stderr(&o));
    assert!(f.dist_names().iter().all(|n| !n.ends_with(".zip")), "{:?}", f.dist_names());
    assert!(!f.dist().exists(), "a failed bundle leaves no output folder behind");
}

#[test]
fn a_zip_links_only_to_the_locales_it_holds() {
    let f = Fixture::new();
    f.bundle(&[]);
    let fr = f.zip("fr");
    let mut pages = 0;
    for (name, bytes) in &fr.entries {
        if name.ends_with(".html") {
            pages += 1;
            let html = String::from_utf8_lossy(bytes);
            assert!(!html.contains("hreflang=\"fr-CA\""), "{name} links to fr-CA, which the fr zip does not hold");
        }
    }
    assert!(pages > 5);
    let fr_ca = f.zip("fr-CA");
    assert!(fr_ca.entries.iter().any(|(n, b)| n.starts_with("fr-CA/") && String::from_utf8_lossy(b).contains("hreflang=\"fr\"")));
}
