//! One writer at a time and files that keep their permissions: the command line refuses
//! to write onto a session another instance holds, a read-only file is never replaced,
//! saving keeps the file's mode, and the temporary files of killed writes are removed.
//! Messages are Danish and say it once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kalibrer::io::{self, lock, session_file};

fn kalibrer(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kalibrer")).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-safety-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn demo() -> kalibrer::model::Session {
    io::parse_session(io::DEMO_RON).unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn every_cli_write_onto_a_held_session_is_refused_with_the_holder() {
    let dir = temp_dir("lock");
    let session = dir.join("moede.ron");
    io::save_session(&session, &demo()).unwrap();
    let prep = dir.join("dir-a.ron");
    let o = kalibrer(&["prep", s(&session), "--for", "DIR-A", "--out", s(&prep)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hr = dir.join("hr.csv");
    std::fs::write(&hr, "Medarbejdernr;Navn\nKC01;Ny\n").unwrap();
    let before = std::fs::read(&session).unwrap();

    // The GUI's part, held through the io API: an OS lock for as long as it is open.
    assert_eq!(lock::acquire(&session), lock::LockOutcome::Acquired);
    let me = lock::info::LockInfo::parse(&std::fs::read_to_string(lock::lock_path(&session)).unwrap()).unwrap();
    assert_eq!(me.pid, std::process::id());
    let csv = dir.join("moede.csv");
    let runs: [&[&str]; 5] = [
        &["merge", s(&session), s(&prep), "--out", s(&session)],
        &["import", s(&hr), "--into", s(&session), "--out", s(&session)],
        &["prep", s(&prep), "--for", "DIR-A", "--out", s(&session)],
        &["generate", "--managers", "5", "--seed", "1", "--out", s(&session)],
        &["export", s(&prep), "--out", s(&csv), "--udkast"],
    ];
    for args in &runs[..4] {
        let o = kalibrer(args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&format!("filen er åben hos {}", me.describe())), "{args:?}: {err}");
        assert!(err.contains("intet er skrevet"), "{err}");
        assert_eq!(err.matches("kan ikke gemme").count(), 1, "said once: {err}");
        assert_eq!(std::fs::read(&session).unwrap(), before, "{args:?} wrote the held file");
    }
    // A file nobody holds is written as before.
    let o = kalibrer(runs[4]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    lock::release(&session);
    let o = kalibrer(&["generate", "--managers", "5", "--seed", "1", "--out", s(&session)]);
    assert_eq!(o.status.code(), Some(0), "released: {}", stderr(&o));
    assert_ne!(std::fs::read(&session).unwrap(), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn prep_refuses_to_replace_its_own_session() {
    let dir = temp_dir("prepself");
    let session = dir.join("s.ron");
    io::save_session(&session, &demo()).unwrap();
    let before = std::fs::read(&session).unwrap();
    let same = format!("{}/./s.ron", dir.display());
    let o = kalibrer(&["prep", s(&session), "--for", "DIR-A", "--out", &same]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("er den samme fil som"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&session).unwrap(), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn os_errors_reach_the_user_in_danish() {
    let dir = temp_dir("oserr");
    let o = kalibrer(&["check", s(&dir)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("det er en mappe, ikke en fil"), "{err}");
    assert!(!err.contains("os error") && !err.contains("Is a directory"), "{err}");
    let o = kalibrer(&["check", s(&dir.join("findes-ikke.ron"))]);
    assert!(stderr(&o).contains("findes ikke"), "{}", stderr(&o));
    let e = io::save_session(&dir, &demo()).unwrap_err();
    assert_eq!(e.to_string(), format!("kan ikke gemme {}: det er en mappe, ikke en fil", dir.display()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn temporary_files_of_killed_writes_are_removed_on_the_next_write() {
    let dir = temp_dir("temps");
    let session = dir.join("s.ron");
    io::save_session(&session, &demo()).unwrap();
    let dead = dir.join(format!(".s.ron.{}.tmp", u32::MAX - 1));
    let old_own = dir.join(format!(".s.ron.{}.tmp", std::process::id()));
    let other_file = dir.join(".andet.ron.1.tmp");
    let recovery_temp = dir.join(".s.ron.gendan.ron.1.tmp");
    for p in [&dead, &old_own, &other_file, &recovery_temp] {
        std::fs::write(p, "løn").unwrap();
    }
    // Our own process's temporary file is in use unless it is older than a minute.
    assert_eq!(session_file::remove_stale_temps(&session), usize::from(cfg!(target_os = "linux")));
    assert!(old_own.exists(), "a fresh file of a live process is kept");
    let two_minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    std::fs::File::options().write(true).open(&old_own).unwrap().set_modified(two_minutes_ago).unwrap();
    std::fs::write(&dead, "løn").unwrap();
    io::save_session(&session, &demo()).unwrap();
    assert!(!dead.exists() && !old_own.exists(), "both left-overs removed by the next save");
    assert!(other_file.exists() && recovery_temp.exists(), "other files' temporaries are not ours to remove");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    fn set_mode(p: &Path, m: u32) {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    }

    #[test]
    fn a_0600_session_stays_0600_and_its_copy_and_lock_are_no_wider() {
        let dir = temp_dir("0600");
        let session = dir.join("s.ron");
        io::save_session(&session, &demo()).unwrap();
        set_mode(&session, 0o600);
        io::save_session(&session, &demo()).unwrap();
        assert_eq!(mode(&session), 0o600);
        let copy = dir.join("s.ron.gendan.ron");
        session_file::save_copy_beside(&copy, Some(&session), &demo()).unwrap();
        assert_eq!(mode(&copy), 0o600);
        assert_eq!(lock::acquire(&session), lock::LockOutcome::Acquired);
        assert_eq!(mode(&lock::lock_path(&session)), 0o600);
        lock::release(&session);
        // A group-readable session keeps its group's read access.
        set_mode(&session, 0o640);
        io::save_session(&session, &demo()).unwrap();
        assert_eq!(mode(&session), 0o640);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_0444_session_is_never_replaced() {
        let dir = temp_dir("0444");
        let session = dir.join("s.ron");
        std::fs::write(&session, "gammel").unwrap();
        set_mode(&session, 0o444);
        let e = io::save_session(&session, &demo()).unwrap_err();
        assert_eq!(e.reason, io::SaveFailure::ReadOnly);
        assert!(e.message.starts_with("Filen er skrivebeskyttet"), "{e}");
        assert_eq!(std::fs::read_to_string(&session).unwrap(), "gammel");
        assert_eq!(mode(&session), 0o444);
        let o = kalibrer(&["generate", "--managers", "5", "--out", s(&session)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("Filen er skrivebeskyttet"), "{}", stderr(&o));
        assert_eq!(std::fs::read_to_string(&session).unwrap(), "gammel");
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left");
        set_mode(&session, 0o644);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
