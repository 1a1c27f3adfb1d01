//! The one place where commands change the document or the view.

use rust_decimal::Decimal;

use crate::engine::allocate;
use crate::engine::amounts::{AmountEdit, edit_for_target, formula_only};
use crate::engine::round_to_step;
use crate::model::money::{format_kr, format_signed_kr};
use crate::model::{Adjustment, Level, Manager};

use super::app::KalibrerApp;
use super::command::Command;
use super::document::{EditKey, LogSpec};
use super::view::PendingProposal;

/// The justification recorded on amounts changed by an accepted fit-to-pool or spread.
const GROUP_DECISION: &str = "Fælles beslutning i topchefgruppen";

impl KalibrerApp {
    /// Carries out one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        self.refresh();
        if self.view.read_only && super::lock_ui::is_edit(&command) {
            self.view.notify("Filen er åben skrivebeskyttet – brug Gem som for at arbejde videre i en kopi.", true);
            return;
        }
        match command {
            Command::Select(i) => {
                self.view.selected = i;
                self.view.scroll_to_selected = true;
            }
            Command::SelectInAgenda(delta) => self.select_in_agenda(delta),
            Command::SetAmount { manager, amount } => self.set_amount(manager, amount, None),
            Command::DragAmount { manager, amount } => self.set_amount(manager, amount, Some(EditKey::Drag(manager))),
            Command::EndContinuous => self.doc.close_continuous(),
            Command::StepAmount { manager, steps } => {
                let current = self.eval.amounts.get(manager).map(|a| a.amount).unwrap_or_default();
                let step = self.doc.session.policies.rounding_step.max(Decimal::ONE);
                self.set_amount(manager, current + step * Decimal::from(steps), None);
            }
            command @ (Command::SetJustification { .. }
            | Command::SetNotes { .. }
            | Command::SetBoxScore { .. }
            | Command::SetAttainment { .. }
            | Command::SetRating { .. }
            | Command::SetStatus { .. }
            | Command::ToggleLock(_)
            | Command::ClearAdjustment(_)) => self.apply_manager_edit(command),
            command @ (Command::AcceptFinding { .. } | Command::RevokeAcceptance { .. }) => {
                self.apply_acceptance(command);
            }
            Command::UseProposal(manager) => {
                let target =
                    self.doc.session.managers.get(manager).and_then(|m| m.proposal.as_ref()).and_then(|p| p.amount);
                if let Some(target) = target {
                    self.set_amount(manager, target, None);
                }
            }
            Command::ProposeFitToPool => {
                let proposal = allocate::fit_to_pool(&self.doc.session, &self.eval);
                self.view.pending = Some(PendingProposal { title: "Tilpas til puljen".into(), proposal });
            }
            Command::ProposeSpread(k) => {
                let proposal = allocate::spread(&self.doc.session, &self.eval, k);
                let title = format!("Spredning ×{}", k.normalize().to_string().replace('.', ","));
                self.view.pending = Some(PendingProposal { title, proposal });
            }
            Command::AcceptProposal => self.accept_proposal(),
            Command::RejectProposal => self.view.pending = None,
            Command::Undo => {
                let who = self.view.user.clone();
                match self.doc.undo(&who) {
                    Some(label) => self.view.notify(format!("Fortrudt: {label}"), false),
                    None => self.view.notify("Der er intet at fortryde.", false),
                }
            }
            Command::Redo => {
                let who = self.view.user.clone();
                if let Some(label) = self.doc.redo(&who) {
                    self.view.notify(format!("Gentaget: {label}"), false);
                }
            }
            Command::TogglePresentation => self.view.presentation = !self.view.presentation,
            Command::ToggleInitials => self.view.initials = !self.view.initials,
            Command::SetUser(id) => self.view.user = id,
            Command::Open => {
                if self.doc.is_dirty() {
                    self.view.notify("Gem eller fortryd ændringerne, før du åbner en anden fil.", true);
                } else {
                    self.open_dialog();
                }
            }
            Command::OpenPath(path) => self.open_path(&path),
            Command::Save => self.save(),
            Command::SaveAs => self.save_as(),
            Command::Export(kind) => self.export_dialog(kind),
            Command::ExportDraft => self.export_pending_draft(),
            Command::CancelExport => {
                self.view.pending_export = None;
                self.view.notify("Eksporten er annulleret.", false);
            }
            Command::Prepare(executive) => self.prep_dialog(&executive),
            Command::MergePreps => self.merge_dialog(),
            Command::Import { history } => self.import_dialog(history),
            Command::QuitDiscarding => {
                self.view.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::QuitIfSaved => {
                if !self.doc.is_dirty() {
                    self.view.quit_confirmed = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::CancelQuit => self.view.confirm_quit = false,
        }
        self.refresh();
    }

    /// Carries out the commands that edit one field of one manager.
    fn apply_manager_edit(&mut self, command: Command) {
        match command {
            Command::SetJustification { manager, text } => {
                let who = self.view.user.clone();
                let why = text.clone();
                self.edit(
                    manager,
                    Some(EditKey::Text(manager, "begrundelse")),
                    "Begrundelse for skøn",
                    &justification,
                    &why,
                    |m| {
                        let adj = m.adjustment.get_or_insert_with(|| Adjustment {
                            amount: Decimal::ZERO,
                            justification: String::new(),
                            by: who,
                        });
                        adj.justification = text;
                    },
                );
            }
            Command::SetNotes { manager, text } => {
                self.edit(
                    manager,
                    Some(EditKey::Text(manager, "noter")),
                    "Noter",
                    &|m: &Manager| m.notes.clone(),
                    "",
                    |m| m.notes = text,
                );
            }
            Command::SetBoxScore { manager, criterion, score } => {
                let what = format!("Score {criterion}");
                let show = |m: &Manager| m.box_scores.get(&criterion).map_or("–".into(), u8::to_string);
                let c = criterion.clone();
                self.edit(manager, None, &what, &show, "", |m| match score {
                    Some(s) => {
                        m.box_scores.insert(c, s);
                    }
                    None => {
                        m.box_scores.remove(&c);
                    }
                });
            }
            Command::SetAttainment { manager, goal, attainment } => {
                let show = move |m: &Manager| {
                    m.goals
                        .get(goal)
                        .and_then(|g| g.attainment)
                        .map_or("–".into(), |a| format!("{} %", a.normalize()))
                };
                let what = format!("Målopfyldelse mål {}", goal + 1);
                self.edit(manager, Some(EditKey::Text(manager, "opfyldelse")), &what, &show, "", |m| {
                    if let Some(g) = m.goals.get_mut(goal) {
                        g.attainment = attainment;
                    }
                });
            }
            Command::SetRating { manager, rating } => {
                let show = |m: &Manager| m.overall_rating.map_or("–".into(), |r| r.to_string());
                self.edit(manager, None, "Samlet vurdering", &show, "", |m| m.overall_rating = rating);
            }
            Command::SetStatus { manager, status } => {
                let amount = self.eval.amounts.get(manager).map(|a| a.amount);
                let show = |m: &Manager| m.status.label().to_string();
                self.edit(manager, None, "Status", &show, "", |m| {
                    m.status = status;
                    m.final_amount = if status == crate::model::MeetingStatus::Besluttet { amount } else { None };
                });
            }
            Command::ToggleLock(manager) => {
                let show = |m: &Manager| if m.locked { "låst" } else { "ikke låst" }.to_string();
                self.edit(manager, None, "Lås", &show, "", |m| m.locked = !m.locked);
            }
            Command::ClearAdjustment(manager) => {
                let show = |m: &Manager| m.adjustment.as_ref().map_or("intet".into(), |a| format_signed_kr(a.amount));
                self.edit(manager, None, "Skøn", &show, "", |m| m.adjustment = None);
            }
            _ => {}
        }
    }

    /// Accepting a finding with a written reason, or withdrawing the acceptance.
    fn apply_acceptance(&mut self, command: Command) {
        match command {
            Command::AcceptFinding { manager, rule, why } => {
                let why = why.trim().to_string();
                if why.is_empty() {
                    self.view.notify("Et fund kan kun accepteres med en skriftlig begrundelse.", true);
                    return;
                }
                let entry = crate::model::AcceptedFinding {
                    rule: rule.code().to_string(),
                    why: why.clone(),
                    by: self.view.user.clone(),
                    when: crate::model::log::now_iso(),
                };
                let show = move |m: &Manager| accepted_text(m, rule);
                self.edit(manager, None, "Accepteret fund", &show, &why, |m| {
                    m.accepted.retain(|a| a.rule != rule.code());
                    m.accepted.push(entry);
                });
                self.view.accept_draft = None;
            }
            Command::RevokeAcceptance { manager, rule } => {
                let show = move |m: &Manager| accepted_text(m, rule);
                self.edit(manager, None, "Accepteret fund", &show, "Accepten trukket tilbage", |m| {
                    m.accepted.retain(|a| a.rule != rule.code());
                });
            }
            _ => {}
        }
    }

    /// Edits one manager through the document with a change-log entry by the current user.
    fn edit(
        &mut self,
        manager: usize,
        key: Option<EditKey>,
        what: &str,
        show: &dyn Fn(&Manager) -> String,
        why: &str,
        f: impl FnOnce(&mut Manager),
    ) {
        let who = self.view.user.clone();
        self.doc.edit_manager(manager, key, LogSpec { who: &who, what, show, why }, f);
    }

    /// Sets a manager's final amount (snapped to the step) through the model's edit:
    /// the direct amount, or the discretionary adjustment `target − formula`.
    fn set_amount(&mut self, manager: usize, target: Decimal, key: Option<EditKey>) {
        let session = &self.doc.session;
        let Some(m) = session.managers.get(manager) else {
            return;
        };
        if m.locked {
            self.view.notify(format!("{} er låst – lås op for at ændre beløbet.", self.view.display_name(m)), true);
            return;
        }
        let Some(level) = self.eval.level_of.get(manager).copied().flatten().map(|l| session.levels[l].clone()) else {
            self.view.notify(format!("{} har et ukendt niveau; beløbet kan ikke ændres.", m.name), true);
            return;
        };
        let step = session.policies.rounding_step;
        let target = round_to_step(target.max(Decimal::ZERO), step);
        let edit = edit_for_target(m, &level, target);
        let why = m.adjustment.as_ref().map(|a| a.justification.clone()).unwrap_or_default();
        let show = move |m: &Manager| format_kr(amount_of(m, &level, step));
        let who = self.view.user.clone();
        self.edit(manager, key, "Beløb", &show, &why, |m| apply_edit(m, edit, &who));
    }

    /// Applies the pending proposal as one undo step.
    fn accept_proposal(&mut self) {
        let Some(pending) = self.view.pending.take() else {
            return;
        };
        let session = &self.doc.session;
        let step = session.policies.rounding_step;
        let who = self.view.user.clone();
        let mut new = Vec::new();
        for (i, target) in &pending.proposal.changes {
            let (Some(m), Some(Some(li))) = (session.managers.get(*i), self.eval.level_of.get(*i)) else {
                continue;
            };
            if m.locked {
                continue;
            }
            let level = &session.levels[*li];
            let mut changed = m.clone();
            apply_edit(&mut changed, edit_for_target(m, level, round_to_step(*target, step)), &who);
            if let Some(adj) = changed.adjustment.as_mut().filter(|a| a.justification.trim().is_empty()) {
                adj.justification = format!("{GROUP_DECISION}: {}", pending.title);
            }
            new.push((*i, changed));
        }
        let levels = session.levels.clone();
        let show = move |m: &Manager| {
            levels.iter().find(|l| l.id == m.level).map_or_else(String::new, |l| format_kr(amount_of(m, l, step)))
        };
        let spec = LogSpec { who: &who, what: "Beløb", show: &show, why: &pending.title };
        let n = self.doc.replace_managers(&pending.title, spec, new);
        self.view.notify(format!("{}: {n} beløb ændret", pending.title), false);
    }

    /// Selects the next or previous manager in agenda order.
    fn select_in_agenda(&mut self, delta: i32) {
        let agenda = &self.derived.agenda;
        if agenda.is_empty() {
            return;
        }
        let pos = self.view.selected.and_then(|s| self.derived.agenda_pos.get(s).copied());
        let next = match pos {
            None => 0,
            Some(p) => (i64::try_from(p).unwrap_or(0) + i64::from(delta)).clamp(0, agenda.len() as i64 - 1) as usize,
        };
        self.view.selected = agenda.get(next).copied();
        self.view.scroll_to_selected = true;
    }
}

/// The final amount of a manager on a level (formula + adjustment, rounded).
fn amount_of(m: &Manager, level: &Level, step: Decimal) -> Decimal {
    let adjustment = m.adjustment.as_ref().map_or(Decimal::ZERO, |a| a.amount);
    round_to_step(formula_only(m, level) + adjustment, step)
}

/// Applies an amount edit; an adjustment keeps its justification and records who.
fn apply_edit(m: &mut Manager, edit: AmountEdit, who: &str) {
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

/// Shows a manager's adjustment justification for the change log.
fn justification(m: &Manager) -> String {
    m.adjustment.as_ref().map(|a| a.justification.clone()).unwrap_or_default()
}

/// How an acceptance shows in the change log: the rule and whether it is accepted.
fn accepted_text(m: &Manager, rule: crate::engine::RuleId) -> String {
    match m.accepted.iter().find(|a| a.rule == rule.code()) {
        Some(a) => format!("{}: accepteret", a.rule),
        None => format!("{}: ikke accepteret", rule.code()),
    }
}
