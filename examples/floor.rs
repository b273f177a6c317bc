//! The benchmark floor: read every Markdown file of a site, render it with pulldown-cmark and
//! write one HTML file each, in parallel. No templates, links, locales or checks — the least
//! any generator must do. `cargo run --release --example floor -- SITE_DIR OUT_DIR`

use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let site = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("bench-site"));
    let out = PathBuf::from(args.get(2).map(String::as_str).unwrap_or("bench-floor"));
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().to_path_buf())
        .collect();
    let mut opts = pulldown_cmark::Options::empty();
    opts.insert(pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_FOOTNOTES);
    files.par_iter().enumerate().for_each(|(i, f)| {
        let text = std::fs::read_to_string(f).unwrap();
        let mut html = String::with_capacity(text.len() * 2);
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&text, opts));
        let dest: &Path = &out.join(format!("{i}.html"));
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::write(dest, html).unwrap();
    });
    println!("{} files", files.len());
}
