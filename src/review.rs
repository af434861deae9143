//! The review of imported facts: which facts of a case file the importer inferred and how sure
//! it is ([`items`], [`unplaced`]), and a reviewer's decision applied to the case file's text
//! ([`apply`]), keeping every other byte of it as it was: comments, layout, key order.
//!
//! This is the core of the review screen and of `remiss review`; it holds no terminal code and
//! no I/O but [`apply_to_file`] (read, apply, check, write atomically). A decision is a
//! [`Change`]:
//!
//! - [`Change::Confirm`] a fact: its evidence's `review` becomes `confirmed`;
//! - [`Change::Stance`]: another stance for a position (its stance evidence confirmed, with a
//!   note of the change);
//! - [`Change::Party`]: one party code of a position replaced by another, in `parties` and in
//!   the signatories (declared in `[[parties]]` if it was not; its parties evidence confirmed);
//! - [`Change::Assign`]: a paragraph of an unplaced section (`unplaced-N`) moved to the end of
//!   a body's decision or a position's text (the section goes when it is empty).
//!
//! A position's id is derived from its body, stance and parties; a stance or party change that
//! changes it renames every `identical_to` and `concurs_with` naming it, and a derived id that
//! another position has is pinned with an explicit `id` (`…-2`). The result of every change is
//! checked with [`crate::model::parse_case`] before it is returned: a change never leaves a
//! file that does not load.
//!
//! Facts are named by `<position id>#<fact>` (`socialnamnden/reject#stance`) or `<body
//! id>#<fact>` (`socialnamnden#meeting_date`); a paragraph of an unplaced section by
//! `<section id>#<n>` (`unplaced-1#2`, counted from 1).

use crate::i18n::Lang;
use crate::model::{self, Case, Evidence, Fact, Problem, Review, Stance, derive_position_id};
use std::fmt;
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// One inferred fact of a case, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    /// `<position id>#<fact>` or `<body id>#<fact>`.
    pub id: String,
    pub subject: Subject,
    pub fact: Fact,
    /// The weakest review state of the fact's evidence.
    pub review: Review,
    /// Every entry for the fact (several when rules disagreed).
    pub evidence: Vec<Evidence>,
}

/// What a fact is about, by index into the loaded case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Position(usize),
    Body(usize),
}

/// Every fact of `case` that has evidence: the uncertain ones first, then the inferred, then
/// the confirmed; in body order, each body's own facts before its positions', within those by
/// fact.
pub fn items(case: &Case) -> Vec<ReviewItem> {
    let mut out = Vec::new();
    let mut push = |subject: Subject, owner: &str, evidence: &[Evidence]| {
        let mut facts: Vec<Fact> = evidence.iter().map(|e| e.fact).collect();
        facts.sort();
        facts.dedup();
        for fact in facts {
            let entries: Vec<Evidence> = evidence
                .iter()
                .filter(|e| e.fact == fact)
                .cloned()
                .collect();
            let review = model::weakest_review(&entries).unwrap_or(Review::Confirmed);
            out.push(ReviewItem {
                id: format!("{owner}#{}", fact.as_str()),
                subject,
                fact,
                review,
                evidence: entries,
            });
        }
    };
    for (b, body) in case.bodies.iter().enumerate() {
        push(Subject::Body(b), &body.id, &body.evidence);
        for (i, p) in case.positions_of(b) {
            push(Subject::Position(i), &p.id, &p.evidence);
        }
    }
    // Stable: the order above within each review state.
    out.sort_by_key(|item| item.review);
    out
}

/// The sections of text the importer could not place (`unplaced-N`), in file order.
pub fn unplaced(case: &Case) -> Vec<&model::Section> {
    case.sections
        .iter()
        .filter(|s| s.id.starts_with(UNPLACED_PREFIX))
        .collect()
}

/// The id prefix of the importer's unplaced sections.
pub const UNPLACED_PREFIX: &str = "unplaced-";

/// The current value of a fact, as the case states it: a stance, parties, a position id, a
/// body's name, a date, or whether the body answered.
pub fn value_of(case: &Case, item: &ReviewItem) -> String {
    let id = |i: Option<usize>| i.map_or_else(String::new, |t| case.positions[t].id.clone());
    match item.subject {
        Subject::Position(i) => {
            let p = &case.positions[i];
            match item.fact {
                Fact::Stance => p.stance.as_str().to_string(),
                Fact::Parties => p.parties.join(", "),
                Fact::Body => case.bodies[p.body].name.clone(),
                Fact::IdenticalTo => id(p.identical_to),
                Fact::ConcursWith => id(p.concurs_with),
                _ => p.date.map_or_else(String::new, |d| d.to_string()),
            }
        }
        Subject::Body(b) => {
            let body = &case.bodies[b];
            match item.fact {
                Fact::MeetingDate => body
                    .meeting_date
                    .map_or_else(String::new, |d| d.to_string()),
                Fact::OpinionDate => body
                    .opinion_date
                    .map_or_else(String::new, |d| d.to_string()),
                _ => body.answered.to_string(),
            }
        }
    }
}

