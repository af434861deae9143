//! The report (`remiss report`): one self-contained HTML file for colleagues who do not use a
//! terminal. Per case: the header and summary, the matrix in both lenses (and, where the case
//! has decision points, points × parties), every body with its
//! decision and every position in full with its citation, the families of reused text with
//! their word diffs, and the debate notes.
//!
//! The file needs nothing but a browser: no script, no font, image or style sheet from
//! elsewhere (a Content-Security-Policy forbids both), and it prints well (a print style
//! sheet; every body starts a page). Every text from a case or a notes file is escaped: the
//! markup is built with maud, which escapes each interpolated value unless it is wrapped in
//! `PreEscaped`, and this module wraps only its own constant style sheet.

use crate::analysis::diff::{DiffOptions, Tag, TextDiff, diff_texts};
use crate::analysis::similarity::{Family, PosRef, Similarity};
use crate::export::matrix::{By, decision_cell, legend, mark_name, point_label, vote_label};
use crate::export::similar::label_text;
use crate::i18n::Lang;
use crate::model::citation::{case_text_citation, citation, decision_citation};
use crate::model::matrix::{DECISION_MARK, INFERRED_MARK, Lens, review_mark};
use crate::model::{Case, Evidence, Position, Review, Stance};
use crate::notes::{ItemKind, Notes};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// What a report covers: the cases, the notes of each (same order; `None` where a case has
/// none or they could not be read), and the similarity of their positions.
pub struct Report<'a> {
    pub cases: &'a [Case],
    pub notes: &'a [Option<Notes>],
    pub similarity: &'a Similarity,
    pub lang: Lang,
}

