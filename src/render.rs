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
use crate::resolve::{LocalePlan, Plan, PlannedPage};
use crate::templates::Templates;
use crate::urls;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use tera::{Context, Value};

/// A template map, built field by field. Tera values share their strings and collections, so a
/// part computed once (a module's lesson list) is cheap to reuse on every page that shows it.
#[derive(Default)]
struct Obj(tera::Map);

impl Obj {
    fn new() -> Obj {
        Obj::default()
    }

    fn set(mut self, key: &'static str, value: impl Into<Value>) -> Obj {
        self.0.insert(key.into(), value.into());
        self
    }

    fn done(self) -> Value {
        Value::from(self.0)
    }
}

/// Any serialisable model value (front matter `extra`, kinds, headings) as a template value.
fn ser<T: Serialize + ?Sized>(v: &T) -> Value {
    Value::try_from_serializable(v).unwrap_or_else(|_| Value::none())
}

fn list<T>(items: impl IntoIterator<Item = T>, f: impl FnMut(T) -> Value) -> Value {
    Value::from(items.into_iter().map(f).collect::<Vec<Value>>())
}

fn strings(v: &[String]) -> Value {
    list(v, |s| Value::from(s.as_str()))
}

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
    /// Fetched remote assets, with `offline.remote_assets: fetch`.
    pub remote: Option<&'a crate::remote::fetch::Store>,
}

/// Identity of a page across locales, for the language switcher and hreflang.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageKey {
    Root,
    Source(String),
    Glossary,
    Search,
    /// The module catalogue a site without `content/modules/_index.md` still gets.
    Catalogue,
    Print(String),
}

/// A page written to disk, and what later checks and the search index need from it.
#[derive(Debug, Default)]
pub struct Output {
    /// Path relative to the output root.
    pub path: String,
    /// The page, as written to disk.
    pub html: Vec<u8>,
    pub facts: Option<PageFacts>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the template that rendered the page comes from, for the link check's messages.
    pub template: String,
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
    /// Ids written in raw HTML (`<aside id="…">`), which links may target like headings.
    pub raw_ids: Vec<String>,
    pub display: String,
    pub kind: Option<Kind>,
    /// Language and direction of the title and text, when they are not the locale's (a fallback).
    pub text_lang: Option<(String, String)>,
    /// The same for `section` (a translated lesson of an untranslated module, or the reverse).
    pub section_lang: Option<(String, String)>,
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
            remote_policy: self.config.offline.remote_assets,
            remote_store: self.remote,
            text_tree: None,
        }
    }

    /// Whether the page is published as a translation in that locale: it exists and is not a
    /// fallback (a fallback shows another locale's text and points its canonical link there).
    pub fn published(&self, locale_index: usize, key: &PageKey) -> bool {
        let lp = &self.plan.locales[locale_index];
        match key {
            PageKey::Root | PageKey::Glossary | PageKey::Search | PageKey::Catalogue => true,
            PageKey::Source(rel) | PageKey::Print(rel) => lp.by_rel.get(rel).is_some_and(|&i| !lp.pages[i].fallback),
        }
    }

    /// The folder of the page a fallback page shows the text of (its tree's version), when
    /// that locale is part of this build.
    fn fallback_source(&self, lp: &LocalePlan, key: &PageKey) -> Option<String> {
        let (PageKey::Source(rel) | PageKey::Print(rel)) = key else { return None };
        let page = &lp.pages[*lp.by_rel.get(rel)?];
        let tree = self.locales.all.iter().position(|l| l.code == page.tree).filter(|&i| self.visible[i])?;
        self.dir_in(tree, key)
    }

    /// The URL search engines get for a page folder: absolute with a base URL, else relative
    /// to `from` (the folder of the page that links).
    pub fn public_url(&self, from: &str, dir: &str) -> String {
        match &self.config.base_url {
            Some(b) => format!("{}/{}", b.trim_end_matches('/'), urls::encode_path(dir)),
            None => urls::relative(from, &format!("{dir}index.html")),
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
            PageKey::Catalogue => Some(format!("{code}/modules/")),
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
        used_ids: RefCell::default(),
    };
    let host = PageHost { text_tree: Some(&page.tree), ..view.host(lp) };
    markdown::render(&doc.body, &env, &host)
}

