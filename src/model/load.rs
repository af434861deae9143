//! Loading and validating case files: strict, and every problem of a file at once.

use super::error::{IdOf, KeyTable, Problem, ProblemKind, Thing, ValueOf};
use super::file::{self, CaseFile, FORMAT_VERSION, KNOWN_KEYS};
use super::pieces::{self, Header, Piece, PieceError, Split, TooManyTokens};
use super::{
    Body, Case, Choice, Evidence, Fact, Majority, MemberVote, Move, Party, PartyVote, Point,
    Position, Review, Section, Signatory, Source, Stance, Tally, Vote, VoteMethod, Workspace,
};
use crate::atomic::FileError;
use crate::text::{self, clean};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The case that ships inside the binary, so an installed `remiss` works from any folder.
pub const BUNDLED_CASE: &str = include_str!("../../cases/trygghetskiosker.toml");

/// A case file larger than this is refused unread (the largest real statement is well under
/// 1 MB; a generated year of 500 cases is about 25 MB in all).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The largest count or number a case file may give (a vote's counts, a reservation's number).
pub const MAX_COUNT: i64 = 1_000_000;

/// Load the bundled case.
pub fn load_bundled() -> Case {
    match parse_case(
        BUNDLED_CASE,
        "<bundled trygghetskiosker.toml>",
        "trygghetskiosker",
    ) {
        Ok(case) => case,
        // The bundled case is checked by the test suite; reaching this is a build error.
        Err(problems) => unreachable!("the bundled case is invalid: {problems:?}"),
    }
}

/// Load a file, or every `*.toml` case file in a folder (notes files are skipped). A folder
/// with a bad file still loads the good ones; the bad file's problems are in
/// [`Workspace::problems`]. A path that does not exist or cannot be read is an `Err`.
pub fn load_path(path: &Path) -> Result<Workspace, Box<Problem>> {
    Ok(load_listed(&case_files(path)?))
}

/// The case files [`load_path`] reads for `path`, in the order it reads them: the path itself
/// for a file, else the folder's `*.toml` files (not `*.notes.toml`), sorted.
pub fn case_files(path: &Path) -> Result<Vec<PathBuf>, Box<Problem>> {
    let label = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        Box::new(Problem::file(
            &label,
            ProblemKind::CannotRead(FileError::of(&e)),
        ))
    })?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| {
        Box::new(Problem::file(
            &label,
            ProblemKind::CannotReadFolder(FileError::of(&e)),
        ))
    })?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_case_file(p))
        .collect();
    files.sort();
    Ok(files)
}

/// Load the files listed by [`case_files`] (on all cores), in order; cases whose id another
/// file already uses become problems.
pub fn load_listed(files: &[PathBuf]) -> Workspace {
    load_listed_with_progress(files, |_| {})
}

/// [`load_listed`], calling `progress(done)` as files are read (`done` of `files.len()`; from
/// the reading threads, one call at a time, not necessarily for every file).
pub fn load_listed_with_progress(
    files: &[PathBuf],
    progress: impl FnMut(usize) + Send,
) -> Workspace {
    let mut ws = Workspace::default();
    for loaded in load_files(files, std::sync::Mutex::new(progress)) {
        match loaded {
            Ok(case) => ws.cases.push(case),
            Err(mut problems) => ws.problems.append(&mut problems),
        }
    }
    check_unique_case_ids(&mut ws);
    ws
}

/// A `*.toml` entry of a folder that is not a notes file nor a folder. A FIFO, a device, a
/// dangling symbolic link or a loop of links named so is listed too: loading reports it
/// (it is not skipped silently).
fn is_case_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    p.extension().is_some_and(|e| e == "toml") && !name.ends_with(".notes.toml") && !p.is_dir()
}

/// Load `files` on as many threads as there are cores (at most 8), in order: a year of cases
/// loads about twice as fast on two cores.
type Loaded = Result<Case, Vec<Problem>>;

fn load_files<P: FnMut(usize) + Send>(
    files: &[PathBuf],
    progress: std::sync::Mutex<P>,
) -> Vec<Loaded> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(files.len());
    let done = std::sync::atomic::AtomicUsize::new(0);
    let read = |f: &PathBuf| {
        let loaded = load_file(f);
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        // Another thread reporting: this count is covered by the next report.
        if let Ok(mut report) = progress.try_lock() {
            report(n);
        }
        loaded
    };
    if threads <= 1 {
        return files.iter().map(read).collect();
    }
    // Each thread takes the next file; results go back to their place.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<Loaded>> = Vec::new();
    slots.resize_with(files.len(), || None);
    let done: Vec<Vec<(usize, Loaded)>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(f) = files.get(i) else { break };
                        mine.push((i, read(f)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (i, r) in done.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots.into_iter().flatten().collect()
}

fn check_unique_case_ids(ws: &mut Workspace) {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut keep = Vec::with_capacity(ws.cases.len());
    for case in std::mem::take(&mut ws.cases) {
        let file = case
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if let Some(first) = seen.get(&case.id) {
            let kind = ProblemKind::DuplicateCaseId {
                id: case.id.clone(),
                first: first.clone(),
            };
            ws.problems.push(match case.path.as_deref() {
                Some(path) => case_id_problem(path, &file, kind),
                None => Problem::file(&file, kind),
            });
        } else {
            seen.insert(case.id.clone(), file);
            keep.push(case);
        }
    }
    ws.cases = keep;
}

/// A problem about a case's id, at the `id` of its `[case]` table, else at the table (the id
/// then comes from the file's name). The file is read again: this is rare.
fn case_id_problem(path: &Path, label: &str, kind: ProblemKind) -> Problem {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        case: Spanned<CaseIdOnly>,
    }
    #[derive(serde::Deserialize)]
    struct CaseIdOnly {
        id: Option<Spanned<String>>,
    }
    let Ok(bytes) = read_limited(path, label) else {
        return Problem::file(label, kind);
    };
    let Ok(src) = std::str::from_utf8(&bytes) else {
        return Problem::file(label, kind);
    };
    // Only the `[case]` table is read, where the file splits.
    let parsed: Option<IdOnly> = match pieces::split(src) {
        Ok(Split::Pieces(pieces)) => pieces
            .iter()
            .find(|p| p.header == Header::Table("case".into()))
            .and_then(|p| pieces::parse_piece(src, p.range.clone()).ok()),
        Ok(Split::Whole) => toml::from_str(src).ok(),
        Err(_) => None,
    };
    match parsed {
        Some(parsed) => {
            let span = match &parsed.case.get_ref().id {
                Some(id) => id.span(),
                None => parsed.case.span(),
            };
            Problem::at(label, src, Some(span), kind).with_key("id")
        }
        None => Problem::file(label, kind),
    }
}