/// A reviewer's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The fact `<subject>#<fact>` is right: its evidence becomes `confirmed`.
    Confirm { item: String },
    /// The position's stance is another one.
    Stance { position: String, stance: Stance },
    /// The position's party `from` is `to`.
    Party {
        position: String,
        from: String,
        to: String,
    },
    /// Paragraph `paragraph` (0-based) of the unplaced section `section` belongs at the end of
    /// `to`.
    Assign {
        section: String,
        paragraph: usize,
        to: Destination,
    },
}

/// Where an unplaced paragraph goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A body's decision, by body id.
    Decision(String),
    /// A position's text, by position id.
    Position(String),
}

/// The result of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The whole case file after the change.
    pub text: String,
    /// The position whose id changed: (old id, new id).
    pub renamed: Option<(String, String)>,
}

/// Why a change could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewError {
    /// The file is no TOML (it did not come from `remiss import`, or was broken by hand): the
    /// parser's message, as `toml_edit` words it.
    Syntax(String),
    /// No such position, body, fact, section or paragraph.
    NotFound(Missing),
    /// The change would leave a file that does not load (the problems, with lines).
    Invalid(Vec<Problem>),
    /// The file could not be read (the first problem).
    Unreadable(Box<Problem>),
    /// The file could not be written.
    CannotWrite(crate::atomic::FileError),
    /// The case was not read from a file, so there is none to change.
    NoFile,
    /// The file no longer holds the case as it was loaded: someone changed it on disk since.
    Changed,
}

/// What a change names that the case file does not hold (ids as the user wrote them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Position(String),
    Body(String),
    /// An item that is not `OWNER#FACT`, or whose owner or fact is not there.
    Fact(String),
    /// A fact without evidence to confirm.
    Evidence(String),
    Party {
        party: String,
        position: String,
    },
    Section(String),
    /// Paragraph `paragraph` (from 1) of a section.
    Paragraph {
        paragraph: usize,
        section: String,
    },
}

impl ReviewError {
    /// Why the change was not made, in `lang` (not escaped: ids and paths are the user's).
    pub fn worded(&self, lang: Lang) -> String {
        match self {
            ReviewError::Syntax(m) => format!(
                "{}: {}",
                lang.pick("not a TOML file", "ingen TOML-fil"),
                lang.toml_message(m)
            ),
            ReviewError::NotFound(what) => {
                let what = match (lang, what) {
                    (Lang::En, Missing::Position(id)) => format!("position `{id}`"),
                    (Lang::Sv, Missing::Position(id)) => format!("ställningstagande `{id}`"),
                    (Lang::En, Missing::Body(id)) => format!("body `{id}`"),
                    (Lang::Sv, Missing::Body(id)) => format!("organ `{id}`"),
                    (Lang::En, Missing::Fact(item)) => format!("fact `{item}` (write OWNER#FACT)"),
                    (Lang::Sv, Missing::Fact(item)) => {
                        format!("faktum `{item}` (skriv ÄGARE#FAKTUM)")
                    }
                    (Lang::En, Missing::Evidence(item)) => format!("evidence for `{item}`"),
                    (Lang::Sv, Missing::Evidence(item)) => format!("belägg för `{item}`"),
                    (Lang::En, Missing::Party { party, position }) => {
                        format!("party `{party}` in position `{position}`")
                    }
                    (Lang::Sv, Missing::Party { party, position }) => {
                        format!("parti `{party}` i ställningstagande `{position}`")
                    }
                    (Lang::En, Missing::Section(id)) => format!("section `{id}`"),
                    (Lang::Sv, Missing::Section(id)) => format!("avsnitt `{id}`"),
                    (Lang::En, Missing::Paragraph { paragraph, section }) => {
                        format!("paragraph {paragraph} of section `{section}`")
                    }
                    (Lang::Sv, Missing::Paragraph { paragraph, section }) => {
                        format!("stycke {paragraph} i avsnitt `{section}`")
                    }
                };
                match lang {
                    Lang::En => format!("no {what} in the file"),
                    Lang::Sv => format!("filen har inget {what}"),
                }
            }
            ReviewError::Invalid(problems) => {
                let mut s = lang
                    .pick(
                        "the change would leave a file that does not load",
                        "ändringen skulle ge en fil som inte går att läsa in",
                    )
                    .to_string();
                if let Some(p) = problems.first() {
                    s.push_str(&format!(": {}", lang.problem_message(&p.kind)));
                }
                s
            }
            ReviewError::Unreadable(p) => lang.problem_message(&p.kind),
            ReviewError::CannotWrite(e) => format!(
                "{}: {}",
                lang.pick("cannot write", "kan inte skriva"),
                lang.file_error(e)
            ),
            ReviewError::NoFile => lang
                .pick(
                    "the case was not read from a file",
                    "ärendet lästes inte från en fil",
                )
                .into(),
            ReviewError::Changed => lang
                .pick(
                    "the case file changed on disk since it was loaded; nothing was written \
                     (open it again to review it)",
                    "ärendefilen har ändrats på disken sedan den lästes in; inget skrevs \
                     (öppna den igen för att granska den)",
                )
                .into(),
        }
    }
}

