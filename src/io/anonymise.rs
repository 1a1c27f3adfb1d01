//! "Gem anonymiseret kopi": a copy of a session or a prep file for sharing, in which no
//! text or path that could identify anyone or anything outside the model survives.
//!
//! The rule is by field, for every string the file format holds (`tests/anonymise.rs`
//! plants a marker in every string of generated sessions and preps and greps the copy):
//!
//! - **Kept**, because they are the organisation's model, not about a person: level ids
//!   and names, criterion ids, names and groups, the scale's labels, the rule codes of
//!   accepted findings, the currency, and the reference-level keys of a mapping.
//! - **Pseudonyms**, consistent across the file (so superiors, history, the log and a
//!   prep's base still fit together): managers get `L1`, `L2` … in file order, as id and
//!   name; executives `D1`, `D2` … as id and name; units `Enhed 1`, `Enhed 2` … (the
//!   grouping kept); goals `Mål 1`, `Mål 2` … per manager.
//! - **Replaced by `[fjernet]`** where written (empty stays empty, so the rules still
//!   see whether a justification exists): notes, rationales, justifications, the reason of
//!   an accepted finding, pay grades, every free-text or path value of the change log
//!   (`Change::redacted`), and anyone not in the group. Timestamps keep only their date.
//! - **Removed**: salaries and total pay (0 kr.), the letter template and the reference
//!   files (paths name people's folders: `/home/anna/…`), the organisation's name, the
//!   session's id and a prep's hash of its source session.
//!
//! A prep file's `base` (the managers as they were when the prep was made) is anonymised
//! exactly like the managers.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::{Manager, Session};

/// What replaces a written text.
pub const REMOVED: &str = "[fjernet]";
/// The organisation's name in an anonymised copy.
pub const ORGANISATION: &str = "Organisation (anonymiseret)";

/// The pseudonyms of one copy.
struct Pseudonyms {
    managers: BTreeMap<String, String>,
    executives: BTreeMap<String, String>,
    units: BTreeMap<String, String>,
}

impl Pseudonyms {
    fn of(session: &Session) -> Self {
        let mut managers = BTreeMap::new();
        let base = session.prep.iter().flat_map(|p| &p.base);
        for m in session.managers.iter().chain(base) {
            let n = managers.len() + 1;
            managers.entry(m.id.clone()).or_insert_with(|| format!("L{n}"));
        }
        let mut executives = BTreeMap::new();
        for e in &session.executives {
            let n = executives.len() + 1;
            executives.entry(e.id.clone()).or_insert_with(|| format!("D{n}"));
        }
        let mut units = BTreeMap::new();
        let base = session.prep.iter().flat_map(|p| &p.base);
        for m in session.managers.iter().chain(base) {
            let n = units.len() + 1;
            units.entry(m.unit.clone()).or_insert_with(|| format!("Enhed {n}"));
        }
        Self { managers, executives, units }
    }

    /// A manager's pseudonym (an unknown id is removed).
    fn manager(&self, id: &str) -> String {
        self.managers.get(id).cloned().unwrap_or_else(|| REMOVED.to_string())
    }

    /// An executive's pseudonym, by id or – for fields that hold a name – by name
    /// (anyone else is removed).
    fn executive(&self, session: &Session, who: &str) -> String {
        let id = session.executives.iter().find(|e| e.id == who || (!who.is_empty() && e.name == who)).map(|e| &e.id);
        id.and_then(|id| self.executives.get(id)).cloned().unwrap_or_else(|| REMOVED.to_string())
    }
}

/// A written text replaced by [`REMOVED`] (empty stays empty).
fn redact(t: &mut String) {
    if !t.trim().is_empty() {
        *t = REMOVED.to_string();
    }
}

/// A timestamp reduced to its date (`2026-11-22T09:15:00Z` → `2026-11-22`); anything
/// that does not start with a date is removed.
fn date_only(t: &str) -> String {
    let date: String = t.chars().take(10).collect();
    let b = date.as_bytes();
    let is_date = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if is_date {
        date
    } else if t.is_empty() {
        String::new()
    } else {
        REMOVED.to_string()
    }
}

/// One manager anonymised (see the module documentation).
fn anonymise_manager(m: &mut Manager, names: &Pseudonyms, session: &Session) {
    m.id = names.manager(&m.id);
    m.name.clone_from(&m.id);
    m.unit = names.units.get(&m.unit).cloned().unwrap_or_else(|| REMOVED.to_string());
    m.superior = names.executive(session, &m.superior);
    redact(&mut m.pay_grade);
    m.base_salary = Decimal::ZERO;
    m.total_pay = Decimal::ZERO;
    // The topcheftillæg is salary; the reason for a pro-rated share (absence, leaving) is
    // personal (a shared goal's id is renamed by `rename_shared_goals`).
    m.top_supplement = m.top_supplement.map(|_| Decimal::ZERO);
    if let Some(c) = m.contract.as_mut() {
        redact(&mut c.share_reason);
    }
    for (k, g) in m.goals.iter_mut().enumerate() {
        g.name = format!("Mål {}", k + 1);
    }
    if let Some(p) = m.proposal.as_mut() {
        redact(&mut p.rationale);
        if !p.by.is_empty() {
            p.by = names.executive(session, &p.by);
        }
        p.when = date_only(&p.when);
    }
    if let Some(a) = m.adjustment.as_mut() {
        redact(&mut a.justification);
        if !a.by.is_empty() {
            a.by = names.executive(session, &a.by);
        }
    }
    redact(&mut m.notes);
    for f in &mut m.accepted {
        redact(&mut f.why);
        f.by = names.executive(session, &f.by);
        f.when = date_only(&f.when);
    }
    for v in &mut m.views {
        redact(&mut v.text);
        v.by = names.executive(session, &v.by);
        v.when = date_only(&v.when);
    }
}

