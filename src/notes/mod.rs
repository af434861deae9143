//! Debate notes: quotes collected while reading, grouped under headings the user writes, each
//! with a comment of one's own. Notes belong to one case and live in a TOML file beside it
//! ([`store`]); this module is the pure part: the items, how a quote is taken from a case, the
//! edits, and whether a quote is still in the case ("stale").
//!
//! A quote keeps its own text and citation, so it survives changes to the case file: when its
//! passage is no longer there it is marked stale, never dropped.

pub mod file;
mod merge;
pub mod store;

pub use merge::{MergeReport, merge};

use crate::model::citation;
use crate::model::{Case, Part, Stance};
use chrono::NaiveDate;
use std::hash::{BuildHasher, Hasher};

/// The notes of one case.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Notes {
    /// The case's id (`[case] id`, or the file name).
    pub case: String,
    pub dnr: String,
    pub title: String,
    /// Headings and quotes in order; a quote belongs to the heading above it.
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Unique within the file, random, so two sessions adding at once do not collide.
    pub id: String,
    pub kind: ItemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    Heading(String),
    Quote(Quote),
}

/// A quoted passage with everything needed to cite it, even if the case changes later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Where in the case it comes from, by the stable key of the text ([`Part::key`]): a
    /// position's id (`socialnamnden/reservation/M`), `section:ID`, `decision:BODY_ID` or
    /// `proposal`. Indices would not survive an edit of the case file; the key does.
    pub source: String,
    /// First and last paragraph quoted (0-based, inclusive; 1-based in the file).
    pub paragraphs: (usize, usize),
    /// The quoted text; paragraphs separated by a blank line.
    pub text: String,
    /// The citation as copied: `Reservation av Andréa Hedin m.fl. (M), Socialnämnden
    /// 2026-02-17, KS 2025/1121`.
    pub citation: String,
    pub body: Option<String>,
    pub stance: Option<Stance>,
    pub parties: Vec<String>,
    /// Signatories as written ("Andréa Hedin m.fl. (M)").
    pub byline: Option<String>,
    pub date: Option<NaiveDate>,
    /// The user's own comment.
    pub comment: String,
}

impl Quote {
    /// A quote of paragraphs `from..=to` of a part of the case, or of `text` (part of them)
    /// when given. `None` when the case has no such paragraphs.
    pub fn new(
        case: &Case,
        part: Part,
        (from, to): (usize, usize),
        text: Option<&str>,
    ) -> Option<Quote> {
        let text = passage(part.paragraphs(case)?, from, to, text)?;
        let mut quote = Quote {
            source: part.key(case)?,
            paragraphs: (from, to),
            text,
            citation: citation::of_part(case, part)?,
            body: part.body(case).map(|b| case.bodies[b].name.clone()),
            stance: None,
            parties: Vec::new(),
            byline: None,
            date: part.date(case),
            comment: String::new(),
        };
        match part {
            Part::Position(position) => {
                let p = &case.positions[position];
                let has_byline = !p.signatories.is_empty() || p.byline.is_some();
                quote.stance = Some(p.stance);
                quote.parties = p.parties.clone();
                quote.byline = has_byline.then(|| case.byline(p));
            }
            // A quote of a decision carries the date of the meeting that made it.
            Part::Decision(body) => quote.date = case.bodies[body].meeting_date,
            Part::Proposal | Part::Section(_) => {}
        }
        Some(quote)
    }

    /// A quote of paragraphs `from..=to` of a position (see [`Quote::new`]).
    pub fn from_position(
        case: &Case,
        position: usize,
        range: (usize, usize),
        text: Option<&str>,
    ) -> Option<Quote> {
        Quote::new(case, Part::Position(position), range, text)
    }

    /// The part of `case` the quote comes from, if it is still there.
    pub fn part(&self, case: &Case) -> Option<Part> {
        Part::from_key(case, &self.source)
    }

    /// Whether the quoted passage is no longer in the case (its source is gone, or the text of
    /// its paragraphs changed so that the quote is not in them any more).
    pub fn is_stale(&self, case: &Case) -> bool {
        let Some(paragraphs) = self.part(case).and_then(|p| p.paragraphs(case)) else {
            return true;
        };
        let (from, to) = self.paragraphs;
        if from > to || to >= paragraphs.len() {
            return true;
        }
        let have = squash(&paragraphs[from..=to].join(" "));
        // Each quoted paragraph (or part) must still be there, in order.
        let mut at = 0;
        for piece in self.text.split("\n\n") {
            let piece = squash(piece);
            match have[at..].find(&piece) {
                Some(i) => at += i + piece.len(),
                None => return true,
            }
        }
        false
    }
}

/// The text of paragraphs `from..=to`, or `part` when it is given and not empty.
fn passage(paragraphs: &[String], from: usize, to: usize, part: Option<&str>) -> Option<String> {
    if from > to || to >= paragraphs.len() {
        return None;
    }
    match part.map(str::trim) {
        Some(p) if !p.is_empty() => Some(p.to_string()),
        _ => Some(paragraphs[from..=to].join("\n\n")),
    }
}

fn squash(s: &str) -> String {
    crate::text::squash_whitespace(s)
}

/// A fresh random item id (16 hex digits).
pub fn new_id() -> String {
    // RandomState is seeded from the OS per process; mixing in the time and a counter gives
    // distinct ids within a process too.
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::hash::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    h.write_u32(std::process::id());
    format!("{:016x}", h.finish())
}

impl Notes {
    /// Empty notes for a case.
    pub fn for_case(case: &Case) -> Notes {
        Notes {
            case: case.id.clone(),
            dnr: case.dnr.clone(),
            title: case.title.clone(),
            items: Vec::new(),
        }
    }

