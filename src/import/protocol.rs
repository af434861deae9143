//! Municipal protocols and protocol extracts (protokoll, protokollsutdrag): one case per § that
//! has positions, or the protocol extracts of one matter from several bodies in one case.
//!
//! A § is read by its sub-headings, in whatever order the municipality writes them: the
//! decision ("Beslut", "Socialnämndens beslut", "Kommunstyrelsens förslag till
//! kommunfullmäktige"), the proposal ("Förslag till beslut"), "Yrkanden", the proposition order
//! ("Propositionsordning", "Beslutsgång"), the vote ("Votering", "Omröstning",
//! "Omröstningsresultat"), "Reservation", "Särskilt yttrande", "Protokollsanteckning", "Jäv",
//! and the texts of the matter ("Ärendet", "Beslutsunderlag", …). Each § becomes a decision
//! point of its body, with the yrkanden as moves, the proposition order, the vote with its
//! counts and each member's vote where listed; the body's decision gives its stance on the
//! motion; reservations, special statements and protocol notes are positions with the parties
//! of those who made them.
//!
//! Page furniture of protocols ("Justerandes sign", "Utdragsbestyrkande", "Sida 2 (5)") is left
//! out like page numbers.

use super::lines::{self, Line, ParagraphRules};
use super::out::{
    BodyOut, CaseOut, MoveOut, PartyOut, PointOut, PositionOut, SectionOut, VoteOut, inferred,
    uncertain,
};
use super::phrases::normalise;
use super::riksdag::{RByline, parse_names};
use super::{Document, FileReport, Genre, Options, Outcome, Refusal, Warning, WarningKind};
use crate::i18n::Lang;
use crate::model::{BodyKind, CaseKind, Choice, Fact, Signatory, Stance, Tally, VoteMethod};
use chrono::NaiveDate;

/// "§ 45", "§ 45 Motion om …", "45 §", "SN § 23", "KS §45": the number of a § heading.
pub fn paragraph_heading(line: &str) -> Option<u32> {
    let mut t = line.trim();
    // A body's prefix: "SN § 23", "KS § 45".
    if let Some((prefix, rest)) = t.split_once(char::is_whitespace)
        && (1..=5).contains(&prefix.chars().count())
        && prefix.chars().all(|c| c.is_uppercase())
        && rest.trim_start().starts_with('§')
    {
        t = rest.trim_start();
    }
    if let Some(rest) = t.strip_prefix('§') {
        let rest = rest.trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = &rest[digits.len()..];
        if !digits.is_empty()
            && digits.len() <= 4
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            return digits.parse().ok();
        }
        return None;
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let after = t[digits.len()..].trim_start();
    if !digits.is_empty() && digits.len() <= 4 && after.starts_with('§') {
        let rest = after['§'.len_utf8()..].trim_start();
        if rest.is_empty() || rest.starts_with(char::is_uppercase) {
            return digits.parse().ok();
        }
    }
    None
}

/// What a sub-heading of a § opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Decision,
    Proposal,
    Moves,
    Propositions,
    Vote,
    Reservation,
    Statement,
    Note,
    /// "Ersättaryttrande": a substitute's statement.
    Substitute,
    Jav,
    /// A text of the matter, kept as a section.
    Text,
}

/// Sub-headings, normalised, and what they open.
const SUBHEADINGS: &[(&str, Part)] = &[
    ("beslut", Part::Decision),
    ("beslutet", Part::Decision),
    ("förslag till beslut", Part::Proposal),
    ("förslag till beslut på sammanträdet", Part::Proposal),
    ("yrkanden", Part::Moves),
    ("yrkande", Part::Moves),
    ("yrkanden på sammanträdet", Part::Moves),
    ("propositionsordning", Part::Propositions),
    ("beslutsgång", Part::Propositions),
    ("proposition", Part::Propositions),
    ("propositionsordning och beslut", Part::Propositions),
    ("votering", Part::Vote),
    ("omröstning", Part::Vote),
    ("omröstningsresultat", Part::Vote),
    ("voteringsresultat", Part::Vote),
    ("voteringslista", Part::Vote),
    ("reservation", Part::Reservation),
    ("reservationer", Part::Reservation),
    ("särskilt yttrande", Part::Statement),
    ("särskilda yttranden", Part::Statement),
    ("protokollsanteckning", Part::Note),
    ("protokollsanteckningar", Part::Note),
    ("ersättaryttrande", Part::Substitute),
    ("ersättaryttranden", Part::Substitute),
    ("jäv", Part::Jav),
    ("ärendet", Part::Text),
    ("ärendebeskrivning", Part::Text),
    ("sammanfattning", Part::Text),
    ("sammanfattning av ärendet", Part::Text),
    ("beskrivning av ärendet", Part::Text),
    ("bakgrund", Part::Text),
    ("beslutsunderlag", Part::Text),
    ("handlingar", Part::Text),
    ("handling", Part::Text),
    ("skickas till", Part::Text),
    ("beslutet skickas till", Part::Text),
    ("expedieras till", Part::Text),
    ("expedieras", Part::Text),
    ("motivering", Part::Text),
    ("justering", Part::Text),
];

fn subheading(norm: &str) -> Option<Part> {
    if let Some((_, p)) = SUBHEADINGS.iter().find(|(h, _)| *h == norm) {
        return Some(*p);
    }
    // "Socialnämndens beslut", "Kommunstyrelsens förslag till kommunfullmäktige".
    let words: Vec<&str> = norm.split(' ').collect();
    match words.as_slice() {
        [body, "beslut"] if body.ends_with('s') => Some(Part::Decision),
        [body, "förslag", "till", _] if body.ends_with('s') => Some(Part::Decision),
        [_, _, "förslag", "till", _] if norm.contains("s förslag till ") => Some(Part::Decision),
        _ => None,
    }
}

/// A line that opens a statement with its byline, as Stockholm's protocols write them inside a
/// § without a sub-heading: "Reservation anfördes av Peter Holm (SD) enligt följande.",
/// "Särskilt uttalande gjordes av Ann Ek m.fl. (S) …", "Protokollsanteckning gjordes av …",
/// "Ersättaryttrande anfördes av …".
fn inline_opener(norm: &str) -> Option<Part> {
    const KINDS: &[(&str, Part)] = &[
        ("reservation ", Part::Reservation),
        ("särskilt uttalande ", Part::Statement),
        ("särskilt yttrande ", Part::Statement),
        ("protokollsanteckning ", Part::Note),
        ("ersättaryttrande ", Part::Substitute),
    ];
    const VERBS: &[&str] = &[
        "anfördes av ",
        "anförs av ",
        "gjordes av ",
        "görs av ",
        "lämnades av ",
        "lämnas av ",
        "avgavs av ",
    ];
    let (_, part) = KINDS.iter().find(|(k, _)| norm.starts_with(k))?;
    let rest = &norm[norm.find(' ')? + 1..];
    let rest = rest
        .strip_prefix("uttalande ")
        .or_else(|| rest.strip_prefix("yttrande "))
        .unwrap_or(rest);
    VERBS.iter().any(|v| rest.starts_with(v)).then_some(*part)
}

/// Lines of page furniture: "Justerandes sign", "Utdragsbestyrkande", "Justerandes signatur".
fn is_furniture(norm: &str) -> bool {
    norm.starts_with("justerandes sign") || norm.starts_with("utdragsbestyrkande")
}

/// A party code in a parenthesis of a municipal protocol: the known codes in any case
/// ("(s)", "(Fi)"), else one to five upper-case letters (a local party: "(SJVP)"), kept as
/// written and declared with a warning.
fn code_of(token: &str) -> Option<String> {
    let t = token.trim();
    if let Some(p) = super::phrases::PARTIES
        .iter()
        .find(|p| p.code.eq_ignore_ascii_case(t))
    {
        return Some(p.code.to_string());
    }
    if let Some(c) = super::riksdag::party_code(t) {
        return Some(c.to_string());
    }
    let n = t.chars().count();
    ((1..=5).contains(&n) && t.chars().all(char::is_uppercase)).then(|| t.to_string())
}

fn names(text: &str) -> RByline {
    parse_names(text, &code_of)
}

/// One § of a protocol.
#[derive(Debug, Clone)]
struct Paragraph {
    number: u32,
    dnr: Option<String>,
    title: String,
    /// Line index of the heading.
    head: usize,
    /// (part, first line index, end line index), in order.
    parts: Vec<(Part, String, usize, usize)>,
    /// Text before the first sub-heading (after the title).
    lead: (usize, usize),
}

