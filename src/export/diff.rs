//! `remiss diff`: a word diff of two positions as text. Without colour, deletions and
//! insertions are marked as git's word diff does (`[-old-]{+new+}`); with colour, deletions
//! are red and struck through, insertions green and underlined.

use crate::analysis::diff::{DiffStats, Row, Tag, TextDiff};
use crate::i18n::Lang;
use std::fmt::Write as _;

const RED_STRIKE: &str = "\x1b[9;31m";
const GREEN_UNDERLINE: &str = "\x1b[4;32m";
const RESET: &str = "\x1b[0m";

/// The summary line: "77% the same; 6 changes; +41 −12 words".
pub fn summary(stats: &DiffStats, lang: Lang) -> String {
    let pct = (stats.same_ratio * 100.0).round();
    let (ins, del) = (stats.inserted_words, stats.deleted_words);
    match lang {
        Lang::En => format!(
            "{pct}% the same; {} change{}; +{ins} −{del} words",
            stats.changes,
            if stats.changes == 1 { "" } else { "s" }
        ),
        Lang::Sv => format!(
            "{pct} % lika; {} {}; +{ins} −{del} ord",
            stats.changes,
            if stats.changes == 1 {
                "ändring"
            } else {
                "ändringar"
            }
        ),
    }
}

/// One row inline: equal text as it is, deletions before insertions.
fn row_text(row: &Row, colour: bool) -> String {
    let mut out = String::new();
    let chunks = &row.chunks;
    for (i, c) in chunks.iter().enumerate() {
        if c.tag == Tag::Equal {
            out.push_str(&c.text);
            continue;
        }
        let next_is_insert = chunks.get(i + 1).is_some_and(|n| n.tag == Tag::Insert);
        let (leading, text, trailing) = if c.paragraph_break {
            ("", "¶", "")
        } else {
            let t = c.text.trim();
            let lead = &c.text[..c.text.len() - c.text.trim_start().len()];
            (lead, t, &c.text[lead.len() + t.len()..])
        };
        // A deletion right before an insertion shares the insertion's spacing.
        let shared_space = c.tag == Tag::Delete && next_is_insert;
        if text.is_empty() {
            if !shared_space {
                out.push_str(&c.text);
            }
            continue;
        }
        out.push_str(leading);
        match (c.tag, colour) {
            (Tag::Delete, true) => {
                let _ = write!(out, "{RED_STRIKE}{text}{RESET}");
            }
            (Tag::Insert, true) => {
                let _ = write!(out, "{GREEN_UNDERLINE}{text}{RESET}");
            }
            (Tag::Delete, false) => {
                let _ = write!(out, "[-{text}-]");
            }
            _ => {
                let _ = write!(out, "{{+{text}+}}");
            }
        }
        if !shared_space {
            out.push_str(trailing);
        }
    }
    out
}

/// The whole diff: a header naming both sides, the summary line, then every row (paragraphs
/// separated by blank lines).
pub fn to_text(left: &str, right: &str, diff: &TextDiff, colour: bool, lang: Lang) -> String {
    let mut out = String::new();
    let (minus, plus) = if colour {
        (
            format!("{RED_STRIKE}---{RESET}"),
            format!("{GREEN_UNDERLINE}+++{RESET}"),
        )
    } else {
        ("---".to_string(), "+++".to_string())
    };
    let _ = writeln!(out, "{minus} {left}");
    let _ = writeln!(out, "{plus} {right}");
    let _ = writeln!(out, "{}", summary(&diff.stats, lang));
    for row in &diff.rows {
        out.push('\n');
        out.push_str(row_text(row, colour).trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diff::{DiffOptions, diff_texts};

    #[test]
    fn marks_without_colour_and_escapes_with() {
        let a = vec!["ska vara bemannade knutpunkter.".to_string()];
        let b = vec!["ska vara bemannande knutpunkter nu.".to_string()];
        let d = diff_texts(&a, &b, &DiffOptions::default());
        let plain = to_text("A", "B", &d, false, Lang::En);
        assert!(
            plain.contains("ska vara [-bemannade-]{+bemannande+} knutpunkter {+nu+}."),
            "{plain}"
        );
        assert!(
            plain.contains("60% the same; 2 changes; +2 −1 words"),
            "{plain}"
        );
        let coloured = to_text("A", "B", &d, true, Lang::En);
        assert!(coloured.contains("\x1b[9;31mbemannade\x1b[0m"));
        assert!(!coloured.contains("[-"));
        assert_eq!(
            summary(&d.stats, Lang::Sv),
            "60 % lika; 2 ändringar; +2 −1 ord"
        );
    }
}
