//! The one place where commands change the document or the view. Changes to the session
//! are typed [`Edit`]s applied by [`Document::apply`](crate::document::Document::apply);
//! this file only translates commands into edits and reports the outcome.

use crate::document::{Edit, Outcome};
use crate::engine::allocate;

use super::app::KalibrerApp;
use super::command::Command;
use super::view::PendingProposal;

impl KalibrerApp {
    /// Carries out one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        self.refresh();
        if self.view.read_only && super::lock_ui::is_edit(&command) {
            self.view.notify("Filen er åben skrivebeskyttet – brug Gem som for at arbejde videre i en kopi.", true);
            return;
        }
        if let Some(edit) = self.edit_of(&command) {
            self.run_edit(edit);
            self.refresh();
            return;
        }
        match command {
            Command::Select(i) => {
                self.view.selected = i;
                self.view.scroll_to_selected = true;
            }
            Command::SelectInAgenda(delta) => self.select_in_agenda(delta),
            Command::DecideAndNext => {
                if let Some(manager) = self.view.selected {
                    let status = crate::model::MeetingStatus::Besluttet;
                    let already = self.doc.session().managers.get(manager).is_some_and(|m| m.status == status);
                    // A refused decision (e.g. the user may not edit) keeps the item on screen.
                    if already || self.run_edit(Edit::SetStatus { manager, status }) {
                        self.refresh();
                        self.select_in_agenda(1);
                    }
                } else {
                    self.select_in_agenda(1);
                }
            }
            Command::EndContinuous => self.doc.close_continuous(),
            Command::ProposeFitToPool => {
                let proposal = allocate::fit_to_pool(self.doc.session(), &self.eval);
                self.pend("Tilpas til puljen".into(), proposal);
            }
            Command::ProposeSpread(k) => {
                let proposal = allocate::spread(self.doc.session(), &self.eval, k);
                let title = format!("Spredning ×{}", k.normalize().to_string().replace('.', ","));
                self.pend(title, proposal);
            }
            Command::AcceptProposal => {
                if let Some(pending) = self.view.pending.take() {
                    self.run_edit(Edit::ApplyProposal { title: pending.title, changes: pending.proposal.changes });
                }
            }
            Command::RejectProposal => self.view.pending = None,
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
            Command::CompareWith => self.compare_with_dialog(),
            Command::CompareWithPath(path) => self.compare_with_path(&path),
            Command::ShowReferenceMapping(open) => self.view.reference_mapping = open,
            Command::QuitDiscarding => {
                // The changes are given up: the recovery copy must not offer them back.
                self.autosave.discard(self.doc.path.as_deref());
                self.view.confirm_quit = false;
                self.view.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::FileChosen(choice) => self.carry_out_file_choice(choice),
            Command::FileCancelled(purpose) => self.file_cancelled(&purpose),
            Command::QuitIfSaved => self.quit_if_saved(ctx),
            Command::CancelQuit => self.view.confirm_quit = false,
            Command::ZoomLevel(level) => self.view.zoom = level.filter(|&l| l < self.doc.session().levels.len()),
            Command::ZoomLane(k) => {
                let lanes: Vec<usize> = self.doc.session().levels_by_rank().into_iter().rev().collect();
                let level = k.checked_sub(1).and_then(|p| lanes.get(p).copied());
                self.view.zoom = if level == self.view.zoom { None } else { level.or(self.view.zoom) };
            }
            Command::FilterAmount(range) => {
                self.view.filter.amount = range;
                self.view.scroll_to_selected = false;
            }
            _ => {}
        }
        self.refresh();
    }

    /// Shows a proposal for acceptance, with its summary computed once.
    fn pend(&mut self, title: String, proposal: allocate::AllocationProposal) {
        self.view.proposals_made += 1;
        let serial = self.view.proposals_made;
        self.view.pending = Some(PendingProposal::new(title, proposal, self.doc.session(), &self.eval, serial));
    }

    /// The edit a command asks for, if it changes the session.
    fn edit_of(&self, command: &Command) -> Option<Edit> {
        Some(match command.clone() {
            Command::Edit(edit) => edit,
            Command::ToggleLock(manager) => {
                let locked = !self.doc.session().managers.get(manager)?.locked;
                Edit::SetLocked { manager, locked }
            }
            Command::Undo => Edit::Undo,
            Command::Redo => Edit::Redo,
            _ => return None,
        })
    }

    /// Applies an edit by the current user and says what happened (a refusal in Danish);
    /// false when it was refused.
    pub(super) fn run_edit(&mut self, edit: Edit) -> bool {
        let accepting = matches!(edit, Edit::AcceptFinding { .. });
        let undo = matches!(edit, Edit::Undo);
        let redo = matches!(edit, Edit::Redo);
        let who = self.view.user.clone();
        match self.doc.apply(edit, &who) {
            Err(e) => {
                let text = e.to_string();
                let mut chars = text.chars();
                let text = chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect());
                self.view.notify(format!("{text}."), true);
                return false;
            }
            Ok(Outcome::Step(Some(label))) if undo => self.view.notify(format!("Fortrudt: {label}"), false),
            Ok(Outcome::Step(Some(label))) if redo => self.view.notify(format!("Gentaget: {label}"), false),
            Ok(Outcome::Step(None)) if undo => self.view.notify("Der er intet at fortryde.", false),
            Ok(Outcome::Proposal { changed, locked, decided }) => {
                let mut text = format!("{changed} beløb ændret");
                if locked + decided > 0 {
                    text.push_str(&format!("; urørt: {decided} besluttede og {locked} låste ledere"));
                }
                self.view.notify(text, false);
            }
            Ok(_) => {
                if accepting {
                    self.view.accept_draft = None;
                }
            }
        }
        true
    }

    /// Selects the next or previous manager in agenda order.
    fn select_in_agenda(&mut self, delta: i32) {
        let agenda = &self.derived.agenda;
        if agenda.is_empty() {
            return;
        }
        let pos = self.view.selected.and_then(|s| self.derived.agenda_pos.get(s).copied());
        let n = agenda.len();
        let next = match pos {
            None => 0,
            Some(p) => (i64::try_from(p).unwrap_or(0) + i64::from(delta)).clamp(0, n as i64 - 1) as usize,
        };
        // At either end of the agenda say so instead of doing nothing.
        if pos == Some(next) && delta > 0 {
            self.view.notify(format!("Sidste leder på dagsordenen ({n} af {n})"), false);
        } else if pos == Some(next) && delta < 0 {
            self.view.notify(format!("Første leder på dagsordenen (1 af {n})"), false);
        }
        self.view.selected = agenda.get(next).copied();
        self.view.scroll_to_selected = true;
    }
}
