//! The structure parser: repaired lines in, a [`Draft`] of the case out.
//!
//! A statement is read line by line, forward through its parts ([`Phase`]). A line is either a
//! marker (a heading, a preamble, a decision, a position header, …: see `super::phrases`), which
//! may span a few lines and says where the following text belongs, or text, which goes to the
//! current [`Sink`]. Text with no place (before the first marker, after a signature, under an
//! unknown heading) is kept as unplaced, with its line numbers.

use super::byline::{self, Byline};
use super::lines::{self, Line, Paragraph, ParagraphRules, Repaired};
use super::phrases::{self as ph, Folded, Opens, Phase, Tail, normalise};
use super::stance;
use crate::model::{BodyKind, CaseKind, Signatory, Stance};
use crate::text::squash_whitespace;
use chrono::NaiveDate;

/// Everything recovered from a statement, before ids and stances are settled.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub dnr: Option<String>,
    pub title: Option<String>,
    pub kind: Option<CaseKind>,
    pub municipality: Option<String>,
    pub date: Option<NaiveDate>,
    /// The proposal to the council, with its source lines.
    pub proposal: Vec<Paragraph>,
    /// The line "Stockholm den 29 april 2026".
    pub date_source: Option<Source>,
    pub presenting_commissioner: Option<String>,
    pub attachments: Vec<String>,
    pub source_title: Option<String>,
    pub authors: Vec<Signatory>,
    pub sections: Vec<DraftSection>,
    pub bodies: Vec<DraftBody>,
    pub positions: Vec<DraftPosition>,
    pub unplaced: Vec<Unplaced>,
    /// Party codes in order of first appearance.
    pub parties: Vec<String>,
    /// Problems found on the way: (line, what).
    pub notes: Vec<(usize, Note)>,
}

/// Something the parser noticed that the user should check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A date of this shape is no real date.
    BadDate(String),
    /// A position header where no body is known.
    PositionWithoutBody,
    /// A line that opens a statement of a kind the importer does not know ("Yttrande av Lena
    /// Berg (L)"): it ends the previous position, and it and its text are kept unplaced.
    UnknownOpener(String),
    /// A header in "Reservationer m.m." that matches announcements in several bodies' parts
    /// and none in the body it stands under: it and its text are kept unplaced.
    AnnouncedInSeveral(String),
}

/// A sentence of the source, as written, and its lines: where an inferred fact comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    pub sentence: String,
    pub first: usize,
    pub last: usize,
}

impl Source {
    pub fn new(sentence: impl Into<String>, first: usize, last: usize) -> Source {
        Source {
            sentence: sentence.into(),
            first,
            last: last.max(first),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct DraftSection {
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// Text that could not be placed: source lines `first..=last`.
#[derive(Debug, Clone)]
pub struct Unplaced {
    pub first: usize,
    pub last: usize,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct DraftBody {
    pub name: String,
    /// The name, normalised, for matching.
    pub norm: String,
    pub kind: BodyKind,
    pub administration: Option<String>,
    pub opinion_date: Option<NaiveDate>,
    pub meeting_date: Option<NaiveDate>,
    pub decision: Vec<Paragraph>,
    /// Source line of the decision (or of the section heading).
    pub decision_line: usize,
    pub opinion: Vec<Paragraph>,
    /// Source line of the opinion's preamble.
    pub opinion_line: usize,
    /// The body's heading in its part of the statement, as written.
    pub heading: Option<Source>,
    /// The preamble that gave the meeting date.
    pub meeting_source: Option<Source>,
    /// The preamble that gave the opinion's date.
    pub opinion_source: Option<Source>,
    /// The sentence saying the body did not answer.
    pub no_answer_source: Option<Source>,
    /// "Kulturnämnden har inga synpunkter på motionen.": the body answered, with no stance.
    pub no_comments_source: Option<Source>,
    /// In the referral list.
    pub referred: bool,
    /// Named as not having answered.
    pub no_answer: bool,
    /// Has a section of its own (heading, decision or opinion) in the statement.
    pub has_section: bool,
    /// A deciding body (borgarrådsberedningen, kommunstyrelsen).
    pub deciding: bool,
    /// First source line that names it.
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct DraftPosition {
    pub body: usize,
    pub stance: Stance,
    pub byline: Byline,
    pub proposals: Vec<String>,
    pub paragraphs: Vec<String>,
    pub link: Option<Link>,
    /// The header as written (white space collapsed).
    pub header: String,
    pub line: usize,
    /// The last line of the header.
    pub header_last: usize,
    /// The body heading this position was found under (in the body's part or in
    /// "Reservationer m.m."), where the header does not name its body itself.
    pub under: Option<Source>,
    /// The header that gave the text, when it is not the first one (a header in
    /// "Reservationer m.m." filling a "…, se Reservationer m.m." reference), and how it was
    /// matched.
    pub filled_by: Option<Filled>,
    /// Referred to "Reservationer m.m." and not yet found there.
    pub awaiting_text: bool,
    pub date: Option<NaiveDate>,
}

/// A header in "Reservationer m.m." that gave the text of a position announced in a body's
/// part ("Reservation av Dennis Wedin m.fl. (M), se Reservationer m.m."), and how the two were
/// matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    /// The header that gave the text.
    pub source: Source,
    /// The same signature line (else a signatory's name in common).
    pub same_line: bool,
    /// The header stood under another body's heading, or under none (the heading it stood
    /// under, if any): the announcement placed the text, against the heading.
    pub other_body: Option<Option<Source>>,
    /// The header's parties, where they differ from the announcement's (which are kept).
    pub other_parties: Option<Vec<String>>,
}

/// Which waiting position a statement's header gives its text to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Waiting {
    /// None: the header opens a position of its own.
    Free,
    /// This one, matched so.
    One {
        k: usize,
        same_line: bool,
        other_body: bool,
        party_differs: bool,
    },
    /// Several announcements in other bodies match: the text cannot be placed.
    Several,
}

/// "som är likalydande med Moderaternas reservation i borgarrådsberedningen", "som instämde i
/// reservation anförd av Jonas Nilsson m.fl. (M)".
#[derive(Debug, Clone)]
pub struct Link {
    pub tail: Tail,
    pub stance: Stance,
    /// Signatories named ("anförd av …").
    pub byline: Option<Byline>,
    /// Parties named, by signature or by genitive ("Moderaternas").
    pub parties: Vec<String>,
    /// The body named after " i ", as written.
    pub body: Option<String>,
    pub text: String,
}

/// What follows a position's header.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Follows {
    /// Its text, on the next lines.
    Text,
    /// Nothing of its own: it is the same as, or concurs with, another position.
    Linked,
    /// A reference to "Reservationer m.m.", where its text stands.
    Reference,
    /// Nothing: the header is a sentence that is the whole statement.
    Itself(String),
}

/// Where text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    Nowhere,
    Title,
    Proposal,
    Section(usize),
    Attachments,
    Decision(usize),
    Opinion(usize),
    Position(usize),
    Contents,
    Signature(usize),
}

/// Lines a marker may span.
const MAX_MARKER_LINES: usize = 4;

/// Words of a signature line standing alone ("Anders Lind, Carl Wik och Dina Ali (alla M)").
const MAX_SIGNATURE_WORDS: usize = 16;

/// Parts of a word that names an administration ("Socialförvaltningen", "Stadsledningskontoret").
const ADMINISTRATION_WORDS: &[&str] = &["förvaltning", "kontor"];
/// A line longer than this is no heading.
const MAX_HEADING_BYTES: usize = 200;
/// Lines the title may span.
const MAX_TITLE_LINES: usize = 4;

pub fn parse(rep: &Repaired) -> Draft {
    let mut p = Parser {
        lines: &rep.lines,
        rep,
        i: 0,
        phase: Phase::Front,
        sink: Sink::Nowhere,
        run: Vec::new(),
        body: None,
        heading: None,
        expect_proposals: false,
        title_lines: Vec::new(),
        contents: Vec::new(),
        draft: Draft::default(),
    };
    p.prescan();
    while p.i < p.lines.len() {
        let n = p.step();
        p.i += n.max(1);
    }
    p.flush();
    if !p.title_lines.is_empty() {
        p.draft.title = Some(p.title_lines.join(" "));
    }
    p.draft
}

struct Parser<'a> {
    lines: &'a [Line],
    rep: &'a Repaired,
    i: usize,
    phase: Phase,
    sink: Sink,
    /// Text lines waiting for the next marker, by index.
    run: Vec<usize>,
    /// The body whose part we are in.
    body: Option<usize>,
    /// The heading of that part (in the body's own part or in "Reservationer m.m.").
    heading: Option<Source>,
    /// Right after a position header: att-satser may follow.
    expect_proposals: bool,
    title_lines: Vec<String>,
    /// Names in the table of contents, normalised.
    contents: Vec<String>,
    draft: Draft,
}

impl Parser<'_> {
    // ---- bodies -------------------------------------------------------------------------

    fn find_body(&self, name: &str) -> Option<usize> {
        let n = normalise(name);
        let n = n.trim_end_matches([':', '.']);
        self.draft.bodies.iter().position(|b| b.norm == n)
    }

    fn body_named(&mut self, name: &str, line: usize) -> usize {
        if let Some(b) = self.find_body(name) {
            return b;
        }
        let name = capitalise(squash_whitespace(name).trim_end_matches([':', '.']));
        self.draft.bodies.push(DraftBody {
            kind: ph::body_kind(&name),
            norm: normalise(&name),
            name,
            administration: None,
            opinion_date: None,
            meeting_date: None,
            decision: Vec::new(),
            decision_line: line,
            opinion: Vec::new(),
            opinion_line: line,
            heading: None,
            meeting_source: None,
            opinion_source: None,
            no_answer_source: None,
            no_comments_source: None,
            referred: false,
            no_answer: false,
            has_section: false,
            deciding: false,
            line,
        });
        self.draft.bodies.len() - 1
    }

