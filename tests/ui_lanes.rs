//! UI tests of the band lanes through AccessKit: zooming to one level (label and keys),
//! the density strips' tooltip and table filter on a state-wide session, the proposal
//! window's per-level summary and order, and initials mode in the lanes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::model::Session;
use kalibrer::model::money::{format_kr, format_number};
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::state::axis::KrAxis;
use rust_decimal::Decimal;

use common::demo;

fn harness(session: Session) -> Harness<'static, KalibrerApp> {
    common::app_harness(session, [1920.0, 1080.0])
}

fn level(h: &Harness<'_, KalibrerApp>, id: &str) -> usize {
    h.state().meeting.doc.session().levels.iter().position(|l| l.id == id).expect("level")
}

/// The dots (sliders "name: amount") of a level's managers and how many pairs of their
/// hit areas overlap.
fn overlapping_dots(h: &Harness<'_, KalibrerApp>, level: usize) -> (usize, usize) {
    let app = h.state();
    let rects: Vec<Rect> = (0..app.meeting.doc.session().managers.len())
        .filter(|&i| app.meeting.eval.level_of[i] == Some(level))
        .filter_map(|i| {
            let m = &app.meeting.doc.session().managers[i];
            let label = format!("{}: {}", m.name, format_kr(app.meeting.eval.amounts[i].amount));
            h.query_by_label(&label).map(|n| n.rect())
        })
        .collect();
    let mut overlaps = 0;
    for (a, ra) in rects.iter().enumerate() {
        overlaps += rects[a + 1..].iter().filter(|rb| ra.intersects(**rb)).count();
    }
    (rects.len(), overlaps)
}

#[test]
fn a_level_zooms_by_its_label_and_by_its_number_key_and_back() {
    let mut h = harness(demo());
    let kc = level(&h, "KC");
    let (dots, stacked) = overlapping_dots(&h, kc);
    assert_eq!(dots, 20);
    assert!(stacked > 0, "20 kontorchefer in one lane of all four cover each other");

    h.get_by_label("Zoom ind på Kontorchef").click();
    h.run();
    assert_eq!(h.state().meeting.view.zoom, Some(kc));
    assert!(h.query_by_label("Zoom ind på Afdelingschef").is_none(), "only the zoomed lane is shown");
    assert_eq!(overlapping_dots(&h, kc), (20, 0), "in the whole height no dot covers another");
    h.get_by_label("Zoom ud fra Kontorchef").click();
    h.run();
    assert_eq!(h.state().meeting.view.zoom, None);
    assert!(h.query_by_label("Zoom ind på Afdelingschef").is_some());

    // Lanes from the top: departementschef 1, styrelsesdirektør 2, afdelingschef 3, kontorchef 4.
    h.key_press(Key::Num4);
    h.run();
    assert_eq!(h.state().meeting.view.zoom, Some(kc));
    h.key_press(Key::Num0);
    h.run();
    assert_eq!(h.state().meeting.view.zoom, None);
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(h.state().meeting.view.zoom, Some(level(&h, "SD")));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().meeting.view.zoom, None);

    // A digit typed into a text field is text, not a zoom.
    h.get_by_label("Søg:").focus();
    h.run();
    h.get_by_label("Søg:").type_text("4");
    h.key_press(Key::Num4);
    h.run();
    assert_eq!(h.state().meeting.view.zoom, None);
    assert_eq!(h.state().meeting.view.filter.text, "4");
}

