//! UI tests of the meeting screen on the demo session: clicking and typing through
//! AccessKit, asserting on what is shown.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::engine::amounts::model_of;
use kalibrer::model::money::{format_kr, format_number};
use kalibrer::model::{AmountModel, Session};
use kalibrer::ui::KalibrerApp;

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).expect("demo parses")
}

fn harness(session: Session) -> Harness<'static, KalibrerApp> {
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, session.clone(), None));
    harness.run();
    harness
}

/// Index of the first manager on a box-model level without an adjustment.
fn box_manager(session: &Session) -> usize {
    session
        .managers
        .iter()
        .position(|m| {
            session.level(&m.level).is_some_and(|l| matches!(model_of(m, l), AmountModel::Box(_)))
                && m.adjustment.is_none()
                && !m.locked
        })
        .expect("a box-model manager")
}

/// Finds a manager with the table's search field and clicks their name.
fn select(harness: &mut Harness<'_, KalibrerApp>, name: &str) {
    harness.get_by_label("Søg:").focus();
    harness.run();
    harness.get_by_label("Søg:").type_text(name);
    harness.run();
    harness.get_all_by_label(name).next().expect("name shown").click();
    harness.run();
}

fn type_amount(harness: &mut Harness<'_, KalibrerApp>, name: &str, text: &str) {
    let label = format!("Beløb for {name}");
    harness.get_by_label(&label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(&label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn typing_an_amount_moves_pool_and_level_statistics_and_undo_restores() {
    let session = demo();
    let i = box_manager(&session);
    let name = session.managers[i].name.clone();
    let mut harness = harness(session);
    let before_used = harness.state().meeting.eval.pool.used;
    let before_amount = harness.state().meeting.eval.amounts[i].amount;
    let level_id = harness.state().meeting.doc.session().managers[i].level.clone();
    let level_sum = |h: &Harness<'_, KalibrerApp>| {
        h.state().meeting.eval.stats.per_level.iter().find(|s| s.level.as_deref() == Some(&level_id)).unwrap().stats.sum
    };
    let before_sum = level_sum(&harness);
    assert!(harness.query_by_label_contains(&format!("Brugt {}", format_kr(before_used))).is_some());

    select(&mut harness, &name);
    let target = before_amount + rust_decimal::Decimal::from(7_000);
    type_amount(&mut harness, &name, &format_number(target));

    assert_eq!(harness.state().meeting.eval.amounts[i].amount, target);
    let after_used = harness.state().meeting.eval.pool.used;
    assert_eq!(after_used, before_used + rust_decimal::Decimal::from(7_000));
    assert_eq!(level_sum(&harness), before_sum + rust_decimal::Decimal::from(7_000));
    assert!(
        harness.query_by_label_contains(&format!("Brugt {}", format_kr(after_used))).is_some(),
        "gauge shows new sum"
    );
    // The change is a discretionary adjustment without justification: flagged red.
    assert!(harness.query_by_label("Begrundelse for skønnet – mangler").is_some());
    let log = &harness.state().meeting.doc.session().change_log;
    assert_eq!(log.last().map(|e| e.change.new_text()), Some(format_kr(target)));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().meeting.eval.amounts[i].amount, before_amount);
    assert_eq!(harness.state().meeting.eval.pool.used, before_used);
    assert!(harness.query_by_label_contains(&format!("Brugt {}", format_kr(before_used))).is_some());
    assert!(harness.query_by_label("Begrundelse for skønnet – mangler").is_none());
}

#[test]
fn writing_a_justification_clears_the_flag() {
    let session = demo();
    let i = box_manager(&session);
    let name = session.managers[i].name.clone();
    let mut harness = harness(session);
    select(&mut harness, &name);
    harness.get_by_label(&format!("+ {}", format_kr(rust_decimal::Decimal::from(1_000)))).click();
    harness.run();
    assert!(harness.query_by_label("Begrundelse for skønnet – mangler").is_some());
    let field = harness.get_by_label("Begrundelse for skønnet – mangler");
    field.focus();
    harness.run();
    harness.get_by_label("Begrundelse for skønnet – mangler").type_text("Ekstraordinær indsats i udbuddet");
    harness.run();
    assert!(harness.query_by_label("Begrundelse for skønnet – mangler").is_none());
    let m = &harness.state().meeting.doc.session().managers[i];
    assert_eq!(m.adjustment.as_ref().map(|a| a.justification.as_str()), Some("Ekstraordinær indsats i udbuddet"));
}

#[test]
fn presentation_mode_hides_every_salary_and_restores_them() {
    let session = demo();
    let i = box_manager(&session);
    let name = session.managers[i].name.clone();
    let base = format_kr(session.managers[i].base_salary);
    let mut harness = harness(session);
    select(&mut harness, &name);
    assert!(harness.query_by_label_contains(&base).is_some(), "base salary shown in normal mode");
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().meeting.view.presentation);
    assert!(harness.query_by_label_contains("Grundløn").is_none());
    assert!(harness.query_by_label_contains(&base).is_none());
    assert!(harness.query_by_label_contains("samlet løn").is_none());
    assert!(harness.query_by_label_contains("■ Præsentation").is_some(), "mode shown in the top bar");
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.query_by_label_contains(&base).is_some());
}

