//! The build pipeline, in the order it runs: load → resolve → render → write.

use crate::config::{self, SiteConfig};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::glossary;
use crate::linkcheck;
use crate::load::{self, LoadOptions};
use crate::locale::{self, Locales};
use crate::messages::Messages;
use crate::model::Content;
use crate::render::{self, Output, PageFacts, SiteView};
use crate::resolve;
use crate::search;
use crate::sitemap;
use crate::templates::Templates;
use crate::theme::{self, Theme};
use crate::write::{self, Staging};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What `build` and `check` were asked to do.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; `None` means `<root>/public`.
    pub out: Option<PathBuf>,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// False for `check`: everything is rendered and checked, nothing is written.
    pub write: bool,
    /// Only these locales are written and linked (an offline bundle of one locale and its
    /// fallback chain); `None` means every locale.
    pub visible_locales: Option<Vec<String>>,
    /// `build --deny-warnings`: any warning (the translation warnings of `check` included)
    /// fails the build, and nothing is written.
    pub deny_warnings: bool,
    /// Replace an existing output folder that donorbook did not make (deleting what is in it).
    pub force: bool,
    /// `--offline`: remote assets come from `remote.lock` and its cache only, never the network.
    pub offline: bool,
}

/// A loaded site: configuration, locales, theme, messages and content.
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub locales: Arc<Locales>,
    pub theme: Theme,
    pub messages: Arc<Messages>,
    pub content: Content,
}

/// The outcome of a build.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub diagnostics: Vec<Diagnostic>,
    pub out: PathBuf,
    /// Locale code → pages written.
    pub pages: Vec<(String, usize)>,
    /// Locale code → bytes of the search index.
    pub search_index_bytes: Vec<(String, usize)>,
    pub files_written: usize,
    pub elapsed: Duration,
    /// Remote assets shown as links (`offline.remote_assets: link`); `check` lists each one.
    pub remote_links: usize,
    /// What happened to the output folder.
    pub output: OutputFate,
    /// No `sitemap.xml` was written: sitemaps need absolute URLs, so a base URL.
    pub no_sitemap: bool,
}

/// What a build did to its output folder, so the command line says the truth.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum OutputFate {
    /// Nothing was written and there was no previous output (or this was `check`).
    #[default]
    NotWritten,
    /// The output folder was refused before anything was read or written.
    Refused,
    /// The build failed; the previous output is exactly as it was.
    Kept,
    /// The output is the new build: `changed` files written, `removed` removed, the rest untouched.
    Updated { changed: usize, removed: usize },
    /// The build failed while moving files into the output, which now holds part of it.
    Partial,
}

