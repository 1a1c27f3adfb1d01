//! Fit-to-pool and spread ×k: proposals the group accepts or rejects; nothing is applied
//! here.
//!
//! Both work on the managers that may move: those with a level, not locked, not decided
//! (*Besluttet*), with a complete assessment, whose amount can be set to any amount in
//! their band (a direct amount with a skøn on top cannot: the skøn would be added to
//! it), and – unless the caller includes them – whose amount the meeting did not set by
//! hand ([`hand_set`]); everyone else keeps their amount. Amounts are placed on the
//! rounding step by flooring and handing the remaining steps out by largest remainder,
//! then re-sorted within each level so the order of the exact values is kept.
//!
//! Fit offers two proposals ([`fit_proposals`]): first the one that changes the fewest
//! managers ([`fit_fewest`]), then the proportional one ([`fit_proportional`]).

use rust_decimal::Decimal;

use crate::model::log::Change;
use crate::model::money::format_kr;
use crate::model::words::count;
use crate::model::{MeetingStatus, Session};

use super::Evaluation;
use super::amounts::{AmountEdit, compute_amount_with, edit_for_target, round_to_step};

/// What a proposal may move besides the managers it always may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AllocationOptions {
    /// Move amounts the meeting set by hand too ([`hand_set`]); off by default.
    pub include_hand_set: bool,
}

/// Proposed new final amounts; nothing is applied until the caller applies it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AllocationProposal {
    /// (manager index, proposed amount) for every manager whose amount changes.
    pub changes: Vec<(usize, Decimal)>,
    /// Total of all amounts if applied.
    pub total: Decimal,
    /// Danish one-line summary, e.g. "12 beløb ændres; i alt 1.234.000 kr. af 1.240.000 kr.".
    pub summary: String,
    /// How many amounts set by hand were kept (0 when they were included).
    pub kept_hand_set: usize,
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

/// Which managers' amounts the meeting set by hand in this session – kept by fit and
/// spread unless included. "This session" is the session file's own change log (every
/// meeting day on this file, across saving and opening it again; imports and preparations
/// log other kinds): a manager is hand-set when
/// - the last [`Change::Amount`] entry that set the manager's present amount was not made
///   by a fit or spread (`by_allocation` false: typed, dragged, stepped, a director's
///   proposal used): an undone drag is no longer hand-set (no entry set the amount it went
///   back to), and after an undone fit the typed amount it had moved is hand-set again (undo
///   appends an entry without amounts: the fit's entry stays last, but did not set the
///   amount the manager has now), or
/// - the manager has a skøn with a written justification, or
/// - the group accepted a finding for the manager (it confirmed the amount as it is).
#[must_use]
pub fn hand_set(session: &Session, eval: &Evaluation) -> Vec<bool> {
    let index: std::collections::HashMap<&str, usize> =
        session.managers.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    // Per manager, the last entry that set the amount the manager has now.
    let mut last: Vec<Option<bool>> = vec![None; session.managers.len()];
    for entry in &session.change_log {
        if let (Change::Amount { new, by_allocation, .. }, Some(id)) = (&entry.change, entry.manager.as_deref())
            && let Some(&i) = index.get(id)
            && eval.amounts.get(i).is_some_and(|a| a.amount == *new)
        {
            last[i] = Some(*by_allocation);
        }
    }
    session
        .managers
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let typed = last[i].is_some_and(|by_allocation| !by_allocation);
            let justified =
                m.adjustment.as_ref().is_some_and(|a| !a.amount.is_zero() && !a.justification.trim().is_empty());
            typed || justified || !m.accepted.is_empty()
        })
        .collect()
}

/// Whether setting manager `i`'s amount to `target` through the document's edit
/// ([`edit_for_target`]) gives exactly `target`: not so for a direct amount with a skøn
/// on top, whose skøn is added to the new direct amount.
fn lands(session: &Session, i: usize, target: Decimal) -> bool {
    let m = &session.managers[i];
    let Some(level) = session.level(&m.level) else { return false };
    let mut after = m.clone();
    match edit_for_target(session, m, level, target) {
        AmountEdit::Direct(a) => after.direct_amount = Some(a),
        AmountEdit::Adjustment(a) => {
            if let Some(adj) = after.adjustment.as_mut() {
                adj.amount = a;
            } else {
                after.adjustment = Some(crate::model::Adjustment { amount: a, ..Default::default() });
            }
        }
    }
    compute_amount_with(session, &after, level, false).amount
        == round_to_step(target.max(Decimal::ZERO), session.policies.rounding_step)
}

