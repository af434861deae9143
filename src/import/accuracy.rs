//! How accurate the importer is, measured against reviewed expectations: precision and recall
//! per field, over a folder of documents.
//!
//! An expectation ([`Expected`]) is either a reviewed case file (`NAME.toml` beside `NAME.txt`,
//! or `NAME.expected.toml` where the importer's output differs from the truth), which gives
//! every field, or a truth file (`NAME.truth.json`, the format of the shared import cases),
//! which gives bodies, stances and statements. Fields ([`Field`]):
//!
//! - **bodies**: the bodies, by name (case and white space aside);
//! - **stances**: each body's own stance on the motion (its decision, or `no_answer`); an
//!   `unknown` stance claims nothing, so it lowers recall and never precision;
//! - **statements**: the members' statements as (body, stance, parties);
//! - **links**: `identical_to` and `concurs_with`, between (body, stance, parties) keys;
//! - **words**: the words of each position's text found, in order, in the text of the same
//!   position (a longest common subsequence of words).
//!
//! Each field counts true positives (claimed and right), false positives (claimed and wrong)
//! and false negatives (expected and not given); precision = tp / (tp + fp), recall = tp /
//! (tp + fn). `cargo bench --bench import_accuracy` prints the figures; a test in `cargo test`
//! fails when stances or statements fall below the recorded ones.

use crate::i18n::Lang;
use crate::model::{Case, Stance};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// What is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Bodies,
    Stances,
    Statements,
    Links,
    Words,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Bodies,
        Field::Stances,
        Field::Statements,
        Field::Links,
        Field::Words,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Bodies => "bodies",
            Field::Stances => "stances",
            Field::Statements => "statements",
            Field::Links => "links",
            Field::Words => "words",
        }
    }
}

/// Counts of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp); 1 when nothing was claimed.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// A body as written in an expectation or a case, for comparison: NFC, lower case, white space
/// collapsed (a ligature or a trailing dot still make another name).
pub fn name_key(name: &str) -> String {
    let n: String = name.nfc().collect();
    n.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A position: (body key, stance, parties in upper case, sorted).
pub type PositionKey = (String, Stance, Vec<String>);

fn position_key(body: &str, stance: Stance, parties: &[String]) -> PositionKey {
    let mut p: Vec<String> = parties
        .iter()
        .map(|c| c.nfc().collect::<String>().to_uppercase())
        .collect();
    p.sort();
    p.dedup();
    (name_key(body), stance, p)
}

/// What a document should import to.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// Body names as written.
    pub bodies: Vec<String>,
    /// Each body's own stance (a decision, or `no_answer`), by body key.
    pub stances: BTreeMap<String, Stance>,
    /// The members' statements.
    pub statements: Vec<PositionKey>,
    /// `identical_to` and `concurs_with`: (from, is identical, to); `None` when the
    /// expectation does not say.
    pub links: Option<Vec<(PositionKey, bool, PositionKey)>>,
    /// Every position's words (the n-th position of a key keeps its order); `None` when the
    /// expectation does not say.
    pub words: Option<Vec<(PositionKey, Vec<String>)>>,
    /// Case fields the document states (from a truth file).
    pub case: TruthCase,
    /// Phrases that must not stand in a position's text (from a truth file).
    pub forbidden: Vec<Forbidden>,
}

/// The body's own stance in a case: its decision, `no_answer` for a body that did not answer,
/// `None` for `unknown` or no decision.
fn own_stance(case: &Case, b: usize) -> Option<Stance> {
    if !case.bodies[b].answered {
        return Some(Stance::NoAnswer);
    }
    case.positions_of(b)
        .map(|(_, p)| p.stance)
        .find(|s| s.is_decision())
        .filter(|s| *s != Stance::Unknown)
}

fn key_of(case: &Case, i: usize) -> PositionKey {
    let p = &case.positions[i];
    position_key(&case.bodies[p.body].name, p.stance, &p.parties)
}

fn words(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|p| p.split_whitespace().map(str::to_string))
        .collect()
}

impl Expected {
    /// Everything a reviewed case file says.
    pub fn from_case(case: &Case) -> Expected {
        let mut e = Expected {
            bodies: case.bodies.iter().map(|b| b.name.clone()).collect(),
            links: Some(Vec::new()),
            words: Some(Vec::new()),
            ..Expected::default()
        };
        for b in 0..case.bodies.len() {
            if let Some(s) = own_stance(case, b) {
                e.stances.insert(name_key(&case.bodies[b].name), s);
            }
        }
        for (i, p) in case.positions.iter().enumerate() {
            if p.stance.needs_text() {
                e.statements.push(key_of(case, i));
            }
            let links = e.links.get_or_insert_with(Vec::new);
            if let Some(t) = p.identical_to {
                links.push((key_of(case, i), true, key_of(case, t)));
            }
            if let Some(t) = p.concurs_with {
                links.push((key_of(case, i), false, key_of(case, t)));
            }
            e.words
                .get_or_insert_with(Vec::new)
                .push((key_of(case, i), words(&p.paragraphs)));
        }
        e
    }