    /// The names of a list of bodies: "a, b samt c", bulleted items, and names that hold
    /// "och" kept whole where the document names them whole elsewhere (a line of their own,
    /// a heading) or they are companies ("Stockholm Vatten och Avfall AB").
    fn split_names_list(&self, list: &str) -> Vec<String> {
        // "… till följande remissinstanser: a, b": the names follow the colon; "… till
        // följande remissinstanser:" alone names none (a bulleted list follows).
        if list.trim_end().ends_with(':') {
            return Vec::new();
        }
        let list = list.rsplit_once(": ").map_or(list, |(_, after)| after);
        let mut out = Vec::new();
        let list = list.trim_start_matches(|c: char| ph::BULLETS.contains(&c) || c == ' ');
        // Semicolons separate names like commas; a spaced dash opens an item like a bullet
        // ("– trafiknämnden – exploateringsnämnden", the items joined into one paragraph).
        let list = list
            .replace("; ", ", ")
            .replace(" – ", " • ")
            .replace(" - ", " • ");
        for piece in list.split(is_bullet) {
            let items = byline::split_list_joined(piece);
            let mut merged: Vec<String> = Vec::new();
            for (item, joined) in items {
                let item = item.trim();
                if joined && let Some(prev) = merged.last_mut() {
                    let whole = format!("{prev} och {item}");
                    if let Some(whole) = self.whole_name(&whole) {
                        *prev = whole;
                        continue;
                    }
                }
                merged.push(item.to_string());
            }
            for m in &merged {
                push_item(&mut out, m);
            }
        }
        self.districts(out)
    }

    /// "stadsdelsnämnderna i Rinkeby-Kista, Spånga-Tensta och Skärholmen": each district's
    /// committee, from the item that opens the group to the end of the list, named as a line
    /// of the document names it ("Skärholmens stadsdelsnämnd"), else "<district>
    /// stadsdelsnämnd".
    fn districts(&self, items: Vec<String>) -> Vec<String> {
        // "Hägersten-Älvsjö och Skärholmens stadsdelsnämnder": the plural after the last
        // district names the ones before it too; each becomes "stadsdelsnämnderna i <district>"
        // for the rule below. Only bare names before it join the group (no body's own word).
        let mut items = items;
        for end in 0..items.len() {
            let n = normalise(&items[end]);
            let Some(last) = n.strip_suffix(" stadsdelsnämnder") else {
                continue;
            };
            let last = items[end][..last.len()].trim().to_string();
            let mut start = end;
            while start > 0 && bare_district(&items[start - 1]) {
                start -= 1;
            }
            for item in &mut items[start..end] {
                *item = format!("stadsdelsnämnderna i {item}");
            }
            // "Skärholmens" as written: the rule below finds "Skärholmens stadsdelsnämnd".
            items[end] = format!("stadsdelsnämnderna i {last}");
        }
        let mut group = false;
        items
            .into_iter()
            .map(|item| {
                let n = normalise(&item);
                let district = ph::DISTRICT_GROUPS.iter().find_map(|g| {
                    n.starts_with(g)
                        .then(|| item.get(g.len()..))
                        .flatten()
                        .map(|r| r.trim().to_string())
                });
                let district = match district {
                    Some(d) => {
                        group = true;
                        d
                    }
                    None if group && bare_district(&item) => item,
                    None => {
                        // A body's own name ("… samt miljö- och hälsoskyddsnämnden") ends the
                        // group of districts.
                        group = false;
                        return item;
                    }
                };
                let forms = [
                    normalise(&format!("{district} stadsdelsnämnd")),
                    normalise(&format!("{district}s stadsdelsnämnd")),
                ];
                self.lines
                    .iter()
                    .find(|l| starts_upper(&l.text) && forms.contains(&l.norm))
                    .map_or_else(
                        || format!("{district} stadsdelsnämnd"),
                        |l| squash_whitespace(&l.text),
                    )
            })
            .collect()
    }

    /// "a och b" as one name, as the document writes it whole: a company ("… AB"), a line of
    /// its own, or a company's line ("Stockholm Vatten och Avfall AB" for "Stockholm Vatten
    /// och Avfall"). `None`: two names.
    fn whole_name(&self, name: &str) -> Option<String> {
        let n = normalise(name);
        let n = n.trim_end_matches(['.', ',']);
        if ph::COMPANY_SUFFIXES.iter().any(|s| n.ends_with(s)) {
            return Some(name.to_string());
        }
        // Two names of bodies ("trafiknämnden och exploateringsnämnden") are two bodies.
        if let Some((a, b)) = n.split_once(" och ")
            && [a, b]
                .iter()
                .all(|h| ph::body_kind(h) != BodyKind::External)
        {
            return None;
        }
        // A line of its own (a heading: a capital first, no full stop), or one that names it
        // as a company ("Stockholm Vatten och Avfall AB"): the name as that line writes it.
        self.lines.iter().find_map(|l| {
            let t = l.text.trim_end_matches(':');
            let ln = normalise(t);
            if !starts_upper(t) || t.ends_with(['.', ',', ';']) {
                return None;
            }
            if ln == n {
                return Some(name.to_string());
            }
            ph::COMPANY_SUFFIXES
                .iter()
                .any(|s| ln == format!("{n}{s}"))
                .then(|| squash_whitespace(t))
        })
    }

    fn see_parties(&mut self, codes: &[String]) {
        for c in codes {
            if !self.draft.parties.contains(c) {
                self.draft.parties.push(c.clone());
            }
        }
    }

    /// Find the referral list and the bodies that did not answer before parsing, so that body
    /// headings are known when they come.
    fn prescan(&mut self) {
        let all: Vec<&Line> = self.lines.iter().collect();
        let rules = self.rules();
        let paras = lines::paragraphs_with_lines(&all, &rules);
        for (k, para) in paras.iter().enumerate() {
            let f = Folded::new(&para.text);
            for phrase in ph::REFERRAL_LISTS {
                if let Some((_, end)) = f.find(phrase) {
                    let list = sentence_from(&para.text, end);
                    let mut names = self.split_names_list(list);
                    if names.is_empty() || list.ends_with(':') {
                        // "… till följande remissinstanser:" and a bulleted list.
                        for item in paras[k + 1..]
                            .iter()
                            .take_while(|p| lines::starts_bullet(&p.text))
                        {
                            names.extend(self.split_names_list(&item.text));
                        }
                    }
                    for name in names {
                        let b = self.body_named(&name, para.first);
                        self.draft.bodies[b].referred = true;
                    }
                }
            }
        }
        // Bodies that did not answer: those of the referral list, or where the statement has
        // none, names of bodies ("Polisen har inte svarat på frågan" in an opinion is no
        // body).
        let has_list = self.draft.bodies.iter().any(|b| b.referred);
        for para in &paras {
            let f = Folded::new(&para.text);
            for (phrase, comments) in ph::NO_ANSWER
                .iter()
                .map(|p| (p, false))
                .chain(ph::NO_COMMENTS.iter().map(|p| (p, true)))
            {
                let mut from = 0;
                while let Some((start, end)) = f.find_from(phrase, from) {
                    let names = sentence_before(&para.text, start);
                    let names_at = names.as_ptr() as usize - para.text.as_ptr() as usize;
                    let sentence_end = para.text[end..]
                        .find(". ")
                        .map_or(para.text.len(), |k| end + k + 1);
                    let range = names_at..sentence_end;
                    let (first, last) = para.lines_of(range.clone());
                    let source = Source::new(para.text[range].trim(), first, last);
                    for name in self.split_names_list(names) {
                        let known = self
                            .find_body(&name)
                            .is_some_and(|b| self.draft.bodies[b].referred);
                        let body_like = name.chars().next().is_some_and(char::is_uppercase)
                            && (ph::body_kind(&name) != BodyKind::External
                                || name.split_whitespace().count() >= 2);
                        if !(known || (!has_list && body_like)) {
                            continue;
                        }
                        let b = self.body_named(&name, para.first);
                        if comments {
                            self.draft.bodies[b].no_comments_source = Some(source.clone());
                        } else {
                            self.draft.bodies[b].no_answer = true;
                            self.draft.bodies[b].no_answer_source = Some(source.clone());
                        }
                    }
                    from = f.lower_offset(end);
                }
            }
        }
    }

    fn rules(&self) -> ParagraphRules {
        ParagraphRules {
            width: self.rep.width,
            blank_lines_are_paragraphs: self.rep.blank_lines_are_paragraphs,
            paragraph_starters: Vec::new(),
        }
    }

    // ---- text ---------------------------------------------------------------------------

