//! The in-app file dialog's listing: a folder's sub-folders and the files of the offered
//! types, by name.

use std::path::{Path, PathBuf};

use crate::ui::dialogs::file_purpose::FilePurpose;

/// One row of the folder listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    /// The name shown.
    pub(super) name: String,
    /// The full path.
    pub(super) path: PathBuf,
    /// A folder (entered when clicked) rather than a file (chosen when clicked).
    pub(super) is_dir: bool,
}

/// The sub-folders and the files of the offered types in `folder`, by name (hidden ones
/// left out); a Danish message when it cannot be read.
pub(super) fn list(folder: &Path, purpose: &FilePurpose) -> Result<Vec<Entry>, String> {
    let read = std::fs::read_dir(folder)
        .map_err(|e| format!("Mappen {} kan ikke læses: {}", folder.display(), crate::io::os_error::danish(&e)))?;
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|item| {
            let path = item.path();
            let name = item.file_name().to_string_lossy().into_owned();
            let is_dir = path.is_dir();
            let shown = !name.starts_with('.') && (is_dir || (path.is_file() && purpose.accepts(&path)));
            shown.then_some(Entry { name, path, is_dir })
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    Ok(entries)
}
