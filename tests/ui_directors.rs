//! UI tests of the director's proposal on the meeting screen (issue 27): the table's
//! *Forslag* and *Δ forslag* columns, the proposal in the focus card, and a merge
//! conflict on the proposal settled from the prep as the merge read it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::document::Edit;
use kalibrer::model::Proposal;
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::command::Command;
use rust_decimal::Decimal;

/// The demo's first manager: proposal 138.375 kr. from DEP.
const NAME: &str = "Birgitte Kjærsgaard";

fn manager(harness: &Harness<'_, KalibrerApp>) -> usize {
    harness.state().meeting.doc.session().managers.iter().position(|m| m.name == NAME).unwrap()
}

fn select(harness: &mut Harness<'_, KalibrerApp>) {
    // The departementschef steps aside on her own item: another executive enters.
    harness.state_mut().meeting.view.user = "DIR-A".into();
    harness.get_by_label("Søg:").focus();
    harness.run();
    harness.get_by_label("Søg:").type_text(NAME);
    harness.run();
    harness.get_all_by_label(NAME).next().expect("name shown").click();
    harness.run();
}

fn shown(harness: &Harness<'_, KalibrerApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

fn type_into(harness: &mut Harness<'_, KalibrerApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn the_proposal_columns_show_the_proposal_and_the_amount_less_it() {
    let mut harness = common::app_harness(common::demo(), [1920.0, 1080.0]);
    select(&mut harness);
    assert!(shown(&harness, "138.375"), "Forslag: 138.375");
    assert!(!shown(&harness, "+11.625"));
    // 150.000 − 138.375 = +11.625; 120.000 − 138.375 = −18.375.
    type_into(&mut harness, &format!("Beløb for {NAME}"), "150.000");
    assert!(shown(&harness, "+11.625"), "Δ forslag after 150.000");
    assert!(shown(&harness, "138.375"), "the proposal stays");
    type_into(&mut harness, &format!("Beløb for {NAME}"), "120.000");
    assert!(shown(&harness, "-18.375") || shown(&harness, "−18.375"));
    assert!(shown(&harness, "Δ forslag −18.375 kr.") || shown(&harness, "Δ forslag -18.375 kr."), "the focus card");
}

#[test]
fn editing_the_proposal_in_the_focus_card_logs_one_entry_and_keeps_the_amount() {
    let mut harness = common::app_harness(common::demo(), [1920.0, 1080.0]);
    select(&mut harness);
    let i = manager(&harness);
    let amount = harness.state().meeting.eval.amounts[i].amount;
    let log = harness.state().meeting.doc.session().change_log.len();
    type_into(&mut harness, "Foreslået beløb:", "150.000");
    let app = harness.state();
    let m = &app.meeting.doc.session().managers[i];
    let p = m.proposal.as_ref().unwrap();
    assert_eq!(p.amount, Some(Decimal::from(150_000)));
    assert_eq!(p.rationale, "Resultatkontrakten er opfyldt på alle institutionelle mål.");
    assert_eq!(app.meeting.eval.amounts[i].amount, amount, "the meeting's amount is not the proposal");
    assert_eq!(app.meeting.doc.session().change_log.len(), log + 1);
    // Typing the rationale is one entry however many characters.
    harness.get_by_label("Forslagets begrundelse").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.get_by_label("Forslagets begrundelse").type_text(" Godt.");
    harness.run();
    let app = harness.state();
    let p = app.meeting.doc.session().managers[i].proposal.clone().unwrap();
    assert!(p.rationale.ends_with(" Godt."), "{}", p.rationale);
    assert_eq!(app.meeting.doc.session().change_log.len(), log + 2);
    assert_eq!(app.meeting.eval.amounts[i].amount, amount);
}

#[test]
fn a_proposal_conflict_taken_from_the_prep_takes_the_proposal_the_merge_derived() {
    let dir = tempfile_dir();
    let session = common::demo();
    let i = session.managers.iter().position(|m| m.name == NAME).unwrap();
    let mut prep = kalibrer::engine::prep::make_prep(&session, "DEP", "2026-12-01T10:00:00Z").unwrap();
    // The director prepared the amount, not the proposal: one goal from 80 % to 40 %.
    let pm = prep.managers.iter_mut().find(|m| m.name == NAME).unwrap();
    let goal = pm.goals.iter_mut().find(|g| g.attainment == Some(Decimal::from(80))).unwrap();
    goal.attainment = Some(Decimal::from(40));
    let derived = kalibrer::engine::proposals::with_derived_proposals(&prep);
    let wanted = derived.managers.iter().find(|m| m.name == NAME).unwrap().proposal.clone().unwrap();
    assert_ne!(wanted.amount, Some(Decimal::from(138_375)), "the prep's proposal is derived anew");
    let path = dir.join("dep.ron");
    kalibrer::io::save_session(&path, &prep).unwrap();
    let mut app = KalibrerApp::with_session(session, None);
    // The departementschef steps aside on her own item: another executive enters.
    app.meeting.view.user = "DIR-A".into();
    // Meanwhile the meeting changed the proposal: a conflict on "Forslag".
    let meeting_proposal = Proposal { amount: Some(Decimal::from(100_000)), by: "DEP".into(), ..Proposal::default() };
    let ctx = egui::Context::default();
    app.run_command(&ctx, Command::Edit(Edit::SetProposal { manager: i, proposal: Some(meeting_proposal) }));
    app.merge_files(std::slice::from_ref(&path));
    let k = app.dialogs.conflicts.as_ref().unwrap().conflicts.iter().position(|c| c.field == "Forslag").unwrap();
    app.run_command(&ctx, Command::TakePrepValue(k));
    let taken = app.meeting.doc.session().managers[i].proposal.clone().unwrap();
    assert_eq!(taken.amount, wanted.amount);
    assert_eq!(taken.by, "DEP");
    std::fs::remove_dir_all(dir).ok();
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-ui-directors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The demo at `size`, optionally in presentation mode, with the per-director view on (key R).
fn directors_view(size: [f32; 2], presentation: bool) -> Harness<'static, KalibrerApp> {
    let mut harness = common::app_harness(common::demo(), size);
    if presentation {
        harness.key_press(Key::F5);
        harness.run();
    }
    harness.key_press(Key::R);
    harness.run();
    harness
}

#[test]
fn the_per_director_view_toggles_and_shows_each_directors_figures() {
    let mut harness = common::app_harness(common::demo(), [1920.0, 1080.0]);
    assert!(shown(&harness, "Pr. direktør (R)"));
    assert!(!harness.state().meeting.view.by_director);
    harness.get_by_label("Pr. direktør (R)").click();
    harness.run();
    assert!(harness.state().meeting.view.by_director);
    // DIR-C's four kontorchefer (band 30.000–50.000): proposed 49.000 + 36.000 + 28.000 +
    // 44.000 = 157.000; now KC15 30.000 and KC16 43.000, the others as proposed = 158.000;
    // one up, one down, two unchanged; positions 0,95 + 0,30 + 0 + 0,65 = 1,90 / 4 = 47,5 %
    // → 48 % (to even); indeks 89,6 → 90.
    let figures = "Jonas Riis Thomsen: n = 4 · Ø 48 % · indeks 90 · 157.000 → 158.000 kr. · ↑ 1 ↓ 1 = 2";
    assert!(shown(&harness, figures), "DIR-C's row");
    // Key R goes back to the lanes.
    harness.key_press(Key::R);
    harness.run();
    assert!(!harness.state().meeting.view.by_director);
    assert!(!shown(&harness, figures));
    // With Initialer in presentation mode the directors are named by initials.
    let mut harness = directors_view([1920.0, 1080.0], true);
    harness.get_by_label("Initialer").click();
    harness.run();
    assert!(shown(&harness, "JRT: n = 4 · Ø 48 % · indeks 90 · 157.000 → 158.000 kr. · ↑ 1 ↓ 1 = 2"));
}

/// The view's snapshot at one size and mode.
fn directors_snapshot(w: f32, h: f32, presentation: bool) {
    let mut harness = directors_view([w, h], presentation);
    let mode = if presentation { "presentation" } else { "normal" };
    harness.snapshot(format!("directors_{w}x{h}_{mode}"));
}

#[test]
fn directors_1920x1080_normal() {
    directors_snapshot(1920.0, 1080.0, false);
}

#[test]
fn directors_1920x1080_presentation() {
    directors_snapshot(1920.0, 1080.0, true);
}

#[test]
fn directors_1366x768_normal() {
    directors_snapshot(1366.0, 768.0, false);
}

#[test]
fn directors_1366x768_presentation() {
    directors_snapshot(1366.0, 768.0, true);
}

/// The demo with the first two managers on the agenda chosen for comparison (N, C, N, C).
fn comparing(size: [f32; 2], presentation: bool) -> Harness<'static, KalibrerApp> {
    let mut harness = common::app_harness(common::demo(), size);
    if presentation {
        harness.key_press(Key::F5);
        harness.run();
    }
    for key in [Key::N, Key::C, Key::N, Key::C] {
        harness.key_press(key);
        harness.run();
    }
    harness
}

