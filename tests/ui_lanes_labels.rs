//! UI tests of the lanes' labels through AccessKit: initials beside the dots in
//! presentation mode as in normal mode (each dot's value is the initials shown beside
//! it), unique initials, the level figures' size on a 1920×1080 projector, and a zoomed
//! level that shows every manager – as a dot or in a "+n".

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kalibrer::model::Session;
use kalibrer::model::money::format_kr;
use kalibrer::ui::KalibrerApp;
use rust_decimal::Decimal;

/// The initials shown beside each manager's dot (None: a dot without initials, or no dot).
fn initials_shown(h: &Harness<'_, KalibrerApp>) -> Vec<(String, Option<String>)> {
    let app = h.state();
    let s = app.meeting.doc.session();
    (0..s.managers.len())
        .map(|i| {
            let name = app.meeting.view.display_name(&s.managers[i]);
            let dot = format!("{name}: {}", format_kr(app.meeting.eval.amounts[i].amount));
            (s.managers[i].name.clone(), h.query_by_label(&dot).and_then(|n| n.value()))
        })
        .collect()
}

fn labelled(shown: &[(String, Option<String>)]) -> Vec<&str> {
    shown.iter().filter(|(_, v)| v.is_some()).map(|(n, _)| n.as_str()).collect()
}

#[test]
fn presentation_mode_shows_initials_beside_the_dots_as_normal_mode_does() {
    for size in [[1920.0, 1080.0], [1366.0, 768.0]] {
        let mut h = common::app_harness(common::demo(), size);
        let normal = initials_shown(&h);
        h.key_press(Key::F5);
        h.run();
        let presenting = initials_shown(&h);
        // Every dot outside the crowd of kontorchefer at 30.000–50.000 kr. has its initials
        // in both modes: the departementschef, the three styrelsesdirektører, the four
        // afdelingschefer and the kontorchefer at 65.000 and 110.000 kr.
        let alone = [
            "Birgitte Kjærsgaard",
            "Henrik Lykke Andersen",
            "Mette Overgaard",
            "Jonas Riis Thomsen",
            "Karsten Ravn",
            "Dorte Hjorth",
            "Bo Straarup",
            "Vibeke Nørgaard",
            "Sofie Dalgaard",
            "Kasper Møller Lund",
        ];
        for name in alone {
            assert!(labelled(&normal).contains(&name), "{size:?} normal: {name} has no initials: {normal:?}");
            assert!(labelled(&presenting).contains(&name), "{size:?} F5: {name} has no initials: {presenting:?}");
        }
        // In the crowd some have room for theirs, in both modes.
        for shown in [&normal, &presenting] {
            assert!(labelled(shown).len() >= alone.len() + 3, "{size:?}: {:?}", labelled(shown));
        }
        // With the table in the lower half (T) the lanes are lower; still initials.
        h.key_press(Key::T);
        h.run();
        assert!(h.state().meeting.view.presentation_table);
        let table = initials_shown(&h);
        assert!(labelled(&table).contains(&"Kasper Møller Lund"), "{size:?} F5 + T: {table:?}");
        let kml = table.iter().find(|(n, _)| n == "Kasper Møller Lund").and_then(|(_, v)| v.clone());
        assert_eq!(kml.as_deref(), Some("KML"));
    }
}

#[test]
fn the_zoomed_demo_shows_each_initials_once() {
    let mut h = common::app_harness(common::demo(), [1920.0, 1080.0]);
    h.key_press(Key::Num4);
    h.run();
    let shown = initials_shown(&h);
    let texts: Vec<&str> = shown.iter().filter_map(|(_, v)| v.as_deref()).collect();
    let mut unique = texts.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), texts.len(), "{texts:?}");
    // Jakob Hviid and Jesper Halkjær were both "JH".
    let of = |name: &str| shown.iter().find(|(n, _)| n == name).and_then(|(_, v)| v.clone());
    assert_eq!(of("Jakob Hviid").as_deref(), Some("JHv"));
    assert_eq!(of("Jesper Halkjær").as_deref(), Some("JHa"));
    assert!(texts.len() >= 18, "at least 18 of the 20 kontorchefer have initials: {texts:?}");
}

#[test]
fn the_level_figures_have_capitals_of_20_pixels_on_a_1920x1080_projector() {
    let mut h = common::app_harness(common::demo(), [1920.0, 1080.0]);
    let cap = |h: &Harness<'_, KalibrerApp>| {
        let size = kalibrer::ui::panels::lanes::lane_label::figures_size(&h.ctx.global_style());
        let font = egui::FontId::proportional(size);
        // The rasterised "H" in physical pixels (its glyph in the font atlas).
        let galley = h.ctx.fonts_mut(|f| f.layout_no_wrap("H".into(), font, egui::Color32::BLACK));
        let uv = galley.rows[0].glyphs[0].uv_rect;
        (size, h.ctx.pixels_per_point(), f32::from(uv.max[1] - uv.min[1]))
    };
    let (size, ppp, pixels) = cap(&h);
    assert_eq!((size, ppp), (13.0, 1.0), "normal mode");
    assert!(pixels < 12.0, "{pixels}");
    h.key_press(Key::F5);
    h.run();
    let (size, ppp, pixels) = cap(&h);
    // 19 points at zoom 1.5: 28.5 pixels, capitals 0.729 em (DejaVu Sans) = 20.8 pixels.
    assert_eq!((size, ppp), (19.0, 1.5));
    assert!(size * ppp * 0.729 >= 20.0);
    assert!(pixels >= 20.0, "the rasterised H is {pixels} pixels high");
    // The figures are drawn: the label is as tall as two lines and the figures read
    // without "spænd" in presentation mode.
    let label = h.get_by_label("Zoom ind på Kontorchef").rect();
    assert!(label.height() >= 2.0 * 19.0, "{label:?}");
}

