//! Typed edits and the one function that applies them: [`Document::apply`].
//!
//! An edit is validated before anything changes (a score must be on the model's scale,
//! an attainment within 0–200 %, a manager that is locked or decided does not move), and
//! money follows the engine's rules (the amount a target gives is the engine's
//! [`edit_for_target`], never below 0 kr., on the rounding step). Each applied edit is one
//! undo step with one typed change-log entry per changed manager and field.

use rust_decimal::Decimal;

use super::edit::{Edit, EditError, Outcome};
use super::{Document, EditKey, LogSpec};
use crate::engine::RuleId;
use crate::engine::amounts::{AmountEdit, compute_amount_with, edit_for_target, model_of};
use crate::model::bounds;
use crate::model::log::Change;
use crate::model::{AcceptedFinding, Adjustment, Manager, MeetingStatus, Session};

/// A money change: how a manager's final amount is reached.
fn apply_amount_edit(m: &mut Manager, edit: AmountEdit, who: &str) {
    match edit {
        AmountEdit::Direct(amount) => m.direct_amount = Some(amount),
        AmountEdit::Adjustment(amount) => {
            let justification = m.adjustment.as_ref().map(|a| a.justification.clone()).unwrap_or_default();
            if amount.is_zero() && justification.trim().is_empty() {
                m.adjustment = None;
            } else {
                m.adjustment = Some(Adjustment { amount, justification, by: who.to_string() });
            }
        }
    }
}

/// The final amount of manager `m` as the engine computes it (0 with an unknown level).
fn amount_now(session: &Session, m: &Manager) -> Decimal {
    session.level(&m.level).map_or(Decimal::ZERO, |l| compute_amount_with(session, m, l, false).amount)
}

/// Whether an edit of this kind changes money (refused for locked or decided managers).
fn moves_money(edit: &Edit) -> bool {
    matches!(
        edit,
        Edit::SetAmount { .. }
            | Edit::StepAmount { .. }
            | Edit::UseProposal { .. }
            | Edit::ClearAdjustment { .. }
            | Edit::SetBoxScore { .. }
            | Edit::SetAttainment { .. }
            | Edit::SetRating { .. }
    ) || matches!(edit, Edit::Contract { change, .. } if change.moves_money())
}

impl Edit {
    /// The one manager (index) whose item this edit changes, if any: the item an
    /// executive who steps aside may not edit.
    #[must_use]
    pub fn manager(&self) -> Option<usize> {
        manager_of(self)
    }
}

/// The manager an edit of one manager concerns.
fn manager_of(edit: &Edit) -> Option<usize> {
    match edit {
        Edit::SetAmount { manager, .. }
        | Edit::StepAmount { manager, .. }
        | Edit::UseProposal { manager }
        | Edit::ClearAdjustment { manager }
        | Edit::SetJustification { manager, .. }
        | Edit::SetNotes { manager, .. }
        | Edit::SetProposal { manager, .. }
        | Edit::SetBoxScore { manager, .. }
        | Edit::SetAttainment { manager, .. }
        | Edit::SetRating { manager, .. }
        | Edit::SetStatus { manager, .. }
        | Edit::SetLocked { manager, .. }
        | Edit::AcceptFinding { manager, .. }
        | Edit::RevokeAcceptance { manager, .. }
        | Edit::SetView { manager, .. }
        | Edit::AnswerQuestion { manager, .. }
        | Edit::Contract { manager, .. } => Some(*manager),
        _ => None,
    }
}

impl Document {
    /// How an amount edit is logged: the final amount before and after, as the engine
    /// computes it with this session's levels and policies.
    /// The log entry of an amount change; `by_allocation` when a fit or spread proposal
    /// made it (the allocation keeps every other amount change as set by hand).
    fn amount_logger(&self, by_allocation: bool) -> impl Fn(&Manager, &Manager) -> Change + use<> {
        let session = self.session.clone_policies_and_levels();
        move |b: &Manager, a: &Manager| Change::Amount {
            old: amount_now(&session, b),
            new: amount_now(&session, a),
            by_allocation,
        }
    }