impl fmt::Display for ReviewError {
    /// The English wording ([`ReviewError::worded`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.worded(Lang::En))
    }
}

impl std::error::Error for ReviewError {}

/// Apply `change` to a case file's text. Pure; the result loads (it was checked).
pub fn apply(src: &str, change: &Change) -> Result<Applied, ReviewError> {
    let mut doc: DocumentMut = src
        .parse()
        .map_err(|e: toml_edit::TomlError| ReviewError::Syntax(e.message().to_string()))?;
    let renamed = match change {
        Change::Confirm { item } => {
            confirm(&mut doc, item)?;
            None
        }
        Change::Stance { position, stance } => set_stance(&mut doc, position, *stance)?,
        Change::Party { position, from, to } => set_party(&mut doc, position, from, to)?,
        Change::Assign {
            section,
            paragraph,
            to,
        } => {
            assign(&mut doc, section, *paragraph, to)?;
            None
        }
    };
    let text = doc.to_string();
    model::parse_case(&text, "review", "review").map_err(ReviewError::Invalid)?;
    Ok(Applied { text, renamed })
}

/// Read the case file at `path`, apply `change`, and write the result atomically in its place
/// (the file keeps its permissions; a crash leaves the old file or the new one).
pub fn apply_to_file(path: &Path, change: &Change) -> Result<Applied, ReviewError> {
    apply_checked(path, change, |_| Ok(()))
}

/// Apply `change` to the file `loaded` was read from ([`Case::path`]), as [`apply_to_file`]
/// does, provided the file still holds `loaded` (nobody changed what it says since it was
/// loaded; a change of layout or comments alone is no change). Returns the result and the
/// case as the file now loads (its `path` set). The app's review screen writes through this.
///
/// Errors: [`ReviewError::Changed`] when the file says something else now,
/// [`ReviewError::Unreadable`] or [`ReviewError::CannotWrite`] when it cannot be read or
/// written, [`ReviewError::NoFile`] when `loaded` has no file, the errors of [`apply`].
pub fn apply_to_loaded(loaded: &Case, change: &Change) -> Result<(Applied, Case), ReviewError> {
    let path = loaded.path.as_deref().ok_or(ReviewError::NoFile)?;
    let label = path.display().to_string();
    let applied = apply_checked(path, change, |src| {
        // What the file says now, compared with what was loaded (the id as it was given).
        let on_disk = model::parse_case(src, &label, &loaded.id);
        let same = on_disk
            .is_ok_and(|c| serde_json::to_value(&c).ok() == serde_json::to_value(loaded).ok());
        if same {
            Ok(())
        } else {
            Err(ReviewError::Changed)
        }
    })?;
    let mut case =
        model::parse_case(&applied.text, &label, &loaded.id).map_err(ReviewError::Invalid)?;
    case.path = Some(path.to_path_buf());
    Ok((applied, case))
}

/// Read the case file at `path`, let `check` see its text, apply `change`, write the result
/// atomically.
fn apply_checked(
    path: &Path,
    change: &Change,
    check: impl FnOnce(&str) -> Result<(), ReviewError>,
) -> Result<Applied, ReviewError> {
    let label = path.display().to_string();
    let problems = |p: Vec<Problem>| match p.into_iter().next() {
        Some(p) => ReviewError::Unreadable(Box::new(p)),
        None => ReviewError::NoFile,
    };
    let bytes = model::read_limited(path, &label).map_err(problems)?;
    let src = model::decode(&label, &bytes).map_err(problems)?;
    check(src)?;
    let applied = apply(src, change)?;
    crate::atomic::write_file(
        path,
        applied.text.as_bytes(),
        true,
        crate::atomic::Access::Shared,
    )
    .map_err(|e| ReviewError::CannotWrite(crate::atomic::FileError::of(&e)))?;
    Ok(applied)
}

