//! What the lanes draw over the dots each frame: the selected manager's name and amount
//! (placed inside the lanes right of the lane labels, where it covers no lane label), and
//! a zoomed lane's "+n" stacks, each a button that shows its managers in the table.

use egui::{Align2, Color32, FontId, Galley, Rect, Sense, Stroke, vec2};
use std::sync::Arc;

use crate::model::money::{format_kr, format_number};
use crate::ui::command::Command;
use crate::ui::panels::lanes::annotate::{dot_rect, more_rect};
use crate::ui::panels::lanes::geometry::More;
use crate::ui::panels::lanes::labels::{Wanted, place};
use crate::ui::state::derived::Data;
use crate::ui::state::view::AmountRange;
use crate::ui::theme;

/// The selected manager's label: its text and where it goes (above the dot when there is
/// room and it covers none of the `marks` – the means and the other dots –, else where it
/// covers the fewest; always inside `bounds`).
pub fn selected_label(
    painter: &egui::Painter,
    text: String,
    (dot, marks): (egui::Pos2, &[Rect]),
    bounds: Rect,
) -> (Arc<Galley>, Rect) {
    let galley = painter.layout_no_wrap(text, FontId::new(15.0, theme::bold_family()), Color32::BLACK);
    let wanted = Wanted { anchor: dot_rect(dot).expand(5.0), size: galley.size() + vec2(6.0, 6.0), keep: true };
    let rect = place(&[wanted], marks, bounds).first().copied().flatten().unwrap_or(Rect::NOTHING);
    (galley, rect)
}

/// Paints the selected manager's label placed by [`selected_label`].
pub fn paint_selected(painter: &egui::Painter, galley: Arc<Galley>, rect: Rect) {
    painter.rect_filled(rect, 4.0, Color32::from_white_alpha(235));
    painter.rect_stroke(rect, 4.0, Stroke::new(1.0, theme::SELECTED), egui::StrokeKind::Inside);
    painter.galley(rect.min + vec2(3.0, 3.0), galley, Color32::BLACK);
}

/// The selected manager's label for screen readers (and the tests): a text node where
/// it is drawn.
pub fn describe_selected(ui: &egui::Ui, text: &str, rect: Rect) {
    let response = ui.interact(rect, ui.scope_id().with("selected_label"), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Valgt: {text}")));
}

/// A "+n" stack: a button in the place of the last row's dot; click shows its managers
/// in the table.
pub fn more_ui(ui: &egui::Ui, painter: &egui::Painter, data: Data<'_>, more: &More, out: &mut Vec<Command>) {
    let n = more.managers.len();
    let text = format!("+{n}");
    let font = FontId::proportional(theme::INITIALS_SIZE + 2.0);
    let galley = painter.layout_no_wrap(text.clone(), font, Color32::BLACK);
    let rect = more_rect(more.center, galley.size().x);
    let response = ui.interact(rect, ui.scope_id().with(("more", more.level, more.managers.first())), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text.clone()));
    let color = crate::ui::panels::lanes::shapes::level_color(data, more.level);
    let fill = if response.hovered() { theme::SELECTION_BG } else { Color32::WHITE };
    painter.rect_filled(rect, rect.height() / 2.0, fill);
    painter.rect_stroke(rect, rect.height() / 2.0, Stroke::new(1.5, color), egui::StrokeKind::Inside);
    painter.galley(Align2::CENTER_CENTER.anchor_size(rect.center(), galley.size()).min, galley, Color32::BLACK);
    let range = if more.min == more.max {
        format_kr(more.min)
    } else {
        format!("{}–{}", format_number(more.min), format_kr(more.max))
    };
    let hint = format!("{} mere her: {range}. Klik: vis dem i tabellen", crate::model::words::managers(n));
    if response.on_hover_text(hint).clicked() {
        // The table shows every manager of the level in the range: the stack's and the
        // dots beside it at the same amounts.
        let in_range = (0..data.eval.amounts.len())
            .filter(|&i| data.eval.level_of[i] == Some(more.level))
            .filter(|&i| (more.min..=more.max).contains(&data.eval.amounts[i].amount))
            .count();
        out.push(Command::FilterAmount(Some(AmountRange {
            level: more.level,
            min: more.min,
            max: more.max,
            count: u32::try_from(in_range).unwrap_or(u32::MAX),
        })));
    }
}