    /// Applies one edit by `who` (executive id): validates it, changes the session,
    /// records the undo step and the typed log entries.
    ///
    /// # Errors
    /// [`EditError`] when the edit is refused (every edit of a read-only document);
    /// nothing has changed then.
    pub fn apply(&mut self, edit: Edit, who: &str) -> Result<Outcome, EditError> {
        if self.read_only {
            return Err(EditError::ReadOnly);
        }
        self.check_access(&edit, manager_of(&edit), who)?;
        if let Some(i) = manager_of(&edit) {
            let m = self.session.managers.get(i).ok_or(EditError::UnknownManager(i))?;
            if moves_money(&edit) {
                if m.status == MeetingStatus::Besluttet {
                    return Err(EditError::Decided(m.name.clone()));
                }
                let is_amount = matches!(
                    edit,
                    Edit::SetAmount { .. }
                        | Edit::StepAmount { .. }
                        | Edit::UseProposal { .. }
                        | Edit::ClearAdjustment { .. }
                );
                if m.locked && is_amount {
                    return Err(EditError::Locked(m.name.clone()));
                }
            }
        }
        match edit {
            Edit::SetAmount { manager, amount, drag } => {
                self.set_amount(manager, amount, drag.then_some(EditKey::Drag(manager)), who)
            }
            Edit::StepAmount { manager, steps } => self.step_amount(manager, steps, who),
            Edit::UseProposal { manager } => {
                let m = &self.session.managers[manager];
                let target = crate::engine::proposals::proposed_amount(&self.session, m)
                    .ok_or(EditError::NoProposal(m.name.clone()))?;
                self.set_amount(manager, target, None, who)
            }
            Edit::ApplyProposal { title, changes } => Ok(self.apply_proposal(&title, &changes, who)),
            Edit::Import { label, source, managers, history, fields } => {
                self.import(&label, &source, managers, history, fields, who);
                Ok(Outcome::Changed)
            }
            Edit::MergePreps { preps } => self.merge_preps(&preps),
            Edit::TakePrepValue { conflict, prep } => self.take_prep_value(&conflict, &prep, who),
            Edit::AttachReference { path } => Ok(self.attach_reference(path, who)),
            Edit::RemoveReference { path } => self.remove_reference(&path, who),
            Edit::MoveReference { old, new } => self.move_reference(&old, new, who),
            Edit::MapReferenceLevel { path, level, to } => self.map_reference_level(&path, &level, to, who),
            Edit::Undo => Ok(Outcome::Step(self.undo(who))),
            Edit::Redo => Ok(Outcome::Step(self.redo(who))),
            other => self.apply_field(other, who),
        }
    }

    /// Edits one field of one manager that is not money by target.
    fn apply_field(&mut self, edit: Edit, who: &str) -> Result<Outcome, EditError> {
        let changed = match edit {
            Edit::SetJustification { manager, text } => {
                let owner = who.to_string();
                let describe = |b: &Manager, a: &Manager| Change::Justification {
                    old: b.adjustment.as_ref().map(|x| x.justification.clone()).unwrap_or_default(),
                    new: a.adjustment.as_ref().map(|x| x.justification.clone()).unwrap_or_default(),
                };
                let why = text.clone();
                self.field(manager, Some(EditKey::Text(manager, "begrundelse")), who, &describe, &why, |m| {
                    let adj = m.adjustment.get_or_insert_with(|| Adjustment {
                        amount: Decimal::ZERO,
                        justification: String::new(),
                        by: owner,
                    });
                    adj.justification = text;
                })
            }
            Edit::SetNotes { manager, text } => {
                let describe = |b: &Manager, a: &Manager| Change::Notes { old: b.notes.clone(), new: a.notes.clone() };
                self.field(manager, Some(EditKey::Text(manager, "noter")), who, &describe, "", |m| m.notes = text)
            }
            Edit::SetProposal { manager, proposal } => self.set_proposal(manager, proposal, who)?,
            Edit::SetBoxScore { manager, criterion, score } => self.set_score(manager, criterion, score, who)?,
            Edit::SetAttainment { manager, goal, attainment } => self.set_attainment(manager, goal, attainment, who)?,
            Edit::SetRating { manager, rating } => self.set_rating(manager, rating, who)?,
            Edit::SetStatus { manager, status } => {
                let amount = amount_now(&self.session, &self.session.managers[manager]);
                let describe = |b: &Manager, a: &Manager| Change::Status { old: b.status, new: a.status };
                self.field(manager, None, who, &describe, "", |m| {
                    m.status = status;
                    m.final_amount = (status == MeetingStatus::Besluttet).then_some(amount);
                })
            }
            Edit::SetLocked { manager, locked } => {
                let describe = |_: &Manager, a: &Manager| Change::Lock { locked: a.locked };
                self.field(manager, None, who, &describe, "", |m| m.locked = locked)
            }
            Edit::ClearAdjustment { manager } => {
                let describe = |b: &Manager, a: &Manager| Change::Adjustment {
                    old: b.adjustment.as_ref().map(|x| x.amount),
                    new: a.adjustment.as_ref().map(|x| x.amount),
                };
                self.field(manager, None, who, &describe, "", |m| m.adjustment = None)
            }
            Edit::AcceptFinding { manager, rule, why } => self.accept(manager, rule, &why, who)?,
            Edit::SetView { manager, by, stance, text } => self.set_view(manager, &by, stance, text, who)?,
            Edit::AnswerQuestion { manager, by, answered } => self.answer(manager, &by, answered, who)?,
            Edit::Contract { manager, change } => self.set_contract(manager, change, who)?,
            Edit::RevokeAcceptance { manager, rule } => {
                let describe =
                    |_: &Manager, _: &Manager| Change::Acceptance { rule: rule.code().into(), accepted: false };
                self.field(manager, None, who, &describe, "Accepten trukket tilbage", |m| {
                    m.accepted.retain(|a| a.rule != rule.code());
                })
            }
            _ => false,
        };
        Ok(if changed { Outcome::Changed } else { Outcome::Unchanged })
    }

