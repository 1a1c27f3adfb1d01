//! Incremental recompute: after one manager's inputs change (scores, attainment,
//! adjustment, proposal, status …), only what depends on that manager is recomputed —
//! their amount and measures, their level's and the group's statistics, the pool, the
//! pairs (inversions), the level-wide findings and their own findings. The result equals
//! a full [`evaluate`] (a property test checks it).

use crate::model::Session;

use super::{Evaluation, amounts, bands, evaluate, finding_order, level_sums, rules, stats};

impl Evaluation {
    /// Brings the evaluation up to date after manager `i` changed. Falls back to a full
    /// [`evaluate`] when the change is structural (a manager added or removed, a level
    /// changed) or touches the departementschef rule that every manager depends on.
    pub fn update_manager(&mut self, session: &Session, i: usize) {
        let n = session.managers.len();
        // (Findings changed from outside – the field is public – are not patched: evaluated anew.)
        if self.amounts.len() != n || self.manager_findings.len() != n || self.finding_from.len() != self.findings.len()
        {
            *self = evaluate(session);
            return;
        }
        let Some(m) = session.managers.get(i) else { return };
        let level = session.levels.iter().position(|l| l.id == m.level);
        let (Some(li), true) = (level, level == self.level_of[i]) else {
            *self = evaluate(session);
            return;
        };
        let dc_levels = rules::departementschef_levels(session);
        let old = self.amounts[i].amount;
        let old_part = stats::part_of(old, &self.metrics[i]);
        self.amounts[i] = amounts::compute_amount_with(session, m, &session.levels[li], false);
        let used = self.pool.used - old + self.amounts[i].amount;
        self.pool.pool = super::pool_parts::total_pool(session);
        self.pool.used = used;
        self.pool.left = self.pool.pool - used;
        self.metrics[i] = stats::metrics_of(session, m, Some(&session.levels[li]), self.amounts[i].amount);
        let new_part = stats::part_of(self.amounts[i].amount, &self.metrics[i]);
        self.update_level_stats(session, li, old_part.zip(new_part));
        let previous_inversions =
            std::mem::replace(&mut self.inversions, bands::inversions(session, &self.level_of, &self.amounts));
        let dc_after = rules::departementschef_total(session, self, &dc_levels);
        let (own, previous) = finding_order::split(self.take_findings());
        let global = rules::global_findings_after(session, self, &previous_inversions, previous, i);
        let ordered = if dc_after == self.dc_total {
            self.manager_findings[i] = rules::manager_findings(session, self, i, dc_after, &dc_levels);
            finding_order::reorder(own, &self.manager_findings, i, global)
        } else {
            self.manager_findings = rules::all_manager_findings(session, self);
            self.dc_total = dc_after;
            finding_order::order(&self.manager_findings, global)
        };
        self.set_findings(ordered);
    }

    /// The findings in their order, moved out (the evaluation has none until
    /// [`Self::set_findings`]).
    fn take_findings(&mut self) -> finding_order::Ordered {
        finding_order::Ordered {
            findings: std::mem::take(&mut self.findings),
            from: std::mem::take(&mut self.finding_from),
            concerned: std::mem::take(&mut self.finding_managers),
        }
    }

    /// Puts ordered findings in place.
    pub(crate) fn set_findings(&mut self, ordered: finding_order::Ordered) {
        self.findings = ordered.findings;
        self.finding_from = ordered.from;
        self.finding_managers = ordered.concerned;
    }

    /// Updates the statistics of level `li` and of the whole group after one of its
    /// managers' part changed from `parts.0` to `parts.1`: in the kept integer sums when
    /// there are such, else from all members (keeping the sums for the next change).
    fn update_level_stats(
        &mut self,
        session: &Session,
        li: usize,
        parts: Option<(level_sums::Part, level_sums::Part)>,
    ) {
        let level = &session.levels[li];
        if self.level_sums.len() != session.levels.len() {
            self.level_sums = vec![None; session.levels.len()];
        }
        let level_of = &self.level_of;
        let members = || (0..level_of.len()).filter(|&k| level_of[k] == Some(li)).collect::<Vec<usize>>();
        let fresh = match update_sums(&mut self.level_sums[li], parts, members, &self.amounts, &self.metrics) {
            Some(sums) => stats::of_sums(sums, Some(level.id.clone()), Some(level.band)),
            None => {
                stats::level_stats(Some(level.id.clone()), Some(level.band), &members(), &self.amounts, &self.metrics)
            }
        };
        if let Some(slot) = self.stats.per_level.iter_mut().find(|s| s.level.as_deref() == Some(level.id.as_str())) {
            *slot = fresh;
        }
        let n = self.amounts.len();
        let all = || (0..n).collect::<Vec<usize>>();
        self.stats.total = match update_sums(&mut self.total_sums, parts, all, &self.amounts, &self.metrics) {
            Some(sums) => stats::of_sums(sums, None, None),
            None => stats::level_stats(None, None, &all(), &self.amounts, &self.metrics),
        };
    }
}

/// Moves one part in the kept sums, or (first time, or when that fails) builds them from
/// the members; `None` when they cannot be kept as integers.
fn update_sums<'a>(
    sums: &'a mut Option<level_sums::LevelSums>,
    parts: Option<(level_sums::Part, level_sums::Part)>,
    members: impl FnOnce() -> Vec<usize>,
    amounts: &[amounts::ManagerAmount],
    metrics: &[stats::ManagerMetrics],
) -> Option<&'a level_sums::LevelSums> {
    let moved = match (sums.as_mut(), parts) {
        (Some(s), Some((old, new))) => s.replace(old, new).is_some(),
        _ => false,
    };
    if !moved {
        *sums = stats::sums_of(&members(), amounts, metrics);
    }
    sums.as_ref()
}
