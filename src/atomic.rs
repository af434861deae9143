//! Every file remiss writes or reads, through one gate.
//!
//! **Writing** ([`write_file`]): so that a crash or a kill never leaves a torn file, the new
//! text goes to a temporary file in the target's folder, is flushed to disk (fsync), and is
//! renamed over the old file; then the folder is synced so that the rename itself is durable.
//! Before that:
//!
//! - Only a regular file or a new path is written. A FIFO, a device, a socket or a folder at
//!   the path is refused with a message naming what it is (renaming over it would replace
//!   e.g. `/dev/null` itself, or leave a reader of the FIFO waiting).
//! - **A symbolic link is written through**: the file it points at is replaced (atomically,
//!   in the target's folder) and the link stays a link, so a notes file or an export linked
//!   into another folder keeps being updated. A dangling link creates its target; a loop of
//!   links is refused.
//! - A file that exists keeps its permissions. A new file is created private (0600, notes,
//!   caches: [`Access::Private`]) or, for files meant to be shared (exports, reports, imported
//!   case files: [`Access::Shared`]), with the user's umask applied to 0666, as any program
//!   creates files (normally 0644).
//! - A temporary file left by a writer killed before its rename is named `.NAME.tmpXXXXXX`
//!   beside its target, where [`stale_temporaries`] finds it; the notes store removes them
//!   under its lock.
//!
//! **Reading** ([`read_regular`]): only a regular file is opened, and at most `limit` bytes are
//! read whatever the file claims to be. A FIFO or a device given as a case, notes, lock or
//! cache file would block forever or never end (`/dev/zero`); it is refused with a clear
//! message before it is opened. The one exception is the process's own standard input given
//! by name (`remiss check /dev/stdin < case.toml`, `cat case.toml | remiss check /dev/stdin`),
//! which is read to the same limit.

use std::fs::{self, File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Who a newly created file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The user only (0600): notes, caches, recovery files.
    Private,
    /// Meant to be shared (exports, reports, imports): 0666 less the umask, normally 0644.
    Shared,
}

/// The folder a file is in (`.` for a bare file name).
pub fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Write `bytes` to `path` atomically, replacing what is there ([`Access::Private`] for a new
/// file); see [`write_file`].
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(path, bytes, true, Access::Private).map(|_| ())
}

/// Write `bytes` to `path` atomically (see the module documentation). Unless `overwrite`, an
/// existing file is left alone and the result is `Ok(false)`.
///
/// Errors: the path is not a regular file or a new path (`InvalidInput`, with a message
/// naming what it is), a loop of symbolic links, or the I/O error of creating, writing,
/// syncing or renaming.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool, access: Access) -> io::Result<bool> {
    let (target, existing) = resolve_for_writing(path)?;
    if existing.is_some() && !overwrite {
        return Ok(false);
    }
    let dir = parent(&target);
    let prefix = temporary_prefix(&target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    if access == Access::Shared {
        use std::os::unix::fs::PermissionsExt;
        // The umask applies to the mode given to open(2), as for any new file.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = access;
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    if let Some(meta) = &existing {
        let _ = fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.as_file().sync_all()?;
    let persisted = if overwrite {
        tmp.persist(&target).map(|_| ())
    } else {
        tmp.persist_noclobber(&target).map(|_| ())
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

/// Whether a write to `path` could go ahead as far as the kind of file there goes (a regular
/// file, a link to one, or a new path), without writing: a command that works long before it
/// writes (an import) refuses a FIFO or a device at once. Errors as [`write_file`]'s.
pub fn check_writable(path: &Path) -> io::Result<()> {
    resolve_for_writing(path).map(|_| ())
}

/// The file a write to `path` replaces: `path`, or the end of its chain of symbolic links;
/// with its metadata when it exists. Anything but a regular file or a new path is an error.
fn resolve_for_writing(path: &Path) -> io::Result<(PathBuf, Option<Metadata>)> {
    let mut at = path.to_path_buf();
    // As the kernel, give up after 40 links.
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&at)?;
                at = if link.is_absolute() {
                    link
                } else {
                    parent(&at).join(link)
                };
            }
            Ok(meta) if meta.is_file() => return Ok((at, Some(meta))),
            Ok(meta) => return Err(not_regular(path, &meta, Verb::Write)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((at, None)),
            Err(e) => return Err(e),
        }
    }
    Err(link_loop(path))
}

/// The name prefix of the temporary files written for `target`.
fn temporary_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    format!(".{name}.tmp")
}

