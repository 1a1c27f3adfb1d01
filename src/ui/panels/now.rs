//! "Nu drøftes": in presentation mode a strip across the screen with the manager under
//! discussion – name (or initials), level and unit, amount, last year, change, status, the
//! place on the agenda and how long the item has taken – and the item's open questions
//! from the other directors, in text the back row reads.

use std::time::{Duration, Instant};

use egui::{Align, Layout, RichText};
use rust_decimal::Decimal;

use crate::model::MeetingStatus;
use crate::model::money::{format_kr, format_signed_percent_fixed};
use crate::model::words;

use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Size of the strip's values (name, amounts), points; with presentation mode's zoom of
/// 1.5 at 1920×1080 their capitals are 24 px high.
pub const VALUE_SIZE: f32 = 22.0;

/// The keys of the strip, said on screen.
pub const KEYS_HINT: &str = "D: drøftet · B: besluttet → næste · N/P: næste/forrige · T: tabel/spredning";

/// Draws the strip: the tiles, and below them the item's questions when it has any.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState) {
    tiles_ui(ui, data, view);
    if let Some(i) = view.selected {
        questions_ui(ui, data, view, i);
    }
}

/// The item's questions from the other directors in one line: how many are open and the
/// first open one with who asked (or that all are answered); nothing without questions.
fn questions_ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, i: usize) {
    let asked = crate::engine::agenda::questions(data.session, i);
    if asked.is_empty() {
        return;
    }
    let open: Vec<_> = asked.iter().filter(|q| !q.answered).collect();
    ui.horizontal(|ui| {
        ui.set_width(ui.available_width());
        let Some(first) = open.first() else {
            let text = format!("{} – besvaret", words::count(asked.len(), "spørgsmål", "spørgsmål"));
            ui.add(egui::Label::new(RichText::new(text).size(VALUE_SIZE).strong().color(theme::OK)).truncate());
            return;
        };
        let count = words::count(open.len(), "åbent spørgsmål", "åbne spørgsmål");
        ui.label(RichText::new(count).size(VALUE_SIZE).strong().color(theme::WARNING));
        ui.separator();
        let text = format!("{}: «{}»", view.display_name_of(&first.by_name), first.text);
        ui.add(egui::Label::new(RichText::new(&text).size(VALUE_SIZE).strong()).truncate()).on_hover_text(&text);
    });
}

/// The tiles: name, level and unit, amount, last year, change, status.
fn tiles_ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState) {
    let caption_h = ui.text_style_height(&egui::TextStyle::Small);
    let height = caption_h + VALUE_SIZE * 1.25 + ui.spacing().item_spacing.y + 6.0;
    let width = ui.available_width();
    ui.allocate_ui_with_layout(egui::vec2(width, height), Layout::left_to_right(Align::Center), |ui| {
        ui.set_min_height(height);
        let n = data.derived.agenda.len();
        let (_, decided) = data.derived.progress;
        let Some(i) = view.selected.filter(|&i| i < data.session.managers.len()) else {
            let text = if n > 0 && decided == n {
                format!("Alle {n} ledere er besluttet – dagsordenen er gennemgået.")
            } else {
                "Ingen leder valgt – tryk N for første punkt på dagsordenen.".to_string()
            };
            ui.add(egui::Label::new(RichText::new(text).size(VALUE_SIZE).strong()).truncate());
            return;
        };
        let m = &data.session.managers[i];
        let a = &data.eval.amounts[i];
        let metrics = data.eval.metrics.get(i).cloned().unwrap_or_default();
        let level = data.eval.level_of[i].map_or("ukendt niveau", |l| data.session.levels[l].name.as_str());
        let pos = data.derived.agenda_pos.get(i).filter(|&&p| p < n).map(|p| p + 1);
        let minutes = item_minutes(ui, i);
        let mut caption = String::from("Nu drøftes");
        if let Some(p) = pos {
            caption.push_str(&format!(" · {p} af {n}"));
        }
        // Step aside (issue 28): the item's *inhabil* mark in the caption, before the minutes.
        if let Some(mark) = crate::ui::panels::inhabil::strip_text(data.session, i) {
            caption.push_str(&format!(" · {mark}"));
        }
        caption.push_str(&format!(" · {}", minutes_text(minutes)));
        let amount = format_kr(a.amount);
        let last = metrics.last_year.map_or_else(|| "–".to_string(), format_kr);
        let change =
            metrics.change_vs_last_percent.map_or_else(|| "–".to_string(), |p| format_signed_percent_fixed(p, 1));
        let change_color = metrics.change_vs_last.map(|c| if c < Decimal::ZERO { theme::WARNING } else { theme::OK });
        let status_color = match m.status {
            MeetingStatus::Besluttet => theme::OK,
            MeetingStatus::Droeftet => theme::INFO,
            MeetingStatus::IkkeDroeftet => theme::MUTED,
        };
        // The fixed tiles first (measured), the name and the unit share what is left.
        let tiles = [
            ("Beløb", amount, None),
            ("Sidste år", last, None),
            ("Ændring", change, change_color),
            ("Status", m.status.label().to_string(), Some(status_color)),
        ];
        let gap = ui.spacing().item_spacing.x * 2.0 + 2.0;
        let tiles_w: f32 = tiles.iter().map(|(c, v, _)| tile_width(ui, c, v) + gap).sum();
        let flexible = (width - tiles_w - 2.0 * gap - 12.0).max(120.0);
        let name = view.display_name(m);
        tile(ui, &caption, &name, None, Some(flexible * 0.55)).on_hover_text(KEYS_HINT);
        ui.separator();
        tile(ui, level, &m.unit, None, Some(flexible * 0.45 - gap));
        for (caption, value, color) in tiles {
            ui.separator();
            tile(ui, caption, &value, color, None);
        }
    });
}

