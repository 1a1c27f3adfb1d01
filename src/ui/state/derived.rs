//! Per-frame facts derived from the evaluation that several panels need (recomputed
//! only when the document changes).

use std::collections::HashMap;

use crate::engine::agenda::AgendaOrder;
use crate::engine::{Evaluation, Severity};
use crate::model::collate::danish_ranks;
use crate::model::{MeetingStatus, Session};

/// Derived, cached facts about the evaluated session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    /// Worst finding severity per manager.
    pub worst: Vec<Option<Severity>>,
    /// Number of findings per manager.
    pub count: Vec<u32>,
    /// Manager indices in agenda order.
    pub agenda: Vec<usize>,
    /// Position of each manager in `agenda`.
    pub agenda_pos: Vec<usize>,
    /// The order `agenda` follows (the view's choice, [`crate::engine::agenda::agenda`]).
    pub agenda_order: AgendaOrder,
    /// Each manager's number of questions (kept up to date with every change).
    question_counts: Vec<usize>,
    /// Whether some manager has a question (the table's *Spørgsmål* column is shown).
    pub any_question: bool,
    /// In a prep, the director's own frame (her managers' sum and reference).
    pub frame: Option<crate::engine::prep_frame::Frame>,
    /// The pool's two parts when it has a savings part (the top bar's two gauges).
    pub pool_parts: Option<[crate::engine::pool_parts::PartStatus; 2]>,
    /// Each manager's name's rank in Danish order (equal names share one).
    pub name_rank: Vec<usize>,
    /// Each manager's unit's rank in Danish order (equal units share one).
    pub unit_rank: Vec<usize>,
    /// Rank position of each level (index into `session.levels` → 0 lowest).
    pub level_rank_pos: Vec<usize>,
    /// For each of `eval.findings`: whether the group accepted it.
    pub accepted: Vec<bool>,
    /// Findings in display order: open ones first (engine order), accepted ones last.
    pub finding_order: Vec<usize>,
    /// Per manager: their findings (indices into `eval.findings`, engine order), as the
    /// one concerned or the other party.
    pub findings_of: Vec<Vec<usize>>,
    /// Open (not accepted) fejl and advarsler.
    pub open_counts: (usize, usize),
    /// The meeting's progress: managers discussed (any status but "ikke drøftet") and
    /// decided.
    pub progress: (usize, usize),
    /// Per level (index into `session.levels`): how many managers fall in each of the
    /// [`STRIP_COLUMNS`] columns of the spread panel's strip (band ± a fifth).
    pub strip_bins: Vec<Vec<u32>>,
    /// Each manager's (level, column) in `strip_bins`, to move them on a change.
    strip_col: Vec<Option<(usize, usize)>>,
    /// Manager id → index.
    index: HashMap<String, usize>,
}

/// Columns (points) of the spread panel's strip.
pub const STRIP_COLUMNS: usize = 150;

/// The strip's axis for a level: its band padded by a fifth on each side over 0..columns.
#[must_use]
pub fn strip_axis(band: &crate::model::Band, left: f32) -> crate::ui::state::axis::KrAxis {
    let pad = (band.max - band.min) / rust_decimal::Decimal::from(5);
    crate::ui::state::axis::KrAxis {
        min: band.min - pad,
        max: band.max + pad,
        left,
        right: left + STRIP_COLUMNS as f32,
    }
}

impl Derived {
    /// Computes the derived facts (the agenda by level).
    #[must_use]
    pub fn new(session: &Session, eval: &Evaluation) -> Self {
        Self::with_order(session, eval, AgendaOrder::Level)
    }

    /// Computes the derived facts, the agenda in `order`.
    #[must_use]
    pub fn with_order(session: &Session, eval: &Evaluation, order: AgendaOrder) -> Self {
        let n = session.managers.len();
        let name_rank = danish_ranks(session.managers.iter().map(|m| m.name.as_str()));
        let unit_rank = danish_ranks(session.managers.iter().map(|m| m.unit.as_str()));
        let mut level_rank_pos = vec![0; session.levels.len()];
        for (pos, li) in session.levels_by_rank().into_iter().enumerate() {
            level_rank_pos[li] = pos;
        }
        let mut derived = Self {
            name_rank,
            unit_rank,
            level_rank_pos,
            index: session.managers.iter().enumerate().map(|(i, m)| (m.id.clone(), i)).collect(),
            strip_bins: vec![vec![0; STRIP_COLUMNS]; session.levels.len()],
            strip_col: vec![None; n],
            ..Self::default()
        };
        derived.set_agenda_order(session, order);
        derived.update_findings(session, eval);
        derived.update_progress(session);
        derived.frame = crate::engine::prep_frame::prep_frame(session, eval);
        derived.pool_parts = crate::engine::pool_parts::parts_if_any(session, eval);
        for i in 0..n {
            derived.update_strip(session, eval, i);
        }
        derived
    }

