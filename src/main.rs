//! The `donorbook` command line.

use clap::{Parser, Subcommand};
use donorbook::build::{self, BuildOptions};
use donorbook::diagnostics::{Diagnostic, summary_line};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "donorbook", version, about = "Multilingual blood-donor education sites that work hosted and offline")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --out)
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Absolute URL of the hosted site, for sitemap.xml and canonical links
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Check everything a build checks, plus warnings; writes nothing
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        #[arg(long)]
        drafts: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, out, drafts, base_url } => {
            let opts = BuildOptions { root: root.clone(), out, drafts, base_url, write: true };
            let report = build::build(&opts);
            print_diagnostics(&root, &report.diagnostics);
            if report.ok() {
                eprintln!("{}", build::summary(&report));
                ExitCode::SUCCESS
            } else {
                eprintln!("build failed; the previous output was left as it was");
                ExitCode::from(1)
            }
        }
        Command::Check { root, strict, drafts } => {
            let opts = BuildOptions { root: root.clone(), out: None, drafts, base_url: None, write: false };
            let report = build::build(&opts);
            print_diagnostics(&root, &report.diagnostics);
            let failed = !report.ok() || (strict && !report.diagnostics.is_empty());
            if report.diagnostics.is_empty() {
                eprintln!("no problems found");
            }
            if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
    }
}

fn print_diagnostics(root: &Path, diags: &[Diagnostic]) {
    if diags.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags {
        eprintln!("{}\n", d.render(root, color));
    }
    eprintln!("{}", summary_line(diags));
}
