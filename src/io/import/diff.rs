//! What an import changes, field by field: shown before the user accepts it and written
//! to the change log afterwards, so nothing is overwritten silently.

use crate::model::money::format_kr;
use crate::model::{Manager, Session};

use super::ImportResult;

/// One changed field of one manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The manager's id.
    pub manager: String,
    /// The manager's name (after the import).
    pub name: String,
    /// What changed, in Danish ("Grundløn", "Ny leder", "Beløb 2023" …).
    pub what: String,
    /// The old value as shown to users (empty for a new manager).
    pub old: String,
    /// The new value as shown to users.
    pub new: String,
}

/// The HR fields of a manager as (Danish name, shown value).
fn hr_fields(session: &Session, m: &Manager) -> [(&'static str, String); 10] {
    let level = session.level(&m.level).map_or(m.level.clone(), |l| l.name.clone());
    let superior =
        session.executives.iter().find(|e| e.id == m.superior).map_or(m.superior.clone(), |e| e.name.clone());
    [
        ("Navn", m.name.clone()),
        ("Niveau", level),
        ("Enhed", m.unit.clone()),
        ("Nærmeste leder", superior),
        ("Grundløn", format_kr(m.base_salary)),
        ("Samlet løn", format_kr(m.total_pay)),
        ("Topcheftillæg", top_supplement_text(m)),
        ("Lønramme", m.pay_grade.clone()),
        ("Kontraktstart", m.contract.as_ref().map(|c| c.start.clone()).unwrap_or_default()),
        ("Kontraktslut", m.contract.as_ref().map(|c| c.end.clone()).unwrap_or_default()),
    ]
}

/// The topcheftillæg as the import shows it: "nej", "ja (tabellens beløb)" or the amount.
fn top_supplement_text(m: &Manager) -> String {
    match (m.has_top_supplement, m.top_supplement) {
        (false, _) => "nej".into(),
        (true, None) => "ja (tabellens beløb)".into(),
        (true, Some(a)) => format_kr(a),
    }
}

/// Each manager's index by id (the first of a repeated id).
fn id_index(session: &Session) -> std::collections::HashMap<&str, usize> {
    session.managers.iter().enumerate().rev().map(|(i, m)| (m.id.as_str(), i)).collect()
}

/// Every change the import makes to `before`: new managers, changed HR fields of known
/// ones, and earlier years' amounts added or changed.
#[must_use]
pub fn changes(before: &Session, result: &ImportResult) -> Vec<FieldChange> {
    let after = &result.session;
    // Looked up by id in hash maps: a linear search per changed manager made a
    // 100,000-row import take minutes.
    let (before_at, after_at) = (id_index(before), id_index(after));
    let mut out = Vec::new();
    for id in &result.added {
        let Some(m) = after_at.get(id.as_str()).map(|&i| &after.managers[i]) else { continue };
        let level = after.level(&m.level).map_or(m.level.clone(), |l| l.name.clone());
        out.push(FieldChange {
            manager: id.clone(),
            name: m.name.clone(),
            what: "Ny leder".into(),
            old: String::new(),
            new: [level, m.unit.clone(), format!("grundløn {}", format_kr(m.base_salary))]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
        });
    }
    for id in &result.updated {
        let (Some(old), Some(new)) = (
            before_at.get(id.as_str()).map(|&i| &before.managers[i]),
            after_at.get(id.as_str()).map(|&i| &after.managers[i]),
        ) else {
            continue;
        };
        for ((what, a), (_, b)) in hr_fields(before, old).into_iter().zip(hr_fields(after, new)) {
            if a != b {
                out.push(FieldChange {
                    manager: id.clone(),
                    name: new.name.clone(),
                    what: what.into(),
                    old: a,
                    new: b,
                });
            }
        }
        let (old_h, new_h) = (before.history.get(id), after.history.get(id));
        for (year, amount) in new_h.into_iter().flatten() {
            let was = old_h.and_then(|h| h.get(year));
            if was != Some(amount) {
                out.push(FieldChange {
                    manager: id.clone(),
                    name: new.name.clone(),
                    what: format!("Beløb {year}"),
                    old: was.map_or(String::new(), |v| format_kr(*v)),
                    new: format_kr(*amount),
                });
            }
        }
    }
    out
}