    /// What a truth file (`NAME.truth.json`) says: bodies, stances, statements, case fields and
    /// forbidden text. Errors name what is wrong with the file.
    pub fn from_truth(json: &str) -> Result<Expected, String> {
        let t: Truth = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let mut e = Expected {
            case: t.case.unwrap_or_default(),
            forbidden: t.forbidden_text_in_positions,
            ..Expected::default()
        };
        for (body, positions) in &t.bodies {
            e.bodies.push(body.clone());
            for p in positions {
                let stance = Stance::parse(&p.stance)
                    .ok_or_else(|| format!("unknown stance `{}` in {body}", p.stance))?;
                if stance.needs_text() {
                    e.statements.push(position_key(body, stance, &p.parties));
                } else {
                    e.stances.insert(name_key(body), stance);
                }
            }
        }
        Ok(e)
    }

    /// Compare with an imported case: counts per field.
    pub fn measure(&self, got: &Case) -> BTreeMap<Field, Counts> {
        let mut out = BTreeMap::new();
        let expected_bodies: Vec<String> = self.bodies.iter().map(|b| name_key(b)).collect();
        let got_bodies: Vec<String> = got.bodies.iter().map(|b| name_key(&b.name)).collect();
        out.insert(Field::Bodies, multiset(&expected_bodies, &got_bodies));
        // Stances: a claim per body that states one; an abstention (unknown) is no claim.
        let mut stances = Counts::default();
        for b in 0..got.bodies.len() {
            let k = name_key(&got.bodies[b].name);
            match (own_stance(got, b), self.stances.get(&k)) {
                (Some(g), Some(e)) if g == *e => stances.tp += 1,
                (Some(_), _) => stances.fp += 1,
                (None, _) => {}
            }
        }
        stances.fn_ = self.stances.len() - stances.tp;
        out.insert(Field::Stances, stances);
        let got_statements: Vec<PositionKey> = (0..got.positions.len())
            .filter(|&i| got.positions[i].stance.needs_text())
            .map(|i| key_of(got, i))
            .collect();
        out.insert(
            Field::Statements,
            multiset(&self.statements, &got_statements),
        );
        if let Some(links) = &self.links {
            let mut g = Vec::new();
            for (i, p) in got.positions.iter().enumerate() {
                if let Some(t) = p.identical_to {
                    g.push((key_of(got, i), true, key_of(got, t)));
                }
                if let Some(t) = p.concurs_with {
                    g.push((key_of(got, i), false, key_of(got, t)));
                }
            }
            out.insert(Field::Links, multiset(links, &g));
        }
        if let Some(expected) = &self.words {
            out.insert(Field::Words, word_counts(expected, got));
        }
        out
    }

