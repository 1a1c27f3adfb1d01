//! A director's prep made with the other directors' managers: the focus card, the table's
//! Beløb cell and the lanes show another director's manager read-only (the document
//! refuses those edits with `EditError::NotInPrep`); her own managers stay editable.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kalibrer::engine::prep::make_prep_with;
use kalibrer::model::money::format_kr;
use kalibrer::ui::KalibrerApp;

const WHEN: &str = "2026-11-20T08:00:00Z";

/// DIR-C is Jonas Riis Thomsen in the demo; KC16 (Frederik Lassen) reports to him.
const READ_ONLY_LINE: &str = "Læses kun: Jonas Riis Thomsens leder – du kan give din holdning nedenfor";

/// The focus card's controls of a manager's own fields, by their AccessKit label.
const CONTROLS: [&str; 6] = ["Sæt", "Ikke drøftet", "Drøftet", "Besluttet", "Lås beløbet", "Sæt forslag"];

/// (enabled, disabled) buttons labelled `label`.
fn buttons(h: &Harness<'_, KalibrerApp>, label: &str) -> (usize, usize) {
    let all: Vec<_> = h.query_all_by_label(label).filter(|n| n.accesskit_node().role() == Role::Button).collect();
    let disabled = all.iter().filter(|n| n.accesskit_node().is_disabled()).count();
    (all.len() - disabled, disabled)
}

fn amount_of(h: &Harness<'_, KalibrerApp>, id: &str) -> rust_decimal::Decimal {
    let i = h.state().meeting.doc.session().manager_index(id).unwrap();
    h.state().meeting.eval.amounts[i].amount
}

#[test]
fn another_directors_manager_is_read_only_on_screen_and_her_own_is_not() {
    let prep = make_prep_with(&common::demo(), "DIR-A", WHEN, true).unwrap();
    let own = prep.managers.iter().find(|m| m.id == "KC01").unwrap().name.clone();
    let mut h = common::app_harness(prep, [1920.0, 1080.0]);

    // DIR-C's KC16: every control of her fields disabled, the line says why, the view stays.
    common::select_by_search(&mut h, "Frederik Lassen");
    assert_eq!(h.state().meeting.view.selected, h.state().meeting.doc.session().manager_index("KC16"));
    assert!(h.query_by_label(READ_ONLY_LINE).is_some(), "the read-only line is shown");
    for label in CONTROLS {
        let (enabled, disabled) = buttons(&h, label);
        assert_eq!(enabled, 0, "«{label}» is not enabled for DIR-C's manager");
        assert!(disabled >= 1, "«{label}» is shown, disabled");
    }
    assert!(h.get_by_label("Nyt beløb:").accesskit_node().is_disabled());
    let gem = h.get_by_label("Gem holdning");
    assert_eq!(gem.accesskit_node().role(), Role::Button, "her view is still hers to give");
    assert!(h.query_by_label("Din holdning").is_some());
    h.snapshot("prep_readonly_other_directors_manager");

    // Typing into KC16's Beløb cell changes nothing and asks the document nothing (a
    // refused edit would leave an error notice).
    let before = amount_of(&h, "KC16");
    let log = h.state().meeting.doc.session().change_log.len();
    let cell = h.get_by_label("Beløb for Frederik Lassen");
    assert!(cell.accesskit_node().is_disabled(), "the cell is not editable");
    cell.focus();
    h.run();
    h.get_by_label("Beløb for Frederik Lassen").type_text("99000");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(amount_of(&h, "KC16"), before);
    assert_eq!(h.state().meeting.doc.session().change_log.len(), log);
    assert!(h.state().meeting.view.table_edit.is_none());
    assert!(h.state().meeting.view.notice.is_none(), "{:?}", h.state().meeting.view.notice);

    // Dragging KC16's dot in the lanes 40 points right moves nothing and asks nothing.
    let dot_label = format!("Frederik Lassen: {}", format_kr(before));
    let dot = h.get_by_label(&dot_label);
    assert_eq!(dot.accesskit_node().role(), Role::Button, "not a slider: it only selects");
    let start = dot.rect().center();
    h.drag_at(start);
    h.run();
    for dx in [10.0, 20.0, 30.0, 40.0] {
        h.hover_at(start + egui::vec2(dx, 0.0));
        h.run();
    }
    h.drop_at(start + egui::vec2(40.0, 0.0));
    h.run();
    assert_eq!(amount_of(&h, "KC16"), before);
    assert_eq!(h.state().meeting.doc.session().change_log.len(), log);
    assert!(h.state().meeting.view.notice.is_none(), "{:?}", h.state().meeting.view.notice);

    // Her own KC01: the controls are enabled and there is no read-only line.
    common::select_by_search(&mut h, &own);
    assert!(h.query_by_label(READ_ONLY_LINE).is_none());
    assert!(h.query_all_by_label_contains("Læses kun").next().is_none());
    for label in ["Sæt", "Ikke drøftet", "Drøftet", "Besluttet", "Lås beløbet", "Sæt forslag"] {
        assert_eq!(buttons(&h, label), (1, 0), "«{label}» is enabled for her own manager");
    }
    assert!(!h.get_by_label("Nyt beløb:").accesskit_node().is_disabled());
    let own_amount = amount_of(&h, "KC01");
    let own_label = format!("{own}: {}", format_kr(own_amount));
    let own_dot = h.get_by_label(&own_label);
    assert_eq!(own_dot.accesskit_node().role(), Role::Slider, "her own manager's dot can be dragged");
    // And her own Beløb cell takes a typed amount: 30.000 kr. (the band's minimum).
    h.get_by_label(&format!("Beløb for {own}")).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(&format!("Beløb for {own}")).type_text("30000");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(amount_of(&h, "KC01"), rust_decimal::Decimal::from(30_000));
}
