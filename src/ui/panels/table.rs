//! The managers table: grouped by level, sortable by any column, filterable, virtual rows.

use egui::{Align, Layout, RichText, Sense};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use crate::engine::proposals::proposed_amount;
use crate::model::money::{format_number, format_signed_percent_fixed};

use crate::ui::command::Command;
use crate::ui::panels::table_rows::{Row, cached_rows, centred_offset, proposal_delta, remember_end};
use crate::ui::panels::table_stripes::Stripes;
use crate::ui::state::derived::Data;
use crate::ui::state::view::{SortColumn, ViewState};
use crate::ui::theme;
use crate::ui::widgets::{assessment_summary, band_bar_ui, findings_cell_ui, status_text};

/// A column of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    Unit,
    Assessment,
    Formula,
    Adjustment,
    Amount,
    Proposal,
    ProposalDelta,
    LastYear,
    Change,
    Band,
    Status,
    Findings,
    Questions,
}

/// The columns in display order: kind, header text, sort column, width at 16-point text.
const COLUMNS: [(Col, &str, SortColumn, f32); 14] = [
    (Col::Name, "Navn", SortColumn::Name, 220.0),
    (Col::Unit, "Enhed", SortColumn::Unit, 230.0),
    (Col::Assessment, "Vurdering", SortColumn::Agenda, 130.0),
    (Col::Formula, "Formel", SortColumn::Formula, 88.0),
    (Col::Adjustment, "Skøn", SortColumn::Adjustment, 84.0),
    (Col::Proposal, "Forslag", SortColumn::Proposal, 92.0),
    (Col::Amount, "Beløb", SortColumn::Amount, 100.0),
    (Col::ProposalDelta, "Δ forslag", SortColumn::ProposalDelta, 96.0),
    (Col::LastYear, "Sidste år", SortColumn::LastYear, 92.0),
    (Col::Change, "Ændring", SortColumn::Change, 82.0),
    (Col::Band, "I spænd", SortColumn::BandPosition, 84.0),
    (Col::Status, "Status", SortColumn::Status, 122.0),
    (Col::Findings, "Fund", SortColumn::Findings, 64.0),
    (Col::Questions, "Spørgsmål", SortColumn::Questions, 104.0),
];

/// Which columns give way first when the table is narrow: the last in this list first.
/// Name, amount, status and findings are always shown; questions only in a session with
/// questions.
const PRIORITY: [Col; 14] = [
    Col::Name,
    Col::Amount,
    Col::Status,
    Col::Findings,
    Col::Questions,
    Col::LastYear,
    Col::Change,
    Col::ProposalDelta,
    Col::Proposal,
    Col::Adjustment,
    Col::Formula,
    Col::Unit,
    Col::Band,
    Col::Assessment,
];

/// The narrowest name column, points at 16-point text.
const NAME_MIN: f32 = 170.0;

/// The columns shown in a table `width` points wide with body text `scale` times 16
/// points: in display order, with their widths (the name column takes what is left); the
/// questions column only when `questions` (some manager has a question).
fn visible_columns(width: f32, scale: f32, questions: bool) -> Vec<(Col, &'static str, SortColumn, f32)> {
    let spacing = 8.0;
    let mut used = NAME_MIN * scale + spacing;
    let mut shown = vec![Col::Name];
    for col in PRIORITY.iter().skip(1).filter(|c| questions || **c != Col::Questions) {
        let w = COLUMNS.iter().find(|c| c.0 == *col).map_or(0.0, |c| c.3) * scale + spacing;
        let always = matches!(col, Col::Amount | Col::Status | Col::Findings);
        if always || used + w <= width {
            used += w;
            shown.push(*col);
        }
    }
    COLUMNS.iter().filter(|c| shown.contains(&c.0)).map(|&(c, l, s, w)| (c, l, s, w * scale)).collect()
}

