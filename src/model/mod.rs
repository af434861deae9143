//! The domain: a [`Case`] referred to [`Body`]s, each of which took [`Position`]s with a
//! [`Stance`], held by [`Party`]s. No terminal code here.

pub mod citation;
pub mod error;
pub mod file;
mod load;
pub mod matrix;
pub mod pieces;
pub mod points;
pub mod summary;
mod text_ref;

pub use error::{Problem, ProblemKind};
pub use file::FORMAT_VERSION;
pub use load::{
    BUNDLED_CASE, MAX_FILE_BYTES, case_files, derive_position_id, load_bundled, load_file,
    load_listed, load_listed_with_progress, load_path, parse_case,
};
pub(crate) use load::{decode, parse_toml, read_limited, suggest, toml_problem};
pub use text_ref::{Part, TextRef};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// All cases loaded from one path (a file or a folder), and the files that failed.
#[derive(Debug, Default)]
pub struct Workspace {
    pub cases: Vec<Case>,
    /// Problems of files that could not be loaded; the good files still load.
    pub problems: Vec<Problem>,
}

/// What kind of document the case is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    Motion,
    Skrivelse,
    /// Förslag.
    Proposal,
    Other,
}

impl CaseKind {
    /// The name in the case format: `motion`, `skrivelse`, `proposal`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Motion => "motion",
            CaseKind::Skrivelse => "skrivelse",
            CaseKind::Proposal => "proposal",
            CaseKind::Other => "other",
        }
    }
}

/// One case (ärende): the motion, its referral bodies and every position taken on it.
///
/// Serialisable for the search cache ([`crate::cache`]), which is not a file format for people:
/// a change to these types needs a new `cache::FORMAT`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Case {
    /// Short stable id (from `[case] id`, else the file name).
    pub id: String,
    /// Registration number, e.g. `KS 2025/1121`.
    pub dnr: String,
    pub title: String,
    pub kind: CaseKind,
    pub municipality: Option<String>,
    /// Date of the statement (utlåtande).
    pub date: Option<NaiveDate>,
    pub motion_date: Option<NaiveDate>,
    /// The proposal to the council, as paragraphs.
    pub proposal: Vec<String>,
    pub presenting_commissioner: Option<String>,
    pub attachments: Vec<String>,
    pub source: Option<Source>,
    /// The motion's authors.
    pub authors: Vec<Signatory>,
    /// Case-level texts: summary, the commissioner's views, background, …
    pub sections: Vec<Section>,
    pub parties: Vec<Party>,
    pub majority: Option<Majority>,
    /// Bodies in document order.
    pub bodies: Vec<Body>,
    /// Positions in file order; for a body with `answered = false` a `no_answer` position is
    /// derived.
    pub positions: Vec<Position>,
    /// Numbered decision points (att-satser of a motion, förslagspunkter of a report), in
    /// file order. Empty for a case without points.
    pub points: Vec<Point>,
    /// The file the case was read from (`None` for the bundled case). Not serialised: the
    /// cache sets it from the files it lists when it is read, as loading would.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub title: Option<String>,
    pub file: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Party {
    pub code: String,
    pub name: String,
    pub colour: Option<(u8, u8, u8)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Majority {
    pub name: Option<String>,
    pub parties: Vec<String>,
}

/// A person who signed a position (or wrote the motion), name as written ("m.fl." kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    pub name: String,
    pub party: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// Förvaltning, kontor (Stadsledningskontoret).
    Administration,
    /// Nämnd (Socialnämnden).
    Committee,
    /// Stadsdelsnämnd.
    DistrictCommittee,
    /// Beredning (Borgarrådsberedningen): prepares the case's own decision.
    Preparatory,
    /// Kommunstyrelsen: prepares the case's own decision.
    Board,
    /// The elected assembly that takes the final decision (kommunfullmäktige).
    Council,
    /// Extern remissinstans (Polisregion Stockholm).
    External,
}

impl BodyKind {
    /// Bodies that prepare the case's own decision rather than answer the referral.
    pub fn is_referral_body(self) -> bool {
        !matches!(
            self,
            BodyKind::Preparatory | BodyKind::Board | BodyKind::Council
        )
    }

