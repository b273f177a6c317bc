//! `donorbook l10n status` and `l10n stamp` on the fixture in tests/fixtures/l10n/site:
//! en (source), fr, sw and the country variant sw-TZ.
//!
//! The fixture's files use LF line endings; tests that need CRLF or a BOM write those bytes into
//! their temporary copy, so a checkout that rewrites line endings cannot change what is tested.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/l10n/site"), dir.path());
        Site { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_in(self.root(), args)
    }

    fn run_in(&self, cwd: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_donorbook")).args(args).current_dir(cwd).env("NO_COLOR", "1").output().unwrap()
    }

    /// `l10n status --format json`, parsed; the command must succeed.
    fn status(&self, extra: &[&str]) -> Value {
        let mut args = vec!["l10n", "status", "--format", "json"];
        args.extend_from_slice(extra);
        let o = self.run(&args);
        assert_eq!(o.status.code(), Some(0), "status failed:\n{}", text(&o));
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", String::from_utf8_lossy(&o.stdout)))
    }

    fn stamp(&self, args: &[&str]) -> Output {
        let mut all = vec!["l10n", "stamp"];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Every file of the site with its bytes, sorted by path.
    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        walkdir::WalkDir::new(self.root())
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().strip_prefix(self.root()).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
            .collect()
    }
}

fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let target = dst.join(entry.path().strip_prefix(src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// stdout and stderr together, for messages and assertion output.
fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn locale<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["locales"].as_array().unwrap().iter().find(|l| l["code"] == code).unwrap_or_else(|| panic!("no locale {code} in {report:#}"))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}")).iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

/// Splits into lines, each keeping its line ending.
fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split_inclusive(|b| *b == b'\n').map(<[u8]>::to_vec).collect()
}

fn crlf(s: &str) -> String {
    s.replace('\n', "\r\n")
}

#[test]
fn status_json_counts_translated_stale_missing_orphaned_and_inherited() {
    let site = Site::new();
    let r = site.status(&[]);
    assert_eq!(r["source_locale"], "en");
    // The draft source page is not counted.
    assert_eq!(r["source_pages"], 6);
    let codes: Vec<&str> = r["locales"].as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["fr", "sw", "sw-TZ"], "every locale but the default, in site.yaml order");

    let fr = locale(&r, "fr");
    // A never-stamped translation is translated (its staleness unknown), not stale: the
    // reader sees no notice, and `check` suggests a stamp. The same model decides all three.
    assert_eq!(
        fr["pages"],
        serde_json::json!({"total": 6, "translated": 2, "unstamped": 1, "stale": 2, "missing": 2, "inherited": 0, "orphaned": 1, "percent": 33.3})
    );
    assert_eq!(strings(&fr["stale"]), ["about.md", "modules/giving/_index.md"]);
    assert_eq!(strings(&fr["unstamped"]), ["modules/giving/01-first-steps.md"]);
    assert_eq!(strings(&fr["missing"]), ["modules/_index.md", "modules/giving/02-after.md"]);
    // draft.md translates a draft source: neither counted nor orphaned.
    assert_eq!(strings(&fr["orphaned"]), ["retired.md"]);
    assert_eq!(fr["inherited"], serde_json::json!([]));
    assert_eq!(fr["chain"], serde_json::json!(["fr", "en"]));

    let sw = locale(&r, "sw");
    assert_eq!(sw["pages"]["translated"], 2);
    assert_eq!(sw["pages"]["missing"], 4);
    assert_eq!(sw["pages"]["percent"], 33.3);

    // The country variant translated about.md itself and takes _index.md from sw: inherited,
    // not missing, and counted as covered.
    let tz = locale(&r, "sw-TZ");
    assert_eq!(
        tz["pages"],
        serde_json::json!({"total": 6, "translated": 1, "unstamped": 0, "stale": 0, "missing": 4, "inherited": 1, "orphaned": 0, "percent": 33.3})
    );
    assert_eq!(tz["inherited"], serde_json::json!([{"path": "_index.md", "from": "sw"}]));
    assert!(!strings(&tz["missing"]).contains(&"_index.md".to_string()));

    // Glossary: fr translated one entry of two.
    assert_eq!(fr["glossary"], serde_json::json!({"total": 2, "translated": 1, "inherited": 0, "missing": ["plasma"], "orphaned": []}));
}

