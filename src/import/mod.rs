//! Import a decision document (the city's statement, utlåtande) into a case file.
//!
//! ```text
//! text ──► lines::repair ──► parse::parse ──► resolve::resolve ──► write::write ──► TOML
//!          (page artefacts,   (markers from    (stances, links,     (format 1, checked
//!           hyphenation)       phrases, sinks)  ids, parties)        by model::parse_case)
//! ```
//!
//! [`import_text`] is pure: text in, a case file and warnings out. It never fails: what it
//! cannot place goes into sections marked unplaced, each with a warning naming its lines, and
//! the result always loads (it is checked with [`crate::model::parse_case`]; should that ever
//! fail, a file holding the whole text unplaced is written instead, with a warning).
//! [`read_document`] reads a `.txt` file or a `.pdf` through poppler's `pdftotext`.

mod byline;
pub mod document;
mod lines;
mod parse;
pub mod phrases;
mod resolve;
pub mod stance;
mod write;

pub use document::{DocumentError, read_document};

use crate::i18n::Lang;
use crate::model::Stance;

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The case file, format 1. Always passes `remiss check`.
    pub toml: String,
    /// What the user should look at, in source line order.
    pub warnings: Vec<Warning>,
}

/// Something the importer could not do, at a line of the source document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line of the source document.
    pub line: usize,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// The document has no text.
    Empty,
    /// Lines `first..=last` were kept in the unplaced section `section`.
    Unplaced {
        first: usize,
        last: usize,
        section: String,
    },
    /// No registration number (Dnr) was found.
    NoDnr,
    /// No title was found.
    NoTitle,
    /// A reservation or statement whose text was not found; its header is its text.
    NoText { position: String },
    /// A "likalydande" or "instämde i" link whose target was not found.
    UnresolvedLink { position: String, link: String },
    /// A date that is no real date.
    BadDate { text: String },
    /// A party code that is not one of the known parties.
    UnknownParty { code: String },
    /// A body in the referral list whose answer is not in the document.
    NoAnswerFound { body: String },
    /// A decision whose stance on the motion could not be told.
    UnknownStance { body: String },
    /// A position header where no body is known.
    PositionWithoutBody,
    /// A line that opens a statement of a kind the importer does not know; it ends the
    /// previous position and is kept unplaced with its text.
    UnknownOpener { text: String },
    /// The importer produced an invalid file (a bug); everything was kept unplaced instead.
    Fallback { reason: String },
}

