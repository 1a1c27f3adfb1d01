//! The offer, on start, to restore a recovery copy of the session file. It belongs to the
//! instance that holds the file's lock: a second, read-only window never sees it (the copy
//! is the live window's), and the offer waits until the lock question is answered. The copy
//! is offered whether it is newer or older than the file (both times shown); discarding it
//! asks first.

use egui::RichText;

use crate::ui::command::Command;
use crate::ui::state::autosave::differing_managers;
use crate::ui::state::view::ViewState;
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

impl RecoveryOffer {
    /// The recovery copy of the file at `path`, when there is one that differs from
    /// `session` (a copy equal to the file is removed without a question).
    #[must_use]
    pub fn find(path: &std::path::Path, session: &crate::model::Session) -> Option<Self> {
        let (copy, recovered) = crate::ui::state::autosave::newer_recovery(path)?;
        if &recovered == session {
            let _ = std::fs::remove_file(&copy);
            return None;
        }
        let differing = differing_managers(session, &recovered);
        let times = (crate::ui::state::autosave::modified_text(&copy), crate::ui::state::autosave::modified_text(path));
        Some(Self { path: copy, session: recovered, differing, times, confirm_discard: false })
    }

    /// Shows the offer; the user's decision as a command ([`Command::RestoreRecovery`] or
    /// [`Command::DiscardRecovery`]). The question before discarding is the dialog's own.
    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewState) -> Option<Command> {
        let offer = &*self;
        let mut decision = None;
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.heading("Der findes ikke-gemte ændringer fra sidst");
            ui.label(format!("Gendannelseskopien {} er skrevet {}.", offer.path.display(), offer.times.0));
            ui.label(format!("Filen er gemt {}.", offer.times.1));
            let n = offer.differing.len();
            let names = offer.differing.iter().take(12).map(|n| view.display_name_of(n)).collect::<Vec<_>>().join(", ");
            let more = if n > 12 { format!(" og {} flere", n - 12) } else { String::new() };
            ui.label(if n == 0 {
                "Ingen lederes data er forskellige; kun ændringsloggen.".to_string()
            } else {
                format!("{} er ændret: {names}{more}.", crate::model::words::managers(n))
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
        match decision? {
            Choice::AskDiscard | Choice::Back => {
                self.confirm_discard = matches!(decision, Some(Choice::AskDiscard));
                None
            }
            Choice::Restore => Some(Command::RestoreRecovery),
            Choice::Discard => Some(Command::DiscardRecovery),
        }
    }
}
