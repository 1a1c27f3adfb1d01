//! Step aside (inhabilitet) in the meeting: an edit refused because the *Indtaster* steps
//! aside on the item waits here with the other executives; choosing one makes them the
//! *Indtaster* and applies the same edit, *Annuller* drops it.

use egui::RichText;

use crate::document::Edit;
use crate::ui::command::Command;

/// An edit refused with `EditError::SteppedAside`, waiting for another *Indtaster*.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingStandIn {
    /// The refused edit, applied again as it was when another executive is chosen.
    pub edit: Edit,
    /// The executive who steps aside (name).
    pub executive: String,
    /// The manager whose item it is (name as shown).
    pub manager: String,
    /// The executives who may enter it instead: id and "Name (title)", session order.
    pub others: Vec<(String, String)>,
}

impl PendingStandIn {
    /// The dialog's title: "<navn> er inhabil i sagen om <navn> – vælg en anden indtaster".
    #[must_use]
    pub fn title(&self) -> String {
        format!("{} er inhabil i sagen om {} – vælg en anden indtaster", self.executive, self.manager)
    }

    /// Asks who enters the change instead; the answer as [`Command::ChooseStandIn`] or
    /// [`Command::CancelStandIn`].
    pub fn ui(&self, ctx: &egui::Context) -> Option<Command> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("stand_in")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(self.title());
            ui.label("Ændringen er ikke foretaget. Den, du vælger, bliver indtaster og står i ændringsloggen.");
            ui.add_space(4.0);
            if self.others.is_empty() {
                ui.label(RichText::new("Der er ingen anden direktør i sessionen.").italics());
            }
            for (id, label) in &self.others {
                if ui.button(RichText::new(label).strong()).clicked() {
                    answer = Some(Command::ChooseStandIn(id.clone()));
                }
            }
            ui.add_space(4.0);
            if ui.button("Annuller").clicked() {
                answer = Some(Command::CancelStandIn);
            }
        });
        answer.or_else(|| modal.should_close().then_some(Command::CancelStandIn))
    }
}
