//! The table's *Spørgsmål* column: how many questions the other directors asked about a
//! manager before the meeting, the open ones emphasised; shown only in a session with
//! questions (`Derived::any_question`).

use egui::RichText;

use crate::model::Manager;
use crate::model::words::count;

use crate::ui::theme;

/// What the cell says for `total` questions of which `open` are open: empty for none,
/// "2" when all are open, "2 (1 åbent)" when some are, "2 ✔" when all are answered.
#[must_use]
pub fn cell_text(total: usize, open: usize) -> String {
    match (total, open) {
        (0, _) => String::new(),
        (t, 0) => format!("{t} ✔"),
        (t, o) if o == t => t.to_string(),
        (t, o) => format!("{t} ({})", count(o, "åbent", "åbne")),
    }
}

/// The accessible and hover text: "Spørgsmål til Frederik Lassen: 2 spørgsmål, 1 åbent".
#[must_use]
pub fn describe(name: &str, total: usize, open: usize) -> String {
    format!("Spørgsmål til {name}: {}, {}", count(total, "spørgsmål", "spørgsmål"), count(open, "åbent", "åbne"))
}

/// One cell: the count, strong in the warning colour while a question is
/// open, muted when all are answered; the hover text says how many are open.
pub fn cell_ui(ui: &mut egui::Ui, m: &Manager, name: &str) {
    let total = m.questions().count();
    if total == 0 {
        return;
    }
    let open = m.questions().filter(|v| !v.answered).count();
    let text = RichText::new(cell_text(total, open));
    let text = if open > 0 { text.strong().color(theme::WARNING) } else { text.color(theme::MUTED) };
    // Left-aligned like *Fund*: as the last column, right-aligned text would sit under
    // the table's scroll bar.
    let response = ui.label(text);
    let described = describe(name, total, open);
    // A label's accessible name is its value: say what the bare count means.
    ui.ctx().accesskit_node_builder(response.id, |b| b.set_value(described.clone()));
    response.on_hover_text(described);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cell_counts_questions_and_says_how_many_are_open() {
        assert_eq!(cell_text(0, 0), "");
        assert_eq!(cell_text(2, 2), "2");
        assert_eq!(cell_text(2, 1), "2 (1 åbent)");
        assert_eq!(cell_text(3, 2), "3 (2 åbne)");
        assert_eq!(cell_text(2, 0), "2 ✔");
        assert_eq!(describe("A B", 1, 0), "Spørgsmål til A B: 1 spørgsmål, 0 åbne");
    }
}
