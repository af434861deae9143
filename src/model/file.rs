//! The on-disk case format, version 1, as serde types. See `docs/case-format.md`.
//!
//! These types mirror the file exactly (unknown keys are errors) and keep the spans of every
//! value that validation may have to point at. `super::load` turns them into the domain types.
//!
//! The JSON Schema of the format ([`schema`], `remiss schema`) is derived from these same types
//! (schemars): their doc comments are its descriptions, so an editor that validates case files
//! with it (taplo, Even Better TOML) checks the keys the loader reads.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

pub const FORMAT_VERSION: i64 = 1;

/// A case file (format version 1): the case, its parties and majority, the bodies it was
/// referred to, and every position taken on it. See docs/case-format.md.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "remiss case file, format 1")]
pub struct CaseFile<'a> {
    /// Format version; must be 1 (and precede the first table).
    // Optional to serde, required by the loader: a file is read one table at a time
    // (`super::pieces`), so no one table has both.
    #[schemars(with = "FormatVersion")]
    pub format: Option<Spanned<i64>>,
    /// The case itself.
    #[schemars(with = "CaseTable")]
    pub case: Option<CaseTable>,
    /// Every party the file refers to.
    #[serde(default)]
    pub parties: Vec<PartyTable>,
    /// The governing majority (used by the party lens to infer a decision's parties).
    pub majority: Option<MajorityTable>,
    /// The bodies, in document order.
    #[serde(default)]
    pub bodies: Vec<BodyTable>,
    /// What each body, or some of its members, said about the motion.
    #[serde(default)]
    #[schemars(with = "Vec<PositionTable>")]
    #[serde(borrow)]
    pub positions: Vec<Spanned<PositionTable<'a>>>,
    /// Numbered decision points (att-satser of a motion, förslagspunkter of a report, a
    /// protocol's §), in document order.
    #[serde(default)]
    #[schemars(with = "Vec<PointTable>")]
    pub points: Vec<Spanned<PointTable>>,
}

impl<'a> CaseFile<'a> {
    /// Add the tables of a later piece of the same file (`super::pieces`): lists grow in file
    /// order; a table given once keeps its first value (a file that gives one twice is not
    /// read in pieces, so the toml crate reports it).
    pub(crate) fn merge(&mut self, part: CaseFile<'a>) {
        self.format = self.format.take().or(part.format);
        self.case = self.case.take().or(part.case);
        self.majority = self.majority.take().or(part.majority);
        self.parties.extend(part.parties);
        self.bodies.extend(part.bodies);
        self.positions.extend(part.positions);
        self.points.extend(part.points);
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseTable {
    /// Stable id: a-z, 0-9, -, _ (default: the file name, slugged); unique within a folder.
    #[schemars(with = "Option<Id>")]
    pub id: Option<Spanned<String>>,
    /// Registration number (diarienummer), e.g. `KS 2025/1121`.
    pub dnr: String,
    /// The title of the case.
    pub title: String,
    /// What the case is about: motion, skrivelse, proposal (förslag) or other.
    pub kind: super::CaseKind,
    /// e.g. `Stockholm`.
    pub municipality: Option<String>,
    /// Date of the statement (utlåtande).
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<toml::value::Datetime>>,
    /// Date of the motion.
    #[schemars(with = "Option<Date>")]
    pub motion_date: Option<Spanned<toml::value::Datetime>>,
    /// The proposal to the council; a blank line starts a new paragraph.
    pub proposal: Option<String>,
    /// Föredragande borgarråd.
    pub presenting_commissioner: Option<String>,
    /// Bilagor, as listed.
    #[serde(default)]
    pub attachments: Vec<String>,
    /// Where the text comes from.
    pub source: Option<SourceTable>,
    /// The motion's authors.
    #[serde(default)]
    pub authors: Vec<SignatoryTable>,
    /// The statement's own texts (summary, the commissioner's views, …), in file order.
    #[serde(default)]
    #[schemars(with = "Vec<SectionTable>")]
    pub sections: Vec<Spanned<SectionTable>>,
}

/// Where the case's text comes from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceTable {
    /// The source document's title.
    pub title: Option<String>,
    /// Its file name.
    pub file: Option<String>,
    /// Its address.
    pub url: Option<String>,
}

/// A signatory: `{ name = "Andréa Hedin m.fl.", party = "M" }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatoryTable {
    /// Name as written, "m.fl." kept.
    pub name: String,
    /// A declared party code.
    #[schemars(with = "Option<String>")]
    pub party: Option<Spanned<String>>,
}

