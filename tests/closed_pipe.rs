//! Every command stops quietly when its output is closed (`kalibrer check big.ron | head
//! -1` panicked with exit 101): stdout is a pipe whose reading end is already closed, so
//! every write fails with EPIPE, and the command must exit with its usual code and no
//! panic message.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Stdio};

fn demo() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.ron").to_string()
}

/// Runs kalibrer with stdout a pipe nobody reads (closed before the child starts);
/// returns the exit code and stderr.
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let o = Command::new(env!("CARGO_BIN_EXE_kalibrer"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn check_on_a_closed_pipe_exits_with_its_code_not_a_panic() {
    // The demo has deliberate fejl: `check` exits 1 whether or not anyone reads.
    let (code, err) = with_closed_stdout(&["check", &demo()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(!err.contains("panicked") && !err.contains("failed printing"), "{err}");
    // The summary goes to stderr, as always.
    assert!(err.ends_with("demo.ron: 8 fejl, 1 advarsel, 0 info\n"), "{err}");
}

#[test]
fn a_big_session_on_a_closed_pipe_stops_quietly() {
    let dir = std::env::temp_dir().join(format!("kalibrer-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.ron");
    let o = Command::new(env!("CARGO_BIN_EXE_kalibrer"))
        .args(["generate", "--managers", "2206", "--seed", "1", "--out", big.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let big = big.to_str().unwrap();
    for args in [vec!["check", big], vec!["check", big, "--json"], vec!["stats", big], vec!["stats", big, "--json"]] {
        let (code, err) = with_closed_stdout(&args);
        assert!(matches!(code, Some(0 | 1)), "{args:?}: {code:?} {err}");
        assert!(!err.contains("panicked") && !err.contains("failed printing"), "{args:?}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn help_version_and_completions_on_a_closed_pipe() {
    for args in [vec!["--help"], vec!["--version"], vec!["prep", "--help"], vec!["completions", "bash"]] {
        let (code, err) = with_closed_stdout(&args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}
