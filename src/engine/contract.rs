//! The contract period (001): goals and weights are fixed before the period starts, the
//! amount is pro-rated for absence or leaving within it, and a multi-year goal's part is
//! paid only at the end of its interval.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::log::Change;
use crate::model::{Goal, Manager, Session};

use super::finding::{Facts, Finding, Severity};

/// The change-log field under which a merged preparation records a changed goal list
/// (`merge_fields::FieldKey::Goals`'s label).
const GOALS_FIELD: &str = "Mål";

pub use crate::model::contract::date_number;

/// The share of the contract period paid, in percent: the stated share, or 100.
#[must_use]
pub fn paid_share(m: &Manager) -> Decimal {
    m.contract.as_ref().and_then(|c| c.paid_share).unwrap_or(Decimal::ONE_HUNDRED)
}

/// Whether `goal` is paid in `year`: a goal without an interval always; a multi-year goal
/// only in the year its interval ends (001).
#[must_use]
pub fn goal_paid_in(goal: &Goal, year: i32) -> bool {
    goal.paid_in.is_none_or(|y| y == year)
}

/// 001: goals and weights are fixed before the contract period starts. For each manager
/// with a stated start date, the last change of the goal list recorded after that date
/// (a merged preparation's «Mål») is a *fejl*.
pub(crate) fn goals_changed_after_start(session: &Session, out: &mut Vec<Finding>) {
    let starts: HashMap<&str, u32> = session
        .managers
        .iter()
        .filter_map(|m| Some((m.id.as_str(), date_number(&m.contract.as_ref()?.start)?)))
        .collect();
    if starts.is_empty() {
        return;
    }
    let mut last: HashMap<&str, u32> = HashMap::new();
    for e in &session.change_log {
        let Change::Prep { field, .. } = &e.change else { continue };
        let (Some(id), Some(when)) = (e.manager.as_deref(), date_number(&e.when)) else { continue };
        if field == GOALS_FIELD && starts.get(id).is_some_and(|s| when > *s) {
            last.insert(id, when);
        }
    }
    for m in &session.managers {
        if let (Some(changed), Some(start)) = (last.get(m.id.as_str()), starts.get(m.id.as_str())) {
            let facts = Facts::GoalsChangedAfterStart { start: *start, changed: *changed };
            out.push(Finding::about_manager(Severity::Fejl, &m.id, facts));
        }
    }
}

/// A `YYYYMMDD` number as Danish text, "1.1.2026".
#[must_use]
pub fn show_date(n: u32) -> String {
    format!("{}.{}.{}", n % 100, n / 100 % 100, n / 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(date_number("2026-01-01"), Some(20_260_101));
        assert_eq!(date_number("2026-11-22T09:15:00Z"), Some(20_261_122));
        assert_eq!(date_number("2026-13-01"), None);
        assert_eq!(date_number("1.1.2026"), None);
        assert_eq!(date_number(""), None);
        assert_eq!(show_date(20_260_101), "1.1.2026");
    }
}
