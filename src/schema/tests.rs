use super::*;

fn props(kind: SchemaKind) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&json(kind)).unwrap();
    v["properties"].as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
}

#[test]
fn site_schema_lists_every_key_and_rejects_unknown_ones() {
    let v: serde_json::Value = serde_json::from_str(&json(SchemaKind::Site)).unwrap();
    assert_eq!(v["additionalProperties"], serde_json::Value::Bool(false));
    let keys = props(SchemaKind::Site);
    for k in ["title", "base_url", "theme", "default_locale", "locales", "untranslated", "markdown", "extra"] {
        assert!(keys.contains(&k.to_string()), "{k} missing from {keys:?}");
    }
    assert!(v["required"].as_array().unwrap().contains(&"title".into()));
}

#[test]
fn fallback_accepts_one_tag_or_a_list() {
    let text = json(SchemaKind::Site);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let fallback = v["$defs"]["LocaleConfig"]["properties"]["fallback"].to_string();
    assert!(fallback.contains("OneOrMany") || fallback.contains("anyOf"), "{fallback}");
    assert!(text.contains("\"type\": \"array\"") && text.contains("\"type\": \"string\""));
}

#[test]
fn glossary_is_a_list_of_entries() {
    let v: serde_json::Value = serde_json::from_str(&json(SchemaKind::Glossary)).unwrap();
    assert_eq!(v["type"], "array");
    assert!(json(SchemaKind::Glossary).contains("see_also"));
}

#[test]
fn quiz_and_front_matter_carry_descriptions() {
    let v: serde_json::Value = serde_json::from_str(&json(SchemaKind::Quiz)).unwrap();
    assert!(v["properties"]["question"]["description"].as_str().unwrap().contains("legend"));
    assert!(props(SchemaKind::FrontMatter).contains(&"source_hash".to_string()));
}
