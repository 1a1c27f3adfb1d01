//! The meeting screen at the three common screen sizes, normal and presentation mode:
//! every key label (pool, counts, progress, names, amounts, the table's name, amount,
//! status and findings columns) is on screen and on one line, and the presentation text
//! is large enough for the back row. Snapshots of all six are committed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::model::money::format_kr;
use kalibrer::ui::KalibrerApp;

#[test]
fn layout_1920x1080_normal() {
    check_layout(1920.0, 1080.0, false);
}

#[test]
fn layout_1920x1080_presentation() {
    check_layout(1920.0, 1080.0, true);
}

#[test]
fn layout_1366x768_normal() {
    check_layout(1366.0, 768.0, false);
}

#[test]
fn layout_1366x768_presentation() {
    check_layout(1366.0, 768.0, true);
}

#[test]
fn layout_1280x720_normal() {
    check_layout(1280.0, 720.0, false);
}

#[test]
fn layout_1280x720_presentation() {
    check_layout(1280.0, 720.0, true);
}

fn harness(width: f32, height: f32, presentation: bool) -> Harness<'static, KalibrerApp> {
    let session = common::demo();
    let mut h = common::app_harness(session, [width, height]);
    if presentation {
        h.key_press(egui::Key::F5);
        h.run();
    }
    // The second manager on the agenda is under discussion.
    h.key_press(egui::Key::N);
    h.key_press(egui::Key::N);
    h.run();
    h
}

/// Asserts that the node labelled `label` lies fully inside the window and is one line
/// high (at most `max_line` points).
fn on_screen_one_line(h: &Harness<'_, KalibrerApp>, label: &str, max_line: f32, what: &str) {
    let screen = h.ctx.content_rect().expand(0.5);
    // Exact, or the start of a longer label ("Brugt 1.565.000 kr." of "… af 1.540.000 kr.").
    let mut nodes: Vec<_> = h.query_all_by_label(label).collect();
    if nodes.is_empty() {
        nodes = h.query_all_by_label_contains(label).collect();
    }
    assert!(!nodes.is_empty(), "{what}: no «{label}» on screen");
    let r = nodes[0].rect();
    assert!(screen.contains_rect(r), "{what}: «{label}» is not fully on screen: {r:?} of {screen:?}");
    assert!(r.height() <= max_line, "{what}: «{label}» takes {} points – more than one line ({max_line})", r.height());
}

/// Checks the screen at one size and mode and compares its snapshot.
fn check_layout(w: f32, h_: f32, presentation: bool) {
    let session = common::demo();
    let eval = kalibrer::engine::evaluate(&session);
    let used = format!("Brugt {}", format_kr(eval.pool.used));
    let over = format!("Overskredet med {}", format_kr(eval.pool.used - eval.pool.pool));
    let what = format!("{w}×{h_} {}", if presentation { "præsentation" } else { "normal" });
    let mut h = harness(w, h_, presentation);
    let app = h.state();
    assert_eq!(app.meeting.view.presentation, presentation);
    let selected = app.meeting.view.selected.expect("N selects the first on the agenda");
    let name = app.meeting.doc.session().managers[selected].name.clone();
    let amount = kalibrer::model::money::format_number(app.meeting.eval.amounts[selected].amount);
    let body_line = if presentation { 30.0 } else { 24.0 };
    // The pool: the used sum and the state, each whole on one line.
    on_screen_one_line(&h, &used, body_line, &what);
    on_screen_one_line(&h, &over, body_line, &what);
    on_screen_one_line(&h, "● 8 fejl", body_line, &what);
    on_screen_one_line(&h, "● 1 advarsel", body_line, &what);
    on_screen_one_line(&h, "Drøftet 0/28", body_line, &what);
    on_screen_one_line(&h, "Besluttet 0/28", body_line, &what);
    // The table's key columns and the selected manager's row; in presentation mode the
    // spread fills the lower half instead (tests/ui_projector.rs checks every column).
    if presentation {
        for header in ["Niveau", "Min–maks", "CV", "Gini", "Δ år"] {
            on_screen_one_line(&h, header, body_line + 8.0, &what);
        }
    } else {
        for header in ["Navn", "Beløb", "Status", "Fund"] {
            on_screen_one_line(&h, header, body_line + 8.0, &what);
        }
        let amount_cell = format!("Beløb for {name}");
        let cell = h.get_by_label(&amount_cell);
        assert!(h.ctx.content_rect().contains_rect(cell.rect()), "{what}: the amount cell is off screen");
        assert_eq!(cell.value().as_deref(), Some(amount.as_str()), "{what}");
    }
    // The controls.
    on_screen_one_line(&h, "Filer", body_line + 8.0, &what);
    let mode = if presentation { "■ Præsentation" } else { "Præsentation (F5)" };
    on_screen_one_line(&h, mode, body_line + 8.0, &what);
    assert!(
        h.query_by_label("Tilpas til puljen").is_some() || h.query_by_label("Forslag ▾").is_some(),
        "{what}: the proposals are not reachable"
    );
    if presentation {
        on_screen_one_line(&h, "Initialer", body_line + 8.0, &what);
        let strip = h.query_all_by_label_contains("Nu drøftes · 2 af 28").count();
        assert!(strip > 0, "{what}: no «Nu drøftes» strip");
    }
    h.set_render_cursor(false);
    let mode = if presentation { "presentation" } else { "normal" };
    h.snapshot(format!("layout_{w}x{h_}_{mode}"));
}

