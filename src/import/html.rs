//! HTML to text lines, as a browser would lay the text out: one line per paragraph, table row
//! or `<br>`, a blank line between paragraphs, `<pre>` blocks with their own line breaks. Each
//! line keeps a [`Hint`] from the class of the paragraph it came from, where the class says
//! what the paragraph is (the Riksdag's reservation and special-statement headings).
//!
//! The Riksdag's open data has two kinds of report HTML: older files hold the text in `<pre>`
//! blocks and `<div class="sidhuvud_…">` page heads; newer ones are Word exports whose
//! paragraph classes name their role (`Reservationsrubrik`, `Srskiltyttranderubrik`,
//! `Reservationshnvisning`, `TOC1`…), with a reservation's number in a table cell beside its
//! heading.

use scraper::{Html, Node};

/// What a line's paragraph class says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hint {
    #[default]
    None,
    /// A reservation's heading (`Reservationsrubrik`).
    ReservationHeading,
    /// A special statement's heading (`Srskiltyttranderubrik`, "Särskilt yttrande-rubrik").
    StatementHeading,
    /// A reference to a reservation under a decision point (`Reservationshnvisning`).
    ReservationRef,
    /// A line of the table of contents (`TOC1`…, `innehall_lista`).
    Contents,
    /// A running head of the page layout (`sidhuvud_…`).
    PageHead,
    /// A heading element (`h1`–`h3`).
    Heading,
}

/// The class names (lower case, letters only) that give a hint. Word drops the letters å, ä and
/// ö from style names: "Reservationshänvisning" becomes `Reservationshnvisning`.
const CLASS_HINTS: &[(&str, Hint)] = &[
    ("reservationsrubrik", Hint::ReservationHeading),
    ("srskiltyttranderubrik", Hint::StatementHeading),
    ("sarskiltyttranderubrik", Hint::StatementHeading),
    ("srskildayttranderubrik", Hint::StatementHeading),
    ("reservationshnvisning", Hint::ReservationRef),
    ("reservationshanvisning", Hint::ReservationRef),
    ("innehalllista", Hint::Contents),
    ("sidhuvud", Hint::PageHead),
];

fn class_hint(class: &str) -> Hint {
    for name in class.split_whitespace() {
        let letters: String = name
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if letters.starts_with("toc") && letters.len() == 3 {
            return Hint::Contents;
        }
        if let Some((_, h)) = CLASS_HINTS
            .iter()
            .find(|(prefix, _)| letters.starts_with(prefix))
        {
            return *h;
        }
    }
    Hint::None
}

/// Text laid out in lines, and a hint per line (`hints[k]` for line `k + 1`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Laid {
    pub text: String,
    pub hints: Vec<Hint>,
}

impl Laid {
    /// The hint of 1-based line `no`.
    pub fn hint(&self, no: usize) -> Hint {
        no.checked_sub(1)
            .and_then(|k| self.hints.get(k))
            .copied()
            .unwrap_or_default()
    }
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "pre",
    "hr",
    "blockquote",
    "section",
    "article",
    "body",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
];

struct Builder {
    lines: Vec<(String, Hint)>,
    current: String,
    /// Blank lines are written between blocks, never two in a row from layout alone.
    hint: Hint,
}

impl Builder {
    fn flush(&mut self) {
        let text = self.current.trim().to_string();
        self.current.clear();
        if !text.is_empty() {
            self.lines.push((text, self.hint));
        }
    }

    fn blank(&mut self) {
        self.flush();
        if self.lines.last().is_some_and(|(t, _)| !t.is_empty()) {
            self.lines.push((String::new(), Hint::None));
        }
    }