/// Load one case file.
pub fn load_file(path: &Path) -> Result<Case, Vec<Problem>> {
    let label = path.display().to_string();
    let bytes = read_limited(path, &label)?;
    let src = decode(&label, &bytes)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
    let mut case = parse_case(src, &label, &text::slug(stem))?;
    case.path = Some(path.to_path_buf());
    Ok(case)
}

/// The bytes of a case or notes file: a regular file (or this process's stdin given by
/// name) of at most [`MAX_FILE_BYTES`]; anything else is a problem naming what it is.
pub(crate) fn read_limited(path: &Path, label: &str) -> Result<Vec<u8>, Vec<Problem>> {
    use crate::atomic::{ReadError, read_regular};
    read_regular(path, MAX_FILE_BYTES).map_err(|e| {
        let kind = match e {
            ReadError::TooLarge { size, limit } => ProblemKind::TooLarge { size, limit },
            e => ProblemKind::CannotRead(e.reason()),
        };
        vec![Problem::file(label, kind)]
    })
}

/// Bytes to text: refuse binary files and invalid UTF-8 with the place of the first bad byte.
pub(crate) fn decode<'a>(label: &str, bytes: &'a [u8]) -> Result<&'a str, Vec<Problem>> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let (line, col) = byte_place(bytes, nul);
        return Err(vec![Problem {
            line: Some(line),
            column: Some(col),
            ..Problem::file(label, ProblemKind::Binary)
        }]);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s)),
        Err(e) => {
            let at = e.valid_up_to();
            let (line, col) = byte_place(bytes, at);
            Err(vec![Problem {
                line: Some(line),
                column: Some(col),
                ..Problem::file(label, ProblemKind::NotUtf8 { byte: bytes[at] })
            }])
        }
    }
}

fn byte_place(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

/// Parse and validate one case from TOML source. `file` names the source in problems;
/// `default_id` is the case id when the file gives none.
///
/// A source of more than [`WHOLE_UP_TO`] bytes is parsed one top-level table at a time
/// ([`pieces`]): the head of the file (everything but `[[positions]]`) first, then each
/// position, validated and turned into the domain's [`Position`] before the next is parsed,
/// so that memory stays near the size of the source and of the case it holds (the toml
/// crate holds about 40 bytes per byte of the document it parses). A smaller source, or one
/// whose shape does not split, is parsed whole: the same reading, without lexing it twice.
///
/// # Errors
/// Every problem of the file: the first TOML or type error alone (as the toml crate words
/// it), else every validation problem, in line order.
pub fn parse_case(src: &str, file: &str, default_id: &str) -> Result<Case, Vec<Problem>> {
    if src.len() <= WHOLE_UP_TO {
        parse_whole(src, file, default_id)
    } else {
        parse_in_pieces(src, file, default_id)
    }
}

/// Sources up to this size (bytes) are parsed whole: at most this many tokens, so at most
/// about 40 MB in the parser, even for a file of nothing but brackets. The largest real
/// statement is well under this; a year of cases in one file is far above it.
pub const WHOLE_UP_TO: usize = 256 * 1024;

fn builder<'a>(src: &'a str, file: &'a str) -> Builder<'a> {
    Builder {
        file,
        src,
        problems: Vec::new(),
    }
}

/// [`parse_case`] with the toml crate parsing the whole source at once.
fn parse_whole(src: &str, file: &str, default_id: &str) -> Result<Case, Vec<Problem>> {
    if src.trim().is_empty() {
        return Err(vec![Problem::at(file, src, Some(0..0), ProblemKind::Empty)]);
    }
    let mut raw: CaseFile = toml::from_str(src).map_err(|e| vec![toml_problem(file, src, &e)])?;
    let positions = std::mem::take(&mut raw.positions);
    builder(src, file).build(raw, positions.into_iter().map(Ok), default_id)
}

/// [`parse_case`] one top-level table at a time, or whole when the source does not split.
fn parse_in_pieces(src: &str, file: &str, default_id: &str) -> Result<Case, Vec<Problem>> {
    if src.trim().is_empty() {
        return Err(vec![Problem::at(file, src, Some(0..0), ProblemKind::Empty)]);
    }
    let pieces = match pieces::split(src) {
        Err(e) => return Err(vec![too_many_tokens(file, src, e)]),
        Ok(Split::Whole) => return parse_whole(src, file, default_id),
        Ok(Split::Pieces(pieces)) => pieces,
    };
    let toml_error = |e: PieceError| vec![piece_problem(file, src, &e.message, e.span)];
    let is_position = |p: &&Piece| matches!(&p.header, Header::Element(r) if r == "positions");
    let mut head = CaseFile::default();
    for piece in pieces.iter().filter(|p| !is_position(p)) {
        let part: CaseFile = pieces::parse_piece(src, piece.range.clone()).map_err(toml_error)?;
        head.merge(part);
    }
    let positions = pieces.iter().filter(is_position).flat_map(|piece| {
        match pieces::parse_piece::<CaseFile>(src, piece.range.clone()) {
            Ok(part) => part.positions.into_iter().map(Ok).collect::<Vec<_>>(),
            Err(e) => vec![Err(toml_error(e))],
        }
    });
    builder(src, file).build(head, positions, default_id)
}

/// The problem of a source with more tokens than the parser is given.
fn too_many_tokens(file: &str, src: &str, e: TooManyTokens) -> Problem {
    let kind = ProblemKind::TooManyTokens {
        limit: pieces::MAX_TOKENS,
    };
    Problem::at(file, src, Some(e.at..e.at), kind)
}

/// Parse a whole TOML document (a notes file) with the toml crate, after checking that it
/// has no more tokens than [`pieces::MAX_TOKENS`] (which bounds the parser's memory).
///
/// # Errors
/// The token limit's problem, or the toml crate's first error as a problem.
pub(crate) fn parse_toml<'a, T: serde::Deserialize<'a>>(
    file: &str,
    src: &'a str,
) -> Result<T, Vec<Problem>> {
    pieces::check_tokens(src).map_err(|e| vec![too_many_tokens(file, src, e)])?;
    toml::from_str(src).map_err(|e| vec![toml_problem(file, src, &e)])
}

/// Turn a TOML/serde error into a problem, with a suggestion for a misspelt key or value.
pub(crate) fn toml_problem(file: &str, src: &str, e: &toml::de::Error) -> Problem {
    piece_problem(file, src, e.message(), e.span())
}

/// [`toml_problem`] of an error's message and its span in `src`.
fn piece_problem(file: &str, src: &str, message: &str, span: Option<Range<usize>>) -> Problem {
    let msg = message.trim().to_string();
    let mut span = span;
    let mut key = None;
    let kind = if let Some(rest) = msg.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        key = Some(name.to_string());
        let expected = backticked(rest.get(name.len() + 1..).unwrap_or_default());
        let suggestion = suggest(
            name,
            expected
                .iter()
                .map(String::as_str)
                .chain(KNOWN_KEYS.iter().copied()),
        )
        .filter(|s| expected.contains(s) || expected.is_empty());
        ProblemKind::UnknownKey {
            name: name.to_string(),
            suggestion,
            expected,
        }
    } else if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let name = rest.split('`').next().unwrap_or_default();
        let expected = backticked(rest.get(name.len() + 1..).unwrap_or_default());
        // Facts and stances share `answered`: a list naming a body's fact is of facts.
        let (of, what) = if expected.iter().any(|e| e == Fact::MeetingDate.as_str()) {
            (ValueOf::Fact, "fact")
        } else if expected.iter().any(|e| Stance::parse(e).is_some()) {
            (ValueOf::Stance, "stance")
        } else if expected.iter().any(|e| Review::parse(e).is_some()) {
            (ValueOf::Review, "review")
        } else if expected.iter().any(|e| e == "acclamation") {
            (ValueOf::Method, "method")
        } else if expected.iter().any(|e| e == "abstain") {
            (ValueOf::Vote, "vote")
        } else {
            (ValueOf::Kind, "kind")
        };
        key = Some(what.to_string());
        ProblemKind::UnknownValue {
            of,
            name: name.to_string(),
            suggestion: suggest(name, expected.iter().map(String::as_str)),
            valid: expected,
        }
    } else if msg == "recursion limit" {
        ProblemKind::TooDeep
    } else if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        key = Some(name.to_string());
        let (table, at) = missing_field_place(src, name);
        span = at.map(|a| a..a);
        ProblemKind::MissingKey {
            name: name.to_string(),
            table,
        }
    } else {
        ProblemKind::Toml { detail: msg }
    };
    // Errors the parser gives without a place (nesting too deep for the deserializer: keys
    // dotted thousands of times) point at the most deeply nested line.
    let span = span.or_else(|| Some(deepest_line(src)..deepest_line(src)));
    let mut p = Problem::at(file, src, span, kind);
    p.key = key.map(|k| text::escape(&k));
    p
}

