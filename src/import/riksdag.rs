//! Riksdag committee reports (betänkanden): the committee is the body; every förslagspunkt is a
//! decision point with the committee's proposal (and the chamber's decision where the source
//! gives it); every reservation and special statement (särskilt yttrande) is a position with
//! its number, its point, its parties and signatories, its proposal and its reasoning.
//!
//! Sources: the report's text (a copy, or a PDF through pdftotext), its HTML, or the Riksdag's
//! `dokumentstatus` JSON (the HTML inside, the metadata and, in newer files, each point's
//! decision and vote beside it). Everything becomes text lines first ([`super::html`] for
//! HTML, keeping the hints its paragraph classes give); then one parser reads the lines.
//!
//! How the parser finds a reservation, in any layout: inside the reservations part (the last
//! heading "Reservationer" that is followed by one), a *byline* is a block of lines that names
//! members with their parties, "av Anna Ek (m) och Bo Al (v)." or "Anna Ek och Bo Al (båda m)
//! anser"; the heading is the numbered line just above it ("4. Kvinnor och ekonomi (mom. 5)",
//! "4. Titel, punkt 2 (SD)"); the text runs to the next heading. The list of reservations
//! under each point ("Reservation 4 (m, -)", "res. 4 (v, mp)") is a summary: it is checked
//! against what the reservations part says, never read as a second copy.
//!
//! Older reports write party codes in lower case (s, v, mp, fp, c, kd, m, vpk); a member
//! without a party is "(-)". Text copied from a PDF has running heads ("RESERVATIONER
//! 2013/14:FöU11"), soft hyphens and headings glued to the text ("StällningstagandeVi anser");
//! each is undone before parsing.

use super::html::{self, Hint, Laid};
use super::lines::{self, Line, ParagraphRules, Repaired};
use super::out::{
    BodyOut, CaseOut, PartyOut, PointOut, PositionOut, SectionOut, VoteOut, inferred, uncertain,
};
use super::phrases::normalise;
use super::{Warning, WarningKind};
use crate::i18n::Lang;
use crate::model::{BodyKind, CaseKind, Fact, Signatory, Stance, Tally, VoteMethod};
use chrono::NaiveDate;
use serde_json::Value;

/// The Riksdag's committees: abbreviation as written in designations, name.
pub const COMMITTEES: &[(&str, &str)] = &[
    ("AU", "Arbetsmarknadsutskottet"),
    ("BoU", "Bostadsutskottet"),
    ("CU", "Civilutskottet"),
    ("FiU", "Finansutskottet"),
    ("FöU", "Försvarsutskottet"),
    ("JoU", "Jordbruksutskottet"),
    ("JuU", "Justitieutskottet"),
    ("KU", "Konstitutionsutskottet"),
    ("KrU", "Kulturutskottet"),
    ("LU", "Lagutskottet"),
    ("MJU", "Miljö- och jordbruksutskottet"),
    ("NU", "Näringsutskottet"),
    ("SkU", "Skatteutskottet"),
    ("SfU", "Socialförsäkringsutskottet"),
    ("SoU", "Socialutskottet"),
    ("TU", "Trafikutskottet"),
    ("UbU", "Utbildningsutskottet"),
    ("UU", "Utrikesutskottet"),
    ("UFöU", "Sammansatta utrikes- och försvarsutskottet"),
];

/// Party codes of Riksdag reports, old and new, and what they stand for. Lower-case codes of
/// older reports are matched without regard to case; "-" is a member without a party.
pub const PARTY_CODES: &[(&str, &str)] = &[
    ("M", "Moderaterna"),
    ("S", "Socialdemokraterna"),
    ("V", "Vänsterpartiet"),
    ("VPK", "Vänsterpartiet kommunisterna"),
    ("MP", "Miljöpartiet"),
    ("FP", "Folkpartiet"),
    ("L", "Liberalerna"),
    ("C", "Centerpartiet"),
    ("KD", "Kristdemokraterna"),
    ("NYD", "Ny demokrati"),
    ("SD", "Sverigedemokraterna"),
    ("-", "Partilös (politisk vilde)"),
];

/// Words that may stand before the party codes in a parenthesis: "(båda m)", "(alla m)".
const QUANTIFIERS: &[&str] = &["alla", "båda", "bägge", "samtliga"];

/// A party code as the report writes it ("m", "fp", "-", "KD") in its canonical form.
pub fn party_code(token: &str) -> Option<&'static str> {
    let t = token.trim();
    PARTY_CODES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(t))
        .map(|(c, _)| *c)
}

/// The codes inside a parenthesis if it holds party codes only ("m, -", "alla m", "V").
fn party_list(inside: &str) -> Option<Vec<String>> {
    party_list_with(inside, &|t| party_code(t).map(str::to_string))
}

/// [`party_list`] with another reading of a code.
pub(super) fn party_list_with(
    inside: &str,
    code_of: &dyn Fn(&str) -> Option<String>,
) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for token in inside.split([',', ' ']).filter(|t| !t.is_empty()) {
        if QUANTIFIERS.contains(&normalise(token).as_str()) || token == "och" {
            continue;
        }
        let code = code_of(token)?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A parsed byline: "av Knut Billing (m), Sten Andersson (-) och Inga Berggren (m).", "Anders
/// G Högmark, Mona Saint Cyr och Erik Holmkvist (alla m) anser".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RByline {
    pub written: String,
    pub signatories: Vec<Signatory>,
    pub parties: Vec<String>,
    /// Some names could not be given a party (more names than codes in a parenthesis).
    pub unassigned: bool,
}

/// Strip "av " before and "anser", "anför:" or a full stop after, then read names and parties.
pub fn parse_byline(written: &str) -> RByline {
    parse_names(written, &|t| party_code(t).map(str::to_string))
}

/// [`parse_byline`] with another reading of party codes.
pub(super) fn parse_names(written: &str, code_of: &dyn Fn(&str) -> Option<String>) -> RByline {
    let mut s = crate::text::squash_whitespace(written);
    if let Some(rest) = s.strip_prefix("av ") {
        s = rest.to_string();
    }
    loop {
        let before = s.len();
        for tail in [" anser", " anför:", " anför", ":", "."] {
            if let Some(rest) = s.strip_suffix(tail) {
                s = rest.trim_end().to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    let mut out = RByline {
        written: s.clone(),
        ..RByline::default()
    };
    let mut start = 0;
    let mut search = 0;
    while let Some(open_rel) = s[search..].find('(') {
        let open = search + open_rel;
        let Some(close_rel) = s[open..].find(')') else {
            break;
        };
        let close = open + close_rel;
        if let Some(codes) = party_list_with(&s[open + 1..close], code_of) {
            let names = split_names(&s[start..open]);
            for c in &codes {
                if !out.parties.contains(c) {
                    out.parties.push(c.clone());
                }
            }
            if codes.len() == 1 || codes.len() == names.len() {
                for (k, name) in names.into_iter().enumerate() {
                    let party = codes[if codes.len() == 1 { 0 } else { k }].clone();
                    out.signatories.push(Signatory {
                        name,
                        party: Some(party),
                    });
                }
            } else {
                out.unassigned = true;
                for name in names {
                    out.signatories.push(Signatory { name, party: None });
                }
            }
            start = close + 1;
        }
        search = close + 1;
    }
    for name in split_names(&s[start..]) {
        out.signatories.push(Signatory { name, party: None });
    }
    out
}

/// "A, B och C samt D" → [A, B, C, D].
fn split_names(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in s.split(',') {
        let mut rest = piece.trim();
        loop {
            let cut = [" och ", " samt "]
                .iter()
                .filter_map(|sep| rest.find(sep).map(|k| (k, sep.len())))
                .min();
            match cut {
                Some((k, len)) => {
                    push_name(&mut out, &rest[..k]);
                    rest = rest[k + len..].trim();
                }
                None => {
                    push_name(&mut out, rest);
                    break;
                }
            }
        }
    }
    out
}

fn push_name(out: &mut Vec<String>, s: &str) {
    let mut n = s.trim().trim_matches(',').trim();
    for p in ["och ", "samt "] {
        n = n.strip_prefix(p).unwrap_or(n).trim();
    }
    if !n.is_empty() && n.chars().any(char::is_alphabetic) {
        out.push(n.to_string());
    }
}

// ---------------------------------------------------------------------------------------------
// The dokumentstatus JSON

/// What the `dokumentstatus` JSON says beside the report's text.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub dok_id: Option<String>,
    /// Riksmöte, e.g. `2001/02`.
    pub rm: Option<String>,
    /// Beteckning, e.g. `BOU1` (upper case in the JSON).
    pub beteckning: Option<String>,
    /// The committee's code, e.g. `BOU`.
    pub organ: Option<String>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub html: String,
    /// The chamber's decision on the whole report ("Kammaren biföll utskottets förslag").
    pub chamber_decision: Option<String>,
    /// Per point, where the file has them (`dokutskottsforslag`).
    pub points: Vec<PointMeta>,
    /// The reservations and special statements the file lists (`dokmotforslag`, newer files):
    /// a summary to check the report's text against, like the list under each point.
    pub counter_proposals: Vec<CounterProposal>,
    pub url: Option<String>,
}

/// One entry of `dokmotforslag`: "reservation 3, point 2, (V, C)".
#[derive(Debug, Clone, Default)]
pub struct CounterProposal {
    pub number: u32,
    pub statement: bool,
    pub parties: Vec<String>,
    pub point: String,
}

/// One point's decision from `dokutskottsforslag`.
#[derive(Debug, Clone, Default)]
pub struct PointMeta {
    pub id: String,
    pub title: String,
    /// `acklamation` or `röstning`.
    pub method: Option<VoteMethod>,
    /// "Utskottets förslag mot reservation 2 (S)".
    pub question: Option<String>,
    pub tally: Tally,
    pub parties: Vec<(String, Tally)>,
    /// "Kammaren biföll utskottets förslag".
    pub decision: Option<String>,
    /// `utskottet` or `reservation`.
    pub winner: Option<String>,
}

/// Why a JSON file cannot be read as a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    Syntax {
        line: usize,
        column: usize,
        what: String,
    },
    NotDokumentstatus,
    NoHtml,
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A list that the JSON writes as an object when it has one element.
fn list_of(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(o @ Value::Object(_)) => vec![o],
        _ => Vec::new(),
    }
}

/// Whether a text is a `dokumentstatus` JSON document.
pub fn looks_like_dokumentstatus(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('{')
        && t.chars()
            .take(2000)
            .collect::<String>()
            .contains("\"dokumentstatus\"")
}