    /// One manager's field through [`Document::edit_manager`].
    pub(super) fn field(
        &mut self,
        manager: usize,
        key: Option<EditKey>,
        who: &str,
        describe: &dyn Fn(&Manager, &Manager) -> Change,
        why: &str,
        f: impl FnOnce(&mut Manager),
    ) -> bool {
        self.edit_manager(manager, key, LogSpec { who, describe, why }, f)
    }

    /// A value refused for manager `i`.
    pub(super) fn invalid(&self, i: usize, reason: String) -> EditError {
        EditError::Invalid { name: self.session.managers[i].name.clone(), reason }
    }

    fn set_score(&mut self, i: usize, criterion: String, score: Option<u8>, who: &str) -> Result<bool, EditError> {
        let m = &self.session.managers[i];
        let level = self.session.level(&m.level).ok_or_else(|| EditError::UnknownLevel(m.name.clone()))?;
        let crate::model::AmountModel::Box(model) = model_of(m, level) else {
            return Err(self.invalid(i, "lederens model har ingen scorer".into()));
        };
        let Some(c) = model.criteria.iter().find(|c| c.id == criterion) else {
            return Err(self.invalid(i, format!("kriteriet «{criterion}» findes ikke i modellen")));
        };
        if let Some(problem) =
            score.and_then(|s| bounds::score_problem(&format!("kriteriet «{}»", c.name), s, &model.scale))
        {
            return Err(self.invalid(i, problem));
        }
        let id = criterion.clone();
        let describe = move |b: &Manager, a: &Manager| Change::Score {
            criterion: id.clone(),
            old: b.box_scores.get(&id).copied(),
            new: a.box_scores.get(&id).copied(),
        };
        Ok(self.field(i, None, who, &describe, "", |m| match score {
            Some(s) => {
                m.box_scores.insert(criterion, s);
            }
            None => {
                m.box_scores.remove(&criterion);
            }
        }))
    }

    fn set_attainment(&mut self, i: usize, goal: usize, att: Option<Decimal>, who: &str) -> Result<bool, EditError> {
        let m = &self.session.managers[i];
        let Some(g) = m.goals.get(goal) else {
            return Err(self.invalid(i, format!("mål {} findes ikke", goal + 1)));
        };
        if let Some(problem) =
            att.and_then(|a| bounds::attainment_problem(&format!("mål {} «{}»", goal + 1, g.name), a))
        {
            return Err(self.invalid(i, problem));
        }
        if let Some(id) = g.shared.clone() {
            return self.set_shared_attainment(&id, att, i, who);
        }
        let describe = move |b: &Manager, a: &Manager| Change::Attainment {
            goal,
            old: b.goals.get(goal).and_then(|g| g.attainment),
            new: a.goals.get(goal).and_then(|g| g.attainment),
        };
        Ok(self.field(i, Some(EditKey::Text(i, "opfyldelse")), who, &describe, "", |m| {
            if let Some(g) = m.goals.get_mut(goal) {
                g.attainment = att;
            }
        }))
    }

    fn set_rating(&mut self, i: usize, rating: Option<u8>, who: &str) -> Result<bool, EditError> {
        let m = &self.session.managers[i];
        let level = self.session.level(&m.level).ok_or_else(|| EditError::UnknownLevel(m.name.clone()))?;
        let crate::model::AmountModel::BandPosition { scale } = model_of(m, level) else {
            return Err(self.invalid(i, "lederens model har ingen samlet vurdering".into()));
        };
        if let Some(problem) = rating.and_then(|r| bounds::score_problem("den samlede vurdering", r, scale)) {
            return Err(self.invalid(i, problem));
        }
        let describe = |b: &Manager, a: &Manager| Change::Rating { old: b.overall_rating, new: a.overall_rating };
        Ok(self.field(i, None, who, &describe, "", |m| m.overall_rating = rating))
    }

