//! Comparing with another organisation in the meeting screen: a reference attached by a
//! command (no dialog), the spread panel's indeks per level, "ingen reference" where the
//! reference withheld or lacks the level, the mapping window when roles differ, a level
//! mapped by hand, and presentation mode keeping it all.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::model::Session;
use kalibrer::model::log::Change;
use kalibrer::model::reference::MappedTo;
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::command::Command;
use rust_decimal::Decimal;

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

/// Styrelse B's statistics export (2025) as Danish Excel writes CSV: 10 kontorchefer,
/// Σ 400.000 (mean 40.000); 3 afdelingschefer (withheld); 5 vicedirektører (role Andet,
/// Σ 500.000, mean 100.000).
const REFERENCE: &str = "\u{feff}Niveau;Antal;Andel der modtager;Gennemsnit;Median;Mindste;Største;\
Ændring fra sidste år;Ændring over antal ledere;Rolle;Sum;Nedre kvartil;Øvre kvartil;Organisation;År\r\n\
Kontorchef;10;100;40000;40000;30000;50000;–;–;Kontorchef;400000;35000;45000;Styrelse B;2025\r\n\
Afdelingschef;3;–¹;–¹;–¹;–¹;–¹;–¹;–¹;Afdelingschef;–¹;–¹;–¹;Styrelse B;2025\r\n\
Vicedirektør;5;100;100000;100000;80000;120000;–;–;Andet;500000;90000;110000;Styrelse B;2025\r\n\
Alle;18;–²;–²;–²;30000;120000;–;–;;–²;–²;–²;Styrelse B;2025\r\n";

fn harness() -> Harness<'static, KalibrerApp> {
    let session = demo();
    Harness::builder().with_size([1920.0, 1080.0]).with_max_steps(16).build_eframe(move |cc| {
        let mut app = KalibrerApp::with_session(session, None);
        app.install(&cc.egui_ctx);
        app
    })
}

