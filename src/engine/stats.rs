//! Differentiation statistics per level and for the whole group, and per-manager measures.

use rust_decimal::Decimal;

use crate::model::{Band, Session};

use super::amounts::ManagerAmount;
pub use super::descriptive::Stats;
use super::exact_sums;
use super::level_sums::{LevelSums, Part, band_edge_counts};

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
    /// Change vs last year over the managers who had a last-year amount (None when
    /// nobody had one); see [`change_vs_last`].
    pub change_vs_last: Option<ChangeVsLast>,
}

/// The change of a group's amounts vs last year, over the same managers both years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChangeVsLast {
    /// How many managers the change is computed over: those with a last-year amount.
    pub managers: usize,
    /// This year's amounts of those managers, summed.
    pub this_year_sum: Decimal,
    /// Their last-year amounts, summed.
    pub last_year_sum: Decimal,
    /// `(this_year_sum − last_year_sum) / last_year_sum` in percent (6 decimals); None
    /// when last year's sum is 0.
    pub percent: Option<Decimal>,
}

impl ChangeVsLast {
    /// The change in percent at Decimal's full precision, not rounded to 6 decimals:
    /// `(this_year_sum − last_year_sum) × 100 / last_year_sum`, which is exact whenever the
    /// quotient has at most 28 significant digits and otherwise the quotient correctly
    /// rounded to 28 digits (1.000 / 103.000 → 0,9708737864077669902912621359 %). The two
    /// sums are the exact ratio. None when last year's sum is 0 (or on overflow).
    #[must_use]
    pub fn exact_percent(&self) -> Option<Decimal> {
        if self.last_year_sum.is_zero() {
            return None;
        }
        self.this_year_sum
            .checked_sub(self.last_year_sum)?
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(self.last_year_sum)
    }
}

/// The one definition of a group's change vs last year: over the same managers both
/// years — only managers with a last-year amount count, in this year's sum as in last
/// year's (a newcomer without history is in neither). `managers` is how many those are;
/// None when there are none.
#[must_use]
pub fn change_vs_last(managers: usize, this_year_sum: Decimal, last_year_sum: Decimal) -> Option<ChangeVsLast> {
    (managers > 0).then(|| ChangeVsLast {
        managers,
        this_year_sum,
        last_year_sum,
        percent: this_year_sum.checked_sub(last_year_sum).and_then(|d| percent(d, last_year_sum)),
    })
}

/// Statistics per level (ordered by rank) and for the whole group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupStats {
    /// One per level, lowest rank first.
    pub per_level: Vec<LevelStats>,
    /// The whole group.
    pub total: LevelStats,
}

impl GroupStats {
    /// The statistics of the level with this id (None: no such level in the evaluation).
    #[must_use]
    pub fn of_level(&self, id: &str) -> Option<&LevelStats> {
        self.per_level.iter().find(|s| s.level.as_deref() == Some(id))
    }
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

/// `part / whole` in percent to 6 decimals (far below anything shown, and sums of such
/// values stay cheap), None when `whole` is 0 (or the quotient overflows).
pub(super) fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    Some(part.checked_div(whole)?.checked_mul(Decimal::ONE_HUNDRED)?.round_dp(6))
}

/// Per-manager measures: position in band, % of base salary, change vs last year and vs
/// the average of the three years before the session's year (those recorded).
#[must_use]
pub fn manager_metrics(
    session: &Session,
    level_of: &[Option<usize>],
    amounts: &[ManagerAmount],
) -> Vec<ManagerMetrics> {
    session
        .managers
        .iter()
        .zip(level_of)
        .zip(amounts)
        .map(|((m, level), a)| metrics_of(session, m, level.and_then(|l| session.levels.get(l)), a.amount))
        .collect()
}

/// One manager's measures for `amount` (see [`manager_metrics`]).
#[must_use]
pub fn metrics_of(
    session: &Session,
    m: &crate::model::Manager,
    level: Option<&crate::model::Level>,
    amount: Decimal,
) -> ManagerMetrics {
    let year = session.year;
    let band_position_percent = level.and_then(|l| percent(amount - l.band.min, l.band.width()));
    let history = session.history.get(&m.id);
    let last_year = history.and_then(|h| h.get(&(year - 1)).copied());
    let earlier: Vec<Decimal> =
        history.map(|h| (1..=3).filter_map(|k| h.get(&(year - k)).copied()).collect()).unwrap_or_default();
    let avg3 = (!earlier.is_empty()).then(|| earlier.iter().sum::<Decimal>() / Decimal::from(earlier.len()));
    ManagerMetrics {
        band_position_percent,
        percent_of_base: percent(amount, m.base_salary),
        last_year,
        change_vs_last: last_year.map(|l| amount - l),
        change_vs_last_percent: last_year.and_then(|l| percent(amount - l, l)),
        avg3,
        change_vs_avg3: avg3.map(|avg| amount - avg),
    }
}

/// One manager's part in their level's integer sums (`None`: a value finer than the
/// integer units).
pub(super) fn part_of(amount: Decimal, metrics: &ManagerMetrics) -> Option<Part> {
    Part::new(amount, metrics.band_position_percent, metrics.last_year)
}

