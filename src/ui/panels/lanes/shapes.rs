//! The shapes of the band lanes: a dot (a polygon egui's tessellator fills and rings), its
//! ring, last year's ghost, a proposal's arrow, and the density strips' bins and bars.

use egui::epaint::{Mesh, PathShape, PathStroke};
use egui::{Color32, Pos2, Rect, Shape, Stroke, pos2, vec2};

use crate::engine::Severity;

use crate::ui::panels::lanes::geometry::{Bin, DOT_CORNERS, Paint, STRIP_BIN, Strip};
use crate::ui::state::axis::KrAxis;
use crate::ui::state::derived::Data;
use crate::ui::state::view::PendingProposal;
use crate::ui::theme;

/// The colour of a level's lane.
pub(crate) fn level_color(data: Data<'_>, level: usize) -> Color32 {
    theme::level_color(data.derived.level_rank_pos.get(level).copied().unwrap_or(0))
}

/// The ring of a dot: red for a fejl, black when locked, a thin white edge otherwise.
#[must_use]
pub fn ring_of(data: Data<'_>, i: usize) -> Stroke {
    match data.derived.worst.get(i).copied().flatten() {
        Some(Severity::Fejl) => Stroke::new(2.5, theme::ERROR),
        _ if data.session.managers[i].locked => Stroke::new(2.0, Color32::BLACK),
        _ => Stroke::new(1.0, Color32::WHITE),
    }
}

/// A polygon of [`DOT_CORNERS`] corners around `center`.
pub(crate) fn polygon(center: Pos2, radius: f32) -> Vec<Pos2> {
    (0..DOT_CORNERS)
        .map(|k| {
            let a = std::f32::consts::TAU * k as f32 / DOT_CORNERS as f32;
            center + vec2(a.cos(), a.sin()) * radius
        })
        .collect()
}

/// A dot: filled with the level's colour, its ring outside, `radius` to the ring's middle.
pub fn dot_shape(center: Pos2, radius: f32, fill: Color32, ring: Stroke) -> Shape {
    let stroke = PathStroke::new(ring.width, ring.color).outside();
    Shape::Path(PathShape::convex_polygon(polygon(center, radius - ring.width / 2.0), fill, stroke))
}

/// A hollow dot (last year's amount, a proposal's).
pub fn hollow_shape(center: Pos2, color: Color32) -> Shape {
    Shape::Path(PathShape::closed_line(polygon(center, theme::DOT_RADIUS - 1.0), PathStroke::new(1.5, color)))
}

/// Last year's amount at `ghost` as a faint hollow dot, with a thin line to this year's
/// dot at `now`.
pub fn ghost_shapes(shapes: &mut Vec<Shape>, now: Pos2, ghost: Pos2, color: Color32) {
    if (ghost.x - now.x).abs() > theme::DOT_RADIUS * 2.0 {
        let dir = if ghost.x < now.x { 1.0 } else { -1.0 };
        let from = pos2(ghost.x + dir * theme::DOT_RADIUS, ghost.y);
        shapes.push(Shape::line_segment(
            [from, pos2(now.x - dir * theme::DOT_RADIUS, now.y)],
            Stroke::new(1.0, theme::GHOST),
        ));
    }
    shapes.push(hollow_shape(ghost, color.gamma_multiply(0.6)));
}

/// A proposal's amount at `to` as a hollow dot with an arrow from this year's dot.
pub fn proposal_shapes(shapes: &mut Vec<Shape>, now: Pos2, to: Pos2) {
    let dx = to.x - now.x;
    if dx.abs() > theme::DOT_RADIUS * 2.0 + 4.0 {
        let dir = dx.signum();
        let tip = pos2(to.x - dir * theme::DOT_RADIUS, to.y);
        shapes.push(Shape::line_segment(
            [pos2(now.x + dir * theme::DOT_RADIUS, now.y), tip],
            Stroke::new(1.5, theme::PROPOSAL),
        ));
        let back = pos2(tip.x - dir * 5.0, tip.y);
        shapes.push(Shape::convex_polygon(
            vec![tip, pos2(back.x, back.y - 3.5), pos2(back.x, back.y + 3.5)],
            theme::PROPOSAL,
            Stroke::NONE,
        ));
    }
    shapes.push(hollow_shape(to, theme::PROPOSAL));
}

