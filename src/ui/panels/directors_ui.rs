//! The *Pr. direktør* view in place of the lanes: one row per proposing director, their
//! managers as dots at their position in their level's band (0–100 %, so every level
//! compares on one axis), and per director n, mean position, indeks, the sum proposed →
//! the sum now, how many went up, down or stayed, and the leniency flag's sentence when
//! flagged. Also the toggle between the lanes and this view (key R).

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, pos2, vec2};
use rust_decimal::Decimal;

use crate::engine::director_ledger::LedgerLine;
use crate::engine::directors::{DirectorStats, Tally, sentence};
use crate::model::money::{format_kr, format_number};

use crate::ui::command::Command;
use crate::ui::panels::directors_ledger_ui::ledger_ui;
use crate::ui::state::derived::Data;
use crate::ui::state::directors::{DirectorsView, Placed, STRIP_BINS, axis_fraction};
use crate::ui::state::dot_stack::stack_offsets;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Height of the axis labels under the rows.
const AXIS_HEIGHT: f32 = 30.0;

/// The smallest vertical step between stacked dots, used when a row is too low for a whole
/// diameter (the rows at 1366×768 in normal mode are about 37 points): dots then overlap
/// by up to half, but each centre, where the dot is hovered and clicked, stays more than
/// a radius off its neighbour's.
pub const MIN_STACK_STEP: f32 = theme::DOT_RADIUS + 2.0;

/// The toggle between the lanes and the per-director view, at the right end of the
/// legend row under what was just drawn in `ui`.
pub fn toggle_ui(ui: &mut egui::Ui, view: &ViewState, out: &mut Vec<Command>) {
    let whole = ui.min_rect();
    let width = theme::VIEW_TOGGLE_WIDTH;
    let rect = Rect::from_min_max(
        pos2(whole.right() - width, whole.bottom() - theme::LEGEND_HEIGHT),
        pos2(whole.right() - 4.0, whole.bottom()),
    );
    let text = if view.by_director { "Spænd (R)" } else { "Pr. direktør (R)" };
    let button = egui::Button::new(egui::RichText::new(text).size(theme::LEGEND_SIZE)).selected(view.by_director);
    if ui.put(rect, button).on_hover_text("Skift mellem spændene og lederne pr. direktør (tast R)").clicked() {
        out.push(Command::ToggleByDirector);
    }
}

/// A share 0–1 as whole percent: "62 %".
fn percent(share: Decimal) -> String {
    format!("{} %", (share * Decimal::ONE_HUNDRED).round())
}

