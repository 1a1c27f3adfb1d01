//! The band lanes' layout, cached per document revision and size: where every dot sits,
//! and every dot (plus the density strips of dense levels) as one prebuilt mesh, so a
//! frame without changes paints the lanes without re-tessellating thousands of circles.

use std::sync::Arc;

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, pos2};

use crate::engine::Severity;

use super::axis::KrAxis;
use super::derived::Data;
use super::theme;

/// Segments of a dot's circle.
const SEGMENTS: usize = 16;

/// The cached layout of the lanes.
pub struct LanesLayout {
    /// The revision and lanes rectangle it was built for.
    key: (u64, Rect),
    /// The axis.
    pub axis: KrAxis,
    /// Each manager's dot centre (None: not drawn as a dot, e.g. in a dense level).
    pub dot_pos: Vec<Option<Pos2>>,
    /// Every dot and density strip, ready to paint.
    pub mesh: Arc<Mesh>,
}

impl LanesLayout {
    /// The cached layout for `revision` and `rect`, built when missing or stale.
    pub fn get(ui: &egui::Ui, data: Data<'_>, rect: Rect, lanes: &[(usize, Rect)]) -> Arc<Self> {
        let id = ui.scope_id().with("lanes_layout");
        let key = (data.revision, rect);
        if let Some(cached) = ui.ctx().data(|d| d.get_temp::<Arc<Self>>(id)).filter(|c| c.key == key) {
            return cached;
        }
        let axis = KrAxis::fit(data.session, data.eval, rect.left() + theme::LANE_LABEL_WIDTH, rect.right() - 40.0);
        let built = Arc::new(Self::build(data, key, axis, lanes));
        ui.ctx().data_mut(|d| d.insert_temp(id, Arc::clone(&built)));
        built
    }

    fn build(data: Data<'_>, key: (u64, Rect), axis: KrAxis, lanes: &[(usize, Rect)]) -> Self {
        let n = data.session.managers.len();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); data.session.levels.len()];
        for (i, l) in data.eval.level_of.iter().enumerate() {
            if let Some(l) = l {
                members[*l].push(i);
            }
        }
        let mut dot_pos = vec![None; n];
        let mut mesh = Mesh::default();
        for &(li, lane) in lanes {
            let color = theme::level_color(data.derived.level_rank_pos.get(li).copied().unwrap_or(0));
            match place_dots(&axis, data, &members[li], lane) {
                Some(placed) => placed.into_iter().for_each(|(i, p)| dot_pos[i] = Some(p)),
                None => density(&mut mesh, &axis, data, &members[li], lane, color),
            }
        }
        for inv in &data.eval.inversions {
            if let (Some(Some(a)), Some(Some(b))) = (dot_pos.get(inv.lower_manager), dot_pos.get(inv.higher_manager)) {
                line(&mut mesh, *a, *b, 2.0, theme::ERROR);
            }
        }
        for (i, p) in dot_pos.iter().enumerate() {
            let Some(p) = *p else { continue };
            let li = data.eval.level_of[i].unwrap_or(0);
            let color = theme::level_color(data.derived.level_rank_pos.get(li).copied().unwrap_or(0));
            let (width, ring) = ring_of(data, i);
            disc(&mut mesh, p, theme::DOT_RADIUS + width / 2.0, ring, true);
            disc(&mut mesh, p, theme::DOT_RADIUS - width / 2.0, color, false);
        }
        Self { key, axis, dot_pos, mesh: Arc::new(mesh) }
    }
}

/// The ring of a dot: red for a fejl, black when locked, a thin white edge otherwise.
#[must_use]
pub fn ring_of(data: Data<'_>, i: usize) -> (f32, Color32) {
    match data.derived.worst.get(i).copied().flatten() {
        Some(Severity::Fejl) => (2.5, theme::ERROR),
        _ if data.session.managers[i].locked => (2.0, Color32::BLACK),
        _ => (1.0, Color32::WHITE),
    }
}

