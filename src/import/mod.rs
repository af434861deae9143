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

pub mod accuracy;
mod byline;
pub mod document;
pub mod html;
mod lines;
mod out;
mod parse;
pub mod phrases;
pub mod protocol;
mod resolve;
pub mod riksdag;
pub mod stance;
pub(crate) mod write;

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
    /// The case file, loaded: its evidence says which facts are uncertain
    /// ([`crate::review::items`]), its `unplaced-N` sections what could not be placed.
    pub case: crate::model::Case,
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
    /// A header in "Reservationer m.m." that matches announcements in several bodies' parts
    /// and none in the body it stands under; it and its text are kept unplaced.
    AnnouncedInSeveral { text: String },
    /// The importer produced an invalid file (a bug); everything was kept unplaced instead.
    Fallback { reason: String },
    /// A reservation or statement names a point the document's list of points lacks.
    PointUnknown { what: String, point: String },
    /// A heading names other parties than the signatures below it.
    PartiesDisagree {
        what: String,
        heading: String,
        byline: String,
    },
    /// A reservation or statement whose signatures name no party.
    NoParties { what: String },
    /// The list of points names a reservation or statement that was not found.
    ListedNotFound { what: String },
    /// The list of points says otherwise about a reservation or statement (its point or its
    /// parties): "document / list".
    SummaryDisagrees { what: String, detail: String },
    /// A protocol's list of members' votes does not add up to its counts; the list is left
    /// out.
    VoteListDisagrees { paragraph: u32 },
    /// A protocol whose body was not found in its head.
    NoBody,
    /// A decision whose stance on the motion the text does not settle: written as `stance`
    /// (`unknown`), with uncertain evidence.
    StanceNotSettled { body: String, stance: String },
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
            (AnnouncedInSeveral { text }, Lang::En) => format!(
                "\"{text}\" in \"Reservationer m.m.\" matches reservations announced by several bodies and none of the body it stands under; it and its text are kept unplaced"
            ),
            (AnnouncedInSeveral { text }, Lang::Sv) => format!(
                "\"{text}\" i \"Reservationer m.m.\" stämmer med reservationer som flera organ hänvisar till och med inget av organet det står under; det och dess text finns bland ej placerad text"
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
            (PointUnknown { what, point }, Lang::En) => format!(
                "{what} names point {point}, which the list of points lacks; the point is added from the heading and marked uncertain"
            ),
            (PointUnknown { what, point }, Lang::Sv) => format!(
                "{what} anger punkt {point}, som saknas i förslagspunkterna; punkten läggs till från rubriken och markeras osäker"
            ),
            (
                PartiesDisagree {
                    what,
                    heading,
                    byline,
                },
                Lang::En,
            ) => format!(
                "{what}: the heading names ({heading}), the signatures ({byline}); the signatures' parties are used"
            ),
            (
                PartiesDisagree {
                    what,
                    heading,
                    byline,
                },
                Lang::Sv,
            ) => format!(
                "{what}: rubriken anger ({heading}), underskrifterna ({byline}); underskrifternas partier används"
            ),
            (NoParties { what }, Lang::En) => {
                format!("{what}: no party found in its signatures; check them")
            }
            (NoParties { what }, Lang::Sv) => {
                format!("{what}: inget parti hittades i underskrifterna; kontrollera dem")
            }
            (ListedNotFound { what }, Lang::En) => {
                format!("the list of points names {what}, but its text was not found")
            }
            (ListedNotFound { what }, Lang::Sv) => {
                format!("förslagspunkterna nämner {what}, men dess text hittades inte")
            }
            (SummaryDisagrees { what, detail }, Lang::En) => format!(
                "{what}: the text and the list of points disagree ({detail}); the text is used"
            ),
            (SummaryDisagrees { what, detail }, Lang::Sv) => format!(
                "{what}: texten och förslagspunkterna skiljer sig åt ({detail}); texten används"
            ),
            (VoteListDisagrees { paragraph }, Lang::En) => format!(
                "§ {paragraph}: the list of the members' votes does not add up to the counts; the list is left out"
            ),
            (VoteListDisagrees { paragraph }, Lang::Sv) => format!(
                "§ {paragraph}: listan över ledamöternas röster stämmer inte med röstsiffrorna; listan utelämnas"
            ),
            (StanceNotSettled { body, stance }, Lang::En) => format!(
                "the text does not settle {body}'s stance on the motion; written as `{stance}`, with the sentence as uncertain evidence"
            ),
            (StanceNotSettled { body, stance }, Lang::Sv) => format!(
                "texten avgör inte ställningen på motionen i beslutet av {body}; skriven som `{stance}`, med meningen som osäker evidens"
            ),
            (NoBody, Lang::En) => {
                "no body (nämnd, styrelse, fullmäktige) found in the protocol's head".into()
            }
            (NoBody, Lang::Sv) => {
                "inget organ (nämnd, styrelse, fullmäktige) hittades i protokollets huvud".into()
            }
        }
    }
}

