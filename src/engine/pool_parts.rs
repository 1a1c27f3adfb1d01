//! The pool in two parts (001): within the lønsumsloft (`policies.pool`) and outside it,
//! financed by documented savings (`policies.savings_pool`, with its reference). Every
//! amount is paid from one part (`Manager::pool_part`); each part has its own used and
//! left, for the gauge and the rules.

use rust_decimal::Decimal;

use crate::model::{PoolPart, Session};

use super::Evaluation;
use super::finding::{Facts, Finding, Severity};

/// One part of the pool: its budget, what the amounts assigned to it use, and what is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartStatus {
    /// Which part.
    pub part: PoolPart,
    /// The part's budget.
    pub pool: Decimal,
    /// The sum of the amounts assigned to it.
    pub used: Decimal,
    /// `pool − used` (negative when exceeded).
    pub left: Decimal,
}

/// The whole pool: the part within the lønsumsloft plus the savings part (if any).
#[must_use]
pub fn total_pool(session: &Session) -> Decimal {
    let savings = session.policies.savings_pool.as_ref().map_or(Decimal::ZERO, |s| s.amount);
    session.policies.pool.checked_add(savings).unwrap_or(Decimal::MAX)
}

/// Whether the pool has two parts: the session has a savings part, or an amount is
/// assigned to one.
#[must_use]
pub fn has_parts(session: &Session) -> bool {
    session.policies.savings_pool.is_some() || session.managers.iter().any(|m| m.pool_part == PoolPart::Savings)
}

/// Both parts when the pool has them ([`has_parts`]), else None.
#[must_use]
pub fn parts_if_any(session: &Session, eval: &Evaluation) -> Option<[PartStatus; 2]> {
    has_parts(session).then(|| parts(session, eval))
}

/// Both parts, within the lønsumsloft first, computed from the evaluation's amounts.
#[must_use]
pub fn parts(session: &Session, eval: &Evaluation) -> [PartStatus; 2] {
    let mut used = [Decimal::ZERO; 2];
    for (m, a) in session.managers.iter().zip(&eval.amounts) {
        let k = usize::from(m.pool_part == PoolPart::Savings);
        used[k] = used[k].checked_add(a.amount).unwrap_or(Decimal::MAX);
    }
    let savings = session.policies.savings_pool.as_ref().map_or(Decimal::ZERO, |s| s.amount);
    let part = |part, pool: Decimal, used: Decimal| PartStatus { part, pool, used, left: pool.saturating_sub(used) };
    [part(PoolPart::WithinCeiling, session.policies.pool, used[0]), part(PoolPart::Savings, savings, used[1])]
}

/// The rules of the two parts, when the session has a savings part or assigns an amount to
/// it: each part exceeded is a *fejl*, and so is a savings part without a reference to the
/// documentation of the savings (001: "dokumenterede besparelser").
pub(crate) fn findings(session: &Session, eval: &Evaluation, out: &mut Vec<Finding>) {
    let Some(all) = parts_if_any(session, eval) else { return };
    for p in all {
        if p.used > p.pool {
            let facts = Facts::PoolPartExceeded { part: p.part, pool: p.pool, over: p.used.saturating_sub(p.pool) };
            out.push(Finding::general(Severity::Fejl, None, facts));
        }
    }
    if session.policies.savings_pool.as_ref().is_none_or(|s| s.reference.trim().is_empty()) {
        out.push(Finding::general(Severity::Fejl, None, Facts::SavingsWithoutReference));
    }
}
