//! `donorbook new`: a working starter site. (Being written.)
use std::path::Path;
use std::process::ExitCode;
pub fn run(_dir: &Path, _force: bool) -> ExitCode {
    eprintln!("error: `new` is not available in this version yet");
    ExitCode::from(1)
}
