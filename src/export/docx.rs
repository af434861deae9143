//! Debate notes as a Word document (`.docx`, Office Open XML), for colleagues who write their
//! speeches in Word: the title, the user's headings as Word headings (they show in Word's
//! navigation pane), each quote as a block quote (Word's own "Quote" style) with its citation
//! and source number under it, the user's comments, and a numbered list of sources. The same
//! content and order as the Markdown export ([`super::notes::to_markdown`]).
//!
//! The package is written by docx-rs, which escapes text for XML. Case text holds no control
//! characters (cleaned at load), so every string is valid in XML.

use super::notes::{source_number, sources, stale_label};
use crate::i18n::Lang;
use crate::model::Case;
use crate::notes::{ItemKind, Notes};
use docx_rs::{Docx, Paragraph, Run, RunFonts, Style, StyleType};

/// Paragraph styles, by Word's built-in ids and names where Word has one.
const TITLE: &str = "Title";
const HEADING: &str = "Heading1";
const SUBTITLE: &str = "Subtitle";
const QUOTE: &str = "Quote";
const CITATION: &str = "Citation";
const COMMENT: &str = "Comment";
const STALE: &str = "Stale";

fn styles(doc: Docx) -> Docx {
    // Sizes are in half points; indents in twentieths of a point (720 = 1.27 cm).
    doc.default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri"))
        .default_size(22)
        .add_style(
            Style::new(TITLE, StyleType::Paragraph)
                .name("Title")
                .size(40)
                .bold(),
        )
        .add_style(
            Style::new(SUBTITLE, StyleType::Paragraph)
                .name("Subtitle")
                .size(26)
                .italic(),
        )
        .add_style(
            Style::new(HEADING, StyleType::Paragraph)
                .name("heading 1")
                .size(30)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new(QUOTE, StyleType::Paragraph)
                .name("Quote")
                .italic()
                .indent(Some(720), None, Some(720), None),
        )
        .add_style(
            Style::new(CITATION, StyleType::Paragraph)
                .name("Citation")
                .size(20)
                .indent(Some(720), None, None, None),
        )
        .add_style(
            Style::new(COMMENT, StyleType::Paragraph)
                .name("Comment")
                .color("2E7D32"),
        )
        .add_style(
            Style::new(STALE, StyleType::Paragraph)
                .name("Stale")
                .bold()
                .color("8A5A00"),
        )
}

fn para(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

/// The notes as a `.docx` file's bytes. With the case at hand, quotes no longer in it are
/// marked. Errors only if the archive cannot be written (in memory: never in practice).
pub fn to_docx(notes: &Notes, case: Option<&Case>, lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    document(notes, case, lang)
        .build()
        .pack(&mut out)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(out.into_inner())
}

/// The document before it is packed.
fn document(notes: &Notes, case: Option<&Case>, lang: Lang) -> Docx {
    let title = format!(
        "{}: {}",
        lang.pick("Debate notes", "Debattanteckningar"),
        notes.dnr
    );
    let mut doc = styles(Docx::new())
        .add_paragraph(para(TITLE, &title))
        .add_paragraph(para(SUBTITLE, &notes.title));
    if notes.items.is_empty() {
        doc = doc.add_paragraph(para(
            "Normal",
            lang.pick("(no notes yet)", "(inga anteckningar än)"),
        ));
    }
    for item in &notes.items {
        match &item.kind {
            ItemKind::Heading(h) => doc = doc.add_paragraph(para(HEADING, h)),
            ItemKind::Quote(q) => {
                let paragraphs: Vec<&str> = q.text.split("\n\n").collect();
                let last = paragraphs.len() - 1;
                for (i, p) in paragraphs.into_iter().enumerate() {
                    let open = if i == 0 { "”" } else { "" };
                    let close = if i == last { "”" } else { "" };
                    doc = doc.add_paragraph(para(QUOTE, &format!("{open}{p}{close}")));
                }
                doc = doc.add_paragraph(para(
                    CITATION,
                    &format!("— {} [{}]", q.citation, source_number(notes, q)),
                ));
                if case.is_some_and(|c| q.is_stale(c)) {
                    doc = doc.add_paragraph(para(STALE, &format!("({})", stale_label(lang))));
                }
                for line in q.comment.lines().filter(|l| !l.trim().is_empty()) {
                    doc = doc.add_paragraph(para(COMMENT, line));
                }
            }
        }
    }
    let list = sources(notes);
    if !list.is_empty() {
        doc = doc.add_paragraph(para(HEADING, lang.pick("Sources", "Källor")));
        for (n, (citation, key)) in list.iter().enumerate() {
            doc = doc.add_paragraph(para("Normal", &format!("{}. {citation} ({key})", n + 1)));
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;
    use crate::notes::Quote;

    #[test]
    fn a_zip_package_with_styled_paragraphs_and_escaped_text() {
        let case = load_bundled();
        let mut n = Notes::for_case(&case);
        n.push(ItemKind::Heading("Kiosker & <väktare>".into()));
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        let q = Quote::from_position(&case, i, (0, 1), None).unwrap();
        n.push(ItemKind::Quote(q));
        let bytes = to_docx(&n, Some(&case), Lang::Sv).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "a zip archive");
        let xml = String::from_utf8(document(&n, Some(&case), Lang::Sv).build().document).unwrap();
        assert!(xml.contains("Kiosker &amp; &lt;väktare&gt;"), "{xml}");
        assert!(xml.contains("w:val=\"Quote\""));
        assert!(xml.contains("Reservation av Andréa Hedin m.fl. (M)"));
    }
}
