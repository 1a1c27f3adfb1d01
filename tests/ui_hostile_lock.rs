//! The app opening a session whose lock file is a FIFO (issue 26, item 7): it never
//! blocks on it, opens the session read-only and says why in Danish.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[cfg(unix)]
#[test]
fn a_fifo_as_lock_file_opens_the_session_read_only_with_the_reason() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use kalibrer::io;
    use kalibrer::ui::KalibrerApp;

    let dir = std::env::temp_dir().join(format!("kalibrer-test-fifo-lock-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("moede.ron");
    io::save_session(&file, &io::parse_session(io::DEMO_RON).unwrap()).unwrap();
    let fifo = io::lock::lock_path(&file);
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let open = file.clone();
    // Before the fix the lock's read of the FIFO blocked the window forever.
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| KalibrerApp::new(cc, io::load_session_file(&open).unwrap(), Some(open.clone())));
    harness.run();
    assert!(harness.state().meeting.doc.is_read_only());
    assert!(
        harness.query_by_label_contains("moede.ron.lås er et navngivet rør (FIFO), ikke en almindelig fil").is_some(),
        "the reason is on screen"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
