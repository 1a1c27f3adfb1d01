//! Combining several organisations' published statistics into one reference (the
//! `combine-stats` command): exact counts and sums, approximate median and quartiles from
//! what was published, suppression kept – see the documentation of [`super::reference`].
//! And the session compared with several references at once: each level with its matched
//! levels combined.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::disclosure::{Cell, MIN_GROUP, Suppression};
use super::reference::{Comparison, Reference, ReferenceLevel, compare, match_level, role_order};
use super::stats::Stats;
use crate::model::{Level, LevelRole};

/// Combines one level's published figures from several sources (see the module
/// documentation). The key, name and role are the first part's.
#[must_use]
pub fn combine_levels(parts: &[&ReferenceLevel]) -> ReferenceLevel {
    let first = parts.first().copied();
    let (key, name, role) =
        first.map_or((String::new(), String::new(), LevelRole::Andet), |p| (p.key.clone(), p.name.clone(), p.role));
    let name = if parts.iter().all(|p| p.name == name) || role == LevelRole::Andet { name } else { key.clone() };
    let n = parts.iter().fold(0_usize, |a, p| a.saturating_add(p.n));
    let with_managers: Vec<&ReferenceLevel> = parts.iter().copied().filter(|p| p.n > 0).collect();
    if let [only] = with_managers.as_slice() {
        return ReferenceLevel { key, name, role, ..(*only).clone() };
    }
    if with_managers.is_empty() {
        return ReferenceLevel::with_all(key, name, role, n, Cell::Missing);
    }
    if let Some(reason) = with_managers.iter().find_map(|p| p.suppression()) {
        return ReferenceLevel::with_all(key, name, role, n, Cell::Suppressed(reason));
    }
    let nd = Decimal::from(n);
    let sum = with_managers.iter().try_fold(Decimal::ZERO, |acc, p| {
        let s = p.sum.shown().or_else(|| p.mean.shown().and_then(|m| m.checked_mul(Decimal::from(p.n))))?;
        acc.checked_add(s)
    });
    let receiving = with_managers.iter().try_fold(Decimal::ZERO, |acc, p| {
        acc.checked_add(p.receiving_percent.shown()?.checked_mul(Decimal::from(p.n))?)
    });
    let fold_extreme = |pick: fn(&ReferenceLevel) -> Cell<Decimal>, smaller: bool| {
        with_managers.iter().map(|p| pick(p).shown()).collect::<Option<Vec<Decimal>>>().map_or(Cell::Missing, |v| {
            let best = if smaller { v.iter().min() } else { v.iter().max() };
            best.map_or(Cell::Missing, |b| Cell::Shown(*b))
        })
    };
    let points: Option<Vec<(usize, [Decimal; 5])>> =
        with_managers.iter().map(|p| p.five_points().map(|f| (p.n, f))).collect();
    let quantile = |p: Decimal| {
        points.as_deref().and_then(|pts| mixture_quantile(pts, p)).map_or(Cell::Missing, |q| Cell::Shown(q.round_dp(2)))
    };
    // A figure a source withheld stays withheld (its order statistics below 10 or 20
    // managers, or where they would pin amounts down): the combined one says so.
    let withheld = |pick: fn(&ReferenceLevel) -> Cell<Decimal>, cell: Cell<Decimal>| {
        with_managers.iter().find_map(|p| pick(p).suppression()).map_or(cell, Cell::Suppressed)
    };
    ReferenceLevel {
        key,
        name,
        role,
        n,
        receiving_percent: withheld(
            |p| p.receiving_percent,
            receiving.and_then(|r| r.checked_div(nd)).map_or(Cell::Missing, Cell::Shown),
        ),
        sum: sum.map_or(Cell::Missing, Cell::Shown),
        mean: sum.and_then(|s| s.checked_div(nd)).map_or(Cell::Missing, Cell::Shown),
        median: withheld(|p| p.median, quantile(Decimal::new(5, 1))),
        q1: withheld(|p| p.q1, quantile(Decimal::new(25, 2))),
        q3: withheld(|p| p.q3, quantile(Decimal::new(75, 2))),
        min: withheld(|p| p.min, fold_extreme(|p| p.min, true)),
        max: withheld(|p| p.max, fold_extreme(|p| p.max, false)),
        approximate: true,
    }
}

