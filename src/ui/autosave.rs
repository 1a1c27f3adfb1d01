//! Autosave: a recovery copy beside the session within seconds of any unsaved change.
//!
//! The copy is written atomically to `<file>.gendan.ron` and removed after a normal save.
//! The embedded demo has no file and gets no copy. On start, a copy newer than its file
//! is offered back (`recovery_ui.rs`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::io;
use crate::model::{Manager, Session};

/// How long after the first unsaved change the recovery copy is written.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(10);

/// The recovery file for a session file (None: the demo or an unsaved import).
#[must_use]
pub fn recovery_path(path: Option<&Path>) -> PathBuf {
    match path {
        Some(p) => {
            let mut name = p.file_stem().map(|s| s.to_os_string()).unwrap_or_default();
            name.push(".gendan.ron");
            p.with_file_name(name)
        }
        None => std::env::temp_dir().join("kalibrer-gendan.ron"),
    }
}

/// A recovery copy newer than its session file, if there is one that loads.
#[must_use]
pub fn newer_recovery(path: &Path) -> Option<(PathBuf, Session)> {
    let copy = recovery_path(Some(path));
    std::fs::metadata(&copy).ok()?;
    let session = io::load_session_file(&copy).ok()?;
    Some((copy, session))
}

/// When a file was last modified, as "2026-12-01 09:15:03 UTC" (for the recovery offer).
#[must_use]
pub fn modified_text(path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or_else(
            || "ukendt tidspunkt".to_string(),
            |d| crate::model::log::iso_from_unix(d.as_secs()).replace('T', " ").replace('Z', " UTC"),
        )
}

/// Ids and names of the managers whose data differ between two sessions (added,
/// removed or changed), for showing what a recovery would bring back.
#[must_use]
pub fn differing_managers(old: &Session, new: &Session) -> Vec<String> {
    // By id through maps: a state-wide session has 20,000 managers.
    let old_by_id: HashMap<&str, &Manager> = old.managers.iter().map(|m| (m.id.as_str(), m)).collect();
    let new_ids: HashSet<&str> = new.managers.iter().map(|m| m.id.as_str()).collect();
    let mut out: Vec<String> = new
        .managers
        .iter()
        .filter(|m| old_by_id.get(m.id.as_str()).is_none_or(|o| *o != *m))
        .map(|m| m.name.clone())
        .collect();
    out.extend(old.managers.iter().filter(|o| !new_ids.contains(o.id.as_str())).map(|o| o.name.clone()));
    out
}

/// When to write the next recovery copy. The copy is written on a background thread
/// (a state-wide session takes 160 ms to write), never while the pointer is down (a drag
/// in progress), so the projected screen does not stutter.
#[derive(Debug, Default)]
pub struct Autosave {
    /// How long a change waits before it is copied ([`AUTOSAVE_AFTER`] when zero).
    delay: Duration,
    /// The revision last written to the recovery file.
    written_revision: Option<u64>,
    /// When the current unsaved revision was first seen.
    dirty_since: Option<Instant>,
    /// The copy being written: its revision and the writing thread.
    in_flight: Option<(u64, std::thread::JoinHandle<Result<(), String>>)>,
    /// The last failure, to show once.
    pub last_error: Option<String>,
    /// No more copies: the user quit without saving.
    stopped: bool,
}

/// How often a copy being written is looked at again.
const POLL: Duration = Duration::from_millis(100);

impl Autosave {
    /// An autosave that copies a change after `delay` instead of [`AUTOSAVE_AFTER`].
    #[must_use]
    pub fn with_delay(delay: Duration) -> Self {
        Self { delay, ..Self::default() }
    }