    /// Brings the facts up to date after only the managers `changed` changed (their
    /// amounts, scores, status …, not their level, unit or name: the agenda is kept).
    pub fn update(&mut self, session: &Session, eval: &Evaluation, changed: &[usize]) {
        if self.strip_col.len() != session.managers.len() {
            *self = Self::new(session, eval);
            return;
        }
        self.update_findings(session, eval);
        self.update_progress(session);
        if session.prep.is_some() {
            self.frame = crate::engine::prep_frame::prep_frame(session, eval);
        }
        self.pool_parts = crate::engine::pool_parts::parts_if_any(session, eval);
        for &i in changed {
            self.update_strip(session, eval, i);
        }
        // "Spørgsmål først" moves a manager whose questions changed (a view recorded).
        let count = |i: usize| session.managers.get(i).map_or(0, |m| m.questions().count());
        if self.agenda_order == AgendaOrder::Questions
            && changed.iter().any(|&i| self.question_counts.get(i).copied() != Some(count(i)))
        {
            self.set_agenda_order(session, AgendaOrder::Questions);
        }
        for &i in changed {
            if let Some(c) = self.question_counts.get_mut(i) {
                *c = count(i);
            }
        }
        self.any_question = self.question_counts.iter().any(|&c| c > 0);
    }

    /// Orders the agenda as `order` says ([`crate::engine::agenda::agenda`], from the
    /// cached name and unit ranks).
    pub fn set_agenda_order(&mut self, session: &Session, order: AgendaOrder) {
        let usual = session.agenda_order_by(&self.name_rank, &self.unit_rank);
        self.agenda = crate::engine::agenda::agenda_from(session, order, usual);
        self.agenda_pos = vec![0; session.managers.len()];
        for (pos, &i) in self.agenda.iter().enumerate() {
            if let Some(p) = self.agenda_pos.get_mut(i) {
                *p = pos;
            }
        }
        self.agenda_order = order;
        self.question_counts = session.managers.iter().map(|m| m.questions().count()).collect();
        self.any_question = self.question_counts.iter().any(|&c| c > 0);
    }

    /// Counts and worst severity per manager, accepted findings, the list's order.
    fn update_findings(&mut self, session: &Session, eval: &Evaluation) {
        let n = session.managers.len();
        let index = &self.index;
        let manager_of = |id: &Option<String>| id.as_deref().and_then(|id| index.get(id)).copied();
        // One pass, reusing the per-manager vectors: this runs on every drag step, and a
        // state-wide session has thousands of findings.
        self.worst.clear();
        self.worst.resize(n, None);
        self.count.clear();
        self.count.resize(n, 0);
        self.findings_of.resize_with(n, Vec::new);
        self.findings_of.iter_mut().for_each(Vec::clear);
        self.accepted.clear();
        self.open_counts = (0, 0);
        // The engine names the managers of most findings by index; only the rest are looked
        // up by id (7,000 hash lookups per change cost more than half a millisecond).
        let known = (eval.finding_managers.len() == eval.findings.len()).then_some(&eval.finding_managers);
        for (k, f) in eval.findings.iter().enumerate() {
            let [own, other] = known.map_or([None, None], |known| known[k]);
            let own = own.or_else(|| manager_of(&f.manager));
            let concerned = [own, other.or_else(|| manager_of(&f.other_manager))];
            for i in concerned.into_iter().flatten() {
                if self.findings_of[i].last() != Some(&k) {
                    self.findings_of[i].push(k);
                }
            }
            let accepted = f.rule.may_be_accepted()
                && own.is_some_and(|i| {
                    let m = &session.managers[i];
                    !m.accepted.is_empty() && crate::engine::finding::acceptance_of(m, f).is_some()
                });
            self.accepted.push(accepted);
            if accepted {
                continue;
            }
            match f.severity {
                Severity::Fejl => self.open_counts.0 += 1,
                Severity::Advarsel => self.open_counts.1 += 1,
                Severity::Info => {}
            }
            for i in concerned.into_iter().flatten() {
                self.count[i] += 1;
                self.worst[i] = Some(self.worst[i].map_or(f.severity, |w| w.min(f.severity)));
            }
        }
        let accepted = &self.accepted;
        self.finding_order.clear();
        self.finding_order.extend((0..eval.findings.len()).filter(|&k| !accepted[k]));
        self.finding_order.extend((0..eval.findings.len()).filter(|&k| accepted[k]));
    }

    /// The index of the manager with this id.
    #[must_use]
    pub fn manager_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Counts the discussed and decided managers (once per change, not per frame).
    fn update_progress(&mut self, session: &Session) {
        let status = |s| session.managers.iter().filter(|m| m.status == s).count();
        let decided = status(MeetingStatus::Besluttet);
        self.progress = (session.managers.len() - status(MeetingStatus::IkkeDroeftet), decided);
    }

    /// Moves manager `i` to the strip column of their current amount.
    fn update_strip(&mut self, session: &Session, eval: &Evaluation, i: usize) {
        if let Some((l, c)) = self.strip_col[i].take() {
            self.strip_bins[l][c] = self.strip_bins[l][c].saturating_sub(1);
        }
        let Some(l) = eval.level_of.get(i).copied().flatten() else { return };
        let x = strip_axis(&session.levels[l].band, 0.0).x(eval.amounts[i].amount);
        let c = (x.max(0.0) as usize).min(STRIP_COLUMNS - 1);
        self.strip_bins[l][c] += 1;
        self.strip_col[i] = Some((l, c));
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
    /// The document's cache key (see `Document::cache_key`) for the panels' caches.
    pub revision: u64,
}

impl Data<'_> {
    /// Whether manager `i`'s own fields may be edited here: false for another director's
    /// manager in a prep (see `Document::may_edit_fields`), whose controls are then shown
    /// disabled.
    #[must_use]
    pub fn may_edit_fields(&self, i: usize) -> bool {
        crate::document::fields_editable(self.session, i)
    }
}