/// The byte offset of the start of the line that nests deepest: the most dots in a key or
/// table header, or the most open brackets and braces, outside strings (a rough count: it
/// only has to find the line that broke the parser's recursion limit).
fn deepest_line(src: &str) -> usize {
    let mut best = (0, 0);
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let mut depth = 0usize;
        let mut in_string = None;
        for c in line.chars() {
            match (in_string, c) {
                (Some(q), c) if c == q => in_string = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => in_string = Some(c),
                (None, '.' | '[' | '{') => depth += 1,
                (None, '#') => break,
                _ => {}
            }
        }
        if depth > best.0 {
            best = (depth, offset);
        }
        offset += line.len();
    }
    best.1
}

fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The closest candidate within a small edit distance.
pub(crate) fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    candidates
        .map(|c| (strsim::damerau_levenshtein(name, c), c))
        // A candidate that shares nothing with the name (`KD` -> `S`) is no suggestion.
        .filter(|(d, c)| {
            *d > 0 && *d <= 2.max(c.len() / 4) && *d < name.chars().count().max(c.chars().count())
        })
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c.to_string())
}

/// Which table a required key belongs to, and where the first such table lacking it starts.
fn missing_field_place(src: &str, key: &str) -> (KeyTable, Option<usize>) {
    let (table, header) = match key {
        "format" | "case" => return (KeyTable::TopLevel, Some(0)),
        "dnr" | "title" | "kind" if has_header(src, "[case]") => (KeyTable::Case, "[case]"),
        "code" => (KeyTable::Parties, "[[parties]]"),
        "parties" => (KeyTable::Majority, "[majority]"),
        "body" | "stance" => (KeyTable::Positions, "[[positions]]"),
        "id" if !src.contains("[[bodies]]") => (KeyTable::Sections, "[[case.sections]]"),
        "name" | "id" | "kind" => (KeyTable::BodiesOrOthers, "[[bodies]]"),
        "title" | "text" => (KeyTable::Sections, "[[case.sections]]"),
        _ => (KeyTable::Some, ""),
    };
    // Find the first header of that table whose body lacks the key.
    let mut offset = 0;
    let mut found = None;
    for line in src.split_inclusive('\n') {
        let bare = line.split('#').next().unwrap_or_default().trim();
        if !header.is_empty() && bare == header && found.is_none() {
            let rest = &src[offset + line.len()..];
            let end = rest.find("\n[").map_or(rest.len(), |e| e + 1);
            let has = rest[..end]
                .lines()
                .any(|l| l.trim_start().split(['=', ' ']).next() == Some(key));
            if !has {
                found = Some(offset);
            }
        }
        offset += line.len();
    }
    (table, found)
}

fn has_header(src: &str, header: &str) -> bool {
    src.lines().any(|l| l.trim() == header)
}

struct Builder<'a> {
    file: &'a str,
    src: &'a str,
    problems: Vec<Problem>,
}