/// Read the `dokumentstatus` JSON.
pub fn parse_dokumentstatus(text: &str) -> Result<Meta, JsonError> {
    let v: Value = serde_json::from_str(text).map_err(|e| JsonError::Syntax {
        line: e.line(),
        column: e.column(),
        what: e.to_string(),
    })?;
    let ds = v
        .get("dokumentstatus")
        .ok_or(JsonError::NotDokumentstatus)?;
    let dok = ds.get("dokument").ok_or(JsonError::NotDokumentstatus)?;
    let get = |k: &str| dok.get(k).and_then(str_of).filter(|s| !s.trim().is_empty());
    let html = get("html").ok_or(JsonError::NoHtml)?;
    let date = get("datum")
        .and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(&d), "%Y-%m-%d").ok());
    let mut meta = Meta {
        dok_id: get("dok_id"),
        rm: get("rm"),
        beteckning: get("beteckning"),
        organ: get("organ"),
        title: get("titel").map(|t| crate::text::squash_whitespace(&t)),
        date,
        html,
        url: get("dokument_url_html"),
        ..Meta::default()
    };
    for u in list_of(ds.get("dokuppgift").and_then(|d| d.get("uppgift"))) {
        if u.get("kod").and_then(str_of).as_deref() == Some("rdbeslut") {
            meta.chamber_decision = u.get("text").and_then(str_of).filter(|t| !t.is_empty());
        }
    }
    for f in list_of(
        ds.get("dokutskottsforslag")
            .and_then(|d| d.get("utskottsforslag")),
    ) {
        let Some(id) = f.get("punkt").and_then(str_of) else {
            continue;
        };
        let mut pm = PointMeta {
            id: id.trim().to_string(),
            title: f
                .get("rubrik")
                .and_then(str_of)
                .map(|t| crate::text::squash_whitespace(&t))
                .unwrap_or_default(),
            method: match f.get("beslutstyp").and_then(str_of).as_deref() {
                Some("acklamation") => Some(VoteMethod::Acclamation),
                Some("röstning") => Some(VoteMethod::Vote),
                _ => None,
            },
            winner: f.get("vinnare").and_then(str_of),
            ..PointMeta::default()
        };
        if let Some(table) = f
            .get("votering_sammanfattning_html")
            .and_then(|h| h.get("table"))
        {
            read_vote_table(table, &mut pm);
        }
        meta.points.push(pm);
    }
    for m in list_of(ds.get("dokmotforslag").and_then(|d| d.get("motforslag"))) {
        let number = m
            .get("nummer")
            .and_then(str_of)
            .and_then(|n| n.trim().parse().ok());
        let point = m.get("utskottsforslag_punkt").and_then(str_of);
        let kind = m
            .get("typ")
            .and_then(str_of)
            .map(|t| normalise(&t))
            .unwrap_or_default();
        let parties: Vec<String> = m
            .get("partier")
            .and_then(str_of)
            .map(|p| {
                p.split(',')
                    .filter_map(|c| party_code(c.trim().trim_matches('"')).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        if let (Some(number), Some(point)) = (number, point)
            && (kind == "reservation" || kind.starts_with("särskilt yttrande"))
        {
            meta.counter_proposals.push(CounterProposal {
                number,
                statement: kind != "reservation",
                parties,
                point: point.trim().to_string(),
            });
        }
    }
    Ok(meta)
}

/// The vote summary table of a point: a heading with the question, a row per party
/// (Parti, Ja, Nej, Avstående, Frånvarande), "Totalt", and "Beslut: …".
fn read_vote_table(table: &Value, pm: &mut PointMeta) {
    for tr in list_of(table.get("tr")) {
        let Some(td) = tr.get("td") else { continue };
        match td {
            Value::Object(o) => {
                let h4 = o.get("h4").and_then(str_of).unwrap_or_default();
                if let Some(d) = h4.strip_prefix("Beslut:") {
                    pm.decision = Some(d.trim().to_string());
                } else if let Some(p) = o.get("p").and_then(str_of) {
                    pm.question = Some(crate::text::squash_whitespace(&p));
                }
            }
            Value::Array(cells) => {
                let cells: Vec<String> = cells.iter().filter_map(str_of).collect();
                if cells.len() != 5 {
                    continue;
                }
                let n = |k: usize| cells[k].trim().parse::<u32>().ok();
                let t = Tally {
                    yes: n(1),
                    no: n(2),
                    abstain: n(3),
                    absent: n(4),
                };
                if cells[0].trim().eq_ignore_ascii_case("totalt") {
                    pm.tally = t;
                } else if let Some(code) = party_code(&cells[0]) {
                    pm.parties.push((code.to_string(), t));
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lines

/// A line of the report, after repair, with the hint its HTML class gave.
#[derive(Debug, Clone)]
struct RLine {
    line: Line,
    hint: Hint,
}

impl RLine {
    fn text(&self) -> &str {
        &self.line.text
    }
    fn norm(&self) -> &str {
        &self.line.norm
    }
    fn no(&self) -> usize {
        self.line.no
    }
}

/// Headings that PDF copies glue to the text after them ("StällningstagandeVi anser").
const GLUED_HEADINGS: &[&str] = &[
    "Förslag till riksdagsbeslut",
    "Ställningstagande",
    "Särskilda yttranden",
    "Särskilt yttrande",
    "Reservationer",
];

/// Split a line that starts with a glued heading into the heading and the rest.
fn unglue(line: &Line) -> Option<(Line, Line)> {
    for h in GLUED_HEADINGS {
        let Some(rest) = line.text.strip_prefix(h) else {
            continue;
        };
        let first = rest.chars().next()?;
        if !(first.is_uppercase() || first.is_ascii_digit()) {
            continue;
        }
        let mk = |t: &str, blank: bool| Line {
            no: line.no,
            text: t.to_string(),
            norm: normalise(t),
            blank_before: blank,
            trailing_ws: 0,
        };
        let mut tail = mk(rest, false);
        tail.trailing_ws = line.trailing_ws;
        return Some((mk(h, line.blank_before), tail));
    }
    None
}

/// A designation such as `2013/14:FöU11` in a token (trailing punctuation aside).
fn designation_token(token: &str) -> Option<String> {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    let (rm, bet) = t.split_once(':')?;
    let rm_ok = rm.len() == 7
        && rm.as_bytes()[4] == b'/'
        && rm
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit());
    let letters = bet.chars().take_while(|c| c.is_alphabetic()).count();
    let digits = bet
        .chars()
        .skip(letters)
        .take_while(char::is_ascii_digit)
        .count();
    (rm_ok && letters >= 1 && digits >= 1 && letters + digits == bet.chars().count())
        .then(|| t.to_string())
}

/// Running heads of a PDF copy: short lines that hold the report's designation and otherwise
/// only upper-case words or a page number ("RESERVATIONER 2013/14:FöU11", "2013/14:FöU11
/// 23"). A designation counts when at least two such lines hold it. These lines are turned into
/// page breaks (form feeds), which line repair then joins across like any page break.
fn mark_running_heads(text: &str) -> String {
    let candidate = |line: &str| -> Option<String> {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 {
            return None;
        }
        let mut found = None;
        for w in &words {
            if let Some(d) = designation_token(w) {
                if found.is_some() {
                    return None;
                }
                found = Some(d.to_lowercase());
            } else if !(w.chars().all(|c| c.is_ascii_digit())
                || (w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_lowercase())))
            {
                return None;
            }
        }
        found
    };
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for line in text.lines() {
        if let Some(d) = candidate(line) {
            *counts.entry(d).or_default() += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    // The last line with text: the report's own head ("Trafikutskottets betänkande" over
    // "2007/08:TU9") names the designation once, and that line is no running head.
    let mut previous = "";
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let title_block = normalise(previous).ends_with("utskottets betänkande");
        match candidate(line) {
            Some(d) if counts[&d] >= 2 && !title_block => out.push('\u{c}'),
            _ => out.push_str(line),
        }
        if !line.trim().is_empty() {
            previous = line;
        }
    }
    out
}

/// Split a heading glued to the byline after it, as PDF copies give them: "1.Lag om
/// hamntillsyn, punkt 1 (SD) av Anna Ek (SD).", "2. Titel, punkt 2 (S) Bo Al (S)
/// anför:". The heading is a numbered line or one that names a point; it ends at the
/// parenthesis of its parties, and the rest is a byline ("av …" with parties, or names with
/// parties ending in "anför:" or "anser").
fn unglue_byline(line: &Line) -> Option<(Line, Line)> {
    let t = line.text.as_str();
    let lower = t.to_lowercase();
    if numbered(t).is_none() && !lower.contains(", punkt") && !lower.contains("(punkt") {
        return None;
    }
    let mut search = 0;
    while let Some(c) = t[search..].find(')') {
        let close = search + c;
        search = close + 1;
        let Some(open) = t[..close].rfind('(') else {
            continue;
        };
        if party_list(&t[open + 1..close]).is_none() {
            continue;
        }
        let rest = t[close + 1..].trim_start();
        let n = normalise(rest);
        // "av" and a name: the byline may go on on the next line ("av Mikael Jansson" /
        // "(SD).").
        let by_av = rest
            .strip_prefix("av ")
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        let by_says = (n.ends_with(" anför:") || n.ends_with(" anser") || n.ends_with(" anför"))
            && has_party_paren(rest);
        if by_av || by_says {
            let mk = |s: &str, blank: bool| Line {
                no: line.no,
                text: s.to_string(),
                norm: normalise(s),
                blank_before: blank,
                trailing_ws: 0,
            };
            let mut tail = mk(rest, false);
            tail.trailing_ws = line.trailing_ws;
            return Some((mk(&t[..=close], line.blank_before), tail));
        }
    }
    None
}

fn to_lines(rep: &Repaired, laid: Option<&Laid>) -> Vec<RLine> {
    let mut out = Vec::with_capacity(rep.lines.len());
    for l in &rep.lines {
        let hint = laid.map_or(Hint::None, |h| h.hint(l.no));
        match unglue(l).or_else(|| unglue_byline(l)) {
            Some((head, rest)) => {
                out.push(RLine { line: head, hint });
                out.push(RLine {
                    line: rest,
                    hint: Hint::None,
                });
            }
            None => out.push(RLine {
                line: l.clone(),
                hint,
            }),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The parser

/// One reservation or special statement as the report gives it.
#[derive(Debug, Clone, Default)]
struct Entry {
    number: Option<u32>,
    /// Where the number comes from when the heading has none: the file's own list.
    number_rule: &'static str,
    title: String,
    /// The points the heading names (usually one; "punkterna 18 och 19" two).
    points: Vec<String>,
    /// Parties in the heading ("…, punkt 2 (SD)").
    heading_parties: Vec<String>,
    reasons_only: bool,
    byline: RByline,
    proposals: Vec<String>,
    text: Vec<String>,
    heading_line: usize,
    heading_last: usize,
    byline_line: usize,
    byline_last: usize,
    /// How the point was found: "heading" or "title".
    point_rule: &'static str,
    heading_text: String,
}

/// A reference in the list of points: "Reservation 4 (m, -) - motiv.", "res. 4 (v, mp)".
#[derive(Debug, Clone)]
struct Ref {
    /// `None` for "Reservation (SD)", the only reservation of a report.
    number: Option<u32>,
    parties: Vec<String>,
    reasons_only: bool,
    statement: bool,
    line: usize,
}

#[derive(Debug, Clone, Default)]
struct RPoint {
    id: String,
    title: String,
    proposal: Vec<String>,
    refs: Vec<Ref>,
    line: usize,
    origin: PointOrigin,
}

/// Where a point comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum PointOrigin {
    /// The report's list of points ("Utskottets förslag till riksdagsbeslut").
    #[default]
    List,
    /// The list's only proposal, which has no number: point 1.
    Single,
    /// The dokumentstatus file's `dokutskottsforslag`: the text's list did not give it.
    File,
    /// A reservation's or statement's heading ("…, punkt 4 (SD)"): neither the text's list
    /// nor the file gave it. `list_read`: the text's list was read but lacks it.
    Heading { what: String, list_read: bool },
}

struct Parser<'a> {
    lines: Vec<RLine>,
    rules: ParagraphRules,
    warnings: Vec<Warning>,
    lang: Lang,
    _meta: Option<&'a Meta>,
    /// The list of points is a single unnumbered proposal, read as point 1.
    single_point: bool,
}

/// Numbered line: "12. Rubrik" → (12, "Rubrik").
fn numbered(text: &str) -> Option<(u32, &str)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = text[digits..].strip_prefix('.')?;
    // "1. Titel", "1.\tTitel", in PDF copies "1.Titel", and the number alone on its line with
    // the heading on the next ("1." in a copy of the HTML, where they are two table cells).
    if !(rest.trim().is_empty()
        || rest.starts_with(|c: char| c.is_whitespace() || c.is_uppercase()))
    {
        return None;
    }
    Some((text[..digits].parse().ok()?, rest.trim()))
}

/// A line that can be a point's or a heading's title: it starts with a capital letter, is not
/// the proposal ("Riksdagen …") and is short enough for a heading.
fn is_title_line(text: &str) -> bool {
    let t = text.trim();
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().count() <= 150
        && !normalise(t).starts_with("riksdagen ")
        && !normalise(t).starts_with("reservation")
}

/// Words that stand in names in lower case: "Anna Horn af Rantzien", "Göran Persson i
/// Stjärnhov", "Ulla von Brandt".
const NAME_PARTICLES: &[&str] = &[
    "af", "av", "von", "van", "de", "der", "den", "la", "du", "i",
];

/// Whether a text is a byline: members' names with their parties ("av Anna Ek (m) och Bo Al
/// (v).", "Anna Ek och Bo Al (båda m) anser"), and not a sentence that happens to start with
/// "Av" and to end in a party ("Av regeringens budget framgår … motion Fi276 (s).").
fn is_byline(text: &str) -> bool {
    if !has_party_paren(text) {
        return false;
    }
    let b = parse_byline(text);
    !b.signatories.is_empty()
        && b.signatories.iter().all(|s| {
            let words: Vec<&str> = s.name.split_whitespace().collect();
            (1..=6).contains(&words.len())
                && words
                    .first()
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
                && words.iter().all(|w| {
                    (w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w))
                        && !w.chars().any(|c| c.is_ascii_digit())
                })
        })
}

/// A parenthesis that holds party codes, and not "(punkt 2)" or "(mom. 5)".
fn has_party_paren(text: &str) -> bool {
    let mut search = 0;
    while let Some(o) = text[search..].find('(') {
        let open = search + o;
        let Some(c) = text[open..].find(')') else {
            return false;
        };
        if party_list(&text[open + 1..open + c]).is_some() {
            return true;
        }
        search = open + c + 1;
    }
    false
}

/// The point ids a reference lists: "2", "18 och 19", "2–4", "3, 5 och 7", "2." (as in "mom.
/// 2."). Reads from the start of `after` and stops at the first word that is none of these.
fn point_ids(after: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = after.trim_start();
    let mut range_from: Option<u32> = None;
    loop {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            break;
        }
        let Ok(n) = rest[..digits].parse::<u32>() else {
            break;
        };
        rest = &rest[digits..];
        match range_from.take() {
            Some(from) if from < n && n - from <= 30 => {
                out.extend((from + 1..=n).map(|k| k.to_string()));
            }
            _ => out.push(n.to_string()),
        }
        rest = rest.strip_prefix('.').unwrap_or(rest).trim_start();
        if let Some(r) = rest.strip_prefix(',') {
            rest = r.trim_start();
        } else if let Some(r) = rest
            .strip_prefix("och ")
            .or_else(|| rest.strip_prefix("samt "))
        {
            rest = r.trim_start();
        } else if let Some(r) = rest.strip_prefix('–').or_else(|| rest.strip_prefix('-')) {
            range_from = Some(n);
            rest = r.trim_start();
        } else {
            break;
        }
    }
    out.dedup();
    out
}

/// The points a heading names, and whether it is the reasoning only: "(punkt 2)", "(punkt 4,
/// motiveringen)", "(punkterna 18 och 19)", "(mom. 1)", "(mom. 2.)", "…, punkt 1 (M)", "…, punkt
/// 3 – motiveringen (V)", "…, punkterna 2 och 3 (S)". Returns (title without the reference,
/// points, parties named in the heading, reasons only).
fn heading_point(heading: &str) -> (String, Vec<String>, Vec<String>, bool) {
    let h = crate::text::squash_whitespace(heading);
    let lower = h.to_lowercase();
    let reasons = lower.contains("motiveringen") || lower.contains("motivering)");
    // "(punkt 2)", "(punkterna 2 och 3)", "(mom. 1)"
    for key in ["(punkt ", "(punkterna ", "(mom. ", "(mom "] {
        if let Some(at) = lower.find(key) {
            let after = &h[at + key.len()..];
            let title = h[..at].trim().trim_end_matches(',').trim().to_string();
            let parties = h[at..]
                .find(')')
                .and_then(|c| {
                    let rest = &h[at + c + 1..];
                    let o = rest.find('(')?;
                    let cl = rest[o..].find(')')?;
                    party_list(&rest[o + 1..o + cl])
                })
                .unwrap_or_default();
            return (title, point_ids(after), parties, reasons);
        }
    }
    // "Titel, punkt 2 (SD)", "Titel, punkterna 2 och 3 (SD)"
    for key in [", punkterna ", ", punkt "] {
        let Some(at) = lower.rfind(key) else { continue };
        let after = &h[at + key.len()..];
        let ids = point_ids(after);
        let parties = after
            .rfind('(')
            .and_then(|o| {
                let c = after[o..].find(')')?;
                party_list(&after[o + 1..o + c])
            })
            .unwrap_or_default();
        if !ids.is_empty() {
            return (h[..at].trim().to_string(), ids, parties, reasons);
        }
    }
    // A trailing party parenthesis alone: "Titel (M)", "Titel – motiveringen (M)".
    let mut title = h.clone();
    let mut parties = Vec::new();
    if h.ends_with(')')
        && let Some(o) = h.rfind('(')
        && let Some(p) = party_list(&h[o + 1..h.len() - 1])
    {
        parties = p;
        title = h[..o].trim().to_string();
    }
    if reasons {
        for tail in [
            "– motiveringen",
            "- motiveringen",
            ", motiveringen",
            "motiveringen",
        ] {
            if let Some(t) = title.strip_suffix(tail) {
                title = t.trim().to_string();
                break;
            }
        }
    }
    (title, Vec::new(), parties, reasons)
}

impl Parser<'_> {
    fn paragraphs(&self, from: usize, to: usize) -> Vec<String> {
        if from >= to {
            return Vec::new();
        }
        let refs: Vec<&Line> = self.lines[from..to].iter().map(|l| &l.line).collect();
        lines::paragraphs_with_lines(&refs, &self.rules)
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    fn warn(&mut self, line: usize, kind: WarningKind) {
        self.warnings.push(Warning { line, kind });
    }

    /// Index of the first line at or after `from` whose normalised text is `norm`.
    fn find(&self, from: usize, to: usize, pred: impl Fn(&RLine) -> bool) -> Option<usize> {
        (from..to.min(self.lines.len())).find(|&k| pred(&self.lines[k]))
    }

    /// The byline block that ends at or starts at line `k`, for the entries of a part: an "av …"
    /// block (`k` is its first line) or a block ending in "anser" / "anför:" (`k` its last).
    /// Returns (first, last) line indices.
    fn byline_at(&self, k: usize, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let l = &self.lines[k];
        let n = l.norm();
        if n.starts_with("av ") {
            // Forward to the line that ends the sentence.
            let mut text = String::new();
            for j in k..hi.min(k + 5) {
                if j > k && (self.lines[j].line.blank_before || is_subheading(self.lines[j].norm()))
                {
                    break;
                }
                text.push(' ');
                text.push_str(self.lines[j].text());
                let t = text.trim_end();
                if t.ends_with(").")
                    || t.ends_with(')') && j + 1 < hi && {
                        let next = self.lines[j + 1].norm();
                        is_subheading(next) || self.lines[j + 1].line.blank_before
                    }
                {
                    return is_byline(&text).then_some((k, j));
                }
            }
            return None;
        }
        let ends = n.ends_with(" anser")
            || n == "anser"
            || n.ends_with(" anför:")
            || n == "anför:"
            || n.ends_with(" anför")
            || n == "anför";
        if !ends {
            return None;
        }
        let mut first = k;
        while first > lo && k - first < 4 {
            let prev = &self.lines[first - 1];
            let cur = &self.lines[first];
            if numbered(prev.text()).is_some()
                || prev.norm().contains("(punkt")
                || prev.norm().contains("(mom.")
                || prev.norm().contains(", punkt ")
                || lines::ends_sentence(prev.text()) && !prev.text().ends_with(')')
                || prev.hint == Hint::ReservationHeading
                || prev.hint == Hint::StatementHeading
            {
                break;
            }
            let joins = has_party_paren(prev.text())
                || prev.text().ends_with(',')
                || prev.norm().ends_with(" och")
                || prev.norm().ends_with(" samt")
                || cur
                    .text()
                    .starts_with(|c: char| c.is_lowercase() || c == '(');
            if joins {
                first -= 1;
                continue;
            }
            // A name broken over lines: "… samt Anna Horn" / "af" / "Rantzien (mp) anser".
            let short_lower = prev.text().starts_with(char::is_lowercase)
                && prev.text().split_whitespace().count() <= 2
                && !prev.text().chars().any(|c| c.is_ascii_digit());
            if short_lower && first >= lo + 2 {
                let before = &self.lines[first - 2];
                if has_party_paren(before.text())
                    || before.text().ends_with(',')
                    || before.norm().ends_with(" och")
                    || before.norm().ends_with(" samt")
                {
                    first -= 2;
                    continue;
                }
            }
            break;
        }
        let text_of = |first: usize| -> String {
            self.lines[first..=k]
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join(" ")
        };
        // A heading that ends in its parties ("Anslag inom utgiftsområde 24 (S, V, MP)") is
        // no part of the byline below it.
        while first < k && !is_byline(&text_of(first)) {
            first += 1;
        }
        is_byline(&text_of(first)).then_some((first, k))
    }

    /// The entries (reservations or statements) of the part `lo..hi`.
    fn entries(&mut self, lo: usize, hi: usize, statements: bool) -> Vec<Entry> {
        // Bylines, in order, not overlapping.
        let mut bylines: Vec<(usize, usize)> = Vec::new();
        let mut k = lo;
        while k < hi {
            if let Some((a, b)) = self.byline_at(k, bylines.last().map_or(lo, |x| x.1 + 1), hi)
                && bylines.last().is_none_or(|x| a > x.1)
            {
                bylines.push((a, b));
                k = b + 1;
                continue;
            }
            k += 1;
        }
        // A heading above each byline: the nearest numbered line (or hinted heading) within
        // four lines, after the previous byline.
        let mut heads: Vec<(usize, usize)> = Vec::new(); // (first heading line, byline index)
        for (i, &(a, _)) in bylines.iter().enumerate() {
            let floor = if i == 0 { lo } else { bylines[i - 1].1 + 1 };
            let mut head = None;
            let mut j = a;
            while j > floor && a - j < 4 {
                j -= 1;
                let l = &self.lines[j];
                if numbered(l.text()).is_some()
                    || matches!(l.hint, Hint::ReservationHeading | Hint::StatementHeading)
                {
                    head = Some(j);
                    break;
                }
            }
            let head = head.unwrap_or_else(|| {
                // No number: the lines just above the byline that are no sentence's end.
                let mut j = a;
                while j > floor
                    && a - j < 3
                    && !lines::ends_sentence(self.lines[j - 1].text())
                    && !is_part_heading(self.lines[j - 1].norm())
                {
                    j -= 1;
                    if self.lines[j].line.blank_before {
                        break;
                    }
                }
                j
            });
            heads.push((head, i));
        }
        let mut out = Vec::new();
        for (n, &(head, i)) in heads.iter().enumerate() {
            let (a, b) = bylines[i];
            let end = heads.get(n + 1).map_or(hi, |h| h.0);
            let heading_text: String = self.lines[head..a]
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join(" ");
            let (number, rest) = match numbered(&heading_text) {
                Some((num, rest)) => (Some(num), rest.to_string()),
                None => (None, heading_text.clone()),
            };
            let (title, points, heading_parties, reasons_only) = heading_point(&rest);
            let byline_text: String = self.lines[a..=b]
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join(" ");
            let byline = parse_byline(&byline_text);
            let mut e = Entry {
                number,
                title,
                point_rule: if points.is_empty() { "" } else { "heading" },
                points,
                heading_parties,
                reasons_only,
                byline,
                heading_line: self.lines[head].no(),
                heading_last: self.lines[a.saturating_sub(1).max(head)].no(),
                byline_line: self.lines[a].no(),
                byline_last: self.lines[b].no(),
                heading_text,
                ..Entry::default()
            };
            self.body(&mut e, b + 1, end, statements);
            out.push(e);
        }
        out
    }

    /// Split an entry's body into its proposal and its reasoning.
    fn body(&self, e: &mut Entry, from: usize, to: usize, statement: bool) {
        if statement {
            e.text = self.paragraphs(from, to);
            return;
        }
        let forslag = self.find(from, to, |l| l.norm() == "förslag till riksdagsbeslut");
        let stall = self.find(from, to, |l| l.norm() == "ställningstagande");
        match (forslag, stall) {
            (Some(f), Some(s)) if f < s => {
                e.proposals = self.paragraphs(f + 1, s);
                e.text = self.paragraphs(s + 1, to);
            }
            (None, Some(s)) => {
                // A motivreservation: its reasoning only.
                e.text = self.paragraphs(s + 1, to);
                if s > from {
                    let before = self.paragraphs(from, s);
                    e.text.splice(0..0, before);
                }
            }
            (Some(f), None) => {
                e.proposals = self.paragraphs(f + 1, to);
                e.text = self.paragraphs(from, f);
            }
            _ => {
                // The older form: "dels att den del av utskottets yttrande …" (the reasoning)
                // and "dels att utskottets hemställan under N bort ha följande lydelse:" (the
                // proposal).
                let paras = self.paragraphs(from, to);
                let cut = paras.iter().position(|p| {
                    let n = normalise(p);
                    n.starts_with("dels att utskottets hemställan")
                        || n.starts_with("dels att utskottets förslag")
                });
                match cut {
                    Some(c) => {
                        e.text = paras[..c].to_vec();
                        e.proposals = paras[c..].to_vec();
                    }
                    None => e.text = paras,
                }
            }
        }
        if e.text.is_empty() {
            // No reasoning of its own: the proposal is its text.
            e.text = std::mem::take(&mut e.proposals);
        }
    }

    /// The list of points: "Utskottets förslag till riksdagsbeslut" (numbered titles, the
    /// proposal, "Reservation N (…)") or, in older reports, "Utskottet hemställer" ("N.
    /// beträffande …", "att riksdagen …", "res. N (…)"). `lo..hi` is the list.
    fn points(&mut self, lo: usize, hi: usize, older: bool) -> Vec<RPoint> {
        // (line of the number, number, first line of the title, line after it)
        let mut starts: Vec<(usize, u32, String, usize)> = Vec::new();
        let mut expected = 1;
        for k in lo..hi {
            let l = &self.lines[k];
            let Some((n, rest)) = numbered(l.text()) else {
                continue;
            };
            if n != expected {
                continue;
            }
            if rest.chars().next().is_some_and(char::is_alphabetic) {
                starts.push((k, n, rest.to_string(), k + 1));
                expected += 1;
            } else if rest.is_empty()
                && k + 1 < hi
                && is_title_line(self.lines[k + 1].text())
                && numbered(self.lines[k + 1].text()).is_none()
            {
                // The number alone on its line, the title on the next.
                starts.push((k, n, self.lines[k + 1].text().to_string(), k + 2));
                expected += 1;
            }
        }
        if starts.is_empty() && !older {
            // A report with one proposal does not number it: its title, then the proposal.
            if let Some(k) = (lo..hi.min(lo + 3)).find(|&k| !self.lines[k].text().is_empty())
                && is_title_line(self.lines[k].text())
                && (k + 1..hi.min(k + 4)).any(|j| {
                    let n = self.lines[j].norm();
                    n.starts_with("riksdagen ") || n.starts_with("a) ")
                })
            {
                starts.push((k, 1, self.lines[k].text().to_string(), k + 1));
                self.single_point = true;
            }
        }
        let mut out = Vec::new();
        for (s, &(k, n, ref first, after)) in starts.iter().enumerate() {
            let end = starts.get(s + 1).map_or(hi, |x| x.0);
            // The title runs until the proposal starts.
            let mut title = first.clone();
            let mut body = after;
            while body < end && body < after + 3 {
                let l = &self.lines[body];
                let n = l.norm();
                let proposal_starts = if older {
                    n.starts_with("att ")
                } else {
                    l.line.blank_before
                        || n.starts_with("riksdagen ")
                        || n.starts_with("a) ")
                        || n.starts_with("reservation ")
                        || n.starts_with("därmed ")
                };
                if proposal_starts {
                    break;
                }
                title.push(' ');
                title.push_str(l.text());
                body += 1;
            }
            let title = crate::text::squash_whitespace(&title);
            let title = if older {
                title
                    .strip_prefix("beträffande ")
                    .unwrap_or(&title)
                    .to_string()
            } else {
                title
            };
            // References at the end.
            let mut refs = Vec::new();
            let mut prop_end = end;
            for j in body..end {
                let found = references(self.lines[j].text(), self.lines[j].no());
                if !found.is_empty() {
                    prop_end = prop_end.min(j);
                    refs.extend(found);
                }
            }
            out.push(RPoint {
                origin: if self.single_point {
                    PointOrigin::Single
                } else {
                    PointOrigin::List
                },
                id: n.to_string(),
                title,
                proposal: self.paragraphs(body, prop_end),
                refs,
                line: self.lines[k].no(),
            });
        }
        out
    }
}

/// The references a line of the list of points holds: "Reservation 4 (m, -) - motiv.", "res. 4
/// (v, mp)", "res.10 (fp)", "Särskilt yttrande 2 (SD)", "Reservation (SD)" (a report's only
/// reservation), and several on one line as PDF copies join them ("Reservation 5 (C, KD)
/// Reservation 6 (V)"). Empty unless the line starts with one.
fn references(text: &str, line: usize) -> Vec<Ref> {
    let n = normalise(text);
    let mut out = Vec::new();
    let mut rest_all = n.as_str();
    while let Some((r, rest)) = one_reference(rest_all, line) {
        out.push(r);
        rest_all = rest;
    }
    out
}

/// The reference at the start of `n` (normalised) and what follows it.
fn one_reference(n: &str, line: usize) -> Option<(Ref, &str)> {
    let (rest, statement) = if let Some(r) = n.strip_prefix("reservation ") {
        (r, false)
    } else if let Some(r) = n.strip_prefix("res.") {
        (r.trim_start(), false)
    } else if let Some(r) = n.strip_prefix("särskilt yttrande ") {
        (r, true)
    } else {
        return None;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let number: Option<u32> = if digits == 0 {
        None
    } else {
        Some(rest[..digits].parse().ok()?)
    };
    let after = rest[digits..].trim_start();
    let open = after.strip_prefix('(')?;
    let close = open.find(')')?;
    let parties = party_list(&open[..close])?;
    let tail = open[close + 1..].trim_start();
    // What belongs to this reference: up to the next one on the line.
    let next = ["reservation ", "res.", "särskilt yttrande "]
        .iter()
        .filter_map(|k| tail.find(k))
        .min()
        .unwrap_or(tail.len());
    Some((
        Ref {
            number,
            parties,
            reasons_only: tail[..next].contains("motiv"),
            statement,
            line,
        },
        &tail[next..],
    ))
}

/// The headings of a report's parts.
const PART_HEADINGS: &[&str] = &[
    "sammanfattning",
    "innehåll",
    "innehållsförteckning",
    "utskottets förslag till riksdagsbeslut",
    "redogörelse för ärendet",
    "ärendet och dess beredning",
    "bakgrund",
    "propositionens huvudsakliga innehåll",
    "motionerna",
    "propositionen",
    "propositionerna",
    "utskottet",
    "utskottets överväganden",
    "hemställan",
    "reservationer",
    "särskilda yttranden",
    "särskilt yttrande",
    "förteckning över behandlade förslag",
    "bilagor",
    "bilaga",
];

fn is_part_heading(norm: &str) -> bool {
    PART_HEADINGS.contains(&norm)
        || norm
            .strip_prefix("bilaga ")
            .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit()))
}

/// A line that starts a section of the report's other text: a part's heading (not a line of
/// the table of contents).
fn starts_section(l: &RLine) -> bool {
    l.hint != Hint::Contents && (is_part_heading(l.norm()) || l.hint == Hint::Heading)
}

/// The sub-headings inside a reservation.
fn is_subheading(norm: &str) -> bool {
    norm == "förslag till riksdagsbeslut" || norm == "ställningstagande"
}

// ---------------------------------------------------------------------------------------------
// The import

/// What was read, for [`super::Genre`] messages and tests.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub designation: Option<String>,
    pub reservations: usize,
    pub statements: usize,
    pub points: usize,
}

/// The committee named in a report's head ("Bostadsutskottets betänkande").
fn committee_in(lines: &[RLine]) -> Option<String> {
    for l in lines.iter().take(60) {
        let n = l.norm();
        if let Some(head) = n.strip_suffix(" betänkande")
            && let Some(stem) = head.strip_suffix("utskottets")
            && !stem.contains(' ')
        {
            let written = l.text().split_whitespace().next()?;
            let name = written.strip_suffix('s').unwrap_or(written);
            let _ = stem;
            return Some(name.to_string());
        }
    }
    None
}

/// The report's designation, e.g. `2001/02:BoU1`: from the metadata (with the committee's own
/// spelling of its abbreviation), else the most frequent designation in the head of the text.
fn designation(meta: Option<&Meta>, lines: &[RLine], committee: Option<&str>) -> Option<String> {
    let abbreviation = |code: &str| -> String {
        COMMITTEES
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(code))
            .map_or(code.to_string(), |(a, _)| (*a).to_string())
    };
    if let Some(m) = meta
        && let (Some(rm), Some(bet)) = (&m.rm, &m.beteckning)
    {
        let letters: String = bet.chars().take_while(|c| c.is_alphabetic()).collect();
        let digits: String = bet[letters.len()..].trim_start_matches('0').to_string();
        return Some(format!("{rm}:{}{digits}", abbreviation(&letters)));
    }
    let normal = |d: &str| -> String {
        let (rm, bet) = d.split_once(':').unwrap_or((d, ""));
        let letters: String = bet.chars().take_while(|c| c.is_alphabetic()).collect();
        let digits = bet[letters.len()..].trim_start_matches('0').to_string();
        format!("{rm}:{}{digits}", abbreviation(&letters))
    };
    // The report's head: "Arbetsmarknadsutskottets betänkande" with the designation on its
    // line or on one of the next three. The text cites other reports too, sometimes more
    // often than its own ("2008/09:FiU1" in a report on an area of the budget).
    if let Some(k) = lines
        .iter()
        .take(60)
        .position(|l| l.norm().contains("utskottets betänkande"))
    {
        for l in lines.iter().skip(k).take(4) {
            if let Some(d) = l.text().split_whitespace().find_map(designation_token) {
                return Some(normal(&d));
            }
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for l in lines.iter().take(80) {
        for w in l.text().split_whitespace() {
            if let Some(d) = designation_token(w) {
                match counts.iter_mut().find(|(x, _)| x.eq_ignore_ascii_case(&d)) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((d, 1)),
                }
            }
        }
    }
    let own = committee.and_then(|c| {
        COMMITTEES
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(c))
            .map(|(a, _)| *a)
    });
    counts
        .into_iter()
        .filter(|(d, _)| {
            own.is_none_or(|a| {
                d.split_once(':')
                    .is_some_and(|(_, bet)| bet.to_lowercase().starts_with(&a.to_lowercase()))
            })
        })
        .max_by_key(|(_, n)| *n)
        .map(|(d, _)| normal(&d))
}

/// "Stockholm den 20 november 2001".
fn signing_date(lines: &[RLine]) -> Option<(usize, NaiveDate)> {
    lines.iter().enumerate().find_map(|(k, l)| {
        let rest = l.norm().strip_prefix("stockholm den ")?;
        Some((k, super::byline::parse_date(rest)?))
    })
}

/// Import a report from its text (a copy or a PDF's text), its HTML (`laid` holds the hints),
/// and the metadata of its `dokumentstatus` file.
pub fn import(
    text: &str,
    laid: Option<&Laid>,
    meta: Option<&Meta>,
    source_name: &str,
    lang: Lang,
) -> (CaseOut, Vec<Warning>, Summary) {
    let marked = if laid.is_some() {
        text.to_string()
    } else {
        mark_running_heads(text)
    };
    let rep = lines::repair_with(&marked, false);
    let lines = to_lines(&rep, laid);
    let mut p = Parser {
        rules: ParagraphRules {
            width: rep.width,
            blank_lines_are_paragraphs: rep.blank_lines_are_paragraphs,
            paragraph_starters: Vec::new(),
        },
        lines,
        warnings: Vec::new(),
        lang,
        _meta: meta,
        single_point: false,
    };
    let n = p.lines.len();

    let committee = committee_in(&p.lines).or_else(|| {
        let organ = meta?.organ.as_deref()?;
        COMMITTEES
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(organ))
            .map(|(_, name)| (*name).to_string())
    });
    let designation = designation(meta, &p.lines, committee.as_deref());
    let signed = signing_date(&p.lines);

    // The list of points.
    let newer_list = (0..n).rev().find(|&k| {
        p.lines[k].norm() == "utskottets förslag till riksdagsbeslut"
            && p.lines[k].hint != Hint::Contents
            && ((k + 1..(k + 12).min(n))
                .any(|j| numbered(p.lines[j].text()).is_some_and(|x| x.0 == 1))
                // One unnumbered proposal: its title, then "Riksdagen …" or "a) …".
                || k + 1 < n
                    && is_title_line(p.lines[k + 1].text())
                    && (k + 2..(k + 5).min(n)).any(|j| {
                        let t = p.lines[j].norm();
                        t.starts_with("riksdagen ") || t.starts_with("a) ")
                    }))
    });
    let older_list = (0..n).find(|&k| p.lines[k].norm() == "utskottet hemställer");
    let (list_lo, older) = match (newer_list, older_list) {
        (Some(k), _) => (Some(k), false),
        (None, Some(k)) => (Some(k), true),
        _ => (None, false),
    };
    let list_hi = list_lo.map(|lo| {
        signed
            .map(|(k, _)| k)
            .filter(|&k| k > lo)
            .or_else(|| (lo + 1..n).find(|&k| is_part_heading(p.lines[k].norm())))
            .unwrap_or(n)
    });
    let mut points = match (list_lo, list_hi) {
        (Some(lo), Some(hi)) => p.points(lo + 1, hi, older),
        _ => Vec::new(),
    };
    // The parts of reservations and of special statements: the last heading of each that is
    // followed by an entry.
    let part = |p: &Parser, names: &[&str], hint: Hint| -> Option<usize> {
        let from_heading = (0..n).rev().find(|&k| {
            names.contains(&p.lines[k].norm())
                && p.lines[k].hint != Hint::Contents
                && (k + 1..(k + 40).min(n)).any(|j| p.byline_at(j, k + 1, n).is_some())
        });
        from_heading.or_else(|| {
            (0..n)
                .find(|&k| p.lines[k].hint == hint)
                .map(|k| k.saturating_sub(1))
        })
    };
    let res_lo = part(
        &p,
        &["reservationer", "reservation"],
        Hint::ReservationHeading,
    );
    let st_lo = part(
        &p,
        &["särskilda yttranden", "särskilt yttrande"],
        Hint::StatementHeading,
    )
    .filter(|&s| res_lo.is_none_or(|r| s > r));
    let end_of = |p: &Parser, lo: usize| -> usize {
        (lo + 1..n)
            .find(|&k| {
                let n = p.lines[k].norm();
                n == "bilaga"
                    || n.starts_with("bilaga ") && n[7..].chars().all(|c| c.is_ascii_digit())
                    || n == "förteckning över behandlade förslag"
                    || n == "särskilda yttranden" && Some(k) == st_lo
                    || n == "särskilt yttrande" && Some(k) == st_lo
            })
            .unwrap_or(n)
    };
    let res_hi = res_lo.map(|lo| st_lo.filter(|&s| s > lo).unwrap_or_else(|| end_of(&p, lo)));
    let st_hi = st_lo.map(|lo| end_of(&p, lo));
    let mut reservations = match (res_lo, res_hi) {
        (Some(lo), Some(hi)) => p.entries(lo + 1, hi, false),
        _ => Vec::new(),
    };
    let mut statements = match (st_lo, st_hi) {
        (Some(lo), Some(hi)) => p.entries(lo + 1, hi, true),
        _ => Vec::new(),
    };

    // Points the list did not give (a copy whose list of points was not read, or read in
    // part): those the file's own list names, with its titles, then those a heading names.
    let list_read = !points.is_empty();
    for pm in meta.map(|m| m.points.as_slice()).unwrap_or_default() {
        if !pm.title.is_empty() && !points.iter().any(|pt| pt.id == pm.id) {
            points.push(RPoint {
                id: pm.id.clone(),
                title: pm.title.clone(),
                origin: PointOrigin::File,
                ..RPoint::default()
            });
        }
    }
    for (e, statement) in reservations
        .iter()
        .map(|e| (e, false))
        .chain(statements.iter().map(|e| (e, true)))
    {
        for id in &e.points {
            if points.iter().any(|pt| &pt.id == id) {
                continue;
            }
            // A heading that names this point alone carries its title; one that names several
            // ("punkterna 18 och 19") does not.
            let titled = reservations
                .iter()
                .map(|x| (x, Stance::Reservation))
                .chain(statements.iter().map(|x| (x, Stance::SpecialStatement)))
                .find(|(x, _)| x.points.len() == 1 && &x.points[0] == id);
            let own = if statement {
                Stance::SpecialStatement
            } else {
                Stance::Reservation
            };
            let (from, stance) = titled.unwrap_or((e, own));
            points.push(RPoint {
                id: id.clone(),
                title: titled.map(|(x, _)| x.title.clone()).unwrap_or_default(),
                line: from.heading_line,
                origin: PointOrigin::Heading {
                    what: describe_entry(from, stance, lang),
                    list_read,
                },
                ..RPoint::default()
            });
        }
    }
    if points.iter().all(|pt| pt.id.parse::<u32>().is_ok()) {
        points.sort_by_key(|pt| pt.id.parse::<u32>().unwrap_or(0));
    }

    // An entry whose heading names no point: the point with exactly its title, or the only
    // point of a report that has one.
    for e in reservations.iter_mut().chain(statements.iter_mut()) {
        if !e.points.is_empty() {
            continue;
        }
        let t = normalise(&e.title);
        let matching: Vec<&RPoint> = points
            .iter()
            .filter(|pt| normalise(&pt.title) == t)
            .collect();
        if let [one] = matching.as_slice() {
            e.points = vec![one.id.clone()];
            e.point_rule = "title";
        } else if let [only] = points.as_slice() {
            e.points = vec![only.id.clone()];
            e.point_rule = "only";
        }
    }

    // An entry without a number (the only reservation of a report: "Reservation (SD)"): the
    // number the file's own list gives the one entry of that kind, point and parties.
    let counter = meta
        .map(|m| m.counter_proposals.as_slice())
        .unwrap_or_default();
    for (list, statement) in [(&mut reservations, false), (&mut statements, true)] {
        let taken: Vec<u32> = list.iter().filter_map(|e| e.number).collect();
        for k in 0..list.len() {
            let e = &list[k];
            if e.number.is_some() {
                continue;
            }
            let parties = if e.byline.parties.is_empty() {
                &e.heading_parties
            } else {
                &e.byline.parties
            };
            let fits: Vec<&CounterProposal> = counter
                .iter()
                .filter(|cp| {
                    cp.statement == statement
                        && e.points.contains(&cp.point)
                        && sorted(&cp.parties) == sorted(parties)
                        && !taken.contains(&cp.number)
                })
                .collect();
            let unnumbered = list.iter().filter(|x| x.number.is_none()).count();
            if let [one] = fits.as_slice()
                && unnumbered == 1
            {
                list[k].number = Some(one.number);
                list[k].number_rule = "riksdag.file_number";
            }
        }
    }

    // The file's own list of reservations and statements, where it has one, is a summary to
    // check against too (at the list's line, which the text does not have: line 1).
    for cp in meta
        .map(|m| m.counter_proposals.as_slice())
        .unwrap_or_default()
    {
        let listed = points.iter().any(|pt| {
            pt.refs
                .iter()
                .any(|r| r.number == Some(cp.number) && r.statement == cp.statement)
        });
        if let Some(pt) = points.iter_mut().find(|pt| pt.id == cp.point)
            && !listed
            && !cp.parties.is_empty()
        {
            pt.refs.push(Ref {
                number: Some(cp.number),
                parties: cp.parties.clone(),
                reasons_only: false,
                statement: cp.statement,
                line: 1,
            });
        }
    }

    // Check the entries against the list of points.
    let mut doubts = check_against_list(&mut p, &points, &reservations, false);
    doubts.extend(
        check_against_list(&mut p, &points, &statements, true)
            .into_iter()
            .map(|(k, f, n)| (k + reservations.len(), f, n)),
    );

    // Sections: every line not in the list of points or the two parts, split at part headings.
    let mut used = vec![false; n];
    for (lo, hi) in [
        (list_lo.map(|x| x + 1), list_hi),
        (res_lo, res_hi),
        (st_lo, st_hi),
    ] {
        if let (Some(lo), Some(hi)) = (lo, hi) {
            used[lo..hi].fill(true);
        }
    }
    let mut sections: Vec<SectionOut> = Vec::new();
    let mut k = 0;
    while k < n {
        if used[k] {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        while end < n && !used[end] && !starts_section(&p.lines[end]) {
            end += 1;
        }
        let first = &p.lines[start];
        let (title, from) = if starts_section(first) {
            (crate::text::squash_whitespace(first.text()), start + 1)
        } else {
            let t: String = first.text().chars().take(60).collect();
            (crate::text::squash_whitespace(&t), start)
        };
        let paragraphs = p.paragraphs(from, end);
        if !paragraphs.is_empty() {
            let mut id = crate::text::slug(&title);
            if id.is_empty() {
                id = "text".into();
            }
            let base = id.clone();
            let mut m = 2;
            while sections.iter().any(|s| s.id == id) {
                id = format!("{base}-{m}");
                m += 1;
            }
            sections.push(SectionOut {
                id,
                title,
                paragraphs,
            });
        }
        k = end;
    }

    // The case.
    let body_name = committee
        .clone()
        .unwrap_or_else(|| lang.pick("The committee", "Utskottet").to_string());
    let body_id = crate::text::slug(&body_name);
    let mut parties: Vec<String> = Vec::new();
    let mut note_party = |code: &str| {
        if !parties.iter().any(|c| c == code) {
            parties.push(code.to_string());
        }
    };
    for e in reservations.iter().chain(&statements) {
        for c in &e.byline.parties {
            note_party(c);
        }
        for c in &e.heading_parties {
            note_party(c);
        }
    }
    let decisions: Vec<Option<&PointMeta>> = points
        .iter()
        .map(|pt| meta.and_then(|m| m.points.iter().find(|x| x.id == pt.id)))
        .collect();
    for pm in decisions.iter().flatten() {
        for (c, _) in &pm.parties {
            note_party(c);
        }
    }
    // Parties in the order of the Riksdag's usual listing.
    parties.sort_by_key(|c| PARTY_CODES.iter().position(|(x, _)| x == c));

    let mut out = CaseOut {
        source_file: source_name.to_string(),
        source_title: meta
            .and_then(|m| m.dok_id.clone())
            .map(|id| format!("dokumentstatus {id}")),
        url: meta.and_then(|m| m.url.clone()),
        dnr: designation
            .clone()
            .unwrap_or_else(|| lang.pick("unknown", "okänt").to_string()),
        title: meta
            .and_then(|m| m.title.clone())
            .or_else(|| title_in(&p.lines))
            .unwrap_or_else(|| source_name.to_string()),
        kind: Some(CaseKind::Other),
        municipality: None,
        date: signed.map(|(_, d)| d).or(meta.and_then(|m| m.date)),
        sections,
        parties: parties
            .iter()
            .map(|c| {
                let info = super::phrases::party(c);
                PartyOut {
                    code: c.clone(),
                    name: PARTY_CODES
                        .iter()
                        .find(|(x, _)| x == c)
                        .map_or(c.as_str(), |(_, name)| name)
                        .to_string(),
                    colour: info.map(|i| i.colour),
                }
            })
            .collect(),
        bodies: vec![BodyOut {
            id: body_id.clone(),
            name: body_name.clone(),
            kind: BodyKind::Committee,
            meeting_date: signed.map(|(_, d)| d),
            decision: Vec::new(),
            evidence: Vec::new(),
        }],
        artefacts: rep.artefacts.clone(),
        ..CaseOut::default()
    };
    let whole = meta
        .and_then(|m| m.chamber_decision.as_deref())
        .filter(|d| adopts_whole(d));
    for (pt, pm) in points.iter().zip(&decisions) {
        let mut po = PointOut {
            id: pt.id.clone(),
            title: if pt.title.is_empty() {
                format!("{} {}", lang.pick("Point", "Punkt"), pt.id)
            } else {
                pt.title.clone()
            },
            body: Some(body_id.clone()),
            proposal: pt.proposal.clone(),
            ..PointOut::default()
        };
        po.notes.push(match (&pt.origin, lang) {
            (PointOrigin::List, Lang::En) => format!(
                "Point {}: the committee's proposal, line {}.",
                pt.id, pt.line
            ),
            (PointOrigin::List, Lang::Sv) => {
                format!("Punkt {}: utskottets förslag, rad {}.", pt.id, pt.line)
            }
            (PointOrigin::Single, Lang::En) => format!(
                "Point {}: the committee's only proposal, unnumbered in the report, line {}.",
                pt.id, pt.line
            ),
            (PointOrigin::Single, Lang::Sv) => format!(
                "Punkt {}: utskottets enda förslag, utan nummer i betänkandet, rad {}.",
                pt.id, pt.line
            ),
            (PointOrigin::File, Lang::En) => format!(
                "Point {}: from the dokumentstatus file's list (dokutskottsforslag); the report's list of points was not read.",
                pt.id
            ),
            (PointOrigin::File, Lang::Sv) => format!(
                "Punkt {}: från dokumentstatus-filens lista (dokutskottsforslag); betänkandets förslagspunkter lästes inte.",
                pt.id
            ),
            (PointOrigin::Heading { what, .. }, Lang::En) => format!(
                "Point {}: from the heading of {what}, line {}; the report's list of points does not give it{}.",
                pt.id,
                pt.line,
                if pt.title.is_empty() {
                    " (no title read)"
                } else {
                    ""
                }
            ),
            (PointOrigin::Heading { what, .. }, Lang::Sv) => format!(
                "Punkt {}: från rubriken till {what}, rad {}; betänkandets förslagspunkter anger den inte{}.",
                pt.id,
                pt.line,
                if pt.title.is_empty() {
                    " (ingen rubrik läst)"
                } else {
                    ""
                }
            ),
        });
        if let Some(pm) = pm {
            if let Some(d) = &pm.decision {
                po.decision = vec![d.clone()];
            }
            if let Some(method) = pm.method {
                let (yes_for, no_for) = pm
                    .question
                    .as_deref()
                    .and_then(|q| q.split_once(" mot "))
                    .map_or((None, None), |(a, b)| {
                        (Some(a.trim().to_string()), Some(b.trim().to_string()))
                    });
                let counted = method == VoteMethod::Vote && !pm.tally.is_empty();
                po.vote = Some(VoteOut {
                    method,
                    tally: if counted { pm.tally } else { Tally::default() },
                    yes_for: if counted { yes_for } else { None },
                    no_for: if counted { no_for } else { None },
                    winner: None,
                    parties: if counted {
                        pm.parties.clone()
                    } else {
                        Vec::new()
                    },
                    members: Vec::new(),
                });
                po.notes.push(
                    lang.pick(
                        "Decision and vote from the file's dokutskottsforslag.",
                        "Beslut och votering från filens dokutskottsforslag.",
                    )
                    .to_string(),
                );
            }
        } else if let Some(d) = whole {
            po.decision = vec![d.to_string()];
            po.notes.push(match lang {
                Lang::En => {
                    format!("Decision: the chamber's decision on the whole report (\"{d}\").")
                }
                Lang::Sv => format!("Beslut: kammarens beslut om hela betänkandet (\"{d}\")."),
            });
        }
        out.points.push(po);
    }
    for (k, (e, stance)) in reservations
        .iter()
        .map(|e| (e, Stance::Reservation))
        .chain(statements.iter().map(|e| (e, Stance::SpecialStatement)))
        .enumerate()
    {
        let doubt = |f: Fact| {
            doubts
                .iter()
                .find(|(i, g, _)| *i == k && *g == f)
                .map(|(_, _, n)| n.clone())
        };
        let mut po = PositionOut::new(&body_id, stance);
        po.number = e.number;
        po.points = e.points.clone();
        // A point the text's list of points lacks, although the list was read, is a doubt.
        let mut point_doubt = doubt(Fact::Point);
        for id in &e.points {
            if let Some(pt) = points.iter().find(|pt| &pt.id == id)
                && matches!(
                    pt.origin,
                    PointOrigin::Heading {
                        list_read: true,
                        ..
                    }
                )
            {
                p.warn(
                    e.heading_line,
                    WarningKind::PointUnknown {
                        what: describe_entry(e, stance, lang),
                        point: id.clone(),
                    },
                );
                point_doubt.get_or_insert_with(|| match lang {
                    Lang::En => format!("point {id} is not in the list of points"),
                    Lang::Sv => format!("punkt {id} saknas i förslagspunkterna"),
                });
            }
        }
        po.reasons_only = stance == Stance::Reservation
            && (e.reasons_only
                || points.iter().any(|pt| {
                    pt.refs.iter().any(|r| {
                        r.number.is_some() && r.number == e.number && r.reasons_only && !r.statement
                    })
                }));
        po.signatories = e.byline.signatories.clone();
        let generated = crate::model::signature_line(&po.signatories);
        if generated != e.byline.written {
            po.byline = Some(e.byline.written.clone());
        }
        // Parties: the byline's; where it gives none, the heading's.
        let mut ps = e.byline.parties.clone();
        if ps.is_empty() {
            ps = e.heading_parties.clone();
        }
        po.parties = if e.byline.unassigned || e.byline.parties.is_empty() {
            ps
        } else {
            Vec::new()
        };
        po.proposals = e.proposals.clone();
        // No text of its own: its heading (or, headless, its byline) stands as its text, so
        // that the file always loads.
        po.paragraphs = if !e.text.is_empty() {
            e.text.clone()
        } else if !e.heading_text.trim().is_empty() {
            vec![e.heading_text.clone()]
        } else {
            vec![e.byline.written.clone()]
        };
        po.date = None;
        let heading = (e.heading_line, e.heading_last);
        let heading_text = if e.heading_text.is_empty() {
            e.byline.written.clone()
        } else {
            e.heading_text.clone()
        };
        po.evidence.push(inferred(
            Fact::Stance,
            if stance == Stance::Reservation {
                "riksdag.reservations_part"
            } else {
                "riksdag.statements_part"
            },
            &heading_text,
            heading,
        ));
        if e.number.is_some() {
            let mut ev = inferred(
                Fact::Number,
                if e.number_rule.is_empty() {
                    "riksdag.heading_number"
                } else {
                    e.number_rule
                },
                &heading_text,
                heading,
            );
            if !e.number_rule.is_empty() {
                ev.note = Some(
                    lang.pick(
                        "the heading has no number; the dokumentstatus file's list (dokmotforslag) numbers this one",
                        "rubriken saknar nummer; dokumentstatus-filens lista (dokmotforslag) numrerar denna",
                    )
                    .to_string(),
                );
            }
            po.evidence.push(ev);
        }
        if !po.points.is_empty() {
            let mut ev = inferred(
                Fact::Point,
                match e.point_rule {
                    "title" => "riksdag.point_title",
                    "only" => "riksdag.only_point",
                    _ => "riksdag.heading_point",
                },
                &heading_text,
                heading,
            );
            if e.point_rule == "only" {
                ev.note = Some(
                    lang.pick(
                        "the heading names no point; the report has only this one",
                        "rubriken anger ingen punkt; betänkandet har bara denna",
                    )
                    .to_string(),
                );
            }
            if let Some(n) = point_doubt {
                ev = uncertain(ev, n);
            }
            po.evidence.push(ev);
        }
        let mut parties_doubt = doubt(Fact::Parties);
        if !e.heading_parties.is_empty()
            && !e.byline.parties.is_empty()
            && sorted(&e.heading_parties) != sorted(&e.byline.parties)
        {
            parties_doubt = Some(format!(
                "({}) / ({})",
                e.heading_parties.join(", "),
                e.byline.parties.join(", ")
            ));
            p.warn(
                e.heading_line,
                WarningKind::PartiesDisagree {
                    what: describe_entry(e, stance, lang),
                    heading: e.heading_parties.join(", "),
                    byline: e.byline.parties.join(", "),
                },
            );
        }
        if !e.byline.parties.is_empty() || !po.parties.is_empty() {
            let mut ev = inferred(
                Fact::Parties,
                "riksdag.byline",
                &e.byline.written,
                (e.byline_line, e.byline_last),
            );
            if let Some(n) = parties_doubt {
                ev = uncertain(ev, n);
            }
            po.evidence.push(ev);
        }
        if po.signatories.is_empty() && po.parties.is_empty() {
            p.warn(
                e.byline_line,
                WarningKind::NoParties {
                    what: describe_entry(e, stance, lang),
                },
            );
        }
        out.positions.push(po);
    }
    out.settle_ids();
    let summary = Summary {
        designation,
        reservations: reservations.len(),
        statements: statements.len(),
        points: points.len(),
    };
    let _ = p.lang;
    (out, p.warnings, summary)
}

fn sorted(v: &[String]) -> Vec<String> {
    let mut v = v.to_vec();
    v.sort();
    v
}

/// The chamber adopted the committee's whole proposal.
fn adopts_whole(decision: &str) -> bool {
    let n = normalise(decision);
    matches!(
        n.trim_end_matches('.'),
        "kammaren biföll utskottets förslag"
            | "bifall till utskottets hemställan"
            | "bifall till utskottets förslag"
            | "kammaren biföll utskottets hemställan"
    )
}

/// The report's title: the line after its designation in the head, where the designation
/// stands alone on its line or beside "…utskottets betänkande" (a motion cited in the list of
/// points, "Riksdagen avslår motion 2007/08:T1 av …", is no head).
fn title_in(lines: &[RLine]) -> Option<String> {
    let k = lines.iter().take(40).position(|l| {
        let words: Vec<&str> = l.text().split_whitespace().collect();
        let has = words.iter().any(|w| designation_token(w).is_some());
        has && (words.len() == 1 || l.norm().contains("utskottets betänkande"))
    })?;
    lines
        .get(k + 1)
        .map(|l| crate::text::squash_whitespace(l.text()))
        .filter(|t| !t.is_empty())
}

fn describe_entry(e: &Entry, stance: Stance, lang: Lang) -> String {
    let what = lang.stance_lower(stance, false);
    match (e.number, lang) {
        (Some(n), _) => format!("{what} {n}"),
        (None, Lang::En) => format!("the {what} \"{}\"", e.title),
        (None, Lang::Sv) => format!("{what} \"{}\"", e.title),
    }
}

/// Each reservation (or statement) the list of points names should be in the part, at that
/// point, with those parties. Returns the doubts: (entry index, fact, why).
fn check_against_list(
    p: &mut Parser,
    points: &[RPoint],
    entries: &[Entry],
    statements: bool,
) -> Vec<(usize, Fact, String)> {
    let mut doubts = Vec::new();
    let listed: Vec<(&RPoint, &Ref)> = points
        .iter()
        .flat_map(|pt| pt.refs.iter().map(move |r| (pt, r)))
        .filter(|(_, r)| r.statement == statements)
        .collect();
    if listed.is_empty() {
        return doubts;
    }
    let stance = if statements {
        Stance::SpecialStatement
    } else {
        Stance::Reservation
    };
    for (pt, r) in &listed {
        // A numbered reference names its entry by number; "Reservation (SD)" names the entry
        // whose heading has no number, at that point.
        let found = match r.number {
            Some(n) => entries.iter().position(|e| e.number == Some(n)),
            None => entries.iter().position(|e| {
                (e.number.is_none() || e.number_rule == "riksdag.file_number")
                    && e.points.contains(&pt.id)
            }),
        };
        match found {
            None => {
                let what = match r.number {
                    Some(n) => format!("{} {n}", p.lang.stance_lower(stance, false)),
                    None => format!(
                        "{} ({})",
                        p.lang.stance_lower(stance, false),
                        r.parties.join(", ")
                    ),
                };
                p.warn(r.line, WarningKind::ListedNotFound { what });
            }
            Some(k) => {
                let e = &entries[k];
                let what = describe_entry(e, stance, p.lang);
                if !e.points.is_empty() && !e.points.contains(&pt.id) {
                    let detail = format!(
                        "{} {} / {}",
                        p.lang.pick("point", "punkt"),
                        e.points.join(", "),
                        pt.id
                    );
                    doubts.push((k, Fact::Point, format!("{what}: {detail}")));
                    p.warn(
                        e.heading_line,
                        WarningKind::SummaryDisagrees {
                            what: what.clone(),
                            detail,
                        },
                    );
                }
                let by = if e.byline.parties.is_empty() {
                    &e.heading_parties
                } else {
                    &e.byline.parties
                };
                if sorted(by) != sorted(&r.parties) {
                    let detail = format!("({}) / ({})", by.join(", "), r.parties.join(", "));
                    doubts.push((k, Fact::Parties, format!("{what}: {detail}")));
                    p.warn(
                        e.heading_line,
                        WarningKind::SummaryDisagrees { what, detail },
                    );
                }
            }
        }
    }
    doubts
}

/// Lay out a report's source for [`import`]: the text of a `dokumentstatus` file's HTML, an
/// HTML file, or text as it is.
pub fn lay_out_html(html: &str) -> Laid {
    html::lay_out(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_old_and_new() {
        let b = parse_byline(
            "av Knut Billing (m), Sten Andersson (-), Inga Berggren (m) och Carl-Erik Skårman (m).",
        );
        assert_eq!(b.parties, ["M", "-"]);
        assert_eq!(b.signatories.len(), 4);
        assert_eq!(b.signatories[1].party.as_deref(), Some("-"));
        let b = parse_byline("Anders G Högmark, Mona Saint Cyr och Erik Holmkvist (alla m) anser");
        assert_eq!(b.parties, ["M"]);
        assert_eq!(b.signatories.len(), 3);
        let b = parse_byline(
            "Börje Hörnlund och Kersti Johansson (båda c) samt Anna Horn af Rantzien (mp) anser",
        );
        assert_eq!(b.parties, ["C", "MP"]);
        assert_eq!(b.signatories[2].name, "Anna Horn af Rantzien");
        let b = parse_byline("Ulla-Britt Hagström (kd) och Annelie Enochson (kd) anför:");
        assert_eq!(b.parties, ["KD"]);
        let b = parse_byline("av Erik Bengtzboe (M), Saila Quicklund (M) och Hanif Bali (M).");
        assert_eq!(b.parties, ["M"]);
        assert_eq!(
            b.written,
            "Erik Bengtzboe (M), Saila Quicklund (M) och Hanif Bali (M)"
        );
    }

    #[test]
    fn headings() {
        assert_eq!(
            heading_point("Utformningen av bostadspolitiken (punkt 2)"),
            (
                "Utformningen av bostadspolitiken".into(),
                vec!["2".to_string()],
                vec![],
                false
            )
        );
        assert!(heading_point("Bostadsförsörjningen (punkt 4, motiveringen)").3);
        assert_eq!(
            heading_point("Riktlinjerna för jämställdhetsarbetet (mom. 2.)").1,
            ["2"]
        );
        let (t, p, ps, _) = heading_point("Framtidens arbetsmarknad, punkt 1 (M)");
        assert_eq!(
            (t.as_str(), p, ps),
            (
                "Framtidens arbetsmarknad",
                vec!["1".to_string()],
                vec!["M".to_string()]
            )
        );
        assert!(
            heading_point("Anslagsfördelningen inom utgiftsområde 18")
                .1
                .is_empty()
        );
    }

    /// The wordings of headings in the reports of 2006–2023: several points, a
    /// motivreservation's mark before or after the parties, a point's own name in a
    /// parenthesis, no point at all (a report's only reservation).
    #[test]
    fn heading_wordings() {
        let (t, p, ps, r) = heading_point(
            "Socialdemokraternas särskilda yttrande om anslagen till kultur och idrott (punkterna 11 och 12) (s)",
        );
        assert_eq!(
            (t.as_str(), p, ps, r),
            (
                "Socialdemokraternas särskilda yttrande om anslagen till kultur och idrott",
                vec!["11".to_string(), "12".to_string()],
                vec!["S".to_string()],
                false
            )
        );
        let (t, p, ps, r) = heading_point("Lärarnas arbetsmiljö, punkt 4 motiveringen (s)");
        assert_eq!(
            (t.as_str(), p, ps, r),
            (
                "Lärarnas arbetsmiljö",
                vec!["4".to_string()],
                vec!["S".to_string()],
                true
            )
        );
        let (t, p, ps, r) = heading_point("Tillsynen över hamnarna, punkt 3 – motiveringen (V)");
        assert_eq!(
            (t.as_str(), p, ps, r),
            (
                "Tillsynen över hamnarna",
                vec!["3".to_string()],
                vec!["V".to_string()],
                true
            )
        );
        let (t, p, ps, _) = heading_point("Jämställdhet, punkt 2 (Jämställdhet) (S)");
        assert_eq!(
            (t.as_str(), p, ps),
            ("Jämställdhet", vec!["2".to_string()], vec!["S".to_string()])
        );
        let (_, p, ps, _) = heading_point("Anslag, punkterna 2–4 (M, KD)");
        assert_eq!(
            (p, ps.len()),
            (vec!["2".to_string(), "3".into(), "4".into()], 2)
        );
        let (t, p, ps, _) = heading_point("Anslag inom utgiftsområde 24 (SD)");
        assert_eq!(
            (t.as_str(), p, ps),
            (
                "Anslag inom utgiftsområde 24",
                vec![],
                vec!["SD".to_string()]
            )
        );
        assert_eq!(point_ids("3, 5 och 7) (m)"), ["3", "5", "7"]);
        assert!(point_ids("x").is_empty());
    }

    #[test]
    fn references_under_points() {
        let r = &references("Reservation 6 (m, -) - motiv.", 1)[0];
        assert_eq!(
            (r.number, r.parties.clone(), r.reasons_only),
            (Some(6), vec!["M".into(), "-".into()], true)
        );
        let r = &references("res.10 (fp)", 1)[0];
        assert_eq!(r.number, Some(10));
        assert_eq!(r.parties, ["FP"]);
        assert!(references("Reservationer har anmälts", 1).is_empty());
        // A report's only reservation has no number.
        let r = &references("Reservation (SD)", 1)[0];
        assert_eq!(
            (r.number, r.parties.clone()),
            (None, vec!["SD".to_string()])
        );
        // Two on one line, as a PDF copy joins them; the reasons-only mark is the second's.
        let rs = references("Reservation 5 (C, KD) Reservation 6 (V) – motiveringen", 1);
        assert_eq!(
            rs.iter()
                .map(|r| (r.number, r.parties.join(","), r.reasons_only))
                .collect::<Vec<_>>(),
            [(Some(5), "C,KD".into(), false), (Some(6), "V".into(), true)]
        );
        let r = &references("Reservation 3 (m, fp, kd, c) — motivering", 1)[0];
        assert_eq!(
            (r.number, r.parties.len(), r.reasons_only),
            (Some(3), 4, true)
        );
    }

    #[test]
    fn running_heads_become_page_breaks() {
        let t = "text före\nRESERVATIONER 2013/14:FöU11\nmer text\n2013/14:FöU11 RESERVATIONER\nslut 2013/14:FöU11\n";
        let m = mark_running_heads(t);
        assert_eq!(m, "text före\n\u{c}\nmer text\n\u{c}\nslut 2013/14:FöU11\n");
        // The report's head names its designation under its title: no running head.
        let t =
            "Försvarsutskottets betänkande\n2013/14:FöU11\n\ntext\n2013/14:FöU11 RESERVATIONER\n";
        assert_eq!(
            mark_running_heads(t),
            "Försvarsutskottets betänkande\n2013/14:FöU11\n\ntext\n\u{c}\n"
        );
        assert!(designation_token("2001/02:Bo318,").is_some());
        assert!(designation_token("KS 2025/1121").is_none());
    }

    #[test]
    fn glued_headings_come_apart() {
        let l = Line {
            no: 3,
            text: "StällningstagandeVi anser att".into(),
            norm: normalise("StällningstagandeVi anser att"),
            blank_before: false,
            trailing_ws: 0,
        };
        let (a, b) = unglue(&l).unwrap();
        assert_eq!(
            (a.text.as_str(), b.text.as_str()),
            ("Ställningstagande", "Vi anser att")
        );
        let l = Line {
            text: "Ställningstaganden".into(),
            ..l
        };
        assert!(unglue(&l).is_none());
    }

    /// The file's own lists: each point's decision and vote, and the reservations it names,
    /// which are checked against the text: a party the text does not give makes the parties
    /// uncertain, with a warning.
    #[test]
    fn dokumentstatus_lists_are_read_and_checked() {
        let html = "<pre>Kulturutskottets betänkande\n2019/20:KrU7\n\nUtskottets förslag till riksdagsbeslut\n\n\
            1. Idrottens villkor\n\nRiksdagen avslår motionerna.\n\nStockholm den 12 november 2019\n\n\
            Reservationer\n\n1. Idrottens villkor, punkt 1 (M)\n\nav Anna Ek (M).\n\n\
            Ställningstagande\n\nIdrotten behöver bättre villkor.\n</pre>";
        let json = serde_json::json!({"dokumentstatus": {
            "dokument": {"dok_id": "H701KrU7", "rm": "2019/20", "beteckning": "KrU7", "organ": "KrU",
                         "titel": "Fritidsfrågor", "html": html},
            "dokutskottsforslag": {"utskottsforslag": {
                "punkt": "1", "rubrik": "Idrottens villkor", "beslutstyp": "röstning", "vinnare": "utskottet",
                "votering_sammanfattning_html": {"table": {"tr": [
                    {"td": {"h4": "Omröstning i sakfrågan", "p": "Utskottets förslag mot reservation 1 (M)"}},
                    {"th": ["Parti", "Ja", "Nej", "Avstående", "Frånvarande"]},
                    {"td": ["S", "100", "0", "0", "10"]},
                    {"td": ["M", "0", "70", "0", "14"]},
                    {"td": ["Totalt", "100", "70", "0", "24"]},
                    {"td": {"h4": "Beslut: Kammaren biföll utskottets förslag"}}
                ]}}
            }},
            "dokmotforslag": {"motforslag": [
                {"nummer": "1", "rubrik": "Idrottens villkor", "partier": "\"M\",\"KD\"",
                 "typ": "reservation", "utskottsforslag_punkt": "1"}
            ]}
        }});
        let meta = parse_dokumentstatus(&json.to_string()).unwrap();
        assert_eq!(meta.points[0].tally.yes, Some(100));
        assert_eq!(meta.points[0].parties.len(), 2);
        assert_eq!(meta.counter_proposals[0].parties, ["M", "KD"]);
        let laid = html::lay_out(&meta.html);
        let (case, warnings, _) = import(&laid.text, Some(&laid), Some(&meta), "x.json", Lang::En);
        let toml = super::super::out::write(&case, Lang::En);
        let c = crate::model::parse_case(&toml, "t", "t").unwrap();
        let vote = c.points[0].vote.as_ref().unwrap();
        assert_eq!((vote.tally.yes, vote.tally.no), (Some(100), Some(70)));
        assert_eq!(vote.winner(), Some(crate::model::Choice::Yes));
        assert_eq!(vote.no_for.as_deref(), Some("reservation 1 (M)"));
        assert_eq!(c.points[0].decision, ["Kammaren biföll utskottets förslag"]);
        let res = &c.positions[0];
        assert_eq!(res.parties, ["M"], "the text's parties, not the list's");
        assert_eq!(res.review(), Some(crate::model::Review::Uncertain));
        assert!(
            warnings
                .iter()
                .any(|w| matches!(w.kind, WarningKind::SummaryDisagrees { .. }))
        );
    }
}
