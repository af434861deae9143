//! The on-disk case format, version 1, as serde types. See `docs/case-format.md`.
//!
//! These types mirror the file exactly (unknown keys are errors) and keep the spans of every
//! value that validation may have to point at. `super::load` turns them into the domain types.

use serde::Deserialize;
use toml::Spanned;

pub const FORMAT_VERSION: i64 = 1;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    pub format: Spanned<i64>,
    pub case: CaseTable,
    #[serde(default)]
    pub parties: Vec<PartyTable>,
    pub majority: Option<MajorityTable>,
    #[serde(default)]
    pub bodies: Vec<BodyTable>,
    #[serde(default)]
    pub positions: Vec<Spanned<PositionTable>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseTable {
    pub id: Option<Spanned<String>>,
    pub dnr: String,
    pub title: String,
    pub kind: super::CaseKind,
    pub municipality: Option<String>,
    pub date: Option<Spanned<toml::value::Datetime>>,
    pub motion_date: Option<Spanned<toml::value::Datetime>>,
    pub proposal: Option<String>,
    pub presenting_commissioner: Option<String>,
    #[serde(default)]
    pub attachments: Vec<String>,
    pub source: Option<SourceTable>,
    #[serde(default)]
    pub authors: Vec<SignatoryTable>,
    #[serde(default)]
    pub sections: Vec<Spanned<SectionTable>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceTable {
    pub title: Option<String>,
    pub file: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatoryTable {
    pub name: String,
    pub party: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionTable {
    pub id: Spanned<String>,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyTable {
    pub code: Spanned<String>,
    pub name: String,
    pub colour: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MajorityTable {
    pub name: Option<String>,
    pub parties: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyTable {
    pub id: Spanned<String>,
    pub name: String,
    pub kind: super::BodyKind,
    pub administration: Option<String>,
    pub opinion_date: Option<Spanned<toml::value::Datetime>>,
    pub meeting_date: Option<Spanned<toml::value::Datetime>>,
    pub decision: Option<String>,
    #[serde(default = "yes")]
    pub answered: bool,
    #[serde(default)]
    pub evidence: Vec<Spanned<EvidenceTable>>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionTable {
    pub id: Option<Spanned<String>>,
    pub body: Spanned<String>,
    pub stance: Spanned<super::Stance>,
    #[serde(default)]
    pub parties: Vec<Spanned<String>>,
    #[serde(default)]
    pub signatories: Vec<SignatoryTable>,
    pub byline: Option<String>,
    pub author: Option<String>,
    pub date: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    pub proposals: Vec<String>,
    pub text: Option<String>,
    pub identical_to: Option<Spanned<String>>,
    pub concurs_with: Option<Spanned<String>>,
    #[serde(default)]
    pub evidence: Vec<Spanned<EvidenceTable>>,
}

/// `[[positions.evidence]]` and `[[bodies.evidence]]`: where an imported fact comes from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceTable {
    pub fact: Spanned<super::Fact>,
    pub review: Spanned<super::Review>,
    pub rule: Spanned<String>,
    pub sentence: Spanned<String>,
    pub lines: Spanned<Vec<i64>>,
    pub note: Option<String>,
}

/// Every key the format knows, per table, for "did you mean" suggestions.
pub const KNOWN_KEYS: &[&str] = &[
    "format",
    "case",
    "parties",
    "majority",
    "bodies",
    "positions", // top level
    "id",
    "dnr",
    "title",
    "kind",
    "municipality",
    "date",
    "motion_date",
    "proposal",
    "presenting_commissioner",
    "attachments",
    "source",
    "authors",
    "sections", // [case]
    "file",
    "url",
    "name",
    "party",
    "text",
    "code",
    "colour", // small tables
    "administration",
    "opinion_date",
    "meeting_date",
    "decision",
    "answered", // [[bodies]]
    "body",
    "stance",
    "signatories",
    "byline",
    "author",
    "proposals",
    "identical_to",
    "concurs_with",
    "evidence", // [[positions]]
    "fact",
    "review",
    "rule",
    "sentence",
    "lines",
    "note", // [[positions.evidence]], [[bodies.evidence]]
];
