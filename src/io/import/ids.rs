//! Employee numbers (manager ids) as an HR file gives them: trimmed, refused when they
//! hold an invisible or control character, compared without regard to case, and checked
//! against the zero-padded twin Excel makes of a number (`0071234` typed as a number
//! becomes `71234`).

use std::collections::HashMap;

use crate::model::Session;

/// Characters that cannot be seen but make two ids differ: zero-width spaces and joiners,
/// direction marks and embeddings, the word joiner and invisible operators, the
/// byte-order mark, the soft hyphen, the Mongolian vowel separator, and the interlinear
/// annotation and tag characters (Unicode's format characters, Cf).
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}')
}

/// The id a cell gives: trimmed of white space at both ends; an error (Danish, naming the
/// character) when it holds a control character or an invisible one.
///
/// # Errors
/// The reason, naming the character as U+XXXX.
pub fn normalise(raw: &str) -> Result<String, String> {
    let id = raw.trim();
    if let Some(c) = id.chars().find(|c| c.is_control() || invisible(*c)) {
        return Err(format!(
            "medarbejdernummeret «{}» indeholder et usynligt tegn eller styretegn (U+{:04X}) – ret cellen i HR-filen",
            id.chars().filter(|c| !c.is_control() && !invisible(*c)).collect::<String>(),
            u32::from(c)
        ));
    }
    Ok(id.to_string())
}

/// The id as compared: ids that differ only in case are the same manager.
#[must_use]
pub fn key(id: &str) -> String {
    id.to_lowercase()
}

/// A digits-only id without its leading zeros (`"0071234"` → `"71234"`, `"000"` → `"0"`);
/// None for any other id.
fn digits(id: &str) -> Option<&str> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let stripped = id.trim_start_matches('0');
    Some(if stripped.is_empty() { "0" } else { stripped })
}

/// The session's and the file's ids so far, for lookups in constant time.
#[derive(Debug, Default)]
pub struct IdIndex {
    by_key: HashMap<String, usize>,
    by_number: HashMap<String, String>,
}

impl IdIndex {
    /// The index of a session's managers (the first of ids equal but for case wins).
    #[must_use]
    pub fn of(session: &Session) -> Self {
        let mut index = Self::default();
        for (i, m) in session.managers.iter().enumerate() {
            index.insert(&m.id, i);
        }
        index
    }

    /// Records `id` at manager index `i` (kept when already known).
    pub fn insert(&mut self, id: &str, i: usize) {
        self.by_key.entry(key(id)).or_insert(i);
        if let Some(n) = digits(id) {
            self.by_number.entry(n.to_string()).or_insert_with(|| id.to_string());
        }
    }

    /// The manager index of `id` (whatever its case).
    #[must_use]
    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_key.get(&key(id)).copied()
    }

    /// Another known id that is the same number as `id` but written with other leading
    /// zeros (`0071234` for `71234`, or the other way round); remembers `id` for the rows
    /// after it.
    pub fn zero_padded_twin(&mut self, id: &str) -> Option<String> {
        let n = digits(id)?;
        match self.by_number.get(n) {
            Some(other) if other != id => Some(other.clone()),
            Some(_) => None,
            None => {
                self.by_number.insert(n.to_string(), id.to_string());
                None
            }
        }
    }
}

/// The message for an id whose number is another id's without (or with) leading zeros.
#[must_use]
pub fn zero_padded_message(id: &str, other: &str) -> String {
    format!(
        "medarbejdernummeret {id} er samme tal som {other}, men med andre foranstillede nuller – Excel fjerner nullerne, når kolonnen er formateret som tal: formatér den som tekst, og skriv numrene med nuller"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_trimmed_and_invisible_characters_refused() {
        assert_eq!(normalise("  KC01\u{a0}"), Ok("KC01".to_string()));
        let e = normalise("KC01\u{200B}").unwrap_err();
        assert!(e.contains("U+200B") && e.contains("«KC01»"), "{e}");
        assert!(normalise("KC\u{0007}01").unwrap_err().contains("U+0007"));
        assert!(normalise("\u{FEFF}KC01").unwrap_err().contains("U+FEFF"));
        assert_eq!(key("KC01"), key("kc01"));
    }

    #[test]
    fn a_number_without_its_zeros_is_found() {
        let mut index = IdIndex::default();
        index.insert("0071234", 0);
        assert_eq!(index.zero_padded_twin("71234").as_deref(), Some("0071234"));
        assert_eq!(index.zero_padded_twin("0071234"), None);
        assert_eq!(index.zero_padded_twin("555"), None);
        assert_eq!(index.zero_padded_twin("0555").as_deref(), Some("555"));
        assert_eq!(index.zero_padded_twin("KC01"), None);
        assert_eq!(digits("000"), Some("0"));
    }
}
