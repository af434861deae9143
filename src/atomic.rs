//! Writing files so that a crash or a kill never leaves a torn one: the new text goes to a
//! temporary file in the same folder, is flushed to disk (fsync), and is renamed over the old
//! file; then the folder is synced so that the rename itself is durable.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The folder a file is in (`.` for a bare file name).
pub fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Write `bytes` to `path` atomically: a temporary file in the same folder, fsync, rename, and
/// fsync of the folder so the rename itself is durable. Keeps the old file's permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(path, bytes, true).map(|_| ())
}

/// Like [`write_atomically`]; unless `overwrite`, an existing file is left alone and the
/// result is `Ok(false)`.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> io::Result<bool> {
    let dir = parent(path);
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp"))
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = fs::metadata(path) {
        let _ = fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.as_file().sync_all()?;
    let persisted = if overwrite {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    match persisted {
        Ok(()) => {}
        Err(e) if !overwrite && e.error.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(e.error),
    }
    // The rename is durable once the folder is synced (not possible on every platform).
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_or_keeps_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        assert!(write_file(&path, b"one", false).unwrap());
        assert!(!write_file(&path, b"two", false).unwrap());
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_atomically(&path, b"three").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }
}
