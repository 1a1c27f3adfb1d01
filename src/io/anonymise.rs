//! "Gem anonymiseret kopi": a copy for sharing with ids instead of names and without
//! salaries, notes or free-text reasons that could identify anyone.

use rust_decimal::Decimal;

use crate::model::Session;

/// The anonymised copy of a session: names → ids, units → "Enhed 1", "Enhed 2" … (the
/// grouping kept), salaries and total pay → 0, every free-text or personal value of the
/// typed change log (imports, preparations, notes, justifications) → a marker, notes,
/// rationales and justifications replaced by a marker (their presence is kept so the
/// rules still see that a justification was written), executives' names → ids.
#[must_use]
pub fn anonymised(session: &Session) -> Session {
    let mut s = session.clone();
    let redact = |t: &mut String| {
        if !t.trim().is_empty() {
            *t = "[fjernet]".to_string();
        }
    };
    let mut units: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for m in &s.managers {
        let n = units.len() + 1;
        units.entry(m.unit.clone()).or_insert_with(|| format!("Enhed {n}"));
    }
    for m in &mut s.managers {
        m.name.clone_from(&m.id);
        if let Some(u) = units.get(&m.unit) {
            m.unit.clone_from(u);
        }
        m.base_salary = Decimal::ZERO;
        m.total_pay = Decimal::ZERO;
        redact(&mut m.notes);
        if let Some(p) = m.proposal.as_mut() {
            redact(&mut p.rationale);
        }
        if let Some(a) = m.adjustment.as_mut() {
            redact(&mut a.justification);
        }
    }
    for e in &mut s.executives {
        e.name.clone_from(&e.id);
        // Titles name the agency ("Styrelsesdirektør, Styrelsen for …").
        e.title = "Medlem af topchefgruppen".to_string();
    }
    for entry in &mut s.change_log {
        redact(&mut entry.why);
        entry.change = entry.change.redacted("[fjernet]");
        if !session.executives.iter().any(|e| e.id == entry.who) {
            entry.who = "[fjernet]".to_string();
        }
    }
    s.organisation.name = format!("{} (anonymiseret)", s.organisation.name);
    s
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
}
