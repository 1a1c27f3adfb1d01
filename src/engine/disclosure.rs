//! Disclosure control for the published statistics: which figures of which level may be
//! printed so that no group of fewer than [`MIN_GROUP`] managers — and so no single
//! manager — can be read off or derived from the published table.
//!
//! The publication has one row per level and the *Alle* row, each with n, the share
//! receiving an amount, mean, median, min, max and the change vs last year (with the
//! number of managers it is computed over), and for a reference (`engine::reference`) the
//! level's role, the sum (shown and withheld with the mean: n is published, so they are the
//! same figure) and the quartiles (shown and withheld with the median). The rules:
//!
//! - **Primary suppression.** A level with 1–4 managers shows only n; every other cell is
//!   [`Suppression::FewerThanMin`]. A shown level's change vs last year computed over
//!   fewer than 5 managers is suppressed the same way.
//! - **Secondary suppression** of the *Alle* row, whose figures include the suppressed
//!   managers (the *residual*: everyone not on a shown level). n is always shown, so an
//!   attacker knows the residual's size r and can difference any additive figure
//!   (Σ = mean × n, the number receiving): when 0 < r < 5 the *Alle* mean, share
//!   receiving and median are [`Suppression::Derivable`] (also when r ≥ 5 but every
//!   residual amount is the same, which the sum would give away). The *Alle* min and max
//!   are shown only when a shown level has the same extreme; otherwise they are a
//!   suppressed manager's amount. The *Alle* change is suppressed when the managers with
//!   a last-year amount outside the shown changes number 1–4.
//!
//! - **Order statistics** (min, quartiles, median, max) are individual amounts – each is
//!   one manager's amount or the mean of two neighbours – so a level of 5 used to publish
//!   all five of its amounts. A row's median and quartiles are shown only from
//!   [`MIN_QUARTILES`] (10) managers, its min and max only from [`MIN_EXTREMES`] (20)
//!   (`FewerThanMin` below). Then, knowing that no amount is below 0 kr., a reader pins
//!   down what the shown order statistics, n, the sum and the share receiving fix
//!   together (`disclosure_order::exposure`: ties such as q1 = q3, pairs, zeros from the
//!   share, the rest from the sum); when that is a group of 1–4, every amount of the
//!   row, or more distinct amounts than a quarter of the row (`4 × k > n + 1`), the
//!   extremes, then the median and
//!   quartiles, then the share receiving (then the sum) are `Derivable`. *Alle*'s median
//!   and quartiles mix every level's amounts and are shown only when every manager is on
//!   a level that shows all five of its own; its min and max need 20 managers too; its
//!   share receiving is withheld when a level withheld its own; and its additive figures
//!   are withheld when 1–4 of the residual receive an amount (their sum would be the
//!   residual's).
//!
//! `tests/statistics_disclosure.rs` plays the attacker against this: from the shown
//! figures it tries to recover every suppressed one and the amounts of a level one by
//! one (sums, counts and order statistics together), and must fail.

use rust_decimal::Decimal;

use crate::model::Session;

use super::Evaluation;
use super::disclosure_order::{self, MIN_EXTREMES, MIN_QUARTILES};
use super::stats::LevelStats;

/// The smallest group whose figures are published.
pub const MIN_GROUP: usize = 5;

/// Why a figure is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suppression {
    /// Primary: the figure is about fewer than [`MIN_GROUP`] managers.
    FewerThanMin,
    /// Secondary: the figure would let a suppressed one be derived.
    Derivable,
}

/// One published cell: a value, nothing to show, or suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<T> {
    /// Published.
    Shown(T),
    /// There is no such figure (an empty level; nobody with a last-year amount).
    Missing,
    /// Withheld.
    Suppressed(Suppression),
}

impl<T: Copy> Cell<T> {
    /// The value when it is published.
    #[must_use]
    pub fn shown(&self) -> Option<T> {
        match self {
            Self::Shown(v) => Some(*v),
            _ => None,
        }
    }

    /// Why the cell is withheld, if it is.
    #[must_use]
    pub fn suppression(&self) -> Option<Suppression> {
        match self {
            Self::Suppressed(s) => Some(*s),
            _ => None,
        }
    }

    /// `Shown(v)` for Some, `Missing` for None.
    fn of(value: Option<T>) -> Self {
        value.map_or(Self::Missing, Self::Shown)
    }

