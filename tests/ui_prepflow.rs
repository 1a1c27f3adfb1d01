//! From preparation to agenda on screen (issue 28): *Forbered for …* with the other
//! directors' managers through Kalibrer's own file dialog, a prep's gauge against the
//! director's own frame, the agenda's order *spørgsmål først* followed by N, and another
//! *Indtaster* chosen when the current one steps aside on her own item.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::document::Edit;
use kalibrer::io;
use kalibrer::model::Stance;
use kalibrer::model::log::Change;
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::command::Command;
use kalibrer::ui::dialogs::file_purpose::DialogMode;
use rust_decimal::Decimal;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-prepflow-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The demo with Kalibrer's own file dialog opening in `dir`.
fn demo_with_own_dialog(dir: &Path) -> Harness<'static, KalibrerApp> {
    let mut h =
        Harness::builder().with_size([1920.0, 1080.0]).build_eframe(|cc| KalibrerApp::new(cc, common::demo(), None));
    h.state_mut().dialogs.files.mode = DialogMode::InApp;
    h.state_mut().dialogs.files.last_folder = Some(dir.to_path_buf());
    h.run();
    h
}

/// Replaces the text of the field labelled `label` by `text`.
fn type_in(h: &mut Harness<'static, KalibrerApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// *Filer → Forbered for … → <executive>*, then the file name typed in the own dialog.
fn prepare_through_the_menu(h: &mut Harness<'static, KalibrerApp>, executive: &str, target: &Path, tick: bool) {
    h.get_by_label("Filer").click();
    h.run();
    h.get_by_label("Forbered for …").click();
    h.run();
    if tick {
        h.get_by_label(kalibrer::ui::panels::topbar_menu::OTHERS_LABEL).click();
        h.run();
        if h.query_by_label(executive).is_none() {
            // The click closed the menu: open it again.
            h.get_by_label("Filer").click();
            h.run();
            h.get_by_label("Forbered for …").click();
            h.run();
        }
    }
    h.get_by_label(executive).click();
    h.run();
    assert!(h.query_by_label_contains("Gem forberedelsen for").is_some(), "the own file dialog asks where");
    type_in(h, "Filnavn (.ron):", &target.display().to_string());
    h.get_by_label("Gem").click();
    h.run();
}

#[test]
fn prepare_for_with_the_other_directors_managers_writes_them_all_and_is_remembered() {
    let dir = temp_dir("others");
    let mut h = demo_with_own_dialog(&dir);
    assert!(!h.state().settings.prep_others, "off until chosen");
    let jonas = "Jonas Riis Thomsen (Styrelsesdirektør, Styrelsen for Digital Service)";

    // Off (the default): only her four managers KC13–KC16.
    let own = dir.join("own.ron");
    prepare_through_the_menu(&mut h, jonas, &own, false);
    let prep = io::load_session_file(&own).unwrap();
    let ids: Vec<&str> = prep.managers.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["KC13", "KC14", "KC15", "KC16"]);

    // Ticked: all 28 managers of the demo, her own four among them; the choice stays.
    let all = dir.join("all.ron");
    prepare_through_the_menu(&mut h, jonas, &all, true);
    assert!(h.state().settings.prep_others, "the choice is remembered");
    let prep = io::load_session_file(&all).unwrap();
    assert_eq!(prep.managers.len(), 28);
    assert_eq!(prep.prep.as_ref().unwrap().executive, "DIR-C");
    assert_eq!(prep.managers.iter().filter(|m| m.superior == "DIR-C").count(), 4);
    assert_eq!(
        h.state().meeting.view.notice.as_ref().unwrap().text,
        format!("Forberedelse med 28 ledere skrevet til {}", all.display())
    );

    // The next prep takes the remembered choice without a tick.
    let again = dir.join("again.ron");
    prepare_through_the_menu(&mut h, jonas, &again, false);
    assert_eq!(io::load_session_file(&again).unwrap().managers.len(), 28);
    let _ = std::fs::remove_dir_all(&dir);
}

/// DIR-C's prep of the demo (her managers KC13–KC16), the amounts set to 40.000, 41.000,
/// 42.000 and 43.000 kr. by her, with `budget` as her director budget when given.
fn dir_c_prep(budget: Option<i64>) -> Harness<'static, KalibrerApp> {
    let mut session = common::demo();
    if let Some(b) = budget {
        session.policies.director_budgets.insert("DIR-C".into(), Decimal::from(b));
    }
    let prep = kalibrer::engine::prep::make_prep(&session, "DIR-C", "2026-11-20T09:00:00Z").unwrap();
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(24)
        .build_eframe(move |cc| KalibrerApp::new(cc, prep.clone(), None));
    h.run();
    let ctx = h.ctx.clone();
    for (manager, kr) in [40_000, 41_000, 42_000, 43_000].into_iter().enumerate() {
        let edit = Edit::SetAmount { manager, amount: Decimal::from(kr), drag: false };
        h.state_mut().run_command(&ctx, Command::Edit(edit));
        h.state_mut().run_command(&ctx, Command::EndContinuous);
    }
    h.run();
    h
}

