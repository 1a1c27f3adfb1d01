//! Semantic validation of a loaded session, reported by id.
//!
//! Refusing problems (the app cannot work on such a file): duplicate manager, level or
//! executive id; a manager whose level is unknown; a negative salary. Warnings (opened,
//! and shown): unknown superior, history of an unknown manager, goal weights that do not
//! sum to 100 % (the engine also reports that as a finding).

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::model::Session;
use crate::model::money::format_kr;

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: "leder KC05", "niveau KC", "historik for X".
    pub place: String,
    /// Danish message.
    pub message: String,
    /// Whether the file is refused.
    pub refuses: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Every semantic problem of a session.
#[must_use]
pub fn validate(session: &Session) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |place: String, message: String, refuses: bool| out.push(Problem { place, message, refuses });
    let mut seen = HashSet::new();
    for l in &session.levels {
        if !seen.insert(l.id.as_str()) {
            push(format!("niveau {}", l.id), "id'et bruges af flere niveauer".into(), true);
        }
    }
    let mut seen = HashSet::new();
    for e in &session.executives {
        if !seen.insert(e.id.as_str()) {
            push(format!("direktør {}", e.id), "id'et bruges af flere i topchefgruppen".into(), true);
        }
    }
    let levels: HashSet<&str> = session.levels.iter().map(|l| l.id.as_str()).collect();
    let executives: HashSet<&str> = session.executives.iter().map(|e| e.id.as_str()).collect();
    let mut seen = HashSet::new();
    for m in &session.managers {
        let place = format!("leder {}", m.id);
        if !seen.insert(m.id.as_str()) {
            push(place.clone(), "id'et bruges af flere ledere".into(), true);
        }
        if !levels.contains(m.level.as_str()) {
            push(place.clone(), format!("ukendt niveau «{}»", m.level), true);
        }
        if !executives.contains(m.superior.as_str()) {
            push(place.clone(), format!("ukendt nærmeste leder «{}»", m.superior), false);
        }
        for (what, v) in [("grundløn", m.base_salary), ("samlet løn", m.total_pay)] {
            if v < Decimal::ZERO {
                push(place.clone(), format!("negativ {what} ({})", format_kr(v)), true);
            }
        }
        let total: Decimal = m.goals.iter().map(|g| g.weight).sum();
        if !m.goals.is_empty() && total != Decimal::ONE_HUNDRED {
            push(place.clone(), format!("målenes vægte summerer til {} %, ikke 100 %", total.normalize()), false);
        }
    }
    for id in session.history.keys() {
        if !seen.contains(id.as_str()) {
            push(format!("historik for {id}"), "ukendt leder".into(), false);
        }
    }
    out
}
