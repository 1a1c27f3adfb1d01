//! The lock of the open file: taking it, warning when another instance holds it, and
//! read-only mode.

use egui::RichText;

use crate::io::lock::{self, LockOutcome};

use crate::ui::shell::app::KalibrerApp;

impl KalibrerApp {
    /// Locks the open file, or remembers who holds it so the user can choose. The holder
    /// removes what killed writes of the file left beside it.
    pub fn take_lock(&mut self) {
        let Some(path) = self.meeting.doc.path.clone() else { return };
        match lock::acquire(&path) {
            LockOutcome::Acquired => {
                self.meeting.view.lock_holder = None;
                crate::io::session_file::remove_stale_temps(&path);
            }
            LockOutcome::HeldBy(info) => self.meeting.view.lock_holder = Some(info),
        }
    }

    /// Releases our lock of the open file.
    pub fn release_lock(&self) {
        if let Some(path) = &self.meeting.doc.path
            && !self.meeting.doc.is_read_only()
        {
            lock::release(path);
        }
    }

    /// The choice shown when another instance holds the lock.
    pub(crate) fn lock_ui(&mut self, ctx: &egui::Context) {
        let Some(holder) = self.meeting.view.lock_holder.clone() else { return };
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
                self.meeting.doc.set_read_only(true);
                self.meeting.view.lock_holder = None;
                self.meeting
                    .view
                    .notify("Skrivebeskyttet: ændringer kan ikke gemmes i denne fil (brug Gem som).", false);
            }
            Some(true) => {
                if let Some(path) = &self.meeting.doc.path
                    && let LockOutcome::HeldBy(info) = lock::take_over(path)
                {
                    self.meeting
                        .view
                        .notify(format!("Låsen kunne ikke overtages: filen er åben hos {}.", info.describe()), true);
                }
                self.meeting.view.lock_holder = None;
                // Now this window holds the file: a recovery copy is its to offer.
                self.check_recovery();
            }
            None => {}
        }
    }
}