#[test]
fn a_prep_gauge_shows_her_managers_against_her_director_budget_not_the_pool() {
    // 40.000 + 41.000 + 42.000 + 43.000 = 166.000 kr. of a budget of 170.000 kr.: 4.000 kr. left.
    let mut h = dir_c_prep(Some(170_000));
    assert!(h.query_by_label("Brugt 166.000 kr. af 170.000 kr.").is_some(), "the frame's sum against her budget");
    assert!(h.query_by_label("Rest 4.000 kr.").is_some());
    assert!(h.query_by_label_contains("af 1.540.000 kr.").is_none(), "the gauge never shows the ministry's pool");
    let figures =
        kalibrer::ui::panels::topbar_gauge::figures(&h.state().meeting.eval, h.state().meeting.derived.frame.as_ref());
    assert_eq!((figures.noun, figures.name), ("budget", "Budget"));
    // 166.000 / 170.000 = 97,6 % → "98 % af budget" in the gauge.
    assert_eq!(figures.status.used_percent().unwrap().round_dp(0), Decimal::from(98));
    h.snapshot("prepflow_prep_budget");

    // On a 1366×768 screen the same frame, the gauge holding the budget's size.
    h.set_size(egui::vec2(1366.0, 768.0));
    h.run();
    assert!(h.query_by_label("Rest 4.000 kr.").is_some());
    h.snapshot("prepflow_prep_budget_1366x768");

    // Over the budget: 166.000 − 160.000 = 6.000 kr. too much.
    let mut h = dir_c_prep(Some(160_000));
    assert!(h.query_by_label("Brugt 166.000 kr. af 160.000 kr.").is_some());
    assert!(h.query_by_label("Overskredet med 6.000 kr.").is_some());
    h.run();
}

#[test]
fn a_prep_without_a_budget_is_judged_against_her_managers_last_year() {
    // Last year (2025): KC13 44.000 + KC14 37.000 + KC15 33.000 + KC16 40.000 = 154.000 kr.;
    // now 166.000 kr.: 12.000 kr. over.
    let h = dir_c_prep(None);
    assert!(h.query_by_label("Brugt 166.000 kr. af 154.000 kr.").is_some());
    assert!(h.query_by_label("Overskredet med 12.000 kr.").is_some());
    let figures =
        kalibrer::ui::panels::topbar_gauge::figures(&h.state().meeting.eval, h.state().meeting.derived.frame.as_ref());
    assert_eq!((figures.noun, figures.name), ("sidste år", "Sidste år"));
}

fn selected_id(h: &Harness<'static, KalibrerApp>) -> String {
    let i = h.state().meeting.view.selected.unwrap();
    h.state().meeting.doc.session().managers[i].id.clone()
}

#[test]
fn questions_first_makes_n_go_to_the_questioned_managers_first() {
    let mut h = common::app_harness(common::demo(), [1920.0, 1080.0]);
    let ctx = h.ctx.clone();
    let index =
        |h: &Harness<'static, KalibrerApp>, id: &str| h.state().meeting.doc.session().manager_index(id).unwrap();
    // Two questions on Lene Frost (KC05), one on Jesper Halkjær (KC20).
    let (kc05, kc20) = (index(&h, "KC05"), index(&h, "KC20"));
    for (manager, by) in [(kc05, "DIR-B"), (kc05, "DIR-C"), (kc20, "DIR-A")] {
        let text = "Hvorfor over sidste år?".to_string();
        let edit = Edit::SetView { manager, by: by.into(), stance: Some(Stance::Spoergsmaal), text };
        h.state_mut().run_command(&ctx, Command::Edit(edit));
    }
    h.run();
    // By level (the default), Jesper Halkjær is 25 of 28: DC01, the three SD, the four AC,
    // then the KC by unit – Departementet, Ret og Økonomi last with four, his name first.
    h.state_mut().meeting.view.selected = Some(kc20);
    h.run();
    assert!(h.query_by_label_contains("25 af 28 på dagsordenen").is_some());

    h.get_by_label("Filer").click();
    h.run();
    h.get_by_label("Dagsorden: spørgsmål først").click();
    h.run();
    if h.query_by_label("Åbn …  (Ctrl+O)").is_some() {
        h.get_by_label("Filer").click();
        h.run();
    }
    assert_eq!(h.state().meeting.view.agenda_order, kalibrer::engine::agenda::AgendaOrder::Questions);
    assert!(h.query_by_label_contains("2 af 28 på dagsordenen").is_some(), "one question: second");

    // From no selection, N goes to the most questions first, then the one, then the usual.
    h.state_mut().meeting.view.selected = None;
    h.run();
    let mut visited = Vec::new();
    for _ in 0..3 {
        h.key_press(Key::N);
        h.run();
        visited.push(selected_id(&h));
    }
    assert_eq!(visited, ["KC05", "KC20", "DC01"]);
    // In presentation mode, the strip says the place in the chosen order.
    h.key_press(Key::P);
    h.run();
    h.key_press(Key::F5);
    h.run();
    assert!(h.query_by_label_contains("Nu drøftes · 2 af 28").is_some());
    // The app's agenda is the engine's.
    let engine = kalibrer::engine::agenda::agenda(
        h.state().meeting.doc.session(),
        kalibrer::engine::agenda::AgendaOrder::Questions,
    );
    assert_eq!(h.state().meeting.derived.agenda, engine);

    // Two more questions on Jesper Halkjær (3 against Lene Frost's 2): he moves first at once.
    for by in ["DIR-B", "DIR-C"] {
        let text = "Og næste år?".to_string();
        let edit = Edit::SetView { manager: kc20, by: by.into(), stance: Some(Stance::Spoergsmaal), text };
        h.state_mut().run_command(&ctx, Command::Edit(edit));
    }
    h.run();
    assert_eq!(h.state().meeting.derived.agenda[..2], [kc20, kc05]);
    assert!(h.query_by_label_contains("Nu drøftes · 1 af 28").is_some());

    // Back to by level: N from Jesper Halkjær goes to Katrine Skov (26 of 28).
    h.state_mut().run_command(&ctx, Command::SetAgendaOrder(kalibrer::engine::agenda::AgendaOrder::Level));
    h.key_press(Key::N);
    h.run();
    assert_eq!(selected_id(&h), "KC17");
}

