//! The lock of an open session (`<file>.lås`): one writer at a time. The holder keeps an
//! OS-level lock on the lock file (`flock` on Unix, `LockFileEx` on Windows, through
//! std's `File::try_lock`) for as long as it has the session open, and writes its user,
//! host, process and time into the file for the message others see. The OS lock ends
//! with the process, so a crashed holder never blocks anyone; where the platform has no
//! file locks, and for lock files written by older versions or other machines, the text
//! decides: a lock whose process is gone (same host) or older than
//! [`info::STALE_AFTER_SECS`] is stale and may be taken over.
//!
//! Every atomic write in `session_file.rs` asks [`holder`] first, so no command line
//! write and no second window replaces a file someone else has open.

pub mod command_mark;
pub mod info;
pub mod lock_file;

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use info::{LockInfo, host_name};
use lock_file::{info_or_unknown, private_mode, read_text, set_private_mode, still_at, text_holder, write_info};

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

#[cfg(test)]
mod tests {
    use super::info::now_secs;
    use super::lock_file::OS_LOCK_MARK;
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kalibrer-lock-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_default();
        dir
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