/// Draws the filters and the table.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &mut ViewState, out: &mut Vec<Command>) {
    // The room does not need the search row; it stays while a filter is on, so the table
    // never looks complete when it is not.
    if !view.presentation || view.filter != crate::ui::state::view::Filter::default() {
        crate::ui::panels::table_filter::ui(ui, data.session, view);
    }
    let rows = cached_rows(ui, data, view);
    let scroll_row = if view.scroll_to_selected {
        view.scroll_to_selected = false;
        rows.iter().position(|r| Some(*r) == view.selected.map(Row::Manager))
    } else {
        None
    };
    let row_height = theme::row_height(ui.style());
    let scale = row_height / theme::ROW_HEIGHT;
    let scroll_offset = scroll_row.map(|row| centred_offset(ui, row, rows.len(), row_height));
    let questions = data.derived.any_question;
    let columns = visible_columns(ui.available_width(), scale, questions);
    let striped = ui.visuals().striped;
    let mut table = TableBuilder::new(ui)
        .id_salt("managers")
        // Stripes are painted by `Stripes`: one rectangle per row instead of one per cell.
        .striped(false)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .min_scrolled_height(0.0);
    if let (Some(offset), Some(row)) = (scroll_offset, scroll_row) {
        // Where the layout changed since the last frame (F5, T, another window size) the
        // offset may not show the row: egui then scrolls it into view, without animation.
        // Where the row is in view already – every step through the agenda – egui moves
        // nothing and asks for no frame.
        table = table.vertical_scroll_offset(offset).scroll_to_row(row, None).animate_scrolling(false);
    }
    for &(col, _, _, width) in &columns {
        table = table.column(if col == Col::Name {
            Column::remainder().at_least(NAME_MIN * scale).clip(true)
        } else {
            Column::exact(width).clip(true)
        });
    }
    let kinds: Vec<Col> = columns.iter().map(|c| c.0).collect();
    table
        .header(row_height + 2.0, |mut header| {
            for &(_, label, column, _) in &columns {
                header.col(|ui| {
                    let arrow = match view.sort {
                        (c, true) if c == column && column != SortColumn::Agenda => " ▲",
                        (c, false) if c == column && column != SortColumn::Agenda => " ▼",
                        _ => "",
                    };
                    let button = egui::Button::new(RichText::new(format!("{label}{arrow}")).strong()).frame(false);
                    if ui.add(button).on_hover_text("Sortér").clicked() {
                        view.sort = if view.sort.0 == column { (column, !view.sort.1) } else { (column, true) };
                    }
                });
            }
        })
        .body(|mut body| {
            remember_end(body.ui_mut(), rows.len(), row_height);
            let stripes = striped.then(|| Stripes::new(&mut body, kinds.len(), row_height));
            body.rows(row_height, rows.len(), |mut row| {
                let stripe = stripes.as_ref().and_then(|s| s.reserve(row.index()));
                match rows[row.index()] {
                    Row::Level(li) => level_row(&mut row, data, &kinds, li),
                    Row::Manager(i) => manager_row(&mut row, data, view, &kinds, i, out),
                }
                if let (Some(stripes), Some(stripe)) = (&stripes, stripe) {
                    stripes.paint(stripe, row.index());
                }
            });
        });
}

/// A level heading row.
fn level_row(row: &mut egui_extras::TableRow<'_, '_>, data: Data<'_>, kinds: &[Col], li: usize) {
    let level = &data.session.levels[li];
    let color = theme::level_text_color(data.derived.level_rank_pos.get(li).copied().unwrap_or(0));
    let sum = data.eval.stats.of_level(&level.id);
    row.col(|ui| {
        ui.label(RichText::new(format!("■ {}", level.name)).color(color).strong());
    });
    row.col(|ui| {
        if let Some(s) = sum {
            let text = crate::model::words::managers(s.stats.n);
            ui.add(egui::Label::new(RichText::new(text).color(theme::MUTED)).extend());
        }
    });
    for _ in 2..kinds.len() {
        row.col(|_| {});
    }
}

