//! Client-side search for generated sites.
//!
//! Two things live here:
//!
//! * [`tokenize`] — the normalization and segmentation rule. `themes/default/static/search.js`
//!   implements the *same* rule in JavaScript (`donorbookTokenize`); the unit tests below and
//!   `tests/e2e/search-tokenize.test.mjs` pin both to the same expected token lists, so change
//!   them together.
//! * [`build_index_js`] — the content of `assets/search/<locale>.js`, a classic script (not JSON,
//!   not a module) so the index loads with a `<script src>` element, which works on `file://`
//!   where `fetch()`/XHR and ES modules are blocked.
//!
//! The index stores each page's plain text once, used both for matching and for snippets.
//! search.js normalizes it with the shared rule when the index loads, splits the query into
//! units with the shared segmentation and looks for each unit in the normalized text with the
//! token boundaries of the rule (a word unit matches a whole word, the last one a word prefix;
//! a Han/Kana run matches as a substring, so 献血 is found in 我们需要献血者; …). That keeps the
//! file about as small as the text (an inverted index of character bigrams is larger than the
//! Chinese or Japanese text it indexes) and the load and query times to a few milliseconds for a
//! locale of a few dozen pages. See `docs/search.md`.
//!
//! # The tokenization rule
//!
//! 1. Normalize ([`normalize`]):
//!    NFKC; lower-case (Unicode default, `str::to_lowercase` / `String.prototype.toLowerCase`);
//!    NFD; delete combining marks (`General_Category` M) in the diacritic blocks U+0300–U+08FF
//!    (Latin/Greek/Cyrillic diacritics, Hebrew points, Arabic harakat and hamza marks, …),
//!    U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F and the variation selectors
//!    U+FE00–U+FE0F, U+E0100–U+E01EF; NFC. Marks of other scripts are kept: Hangul recomposes,
//!    Japanese dakuten stay (が ≠ か), Indic vowel signs stay.
//!    Then fold single characters: ى ی → ي; ک → ك; ة ە ہ → ه; ٱ → ا; Arabic-Indic and
//!    Persian digits → ASCII digits; ς → σ; delete tatweel U+0640, soft hyphen U+00AD,
//!    ZWJ U+200D, word joiner U+2060 and U+FEFF. (Hamza-on-carrier letters fold through the
//!    mark deletion: أ إ آ → ا, ؤ → و, ئ → ي.)
//! 2. Segment: a *word character* is Alphabetic, a number (N) or a combining mark (M);
//!    everything else separates. ZWNJ U+200C (used inside Persian words, می‌خواهم) also
//!    separates, but a chunk written with ZWNJ between alphabetic parts *also* yields the parts
//!    joined without it, so "می‌خواهم", "می خواهم" and "میخواهم" all find each other.
//!    Inside a chunk, runs of the same class are handled separately (a mark belongs to the run
//!    of the character before it):
//!    * Han / Hiragana / Katakana (one class, so 献血に spans scripts): overlapping bigrams;
//!      a one-character run is emitted as itself.
//!    * Hangul: the space-delimited word itself and, for words of 3+ syllables, its bigrams
//!      (헌혈은 → 헌혈은, 헌혈, 혈은), so a stem typed without a particle still matches.
//!    * anything else (Latin, Cyrillic, Arabic, digits, …): the run itself; an Arabic-script
//!      run starting with the article (ال وال بال كال فال لل) and leaving at least two
//!      letters also yields the rest (بالدم → بالدم, دم).
//!
//! Tokens are emitted in text order with repeats (so counts are term frequencies); for one
//! chunk the whole form comes before its pieces.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Format version stored in every index file (`"v"`), bumped when the layout changes.
pub const INDEX_FORMAT_VERSION: u32 = 1;

