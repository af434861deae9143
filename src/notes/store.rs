//! Where notes live and how they are written: beside the case file
//! (`cases/trygghetskiosker.toml` → `cases/trygghetskiosker.notes.toml`), or for the bundled
//! case in the user's data folder (`$XDG_DATA_HOME/remiss/notes/`, else
//! `~/.local/share/remiss/notes/`), or wherever `--notes FILE` says.
//!
//! Every save is atomic: the new text goes to a temporary file in the same folder, is flushed
//! to disk (fsync), and renamed over the old file, so a crash at any moment leaves the old or
//! the new file, never a torn one. A lock file (`.NAME.lock`) serialises writers, and a save
//! first reads what is on disk: if another session changed the file since this one last read
//! or wrote it, the two are merged ([`super::merge`]) instead of one overwriting the other.

use super::{MergeReport, Notes, file, merge};
use crate::atomic::{Access, parent, write_atomically, write_file};
use crate::model::{self, Case, Problem, ProblemKind};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The notes file a case uses unless told otherwise.
pub fn default_path(case: &Case) -> PathBuf {
    match &case.path {
        Some(p) => {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
            p.with_file_name(format!("{stem}.notes.toml"))
        }
        None => data_dir()
            .join("notes")
            .join(format!("{}.notes.toml", case.id)),
    }
}

/// The user's data folder for remiss.
fn data_dir() -> PathBuf {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(d) = var("XDG_DATA_HOME") {
        d.join("remiss")
    } else if let Some(h) = var("HOME") {
        h.join(".local/share/remiss")
    } else if let Some(a) = var("APPDATA") {
        a.join("remiss")
    } else {
        PathBuf::from(".remiss")
    }
}

/// A notes file and what this session last saw of it.
#[derive(Debug)]
pub struct Store {
    pub path: PathBuf,
    /// The notes as last read or written (the base of a merge).
    base: Notes,
    /// The file's bytes as last read or written; `None` when there was no file (or it could
    /// not be loaded at start: [`Store::over_unloadable`]).
    seen: Option<Vec<u8>>,
    /// This session's recovery file, once one was written; later recoveries rewrite it, so a
    /// session leaves one recovery file, with its latest notes.
    recovery: Option<PathBuf>,
    /// Why the last save did not write the notes file (`None` after one that did): what
    /// the app tells when it ends, since the notes are then elsewhere or nowhere.
    failed: Option<SaveError>,
}

/// The outcome of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The notes now on disk: this session's, merged with another session's changes.
    pub notes: Notes,
    /// Set when the file had been changed by another session and was merged.
    pub merged: Option<MergeReport>,
    /// Whether anything was written.
    pub wrote: bool,
}

/// Why a save did not happen. This session's notes are still in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The file on disk was changed by hand (or another program) and no longer parses; it was
    /// not overwritten. This session's notes were written to `recovered` instead.
    Unreadable {
        problem: Box<Problem>,
        recovered: Option<PathBuf>,
    },
    /// A step of the save failed: which, on which file, and why.
    Io {
        step: SaveStep,
        path: PathBuf,
        reason: crate::atomic::FileError,
    },
}

/// The steps of a save that can fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    /// Creating the notes file's folder.
    CreateFolder,
    /// Taking the lock beside the notes file.
    Lock,
    /// Writing the notes file.
    Write,
}

impl std::fmt::Display for SaveError {
    /// The English wording (`Lang::save_error` words it in either language).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::Lang::En.save_error(self))
    }
}

impl Store {
    /// Open the notes at `path` for `case`: the file's notes, or empty notes when there is no
    /// file yet.
    pub fn open(path: PathBuf, case: &Case) -> Result<(Store, Notes), Vec<Problem>> {
        let label = path.display().to_string();
        let (notes, seen) = match read(&path) {
            Ok(Some(bytes)) => {
                let src = model::decode(&label, &bytes)?;
                (file::parse(src, &label)?, Some(bytes))
            }
            Ok(None) => (Notes::for_case(case), None),
            Err(e) => return Err(vec![cannot_read(&path, &e)]),
        };
        let store = Store {
            path,
            base: notes.clone(),
            seen,
            recovery: None,
            failed: None,
        };
        Ok((store, notes))
    }

