//! The band lanes: one lane per level on a shared kr. axis, each band a bar, overlaps
//! shaded, every manager a draggable dot, inversions as lines, each level's mean marked.

use crate::document::Edit;

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, pos2, vec2};
use rust_decimal::Decimal;

use crate::model::money::{format_kr, format_number};

use std::sync::Arc;

use super::axis::KrAxis;
use super::command::Command;
use super::derived::Data;
use super::lanes_layout::LanesLayout;
use super::theme;
use super::view::ViewState;

/// Draws the lanes and turns clicks and drags into commands.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let session = data.session;
    let order: Vec<usize> = session.levels_by_rank().into_iter().rev().collect();
    let lane_height = theme::lane_height(ui.ctx().content_rect().height(), order.len());
    let height = lane_height * order.len() as f32 + 30.0;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
    let painter = ui.painter_at(rect);
    let lane_rect = |pos: usize| {
        let top = rect.top() + pos as f32 * lane_height;
        Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), top + lane_height))
    };
    let lanes: Vec<(usize, Rect)> = order.iter().enumerate().map(|(pos, &li)| (li, lane_rect(pos))).collect();
    let layout = LanesLayout::get(ui, data, rect, &lanes);
    let axis = layout.axis;
    draw_axis(&painter, &axis, rect);
    for overlap in &data.eval.overlaps {
        for li in [overlap.lower, overlap.higher] {
            if let Some(&(_, lane)) = lanes.iter().find(|(l, _)| *l == li) {
                let zone = Rect::from_x_y_ranges(axis.x(overlap.from)..=axis.x(overlap.to), lane.y_range());
                painter.rect_filled(zone, 0.0, theme::OVERLAP);
            }
        }
    }
    for &(li, lane) in &lanes {
        let color = theme::level_color(data.derived.level_rank_pos.get(li).copied().unwrap_or(0));
        draw_lane_background(&painter, &axis, data, li, lane, color);
    }
    super::lanes_reference::ui(&painter, &axis, data, view, &lanes);
    // Dots, density strips and inversion lines, cached per revision.
    painter.add(egui::Shape::mesh(Arc::clone(&layout.mesh)));
    // The selected manager in a dense level has no dot of its own: give them one, with
    // their inversion lines.
    let mut dot_pos = layout.dot_pos.clone();
    if let Some(sel) = view.selected.filter(|&s| dot_pos.get(s) == Some(&None))
        && let Some(&(_, lane)) = lanes.iter().find(|(l, _)| Some(*l) == data.eval.level_of.get(sel).copied().flatten())
    {
        let p = pos2(axis.x(data.eval.amounts[sel].amount), lane.center().y);
        dot_pos[sel] = Some(p);
        for inv in data.eval.inversions.iter().filter(|v| v.lower_manager == sel || v.higher_manager == sel) {
            let other = if inv.lower_manager == sel { inv.higher_manager } else { inv.lower_manager };
            if let Some(Some(q)) = dot_pos.get(other) {
                painter.line_segment([p, *q], Stroke::new(2.0, theme::ERROR));
            }
        }
    }
    let step = session.policies.rounding_step;
    for (i, p) in dot_pos.iter().enumerate() {
        let Some(p) = *p else { continue };
        dot_ui(ui, &painter, data, view, &axis, i, p, step, out);
    }
}

/// The lane label, the band bar and the level's mean.
fn draw_lane_background(painter: &egui::Painter, axis: &KrAxis, data: Data<'_>, li: usize, lane: Rect, color: Color32) {
    let level = &data.session.levels[li];
    let stats = data.eval.stats.per_level.iter().find(|s| s.level.as_deref() == Some(level.id.as_str()));
    let n = stats.map_or(0, |s| s.stats.n);
    painter.line_segment([lane.left_bottom(), lane.right_bottom()], Stroke::new(1.0, theme::GRID));
    painter.text(
        pos2(lane.left() + 6.0, lane.center().y - 9.0),
        Align2::LEFT_CENTER,
        &level.name,
        FontId::proportional(17.0),
        Color32::BLACK,
    );
    painter.text(
        pos2(lane.left() + 6.0, lane.center().y + 11.0),
        Align2::LEFT_CENTER,
        format!(
            "{n} {} · spænd {}–{} t.kr.",
            if n == 1 { "leder" } else { "ledere" },
            thousands(level.band.min),
            thousands(level.band.max)
        ),
        FontId::proportional(13.0),
        theme::MUTED,
    );
    let band = Rect::from_x_y_ranges(
        axis.x(level.band.min)..=axis.x(level.band.max),
        lane.center().y - 12.0..=lane.center().y + 12.0,
    );
    painter.rect_filled(band, 5.0, theme::band_fill(color));
    painter.rect_stroke(band, 5.0, Stroke::new(1.5, color), egui::StrokeKind::Inside);
    if let Some(mean) = stats.filter(|s| s.stats.n > 0).map(|s| s.stats.mean) {
        let x = axis.x(mean);
        painter
            .line_segment([pos2(x, lane.top() + 4.0), pos2(x, lane.bottom() - 4.0)], Stroke::new(2.5, Color32::BLACK));
        painter.text(
            pos2(x + 3.0, lane.top() + 2.0),
            Align2::LEFT_TOP,
            "Ø",
            FontId::proportional(13.0),
            Color32::BLACK,
        );
    }
}