/// One caption above one value; `width` None: as wide as the text, else cut with "…".
fn tile(
    ui: &mut egui::Ui,
    caption: &str,
    value: &str,
    color: Option<egui::Color32>,
    width: Option<f32>,
) -> egui::Response {
    let mut value = RichText::new(value).size(VALUE_SIZE).strong();
    if let Some(c) = color {
        value = value.color(c);
    }
    let inner = ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 1.0;
        if let Some(w) = width {
            ui.set_width(w.max(40.0));
            ui.add(egui::Label::new(RichText::new(caption).small().color(theme::MUTED)).truncate());
            ui.add(egui::Label::new(value).truncate());
        } else {
            ui.add(egui::Label::new(RichText::new(caption).small().color(theme::MUTED)).extend());
            ui.add(egui::Label::new(value).extend());
        }
    });
    inner.response
}

/// Width of a tile with this caption and value, points.
fn tile_width(ui: &egui::Ui, caption: &str, value: &str) -> f32 {
    crate::ui::one_line_width(ui, RichText::new(caption).small(), egui::TextStyle::Small)
        .max(crate::ui::one_line_width(ui, RichText::new(value).size(VALUE_SIZE).strong(), egui::TextStyle::Body))
}

/// Whole minutes manager `i` has been the item under discussion (since it was selected);
/// asks for one repaint when the next minute begins, none in between.
fn item_minutes(ui: &egui::Ui, i: usize) -> u64 {
    let id = egui::Id::unique("now_discussed_since");
    let now = Instant::now();
    let since = ui.ctx().data_mut(|d| {
        let entry = d.get_temp_mut_or_insert_with(id, || (i, now));
        if entry.0 != i {
            *entry = (i, now);
        }
        entry.1
    });
    let elapsed = now.saturating_duration_since(since);
    let minutes = elapsed.as_secs() / 60;
    let next = Duration::from_secs((minutes + 1) * 60).saturating_sub(elapsed);
    ui.ctx().request_repaint_after(next);
    minutes
}

/// "under 1 min", "1 min", "12 min".
#[must_use]
pub fn minutes_text(minutes: u64) -> String {
    if minutes == 0 { "under 1 min".to_string() } else { format!("{minutes} min") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_are_said_in_whole_minutes() {
        assert_eq!(minutes_text(0), "under 1 min");
        assert_eq!(minutes_text(1), "1 min");
        assert_eq!(minutes_text(12), "12 min");
    }
}
