//! Autosave: a recovery copy beside the session within seconds of any unsaved change.
//!
//! The copy is written atomically to `<file>.gendan.ron` and removed after a normal save.
//! The embedded demo has no file and gets no copy. On start, a copy newer than its file
//! is offered back (`dialogs/recovery.rs`).

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

/// When a file was last modified, in Danish local time ("1. december 2026 kl. 10.15", for the
/// recovery offer; `model::time::local_time_unix`).
#[must_use]
pub fn modified_text(path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or_else(|| "ukendt tidspunkt".to_string(), |d| crate::model::time::local_time_unix(d.as_secs()))
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
///
/// The timer does not depend on painting: as soon as a change is seen (and no drag is in
/// progress) its snapshot is handed to a thread that waits out the delay itself and then
/// writes, so the copy appears even when the window is covered or minimised and no frame
/// runs. A newer change cancels a copy still waiting and hands over its own snapshot.
#[derive(Debug, Default)]
pub struct Autosave {
    /// How long a change waits before it is copied ([`AUTOSAVE_AFTER`] when zero).
    delay: Duration,
    /// The revision last written to the recovery file.
    written_revision: Option<u64>,
    /// When the current unsaved revision was first seen.
    dirty_since: Option<Instant>,
    /// The revision the last tick saw: its snapshot is taken one pass later (see `tick`).
    seen_revision: Option<u64>,
    /// The copy waiting or being written: its revision, the thread, and its cancel flag.
    in_flight: Option<InFlight>,
    /// The revision whose copy failed (not retried until the next change; reported once).
    failed_revision: Option<u64>,
    /// Set while the pointer is down: a waiting copy holds off until it is released.
    hold: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// The last failure, to show once.
    pub last_error: Option<String>,
    /// No more copies: the user quit without saving.
    stopped: bool,
    /// Asks for a frame when a copy's thread has finished (the window's repaint), so the
    /// app never polls: without it `tick` says when to look again.
    waker: Option<Waker>,
}

/// What a finished copy calls to have its result collected.
#[derive(Clone)]
pub struct Waker(std::sync::Arc<dyn Fn() + Send + Sync>);

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waker")
    }
}

/// At the latest this long after a change is first seen, a pass takes its snapshot.
pub const SNAPSHOT_AFTER: Duration = Duration::from_millis(250);

/// How often a copy being written is looked at again.
const POLL: Duration = Duration::from_millis(100);

/// A copy handed to its thread.
#[derive(Debug)]
struct InFlight {
    revision: u64,
    handle: std::thread::JoinHandle<Result<bool, String>>,
    cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Autosave {
    /// Has every finished copy call `wake` (e.g. `ctx.request_repaint()`): no frame is
    /// painted while a copy waits or is written (issue 19: each frame costs tens of ms on a
    /// software renderer), one when its result is there.
    pub fn set_waker(&mut self, wake: impl Fn() + Send + Sync + 'static) {
        self.waker = Some(Waker(std::sync::Arc::new(wake)));
    }

    /// Takes over `old`'s waker (the window is the same when another file is opened).
    pub fn keep_waker(&mut self, old: &Self) {
        self.waker.clone_from(&old.waker);
    }

    /// `when` to be called again, unless a waker will ask for the frame instead.
    fn again(&self, when: Duration) -> Option<Duration> {
        if self.waker.is_some() { None } else { Some(when) }
    }
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
        use std::sync::atomic::Ordering;
        self.hold.store(busy, Ordering::Relaxed);
        self.collect(false);
        let done = self.written_revision == Some(revision) || self.failed_revision == Some(revision);
        if self.stopped || path.is_none() || !dirty || done {
            self.dirty_since = None;
            return self.in_flight.as_ref().and_then(|_| self.again(POLL));
        }
        let delay = if self.delay.is_zero() { AUTOSAVE_AFTER } else { self.delay };
        let waited = self.dirty_since.get_or_insert_with(Instant::now).elapsed();
        let left = delay.saturating_sub(waited);
        if self.in_flight.as_ref().is_some_and(|f| f.revision == revision) {
            return self.again(left.max(POLL));
        }
        if busy {
            // The snapshot is taken when the drag has ended (no clone per drag step); the
            // release of the pointer brings the next frame.
            return self.again(POLL);
        }
        // The snapshot is taken in a pass after the one that first sees the change, never in
        // the pass that puts the change on screen: cloning a state-wide session (20,000
        // managers) takes tens of ms, which would hold back that frame (issue 19). The next
        // input's pass (a key's release, the pointer's next move) usually comes first; the
        // timer only brings one when nothing does.
        if self.seen_revision.replace(revision) != Some(revision) {
            return Some(SNAPSHOT_AFTER);
        }
        // A newer change: a copy still waiting is cancelled (one already writing finishes).
        if let Some(old) = self.in_flight.take() {
            old.cancel.store(true, Ordering::Relaxed);
        }
        let (target, copy, original) = (recovery_path(path), session.clone(), path.map(Path::to_path_buf));
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (stop, hold, waker) = (cancel.clone(), self.hold.clone(), self.waker.clone());
        let spawned = std::thread::Builder::new().name("gendannelseskopi".into()).spawn(move || {
            let until = Instant::now() + left;
            while !stop.load(Ordering::Relaxed) {
                let now = Instant::now();
                if now >= until {
                    break;
                }
                std::thread::sleep((until - now).min(POLL));
            }
            while hold.load(Ordering::Relaxed) && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(POLL);
            }
            if stop.load(Ordering::Relaxed) {
                return Ok(false);
            }
            let written = io::session_file::save_copy_beside(&target, original.as_deref(), &copy)
                .map(|()| true)
                .map_err(|e| e.message);
            if let Some(Waker(wake)) = waker {
                wake();
            }
            written
        });
        match spawned {
            Ok(handle) => self.in_flight = Some(InFlight { revision, handle, cancel }),
            Err(e) => {
                self.last_error = Some(format!("Gendannelseskopien kunne ikke skrives: {}", io::os_error::danish(&e)));
            }
        }
        self.again(left.clamp(Duration::from_millis(1), POLL))
    }

    /// Takes the result of a finished copy (or, with `wait`, waits for it).
    fn collect(&mut self, wait: bool) {
        let Some(flight) = self.in_flight.take() else { return };
        if !wait && !flight.handle.is_finished() {
            self.in_flight = Some(flight);
            return;
        }
        let revision = flight.revision;
        match flight.handle.join() {
            Ok(Ok(true)) => {
                self.written_revision = Some(revision);
                self.dirty_since = None;
                self.last_error = None;
            }
            Ok(Ok(false)) => {}
            Ok(Err(e)) => {
                self.failed_revision = Some(revision);
                self.last_error = Some(format!("Gendannelseskopien kunne ikke skrives: {e}"));
            }
            Err(_) => {
                self.failed_revision = Some(revision);
                self.last_error = Some("Gendannelseskopien kunne ikke skrives: skrivningen stoppede.".into());
            }
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
        // A copy still waiting out its delay is not written at all.
        if let Some(flight) = &self.in_flight {
            flight.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        self.collect(true);
        let _ = std::fs::remove_file(recovery_path(path));
        self.written_revision = None;
        self.failed_revision = None;
        self.dirty_since = None;
        self.last_error = None;
    }
}

#[cfg(test)]
#[path = "autosave_tests.rs"]
mod tests;
