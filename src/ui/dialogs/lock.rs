//! The question shown when another instance holds the open file's lock: open read-only,
//! or take the lock over.

use egui::RichText;

use crate::io::lock::info::LockInfo;
use crate::ui::command::Command;

/// Asks what to do about `holder`'s lock: [`Command::OpenReadOnly`] or
/// [`Command::TakeOverLock`] once the user chose.
pub fn ui(ctx: &egui::Context, holder: &LockInfo) -> Option<Command> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("lock")).show(ctx, |ui| {
        ui.heading("Filen er allerede åben et andet sted");
        ui.label(format!("Den er åbnet af {}.", holder.describe()));
        ui.label("Hvis I begge retter, kan den ene overskrive den andens beslutninger.");
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Åbn skrivebeskyttet").strong()).clicked() {
                choice = Some(Command::OpenReadOnly);
            }
            if ui.button("Overtag alligevel").clicked() {
                choice = Some(Command::TakeOverLock);
            }
        });
    });
    choice
}
