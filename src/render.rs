//! Stage 3, render: one page of one locale → HTML, through its Markdown and a Tera template.
//! Pages are independent, so the build renders them in parallel.

use crate::builtins::PageHost;
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::glossary::{self, LocalizedEntry};
use crate::locale::{Locale, Locales};
use crate::markdown::{self, AnchorRef, Env, Heading};
use crate::messages::Messages;
use crate::model::{Content, Kind, SourceFile};
use crate::resolve::{LocalePlan, PlannedPage, Plan};
use crate::templates::Templates;
use crate::urls;
use serde::Serialize;
use serde_json::{Value, json};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

/// Everything rendering reads; shared by all worker threads.
pub struct SiteView<'a> {
    /// Per locale: written and linked in this build (a bundle holds only some locales).
    pub visible: &'a [bool],
    pub config: &'a SiteConfig,
    pub locales: &'a Locales,
    pub content: &'a Content,
    pub plan: &'a Plan,
    pub messages: &'a Messages,
    pub templates: &'a Templates,
    /// Per locale (same order as `locales.all`): the glossary in source order.
    pub glossaries: &'a [Vec<LocalizedEntry>],
}

/// Identity of a page across locales, for the language switcher and hreflang.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageKey {
    Root,
    Source(String),
    Glossary,
    Search,
    Print(String),
}

/// A page written to disk, and what later checks and the search index need from it.
#[derive(Debug, Default)]
pub struct Output {
    /// Path relative to the output root.
    pub path: String,
    pub html: String,
    pub facts: Option<PageFacts>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What the build remembers about a rendered content page.
#[derive(Clone, Debug, Default)]
pub struct PageFacts {
    pub locale: usize,
    pub rel: String,
    pub dir: String,
    pub title: String,
    pub section: String,
    pub text: String,
    pub headings: Vec<Heading>,
    pub anchors: Vec<AnchorRef>,
    pub display: String,
    pub kind: Option<Kind>,
}

impl SiteView<'_> {
    fn locale(&self, lp: &LocalePlan) -> &Locale {
        &self.locales.all[lp.locale]
    }

    fn doc(&self, page: &PlannedPage) -> &SourceFile {
        self.content.doc(&page.tree, &page.rel).expect("the plan only lists pages whose source exists")
    }

    fn default_plan(&self) -> &LocalePlan {
        &self.plan.locales[self.locales.default]
    }

    fn host<'s>(&'s self, lp: &'s LocalePlan) -> PageHost<'s> {
        PageHost {
            locale: self.locale(lp),
            plan: lp,
            default_plan: self.default_plan(),
            content: self.content,
            messages: self.messages,
            templates: self.templates,
            glossary: &self.glossaries[lp.locale],
        }
    }

    /// The output folder of a page in another locale, if that locale has it.
    fn dir_in(&self, locale_index: usize, key: &PageKey) -> Option<String> {
        let lp = &self.plan.locales[locale_index];
        let code = &self.locales.all[locale_index].code;
        match key {
            PageKey::Root => Some(String::new()),
            PageKey::Source(rel) => lp.page_dir(rel).map(str::to_string),
            PageKey::Glossary => Some(format!("{code}/glossary/")),
            PageKey::Search => Some(format!("{code}/search/")),
            PageKey::Print(rel) => lp.page_dir(rel).map(|d| format!("{d}print/")),
        }
    }
}

/// Renders the Markdown of a planned page.
fn render_body(view: &SiteView<'_>, lp: &LocalePlan, page: &PlannedPage, id_prefix: &str, page_dir: &str) -> markdown::Rendered {
    let doc = view.doc(page);
    let env = Env {
        display: &doc.display,
        body_line_offset: doc.body_line_offset,
        rel: &page.rel,
        page_dir,
        raw_html: view.config.markdown.raw_html,
        id_prefix,
        counter: Cell::new(0),
        used_ids: RefCell::new(HashSet::new()),
    };
    markdown::render(&doc.body, &env, &view.host(lp))
}

/// Renders one content page (home, catalogue, module, lesson or standalone page).
pub fn render_page(view: &SiteView<'_>, lp: &LocalePlan, index: usize) -> Output {
    render_page_keeping_body(view, lp, index).0
}

