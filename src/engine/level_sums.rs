//! The exact integer sums behind a level's statistics, kept in the evaluation so that one
//! manager's change updates them in place (see [`LevelSums`]).

use rust_decimal::Decimal;

use crate::model::Band;

use super::amounts::ManagerAmount;
use super::exact_sums;
use super::stats::{LevelStats, ManagerMetrics, band_edge_counts, change_vs_last, describe_sorted};

/// One manager's part in a level's statistics, as exact integers: amount in øre, band
/// position in 10⁻⁶ %, last year's amount in øre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    cents: i128,
    position: Option<i128>,
    last: Option<i128>,
}

impl Part {
    /// The part of a manager with this amount and measures; `None` when a value is
    /// finer than the integer units.
    pub(crate) fn of(amount: Decimal, metrics: &ManagerMetrics) -> Option<Self> {
        let scaled = |v: Option<Decimal>, scale| match v {
            Some(v) => exact_sums::to_scaled(v, scale).map(Some),
            None => Some(None),
        };
        Some(Self {
            cents: exact_sums::to_scaled(amount, 2)?,
            position: scaled(metrics.band_position_percent, 6)?,
            last: scaled(metrics.last_year, 2)?,
        })
    }
}

/// The exact integer sums a level's (or the group's) statistics come from. Kept in the
/// evaluation so that one manager's change moves one value in the sorted amounts and
/// adjusts the sums, instead of converting and sorting every amount again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LevelSums {
    /// The amounts in øre, ascending.
    sorted: Vec<i128>,
    /// Σ band position (10⁻⁶ %) and how many have one.
    positions: (i128, usize),
    /// Σ last year's amount (øre) of those who had one, and how many.
    last: (i128, usize),
    /// Σ this year's amount (øre) of those who had a last year.
    this_of_those: i128,
}

impl LevelSums {
    /// The sums of the `members`; `None` when a value is finer than the integer units.
    pub(crate) fn build(members: &[usize], amounts: &[ManagerAmount], metrics: &[ManagerMetrics]) -> Option<Self> {
        let mut sums = Self { sorted: Vec::with_capacity(members.len()), ..Self::default() };
        for &i in members {
            let part = Part::of(amounts[i].amount, &metrics[i])?;
            sums.sorted.push(part.cents);
            sums.add(part, 1)?;
        }
        sums.sorted.sort_unstable();
        Some(sums)
    }

    /// Adds (`sign` 1) or removes (−1) a part's sums; `None` on overflow.
    fn add(&mut self, part: Part, sign: i128) -> Option<()> {
        let count = |n: usize| if sign > 0 { n.checked_add(1) } else { n.checked_sub(1) };
        if let Some(p) = part.position {
            self.positions = (self.positions.0.checked_add(sign * p)?, count(self.positions.1)?);
        }
        if let Some(l) = part.last {
            self.last = (self.last.0.checked_add(sign * l)?, count(self.last.1)?);
            self.this_of_those = self.this_of_those.checked_add(sign * part.cents)?;
        }
        Some(())
    }

    /// Replaces one member's part `old` by `new`; `None` (sums then unusable) when `old`
    /// is not among them or a sum overflows.
    pub(crate) fn replace(&mut self, old: Part, new: Part) -> Option<()> {
        let at = self.sorted.binary_search(&old.cents).ok()?;
        self.sorted.remove(at);
        let to = self.sorted.partition_point(|&c| c < new.cents);
        self.sorted.insert(to, new.cents);
        self.add(old, -1)?;
        self.add(new, 1)
    }

    /// The statistics, exactly as [`super::stats::level_stats`] computes them from the same values.
    pub(crate) fn stats(&self, level: Option<String>, band: Option<Band>) -> LevelStats {
        let k = self.sorted.len();
        let n = Decimal::from(k.max(1));
        let (at_min, at_max) = band.map_or((0, 0), |b| band_edge_counts(&self.sorted, b));
        let change = change_vs_last(
            self.last.1,
            exact_sums::from_scaled(self.this_of_those, 2),
            exact_sums::from_scaled(self.last.0, 2),
        );
        LevelStats {
            level,
            stats: describe_sorted(&self.sorted),
            mean_band_position_percent: (self.positions.1 > 0)
                .then(|| exact_sums::from_scaled(self.positions.0, 6) / Decimal::from(self.positions.1)),
            share_at_min_percent: Decimal::from(at_min * 100) / n,
            share_at_max_percent: Decimal::from(at_max * 100) / n,
            change_vs_last: change,
        }
    }
}