/// The lines of the source document around an evidence entry: lines `first - context ..=
/// last + context` of `source` (the document's lines, as the import numbered them: split at
/// `\n`, from 1), each with its number; `None` when the document does not hold the sentence
/// on its lines (it changed since the import, or is another one). The comparison is by letters
/// and digits only, compatibility-normalised and lower-cased, so the importer's repairs
/// (hyphenation, ligatures, decomposed letters, line breaks) do not count as a difference.
pub fn source_excerpt<'a>(
    source: &'a [String],
    evidence: &Evidence,
    context: usize,
) -> Option<Vec<(usize, &'a str)>> {
    use unicode_normalization::UnicodeNormalization;
    let letters = |s: &str| -> String {
        s.nfkc()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let (first, last) = evidence.lines;
    if first == 0 || last < first || last > source.len() {
        return None;
    }
    let on_lines: String = source[first - 1..last].iter().map(|l| letters(l)).collect();
    let sentence = letters(&evidence.sentence);
    if sentence.is_empty() || !on_lines.contains(&sentence) {
        return None;
    }
    let from = first.saturating_sub(context).max(1);
    let to = (last + context).min(source.len());
    Some(
        (from..=to)
            .map(|n| {
                (
                    n,
                    source[n - 1].strip_suffix('\r').unwrap_or(&source[n - 1]),
                )
            })
            .collect(),
    )
}

/// Party codes a position may be given: the case's declared parties first, then the other
/// parties the importer knows (`import::phrases::PARTIES`), each once.
pub fn party_codes(case: &Case) -> Vec<String> {
    let mut codes: Vec<String> = case.parties.iter().map(|p| p.code.clone()).collect();
    for p in crate::import::phrases::PARTIES {
        if !codes.iter().any(|c| c == p.code) {
            codes.push(p.code.to_string());
        }
    }
    codes
}

/// What a change did, in a line (not escaped): `confirmed socialnamnden/reject#stance`,
/// `trafiknamnden/reject: approve (position id trafiknamnden/reject → trafiknamnden/approve)`,
/// `unplaced-1#2 → decision:socialnamnden`. `renamed` is [`Applied::renamed`].
pub fn describe(change: &Change, renamed: Option<&(String, String)>, lang: Lang) -> String {
    let mut s = match change {
        Change::Confirm { item } => format!("{} {}", lang.pick("confirmed", "bekräftat"), item),
        Change::Stance { position, stance } => {
            format!("{position}: {}", stance.as_str())
        }
        Change::Party { position, from, to } => format!("{position}: {from} → {to}"),
        Change::Assign {
            section,
            paragraph,
            to,
        } => {
            let to = match to {
                Destination::Decision(b) => format!("decision:{b}"),
                Destination::Position(p) => p.clone(),
            };
            format!("{section}#{} → {to}", paragraph + 1)
        }
    };
    if let Some((old, new)) = renamed {
        s.push_str(&format!(
            " ({} {old} → {new})",
            lang.pick("position id", "ställningstagandets id")
        ));
    }
    s
}

// ---- finding tables -----------------------------------------------------------------------

fn array<'a>(doc: &'a mut DocumentMut, key: &str) -> Option<&'a mut ArrayOfTables> {
    doc.get_mut(key).and_then(Item::as_array_of_tables_mut)
}

fn str_of<'a>(t: &'a Table, key: &str) -> Option<&'a str> {
    t.get(key).and_then(Item::as_str)
}

/// A position table's id, as the loader gives it: `id`, else derived from body, stance and
/// parties (`parties`, then the signatories' parties).
fn position_id(t: &Table) -> String {
    if let Some(id) = str_of(t, "id") {
        return id.to_string();
    }
    derive_position_id(
        str_of(t, "body").unwrap_or_default(),
        str_of(t, "stance")
            .and_then(Stance::parse)
            .unwrap_or(Stance::Unknown),
        &parties_of(t),
    )
}

fn parties_of(t: &Table) -> Vec<String> {
    let mut parties: Vec<String> = t
        .get("parties")
        .and_then(Item::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if let Some(sigs) = t.get("signatories").and_then(Item::as_array) {
        for s in sigs.iter().filter_map(Value::as_inline_table) {
            if let Some(p) = s.get("party").and_then(Value::as_str)
                && !parties.iter().any(|q| q == p)
            {
                parties.push(p.to_string());
            }
        }
    }
    parties
}

fn position_index(doc: &mut DocumentMut, id: &str) -> Result<usize, ReviewError> {
    array(doc, "positions")
        .and_then(|a| a.iter().position(|t| position_id(t) == id))
        .ok_or_else(|| ReviewError::NotFound(Missing::Position(id.to_string())))
}

fn position_mut<'a>(doc: &'a mut DocumentMut, id: &str) -> Result<&'a mut Table, ReviewError> {
    let k = position_index(doc, id)?;
    array(doc, "positions")
        .and_then(|a| a.get_mut(k))
        .ok_or_else(|| ReviewError::NotFound(Missing::Position(id.to_string())))
}

fn body_mut<'a>(doc: &'a mut DocumentMut, id: &str) -> Result<&'a mut Table, ReviewError> {
    array(doc, "bodies")
        .and_then(|a| a.iter_mut().find(|t| str_of(t, "id") == Some(id)))
        .ok_or_else(|| ReviewError::NotFound(Missing::Body(id.to_string())))
}

/// Set a key's value, keeping the decor (spaces, comments) of the one it replaces.
fn set(t: &mut Table, key: &str, value: Value) {
    match t.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        None => {
            t.insert(key, Item::Value(value));
        }
    }
}

/// Mark every evidence entry of `fact` confirmed (with `note`, when given); the number marked.
fn confirm_fact(t: &mut Table, fact: Fact, note: Option<&str>) -> usize {
    let Some(entries) = t.get_mut("evidence").and_then(Item::as_array_of_tables_mut) else {
        return 0;
    };
    let mut n = 0;
    for e in entries.iter_mut() {
        if str_of(e, "fact") == Some(fact.as_str()) {
            set(e, "review", Value::from(Review::Confirmed.as_str()));
            if let Some(note) = note {
                set(e, "note", Value::from(note));
            }
            n += 1;
        }
    }
    n
}

