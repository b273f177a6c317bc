//! cargo fuzz target `markdown`: a thin wrapper; the body is in `fuzz/bodies.rs`, shared with
//! `tests/fuzz_corpus.rs`.
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::markdown(data));