/// The demo with DC01 (Birgitte Kjærsgaard, the departementschef) selected and 130.000 kr.
/// typed as her amount by the default *Indtaster* DEP – herself.
fn dep_types_her_own_amount() -> Harness<'static, KalibrerApp> {
    let mut h = common::app_harness(common::demo(), [1920.0, 1080.0]);
    assert_eq!(h.state().meeting.view.user, "DEP");
    let dc = h.state().meeting.doc.session().manager_index("DC01").unwrap();
    h.state_mut().meeting.view.selected = Some(dc);
    h.run();
    assert!(h.query_by_label("inhabil: Birgitte Kjærsgaard træder ud").is_some(), "the focus card says so");
    h.get_by_label("Nyt beløb:").focus();
    h.run();
    h.get_by_label("Nyt beløb:").type_text("130.000");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h
}

const DIALOG: &str = "Birgitte Kjærsgaard er inhabil i sagen om Birgitte Kjærsgaard – vælg en anden indtaster";

#[test]
fn stepping_aside_asks_for_another_indtaster_and_applies_the_edit_as_theirs() {
    let mut h = dep_types_her_own_amount();
    let dc = h.state().meeting.view.selected.unwrap();
    let before = h.state().meeting.eval.amounts[dc].amount;
    assert_ne!(before, Decimal::from(130_000));
    let log_before = h.state().meeting.doc.session().change_log.len();
    assert!(h.query_by_label(DIALOG).is_some(), "the dialog asks for another");
    assert_eq!(h.state().meeting.eval.amounts[dc].amount, before, "nothing changed yet");
    assert_eq!(h.state().meeting.doc.session().change_log.len(), log_before);
    // She is not offered; the three directors are.
    assert!(h.query_by_label("Birgitte Kjærsgaard (Departementschef)").is_none());
    h.snapshot("prepflow_stand_in");
    h.get_by_label("Mette Overgaard (Styrelsesdirektør, Styrelsen for Data og Registre)").click();
    h.run();
    assert!(h.query_by_label(DIALOG).is_none(), "the dialog closed");
    assert_eq!(h.state().meeting.eval.amounts[dc].amount, Decimal::from(130_000));
    assert_eq!(h.state().meeting.view.user, "DIR-B", "she is the Indtaster now");
    let log = &h.state().meeting.doc.session().change_log;
    let amounts: Vec<_> = log[log_before..].iter().filter(|e| matches!(e.change, Change::Amount { .. })).collect();
    assert_eq!(amounts.len(), 1, "one amount entry");
    assert_eq!(amounts[0].who, "DIR-B");
    assert_eq!(amounts[0].manager.as_deref(), Some("DC01"));
    assert!(log[log_before..].iter().all(|e| e.who == "DIR-B"), "every entry of the edit is hers");
}

#[test]
fn annuller_in_the_step_aside_dialog_leaves_everything() {
    let mut h = dep_types_her_own_amount();
    let dc = h.state().meeting.view.selected.unwrap();
    let before = h.state().meeting.eval.amounts[dc].amount;
    let log_before = h.state().meeting.doc.session().change_log.len();
    assert!(h.query_by_label(DIALOG).is_some());
    h.get_by_label("Annuller").click();
    h.run();
    assert!(h.query_by_label(DIALOG).is_none());
    assert_eq!(h.state().meeting.eval.amounts[dc].amount, before);
    assert_eq!(h.state().meeting.view.user, "DEP");
    assert_eq!(h.state().meeting.doc.session().change_log.len(), log_before);
    assert!(!h.state().meeting.doc.is_dirty());
    // In presentation mode the strip marks her item too.
    h.key_press(Key::F5);
    h.run();
    assert!(h.query_by_label_contains("Nu drøftes · 1 af 28 · inhabil – træder selv ud").is_some());
}