    /// Called every frame: starts writing the recovery copy when a change has waited long
    /// enough and the user is not dragging (`busy`). Returns how long until it should be
    /// called again (for `request_repaint_after`).
    pub fn tick(
        &mut self,
        session: &Session,
        path: Option<&Path>,
        revision: u64,
        dirty: bool,
        busy: bool,
    ) -> Option<Duration> {
        self.collect(false);
        if self.stopped || path.is_none() || !dirty || self.written_revision == Some(revision) {
            self.dirty_since = None;
            return self.in_flight.as_ref().map(|_| POLL);
        }
        if self.in_flight.is_some() {
            return Some(POLL);
        }
        let delay = if self.delay.is_zero() { AUTOSAVE_AFTER } else { self.delay };
        let waited = self.dirty_since.get_or_insert_with(Instant::now).elapsed();
        if waited < delay {
            return Some(delay - waited);
        }
        if busy {
            return Some(POLL);
        }
        let (target, copy, original) = (recovery_path(path), session.clone(), path.map(Path::to_path_buf));
        let spawned = std::thread::Builder::new().name("gendannelseskopi".into()).spawn(move || {
            io::session_file::save_copy_beside(&target, original.as_deref(), &copy).map_err(|e| e.message)
        });
        match spawned {
            Ok(handle) => self.in_flight = Some((revision, handle)),
            Err(e) => {
                self.last_error = Some(format!("Gendannelseskopien kunne ikke skrives: {}", io::os_error::danish(&e)));
            }
        }
        self.dirty_since = None;
        Some(POLL)
    }

    /// Takes the result of a finished copy (or, with `wait`, waits for it).
    fn collect(&mut self, wait: bool) {
        let Some((revision, handle)) = self.in_flight.take() else { return };
        if !wait && !handle.is_finished() {
            self.in_flight = Some((revision, handle));
            return;
        }
        match handle.join() {
            Ok(Ok(())) => {
                self.written_revision = Some(revision);
                self.last_error = None;
            }
            Ok(Err(e)) => self.last_error = Some(format!("Gendannelseskopien kunne ikke skrives: {e}")),
            Err(_) => self.last_error = Some("Gendannelseskopien kunne ikke skrives: skrivningen stoppede.".into()),
        }
    }

    /// The user quits without saving: the copy being written is waited for, the recovery
    /// copy is removed, and no further copy is written.
    pub fn discard(&mut self, path: Option<&Path>) {
        self.saved(path);
        self.stopped = true;
    }

    /// After a normal save the recovery copy is no longer needed (a copy still being
    /// written is waited for first, so it cannot reappear after the save).
    pub fn saved(&mut self, path: Option<&Path>) {
        self.collect(true);
        let _ = std::fs::remove_file(recovery_path(path));
        self.written_revision = None;
        self.dirty_since = None;
        self.last_error = None;
    }
}

#[cfg(test)]
mod tests {
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
        // Dirty: waits for the delay, then for the drag to end.
        assert!(a.tick(&s, Some(&path), 1, true, false).is_some_and(|d| d <= Duration::from_millis(30)));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(a.tick(&s, Some(&path), 1, true, true), Some(POLL), "dragging: later");
        assert!(a.in_flight.is_none() && !copy.exists());
        a.tick(&s, Some(&path), 1, true, false);
        settle(&mut a, &s, &path, 1);
        assert_eq!(io::load_session_file(&copy).expect("copy").managers, s.managers);
        assert_eq!(a.tick(&s, Some(&path), 1, true, false), None, "this revision is copied");
        // A later change is copied again after its own delay.
        s.managers[0].notes = "ændret efter kopien".into();
        a.tick(&s, Some(&path), 2, true, false);
        std::thread::sleep(Duration::from_millis(40));
        a.tick(&s, Some(&path), 2, true, false);
        // A normal save while the copy is being written waits for it and removes it.
        a.saved(Some(&path));
        assert!(!copy.exists(), "no stale copy after a save");
        assert!(a.in_flight.is_none() && a.last_error.is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_copy_that_cannot_be_written_is_reported_once() {
        let path = std::env::temp_dir().join(format!("kalibrer-nodir-{}", std::process::id())).join("x/moede.ron");
        let s = io::parse_session(io::DEMO_RON).expect("demo");
        let mut a = Autosave::with_delay(Duration::from_millis(1));
        a.tick(&s, Some(&path), 1, true, false);
        std::thread::sleep(Duration::from_millis(5));
        a.tick(&s, Some(&path), 1, true, false);
        settle(&mut a, &s, &path, 1);
        let error = a.last_error.take().expect("reported");
        assert!(error.starts_with("Gendannelseskopien kunne ikke skrives"), "{error}");
    }
}
