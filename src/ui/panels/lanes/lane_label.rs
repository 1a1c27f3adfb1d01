//! The lanes' labels at the left: each level's name and, under it, its figures (how many
//! managers, the band). In presentation mode the figures are in the body text's size, so
//! their capitals are ≥ 20 physical pixels high at 1920×1080; the column is as wide as the
//! widest label needs (within a quarter of the lanes), and a longer label is cut with "…".

use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId, Galley, Rect, pos2};
use std::sync::Arc;

use crate::model::money::format_thousands;
use crate::ui::state::derived::Data;
use crate::ui::theme;

/// Size of the level's figures under its name, points: the body text's in presentation
/// mode (19 points, at zoom 1.5 capitals of 19 × 1.5 × 0.73 = 20.8 pixels), 13 otherwise.
#[must_use]
pub fn figures_size(style: &egui::Style) -> f32 {
    let body = theme::body_size(style);
    if body >= theme::PRESENTATION_BODY { body } else { 13.0 }
}

/// Size of the level's name, points: the body text's, at least 17.
#[must_use]
pub fn name_size(style: &egui::Style) -> f32 {
    theme::body_size(style).max(17.0)
}

/// The figures under a level's name ("20 ledere · spænd 30–50 t.kr."; in presentation
/// mode without "spænd", which the legend and the bar say).
#[must_use]
pub fn figures(data: Data<'_>, level: usize, presentation: bool) -> String {
    let l = &data.session.levels[level];
    let n = data.eval.stats.of_level(&l.id).map_or(0, |s| s.stats.n);
    let band = format!("{}–{} t.kr.", format_thousands(l.band.min), format_thousands(l.band.max));
    let count = crate::model::words::managers(n);
    if presentation { format!("{count} · {band}") } else { format!("{count} · spænd {band}") }
}

/// `text` in one line of `size` points, cut with "…" at `width` (infinite: never cut).
fn line(ctx: &egui::Context, text: &str, size: f32, color: Color32, width: f32) -> Arc<Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_string(), FontId::proportional(size), color);
    job.wrap = TextWrapping::truncate_at_width(width);
    ctx.fonts_mut(|f| f.layout_job(job))
}

/// The width of the labels' column for these levels: the widest name or figures plus a
/// margin, at least [`theme::LANE_LABEL_WIDTH`] − 40 and at most a quarter of `lanes_width`.
#[must_use]
pub fn column_width(
    ctx: &egui::Context,
    data: Data<'_>,
    levels: &[usize],
    presentation: bool,
    lanes_width: f32,
) -> f32 {
    let style = ctx.global_style();
    let widest = levels
        .iter()
        .flat_map(|&li| {
            let name = line(ctx, &data.session.levels[li].name, name_size(&style), Color32::BLACK, f32::INFINITY);
            let figures =
                line(ctx, &figures(data, li, presentation), figures_size(&style), Color32::BLACK, f32::INFINITY);
            [name.size().x, figures.size().x]
        })
        .fold(0.0_f32, f32::max);
    (widest + 16.0).clamp(theme::LANE_LABEL_WIDTH - 40.0, (lanes_width * 0.25).max(theme::LANE_LABEL_WIDTH - 40.0))
}

/// Paints the name and figures of level `level` in its `lane`, within `width`.
pub fn paint(painter: &egui::Painter, data: Data<'_>, level: usize, lane: Rect, width: f32, presentation: bool) {
    let ctx = painter.ctx();
    let style = ctx.global_style();
    let room = width - 14.0;
    let name = line(ctx, &data.session.levels[level].name, name_size(&style), Color32::BLACK, room);
    let figures = line(ctx, &figures(data, level, presentation), figures_size(&style), theme::MUTED, room);
    // The two lines centred on the lane as a pair.
    let top = lane.center().y - (name.size().y + figures.size().y) / 2.0;
    let x = lane.left() + 6.0;
    let below = top + name.size().y;
    painter.galley(pos2(x, top), name, Color32::BLACK);
    painter.galley(pos2(x, below), figures, theme::MUTED);
}