    /// Bodies whose decisions are taken by elected members (so a majority can be inferred).
    pub fn is_political(self) -> bool {
        matches!(
            self,
            BodyKind::Committee
                | BodyKind::DistrictCommittee
                | BodyKind::Preparatory
                | BodyKind::Board
                | BodyKind::Council
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BodyKind::Administration => "administration",
            BodyKind::Committee => "committee",
            BodyKind::DistrictCommittee => "district_committee",
            BodyKind::Preparatory => "preparatory",
            BodyKind::Board => "board",
            BodyKind::Council => "council",
            BodyKind::External => "external",
        }
    }
}

/// A body the case was referred to, or that prepared or decided it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Body {
    pub id: String,
    pub name: String,
    pub kind: BodyKind,
    /// The administration that wrote the opinion (tjänsteutlåtande).
    pub administration: Option<String>,
    pub opinion_date: Option<NaiveDate>,
    pub meeting_date: Option<NaiveDate>,
    /// The decision wording, as paragraphs.
    pub decision: Vec<String>,
    pub answered: bool,
    /// Where the importer read the body's dates and whether it answered (empty for
    /// hand-written files).
    pub evidence: Vec<Evidence>,
}

impl Body {
    /// The weakest review state of the body's own facts, `None` when nothing was inferred.
    pub fn review(&self) -> Option<Review> {
        weakest_review(&self.evidence)
    }
}

/// A stance is always taken on the case's motion.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Tillstyrker, bifaller: the body supports the motion.
    Approve,
    /// The body supports some of the motion's att-satser and not the others ("tillstyrker
    /// motionens första att-sats och avstyrker motionen i övrigt").
    ApproveInPart,
    /// Avstyrker, avslår: the body opposes the motion.
    Reject,
    /// The motion is "besvarad": answered by reference, in practice not adopted.
    Answered,
    /// The body answered, but its stance on the motion is not settled by the text. Shown as
    /// `?`, never as a guess.
    Unknown,
    Reservation,
    /// Särskilt uttalande (also "särskilt yttrande").
    SpecialStatement,
    /// Ersättaryttrande.
    SubstituteStatement,
    /// Protokollsanteckning: a note some members had entered in the minutes.
    ProtocolNote,
    /// Har inte inkommit med svar; derived from a body's `answered = false`.
    NoAnswer,
}

impl Stance {
    pub const ALL: [Stance; 10] = [
        Stance::Approve,
        Stance::ApproveInPart,
        Stance::Reject,
        Stance::Answered,
        Stance::Unknown,
        Stance::Reservation,
        Stance::SpecialStatement,
        Stance::SubstituteStatement,
        Stance::ProtocolNote,
        Stance::NoAnswer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Approve => "approve",
            Stance::ApproveInPart => "approve_in_part",
            Stance::Reject => "reject",
            Stance::Answered => "answered",
            Stance::Unknown => "unknown",
            Stance::Reservation => "reservation",
            Stance::SpecialStatement => "special_statement",
            Stance::SubstituteStatement => "substitute_statement",
            Stance::ProtocolNote => "protocol_note",
            Stance::NoAnswer => "no_answer",
        }
    }

    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// A body's own decision (as opposed to a statement by some of its members); `unknown`
    /// is a decision whose stance the text does not settle.
    pub fn is_decision(self) -> bool {
        matches!(
            self,
            Stance::Approve
                | Stance::ApproveInPart
                | Stance::Reject
                | Stance::Answered
                | Stance::Unknown
        )
    }

    /// Whether a position with this stance must carry text of its own (unless it is identical
    /// to, or concurs with, another position): the members' statements.
    pub fn needs_text(self) -> bool {
        matches!(
            self,
            Stance::Reservation
                | Stance::SpecialStatement
                | Stance::SubstituteStatement
                | Stance::ProtocolNote
        )
    }
}

/// A fact the importer inferred from a document: what kind of fact it is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// A position's stance.
    Stance,
    /// A statement's parties (and signatories).
    Parties,
    /// The body a statement belongs to.
    Body,
    /// A position's `identical_to` link.
    IdenticalTo,
    /// A position's `concurs_with` link.
    ConcursWith,
    /// A position's own date.
    Date,
    /// A body's meeting date.
    MeetingDate,
    /// A body's opinion date.
    OpinionDate,
    /// Whether a body answered.
    Answered,
    /// The decision point a position concerns.
    Point,
    /// A position's number in the document ("Reservation 4").
    Number,
}