#[test]
fn a_density_strip_tells_its_bin_and_filters_the_table_to_it() {
    let session = kalibrer::engine::generate::generate(2_206, 1).expect("generated");
    let mut h = harness(session);
    let kc = level(&h, "KC");
    let strip = h.get_by_label("Tæthed: Kontorchef").rect();
    // The strip spans the axis (plus one bin); the axis covers every band and amount.
    let (median, expected) = {
        let app = h.state();
        let mut amounts: Vec<Decimal> = (0..app.meeting.eval.amounts.len())
            .filter(|&i| app.meeting.eval.level_of[i] == Some(kc))
            .map(|i| app.meeting.eval.amounts[i].amount)
            .collect();
        amounts.sort();
        let median = amounts[amounts.len() / 2];
        let axis = KrAxis::fit(app.meeting.doc.session(), &app.meeting.eval, strip.left(), strip.right() - 4.0);
        let x = axis.x(median);
        let bin = |a: Decimal| ((axis.x(a) - axis.left) / 4.0).floor();
        let same: Vec<Decimal> = amounts.iter().copied().filter(|&a| bin(a) == bin(median)).collect();
        ((x, median), (same.len(), same[0], same[same.len() - 1]))
    };
    let pos = egui::pos2(median.0, strip.center().y);
    h.hover_at(pos);
    h.run();
    let (count, min, max) = expected;
    let range = if min == max { format_kr(min) } else { format!("{}–{}", format_number(min), format_kr(max)) };
    let tooltip = format!("{count} ledere: {range}");
    assert!(h.query_by_label(&tooltip).is_some(), "tooltip «{tooltip}»");

    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let filter = h.state().meeting.view.filter.amount.expect("an amount filter");
    assert_eq!((filter.level, filter.min, filter.max, filter.count as usize), (kc, min, max, count));
    assert!(min <= median.1 && median.1 <= max);
    let chip = format!("Beløb: Kontorchef {range} ({count} ledere)");
    assert!(h.query_by_label(&chip).is_some(), "the table shows «{chip}»");
    // Every row the table shows is a kontorchef in the range.
    h.remove_cursor();
    h.run();
    let shown: Vec<Decimal> = h
        .query_all_by_label_contains("Beløb for ")
        .map(|n| kalibrer::model::money::parse_kr(&n.value().expect("amount")).expect("an amount"))
        .collect();
    assert!(!shown.is_empty() && shown.len() <= count, "{} rows for {count}", shown.len());
    assert!(shown.iter().all(|a| (min..=max).contains(a)), "{shown:?} outside {min}–{max}");

    h.get_by_label("✕").click();
    h.run();
    assert_eq!(h.state().meeting.view.filter.amount, None);
    assert!(h.query_by_label(&chip).is_none());
}

#[test]
fn the_proposal_window_summarises_each_level_and_lists_the_largest_changes_first() {
    let mut h = harness(demo());
    h.get_by_label("Tilpas til puljen").click();
    h.run();
    // The proportional fit, offered second (the first changes only KC12).
    h.get_by_label("Forholdsmæssig: 28 beløb ændres").hover();
    h.run();
    h.get_by_label("Forholdsmæssig: 28 beløb ændres").click();
    h.run();
    h.run();
    // By hand from the demo's fit to the pool of 1.540.000 kr.: the departementschef
    // 138.000 → 144.000; the three styrelsesdirektører +3.000, +3.000, +4.000 (261.000 →
    // 271.000); the four afdelingschefer +3.000 each (284.000 → 296.000); of the 20
    // kontorchefer KC12 −60.000, KC03 −15.000, KC05 −4.000, eight +1.000 and nine
    // +2.000: 17 up, 3 down, 882.000 − 79.000 + 26.000 = 829.000.
    for (updown, sums) in [
        ("1 op / 0 ned", "138.000 kr. → 144.000 kr."),
        ("3 op / 0 ned", "261.000 kr. → 271.000 kr."),
        ("4 op / 0 ned", "284.000 kr. → 296.000 kr."),
        ("17 op / 3 ned", "882.000 kr. → 829.000 kr."),
    ] {
        assert!(h.query_by_label(updown).is_some(), "«{updown}»");
        assert!(h.query_by_label(sums).is_some(), "«{sums}»");
    }
    assert!(h.query_by_label(&format_number(Decimal::from(-53_000))).is_some(), "the kontorchefer's difference");
    // Largest change first: KC12 −60.000, KC03 −15.000, then the departementschef +6.000.
    let y = |text: &str| h.get_all_by_label(text).map(|n| n.rect().top()).fold(f32::MIN, f32::max);
    let (first, second, third) =
        (y(&format_number(Decimal::from(-60_000))), y(&format_number(Decimal::from(-15_000))), y("+6.000"));
    assert!(first < second && second < third, "{first} < {second} < {third}");
    let app = h.state();
    let pending = app.meeting.view.pending.as_ref().expect("a proposal");
    let ids: Vec<&str> = pending
        .by_size
        .iter()
        .take(3)
        .map(|&k| app.meeting.doc.session().managers[pending.proposal.changes[k].0].id.as_str())
        .collect();
    assert_eq!(ids, ["KC12", "KC03", "DC01"]);
}

