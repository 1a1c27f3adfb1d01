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

/// Simulates folding the amounts into fixed salary (000 §4.8): per manager 75 % of last
/// year's amount, and the average of the three years before the session's year (those
/// recorded); totals of both.
#[must_use]
pub fn simulate(session: &Session) -> FoldSimulation {
    let year = session.year;
    let mut sim = FoldSimulation::default();
    for (manager, m) in session.managers.iter().enumerate() {
        let history = session.history.get(&m.id);
        let seventy_five_of_last = history
            .and_then(|h| h.get(&(year - 1)))
            .map(|last| (*last * Decimal::from(75) / Decimal::ONE_HUNDRED).round_dp(2));
        let earlier: Vec<Decimal> =
            history.map(|h| (1..=3).filter_map(|k| h.get(&(year - k)).copied()).collect()).unwrap_or_default();
        let avg3 =
            (!earlier.is_empty()).then(|| (earlier.iter().sum::<Decimal>() / Decimal::from(earlier.len())).round_dp(2));
        sim.total_seventy_five += seventy_five_of_last.unwrap_or_default();
        sim.total_avg3 += avg3.unwrap_or_default();
        sim.rows.push(FoldRow { manager, seventy_five_of_last, avg3 });
    }
    sim
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seventy_five_percent_and_three_year_average() {
        let s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
        let sim = simulate(&s);
        let kc01 = s.manager_index("KC01").unwrap_or_default();
        // KC01: 2023 38.000, 2024 40.000, 2025 41.000 → 75 % × 41.000 = 30.750; avg 39.666,67.
        assert_eq!(sim.rows[kc01].seventy_five_of_last, Some(Decimal::from(30_750)));
        assert_eq!(sim.rows[kc01].avg3, Some(Decimal::new(3_966_667, 2)));
        // KC12 has no history.
        let kc12 = s.manager_index("KC12").unwrap_or_default();
        assert_eq!(sim.rows[kc12].seventy_five_of_last, None);
        assert_eq!(sim.total_seventy_five, sim.rows.iter().filter_map(|r| r.seventy_five_of_last).sum::<Decimal>());
    }
}