/// Draws the view in the lanes' place (the same height, so nothing else moves): a row per
/// director, the axis, and the total row with every manager's largest changes.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, dv: &DirectorsView, view: &ViewState, out: &mut Vec<Command>) {
    let levels = data.session.levels.len().max(1);
    let roomy = view.presentation && !view.presentation_table;
    let lane_height = theme::lane_height(ui.ctx().content_rect().height(), levels, roomy);
    let size = vec2(ui.available_width(), lane_height * levels as f32 + AXIS_HEIGHT + theme::LEGEND_HEIGHT);
    let (whole, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(whole);
    let body = theme::body_size(ui.style());
    let small = (body * 0.8).max(theme::LEGEND_SIZE);
    let text = ui.visuals().text_color();
    let directors = &dv.report.directors;
    if directors.is_empty() {
        painter.text(
            whole.center(),
            Align2::CENTER_CENTER,
            "Ingen direktører med ledere i sessionen",
            FontId::proportional(body),
            theme::MUTED,
        );
        return;
    }
    // The directors' rows and the total row share the height left by the axis and legend.
    let row_height = (whole.height() - AXIS_HEIGHT - theme::LEGEND_HEIGHT) / (directors.len() + 1) as f32;
    let rows_rect = Rect::from_min_size(whole.min, vec2(whole.width(), row_height * directors.len() as f32));
    let label_width = (theme::LANE_LABEL_WIDTH + 70.0).min(whole.width() * 0.22);
    let ledger_left = whole.right() - whole.width() * 0.28;
    let stats_left = ledger_left - (body * 14.5).min(whole.width() * 0.24);
    let left = whole.left() + label_width;
    let right = stats_left - 12.0;
    let x = |p: f32| left + axis_fraction(p) * (right - left);
    // The band 0–100 % and its grid.
    let band = Rect::from_x_y_ranges(x(0.0)..=x(1.0), rows_rect.y_range());
    painter.rect_filled(band, 0.0, theme::STRIPE_BG);
    for (p, label) in [(0.0, "0 %"), (0.5, "50 %"), (1.0, "100 %")] {
        painter
            .line_segment([pos2(x(p), rows_rect.top()), pos2(x(p), rows_rect.bottom())], Stroke::new(1.0, theme::GRID));
        painter.text(
            pos2(x(p), rows_rect.bottom() + 2.0),
            Align2::CENTER_TOP,
            label,
            FontId::proportional(small),
            text,
        );
    }
    painter.text(
        pos2(whole.left() + 6.0, rows_rect.bottom() + 2.0),
        Align2::LEFT_TOP,
        "Placering i niveauets spænd:",
        FontId::proportional(small),
        theme::MUTED,
    );
    let columns = Columns { stats: stats_left, ledger: ledger_left, body, small, text };
    for (k, (d, placed)) in directors.iter().zip(&dv.placed).enumerate() {
        let top = rows_rect.top() + k as f32 * row_height;
        let row = Rect::from_min_max(pos2(whole.left(), top), pos2(whole.right(), top + row_height));
        if k > 0 {
            painter.line_segment([row.left_top(), row.right_top()], Stroke::new(1.0, theme::GRID));
        }
        let name = view.display_name_of(&d.name);
        // The row as one text for screen readers (and the tests).
        let row_text = row_summary(d, &name);
        let response = ui.interact(row, ui.scope_id().with(("director_row", k)), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, row_text.clone()));
        label(&painter, &name, &facts(d), row, body, small, text);
        columns.draw(ui, data, view, &d.tally, dv.ledgers.get(k).map_or(&[], Vec::as_slice), row);
        let flagged = d.test.as_ref().is_some_and(|t| t.flag.is_some());
        let sentence_galley =
            flagged.then(|| painter.layout_no_wrap(sentence(d, &name), FontId::proportional(small), theme::WARNING));
        let sentence_top = sentence_galley.as_ref().map_or(row.bottom(), |g| row.bottom() - 2.0 - g.size().y);
        let dot_y = if flagged { row.top() + row.height() * 0.38 } else { row.center().y };
        if let Some(mean) = d.mean_band_position.and_then(|m| rust_decimal::prelude::ToPrimitive::to_f32(&m)) {
            let mx = x(mean);
            painter.line_segment([pos2(mx, row.top() + 3.0), pos2(mx, row.bottom() - 3.0)], Stroke::new(2.5, text));
        }
        match placed {
            Placed::Dots(dots) => {
                // Dots at (nearly) one position are stacked, each keeping its hover and click.
                let r = theme::DOT_RADIUS;
                // (A stacked dot may touch the row's rule by a point: a row of the demo in F5
                // at 1366×768 is 46 points, three dots 3 × 16.)
                let room = (dot_y - row.top()).min(sentence_top - dot_y) - r + 1.0;
                let xs: Vec<f32> = dots.iter().map(|&(_, p)| x(p)).collect();
                // A diameter and the white rims apart, so stacked dots do not touch; in a
                // low row less, down to MIN_STACK_STEP (a slot either side at least).
                let step = room.clamp(MIN_STACK_STEP, 2.0 * r + 2.0);
                let offsets = stack_offsets(&xs, step, room.max(step));
                for ((&(i, _), &dx), &dy) in dots.iter().zip(&xs).zip(&offsets) {
                    dot_ui(ui, &painter, data, view, i, pos2(dx, dot_y + dy), out);
                }
            }
            Placed::Strip(bins) => strip(&painter, bins, left, right, dot_y, row_height),
        }
        if let Some(galley) = sentence_galley {
            // On a plain ground, so that the dots' mean line does not cross the words.
            let at = pos2(left + 4.0, sentence_top);
            painter.rect_filled(Rect::from_min_size(at, galley.size()).expand(2.0), 2.0, theme::PANEL_BG);
            painter.galley(at, galley, theme::WARNING);
        }
    }
    // The total row, under the axis.
    let top = rows_rect.bottom() + AXIS_HEIGHT;
    let row = Rect::from_min_max(pos2(whole.left(), top), pos2(whole.right(), top + row_height));
    painter.line_segment([row.left_top(), row.right_top()], Stroke::new(1.0, theme::GRID));
    let total = &dv.report.total;
    let response = ui.interact(row, ui.scope_id().with("director_total_row"), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, total_summary(total)));
    label(&painter, "Alle", &format!("n = {}", total.n), row, body, small, text);
    columns.draw(ui, data, view, total, &dv.total_ledger, row);
}

