//! The lock of an open session (`<file>.lås`): one writer at a time. The holder keeps an
//! OS-level lock on the lock file (`flock` on Unix, `LockFileEx` on Windows, through
//! std's `File::try_lock`) for as long as it has the session open, and writes its user,
//! host, process and time into the file for the message others see. The OS lock ends
//! with the process, so a crashed holder never blocks anyone; where the platform has no
//! file locks, and for lock files written by older versions or other machines, the text
//! decides: a lock whose process is gone (same host) or older than
//! [`STALE_AFTER_SECS`] is stale and may be taken over.
//!
//! Every atomic write in `session_file.rs` asks [`holder`] first, so no command line
//! write and no second window replaces a file someone else has open.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A lock older than this (12 hours) is considered stale whatever its process.
pub const STALE_AFTER_SECS: u64 = 12 * 3600;

/// The fifth line of a lock file whose holder keeps an OS lock on it: for such a file
/// the OS lock alone says whether the holder lives (on the same host).
const OS_LOCK_MARK: &str = "os-lås";

/// A line of a lock file whose holder is a command-line command: it holds the lock only
/// for its own read-modify-write, so another writer may wait for it.
const COMMAND_MARK: &str = "kommandolinje";

/// Whether this process is a command-line command (its locks are marked as such).
static AS_COMMAND: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

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
        && super::regular_file::read_regular(&path, 4096).is_ok_and(|b| {
            let text = String::from_utf8_lossy(&b);
            text.trim().is_empty() || text.lines().any(|l| l.trim() == COMMAND_MARK)
        })
}

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

    fn is_too_old(&self) -> bool {
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

/// The lock file of a session file. A session that is a symbolic link is locked at its
/// target (writes go through the link to the target, so every path to it shares one lock).
#[must_use]
pub fn lock_path(session: &Path) -> PathBuf {
    let linked = std::fs::symlink_metadata(session).is_ok_and(|m| m.file_type().is_symlink());
    let resolved = if linked { std::fs::canonicalize(session).ok() } else { None };
    let session = resolved.as_deref().unwrap_or(session);
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
    /// The lock file is not a regular file (a FIFO, device, folder or symbolic link): it
    /// is never opened (a FIFO would block), and the session is not written. Danish.
    Refused(String),
}

/// Why the lock file of `session` cannot be used: it exists and is not a regular file
/// (a FIFO, device, socket, folder, or a symbolic link, which could make the lock's text
/// overwrite another file). Checked before the lock file is ever opened.
#[must_use]
pub fn unusable(session: &Path) -> Option<String> {
    let path = lock_path(session);
    let meta = std::fs::symlink_metadata(&path).ok()?;
    let what =
        if meta.file_type().is_symlink() { "et symbolsk link" } else { super::regular_file::not_regular(&meta)? };
    Some(format!(
        "låsefilen {} er {what}, ikke en almindelig fil – intet er åbnet eller skrevet; fjern den, og prøv igen",
        path.display()
    ))
}

/// A lock this process holds: the open lock file keeps the OS lock.
struct Held {
    lock: PathBuf,
    file: File,
}

/// The locks this process holds, so its own writes pass and a signal can release them.
static HELD: Mutex<Vec<Held>> = Mutex::new(Vec::new());

fn held() -> std::sync::MutexGuard<'static, Vec<Held>> {
    HELD.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Takes the lock unless another live instance holds it (a stale or malformed lock is
/// taken over). Failing to write the lock (read-only folder) is not an error: the file
/// opens without a lock. Taking a lock this process already holds succeeds.
#[must_use]
pub fn acquire(session: &Path) -> LockOutcome {
    let path = lock_path(session);
    if holds(&path) {
        return LockOutcome::Acquired;
    }
    if let Some(why) = unusable(session) {
        return LockOutcome::Refused(why);
    }
    for _ in 0..3 {
        match try_acquire(session, &path) {
            Attempt::Done(outcome) => return outcome,
            Attempt::Retry => {}
        }
    }
    LockOutcome::Acquired
}

enum Attempt {
    Done(LockOutcome),
    Retry,
}

fn try_acquire(session: &Path, path: &Path) -> Attempt {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Never through a link planted at the name, never blocking on a FIFO put there
        // after the check.
        options.mode(private_mode(session)).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied && path.exists() => {
            // Someone else's lock file: if it protects nothing, replace it.
            if let Some(info) = holder(session) {
                return Attempt::Done(LockOutcome::HeldBy(info));
            }
            return if std::fs::remove_file(path).is_ok() {
                Attempt::Retry
            } else {
                Attempt::Done(LockOutcome::Acquired)
            };
        }
        Err(_) => return Attempt::Done(LockOutcome::Acquired),
    };
    if file.metadata().is_ok_and(|m| !m.is_file()) {
        return Attempt::Done(LockOutcome::Refused(unusable(session).unwrap_or_default()));
    }
    let text = read_text(&mut file);
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Attempt::Done(LockOutcome::HeldBy(info_or_unknown(&text))),
        Err(TryLockError::Error(_)) => {
            // No OS locks here: the text decides, as before.
            if let Some(info) = LockInfo::parse(&text)
                && info.pid != std::process::id()
                && !info.is_stale()
            {
                return Attempt::Done(LockOutcome::HeldBy(info));
            }
            let _ = write_info(&mut file, false);
            return Attempt::Done(LockOutcome::Acquired);
        }
    }
    if !still_at(&file, path) {
        // The holder removed the file between our open and our lock: try the new one.
        return Attempt::Retry;
    }
    if let Some(info) = text_holder(&text) {
        return Attempt::Done(LockOutcome::HeldBy(info));
    }
    let _ = write_info(&mut file, true);
    set_private_mode(path, session);
    held().push(Held { lock: path.to_path_buf(), file });
    Attempt::Done(LockOutcome::Acquired)
}