impl Fact {
    pub const ALL: [Fact; 11] = [
        Fact::Stance,
        Fact::Parties,
        Fact::Body,
        Fact::IdenticalTo,
        Fact::ConcursWith,
        Fact::Date,
        Fact::MeetingDate,
        Fact::OpinionDate,
        Fact::Answered,
        Fact::Point,
        Fact::Number,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Fact::Stance => "stance",
            Fact::Parties => "parties",
            Fact::Body => "body",
            Fact::IdenticalTo => "identical_to",
            Fact::ConcursWith => "concurs_with",
            Fact::Date => "date",
            Fact::MeetingDate => "meeting_date",
            Fact::OpinionDate => "opinion_date",
            Fact::Answered => "answered",
            Fact::Point => "point",
            Fact::Number => "number",
        }
    }

    pub fn parse(s: &str) -> Option<Fact> {
        Fact::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Whether the fact is about a position (`[[positions.evidence]]`) rather than a body
    /// (`[[bodies.evidence]]`).
    pub fn of_position(self) -> bool {
        !matches!(self, Fact::MeetingDate | Fact::OpinionDate | Fact::Answered)
    }
}

/// How far a fact can be trusted. Ordered from the weakest: the weakest state of a position's
/// evidence is its [`Position::review`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    /// A rule fired with low confidence, or two rules disagreed: check it before quoting it.
    Uncertain,
    /// An explicit rule of the importer settled it; nobody has checked it yet.
    Inferred,
    /// A person checked it against the document.
    Confirmed,
}

impl Review {
    pub const ALL: [Review; 3] = [Review::Uncertain, Review::Inferred, Review::Confirmed];

    pub fn as_str(self) -> &'static str {
        match self {
            Review::Uncertain => "uncertain",
            Review::Inferred => "inferred",
            Review::Confirmed => "confirmed",
        }
    }

    pub fn parse(s: &str) -> Option<Review> {
        Review::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Where an inferred fact comes from: the sentence of the source document, its lines, the
/// importer's rule that fired, and the fact's review state. Hand-written case files carry
/// none (no evidence = nothing inferred).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub fact: Fact,
    pub review: Review,
    /// The importer's rule, by name (e.g. `decision.adopts_opinion`; see `docs/import.md`).
    pub rule: String,
    /// The sentence of the source the fact was read from, as written.
    pub sentence: String,
    /// The source lines of the sentence, 1-based, first ≤ last.
    pub lines: (usize, usize),
    /// Why a fact is uncertain, or what a reviewer said.
    pub note: Option<String>,
}

/// The weakest review state among `evidence`; `None` when there is none (nothing inferred).
pub fn weakest_review(evidence: &[Evidence]) -> Option<Review> {
    evidence.iter().map(|e| e.review).min()
}

/// Stable id of a position, e.g. `socialnamnden/reservation/M`.
pub type PositionId = String;

/// What one body, or some of its members, said about the motion.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Position {
    pub id: PositionId,
    /// Index into [`Case::bodies`].
    pub body: usize,
    pub stance: Stance,
    pub parties: Vec<String>,
    pub signatories: Vec<Signatory>,
    /// The signature line as written, when the file gives one.
    pub byline: Option<String>,
    /// Who wrote the text (e.g. the administration whose opinion a body adopted).
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    /// The proposals ("att tillstyrka motionen", "att därutöver anföra").
    pub proposals: Vec<String>,
    /// The text, as paragraphs. Empty for a position that is identical to or concurs with
    /// another; see [`Case::text_of`].
    pub paragraphs: Vec<String>,
    /// Index of the position this one is identical to (likalydande).
    pub identical_to: Option<usize>,
    /// Index of the position this one concurs with (instämde i reservation).
    pub concurs_with: Option<usize>,
    /// Index of the position whose paragraphs are this one's text: the end of its chain of
    /// `identical_to` links, resolved once at load (in linear time); `None` when the position
    /// has its own text or no link. See [`Case::text_of`].
    pub text_from: Option<usize>,
    /// Indices into [`Case::points`] of the decision points the position concerns, in the
    /// document's order: empty when it names none, one as a rule ("Reservation 4, punkt 2"),
    /// several where the document says so ("punkterna 18 och 19").
    pub points: Vec<usize>,
    /// The document's number for the position ("Reservation 4", "särskilt yttrande 2").
    pub number: Option<u32>,
    /// A reservation against the reasoning only, not the decision (motivreservation).
    pub reasons_only: bool,
    /// Where the importer read the position's stance, parties, body, links and date (empty
    /// for hand-written files).
    pub evidence: Vec<Evidence>,
}

