//! The `donorbook` command line.

use clap::{Parser, Subcommand};
use donorbook::build::{self, BuildOptions, BuildReport, OutputFate};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Bounds what one template render may allocate (see `memguard`).
#[global_allocator]
static ALLOCATOR: donorbook::memguard::Guard = donorbook::memguard::Guard;

#[derive(Parser)]
#[command(
    name = "donorbook",
    version,
    about = "Multilingual blood-donor education sites that work hosted and offline",
    after_help = "Commands find site.yaml by walking up from the current folder unless --root is given.\n\
Exit status: 0 success, 1 the site has errors, 2 a wrong command line.\n\
Documentation: docs/ in the donorbook repository (configuration.md, writing-content.md, translating.md)."
)]
struct Cli {
    /// Print only errors (no warnings, no summary)
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print the time each build stage took
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

const ROOT_HELP: &str = "Folder of the site (holding site.yaml); default: the nearest one upward from the current folder";

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --out)
    #[command(
        after_help = "Examples:\n  donorbook build\n  donorbook build --out /srv/www/learn --base-url https://learn.example.org/\n  donorbook build --drafts --out /tmp/preview\n  donorbook build --deny-warnings   # for CI"
    )]
    Build {
        #[arg(long, value_name = "DIR", help = ROOT_HELP)]
        root: Option<PathBuf>,
        /// Output folder (default: public/ in the site). Only a folder donorbook made, or an empty one, is replaced
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Absolute http(s) URL of the hosted site, for sitemap.xml, robots.txt and canonical links
        #[arg(long, value_name = "URL", value_parser = parse_base_url)]
        base_url: Option<String>,
        /// Fail (exit 1, nothing written) on any warning, as `check --strict` does
        #[arg(long)]
        deny_warnings: bool,
        /// Replace an existing --out folder that donorbook did not make: deletes everything in it
        #[arg(long)]
        force: bool,
        /// Never use the network: remote assets (`offline.remote_assets: fetch`) come from remote.lock and its cache
        #[arg(long)]
        offline: bool,
    },
    /// Build, serve on 127.0.0.1, rebuild on change and reload open pages
    #[command(after_help = "Examples:\n  donorbook serve\n  donorbook serve --port 8080 --open")]
    Serve {
        #[arg(long, value_name = "DIR", help = ROOT_HELP)]
        root: Option<PathBuf>,
        /// TCP port to listen on
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; 127.0.0.1 keeps the server private to this machine
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
        bind: String,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
    },
    /// Write offline zips, one per locale, into dist/
    #[command(after_help = "Examples:\n  donorbook bundle\n  donorbook bundle --locale fa --locale mn --out /media/usb")]
    Bundle {
        #[arg(long, value_name = "DIR", help = ROOT_HELP)]
        root: Option<PathBuf>,
        /// A locale to bundle, as a BCP 47 tag (repeat for several; default: every locale)
        #[arg(long = "locale", value_name = "LOCALE")]
        locales: Vec<String>,
        /// Where the zips go (default: dist/ in the site root)
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Create a new site in DIR
    #[command(after_help = "Example:\n  donorbook new my-site && cd my-site && donorbook serve")]
    New {
        /// Folder to create the site in (created if missing)
        #[arg(value_name = "DIR")]
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
    #[command(after_help = "Examples:\n  donorbook check\n  donorbook check --strict --format json   # for CI")]
    Check {
        #[arg(long, value_name = "DIR", help = ROOT_HELP)]
        root: Option<PathBuf>,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// `json` prints every diagnostic as JSON on standard output
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Print a JSON Schema for editors (the YAML language server validates and completes with it)
    #[command(
        after_help = "Example (VS Code with the YAML extension, settings.json):\n  \"yaml.schemas\": { \"schemas/site.json\": \"site.yaml\" }\nafter: donorbook schema site > schemas/site.json"
    )]
    Schema {
        /// Which file the schema describes
        #[arg(value_enum, value_name = "KIND")]
        kind: donorbook::schema::SchemaKind,
    },
    /// The default theme, for editing
    Theme {
        #[command(subcommand)]
        command: ThemeCommand,
    },
    /// Print shell completions
    #[command(
        after_help = "Examples:\n  donorbook completions bash > ~/.local/share/bash-completion/completions/donorbook\n  donorbook completions zsh > ~/.zfunc/_donorbook\n  donorbook completions fish > ~/.config/fish/completions/donorbook.fish"
    )]
    Completions {
        /// The shell to complete in
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum ThemeCommand {
    /// Copy the built-in default theme into the site, where it replaces the built-in one
    #[command(
        after_help = "Example:\n  donorbook theme eject          # into themes/default/, used from then on\n  donorbook theme eject --to themes/mine   # then set `theme: mine` in site.yaml"
    )]
    Eject {
        #[arg(long, value_name = "DIR", help = ROOT_HELP)]
        root: Option<PathBuf>,
        /// Where the theme goes (default: themes/default in the site)
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
        /// Overwrite files in a non-empty folder
        #[arg(long)]
        force: bool,
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
    #[command(after_help = "Examples:\n  donorbook l10n status\n  donorbook l10n status --locale fa --format json")]
    Status {
        #[arg(long, value_name = "DIR", help = ROOT_HELP)]
        root: Option<PathBuf>,
        /// Only this locale (repeat for several; default: every translated locale)
        #[arg(long = "locale", value_name = "LOCALE")]
        locales: Vec<String>,
        /// `json` is for CI
        #[arg(long, value_enum, default_value = "table")]
        format: donorbook::translation_status::Format,
    },
    /// Show what changed in a page's source since its translation was stamped (from git history)
    #[command(
        after_help = "Examples:\n  donorbook l10n diff fa locales/fa/content/modules/vnrbd/01-what-is-vnrbd.md\n  donorbook l10n diff fa modules/vnrbd/01-what-is-vnrbd.md   # the same, by source path"
    )]
    Diff {
        /// The locale of the translation, as a BCP 47 tag
        #[arg(value_name = "LOCALE")]
        locale: String,
        /// The translation (locales/LOCALE/content/…), its source (content/…) or the path inside content/
        #[arg(value_name = "PATH")]
        path: PathBuf,
        #[arg(long, value_name = "DIR", help = ROOT_HELP)]
        root: Option<PathBuf>,
    },
    /// Record the current source digest (`source_hash`) in translations
    #[command(
        after_help = "Examples:\n  donorbook l10n stamp fa                      # every Persian translation\n  donorbook l10n stamp fa locales/fa/content/about.md"
    )]
    Stamp {
        /// The locale whose translations are stamped, as a BCP 47 tag
        #[arg(value_name = "LOCALE")]
        locale: String,
        /// Translation files to stamp (default: every translation of LOCALE)
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
        #[arg(long, value_name = "DIR", help = ROOT_HELP)]
        root: Option<PathBuf>,
    },
}