/// DejaVu Sans's capital height is 1,493 of its 2,048 units per em (OS/2 sCapHeight).
const CAP_HEIGHT_PER_EM: f32 = 1_493.0 / 2_048.0;

#[test]
fn presentation_names_and_amounts_are_20_px_high_at_1920_by_1080() {
    let mut h = harness(1920.0, 1080.0, true);
    h.run();
    let ppp = h.ctx.pixels_per_point();
    assert!((ppp - 1.5).abs() < 1e-3, "presentation zoom at 1080 lines: {ppp}");
    let style = h.ctx.global_style();
    let body = style.text_styles[&egui::TextStyle::Body].size;
    let cap_px = body * ppp * CAP_HEIGHT_PER_EM;
    assert!(cap_px >= 20.0, "table names and amounts: capitals {cap_px:.1} px");
    // The glyph the font renders agrees with the font's metric (±2 px of anti-aliasing).
    let galley =
        h.ctx.fonts_mut(|f| f.layout_no_wrap("H".into(), egui::FontId::proportional(body), egui::Color32::BLACK));
    let glyph = &galley.rows[0].glyphs[0];
    let rendered = glyph.uv_rect.size.y * ppp;
    assert!((rendered - cap_px).abs() <= 2.5, "rendered H {rendered:.1} px vs {cap_px:.1} px");
    // Normal mode stays at the meeting size.
    let normal = harness(1920.0, 1080.0, false);
    assert!((normal.ctx.pixels_per_point() - 1.0).abs() < 1e-3);
}

#[test]
fn the_focus_card_keeps_its_share_whatever_it_shows() {
    let session = common::demo();
    let mut long = session.clone();
    let long_name = "Meget langt navn ".repeat(40).trim_end().to_string();
    long.managers[0].name = long_name.clone();
    let mut h = common::app_harness(long, [1366.0, 768.0]);
    let heading = h.get_by_label("Vælg en leder").rect();
    h.state_mut().meeting.view.selected = Some(0);
    h.run();
    h.run();
    // The focus card starts at the same x with a 680-character name selected: the table and
    // the lanes keep their width.
    let card_name = h
        .query_all_by_label(&long_name)
        .map(|n| n.rect())
        .find(|r| r.left() > 1366.0 * 0.6)
        .expect("the focus card shows the name");
    assert!((card_name.left() - heading.left()).abs() < 2.0, "focus card moved: {heading:?} → {card_name:?}");
    assert!(heading.left() > 1366.0 * 0.70, "focus card wider than its share: starts at {}", heading.left());
    assert!(card_name.right() <= 1366.5, "the name runs off screen: {card_name:?}");
}

