//! Placeholder until the search module lands.
pub struct SearchDoc { pub url: String, pub title: String, pub section: String, pub text: String }
pub fn tokenize(text: &str) -> Vec<String> { text.split_whitespace().map(|s| s.to_lowercase()).collect() }
pub fn build_index_js(locale: &str, docs: &[SearchDoc]) -> String {
    let v: Vec<serde_json::Value> = docs.iter().map(|d| serde_json::json!([d.url, d.title, d.section, d.text])).collect();
    format!("(window.donorbookSearch = window.donorbookSearch || {{}})[{}] = {};\n", serde_json::to_string(locale).unwrap(), serde_json::to_string(&v).unwrap().replace('<', "\\u003c"))
}
