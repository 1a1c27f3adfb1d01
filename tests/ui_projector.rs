//! Presentation mode for the room (issue 29): the spread with every figure of every level,
//! its headers and level names, fills the lower half at 1920×1080, 1366×768 and 1280×720
//! without scrolling; T switches to the table with the selected row in view; normal mode
//! keeps every spread column too.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::ui::KalibrerApp;

/// The spread's column headers, as laid out.
const HEADERS: [&str; 10] = ["Niveau", "n", "Min–maks", "Sd", "CV", "Gini", "Ens", "Ø spænd", "Δ år", "I spændet"];

fn harness(size: [f32; 2], presentation: bool) -> Harness<'static, KalibrerApp> {
    let mut h = common::app_harness(common::demo(), size);
    if presentation {
        h.key_press(Key::F5);
        h.run();
        h.run();
    }
    h
}

/// Asserts that the spread shows every header and every level's row, inside the window,
/// left of the findings, below the spread's heading.
fn every_column_of_every_level(h: &Harness<'_, KalibrerApp>, what: &str) {
    let screen = h.ctx.content_rect().expand(0.5);
    let heading = h.get_by_label("Spredning pr. niveau").rect();
    let findings = h.get_by_label_contains("Fund (").rect();
    let in_spread = |r: egui::Rect| r.top() >= heading.top() && r.left() >= heading.left() - 1.0;
    let mut right = 0.0_f32;
    let mut headers: Vec<egui::Rect> = Vec::new();
    for header in HEADERS {
        let r = h.query_all_by_label(header).map(|n| n.rect()).find(|r| in_spread(*r));
        let r = r.unwrap_or_else(|| panic!("{what}: no header «{header}» in the spread"));
        assert!(screen.contains_rect(r), "{what}: header «{header}» off screen: {r:?} of {screen:?}");
        assert!(r.height() < 40.0, "{what}: header «{header}» wraps: {r:?}");
        // Left to right, each whole: none runs into the next (a clipped or squeezed
        // column would overlap its neighbour), all on one line with the first.
        if let Some(previous) = headers.last() {
            assert!(
                previous.right() <= r.left() + 0.5,
                "{what}: «{header}» overlaps the header before: {previous:?} {r:?}"
            );
            assert!((previous.center().y - r.center().y).abs() < 4.0, "{what}: «{header}» is not on the header line");
        }
        headers.push(r);
        right = right.max(r.right());
    }
    // The first figure column ("n") starts right of every level name.
    let first_figure = headers[1].left();
    // The last column (the strip) is left of the findings panel (its text starts a margin
    // inside it): nothing runs under them or is clipped.
    let margin = 8.0;
    assert!(right <= findings.left() - margin, "{what}: the spread runs under the findings: {right} > {findings:?}");
    let session = common::demo();
    let mut names: Vec<String> = session.levels.iter().map(|l| l.name.clone()).collect();
    names.push("Alle".into());
    for name in names {
        let r = h.query_all_by_label(&name).map(|n| n.rect()).find(|r| in_spread(*r));
        let r = r.unwrap_or_else(|| panic!("{what}: no row «{name}» in the spread"));
        assert!(screen.contains_rect(r), "{what}: row «{name}» off screen: {r:?} of {screen:?}");
        // The whole name inside the panel: from its left edge to the "n" column.
        assert!(r.left() >= heading.left() - 1.0, "{what}: row «{name}» starts left of the panel: {r:?}");
        assert!(r.right() <= first_figure + 0.5, "{what}: row «{name}» runs into the n column: {r:?}");
        // Not clipped by the panel's margin at the bottom of the window.
        assert!(r.bottom() <= screen.bottom() - margin - 2.0, "{what}: row «{name}» clipped at the bottom: {r:?}");
    }
}

#[test]
fn presentation_mode_shows_every_spread_column_for_every_level_at_1920x1080() {
    every_column_of_every_level(&harness([1920.0, 1080.0], true), "1920×1080 præsentation");
}

#[test]
fn presentation_mode_shows_every_spread_column_for_every_level_at_1366x768() {
    every_column_of_every_level(&harness([1366.0, 768.0], true), "1366×768 præsentation");
}

