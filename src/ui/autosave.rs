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
    let copy_time = std::fs::metadata(&copy).and_then(|m| m.modified()).ok()?;
    let file_time = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    if file_time.is_some_and(|t| t >= copy_time) {
        return None;
    }
    let session = io::load_session_file(&copy).ok()?;
    Some((copy, session))
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

/// When to write the next recovery copy.
#[derive(Debug, Clone, Default)]
pub struct Autosave {
    /// The revision last written to the recovery file.
    written_revision: Option<u64>,
    /// When the current unsaved revision was first seen.
    dirty_since: Option<Instant>,
    /// The last failure, to show once.
    pub last_error: Option<String>,
}

impl Autosave {
    /// Called every frame: writes the recovery copy when a change has waited long enough.
    /// Returns how long until it should be called again (for `request_repaint_after`).
    pub fn tick(&mut self, session: &Session, path: Option<&Path>, revision: u64, dirty: bool) -> Option<Duration> {
        if path.is_none() || !dirty || self.written_revision == Some(revision) {
            self.dirty_since = None;
            return None;
        }
        let since = *self.dirty_since.get_or_insert_with(Instant::now);
        let waited = since.elapsed();
        if waited < AUTOSAVE_AFTER {
            return Some(AUTOSAVE_AFTER - waited);
        }
        match io::save_session(&recovery_path(path), session) {
            Ok(()) => {
                self.written_revision = Some(revision);
                self.last_error = None;
            }
            Err(e) => self.last_error = Some(format!("Gendannelseskopien kunne ikke skrives: {e}")),
        }
        self.dirty_since = None;
        None
    }

    /// After a normal save the recovery copy is no longer needed.
    pub fn saved(&mut self, path: Option<&Path>) {
        let _ = std::fs::remove_file(recovery_path(path));
        self.written_revision = None;
        self.dirty_since = None;
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
}