/// "line 4", "lines 4–6" (or in Swedish "rad 4", "rad 4–6").
pub fn line_span(first: usize, last: usize, lang: Lang) -> String {
    lang.source_lines((first, last))
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
    let (toml, case) = checked(toml, text, source_name, &mut warnings, lang);
    warnings.sort_by_key(|w| w.line);
    Imported {
        toml,
        warnings,
        case,
    }
}

// ---------------------------------------------------------------------------------------------
// Genres: which kind of document it is, and the importer for it.

/// The kinds of document `remiss import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    /// Stockholm's statement (utlåtande) with every referral answer.
    Statement,
    /// A municipal protocol or protocol extract (protokoll, protokollsutdrag).
    Protocol,
    /// A Riksdag committee report (betänkande).
    Report,
}

impl Genre {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Genre::Statement, Lang::En) => "a Stockholm statement (utlåtande)",
            (Genre::Statement, Lang::Sv) => "ett utlåtande (Stockholms stad)",
            (Genre::Protocol, Lang::En) => "a municipal protocol or protocol extract",
            (Genre::Protocol, Lang::Sv) => "ett protokoll eller protokollsutdrag",
            (Genre::Report, Lang::En) => "a Riksdag committee report (betänkande)",
            (Genre::Report, Lang::Sv) => "ett utskottsbetänkande från riksdagen",
        }
    }
}

/// The supported kinds, for the message about a document that is none of them.
pub fn supported_kinds(lang: Lang) -> &'static str {
    lang.pick(
        "a Stockholm statement (utlåtande), a municipal protocol or protocol extract \
         (protokoll, protokollsutdrag; one case per § with yrkanden, votes or reservations), or \
         a Riksdag committee report (betänkande: text, PDF, its HTML or the dokumentstatus JSON \
         of data.riksdagen.se)",
        "ett utlåtande från Stockholms stad, ett protokoll eller protokollsutdrag från en \
         kommun (ett ärende per § med yrkanden, votering eller reservationer) eller ett \
         betänkande från riksdagen (text, PDF, dess HTML eller dokumentstatus-JSON från \
         data.riksdagen.se)",
    )
}

/// How sure the detection is of each genre: markers found in the text, weighed.
fn genre_scores(text: &str) -> [(Genre, u32); 3] {
    let head: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(40)
        .map(phrases::normalise)
        .collect();
    let all = phrases::normalise(text);
    let mut statement = 0;
    if head
        .iter()
        .take(5)
        .any(|l| phrases::DOCUMENT_HEADERS.iter().any(|h| l.starts_with(h)))
    {
        statement += 3;
    }
    for m in [
        "remissammanställning",
        "borgarrådsberedningen",
        "föredragande borgarråd",
    ] {
        if all.contains(m) {
            statement += 1;
        }
    }
    let mut report = 0;
    if head.iter().any(|l| l.ends_with("utskottets betänkande")) {
        report += 3;
    }
    for m in [
        "utskottets förslag till riksdagsbeslut",
        "utskottet hemställer",
        "förslag till riksdagsbeslut",
        "riksdagen avslår",
    ] {
        if all.contains(m) {
            report += 1;
        }
    }
    if all.contains("utskottets förslag till riksdagsbeslut")
        || all.contains("utskottet hemställer")
    {
        report += 1;
    }
    let mut protocol = 0;
    if head.iter().any(|l| {
        l.contains("protokoll") || l.starts_with("utdrag ur") || l.contains("protokollsutdrag")
    }) {
        protocol += 2;
    }
    let paragraphs = text
        .lines()
        .filter(|l| protocol::paragraph_heading(l.trim()).is_some())
        .count();
    if paragraphs > 0 {
        protocol += 1;
    }
    for m in [
        "justerandes sign",
        "propositionsordning",
        "yrkanden",
        "protokollsanteckning",
        "sammanträdesdatum",
        "justering",
    ] {
        if all.contains(m) {
            protocol += 1;
        }
    }
    [
        (Genre::Statement, statement),
        (Genre::Report, report),
        (Genre::Protocol, protocol),
    ]
}

