//! The matrices in every output format: per case, bodies × stances or bodies × parties;
//! across the cases, cases × parties ([`crate::analysis::cross_case`]).

use super::markdown::escape as md;
use crate::analysis::cross_case::{CaseMatrix, PartyCell};
use crate::i18n::Lang;
use crate::model::matrix::{
    Column, DECISION_MARK, INFERRED_MARK, Lens, UNCERTAIN_MARK, UNREVIEWED_MARK, review_mark,
};
use crate::model::{Case, Evidence, Review, Stance};
use crate::text::width as text_width;
use serde_json::{Value, json};

/// What a printed matrix shows: bodies against stances or parties (a [`Lens`]), or decision
/// points against parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// Rows are bodies, columns stances; cells list the parties.
    Stance,
    /// Rows are bodies, columns parties; cells list the stances.
    Party,
    /// Rows are decision points, columns parties: reservations with their numbers, special
    /// statements, each party's vote and the winning side.
    Point,
}

impl By {
    /// The body lens, for the two views whose rows are bodies.
    pub fn lens(self) -> Option<Lens> {
        match self {
            By::Stance => Some(Lens::Stance),
            By::Party => Some(Lens::Party),
            By::Point => None,
        }
    }
}

impl From<Lens> for By {
    fn from(l: Lens) -> By {
        match l {
            Lens::Stance => By::Stance,
            Lens::Party => By::Party,
        }
    }
}

/// The matrix as a grid of strings: a header row, then one row per body; imported positions
/// carry their [`review_mark`].
pub fn grid(case: &Case, lens: Lens, lang: Lang) -> Vec<Vec<String>> {
    grid_with(case, lens, lang, true)
}

/// [`grid`], with or without the review marks.
pub fn grid_with(case: &Case, lens: Lens, lang: Lang, review_marks: bool) -> Vec<Vec<String>> {
    let columns = case.columns(lens, false);
    let mut header = vec![lang.pick("Body", "Organ").to_string()];
    header.extend(columns.iter().map(|c| match c {
        Column::Stance(s) => lang.stance_short(*s).to_string(),
        Column::Party(p) => p.clone(),
    }));
    let mut rows = Vec::with_capacity(case.bodies.len() + 1);
    rows.push(header);
    for (b, body) in case.bodies.iter().enumerate() {
        let mut row = vec![body.name.clone()];
        row.extend(columns.iter().map(|c| match c {
            Column::Stance(s) => stance_cell(case, b, *s, review_marks),
            Column::Party(p) => party_cell(case, b, p, lang, review_marks),
        }));
        rows.push(row);
    }
    rows
}

/// The grid of any view: a header row, then one row per body or per point. A case without
/// points has, by point, a header and no rows.
pub fn grid_by(case: &Case, by: By, lang: Lang) -> Vec<Vec<String>> {
    match by.lens() {
        Some(lens) => grid(case, lens, lang),
        None => point_grid(case, lang),
    }
}

/// Marker for the winning side of a vote.
pub const WON_MARK: &str = "✓";

/// Points × parties: "Point", "Decision", then one column per party.
pub fn point_grid(case: &Case, lang: Lang) -> Vec<Vec<String>> {
    let m = case.point_matrix();
    let mut header = vec![
        lang.pick("Point", "Punkt").to_string(),
        lang.pick("Decision", "Beslut").to_string(),
    ];
    header.extend(m.parties.iter().cloned());
    let mut rows = vec![header];
    for row in &m.rows {
        let mut r = match row.point {
            Some(k) => {
                let pt = &case.points[k];
                vec![point_label(pt), decision_cell(pt, lang)]
            }
            None => vec![
                lang.pick("– (no point)", "– (ingen punkt)").to_string(),
                String::new(),
            ],
        };
        for cell in &row.cells {
            r.push(point_cell(case, cell, lang));
        }
        rows.push(r);
    }
    rows
}

/// A point's number and title, "2 Bostadspolitiken"; a title that starts with its own number
/// (a protocol's "§ 145 …", or the id itself) is not prefixed with the id. A `§` inside the
/// title ("4 § punkt 1 jämställdhetslagen", a law cited by point 12) is the title's, not a
/// number: the id still comes first, so point 12 is never read as point 4.
pub fn point_label(pt: &crate::model::Point) -> String {
    let title = pt.title.trim_start();
    let numbered = title.starts_with('§')
        || title
            .strip_prefix(pt.id.as_str())
            .is_some_and(|rest| rest.starts_with([' ', '.', ')']));
    if numbered {
        pt.title.clone()
    } else {
        format!("{} {}", pt.id, pt.title)
    }
}

