//! The managers table's rows – which, in what order, cached per change – and the scroll
//! offset that shows one of them.

use rust_decimal::Decimal;

use crate::engine::proposals::proposed_amount;
use crate::ui::state::derived::Data;
use crate::ui::state::view::{SortColumn, ViewState};

/// One row of the table: a level heading or a manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Row {
    /// The heading of a level (index into `session.levels`).
    Level(usize),
    /// A manager (index into `session.managers`).
    Manager(usize),
}

/// What the rows were built for: the document's cache key, the filter and the sort.
type RowsKey = (u64, crate::ui::state::view::Filter, (SortColumn, bool));

/// The rows, rebuilt only when the document, the filter or the sort changed (filtering
/// and sorting thousands of managers every frame would cost the frame).
pub(crate) fn cached_rows(ui: &egui::Ui, data: Data<'_>, view: &ViewState) -> std::sync::Arc<Vec<Row>> {
    let id = egui::Id::unique("managers_table_rows");
    let key: RowsKey = (data.revision, view.filter.clone(), view.sort);
    let cached = ui.ctx().data(|d| d.get_temp::<(RowsKey, std::sync::Arc<Vec<Row>>)>(id));
    if let Some((k, rows)) = cached
        && k == key
    {
        return rows;
    }
    let rows = std::sync::Arc::new(rows(data, view));
    ui.ctx().data_mut(|d| d.insert_temp(id, (key, std::sync::Arc::clone(&rows))));
    rows
}

/// The table's rows: per level (highest rank first) a heading and its filtered, sorted managers.
fn rows(data: Data<'_>, view: &ViewState) -> Vec<Row> {
    let session = data.session;
    let mut out = Vec::with_capacity(session.managers.len() + session.levels.len());
    let mut by_level: Vec<Vec<usize>> = vec![Vec::new(); session.levels.len() + 1];
    for &i in &data.derived.agenda {
        if view.filter.matches(&session.managers[i])
            && view.filter.matches_amount(data.eval.level_of[i], data.eval.amounts[i].amount)
        {
            let li = data.eval.level_of[i].unwrap_or(session.levels.len());
            by_level[li].push(i);
        }
    }
    let mut order: Vec<usize> = session.levels_by_rank().into_iter().rev().collect();
    order.push(session.levels.len());
    for li in order {
        let members = &mut by_level[li];
        if members.is_empty() {
            continue;
        }
        sort(members, data, view.sort);
        if li < session.levels.len() {
            out.push(Row::Level(li));
        }
        out.extend(members.iter().map(|&i| Row::Manager(i)));
    }
    out
}

/// Sorts one level's managers by the chosen column (stable; agenda order breaks ties).
fn sort(members: &mut [usize], data: Data<'_>, (column, ascending): (SortColumn, bool)) {
    let eval = data.eval;
    let managers = &data.session.managers;
    let key = |i: usize| -> Option<Decimal> {
        match column {
            SortColumn::Formula => Some(eval.amounts[i].formula),
            SortColumn::Adjustment => Some(eval.amounts[i].adjustment),
            SortColumn::Amount => Some(eval.amounts[i].amount),
            SortColumn::LastYear => eval.metrics.get(i)?.last_year,
            SortColumn::Change => eval.metrics.get(i)?.change_vs_last,
            SortColumn::BandPosition => eval.metrics.get(i)?.band_position_percent,
            SortColumn::Findings => Some(Decimal::from(data.derived.count[i])),
            SortColumn::Proposal => proposed_amount(data.session, &managers[i]),
            SortColumn::ProposalDelta => proposal_delta(data, i),
            SortColumn::Questions => Some(Decimal::from(managers[i].questions().count())),
            _ => None,
        }
    };
    members.sort_by(|&a, &b| {
        let ord = match column {
            SortColumn::Agenda => data.derived.agenda_pos[a].cmp(&data.derived.agenda_pos[b]),
            SortColumn::Name => data.derived.name_rank[a].cmp(&data.derived.name_rank[b]),
            SortColumn::Unit => data.derived.unit_rank[a].cmp(&data.derived.unit_rank[b]),
            SortColumn::Status => managers[a].status.cmp(&managers[b].status),
            _ => key(a).cmp(&key(b)),
        };
        if ascending { ord } else { ord.reverse() }
    });
}

/// The meeting's change of manager `i`'s proposal: amount − proposed amount (None
/// without a proposed amount).
pub(crate) fn proposal_delta(data: Data<'_>, i: usize) -> Option<Decimal> {
    let proposed = proposed_amount(data.session, &data.session.managers[i])?;
    data.eval.amounts.get(i)?.amount.checked_sub(proposed)
}

/// Where the table keeps the largest scroll offset its last frame allowed.
const END_KEY: &str = "managers_table_scroll_end";

/// Distance from one row's top to the next: the row and egui's item spacing (egui_extras
/// lays the rows out so).
pub(crate) fn pitch(ui: &egui::Ui, row_height: f32) -> f32 {
    row_height + ui.spacing().item_spacing.y
}

/// The largest scroll offset of `rows` rows in a body `visible` high (the last row has no
/// spacing below it).
fn scroll_end(ui: &egui::Ui, rows: usize, row_height: f32, visible: f32) -> f32 {
    rows as f32 * pitch(ui, row_height) - ui.spacing().item_spacing.y - visible
}

/// Keeps the end egui's scrolling will take for the table's body `ui` in the next frame
/// (see [`centred_offset`]).
pub(crate) fn remember_end(ui: &egui::Ui, rows: usize, row_height: f32) {
    let end = scroll_end(ui, rows, row_height, ui.clip_rect().height());
    ui.data_mut(|d| d.insert_temp(egui::Id::unique(END_KEY), end));
}

/// The table's scroll offset that centres `row` of `rows` (clamped to the table's ends).
///
/// Set before the table is laid out, so the first frame after a step through the agenda
/// already shows the row where it ends up (issue 29): egui's `scroll_to_row` moves the
/// table at the end of the pass, animated or not, and asks for further frames – 3–5
/// painted frames per N or PageDown, each a whole frame for a software renderer. The
/// table's rows are all `row_height` high plus egui's item spacing.
pub(crate) fn centred_offset(ui: &egui::Ui, row: usize, rows: usize, row_height: f32) -> f32 {
    let pitch = pitch(ui, row_height);
    // The body's visible height: what is left below the header row.
    let visible = (ui.available_height() - (row_height + 2.0) - ui.spacing().item_spacing.y).max(pitch);
    // An offset past the table's end would make egui spring back over many frames – and
    // egui judges the end by the last frame's sizes, which differ when the layout just
    // changed (F5, T): the lower of both ends (a pixel short).
    let end = scroll_end(ui, rows, row_height, visible);
    let last_end = ui.data(|d| d.get_temp::<f32>(egui::Id::unique(END_KEY))).unwrap_or(end);
    let end = (end.min(last_end) - 1.0).max(0.0);
    (row as f32 * pitch - (visible - row_height) / 2.0).clamp(0.0, end)
}
