//! A window opened read-only on a file another window holds (issue 25): every way of
//! changing the meeting is refused by the document, and the window writes no file – no
//! recovery copy of its own, and the other window's copy is never removed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::document::Edit;
use kalibrer::io;
use kalibrer::model::{MeetingStatus, Session};
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::command::Command;
use kalibrer::ui::state::autosave::recovery_path;
use rust_decimal::Decimal;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The files in `dir` with their contents.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// The demo saved as `moede.ron` in `dir`, held by another live instance (pid 1) that has
/// an unsaved decision in its recovery copy.
fn held_by_another_window(dir: &Path) -> PathBuf {
    let file = dir.join("moede.ron");
    let session = io::parse_session(io::DEMO_RON).unwrap();
    io::save_session(&file, &session).unwrap();
    let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_string()).unwrap_or_default();
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let info = io::lock::info::LockInfo { pid: 1, host, since, user: String::new() };
    std::fs::write(io::lock::lock_path(&file), info.to_text()).unwrap();
    let mut live = session;
    live.managers[1].notes = "Den anden instans' ikke-gemte beslutning".into();
    io::save_session(&recovery_path(Some(&file)), &live).unwrap();
    file
}

/// A preparation of DIR-C's managers with a note the meeting does not have.
fn changed_prep(dir: &Path, session: &Session) -> PathBuf {
    let mut prep = kalibrer::engine::prep::make_prep(session, "DIR-C", "2026-11-01T09:00:00Z").unwrap();
    prep.managers[0].notes = "Fra forberedelsen".into();
    let path = dir.join("forberedelse-DIR-C.ron");
    io::save_session(&path, &prep).unwrap();
    path
}

#[test]
fn a_read_only_window_changes_nothing_and_writes_nothing() {
    let dir = temp_dir("readonly");
    let file = held_by_another_window(&dir);
    let open = file.clone();
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    h.run();
    h.get_by_label("Åbn skrivebeskyttet").click();
    h.run();
    assert!(h.state().meeting.doc.is_read_only());
    let before: Session = h.state().meeting.doc.session().clone();
    let prep = changed_prep(&dir, &before);
    let hr = dir.join("hr.csv");
    std::fs::write(&hr, "Medarbejdernr;Navn;Niveau;Grundløn\nKC01;Anne Marie Holst;Kontorchef;731.000\n").unwrap();
    let on_disk = files(&dir);
    let k = (0..before.managers.len())
        .find(|&i| before.managers[i].status != MeetingStatus::Besluttet && !before.managers[i].locked)
        .unwrap();
    h.state_mut().meeting.view.selected = Some(k);
    h.run();
    let ctx = h.ctx.clone();
    let unchanged = |h: &Harness<'_, KalibrerApp>, what: &str| {
        assert_eq!(h.state().meeting.doc.session(), &before, "{what} changed the session");
        assert!(!h.state().meeting.doc.is_dirty(), "{what} made the document dirty");
    };

    // B: decide and go to the next.
    h.key_press(egui::Key::B);
    h.run();
    unchanged(&h, "B");
    assert_eq!(h.state().meeting.view.selected, Some(k), "a refused decision keeps the manager on screen");
    let notice = h.state().meeting.view.notice.clone().unwrap();
    assert!(notice.is_error && notice.text.contains("skrivebeskyttet"), "{notice:?}");
    // + and −.
    for key in [egui::Key::Plus, egui::Key::Minus] {
        h.key_press(key);
        h.run();
        unchanged(&h, "+/−");
    }
    // Typing an amount in the focus card.
    h.get_by_label("Nyt beløb:").focus();
    h.run();
    h.get_by_label("Nyt beløb:").type_text("45000");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    unchanged(&h, "typing an amount");
    // Dragging the dot in the lanes (the commands the lanes return during a drag).
    for amount in [40_000, 41_000, 42_000] {
        let drag = Edit::SetAmount { manager: k, amount: Decimal::from(amount), drag: true };
        h.state_mut().run_command(&ctx, Command::Edit(drag));
    }
    h.state_mut().run_command(&ctx, Command::EndContinuous);
    unchanged(&h, "dragging");
    // Accepting a proposal.
    h.state_mut().run_command(&ctx, Command::ProposeFitToPool);
    h.state_mut().run_command(&ctx, Command::AcceptProposal);
    unchanged(&h, "accepting a proposal");
    // Undo and redo.
    h.state_mut().run_command(&ctx, Command::Undo);
    h.state_mut().run_command(&ctx, Command::Redo);
    unchanged(&h, "undo/redo");
    // Merging a preparation.
    h.state_mut().merge_files(std::slice::from_ref(&prep));
    h.run();
    unchanged(&h, "merging");
    // Importing HR data.
    h.state_mut().import_file(&hr, false);
    h.run();
    if h.query_by_label("Importér").is_some() {
        h.get_by_label("Importér").click();
        h.run();
    }
    unchanged(&h, "importing");
    assert_eq!(files(&dir), on_disk, "nothing written or removed");

    // Closing: nothing to save, and the other window's recovery copy stays.
    h.state_mut().run_command(&ctx, Command::QuitDiscarding);
    h.run_steps(2);
    assert_eq!(files(&dir), on_disk, "closing removed nothing");
    let _ = std::fs::remove_dir_all(&dir);
}

/// *Gem som* into another file from a read-only window leaves the other window's
/// recovery copy and lock alone (the save used to remove the open file's copy).
#[test]
fn a_read_only_window_never_removes_the_other_windows_recovery_copy() {
    let dir = temp_dir("readonly-quit");
    let file = held_by_another_window(&dir);
    let copy = recovery_path(Some(&file));
    let copy_bytes = std::fs::read(&copy).unwrap();
    let open = file.clone();
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    h.run();
    h.get_by_label("Åbn skrivebeskyttet").click();
    h.run();
    let ctx = h.ctx.clone();
    let elsewhere = dir.join("kopi.ron");
    h.state_mut().run_command(
        &ctx,
        Command::FileChosen(kalibrer::ui::dialogs::file_purpose::FileChoice {
            purpose: kalibrer::ui::dialogs::file_purpose::FilePurpose::SaveAs,
            paths: vec![elsewhere.clone()],
        }),
    );
    h.run();
    assert!(elsewhere.exists(), "Gem som writes the copy");
    assert!(!h.state().meeting.doc.is_read_only(), "the copy is the user's own");
    assert_eq!(std::fs::read(&copy).unwrap(), copy_bytes, "the other window's recovery copy is kept");
    assert!(io::lock::lock_path(&file).exists(), "and so is its lock");
    let _ = std::fs::remove_dir_all(&dir);
}
