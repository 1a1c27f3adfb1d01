//! Step aside (inhabilitet): an executive who is also among the calibrated managers – the
//! departementschef whose own pay is on the agenda – takes no part in her own item. She
//! is recognised by her executive id being the manager's id, or by the same name
//! (trimmed, case-insensitive); no field needs to be set.

use crate::model::{Executive, Manager, Session};

/// Whether executive `e` is manager `m` (same id, or same name ignoring case and spaces
/// at the ends).
#[must_use]
pub fn is_same_person(e: &Executive, m: &Manager) -> bool {
    let (a, b) = (e.name.trim(), m.name.trim());
    e.id == m.id || (!a.is_empty() && same_ignoring_case(a, b))
}

/// `a.to_lowercase() == b.to_lowercase()` without building either string: asked for every
/// executive whenever an item is shown or edited, in sessions of 20,000 managers.
/// (`str::to_lowercase` alone knows the Greek final sigma, so names with a capital sigma
/// take that path.)
fn same_ignoring_case(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Most names differ in their first letter: a quick no (both lower cases begin with it).
    let first = |s: &str| s.chars().next().and_then(|c| c.to_lowercase().next());
    if first(a) != first(b) {
        return false;
    }
    if a.contains('Σ') || b.contains('Σ') {
        return a.to_lowercase() == b.to_lowercase();
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// The executives (ids) who step aside for manager `i`'s item, in the session's order.
#[must_use]
pub fn stepped_aside(session: &Session, i: usize) -> Vec<&Executive> {
    let Some(m) = session.managers.get(i) else { return Vec::new() };
    session.executives.iter().filter(|e| is_same_person(e, m)).collect()
}

/// Whether `who` (an executive id or name, as entered as *Indtaster*) steps aside for
/// manager `i`'s item; the executive it names, if so.
#[must_use]
pub fn who_steps_aside<'a>(session: &'a Session, i: usize, who: &str) -> Option<&'a Executive> {
    let who = who.trim();
    if who.is_empty() {
        return None;
    }
    stepped_aside(session, i).into_iter().find(|e| e.id == who || same_ignoring_case(e.name.trim(), who))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_as_their_lower_case_does() {
        for (a, b, same) in [
            ("Birgitte Kjærsgaard", "BIRGITTE KJÆRSGAARD", true),
            ("Åse Øster", "åse øster", true),
            ("ǅ", "ǆ", true),
            ("İ", "i\u{307}", true),
            ("Anna", "Anne", false),
            ("Ann", "Anna", false),
            ("", "", true),
            ("ΟΔΟΣ", "οδος", true),
        ] {
            assert_eq!(same_ignoring_case(a, b), same, "{a} / {b}");
            assert_eq!(same_ignoring_case(a, b), a.to_lowercase() == b.to_lowercase(), "{a} / {b}");
        }
    }

    proptest::proptest! {
        #[test]
        fn names_match_exactly_when_their_lower_case_is_equal(a in "\\PC{0,12}", b in "\\PC{0,12}") {
            proptest::prop_assert_eq!(same_ignoring_case(&a, &b), a.to_lowercase() == b.to_lowercase());
            let upper = a.to_uppercase();
            proptest::prop_assert_eq!(same_ignoring_case(&a, &upper), a.to_lowercase() == upper.to_lowercase());
        }
    }

    #[test]
    fn the_demo_departementschef_steps_aside_for_her_own_item_only() {
        let s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
        let dc = s.manager_index("DC01").unwrap_or_else(|| panic!("DC01"));
        let ids: Vec<&str> = stepped_aside(&s, dc).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["DEP"]);
        assert_eq!(who_steps_aside(&s, dc, "DEP").map(|e| e.id.as_str()), Some("DEP"));
        assert_eq!(who_steps_aside(&s, dc, " birgitte kjærsgaard ").map(|e| e.id.as_str()), Some("DEP"));
        assert!(who_steps_aside(&s, dc, "DIR-A").is_none());
        assert!(who_steps_aside(&s, dc, "  ").is_none());
        assert!(who_steps_aside(&s, dc, "Birgitte Kjærsgaar").is_none());
        let other = s.managers.iter().position(|m| m.superior == "DEP" && m.id != "DC01").unwrap_or(0);
        assert!(who_steps_aside(&s, other, "DEP").is_none());
    }
}