impl Builder<'_> {
    fn error<T>(&mut self, at: &Spanned<T>, key: &str, kind: ProblemKind) {
        self.error_at(at.span(), key, kind);
    }

    fn error_at(&mut self, span: Range<usize>, key: &str, kind: ProblemKind) {
        self.problems
            .push(Problem::at(self.file, self.src, Some(span), kind).with_key(key));
    }

    fn date(
        &mut self,
        key: &str,
        value: &Option<Spanned<toml::value::Datetime>>,
    ) -> Option<NaiveDate> {
        let v = value.as_ref()?;
        let dt = v.get_ref();
        match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                let date = NaiveDate::from_ymd_opt(
                    i32::from(d.year),
                    u32::from(d.month),
                    u32::from(d.day),
                );
                if date.is_none() {
                    self.error(v, key, ProblemKind::NotRealDate { key: key.into() });
                }
                date
            }
            _ => {
                self.error(v, key, ProblemKind::DateWithTime { key: key.into() });
                None
            }
        }
    }

    fn party_ref(&mut self, known: &HashSet<String>, code: &Spanned<String>, key: &str) -> String {
        let c = clean(code.get_ref());
        if !known.contains(&c) {
            let mut declared: Vec<_> = known.iter().cloned().collect();
            declared.sort();
            let kind = ProblemKind::UnknownParty {
                suggestion: suggest(&c, known.iter().map(String::as_str)),
                code: c.clone(),
                declared,
            };
            self.error(code, key, kind);
        }
        c
    }

    fn signatories(
        &mut self,
        known: &HashSet<String>,
        raw: &[file::SignatoryTable],
    ) -> Vec<Signatory> {
        raw.iter()
            .map(|s| Signatory {
                name: text::squash_whitespace(&clean(&s.name)),
                party: s.party.as_ref().map(|p| self.party_ref(known, p, "party")),
            })
            .collect()
    }

    /// Validate `[[positions.evidence]]` (`of_position`) or `[[bodies.evidence]]`: a fact of
    /// that table that the table states (`has`), a rule and a sentence, and `lines = [first,
    /// last]` with 1 ≤ first ≤ last.
    fn evidence(
        &mut self,
        raw: &[Spanned<file::EvidenceTable>],
        of_position: bool,
        has: impl Fn(Fact) -> bool,
    ) -> Vec<Evidence> {
        let mut out = Vec::with_capacity(raw.len());
        for e in raw {
            let t = e.get_ref();
            let fact = *t.fact.get_ref();
            if fact.of_position() != of_position {
                self.error(
                    &t.fact,
                    "fact",
                    ProblemKind::EvidenceWrongTable { fact, of_position },
                );
            } else if !has(fact) {
                self.error(&t.fact, "fact", ProblemKind::EvidenceNotStated { fact });
            }
            let rule = text::squash_whitespace(&clean(t.rule.get_ref()));
            if rule.is_empty() {
                self.error(&t.rule, "rule", ProblemKind::EmptyRule);
            }
            let sentence = text::squash_whitespace(&clean(t.sentence.get_ref()));
            if sentence.is_empty() {
                self.error(&t.sentence, "sentence", ProblemKind::EmptySentence);
            }
            let lines = match t.lines.get_ref().as_slice() {
                &[first, last] if first >= 1 && first <= last => (
                    usize::try_from(first).unwrap_or(usize::MAX),
                    usize::try_from(last).unwrap_or(usize::MAX),
                ),
                _ => {
                    self.error(&t.lines, "lines", ProblemKind::BadLines);
                    (1, 1)
                }
            };
            out.push(Evidence {
                fact,
                review: *t.review.get_ref(),
                rule,
                sentence,
                lines,
                note: t.note.as_deref().map(clean),
            });
        }
        out
    }

    /// A count or number: a whole number from 0 to [`MAX_COUNT`].
    fn count(&mut self, v: &Spanned<i64>, key: &str) -> Option<u32> {
        match u32::try_from(*v.get_ref()) {
            Ok(n) if i64::from(n) <= MAX_COUNT => Some(n),
            _ => {
                self.error(
                    v,
                    key,
                    ProblemKind::CountRange {
                        key: key.into(),
                        max: MAX_COUNT,
                    },
                );
                None
            }
        }
    }

    fn tally(
        &mut self,
        yes: &Option<Spanned<i64>>,
        no: &Option<Spanned<i64>>,
        abstain: &Option<Spanned<i64>>,
        absent: &Option<Spanned<i64>>,
    ) -> Tally {
        Tally {
            yes: yes.as_ref().and_then(|v| self.count(v, "yes")),
            no: no.as_ref().and_then(|v| self.count(v, "no")),
            abstain: abstain.as_ref().and_then(|v| self.count(v, "abstain")),
            absent: absent.as_ref().and_then(|v| self.count(v, "absent")),
        }
    }

    /// The decision points, and their index by id.
    fn points(
        &mut self,
        raw: &[Spanned<file::PointTable>],
        body_index: &HashMap<String, usize>,
        party_codes: &HashSet<String>,
    ) -> (Vec<Point>, HashMap<String, usize>) {
        let mut points = Vec::new();
        let mut index = HashMap::new();
        for sp in raw {
            let p = sp.get_ref();
            let id = clean(p.id.get_ref());
            if id.is_empty() || id.chars().any(|c| c.is_whitespace() || c == '/') {
                self.error(&p.id, "id", ProblemKind::BadId(IdOf::Point));
            }
            if index.insert(id.clone(), points.len()).is_some() {
                self.error(&p.id, "id", twice(Thing::Point, &id));
            }
            let body = p.body.as_ref().and_then(|b| {
                let name = clean(b.get_ref());
                let found = body_index.get(&name).copied();
                if found.is_none() {
                    let kind = ProblemKind::UnknownBody {
                        suggestion: suggest(&name, body_index.keys().map(String::as_str)),
                        name,
                        none_declared: false,
                    };
                    self.error(b, "body", kind);
                }
                found
            });
            let moves = p
                .moves
                .iter()
                .map(|m| Move {
                    name: text::squash_whitespace(&clean(&m.name)),
                    party: m
                        .party
                        .as_ref()
                        .map(|c| self.party_ref(party_codes, c, "party")),
                    text: text::squash_whitespace(&clean(&m.text)),
                })
                .collect();
            let vote = p.vote.as_ref().map(|v| self.vote(v, party_codes));
            let paras =
                |t: &Option<String>| t.as_deref().map(text::clean_paragraphs).unwrap_or_default();
            points.push(Point {
                id,
                title: text::squash_whitespace(&clean(&p.title)),
                body,
                proposal: paras(&p.proposal),
                decision: paras(&p.decision),
                moves,
                propositions: paras(&p.propositions),
                vote,
            });
        }
        (points, index)
    }

    /// A vote, checked: acclamation has no counts; the parties' and the members' votes add up
    /// to the counts; a stated winner agrees with them.
    fn vote(&mut self, sv: &Spanned<file::VoteTable>, party_codes: &HashSet<String>) -> Vote {
        let v = sv.get_ref();
        let tally = self.tally(&v.yes, &v.no, &v.abstain, &v.absent);
        let mut parties = Vec::new();
        for spv in &v.parties {
            let pv = spv.get_ref();
            let party = self.party_ref(party_codes, &pv.party, "party");
            if parties.iter().any(|p: &PartyVote| p.party == party) {
                self.error(
                    &pv.party,
                    "party",
                    ProblemKind::PartyVotedTwice {
                        party: party.clone(),
                    },
                );
            }
            let tally = self.tally(&pv.yes, &pv.no, &pv.abstain, &pv.absent);
            parties.push(PartyVote { party, tally });
        }
        let members: Vec<MemberVote> = v
            .members
            .iter()
            .map(|m| MemberVote {
                name: text::squash_whitespace(&clean(&m.name)),
                party: m
                    .party
                    .as_ref()
                    .map(|c| self.party_ref(party_codes, c, "party")),
                choice: m.vote,
            })
            .collect();
        if v.method == VoteMethod::Acclamation
            && (!tally.is_empty() || !parties.is_empty() || !members.is_empty())
        {
            self.error(sv, "method", ProblemKind::AcclamationWithCounts);
        }
        for c in Choice::ALL {
            let Some(total) = tally.get(c) else { continue };
            let by_party: Option<u32> = if parties.is_empty() {
                None
            } else {
                parties.iter().map(|p| p.tally.get(c)).sum()
            };
            let at = match c {
                Choice::Yes => v.yes.as_ref(),
                Choice::No => v.no.as_ref(),
                Choice::Abstain => v.abstain.as_ref(),
                Choice::Absent => v.absent.as_ref(),
            };
            let Some(at) = at else { continue };
            if let Some(sum) = by_party
                && sum != total
            {
                self.error(
                    at,
                    c.as_str(),
                    ProblemKind::PartyVotesDisagree {
                        choice: c.as_str().into(),
                        sum,
                        total,
                    },
                );
            }
            if !members.is_empty() {
                let n = members.iter().filter(|m| m.choice == c).count();
                if n != total as usize {
                    self.error(
                        at,
                        c.as_str(),
                        ProblemKind::MemberVotesDisagree {
                            choice: c.as_str().into(),
                            members: n,
                            total,
                        },
                    );
                }
            }
        }
        let mut vote = Vote {
            method: v.method,
            tally,
            yes_for: v
                .yes_for
                .as_deref()
                .map(|s| text::squash_whitespace(&clean(s))),
            no_for: v
                .no_for
                .as_deref()
                .map(|s| text::squash_whitespace(&clean(s))),
            winner: None,
            parties,
            members,
        };
        if let Some(w) = &v.winner {
            let by_counts = vote.winner();
            if !matches!(w.get_ref(), Choice::Yes | Choice::No) {
                self.error(w, "winner", ProblemKind::WinnerNotYesNo);
            } else if by_counts.is_some_and(|c| c != *w.get_ref()) {
                self.error(w, "winner", ProblemKind::WinnerContradicts);
            }
            vote.winner = Some(*w.get_ref());
        }
        vote
    }

    /// Validate the file's head (`raw`, whose own `positions` are ignored) and its
    /// positions, which arrive one at a time (each dropped once it is a [`Position`]); a
    /// position that could not be parsed ends the build with that problem alone.
    fn build<'t>(
        mut self,
        raw: CaseFile<'t>,
        tables: impl Iterator<Item = Result<Spanned<file::PositionTable<'t>>, Vec<Problem>>>,
        default_id: &str,
    ) -> Result<Case, Vec<Problem>> {
        // Required keys, in the order serde would name them missing.
        let missing = |key: &str| {
            vec![piece_problem(
                self.file,
                self.src,
                &format!("missing field `{key}`"),
                None,
            )]
        };
        let Some(format) = &raw.format else {
            return Err(missing("format"));
        };
        let Some(c) = &raw.case else {
            return Err(missing("case"));
        };
        if *format.get_ref() != FORMAT_VERSION {
            self.error(
                format,
                "format",
                ProblemKind::FormatVersion {
                    found: *format.get_ref(),
                    reads: FORMAT_VERSION,
                },
            );
        }

        // Parties.
        let mut parties = Vec::new();
        let mut party_codes = HashSet::new();
        for p in &raw.parties {
            let code = clean(p.code.get_ref());
            if code.is_empty() || code.chars().any(char::is_whitespace) {
                self.error(&p.code, "code", ProblemKind::BadId(IdOf::PartyCode));
            }
            if !party_codes.insert(code.clone()) {
                self.error(&p.code, "code", twice(Thing::Party, &code));
            }
            let colour = p.colour.as_ref().and_then(|c| {
                let rgb = parse_colour(c.get_ref());
                if rgb.is_none() {
                    self.error(c, "colour", ProblemKind::BadColour);
                }
                rgb
            });
            parties.push(Party {
                code,
                name: clean(&p.name),
                colour,
            });
        }
        let majority = raw.majority.as_ref().map(|m| Majority {
            name: m.name.as_deref().map(clean),
            parties: m
                .parties
                .iter()
                .map(|c| self.party_ref(&party_codes, c, "parties"))
                .collect(),
        });

        // Case.
        let id = match &c.id {
            Some(id) => {
                let v = clean(id.get_ref());
                if !is_id(&v) {
                    self.error(id, "id", ProblemKind::BadId(IdOf::Case));
                }
                v
            }
            None => default_id.to_string(),
        };
        let date = self.date("date", &c.date);
        let motion_date = self.date("motion_date", &c.motion_date);
        let authors = self.signatories(&party_codes, &c.authors);
        let mut section_ids = HashSet::new();
        let mut sections = Vec::new();
        for s in &c.sections {
            let s_id = clean(s.get_ref().id.get_ref());
            if !section_ids.insert(s_id.clone()) {
                self.error(&s.get_ref().id, "id", twice(Thing::Section, &s_id));
            }
            let paras = text::clean_paragraphs(&s.get_ref().text);
            if paras.is_empty() {
                self.error(s, "text", ProblemKind::EmptySection { id: s_id.clone() });
            }
            sections.push(Section {
                id: s_id,
                title: clean(&s.get_ref().title),
                paragraphs: paras,
            });
        }

        // Bodies.
        let mut bodies: Vec<Body> = Vec::new();
        let mut body_index: HashMap<String, usize> = HashMap::new();
        for b in &raw.bodies {
            let b_id = clean(b.id.get_ref());
            if !is_id(&b_id) {
                self.error(&b.id, "id", ProblemKind::BadId(IdOf::Body));
            }
            if body_index.insert(b_id.clone(), bodies.len()).is_some() {
                self.error(&b.id, "id", twice(Thing::Body, &b_id));
            }
            let has = |fact: Fact| match fact {
                Fact::MeetingDate => b.meeting_date.is_some(),
                Fact::OpinionDate => b.opinion_date.is_some(),
                _ => true,
            };
            let evidence = self.evidence(&b.evidence, false, has);
            bodies.push(Body {
                id: b_id,
                name: text::squash_whitespace(&clean(&b.name)),
                kind: b.kind,
                administration: b.administration.as_deref().map(clean),
                opinion_date: self.date("opinion_date", &b.opinion_date),
                meeting_date: self.date("meeting_date", &b.meeting_date),
                decision: b
                    .decision
                    .as_deref()
                    .map(text::clean_paragraphs)
                    .unwrap_or_default(),
                answered: b.answered,
                evidence,
            });
        }

        let (points, point_index) = self.points(&raw.points, &body_index, &party_codes);

        // Positions, first pass: everything but the links between positions.
        let mut positions: Vec<Position> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut links = Vec::new();
        // The file's table of each position in `positions`, for problems found later.
        let mut position_spans = Vec::new();
        for sp in tables {
            let mut sp = sp?;
            // Taken, so that a long text is split in its own buffer (never held twice).
            let own_text = sp.get_mut().text.take();
            let p = sp.get_ref();
            let body_ref = clean(p.body.get_ref());
            let body = match body_index.get(&body_ref) {
                Some(&i) => i,
                None => {
                    let suggestion = suggest(&body_ref, body_index.keys().map(String::as_str));
                    let kind = ProblemKind::UnknownBody {
                        none_declared: suggestion.is_none() && bodies.is_empty(),
                        suggestion,
                        name: body_ref,
                    };
                    self.error(&p.body, "body", kind);
                    continue;
                }
            };
            let stance = *p.stance.get_ref();
            let signatories = self.signatories(&party_codes, &p.signatories);
            let mut parties: Vec<String> = Vec::new();
            for code in &p.parties {
                let c = self.party_ref(&party_codes, code, "parties");
                if !parties.contains(&c) {
                    parties.push(c);
                }
            }
            for s in &signatories {
                if let Some(party) = &s.party
                    && !parties.contains(party)
                {
                    if !p.parties.is_empty() {
                        self.error(
                            &sp,
                            "parties",
                            ProblemKind::SignatoryParty {
                                name: s.name.clone(),
                                party: party.clone(),
                            },
                        );
                    }
                    parties.push(party.clone());
                }
            }
            let paras = own_text.map(text::clean_paragraphs_cow).unwrap_or_default();
            let mut point: Vec<usize> = Vec::new();
            if let Some(pt) = &p.point {
                let ids: Option<Vec<&str>> = match pt.get_ref() {
                    toml::Value::String(s) => Some(vec![s.as_str()]),
                    toml::Value::Array(a) if !a.is_empty() => {
                        a.iter().map(toml::Value::as_str).collect()
                    }
                    _ => None,
                };
                match ids {
                    None => self.error(pt, "point", ProblemKind::PointShape),
                    Some(ids) => {
                        for id in ids {
                            let id = clean(id);
                            match point_index.get(&id) {
                                Some(&i) if !point.contains(&i) => point.push(i),
                                Some(_) => {}
                                None => {
                                    let suggestion =
                                        suggest(&id, point_index.keys().map(String::as_str));
                                    let kind = ProblemKind::UnknownPoint {
                                        none_declared: suggestion.is_none() && points.is_empty(),
                                        suggestion,
                                        id,
                                    };
                                    self.error(pt, "point", kind);
                                }
                            }
                        }
                    }
                }
            }
            let number = p.number.as_ref().and_then(|n| self.count(n, "number"));
            if p.reasons_only && stance != Stance::Reservation {
                self.error(&sp, "reasons_only", ProblemKind::ReasonsOnly);
            }
            let id = match &p.id {
                Some(explicit) => {
                    let v = clean(explicit.get_ref());
                    if v.is_empty() || v.chars().any(char::is_whitespace) {
                        self.error(explicit, "id", ProblemKind::BadId(IdOf::Position));
                    }
                    v
                }
                None => match point.first().copied() {
                    Some(pt) => derive_position_id(
                        &format!("{}/{}", bodies[body].id, points[pt].id),
                        stance,
                        &parties,
                    ),
                    None => derive_position_id(&bodies[body].id, stance, &parties),
                },
            };
            if ids.contains_key(&id) {
                self.error(
                    &sp,
                    "id",
                    ProblemKind::DuplicatePositionId { id: id.clone() },
                );
            } else {
                ids.insert(id.clone(), positions.len());
            }
            if stance == Stance::NoAnswer && (!paras.is_empty() || !signatories.is_empty()) {
                self.error(&sp, "stance", ProblemKind::NoAnswerWithText);
            }
            if !bodies[body].answered {
                let body = bodies[body].id.clone();
                self.error(&p.body, "body", ProblemKind::BodyNotAnswered { body });
            }
            let needs_text =
                stance.needs_text() && p.identical_to.is_none() && p.concurs_with.is_none();
            if needs_text && paras.is_empty() {
                self.error(&sp, "text", ProblemKind::NeedsText { stance });
            }
            let has = |fact: Fact| match fact {
                Fact::IdenticalTo => p.identical_to.is_some(),
                Fact::ConcursWith => p.concurs_with.is_some(),
                Fact::Date => p.date.is_some(),
                // A members' statement names its parties, or says it found none.
                Fact::Parties => !parties.is_empty() || stance.needs_text(),
                Fact::Point => !point.is_empty(),
                Fact::Number => p.number.is_some(),
                _ => true,
            };
            let evidence = self.evidence(&p.evidence, true, has);
            if p.identical_to.is_some() || p.concurs_with.is_some() {
                links.push((
                    positions.len(),
                    p.identical_to.clone(),
                    p.concurs_with.clone(),
                ));
            }
            position_spans.push(sp.span());
            positions.push(Position {
                id,
                body,
                stance,
                parties,
                signatories,
                byline: p
                    .byline
                    .as_deref()
                    .map(|b| text::squash_whitespace(&clean(b))),
                author: p.author.as_deref().map(clean),
                date: self.date("date", &p.date),
                proposals: p
                    .proposals
                    .iter()
                    .map(|s| text::squash_whitespace(&clean(s)))
                    .collect(),
                paragraphs: paras,
                identical_to: None,
                concurs_with: None,
                text_from: None,
                evidence,
                points: point,
                number,
                reasons_only: p.reasons_only,
            });
        }

        // Second pass: links.
        for (i, identical, concurs) in links {
            for (key, link) in [("identical_to", identical), ("concurs_with", concurs)] {
                let Some(link) = link else { continue };
                let target = clean(link.get_ref());
                match ids.get(&target) {
                    Some(&t) if t == i => self.error(&link, key, ProblemKind::LinkToSelf),
                    Some(&t) => {
                        if key == "identical_to" {
                            positions[i].identical_to = Some(t);
                        } else {
                            positions[i].concurs_with = Some(t);
                        }
                    }
                    None => {
                        let kind = ProblemKind::UnknownLink {
                            key: key.into(),
                            suggestion: suggest(&target, ids.keys().map(String::as_str)),
                            target,
                        };
                        self.error(&link, key, kind);
                    }
                }
            }
        }
        // Identical-to chains must end in a text; each position learns where its text is.
        let ends = chain_ends(&positions);
        for (i, end) in ends.into_iter().enumerate() {
            match end {
                ChainEnd::Loop => {
                    if let Some(span) = position_spans.get(i).cloned() {
                        self.error_at(span, "identical_to", ProblemKind::LinkLoop);
                    }
                }
                ChainEnd::At(j) if j != i => positions[i].text_from = Some(j),
                ChainEnd::At(_) => {}
            }
        }

        // Bodies that did not answer get a derived `no_answer` position.
        for (b, body) in bodies.iter().enumerate() {
            if !body.answered {
                positions.push(Position {
                    id: derive_position_id(&body.id, Stance::NoAnswer, &[]),
                    body: b,
                    stance: Stance::NoAnswer,
                    parties: Vec::new(),
                    signatories: Vec::new(),
                    byline: None,
                    author: None,
                    date: None,
                    proposals: Vec::new(),
                    paragraphs: Vec::new(),
                    identical_to: None,
                    concurs_with: None,
                    text_from: None,
                    evidence: Vec::new(),
                    points: Vec::new(),
                    number: None,
                    reasons_only: false,
                });
            }
        }
        // Keep positions grouped by body in body order; within a body, file order.
        let sorted = group_by_body(positions);

        if !self.problems.is_empty() {
            self.problems.sort_by_key(|p| (p.line, p.column));
            return Err(self.problems);
        }
        Ok(Case {
            id,
            dnr: text::squash_whitespace(&clean(&c.dnr)),
            title: text::squash_whitespace(&clean(&c.title)),
            kind: c.kind,
            municipality: c.municipality.as_deref().map(clean),
            date,
            motion_date,
            proposal: c
                .proposal
                .as_deref()
                .map(text::clean_paragraphs)
                .unwrap_or_default(),
            presenting_commissioner: c.presenting_commissioner.as_deref().map(clean),
            attachments: c
                .attachments
                .iter()
                .map(|a| text::squash_whitespace(&clean(a)))
                .collect(),
            source: c.source.as_ref().map(|s| Source {
                title: s.title.as_deref().map(clean),
                file: s.file.as_deref().map(clean),
                url: s.url.as_deref().map(clean),
            }),
            authors,
            sections,
            parties,
            majority,
            bodies,
            positions: sorted,
            points,
            path: None,
        })
    }
}