/// One page in a locale's search index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SearchDoc {
    /// Path relative to the locale root, e.g. `modules/why-donate/why-blood-matters/index.html`.
    pub url: String,
    pub title: String,
    /// Module title, or `""` for standalone pages.
    pub section: String,
    /// Plain text of the page body (already stripped of HTML by the caller).
    pub text: String,
    /// `(tag, dir)` of title and text when they are in another language than the index's locale
    /// (a fallback page), so result lists can mark them; `None` otherwise.
    pub text_lang: Option<(String, String)>,
    /// The same for `section`.
    pub section_lang: Option<(String, String)>,
}

const ZWNJ: char = '\u{200C}';

/// Arabic-script article prefixes, longest first (after [`normalize`], so ك is U+0643).
const ARABIC_ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];

/// Step 1 of the rule: the normalized form of `text` (see the module documentation).
/// Separators are kept, so the result is still readable text.
#[must_use]
pub fn normalize(text: &str) -> String {
    let lowered = text.nfkc().collect::<String>().to_lowercase();
    let mut out = String::with_capacity(lowered.len());
    for c in lowered.nfd().filter(|&c| !is_stripped_mark(c)).nfc() {
        if let Some(folded) = fold_char(c) {
            out.push(folded);
        }
    }
    out
}

fn is_stripped_mark(c: char) -> bool {
    matches!(
        c as u32,
        0x0300..=0x08FF
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x20D0..=0x20FF
            | 0xFE00..=0xFE0F
            | 0xFE20..=0xFE2F
            | 0xE0100..=0xE01EF
    ) && is_combining_mark(c)
}

/// Single-character folds applied after mark removal; `None` deletes the character.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{0649}' | '\u{06CC}' => '\u{064A}',              // ى ی → ي
        '\u{06A9}' => '\u{0643}',                           // ک → ك
        '\u{0629}' | '\u{06C1}' | '\u{06D5}' => '\u{0647}', // ة ہ ە → ه
        '\u{0671}' => '\u{0627}',                           // ٱ → ا
        '\u{0660}'..='\u{0669}' => ascii_digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => ascii_digit(c as u32 - 0x06F0),
        'ς' => 'σ',
        '\u{0640}' | '\u{00AD}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        _ => c,
    })
}

fn ascii_digit(d: u32) -> char {
    char::from_digit(d, 10).unwrap_or('0')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Cjk,
    Hangul,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_numeric() || is_combining_mark(c)
}

fn is_cjk(c: char) -> bool {
    matches!(
        c as u32,
        0x3005..=0x3007
            | 0x3021..=0x3029
            | 0x3038..=0x303B
            | 0x3041..=0x3096
            | 0x3099..=0x309F
            | 0x30A1..=0x30FA
            | 0x30FC..=0x30FF
            | 0x31F0..=0x31FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0x1B000..=0x1B16F
            | 0x20000..=0x3FFFF
    )
}

fn is_hangul(c: char) -> bool {
    matches!(
        c as u32,
        0x1100..=0x11FF | 0x3131..=0x318E | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xD7B0..=0xD7FF
    )
}

/// Class of a word character; a combining mark takes the class of the character before it.
fn class_of(c: char, prev: Option<Class>) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if is_hangul(c) {
        Class::Hangul
    } else if is_combining_mark(c) {
        prev.unwrap_or(Class::Word)
    } else {
        Class::Word
    }
}

/// Maximal runs of one class inside a ZWNJ-free part of a chunk.
fn runs(part: &str) -> Vec<(Class, &str)> {
    let mut out: Vec<(Class, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<Class> = None;
    for (i, c) in part.char_indices() {
        let class = class_of(c, current);
        match current {
            Some(cur) if cur != class => {
                out.push((cur, &part[start..i]));
                start = i;
            }
            _ => {}
        }
        current = Some(class);
    }
    if let Some(cur) = current {
        out.push((cur, &part[start..]));
    }
    out
}

fn emit_run(class: Class, run: &str, out: &mut Vec<String>) {
    match class {
        Class::Word => {
            out.push(run.to_owned());
            if run.chars().next().is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                for article in ARABIC_ARTICLES {
                    if let Some(rest) = run.strip_prefix(article) {
                        if rest.chars().count() >= 2 {
                            out.push(rest.to_owned());
                        }
                        break;
                    }
                }
            }
        }
        Class::Cjk => {
            let chars: Vec<char> = run.chars().collect();
            if chars.len() == 1 {
                out.push(run.to_owned());
            } else {
                out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
            }
        }
        Class::Hangul => {
            out.push(run.to_owned());
            let chars: Vec<char> = run.chars().collect();
            if chars.len() >= 3 {
                out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
            }
        }
    }
}