#[test]
fn compare_opens_with_two_managers_and_escape_closes_it() {
    let mut harness = comparing([1920.0, 1080.0], false);
    let app = harness.state();
    let agenda = app.meeting.derived.agenda.clone();
    assert_eq!(app.meeting.view.compare, vec![agenda[0], agenda[1]]);
    assert!(shown(&harness, "Sammenlign"));
    // Birgitte Kjærsgaard (Departementschef) beside Mette Overgaard (Styrelsesdirektør):
    // proposals 138.375 and 76.000 kr. with their rationales, amounts 138.000 and 76.000 kr.
    for text in ["Accepterede fund", "Departementschef", "Styrelsesdirektør", "138.000 kr.", "Beløb"] {
        assert!(shown(&harness, text), "{text}");
    }
    assert!(shown(&harness, "138.375 kr.\n«Resultatkontrakten er opfyldt på alle institutionelle mål.»"));
    // C again on a manager already compared adds nothing.
    harness.key_press(Key::C);
    harness.run();
    assert_eq!(harness.state().meeting.view.compare.len(), 2);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().meeting.view.compare.is_empty());
    assert!(!shown(&harness, "Accepterede fund"));
}

/// The comparison's snapshot at one size and mode.
fn compare_snapshot(w: f32, h: f32, presentation: bool) {
    let mut harness = comparing([w, h], presentation);
    let mode = if presentation { "presentation" } else { "normal" };
    harness.snapshot(format!("compare_{w}x{h}_{mode}"));
}

