use super::*;

fn names(e: &Extracted) -> Vec<&str> {
    e.calls.iter().map(|c| c.name.as_str()).collect()
}

#[test]
fn inline_call_with_args() {
    let e = extract("Say {{ t(key=\"hello\", count=3, loud=true) }} now").unwrap();
    assert_eq!(names(&e), vec!["t"]);
    let c = &e.calls[0];
    assert_eq!(c.args["key"], Arg::Str("hello".into()));
    assert_eq!(c.args["count"], Arg::Num(3.0));
    assert_eq!(c.args["loud"], Arg::Bool(true));
    assert_eq!(e.text, format!("Say {} now", e.placeholder(0)));
    assert_eq!(e.placeholder(0), format!("{OPEN}{}0{CLOSE}", e.tag));
}

#[test]
fn block_with_nested_block() {
    let src = "{% callout(kind=\"fact\") %}\nOuter {% callout(kind=\"tip\") %}inner{% end %} done\n{% end %}\nafter";
    let e = extract(src).unwrap();
    assert_eq!(names(&e), vec!["callout"]);
    let (body, off) = e.calls[0].body.clone().unwrap();
    assert!(body.contains("{% callout(kind=\"tip\") %}inner{% end %}"));
    assert_eq!(&src[off..off + 7], "\nOuter ");
    let inner = extract(&body).unwrap();
    assert_eq!(names(&inner), vec!["callout"]);
}

#[test]
fn code_is_left_alone() {
    let src = "Use `{{ t(key=\"x\") }}` like this:\n\n```\n{{ term(id=\"vnrbd\") }}\n{% callout(kind=\"fact\") %}\n```\n\n    {{ t(key=\"indented\") }}\n";
    let e = extract(src).unwrap();
    assert!(e.calls.is_empty(), "{:?}", e.calls);
    assert_eq!(e.text, src);
}

#[test]
fn prose_braces_are_not_shortcodes() {
    let e = extract("A set {{ }} and {% of things %}").unwrap();
    assert!(e.calls.is_empty());
}

#[test]
fn errors_have_positions() {
    let src = "line one\n{{ term(id=\"x\" }}\n";
    let errs = extract(src).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(crate::diagnostics::line_col(src, errs[0].offset), (2, 16));
    assert!(errs[0].message.contains("expected `,` or `)`"), "{}", errs[0].message);

    let src = "a\n{% callout(kind=\"fact\") %}\nnever closed\n";
    let errs = extract(src).unwrap_err();
    assert!(errs[0].message.contains("never closed"));
    assert_eq!(crate::diagnostics::line_col(src, errs[0].offset), (2, 1));

    let errs = extract("{{ t(key=unquoted) }}").unwrap_err();
    assert!(errs[0].message.contains("expected a quoted string"), "{}", errs[0].message);

    let errs = extract("x {% end %}").unwrap_err();
    assert!(errs[0].message.contains("without an opening"));
}

#[test]
fn offsets_map_back() {
    let src = "ab {{ t(key=\"k\") }} cd [link](x.md)";
    let e = extract(src).unwrap();
    let new_pos = e.text.find("[link]").unwrap();
    assert_eq!(e.original_offset(new_pos), src.find("[link]").unwrap());
    assert_eq!(e.original_offset(3), 3);
}

#[test]
fn pieces_split_placeholders() {
    let t = format!("a{OPEN}0{CLOSE}b{OPEN}12{CLOSE}");
    assert_eq!(pieces(&t, ""), vec![Piece::Text("a"), Piece::Call(0), Piece::Text("b"), Piece::Call(12)]);
    let t = format!("a{OPEN}t0{CLOSE}b{OPEN}0{CLOSE}");
    let text: String = pieces(&t, "t").iter().map(|p| if let Piece::Text(t) = p { *t } else { "@" }).collect();
    assert_eq!(text, format!("a@b{OPEN}0{CLOSE}"), "only placeholders with the tag are calls");
}

/// Found by fuzzing (`markdown` target): the author's own U+E000/U+E001 were read as (broken)
/// placeholders, so `\u{E000}{{m()}}` lost the shortcode and leaked the placeholder into the page.
#[test]
fn private_use_characters_are_not_placeholders() {
    let src = format!("{OPEN}{{{{ hi() }}}} {OPEN}0{CLOSE} `{CLOSE}`");
    let e = extract(&src).unwrap();
    assert_eq!(names(&e), vec!["hi"]);
    assert_eq!(e.tag.len(), 16);
    let text: String = e.pieces(&e.text).iter().map(|p| if let Piece::Text(t) = p { *t } else { "@" }).collect();
    assert_eq!(text, format!("{OPEN}@ {OPEN}0{CLOSE} `{CLOSE}`"));
    assert_eq!(e.original_offset(e.text.rfind('`').unwrap()), src.rfind('`').unwrap());
    assert_eq!(e.original_offset(e.text.len()), src.len());
    // The tag depends on the text, so a text cannot spell its own placeholders.
    assert_ne!(extract("a {{ hi() }}").unwrap().tag, extract("b {{ hi() }}").unwrap().tag);
    assert_eq!(extract("a").unwrap().tag, extract("a").unwrap().tag, "deterministic");
}

/// Found by fuzzing (`shortcodes` target, a harness failure): a text without shortcodes or
/// quizzes has no tag, and its own `\u{E000}0\u{E001}` must stay text.
#[test]
fn untagged_text_has_no_placeholders() {
    let src = format!("a {OPEN}0{CLOSE} b {OPEN}");
    let e = extract(&src).unwrap();
    assert!(e.tag.is_empty());
    assert_eq!(e.pieces(&e.text), vec![Piece::Text(src.as_str())]);
}