/// The anonymised copy of a session or prep file (see the module documentation): the
/// amounts, scores, statuses and the model are kept, so the copy evaluates to the same
/// amounts and findings.
#[must_use]
pub fn anonymised(session: &Session) -> Session {
    let names = Pseudonyms::of(session);
    let mut s = session.clone();
    for m in &mut s.managers {
        anonymise_manager(m, &names, session);
    }
    if let Some(p) = s.prep.as_mut() {
        p.executive = names.executive(session, &p.executive);
        p.source_session_id = if p.source_session_id.is_empty() { String::new() } else { REMOVED.to_string() };
        p.source_organisation = ORGANISATION.to_string();
        // A hash of the whole source session (names and all): a guess could be checked.
        p.source_hash = REMOVED.to_string();
        p.created = date_only(&p.created);
        for m in &mut p.base {
            anonymise_manager(m, &names, session);
        }
    }
    for e in &mut s.executives {
        e.id = names.executives.get(&e.id).cloned().unwrap_or_else(|| REMOVED.to_string());
        e.name.clone_from(&e.id);
        // Titles name the agency ("Styrelsesdirektør, Styrelsen for …").
        e.title = "Medlem af topchefgruppen".to_string();
    }
    s.history = std::mem::take(&mut s.history)
        .into_iter()
        .filter_map(|(id, years)| names.managers.get(&id).map(|p| (p.clone(), years)))
        .collect();
    for entry in &mut s.change_log {
        redact(&mut entry.why);
        entry.change = entry.change.redacted(REMOVED);
        if let crate::model::log::Change::View { director, old, new } = &mut entry.change {
            *director = names.executive(session, director);
            for v in [old, new].into_iter().flatten() {
                v.by = names.executive(session, &v.by);
            }
        }
        entry.who = names.executive(session, &entry.who);
        entry.when = date_only(&entry.when);
        if let Some(m) = entry.manager.as_mut() {
            *m = names.manager(m);
        }
    }
    s.organisation.name = ORGANISATION.to_string();
    s.session_id = if s.session_id.is_empty() { String::new() } else { REMOVED.to_string() };
    s.policies.letter_template = None;
    if let Some(p) = s.policies.savings_pool.as_mut() {
        redact(&mut p.reference);
    }
    rename_shared_goals(&mut s);
    s.reference.clear();
    s
}

/// A collective goal's id may name a team or a person: each becomes "Fælles mål N", the
/// same for every manager who shares it (in the session and in a prep's base).
fn rename_shared_goals(s: &mut Session) {
    let base = s.prep.as_ref().map(|p| &p.base);
    let ids: std::collections::BTreeSet<String> = s
        .managers
        .iter()
        .chain(base.iter().flat_map(|b| b.iter()))
        .flat_map(|m| m.goals.iter().filter_map(|g| g.shared.clone()))
        .collect();
    let names: BTreeMap<String, String> =
        ids.into_iter().enumerate().map(|(k, id)| (id, format!("Fælles mål {}", k + 1))).collect();
    let rename = |m: &mut Manager| {
        for g in &mut m.goals {
            if let Some(id) = g.shared.as_mut()
                && let Some(new) = names.get(id.as_str())
            {
                id.clone_from(new);
            }
        }
    };
    s.managers.iter_mut().for_each(rename);
    if let Some(p) = s.prep.as_mut() {
        p.base.iter_mut().for_each(rename);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_names_or_salaries_remain() {
        let s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
        let a = anonymised(&s);
        let text = crate::io::to_ron(&a);
        for m in &s.managers {
            assert!(!text.contains(&m.name), "{} leaked", m.name);
            assert!(!text.contains(&format!("\"{}\"", m.base_salary)), "salary of {} leaked", m.id);
        }
        for e in &s.executives {
            assert!(!text.contains(&e.name));
        }
        assert_eq!(a.managers.len(), s.managers.len());
        assert_eq!(crate::engine::evaluate(&a).pool.used, crate::engine::evaluate(&s).pool.used, "amounts kept");
    }

    #[test]
    fn timestamps_keep_their_date() {
        assert_eq!(date_only("2026-11-22T09:15:00Z"), "2026-11-22");
        assert_eq!(date_only("i går"), REMOVED);
        assert_eq!(date_only(""), "");
    }
}
