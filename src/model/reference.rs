//! A session's link to a reference: another organisation's (or a ministry area's) published
//! statistics export, compared with the group's own amounts per level.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One reference file attached to a session, with the levels mapped by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceLink {
    /// The statistics export (XLSX or CSV), relative to the session file's folder (or
    /// absolute when the session had no file when it was attached).
    pub path: String,
    /// Session level id → the reference level (its key, see `engine::reference`) chosen
    /// by hand; `None`: no reference level for it. A level not in the map is matched by
    /// its role.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mapping: BTreeMap<String, Option<String>>,
}

impl ReferenceLink {
    /// A link to `path` without a manual mapping.
    #[must_use]
    pub fn new(path: impl Into<String>) -> Self {
        Self { path: path.into(), mapping: BTreeMap::new() }
    }

    /// The file on disk: `path` joined to the session file's folder (or the working
    /// folder) unless it is absolute.
    #[must_use]
    pub fn resolve(&self, session_file: Option<&Path>) -> PathBuf {
        let p = Path::new(&self.path);
        if p.is_absolute() {
            return p.to_path_buf();
        }
        match session_file.and_then(Path::parent) {
            Some(dir) => dir.join(p),
            None => p.to_path_buf(),
        }
    }

    /// How `file` is written in a session stored at `session_file`: relative to its
    /// folder when the file lies in or below it, else as given (absolute).
    #[must_use]
    pub fn relative_to(file: &Path, session_file: Option<&Path>) -> String {
        let dir = session_file.and_then(Path::parent).filter(|d| !d.as_os_str().is_empty());
        let rel = dir.and_then(|d| file.strip_prefix(d).ok()).unwrap_or(file);
        rel.to_string_lossy().replace('\\', "/")
    }
}

/// What a session level is compared with, as the change log records a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MappedTo {
    /// The reference level with the same role (no hand-made mapping).
    ByRole,
    /// No reference level.
    Nothing,
    /// This reference level (its key).
    Level(String),
}

impl MappedTo {
    /// The mapping of `level` in `link`.
    #[must_use]
    pub fn of(link: &ReferenceLink, level: &str) -> Self {
        match link.mapping.get(level) {
            None => Self::ByRole,
            Some(None) => Self::Nothing,
            Some(Some(k)) => Self::Level(k.clone()),
        }
    }

    /// Danish text: "efter rolle", "ingen", or the level.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Self::ByRole => "efter rolle".into(),
            Self::Nothing => "ingen".into(),
            Self::Level(k) => k.clone(),
        }
    }

    /// Sets this mapping of `level` in `link`.
    pub fn set(&self, link: &mut ReferenceLink, level: &str) {
        match self {
            Self::ByRole => {
                link.mapping.remove(level);
            }
            Self::Nothing => {
                link.mapping.insert(level.to_string(), None);
            }
            Self::Level(k) => {
                link.mapping.insert(level.to_string(), Some(k.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_session_folder() {
        let session = Path::new("/møde/2026/moede.ron");
        assert_eq!(ReferenceLink::relative_to(Path::new("/møde/2026/ref/stat.xlsx"), Some(session)), "ref/stat.xlsx");
        assert_eq!(ReferenceLink::relative_to(Path::new("/andet/stat.xlsx"), Some(session)), "/andet/stat.xlsx");
        let link = ReferenceLink::new("ref/stat.xlsx");
        assert_eq!(link.resolve(Some(session)), PathBuf::from("/møde/2026/ref/stat.xlsx"));
        assert_eq!(link.resolve(None), PathBuf::from("ref/stat.xlsx"));
    }
}
