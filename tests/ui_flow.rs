//! Meeting flow on the demo: agenda navigation, status, fit-to-pool preview, lock.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::model::MeetingStatus;
use kalibrer::ui::KalibrerApp;

fn harness() -> Harness<'static, KalibrerApp> {
    let session = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, session.clone(), None));
    h.run();
    h
}

#[test]
fn page_down_walks_the_agenda_and_status_is_recorded_with_who() {
    let mut h = harness();
    h.key_press(Key::PageDown);
    h.run();
    let first = h.state().meeting.view.selected.unwrap();
    // Agenda: highest level first — the departementschef.
    assert_eq!(h.state().meeting.doc.session().managers[first].level, "DC");
    h.key_press(Key::PageDown);
    h.run();
    let second = h.state().meeting.view.selected.unwrap();
    assert_eq!(h.state().meeting.doc.session().managers[second].level, "SD");
    h.get_by_label("Besluttet").click();
    h.run();
    let m = &h.state().meeting.doc.session().managers[second];
    assert_eq!(m.status, MeetingStatus::Besluttet);
    assert_eq!(m.final_amount, Some(h.state().meeting.eval.amounts[second].amount));
    let entry = h.state().meeting.doc.session().change_log.last().unwrap();
    assert_eq!(
        (entry.change.what(), entry.change.new_text(), entry.who.as_str()),
        ("Status".into(), "Besluttet".into(), "DEP")
    );
    assert!(h.query_by_label_contains("Besluttet 1/28").is_some());
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(h.state().meeting.view.selected, Some(first));
}

#[test]
fn fit_to_pool_is_a_preview_until_accepted_and_undoes_as_one_step() {
    let mut h = harness();
    let before = h.state().meeting.eval.pool.used;
    assert!(before > h.state().meeting.eval.pool.pool, "the demo starts over the pool");
    h.get_by_label("Tilpas til puljen").click();
    h.run();
    assert!(h.query_by_label("Acceptér forslaget").is_some());
    assert_eq!(h.state().meeting.eval.pool.used, before, "nothing applied yet");
    // A widget that just appeared needs the pointer over it for a frame, as with a mouse.
    h.get_by_label("Afvis").hover();
    h.run();
    h.get_by_label("Afvis").click();
    h.run();
    assert!(h.state().meeting.view.pending.is_none(), "rejected: {:?}", h.state().meeting.view.notice);
    assert!(h.query_by_label("Acceptér forslaget").is_none());
    assert_eq!(h.state().meeting.eval.pool.used, before);
    h.get_by_label("Tilpas til puljen").click();
    h.run();
    // The proportional fit (offered second) moves KC05 too.
    h.get_by_label("Forholdsmæssig: 28 beløb ændres").hover();
    h.run();
    h.get_by_label("Forholdsmæssig: 28 beløb ændres").click();
    h.run();
    h.get_by_label("Acceptér forslaget").hover();
    h.run();
    h.get_by_label("Acceptér forslaget").click();
    h.run();
    let after = h.state().meeting.eval.pool.used;
    assert!(after <= h.state().meeting.eval.pool.pool, "{after} within the pool");
    // Issue 15: the proposal never writes a justification for a skøn that had none — an
    // unjustified skøn stays a fejl — and the group decision is the log entries' reason.
    let s = h.state().meeting.doc.session();
    let kc05 = s.managers.iter().find(|m| m.id == "KC05").unwrap();
    assert_eq!(kc05.adjustment.as_ref().unwrap().justification, "", "KC05's skøn had no justification");
    assert!(
        h.state()
            .meeting
            .eval
            .findings
            .iter()
            .any(|f| f.rule == kalibrer::engine::RuleId::AdjustmentWithoutJustification
                && f.manager.as_deref() == Some("KC05"))
    );
    let entry = s.change_log.iter().rev().find(|e| e.manager.as_deref() == Some("KC05")).unwrap();
    assert_eq!(entry.why, "Tilpas til puljen (forholdsmæssig)");
    assert!(h.state().meeting.view.notice.as_ref().unwrap().text.contains("beløb ændret"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().meeting.eval.pool.used, before, "one undo reverts the whole proposal");
}

#[test]
fn a_locked_manager_cannot_be_changed() {
    let mut h = harness();
    // DEP is the departementschef on the agenda's first item and steps aside on it
    // (issue 28): another executive enters the changes.
    h.state_mut().meeting.view.user = "DIR-A".into();
    h.key_press(Key::PageDown);
    h.run();
    let i = h.state().meeting.view.selected.unwrap();
    h.get_by_label("Lås beløbet").click();
    h.run();
    assert!(h.state().meeting.doc.session().managers[i].locked);
    let before = h.state().meeting.eval.amounts[i].amount;
    h.key_press(Key::Plus);
    h.run();
    assert_eq!(h.state().meeting.eval.amounts[i].amount, before);
    assert!(h.state().meeting.view.notice.as_ref().unwrap().text.contains("låst"));
}

/// Issue 16: the GUI exported an unfinished meeting's allocation as final without asking.
#[test]
fn exporting_an_unfinished_meeting_asks_and_writes_only_a_marked_draft() {
    use kalibrer::io::export::ExportKind;
    use kalibrer::io::outputs::OutputKind;
    let mut h = harness();
    // From the menu the question comes before any file dialog.
    h.get_by_label("Filer").click();
    h.run();
    h.get_by_label("Eksportér").click();
    h.run();
    h.get_by_label(ExportKind::Output(OutputKind::Letters).label()).click();
    h.run();
    assert!(h.query_by_label("Beløbene er ikke endelige").is_some());
    assert!(h.query_by_label_contains("af 28 ledere er ikke besluttet").is_some());
    h.get_by_label("Annuller").click();
    h.run();
    assert!(h.state().dialogs.draft_export.is_none());
    assert!(h.query_by_label("Beløbene er ikke endelige").is_none());
    // To a chosen file: nothing is written until "Eksportér som UDKAST".
    let dir = std::env::temp_dir().join(format!("kalibrer-udkast-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("fordeling.csv");
    h.state_mut().export_to(ExportKind::Output(OutputKind::Allocation), &path);
    h.run();
    assert!(!path.exists());
    h.get_by_label("Eksportér som UDKAST").click();
    h.run();
    let csv = std::fs::read_to_string(&path).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), h.state().meeting.doc.session().managers.len(), "one row per manager:\n{csv}");
    assert!(rows.iter().all(|l| l.ends_with(";UDKAST")), "every row marked");
    assert!(h.state().meeting.view.notice.as_ref().is_some_and(|n| n.text.contains("som UDKAST")));
    assert!(h.state().meeting.doc.session().change_log.is_empty(), "exporting changes nothing");
    let _ = std::fs::remove_dir_all(&dir);
}