/// The kind of a document's text, if it is one `remiss import` reads.
pub fn detect(text: &str) -> Option<Genre> {
    if riksdag::looks_like_dokumentstatus(text) {
        return Some(Genre::Report);
    }
    let laid;
    let text = if html::looks_like_html(text) {
        laid = html::lay_out(text);
        laid.text.as_str()
    } else {
        text
    };
    let scores = genre_scores(text);
    let best = scores.iter().max_by_key(|(_, s)| *s)?;
    (best.1 >= 3).then_some(best.0)
}

/// A document to import: its name (for messages and the case's source) and its text (as
/// [`read_document`] gives it: a text file, a PDF's text, HTML or JSON).
#[derive(Debug, Clone)]
pub struct Document {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Import a document of no known kind anyway, all of it as unplaced text.
    pub force: bool,
    /// Of a protocol, import only this § (its number).
    pub paragraph: Option<u32>,
}

/// What was read from one document.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub name: String,
    /// `None` for a document imported with `force` as unplaced text.
    pub genre: Option<Genre>,
    /// What was found, one line: "2001/02:BoU1: 32 points, 52 reservations, 7 special
    /// statements".
    pub found: String,
    pub warnings: Vec<Warning>,
}

/// The case files of an import (one, or one per § of a protocol), and what was read from each
/// document.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub cases: Vec<CaseText>,
    pub files: Vec<FileReport>,
}

/// One case file, format 1. Always passes `remiss check`.
#[derive(Debug, Clone)]
pub struct CaseText {
    /// What it is, for messages: "§ 62", "2001/02:BoU1".
    pub label: String,
    /// A file name for it (without `.toml`), where one import gives several.
    pub hint: String,
    pub toml: String,
    /// The same file, loaded: its evidence says which facts are uncertain
    /// ([`crate::review::items`]), its `unplaced-N` sections what could not be placed.
    pub case: crate::model::Case,
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The document (by index) is of no kind `remiss import` reads.
    Unrecognised { file: usize },
    /// A `dokumentstatus` JSON that cannot be read.
    BadJson { file: usize, detail: String },
    /// Several documents of which one is not a protocol, or protocols of different matters.
    Mixed { file: usize },
    /// `--paragraph N` names no § of the protocol.
    NoSuchParagraph { paragraph: u32 },
    /// A protocol with no § that holds positions (yrkanden, votes, reservations).
    NoParagraphWithPositions { file: usize },
}

impl Refusal {
    /// The message, in `lang`; `names` are the documents' names (escape before printing).
    pub fn message(&self, names: &[String], lang: Lang) -> String {
        let name = |k: usize| names.get(k).cloned().unwrap_or_default();
        match (self, lang) {
            (Refusal::Unrecognised { file }, Lang::En) => format!(
                "{}: not a document remiss can import; it reads {}. Give --force to import it anyway, all of it as unplaced text",
                name(*file),
                supported_kinds(lang)
            ),
            (Refusal::Unrecognised { file }, Lang::Sv) => format!(
                "{}: inget dokument som remiss kan importera; remiss läser {}. Ange --force för att ändå importera det, allt som ej placerad text",
                name(*file),
                supported_kinds(lang)
            ),
            (Refusal::BadJson { file, detail }, Lang::En) => {
                format!(
                    "{}: the dokumentstatus JSON cannot be read: {detail}",
                    name(*file)
                )
            }
            (Refusal::BadJson { file, detail }, Lang::Sv) => {
                format!(
                    "{}: dokumentstatus-JSON:en kan inte läsas: {detail}",
                    name(*file)
                )
            }
            (Refusal::Mixed { file }, Lang::En) => format!(
                "{}: several documents import into one case only when they are protocol extracts of one matter (the same dnr or motion title)",
                name(*file)
            ),
            (Refusal::Mixed { file }, Lang::Sv) => format!(
                "{}: flera dokument blir ett ärende bara när de är protokollsutdrag i samma ärende (samma diarienummer eller motionsrubrik)",
                name(*file)
            ),
            (Refusal::NoSuchParagraph { paragraph }, Lang::En) => {
                format!("the protocol has no § {paragraph}")
            }
            (Refusal::NoSuchParagraph { paragraph }, Lang::Sv) => {
                format!("protokollet har ingen § {paragraph}")
            }
            (Refusal::NoParagraphWithPositions { file }, Lang::En) => format!(
                "{}: a protocol, but no § holds yrkanden, a vote, a reservation or a statement; name a § with --paragraph N, or give --force to import it as unplaced text",
                name(*file)
            ),
            (Refusal::NoParagraphWithPositions { file }, Lang::Sv) => format!(
                "{}: ett protokoll, men ingen § har yrkanden, votering, reservation eller yttrande; ange en § med --paragraph N, eller --force för att importera det som ej placerad text",
                name(*file)
            ),
        }
    }
}

