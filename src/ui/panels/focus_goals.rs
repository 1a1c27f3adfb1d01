//! The goals of a weighted-goals model on the focus card: name, weight, kind and the
//! editable attainment.
//!
//! Every column has a width fixed by the font, not by the manager's goals: a grid sizes
//! its columns from its previous frame, so a grid whose widths followed the goals' names
//! was drawn in the previous manager's widths and again in its own – a second, different
//! frame for every step through the agenda (issue 29).

use egui::{Align, Layout, RichText, vec2};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::document::Edit;
use crate::model::GoalScope;
use crate::model::money::{format_kr, format_percent};
use crate::ui::command::Command;
use crate::ui::state::derived::Data;

/// The columns' headings.
const HEADINGS: [&str; 4] = ["Mål", "Vægt", "Type", "Opfyldt"];

/// Draws the goals of manager `i` (a frame of `frame` kr. at full attainment).
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, i: usize, frame: Decimal, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    let frame = crate::engine::amounts::frame_of(m, frame);
    ui.label(format!("Ramme ved fuld målopfyldelse: {}", format_kr(frame)));
    let max = crate::model::bounds::MAX_ATTAINMENT_PERCENT;
    let widths = Widths::of(ui, max);
    // The goal's name gets what the other columns leave of the card (cut with "…", whole
    // on hover), so the attainment field is always on the card.
    let name_width = (ui.available_width() - widths.weight - widths.kind - widths.attainment - 40.0).max(90.0);
    let height = ui.spacing().interact_size.y;
    egui::Grid::new("goals").striped(true).spacing(vec2(8.0, 3.0)).show(ui, |ui| {
        for (h, w) in HEADINGS.into_iter().zip([name_width, widths.weight, widths.kind, widths.attainment]) {
            cell(ui, w, height, Align::Min, |ui| ui.label(RichText::new(h).strong()));
        }
        ui.end_row();
        for (g, goal) in m.goals.iter().enumerate() {
            cell(ui, name_width, height, Align::Min, |ui| ui.add(egui::Label::new(&goal.name).truncate()));
            cell(ui, widths.weight, height, Align::Max, |ui| ui.label(format_percent(goal.weight)));
            cell(ui, widths.kind, height, Align::Min, |ui| ui.label(RichText::new(kind(goal.scope)).small()));
            let mut value = goal.attainment.and_then(|a| a.to_i64()).unwrap_or(0);
            let drag = egui::DragValue::new(&mut value).range(0..=max).suffix(" %").speed(1.0);
            let response = ui.add_enabled_ui(!m.locked, |ui| ui.add_sized([widths.attainment, height], drag)).inner;
            if response.changed() {
                out.push(Command::Edit(Edit::SetAttainment {
                    manager: i,
                    goal: g,
                    attainment: Some(Decimal::from(value)),
                }));
            }
            if response.drag_stopped() || response.lost_focus() {
                out.push(Command::EndContinuous);
            }
            ui.end_row();
        }
    });
}

/// The goal's kind as the card words it.
fn kind(scope: GoalScope) -> &'static str {
    match scope {
        GoalScope::Institutional => "institutionelt",
        GoalScope::Personal => "personligt",
    }
}

/// The widths of the weight, kind and attainment columns: the widest heading or value
/// each can hold, in the card's fonts.
struct Widths {
    weight: f32,
    kind: f32,
    attainment: f32,
}

impl Widths {
    fn of(ui: &egui::Ui, max_attainment: i64) -> Self {
        let width = |text: RichText| {
            egui::WidgetText::from(text)
                .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Body)
                .size()
                .x
        };
        let heading = |k: usize| width(RichText::new(HEADINGS[k]).strong());
        let kinds = [GoalScope::Institutional, GoalScope::Personal].map(|s| width(RichText::new(kind(s)).small()));
        let field = width(RichText::new(format!("{max_attainment} %"))) + 2.0 * ui.spacing().button_padding.x;
        Self {
            weight: heading(1).max(width(RichText::new("100 %"))),
            kind: heading(2).max(kinds[0]).max(kinds[1]),
            attainment: heading(3).max(field),
        }
    }
}

/// One cell of exactly `width`, its content aligned to `align` (Max: right).
fn cell<R>(ui: &mut egui::Ui, width: f32, height: f32, align: Align, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let layout = Layout::left_to_right(Align::Center).with_main_align(align);
    ui.allocate_ui_with_layout(vec2(width, height), layout, |ui| {
        ui.set_min_width(width);
        ui.set_max_width(width);
        add(ui)
    })
    .inner
}