impl Position {
    /// The weakest review state of the position's facts, `None` when nothing was inferred
    /// (a hand-written position).
    pub fn review(&self) -> Option<Review> {
        weakest_review(&self.evidence)
    }

    /// The evidence for one fact (several entries when rules disagreed).
    pub fn evidence_for(&self, fact: Fact) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().filter(move |e| e.fact == fact)
    }
}

/// A numbered decision point: an att-sats of a motion, a förslagspunkt of a committee report,
/// or the decision of one § of a protocol.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Point {
    /// The document's number or id, e.g. `2`, `3b`, `ks-45`.
    pub id: String,
    pub title: String,
    /// Index into [`Case::bodies`] of the body whose proposal and decision these are.
    pub body: Option<usize>,
    /// The body's proposal (the committee's förslag, the chair's proposal), as paragraphs.
    pub proposal: Vec<String>,
    /// The decision (the chamber's, the body's), as paragraphs; empty where not given.
    pub decision: Vec<String>,
    /// Motions moved at the meeting (yrkanden), in order.
    pub moves: Vec<Move>,
    /// How the chair put the motions to the meeting (propositionsordning), as written.
    pub propositions: Vec<String>,
    pub vote: Option<Vote>,
}

/// A motion moved at a meeting (yrkande): who moved it and what it asks.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Move {
    pub name: String,
    pub party: Option<String>,
    pub text: String,
}

/// How a point was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteMethod {
    /// By acclamation (acklamation): no count.
    Acclamation,
    /// By a counted vote (votering, röstning).
    Vote,
}

impl VoteMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            VoteMethod::Acclamation => "acclamation",
            VoteMethod::Vote => "vote",
        }
    }
}

/// One side of a vote, or a member's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
    Absent,
}

impl Choice {
    pub const ALL: [Choice; 4] = [Choice::Yes, Choice::No, Choice::Abstain, Choice::Absent];

    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::Abstain => "abstain",
            Choice::Absent => "absent",
        }
    }
}

/// The counts of a vote: ja, nej, avstår, frånvarande. `None` where the document gives none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub absent: Option<u32>,
}

impl Tally {
    pub fn get(&self, c: Choice) -> Option<u32> {
        match c {
            Choice::Yes => self.yes,
            Choice::No => self.no,
            Choice::Abstain => self.abstain,
            Choice::Absent => self.absent,
        }
    }

    pub fn is_empty(&self) -> bool {
        Choice::ALL.iter().all(|c| self.get(*c).is_none())
    }

    /// The choice with most votes among the cast ones (yes, no, abstain), if one leads.
    pub fn leading(&self) -> Option<Choice> {
        let cast = [Choice::Yes, Choice::No, Choice::Abstain];
        let max = cast.iter().filter_map(|c| self.get(*c)).max()?;
        let mut leaders = cast.iter().filter(|c| self.get(**c) == Some(max));
        let first = *leaders.next()?;
        (leaders.next().is_none() && max > 0).then_some(first)
    }
}

/// How a point was decided: by acclamation, or by a vote with its counts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Vote {
    pub method: VoteMethod,
    pub tally: Tally,
    /// What a yes vote was for ("bifall till utskottets förslag"), as written.
    pub yes_for: Option<String>,
    /// What a no vote was for ("bifall till reservation 2 (S)").
    pub no_for: Option<String>,
    /// The winning side where the document says so (a tie settled by the chair's casting
    /// vote); else derived from the counts by [`Vote::winner`].
    pub winner: Option<Choice>,
    /// Each party's counts, where the document gives them.
    pub parties: Vec<PartyVote>,
    /// Each member's vote, where the document lists them.
    pub members: Vec<MemberVote>,
}

impl Vote {
    /// The winning side: as stated, else yes or no by the counts (a tie has none).
    pub fn winner(&self) -> Option<Choice> {
        if self.winner.is_some() {
            return self.winner;
        }
        match (self.tally.yes, self.tally.no) {
            (Some(y), Some(n)) if y > n => Some(Choice::Yes),
            (Some(y), Some(n)) if n > y => Some(Choice::No),
            _ => None,
        }
    }

