//! The conflicts of a merge of preparations, listed for an explicit choice each: take the
//! preparation's value or keep the session's.

use egui::RichText;

use crate::engine::merge::{Conflict, ConflictKind};
use crate::model::Session;

use crate::ui::command::Command;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Conflicts of the last merge waiting for the user's choice, with the preps they came from.
#[derive(Debug, Clone, Default)]
pub struct PendingConflicts {
    /// Open conflicts.
    pub conflicts: Vec<Conflict>,
    /// The merged preps by name.
    pub preps: Vec<(String, Session)>,
}

impl PendingConflicts {
    /// The conflict list, each with "take prep" / "keep session"; the choice as
    /// [`Command::TakePrepValue`] or [`Command::KeepSessionValue`].
    pub fn ui(&self, ctx: &egui::Context, session: &Session, view: &ViewState) -> Option<Command> {
        let mut action = None;
        egui::Modal::new(egui::Id::unique("conflicts")).show(ctx, |ui| {
            ui.set_width(900.0);
            ui.heading(format!("{} konflikter fra forberedelserne", self.conflicts.len()));
            ui.label("Intet af dette er indlæst. Vælg for hver: forberedelsens værdi eller sessionens.");
            egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
                for (k, c) in self.conflicts.iter().enumerate() {
                    ui.separator();
                    let who = session
                        .managers
                        .iter()
                        .find(|m| m.id == c.manager)
                        .map_or(c.manager.clone(), |m| view.display_name(m));
                    ui.label(
                        RichText::new(format!(
                            "{who} · {}",
                            if c.field.is_empty() { "hele forberedelsen" } else { &c.field }
                        ))
                        .strong(),
                    );
                    ui.label(RichText::new(format!("{} ({})", c.kind.describe(), c.prep)).color(theme::WARNING));
                    ui.label(format!("Sessionen: {}    Forberedelsen: {}", c.session_value, c.prep_value));
                    ui.horizontal(|ui| {
                        let can_take = c.key.is_some() && c.kind != ConflictKind::NotApplicable;
                        if ui.add_enabled(can_take, egui::Button::new("Tag forberedelsens")).clicked() {
                            action = Some((k, true));
                        }
                        if ui.button("Behold sessionens").clicked() {
                            action = Some((k, false));
                        }
                    });
                }
            });
        });
        match action? {
            (k, true) => Some(Command::TakePrepValue(k)),
            (k, false) => Some(Command::KeepSessionValue(k)),
        }
    }
}