/// Positions grouped by body in body order, in file order within a body, with their links
/// (`identical_to`, `concurs_with`, `text_from`) following them. Moves the positions in
/// place: no second list of positions (a large file's positions are most of its memory),
/// and nothing moves when they are grouped already, as files written by remiss are.
fn group_by_body(mut positions: Vec<Position>) -> Vec<Position> {
    if positions.is_sorted_by_key(|p| p.body) {
        return positions;
    }
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by_key(|&i| positions[i].body);
    // new_of[old] = new
    let mut new_of = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_of[old] = new;
    }
    for p in &mut positions {
        p.identical_to = p.identical_to.map(|i| new_of[i]);
        p.concurs_with = p.concurs_with.map(|i| new_of[i]);
        p.text_from = p.text_from.map(|i| new_of[i]);
    }
    // Apply the permutation by cycles: the position at `i` belongs at `new_of[i]`.
    for i in 0..positions.len() {
        while new_of[i] != i {
            let j = new_of[i];
            positions.swap(i, j);
            new_of.swap(i, j);
        }
    }
    positions
}

/// Where a position's chain of `identical_to` links ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChainEnd {
    /// At this position: the first one on the chain with text of its own, or with no link.
    At(usize),
    /// The chain runs into a loop.
    Loop,
}

