//! Issue 28 on screen: a director records her views on the other directors' managers in a
//! prep (kittest through AccessKit), and the meeting shows the merged questions on the
//! focus card, in the *Nu drøftes* strip and in the table's *Spørgsmål* column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::document::{Document, Edit};
use kalibrer::engine::merge::merge;
use kalibrer::engine::prep::make_prep_with;
use kalibrer::model::log::Change;
use kalibrer::model::{Session, Stance};
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::command::Command;

const WHEN: &str = "2026-11-20T08:00:00Z";

fn views_on(h: &Harness<'_, KalibrerApp>, id: &str) -> Vec<kalibrer::model::View> {
    let s = h.state().meeting.doc.session();
    s.managers[s.manager_index(id).unwrap()].views.clone()
}

#[test]
fn a_director_records_a_question_in_her_prep_and_a_question_without_text_is_refused() {
    let prep = make_prep_with(&common::demo(), "DIR-A", WHEN, true).unwrap();
    let mut h = common::app_harness(prep, [1920.0, 1080.0]);
    assert_eq!(h.state().meeting.view.user, "DIR-A");
    // Her own manager (KC01) has no *Din holdning*; DIR-C's KC16 has.
    let own = h.state().meeting.doc.session().managers.iter().find(|m| m.id == "KC01").unwrap().name.clone();
    common::select_by_search(&mut h, &own);
    assert!(h.query_by_label("Din holdning").is_none(), "no view on her own manager");
    common::select_by_search(&mut h, "Frederik Lassen");
    assert!(h.query_by_label("Din holdning").is_some());
    // Spørgsmål without text: the hint is shown and the save button does nothing.
    h.get_by_label("Spørgsmål").click();
    h.run();
    assert!(h.query_by_label(kalibrer::ui::panels::focus_views::NEEDS_TEXT).is_some());
    h.get_by_label("Gem holdning").click();
    h.run();
    assert!(views_on(&h, "KC16").is_empty(), "a question without text is not saved");
    h.snapshot("views_prep_question_without_text");
    // The text, then Gem holdning: the document holds DIR-A's question, one log entry.
    let log = h.state().meeting.doc.session().change_log.len();
    h.get_by_label("Spørgsmålet").focus();
    h.run();
    h.get_by_label("Spørgsmålet").type_text("Hvorfor øverst i spændet?");
    h.run();
    assert!(h.query_by_label(kalibrer::ui::panels::focus_views::NEEDS_TEXT).is_none());
    h.get_by_label("Gem holdning").click();
    h.run();
    let views = views_on(&h, "KC16");
    assert_eq!(views.len(), 1);
    assert_eq!(
        (views[0].by.as_str(), views[0].stance, views[0].text.as_str(), views[0].answered),
        ("DIR-A", Stance::Spoergsmaal, "Hvorfor øverst i spændet?", false)
    );
    let session = h.state().meeting.doc.session();
    assert_eq!(session.change_log.len(), log + 1);
    let entry = session.change_log.last().unwrap();
    assert_eq!((entry.who.as_str(), entry.manager.as_deref()), ("DIR-A", Some("KC16")));
    assert!(matches!(&entry.change, Change::View { director, .. } if director == "DIR-A"));
    assert!(h.query_by_label("Gemt: spørgsmål: «Hvorfor øverst i spændet?»").is_some());
    // Enig replaces it (a comment may stay empty).
    h.get_by_label("Enig").click();
    h.run();
    h.get_by_label("Kommentar (frivillig)").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label("Gem holdning").click();
    h.run();
    let views = views_on(&h, "KC16");
    assert_eq!((views[0].stance, views[0].text.as_str()), (Stance::Enig, ""));
    // Fjern holdning removes it (logged), and Enig comes back the same way.
    let log = h.state().meeting.doc.session().change_log.len();
    h.get_by_label("Fjern holdning").click();
    h.run();
    assert!(views_on(&h, "KC16").is_empty());
    assert_eq!(h.state().meeting.doc.session().change_log.len(), log + 1);
    assert!(h.query_by_label("Fjern holdning").is_none());
    h.get_by_label("Enig").click();
    h.run();
    h.get_by_label("Gem holdning").click();
    h.run();
    assert_eq!(views_on(&h, "KC16")[0].stance, Stance::Enig);
    // Should a question without text still reach the document, its refusal is shown.
    let ctx = h.ctx.clone();
    let kc16 = h.state().meeting.doc.session().manager_index("KC16").unwrap();
    let edit = Edit::SetView { manager: kc16, by: "DIR-A".into(), stance: Some(Stance::Spoergsmaal), text: " ".into() };
    h.state_mut().run_command(&ctx, Command::Edit(edit));
    h.run();
    let notice = h.state().meeting.view.notice.clone().unwrap();
    assert!(notice.is_error);
    assert!(notice.text.starts_with("Frederik Lassen: et spørgsmål skal have en skrevet tekst"), "{}", notice.text);
    assert!(h.query_by_label_contains("et spørgsmål skal have en skrevet tekst").is_some(), "shown on screen");
    assert_eq!(views_on(&h, "KC16")[0].stance, Stance::Enig);
}

