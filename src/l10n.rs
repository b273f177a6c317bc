//! One model of translation state. `check` (its warnings), the reader's notice (render) and
//! `l10n status` only present what this module decides, so the three always agree on a page.
//!
//! A page of a locale is, in that locale:
//! - [`PageState::Current`]: translated and stamped with the source's current digest;
//! - [`PageState::Stale`]: stamped, but the source changed since (readers see a notice);
//! - [`PageState::Unstamped`]: translated, never stamped, so whether it is current is unknown
//!   (counted as translated; `check` suggests `l10n stamp`; no notice for readers);
//! - [`PageState::Inherited`]: not translated here, taken from a same-language ancestor of the
//!   chain (`sw` for `sw-TZ`), which itself is current, stale or unstamped;
//! - [`PageState::Missing`]: no translation in the locale or a same-language ancestor.
//!
//! A translation with no source is *orphaned*; see [`orphans`].

use crate::build::Site;
use crate::diagnostics::did_you_mean;
use crate::locale::Locale;
use crate::model::{Content, SourceFile};
use std::collections::BTreeSet;

/// The state of one source page in one locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageState {
    Current,
    Stale,
    Unstamped,
    /// Taken from `from`, whose own translation is in `state` (never `Inherited` or `Missing`).
    Inherited {
        from: String,
        state: Box<PageState>,
    },
    Missing,
}

impl PageState {
    /// Readers of this page see the "may be out of date" notice.
    pub fn is_stale(&self) -> bool {
        match self {
            PageState::Stale => true,
            PageState::Inherited { state, .. } => state.is_stale(),
            _ => false,
        }
    }

    /// The locale's readers get the page in their language and up to date as far as is known.
    pub fn is_covered(&self) -> bool {
        match self {
            PageState::Current | PageState::Unstamped => true,
            PageState::Inherited { state, .. } => state.is_covered(),
            PageState::Stale | PageState::Missing => false,
        }
    }
}

/// The state of a translation `doc` against its source `src` (by `source_hash`).
pub fn own_state(doc: &SourceFile, src: &SourceFile) -> PageState {
    match &doc.front.source_hash {
        Some(h) if *h == src.digest => PageState::Current,
        Some(_) => PageState::Stale,
        None => PageState::Unstamped,
    }
}

/// Whether the page the reader sees, read from `tree`, is a translation older than its source.
pub fn shown_page_is_stale(content: &Content, default: &str, tree: &str, rel: &str, doc: &SourceFile) -> bool {
    tree != default && content.doc(default, rel).is_some_and(|src| own_state(doc, src).is_stale())
}

/// The state of the source page `rel` in `locale`. The default locale's pages are `Current`.
pub fn page_state(content: &Content, locale: &Locale, default: &str, rel: &str) -> PageState {
    let Some(src) = content.doc(default, rel) else { return PageState::Missing };
    if locale.code == default {
        return PageState::Current;
    }
    if let Some(doc) = content.doc(&locale.code, rel) {
        return own_state(doc, src);
    }
    same_language_ancestors(locale, default)
        .find_map(|t| content.doc(t, rel).map(|doc| PageState::Inherited { from: t.to_string(), state: Box::new(own_state(doc, src)) }))
        .unwrap_or(PageState::Missing)
}

/// Chain ancestors in the locale's own language, the default locale excepted: a country variant
/// holds only what differs from them.
pub fn same_language_ancestors<'a>(locale: &'a Locale, default: &'a str) -> impl Iterator<Item = &'a str> {
    let language = locale.language();
    locale.chain.iter().skip(1).map(String::as_str).filter(move |t| *t != default && language_of(t) == language)
}

fn language_of(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// A translation whose source does not exist, with a hint when its name says why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    pub rel: String,
    pub hint: Option<String>,
}

/// Translations in `locale`'s own tree with no source file. A source left out as a draft (or
/// one that could not be read) still exists.
pub fn orphans(site: &Site, locale: &Locale, default: &str) -> Vec<Orphan> {
    let Some(own) = site.content.trees.get(&locale.code) else { return Vec::new() };
    let source = site.content.trees.get(default);
    own.docs
        .keys()
        .filter(|rel| !source.is_some_and(|s| s.docs.contains_key(*rel)) && !site.root.join("content").join(rel).is_file())
        .map(|rel| Orphan { rel: rel.clone(), hint: orphan_hint(rel, &locale.code) })
        .collect()
}

