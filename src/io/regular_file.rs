//! Opening a file the user (or a received session) named – a session, an HR file, a lock
//! file, the letter template, a reference – without ever blocking and within a size
//! limit: only regular files are read. A FIFO, a device (`/dev/zero`), a socket or a
//! folder is refused with a Danish reason before anything waits on it (the open itself is
//! non-blocking, and the opened handle is checked again, so a file swapped for a FIFO
//! between the check and the open cannot block either), and a file above the limit is
//! refused before it is read (issue 26: a FIFO as letter template or reference hung the
//! app, a 2 GB sparse template took 24 GB).

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

/// The largest session file read: 1 GiB (a 10^6-manager session is about 350 MB).
pub const MAX_SESSION_BYTES: u64 = 1 << 30;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The path names a folder (worded as the OS error is everywhere else).
    #[error("det er en mappe, ikke en fil")]
    Folder,
    /// The path names something else that is not a regular file (a FIFO, a device …).
    #[error("det er {0}, ikke en almindelig fil – intet er læst")]
    NotRegular(&'static str),
    /// The file is larger than the limit.
    #[error("filen er for stor ({}); højst {} læses", size_text(*size), size_text(*limit))]
    TooLarge {
        /// The file's size in bytes (as far as it was read).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The operating system refused.
    #[error("{}", super::os_error::danish(.0))]
    Os(std::io::Error),
}

/// A size in Danish: "1 GB", "256 MB", "2,0 GB", "1,5 MB", "1.536 byte".
#[must_use]
pub fn size_text(bytes: u64) -> String {
    const MB: u64 = 1 << 20;
    const GB: u64 = 1 << 30;
    if bytes >= GB && bytes.is_multiple_of(GB) {
        format!("{} GB", bytes / GB)
    } else if bytes >= GB {
        format!("{},{} GB", bytes / GB, (bytes % GB) * 10 / GB)
    } else if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{},{} MB", bytes / MB, (bytes % MB) * 10 / MB)
    } else {
        format!("{} byte", crate::model::money::format_number(rust_decimal::Decimal::from(bytes)))
    }
}

/// What a non-regular file is, in Danish ("en mappe", "et navngivet rør (FIFO)" …); None
/// for a regular file.
#[must_use]
pub fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("en mappe");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return Some("et navngivet rør (FIFO)");
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

/// Opens `path` for reading if it is a regular file (links followed), never blocking.
///
/// # Errors
/// [`ReadError::Folder`], [`ReadError::NotRegular`] for a FIFO, device or socket;
/// [`ReadError::Os`].
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Os)?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if let Some(what) = not_regular(&meta) {
        return Err(ReadError::NotRegular(what));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(ReadError::Os)?;
    // Checked again on the handle: the path may have been replaced since.
    let meta = file.metadata().map_err(ReadError::Os)?;
    if let Some(what) = not_regular(&meta) {
        return Err(ReadError::NotRegular(what));
    }
    Ok(file)
}

/// Reads a whole regular file of at most `limit` bytes (see [`open_regular`]).
///
/// # Errors
/// [`ReadError`].
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let len = file.metadata().map_err(ReadError::Os)?.len();
    if len > limit {
        return Err(ReadError::TooLarge { size: len, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // The file may grow while it is read: never read more than the limit.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(ReadError::Os)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ReadError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_text(1 << 30), "1 GB");
        assert_eq!(size_text(256 << 20), "256 MB");
        assert_eq!(size_text(2 * 1024 * 1024 * 1024 + (1 << 29)), "2,5 GB");
        assert_eq!(size_text(1536 * 1024), "1,5 MB");
        assert_eq!(size_text(1536), "1.536 byte");
    }

    #[test]
    fn a_folder_and_an_oversized_file_are_refused() {
        let dir = std::env::temp_dir().join(format!("kalibrer-regular-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let e = read_regular(&dir, 10).unwrap_err();
        assert_eq!(e.to_string(), "det er en mappe, ikke en fil");
        let f = dir.join("big");
        std::fs::write(&f, [b'x'; 11]).unwrap();
        assert!(matches!(read_regular(&f, 10), Err(ReadError::TooLarge { size: 11, limit: 10 })));
        assert_eq!(read_regular(&f, 11).unwrap().len(), 11);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
