//! Typed edits and the one function that applies them: [`Document::apply`].
//!
//! An edit is validated before anything changes (a score must be on the model's scale,
//! an attainment within 0–200 %, a manager that is locked or decided does not move), and
//! money follows the engine's rules (the amount a target gives is the engine's
//! [`edit_for_target`], never below 0 kr., on the rounding step). Each applied edit is one
//! undo step with one typed change-log entry per changed manager and field.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Document, EditKey, LogSpec};
use crate::engine::RuleId;
use crate::engine::amounts::{AmountEdit, compute_amount_with, edit_for_target, model_of};
use crate::model::bounds;
use crate::model::log::Change;
use crate::model::reference::MappedTo;
use crate::model::{AcceptedFinding, Adjustment, ChangeEntry, Manager, MeetingStatus, ReferenceLink, Session};

/// Earlier years' amounts per manager id.
pub type History = BTreeMap<String, BTreeMap<i32, Decimal>>;

/// A change to the session. Every change to a session goes through one of these.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Give a manager this final amount (snapped to the step, never below 0 kr.).
    SetAmount {
        /// Manager index.
        manager: usize,
        /// The wanted amount.
        amount: Decimal,
        /// Part of a drag: merged into one undo step until the drag ends.
        drag: bool,
    },
    /// Move a manager's amount by whole rounding steps on the grid.
    StepAmount {
        /// Manager index.
        manager: usize,
        /// Steps, may be negative.
        steps: i64,
    },
    /// Take the superior's proposed amount.
    UseProposal {
        /// Manager index.
        manager: usize,
    },
    /// Remove the skøn (back to the formula amount).
    ClearAdjustment {
        /// Manager index.
        manager: usize,
    },
    /// Set the skøn's written justification (typing: one undo step per field visit).
    SetJustification {
        /// Manager index.
        manager: usize,
        /// The text.
        text: String,
    },
    /// Set the meeting notes.
    SetNotes {
        /// Manager index.
        manager: usize,
        /// The text.
        text: String,
    },
    /// Set or clear a box-model score.
    SetBoxScore {
        /// Manager index.
        manager: usize,
        /// Criterion id.
        criterion: String,
        /// The score, or None.
        score: Option<u8>,
    },
    /// Set or clear a goal's attainment (percent).
    SetAttainment {
        /// Manager index.
        manager: usize,
        /// Goal index.
        goal: usize,
        /// Percent, or None.
        attainment: Option<Decimal>,
    },
    /// Set or clear the overall rating.
    SetRating {
        /// Manager index.
        manager: usize,
        /// The rating, or None.
        rating: Option<u8>,
    },
    /// Set the meeting status; *Besluttet* records the amount decided.
    SetStatus {
        /// Manager index.
        manager: usize,
        /// The status.
        status: MeetingStatus,
    },
    /// Lock or unlock a manager.
    SetLocked {
        /// Manager index.
        manager: usize,
        /// Locked after the edit.
        locked: bool,
    },
    /// Accept a finding with a written reason.
    AcceptFinding {
        /// Manager index.
        manager: usize,
        /// The rule.
        rule: RuleId,
        /// The reason.
        why: String,
    },
    /// Withdraw an acceptance.
    RevokeAcceptance {
        /// Manager index.
        manager: usize,
        /// The rule.
        rule: RuleId,
    },
    /// Apply a fit-to-pool or spread proposal: (manager index, amount) pairs. Locked and
    /// decided managers are skipped; the title is logged as the reason.
    ApplyProposal {
        /// The proposal's title ("Tilpas til puljen" …).
        title: String,
        /// The proposed amounts.
        changes: Vec<(usize, Decimal)>,
    },
    /// Replace the roster with an HR import computed from the current session (adds
    /// managers, updates HR fields), with the import's typed log entries.
    Import {
        /// Undo label.
        label: String,
        /// The managers after the import.
        managers: Vec<Manager>,
        /// The history after the import.
        history: History,
        /// One entry per changed field.
        log: Vec<ChangeEntry>,
    },
    /// Managers changed by a merge of directors' preparations, with its typed log entries.
    Merge {
        /// Undo label.
        label: String,
        /// (index, manager after) pairs.
        managers: Vec<(usize, Manager)>,
        /// One entry per applied field.
        log: Vec<ChangeEntry>,
    },
    /// Attach another organisation's statistics export as a reference (the path as the
    /// session names it: relative to the session file's folder).
    AttachReference {
        /// The file.
        path: String,
    },
    /// Remove an attached reference.
    RemoveReference {
        /// The file, as attached.
        path: String,
    },
    /// Name an attached reference file anew (the session is saved in another folder, and
    /// a relative path must still name the same file); the mapping is kept.
    MoveReference {
        /// The name before.
        old: String,
        /// The name after.
        new: String,
    },
    /// Choose by hand which level of a reference file a session level is compared with.
    MapReferenceLevel {
        /// The reference file, as attached.
        path: String,
        /// The session level's id.
        level: String,
        /// The reference level, none, or back to matching by role.
        to: MappedTo,
    },
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
}

