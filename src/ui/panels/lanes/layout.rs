//! The band lanes' layout, cached per document revision, size, zoom, proposal and
//! pixels per point: where every dot sits, which dots have room for their initials, the
//! density strips' bins, and every dot, strip, inversion line, ghost and proposal arrow
//! as one mesh tessellated by egui's own tessellator, so a frame without changes paints
//! the lanes without tessellating thousands of shapes.

use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Pos2, Rect, Shape, Stroke, pos2};

use crate::ui::state::axis::KrAxis;
use crate::ui::state::derived::Data;
use crate::ui::state::view::PendingProposal;
use crate::ui::theme;

pub use crate::ui::panels::lanes::geometry::{Bin, Label, More, Paint, STRIP_BIN, Strip};
use crate::ui::panels::lanes::shapes::{bins, level_color, proposed_strip, strip_mesh};
pub use crate::ui::panels::lanes::shapes::{dot_shape, ghost_shapes, hollow_shape, proposal_shapes, ring_of};
use crate::ui::panels::lanes::stacks::{Dots, Stacks};

/// What the cached layout was built for.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    revision: u64,
    rect: Rect,
    zoom: Option<usize>,
    proposal: Option<u64>,
    paint: Paint,
    /// Width of the lane labels' column, points.
    label_width: f32,
}

/// The cached layout of the lanes.
pub struct LanesLayout {
    /// What it was built for.
    key: Key,
    /// The axis.
    pub axis: KrAxis,
    /// Each manager's dot centre (None: not drawn as a dot, e.g. in a dense level).
    pub dot_pos: Vec<Option<Pos2>>,
    /// The managers drawn as dots, with their centres (what a frame iterates).
    pub dots: Vec<(usize, Pos2)>,
    /// The dots' initials where they have room.
    pub labels: Vec<Label>,
    /// The "+n" of a zoomed lane's stacks.
    pub more: Vec<More>,
    /// The density strips.
    pub strips: Vec<Strip>,
    /// Every dot, strip, line, ghost and proposal arrow, ready to paint.
    pub mesh: Arc<Mesh>,
}

impl LanesLayout {
    /// The cached layout for this frame, built when missing or stale. `zoom` is the
    /// level the lanes are zoomed to (then `lanes` holds only its lane); the axis starts
    /// `label_width` right of `rect`'s left edge.
    pub fn get(
        ui: &egui::Ui,
        data: Data<'_>,
        (rect, label_width): (Rect, f32),
        lanes: &[(usize, Rect)],
        zoom: Option<usize>,
        pending: Option<&PendingProposal>,
    ) -> Arc<Self> {
        let id = ui.scope_id().with("lanes_layout");
        let paint = Paint::of(ui.ctx());
        let key = Key { revision: data.revision, rect, zoom, proposal: pending.map(|p| p.serial), paint, label_width };
        if let Some(cached) = ui.ctx().data(|d| d.get_temp::<Arc<Self>>(id)).filter(|c| c.key == key) {
            return cached;
        }
        let (left, right) = (rect.left() + label_width, rect.right() - 40.0);
        // While a dot is dragged the axis stays where it was, so it does not move under
        // the pointer as the amount changes (a zoomed level's axis follows its amounts).
        let dragging = ui.ctx().dragged_id().is_some();
        let still = ui
            .ctx()
            .data(|d| d.get_temp::<Arc<Self>>(id))
            .filter(|c| dragging && c.key.zoom == key.zoom && c.key.rect == key.rect && c.key.paint == key.paint);
        let axis = match (still, zoom) {
            (Some(cached), _) => cached.axis,
            (None, Some(level)) => {
                let last = |i: usize| data.eval.metrics.get(i).and_then(|m| m.last_year);
                let ghosts =
                    (0..data.eval.level_of.len()).filter(|&i| data.eval.level_of[i] == Some(level)).filter_map(last);
                let proposed = pending.into_iter().flat_map(|p| p.proposal.changes.iter());
                let proposed =
                    proposed.filter(|(i, _)| data.eval.level_of.get(*i) == Some(&Some(level))).map(|(_, a)| *a);
                KrAxis::fit_level(data.session, data.eval, level, ghosts.chain(proposed), left, right)
            }
            (None, None) => KrAxis::fit(data.session, data.eval, left, right),
        };
        let font = egui::FontId::proportional(theme::INITIALS_SIZE);
        let painter = ui.painter();
        let measure = |text: &str| painter.layout_no_wrap(text.to_string(), font.clone(), egui::Color32::BLACK).size();
        let built = Arc::new(Self::build(data, key, axis, lanes, pending, &measure));
        ui.ctx().data_mut(|d| d.insert_temp(id, Arc::clone(&built)));
        built
    }