/// The style sheet: readable on screen, a page per body on paper, no colour needed to read it
/// (deletions are struck through and insertions underlined as well as coloured).
const STYLE: &str = r#"
:root { color-scheme: light; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #111; background: #fff;
  max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, th, nav, .meta, .mark, .summary, footer { font-family: system-ui, "Segoe UI", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #999; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-bottom: .25rem; }
.summary { font-size: 1.05rem; font-weight: 600; }
.meta { font-size: .9rem; color: #333; margin: .25rem 0; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0 .25rem; font-family: system-ui, Arial, sans-serif; font-size: .9rem; }
th, td { border: 1px solid #999; padding: .2rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td a { text-decoration: none; }
.legend { font-size: .85rem; color: #333; }
blockquote { margin: .5rem 0; padding: .1rem 1rem; border-left: 4px solid #bbb; }
.citation { font-size: .9rem; color: #333; font-style: italic; margin-top: 0; }
.position { margin: 1.5rem 0; }
.link { font-style: italic; }
.mark { font-weight: 700; color: #6a1b9a; }
.inferred { font-style: italic; }
del { color: #b00020; text-decoration: line-through; }
ins { color: #1b5e20; text-decoration: underline; }
.diff p { margin: .4rem 0; }
.stale, .review { font-weight: 700; color: #8a5a00; }
.evidence { border: 1px solid #d9a400; padding: .25rem .75rem; margin: .5rem 0; font-size: .9rem; }
.comment { border-left: 4px solid #2e7d32; padding-left: .75rem; }
nav ul { columns: 2; font-size: .9rem; }
footer { margin-top: 3rem; font-size: .8rem; color: #555; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .body-section, .families, .notes { break-before: page; }
  .position, blockquote, table, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"#;

/// The report as one HTML document.
pub fn to_html(report: &Report) -> String {
    let lang = report.lang;
    let title = match report.cases {
        [case] => format!("{} · {}", case.dnr, case.title),
        cases => format!(
            "{} ({} {})",
            lang.pick("remiss report", "remissrapport"),
            cases.len(),
            lang.pick("cases", "ärenden")
        ),
    };
    let page = html! {
        (DOCTYPE)
        html lang=(lang.pick("en", "sv")) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy"
                    content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(format!("remiss {}", env!("CARGO_PKG_VERSION")));
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                @for (n, case) in report.cases.iter().enumerate() {
                    (case_article(report, n, case))
                }
                footer {
                    (lang.pick("Made with", "Gjord med")) " remiss "
                    (env!("CARGO_PKG_VERSION")) ". "
                    (lang.pick(
                        "Texts as in the case files; a stance marked * is inferred, not stated.",
                        "Texterna som i ärendefilerna; ett ställningstagande märkt * är härlett, inte angivet."
                    ))
                }
            }
        }
    };
    page.into_string()
}

/// The anchor of a position: unique across the report.
fn position_anchor(case: usize, p: &Position) -> String {
    format!("c{case}-p-{}", p.id)
}

fn body_anchor(case: usize, body: usize) -> String {
    format!("c{case}-b{body}")
}

fn case_article(report: &Report, n: usize, case: &Case) -> Markup {
    let lang = report.lang;
    let notes = report.notes.get(n).and_then(Option::as_ref);
    let families: Vec<&Family> = report
        .similarity
        .families()
        .iter()
        .filter(|f| f.base.case == n)
        .collect();
    html! {
        article.case id=(format!("c{n}")) {
            header {
                h1 { (case.dnr) " · " (case.title) }
                p.summary { (lang.summary(case)) }
                (case_meta(case, lang))
            }
            @if !case.proposal.is_empty() {
                h2 { (lang.pick("Proposal", "Förslag till beslut")) }
                blockquote {
                    @for p in &case.proposal { p { (p) } }
                }
                p.citation { "— " (case_text_citation(case, "Förslag till beslut")) }
            }
            nav {
                h2 { (lang.pick("Contents", "Innehåll")) }
                ul {
                    li { a href=(format!("#c{n}-matrix")) { (lang.pick("Matrix", "Matris")) } }
                    @if !case.points.is_empty() {
                        li { a href=(format!("#c{n}-points")) { (lang.pick("Decision points", "Beslutspunkter")) } }
                    }
                    @if !case.sections.is_empty() {
                        li { a href=(format!("#c{n}-texts")) { (lang.pick("The statement's texts", "Utlåtandets texter")) } }
                    }
                    @for (b, body) in case.bodies.iter().enumerate() {
                        li { a href=(format!("#{}", body_anchor(n, b))) { (body.name) } }
                    }
                    @if !families.is_empty() {
                        li { a href=(format!("#c{n}-families")) { (lang.pick("Reused text", "Återanvänd text")) } }
                    }
                    @if notes.is_some_and(|x| !x.items.is_empty()) {
                        li { a href=(format!("#c{n}-notes")) { (lang.pick("Debate notes", "Debattanteckningar")) } }
                    }
                }
            }
            section.matrix id=(format!("c{n}-matrix")) {
                h2 { (lang.pick("Matrix: bodies and stances", "Matris: organ och ställningstaganden")) }
                (stance_matrix(report, n, case))
                (legend_lines(case, Lens::Stance, lang))
                p.legend { (lang.pick("A letter marks a family of reused text (A′: a variant).",
                               "En bokstav märker en familj av återanvänd text (A′: en variant).")) }
                h3 { (lang.pick("By party", "Per parti")) }
                (party_matrix(report, n, case))
                (legend_lines(case, Lens::Party, lang))
            }
            @if !case.points.is_empty() {
                section.matrix id=(format!("c{n}-points")) {
                    h2 { (lang.pick("Matrix: decision points and parties", "Matris: beslutspunkter och partier")) }
                    (point_matrix(report, n, case))
                    (legend_lines(case, By::Point, lang))
                }
            }
            @if !case.sections.is_empty() {
                section.texts id=(format!("c{n}-texts")) {
                    h2 { (lang.pick("The statement's texts", "Utlåtandets texter")) }
                    @for s in &case.sections {
                        h3 { (s.title) }
                        blockquote { @for p in &s.paragraphs { p { (p) } } }
                        p.citation { "— " (case_text_citation(case, &s.title)) }
                    }
                }
            }
            @for (b, _) in case.bodies.iter().enumerate() {
                (body_section(report, n, case, b))
            }
            @if !families.is_empty() {
                (families_section(report, n, &families))
            }
            @if let Some(notes) = notes.filter(|x| !x.items.is_empty()) {
                (notes_section(n, case, notes, lang))
            }
        }
    }
}

fn case_meta(case: &Case, lang: Lang) -> Markup {
    let authors: Vec<String> = case
        .authors
        .iter()
        .map(|a| match &a.party {
            Some(p) => format!("{} ({p})", a.name),
            None => a.name.clone(),
        })
        .collect();
    html! {
        dl.meta {
            dt { (lang.pick("Registration number", "Diarienummer")) } dd { (case.dnr) }
            @if let Some(m) = &case.municipality { dt { (lang.pick("Municipality", "Kommun")) } dd { (m) } }
            @if !authors.is_empty() { dt { (lang.pick("Motion by", "Motion av")) } dd { (authors.join(", ")) } }
            @if let Some(d) = case.motion_date { dt { (lang.pick("Motion dated", "Motionens datum")) } dd { (d) } }
            @if let Some(d) = case.date { dt { (lang.pick("Statement dated", "Utlåtandets datum")) } dd { (d) } }
            @if let Some(c) = &case.presenting_commissioner { dt { (lang.pick("Presenting commissioner", "Föredragande borgarråd")) } dd { (c) } }
            @if let Some(s) = &case.source {
                dt { (lang.pick("Source", "Källa")) }
                dd { @for (i, part) in [&s.title, &s.file, &s.url].into_iter().flatten().enumerate() {
                    @if i > 0 { ", " } (part)
                } }
            }
        }
    }
}

/// What the matrix's marks mean, a line each.
fn legend_lines(case: &Case, by: impl Into<By>, lang: Lang) -> Markup {
    html! { @for line in legend(case, by, lang) { p.legend { (line) } } }
}

/// Where imported facts come from, when any is not confirmed: each fact, its review state, the
/// sentence it was read from and its source lines (a stance remiss is not sure of is shown
/// with the sentence it came from, never as a plain fact).
fn evidence_list(evidence: &[Evidence], lang: Lang) -> Markup {
    let weakest = crate::model::weakest_review(evidence);
    html! {
        @if matches!(weakest, Some(Review::Uncertain | Review::Inferred)) {
            div.evidence {
                p.review {
                    @if weakest == Some(Review::Uncertain) {
                        (lang.pick("Uncertain: imported; check it against the document before quoting it.",
                                   "Osäkert: importerat; stäm av mot dokumentet innan du citerar det."))
                    } @else {
                        (lang.pick("Inferred by the import, not yet reviewed.",
                                   "Härlett av importen, ännu inte granskat."))
                    }
                }
                ul { @for e in evidence.iter().filter(|e| e.review != Review::Confirmed) {
                    li {
                        strong { (lang.fact(e.fact)) } " (" (lang.review(e.review)) "): "
                        "”" (e.sentence) "” "
                        span.meta { (lang.pick("lines", "rader")) " " (e.lines.0) "–" (e.lines.1) }
                        @if let Some(note) = &e.note { " · " (note) }
                    }
                } }
            }
        }
    }
}

/// A link to a position, its label with the position's review mark, and its family mark.
fn position_link(report: &Report, n: usize, case: &Case, i: usize, label: &str) -> Markup {
    // `Case::review_of`: a derived no-answer has its body's review.
    let label = format!("{label}{}", review_mark(case.review_of(i)));
    marked_link(report, n, case, i, &label)
}

/// [`position_link`] with a label that carries its review marks already.
fn marked_link(report: &Report, n: usize, case: &Case, i: usize, label: &str) -> Markup {
    let p = &case.positions[i];
    let mark = report.similarity.family_of(PosRef {
        case: n,
        position: i,
    });
    html! {
        a href=(format!("#{}", position_anchor(n, p))) title=(citation(case, i)) {
            (label)
            @if let Some(m) = mark { " " span.mark { (m.to_string()) } }
        }
    }
}

/// A table of bodies (rows, linked to their sections) against `columns`.
fn matrix_table<C>(
    lang: Lang,
    n: usize,
    case: &Case,
    columns: &[C],
    head: impl Fn(&C) -> Markup,
    cell: impl Fn(usize, &C) -> Markup,
) -> Markup {
    html! {
        table {
            thead { tr {
                th scope="col" { (lang.pick("Body", "Organ")) }
                @for c in columns { (head(c)) }
            } }
            tbody {
                @for (b, body) in case.bodies.iter().enumerate() {
                    tr {
                        th scope="row" { a href=(format!("#{}", body_anchor(n, b))) { (body.name) } }
                        @for c in columns { td { (cell(b, c)) } }
                    }
                }
            }
        }
    }
}

/// Bodies × stances; a cell lists its positions by party (• a decision naming none).
fn stance_matrix(report: &Report, n: usize, case: &Case) -> Markup {
    let lang = report.lang;
    let head = |s: &Stance| html! { th scope="col" { (lang.stance(*s)) } };
    let cell = |b: usize, s: &Stance| {
        html! {
            @for (k, i) in case.cell(b, *s).into_iter().enumerate() {
                @if k > 0 { " " }
                @let p = &case.positions[i];
                // The review mark after each party, as the app shows it ("S~ V~ MP~").
                @let review = review_mark(case.review_of(i));
                @let label = if p.parties.is_empty() {
                    format!("{DECISION_MARK}{review}")
                } else {
                    p.parties.iter().map(|c| format!("{c}{review}")).collect::<Vec<_>>().join(" ")
                };
                (marked_link(report, n, case, i, &label))
            }
        }
    };
    matrix_table(lang, n, case, &case.used_stances(), head, cell)
}

/// Bodies × parties; a cell lists the party's stances, an inferred one marked.
fn party_matrix(report: &Report, n: usize, case: &Case) -> Markup {
    let lang = report.lang;
    let head = |p: &&str| {
        html! { th scope="col" title=(case.party(p).map_or("", |x| x.name.as_str())) { (p) } }
    };
    let cell = |b: usize, p: &&str| {
        html! {
            @for (k, s) in case.party_stances(b, p).into_iter().enumerate() {
                @if k > 0 { ", " }
                @if s.inferred {
                    span.inferred title=(lang.pick("inferred from the majority's decision", "härlett ur majoritetens beslut")) {
                        (position_link(report, n, case, s.position, &format!("{}{INFERRED_MARK}", lang.stance(s.stance))))
                    }
                } @else {
                    (position_link(report, n, case, s.position, lang.stance(s.stance)))
                }
            }
        }
    };
    matrix_table(lang, n, case, &case.active_parties(), head, cell)
}

/// Decision points × parties: each point's number and title and how it was decided, then per
/// party its reservations and statements on the point (linked to their texts, with their
/// numbers) and its side in the vote (✓ on the winning side); a last row for those naming no
/// point. The same facts as `remiss matrix --by point`.
fn point_matrix(report: &Report, n: usize, case: &Case) -> Markup {
    let lang = report.lang;
    let m = case.point_matrix();
    html! {
        table.points {
            thead { tr {
                th scope="col" { (lang.pick("Point", "Punkt")) }
                th scope="col" { (lang.pick("Decision", "Beslut")) }
                @for p in &m.parties {
                    th scope="col" title=(case.party(p).map_or("", |x| x.name.as_str())) { (p) }
                }
            } }
            tbody {
                @for row in &m.rows {
                    tr {
                        @if let Some(pt) = row.point.and_then(|k| case.points.get(k)) {
                            th scope="row" { (point_label(pt)) }
                            td { (decision_cell(pt, lang)) }
                        } @else {
                            th scope="row" { (lang.pick("– (no point)", "– (ingen punkt)")) }
                            td {}
                        }
                        @for cell in &row.cells {
                            td {
                                @for (k, mark) in cell.marks.iter().enumerate() {
                                    @if k > 0 { ", " }
                                    (position_link(report, n, case, mark.position, &mark_name(mark, lang)))
                                }
                                @if let Some(vote) = vote_label(cell, lang) {
                                    @if !cell.marks.is_empty() { ", " }
                                    (vote)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn body_section(report: &Report, n: usize, case: &Case, b: usize) -> Markup {
    let lang = report.lang;
    let body = &case.bodies[b];
    html! {
        section.body-section id=(body_anchor(n, b)) {
            h2 { (body.name) }
            p.meta {
                (lang.body_kind(body.kind))
                @if let Some(a) = &body.administration { " · " (a) }
                @if let Some(d) = body.opinion_date { " · " (lang.pick("opinion", "tjänsteutlåtande")) " " (d) }
                @if let Some(d) = body.meeting_date { " · " (lang.pick("meeting", "sammanträde")) " " (d) }
            }
            (evidence_list(&body.evidence, lang))
            @if !body.answered {
                p { (lang.pick("Has not answered.", "Har inte inkommit med svar.")) }
            }
            @if !body.decision.is_empty() {
                h3 { (lang.pick("Decision", "Beslut")) }
                blockquote { @for p in &body.decision { p { (p) } } }
                p.citation { "— " (decision_citation(case, b)) }
            }
            @for (i, p) in case.positions_of(b) {
                @if p.stance != Stance::NoAnswer {
                    (position_article(report, n, case, i))
                }
            }
        }
    }
}

fn position_article(report: &Report, n: usize, case: &Case, i: usize) -> Markup {
    let lang = report.lang;
    let p = &case.positions[i];
    let mark = report.similarity.family_of(PosRef {
        case: n,
        position: i,
    });
    let text = case.text_of(i);
    let heading = if p.stance.is_decision() {
        lang.stance(p.stance).to_string()
    } else {
        format!("{}: {}", lang.stance(p.stance), case.byline(p))
    };
    html! {
        article.position id=(position_anchor(n, p)) {
            h3 {
                (heading)
                @if let Some(m) = mark { " " span.mark title=(lang.pick("family of reused text", "familj av återanvänd text")) { (m.to_string()) } }
            }
            (evidence_list(&p.evidence, lang))
            p.meta {
                @if !p.parties.is_empty() { (lang.pick("Parties", "Partier")) ": " (p.parties.join(", ")) " · " }
                @if let Some(d) = case.date_of(p) { (d) " · " }
                code { (p.id) }
            }
            @if let Some(j) = p.identical_to {
                p.link { (lang.pick("Identical to", "Likalydande med")) " "
                    (position_link(report, n, case, j, &citation(case, j))) }
            }
            @if let Some(j) = p.concurs_with {
                p.link { (lang.pick("Concurred with", "Instämde i")) " "
                    (position_link(report, n, case, j, &citation(case, j))) }
            }
            @if !p.proposals.is_empty() {
                ul.proposals { @for prop in &p.proposals { li { (prop) } } }
            }
            @if !text.is_empty() {
                blockquote { @for para in text { p { (para) } } }
                p.citation { "— " (citation(case, i)) }
            }
        }
    }
}

fn families_section(report: &Report, n: usize, families: &[&Family]) -> Markup {
    let lang = report.lang;
    let cases = report.cases;
    let name = |p: PosRef| citation(&cases[p.case], p.position);
    html! {
        section.families id=(format!("c{n}-families")) {
            h2 { (lang.pick("Reused text", "Återanvänd text")) }
            p { (lang.pick(
                "Texts filed in more than one body. Each family has a base, its most central text; \
                 every variant is shown as a word diff against it (struck through: only in the \
                 base; underlined: only in the variant).",
                "Texter som lämnats i mer än ett organ. Varje familj har en bas, dess mest \
                 centrala text; varje variant visas som en orddiff mot den (överstruket: bara i \
                 basen; understruket: bara i varianten)."
            )) }
            @for f in families {
                h3 { span.mark { (f.letter) } " · " (lang.pick("base", "bas")) ": " (name(f.base)) }
                table {
                    thead { tr {
                        th { (lang.pick("Text", "Text")) }
                        th { (lang.pick("Relation", "Samband")) }
                        th { (lang.pick("in base", "i basen")) }
                        th { (lang.pick("base in", "basen i")) }
                    } }
                    tbody { @for m in &f.members {
                        tr {
                            td { (position_link(report, m.position.case, &cases[m.position.case], m.position.position, &name(m.position))) }
                            td { @if m.position == f.base { (lang.pick("base", "bas")) } @else { (label_text(m.label, lang)) } }
                            td { (lang.percent(m.in_base)) }
                            td { (lang.percent(m.base_in)) }
                        }
                    } }
                }
                @for m in f.members.iter().filter(|m| m.position != f.base && m.is_variant()) {
                    @let base_text = cases[f.base.case].text_of(f.base.position);
                    @let text = cases[m.position.case].text_of(m.position.position);
                    @let diff = diff_texts(base_text, text, &DiffOptions::default());
                    h4 { (name(m.position)) }
                    p.meta { (crate::export::diff::summary(&diff.stats, lang)) }
                    div.diff { (diff_markup(&diff)) }
                }
            }
        }
    }
}

/// A word diff inline: equal text as it is, deletions in `<del>`, insertions in `<ins>`, a
/// paragraph break that only one side has as `¶`; a new paragraph where the text read
/// against the base starts one.
fn diff_markup(diff: &TextDiff) -> Markup {
    let mut paragraphs: Vec<Vec<(Tag, String)>> = Vec::new();
    let mut last: Option<usize> = None;
    for row in &diff.rows {
        for c in &row.chunks {
            let para = c.right.or(c.left);
            let new_paragraph = c.tag != Tag::Delete && para.is_some() && para != last;
            if new_paragraph || paragraphs.is_empty() {
                paragraphs.push(Vec::new());
            }
            if c.tag != Tag::Delete {
                last = para;
            }
            let text = if c.paragraph_break {
                "¶ ".to_string()
            } else {
                c.text.clone()
            };
            if let Some(p) = paragraphs.last_mut() {
                p.push((c.tag, text));
            }
        }
    }
    html! {
        @for p in &paragraphs {
            p { @for (tag, text) in p {
                @match tag {
                    Tag::Equal => (text),
                    Tag::Delete => del { (text) },
                    Tag::Insert => ins { (text) },
                }
            } }
        }
    }
}

fn notes_section(n: usize, case: &Case, notes: &Notes, lang: Lang) -> Markup {
    let sources = crate::export::notes::sources(notes);
    html! {
        section.notes id=(format!("c{n}-notes")) {
            h2 { (lang.pick("Debate notes", "Debattanteckningar")) }
            @for item in &notes.items {
                @match &item.kind {
                    ItemKind::Heading(h) => h3 { (h) },
                    ItemKind::Quote(q) => {
                        blockquote { @for para in q.text.split("\n\n") { p { (para) } } }
                        p.citation { "— " (q.citation) " [" (crate::export::notes::source_number(notes, q)) "]" }
                        @if q.is_stale(case) {
                            p.stale { (crate::export::notes::stale_label(lang)) }
                        }
                        @if !q.comment.is_empty() {
                            div.comment { @for line in q.comment.lines() { p { (line) } } }
                        }
                    },
                }
            }
            @if !sources.is_empty() {
                h3 { (lang.pick("Sources", "Källor")) }
                ol { @for (c, key) in &sources { li { (c) " " code { (key) } } } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::similarity::Options;
    use crate::model::load_bundled;
    use crate::notes::Quote;

    fn report_of(cases: &[Case], notes: &[Option<Notes>], lang: Lang) -> String {
        let sim = Similarity::build(cases, &Options::default());
        to_html(&Report {
            cases,
            notes,
            similarity: &sim,
            lang,
        })
    }

    #[test]
    fn bundled_case_has_every_part() {
        let case = load_bundled();
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        let mut notes = Notes::for_case(&case);
        notes.push(ItemKind::Heading("Mot kiosker & <väktare>".into()));
        let mut q = Quote::from_position(&case, i, (0, 0), None).unwrap();
        q.comment = "Bra citat".into();
        notes.push(ItemKind::Quote(q));
        let cases = vec![case];
        let html = report_of(&cases, &[Some(notes)], Lang::Sv);
        let case = &cases[0];
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"sv\">"));
        assert!(html.contains(&Lang::Sv.summary(case)));
        for body in &case.bodies {
            assert!(
                html.contains(&format!("<h2>{}</h2>", body.name)),
                "{}",
                body.name
            );
        }
        for (i, p) in case.positions.iter().enumerate() {
            for para in case.text_of(i) {
                let escaped = maud::html! { (para) }.into_string();
                assert!(html.contains(&escaped), "{}: {para}", p.id);
            }
        }
        assert!(html.contains("Matris: organ och ställningstaganden"));
        assert!(html.contains("Per parti"));
        assert!(html.contains("class=\"families\""), "families section");
        assert!(
            html.contains("<del>") || html.contains("<ins>"),
            "a word diff"
        );
        assert!(html.contains("Mot kiosker &amp; &lt;väktare&gt;"));
        assert!(html.contains("Bra citat"));
        assert!(!html.contains("<script"));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "no network"
        );
    }

    /// A Riksdag report: the points × parties matrix is there, each reservation linked to its
    /// text with its number, and a case without points has none.
    #[test]
    fn a_report_with_points_has_the_points_matrix() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/cases/riksdag-2001-02-bou1.toml"
        );
        let case = crate::model::load_file(std::path::Path::new(path)).unwrap();
        let cases = vec![case];
        let html = report_of(&cases, &[None], Lang::En);
        let case = &cases[0];
        let start = html
            .find("<h2>Matrix: decision points and parties</h2>")
            .expect("the points matrix");
        let table = &html[start..start + html[start..].find("</table>").unwrap()];
        assert!(html.contains("href=\"#c0-points\""), "in the contents");
        assert!(table.contains("<th scope=\"row\">2 Utformningen av bostadspolitiken</th>"));
        assert!(table.contains("<td>Kammaren biföll utskottets förslag</td>"));
        for p in ["M", "V", "MP", "FP", "C", "KD", "-"] {
            assert!(table.contains(&format!(">{p}</th>")), "{p}");
        }
        // Reservation 2 (V) on point 2, linked to its text.
        let v2 = case
            .positions
            .iter()
            .find(|p| p.number == Some(2) && p.parties == ["V"] && p.points == [1])
            .unwrap();
        assert!(table.contains(&format!("href=\"#{}\"", position_anchor(0, v2))));
        assert!(table.contains(">Res. 2</a>"));
        assert!(table.contains(">Res. 6 (reasons)</a>"));
        assert_eq!(table.matches("<tr>").count(), 1 + case.points.len());
        let sv = report_of(&cases, &[None], Lang::Sv);
        assert!(sv.contains("<h2>Matris: beslutspunkter och partier</h2>"));
        assert!(sv.contains(">Res. 6 (motiv)</a>"));

        let without = report_of(&[load_bundled()], &[None], Lang::En);
        assert!(!without.contains("decision points and parties"));
    }

    #[test]
    fn case_text_is_escaped() {
        let mut case = load_bundled();
        case.title = "<script>alert(1)</script>".into();
        case.positions[0].paragraphs = vec!["\"><img src=x onerror=alert(1)>".into()];
        let html = report_of(&[case], &[None], Lang::En);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<img"));
    }
}