#[test]
fn compare_1920x1080_normal() {
    compare_snapshot(1920.0, 1080.0, false);
}

#[test]
fn compare_1920x1080_presentation() {
    compare_snapshot(1920.0, 1080.0, true);
}

#[test]
fn compare_1366x768_normal() {
    compare_snapshot(1366.0, 768.0, false);
}

#[test]
fn compare_1366x768_presentation() {
    compare_snapshot(1366.0, 768.0, true);
}

#[test]
fn ctrl_click_in_the_table_adds_and_removes_a_manager_from_the_comparison() {
    let mut harness = common::app_harness(common::demo(), [1920.0, 1080.0]);
    let i = manager(&harness);
    harness.get_all_by_label(NAME).next().unwrap().click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().meeting.view.compare, vec![i]);
    assert!(shown(&harness, "Vælg en leder mere: Ctrl+klik i tabellen eller tast C."));
    assert_eq!(harness.state().meeting.view.selected, None, "Ctrl+click does not select");
    harness.get_all_by_label(NAME).next().unwrap().click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    assert!(harness.state().meeting.view.compare.is_empty());
}

#[test]
fn a_dot_in_the_per_director_view_selects_and_ctrl_click_compares() {
    let mut harness = directors_view([1920.0, 1080.0], false);
    // Ida Mathiesen (DIR-C, 30.000 kr. at the band's minimum): a dot no other covers.
    let i = harness.state().meeting.doc.session().managers.iter().position(|m| m.name == "Ida Mathiesen").unwrap();
    harness.get_by_label("Prik: Ida Mathiesen").click();
    harness.run();
    assert_eq!(harness.state().meeting.view.selected, Some(i));
    harness.get_by_label("Prik: Ida Mathiesen").click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().meeting.view.compare, vec![i]);
}