/// How a point was decided: the vote and its winner, else acclamation, else the decision.
pub fn decision_cell(pt: &crate::model::Point, lang: Lang) -> String {
    use crate::model::{Choice, VoteMethod};
    match &pt.vote {
        Some(v) if v.method == VoteMethod::Vote => {
            let mut parts = Vec::new();
            for c in Choice::ALL {
                if let Some(n) = v.tally.get(c) {
                    parts.push(format!("{} {n}", choice_word(c, lang)));
                }
            }
            let mut s = lang.pick("Vote", "Votering").to_string();
            if !parts.is_empty() {
                s.push_str(": ");
                s.push_str(&parts.join(" "));
            }
            if let Some(w) = v.winner() {
                s.push_str(&match lang {
                    Lang::En => format!("; {} won", choice_word(w, lang)),
                    Lang::Sv => format!("; {} vann", choice_word(w, lang)),
                });
            }
            s
        }
        Some(_) => lang.pick("Acclamation", "Acklamation").to_string(),
        None => pt.decision.first().cloned().unwrap_or_default(),
    }
}

/// A side of a vote as a word: "yes", "nej", "abstain", "frånvarande".
pub fn choice_word(c: crate::model::Choice, lang: Lang) -> &'static str {
    use crate::model::Choice;
    match (c, lang) {
        (Choice::Yes, Lang::En) => "yes",
        (Choice::No, Lang::En) => "no",
        (Choice::Abstain, Lang::En) => "abstain",
        (Choice::Absent, Lang::En) => "absent",
        (Choice::Yes, Lang::Sv) => "ja",
        (Choice::No, Lang::Sv) => "nej",
        (Choice::Abstain, Lang::Sv) => "avstår",
        (Choice::Absent, Lang::Sv) => "frånvarande",
    }
}

/// What a party did on a point: "Res. 4", "Res. 6 (reasons)", "Spec. st. 2", "no", "yes ✓".
pub fn point_cell(case: &Case, cell: &crate::model::points::PointCell, lang: Lang) -> String {
    let mut items: Vec<String> = cell
        .marks
        .iter()
        .map(|mark| mark_label(case, mark, lang))
        .collect();
    items.extend(vote_label(cell, lang));
    items.join(", ")
}

/// One position on a point: "Res. 4", "Res. 6 (reasons)", "Spec. st. 2", with its review
/// mark.
pub fn mark_label(case: &Case, mark: &crate::model::points::PointMark, lang: Lang) -> String {
    let mut item = mark_name(mark, lang);
    item.push_str(review_mark(case.review_of(mark.position)));
    item
}

/// [`mark_label`] without the review mark.
pub fn mark_name(mark: &crate::model::points::PointMark, lang: Lang) -> String {
    let name = match (mark.stance, lang) {
        (Stance::Reservation, _) => "Res.",
        (Stance::SpecialStatement, Lang::En) => "Spec. st.",
        (Stance::SpecialStatement, Lang::Sv) => "Särsk.",
        (s, _) => lang.stance_short(s),
    };
    let mut item = match mark.number {
        Some(n) => format!("{name} {n}"),
        None => name.to_string(),
    };
    if mark.reasons_only {
        item.push_str(lang.pick(" (reasons)", " (motiv)"));
    }
    item
}

/// How a party voted on a point, "no", "yes ✓" (on the winning side); `None` when its side
/// is unknown.
pub fn vote_label(cell: &crate::model::points::PointCell, lang: Lang) -> Option<String> {
    let v = cell.vote?;
    let mut item = choice_word(v.side?, lang).to_string();
    if v.won == Some(true) {
        item.push(' ');
        item.push_str(WON_MARK);
    }
    Some(item)
}

/// Parties holding `stance` in body `b`; the decision mark for a decision naming no party;
/// with `review_marks`, each followed by its position's [`review_mark`].
pub fn stance_cell(case: &Case, b: usize, stance: Stance, review_marks: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    for i in case.cell(b, stance) {
        let p = &case.positions[i];
        let mark = if review_marks {
            review_mark(case.review_of(i))
        } else {
            ""
        };
        let items: Vec<String> = if p.parties.is_empty() {
            if stance != Stance::NoAnswer || parts.is_empty() {
                vec![format!("{DECISION_MARK}{mark}")]
            } else {
                Vec::new()
            }
        } else {
            p.parties
                .iter()
                .map(|code| format!("{code}{mark}"))
                .collect()
        };
        for item in items {
            if !parts.contains(&item) {
                parts.push(item);
            }
        }
    }
    parts.join(" ")
}

