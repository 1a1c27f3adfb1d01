//! Fit-to-pool and spread ×k: proposals the group accepts or rejects; nothing is applied
//! here.
//!
//! Both work on the managers that may move: those with a level, not locked, not decided
//! (*Besluttet*) and with a complete assessment; everyone else keeps their amount. Amounts are placed on the
//! rounding step by flooring and handing the remaining steps out by largest remainder,
//! then re-sorted within each level so the order of the exact values is kept.

use rust_decimal::Decimal;

use crate::model::money::format_kr;
use crate::model::{MeetingStatus, Session};

use super::Evaluation;

/// Proposed new final amounts; nothing is applied until the caller applies it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AllocationProposal {
    /// (manager index, proposed amount) for every manager whose amount changes.
    pub changes: Vec<(usize, Decimal)>,
    /// Total of all amounts if applied.
    pub total: Decimal,
    /// Danish one-line summary, e.g. "12 beløb ændres; i alt 1.234.000 kr. af 1.240.000 kr.".
    pub summary: String,
}

/// One movable manager: index, level, exact target, and the band on the step.
#[derive(Debug, Clone, Copy)]
struct Movable {
    index: usize,
    level: usize,
    lo: Decimal,
    hi: Decimal,
}

fn step_of(session: &Session) -> Decimal {
    let s = session.policies.rounding_step;
    if s > Decimal::ZERO { s } else { Decimal::ONE }
}

/// The managers that may move, with their band rounded inwards to the step.
fn movable(session: &Session, eval: &Evaluation) -> Vec<Movable> {
    let step = step_of(session);
    session
        .managers
        .iter()
        .enumerate()
        .filter(|(i, m)| !m.locked && m.status != MeetingStatus::Besluttet && eval.amounts[*i].complete)
        .filter_map(|(index, _)| {
            let level = eval.level_of[index]?;
            let band = session.levels[level].band;
            let lo = (band.min / step).ceil() * step;
            let hi = (band.max / step).floor() * step;
            (lo <= hi).then_some(Movable { index, level, lo, hi })
        })
        .collect()
}

/// Sum of `f(x)` clamped into each band.
fn clamped_sum(ms: &[Movable], f: impl Fn(&Movable) -> Decimal) -> Decimal {
    ms.iter().map(|m| f(m).clamp(m.lo, m.hi)).sum()
}

/// Places exact values on the step with total ≤ `target` (as close as the step allows),
/// within bands, keeping the order of the exact values within each level.
fn place_on_step(ms: &[Movable], exact: &[Decimal], target: Decimal, step: Decimal) -> Vec<Decimal> {
    let mut out: Vec<Decimal> =
        ms.iter().zip(exact).map(|(m, x)| (x.clamp(&m.lo, &m.hi) / step).floor() * step).collect();
    let mut left = target - out.iter().sum::<Decimal>();
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - out[b]).cmp(&(exact[a] - out[a])).then(a.cmp(&b)));
    for k in order {
        if left < step {
            break;
        }
        if out[k] + step <= ms[k].hi {
            out[k] += step;
            left -= step;
        }
    }
    // Keep the order of the exact values within each level.
    let levels: std::collections::BTreeSet<usize> = ms.iter().map(|m| m.level).collect();
    for level in levels {
        let mut idx: Vec<usize> = (0..ms.len()).filter(|&k| ms[k].level == level).collect();
        let mut values: Vec<Decimal> = idx.iter().map(|&k| out[k]).collect();
        values.sort();
        idx.sort_by(|&a, &b| exact[a].cmp(&exact[b]).then(a.cmp(&b)));
        for (k, v) in idx.into_iter().zip(values) {
            out[k] = v;
        }
    }
    out
}

