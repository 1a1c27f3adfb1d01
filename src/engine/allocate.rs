//! Fit-to-pool and spread ×k: proposals the group accepts or rejects.

use rust_decimal::Decimal;

use crate::model::Session;

use super::Evaluation;

/// Proposed new final amounts; nothing is applied until the caller applies it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AllocationProposal {
    /// (manager index, proposed amount) for every manager whose amount changes.
    pub changes: Vec<(usize, Decimal)>,
    /// Total of all amounts if applied.
    pub total: Decimal,
    /// Danish one-line summary, e.g. "12 beløb ændres; i alt 1.234.000 kr. af 1.240.000 kr.".
    pub summary: String,
}

/// Proposes amounts whose total meets the pool (≤ pool, as close as the step allows),
/// keeping the order of the formula amounts, inside bands, locked managers untouched.
#[must_use]
pub fn fit_to_pool(_session: &Session, _eval: &Evaluation) -> AllocationProposal {
    AllocationProposal::default()
}

/// Widens (k > 1) or narrows (k < 1) each level's amounts around its mean, keeping the total.
#[must_use]
pub fn spread(_session: &Session, _eval: &Evaluation, _k: Decimal) -> AllocationProposal {
    AllocationProposal::default()
}
