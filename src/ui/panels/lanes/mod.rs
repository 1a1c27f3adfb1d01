//! The band lanes: one lane per level on a shared kr. axis, each band a bar, overlaps
//! shaded, every manager a draggable dot, inversions as lines, each level's mean marked;
//! one level can be zoomed to fill the lanes with its own axis; dense levels are density
//! strips whose bins can be hovered and clicked to filter the table; a pending proposal
//! shows as hollow dots with arrows; a legend explains the marks.

pub mod annotate;
pub mod geometry;
pub mod initials;
pub mod labels;
pub mod lane_label;
pub mod layout;
pub mod legend;
pub mod overlay;
pub mod reference;
pub mod shapes;
pub mod stacks;

use crate::document::Edit;

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, pos2, vec2};
use rust_decimal::Decimal;

use crate::model::money::{format_kr, format_number};

use std::sync::Arc;

use crate::ui::command::Command;
use crate::ui::state::axis::KrAxis;
use crate::ui::state::derived::Data;
use crate::ui::state::view::{AmountRange, ViewState};
use crate::ui::theme;
use layout::{LanesLayout, STRIP_BIN, Strip};

/// Draws the lanes and turns clicks and drags into commands.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let session = data.session;
    let order: Vec<usize> = session.levels_by_rank().into_iter().rev().collect();
    let zoom = view.zoom.filter(|&l| l < session.levels.len());
    let roomy = view.presentation && !view.presentation_table;
    let lane_height = theme::lane_height(ui.ctx().content_rect().height(), order.len(), roomy);
    // Presenting, the labels' two lines of body text need their height.
    let lane_height = if view.presentation { lane_height.max(theme::PRESENTATION_LANE_MIN) } else { lane_height };
    let lanes_height = lane_height * order.len() as f32;
    let size = vec2(ui.available_width(), lanes_height + 30.0 + theme::LEGEND_HEIGHT);
    let (whole, _) = ui.allocate_exact_size(size, Sense::hover());
    let (rect, legend) = whole.split_top_bottom_at_y(whole.bottom() - theme::LEGEND_HEIGHT);
    let painter = ui.painter_at(rect);
    let lanes: Vec<(usize, Rect)> = match zoom {
        Some(level) => vec![(level, Rect::from_min_size(rect.min, vec2(rect.width(), lanes_height)))],
        None => order
            .iter()
            .enumerate()
            .map(|(pos, &li)| {
                let top = rect.top() + pos as f32 * lane_height;
                (li, Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), top + lane_height)))
            })
            .collect(),
    };
    let shown: Vec<usize> = lanes.iter().map(|&(li, _)| li).collect();
    let label_width = lane_label::column_width(ui.ctx(), data, &shown, view.presentation, rect.width());
    let layout = LanesLayout::get(ui, data, (rect, label_width), &lanes, zoom, view.pending.as_ref());
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
        lane_label::paint(&painter, data, li, lane, label_width, view.presentation);
        let number = order.iter().position(|&l| l == li).map_or(0, |p| p + 1);
        label_ui(ui, data, li, (lane, label_width), number, zoom.is_some(), out);
    }
    crate::ui::panels::lanes::reference::ui(&painter, &axis, data, view, &lanes);
    // Dots, density strips, inversion lines, ghosts and proposal arrows, cached.
    painter.add(egui::Shape::mesh(Arc::clone(&layout.mesh)));
    for strip in &layout.strips {
        strip_ui(ui, &painter, data, &axis, strip, out);
    }
    // The selected manager in a dense level has no dot of its own: give them one, with
    // their inversion lines.
    let extra = view.selected.filter(|&s| layout.dot_pos.get(s) == Some(&None)).and_then(|sel| {
        let level = data.eval.level_of.get(sel).copied().flatten();
        let &(_, lane) = lanes.iter().find(|(l, _)| Some(*l) == level)?;
        Some((sel, pos2(axis.x(data.eval.amounts[sel].amount), lane.center().y)))
    });
    if let Some((sel, p)) = extra {
        for inv in data.eval.inversions.iter().filter(|v| v.lower_manager == sel || v.higher_manager == sel) {
            let other = if inv.lower_manager == sel { inv.higher_manager } else { inv.lower_manager };
            if let Some(Some(q)) = layout.dot_pos.get(other) {
                painter.line_segment([p, *q], Stroke::new(2.0, theme::ERROR));
            }
        }
    }
    // The selected manager's label goes right of the lane labels; initials it would
    // cover are left out.
    let selected_pos = view.selected.and_then(|s| layout.dot_pos.get(s).copied().flatten().or(extra.map(|e| e.1)));
    let bounds =
        Rect::from_x_y_ranges(rect.left() + label_width - 8.0..=rect.right(), rect.top()..=rect.top() + lanes_height);
    let selected_label = view.selected.zip(selected_pos).map(|(s, p)| {
        let text = format!("{} · {}", view.display_name(&session.managers[s]), format_kr(data.eval.amounts[s].amount));
        // The means' marks and the other managers' dots: a place that covers none is
        // taken first, otherwise the one that covers the fewest.
        let mut marks: Vec<Rect> =
            lanes.iter().flat_map(|&(li, lane)| annotate::mean_mark(data, &axis, li, lane)).collect();
        marks.extend(layout.dots.iter().filter(|&&(i, _)| i != s).map(|&(_, q)| annotate::dot_rect(q)));
        overlay::selected_label(&painter, text, (p, &marks), bounds)
    });
    let covered = |r: &Rect| selected_label.as_ref().is_some_and(|(_, l)| l.intersects(*r));
    let font = FontId::proportional(theme::INITIALS_SIZE);
    for label in layout.labels.iter().filter(|l| !covered(&l.rect)) {
        painter.text(label.rect.center_top(), Align2::CENTER_TOP, &label.text, font.clone(), Color32::BLACK);
    }
    let step = session.policies.rounding_step;
    for &(i, p) in layout.dots.iter().chain(extra.iter()) {
        let label = layout.labels.iter().find(|l| l.manager == i && !covered(&l.rect)).map(|l| l.text.as_str());
        dot_ui(ui, &painter, data, view, (&axis, step), (i, p, label), out);
    }
    for more in &layout.more {
        overlay::more_ui(ui, &painter, data, more, out);
    }
    if let Some((galley, r)) = selected_label {
        overlay::describe_selected(ui, galley.text(), r);
        overlay::paint_selected(&painter, galley, r);
    }
    // The legend leaves room for the view toggle at its right end.
    let legend = legend.with_max_x(legend.right() - theme::VIEW_TOGGLE_WIDTH);
    crate::ui::panels::lanes::legend::ui(&ui.painter_at(legend), legend, view.pending.is_some());
}

