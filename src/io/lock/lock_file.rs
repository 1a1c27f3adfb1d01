//! The lock file itself: its text (who holds it, whether an OS lock and a command hold
//! it), reading and writing that text, whether the open file is still the one at the
//! path, and its mode (no wider than the session's).

use std::fs::File;
use std::io::{Read as _, Seek as _, Write as _};
use std::path::Path;

use super::command_mark::{AS_COMMAND, COMMAND_MARK};
use super::info::{LockInfo, host_name, now_secs};

/// The fifth line of a lock file whose holder keeps an OS lock on it: for such a file
/// the OS lock alone says whether the holder lives (on the same host).
pub(super) const OS_LOCK_MARK: &str = "os-lås";

/// A holder named by the text alone: another host's fresh lock, or a live process's lock
/// written without an OS lock (an older version of Kalibrer).
pub(super) fn text_holder(text: &str) -> Option<LockInfo> {
    let info = LockInfo::parse(text)?;
    let marked = text.lines().nth(4).is_some_and(|l| l.trim() == OS_LOCK_MARK);
    let foreign_host = info.host != host_name();
    let counts =
        if foreign_host { !info.is_too_old() } else { !marked && info.pid != std::process::id() && !info.is_stale() };
    counts.then_some(info)
}

pub(super) fn info_or_unknown(text: &str) -> LockInfo {
    LockInfo::parse(text).unwrap_or(LockInfo {
        pid: 0,
        host: "ukendt maskine".into(),
        since: now_secs(),
        user: String::new(),
    })
}

/// The lock file's text (at most 4 KB: a lock names a user, a host and a time).
pub(super) fn read_text(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.take(4096).read_to_string(&mut text);
    text
}

pub(super) fn write_info(file: &mut File, os_lock: bool) -> std::io::Result<()> {
    let mut text = LockInfo::current().to_text();
    if os_lock {
        text.push_str(OS_LOCK_MARK);
        text.push('\n');
    }
    if AS_COMMAND.load(std::sync::atomic::Ordering::SeqCst) {
        text.push_str(COMMAND_MARK);
        text.push('\n');
    }
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// Whether the open `file` is still the file at `path` (not removed or replaced).
pub(super) fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// The mode for files beside `session` that carry its content or name its holder (lock,
/// recovery copy): no wider than the session's own (owner read/write always), 0600 when
/// the session does not exist yet.
#[cfg(unix)]
#[must_use]
pub fn private_mode(session: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(session).map_or(0o600, |m| (m.permissions().mode() & 0o666) | 0o600)
}

/// Narrows an existing file beside `session` to [`private_mode`].
pub(super) fn set_private_mode(path: &Path, session: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(private_mode(session)));
    }
    #[cfg(not(unix))]
    let _ = (path, session);
}