impl BuildReport {
    pub fn ok(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Stage 1: reads the whole site. `None` when the configuration itself is unusable.
pub fn load_site(root: &Path, drafts: bool, diags: &Diagnostics) -> Option<Site> {
    let mut config = match config::load(root) {
        Ok(c) => c,
        Err(ds) => {
            diags.extend(ds);
            return None;
        }
    };
    if let Some(b) = config.base_url.as_mut() {
        if !b.ends_with('/') {
            b.push('/');
        }
    }
    let site_yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap_or_default();
    let locales = match locale::resolve_locales(&config, &site_yaml) {
        Ok(l) => l,
        Err(ds) => {
            diags.extend(ds);
            return None;
        }
    };
    diags.extend(locale::undeclared_locale_dirs(root, &locales));
    let theme = theme::load(root, &config.theme, diags);
    let messages = Messages::load(root, &theme, &locales, diags);
    let content = load::load_content(root, &locales, LoadOptions { drafts }, diags);
    if content.structure.home.is_none() {
        diags.push(Diagnostic::error("content/_index.md", 0, 0, "the site has no home page").with_hint("create content/_index.md with a `title`"));
    }
    Some(Site { root: root.to_path_buf(), config, locales: Arc::new(locales), theme, messages: Arc::new(messages), content })
}

/// Runs the whole pipeline. Errors are collected in the report; the output folder is replaced
/// only when there are none.
pub fn build(opts: &BuildOptions) -> BuildReport {
    Session::start(opts).1
}

/// A finished build kept in memory, so `serve` can re-render only the pages an edit touches.
pub struct Session {
    opts: BuildOptions,
    site: Site,
    plan: resolve::Plan,
    templates: Templates,
    glossaries: Vec<Vec<glossary::LocalizedEntry>>,
    visible: Vec<bool>,
    facts: Vec<PageFacts>,
    out: PathBuf,
    /// Fetched remote assets (`offline.remote_assets: fetch`).
    remote: Option<crate::remote::fetch::Store>,
}

impl Session {
    fn view(&self) -> SiteView<'_> {
        SiteView {
            visible: &self.visible,
            config: &self.site.config,
            locales: &self.site.locales,
            content: &self.site.content,
            plan: &self.plan,
            messages: &self.site.messages,
            templates: &self.templates,
            glossaries: &self.glossaries,
            remote: self.remote.as_ref(),
        }
    }

    /// A full build. The session is returned when the build succeeded (or, for `check`, ran).
    pub fn start(opts: &BuildOptions) -> (Option<Session>, BuildReport) {
        let start = Instant::now();
        let diags = Diagnostics::new();
        let root = &opts.root;
        let out_dir = opts.out.clone().unwrap_or_else(|| root.join("public"));
        let mut report = BuildReport { out: out_dir.clone(), ..BuildReport::default() };
        let existing = if opts.write {
            match write::check_output_dir(root, &out_dir).and_then(|()| write::inspect_output(&out_dir, opts.force)) {
                Ok(existing) => Some(existing),
                Err(e) => {
                    report.diagnostics.push(Diagnostic::error(crate::diagnostics::display_path(&out_dir), 0, 0, e));
                    report.output = OutputFate::Refused;
                    return (None, report);
                }
            }
        } else {
            None
        };
        if existing.as_ref().is_some_and(|e| *e != write::Existing::Nothing) {
            report.output = OutputFate::Kept;
        }
        let timer = Timings::new();
        let Some(mut site) = load_site(root, opts.drafts, &diags) else {
            report.diagnostics = diags.into_sorted();
            return (None, report);
        };
        if let Some(b) = &opts.base_url {
            site.config.base_url = Some(if b.ends_with('/') { b.clone() } else { format!("{b}/") });
        }
        timer.lap("load");
        let plan = resolve::plan(&site.content, &site.locales, site.config.untranslated);
        timer.lap("resolve");
        let templates = match Templates::new(&site.theme, site.messages.clone(), site.locales.clone()) {
            Ok(t) => t,
            Err(ds) => {
                diags.extend(ds);
                report.diagnostics = diags.into_sorted();
                return (None, report);
            }
        };
        let default_code = site.locales.default_locale().code.clone();
        let glossaries = site.locales.all.iter().map(|l| glossary::for_locale(&site.content, l, &default_code)).collect();
        check_glossary_links(&site, &diags);
        let visible: Vec<bool> = site.locales.all.iter().map(|l| opts.visible_locales.as_ref().is_none_or(|v| v.contains(&l.code))).collect();
        let mut session = Session { opts: opts.clone(), site, plan, templates, glossaries, visible, facts: Vec::new(), out: out_dir.clone(), remote: None };
        if session.site.config.offline.remote_assets == config::RemoteAssets::Fetch {
            match crate::remote::fetch::Store::open(root, opts.offline) {
                Ok(store) => session.remote = Some(store),
                Err(e) => diags.push(Diagnostic::error(crate::remote::fetch::LOCK_FILE, 0, 0, e)),
            }
        }

        let staging = if let Some(existing) = existing {
            match Staging::new(&out_dir, existing) {
                Ok(s) => Some(s),
                Err(e) => {
                    diags.push(Diagnostic::error(crate::diagnostics::display_path(&out_dir), 0, 0, format!("cannot create the output folder: {e}")));
                    report.diagnostics = diags.into_sorted();
                    return (None, report);
                }
            }
        } else {
            None
        };
        // Every output path and who claimed it (`None`: donorbook itself), so a site file that
        // would overwrite a generated page is an error instead.
        let claimed: Claims = Mutex::default();
        let writer = |rel: &str, bytes: &[u8]| {
            claimed.lock().unwrap_or_else(|e| e.into_inner()).entry(rel.to_string()).or_insert(None);
            if let Some(s) = &staging {
                if let Err(e) = s.write(rel, bytes) {
                    diags.push(Diagnostic::error(rel, 0, 0, format!("cannot write: {e}")));
                }
            }
        };
        if !opts.write || opts.deny_warnings {
            diags.extend(translation_warnings(&session.site));
        }
        timer.lap("prepare");
        let view = session.view();
        let links = Mutex::new(Vec::new());
        let mut facts = render_all(&view, &diags, &writer, &links);
        timer.lap("render+write pages");
        check_anchors(&view, &facts, &diags);
        report.search_index_bytes = write_search_indexes(&view, &mut facts, &writer);
        timer.lap("search index");
        match sitemap::sitemap(&view) {
            Some(xml) => writer("sitemap.xml", xml.as_bytes()),
            None => report.no_sitemap = true,
        }
        if let Some(robots) = sitemap::robots(&view) {
            writer("robots.txt", robots.as_bytes());
        }
        copy_assets(&session.site, view.visible, &writer, &diags, &claimed);
        copy_remote_assets(view.remote, &writer, &diags);
        timer.lap("assets");
        check_written_links(links.into_inner().unwrap_or_else(|e| e.into_inner()), &claimed, &diags);
        timer.lap("link check");
        report.pages = view
            .plan
            .locales
            .iter()
            .filter(|lp| view.visible[lp.locale])
            .map(|lp| (view.locales.all[lp.locale].code.clone(), lp.pages.len() + lp.modules.len() + 2))
            .collect();
        report.files_written = facts.len();
        session.facts = facts;
        report.diagnostics = diags.into_sorted();
        let has_errors = !report.ok() || (opts.deny_warnings && !report.diagnostics.is_empty());
        if opts.write && !opts.deny_warnings {
            // A build counts the linked remote assets in its summary; `check` lists them.
            let before = report.diagnostics.len();
            report.diagnostics.retain(|d| !crate::remote::is_linked_warning(d));
            report.remote_links = before - report.diagnostics.len();
        }
        if let Some(s) = staging.filter(|_| !has_errors) {
            match s.commit() {
                Ok(synced) => report.output = OutputFate::Updated { changed: synced.changed, removed: synced.removed },
                Err(e) => {
                    let what = if e.partial { "cannot finish updating the output folder" } else { "cannot update the output folder" };
                    report.diagnostics.push(Diagnostic::error(crate::diagnostics::display_path(&out_dir), 0, 0, format!("{what}: {}", e.message)));
                    if e.partial {
                        report.output = OutputFate::Partial;
                    }
                }
            }
        }
        timer.lap("commit");
        report.elapsed = start.elapsed();
        let ok = report.ok();
        (ok.then_some(session), report)
    }

    /// Re-renders only what an edit to the *text* of Markdown files touches: those pages in every
    /// locale that shows them, and the printable module page. Returns `None` when the change
    /// needs a full build (a new, removed or renamed file, changed front matter, templates,
    /// strings, configuration or assets, or a missing output). The search index is left as it
    /// was until then.
    /// On errors nothing is written and the previous pages stay.
    pub fn update(&mut self, changed: &[PathBuf]) -> Option<BuildReport> {
        if !self.out.join(write::MARKER).is_file() {
            return None; // the output was deleted: only a full build brings it back
        }
        let start = Instant::now();
        let root = self.opts.root.canonicalize().unwrap_or_else(|_| self.opts.root.clone());
        let diags = Diagnostics::new();
        let mut touched: Vec<(String, String)> = Vec::new();
        for path in changed {
            let (tag, rel) = self.content_file(&root, path)?;
            let old = self.site.content.doc(&tag, &rel)?;
            let display = old.display.clone();
            let is_source = tag == self.site.locales.default_locale().code;
            match load::read_source(path, &display, &rel, &tag, is_source) {
                Ok(new) => {
                    let same_front = serde_json::to_value(&new.front).ok() == serde_json::to_value(&old.front).ok();
                    if !same_front {
                        return None;
                    }
                    self.site.content.trees.get_mut(&tag)?.docs.insert(rel.clone(), new);
                    touched.push((tag, rel));
                }
                Err(d) => diags.push(d),
            }
        }
        let mut report = BuildReport { out: self.out.clone(), ..BuildReport::default() };
        // The facts are updated in place (and restored on errors) rather than copied: an edit
        // must not cost a pass over the whole site.
        let mut facts = std::mem::take(&mut self.facts);
        let view = self.view();
        let mut outputs = Vec::new();
        let mut prints = HashSet::new();
        for lp in view.plan.locales.iter().filter(|lp| view.visible[lp.locale]) {
            for (i, page) in lp.pages.iter().enumerate() {
                if touched.iter().any(|(t, r)| *t == page.tree && *r == page.rel) {
                    outputs.push(render::render_page(&view, lp, i));
                    if let Some(m) = page.module {
                        prints.insert((lp.locale, m));
                    }
                }
            }
        }
        for (li, m) in prints {
            outputs.push(render::render_print(&view, &view.plan.locales[li], m));
        }
        for o in &mut outputs {
            diags.extend(std::mem::take(&mut o.diagnostics));
        }
        let mut replaced: Vec<(usize, PageFacts)> = Vec::new();
        for f in outputs.iter_mut().filter_map(|o| o.facts.take()) {
            if let Some(i) = facts.iter().position(|x| x.locale == f.locale && x.rel == f.rel) {
                replaced.push((i, std::mem::replace(&mut facts[i], f)));
            }
        }
        check_anchors(&view, &facts, &diags);
        if diags.has_errors() {
            for (i, old) in replaced {
                facts[i] = old;
            }
        } else {
            for o in outputs.iter().filter(|o| !o.html.is_empty()) {
                if let Err(e) = write::replace_file(&self.out.join(&o.path), &o.html) {
                    diags.push(Diagnostic::error(&o.path, 0, 0, format!("cannot write: {e}")));
                }
            }
        }
        self.facts = facts;
        report.files_written = outputs.len();
        report.diagnostics = diags.into_sorted();
        report.elapsed = start.elapsed();
        Some(report)
    }

    /// (locale tree, logical path) of a Markdown file in `content/` or `locales/<tag>/content/`.
    fn content_file(&self, root: &Path, path: &Path) -> Option<(String, String)> {
        let path = path.canonicalize().ok()?;
        let rel = path.strip_prefix(root).ok()?;
        let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        if !parts.last()?.ends_with(".md") {
            return None;
        }
        let default = self.site.locales.default_locale().code.clone();
        match parts.as_slice() {
            [first, rest @ ..] if first == "content" => Some((default, rest.join("/"))),
            [first, tag, content, rest @ ..] if first == "locales" && content == "content" => Some((tag.clone(), rest.join("/"))),
            _ => None,
        }
    }
}

/// Phase timings on stderr when `DONORBOOK_TIMINGS` is set (for profiling, not for users).
struct Timings {
    on: bool,
    last: std::cell::Cell<Instant>,
}

impl Timings {
    fn new() -> Self {
        Timings { on: std::env::var_os("DONORBOOK_TIMINGS").is_some(), last: std::cell::Cell::new(Instant::now()) }
    }

