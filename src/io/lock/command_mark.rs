//! Locks taken by a command-line command are marked as such: the command holds the lock
//! only for its own read-modify-write, so another writer may wait for it.

use std::path::Path;

use super::{lock_path, unusable};

/// A line of a lock file whose holder is a command-line command: it holds the lock only
/// for its own read-modify-write, so another writer may wait for it.
pub(super) const COMMAND_MARK: &str = "kommandolinje";

/// Whether this process is a command-line command (its locks are marked as such).
pub(super) static AS_COMMAND: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks every lock this process takes from now on as a command's (see [`held_by_command`]).
pub fn mark_as_command() {
    AS_COMMAND.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Whether the lock of `session` is held by a command-line command (which lets go within
/// seconds), not by an open window; also while the lock file is still empty (its holder
/// has just taken it and not yet written who it is).
#[must_use]
pub fn held_by_command(session: &Path) -> bool {
    let path = lock_path(session);
    unusable(session).is_none()
        && crate::io::regular_file::read_regular(&path, 4096).is_ok_and(|b| {
            let text = String::from_utf8_lossy(&b);
            text.trim().is_empty() || text.lines().any(|l| l.trim() == COMMAND_MARK)
        })
}
