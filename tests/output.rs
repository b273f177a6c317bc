//! The output folder: donorbook replaces only a folder it made (or an empty one), never follows
//! a link there, says truthfully what became of the previous output, and a rebuild writes only
//! the files whose bytes changed.

mod common;
use common::{Site, copy_dir, snapshot, stderr};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const LESSON: &str = "content/modules/alpha/02-second.md";

/// A fixture site in `<tmp>/site`, with room beside it for other folders.
struct Nest {
    dir: tempfile::TempDir,
}

impl Nest {
    fn new() -> Nest {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"), &dir.path().join("site"));
        Nest { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_donorbook")).args(args).current_dir(self.path("site")).env("NO_COLOR", "1").output().unwrap()
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn refused(o: &Output, code: i32, needles: &[&str]) {
    let e = stderr(o);
    assert_eq!(o.status.code(), Some(code), "{e}");
    for n in needles {
        assert!(e.contains(n), "expected `{n}` in:\n{e}");
    }
    assert!(!e.contains("left as it was"), "{e}");
}

#[test]
fn a_folder_donorbook_did_not_make_is_refused_unless_forced() {
    let n = Nest::new();
    write(&n.path("mine/notes.txt"), "my notes");
    let o = n.run(&["build", "--out", "../mine"]);
    refused(&o, 2, &["../mine", "was not made by donorbook", "--force", "nothing was written"]);
    assert_eq!(std::fs::read_to_string(n.path("mine/notes.txt")).unwrap(), "my notes");
    let o = n.run(&["build", "--out", "../mine", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!n.path("mine/notes.txt").exists(), "--force deletes what was there");
    assert!(n.path("mine/en/index.html").is_file());
    // Now it is donorbook's: no --force needed any more.
    assert!(n.run(&["build", "--out", "../mine"]).status.success());
}

#[test]
fn another_site_is_not_an_output() {
    let n = Nest::new();
    copy_dir(&n.path("site"), &n.path("another-site"));
    let before = snapshot(&n.path("another-site"));
    let o = n.run(&["build", "--out", "../another-site"]);
    refused(&o, 2, &["another-site", "--force"]);
    assert_eq!(before, snapshot(&n.path("another-site")));
}

#[cfg(unix)]
#[test]
fn a_linked_public_folder_is_never_followed() {
    let n = Nest::new();
    write(&n.path("keys/id_ed25519"), "PRIVATE KEY");
    std::os::unix::fs::symlink("../keys", n.path("site/public")).unwrap();
    for args in [&["build"][..], &["build", "--force"]] {
        let o = n.run(args);
        refused(&o, 1, &["public", "symbolic link", "nothing was written"]);
        assert_eq!(std::fs::read_to_string(n.path("keys/id_ed25519")).unwrap(), "PRIVATE KEY");
        assert_eq!(std::fs::read_dir(n.path("keys")).unwrap().count(), 1, "nothing was written through the link");
    }
    // The same with a link to the file system root: refused, nothing touched.
    std::fs::remove_file(n.path("site/public")).unwrap();
    std::os::unix::fs::symlink("/", n.path("site/public")).unwrap();
    refused(&n.run(&["build"]), 1, &["symbolic link"]);
}

#[cfg(unix)]
#[test]
fn the_target_of_a_linked_source_folder_is_refused() {
    let n = Nest::new();
    std::fs::rename(n.path("site/content"), n.path("real-content")).unwrap();
    std::os::unix::fs::symlink(n.path("real-content"), n.path("site/content")).unwrap();
    let before = snapshot(&n.path("real-content"));
    for out in ["../real-content", "../real-content/modules", ".."] {
        refused(&n.run(&["build", "--out", out, "--force"]), 2, &["refusing to write into"]);
    }
    assert_eq!(before, snapshot(&n.path("real-content")));
}

#[test]
fn an_existing_file_as_output_is_an_error_and_stays_put() {
    let n = Nest::new();
    write(&n.path("notes.txt"), "keep me");
    let o = n.run(&["build", "--out", "../notes.txt"]);
    refused(&o, 2, &["../notes.txt", "is a file", "nothing was written"]);
    assert_eq!(std::fs::read_to_string(n.path("notes.txt")).unwrap(), "keep me");
    let names: Vec<String> = std::fs::read_dir(n.dir.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "nothing hidden beside it: {names:?}");
}

#[test]
fn command_line_problems_exit_2() {
    let n = Nest::new();
    refused(&n.run(&["build", "--out", "."]), 2, &["site root"]);
    let o = n.run(&["build", "--root", "no/such/site"]);
    refused(&o, 2, &["no/such/site", "no such folder"]);
    assert!(!n.path("site/no").exists(), "--root is never created");
}

#[test]
fn the_last_line_says_what_became_of_the_output() {
    let s = Site::fixture("basic");
    s.write("site.yaml", "title: x\ndefault_locale: en\nlocales: [\n");
    let o = s.build();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).trim_end().ends_with("build failed; nothing was written to public"), "{}", stderr(&o));
    assert!(!s.root().join("public").exists());
    let s = Site::fixture("basic");
    assert!(s.build().status.success());
    s.write(LESSON, "---\ntitle: [broken\n---\n");
    let o = s.build();
    assert!(stderr(&o).trim_end().ends_with("build failed; the previous output in public was left as it was"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn the_output_folder_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let s = Site::fixture("basic");
    let public = s.root().join("public");
    std::fs::create_dir(&public).unwrap();
    std::fs::set_permissions(&public, std::fs::Permissions::from_mode(0o2750)).unwrap();
    assert!(s.build().status.success());
    s.write(LESSON, "---\ntitle: Second lesson\n---\nChanged.\n");
    assert!(s.build().status.success());
    assert!(s.out("en/modules/alpha/second/index.html").contains("Changed."));
    assert_eq!(std::fs::metadata(&public).unwrap().permissions().mode() & 0o7777, 0o2750);
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn folders_left_by_interrupted_builds_are_removed() {
    let s = Site::fixture("basic");
    let dead = dead_pid();
    for name in [format!(".public.staging-{dead}"), format!(".public.old-{dead}")] {
        s.write(&format!("{name}/en/index.html"), "stale");
    }
    // A build still running (this test's own process) keeps its staging folder.
    let live = format!(".public.staging-{}", std::process::id());
    s.write(&format!("{live}/x.html"), "busy");
    assert!(s.build().status.success());
    let names: Vec<String> = std::fs::read_dir(s.root()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.contains(&dead.to_string())), "{names:?}");
    assert!(names.contains(&live), "{names:?}");
}

/// (inode, mtime) of every file of the output.
#[cfg(unix)]
fn stamps(dir: &Path) -> std::collections::BTreeMap<PathBuf, (u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let m = e.metadata().unwrap();
            (e.path().strip_prefix(dir).unwrap().to_path_buf(), (m.ino(), m.modified().unwrap()))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_rebuild_writes_only_what_changed() {
    let s = Site::fixture("basic");
    let public = s.root().join("public");
    assert!(s.build().status.success());
    let first = stamps(&public);
    let bytes = snapshot(&public);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let o = s.build();
    assert!(stderr(&o).contains("(0 files written, 0 removed"), "{}", stderr(&o));
    assert_eq!(first, stamps(&public), "a build with no change rewrote files");

    // One edited lesson: exactly the files whose bytes changed are rewritten.
    let text = std::fs::read_to_string(s.root().join(LESSON)).unwrap();
    s.write(LESSON, format!("{text}\nOne more sentence.\n"));
    assert!(s.build().status.success());
    let after = stamps(&public);
    let new_bytes: std::collections::BTreeMap<_, _> = snapshot(&public).into_iter().collect();
    let mut rewritten = Vec::new();
    for (path, old) in bytes {
        let changed = new_bytes[&path] != old;
        assert_eq!(first[&path] != after[&path], changed, "{}: rewritten ⇔ bytes changed", path.display());
        if changed {
            rewritten.push(path);
        }
    }
    assert!(rewritten.contains(&PathBuf::from("en/modules/alpha/second/index.html")), "{rewritten:?}");
    assert!(!rewritten.contains(&PathBuf::from("en/modules/alpha/first/index.html")));

    // A removed lesson: its pages and their folders go; the output lists no file that is not there.
    s.write("content/modules/beta/02-extra.md", "---\ntitle: Extra\nsummary: s\n---\nText.\n");
    assert!(s.build().status.success());
    assert!(s.exists("fr/modules/beta/extra/index.html"));
    s.remove("content/modules/beta/02-extra.md");
    assert!(s.build().status.success());
    assert!(!s.exists("en/modules/beta/extra") && !s.exists("fr/modules/beta/extra"), "a page no longer produced is removed");
    let manifest = s.out(".donorbook-output");
    assert!(!manifest.contains("beta/extra/"), "{manifest}");
    for line in manifest.lines().filter(|l| !l.starts_with('#')) {
        assert!(s.exists(line), "{line} is listed but missing");
    }
}

/// A fixture with enough lessons that a build takes a while, so it can be killed part way.
fn big_site() -> Site {
    let s = Site::fixture("basic");
    for m in 0..12 {
        s.write(&format!("content/modules/m{m:02}/_index.md"), &format!("---\ntitle: Module {m}\nsummary: Many lessons.\n---\n"));
        for l in 0..25 {
            let body = "Regular voluntary donors are the safest source of blood. ".repeat(40);
            s.write(&format!("content/modules/m{m:02}/{l:02}-l{l}.md"), &format!("---\ntitle: Lesson {m} {l}\nsummary: s\n---\n## Part\n\n{body}\n"));
        }
    }
    s
}

#[cfg(unix)]
#[test]
fn a_build_killed_part_way_is_repaired_by_the_next() {
    let s = big_site();
    assert!(s.build().status.success());
    // Every page changes, so the killed builds have work in every phase, the commit included.
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", yaml.replace("Fixture Centre", "Fixture Centre renamed"));
    s.remove("content/modules/m03/04-l4.md");
    for delay_ms in [30, 120, 250, 400, 600, 900] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_donorbook")).arg("build").current_dir(s.root()).stderr(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
    }
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    let reference = s.run(&["build", "--out", "reference"]);
    assert!(reference.status.success(), "{}", stderr(&reference));
    assert!(snapshot(&s.root().join("public")) == snapshot(&s.root().join("reference")), "the repaired output differs from a fresh build");
    let leftovers: Vec<_> = std::fs::read_dir(s.root()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains("staging")).collect();
    assert!(leftovers.is_empty());
}
