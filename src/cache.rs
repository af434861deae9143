//! The search cache: the cases loaded from a path and their search index, kept on disk so that
//! the next `remiss search` on an unchanged folder skips parsing the TOML and building the
//! index (issue 4: parsing and validating a year of cases takes most of a search's time).
//!
//! - [`load_indexed`] loads a path and indexes it, through the cache when one is given: it
//!   lists the case files as loading would ([`model::case_files`]) and stats them into a
//!   [`Key`]; a cache file with the same key is read instead of the files. Otherwise the files
//!   are loaded and indexed as always, and [`Indexed::write_cache`] writes the cache for the
//!   next run (after the caller has printed its output).
//! - The key: remiss's version, [`FORMAT`], the size and modification time of the running
//!   executable (so any rebuild, even of one version, starts afresh), the loaded path made
//!   canonical, and for every case file in load order its name, size, modification time and
//!   (on Unix) inode change time and inode number, in nanoseconds. Any difference, a file
//!   added, removed, renamed, edited, touched, or replaced: the cache is not used, and is
//!   rewritten.
//! - A cache file is never trusted beyond what is checked: a foreign file, another format, a
//!   checksum (XXH3-64) that does not match, data that does not decode, or cases and an index
//!   that do not hold together (indices out of range) all mean the files are loaded as if
//!   there were no cache. Nothing read from a cache file can panic.
//! - Not cached: a workspace with problems (a bad file must be reported, with its line and
//!   column, on every run; loading does that), an empty one, and one whose files changed in
//!   the last [`SETTLE_SECONDS`] (a file edited again within the same tick of a coarse clock
//!   could keep its size and time: waiting until the times are in the past rules that out).
//! - Where: `$REMISS_CACHE_DIR` if set, else `$XDG_CACHE_HOME/remiss`, else
//!   `~/.cache/remiss` (Windows: `%LOCALAPPDATA%\remiss`); one file per loaded path, named by a
//!   hash of the canonical path. `REMISS_NO_CACHE=1` turns it off ([`Cache::from_env`]).
//!   Written atomically; a cache that cannot be written is silently not written.
//!
//! The file: `MAGIC`, [`FORMAT`] (u32 LE), the header's length (u32 LE), the header (postcard:
//! the key, and each part's length and XXH3-64 checksum as u64 LE), then the parts, each a
//! postcard value: the cases in a few parts of about as many cases (`Vec<Case>`), and last
//! the index ([`crate::analysis::search::StoredIndex`]). The parts are checked and decoded on
//! all cores.

use crate::analysis::search::{Index, StoredIndex};
use crate::model::{self, Case, Problem, Workspace};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use twox_hash::XxHash3_64;

/// The cache file format. Raise it when what is written changes (the model's or the index's
/// serialised fields); a file of another format is rebuilt. 2: stances approve_in_part,
/// unknown, protocol_note; evidence on bodies and positions. 3: decision points.
pub const FORMAT: u32 = 3;
/// First bytes of every cache file.
const MAGIC: &[u8; 8] = b"remiss\0c";
/// A case file modified less than this long ago keeps the workspace out of the cache.
pub const SETTLE_SECONDS: i128 = 2;
/// A cache file larger than this many times the case files (plus [`SLACK_BYTES`]) is not read.
const MAX_GROWTH: u64 = 16;
const SLACK_BYTES: u64 = 64 << 20;

/// Where cache files are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    pub dir: PathBuf,
}

impl Cache {
    /// The cache folder `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The cache as the environment says: `None` when `REMISS_NO_CACHE` is set (to anything
    /// but `0` or nothing) or no folder can be named.
    pub fn from_env() -> Option<Cache> {
        Cache::from_vars(|k| std::env::var_os(k))
    }

    /// [`Cache::from_env`] on given variables.
    pub fn from_vars(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<Cache> {
        let set = |k: &str| var(k).filter(|v| !v.is_empty());
        if set("REMISS_NO_CACHE").is_some_and(|v| v != "0") {
            return None;
        }
        let absolute = |k: &str| set(k).map(PathBuf::from).filter(|p| p.is_absolute());
        let dir = if let Some(d) = set("REMISS_CACHE_DIR") {
            PathBuf::from(d)
        } else if let Some(d) = absolute("XDG_CACHE_HOME") {
            d.join("remiss")
        } else if cfg!(windows) {
            absolute("LOCALAPPDATA")?.join("remiss")
        } else {
            absolute("HOME")?.join(".cache").join("remiss")
        };
        Some(Cache::at(dir))
    }

    /// The cache file of a loaded path (by a hash of its canonical form).
    pub fn file_for(&self, key: &Key) -> PathBuf {
        let hash = XxHash3_64::oneshot(&key.path);
        self.dir.join(format!("search-{hash:016x}.bin"))
    }
}

/// What a cache file must match to be used. See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    version: String,
    /// Size and modification time (ns) of the running executable, where known.
    build: Option<(u64, i128)>,
    /// The loaded path, canonical, as bytes.
    path: Vec<u8>,
    files: Vec<Stamp>,
}

