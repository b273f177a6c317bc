//! What a page's Markdown can call: built-in shortcodes (`t`, `term`, `callout`, `figure`),
//! site shortcodes from `templates/shortcodes/`, knowledge checks, and link targets.

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::glossary::LocalizedEntry;
use crate::locale::Locale;
use crate::markdown::{Env, Host, Rendered};
use crate::messages::{ArgValue, Messages, fluent_args};
use crate::model::Content;
use crate::quiz;
use crate::resolve::LocalePlan;
use crate::shortcodes::{Arg, Call};
use crate::templates::Templates;
use crate::urls;
use serde_json::json;

/// Built-in shortcodes, with their arguments (required ones first, `?` marks optional ones).
const BUILTINS: &[(&str, &[&str])] = &[("t", &["key"]), ("term", &["id", "text?"]), ("callout", &["kind", "title?"]), ("figure", &["src", "alt", "caption?"])];

const CALLOUT_KINDS: &[&str] = &["fact", "tip", "warning", "myth"];

/// Everything a page in one locale needs to resolve its Markdown.
pub struct PageHost<'a> {
    pub locale: &'a Locale,
    pub plan: &'a LocalePlan,
    /// Plan of the default locale, for links to pages a `skip` locale leaves out.
    pub default_plan: &'a LocalePlan,
    pub content: &'a Content,
    pub messages: &'a Messages,
    pub templates: &'a Templates,
    pub glossary: &'a [LocalizedEntry],
    /// The locale tree the page's text comes from, when it is not the page's locale (a
    /// fallback): a glossary entry is marked when its language differs from that text's.
    pub text_tree: Option<&'a str>,
    pub remote_policy: crate::config::RemoteAssets,
    pub remote_store: Option<&'a crate::remote::fetch::Store>,
}

impl Host for PageHost<'_> {
    fn page_dir(&self, rel: &str) -> Option<String> {
        self.plan.page_dir(rel).or_else(|| self.default_plan.page_dir(rel)).map(str::to_string)
    }

    fn unavailable(&self, rel: &str) -> Option<crate::model::Unavailable> {
        // The site's shape comes from the source tree, the last of every chain.
        let source = self.locale.chain.last()?;
        self.content.unavailable(source, rel)
    }

    fn pages(&self) -> Vec<(String, String)> {
        self.plan.pages.iter().chain(&self.default_plan.pages).map(|p| (p.rel.clone(), p.dir.clone())).collect()
    }

    fn assets(&self) -> Vec<String> {
        self.locale.chain.iter().filter_map(|tag| self.content.trees.get(tag)).flat_map(|t| t.assets.keys().cloned()).collect()
    }

    fn asset(&self, logical: &str) -> Option<String> {
        self.locale
            .chain
            .iter()
            .any(|tag| self.content.trees.get(tag).is_some_and(|t| t.assets.contains_key(logical)))
            .then(|| format!("{}/{}", self.locale.code, logical))
    }

    fn shortcode(&self, call: &Call, body: Option<&Rendered>, env: &Env<'_>) -> Result<Rendered, String> {
        if let Some((_, params)) = BUILTINS.iter().find(|(n, _)| *n == call.name) {
            if call.name != "t" {
                check_args(call, params)?;
            }
            return match call.name.as_str() {
                "t" => self.t(call),
                "term" => self.term(call, env),
                "callout" => self.callout(call, body),
                "figure" => self.figure(call, env),
                _ => unreachable!("every built-in is matched above"),
            };
        }
        let template = format!("shortcodes/{}.html", call.name);
        if !self.templates.has(&template) {
            let mut known: Vec<String> = BUILTINS.iter().map(|(n, _)| n.to_string()).collect();
            known.extend(self.templates.shortcode_names());
            known.sort();
            known.dedup();
            let hint = match did_you_mean(&call.name, known.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("known shortcodes: {}", known.join(", ")),
            };
            return Err(format!("unknown shortcode `{}` ({hint})", call.name));
        }
        let mut ctx = tera::Context::new();
        ctx.insert("lang", &self.locale.code);
        ctx.insert("dir", self.locale.dir.as_str());
        for (k, v) in &call.args {
            ctx.insert(k.clone(), v);
        }
        ctx.insert("args", &call.args);
        ctx.insert("body", &body.map(|b| b.html.clone()).unwrap_or_default());
        ctx.insert("root", &urls::to_root(env.page_dir));
        let html =
            self.templates.render(&template, &ctx).map_err(|e| format!("shortcode `{}` failed ({}): {e}", call.name, self.templates.origin(&template)))?;
        Ok(Rendered { html, text: body.map(|b| b.text.clone()).unwrap_or_default(), ..Rendered::default() })
    }

    fn quiz(&self, yaml: &str, env: &Env<'_>, fence_line: usize) -> Result<String, Diagnostic> {
        let q = quiz::parse(yaml, env.display, fence_line)?;
        let id = env.next_id("quiz");
        let choices: Vec<_> = q
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| json!({"id": format!("{id}-{i}"), "text": c.text, "correct": c.correct, "feedback": c.feedback}))
            .collect();
        let correct: Vec<&str> = q.choices.iter().filter(|c| c.correct).map(|c| c.text.as_str()).collect();
        let mut ctx = tera::Context::new();
        ctx.insert("lang", &self.locale.code);
        ctx.insert(
            "quiz",
            &json!({"id": id, "question": q.question, "multiple": q.multiple, "choices": choices,
                    "explanation": q.explanation, "correct": correct}),
        );
        self.templates.render("partials/quiz.html", &ctx).map_err(|e| Diagnostic::error(env.display, fence_line, 1, format!("quiz template failed: {e}")))
    }

    fn ui(&self, key: &str) -> String {
        self.messages.text(self.locale, key)
    }

    fn remote_policy(&self) -> crate::config::RemoteAssets {
        self.remote_policy
    }

    fn remote_asset(&self, url: &str) -> Result<String, String> {
        match self.remote_store {
            Some(store) => store.resolve(url),
            None => Err(format!("`{url}` has no local copy")),
        }
    }
}

