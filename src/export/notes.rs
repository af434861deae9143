//! Debate notes out: Markdown (headings, quotes as block quotes with their citations, comments,
//! a list of sources), plain text (also what "copy all" puts on the clipboard), and JSON.

use crate::i18n::Lang;
use crate::model::Case;
use crate::notes::{ItemKind, Notes, Quote};
use serde_json::{Value, json};

use super::markdown::{code, escape as md};

pub(crate) fn stale_label(lang: Lang) -> &'static str {
    lang.pick(
        "no longer in the case file",
        "finns inte längre i ärendets fil",
    )
}

/// Distinct citations in order of first use, for the source list.
pub(crate) fn sources(notes: &Notes) -> Vec<(&str, String)> {
    let mut out: Vec<(&str, String)> = Vec::new();
    for q in notes.quotes() {
        if !out.iter().any(|(c, _)| *c == q.citation) {
            out.push((q.citation.as_str(), q.source.clone()));
        }
    }
    out
}

pub(crate) fn source_number(notes: &Notes, q: &Quote) -> usize {
    sources(notes)
        .iter()
        .position(|(c, _)| *c == q.citation)
        .map_or(0, |i| i + 1)
}

fn is_stale(case: Option<&Case>, q: &Quote) -> bool {
    case.is_some_and(|c| q.is_stale(c))
}

/// The notes as Markdown. With the case at hand, quotes no longer in it are marked.
pub fn to_markdown(notes: &Notes, case: Option<&Case>, lang: Lang) -> String {
    let mut out = format!(
        "# {}: {}\n\n{}\n",
        lang.pick("Debate notes", "Debattanteckningar"),
        md(&notes.dnr),
        md(&notes.title)
    );
    if notes.items.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            lang.pick("(no notes yet)", "(inga anteckningar än)")
        ));
        return out;
    }
    for item in &notes.items {
        match &item.kind {
            ItemKind::Heading(h) => out.push_str(&format!("\n## {}\n", md(h))),
            ItemKind::Quote(q) => {
                out.push('\n');
                for (i, para) in q.text.split("\n\n").enumerate() {
                    if i > 0 {
                        out.push_str(">\n");
                    }
                    out.push_str(&format!("> {}\n", md(para)));
                }
                out.push_str(&format!(
                    ">\n> — {} [{}]\n",
                    md(&q.citation),
                    source_number(notes, q)
                ));
                if is_stale(case, q) {
                    out.push_str(&format!("\n*({})*\n", stale_label(lang)));
                }
                if !q.comment.is_empty() {
                    let lines: Vec<String> = q.comment.lines().map(md).collect();
                    out.push_str(&format!("\n{}\n", lines.join("  \n")));
                }
            }
        }
    }
    let list = sources(notes);
    if !list.is_empty() {
        out.push_str(&format!("\n## {}\n\n", lang.pick("Sources", "Källor")));
        for (n, (citation, key)) in list.iter().enumerate() {
            out.push_str(&format!("{}. {} ({})\n", n + 1, md(citation), code(key)));
        }
    }
    out
}

/// The notes as plain text: quotes in the citation form used for copying.
pub fn to_text(notes: &Notes, case: Option<&Case>, lang: Lang) -> String {
    let title = format!(
        "{}: {} · {}",
        lang.pick("Debate notes", "Debattanteckningar"),
        notes.dnr,
        notes.title
    );
    let mut out = format!("{title}\n");
    for item in &notes.items {
        match &item.kind {
            ItemKind::Heading(h) => {
                let underline = "-".repeat(unicode_width::UnicodeWidthStr::width(h.as_str()));
                out.push_str(&format!("\n{h}\n{underline}\n"));
            }
            ItemKind::Quote(q) => {
                out.push_str(&format!("\n”{}”\n({})\n", q.text, q.citation));
                if is_stale(case, q) {
                    out.push_str(&format!("[{}]\n", stale_label(lang)));
                }
                if !q.comment.is_empty() {
                    out.push_str(&format!(
                        "{}: {}\n",
                        lang.pick("Comment", "Kommentar"),
                        q.comment
                    ));
                }
            }
        }
    }
    out
}

/// The notes as JSON: `{case, dnr, title, items: [{id, kind: "heading", text} | {id, kind:
/// "quote", text, citation, source, paragraphs: [first, last] (1-based), body, stance,
/// parties, byline, date, comment, stale}]}`.
pub fn to_json(notes: &Notes, case: Option<&Case>) -> Value {
    let items: Vec<Value> = notes
        .items
        .iter()
        .map(|item| match &item.kind {
            ItemKind::Heading(h) => json!({"id": item.id, "kind": "heading", "text": h}),
            ItemKind::Quote(q) => json!({
                "id": item.id,
                "kind": "quote",
                "text": q.text,
                "citation": q.citation,
                "source": q.source.clone(),
                "paragraphs": [q.paragraphs.0 + 1, q.paragraphs.1 + 1],
                "body": q.body,
                "stance": q.stance.map(|s| s.as_str()),
                "parties": q.parties,
                "byline": q.byline,
                "date": q.date.map(|d| d.to_string()),
                "comment": q.comment,
                "stale": is_stale(case, q),
            }),
        })
        .collect();
    json!({"case": notes.case, "dnr": notes.dnr, "title": notes.title, "items": items})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn markdown_escapes_and_numbers_sources() {
        let case = load_bundled();
        let mut n = Notes::for_case(&case);
        n.push(ItemKind::Heading("*Their* argument".into()));
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        for p in [0, 1] {
            let q = Quote::from_position(&case, i, (p, p), None).unwrap();
            n.push(ItemKind::Quote(q));
        }
        let md = to_markdown(&n, Some(&case), Lang::En);
        assert!(md.contains("## \\*Their\\* argument"));
        assert_eq!(md.matches("[1]\n").count(), 2, "{md}");
        assert!(md.contains("1. Reservation av Andréa Hedin m.fl. (M)"));
        assert!(!md.contains("no longer"));
    }

    #[test]
    fn stale_quotes_are_marked_in_every_format() {
        let mut case = load_bundled();
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        let mut n = Notes::for_case(&case);
        n.push(ItemKind::Quote(
            Quote::from_position(&case, i, (0, 0), None).unwrap(),
        ));
        case.positions[i].paragraphs[0] = "Omskriven.".into();
        assert!(to_markdown(&n, Some(&case), Lang::Sv).contains("finns inte längre"));
        assert!(to_text(&n, Some(&case), Lang::En).contains("[no longer in the case file]"));
        assert_eq!(to_json(&n, Some(&case))["items"][0]["stale"], true);
        assert_eq!(to_json(&n, None)["items"][0]["stale"], false);
    }
}
