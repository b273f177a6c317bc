// Rebuild when the embedded default theme changes (include_dir! does not track files itself).
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
