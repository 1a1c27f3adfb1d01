//! Loading and saving the session document as RON: Danish errors with position, a
//! version check, semantic validation by id, and atomic save.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{CURRENT_VERSION, Session};

use super::regular_file::{MAX_SESSION_BYTES, ReadError};
use super::validate::{Problem, validate};

/// Why a session file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read: the OS refused, or it is not a regular file (a FIFO,
    /// a device, a folder), or it is larger than [`MAX_SESSION_BYTES`].
    #[error("{source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: ReadError,
    },
    /// The RON text is malformed.
    #[error("linje {line}, kolonne {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Danish explanation.
        message: String,
    },
    /// The file was written by a newer program.
    #[error(
        "filen har formatversion {found}, men dette program kan kun læse til og med version {supported} – opdatér Kalibrer"
    )]
    NewerVersion {
        /// The file's version (any size a file may state, 2^32 and above too).
        found: u64,
        /// The newest this program reads.
        supported: u32,
    },
    /// The content breaks rules the app cannot work without (listed by id).
    #[error("{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid {
        /// The problems that refuse the load.
        problems: Vec<Problem>,
    },
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u64,
}

/// The version a file states, when it is above what this program reads (also a version
/// beyond `u32`, which the session's own field cannot hold).
fn newer_version(text: &str) -> Option<u64> {
    ron::from_str::<VersionProbe>(text).ok().map(|p| p.version).filter(|v| *v > u64::from(CURRENT_VERSION))
}

/// Parses a session from RON text and validates it. Problems that only warn (weights
/// that do not sum to 100 %, history of unknown managers) do not refuse the load; the
/// engine reports them as findings.
///
/// # Errors
/// [`LoadError::Syntax`] with position, [`LoadError::NewerVersion`], [`LoadError::Invalid`].
pub fn parse_session(text: &str) -> Result<Session, LoadError> {
    let mut session: Session = match ron::from_str(text) {
        Ok(s) => s,
        Err(e) => {
            // A file from a newer version may not parse as this version's session: say so
            // rather than report its new parts as syntax errors (probed only on failure,
            // as it reads the whole text once more).
            if let Some(found) = newer_version(text) {
                return Err(LoadError::NewerVersion { found, supported: CURRENT_VERSION });
            }
            return Err(LoadError::Syntax {
                line: e.span.start.line,
                column: e.span.start.col,
                message: super::ron_errors::danish(&e.code),
            });
        }
    };
    if session.version > CURRENT_VERSION {
        return Err(LoadError::NewerVersion { found: session.version.into(), supported: CURRENT_VERSION });
    }
    session.migrate();
    let refusing: Vec<Problem> = validate(&session).into_iter().filter(|p| p.refuses).collect();
    if refusing.is_empty() { Ok(session) } else { Err(LoadError::Invalid { problems: refusing }) }
}

/// Reads and parses a session file: only a regular file of at most [`MAX_SESSION_BYTES`]
/// is read, and opening it never blocks (a FIFO or device is refused).
///
/// # Errors
/// [`LoadError`].
pub fn load_session_file(path: &Path) -> Result<Session, LoadError> {
    let bytes = super::regular_file::read_regular(path, MAX_SESSION_BYTES)
        .map_err(|source| LoadError::Read { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        LoadError::Syntax { line, column, message: "filen er ikke gyldig UTF-8".to_string() }
    })?;
    parse_session(text.trim_start_matches('\u{feff}'))
}

/// Above this many managers a session is written as compact RON (half the size, faster
/// to read); smaller ones stay pretty, one field per line, for people who read the file.
pub const COMPACT_ABOVE: usize = 2_000;

/// Serialises a session as RON: pretty, or compact for very large sessions.
#[must_use]
pub fn to_ron(session: &Session) -> String {
    if session.managers.len() > COMPACT_ABOVE {
        return ron::ser::to_string(session).unwrap_or_default();
    }
    let config = ron::ser::PrettyConfig::default().struct_names(false);
    ron::ser::to_string_pretty(session, config).unwrap_or_default()
}

/// Why a session could not be saved; the work stays in memory.
#[derive(Debug, thiserror::Error)]
#[error("kan ikke gemme {}: {message}", path.display())]
pub struct SaveError {
    /// The file.
    pub path: PathBuf,
    /// Danish explanation (without the file name: the caller names the file once).
    pub message: String,
    /// What went wrong, for the GUI's choice of what to offer.
    pub reason: SaveFailure,
}

