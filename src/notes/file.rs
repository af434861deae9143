//! The notes file: TOML a person can read, edit and keep in git.
//!
//! ```toml
//! format = 1
//! case = "trygghetskiosker"
//! dnr = "KS 2025/1121"
//! title = "Motion om …"
//!
//! [[items]]
//! id = "5f0c2a9e1b7d4c33"
//! heading = "Their argument: fixed places vs mobile work"
//!
//! [[items]]
//! id = "a41e07d2c9b85f10"
//! quote = "Trygghetskiosker ska vara upplysta och bemannade knutpunkter …"
//! citation = "Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121"
//! source = "socialnamnden/reservation/M"   # or "section:ID", "decision:BODY", "proposal"
//! paragraphs = [2, 2]                      # first and last, 1-based
//! body = "Socialnämnden"
//! stance = "reservation"
//! parties = ["M"]
//! byline = "Andréa Hedin m.fl. (M)"
//! date = 2026-02-17
//! comment = "Sergels torg shows it can be done within today's cooperation."
//! ```
//!
//! An item is a heading (`heading`) or a quote (`quote`, `citation`, `source`, `paragraphs`
//! required). Parsing is strict like the case files: unknown keys are errors with file, line
//! and column.

use super::{Item, ItemKind, Notes, Quote};
use crate::model::error::{ProblemKind, Thing};
use crate::model::{Problem, Stance};
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NotesFile {
    format: u32,
    case: String,
    #[serde(default)]
    dnr: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    items: Vec<Spanned<ItemTable>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemTable {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    citation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    paragraphs: Option<[usize; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stance: Option<Stance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    parties: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    comment: String,
}

/// Parse a notes file. `file` names it in problems.
pub fn parse(src: &str, file: &str) -> Result<Notes, Vec<Problem>> {
    let raw: NotesFile = crate::model::parse_toml(file, src)?;
    let mut problems = Vec::new();
    if raw.format != FORMAT_VERSION {
        problems.push(Problem::file(
            file,
            ProblemKind::NotesFormat {
                found: raw.format,
                reads: FORMAT_VERSION,
            },
        ));
    }
    let mut items = Vec::with_capacity(raw.items.len());
    let mut ids = std::collections::HashSet::new();
    for spanned in raw.items {
        let span = spanned.span();
        let at = |kind: ProblemKind| Problem::at(file, src, Some(span.clone()), kind);
        let t = spanned.into_inner();
        if !ids.insert(t.id.clone()) {
            problems.push(at(ProblemKind::DeclaredTwice {
                thing: Thing::NotesItem,
                id: t.id.clone(),
            }));
            continue;
        }
        let kind = match (t.heading, t.quote) {
            (Some(h), None) => ItemKind::Heading(text::clean(&h)),
            (None, Some(q)) => {
                let (Some(citation), Some(source), Some([from, to])) =
                    (t.citation, t.source, t.paragraphs)
                else {
                    problems.push(at(ProblemKind::QuoteIncomplete));
                    continue;
                };
                if from == 0 || to < from {
                    problems.push(at(ProblemKind::QuoteParagraphs { from, to }));
                    continue;
                }
                ItemKind::Quote(Quote {
                    source: text::clean(&source),
                    paragraphs: (from - 1, to - 1),
                    text: text::clean(&q),
                    citation: text::clean(&citation),
                    body: t.body.map(|b| text::clean(&b)),
                    stance: t.stance,
                    parties: t.parties.iter().map(|p| text::clean(p)).collect(),
                    byline: t.byline.map(|b| text::clean(&b)),
                    date: t.date,
                    comment: text::clean(&t.comment),
                })
            }
            _ => {
                problems.push(at(ProblemKind::ItemNeither));
                continue;
            }
        };
        items.push(Item { id: t.id, kind });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Notes {
        case: text::clean(&raw.case),
        dnr: text::clean(&raw.dnr),
        title: text::clean(&raw.title),
        items,
    })
}

/// The file's text for `notes`.
pub fn to_toml(notes: &Notes) -> String {
    let items = notes
        .items
        .iter()
        .map(|item| {
            let t = match &item.kind {
                ItemKind::Heading(h) => ItemTable {
                    id: item.id.clone(),
                    heading: Some(h.clone()),
                    ..ItemTable::default()
                },
                ItemKind::Quote(q) => ItemTable {
                    id: item.id.clone(),
                    quote: Some(q.text.clone()),
                    citation: Some(q.citation.clone()),
                    source: Some(q.source.clone()),
                    paragraphs: Some([q.paragraphs.0 + 1, q.paragraphs.1 + 1]),
                    body: q.body.clone(),
                    stance: q.stance,
                    parties: q.parties.clone(),
                    byline: q.byline.clone(),
                    date: q.date,
                    comment: q.comment.clone(),
                    heading: None,
                },
            };
            Spanned::new(0..0, t)
        })
        .collect();
    let file = NotesFile {
        format: FORMAT_VERSION,
        case: notes.case.clone(),
        dnr: notes.dnr.clone(),
        title: notes.title.clone(),
        items,
    };
    let body = toml::to_string(&file).unwrap_or_else(|e| {
        // Serialising plain strings, numbers and dates cannot fail; keep a readable marker if
        // it ever does, rather than writing a torn file.
        format!("# remiss could not write these notes: {e}\nformat = {FORMAT_VERSION}\n")
    });
    format!(
        "# Debate notes for {} ({}), kept by remiss. Safe to edit by hand and to keep in git.\n{body}",
        text::escape(&notes.dnr),
        text::escape(&notes.case)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Part;
    use crate::model::load_bundled;

    fn sample() -> Notes {
        let case = load_bundled();
        let mut n = Notes::for_case(&case);
        n.push(ItemKind::Heading("Their argument: \"fixed\" places".into()));
        let i = case.position_index("skarholmen/reservation/M").unwrap();
        let mut q = Quote::from_position(&case, i, (0, 1), None).unwrap();
        q.comment = "Answer with Sergels torg.\nTwo lines.".into();
        n.push(ItemKind::Quote(q));
        let s = case
            .sections
            .iter()
            .position(|s| s.id == "summary")
            .unwrap();
        n.push(ItemKind::Quote(
            Quote::new(&case, Part::Section(s), (0, 0), Some("Tokyo och Frankfurt")).unwrap(),
        ));
        n
    }

    #[test]
    fn round_trips() {
        let n = sample();
        let src = to_toml(&n);
        assert!(src.starts_with("# Debate notes for KS 2025/1121"));
        assert_eq!(parse(&src, "n.toml").unwrap(), n);
    }

    #[test]
    fn paragraphs_are_one_based_in_the_file() {
        let src = to_toml(&sample());
        assert!(src.contains("paragraphs = [1, 2]"), "{src}");
    }

    #[test]
    fn unknown_key_is_an_error_with_line_and_column() {
        let src = "format = 1\ncase = \"x\"\n\n[[items]]\nid = \"a\"\nheadnig = \"H\"\n";
        let e = parse(src, "n.toml").unwrap_err();
        let msg = e[0].to_string();
        assert!(msg.contains("n.toml:6:1"), "{msg}");
        assert!(
            msg.contains("unknown key `headnig`; did you mean `heading`?"),
            "{msg}"
        );
    }

    #[test]
    fn incomplete_items_and_duplicate_ids_are_reported_together() {
        let src = "format = 1\ncase = \"x\"\n[[items]]\nid = \"a\"\nquote = \"q\"\n\
                   [[items]]\nid = \"b\"\n[[items]]\nid = \"b\"\nheading = \"h\"\n\
                   [[items]]\nid = \"c\"\nheading = \"h\"\nquote = \"q\"\n";
        let e = parse(src, "n.toml").unwrap_err();
        assert_eq!(e.len(), 4, "{e:?}");
        assert!(e[0].to_string().contains("needs `citation`"));
        assert!(e[1].to_string().contains("either a heading"));
        assert!(e[2].to_string().contains("appears twice"));
        assert!(e[3].to_string().contains("either a heading"));
        assert_eq!(e[3].line, Some(11));
    }

    #[test]
    fn zero_paragraph_and_future_format_are_refused() {
        let src = "format = 2\ncase = \"x\"\n[[items]]\nid = \"a\"\nquote = \"q\"\n\
                   citation = \"c\"\nsource = \"s\"\nparagraphs = [0, 1]\n";
        let e = parse(src, "n.toml").unwrap_err();
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn escape_sequences_in_the_file_are_made_inert() {
        let src = "format = 1\ncase = \"x\"\n[[items]]\nid = \"a\"\nheading = \"\\u001b]52;c;SGk=\\u0007\"\n";
        let n = parse(src, "n.toml").unwrap();
        assert!(matches!(&n.items[0].kind, ItemKind::Heading(h) if h == "^[]52;c;SGk=^G"));
    }
}
