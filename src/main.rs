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
    /// Build, serve on 127.0.0.1, rebuild on change and reload open pages
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        #[arg(long)]
        drafts: bool,
    },
    /// Write offline zips, one per locale, into dist/
    Bundle {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Locales to bundle (default: every locale)
        #[arg(long = "locale")]
        locales: Vec<String>,
        /// Where the zips go (default: dist/ in the site root)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Create a new site in DIR
    New {
        dir: PathBuf,
        /// Write into a non-empty folder
        #[arg(long)]
        force: bool,
    },
    /// Translation coverage and staleness
    L10n {
        #[command(subcommand)]
        command: L10nCommand,
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
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum L10nCommand {
    /// Per locale: translated, stale, missing and orphaned pages; Fluent keys missing or unused
    Status {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long = "locale")]
        locales: Vec<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: donorbook::translation_status::Format,
    },
    /// Record the current source digest (`source_hash`) in translations
    Stamp {
        locale: String,
        paths: Vec<PathBuf>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, out, drafts, base_url } => {
            let opts = BuildOptions { root: root.clone(), out, drafts, base_url, write: true, visible_locales: None };
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
        Command::Serve { root, port, bind, open, drafts } => {
            let opts = donorbook::serve::ServeOptions { root, bind, port, open, drafts };
            match donorbook::serve::run(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Bundle { root, locales, out } => {
            let out = out.unwrap_or_else(|| root.join("dist"));
            donorbook::bundle::run(&root, &locales, &out)
        }
        Command::New { dir, force } => donorbook::scaffold::run(&dir, force),
        Command::L10n { command: L10nCommand::Status { root, locales, format } } => donorbook::translation_status::run_status(&root, &locales, format),
        Command::L10n { command: L10nCommand::Stamp { locale, paths, root } } => donorbook::translation_status::run_stamp(&root, &locale, &paths),
        Command::Check { root, strict, drafts, format } => {
            let opts = BuildOptions { root: root.clone(), out: None, drafts, base_url: None, write: false, visible_locales: None };
            let report = build::build(&opts);
            if let ReportFormat::Json = format {
                let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
                let json = serde_json::json!({
                    "errors": errors,
                    "warnings": report.diagnostics.len() - errors,
                    "diagnostics": report.diagnostics,
                });
                println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
            } else {
                print_diagnostics(&root, &report.diagnostics);
            }
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