impl PageHost<'_> {
    fn t(&self, call: &Call) -> Result<Rendered, String> {
        let Some(key) = call.args.get("key").and_then(Arg::as_str) else {
            return Err("shortcode `t` needs `key=\"message-id\"`".to_string());
        };
        let pairs: Vec<(&str, ArgValue)> = call
            .args
            .iter()
            .filter(|(k, _)| k.as_str() != "key")
            .map(|(k, v)| {
                let v = match v {
                    Arg::Num(n) => ArgValue::Number(*n),
                    Arg::Str(s) => ArgValue::Text(s.clone()),
                    Arg::Bool(b) => ArgValue::Text(b.to_string()),
                };
                (k.as_str(), v)
            })
            .collect();
        let args = fluent_args(pairs);
        let f = self.messages.format(self.locale, key, Some(&args))?;
        Ok(Rendered { html: urls::escape_attr(&f.text), text: f.text, ..Rendered::default() })
    }

    fn term(&self, call: &Call, env: &Env<'_>) -> Result<Rendered, String> {
        let id = call.args.get("id").and_then(Arg::as_str).ok_or("shortcode `term` needs `id=\"…\"`")?;
        let Some(entry) = self.glossary.iter().find(|e| e.id == id) else {
            let hint = did_you_mean(id, self.glossary.iter().map(|e| e.id.as_str()))
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_else(|| if self.glossary.is_empty() { " (the site has no content/glossary.yaml)".into() } else { String::new() });
            return Err(format!("unknown glossary term `{id}`{hint}"));
        };
        let shown = call.args.get("text").and_then(Arg::as_str).unwrap_or(&entry.term);
        let tip = env.next_id("term");
        let href = urls::relative(env.page_dir, &format!("{}/glossary/index.html", self.locale.code));
        // The definition is in the entry's language; the link text too unless the page gave its own.
        let text_lang = self.text_tree.unwrap_or(&self.locale.code);
        let differs = entry.written_in != text_lang && entry.written_in.split('-').next() != text_lang.split('-').next();
        let lang_attr = if differs {
            let dir = entry.written_in.parse().map(|l| crate::locale::direction_of(&l)).unwrap_or(self.locale.dir);
            format!(" lang=\"{}\" dir=\"{}\"", urls::escape_attr(&entry.written_in), dir.as_str())
        } else {
            String::new()
        };
        let shown_lang = if call.args.contains_key("text") { "" } else { lang_attr.as_str() };
        let html = format!(
            "<span class=\"term\"><a href=\"{href}#term-{}\" aria-describedby=\"{tip}\"{shown_lang}>{}</a><span class=\"term-tip\" role=\"tooltip\" id=\"{tip}\"{lang_attr}>{}</span></span>",
            urls::escape_attr(&entry.id),
            urls::escape_attr(shown),
            urls::escape_attr(&entry.definition),
        );
        Ok(Rendered { html, text: shown.to_string(), ..Rendered::default() })
    }

    fn callout(&self, call: &Call, body: Option<&Rendered>) -> Result<Rendered, String> {
        let kind = call.args.get("kind").and_then(Arg::as_str).ok_or("shortcode `callout` needs `kind`")?;
        if !CALLOUT_KINDS.contains(&kind) {
            return Err(format!("unknown callout kind `{kind}`: expected one of {}", CALLOUT_KINDS.join(", ")));
        }
        let Some(body) = body else {
            return Err("`callout` is a block shortcode: write `{% callout(kind=\"…\") %}…{% end %}`".to_string());
        };
        let mut ctx = tera::Context::new();
        ctx.insert("lang", &self.locale.code);
        ctx.insert("kind", kind);
        ctx.insert("title", &call.args.get("title").and_then(Arg::as_str));
        ctx.insert("body", &body.html);
        let html = self.templates.render("shortcodes/callout.html", &ctx)?;
        Ok(Rendered { html, text: body.text.clone(), ..Rendered::default() })
    }

    fn figure(&self, call: &Call, env: &Env<'_>) -> Result<Rendered, String> {
        let src = call.args.get("src").and_then(Arg::as_str).ok_or("shortcode `figure` needs `src`")?;
        let alt = call.args.get("alt").and_then(Arg::as_str).ok_or("shortcode `figure` needs `alt` (a description of the image)")?;
        if crate::remote::is_remote(src) && self.remote_policy == crate::config::RemoteAssets::Link {
            let caption = call.args.get("caption").and_then(Arg::as_str).unwrap_or_default();
            let html = format!("<p>{}</p>\n", crate::remote::link_html(src, alt, &self.ui("remote-asset-note")));
            let diagnostics = vec![crate::remote::linked(env.display, 0, 0, src)];
            return Ok(Rendered { html, text: caption.to_string(), diagnostics, ..Rendered::default() });
        }
        let fetched =
            if crate::remote::is_remote(src) && self.remote_policy == crate::config::RemoteAssets::Fetch { Some(self.remote_asset(src)?) } else { None };
        if fetched.is_none() && urls::is_external(src) {
            return Err(format!(
                "figure `{src}` is loaded from another host, which breaks the offline copy \
                 (or set `offline: {{ remote_assets: link }}` or `fetch` in site.yaml)"
            ));
        }
        if fetched.is_none() && (src.starts_with('/') || src.contains('\\')) {
            return Err(format!("figure `{src}` must be a path relative to this file"));
        }
        let out = match fetched {
            Some(out) => out,
            None => {
                let logical = urls::join_logical(env.rel, &urls::percent_decode(src))
                    .ok_or_else(|| format!("figure `{src}` is outside the site's content folder; it was not read"))?;
                self.asset(&logical).ok_or_else(|| format!("figure image `{src}` not found (looked for {logical})"))?
            }
        };
        let mut ctx = tera::Context::new();
        ctx.insert("lang", &self.locale.code);
        ctx.insert("src", &urls::relative(env.page_dir, &out));
        ctx.insert("alt", alt);
        ctx.insert("caption", &call.args.get("caption").and_then(Arg::as_str));
        let html = self.templates.render("shortcodes/figure.html", &ctx)?;
        let text = call.args.get("caption").and_then(Arg::as_str).unwrap_or_default().to_string();
        let mut diagnostics = Vec::new();
        if alt.trim().is_empty() {
            diagnostics.push(
                Diagnostic::warning(env.display, 0, 0, format!("figure `{src}` has an empty `alt`"))
                    .with_hint("describe what the image shows, for readers who cannot see it: alt=\"A donor resting after donation\""),
            );
        }
        Ok(Rendered { html, text, diagnostics, ..Rendered::default() })
    }
}

/// Rejects unknown and missing arguments of a built-in shortcode.
fn check_args(call: &Call, params: &[&str]) -> Result<(), String> {
    let names: Vec<&str> = params.iter().map(|p| p.trim_end_matches('?')).collect();
    for k in call.args.keys() {
        if !names.contains(&k.as_str()) {
            let hint = did_you_mean(k, names.iter().copied()).map(|s| format!("; did you mean `{s}`?")).unwrap_or_default();
            return Err(format!("shortcode `{}` has no argument `{k}` (expected: {}){hint}", call.name, names.join(", ")));
        }
    }
    for p in params.iter().filter(|p| !p.ends_with('?')) {
        match call.args.get(*p) {
            None => return Err(format!("shortcode `{}` is missing the argument `{p}`", call.name)),
            Some(Arg::Str(_)) => {}
            Some(_) => return Err(format!("shortcode `{}`: argument `{p}` must be a quoted string", call.name)),
        }
    }
    Ok(())
}
