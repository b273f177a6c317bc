//! Tera templates: loads the theme (with site overrides) and registers donorbook's functions.

use crate::diagnostics::Diagnostic;
use crate::locale::Locales;
use crate::messages::{ArgValue, Messages, fluent_args};
use crate::theme::Theme;
use std::sync::Arc;
use tera::{Kwargs, State, Tera, TeraResult};

/// The compiled templates of a build.
pub struct Templates {
    tera: Tera,
    origin: std::collections::BTreeMap<String, String>,
}

impl Templates {
    /// Compiles every template of the theme. `t(key=…, …args)` formats a Fluent message in the
    /// locale of the page being rendered (`lang` in the context).
    pub fn new(theme: &Theme, messages: Arc<Messages>, locales: Arc<Locales>) -> Result<Templates, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ""]);
        let msgs = messages.clone();
        let locs = locales.clone();
        tera.register_function("t", move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: String = kwargs.must_get::<String>("key")?;
            let lang: String = state.get::<String>("lang")?.unwrap_or_default();
            let locale = locs.get(&lang).unwrap_or_else(|| locs.default_locale());
            let mut pairs = Vec::new();
            for (k, v) in kwargs.iter() {
                let k = k.to_string();
                if k == "key" || k == "default" {
                    continue;
                }
                let arg = if let Some(n) = v.as_f64() {
                    ArgValue::Number(n)
                } else if let Some(s) = v.as_str() {
                    ArgValue::Text(s.to_string())
                } else {
                    ArgValue::Text(v.to_string())
                };
                pairs.push((k, arg));
            }
            let args = fluent_args(pairs.iter().map(|(k, v)| (k.as_str(), v.clone())));
            match msgs.format(locale, &key, Some(&args)) {
                Ok(f) => Ok(f.text),
                Err(e) => match kwargs.get::<String>("default")? {
                    Some(d) if !msgs.has(locale, &key) => Ok(d),
                    _ => Err(tera::Error::message(e)),
                },
            }
        });
        let (msgs, locs) = (messages.clone(), locales.clone());
        tera.register_function("list", move |kwargs: Kwargs, state: &State| -> TeraResult<String> { list_function(&msgs, &locs, &kwargs, state) });
        let mut sources: Vec<(String, String)> = theme.templates.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        sources.sort();
        if let Err(e) = tera.add_raw_templates(sources) {
            let msg = e.to_string();
            let mut d = match tera_location(&msg).and_then(|(name, l, c)| theme.template_origin.get(name).map(|o| (o.clone(), l, c))) {
                // The template and line Tera names, in the site's terms (`templates/page.html:1:35`).
                Some((file, line, col)) => {
                    Diagnostic::error(file, line, col, format!("template error: {}", msg.lines().next().unwrap_or("").trim_start_matches("error: ")))
                }
                None => {
                    let file = theme
                        .template_origin
                        .iter()
                        .find(|(name, _)| msg.contains(name.as_str()))
                        .map(|(_, o)| o.clone())
                        .unwrap_or_else(|| "templates".to_string());
                    Diagnostic::error(file, 0, 0, format!("template error: {msg}"))
                }
            };
            if msg.contains("is not defined in any parent template") {
                d = d.with_hint(format!("blocks a template can fill: {} (see docs/templates.md)", block_names(theme).join(", ")));
            }
            return Err(vec![d]);
        }
        Ok(Templates { tera, origin: theme.template_origin.clone() })
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Names of site shortcode templates (`shortcodes/NAME.html` → `NAME`).
    pub fn shortcode_names(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.tera.get_template_names().filter_map(|n| n.strip_prefix("shortcodes/").and_then(|n| n.strip_suffix(".html")).map(str::to_string)).collect();
        v.sort();
        v
    }

    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, String> {
        let out = self.render_capped(name, ctx, Vec::new())?;
        String::from_utf8(out).map_err(|e| e.to_string())
    }

    /// Renders a whole page as bytes, to be written as they are: no UTF-8 validation of the
    /// output (it is made of valid strings), which is a pass over every byte of the site.
    pub fn render_bytes(&self, name: &str, ctx: &tera::Context) -> Result<Vec<u8>, String> {
        // A page is a few kB of chrome plus its text; start there rather than at zero.
        self.render_capped(name, ctx, Vec::with_capacity(16 * 1024))
    }

    /// Renders within the limits of one render (site.yaml `limits.max_render_mb`): output
    /// beyond the limit stops the render with an error, and memory beyond four times the
    /// limit stops the process (see [`crate::memguard`]).
    fn render_capped(&self, name: &str, ctx: &tera::Context, out: Vec<u8>) -> Result<Vec<u8>, String> {
        let limit = crate::config::Limits::max_render_bytes();
        let mut capped = Capped { out, left: limit };
        let origin = self.origin(name);
        crate::memguard::within(&origin, limit.saturating_mul(4), || self.tera.render_to(name, ctx, &mut capped)).map_err(|e| {
            if capped.left == 0 {
                format!("`{origin}` wrote more than {} MB, the limit of one render (site.yaml `limits.max_render_mb`)", limit >> 20)
            } else {
                error_chain(&e)
            }
        })?;
        Ok(capped.out)
    }

    /// The file a template came from, for messages.
    pub fn origin(&self, name: &str) -> String {
        self.origin.get(name).cloned().unwrap_or_else(|| format!("templates/{name}"))
    }
}