    /// A store over a notes file that [`Store::open`] could not load (it does not parse, or
    /// cannot be read): the session starts from empty notes, and each save finds the file as
    /// if it had broken during the session: while it does not load it is never overwritten,
    /// and the session's notes go to a recovery file beside it ([`SaveError::Unreadable`]);
    /// once it is mended (or removed) a save merges the session's notes into it.
    pub fn over_unloadable(path: PathBuf, case: &Case) -> (Store, Notes) {
        let notes = Notes::for_case(case);
        let store = Store {
            path,
            base: notes.clone(),
            seen: None,
            recovery: None,
            failed: None,
        };
        (store, notes)
    }

    /// Why the last save did not write the notes file: `Unreadable` with the recovery file
    /// the session's notes went to, or the step that failed. `None` when the last save wrote
    /// the file, or there was none.
    pub fn failed(&self) -> Option<&SaveError> {
        self.failed.as_ref()
    }

    /// Save `ours`: merge with the file on disk if another session changed it, then write
    /// atomically. Nothing is written when nothing changed, nor for empty notes that never had
    /// a file.
    pub fn save(&mut self, ours: &Notes) -> Result<Saved, SaveError> {
        let result = self.save_once(ours);
        self.failed = result.as_ref().err().cloned();
        result
    }

    fn save_once(&mut self, ours: &Notes) -> Result<Saved, SaveError> {
        let io_err = |step: SaveStep, e: io::Error| SaveError::Io {
            step,
            path: self.path.clone(),
            reason: crate::atomic::FileError::of(&e),
        };
        let dir = parent(&self.path);
        if self.seen.is_none() && ours.items.is_empty() && !self.path.exists() {
            return Ok(Saved {
                notes: ours.clone(),
                merged: None,
                wrote: false,
            });
        }
        fs::create_dir_all(&dir).map_err(|e| io_err(SaveStep::CreateFolder, e))?;
        let _lock = lock(&dir, &self.path).map_err(|e| io_err(SaveStep::Lock, e))?;
        // Under the lock, a temporary file of ours is a leftover of a writer that was killed
        // before its rename (the notes file itself is whole): remove it.
        for torn in crate::atomic::stale_temporaries(&self.path) {
            let _ = fs::remove_file(torn);
        }

        let on_disk = match read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) => {
                let problem = Box::new(cannot_read(&self.path, &e));
                let recovered = self.write_recovery(ours);
                return Err(SaveError::Unreadable { problem, recovered });
            }
        };
        let (result, merged) = if on_disk == self.seen {
            (ours.clone(), None)
        } else {
            match &on_disk {
                // Deleted by someone else: write ours again; nothing of ours is lost.
                None => (ours.clone(), Some(MergeReport::default())),
                Some(bytes) => match parse_bytes(bytes, &self.path) {
                    Ok(theirs) => {
                        let (m, report) = merge(&self.base, ours, &theirs);
                        (m, Some(report))
                    }
                    Err(problem) => {
                        let recovered = self.write_recovery(ours);
                        return Err(SaveError::Unreadable { problem, recovered });
                    }
                },
            }
        };
        let text = file::to_toml(&result);
        let wrote = on_disk.as_deref() != Some(text.as_bytes());
        if wrote {
            write_atomically(&self.path, text.as_bytes())
                .map_err(|e| io_err(SaveStep::Write, e))?;
        }
        self.base = result.clone();
        self.seen = Some(text.into_bytes());
        Ok(Saved {
            notes: result,
            merged,
            wrote,
        })
    }

    /// Write `ours` beside the notes file under a new name (`NAME.recovered-SECONDS-PID`, the
    /// same for the whole session), atomically, so nothing is lost when the notes file itself
    /// cannot be written. `None` when that failed too.
    fn write_recovery(&mut self, ours: &Notes) -> Option<PathBuf> {
        let text = file::to_toml(ours);
        if let Some(path) = &self.recovery {
            write_atomically(path, text.as_bytes()).ok()?;
            return Some(path.clone());
        }
        let name = self.path.file_name()?.to_string_lossy();
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let first = format!("{name}.recovered-{stamp}-{}", std::process::id());
        // A file of that name that is not this session's own (another store of this process
        // in the same second) is left alone: the next free name is taken.
        let path = (1..=100)
            .map(|n| match n {
                1 => self.path.with_file_name(&first),
                n => self.path.with_file_name(format!("{first}-{n}")),
            })
            .find(|p| write_file(p, text.as_bytes(), false, Access::Private).is_ok_and(|w| w))?;
        self.recovery = Some(path.clone());
        Some(path)
    }
}

