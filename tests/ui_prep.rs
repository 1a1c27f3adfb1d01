//! Preparation and merge through the GUI's code paths (no file dialogs in tests).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::io;
use kalibrer::ui::KalibrerApp;

#[test]
fn prep_mode_then_merge_with_an_explicit_conflict_choice() {
    let dir = std::env::temp_dir().join(format!("kalibrer-uiprep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let session = io::parse_session(io::DEMO_RON).unwrap();
    let mut meeting = KalibrerApp::with_session(session.clone(), None);
    let prep_path = dir.join("prep.ron");
    meeting.write_prep("DIR-C", &prep_path);
    assert!(!meeting.view.notice.as_ref().unwrap().is_error);

    // The director opens the prep file: prep mode, only their managers, they are the user.
    let p = prep_path.clone();
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&p).unwrap(), Some(p.clone())));
    h.run();
    assert!(h.query_by_label_contains("FORBEREDELSE · Jonas Riis Thomsen").is_some());
    assert!(h.state().doc.session().managers.iter().all(|m| m.superior == "DIR-C"));
    assert_eq!(h.state().view.user, "DIR-C");
    let first = h.state().doc.session().managers[0].clone();
    // The director sets a new score (as the focus card would) and saves.
    let mut prep = h.state().doc.session().clone();
    prep.managers[0].box_scores.insert("kompetence".into(), 1);
    prep.managers[0].box_scores.insert("trivsel".into(), 1);
    io::save_session(&prep_path, &prep).unwrap();
    drop(h);

    // Meanwhile the meeting changed trivsel for the same manager: that is a conflict.
    let i = meeting.doc.session().manager_index(&first.id).unwrap();
    let edit = kalibrer::document::Edit::SetBoxScore { manager: i, criterion: "trivsel".into(), score: Some(6) };
    meeting.doc.apply(edit, "DEP").unwrap();
    let mut h = Harness::builder().with_size([1920.0, 1080.0]).with_max_steps(16).build_eframe(move |cc| {
        let mut app = meeting;
        app.install(&cc.egui_ctx);
        app
    });
    h.run();
    h.state_mut().merge_files(std::slice::from_ref(&prep_path));
    h.run();
    let m = &h.state().doc.session().managers[i];
    assert_eq!(m.box_scores["kompetence"], 1, "applied automatically");
    assert_eq!(m.box_scores["trivsel"], 6, "the session's value is not overwritten silently");
    assert!(h.query_by_label_contains("konflikter fra forberedelserne").is_some());
    // Two conflicts: the prep was made from an older version of the session (listed for
    // information, nothing to take), and the trivsel score.
    assert_eq!(h.state().conflicts.as_ref().unwrap().conflicts.len(), 2);
    h.get_all_by_label("Tag forberedelsens").last().unwrap().hover();
    h.run();
    h.get_all_by_label("Tag forberedelsens").last().unwrap().click();
    h.run();
    h.get_by_label("Behold sessionens").hover();
    h.run();
    h.get_by_label("Behold sessionens").click();
    h.run();
    assert_eq!(h.state().doc.session().managers[i].box_scores["trivsel"], 1, "taken after an explicit choice");
    assert!(h.query_by_label_contains("konflikter fra forberedelserne").is_none());
    let log = &h.state().doc.session().change_log;
    assert!(log.iter().any(|e| e.why.contains("Forberedelse fra prep.ron")));
    assert!(log.iter().any(|e| e.why.contains("Konflikt løst")));
    // Undo the conflict choice, then the merge: back to the meeting's values.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let m = &h.state().doc.session().managers[i];
    assert_eq!((m.box_scores.get("kompetence"), m.box_scores["trivsel"]), (first.box_scores.get("kompetence"), 6));
    let _ = std::fs::remove_dir_all(&dir);
}