    /// Give the waiting text to the current sink.
    fn flush(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        let refs: Vec<&Line> = run.iter().map(|&k| &self.lines[k]).collect();
        let mut rules = self.rules();
        if let Sink::Section(s) = self.sink
            && self.draft.sections[s].id == "preparation"
        {
            rules.paragraph_starters = self.draft.bodies.iter().map(|b| b.norm.clone()).collect();
        }
        let with_lines = lines::paragraphs_with_lines(&refs, &rules);
        let paras: Vec<String> = with_lines.iter().map(|p| p.text.clone()).collect();
        let d = &mut self.draft;
        match self.sink {
            Sink::Title => {
                for l in &refs {
                    self.title_lines.push(squash_whitespace(&l.text));
                }
            }
            Sink::Proposal => d.proposal.extend(with_lines),
            Sink::Section(s) => d.sections[s].paragraphs.extend(paras),
            Sink::Attachments => d.attachments.extend(paras),
            Sink::Decision(b) => {
                if d.bodies[b].decision.is_empty() {
                    d.bodies[b].decision_line = refs[0].no;
                }
                d.bodies[b].decision.extend(with_lines);
            }
            Sink::Opinion(b) => d.bodies[b].opinion.extend(with_lines),
            Sink::Position(p) => {
                d.positions[p].paragraphs.extend(paras);
                d.positions[p].awaiting_text = false;
            }
            Sink::Nowhere | Sink::Contents | Sink::Signature(_) => d.unplaced.push(Unplaced {
                first: refs[0].no,
                last: refs[refs.len() - 1].no,
                paragraphs: paras,
            }),
        }
    }

    /// Start a marker: the text before it is complete.
    fn marker(&mut self) {
        self.flush();
        self.expect_proposals = false;
    }

    fn set_phase(&mut self, phase: Phase) {
        if phase > self.phase {
            self.phase = phase;
        }
    }

    // ---- lookahead ----------------------------------------------------------------------