// ---- the changes --------------------------------------------------------------------------

fn confirm(doc: &mut DocumentMut, item: &str) -> Result<(), ReviewError> {
    let (owner, fact) = item
        .rsplit_once('#')
        .and_then(|(o, f)| Some((o, Fact::parse(f)?)))
        .ok_or_else(|| ReviewError::NotFound(Missing::Fact(item.to_string())))?;
    let table = if owner.contains('/') {
        position_mut(doc, owner)?
    } else {
        body_mut(doc, owner)?
    };
    if confirm_fact(table, fact, None) == 0 {
        return Err(ReviewError::NotFound(Missing::Evidence(item.to_string())));
    }
    Ok(())
}

fn set_stance(
    doc: &mut DocumentMut,
    position: &str,
    stance: Stance,
) -> Result<Option<(String, String)>, ReviewError> {
    let k = position_index(doc, position)?;
    let t = position_mut(doc, position)?;
    let old = str_of(t, "stance").unwrap_or_default().to_string();
    set(t, "stance", Value::from(stance.as_str()));
    // A hand-written position has no evidence: the change is as written.
    confirm_fact(
        t,
        Fact::Stance,
        Some(&format!("reviewed: {old} → {}", stance.as_str())),
    );
    Ok(rename(doc, k, position))
}

fn set_party(
    doc: &mut DocumentMut,
    position: &str,
    from: &str,
    to: &str,
) -> Result<Option<(String, String)>, ReviewError> {
    let k = position_index(doc, position)?;
    let t = position_mut(doc, position)?;
    if !parties_of(t).iter().any(|p| p == from) {
        return Err(ReviewError::NotFound(Missing::Party {
            party: from.to_string(),
            position: position.to_string(),
        }));
    }
    if let Some(parties) = t.get_mut("parties").and_then(Item::as_array_mut) {
        for v in parties.iter_mut() {
            if v.as_str() == Some(from) {
                let decor = v.decor().clone();
                *v = Value::from(to);
                *v.decor_mut() = decor;
            }
        }
    }
    if let Some(sigs) = t.get_mut("signatories").and_then(Item::as_array_mut) {
        for s in sigs.iter_mut().filter_map(Value::as_inline_table_mut) {
            if let Some(v) = s.get_mut("party")
                && v.as_str() == Some(from)
            {
                let decor = v.decor().clone();
                *v = Value::from(to);
                *v.decor_mut() = decor;
            }
        }
    }
    confirm_fact(t, Fact::Parties, Some(&format!("reviewed: {from} → {to}")));
    declare_party(doc, to);
    Ok(rename(doc, k, position))
}

/// Declare `code` in `[[parties]]` if it is not: with the name the importer knows for it, else
/// the code.
fn declare_party(doc: &mut DocumentMut, code: &str) {
    let declared =
        array(doc, "parties").is_some_and(|a| a.iter().any(|t| str_of(t, "code") == Some(code)));
    if declared {
        return;
    }
    let mut t = Table::new();
    t.insert("code", toml_edit::value(code));
    let known = crate::import::phrases::party(code);
    t.insert("name", toml_edit::value(known.map_or(code, |p| p.name)));
    if let Some(p) = known {
        t.insert("colour", toml_edit::value(p.colour));
    }
    match array(doc, "parties") {
        Some(a) => a.push(t),
        None => {
            let mut a = ArrayOfTables::new();
            a.push(t);
            doc.insert("parties", Item::ArrayOfTables(a));
        }
    }
}

/// After a change to the position at index `k` (which had `old_id`): its new id, pinned with
/// an explicit `id` (`…-2`) where another position has it, and every link to it renamed.
/// `None` when the id did not change (an explicit `id` pins it).
fn rename(doc: &mut DocumentMut, k: usize, old_id: &str) -> Option<(String, String)> {
    let positions = array(doc, "positions")?;
    let mut new = position_id(positions.get(k)?);
    if new == old_id {
        return None;
    }
    let taken = |id: &str, positions: &ArrayOfTables| {
        positions
            .iter()
            .enumerate()
            .any(|(j, t)| j != k && position_id(t) == id)
    };
    if taken(&new, positions) {
        let base = new.clone();
        let mut n = 2;
        while taken(&format!("{base}-{n}"), positions) {
            n += 1;
        }
        new = format!("{base}-{n}");
        let t = positions.get_mut(k)?;
        t.insert("id", toml_edit::value(new.as_str()));
    }
    for t in positions.iter_mut() {
        for key in ["identical_to", "concurs_with"] {
            if str_of(t, key) == Some(old_id) {
                set(t, key, Value::from(new.as_str()));
            }
        }
    }
    Some((old_id.to_string(), new))
}