/// The normalization + segmentation rule shared with `search.js` (see the module docs).
#[must_use]
pub fn tokenize(text: &str) -> Vec<String> {
    let norm = normalize(text);
    let mut out = Vec::new();
    for chunk in norm.split(|c: char| c != ZWNJ && !is_word_char(c)) {
        if chunk.is_empty() {
            continue;
        }
        let parts: Vec<&str> = chunk.split(ZWNJ).filter(|p| !p.is_empty()).collect();
        let part_runs: Vec<Vec<(Class, &str)>> = parts.iter().map(|p| runs(p)).collect();
        if parts.len() >= 2 && part_runs.iter().all(|r| r.len() == 1 && r[0].0 == Class::Word) {
            out.push(parts.concat());
        }
        for (class, run) in part_runs.into_iter().flatten() {
            emit_run(class, run, &mut out);
        }
    }
    out
}

/// Appends `s` as a JSON string that is also safe inside an HTML `<script>` element and in any
/// JavaScript engine: besides JSON's own escapes, `<`, `>`, `&`, U+2028 and U+2029 are written as
/// `\uXXXX`. With `collapse`, runs of whitespace become one space and leading and trailing
/// whitespace is dropped (as `split_whitespace().join(" ")` would, without the copies).
fn push_json_str(out: &mut String, s: &str, collapse: bool) {
    // Only these bytes can start a character that is escaped or is whitespace: ASCII specials,
    // and the lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
    const fn table(space: bool) -> [bool; 256] {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = true;
            b += 1;
        }
        t[b'"' as usize] = true;
        t[b'\\' as usize] = true;
        t[b'<' as usize] = true;
        t[b'>' as usize] = true;
        t[b'&' as usize] = true;
        t[0xc2] = true;
        t[0xe1] = true;
        t[0xe2] = true;
        t[0xe3] = true;
        t[b' ' as usize] = space;
        t
    }
    static COLLAPSING: [bool; 256] = table(true);
    static KEEPING: [bool; 256] = table(false);
    let special = if collapse { &COLLAPSING } else { &KEEPING };
    let bytes = s.as_bytes();
    out.push('"');
    let mut pending_space = false;
    let mut written = false;
    let mut i = 0;
    loop {
        // The run of characters written as they are: plain bytes, and characters whose lead
        // byte is special but which need nothing (é, ‘, 、…).
        let mut end = i;
        let escape = loop {
            end += bytes[end..].iter().position(|&b| special[b as usize]).unwrap_or(bytes.len() - end);
            match s[end..].chars().next() {
                Some(c) => match json_escape(c, collapse) {
                    Some(e) => break Some((c, e)),
                    None => end += c.len_utf8(),
                },
                None => break None,
            }
        };
        if end > i {
            if std::mem::take(&mut pending_space) {
                out.push(' ');
            }
            out.push_str(&s[i..end]);
            written = true;
        }
        let Some((c, escape)) = escape else { break };
        i = end + c.len_utf8();
        if collapse && c.is_whitespace() {
            pending_space = written;
            continue;
        }
        if std::mem::take(&mut pending_space) {
            out.push(' ');
        }
        written = true;
        if escape.is_empty() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(escape);
        }
    }
    out.push('"');
}

