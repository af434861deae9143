//! The body × stance (or body × party) matrix in every output format.

use crate::i18n::Lang;
use crate::model::{Case, Stance};
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

/// Which columns the matrix has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lens {
    /// Columns are stances; cells list the parties.
    Stance,
    /// Columns are parties; cells list the stances.
    Party,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Csv,
    Json,
}

/// Marker for a body's own decision that names no party.
pub const DECISION_MARK: &str = "•";
/// Marker for a stance inferred from the majority's decision.
pub const INFERRED_MARK: &str = "*";

/// The matrix as a grid of strings: a header row, then one row per body.
pub fn grid(case: &Case, lens: Lens, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = Vec::with_capacity(case.bodies.len() + 1);
    match lens {
        Lens::Stance => {
            let stances = case.used_stances();
            let mut header = vec![lang.pick("Body", "Organ").to_string()];
            header.extend(stances.iter().map(|s| lang.stance_short(*s).to_string()));
            rows.push(header);
            for (b, body) in case.bodies.iter().enumerate() {
                let mut row = vec![body.name.clone()];
                for &s in &stances {
                    row.push(stance_cell(case, b, s));
                }
                rows.push(row);
            }
        }
        Lens::Party => {
            let parties = case.active_parties();
            let mut header = vec![lang.pick("Body", "Organ").to_string()];
            header.extend(parties.iter().map(|p| (*p).to_string()));
            rows.push(header);
            for (b, body) in case.bodies.iter().enumerate() {
                let mut row = vec![body.name.clone()];
                for p in &parties {
                    row.push(party_cell(case, b, p, lang));
                }
                rows.push(row);
            }
        }
    }
    rows
}

/// Parties holding `stance` in body `b`; the decision mark for a decision naming no party.
pub fn stance_cell(case: &Case, b: usize, stance: Stance) -> String {
    let mut parts: Vec<String> = Vec::new();
    for i in case.cell(b, stance) {
        let p = &case.positions[i];
        if p.parties.is_empty() {
            if stance != Stance::NoAnswer || parts.is_empty() {
                parts.push(DECISION_MARK.to_string());
            }
        } else {
            for code in &p.parties {
                if !parts.contains(code) {
                    parts.push(code.clone());
                }
            }
        }
    }
    parts.join(" ")
}

/// The stances of party `p` in body `b`, an inferred one marked.
pub fn party_cell(case: &Case, b: usize, party: &str, lang: Lang) -> String {
    case.party_stances(b, party)
        .iter()
        .map(|s| {
            let name = lang.stance_short(s.stance);
            if s.inferred {
                format!("{name}{INFERRED_MARK}")
            } else {
                name.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Plain text, aligned, at most `width` columns (long body names are shortened).
pub fn to_text(cases: &[Case], lens: Lens, lang: Lang, width: usize) -> String {
    let mut out = String::new();
    for (n, case) in cases.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        // Heading and summary wrap to the width like the table.
        for text in [format!("{} · {}", case.dnr, case.title), case.summary(lang)] {
            for line in textwrap::wrap(&text, width) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push('\n');
        let rows = grid(case, lens, lang);
        let cols = rows[0].len();
        let mut widths: Vec<usize> = (0..cols)
            .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
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
                            .map(move |(i, item)| item.width() + usize::from(i + 1 < n))
                    })
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        while widths.iter().sum::<usize>() + 2 * (cols - 1) > width {
            let Some(c) = (1..cols)
                .filter(|&c| widths[c] > longest_item[c])
                .max_by_key(|&c| widths[c])
            else {
                break;
            };
            widths[c] -= 1;
        }
        for row in &rows {
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
            for i in 0..height {
                let mut line = String::new();
                for (c, cell) in cells.iter().enumerate() {
                    if c > 0 {
                        line.push_str("  ");
                    }
                    line.push_str(&pad(cell.get(i).map_or("", String::as_str), widths[c]));
                }
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
        out.push('\n');
        out.push_str(&legend(lens, lang));
        out.push('\n');
    }
    out
}

/// Wrap a cell of ", "-separated items to `width`, breaking between items where one fits.
fn wrap_items(cell: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in cell.split(", ") {
        match lines.last_mut() {
            Some(last) if last.width() + 2 + item.width() <= width => {
                last.push_str(", ");
                last.push_str(item);
            }
            Some(last) => {
                last.push(',');
                lines.extend(
                    textwrap::wrap(item, width)
                        .into_iter()
                        .map(|l| l.into_owned()),
                );
            }
            None => lines.extend(
                textwrap::wrap(item, width)
                    .into_iter()
                    .map(|l| l.into_owned()),
            ),
        }
    }
    lines
}

fn legend(lens: Lens, lang: Lang) -> String {
    match lens {
        Lens::Stance => format!(
            "{DECISION_MARK} {}",
            lang.pick(
                "the body's decision (no party named)",
                "organets beslut (inget parti angivet)"
            )
        ),
        Lens::Party => format!(
            "{INFERRED_MARK} {}",
            lang.pick(
                "inferred: the majority's decision, where the decision names no party",
                "härlett: majoritetens beslut, där beslutet inte anger parti"
            )
        ),
    }
}

/// Shorten to `width` display columns with an ellipsis.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

pub fn to_markdown(cases: &[Case], lens: Lens, lang: Lang) -> String {
    let mut out = String::new();
    for case in cases {
        out.push_str(&format!(
            "## {} · {}\n\n{}\n\n",
            md(&case.dnr),
            md(&case.title),
            md(&case.summary(lang))
        ));
        let rows = grid(case, lens, lang);
        for (i, row) in rows.iter().enumerate() {
            out.push_str("| ");
            out.push_str(&row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "));
            out.push_str(" |\n");
            if i == 0 {
                out.push_str(&format!("|{}\n", "---|".repeat(row.len())));
            }
        }
        out.push_str(&format!("\n{}\n\n", md(&legend(lens, lang))));
    }
    out
}

fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
}

pub fn to_csv(cases: &[Case], lens: Lens, lang: Lang) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for case in cases {
        let rows = grid(case, lens, lang);
        for (i, row) in rows.iter().enumerate() {
            let first = if i == 0 { "case" } else { case.id.as_str() };
            let mut record = vec![first.to_string()];
            record.extend(row.iter().cloned());
            w.write_record(&record)?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `{"cases":[{"id","title","bodies":[{"id","name","kind","positions":[…]}]}]}`.
pub fn to_json(cases: &[Case], lens: Lens, lang: Lang) -> Value {
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
                        "administration": body.administration,
                        "opinion_date": body.opinion_date.map(|d| d.to_string()),
                        "meeting_date": body.meeting_date.map(|d| d.to_string()),
                        "decision": body.decision,
                        "positions": positions,
                    });
                    if lens == Lens::Party {
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
            json!({
                "id": case.id,
                "dnr": case.dnr,
                "title": case.title,
                "summary": case.summary(lang),
                "parties": case.parties.iter().map(|p| json!({"code": p.code, "name": p.name})).collect::<Vec<_>>(),
                "bodies": bodies,
            })
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
    })
}