#[test]
fn dragging_a_dot_changes_the_amount_on_the_step_and_undoes_as_one_step() {
    let session = demo();
    let i = box_manager(&session);
    let name = session.managers[i].name.clone();
    let mut harness = harness(session);
    let before = harness.state().meeting.eval.amounts[i].amount;
    let log_before = harness.state().meeting.doc.session().change_log.len();
    let label = format!("{name}: {}", format_kr(before));
    let start = harness.get_by_label(&label).rect().center();
    harness.drag_at(start);
    harness.run();
    for dx in [10.0, 20.0, 30.0, 40.0] {
        harness.hover_at(start + egui::vec2(dx, 0.0));
        harness.run();
    }
    harness.drop_at(start + egui::vec2(40.0, 0.0));
    harness.run();
    let after = harness.state().meeting.eval.amounts[i].amount;
    assert!(after > before, "dragging right raises the amount ({before} → {after})");
    let step = harness.state().meeting.doc.session().policies.rounding_step;
    assert!((after / step).fract().is_zero(), "on the step");
    assert_eq!(harness.state().meeting.doc.session().change_log.len(), log_before + 1, "one log entry per drag");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().meeting.eval.amounts[i].amount, before, "one undo reverts the whole drag");
}

#[test]
fn clicking_a_finding_selects_its_manager() {
    let session = demo();
    let mut harness = harness(session);
    let finding =
        harness.state().meeting.eval.findings.iter().find(|f| f.manager.is_some()).cloned().expect("demo has findings");
    let id = finding.manager.clone().unwrap();
    let index = harness.state().meeting.doc.session().manager_index(&id).unwrap();
    let text = kalibrer::engine::wording::finding_text(
        &finding,
        harness.state().meeting.doc.session(),
        kalibrer::engine::wording::Style::FULL,
    );
    harness.get_all_by_label_contains(&text).next().expect("finding listed").click();
    harness.run();
    assert_eq!(harness.state().meeting.view.selected, Some(index));
}

#[test]
fn snapshots_of_main_screen_and_presentation_mode() {
    let session = demo();
    let i = box_manager(&session);
    let name = session.managers[i].name.clone();
    let mut harness = harness(session);
    harness.set_render_cursor(false);
    select(&mut harness, &name);
    assert_eq!(harness.state().meeting.view.selected, Some(i), "the snapshot shows {name} selected");
    assert!(!harness.state().meeting.view.presentation);
    harness.snapshot("meeting_screen");
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().meeting.view.presentation, "F5 turns presentation mode on");
    assert_eq!(harness.state().meeting.view.selected, Some(i), "and keeps the selection");
    harness.snapshot("presentation_mode");
}

