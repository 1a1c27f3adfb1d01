//! The spread panel: the engine's differentiation statistics per level, with a strip.

use egui::{Color32, RichText, Sense, Stroke, pos2, vec2};
use rust_decimal::Decimal;

use crate::engine::LevelStats;
use crate::model::money::{format_percent_fixed, format_signed_percent_fixed, format_tkr, format_tkr_range};

use crate::ui::command::Command;
use crate::ui::state::derived::{Data, STRIP_COLUMNS, strip_axis};
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Column headers (short, so every column fits beside the findings at 1280×720) and their
/// explanations, shown as tooltips.
pub const HEADERS: [(&str, &str); 10] = [
    ("Niveau", "Lederniveau"),
    ("n", "Antal ledere"),
    ("Min–maks", "Mindste og største beløb (tusinde kr.)"),
    ("Sd", "Standardafvigelse (population)"),
    ("CV", "Variationskoefficient: standardafvigelse i % af gennemsnittet"),
    ("Gini", "Gini-koefficient: 0 = alle ens, 1 = maksimal ulighed"),
    ("Ens", "Andel i den største gruppe med samme beløb"),
    ("Ø spænd", "Gennemsnitlig placering i spændet (0 % = bund, 100 % = top)"),
    ("Δ år", "Δ sidste år: ændring i summen for de samme ledere"),
    ("I spændet", "Hver streg er en leder; feltet er niveauets spænd"),
];

/// Text size of the statistics in normal mode, points: every column fits at 1366×768.
const COMPACT_SIZE: f32 = 12.5;

/// Width of the strip column, points: normal mode and presentation mode.
const STRIP_WIDTH: [f32; 2] = [56.0, 120.0];

/// Draws the statistics table, and the comparison with the attached references.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let compact = !view.presentation;
    if compact {
        ui.label(RichText::new("Spredning pr. niveau").strong().size(COMPACT_SIZE + 1.0));
        for style in [egui::TextStyle::Body, egui::TextStyle::Button] {
            if let Some(font) = ui.style_mut().text_styles.get_mut(&style) {
                font.size = COMPACT_SIZE;
            }
        }
    } else {
        ui.label(RichText::new("Spredning pr. niveau").heading());
    }
    let strip_width = STRIP_WIDTH[usize::from(!compact)];
    let spacing = if compact { vec2(5.0, 0.0) } else { vec2(10.0, 4.0) };
    let comparisons = crate::ui::state::references::comparisons(data, &view.references);
    egui::Grid::new("spread").striped(true).spacing(spacing).show(ui, |ui| {
        for (h, tip) in HEADERS {
            ui.label(RichText::new(h).strong()).on_hover_text(tip);
        }
        if !comparisons.is_empty() {
            ui.label(RichText::new("Reference").strong())
                .on_hover_text("Gruppens gennemsnit / referencens gennemsnit × 100 (se tabellen nedenfor)");
        }
        ui.end_row();
        let session = data.session;
        for li in session.levels_by_rank().into_iter().rev() {
            let level = &session.levels[li];
            let Some(stats) = data.eval.stats.of_level(&level.id) else {
                continue;
            };
            let rank = data.derived.level_rank_pos.get(li).copied().unwrap_or(0);
            let color = theme::level_text_color(rank);
            ui.label(RichText::new(&level.name).color(color).strong());
            row_cells(ui, stats, session.policies.low_differentiation_cv_percent);
            strip_ui(ui, data, li, theme::level_color(rank), strip_width);
            if let Some(c) = comparisons.iter().find(|c| c.level == level.id) {
                crate::ui::panels::spread_reference::indeks_cell(ui, &c.comparison);
            }
            ui.end_row();
        }
        ui.label(RichText::new("Alle").strong());
        row_cells(ui, &data.eval.stats.total, data.session.policies.low_differentiation_cv_percent);
        if !comparisons.is_empty() {
            ui.label("");
            crate::ui::panels::spread_reference::indeks_cell(
                ui,
                &crate::ui::state::references::total_comparison(data, &view.references),
            );
        }
        ui.end_row();
    });
    crate::ui::panels::spread_reference::ui(ui, data, view, out);
}

/// The numeric cells of one row.
fn row_cells(ui: &mut egui::Ui, s: &LevelStats, low_cv_percent: Decimal) {
    let st = &s.stats;
    ui.label(st.n.to_string());
    if st.n == 0 {
        for _ in 0..7 {
            ui.label("–");
        }
        return;
    }
    ui.label(format_tkr_range(st.min, st.max));
    ui.label(format_tkr(st.sd));
    let low = st.n >= 2 && st.cv_percent < low_cv_percent;
    let cv = RichText::new(format_percent_fixed(st.cv_percent, 1));
    ui.label(if low { cv.color(theme::WARNING).strong() } else { cv });
    ui.label(format!("{:.2}", st.gini.round_dp(2)).replace('.', ","));
    ui.label(format_percent_fixed(st.identical_share_percent, 0));
    ui.label(s.mean_band_position_percent.map_or("–".into(), |p| format_percent_fixed(p, 0)));
    let change = s.change_vs_last.and_then(|c| c.percent).map_or_else(
        || RichText::new("–"),
        |c| {
            let t = RichText::new(format_signed_percent_fixed(c, 1));
            if c < Decimal::ZERO { t.color(theme::WARNING) } else { t }
        },
    );
    let over = s.change_vs_last.map_or(0, |c| c.managers);
    let of = crate::model::words::managers(st.n);
    ui.label(change).on_hover_text(format!("Beregnet over {over} af {of}: dem med et beløb sidste år"));
}

/// A strip of the level's amounts over its band: one tick per manager.
fn strip_ui(ui: &mut egui::Ui, data: Data<'_>, li: usize, color: Color32, width: f32) {
    let height = ui.text_style_height(&egui::TextStyle::Body).min(18.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect.expand(2.0));
    let band = &data.session.levels[li].band;
    let axis = strip_axis(band, rect.left());
    // The strip has STRIP_COLUMNS columns, drawn `scale` points wide.
    let scale = width / STRIP_COLUMNS as f32;
    let x_of = |x: f32| rect.left() + (x - rect.left()) * scale;
    let band_rect = egui::Rect::from_x_y_ranges(x_of(axis.x(band.min))..=x_of(axis.x(band.max)), rect.y_range());
    painter.rect_filled(band_rect, 2.0, theme::band_fill(color));
    // One tick per column with managers (not per manager: thousands would not be
    // readable and would cost a frame); a darker tick where more share the column.
    let Some(bins) = data.derived.strip_bins.get(li) else { return };
    let most = bins.iter().copied().max().unwrap_or(1).max(1) as f32;
    for (column, &count) in bins.iter().enumerate().filter(|(_, c)| **c > 0) {
        let x = rect.left() + (column as f32 + 0.5) * scale;
        let alpha = 0.45 + 0.55 * (count as f32 / most);
        painter.line_segment(
            [pos2(x, rect.top() + 2.0), pos2(x, rect.bottom() - 2.0)],
            Stroke::new(1.5, color.gamma_multiply(alpha)),
        );
    }
}