/// The stances of party `p` in body `b`, an inferred one marked; with `review_marks`, each
/// followed by its position's [`review_mark`].
pub fn party_cell(case: &Case, b: usize, party: &str, lang: Lang, review_marks: bool) -> String {
    case.party_stances(b, party)
        .iter()
        .map(|s| {
            let name = lang.stance_short(s.stance);
            let inferred = if s.inferred { INFERRED_MARK } else { "" };
            let review = if review_marks {
                review_mark(case.review_of(s.position))
            } else {
                ""
            };
            format!("{name}{inferred}{review}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Plain text, aligned, at most `width` columns (long body names are shortened).
pub fn to_text(cases: &[Case], by: impl Into<By>, lang: Lang, width: usize) -> String {
    let by = by.into();
    let mut out = String::new();
    for (n, case) in cases.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        // Heading and summary wrap to the width like the table.
        for text in [format!("{} · {}", case.dnr, case.title), lang.summary(case)] {
            for line in textwrap::wrap(&text, width) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push('\n');
        let rows = grid_by(case, by, lang);
        if rows.len() == 1 && by == By::Point {
            out.push_str(lang.pick(
                "(no decision points in this case)\n",
                "(ärendet har inga beslutspunkter)\n",
            ));
            continue;
        }
        table(&rows, width, &mut out);
        out.push('\n');
        out.push_str(&legend(case, by, lang).join("\n"));
        out.push('\n');
    }
    out
}

/// Lay out `rows` (a header row first) as aligned columns of at most `width` in all: the
/// first column is shortened, the others wrap between ", "-separated items.
fn table(rows: &[Vec<String>], width: usize, out: &mut String) {
    for lines in table_rows(rows, width) {
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
    }
}

/// [`table`]'s lines, row by row.
fn table_rows(rows: &[Vec<String>], width: usize) -> Vec<Vec<String>> {
    let Some(cols) = rows.first().map(Vec::len) else {
        return Vec::new();
    };
    let mut widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| text_width(&r[c])).max().unwrap_or(0))
        .collect();
    let rest: usize = widths[1..].iter().map(|w| w + 2).sum();
    widths[0] = widths[0].min(width.saturating_sub(rest).max(12));
    // Still too wide: narrow the widest other column, down to its longest item ("Special
    // st."); its cells then wrap onto more lines, between items.
    let longest_item: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .flat_map(|r| {
                    // An item that is not the last keeps its comma.
                    let n = r[c].split(", ").count();
                    r[c].split(", ")
                        .enumerate()
                        .map(move |(i, item)| text_width(item) + usize::from(i + 1 < n))
                })
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Then, if need be, down to its longest word: an item wraps at its spaces (`Rej.* 5/7`
    // over `(3!)`), never inside a word, so no mark is cut.
    let longest_word: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                // Words as wrapped: an item's comma stays with its last word.
                .flat_map(|r| r[c].split_whitespace().map(text_width))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for floor in [&longest_item, &longest_word] {
        while widths.iter().sum::<usize>() + 2 * (cols - 1) > width {
            let Some(c) = (1..cols)
                .filter(|&c| widths[c] > floor[c])
                .max_by_key(|&c| widths[c])
            else {
                break;
            };
            widths[c] -= 1;
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let cells: Vec<Vec<String>> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                if c == 0 {
                    vec![fit(cell, widths[0])]
                } else {
                    wrap_items(cell, widths[c])
                }
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut lines = Vec::with_capacity(height);
        for i in 0..height {
            let mut line = String::new();
            for (c, cell) in cells.iter().enumerate() {
                if c > 0 {
                    line.push_str("  ");
                }
                line.push_str(&pad(cell.get(i).map_or("", String::as_str), widths[c]));
            }
            lines.push(line.trim_end().to_string());
        }
        out.push(lines);
    }
    out
}

/// Wrap a cell of ", "-separated items to `width`, breaking between items where one fits.
fn wrap_items(cell: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let items: Vec<&str> = cell.split(", ").collect();
    for (i, item) in items.iter().enumerate() {
        // An item that is not the last keeps its comma, within the width.
        let item = if i + 1 < items.len() {
            format!("{item},")
        } else {
            (*item).to_string()
        };
        match lines.last_mut() {
            Some(last) if text_width(last) + 1 + text_width(&item) <= width => {
                last.push(' ');
                last.push_str(&item);
            }
            _ => lines.extend(
                textwrap::wrap(&item, width)
                    .into_iter()
                    .map(|l| l.into_owned()),
            ),
        }
    }
    lines
}

/// The lines explaining the marks: the lens's own, then `?`, `!` and `~` where the case has
/// them.
pub fn legend(case: &Case, by: impl Into<By>, lang: Lang) -> Vec<String> {
    let mut lines = vec![match by.into() {
        By::Point => format!(
            "{WON_MARK} {}",
            lang.pick(
                "on the winning side of the vote; Res. N: reservation number N",
                "på den vinnande sidan i voteringen; Res. N: reservation nummer N"
            )
        ),
        By::Stance => format!(
            "{DECISION_MARK} {}",
            lang.pick(
                "the body's decision (no party named)",
                "organets beslut (inget parti angivet)"
            )
        ),
        By::Party => format!(
            "{INFERRED_MARK} {}",
            lang.pick(
                "inferred: the majority's decision, where the decision names no party",
                "härlett: majoritetens beslut, där beslutet inte anger parti"
            )
        ),
    }];
    if case.positions.iter().any(|p| p.stance == Stance::Unknown) {
        lines.push(format!(
            "{} {}",
            lang.stance_short(Stance::Unknown),
            lang.pick(
                "the body answered, but the text does not settle its stance",
                "organet svarade, men texten avgör inte dess ställning"
            )
        ));
    }
    let reviews: Vec<Option<Review>> = (0..case.positions.len())
        .map(|i| case.review_of(i))
        .collect();
    if reviews.contains(&Some(Review::Uncertain)) {
        lines.push(format!(
            "{UNCERTAIN_MARK} {}",
            lang.pick(
                "uncertain: imported, check it against the document before quoting it",
                "osäkert: importerat, stäm av mot dokumentet innan du citerar det"
            )
        ));
    }
    if reviews.contains(&Some(Review::Inferred)) {
        lines.push(format!(
            "{UNREVIEWED_MARK} {}",
            lang.pick(
                "inferred by the import, not yet reviewed",
                "härlett av importen, ännu inte granskat"
            )
        ));
    }
    lines
}

/// Shorten to `columns` display columns with an ellipsis, cutting between grapheme clusters
/// (a letter and its marks stay together; see `text::width`).
pub fn fit(s: &str, columns: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if text_width(s) <= columns {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = text_width(g);
        if w + gw + 1 > columns {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}

fn pad(s: &str, columns: usize) -> String {
    format!("{s}{}", " ".repeat(columns.saturating_sub(text_width(s))))
}

pub fn to_markdown(cases: &[Case], by: impl Into<By>, lang: Lang) -> String {
    let by = by.into();
    let mut out = String::new();
    for case in cases {
        out.push_str(&format!(
            "## {} · {}\n\n{}\n\n",
            md(&case.dnr),
            md(&case.title),
            md(&lang.summary(case))
        ));
        let rows = grid_by(case, by, lang);
        if rows.len() == 1 && by == By::Point {
            out.push_str(&md(lang.pick(
                "(no decision points in this case)",
                "(ärendet har inga beslutspunkter)",
            )));
            out.push_str("\n\n");
            continue;
        }
        for (i, row) in rows.iter().enumerate() {
            out.push_str("| ");
            out.push_str(&row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "));
            out.push_str(" |\n");
            if i == 0 {
                out.push_str(&format!("|{}\n", "---|".repeat(row.len())));
            }
        }
        let legend: Vec<String> = legend(case, by, lang).iter().map(|l| md(l)).collect();
        out.push_str(&format!("\n{}\n\n", legend.join("  \n")));
    }
    out
}

/// A CSV cell that a spreadsheet reads as text, never as a formula (OWASP's guidance on CSV
/// injection): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`. Applied to every cell, headers (party codes) included.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

pub fn to_csv(cases: &[Case], by: impl Into<By>, lang: Lang) -> Result<String, csv::Error> {
    let by = by.into();
    // Cases have different columns: the writer takes records of any length.
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for case in cases {
        let rows = grid_by(case, by, lang);
        for (i, row) in rows.iter().enumerate() {
            let first = if i == 0 { "case" } else { case.id.as_str() };
            let record = std::iter::once(first).chain(row.iter().map(String::as_str));
            w.write_record(record.map(csv_cell).map(|c| c.into_owned()))?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `{"cases":[{"id","title","bodies":[{"id","name","kind","positions":[…]}]}]}`.
pub fn to_json(cases: &[Case], by: impl Into<By>, lang: Lang) -> Value {
    let by = by.into();
    let cases: Vec<Value> = cases
        .iter()
        .map(|case| {
            let bodies: Vec<Value> = case
                .bodies
                .iter()
                .enumerate()
                .map(|(b, body)| {
                    let positions: Vec<Value> =
                        case.positions_of(b).map(|(i, _)| position_json(case, i)).collect();
                    let mut v = json!({
                        "id": body.id,
                        "name": body.name,
                        "kind": body.kind.as_str(),
                        "answered": body.answered,
                        "answer_found": case.answer_found(b),
                        "review": body.review().map(Review::as_str),
                        "evidence": evidence_json(&body.evidence),
                        "administration": body.administration,
                        "opinion_date": body.opinion_date.map(|d| d.to_string()),
                        "meeting_date": body.meeting_date.map(|d| d.to_string()),
                        "decision": body.decision,
                        "positions": positions,
                    });
                    if by == By::Party {
                        let parties: Vec<Value> = case
                            .active_parties()
                            .into_iter()
                            .map(|p| {
                                let stances: Vec<Value> = case
                                    .party_stances(b, p)
                                    .iter()
                                    .map(|s| json!({
                                        "stance": s.stance.as_str(),
                                        "position": case.positions[s.position].id,
                                        "inferred": s.inferred,
                                        "review": case.review_of(s.position).map(Review::as_str),
                                    }))
                                    .collect();
                                json!({ "party": p, "stances": stances })
                            })
                            .collect();
                        v["parties"] = Value::Array(parties);
                    }
                    v
                })
                .collect();
            let mut v = json!({
                "id": case.id,
                "dnr": case.dnr,
                "title": case.title,
                "summary": lang.summary(case),
                "parties": case.parties.iter().map(|p| json!({"code": p.code, "name": p.name})).collect::<Vec<_>>(),
                "bodies": bodies,
                "points": case.points.iter().map(|pt| point_json(case, pt)).collect::<Vec<_>>(),
            });
            if by == By::Point {
                v["point_matrix"] = point_matrix_json(case);
            }
            v
        })
        .collect();
    json!({ "cases": cases })
}

pub fn position_json(case: &Case, i: usize) -> Value {
    let p = &case.positions[i];
    json!({
        "id": p.id,
        "stance": p.stance.as_str(),
        "parties": p.parties,
        "signatories": p.signatories.iter().map(|s| json!({"name": s.name, "party": s.party})).collect::<Vec<_>>(),
        "byline": case.byline(p),
        "date": case.date_of(p).map(|d| d.to_string()),
        "proposals": p.proposals,
        "paragraphs": p.paragraphs.len(),
        "identical_to": p.identical_to.map(|t| case.positions[t].id.clone()),
        "concurs_with": p.concurs_with.map(|t| case.positions[t].id.clone()),
        "review": case.review_of(i).map(Review::as_str),
        "evidence": evidence_json(&p.evidence),
        // As in the case file: one id, or a list where the position concerns several points.
        "point": match p.points.as_slice() {
            [] => Value::Null,
            [one] => json!(case.points[*one].id),
            several => json!(several.iter().map(|&k| &case.points[k].id).collect::<Vec<_>>()),
        },
        "number": p.number,
        "reasons_only": p.reasons_only,
    })
}

fn tally_json(t: &crate::model::Tally) -> Value {
    json!({ "yes": t.yes, "no": t.no, "abstain": t.abstain, "absent": t.absent })
}

/// A decision point: `{"id","title","body","proposal","decision","moves","propositions",
/// "vote"}`; `vote` is null or `{"method","yes","no","abstain","absent","yes_for","no_for",
/// "winner","parties":[{"party","yes",…}],"members":[{"name","party","vote"}]}`.
pub fn point_json(case: &Case, pt: &crate::model::Point) -> Value {
    json!({
        "id": pt.id,
        "title": pt.title,
        "body": pt.body.map(|b| case.bodies[b].id.clone()),
        "proposal": pt.proposal,
        "decision": pt.decision,
        "moves": pt.moves.iter().map(|m| json!({"name": m.name, "party": m.party, "text": m.text})).collect::<Vec<_>>(),
        "propositions": pt.propositions,
        "vote": pt.vote.as_ref().map(|v| {
            let mut t = tally_json(&v.tally);
            t["method"] = json!(v.method.as_str());
            t["yes_for"] = json!(v.yes_for);
            t["no_for"] = json!(v.no_for);
            t["winner"] = json!(v.winner().map(|w| w.as_str()));
            t["parties"] = Value::Array(v.parties.iter().map(|p| {
                let mut o = tally_json(&p.tally);
                o["party"] = json!(p.party);
                o
            }).collect());
            t["members"] = Value::Array(v.members.iter().map(|m| json!({
                "name": m.name, "party": m.party, "vote": m.choice.as_str()
            })).collect());
            t
        }),
    })
}

/// `{"parties":[…],"rows":[{"point","winner","cells":[{"party","positions":[{"id","stance",
/// "number","reasons_only"}],"vote":{"yes",…,"side","won"}}]}]}`; a row's `point` is null
/// for the positions that name no point.
pub fn point_matrix_json(case: &Case) -> Value {
    let m = case.point_matrix();
    let rows: Vec<Value> = m
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<Value> = row
                .cells
                .iter()
                .zip(&m.parties)
                .map(|(cell, party)| {
                    json!({
                        "party": party,
                        "positions": cell.marks.iter().map(|mk| json!({
                            "id": case.positions[mk.position].id,
                            "stance": mk.stance.as_str(),
                            "number": mk.number,
                            "reasons_only": mk.reasons_only,
                        })).collect::<Vec<_>>(),
                        "vote": cell.vote.map(|v| {
                            let mut o = tally_json(&v.tally);
                            o["side"] = json!(v.side.map(|s| s.as_str()));
                            o["won"] = json!(v.won);
                            o
                        }),
                    })
                })
                .collect();
            json!({
                "point": row.point.map(|k| case.points[k].id.clone()),
                "winner": row.winner.map(|w| w.as_str()),
                "cells": cells,
            })
        })
        .collect();
    json!({ "parties": m.parties, "rows": rows })
}

/// `[{"fact","review","rule","sentence","lines":[first,last],"note"}]`.
pub fn evidence_json(evidence: &[Evidence]) -> Value {
    Value::Array(
        evidence
            .iter()
            .map(|e| {
                json!({
                    "fact": e.fact.as_str(),
                    "review": e.review.as_str(),
                    "rule": e.rule,
                    "sentence": e.sentence,
                    "lines": [e.lines.0, e.lines.1],
                    "note": e.note,
                })
            })
            .collect(),
    )
}

// ---------------------------------------------------------------------------------------------
// Cases × parties

/// A cell of the cases × parties matrix. Full: "reservation in 7 of 7; special statement in
/// 1 of 7"; compact: "Res. 7/7, Spec. 1/7". A mark that holds in every body of a stance follows
/// its name ("rejection* in 5 of 6": inferred from the majority's decision in all five); one
/// that holds in some says in how many ("rejection in 6 of 6 (5*)"). The marks are those of
/// the per-case matrix: `*` inferred, `!` uncertain, `~` not reviewed. Empty when nothing is
/// known of the party.
pub fn case_cell(cell: &PartyCell, lang: Lang, compact: bool) -> String {
    let parts: Vec<String> = cell
        .stances
        .iter()
        .map(|s| {
            let marks = [
                (s.inferred, INFERRED_MARK),
                (s.uncertain, UNCERTAIN_MARK),
                (s.unreviewed, UNREVIEWED_MARK),
            ];
            let all: String = marks
                .iter()
                .filter(|(n, _)| *n > 0 && *n == s.bodies)
                .map(|(_, m)| *m)
                .collect();
            let some: Vec<String> = marks
                .iter()
                .filter(|(n, _)| *n > 0 && *n < s.bodies)
                .map(|(n, m)| format!("{n}{m}"))
                .collect();
            let some = if some.is_empty() {
                String::new()
            } else {
                format!(" ({})", some.join(" "))
            };
            if compact {
                format!(
                    "{}{all} {}/{}{some}",
                    lang.stance_tiny(s.stance),
                    s.bodies,
                    cell.bodies
                )
            } else {
                format!(
                    "{}{all} {} {} {} {}{some}",
                    lang.stance_lower(s.stance, false),
                    lang.pick("in", "i"),
                    s.bodies,
                    lang.pick("of", "av"),
                    cell.bodies
                )
            }
        })
        .collect();
    parts.join(if compact { ", " } else { "; " })
}

/// How to read the cases × parties matrix.
fn case_legend(m: &CaseMatrix, lang: Lang) -> Vec<String> {
    let mut lines = vec![
        lang.pick(
            "Res. 7/7: reservation in 7 of the 7 bodies where anything is known of the party's stance.",
            "Res. 7/7: reservation i 7 av de 7 organ där något är känt om partiets ställningstagande.",
        )
        .to_string(),
        format!(
            "{INFERRED_MARK} {}",
            lang.pick(
                "inferred: the majority's decision, where the decision names no party; (5*): 5 of them inferred.",
                "härlett: majoritetens beslut, där beslutet inte anger parti; (5*): 5 av dem härledda."
            )
        ),
    ];
    let any = |f: fn(&crate::analysis::cross_case::StanceCount) -> usize| {
        m.rows
            .iter()
            .flat_map(|r| &r.cells)
            .flat_map(|c| &c.stances)
            .any(|s| f(s) > 0)
    };
    if any(|s| s.uncertain) {
        lines.push(format!(
            "{UNCERTAIN_MARK} {}",
            lang.pick(
                "uncertain: an imported fact to check against the document before quoting it.",
                "osäker: en importerad uppgift att kontrollera mot handlingen innan den citeras."
            )
        ));
    }
    if any(|s| s.unreviewed) {
        lines.push(format!(
            "{UNREVIEWED_MARK} {}",
            lang.pick(
                "not reviewed: inferred by the importer, not yet checked by a person.",
                "ej granskad: härledd vid importen, ännu inte kontrollerad av en person."
            )
        ));
    }
    if m.undated > 0 {
        lines.push(match lang {
            Lang::En => format!(
                "{} case(s) without a date left out of the date range.",
                m.undated
            ),
            Lang::Sv => format!(
                "{} ärende(n) utan datum utelämnade ur datumintervallet.",
                m.undated
            ),
        });
    }
    lines
}

/// The heading of the cases × parties matrix: "Cases × parties (3 cases)".
fn case_heading(m: &CaseMatrix, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Cases × parties ({} cases)", m.rows.len()),
        Lang::Sv => format!("Ärenden × partier ({} ärenden)", m.rows.len()),
    }
}

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Plain text, aligned, at most `width` columns: per case a line with its date, dnr and title
/// (shortened), then its cells under the parties (compact).
pub fn cases_to_text(cases: &[Case], m: &CaseMatrix, lang: Lang, width: usize) -> String {
    let mut out = case_heading(m, lang);
    out.push_str("\n\n");
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(m.parties.iter().cloned())
            .collect::<Vec<_>>(),
    ];
    for r in &m.rows {
        rows.push(
            std::iter::once(String::new())
                .chain(r.cells.iter().map(|c| case_cell(c, lang, true)))
                .collect(),
        );
    }
    let laid = table_rows(&rows, width);
    for (i, lines) in laid.iter().enumerate() {
        if let Some(r) = i.checked_sub(1).and_then(|i| m.rows.get(i)) {
            let case = &cases[r.case];
            let title = format!("{} {} · {}", date_text(r.date), case.dnr, case.title);
            out.push_str(&fit(title.trim_start(), width));
            out.push('\n');
        }
        for line in lines {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push('\n');
    for line in case_legend(m, lang) {
        for l in textwrap::wrap(&line, width) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// Markdown: a table with the case, its date, and one column per party (full cells).
pub fn cases_to_markdown(cases: &[Case], m: &CaseMatrix, lang: Lang) -> String {
    let mut out = format!("## {}\n\n", md(&case_heading(m, lang)));
    let header: Vec<String> = [lang.pick("Case", "Ärende"), lang.pick("Date", "Datum")]
        .iter()
        .map(|s| (*s).to_string())
        .chain(m.parties.iter().cloned())
        .collect();
    out.push_str(&format!(
        "| {} |\n",
        header.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
    ));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for r in &m.rows {
        let case = &cases[r.case];
        let mut row = vec![format!("{} · {}", case.dnr, case.title), date_text(r.date)];
        row.extend(r.cells.iter().map(|c| case_cell(c, lang, false)));
        out.push_str(&format!(
            "| {} |\n",
            row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out.push('\n');
    for line in case_legend(m, lang) {
        out.push_str(&md(&line));
        out.push_str("\n\n");
    }
    out
}

/// CSV: `case,dnr,title,date,` then one column per party (full cells), one row per case.
pub fn cases_to_csv(cases: &[Case], m: &CaseMatrix, lang: Lang) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["case", "dnr", "title", "date"].map(String::from).to_vec();
    header.extend(m.parties.iter().cloned());
    w.write_record(&header)?;
    for r in &m.rows {
        let case = &cases[r.case];
        let mut record = vec![
            case.id.clone(),
            case.dnr.clone(),
            case.title.clone(),
            date_text(r.date),
        ];
        record.extend(r.cells.iter().map(|c| case_cell(c, lang, false)));
        w.write_record(&record)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// JSON: `{"parties":[codes], "cases":[{"id","dnr","title","date","parties":[{"party",
/// "bodies","stances":[{"stance","bodies","inferred","uncertain","unreviewed",
/// "positions":[ids]}]}]}], "undated_left_out"}`: `bodies` of a party is the count of bodies
/// where anything is known of it; of a stance, the bodies with it; `inferred`, `uncertain`,
/// `unreviewed` how many of those are inferred from the majority, uncertain, not reviewed.
pub fn cases_to_json(cases: &[Case], m: &CaseMatrix) -> Value {
    let rows: Vec<Value> = m
        .rows
        .iter()
        .map(|r| {
            let case = &cases[r.case];
            let parties: Vec<Value> = m
                .parties
                .iter()
                .zip(&r.cells)
                .map(|(p, c)| {
                    json!({
                        "party": p,
                        "bodies": c.bodies,
                        "stances": c.stances.iter().map(|s| json!({
                            "stance": s.stance.as_str(),
                            "bodies": s.bodies,
                            "inferred": s.inferred,
                            "uncertain": s.uncertain,
                            "unreviewed": s.unreviewed,
                            "positions": s.positions.iter().map(|&i| &case.positions[i].id).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({
                "id": case.id,
                "dnr": case.dnr,
                "title": case.title,
                "date": r.date.map(|d| d.to_string()),
                "parties": parties,
            })
        })
        .collect();
    json!({
        "parties": m.parties,
        "cases": rows,
        "undated_left_out": m.undated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_case;

    const IMPORTED: &str = include_str!("../../tests/fixtures/evidence/imported.toml");

    fn imported() -> Case {
        parse_case(IMPORTED, "imported.toml", "imported").unwrap()
    }

    #[test]
    fn review_marks_in_both_lenses() {
        let case = imported();
        let rows = grid(&case, Lens::Stance, Lang::En);
        assert_eq!(
            rows[0],
            [
                "Body",
                "In part",
                "Reject",
                "?",
                "Reservation",
                "Prot. note",
                "No answer"
            ]
        );
        assert_eq!(rows[1], ["Socialnämnden", "", "•!", "", "M~", "L", ""]);
        assert_eq!(rows[2][1], "•~");
        assert_eq!(rows[3][3], "•!");
        let plain = grid_with(&case, Lens::Stance, Lang::En, false);
        assert_eq!(plain[1], ["Socialnämnden", "", "•", "", "M", "L", ""]);
        let party = grid(&case, Lens::Party, Lang::Sv);
        assert_eq!(party[1], ["Socialnämnden", "Reservation~", "Prot.ant."]);
        // The bundled case marks the four stances its source leaves open, and only those.
        let bundled = crate::model::load_bundled();
        let marked = grid(&bundled, Lens::Stance, Lang::En);
        let plain = grid_with(&bundled, Lens::Stance, Lang::En, false);
        let differ: Vec<(&str, &str)> = marked
            .iter()
            .zip(&plain)
            .flat_map(|(m, p)| m.iter().zip(p).filter(|(a, b)| a != b))
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(differ, [("•!", "•"); 4]);
        let lines = legend(&case, Lens::Stance, Lang::En);
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(lines[2].starts_with("! uncertain"));
    }

    #[test]
    fn json_carries_review_and_evidence() {
        let case = imported();
        let v = to_json(std::slice::from_ref(&case), Lens::Party, Lang::En);
        let social = &v["cases"][0]["bodies"][0];
        assert_eq!(social["review"], "inferred");
        assert_eq!(social["evidence"][0]["fact"], "meeting_date");
        assert_eq!(social["answer_found"], true);
        let reject = &social["positions"][0];
        assert_eq!(reject["stance"], "reject");
        assert_eq!(reject["review"], "uncertain");
        assert_eq!(reject["evidence"][0]["lines"], json!([11, 11]));
        assert_eq!(reject["evidence"][0]["rule"], "opinion.no_conclusion");
        assert_eq!(social["positions"][2]["review"], Value::Null);
        assert_eq!(social["parties"][0]["stances"][0]["review"], "inferred");
        let police = &v["cases"][0]["bodies"][3];
        assert_eq!(police["answer_found"], false);
    }

    #[test]
    fn the_summary_says_what_is_unknown_and_unreviewed() {
        let case = imported();
        let c = case.answer_counts();
        assert_eq!((c.referred, c.answered), (4, 3));
        assert_eq!((c.unknown, c.uncertain, c.unreviewed), (1, 1, 1));
        assert!(
            Lang::En.summary(&case).starts_with(
                "Referred to 4; 3 answered (1 stance unknown, 1 uncertain, 1 unreviewed);"
            ),
            "{}",
            Lang::En.summary(&case)
        );
        assert!(Lang::Sv.summary(&case).starts_with(
            "Remitterad till 4; 3 svar (1 okänd ställning, 1 osäker, 1 ej granskad);"
        ));
        // A body whose answer is not in the file is not counted as answered.
        let without = IMPORTED.replace(
            "[[positions]]\nbody = \"kulturnamnden\"\nstance = \"unknown\"\n",
            "[[positions]]\nbody = \"trafiknamnden\"\nstance = \"unknown\"\nid = \"x\"\n",
        );
        let case = parse_case(&without, "t.toml", "t").unwrap();
        assert!(!case.answer_found(2));
        assert!(
            Lang::En
                .summary(&case)
                .starts_with("Referred to 4; 2 answered")
        );
    }
}

#[cfg(test)]
mod point_label_tests {
    use super::point_label;
    fn point(id: &str, title: &str) -> crate::model::Point {
        crate::model::Point {
            id: id.into(),
            title: title.into(),
            body: None,
            proposal: Vec::new(),
            decision: Vec::new(),
            moves: Vec::new(),
            propositions: Vec::new(),
            vote: None,
        }
    }

    #[test]
    fn a_law_cited_in_the_title_does_not_replace_the_number() {
        // 1990/91:AU1 point 12 cites a law: the label is point 12's, not "4 §".
        assert_eq!(
            point_label(&point("12", "4 § punkt 1 jämställdhetslagen")),
            "12 4 § punkt 1 jämställdhetslagen"
        );
        assert_eq!(
            point_label(&point("2", "Bostadspolitiken")),
            "2 Bostadspolitiken"
        );
    }

    #[test]
    fn a_title_that_starts_with_its_own_number_is_not_prefixed() {
        assert_eq!(
            point_label(&point("145", "§ 145 Motion om parker")),
            "§ 145 Motion om parker"
        );
        assert_eq!(point_label(&point("3", "3. Skolan")), "3. Skolan");
        // "30 …" does not start with point 3's number.
        assert_eq!(point_label(&point("3", "30 dagar")), "3 30 dagar");
    }
}