/// Check a generated case file and load it; should it not load (a bug), keep the whole text
/// unplaced instead, with a `Fallback` warning.
fn checked(
    toml: String,
    source: &str,
    name: &str,
    warnings: &mut Vec<Warning>,
    lang: Lang,
) -> (String, crate::model::Case) {
    match crate::model::parse_case(&toml, name, "import") {
        Ok(case) => (toml, case),
        Err(problems) => {
            let reason = problems
                .first()
                .map_or_else(String::new, |p| lang.problem_message(&p.kind));
            warnings.push(Warning {
                line: 1,
                kind: WarningKind::Fallback { reason },
            });
            let toml = write::fallback(source, name, lang);
            match crate::model::parse_case(&toml, name, "import") {
                Ok(case) => (toml, case),
                // The fallback is tested to load whatever the text; this cannot be reached.
                Err(problems) => unreachable!("the fallback file does not load: {problems:?}"),
            }
        }
    }
}

/// Import one or more documents into one case file: a statement, a Riksdag report, or the
/// protocol extracts of one matter (one per body).
pub fn import(docs: &[Document], opts: &Options, lang: Lang) -> Result<Outcome, Refusal> {
    let genres: Vec<Option<Genre>> = docs.iter().map(|d| detect(&d.text)).collect();
    if docs.len() > 1 {
        if let Some(k) = genres.iter().position(|g| *g != Some(Genre::Protocol)) {
            return Err(match genres[k] {
                None => Refusal::Unrecognised { file: k },
                Some(_) => Refusal::Mixed { file: k },
            });
        }
        return protocol::import_many(docs, opts, lang);
    }
    let Some(doc) = docs.first() else {
        return Err(Refusal::Unrecognised { file: 0 });
    };
    match genres[0] {
        None if !opts.force => Err(Refusal::Unrecognised { file: 0 }),
        None => Ok(statement(doc, None, lang)),
        Some(Genre::Statement) => Ok(statement(doc, Some(Genre::Statement), lang)),
        Some(Genre::Report) => import_report(doc, lang),
        Some(Genre::Protocol) => match protocol::import_many(docs, opts, lang) {
            Err(Refusal::NoParagraphWithPositions { .. }) if opts.force => {
                Ok(statement(doc, None, lang))
            }
            other => other,
        },
    }
}

/// A statement; or (`genre` none) a document imported with `force` although no importer
/// understands it: the statement importer keeps what it cannot place in unplaced sections,
/// each with a warning.
fn statement(doc: &Document, genre: Option<Genre>, lang: Lang) -> Outcome {
    let imported = import_text(&doc.text, &doc.name, lang);
    Outcome {
        cases: vec![CaseText {
            label: doc.name.clone(),
            hint: "import".into(),
            toml: imported.toml,
            case: imported.case,
        }],
        files: vec![FileReport {
            name: doc.name.clone(),
            genre,
            found: String::new(),
            warnings: imported.warnings,
        }],
    }
}