    /// How `party` voted: its own counts where given, else tallied from the members' votes.
    pub fn party_tally(&self, party: &str) -> Option<Tally> {
        if let Some(pv) = self.parties.iter().find(|p| p.party == party) {
            return Some(pv.tally);
        }
        let mut t = Tally::default();
        let mut any = false;
        for m in self
            .members
            .iter()
            .filter(|m| m.party.as_deref() == Some(party))
        {
            any = true;
            let slot = match m.choice {
                Choice::Yes => &mut t.yes,
                Choice::No => &mut t.no,
                Choice::Abstain => &mut t.abstain,
                Choice::Absent => &mut t.absent,
            };
            *slot = Some(slot.unwrap_or(0) + 1);
        }
        any.then_some(t)
    }
}

/// One party's counts in a vote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PartyVote {
    pub party: String,
    pub tally: Tally,
}

/// One member's vote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberVote {
    pub name: String,
    pub party: Option<String>,
    pub choice: Choice,
}

impl Case {
    pub fn body(&self, position: &Position) -> &Body {
        &self.bodies[position.body]
    }

    pub fn party(&self, code: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.code == code)
    }

    pub fn position_index(&self, id: &str) -> Option<usize> {
        self.positions.iter().position(|p| p.id == id)
    }

    /// The paragraphs to read for a position: its own, or those at the end of its chain of
    /// `identical_to` links. Constant time (the chain is resolved at load).
    pub fn text_of(&self, index: usize) -> &[String] {
        &self.positions[self.text_source(index)].paragraphs
    }

    /// The position whose paragraphs [`Case::text_of`] gives for `index`: `index` itself, or
    /// the end of its chain of `identical_to` links.
    pub fn text_source(&self, index: usize) -> usize {
        self.positions[index].text_from.unwrap_or(index)
    }

    /// Positions of one body, in file order.
    pub fn positions_of(&self, body: usize) -> impl Iterator<Item = (usize, &Position)> {
        self.positions
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.body == body)
    }

    /// The signature line: as written in the file, else built from the signatories, e.g.
    /// "Aras Amin och Busra Lina Kocaturk (M)" or "Stephan Guiance m.fl. (S), Shamso Ali
    /// Hassan m.fl. (V) och Karmapriya Muschott m.fl. (MP)".
    pub fn byline(&self, position: &Position) -> String {
        if let Some(b) = &position.byline {
            return b.clone();
        }
        if position.signatories.is_empty() {
            return if position.parties.is_empty() {
                position
                    .author
                    .clone()
                    .unwrap_or_else(|| self.body(position).name.clone())
            } else {
                format!("({})", position.parties.join(", "))
            };
        }
        signature_line(&position.signatories)
    }

    /// The review state of a position's facts: its own evidence's weakest, and for a derived
    /// `no_answer` position its body's (where the importer read that the body did not answer).
    /// `None` when nothing was inferred.
    pub fn review_of(&self, position: usize) -> Option<Review> {
        let p = &self.positions[position];
        if p.stance == Stance::NoAnswer && p.evidence.is_empty() {
            self.bodies[p.body].review()
        } else {
            p.review()
        }
    }

    /// The date of a position in a list of the body's stances: its own, else its body's
    /// meeting date (the decision), else its opinion date. A quote of an administration's
    /// opinion cites the opinion's own date ([`Case::opinion_date_of`]).
    pub fn date_of(&self, position: &Position) -> Option<NaiveDate> {
        let body = self.body(position);
        position.date.or(body.meeting_date).or(body.opinion_date)
    }

    /// The date of an opinion an administration wrote for its body ([`Case::opinion_author`]):
    /// its own, else the body's opinion date; `None` for other positions.
    pub fn opinion_date_of(&self, position: &Position) -> Option<NaiveDate> {
        self.opinion_author(position)?;
        position.date.or(self.body(position).opinion_date)
    }

    /// The administration that wrote a body's own position (its opinion, tjänsteutlåtande),
    /// when that is not the body itself: `Socialförvaltningen` for Socialnämnden's.
    pub fn opinion_author<'a>(&'a self, position: &'a Position) -> Option<&'a str> {
        if position.stance.needs_text() {
            return None;
        }
        let body = self.body(position);
        position
            .author
            .as_deref()
            .filter(|author| *author != body.name)
    }
}

/// Why [`locate`] found no single position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocateError {
    /// No position has this id; the closest ids, best first (at most five).
    Unknown { close: Vec<String> },
    /// The id is in several cases; qualify it with the case id.
    Ambiguous { candidates: Vec<String> },
}

