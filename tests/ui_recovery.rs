//! The recovery copy: written beside the file, offered back on start, restorable.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::io;
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::autosave::recovery_path;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_newer_recovery_copy_is_offered_and_restored() {
    let dir = temp_dir("recovery");
    let file = dir.join("moede.ron");
    let session = io::parse_session(io::DEMO_RON).unwrap();
    io::save_session(&file, &session).unwrap();
    let mut changed = session.clone();
    changed.managers[3].notes = "Aftalt: drøftes igen i december".into();
    let changed_name = changed.managers[3].name.clone();
    std::thread::sleep(std::time::Duration::from_millis(20));
    io::save_session(&recovery_path(Some(&file)), &changed).unwrap();

    let open = file.clone();
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    harness.run();
    assert!(harness.query_by_label("Der findes ikke-gemte ændringer fra sidst").is_some());
    assert!(harness.query_by_label_contains(&format!("1 ledere er ændret: {changed_name}")).is_some());
    harness.get_by_label("Gendan ændringerne").click();
    harness.run();
    assert_eq!(harness.state().doc.session().managers[3].notes, "Aftalt: drøftes igen i december");
    assert!(harness.state().doc.is_dirty(), "restored work must be saved by the user");
    assert_eq!(harness.state().doc.path.as_deref(), Some(file.as_path()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_older_recovery_copy_is_not_offered() {
    let dir = temp_dir("norecovery");
    let file = dir.join("moede.ron");
    let session = io::parse_session(io::DEMO_RON).unwrap();
    io::save_session(&recovery_path(Some(&file)), &session).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    io::save_session(&file, &session).unwrap();
    let open = file.clone();
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    harness.run();
    assert!(harness.query_by_label("Der findes ikke-gemte ændringer fra sidst").is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_open_elsewhere_warns_and_opens_read_only() {
    let dir = temp_dir("lock");
    let file = dir.join("moede.ron");
    let session = io::parse_session(io::DEMO_RON).unwrap();
    io::save_session(&file, &session).unwrap();
    let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_string()).unwrap_or_default();
    // pid 1 is alive and is not this process: a live foreign lock.
    let info =
        kalibrer::io::lock::LockInfo { pid: 1, host, since: u64::try_from(chrono_now()).unwrap(), user: String::new() };
    std::fs::write(kalibrer::io::lock::lock_path(&file), info.to_text()).unwrap();
    let open = file.clone();
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    harness.run();
    assert!(harness.query_by_label("Filen er allerede åben et andet sted").is_some());
    harness.get_by_label("Åbn skrivebeskyttet").click();
    harness.run();
    assert!(harness.state().view.read_only);
    let before = harness.state().eval.amounts[5].amount;
    harness.state_mut().view.selected = Some(5);
    harness.key_press(egui::Key::Plus);
    harness.run();
    assert_eq!(harness.state().eval.amounts[5].amount, before, "no edits in read-only mode");
    assert!(!harness.state().doc.is_dirty());
    // Reading is what read-only is for: every export still works.
    for kind in kalibrer::ui::export::ExportKind::ALL {
        let path = dir.join(kind.file_name());
        harness.state_mut().export_to(kind, &path);
        if kind.needs_finality() {
            harness.state_mut().export_pending_draft();
        }
        assert!(std::fs::metadata(&path).is_ok_and(|m| m.len() > 200), "{kind:?} written");
        assert!(harness.state().view.notice.as_ref().is_some_and(|n| !n.is_error), "{kind:?} without error");
    }
    assert!(!harness.state().doc.is_dirty());
    let _ = std::fs::remove_dir_all(&dir);
}

fn chrono_now() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs().into()
}
