//! The filter row above the managers table: free text, unit, superior, status.

use std::collections::BTreeSet;

use crate::model::{MeetingStatus, Session};

use super::view::{Filter, SortColumn, ViewState};

/// Draws the filters; they change only the view.
pub fn ui(ui: &mut egui::Ui, session: &Session, view: &mut ViewState) {
    ui.horizontal(|ui| {
        let label = ui.label("Søg:");
        ui.add(
            egui::TextEdit::singleline(&mut view.filter.text).hint_text("navn, id eller enhed").desired_width(170.0),
        )
        .labelled_by(label.id);
        let units: BTreeSet<&str> = session.managers.iter().map(|m| m.unit.as_str()).collect();
        combo(ui, "Enhed", &mut view.filter.unit, units.into_iter().map(|u| (u.to_string(), u.to_string())));
        let superiors = session.executives.iter().map(|e| (e.id.clone(), e.name.clone()));
        combo(ui, "Reference", &mut view.filter.superior, superiors);
        egui::ComboBox::from_label("Status")
            .selected_text(view.filter.status.map_or("alle", MeetingStatus::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.filter.status, None, "alle");
                for s in MeetingStatus::ALL {
                    ui.selectable_value(&mut view.filter.status, Some(s), s.label());
                }
            });
        let active = view.filter != Filter::default() || view.sort != (SortColumn::Agenda, true);
        if ui
            .add_enabled(active, egui::Button::new("Nulstil"))
            .on_hover_text("Vis alle i dagsordenens rækkefølge")
            .clicked()
        {
            view.filter = Filter::default();
            view.sort = (SortColumn::Agenda, true);
        }
    });
}

/// A combo box choosing one value or "alle".
fn combo(ui: &mut egui::Ui, label: &str, value: &mut Option<String>, options: impl Iterator<Item = (String, String)>) {
    let options: Vec<(String, String)> = options.collect();
    let shown = value
        .as_ref()
        .and_then(|v| options.iter().find(|(id, _)| id == v).map(|(_, n)| n.clone()))
        .unwrap_or_else(|| "alle".to_string());
    egui::ComboBox::from_label(label).selected_text(shown).width(150.0).show_ui(ui, |ui| {
        ui.selectable_value(value, None, "alle");
        for (id, name) in options {
            ui.selectable_value(value, Some(id), name);
        }
    });
}
