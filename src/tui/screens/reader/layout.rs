//! The reader's geometry and its document laid out: [`areas`] splits the screen (title, text,
//! the pane of similar texts) for both update and drawing; [`layout_doc`] lays a document out
//! (a position, or the case's own texts): a header, then its paragraphs wrapped to the width.
//! Done once per open or resize, so a frame only slices the visible lines, even for a
//! paragraph of megabytes.

use super::ReaderScreen;
use crate::i18n::Lang;
use crate::model::{Case, Part, TextRef};
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::screens::Screen;
use ratatui::layout::{Constraint, Layout, Rect};

/// Width of the pane of similar texts beside the reader's text.
pub const SIMILAR_PANE_WIDTH: u16 = 44;
/// The pane stands beside the text from this terminal width; below, it opens over the text's
/// lower part while it has the focus.
pub const SIMILAR_PANE_MIN_WIDTH: u16 = 110;

/// Where the reader draws: its title row, the text, and the pane of similar texts when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReaderAreas {
    pub title: Rect,
    pub text: Rect,
    pub pane: Option<Rect>,
}

/// The reader's areas within `main`. The pane stands beside the text when the open position
/// has been compared and the terminal is wide enough, else it opens over the text's lower
/// part while it has the focus.
pub fn areas(main: Rect, r: &ReaderScreen) -> ReaderAreas {
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(main);
    let (text, pane) = if r.compared && main.width >= SIMILAR_PANE_MIN_WIDTH {
        let [text, pane] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(SIMILAR_PANE_WIDTH)])
                .areas(body);
        (text, Some(pane))
    } else if r.similar_focus.is_some() {
        let [text, pane] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
        (text, Some(pane))
    } else {
        (body, None)
    };
    ReaderAreas { title, text, pane }
}

/// What the reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// A position (index into `Case::positions`).
    Position(usize),
    /// The case's own texts: the proposal and every section of the statement.
    CaseText,
}

/// The paragraphs of a document, in reading order; the reader's cursor indexes this list.
pub fn paragraphs(case: &Case, doc: Doc) -> Vec<(TextRef, &str)> {
    match doc {
        Doc::Position(position) => Part::Position(position).refs(case).collect(),
        Doc::CaseText => {
            let sections = (0..case.sections.len()).flat_map(|s| Part::Section(s).refs(case));
            let decisions = (0..case.bodies.len()).flat_map(|b| Part::Decision(b).refs(case));
            Part::Proposal
                .refs(case)
                .chain(sections)
                .chain(decisions)
                .collect()
        }
    }
}

/// The index in [`paragraphs`] of a paragraph, if the document has it.
pub fn index_of(case: &Case, doc: Doc, at: TextRef) -> Option<usize> {
    paragraphs(case, doc).iter().position(|(p, _)| *p == at)
}