/// How `c` is written inside a JSON string of the index: `None` as it is, `Some("")` collapsed
/// (whitespace, with `collapse`) or as a `\uXXXX` escape (other control characters).
fn json_escape(c: char, collapse: bool) -> Option<&'static str> {
    match c {
        '"' => Some("\\\""),
        '\\' => Some("\\\\"),
        '<' => Some("\\u003c"),
        '>' => Some("\\u003e"),
        '&' => Some("\\u0026"),
        '\u{2028}' if !collapse => Some("\\u2028"),
        '\u{2029}' if !collapse => Some("\\u2029"),
        c if collapse && c.is_whitespace() => Some(""),
        '\n' => Some("\\n"),
        '\r' => Some("\\r"),
        '\t' => Some("\\t"),
        '\u{8}' => Some("\\b"),
        '\u{c}' => Some("\\f"),
        c if (c as u32) < 0x20 => Some(""),
        _ => None,
    }
}

/// The whole content of `assets/search/<locale>.js`.
///
/// ```text
/// /* donorbook search index (generated) */
/// (window.donorbookSearch = window.donorbookSearch || {})["en"] = {"v":1,"locale":"en","docs":[[url,title,section,text],…]};
/// ```
///
/// A fallback page's row goes on with `[tag, dir]` of its title and text (or `null`), and of its
/// section when that one is a fallback: `[url,title,section,text,["en","ltr"],["en","ltr"]]`.
///
/// Docs are sorted by url (then title, section, text), whitespace in titles, sections and text
/// is collapsed to single spaces, so equal input in any order gives byte-identical output.
/// The file must be served / read as UTF-8 (it is loaded by pages that declare UTF-8).
///
/// Written in one pass straight into the output (no intermediate JSON value or copies of the
/// texts): the index holds the text of every page, so this is the largest file of a build.
#[must_use]
pub fn build_index_js(locale: &str, docs: &[SearchDoc]) -> String {
    let mut sorted: Vec<&SearchDoc> = docs.iter().collect();
    sorted.sort();
    let size: usize = docs.iter().map(|d| d.url.len() + d.title.len() + d.section.len() + d.text.len() + 16).sum();
    let mut out = String::with_capacity(size + size / 16 + 160);
    out.push_str("/* donorbook search index (generated) */\n(window.donorbookSearch = window.donorbookSearch || {})[");
    push_json_str(&mut out, locale, false);
    out.push_str("] = {\"v\":");
    out.push_str(&INDEX_FORMAT_VERSION.to_string());
    out.push_str(",\"locale\":");
    push_json_str(&mut out, locale, false);
    out.push_str(",\"docs\":[");
    for (i, d) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        push_json_str(&mut out, &d.url, false);
        out.push(',');
        push_json_str(&mut out, &d.title, true);
        out.push(',');
        push_json_str(&mut out, &d.section, true);
        out.push(',');
        push_json_str(&mut out, &d.text, true);
        // Only fallback docs carry their language: `[tag, dir]` for the text, then the section.
        if d.text_lang.is_some() || d.section_lang.is_some() {
            push_lang(&mut out, d.text_lang.as_ref());
        }
        if d.section_lang.is_some() {
            push_lang(&mut out, d.section_lang.as_ref());
        }
        out.push(']');
    }
    out.push_str("]};\n");
    out
}

