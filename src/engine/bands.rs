//! Band-overlap geometry: where levels' bands overlap, and actual inversions.

use rust_decimal::Decimal;

use crate::model::Session;

use super::amounts::ManagerAmount;

/// The kr. interval where the bands of two levels overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandOverlap {
    /// Index of the lower-ranked level in `session.levels`.
    pub lower: usize,
    /// Index of the higher-ranked level.
    pub higher: usize,
    /// Start of the overlap.
    pub from: Decimal,
    /// End of the overlap.
    pub to: Decimal,
}

/// A manager of a lower level with a larger amount than a manager of a higher level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inversion {
    /// Index of the lower-level manager in `session.managers`.
    pub lower_manager: usize,
    /// Index of the higher-level manager.
    pub higher_manager: usize,
    /// The lower-level manager's amount.
    pub lower_amount: Decimal,
    /// The higher-level manager's amount.
    pub higher_amount: Decimal,
}

/// For each pair of levels (lower rank first) the overlap of their bands, if any.
#[must_use]
pub fn overlaps(_session: &Session) -> Vec<BandOverlap> {
    Vec::new()
}

/// Every pair (lower-level manager, higher-level manager) where the lower gets more.
#[must_use]
pub fn inversions(_session: &Session, _level_of: &[Option<usize>], _amounts: &[ManagerAmount]) -> Vec<Inversion> {
    Vec::new()
}