    /// What a truth file demands beyond the counts, as the shared checker words it: a missing
    /// or unexpected body or position, a case field, forbidden text. Empty: the import is
    /// right.
    pub fn violations(&self, got: &Case) -> Vec<String> {
        let mut out = Vec::new();
        let got_keys: Vec<String> = got.bodies.iter().map(|b| name_key(&b.name)).collect();
        for b in &self.bodies {
            if !got_keys.contains(&name_key(b)) {
                out.push(format!("missing body {b:?}"));
            }
        }
        for (b, k) in got.bodies.iter().zip(&got_keys) {
            if !self.bodies.iter().any(|e| name_key(e) == *k) {
                out.push(format!("unexpected body {:?}", b.name));
            }
        }
        let counts = self.measure(got);
        for field in [Field::Stances, Field::Statements] {
            let c = counts[&field];
            if c.fp > 0 || c.fn_ > 0 {
                out.push(format!(
                    "{}: {} wrong or unexpected, {} missing",
                    field.as_str(),
                    c.fp,
                    c.fn_
                ));
            }
        }
        // An unknown stance is honest, not right: the shared checker wants the truth.
        for (b, body) in got.bodies.iter().enumerate() {
            if got
                .positions_of(b)
                .any(|(_, p)| p.stance == Stance::Unknown)
            {
                out.push(format!("{}: stance unknown", body.name));
            }
        }
        let c = &self.case;
        let field = |name: &str, want: &Option<String>, got: &str, out: &mut Vec<String>| {
            if let Some(w) = want
                && name_key(w) != name_key(got)
            {
                out.push(format!("case.{name}: expected {w:?}, got {got:?}"));
            }
        };
        field("dnr", &c.dnr, &got.dnr, &mut out);
        field("title", &c.title, &got.title, &mut out);
        field("kind", &c.kind, got.kind.as_str(), &mut out);
        field(
            "presenting_commissioner",
            &c.presenting_commissioner,
            got.presenting_commissioner.as_deref().unwrap_or(""),
            &mut out,
        );
        if let Some(want) = &c.proposal_contains
            && !name_key(&got.proposal.join(" ")).contains(&name_key(want))
        {
            out.push(format!("case.proposal: expected to contain {want:?}"));
        }
        if let Some(authors) = &c.authors {
            let want: Vec<(String, String)> = authors
                .iter()
                .map(|a| {
                    (
                        name_key(&a.name),
                        a.party.clone().unwrap_or_default().to_uppercase(),
                    )
                })
                .collect();
            let have: Vec<(String, String)> = got
                .authors
                .iter()
                .map(|a| {
                    (
                        name_key(&a.name),
                        a.party.clone().unwrap_or_default().to_uppercase(),
                    )
                })
                .collect();
            if want != have {
                out.push(format!("case.authors: expected {want:?}, got {have:?}"));
            }
        }
        for f in &self.forbidden {
            let key = position_key(
                &f.body,
                Stance::parse(&f.stance).unwrap_or(Stance::Unknown),
                &f.parties,
            );
            let phrase = name_key(&f.must_not_contain);
            for (i, p) in got.positions.iter().enumerate() {
                if key_of(got, i) != key {
                    continue;
                }
                let mut text = p.paragraphs.join(" ");
                if p.stance.is_decision() && p.parties.is_empty() {
                    text = format!("{} {text}", got.bodies[p.body].decision.join(" "));
                }
                if name_key(&text).contains(&phrase) {
                    out.push(format!("{} text contains {:?}", p.id, f.must_not_contain));
                }
            }
        }
        out
    }
}

/// Multiset counts: how many of `got` match an item of `expected` (each used once).
fn multiset<T: PartialEq>(expected: &[T], got: &[T]) -> Counts {
    let mut left: Vec<&T> = expected.iter().collect();
    let mut c = Counts::default();
    for g in got {
        match left.iter().position(|e| *e == g) {
            Some(k) => {
                left.remove(k);
                c.tp += 1;
            }
            None => c.fp += 1,
        }
    }
    c.fn_ = left.len();
    c
}

/// Words of each expected position found in order in the text of the position with the same
/// key (the n-th of a key with the n-th); words of other positions are false positives.
fn word_counts(expected: &[(PositionKey, Vec<String>)], got: &Case) -> Counts {
    let mut got_texts: Vec<(PositionKey, Vec<String>, bool)> = (0..got.positions.len())
        .map(|i| (key_of(got, i), words(&got.positions[i].paragraphs), false))
        .collect();
    let mut c = Counts::default();
    for (key, want) in expected {
        let found = got_texts.iter_mut().find(|(k, _, used)| k == key && !used);
        let have: &[String] = match found {
            Some((_, have, used)) => {
                *used = true;
                have
            }
            None => &[],
        };
        let matched = lcs(want, have);
        c.tp += matched;
        c.fn_ += want.len() - matched;
        c.fp += have.len() - matched;
    }
    c.fp += got_texts
        .iter()
        .filter(|(_, _, used)| !used)
        .map(|(_, w, _)| w.len())
        .sum::<usize>();
    c
}

/// Length of the longest common subsequence of two lists (of words), in linear memory.
pub fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y {
                diag + 1
            } else {
                row[j + 1].max(row[j])
            };
            diag = up;
        }
    }
    row[b.len()]
}

/// `NAME.truth.json`.
#[derive(Debug, Deserialize)]
struct Truth {
    bodies: BTreeMap<String, Vec<TruthPosition>>,
    case: Option<TruthCase>,
    #[serde(default)]
    forbidden_text_in_positions: Vec<Forbidden>,
}

#[derive(Debug, Deserialize)]
struct TruthPosition {
    stance: String,
    #[serde(default)]
    parties: Vec<String>,
}

/// The case fields a truth file states (`null`: not stated).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TruthCase {
    pub dnr: Option<String>,
    pub title: Option<String>,
    pub kind: Option<String>,
    pub authors: Option<Vec<TruthAuthor>>,
    pub presenting_commissioner: Option<String>,
    pub proposal_contains: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TruthAuthor {
    pub name: String,
    pub party: Option<String>,
}