/// Marks where the printable module puts a per-lesson prefix in ids. A lesson's Markdown is
/// rendered once: the lesson page drops the mark, the print page replaces it. (The lesson and
/// print folders are at the same depth, so relative URLs are the same in both.)
const ID_MARK: &str = "\u{E002}";

/// Renders a page and also returns its body HTML with [`ID_MARK`] where ids are prefixed.
fn render_page_keeping_body(view: &SiteView<'_>, lp: &LocalePlan, index: usize) -> (Output, String) {
    let page = &lp.pages[index];
    let doc = view.doc(page);
    let mut body = render_body(view, lp, page, ID_MARK, &page.dir);
    let marked = std::mem::replace(&mut body.html, String::new());
    body.html = marked.replace(ID_MARK, "");
    for h in &mut body.headings {
        h.id = h.id.replace(ID_MARK, "");
    }
    let mut ctx = base_context(view, lp, &page.dir, PageKey::Source(page.rel.clone()));
    let locale = view.locale(lp);
    let written = view.locales.get(&page.tree);
    let page_value = json!({
        "kind": page.kind,
        "title": doc.front.title,
        "summary": doc.front.summary,
        "content": body.html,
        "toc": body.headings.iter().filter(|h| h.level == 2 || h.level == 3).collect::<Vec<_>>(),
        "duration": doc.front.duration,
        "objectives": doc.front.objectives,
        "audience": doc.front.audience,
        "extra": doc.front.extra,
        "reading_minutes": reading_minutes(&body.text),
        "fallback": page.fallback,
        "outdated": is_outdated(view, page, doc),
        "written_in": {
            "code": page.tree,
            "name": written.map(|l| l.name.clone()).unwrap_or_else(|| page.tree.clone()),
            "dir": written.map(|l| l.dir.as_str()).unwrap_or(locale.dir.as_str()),
        },
    });
    ctx.insert("page".into(), page_value);
    ctx.insert("breadcrumbs".into(), Value::Array(breadcrumbs(view, lp, page)));
    if let Some(mi) = page.module {
        ctx.insert("module".into(), module_value(view, lp, mi, &page.dir, page.lesson));
    }
    if page.kind == Kind::Lesson {
        add_prev_next(view, lp, index, &mut ctx);
    }
    let template = doc.front.template.clone().unwrap_or_else(|| default_template(page.kind).to_string());
    let section = page.module.map(|mi| view.doc(&lp.pages[lp.modules[mi].page]).front.title.clone()).unwrap_or_default();
    let mut out = finish(view, &template, ctx, &format!("{}index.html", page.dir), &doc.display.to_string_lossy());
    out.diagnostics.extend(body.diagnostics);
    if matches!(page.kind, Kind::Module | Kind::Lesson) && doc.front.summary.as_deref().is_none_or(|s| s.trim().is_empty()) {
        out.diagnostics.push(
            Diagnostic::warning(&doc.display, 2, 1, "no `summary`: lists, search results and the page description will be empty")
                .with_hint("add `summary: One or two sentences.` to the front matter"),
        );
    }
    out.facts = Some(PageFacts {
        locale: lp.locale,
        rel: page.rel.clone(),
        dir: page.dir.clone(),
        title: doc.front.title.clone(),
        section,
        text: body.text,
        headings: body.headings,
        anchors: body.anchors,
        display: doc.display.to_string_lossy().replace('\\', "/"),
        kind: Some(page.kind),
    });
    (out, marked)
}

/// A module's page, its lessons and its printable version, rendered together so each
/// lesson's Markdown is rendered only once.
pub fn render_module(view: &SiteView<'_>, lp: &LocalePlan, mi: usize) -> Vec<Output> {
    let m = &lp.modules[mi];
    let mut out = vec![render_page(view, lp, m.page)];
    let mut bodies = Vec::with_capacity(m.lessons.len());
    for &li in &m.lessons {
        let (o, marked) = render_page_keeping_body(view, lp, li);
        out.push(o);
        bodies.push(marked);
    }
    out.push(render_print_with(view, lp, mi, Some(&bodies)));
    out
}

/// A translation whose source changed after it was stamped: readers are told, as many
/// documentation projects do by hand.
fn is_outdated(view: &SiteView<'_>, page: &PlannedPage, doc: &SourceFile) -> bool {
    let default = &view.locales.default_locale().code;
    if page.tree == *default {
        return false;
    }
    let Some(hash) = &doc.front.source_hash else { return false };
    view.content.doc(default, &page.rel).is_some_and(|src| src.digest != *hash)
}