/// The document that shows a paragraph, and the paragraph's index in it (`None` when the
/// document does not have it).
pub fn locate(case: &Case, at: TextRef) -> (Doc, Option<usize>) {
    match at.part {
        Part::Position(p) => (Doc::Position(p), Some(at.paragraph)),
        _ => (Doc::CaseText, index_of(case, Doc::CaseText, at)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Field,
    Link,
    Text,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLine {
    pub text: String,
    pub kind: LineKind,
    /// The paragraph this line belongs to (text lines only; index into [`paragraphs`]).
    pub paragraph: Option<usize>,
    /// Byte offset of the line's first character in its paragraph (text lines only).
    pub offset: usize,
}

fn line(text: String, kind: LineKind) -> ReaderLine {
    ReaderLine {
        text,
        kind,
        paragraph: None,
        offset: 0,
    }
}

/// Push `label: value`, wrapped to `width`, continuation lines indented.
fn push_field(out: &mut Vec<ReaderLine>, label: &str, value: &str, kind: LineKind, width: usize) {
    for (i, l) in wrap(&format!("{label}: {value}"), width)
        .into_iter()
        .enumerate()
    {
        let text = if i == 0 {
            l.into_owned()
        } else {
            format!("  {l}")
        };
        out.push(line(text, kind));
    }
}

/// "Annika Elmlund (M), Christoffer Hökmark (M)".
fn names(signatories: &[crate::model::Signatory]) -> String {
    signatories
        .iter()
        .map(|s| match &s.party {
            Some(p) => format!("{} ({p})", s.name),
            None => s.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Wrap paragraph `index` and push its lines, each with its byte offset in the paragraph.
fn push_paragraph(out: &mut Vec<ReaderLine>, index: usize, para: &str, width: usize) {
    let mut at = 0;
    for l in wrap(para, width) {
        // Every wrapped line is a piece of the paragraph, after the white space at the break.
        let rest = &para[at..];
        let skip = rest.len() - rest.trim_start().len();
        let offset = if rest[skip..].starts_with(l.as_ref()) {
            at + skip
        } else {
            rest.find(l.as_ref()).map_or(at, |i| at + i)
        };
        at = (offset + l.len()).min(para.len());
        out.push(ReaderLine {
            text: l.into_owned(),
            kind: LineKind::Text,
            paragraph: Some(index),
            offset,
        });
    }
    out.push(line(String::new(), LineKind::Blank));
}

/// Lay out `doc` for a terminal `width` columns wide.
/// The reader's note that `party`'s stance is inferred from the decision it reads (the
/// party lens's `*`): a field under the title.
pub fn inferred_note(party: &str, width: u16, lang: Lang) -> Vec<ReaderLine> {
    let width = usize::from(width.saturating_sub(2 * MARGIN)).max(8);
    let mut out = Vec::new();
    let value = lang.pick(
        "inferred (*), not stated: the governing majority's decision, which names no party",
        "härlett (*), inte utsagt: den styrande majoritetens beslut, som inte nämner något parti",
    );
    push_field(&mut out, party, value, LineKind::Field, width);
    out
}

pub fn layout_doc(case: &Case, doc: Doc, width: u16, lang: Lang, keys: &Keymap) -> Vec<ReaderLine> {
    match doc {
        Doc::Position(p) => layout(case, p, width, lang, keys),
        Doc::CaseText => layout_case_text(case, width, lang),
    }
}

/// The case's own texts: the facts of the case, the proposal, and every section.
fn layout_case_text(case: &Case, width: u16, lang: Lang) -> Vec<ReaderLine> {
    let width = usize::from(width.saturating_sub(2 * MARGIN)).max(8);
    let mut out = Vec::new();
    let field = |label: &str, value: &str, out: &mut Vec<ReaderLine>| {
        push_field(out, label, value, LineKind::Field, width);
    };
    let heading = lang.pick("The case's own texts", "Ärendets egna texter");
    out.push(line(heading.to_string(), LineKind::Title));
    if !case.authors.is_empty() {
        let by = names(&case.authors);
        field(lang.pick("Motion by", "Motion av"), &by, &mut out);
    }
    if let Some(c) = &case.presenting_commissioner {
        field(
            lang.pick("Presenting commissioner", "Föredragande borgarråd"),
            c,
            &mut out,
        );
    }
    if let Some(d) = case.date {
        field(
            lang.pick("Statement dated", "Utlåtande daterat"),
            &d.to_string(),
            &mut out,
        );
    }
    for a in &case.attachments {
        field(lang.pick("Attachment", "Bilaga"), a, &mut out);
    }
    let mut n = 0;
    let mut part = |title: &str, texts: &[String], out: &mut Vec<ReaderLine>| {
        out.push(line(String::new(), LineKind::Blank));
        for l in wrap(title, width) {
            out.push(line(l.into_owned(), LineKind::Title));
        }
        for t in texts {
            push_paragraph(out, n, t, width);
            n += 1;
        }
    };
    part(
        lang.pick("Proposal", "Förslag till beslut"),
        &case.proposal,
        &mut out,
    );
    for s in &case.sections {
        part(&s.title, &s.paragraphs, &mut out);
    }
    for b in case.bodies.iter().filter(|b| !b.decision.is_empty()) {
        let date = b.meeting_date.map(|d| format!(" {d}")).unwrap_or_default();
        let title = format!("{}: {}{date}", b.name, lang.pick("decision", "beslut"));
        part(&title, &b.decision, &mut out);
    }
    out
}

/// The decision point a position concerns: its number and full title, the decision, and the
/// vote where there is one (the counts, the winner, what each side was for, and how the
/// position's parties voted).
fn push_point(
    out: &mut Vec<ReaderLine>,
    pt: &crate::model::Point,
    parties: &[String],
    width: usize,
    lang: Lang,
) {
    use crate::export::matrix::{choice_word, decision_cell, point_label};
    let field = |label: &str, value: &str, out: &mut Vec<ReaderLine>| {
        push_field(out, label, value, LineKind::Field, width);
    };
    field(lang.pick("Point", "Punkt"), &point_label(pt), out);
    let decided = decision_cell(pt, lang);
    if pt.vote.is_some() && !decided.is_empty() {
        field(lang.pick("Decided", "Avgjord"), &decided, out);
    }
    for d in &pt.decision {
        field(lang.pick("Decision", "Beslut"), d, out);
    }
    let Some(vote) = &pt.vote else {
        return;
    };
    for (side, what) in [
        (crate::model::Choice::Yes, &vote.yes_for),
        (crate::model::Choice::No, &vote.no_for),
    ] {
        if let Some(what) = what {
            field(choice_word(side, lang), what, out);
        }
    }
    let voted: Vec<String> = parties
        .iter()
        .filter_map(|party| {
            let side = vote.party_tally(party)?.leading()?;
            Some(format!("{party} {}", choice_word(side, lang)))
        })
        .collect();
    if !voted.is_empty() {
        field(lang.pick("Voted", "Röstade"), &voted.join(", "), out);
    }
}

/// Wrap greedily (first fit): linear and fast even for a paragraph of megabytes.
fn wrap(text: &str, width: usize) -> Vec<std::borrow::Cow<'_, str>> {
    let options = textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(text, options)
}

/// Margin on each side of the text.
pub const MARGIN: u16 = 2;

/// The mode whose keys the reader's texts name.
const READER: Mode = Mode::Screen(Screen::Reader);

/// A position laid out at `width` columns; a link's label names the key that follows it, as
/// the user has it in `keys`.
pub fn layout(
    case: &Case,
    position: usize,
    width: u16,
    lang: Lang,
    keys: &Keymap,
) -> Vec<ReaderLine> {
    let width = usize::from(width.saturating_sub(2 * MARGIN)).max(8);
    let p = &case.positions[position];
    let body = case.body(p);
    let mut out = Vec::new();
    let field = |label: &str, value: String, kind: LineKind, out: &mut Vec<ReaderLine>| {
        push_field(out, label, &value, kind, width);
    };
    let title = format!("{} · {}", lang.position_name(p), case.byline(p));
    for l in wrap(&title, width) {
        out.push(line(l.into_owned(), LineKind::Title));
    }
    let date = case
        .date_of(p)
        .map(|d| format!(" · {d}"))
        .unwrap_or_default();
    field(
        lang.pick("Body", "Organ"),
        format!("{}{date}", body.name),
        LineKind::Field,
        &mut out,
    );
    // Each point the position concerns (one as a rule; "punkterna 18 och 19" two).
    for pt in p.points.iter().filter_map(|&k| case.points.get(k)) {
        push_point(&mut out, pt, &p.parties, width, lang);
    }
    if !p.parties.is_empty() {
        field(
            lang.pick("Parties", "Partier"),
            p.parties.join(", "),
            LineKind::Field,
            &mut out,
        );
    }
    if !p.signatories.is_empty() {
        field(
            lang.pick("Signed", "Undertecknad av"),
            names(&p.signatories),
            LineKind::Field,
            &mut out,
        );
    }
    if let Some(author) = &p.author {
        field(
            lang.pick("Written by", "Skriven av"),
            author.clone(),
            LineKind::Field,
            &mut out,
        );
    }
    if let Some(d) = body.opinion_date
        && p.stance.is_decision()
    {
        field(
            lang.pick("Opinion dated", "Tjänsteutlåtande daterat"),
            d.to_string(),
            LineKind::Field,
            &mut out,
        );
    }
    if p.stance.is_decision() {
        for d in &body.decision {
            field(
                lang.pick("Decision", "Beslut"),
                d.clone(),
                LineKind::Field,
                &mut out,
            );
        }
    }
    for prop in &p.proposals {
        field(
            lang.pick("Proposal", "Yrkande"),
            prop.clone(),
            LineKind::Field,
            &mut out,
        );
    }
    if let Some(t) = p.identical_to {
        let target = &case.positions[t];
        let label = lang.pick(
            "Identical to ({follow-link} follows)",
            "Likalydande med ({follow-link} följer)",
        );
        field(
            &keys.fill(READER, label),
            format!("{} · {}", case.body(target).name, target.id),
            LineKind::Link,
            &mut out,
        );
    }
    if let Some(t) = p.concurs_with {
        let target = &case.positions[t];
        let label = lang.pick(
            "Concurs with ({follow-link} follows)",
            "Instämmer i ({follow-link} följer)",
        );
        field(
            &keys.fill(READER, label),
            format!("{} · {}", case.byline(target), target.id),
            LineKind::Link,
            &mut out,
        );
    }
    // What the import read each fact from: the position's evidence, and for a body's own
    // decision the body's (its dates, whether it answered).
    let body_evidence = if p.stance.is_decision() || p.stance == crate::model::Stance::NoAnswer {
        body.evidence.as_slice()
    } else {
        &[]
    };
    for ev in body_evidence.iter().chain(&p.evidence) {
        let lines = lang.source_lines(ev.lines);
        let label = format!(
            "{} ({}, {}, {lines})",
            lang.pick("Evidence", "Belägg"),
            lang.fact(ev.fact),
            lang.review(ev.review)
        );
        let note = ev
            .note
            .as_ref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        field(
            &label,
            format!("“{}”{note}", ev.sentence),
            LineKind::Field,
            &mut out,
        );
    }
    out.push(line(String::new(), LineKind::Blank));
    let paragraphs = case.text_of(position);
    if paragraphs.is_empty() {
        let msg = lang.pick("(no text of its own)", "(ingen egen text)");
        out.push(line(msg.to_string(), LineKind::Field));
    }
    for (i, para) in paragraphs.iter().enumerate() {
        push_paragraph(&mut out, i, para, width);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn lines_fit_the_width_and_keep_every_word() {
        let case = load_bundled();
        let i = case.position_index("skarholmen/reservation/M").unwrap();
        let lines = layout(&case, i, 40, Lang::En, &Keymap::default());
        assert!(
            lines
                .iter()
                .all(|l| unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= 36)
        );
        let words: Vec<&str> = lines
            .iter()
            .filter(|l| l.paragraph.is_some())
            .flat_map(|l| l.text.split_whitespace())
            .collect();
        let expected: Vec<&str> = case
            .text_of(i)
            .iter()
            .flat_map(|p| p.split_whitespace())
            .collect();
        assert_eq!(words, expected);
    }

    #[test]
    fn offsets_point_at_each_line_in_its_paragraph() {
        let case = load_bundled();
        let i = case
            .position_index("hasselby-vallingby/reservation/M")
            .unwrap();
        let text = case.text_of(i);
        for width in [12, 30, 57, 200] {
            for l in layout(&case, i, width, Lang::Sv, &Keymap::default()) {
                if let Some(p) = l.paragraph {
                    assert_eq!(&text[p][l.offset..l.offset + l.text.len()], l.text);
                }
            }
        }
    }

    #[test]
    fn case_text_has_every_section_and_numbers_paragraphs_in_order() {
        let case = load_bundled();
        let lines = layout_doc(&case, Doc::CaseText, 100, Lang::Sv, &Keymap::default());
        for s in &case.sections {
            assert!(
                lines
                    .iter()
                    .any(|l| l.kind == LineKind::Title && l.text == s.title)
            );
        }
        let paras = paragraphs(&case, Doc::CaseText);
        let last = lines.iter().filter_map(|l| l.paragraph).max().unwrap();
        assert_eq!(last + 1, paras.len());
        let views = case
            .sections
            .iter()
            .position(|s| s.id == "commissioner_views")
            .unwrap();
        let at = index_of(&case, Doc::CaseText, TextRef::new(Part::Section(views), 1));
        assert!(paras[at.unwrap()].1.starts_with("Samtidigt måste vi"));
    }

    #[test]
    fn an_imported_position_shows_its_evidence() {
        let src = include_str!("../../../../tests/fixtures/evidence/imported.toml");
        let case = crate::model::parse_case(src, "t.toml", "t").unwrap();
        let i = case.position_index("socialnamnden/reject").unwrap();
        let text: Vec<String> = layout(&case, i, 200, Lang::En, &Keymap::default())
            .into_iter()
            .filter(|l| l.kind == LineKind::Field)
            .map(|l| l.text)
            .collect();
        let evidence: Vec<&String> = text.iter().filter(|l| l.starts_with("Evidence")).collect();
        // The body's meeting date, then the stance's two readings; each with its state.
        assert!(
            evidence
                .iter()
                .any(|l| l.contains("(stance, uncertain, line")),
            "{text:#?}"
        );
        assert!(
            evidence
                .iter()
                .any(|l| l.starts_with("Evidence (meeting date, inferred")),
            "{text:#?}"
        );
        for ev in &case.positions[i].evidence {
            assert!(
                evidence.iter().any(|l| l.contains(&ev.sentence)),
                "{}",
                ev.sentence
            );
        }
        // Swedish.
        let sv = layout(&case, i, 200, Lang::Sv, &Keymap::default());
        assert!(
            sv.iter()
                .any(|l| l.text.starts_with("Belägg (ställningstagande, osäker"))
        );
    }

    #[test]
    fn identical_position_shows_link_and_borrowed_text() {
        let case = load_bundled();
        let i = case
            .position_index("kommunstyrelsen/reservation/M")
            .unwrap();
        let lines = layout(&case, i, 100, Lang::En, &Keymap::default());
        assert!(
            lines.iter().any(|l| l.kind == LineKind::Link
                && l.text.contains("borgarradsberedningen/reservation/M"))
        );
        assert!(lines.iter().any(|l| l.paragraph == Some(0)));
    }
}