    /// The cell, withheld for `reason` when there is one and the figure exists.
    fn unless(self, reason: Option<Suppression>) -> Self {
        match (self, reason) {
            (Self::Shown(_), Some(r)) => Self::Suppressed(r),
            (cell, _) => cell,
        }
    }

    /// The cell, withheld for `reason` when there is one, even when the figure does not
    /// exist (that it does not – nobody had a last-year amount – says something too).
    fn withheld_if(self, reason: Option<Suppression>) -> Self {
        reason.map_or(self, Self::Suppressed)
    }
}

/// One row of the publication.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedRow {
    /// The level's id; None for *Alle*.
    pub level: Option<String>,
    /// The level's name, or "Alle".
    pub name: String,
    /// The level's role (None for *Alle*): what a reference matches levels by.
    pub role: Option<crate::model::LevelRole>,
    /// Number of managers (always published).
    pub n: usize,
    /// Sum of the amounts (withheld exactly when the mean is: with n published, the sum
    /// and the mean are the same figure).
    pub sum: Cell<Decimal>,
    /// Lower quartile (withheld exactly when the median is).
    pub q1: Cell<Decimal>,
    /// Upper quartile (withheld exactly when the median is).
    pub q3: Cell<Decimal>,
    /// Share with an amount above 0, percent.
    pub receiving_percent: Cell<Decimal>,
    /// Mean amount.
    pub mean: Cell<Decimal>,
    /// Median amount.
    pub median: Cell<Decimal>,
    /// Smallest amount.
    pub min: Cell<Decimal>,
    /// Largest amount.
    pub max: Cell<Decimal>,
    /// Change vs last year over the same managers, percent ([`super::stats::change_vs_last`]).
    pub change_percent: Cell<Decimal>,
    /// How many managers the change is computed over.
    pub change_managers: Cell<usize>,
}

impl PublishedRow {
    /// The cells by their machine names (for `stats --json`), n excluded.
    #[must_use]
    pub fn cell_states(&self) -> [(&'static str, Option<Suppression>, bool); 10] {
        let decimal = |c: &Cell<Decimal>| (c.suppression(), *c == Cell::Missing);
        let named = |name, (s, missing)| (name, s, missing);
        [
            named("receiving_percent", decimal(&self.receiving_percent)),
            named("mean", decimal(&self.mean)),
            named("median", decimal(&self.median)),
            named("sum", decimal(&self.sum)),
            named("q1", decimal(&self.q1)),
            named("q3", decimal(&self.q3)),
            named("min", decimal(&self.min)),
            named("max", decimal(&self.max)),
            named("change_vs_last_percent", decimal(&self.change_percent)),
            ("change_vs_last_managers", self.change_managers.suppression(), self.change_managers == Cell::Missing),
        ]
    }
}

/// The publication: the levels, highest rank first, and the *Alle* row.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    /// One row per level, highest rank first.
    pub levels: Vec<PublishedRow>,
    /// The whole group.
    pub total: PublishedRow,
}

impl Publication {
    /// Whether any cell is withheld for `reason`.
    #[must_use]
    pub fn uses(&self, reason: Suppression) -> bool {
        self.levels
            .iter()
            .chain(std::iter::once(&self.total))
            .any(|r| r.cell_states().iter().any(|(_, s, _)| *s == Some(reason)))
    }

    /// The row of a level id (None: *Alle*).
    #[must_use]
    pub fn row(&self, level: Option<&str>) -> Option<&PublishedRow> {
        match level {
            None => Some(&self.total),
            Some(id) => self.levels.iter().find(|r| r.level.as_deref() == Some(id)),
        }
    }
}

/// What the publication needs of one group of managers.
struct Group<'a> {
    stats: &'a LevelStats,
    receiving: usize,
}

impl Group<'_> {
    /// The row with every figure shown that exists (suppression is applied afterwards).
    fn row(&self, level: Option<String>, name: String, role: Option<crate::model::LevelRole>) -> PublishedRow {
        let s = &self.stats.stats;
        let n = s.n;
        let exists = |v: Decimal| Cell::of((n > 0).then_some(v));
        let change = self.stats.change_vs_last;
        PublishedRow {
            level,
            name,
            role,
            n,
            sum: exists(s.sum),
            q1: exists(s.q1),
            q3: exists(s.q3),
            receiving_percent: exists(Decimal::from(self.receiving * 100) / Decimal::from(n.max(1))),
            mean: exists(s.mean),
            median: exists(s.median),
            min: exists(s.min),
            max: exists(s.max),
            change_percent: Cell::of(change.and_then(|c| c.percent)),
            change_managers: Cell::Shown(change.map_or(0, |c| c.managers)),
        }
    }
}