#[test]
fn status_json_shape_is_stable_and_deterministic() {
    let site = Site::new();
    let a = site.run(&["l10n", "status", "--format", "json"]);
    let b = site.run(&["l10n", "status", "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
    let r: Value = serde_json::from_slice(&a.stdout).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&r), ["locales", "source_locale", "source_pages"]);
    let fr = locale(&r, "fr");
    let mut expected =
        vec!["chain", "code", "glossary", "inherited", "keys", "missing", "name", "orphan_hints", "orphaned", "pages", "stale", "stale_from", "unstamped"];
    expected.sort();
    assert_eq!(keys(fr), expected);
    assert_eq!(keys(&fr["keys"]), ["missing", "suggestions", "total", "unused"]);
    // Field order in the document itself follows the documented order.
    let s = String::from_utf8(a.stdout).unwrap();
    let pos = |k: &str| s.find(&format!("\"{k}\"")).unwrap();
    assert!(pos("source_locale") < pos("source_pages") && pos("source_pages") < pos("locales"));
    assert!(pos("total") < pos("translated") && pos("translated") < pos("percent"));
}

#[test]
fn status_reports_fluent_keys_missing_and_unused() {
    let site = Site::new();
    let r = site.status(&[]);
    // Only the site's keys are asserted exactly: which theme strings are expected depends on the
    // languages the built-in theme ships (see the next test for those).
    let site_keys = ["donation-day", "hotline", "site-title"];
    let site_missing = |l: &Value| strings(&l["keys"]["missing"]).into_iter().filter(|k| site_keys.contains(&k.as_str())).collect::<Vec<_>>();
    let fr = locale(&r, "fr");
    assert_eq!(site_missing(fr), ["hotline"]);
    assert_eq!(strings(&fr["keys"]["unused"]), ["old-slogan"]);
    assert!(fr["keys"]["total"].as_u64().unwrap() >= 3);
    // sw-TZ defines only `hotline`; sw supplies the rest.
    let tz = locale(&r, "sw-TZ");
    assert_eq!(site_missing(tz), Vec::<String>::new());
    assert_eq!(tz["keys"]["unused"], serde_json::json!([]));
    assert_eq!(site_missing(locale(&r, "sw")), Vec::<String>::new());
}

#[test]
fn theme_keys_are_expected_only_when_the_theme_ships_the_language() {
    let site = Site::new();
    // A theme folder in the site replaces the built-in theme; status needs only its strings.
    site.write("themes/default/locales/en/theme.ftl", "nav-home = Home\nnav-modules = Modules\nnav-search = Search\n");
    site.write("themes/default/locales/fr/theme.ftl", "nav-home = Accueil\n");
    // The French site file translating a theme key is neither missing nor unused.
    let fr_ftl = String::from_utf8(site.read("locales/fr/site.ftl")).unwrap();
    site.write("locales/fr/site.ftl", format!("{fr_ftl}nav-search = Rechercher\n"));
    let r = site.status(&[]);
    let fr = locale(&r, "fr");
    assert_eq!(strings(&fr["keys"]["missing"]), ["hotline", "nav-modules"]);
    assert_eq!(strings(&fr["keys"]["unused"]), ["old-slogan"]);
    assert_eq!(fr["keys"]["total"], 6);
    // The theme has no Swahili file: its English strings are not counted against sw or sw-TZ.
    for code in ["sw", "sw-TZ"] {
        let l = locale(&r, code);
        assert_eq!(l["keys"]["missing"], serde_json::json!([]), "{code}");
        assert_eq!(l["keys"]["total"], 3, "{code}");
    }
}

