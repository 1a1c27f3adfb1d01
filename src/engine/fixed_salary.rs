//! Fold into fixed salary (000 §4.8): 75 % of last year's amount, or the 3-year average.
//!
//! **The three-year rule.** The average is taken over the three years before the session's
//! year, over the years that have a recorded amount: their sum divided by how many they
//! are (1, 2 or 3), to øre. A recorded 0 kr. is a year (the manager was assessed and got
//! nothing); a year without a record (not yet a manager, on leave, not calibrated) is left
//! out rather than counted as 0 kr. – two paid years of 40.000 and 44.000 kr. average
//! 42.000 kr., not 28.000. No recorded year: no average. Each row says how many years its
//! average is over.

use rust_decimal::Decimal;

use crate::model::Session;

/// How many years before the session's year the average looks back.
pub const AVERAGE_YEARS: i32 = 3;

/// One manager's fold-into-fixed-salary simulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldRow {
    /// Index into `session.managers`.
    pub manager: usize,
    /// 75 % of last year's amount.
    pub seventy_five_of_last: Option<Decimal>,
    /// Average of the amounts recorded in the last three years (see the module's rule).
    pub avg3: Option<Decimal>,
    /// How many years (0–3) have a recorded amount, i.e. what `avg3` is over.
    pub avg3_years: usize,
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

/// The average of `amounts` to øre (halves away from zero); None for no amounts or an
/// overflowing sum.
#[must_use]
pub fn average_of_paid_years(amounts: &[Decimal]) -> Option<Decimal> {
    if amounts.is_empty() {
        return None;
    }
    let sum = amounts.iter().try_fold(Decimal::ZERO, |acc, a| acc.checked_add(*a))?;
    let avg = sum.checked_div(Decimal::from(amounts.len()))?;
    Some(avg.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
}

/// Simulates folding the amounts into fixed salary (000 §4.8): per manager 75 % of last
/// year's amount, and the average of the three years before the session's year by the
/// module's rule; totals of both (checked: a total that would overflow stays at the
/// largest value, which no real session reaches).
#[must_use]
pub fn simulate(session: &Session) -> FoldSimulation {
    let year = session.year;
    let mut sim = FoldSimulation::default();
    for (manager, m) in session.managers.iter().enumerate() {
        let history = session.history.get(&m.id);
        let seventy_five_of_last = history
            .and_then(|h| h.get(&(year - 1)))
            .and_then(|last| last.checked_mul(Decimal::from(75)))
            .map(|x| (x / Decimal::ONE_HUNDRED).round_dp(2));
        let paid: Vec<Decimal> = history
            .map(|h| (1..=AVERAGE_YEARS).filter_map(|k| h.get(&(year - k)).copied()).collect())
            .unwrap_or_default();
        let avg3 = average_of_paid_years(&paid);
        let add = |total: Decimal, v: Option<Decimal>| total.checked_add(v.unwrap_or_default()).unwrap_or(Decimal::MAX);
        sim.total_seventy_five = add(sim.total_seventy_five, seventy_five_of_last);
        sim.total_avg3 = add(sim.total_avg3, avg3);
        sim.rows.push(FoldRow { manager, seventy_five_of_last, avg3, avg3_years: paid.len() });
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
        assert_eq!(sim.rows[kc01].avg3_years, 3);
        // KC12 has no history.
        let kc12 = s.manager_index("KC12").unwrap_or_default();
        assert_eq!(sim.rows[kc12].seventy_five_of_last, None);
        assert_eq!((sim.rows[kc12].avg3, sim.rows[kc12].avg3_years), (None, 0));
        assert_eq!(sim.total_seventy_five, sim.rows.iter().filter_map(|r| r.seventy_five_of_last).sum::<Decimal>());
    }

    /// 000 §4.8 with fewer paid years: the average is over the years with a recorded
    /// amount; a missing year is left out, a recorded 0 kr. counts.
    #[test]
    fn the_average_of_fewer_paid_years_is_over_those_years() {
        let mut s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
        let d = Decimal::from;
        // 2024 missing: (40.000 + 44.000) / 2 = 42.000, not 84.000 / 3 = 28.000.
        s.history.insert("KC12".into(), [(2023, d(40_000)), (2025, d(44_000))].into_iter().collect());
        // One year only: 35.000.
        s.history.insert("KC01".into(), [(2025, d(35_000))].into_iter().collect());
        // A recorded 0 kr. counts: (0 + 30.000 + 31.000) / 3 = 20.333,33.
        s.history.insert("KC02".into(), [(2023, d(0)), (2024, d(30_000)), (2025, d(31_000))].into_iter().collect());
        // Older than three years does not count: 2022 is left out → 50.000.
        s.history.insert("KC04".into(), [(2022, d(10_000)), (2025, d(50_000))].into_iter().collect());
        let sim = simulate(&s);
        let row = |id: &str| sim.rows[s.manager_index(id).unwrap_or_default()].clone();
        assert_eq!((row("KC12").avg3, row("KC12").avg3_years), (Some(d(42_000)), 2));
        assert_eq!((row("KC01").avg3, row("KC01").avg3_years), (Some(d(35_000)), 1));
        assert_eq!((row("KC02").avg3, row("KC02").avg3_years), (Some(Decimal::new(2_033_333, 2)), 3));
        assert_eq!((row("KC04").avg3, row("KC04").avg3_years), (Some(d(50_000)), 1));
        // 20.000 / 3 = 6.666,666… → 6.666,67 (to øre, halves away from zero).
        assert_eq!(average_of_paid_years(&[d(0), d(0), d(20_000)]), Some(Decimal::new(666_667, 2)));
    }
}
