//! Reading a file that a session names (the letter template, a reference): only a
//! regular file, opened without blocking and refused above a stated size before anything
//! is read. A FIFO, a device (`/dev/zero`), a socket or a folder is refused with a Danish
//! reason instead of blocking the app or filling the memory (issue 26: a FIFO as letter
//! template or reference hung the app, a 2 GB sparse template took 24 GB).

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// Why a file named by a session cannot be read.
#[derive(Debug)]
pub enum RegularFileError {
    /// Opening or reading failed (worded by `os_error`).
    Io(std::io::Error),
    /// Not a regular file: what it is instead ("en mappe", "en FIFO (navngivet rør)" …).
    NotRegular(&'static str),
    /// Larger than the limit: the file's size and the limit, in bytes.
    TooLarge {
        /// The file's size.
        size: u64,
        /// The largest size read.
        limit: u64,
    },
}

impl std::fmt::Display for RegularFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(e) => f.write_str(&super::os_error::danish(e)),
            Self::NotRegular(what) => write!(f, "det er {what}, ikke en almindelig fil"),
            Self::TooLarge { size, limit } => {
                write!(f, "filen er for stor ({}); højst {} læses", size_text(*size), size_text(*limit))
            }
        }
    }
}

/// A size in Danish: "1 MB", "2,0 GB", "1.536 byte".
#[must_use]
pub fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * MB;
    if bytes >= GB {
        format!("{},{} GB", bytes / GB, (bytes % GB) * 10 / GB)
    } else if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{},{} MB", bytes / MB, (bytes % MB) * 10 / MB)
    } else {
        format!("{} byte", crate::model::money::format_number(rust_decimal::Decimal::from(bytes)))
    }
}

/// What a file that is not regular is, in Danish.
fn kind_of(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("en mappe");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("en FIFO (et navngivet rør)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("en enhed");
        }
        if t.is_socket() {
            return Some("en sokkel");
        }
    }
    Some("ikke en almindelig fil")
}

/// Opens `path` for reading without blocking (a FIFO with no writer would block an
/// ordinary open forever).
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads the regular file at `path` (links followed), at most `limit` bytes: the file is
/// checked before it is opened (no open that could block), opened without blocking, and
/// checked again through the open handle (the path may have changed in between).
///
/// # Errors
/// [`RegularFileError`]: cannot be opened or read, not a regular file, or larger than
/// `limit`.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, RegularFileError> {
    let before = std::fs::metadata(path).map_err(RegularFileError::Io)?;
    if let Some(what) = kind_of(&before) {
        return Err(RegularFileError::NotRegular(what));
    }
    let file = open_nonblocking(path).map_err(RegularFileError::Io)?;
    let meta = file.metadata().map_err(RegularFileError::Io)?;
    if let Some(what) = kind_of(&meta) {
        return Err(RegularFileError::NotRegular(what));
    }
    if meta.len() > limit {
        return Err(RegularFileError::TooLarge { size: meta.len(), limit });
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(RegularFileError::Io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(RegularFileError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_danish() {
        assert_eq!(size_text(1024 * 1024), "1 MB");
        assert_eq!(size_text(2 * 1024 * 1024 * 1024), "2,0 GB");
        assert_eq!(size_text(1536 * 1024), "1,5 MB");
        assert_eq!(size_text(1536), "1.536 byte");
    }
}
