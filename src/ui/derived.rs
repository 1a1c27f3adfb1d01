//! Per-frame facts derived from the evaluation that several panels need (recomputed
//! only when the document changes).

use std::collections::HashMap;

use crate::engine::{Evaluation, Severity};
use crate::model::Session;

use super::view::agenda_order;

/// Derived, cached facts about the evaluated session.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Worst finding severity per manager.
    pub worst: Vec<Option<Severity>>,
    /// Number of findings per manager.
    pub count: Vec<u32>,
    /// Manager indices in agenda order.
    pub agenda: Vec<usize>,
    /// Position of each manager in `agenda`.
    pub agenda_pos: Vec<usize>,
    /// Rank position of each level (index into `session.levels` → 0 lowest).
    pub level_rank_pos: Vec<usize>,
    /// For each of `eval.findings`: whether the group accepted it.
    pub accepted: Vec<bool>,
    /// Findings in display order: open ones first (engine order), accepted ones last.
    pub finding_order: Vec<usize>,
    /// Open (not accepted) fejl and advarsler.
    pub open_counts: (usize, usize),
}

impl Derived {
    /// Computes the derived facts.
    #[must_use]
    pub fn new(session: &Session, eval: &Evaluation) -> Self {
        let n = session.managers.len();
        let index: HashMap<&str, usize> =
            session.managers.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
        let mut worst: Vec<Option<Severity>> = vec![None; n];
        let mut count = vec![0_u32; n];
        let accepted: Vec<bool> = eval
            .findings
            .iter()
            .map(|f| {
                f.rule.may_be_accepted()
                    && f.manager
                        .as_deref()
                        .and_then(|id| index.get(id))
                        .is_some_and(|&i| crate::engine::finding::acceptance_of(&session.managers[i], f).is_some())
            })
            .collect();
        let mut open_counts = (0, 0);
        for (k, f) in eval.findings.iter().enumerate() {
            if accepted[k] {
                continue;
            }
            match f.severity {
                Severity::Fejl => open_counts.0 += 1,
                Severity::Advarsel => open_counts.1 += 1,
                Severity::Info => {}
            }
            for id in [&f.manager, &f.other_manager].into_iter().flatten() {
                if let Some(&i) = index.get(id.as_str()) {
                    count[i] += 1;
                    worst[i] = Some(worst[i].map_or(f.severity, |w| w.min(f.severity)));
                }
            }
        }
        let agenda = agenda_order(session, eval);
        let mut agenda_pos = vec![0; n];
        for (pos, &i) in agenda.iter().enumerate() {
            agenda_pos[i] = pos;
        }
        let mut level_rank_pos = vec![0; session.levels.len()];
        for (pos, li) in session.levels_by_rank().into_iter().enumerate() {
            level_rank_pos[li] = pos;
        }
        let finding_order = (0..eval.findings.len())
            .filter(|&k| !accepted[k])
            .chain((0..eval.findings.len()).filter(|&k| accepted[k]))
            .collect();
        Self { worst, count, agenda, agenda_pos, level_rank_pos, accepted, finding_order, open_counts }
    }
}

/// What every panel reads: the session, the engine's evaluation and the derived facts.
#[derive(Clone, Copy)]
pub struct Data<'a> {
    /// The session.
    pub session: &'a Session,
    /// The engine's results.
    pub eval: &'a Evaluation,
    /// Derived facts.
    pub derived: &'a Derived,
}