impl Warning {
    /// The message, in `lang`. Text from the document is included as is: escape it before
    /// printing to a terminal.
    pub fn message(&self, lang: Lang) -> String {
        use WarningKind::*;
        match (&self.kind, lang) {
            (Empty, Lang::En) => "the document has no text (a scanned PDF?)".into(),
            (Empty, Lang::Sv) => "dokumentet har ingen text (en inskannad PDF?)".into(),
            (
                Unplaced {
                    first,
                    last,
                    section,
                },
                Lang::En,
            ) => format!(
                "could not tell where {} belong{}; kept in section `{section}`",
                line_span(*first, *last, lang),
                if first == last { "s" } else { "" }
            ),
            (
                Unplaced {
                    first,
                    last,
                    section,
                },
                Lang::Sv,
            ) => format!(
                "kunde inte placera {}; finns i avsnittet `{section}`",
                line_span(*first, *last, lang)
            ),
            (NoDnr, Lang::En) => "no registration number (Dnr) found".into(),
            (NoDnr, Lang::Sv) => "inget diarienummer (Dnr) hittades".into(),
            (NoTitle, Lang::En) => "no title found; the file name is used".into(),
            (NoTitle, Lang::Sv) => "ingen rubrik hittades; filnamnet används".into(),
            (NoText { position }, Lang::En) => {
                format!("no text found for {position}; its header line is used as its text")
            }
            (NoText { position }, Lang::Sv) => {
                format!("ingen text hittades för {position}; rubrikraden används som text")
            }
            (UnresolvedLink { position, link }, Lang::En) => format!(
                "cannot find the position that {position} refers to (\"{link}\"); its header line is used as its text"
            ),
            (UnresolvedLink { position, link }, Lang::Sv) => format!(
                "hittar inte ställningstagandet som {position} hänvisar till (\"{link}\"); rubrikraden används som text"
            ),
            (BadDate { text }, Lang::En) => format!("\"{text}\" is not a date; left out"),
            (BadDate { text }, Lang::Sv) => format!("\"{text}\" är inget datum; utelämnat"),
            (UnknownParty { code }, Lang::En) => {
                format!("unknown party code {code}; declared with the code as its name")
            }
            (UnknownParty { code }, Lang::Sv) => {
                format!("okänd partibeteckning {code}; deklarerad med beteckningen som namn")
            }
            (NoAnswerFound { body }, Lang::En) => {
                format!("{body} is in the referral list, but its answer was not found")
            }
            (NoAnswerFound { body }, Lang::Sv) => {
                format!("{body} finns bland remissinstanserna, men dess svar hittades inte")
            }
            (UnknownStance { body }, Lang::En) => format!(
                "the text does not settle {body}'s stance on the motion; written as unknown (?)"
            ),
            (UnknownStance { body }, Lang::Sv) => {
                format!("texten avgör inte {body}s ställning till motionen; skrivet som okänt (?)")
            }
            (UnknownOpener { text }, Lang::En) => format!(
                "\"{text}\" opens a statement of a kind remiss does not know; it ends the previous position, and it and its text are kept unplaced"
            ),
            (UnknownOpener { text }, Lang::Sv) => format!(
                "\"{text}\" inleder ett uttalande av ett slag som remiss inte känner; det avslutar föregående ställningstagande och det och dess text finns bland ej placerad text"
            ),
            (PositionWithoutBody, Lang::En) => {
                "a reservation or statement outside any body's part; kept unplaced".into()
            }
            (PositionWithoutBody, Lang::Sv) => {
                "en reservation eller ett uttalande utanför något organs del; ej placerad".into()
            }
            (Fallback { reason }, Lang::En) => format!(
                "internal error ({reason}); the whole document is kept in one unplaced section"
            ),
            (Fallback { reason }, Lang::Sv) => {
                format!("internt fel ({reason}); hela dokumentet finns i ett ej placerat avsnitt")
            }
        }
    }
}

fn line_span(first: usize, last: usize, lang: Lang) -> String {
    match (first == last, lang) {
        (true, Lang::En) => format!("line {first}"),
        (true, Lang::Sv) => format!("rad {first}"),
        (false, Lang::En) => format!("lines {first}–{last}"),
        (false, Lang::Sv) => format!("rad {first}–{last}"),
    }
}

/// A position as the user knows it: "the reservation by Jonas Nilsson m.fl. (M) in
/// Södermalms stadsdelsnämnd".
fn describe(stance: Stance, byline: &str, body: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "the {} by {byline} in {body}",
            lang.stance_lower(stance, false)
        ),
        Lang::Sv => format!("{} av {byline} i {body}", lang.stance_lower(stance, false)),
    }
}

