//! What an assessment lacks ([`Missing`]), as the missing-assessment finding says it.

/// What an assessment lacks (the model decides which input is missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Box-model scores.
    Scores,
    /// Goal attainment.
    Attainment,
    /// The overall rating.
    Rating,
    /// The fixed tier.
    Tier,
    /// The direct amount.
    Amount,
}