/// What stopped a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    /// The operating system refused (full disk, read-only folder, missing folder …).
    Os,
    /// The file is read-only: it is never replaced (offer *Gem som*).
    ReadOnly,
    /// Another instance holds the file's lock.
    Locked(super::lock::info::LockInfo),
    /// A failure injected by a test.
    Injected,
}

/// The steps of an atomic save, for failure injection in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    /// Creating the temporary file.
    Create,
    /// Writing the text.
    Write,
    /// Flushing and syncing the temporary file.
    Sync,
    /// Renaming it over the target.
    Rename,
}

/// Writes a session to `path` atomically: a temporary file in the same folder, written,
/// flushed and synced, then renamed over the target (and the folder synced). A crash or
/// failure at any step leaves the old file complete. The new file keeps the old one's
/// permissions; a read-only file, or one whose lock another instance holds, is refused.
///
/// # Errors
/// [`SaveError`] with a Danish message naming the file.
pub fn save_session(path: &Path, session: &Session) -> Result<(), SaveError> {
    save_text_atomic(path, &to_ron(session), None)
}

/// Writes a copy of a session beside it (the recovery copy) atomically, with permissions
/// no wider than `original`'s (0600 when it does not exist).
///
/// # Errors
/// [`SaveError`].
pub fn save_copy_beside(copy: &Path, original: Option<&Path>, session: &Session) -> Result<(), SaveError> {
    #[cfg(unix)]
    let mode = Some(original.map_or(0o600, super::lock::lock_file::private_mode));
    #[cfg(not(unix))]
    let mode = original.map(|_| 0);
    write_atomic(copy, to_ron(session).as_bytes(), None, mode)
}

/// Atomic write of `text` to `path`; `fail_at` injects a failure (tests only).
///
/// # Errors
/// [`SaveError`].
pub fn save_text_atomic(path: &Path, text: &str, fail_at: Option<SaveStep>) -> Result<(), SaveError> {
    save_bytes_atomic(path, text.as_bytes(), fail_at)
}

/// Atomic write of `bytes` to `path` (see [`save_session`]); `fail_at` injects a failure.
///
/// # Errors
/// [`SaveError`].
pub fn save_bytes_atomic(path: &Path, bytes: &[u8], fail_at: Option<SaveStep>) -> Result<(), SaveError> {
    write_atomic(path, bytes, fail_at, None)
}

/// Refuses a write onto `path` while another instance holds its lock, when the file is
/// read-only, or when it is not a regular file (a folder, FIFO, device or socket is never
/// replaced, and nothing here ever waits on one); the check every writer (CLI `--out`,
/// GUI save) makes first. A symbolic link is written through: the check is of its target,
/// and a link to nothing is refused.
///
/// # Errors
/// [`SaveError`] with [`SaveFailure::Locked`], [`SaveFailure::ReadOnly`] or [`SaveFailure::Os`].
pub fn check_writable(path: &Path) -> Result<(), SaveError> {
    check_target(path).map(|_| ())
}