    fn push_text(&mut self, s: &str, pre: bool) {
        if pre {
            let mut parts = s.split('\n');
            if let Some(first) = parts.next() {
                self.current.push_str(first.trim_end_matches('\r'));
            }
            for part in parts {
                let text = self.current.trim().to_string();
                self.current.clear();
                // Inside <pre> a blank line is the text's own.
                self.lines.push((text, self.hint));
                self.current.push_str(part.trim_end_matches('\r'));
            }
        } else {
            for (k, w) in s.split_whitespace().enumerate() {
                if (k > 0 || s.starts_with(char::is_whitespace))
                    && !self.current.ends_with(' ')
                    && !self.current.is_empty()
                {
                    self.current.push(' ');
                }
                self.current.push_str(w);
            }
            if s.ends_with(char::is_whitespace) && !self.current.is_empty() {
                self.current.push(' ');
            }
        }
    }
}

/// Lay out an HTML document or fragment as text lines. Never fails: any input gives some
/// lines (an HTML5 parser repairs what is malformed).
pub fn lay_out(source: &str) -> Laid {
    let doc = Html::parse_document(source);
    let mut b = Builder {
        lines: Vec::new(),
        current: String::new(),
        hint: Hint::None,
    };
    // Per open element: (is a block, the hint before it, is pre, is skipped).
    let mut stack: Vec<(bool, Hint, bool, bool)> = Vec::new();
    let mut pre_depth = 0usize;
    let mut skip_depth = 0usize;
    // Inside a table row the cells' paragraphs make one line ("1." beside its heading), with
    // the hint any of them gives.
    let mut row_depth = 0usize;
    let mut row_hint = Hint::None;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    let skipped = matches!(name, "script" | "style" | "head" | "title");
                    let block = BLOCKS.contains(&name);
                    let pre = name == "pre";
                    let before = b.hint;
                    if skip_depth == 0 {
                        if name == "tr" {
                            b.blank();
                            row_depth += 1;
                            row_hint = Hint::None;
                        } else if row_depth > 0 && name != "table" {
                            if matches!(name, "td" | "th") && !b.current.is_empty() {
                                b.current.push(' ');
                            }
                            if let Some(class) = el.attr("class") {
                                let h = class_hint(class);
                                if h != Hint::None {
                                    row_hint = h;
                                }
                            }
                        } else if name == "br" {
                            b.flush();
                        } else if block {
                            if matches!(name, "p" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                            {
                                b.blank();
                            } else {
                                b.flush();
                            }
                            if matches!(name, "h1" | "h2" | "h3") {
                                b.hint = Hint::Heading;
                            }
                            if let Some(class) = el.attr("class") {
                                let h = class_hint(class);
                                if h != Hint::None {
                                    b.hint = h;
                                }
                            }
                        } else if matches!(name, "td" | "th") && !b.current.is_empty() {
                            b.current.push(' ');
                        }
                    }
                    if skipped {
                        skip_depth += 1;
                    }
                    if pre {
                        pre_depth += 1;
                    }
                    stack.push((block, before, pre, skipped));
                }
                Node::Text(t) if skip_depth == 0 => b.push_text(t, pre_depth > 0),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let Some((block, before, pre, skipped)) = stack.pop() else {
                        continue;
                    };
                    if skipped {
                        skip_depth = skip_depth.saturating_sub(1);
                    }
                    if pre {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if skip_depth == 0 && el.name() == "tr" {
                        row_depth = row_depth.saturating_sub(1);
                        b.hint = row_hint;
                        b.blank();
                        row_hint = Hint::None;
                    } else if skip_depth == 0 && block && row_depth == 0 {
                        if matches!(
                            el.name(),
                            "p" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                        ) {
                            b.blank();
                        } else {
                            b.flush();
                        }
                    }
                    b.hint = before;
                }
            }
        }
    }
    b.flush();
    while b.lines.last().is_some_and(|(t, _)| t.is_empty()) {
        b.lines.pop();
    }
    let mut text = String::new();
    let mut hints = Vec::with_capacity(b.lines.len());
    for (line, hint) in b.lines {
        text.push_str(&line);
        text.push('\n');
        hints.push(hint);
    }
    Laid { text, hints }
}