    fn accept(&mut self, i: usize, rule: RuleId, why: &str, who: &str) -> Result<bool, EditError> {
        if !rule.may_be_accepted() {
            return Err(EditError::MayNotBeAccepted(rule.code()));
        }
        let why = why.trim().to_string();
        if why.is_empty() {
            return Err(EditError::NoReason);
        }
        let entry = AcceptedFinding {
            rule: rule.code().to_string(),
            why: why.clone(),
            by: who.to_string(),
            when: crate::model::log::now_iso(),
        };
        let describe = |_: &Manager, _: &Manager| Change::Acceptance { rule: rule.code().into(), accepted: true };
        Ok(self.field(i, None, who, &describe, &why, |m| {
            m.accepted.retain(|a| a.rule != rule.code());
            m.accepted.push(entry);
        }))
    }

    /// The change of `m` that gives the final amount `target`: snapped to the step and
    /// never below 0 kr. (the engine's [`edit_for_target`]).
    fn amount_change(&self, i: usize, target: Decimal, who: &str) -> Result<Manager, EditError> {
        let m = &self.session.managers[i];
        let level = self.session.level(&m.level).ok_or_else(|| EditError::UnknownLevel(m.name.clone()))?;
        if let Some(problem) = bounds::money_problem("beløbet", target, true) {
            return Err(self.invalid(i, problem));
        }
        let edit = edit_for_target(&self.session, m, level, target);
        let mut changed = m.clone();
        apply_amount_edit(&mut changed, edit, who);
        Ok(changed)
    }

    fn set_amount(&mut self, i: usize, target: Decimal, key: Option<EditKey>, who: &str) -> Result<Outcome, EditError> {
        let changed = self.amount_change(i, target, who)?;
        let describe = self.amount_logger(false);
        let why = changed.adjustment.as_ref().map(|a| a.justification.clone()).unwrap_or_default();
        let done = self.field(i, key, who, &describe, &why, |m| *m = changed);
        Ok(if done { Outcome::Changed } else { Outcome::Unchanged })
    }

    /// ± whole steps: the skøn (or the direct amount) moves by `steps` × the rounding
    /// step, so a formula amount off the grid never gets a sub-step skøn.
    fn step_amount(&mut self, i: usize, steps: i64, who: &str) -> Result<Outcome, EditError> {
        let m = &self.session.managers[i];
        let level = self.session.level(&m.level).ok_or_else(|| EditError::UnknownLevel(m.name.clone()))?;
        let step = self.session.policies.rounding_step.max(Decimal::ONE);
        let delta = step.checked_mul(Decimal::from(steps)).ok_or_else(|| self.invalid(i, "for mange trin".into()))?;
        let now = amount_now(&self.session, m);
        let target = (now + delta).max(Decimal::ZERO);
        if matches!(model_of(m, level), crate::model::AmountModel::Direct) {
            return self.set_amount(i, target, None, who);
        }
        // Move the skøn by the same whole steps the amount moves.
        let moved = target - now;
        let adjustment = m.adjustment.as_ref().map_or(Decimal::ZERO, |a| a.amount) + moved;
        if let Some(problem) = bounds::money_problem("skønnet", adjustment, true) {
            return Err(self.invalid(i, problem));
        }
        let mut changed = m.clone();
        apply_amount_edit(&mut changed, AmountEdit::Adjustment(adjustment), who);
        let describe = self.amount_logger(false);
        let why = changed.adjustment.as_ref().map(|a| a.justification.clone()).unwrap_or_default();
        let done = self.field(i, None, who, &describe, &why, |m| *m = changed);
        Ok(if done { Outcome::Changed } else { Outcome::Unchanged })
    }

    /// Applies a proposal as one undo step; locked and decided managers are left alone,
    /// and no justification is written for anyone (the title is the log entries' reason;
    /// a skøn without a justification stays a *fejl*).
    fn apply_proposal(&mut self, title: &str, changes: &[(usize, Decimal)], who: &str) -> Outcome {
        let (mut locked, mut decided) = (0, 0);
        let mut new = Vec::new();
        for (i, target) in changes {
            let Some(m) = self.session.managers.get(*i) else { continue };
            if m.status == MeetingStatus::Besluttet {
                decided += 1;
                continue;
            }
            if m.locked {
                locked += 1;
                continue;
            }
            if let Ok(changed) = self.amount_change(*i, *target, who) {
                new.push((*i, changed));
            }
        }
        let describe = self.amount_logger(true);
        let changed = self.replace_managers(title, LogSpec { who, describe: &describe, why: title }, new);
        Outcome::Proposal { changed, locked, decided }
    }
}
