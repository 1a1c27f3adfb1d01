//! Files from the GUI: open, save, save as (rfd dialogs), recent files, quit confirmation.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::io;

use super::app::KalibrerApp;
use super::command::Command;
use super::view::ViewState;
use crate::document::Document;

/// The most recent files remembered.
const MAX_RECENT: usize = 8;

impl KalibrerApp {
    /// Asks for a file and opens it (after the unsaved-changes check done by the caller).
    pub(super) fn open_dialog(&mut self) {
        let picked = rfd::FileDialog::new().add_filter("Kalibrer-session", &["ron"]).pick_file();
        if let Some(path) = picked {
            self.open_path(&path);
        }
    }

    /// Opens a session file, replacing the document; a bad file leaves everything as it was.
    pub(super) fn open_path(&mut self, path: &Path) {
        if self.doc.is_dirty() {
            self.view.notify("Gem eller fortryd ændringerne, før du åbner en anden fil.", true);
            return;
        }
        match io::load_session_file(path) {
            Ok(session) => {
                self.release_lock();
                let recent = std::mem::take(&mut self.view.recent);
                *self = Self::with_session(session, Some(path.to_path_buf()));
                self.view.recent = recent;
                remember(&mut self.view.recent, path);
                self.view.notify(format!("Åbnede {}", path.display()), false);
                self.take_lock();
                self.check_recovery();
            }
            Err(e) => self.file_guard.open_error = Some(format!("Kan ikke åbne {}: {e}", path.display())),
        }
    }

    /// Saves to the current file, or asks where when there is none.
    pub(super) fn save(&mut self) {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    /// Asks where and saves there.
    pub(super) fn save_as(&mut self) {
        let picked = rfd::FileDialog::new()
            .add_filter("Kalibrer-session", &["ron"])
            .set_file_name("kalibrering.ron")
            .save_file();
        if let Some(path) = picked {
            self.save_to(&path);
        }
    }

    /// Saves atomically to `path`; on failure the work stays in memory and the message says
    /// why. Asks first when someone else wrote the open file since it was loaded or saved.
    pub(super) fn save_to(&mut self, path: &Path) {
        if self.view.read_only && self.doc.path.as_deref() == Some(path) {
            self.view.notify("Filen er åben skrivebeskyttet – vælg Gem som og et andet navn.", true);
            return;
        }
        if self.ask_before_overwriting(path) {
            return;
        }
        self.save_to_unchecked(path);
    }

    /// Saves to `path` without asking about changes on disk (the user chose to overwrite).
    pub(super) fn save_to_unchecked(&mut self, path: &Path) {
        self.rebase_references(path);
        match io::save_session(path, self.doc.session()) {
            Ok(()) => {
                self.autosave.saved(self.doc.path.as_deref());
                let moved = self.doc.path.as_deref() != Some(path);
                if moved {
                    self.release_lock();
                }
                self.doc.mark_saved(path.to_path_buf());
                self.file_guard.stamp = io::session_file::FileStamp::of(path);
                if moved {
                    self.view.read_only = false;
                    self.take_lock();
                }
                remember(&mut self.view.recent, path);
                self.view.notify(format!("Gemt i {}", path.display()), false);
            }
            Err(e) => {
                if e.reason == io::SaveFailure::ReadOnly {
                    self.file_guard.prompt = Some(super::file_guard_ui::SavePrompt::ReadOnly(path.to_path_buf()));
                }
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                self.view.notify(format!("Kunne ikke gemme {name}: {}. Dine ændringer er ikke tabt.", e.message), true);
            }
        }
    }
}

/// Puts `path` first in the recent list.
fn remember(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|p| p != path);
    recent.insert(0, path.to_path_buf());
    recent.truncate(MAX_RECENT);
}

/// The confirmation shown when quitting with unsaved changes.
pub fn quit_dialog_ui(ctx: &egui::Context, doc: &Document, view: &ViewState, out: &mut Vec<Command>) {
    if !view.confirm_quit {
        return;
    }
    egui::Modal::new(egui::Id::unique("quit")).show(ctx, |ui| {
        ui.heading("Der er ændringer, som ikke er gemt");
        ui.label(format!(
            "{} har ændringer siden sidst du gemte.",
            doc.path.as_ref().map_or("Sessionen".into(), |p| p.display().to_string())
        ));
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Gem og luk").strong()).clicked() {
                out.push(Command::Save);
                out.push(Command::QuitIfSaved);
            }
            if ui.button("Luk uden at gemme").clicked() {
                out.push(Command::QuitDiscarding);
            }
            if ui.button("Annullér").clicked() {
                out.push(Command::CancelQuit);
            }
        });
    });
}