/// A Riksdag report from its text, HTML or `dokumentstatus` JSON.
fn import_report(doc: &Document, lang: Lang) -> Result<Outcome, Refusal> {
    let meta = if riksdag::looks_like_dokumentstatus(&doc.text) {
        Some(
            riksdag::parse_dokumentstatus(&doc.text).map_err(|e| Refusal::BadJson {
                file: 0,
                detail: match e {
                    riksdag::JsonError::Syntax { line, column, what } => {
                        format!("line {line}, column {column}: {what}")
                    }
                    riksdag::JsonError::NotDokumentstatus => "no dokumentstatus.dokument".into(),
                    riksdag::JsonError::NoHtml => "no dokument.html".into(),
                },
            })?,
        )
    } else {
        None
    };
    let html_source = meta
        .as_ref()
        .map(|m| m.html.as_str())
        .or_else(|| html::looks_like_html(&doc.text).then_some(doc.text.as_str()));
    let laid = html_source.map(html::lay_out);
    let text = laid.as_ref().map_or(doc.text.as_str(), |l| l.text.as_str());
    let (case, mut warnings, summary) =
        riksdag::import(text, laid.as_ref(), meta.as_ref(), &doc.name, lang);
    let (toml, loaded) = checked(
        out::write(&case, lang),
        text,
        &doc.name,
        &mut warnings,
        lang,
    );
    warnings.sort_by_key(|w| w.line);
    let found = match lang {
        Lang::En => format!(
            "{}: {} point(s), {} reservation(s), {} special statement(s)",
            summary.designation.as_deref().unwrap_or("?"),
            summary.points,
            summary.reservations,
            summary.statements
        ),
        Lang::Sv => format!(
            "{}: {} förslagspunkt(er), {} reservation(er), {} särskilda yttranden",
            summary.designation.as_deref().unwrap_or("?"),
            summary.points,
            summary.reservations,
            summary.statements
        ),
    };
    Ok(Outcome {
        cases: vec![CaseText {
            label: summary.designation.clone().unwrap_or_default(),
            hint: crate::text::slug(summary.designation.as_deref().unwrap_or("report")),
            toml,
            case: loaded,
        }],
        files: vec![FileReport {
            name: doc.name.clone(),
            genre: Some(Genre::Report),
            found,
            warnings,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fact, Review, Stance, parse_case};
    use crate::review;

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

    /// Socialnämnden's and Trafiknämnden's parts each announce an M reservation; in
    /// "Reservationer m.m." Trafiknämnden's sub-heading is lost, so both texts stand under
    /// "Socialnämnden". `second` is the header of the second text there.
    fn announced_elsewhere(second: &str, traffic_announces: &str) -> String {
        format!(
            "{HEAD}Socialnämnden\nSocialnämnden beslutade vid sitt sammanträde den 17 februari 2026 följande.\n\
Socialnämnden avstyrker motionen.\nReservation av Anna Ek m.fl. (M), se Reservationer m.m.\n\
{TRAFFIC}Reservation av {traffic_announces}, se Reservationer m.m.\n\
Reservationer m.m.\nSocialnämnden\nReservation av Anna Ek m.fl. (M)\nSocialtjänsten behöver bänkarna.\n\
{second}\nTrafiken behöver bänkarna.\n"
        )
    }

    fn body_evidence(p: &crate::model::Position) -> Vec<(Review, &str, &str)> {
        p.evidence
            .iter()
            .filter(|e| e.fact == Fact::Body)
            .map(|e| (e.review, e.rule.as_str(), e.sentence.as_str()))
            .collect()
    }

    /// A text in "Reservationer m.m." under another body's heading goes to the body whose part
    /// announces it by signatory, uncertain, with both sentences; no body gets two.
    #[test]
    fn a_text_under_a_lost_sub_heading_goes_to_the_body_that_announces_it() {
        let doc = announced_elsewhere("Reservation av Bo Al m.fl. (M)", "Bo Al m.fl. (M)");
        let out = import_text(&doc, "t.txt", Lang::En);
        assert!(out.warnings.is_empty(), "{:?}\n{}", out.warnings, out.toml);
        let case = parse_case(&out.toml, "t", "t").unwrap();
        let ids: Vec<&str> = case.positions.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "socialnamnden/reject",
                "socialnamnden/reservation/M",
                "trafiknamnden/reject",
                "trafiknamnden/reservation/M"
            ],
            "{}",
            out.toml
        );
        let social = &case.positions[1];
        assert_eq!(social.paragraphs, ["Socialtjänsten behöver bänkarna."]);
        assert_eq!(social.review(), Some(Review::Inferred));
        let traffic = &case.positions[3];
        assert_eq!(traffic.paragraphs, ["Trafiken behöver bänkarna."]);
        assert_eq!(traffic.review(), Some(Review::Uncertain));
        assert_eq!(
            body_evidence(traffic),
            [
                (
                    Review::Uncertain,
                    "section.announcement",
                    "Reservation av Bo Al m.fl. (M), se Reservationer m.m."
                ),
                (
                    Review::Uncertain,
                    "section.announcement",
                    "Reservation av Bo Al m.fl. (M)"
                ),
            ]
        );
        assert!(
            traffic.evidence[1]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("\"Socialnämnden\"")),
            "{:?}",
            traffic.evidence
        );
    }

    /// Announcement "(M)", text "(L)": one reservation, the announcement's party, uncertain
    /// with both sentences; here across a lost sub-heading too.
    #[test]
    fn a_party_the_announcement_and_the_text_disagree_on_is_uncertain() {
        let doc = announced_elsewhere("Reservation av Bo Al m.fl. (L)", "Bo Al m.fl. (M)");
        let out = import_text(&doc, "t.txt", Lang::En);
        assert!(out.warnings.is_empty(), "{:?}\n{}", out.warnings, out.toml);
        let case = parse_case(&out.toml, "t", "t").unwrap();
        let traffic = case
            .positions
            .iter()
            .find(|p| p.id == "trafiknamnden/reservation/M")
            .unwrap_or_else(|| panic!("{}", out.toml));
        assert_eq!(traffic.paragraphs, ["Trafiken behöver bänkarna."]);
        let parties: Vec<(Review, &str, &str)> = traffic
            .evidence
            .iter()
            .filter(|e| e.fact == Fact::Parties)
            .map(|e| (e.review, e.rule.as_str(), e.sentence.as_str()))
            .collect();
        assert_eq!(
            parties,
            [
                (
                    Review::Uncertain,
                    "byline.parties_disagree",
                    "Reservation av Bo Al m.fl. (M), se Reservationer m.m."
                ),
                (
                    Review::Uncertain,
                    "byline.parties_disagree",
                    "Reservation av Bo Al m.fl. (L)"
                ),
            ]
        );
        assert_eq!(
            case.positions
                .iter()
                .filter(|p| p.stance == Stance::Reservation)
                .count(),
            2
        );
    }

    /// A text that two other bodies announce (and its own does not) cannot be placed: it and its
    /// header go unplaced, with a warning, and both announcements keep their header only.
    #[test]
    fn a_text_several_bodies_announce_stays_unplaced() {
        let doc = announced_elsewhere("Reservation av Bo Al m.fl. (M)", "Bo Al m.fl. (M)").replace(
            "\nReservationer m.m.\nSocialnämnden\n",
            "\nKulturnämnden\nKulturnämnden beslutade vid sitt sammanträde den 3 mars 2026 följande.\n\
Kulturnämnden avstyrker motionen.\nReservation av Bo Al och Eva Berg (M), se Reservationer m.m.\n\
Reservationer m.m.\nSocialnämnden\n",
        );
        let out = import_text(&doc, "t.txt", Lang::En);
        let messages: Vec<String> = out.warnings.iter().map(|w| w.message(Lang::En)).collect();
        assert!(
            messages.iter().any(|m| m.contains("several bodies")),
            "{messages:?}"
        );
        let case = parse_case(&out.toml, "t", "t").unwrap();
        let unplaced = review::unplaced(&case);
        assert!(
            unplaced
                .iter()
                .any(|s| s.paragraphs.iter().any(|p| p.contains("Trafiken behöver"))),
            "{}",
            out.toml
        );
        for p in case
            .positions
            .iter()
            .filter(|p| p.stance == Stance::Reservation)
        {
            assert!(
                p.paragraphs.iter().all(|t| !t.contains("Trafiken")),
                "{}",
                out.toml
            );
        }
    }

    /// Two reservations in one body by the same first signatory are never both stated as sure.
    #[test]
    fn two_reservations_by_one_first_signatory_in_one_body_are_uncertain() {
        let doc = format!(
            "{HEAD}{SOCIAL}Reservation av Anna Ek m.fl. (M), se Reservationer m.m.\n\
Reservationer m.m.\nSocialnämnden\nReservation av Anna Ek m.fl. (M)\nText ett.\n\
Reservation av Anna Ek och Bo Al (M)\nText två.\n"
        );
        let out = import_text(&doc, "t.txt", Lang::En);
        let case = parse_case(&out.toml, "t", "t").unwrap();
        let reservations: Vec<_> = case
            .positions
            .iter()
            .filter(|p| p.stance == Stance::Reservation)
            .collect();
        assert_eq!(reservations.len(), 2, "{}", out.toml);
        for p in reservations {
            assert!(
                p.evidence.iter().any(|e| e.fact == Fact::Body
                    && e.review == Review::Uncertain
                    && e.rule == "section.same_signatory"
                    && e.sentence.starts_with("Reservation av Anna Ek"))
                    && p.review() == Some(Review::Uncertain),
                "{}",
                out.toml
            );
        }
    }

    fn bodies_of(doc: &str) -> Vec<String> {
        let out = import_text(doc, "t.txt", Lang::En);
        out.case.bodies.iter().map(|b| b.name.clone()).collect()
    }

    const HEAD: &str =
        "Utlåtande Rotel I (Dnr KS 2025/9999)\nMotion om fler parkbänkar\nRemissammanställning\n";
    const SOCIAL: &str = "Socialnämnden\nSocialnämnden beslutade vid sitt sammanträde den 17 februari 2026 följande.\nSocialnämnden avstyrker motionen.\n";
    const TRAFFIC: &str = "Trafiknämnden\nTrafiknämnden beslutade vid sitt sammanträde den 12 februari 2026 följande.\nTrafiknämnden avstyrker motionen.\n";

    /// Every common shape of a table of contents: none of its lines becomes a body.
    #[test]
    fn contents_lists_in_every_shape() {
        for contents in [
            "Socialnämnden ........ 3\nTrafiknämnden ........ 4\nReservationer m.m. ...... 5\n",
            "Socialnämnden 3\nTrafiknämnden 4\nReservationer m.m. 5\n",
            "Socialnämnden\t3\nTrafiknämnden\t\t4\nReservationer m.m.\t5\n",
            "Socialnämnden … 3\nTrafiknämnden … 4\nReservationer m.m. … 5\n",
            "Socialnämnden\n3\nTrafiknämnden\n4\nReservationer m.m.\n5\n",
        ] {
            for heading in ["Innehållsförteckning\n", ""] {
                let doc = format!(
                    "{HEAD}Ärendet har remitterats till socialnämnden och trafiknämnden.\n{heading}{contents}{SOCIAL}{TRAFFIC}"
                );
                assert_eq!(
                    bodies_of(&doc),
                    ["Socialnämnden", "Trafiknämnden"],
                    "{contents:?} {heading:?}"
                );
            }
        }
    }

    /// A body's name on a line of its own inside running text is no heading.
    #[test]
    fn a_lone_body_name_in_running_text() {
        for wrapped in ["socialnämnden.", "socialnämnden", "Socialnämnden och"] {
            let doc = format!(
                "{HEAD}Ärendet har remitterats till socialnämnden och trafiknämnden.\n{SOCIAL}{TRAFFIC}\
                 Trafikkontorets tjänsteutlåtande daterat den 16 december 2025 har i huvudsak följande lydelse.\n\
                 Frågan har stämts av med\n{wrapped}\nNya bänkar bör prioriteras.\n"
            );
            let out = import_text(&doc, "t.txt", Lang::En);
            assert_eq!(
                out.case
                    .bodies
                    .iter()
                    .map(|b| b.name.as_str())
                    .collect::<Vec<_>>(),
                ["Socialnämnden", "Trafiknämnden"],
                "{wrapped}"
            );
            let traffic = &out.case.positions[1];
            assert!(
                traffic
                    .paragraphs
                    .join(" ")
                    .contains("Nya bänkar bör prioriteras."),
                "{wrapped}: {:?}",
                traffic.paragraphs
            );
        }
    }

    /// "samt", bullets, and names holding "och".
    #[test]
    fn referral_lists() {
        let doc = format!(
            "{HEAD}Ärendet har remitterats till socialnämnden samt trafiknämnden.\n{SOCIAL}{TRAFFIC}"
        );
        assert_eq!(bodies_of(&doc), ["Socialnämnden", "Trafiknämnden"]);
        let doc = format!(
            "{HEAD}Ärendet har remitterats till följande remissinstanser:\n• socialnämnden\n\
             • trafiknämnden\n• Stockholm Vatten och Avfall AB\n\
             Stockholm Vatten och Avfall AB har inte inkommit med svar.\n{SOCIAL}{TRAFFIC}"
        );
        assert_eq!(
            bodies_of(&doc),
            [
                "Socialnämnden",
                "Trafiknämnden",
                "Stockholm Vatten och Avfall AB"
            ]
        );
        // A name holding "och" is whole where the document names it whole (its heading).
        let doc = format!(
            "{HEAD}Ärendet har remitterats till socialnämnden, Idrotts och fritidsrådet och trafiknämnden.\n\
             {SOCIAL}Idrotts och fritidsrådet\nIdrotts och fritidsrådet beslutade vid sitt sammanträde den 3 mars 2026 följande.\n\
             Rådet avstyrker motionen.\n{TRAFFIC}"
        );
        assert_eq!(
            bodies_of(&doc),
            ["Socialnämnden", "Idrotts och fritidsrådet", "Trafiknämnden"]
        );
        // Two bodies joined by "och" stay two.
        let doc = format!(
            "{HEAD}Ärendet har remitterats till socialnämnden och trafiknämnden.\n\
             Region Stockholm och Länsstyrelsen har inte inkommit med svar.\n{SOCIAL}{TRAFFIC}"
        );
        assert_eq!(bodies_of(&doc), ["Socialnämnden", "Trafiknämnden"]);
    }

    #[test]
    fn opener_shapes() {
        use parse::opener_shape;
        for yes in [
            "Yttrande av Lena Berg (L)",
            "Gemensamt uttryck av Lena Berg m.fl. (L), se Reservationer m.m.",
            "Anteckning anförd av Anna Ek (S) och Bo Al (V) enligt följande.",
            "Uttalande av Ida Jansson (Fi).",
        ] {
            assert!(opener_shape(yes), "{yes}");
        }
        for no in [
            "Arbetet leds av Anna Svensson (S), som är ordförande.",
            "I en motion väckt i kommunfullmäktige av Anna Ek (M)",
            "Motion av Anna Ek (M)",
            "Yttrande av Lena Berg",
            "Lokalen används av polisen (se bilaga 2)",
        ] {
            assert!(!opener_shape(no), "{no}");
        }
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

    /// A statement referred to by one signatory "m.fl." and headed in "Reservationer m.m." by
    /// all of them keeps every name.
    #[test]
    fn the_fuller_signature_line_names_every_signatory() {
        let text = "Utlåtande Rotel I (Dnr KS 2026/1)\nMotion om simskola\nRemissammanställning\n\
            Ärendet har remitterats till idrottsnämnden.\nIdrottsnämnden\n\
            Idrottsnämnden beslutade vid sitt sammanträde den 17 februari 2026 följande.\n\
            Idrottsnämnden avstyrker motionen.\n\
            Reservation av Anders Lind m.fl. (M), se Reservationer m.m.\n\
            Reservationer m.m.\nIdrottsnämnden\n\
            Reservation av Anders Lind, Carl Wik och Dina Ali (alla M)\n\
            Vi vill att simskolan införs i hela staden.\n";
        let out = import_text(text, "x.txt", Lang::En);
        let case = parse_case(&out.toml, "t", "t").unwrap();
        let names: Vec<&str> = case
            .positions
            .iter()
            .flat_map(|p| p.signatories.iter().map(|s| s.name.as_str()))
            .collect();
        assert_eq!(
            names,
            ["Anders Lind", "Carl Wik", "Dina Ali"],
            "{}",
            out.toml
        );
    }

    /// "A och B:s stadsdelsnämnder samt c": the plural names both districts' committees, and
    /// the body after "samt" is its own, not a district.
    #[test]
    fn a_plural_after_the_districts_names_each_committee() {
        let text = "Utlåtande Rotel II (Dnr KS 2026/9)\nMotion om stränder\nBeredning\n\
            Ärendet har remitterats till Hägersten-Älvsjö och Skärholmens stadsdelsnämnder samt\n\
            miljö- och hälsoskyddsnämnden.\n\
            Miljö- och hälsoskyddsnämnden har inte inkommit med svar.\n\
            Hägersten-Älvsjö stadsdelsnämnd\n\
            Hägersten-Älvsjö stadsdelsnämnd beslutade vid sitt sammanträde den 10 februari 2026 följande.\n\
            Stadsdelsnämnden tillstyrker motionen.\n\
            Skärholmens stadsdelsnämnd\n\
            Skärholmens stadsdelsnämnd beslutade vid sitt sammanträde den 11 februari 2026 följande.\n\
            Stadsdelsnämnden avstyrker motionen.\n";
        let out = import_text(text, "x.txt", Lang::En);
        let names: Vec<&str> = out.case.bodies.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Hägersten-Älvsjö stadsdelsnämnd",
                "Skärholmens stadsdelsnämnd",
                "Miljö- och hälsoskyddsnämnden"
            ],
            "{}",
            out.toml
        );
        use crate::model::Stance;
        let decisions: Vec<(usize, Stance)> = out
            .case
            .positions
            .iter()
            .filter(|p| p.signatories.is_empty())
            .map(|p| (p.body, p.stance))
            .collect();
        assert_eq!(
            decisions,
            [
                (0, Stance::Approve),
                (1, Stance::Reject),
                (2, Stance::NoAnswer)
            ],
            "{}",
            out.toml
        );
    }
}
