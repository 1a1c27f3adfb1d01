//! The GUI and the file on disk: a file that cannot be opened shows a window that says
//! why, a read-only file is never replaced (the save offers *Gem som*), and a file
//! written by someone else since it was loaded is not overwritten without asking.
//! Files always answer (issue 18, item 8): with Kalibrer's own file dialog (never a
//! native one in a test) Gem som on the demo writes the file, Åbn opens one, an existing
//! file is replaced only after asking, an export goes where it was told, the desktop
//! without a file dialog gets a Danish message, and "Gem" in the question on closing closes after the save.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::io;
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::dialogs::file_purpose::DialogMode;

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
    h.state_mut().meeting.view.selected = Some(5);
    h.key_press(egui::Key::Plus);
    h.run();
    assert!(h.state().meeting.doc.is_dirty());
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
    assert_eq!(h.state().meeting.doc.path, None, "the broken file is not attached to anything");
    h.get_by_label("Åbn demoen").click();
    h.run();
    assert!(h.query_by_label("Filen kan ikke åbnes").is_none());
    assert_eq!(h.state().meeting.doc.session().managers.len(), 28);
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
    let notice = h.state().meeting.view.notice.clone().unwrap();
    assert!(notice.is_error && notice.text.starts_with("Kunne ikke gemme moede.ron: Filen er skrivebeskyttet"));
    assert_eq!(notice.text.matches("gemme").count(), 1, "said once: {}", notice.text);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(h.state().meeting.doc.is_dirty(), "the work stays");
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
    assert!(!h.state().meeting.doc.is_dirty());
    assert_eq!(io::load_session_file(&file).unwrap().managers[0].notes, session.managers[0].notes);
    // Saved by us: the next save asks nothing.
    edit(&mut h);
    save(&mut h);
    assert!(h.query_by_label("Filen er ændret på disken").is_none());
    assert!(!h.state().meeting.doc.is_dirty());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The demo (no file) with Kalibrer's own file dialog starting in `dir`.
fn demo_with_own_dialog(dir: &Path, mode: DialogMode) -> Harness<'static, KalibrerApp> {
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(|cc| KalibrerApp::open_or_explain(cc, None).unwrap());
    h.state_mut().dialogs.files.mode = mode;
    h.state_mut().dialogs.files.last_folder = Some(dir.to_path_buf());
    h.run();
    h
}