/// A phrase that must not stand in the named position's text.
#[derive(Debug, Clone, Deserialize)]
pub struct Forbidden {
    pub body: String,
    pub stance: String,
    #[serde(default)]
    pub parties: Vec<String>,
    pub must_not_contain: String,
}

/// One document and what it should import to.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub name: String,
    pub document: PathBuf,
    pub expected: Expected,
}

/// Every document of `dir` with an expectation: `NAME.txt` with `NAME.expected.toml`, else
/// `NAME.toml`, else `NAME.truth.json`; in name order. Errors name the file.
pub fn fixtures(dir: &Path) -> Result<Vec<Fixture>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then(|| p.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let read = |file: &str| std::fs::read_to_string(dir.join(file)).ok();
        let expected = if let Some(src) =
            read(&format!("{name}.expected.toml")).or_else(|| read(&format!("{name}.toml")))
        {
            let case = crate::model::parse_case(&src, &name, &name)
                .map_err(|p| format!("{name}: the expected case does not load: {p:?}"))?;
            Expected::from_case(&case)
        } else if let Some(json) = read(&format!("{name}.truth.json")) {
            Expected::from_truth(&json).map_err(|e| format!("{name}.truth.json: {e}"))?
        } else {
            continue;
        };
        out.push(Fixture {
            document: dir.join(format!("{name}.txt")),
            name,
            expected,
        });
    }
    Ok(out)
}

/// The measure of a set of fixtures.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Counts per field, over every document.
    pub total: BTreeMap<Field, Counts>,
    /// Per document: its name and its counts.
    pub documents: Vec<(String, BTreeMap<Field, Counts>)>,
}

impl Report {
    /// Import every fixture and measure it.
    pub fn measure(fixtures: &[Fixture]) -> Result<Report, String> {
        let mut r = Report::default();
        for f in fixtures {
            let text = std::fs::read_to_string(&f.document)
                .map_err(|e| format!("{}: {e}", f.document.display()))?;
            let file_name = f
                .document
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let imported = super::import_text(&text, &file_name, Lang::En);
            let counts = f.expected.measure(&imported.case);
            for (field, c) in &counts {
                r.total.entry(*field).or_default().add(*c);
            }
            r.documents.push((f.name.clone(), counts));
        }
        Ok(r)
    }

    /// A table: field, tp, fp, fn, precision, recall.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<11} {:>7} {:>6} {:>6} {:>10} {:>8}\n",
            "field", "tp", "fp", "fn", "precision", "recall"
        );
        for field in Field::ALL {
            if let Some(c) = self.total.get(&field) {
                s.push_str(&format!(
                    "{:<11} {:>7} {:>6} {:>6} {:>10.3} {:>8.3}\n",
                    field.as_str(),
                    c.tp,
                    c.fp,
                    c.fn_,
                    c.precision(),
                    c.recall()
                ));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn a_case_measured_against_itself_is_perfect() {
        let case = load_bundled();
        let e = Expected::from_case(&case);
        let m = e.measure(&case);
        for (field, c) in &m {
            assert_eq!((c.fp, c.fn_), (0, 0), "{field:?}");
            assert!(c.tp > 0, "{field:?}");
        }
        assert_eq!(m[&Field::Stances].tp, 9);
    }

    #[test]
    fn wrong_unknown_and_missing_count_as_they_should() {
        let case = load_bundled();
        let e = Expected::from_case(&case);
        let src = crate::model::BUNDLED_CASE
            .replacen("stance = \"reject\"", "stance = \"approve\"", 1)
            .replacen("stance = \"reject\"", "stance = \"unknown\"", 1);
        let got = crate::model::parse_case(&src, "t", "t").unwrap();
        let c = e.measure(&got)[&Field::Stances];
        assert_eq!((c.tp, c.fp, c.fn_), (7, 1, 2));
        assert!(c.precision() < 1.0 && c.recall() < 1.0);
    }

    #[test]
    fn truth_files() {
        let e = Expected::from_truth(include_str!(
            "../../tests/fixtures/import-cases/sarskilt-yttrande-merged.truth.json"
        ))
        .unwrap();
        assert_eq!(e.bodies, ["Socialnämnden"]);
        assert_eq!(e.stances[&name_key("Socialnämnden")], Stance::Reject);
        assert_eq!(e.statements.len(), 2);
        assert_eq!(e.forbidden.len(), 2);
        assert!(Expected::from_truth("{\"bodies\":{\"A\":[{\"stance\":\"x\"}]}}").is_err());
    }
}