/// Whether a text looks like HTML rather than plain text: it starts (after white space) with a
/// tag, a comment or a doctype, and its head holds a tag of a document's body. The Riksdag's
/// files start in several ways: `<!DOCTYPE html>`, `<html>`, `<HEAD>…<BODY>`, `<style>…`
/// (newer Word exports), `<div class="betankande_">`, `<pre>`.
pub fn looks_like_html(text: &str) -> bool {
    // Word exports start with a style sheet of some 20 KB before the first tag of the body.
    let head: String = text.trim_start().chars().take(64 * 1024).collect();
    let lower = head.to_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    let Some(after) = lower.strip_prefix('<') else {
        return false;
    };
    if !after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!') {
        return false;
    }
    // A tag of the body, or a closing tag, somewhere in the head: plain text that happens to
    // start with "<" has neither.
    const BODY_TAGS: &[&str] = &[
        "<p>", "<p ", "<div", "<pre", "<table", "<body", "<br", "<h1", "<h2", "<span", "</",
    ];
    BODY_TAGS.iter().any(|t| lower.contains(t)) && lower.contains('>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_pre_and_table_rows() {
        let laid = lay_out(
            "<div class=\"sidhuvud_beteckning\">2001/02:BOU1</div><h1>Titel</h1>\
             <pre>rad ett\nrad två\n\nnytt stycke</pre>\
             <table><tr><td><p>1.</p></td><td><p class=\"Reservationsrubrik\">Rubrik, punkt 1 (M)</p></td></tr></table>\
             <p class=\"Normal\">av Anna (M) och\nBo (M).</p><script>x()</script>",
        );
        let lines: Vec<&str> = laid.text.lines().collect();
        assert_eq!(
            lines,
            [
                "2001/02:BOU1",
                "",
                "Titel",
                "",
                "rad ett",
                "rad två",
                "",
                "nytt stycke",
                "",
                "1. Rubrik, punkt 1 (M)",
                "",
                "av Anna (M) och Bo (M).",
            ]
        );
        assert_eq!(laid.hint(1), Hint::PageHead);
        assert_eq!(laid.hint(10), Hint::ReservationHeading);
        assert_eq!(laid.hint(12), Hint::None);
    }

    #[test]
    fn classes_without_swedish_letters() {
        assert_eq!(class_hint("Srskiltyttranderubrik"), Hint::StatementHeading);
        assert_eq!(class_hint("Reservationshnvisning"), Hint::ReservationRef);
        assert_eq!(class_hint("TOC6"), Hint::Contents);
        assert_eq!(class_hint("Normalutanluftfre"), Hint::None);
    }

    /// The ways the Riksdag's HTML files start, and text that is no HTML.
    #[test]
    fn html_is_recognised_by_its_start() {
        for s in [
            "<!DOCTYPE html><html><body><p>x</p></body></html>",
            "<HEAD><meta charset=\"utf-8\"/><TITLE>2008/09:FiU3</TITLE></HEAD><BODY><div>x</div></BODY>",
            "<style><!--\n .w600px{width: 600px}\n--></style><div class=\"Section1\"><p>x</p></div>",
            format!(
                "<style><!--\n{}--></style><div><p>x</p></div>",
                " .a{b:c}\n".repeat(3000)
            )
            .as_str(),
            "<div class=\"betankande_\"><table><tr><td><p>x</p></td></tr></table></div>",
            "  \n<pre>Kulturutskottets betänkande</pre>",
        ] {
            assert!(looks_like_html(s), "{s}");
        }
        for s in [
            "Arbetsmarknadsutskottets betänkande\n2006/07:AU1",
            "<- en pil i texten",
            "< 5 procent",
            "",
        ] {
            assert!(!looks_like_html(s), "{s}");
        }
    }

    #[test]
    fn anything_lays_out() {
        for s in [
            "",
            "<",
            "<p>",
            "</pre></pre>",
            "<pre>\u{1b}[31m</pre>",
            "&amp;&lt;",
        ] {
            let _ = lay_out(s);
        }
        assert_eq!(lay_out("<p>a &amp; b</p>").text, "a & b\n");
        let deep = "<div>".repeat(10_000) + "x";
        assert_eq!(lay_out(&deep).text, "x\n");
    }
}
