//! Collective goals (003) shared, not copied: every goal with the same `shared` id is one
//! goal with one attainment. The edit of its attainment sets it for every manager who has
//! it (`document`); a file or merge in which the copies differ gets a *fejl* here.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::Session;

use super::finding::{Facts, Finding, Severity};

/// The managers (indices) and goal indices that share goal `id`, in manager order.
#[must_use]
pub fn holders(session: &Session, id: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, m) in session.managers.iter().enumerate() {
        for (g, goal) in m.goals.iter().enumerate() {
            if goal.shared.as_deref() == Some(id) {
                out.push((i, g));
            }
        }
    }
    out
}

/// The attainment of a shared goal as the first manager holding it has it (the one
/// attainment; None when no one holds it or it is not assessed).
#[must_use]
pub fn attainment(session: &Session, id: &str) -> Option<Decimal> {
    let (i, g) = holders(session, id).into_iter().next()?;
    session.managers[i].goals[g].attainment
}

/// A *fejl* for every manager whose copy of a shared goal differs in attainment from the
/// first holder's.
pub(crate) fn differing(session: &Session, out: &mut Vec<Finding>) {
    let mut first: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, m) in session.managers.iter().enumerate() {
        for (g, goal) in m.goals.iter().enumerate() {
            let Some(id) = goal.shared.as_deref() else { continue };
            let &mut (fi, fg) = first.entry(id).or_insert((i, g));
            let theirs = session.managers[fi].goals[fg].attainment;
            if theirs != goal.attainment {
                let facts = Facts::SharedGoalDiffers { goal: g, other: fi, mine: goal.attainment, theirs };
                out.push(Finding::about_manager(Severity::Fejl, &m.id, facts));
            }
        }
    }
}
