//! The question asked when unsaved changes would be lost: the window is closed (*Luk*,
//! *Filer → Afslut*) or another file is opened (*Åbn*): *Gem* / *Gem ikke* / *Annuller*.

use egui::RichText;

use crate::document::Document;
use crate::ui::command::Command;

/// Asks; closing: [`Command::SaveAndQuit`], [`Command::QuitDiscarding`]; opening
/// (`opening`): [`Command::SaveThenOpen`], [`Command::OpenDiscarding`]; or
/// [`Command::CancelQuit`] once the user chose.
pub fn ui(ctx: &egui::Context, doc: &Document, opening: bool) -> Option<Command> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("quit")).show(ctx, |ui| {
        ui.heading("Der er ændringer, som ikke er gemt");
        let then = if opening { "Gem dem, før en anden fil åbnes?" } else { "Gem dem, før Kalibrer lukker?" };
        ui.label(format!(
            "{} har ændringer siden sidst du gemte. {then}",
            doc.path.as_ref().map_or("Sessionen".into(), |p| p.display().to_string())
        ));
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Gem").strong()).clicked() {
                choice = Some(if opening { Command::SaveThenOpen } else { Command::SaveAndQuit });
            }
            if ui.button("Gem ikke").clicked() {
                choice = Some(if opening { Command::OpenDiscarding } else { Command::QuitDiscarding });
            }
            if ui.button("Annuller").clicked() {
                choice = Some(Command::CancelQuit);
            }
        });
    });
    choice
}