/// [`check_writable`], returning the file that a write replaces: `path` itself, or the
/// target of the symbolic link `path` is.
fn check_target(path: &Path) -> Result<PathBuf, SaveError> {
    let err = |message: String, reason| SaveError { path: path.to_path_buf(), message, reason };
    if let Some(why) = super::lock::unusable(path) {
        return Err(err(why, SaveFailure::Os));
    }
    if let Some(info) = super::lock::holder(path) {
        return Err(err(
            format!(
                "filen er åben hos {} – intet er skrevet; luk den dér, eller skriv til en anden fil",
                info.describe()
            ),
            SaveFailure::Locked(info),
        ));
    }
    let target = write_target(path).map_err(|message| err(message, SaveFailure::Os))?;
    let Ok(meta) = std::fs::metadata(&target) else { return Ok(target) };
    if meta.is_dir() {
        return Err(err(super::os_error::danish(&std::io::ErrorKind::IsADirectory.into()), SaveFailure::Os));
    }
    if let Some(what) = super::regular_file::not_regular(&meta) {
        return Err(err(format!("det er {what}, ikke en almindelig fil – intet er skrevet"), SaveFailure::Os));
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let refused = options.open(&target).err().map(|e| e.kind());
    if meta.permissions().readonly() || refused == Some(std::io::ErrorKind::PermissionDenied) {
        return Err(err(
            "Filen er skrivebeskyttet og bliver ikke erstattet – gem under et andet navn (Gem som)".to_string(),
            SaveFailure::ReadOnly,
        ));
    }
    Ok(target)
}

/// The file a write of `path` replaces: `path`, or – when `path` is a symbolic link – the
/// file it points to (the link is kept, its target written). A link to nothing is refused.
fn write_target(path: &Path) -> Result<PathBuf, String> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|_| {
            "stien er et symbolsk link til en fil, der ikke findes – intet er skrevet; skriv til en anden fil"
                .to_string()
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// The atomic write; `mode` (Unix permission bits) for a file that does not exist yet
/// beside a session (the recovery copy), otherwise the old file's mode is kept.
///
/// The temporary file is created exclusively (`O_EXCL`, never through a link planted at
/// its name) with an unpredictable name, `.name.<pid>.<random>.tmp`, in the folder of the
/// file it replaces (`tempfile`); the pid lets [`remove_stale_temps`] find a killed
/// write's left-over.
fn write_atomic(path: &Path, bytes: &[u8], fail_at: Option<SaveStep>, mode: Option<u32>) -> Result<(), SaveError> {
    let err = |message: String, reason| SaveError { path: path.to_path_buf(), message, reason };
    let os = |e: std::io::Error| err(super::os_error::danish(&e), SaveFailure::Os);
    let injected = |step: SaveStep| -> Result<(), SaveError> {
        if fail_at == Some(step) {
            Err(err(format!("fejl indsprøjtet ved {step:?}"), SaveFailure::Injected))
        } else {
            Ok(())
        }
    };
    let target = check_target(path)?;
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    remove_stale_temps(&target);
    // The temporary file is never readable by more people than the file it replaces.
    #[cfg(unix)]
    let keep = {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::metadata(&target).ok().map(|m| m.permissions().mode() & 0o777).or(mode)
    };
    #[cfg(not(unix))]
    let keep: Option<u32> = mode.map(|_| 0);
    injected(SaveStep::Create)?;
    let prefix = format!(".{name}.{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(8);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // Created with the kept mode (or 0666 less the umask, as any new file).
        builder.permissions(std::fs::Permissions::from_mode(keep.unwrap_or(0o666)));
    }
    let mut file = builder.tempfile_in(dir).map_err(os)?;
    // Removed on any failure below: dropping a NamedTempFile deletes it.
    let result = (|| {
        #[cfg(unix)]
        if let Some(m) = keep {
            use std::os::unix::fs::PermissionsExt as _;
            file.as_file().set_permissions(std::fs::Permissions::from_mode(m)).map_err(os)?;
        }
        injected(SaveStep::Write)?;
        file.write_all(bytes).map_err(os)?;
        injected(SaveStep::Sync)?;
        file.flush().map_err(os)?;
        file.as_file().sync_all().map_err(os)?;
        injected(SaveStep::Rename)?;
        Ok(())
    })();
    result?;
    file.persist(&target).map_err(|e| os(e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A temporary file older than this is left over whatever its process.
const STALE_TEMP_SECS: u64 = 60;

/// Removes the temporary files killed writes of `path` left beside it
/// (`.name.<pid>.<random>.tmp`, and `.name.<pid>.tmp` from older versions, with the
/// session's salary data): those whose process is gone, or that are older than a minute.
/// Returns how many were removed.
pub fn remove_stale_temps(path: &Path) -> usize {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { return 0 };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| {
                rest.split_once('.').map_or(Some(rest), |(pid, random)| {
                    random.chars().all(|c| c.is_ascii_alphanumeric()).then_some(pid)
                })
            })
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let age = entry
            .path()
            .symlink_metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .map_or(0, |d| d.as_secs());
        let dead = pid != std::process::id() && !super::lock::info::process_alive(pid);
        if (dead || age > STALE_TEMP_SECS) && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// What a file looked like on disk (size and modification time), to notice when someone
/// else wrote it after it was loaded or saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Modification time.
    pub modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    /// The stamp of `path` now; None when it cannot be read.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self { len: meta.len(), modified: meta.modified().ok() })
    }
}
