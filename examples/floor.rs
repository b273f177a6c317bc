//! The benchmark floor: read every Markdown file of a site, render it with pulldown-cmark and
//! write one HTML file each, in parallel. No templates, links, locales or checks — the least
//! any generator must do.
//!
//! `cargo run --release --example floor -- SITE_DIR OUT_DIR [--layout flat|pages]`
//!
//! `flat` (the default) writes `OUT_DIR/<n>.html`; `pages` writes each file where a site with
//! readable URLs must put it, `OUT_DIR/<path without .md>/index.html` — one folder per page, as
//! donorbook (and Zola, Hugo, mdBook's pretty URLs) do. On file systems where creating a file is
//! costly that difference alone is a large part of a build.

use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let layout = args.iter().position(|a| a == "--layout");
    let positional: Vec<&String> = args.iter().enumerate().filter(|(i, _)| layout.is_none_or(|l| *i != l && *i != l + 1)).map(|(_, a)| a).collect();
    let site = PathBuf::from(positional.first().map(|s| s.as_str()).unwrap_or("bench-site"));
    let out = PathBuf::from(positional.get(1).map(|s| s.as_str()).unwrap_or("bench-floor"));
    let pages = match layout.and_then(|i| args.get(i + 1)).map(String::as_str) {
        None | Some("flat") => false,
        Some("pages") => true,
        Some(other) => {
            eprintln!("unknown layout `{other}`: use flat or pages");
            std::process::exit(2);
        }
    };
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
        let dest = if pages {
            let rel = f.strip_prefix(&site).unwrap_or(f).with_extension("");
            out.join(rel).join("index.html")
        } else {
            out.join(format!("{i}.html"))
        };
        let dest: &Path = &dest;
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::write(dest, html).unwrap();
    });
    println!("{} files", files.len());
}
