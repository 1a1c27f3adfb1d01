//! Issue 19: one painted frame per input. A key press or a click is carried out before the
//! frame is painted (shortcuts before drawing; a panel's command followed by
//! `request_discard`, so egui lays out again within the same frame): the first frame after
//! the input already shows its result, never a stale frame followed by a second one.
//! (Later frames may follow for animations such as scrolling the table to the selection.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::ui::KalibrerApp;

fn harness() -> Harness<'static, KalibrerApp> {
    let session = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).expect("demo parses");
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, session.clone(), None));
    h.run();
    h
}

#[test]
fn the_first_frame_after_a_key_press_shows_its_result() {
    let mut h = harness();
    let first = h.state().derived.agenda[0];
    let name = h.state().doc.session().managers[first].name.clone();
    let before = h.query_all_by_label(&name).count();
    h.key_press(Key::PageDown);
    h.step();
    let i = h.state().view.selected.expect("the first manager of the agenda is selected");
    assert_eq!(i, first);
    // The focus card's heading adds one label with the name.
    let shown = h.query_all_by_label(&name).count();
    assert_eq!(shown, before + 1, "the focus card shows {name} in the first frame");
    h.run();
    let before = h.state().eval.amounts[i].amount;
    h.key_press(Key::Plus);
    h.step();
    let step = h.state().doc.session().policies.rounding_step;
    let after = before + step;
    assert_eq!(h.state().eval.amounts[i].amount, after);
    let shown = kalibrer::model::money::format_kr(after);
    assert!(h.query_all_by_label_contains(&shown).next().is_some(), "{shown} is on screen in the first frame");
}

#[test]
fn the_first_frame_after_a_click_shows_its_result() {
    let mut h = harness();
    h.key_press(Key::PageDown);
    h.run();
    let i = h.state().view.selected.unwrap();
    h.get_by_label("Lås beløbet").click();
    h.step();
    assert!(h.state().doc.session().managers[i].locked);
    assert!(h.query_by_label("■ Låst").is_some(), "the button says locked in the first frame");
    assert!(h.query_by_label("Lås beløbet").is_none());
}

#[test]
fn a_click_paints_fewer_frames_than_before() {
    // Before: the click's frame, then a repaint for its result, then the settle frame (3).
    let mut h = harness();
    h.key_press(Key::PageDown);
    h.run();
    h.get_by_label("Lås beløbet").click();
    let frames = h.run();
    assert!(frames <= 2, "the click painted {frames} frames");
}

#[test]
fn nothing_repaints_when_nothing_happens() {
    let mut h = harness();
    let frames = h.run();
    assert!(frames <= 1, "an idle screen painted {frames} frames");
}
