//! Lay out one position for the reader: a header, then its paragraphs wrapped to the width.
//! Done once per open or resize, so a frame only slices the visible lines, even for a
//! paragraph of megabytes.

use crate::i18n::Lang;
use crate::model::Case;

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
    /// The paragraph this line belongs to (text lines only).
    pub paragraph: Option<usize>,
}

fn line(text: String, kind: LineKind) -> ReaderLine {
    ReaderLine {
        text,
        kind,
        paragraph: None,
    }
}

/// Wrap greedily (first fit): linear and fast even for a paragraph of megabytes.
fn wrap(text: &str, width: usize) -> Vec<std::borrow::Cow<'_, str>> {
    let options = textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(text, options)
}

/// Margin on each side of the text.
pub const MARGIN: u16 = 2;

pub fn layout(case: &Case, position: usize, width: u16, lang: Lang) -> Vec<ReaderLine> {
    let width = usize::from(width.saturating_sub(2 * MARGIN)).max(8);
    let p = &case.positions[position];
    let body = case.body(p);
    let mut out = Vec::new();
    let field = |label: &str, value: String, kind: LineKind, out: &mut Vec<ReaderLine>| {
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
    };
    let title = format!("{} · {}", lang.stance(p.stance), case.byline(p));
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
    if !p.parties.is_empty() {
        field(
            lang.pick("Parties", "Partier"),
            p.parties.join(", "),
            LineKind::Field,
            &mut out,
        );
    }
    if !p.signatories.is_empty() {
        let names: Vec<String> = p
            .signatories
            .iter()
            .map(|s| match &s.party {
                Some(party) => format!("{} ({party})", s.name),
                None => s.name.clone(),
            })
            .collect();
        field(
            lang.pick("Signed", "Undertecknad av"),
            names.join(", "),
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
    if let Some(d) = body.opinion_date {
        if p.stance.is_decision() {
            field(
                lang.pick("Opinion dated", "Tjänsteutlåtande daterat"),
                d.to_string(),
                LineKind::Field,
                &mut out,
            );
        }
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
        let label = lang.pick("Identical to (f follows)", "Likalydande med (f följer)");
        field(
            label,
            format!("{} · {}", case.body(target).name, target.id),
            LineKind::Link,
            &mut out,
        );
    }
    if let Some(t) = p.concurs_with {
        let target = &case.positions[t];
        let label = lang.pick("Concurs with (f follows)", "Instämmer i (f följer)");
        field(
            label,
            format!("{} · {}", case.byline(target), target.id),
            LineKind::Link,
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
        for l in wrap(para, width) {
            out.push(ReaderLine {
                text: l.into_owned(),
                kind: LineKind::Text,
                paragraph: Some(i),
            });
        }
        out.push(line(String::new(), LineKind::Blank));
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
        let lines = layout(&case, i, 40, Lang::En);
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
    fn identical_position_shows_link_and_borrowed_text() {
        let case = load_bundled();
        let i = case
            .position_index("kommunstyrelsen/reservation/M")
            .unwrap();
        let lines = layout(&case, i, 100, Lang::En);
        assert!(
            lines.iter().any(|l| l.kind == LineKind::Link
                && l.text.contains("borgarradsberedningen/reservation/M"))
        );
        assert!(lines.iter().any(|l| l.paragraph == Some(0)));
    }
}
