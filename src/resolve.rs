//! Stage 2, resolve: decide, for every locale, which pages exist, where they are written, which
//! locale's text each one shows (the fallback chain), and how lessons are ordered.

use crate::config::Untranslated;
use crate::locale::{Locale, Locales};
use crate::model::{Content, Kind};
use std::collections::HashMap;

/// One page to render in one locale.
#[derive(Clone, Debug)]
pub struct PlannedPage {
    pub kind: Kind,
    /// Logical source path (`modules/x/01-a.md`).
    pub rel: String,
    /// Output folder relative to the output root, with a trailing `/` (`en/modules/x/a/`).
    pub dir: String,
    /// The locale tree the text comes from (may be a fallback).
    pub tree: String,
    /// True when the text is in another language than the locale's (shown with a notice).
    pub fallback: bool,
    /// Index into [`LocalePlan::modules`] for modules and lessons.
    pub module: Option<usize>,
    /// Position of a lesson in its module (0-based).
    pub lesson: Option<usize>,
}

/// A module of one locale: its page and its lessons' pages, in order.
#[derive(Clone, Debug)]
pub struct PlannedModule {
    pub slug: String,
    pub page: usize,
    pub lessons: Vec<usize>,
}

/// Everything one locale will contain.
#[derive(Clone, Debug)]
pub struct LocalePlan {
    pub locale: usize,
    pub pages: Vec<PlannedPage>,
    pub modules: Vec<PlannedModule>,
    /// Logical path → index into `pages`.
    pub by_rel: HashMap<String, usize>,
    pub home: Option<usize>,
    pub catalogue: Option<usize>,
}

impl LocalePlan {
    pub fn page_dir(&self, rel: &str) -> Option<&str> {
        self.by_rel.get(rel).map(|&i| self.pages[i].dir.as_str())
    }
}

/// The whole site's plan, one entry per locale in `site.yaml` order.
#[derive(Clone, Debug)]
pub struct Plan {
    pub locales: Vec<LocalePlan>,
}

/// The tree a logical page is read from in `locale`, and whether that is a fallback.
pub fn pick_tree<'a>(content: &Content, locale: &'a Locale, locales: &Locales, rel: &str) -> Option<(&'a str, bool)> {
    locale.chain.iter().find(|tag| content.doc(tag, rel).is_some()).map(|tag| {
        let lang_of = |t: &str| locales.get(t).map(|l| l.language().to_string()).unwrap_or_else(|| t.split('-').next().unwrap_or(t).to_string());
        (tag.as_str(), lang_of(tag) != locale.language())
    })
}

/// Plans every locale.
pub fn plan(content: &Content, locales: &Locales, untranslated: Untranslated) -> Plan {
    Plan { locales: (0..locales.all.len()).map(|i| plan_locale(content, locales, i, untranslated)).collect() }
}

fn plan_locale(content: &Content, locales: &Locales, index: usize, untranslated: Untranslated) -> LocalePlan {
    let locale = &locales.all[index];
    let code = &locale.code;
    let mut lp = LocalePlan { locale: index, pages: Vec::new(), modules: Vec::new(), by_rel: HashMap::new(), home: None, catalogue: None };
    let s = &content.structure;
    // Home and catalogue always exist so navigation never breaks, even with `skip`.
    let add = |lp: &mut LocalePlan, kind: Kind, rel: &str, dir: String, required: bool, module: Option<usize>, lesson: Option<usize>| -> Option<usize> {
        let (tree, fallback) = pick_tree(content, locale, locales, rel)?;
        if fallback && untranslated == Untranslated::Skip && !required {
            return None;
        }
        let i = lp.pages.len();
        lp.pages.push(PlannedPage { kind, rel: rel.to_string(), dir, tree: tree.to_string(), fallback, module, lesson });
        lp.by_rel.insert(rel.to_string(), i);
        Some(i)
    };
    if let Some(rel) = &s.home {
        lp.home = add(&mut lp, Kind::Home, rel, format!("{code}/"), true, None, None);
    }
    if let Some(rel) = &s.catalogue {
        lp.catalogue = add(&mut lp, Kind::Catalogue, rel, format!("{code}/modules/"), true, None, None);
    }
    for m in &s.modules {
        let mi = lp.modules.len();
        // With `skip`, a translated lesson keeps its module even when the module page itself
        // is not translated (that page falls back): a finished translation is never dropped.
        let translated = |rel: &str| pick_tree(content, locale, locales, rel).is_some_and(|(_, fallback)| !fallback);
        let keep = m.lessons.iter().any(|l| translated(&l.rel));
        let Some(page) = add(&mut lp, Kind::Module, &m.rel, format!("{code}/modules/{}/", m.slug), keep, Some(mi), None) else {
            continue;
        };
        let mut pm = PlannedModule { slug: m.slug.clone(), page, lessons: Vec::new() };
        for l in &m.lessons {
            let pos = pm.lessons.len();
            if let Some(p) = add(&mut lp, Kind::Lesson, &l.rel, format!("{code}/modules/{}/{}/", m.slug, l.slug), false, Some(mi), Some(pos)) {
                pm.lessons.push(p);
            }
        }
        lp.modules.push(pm);
    }
    for p in &s.pages {
        add(&mut lp, Kind::Page, &p.rel, format!("{code}/{}", p.dir), false, None, None);
    }
    lp
}
