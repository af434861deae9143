//! Search hits for the command line: text blocks (header line and the wrapped paragraph or a
//! snippet of it, matches marked) and JSON.

use crate::analysis::search::{Hit, Results, snippet};
use crate::i18n::Lang;
use crate::model::{Case, Part};
use serde_json::{Value, json};
use std::ops::Range;

/// How the text form marks matched words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// Not at all (plain text).
    None,
    /// Bold, with ANSI escape sequences.
    Bold,
}

/// Options of the text form.
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    pub lang: Lang,
    pub marks: Marks,
    /// Print the whole paragraph rather than a snippet of about three lines around the match.
    pub full: bool,
    /// Total width of a line.
    pub width: usize,
}

const INDENT: &str = "  ";
const SEP: &str = " · ";

/// Where the paragraph lives, for the header: the body's name, or the section's title, or the
/// proposal.
pub fn place(case: &Case, part: Part, lang: Lang) -> String {
    match part {
        Part::Section(section) => case
            .sections
            .get(section)
            .map_or_else(String::new, |s| s.title.clone()),
        Part::Proposal => lang.pick("Proposal", "Förslag").to_string(),
        _ => part
            .body(case)
            .and_then(|b| case.bodies.get(b))
            .map_or_else(String::new, |b| b.name.clone()),
    }
}

/// The stance for the header: the position's, "Decision: …" for a body's decision, "–" for
/// case texts.
pub fn stance_label(case: &Case, part: Part, lang: Lang) -> String {
    match (part, part.stance(case)) {
        (Part::Decision(_), Some(s)) => {
            format!("{}: {}", lang.pick("Decision", "Beslut"), lang.stance(s))
        }
        (Part::Decision(_), None) => lang.pick("Decision", "Beslut").to_string(),
        (_, Some(s)) => lang.stance(s).to_string(),
        (_, None) => "–".to_string(),
    }
}

fn header(case: &Case, hit: &Hit, lang: Lang) -> String {
    let parties = hit.target.part.parties(case);
    let parties = if parties.is_empty() {
        "–".to_string()
    } else {
        parties.join(", ")
    };
    let dnr = if case.dnr.is_empty() {
        &case.id
    } else {
        &case.dnr
    };
    [
        dnr.clone(),
        place(case, hit.target.part, lang),
        stance_label(case, hit.target.part, lang),
        parties,
        hit.score.to_string(),
    ]
    .join(SEP)
}

/// Insert marks around `highlights` (valid, sorted ranges of `text`).
fn marked(text: &str, highlights: &[Range<usize>], marks: Marks) -> String {
    let (on, off) = match marks {
        Marks::None => return text.to_string(),
        Marks::Bold => ("\u{1b}[1m", "\u{1b}[22m"),
    };
    let mut out = String::with_capacity(text.len() + highlights.len() * 9);
    let mut at = 0;
    for r in highlights {
        out.push_str(&text[at..r.start]);
        out.push_str(on);
        out.push_str(&text[r.clone()]);
        out.push_str(off);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

/// One block per hit, a blank line between blocks, then a line with the count.
pub fn to_text(cases: &[Case], results: &Results, opts: TextOptions) -> String {
    let mut out = String::new();
    let inner = opts.width.saturating_sub(INDENT.len()).max(20);
    for hit in &results.hits {
        let Some(case) = cases.get(hit.case) else {
            continue;
        };
        let text = hit.text(cases);
        let (body, highlights) = if opts.full {
            (text.to_string(), hit.highlights.clone())
        } else {
            let s = snippet(text, &hit.highlights, inner * 3);
            (s.text, s.highlights)
        };
        out.push_str(&header(case, hit, opts.lang));
        out.push('\n');
        let body = marked(&body, &highlights, opts.marks);
        let wrap = textwrap::Options::new(inner)
            .initial_indent(INDENT)
            .subsequent_indent(INDENT)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        for line in textwrap::wrap(&body, wrap) {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    let shown = results.hits.len();
    let total = results.total;
    out.push_str(&match opts.lang {
        Lang::En if shown == total => format!("{total} paragraph(s)\n"),
        Lang::En => format!("{shown} of {total} paragraphs\n"),
        Lang::Sv if shown == total => format!("{total} stycke(n)\n"),
        Lang::Sv => format!("{shown} av {total} stycken\n"),
    });
    out
}

/// `[{case, body, stance, parties, paragraph, score, text, …}]`.
///
/// `case` is the case id and `dnr` its registration number; `body` the body's name (`null` for
/// case texts) and `body_id` its id; `stance` a snake_case stance or `null`; `paragraph` the
/// 0-based index of the paragraph within its text; `target` says which text (`position`,
/// `decision`, `section`, `proposal`) with `position` (the position's id) or `section` (the
/// section's id); `date` as YYYY-MM-DD or `null`; `highlights` UTF-8 byte ranges `[start,
/// end)` into `text` and `matched` the text of each.
pub fn to_json(cases: &[Case], results: &Results) -> Value {
    let hits: Vec<Value> = results
        .hits
        .iter()
        .filter_map(|hit| {
            let case = cases.get(hit.case)?;
            let text = hit.text(cases);
            let body = hit.target.part.body(case).and_then(|b| case.bodies.get(b));
            let position = hit
                .target
                .part
                .position()
                .and_then(|p| case.positions.get(p))
                .map(|p| p.id.clone());
            let section = match hit.target.part {
                Part::Section(section) => case.sections.get(section).map(|s| s.id.clone()),
                _ => None,
            };
            let highlights: Vec<Value> = hit
                .highlights
                .iter()
                .map(|r| json!([r.start, r.end]))
                .collect();
            let matched: Vec<&str> = hit
                .highlights
                .iter()
                .filter_map(|r| text.get(r.clone()))
                .collect();
            Some(json!({
                "case": case.id,
                "dnr": case.dnr,
                "body": body.map(|b| b.name.clone()),
                "body_id": body.map(|b| b.id.clone()),
                "stance": hit.target.part.stance(case).map(|s| s.as_str()),
                "parties": hit.target.part.parties(case),
                "paragraph": hit.target.paragraph,
                "target": hit.target.part.kind(),
                "position": position,
                "section": section,
                "date": hit.target.part.date(case).map(|d| d.to_string()),
                "score": hit.score,
                "text": text,
                "highlights": highlights,
                "matched": matched,
            }))
        })
        .collect();
    Value::Array(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_the_ranges() {
        let t = "Hässelby-Vällingby";
        let m = marked(t, &[0..9, 10..20], Marks::Bold);
        assert_eq!(
            m,
            "\u{1b}[1mHässelby\u{1b}[22m-\u{1b}[1mVällingby\u{1b}[22m"
        );
        let hl = 0..9;
        assert_eq!(marked(t, std::slice::from_ref(&hl), Marks::None), t);
    }
}
