//! The offer, on start, to restore a recovery copy newer than the session file.

use egui::RichText;

use super::app::KalibrerApp;
use super::autosave::differing_managers;
use super::theme;
use crate::document::Document;

/// A recovery copy waiting for the user's decision.
#[derive(Debug, Clone)]
pub struct RecoveryOffer {
    /// The recovery file.
    pub path: std::path::PathBuf,
    /// Its session.
    pub session: crate::model::Session,
    /// Names of the managers that differ from the file.
    pub differing: Vec<String>,
}

impl KalibrerApp {
    /// Looks for a recovery copy of the open file and offers it.
    pub fn check_recovery(&mut self) {
        let Some(path) = self.doc.path.clone() else { return };
        if let Some((copy, session)) = super::autosave::newer_recovery(&path) {
            let differing = differing_managers(self.doc.session(), &session);
            self.recovery = Some(RecoveryOffer { path: copy, session, differing });
        }
    }

    /// Shows the offer; restoring makes the copy the (unsaved) document.
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some(offer) = &self.recovery else { return };
        let mut decision = None;
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.heading("Der findes ikke-gemte ændringer fra sidst");
            ui.label(format!("Gendannelseskopien {} er nyere end filen.", offer.path.display()));
            let n = offer.differing.len();
            let names = offer.differing.iter().take(12).cloned().collect::<Vec<_>>().join(", ");
            let more = if n > 12 { format!(" og {} flere", n - 12) } else { String::new() };
            ui.label(if n == 0 {
                "Ingen lederes data er forskellige; kun ændringsloggen.".to_string()
            } else {
                format!("{n} ledere er ændret: {names}{more}.")
            });
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Gendan ændringerne").strong()).clicked() {
                    decision = Some(true);
                }
                if ui.button(RichText::new("Kassér kopien").color(theme::ERROR)).clicked() {
                    decision = Some(false);
                }
            });
        });
        match decision {
            Some(true) => {
                if let Some(offer) = self.recovery.take() {
                    let path = self.doc.path.clone();
                    self.doc = Document::new_unsaved(offer.session, path);
                    self.view.notify(format!("Gendannet fra {} – husk at gemme.", offer.path.display()), false);
                }
            }
            Some(false) => {
                if let Some(offer) = self.recovery.take() {
                    let _ = std::fs::remove_file(&offer.path);
                }
            }
            None => {}
        }
    }
}
