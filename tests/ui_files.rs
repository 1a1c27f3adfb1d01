//! The GUI and the file on disk: a file that cannot be opened shows a window that says
//! why, a read-only file is never replaced (the save offers *Gem som*), and a file
//! written by someone else since it was loaded is not overwritten without asking.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::io;
use kalibrer::ui::KalibrerApp;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-uifiles-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn app_on(path: PathBuf) -> Harness<'static, KalibrerApp> {
    Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| KalibrerApp::open_or_explain(cc, Some(path.clone())).unwrap())
}

/// One edit through the keyboard: the selected manager's amount + one step.
fn edit(h: &mut Harness<'static, KalibrerApp>) {
    h.state_mut().view.selected = Some(5);
    h.key_press(egui::Key::Plus);
    h.run();
    assert!(h.state().doc.is_dirty());
}

fn save(h: &mut Harness<'static, KalibrerApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
}

#[test]
fn a_file_that_cannot_be_opened_shows_why_in_a_window() {
    let dir = temp_dir("broken");
    let file = dir.join("moede.ron");
    std::fs::write(&file, &io::DEMO_RON[..io::DEMO_RON.len() / 2]).unwrap();
    let mut h = app_on(file.clone());
    h.run();
    assert!(h.query_by_label("Filen kan ikke åbnes").is_some());
    let message = format!("Kan ikke åbne {}: linje ", file.display());
    assert!(h.query_by_label_contains(&message).is_some(), "the Danish message with the line");
    assert!(h.query_by_label("Åbn en anden fil").is_some());
    assert_eq!(h.state().doc.path, None, "the broken file is not attached to anything");
    h.get_by_label("Åbn demoen").click();
    h.run();
    assert!(h.query_by_label("Filen kan ikke åbnes").is_none());
    assert_eq!(h.state().doc.session().managers.len(), 28);
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced_and_save_as_is_offered() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir("readonly");
    let file = dir.join("moede.ron");
    io::save_session(&file, &io::parse_session(io::DEMO_RON).unwrap()).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&file).unwrap();
    let mut h = app_on(file.clone());
    h.run();
    edit(&mut h);
    save(&mut h);
    assert!(h.query_by_label("Filen er skrivebeskyttet").is_some());
    assert!(h.query_by_label("Gem som …").is_some());
    let notice = h.state().view.notice.clone().unwrap();
    assert!(notice.is_error && notice.text.starts_with("Kunne ikke gemme moede.ron: Filen er skrivebeskyttet"));
    assert_eq!(notice.text.matches("gemme").count(), 1, "said once: {}", notice.text);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(h.state().doc.is_dirty(), "the work stays");
    h.get_by_label("Annullér").click();
    h.run();
    assert!(h.query_by_label("Filen er skrivebeskyttet").is_none());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = temp_dir("changed");
    let file = dir.join("moede.ron");
    let session = io::parse_session(io::DEMO_RON).unwrap();
    io::save_session(&file, &session).unwrap();
    let mut h = app_on(file.clone());
    h.run();
    edit(&mut h);
    // Someone else writes the file (a merge from the command line, another machine).
    let mut theirs = session.clone();
    theirs.managers[0].notes = "Flettet ind fra kommandolinjen".into();
    io::save_session(&file, &theirs).unwrap();
    save(&mut h);
    assert!(h.query_by_label("Filen er ændret på disken").is_some());
    assert_eq!(io::load_session_file(&file).unwrap(), theirs, "nothing overwritten yet");
    h.get_by_label("Overskriv alligevel").click();
    h.run();
    assert!(!h.state().doc.is_dirty());
    assert_eq!(io::load_session_file(&file).unwrap().managers[0].notes, session.managers[0].notes);
    // Saved by us: the next save asks nothing.
    edit(&mut h);
    save(&mut h);
    assert!(h.query_by_label("Filen er ændret på disken").is_none());
    assert!(!h.state().doc.is_dirty());
    let _ = std::fs::remove_dir_all(&dir);
}
