//! Fold into fixed salary (DOMAIN §4.8): 75 % of last year's amount, or the 3-year average.

use rust_decimal::Decimal;

use crate::model::Session;

/// One manager's fold-into-fixed-salary simulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldRow {
    /// Index into `session.managers`.
    pub manager: usize,
    /// 75 % of last year's amount.
    pub seventy_five_of_last: Option<Decimal>,
    /// Average of the last three years' amounts.
    pub avg3: Option<Decimal>,
}

/// The simulation for every manager and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoldSimulation {
    /// Per manager.
    pub rows: Vec<FoldRow>,
    /// Sum of the 75 % column.
    pub total_seventy_five: Decimal,
    /// Sum of the 3-year-average column.
    pub total_avg3: Decimal,
}

/// Simulates folding the amounts into fixed salary.
#[must_use]
pub fn simulate(_session: &Session) -> FoldSimulation {
    FoldSimulation::default()
}
