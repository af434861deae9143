//! Accuracy of the Riksdag report importer against hand-checked expected results, and
//! PDF-like plain-text copies derived from a report's text (shared by `tests/riksdag.rs` and
//! `benches/riksdag_accuracy.rs`).
#![allow(dead_code)]

use remiss::i18n::Lang;
use remiss::import::{Document, Options, import};
use remiss::model::{Case, Review, Stance, parse_case};
use serde::Deserialize;
use std::path::Path;

pub const REPORTS: &[&str] = &["GE01AU1", "GP01BOU1"];

pub fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/riksdag/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[derive(Debug, Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub reservations: Vec<Entry>,
    #[serde(default)]
    pub statements: Vec<Entry>,
}

/// A reservation or special statement: its number, the points it concerns (sorted; one as a
/// rule, several for "punkterna 18 och 19"), its parties.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub number: Option<u32>,
    /// `point = "2"` or `point = ["18", "19"]` in an expected file.
    #[serde(default, rename = "point", deserialize_with = "one_or_many")]
    pub points: Vec<String>,
    pub parties: Vec<String>,
    #[serde(default)]
    pub reasons_only: bool,
    /// Marked uncertain by the importer (found entries only).
    #[serde(skip)]
    pub uncertain: bool,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    let mut v = match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    };
    v.sort();
    Ok(v)
}

pub fn expected(name: &str) -> Expected {
    toml::from_str(&fixture(&format!("{name}.expected.toml"))).unwrap()
}

/// The forms a report is imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The `dokumentstatus` JSON as published.
    Json,
    /// The report's HTML alone.
    Html,
    /// Text as pdftotext gives it: pages with form feeds, running heads and page numbers,
    /// lines of 60 characters, words split at line ends with soft hyphens.
    PdfText,
    /// Text copied out of a PDF viewer: no form feeds (running heads inside the text), no
    /// blank lines, words split with hard hyphens, headings glued to the text after them.
    Copied,
}

pub const FORMS: [Form; 4] = [Form::Json, Form::Html, Form::PdfText, Form::Copied];

impl Form {
    pub fn name(self) -> &'static str {
        match self {
            Form::Json => "json",
            Form::Html => "html",
            Form::PdfText => "pdftotext",
            Form::Copied => "copied",
        }
    }
}

/// The report's text as its HTML lays out.
pub fn laid_text(json: &str) -> (String, String) {
    let meta = remiss::import::riksdag::parse_dokumentstatus(json).unwrap();
    let rm = meta.rm.clone().unwrap();
    let laid = remiss::import::html::lay_out(&meta.html);
    let designation = format!("{rm}:{}", meta.beteckning.clone().unwrap());
    (laid.text, designation)
}

