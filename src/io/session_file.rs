//! Loading and saving the session document as RON.

use std::path::{Path, PathBuf};

use crate::model::Session;

/// Why a session file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("Kan ikke læse {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The RON text is malformed.
    #[error("Syntaksfejl i linje {line}, kolonne {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Danish explanation.
        message: String,
    },
}

/// Parses a session from RON text.
///
/// # Errors
/// [`LoadError::Syntax`] with position.
pub fn parse_session(text: &str) -> Result<Session, LoadError> {
    ron::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// Reads and parses a session file.
///
/// # Errors
/// [`LoadError`].
pub fn load_session_file(path: &Path) -> Result<Session, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read { path: path.to_path_buf(), source })?;
    parse_session(&text)
}

/// Serialises a session as pretty RON.
#[must_use]
pub fn to_ron(session: &Session) -> String {
    ron::ser::to_string_pretty(session, ron::ser::PrettyConfig::default()).unwrap_or_default()
}

/// Writes a session to `path`.
///
/// # Errors
/// The OS error.
pub fn save_session(path: &Path, session: &Session) -> std::io::Result<()> {
    std::fs::write(path, to_ron(session))
}
