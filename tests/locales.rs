//! Locales in site.yaml: bad configurations are errors naming `site.yaml` with line and column
//! (all of them at once), and good ones give the right direction and fallback chain.

mod common;
use common::{Site, stderr};

/// Writes `yaml` as the basic fixture's site.yaml, runs `check`, and returns stderr; the run
/// must fail with exit status 1 and without a panic.
fn config_fails(yaml: &str) -> String {
    let s = Site::fixture("basic");
    s.write("site.yaml", yaml);
    let o = s.run(&["check"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "expected exit 1, got {:?}:\n{e}", o.status);
    assert!(!e.contains("panicked"), "{e}");
    // `build` fails the same way and writes nothing.
    let b = s.build();
    assert_eq!(b.status.code(), Some(1), "{}", stderr(&b));
    assert!(!s.exists(""), "a failed build created public/");
    e
}

const HEAD: &str = "title: Locale test\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\n";

#[test]
fn malformed_language_tags() {
    for (code, col) in [("\"en_US!\"", 12), ("\"123\"", 12), ("e", 11), ("'sw TZ'", 12)] {
        let e = config_fails(&format!("{HEAD}  - code: {code}\n    name: Bad\n"));
        let bare = code.trim_matches(['"', '\'']);
        let expected = format!("site.yaml:6:{col}: error: `{bare}` is not a valid BCP 47 language tag");
        assert!(e.contains(&expected), "expected `{expected}` in:\n{e}");
        assert!(e.contains("= help: use tags such as `en`, `sw-TZ`"), "{e}");
        assert!(e.contains("1 error, 0 warnings in 1 file"), "{e}");
    }
}

#[test]
fn duplicate_locale_is_reported_at_the_second_declaration() {
    let e = config_fails(&format!("{HEAD}  - code: es\n    name: Español\n  - code: fr\n    name: Français\n  - code: es\n    name: Español otra vez\n"));
    assert!(e.contains("site.yaml:10:11: error: locale `es` is declared twice"), "{e}");
    assert!(e.contains("10 |   - code: es\n   |           ^"), "{e}");
    // Tags are compared in canonical form: `EN` is `en`.
    let e = config_fails(&format!("{HEAD}  - code: EN # again\n    name: English (again)\n"));
    assert!(e.contains("site.yaml:6:11: error: locale `en` is declared twice"), "{e}");
}

#[test]
fn a_word_in_the_title_is_not_mistaken_for_the_locale_entry() {
    let e = config_fails("title: Lo que es la donación\ndefault_locale: es\nlocales:\n  - code: es\n    name: Español\n  - code: es\n    name: Otra vez\n");
    assert!(e.contains("site.yaml:6:11: error: locale `es` is declared twice"), "{e}");
}

#[test]
fn default_locale_must_be_declared() {
    let e = config_fails("title: Locale test\ndefault_locale: de\nlocales:\n  - code: en\n    name: English\n  - code: fr\n    name: Français\n");
    assert!(e.contains("site.yaml:2:1: error: default_locale `de` is not one of the declared locales"), "{e}");
    assert!(e.contains("= help: known locales: en, fr"), "{e}");
}

#[test]
fn explicit_fallback_must_name_a_declared_locale() {
    let e = config_fails(&format!("{HEAD}  - code: fr\n    name: Français\n    fallback: [xx]\n"));
    assert!(e.contains("site.yaml:8:16: error: fallback locale `xx` of `fr` is not a declared locale"), "{e}");
    // A close miss gets a hint.
    let e = config_fails(&format!("{HEAD}  - code: es\n    name: Español\n  - code: qu\n    name: Runasimi\n    fallback: [ess]\n"));
    assert!(e.contains("site.yaml:10:16: error: fallback locale `ess` of `qu` is not a declared locale"), "{e}");
    assert!(e.contains("did you mean `es`?"), "{e}");
}

#[test]
fn invalid_direction() {
    let e = config_fails(&format!("{HEAD}  - code: fa\n    name: فارسی\n    dir: sideways\n"));
    assert!(e.contains("site.yaml:8:10: error: unknown variant `sideways`, expected one of ltr, rtl"), "{e}");
}

#[test]
fn unknown_key_in_a_locale_entry() {
    let e = config_fails(&format!("{HEAD}  - code: fa\n    name: فارسی\n    direction: rtl\n"));
    assert!(e.contains("site.yaml:8:5: error: unknown field `direction`"), "{e}");
}

#[test]
fn every_locale_error_is_reported_at_once() {
    // A bad tag before a locale with a bad fallback must not hide the second error, and neither
    // must an undeclared default locale.
    let e = config_fails(
        "title: Locale test\ndefault_locale: de\nlocales:\n  - code: en\n    name: English\n  - code: \"bad!\"\n    name: Bad\n  - code: en\n    name: Again\n  - code: fr\n    name: Français\n    fallback: [xx]\n",
    );
    for needle in [
        "site.yaml:2:1: error: default_locale `de` is not one of the declared locales",
        "site.yaml:6:12: error: `bad!` is not a valid BCP 47 language tag",
        "site.yaml:8:11: error: locale `en` is declared twice",
        "site.yaml:12:16: error: fallback locale `xx` of `fr` is not a declared locale",
        "4 errors, 0 warnings in 1 file",
    ] {
        assert!(e.contains(needle), "expected `{needle}` in:\n{e}");
    }
}

/// `<html …>` of a built page.
fn html_tag(s: &Site, page: &str) -> String {
    let html = s.out(page);
    let start = html.find("<html").unwrap_or_else(|| panic!("no <html> in {page}"));
    html[start..start + html[start..].find('>').unwrap() + 1].to_string()
}

/// The opening tag of the content region of a built page.
fn content_tag(s: &Site, page: &str) -> String {
    let html = s.out(page);
    let start = html.find("<div class=\"content\"").unwrap_or_else(|| panic!("no content region in {page}"));
    html[start..start + html[start..].find('>').unwrap() + 1].to_string()
}

fn built(s: &Site) {
    let o = s.build();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn direction_is_derived_from_the_language_or_script_and_can_be_forced() {
    let s = Site::fixture("basic");
    s.write(
        "site.yaml",
        format!(
            "{HEAD}  - code: fa\n    name: فارسی\n  - code: ar\n    name: العربية\n  - code: az-Arab\n    name: آذربایجان\n  - code: ku-Latn\n    name: Kurdî\n  - code: fr\n    name: Français\n    dir: rtl\n  - code: he\n    name: עברית\n    dir: ltr\n"
        ),
    );
    s.write("locales/fa/content/about.md", "---\ntitle: درباره\n---\nمتن فارسی.\n");
    built(&s);
    for (code, dir) in [("en", "ltr"), ("fa", "rtl"), ("ar", "rtl"), ("az-Arab", "rtl"), ("ku-Latn", "ltr"), ("fr", "rtl"), ("he", "ltr")] {
        for page in ["index.html", "about/index.html", "modules/alpha/first/index.html", "glossary/index.html", "search/index.html"] {
            let tag = html_tag(&s, &format!("{code}/{page}"));
            assert_eq!(tag, format!("<html lang=\"{code}\" dir=\"{dir}\">"), "{code}/{page}");
        }
    }
    // fa's own page inherits its direction; a page shown from English carries English's.
    assert_eq!(content_tag(&s, "fa/about/index.html"), "<div class=\"content\">");
    assert!(s.out("fa/about/index.html").contains("متن فارسی."));
    assert_eq!(content_tag(&s, "fa/modules/alpha/first/index.html"), "<div class=\"content\" lang=\"en\" dir=\"ltr\">");
    assert_eq!(content_tag(&s, "fr/about/index.html"), "<div class=\"content\" lang=\"en\" dir=\"ltr\">");
}

#[test]
fn country_locale_falls_back_to_its_language_then_the_default() {
    // sw-TZ with no content of its own: sw has _index.md and about.md, en has the rest.
    let s = Site::fixture("l10n/site");
    s.remove("locales/sw-TZ/content/about.md");
    built(&s);

    for page in ["index.html", "about/index.html", "modules/giving/after/index.html"] {
        assert_eq!(html_tag(&s, &format!("sw-TZ/{page}")), "<html lang=\"sw-TZ\" dir=\"ltr\">", "{page}");
    }
    // From sw: the same language, so no notice and no change of language.
    let home = s.out("sw-TZ/index.html");
    assert!(home.contains("Kila mchango unaweza kuokoa maisha matatu."), "{home}");
    assert!(!home.contains("notice untranslated"), "{home}");
    assert_eq!(content_tag(&s, "sw-TZ/index.html"), "<div class=\"content\">");
    let about = s.out("sw-TZ/about/index.html");
    assert!(about.contains("<h1>Kuhusu</h1>") && about.contains("Kituo hiki kinafundisha wafanyakazi."), "{about}");
    assert!(!about.contains("notice untranslated"), "{about}");
    // From en: a notice in Swahili, and the content region marked as English.
    for page in ["modules/giving/after/index.html", "modules/giving/index.html", "modules/giving/first-steps/index.html"] {
        let html = s.out(&format!("sw-TZ/{page}"));
        assert!(
            html.contains("<p class=\"notice untranslated\" role=\"note\">Ukurasa huu bado haupatikani kwa Kiswahili (Tanzania). Unaonyeshwa kwa English.</p>"),
            "{page}:\n{html}"
        );
        assert_eq!(content_tag(&s, &format!("sw-TZ/{page}")), "<div class=\"content\" lang=\"en\" dir=\"ltr\">", "{page}");
    }
    assert!(s.out("sw-TZ/modules/giving/after/index.html").contains("Rest for a few minutes."));
    // The country's own file wins once it exists again.
    s.write("locales/sw-TZ/content/about.md", "---\ntitle: Kuhusu (Tanzania)\n---\nKituo cha Tanzania.\n");
    built(&s);
    assert!(s.out("sw-TZ/about/index.html").contains("Kituo cha Tanzania."));
    assert!(s.out("sw/about/index.html").contains("Kituo hiki kinafundisha wafanyakazi."));
}

#[test]
fn explicit_fallback_replaces_the_derived_chain() {
    let s = Site::fixture("basic");
    s.write(
        "site.yaml",
        format!(
            "{HEAD}  - code: es\n    name: Español\n  - code: qu\n    name: Runasimi\n    fallback: [es]\n  - code: es-PE\n    name: Español (Perú)\n    fallback: [en]\n"
        ),
    );
    s.write("locales/es/content/about.md", "---\ntitle: Acerca de\n---\nTexto en español.\n");
    built(&s);
    // qu → es → en: Spanish text, announced as Spanish.
    let qu = s.out("qu/about/index.html");
    assert!(qu.contains("Texto en español."), "{qu}");
    assert!(qu.contains("notice untranslated"), "{qu}");
    assert_eq!(content_tag(&s, "qu/about/index.html"), "<div class=\"content\" lang=\"es\" dir=\"ltr\">");
    // …and then the default locale for what es lacks.
    assert_eq!(content_tag(&s, "qu/modules/alpha/first/index.html"), "<div class=\"content\" lang=\"en\" dir=\"ltr\">");
    // es-PE → en: the explicit chain skips the es parent.
    let pe = s.out("es-PE/about/index.html");
    assert!(pe.contains("A page at depth one."), "{pe}");
    assert!(!pe.contains("Texto en español."), "{pe}");
    assert_eq!(content_tag(&s, "es-PE/about/index.html"), "<div class=\"content\" lang=\"en\" dir=\"ltr\">");
}
