//! donorbook: a static site generator for multilingual blood-donor education.
//!
//! The pipeline runs one way — [`load`] (files → model) → [`resolve`] (locales, fallbacks,
//! order) → [`render`] (pages, in parallel) → [`write`] (atomic output) — driven by
//! [`build::build`]. Each stage reports problems to [`diagnostics`] instead of stopping.

pub mod build;
pub mod builtins;
pub mod bundle;
pub mod config;
pub mod diagnostics;
pub mod frontmatter;
pub mod glossary;
pub mod htmltags;
pub mod l10n;
pub mod l10n_diff;
pub mod linkcheck;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod memguard;
pub mod messages;
pub mod model;
pub mod quiz;
pub mod remote;
pub mod render;
pub mod resolve;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod shortcodes;
pub mod sitemap;
pub mod svg;
pub mod templates;
pub mod theme;
pub mod translation_status;
pub mod urls;
pub mod write;
pub mod yaml;