/// Renders one content page (home, catalogue, module, lesson or standalone page).
pub fn render_page(view: &SiteView<'_>, lp: &LocalePlan, index: usize) -> Output {
    render_page_keeping_body(view, lp, index, None).0
}

/// Renders a page and also returns its body HTML, for the printable module.
fn render_page_keeping_body(view: &SiteView<'_>, lp: &LocalePlan, index: usize, cached: Option<&LessonModule>) -> (Output, String) {
    let page = &lp.pages[index];
    let doc = view.doc(page);
    // The printable module namespaces this body's ids per lesson afterwards (no marker in the
    // text: an author's own characters must survive); lesson and print folders are at the
    // same depth, so relative URLs are the same in both.
    let body = render_body(view, lp, page, "", &page.dir);
    let marked = body.html.clone();
    let mut ctx = base_context(view, lp, &page.dir, PageKey::Source(page.rel.clone()));
    let locale = view.locale(lp);
    let toc = list(body.headings.iter().filter(|h| h.level == 2 || h.level == 3), |h| {
        Obj::new().set("level", h.level).set("id", h.id.as_str()).set("text", h.text.as_str()).done()
    });
    let page_value = Obj::new()
        .set("kind", ser(&page.kind))
        .set("title", doc.front.title.as_str())
        .set("summary", doc.front.summary.as_deref())
        .set("content", body.html.as_str())
        .set("toc", toc)
        .set("duration", doc.front.duration)
        .set("objectives", strings(&doc.front.objectives))
        .set("audience", strings(&doc.front.audience))
        .set("extra", ser(&doc.front.extra))
        .set("reading_minutes", reading_minutes(&body.text))
        .set("fallback", page.fallback)
        .set("outdated", is_outdated(view, page, doc))
        .set("written_in", written_in(view, &page.tree, locale))
        .done();
    ctx.insert_value("page", page_value);
    ctx.insert_value("breadcrumbs", breadcrumbs(view, lp, page));
    if let Some(mi) = page.module {
        let module = match (cached, page.lesson) {
            (Some(c), Some(n)) => c.for_lesson(n),
            _ => module_value(view, lp, mi, &page.dir, page.lesson),
        };
        ctx.insert_value("module", module);
    }
    if page.kind == Kind::Lesson {
        add_prev_next(view, lp, index, &mut ctx);
    }
    let template = doc.front.template.clone().unwrap_or_else(|| default_template(page.kind).to_string());
    let module_page = page.module.map(|mi| &lp.pages[lp.modules[mi].page]);
    let section = module_page.map(|mp| view.doc(mp).front.title.clone()).unwrap_or_default();
    let mut out = finish(view, &template, ctx, &format!("{}index.html", page.dir), &doc.display.to_string_lossy());
    out.diagnostics.extend(body.diagnostics);
    if matches!(page.kind, Kind::Module | Kind::Lesson) && doc.front.summary.as_deref().is_none_or(|s| s.trim().is_empty()) {
        out.diagnostics.push(
            Diagnostic::warning(&doc.display, 2, 1, "no `summary`: lists, search results and the page description will be empty")
                .with_hint("add `summary: One or two sentences.` to the front matter"),
        );
    }
    let raw_ids = if body.html.contains(" id=") { raw_ids(&body.html, &body.headings) } else { Vec::new() };
    out.facts = Some(PageFacts {
        raw_ids,
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
        text_lang: fallback_lang(view, page),
        section_lang: module_page.and_then(|mp| fallback_lang(view, mp)),
    });
    (out, marked)
}

/// Ids in a page body other than its headings' (raw HTML, footnotes, quizzes).
fn raw_ids(html: &str, headings: &[Heading]) -> Vec<String> {
    // A set, not a scan of the headings per id: pages with thousands of headings stay linear.
    let heading_ids: HashSet<&str> = headings.iter().map(|h| h.id.as_str()).collect();
    crate::htmltags::tags(html)
        .iter()
        .filter_map(|t| t.attr("id"))
        .map(|a| crate::htmltags::decode_attr(a.value))
        .filter(|id| !heading_ids.contains(id.as_str()))
        .collect()
}