/// An amount in thousands for the compact lane label: "30", "1.250", "32,5".
fn thousands(amount: Decimal) -> String {
    let t = (amount / Decimal::from(1_000)).round_dp(1);
    let whole = format_number(t.trunc());
    let tenths = ((t - t.trunc()).abs() * Decimal::TEN).trunc();
    if tenths.is_zero() { whole } else { format!("{whole},{tenths}") }
}

/// One manager's dot: drawing, hover, click to select, drag to change the amount.
#[allow(clippy::too_many_arguments)]
fn dot_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    data: Data<'_>,
    view: &ViewState,
    axis: &KrAxis,
    i: usize,
    p: Pos2,
    step: Decimal,
    out: &mut Vec<Command>,
) {
    let m = &data.session.managers[i];
    let amount = data.eval.amounts[i].amount;
    // Built only when needed: a dense lane has hundreds of dots each frame.
    let name = || view.display_name(m);
    let hit = Rect::from_center_size(p, vec2(theme::DOT_RADIUS * 2.0 + 6.0, theme::DOT_RADIUS * 2.0 + 6.0));
    let response = ui.interact(hit, ui.scope_id().with(("dot", i)), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Slider, true, format!("{}: {}", name(), format_kr(amount)))
    });
    let selected = view.selected == Some(i);
    let li = data.eval.level_of[i].unwrap_or(0);
    let color = theme::level_color(data.derived.level_rank_pos.get(li).copied().unwrap_or(0));
    let r = if selected || response.hovered() { theme::DOT_RADIUS + 2.0 } else { theme::DOT_RADIUS };
    let in_mesh = data.eval.level_of[i].is_some() && !selected && !response.hovered();
    if !in_mesh {
        // Drawn on top of the cached mesh: enlarged when hovered or selected.
        let (width, ring) = super::lanes_layout::ring_of(data, i);
        painter.circle_filled(p, r, color);
        painter.circle_stroke(p, r, Stroke::new(width, ring));
    }
    if selected {
        painter.circle_stroke(p, r + 3.0, Stroke::new(2.5, theme::SELECTED));
        let galley = painter.layout_no_wrap(
            format!("{} · {}", name(), format_kr(amount)),
            FontId::new(15.0, theme::bold_family()),
            Color32::BLACK,
        );
        let label = Align2::CENTER_BOTTOM.anchor_size(pos2(p.x, p.y - r - 5.0), galley.size()).expand(3.0);
        painter.rect_filled(label, 4.0, Color32::from_white_alpha(235));
        painter.rect_stroke(label, 4.0, Stroke::new(1.0, theme::SELECTED), egui::StrokeKind::Inside);
        painter.galley(label.min + vec2(3.0, 3.0), galley, Color32::BLACK);
    }
    if response.hovered() && !response.dragged() {
        response.clone().on_hover_text(format!("{}\n{} · {}", name(), m.unit, format_kr(amount)));
    }
    if response.clicked() || response.drag_started() {
        out.push(Command::Select(Some(i)));
    }
    if response.dragged()
        && !m.locked
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let target = axis.amount_at(pointer.x, step);
        if target != amount {
            out.push(Command::Edit(Edit::SetAmount { manager: i, amount: target, drag: true }));
        }
    }
    if response.drag_stopped() {
        out.push(Command::EndContinuous);
    }
}

/// The kr. axis with ticks along the bottom of the lanes.
fn draw_axis(painter: &egui::Painter, axis: &KrAxis, rect: Rect) {
    let y = rect.bottom() - 26.0;
    painter.line_segment([pos2(axis.left, y), pos2(axis.right, y)], Stroke::new(1.0, theme::MUTED));
    for t in axis.ticks() {
        let x = axis.x(t);
        painter.line_segment([pos2(x, rect.top()), pos2(x, y)], Stroke::new(1.0, theme::GRID));
        painter.text(pos2(x, y + 3.0), Align2::CENTER_TOP, format_number(t), FontId::proportional(14.0), theme::MUTED);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_thousands_are_short_and_danish() {
        assert_eq!(thousands(Decimal::from(30_000)), "30");
        assert_eq!(thousands(Decimal::from(32_500)), "32,5");
        assert_eq!(thousands(Decimal::from(1_250_000)), "1.250");
        assert_eq!(thousands(Decimal::from(99_960)), "100");
    }
}