/// Three directors of six kontorchefer each (band 30.000–50.000 kr.), direct amounts
/// 30.000 + 1.000 × DIR1 0, 4, 8, 12, 16, 10; DIR2 14 … 19; DIR3 2, 6, 10, 14, 18, 8 –
/// the session of `tests/directors.rs`, where DIR2 is lenient (p = 3 × 131/18.564 = 0,0212).
fn three_directors() -> kalibrer::model::Session {
    use kalibrer::model::{AmountModel, Executive, Manager};
    let mut s = common::demo();
    s.executives = ["DIR1", "DIR2", "DIR3"]
        .iter()
        .map(|id| Executive { id: (*id).into(), name: format!("Direktør {id}"), title: "Direktør".into() })
        .collect();
    s.change_log.clear();
    s.history.clear();
    s.managers.clear();
    let plan: [(&str, [i64; 6]); 3] =
        [("DIR1", [0, 4, 8, 12, 16, 10]), ("DIR2", [14, 15, 16, 17, 18, 19]), ("DIR3", [2, 6, 10, 14, 18, 8])];
    for (dir, steps) in plan {
        for (k, step) in steps.iter().enumerate() {
            let mut m = Manager::new(&format!("{dir}-{k}"), &format!("Leder {dir} {k}"), "KC");
            m.superior = dir.into();
            m.model_override = Some(AmountModel::Direct);
            m.direct_amount = Some(Decimal::from(30_000 + 1_000 * step));
            m.base_salary = Decimal::from(700_000);
            m.total_pay = Decimal::from(760_000);
            s.managers.push(m);
        }
    }
    s
}

#[test]
fn a_flagged_director_shows_the_sentence_for_the_room() {
    let mut harness = common::app_harness(three_directors(), [1920.0, 1080.0]);
    harness.key_press(Key::R);
    harness.run();
    // DIR2: positions 14 … 19 twentieths, mean 99/120 = 82,5 % → 82 % (to even); the rest
    // 108/240 = 45 %: +37,5 points → 38; Holm-adjusted p 0,0212 → "p = 0,02". Indeks: the
    // level's mean is 30.000 + 1.000 × 207/18 = 41.500; DIR2 279.000 / (6 × 41.500) = 1,1205
    // → 112. No proposals.
    let dir2 = "Direktør DIR2: n = 6 · Ø 82 % · indeks 112 · ingen forslag · Direktør DIR2s ledere ligger \
                i gennemsnit 38 procentpoint højere i spændet end de øvriges (n = 6, p = 0,02).";
    let labels: Vec<String> = harness.query_all_by_label_contains("Direktør DIR").map(|n| format!("{n:?}")).collect();
    assert!(shown(&harness, dir2), "{labels:#?}");
    assert!(labels.iter().any(|l| l.contains("Direktør DIR1: n = 6") && !l.contains("procentpoint")), "{labels:#?}");
    harness.snapshot("directors_flagged_1920x1080_normal");
}

#[test]
fn dots_at_one_position_are_stacked_and_each_keeps_its_click() {
    // DIR1-5 moved to DIR1-2's amount (38.000 kr.): two dots at 40 % of the band. At
    // 1920×1080 the row has room for a whole diameter and the rims between centres.
    let mut s = three_directors();
    let b = s.manager_index("DIR1-5").unwrap();
    s.managers[b].direct_amount = Some(Decimal::from(38_000));
    stacked_and_clickable(s, ["Leder DIR1 2", "Leder DIR1 5"], "Direktør DIR1:", [1920.0, 1080.0], 2.0 * 7.0 + 2.0);
    // The demo at 1366×768 normal: rows of about 37 points. DIR-C's KC15 and KC16 both at
    // 36.000 kr. (30 % of the Kontorchef band): the step shrinks to what the row allows,
    // down to MIN_STACK_STEP (9 points), each centre off the other dot.
    let mut s = common::demo();
    for id in ["KC15", "KC16"] {
        let k = s.manager_index(id).unwrap();
        s.managers[k].model_override = Some(kalibrer::model::AmountModel::Direct);
        s.managers[k].direct_amount = Some(Decimal::from(36_000));
    }
    let min = kalibrer::ui::panels::directors_ui::MIN_STACK_STEP;
    stacked_and_clickable(s, ["Ida Mathiesen", "Frederik Lassen"], "Jonas Riis Thomsen:", [1366.0, 768.0], min);
}

