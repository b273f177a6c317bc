//! `donorbook bundle`: offline zips, one per locale. (Being written.)
use std::path::Path;
use std::process::ExitCode;
pub fn run(_root: &Path, _locales: &[String], _out: &Path) -> ExitCode {
    eprintln!("error: `bundle` is not available in this version yet");
    ExitCode::from(1)
}
