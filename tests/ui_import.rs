//! Filer → Importér through the GUI: mapping unknown headers by hand, the preview of
//! every change, rejected rows that must be accepted, one undo step.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::document::Edit;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::io;
use kalibrer::ui::KalibrerApp;
use rust_decimal::Decimal;

fn click(h: &mut Harness<'_, KalibrerApp>, label: &str) {
    h.get_all_by_label(label).last().unwrap().hover();
    h.run();
    h.get_all_by_label(label).last().unwrap().click();
    h.run();
}

fn click_contains(h: &mut Harness<'_, KalibrerApp>, label: &str) {
    h.get_by_label_contains(label).hover();
    h.run();
    h.get_by_label_contains(label).click();
    h.run();
}

#[test]
fn unknown_headers_are_mapped_by_hand_and_rejections_must_be_accepted() {
    let dir = std::env::temp_dir().join(format!("kalibrer-uiimport-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("hr.csv");
    // "Personalenr" and "Fulde navn" are not default headers; line 3 has a bad salary.
    std::fs::write(
        &path,
        "Personalenr;Fulde navn;Stilling;Grundløn\nKC70;Søren Ærø;Kontorchef;640.000\nKC71;Bo;Kontorchef;mange\nKC01;Anne Marie Holst;Kontorchef;731.000\n",
    )
    .unwrap();
    let session = io::parse_session(io::DEMO_RON).unwrap();
    let n = session.managers.len();
    let mut h = Harness::builder().with_size([1920.0, 1080.0]).with_max_steps(16).build_eframe(move |cc| {
        let mut app = KalibrerApp::with_session(session, None);
        app.install(&cc.egui_ctx);
        app
    });
    h.run();
    h.state_mut().import_file(&path, false);
    h.run();
    assert!(h.query_by_label_contains("Importér HR-data fra hr.csv").is_some());
    assert!(h.query_by_label_contains("kolonnen mangler i overskriften").is_some());

    // Map the two columns by hand.
    click_contains(&mut h, "«Personalenr»");
    click(&mut h, "Medarbejdernr");
    click_contains(&mut h, "«Fulde navn»");
    click(&mut h, "Navn");
    assert!(h.query_by_label_contains("1 ny leder · 1 ændring hos kendte ledere · 1 række afvist").is_some());
    assert!(h.query_by_label_contains("Grundløn: 712.000 kr. → 731.000 kr.").is_some(), "the change is shown first");
    assert!(h.query_by_label_contains("Afvist: linje 3, kolonne «Grundløn»").is_some());
    h.set_render_cursor(false);
    h.snapshot("import_dialog");

    // With a rejected row, "Importér" does nothing until the rejection is accepted.
    click(&mut h, "Importér");
    assert_eq!(h.state().meeting.doc.session().managers.len(), n);
    click(&mut h, "Spring de afviste rækker over og importér resten");
    click(&mut h, "Importér");
    let s = &h.state().meeting.doc.session();
    assert_eq!(s.managers.len(), n + 1);
    assert_eq!(s.managers.last().unwrap().name, "Søren Ærø");
    let kc01 = s.managers.iter().find(|m| m.id == "KC01").unwrap();
    assert_eq!(kc01.base_salary, Decimal::from(731_000));
    let entry =
        s.change_log.iter().find(|e| e.manager.as_deref() == Some("KC01") && e.change.what() == "Grundløn").unwrap();
    assert_eq!((entry.change.old_text(), entry.change.new_text()), ("712.000 kr.".into(), "731.000 kr.".into()));
    assert!(entry.why.contains("hr.csv"));
    assert!(h.query_by_label_contains("Importér HR-data fra").is_none(), "the dialog closed");

    // One undo step takes the whole import back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let s = &h.state().meeting.doc.session();
    assert_eq!(s.managers.len(), n);
    assert_eq!(s.managers.iter().find(|m| m.id == "KC01").unwrap().base_salary, Decimal::from(712_000));

    // The next import of a file with these headers maps itself as the user did.
    assert_eq!(h.state().settings.import_mappings.len(), 2, "{:?}", h.state().settings.import_mappings);
    h.state_mut().import_file(&path, false);
    h.run();
    assert!(h.query_by_label_contains("2 kolonner er valgt som ved en tidligere import").is_some());
    assert!(h.query_by_label_contains("1 ny leder · 1 ændring hos kendte ledere · 1 række afvist").is_some());
    click(&mut h, "Annullér");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cancelling_changes_nothing_and_an_unreadable_file_is_reported() {
    let dir = std::env::temp_dir().join(format!("kalibrer-uiimport2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("historik.csv");
    std::fs::write(&path, "Medarbejdernr;2022\nKC01;41.000\n").unwrap();
    let session = io::parse_session(io::DEMO_RON).unwrap();
    let before = session.clone();
    let mut h = Harness::builder().with_size([1920.0, 1080.0]).with_max_steps(16).build_eframe(move |cc| {
        let mut app = KalibrerApp::with_session(session, None);
        app.install(&cc.egui_ctx);
        app
    });
    h.run();
    h.state_mut().import_file(&path, true);
    h.run();
    assert!(h.query_by_label_contains("Beløb 2022: 41.000 kr.").is_some());
    click(&mut h, "Annullér");
    assert_eq!(h.state().meeting.doc.session(), &before);
    h.state_mut().import_file(&dir.join("findes-ikke.xlsx"), false);
    h.run();
    let notice = h.state().meeting.view.notice.clone().unwrap();
    assert!(notice.is_error && notice.text.contains("findes-ikke.xlsx"), "{}", notice.text);
    assert!(h.state().dialogs.import.is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 15: the import dialog replaced the roster with a copy taken when it opened, so an
/// edit made meanwhile was lost (while its log entry stayed). The import is computed again
/// from the session as it is when applied.
#[test]
fn an_edit_made_while_the_import_dialog_is_open_is_kept() {
    let dir = std::env::temp_dir().join(format!("kalibrer-uiimport3-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("hr.csv");
    std::fs::write(&path, "Medarbejdernr;Navn;Niveau;Grundløn\nKC01;Anne Marie Holst;Kontorchef;731.000\n").unwrap();
    let session = io::parse_session(io::DEMO_RON).unwrap();
    let kc02 = session.manager_index("KC02").unwrap();
    let mut h = Harness::builder().with_size([1920.0, 1080.0]).with_max_steps(16).build_eframe(move |cc| {
        let mut app = KalibrerApp::with_session(session, None);
        app.install(&cc.egui_ctx);
        app
    });
    h.run();
    h.state_mut().import_file(&path, false);
    h.run();
    assert!(h.query_by_label_contains("Grundløn: 712.000 kr. → 731.000 kr.").is_some());
    // Meanwhile (a shortcut, a second hand on the keyboard): a note for KC02.
    let ctx = h.ctx.clone();
    let note =
        kalibrer::ui::command::Command::Edit(Edit::SetNotes { manager: kc02, text: "Drøftet under importen".into() });
    h.state_mut().run_command(&ctx, note);
    h.run();
    click(&mut h, "Importér");
    let s = h.state().meeting.doc.session();
    assert_eq!(s.managers[kc02].notes, "Drøftet under importen", "the edit made meanwhile is kept");
    let kc01 = s.managers.iter().find(|m| m.id == "KC01").unwrap();
    assert_eq!(kc01.base_salary, Decimal::from(731_000), "and the import is applied");
    assert!(s.change_log.iter().any(|e| e.manager.as_deref() == Some("KC02") && e.change.what() == "Noter"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 25: *Filer → Åbn* made a new app and carried over only the recent files: the
/// column mappings the user had chosen by hand were gone, and saved empty on exit.
#[test]
fn remembered_column_mappings_survive_opening_another_file_and_are_saved() {
    use kalibrer::io::import::{Field, header_key};
    use kalibrer::ui::dialogs::file_purpose::{FileChoice, FilePurpose};

    /// eframe's storage, in memory.
    #[derive(Default)]
    struct Memory(std::collections::HashMap<String, String>);
    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_string(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    let dir = std::env::temp_dir().join(format!("kalibrer-uiimport-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("moede.ron");
    io::save_session(&file, &io::parse_session(io::DEMO_RON).unwrap()).unwrap();
    let session = io::parse_session(io::DEMO_RON).unwrap();
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(16)
        .build_eframe(move |cc| KalibrerApp::new(cc, session, None));
    h.run();
    let mut mappings = kalibrer::io::import::LearnedMapping::new();
    mappings.insert(header_key("Personalenr"), Some(Field::Id));
    mappings.insert(header_key("Fulde navn"), Some(Field::Name));
    h.state_mut().settings.import_mappings = mappings.clone();

    let ctx = h.ctx.clone();
    let open = FileChoice { purpose: FilePurpose::Open, paths: vec![file.clone()] };
    h.state_mut().run_command(&ctx, kalibrer::ui::command::Command::FileChosen(open));
    h.run();
    assert_eq!(h.state().meeting.doc.path.as_deref(), Some(file.as_path()), "the file is open");
    assert_eq!(h.state().settings.import_mappings, mappings, "the mappings are still there");
    assert_eq!(h.state().settings.recent, vec![file.clone()]);

    let mut storage = Memory::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let stored = kalibrer::ui::shell::settings::Settings::load(Some(&storage));
    assert_eq!(stored.import_mappings, mappings, "and saved for the next run");
    assert_eq!(stored.recent, vec![file]);
    let _ = std::fs::remove_dir_all(&dir);
}