#[test]
fn attach_a_reference_see_the_indeks_and_keep_it_in_presentation_mode() {
    let dir = std::env::temp_dir().join(format!("kalibrer-uiref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("styrelse-b.csv");
    std::fs::write(&path, REFERENCE).unwrap();

    let mut h = harness();
    h.run();
    assert!(h.query_by_label_contains("Sammenlignet med").is_none(), "nothing before a reference is attached");
    // The file menu offers it (clicking it would open the native dialog; the test attaches
    // through the command the dialog ends in).
    h.get_by_label("Filer").click();
    h.run();
    assert!(h.query_by_label("Sammenlign med …").is_some());
    h.key_press(Key::Escape);
    h.run();
    // The demo's 20 kontorchefer: Σ 882.000 kr., mean 44.100; 44.100 / 40.000 × 100 = 110,25 → 110,3.
    let kc =
        h.state().meeting.eval.stats.per_level.iter().find(|s| s.level.as_deref() == Some("KC")).unwrap().stats.clone();
    assert_eq!((kc.n, kc.sum), (20, Decimal::from(882_000)));
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::CompareWithPath(path.clone()));
    h.run();

    // Attached as a logged edit, the path as given (the demo has no file to be relative to).
    let session = h.state().meeting.doc.session().clone();
    assert_eq!(session.reference.len(), 1);
    assert_eq!(session.reference[0].path, path.to_string_lossy());
    assert!(matches!(session.change_log.last().unwrap().change, Change::Reference { attached: true, .. }));

    assert!(h.query_by_label_contains("Sammenlignet med Styrelse B (2025)").is_some());
    assert!(h.query_by_label("indeks 110,3").is_some(), "the kontorchefer's indeks");
    // Afdelingschef withheld, direktør and departementschef not in the reference, and
    // Alle withheld (derivable).
    assert_eq!(h.query_all_by_label("ingen reference").count(), 4);
    // The vicedirektører (role Andet) match no level: the mapping window opened.
    assert!(h.state().dialogs.mapping);
    assert!(h.query_by_label_contains("Ikke brugt: Vicedirektør").is_some());

    // Mapped by hand: the styrelsesdirektører against the vicedirektører.
    let sd =
        h.state().meeting.eval.stats.per_level.iter().find(|s| s.level.as_deref() == Some("SD")).unwrap().stats.clone();
    // Through the window, as the user does: open the direktør's choice, pick the vicedirektører.
    h.get_by_label("Styrelsesdirektør (rolle Direktør)").click();
    h.run();
    h.get_by_label("Vicedirektør (rolle Andet, 5 ledere)").click();
    h.run();
    let link = &h.state().meeting.doc.session().reference[0];
    assert_eq!(link.mapping["SD"], Some("Andet: Vicedirektør".to_string()));
    let logged = &h.state().meeting.doc.session().change_log.last().unwrap().change;
    assert_eq!(
        *logged,
        Change::ReferenceMapping {
            path: link.path.clone(),
            level: "SD".into(),
            old: MappedTo::ByRole,
            new: MappedTo::Level("Andet: Vicedirektør".into())
        }
    );
    let expected = (sd.sum / Decimal::from(sd.n) / Decimal::from(100_000) * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let label = format!("indeks {}", format!("{expected:.1}").replace('.', ","));
    assert!(h.query_by_label(&label).is_some(), "{label}");
    assert_eq!(h.query_all_by_label("ingen reference").count(), 3);
    h.state_mut().run_command(&ctx, Command::ShowReferenceMapping(false));
    h.run();
    h.snapshot("reference_compare");

    // Presentation mode keeps the comparison.
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().meeting.view.presentation);
    assert!(h.query_by_label("indeks 110,3").is_some());
    assert!(h.query_by_label(&label).is_some());

    // Undo removes the mapping, then the reference.
    h.key_press(Key::F5);
    h.run();
    h.state_mut().run_command(&ctx, Command::Undo);
    h.state_mut().run_command(&ctx, Command::Undo);
    h.run();
    assert!(h.state().meeting.doc.session().reference.is_empty());
    assert!(h.query_by_label("indeks 110,3").is_none());
}

#[test]
fn an_unreadable_reference_is_not_attached_and_says_why() {
    let dir = std::env::temp_dir().join(format!("kalibrer-uiref2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("forkert.csv");
    std::fs::write(&bad, "Niveau;Antal;Gennemsnit\r\nKontorchef;10;mange\r\n").unwrap();
    let mut h = harness();
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::CompareWithPath(bad));
    h.run();
    assert!(h.state().meeting.doc.session().reference.is_empty());
    assert!(h.query_by_label_contains("linje 2, kolonne «Gennemsnit»: «mange»").is_some());
    h.state_mut().run_command(&ctx, Command::CompareWithPath(dir.join("findes-ikke.xlsx")));
    h.run();
    assert!(h.state().meeting.doc.session().reference.is_empty());
    assert!(h.query_by_label_contains("findes-ikke.xlsx").is_some());
}

#[test]
fn saving_in_another_folder_keeps_naming_the_same_reference_file() {
    let base = std::env::temp_dir().join(format!("kalibrer-uiref3-{}", std::process::id()));
    let (a, b) = (base.join("a"), base.join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::write(a.join("ref.csv"), REFERENCE).unwrap();
    let mut session = demo();
    session.reference.push(kalibrer::model::ReferenceLink::new("ref.csv"));
    let file = a.join("moede.ron");
    let mut h = Harness::builder().with_size([1920.0, 1080.0]).build_eframe(move |cc| {
        let mut app = KalibrerApp::with_session(session, Some(file));
        app.install(&cc.egui_ctx);
        app
    });
    h.run();
    assert!(h.query_by_label("indeks 110,3").is_some(), "loaded relative to the session file");
    let save_as = |h: &mut Harness<'static, KalibrerApp>, path: std::path::PathBuf| {
        let ctx = h.ctx.clone();
        let choice = kalibrer::ui::dialogs::file_purpose::FileChoice {
            purpose: kalibrer::ui::dialogs::file_purpose::FilePurpose::SaveAs,
            paths: vec![path],
        };
        h.state_mut().run_command(&ctx, Command::FileChosen(choice));
        h.run();
    };
    // A save that fails (the folder does not exist) leaves the link, the log and the
    // comparison on screen as they were: the rebased names exist only in a trial copy.
    let log_before = h.state().meeting.doc.session().change_log.len();
    save_as(&mut h, base.join("findes-ikke").join("moede.ron"));
    assert_eq!(h.state().meeting.doc.session().reference[0].path, "ref.csv");
    assert_eq!(h.state().meeting.doc.session().change_log.len(), log_before, "nothing logged for a failed save");
    assert_eq!(h.state().meeting.doc.path.as_deref(), Some(a.join("moede.ron").as_path()));
    assert!(h.query_by_label("indeks 110,3").is_some(), "still compared after the failed save");
    // Saving in folder b names the same file from there, in memory and in the file.
    save_as(&mut h, b.join("moede.ron"));
    let link = h.state().meeting.doc.session().reference[0].clone();
    assert_eq!(std::path::Path::new(&link.path), a.join("ref.csv"));
    let logged = &h.state().meeting.doc.session().change_log.last().unwrap().change;
    assert_eq!(*logged, Change::ReferenceMoved { old: "ref.csv".into(), new: link.path.clone() });
    let written = kalibrer::io::load_session_file(&b.join("moede.ron")).unwrap();
    assert_eq!(written.reference[0].path, link.path, "the file names the same reference");
    assert!(!h.state().meeting.doc.is_dirty(), "what is on screen is what was written");
    assert!(h.query_by_label("indeks 110,3").is_some(), "still compared after the move");
    // Saving within the same folder changes nothing.
    let before = h.state().meeting.doc.session().change_log.len();
    assert!(h.state().reference_moves(&b.join("andet-navn.ron")).is_empty());
    save_as(&mut h, b.join("andet-navn.ron"));
    assert_eq!(h.state().meeting.doc.session().change_log.len(), before);
    drop(h);
    let _ = std::fs::remove_dir_all(&base);
}

/// A session whose reference list names a FIFO hung the app on open (and it ignored
/// SIGTERM): the app opens, says in Danish why the reference cannot be read, and
/// attaching the FIFO by hand is refused the same way. Run in a thread so that a hang
/// fails the test instead of stopping it.
#[cfg(unix)]
#[test]
fn a_fifo_in_the_reference_list_neither_hangs_the_app_nor_is_attached() {
    let dir = std::env::temp_dir().join(format!("kalibrer-uiref-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("omraade.csv");
    let _ = std::fs::remove_file(&fifo);
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let mut session = demo();
        session.reference.push(kalibrer::model::ReferenceLink::new(path.to_string_lossy()));
        let mut h = Harness::builder().with_size([1920.0, 1080.0]).with_max_steps(16).build_eframe(move |cc| {
            let mut app = KalibrerApp::with_session(session, None);
            app.install(&cc.egui_ctx);
            app
        });
        h.run();
        let on_open = h.query_all_by_label_contains("Referencen kan ikke læses").count() > 0
            && h.query_all_by_label_contains("det er et navngivet rør (FIFO), ikke en almindelig fil").count() > 0;
        let ctx = h.ctx.clone();
        h.state_mut().run_command(&ctx, Command::CompareWithPath(path));
        h.run();
        let attached = h.state().meeting.doc.session().reference.len();
        let _ = tx.send((on_open, attached));
    });
    let (on_open, attached) = rx.recv_timeout(std::time::Duration::from_secs(120)).expect("the app hung on a FIFO");
    assert!(on_open, "a Danish notice naming the FIFO");
    assert_eq!(attached, 1, "the FIFO is not attached a second time");
    let _ = std::fs::remove_dir_all(&dir);
}
