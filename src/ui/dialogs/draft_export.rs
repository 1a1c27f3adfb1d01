//! The question asked before the allocation or the letters of an unfinished meeting are
//! written: only as a draft marked UDKAST, or not at all.

use std::path::PathBuf;

use egui::RichText;

use crate::io::export::ExportKind;
use crate::io::outputs::OutputKind;
use crate::ui::command::Command;

/// An export waiting for the user's choice because the meeting is not final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingExport {
    /// What to export.
    pub kind: ExportKind,
    /// Where (None: ask with a file dialog after the choice).
    pub path: Option<PathBuf>,
    /// Why the amounts are not final, in Danish.
    pub reason: String,
}

impl PendingExport {
    /// Asks; [`Command::ExportDraft`] or [`Command::CancelExport`] once the user chose.
    pub fn ui(&self, ctx: &egui::Context) -> Option<Command> {
        let pending = self;
        let mut choice = None;
        let what = match pending.kind {
            ExportKind::Output(OutputKind::Letters) => {
                "Brevene får UDKAST øverst på hver side, og brevet til en leder, der ikke er besluttet, siger ikke, at beløbet er besluttet."
            }
            _ => "Fordelingen får kolonnen «Status» med UDKAST i hver række, og oversigten siger, hvorfor.",
        };
        egui::Modal::new(egui::Id::unique("draft_export")).show(ctx, |ui| {
            ui.heading("Beløbene er ikke endelige");
            ui.label(format!("{}.", capitalised(&pending.reason)));
            ui.label("Filen kan kun skrives som et udkast, så ingen tager beløbene for endelige.");
            ui.label(what);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Eksportér som UDKAST").strong()).clicked() {
                    choice = Some(Command::ExportDraft);
                }
                if ui.button("Annuller").clicked() {
                    choice = Some(Command::CancelExport);
                }
            });
        });
        choice
    }
}

/// The text with its first letter upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
