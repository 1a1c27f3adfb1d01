//! Whether two paths name the same file, for refusing an output that would overwrite an
//! input.

use std::path::{Path, PathBuf};

/// `path` made absolute with symbolic links resolved; for a file that does not exist yet,
/// its folder resolved and the name appended. None when neither can be resolved.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    parent.canonicalize().ok().map(|p| p.join(name))
}

/// Whether `a` and `b` are the same file: equal canonical paths, or (on Unix) the same
/// device and inode, which also catches hard links. A path that cannot be resolved
/// compares by its text.
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b))
            && x.dev() == y.dev()
            && x.ino() == y.ino()
        {
            return true;
        }
    }
    match (resolved(a), resolved(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::same_file;

    #[test]
    fn same_through_dot_segments_links_and_not_yet_existing_files() {
        let dir = std::env::temp_dir().join(format!("kalibrer-paths-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let file = dir.join("s.ron");
        std::fs::write(&file, "x").unwrap();
        assert!(same_file(&file, &dir.join("sub/../s.ron")));
        assert!(same_file(&dir.join("ny.ron"), &dir.join("sub/../ny.ron")), "neither exists yet");
        assert!(!same_file(&file, &dir.join("t.ron")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&file, dir.join("link.ron")).unwrap();
            assert!(same_file(&dir.join("link.ron"), &file));
            std::fs::hard_link(&file, dir.join("hard.ron")).unwrap();
            assert!(same_file(&dir.join("hard.ron"), &file));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