/// The dots of managers `names` (at one amount) in the row starting `row_label`, stacked
/// at least `apart` points apart, neither over the other's centre; each keeps its own
/// hover, click and Ctrl+click.
fn stacked_and_clickable(s: kalibrer::model::Session, names: [&str; 2], row_label: &str, size: [f32; 2], apart: f32) {
    let (a, b) = (
        s.managers.iter().position(|m| m.name == names[0]).unwrap(),
        s.managers.iter().position(|m| m.name == names[1]).unwrap(),
    );
    let mut harness = common::app_harness(s, size);
    harness.key_press(Key::R);
    harness.run();
    let (la, lb) = (format!("Prik: {}", names[0]), format!("Prik: {}", names[1]));
    let ra = harness.get_by_label(&la).rect();
    let rb = harness.get_by_label(&lb).rect();
    let row = harness.get_by_label_contains(row_label).rect();
    assert!((ra.center().x - rb.center().x).abs() < 0.01, "one position: {ra:?} {rb:?}");
    assert!(ra.center().distance(rb.center()) >= apart - 0.01, "{apart} apart at {size:?}: {ra:?} {rb:?}");
    assert!(!ra.contains(rb.center()) && !rb.contains(ra.center()), "neither covers the other's centre");
    assert!(row.contains(ra.center()) && row.contains(rb.center()), "both in the row {row:?}: {ra:?} {rb:?}");
    harness.get_by_label(&lb).hover();
    harness.run();
    harness.get_by_label(&lb).click();
    harness.run();
    assert_eq!(harness.state().meeting.view.selected, Some(b));
    harness.get_by_label(&la).click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().meeting.view.compare, vec![a]);
    assert_eq!(harness.state().meeting.view.selected, Some(b), "Ctrl+click does not select");
}

#[test]
fn each_row_lists_its_largest_changes_and_the_total_row_every_managers() {
    let harness = directors_view([1920.0, 1080.0], false);
    // DIR-C: KC15 proposed 28.000, now 30.000 (+2.000); KC16 44.000 → 43.000 (−1.000);
    // no reasons in the demo's log.
    for line in [
        "Ændring: Ida Mathiesen: 28.000 → 30.000 (+2.000) – ingen begrundelse i loggen",
        "Ændring: Frederik Lassen: 44.000 → 43.000 (−1.000) – ingen begrundelse i loggen",
        // The largest over every manager: KC06 35.000 → 32.000 (DIR-A).
        "Ændring: Thomas Vinther: 35.000 → 32.000 (−3.000) – ingen begrundelse i loggen",
    ] {
        assert!(shown(&harness, line), "{line}");
    }
    // All 28: proposed 711.625 + 332.000 + 370.000 + 157.000 = 1.570.625, now 1.565.000;
    // up 2 + 0 + 0 + 1 = 3, down 2 + 1 + 1 + 1 = 5, unchanged 6 + 6 + 6 + 2 = 20.
    assert!(shown(&harness, "Alle: n = 28 · 1.570.625 → 1.565.000 kr. · ↑ 3 ↓ 5 = 20"));
}

#[test]
fn a_reason_from_the_log_is_in_the_row_in_presentation_mode() {
    let mut s = common::demo();
    let i = s.managers.iter().position(|m| m.name == "Thomas Vinther").unwrap();
    let mut doc = kalibrer::document::Document::new(s.clone(), None);
    doc.apply(Edit::SetJustification { manager: i, text: "Sen leverance".into() }, "DEP").unwrap();
    s = doc.session().clone();
    let mut harness = common::app_harness(s, [1366.0, 768.0]);
    harness.key_press(Key::F5);
    harness.run();
    harness.key_press(Key::R);
    harness.run();
    assert!(shown(&harness, "Ændring: Thomas Vinther: 35.000 → 32.000 (−3.000) «Sen leverance»"));
}