/// Wrap a line at `width` columns; a word that does not fit and is long is split between two
/// lower-case letters with `hyphen` at the end of the first line.
fn wrap(line: &str, width: usize, hyphen: &str, out: &mut Vec<String>) {
    let mut current = String::new();
    for word in line.split_whitespace() {
        let w = word.chars().count();
        let len = current.chars().count();
        if len > 0 && len + 1 + w > width {
            let chars: Vec<char> = word.chars().collect();
            let half = chars.len() / 2;
            let room = width.saturating_sub(len + 2);
            if chars.len() >= 10
                && half <= room
                && chars[..=half].iter().all(|c| c.is_lowercase())
                && chars[half..].iter().all(|c| c.is_lowercase())
            {
                let head: String = chars[..half].iter().collect();
                let tail: String = chars[half..].iter().collect();
                out.push(format!("{current} {head}{hyphen}"));
                current = tail;
                continue;
            }
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    out.push(current);
}

/// A PDF-like plain-text copy of a report's laid-out text.
pub fn pdf_like(text: &str, designation: &str, form: Form) -> String {
    let copied = form == Form::Copied;
    let hyphen = if copied { "-" } else { "\u{ad}" };
    let mut lines: Vec<String> = Vec::new();
    let source: Vec<&str> = text.lines().collect();
    let mut k = 0;
    while k < source.len() {
        let line = source[k].trim();
        if copied && line.is_empty() {
            k += 1;
            continue;
        }
        // Headings glued to the next line of text.
        if copied
            && matches!(line, "Ställningstagande" | "Förslag till riksdagsbeslut")
            && let Some(next) = source[k + 1..].iter().find(|l| !l.trim().is_empty())
        {
            let skip = source[k + 1..]
                .iter()
                .position(|l| !l.trim().is_empty())
                .unwrap_or(0);
            let mut glued = Vec::new();
            wrap(&format!("{line}{}", next.trim()), 60, hyphen, &mut glued);
            lines.extend(glued);
            k += skip + 2;
            continue;
        }
        if line.is_empty() {
            lines.push(String::new());
        } else {
            wrap(line, 60, hyphen, &mut lines);
        }
        k += 1;
    }
    let heads = [
        "RESERVATIONER",
        "UTSKOTTETS ÖVERVÄGANDEN",
        "SÄRSKILDA YTTRANDEN",
    ];
    let mut out = String::new();
    let page_len = 46;
    for (page, chunk) in lines.chunks(page_len).enumerate() {
        if page > 0 {
            let head = heads[page % heads.len()];
            if page % 2 == 0 {
                out.push_str(&format!("{head} {designation}\n"));
            } else {
                out.push_str(&format!("{designation} {head}\n"));
            }
            if !copied {
                out.push('\n');
            }
        }
        for l in chunk {
            out.push_str(l);
            out.push('\n');
        }
        if !copied {
            out.push_str(&format!("\n{}\n\u{c}", page + 1));
        }
    }
    out
}

/// The document to import in `form`.
pub fn document(name: &str, form: Form) -> Document {
    let json = fixture(&format!("{name}.dokumentstatus.json"));
    let text = match form {
        Form::Json => json,
        Form::Html => {
            remiss::import::riksdag::parse_dokumentstatus(&json)
                .unwrap()
                .html
        }
        Form::PdfText | Form::Copied => {
            let (laid, designation) = laid_text(&json);
            pdf_like(&laid, &designation, form)
        }
    };
    Document {
        name: format!("{name}.{}", form.name()),
        text,
    }
}

/// Import a document; the case it gives.
pub fn import_case(doc: &Document) -> (Case, String) {
    let out = import(std::slice::from_ref(doc), &Options::default(), Lang::En)
        .unwrap_or_else(|r| panic!("{}: {r:?}", doc.name));
    let toml = out.cases[0].toml.clone();
    let case = parse_case(&toml, &doc.name, "t").unwrap();
    (case, toml)
}

/// What was found, as expected entries.
pub fn found(case: &Case, stance: Stance) -> Vec<Entry> {
    case.positions
        .iter()
        .filter(|p| p.stance == stance)
        .map(|p| Entry {
            number: p.number,
            points: {
                let mut v: Vec<String> = p
                    .points
                    .iter()
                    .map(|&k| case.points[k].id.clone())
                    .collect();
                v.sort();
                v
            },
            parties: p.parties.clone(),
            reasons_only: p.reasons_only,
            uncertain: p.evidence.iter().any(|e| e.review == Review::Uncertain),
        })
        .collect()
}

/// Counts for one kind of entry in one document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub expected: usize,
    pub found: usize,
    /// Found with the right number (where the report numbers them), point and parties.
    pub correct: usize,
    /// Found entries that give a party the expected entry does not have, or miss one
    /// (phantoms included).
    pub wrong_party: usize,
    /// Found entries that match no expected one at all.
    pub phantom: usize,
    /// Found entries the importer marked uncertain.
    pub uncertain: usize,
}

impl Score {
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.correct as f64 / self.expected as f64
        }
    }
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.correct as f64 / self.found as f64
        }
    }
}