/// The cumulative share at 0, 25, 50, 75 and 100 % of the five points.
const SHARES: [Decimal; 5] = [
    Decimal::ZERO,
    Decimal::from_parts(25, 0, 0, false, 2),
    Decimal::from_parts(5, 0, 0, false, 1),
    Decimal::from_parts(75, 0, 0, false, 2),
    Decimal::ONE,
];

/// The share of one source's amounts at or below `x` (`left`: strictly below), with the
/// amounts spread linearly between its five points.
fn share_below(points: &[Decimal; 5], x: Decimal, left: bool) -> Decimal {
    let below = |v: Decimal| if left { v < x } else { v <= x };
    if !below(points[0]) {
        return Decimal::ZERO;
    }
    if below(points[4]) {
        return Decimal::ONE;
    }
    // The last point at/below x; the next one is above (so the segment has width).
    let k = (0..4).rev().find(|&k| below(points[k])).unwrap_or(0);
    let (a, b) = (points[k], points[k + 1]);
    let width = b - a;
    if width.is_zero() {
        return SHARES[k + 1];
    }
    SHARES[k] + (x - a) / width * (SHARES[k + 1] - SHARES[k])
}

/// The `p` point (0–1) of the mixture of the sources' piecewise-linear distributions,
/// weighted by their counts: exact for that mixture, by finding the segment between two
/// consecutive points where the mixture passes `p` and interpolating in it. None for no
/// managers or on overflow.
#[must_use]
pub fn mixture_quantile(parts: &[(usize, [Decimal; 5])], p: Decimal) -> Option<Decimal> {
    let total = parts.iter().try_fold(0_usize, |acc, (n, _)| acc.checked_add(*n))?;
    if total == 0 {
        return None;
    }
    let total = Decimal::from(total);
    let mix = |x: Decimal, left: bool| -> Option<Decimal> {
        parts
            .iter()
            .try_fold(Decimal::ZERO, |acc, (n, pts)| {
                acc.checked_add(share_below(pts, x, left).checked_mul(Decimal::from(*n))?)
            })?
            .checked_div(total)
    };
    let mut breaks: Vec<Decimal> = parts.iter().flat_map(|(_, pts)| pts.iter().copied()).collect();
    breaks.sort_unstable();
    breaks.dedup();
    let mut previous: Option<(Decimal, Decimal)> = None;
    for &b in &breaks {
        let at_left = mix(b, true)?;
        if let Some((a, fa)) = previous
            && at_left >= p
        {
            // Linear between a (value fa) and b (left limit at_left).
            let slope = at_left - fa;
            return Some(if slope.is_zero() { a } else { a + (p - fa) / slope * (b - a) });
        }
        let at = mix(b, false)?;
        if at >= p {
            return Some(b);
        }
        previous = Some((b, at));
    }
    breaks.last().copied()
}

/// Combines several references into one (`kalibrer combine-stats`): every level key of
/// any source, the *Alle* rows combined, primary suppression of levels with 1–4 managers
/// and secondary suppression of *Alle* applied again; the sources listed.
#[must_use]
pub fn combine(references: &[Reference]) -> Reference {
    let mut keys: Vec<(u8, String)> = Vec::new();
    for r in references {
        for l in &r.levels {
            if !keys.iter().any(|(_, k)| *k == l.key) {
                keys.push((role_order(l.role), l.key.clone()));
            }
        }
    }
    keys.sort();
    let levels: Vec<ReferenceLevel> = keys
        .iter()
        .map(|(_, key)| {
            let parts: Vec<&ReferenceLevel> = references.iter().filter_map(|r| r.level(key)).collect();
            primary(combine_levels(&parts))
        })
        .collect();
    let totals: Option<Vec<&ReferenceLevel>> = references.iter().map(|r| r.total.as_ref()).collect();
    let total = totals.map(|t| secondary(primary(combine_levels(&t)), &levels));
    Reference { sources: references.iter().flat_map(|r| r.sources.clone()).collect(), levels, total }
}