/// `,["en","ltr"]` or `,null`: one optional language element of an index row.
fn push_lang(out: &mut String, lang: Option<&(String, String)>) {
    out.push(',');
    match lang {
        Some((tag, dir)) => {
            out.push('[');
            push_json_str(out, tag, false);
            out.push(',');
            push_json_str(out, dir, false);
            out.push(']');
        }
        None => out.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        tokenize(s)
    }

    fn has(s: &str, token: &str) -> bool {
        toks(s).iter().any(|t| t == token)
    }

    // ---- tokenizer: the expected arrays are copied in tests/e2e/search-tokenize.test.mjs ----

    #[test]
    fn english_case_and_punctuation() {
        assert_eq!(toks("Why Blood Donation MATTERS: 1 unit saves 3 lives!"), ["why", "blood", "donation", "matters", "1", "unit", "saves", "3", "lives"]);
        assert_eq!(toks("Donor"), toks("DONOR"));
    }

    #[test]
    fn chinese_word_inside_sentence() {
        let t = toks("我们需要更多的献血者");
        assert_eq!(t, ["我们", "们需", "需要", "要更", "更多", "多的", "的献", "献血", "血者"]);
        assert_eq!(toks("献血"), ["献血"]);
        assert!(t.contains(&"献血".to_string()));
        // a single ideograph is its own token
        assert_eq!(toks("血"), ["血"]);
        // Traditional Chinese (zh-Hant) and full-width punctuation as separators
        assert_eq!(toks("捐血，救人。"), ["捐血", "救人"]);
    }

    #[test]
    fn japanese_mixed_scripts_form_one_run() {
        let t = toks("献血にご協力ください");
        assert_eq!(t, ["献血", "血に", "にご", "ご協", "協力", "力く", "くだ", "ださ", "さい"]);
        assert!(has("献血にご協力ください", "献血"));
        // dakuten are not stripped: が and か stay distinct, half-width katakana is folded
        assert_eq!(toks("ガ"), ["ガ"]);
        assert_eq!(toks("ｶﾞｰｾﾞ"), ["ガー", "ーゼ"]);
        assert_ne!(toks("が"), toks("か"));
    }

    #[test]
    fn korean_particles_still_match() {
        assert_eq!(toks("헌혈은 생명을 살립니다"), ["헌혈은", "헌혈", "혈은", "생명을", "생명", "명을", "살립니다", "살립", "립니", "니다"]);
        assert!(has("헌혈은 중요합니다", "헌혈"));
        assert_eq!(toks("헌혈"), ["헌혈"]);
        // normalization must not break Hangul into jamo
        assert_eq!(normalize("헌혈"), "헌혈");
        // mixed Latin + Hangul splits by script
        assert_eq!(toks("ABO형"), ["abo", "형"]);
    }

    #[test]
    fn persian_letter_variants_unify() {
        // Persian yeh/keheh vs Arabic yeh/kaf
        assert_eq!(toks("کمک"), toks("كمك"));
        assert_eq!(toks("اهدای"), toks("اهداي"));
        assert_eq!(toks("کمک"), ["كمك"]);
        assert_eq!(toks("اهدای خون"), ["اهداي", "خون"]);
        assert_eq!(toks("خون"), ["خون"]);
        // alef maksura, teh marbuta, tatweel, harakat
        assert_eq!(toks("مستشفى"), toks("مستشفي"));
        assert_eq!(toks("وحدة"), toks("وحده"));
        assert_eq!(toks("خـــون"), ["خون"]);
        assert_eq!(toks("دَمٌ"), ["دم"]);
        assert_eq!(toks("أحمر"), ["احمر"]);
        // Persian digits are ASCII digits
        assert_eq!(toks("۱۸ سال"), ["18", "سال"]);
    }

    #[test]
    fn persian_zwnj_matches_with_space_or_nothing() {
        let with_zwnj = toks("می\u{200C}توانید");
        assert_eq!(with_zwnj, ["ميتوانيد", "مي", "توانيد"]);
        assert!(has("میتوانید", "ميتوانيد"));
        assert_eq!(toks("می توانید"), ["مي", "توانيد"]);
    }

    #[test]
    fn arabic_article_also_yields_the_bare_word() {
        assert_eq!(toks("التبرع بالدم"), ["التبرع", "تبرع", "بالدم", "دم"]);
        assert_eq!(toks("للتبرع"), ["للتبرع", "تبرع"]);
        // too short a remainder: no extra token
        assert_eq!(toks("الى"), ["الي"]);
    }

    #[test]
    fn mongolian_cyrillic() {
        assert_eq!(toks("Цусны донор"), ["цусны", "донор"]);
        assert_eq!(toks("ЦУСНЫ ДОНОР Өгөх"), ["цусны", "донор", "өгөх"]);
    }

    #[test]
    fn swahili_and_indonesian() {
        assert_eq!(toks("Kuchangia damu"), ["kuchangia", "damu"]);
        assert_eq!(toks("Donor darah sukarela."), ["donor", "darah", "sukarela"]);
    }

    #[test]
    fn spanish_diacritics_fold() {
        assert_eq!(toks("Donación"), ["donacion"]);
        assert_eq!(toks("donación"), toks("DONACION"));
        assert_eq!(toks("¿Quién puede donar sangre?"), ["quien", "puede", "donar", "sangre"]);
        assert_eq!(toks("café"), toks("cafe\u{0301}"));
    }

    #[test]
    fn separators_and_edge_cases() {
        assert!(toks("").is_empty());
        assert!(toks("  ... — !!").is_empty());
        assert_eq!(toks("O+ AB-"), ["o", "ab"]);
        assert_eq!(toks("e-mail co\u{00AD}operate"), ["e", "mail", "cooperate"]);
        assert_eq!(toks("ﬁrst ＡＢＣ１２"), ["first", "abc12"]);
        assert_eq!(toks("ΣΟΦΟΣ"), toks("σοφοσ"));
    }

    // ---- index ----

    fn doc(url: &str, title: &str, section: &str, text: &str) -> SearchDoc {
        SearchDoc { url: url.into(), title: title.into(), section: section.into(), text: text.into(), ..SearchDoc::default() }
    }

    fn sample_docs() -> Vec<SearchDoc> {
        vec![
            doc("modules/why-donate/why-blood-matters/index.html", "Why blood matters", "Why donate", "Every two seconds\n  someone needs   blood."),
            doc("about/index.html", "About", "", "About this course."),
            doc("modules/eligibility/who-can-donate/index.html", "Who can donate?", "Eligibility", "Most healthy adults can give blood."),
        ]
    }

    /// Parse the JSON object out of `(window…)["loc"] = {…};`.
    fn parse_index(js: &str) -> (String, serde_json::Value) {
        let prefix = "(window.donorbookSearch = window.donorbookSearch || {})[";
        let start = js.find(prefix).expect("registration") + prefix.len();
        let rest = &js[start..];
        let close = rest.find("] = ").expect("assignment");
        let locale: String = serde_json::from_str(&rest[..close]).unwrap();
        let body = rest[close + 4..].trim_end().strip_suffix(';').expect("ends with ;");
        (locale, serde_json::from_str(body).expect("valid JSON"))
    }

    #[test]
    fn index_structure() {
        let js = build_index_js("en", &sample_docs());
        assert!(js.starts_with("/* donorbook search index (generated) */\n"));
        let (locale, v) = parse_index(&js);
        assert_eq!(locale, "en");
        assert_eq!(v["v"], 1);
        assert_eq!(v["locale"], "en");
        let docs = v["docs"].as_array().unwrap();
        assert_eq!(docs.len(), 3);
        for d in docs {
            assert_eq!(d.as_array().unwrap().len(), 4);
        }
        // sorted by url
        assert_eq!(docs[0][0], "about/index.html");
        assert_eq!(docs[0][2], "");
        assert_eq!(docs[1][0], "modules/eligibility/who-can-donate/index.html");
        assert_eq!(docs[1][1], "Who can donate?");
        assert_eq!(docs[1][2], "Eligibility");
        assert_eq!(docs[2][3], "Every two seconds someone needs blood.");
    }

    #[test]
    fn index_is_deterministic() {
        let docs = sample_docs();
        let a = build_index_js("en", &docs);
        let mut shuffled = docs.clone();
        shuffled.reverse();
        shuffled.swap(0, 1);
        assert_ne!(shuffled, docs);
        assert_eq!(a, build_index_js("en", &shuffled));
        assert_eq!(a, build_index_js("en", &docs));
    }

    #[test]
    fn index_escapes_script_breakouts() {
        let title = "</script><script>alert(1)</script> & javascript:alert(2)";
        let text = "end <!-- x --> \"quoted\" \\ back";
        // U+2028/2029 would be collapsed as whitespace in text, so put them in the url
        let url = "javascript:alert(3)\u{2028}x\u{2029}";
        let js = build_index_js("en", &[doc(url, title, "<b>", text)]);
        assert!(!js.contains('<'), "no raw < anywhere: {js}");
        assert!(!js.contains('>'), "no raw > anywhere: {js}");
        assert!(!js.to_ascii_lowercase().contains("</script"));
        assert!(!js.contains('\u{2028}') && !js.contains('\u{2029}'));
        assert!(js.contains("\\u003c/script\\u003e"));
        assert!(js.contains("\\u2028") && js.contains("\\u2029"));
        // and it is still the same data once parsed
        let (_, v) = parse_index(&js);
        assert_eq!(v["docs"][0][0], url);
        assert_eq!(v["docs"][0][1], title);
        assert_eq!(v["docs"][0][2], "<b>");
        assert_eq!(v["docs"][0][3], text);
    }

    #[test]
    fn index_locale_is_escaped_and_text_kept_raw_utf8() {
        let js = build_index_js("zh-Hant", &[doc("a.html", "捐血", "", "我們需要捐血者")]);
        assert!(js.contains("[\"zh-Hant\"] = "));
        assert!(js.contains("我們需要捐血者"), "non-ASCII stays UTF-8, not \\u escapes");
        let evil = build_index_js("x\"]=1;//</script>", &[]);
        let (locale, v) = parse_index(&evil);
        assert_eq!(locale, "x\"]=1;//</script>");
        assert!(!evil.contains('<'));
        assert_eq!(v["docs"].as_array().unwrap().len(), 0);
    }

    /// The index as it was first written (serde_json, then escapes), kept as the reference
    /// for the one-pass writer.
    fn reference_index_js(locale: &str, docs: &[SearchDoc]) -> String {
        fn collapse(s: &str) -> String {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        fn safe(json: String) -> String {
            json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026").replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
        }
        let mut sorted: Vec<&SearchDoc> = docs.iter().collect();
        sorted.sort();
        let rows: Vec<(&str, String, String, String)> =
            sorted.iter().map(|d| (d.url.as_str(), collapse(&d.title), collapse(&d.section), collapse(&d.text))).collect();
        #[derive(serde::Serialize)]
        struct IndexFile<'a> {
            v: u32,
            locale: &'a str,
            docs: Vec<(&'a str, String, String, String)>,
        }
        let file = IndexFile { v: INDEX_FORMAT_VERSION, locale, docs: rows };
        format!(
            "/* donorbook search index (generated) */\n(window.donorbookSearch = window.donorbookSearch || {{}})[{}] = {};\n",
            safe(serde_json::to_string(&locale).unwrap()),
            safe(serde_json::to_string(&file).unwrap())
        )
    }

    #[test]
    fn one_pass_writer_matches_the_json_reference() {
        let nasty = [
            "",
            " ",
            "  lead and trail  ",
            "a\tb\nc\r\nd",
            "\u{1}\u{1f}\u{7f}\u{8}\u{c}",
            "q\"uo\\te",
            "<>&</script>",
            "\u{2028}line\u{2029}para\u{85}nel\u{a0}nbsp\u{3000}ideo",
            "捐血 者\u{200c}ی ك",
            "é\u{301} 👩🏽‍⚕️",
            "x \u{1} y",
        ];
        let mut docs = Vec::new();
        for (i, a) in nasty.iter().enumerate() {
            for b in &nasty {
                docs.push(doc(&format!("{a}{i}.html"), a, b, &format!("{b} {a} {b}")));
            }
        }
        for locale in ["en", "zh-Hant", "x\"]=1;//</script>"] {
            let (ours, reference) = (build_index_js(locale, &docs), reference_index_js(locale, &docs));
            let at = ours.bytes().zip(reference.bytes()).position(|(a, b)| a != b).unwrap_or(ours.len().min(reference.len()));
            let around = |s: &str| String::from_utf8_lossy(&s.as_bytes()[at.saturating_sub(40)..(at + 40).min(s.len())]).into_owned();
            assert!(ours == reference, "differs at byte {at}: {:?} vs {:?}", around(&ours), around(&reference));
        }
        assert_eq!(build_index_js("en", &[]), reference_index_js("en", &[]));
    }
}
