//! Comparing the group's amounts with other organisations: a [`Reference`] is what one or
//! more organisations published in their statistics export (n, sum, mean, median,
//! quartiles, min, max per level, each figure shown or suppressed), keyed by the level's
//! role, never its name. Pure: reading the files is `io::reference_file`.
//!
//! - **Matching.** A session level matches the reference level with the same role (for
//!   the role *Andet*: the same name too), unless the session's link maps it by hand.
//! - **Indeks** = the group's mean / the reference's mean × 100, one decimal (halves away
//!   from zero), computed from the exact sums: `Σ group × n_ref × 100 / (n_group × Σ ref)`.
//! - **Combining** ([`super::reference_combine::combine`]): counts and sums add exactly and the mean is the sum over
//!   the count; min and max are the smallest and largest; median and quartiles are
//!   *approximate* ([`super::reference_combine::mixture_quantile`]): each source's amounts are taken as spread
//!   linearly between its published min, lower quartile, median, upper quartile and max
//!   (at 0, 25, 50, 75 and 100 %), the sources are mixed weighted by their counts, and the
//!   mixture's 25/50/75 % points are read off exactly. A level suppressed in any source
//!   stays suppressed (only its count is known), and the combined *Alle* row gets the
//!   export's secondary suppression again (withheld when 1–4 managers are on suppressed
//!   levels). Nothing is ever computed from a figure a source withheld.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Level, LevelRole};

use super::disclosure::{Cell, Suppression};
use super::stats::Stats;

/// An organisation and the year of its published figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The organisation's name.
    pub organisation: String,
    /// The performance year.
    pub year: i32,
}

/// One published level (or *Alle*) of a reference.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceLevel {
    /// The key levels are matched and combined by ([`level_key`]).
    pub key: String,
    /// The level's name as published.
    pub name: String,
    /// The level's role.
    pub role: LevelRole,
    /// Number of managers (always published).
    pub n: usize,
    /// Share receiving an amount, percent.
    pub receiving_percent: Cell<Decimal>,
    /// Sum of the amounts.
    pub sum: Cell<Decimal>,
    /// Mean (the sum over n when the sum is published).
    pub mean: Cell<Decimal>,
    /// Median.
    pub median: Cell<Decimal>,
    /// Lower quartile.
    pub q1: Cell<Decimal>,
    /// Upper quartile.
    pub q3: Cell<Decimal>,
    /// Smallest amount.
    pub min: Cell<Decimal>,
    /// Largest amount.
    pub max: Cell<Decimal>,
    /// Whether median and quartiles are approximate (combined from several sources).
    pub approximate: bool,
}

impl ReferenceLevel {
    /// A level with only its count known and every figure `cell`.
    #[must_use]
    pub fn with_all(key: String, name: String, role: LevelRole, n: usize, cell: Cell<Decimal>) -> Self {
        Self {
            key,
            name,
            role,
            n,
            receiving_percent: cell,
            sum: cell,
            mean: cell,
            median: cell,
            q1: cell,
            q3: cell,
            min: cell,
            max: cell,
            approximate: false,
        }
    }

    /// Why the level's figures are withheld, if they are (its mean is the test).
    #[must_use]
    pub fn suppression(&self) -> Option<Suppression> {
        self.mean.suppression()
    }

    /// The five points of its distribution (min, q1, median, q3, max) when all are shown.
    pub(super) fn five_points(&self) -> Option<[Decimal; 5]> {
        Some([self.min.shown()?, self.q1.shown()?, self.median.shown()?, self.q3.shown()?, self.max.shown()?])
    }
}

/// A reference: its sources, its levels (highest role first) and its *Alle* row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reference {
    /// The organisations and years the figures come from.
    pub sources: Vec<Source>,
    /// The levels, by key.
    pub levels: Vec<ReferenceLevel>,
    /// The whole group, when published.
    pub total: Option<ReferenceLevel>,
}

impl Reference {
    /// The level with this key.
    #[must_use]
    pub fn level(&self, key: &str) -> Option<&ReferenceLevel> {
        self.levels.iter().find(|l| l.key == key)
    }

