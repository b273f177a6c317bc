//! `donorbook l10n status` and `l10n stamp`. (Being written.)
use std::path::{Path, PathBuf};
use std::process::ExitCode;
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format { Table, Json }
pub fn run_status(_root: &Path, _locales: &[String], _format: Format) -> ExitCode {
    eprintln!("error: `l10n status` is not available in this version yet");
    ExitCode::from(1)
}
pub fn run_stamp(_root: &Path, _locale: &str, _paths: &[PathBuf]) -> ExitCode {
    let _ = PathBuf::new();
    eprintln!("error: `l10n stamp` is not available in this version yet");
    ExitCode::from(1)
}
