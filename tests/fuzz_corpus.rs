//! CI smoke test for the fuzz targets, without cargo-fuzz or a nightly toolchain: every target's
//! body (shared with `fuzz/fuzz_targets/*.rs` through `fuzz/bodies.rs`) runs over its seed
//! corpus in `fuzz/corpus/<target>/` and over the crash reproducers in
//! `fuzz/regressions/<target>/`. See docs/fuzzing.md.

#[path = "../fuzz/bodies.rs"]
mod bodies;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect();
    out.sort();
    out
}

fn run_target(name: &str) {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let seeds = files(&fuzz.join("corpus").join(name));
    assert!(!seeds.is_empty(), "no seed corpus in fuzz/corpus/{name}/");
    let regressions = files(&fuzz.join("regressions").join(name));
    for path in seeds.iter().chain(&regressions) {
        let data = std::fs::read(path).unwrap();
        let outcome = std::panic::catch_unwind(|| bodies::run(name, &data));
        assert!(outcome.is_ok(), "fuzz target `{name}` failed on {}", path.display());
    }
}

#[test]
fn targets_match_the_fuzz_crate() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/Cargo.toml")).unwrap();
    for t in bodies::TARGETS {
        assert!(manifest.contains(&format!("path = \"fuzz_targets/{t}.rs\"")), "fuzz/Cargo.toml lacks target `{t}`");
    }
}

#[test]
fn frontmatter_corpus() {
    run_target("frontmatter");
}

#[test]
fn shortcodes_corpus() {
    run_target("shortcodes");
}

#[test]
fn quiz_corpus() {
    run_target("quiz");
}

#[test]
fn markdown_corpus() {
    run_target("markdown");
}

#[test]
fn fluent_corpus() {
    run_target("fluent");
    bodies::cleanup();
}
