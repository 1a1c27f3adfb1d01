//! Preparation and merge through the GUI's code paths (no file dialogs in tests).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::document::Edit;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::io;
use kalibrer::model::MeetingStatus;
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::command::Command;
use rust_decimal::Decimal;

#[test]
fn prep_mode_then_merge_with_an_explicit_conflict_choice() {
    let dir = std::env::temp_dir().join(format!("kalibrer-uiprep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let session = io::parse_session(io::DEMO_RON).unwrap();
    let mut meeting = KalibrerApp::with_session(session.clone(), None);
    let prep_path = dir.join("prep.ron");
    meeting.write_prep("DIR-C", &prep_path);
    assert!(!meeting.meeting.view.notice.as_ref().unwrap().is_error);

    // The director opens the prep file: prep mode, only their managers, they are the user.
    let p = prep_path.clone();
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&p).unwrap(), Some(p.clone())));
    h.run();
    assert!(h.query_by_label_contains("FORBEREDELSE · Jonas Riis Thomsen").is_some());
    assert!(h.state().meeting.doc.session().managers.iter().all(|m| m.superior == "DIR-C"));
    assert_eq!(h.state().meeting.view.user, "DIR-C");
    let first = h.state().meeting.doc.session().managers[0].clone();
    let formula = h.state().meeting.eval.amounts[0].amount;
    // The director edits through the app's commands, as the focus card does: two scores,
    // the amount +3.000 kr. above the formula (a skøn) with its justification, notes, a
    // status and the lock; then saves.
    let ctx = h.ctx.clone();
    for command in [
        Command::Edit(Edit::SetBoxScore { manager: 0, criterion: "kompetence".into(), score: Some(1) }),
        Command::Edit(Edit::SetBoxScore { manager: 0, criterion: "trivsel".into(), score: Some(1) }),
    ] {
        h.state_mut().run_command(&ctx, command);
    }
    let raised = h.state().meeting.eval.amounts[0].amount + Decimal::from(3_000);
    for command in [
        Command::Edit(Edit::SetAmount { manager: 0, amount: raised, drag: false }),
        Command::EndContinuous,
        Command::Edit(Edit::SetJustification { manager: 0, text: "Overtog kontoret under sygdom".into() }),
        Command::EndContinuous,
        Command::Edit(Edit::SetNotes { manager: 0, text: "Talt med 14/11".into() }),
        Command::EndContinuous,
        Command::Edit(Edit::SetStatus { manager: 0, status: MeetingStatus::Droeftet }),
        Command::ToggleLock(0),
    ] {
        h.state_mut().run_command(&ctx, command);
    }
    assert_eq!(h.state().meeting.eval.amounts[0].amount, raised);
    assert_ne!(raised, formula + Decimal::from(3_000), "the scores raised the formula first");
    let prep = h.state().meeting.doc.session().clone();
    assert_eq!(prep.managers[0].adjustment.as_ref().unwrap().amount, Decimal::from(3_000));
    io::save_session(&prep_path, &prep).unwrap();
    drop(h);

    // Meanwhile the meeting changed trivsel and the notes of the same manager: conflicts.
    let i = meeting.meeting.doc.session().manager_index(&first.id).unwrap();
    let edit = kalibrer::document::Edit::SetBoxScore { manager: i, criterion: "trivsel".into(), score: Some(6) };
    meeting.meeting.doc.apply(edit, "DEP").unwrap();
    meeting
        .meeting
        .doc
        .apply(kalibrer::document::Edit::SetNotes { manager: i, text: "Mødets note".into() }, "DEP")
        .unwrap();
    meeting.meeting.doc.close_continuous();
    let mut h = Harness::builder().with_size([1920.0, 1080.0]).with_max_steps(16).build_eframe(move |cc| {
        let mut app = meeting;
        app.install(&cc.egui_ctx);
        app
    });
    h.run();
    h.state_mut().merge_files(std::slice::from_ref(&prep_path));
    h.run();
    let m = &h.state().meeting.doc.session().managers[i];
    assert_eq!(m.box_scores["kompetence"], 1, "applied automatically");
    assert_eq!(m.box_scores["trivsel"], 6, "the session's value is not overwritten silently");
    let adj = m.adjustment.as_ref().unwrap();
    assert_eq!((adj.amount, adj.justification.as_str()), (Decimal::from(3_000), "Overtog kontoret under sygdom"));
    assert_eq!((m.notes.as_str(), m.status, m.locked), ("Mødets note", MeetingStatus::Droeftet, true));
    assert!(h.query_by_label_contains("konflikter fra forberedelserne").is_some());
    // Two conflicts, in field order: the trivsel score, then the notes.
    let fields: Vec<String> =
        h.state().dialogs.conflicts.as_ref().unwrap().conflicts.iter().map(|c| c.field.clone()).collect();
    assert_eq!(fields, ["Score Trivsel", "Noter"]);
    h.get_all_by_label("Tag forberedelsens").next().unwrap().hover();
    h.run();
    h.get_all_by_label("Tag forberedelsens").next().unwrap().click();
    h.run();
    h.get_by_label("Behold sessionens").hover();
    h.run();
    h.get_by_label("Behold sessionens").click();
    h.run();
    let m = &h.state().meeting.doc.session().managers[i];
    assert_eq!(m.box_scores["trivsel"], 1, "taken after an explicit choice");
    assert_eq!(m.notes, "Mødets note", "kept after an explicit choice");
    assert!(h.query_by_label_contains("konflikter fra forberedelserne").is_none());
    let log = &h.state().meeting.doc.session().change_log;
    for what in ["Score Kompetenceudvikling", "Skøn", "Status", "Lås"] {
        assert!(
            log.iter()
                .any(|e| e.change.what() == what && e.who == "DIR-C" && e.why == "fra forberedelse prep.ron (DIR-C)"),
            "{what}"
        );
    }
    assert!(log.iter().any(|e| e.why.contains("Konflikt løst")));
    // Undo the conflict choice, then the merge: back to the meeting's values.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let m = &h.state().meeting.doc.session().managers[i];
    assert_eq!((m.box_scores.get("kompetence"), m.box_scores["trivsel"]), (first.box_scores.get("kompetence"), 6));
    let _ = std::fs::remove_dir_all(&dir);
}
