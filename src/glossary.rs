//! The glossary of a locale: entries looked up along the fallback chain, sorted by the
//! language's own collation (Spanish ñ after n, Persian پ after ب, Korean by syllable).

use crate::locale::Locale;
use crate::model::{Content, GlossaryEntry};
use std::cmp::Ordering;

/// An entry as shown in one locale, with the locale it was written in.
#[derive(Clone, Debug, serde::Serialize)]
pub struct LocalizedEntry {
    pub id: String,
    pub term: String,
    pub definition: String,
    pub see_also: Vec<String>,
    /// Locale whose glossary supplied the text.
    pub written_in: String,
}

/// The glossary of `locale`: every source entry, translated where a chain locale has it.
pub fn for_locale(content: &Content, locale: &Locale, default: &str) -> Vec<LocalizedEntry> {
    let Some(source) = content.glossaries.get(default) else { return Vec::new() };
    source
        .iter()
        .map(|src| {
            let (entry, tag) = locale
                .chain
                .iter()
                .find_map(|tag| content.glossaries.get(tag).and_then(|g| g.iter().find(|e| e.id == src.id)).map(|e| (e, tag.as_str())))
                .unwrap_or((src, default));
            localized(entry, tag)
        })
        .collect()
}

fn localized(e: &GlossaryEntry, tag: &str) -> LocalizedEntry {
    LocalizedEntry { id: e.id.clone(), term: e.term.clone(), definition: e.definition.clone(), see_also: e.see_also.clone(), written_in: tag.to_string() }
}

/// Sorts entries by their term with the collation of `tag`.
pub fn sort(entries: &mut [LocalizedEntry], tag: &str) {
    let cmp = collator(tag);
    entries.sort_by(|a, b| cmp(&a.term, &b.term).then_with(|| a.id.cmp(&b.id)));
}

/// A comparison function for `tag`, falling back to code point order if ICU has no data.
pub fn collator(tag: &str) -> Box<dyn Fn(&str, &str) -> Ordering> {
    use icu_collator::options::{CollatorOptions, Strength};
    let mut options = CollatorOptions::default();
    options.strength = Some(Strength::Tertiary);
    let locale: Option<icu_locale_core::Locale> = tag.parse().ok();
    match locale.and_then(|l| icu_collator::Collator::try_new((&l).into(), options).ok()) {
        Some(c) => Box::new(move |a, b| c.compare(a, b)),
        None => Box::new(|a, b| a.to_lowercase().cmp(&b.to_lowercase())),
    }
}

/// The index letter of a term: its first letter, upper-cased where the script has case.
/// Hangul syllables index by their initial consonant (ㄱ, ㄴ…), as Korean dictionaries do.
pub fn initial(term: &str) -> String {
    let Some(c) = term.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().next() else {
        return "#".to_string();
    };
    if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
        const INITIALS: [char; 19] = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
        let idx = ((c as u32 - 0xAC00) / 588) as usize;
        return INITIALS[idx].to_string();
    }
    use unicode_normalization::UnicodeNormalization;
    let base: String = c.to_string().nfd().take(1).collect();
    // Letters whose accent makes them a letter of their own stay as written (ñ, ö in Swedish…).
    let letter = if matches!(c, 'ñ' | 'Ñ') { c.to_string() } else { base };
    letter.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(tag: &str, words: &[&str]) -> Vec<String> {
        let mut e: Vec<LocalizedEntry> = words
            .iter()
            .map(|w| LocalizedEntry { id: w.to_string(), term: w.to_string(), definition: String::new(), see_also: vec![], written_in: tag.into() })
            .collect();
        sort(&mut e, tag);
        e.into_iter().map(|e| e.term).collect()
    }

    #[test]
    fn spanish_puts_n_tilde_after_n() {
        assert_eq!(sorted("es", &["ñandú", "oro", "nube", "Ávila", "banco"]), vec!["Ávila", "banco", "nube", "ñandú", "oro"]);
    }

    #[test]
    fn persian_letters_follow_persian_order() {
        // پ (pe) comes right after ب (be) in Persian, though its code point is far later.
        assert_eq!(sorted("fa", &["پلاسما", "تزریق", "بافت"]), vec!["بافت", "پلاسما", "تزریق"]);
        // گ (gaf) comes after ک (kaf).
        assert_eq!(sorted("fa", &["گروه", "کیسه", "لخته"]), vec!["کیسه", "گروه", "لخته"]);
    }

    #[test]
    fn korean_by_syllable() {
        assert_eq!(sorted("ko", &["혈장", "간호", "수혈", "헌혈"]), vec!["간호", "수혈", "헌혈", "혈장"]);
        assert_eq!(initial("헌혈"), "ㅎ");
        assert_eq!(initial("간호"), "ㄱ");
    }

    #[test]
    fn initials() {
        assert_eq!(initial("Ávila"), "A");
        assert_eq!(initial("ñandú"), "Ñ");
        assert_eq!(initial("плазм"), "П");
        assert_eq!(initial("پلاسما"), "پ");
    }
}
