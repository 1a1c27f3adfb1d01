//! What stands between a save and someone else's work: the file changed on disk since
//! it was loaded (ask before overwriting), a read-only file (offer *Gem som*), and a file
//! that could not be opened (a window with the message instead of nothing). The questions
//! wait here with the file dialogs' state; the answers are commands.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::ui::command::Command;

/// A question about saving, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavePrompt {
    /// The file was written by someone else after it was loaded or last saved here.
    ChangedOnDisk(PathBuf),
    /// The file is read-only and was not replaced.
    ReadOnly(PathBuf),
}

impl SavePrompt {
    /// Asks the question; the answer as a command ([`Command::SaveAs`],
    /// [`Command::OverwriteAnyway`] or [`Command::CloseSavePrompt`]).
    pub fn ui(&self, ctx: &egui::Context) -> Option<Command> {
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("file_guard")).show(ctx, |ui| {
            let (heading, text) = match self {
                Self::ChangedOnDisk(p) => (
                    "Filen er ændret på disken",
                    format!(
                        "{} er skrevet af et andet program eller en anden bruger, siden du åbnede den. \
                         Gemmer du nu, forsvinder de ændringer.",
                        file_name(p)
                    ),
                ),
                Self::ReadOnly(p) => (
                    "Filen er skrivebeskyttet",
                    format!("{} bliver ikke erstattet. Gem dine ændringer under et andet navn.", file_name(p)),
                ),
            };
            ui.heading(heading);
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Gem som …").strong()).clicked() {
                    choice = Some(Command::SaveAs);
                }
                if let Self::ChangedOnDisk(path) = self
                    && ui.button("Overskriv alligevel").clicked()
                {
                    choice = Some(Command::OverwriteAnyway(path.clone()));
                }
                if ui.button("Annullér").clicked() {
                    choice = Some(Command::CloseSavePrompt);
                }
            });
        });
        choice
    }
}

/// The window shown when a file could not be opened: [`Command::OpenAnother`] or
/// [`Command::OpenDemo`] once the user chose.
pub fn open_error_ui(ctx: &egui::Context, message: &str) -> Option<Command> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("open_error")).show(ctx, |ui| {
        ui.heading("Filen kan ikke åbnes");
        ui.label(message);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Åbn en anden fil").strong()).clicked() {
                choice = Some(Command::OpenAnother);
            }
            if ui.button("Åbn demoen").clicked() {
                choice = Some(Command::OpenDemo);
            }
        });
    });
    choice
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