/// A manager row: one cell per shown column.
fn manager_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    data: Data<'_>,
    view: &mut ViewState,
    kinds: &[Col],
    i: usize,
    out: &mut Vec<Command>,
) {
    let m = &data.session.managers[i];
    let a = &data.eval.amounts[i];
    let metrics = data.eval.metrics.get(i).cloned().unwrap_or_default();
    let selected = view.selected == Some(i);
    row.set_selected(selected);
    let name = view.display_name(m);
    for &col in kinds {
        match col {
            Col::Name => {
                row.col(|ui| {
                    let lock = if m.locked { " (låst)" } else { "" };
                    if ui.selectable_label(selected, RichText::new(format!("{name}{lock}")).strong()).clicked() {
                        out.push(click_command(ui, i));
                    }
                });
            }
            Col::Unit => {
                row.col(|ui| {
                    ui.label(&m.unit);
                });
            }
            Col::Assessment => {
                row.col(|ui| {
                    ui.label(assessment_summary(data.session, m, data.eval.level_of[i]));
                });
            }
            Col::Formula => right(row, format_number(a.formula), None),
            Col::Adjustment => {
                let adj_color = (!a.adjustment.is_zero()).then_some(
                    if m.adjustment.as_ref().is_some_and(|x| x.justification.trim().is_empty()) {
                        theme::ERROR
                    } else {
                        theme::INFO
                    },
                );
                let text = if a.adjustment.is_zero() { "–".into() } else { crate::ui::widgets::signed(a.adjustment) };
                right(row, text, adj_color);
            }
            Col::Amount => {
                row.col(|ui| amount_cell_ui(ui, data, view, &name, i, a.amount, out));
            }
            Col::Proposal => {
                let text = proposed_amount(data.session, m).map_or("–".into(), format_number);
                right(row, text, None);
            }
            Col::ProposalDelta => {
                let delta = proposal_delta(data, i);
                let color = delta.filter(|d| !d.is_zero()).map(|_| theme::PROPOSAL);
                right(row, delta.map_or("–".into(), crate::ui::widgets::signed), color);
            }
            Col::LastYear => right(row, metrics.last_year.map_or("–".into(), format_number), None),
            Col::Change => {
                let change = metrics.change_vs_last_percent.map_or("–".into(), |p| format_signed_percent_fixed(p, 1));
                let change_color =
                    metrics.change_vs_last.map(|c| if c < Decimal::ZERO { theme::WARNING } else { theme::OK });
                right(row, change, change_color);
            }
            Col::Band => {
                row.col(|ui| band_bar_ui(ui, metrics.band_position_percent));
            }
            Col::Status => {
                row.col(|ui| {
                    ui.label(status_text(m.status));
                });
            }
            Col::Findings => {
                row.col(|ui| findings_cell_ui(ui, data.derived.worst[i], data.derived.count[i]));
            }
            Col::Questions => {
                row.col(|ui| crate::ui::panels::table_questions::cell_ui(ui, m, &name));
            }
        }
    }
    if row.response().clicked() {
        out.push(click_command(&row.response().ctx, i));
    }
}

/// A click on manager `i`'s row: select, or with Ctrl (Cmd) add to or take out of the
/// comparison.
fn click_command(ctx: &egui::Context, i: usize) -> Command {
    if ctx.input(|inp| inp.modifiers.command) { Command::CompareToggle(i) } else { Command::Select(Some(i)) }
}

/// A right-aligned text cell.
fn right(row: &mut egui_extras::TableRow<'_, '_>, text: String, color: Option<egui::Color32>) {
    row.col(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let mut t = RichText::new(text);
            if let Some(c) = color {
                t = t.color(c).strong();
            }
            ui.label(t);
        });
    });
}

/// The editable amount cell: shows the amount; typing a Danish amount and Enter (or
/// leaving the cell) sets it; Escape cancels the edit and shows the amount again.
fn amount_cell_ui(
    ui: &mut egui::Ui,
    data: Data<'_>,
    view: &mut ViewState,
    name: &str,
    i: usize,
    amount: Decimal,
    out: &mut Vec<Command>,
) {
    let id = egui::Id::unique(("amount_cell", i));
    let editing = view.table_edit.as_ref().filter(|(j, _)| *j == i).map(|(_, t)| t.clone());
    let mut text = editing.unwrap_or_else(|| format_number(amount));
    // Another director's manager in a prep: the amount is shown, not editable.
    let editable = data.may_edit_fields(i);
    let response = ui.add_enabled(
        editable,
        egui::TextEdit::singleline(&mut text)
            .id(id)
            .desired_width(ui.available_width())
            .align(egui::Align2::RIGHT_CENTER)
            .font(egui::TextStyle::Body),
    );
    ui.ctx().accesskit_node_builder(response.id, |b| b.set_label(format!("Beløb for {name}")));
    if response.gained_focus() {
        out.push(Command::Select(Some(i)));
    }
    if editable && (response.has_focus() || response.changed()) {
        view.table_edit = Some((i, text.clone()));
    }
    if response.lost_focus() {
        view.table_edit = None;
        let cancelled = ui.input(|inp| inp.key_pressed(egui::Key::Escape));
        if editable && !cancelled && text != format_number(amount) {
            crate::ui::widgets::typed_amount(data, view, i, &text, out);
        }
    }
}