    pub fn quotes(&self) -> impl Iterator<Item = &Quote> {
        self.items.iter().filter_map(|i| match &i.kind {
            ItemKind::Quote(q) => Some(q),
            ItemKind::Heading(_) => None,
        })
    }

    /// Insert an item at `at` (clamped to the end); returns where it went.
    pub fn insert(&mut self, at: usize, kind: ItemKind) -> usize {
        let at = at.min(self.items.len());
        self.items.insert(at, Item { id: new_id(), kind });
        at
    }

    /// Append an item; returns its index.
    pub fn push(&mut self, kind: ItemKind) -> usize {
        self.insert(self.items.len(), kind)
    }

    /// Swap item `index` with its neighbour above (`up`) or below. A quote moved past a
    /// heading moves under the neighbouring heading. Returns the new index.
    pub fn move_item(&mut self, index: usize, up: bool) -> Option<usize> {
        let other = if up {
            index.checked_sub(1)?
        } else {
            index.checked_add(1).filter(|&i| i < self.items.len())?
        };
        if index >= self.items.len() {
            return None;
        }
        self.items.swap(index, other);
        Some(other)
    }

    pub fn remove(&mut self, index: usize) -> Option<Item> {
        (index < self.items.len()).then(|| self.items.remove(index))
    }

    /// Set the comment of a quote or the text of a heading.
    pub fn set_text(&mut self, index: usize, text: &str) -> bool {
        let text = crate::text::clean(text.trim());
        match self.items.get_mut(index).map(|i| &mut i.kind) {
            Some(ItemKind::Heading(h)) => *h = text,
            Some(ItemKind::Quote(q)) => q.comment = text,
            None => return false,
        }
        true
    }

    /// Indices of the quotes that are no longer in the case.
    pub fn stale(&self, case: &Case) -> Vec<usize> {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(&i.kind, ItemKind::Quote(q) if q.is_stale(case)))
            .map(|(n, _)| n)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    fn reservation(case: &Case) -> usize {
        case.position_index("socialnamnden/reservation/M").unwrap()
    }

    #[test]
    fn quote_of_a_paragraph_carries_its_citation() {
        let case = load_bundled();
        let q = Quote::from_position(&case, reservation(&case), (1, 1), None).unwrap();
        assert!(q.text.starts_with("Trygghetskiosker ska vara upplysta"));
        assert_eq!(
            q.citation,
            "Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121"
        );
        assert_eq!(q.parties, vec!["M"]);
        assert_eq!(q.byline.as_deref(), Some("Andréa Hedin m.fl. (M)"));
        assert_eq!(q.date, NaiveDate::from_ymd_opt(2026, 2, 17));
        assert!(!q.is_stale(&case));
    }

    #[test]
    fn out_of_range_paragraphs_give_no_quote() {
        let case = load_bundled();
        assert!(Quote::from_position(&case, reservation(&case), (5, 6), None).is_none());
        assert!(Quote::from_position(&case, reservation(&case), (1, 0), None).is_none());
    }

    #[test]
    fn a_changed_passage_is_stale_and_keeps_its_text() {
        let mut case = load_bundled();
        let i = reservation(&case);
        let part = "Polisens resurser är begränsade och behöver prioriteras";
        let q = Quote::from_position(&case, i, (0, 0), Some(part)).unwrap();
        assert!(!q.is_stale(&case));
        case.positions[i].paragraphs[0] = "Helt ny text.".into();
        assert!(q.is_stale(&case));
        assert_eq!(q.text, part);
        case.positions[i].id = "renamed".into();
        assert!(q.is_stale(&case));
    }

    #[test]
    fn quotes_from_case_texts() {
        let case = load_bundled();
        let s = case
            .sections
            .iter()
            .position(|s| s.id == "commissioner_views")
            .unwrap();
        let q = Quote::new(&case, Part::Section(s), (0, 1), None).unwrap();
        assert_eq!(q.source, "section:commissioner_views");
        assert!(q.text.contains("\n\nSamtidigt måste vi"));
        assert!(q.citation.contains("Föredragande borgarrådets synpunkter"));
        assert!(!q.is_stale(&case));
        let p = Quote::new(&case, Part::Proposal, (0, 0), None).unwrap();
        assert_eq!(p.source, "proposal");
        assert!(p.citation.starts_with("Förslag till beslut, utlåtande"));
        let d = Quote::new(&case, Part::Decision(1), (0, 0), None).unwrap();
        assert_eq!(d.source, "decision:socialnamnden");
        assert_eq!(d.citation, "Beslut, Socialnämnden 2026-02-17, KS 2025/1121");
        assert!(!d.is_stale(&case));
    }

    #[test]
    fn moving_and_removing_items() {
        let case = load_bundled();
        let mut n = Notes::for_case(&case);
        n.push(ItemKind::Heading("A".into()));
        let q = Quote::from_position(&case, reservation(&case), (0, 0), None).unwrap();
        n.push(ItemKind::Quote(q));
        n.push(ItemKind::Heading("B".into()));
        assert_eq!(n.move_item(1, false), Some(2));
        assert!(matches!(&n.items[1].kind, ItemKind::Heading(h) if h == "B"));
        assert_eq!(n.move_item(2, false), None);
        assert_eq!(n.move_item(0, true), None);
        assert!(n.set_text(2, "  my comment "));
        assert!(matches!(&n.items[2].kind, ItemKind::Quote(q) if q.comment == "my comment"));
        assert!(n.remove(0).is_some());
        assert_eq!(n.items.len(), 2);
        assert!(n.remove(9).is_none());
    }

    #[test]
    fn ids_are_unique() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
    }
}