/// A filled disc (a triangle fan); with `feather`, a one-point anti-aliased rim (not
/// needed for a disc drawn on top of a larger one).
pub fn disc(mesh: &mut Mesh, center: Pos2, radius: f32, color: Color32, feather: bool) {
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    let vertex = |pos: Pos2, color: Color32| Vertex { pos, uv: WHITE_UV, color };
    let per = if feather { 2 } else { 1 };
    mesh.vertices.push(vertex(center, color));
    for k in 0..SEGMENTS {
        let a = std::f32::consts::TAU * k as f32 / SEGMENTS as f32;
        let dir = egui::vec2(a.cos(), a.sin());
        if feather {
            mesh.vertices.push(vertex(center + dir * (radius - 0.5).max(0.0), color));
            mesh.vertices.push(vertex(center + dir * (radius + 0.5), Color32::TRANSPARENT));
        } else {
            mesh.vertices.push(vertex(center + dir * radius, color));
        }
    }
    let seg = u32::try_from(SEGMENTS).unwrap_or(0);
    for k in 0..seg {
        let next = (k + 1) % seg;
        let (inner, next_inner) = (base + 1 + per * k, base + 1 + per * next);
        mesh.add_triangle(base, inner, next_inner);
        if feather {
            let (outer, next_outer) = (inner + 1, next_inner + 1);
            mesh.add_triangle(inner, outer, next_outer);
            mesh.add_triangle(inner, next_outer, next_inner);
        }
    }
}

/// An anti-aliased straight line `width` points wide (a quad plus feathered edges).
pub fn line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let along = b - a;
    if along.length_sq() <= f32::EPSILON {
        return;
    }
    let n = along.normalized().rot90();
    let (inner, outer) = (n * (width / 2.0 - 0.5).max(0.0), n * (width / 2.0 + 0.5));
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    let vertex = |pos: Pos2, color: Color32| Vertex { pos, uv: WHITE_UV, color };
    for p in [a, b] {
        mesh.vertices.push(vertex(p + outer, Color32::TRANSPARENT));
        mesh.vertices.push(vertex(p + inner, color));
        mesh.vertices.push(vertex(p - inner, color));
        mesh.vertices.push(vertex(p - outer, Color32::TRANSPARENT));
    }
    for k in 0..3 {
        mesh.add_triangle(base + k, base + k + 1, base + 4 + k);
        mesh.add_triangle(base + k + 1, base + 5 + k, base + 4 + k);
    }
}

/// Places the dots of a lane, stacking dots that would overlap into rows above and below.
/// `None` when the level is drawn as a density strip instead: more than
/// [`theme::DENSE_LEVEL`] managers, or more than [`theme::CROWDED_LEVEL`] whose dots
/// would cover each other (a state-wide level of a hundred direktører); a small group
/// keeps its dots even when some overlap, as they are how the meeting drags amounts.
fn place_dots(axis: &KrAxis, data: Data<'_>, members: &[usize], lane: Rect) -> Option<Vec<(usize, Pos2)>> {
    if members.len() > theme::DENSE_LEVEL {
        return None;
    }
    let mut sorted: Vec<(f32, usize)> = members.iter().map(|&i| (axis.x(data.eval.amounts[i].amount), i)).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let placed = stack(&sorted, lane);
    let crowded = members.len() > theme::CROWDED_LEVEL && placed.iter().any(|&(_, _, overlaps)| overlaps);
    (!crowded).then(|| placed.into_iter().map(|(i, p, _)| (i, p)).collect())
}

/// Stacks dots (x, manager) sorted by x into five rows; each with whether it had to
/// overlap another because every row was taken at its x.
fn stack(sorted: &[(f32, usize)], lane: Rect) -> Vec<(usize, Pos2, bool)> {
    let offsets = [0.0, -1.0, 1.0, -2.0, 2.0];
    let gap = theme::DOT_RADIUS * 2.0 + 1.0;
    let mut last = [f32::NEG_INFINITY; 5];
    sorted
        .iter()
        .map(|&(x, i)| {
            let free = (0..offsets.len()).find(|&r| x - last[r] >= gap);
            let row =
                free.unwrap_or_else(|| (0..offsets.len()).min_by(|&a, &b| last[a].total_cmp(&last[b])).unwrap_or(0));
            last[row] = x;
            let y = lane.center().y + offsets[row] * (theme::DOT_RADIUS * 1.5);
            (i, pos2(x, y.clamp(lane.top() + theme::DOT_RADIUS, lane.bottom() - theme::DOT_RADIUS)), free.is_none())
        })
        .collect()
}

