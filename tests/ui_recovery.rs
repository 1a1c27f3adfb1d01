//! The recovery copy: written beside the file, offered back on start, restorable.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::io;
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::state::autosave::recovery_path;

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
    assert!(harness.query_by_label_contains(&format!("1 leder er ændret: {changed_name}")).is_some());
    harness.get_by_label("Gendan ændringerne").click();
    harness.run();
    assert_eq!(harness.state().meeting.doc.session().managers[3].notes, "Aftalt: drøftes igen i december");
    assert!(harness.state().meeting.doc.is_dirty(), "restored work must be saved by the user");
    assert_eq!(harness.state().meeting.doc.path.as_deref(), Some(file.as_path()));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 17: a copy older than a touched session file was ignored without a word; it is
/// offered with both times. A copy equal to the file is removed without a question, and
/// discarding a copy asks first.
#[test]
fn an_older_differing_copy_is_offered_with_both_times_and_discarding_asks() {
    let dir = temp_dir("oldrecovery");
    let file = dir.join("moede.ron");
    let session = io::parse_session(io::DEMO_RON).unwrap();
    let mut changed = session.clone();
    changed.managers[2].notes = "Kun i kopien".into();
    io::save_session(&recovery_path(Some(&file)), &changed).unwrap();
    io::save_session(&file, &session).unwrap();
    // The copy written 2026-12-01 09:15:03 UTC, the file saved 10:00:00 the same day: shown
    // in Danish local time (UTC+1 in December).
    let at = |path: &std::path::Path, unix: u64| {
        let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix);
        std::fs::File::options().write(true).open(path).unwrap().set_modified(time).unwrap();
    };
    at(&recovery_path(Some(&file)), 1_796_116_503);
    at(&file, 1_796_119_200);
    let open = file.clone();
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    harness.run();
    assert!(harness.query_by_label("Der findes ikke-gemte ændringer fra sidst").is_some(), "older, but different");
    let copy = recovery_path(Some(&file));
    let written = format!("Gendannelseskopien {} er skrevet 1. december 2026 kl. 10.15.", copy.display());
    assert!(harness.query_by_label(&written).is_some(), "the copy's time");
    assert!(harness.query_by_label("Filen er gemt 1. december 2026 kl. 11.00.").is_some(), "the file's time");
    harness.get_by_label("Kassér kopien …").click();
    harness.run();
    assert!(recovery_path(Some(&file)).exists(), "one click deletes nothing");
    harness.get_by_label("Ja, kassér kopien").click();
    harness.run();
    assert!(!recovery_path(Some(&file)).exists(), "deleted after the confirmation");
    assert!(harness.query_by_label("Der findes ikke-gemte ændringer fra sidst").is_none());

    // A copy identical to the file is simply removed.
    io::save_session(&recovery_path(Some(&file)), &session).unwrap();
    let open = file.clone();
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    harness.run();
    assert!(harness.query_by_label("Der findes ikke-gemte ændringer fra sidst").is_none());
    assert!(!recovery_path(Some(&file)).exists());
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
    let info = kalibrer::io::lock::info::LockInfo {
        pid: 1,
        host,
        since: u64::try_from(chrono_now()).unwrap(),
        user: String::new(),
    };
    std::fs::write(kalibrer::io::lock::lock_path(&file), info.to_text()).unwrap();
    // The live instance's recovery copy: not this window's to offer or delete (issue 17).
    let mut live = session.clone();
    live.managers[1].notes = "Den anden instans' ikke-gemte beslutning".into();
    io::save_session(&recovery_path(Some(&file)), &live).unwrap();
    let open = file.clone();
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    harness.run();
    assert!(harness.query_by_label("Filen er allerede åben et andet sted").is_some());
    assert!(
        harness.query_by_label("Der findes ikke-gemte ændringer fra sidst").is_none(),
        "dialogs are queued, and the copy is the lock holder's"
    );
    harness.get_by_label("Åbn skrivebeskyttet").click();
    harness.run();
    assert!(harness.state().meeting.doc.is_read_only());
    assert!(harness.query_by_label("Der findes ikke-gemte ændringer fra sidst").is_none());
    assert!(recovery_path(Some(&file)).exists(), "the live instance's copy is kept");
    let before = harness.state().meeting.eval.amounts[5].amount;
    harness.state_mut().meeting.view.selected = Some(5);
    harness.key_press(egui::Key::Plus);
    harness.run();
    assert_eq!(harness.state().meeting.eval.amounts[5].amount, before, "no edits in read-only mode");
    assert!(!harness.state().meeting.doc.is_dirty());
    // Reading is what read-only is for: every export still works.
    for kind in kalibrer::io::export::ExportKind::ALL {
        let path = dir.join(kind.file_name());
        harness.state_mut().export_to(kind, &path);
        if kind.needs_finality() {
            harness.state_mut().export_pending_draft();
        }
        assert!(std::fs::metadata(&path).is_ok_and(|m| m.len() > 200), "{kind:?} written");
        assert!(harness.state().meeting.view.notice.as_ref().is_some_and(|n| !n.is_error), "{kind:?} without error");
    }
    assert!(!harness.state().meeting.doc.is_dirty());
    let _ = std::fs::remove_dir_all(&dir);
}

fn chrono_now() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs().into()
}
