//! Where a paragraph lives in its case: one address used by search hits, the reader, quotes in
//! the notes and the command line.
//!
//! A [`Part`] is one text of a case (a position's, the proposal, a section, a body's decision)
//! by index into the loaded [`Case`]; a [`TextRef`] is a paragraph of a part. Indices are only
//! valid for the case they came from. What must outlive a change to the case file (a quote in
//! the notes) keeps the part's stable key instead ([`Part::key`], [`Part::from_key`]).

use super::{Case, Stance};
use chrono::NaiveDate;

/// One text of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// A position's text, `Case::text_of(position)` (index into `Case::positions`): its own
    /// paragraphs, or those of the position it is identical to.
    Position(usize),
    /// The proposal to the council, `Case::proposal`.
    Proposal,
    /// A case text, `Case::sections[section].paragraphs`.
    Section(usize),
    /// A body's decision wording, `Case::bodies[body].decision`.
    Decision(usize),
}

/// Paragraph `paragraph` (0-based) of a [`Part`] of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextRef {
    pub part: Part,
    pub paragraph: usize,
}

impl TextRef {
    pub fn new(part: Part, paragraph: usize) -> TextRef {
        TextRef { part, paragraph }
    }

    /// The paragraph's text (`None` if `case` does not have it).
    pub fn text<'a>(&self, case: &'a Case) -> Option<&'a str> {
        self.part
            .paragraphs(case)?
            .get(self.paragraph)
            .map(String::as_str)
    }
}

/// Prefixes of [`Part::key`].
const SECTION_KEY: &str = "section:";
const DECISION_KEY: &str = "decision:";
const PROPOSAL_KEY: &str = "proposal";

impl Part {
    /// The paragraphs of this part in `case` (`None` when `case` has no such part).
    pub fn paragraphs<'a>(&self, case: &'a Case) -> Option<&'a [String]> {
        match *self {
            Part::Position(position) => {
                (position < case.positions.len()).then(|| case.text_of(position))
            }
            Part::Proposal => Some(&case.proposal),
            Part::Section(section) => case.sections.get(section).map(|s| s.paragraphs.as_slice()),
            Part::Decision(body) => case.bodies.get(body).map(|b| b.decision.as_slice()),
        }
    }

    /// `position`, `section`, `proposal` or `decision` (search's JSON output).
    pub fn kind(&self) -> &'static str {
        match self {
            Part::Position(_) => "position",
            Part::Section(_) => "section",
            Part::Proposal => "proposal",
            Part::Decision(_) => "decision",
        }
    }

    /// The position, for a position's text.
    pub fn position(&self) -> Option<usize> {
        match *self {
            Part::Position(position) => Some(position),
            _ => None,
        }
    }

    /// The body that wrote the text (positions and decisions).
    pub fn body(&self, case: &Case) -> Option<usize> {
        match *self {
            Part::Position(position) => case.positions.get(position).map(|p| p.body),
            Part::Decision(body) => Some(body),
            _ => None,
        }
    }

    /// The stance: the position's, or for a decision the stance of the body's own decision.
    pub fn stance(&self, case: &Case) -> Option<Stance> {
        match *self {
            Part::Position(position) => case.positions.get(position).map(|p| p.stance),
            Part::Decision(body) => case
                .positions_of(body)
                .find(|(_, p)| p.stance.is_decision())
                .map(|(_, p)| p.stance),
            _ => None,
        }
    }

    /// The parties that hold the position (none for other texts).
    pub fn parties<'a>(&self, case: &'a Case) -> &'a [String] {
        match *self {
            Part::Position(position) => case
                .positions
                .get(position)
                .map_or(&[], |p| p.parties.as_slice()),
            _ => &[],
        }
    }

    /// The date to show with a search hit: the position's (see [`Case::date_of`]), the body's
    /// meeting or opinion date for a decision, else the case's.
    pub fn date(&self, case: &Case) -> Option<NaiveDate> {
        match *self {
            Part::Position(position) => case.positions.get(position).and_then(|p| case.date_of(p)),
            Part::Decision(body) => case
                .bodies
                .get(body)
                .and_then(|b| b.meeting_date.or(b.opinion_date)),
            _ => case.date,
        }
    }

    /// The part's stable key, as the notes file and `remiss notes --add` write it: the
    /// position's id (`socialnamnden/reservation/M`), `section:ID`, `decision:BODY_ID` or
    /// `proposal`. `None` when `case` has no such part.
    pub fn key(&self, case: &Case) -> Option<String> {
        match *self {
            Part::Position(position) => case.positions.get(position).map(|p| p.id.clone()),
            Part::Proposal => Some(PROPOSAL_KEY.to_string()),
            Part::Section(section) => case
                .sections
                .get(section)
                .map(|s| format!("{SECTION_KEY}{}", s.id)),
            Part::Decision(body) => case
                .bodies
                .get(body)
                .map(|b| format!("{DECISION_KEY}{}", b.id)),
        }
    }

    /// The part a stable key names in `case` (see [`Part::key`]), if it is there.
    pub fn from_key(case: &Case, key: &str) -> Option<Part> {
        if let Some(id) = key.strip_prefix(SECTION_KEY) {
            case.sections
                .iter()
                .position(|s| s.id == id)
                .map(Part::Section)
        } else if let Some(id) = key.strip_prefix(DECISION_KEY) {
            case.bodies
                .iter()
                .position(|b| b.id == id)
                .map(Part::Decision)
        } else if key == PROPOSAL_KEY {
            Some(Part::Proposal)
        } else {
            case.position_index(key).map(Part::Position)
        }
    }

    /// Every paragraph of the part, in order.
    pub fn refs(self, case: &Case) -> impl Iterator<Item = (TextRef, &str)> {
        self.paragraphs(case)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(move |(i, t)| (TextRef::new(self, i), t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn keys_round_trip_and_name_the_same_text() {
        let case = load_bundled();
        let parts = [
            Part::Position(case.position_index("socialnamnden/reservation/M").unwrap()),
            Part::Proposal,
            Part::Section(0),
            Part::Decision(1),
        ];
        for part in parts {
            let key = part.key(&case).unwrap();
            assert_eq!(Part::from_key(&case, &key), Some(part), "{key}");
        }
        assert_eq!(parts[2].key(&case).unwrap(), "section:summary");
        assert_eq!(parts[3].key(&case).unwrap(), "decision:socialnamnden");
        assert_eq!(Part::from_key(&case, "nosuch/reservation/M"), None);
        assert_eq!(Part::from_key(&case, "section:nosuch"), None);
        assert_eq!(Part::Section(99).key(&case), None);
    }

    #[test]
    fn a_text_ref_reads_its_paragraph() {
        let case = load_bundled();
        let views = case
            .sections
            .iter()
            .position(|s| s.id == "commissioner_views")
            .unwrap();
        let r = TextRef::new(Part::Section(views), 1);
        assert!(r.text(&case).unwrap().starts_with("Samtidigt måste vi"));
        assert_eq!(TextRef::new(Part::Section(views), 99).text(&case), None);
        assert_eq!(TextRef::new(Part::Position(9999), 0).text(&case), None);
        // A position identical to another reads the other's text.
        let ks = case
            .position_index("kommunstyrelsen/reservation/M")
            .unwrap();
        assert!(TextRef::new(Part::Position(ks), 0).text(&case).is_some());
        let all: Vec<_> = Part::Section(views).refs(&case).collect();
        assert_eq!(all[1].0, r);
    }
}
