//! JSON Schemas for the files authors edit, generated from the Rust types that read them, so an
//! editor (the YAML language server) validates and completes exactly what the build accepts.

use crate::config::SiteConfig;
use crate::frontmatter::FrontMatter;
use crate::model::GlossaryEntry;
use crate::quiz::Quiz;

/// The files a schema can describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// `site.yaml`
    Site,
    /// The YAML between `---` lines at the top of a Markdown file
    FrontMatter,
    /// `content/glossary.yaml` and `locales/<tag>/glossary.yaml`
    Glossary,
    /// The YAML inside a ```` ```quiz ```` fence
    Quiz,
}

/// The schema of `kind` as pretty-printed JSON (draft 2020-12), ending in a newline.
pub fn json(kind: SchemaKind) -> String {
    let mut schema = match kind {
        SchemaKind::Site => schemars::schema_for!(SiteConfig),
        SchemaKind::FrontMatter => schemars::schema_for!(FrontMatter),
        SchemaKind::Glossary => schemars::schema_for!(Vec<GlossaryEntry>),
        SchemaKind::Quiz => schemars::schema_for!(Quiz),
    };
    let title = match kind {
        SchemaKind::Site => "donorbook site.yaml",
        SchemaKind::FrontMatter => "donorbook front matter",
        SchemaKind::Glossary => "donorbook glossary.yaml",
        SchemaKind::Quiz => "donorbook quiz block",
    };
    schema.insert("title".into(), title.into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests;
