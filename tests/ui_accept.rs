//! Accepting a finding with a written reason: in the focus card, counted apart, in the
//! documentation and the change log, undoable; findings whose remedy is a justification
//! cannot be accepted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::engine::RuleId;
use kalibrer::engine::finding::acceptance_of;
use kalibrer::model::{AcceptedFinding, Session};
use kalibrer::ui::KalibrerApp;

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

fn click(h: &mut Harness<'_, KalibrerApp>, label: &str) {
    // The focus card scrolls; bring the control into view as a user would.
    h.get_all_by_label(label).last().unwrap().scroll_to_me();
    h.run();
    h.get_all_by_label(label).last().unwrap().hover();
    h.run();
    h.get_all_by_label(label).last().unwrap().click();
    h.run();
}

#[test]
fn only_findings_without_a_written_remedy_may_be_accepted() {
    assert!(RuleId::DropFromLastYear.may_be_accepted());
    assert!(RuleId::OutsideBand.may_be_accepted());
    assert!(!RuleId::AdjustmentWithoutJustification.may_be_accepted());
    assert!(!RuleId::MerarbejdeWithTopSupplement.may_be_accepted());
    // An acceptance of a rule that may not be accepted is ignored.
    let mut s = demo();
    let i = s.manager_index("KC05").unwrap();
    s.managers[i].accepted.push(AcceptedFinding {
        rule: RuleId::AdjustmentWithoutJustification.code().into(),
        why: "x".into(),
        by: "DEP".into(),
        when: String::new(),
    });
    let eval = kalibrer::engine::evaluate(&s);
    let f = eval.findings.iter().find(|f| f.rule == RuleId::AdjustmentWithoutJustification).unwrap();
    assert!(acceptance_of(&s.managers[i], f).is_none());
}

#[test]
fn the_group_accepts_a_drop_with_a_reason() {
    let session = demo();
    let i = session.manager_index("KC08").unwrap();
    let mut h = Harness::builder().with_size([1920.0, 1080.0]).with_max_steps(16).build_eframe(move |cc| {
        let mut app = KalibrerApp::with_session(session, None);
        app.install(&cc.egui_ctx);
        app.meeting.view.selected = Some(i);
        app
    });
    h.run();
    assert!(h.query_by_label_contains("● 1 advarsel").is_some());
    click(&mut h, "Acceptér med begrundelse …");
    // Without a reason nothing is accepted.
    click(&mut h, "Acceptér fundet");
    assert!(h.state().meeting.doc.session().managers[i].accepted.is_empty());
    h.get_by_label("Begrundelse for at acceptere").focus();
    h.run();
    h.get_by_label("Begrundelse for at acceptere").type_text("Sidste år indeholdt et særligt projekt");
    h.run();
    click(&mut h, "Acceptér fundet");
    let m = &h.state().meeting.doc.session().managers[i];
    assert_eq!(m.accepted.len(), 1);
    assert_eq!(m.accepted[0].rule, "fald_fra_sidste_aar");
    assert_eq!(m.accepted[0].why, "Sidste år indeholdt et særligt projekt");
    assert!(h.query_by_label_contains("● 0 advarsler").is_some(), "an accepted warning is not counted");
    assert!(h.query_by_label_contains("heraf 1 accepteret").is_some());
    assert!(h.query_by_label_contains("Begrundelse (").is_some());
    h.set_render_cursor(false);
    h.snapshot("accepted_finding");
    let log = h.state().meeting.doc.session().change_log.last().unwrap().clone();
    assert!(matches!(log.change, kalibrer::model::log::Change::Acceptance { accepted: true, .. }), "{:?}", log.change);
    assert_eq!(log.why, "Sidste år indeholdt et særligt projekt");
    let doc = kalibrer::io::documentation::documentation_html(h.state().meeting.doc.session());
    assert!(doc.contains("(accepteret)") && doc.contains("Sidste år indeholdt et særligt projekt"));
    // Undo takes the acceptance back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.state().meeting.doc.session().managers[i].accepted.is_empty());
    assert!(h.query_by_label_contains("● 1 advarsel").is_some());
}

#[test]
fn cli_check_lists_accepted_findings_without_failing_on_them() {
    let mut s = demo();
    let eval = kalibrer::engine::evaluate(&s);
    // Accept every acceptable fejl; the rest (skøn without justification, merarbejde) still fail.
    for f in eval.findings.iter().filter(|f| f.rule.may_be_accepted()) {
        let i = s.manager_index(f.manager.as_deref().unwrap()).unwrap();
        s.managers[i].accepted.push(AcceptedFinding {
            rule: f.rule.code().into(),
            why: "Besluttet i gruppen".into(),
            by: "DEP".into(),
            when: "2026-11-23T10:00:00Z".into(),
        });
    }
    let dir = std::env::temp_dir().join(format!("kalibrer-accept-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.ron");
    kalibrer::io::save_session(&path, &s).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kalibrer"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("accepteret fejl KC12") && out.contains("Besluttet i gruppen"), "{out}");
    assert!(out.contains("\nfejl KC05") || out.starts_with("fejl KC05"), "{out}");
    assert_eq!(o.status.code(), Some(1), "unacceptable errors still fail");
    let _ = std::fs::remove_dir_all(&dir);
}