    fn lap(&self, what: &str) {
        if self.on {
            let now = Instant::now();
            eprintln!("  {what:<22} {:>8.1} ms", (now - self.last.get()).as_secs_f64() * 1000.0);
            self.last.set(now);
        }
    }
}

/// A unit of rendering work.
enum Job {
    Page(usize, usize),
    Module(usize, usize),
    Glossary(usize),
    Search(usize),
    Catalogue(usize),
    Root,
}

/// Renders every page in parallel, writes each as soon as it is ready, and keeps the facts.
fn render_all(view: &SiteView<'_>, diags: &Diagnostics, writer: &(dyn Fn(&str, &[u8]) + Sync), links: &Mutex<Vec<linkcheck::PageLinks>>) -> Vec<PageFacts> {
    let mut jobs = vec![Job::Root];
    for (li, lp) in view.plan.locales.iter().enumerate().filter(|(li, _)| view.visible[*li]) {
        // Modules are rendered as a whole (page, lessons, print); other pages one by one.
        jobs.extend((0..lp.pages.len()).filter(|&p| lp.pages[p].module.is_none()).map(|p| Job::Page(li, p)));
        jobs.extend((0..lp.modules.len()).map(|m| Job::Module(li, m)));
        jobs.push(Job::Glossary(li));
        jobs.push(Job::Search(li));
        if lp.catalogue.is_none() {
            jobs.push(Job::Catalogue(li));
        }
    }
    jobs.par_iter()
        .flat_map_iter(|job| {
            let outs: Vec<Output> = match *job {
                Job::Page(li, p) => vec![render::render_page(view, &view.plan.locales[li], p)],
                Job::Module(li, m) => render::render_module(view, &view.plan.locales[li], m),
                Job::Glossary(li) => vec![render::render_glossary(view, &view.plan.locales[li])],
                Job::Search(li) => vec![render::render_search(view, &view.plan.locales[li])],
                Job::Catalogue(li) => vec![render::render_default_catalogue(view, &view.plan.locales[li])],
                Job::Root => render::render_root_pages(view),
            };
            outs.into_iter().filter_map(|o| {
                if !o.html.is_empty() {
                    writer(&o.path, &o.html);
                    let found = linkcheck::internal_links(&o.path, &o.html);
                    links.lock().unwrap_or_else(|e| e.into_inner()).push(linkcheck::PageLinks {
                        page: o.path.clone(),
                        template: o.template.clone(),
                        links: found,
                    });
                }
                diags.extend(o.diagnostics);
                o.facts
            })
        })
        .collect()
}

/// `check` only: stale translations and Fluent messages a locale has not translated.
fn translation_warnings(site: &Site) -> Vec<Diagnostic> {
    use crate::l10n::{self, PageState};
    let mut out = Vec::new();
    let default = &site.locales.default_locale().code;
    let Some(source) = site.content.trees.get(default) else { return out };
    for locale in site.locales.all.iter().filter(|l| &l.code != default) {
        let tag = &locale.code;
        let tree = site.content.trees.get(tag);
        for orphan in l10n::orphans(site, locale, default) {
            let Some(doc) = tree.and_then(|t| t.docs.get(&orphan.rel)) else { continue };
            let mut d = Diagnostic::warning(&doc.display, 1, 1, format!("orphaned translation: content/{} does not exist", orphan.rel));
            if let Some(h) = orphan.hint {
                d = d.with_hint(h);
            }
            out.push(d);
        }
        for rel in source.docs.keys() {
            // Pages inherited from a same-language ancestor are reported in that ancestor.
            let Some(doc) = tree.and_then(|t| t.docs.get(rel)) else { continue };
            match l10n::page_state(&site.content, locale, default, rel) {
                PageState::Stale => out.push(
                    Diagnostic::warning(&doc.display, 1, 1, format!("stale translation: content/{rel} changed since it was translated"))
                        .with_hint(format!("update the text, then run `donorbook l10n stamp {tag} {}`", doc.display.display())),
                ),
                PageState::Unstamped => out.push(
                    Diagnostic::warning(&doc.display, 1, 1, "translation has no `source_hash`, so its staleness is unknown")
                        .with_hint(format!("run `donorbook l10n stamp {tag} {}`", doc.display.display())),
                ),
                _ => {}
            }
        }
        let messages = l10n::message_states(site, locale, default);
        for key in &messages.missing {
            out.push(Diagnostic::warning(format!("locales/{tag}/site.ftl"), 0, 0, format!("message `{key}` is not translated into `{tag}`")));
        }
        for (key, suggestion) in &messages.unused {
            // Where the message is defined was recorded when the `.ftl` files were read.
            let (file, line) = site
                .messages
                .key_origin
                .get(&(tag.clone(), key.clone()))
                .map(|(p, l)| (crate::diagnostics::display_path(p), *l))
                .unwrap_or_else(|| (format!("locales/{tag}/site.ftl"), 0));
            let mut d = Diagnostic::warning(
                file,
                line,
                if line > 0 { 1 } else { 0 },
                format!("message `{key}` is not used: no page, template or source locale has it"),
            );
            if let Some(s) = suggestion {
                d = d.with_hint(format!("did you mean `{s}`?"));
            }
            out.push(d);
        }
    }
    out
}

/// Above this many headings in the target page, a broken anchor gets no "did you mean".
const MAX_SUGGESTION_CANDIDATES: usize = 2_000;

/// Every `#anchor` a page links to must exist in the target page as rendered in that locale.
fn check_anchors(view: &SiteView<'_>, facts: &[PageFacts], diags: &Diagnostics) {
    let ids: HashMap<(usize, &str), HashSet<&str>> = facts
        .iter()
        .map(|f| ((f.locale, f.rel.as_str()), f.headings.iter().map(|h| h.id.as_str()).chain(f.raw_ids.iter().map(String::as_str)).collect()))
        .collect();
    let default = view.locales.default;
    let mut suggestions: HashMap<(usize, &str, &str), Option<&str>> = HashMap::new();
    for f in facts {
        for a in &f.anchors {
            let found = |loc: usize| ids.get(&(loc, a.target_rel.as_str())).map(|s| s.contains(a.anchor.as_str()));
            let here = found(f.locale).or_else(|| found(default));
            if here == Some(true) || ids_from_other_markup(&a.anchor) {
                continue;
            }
            let in_source = found(default) == Some(true);
            let target = &a.target_rel;
            if in_source && f.locale != default {
                let code = &view.locales.all[f.locale].code;
                diags.push(
                    Diagnostic::warning(
                        &f.display,
                        a.line,
                        a.col,
                        format!("`#{}` exists in the source of `{target}` but not in its `{code}` translation", a.anchor),
                    )
                    .with_hint(format!("keep the id in the translated heading: `## Translated heading {{#{}}}`", a.anchor)),
                );
            } else {
                let mut d = Diagnostic::error(&f.display, a.line, a.col, format!("link to `#{}` in `{target}`: no such heading", a.anchor));
                let suggestion = suggestions.entry((f.locale, target.as_str(), a.anchor.as_str())).or_insert_with(|| {
                    let known = ids.get(&(f.locale, target.as_str()));
                    // An edit distance to every heading of every page is quadratic: pages with
                    // thousands of headings get no suggestion.
                    known.filter(|k| k.len() <= MAX_SUGGESTION_CANDIDATES).and_then(|k| crate::diagnostics::did_you_mean(&a.anchor, k.iter().copied()))
                });
                if let Some(s) = suggestion {
                    d = d.with_hint(format!("did you mean `#{s}`?"));
                }
                diags.push(d);
            }
        }
    }
}

/// Anchors made by donorbook itself rather than headings (footnotes, quizzes, terms).
fn ids_from_other_markup(anchor: &str) -> bool {
    anchor.starts_with("fn-") || anchor.starts_with("fnref-") || anchor.starts_with("quiz-")
}

/// `see_also` entries must name glossary ids that exist.
fn check_glossary_links(site: &Site, diags: &Diagnostics) {
    for (tag, entries) in &site.content.glossaries {
        let file = if *tag == site.locales.default_locale().code { "content/glossary.yaml".to_string() } else { format!("locales/{tag}/glossary.yaml") };
        let ids: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        let source_ids: HashSet<&str> =
            site.content.glossaries.get(&site.locales.default_locale().code).map(|g| g.iter().map(|e| e.id.as_str()).collect()).unwrap_or_default();
        for e in entries {
            for s in &e.see_also {
                if !ids.contains(s.as_str()) && !source_ids.contains(s.as_str()) {
                    diags.push(Diagnostic::error(&file, 0, 0, format!("entry `{}`: see_also names `{s}`, which is not in the glossary", e.id)));
                }
            }
            if !source_ids.contains(e.id.as_str()) {
                diags.push(Diagnostic::warning(&file, 0, 0, format!("entry `{}` has no source entry in content/glossary.yaml and is not shown", e.id)));
            }
        }
    }
}

/// One search index script per locale; returns their sizes. The pages' texts move into the
/// indexes (nothing after this needs them), so the largest strings of a build are not copied.
fn write_search_indexes(view: &SiteView<'_>, facts: &mut [PageFacts], writer: &(dyn Fn(&str, &[u8]) + Sync)) -> Vec<(String, usize)> {
    let mut by_locale: BTreeMap<usize, Vec<search::SearchDoc>> = BTreeMap::new();
    for f in facts {
        let code = &view.locales.all[f.locale].code;
        let url = format!("{}index.html", f.dir.strip_prefix(&format!("{code}/")).unwrap_or(&f.dir));
        by_locale.entry(f.locale).or_default().push(search::SearchDoc {
            url,
            title: f.title.clone(),
            section: f.section.clone(),
            text: std::mem::take(&mut f.text),
            text_lang: f.text_lang.clone(),
            section_lang: f.section_lang.clone(),
        });
    }
    let jobs: Vec<(usize, Vec<search::SearchDoc>)> =
        (0..view.locales.all.len()).filter(|i| view.visible[*i]).map(|i| (i, by_locale.remove(&i).unwrap_or_default())).collect();
    jobs.into_par_iter()
        .map(|(i, docs)| {
            let l = &view.locales.all[i];
            let js = search::build_index_js(&l.code, &docs);
            writer(&format!("assets/search/{}.js", l.code), js.as_bytes());
            (l.code.clone(), js.len())
        })
        .collect()
}

/// Theme static files to `assets/`, the site's `static/` to the root, colocated content files
/// beside their pages in every locale (the nearest version along the chain).
fn copy_assets(site: &Site, visible: &[bool], writer: &(dyn Fn(&str, &[u8]) + Sync), diags: &Diagnostics, claimed: &Claims) {
    for (rel, bytes) in &site.theme.statics {
        writer(&format!("assets/{rel}"), bytes);
    }
    let static_dir = site.root.join("static");
    let has_static = load::readable_dir(&static_dir, Path::new("static")).unwrap_or_else(|d| {
        diags.push(d);
        false
    });
    if has_static {
        for (rel, abs) in load::files_under(&static_dir, "static", diags) {
            match std::fs::read(&abs) {
                Ok(b) => {
                    let display = format!("static/{rel}");
                    check_svg(site, &display, &b, diags);
                    if portable_static(&rel, diags) && claim(claimed, &rel, &display, diags) {
                        writer(&rel, &b)
                    }
                }
                Err(e) => diags.push(Diagnostic::error(format!("static/{rel}"), 0, 0, format!("cannot read: {e}"))),
            }
        }
    }
    let jobs: Vec<(String, String, PathBuf)> = site
        .locales
        .all
        .iter()
        .zip(visible)
        .filter(|(_, v)| **v)
        .flat_map(|(l, _)| {
            let mut chosen: BTreeMap<&str, &PathBuf> = BTreeMap::new();
            for tag in l.chain.iter().rev() {
                if let Some(t) = site.content.trees.get(tag) {
                    for (rel, abs) in &t.assets {
                        chosen.insert(rel, abs);
                    }
                }
            }
            chosen.into_iter().map(|(rel, abs)| (l.code.clone(), rel.to_string(), abs.clone())).collect::<Vec<_>>()
        })
        .collect();
    jobs.par_iter().for_each(|(code, rel, abs)| match std::fs::read(abs) {
        Ok(b) => {
            let display = crate::diagnostics::display_path(&crate::diagnostics::rel_to(&site.root, abs));
            check_svg(site, &display, &b, diags);
            let out = format!("{code}/{rel}");
            if claim(claimed, &out, &display, diags) {
                writer(&out, &b)
            }
        }
        Err(e) => diags.push(Diagnostic::error(crate::diagnostics::rel_to(&site.root, abs), 0, 0, format!("cannot read: {e}"))),
    });
}

/// Whether every part of a static file's path can be published; an error names the first
/// part that cannot (the folder once, whatever it holds).
fn portable_static(rel: &str, diags: &Diagnostics) -> bool {
    let mut at = String::from("static");
    for part in rel.split('/') {
        at.push('/');
        at.push_str(part);
        if let Some(why) = crate::urls::unportable_name(part) {
            diags.push(Diagnostic::error(&at, 0, 0, format!("this name cannot be published: {why}")).with_hint("rename it"));
            return false;
        }
    }
    true
}

/// Output path → the site file written there, `None` for what donorbook generates.
type Claims = Mutex<HashMap<String, Option<String>>>;

/// Claims `out` for the site file `display`; an error when a generated page, a theme file or
/// another site file is already written there (`static/index.html`, `content/…/index.html`).
fn claim(claimed: &Claims, out: &str, display: &str, diags: &Diagnostics) -> bool {
    let mut map = claimed.lock().unwrap_or_else(|e| e.into_inner());
    match map.get(out) {
        None => {
            map.insert(out.to_string(), Some(display.to_string()));
            true
        }
        Some(owner) => {
            let by = match owner {
                Some(other) => format!("`{other}` is written there too"),
                None => "donorbook writes that file itself".to_string(),
            };
            diags.push(
                Diagnostic::error(display, 0, 0, format!("this file would overwrite `{out}` in the output: {by}"))
                    .with_hint("rename or move the file (to change a generated page, override its template in templates/)"),
            );
            false
        }
    }
}

/// An SVG with scripts or event handlers runs them when a reader opens it: refused unless the
/// site allows raw HTML as it is (`markdown.raw_html: allow`), where it is a warning.
fn check_svg(site: &Site, display: &str, bytes: &[u8], diags: &Diagnostics) {
    if !display.to_ascii_lowercase().ends_with(".svg") {
        return;
    }
    let Some(what) = crate::svg::active_content(bytes) else { return };
    let message = format!("this SVG holds active content ({what}), which runs when a reader opens the image");
    let d = if site.config.markdown.raw_html == config::RawHtml::Allow {
        Diagnostic::warning(display, 0, 0, message)
    } else {
        Diagnostic::error(display, 0, 0, message).with_hint("remove the script or handler from the drawing (`markdown.raw_html: allow` accepts it)")
    };
    diags.push(d);
}

/// Every internal link of every written page points at a written file (see [`linkcheck`]).
fn check_written_links(pages: Vec<linkcheck::PageLinks>, written: &Claims, diags: &Diagnostics) {
    let written = written.lock().unwrap_or_else(|e| e.into_inner());
    for p in pages {
        for (url, target) in p.links {
            if !written.contains_key(&target) {
                diags.push(
                    Diagnostic::error(&p.template, 0, 0, format!("`{}` links to `{url}`, but the build wrote no `{target}`", p.page))
                        .with_hint("a template may only link to pages the site generates; check the condition around this link in the template"),
                );
            }
        }
    }
}

/// The local copies of fetched remote assets, and `remote.lock` when the build added to it.
fn copy_remote_assets(store: Option<&crate::remote::fetch::Store>, writer: &(dyn Fn(&str, &[u8]) + Sync), diags: &Diagnostics) {
    let Some(store) = store else { return };
    for (out, cached) in store.used() {
        match std::fs::read(&cached) {
            Ok(b) => {
                if let Some(what) = out.ends_with(".svg").then(|| crate::svg::active_content(&b)).flatten() {
                    let url = store.url_of(&out).unwrap_or_default();
                    diags.push(Diagnostic::error(crate::remote::fetch::LOCK_FILE, 0, 0, format!("the SVG fetched from `{url}` holds active content ({what})")));
                }
                writer(&out, &b)
            }
            Err(e) => diags.push(Diagnostic::error(crate::diagnostics::display_path(&cached), 0, 0, format!("cannot read: {e}"))),
        }
    }
    if let Err(e) = store.save() {
        diags.push(Diagnostic::error(crate::remote::fetch::LOCK_FILE, 0, 0, e));
    }
}

/// A human summary of a finished build: pages per locale, search index sizes, time taken.
pub fn summary(report: &BuildReport) -> String {
    let pages: usize = report.pages.iter().map(|(_, n)| n).sum();
    let per_locale: Vec<String> = report.pages.iter().map(|(c, n)| format!("{c} {n}")).collect();
    let index: Vec<String> = report.search_index_bytes.iter().map(|(c, b)| format!("{c} {} KiB", b.div_ceil(1024))).collect();
    let files = match report.output {
        OutputFate::Updated { changed, removed } => format!(" ({changed} files written, {removed} removed, the rest unchanged)"),
        _ => String::new(),
    };
    let mut s = format!(
        "built {pages} pages in {} locales ({}) in {:.2}s → {}{files}\nsearch index per locale: {}",
        report.pages.len(),
        per_locale.join(", "),
        report.elapsed.as_secs_f64(),
        report.out.display(),
        index.join(", ")
    );
    if report.no_sitemap {
        s.push_str("\nno sitemap.xml: a sitemap needs absolute URLs (build with --base-url https://… to write one)");
    }
    if report.remote_links > 0 {
        let n = report.remote_links;
        let assets = if n == 1 { "asset" } else { "assets" };
        s.push_str(&format!("\n{n} remote {assets} shown as links to the original, not embedded (`donorbook check` lists them)"));
    }
    s
}