/// What an applied edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The session changed.
    Changed,
    /// The edit asked for what already was.
    Unchanged,
    /// A proposal was applied to `changed` managers; the others were left alone.
    Proposal {
        /// Managers whose amount changed.
        changed: usize,
        /// Left alone because they are locked.
        locked: usize,
        /// Left alone because they are decided.
        decided: usize,
    },
    /// A step was undone or redone (its label), or there was nothing to undo/redo (None).
    Step(Option<String>),
}

/// Why an edit was refused. Displayed in Danish, naming the manager.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No manager has this index.
    #[error("lederen findes ikke (nr. {0})")]
    UnknownManager(usize),
    /// The manager's level is not in the session.
    #[error("{0} har et ukendt niveau; beløbet kan ikke ændres")]
    UnknownLevel(String),
    /// The manager is locked.
    #[error("{0} er låst – lås op for at ændre beløbet")]
    Locked(String),
    /// The manager is decided.
    #[error("{0} er besluttet – sæt status til Drøftet for at ændre det")]
    Decided(String),
    /// The value is outside what the session may hold.
    #[error("{name}: {reason}")]
    Invalid {
        /// The manager.
        name: String,
        /// Why, in Danish.
        reason: String,
    },
    /// The rule's findings may not be accepted.
    #[error("fundet «{0}» kan ikke accepteres; det skal rettes")]
    MayNotBeAccepted(&'static str),
    /// An acceptance needs a written reason.
    #[error("et fund kan kun accepteres med en skriftlig begrundelse")]
    NoReason,
    /// No proposed amount to use.
    #[error("{0} har intet foreslået beløb")]
    NoProposal(String),
    /// A reference edit that cannot be made (unknown file or level), in Danish.
    #[error("{0}")]
    Reference(String),
}

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
    )
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
        | Edit::SetBoxScore { manager, .. }
        | Edit::SetAttainment { manager, .. }
        | Edit::SetRating { manager, .. }
        | Edit::SetStatus { manager, .. }
        | Edit::SetLocked { manager, .. }
        | Edit::AcceptFinding { manager, .. }
        | Edit::RevokeAcceptance { manager, .. } => Some(*manager),
        _ => None,
    }
}

impl Document {
    /// How an amount edit is logged: the final amount before and after, as the engine
    /// computes it with this session's levels and policies.
    fn amount_logger(&self) -> impl Fn(&Manager, &Manager) -> Change + use<> {
        let session = self.session.clone_policies_and_levels();
        move |b: &Manager, a: &Manager| Change::Amount { old: amount_now(&session, b), new: amount_now(&session, a) }
    }

