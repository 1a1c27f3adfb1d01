//! The *Pr. direktør* view's ledger column: per row (a director or the total), the largest
//! changes from the proposal with their reasons from the log – the same lines
//! (`engine::director_ledger::ledger`) as the documentation and `stats --by-director` – as many
//! as the row has room for, each elided to the column and named in full for screen readers.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Align2, FontId, Rect, Sense, pos2, vec2};

use crate::engine::director_ledger::LedgerLine;
use crate::model::Session;
use crate::model::money::{format_number, format_signed_kr};
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// "+2.000", "−1.000" (the sign of `format_signed_kr` without the unit).
fn format_signed_number(v: rust_decimal::Decimal) -> String {
    format_signed_kr(v).trim_end_matches(" kr.").to_string()
}

/// One change as the room reads it: "Ida Mathiesen: 36.000 → 30.000 (−6.000) «reason»;
/// «reason»", or "– ingen begrundelse i loggen" (kroner, as the sums beside it).
#[must_use]
pub fn line_text(session: &Session, view: &ViewState, l: &LedgerLine) -> String {
    let name = session.managers.get(l.manager).map_or_else(String::new, |m| view.display_name(m));
    let why = l.reasons_text(" ");
    format!(
        "{name}: {} → {} ({}){why}",
        format_number(l.proposal),
        format_number(l.amount),
        format_signed_number(l.change)
    )
}

/// Draws the lines that fit in `rect` (at least one), in text size `size`: each line
/// takes one text row, and a line may wrap onto rows the later ones leave free (so a
/// single change shows its reasons); "Ingen ændringer fra forslagene" when there are none.
pub fn ledger_ui(ui: &egui::Ui, session: &Session, view: &ViewState, lines: &[LedgerLine], rect: Rect, size: f32) {
    let painter = ui.painter_at(rect);
    let font = FontId::proportional(size);
    if lines.is_empty() {
        painter.text(rect.left_center(), Align2::LEFT_CENTER, "Ingen ændringer fra forslagene", font, theme::MUTED);
        return;
    }
    let text = ui.visuals().text_color();
    let row_height = painter.layout_no_wrap("Åg".into(), font.clone(), text).size().y;
    let mut rows_left = (rect.height() / row_height).floor().max(1.0) as usize;
    let mut laid = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if rows_left == 0 {
            break;
        }
        let full = line_text(session, view, l);
        let mut job = LayoutJob::single_section(full.clone(), TextFormat::simple(font.clone(), text));
        let later = lines.len() - k - 1;
        job.wrap = TextWrapping {
            max_width: rect.width(),
            max_rows: rows_left.saturating_sub(later).max(1),
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        let galley = painter.layout_job(job);
        rows_left = rows_left.saturating_sub(galley.rows.len().max(1));
        laid.push((full, galley));
    }
    let height: f32 = laid.iter().map(|(_, g)| g.size().y).sum();
    let mut y = rect.center().y - height / 2.0;
    for (k, (full, galley)) in laid.into_iter().enumerate() {
        let line_rect = Rect::from_min_size(pos2(rect.left(), y), vec2(rect.width(), galley.size().y));
        y += galley.size().y;
        painter.galley(line_rect.min, galley, text);
        let id = ui.scope_id().with(("director_change", rect.top() as i32, k));
        let response = ui.interact(line_rect, id, Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Ændring: {full}")));
    }
}