/// The integer sums of the `members`; `None` when a value is finer than the integer units.
pub(super) fn sums_of(members: &[usize], amounts: &[ManagerAmount], metrics: &[ManagerMetrics]) -> Option<LevelSums> {
    LevelSums::build(members.iter().map(|&i| part_of(amounts[i].amount, &metrics[i])))
}

/// A level's statistics from its integer sums, exactly as [`level_stats`] computes them
/// from the same values.
pub(super) fn of_sums(sums: &LevelSums, level: Option<String>, band: Option<Band>) -> LevelStats {
    let sorted = sums.sorted_cents();
    let n = Decimal::from(sorted.len().max(1));
    let (at_min, at_max) = band.map_or((0, 0), |b| band_edge_counts(sorted, b));
    let (managers, this_year, last_year) = sums.last_year();
    LevelStats {
        level,
        stats: Stats::of_sorted_cents(sorted),
        mean_band_position_percent: sums.mean_position(),
        share_at_min_percent: Decimal::from(at_min * 100) / n,
        share_at_max_percent: Decimal::from(at_max * 100) / n,
        change_vs_last: change_vs_last(managers, this_year, last_year),
    }
}

/// Statistics of one group of managers (indices).
pub(crate) fn level_stats(
    level: Option<String>,
    band: Option<Band>,
    members: &[usize],
    amounts: &[ManagerAmount],
    metrics: &[ManagerMetrics],
) -> LevelStats {
    if let Some(sums) = sums_of(members, amounts, metrics) {
        return of_sums(&sums, level, band);
    }
    // Some value is finer than øre (amounts) or 10⁻⁶ (band positions): Decimal arithmetic.
    let k = members.len();
    let (mut values, mut positions) = (Vec::with_capacity(k), Vec::with_capacity(k));
    let (mut last, mut this) = (Vec::with_capacity(k), Vec::with_capacity(k));
    for &i in members {
        let a = amounts[i].amount;
        values.push(a);
        positions.extend(metrics[i].band_position_percent);
        if let Some(l) = metrics[i].last_year {
            last.push(l);
            this.push(a);
        }
    }
    let (stats, sorted_cents) = Stats::of_keeping_cents(&values);
    let n = Decimal::from(k.max(1));
    let mean_band_position_percent =
        (!positions.is_empty()).then(|| exact_sums::sum(&positions, 6) / Decimal::from(positions.len()));
    let (at_min, at_max) = band.map_or((0, 0), |b| at_band_edges(&values, sorted_cents.as_deref(), b));
    let change = change_vs_last(last.len(), exact_sums::sum(&this, 2), exact_sums::sum(&last, 2));
    LevelStats {
        level,
        stats,
        mean_band_position_percent,
        share_at_min_percent: Decimal::from(at_min * 100) / n,
        share_at_max_percent: Decimal::from(at_max * 100) / n,
        change_vs_last: change,
    }
}

/// How many values are at or below the band's minimum and at or above its maximum:
/// in the sorted øre when there are such, else value by value.
fn at_band_edges(values: &[Decimal], sorted_cents: Option<&[i128]>, band: Band) -> (usize, usize) {
    if let Some(sorted) = sorted_cents {
        return band_edge_counts(sorted, band);
    }
    let at_min = values.iter().filter(|v| **v <= band.min).count();
    let at_max = values.iter().filter(|v| **v >= band.max).count();
    (at_min, at_max)
}

/// Statistics per level (lowest rank first) and for the whole group.
#[must_use]
pub fn group_stats(
    session: &Session,
    level_of: &[Option<usize>],
    amounts: &[ManagerAmount],
    metrics: &[ManagerMetrics],
) -> GroupStats {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); session.levels.len()];
    for (i, l) in level_of.iter().enumerate() {
        if let Some(l) = l {
            members[*l].push(i);
        }
    }
    let per_level = session
        .levels_by_rank()
        .into_iter()
        .map(|li| {
            let level = &session.levels[li];
            level_stats(Some(level.id.clone()), Some(level.band), &members[li], amounts, metrics)
        })
        .collect();
    let all: Vec<usize> = (0..amounts.len()).collect();
    GroupStats { per_level, total: level_stats(None, None, &all, amounts, metrics) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn band_edges_are_counted_inclusively_on_both_paths() {
        let band = Band { min: kr(50_000), max: kr(100_000) };
        // 40,000 and 50,000 at or below the minimum; 100,000 and 120,000 at or above the
        // maximum; 99,999.99 and 75,000 inside.
        let values = [kr(50_000), kr(40_000), kr(75_000), kr(100_000), kr(120_000), Decimal::new(9_999_999, 2)];
        let (stats, sorted) = Stats::of_keeping_cents(&values);
        assert_eq!(stats.min, kr(40_000));
        assert_eq!(at_band_edges(&values, sorted.as_deref(), band), (2, 2));
        assert_eq!(at_band_edges(&values, None, band), (2, 2));
        // A value finer than øre sends the whole level down the Decimal path.
        let finer = [&values[..], &[Decimal::new(60_000_005, 3)]].concat();
        let (_, sorted) = Stats::of_keeping_cents(&finer);
        assert!(sorted.is_none());
        assert_eq!(at_band_edges(&finer, sorted.as_deref(), band), (2, 2));
    }
}