/// The lane's label as a button: click (or the lane's number key) to zoom in on the level,
/// again (or 0 / Escape) to see all levels.
fn label_ui(
    ui: &egui::Ui,
    data: Data<'_>,
    li: usize,
    (lane, width): (Rect, f32),
    number: usize,
    zoomed: bool,
    out: &mut Vec<Command>,
) {
    let name = &data.session.levels[li].name;
    let area = Rect::from_min_max(
        pos2(lane.left() + 2.0, lane.top() + 2.0),
        pos2(lane.left() + width - 8.0, lane.bottom() - 2.0),
    );
    let response = ui.interact(area, ui.scope_id().with(("lane_label", li)), Sense::click());
    let label = if zoomed { format!("Zoom ud fra {name}") } else { format!("Zoom ind på {name}") };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone()));
    if response.hovered() {
        ui.painter().rect_stroke(area, 4.0, Stroke::new(1.0, theme::MUTED), egui::StrokeKind::Inside);
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    let hint = if zoomed {
        "Klik, tast 0 eller Esc for at se alle niveauer".to_string()
    } else {
        format!("Klik eller tast {number} for kun at vise {name} med sin egen akse")
    };
    if response.on_hover_text(hint).clicked() {
        out.push(Command::ZoomLevel(if zoomed { None } else { Some(li) }));
    }
}

