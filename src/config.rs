//! `site.yaml`: the site's configuration, read strictly (unknown keys are errors).

use crate::diagnostics::Diagnostic;
use crate::yaml;
use serde::Deserialize;
use std::path::Path;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default = "default_theme")]
    pub theme: String,
    pub default_locale: String,
    pub locales: Vec<LocaleConfig>,
    #[serde(default)]
    pub untranslated: Untranslated,
    #[serde(default)]
    pub markdown: MarkdownConfig,
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

fn default_theme() -> String {
    "default".to_string()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleConfig {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub fallback: Option<Vec<String>>,
    #[serde(default)]
    pub dir: Option<Direction>,
}

/// Writing direction of a locale.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
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
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Untranslated {
    /// Show the nearest version along the fallback chain, with a notice.
    #[default]
    Fallback,
    /// Leave the page out of the locale.
    Skip,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    #[serde(default)]
    pub raw_html: RawHtml,
}

/// How raw HTML written inside Markdown is treated.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Keep safe formatting; drop scripts, handlers, iframes, styles (ammonia).
    #[default]
    Sanitize,
    Allow,
    /// Show the HTML source as text.
    Escape,
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
    Ok(config)
}