/// One of the statement's own texts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionTable {
    /// Unique within the case, e.g. `summary`, `commissioner_views`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The heading as written.
    pub title: String,
    /// The text; a blank line starts a new paragraph. Must not be empty.
    pub text: String,
}

/// A party the file refers to.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyTable {
    /// Unique short code without spaces: M, S, V, MP, C, L, KD, SD.
    #[schemars(with = "String")]
    pub code: Spanned<String>,
    /// e.g. `Moderaterna`.
    pub name: String,
    /// `#RRGGBB`, e.g. `#1B49DD`.
    #[schemars(with = "Option<Colour>")]
    pub colour: Option<Spanned<String>>,
}

/// The governing majority.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MajorityTable {
    /// e.g. `den rödgröna majoriteten`.
    pub name: Option<String>,
    /// The governing parties' codes.
    #[schemars(with = "Vec<String>")]
    pub parties: Vec<Spanned<String>>,
}

/// A body the case was referred to, or that prepared or decided it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyTable {
    /// a-z, 0-9, -, _; unique. Used by a position's `body` and in position ids.
    #[schemars(with = "Id")]
    pub id: Spanned<String>,
    /// e.g. `Södermalms stadsdelsnämnd`.
    pub name: String,
    /// What kind of body it is.
    pub kind: super::BodyKind,
    /// The administration (förvaltning) that wrote the opinion.
    pub administration: Option<String>,
    /// Date of the administration's opinion (tjänsteutlåtande).
    #[schemars(with = "Option<Date>")]
    pub opinion_date: Option<Spanned<toml::value::Datetime>>,
    /// Date of the meeting (sammanträde) that decided.
    #[schemars(with = "Option<Date>")]
    pub meeting_date: Option<Spanned<toml::value::Datetime>>,
    /// The decision (beslut) as written; a blank line starts a new paragraph.
    pub decision: Option<String>,
    /// `false`: the body did not answer ("har inte inkommit med svar").
    #[serde(default = "yes")]
    #[schemars(default = "yes")]
    pub answered: bool,
    /// Where an imported `meeting_date`, `opinion_date` or `answered` comes from.
    #[serde(default)]
    #[schemars(with = "Vec<EvidenceTable>")]
    pub evidence: Vec<Spanned<EvidenceTable>>,
}

fn yes() -> bool {
    true
}