#[test]
fn unit_and_superior_filters_offer_the_sessions_values_and_narrow_the_table() {
    let session = demo();
    // A unit whose managers have different superiors (SD01 under DEP, AC03 under DIR-A).
    let unit = "Styrelsen for Digital Infrastruktur";
    let inside = session.managers.iter().find(|m| m.unit == unit).expect("a manager in the unit");
    let other_in_unit = session
        .managers
        .iter()
        .find(|m| m.unit == unit && m.superior != inside.superior)
        .expect("the unit has a manager under another superior");
    let outside = &session.managers[0];
    assert_ne!(outside.unit, unit);
    let mut harness = harness(session.clone());
    assert!(harness.query_by_label(&format!("Beløb for {}", outside.name)).is_some(), "first row shown");

    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Enhed").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, unit).click();
    harness.run();
    assert!(harness.query_by_label(&format!("Beløb for {}", inside.name)).is_some());
    assert!(harness.query_by_label(&format!("Beløb for {}", other_in_unit.name)).is_some());
    assert!(harness.query_by_label(&format!("Beløb for {}", outside.name)).is_none(), "other units hidden");

    // The superior list shows the executives by name; choosing one narrows further.
    let exec = session.executives.iter().find(|e| e.id == inside.superior).expect("superior");
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Nærmeste leder").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, &exec.name).click();
    harness.run();
    assert!(harness.query_by_label(&format!("Beløb for {}", inside.name)).is_some());
    assert!(harness.query_by_label(&format!("Beløb for {}", other_in_unit.name)).is_none(), "narrowed further");

    harness.get_by_label("Nulstil").click();
    harness.run();
    // Every filter is off: rows of other units are drawn again (which rows depends on
    // where the table scrolled to).
    let drawn = |m: &&kalibrer::model::Manager| harness.query_by_label(&format!("Beløb for {}", m.name)).is_some();
    assert!(session.managers.iter().filter(drawn).any(|m| m.unit != unit), "reset shows all again");
}

#[test]
fn sorting_by_name_follows_the_danish_alphabet() {
    // Byte order would give Aage, Anna, Ebbe, Zakarias, Åse, Élise, Øjvind.
    let names = ["Zakarias Holm", "Øjvind Lund", "Åse Bang", "Aage Dahl", "Anna Berg", "Ebbe Møller", "Élise Kjær"];
    let danish = ["Anna Berg", "Ebbe Møller", "Élise Kjær", "Zakarias Holm", "Øjvind Lund", "Aage Dahl", "Åse Bang"];
    let mut session = demo();
    session.managers.retain(|m| m.level == "KC");
    session.managers.truncate(names.len());
    for (m, name) in session.managers.iter_mut().zip(names) {
        m.name = name.to_string();
    }
    let mut harness = harness(session);
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Navn").click();
    harness.run();
    let mut shown: Vec<(f32, &str)> =
        names.iter().map(|n| (harness.get_by_label(&format!("Beløb for {n}")).rect().center().y, *n)).collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    let shown: Vec<&str> = shown.into_iter().map(|(_, n)| n).collect();
    assert_eq!(shown, danish, "top to bottom after clicking Navn");

    // Clicking again reverses the order.
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Navn ▲").click();
    harness.run();
    let first = harness.get_by_label("Beløb for Åse Bang").rect().center().y;
    let last = harness.get_by_label("Beløb for Anna Berg").rect().center().y;
    assert!(first < last, "descending: Åse first, Anna last");
}

#[test]
fn filter_lists_are_in_danish_alphabetical_order() {
    let session = demo();
    let mut harness = harness(session.clone());
    // The demo lists Mette Overgaard before Jonas Riis Thomsen; the list shows J before M.
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Nærmeste leder").click();
    harness.run();
    // An option of the open list (the table's name cells are buttons too, further left).
    let list_left = harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Nærmeste leder").rect().left();
    let y_of = |harness: &Harness<'_, KalibrerApp>, name: &str| {
        harness
            .get_all_by_role_and_label(egui::accesskit::Role::Button, name)
            .map(|n| n.rect())
            .find(|r| r.left() >= list_left - 20.0)
            .unwrap_or_else(|| panic!("{name} in the list"))
            .center()
            .y
    };
    let mut names: Vec<&str> = session.executives.iter().map(|e| e.name.as_str()).collect();
    names.sort_by(|a, b| kalibrer::model::collate::danish_cmp(a, b));
    assert_ne!(names, session.executives.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), "order changes");
    let ys: Vec<f32> = names.iter().map(|n| y_of(&harness, n)).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "top to bottom in Danish order: {names:?} at {ys:?}");
}