    /// Whether any median or quartile is approximate.
    #[must_use]
    pub fn approximate(&self) -> bool {
        self.levels.iter().chain(&self.total).any(|l| l.approximate)
    }

    /// The sources as Danish text: "Styrelse A (2025), Styrelse B (2025)".
    #[must_use]
    pub fn sources_text(&self) -> String {
        let parts: Vec<String> = self.sources.iter().map(|s| format!("{} ({})", s.organisation, s.year)).collect();
        parts.join(", ")
    }
}

/// The key a level is matched by: its role, or for the role *Andet* "Andet: name".
#[must_use]
pub fn level_key(role: LevelRole, name: &str) -> String {
    match role {
        LevelRole::Andet => format!("Andet: {}", name.trim()),
        other => other.label().to_string(),
    }
}

/// Highest role first: the order levels are listed in.
#[must_use]
pub fn role_order(role: LevelRole) -> u8 {
    match role {
        LevelRole::Departementschef | LevelRole::Kommunaldirektoer | LevelRole::Regionsdirektoer => 0,
        LevelRole::Direktoer => 1,
        LevelRole::Afdelingschef => 2,
        LevelRole::Kontorchef => 3,
        LevelRole::Andet => 4,
    }
}

/// Which reference level a session level is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// Mapped by hand to this key.
    Mapped(String),
    /// The same role (and for *Andet* the same name).
    ByRole(String),
    /// Mapped by hand to no reference level.
    MappedToNone,
    /// No reference level has the role.
    NoMatch,
}

impl Match {
    /// The reference level's key, if any.
    #[must_use]
    pub fn key(&self) -> Option<&str> {
        match self {
            Self::Mapped(k) | Self::ByRole(k) => Some(k),
            Self::MappedToNone | Self::NoMatch => None,
        }
    }
}

/// The reference level a session level is compared with in `reference`: the hand-made
/// mapping first, else by role.
#[must_use]
pub fn match_level(level: &Level, mapping: &BTreeMap<String, Option<String>>, reference: &Reference) -> Match {
    match mapping.get(&level.id) {
        Some(Some(key)) if reference.level(key).is_some() => return Match::Mapped(key.clone()),
        Some(None) => return Match::MappedToNone,
        _ => {}
    }
    let key = level_key(level.role, &level.name);
    if level.role == LevelRole::Andet {
        let wanted = key.to_lowercase();
        return reference
            .levels
            .iter()
            .find(|l| l.key.to_lowercase() == wanted)
            .map_or(Match::NoMatch, |l| Match::ByRole(l.key.clone()));
    }
    if reference.level(&key).is_some() { Match::ByRole(key) } else { Match::NoMatch }
}

/// Whether the roles differ: some session level (with managers or not) finds no reference
/// level by role or mapping while some reference level is matched by no session level –
/// then the levels should be mapped by hand.
#[must_use]
pub fn roles_differ(
    session: &crate::model::Session,
    reference: &Reference,
    mapping: &BTreeMap<String, Option<String>>,
) -> bool {
    let matches: Vec<Match> = session.levels.iter().map(|l| match_level(l, mapping, reference)).collect();
    let unmatched_level = matches.contains(&Match::NoMatch);
    let unused = reference.levels.iter().any(|r| !matches.iter().any(|m| m.key() == Some(r.key.as_str())));
    unmatched_level && unused
}

/// How a session level compares with its reference level.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparison {
    /// No reference level (none has the role, or mapped to none).
    Missing,
    /// The reference withheld the level's figures (only its count is known).
    Suppressed {
        /// The reference's count.
        n: usize,
    },
    /// Compared.
    Compared {
        /// The reference level.
        reference: Box<ReferenceLevel>,
        /// Group mean / reference mean × 100, one decimal; None when either side has no
        /// managers or the reference mean is 0.
        indeks: Option<Decimal>,
    },
}

