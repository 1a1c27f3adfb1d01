//! The meeting screen on a 1366×768 laptop: the table cannot show every row at once, so
//! going through the agenda with the keys must bring each selected manager's row into
//! view. (Which controls fit at this size is `ui_layout.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::kittest::Queryable;

#[test]
fn going_through_the_agenda_on_1366_by_768_keeps_the_selected_row_on_screen() {
    let session = common::demo();
    let n = session.managers.len();
    let mut h = common::app_harness(session, [1366.0, 768.0]);
    let screen = h.ctx.content_rect().expand(0.5);
    let rows = h.query_all_by_label_contains("Beløb for ").filter(|r| screen.contains_rect(r.rect())).count();
    assert!(rows < n, "all {n} rows fit at 1366×768: nothing to scroll");
    let mut seen = std::collections::BTreeSet::new();
    for step in 0..n {
        h.key_press(egui::Key::PageDown);
        h.run();
        let i = h.state().meeting.view.selected.expect("PageDown selects the next on the agenda");
        seen.insert(i);
        let name = h.state().meeting.doc.session().managers[i].name.clone();
        let label = format!("Beløb for {name}");
        let cell = h.query_by_label(&label).unwrap_or_else(|| panic!("step {step}: the row of {name} is not drawn"));
        assert!(screen.contains_rect(cell.rect()), "step {step}: the row of {name} is off screen: {:?}", cell.rect());
    }
    assert_eq!(seen.len(), n, "the agenda went through every manager");
}
