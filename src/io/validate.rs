//! Semantic validation of a loaded session, reported by id.
//!
//! Refusing problems (the app cannot work on such a file): duplicate manager, level or
//! executive id; a manager whose level is unknown; any value outside what
//! [`crate::model::bounds`] allows (a score off the scale, an attainment outside 0–200 %,
//! a negative weight or salary, an amount beyond 10 billion kr.). Warnings (opened,
//! and shown): unknown superior, history of an unknown manager, goal weights that do not
//! sum to 100 % (the engine also reports that as a finding).

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::model::Session;
use crate::model::bounds;

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
        for problem in bounds::level_problems(l) {
            push(format!("niveau {}", l.id), problem, true);
        }
    }
    policy_problems(session, &mut push);
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
        for problem in bounds::manager_problems(m, session.level(&m.level)) {
            push(place.clone(), problem, true);
        }
        let total: Decimal = m.goals.iter().map(|g| g.weight).sum();
        if !m.goals.is_empty() && total != Decimal::ONE_HUNDRED {
            push(place.clone(), format!("målenes vægte summerer til {} %, ikke 100 %", total.normalize()), false);
        }
    }
    for (id, years) in &session.history {
        if !seen.contains(id.as_str()) {
            push(format!("historik for {id}"), "ukendt leder".into(), false);
        }
        for (year, amount) in years {
            if let Some(problem) = bounds::money_problem(&format!("beløbet for {year}"), *amount, false) {
                push(format!("historik for {id}"), problem, true);
            }
        }
    }
    out
}

/// Problems with the session's policies (pool, step, percentages, the departementschef's pay).
fn policy_problems(session: &Session, push: &mut impl FnMut(String, String, bool)) {
    let p = &session.policies;
    let place = || "politikker".to_string();
    let money = [
        ("puljen", Some(p.pool)),
        ("afrundingstrinnet", Some(p.rounding_step)),
        ("maksimum pr. udbetaling", p.max_per_payment),
        ("departementschefens samlede løn", p.departementschef_total_pay),
    ];
    for (what, v) in money {
        if let Some(problem) = v.and_then(|v| bounds::money_problem(what, v, false)) {
            push(place(), problem, true);
        }
    }
    for (id, budget) in &p.director_budgets {
        if let Some(problem) = bounds::money_problem(&format!("direktørbudgettet for {id}"), *budget, false) {
            push(place(), problem, true);
        }
        if session.executive(id).is_none() {
            push(place(), format!("direktørbudgettet nævner «{id}», som ikke er i topchefgruppen"), true);
        }
    }
    for (what, v) in [
        ("loftet i procent af grundlønnen", p.cap_percent_of_base),
        ("advarselsgrænsen for fald", p.drop_warning_percent),
        ("grænsen for lav differentiering", p.low_differentiation_cv_percent),
    ] {
        if let Some(problem) = bounds::percent_problem(what, v) {
            push(place(), problem, true);
        }
    }
}