/// The ` --> NAME:LINE:COL` of a Tera error message.
fn tera_location(msg: &str) -> Option<(&str, usize, usize)> {
    let at = msg.lines().find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = at.trim().rsplitn(3, ':');
    let col = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?, line, col))
}

/// Every `{% block NAME %}` of the templates others extend (`base.html`), sorted, for "block
/// not defined" hints.
fn block_names(theme: &Theme) -> Vec<String> {
    let tags = |src: &str| -> Vec<String> { src.split("{%").skip(1).map(|t| t.trim_start_matches('-').trim_start().to_string()).collect() };
    let parents: Vec<String> = theme
        .templates
        .values()
        .flat_map(|src| tags(src))
        .filter_map(|t| t.strip_prefix("extends").map(|r| r.trim().trim_start_matches(['"', '\'']).split(['"', '\'']).next().unwrap_or("").to_string()))
        .collect();
    let mut names: Vec<String> = parents
        .iter()
        .filter_map(|p| theme.templates.get(p))
        .flat_map(|src| tags(src))
        .filter_map(|t| t.strip_prefix("block ").and_then(|r| r.split_whitespace().next()).map(|n| n.trim_end_matches('-').to_string()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `list(items=[…], key_prefix="audience-", lang=…)`: the items joined with the list pattern of
/// `lang` (default: the page's), each translated as the message `key_prefix ~ item` when given
/// and defined ("donors and students", "اهداکنندگان خون و دانشجویان").
fn list_function(msgs: &Messages, locs: &Locales, kwargs: &Kwargs, state: &State) -> TeraResult<String> {
    let items: Vec<tera::Value> = kwargs.must_get::<Vec<tera::Value>>("items")?;
    let page_lang: String = state.get::<String>("lang")?.unwrap_or_default();
    let lang: String = kwargs.get::<String>("lang")?.unwrap_or_else(|| page_lang.clone());
    let prefix: Option<String> = kwargs.get::<String>("key_prefix")?;
    let locale = locs.get(&page_lang).unwrap_or_else(|| locs.default_locale());
    let texts: Vec<String> = items
        .iter()
        .map(|v| {
            let item = v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string());
            match &prefix {
                Some(p) if msgs.has(locale, &format!("{p}{item}")) => msgs.text(locale, &format!("{p}{item}")),
                _ => item,
            }
        })
        .collect();
    Ok(crate::locale::format_list(&lang, &texts.iter().map(String::as_str).collect::<Vec<_>>()))
}

/// The output of one render, refusing bytes beyond the limit.
struct Capped {
    out: Vec<u8>,
    left: u64,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() as u64 > self.left {
            self.left = 0;
            return Err(std::io::Error::other("the output of one render is too large"));
        }
        self.left -= buf.len() as u64;
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A Tera error with its causes, on one line.
fn error_chain(e: &tera::Error) -> String {
    let mut m = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        m.push_str(": ");
        m.push_str(&s.to_string());
        src = s.source();
    }
    m
}