#[test]
fn with_initials_the_lanes_show_no_full_name_even_on_hover() {
    let mut h = harness(demo());
    h.key_press(Key::F5);
    h.run();
    h.get_by_label("Initialer").click();
    h.run();
    assert!(h.state().meeting.view.initials);
    let app = h.state();
    let i = (0..app.meeting.doc.session().managers.len())
        .find(|&i| app.meeting.doc.session().managers[i].id == "KC12")
        .expect("KC12");
    let m = app.meeting.doc.session().managers[i].clone();
    let dot = format!("{}: {}", m.initials(), format_kr(app.meeting.eval.amounts[i].amount));
    h.get_by_label(&dot).hover();
    h.run();
    let tooltip = format!("{}\n{} · ", m.initials(), m.unit);
    assert!(h.query_by_label_contains(&tooltip).is_some(), "the dot's tooltip is shown");
    assert!(h.query_by_label_contains(&m.name).is_none(), "no «{}» anywhere", m.name);
    h.get_by_label(&dot).click();
    h.run();
    assert_eq!(h.state().meeting.view.selected, Some(i));
    assert!(h.query_by_label_contains(&m.name).is_none(), "nor when selected");
    // No dot is named (the top bar's «Indtaster» may name the executive at the keyboard).
    for other in &h.state().meeting.doc.session().managers {
        assert!(h.query_by_label_contains(&format!("{}: ", other.name)).is_none(), "«{}» on a dot", other.name);
    }
}

#[test]
fn snapshot_of_a_zoomed_level_with_ghosts_and_a_proposal_in_presentation_mode() {
    let mut h = harness(demo());
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::Num4);
    h.run();
    // In presentation mode the proposals sit in the top bar's «Forslag» menu.
    if h.query_by_label("Tilpas til puljen").is_none() {
        h.get_by_label("Forslag ▾").click();
        h.run();
    }
    h.get_by_label("Tilpas til puljen").click();
    h.run();
    h.snapshot("lanes_zoom_proposal");
}

#[test]
fn ctrl_click_on_a_dot_adds_the_manager_to_the_comparison_and_a_plain_click_selects() {
    let mut h = harness(demo());
    let find = |h: &Harness<'_, KalibrerApp>, name: &str| {
        h.state().meeting.doc.session().managers.iter().position(|m| m.name == name).expect("manager")
    };
    // Dots no other dot covers, above where the comparison window opens: the
    // departementschef and the styrelsesdirektør at 96.000 kr.; the kontorchef at 110.000 kr.
    let (dc, jrt, kml) =
        (find(&h, "Birgitte Kjærsgaard"), find(&h, "Jonas Riis Thomsen"), find(&h, "Kasper Møller Lund"));
    let dot = |h: &Harness<'_, KalibrerApp>, i: usize| {
        let app = h.state();
        let m = &app.meeting.doc.session().managers[i];
        format!("{}: {}", m.name, format_kr(app.meeting.eval.amounts[i].amount))
    };
    let (dc_dot, jrt_dot, kml_dot) = (dot(&h, dc), dot(&h, jrt), dot(&h, kml));
    h.get_by_label(&kml_dot).click();
    h.run();
    assert_eq!(h.state().meeting.view.selected, Some(kml), "a plain click selects");
    assert!(h.state().meeting.view.compare.is_empty());
    h.get_by_label(&dc_dot).click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    assert_eq!(h.state().meeting.view.compare, vec![dc]);
    assert_eq!(h.state().meeting.view.selected, Some(kml), "Ctrl+click does not select");
    // Again: out of the comparison; the amount is untouched.
    h.get_by_label(&dc_dot).click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    assert!(h.state().meeting.view.compare.is_empty());
    assert_eq!(h.state().meeting.eval.amounts[dc].amount, Decimal::from(138_000));
    h.get_by_label(&dc_dot).click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    h.get_by_label(&jrt_dot).click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    assert_eq!(h.state().meeting.view.compare, vec![dc, jrt]);
    assert!(h.query_by_label("Sammenlign").is_some(), "the comparison is open");
}