/// A module's page, its lessons and its printable version, rendered together so each
/// lesson's Markdown is rendered only once.
pub fn render_module(view: &SiteView<'_>, lp: &LocalePlan, mi: usize) -> Vec<Output> {
    let m = &lp.modules[mi];
    let mut out = vec![render_page(view, lp, m.page)];
    let mut bodies = Vec::with_capacity(m.lessons.len());
    let cached = LessonModule::new(view, lp, mi);
    for &li in &m.lessons {
        let (o, marked) = render_page_keeping_body(view, lp, li, cached.as_ref());
        out.push(o);
        bodies.push(marked);
    }
    out.push(render_print_with(view, lp, mi, Some(&bodies)));
    out
}

/// The locale a page's text is written in (its tree), as templates see it: code, name and
/// direction, for the fallback notice and the `lang`/`dir` of the text.
fn written_in(view: &SiteView<'_>, tree: &str, page_locale: &Locale) -> Value {
    let written = view.locales.get(tree);
    Obj::new()
        .set("code", tree)
        .set("name", written.map(|l| l.name.as_str()).unwrap_or(tree))
        .set("dir", written.map(|l| l.dir.as_str()).unwrap_or(page_locale.dir.as_str()))
        .done()
}

/// Tag and direction of a fallback page's text; `None` when the page is in its locale's language.
fn fallback_lang(view: &SiteView<'_>, page: &PlannedPage) -> Option<(String, String)> {
    page.fallback.then(|| (page.tree.clone(), view.locales.get(&page.tree).map(|l| l.dir.as_str()).unwrap_or("ltr").to_string()))
}

/// `lang` and `dir` of a page's text when it is in another language than the page around it
/// (a fallback), so a right-to-left page keeps English punctuation at the English end.
fn text_lang(obj: Obj, view: &SiteView<'_>, page: &PlannedPage) -> Obj {
    match fallback_lang(view, page) {
        Some((lang, dir)) => obj.set("lang", lang).set("dir", dir),
        None => obj.set("lang", Value::none()).set("dir", Value::none()),
    }
}

