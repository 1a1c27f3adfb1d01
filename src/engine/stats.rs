//! Differentiation statistics per level and for the whole group, and per-manager measures.

use rust_decimal::Decimal;

use crate::model::Session;

use super::amounts::ManagerAmount;

/// Descriptive statistics of a set of amounts. Ratios are in percent where named so.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stats {
    /// Number of amounts.
    pub n: usize,
    /// Sum.
    pub sum: Decimal,
    /// Smallest.
    pub min: Decimal,
    /// Largest.
    pub max: Decimal,
    /// max − min.
    pub range: Decimal,
    /// Arithmetic mean.
    pub mean: Decimal,
    /// Median.
    pub median: Decimal,
    /// First quartile.
    pub q1: Decimal,
    /// Third quartile.
    pub q3: Decimal,
    /// Population standard deviation.
    pub sd: Decimal,
    /// Coefficient of variation (sd / mean) in percent.
    pub cv_percent: Decimal,
    /// Gini coefficient, 0–1.
    pub gini: Decimal,
    /// Share of the largest group of identical amounts, in percent.
    pub identical_share_percent: Decimal,
    /// max / min, when min > 0.
    pub max_min_ratio: Option<Decimal>,
}

/// Statistics of one level (or the whole group when `level` is None).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LevelStats {
    /// Level id, or None for the whole group.
    pub level: Option<String>,
    /// The statistics of the amounts.
    pub stats: Stats,
    /// Mean position in band, 0–100 %.
    pub mean_band_position_percent: Option<Decimal>,
    /// Share at band min, percent.
    pub share_at_min_percent: Decimal,
    /// Share at band max, percent.
    pub share_at_max_percent: Decimal,
    /// Sum of last year's amounts of the same managers.
    pub last_year_sum: Option<Decimal>,
    /// Change of the sum vs last year, percent.
    pub change_vs_last_percent: Option<Decimal>,
}

/// Statistics per level (ordered by rank) and for the whole group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupStats {
    /// One per level, lowest rank first.
    pub per_level: Vec<LevelStats>,
    /// The whole group.
    pub total: LevelStats,
}

/// Per-manager measures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ManagerMetrics {
    /// Position in the level's band, 0–100 % (may fall outside when outside the band).
    pub band_position_percent: Option<Decimal>,
    /// Amount as percent of base salary.
    pub percent_of_base: Option<Decimal>,
    /// Last year's amount.
    pub last_year: Option<Decimal>,
    /// Change vs last year, kr.
    pub change_vs_last: Option<Decimal>,
    /// Change vs last year, percent.
    pub change_vs_last_percent: Option<Decimal>,
    /// Average of the last three years' recorded amounts.
    pub avg3: Option<Decimal>,
    /// Change vs the 3-year average, kr.
    pub change_vs_avg3: Option<Decimal>,
}

/// Descriptive statistics of `amounts` (any order).
#[must_use]
pub fn describe(amounts: &[Decimal]) -> Stats {
    let n = amounts.len();
    if n == 0 {
        return Stats::default();
    }
    let sum: Decimal = amounts.iter().sum();
    let min = amounts.iter().copied().min().unwrap_or_default();
    let max = amounts.iter().copied().max().unwrap_or_default();
    Stats { n, sum, min, max, range: max - min, mean: sum / Decimal::from(n), ..Stats::default() }
}

/// Per-manager measures.
#[must_use]
pub fn manager_metrics(
    session: &Session,
    _level_of: &[Option<usize>],
    _amounts: &[ManagerAmount],
) -> Vec<ManagerMetrics> {
    vec![ManagerMetrics::default(); session.managers.len()]
}

/// Statistics per level and for the whole group.
#[must_use]
pub fn group_stats(
    session: &Session,
    level_of: &[Option<usize>],
    amounts: &[ManagerAmount],
    _metrics: &[ManagerMetrics],
) -> GroupStats {
    let per_level = session
        .levels_by_rank()
        .into_iter()
        .map(|li| {
            let a: Vec<Decimal> =
                amounts.iter().zip(level_of).filter(|(_, l)| **l == Some(li)).map(|(a, _)| a.amount).collect();
            LevelStats { level: Some(session.levels[li].id.clone()), stats: describe(&a), ..LevelStats::default() }
        })
        .collect();
    let all: Vec<Decimal> = amounts.iter().map(|a| a.amount).collect();
    GroupStats { per_level, total: LevelStats { stats: describe(&all), ..LevelStats::default() } }
}