/// A dense level as a histogram strip of 4-point bins.
fn density(mesh: &mut Mesh, axis: &KrAxis, data: Data<'_>, members: &[usize], lane: Rect, color: Color32) {
    let bins = ((axis.right - axis.left) / 4.0).max(1.0) as usize;
    let mut counts = vec![0_u32; bins + 1];
    for &i in members {
        let x = axis.x(data.eval.amounts[i].amount);
        let b = (((x - axis.left) / 4.0).max(0.0) as usize).min(bins);
        counts[b] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f32;
    for (b, &c) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
        let h = (c as f32 / max) * (lane.height() - 8.0);
        let x = axis.left + b as f32 * 4.0;
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(x, lane.bottom() - 4.0 - h), pos2(x + 3.0, lane.bottom() - 4.0)),
            color,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_stack_into_five_rows_and_report_overlap() {
        let lane = Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 60.0));
        // Five dots at one x fit in the five rows; the sixth has to overlap.
        let five: Vec<(f32, usize)> = (0..5).map(|i| (100.0, i)).collect();
        let placed = stack(&five, lane);
        assert!(placed.iter().all(|&(_, _, overlaps)| !overlaps));
        let mut ys: Vec<f32> = placed.iter().map(|&(_, p, _)| p.y).collect();
        ys.dedup();
        assert_eq!(ys.len(), 5, "each in its own row");
        let six: Vec<(f32, usize)> = (0..6).map(|i| (100.0, i)).collect();
        assert!(stack(&six, lane)[5].2);
        // Dots a full diameter apart share the middle row.
        let apart: Vec<(f32, usize)> = (0..10).map(|i| (i as f32 * (theme::DOT_RADIUS * 2.0 + 1.0), i)).collect();
        assert!(stack(&apart, lane).iter().all(|&(_, p, overlaps)| p.y == lane.center().y && !overlaps));
    }

    fn layout_of(session: &crate::model::Session) -> (LanesLayout, Vec<Option<usize>>) {
        let eval = crate::engine::evaluate(session);
        let derived = super::super::derived::Derived::new(session, &eval);
        let data = Data { session, eval: &eval, derived: &derived, revision: 1 };
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(1440.0, 200.0));
        let lanes: Vec<(usize, Rect)> = (0..session.levels.len())
            .map(|li| (li, Rect::from_min_max(pos2(0.0, li as f32 * 45.0), pos2(1440.0, li as f32 * 45.0 + 45.0))))
            .collect();
        let axis = KrAxis::fit(session, &eval, theme::LANE_LABEL_WIDTH, 1400.0);
        (LanesLayout::build(data, (1, rect), axis, &lanes), eval.level_of.clone())
    }

    #[test]
    fn crowded_state_wide_levels_become_strips_and_a_meeting_keeps_its_dots() {
        let state = crate::engine::generate::generate(2_206, 7).expect("generated");
        let (layout, level_of) = layout_of(&state);
        let level = |id: &str| state.levels.iter().position(|l| l.id == id);
        let dots = |id: &str| {
            let li = level(id);
            let members: Vec<usize> = (0..level_of.len()).filter(|&i| level_of[i] == li).collect();
            (members.iter().filter(|&&i| layout.dot_pos[i].is_some()).count(), members.len())
        };
        assert_eq!(dots("KC"), (0, 1_691), "over DENSE_LEVEL: a strip");
        assert_eq!(dots("SD"), (0, 111), "111 direktører would cover each other: a strip");
        assert_eq!(dots("DC"), (37, 37), "37 departementschefer keep their dots");
        let demo = crate::io::parse_session(crate::io::DEMO_RON).expect("demo");
        let (layout, _) = layout_of(&demo);
        assert!(layout.dot_pos.iter().all(Option::is_some), "every manager of a meeting is a dot");
    }
}
