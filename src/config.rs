//! `site.yaml`: the site's configuration, read strictly (unknown keys are errors).

use crate::diagnostics::Diagnostic;
use crate::yaml;
use serde::Deserialize;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// `site.yaml`. Doc comments here become the descriptions in `donorbook schema site`.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's title; a `site-title` Fluent message of a locale wins over it.
    pub title: String,
    /// Absolute http(s) URL of the hosted site, for sitemap.xml and canonical links.
    #[serde(default)]
    pub base_url: Option<String>,
    /// The theme: `default` (built in) or a folder under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// BCP 47 tag of the source language, written in `content/`; must be one of `locales`.
    pub default_locale: String,
    /// Every locale the site is built in, in the order of the language switcher.
    pub locales: Vec<LocaleConfig>,
    /// What a locale shows for a page it has no translation of.
    #[serde(default)]
    pub untranslated: Untranslated,
    /// How Markdown is rendered.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// What the offline copy does with assets from another host.
    #[serde(default)]
    pub offline: OfflineConfig,
    /// Size limits that keep one hostile or mistaken file from exhausting memory.
    #[serde(default)]
    pub limits: Limits,
    /// Free-form values handed to templates as `config.extra`.
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

fn default_theme() -> String {
    "default".to_string()
}

/// A single tag where a list of one is meant (`fallback: pt`), or a list.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    struct Tags;
    impl<'de> serde::de::Visitor<'de> for Tags {
        type Value = Option<Vec<String>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a locale tag or a list of locale tags")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(vec![v.to_string()]))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut tags = Vec::new();
            while let Some(t) = seq.next_element::<String>()? {
                tags.push(t);
            }
            Ok(Some(tags))
        }
    }
    d.deserialize_any(Tags)
}

/// One locale of the site.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocaleConfig {
    /// BCP 47 tag, e.g. `sw-TZ`.
    pub code: String,
    /// The language's name in that language, shown in the language switcher.
    pub name: String,
    /// Explicit fallback chain (one tag or a list); by default the tag's parents, then the default locale.
    #[serde(default, deserialize_with = "one_or_many")]
    #[schemars(with = "Option<OneOrMany>")]
    pub fallback: Option<Vec<String>>,
    /// Writing direction; by default derived from the script.
    #[serde(default)]
    pub dir: Option<Direction>,
}

/// Writing direction of a locale.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// What to do with a page that has no translation in a locale.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Untranslated {
    /// Show the nearest version along the fallback chain, with a notice.
    #[default]
    Fallback,
    /// Leave the page out of the locale.
    Skip,
}

#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// What happens to HTML written inside Markdown.
    #[serde(default)]
    pub raw_html: RawHtml,
}

/// How raw HTML written inside Markdown is treated.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Keep safe formatting; drop scripts, handlers, iframes, styles (ammonia).
    #[default]
    Sanitize,
    Allow,
    /// Show the HTML source as text.
    Escape,
}

/// The nearest folder at or above `start` that holds a `site.yaml`, as a relative path
/// (`.`, `..`, `../..`) when `start` is relative, so messages stay short.
pub fn find_root(start: &Path) -> Option<std::path::PathBuf> {
    let abs = std::path::absolute(start).ok()?;
    let mut up = std::path::PathBuf::from(start);
    for dir in abs.ancestors() {
        if dir.join("site.yaml").is_file() {
            return Some(if start.is_absolute() { dir.to_path_buf() } else { up });
        }
        up = if up == Path::new(".") { std::path::PathBuf::from("..") } else { up.join("..") };
    }
    None
}

/// `offline:` in site.yaml.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfflineConfig {
    /// Images, audio, video, iframes and embeds from another host: `error` (default), `link` or `fetch`.
    #[serde(default)]
    pub remote_assets: RemoteAssets,
}

