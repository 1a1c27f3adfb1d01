//! The open file's lock and its recovery copy, from the shell: taking the lock, the
//! user's answer when another instance holds it (read-only or take over), and the
//! recovery copy offered to the window that holds the file.

use crate::document::Document;
use crate::io::lock::{self, LockOutcome};
use crate::ui::dialogs::recovery::RecoveryOffer;
use crate::ui::shell::app::KalibrerApp;

impl KalibrerApp {
    /// Locks the open file, or remembers who holds it so the user can choose. The holder
    /// removes what killed writes of the file left beside it.
    pub fn take_lock(&mut self) {
        let Some(path) = self.meeting.doc.path.clone() else { return };
        match lock::acquire(&path) {
            LockOutcome::Acquired => {
                self.dialogs.lock = None;
                crate::io::session_file::remove_stale_temps(&path);
            }
            LockOutcome::HeldBy(info) => self.dialogs.lock = Some(info),
            LockOutcome::Refused(why) => {
                // Nothing can be written safely beside this file: open it read-only.
                self.meeting.doc.set_read_only(true);
                self.meeting.view.notify(format!("Skrivebeskyttet: {why}"), true);
            }
        }
    }

    /// Releases our lock of the open file (a read-only window holds none).
    pub fn release_lock(&self) {
        if let Some(path) = &self.meeting.doc.path
            && !self.meeting.doc.is_read_only()
        {
            lock::release(path);
        }
    }

    /// The user chose to open the file read-only: the document refuses every edit.
    pub(crate) fn open_read_only(&mut self) {
        self.meeting.doc.set_read_only(true);
        self.dialogs.lock = None;
        self.meeting.view.notify("Skrivebeskyttet: ændringer kan ikke gemmes i denne fil (brug Gem som).", false);
    }

    /// The user chose to take the lock over; a recovery copy is then this window's to offer.
    pub(crate) fn take_over_lock(&mut self) {
        if let Some(path) = &self.meeting.doc.path
            && let LockOutcome::HeldBy(info) = lock::take_over(path)
        {
            self.meeting
                .view
                .notify(format!("Låsen kunne ikke overtages: filen er åben hos {}.", info.describe()), true);
        }
        self.dialogs.lock = None;
        self.check_recovery();
    }

    /// Looks for a recovery copy of the open file and offers it — only when this window
    /// holds the file's lock (not read-only, nobody else holding it).
    pub fn check_recovery(&mut self) {
        if self.meeting.doc.is_read_only() || self.dialogs.lock.is_some() {
            return;
        }
        let Some(path) = self.meeting.doc.path.clone() else { return };
        self.dialogs.recovery = RecoveryOffer::find(&path, self.meeting.doc.session());
    }

    /// Restores the offered copy as the (unsaved) document.
    pub(crate) fn restore_recovery(&mut self) {
        if let Some(offer) = self.dialogs.recovery.take() {
            let path = self.meeting.doc.path.clone();
            self.meeting.doc = Document::new_unsaved(offer.session, path);
            self.meeting.view.notify(format!("Gendannet fra {} – husk at gemme.", offer.path.display()), false);
        }
    }

    /// Removes the offered copy (the user confirmed).
    pub(crate) fn discard_recovery(&mut self) {
        if let Some(offer) = self.dialogs.recovery.take() {
            let _ = std::fs::remove_file(&offer.path);
        }
    }
}