/// The right-hand columns of a row: the sums and moves, and the largest changes.
struct Columns {
    stats: f32,
    ledger: f32,
    body: f32,
    small: f32,
    text: Color32,
}

impl Columns {
    fn draw(&self, ui: &egui::Ui, data: Data<'_>, view: &ViewState, t: &Tally, lines: &[LedgerLine], row: Rect) {
        let painter = ui.painter_at(Rect::from_x_y_ranges(self.stats..=self.ledger - 8.0, row.y_range()));
        stats(&painter, t, row, self.stats, self.body, self.small, self.text);
        // Without proposals there is nothing the meeting could have changed from.
        if t.without_proposal < t.n {
            let rect = Rect::from_x_y_ranges(self.ledger..=row.right() - 4.0, row.y_range());
            ledger_ui(ui, data.session, view, lines, rect, self.small);
        }
    }
}

/// The proposals against the amounts: "157.000 → 158.000 kr. · ↑ 1 ↓ 1 = 2".
fn tally_parts(t: &Tally) -> Vec<String> {
    if t.without_proposal < t.n {
        vec![format!("{} → {}", format_number(t.proposal_sum), format_kr(t.amount_sum)), moves(t)]
    } else {
        vec!["ingen forslag".into()]
    }
}

/// "↑ 1 ↓ 1 = 2".
fn moves(t: &Tally) -> String {
    format!("↑ {} ↓ {} = {}", t.up, t.down, t.unchanged)
}

/// The total row for screen readers: "Alle: n = 28 · 1.565.000 → 1.565.000 kr. · ↑ 3 ↓ 5 = 20".
fn total_summary(t: &Tally) -> String {
    let mut parts = vec![format!("n = {}", t.n)];
    parts.extend(tally_parts(t));
    format!("Alle: {}", parts.join(" · "))
}

/// "n = 4 · Ø 48 % · indeks 90".
fn facts(d: &DirectorStats) -> String {
    let mut facts = vec![format!("n = {}", d.tally.n)];
    facts.extend(d.mean_band_position.map(|m| format!("Ø {}", percent(m))));
    facts.extend(d.indeks.map(|i| format!("indeks {}", i.round())));
    facts.join(" · ")
}

/// "Jonas Riis Thomsen: n = 4 · Ø 48 % · indeks 90 · 157.000 → 158.000 kr. · ↑ 1 ↓ 1 = 2",
/// and the flag's sentence when flagged.
fn row_summary(d: &DirectorStats, name: &str) -> String {
    let mut parts = vec![facts(d)];
    parts.extend(tally_parts(&d.tally));
    if d.test.as_ref().is_some_and(|t| t.flag.is_some()) {
        parts.push(sentence(d, name));
    }
    format!("{name}: {}", parts.join(" · "))
}