/// The publication of the evaluated session with primary and secondary suppression.
#[must_use]
pub fn publication(session: &Session, eval: &Evaluation) -> Publication {
    let mut receiving = vec![0_usize; session.levels.len()];
    let mut total_receiving = 0;
    for (a, l) in eval.amounts.iter().zip(&eval.level_of) {
        if a.amount > Decimal::ZERO {
            total_receiving += 1;
            if let Some(slot) = l.and_then(|l| receiving.get_mut(l)) {
                *slot += 1;
            }
        }
    }
    let empty = LevelStats::default();
    let mut levels = Vec::new();
    for li in session.levels_by_rank().into_iter().rev() {
        let level = &session.levels[li];
        let stats = eval.stats.of_level(&level.id).unwrap_or(&empty);
        let row =
            Group { stats, receiving: receiving[li] }.row(Some(level.id.clone()), level.name.clone(), Some(level.role));
        levels.push(order_rule(primary(row), receiving[li]));
    }
    let total = Group { stats: &eval.stats.total, receiving: total_receiving }.row(None, "Alle".to_string(), None);
    let total = secondary(primary(total), &levels, &residual_amounts(session, eval, &levels));
    let total = order_rule(total_order_statistics(total, &levels), total_receiving);
    Publication { levels, total }
}

/// Primary suppression of a row: a group of 1–4 shows only n; a change over 1–4 managers
/// is withheld.
fn primary(row: PublishedRow) -> PublishedRow {
    let few = |k: usize| (k > 0 && k < MIN_GROUP).then_some(Suppression::FewerThanMin);
    let small = few(row.n);
    let change_few = row.change_managers.shown().and_then(few);
    PublishedRow {
        receiving_percent: row.receiving_percent.withheld_if(small),
        mean: row.mean.withheld_if(small),
        sum: row.sum.withheld_if(small),
        median: row.median.withheld_if(small),
        q1: row.q1.withheld_if(small),
        q3: row.q3.withheld_if(small),
        min: row.min.withheld_if(small),
        max: row.max.withheld_if(small),
        change_percent: row.change_percent.withheld_if(small).unless(change_few),
        change_managers: row.change_managers.withheld_if(small),
        ..row
    }
}

/// The order-statistic rule of one row (see the module documentation): median and
/// quartiles from [`MIN_QUARTILES`] managers, min and max from [`MIN_EXTREMES`]; then,
/// while what they pin down together with the row's sum and share receiving
/// ([`disclosure_order::exposure`]) reveals a group of 1–4, every amount or more than a quarter of the
/// amounts, the extremes, then the median and quartiles, then the share receiving, then
/// the sum and mean are withheld.
fn order_rule(row: PublishedRow, receiving: usize) -> PublishedRow {
    let mut row = row;
    if row.n < MIN_GROUP {
        return row;
    }
    let few = Some(Suppression::FewerThanMin);
    if row.n < MIN_QUARTILES {
        (row.median, row.q1, row.q3) = (row.median.unless(few), row.q1.unless(few), row.q3.unless(few));
    }
    if row.n < MIN_EXTREMES {
        (row.min, row.max) = (row.min.unless(few), row.max.unless(few));
    }
    let exposed = |r: &PublishedRow| {
        let f =
            disclosure_order::facts(r.n, r.min.shown(), r.q1.shown(), r.median.shown(), r.q3.shown(), r.max.shown());
        let k = r.receiving_percent.shown().map(|_| receiving);
        disclosure_order::exposure(r.n, &f, k, r.sum.shown()).discloses(r.sum.shown().is_some(), MIN_GROUP)
    };
    let derivable = Some(Suppression::Derivable);
    if exposed(&row) {
        (row.min, row.max) = (row.min.unless(derivable), row.max.unless(derivable));
    }
    if exposed(&row) {
        (row.median, row.q1, row.q3) =
            (row.median.unless(derivable), row.q1.unless(derivable), row.q3.unless(derivable));
    }
    if exposed(&row) {
        row.receiving_percent = row.receiving_percent.unless(derivable);
    }
    if exposed(&row) {
        (row.sum, row.mean) = (row.sum.unless(derivable), row.mean.unless(derivable));
    }
    row
}

