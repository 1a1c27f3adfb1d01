//! Loading and saving the session document as RON: Danish errors with position, a
//! version check, semantic validation by id, and atomic save.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{CURRENT_VERSION, Session};

use super::validate::{Problem, validate};

/// Why a session file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("kan ikke læse filen: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
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
        /// The file's version.
        found: u32,
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
    version: u32,
}

/// Parses a session from RON text and validates it. Problems that only warn (weights
/// that do not sum to 100 %, history of unknown managers) do not refuse the load; the
/// engine reports them as findings.
///
/// # Errors
/// [`LoadError::Syntax`] with position, [`LoadError::NewerVersion`], [`LoadError::Invalid`].
pub fn parse_session(text: &str) -> Result<Session, LoadError> {
    // The fast reader reads what Kalibrer writes; what it declines `ron` reads, and `ron`
    // words the error.
    let parsed = super::fast_ron::from_str(text).ok().map_or_else(|| ron::from_str(text), Ok);
    let mut session: Session = match parsed {
        Ok(s) => s,
        Err(e) => {
            // A file from a newer version may not parse as this version's session: say so
            // rather than report its new parts as syntax errors (probed only on failure,
            // as it reads the whole text once more).
            if let Ok(probe) = ron::from_str::<VersionProbe>(text)
                && probe.version > CURRENT_VERSION
            {
                return Err(LoadError::NewerVersion { found: probe.version, supported: CURRENT_VERSION });
            }
            return Err(LoadError::Syntax {
                line: e.span.start.line,
                column: e.span.start.col,
                message: super::ron_errors::danish(&e.code),
            });
        }
    };
    if session.version > CURRENT_VERSION {
        return Err(LoadError::NewerVersion { found: session.version, supported: CURRENT_VERSION });
    }
    session.migrate();
    let refusing: Vec<Problem> = validate(&session).into_iter().filter(|p| p.refuses).collect();
    if refusing.is_empty() { Ok(session) } else { Err(LoadError::Invalid { problems: refusing }) }
}

/// Reads and parses a session file.
///
/// # Errors
/// [`LoadError`].
pub fn load_session_file(path: &Path) -> Result<Session, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Read { path: path.to_path_buf(), source })?;
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
#[error("kan ikke gemme {path}: {message}")]
pub struct SaveError {
    /// The file.
    pub path: PathBuf,
    /// Danish explanation.
    pub message: String,
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
/// failure at any step leaves the old file complete.
///
/// # Errors
/// [`SaveError`] with a Danish message naming the file.
pub fn save_session(path: &Path, session: &Session) -> Result<(), SaveError> {
    save_text_atomic(path, &to_ron(session), None)
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
    let err = |message: String| SaveError { path: path.to_path_buf(), message };
    let os = |e: std::io::Error| err(describe_io(&e));
    let injected = |step: SaveStep| -> Result<(), SaveError> {
        if fail_at == Some(step) { Err(err(format!("fejl indsprøjtet ved {step:?}"))) } else { Ok(()) }
    };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        injected(SaveStep::Create)?;
        let mut file = std::fs::File::create(&tmp).map_err(os)?;
        injected(SaveStep::Write)?;
        file.write_all(bytes).map_err(os)?;
        injected(SaveStep::Sync)?;
        file.flush().map_err(os)?;
        file.sync_all().map_err(os)?;
        drop(file);
        injected(SaveStep::Rename)?;
        std::fs::rename(&tmp, path).map_err(os)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A Danish description of an OS error.
fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => "mappen er skrivebeskyttet".to_string(),
        ErrorKind::StorageFull => "disken er fuld".to_string(),
        ErrorKind::NotFound => "mappen findes ikke".to_string(),
        _ => format!("{e}"),
    }
}