/// The notes file's bytes, `None` when there is none yet (also behind a symbolic link whose
/// target does not exist yet: saving creates it): a regular file only, of at most
/// `model::MAX_FILE_BYTES` (a FIFO given as the notes file would block forever).
fn read(path: &Path) -> Result<Option<Vec<u8>>, crate::atomic::ReadError> {
    use crate::atomic::ReadError;
    match crate::atomic::read_regular(path, model::MAX_FILE_BYTES) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The problem of a notes file that cannot be read (not: does not parse).
fn cannot_read(path: &Path, e: &crate::atomic::ReadError) -> Problem {
    let label = path.display().to_string();
    Problem::file(&label, ProblemKind::CannotReadNotes(e.reason()))
}

fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Notes, Box<Problem>> {
    let label = path.display().to_string();
    // Loading gives at least one problem when it fails; the first is told.
    let first = |ps: Vec<Problem>| {
        Box::new(
            ps.into_iter()
                .next()
                .unwrap_or_else(|| Problem::file(&label, ProblemKind::Empty)),
        )
    };
    let src = model::decode(&label, bytes).map_err(first)?;
    file::parse(src, &label).map_err(first)
}

/// Hold an exclusive lock on `.NAME.lock` beside `path` until the returned file is dropped.
fn lock(dir: &Path, path: &Path) -> io::Result<File> {
    let name = path
        .file_name()
        .map_or_else(|| "notes".into(), |n| n.to_string_lossy());
    let path = dir.join(format!(".{name}.lock"));
    // Opening a FIFO for writing would wait for a reader forever.
    crate::atomic::check_regular_or_absent(&path)?;
    let f = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    f.lock()?;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;
    use crate::notes::{ItemKind, Quote};

    fn setup() -> (tempfile::TempDir, PathBuf, Case) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.notes.toml");
        (dir, path, load_bundled())
    }

    fn quote(case: &Case, n: usize) -> ItemKind {
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        let mut q = Quote::from_position(case, i, (0, 0), None).unwrap();
        q.comment = format!("comment {n}");
        ItemKind::Quote(q)
    }

    #[test]
    fn default_path_is_beside_the_case_file() {
        let mut case = load_bundled();
        case.path = Some(PathBuf::from("cases/trygghetskiosker.toml"));
        assert_eq!(
            default_path(&case),
            PathBuf::from("cases/trygghetskiosker.notes.toml")
        );
    }

    #[test]
    fn empty_notes_write_no_file_and_a_save_round_trips() {
        let (_d, path, case) = setup();
        let (mut store, mut notes) = Store::open(path.clone(), &case).unwrap();
        assert!(!store.save(&notes).unwrap().wrote);
        assert!(!path.exists());
        notes.push(ItemKind::Heading("H".into()));
        notes.push(quote(&case, 1));
        let saved = store.save(&notes).unwrap();
        assert!(saved.wrote && saved.merged.is_none());
        let (_, again) = Store::open(path.clone(), &case).unwrap();
        assert_eq!(again, notes);
        // Saving the same notes again writes nothing.
        assert!(!store.save(&notes).unwrap().wrote);
    }

    #[test]
    fn two_sessions_merge_instead_of_overwriting() {
        let (_d, path, case) = setup();
        let (mut a, mut na) = Store::open(path.clone(), &case).unwrap();
        let (mut b, mut nb) = Store::open(path.clone(), &case).unwrap();
        na.push(quote(&case, 1));
        a.save(&na).unwrap();
        nb.push(quote(&case, 2));
        let saved = b.save(&nb).unwrap();
        assert_eq!(saved.merged.as_ref().map(|m| m.added), Some(1));
        assert_eq!(saved.notes.items.len(), 2);
        // A learns of B's quote at its next save.
        na.push(ItemKind::Heading("H".into()));
        let saved = a.save(&na).unwrap();
        assert_eq!(saved.notes.items.len(), 3);
        let (_, on_disk) = Store::open(path, &case).unwrap();
        assert_eq!(on_disk, saved.notes);
    }

    #[test]
    fn a_broken_file_on_disk_is_not_overwritten_and_ours_is_recovered() {
        let (d, path, case) = setup();
        let (mut s, mut n) = Store::open(path.clone(), &case).unwrap();
        n.push(quote(&case, 1));
        s.save(&n).unwrap();
        fs::write(&path, "format = 1\ncase = \n").unwrap();
        n.push(quote(&case, 2));
        let err = s.save(&n).unwrap_err();
        let (_, r) = recovered_to(&err);
        assert_eq!(fs::read_to_string(&path).unwrap(), "format = 1\ncase = \n");
        let (_, rec) = Store::open(r.clone(), &case).unwrap();
        assert_eq!(rec.items.len(), 2);
        assert!(err.to_string().contains("not overwritten"));
        drop(d);
    }

    /// The recovery files beside `path`.
    fn recovered_beside(path: &Path) -> Vec<PathBuf> {
        let prefix = format!("{}.recovered-", path.file_name().unwrap().to_string_lossy());
        let mut found: Vec<PathBuf> = fs::read_dir(parent(path))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
            .collect();
        found.sort();
        found
    }

    /// Why a save went to a recovery file, and which; a panic for any other error.
    fn recovered_to(err: &SaveError) -> (&Problem, &PathBuf) {
        match err {
            SaveError::Unreadable {
                problem,
                recovered: Some(r),
            } => (problem, r),
            _ => panic!("not recovered: {err:?}"),
        }
    }

    #[test]
    fn a_file_broken_at_start_is_never_overwritten_and_the_session_goes_to_one_recovery_file() {
        let (_d, path, case) = setup();
        let broken = "format = 1\nthis is = = broken\n";
        fs::write(&path, broken).unwrap();
        assert!(Store::open(path.clone(), &case).is_err());
        let (mut s, mut n) = Store::over_unloadable(path.clone(), &case);
        assert!(n.items.is_empty() && s.failed().is_none());
        n.push(quote(&case, 1));
        let first = s.save(&n).unwrap_err();
        n.push(quote(&case, 2));
        let second = s.save(&n).unwrap_err();
        let (problem, r) = recovered_to(&second);
        assert_eq!(problem.line, Some(2), "{problem:?}");
        assert_eq!(first, second, "both saves go to the same recovery file");
        assert_eq!(s.failed(), Some(&second));
        assert_eq!(fs::read_to_string(&path).unwrap(), broken);
        assert_eq!(recovered_beside(&path), std::slice::from_ref(r));
        let (_, rec) = Store::open(r.clone(), &case).unwrap();
        assert_eq!(rec, n);

        // Mended by hand (here: removed and written anew by another session): the next save
        // merges this session's notes into it, and nothing is failed any more.
        fs::remove_file(&path).unwrap();
        let (mut other, mut theirs) = Store::open(path.clone(), &case).unwrap();
        theirs.push(ItemKind::Heading("Theirs".into()));
        other.save(&theirs).unwrap();
        let saved = s.save(&n).unwrap();
        assert!(saved.wrote && s.failed().is_none());
        let (_, on_disk) = Store::open(path.clone(), &case).unwrap();
        assert_eq!(on_disk.items.len(), 3);
    }

    #[test]
    fn a_notes_file_that_cannot_be_read_at_start_is_recovered_too() {
        let (_d, path, case) = setup();
        // A folder where the notes file should be: not a regular file, not readable as one.
        fs::create_dir(&path).unwrap();
        let Err(problems) = Store::open(path.clone(), &case) else {
            panic!("a folder opened as notes")
        };
        assert!(matches!(problems[0].kind, ProblemKind::CannotReadNotes(_)));
        let (mut s, mut n) = Store::over_unloadable(path.clone(), &case);
        n.push(quote(&case, 1));
        let err = s.save(&n).unwrap_err();
        let (problem, r) = recovered_to(&err);
        assert_eq!(problem.kind, problems[0].kind);
        assert!(path.is_dir());
        let (_, rec) = Store::open(r.clone(), &case).unwrap();
        assert_eq!(rec, n);
    }

    #[test]
    fn a_file_for_the_bundled_case_goes_to_the_data_folder() {
        let case = load_bundled();
        let p = default_path(&case);
        assert!(
            p.ends_with("remiss/notes/trygghetskiosker.notes.toml"),
            "{p:?}"
        );
    }
}