    fn build(
        data: Data<'_>,
        key: Key,
        axis: KrAxis,
        lanes: &[(usize, Rect)],
        pending: Option<&PendingProposal>,
        measure: &dyn Fn(&str) -> egui::Vec2,
    ) -> Self {
        let n = data.session.managers.len();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); data.session.levels.len()];
        for (i, l) in data.eval.level_of.iter().enumerate() {
            if let Some(l) = l {
                members[*l].push(i);
            }
        }
        let zoomed = key.zoom.is_some();
        let mut dot_pos = vec![None; n];
        let mut more = Vec::new();
        let mut strips = Vec::new();
        let mut shapes = Vec::new();
        for &(li, lane) in lanes {
            match place_dots(&axis, data, &members[li], lane, zoomed) {
                Some((placed, stacks)) => {
                    for (i, p) in placed {
                        dot_pos[i] = Some(p);
                    }
                    for (center, managers) in stacks {
                        let amounts = managers.iter().map(|&i| data.eval.amounts[i].amount);
                        let (min, max) = (amounts.clone().min().unwrap_or_default(), amounts.max().unwrap_or_default());
                        more.push(More { level: li, center, managers, min, max });
                    }
                }
                None => strips.push(Strip { level: li, lane, bins: bins(&axis, data, &members[li]) }),
            }
        }
        let mut mesh = Mesh::default();
        for strip in &strips {
            let color = level_color(data, strip.level);
            strip_mesh(&mut mesh, &key.paint, &axis, strip, color);
        }
        for inv in &data.eval.inversions {
            if let (Some(Some(a)), Some(Some(b))) = (dot_pos.get(inv.lower_manager), dot_pos.get(inv.higher_manager)) {
                shapes.push(Shape::line_segment([*a, *b], Stroke::new(2.0, theme::ERROR)));
            }
        }
        if let Some(level) = key.zoom {
            for &i in &members[level] {
                if let (Some(p), Some(last)) = (dot_pos[i], data.eval.metrics.get(i).and_then(|m| m.last_year)) {
                    ghost_shapes(&mut shapes, p, pos2(axis.x(last), p.y), level_color(data, level));
                }
            }
        }
        for (i, p) in dot_pos.iter().enumerate() {
            let Some(p) = *p else { continue };
            let li = data.eval.level_of[i].unwrap_or(0);
            shapes.push(dot_shape(p, theme::DOT_RADIUS, level_color(data, li), ring_of(data, i)));
        }
        if let Some(pending) = pending {
            for &(i, amount) in &pending.proposal.changes {
                if let Some(Some(p)) = dot_pos.get(i) {
                    proposal_shapes(&mut shapes, *p, pos2(axis.x(amount), p.y));
                }
            }
            for strip in &strips {
                proposed_strip(&mut shapes, &axis, data, strip, pending);
            }
        }
        let mut tessellator = key.paint.tessellator();
        for shape in shapes {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
        let dots: Vec<(usize, Pos2)> = dot_pos.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, p))).collect();
        let left = key.rect.left() + key.label_width - 8.0;
        let labels = crate::ui::panels::lanes::annotate::initials(data, &axis, &dots, &more, lanes, left, measure);
        Self { key, axis, dot_pos, dots, labels, more, strips, mesh: Arc::new(mesh) }
    }
}

/// Places the dots of a lane: `None` when the level is drawn as a density strip instead
/// (more than [`theme::DENSE_LEVEL`] managers, or – unless zoomed – more than
/// [`theme::CROWDED_LEVEL`] whose dots would cover each other; a small group keeps its
/// dots even when some overlap, as they are how the meeting drags amounts). A zoomed lane
/// shows the managers its rows have no room for as "+n" stacks (centre, managers).
fn place_dots(axis: &KrAxis, data: Data<'_>, members: &[usize], lane: Rect, zoomed: bool) -> Option<(Dots, Stacks)> {
    if members.len() > theme::DENSE_LEVEL {
        return None;
    }
    let mut sorted: Vec<(f32, usize)> = members.iter().map(|&i| (axis.x(data.eval.amounts[i].amount), i)).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    if zoomed {
        let rows = Rows::zoomed(lane);
        let placed = stack(&sorted, lane, &rows);
        return Some(crate::ui::panels::lanes::stacks::fold(&placed, rows.gap, lane.center().y));
    }
    let placed = stack(&sorted, lane, &Rows::normal());
    let crowded = members.len() > theme::CROWDED_LEVEL && placed.iter().any(|&(_, _, overlaps)| overlaps);
    if crowded {
        return None;
    }
    Some((placed.iter().map(|&(i, p, _)| (i, p)).collect(), Vec::new()))
}

/// The rows dots are stacked into: offsets from the lane's centre, and the least
/// distance between two dots in a row.
struct Rows {
    offsets: Vec<f32>,
    gap: f32,
}

