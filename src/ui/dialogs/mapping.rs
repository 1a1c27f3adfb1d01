//! The level-mapping window of *Sammenlign med*: for each attached reference, each session
//! level with a choice of the reference's levels (or none, or matching by role). Every
//! choice is an `Edit`.

use egui::RichText;

use crate::document::Edit;
use crate::engine::reference::{self, Match, Reference};
use crate::model::reference::MappedTo;
use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::references::LoadedReferences;

/// The text of a match in the mapping window.
fn match_text(m: &Match, reference: &Reference) -> String {
    match m {
        Match::Mapped(k) | Match::ByRole(k) => reference.level(k).map_or_else(|| k.clone(), level_text),
        Match::MappedToNone => "Ingen".into(),
        Match::NoMatch => "Ingen (ingen med samme rolle)".into(),
    }
}

/// "Kontorchef (rolle Kontorchef, 10 ledere)".
fn level_text(l: &reference::ReferenceLevel) -> String {
    format!("{} (rolle {}, {})", l.name, l.role.label(), crate::model::words::managers(l.n))
}

/// The mapping window: for each attached reference, each session level with a choice of
/// the reference's levels (or none, or back to matching by role). Returns the choice.
pub fn ui(ctx: &egui::Context, data: Data<'_>, references: &LoadedReferences) -> Option<Command> {
    let mut chosen = None;
    let mut open = true;
    egui::Window::new("Referenceniveauer").open(&mut open).collapsible(false).show(ctx, |ui| {
        ui.label("Niveauerne sammenlignes efter rolle. Vælg selv, hvor rollerne ikke passer.");
        for (path, loaded) in &references.files {
            let Some(link) = data.session.reference.iter().find(|l| l.path == *path) else { continue };
            ui.separator();
            let Ok(reference) = loaded else {
                ui.label(RichText::new(format!("{path}: kan ikke læses")).color(crate::ui::theme::ERROR));
                continue;
            };
            ui.label(RichText::new(format!("{path} – {}", reference.sources_text())).strong());
            egui::Grid::new(("reference_mapping", path)).num_columns(1).show(ui, |ui| {
                for li in data.session.levels_by_rank().into_iter().rev() {
                    let level = &data.session.levels[li];
                    let current = reference::match_level(level, &link.mapping, reference);
                    let mut choice: Option<MappedTo> = None;
                    let label = format!("{} (rolle {})", level.name, level.role.label());
                    egui::ComboBox::new(("map", path, &level.id), label)
                        .selected_text(match_text(&current, reference))
                        .width(320.0)
                        .show_ui(ui, |ui| {
                            if ui.selectable_label(!link.mapping.contains_key(&level.id), "Efter rolle").clicked() {
                                choice = Some(MappedTo::ByRole);
                            }
                            if ui.selectable_label(current == Match::MappedToNone, "Ingen").clicked() {
                                choice = Some(MappedTo::Nothing);
                            }
                            for r in &reference.levels {
                                let chosen = current == Match::Mapped(r.key.clone());
                                if ui.selectable_label(chosen, level_text(r)).clicked() {
                                    choice = Some(MappedTo::Level(r.key.clone()));
                                }
                            }
                        });
                    if let Some(to) = choice {
                        chosen = Some(Command::Edit(Edit::MapReferenceLevel {
                            path: path.clone(),
                            level: level.id.clone(),
                            to,
                        }));
                    }
                    ui.end_row();
                }
            });
            let used: Vec<Match> =
                data.session.levels.iter().map(|l| reference::match_level(l, &link.mapping, reference)).collect();
            let unused: Vec<String> = reference
                .levels
                .iter()
                .filter(|r| !used.iter().any(|m| m.key() == Some(r.key.as_str())))
                .map(|r| r.name.clone())
                .collect();
            if !unused.is_empty() {
                ui.label(RichText::new(format!("Ikke brugt: {}", unused.join(", "))).color(crate::ui::theme::MUTED));
            }
        }
        if ui.button("Luk").clicked() {
            chosen = Some(Command::ShowReferenceMapping(false));
        }
    });
    if !open {
        chosen = Some(Command::ShowReferenceMapping(false));
    }
    chosen
}