/// The end of every position's chain of `identical_to` links, in time linear in the number
/// of positions (each position is walked once; a chain's positions share its end).
fn chain_ends(positions: &[Position]) -> Vec<ChainEnd> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done(ChainEnd),
    }
    let mut state = vec![State::New; positions.len()];
    let mut path = Vec::new();
    for start in 0..positions.len() {
        let mut at = start;
        let end = loop {
            match state[at] {
                State::Done(end) => break end,
                State::OnPath => break ChainEnd::Loop,
                State::New => {}
            }
            let p = &positions[at];
            match p.identical_to {
                Some(next) if p.paragraphs.is_empty() => {
                    state[at] = State::OnPath;
                    path.push(at);
                    at = next;
                }
                _ => {
                    state[at] = State::Done(ChainEnd::At(at));
                    break ChainEnd::At(at);
                }
            }
        };
        for walked in path.drain(..) {
            state[walked] = State::Done(end);
        }
    }
    state
        .into_iter()
        .map(|s| match s {
            State::Done(end) => end,
            // Every position was walked above.
            State::New | State::OnPath => ChainEnd::Loop,
        })
        .collect()
}

/// `<body>/<stance>` plus `/<parties joined by +>` when the position has parties.
pub fn derive_position_id(body: &str, stance: Stance, parties: &[String]) -> String {
    if parties.is_empty() {
        format!("{body}/{}", stance.as_str())
    } else {
        format!("{body}/{}/{}", stance.as_str(), parties.join("+"))
    }
}