fn assign(
    doc: &mut DocumentMut,
    section: &str,
    paragraph: usize,
    to: &Destination,
) -> Result<(), ReviewError> {
    let missing = || {
        ReviewError::NotFound(Missing::Paragraph {
            paragraph: paragraph + 1,
            section: section.to_string(),
        })
    };
    let sections = doc
        .get_mut("case")
        .and_then(Item::as_table_mut)
        .and_then(|c| c.get_mut("sections"))
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(missing)?;
    let k = sections
        .iter()
        .position(|t| str_of(t, "id") == Some(section))
        .ok_or_else(|| ReviewError::NotFound(Missing::Section(section.to_string())))?;
    let table = sections.get_mut(k).ok_or_else(missing)?;
    let mut paras = crate::text::paragraphs(str_of(table, "text").unwrap_or_default());
    if paragraph >= paras.len() {
        return Err(missing());
    }
    let moved = paras.remove(paragraph);
    if paras.is_empty() {
        sections.remove(k);
    } else {
        set(table, "text", text_value(&paras));
    }
    let (target, key) = match to {
        Destination::Decision(body) => (body_mut(doc, body)?, "decision"),
        Destination::Position(id) => (position_mut(doc, id)?, "text"),
    };
    let mut text = crate::text::paragraphs(str_of(target, key).unwrap_or_default());
    text.push(moved);
    set(target, key, text_value(&text));
    Ok(())
}