/// Replaces the text of the dialog's field labelled `label` by `text`.
fn type_in(h: &mut Harness<'static, KalibrerApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

fn notice(h: &Harness<'static, KalibrerApp>) -> String {
    h.state().meeting.view.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default()
}

#[test]
fn save_on_the_demo_opens_the_own_dialog_and_writes_the_typed_path() {
    let dir = temp_dir("demo-save");
    let mut h = demo_with_own_dialog(&dir, DialogMode::InApp);
    edit(&mut h);
    // The demo has no file: Ctrl+S asks where.
    save(&mut h);
    assert!(h.query_by_label_contains("Gem sessionen som").is_some(), "the dialog answers Ctrl+S");
    // The dialog is in front: + and N do not change the meeting behind it.
    let before = h.state().meeting.doc.revision();
    h.key_press(Key::Plus);
    h.key_press(Key::N);
    h.run();
    assert_eq!(h.state().meeting.doc.revision(), before, "no edit behind the dialog");
    assert_eq!(h.state().meeting.view.selected, Some(5));
    assert_eq!(h.get_by_label("Filnavn (.ron):").value().as_deref(), Some("kalibrering.ron"), "a name is suggested");
    let target = dir.join("moede");
    type_in(&mut h, "Filnavn (.ron):", &target.display().to_string());
    h.get_by_label("Gem").click();
    h.run();
    let written = dir.join("moede.ron");
    assert!(h.query_by_label_contains("Gem sessionen som").is_none(), "the dialog closed");
    assert_eq!(io::load_session_file(&written).unwrap(), *h.state().meeting.doc.session(), ".ron added to the name");
    assert_eq!(h.state().meeting.doc.path.as_deref(), Some(written.as_path()));
    assert!(!h.state().meeting.doc.is_dirty());
    assert_eq!(notice(&h), format!("Gemt i {}", written.display()));
    assert_eq!(h.state().dialogs.files.last_folder.as_deref(), Some(dir.as_path()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_existing_file_is_replaced_only_after_asking() {
    let dir = temp_dir("overwrite");
    let existing = dir.join("andet.ron");
    std::fs::write(&existing, "ikke en session").unwrap();
    let mut h = demo_with_own_dialog(&dir, DialogMode::InApp);
    edit(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    type_in(&mut h, "Filnavn (.ron):", "andet.ron");
    h.get_by_label("Gem").click();
    h.run();
    assert!(h.query_by_label("Filen findes allerede").is_some());
    assert!(h.query_by_label_contains("andet.ron findes allerede i").is_some());
    h.get_by_label("Vælg et andet navn").click();
    h.run();
    assert!(h.query_by_label("Filen findes allerede").is_none());
    assert!(h.query_by_label_contains("Gem sessionen som").is_some(), "back in the dialog");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "ikke en session", "nothing written yet");
    h.get_by_label("Gem").click();
    h.run();
    h.get_by_label("Erstat").click();
    h.run();
    assert_eq!(io::load_session_file(&existing).unwrap(), *h.state().meeting.doc.session());
    assert_eq!(h.state().meeting.doc.path.as_deref(), Some(existing.as_path()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn open_lists_the_sessions_of_the_folder_and_opens_the_one_picked() {
    let dir = temp_dir("open");
    let mut session = io::parse_session(io::DEMO_RON).unwrap();
    session.managers[0].notes = "Fra filen i mappen".into();
    let file = dir.join("moede.ron");
    io::save_session(&file, &session).unwrap();
    std::fs::write(dir.join("noter.txt"), "ikke en session").unwrap();
    std::fs::create_dir(dir.join("arkiv")).unwrap();
    let mut h = demo_with_own_dialog(&dir, DialogMode::InApp);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(h.query_by_label_contains("Åbn session").is_some());
    assert!(h.query_by_label("arkiv/").is_some(), "folders are listed");
    assert!(h.query_by_label_contains("noter.txt").is_none(), "only sessions are listed");
    h.get_by_label("moede.ron").click();
    h.run();
    assert_eq!(h.get_by_label("Filnavn (.ron):").value().as_deref(), Some("moede.ron"), "picked");
    h.get_by_label("Åbn").click();
    h.run();
    assert_eq!(h.state().meeting.doc.path.as_deref(), Some(file.as_path()));
    assert_eq!(h.state().meeting.doc.session().managers[0].notes, "Fra filen i mappen");
    assert_eq!(notice(&h), format!("Åbnede {}", file.display()));
    assert!(h.query_by_label_contains("Åbn session").is_none());
    // The folder is remembered across the open (the app was replaced by the new file's).
    assert_eq!(h.state().dialogs.files.last_folder.as_deref(), Some(dir.as_path()));
    assert_eq!(h.state().dialogs.files.mode, DialogMode::InApp);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_export_goes_to_the_chosen_path_and_says_where() {
    use kalibrer::io::export::ExportKind;
    use kalibrer::io::outputs::OutputKind;
    let dir = temp_dir("export");
    let mut h = demo_with_own_dialog(&dir, DialogMode::InApp);
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, kalibrer::ui::command::Command::Export(ExportKind::Output(OutputKind::Statistics)));
    h.run();
    assert!(h.query_by_label_contains("Eksportér: Anonymiseret statistik").is_some());
    let suggested = ExportKind::Output(OutputKind::Statistics).file_name();
    assert_eq!(h.get_by_label("Filnavn (.xlsx eller .csv):").value().as_deref(), Some(suggested.as_str()));
    let target = dir.join("statistik.csv");
    type_in(&mut h, "Filnavn (.xlsx eller .csv):", &target.display().to_string());
    h.get_by_label("Gem").click();
    h.run();
    let csv = std::fs::read_to_string(&target).unwrap();
    assert!(csv.lines().count() > 2, "{csv}");
    assert!(csv.contains("Kontorchef"), "{csv}");
    assert_eq!(notice(&h), format!("Eksporteret til {}", target.display()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_draft_export_asks_first_then_where_and_is_marked() {
    use kalibrer::io::export::ExportKind;
    use kalibrer::io::outputs::OutputKind;
    let dir = temp_dir("draft");
    let mut h = demo_with_own_dialog(&dir, DialogMode::InApp);
    let ctx = h.ctx.clone();
    // The demo's meeting is not final: the allocation is only written as UDKAST.
    h.state_mut().run_command(&ctx, kalibrer::ui::command::Command::Export(ExportKind::Output(OutputKind::Allocation)));
    h.run();
    assert!(h.query_by_label_contains("Eksportér: Fordeling").is_none(), "no file dialog before the choice");
    h.get_by_label("Eksportér som UDKAST").click();
    h.run();
    assert!(h.query_by_label_contains("Eksportér: Fordeling til lønkontoret").is_some());
    let target = dir.join("fordeling");
    type_in(&mut h, "Filnavn (.xlsx eller .csv):", &target.display().to_string());
    h.key_press(Key::Enter);
    h.run();
    let written = dir.join("fordeling.xlsx");
    assert!(written.is_file(), "the preferred type is added");
    assert_eq!(notice(&h), format!("Eksporteret som UDKAST til {}", written.display()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_a_desktop_file_dialog_a_danish_message_and_the_own_dialog_answer() {
    let dir = temp_dir("nodialog");
    let mut h = demo_with_own_dialog(&dir, DialogMode::NoSystemDialog);
    edit(&mut h);
    save(&mut h);
    assert_eq!(
        notice(&h),
        "Skrivebordet har ingen fildialog (xdg-desktop-portal eller zenity); Kalibrers egen bruges."
    );
    assert!(h.query_by_label_contains("Gem sessionen som").is_some());
    h.get_by_label("Annuller").click();
    h.run();
    assert!(h.query_by_label_contains("Gem sessionen som").is_none());
    assert_eq!(notice(&h), "Gem som er annulleret – intet er gemt.", "a cancel is answered too");
    assert!(h.state().meeting.doc.is_dirty(), "the work stays");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Asks the window to close, as the window's close button does.
fn request_close(h: &mut Harness<'static, KalibrerApp>) {
    h.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    h.step();
}

fn root_commands(h: &Harness<'static, KalibrerApp>) -> Vec<ViewportCommand> {
    h.output().viewport_output.get(&ViewportId::ROOT).map(|v| v.commands.clone()).unwrap_or_default()
}

#[test]
fn save_and_close_on_the_demo_closes_after_the_save_in_the_own_dialog() {
    let dir = temp_dir("saveclose");
    let mut h = demo_with_own_dialog(&dir, DialogMode::InApp);
    edit(&mut h);
    request_close(&mut h);
    assert!(root_commands(&h).contains(&ViewportCommand::CancelClose));
    h.run();
    h.get_by_label("Gem").click();
    h.run();
    assert!(h.query_by_label("Der er ændringer, som ikke er gemt").is_none(), "the question makes way");
    assert!(!h.state().meeting.view.quit_confirmed, "not closed before the save");
    let target = dir.join("moede.ron");
    type_in(&mut h, "Filnavn (.ron):", &target.display().to_string());
    h.get_by_label("Gem").click();
    // Closing asks for the window to close every frame: step, do not wait for quiet.
    h.run_steps(2);
    assert!(target.exists());
    assert!(h.state().meeting.view.quit_confirmed);
    assert!(root_commands(&h).contains(&ViewportCommand::Close), "the window is asked to close");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn close_without_saving_while_the_own_save_dialog_waits_closes_and_removes_the_copy() {
    let dir = temp_dir("discard");
    let file = dir.join("moede.ron");
    io::save_session(&file, &io::parse_session(io::DEMO_RON).unwrap()).unwrap();
    let mut h = app_on(file.clone());
    h.state_mut().dialogs.files.mode = DialogMode::InApp;
    h.run();
    edit(&mut h);
    let copy = kalibrer::ui::state::autosave::recovery_path(Some(&file));
    io::save_session(&copy, h.state().meeting.doc.session()).unwrap();
    // "Gem" on closing a file saves at once: use Gem som to have the dialog open.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(h.query_by_label_contains("Gem sessionen som").is_some());
    let name = h.get_by_label("Filnavn (.ron):").value();
    assert_eq!(name.as_deref(), Some("moede.ron"), "Gem som suggests the open file's name");
    request_close(&mut h);
    h.run();
    h.get_by_label("Gem ikke").click();
    h.run_steps(2);
    assert!(!copy.exists(), "the recovery copy must not be offered back next time");
    assert!(root_commands(&h).contains(&ViewportCommand::Close), "the window is asked to close");
    request_close(&mut h);
    assert!(!root_commands(&h).contains(&ViewportCommand::CancelClose), "and the close goes through");
    let _ = std::fs::remove_dir_all(&dir);
}