/// A level with 1–4 managers shows only its count.
fn primary(level: ReferenceLevel) -> ReferenceLevel {
    if level.n > 0 && level.n < MIN_GROUP && level.suppression().is_none() {
        return ReferenceLevel::with_all(
            level.key,
            level.name,
            level.role,
            level.n,
            Cell::Suppressed(Suppression::FewerThanMin),
        );
    }
    level
}

/// The *Alle* row against the shown levels: withheld when 1–4 managers are not on a shown
/// level (their figures would be *Alle* minus the shown levels); min and max shown only
/// when a shown level has the same.
fn secondary(total: ReferenceLevel, levels: &[ReferenceLevel]) -> ReferenceLevel {
    let shown: usize = levels.iter().filter(|l| l.mean.shown().is_some()).map(|l| l.n).sum();
    let residual = total.n.saturating_sub(shown);
    let hide = |c: Cell<Decimal>, yes: bool| {
        if yes && c.shown().is_some() { Cell::Suppressed(Suppression::Derivable) } else { c }
    };
    let derivable = residual > 0 && residual < MIN_GROUP;
    let extreme = |c: Cell<Decimal>, of: fn(&ReferenceLevel) -> Cell<Decimal>| {
        let safe = c.shown().is_some_and(|v| levels.iter().any(|l| of(l).shown() == Some(v)));
        hide(c, residual > 0 && !safe)
    };
    ReferenceLevel {
        receiving_percent: hide(total.receiving_percent, derivable),
        sum: hide(total.sum, derivable),
        mean: hide(total.mean, derivable),
        median: hide(total.median, derivable),
        q1: hide(total.q1, derivable),
        q3: hide(total.q3, derivable),
        min: extreme(total.min, |l| l.min),
        max: extreme(total.max, |l| l.max),
        ..total
    }
}

/// The reference level of a session level over several references (one per attached
/// file, each with its own mapping): the matched levels combined. None when no file has
/// a match.
#[must_use]
pub fn matched_level(
    level: &Level,
    references: &[(&Reference, &BTreeMap<String, Option<String>>)],
) -> Option<ReferenceLevel> {
    let parts: Vec<&ReferenceLevel> = references
        .iter()
        .filter_map(|(r, mapping)| match_level(level, mapping, r).key().and_then(|k| r.level(k)))
        .collect();
    (!parts.is_empty()).then(|| combine_levels(&parts))
}

/// One session level compared with the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelComparison {
    /// The session level's id.
    pub level: String,
    /// The comparison.
    pub comparison: Comparison,
}

/// Every level of the session (highest rank first, as the spread panel lists them)
/// compared with the references (one per attached file, with its mapping).
#[must_use]
pub fn compare_session(
    session: &crate::model::Session,
    stats: &super::GroupStats,
    references: &[(&Reference, &BTreeMap<String, Option<String>>)],
) -> Vec<LevelComparison> {
    let empty = Stats::default();
    session
        .levels_by_rank()
        .into_iter()
        .rev()
        .map(|li| {
            let level = &session.levels[li];
            let group = stats.of_level(&level.id).map_or(&empty, |s| &s.stats);
            let reference = matched_level(level, references);
            LevelComparison { level: level.id.clone(), comparison: compare(group, reference.as_ref()) }
        })
        .collect()
}

/// The whole group (*Alle*) compared with the references' *Alle* rows combined: an
/// overall indeks (mind that it also reflects how the levels are mixed). Missing when a
/// reference has no *Alle* row.
#[must_use]
pub fn compare_total(stats: &super::GroupStats, references: &[&Reference]) -> Comparison {
    let totals: Option<Vec<&ReferenceLevel>> = references.iter().map(|r| r.total.as_ref()).collect();
    match totals {
        Some(t) if !t.is_empty() => compare(&stats.total.stats, Some(&combine_levels(&t))),
        _ => Comparison::Missing,
    }
}