/// A registration number: "Dnr KS 2025/412", "KS 2025/412", "SN 2025/118", "Dnr 0412/25".
/// After the word "Dnr" the number is taken as written, whatever its municipality's shape
/// ("Dnr Kst 2025/300", "Dnr KS/2025:222", "Dnr RS 2025-00123", "Dnr T2021-01234"): up to
/// three words, to the first that holds a digit. Without "Dnr", only "SERIES YYYY/N" or
/// "YYYY/N" shapes count.
fn dnr_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(at) = words
        .iter()
        .position(|w| normalise(w).trim_end_matches([':', '.']) == "dnr")
    {
        let mut taken: Vec<&str> = Vec::new();
        for w in words[at + 1..].iter().take(3) {
            let w = w.trim_end_matches([',', ';']);
            taken.push(w);
            if w.chars().any(|c| c.is_ascii_digit()) {
                let dnr = taken.join(" ");
                let dnr = dnr.trim_end_matches('.');
                return (!dnr.is_empty()).then(|| dnr.to_string());
            }
        }
    }
    for (k, w) in words.iter().enumerate() {
        let is_number = |s: &str| {
            let (a, b) = match s.split_once('/') {
                Some(x) => x,
                None => return false,
            };
            !a.is_empty()
                && !b.is_empty()
                && a.chars().all(|c| c.is_ascii_digit())
                && b.trim_end_matches([',', '.'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
        };
        if is_number(w) {
            let prev = k.checked_sub(1).map(|j| words[j]);
            let series = prev.filter(|p| {
                (1..=6).contains(&p.chars().count()) && p.chars().all(|c| c.is_uppercase())
            });
            let dnr_word = prev.is_some_and(|p| normalise(p).trim_end_matches([':', '.']) == "dnr")
                || k >= 2 && normalise(words[k - 2]).trim_end_matches([':', '.']) == "dnr";
            let w = w.trim_end_matches([',', '.']);
            match series {
                Some(s) => return Some(format!("{s} {w}")),
                None if dnr_word => return Some(w.to_string()),
                None => {}
            }
        }
    }
    None
}

/// A date in a header: "2026-03-11", "11 mars 2026".
fn date_in(text: &str) -> Option<NaiveDate> {
    for w in text.split_whitespace() {
        if let Some(d) =
            super::byline::parse_date(w.trim_matches(|c: char| !c.is_ascii_digit() && c != '-'))
        {
            return Some(d);
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for win in words.windows(3) {
        if let Some(d) = super::byline::parse_date(&win.join(" ")) {
            return Some(d);
        }
    }
    // "12/3 2025".
    for win in words.windows(2) {
        if let Some(d) = super::byline::parse_date(&win.join(" ")) {
            return Some(d);
        }
    }
    None
}

const BODY_ENDINGS: &[&str] = &[
    "nämnden",
    "nämnd",
    "styrelsen",
    "fullmäktige",
    "utskottet",
    "utskott",
    "beredningen",
    "presidium",
    "direktionen",
];

/// The body named in a header line: "Kommunstyrelsen", "Socialnämnden 2026-02-17",
/// "Kultur- och fritidsnämnden".
fn body_in(line: &str) -> Option<String> {
    // Stockholm's protocols: "fört vid Skärholmens stadsdelsnämnds sammanträde torsdagen den …".
    let n = normalise(line);
    if let (Some(at), Some(end)) = (n.find("vid "), n.find(" sammanträde"))
        && at + "vid ".len() < end
    {
        let words: Vec<&str> = line
            .get(at + "vid ".len()..end)
            .unwrap_or("")
            .split_whitespace()
            .collect();
        if let Some((last, rest)) = words.split_last()
            && words.len() <= 5
            && let Some(stem) = last.strip_suffix(":s").or_else(|| last.strip_suffix('s'))
        {
            let name = rest
                .iter()
                .copied()
                .chain(std::iter::once(stem))
                .collect::<Vec<_>>()
                .join(" ");
            let nn = normalise(&name);
            if BODY_ENDINGS.iter().any(|e| nn.ends_with(e)) && name.starts_with(char::is_uppercase)
            {
                return Some(name);
            }
        }
    }
    for cell in line.split("  ").map(str::trim).filter(|c| !c.is_empty()) {
        let words: Vec<&str> = cell
            .split_whitespace()
            .take_while(|w| !w.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .collect();
        if words.is_empty() || words.len() > 5 {
            continue;
        }
        let name = words.join(" ");
        let n = normalise(&name);
        if BODY_ENDINGS.iter().any(|e| n.ends_with(e))
            && name.starts_with(char::is_uppercase)
            && !n.contains("protokoll")
        {
            return Some(name);
        }
    }
    None
}

fn body_kind(name: &str) -> BodyKind {
    let n = normalise(name);
    if n.ends_with("fullmäktige") {
        BodyKind::Council
    } else if n == "kommunstyrelsen" || n == "regionstyrelsen" {
        BodyKind::Board
    } else if n.ends_with("utskottet") || n.ends_with("utskott") || n.ends_with("beredningen") {
        BodyKind::Preparatory
    } else if n.contains("stadsdelsnämnd") {
        BodyKind::DistrictCommittee
    } else {
        BodyKind::Committee
    }
}

/// "Älvstads kommun", "NORRVIKS KOMMUN" → "Norrviks kommun".
fn municipality_in(line: &str) -> Option<String> {
    for cell in line.split("  ").map(str::trim) {
        let n = normalise(cell);
        let words: Vec<&str> = n.split(' ').collect();
        if let [_name, last] = words.as_slice()
            && matches!(*last, "kommun" | "stad" | "kommuns")
        {
            let written: Vec<String> = cell
                .split_whitespace()
                .enumerate()
                .map(|(i, w)| {
                    if w.chars().all(|c| !c.is_lowercase()) {
                        let lower = w.to_lowercase();
                        if i == 0 {
                            let mut c = lower.chars();
                            c.next()
                                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                                .unwrap_or_default()
                        } else {
                            lower
                        }
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            return Some(written.join(" "));
        }
    }
    None
}

/// One protocol document, read.
struct Protocol {
    name: String,
    lines: Vec<Line>,
    rules: ParagraphRules,
    municipality: Option<String>,
    body: Option<String>,
    /// The header line that names the body: its text and number.
    body_source: Option<(String, usize)>,
    date: Option<NaiveDate>,
    /// The header line that gives the date: its text and number.
    date_source: Option<(String, usize)>,
    paragraphs: Vec<Paragraph>,
    artefacts: Vec<usize>,
}

fn read(doc: &Document) -> Protocol {
    // Page furniture becomes a page break, which line repair joins across.
    let marked: String = doc
        .text
        .split('\n')
        .map(|l| {
            if is_furniture(&normalise(l)) {
                "\u{c}"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let rep = lines::repair_with(&marked, false);
    let lines = rep.lines;
    let first_para = lines
        .iter()
        .position(|l| paragraph_heading(&l.text).is_some())
        .unwrap_or(lines.len());
    let header = &lines[..first_para.min(lines.len())];
    let municipality = header.iter().take(6).find_map(|l| municipality_in(&l.text));
    // The body and the date, with where each comes from: the header line's cell that holds it
    // (a line laid out in columns holds several) and its line number.
    let cell = |text: &str, has: &dyn Fn(&str) -> bool| {
        text.split("  ")
            .map(str::trim)
            .find(|c| has(c))
            .unwrap_or(text.trim())
            .to_string()
    };
    let body = header.iter().take(15).find_map(|l| {
        let name = body_in(&l.text)?;
        let source = cell(&l.text, &|c| c.contains(name.as_str()));
        Some((name, source, l.no))
    });
    let date = header.iter().take(15).find_map(|l| {
        let d = date_in(&l.text)?;
        Some((d, cell(&l.text, &|c| date_in(c).is_some()), l.no))
    });
    let mut heads: Vec<usize> = (0..lines.len())
        .filter(|&k| paragraph_heading(&lines[k].text).is_some())
        .collect();
    heads.dedup();
    let mut paragraphs = Vec::new();
    for (i, &h) in heads.iter().enumerate() {
        let end = heads.get(i + 1).copied().unwrap_or(lines.len());
        let number = paragraph_heading(&lines[h].text).unwrap_or(0);
        // The heading line: "§ 62 Dnr KS 2026/31", "SN § 23    SN 2025/118", "§ 61 Val av
        // justerare".
        let head_text = lines[h].text.clone();
        let mut dnr = dnr_in(&head_text);
        let after_number = {
            let t = head_text.trim();
            let at = t.find('§').map_or(0, |k| k + '§'.len_utf8());
            let rest = t[at..].trim_start();
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim();
            // Cut at a dnr or a run of spaces.
            let rest = rest.split("  ").next().unwrap_or("").trim();
            let lower = normalise(rest);
            if lower.starts_with("dnr")
                || dnr_in(rest).is_some_and(|d| rest.starts_with(d.as_str()))
            {
                String::new()
            } else {
                rest.to_string()
            }
        };
        let mut k = h + 1;
        // A dnr on its own line just below.
        while k < end && k <= h + 2 {
            let n = normalise(&lines[k].text);
            if n.starts_with("dnr") && dnr.is_none() {
                dnr = dnr_in(&lines[k].text);
                k += 1;
            } else {
                break;
            }
        }
        let mut title = after_number;
        if title.is_empty() {
            // The title: the lines up to a blank line or a sub-heading.
            while k < end && subheading(&lines[k].norm).is_none() {
                if !title.is_empty() && lines[k].blank_before {
                    break;
                }
                // "Dnr …" under the title (Stockholm's protocols): the dnr, not the title.
                if !title.is_empty() && lines[k].norm.starts_with("dnr") {
                    if dnr.is_none() {
                        dnr = dnr_in(&lines[k].text);
                    }
                    k += 1;
                    break;
                }
                if !title.is_empty() {
                    title.push(' ');
                }
                title.push_str(&lines[k].text);
                k += 1;
                if title.chars().count() > 300 {
                    break;
                }
            }
        }
        let title = crate::text::squash_whitespace(&title);
        // Parts.
        let mut parts: Vec<(Part, String, usize, usize)> = Vec::new();
        let lead_start = k;
        let mut j = k;
        while j < end {
            if let Some(p) = subheading(&lines[j].norm) {
                if let Some(last) = parts.last_mut() {
                    last.3 = j;
                }
                parts.push((p, lines[j].text.clone(), j + 1, end));
            } else if let Some(p) = inline_opener(&lines[j].norm) {
                // The line is its own heading and byline: it stays in the part.
                if let Some(last) = parts.last_mut() {
                    last.3 = j;
                }
                parts.push((p, lines[j].text.clone(), j, end));
            }
            j += 1;
        }
        let lead_end = parts.first().map_or(end, |p| p.2 - 1);
        paragraphs.push(Paragraph {
            number,
            dnr,
            title,
            head: h,
            parts,
            lead: (lead_start, lead_end),
        });
    }
    Protocol {
        name: doc.name.clone(),
        rules: ParagraphRules {
            width: rep.width,
            blank_lines_are_paragraphs: rep.blank_lines_are_paragraphs,
            paragraph_starters: Vec::new(),
        },
        lines,
        municipality,
        body: body.as_ref().map(|b| b.0.clone()),
        body_source: body.map(|b| (b.1, b.2)),
        date: date.as_ref().map(|d| d.0),
        date_source: date.map(|d| (d.1, d.2)),
        paragraphs,
        artefacts: rep.artefacts,
    }
}

impl Protocol {
    fn paras(&self, from: usize, to: usize) -> Vec<(String, usize, usize)> {
        if from >= to {
            return Vec::new();
        }
        let refs: Vec<&Line> = self.lines[from..to].iter().collect();
        lines::paragraphs_with_lines(&refs, &self.rules)
            .into_iter()
            .map(|p| (p.text, p.first, p.last))
            .collect()
    }

    fn part_paras(&self, p: &Paragraph, kind: Part) -> Vec<(String, usize, usize)> {
        p.parts
            .iter()
            .filter(|(k, ..)| *k == kind)
            .flat_map(|&(_, _, a, b)| self.paras(a, b))
            .collect()
    }

    fn part_lines(&self, p: &Paragraph, kind: Part) -> Vec<&Line> {
        p.parts
            .iter()
            .filter(|(k, ..)| *k == kind)
            .flat_map(|&(_, _, a, b)| self.lines[a..b].iter())
            .collect()
    }

    /// Whether a § holds positions: yrkanden, a vote, a reservation, a statement or a note,
    /// or a decision that states the body's stance on a motion (a committee's answer to a
    /// referral is often only that: "Nämnden avstyrker motionen").
    fn has_positions(&self, p: &Paragraph) -> bool {
        p.parts.iter().any(|(k, _, a, b)| {
            matches!(
                k,
                Part::Moves
                    | Part::Vote
                    | Part::Reservation
                    | Part::Statement
                    | Part::Note
                    | Part::Substitute
            ) && a < b
        }) || (normalise(&p.title).contains("motion")
            && motion_stance(&self.decision_paras(p)).is_some())
    }

    /// The paragraphs of a § 's decision: under its heading, or, without one, those that stand
    /// first ("Kommunstyrelsen utser …").
    fn decision_paras(&self, p: &Paragraph) -> Vec<(String, usize, usize)> {
        let decision = self.part_paras(p, Part::Decision);
        if decision.is_empty() && !p.parts.iter().any(|(k, ..)| *k == Part::Decision) {
            return self.paras(p.lead.0, p.lead.1);
        }
        decision
    }
}

/// Sentences of a paragraph (split after ". ", keeping abbreviations like "m.fl." whole).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if (c == '.' || c == ':') && bytes.get(i + 1) == Some(&b' ') {
            let next = text[i + 2..].chars().next();
            let word_before = text[..i].rsplit(' ').next().unwrap_or("");
            let abbreviation = word_before.contains('.')
                || word_before.chars().count() <= 2 && word_before.chars().all(char::is_lowercase);
            if next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit()) && !abbreviation {
                out.push(text[start..=i].trim());
                start = i + 2;
            }
        }
    }
    if start < text.len() {
        out.push(text[start..].trim());
    }
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// A decision that does not answer the referral.
const NO_ANSWER: &[&str] = &[
    "utan eget yttrande",
    "utan yttrande",
    "avstår från att yttra sig",
    "avstå från att yttra sig",
    "att inte yttra sig",
    "avstår från att lämna yttrande",
    "avstå från att lämna yttrande",
];

/// Words that make an approval one in part: "tillstyrker delvis", "i delar", "till viss del".
const PARTLY: &[&str] = &[
    " delvis ",
    " i delar ",
    " i vissa delar ",
    " till viss del ",
    " i de delar ",
    " i den del ",
];

/// The stems of the verbs (and nouns) that state a stance on a motion.
const STANCE_VERBS: &[&str] = &[
    "besvarad",
    "besvaras",
    "avslå",
    "avslag",
    "avstyrk",
    "bifall",
    "tillstyrk",
];

/// Words that are the object of a stance verb when it is not the motion: "bifaller
/// förvaltningens förslag", "avslår Sverigedemokraternas yrkande".
const OTHER_OBJECTS: &[&str] = &[
    "förslag",
    "yrkande",
    "tjänsteskrivelse",
    "tjänsteutlåtande",
    "yttrande",
    "ändringsyrkande",
    "tilläggsyrkande",
];

/// Whether a word of `stems` in `words` has the motion as its object: a "motion…" word at most
/// three words after it with no other object between ("avslå motionen", "bifall till
/// motionen", "tillstyrker delvis motionen"), or at most four words before it ("Motionen
/// avslås", "anse motionen besvarad", "motionen ska anses vara besvarad"), and the word itself is
/// not what a yrkande asks ("yrkande om bifall till motionen"). The second value: some word of
/// `stems` has another object (a proposal, a yrkande).
fn governed(words: &[&str], stems: &[&str]) -> (bool, bool) {
    let is_motion = |w: &&str| w.starts_with("motion");
    let is_other = |w: &&str| OTHER_OBJECTS.iter().any(|o| w.starts_with(o));
    let (mut motion, mut other) = (false, false);
    for (i, w) in words.iter().enumerate() {
        if !stems.iter().any(|s| w.starts_with(s)) {
            continue;
        }
        let asked = words[i.saturating_sub(2)..i]
            .iter()
            .any(|p| *p == "om" || p.starts_with("yrkande"));
        if asked {
            continue;
        }
        let after = &words[i + 1..(i + 4).min(words.len())];
        let before = &words[i.saturating_sub(4)..i];
        let object = after.iter().position(|a| is_motion(a) || is_other(a));
        match object {
            Some(k) if is_motion(&after[k]) => motion = true,
            Some(_) => other = true,
            None if before.iter().any(is_motion) => motion = true,
            None => {}
        }
    }
    (motion, other)
}

/// A stance read from a decision: the stance, the sentence, its lines, the rule, and why it is
/// uncertain ("adopts", "negated", "conflict").
type Reading = (
    Stance,
    String,
    (usize, usize),
    &'static str,
    Option<&'static str>,
);

/// The body's stance on the motion from its decision's paragraphs (text, first line, last
/// line).
fn motion_stance(decision: &[(String, usize, usize)]) -> Option<Reading> {
    let mut found: Vec<(Stance, String, (usize, usize), &'static str)> = Vec::new();
    let mut adopts: Option<(String, (usize, usize))> = None;
    for (para, first, last) in decision {
        for s in sentences(para) {
            let n = normalise(s);
            let words: Vec<&str> = n
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .collect();
            let motion = words.iter().any(|w| w.starts_with("motion"));
            // "lämnar ärendet utan eget yttrande", "avstår från att yttra sig över motionen",
            // "beslutar att inte yttra sig": the body does not answer.
            if NO_ANSWER.iter().any(|w| n.contains(w)) {
                found.push((
                    Stance::NoAnswer,
                    s.to_string(),
                    (*first, *last),
                    "protocol.decision_no_answer",
                ));
                continue;
            }
            let negated = words.iter().any(|w| matches!(*w, "inte" | "ej" | "icke"));
            // "bifaller förvaltningens förslag", "bifalla kommunstyrelsens förslag avseende
            // motionen": the body takes up a proposal, whose stance the decision does not say.
            let takes_up = governed(&words, STANCE_VERBS).1;
            let adopting = takes_up
                || n.contains("som svar på remissen")
                || n.contains("som nämndens yttrande")
                || n.contains("som sitt yttrande")
                || n.contains("som yttrande");
            if !motion {
                if adopting && adopts.is_none() {
                    adopts = Some((s.to_string(), (*first, *last)));
                }
                continue;
            }
            // A stance verb counts where the motion is its object ("avslå motionen", "bifall
            // till motionen", "Motionen avslås"), not a proposal or a yrkande ("avslår SD:s
            // yrkande om bifall till motionen").
            let has = |stems: &[&str]| governed(&words, stems).0;
            let spaced = format!(" {} ", words.join(" "));
            let partly = PARTLY.iter().any(|w| spaced.contains(w));
            let stance = if has(&["besvarad", "besvaras"]) {
                Some((Stance::Answered, "protocol.decision_answered"))
            } else if has(&["avslå", "avslås", "avstyrk"]) {
                Some((Stance::Reject, "protocol.decision_reject"))
            } else if has(&["bifall", "bifalla", "bifalls", "tillstyrk"]) {
                if partly {
                    Some((Stance::ApproveInPart, "protocol.decision_in_part"))
                } else {
                    Some((Stance::Approve, "protocol.decision_approve"))
                }
            } else {
                None
            };
            if stance.is_none() && adopting && adopts.is_none() {
                adopts = Some((s.to_string(), (*first, *last)));
            }
            if let Some((st, rule)) = stance {
                // "beslutar att inte tillstyrka motionen": a negated approval is a reject, as
                // the statement's reader takes it, but only uncertain; a negated reject or
                // answer settles nothing.
                if negated && matches!(st, Stance::Approve | Stance::ApproveInPart) {
                    return Some((
                        Stance::Reject,
                        s.to_string(),
                        (*first, *last),
                        "protocol.decision_negated_approve",
                        Some("negated_approve"),
                    ));
                }
                if negated {
                    return Some((
                        Stance::Unknown,
                        s.to_string(),
                        (*first, *last),
                        "protocol.decision_negated",
                        Some("negated"),
                    ));
                }
                found.push((st, s.to_string(), (*first, *last), rule));
            }
        }
    }
    match found.as_slice() {
        [] => adopts.map(|(s, lines)| {
            (
                Stance::Unknown,
                s,
                lines,
                "protocol.decision_adopts_opinion",
                Some("adopts"),
            )
        }),
        [(st, s, l, rule), rest @ ..] => {
            // "1. Motionens första att-sats bifalls. 2. Motionens andra att-sats avslås.": each
            // att-sats decided on its own, some approved and some not.
            let by_parts = found.iter().all(|(x, s, ..)| {
                matches!(x, Stance::Approve | Stance::Reject) && {
                    let n = normalise(s);
                    n.contains("att-sats") || n.contains("attsats")
                }
            }) && found.iter().any(|f| f.0 == Stance::Approve)
                && found.iter().any(|f| f.0 == Stance::Reject);
            if by_parts {
                let first = found
                    .iter()
                    .find(|f| f.0 == Stance::Approve)
                    .unwrap_or(&found[0]);
                Some((
                    Stance::ApproveInPart,
                    first.1.clone(),
                    first.2,
                    "protocol.decision_in_part",
                    None,
                ))
            } else if rest.iter().all(|(x, ..)| x == st) {
                Some((*st, s.clone(), *l, rule, None))
            } else {
                Some((
                    Stance::Unknown,
                    s.clone(),
                    *l,
                    "protocol.decision_conflict",
                    Some("conflict"),
                ))
            }
        }
    }
}

/// A decision that takes up a named proposal ("bifalla kommunstyrelsens förslag avseende
/// motionen") whose text the § holds under "Förslag till beslut" ("Kommunstyrelsen föreslår
/// kommunfullmäktige att avslå motionen"): the proposal's stance, still uncertain, with the
/// proposal's sentence as evidence. Only where the decision names the proposal's author (its
/// genitive) and the proposal states a stance cleanly; any other reading is kept.
fn follows_proposal(reading: Reading, proposal: &[(String, usize, usize)]) -> Reading {
    if reading.4 != Some("adopts") {
        return reading;
    }
    let n = normalise(&reading.1);
    let words: Vec<&str> = n.split_whitespace().collect();
    let Some(owner) = words
        .windows(2)
        .find(|w| w[1].starts_with("förslag"))
        .and_then(|w| w[0].strip_suffix('s'))
    else {
        return reading;
    };
    match motion_stance(proposal) {
        Some((stance, sentence, lines, _, None))
            if normalise(&sentence).starts_with(owner)
                && !matches!(stance, Stance::Unknown | Stance::NoAnswer) =>
        {
            (
                stance,
                sentence,
                lines,
                "protocol.decision_follows_proposal",
                Some("follows"),
            )
        }
        _ => reading,
    }
}

/// A sentence cut before each comma after which someone named with a party makes another
/// statement of the kind: "Karin Ek (M) reserverar sig …, Anna Ås (V) reserverar sig till
/// förmån för eget yrkande." is two reservations, not one of M's holding V's.
fn clauses<'a>(sentence: &'a str, triggers: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(k) = sentence[from..].find(", ") {
        let at = from + k;
        let rest = &sentence[at + 2..];
        let n = normalise(rest);
        let opens = rest.starts_with(char::is_uppercase)
            && triggers.iter().find_map(|t| n.find(t)).is_some_and(|t| {
                rest.get(..t)
                    .is_some_and(|who| has_names(who) && !who.contains(", "))
            });
        // The clause before must itself be a statement, not a list of names before one verb.
        let before = normalise(&sentence[start..at]);
        if opens && triggers.iter().any(|t| before.contains(t)) {
            out.push(sentence[start..at].trim());
            start = at + 2;
        }
        from = at + 2;
    }
    out.push(sentence[start..].trim());
    out
}

/// A part that says there is nothing under its heading: "Inga reservationer anmäldes.",
/// "Ingen.", "–". Such a paragraph opens no position.
fn says_none(para: &str) -> bool {
    let n = normalise(para);
    let n = n.trim().trim_end_matches('.').trim();
    if matches!(
        n,
        "-" | "–" | "—" | "inga" | "ingen" | "inget" | "nej" | "saknas"
    ) {
        return true;
    }
    ["inga ", "ingen ", "inget "]
        .iter()
        .any(|w| n.starts_with(w))
        && !has_names(para)
        && n.split(' ').count() <= 6
}

/// Parties named in a group phrase: "Vänsterpartiets fullmäktigegrupp", "Ledamöterna för
/// Moderaterna och Kristdemokraterna".
fn group_parties(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        if let Some(c) = super::phrases::party_of_name(w)
            && !out.iter().any(|x| x == c)
        {
            out.push(c.to_string());
        }
    }
    out
}

/// Whether a sentence names someone with a party: "Sven Åhl (SD) reserverar sig".
fn has_names(sentence: &str) -> bool {
    !names(sentence).parties.is_empty()
}

/// The names before a verb: "Anna Bergström (V) och Erik Sjögren (V) reserverar sig" → the
/// signatories; a chair's title and "X genom" are left out.
fn who(before: &str) -> (RByline, Vec<String>) {
    let mut t = before.trim();
    for prefix in [
        "Ordföranden ",
        "Ordförande ",
        "ordföranden ",
        "Vice ordföranden ",
        "Ersättaren ",
        "Ersättarna ",
    ] {
        t = t.strip_prefix(prefix).unwrap_or(t);
    }
    if let Some((_, after)) = t.split_once(" genom ") {
        t = after;
    }
    let b = names(t);
    let group = if b.parties.is_empty() {
        group_parties(before)
    } else {
        Vec::new()
    };
    (b, group)
}

/// A name as a genitive or plain, for matching a move: "Karin Viks" → "karin vik".
fn name_key(name: &str) -> String {
    let base = name.split('(').next().unwrap_or(name).trim();
    normalise(base)
}

fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    a == b || a.strip_suffix('s') == Some(b.as_str()) || b.strip_suffix('s') == Some(a.as_str())
}

/// The words for each choice in vote lists and tables.
const CHOICE_WORDS: &[(&str, Choice)] = &[
    ("ja", Choice::Yes),
    ("nej", Choice::No),
    ("avstår", Choice::Abstain),
    ("avstod", Choice::Abstain),
    ("frånvarande", Choice::Absent),
];

/// The members' votes in a table ("Ledamot  Ja  Nej  Avstår", a row per member with an X) or
/// lists ("Ja: A (S), B (S)").
fn member_votes(lines: &[&Line]) -> Vec<(String, Option<String>, Choice)> {
    let mut out = Vec::new();
    // Lists.
    for l in lines {
        let Some((label, written)) = l.text.split_once(':') else {
            continue;
        };
        let label = normalise(label);
        if let Some(&(_, choice)) = CHOICE_WORDS.iter().find(|(w, _)| *w == label) {
            for s in names(written).signatories {
                if s.name.chars().any(char::is_alphabetic) {
                    out.push((s.name, s.party, choice));
                }
            }
        }
    }
    if !out.is_empty() {
        return out;
    }
    // A table: the header's column positions.
    let Some(h) = lines.iter().position(|l| {
        let words: Vec<String> = l.text.split_whitespace().map(normalise).collect();
        words.iter().any(|w| w == "ja") && words.iter().any(|w| w == "nej")
    }) else {
        return out;
    };
    let header = &lines[h].text;
    let col = |word: &str| -> Option<usize> {
        let mut at = 0;
        for w in header.split_whitespace() {
            let k = header[at..].find(w).map(|k| at + k)?;
            if normalise(w) == word {
                return Some(header[..k].chars().count());
            }
            at = k + w.len();
        }
        None
    };
    let mut cols: Vec<(usize, Choice)> = Vec::new();
    for &(w, c) in CHOICE_WORDS {
        if let Some(x) = col(w) {
            cols.push((x, c));
        }
    }
    let party_col = col("parti");
    for l in &lines[h + 1..] {
        let t = &l.text;
        let Some(x_at) = t.rfind(['X', 'x']).filter(|&k| {
            let before = t[..k].chars().last();
            let after = t[k + 1..].chars().next();
            before.is_some_and(char::is_whitespace) && after.is_none_or(char::is_whitespace)
        }) else {
            if !t.trim().is_empty() && !out.is_empty() {
                break;
            }
            continue;
        };
        let x_col = t[..x_at].chars().count();
        let Some(&(_, choice)) = cols
            .iter()
            .min_by_key(|(c, _)| (*c as i64 - x_col as i64).abs())
        else {
            continue;
        };
        let name_part = t.split("  ").next().unwrap_or("").trim();
        let b = names(name_part);
        let Some(s) = b.signatories.first() else {
            continue;
        };
        let party = s.party.clone().or_else(|| {
            let pc = party_col?;
            let rest: String = t.chars().skip(pc).collect();
            rest.split_whitespace().next().and_then(code_of)
        });
        out.push((s.name.clone(), party, choice));
    }
    out
}

/// The counts of a vote in its text: "Med 9 ja-röster mot 2 nej-röster, 2 avstår",
/// "Omröstningsresultat: 8 ja, 2 nej, 1 avstår".
fn counts(text: &str) -> Tally {
    let mut t = Tally::default();
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| normalise(w.trim_matches(|c: char| c == ',' || c == '.' || c == ';' || c == ':')))
        .collect();
    for (k, w) in words.iter().enumerate() {
        let Ok(n) = w.parse::<u32>() else { continue };
        let next = words.get(k + 1).map(String::as_str).unwrap_or("");
        let next2 = words.get(k + 2).map(String::as_str).unwrap_or("");
        let slot = match next {
            "ja" | "ja-röster" | "ja-röst" | "jaröster" => &mut t.yes,
            "nej" | "nej-röster" | "nej-röst" | "nejröster" => &mut t.no,
            "avstår" | "avstod" | "avstående" | "nedlagda" => &mut t.abstain,
            "frånvarande" => &mut t.absent,
            "ledamöter" | "ledamot" if matches!(next2, "avstår" | "avstod") => &mut t.abstain,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(n);
        }
    }
    t
}

/// "Ja-röst för ordförandens yrkande, nej-röst för Anna Bergströms (V) yrkande."
fn proposition(text: &str, label: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find(label)? + label.len();
    let rest = &text[text.char_indices().map(|(i, _)| i).find(|&i| i >= at)?..];
    let end = rest
        .to_lowercase()
        .find([',', '.'])
        .filter(|_| true)
        .unwrap_or(rest.len());
    let mut out = rest[..end].trim().to_string();
    // Keep "(V)" and the like whole: a cut inside a parenthesis goes to its end.
    if out.matches('(').count() > out.matches(')').count()
        && let Some(close) = rest[end..].find(')')
    {
        out = rest[..end + close + 1].trim().to_string();
    }
    (!out.is_empty()).then_some(out)
}

/// What one § gives: its point, positions, sections and the body's decision.
struct Read {
    point: PointOut,
    positions: Vec<PositionOut>,
    sections: Vec<SectionOut>,
    decision: Vec<String>,
    parties: Vec<String>,
    authors: Vec<Signatory>,
    warnings: Vec<Warning>,
}

fn read_paragraph(pr: &Protocol, p: &Paragraph, body_id: &str, point_id: &str, lang: Lang) -> Read {
    let mut warnings = Vec::new();
    let mut parties: Vec<String> = Vec::new();
    let mut note_parties = |ps: &[String]| {
        for c in ps {
            if !parties.contains(c) {
                parties.push(c.clone());
            }
        }
    };
    let line_no = |k: usize| pr.lines.get(k).map_or(1, |l| l.no);
    let decision = pr.decision_paras(p);
    let proposal = pr.part_paras(p, Part::Proposal);
    // Moves.
    let mut moves: Vec<MoveOut> = Vec::new();
    for (para, ..) in pr.part_paras(p, Part::Moves) {
        for s in sentences(&para) {
            let Some(at) = s.find(" yrkar ") else {
                continue;
            };
            let (b, _) = who(&s[..at]);
            let text = s[at + " yrkar ".len()..]
                .trim()
                .trim_end_matches('.')
                .to_string();
            for sig in &b.signatories {
                moves.push(MoveOut {
                    name: sig.name.clone(),
                    party: sig.party.clone(),
                    text: text.clone(),
                });
            }
            note_parties(&b.parties);
        }
    }
    // Propositions and the vote.
    let propositions: Vec<String> = pr
        .part_paras(p, Part::Propositions)
        .into_iter()
        .map(|x| x.0)
        .collect();
    let vote_paras = pr.part_paras(p, Part::Vote);
    let vote_text = vote_paras
        .iter()
        .chain(pr.part_paras(p, Part::Propositions).iter())
        .map(|x| x.0.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let tally = counts(&vote_text);
    let mut members = member_votes(&pr.part_lines(p, Part::Vote));
    let voted = !vote_paras.is_empty()
        && (!tally.is_empty() || !members.is_empty() || normalise(&vote_text).contains("votering"));
    if !members.is_empty() {
        let consistent = Choice::ALL.iter().all(|c| {
            tally
                .get(*c)
                .is_none_or(|n| members.iter().filter(|m| m.2 == *c).count() == n as usize)
        });
        if !consistent {
            warnings.push(Warning {
                line: line_no(p.head),
                kind: WarningKind::VoteListDisagrees {
                    paragraph: p.number,
                },
            });
            members.clear();
        }
    }
    for m in &members {
        if let Some(party) = &m.1 {
            note_parties(std::slice::from_ref(party));
        }
    }
    let vote = if voted {
        Some(VoteOut {
            method: VoteMethod::Vote,
            tally,
            yes_for: proposition(&vote_text, "ja-röst för "),
            no_for: proposition(&vote_text, "nej-röst för "),
            winner: None,
            parties: Vec::new(),
            members: members.clone(),
        })
    } else if !propositions.is_empty() {
        Some(VoteOut {
            method: VoteMethod::Acclamation,
            tally: Tally::default(),
            yes_for: None,
            no_for: None,
            winner: None,
            parties: Vec::new(),
            members: Vec::new(),
        })
    } else {
        None
    };

    let mut positions: Vec<PositionOut> = Vec::new();
    // The body's stance on the motion.
    let about_motion = normalise(&p.title).contains("motion");
    let reading =
        motion_stance(&decision).map(|r| follows_proposal(r, &pr.part_paras(p, Part::Proposal)));
    if about_motion && let Some((stance, sentence, lines, rule, why)) = reading {
        let mut po = PositionOut::new(body_id, stance);
        po.points = vec![point_id.to_string()];
        // A body that does not answer has no text of its own (the decision stays the body's).
        if stance != Stance::NoAnswer {
            po.paragraphs = decision.iter().map(|d| d.0.clone()).collect();
        }
        let mut ev = inferred(
            Fact::Stance,
            rule,
            &sentence,
            (line_no_of(pr, lines.0), line_no_of(pr, lines.1)),
        );
        if let Some(why) = why {
            ev = uncertain(ev,
                match (why, lang) {
                    ("adopts", Lang::En) => "the decision takes up a proposal or opinion whose stance this protocol does not state",
                    ("adopts", Lang::Sv) => "beslutet antar ett förslag eller yttrande vars ställningstagande inte står i protokollet",
                    ("follows", Lang::En) => "the decision takes up the proposal under 'Förslag till beslut'; its stance is the proposal's",
                    ("follows", Lang::Sv) => "beslutet antar förslaget under ”Förslag till beslut”; ställningstagandet är förslagets",
                    ("negated_approve", Lang::En) => "a negated approval, read as a reject",
                    ("negated_approve", Lang::Sv) => "en nekad tillstyrkan, läst som avstyrkan",
                    ("negated", Lang::En) => "the decision's sentence is negated",
                    ("negated", Lang::Sv) => "beslutsmeningen är nekad",
                    (_, Lang::En) => "the decision's sentences disagree",
                    (_, Lang::Sv) => "beslutets meningar motsäger varandra",
                }
                .to_string(),
            );
            warnings.push(Warning {
                line: lines.0,
                kind: WarningKind::StanceNotSettled {
                    body: pr.body.clone().unwrap_or_default(),
                    stance: stance.as_str().to_string(),
                },
            });
        }
        po.evidence.push(ev);
        positions.push(po);
    }
    // Reservations, special statements, protocol notes.
    for (part, stance, triggers, rule) in [
        (
            Part::Reservation,
            Stance::Reservation,
            &["reserverar sig", "reserverade sig", "reservation"][..],
            "protocol.reservation",
        ),
        (
            Part::Statement,
            Stance::SpecialStatement,
            &[
                "särskilt yttrande",
                "särskilda yttranden",
                "särskilt uttalande",
            ][..],
            "protocol.special_statement",
        ),
        (
            Part::Note,
            Stance::ProtocolNote,
            &["antecknar", "protokollsanteckning", "till protokollet"][..],
            "protocol.protocol_note",
        ),
        (
            Part::Substitute,
            Stance::SubstituteStatement,
            &["ersättaryttrande", "ersättaren", "ersättarna"][..],
            "protocol.substitute_statement",
        ),
    ] {
        // Blocks: a sentence that names who and holds the trigger starts one ("Sven Åhl (SD)
        // reserverar sig mot beslutet."), also inside a paragraph; the sentences and
        // paragraphs after it are its text.
        let mut blocks: Vec<Vec<(String, usize, usize)>> = Vec::new();
        for (para, first, last) in pr.part_paras(p, part) {
            if says_none(&para) {
                continue;
            }
            let mut current = String::new();
            for sen in sentences(&para)
                .into_iter()
                .flat_map(|sen| clauses(sen, triggers))
            {
                let n = normalise(sen);
                let starts = triggers.iter().any(|t| n.contains(t))
                    && (has_names(sen) || !group_parties(sen).is_empty() || blocks.is_empty());
                if starts {
                    if !current.is_empty()
                        && let Some(b) = blocks.last_mut()
                    {
                        b.push((std::mem::take(&mut current), first, last));
                    }
                    current.clear();
                    blocks.push(Vec::new());
                }
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(sen);
            }
            if !current.is_empty() {
                match blocks.last_mut() {
                    Some(b) => b.push((current, first, last)),
                    None => blocks.push(vec![(current, first, last)]),
                }
            }
        }
        blocks.retain(|b| !b.is_empty());
        for block in blocks {
            let (first, ..) = &block[0];
            let sentence = sentences(first)
                .into_iter()
                .find(|s| {
                    let n = normalise(s);
                    triggers.iter().any(|t| n.contains(t))
                })
                .unwrap_or(first)
                .to_string();
            let n = normalise(&sentence);
            let verb_at = [
                " reserverar sig",
                " reserverade sig",
                " lämnar",
                " avger",
                " anmäler",
                " antecknar",
                " får antecknat",
            ]
            .iter()
            .filter_map(|v| n.find(v))
            .min();
            let before = match verb_at {
                // The same offset in the sentence as written (normalise keeps lengths for
                // text without runs of white space, as sentences here are).
                Some(k) => sentence.get(..k).unwrap_or(""),
                // "Reservation anfördes av Peter Holm (SD) enligt följande.": the names
                // after "av".
                None => n
                    .find(" av ")
                    .and_then(|k| sentence.get(k + " av ".len()..))
                    .map_or("", |rest| {
                        let cut = [" enligt ", " med följande", ":"]
                            .iter()
                            .filter_map(|c| rest.find(c))
                            .min()
                            .unwrap_or(rest.len());
                        rest[..cut].trim_end_matches('.')
                    }),
            };
            let (b, group) = who(before);
            let mut po = PositionOut::new(body_id, stance);
            po.points = vec![point_id.to_string()];
            po.signatories = b
                .signatories
                .iter()
                .filter(|s| s.party.is_some() || b.parties.is_empty())
                .cloned()
                .collect();
            if po.signatories.iter().all(|s| s.party.is_none()) {
                po.signatories.clear();
            }
            po.parties = if b.parties.is_empty() {
                group.clone()
            } else {
                Vec::new()
            };
            if b.unassigned {
                po.parties = b.parties.clone();
            }
            let byline_text = crate::text::squash_whitespace(before);
            if !byline_text.is_empty()
                && crate::model::signature_line(&po.signatories) != byline_text
            {
                po.byline = Some(byline_text.clone());
            }
            note_parties(&b.parties);
            note_parties(&group);
            po.paragraphs = block.iter().map(|x| x.0.clone()).collect();
            let lines = (line_no_of(pr, block[0].1), line_no_of(pr, block[0].2));
            po.evidence
                .push(inferred(Fact::Stance, rule, &sentence, lines));
            // The body: the one whose protocol this is, as its head names it.
            if let Some((line, no)) = &pr.body_source {
                po.evidence
                    .push(inferred(Fact::Body, "protocol.header", line, (*no, *no)));
            }
            let all_parties: Vec<String> = if b.parties.is_empty() {
                group.clone()
            } else {
                b.parties.clone()
            };
            if !all_parties.is_empty() {
                po.evidence.push(inferred(
                    Fact::Parties,
                    if b.parties.is_empty() {
                        "protocol.party_group"
                    } else {
                        "protocol.names"
                    },
                    if byline_text.is_empty() {
                        &sentence
                    } else {
                        &byline_text
                    },
                    lines,
                ));
            } else {
                warnings.push(Warning {
                    line: lines.0,
                    kind: WarningKind::NoParties {
                        what: format!("{} (§ {})", lang.stance_lower(stance, false), p.number),
                    },
                });
            }
            // The yrkande a reservation is for: its own, or someone's.
            if stance == Stance::Reservation {
                let lower = normalise(&sentence);
                if let Some(at) = lower.find("till förmån för ") {
                    let whose = &lower[at + "till förmån för ".len()..];
                    let mine = whose.starts_with("eget") || whose.starts_with("egna");
                    let named = whose.split(" yrkande").next().unwrap_or("");
                    for m in &moves {
                        let is = if mine {
                            b.signatories.iter().any(|s| same_person(&s.name, &m.name))
                        } else {
                            same_person(named, &m.name)
                        };
                        if is && !po.proposals.contains(&m.text) {
                            po.proposals.push(m.text.clone());
                        }
                    }
                }
            }
            positions.push(po);
        }
    }
    // The texts of the matter, and jäv.
    let mut sections = Vec::new();
    for &(part, ref heading, a, b) in &p.parts {
        if matches!(part, Part::Text | Part::Jav) {
            let paragraphs: Vec<String> = pr.paras(a, b).into_iter().map(|x| x.0).collect();
            if !paragraphs.is_empty() {
                sections.push(SectionOut {
                    id: String::new(),
                    title: heading.clone(),
                    paragraphs,
                });
            }
        }
    }
    // The motion's authors: "Motion av Anna Bergström (V) om …", "Ulf Strand (MP) föreslår i
    // en motion".
    let mut authors = Vec::new();
    let t = &p.title;
    if let Some(at) = normalise(t).find("motion av ") {
        let rest = &t[at + "motion av ".len()..];
        let cut = rest.find(" om ").unwrap_or(rest.len());
        authors = names(&rest[..cut]).signatories;
    }
    if authors.is_empty() {
        for (para, ..) in p
            .parts
            .iter()
            .filter(|x| x.0 == Part::Text)
            .flat_map(|&(_, _, a, b)| pr.paras(a, b))
        {
            for s in sentences(&para) {
                let n = normalise(s);
                if let Some(k) = n
                    .find(" föreslår i en motion")
                    .or_else(|| n.find(" har i en motion"))
                {
                    authors = names(s.get(..k).unwrap_or("")).signatories;
                    break;
                }
            }
            if !authors.is_empty() {
                break;
            }
        }
    }
    authors.retain(|a| a.party.is_some());
    for a in &authors {
        if let Some(c) = &a.party {
            note_parties(std::slice::from_ref(c));
        }
    }
    let decision_texts: Vec<String> = decision.iter().map(|d| d.0.clone()).collect();
    let point = PointOut {
        id: point_id.to_string(),
        title: if point_id.contains('-') {
            format!("{} § {}", pr.body.as_deref().unwrap_or(""), p.number)
                .trim()
                .to_string()
        } else {
            format!("§ {} {}", p.number, p.title).trim().to_string()
        },
        body: Some(body_id.to_string()),
        proposal: proposal.into_iter().map(|x| x.0).collect(),
        decision: decision_texts.clone(),
        moves,
        propositions,
        vote,
        notes: vec![match lang {
            Lang::En => format!("§ {} of {}, line {}.", p.number, pr.name, line_no(p.head)),
            Lang::Sv => format!("§ {} i {}, rad {}.", p.number, pr.name, line_no(p.head)),
        }],
    };
    Read {
        point,
        positions,
        sections,
        decision: decision_texts,
        parties,
        authors,
        warnings,
    }
}

fn line_no_of(_pr: &Protocol, no: usize) -> usize {
    no.max(1)
}

/// The matter a § is about, for matching extracts: its motion's title in lower case ("motion av
/// anna bergström (v) om avgiftsfria bussresor för unga").
fn matter(title: &str) -> Option<String> {
    let n = normalise(title);
    let at = n.find("motion")?;
    Some(n[at..].trim_end_matches(['.', ',']).to_string())
}

fn party_decl(code: &str) -> PartyOut {
    let info = super::phrases::party(code);
    let name = info
        .map(|i| i.name)
        .or_else(|| {
            super::riksdag::PARTY_CODES
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, n)| *n)
        })
        .unwrap_or(code);
    PartyOut {
        code: code.to_string(),
        name: name.to_string(),
        colour: info.map(|i| i.colour),
    }
}

/// One document's chosen §§ with their protocol.
struct Chosen {
    protocol: Protocol,
    paragraphs: Vec<usize>,
}

/// Import protocols: one document (one case per § with positions, or `--paragraph`), or the
/// extracts of one matter from several bodies (one case).
pub fn import_many(docs: &[Document], opts: &Options, lang: Lang) -> Result<Outcome, Refusal> {
    let protocols: Vec<Protocol> = docs.iter().map(read).collect();
    let mut chosen: Vec<Chosen> = Vec::new();
    for (k, pr) in protocols.into_iter().enumerate() {
        let picks: Vec<usize> = match opts.paragraph {
            Some(n) if docs.len() == 1 => {
                let found: Vec<usize> = (0..pr.paragraphs.len())
                    .filter(|&i| pr.paragraphs[i].number == n)
                    .collect();
                if found.is_empty() {
                    return Err(Refusal::NoSuchParagraph { paragraph: n });
                }
                found
            }
            _ => (0..pr.paragraphs.len())
                .filter(|&i| pr.has_positions(&pr.paragraphs[i]))
                .collect(),
        };
        if picks.is_empty() {
            return Err(Refusal::NoParagraphWithPositions { file: k });
        }
        chosen.push(Chosen {
            protocol: pr,
            paragraphs: picks,
        });
    }
    if chosen.len() == 1 {
        let c = &chosen[0];
        let mut cases = Vec::new();
        let mut warnings = Vec::new();
        for &i in &c.paragraphs {
            let (case, w) = build(&[(&c.protocol, i)], false, lang);
            let mut w: Vec<Warning> = w.into_iter().flatten().collect();
            let toml = super::out::write(&case, lang);
            let (toml, loaded) = super::checked(toml, &docs[0].text, &docs[0].name, &mut w, lang);
            warnings.append(&mut w);
            cases.push(super::CaseText {
                label: format!("§ {}", c.protocol.paragraphs[i].number),
                hint: crate::text::slug(&format!(
                    "{}-{}",
                    c.protocol.body.as_deref().unwrap_or("protokoll"),
                    c.protocol.paragraphs[i].number
                )),
                toml,
                case: loaded,
            });
        }
        warnings.sort_by_key(|w| w.line);
        let numbers: Vec<String> = c
            .paragraphs
            .iter()
            .map(|&i| format!("§ {}", c.protocol.paragraphs[i].number))
            .collect();
        return Ok(Outcome {
            cases,
            files: vec![FileReport {
                name: docs[0].name.clone(),
                genre: Some(Genre::Protocol),
                found: found_line(&c.protocol, &numbers, lang),
                warnings,
            }],
        });
    }
    // Several extracts: the § of each that is about the matter they share.
    // Per document: (§ index, dnr, matter) of each § with positions.
    type Key = (usize, Option<String>, Option<String>);
    let keys: Vec<Vec<Key>> = chosen
        .iter()
        .map(|c| {
            c.paragraphs
                .iter()
                .map(|&i| {
                    let p = &c.protocol.paragraphs[i];
                    (i, p.dnr.clone(), matter(&p.title))
                })
                .collect()
        })
        .collect();
    let shares = |a: &(usize, Option<String>, Option<String>),
                  b: &(usize, Option<String>, Option<String>)| {
        (a.1.is_some() && a.1 == b.1) || (a.2.is_some() && a.2 == b.2)
    };
    let mut picks: Vec<(usize, usize)> = Vec::new();
    for (d, ks) in keys.iter().enumerate() {
        let linked: Vec<usize> = ks
            .iter()
            .filter(|k| {
                keys.iter()
                    .enumerate()
                    .any(|(e, other)| e != d && other.iter().any(|o| shares(k, o)))
            })
            .map(|k| k.0)
            .collect();
        match linked.as_slice() {
            [one] => picks.push((d, *one)),
            _ => return Err(Refusal::Mixed { file: d }),
        }
    }
    let parts: Vec<(&Protocol, usize)> = picks
        .iter()
        .map(|&(d, i)| (&chosen[d].protocol, i))
        .collect();
    let (case, mut warnings) = build(&parts, true, lang);
    let mut fallback = Vec::new();
    let toml = super::out::write(&case, lang);
    let joined: String = docs
        .iter()
        .map(|d| d.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (toml, loaded) = super::checked(toml, &joined, &docs[0].name, &mut fallback, lang);
    if let Some(first) = warnings.first_mut() {
        first.extend(fallback);
    }
    let files = picks
        .iter()
        .enumerate()
        .map(|(k, &(d, i))| FileReport {
            name: docs[d].name.clone(),
            genre: Some(Genre::Protocol),
            found: found_line(
                &chosen[d].protocol,
                &[format!("§ {}", chosen[d].protocol.paragraphs[i].number)],
                lang,
            ),
            warnings: {
                let mut w = std::mem::take(&mut warnings[k]);
                w.sort_by_key(|w| w.line);
                w
            },
        })
        .collect();
    Ok(Outcome {
        cases: vec![super::CaseText {
            label: case.dnr.clone(),
            hint: crate::text::slug(&case.dnr),
            toml,
            case: loaded,
        }],
        files,
    })
}

fn found_line(pr: &Protocol, numbers: &[String], lang: Lang) -> String {
    let body = pr.body.as_deref().unwrap_or("?");
    match lang {
        Lang::En => format!("{body}, {}", numbers.join(", ")),
        Lang::Sv => format!("{body}, {}", numbers.join(", ")),
    }
}

/// The case of one or more §§ (one per body): bodies in meeting order, a point per §.
fn build(parts: &[(&Protocol, usize)], several: bool, lang: Lang) -> (CaseOut, Vec<Vec<Warning>>) {
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&k| parts[k].0.date);
    let mut out = CaseOut {
        kind: Some(CaseKind::Other),
        ..CaseOut::default()
    };
    // Each part's warnings: their lines are that document's.
    let mut warnings: Vec<Vec<Warning>> = vec![Vec::new(); parts.len()];
    let mut parties: Vec<String> = Vec::new();
    let mut authors: Vec<Signatory> = Vec::new();
    let mut dnrs: Vec<String> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    for &k in &order {
        let (pr, i) = parts[k];
        let p = &pr.paragraphs[i];
        let body_name = pr.body.clone().unwrap_or_else(|| {
            warnings[k].push(Warning {
                line: 1,
                kind: WarningKind::NoBody,
            });
            lang.pick("The body", "Organet").to_string()
        });
        let mut body_id = crate::text::slug(&body_name);
        if body_id.is_empty() {
            body_id = "body".into();
        }
        while out.bodies.iter().any(|b| b.id == body_id) {
            body_id.push_str("-2");
        }
        let point_id = if several {
            format!("{body_id}-{}", p.number)
        } else {
            p.number.to_string()
        };
        let read = read_paragraph(pr, p, &body_id, &point_id, lang);
        for c in &read.parties {
            if !parties.contains(c) {
                parties.push(c.clone());
                // A local party ("(SJVP)") is kept as written, and said.
                if super::phrases::party(c).is_none()
                    && !super::riksdag::PARTY_CODES.iter().any(|(k, _)| k == c)
                {
                    warnings[k].push(Warning {
                        line: pr.lines.get(p.head).map_or(1, |l| l.no),
                        kind: WarningKind::UnknownParty { code: c.clone() },
                    });
                }
            }
        }
        for a in read.authors {
            if !authors.iter().any(|x| x.name == a.name) {
                authors.push(a);
            }
        }
        out.bodies.push(BodyOut {
            id: body_id.clone(),
            name: body_name,
            kind: body_kind(pr.body.as_deref().unwrap_or("")),
            meeting_date: pr.date,
            decision: read.decision,
            evidence: pr
                .date_source
                .iter()
                .map(|(line, no)| {
                    inferred(Fact::MeetingDate, "protocol.header_date", line, (*no, *no))
                })
                .collect(),
        });
        for mut s in read.sections {
            let base = crate::text::slug(&format!(
                "{}{}",
                if several {
                    format!("{body_id}-")
                } else {
                    String::new()
                },
                s.title
            ));
            let mut id = if base.is_empty() {
                "text".to_string()
            } else {
                base
            };
            let stem = id.clone();
            let mut m = 2;
            while out.sections.iter().any(|x| x.id == id) {
                id = format!("{stem}-{m}");
                m += 1;
            }
            s.id = id;
            out.sections.push(s);
        }
        out.points.push(read.point);
        out.positions.extend(read.positions);
        warnings[k].extend(read.warnings);
        if let Some(d) = &p.dnr {
            dnrs.push(d.clone());
        } else {
            warnings[k].push(Warning {
                line: pr.lines.get(p.head).map_or(1, |l| l.no),
                kind: WarningKind::NoDnr,
            });
        }
        titles.push(p.title.clone());
        if out.municipality.is_none() {
            out.municipality = pr.municipality.clone();
        }
        out.artefacts.extend(pr.artefacts.iter().copied());
        out.date = pr.date.or(out.date);
    }
    // The case's dnr: one that several extracts share, else the last body's.
    out.dnr = dnrs
        .iter()
        .find(|d| dnrs.iter().filter(|x| x == d).count() > 1)
        .or(dnrs.last())
        .cloned()
        .unwrap_or_else(|| lang.pick("unknown", "okänt").to_string());
    // The title: the shortest that is the motion's own ("Motion av … om …").
    out.title = titles
        .iter()
        .filter(|t| normalise(t).starts_with("motion"))
        .min_by_key(|t| t.len())
        .or(titles.last())
        .cloned()
        .unwrap_or_default();
    if titles.iter().any(|t| normalise(t).contains("motion")) {
        out.kind = Some(CaseKind::Motion);
    }
    out.source_file = parts
        .iter()
        .map(|(pr, _)| pr.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    out.source_title = Some(
        parts
            .iter()
            .map(|(pr, i)| {
                format!(
                    "{} § {}",
                    pr.body.as_deref().unwrap_or("?"),
                    pr.paragraphs[*i].number
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    );
    parties.sort_by_key(|c| {
        super::phrases::PARTIES
            .iter()
            .position(|p| p.code == c)
            .unwrap_or(usize::MAX)
    });
    out.parties = parties.iter().map(|c| party_decl(c)).collect();
    out.authors = authors;
    out.settle_ids();
    (out, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_headings() {
        assert_eq!(paragraph_heading("§ 45"), Some(45));
        assert_eq!(paragraph_heading("§ 61 Val av justerare"), Some(61));
        assert_eq!(paragraph_heading("SN § 23        SN 2025/118"), Some(23));
        assert_eq!(paragraph_heading("45 § Motion"), Some(45));
        assert_eq!(paragraph_heading("§§ 1-4"), None);
        assert_eq!(paragraph_heading("enligt 4 § lagen"), None);
        assert_eq!(
            paragraph_heading("Kultur- och fritidsnämndens protokoll § 34"),
            None
        );
    }

    #[test]
    fn dnrs_dates_bodies() {
        assert_eq!(dnr_in("Dnr KS 2025/412").as_deref(), Some("KS 2025/412"));
        assert_eq!(
            dnr_in("SN § 23     SN 2025/118").as_deref(),
            Some("SN 2025/118")
        );
        assert_eq!(dnr_in("Dnr 0412/25").as_deref(), Some("0412/25"));
        assert_eq!(dnr_in("kl. 13.00 2026/31"), None);
        assert_eq!(
            body_in("Socialnämnden 2026-02-17").as_deref(),
            Some("Socialnämnden")
        );
        assert_eq!(
            body_in("Kultur- och fritidsnämnden").as_deref(),
            Some("Kultur- och fritidsnämnden")
        );
        assert_eq!(body_in("Utdrag ur sammanträdesprotokoll"), None);
        assert_eq!(
            municipality_in("NORRVIKS KOMMUN        SAMMANTRÄDESPROTOKOLL").as_deref(),
            Some("Norrviks kommun")
        );
        assert_eq!(
            date_in("Sammanträdesdatum 2026-03-11")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-03-11")
        );
    }

    #[test]
    fn counts_and_propositions() {
        let t = counts("Med 9 ja-röster mot 2 nej-röster, 2 avstår, beslutar kommunstyrelsen");
        assert_eq!(
            (t.yes, t.no, t.abstain, t.absent),
            (Some(9), Some(2), Some(2), None)
        );
        let t = counts("Omröstningsresultat: 8 ja, 2 nej, 1 avstår.");
        assert_eq!((t.yes, t.no, t.abstain), (Some(8), Some(2), Some(1)));
        let t = counts("45 ja-röster, 8 nej-röster, 6 avstår och 2 frånvarande");
        assert_eq!(t.absent, Some(2));
        assert_eq!(
            proposition(
                "Ja-röst för ordförandens yrkande, nej-röst för Anna Bergströms (V) yrkande.",
                "nej-röst för "
            )
            .as_deref(),
            Some("Anna Bergströms (V) yrkande")
        );
    }

    #[test]
    fn stances_from_decisions() {
        let d = |s: &str| vec![(s.to_string(), 1, 1)];
        assert_eq!(
            motion_stance(&d("1. Motionen avslås.")).unwrap().0,
            Stance::Reject
        );
        assert_eq!(
            motion_stance(&d("Motionen anses besvarad.")).unwrap().0,
            Stance::Answered
        );
        assert_eq!(
            motion_stance(&d("Motionen bifalls.")).unwrap().0,
            Stance::Approve
        );
        assert_eq!(
            motion_stance(&d("Nämnden tillstyrker motionen delvis."))
                .unwrap()
                .0,
            Stance::ApproveInPart
        );
        let (st, .., why) =
            motion_stance(&d("Nämnden beslutar att inte tillstyrka motionen.")).unwrap();
        assert_eq!((st, why), (Stance::Reject, Some("negated_approve")));
        let (st, .., why) = motion_stance(&d("Nämnden beslutar att inte avslå motionen.")).unwrap();
        assert_eq!((st, why), (Stance::Unknown, Some("negated")));
        let (st, .., why) = motion_stance(&d("Socialnämnden godkänner förvaltningens tjänsteskrivelse och överlämnar den som svar på remissen.")).unwrap();
        assert_eq!((st, why), (Stance::Unknown, Some("adopts")));
        assert!(motion_stance(&d("Kommunstyrelsen tackar för informationen.")).is_none());
        // Parts in other words.
        for s in [
            "Nämnden tillstyrker motionen i delar.",
            "Nämnden tillstyrker delvis motionen enligt förvaltningens förslag.",
            "Nämnden tillstyrker motionen till viss del.",
        ] {
            assert_eq!(
                motion_stance(&d(s)).unwrap().0,
                Stance::ApproveInPart,
                "{s}"
            );
        }
        // A body that does not answer: no_answer, whether or not the sentence names the
        // motion.
        for s in [
            "Miljö- och hälsoskyddsnämnden lämnar ärendet utan eget yttrande.",
            "Byggnadsnämnden beslutar att avstå från att yttra sig över motionen.",
            "Nämnden beslutar att inte yttra sig över remissen.",
        ] {
            let (st, _, _, rule, why) = motion_stance(&d(s)).unwrap();
            assert_eq!(
                (st, rule, why),
                (Stance::NoAnswer, "protocol.decision_no_answer", None),
                "{s}"
            );
        }
    }

    #[test]
    fn a_stance_verb_counts_only_with_the_motion_as_its_object() {
        let d = |s: &str| vec![(s.to_string(), 1, 1)];
        // A proposal taken up: its stance is not in the decision.
        for s in [
            "Socialnämnden bifaller förvaltningens förslag och överlämnar tjänsteskrivelsen som nämndens yttrande över motionen till kommunstyrelsen.",
            "Kommunfullmäktige beslutar att bifalla kommunstyrelsens förslag avseende motionen.",
        ] {
            let (st, .., why) = motion_stance(&d(s)).unwrap();
            assert_eq!((st, why), (Stance::Unknown, Some("adopts")), "{s}");
        }
        // A yrkande rejected is not the motion rejected.
        assert_eq!(
            motion_stance(&d("Kommunstyrelsen avslår Sverigedemokraternas yrkande om bifall till motionen och föreslår kommunfullmäktige att anse motionen besvarad.")).unwrap().0,
            Stance::Answered
        );
        for (s, want) in [
            (
                "Kommunfullmäktige beslutar att bifalla motionen.",
                Stance::Approve,
            ),
            (
                "Kommunstyrelsen föreslår kommunfullmäktige att avslå motionen.",
                Stance::Reject,
            ),
            ("1. Motionen avslås.", Stance::Reject),
            (
                "Nämnden tillstyrker delvis motionen.",
                Stance::ApproveInPart,
            ),
            (
                "Kommunstyrelsen föreslår kommunfullmäktige besluta att anse motionen besvarad.",
                Stance::Answered,
            ),
            (
                "Kommunfullmäktige beslutar att motionen ska anses vara besvarad.",
                Stance::Answered,
            ),
        ] {
            assert_eq!(motion_stance(&d(s)).unwrap().0, want, "{s}");
        }
    }

    #[test]
    fn two_statements_in_one_sentence_are_two() {
        let t = &["reserverar sig"][..];
        assert_eq!(
            clauses(
                "Karin Ek (M) och Sven Berg (KD) reserverar sig mot beslutet till förmån för Karin Eks yrkande, Anna Ås (V) reserverar sig till förmån för eget yrkande.",
                t
            ),
            [
                "Karin Ek (M) och Sven Berg (KD) reserverar sig mot beslutet till förmån för Karin Eks yrkande",
                "Anna Ås (V) reserverar sig till förmån för eget yrkande.",
            ]
        );
        // A list of names before one verb stays one clause.
        assert_eq!(
            clauses(
                "Anna Ek (S), Per Ås (V) och Eva Lind (MP) reserverar sig mot beslutet.",
                t
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_decision_taking_up_a_named_proposal_follows_it_uncertain() {
        let d = |s: &str| vec![(s.to_string(), 1, 1)];
        let decision =
            d("Kommunfullmäktige beslutar att bifalla kommunstyrelsens förslag avseende motionen.");
        let proposal = d("Kommunstyrelsen föreslår kommunfullmäktige att avslå motionen.");
        let r = follows_proposal(motion_stance(&decision).unwrap(), &proposal);
        assert_eq!(
            (r.0, r.3, r.4),
            (
                Stance::Reject,
                "protocol.decision_follows_proposal",
                Some("follows")
            )
        );
        // Another author's proposal is not followed.
        let other = d("Förvaltningen föreslår att nämnden tillstyrker motionen.");
        let r = follows_proposal(motion_stance(&decision).unwrap(), &other);
        assert_eq!((r.0, r.4), (Stance::Unknown, Some("adopts")));
    }

    #[test]
    fn att_satser_decided_one_by_one() {
        let d = vec![
            ("Kommunfullmäktige beslutar 1. Motionens första att-sats bifalls. 2. Motionens andra att-sats avslås.".to_string(), 1, 3),
        ];
        let (st, sentence, _, rule, why) = motion_stance(&d).unwrap();
        assert_eq!(
            (st, rule, why),
            (Stance::ApproveInPart, "protocol.decision_in_part", None)
        );
        assert!(sentence.contains("första att-sats bifalls"), "{sentence}");
        // Sentences that disagree about the whole motion settle nothing.
        let d = vec![("Motionen bifalls. Motionen avslås.".to_string(), 1, 1)];
        assert_eq!(motion_stance(&d).unwrap().0, Stance::Unknown);
    }

    #[test]
    fn a_part_that_says_none_opens_no_position() {
        for s in ["Inga reservationer anmäldes.", "Ingen.", "–", "Inga."] {
            assert!(says_none(s), "{s}");
        }
        assert!(!says_none("Anna Ek (S) reserverar sig mot beslutet."));
        assert!(!says_none(
            "Ingen av oss kan ställa sig bakom ett beslut som drabbar barnen på det här sättet."
        ));
    }

    #[test]
    fn registration_numbers_after_dnr_as_written() {
        for (line, want) in [
            ("Dnr KS 2025/412", "KS 2025/412"),
            ("Dnr Kst 2025/300", "Kst 2025/300"),
            ("Dnr KS/2025:222", "KS/2025:222"),
            ("Dnr RS 2025-00123", "RS 2025-00123"),
            ("Dnr: T2021-01234", "T2021-01234"),
            ("§ 62 Dnr KS 2026/31", "KS 2026/31"),
            ("SN § 23    SN 2025/118", "SN 2025/118"),
        ] {
            assert_eq!(dnr_in(line).as_deref(), Some(want), "{line}");
        }
        // "Dnr" followed by no number is none.
        assert_eq!(dnr_in("Dnr saknas i utdraget"), None);
    }

    #[test]
    fn bodies_and_dates_of_other_headers() {
        assert_eq!(
            body_in("fört vid Skärholmens stadsdelsnämnds sammanträde torsdagen den 20 mars 2025")
                .as_deref(),
            Some("Skärholmens stadsdelsnämnd")
        );
        // A working committee is a body of its own, not the committee it prepares for.
        assert_eq!(
            body_in("Barn- och utbildningsnämndens arbetsutskott").as_deref(),
            Some("Barn- och utbildningsnämndens arbetsutskott")
        );
        assert_eq!(
            body_kind("Kommunstyrelsens arbetsutskott"),
            BodyKind::Preparatory
        );
        assert_eq!(
            date_in("Sammanträdesdatum 12/3 2025"),
            NaiveDate::from_ymd_opt(2025, 3, 12)
        );
        assert_eq!(
            date_in("Datum: den 3 mars 2025"),
            NaiveDate::from_ymd_opt(2025, 3, 3)
        );
    }

    #[test]
    fn statements_opened_on_their_own_line() {
        for (line, part) in [
            (
                "reservation anfördes av peter holm (sd) enligt följande.",
                Part::Reservation,
            ),
            (
                "särskilt uttalande gjordes av ann ek m.fl. (s) och ali reza (v).",
                Part::Statement,
            ),
            ("protokollsanteckning gjordes av eva ås (l).", Part::Note),
            (
                "ersättaryttrande anfördes av pia ek (mp).",
                Part::Substitute,
            ),
        ] {
            assert_eq!(inline_opener(line), Some(part), "{line}");
        }
        // Running text that starts with the word is none.
        assert_eq!(inline_opener("reservationen gäller hela beslutet."), None);
        assert_eq!(
            inline_opener("reservation av den 12 maj i samma fråga."),
            None
        );
    }

    #[test]
    fn names_and_groups() {
        let (b, g) = who("Ordföranden Lena Holm (S)");
        assert_eq!(b.signatories[0].name, "Lena Holm");
        assert!(g.is_empty());
        let (b, g) = who("Vänsterpartiets fullmäktigegrupp");
        assert!(b.parties.is_empty());
        assert_eq!(g, ["V"]);
        let (b, _) = who("Moderaterna genom Olle Nord (M)");
        assert_eq!(b.signatories[0].name, "Olle Nord");
        assert!(same_person("Karin Viks", "Karin Vik"));
    }
}
