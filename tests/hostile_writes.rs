//! Hostile paths for writers and readers of sessions (issue 26, items 7, 10–13 and the
//! session-file part of 14): two commands writing one file at once, writers that would
//! write what Kalibrer refuses to open, `--out` onto a prep file, a FIFO or a symbolic
//! link, a planted link at the temporary file's name, a FIFO as lock file or as the
//! session to open, and a version above 2^32.
//!
//! Commands that could block run as child processes and are waited for with a generous
//! guard (a hang fails the test instead of hanging the suite); nothing here measures time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use kalibrer::io::{self, lock, session_file};

fn kalibrer(args: &[&str]) -> Output {
    wait(spawn(args))
}

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_kalibrer"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for the child; one that has not finished after a minute is killed and fails the
/// test (it blocked).
fn wait(mut child: Child) -> Output {
    let guard = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > guard {
            let _ = child.kill();
            panic!("the command blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-hostile-{name}-{}", std::process::id()));
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

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn fit_and_spread_onto_the_same_file_at_once_never_lose_either() {
    // Both printed "Skrev" and one's changes were gone, 20 of 20 runs.
    let dir = temp_dir("race");
    let file = dir.join("s.ron");
    for run in 0..8 {
        io::save_session(&file, &demo()).unwrap();
        let fit = spawn(&["fit", s(&file), "--out", s(&file)]);
        let spread = spawn(&["spread", s(&file), "--by", "1,2", "--out", s(&file)]);
        let (fit, spread) = (wait(fit), wait(spread));
        assert_eq!(fit.status.code(), Some(0), "run {run}: {}", stderr(&fit));
        assert_eq!(spread.status.code(), Some(0), "run {run}: {}", stderr(&spread));
        let log = io::load_session_file(&file).unwrap().change_log;
        for title in ["Tilpas til puljen", "Spredning ×1,2"] {
            assert!(log.iter().any(|e| e.why == title), "run {run}: {title} is lost");
        }
        assert!(!lock::lock_path(&file).exists(), "both let go of the lock");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_command_refuses_at_once_when_a_window_holds_the_file() {
    let dir = temp_dir("window");
    let file = dir.join("s.ron");
    io::save_session(&file, &demo()).unwrap();
    assert_eq!(lock::acquire(&file), lock::LockOutcome::Acquired);
    let o = kalibrer(&["fit", s(&file), "--out", s(&file)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("er åben hos") && stderr(&o).contains("intet er skrevet"), "{}", stderr(&o));
    lock::release(&file);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generate_refuses_a_pool_above_the_bound_naming_it() {
    let dir = temp_dir("generate");
    let out = dir.join("g.ron");
    let o = kalibrer(&["generate", "--managers", "250000", "--seed", "1", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("intet er skrevet – resultatet ville ikke kunne åbnes: politikker: puljen ("), "{e}");
    assert!(e.contains("er over grænsen på 10.000.000.000 kr."), "{e}");
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_never_writes_an_amount_the_session_cannot_hold() {
    let dir = temp_dir("import");
    let file = dir.join("s.ron");
    io::save_session(&file, &demo()).unwrap();
    let hr = dir.join("hr.csv");
    std::fs::write(&hr, "Medarbejdernr;Navn;Niveau;Grundløn\nKC01;A;KC;99.999.999.999.999\nKC02;B;KC;600.000\n")
        .unwrap();
    let out = dir.join("ny.ron");
    let o = kalibrer(&["import", s(&hr), "--into", s(&file), "--out", s(&out), "--accept-rejections"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("over grænsen på 10.000.000.000 kr."));
    let written = io::load_session_file(&out).unwrap();
    assert!(written.managers.iter().all(|m| m.base_salary < rust_decimal::Decimal::from(10_000_000_000_i64)));
    let hist = dir.join("hist.csv");
    std::fs::write(&hist, "Medarbejdernr;2023\nKC01;-45.000\nKC02;100000000000\n").unwrap();
    let o = kalibrer(&["import", s(&hist), "--into", s(&file), "--out", s(&out), "--history", "--accept-rejections"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = io::load_session_file(&out).unwrap();
    assert_eq!(written.history["KC01"][&2023], rust_decimal::Decimal::from(38_000), "the demo's amount is kept");
    assert_eq!(written.history["KC02"][&2023], rust_decimal::Decimal::from(33_000));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn merge_never_replaces_a_prep_file_whatever_its_name() {
    let dir = temp_dir("prep-out");
    let file = dir.join("s.ron");
    io::save_session(&file, &demo()).unwrap();
    let (pa, pb) = (dir.join("pa.ron"), dir.join("pb.ron"));
    for (who, out) in [("DIR-A", &pa), ("DIR-B", &pb)] {
        let o = kalibrer(&["prep", s(&file), "--for", who, "--out", s(out)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let before = std::fs::read(&pb).unwrap();
    let o = kalibrer(&["merge", s(&file), s(&pa), "--out", s(&pb)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        format!(
            "kalibrer: --out {} er en forberedelse (for DIR-B); den bliver ikke overskrevet – intet er skrevet, vælg en anden fil",
            pb.display()
        )
    );
    assert_eq!(std::fs::read(&pb).unwrap(), before);
    // The same for the other writers, and for a prep made for someone else.
    let o = kalibrer(&["generate", "--managers", "5", "--out", s(&pb)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = kalibrer(&["prep", s(&file), "--for", "DIR-A", "--out", s(&pb)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("er en forberedelse for DIR-B"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&pb).unwrap(), before);
    // A director's own prep may be made anew.
    let o = kalibrer(&["prep", s(&file), "--for", "DIR-B", "--out", s(&pb)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_session_file_stating_a_version_above_2_pow_32_is_a_newer_version() {
    let current = kalibrer::model::session::CURRENT_VERSION;
    let text = io::DEMO_RON.replacen(&format!("version: {current},"), "version: 4294967296,", 1);
    assert_ne!(text, io::DEMO_RON, "the demo states its version");
    let e = io::parse_session(&text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "filen har formatversion 4294967296, men dette program kan kun læse til og med version 3 – opdatér Kalibrer"
    );
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};

    use super::*;

    #[test]
    fn a_fifo_as_out_as_lock_file_or_as_the_session_never_blocks() {
        let dir = temp_dir("fifo");
        let file = dir.join("s.ron");
        io::save_session(&file, &demo()).unwrap();
        // --out a FIFO: the read-only probe opened it for writing and blocked forever.
        let fifo = dir.join("ud.ron");
        mkfifo(&fifo);
        let o = kalibrer(&["fit", s(&file), "--out", s(&fifo)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("det er et navngivet rør (FIFO), ikke en almindelig fil – intet er skrevet"),
            "{}",
            stderr(&o)
        );
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "never replaced");
        let e = io::save_session(&fifo, &demo()).unwrap_err();
        assert!(e.message.contains("navngivet rør"), "{e}");
        // The session to open.
        let o = kalibrer(&["check", s(&fifo)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("det er et navngivet rør (FIFO), ikke en almindelig fil – intet er læst"),
            "{}",
            stderr(&o)
        );
        let e = io::load_session_file(&fifo).unwrap_err();
        assert!(e.to_string().contains("navngivet rør"), "{e}");
        // <file>.lås a FIFO: refused, in Danish, by the command line and the lock itself.
        mkfifo(&lock::lock_path(&file));
        let o = kalibrer(&["fit", s(&file), "--out", s(&file)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("s.ron.lås er et navngivet rør (FIFO), ikke en almindelig fil"), "{}", stderr(&o));
        let lock::LockOutcome::Refused(why) = lock::acquire(&file) else { panic!("a FIFO lock file was taken") };
        assert!(why.contains("fjern den"), "{why}");
        assert_eq!(lock::holder(&file), None);
        assert!(io::save_session(&file, &demo()).is_err(), "no write beside a lock file that is not one");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_planted_link_at_a_temporary_name_never_redirects_a_save() {
        let dir = temp_dir("planted");
        let file = dir.join("s.ron");
        io::save_session(&file, &demo()).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        // The victim: a private file the attacker wants overwritten and opened up.
        let victim = dir.join("victim");
        std::fs::write(&victim, "hemmelig").unwrap();
        std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
        let planted = dir.join(format!(".s.ron.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        io::save_session(&file, &demo()).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "hemmelig");
        assert_eq!(std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777, 0o600);
        let meta = std::fs::symlink_metadata(&file).unwrap();
        assert!(meta.file_type().is_file(), "the session is a file, not the planted link");
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "0600 stays 0600");
        // The new temporary names are not guessable: no fixed name is ever created.
        let names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(
            names.iter().all(|n| !n.ends_with(".tmp") || n == planted.file_name().unwrap().to_str().unwrap()),
            "{names:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn out_onto_a_link_writes_through_and_never_replaces_a_device_fifo_or_folder() {
        let dir = temp_dir("links");
        let real = dir.join("rigtig.ron");
        io::save_session(&real, &demo()).unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.join("genvej.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let o = kalibrer(&["generate", "--managers", "7", "--out", s(&link)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is kept");
        assert_eq!(io::load_session_file(&real).unwrap().managers.len(), 7, "its target is written");
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o600);
        // A link to nothing is refused.
        let dangling = dir.join("intet.ron");
        std::os::unix::fs::symlink(dir.join("findes-ikke.ron"), &dangling).unwrap();
        let o = kalibrer(&["generate", "--managers", "7", "--out", s(&dangling)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("symbolsk link til en fil, der ikke findes"), "{}", stderr(&o));
        assert!(!dir.join("findes-ikke.ron").exists());
        // A link to a FIFO, and a folder.
        let fifo = dir.join("roer");
        mkfifo(&fifo);
        let to_fifo = dir.join("til-roer.ron");
        std::os::unix::fs::symlink(&fifo, &to_fifo).unwrap();
        let o = kalibrer(&["generate", "--managers", "7", "--out", s(&to_fifo)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        let o = kalibrer(&["generate", "--managers", "7", "--out", s(&dir)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("det er en mappe"), "{}", stderr(&o));
        // A device node (where this user may make one): never replaced.
        let device = dir.join("null");
        let made = Command::new("mknod").arg(&device).args(["c", "1", "3"]).status().is_ok_and(|s| s.success());
        if made {
            let e = io::save_session(&device, &demo()).unwrap_err();
            assert!(e.message.contains("det er en enhed, ikke en almindelig fil"), "{e}");
            assert!(std::fs::metadata(&device).unwrap().file_type().is_char_device());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_link_planted_as_the_lock_file_never_has_the_lock_written_through_it() {
        // The lock's text (user, host, time) was written through a planted `s.ron.lås`
        // link, truncating whatever it pointed to.
        let dir = temp_dir("lock-link");
        let file = dir.join("s.ron");
        io::save_session(&file, &demo()).unwrap();
        let victim = dir.join("victim");
        std::fs::write(&victim, "hemmelig").unwrap();
        std::os::unix::fs::symlink(&victim, lock::lock_path(&file)).unwrap();
        let lock::LockOutcome::Refused(why) = lock::acquire(&file) else { panic!("a linked lock file was taken") };
        assert!(why.contains("s.ron.lås er et symbolsk link, ikke en almindelig fil"), "{why}");
        let o = kalibrer(&["fit", s(&file), "--out", s(&file)]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "hemmelig");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn left_overs_of_the_new_temporary_names_are_still_removed() {
        let dir = temp_dir("temps");
        let file = dir.join("s.ron");
        io::save_session(&file, &demo()).unwrap();
        let dead = dir.join(format!(".s.ron.{}.Xy12Ab34.tmp", u32::MAX - 1));
        let not_ours = dir.join(".s.ron.gendan.ron.1.Xy12Ab34.tmp");
        for p in [&dead, &not_ours] {
            std::fs::write(p, "løn").unwrap();
        }
        assert_eq!(session_file::remove_stale_temps(&file), usize::from(cfg!(target_os = "linux")));
        assert!(not_ours.exists(), "the recovery copy's temporaries are not the session's");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
