//! The exact integer sums behind a level's statistics, kept in the evaluation so that one
//! manager's change updates them in place (see [`LevelSums`]). Plain integers: the
//! statistics they give are built in `stats.rs` (`stats::of_sums`).

use rust_decimal::Decimal;

use crate::model::Band;

use super::exact_sums;

/// One manager's part in a level's statistics, as exact integers: amount in øre, band
/// position in 10⁻⁶ %, last year's amount in øre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    cents: i128,
    position: Option<i128>,
    last: Option<i128>,
}

impl Part {
    /// The part of a manager with this amount, band position (%) and last year's amount;
    /// `None` when a value is finer than the integer units.
    pub(crate) fn new(amount: Decimal, position: Option<Decimal>, last: Option<Decimal>) -> Option<Self> {
        let scaled = |v: Option<Decimal>, scale| match v {
            Some(v) => exact_sums::to_scaled(v, scale).map(Some),
            None => Some(None),
        };
        Some(Self { cents: exact_sums::to_scaled(amount, 2)?, position: scaled(position, 6)?, last: scaled(last, 2)? })
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
    /// The sums of these parts; `None` when one is `None` (a value finer than the integer
    /// units).
    pub(crate) fn build(parts: impl ExactSizeIterator<Item = Option<Part>>) -> Option<Self> {
        let mut sums = Self { sorted: Vec::with_capacity(parts.len()), ..Self::default() };
        for part in parts {
            let part = part?;
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

    /// The amounts in øre, ascending.
    pub(crate) fn sorted_cents(&self) -> &[i128] {
        &self.sorted
    }

    /// The mean band position in percent; `None` when nobody has one.
    pub(crate) fn mean_position(&self) -> Option<Decimal> {
        (self.positions.1 > 0).then(|| exact_sums::from_scaled(self.positions.0, 6) / Decimal::from(self.positions.1))
    }

    /// How many members had a last-year amount, this year's sum of their amounts and
    /// last year's.
    pub(crate) fn last_year(&self) -> (usize, Decimal, Decimal) {
        (self.last.1, exact_sums::from_scaled(self.this_of_those, 2), exact_sums::from_scaled(self.last.0, 2))
    }
}

/// How many of the sorted øre are at or below the band's minimum and at or above its
/// maximum: two binary searches.
pub(crate) fn band_edge_counts(sorted: &[i128], band: Band) -> (usize, usize) {
    match exact_sums::to_scaled(band.min, 2).zip(exact_sums::to_scaled(band.max, 2)) {
        Some((min, max)) => {
            (sorted.partition_point(|&c| c <= min), sorted.len() - sorted.partition_point(|&c| c < max))
        }
        // Band edges finer than øre: compare as Decimal.
        None => (
            sorted.partition_point(|&c| exact_sums::from_scaled(c, 2) <= band.min),
            sorted.len() - sorted.partition_point(|&c| exact_sums::from_scaled(c, 2) < band.max),
        ),
    }
}