/// The row's name and facts (n, mean position, indeks).
fn label(painter: &egui::Painter, name: &str, facts: &str, row: Rect, body: f32, small: f32, text: Color32) {
    let x = row.left() + 6.0;
    painter.text(
        pos2(x, row.center().y - 1.0),
        Align2::LEFT_BOTTOM,
        name,
        FontId::new(body, theme::bold_family()),
        text,
    );
    painter.text(pos2(x, row.center().y + 1.0), Align2::LEFT_TOP, facts, FontId::proportional(small), text);
}

/// The sum proposed → the sum now, and up / down / unchanged.
fn stats(painter: &egui::Painter, t: &Tally, row: Rect, x: f32, body: f32, small: f32, text: Color32) {
    if t.without_proposal == t.n {
        let at = pos2(x, row.center().y);
        painter.text(at, Align2::LEFT_CENTER, "ingen forslag", FontId::proportional(small), theme::MUTED);
        return;
    }
    let sums = format!("{} → {}", format_number(t.proposal_sum), format_kr(t.amount_sum));
    painter.text(pos2(x, row.center().y - 1.0), Align2::LEFT_BOTTOM, sums, FontId::proportional(body), text);
    let mut moves = format!("↑ {}  ↓ {}  = {}", t.up, t.down, t.unchanged);
    if t.without_proposal > 0 {
        moves.push_str(&format!(" · {} uden forslag", t.without_proposal));
    }
    painter.text(pos2(x, row.center().y + 1.0), Align2::LEFT_TOP, moves, FontId::proportional(small), text);
}

/// One manager's dot: level colour, the selection ringed; click selects, Ctrl+click
/// compares, hover names.
fn dot_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    data: Data<'_>,
    view: &ViewState,
    i: usize,
    p: egui::Pos2,
    out: &mut Vec<Command>,
) {
    let level = data.eval.level_of.get(i).copied().flatten();
    let color = theme::level_color(level.and_then(|l| data.derived.level_rank_pos.get(l)).copied().unwrap_or(0));
    let r = theme::DOT_RADIUS;
    painter.circle(p, r, color, Stroke::new(1.0, Color32::WHITE));
    if view.selected == Some(i) {
        painter.circle_stroke(p, r + 3.0, Stroke::new(2.5, theme::SELECTED));
    }
    let response = ui.interact(
        Rect::from_center_size(p, vec2(2.0 * r, 2.0 * r)),
        ui.scope_id().with(("director_dot", i)),
        Sense::click(),
    );
    if response.hovered() {
        let m = &data.session.managers[i];
        let amount = data.eval.amounts.get(i).map_or(String::new(), |a| format!(" · {}", format_kr(a.amount)));
        response.clone().on_hover_text(format!("{}{amount}", view.display_name(m)));
    }
    let name = view.display_name(&data.session.managers[i]);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Prik: {name}")));
    if response.clicked() {
        // Ctrl+click adds the manager to Sammenlign (or takes them out), like in the table.
        let compare = ui.input(|inp| inp.modifiers.command);
        out.push(if compare { Command::CompareToggle(i) } else { Command::Select(Some(i)) });
    }
}

/// A director with many managers: a density strip of their positions.
fn strip(painter: &egui::Painter, bins: &[u32], left: f32, right: f32, y: f32, row_height: f32) {
    let max = bins.iter().copied().max().unwrap_or(0).max(1) as f32;
    let w = (right - left) / STRIP_BINS as f32;
    let h = (row_height * 0.5).max(6.0);
    for (c, &n) in bins.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let shade = (60.0 + 180.0 * (n as f32 / max)) as u8;
        let rect = Rect::from_min_size(pos2(left + c as f32 * w, y - h / 2.0), vec2(w.max(1.0), h));
        painter.rect_filled(rect, 0.0, Color32::from_rgba_unmultiplied(0x1F, 0x5F, 0xA8, shade));
    }
}