/// What becomes of an image, audio, video, iframe or embed loaded from another host.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RemoteAssets {
    /// The build fails, naming every such asset: the offline copy would be incomplete.
    #[default]
    Error,
    /// Replaced by a link to the original with a note that it needs a connection.
    Link,
    /// Downloaded once into `.donorbook/remote/`, recorded in `remote.lock`, served locally.
    Fetch,
}

/// Checks a base URL (`--base-url`, `base_url:`): an absolute `http://` or `https://` URL with a
/// host, nothing that could run (`javascript:`) or break out of an attribute.
pub fn check_base_url(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        None => Err(format!("`{url}` is not an absolute http(s) URL (expected e.g. https://learn.example.org/)")),
        Some("") => Err(format!("`{url}` has no host name (expected e.g. https://learn.example.org/)")),
        Some(_) if url.contains(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`' | '{' | '}')) => {
            Err(format!("`{url}` contains characters a URL cannot hold unescaped"))
        }
        Some(_) => Ok(()),
    }
}

/// `limits:` in site.yaml.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Largest source file read (Markdown, glossary, Fluent, site templates), in MB.
    #[serde(default = "default_max_source_mb")]
    pub max_source_mb: u64,
    /// Largest output one template render may produce (a page, a shortcode), in MB.
    #[serde(default = "default_max_render_mb")]
    pub max_render_mb: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_source_mb: default_max_source_mb(), max_render_mb: default_max_render_mb() }
    }
}

fn default_max_source_mb() -> u64 {
    DEFAULT_MAX_SOURCE_MB
}

fn default_max_render_mb() -> u64 {
    DEFAULT_MAX_RENDER_MB
}

/// A lesson of 2 MB is about 300,000 words; rendering one costs up to ~300 MB (docs/security.md).
pub const DEFAULT_MAX_SOURCE_MB: u64 = 2;
/// Print pages hold a whole module; 128 MB is far above any real one.
pub const DEFAULT_MAX_RENDER_MB: u64 = 128;

static MAX_SOURCE_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_SOURCE_MB << 20);
static MAX_RENDER_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_RENDER_MB << 20);

impl Limits {
    /// Makes these the limits of this process. Every reader of source files and every
    /// template render consults them, so that no stage needs the configuration passed in.
    pub fn apply(&self) {
        MAX_SOURCE_BYTES.store(self.max_source_mb.saturating_mul(1 << 20), Ordering::Relaxed);
        MAX_RENDER_BYTES.store(self.max_render_mb.saturating_mul(1 << 20), Ordering::Relaxed);
    }

    /// Largest source file read, in bytes.
    pub fn max_source_bytes() -> u64 {
        MAX_SOURCE_BYTES.load(Ordering::Relaxed)
    }

    /// Largest output of one template render, in bytes.
    pub fn max_render_bytes() -> u64 {
        MAX_RENDER_BYTES.load(Ordering::Relaxed)
    }
}

/// Reads and parses `site.yaml` under `root`.
pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
    let path = root.join("site.yaml");
    let text = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            return Err(vec![
                Diagnostic::error("site.yaml", 0, 0, format!("cannot read the site configuration: {e}"))
                    .with_hint(format!("is {} a donorbook site? `donorbook new DIR` creates one", root.display())),
            ]);
        }
    };
    let text = match String::from_utf8(text) {
        Ok(t) => t,
        Err(e) => {
            let (l, c) = crate::diagnostics::line_col(&String::from_utf8_lossy(e.as_bytes()), e.utf8_error().valid_up_to());
            return Err(vec![Diagnostic::error("site.yaml", l, c, "the file is not valid UTF-8")]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let config: SiteConfig = yaml::parse(text, Path::new("site.yaml"), yaml::Origin::default()).map_err(|d| vec![d])?;
    if let Some(Err(e)) = config.base_url.as_deref().map(check_base_url) {
        let line = text.lines().position(|l| l.trim_start().starts_with("base_url:")).map_or(0, |i| i + 1);
        return Err(vec![Diagnostic::error("site.yaml", line, 0, format!("base_url: {e}"))]);
    }
    config.limits.apply();
    Ok(config)
}
