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
    let mut counts = (0, 0);
    for round in 0..12_u64 {
        let mut child = Command::new(bin)
            .args(["generate", "--managers", "6000", "--seed", &round.to_string(), "--out", file.to_str().unwrap()])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + round * 37 % 400));
        let _ = child.kill();
        let _ = child.wait();
        let s = kalibrer::io::load_session_file(&file).unwrap_or_else(|e| panic!("round {round}: broken file: {e}"));
        if s.managers.len() == 30 {
            counts.0 += 1
        } else {
            counts.1 += 1
        }
        assert!(s.managers.len() == 30 || s.managers.len() == 6000);
    }
    // Stray temporary files of killed saves may remain; never a half-written session.
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(counts.0 + counts.1, 12);
}
