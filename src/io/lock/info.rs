//! Who holds a lock ([`LockInfo`]: process, host, time, user), as the lock file's text
//! says it, and when such a lock has gone stale.

use std::path::Path;

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
    /// The holder's user name (empty when unknown, e.g. a lock from an older version).
    pub user: String,
}

impl LockInfo {
    /// This process, now.
    #[must_use]
    pub fn current() -> Self {
        Self { pid: std::process::id(), host: host_name(), since: now_secs(), user: user_name() }
    }

    /// The lock file's text: `pid\nhost\nsince\nuser\n`.
    #[must_use]
    pub fn to_text(&self) -> String {
        format!("{}\n{}\n{}\n{}\n", self.pid, self.host, self.since, self.user)
    }

    /// Parses the lock file's text (the user line is optional); None when malformed.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        let pid = lines.next()?.trim().parse().ok()?;
        let host = lines.next()?.trim().to_string();
        let since = lines.next()?.trim().parse().ok()?;
        let user = lines.next().map(|u| u.trim().to_string()).unwrap_or_default();
        Some(Self { pid, host, since, user })
    }

    /// Whether the lock no longer protects anything: too old, or its process is gone on
    /// this host.
    #[must_use]
    pub fn is_stale(&self) -> bool {
        self.is_too_old() || (self.host == host_name() && !process_alive(self.pid))
    }

    pub(super) fn is_too_old(&self) -> bool {
        now_secs().saturating_sub(self.since) > STALE_AFTER_SECS
    }

    /// Danish description in Danish local time: "anna på mødepc (proces 4711) siden
    /// 23. november 2026 kl. 10.15".
    #[must_use]
    pub fn describe(&self) -> String {
        let when = crate::model::time::local_time_unix(self.since);
        if self.user.is_empty() {
            format!("proces {} på {}, siden {when}", self.pid, self.host)
        } else {
            format!("{} på {} (proces {}) siden {when}", self.user, self.host, self.pid)
        }
    }
}

pub(super) fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

pub(super) fn host_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "ukendt maskine".to_string())
}

pub(super) fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().map(|u| u.trim().to_string()).filter(|u| !u.is_empty()))
        .unwrap_or_default()
}

/// Whether a process is alive; where that cannot be known, assume it is.
pub(crate) fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new(&format!("/proc/{pid}")).exists() } else { true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_garbage_is_none() {
        let info = LockInfo { pid: 42, host: "mødepc".into(), since: 1_700_000_000, user: "anna".into() };
        assert_eq!(LockInfo::parse(&info.to_text()), Some(info.clone()));
        assert_eq!(info.describe(), "anna på mødepc (proces 42) siden 14. november 2023 kl. 23.13");
        let old = LockInfo::parse("7\nmødepc\n5\n").map(|i| i.user);
        assert_eq!(old.as_deref(), Some(""), "a lock from an older version has no user line");
        assert_eq!(LockInfo::parse("abc"), None);
        assert_eq!(LockInfo::parse(""), None);
    }

    #[test]
    fn old_locks_and_dead_processes_are_stale() {
        let old = LockInfo { pid: std::process::id(), host: host_name(), since: 1, user: String::new() };
        assert!(old.is_stale());
        let live = LockInfo::current();
        assert!(!live.is_stale());
        let dead = LockInfo { pid: u32::MAX - 1, host: host_name(), since: now_secs(), user: String::new() };
        assert!(dead.is_stale() || !cfg!(target_os = "linux"));
    }
}