/// The managers that may move, with their band rounded inwards to the step, and how
/// many hand-set amounts were kept.
fn movable(session: &Session, eval: &Evaluation, options: AllocationOptions) -> (Vec<Movable>, usize) {
    let step = step_of(session);
    let hand = hand_set(session, eval);
    let mut kept = 0;
    let ms = session
        .managers
        .iter()
        .enumerate()
        .filter(|(i, m)| !m.locked && m.status != MeetingStatus::Besluttet && eval.amounts[*i].complete)
        .filter(|(i, _)| {
            let keep = hand[*i] && !options.include_hand_set;
            kept += usize::from(keep);
            !keep
        })
        .filter_map(|(index, _)| {
            let level = eval.level_of[index]?;
            let band = session.levels[level].band;
            let lo = (band.min / step).ceil() * step;
            let hi = (band.max / step).floor() * step;
            (lo <= hi && lands(session, index, lo) && lands(session, index, hi)).then_some(Movable {
                index,
                level,
                lo,
                hi,
            })
        })
        .collect();
    (ms, kept)
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
fn proposal(
    session: &Session,
    eval: &Evaluation,
    (ms, kept): (&[Movable], usize),
    new: &[Decimal],
    what: &str,
) -> AllocationProposal {
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
    let mut summary = format!(
        "{what}: {} ændres; i alt {} af puljen {}",
        count(changes.len(), "beløb", "beløb"),
        format_kr(total),
        format_kr(pool)
    );
    if total > pool {
        summary.push_str(" – puljen kan ikke overholdes inden for spændene");
    }
    if kept > 0 {
        summary.push_str(&format!("; {} sat i mødet beholdt", count(kept, "beløb", "beløb")));
    }
    AllocationProposal { changes, total, summary, kept_hand_set: kept }
}

/// The fit proposals in the order offered: first the one that changes the fewest
/// managers ([`fit_fewest`]), then the proportional one ([`fit_proportional`]).
#[must_use]
pub fn fit_proposals(session: &Session, eval: &Evaluation, options: AllocationOptions) -> Vec<AllocationProposal> {
    vec![fit_fewest(session, eval, options), fit_proportional(session, eval, options)]
}

/// The proportional fit with the default options (hand-set amounts kept), as the screen
/// has offered it so far. Kept for callers of the single proposal; new callers use
/// [`fit_proposals`], which offers the fewest-changes proposal first.
#[must_use]
pub fn fit_to_pool(session: &Session, eval: &Evaluation) -> AllocationProposal {
    fit_proportional(session, eval, AllocationOptions::default())
}

/// The total of the kept amounts and the target for the movable ones.
fn fit_target(session: &Session, eval: &Evaluation, ms: &[Movable]) -> Decimal {
    let fixed: Decimal = eval.pool.used - ms.iter().map(|m| eval.amounts[m.index].amount).sum::<Decimal>();
    session.policies.pool - fixed
}

/// Meets the pool (≤ pool, as close as the step allows) by changing as few managers as
/// possible: over the pool, the managers with the most room above their band's minimum
/// come down first, each to its minimum, the last only as far as needed; under the pool,
/// those with the most room below their band's maximum go up the same way. Ties: the
/// larger amount first (over) or the smaller (under), then the table order.
#[must_use]
pub fn fit_fewest(session: &Session, eval: &Evaluation, options: AllocationOptions) -> AllocationProposal {
    let (ms, kept) = movable(session, eval, options);
    let step = step_of(session);
    let now: Vec<Decimal> = ms.iter().map(|m| eval.amounts[m.index].amount).collect();
    let current: Decimal = now.iter().sum();
    let target = fit_target(session, eval, &ms);
    let mut new = now.clone();
    if current > target {
        // Come down by whole steps, at least the overrun.
        let mut need = ((current - target) / step).ceil() * step;
        let room: Vec<Decimal> = ms.iter().zip(&now).map(|(m, a)| (*a - m.lo).max(Decimal::ZERO)).collect();
        let mut order: Vec<usize> = (0..ms.len()).collect();
        order.sort_by(|&a, &b| room[b].cmp(&room[a]).then(now[b].cmp(&now[a])).then(a.cmp(&b)));
        for k in order {
            if need <= Decimal::ZERO || room[k].is_zero() {
                break;
            }
            let down = room[k].min(need);
            new[k] = now[k] - down;
            need -= down;
        }
    } else {
        let mut left = ((target - current) / step).floor() * step;
        let room: Vec<Decimal> = ms.iter().zip(&now).map(|(m, a)| (m.hi - *a).max(Decimal::ZERO)).collect();
        let mut order: Vec<usize> = (0..ms.len()).collect();
        order.sort_by(|&a, &b| room[b].cmp(&room[a]).then(now[a].cmp(&now[b])).then(a.cmp(&b)));
        for k in order {
            if left < step || room[k].is_zero() {
                break;
            }
            let up = room[k].min(left);
            new[k] = now[k] + up;
            left -= up;
        }
    }
    proposal(session, eval, (&ms, kept), &new, "Færrest ændringer")
}

/// Proposes amounts whose total meets the pool (≤ pool, as close as the step allows),
/// proportional to the formula amounts, inside bands, locked managers untouched.
#[must_use]
pub fn fit_proportional(session: &Session, eval: &Evaluation, options: AllocationOptions) -> AllocationProposal {
    let (ms, kept) = movable(session, eval, options);
    let step = step_of(session);
    let target = fit_target(session, eval, &ms);
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
    proposal(session, eval, (&ms, kept), &new, "Tilpasning til puljen")
}

/// Widens (k > 1) or narrows (k < 1) each level's amounts around its mean, keeping each
/// level's total (as nearly as the step and the band allow); locked managers and amounts
/// outside their band untouched.
#[must_use]
pub fn spread(session: &Session, eval: &Evaluation, k: Decimal) -> AllocationProposal {
    spread_with(session, eval, k, AllocationOptions::default())
}

/// [`spread`] with the options (whether hand-set amounts move too).
#[must_use]
pub fn spread_with(session: &Session, eval: &Evaluation, k: Decimal, options: AllocationOptions) -> AllocationProposal {
    // Amounts already outside their band were placed there on purpose: leave them.
    let (ms, kept) = movable(session, eval, options);
    let ms: Vec<Movable> = ms.into_iter().filter(|m| (m.lo..=m.hi).contains(&eval.amounts[m.index].amount)).collect();
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
    proposal(session, eval, (&ms, kept), &new, &what)
}
