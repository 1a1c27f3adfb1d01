//! What a fit-to-pool or spread proposal does per level (how many up, how many down,
//! the level's sum before → after) and its changes ordered by size, computed once when
//! the proposal is made so the window showing it costs nothing per frame.

use rust_decimal::Decimal;

use crate::model::Session;

use super::Evaluation;
use super::allocate::AllocationProposal;

/// One level's part of a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelChange {
    /// Index into `session.levels`.
    pub level: usize,
    /// Managers whose amount goes up.
    pub up: usize,
    /// Managers whose amount goes down.
    pub down: usize,
    /// The level's sum of amounts now.
    pub before: Decimal,
    /// The level's sum of amounts if the proposal is accepted.
    pub after: Decimal,
}

/// The levels a proposal changes, highest rank first, each with its counts and sums.
/// Levels without a change are left out.
#[must_use]
pub fn per_level(session: &Session, eval: &Evaluation, proposal: &AllocationProposal) -> Vec<LevelChange> {
    let n = session.levels.len();
    let mut before = vec![Decimal::ZERO; n];
    for (i, level) in eval.level_of.iter().enumerate() {
        if let (Some(l), Some(a)) = (level, eval.amounts.get(i)) {
            before[*l] = before[*l].checked_add(a.amount).unwrap_or(Decimal::MAX);
        }
    }
    let mut after = before.clone();
    let mut up = vec![0_usize; n];
    let mut down = vec![0_usize; n];
    for &(i, new) in &proposal.changes {
        let (Some(Some(l)), Some(now)) = (eval.level_of.get(i), eval.amounts.get(i).map(|a| a.amount)) else {
            continue;
        };
        let delta = new.checked_sub(now).unwrap_or_default();
        after[*l] = after[*l].checked_add(delta).unwrap_or(Decimal::MAX);
        if delta > Decimal::ZERO {
            up[*l] += 1;
        } else if delta < Decimal::ZERO {
            down[*l] += 1;
        }
    }
    session
        .levels_by_rank()
        .into_iter()
        .rev()
        .filter(|&l| up[l] + down[l] > 0)
        .map(|l| LevelChange { level: l, up: up[l], down: down[l], before: before[l], after: after[l] })
        .collect()
}

/// Positions in `proposal.changes`, largest change (in kr., up or down) first; equal
/// changes keep the proposal's order.
#[must_use]
pub fn by_size(eval: &Evaluation, proposal: &AllocationProposal) -> Vec<usize> {
    let size = |k: usize| {
        let (i, new) = proposal.changes[k];
        let now = eval.amounts.get(i).map(|a| a.amount).unwrap_or_default();
        new.checked_sub(now).unwrap_or_default().abs()
    };
    let mut order: Vec<usize> = (0..proposal.changes.len()).collect();
    order.sort_by_cached_key(|&k| std::cmp::Reverse(size(k)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_count_up_and_down_and_sum_before_and_after() {
        let session = crate::io::parse_session(crate::io::DEMO_RON).expect("demo");
        let eval = crate::engine::evaluate(&session);
        // Two made-up changes on the first manager's level: +3.000 and −1.000 kr.
        let l = session.levels.iter().position(|l| l.id == "KC").expect("KC");
        let mut kc = (0..session.managers.len()).filter(|&i| eval.level_of[i] == Some(l));
        let (first, other) = (kc.next().expect("a kontorchef"), kc.next().expect("a colleague"));
        let (a0, a1) = (eval.amounts[first].amount, eval.amounts[other].amount);
        let proposal = AllocationProposal {
            changes: vec![(first, a0 + Decimal::from(3_000)), (other, a1 - Decimal::from(1_000))],
            ..AllocationProposal::default()
        };
        let levels = per_level(&session, &eval, &proposal);
        assert_eq!(levels.len(), 1);
        let sum: Decimal =
            (0..session.managers.len()).filter(|&i| eval.level_of[i] == Some(l)).map(|i| eval.amounts[i].amount).sum();
        assert_eq!(levels[0], LevelChange { level: l, up: 1, down: 1, before: sum, after: sum + Decimal::from(2_000) });
        assert_eq!(by_size(&eval, &proposal), vec![0, 1], "3.000 before 1.000");
        let reversed = AllocationProposal { changes: proposal.changes.iter().rev().copied().collect(), ..proposal };
        assert_eq!(by_size(&eval, &reversed), vec![1, 0]);
    }
}