    /// The sentence that starts at line `i`: lines joined until one ends a sentence, at most
    /// `max`. `None` if none does.
    fn sentence_at(&self, i: usize, max: usize) -> Option<(String, usize)> {
        let mut text = String::new();
        for (n, line) in self.lines[i..].iter().take(max).enumerate() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&squash_whitespace(&line.text));
            if lines::ends_sentence(&line.text) {
                return Some((text, n + 1));
            }
        }
        None
    }

    /// A header (position or byline) starting at `i`: lines joined while the parentheses are
    /// open, the line does not end in `)` or a full stop, or the next line continues it in
    /// lower case.
    fn header_at(&self, i: usize) -> (String, usize) {
        let mut text = squash_whitespace(&self.lines[i].text);
        let mut n = 1;
        while n < MAX_MARKER_LINES {
            let Some(next) = self.lines.get(i + n) else {
                break;
            };
            let balanced = text.matches('(').count() <= text.matches(')').count();
            // "Reservation av Socialdemokraterna, Vänsterpartiet och Miljöpartiet": a byline
            // that ends in a party named in full is whole, like one that ends in "(MP)".
            let ends_in_party = text
                .split_whitespace()
                .next_back()
                .is_some_and(|w| !w.ends_with(',') && ph::party_of_name(w).is_some());
            let complete =
                balanced && (text.ends_with(')') || lines::ends_sentence(&text) || ends_in_party);
            let continues = next.text.chars().next().is_some_and(char::is_lowercase);
            if complete && !continues {
                break;
            }
            // "Protokollsanteckning från Vänsterpartiet" + "Vänsterpartiet vill att …": a
            // whole sentence in a capital, with no party code, after a header that does not
            // end in a comma or "och", is the statement's text, not the rest of its byline.
            let open_end = text.ends_with([',', '&']) || normalise(&text).ends_with(" och");
            if balanced
                && !open_end
                && next.text.chars().next().is_some_and(char::is_uppercase)
                && !next.text.contains('(')
                && lines::ends_sentence(&next.text)
                && next.text.split_whitespace().count() >= 3
            {
                break;
            }
            // "…, se" + "Reservationer m.m.": the heading ends the header here.
            if self.is_structure(i + n) && !normalise(&text).ends_with(" se") {
                break;
            }
            text.push(' ');
            text.push_str(&squash_whitespace(&next.text));
            n += 1;
        }
        (text, n)
    }

    /// Whether line `k` starts a marker a header must not swallow: a position header, a
    /// heading, a body's name standing as a heading.
    fn is_structure(&self, k: usize) -> bool {
        let line = &self.lines[k];
        ph::POSITION_OPENERS
            .iter()
            .any(|(o, _)| line.norm.starts_with(o))
            || (self.phase >= Phase::Decisions
                && line.text.chars().next().is_some_and(char::is_uppercase)
                && line.text.contains('(')
                && opener_shape(&line.text))
            || ph::heading(&line.norm).is_some()
            || (lines::is_heading_text(&line.text) && self.find_body(&line.text).is_some())
    }

    // ---- the step -----------------------------------------------------------------------

    /// Look at line `self.i`; returns the number of lines consumed. The markers are tried in
    /// this order; the first that recognises the line takes it, else it is text.
    fn step(&mut self) -> usize {
        let i = self.i;
        let markers: [fn(&mut Self, usize) -> Option<usize>; 16] = [
            Self::contents_line,
            Self::heading,
            Self::document_header,
            Self::case_byline,
            Self::proposal_preamble,
            Self::presenting_commissioner,
            Self::deciding_body,
            Self::date_line,
            Self::position_header,
            Self::sentence_opener,
            Self::unknown_opener,
            Self::signature,
            Self::body_heading,
            Self::meeting_preamble,
            Self::opinion_preamble,
            Self::proposals,
        ];
        for marker in markers {
            if let Some(n) = marker(self, i) {
                return n;
            }
        }
        self.text(i)
    }

    /// A line of a table of contents, in any of its shapes: "Socialnämnden ....... 7",
    /// "Socialnämnden … 7", "Socialnämnden<TAB>7", and, in the contents or before the bodies'
    /// parts where the name is a body or heading the statement knows, "Socialnämnden 7",
    /// or "Socialnämnden" with its page on a line of its own; a page number alone.
    fn contents_line(&mut self, i: usize) -> Option<usize> {
        let text = &self.lines[i].text;
        let in_contents = self.sink == Sink::Contents;
        let before_bodies = self.phase == Phase::Referral && self.body.is_none();
        let (name, n) = if let Some(name) = contents_entry(text) {
            (Some(name), 1)
        } else if in_contents && is_page(text) {
            (None, 1)
        } else if in_contents || before_bodies {
            let known = |name: &str| {
                let n = normalise(name);
                self.find_body(name).is_some() || ph::heading(&n).is_some()
            };
            let next_is_page = self.lines.get(i + 1).is_some_and(|l| is_page(&l.text));
            match contents_entry_spaced(text) {
                Some(name) if in_contents || known(&name) => (Some(name), 1),
                _ if next_is_page
                    && lines::is_heading_text(text)
                    && (in_contents || known(text)) =>
                {
                    (Some(squash_whitespace(text)), 2)
                }
                _ => return None,
            }
        } else {
            return None;
        };
        self.marker();
        if let Some(name) = name {
            let n = normalise(&name);
            if ph::heading(&n).is_none() {
                self.contents.push(n);
            }
        }
        if self.phase <= Phase::Referral {
            self.sink = Sink::Contents;
        }
        Some(n)
    }

    fn text(&mut self, i: usize) -> usize {
        if matches!(self.sink, Sink::Signature(_)) {
            self.flush();
            self.sink = Sink::Nowhere;
        }
        if self.sink == Sink::Title && self.title_lines.len() + self.run.len() >= MAX_TITLE_LINES {
            self.flush();
            self.sink = Sink::Nowhere;
        }
        self.expect_proposals = false;
        self.run.push(i);
        1
    }

    fn heading(&mut self, i: usize) -> Option<usize> {
        let norm = self.lines[i].norm.clone();
        let norm = norm.as_str();
        let key = norm.trim_end_matches(':');
        let h = ph::heading(key).filter(|h| h.phase >= self.phase)?;
        self.marker();
        self.set_phase(h.phase);
        self.body = None;
        self.heading = None;
        self.sink = match h.opens {
            Opens::Proposal => Sink::Proposal,
            Opens::Attachments => Sink::Attachments,
            Opens::Contents => Sink::Contents,
            Opens::Reservations => Sink::Nowhere,
            Opens::Section(id) => {
                // A section opened and never filled ("… anför följande." right before its
                // heading) gives its id to this one.
                self.draft
                    .sections
                    .retain(|s| s.id != id || !s.paragraphs.is_empty());
                let mut id = id.to_string();
                let mut k = 2;
                while self.draft.sections.iter().any(|s| s.id == id) {
                    id = format!("{}-{k}", id.split('-').next().unwrap_or("section"));
                    k += 1;
                }
                self.draft.sections.push(DraftSection {
                    id,
                    title: squash_whitespace(self.lines[i].text.trim_end_matches(':')),
                    paragraphs: Vec::new(),
                });
                Sink::Section(self.draft.sections.len() - 1)
            }
        };
        Some(1)
    }

    fn document_header(&mut self, i: usize) -> Option<usize> {
        let norm = self.lines[i].norm.clone();
        let norm = norm.as_str();
        if self.phase != Phase::Front
            || self.draft.dnr.is_some()
            || !ph::DOCUMENT_HEADERS.iter().any(|h| norm.starts_with(h))
        {
            return None;
        }
        let text = squash_whitespace(&self.lines[i].text);
        let f = Folded::new(&text);
        let (_, end) = ph::DNR_MARKERS
            .iter()
            .find_map(|m| f.find(&format!("{m} ")))?;
        let dnr = text[end..]
            .split([')', ']'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        if dnr.is_empty() {
            return None;
        }
        self.marker();
        self.draft.dnr = Some(dnr);
        self.draft.source_title = Some(text);
        self.sink = Sink::Title;
        Some(1)
    }

    fn case_byline(&mut self, i: usize) -> Option<usize> {
        let norm = self.lines[i].norm.clone();
        let norm = norm.as_str();
        if self.phase != Phase::Front || self.draft.kind.is_some() {
            return None;
        }
        let (word, kind) = ph::CASE_BYLINES
            .iter()
            .find(|(w, _)| norm.starts_with(&format!("{w} ")))?;
        let (text, n) = self.header_at(i);
        let f = Folded::new(&text);
        // "Motion av …", "Motion från …", "Motion (2016:9) av …", "Motion 2016:9 av …".
        let (connector_at, end) = ph::CASE_BYLINE_CONNECTORS
            .iter()
            .filter_map(|c| f.find(c))
            .min()?;
        let between = normalise(&text[word.len()..connector_at]);
        let reference = between.split(' ').filter(|w| !w.is_empty()).all(|w| {
            w.starts_with('(')
                || w.ends_with(')')
                || w.chars().any(|c| c.is_ascii_digit())
                || w == "nr"
        });
        if !reference || between.split(' ').count() > 3 {
            return None;
        }
        let b = byline::parse(&text[end..]);
        if b.parties.is_empty() && b.signatories.len() > 4 {
            // Not a byline but a sentence that starts like one.
            return None;
        }
        self.marker();
        self.see_parties(&b.parties);
        self.draft.authors = b.signatories;
        self.draft.kind = Some(*kind);
        self.sink = Sink::Nowhere;
        Some(n)
    }

    fn proposal_preamble(&mut self, i: usize) -> Option<usize> {
        if self.sink != Sink::Proposal || !self.draft.proposal.is_empty() || !self.run.is_empty() {
            return None;
        }
        let (sentence, n) = self.sentence_at(i, 3)?;
        let s = normalise(&sentence);
        let s = s.trim_end_matches(['.', ':']);
        ph::PROPOSAL_PREAMBLES.contains(&s).then_some(n)
    }

    fn presenting_commissioner(&mut self, i: usize) -> Option<usize> {
        let norm = self.lines[i].norm.clone();
        let norm = norm.as_str();
        if self.phase != Phase::Front {
            return None;
        }
        let prefix = ph::PRESENTING_COMMISSIONER
            .iter()
            .find(|p| norm.starts_with(*p))?;
        let text = squash_whitespace(&self.lines[i].text);
        let f = Folded::new(&text);
        let (_, end) = f.find(prefix)?;
        let mut name = text[end..].trim().trim_end_matches(['.', ':']);
        // "Föredragande borgarrådet Karin Wanngård anför följande.": the views follow.
        let mut views = false;
        for tail in ph::PRESENTING_COMMISSIONER_TAILS {
            let nf = Folded::new(name);
            if let Some((at, e)) = nf.find(tail)
                && e == name.len()
            {
                name = name[..at].trim();
                views = true;
                break;
            }
        }
        if name.is_empty() || name.split(' ').count() > 5 {
            return None;
        }
        self.marker();
        self.draft.presenting_commissioner = Some(name.to_string());
        self.sink = if views {
            self.draft.sections.push(DraftSection {
                id: "commissioner_views".into(),
                title: text.trim_end_matches(['.', ':']).to_string(),
                paragraphs: Vec::new(),
            });
            Sink::Section(self.draft.sections.len() - 1)
        } else {
            Sink::Nowhere
        };
        Some(1)
    }

    fn deciding_body(&mut self, i: usize) -> Option<usize> {
        if self.phase > Phase::Decisions || self.sink == Sink::Proposal {
            return None;
        }
        let text = &self.lines[i].text;
        let (name, kind) = ph::DECIDING_BODIES
            .iter()
            .find(|(name, _)| text.starts_with(&format!("{name} ")))?;
        let (sentence, n) = self.sentence_at(i, MAX_MARKER_LINES)?;
        // The board's own decision, not a sentence that reports an earlier one ("Kommunstyrelsen
        // har tidigare tillstyrkt motionen om …").
        super::stance::read_sentence_as(&sentence, &super::stance::Voice::of([*name])).verdict()?;
        self.marker();
        self.heading = None;
        let b = self.body_named(name, self.lines[i].no);
        let body = &mut self.draft.bodies[b];
        body.kind = *kind;
        body.deciding = true;
        body.has_section = true;
        if body.decision.is_empty() {
            body.decision_line = self.lines[i].no;
        }
        body.decision.push(Paragraph {
            first: self.lines[i].no,
            last: self.lines[i + n - 1].no,
            starts: line_starts(&self.lines[i..i + n]),
            text: sentence,
        });
        self.set_phase(Phase::Decisions);
        self.body = Some(b);
        self.sink = Sink::Decision(b);
        Some(n)
    }

    fn date_line(&mut self, i: usize) -> Option<usize> {
        if self.phase != Phase::Decisions || self.draft.date.is_some() {
            return None;
        }
        let text = squash_whitespace(&self.lines[i].text);
        let (place, date) = text.split_once(ph::DATE_LINE_INFIX)?;
        let words: Vec<&str> = place.split(' ').collect();
        if words.len() > 3
            || !words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        let parsed = byline::parse_date(date);
        if parsed.is_none() && !byline::looks_like_date(date) {
            return None;
        }
        self.marker();
        if parsed.is_none() {
            self.note(i, Note::BadDate(date.to_string()));
        }
        self.draft.date = parsed;
        self.draft.date_source = Some(self.source(i, 1));
        self.draft.municipality = Some(place.to_string());
        self.sink = Sink::Signature(ph::SIGNATURE_LINES);
        Some(1)
    }

    fn signature(&mut self, i: usize) -> Option<usize> {
        let Sink::Signature(left) = self.sink else {
            return None;
        };
        if left == 0 || !lines::is_heading_text(&self.lines[i].text) {
            return None;
        }
        if self.find_body(&self.lines[i].text).is_some()
            || ph::heading(&self.lines[i].norm).is_some()
        {
            return None;
        }
        self.sink = Sink::Signature(left - 1);
        Some(1)
    }

    /// A position's header: "Reservation av X (M)", "Reservation 1 av …", "Reservation från
    /// …", a kind on a line of its own with the signatories on the next ("Särskilt
    /// uttalande" / "Eva Holm m.fl. (S)"). A header starts a line with a capital: "…
    /// vår\nreservation av den 12 maj" is running text.
    fn position_header(&mut self, i: usize) -> Option<usize> {
        if self.phase < Phase::Decisions || !starts_upper(&self.lines[i].text) {
            return None;
        }
        let first = self.lines[i].norm.split(' ').next().unwrap_or("");
        if !ph::POSITION_OPENERS
            .iter()
            .any(|(o, _)| o.split(' ').next() == Some(first))
        {
            return None;
        }
        // The header as written, the text it is read by, its lines.
        let (written, text, n) = match self.titled_byline(i) {
            Some((kind, n)) => {
                let written = format!("{} {}", self.lines[i].text, self.lines[i + 1].text);
                let read = format!("{kind} av {}", squash_whitespace(&self.lines[i + 1].text));
                (squash_whitespace(&written), read, n)
            }
            None => {
                let (t, n) = self.header_at(i);
                let read = without_number(&t).unwrap_or_else(|| t.clone());
                (t, read, n)
            }
        };
        // "Reservation (SD)": a kind and a party code alone, read as "Reservation av (SD)".
        let text = match kind_and_party(&text) {
            Some(read) => read,
            None => text,
        };
        let norm = normalise(&text);
        let (opener, stance) = ph::POSITION_OPENERS
            .iter()
            .find(|(o, _)| norm.starts_with(o))?;
        let f = Folded::new(&text);
        let (_, after_opener) = f.find(opener)?;
        let rest = &text[after_opener..];
        let rf = Folded::new(rest);
        let tail = ph::POSITION_TAILS
            .iter()
            .filter_map(|(phrase, tail)| rf.find(phrase).map(|(s, e)| (s, e, *tail)))
            .min_by_key(|&(s, _, _)| s);
        let (byline_text, tail) = match tail {
            Some((s, e, t)) => (&rest[..s], Some((t, &rest[e..]))),
            None => (rest, None),
        };
        let b = byline::parse(byline_text);
        if b.signatories.is_empty() && b.parties.is_empty() {
            return None;
        }
        let (link, follows) = match tail {
            Some((Tail::Reference, _)) => (None, Follows::Reference),
            Some((t @ (Tail::IdenticalTo | Tail::ConcursWith), target)) => {
                (Some(parse_link(t, target)), Follows::Linked)
            }
            _ => (None, Follows::Text),
        };
        self.open_position(i, n, written, *stance, b, link, follows);
        Some(n)
    }

    /// A statement's kind alone on line `i` ("Särskilt uttalande", "Reservation:") and a
    /// signature line of its own on the next ("Eva Holm m.fl. (S)"): the kind as written and
    /// the lines (2).
    fn titled_byline(&self, i: usize) -> Option<(String, usize)> {
        let kind = self.lines[i].text.trim_end_matches([':', '.']).trim();
        let norm = normalise(kind);
        let known = ph::POSITION_OPENERS
            .iter()
            .any(|(o, _)| o.strip_suffix(" av ") == Some(norm.as_str()));
        (known
            && self
                .lines
                .get(i + 1)
                .is_some_and(|l| signature_line(&l.text)))
        .then(|| (kind.to_string(), 2))
    }

    /// A statement opened by a sentence: "Ledamoten Lars Ek (SD) reserverade sig mot
    /// beslutet och anförde följande.", "Ida Jansson m.fl. (M) reserverade sig till förmån
    /// för att tillstyrka motionen.", "Ersättaren Stefan Carneros (KD) instämde i
    /// Moderaternas reservation." ([`ph::SENTENCE_OPENERS`], [`ph::SENTENCE_CONCURS`]). A
    /// sentence that ends in "följande" or a colon has its text after it; any other is the
    /// statement's whole text.
    fn sentence_opener(&mut self, i: usize) -> Option<usize> {
        if self.phase < Phase::Decisions
            || !starts_upper(&self.lines[i].text)
            || !self.lines[i].text.contains('(')
        {
            return None;
        }
        let (sentence, n) = self.sentence_at(i, MAX_MARKER_LINES)?;
        let close = sentence.find(')')?;
        let f = Folded::new(&sentence[..=close]);
        let role = ph::SENTENCE_ROLES
            .iter()
            .find(|r| f.lower.starts_with(*r))
            .copied();
        let who = match role.and_then(|r| f.find(r)) {
            Some((_, e)) => &sentence[e..=close],
            None => &sentence[..=close],
        };
        if !signature_line(who) {
            return None;
        }
        let b = byline::parse(who);
        let after = &sentence[close + 1..];
        let af = Folded::new(after);
        let lead = af.lower.trim_start();
        let (stance, link) =
            if let Some(c) = ph::SENTENCE_CONCURS.iter().find(|c| lead.starts_with(*c)) {
                let (_, e) = af.find(c)?;
                let link = parse_link(Tail::ConcursWith, &after[e..]);
                let stance = if role.is_some_and(|r| r.contains("ersättar")) {
                    Stance::SubstituteStatement
                } else {
                    link.stance
                };
                (stance, Some(link))
            } else {
                let (_, stance) = ph::SENTENCE_OPENERS
                    .iter()
                    .find(|(v, _)| lead.starts_with(v))?;
                (*stance, None)
            };
        let sentence = squash_whitespace(&sentence);
        let follows = if af
            .lower
            .trim_end_matches(['.', ':'])
            .trim_end()
            .ends_with("följande")
            || sentence.ends_with(':')
        {
            Follows::Text
        } else {
            Follows::Itself(sentence.clone())
        };
        self.open_position(i, n, sentence, stance, b, link, follows);
        Some(n)
    }

    /// Open the position that lines `i..i + n` head (`text`, as written): it fills the
    /// position a reference in the body's part waits for, where one matches, else it is a new
    /// one; what follows it is [`Follows`].
    #[allow(clippy::too_many_arguments)]
    fn open_position(
        &mut self,
        i: usize,
        n: usize,
        text: String,
        stance: Stance,
        b: Byline,
        link: Option<Link>,
        follows: Follows,
    ) {
        self.marker();
        let line_no = self.lines[i].no;
        let reference = matches!(follows, Follows::Reference);
        // A header in "Reservationer m.m." (or with its text) fills the position referred to
        // ([`Parser::waiting_for`]).
        let waiting = if reference {
            Waiting::Free
        } else {
            self.waiting_for(stance, &b)
        };
        let body = match (&waiting, self.body) {
            (Waiting::One { k, .. }, _) => self.draft.positions[*k].body,
            (Waiting::Free, Some(body)) => body,
            (Waiting::Several, _) | (Waiting::Free, None) => {
                // No body to attach it to, or several that announce it: keep the lines as
                // text with no place.
                if waiting == Waiting::Several {
                    // It and its text, up to the next marker, in one unplaced section.
                    self.note(i, Note::AnnouncedInSeveral(text));
                    self.sink = Sink::Nowhere;
                    self.run.extend(i..i + n);
                    return;
                }
                self.note(i, Note::PositionWithoutBody);
                let keep = self.sink;
                self.sink = Sink::Nowhere;
                self.run.extend(i..i + n);
                self.flush();
                self.sink = keep;
                return;
            }
        };
        self.see_parties(&b.parties);
        if let Some(l) = &link {
            let parties = l.parties.clone();
            self.see_parties(&parties);
        }
        let date = if self.draft.bodies[body].kind == BodyKind::Board {
            self.draft.date
        } else {
            None
        };
        let p = match waiting {
            Waiting::One {
                k: p,
                same_line,
                other_body,
                party_differs,
            } => {
                let source = self.source(i, n);
                let heading = self.heading.clone();
                let pos = &mut self.draft.positions[p];
                pos.awaiting_text = false;
                pos.filled_by = Some(Filled {
                    source,
                    same_line,
                    other_body: other_body.then_some(heading),
                    other_parties: party_differs.then(|| b.parties.clone()),
                });
                // "Anders Lind m.fl. (M)" referred to, "Anders Lind, Carl Wik och Dina Ali (alla
                // M)" in "Reservationer m.m.": the fuller signature line names them all (unless
                // it names other parties: the announcement's are kept, marked uncertain).
                if !party_differs && b.signatories.len() > pos.byline.signatories.len() {
                    pos.byline = b.clone();
                }
                if link.is_some() {
                    pos.link = link;
                }
                p
            }
            _ => {
                self.draft.positions.push(DraftPosition {
                    body,
                    stance,
                    byline: b,
                    proposals: Vec::new(),
                    paragraphs: Vec::new(),
                    link,
                    header: text.clone(),
                    line: line_no,
                    header_last: self.lines[i + n - 1].no,
                    under: self.heading.clone(),
                    filled_by: None,
                    awaiting_text: reference,
                    date,
                });
                self.draft.positions.len() - 1
            }
        };
        match follows {
            Follows::Reference => self.sink = Sink::Decision(body),
            Follows::Text | Follows::Linked => {
                self.expect_proposals = follows == Follows::Text;
                self.sink = Sink::Position(p);
            }
            Follows::Itself(sentence) => {
                // The sentence is the statement; what follows is the body's part again (or,
                // in "Reservationer m.m.", no one's until a header says whose).
                self.draft.positions[p].paragraphs.push(sentence);
                self.sink = match self.phase {
                    Phase::Reservations => Sink::Nowhere,
                    _ => Sink::Decision(body),
                };
            }
        }
    }

    /// The position announced in a body's part ("…, se Reservationer m.m.") that a header of
    /// `stance` signed `b` gives its text to. In the current body: the one with the same
    /// signature line, else the only one with the same parties that shares a signatory's name
    /// ("Jonas Nilsson m.fl. (M)" and "Jonas Nilsson och Ulla Berg (M)"), else the only one
    /// that shares a name but names other parties (marked uncertain). Parties alone are not
    /// enough: two statements of one party must not swap texts. In "Reservationer m.m.", where
    /// a body's sub-heading may be lost (a PDF page break), a header that matches nothing in
    /// the current body goes to the only announcement in another body that matches it the
    /// same way (the announcement is the stronger evidence; marked uncertain), and to none
    /// where several do.
    fn waiting_for(&self, stance: Stance, b: &Byline) -> Waiting {
        let positions = &self.draft.positions;
        let same_line = |k: usize| normalise(&positions[k].byline.written) == normalise(&b.written);
        let party_and_name = |k: usize| {
            let q = &positions[k].byline;
            q.parties == b.parties && byline::share_a_name(q, b)
        };
        let name = |k: usize| byline::share_a_name(&positions[k].byline, b);
        let waiting = |here: bool| -> Vec<usize> {
            (0..positions.len())
                .filter(|&k| {
                    let q = &positions[k];
                    q.stance == stance && q.awaiting_text && (Some(q.body) == self.body) == here
                })
                .collect()
        };
        let one = |k: usize, other_body: bool, party_differs: bool| Waiting::One {
            k,
            same_line: same_line(k),
            other_body,
            party_differs,
        };
        if self.body.is_some() {
            let here = waiting(true);
            if let Some(&k) = here.iter().find(|&&k| same_line(k)) {
                return one(k, false, false);
            }
            let matched: Vec<usize> = here
                .iter()
                .copied()
                .filter(|&k| party_and_name(k))
                .collect();
            match matched.len() {
                1 => return one(matched[0], false, false),
                0 => {}
                _ => return Waiting::Free,
            }
            let named: Vec<usize> = here.iter().copied().filter(|&k| name(k)).collect();
            if let [k] = named[..] {
                return one(k, false, true);
            }
        }
        if self.phase != Phase::Reservations {
            return Waiting::Free;
        }
        let elsewhere = waiting(false);
        let matched: Vec<usize> = elsewhere
            .iter()
            .copied()
            .filter(|&k| same_line(k) || party_and_name(k))
            .collect();
        match matched[..] {
            [k] => return one(k, true, false),
            [] => {}
            _ => return Waiting::Several,
        }
        let named: Vec<usize> = elsewhere.iter().copied().filter(|&k| name(k)).collect();
        match named[..] {
            [k] => one(k, true, true),
            [] => Waiting::Free,
            _ => Waiting::Several,
        }
    }

    /// A line that opens a statement of a kind the importer does not know ("Yttrande av Lena
    /// Berg (L)", [`opener_shape`]): it ends the position before it, and it and the text after
    /// it go unplaced, with a warning naming the line, so that no text changes hands.
    fn unknown_opener(&mut self, i: usize) -> Option<usize> {
        if self.phase < Phase::Decisions || !starts_upper(&self.lines[i].text) {
            return None;
        }
        let (text, n) = if ph::OPENER_CONNECTORS
            .iter()
            .any(|c| self.lines[i].norm.contains(c.trim_start()))
            && let (text, n) = self.header_at(i)
            && opener_shape(&text)
        {
            (text, n)
        } else if self.titled_unknown(i) {
            let text = format!("{} {}", self.lines[i].text, self.lines[i + 1].text);
            (squash_whitespace(&text), 2)
        } else if let Some((sentence, n)) = self.sentence_at(i, MAX_MARKER_LINES)
            && sentence_opener_shape(&sentence)
        {
            (squash_whitespace(&sentence), n)
        } else {
            return None;
        };
        self.marker();
        self.note(i, Note::UnknownOpener(text));
        self.sink = Sink::Nowhere;
        self.run.extend(i..i + n);
        Some(n)
    }

    /// A short title the importer does not know, alone on line `i` ("Tilläggsyrkande",
    /// "Skiljaktig mening:"), over a signature line of its own ("Eva Holm m.fl. (S)").
    fn titled_unknown(&self, i: usize) -> bool {
        let title = self.lines[i].text.trim_end_matches(':');
        let words = title.split_whitespace().count();
        (1..=ph::UNKNOWN_OPENER_WORDS).contains(&words)
            && !title
                .chars()
                .any(|c| c.is_ascii_digit() || ",.;()".contains(c))
            && self.find_body(title).is_none()
            && ph::heading(&normalise(title)).is_none()
            && self
                .lines
                .get(i + 1)
                .is_some_and(|l| signature_line(&l.text))
    }

    fn body_heading(&mut self, i: usize) -> Option<usize> {
        let text = &self.lines[i].text;
        // A heading is a short line; the rest of the checks look ahead, so rule out long ones.
        if text.len() > MAX_HEADING_BYTES {
            return None;
        }
        let norm = self.lines[i].norm.trim_end_matches(':').to_string();
        let known = self.find_body(text);
        let heading_like = lines::is_heading_text(text);
        if known.is_none() && !heading_like {
            return None;
        }
        let next_is_preamble =
            || self.meeting_at(i + 1).is_some() || self.opinion_at(i + 1).is_some();
        let next_is_header = self.lines.get(i + 1).is_some_and(|l| {
            ph::POSITION_OPENERS
                .iter()
                .any(|(o, _)| l.norm.starts_with(o))
        });
        let listed = self.contents.contains(&norm);
        let in_bodies = matches!(self.phase, Phase::Referral | Phase::Bodies);
        let in_reservations = self.phase == Phase::Reservations;
        // A body's name inside running text is no heading: "… har stämts av med" /
        // "socialnämnden." A heading starts with a capital, has no full stop, and follows the
        // end of a sentence or structure, unless a preamble or a position header follows it.
        let in_text = text.chars().next().is_some_and(char::is_lowercase)
            || text.ends_with(['.', ',', ';'])
            || (i > 0
                && !lines::ends_sentence(&self.lines[i - 1].text)
                && !self.lines[i - 1].text.ends_with([',', ';'])
                && !self.is_structure(i - 1)
                && contents_entry(&self.lines[i - 1].text).is_none()
                && contents_entry_spaced(&self.lines[i - 1].text).is_none()
                && !is_page(&self.lines[i - 1].text)
                && !next_is_header
                && !next_is_preamble());
        if in_text {
            return None;
        }
        let accept = match known {
            Some(b) if self.draft.bodies[b].deciding => in_reservations && next_is_header,
            Some(_) => {
                (heading_like || text.split_whitespace().count() <= 8)
                    && (in_bodies || in_reservations || next_is_preamble())
            }
            None => {
                (in_bodies && (listed || next_is_preamble())) || (in_reservations && next_is_header)
            }
        };
        if !accept {
            return None;
        }
        self.marker();
        let line_no = self.lines[i].no;
        let b = self.body_named(text, line_no);
        let body = &mut self.draft.bodies[b];
        // The heading's spelling wins over the referral list's lower case.
        body.name = squash_whitespace(text.trim_end_matches(':'));
        body.norm = normalise(&body.name);
        let heading = Source::new(body.name.clone(), line_no, line_no);
        if !in_reservations {
            body.heading = Some(heading.clone());
        }
        self.heading = Some(heading);
        self.body = Some(b);
        if in_reservations {
            self.sink = Sink::Nowhere;
        } else {
            body.has_section = true;
            body.decision_line = line_no;
            self.set_phase(Phase::Bodies);
            self.sink = Sink::Decision(b);
        }
        Some(1)
    }

    /// "Socialnämnden beslutade vid sitt sammanträde den 17 februari 2026 följande.": (name,
    /// date text, lines).
    fn meeting_at(&self, i: usize) -> Option<(String, String, usize)> {
        preamble_at(self, i, ph::MEETING_PREAMBLES)
    }

    /// "Socialförvaltningens tjänsteutlåtande daterat den … har i huvudsak följande lydelse.":
    /// (administration in the genitive, date text, lines).
    fn opinion_at(&self, i: usize) -> Option<(String, String, usize)> {
        preamble_at(self, i, ph::OPINION_PREAMBLES)
    }

    /// The body a meeting or opinion preamble belongs to. In a body's part, that body,
    /// unless the preamble names another: another body of the statement, or (for a meeting,
    /// or an opinion of no administration: "Region Stockholms yttrande") a name that does not
    /// speak for the body ([`stance::Voice::speaks_for`]). Then that body's part starts here,
    /// heading or not, so that no body's words go under another's name. An administration's
    /// opinion ("Stadsledningskontorets tjänsteutlåtande" in Kommunstyrelsen's part) stays
    /// with the body.
    fn preamble_body(&mut self, name: &str, opinion: bool, line: usize) -> usize {
        let current = match self.body {
            Some(b) if self.phase == Phase::Bodies => b,
            _ => return self.body_named(name, line),
        };
        if let Some(other) = self.find_body(name) {
            return other;
        }
        let body = &self.draft.bodies[current];
        let voice = stance::Voice::of(
            [Some(body.name.as_str()), body.administration.as_deref()]
                .into_iter()
                .flatten(),
        );
        let administration = normalise(name)
            .split(' ')
            .next_back()
            .is_some_and(|w| ADMINISTRATION_WORDS.iter().any(|a| w.contains(a)));
        if voice.speaks_for(name) || (opinion && administration) {
            current
        } else {
            self.body_named(name, line)
        }
    }

    fn meeting_preamble(&mut self, i: usize) -> Option<usize> {
        if self.phase < Phase::Background || self.phase == Phase::Reservations {
            return None;
        }
        let (name, date_text, n) = self.meeting_at(i)?;
        self.marker();
        let b = self.preamble_body(&name, false, self.lines[i].no);
        let date = self.date(i, &date_text);
        let source = self.source(i, n);
        if self.body != Some(b) {
            self.heading = Some(source.clone());
        }
        let body = &mut self.draft.bodies[b];
        body.meeting_date = date;
        body.meeting_source = Some(source);
        body.has_section = true;
        self.body = Some(b);
        self.set_phase(Phase::Bodies);
        self.sink = Sink::Decision(b);
        Some(n)
    }

    fn opinion_preamble(&mut self, i: usize) -> Option<usize> {
        if self.phase < Phase::Background || self.phase == Phase::Reservations {
            return None;
        }
        let (genitive, date_text, n) = self.opinion_at(i)?;
        self.marker();
        let administration = nominative(&genitive);
        let b = self.preamble_body(&administration, true, self.lines[i].no);
        let date = self.date(i, &date_text);
        let source = self.source(i, n);
        if self.body != Some(b) {
            self.heading = Some(source.clone());
        }
        let body = &mut self.draft.bodies[b];
        body.administration = Some(administration);
        body.opinion_date = date;
        body.opinion_source = Some(source);
        body.opinion_line = self.lines[i].no;
        body.has_section = true;
        self.body = Some(b);
        self.set_phase(Phase::Bodies);
        self.sink = Sink::Opinion(b);
        Some(n)
    }

    /// Lines `i..i + n` as a source sentence.
    fn source(&self, i: usize, n: usize) -> Source {
        let end = (i + n.max(1)).min(self.lines.len());
        let text: Vec<String> = self.lines[i..end]
            .iter()
            .map(|l| squash_whitespace(&l.text))
            .collect();
        Source::new(text.join(" "), self.lines[i].no, self.lines[end - 1].no)
    }

    fn date(&mut self, i: usize, text: &str) -> Option<NaiveDate> {
        let d = byline::parse_date(text);
        if d.is_none() {
            self.note(i, Note::BadDate(text.to_string()));
        }
        d
    }

    fn note(&mut self, i: usize, note: Note) {
        self.draft.notes.push((self.lines[i].no, note));
    }

    fn proposals(&mut self, i: usize) -> Option<usize> {
        let Sink::Position(p) = self.sink else {
            return None;
        };
        if !self.expect_proposals || !self.run.is_empty() {
            return None;
        }
        let mut k = i;
        let mut found: Vec<String> = Vec::new();
        while let Some(line) = self.lines.get(k) {
            if found.last().is_some_and(|p| ends_proposals(p)) {
                break;
            }
            let first = strip_number(&line.text);
            if !starts_proposal(&first) {
                break;
            }
            let mut proposal = squash_whitespace(&first);
            k += 1;
            // A long att-sats continues in lower case on the next line.
            while !proposal_complete(&proposal) && k - i < 3 * MAX_MARKER_LINES {
                let Some(next) = self.lines.get(k) else {
                    break;
                };
                let lower = next.text.chars().next().is_some_and(char::is_lowercase);
                if !lower || starts_proposal(&strip_number(&next.text)) {
                    break;
                }
                proposal.push(' ');
                proposal.push_str(&squash_whitespace(&next.text));
                k += 1;
            }
            found.push(proposal);
        }
        if found.is_empty() {
            self.expect_proposals = false;
            return None;
        }
        self.draft.positions[p].proposals.extend(found);
        Some(k - i)
    }
}

/// Where each line starts in the lines joined with single spaces (white space collapsed):
/// [`Paragraph::starts`].
fn line_starts(lines: &[Line]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for l in lines {
        let len = squash_whitespace(&l.text).len();
        out.push((at, l.no));
        at += len + 1;
    }
    out
}

/// Whether a header has the shape of a statement's opener: one to
/// [`ph::UNKNOWN_OPENER_WORDS`] words starting with a capital (no digits, no punctuation, not
/// a case byline's word), a connector ("av", "anförd av", …), a signature line with a party
/// code, and after the last party parenthesis nothing, a full stop, or a position header's
/// tail ("se Reservationer m.m.", "enligt följande", "som instämde i …").
/// A district's bare name in a referral list ("Hägersten-Älvsjö"): a capital first, no word of
/// a body's own (nämnd, styrelse, kontor, förvaltning, a company's suffix) and no full stop.
fn bare_district(item: &str) -> bool {
    let n = normalise(item);
    starts_upper(item)
        && !item.ends_with('.')
        && ![
            "nämnd",
            "styrelse",
            "kontor",
            "förvaltning",
            "region",
            "polis",
            " ab",
            "bolag",
        ]
        .iter()
        .any(|w| n.contains(w))
        && n.split(' ').count() <= 3
}

/// "Reservation (SD)", "Särskilt uttalande (S, V)": a statement's kind followed by nothing but
/// party codes in parentheses, as "Reservation av (SD)" so the byline reads the parties; `None`
/// for anything else.
fn kind_and_party(header: &str) -> Option<String> {
    let header = header.trim().trim_end_matches(['.', ':']);
    let open = header.rfind('(')?;
    if !header.ends_with(')') {
        return None;
    }
    let kind = header[..open].trim();
    let codes = &header[open + 1..header.len() - 1];
    let known = ph::POSITION_OPENERS
        .iter()
        .any(|(o, _)| o.strip_suffix(" av ") == Some(normalise(kind).as_str()));
    let all_codes = !codes.trim().is_empty()
        && codes.split([',', ' ']).filter(|c| !c.is_empty()).all(|c| {
            c.chars().count() <= 3 && c.chars().all(|ch| ch.is_alphabetic()) || c == "och"
        });
    (known && all_codes).then(|| format!("{kind} av ({codes})"))
}

pub(crate) fn opener_shape(header: &str) -> bool {
    let f = Folded::new(header);
    let Some((at, end)) = ph::OPENER_CONNECTORS.iter().filter_map(|c| f.find(c)).min() else {
        return false;
    };
    let head = &header[..at];
    let words: Vec<&str> = head.split_whitespace().collect();
    let first = normalise(words.first().copied().unwrap_or(""));
    if words.is_empty()
        || words.len() > ph::UNKNOWN_OPENER_WORDS
        || !head.chars().next().is_some_and(char::is_uppercase)
        || head
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':' | ';' | '(' | ')'))
        || ph::CASE_BYLINES.iter().any(|(w, _)| first == *w)
    {
        return false;
    }
    let rest = &header[end..];
    let Some(close) = rest.rfind(')') else {
        return false;
    };
    let after = normalise(rest[close + 1..].trim());
    let tail_ok = after.is_empty()
        || after == "."
        || after == ":"
        || ph::POSITION_TAILS.iter().any(|(t, _)| {
            format!(" {after}").starts_with(t.trim_end()) || after.starts_with(t.trim())
        });
    let b = byline::parse(&rest[..=close]);
    tail_ok && !b.parties.is_empty() && !b.signatories.is_empty()
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a line is a signature line and nothing else: "Eva Holm m.fl. (S)", "Anders Lind,
/// Carl Wik och Dina Ali (alla M).": a capital first, at most [`MAX_SIGNATURE_WORDS`] words,
/// signatories and a party, the last party parenthesis at its end, no opener's connector.
fn signature_line(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ':']);
    if !starts_upper(t)
        || !t.ends_with(')')
        || t.split_whitespace().count() > MAX_SIGNATURE_WORDS
        || t.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let f = Folded::new(t);
    if ph::OPENER_CONNECTORS.iter().any(|c| f.find(c).is_some()) {
        return false;
    }
    let b = byline::parse(t);
    !b.signatories.is_empty() && !b.parties.is_empty()
}

