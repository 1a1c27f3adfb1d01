//! The offer, on start, to restore a recovery copy of the session file. It belongs to the
//! instance that holds the file's lock: a second, read-only window never sees it (the copy
//! is the live window's), and the offer waits until the lock question is answered. The copy
//! is offered whether it is newer or older than the file (both times shown); discarding it
//! asks first.

use egui::RichText;

use crate::document::Document;
use crate::ui::shell::app::KalibrerApp;
use crate::ui::state::autosave::differing_managers;
use crate::ui::theme;

/// A recovery copy waiting for the user's decision.
#[derive(Debug, Clone)]
pub struct RecoveryOffer {
    /// The recovery file.
    pub path: std::path::PathBuf,
    /// Its session.
    pub session: crate::model::Session,
    /// Names of the managers that differ from the file.
    pub differing: Vec<String>,
    /// When the copy and the file were last written.
    pub times: (String, String),
    /// The user pressed "Kassér kopien" and is asked to confirm.
    pub confirm_discard: bool,
}

/// What the user chose in the offer.
#[derive(Clone, Copy)]
enum Choice {
    Restore,
    AskDiscard,
    Discard,
    Back,
}

impl KalibrerApp {
    /// Looks for a recovery copy of the open file and offers it — only when this window
    /// holds the file's lock (not read-only, nobody else holding it). A copy equal to the
    /// file is removed without a question.
    pub fn check_recovery(&mut self) {
        if self.meeting.doc.is_read_only() || self.meeting.view.lock_holder.is_some() {
            return;
        }
        let Some(path) = self.meeting.doc.path.clone() else { return };
        if let Some((copy, session)) = crate::ui::state::autosave::newer_recovery(&path) {
            if &session == self.meeting.doc.session() {
                let _ = std::fs::remove_file(&copy);
                return;
            }
            let differing = differing_managers(self.meeting.doc.session(), &session);
            let times =
                (crate::ui::state::autosave::modified_text(&copy), crate::ui::state::autosave::modified_text(&path));
            self.recovery = Some(RecoveryOffer { path: copy, session, differing, times, confirm_discard: false });
        }
    }

    /// Shows the offer; restoring makes the copy the (unsaved) document.
    pub(crate) fn recovery_ui(&mut self, ctx: &egui::Context) {
        // Dialogs are queued, never stacked: the lock question comes first.
        if self.meeting.view.lock_holder.is_some() || self.meeting.doc.is_read_only() {
            return;
        }
        let Some(offer) = &self.recovery else { return };
        let mut decision = None;
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.heading("Der findes ikke-gemte ændringer fra sidst");
            ui.label(format!("Gendannelseskopien {} er skrevet {}.", offer.path.display(), offer.times.0));
            ui.label(format!("Filen er gemt {}.", offer.times.1));
            let n = offer.differing.len();
            let names = offer
                .differing
                .iter()
                .take(12)
                .map(|n| self.meeting.view.display_name_of(n))
                .collect::<Vec<_>>()
                .join(", ");
            let more = if n > 12 { format!(" og {} flere", n - 12) } else { String::new() };
            ui.label(if n == 0 {
                "Ingen lederes data er forskellige; kun ændringsloggen.".to_string()
            } else {
                format!("{n} ledere er ændret: {names}{more}.")
            });
            if offer.confirm_discard {
                ui.label(
                    RichText::new("Kopien slettes, og ændringerne i den kan ikke hentes igen.").color(theme::ERROR),
                );
                ui.horizontal(|ui| {
                    if ui.button(RichText::new("Ja, kassér kopien").color(theme::ERROR)).clicked() {
                        decision = Some(Choice::Discard);
                    }
                    if ui.button("Tilbage").clicked() {
                        decision = Some(Choice::Back);
                    }
                });
            } else {
                ui.horizontal(|ui| {
                    if ui.button(RichText::new("Gendan ændringerne").strong()).clicked() {
                        decision = Some(Choice::Restore);
                    }
                    if ui.button(RichText::new("Kassér kopien …").color(theme::ERROR)).clicked() {
                        decision = Some(Choice::AskDiscard);
                    }
                });
            }
        });
        let decision = match decision {
            Some(Choice::AskDiscard | Choice::Back) => {
                if let Some(offer) = &mut self.recovery {
                    offer.confirm_discard = matches!(decision, Some(Choice::AskDiscard));
                }
                return;
            }
            Some(Choice::Restore) => Some(true),
            Some(Choice::Discard) => Some(false),
            None => None,
        };
        match decision {
            Some(true) => {
                if let Some(offer) = self.recovery.take() {
                    let path = self.meeting.doc.path.clone();
                    self.meeting.doc = Document::new_unsaved(offer.session, path);
                    self.meeting.view.notify(format!("Gendannet fra {} – husk at gemme.", offer.path.display()), false);
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