/// Paragraphs as a TOML multi-line string, wrapped as the importer writes them.
fn text_value(paragraphs: &[String]) -> Value {
    crate::import::write::text(paragraphs)
        .parse::<Value>()
        .unwrap_or_else(|_| Value::from(paragraphs.join("\n\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMPORTED: &str = include_str!("../tests/fixtures/evidence/imported.toml");
    const SEED: &str = include_str!("../tests/fixtures/seed/000_fa419cc41b8f4bfd.txt");

    fn load(src: &str) -> Case {
        model::parse_case(src, "t.toml", "t").unwrap()
    }

    /// The lines only in `old` and the lines only in `new`, by a longest common subsequence of
    /// lines.
    fn changed<'a>(old: &'a str, new: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
        let a: Vec<&str> = old.lines().collect();
        let b: Vec<&str> = new.lines().collect();
        let mut table = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                table[i][j] = if a[i] == b[j] {
                    table[i + 1][j + 1] + 1
                } else {
                    table[i + 1][j].max(table[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        let (mut gone, mut came) = (Vec::new(), Vec::new());
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                i += 1;
                j += 1;
            } else if j < b.len() && (i == a.len() || table[i][j + 1] >= table[i + 1][j]) {
                came.push(b[j]);
                j += 1;
            } else {
                gone.push(a[i]);
                i += 1;
            }
        }
        (gone, came)
    }

    #[test]
    fn items_list_the_uncertain_first() {
        let case = load(IMPORTED);
        let all = items(&case);
        let ids: Vec<(&str, Review)> = all.iter().map(|i| (i.id.as_str(), i.review)).collect();
        assert_eq!(
            ids,
            [
                ("socialnamnden/reject#stance", Review::Uncertain),
                ("kulturnamnden/unknown#stance", Review::Uncertain),
                ("socialnamnden#meeting_date", Review::Inferred),
                ("socialnamnden/reservation/M#parties", Review::Inferred),
                ("trafiknamnden/approve_in_part#stance", Review::Inferred),
            ]
        );
        assert_eq!(value_of(&case, &all[0]), "reject");
        assert_eq!(value_of(&case, &all[2]), "2026-02-17");
        assert_eq!(value_of(&case, &all[3]), "M");
        assert!(unplaced(&case).is_empty());
    }

    #[test]
    fn confirming_changes_one_line() {
        let out = apply(
            IMPORTED,
            &Change::Confirm {
                item: "socialnamnden/reject#stance".into(),
            },
        )
        .unwrap();
        assert_eq!(
            changed(IMPORTED, &out.text),
            (
                vec!["review = \"uncertain\""],
                vec!["review = \"confirmed\""]
            )
        );
        let case = load(&out.text);
        assert_eq!(case.positions[0].review(), Some(Review::Confirmed));
        assert_eq!(out.renamed, None);
        // A body's fact.
        let out = apply(
            IMPORTED,
            &Change::Confirm {
                item: "socialnamnden#meeting_date".into(),
            },
        )
        .unwrap();
        assert_eq!(load(&out.text).bodies[0].review(), Some(Review::Confirmed));
        for bad in [
            "socialnamnden/reject#date",
            "nobody#stance",
            "x/y",
            "socialnamnden#nonsense",
        ] {
            assert!(
                matches!(
                    apply(IMPORTED, &Change::Confirm { item: bad.into() }),
                    Err(ReviewError::NotFound(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn changing_a_stance_renames_the_position() {
        let out = apply(
            IMPORTED,
            &Change::Stance {
                position: "kulturnamnden/unknown".into(),
                stance: Stance::Approve,
            },
        )
        .unwrap();
        let (gone, came) = changed(IMPORTED, &out.text);
        assert_eq!(
            gone,
            ["stance = \"unknown\"", "review = \"uncertain\""],
            "{came:?}"
        );
        assert_eq!(
            came,
            [
                "stance = \"approve\"",
                "review = \"confirmed\"",
                "note = \"reviewed: unknown → approve\""
            ]
        );
        assert_eq!(
            out.renamed,
            Some((
                "kulturnamnden/unknown".into(),
                "kulturnamnden/approve".into()
            ))
        );
        let case = load(&out.text);
        let p = case.position_index("kulturnamnden/approve").unwrap();
        assert_eq!(case.positions[p].review(), Some(Review::Confirmed));
        // A stance the position cannot have leaves the file as it was.
        let err = apply(
            IMPORTED,
            &Change::Stance {
                position: "socialnamnden/reservation/M".into(),
                stance: Stance::NoAnswer,
            },
        )
        .unwrap_err();
        assert!(matches!(err, ReviewError::Invalid(_)), "{err}");
    }

    #[test]
    fn on_an_imported_statement_links_follow_a_renamed_position() {
        let imported = crate::import::import_text(SEED, "seed.txt", Lang::En).toml;
        // Borgarrådsberedningen's M reservation is the one Kommunstyrelsen's is identical to.
        let out = apply(
            &imported,
            &Change::Party {
                position: "borgarradsberedningen/reservation/M".into(),
                from: "M".into(),
                to: "KD".into(),
            },
        )
        .unwrap();
        let case = load(&out.text);
        let ks = &case.positions[case
            .position_index("kommunstyrelsen/reservation/M")
            .unwrap()];
        assert_eq!(
            ks.identical_to.map(|t| case.positions[t].id.as_str()),
            Some("borgarradsberedningen/reservation/KD")
        );
        let (gone, came) = changed(&imported, &out.text);
        assert_eq!(
            gone,
            [
                "  { name = \"Christofer Fjellner\", party = \"M\" },",
                "  { name = \"Dennis Wedin\", party = \"M\" },",
                "  { name = \"Andréa Hedin\", party = \"M\" },",
                "review = \"inferred\"",
                "identical_to = \"borgarradsberedningen/reservation/M\"",
            ]
        );
        assert_eq!(came.len(), 6, "{came:#?}");
        assert!(came.contains(&"note = \"reviewed: M → KD\""));
        // KD was declared already; a new code is declared.
        let out = apply(
            &imported,
            &Change::Party {
                position: "socialnamnden/reservation/M".into(),
                from: "M".into(),
                to: "FI".into(),
            },
        )
        .unwrap();
        let case = load(&out.text);
        assert_eq!(
            case.party("FI").map(|p| p.name.as_str()),
            Some("Feministiskt initiativ")
        );
    }

    #[test]
    fn a_derived_id_taken_already_is_pinned() {
        // Socialnämnden gets an M special statement; its M reservation made one too clashes.
        let src = format!(
            "{IMPORTED}\n[[positions]]\nbody = \"socialnamnden\"\nstance = \"special_statement\"\n\
             signatories = [{{ name = \"Ida Jansson\", party = \"M\" }}]\ntext = \"Ett annat.\"\n"
        );
        let out = apply(
            &src,
            &Change::Stance {
                position: "socialnamnden/reservation/M".into(),
                stance: Stance::SpecialStatement,
            },
        )
        .unwrap();
        assert_eq!(
            out.renamed,
            Some((
                "socialnamnden/reservation/M".into(),
                "socialnamnden/special_statement/M-2".into()
            ))
        );
        let case = load(&out.text);
        assert!(
            case.position_index("socialnamnden/special_statement/M-2")
                .is_some()
        );
        assert!(
            case.position_index("socialnamnden/special_statement/M")
                .is_some()
        );
    }

    #[test]
    fn assigning_an_unplaced_paragraph() {
        let doc = "Utlåtande Rotel I (Dnr KS 2025/9999)\nMotion om fler parkbänkar\nRemissammanställning\n\
Ärendet har remitterats till socialnämnden.\nSocialnämnden\n\
Socialnämnden beslutade vid sitt sammanträde den 17 februari 2026 följande.\n\
Socialnämnden avstyrker motionen.\nReservationer m.m.\nSocialnämnden\n\
Reservation av Ida Jansson m.fl. (M)\nModeraterna vill ha fler bänkar.\n\
Yttrande av Lena Berg (L)\nLiberalerna vill att frågan utreds vidare.\n";
        let imported = crate::import::import_text(doc, "t.txt", Lang::En);
        let case = load(&imported.toml);
        let sections = unplaced(&case);
        assert_eq!(sections.len(), 1, "{}", imported.toml);
        assert_eq!(
            sections[0].paragraphs,
            [
                "Yttrande av Lena Berg (L)",
                "Liberalerna vill att frågan utreds vidare."
            ]
        );
        let to_m = Destination::Position("socialnamnden/reservation/M".into());
        let once = apply(
            &imported.toml,
            &Change::Assign {
                section: "unplaced-1".into(),
                paragraph: 1,
                to: to_m.clone(),
            },
        )
        .unwrap();
        let case = load(&once.text);
        assert_eq!(unplaced(&case)[0].paragraphs, ["Yttrande av Lena Berg (L)"]);
        let p = case.position_index("socialnamnden/reservation/M").unwrap();
        assert_eq!(
            case.positions[p].paragraphs,
            [
                "Moderaterna vill ha fler bänkar.",
                "Liberalerna vill att frågan utreds vidare."
            ]
        );
        // Only the section's text and the position's text changed.
        let (gone, came) = changed(&imported.toml, &once.text);
        let texts = |lines: &[&str]| {
            lines.iter().all(|l| {
                l.starts_with("text = ")
                    || l.contains("Liberalerna")
                    || l.contains("Moderaterna")
                    || l.contains("Yttrande av")
                    || l.is_empty()
                    || *l == "\"\"\""
            })
        };
        assert!(texts(&gone) && texts(&came), "{gone:#?}\n{came:#?}");
        // The last paragraph: the section goes with it.
        let twice = apply(
            &once.text,
            &Change::Assign {
                section: "unplaced-1".into(),
                paragraph: 0,
                to: to_m,
            },
        )
        .unwrap();
        assert!(unplaced(&load(&twice.text)).is_empty());
        let (gone, _) = changed(&once.text, &twice.text);
        assert!(gone.contains(&"[[case.sections]]"), "{gone:#?}");
        // To a body's decision.
        let out = apply(
            &imported.toml,
            &Change::Assign {
                section: "unplaced-1".into(),
                paragraph: 0,
                to: Destination::Decision("socialnamnden".into()),
            },
        )
        .unwrap();
        assert_eq!(load(&out.text).bodies[0].decision.len(), 2);
        assert!(matches!(
            apply(
                &imported.toml,
                &Change::Assign {
                    section: "unplaced-1".into(),
                    paragraph: 2,
                    to: Destination::Decision("socialnamnden".into()),
                }
            ),
            Err(ReviewError::NotFound(_))
        ));
    }

    #[test]
    fn a_loaded_case_is_written_only_while_its_file_still_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("imported.toml");
        std::fs::write(&path, IMPORTED).unwrap();
        let loaded = model::load_file(&path).unwrap();
        let confirm = Change::Confirm {
            item: "socialnamnden/reject#stance".into(),
        };
        // A comment added by hand changes nothing the case says: the change is written.
        std::fs::write(&path, format!("# checked\n{IMPORTED}")).unwrap();
        let (applied, case) = apply_to_loaded(&loaded, &confirm).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), applied.text);
        assert!(applied.text.starts_with("# checked\n"));
        assert_eq!(case.positions[0].review(), Some(Review::Confirmed));
        assert_eq!(case.path.as_deref(), Some(path.as_path()));
        // The file now says something else than `loaded`: nothing is written.
        let before = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            apply_to_loaded(&loaded, &confirm).unwrap_err(),
            ReviewError::Changed
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
        // No file at all.
        let mut bundled = model::load_bundled();
        bundled.path = None;
        assert!(matches!(
            apply_to_loaded(&bundled, &confirm),
            Err(ReviewError::NoFile)
        ));
    }

    #[test]
    fn the_source_lines_around_a_sentence_only_where_the_document_holds_it() {
        let source: Vec<String> = SEED.split('\n').map(str::to_string).collect();
        let imported = crate::import::import_text(SEED, "seed.txt", Lang::En).toml;
        let case = load(&imported);
        let mut shown = 0;
        for item in items(&case) {
            for ev in &item.evidence {
                let lines = source_excerpt(&source, ev, 1)
                    .unwrap_or_else(|| panic!("{}: {:?} not on its lines", item.id, ev));
                assert!(lines.first().unwrap().0 <= ev.lines.0.saturating_sub(1).max(1));
                assert!(lines.iter().any(|(n, _)| *n == ev.lines.1));
                shown += 1;
            }
        }
        assert!(shown > 10, "{shown}");
        // The document changed (or is another one): nothing is shown.
        let ev = &case.positions[0].evidence[0];
        let mut other = source.clone();
        other[ev.lines.0 - 1] = "Något helt annat.".into();
        assert_eq!(source_excerpt(&other, ev, 1), None);
        assert_eq!(source_excerpt(&source[..2], ev, 1), None);
        // Hyphenation and a ligature in the document are no difference.
        let doc = vec![
            "Förvaltningen be-".to_string(),
            "dömer att ﬁka räcker.".to_string(),
        ];
        let ev = Evidence {
            fact: Fact::Stance,
            review: Review::Uncertain,
            rule: "r".into(),
            sentence: "Förvaltningen bedömer att fika räcker.".into(),
            lines: (1, 2),
            note: None,
        };
        assert_eq!(
            source_excerpt(&doc, &ev, 3).unwrap(),
            [(1, "Förvaltningen be-"), (2, "dömer att ﬁka räcker.")]
        );
    }

    #[test]
    fn a_file_that_is_no_toml_is_refused() {
        assert!(matches!(
            apply(
                "[[",
                &Change::Confirm {
                    item: "a#stance".into()
                }
            ),
            Err(ReviewError::Syntax(_))
        ));
    }
}
