//! Tests of the recovery copy's timing and writing (`autosave.rs`).

use super::*;

#[test]
fn recovery_path_sits_beside_the_file() {
    assert_eq!(recovery_path(Some(Path::new("/m/kalibrering.ron"))), PathBuf::from("/m/kalibrering.gendan.ron"));
    assert!(recovery_path(None).ends_with("kalibrer-gendan.ron"));
}

#[test]
fn differing_managers_lists_changed_added_and_removed() {
    let old = io::parse_session(io::DEMO_RON).expect("demo");
    assert!(differing_managers(&old, &old).is_empty());
    let mut new = old.clone();
    new.managers[3].notes = "ændret".into();
    let removed = new.managers.remove(0);
    let mut added = new.managers[1].clone();
    added.id = "NY01".into();
    added.name = "Ny Leder".into();
    new.managers.push(added);
    let differing = differing_managers(&old, &new);
    assert_eq!(differing, vec![old.managers[3].name.clone(), "Ny Leder".to_string(), removed.name]);
}

/// Ticks like frames do until nothing is in flight.
fn settle(a: &mut Autosave, s: &Session, path: &Path, revision: u64) {
    for _ in 0..500 {
        if a.in_flight.is_none() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
        a.tick(s, Some(path), revision, true, false);
    }
    panic!("the recovery copy was never written");
}

#[test]
fn the_copy_waits_for_the_delay_and_the_drag_then_is_written_in_the_background() {
    let dir = std::env::temp_dir().join(format!("kalibrer-autosave-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("moede.ron");
    let copy = recovery_path(Some(&path));
    let mut s = io::parse_session(io::DEMO_RON).expect("demo");
    let mut a = Autosave::with_delay(Duration::from_millis(30));
    // Not dirty, or no file: nothing to do.
    assert_eq!(a.tick(&s, Some(&path), 1, false, false), None);
    assert_eq!(a.tick(&s, None, 1, true, false), None);
    // Dirty: the pass that shows the change only asks for the next one …
    assert_eq!(a.tick(&s, Some(&path), 1, true, false), Some(SNAPSHOT_AFTER));
    assert!(a.in_flight.is_none(), "no snapshot in the pass that shows the change");
    // … which hands the snapshot over: it waits for the delay, then for the drag to end.
    assert!(a.tick(&s, Some(&path), 1, true, false).is_some_and(|d| d <= Duration::from_millis(30)));
    assert!(a.in_flight.is_some());
    assert!(a.tick(&s, Some(&path), 1, true, true).is_some(), "the pointer goes down: later");
    std::thread::sleep(Duration::from_millis(150));
    assert!(!copy.exists(), "never written while the pointer is down");
    a.tick(&s, Some(&path), 1, true, false);
    settle(&mut a, &s, &path, 1);
    assert_eq!(io::load_session_file(&copy).expect("copy").managers, s.managers);
    assert_eq!(a.tick(&s, Some(&path), 1, true, false), None, "this revision is copied");
    // A later change is copied again after its own delay.
    s.managers[0].notes = "ændret efter kopien".into();
    a.tick(&s, Some(&path), 2, true, false);
    a.tick(&s, Some(&path), 2, true, false);
    std::thread::sleep(Duration::from_millis(40));
    a.tick(&s, Some(&path), 2, true, false);
    // A normal save while the copy is being written waits for it and removes it.
    a.saved(Some(&path));
    assert!(!copy.exists(), "no stale copy after a save");
    assert!(a.in_flight.is_none() && a.last_error.is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 17: autosave stopped while the window was covered (the timer lived in the
/// repaint loop). The pass that shows the change and the one after it (which input
/// always brings) hand the change over; with no further frame the copy is written
/// after the delay.
#[test]
fn the_copy_is_written_without_any_further_frame() {
    let dir = std::env::temp_dir().join(format!("kalibrer-autosave-noframes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("moede.ron");
    let copy = recovery_path(Some(&path));
    let s = io::parse_session(io::DEMO_RON).expect("demo");
    let mut a = Autosave::with_delay(Duration::from_millis(50));
    a.tick(&s, Some(&path), 1, true, false);
    a.tick(&s, Some(&path), 1, true, false);
    assert!(!copy.exists(), "not before the delay");
    for _ in 0..100 {
        if copy.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(io::load_session_file(&copy).expect("written with no frame").managers, s.managers);
    // A save afterwards (or while a copy waits) never blocks for the delay.
    let mut b = Autosave::with_delay(Duration::from_secs(30));
    b.tick(&s, Some(&path), 2, true, false);
    b.tick(&s, Some(&path), 2, true, false);
    let started = Instant::now();
    b.saved(Some(&path));
    assert!(started.elapsed() < Duration::from_secs(5), "saving cancels a waiting copy at once");
    assert!(!copy.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 19: no frame is asked for while a copy waits (each costs tens of ms on a
/// software renderer); the finished copy asks for exactly one, whose tick collects it.
#[test]
fn with_a_waker_no_frame_is_polled_and_the_finished_copy_wakes_once() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = std::env::temp_dir().join(format!("kalibrer-autosave-waker-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("moede.ron");
    let s = io::parse_session(io::DEMO_RON).expect("demo");
    let wakes = std::sync::Arc::new(AtomicUsize::new(0));
    let mut a = Autosave::with_delay(Duration::from_millis(50));
    let counter = std::sync::Arc::clone(&wakes);
    a.set_waker(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    assert_eq!(a.tick(&s, Some(&path), 1, true, false), Some(SNAPSHOT_AFTER), "the next pass takes the copy");
    assert_eq!(a.tick(&s, Some(&path), 1, true, false), None, "handing over asks for no frame");
    assert_eq!(a.tick(&s, Some(&path), 1, true, false), None, "waiting asks for no frame");
    assert_eq!(a.tick(&s, Some(&path), 1, true, true), None, "a drag asks for no frame");
    // The pointer is released (that event brings a frame of its own).
    assert_eq!(a.tick(&s, Some(&path), 1, true, false), None);
    for _ in 0..250 {
        if wakes.load(Ordering::SeqCst) > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(wakes.load(Ordering::SeqCst), 1, "the written copy asks for one frame");
    assert_eq!(a.tick(&s, Some(&path), 1, true, false), None);
    assert_eq!(a.written_revision, Some(1), "that frame's tick collects the result");
    // Without a waker the old schedule stands (tests drive the timer by ticks).
    let mut b = Autosave::with_delay(Duration::from_secs(30));
    assert_eq!(b.tick(&s, Some(&path), 2, true, false), Some(SNAPSHOT_AFTER));
    assert_eq!(b.tick(&s, Some(&path), 2, true, false), Some(POLL));
    b.saved(Some(&path));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_copy_that_cannot_be_written_is_reported_once() {
    let path = std::env::temp_dir().join(format!("kalibrer-nodir-{}", std::process::id())).join("x/moede.ron");
    let s = io::parse_session(io::DEMO_RON).expect("demo");
    let mut a = Autosave::with_delay(Duration::from_millis(1));
    a.tick(&s, Some(&path), 1, true, false);
    a.tick(&s, Some(&path), 1, true, false);
    std::thread::sleep(Duration::from_millis(5));
    a.tick(&s, Some(&path), 1, true, false);
    settle(&mut a, &s, &path, 1);
    let error = a.last_error.take().expect("reported");
    assert!(error.starts_with("Gendannelseskopien kunne ikke skrives"), "{error}");
}