/// Whether a sentence has the shape of a statement opened by a sentence whose verb the
/// importer does not know: a member's title or none, a signature line, and a verb whose text
/// follows ("Lars Ek (SD) anförde följande.", "Ledamoten Eva Holm (S) yttrade:").
fn sentence_opener_shape(sentence: &str) -> bool {
    let Some(close) = sentence.find(')') else {
        return false;
    };
    let f = Folded::new(&sentence[..=close]);
    let who = match ph::SENTENCE_ROLES
        .iter()
        .find_map(|r| f.lower.starts_with(r).then(|| f.find(r)).flatten())
    {
        Some((_, e)) => &sentence[e..=close],
        None => &sentence[..=close],
    };
    let after = normalise(&sentence[close + 1..]);
    let after = after.trim_end_matches(['.', ':']).trim_end();
    signature_line(who)
        && after.split(' ').count() <= 6
        && (after.ends_with("följande") || sentence.trim_end().ends_with(':'))
}

/// A header with its number taken out ("Reservation 1 av …", "Reservation nr 2 av …",
/// "Särskilt uttalande II av …" → "Reservation av …"), where what is left opens a position.
fn without_number(header: &str) -> Option<String> {
    let words: Vec<&str> = header.split_whitespace().collect();
    let number = |w: &str| {
        let w = w.trim_end_matches(['.', ':']);
        (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
            || (!w.is_empty() && w.len() <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
    };
    for at in 1..=2 {
        let Some(w) = words.get(at) else { break };
        let skip = if matches!(normalise(w).as_str(), "nr" | "nr." | "nummer")
            && words.get(at + 1).is_some_and(|n| number(n))
        {
            2
        } else if number(w) {
            1
        } else {
            continue;
        };
        let rest: Vec<&str> = words[..at]
            .iter()
            .chain(&words[at + skip..])
            .copied()
            .collect();
        let rest = rest.join(" ");
        let norm = normalise(&rest);
        if ph::POSITION_OPENERS
            .iter()
            .any(|(o, _)| norm.starts_with(o))
        {
            return Some(rest);
        }
    }
    None
}

/// A preamble `<name><infix><date><suffix>.` over one to three lines.
fn preamble_at(p: &Parser, i: usize, table: &[(&str, &str)]) -> Option<(String, String, usize)> {
    // Cheap test first: some line of the three holds a word of an infix.
    let near = p.lines.get(i..(i + 3).min(p.lines.len()))?;
    if !table.iter().any(|(infix, _)| {
        let word = infix
            .split_whitespace()
            .find(|w| w.len() > 4)
            .unwrap_or(infix);
        near.iter().any(|l| l.norm.contains(word))
    }) {
        return None;
    }
    let (sentence, n) = p.sentence_at(i, 3)?;
    // "Socialförvaltningens tjänsteutlåtande, daterat den 30 december 2025, har …": the
    // commas around the date are no part of the pattern.
    let sentence = sentence.trim_end_matches(['.', ':']).replace(", ", " ");
    let f = Folded::new(&sentence);
    for (infix, suffix) in table {
        let Some((name_end, date_start)) = f.find(infix) else {
            continue;
        };
        if !f.lower.ends_with(suffix) {
            continue;
        }
        let date_end = sentence.len() - suffix.len();
        if date_start > date_end || !sentence.is_char_boundary(date_end) {
            continue;
        }
        let date = &sentence[date_start..date_end];
        if date.split(' ').count() > 4 {
            continue;
        }
        let name = sentence[..name_end].trim();
        if name.is_empty() || name.split(' ').count() > 6 {
            continue;
        }
        return Some((name.to_string(), date.to_string(), n));
    }
    None
}

/// "Socialförvaltningens" → "Socialförvaltningen"; "Stockholms Hamn AB:s" → "Stockholms Hamn AB".
fn nominative(genitive: &str) -> String {
    let g = genitive.trim();
    if let Some(s) = g.strip_suffix(":s") {
        return s.to_string();
    }
    g.strip_suffix('s').unwrap_or(g).to_string()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "1. att tillstyrka" → "att tillstyrka".
fn strip_number(text: &str) -> String {
    let t = text.trim();
    if lines::starts_numbered_item(t) {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        t[digits + 1..].trim_start().to_string()
    } else {
        t.to_string()
    }
}

fn starts_proposal(s: &str) -> bool {
    let n = normalise(s);
    ph::PROPOSAL_STARTS.iter().any(|p| n.starts_with(p))
}

/// "Att därutöver anföra": the reasons follow, no more att-satser.
fn ends_proposals(p: &str) -> bool {
    let n = normalise(p);
    ph::PROPOSALS_LAST
        .iter()
        .any(|e| n.trim_end_matches(['.', ':', ',']).ends_with(e))
}

fn proposal_complete(p: &str) -> bool {
    let n = normalise(p);
    p.ends_with([',', '.', ';', ':']) || ph::PROPOSAL_ENDS.iter().any(|e| n.ends_with(e))
}

/// "Socialnämnden ............ 7", "Socialnämnden … 7", "Socialnämnden\t7" → "Socialnämnden":
/// a name, a leader (dots, an ellipsis or a tab), a page number.
fn contents_entry(text: &str) -> Option<String> {
    let dots = ".".repeat(ph::CONTENTS_DOTS);
    let at = [text.find(&dots), text.find('\u{2026}'), text.find('\t')]
        .into_iter()
        .flatten()
        .min()?;
    let name = text[..at].trim_end_matches(['.', ' ', '\t']).trim();
    let page = text[at..]
        .trim_start_matches(['.', ' ', '\u{2026}', '\t'])
        .trim();
    if name.is_empty() || !is_page(page) {
        return None;
    }
    Some(squash_whitespace(name))
}

/// "Trafiknämnden 4" → "Trafiknämnden": a heading-like name and a page number after a space.
fn contents_entry_spaced(text: &str) -> Option<String> {
    let (name, page) = text.trim().rsplit_once(' ')?;
    let name = name.trim();
    // "Reservationer m.m. 5": a heading may end in an abbreviation's full stop.
    (is_page(page) && lines::is_heading_text(name.trim_end_matches('.')))
        .then(|| squash_whitespace(name))
}

/// A page number: one to three digits.
fn is_page(text: &str) -> bool {
    let t = text.trim();
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// The rest of the sentence from `at`: up to a full stop followed by a capital, or the end.
fn sentence_from(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    for (k, c) in rest.char_indices() {
        if c == '.'
            && rest[k + 1..]
                .strip_prefix(' ')
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase)
        {
            return rest[..k].trim_end();
        }
    }
    rest.trim_end().trim_end_matches('.')
}

/// The start of the sentence that ends at `at`: after the last ". ", ": " or bullet before it.
fn sentence_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let cut = [". ", ": "]
        .iter()
        .filter_map(|sep| before.rfind(sep).map(|k| k + sep.len()))
        .chain(
            before
                .char_indices()
                .filter(|(_, c)| is_bullet(*c))
                .map(|(k, c)| k + c.len_utf8()),
        )
        .max()
        .unwrap_or(0);
    before[cut..].trim()
}

fn is_bullet(c: char) -> bool {
    ph::BULLETS.contains(&c) && c != '-' && c != '–'
}

/// "stadsledningskontoret, socialnämnden och Polisregion Stockholm" → the names, without
/// judging names that hold "och" (the parser's [`Parser::split_names_list`] does).
#[cfg(test)]
fn split_list(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in byline::split_list(list) {
        push_item(&mut out, item);
    }
    out
}

fn push_item(out: &mut Vec<String>, s: &str) {
    let s = s
        .trim()
        .trim_start_matches(|c: char| ph::BULLETS.contains(&c) || c.is_whitespace())
        .trim_end_matches(['.', ',', ';'])
        .trim();
    // "… samt till Polisregion Stockholm".
    let s = s.strip_prefix("till ").unwrap_or(s);
    if !s.is_empty() && s.chars().count() <= 80 {
        out.push(s.to_string());
    }
}

/// The target of "som är likalydande med …" or "som instämde i …".
fn parse_link(tail: Tail, target: &str) -> Link {
    let text = squash_whitespace(target.trim_end_matches(['.', ' ']));
    let f = Folded::new(&text);
    let stance = ph::LINK_STANCES
        .iter()
        .filter_map(|(w, s)| f.find(w).map(|(at, _)| (at, *s)))
        .min_by_key(|&(at, _)| at)
        .map_or(Stance::Reservation, |(_, s)| s);
    let mut parties = Vec::new();
    let mut byline_text = None;
    for marker in ph::LINK_AUTHORS {
        if let Some((_, end)) = f.find(marker) {
            byline_text = Some(&text[end..]);
            break;
        }
    }
    let mut body = None;
    if let Some(k) = text.rfind(ph::LINK_BODY) {
        let named = text[k + ph::LINK_BODY.len()..].trim();
        if !named.is_empty() && !named.contains('(') && named.split(' ').count() <= 6 {
            body = Some(named.to_string());
            if let Some(b) = byline_text {
                // "… anförd av X (M) i socialnämnden": the body is not part of the byline.
                if let Some(cut) = b.rfind(ph::LINK_BODY) {
                    byline_text = Some(&b[..cut]);
                }
            }
        }
    }
    let byline = byline_text.map(byline::parse);
    if let Some(b) = &byline {
        parties.extend(b.parties.iter().cloned());
    }
    for word in text.split(' ') {
        if let Some(p) = ph::PARTIES
            .iter()
            .find(|p| normalise(word) == normalise(&format!("{}s", p.name)))
            && !parties.iter().any(|c| c == p.code)
        {
            parties.push(p.code.to_string());
        }
    }
    Link {
        tail,
        stance,
        byline,
        parties,
        body,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headers_and_signature_lines() {
        assert_eq!(
            without_number("Reservation 1 av Anders Lind m.fl. (M)").as_deref(),
            Some("Reservation av Anders Lind m.fl. (M)")
        );
        assert_eq!(
            without_number("Reservation nr 2 av Eva Nord (MP)").as_deref(),
            Some("Reservation av Eva Nord (MP)")
        );
        assert_eq!(
            without_number("Särskilt uttalande II av Eva Holm (S)").as_deref(),
            Some("Särskilt uttalande av Eva Holm (S)")
        );
        assert_eq!(without_number("Reservation av den 12 maj 2025"), None);
        assert!(signature_line("Eva Holm m.fl. (S)"));
        assert!(signature_line(
            "Anders Lind, Carl Wik och Dina Ali (alla M)."
        ));
        assert!(!signature_line("Reservation av Eva Holm (S)"));
        assert!(!signature_line(
            "Moderaterna vill ha fler bänkar (M) i parkerna"
        ));
        assert!(sentence_opener_shape("Lars Ek (SD) anförde följande."));
        assert!(sentence_opener_shape("Ledamoten Eva Holm (S) yttrade:"));
        assert!(!sentence_opener_shape(
            "Eva Holm (S) vill bygga fler simhallar."
        ));
    }

    #[test]
    fn lists() {
        assert_eq!(
            split_list(
                "stadsledningskontoret, Miljö- och hälsoskyddsnämnden, Södermalms stadsdelsnämnd och Polisregion Stockholm"
            ),
            [
                "stadsledningskontoret",
                "Miljö- och hälsoskyddsnämnden",
                "Södermalms stadsdelsnämnd",
                "Polisregion Stockholm"
            ]
        );
    }

    #[test]
    fn sentences() {
        let t = "Ärendet har remitterats till a, b och c. Polisregion Stockholm har inte svarat.";
        let at = t.find("till ").unwrap() + 5;
        assert_eq!(sentence_from(t, at), "a, b och c");
        let at = t.find(" har inte").unwrap();
        assert_eq!(sentence_before(t, at), "Polisregion Stockholm");
        assert_eq!(sentence_from("till s.k. x och y.", 5), "s.k. x och y");
    }

    #[test]
    fn genitives() {
        assert_eq!(nominative("Socialförvaltningens"), "Socialförvaltningen");
        assert_eq!(
            nominative("Hässelby-Vällingby stadsdelsförvaltnings"),
            "Hässelby-Vällingby stadsdelsförvaltning"
        );
        assert_eq!(nominative("Stockholms Hamn AB:s"), "Stockholms Hamn AB");
    }

    #[test]
    fn contents_lines() {
        assert_eq!(
            contents_entry("Södermalms stadsdelsnämnd .................................. 11"),
            Some("Södermalms stadsdelsnämnd".to_string())
        );
        assert_eq!(contents_entry("Text.... mer text"), None);
        assert_eq!(
            contents_entry("Trafiknämnden … 4"),
            Some("Trafiknämnden".to_string())
        );
        assert_eq!(
            contents_entry("Trafiknämnden\t\t4"),
            Some("Trafiknämnden".to_string())
        );
        assert_eq!(
            contents_entry_spaced("Reservationer m.m. 5"),
            Some("Reservationer m.m.".to_string())
        );
        assert_eq!(contents_entry_spaced("I nuläget saknas 1000"), None);
        assert_eq!(contents_entry_spaced("år 2025"), None);
    }

    #[test]
    fn links() {
        let l = parse_link(
            Tail::IdenticalTo,
            "Moderaternas reservation i borgarrådsberedningen.",
        );
        assert_eq!(l.stance, Stance::Reservation);
        assert_eq!(l.parties, ["M"]);
        assert_eq!(l.body.as_deref(), Some("borgarrådsberedningen"));
        let l = parse_link(
            Tail::ConcursWith,
            "reservation anförd av Jonas Nilsson m.fl. (M).",
        );
        assert_eq!(l.parties, ["M"]);
        assert_eq!(
            l.byline.as_ref().map(|b| b.written.as_str()),
            Some("Jonas Nilsson m.fl. (M)")
        );
        assert_eq!(l.body, None);
        let l = parse_link(Tail::ConcursWith, "det särskilda uttalandet");
        assert_eq!(l.stance, Stance::SpecialStatement);
    }

    #[test]
    fn proposals_complete() {
        assert!(proposal_complete("att tillstyrka motionen,"));
        assert!(proposal_complete("Att därutöver anföra"));
        assert!(!proposal_complete("att uppdra åt nämnden att"));
        assert_eq!(strip_number("1. att tillstyrka"), "att tillstyrka");
    }

    #[test]
    fn a_kind_and_party_codes_alone_are_a_header() {
        assert_eq!(
            super::kind_and_party("Reservation (SD)").as_deref(),
            Some("Reservation av (SD)")
        );
        assert_eq!(
            super::kind_and_party("Särskilt uttalande (S, V):").as_deref(),
            Some("Särskilt uttalande av (S, V)")
        );
        // Not a kind, or not party codes: no header.
        assert_eq!(super::kind_and_party("Motionen (2026:12)"), None);
        assert_eq!(super::kind_and_party("Reservation (se nedan)"), None);
    }
}