fn default_template(kind: Kind) -> &'static str {
    match kind {
        Kind::Home => "home.html",
        Kind::Catalogue => "catalogue.html",
        Kind::Module => "module.html",
        Kind::Lesson => "lesson.html",
        Kind::Page => "page.html",
    }
}

/// Renders the template and reports failures against the template and the page.
fn finish(view: &SiteView<'_>, template: &str, ctx: serde_json::Map<String, Value>, path: &str, display: &str) -> Output {
    let mut out = Output { path: path.to_string(), ..Output::default() };
    if !view.templates.has(template) {
        out.diagnostics.push(Diagnostic::error(display, 0, 0, format!("template `{template}` does not exist")));
        return out;
    }
    let context = match tera::Context::from_serialize(&Value::Object(ctx)) {
        Ok(c) => c,
        Err(e) => {
            out.diagnostics.push(Diagnostic::error(display, 0, 0, format!("cannot build the template context: {e}")));
            return out;
        }
    };
    match view.templates.render(template, &context) {
        Ok(html) => out.html = html,
        Err(e) => out.diagnostics.push(Diagnostic::error(
            view.templates.origin(template),
            0,
            0,
            format!("rendering {display} with `{template}` failed: {e}"),
        )),
    }
    out
}

/// Values every template gets: site, locale, relative roots, navigation, language versions.
fn base_context(view: &SiteView<'_>, lp: &LocalePlan, dir: &str, key: PageKey) -> serde_json::Map<String, Value> {
    // Lesson, module and print pages carry their own module instead of the whole list.
    let list_modules = !matches!(&key, PageKey::Source(rel) if lp.by_rel.get(rel).is_some_and(|&i| matches!(lp.pages[i].kind, Kind::Lesson | Kind::Module)))
        && !matches!(key, PageKey::Print(_));
    let locale = view.locale(lp);
    let code = &locale.code;
    let root = urls::to_root(dir);
    let rel = |to: &str| urls::relative(dir, to);
    let title = view.messages.format(locale, "site-title", None).map(|f| f.text).unwrap_or_else(|_| view.config.title.clone());
    let modules: Vec<Value> = lp
        .modules
        .iter()
        .filter(|_| list_modules)
        .map(|m| {
            let p = &lp.pages[m.page];
            let d = view.doc(p);
            json!({"title": d.front.title, "url": rel(&format!("{}index.html", p.dir)), "current": dir.starts_with(&p.dir),
                   "summary": d.front.summary, "duration": d.front.duration, "lesson_count": m.lessons.len(), "slug": m.slug,
                   "fallback": p.fallback})
        })
        .collect();
    let (translations, x_default) = translations(view, lp, dir, &key);
    let mut ctx = serde_json::Map::new();
    ctx.insert("site".into(), json!({"title": title, "base_url": view.config.base_url, "extra": view.config.extra}));
    ctx.insert("lang".into(), json!(code));
    ctx.insert("dir".into(), json!(locale.dir.as_str()));
    ctx.insert("locale".into(), json!({"code": code, "name": locale.name, "dir": locale.dir.as_str()}));
    ctx.insert("root".into(), json!(root));
    ctx.insert("assets".into(), json!(format!("{root}assets/")));
    ctx.insert("home_url".into(), json!(rel(&format!("{code}/index.html"))));
    ctx.insert("catalogue_url".into(), json!(rel(&format!("{code}/modules/index.html"))));
    ctx.insert("glossary_url".into(), json!(rel(&format!("{code}/glossary/index.html"))));
    ctx.insert("search_url".into(), json!(rel(&format!("{code}/search/index.html"))));
    ctx.insert("chooser_url".into(), json!(rel("index.html")));
    ctx.insert("modules".into(), Value::Array(modules));
    ctx.insert("translations".into(), Value::Array(translations));
    ctx.insert("x_default".into(), json!(x_default));
    ctx.insert("canonical".into(), json!(canonical(view, dir)));
    ctx.insert("has_glossary".into(), json!(!view.glossaries[lp.locale].is_empty()));
    ctx.insert("module".into(), Value::Null);
    ctx.insert("prev".into(), Value::Null);
    ctx.insert("next".into(), Value::Null);
    ctx.insert("breadcrumbs".into(), json!([]));
    ctx
}