/// Temporary files of [`write_file`] for `path` (or its link's target) that are still on
/// disk: left by a writer that was killed before its rename. Only a caller that knows no
/// other writer is at work (the notes store, under its lock) may remove them.
pub fn stale_temporaries(path: &Path) -> Vec<PathBuf> {
    let target = resolve_for_writing(path).map_or_else(|_| path.to_path_buf(), |(t, _)| t);
    let prefix = temporary_prefix(&target);
    let Ok(entries) = fs::read_dir(parent(&target)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect()
}

/// Why [`read_regular`] read nothing.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read (no such file, permission denied, …).
    Io(io::Error),
    /// Not a regular file: a FIFO, a device, a socket, a folder.
    NotRegular(FileKind),
    /// More than the limit: the file's size when known, else only that it is larger.
    TooLarge { size: Option<u64>, limit: u64 },
}

impl ReadError {
    /// Why, as data for a message.
    pub fn reason(&self) -> FileError {
        match self {
            ReadError::Io(e) => FileError::of(e),
            ReadError::NotRegular(kind) => FileError::NotRegular {
                path: None,
                kind: *kind,
                verb: Verb::Read,
            },
            ReadError::TooLarge { size, limit } => FileError::TooLarge {
                size: *size,
                limit: *limit,
            },
        }
    }
}

/// What a path is that is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    /// Something else that is not a regular file.
    Other,
}

/// What remiss was doing with a file that is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// Reading a case, notes, cache file or a document.
    Read,
    /// Writing a notes file, an export, a report or an imported case file.
    Write,
    /// Opening a file for its own use (the notes' lock file).
    Use,
}

/// Why a file could not be read or written, as data: `i18n` words it in the user's language
/// (`Lang::file_error`; its `Display` is the English wording). The gate's own refusals travel
/// inside an [`io::Error`] as this type, and [`FileError::of`] gets them back out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    NotFound,
    PermissionDenied,
    /// Not a regular file: the path when the message should name it, what it is, and what
    /// remiss was doing.
    NotRegular {
        path: Option<String>,
        kind: FileKind,
        verb: Verb,
    },
    /// A symbolic link whose target does not exist.
    DanglingLink {
        target: String,
    },
    /// A loop of symbolic links at `path`.
    LinkLoop {
        path: String,
    },
    /// More than `limit` bytes: the size when known.
    TooLarge {
        size: Option<u64>,
        limit: u64,
    },
    /// Another error of the system: its kind (for a translation) and its own (English) words.
    System {
        kind: io::ErrorKind,
        text: String,
    },
}

impl std::error::Error for FileError {}

impl FileError {
    /// The reason of an I/O error: the gate's own refusals as they were made, the common
    /// kinds by name, anything else in the system's words.
    pub fn of(e: &io::Error) -> FileError {
        if let Some(own) = e.get_ref().and_then(|r| r.downcast_ref::<FileError>()) {
            return own.clone();
        }
        match e.kind() {
            io::ErrorKind::NotFound => FileError::NotFound,
            io::ErrorKind::PermissionDenied => FileError::PermissionDenied,
            kind => FileError::System {
                kind,
                text: e.to_string(),
            },
        }
    }

    fn into_io(self, kind: io::ErrorKind) -> io::Error {
        io::Error::new(kind, self)
    }
}

/// The bytes of the regular file at `path` (symbolic links followed), at most `limit` of
/// them; see the module documentation for what is refused.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(|e| match fs::symlink_metadata(path) {
        // A link whose target is gone, or a loop of links.
        Ok(m) if m.file_type().is_symlink() => ReadError::Io(dangling_or_loop(path, e)),
        _ => ReadError::Io(e),
    })?;
    if !meta.is_file() {
        if is_own_stdin(&meta) {
            return read_bounded(io::stdin().lock(), None, limit);
        }
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    read_bounded(file, Some(meta.len()), limit)
}

/// Read at most `limit` bytes; more is [`ReadError::TooLarge`] (a file that grew since it was
/// stat'ed, or a stream).
fn read_bounded(r: impl Read, size: Option<u64>, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(size.map_or(8192, |s| s as usize + 1));
    r.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// Check that a file remiss opens for its own use (a lock file) is a regular file or absent,
/// without opening it (opening a FIFO for writing blocks until a reader comes).
pub fn check_regular_or_absent(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) => Err(not_regular(path, &meta, Verb::Use)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::symlink_metadata(path) {
            Ok(_) => Err(dangling_or_loop(path, e)),
            Err(_) => Ok(()),
        },
        Err(e) => Err(e),
    }
}

/// Whether `meta` is the file of this process's standard input.
#[cfg(unix)]
fn is_own_stdin(meta: &Metadata) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    File::from(fd)
        .metadata()
        .is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
}