#[test]
fn status_for_one_locale_and_for_unknown_ones() {
    let site = Site::new();
    let r = site.status(&["--locale", "sw-tz"]);
    let codes: Vec<&str> = r["locales"].as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["sw-TZ"]);

    let o = site.run(&["l10n", "status", "--locale", "de"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let msg = text(&o);
    assert!(msg.contains("`de`") && msg.contains("fr, sw, sw-TZ"), "{msg}");
    assert!(o.stdout.is_empty());
}

#[test]
fn status_table_lists_what_is_left() {
    let site = Site::new();
    let o = site.run(&["l10n", "status"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let t = String::from_utf8(o.stdout).unwrap();
    assert!(t.contains("LOCALE") && t.contains("33.3%"), "{t}");
    assert!(t.contains("locales/fr/content/about.md"), "stale file listed: {t}");
    assert!(t.contains("content/modules/giving/02-after.md"), "missing file listed: {t}");
    assert!(t.contains("locales/fr/content/retired.md"), "orphaned file listed: {t}");
    assert!(t.contains("hotline") && t.contains("old-slogan"), "{t}");
}

#[test]
fn status_fails_when_the_site_cannot_be_loaded() {
    let site = Site::new();
    std::fs::remove_file(site.path("site.yaml")).unwrap();
    let o = site.run(&["l10n", "status", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
}

#[test]
fn stamp_makes_a_stale_page_translated() {
    let site = Site::new();
    let before = site.status(&["--locale", "fr"]);
    assert!(strings(&locale(&before, "fr")["stale"]).contains(&"about.md".to_string()));

    let o = site.stamp(&["fr", "locales/fr/content/about.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("stamped locales/fr/content/about.md"), "{}", text(&o));

    let after = site.status(&["--locale", "fr"]);
    let fr = locale(&after, "fr");
    assert!(!strings(&fr["stale"]).contains(&"about.md".to_string()));
    assert_eq!(fr["pages"]["translated"], 3);
    assert_eq!(fr["pages"]["stale"], 1);

    // The existing line was replaced in place: same position, nothing else touched.
    let text_after = String::from_utf8(site.read("locales/fr/content/about.md")).unwrap();
    let digest = &text_after.lines().nth(3).unwrap()["source_hash: ".len()..];
    assert_eq!(digest.len(), 16);
    assert_eq!(
        text_after,
        format!(
            "---\n# Translated by the Lyon team.\ntitle: À propos\nsource_hash: {digest}\nweight: 5\n---\nCe centre forme le personnel et les bénévoles.\n"
        )
    );

    // Editing the source makes the translation stale again.
    site.write("content/about.md", "---\ntitle: About\n---\nThis centre trains staff, volunteers and students.\n");
    let again = site.status(&["--locale", "fr"]);
    assert!(strings(&locale(&again, "fr")["stale"]).contains(&"about.md".to_string()));
}

#[test]
fn stamp_twice_is_byte_identical() {
    let site = Site::new();
    let o = site.stamp(&["fr"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // The orphaned translation is skipped with a note, not stamped.
    assert!(text(&o).contains("retired.md"), "{}", text(&o));
    let first = site.snapshot();

    let o = site.stamp(&["fr"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("already up to date"), "{}", text(&o));
    assert!(!text(&o).contains("stamped locales/"), "{}", text(&o));
    assert_eq!(site.snapshot(), first, "a second stamp changed files");

    // Every translation with a source is now current; nothing else moved.
    let fr = site.status(&["--locale", "fr"]);
    let fr = locale(&fr, "fr");
    assert_eq!(fr["pages"]["translated"], 4);
    assert_eq!(fr["pages"]["stale"], 0);
    assert_eq!(strings(&fr["orphaned"]), ["retired.md"]);
    // No temporary files are left behind.
    assert!(first.iter().all(|(p, _)| !p.to_string_lossy().contains(".tmp")), "{first:?}");
}

#[test]
fn stamp_preserves_crlf_and_every_other_byte_when_inserting() {
    let site = Site::new();
    let rel = "locales/fr/content/modules/giving/01-first-steps.md";
    let original = crlf(&String::from_utf8(site.read(rel)).unwrap());
    site.write(rel, &original);
    let o = site.stamp(&["fr", rel]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    let after = site.read(rel);
    let (b, a) = (lines(original.as_bytes()), lines(&after));
    assert_eq!(a.len(), b.len() + 1, "exactly one line is added");
    // The new line sits just before the closing `---` (line 4 of the original).
    let inserted = String::from_utf8(a[3].clone()).unwrap();
    assert!(inserted.starts_with("source_hash: ") && inserted.ends_with("\r\n"), "{inserted:?}");
    let mut without: Vec<Vec<u8>> = a.clone();
    without.remove(3);
    assert_eq!(without, b, "every other byte is kept");
    assert!(!after.windows(2).any(|w| w[1] == b'\n' && w[0] != b'\r'), "a bare LF crept in");

    let r = site.status(&["--locale", "fr"]);
    let fr = locale(&r, "fr");
    assert!(!strings(&fr["stale"]).contains(&"modules/giving/01-first-steps.md".to_string()));
    assert_eq!(fr["unstamped"], serde_json::json!([]));

    // And a second run is a no-op.
    let o = site.stamp(&["fr", rel]);
    assert!(text(&o).contains("already up to date"), "{}", text(&o));
    assert_eq!(site.read(rel), after);
}

#[test]
fn stamp_keeps_bom_and_crlf_when_replacing() {
    let site = Site::new();
    let rel = "locales/fr/content/modules/giving/_index.md";
    let mut original = b"\xEF\xBB\xBF".to_vec();
    original.extend_from_slice(crlf(&String::from_utf8(site.read(rel)).unwrap()).as_bytes());
    site.write(rel, &original);
    // Given relative to a folder other than the root, with --root.
    let cwd = site.path("locales/fr");
    let o = site.run_in(&cwd, &["l10n", "stamp", "fr", "content/modules/giving/_index.md", "--root", "../.."]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    let after = site.read(rel);
    assert!(after.starts_with(b"\xEF\xBB\xBF---\r\n"), "BOM kept");
    let (b, a) = (lines(&original), lines(&after));
    assert_eq!(a.len(), b.len());
    let changed: Vec<usize> = (0..a.len()).filter(|i| a[*i] != b[*i]).collect();
    assert_eq!(changed, [4], "only the source_hash line changes");
    assert_eq!(b[4], b"source_hash: \"ffffffffffffffff\"\r\n");
    assert!(a[4].starts_with(b"source_hash: ") && a[4].ends_with(b"\r\n") && a[4].len() == "source_hash: ".len() + 16 + 2);

    let r = site.status(&["--locale", "fr"]);
    assert!(!strings(&locale(&r, "fr")["stale"]).contains(&"modules/giving/_index.md".to_string()));
}

#[test]
fn stamp_reports_bad_paths_with_the_path() {
    let site = Site::new();
    let snapshot = site.snapshot();

    // A source file, not a translation.
    let o = site.stamp(&["fr", "content/about.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("content/about.md") && text(&o).contains("locales/fr/content/"), "{}", text(&o));

    // Another locale's translation.
    let o = site.stamp(&["sw", "locales/fr/content/about.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("locales/fr/content/about.md"), "{}", text(&o));

    // A translation with no source.
    let o = site.stamp(&["fr", "locales/fr/content/retired.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("locales/fr/content/retired.md") && text(&o).contains("content/retired.md does not exist"), "{}", text(&o));

    // A file that does not exist.
    let o = site.stamp(&["fr", "locales/fr/content/nope.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("nope.md"), "{}", text(&o));

    // Unknown locale, or the source locale: a command-line error.
    assert_eq!(site.stamp(&["de", "locales/fr/content/about.md"]).status.code(), Some(2));
    assert_eq!(site.stamp(&["en"]).status.code(), Some(2));

    assert_eq!(site.snapshot(), snapshot, "failed stamps must not write anything");

    // No front matter.
    site.write("content/notes.md", "---\ntitle: Notes\n---\nSome notes.\n");
    site.write("locales/fr/content/notes.md", "# Notes\n\nQuelques notes.\n");
    let o = site.stamp(&["fr", "locales/fr/content/notes.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("locales/fr/content/notes.md") && text(&o).contains("front matter"), "{}", text(&o));
    assert_eq!(site.read("locales/fr/content/notes.md"), b"# Notes\n\nQuelques notes.\n");

    // One bad path does not stop the good ones, but the exit status reports it.
    let o = site.stamp(&["fr", "locales/fr/content/notes.md", "locales/fr/content/about.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("stamped locales/fr/content/about.md"), "{}", text(&o));
}