/// A case file as the key sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The file name, as bytes.
    pub name: Vec<u8>,
    pub size: u64,
    /// Modification time, nanoseconds since 1970 (negative before).
    pub modified: i128,
    /// Unix: inode change time (ns) and inode number; 0 elsewhere.
    pub changed: i128,
    pub inode: u64,
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub fn of(name: &std::ffi::OsStr, meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode) = (0, 0);
        Stamp {
            name: name.as_encoded_bytes().to_vec(),
            size: meta.len(),
            modified: meta.modified().map_or(0, nanos),
            changed,
            inode,
        }
    }
}

/// Nanoseconds since 1970 (negative before).
fn nanos(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// The running executable's size and modification time.
fn build_stamp() -> Option<(u64, i128)> {
    let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    Some((meta.len(), nanos(meta.modified().ok()?)))
}

impl Key {
    /// The key of this build of remiss for a canonical path and its case files' stamps.
    pub fn new(canonical: &Path, files: Vec<Stamp>) -> Key {
        Key {
            version: env!("CARGO_PKG_VERSION").to_string(),
            build: build_stamp(),
            path: canonical.as_os_str().as_encoded_bytes().to_vec(),
            files,
        }
    }

    /// The case files of `path` as loading lists them, and their key. `Ok(None)` when the path
    /// lists but cannot be stat'ed or made canonical (load it without the cache); `Err` when it
    /// cannot be listed (the same problem loading gives).
    pub fn of(path: &Path) -> Result<Option<(Key, Vec<PathBuf>)>, Box<Problem>> {
        let files = model::case_files(path)?;
        let Ok(canonical) = std::fs::canonicalize(path) else {
            return Ok(None);
        };
        let mut stamps = Vec::with_capacity(files.len());
        for f in &files {
            let (Some(name), Ok(meta)) = (f.file_name(), std::fs::metadata(f)) else {
                return Ok(None);
            };
            stamps.push(Stamp::of(name, &meta));
        }
        Ok(Some((Key::new(&canonical, stamps), files)))
    }

    /// Whether every file was last modified at least [`SETTLE_SECONDS`] before `now` (ns):
    /// then any later write gives it another modification time, even on a clock that counts
    /// in whole seconds (or two, FAT).
    pub fn is_settled(&self, now: i128) -> bool {
        let settled = now - SETTLE_SECONDS * 1_000_000_000;
        self.files.iter().all(|f| f.modified <= settled)
    }

    /// Total size of the case files.
    fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

/// Why a cache file was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// No cache file (or it could not be read).
    Absent,
    /// Not a remiss cache file, or far too large to be one.
    Foreign,
    /// Written by another cache format.
    OtherFormat(u32),
    /// Of another build of remiss, another path, or case files that have changed since.
    Stale,
    /// The checksum does not match, the data does not decode, or it does not hold together.
    Corrupt,
}

/// The cases are written in this many parts (of about as many cases each), and the index in
/// one more: the parts are checked and decoded in parallel.
const CASE_PARTS: usize = 4;
/// Below this size the parts are decoded on the calling thread.
const PARALLEL_FROM_BYTES: usize = 1 << 20;
/// At most this many parts (a count beyond it is corrupt).
const MAX_PARTS: usize = 64;
/// Bytes before the header: `MAGIC`, format, header length.
const PREFIX: usize = MAGIC.len() + 4 + 4;
/// A header longer than this is corrupt (a key names every case file: about 60 bytes each).
const MAX_HEADER: usize = 64 << 20;

/// What follows the prefix: the key, then the length and checksum of each part.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    key: Key,
    parts: Vec<Part>,
}

/// Fixed-size integers: the header can be written before the parts and filled in after.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct Part {
    #[serde(with = "postcard::fixint::le")]
    len: u64,
    /// XXH3-64 of the part's bytes.
    #[serde(with = "postcard::fixint::le")]
    sum: u64,
}