/// What one body, or some of its members, said about the motion.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PositionTable<'a> {
    /// An explicit position id (default: `<body>/<stance>[/<parties>]`): non-empty, no spaces,
    /// unique.
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// A body's `id` (not one with `answered = false`).
    #[schemars(with = "String")]
    pub body: Spanned<String>,
    /// The stance on the motion.
    #[schemars(with = "super::Stance")]
    pub stance: Spanned<super::Stance>,
    /// The parties behind the position (default: the signatories' parties).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub parties: Vec<Spanned<String>>,
    /// The signatories, in the order signed.
    #[serde(default)]
    pub signatories: Vec<SignatoryTable>,
    /// The signature line as written (default: generated from the signatories).
    pub byline: Option<String>,
    /// Who wrote the text, e.g. the administration whose opinion the body adopted.
    pub author: Option<String>,
    /// Default: the body's meeting date, else its opinion date.
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<toml::value::Datetime>>,
    /// The att-satser: `"att tillstyrka motionen,"`.
    #[serde(default)]
    pub proposals: Vec<String>,
    /// The text; a blank line starts a new paragraph. Required for a reservation, special
    /// statement or substitute's statement unless `identical_to` or `concurs_with` is set.
    // Borrowed from the source where it has no escapes: a long text is not held twice.
    #[serde(borrow)]
    pub text: Option<std::borrow::Cow<'a, str>>,
    /// A position id with the same text (likalydande).
    #[schemars(with = "Option<String>")]
    pub identical_to: Option<Spanned<String>>,
    /// A position id concurred with (instämde i).
    #[schemars(with = "Option<String>")]
    pub concurs_with: Option<Spanned<String>>,
    /// The id of the decision point the position concerns (`"2"`), or the ids of several
    /// (`["18", "19"]`, for "punkterna 18 och 19").
    #[schemars(with = "Option<PointIds>")]
    pub point: Option<Spanned<toml::Value>>,
    /// The document's number for the position: 4 for "Reservation 4".
    #[schemars(with = "Option<Count>")]
    pub number: Option<Spanned<i64>>,
    /// A reservation against the reasoning only, not the decision (motivreservation).
    #[serde(default)]
    pub reasons_only: bool,
    /// Where an imported stance, parties, body, link, date, point or number comes from.
    #[serde(default)]
    #[schemars(with = "Vec<EvidenceTable>")]
    pub evidence: Vec<Spanned<EvidenceTable>>,
}

/// `[[points]]`: a numbered decision point, its proposal, decision, motions and vote.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PointTable {
    /// The document's number or id: `2`, `3b`, `kommunstyrelsen-145`; no spaces or `/`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The point's heading.
    pub title: String,
    /// The body whose proposal and decision these are.
    #[schemars(with = "Option<String>")]
    pub body: Option<Spanned<String>>,
    /// The body's proposal, as written; a blank line starts a new paragraph.
    pub proposal: Option<String>,
    /// The decision (the chamber's, the body's), as written.
    pub decision: Option<String>,
    /// The motions moved at the meeting (yrkanden), in order.
    #[serde(default)]
    pub moves: Vec<MoveTable>,
    /// How the chair put the motions to the meeting (propositionsordning), as written.
    pub propositions: Option<String>,
    /// How the point was decided.
    #[schemars(with = "Option<VoteTable>")]
    pub vote: Option<Spanned<VoteTable>>,
}

/// `[[points.moves]]`: a motion moved at the meeting (yrkande).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveTable {
    /// Who moved it.
    pub name: String,
    /// Their party's code.
    #[schemars(with = "Option<String>")]
    pub party: Option<Spanned<String>>,
    /// What it asks, as written.
    pub text: String,
}

/// `[points.vote]`: by acclamation, or a vote with its counts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteTable {
    /// `acclamation` or `vote`.
    pub method: super::VoteMethod,
    /// Ja: the yes votes.
    #[schemars(with = "Option<Count>")]
    pub yes: Option<Spanned<i64>>,
    /// Nej: the no votes.
    #[schemars(with = "Option<Count>")]
    pub no: Option<Spanned<i64>>,
    /// Avstår: the abstentions.
    #[schemars(with = "Option<Count>")]
    pub abstain: Option<Spanned<i64>>,
    /// Frånvarande: the members absent.
    #[schemars(with = "Option<Count>")]
    pub absent: Option<Spanned<i64>>,
    /// What a yes vote was for.
    pub yes_for: Option<String>,
    /// What a no vote was for.
    pub no_for: Option<String>,
    /// `yes` or `no` where the document says so (a tie settled by the chair).
    #[schemars(with = "Option<super::Choice>")]
    pub winner: Option<Spanned<super::Choice>>,
    /// Each party's counts.
    #[serde(default)]
    #[schemars(with = "Vec<PartyVoteTable>")]
    pub parties: Vec<Spanned<PartyVoteTable>>,
    /// Each member's vote.
    #[serde(default)]
    pub members: Vec<MemberVoteTable>,
}