/// The page's versions in every locale (for the switcher and `<link rel=alternate>`), and the
/// x-default URL (the default locale's version).
fn translations(view: &SiteView<'_>, lp: &LocalePlan, dir: &str, key: &PageKey) -> (Vec<Value>, Option<String>) {
    let mut out = Vec::new();
    let mut x_default = None;
    for (i, l) in view.locales.all.iter().enumerate().filter(|(i, _)| view.visible[*i]) {
        let (target, exists) = match view.dir_in(i, key) {
            Some(d) => (format!("{d}index.html"), true),
            None => (format!("{}/index.html", l.code), false),
        };
        let url = urls::relative(dir, &target);
        if i == view.locales.default && exists {
            x_default = Some(url.clone());
        }
        out.push(json!({"code": l.code, "name": l.name, "dir": l.dir.as_str(), "url": url, "exists": exists,
                        "current": i == lp.locale}));
    }
    (out, x_default)
}

fn canonical(view: &SiteView<'_>, dir: &str) -> Option<String> {
    view.config.base_url.as_ref().map(|b| format!("{}/{}", b.trim_end_matches('/'), urls::encode_path(dir)))
}

fn breadcrumbs(view: &SiteView<'_>, lp: &LocalePlan, page: &PlannedPage) -> Vec<Value> {
    let locale = view.locale(lp);
    let rel = |to: &str| urls::relative(&page.dir, to);
    let mut out = vec![json!({"title": view.messages.text(locale, "nav-home"), "url": rel(&format!("{}/index.html", locale.code))})];
    if matches!(page.kind, Kind::Module | Kind::Lesson) {
        out.push(json!({"title": view.messages.text(locale, "nav-modules"), "url": rel(&format!("{}/modules/index.html", locale.code))}));
    }
    if let (Kind::Lesson, Some(mi)) = (page.kind, page.module) {
        let mp = &lp.pages[lp.modules[mi].page];
        out.push(json!({"title": view.doc(mp).front.title, "url": rel(&format!("{}index.html", mp.dir))}));
    }
    out
}

/// A module as templates see it: its page, lessons (with the current one marked), print URL.
fn module_value(view: &SiteView<'_>, lp: &LocalePlan, mi: usize, dir: &str, current: Option<usize>) -> Value {
    let m = &lp.modules[mi];
    let mp = &lp.pages[m.page];
    let md = view.doc(mp);
    let lessons: Vec<Value> = m
        .lessons
        .iter()
        .enumerate()
        .map(|(n, &li)| {
            let p = &lp.pages[li];
            let d = view.doc(p);
            json!({"title": d.front.title, "summary": d.front.summary, "duration": d.front.duration, "number": n + 1,
                   "url": urls::relative(dir, &format!("{}index.html", p.dir)), "current": current == Some(n),
                   "fallback": p.fallback, "id": format!("{}/{}", m.slug, p.dir.trim_end_matches('/').rsplit('/').next().unwrap_or(""))})
        })
        .collect();
    let total: u32 = md.front.duration.unwrap_or_else(|| m.lessons.iter().filter_map(|&li| view.doc(&lp.pages[li]).front.duration).sum());
    json!({"title": md.front.title, "summary": md.front.summary, "slug": m.slug,
           "url": urls::relative(dir, &format!("{}index.html", mp.dir)),
           "print_url": urls::relative(dir, &format!("{}print/index.html", mp.dir)),
           "objectives": md.front.objectives, "audience": md.front.audience, "duration": total,
           "lessons": lessons, "lesson_count": m.lessons.len(),
           "lesson_number": current.map(|c| c + 1)})
}

/// Previous/next lessons; they cross from a module's last lesson into the next module.
fn add_prev_next(view: &SiteView<'_>, lp: &LocalePlan, index: usize, ctx: &mut serde_json::Map<String, Value>) {
    let order: Vec<usize> = lp.modules.iter().flat_map(|m| m.lessons.iter().copied()).collect();
    let Some(pos) = order.iter().position(|&i| i == index) else { return };
    let dir = &lp.pages[index].dir;
    let link = |i: usize| {
        let p = &lp.pages[i];
        let module_title = p.module.map(|mi| view.doc(&lp.pages[lp.modules[mi].page]).front.title.clone());
        json!({"title": view.doc(p).front.title, "url": urls::relative(dir, &format!("{}index.html", p.dir)),
               "other_module": p.module != lp.pages[index].module, "module_title": module_title})
    };
    if pos > 0 {
        ctx.insert("prev".into(), link(order[pos - 1]));
    }
    if pos + 1 < order.len() {
        ctx.insert("next".into(), link(order[pos + 1]));
    }
}