#[test]
fn keys_mark_discussed_and_decide_and_go_to_the_next() {
    let mut h = harness(1366.0, 768.0, true);
    let first = h.state().meeting.view.selected.unwrap();
    h.key_press(egui::Key::D);
    h.run();
    assert_eq!(h.state().meeting.doc.session().managers[first].status, kalibrer::model::MeetingStatus::Droeftet);
    h.key_press(egui::Key::B);
    h.run();
    let app = h.state();
    assert_eq!(app.meeting.doc.session().managers[first].status, kalibrer::model::MeetingStatus::Besluttet);
    let next = app.meeting.view.selected.unwrap();
    assert_eq!(
        app.meeting.derived.agenda_pos[next],
        app.meeting.derived.agenda_pos[first] + 1,
        "B goes to the next item"
    );
    assert!(h.query_by_label_contains("Nu drøftes · 3 af 28").is_some());
    assert!(h.query_by_label("Besluttet 1/28").is_some());
}

#[test]
fn the_smallest_window_still_shows_table_rows_and_every_control() {
    let mut h = harness(1024.0, 640.0, false);
    h.run();
    let screen = h.ctx.content_rect().expand(0.5);
    let rows = h.query_all_by_label_contains("Beløb for ").filter(|n| screen.contains_rect(n.rect())).count();
    assert!(rows >= 3, "1024×640: only {rows} table rows on screen");
    for label in ["Filer", "Præsentation (F5)", "Forslag ▾", "Navn", "Beløb", "Status", "Fund"] {
        on_screen_one_line(&h, label, 32.0, "1024×640");
    }
    on_screen_one_line(&h, "● 8 fejl", 24.0, "1024×640");
}

#[test]
fn every_score_button_of_the_box_model_stays_on_the_card_at_1366() {
    let mut session = common::demo();
    // A box-model manager (the demo's kontorchefer have box scores) with long criterion names.
    let i = session.managers.iter().position(|m| !m.box_scores.is_empty()).expect("a box-model manager");
    for level in &mut session.levels {
        if let kalibrer::model::AmountModel::Box(b) = &mut level.model {
            for c in &mut b.criteria {
                c.name = format!("{} med et meget langt navn på kriteriet", c.name);
            }
        }
    }
    let mut h = common::app_harness(session, [1366.0, 768.0]);
    h.state_mut().meeting.view.selected = Some(i);
    h.run();
    h.run();
    // The card scrolls vertically; across, every button must be inside the window.
    let card: Vec<egui::Rect> =
        h.query_all_by_label("6").map(|n| n.rect()).filter(|r| r.left() > 1366.0 * 0.6 && r.top() > 0.0).collect();
    assert!(card.len() >= 5, "the score 6 of every criterion is on the card: {card:?}");
    assert!(card.iter().all(|r| r.right() <= 1366.5), "a score button is cut at the right edge: {card:?}");
}

#[test]
fn presentation_mode_on_the_smallest_window_keeps_the_key_labels_whole() {
    let mut h = harness(1024.0, 640.0, true);
    h.run();
    for label in ["● 8 fejl", "● 1 advarsel", "Drøftet 0/28", "Besluttet 0/28", "Brugt 1.565.000 kr."] {
        on_screen_one_line(&h, label, 30.0, "1024×640 præsentation");
    }
    for label in ["Filer", "■ Præsentation", "Initialer", "Niveau", "Min–maks", "Gini", "Δ år"] {
        on_screen_one_line(&h, label, 38.0, "1024×640 præsentation");
    }
    assert!(h.query_by_label_contains("Nu drøftes · 2 af 28").is_some());
    h.set_render_cursor(false);
    h.snapshot("layout_1024x640_presentation");
}