/// Takes the lock even though another instance holds it ("Overtag alligevel"): its
/// lock file is replaced by ours; the other instance's writes are refused from now on.
#[must_use]
pub fn take_over(session: &Path) -> LockOutcome {
    let path = lock_path(session);
    if !holds(&path) {
        let _ = std::fs::remove_file(&path);
    }
    acquire(session)
}

/// Who holds the lock of `session` when it is not this process: a live holder keeps the
/// OS lock; a lock file from another host, or one written without an OS lock by a live
/// process, counts while it is not stale. None when anyone may write the file.
#[must_use]
pub fn holder(session: &Path) -> Option<LockInfo> {
    let path = lock_path(session);
    if holds(&path) || unusable(session).is_some() {
        return None;
    }
    let mut file = super::regular_file::open_regular(&path).ok()?;
    let text = read_text(&mut file);
    match file.try_lock_shared() {
        Err(TryLockError::WouldBlock) => Some(info_or_unknown(&text)),
        Ok(()) => {
            let _ = file.unlock();
            text_holder(&text)
        }
        Err(TryLockError::Error(_)) => LockInfo::parse(&text).filter(|i| i.pid != std::process::id() && !i.is_stale()),
    }
}

/// Releases our lock (only if it is ours): the lock file is removed and the OS lock ends.
pub fn release(session: &Path) {
    let path = lock_path(session);
    let mine = {
        let mut locks = held();
        locks.iter().position(|h| h.lock == path).map(|i| locks.swap_remove(i))
    };
    match mine {
        Some(h) => {
            if still_at(&h.file, &h.lock) {
                let _ = std::fs::remove_file(&h.lock);
            }
            drop(h.file);
        }
        None => {
            let ours = super::regular_file::read_regular(&path, 4096)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .and_then(|t| LockInfo::parse(&t))
                .is_some_and(|i| i.pid == std::process::id() && i.host == host_name());
            if ours {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// Releases every lock this process holds (on SIGTERM, before the process ends).
pub fn release_all() {
    let all: Vec<Held> = std::mem::take(&mut *held());
    for h in all {
        if still_at(&h.file, &h.lock) {
            let _ = std::fs::remove_file(&h.lock);
        }
    }
}

/// On SIGTERM, SIGINT or SIGHUP (Ctrl+C on Windows): releases every lock this process
/// holds, then calls `on_signal` (the GUI asks its window to close). A second signal
/// ends the process at once. Installs at most one handler per process.
pub fn release_on_termination(on_signal: impl Fn() + Send + 'static) {
    static SIGNALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let _ = ctrlc::set_handler(move || {
        release_all();
        if SIGNALLED.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(143);
        }
        on_signal();
    });
}

/// Whether this process holds the lock file `path` (and it is still the file there).
fn holds(path: &Path) -> bool {
    held().iter().any(|h| h.lock == path && still_at(&h.file, &h.lock))
}

/// A holder named by the text alone: another host's fresh lock, or a live process's lock
/// written without an OS lock (an older version of Kalibrer).
fn text_holder(text: &str) -> Option<LockInfo> {
    let info = LockInfo::parse(text)?;
    let marked = text.lines().nth(4).is_some_and(|l| l.trim() == OS_LOCK_MARK);
    let foreign_host = info.host != host_name();
    let counts =
        if foreign_host { !info.is_too_old() } else { !marked && info.pid != std::process::id() && !info.is_stale() };
    counts.then_some(info)
}

fn info_or_unknown(text: &str) -> LockInfo {
    LockInfo::parse(text).unwrap_or(LockInfo {
        pid: 0,
        host: "ukendt maskine".into(),
        since: now_secs(),
        user: String::new(),
    })
}

/// The lock file's text (at most 4 KB: a lock names a user, a host and a time).
fn read_text(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.take(4096).read_to_string(&mut text);
    text
}

fn write_info(file: &mut File, os_lock: bool) -> std::io::Result<()> {
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
fn still_at(file: &File, path: &Path) -> bool {
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
fn set_private_mode(path: &Path, session: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(private_mode(session)));
    }
    #[cfg(not(unix))]
    let _ = (path, session);
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

fn user_name() -> String {
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

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kalibrer-lock-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_default();
        dir
    }

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

    #[test]
    fn a_text_lock_of_a_live_process_is_reported_and_a_stale_one_taken_over() {
        let dir = temp_dir("text");
        let file = dir.join("s.ron");
        // pid 1 (init) is alive on Linux and is not us; no OS lock: an older version's lock.
        let foreign = LockInfo { pid: 1, host: host_name(), since: now_secs(), user: String::new() };
        std::fs::write(lock_path(&file), foreign.to_text()).unwrap_or_default();
        if cfg!(target_os = "linux") {
            assert_eq!(acquire(&file), LockOutcome::HeldBy(foreign.clone()));
            assert_eq!(holder(&file), Some(foreign));
        }
        let stale = LockInfo { pid: 1, host: host_name(), since: 5, user: String::new() };
        std::fs::write(lock_path(&file), stale.to_text()).unwrap_or_default();
        assert_eq!(acquire(&file), LockOutcome::Acquired);
        assert_eq!(holder(&file), None, "our own lock never stops our writes");
        release(&file);
        assert!(!lock_path(&file).exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_os_lock_marked_file_without_a_live_holder_is_free() {
        let dir = temp_dir("marked");
        let file = dir.join("s.ron");
        // Written by a process that kept an OS lock and was killed: the OS lock is gone.
        let text = format!("{}{OS_LOCK_MARK}\n", LockInfo { pid: 1, ..LockInfo::current() }.to_text());
        std::fs::write(lock_path(&file), text).unwrap_or_default();
        assert_eq!(holder(&file), None);
        assert_eq!(acquire(&file), LockOutcome::Acquired);
        release(&file);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_no_wider_than_the_session() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = temp_dir("mode");
        let file = dir.join("s.ron");
        std::fs::write(&file, "x").unwrap_or_default();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap_or_default();
        assert_eq!(acquire(&file), LockOutcome::Acquired);
        let mode = std::fs::metadata(lock_path(&file)).map(|m| m.permissions().mode() & 0o777).unwrap_or(0);
        assert_eq!(mode, 0o600);
        release(&file);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