/// A translation whose source changed after it was stamped: readers are told, as many
/// documentation projects do by hand. The decision is [`crate::l10n`]'s, shared with `check`
/// and `l10n status`.
fn is_outdated(view: &SiteView<'_>, page: &PlannedPage, doc: &SourceFile) -> bool {
    crate::l10n::shown_page_is_stale(view.content, &view.locales.default_locale().code, &page.tree, &page.rel, doc)
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
fn finish(view: &SiteView<'_>, template: &str, ctx: Context, path: &str, display: &str) -> Output {
    let mut out = Output { path: path.to_string(), template: view.templates.origin(template), ..Output::default() };
    if !view.templates.has(template) {
        out.diagnostics.push(Diagnostic::error(display, 0, 0, format!("template `{template}` does not exist")));
        return out;
    }
    match view.templates.render_bytes(template, &ctx) {
        Ok(html) => out.html = html,
        Err(e) => out.diagnostics.push(Diagnostic::error(view.templates.origin(template), 0, 0, format!("rendering {display} with `{template}` failed: {e}"))),
    }
    out
}

/// Values every template gets: site, locale, relative roots, navigation, language versions.
fn base_context(view: &SiteView<'_>, lp: &LocalePlan, dir: &str, key: PageKey) -> Context {
    // Lesson, module and print pages carry their own module instead of the whole list.
    let list_modules = !matches!(&key, PageKey::Source(rel) if lp.by_rel.get(rel).is_some_and(|&i| matches!(lp.pages[i].kind, Kind::Lesson | Kind::Module)))
        && !matches!(key, PageKey::Print(_));
    let locale = view.locale(lp);
    let code = &locale.code;
    let root = urls::to_root(dir);
    let rel = |to: &str| urls::relative(dir, to);
    let title = view.messages.format(locale, "site-title", None).map(|f| f.text).unwrap_or_else(|_| view.config.title.clone());
    let modules = list(lp.modules.iter().filter(|_| list_modules), |m| {
        let p = &lp.pages[m.page];
        let d = view.doc(p);
        text_lang(Obj::new(), view, p)
            .set("title", d.front.title.as_str())
            .set("url", rel(&format!("{}index.html", p.dir)))
            .set("current", dir.starts_with(&p.dir))
            .set("summary", d.front.summary.as_deref())
            .set("duration", d.front.duration)
            .set("lesson_count", m.lessons.len())
            .set("slug", m.slug.as_str())
            .set("fallback", p.fallback)
            .done()
    });
    let (translations, x_default) = translations(view, lp, dir, &key);
    let mut ctx = Context::new();
    ctx.insert_value("site", Obj::new().set("title", title).set("base_url", view.config.base_url.as_deref()).set("extra", ser(&view.config.extra)).done());
    ctx.insert_value("lang", Value::from(code.as_str()));
    ctx.insert_value("dir", Value::from(locale.dir.as_str()));
    ctx.insert_value("locale", Obj::new().set("code", code.as_str()).set("name", locale.name.as_str()).set("dir", locale.dir.as_str()).done());
    ctx.insert_value("assets", Value::from(format!("{root}assets/")));
    ctx.insert_value("root", Value::from(root));
    ctx.insert_value("home_url", Value::from(rel(&format!("{code}/index.html"))));
    ctx.insert_value("catalogue_url", Value::from(rel(&format!("{code}/modules/index.html"))));
    ctx.insert_value("glossary_url", Value::from(rel(&format!("{code}/glossary/index.html"))));
    ctx.insert_value("search_url", Value::from(rel(&format!("{code}/search/index.html"))));
    ctx.insert_value("chooser_url", Value::from(rel("index.html")));
    ctx.insert_value("modules", modules);
    ctx.insert_value("translations", translations);
    ctx.insert_value("x_default", Value::from(x_default));
    let canonical = match view.fallback_source(lp, &key) {
        Some(source) if !view.published(lp.locale, &key) => Some(view.public_url(dir, &source)),
        _ => canonical(view, dir),
    };
    ctx.insert_value("canonical", Value::from(canonical));
    ctx.insert_value("progress_key", Value::from(progress_key(view, code)));
    ctx.insert_value("has_glossary", Value::from(!view.glossaries[lp.locale].is_empty()));
    ctx.insert_value("module", Value::none());
    ctx.insert_value("prev", Value::none());
    ctx.insert_value("next", Value::none());
    ctx.insert_value("breadcrumbs", Value::from(Vec::<Value>::new()));
    ctx
}

/// The page's versions in every locale (for the switcher), the `<link rel=alternate>` of each
/// published one, and the x-default URL: the root language chooser for a locale's home, else
/// the default locale's version. A fallback page is no translation: it has no alternates, and
/// no page names it as one.
fn translations(view: &SiteView<'_>, lp: &LocalePlan, dir: &str, key: &PageKey) -> (Value, Option<String>) {
    let mut out = Vec::new();
    let mut x_default = None;
    let annotated = view.published(lp.locale, key) && *key != PageKey::Root;
    for (i, l) in view.locales.all.iter().enumerate().filter(|(i, _)| view.visible[*i]) {
        let found = view.dir_in(i, key);
        let target = found.as_ref().map(|d| format!("{d}index.html")).unwrap_or_else(|| format!("{}/index.html", l.code));
        let alternate = found.as_ref().filter(|_| annotated && view.published(i, key)).map(|d| view.public_url(dir, d));
        if i == view.locales.default && alternate.is_some() {
            x_default = alternate.clone();
        }
        out.push(
            Obj::new()
                .set("code", l.code.as_str())
                .set("name", l.name.as_str())
                .set("dir", l.dir.as_str())
                .set("url", urls::relative(dir, &target))
                .set("exists", found.is_some())
                .set("alternate", alternate)
                .set("current", i == lp.locale)
                .done(),
        );
    }
    let is_home = matches!(key, PageKey::Source(rel) if lp.home.is_some_and(|h| lp.pages[h].rel == *rel));
    if is_home && annotated {
        x_default = Some(view.public_url(dir, ""));
    }
    (Value::from(out), x_default)
}

/// The prefix of the browser-storage keys that remember finished lessons: one per site (its
/// title and default locale, which do not change between builds or hosts) and locale, so two
/// sites opened from disk, or two languages of one site, never mix their progress.
fn progress_key(view: &SiteView<'_>, code: &str) -> String {
    use sha2::{Digest, Sha256};
    let site = Sha256::digest(format!("{}\n{}", view.config.title, view.locales.default_locale().code).as_bytes());
    let id: String = site.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("donorbook:{id}:{code}:done:")
}

fn canonical(view: &SiteView<'_>, dir: &str) -> Option<String> {
    view.config.base_url.as_ref().map(|b| format!("{}/{}", b.trim_end_matches('/'), urls::encode_path(dir)))
}

fn crumb(title: impl Into<Value>, url: String) -> Value {
    Obj::new().set("title", title).set("url", url).done()
}

/// A crumb to a page whose title may be in another language than the page it is shown on.
fn page_crumb(view: &SiteView<'_>, page: &PlannedPage, url: String) -> Value {
    text_lang(Obj::new(), view, page).set("title", view.doc(page).front.title.as_str()).set("url", url).done()
}

fn breadcrumbs(view: &SiteView<'_>, lp: &LocalePlan, page: &PlannedPage) -> Value {
    let locale = view.locale(lp);
    let rel = |to: &str| urls::relative(&page.dir, to);
    let mut out = vec![crumb(view.messages.text(locale, "nav-home"), rel(&format!("{}/index.html", locale.code)))];
    if matches!(page.kind, Kind::Module | Kind::Lesson) {
        out.push(crumb(view.messages.text(locale, "nav-modules"), rel(&format!("{}/modules/index.html", locale.code))));
    }
    if let (Kind::Lesson, Some(mi)) = (page.kind, page.module) {
        let mp = &lp.pages[lp.modules[mi].page];
        out.push(page_crumb(view, mp, rel(&format!("{}index.html", mp.dir))));
    }
    Value::from(out)
}

/// One lesson of a module as templates see it in the module's lesson list.
fn lesson_row(view: &SiteView<'_>, lp: &LocalePlan, mi: usize, n: usize, dir: &str, current: bool) -> Value {
    let m = &lp.modules[mi];
    let p = &lp.pages[m.lessons[n]];
    let d = view.doc(p);
    text_lang(Obj::new(), view, p)
        .set("title", d.front.title.as_str())
        .set("summary", d.front.summary.as_deref())
        .set("duration", d.front.duration)
        .set("number", n + 1)
        .set("url", urls::relative(dir, &format!("{}index.html", p.dir)))
        .set("current", current)
        .set("fallback", p.fallback)
        .set("id", format!("{}/{}", m.slug, p.dir.trim_end_matches('/').rsplit('/').next().unwrap_or("")))
        .done()
}

/// A module as templates see it: its page, lessons (with the current one marked), print URL.
fn module_value(view: &SiteView<'_>, lp: &LocalePlan, mi: usize, dir: &str, current: Option<usize>) -> Value {
    let rows = (0..lp.modules[mi].lessons.len()).map(|n| lesson_row(view, lp, mi, n, dir, current == Some(n))).collect();
    module_with(view, lp, mi, dir, rows, current)
}

fn module_with(view: &SiteView<'_>, lp: &LocalePlan, mi: usize, dir: &str, lessons: Vec<Value>, current: Option<usize>) -> Value {
    let m = &lp.modules[mi];
    let mp = &lp.pages[m.page];
    let md = view.doc(mp);
    // Saturating: a few lessons of `duration: 4000000000` must not wrap to a small number.
    let total: u32 =
        md.front.duration.unwrap_or_else(|| m.lessons.iter().filter_map(|&li| view.doc(&lp.pages[li]).front.duration).fold(0u32, u32::saturating_add));
    text_lang(Obj::new(), view, mp)
        .set("title", md.front.title.as_str())
        .set("summary", md.front.summary.as_deref())
        .set("slug", m.slug.as_str())
        .set("url", urls::relative(dir, &format!("{}index.html", mp.dir)))
        .set("print_url", urls::relative(dir, &format!("{}print/index.html", mp.dir)))
        .set("objectives", strings(&md.front.objectives))
        .set("audience", strings(&md.front.audience))
        .set("duration", total)
        .set("lessons", lessons)
        .set("lesson_count", m.lessons.len())
        .set("lesson_number", current.map(|c| c + 1))
        .done()
}

/// The module as its lesson pages see it, computed once per module: lessons are sibling
/// folders, so every other lesson's relative URL is the same from each of them; only the
/// current lesson's own row differs.
struct LessonModule<'v, 'a> {
    view: &'v SiteView<'a>,
    lp: &'v LocalePlan,
    mi: usize,
    /// A folder beside the lessons that is none of them (`…/<module>/\0/`).
    sibling: String,
    rows: Vec<Value>,
}

impl<'v, 'a> LessonModule<'v, 'a> {
    /// `None` when the lessons are not all folders of one parent.
    fn new(view: &'v SiteView<'a>, lp: &'v LocalePlan, mi: usize) -> Option<Self> {
        let parent = |li: usize| {
            let dir = lp.pages[li].dir.trim_end_matches('/');
            dir.rfind('/').map(|i| &dir[..=i])
        };
        let lessons = &lp.modules[mi].lessons;
        let first = parent(*lessons.first()?)?;
        if lessons.iter().any(|&li| parent(li) != Some(first)) {
            return None;
        }
        let sibling = format!("{first}\u{0}/");
        let rows = (0..lessons.len()).map(|n| lesson_row(view, lp, mi, n, &sibling, false)).collect();
        Some(LessonModule { view, lp, mi, sibling, rows })
    }

    fn for_lesson(&self, n: usize) -> Value {
        let mut rows = self.rows.clone();
        if let Some(row) = rows.get_mut(n) {
            let own = &self.lp.pages[self.lp.modules[self.mi].lessons[n]].dir;
            *row = lesson_row(self.view, self.lp, self.mi, n, own, true);
        }
        module_with(self.view, self.lp, self.mi, &self.sibling, rows, Some(n))
    }
}

/// The lessons before and after a lesson, crossing from a module's last lesson into the next
/// module (and back), skipping modules without lessons.
fn neighbours(lp: &LocalePlan, index: usize) -> (Option<usize>, Option<usize>) {
    let page = &lp.pages[index];
    let (Some(mi), Some(pos)) = (page.module, page.lesson) else { return (None, None) };
    let lessons = &lp.modules[mi].lessons;
    if lessons.get(pos) != Some(&index) {
        return (None, None);
    }
    let prev = if pos > 0 { Some(lessons[pos - 1]) } else { lp.modules[..mi].iter().rev().find_map(|m| m.lessons.last().copied()) };
    let next = lessons.get(pos + 1).copied().or_else(|| lp.modules[mi + 1..].iter().find_map(|m| m.lessons.first().copied()));
    (prev, next)
}

/// Previous/next lessons; they cross from a module's last lesson into the next module.
fn add_prev_next(view: &SiteView<'_>, lp: &LocalePlan, index: usize, ctx: &mut Context) {
    let dir = &lp.pages[index].dir;
    let link = |i: usize| {
        let p = &lp.pages[i];
        let module_page = p.module.map(|mi| &lp.pages[lp.modules[mi].page]);
        let module_title = module_page.map(|mp| view.doc(mp).front.title.as_str());
        let module_lang = module_page.filter(|mp| mp.fallback).map(|mp| text_lang(Obj::new(), view, mp).done());
        text_lang(Obj::new(), view, p)
            .set("title", view.doc(p).front.title.as_str())
            .set("url", urls::relative(dir, &format!("{}index.html", p.dir)))
            .set("other_module", p.module != lp.pages[index].module)
            .set("module_title", module_title)
            .set("module_lang", module_lang)
            .done()
    };
    let (prev, next) = neighbours(lp, index);
    if let Some(p) = prev {
        ctx.insert_value("prev", link(p));
    }
    if let Some(n) = next {
        ctx.insert_value("next", link(n));
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
                Some(body) => crate::htmltags::namespace_ids(body, &prefix),
                None => {
                    let body = render_body(view, lp, p, "", &dir);
                    diagnostics.extend(body.diagnostics.into_iter().filter(|d| !d.is_error()));
                    crate::htmltags::namespace_ids(&body.html, &prefix)
                }
            };
            let d = view.doc(p);
            Obj::new()
                .set("number", n + 1)
                .set("id", format!("lesson-{slug}"))
                .set("title", d.front.title.as_str())
                .set("summary", d.front.summary.as_deref())
                .set("content", html)
                .set("duration", d.front.duration)
                .set("fallback", p.fallback)
                .set("answers", answer_key(d))
                .set("written_in", written_in(view, &p.tree, view.locale(lp)))
                .done()
        })
        .collect();
    let mut ctx = base_context(view, lp, &dir, PageKey::Print(mp.rel.clone()));
    let md = view.doc(mp);
    let page = Obj::new()
        .set("kind", "print")
        .set("title", md.front.title.as_str())
        .set("summary", md.front.summary.as_deref())
        .set("content", intro.html)
        .set("fallback", mp.fallback)
        .set("outdated", false)
        .set("written_in", written_in(view, &mp.tree, view.locale(lp)))
        .done();
    ctx.insert_value("page", page);
    ctx.insert_value("module", module_value(view, lp, mi, &dir, None));
    ctx.insert_value("lessons", Value::from(lessons));
    let mut out = finish(view, "print.html", ctx, &format!("{dir}index.html"), &md.display.to_string_lossy());
    out.diagnostics.extend(diagnostics);
    out
}