/// The bytes of a cache file for `key`: the cases and their index. `None` if the cases cannot
/// be serialised.
pub fn encode(key: &Key, cases: &[Case], index: &Index) -> Option<Vec<u8>> {
    let per_part = cases.len().div_ceil(CASE_PARTS).max(1);
    let chunks: Vec<&[Case]> = cases.chunks(per_part).collect();
    let mut header = Header {
        key: key.clone(),
        parts: vec![Part::default(); chunks.len() + 1],
    };
    let header_len = postcard::to_stdvec(&header).ok()?.len();
    // One buffer, written once: about twice the case files' size (fresh memory costs page
    // faults, and a second copy of 50 MB costs more than the encoding).
    let estimate = usize::try_from(key.bytes()).unwrap_or(0).saturating_mul(2);
    let mut out = Vec::with_capacity(PREFIX + header_len + estimate);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&u32::try_from(header_len).ok()?.to_le_bytes());
    out.resize(PREFIX + header_len, 0);
    for (i, chunk) in chunks.iter().enumerate() {
        (out, header.parts[i]) = append(out, chunk)?;
    }
    (out, header.parts[chunks.len()]) = append(out, index)?;
    let written = postcard::to_stdvec(&header).ok()?;
    if written.len() != header_len {
        return None;
    }
    out[PREFIX..PREFIX + header_len].copy_from_slice(&written);
    Some(out)
}

/// Append `value` (postcard) to `out`: where it went.
fn append<T: Serialize + ?Sized>(out: Vec<u8>, value: &T) -> Option<(Vec<u8>, Part)> {
    let start = out.len();
    let out = postcard::to_extend(value, out).ok()?;
    let part = Part {
        len: (out.len() - start) as u64,
        sum: XxHash3_64::oneshot(&out[start..]),
    };
    Some((out, part))
}

/// The cases and index of a cache file's bytes, if it was written for `key` and is intact.
/// `Case::path` is not stored: set it (see [`load_indexed`]).
pub fn decode(bytes: &[u8], key: &Key) -> Result<(Vec<Case>, Index), Miss> {
    let prefix = bytes.get(..PREFIX).ok_or(Miss::Foreign)?;
    let header_len = header_len(prefix)?;
    let header = bytes
        .get(PREFIX..PREFIX + header_len)
        .ok_or(Miss::Corrupt)?;
    let parts = parts(header, key, bytes)?;
    decode_parts(&parts)
}

/// Check the prefix: the header's length, or why the file is not used.
fn header_len(prefix: &[u8]) -> Result<usize, Miss> {
    let rest = prefix.strip_prefix(MAGIC).ok_or(Miss::Foreign)?;
    let (format, rest) = rest.split_first_chunk::<4>().ok_or(Miss::Foreign)?;
    let format = u32::from_le_bytes(*format);
    if format != FORMAT {
        return Err(Miss::OtherFormat(format));
    }
    let len = rest.first_chunk::<4>().ok_or(Miss::Corrupt)?;
    let len = u32::from_le_bytes(*len) as usize;
    if len > MAX_HEADER {
        return Err(Miss::Corrupt);
    }
    Ok(len)
}

/// Check the header against the key and the file's size: the bytes of each part, with the
/// checksum they must have.
fn parts<'a>(header_bytes: &[u8], key: &Key, file: &'a [u8]) -> Result<Vec<(&'a [u8], u64)>, Miss> {
    let header: Header = match postcard::take_from_bytes(header_bytes) {
        Ok((h, [])) => h,
        _ => return Err(Miss::Corrupt),
    };
    if header.key != *key {
        return Err(Miss::Stale);
    }
    if !(1..=MAX_PARTS).contains(&header.parts.len()) {
        return Err(Miss::Corrupt);
    }
    let mut rest = file
        .get(PREFIX + header_bytes.len()..)
        .ok_or(Miss::Corrupt)?;
    let mut out = Vec::with_capacity(header.parts.len());
    for p in header.parts {
        let len = usize::try_from(p.len).map_err(|_| Miss::Corrupt)?;
        let (part, after) = rest.split_at_checked(len).ok_or(Miss::Corrupt)?;
        out.push((part, p.sum));
        rest = after;
    }
    if !rest.is_empty() {
        return Err(Miss::Corrupt);
    }
    Ok(out)
}

/// Check and decode the parts (on all cores when they are large): the cases, then the index.
fn decode_parts(parts: &[(&[u8], u64)]) -> Result<(Vec<Case>, Index), Miss> {
    let total: usize = parts.iter().map(|(p, _)| p.len()).sum();
    decode_parts_on(parts, total >= PARALLEL_FROM_BYTES)
}

