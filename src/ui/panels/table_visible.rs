//! Which of the table's rows the last frame showed whole, so that stepping to a manager
//! scrolls the table only when the row is out of sight: a scroll is an animation of
//! several frames, and centring a row already in view moved the table on every step.

use std::ops::RangeInclusive;

/// The rows drawn, for which list of rows (its address) and table height.
#[derive(Clone, PartialEq)]
struct Shown {
    rows: RangeInclusive<usize>,
    list: usize,
    height: u32,
}

fn key() -> egui::Id {
    egui::Id::unique("managers_table_visible_rows")
}

/// Whether row `row` of `list` was out of sight (or partly) in the last frame the table
/// was drawn with the same rows and `height`; true when that is not known.
pub fn out_of_sight<T>(ui: &egui::Ui, list: &std::sync::Arc<T>, height: f32, row: usize) -> bool {
    let shown = ui.data(|d| d.get_temp::<Shown>(key()));
    let same = |s: &Shown| s.list == std::sync::Arc::as_ptr(list) as usize && s.height == height.round() as u32;
    // The first and last row drawn may be cut by the table's edge.
    shown.filter(same).is_none_or(|s| row <= *s.rows.start() || row >= *s.rows.end())
}

/// Remembers the rows drawn in this frame (the virtual table draws only what it shows).
pub fn remember<T>(ui: &egui::Ui, list: &std::sync::Arc<T>, height: f32, drawn: Option<RangeInclusive<usize>>) {
    match drawn {
        Some(rows) => {
            let shown = Shown { rows, list: std::sync::Arc::as_ptr(list) as usize, height: height.round() as u32 };
            ui.data_mut(|d| d.insert_temp(key(), shown));
        }
        None => ui.data_mut(|d| d.remove::<Shown>(key())),
    }
}