/// The quizzes of a lesson with their answers, for the answer key of the printable module.
fn answer_key(doc: &SourceFile) -> Value {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    if !doc.body.contains("quiz") {
        return Value::from(out);
    }
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
                    let correct = list(q.choices.iter().filter(|c| c.correct), |c| Value::from(c.text.as_str()));
                    out.push(Obj::new().set("question", q.question).set("correct", correct).set("explanation", q.explanation).done());
                }
            }
            _ => {}
        }
    }
    Value::from(out)
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
        let see_entries: Vec<&&LocalizedEntry> = e.see_also.iter().filter_map(|s| by_id.get(s.as_str())).collect();
        let literals = crate::locale::list_literals(&locale.code, &see_entries.iter().map(|s| s.term.as_str()).collect::<Vec<_>>());
        let see = list(see_entries.iter().zip(&literals), |(s, before)| {
            Obj::new().set("id", s.id.as_str()).set("term", s.term.as_str()).set("before", before.as_str()).done()
        });
        let differs = !e.written_in.starts_with(locale.language());
        let v = Obj::new()
            .set("id", e.id.as_str())
            .set("term", e.term.as_str())
            .set("definition", e.definition.as_str())
            .set("see_also", see)
            .set("see_also_end", literals.last().map(String::as_str).unwrap_or_default())
            .set("lang", if differs { Some(e.written_in.as_str()) } else { None })
            .set("dir", if differs { view.locales.get(&e.written_in).map(|l| l.dir.as_str()) } else { None })
            .done();
        match groups.last_mut() {
            Some((l, list)) if *l == letter => list.push(v),
            _ => groups.push((letter, vec![v])),
        }
    }
    let groups = list(groups.into_iter().enumerate(), |(i, (letter, entries))| {
        Obj::new().set("letter", letter).set("id", format!("letter-{}", i + 1)).set("entries", entries).done()
    });
    let mut ctx = base_context(view, lp, &dir, PageKey::Glossary);
    ctx.insert_value("page", Obj::new().set("kind", "glossary").set("title", view.messages.text(locale, "glossary-title")).set("fallback", false).done());
    ctx.insert_value("groups", groups);
    ctx.insert_value(
        "breadcrumbs",
        Value::from(vec![crumb(view.messages.text(locale, "nav-home"), urls::relative(&dir, &format!("{}/index.html", locale.code)))]),
    );
    finish(view, "glossary.html", ctx, &format!("{dir}index.html"), "glossary")
}