/// Hugo names translations `01-x.fr.md`; donorbook mirrors the source path under the locale.
fn orphan_hint(rel: &str, tag: &str) -> Option<String> {
    let stem = rel.strip_suffix(".md")?;
    let (base, suffix) = stem.rsplit_once('.')?;
    if suffix.eq_ignore_ascii_case(tag) || language_of(suffix).eq_ignore_ascii_case(language_of(tag)) {
        return Some(format!(
            "a translation has the same file name as its source, under locales/{tag}/content/: move it to locales/{tag}/content/{base}.md (not a `.{suffix}.md` suffix)"
        ));
    }
    None
}

/// Fluent messages a locale is expected to translate and where they stand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MessageStates {
    /// Keys expected: the default locale's site keys, plus the theme's keys when the theme ships
    /// a file for this locale's language.
    pub expected: BTreeSet<String>,
    /// Expected keys that no tag of the chain but the default defines (site or theme files).
    pub missing: Vec<String>,
    /// Keys in the locale's own site files that nothing asks for, each with the expected key it
    /// is probably a misspelling of.
    pub unused: Vec<(String, Option<String>)>,
}

/// Messages donorbook itself asks for, whether or not the source locale defines them.
const BUILT_IN_KEYS: [&str; 3] = ["site-title", "bundle-readme", "chooser-enter"];

/// The state of every Fluent message of `locale`.
pub fn message_states(site: &Site, locale: &Locale, default: &str) -> MessageStates {
    let keys = &site.messages.keys;
    let none = crate::messages::KeySet::default();
    let get = |tag: &str| keys.get(tag).unwrap_or(&none);
    let own_tags: Vec<&str> = locale.chain.iter().map(String::as_str).filter(|t| *t != default).collect();
    // A theme string in the reader's language beats the site's source one, so it covers a key.
    let covered = |key: &str| own_tags.iter().any(|t| get(t).site.contains(key) || get(t).theme.contains(key));
    let source_site = &get(default).site;
    let theme_reference = theme_reference_keys(site, default);
    let theme_ships_language = own_tags.iter().any(|t| site.theme.ftl.contains_key(*t));
    let mut expected: BTreeSet<String> = source_site.iter().cloned().collect();
    if theme_ships_language {
        expected.extend(theme_reference.iter().cloned());
    }
    let missing = expected.iter().filter(|k| !covered(k)).cloned().collect();
    let known: Vec<&str> = source_site.iter().chain(theme_reference.iter()).map(String::as_str).collect();
    let unused = get(&locale.code)
        .site
        .iter()
        .filter(|k| !source_site.contains(*k) && !theme_reference.contains(*k) && !get(default).theme.contains(*k) && !BUILT_IN_KEYS.contains(&k.as_str()))
        .map(|k| (k.clone(), did_you_mean(k, known.iter().copied()).map(str::to_string)))
        .collect();
    MessageStates { expected, missing, unused }
}

/// The theme's keys in the source language (or in English when the theme does not ship the
/// source language): the keys a theme translation is expected to have.
fn theme_reference_keys(site: &Site, default: &str) -> BTreeSet<String> {
    let files = site.theme.ftl.get(default).or_else(|| site.theme.ftl.get("en"));
    let mut out = BTreeSet::new();
    for (_, text) in files.into_iter().flatten() {
        let res = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for entry in res.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                out.insert(m.id.name.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_style_names_get_a_hint() {
        let h = orphan_hint("modules/x/01-a.fr.md", "fr").unwrap();
        assert!(h.contains("locales/fr/content/modules/x/01-a.md"), "{h}");
        assert!(orphan_hint("modules/x/01-a.fr.md", "fr-CA").is_some());
        assert!(orphan_hint("modules/x/01-a.md", "fr").is_none());
        assert!(orphan_hint("modules/x/v1.2.md", "fr").is_none());
    }

    #[test]
    fn inherited_pages_take_the_state_of_their_source() {
        let stale = PageState::Inherited { from: "sw".into(), state: Box::new(PageState::Stale) };
        assert!(stale.is_stale() && !stale.is_covered());
        let current = PageState::Inherited { from: "sw".into(), state: Box::new(PageState::Current) };
        assert!(!current.is_stale() && current.is_covered());
        assert!(PageState::Unstamped.is_covered() && !PageState::Unstamped.is_stale());
    }
}