/// Import the text of a statement. `source_name` is recorded as the case's source file.
pub fn import_text(text: &str, source_name: &str, lang: Lang) -> Imported {
    let repaired = lines::repair(text);
    let draft = parse::parse(&repaired);
    let resolved = resolve::resolve(draft, &repaired, source_name, lang);
    let toml = write::write(&resolved, lang);
    let mut warnings = resolved.warnings;
    if let Err(problems) = crate::model::parse_case(&toml, source_name, "import") {
        let reason = problems
            .first()
            .map_or_else(String::new, |p| p.message.clone());
        warnings = vec![Warning {
            line: 1,
            kind: WarningKind::Fallback { reason },
        }];
        return Imported {
            toml: write::fallback(text, source_name, lang),
            warnings,
        };
    }
    warnings.sort_by_key(|w| w.line);
    Imported { toml, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_case;

    #[test]
    fn empty_input_is_a_valid_file_with_a_warning() {
        for text in ["", "\n\n  \n", "\u{c}\u{c}"] {
            let out = import_text(text, "tom.txt", Lang::En);
            parse_case(&out.toml, "t", "t").unwrap();
            assert!(
                out.warnings.iter().any(|w| w.kind == WarningKind::Empty),
                "{:?}",
                out.warnings
            );
        }
    }

    /// The phrasing variants of the phrase table, in a small statement.
    #[test]
    fn phrasing_variants() {
        let doc = "Utlåtande Rotel II (Dnr KS 2026/7)\n\
Motion om cykelbanor\n\
Motion av Anna Ek (L)\n\
Förslag till beslut\n\
Motionen besvaras med hänvisning till vad som sägs i utlåtandet.\n\
Beredning\n\
Ärendet har remitterats till trafiknämnden och Miljö- och hälsoskyddsnämnden.\n\
Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.\n\
Reservation anfördes av borgarrådet Jan Jönsson (L) enligt följande.\n\
Att bifalla motionen.\n\
Att därutöver anföra\n\
Cykelbanorna behövs.\n\
Särskilt uttalande gjordes av borgarrådet Bo Al (KD) enligt följande.\n\
Vi vill se fler cykelbanor.\n\
Remissammanställning\n\
Trafiknämnden\n\
Trafiknämnden har vid sitt sammanträde den 3 mars 2026 beslutat följande.\n\
Trafiknämnden godkänner kontorets tjänsteutlåtande som svar på remissen.\n\
Ersättaryttrande anfördes av Eva Berg (SD) enligt följande.\n\
Vi tillstyrker motionen.\n\
Trafikkontorets tjänsteutlåtande daterat den 2 februari 2026 har i huvudsak följande lydelse.\n\
Kontoret ställer sig positiv till motionens förslag.\n\
Miljö- och hälsoskyddsnämnden\n\
Miljö- och hälsoskyddsnämnden beslutade vid sitt sammanträde den 4 mars 2026 följande.\n\
Nämnden avstyrker motionen.\n";
        let out = import_text(doc, "v.txt", Lang::En);
        assert!(out.warnings.is_empty(), "{:?}\n{}", out.warnings, out.toml);
        let case = parse_case(&out.toml, "t", "t").unwrap();
        let ids: Vec<&str> = case.positions.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "trafiknamnden/approve",
                "trafiknamnden/substitute_statement/SD",
                "miljo-och-halsoskyddsnamnden/reject",
                "borgarradsberedningen/answered",
                "borgarradsberedningen/reservation/L",
                "borgarradsberedningen/special_statement/KD",
            ],
            "{}",
            out.toml
        );
        let t = &case.bodies[0];
        assert_eq!(
            t.meeting_date.map(|d| d.to_string()).as_deref(),
            Some("2026-03-03")
        );
        assert_eq!(t.administration.as_deref(), Some("Trafikkontoret"));
        assert_eq!(
            case.positions[4].proposals,
            ["Att bifalla motionen.", "Att därutöver anföra"]
        );
        assert_eq!(case.positions[4].paragraphs, ["Cykelbanorna behövs."]);
    }

    #[test]
    fn unknown_text_is_unplaced_with_warnings() {
        let out = import_text(
            "Detta är ingen utlåtande.\nBara två rader.\n",
            "x.txt",
            Lang::En,
        );
        let case = parse_case(&out.toml, "t", "t").unwrap();
        assert_eq!(case.sections.len(), 1, "{}", out.toml);
        assert_eq!(case.sections[0].id, "unplaced-1");
        assert_eq!(
            case.sections[0].paragraphs.join(" "),
            "Detta är ingen utlåtande. Bara två rader."
        );
        let messages: Vec<String> = out.warnings.iter().map(|w| w.message(Lang::En)).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("lines 1–2") && m.contains("unplaced-1")),
            "{messages:?}"
        );
    }
}