/// The module catalogue of a site without `content/modules/_index.md`: the theme's catalogue
/// template with a localized title, so the navigation's link to it always leads somewhere.
pub fn render_default_catalogue(view: &SiteView<'_>, lp: &LocalePlan) -> Output {
    let locale = view.locale(lp);
    let dir = format!("{}/modules/", locale.code);
    let mut ctx = base_context(view, lp, &dir, PageKey::Catalogue);
    let page = Obj::new()
        .set("kind", "catalogue")
        .set("title", view.messages.text(locale, "nav-modules"))
        .set("summary", Value::none())
        .set("content", "")
        .set("toc", Value::from(Vec::<Value>::new()))
        .set("duration", Value::none())
        .set("objectives", Value::from(Vec::<Value>::new()))
        .set("audience", Value::from(Vec::<Value>::new()))
        .set("extra", Obj::new().done())
        .set("reading_minutes", 1)
        .set("fallback", false)
        .set("outdated", false)
        .set("written_in", Obj::new().set("code", locale.code.as_str()).set("name", locale.name.as_str()).set("dir", locale.dir.as_str()).done())
        .done();
    ctx.insert_value("page", page);
    ctx.insert_value(
        "breadcrumbs",
        Value::from(vec![crumb(view.messages.text(locale, "nav-home"), urls::relative(&dir, &format!("{}/index.html", locale.code)))]),
    );
    finish(view, "catalogue.html", ctx, &format!("{dir}index.html"), "catalogue")
}