/// The bin of an amount's x.
pub(crate) fn bin_of(axis: &KrAxis, x: f32, bins: usize) -> usize {
    (((x - axis.left) / STRIP_BIN).max(0.0) as usize).min(bins - 1)
}

/// A dense level's bins: how many managers, and their lowest and highest amount.
pub(crate) fn bins(axis: &KrAxis, data: Data<'_>, members: &[usize]) -> Vec<Bin> {
    let count = ((axis.right - axis.left) / STRIP_BIN).max(1.0) as usize + 1;
    let mut bins = vec![Bin::default(); count];
    for &i in members {
        let amount = data.eval.amounts[i].amount;
        let bin = &mut bins[bin_of(axis, axis.x(amount), count)];
        if bin.count == 0 {
            (bin.min, bin.max) = (amount, amount);
        }
        bin.count += 1;
        bin.min = bin.min.min(amount);
        bin.max = bin.max.max(amount);
    }
    bins
}

/// The height of a bin of `count` in a strip whose fullest bin holds `max`.
pub(crate) fn bar_height(count: u32, max: u32, lane: Rect) -> f32 {
    (count as f32 / max.max(1) as f32) * (lane.height() - 8.0)
}

/// A density strip as bars on the physical pixel grid: whole pixels need no feathering,
/// so each bar stays four vertices.
pub(crate) fn strip_mesh(mesh: &mut Mesh, paint: &Paint, axis: &KrAxis, strip: &Strip, color: Color32) {
    let max = strip.bins.iter().map(|b| b.count).max().unwrap_or(1);
    let bottom = paint.snap(strip.lane.bottom() - 4.0);
    for (k, bin) in strip.bins.iter().enumerate().filter(|(_, b)| b.count > 0) {
        let x = axis.left + k as f32 * STRIP_BIN;
        let top =
            paint.snap(bottom - bar_height(bin.count, max, strip.lane)).min(bottom - 1.0 / paint.pixels_per_point);
        let (l, r) = (paint.snap(x), paint.snap(x + STRIP_BIN - 1.0));
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(l, top), pos2(r.max(l + 1.0 / paint.pixels_per_point), bottom)),
            color,
        );
    }
}

/// A proposal over a density strip: the proposed count of each bin as a mark at its
/// height, on the strip's scale.
pub(crate) fn proposed_strip(
    shapes: &mut Vec<Shape>,
    axis: &KrAxis,
    data: Data<'_>,
    strip: &Strip,
    pending: &PendingProposal,
) {
    let mut counts: Vec<u32> = strip.bins.iter().map(|b| b.count).collect();
    let max = counts.iter().copied().max().unwrap_or(1);
    let mut moved = false;
    for &(i, amount) in &pending.proposal.changes {
        if data.eval.level_of.get(i) != Some(&Some(strip.level)) {
            continue;
        }
        let from = bin_of(axis, axis.x(data.eval.amounts[i].amount), counts.len());
        let to = bin_of(axis, axis.x(amount), counts.len());
        counts[from] = counts[from].saturating_sub(1);
        counts[to] += 1;
        moved = true;
    }
    if !moved {
        return;
    }
    let bottom = strip.lane.bottom() - 4.0;
    for (k, &c) in counts.iter().enumerate().filter(|(k, c)| **c > 0 && **c != strip.bins[*k].count) {
        let x = axis.left + k as f32 * STRIP_BIN;
        let y = (bottom - bar_height(c, max, strip.lane)).max(strip.lane.top() + 1.0);
        shapes.push(Shape::line_segment(
            [pos2(x - 0.5, y), pos2(x + STRIP_BIN - 0.5, y)],
            Stroke::new(2.0, theme::PROPOSAL),
        ));
    }
}