/// [`decode_parts`], on all cores or on this thread.
fn decode_parts_on(parts: &[(&[u8], u64)], parallel: bool) -> Result<(Vec<Case>, Index), Miss> {
    let Some((&index_part, case_parts)) = parts.split_last() else {
        return Err(Miss::Corrupt);
    };
    let (case_chunks, stored): (Vec<Result<Vec<Case>, Miss>>, _) = if !parallel {
        let chunks = case_parts.iter().map(|&p| value(p)).collect();
        (chunks, value::<StoredIndex>(index_part))
    } else {
        std::thread::scope(|s| {
            let index = s.spawn(|| value::<StoredIndex>(index_part));
            let chunks: Vec<_> = case_parts
                .iter()
                .map(|&p| s.spawn(move || value::<Vec<Case>>(p)))
                .collect();
            let chunks = chunks
                .into_iter()
                .map(|h| h.join().unwrap_or(Err(Miss::Corrupt)))
                .collect();
            (chunks, index.join().unwrap_or(Err(Miss::Corrupt)))
        })
    };
    let mut cases = Vec::new();
    for chunk in case_chunks {
        cases.append(&mut chunk?);
    }
    let stored = stored?;
    if !cases.iter().all(holds_together) {
        return Err(Miss::Corrupt);
    }
    let index = Index::from_stored(stored, &cases).ok_or(Miss::Corrupt)?;
    Ok((cases, index))
}

/// Check and decode one part: all of it must be one value.
fn value<T: serde::de::DeserializeOwned>((bytes, sum): (&[u8], u64)) -> Result<T, Miss> {
    if XxHash3_64::oneshot(bytes) != sum {
        return Err(Miss::Corrupt);
    }
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Ok(value),
        _ => Err(Miss::Corrupt),
    }
}

/// Whether the indices inside a case point at what there is (loading guarantees it; a case
/// read from a file is checked before anything indexes with them).
fn holds_together(case: &Case) -> bool {
    let n = case.positions.len();
    case.positions.iter().all(|p| {
        p.body < case.bodies.len()
            && p.identical_to.is_none_or(|i| i < n)
            && p.concurs_with.is_none_or(|i| i < n)
            && p.text_from.is_none_or(|i| i < n)
    })
}

/// Cases loaded from a path, with their search index.
#[derive(Debug)]
pub struct Indexed {
    pub workspace: Workspace,
    pub index: Index,
    /// Read from the cache (not loaded from the case files).
    pub from_cache: bool,
    /// Where to write the cache, and its key, when it is worth writing.
    pending: Option<(PathBuf, Key)>,
}

impl Indexed {
    /// Write the cache for the next run, if this was loaded from the case files and can be
    /// cached (see the module documentation). Best effort: returns whether it was written.
    pub fn write_cache(&mut self) -> bool {
        let Some((file, key)) = self.pending.take() else {
            return false;
        };
        let Some(bytes) = encode(&key, &self.workspace.cases, &self.index) else {
            return false;
        };
        if let Some(dir) = file.parent()
            && std::fs::create_dir_all(dir).is_err()
        {
            return false;
        }
        crate::atomic::write_atomically(&file, &bytes).is_ok()
    }
}

/// Load `path` (a case file or a folder, as [`model::load_path`]) and index its cases: from
/// `cache` when it has them for the files as they are now, else from the files. The errors
/// are loading's.
pub fn load_indexed(path: &Path, cache: Option<&Cache>) -> Result<Indexed, Box<Problem>> {
    let built = |workspace: Workspace, pending| {
        let index = Index::build(&workspace.cases);
        Indexed {
            workspace,
            index,
            from_cache: false,
            pending,
        }
    };
    let Some(cache) = cache else {
        return Ok(built(model::load_path(path)?, None));
    };
    let Some((key, files)) = Key::of(path)? else {
        return Ok(built(model::load_path(path)?, None));
    };
    let file = cache.file_for(&key);
    match read(&file, &key) {
        Ok((mut cases, index)) if cases.len() == files.len() => {
            for (case, f) in cases.iter_mut().zip(&files) {
                case.path = Some(f.clone());
            }
            return Ok(Indexed {
                workspace: Workspace {
                    cases,
                    problems: Vec::new(),
                },
                index,
                from_cache: true,
                pending: None,
            });
        }
        _ => {}
    }
    let workspace = model::load_listed(&files);
    let cacheable = workspace.problems.is_empty()
        && !workspace.cases.is_empty()
        && key.is_settled(nanos(SystemTime::now()));
    Ok(built(workspace, cacheable.then_some((file, key))))
}

