//! The lock of the open file: taking it, warning when another instance holds it, and
//! read-only mode.

use egui::RichText;

use crate::io::lock::{self, LockOutcome};

use super::app::KalibrerApp;
use super::command::Command;

impl KalibrerApp {
    /// Locks the open file, or remembers who holds it so the user can choose. The holder
    /// removes what killed writes of the file left beside it.
    pub fn take_lock(&mut self) {
        let Some(path) = self.doc.path.clone() else { return };
        match lock::acquire(&path) {
            LockOutcome::Acquired => {
                self.view.lock_holder = None;
                crate::io::session_file::remove_stale_temps(&path);
            }
            LockOutcome::HeldBy(info) => self.view.lock_holder = Some(info),
            LockOutcome::Refused(why) => {
                // Nothing can be written safely beside this file: open it read-only.
                self.view.read_only = true;
                self.view.notify(format!("Skrivebeskyttet: {why}"), true);
            }
        }
    }

    /// Releases our lock of the open file.
    pub fn release_lock(&self) {
        if let Some(path) = &self.doc.path
            && !self.view.read_only
        {
            lock::release(path);
        }
    }

    /// The choice shown when another instance holds the lock.
    pub(super) fn lock_ui(&mut self, ctx: &egui::Context) {
        let Some(holder) = self.view.lock_holder.clone() else { return };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("lock")).show(ctx, |ui| {
            ui.heading("Filen er allerede åben et andet sted");
            ui.label(format!("Den er åbnet af {}.", holder.describe()));
            ui.label("Hvis I begge retter, kan den ene overskrive den andens beslutninger.");
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Åbn skrivebeskyttet").strong()).clicked() {
                    choice = Some(false);
                }
                if ui.button("Overtag alligevel").clicked() {
                    choice = Some(true);
                }
            });
        });
        match choice {
            Some(false) => {
                self.view.read_only = true;
                self.view.lock_holder = None;
                self.view.notify("Skrivebeskyttet: ændringer kan ikke gemmes i denne fil (brug Gem som).", false);
            }
            Some(true) => {
                if let Some(path) = &self.doc.path
                    && let LockOutcome::HeldBy(info) = lock::take_over(path)
                {
                    self.view
                        .notify(format!("Låsen kunne ikke overtages: filen er åben hos {}.", info.describe()), true);
                }
                self.view.lock_holder = None;
                // Now this window holds the file: a recovery copy is its to offer.
                self.check_recovery();
            }
            None => {}
        }
    }
}

/// Whether a command changes the document (refused in read-only mode).
#[must_use]
pub fn is_edit(command: &Command) -> bool {
    matches!(
        command,
        Command::Edit(_)
            | Command::ToggleLock(_)
            | Command::AcceptProposal
            | Command::Undo
            | Command::Redo
            | Command::Save
            | Command::MergePreps
            | Command::Import { .. }
            | Command::CompareWith
            | Command::CompareWithPath(_)
    ) || matches!(command, Command::FileChosen(choice) if choice.purpose.edits())
}
