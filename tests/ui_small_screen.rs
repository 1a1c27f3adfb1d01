//! The meeting screen on a 1366×768 laptop: every main control is still on screen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::ui::KalibrerApp;

#[test]
fn the_main_controls_fit_on_1366_by_768() {
    let session = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    let first = session.managers[0].name.clone();
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, session.clone(), None));
    h.run();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1366.0, 768.0));
    for label in ["Filer", "Tilpas til puljen", "Præsentation (F5)", "Søg:"] {
        let node = h.get_by_label(label);
        let r = node.rect();
        assert!(screen.contains_rect(r), "{label} is off screen: {r:?}");
    }
    h.set_render_cursor(false);
    h.snapshot("meeting_screen_1366x768");
    // The table, the lanes and the focus card are all reachable: selecting by clicking works.
    h.get_all_by_label(&first).last().unwrap().click();
    h.run();
    assert_eq!(h.state().meeting.view.selected, Some(0));
}
