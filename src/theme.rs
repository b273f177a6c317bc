//! Themes: templates, static files and UI strings. The default theme is compiled into the
//! binary so `donorbook` works anywhere; a `themes/<name>/` folder in the site replaces it, and
//! a site's `templates/NAME.html` replaces the theme's file of that name.

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::path::Path;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme's files, in memory.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    pub name: String,
    /// Template name (`page.html`, `shortcodes/callout.html`) → source. Site overrides applied.
    pub templates: BTreeMap<String, String>,
    /// Where each template came from, for error messages.
    pub template_origin: BTreeMap<String, String>,
    /// Static file path relative to `static/` → bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Locale tag → (file name, text) of the theme's `.ftl` files.
    pub ftl: BTreeMap<String, Vec<(String, String)>>,
}

impl Theme {
    pub fn ftl_files(&self, tag: &str) -> Vec<(String, String)> {
        self.ftl.get(tag).cloned().unwrap_or_default()
    }
}

/// Loads the named theme (from the site's `themes/` folder, else the embedded default) and
/// applies the site's template overrides.
pub fn load(root: &Path, name: &str, diags: &Diagnostics) -> Theme {
    let mut theme = Theme { name: name.to_string(), ..Theme::default() };
    let on_disk = root.join("themes").join(name);
    if on_disk.is_dir() {
        read_disk_theme(&on_disk, &format!("themes/{name}"), &mut theme, diags);
    } else if name == "default" {
        read_embedded(&DEFAULT_THEME, &mut theme);
    } else {
        diags.push(
            Diagnostic::error("site.yaml", 0, 0, format!("theme `{name}` not found in themes/{name}/"))
                .with_hint("use `theme: default` or add the theme's folder"),
        );
        read_embedded(&DEFAULT_THEME, &mut theme);
    }
    let overrides = root.join("templates");
    let has_overrides = crate::load::readable_dir(&overrides, Path::new("templates")).unwrap_or_else(|d| {
        diags.push(d);
        false
    });
    if has_overrides {
        for (rel, text) in read_text_files(&overrides, diags) {
            theme.template_origin.insert(rel.clone(), format!("templates/{rel}"));
            theme.templates.insert(rel, text);
        }
    }
    theme
}

fn read_embedded(dir: &Dir<'static>, theme: &mut Theme) {
    for file in all_files(dir) {
        let path = display_path(file.path());
        let bytes = file.contents();
        place(theme, &path, bytes.to_vec(), "(built-in) themes/default");
    }
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<&include_dir::File> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(all_files(d));
    }
    out.sort_by_key(|f| f.path());
    out
}

fn read_disk_theme(dir: &Path, display: &str, theme: &mut Theme, diags: &Diagnostics) {
    for (rel, abs) in crate::load::files_under(dir, display, diags) {
        match std::fs::read(&abs) {
            Ok(bytes) => place(theme, &rel, bytes, display),
            Err(e) => diags.push(Diagnostic::error(format!("{display}/{rel}"), 0, 0, format!("cannot read: {e}"))),
        }
    }
}

/// Sorts one theme file into templates, static files or strings by its folder.
fn place(theme: &mut Theme, rel: &str, bytes: Vec<u8>, origin: &str) {
    if let Some(t) = rel.strip_prefix("templates/") {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        theme.template_origin.insert(t.to_string(), format!("{origin}/{rel}"));
        theme.templates.insert(t.to_string(), text);
    } else if let Some(s) = rel.strip_prefix("static/") {
        theme.statics.insert(s.to_string(), bytes);
    } else if let Some(l) = rel.strip_prefix("locales/") {
        if let Some((tag, file)) = l.split_once('/') {
            if file.ends_with(".ftl") {
                let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
                theme.ftl.entry(tag.to_string()).or_default().push((file.to_string(), text));
            }
        }
    }
}

fn read_text_files(dir: &Path, diags: &Diagnostics) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (rel, abs) in crate::load::files_under(dir, "templates", diags) {
        let display = format!("templates/{rel}");
        match crate::frontmatter::read_text(&abs, Path::new(&display)) {
            Ok(t) => out.push((rel, t)),
            Err(d) => diags.push(d),
        }
    }
    out
}

/// Copies the built-in default theme to `to` (`donorbook theme eject`). A non-empty folder is
/// left alone unless `force`. Returns the number of files written.
pub fn eject(to: &Path, force: bool) -> std::io::Result<usize> {
    if !force && std::fs::read_dir(to).is_ok_and(|mut d| d.next().is_some()) {
        return Err(std::io::Error::other(format!("{} is not empty; use --force to overwrite the theme's files in it", to.display())));
    }
    let files = all_files(&DEFAULT_THEME);
    for file in &files {
        let path = to.join(file.path());
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, file.contents())?;
    }
    Ok(files.len())
}
