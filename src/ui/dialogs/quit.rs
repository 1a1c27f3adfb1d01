//! The confirmation shown when the window is closed with unsaved changes.

use egui::RichText;

use crate::document::Document;
use crate::ui::command::Command;

/// Asks; [`Command::SaveAndQuit`], [`Command::QuitDiscarding`] or [`Command::CancelQuit`]
/// once the user chose.
pub fn ui(ctx: &egui::Context, doc: &Document) -> Option<Command> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("quit")).show(ctx, |ui| {
        ui.heading("Der er ændringer, som ikke er gemt");
        ui.label(format!(
            "{} har ændringer siden sidst du gemte.",
            doc.path.as_ref().map_or("Sessionen".into(), |p| p.display().to_string())
        ));
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Gem og luk").strong()).clicked() {
                choice = Some(Command::SaveAndQuit);
            }
            if ui.button("Luk uden at gemme").clicked() {
                choice = Some(Command::QuitDiscarding);
            }
            if ui.button("Annullér").clicked() {
                choice = Some(Command::CancelQuit);
            }
        });
    });
    choice
}