/// The demo with 210 more kontorchefer (230 in all), 24 of them at 42.000 kr.
fn crowded() -> Session {
    use kalibrer::model::{AmountModel, Manager};
    let mut s = common::demo();
    for k in 0..210 {
        let mut m = Manager::new(&format!("X{k:03}"), &format!("Leder {k:03} Ekstra"), "KC");
        m.superior = s.managers[10].superior.clone();
        m.model_override = Some(AmountModel::Direct);
        let amount = if k < 24 { 42_000 } else { 30_000 + 100 * (k as i64 % 200) };
        m.direct_amount = Some(Decimal::from(amount));
        m.base_salary = Decimal::from(700_000);
        m.total_pay = Decimal::from(760_000);
        s.managers.push(m);
    }
    s
}

#[test]
fn a_zoomed_level_of_230_shows_every_manager_as_a_dot_or_in_a_plus_n() {
    let mut h = common::app_harness(crowded(), [1920.0, 1080.0]);
    h.key_press(Key::Num4);
    h.run();
    let app = h.state();
    let kc = app.meeting.doc.session().levels.iter().position(|l| l.id == "KC").unwrap();
    let members: Vec<usize> =
        (0..app.meeting.eval.level_of.len()).filter(|&i| app.meeting.eval.level_of[i] == Some(kc)).collect();
    assert_eq!(members.len(), 230);
    let shown_dots = members
        .iter()
        .filter(|&&i| {
            let m = &app.meeting.doc.session().managers[i];
            h.query_by_label(&format!("{}: {}", m.name, format_kr(app.meeting.eval.amounts[i].amount))).is_some()
        })
        .count();
    let plus: Vec<usize> = h
        .query_all_by_label_contains("+")
        .filter_map(|n| n.accesskit_node().label().and_then(|l| l.strip_prefix('+').and_then(|d| d.parse().ok())))
        .collect();
    assert!(!plus.is_empty(), "a +n where the rows run out");
    assert_eq!(shown_dots + plus.iter().sum::<usize>(), 230, "{shown_dots} dots and {plus:?}");
    // The 24 at 42.000 kr. in one column: 8 rows of 232 points, so 7 dots and "+17"
    // (unless others share the rows there).
    let at_42: usize = members
        .iter()
        .filter(|&&i| app.meeting.eval.amounts[i].amount == Decimal::from(42_000))
        .filter(|&&i| {
            let m = &app.meeting.doc.session().managers[i];
            h.query_by_label(&format!("{}: {}", m.name, format_kr(Decimal::from(42_000)))).is_some()
        })
        .count();
    assert!(at_42 < 24, "not every one of the 24 can be a dot");
    h.snapshot("lanes_zoom_230");
    // Clicking the largest "+n" filters the table to its managers' amounts.
    let largest = *plus.iter().max().unwrap();
    h.get_by_label(&format!("+{largest}")).click();
    h.run();
    let filter = h.state().meeting.view.filter.amount.expect("an amount filter");
    assert_eq!(filter.level, kc);
}

#[test]
fn the_selected_managers_label_never_covers_a_lane_label() {
    for (size, presentation) in [([1920.0, 1080.0], false), ([1920.0, 1080.0], true), ([1366.0, 768.0], false)] {
        let mut h = common::app_harness(common::demo(), size);
        if presentation {
            h.key_press(Key::F5);
            h.run();
        }
        let lane_labels: Vec<egui::Rect> = h.query_all_by_label_contains("Zoom ind på ").map(|n| n.rect()).collect();
        assert_eq!(lane_labels.len(), 4);
        let column = lane_labels.iter().map(|r| r.right()).fold(f32::MIN, f32::max);
        // Every manager on the agenda in turn, among them Mikkel Aagaard at the axis' left
        // end (30.000 kr.), whose label centred over the dot reached into the lane labels.
        for _ in 0..28 {
            h.key_press(Key::N);
            h.run();
            let selected = h.state().meeting.view.selected.expect("N selects");
            let name = h.state().meeting.doc.session().managers[selected].name.clone();
            let label = h.get_by_label_contains(&format!("Valgt: {name} · ")).rect();
            assert!(
                label.left() >= column - 0.5,
                "{size:?} F5 {presentation}: {name}'s label {label:?} over the lane labels (to {column})"
            );
            assert!(lane_labels.iter().all(|l| !l.intersects(label) || label.left() >= l.right() - 0.5));
        }
    }
}