/// Three directors' preps merged into the demo: KC16 (Frederik Lassen, DIR-C's) gets
/// questions from DIR-A and DIR-B; AC01 (Karsten Ravn, DEP's) DIR-A enig, DIR-B a question,
/// DIR-C ingen holdning.
fn merged() -> Session {
    let s = common::demo();
    let view = |doc: &mut Document, id: &str, by: &str, stance: Stance, text: &str| {
        let manager = doc.session().manager_index(id).unwrap();
        doc.apply(Edit::SetView { manager, by: by.into(), stance: Some(stance), text: text.into() }, by).unwrap();
    };
    let mut a = Document::new(make_prep_with(&s, "DIR-A", WHEN, true).unwrap(), None);
    let mut b = Document::new(make_prep_with(&s, "DIR-B", WHEN, true).unwrap(), None);
    let mut c = Document::new(make_prep_with(&s, "DIR-C", WHEN, true).unwrap(), None);
    view(&mut a, "KC16", "DIR-A", Stance::Spoergsmaal, "Hvorfor øverst i spændet?");
    view(&mut a, "AC01", "DIR-A", Stance::Enig, "");
    view(&mut b, "KC16", "DIR-B", Stance::Spoergsmaal, "Er målene nået?");
    view(&mut b, "AC01", "DIR-B", Stance::Spoergsmaal, "Sammenlignet med AC03?");
    view(&mut c, "AC01", "DIR-C", Stance::IngenHolding, "");
    let preps = vec![
        ("a.ron".to_string(), a.session().clone()),
        ("b.ron".to_string(), b.session().clone()),
        ("c.ron".to_string(), c.session().clone()),
    ];
    let (merged, report) = merge(&s, &preps, None).unwrap();
    assert!(report.resolved && report.conflicts.is_empty());
    merged
}

