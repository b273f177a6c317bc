//! docs/configuration.md, the JSON Schemas (`donorbook schema`) and the Rust types agree: every
//! key of every schema is documented, and every documented key exists.

use donorbook::schema::{SchemaKind, json};
use serde_json::Value;
use std::collections::BTreeSet;

/// Key paths of a schema (`locales[].code`, `markdown.raw_html`), following `$ref`s.
fn keys(schema: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk(schema, schema, "", &mut out);
    out
}

fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => root.pointer(r.trim_start_matches('#')).unwrap_or(v),
        None => v,
    }
}

fn walk(root: &Value, v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    let v = resolve(root, v);
    if let Some(items) = v.get("items") {
        walk(root, items, &format!("{prefix}[]"), out);
    }
    for alt in ["anyOf", "oneOf", "allOf"] {
        for a in v.get(alt).and_then(Value::as_array).into_iter().flatten() {
            walk(root, a, prefix, out);
        }
    }
    if let Some(props) = v.get("properties").and_then(Value::as_object) {
        for (k, p) in props {
            let path = if prefix.is_empty() || prefix == "[]" { k.clone() } else { format!("{prefix}.{k}") };
            out.insert(path.clone());
            if k != "extra" {
                walk(root, p, &path, out);
            }
        }
    }
}

/// The backticked first-column keys of the tables in the doc's section `heading`.
fn documented(doc: &str, heading: &str) -> BTreeSet<String> {
    let start = doc.find(&format!("\n## {heading}\n")).unwrap_or_else(|| panic!("no section {heading}"));
    let section = &doc[start + 4..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    section.lines().filter_map(|l| l.strip_prefix("| `")).filter_map(|l| l.split_once('`')).map(|(k, _)| k.to_string()).collect()
}

#[test]
fn every_key_is_documented_and_every_documented_key_exists() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/configuration.md")).unwrap();
    for (kind, heading) in [
        (SchemaKind::Site, "site.yaml"),
        (SchemaKind::FrontMatter, "Front matter"),
        (SchemaKind::Glossary, "glossary.yaml"),
        (SchemaKind::Quiz, "Knowledge checks (quiz blocks)"),
    ] {
        let schema: Value = serde_json::from_str(&json(kind)).unwrap();
        let in_schema = keys(&schema);
        let in_doc = documented(&doc, heading);
        let undocumented: Vec<_> = in_schema.difference(&in_doc).collect();
        let unknown: Vec<_> = in_doc.difference(&in_schema).collect();
        assert!(undocumented.is_empty(), "{heading}: keys missing from docs/configuration.md: {undocumented:?}");
        assert!(unknown.is_empty(), "{heading}: documented keys that the types do not read: {unknown:?}");
    }
}