/// The *Alle* row's order statistics: its median and quartiles mix every level's
/// amounts, so they are shown only when every manager is on a level that shows all five
/// of its own (then they can neither fall on a withheld amount nor fix a level's
/// withheld extreme); its min and max need [`MIN_EXTREMES`] managers (and, by
/// [`secondary`], a shown level with the same value). Its share receiving is withheld when
/// a level of 5 or more withheld its own (the difference would give that level's).
fn total_order_statistics(total: PublishedRow, levels: &[PublishedRow]) -> PublishedRow {
    let derivable = Some(Suppression::Derivable);
    let five = |r: &PublishedRow| [r.min, r.q1, r.median, r.q3, r.max].iter().all(|c| c.shown().is_some());
    let covered: usize = levels.iter().filter(|r| five(r)).map(|r| r.n).sum();
    let all_levels_show = covered == total.n;
    let hide = (!all_levels_show).then_some(Suppression::Derivable);
    let few = (total.n < MIN_EXTREMES).then_some(Suppression::FewerThanMin);
    let level_share_withheld = levels.iter().any(|r| r.n >= MIN_GROUP && r.receiving_percent.suppression().is_some());
    PublishedRow {
        median: total.median.unless(hide),
        q1: total.q1.unless(hide),
        q3: total.q3.unless(hide),
        min: total.min.unless(few),
        max: total.max.unless(few),
        receiving_percent: total.receiving_percent.unless(level_share_withheld.then_some(derivable).flatten()),
        ..total
    }
}

/// The amounts of the managers not on a shown level (suppressed levels, no level).
fn residual_amounts(session: &Session, eval: &Evaluation, levels: &[PublishedRow]) -> Vec<Decimal> {
    let shown: Vec<bool> = session
        .levels
        .iter()
        .map(|l| levels.iter().any(|r| r.level.as_deref() == Some(l.id.as_str()) && r.mean.shown().is_some()))
        .collect();
    eval.amounts
        .iter()
        .zip(&eval.level_of)
        .filter(|(_, l)| !l.is_some_and(|l| shown.get(l).copied().unwrap_or(false)))
        .map(|(a, _)| a.amount)
        .collect()
}

/// Secondary suppression of the *Alle* row against the shown level rows (see the module
/// documentation); `residual` holds the amounts of everyone not on a shown level.
fn secondary(total: PublishedRow, levels: &[PublishedRow], residual: &[Decimal]) -> PublishedRow {
    let derivable = |withhold: bool| withhold.then_some(Suppression::Derivable);
    let r = residual.len();
    let all_same = residual.windows(2).all(|w| w[0] == w[1]);
    // The residual's sum with 1–4 of them receiving would be those few's sum.
    let receiving = residual.iter().filter(|a| **a > Decimal::ZERO).count();
    let few_receiving = receiving > 0 && receiving < MIN_GROUP && receiving < r;
    let additive = derivable(r > 0 && (r < MIN_GROUP || all_same || few_receiving));
    let median = derivable(r > 0 && r < MIN_GROUP);
    // An extreme of Alle is safe only when a shown level has it too.
    let extreme = |cell: Cell<Decimal>, of: fn(&PublishedRow) -> Cell<Decimal>| {
        let Some(v) = cell.shown() else { return cell };
        cell.unless(derivable(r > 0 && !levels.iter().any(|row| of(row).shown() == Some(v))))
    };
    // The last-year managers whose change is not shown on their level's row.
    let shown_change: usize = levels
        .iter()
        .filter(|row| row.change_percent.shown().is_some())
        .filter_map(|row| row.change_managers.shown())
        .sum();
    let change_residual = total.change_managers.shown().map_or(0, |m| m.saturating_sub(shown_change));
    let change = derivable(change_residual > 0 && change_residual < MIN_GROUP);
    PublishedRow {
        receiving_percent: total.receiving_percent.unless(additive),
        mean: total.mean.unless(additive),
        sum: total.sum.unless(additive),
        median: total.median.unless(median),
        q1: total.q1.unless(median),
        q3: total.q3.unless(median),
        min: extreme(total.min, |row| row.min),
        max: extreme(total.max, |row| row.max),
        change_percent: total.change_percent.unless(change),
        change_managers: total.change_managers.unless(change),
        ..total
    }
}