#[test]
fn the_meeting_shows_every_question_with_who_asked_and_marks_one_answered() {
    let mut h = common::app_harness(merged(), [1920.0, 1080.0]);
    assert_eq!(h.state().meeting.view.user, "DEP");
    common::select_by_search(&mut h, "Frederik Lassen");
    // Hand-counted: 2 questions, both open; no *Din holdning* in the meeting.
    assert!(h.query_by_label("2 spørgsmål · 2 åbne").is_some());
    assert!(h.query_by_label("Henrik Lykke Andersen: «Hvorfor øverst i spændet?»").is_some());
    assert!(h.query_by_label("Mette Overgaard: «Er målene nået?»").is_some());
    assert!(h.query_by_label("Din holdning").is_none());
    // The table's column: KC16 has 2 questions, 2 open.
    assert!(h.query_by_label("Spørgsmål til Frederik Lassen: 2 spørgsmål, 2 åbne").is_some());
    let log = h.state().meeting.doc.session().change_log.len();
    h.get_by_label("Besvaret: Mette Overgaard").click();
    h.run();
    let views = views_on(&h, "KC16");
    assert_eq!(
        views.iter().map(|v| (v.by.as_str(), v.answered)).collect::<Vec<_>>(),
        [("DIR-A", false), ("DIR-B", true)]
    );
    let session = h.state().meeting.doc.session();
    assert_eq!(session.change_log.len(), log + 1, "one log entry");
    let entry = session.change_log.last().unwrap();
    assert_eq!((entry.who.as_str(), entry.why.as_str()), ("DEP", "Besvaret i mødet"));
    assert_eq!(entry.manager.as_deref(), Some("KC16"));
    assert!(h.query_by_label("2 spørgsmål · 1 åbent").is_some());
    assert!(h.query_by_label("✔ besvaret").is_some());
    assert!(h.query_by_label("Besvaret: Mette Overgaard").is_none());
    assert!(h.query_by_label("Spørgsmål til Frederik Lassen: 2 spørgsmål, 1 åbent").is_some());
    // AC01: one question (DIR-B), enig and ingen holdning as count lines.
    common::select_by_search(&mut h, "Karsten Ravn");
    assert!(h.query_by_label("1 spørgsmål · 1 åbent").is_some());
    assert!(h.query_by_label("Mette Overgaard: «Sammenlignet med AC03?»").is_some());
    assert!(h.query_by_label("Enig (1): Henrik Lykke Andersen").is_some());
    assert!(h.query_by_label("Ingen holdning (1): Jonas Riis Thomsen").is_some());
    assert!(h.query_by_label("Spørgsmål til Karsten Ravn: 1 spørgsmål, 1 åbent").is_some());
    // A manager without views: no section, an empty cell.
    common::select_by_search(&mut h, "Birgitte Kjærsgaard");
    assert!(h.query_by_label_contains("Spørgsmål til Birgitte").is_none());
    assert!(h.query_by_label_contains("åbne").is_none() && h.query_by_label_contains("åbent").is_none());
}

#[test]
fn the_now_strip_shows_the_open_questions_and_the_first_with_who_asked() {
    let mut h = common::app_harness(merged(), [1920.0, 1080.0]);
    common::select_by_search(&mut h, "Frederik Lassen");
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().meeting.view.presentation);
    assert!(h.query_by_label("2 åbne spørgsmål").is_some());
    assert!(h.query_by_label("Henrik Lykke Andersen: «Hvorfor øverst i spændet?»").is_some());
    // Answered: the strip goes on to the next open question.
    let ctx = h.ctx.clone();
    let kc16 = h.state().meeting.doc.session().manager_index("KC16").unwrap();
    h.state_mut()
        .run_command(&ctx, Command::Edit(Edit::AnswerQuestion { manager: kc16, by: "DIR-A".into(), answered: true }));
    h.run();
    assert!(h.query_by_label("1 åbent spørgsmål").is_some());
    assert!(h.query_by_label("Mette Overgaard: «Er målene nået?»").is_some());
    // With initials chosen, the asker is named by initials too.
    h.get_by_label("Initialer").click();
    h.run();
    assert!(h.query_by_label("MO: «Er målene nået?»").is_some());
    h.state_mut()
        .run_command(&ctx, Command::Edit(Edit::AnswerQuestion { manager: kc16, by: "DIR-B".into(), answered: true }));
    h.run();
    assert!(h.query_by_label("2 spørgsmål – besvaret").is_some());
}

/// The meeting with Frederik Lassen (two open questions) selected, at one size and mode.
fn views_snapshot(w: f32, hgt: f32, presentation: bool) {
    let mut h = common::app_harness(merged(), [w, hgt]);
    common::select_by_search(&mut h, "Frederik Lassen");
    // The search leaves one row; clear it so the table shows the column on every row.
    h.get_by_label("Søg:").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.key_press(Key::Escape);
    h.run();
    // The table brings the selection into view (as a click on a dot does).
    h.state_mut().meeting.view.scroll_to_selected = true;
    h.run();
    if presentation {
        h.key_press(Key::F5);
        h.run();
    }
    let mode = if presentation { "presentation" } else { "normal" };
    h.snapshot(format!("views_{w}x{hgt}_{mode}"));
}

#[test]
fn views_1920x1080_normal() {
    views_snapshot(1920.0, 1080.0, false);
}

#[test]
fn views_1920x1080_presentation() {
    views_snapshot(1920.0, 1080.0, true);
}

#[test]
fn views_1366x768_normal() {
    views_snapshot(1366.0, 768.0, false);
}

#[test]
fn views_1366x768_presentation() {
    views_snapshot(1366.0, 768.0, true);
}
