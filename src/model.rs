//! The site as loaded from disk: the typed model every later stage reads.

use crate::frontmatter::FrontMatter;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// One Markdown file of one locale tree.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Logical path inside `content/`, shared by a source file and its translations.
    pub rel: String,
    /// The locale whose tree holds this file.
    pub tree: String,
    /// Path relative to the site root, for messages (`locales/fa/content/about.md`).
    pub display: PathBuf,
    pub front: FrontMatter,
    pub body: String,
    /// Lines in the file before the body starts.
    pub body_line_offset: usize,
    /// Digest of the file's bytes, compared with translations' `source_hash`.
    pub digest: String,
}

/// The content folder of one locale (`content/` for the default locale).
#[derive(Clone, Debug, Default)]
pub struct Tree {
    pub docs: BTreeMap<String, SourceFile>,
    /// Colocated non-Markdown files: logical path → absolute path.
    pub assets: BTreeMap<String, PathBuf>,
    /// Markdown files that exist but could not be loaded (their error is already reported):
    /// links to them, and a module whose `_index.md` it is, report nothing more.
    pub failed: BTreeSet<String>,
    /// Markdown files left out because of `draft: true` (without `--drafts`).
    pub drafts: BTreeSet<String>,
}

/// Why a linked page that exists on disk is not in the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// It, or its module's `_index.md`, failed to load; that error is reported already.
    Failed,
    /// It, or its module, is a draft.
    Draft,
}

/// What kind of page a source file becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Home,
    Catalogue,
    Module,
    Lesson,
    Page,
}

/// A training module: a folder with an `_index.md` and ordered lessons.
#[derive(Clone, Debug)]
pub struct Module {
    pub rel: String,
    pub slug: String,
    pub lessons: Vec<Lesson>,
}

#[derive(Clone, Debug)]
pub struct Lesson {
    pub rel: String,
    pub slug: String,
}

/// A standalone page (`about.md` → `about/`).
#[derive(Clone, Debug)]
pub struct StandalonePage {
    pub rel: String,
    /// Output folder relative to the locale root, with a trailing slash.
    pub dir: String,
}

/// The site's shape, taken from the source locale: translations follow it.
#[derive(Clone, Debug, Default)]
pub struct Structure {
    pub home: Option<String>,
    pub catalogue: Option<String>,
    pub modules: Vec<Module>,
    pub pages: Vec<StandalonePage>,
}

/// A glossary entry as written in `glossary.yaml` (a list of these).
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// Stable id, used by `{{ term(id="…") }}` and the same in every language.
    pub id: String,
    /// The term as shown in this language.
    pub term: String,
    /// A plain-language definition.
    pub definition: String,
    /// Ids of related entries.
    #[serde(default)]
    pub see_also: Vec<String>,
}

/// Everything read from `content/` and `locales/*/content/`.
#[derive(Clone, Debug, Default)]
pub struct Content {
    /// Locale code → its tree. The default locale's tree is `content/`.
    pub trees: BTreeMap<String, Tree>,
    pub structure: Structure,
    /// Locale code → glossary entries of that locale's file.
    pub glossaries: BTreeMap<String, Vec<GlossaryEntry>>,
}

impl Content {
    pub fn doc(&self, tree: &str, rel: &str) -> Option<&SourceFile> {
        self.trees.get(tree).and_then(|t| t.docs.get(rel))
    }

    /// Why the page `rel` of `tree` (or the module folder it sits in) is not in the build,
    /// when the file exists.
    pub fn unavailable(&self, tree: &str, rel: &str) -> Option<Unavailable> {
        let t = self.trees.get(tree)?;
        let module_index =
            rel.rsplit_once('/').map(|(dir, _)| format!("{dir}/_index.md")).filter(|i| i != rel && i.starts_with("modules/") && i.matches('/').count() == 2);
        let candidates = std::iter::once(rel.to_string()).chain(module_index);
        let mut found = None;
        for c in candidates {
            if t.failed.contains(&c) {
                return Some(Unavailable::Failed);
            }
            if t.drafts.contains(&c) {
                found = Some(Unavailable::Draft);
            }
        }
        found
    }
}