/// Reading time in minutes: 200 words a minute, or 400 characters a minute for scripts
/// written without spaces (Chinese, Japanese), where counting words would say "1 minute".
pub fn reading_minutes(text: &str) -> u32 {
    let mut cjk = 0usize;
    let mut words = 0usize;
    let mut in_word = false;
    for c in text.chars() {
        // Whitespace and ASCII punctuation end a word; every other character belongs to one
        // (cheaper than a full Unicode alphabetic lookup on Cyrillic or Persian text).
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                words += usize::from(!in_word);
                in_word = true;
            } else {
                in_word = false;
            }
        } else if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_whitespace() {
            in_word = false;
        } else {
            words += usize::from(!in_word);
            in_word = true;
        }
    }
    let minutes = words as f64 / 200.0 + cjk as f64 / 400.0;
    minutes.ceil().max(1.0) as u32
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The whole module on one page: introduction, then every lesson, ids prefixed per lesson.
pub fn render_print(view: &SiteView<'_>, lp: &LocalePlan, mi: usize) -> Output {
    render_print_with(view, lp, mi, None)
}

/// The print page, from the lessons' marked bodies when the caller has them.
fn render_print_with(view: &SiteView<'_>, lp: &LocalePlan, mi: usize, bodies: Option<&[String]>) -> Output {
    let m = &lp.modules[mi];
    let mp = &lp.pages[m.page];
    let dir = format!("{}print/", mp.dir);
    let intro = render_body(view, lp, mp, "intro--", &dir);
    let mut diagnostics = Vec::new();
    let lessons: Vec<Value> = m
        .lessons
        .iter()
        .enumerate()
        .map(|(n, &li)| {
            let p = &lp.pages[li];
            let slug = p.dir.trim_end_matches('/').rsplit('/').next().unwrap_or("lesson");
            let prefix = format!("{slug}--");
            let html = match bodies.and_then(|b| b.get(n)) {
                Some(marked) => marked.replace(ID_MARK, &prefix),
                None => {
                    let body = render_body(view, lp, p, &prefix, &dir);
                    diagnostics.extend(body.diagnostics.into_iter().filter(|d| !d.is_error()));
                    body.html
                }
            };
            let d = view.doc(p);
            let w = view.locales.get(&p.tree);
            json!({"number": n + 1, "id": format!("lesson-{slug}"), "title": d.front.title, "summary": d.front.summary,
                   "content": html, "duration": d.front.duration, "fallback": p.fallback, "answers": answer_key(d),
                   "written_in": {"code": p.tree, "dir": w.map(|l| l.dir.as_str()).unwrap_or("ltr")}})
        })
        .collect();
    let mut ctx = base_context(view, lp, &dir, PageKey::Print(mp.rel.clone()));
    let md = view.doc(mp);
    let w = view.locales.get(&mp.tree);
    ctx.insert("page".into(), json!({"kind": "print", "title": md.front.title, "summary": md.front.summary, "content": intro.html,
        "fallback": mp.fallback, "outdated": false, "written_in": {"code": mp.tree, "dir": w.map(|l| l.dir.as_str()).unwrap_or("ltr")}}));
    ctx.insert("module".into(), module_value(view, lp, mi, &dir, None));
    ctx.insert("lessons".into(), Value::Array(lessons));
    let mut out = finish(view, "print.html", ctx, &format!("{dir}index.html"), &md.display.to_string_lossy());
    out.diagnostics.extend(diagnostics);
    out
}