#[cfg(not(unix))]
fn is_own_stdin(_: &Metadata) -> bool {
    false
}

/// What a file that is not a regular file is.
fn kind_of(meta: &Metadata) -> FileKind {
    let t = meta.file_type();
    if t.is_dir() {
        return FileKind::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return FileKind::Fifo;
        }
        if t.is_char_device() {
            return FileKind::CharDevice;
        }
        if t.is_block_device() {
            return FileKind::BlockDevice;
        }
        if t.is_socket() {
            return FileKind::Socket;
        }
    }
    FileKind::Other
}

fn not_regular(path: &Path, meta: &Metadata, verb: Verb) -> io::Error {
    FileError::NotRegular {
        path: Some(path.display().to_string()),
        kind: kind_of(meta),
        verb,
    }
    .into_io(io::ErrorKind::InvalidInput)
}

fn link_loop(path: &Path) -> io::Error {
    FileError::LinkLoop {
        path: path.display().to_string(),
    }
    .into_io(io::ErrorKind::InvalidInput)
}

/// A link that cannot be followed: its target is missing, or the links loop.
fn dangling_or_loop(path: &Path, e: io::Error) -> io::Error {
    match fs::read_link(path) {
        Ok(target) if e.kind() == io::ErrorKind::NotFound => FileError::DanglingLink {
            target: target.display().to_string(),
        }
        .into_io(io::ErrorKind::NotFound),
        _ if e.raw_os_error() == Some(40) => link_loop(path),
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_or_keeps_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        assert!(write_file(&path, b"one", false, Access::Shared).unwrap());
        assert!(!write_file(&path, b"two", false, Access::Shared).unwrap());
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_atomically(&path, b"three").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
        assert!(stale_temporaries(&path).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_links_and_refuses_what_is_not_a_file() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir(d.join("real")).unwrap();
        fs::write(d.join("real/notes.toml"), "old").unwrap();
        symlink("real/notes.toml", d.join("link.toml")).unwrap();
        write_atomically(&d.join("link.toml"), b"new").unwrap();
        assert!(
            fs::symlink_metadata(d.join("link.toml"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(d.join("real/notes.toml")).unwrap(),
            "new"
        );
        // A dangling link creates its target.
        symlink("real/new.md", d.join("dangling.md")).unwrap();
        write_atomically(&d.join("dangling.md"), b"x").unwrap();
        assert_eq!(fs::read_to_string(d.join("real/new.md")).unwrap(), "x");
        // A loop, a folder and a device are refused.
        symlink("b", d.join("a")).unwrap();
        symlink("a", d.join("b")).unwrap();
        let e = write_atomically(&d.join("a"), b"x").unwrap_err();
        assert!(e.to_string().contains("loop of symbolic links"), "{e}");
        let e = write_atomically(&d.join("real"), b"x").unwrap_err();
        assert!(e.to_string().contains("is a folder"), "{e}");
        // A device, through a link and without overwrite, so that a fault here could never
        // replace the system's /dev/null.
        symlink("/dev/null", d.join("null")).unwrap();
        let e = write_file(&d.join("null"), b"x", false, Access::Shared).unwrap_err();
        assert!(e.to_string().contains("a character device"), "{e}");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device(),
            "/dev/null is untouched"
        );
    }

    #[cfg(unix)]
    #[test]
    fn shared_files_follow_the_umask_and_private_ones_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let shared = dir.path().join("export.md");
        write_file(&shared, b"x", false, Access::Shared).unwrap();
        // Whatever the umask, a shared file is what `File::create` would make.
        let probe = dir.path().join("probe");
        File::create(&probe).unwrap();
        assert_eq!(mode(&shared), mode(&probe));
        let private = dir.path().join("notes.toml");
        write_atomically(&private, b"x").unwrap();
        assert_eq!(mode(&private), 0o600);
        // Replacing keeps the mode the file has.
        fs::set_permissions(&private, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&private, b"y").unwrap();
        assert_eq!(mode(&private), 0o640);
    }

    #[test]
    fn reads_are_bounded_and_only_of_regular_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_regular(&path, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_regular(&path, 9),
            Err(ReadError::TooLarge { size: Some(10), .. })
        ));
        assert!(matches!(
            read_regular(dir.path(), 9),
            Err(ReadError::NotRegular(FileKind::Folder))
        ));
        #[cfg(unix)]
        {
            let e = read_regular(Path::new("/dev/zero"), 1 << 20).unwrap_err();
            assert_eq!(
                e.reason().to_string(),
                "it is a character device, not a regular file; remiss reads only regular files"
            );
        }
    }
}