impl Rows {
    /// Five rows, half overlapping, dots a diameter apart.
    fn normal() -> Self {
        let offsets = [0.0, -1.0, 1.0, -2.0, 2.0].iter().map(|k| k * theme::DOT_RADIUS * 1.5).collect();
        Self { offsets, gap: theme::DOT_RADIUS * 2.0 + 1.0 }
    }

    /// As many rows as the zoomed lane holds, each with room for initials under its
    /// dots, dots [`theme::LABEL_GAP`] apart.
    fn zoomed(lane: Rect) -> Self {
        let rows = (((lane.height() - theme::ZOOM_ROW) / theme::ZOOM_ROW).floor().max(0.0) as usize) + 1;
        let lift = -theme::INITIALS_SIZE / 2.0;
        let offsets = (0..rows)
            .map(|r| {
                let k = r.div_ceil(2) as f32;
                lift + if r % 2 == 1 { -k } else { k } * theme::ZOOM_ROW
            })
            .collect();
        Self { offsets, gap: theme::LABEL_GAP }
    }
}

/// Stacks dots (x, manager) sorted by x into the rows; each with whether it had to
/// overlap another because every row was taken at its x.
fn stack(sorted: &[(f32, usize)], lane: Rect, rows: &Rows) -> Vec<(usize, Pos2, bool)> {
    let mut last = vec![f32::NEG_INFINITY; rows.offsets.len()];
    sorted
        .iter()
        .map(|&(x, i)| {
            let free = (0..last.len()).find(|&r| x - last[r] >= rows.gap);
            let row = free.unwrap_or_else(|| (0..last.len()).min_by(|&a, &b| last[a].total_cmp(&last[b])).unwrap_or(0));
            // A dot that found no free row does not take one: the dots after it get the
            // rows as they free up.
            if free.is_some() {
                last[row] = x;
            }
            let y = lane.center().y + rows.offsets[row];
            (i, pos2(x, y.clamp(lane.top() + theme::DOT_RADIUS, lane.bottom() - theme::DOT_RADIUS)), free.is_none())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Color32;
    use egui::epaint::TessellationOptions;

    #[test]
    fn dots_stack_into_five_rows_and_report_overlap() {
        let lane = Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 60.0));
        // Five dots at one x fit in the five rows; the sixth has to overlap.
        let five: Vec<(f32, usize)> = (0..5).map(|i| (100.0, i)).collect();
        let placed = stack(&five, lane, &Rows::normal());
        assert!(placed.iter().all(|&(_, _, overlaps)| !overlaps));
        let mut ys: Vec<f32> = placed.iter().map(|&(_, p, _)| p.y).collect();
        ys.dedup();
        assert_eq!(ys.len(), 5, "each in its own row");
        let six: Vec<(f32, usize)> = (0..6).map(|i| (100.0, i)).collect();
        assert!(stack(&six, lane, &Rows::normal())[5].2);
        // Dots a full diameter apart share the middle row.
        let apart: Vec<(f32, usize)> = (0..10).map(|i| (i as f32 * (theme::DOT_RADIUS * 2.0 + 1.0), i)).collect();
        assert!(
            stack(&apart, lane, &Rows::normal()).iter().all(|&(_, p, overlaps)| p.y == lane.center().y && !overlaps)
        );
    }

    #[test]
    fn a_zoomed_lane_has_rows_that_do_not_cover_each_other() {
        // Four lanes of 58 points: 232 points hold 8 rows 28 points apart.
        let lane = Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 232.0));
        let rows = Rows::zoomed(lane);
        assert_eq!(rows.offsets.len(), 8);
        let mut ys = rows.offsets.clone();
        ys.sort_by(f32::total_cmp);
        assert!(ys.windows(2).all(|w| w[1] - w[0] >= theme::ZOOM_ROW - 0.01), "{ys:?}");
        // Twenty dots at one x: eight rows, then overlaps; none of the first eight overlap.
        let twenty: Vec<(f32, usize)> = (0..20).map(|i| (100.0, i)).collect();
        let placed = stack(&twenty, lane, &rows);
        assert_eq!(placed.iter().filter(|p| !p.2).count(), 8);
        assert!(placed.iter().all(|p| p.1.y >= lane.top() && p.1.y <= lane.bottom()));
    }

    fn paint() -> Paint {
        Paint { pixels_per_point: 1.0, options: TessellationOptions::default(), font_tex_size: [2048, 64] }
    }

    fn layout_of(session: &crate::model::Session, paint: Paint) -> (LanesLayout, Vec<Option<usize>>) {
        let eval = crate::engine::evaluate(session);
        let derived = crate::ui::state::derived::Derived::new(session, &eval);
        let data = Data { session, eval: &eval, derived: &derived, revision: 1 };
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(1440.0, 200.0));
        let lanes: Vec<(usize, Rect)> = (0..session.levels.len())
            .map(|li| (li, Rect::from_min_max(pos2(0.0, li as f32 * 45.0), pos2(1440.0, li as f32 * 45.0 + 45.0))))
            .collect();
        let axis = KrAxis::fit(session, &eval, theme::LANE_LABEL_WIDTH, 1400.0);
        let key = Key { revision: 1, rect, zoom: None, proposal: None, paint, label_width: theme::LANE_LABEL_WIDTH };
        let measure = |text: &str| egui::vec2(text.chars().count() as f32 * 8.0, 13.0);
        (LanesLayout::build(data, key, axis, &lanes, None, &measure), eval.level_of.clone())
    }

    #[test]
    fn crowded_state_wide_levels_become_strips_and_a_meeting_keeps_its_dots() {
        let state = crate::engine::generate::generate(2_206, 7).expect("generated");
        let (layout, level_of) = layout_of(&state, paint());
        let level = |id: &str| state.levels.iter().position(|l| l.id == id);
        let dots = |id: &str| {
            let li = level(id);
            let members: Vec<usize> = (0..level_of.len()).filter(|&i| level_of[i] == li).collect();
            (members.iter().filter(|&&i| layout.dot_pos[i].is_some()).count(), members.len())
        };
        assert_eq!(dots("KC"), (0, 1_691), "over DENSE_LEVEL: a strip");
        assert_eq!(dots("SD"), (0, 111), "111 direktører would cover each other: a strip");
        assert_eq!(dots("DC"), (37, 37), "37 departementschefer keep their dots");
        let strip = layout.strips.iter().find(|s| Some(s.level) == level("KC")).expect("KC strip");
        assert_eq!(strip.bins.iter().map(|b| b.count).sum::<u32>(), 1_691, "every kontorchef in one bin");
        let demo = crate::io::parse_session(crate::io::DEMO_RON).expect("demo");
        let (layout, _) = layout_of(&demo, paint());
        assert!(layout.dot_pos.iter().all(Option::is_some), "every manager of a meeting is a dot");
    }

    /// Vertices of the mesh the hand-built discs made: 50 per dot (a feathered 16-segment
    /// disc of 33 and an inner one of 17), 8 per inversion line, 4 per strip bar.
    fn hand_built_vertices(layout: &LanesLayout, lines: usize) -> usize {
        let dots = layout.dot_pos.iter().flatten().count();
        let bars: usize = layout.strips.iter().map(|s| s.bins.iter().filter(|b| b.count > 0).count()).sum();
        50 * dots + 8 * lines + 4 * bars
    }

    #[test]
    fn the_tessellated_mesh_is_no_larger_than_the_hand_built_one() {
        let demo = crate::io::parse_session(crate::io::DEMO_RON).expect("demo");
        let state = crate::engine::generate::generate(2_206, 1).expect("generated");
        for (name, session) in [("demo", &demo), ("2.206", &state)] {
            for ppp in [1.0, 1.5] {
                let (layout, _) = layout_of(session, Paint { pixels_per_point: ppp, ..paint() });
                let eval = crate::engine::evaluate(session);
                let lines = eval
                    .inversions
                    .iter()
                    .filter(|v| layout.dot_pos[v.lower_manager].is_some() && layout.dot_pos[v.higher_manager].is_some())
                    .count();
                let before = hand_built_vertices(&layout, lines);
                let after = layout.mesh.vertices.len();
                println!("{name} at {ppp} px/pt: {before} vertices hand-built, {after} tessellated");
                assert!(after <= before, "{name} at {ppp}: {after} > {before}");
                assert!(layout.mesh.is_valid());
            }
        }
    }

    #[test]
    fn feathering_follows_the_pixels_per_point() {
        // The outermost vertex of a dot lies half a physical pixel outside its edge.
        let outer = |ppp: f32| {
            let mut mesh = Mesh::default();
            let shape = dot_shape(pos2(0.0, 0.0), theme::DOT_RADIUS, Color32::RED, Stroke::new(1.0, Color32::WHITE));
            Paint { pixels_per_point: ppp, ..paint() }.tessellator().tessellate_shape(shape, &mut mesh);
            mesh.vertices.iter().map(|v| v.pos.to_vec2().length()).fold(0.0_f32, f32::max)
        };
        // The feather is one physical pixel: half a point wide at 2 pixels per point, a
        // whole point at 1, so the outer edge moves in by a quarter point (times the
        // corner's miter, 1/cos 15°).
        let moved = outer(1.0) - outer(2.0);
        assert!((moved - 0.25 / (std::f32::consts::PI / 12.0).cos()).abs() < 0.01, "{moved}");
        assert!(outer(1.0) > theme::DOT_RADIUS + 0.5, "the ring is outside the dot");
    }
}
