//! Hints for links that point nowhere: a misspelled name, a link written the web way
//! (`../fainting/`) or Zola's way (`@/modules/…`) where donorbook wants the Markdown source.

use crate::diagnostics::did_you_mean;

/// "did you mean `02-second.md`?" for a file name close to one in the same folder, written the
/// way the author wrote the link (their folder part kept).
pub fn misspelled(written: &str, logical: &str, known: impl Iterator<Item = String>) -> Option<String> {
    let (folder, name) = logical.rsplit_once('/').unwrap_or(("", logical));
    let siblings: Vec<String> = known.filter(|k| k.rsplit_once('/').map_or("", |(f, _)| f) == folder).collect();
    let names: Vec<&str> = siblings.iter().map(|k| k.rsplit_once('/').map_or(k.as_str(), |(_, n)| n)).collect();
    let best = did_you_mean(name, names.iter().copied())?;
    let prefix = written.rsplit_once('/').map(|(p, _)| format!("{p}/")).unwrap_or_default();
    Some(format!("did you mean `{prefix}{best}`?"))
}

/// A link to an output folder (`../fainting/`, `../fainting/index.html`): name the source file
/// of the page whose URL ends that way, relative to the linking file.
pub fn web_style(written: &str, from_rel: &str, pages: &[(String, String)]) -> Option<String> {
    let trimmed = written.trim_end_matches("index.html").trim_end_matches('/');
    let slug = trimmed.rsplit('/').next().filter(|s| !s.is_empty() && !s.contains('.') && *s != "..")?;
    let mut matches: Vec<&String> = pages.iter().filter(|(_, dir)| dir.trim_end_matches('/').rsplit('/').next() == Some(slug)).map(|(rel, _)| rel).collect();
    matches.sort();
    matches.dedup();
    let source = matches.first()?;
    Some(format!(
        "link the page's Markdown source, not its URL: `{}` (donorbook writes the right URL for every locale and for offline copies)",
        relative_source(from_rel, source)
    ))
}

/// The path of source `to_rel` relative to the folder of source `from_rel` (both under `content/`).
pub fn relative_source(from_rel: &str, to_rel: &str) -> String {
    let from: Vec<&str> = from_rel.split('/').collect();
    let from = &from[..from.len().saturating_sub(1)];
    let to: Vec<&str> = to_rel.split('/').filter(|s| !s.is_empty()).collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_sources() {
        assert_eq!(relative_source("modules/a/01-x.md", "modules/a/02-y.md"), "02-y.md");
        assert_eq!(relative_source("modules/a/01-x.md", "modules/b/_index.md"), "../b/_index.md");
        assert_eq!(relative_source("about.md", "modules/b/_index.md"), "modules/b/_index.md");
    }

    #[test]
    fn web_style_links_name_the_source() {
        let pages = vec![
            ("modules/care/03-fainting.md".to_string(), "en/modules/care/fainting/".to_string()),
            ("modules/care/_index.md".to_string(), "en/modules/care/".to_string()),
        ];
        let h = web_style("../fainting/", "modules/care/01-welcome.md", &pages).unwrap();
        assert!(h.contains("`03-fainting.md`"), "{h}");
        let h = web_style("../../care/index.html", "modules/care/01-welcome.md", &pages).unwrap();
        assert!(h.contains("`_index.md`"), "{h}");
        assert_eq!(web_style("images/drop.png", "modules/care/01-welcome.md", &pages), None);
    }

    #[test]
    fn misspelled_names_in_the_same_folder() {
        let known = ["modules/a/02-second.md", "modules/b/02-secnd.md"].map(String::from);
        assert_eq!(misspelled("02-secnd.md", "modules/a/02-secnd.md", known.clone().into_iter()).as_deref(), Some("did you mean `02-second.md`?"));
        assert_eq!(
            misspelled("./img/dorp.png", "modules/a/img/dorp.png", ["modules/a/img/drop.png".to_string()].into_iter()).as_deref(),
            Some("did you mean `./img/drop.png`?")
        );
        assert_eq!(misspelled("zzz.md", "modules/a/zzz.md", known.into_iter()), None);
    }
}
