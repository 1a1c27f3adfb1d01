//! A lock file beside an open session (`<file>.lås`) so a second instance warns before
//! two people edit the same file. Holds pid, host and time; a lock whose process is gone
//! (same host) or that is older than [`STALE_AFTER_SECS`] is stale and may be taken over.

use std::path::{Path, PathBuf};

/// A lock older than this (12 hours) is considered stale whatever its process.
pub const STALE_AFTER_SECS: u64 = 12 * 3600;

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockInfo {
    /// Process id.
    pub pid: u32,
    /// Host name.
    pub host: String,
    /// Seconds since 1970 when taken.
    pub since: u64,
}

impl LockInfo {
    /// This process, now.
    #[must_use]
    pub fn current() -> Self {
        Self { pid: std::process::id(), host: host_name(), since: now_secs() }
    }

    /// The lock file's text: `pid\nhost\nsince\n`.
    #[must_use]
    pub fn to_text(&self) -> String {
        format!("{}\n{}\n{}\n", self.pid, self.host, self.since)
    }

    /// Parses the lock file's text; None when malformed.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        let pid = lines.next()?.trim().parse().ok()?;
        let host = lines.next()?.trim().to_string();
        let since = lines.next()?.trim().parse().ok()?;
        Some(Self { pid, host, since })
    }

    /// Whether the lock no longer protects anything: too old, or its process is gone on
    /// this host.
    #[must_use]
    pub fn is_stale(&self) -> bool {
        if now_secs().saturating_sub(self.since) > STALE_AFTER_SECS {
            return true;
        }
        self.host == host_name() && !process_alive(self.pid)
    }

    /// Danish description: "proces 4711 på mødepc, siden 2026-11-23T09:15:00Z".
    #[must_use]
    pub fn describe(&self) -> String {
        format!("proces {} på {}, siden {}", self.pid, self.host, crate::model::log::iso_from_unix(self.since))
    }
}

/// The lock file of a session file.
#[must_use]
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().map(|s| s.to_os_string()).unwrap_or_default();
    name.push(".lås");
    session.with_file_name(name)
}

/// The outcome of trying to lock a session file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockOutcome {
    /// The lock is ours now.
    Acquired,
    /// Another live instance holds it.
    HeldBy(LockInfo),
}

/// Takes the lock unless another live instance holds it (a stale or malformed lock is
/// taken over). Failing to write the lock (read-only folder) is not an error: the file
/// opens without a lock.
#[must_use]
pub fn acquire(session: &Path) -> LockOutcome {
    let path = lock_path(session);
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Some(info) = LockInfo::parse(&text)
        && info.pid != std::process::id()
        && !info.is_stale()
    {
        return LockOutcome::HeldBy(info);
    }
    let _ = std::fs::write(&path, LockInfo::current().to_text());
    LockOutcome::Acquired
}

/// Removes our lock (only if it is ours).
pub fn release(session: &Path) {
    let path = lock_path(session);
    let ours = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| LockInfo::parse(&t))
        .is_some_and(|i| i.pid == std::process::id() && i.host == host_name());
    if ours {
        let _ = std::fs::remove_file(path);
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn host_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "ukendt maskine".to_string())
}

/// Whether a process is alive; where that cannot be known, assume it is.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new(&format!("/proc/{pid}")).exists() } else { true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_garbage_is_none() {
        let info = LockInfo { pid: 42, host: "mødepc".into(), since: 1_700_000_000 };
        assert_eq!(LockInfo::parse(&info.to_text()), Some(info));
        assert_eq!(LockInfo::parse("abc"), None);
        assert_eq!(LockInfo::parse(""), None);
    }

    #[test]
    fn old_locks_and_dead_processes_are_stale() {
        let old = LockInfo { pid: std::process::id(), host: host_name(), since: 1 };
        assert!(old.is_stale());
        let live = LockInfo::current();
        assert!(!live.is_stale());
        let dead = LockInfo { pid: u32::MAX - 1, host: host_name(), since: now_secs() };
        assert!(dead.is_stale() || !cfg!(target_os = "linux"));
    }

    #[test]
    fn a_live_foreign_lock_is_reported_and_a_stale_one_taken_over() {
        let dir = std::env::temp_dir().join(format!("kalibrer-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let file = dir.join("s.ron");
        // pid 1 (init) is alive on Linux and is not us.
        let foreign = LockInfo { pid: 1, host: host_name(), since: now_secs() };
        std::fs::write(lock_path(&file), foreign.to_text()).unwrap_or_default();
        if cfg!(target_os = "linux") {
            assert_eq!(acquire(&file), LockOutcome::HeldBy(foreign));
        }
        let stale = LockInfo { pid: 1, host: host_name(), since: 5 };
        std::fs::write(lock_path(&file), stale.to_text()).unwrap_or_default();
        assert_eq!(acquire(&file), LockOutcome::Acquired);
        release(&file);
        assert!(!lock_path(&file).exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