/// Read and decode a cache file.
fn read(file: &Path, key: &Key) -> Result<(Vec<Case>, Index), Miss> {
    use crate::atomic::ReadError;
    let limit = key
        .bytes()
        .saturating_mul(MAX_GROWTH)
        .saturating_add(SLACK_BYTES);
    // A regular file only (a FIFO put there would block), to the limit.
    let bytes = crate::atomic::read_regular(file, limit).map_err(|e| match e {
        ReadError::Io(_) => Miss::Absent,
        ReadError::NotRegular(_) | ReadError::TooLarge { .. } => Miss::Foreign,
    })?;
    decode(&bytes, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::search::Query;
    use remiss_corpus as corpus;
    use std::time::Duration;
    use tempfile::TempDir;

    /// Set a file's modification time a minute back (settled).
    fn age(path: &Path) {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap();
    }

    /// A folder of `n` generated cases, settled.
    fn folder(n: usize) -> TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..n {
            let path = dir.path().join(corpus::case_file_name(i));
            std::fs::write(&path, corpus::generate_case(7, i)).unwrap();
            age(&path);
        }
        dir
    }

    fn key_of(dir: &Path) -> Key {
        Key::of(dir).unwrap().unwrap().0
    }

    /// Cases as text, paths aside (they are not stored).
    fn shown(cases: &[Case]) -> String {
        let mut cases = cases.to_vec();
        for c in &mut cases {
            c.path = None;
        }
        format!("{cases:?}")
    }

    const QUERIES: &[&str] = &[
        "trygghetskiosk",
        "skarholmen tunnelbana",
        "bostad",
        "trygghetskoisk",
        "stance:reservation",
    ];

    fn same_search(a: (&[Case], &Index), b: (&[Case], &Index)) {
        for q in QUERIES {
            let query = Query::parse(q);
            assert_eq!(
                a.1.search(a.0, &query, 100),
                b.1.search(b.0, &query, 100),
                "{q}"
            );
        }
    }

    /// A folder, its cases, index, key and cache bytes.
    fn encoded(n: usize) -> (TempDir, Vec<Case>, Index, Key, Vec<u8>) {
        let dir = folder(n);
        let ws = model::load_path(dir.path()).unwrap();
        assert!(ws.problems.is_empty());
        let index = Index::build(&ws.cases);
        let key = key_of(dir.path());
        let bytes = encode(&key, &ws.cases, &index).unwrap();
        (dir, ws.cases, index, key, bytes)
    }

    #[test]
    fn a_workspace_and_its_index_round_trip() {
        let (_dir, cases, index, key, bytes) = encoded(3);
        let (back, back_index) = decode(&bytes, &key).unwrap();
        assert_eq!(shown(&back), shown(&cases));
        assert!(back.iter().all(|c| c.path.is_none()));
        same_search((&cases, &index), (&back, &back_index));
        // The same on all cores (large caches are decoded so).
        let header = header_len(&bytes[..PREFIX]).unwrap();
        let parts = parts(&bytes[PREFIX..PREFIX + header], &key, &bytes).unwrap();
        assert_eq!(parts.len(), CASE_PARTS.min(cases.len()) + 1);
        let (back, back_index) = decode_parts_on(&parts, true).unwrap();
        assert_eq!(shown(&back), shown(&cases));
        same_search((&cases, &index), (&back, &back_index));
        // The bundled case uses every field of the model.
        let (bytes, key) = bundled_encoded();
        let (back, _) = decode(&bytes, &key).unwrap();
        assert_eq!(shown(&back), shown(&[model::load_bundled()]));
    }

    /// The bundled case's cache bytes, under a made-up key.
    fn bundled_encoded() -> (Vec<u8>, Key) {
        let cases = vec![model::load_bundled()];
        let key = Key::new(Path::new("/bundled"), Vec::new());
        let bytes = encode(&key, &cases, &Index::build(&cases)).unwrap();
        (bytes, key)
    }

    /// Recompute the checksums of a cache file's parts, so a change inside them reaches the
    /// decoder (what a file made on purpose could do).
    fn reseal(bytes: &mut [u8]) {
        let len = header_len(&bytes[..PREFIX]).unwrap();
        let mut header: Header = postcard::from_bytes(&bytes[PREFIX..PREFIX + len]).unwrap();
        let mut at = PREFIX + len;
        for p in &mut header.parts {
            let end = (at + p.len as usize).min(bytes.len());
            p.sum = XxHash3_64::oneshot(&bytes[at..end]);
            at = end;
        }
        let written = postcard::to_stdvec(&header).unwrap();
        bytes[PREFIX..PREFIX + len].copy_from_slice(&written);
    }

    /// Bytes changed inside the parts, with checksums that match: refused, or cases and an
    /// index that search and print without a panic.
    fn resealed_change_is_refused_or_works(changes: Vec<(f64, u8)>) {
        use crate::export::search::{Marks, TextOptions, to_json, to_text};
        let (mut bytes, key) = bundled_encoded();
        let start = PREFIX + header_len(&bytes[..PREFIX]).unwrap();
        for (place, byte) in changes {
            let at = start + ((bytes.len() - start - 1) as f64 * place) as usize;
            bytes[at] = byte;
        }
        reseal(&mut bytes);
        if let Ok((cases, index)) = decode(&bytes, &key) {
            for q in
                QUERIES
                    .iter()
                    .chain(&["party:M", "body:sdn kiosk", "\"varje tunnelbanestation\""])
            {
                let results = index.search(&cases, &Query::parse(q), 20);
                let opts = TextOptions {
                    lang: crate::i18n::Lang::En,
                    marks: Marks::Bold,
                    full: false,
                    width: 80,
                };
                to_text(&cases, &results, opts);
                to_json(&cases, &results);
                for case in &cases {
                    for i in 0..case.positions.len() {
                        let _ = case.text_of(i);
                    }
                }
            }
        }
    }

    fn changes() -> impl proptest::strategy::Strategy<Value = Vec<(f64, u8)>> {
        proptest::collection::vec((0.0f64..1.0, proptest::num::u8::ANY), 1..8)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn a_resealed_changed_file_never_panics(changes in changes()) {
            resealed_change_is_refused_or_works(changes);
        }
    }

    proptest::proptest! {
        // The long fuzz run of the cache decoder (see tests/cli/fuzz.rs): FUZZ_CASES, else 2,000.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
        ))]

        #[test]
        #[ignore = "long fuzz run: FUZZ_CASES=N cargo test --release --lib cache -- --ignored"]
        fn a_resealed_changed_file_never_panics_long(changes in changes()) {
            resealed_change_is_refused_or_works(changes);
        }
    }

    #[test]
    fn the_key_follows_every_case_file() {
        let dir = folder(2);
        let d = dir.path();
        let first = key_of(d);
        assert_eq!(key_of(d), first, "nothing changed");
        assert_eq!(first.files.len(), 2);
        // Not case files: notes, other files, sub-folders.
        std::fs::write(d.join("case-0000.notes.toml"), "format = 1\n").unwrap();
        std::fs::write(d.join("README.md"), "x").unwrap();
        std::fs::create_dir(d.join("sub.toml")).unwrap();
        assert_eq!(key_of(d), first);

        let file = d.join(corpus::case_file_name(1));
        let text = std::fs::read_to_string(&file).unwrap();
        // Size.
        std::fs::write(&file, format!("{text}# edited\n")).unwrap();
        age(&file);
        assert_ne!(key_of(d), first, "a file grew");
        // Modification time alone (same bytes).
        std::fs::write(&file, &text).unwrap();
        let f = std::fs::File::options().write(true).open(&file).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(120))
            .unwrap();
        let touched = key_of(d);
        assert_ne!(touched, first);
        f.set_modified(SystemTime::now() - Duration::from_secs(90))
            .unwrap();
        assert_ne!(key_of(d), touched, "only the time changed");

        // A file added, and removed again; a file renamed.
        let now = key_of(d);
        let added = d.join("case-0009.toml");
        std::fs::write(&added, corpus::generate_case(7, 9)).unwrap();
        assert_ne!(key_of(d), now, "a file added");
        std::fs::remove_file(&added).unwrap();
        assert_eq!(key_of(d), now, "and removed");
        std::fs::rename(&file, d.join("case-0005.toml")).unwrap();
        assert_ne!(key_of(d), now, "a file renamed");

        // A single file is keyed by itself.
        let one = key_of(&d.join(corpus::case_file_name(0)));
        assert_eq!(one.files.len(), 1);
        assert_ne!(one.path, now.path);
    }

    #[test]
    fn a_key_of_another_build_or_path_is_stale() {
        let (_dir, _, _, key, bytes) = encoded(1);
        let mut other = key.clone();
        other.version.push_str("-other");
        assert_eq!(decode(&bytes, &other).err(), Some(Miss::Stale));
        let mut other = key.clone();
        other.build = other.build.map(|(size, t)| (size + 1, t));
        assert_eq!(decode(&bytes, &other).err(), Some(Miss::Stale));
        let mut other = key.clone();
        other.path.push(b'x');
        assert_eq!(decode(&bytes, &other).err(), Some(Miss::Stale));
        let mut other = key;
        other.files[0].size += 1;
        assert_eq!(decode(&bytes, &other).err(), Some(Miss::Stale));
    }

    #[test]
    fn corrupt_truncated_and_foreign_files_are_not_trusted() {
        let (_dir, _, _, key, bytes) = encoded(2);
        assert!(decode(&bytes, &key).is_ok());
        assert_eq!(decode(b"", &key).err(), Some(Miss::Foreign));
        assert_eq!(
            decode(b"format = 1\n[case]\nid = \"x\"\n", &key).err(),
            Some(Miss::Foreign)
        );
        // Another format.
        let mut other = bytes.clone();
        other[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        assert_eq!(
            decode(&other, &key).err(),
            Some(Miss::OtherFormat(FORMAT + 1))
        );
        // Cut anywhere, or with a byte changed anywhere: refused, never a panic.
        let step = (bytes.len() / 300).max(1);
        for len in (0..bytes.len()).step_by(step) {
            assert!(decode(&bytes[..len], &key).is_err(), "cut at {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer, &key).err(), Some(Miss::Corrupt));
        for at in (0..bytes.len()).step_by(step) {
            let mut changed = bytes.clone();
            changed[at] ^= 0x41;
            assert!(decode(&changed, &key).is_err(), "byte {at} changed");
        }
    }

    #[test]
    fn cases_that_do_not_hold_together_are_refused() {
        let dir = folder(1);
        let ws = model::load_path(dir.path()).unwrap();
        let index = Index::build(&ws.cases);
        let key = key_of(dir.path());
        let mut cases = ws.cases.clone();
        cases[0].positions[0].body = cases[0].bodies.len();
        let bytes = encode(&key, &cases, &index).unwrap();
        assert_eq!(decode(&bytes, &key).err(), Some(Miss::Corrupt));
        // An index of other cases (another number of paragraphs).
        let mut cases = ws.cases.clone();
        cases[0].proposal.push("Ett stycke till.".into());
        let bytes = encode(&key, &cases, &index).unwrap();
        assert_eq!(decode(&bytes, &key).err(), Some(Miss::Corrupt));
    }

    #[test]
    fn load_indexed_reads_what_it_wrote_until_a_file_changes() {
        let dir = folder(3);
        let cache_dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(cache_dir.path().join("remiss"));
        let mut first = load_indexed(dir.path(), Some(&cache)).unwrap();
        assert!(!first.from_cache);
        assert!(first.write_cache(), "settled files are cached");
        assert!(!first.write_cache(), "once");
        let second = load_indexed(dir.path(), Some(&cache)).unwrap();
        assert!(second.from_cache);
        assert!(second.workspace.problems.is_empty());
        assert_eq!(
            shown(&second.workspace.cases),
            shown(&first.workspace.cases)
        );
        let paths = |i: &Indexed| -> Vec<Option<PathBuf>> {
            i.workspace.cases.iter().map(|c| c.path.clone()).collect()
        };
        assert_eq!(paths(&second), paths(&first));
        assert!(paths(&first).iter().all(Option::is_some));
        same_search(
            (&first.workspace.cases, &first.index),
            (&second.workspace.cases, &second.index),
        );
        // Without a cache: loaded, nothing to write.
        let mut plain = load_indexed(dir.path(), None).unwrap();
        assert!(!plain.from_cache && !plain.write_cache());

        // An edit: loaded again, and (just modified) not cached until it has settled.
        let file = dir.path().join(corpus::case_file_name(2));
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replacen("title = \"", "title = \"Ändrad: ", 1)).unwrap();
        let mut edited = load_indexed(dir.path(), Some(&cache)).unwrap();
        assert!(!edited.from_cache);
        assert!(edited.workspace.cases[2].title.starts_with("Ändrad: "));
        assert!(!edited.write_cache());
        age(&file);
        let mut edited = load_indexed(dir.path(), Some(&cache)).unwrap();
        assert!(!edited.from_cache);
        assert!(edited.write_cache());
        let again = load_indexed(dir.path(), Some(&cache)).unwrap();
        assert!(again.from_cache);
        assert!(again.workspace.cases[2].title.starts_with("Ändrad: "));

        // One file loaded by itself has its own cache file.
        let mut one = load_indexed(&file, Some(&cache)).unwrap();
        assert!(!one.from_cache && one.write_cache());
        let one = load_indexed(&file, Some(&cache)).unwrap();
        assert!(one.from_cache);
        assert_eq!(one.workspace.cases[0].path.as_deref(), Some(file.as_path()));
        assert_eq!(std::fs::read_dir(&cache.dir).unwrap().count(), 2);
    }

    #[test]
    fn a_workspace_with_problems_is_not_cached() {
        let dir = folder(2);
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "format = 1\n[case]\nid = \n").unwrap();
        age(&bad);
        let cache_dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(cache_dir.path());
        for _ in 0..2 {
            let mut loaded = load_indexed(dir.path(), Some(&cache)).unwrap();
            assert!(!loaded.from_cache);
            assert_eq!(loaded.workspace.problems.len(), 1);
            assert_eq!(loaded.workspace.cases.len(), 2);
            assert!(!loaded.write_cache());
        }
        assert_eq!(std::fs::read_dir(cache_dir.path()).unwrap().count(), 0);
        // A path that cannot be read is loading's error.
        let missing = load_indexed(&dir.path().join("nothing"), Some(&cache)).unwrap_err();
        assert!(missing.to_string().contains("no such file"), "{missing}");
    }

    #[test]
    fn a_garbage_cache_file_is_replaced() {
        let dir = folder(1);
        let cache_dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(cache_dir.path());
        let file = cache.file_for(&key_of(dir.path()));
        std::fs::write(&file, b"remiss\0c garbage").unwrap();
        let mut loaded = load_indexed(dir.path(), Some(&cache)).unwrap();
        assert!(!loaded.from_cache);
        assert!(loaded.write_cache());
        assert!(std::fs::read(&file).unwrap().len() > 100);
        assert!(load_indexed(dir.path(), Some(&cache)).unwrap().from_cache);
    }

    /// A FIFO where the cache file goes is neither read (it would block) nor replaced.
    #[cfg(unix)]
    #[test]
    fn a_fifo_as_the_cache_file_is_left_alone() {
        let dir = folder(1);
        let cache_dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(cache_dir.path());
        let file = cache.file_for(&key_of(dir.path()));
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&file)
                .status()
                .unwrap()
                .success()
        );
        let mut loaded = load_indexed(dir.path(), Some(&cache)).unwrap();
        assert!(!loaded.from_cache);
        assert!(!loaded.write_cache());
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata(&file).unwrap().file_type().is_fifo());
    }

    #[test]
    fn the_cache_folder_comes_from_the_environment() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(name, _)| *name == k)
                    .map(|(_, v)| std::ffi::OsString::from(v))
            }
        };
        let dir = |pairs| Cache::from_vars(vars(pairs)).map(|c| c.dir);
        assert_eq!(
            dir(&[("REMISS_CACHE_DIR", "/tmp/c"), ("XDG_CACHE_HOME", "/x")]),
            Some(PathBuf::from("/tmp/c"))
        );
        assert_eq!(
            dir(&[("REMISS_NO_CACHE", "1"), ("REMISS_CACHE_DIR", "/c")]),
            None
        );
        assert_eq!(
            dir(&[("REMISS_NO_CACHE", "0"), ("REMISS_CACHE_DIR", "/c")]),
            Some(PathBuf::from("/c"))
        );
        if cfg!(unix) {
            assert_eq!(
                dir(&[("XDG_CACHE_HOME", "/x"), ("HOME", "/h")]),
                Some(PathBuf::from("/x/remiss"))
            );
            // A relative XDG_CACHE_HOME is ignored, as the specification says.
            assert_eq!(
                dir(&[("XDG_CACHE_HOME", "x"), ("HOME", "/h")]),
                Some(PathBuf::from("/h/.cache/remiss"))
            );
            assert_eq!(dir(&[]), None);
        }
    }

    #[test]
    fn settled_means_modified_two_seconds_ago() {
        let dir = folder(1);
        let key = key_of(dir.path());
        let modified = key.files[0].modified;
        let s = 1_000_000_000;
        assert!(key.is_settled(modified + SETTLE_SECONDS * s));
        assert!(!key.is_settled(modified + SETTLE_SECONDS * s - 1));
    }
}
