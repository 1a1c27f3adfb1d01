//! The file dialogs' state ([`FileDialogs`]): which kind of dialog is used, the last
//! folder, and Kalibrer's own dialog while it is open.

use std::path::{Path, PathBuf};

use super::InAppDialog;
use super::outcome::DialogOutcome;
use crate::ui::command::Command;
use crate::ui::dialogs::file_purpose::{DialogMode, FilePurpose, Probe};

/// The file dialogs' state: which kind is used, the last folder, and the in-app dialog
/// while it is open.
#[derive(Debug)]
pub struct FileDialogs {
    /// Which dialog is used (detected when the app starts).
    pub mode: DialogMode,
    /// The folder of the last file chosen (the next dialog starts there).
    pub last_folder: Option<PathBuf>,
    /// Whether the user was told once that the desktop has no file dialog.
    pub(crate) told_no_system: bool,
    /// The in-app dialog, while open.
    pub(crate) open: Option<InAppDialog>,
}

impl Default for FileDialogs {
    fn default() -> Self {
        Self {
            mode: DialogMode::detect(&Probe::of_this_desktop()),
            last_folder: None,
            told_no_system: false,
            open: None,
        }
    }
}

impl FileDialogs {
    /// Whether the in-app dialog is open (for `purpose`, when given).
    #[must_use]
    pub fn is_open_for(&self, purpose: Option<&FilePurpose>) -> bool {
        self.open.as_ref().is_some_and(|d| purpose.is_none_or(|p| *p == d.purpose))
    }

    /// Opens the in-app dialog for `purpose`, starting in `folder` with `name` suggested.
    pub(crate) fn open_in_app(&mut self, purpose: FilePurpose, folder: &Path, name: Option<String>) {
        self.open = Some(InAppDialog::new(purpose, folder, name));
    }

    /// Draws the in-app dialog (when open) and returns the user's choice as a command
    /// ([`Command::FileChosen`] or [`Command::FileCancelled`]).
    pub(crate) fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        let dialog = self.open.as_mut()?;
        let outcome = dialog.ui(ctx)?;
        // The next dialog starts where this one ended, chosen or not.
        self.last_folder = match &outcome {
            DialogOutcome::Chosen(choice) => choice.paths.first().and_then(|p| p.parent()).map(Path::to_path_buf),
            DialogOutcome::Cancelled(_) => None,
        }
        .or_else(|| Some(dialog.folder().to_path_buf()));
        self.open = None;
        Some(outcome.command())
    }
}