/// The site folder: `--root` as given, else the nearest folder upward holding `site.yaml`
/// (like cargo and git), else the current folder (whose missing site.yaml is then reported).
fn site_root(root: Option<PathBuf>) -> PathBuf {
    root.unwrap_or_else(|| donorbook::config::find_root(Path::new(".")).unwrap_or_else(|| PathBuf::from(".")))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.verbose {
        // SAFETY: set before any thread is started.
        unsafe { std::env::set_var("DONORBOOK_TIMINGS", "1") };
    }
    let quiet = cli.quiet;
    match cli.command {
        Command::Build { root, out, drafts, base_url, deny_warnings, force, offline } => {
            if let Err(e) = root_exists(root.as_deref()) {
                return e;
            }
            let root = site_root(root);
            let explicit_out = out.is_some();
            let opts = BuildOptions { root: root.clone(), out, drafts, base_url, write: true, visible_locales: None, deny_warnings, force, offline };
            let report = build::build(&opts);
            donorbook::diagnostics::print(&root, &report.diagnostics, quiet);
            if report.ok() && !(deny_warnings && !report.diagnostics.is_empty()) {
                if !quiet {
                    eprintln!("{}", build::summary(&report));
                }
                return ExitCode::SUCCESS;
            }
            if deny_warnings && report.ok() {
                eprintln!("build failed: --deny-warnings and {} warning(s)", report.diagnostics.len());
            }
            eprintln!("{}", failure_line(&report));
            // A refused `--out` is a wrong command line.
            if report.output == OutputFate::Refused && explicit_out { ExitCode::from(2) } else { ExitCode::from(1) }
        }
        Command::Serve { root, port, bind, open, drafts } => {
            if let Err(e) = root_exists(root.as_deref()) {
                return e;
            }
            let opts = donorbook::serve::ServeOptions { root: site_root(root), bind, port, open, drafts };
            match donorbook::serve::run(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Bundle { root, locales, out } => {
            let root = site_root(root);
            let out = out.unwrap_or_else(|| root.join("dist"));
            donorbook::bundle::run(&root, &locales, &out)
        }
        Command::New { dir, force } => donorbook::scaffold::run(&dir, force),
        Command::L10n { command: L10nCommand::Status { root, locales, format } } => {
            donorbook::translation_status::run_status(&site_root(root), &locales, format)
        }
        Command::L10n { command: L10nCommand::Stamp { locale, paths, root } } => donorbook::translation_status::run_stamp(&site_root(root), &locale, &paths),
        Command::L10n { command: L10nCommand::Diff { locale, path, root } } => l10n_diff(&site_root(root), &locale, &path),
        Command::Check { root, strict, drafts, format } => {
            let root = site_root(root);
            let opts = BuildOptions { root: root.clone(), drafts, ..BuildOptions::default() };
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
                donorbook::diagnostics::print(&root, &report.diagnostics, quiet);
            }
            let failed = !report.ok() || (strict && !report.diagnostics.is_empty());
            if report.diagnostics.is_empty() && !quiet {
                eprintln!("no problems found");
            }
            if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Command::Schema { kind } => {
            print!("{}", donorbook::schema::json(kind));
            ExitCode::SUCCESS
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "donorbook", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Theme { command: ThemeCommand::Eject { root, to, force } } => {
            let root = site_root(root);
            let to = to.unwrap_or_else(|| root.join("themes").join("default"));
            match donorbook::theme::eject(&to, force) {
                Ok(n) => {
                    eprintln!("copied the default theme ({n} files) into {}", to.display());
                    eprintln!("templates/ holds the Tera templates (blocks: docs/templates.md), static/ the CSS and JS, locales/ the UI strings");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// `l10n diff`: the diff on standard output, what it is on standard error.
fn l10n_diff(root: &Path, locale: &str, path: &Path) -> ExitCode {
    use donorbook::l10n_diff::{Outcome, diff, paths};
    let tag = locale.parse::<unic_langid::LanguageIdentifier>().map(|l| l.to_string()).unwrap_or_else(|_| locale.to_string());
    let result = paths(root, &tag, path).and_then(|(source, translation)| diff(root, &source, &translation).map(|o| (o, source, translation)));
    match result {
        Ok((Outcome::UpToDate, source, translation)) => {
            eprintln!("{} is up to date: {} has not changed since it was stamped", translation.display(), source.display());
            ExitCode::SUCCESS
        }
        Ok((Outcome::Changed { commit, date, diff }, source, translation)) => {
            let short = &commit[..commit.len().min(10)];
            eprintln!("{} changed since {} was stamped (stamped against commit {short} of {date}):", source.display(), translation.display());
            print!("{diff}");
            eprintln!("when the translation is updated: donorbook l10n stamp {tag} {}", translation.display());
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprintln!("error: {}", f.message);
            if let Some(h) = f.hint {
                eprintln!("  = help: {h}");
            }
            ExitCode::from(1)
        }
    }
}

/// `--base-url`: refused (exit 2) unless an absolute http(s) URL.
fn parse_base_url(s: &str) -> Result<String, String> {
    donorbook::config::check_base_url(s).map(|()| s.to_string())
}

/// `--root` must name an existing folder: nothing is created for a mistyped path.
fn root_exists(root: Option<&Path>) -> Result<(), ExitCode> {
    let Some(root) = root.filter(|r| !r.is_dir()) else { return Ok(()) };
    eprintln!("error: --root {}: no such folder (nothing was created)", root.display());
    Err(ExitCode::from(2))
}

/// The last line of a failed build: what became of the output folder.
fn failure_line(report: &BuildReport) -> String {
    let out = report.out.strip_prefix(".").unwrap_or(&report.out).display();
    match report.output {
        OutputFate::Kept => format!("build failed; the previous output in {out} was left as it was"),
        OutputFate::Partial => {
            format!("build failed while updating {out}: it now holds part of the new build; the next successful build completes it")
        }
        OutputFate::Refused | OutputFate::NotWritten | OutputFate::Updated { .. } => format!("build failed; nothing was written to {out}"),
    }
}
