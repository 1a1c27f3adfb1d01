//! The one place where commands change the document or the view. Changes to the session
//! are typed [`Edit`]s applied by [`Document::apply`](crate::document::Document::apply);
//! this file only translates commands into edits and reports the outcome.

use crate::document::{Edit, Outcome};

use crate::ui::command::Command;
use crate::ui::shell::app::KalibrerApp;
use crate::ui::state::offer::OfferKind;

impl KalibrerApp {
    /// Carries out one command: the one place the panels' and dialogs' commands are
    /// handled (an edit goes on to [`Document::apply`](crate::document::Document::apply)).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        self.refresh();
        // The document refuses every edit when read-only; a command that would first ask
        // for a file (and then edit) is told so at once instead of after the dialog.
        let asks_then_edits = matches!(command, Command::MergePreps | Command::Import { .. } | Command::CompareWith);
        if asks_then_edits && self.meeting.doc.is_read_only() {
            return self.refused(&crate::document::EditError::ReadOnly);
        }
        if let Some(edit) = self.edit_of(&command) {
            self.run_edit(edit);
            self.refresh();
            return;
        }
        // The per-director view and the comparison (issue 27) are view state only.
        if !self.directors_command(&command) {
            self.other_command(ctx, command);
        }
    }

    /// Carries out a command that is neither an edit nor of the per-director view.
    fn other_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Select(i) => {
                self.meeting.view.selected = i;
                self.meeting.view.scroll_to_selected = true;
            }
            Command::SelectInAgenda(delta) => self.select_in_agenda(delta),
            Command::DecideAndNext => {
                if let Some(manager) = self.meeting.view.selected {
                    let status = crate::model::MeetingStatus::Besluttet;
                    let already = self.meeting.doc.session().managers.get(manager).is_some_and(|m| m.status == status);
                    // A refused decision (e.g. the user may not edit) keeps the item on screen.
                    if already || self.run_edit(Edit::SetStatus { manager, status }) {
                        self.refresh();
                        self.select_in_agenda(1);
                    }
                } else {
                    self.select_in_agenda(1);
                }
            }
            Command::EndContinuous => self.meeting.doc.close_continuous(),
            Command::ProposeFitToPool => self.pend(OfferKind::Fit, false),
            Command::ProposeSpread(k) => self.pend(OfferKind::Spread(k), false),
            Command::ChooseProposal(k) => self.choose_proposal(k),
            Command::IncludeHandSet(include) => self.include_hand_set(include),
            Command::AcceptProposal => self.accept_proposal(),
            Command::RejectProposal => self.meeting.view.pending = None,
            Command::TogglePresentation => self.toggle_screen(true),
            Command::ToggleLowerHalf => self.toggle_screen(false),
            Command::ToggleInitials => self.meeting.view.initials = !self.meeting.view.initials,
            Command::SetUser(id) => self.meeting.view.user = id,
            Command::Open => {
                if self.meeting.doc.is_dirty() {
                    self.ask_before_open(None);
                } else {
                    self.open_dialog();
                }
            }
            Command::OpenPath(path) => self.open_path(&path),
            Command::Save => self.save(),
            Command::SaveAs => {
                self.dialogs.save_prompt = None;
                self.save_as();
            }
            Command::Export(kind) => self.export_dialog(kind),
            Command::ExportDraft => self.export_pending_draft(),
            Command::CancelExport => {
                self.dialogs.draft_export = None;
                self.meeting.view.notify("Eksporten er annulleret.", false);
            }
            Command::Prepare(executive) => self.prep_dialog(&executive),
            Command::MergePreps => self.merge_dialog(),
            Command::Import { history } => self.import_dialog(history),
            Command::CompareWith => self.compare_with_dialog(),
            Command::CompareWithPath(path) => self.compare_with_path(&path),
            Command::ShowReferenceMapping(open) => self.dialogs.mapping = open,
            Command::QuitDiscarding => {
                // The changes are given up: the recovery copy must not offer them back. A
                // read-only window's copy is the other window's: never removed here.
                if !self.meeting.doc.is_read_only() {
                    self.meeting.autosave.discard(self.meeting.doc.path.as_deref());
                }
                self.dialogs.quit = false;
                self.meeting.view.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::FileChosen(choice) => self.carry_out_file_choice(choice),
            Command::FileCancelled(purpose) => self.file_cancelled(&purpose),
            Command::QuitIfSaved => self.quit_if_saved(ctx),
            Command::ZoomLevel(level) => {
                self.meeting.view.zoom = level.filter(|&l| l < self.meeting.doc.session().levels.len())
            }
            Command::ZoomLane(k) => {
                let lanes: Vec<usize> = self.meeting.doc.session().levels_by_rank().into_iter().rev().collect();
                let level = k.checked_sub(1).and_then(|p| lanes.get(p).copied());
                self.meeting.view.zoom =
                    if level == self.meeting.view.zoom { None } else { level.or(self.meeting.view.zoom) };
            }
            Command::SetAgendaOrder(order) => self.set_agenda_order(order),
            Command::SetPrepOthers(on) => self.set_prep_others(on),
            Command::ChooseStandIn(id) => self.choose_stand_in(id),
            Command::CancelStandIn => self.cancel_stand_in(),
            Command::FilterAmount(range) => {
                self.meeting.view.filter.amount = range;
                self.meeting.view.scroll_to_selected = false;
            }
            other => self.answer(ctx, other),
        }
        self.refresh();
    }

    /// Carries out a dialog's answer.
    fn answer(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::RestoreRecovery => self.restore_recovery(),
            Command::DiscardRecovery => self.discard_recovery(),
            Command::OpenReadOnly => self.open_read_only(),
            Command::TakeOverLock => self.take_over_lock(),
            Command::OverwriteAnyway(path) => {
                self.dialogs.save_prompt = None;
                self.save_to_unchecked(&path);
            }
            Command::CloseSavePrompt => self.dialogs.save_prompt = None,
            Command::OpenAnother => {
                self.dialogs.open_error = None;
                self.open_dialog();
            }
            Command::OpenDemo => self.open_demo(),
            Command::ApplyImport => self.apply_import(),
            Command::CancelImport => self.cancel_import(),
            Command::TakePrepValue(k) => self.take_prep(k),
            Command::KeepSessionValue(k) => self.close_conflict(k),
            Command::AskAmount(question) => self.dialogs.amount = Some(question),
            Command::AnswerAmount(amount) => {
                let question = self.dialogs.amount.take();
                if let (Some(q), Some(amount)) = (question, amount) {
                    self.run_edit(Edit::SetAmount { manager: q.manager, amount, drag: false });
                }
            }
            Command::CancelQuit => {
                self.dialogs.quit = false;
                self.dialogs.open_after = None;
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::SaveThenOpen => {
                self.save();
                if !self.meeting.doc.is_dirty() {
                    self.open_after_question();
                } else if self.dialogs.files.is_open_for(Some(&crate::ui::dialogs::file_purpose::FilePurpose::SaveAs)) {
                    // The save waits for the file dialog: open again once saved.
                    self.dialogs.open_after = None;
                }
            }
            Command::OpenDiscarding => {
                // The changes are given up: the recovery copy must not offer them back.
                if !self.meeting.doc.is_read_only() {
                    self.meeting.autosave.discard(self.meeting.doc.path.as_deref());
                }
                self.dialogs.open_discards = true;
                self.open_after_question();
            }
            Command::SaveAndQuit => {
                self.save();
                self.quit_if_saved(ctx);
            }
            _ => {}
        }
    }

    /// The edit a command asks for, if it changes the session.
    fn edit_of(&self, command: &Command) -> Option<Edit> {
        Some(match command.clone() {
            Command::Edit(edit) => edit,
            Command::ToggleLock(manager) => {
                let locked = !self.meeting.doc.session().managers.get(manager)?.locked;
                Edit::SetLocked { manager, locked }
            }
            Command::Undo => Edit::Undo,
            Command::Redo => Edit::Redo,
            _ => return None,
        })
    }

    /// Carries out a command of the per-director view or the comparison; false for any
    /// other command.
    fn directors_command(&mut self, command: &Command) -> bool {
        match *command {
            Command::CompareAdd(i) => self.compare(i, false),
            Command::CompareToggle(i) => self.compare(i, true),
            Command::CloseCompare => self.meeting.view.compare.clear(),
            Command::ToggleByDirector => self.meeting.view.by_director = !self.meeting.view.by_director,
            _ => return false,
        }
        true
    }

    /// Adds manager `i` to the comparison (at most four), or with `toggle` takes them out
    /// when they are in it already.
    fn compare(&mut self, i: usize, toggle: bool) {
        let compare = &mut self.meeting.view.compare;
        if let Some(at) = compare.iter().position(|&j| j == i) {
            if toggle {
                compare.remove(at);
            }
        } else if compare.len() < crate::ui::panels::compare_ui::MAX {
            compare.push(i);
        } else {
            self.meeting.view.notify("Højst fire ledere kan sammenlignes ad gangen.", false);
        }
    }

    /// Applies an edit by the current user and says what happened (a refusal in Danish);
    /// false when it was refused.
    pub(crate) fn run_edit(&mut self, edit: Edit) -> bool {
        let accepting = matches!(edit, Edit::AcceptFinding { .. });
        let undo = matches!(edit, Edit::Undo);
        let redo = matches!(edit, Edit::Redo);
        let who = self.meeting.view.user.clone();
        // Kept to apply again when the user steps aside on the item and another is chosen.
        let retry = edit.manager().map(|_| edit.clone());
        let result = self.meeting.doc.apply(edit, &who);
        if result.is_ok() {
            // A new change makes the last message stale ("Gemt i …" no longer true).
            self.meeting.view.notice = None;
        }
        match result {
            Err(e @ crate::document::EditError::SteppedAside { .. }) => {
                match retry {
                    Some(edit) => self.ask_for_stand_in(edit, &e),
                    None => self.refused(&e),
                }
                return false;
            }
            Err(e) => {
                self.refused(&e);
                return false;
            }
            Ok(Outcome::Step(Some(label))) if undo => self.meeting.view.notify(format!("Fortrudt: {label}"), false),
            Ok(Outcome::Step(Some(label))) if redo => self.meeting.view.notify(format!("Gentaget: {label}"), false),
            Ok(Outcome::Step(None)) if undo => self.meeting.view.notify("Der er intet at fortryde.", false),
            Ok(Outcome::Proposal { changed, locked, decided }) => {
                let mut text = format!("{changed} beløb ændret");
                if locked + decided > 0 {
                    text.push_str(&format!("; urørt: {decided} besluttede og {locked} låste ledere"));
                }
                self.meeting.view.notify(text, false);
            }
            Ok(_) => {
                if accepting {
                    self.meeting.view.accept_draft = None;
                }
            }
        }
        true
    }

    /// Says why an edit was refused (the document's Danish reason, as a sentence).
    pub(crate) fn refused(&mut self, e: &crate::document::EditError) {
        let text = e.to_string();
        let mut chars = text.chars();
        let text = chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect());
        self.meeting.view.notify(format!("{text}."), true);
    }

    /// Switches presentation mode (`presentation`) or, in it, what fills the lower half; the
    /// table's rows change height or come back, so the selection is brought into view.
    fn toggle_screen(&mut self, presentation: bool) {
        let view = &mut self.meeting.view;
        if presentation {
            view.presentation = !view.presentation;
        } else {
            view.presentation_table = !view.presentation_table;
        }
        view.scroll_to_selected = true;
    }

    /// Selects the next or previous manager in agenda order.
    fn select_in_agenda(&mut self, delta: i32) {
        let agenda = &self.meeting.derived.agenda;
        if agenda.is_empty() {
            return;
        }
        let pos = self.meeting.view.selected.and_then(|s| self.meeting.derived.agenda_pos.get(s).copied());
        let n = agenda.len();
        let next = match pos {
            None => 0,
            Some(p) => (i64::try_from(p).unwrap_or(0) + i64::from(delta)).clamp(0, n as i64 - 1) as usize,
        };
        // At either end of the agenda say so instead of doing nothing.
        if pos == Some(next) && delta > 0 {
            self.meeting.view.notify(format!("Sidste leder på dagsordenen ({n} af {n})"), false);
        } else if pos == Some(next) && delta < 0 {
            self.meeting.view.notify(format!("Første leder på dagsordenen (1 af {n})"), false);
        }
        self.meeting.view.selected = agenda.get(next).copied();
        self.meeting.view.scroll_to_selected = true;
    }
}