/// Builds the proposal from new amounts of the movable managers.
fn proposal(session: &Session, eval: &Evaluation, ms: &[Movable], new: &[Decimal], what: &str) -> AllocationProposal {
    let mut total = eval.pool.used;
    let mut changes = Vec::new();
    for (m, v) in ms.iter().zip(new) {
        let old = eval.amounts[m.index].amount;
        if *v != old {
            total += *v - old;
            changes.push((m.index, *v));
        }
    }
    let pool = session.policies.pool;
    let mut summary =
        format!("{what}: {} beløb ændres; i alt {} af puljen {}", changes.len(), format_kr(total), format_kr(pool));
    if total > pool {
        summary.push_str(" – puljen kan ikke overholdes inden for spændene");
    }
    AllocationProposal { changes, total, summary }
}

/// Proposes amounts whose total meets the pool (≤ pool, as close as the step allows),
/// proportional to the formula amounts, inside bands, locked managers untouched.
#[must_use]
pub fn fit_to_pool(session: &Session, eval: &Evaluation) -> AllocationProposal {
    let ms = movable(session, eval);
    let step = step_of(session);
    let fixed: Decimal = eval.pool.used - ms.iter().map(|m| eval.amounts[m.index].amount).sum::<Decimal>();
    let target = session.policies.pool - fixed;
    let formula = |m: &Movable| eval.amounts[m.index].formula.max(Decimal::ZERO);
    // Binary search the factor s with Σ clamp(s × formula) ≤ target.
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::from(1_000));
    for _ in 0..80 {
        let mid = (lo + hi) / Decimal::TWO;
        if clamped_sum(&ms, |m| formula(m) * mid) <= target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let exact: Vec<Decimal> = ms.iter().map(|m| (formula(m) * lo).clamp(m.lo, m.hi)).collect();
    let new = place_on_step(&ms, &exact, target.max(Decimal::ZERO), step);
    proposal(session, eval, &ms, &new, "Tilpasning til puljen")
}

/// Widens (k > 1) or narrows (k < 1) each level's amounts around its mean, keeping each
/// level's total (as nearly as the step and the band allow); locked managers and amounts
/// outside their band untouched.
#[must_use]
pub fn spread(session: &Session, eval: &Evaluation, k: Decimal) -> AllocationProposal {
    // Amounts already outside their band were placed there on purpose: leave them.
    let ms: Vec<Movable> =
        movable(session, eval).into_iter().filter(|m| (m.lo..=m.hi).contains(&eval.amounts[m.index].amount)).collect();
    let step = step_of(session);
    let k = k.max(Decimal::ZERO);
    let mut new = vec![Decimal::ZERO; ms.len()];
    let levels: std::collections::BTreeSet<usize> = ms.iter().map(|m| m.level).collect();
    for level in levels {
        let idx: Vec<usize> = (0..ms.len()).filter(|&j| ms[j].level == level).collect();
        let group: Vec<Movable> = idx.iter().map(|&j| ms[j]).collect();
        let amounts: Vec<Decimal> = group.iter().map(|m| eval.amounts[m.index].amount).collect();
        let total: Decimal = amounts.iter().sum();
        let mean = total / Decimal::from(group.len().max(1));
        let widened = |c: Decimal, a: Decimal| mean + k * (a - mean) + c;
        // Shift c so the clamped total equals the old total.
        let (mut lo, mut hi) = (Decimal::from(-10_000_000), Decimal::from(10_000_000));
        for _ in 0..80 {
            let mid = (lo + hi) / Decimal::TWO;
            let sum: Decimal = group.iter().zip(&amounts).map(|(m, a)| widened(mid, *a).clamp(m.lo, m.hi)).sum();
            if sum <= total {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let exact: Vec<Decimal> = group.iter().zip(&amounts).map(|(m, a)| widened(lo, *a).clamp(m.lo, m.hi)).collect();
        let placed = place_on_step(&group, &exact, total, step);
        for (j, v) in idx.into_iter().zip(placed) {
            new[j] = v;
        }
    }
    let what = format!("Spredning ×{}", k.normalize().to_string().replace('.', ","));
    proposal(session, eval, &ms, &new, &what)
}