/// Something declared twice.
fn twice(thing: Thing, id: &str) -> ProblemKind {
    ProblemKind::DeclaredTwice {
        thing,
        id: id.to_string(),
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn parse_colour(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((byte(0)?, byte(2)?, byte(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                toml_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }

    #[test]
    fn read_in_pieces_or_whole_every_shipped_and_test_case_reads_the_same() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        toml_files(&root.join("cases"), &mut files);
        toml_files(&root.join("tests/fixtures"), &mut files);
        assert!(files.len() > 40, "{files:?}");
        let mut split = 0;
        for path in files {
            // Fixtures of bytes that are not UTF-8 never reach the parser.
            let Ok(src) = std::fs::read_to_string(&path) else {
                continue;
            };
            if matches!(pieces::split(&src), Ok(Split::Pieces(_))) {
                split += 1;
            }
            let name = path.display().to_string();
            let by_pieces = format!("{:?}", parse_in_pieces(&src, &name, "x"));
            let whole = format!("{:?}", parse_whole(&src, &name, "x"));
            assert_eq!(by_pieces, whole, "{name}");
        }
        assert!(split > 30, "most files split: {split}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Lines of the bundled case deleted, repeated and swapped: read in pieces, a file
        /// reads as the toml crate reads it whole (the same case, or a problem either way).
        #[test]
        fn mangled_files_read_in_pieces_as_whole(
            ops in proptest::collection::vec((0u8..3, 0usize..400, 0usize..400), 1..6)
        ) {
            let mut lines: Vec<&str> = BUNDLED_CASE.lines().collect();
            for (op, a, b) in ops {
                let (a, b) = (a % lines.len(), b % lines.len());
                match op {
                    0 => { lines.remove(a); }
                    1 => { let l = lines[a]; lines.insert(b, l); }
                    _ => lines.swap(a, b),
                }
            }
            let src = lines.join("\n");
            let by_pieces = parse_in_pieces(&src, "m.toml", "m");
            let whole = parse_whole(&src, "m.toml", "m");
            proptest::prop_assert_eq!(by_pieces.is_ok(), whole.is_ok(), "{}", src);
            if let (Ok(a), Ok(b)) = (by_pieces, whole) {
                proptest::prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
            }
        }
    }

    #[test]
    fn a_file_shape_that_does_not_split_still_reads() {
        // `[case.source]` after the positions: the case table is continued.
        let src = "format = 1\n[case]\ndnr = \"KS 1\"\ntitle = \"T\"\nkind = \"motion\"\n\
                   [[parties]]\ncode = \"M\"\nname = \"Moderaterna\"\n\
                   [[bodies]]\nid = \"a\"\nname = \"A\"\nkind = \"committee\"\n\
                   [[positions]]\nbody = \"a\"\nstance = \"approve\"\n\
                   [case.source]\ntitle = \"Källa\"\n";
        assert_eq!(pieces::split(src), Ok(Split::Whole));
        let case = parse_in_pieces(src, "t.toml", "t").unwrap();
        assert_eq!(case.source.unwrap().title.as_deref(), Some("Källa"));
        assert_eq!(case.positions.len(), 1);
    }

    #[test]
    fn problems_in_later_tables_have_places_in_the_whole_file() {
        let src = "format = 1\n[case]\ndnr = \"KS 1\"\ntitle = \"T\"\nkind = \"motion\"\n\
                   [[bodies]]\nid = \"a\"\nname = \"A\"\nkind = \"committee\"\n\
                   [[positions]]\nbody = \"a\"\nstance = \"approve\"\n\
                   [[positions]]\nbody = \"a\"\nstanse = \"reject\"\n";
        let problems = parse_in_pieces(src, "t.toml", "t").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (Some(15), Some(1)));
        assert!(
            matches!(&problems[0].kind, ProblemKind::UnknownKey { name, .. } if name == "stanse")
        );
    }

    const MINIMAL: &str = r#"
format = 1
[case]
dnr = "KS 1/1"
title = "T"
kind = "motion"
[[parties]]
code = "M"
name = "Moderaterna"
[[bodies]]
id = "a"
name = "A-nämnden"
kind = "committee"
meeting_date = 2026-01-02
[[positions]]
body = "a"
stance = "reservation"
signatories = [{ name = "X m.fl.", party = "M" }]
text = "Ett stycke."
"#;

    fn problems(src: &str) -> Vec<String> {
        match parse_case(src, "t.toml", "t") {
            Ok(_) => vec![],
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn minimal_case_loads_with_derived_id() {
        let case = parse_case(MINIMAL, "t.toml", "t").unwrap();
        assert_eq!(case.positions[0].id, "a/reservation/M");
        assert_eq!(case.positions[0].parties, vec!["M"]);
        assert_eq!(
            case.date_of(&case.positions[0]).unwrap().to_string(),
            "2026-01-02"
        );
    }

    #[test]
    fn misspelt_key_suggests() {
        let src = MINIMAL.replace("stance = ", "stnace = ");
        let p = problems(&src);
        assert_eq!(p.len(), 1);
        assert!(
            p[0].starts_with("t.toml:17:1: error: unknown key `stnace`; did you mean `stance`?"),
            "{}",
            p[0]
        );
    }

    #[test]
    fn all_semantic_problems_at_once() {
        let src = MINIMAL
            .replace("body = \"a\"", "body = \"b\"")
            .replace("party = \"M\"", "party = \"X\"")
            + "[[positions]]\nbody = \"a\"\nstance = \"special_statement\"\n";
        let p = problems(&src);
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(p[0].contains("unknown body `b`"));
        assert!(p[1].contains("needs a `text`"));
    }

    const WITH_EVIDENCE: &str = r#"
format = 1
[case]
dnr = "KS 1/1"
title = "T"
kind = "motion"
[[parties]]
code = "M"
name = "Moderaterna"
[[bodies]]
id = "a"
name = "A-nämnden"
kind = "committee"
meeting_date = 2026-01-02

[[bodies.evidence]]
fact = "meeting_date"
review = "inferred"
rule = "preamble.meeting"
sentence = "A-nämnden beslutade vid sitt sammanträde den 2 januari 2026 följande."
lines = [4, 4]

[[positions]]
body = "a"
stance = "reject"

[[positions.evidence]]
fact = "stance"
review = "uncertain"
rule = "opinion.default_reject"
sentence = "Förvaltningen bedömer att befintliga bänkar räcker."
lines = [9, 10]
note = "the opinion states no conclusion"

[[positions]]
body = "a"
stance = "reservation"
signatories = [{ name = "X m.fl.", party = "M" }]
text = "Ett stycke."

[[positions.evidence]]
fact = "parties"
review = "confirmed"
rule = "byline"
sentence = "Reservation av X m.fl. (M)"
lines = [12, 12]
"#;

    #[test]
    fn evidence_loads_and_gives_the_weakest_review() {
        use crate::model::{Fact, Review};
        let case = parse_case(WITH_EVIDENCE, "t.toml", "t").unwrap();
        let body = &case.bodies[0];
        assert_eq!(body.evidence.len(), 1);
        assert_eq!(body.evidence[0].fact, Fact::MeetingDate);
        assert_eq!(body.review(), Some(Review::Inferred));
        let reject = &case.positions[0];
        assert_eq!(reject.review(), Some(Review::Uncertain));
        let e = reject.evidence_for(Fact::Stance).next().unwrap();
        assert_eq!(e.lines, (9, 10));
        assert_eq!(e.rule, "opinion.default_reject");
        assert_eq!(e.note.as_deref(), Some("the opinion states no conclusion"));
        assert_eq!(case.positions[1].review(), Some(Review::Confirmed));
        // Hand-written: nothing inferred.
        let plain = parse_case(MINIMAL, "t.toml", "t").unwrap();
        assert_eq!(plain.positions[0].review(), None);
        assert_eq!(plain.bodies[0].review(), None);
    }

    #[test]
    fn evidence_is_validated_strictly() {
        let bad_lines = WITH_EVIDENCE.replace("lines = [9, 10]", "lines = [10, 9]");
        let p = problems(&bad_lines);
        assert_eq!(p.len(), 1, "{p:#?}");
        assert!(
            p[0].starts_with("t.toml:32:9: error: `lines` is `[first, last]`"),
            "{}",
            p[0]
        );
        let zero = WITH_EVIDENCE.replace("lines = [4, 4]", "lines = [0]");
        assert!(problems(&zero)[0].contains("`lines` is `[first, last]`"));
        let wrong_table = WITH_EVIDENCE.replace("fact = \"stance\"", "fact = \"meeting_date\"");
        let p = problems(&wrong_table);
        assert!(
            p[0].contains("`meeting_date` is not a fact of [[positions.evidence]]; it belongs in [[bodies.evidence]]"),
            "{p:#?}"
        );
        let absent = WITH_EVIDENCE.replace("fact = \"stance\"", "fact = \"identical_to\"");
        assert!(
            problems(&absent)[0]
                .contains("evidence for `identical_to`, which this table does not state"),
        );
        let typo = WITH_EVIDENCE.replace("review = \"uncertain\"", "review = \"uncertian\"");
        let p = problems(&typo);
        assert!(
            p[0].contains("unknown review `uncertian`; did you mean `uncertain`?"),
            "{p:#?}"
        );
        let fact_typo = WITH_EVIDENCE.replace("fact = \"stance\"", "fact = \"stnace\"");
        let p = problems(&fact_typo);
        assert!(
            p[0].contains("unknown fact `stnace`; did you mean `stance`?"),
            "{p:#?}"
        );
        let key_typo =
            WITH_EVIDENCE.replace("sentence = \"Förvaltningen", "sentense = \"Förvaltningen");
        let p = problems(&key_typo);
        assert!(
            p[0].contains("unknown key `sentense`; did you mean `sentence`?"),
            "{p:#?}"
        );
        let empty = WITH_EVIDENCE.replace("rule = \"byline\"", "rule = \" \"");
        assert!(problems(&empty)[0].contains("`rule` names the rule that fired; it is empty"));
    }
}