fn same_parties(a: &[String], b: &[String]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

/// Match found entries to expected ones: by number where both have one, else by point and
/// parties; each expected entry is matched at most once.
pub fn score(expected: &[Entry], found: &[Entry]) -> Score {
    let mut used = vec![false; expected.len()];
    let mut s = Score {
        expected: expected.len(),
        found: found.len(),
        ..Score::default()
    };
    for f in found {
        s.uncertain += usize::from(f.uncertain);
        let candidate = expected.iter().enumerate().position(|(i, e)| {
            !used[i]
                && match (e.number, f.number) {
                    (Some(a), Some(b)) => a == b,
                    _ => e.points == f.points && same_parties(&e.parties, &f.parties),
                }
        });
        match candidate {
            Some(i) => {
                used[i] = true;
                let e = &expected[i];
                if !same_parties(&e.parties, &f.parties) {
                    s.wrong_party += 1;
                } else if e.points == f.points {
                    s.correct += 1;
                }
            }
            None => {
                // Nothing it could be: a phantom, and its parties are wrong by definition.
                s.wrong_party += 1;
                s.phantom += 1;
            }
        }
    }
    s
}

/// (reservations, statements) of one report in one form.
pub fn measure(name: &str, form: Form) -> (Score, Score) {
    let (case, _) = import_case(&document(name, form));
    let exp = expected(name);
    (
        score(&exp.reservations, &found(&case, Stance::Reservation)),
        score(&exp.statements, &found(&case, Stance::SpecialStatement)),
    )
}

/// The forms a held-out report can be given in, by file extension: the dokumentstatus JSON, the
/// HTML alone, a text copy, a PDF (read through pdftotext).
pub const HELD_OUT_FORMS: [(&str, &str); 4] = [
    ("json", "json"),
    ("html", "html"),
    ("text", "txt"),
    ("pdf", "pdf"),
];

/// A truth file: `NAME.truth.json`, written by hand for a report the importer was not built
/// against (`{"points": [{"number": 1, …}], "reservations": [{"number": 4, "points": [2],
/// "parties": ["SD"], "reasons_only": false}], "special_statements": […]}`).
#[derive(Debug, Deserialize)]
struct Truth {
    #[serde(default)]
    points: Vec<TruthPoint>,
    #[serde(default)]
    reservations: Vec<TruthEntry>,
    #[serde(default)]
    special_statements: Vec<TruthEntry>,
}

#[derive(Debug, Deserialize)]
struct TruthPoint {
    number: serde_json::Value,
}

#[derive(Debug, Deserialize)]
struct TruthEntry {
    number: Option<u32>,
    #[serde(default)]
    points: Vec<serde_json::Value>,
    parties: Vec<String>,
    #[serde(default)]
    reasons_only: bool,
}

fn id_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// One held-out report: its expected entries and point ids, and each form found beside it
/// (a form that could not be read carries the reason).
pub struct HeldOut {
    pub name: String,
    pub expected: Expected,
    pub points: Vec<String>,
    pub forms: Vec<(&'static str, Result<Document, String>)>,
}

/// The reports of a directory of held-out reports: every `NAME.truth.json` with the files
/// `NAME.json`, `NAME.html`, `NAME.txt`, `NAME.pdf` that exist beside it, in name order.
/// Errors: the directory or a truth file cannot be read or parsed.
pub fn held_out(dir: &Path) -> Result<Vec<HeldOut>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".truth.json"))
                .map(str::to_string)
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let path = dir.join(format!("{name}.truth.json"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let truth: Truth =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let entry = |t: &TruthEntry| {
            let mut points: Vec<String> = t.points.iter().map(id_of).collect();
            points.sort();
            Entry {
                number: t.number,
                points,
                parties: t.parties.clone(),
                reasons_only: t.reasons_only,
                uncertain: false,
            }
        };
        let expected = Expected {
            reservations: truth.reservations.iter().map(entry).collect(),
            statements: truth.special_statements.iter().map(entry).collect(),
        };
        let points = truth.points.iter().map(|p| id_of(&p.number)).collect();
        let mut forms = Vec::new();
        for (form, ext) in HELD_OUT_FORMS {
            let file = dir.join(format!("{name}.{ext}"));
            if !file.exists() {
                continue;
            }
            let doc = remiss::import::read_document(&file)
                .map(|text| Document {
                    name: file.display().to_string(),
                    text,
                })
                .map_err(|e| e.message(Lang::En));
            forms.push((form, doc));
        }
        out.push(HeldOut {
            name,
            expected,
            points,
            forms,
        });
    }
    Ok(out)
}