/// The lane's grid line, the band bar and the level's mean.
fn draw_lane_background(painter: &egui::Painter, axis: &KrAxis, data: Data<'_>, li: usize, lane: Rect, color: Color32) {
    let level = &data.session.levels[li];
    let stats = data.eval.stats.of_level(&level.id);
    painter.line_segment([lane.left_bottom(), lane.right_bottom()], Stroke::new(1.0, theme::GRID));
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

/// A density strip: hovering a bin tells how many and which amounts, clicking it filters
/// the table to them. One widget per strip, whatever the number of managers.
fn strip_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    data: Data<'_>,
    axis: &KrAxis,
    strip: &Strip,
    out: &mut Vec<Command>,
) {
    let area = Rect::from_x_y_ranges(axis.left..=axis.right + STRIP_BIN, strip.lane.y_range());
    let response = ui.interact(area, ui.scope_id().with(("strip", strip.level)), Sense::click());
    let name = &data.session.levels[strip.level].name;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Tæthed: {name}")));
    let Some((bin, rect)) = response.hover_pos().and_then(|p| strip.bin_at(axis, p.x)) else {
        return;
    };
    painter.rect_filled(rect, 0.0, theme::STRIP_HOVER);
    ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    let noun = if bin.count == 1 { "leder" } else { "ledere" };
    let range = if bin.min == bin.max {
        format_kr(bin.min)
    } else {
        format!("{}–{}", format_number(bin.min), format_kr(bin.max))
    };
    let text = format!("{} {noun}: {range}", bin.count);
    egui::Tooltip::always_open(ui.ctx().clone(), ui.layer_id(), response.id, egui::PopupAnchor::Pointer).show(|ui| {
        ui.label(text);
        ui.label(egui::RichText::new("Klik: vis dem i tabellen").small());
    });
    if response.clicked() {
        out.push(Command::FilterAmount(Some(AmountRange {
            level: strip.level,
            min: bin.min,
            max: bin.max,
            count: bin.count,
        })));
    }
}

/// One manager's dot: drawing, hover, click to select, drag to change the amount.
/// `label` is the initials shown beside the dot (its accessible value).
fn dot_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    data: Data<'_>,
    view: &ViewState,
    (axis, step): (&KrAxis, Decimal),
    (i, p, label): (usize, Pos2, Option<&str>),
    out: &mut Vec<Command>,
) {
    let m = &data.session.managers[i];
    let amount = data.eval.amounts[i].amount;
    // Built only when needed: a dense lane has hundreds of dots each frame.
    let name = || view.display_name(m);
    let hit = Rect::from_center_size(p, vec2(theme::DOT_RADIUS * 2.0 + 6.0, theme::DOT_RADIUS * 2.0 + 6.0));
    let response = ui.interact(hit, ui.scope_id().with(("dot", i)), Sense::click_and_drag());
    // A dot that can be dragged is a slider for screen readers; a locked manager's, or in a
    // prep another director's, only selects: a button.
    let movable = !m.locked && data.may_edit_fields(i);
    let role = if movable { egui::Role::Slider } else { egui::Role::Button };
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(role, true, format!("{}: {}", name(), format_kr(amount)));
        info.current_text_value = label.map(str::to_string);
        info
    });
    let selected = view.selected == Some(i);
    let li = data.eval.level_of[i].unwrap_or(0);
    let color = theme::level_color(data.derived.level_rank_pos.get(li).copied().unwrap_or(0));
    let r = if selected || response.hovered() { theme::DOT_RADIUS + 2.0 } else { theme::DOT_RADIUS };
    let in_mesh = data.eval.level_of[i].is_some() && !selected && !response.hovered();
    if !in_mesh {
        // Drawn on top of the cached mesh: enlarged when hovered or selected, with last
        // year's amount as a ghost (the zoomed level has its ghosts in the mesh).
        let last = data.eval.metrics.get(i).and_then(|x| x.last_year);
        if let Some(last) = last.filter(|_| view.zoom != Some(li)) {
            let mut shapes = Vec::new();
            layout::ghost_shapes(&mut shapes, p, pos2(axis.x(last), p.y), color);
            painter.extend(shapes);
        }
        painter.add(layout::dot_shape(p, r, color, layout::ring_of(data, i)));
    }
    if selected {
        painter.circle_stroke(p, r + 3.0, Stroke::new(2.5, theme::SELECTED));
    }
    if response.hovered() && !response.dragged() {
        let last = data.eval.metrics.get(i).and_then(|x| x.last_year);
        let last = last.map_or_else(String::new, |l| format!("\nSidste år {}", format_kr(l)));
        let text = format!("{}\n{} · {}{last}", name(), m.unit, format_kr(amount));
        egui::Tooltip::always_open(ui.ctx().clone(), ui.layer_id(), response.id, egui::PopupAnchor::Pointer)
            .show(|ui| ui.label(text));
    }
    // Ctrl (Cmd) + click adds the manager to Sammenlign (or takes them out), as in the table.
    let compare = ui.input(|inp| inp.modifiers.command);
    if response.clicked() && compare {
        out.push(Command::CompareToggle(i));
    } else if response.clicked() || (response.drag_started() && !compare) {
        out.push(Command::Select(Some(i)));
    }
    if response.dragged()
        && movable
        && !compare
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