/// `[[points.vote.parties]]`: one party's counts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyVoteTable {
    /// The party's code.
    #[schemars(with = "String")]
    pub party: Spanned<String>,
    /// Its yes votes.
    #[schemars(with = "Option<Count>")]
    pub yes: Option<Spanned<i64>>,
    /// Its no votes.
    #[schemars(with = "Option<Count>")]
    pub no: Option<Spanned<i64>>,
    /// Its abstentions.
    #[schemars(with = "Option<Count>")]
    pub abstain: Option<Spanned<i64>>,
    /// Its members absent.
    #[schemars(with = "Option<Count>")]
    pub absent: Option<Spanned<i64>>,
}

/// `[[points.vote.members]]`: one member's vote.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberVoteTable {
    /// The member's name.
    pub name: String,
    /// The member's party code.
    #[schemars(with = "Option<String>")]
    pub party: Option<Spanned<String>>,
    /// `yes`, `no`, `abstain` or `absent`.
    pub vote: super::Choice,
}

/// `[[positions.evidence]]` and `[[bodies.evidence]]`: where an imported fact comes from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceTable {
    /// Which fact.
    #[schemars(with = "super::Fact")]
    pub fact: Spanned<super::Fact>,
    /// Its review state.
    #[schemars(with = "super::Review")]
    pub review: Spanned<super::Review>,
    /// The importer's rule that fired, e.g. `decision.adopts_opinion`.
    #[schemars(with = "String")]
    pub rule: Spanned<String>,
    /// The sentence of the source document the fact was read from, as written.
    #[schemars(with = "String")]
    pub sentence: Spanned<String>,
    /// `[first, last]`: the sentence's source lines, 1 ≤ first ≤ last.
    #[schemars(with = "Lines")]
    pub lines: Spanned<Vec<i64>>,
    /// Why the fact is uncertain, or what a reviewer said.
    pub note: Option<String>,
}

/// `[first, last]`, two line numbers from 1.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct Lines(#[schemars(length(min = 2, max = 2))] Vec<LineNumber>);

#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct LineNumber(#[schemars(range(min = 1))] i64);

/// A count or number, 0 to 1 000 000.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct Count(#[schemars(range(min = 0, max = 1_000_000))] i64);

/// A position's point: one point id, or several.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum PointIds {
    One(String),
    Several(#[schemars(length(min = 1))] Vec<String>),
}

/// The format version, 1.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct FormatVersion(#[schemars(range(min = 1, max = 1))] i64);

/// An id: lower-case letters, digits, `-` and `_`.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct Id(#[schemars(regex(pattern = r"^[a-z0-9_-]+$"))] String);

/// A colour, `#RRGGBB`.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct Colour(#[schemars(regex(pattern = r"^#[0-9A-Fa-f]{6}$"))] String);

/// A TOML date without quotes, `2026-02-17` (editors that check TOML against a JSON Schema see
/// it as a string in the `date` format).
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct Date(#[schemars(extend("format" = "date"))] String);

/// The JSON Schema (draft 2020-12) of a case file, for editors and validators. `$id` is
/// omitted: the schema is printed by `remiss schema` and saved beside the cases.
pub fn schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(CaseFile).to_value();
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "description".into(),
            serde_json::Value::String(format!(
                "A remiss case file (format {FORMAT_VERSION}), generated by remiss {}. See \
                 docs/case-format.md.",
                env!("CARGO_PKG_VERSION")
            )),
        );
    }
    schema
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
    "point",
    "number",
    "reasons_only", // [[positions]]
    "points",
    "moves",
    "propositions",
    "vote", // [[points]]
    "method",
    "yes",
    "no",
    "abstain",
    "absent",
    "yes_for",
    "no_for",
    "winner",
    "members", // [points.vote]
];
