//! Fluent messages in pages: fallback chains, plural rules, numbers and bidi isolation.

mod common;
use common::{Site, stderr};

const SITE_YAML: &str = "title: T\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\n  - code: fr\n    name: Français\n  - code: ar\n    name: العربية\n  - code: fa\n    name: فارسی\n  - code: sw\n    name: Kiswahili\n  - code: sw-TZ\n    name: Kiswahili (Tanzania)\n";

fn site_with(body: &str) -> Site {
    let s = Site::fixture("basic");
    s.write("site.yaml", SITE_YAML);
    s.write("locales/en/site.ftl", "site-title = Centre\nday = Every country has a donor day.\nonly-en = English only.\nwelcome = Welcome, { $name }!\n");
    s.write("locales/sw/site.ftl", "day = Kila nchi ina siku ya wachangiaji.\nonly-sw = Kiswahili tu.\n");
    s.write("locales/sw-TZ/site.ftl", "day = Tanzania huadhimisha siku ya wachangiaji damu.\n");
    s.write("locales/fa/site.ftl", "welcome = { $name } خوش آمدید!\n");
    s.write("content/about.md", format!("---\ntitle: About\n---\n{body}\n"));
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    s
}

fn about(s: &Site, locale: &str) -> String {
    let html = s.out(&format!("{locale}/about/index.html"));
    let start = html.find("<div class=\"content\"").unwrap();
    html[start..html[start..].find("</div>").unwrap() + start].to_string()
}

#[test]
fn messages_follow_the_chain_country_language_default() {
    let s = site_with("{{ t(key=\"day\") }}\n\n{{ t(key=\"only-en\") }}");
    // A Swahili page (shared by sw-TZ, which holds only what differs) may use Swahili messages.
    s.write("locales/sw/content/about.md", "---\ntitle: Kuhusu\n---\n{{ t(key=\"day\") }}\n\n{{ t(key=\"only-sw\") }}\n\n{{ t(key=\"only-en\") }}\n");
    let o = s.build();
    assert!(o.status.success(), "{}", stderr(&o));
    let tz = about(&s, "sw-TZ");
    assert!(tz.contains("Tanzania huadhimisha"), "the country's own value wins: {tz}");
    assert!(tz.contains("Kiswahili tu."), "then the language's");
    assert!(tz.contains("English only."), "then the default locale's");
    let sw = about(&s, "sw");
    assert!(sw.contains("Kila nchi ina siku"));
    assert!(about(&s, "en").contains("Every country has a donor day."));
}

#[test]
fn plural_rules_follow_each_language() {
    let s = site_with(
        "[{{ t(key=\"minutes\", count=0) }}] [{{ t(key=\"minutes\", count=1) }}] [{{ t(key=\"minutes\", count=2) }}] [{{ t(key=\"minutes\", count=5) }}] [{{ t(key=\"minutes\", count=11) }}]",
    );
    let en = about(&s, "en");
    assert!(en.contains("[0 minutes] [1 minute] [2 minutes] [5 minutes] [11 minutes]"), "{en}");
    // French: 0 and 1 are singular.
    let fr = about(&s, "fr");
    assert!(fr.contains("[0 minute]") && fr.contains("[1 minute]") && fr.contains("[2 minutes]"), "{fr}");
    // Arabic has six plural categories: two minutes is a dual form with no digit.
    let ar = about(&s, "ar");
    assert!(ar.contains("دقيقتان"), "{ar}");
    assert!(ar.contains("دقائق"), "few (3–10) uses the plural: {ar}");
    assert_ne!(ar.matches('[').count(), 0);
}

#[test]
fn rtl_messages_isolate_latin_arguments_and_ltr_ones_do_not() {
    let s = site_with("{{ t(key=\"welcome\", name=\"WHO\") }}");
    let fa = about(&s, "fa");
    assert!(fa.contains("\u{2068}WHO\u{2069} خوش آمدید!"), "Persian keeps FSI/PDI around a Latin argument: {fa:?}");
    let en = about(&s, "en");
    assert!(en.contains("Welcome, WHO!"), "{en}");
    assert!(!en.contains('\u{2068}'));
}

#[test]
fn unknown_message_is_an_error_with_file_and_line() {
    let s = Site::fixture("basic");
    s.write("content/about.md", "---\ntitle: About\n---\nIntro.\n\n{{ t(key=\"no-such-message\") }}\n");
    let o = s.build();
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("content/about.md:6:1: error: unknown message `no-such-message`"), "{e}");
}