/// The stable id of a position among `cases`: its own id (`socialnamnden/reservation/M`)
/// with one case loaded, else `CASE_ID:POSITION_ID`.
pub fn qualified_id(cases: &[Case], case: usize, position: usize) -> String {
    let id = &cases[case].positions[position].id;
    if cases.len() > 1 {
        format!("{}:{id}", cases[case].id)
    } else {
        id.clone()
    }
}

/// Find a position by id: `POSITION_ID` (unique among the loaded cases) or
/// `CASE_ID:POSITION_ID`. Returns (case index, position index).
pub fn locate(cases: &[Case], spec: &str) -> Result<(usize, usize), LocateError> {
    let (case_id, position_id) = match spec.split_once(':') {
        Some((c, p)) => (Some(c), p),
        None => (None, spec),
    };
    let found: Vec<(usize, usize)> = cases
        .iter()
        .enumerate()
        .filter(|(_, c)| case_id.is_none_or(|id| c.id == id))
        .filter_map(|(ci, c)| c.position_index(position_id).map(|pi| (ci, pi)))
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let mut scored: Vec<(f64, String)> = cases
                .iter()
                .enumerate()
                .flat_map(|(ci, c)| (0..c.positions.len()).map(move |pi| (ci, pi)))
                .map(|(ci, pi)| {
                    let id = qualified_id(cases, ci, pi);
                    let own = &cases[ci].positions[pi].id;
                    let score =
                        strsim::jaro_winkler(spec, &id).max(strsim::jaro_winkler(spec, own));
                    (score, id)
                })
                .filter(|(score, _)| *score >= 0.7)
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            scored.truncate(5);
            Err(LocateError::Unknown {
                close: scored.into_iter().map(|(_, id)| id).collect(),
            })
        }
        many => Err(LocateError::Ambiguous {
            candidates: many
                .iter()
                .map(|&(ci, pi)| format!("{}:{}", cases[ci].id, cases[ci].positions[pi].id))
                .collect(),
        }),
    }
}

/// The signature line generated from signatories: consecutive signatories of one party are
/// grouped, e.g. "Aras Amin och Busra Lina Kocaturk (M)" or "Stephan Guiance m.fl. (S), Shamso
/// Ali Hassan m.fl. (V) och Karmapriya Muschott m.fl. (MP)".
pub fn signature_line(signatories: &[Signatory]) -> String {
    let mut groups: Vec<(Vec<&str>, Option<&str>)> = Vec::new();
    for s in signatories {
        match groups.last_mut() {
            Some((names, party)) if *party == s.party.as_deref() => names.push(&s.name),
            _ => groups.push((vec![&s.name], s.party.as_deref())),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(names, party)| {
            let names = join_swedish(names);
            match party {
                Some(p) => format!("{names} ({p})"),
                None => names,
            }
        })
        .collect();
    join_swedish(&parts.iter().map(String::as_str).collect::<Vec<_>>())
}

/// "a", "a och b", "a, b och c".
pub fn join_swedish(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_in_swedish() {
        assert_eq!(join_swedish(&["a"]), "a");
        assert_eq!(join_swedish(&["a", "b"]), "a och b");
        assert_eq!(join_swedish(&["a", "b", "c"]), "a, b och c");
    }

    #[test]
    fn positions_are_located_by_id() {
        let cases = vec![load_bundled()];
        let soc = cases[0]
            .position_index("socialnamnden/reservation/M")
            .unwrap();
        assert_eq!(locate(&cases, "socialnamnden/reservation/M"), Ok((0, soc)));
        assert_eq!(
            locate(&cases, "trygghetskiosker:socialnamnden/reservation/M"),
            Ok((0, soc))
        );
        match locate(&cases, "socialnamden/reservation/M") {
            Err(LocateError::Unknown { close }) => {
                assert_eq!(close[0], "socialnamnden/reservation/M")
            }
            other => panic!("{other:?}"),
        }
        let two = vec![load_bundled(), load_bundled()];
        assert!(matches!(
            locate(&two, "socialnamnden/reservation/M"),
            Err(LocateError::Ambiguous { candidates }) if candidates.len() == 2
        ));
        assert_eq!(
            locate(&[], "x"),
            Err(LocateError::Unknown { close: vec![] })
        );
    }

    #[test]
    fn stance_names_round_trip() {
        for s in Stance::ALL {
            assert_eq!(Stance::parse(s.as_str()), Some(s));
        }
    }
}