/// The quizzes of a lesson with their answers, for the answer key of the printable module.
fn answer_key(doc: &SourceFile) -> Vec<Value> {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut yaml: Option<String> = None;
    for ev in Parser::new(&doc.body) {
        match ev {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if info.split_whitespace().next() == Some("quiz") => yaml = Some(String::new()),
            Event::Text(t) => {
                if let Some(y) = yaml.as_mut() {
                    y.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(q) = yaml.take().and_then(|y| crate::quiz::parse(&y, &doc.display, 0).ok()) {
                    let correct: Vec<&str> = q.choices.iter().filter(|c| c.correct).map(|c| c.text.as_str()).collect();
                    out.push(json!({"question": q.question, "correct": correct, "explanation": q.explanation}));
                }
            }
            _ => {}
        }
    }
    out
}

/// The glossary page of a locale, sorted by the language's collation, with an index of letters.
pub fn render_glossary(view: &SiteView<'_>, lp: &LocalePlan) -> Output {
    let locale = view.locale(lp);
    let dir = format!("{}/glossary/", locale.code);
    let mut entries = view.glossaries[lp.locale].clone();
    glossary::sort(&mut entries, &locale.code);
    let by_id: std::collections::HashMap<&str, &LocalizedEntry> = entries.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for e in &entries {
        let letter = glossary::initial(&e.term);
        let see: Vec<Value> = e.see_also.iter().filter_map(|s| by_id.get(s.as_str())).map(|s| json!({"id": s.id, "term": s.term})).collect();
        let differs = !e.written_in.starts_with(locale.language());
        let v = json!({"id": e.id, "term": e.term, "definition": e.definition, "see_also": see,
                       "lang": if differs { Some(e.written_in.clone()) } else { None }});
        match groups.last_mut() {
            Some((l, list)) if *l == letter => list.push(v),
            _ => groups.push((letter, vec![v])),
        }
    }
    let groups: Vec<Value> = groups
        .into_iter()
        .enumerate()
        .map(|(i, (letter, list))| json!({"letter": letter, "id": format!("letter-{}", i + 1), "entries": list}))
        .collect();
    let mut ctx = base_context(view, lp, &dir, PageKey::Glossary);
    ctx.insert("page".into(), json!({"kind": "glossary", "title": view.messages.text(locale, "glossary-title"), "fallback": false}));
    ctx.insert("groups".into(), Value::Array(groups));
    ctx.insert("breadcrumbs".into(), json!([{"title": view.messages.text(locale, "nav-home"), "url": urls::relative(&dir, &format!("{}/index.html", locale.code))}]));
    finish(view, "glossary.html", ctx, &format!("{dir}index.html"), "glossary")
}

/// The search page of a locale; the index itself is a separate script.
pub fn render_search(view: &SiteView<'_>, lp: &LocalePlan) -> Output {
    let locale = view.locale(lp);
    let dir = format!("{}/search/", locale.code);
    let mut ctx = base_context(view, lp, &dir, PageKey::Search);
    ctx.insert("page".into(), json!({"kind": "search", "title": view.messages.text(locale, "search-title"), "fallback": false}));
    ctx.insert("search_index_url".into(), json!(urls::relative(&dir, &format!("assets/search/{}.js", locale.code))));
    ctx.insert("breadcrumbs".into(), json!([{"title": view.messages.text(locale, "nav-home"), "url": urls::relative(&dir, &format!("{}/index.html", locale.code))}]));
    finish(view, "search.html", ctx, &format!("{dir}index.html"), "search")
}

/// The root language chooser and the 404 page, in the default locale's chrome.
pub fn render_root_pages(view: &SiteView<'_>) -> Vec<Output> {
    let lp = view.default_plan();
    let mut out = Vec::new();
    for (template, path) in [("chooser.html", "index.html"), ("404.html", "404.html")] {
        let mut ctx = base_context(view, lp, "", PageKey::Root);
        let langs: Vec<Value> = view
            .locales
            .all
            .iter()
            .zip(view.visible)
            .filter(|(_, v)| **v)
            .map(|(l, _)| {
                let welcome = view.messages.text(l, "chooser-enter");
                json!({"code": l.code, "name": l.name, "dir": l.dir.as_str(), "url": format!("{}/index.html", urls::encode_path(&l.code)), "enter": welcome})
            })
            .collect();
        ctx.insert("languages".into(), Value::Array(langs));
        ctx.insert("page".into(), json!({"kind": template.trim_end_matches(".html"), "title": view.config.title, "fallback": false}));
        out.push(finish(view, template, ctx, path, template));
    }
    out
}

/// Serialises a value for a template (kept for site templates that want raw JSON).
pub fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_counts_characters_in_chinese() {
        let zh = "献血".repeat(800); // 1,600 characters: four minutes at 400 a minute
        assert_eq!(reading_minutes(&zh), 4);
        let en = "word ".repeat(1000);
        assert_eq!(reading_minutes(&en), 5);
        assert_eq!(reading_minutes(""), 1);
    }
}
