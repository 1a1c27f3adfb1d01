//! Killing the program while it saves never leaves a broken file: the file on disk is
//! always either the old one or the new one, complete.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::time::Duration;

#[test]
fn killing_a_child_mid_save_leaves_old_or_new_complete() {
    let dir = std::env::temp_dir().join(format!("kalibrer-crash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("session.ron");
    let bin = env!("CARGO_BIN_EXE_kalibrer");
    let ok =
        Command::new(bin).args(["generate", "--managers", "30", "--out", file.to_str().unwrap()]).status().unwrap();
    assert!(ok.success());
    // Even rounds kill the child as soon as its temporary file exists – between creating
    // it and renaming it over the session, i.e. mid-write; odd rounds at a varying time.
    let mut killed_mid_write = 0;
    for round in 0..12_u64 {
        let before = kalibrer::io::load_session_file(&file).unwrap();
        let mut child = Command::new(bin)
            .args(["generate", "--managers", "6000", "--seed", &round.to_string(), "--out", file.to_str().unwrap()])
            .spawn()
            .unwrap();
        // The save's temporary file: `.session.ron.<pid>.<random>.tmp` (tempfile's
        // unpredictable part between the pid and the extension).
        let prefix = format!(".session.ron.{}.", child.id());
        let tmp_exists = || {
            std::fs::read_dir(&dir).unwrap().flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with(&prefix) && name.ends_with(".tmp")
            })
        };
        if round % 2 == 0 {
            while !tmp_exists() && child.try_wait().unwrap().is_none() {
                std::thread::sleep(Duration::from_micros(200));
            }
        } else {
            std::thread::sleep(Duration::from_millis(20 + round * 37 % 400));
        }
        let _ = child.kill();
        let _ = child.wait();
        let s = kalibrer::io::load_session_file(&file).unwrap_or_else(|e| panic!("round {round}: broken file: {e}"));
        if tmp_exists() {
            // The kill landed before the rename: the session on disk is the old one, whole.
            killed_mid_write += 1;
            assert!(s == before, "round {round}: killed mid-write, yet the session changed");
        } else {
            assert!(s == before || s.managers.len() == 6000, "round {round}: {} managers", s.managers.len());
        }
    }
    assert!(killed_mid_write > 0, "no kill landed mid-write, so nothing was tested");
    // Stray temporary files of killed saves may remain; never a half-written session.
    let _ = std::fs::remove_dir_all(&dir);
}