#[test]
fn presentation_mode_shows_every_spread_column_for_every_level_at_1280x720() {
    every_column_of_every_level(&harness([1280.0, 720.0], true), "1280×720 præsentation");
}

#[test]
fn normal_mode_keeps_every_spread_column_at_1920x1080() {
    every_column_of_every_level(&harness([1920.0, 1080.0], false), "1920×1080 normal");
}

#[test]
fn normal_mode_keeps_every_spread_column_at_1366x768() {
    every_column_of_every_level(&harness([1366.0, 768.0], false), "1366×768 normal");
}

#[test]
fn normal_mode_keeps_every_spread_column_at_1280x720() {
    every_column_of_every_level(&harness([1280.0, 720.0], false), "1280×720 normal");
}

#[test]
fn t_switches_the_lower_half_to_the_table_with_the_selected_row_in_view() {
    let mut h = harness([1366.0, 768.0], false);
    // The last manager on the agenda: far down the table.
    for _ in 0..27 {
        h.key_press(Key::N);
    }
    h.run();
    let i = h.state().meeting.view.selected.expect("N selects");
    let name = h.state().meeting.doc.session().managers[i].name.clone();
    h.key_press(Key::F5);
    h.run();
    h.run();
    assert!(h.query_by_label("Spredning pr. niveau").is_some(), "F5 shows the spread");
    assert!(h.query_by_label(&format!("Beløb for {name}")).is_none(), "no table behind the spread");
    h.key_press(Key::T);
    h.run();
    h.run();
    assert!(h.state().meeting.view.presentation_table, "T switches the lower half");
    let cell = h.get_by_label(&format!("Beløb for {name}")).rect();
    let screen = h.ctx.content_rect();
    assert!(screen.contains_rect(cell), "the selected row is in view after T: {cell:?} of {screen:?}");
    // The lower half is the table's: no spread squeezed under it (it left three rows).
    assert!(h.query_by_label("Spredning pr. niveau").is_none(), "T shows the table instead of the spread");
    let rows = h.query_all_by_label_contains("Beløb for ").filter(|n| screen.contains_rect(n.rect())).count();
    assert!(rows >= 6, "{rows} rows of the table in view after T at 1366×768");
    h.key_press(Key::T);
    h.run();
    assert!(h.query_by_label(&format!("Beløb for {name}")).is_none(), "T again brings the spread back");
}

#[test]
fn in_presentation_mode_the_proposal_docks_below_the_lanes_never_over_them() {
    for size in [[1920.0, 1080.0], [1366.0, 768.0], [1280.0, 720.0]] {
        let mut h = harness(size, true);
        let ctx = h.ctx.clone();
        h.state_mut().run_command(&ctx, kalibrer::ui::command::Command::ProposeFitToPool);
        h.run();
        h.run();
        let screen = h.ctx.content_rect().expand(0.5);
        let title = h.get_by_label("Forslag: Tilpas til puljen").rect();
        // The lanes (their labels and every dot) lie above the proposal.
        let lanes: Vec<egui::Rect> = h.query_all_by_label_contains("Zoom ind på ").map(|n| n.rect()).collect();
        let bottom = lanes.iter().map(|r| r.bottom()).fold(0.0, f32::max);
        assert_eq!(lanes.len(), 4, "{size:?}: every lane on screen: {lanes:?}");
        assert!(title.top() >= bottom, "{size:?}: the proposal covers the lanes: {title:?} vs lanes to {bottom}");
        let accept = h.get_by_label("Acceptér forslaget").rect();
        assert!(screen.contains_rect(accept), "{size:?}: Acceptér off screen: {accept:?}");
        // Nothing dims or blocks the lanes: the hollow dots are seen, the keys still work.
        assert!(h.ctx.memory(|m| m.top_modal_layer().is_none()), "{size:?}: a modal lies over the lanes");
        h.get_by_label("Acceptér forslaget").click();
        h.run();
        assert!(h.state().meeting.view.pending.is_none(), "{size:?}: accepting from the docked proposal");
        assert_eq!(h.state().meeting.eval.pool.used, h.state().meeting.eval.pool.pool);
    }
}