/// `group mean / reference mean × 100` to one decimal (halves away from zero), from the
/// exact sums; None when it is not defined.
#[must_use]
pub fn indeks(group_n: usize, group_sum: Decimal, ref_n: usize, ref_sum: Decimal) -> Option<Decimal> {
    if group_n == 0 || ref_n == 0 {
        return None;
    }
    let top = group_sum.checked_mul(Decimal::from(ref_n))?.checked_mul(Decimal::ONE_HUNDRED)?;
    let bottom = ref_sum.checked_mul(Decimal::from(group_n))?;
    if bottom.is_zero() {
        return None;
    }
    Some(top.checked_div(bottom)?.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
}

/// Compares a group's statistics with a reference level (None: missing).
#[must_use]
pub fn compare(group: &Stats, reference: Option<&ReferenceLevel>) -> Comparison {
    let Some(r) = reference else { return Comparison::Missing };
    if r.suppression().is_some() || r.n == 0 {
        return Comparison::Suppressed { n: r.n };
    }
    let ref_sum = r.sum.shown().or_else(|| r.mean.shown().and_then(|m| m.checked_mul(Decimal::from(r.n))));
    let indeks = ref_sum.and_then(|s| indeks(group.n, group.sum, r.n, s));
    Comparison::Compared { reference: Box::new(r.clone()), indeks }
}

/// The sources of several references, in order, each once.
#[must_use]
pub fn all_sources(references: &[&Reference]) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    for s in references.iter().flat_map(|r| &r.sources) {
        if !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::reference_combine::mixture_quantile;

    fn kr(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn indeks_from_exact_sums_rounds_half_away_from_zero() {
        // Group mean 56.000 over reference mean 50.000: 112,0.
        assert_eq!(indeks(2, kr(112_000), 4, kr(200_000)), Some(Decimal::new(1120, 1)));
        // 100 / 3 × … : 45.000 / 40.000 = 112,5 exactly; 1/3 of 100 → 33,3.
        assert_eq!(indeks(1, kr(45_000), 1, kr(40_000)), Some(Decimal::new(1125, 1)));
        assert_eq!(indeks(3, kr(100), 1, kr(100)), Some(Decimal::new(333, 1)));
        assert_eq!(indeks(0, kr(0), 1, kr(100)), None);
        assert_eq!(indeks(1, kr(5), 1, kr(0)), None);
    }

    #[test]
    fn one_source_quantiles_are_its_own_points() {
        let pts = [kr(10), kr(20), kr(30), kr(40), kr(50)];
        assert_eq!(mixture_quantile(&[(8, pts)], Decimal::new(25, 2)), Some(kr(20)));
        assert_eq!(mixture_quantile(&[(8, pts)], Decimal::new(5, 1)), Some(kr(30)));
    }

    #[test]
    fn two_equal_sources_side_by_side_have_the_middle_between_them() {
        // A: 0–40 evenly, B: 40–80 evenly, equal counts: the mixture's median is 40,
        // its quartiles the sources' medians 20 and 60.
        let a = [kr(0), kr(10), kr(20), kr(30), kr(40)];
        let b = [kr(40), kr(50), kr(60), kr(70), kr(80)];
        let parts = [(5, a), (5, b)];
        assert_eq!(mixture_quantile(&parts, Decimal::new(5, 1)), Some(kr(40)));
        assert_eq!(mixture_quantile(&parts, Decimal::new(25, 2)), Some(kr(20)));
        assert_eq!(mixture_quantile(&parts, Decimal::new(75, 2)), Some(kr(60)));
    }

    #[test]
    fn a_source_of_identical_amounts_is_a_step() {
        // Everyone 50: every point is 50, whatever the other source says.
        let same = [kr(50); 5];
        assert_eq!(mixture_quantile(&[(10, same)], Decimal::new(25, 2)), Some(kr(50)));
        let low = [kr(0), kr(10), kr(20), kr(30), kr(40)];
        // 10 at 0–40 and 10 all at 50: below 50 half of all; the 75 % point is 50.
        assert_eq!(mixture_quantile(&[(10, low), (10, same)], Decimal::new(75, 2)), Some(kr(50)));
        assert_eq!(mixture_quantile(&[(10, low), (10, same)], Decimal::new(25, 2)), Some(kr(20)));
    }
}