/// The search page of a locale; the index itself is a separate script.
pub fn render_search(view: &SiteView<'_>, lp: &LocalePlan) -> Output {
    let locale = view.locale(lp);
    let dir = format!("{}/search/", locale.code);
    let mut ctx = base_context(view, lp, &dir, PageKey::Search);
    ctx.insert_value("page", Obj::new().set("kind", "search").set("title", view.messages.text(locale, "search-title")).set("fallback", false).done());
    ctx.insert_value("search_index_url", Value::from(urls::relative(&dir, &format!("assets/search/{}.js", locale.code))));
    ctx.insert_value(
        "breadcrumbs",
        Value::from(vec![crumb(view.messages.text(locale, "nav-home"), urls::relative(&dir, &format!("{}/index.html", locale.code)))]),
    );
    finish(view, "search.html", ctx, &format!("{dir}index.html"), "search")
}

/// Whether a locale's home is its own text, so the chooser may name it as that language's version.
fn home_published(view: &SiteView<'_>, l: &Locale) -> bool {
    let Some(i) = view.locales.all.iter().position(|x| x.code == l.code) else { return false };
    let lp = &view.plan.locales[i];
    lp.home.is_some_and(|h| !lp.pages[h].fallback)
}

/// The root language chooser and the 404 page, in the default locale's chrome.
pub fn render_root_pages(view: &SiteView<'_>) -> Vec<Output> {
    let lp = view.default_plan();
    let mut out = Vec::new();
    for (template, path) in [("chooser.html", "index.html"), ("404.html", "404.html")] {
        let mut ctx = base_context(view, lp, "", PageKey::Root);
        let langs = list(view.locales.all.iter().zip(view.visible).filter(|(_, v)| **v), |(l, _)| {
            Obj::new()
                .set("code", l.code.as_str())
                .set("name", l.name.as_str())
                .set("dir", l.dir.as_str())
                .set("url", format!("{}/index.html", urls::encode_path(&l.code)))
                .set("alternate", home_published(view, l).then(|| view.public_url("", &format!("{}/", l.code))))
                .set("enter", view.messages.text(l, "chooser-enter"))
                .done()
        });
        ctx.insert_value("languages", langs);
        ctx.insert_value("x_default", Value::from(view.public_url("", "")));
        ctx.insert_value(
            "page",
            Obj::new().set("kind", template.trim_end_matches(".html")).set("title", view.config.title.as_str()).set("fallback", false).done(),
        );
        out.push(finish(view, template, ctx, path, template));
    }
    out
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