    /// Applies one edit by `who` (executive id): validates it, changes the session,
    /// records the undo step and the typed log entries.
    ///
    /// # Errors
    /// [`EditError`] when the edit is refused; nothing has changed then.
    pub fn apply(&mut self, edit: Edit, who: &str) -> Result<Outcome, EditError> {
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
                let target = m.proposal.as_ref().and_then(|p| p.amount).ok_or(EditError::NoProposal(m.name.clone()))?;
                self.set_amount(manager, target, None, who)
            }
            Edit::ApplyProposal { title, changes } => Ok(self.apply_proposal(&title, &changes, who)),
            Edit::Import { label, managers, history, log } => {
                self.replace_roster(&label, managers, history, log);
                Ok(Outcome::Changed)
            }
            Edit::Merge { label, managers, log } => {
                let n = self.replace_managers_logged(&label, managers, log);
                Ok(if n > 0 { Outcome::Changed } else { Outcome::Unchanged })
            }
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
    fn field(
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
    fn invalid(&self, i: usize, reason: String) -> EditError {
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
        let describe = self.amount_logger();
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
        let describe = self.amount_logger();
        let why = changed.adjustment.as_ref().map(|a| a.justification.clone()).unwrap_or_default();
        let done = self.field(i, None, who, &describe, &why, |m| *m = changed);
        Ok(if done { Outcome::Changed } else { Outcome::Unchanged })
    }

    /// A log entry about the session's references (no manager).
    fn reference_entry(who: &str, change: Change) -> ChangeEntry {
        ChangeEntry {
            when: crate::model::log::now_iso(),
            who: who.to_string(),
            manager: None,
            change,
            why: String::new(),
        }
    }

    fn attach_reference(&mut self, path: String, who: &str) -> Outcome {
        if self.session.reference.iter().any(|l| l.path == path) {
            return Outcome::Unchanged;
        }
        let mut list = self.session.reference.clone();
        list.push(ReferenceLink::new(path.clone()));
        let label = format!("Sammenlign med {path}");
        self.replace_references(&label, list, Self::reference_entry(who, Change::Reference { path, attached: true }));
        Outcome::Changed
    }

    fn remove_reference(&mut self, path: &str, who: &str) -> Result<Outcome, EditError> {
        if !self.session.reference.iter().any(|l| l.path == path) {
            return Err(EditError::Reference(format!("referencen {path} er ikke tilknyttet")));
        }
        let list: Vec<ReferenceLink> = self.session.reference.iter().filter(|l| l.path != path).cloned().collect();
        let label = format!("Fjern sammenligning med {path}");
        let entry = Self::reference_entry(who, Change::Reference { path: path.to_string(), attached: false });
        self.replace_references(&label, list, entry);
        Ok(Outcome::Changed)
    }

    fn move_reference(&mut self, old: &str, new: String, who: &str) -> Result<Outcome, EditError> {
        let Some(k) = self.session.reference.iter().position(|l| l.path == old) else {
            return Err(EditError::Reference(format!("referencen {old} er ikke tilknyttet")));
        };
        if old == new {
            return Ok(Outcome::Unchanged);
        }
        let mut list = self.session.reference.clone();
        list[k].path.clone_from(&new);
        let change = Change::ReferenceMoved { old: old.to_string(), new };
        self.replace_references("Referencens sti", list, Self::reference_entry(who, change));
        Ok(Outcome::Changed)
    }

    fn map_reference_level(&mut self, path: &str, level: &str, to: MappedTo, who: &str) -> Result<Outcome, EditError> {
        let Some(k) = self.session.reference.iter().position(|l| l.path == path) else {
            return Err(EditError::Reference(format!("referencen {path} er ikke tilknyttet")));
        };
        if self.session.level(level).is_none() {
            return Err(EditError::Reference(format!("niveauet «{level}» findes ikke i sessionen")));
        }
        let old = MappedTo::of(&self.session.reference[k], level);
        if old == to {
            return Ok(Outcome::Unchanged);
        }
        let mut list = self.session.reference.clone();
        to.set(&mut list[k], level);
        let name = self.session.level(level).map_or(level, |l| l.name.as_str()).to_string();
        let change = Change::ReferenceMapping { path: path.to_string(), level: level.to_string(), old, new: to };
        self.replace_references(&format!("Referenceniveau for {name}"), list, Self::reference_entry(who, change));
        Ok(Outcome::Changed)
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
        let describe = self.amount_logger();
        let changed = self.replace_managers(title, LogSpec { who, describe: &describe, why: title }, new);
        Outcome::Proposal { changed, locked, decided }
    }
}
