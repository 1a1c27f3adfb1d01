//! The filter row above the managers table: free text, unit, superior, status.

use std::collections::BTreeSet;

use crate::model::money::{format_kr, format_number};
use crate::model::{MeetingStatus, Session};

use crate::ui::state::view::{Filter, SortColumn, ViewState};

/// Draws the filters; they change only the view.
pub fn ui(ui: &mut egui::Ui, session: &Session, view: &mut ViewState) {
    // A table narrower than the row (1280×720 beside the focus card) gets narrower fields,
    // so the row ends with *Nulstil* inside the table: a row wider than the panel would also
    // widen the table below it under the focus card (issue 29). Narrower still, it wraps.
    let narrow = ui.available_width() < NARROW;
    let (search, list) = if narrow { (120.0, 110.0) } else { (170.0, 150.0) };
    // The amount filter's chip makes the row longer: it may wrap then too.
    let wrap = narrow || view.filter.amount.is_some();
    let row = |ui: &mut egui::Ui, add: &mut dyn FnMut(&mut egui::Ui)| {
        if wrap { ui.horizontal_wrapped(|ui| add(ui)) } else { ui.horizontal(|ui| add(ui)) }
    };
    row(ui, &mut |ui: &mut egui::Ui| {
        let label = ui.label("Søg:");
        ui.add(
            egui::TextEdit::singleline(&mut view.filter.text).hint_text("navn, id eller enhed").desired_width(search),
        )
        .labelled_by(label.id);
        // The option lists are built only while a list is open: collecting the units of
        // 20,000 managers every frame would cost more than drawing the whole table.
        let unit_shown = view.filter.unit.clone();
        combo(ui, ("Enhed", list), &mut view.filter.unit, unit_shown, || {
            let units: BTreeSet<&str> = session.managers.iter().map(|m| m.unit.as_str()).collect();
            let mut units: Vec<&str> = units.into_iter().collect();
            units.sort_by_cached_key(|u| crate::model::collate::danish_key(u));
            units.into_iter().map(|u| (u.to_string(), u.to_string())).collect()
        });
        let superior_shown =
            view.filter.superior.as_ref().map(|id| {
                session.executives.iter().find(|e| &e.id == id).map_or_else(|| id.clone(), |e| e.name.clone())
            });
        combo(ui, ("Nærmeste leder", list), &mut view.filter.superior, superior_shown, || {
            let mut executives: Vec<(String, String)> =
                session.executives.iter().map(|e| (e.id.clone(), e.name.clone())).collect();
            executives.sort_by_cached_key(|(_, name)| crate::model::collate::danish_key(name));
            executives
        });
        let label = ui.label("Status");
        egui::ComboBox::from_id_salt("filter_status")
            .selected_text(view.filter.status.map_or("alle", MeetingStatus::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.filter.status, None, "alle");
                for s in MeetingStatus::ALL {
                    ui.selectable_value(&mut view.filter.status, Some(s), s.label());
                }
            })
            .response
            .labelled_by(label.id);
        amount_filter_ui(ui, session, view);
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

/// Below this width (points) the filter row's fields are narrower: the row with its
/// full-width fields takes about 967 points (at 1366×768 the table has 981).
const NARROW: f32 = 975.0;

/// A combo box (label, width) choosing one value or "alle"; `shown` is the chosen value's
/// name and `options` (id, name) is only called while the list is open.
fn combo(
    ui: &mut egui::Ui,
    (label, width): (&str, f32),
    value: &mut Option<String>,
    shown: Option<String>,
    options: impl FnOnce() -> Vec<(String, String)>,
) {
    let shown = shown.unwrap_or_else(|| "alle".to_string());
    // The label before its list, as in the search field: "Enhed [alle ▾]".
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(("filter", label.id))
        .selected_text(shown)
        .width(width)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "alle");
            for (id, name) in options() {
                ui.selectable_value(value, Some(id), name);
            }
        })
        .response
        .labelled_by(label.id);
}

/// The amount range chosen by clicking a density strip in the lanes, with a button that
/// clears it.
fn amount_filter_ui(ui: &mut egui::Ui, session: &Session, view: &mut ViewState) {
    let Some(range) = view.filter.amount else { return };
    let level = session.levels.get(range.level).map_or("", |l| l.name.as_str());
    let noun = if range.count == 1 { "leder" } else { "ledere" };
    let amounts = if range.min == range.max {
        format_kr(range.min)
    } else {
        format!("{}–{}", format_number(range.min), format_kr(range.max))
    };
    ui.label(egui::RichText::new(format!("Beløb: {level} {amounts} ({} {noun})", range.count)).strong());
    if ui.button("✕").on_hover_text("Vis alle beløb igen").clicked() {
        view.filter.amount = None;
    }
}
