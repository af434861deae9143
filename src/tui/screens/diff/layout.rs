//! The diff's geometry and its text laid out: [`areas`] splits the screen (who is compared,
//! the summary, the text) for both update and drawing; [`layout`] wraps the diff's rows side
//! by side when the terminal is wide enough and inline when it is not, or folds unchanged
//! rows.

use crate::analysis::diff::{Side, Tag, TextDiff};
use ratatui::layout::{Constraint, Layout, Rect};
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthStr;

/// Where the diff draws: the two sides' labels, the summary line, and the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DiffAreas {
    pub a: Rect,
    pub b: Rect,
    pub summary: Rect,
    pub body: Rect,
}

/// The diff's areas within `main`.
pub fn areas(main: Rect) -> DiffAreas {
    let [a, b, summary, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(main);
    DiffAreas {
        a,
        b,
        summary,
        body,
    }
}

/// Side by side from this many columns; inline below.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 100;
/// Columns before the text: the cursor mark.
pub const GUTTER: usize = 2;
/// Between the two sides: " │ ".
pub const SEPARATOR: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffLayout {
    SideBySide,
    Inline,
}

/// A run of text with one tag, on one display line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub tag: Tag,
    /// The change (index into `TextDiff::changes`) a deleted or inserted piece belongs to.
    pub change: Option<usize>,
}

/// A span of a row's text: its tag, its change, the text.
type Span<'a> = (Tag, Option<usize>, &'a str);

/// One display line: the row it belongs to and its text (the left side and the right side;
/// inline, everything is on the left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    pub row: usize,
    pub left: Vec<Piece>,
    pub right: Vec<Piece>,
    /// A folded unchanged row: how many words it hides.
    pub folded: Option<usize>,
}

/// A word with the whitespace after it, for wrapping.
#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    space: &'a str,
    tag: Tag,
    change: Option<usize>,
}

impl Fragment for Word<'_> {
    fn width(&self) -> f64 {
        self.text.width() as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space.width() as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Split tagged spans into words (a word longer than `width` in pieces of at most `width`).
fn words<'a>(spans: &[Span<'a>], width: usize) -> Vec<Word<'a>> {
    let mut out: Vec<Word<'a>> = Vec::new();
    for &(tag, change, text) in spans {
        let mut rest = text;
        while !rest.is_empty() {
            let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (word, after) = rest.split_at(word_len);
            let space_len = after.len() - after.trim_start().len();
            let (space, next) = after.split_at(space_len);
            if word.is_empty() {
                // Leading spacing: belongs after the previous word.
                if let Some(prev) = out.last_mut().filter(|p| p.space.is_empty()) {
                    prev.space = space;
                }
            } else {
                push_word(
                    &mut out,
                    Word {
                        text: word,
                        space,
                        tag,
                        change,
                    },
                    width,
                );
            }
            rest = next;
        }
    }
    out
}

fn push_word<'a>(out: &mut Vec<Word<'a>>, w: Word<'a>, width: usize) {
    let Word {
        text: word,
        space,
        tag,
        change,
    } = w;
    if word.width() <= width {
        out.push(w);
        return;
    }
    // Too long for a line: cut it at char boundaries into pieces that fit.
    let mut start = 0;
    let mut w = 0;
    for (i, c) in word.char_indices() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width && i > start {
            out.push(Word {
                text: &word[start..i],
                space: "",
                tag,
                change,
            });
            start = i;
            w = 0;
        }
        w += cw;
    }
    out.push(Word {
        text: &word[start..],
        space,
        tag,
        change,
    });
}

/// Wrap tagged spans to `width` columns: lines of pieces (adjacent words with one tag merge).
fn wrap_spans(spans: &[Span], width: usize) -> Vec<Vec<Piece>> {
    let width = width.max(1);
    let words = words(spans, width);
    let lines = textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64]);
    lines
        .iter()
        .map(|line| {
            let mut pieces: Vec<Piece> = Vec::new();
            for (i, w) in line.iter().enumerate() {
                let space = if i + 1 < line.len() { w.space } else { "" };
                match pieces.last_mut() {
                    Some(p) if p.tag == w.tag && p.change == w.change => {
                        p.text.push_str(w.text);
                        p.text.push_str(space);
                    }
                    _ => pieces.push(Piece {
                        text: format!("{}{space}", w.text),
                        tag: w.tag,
                        change: w.change,
                    }),
                }
            }
            pieces
        })
        .collect()
}

/// The change each chunk of a row belongs to: a change starts at `diff.changes[i]` and runs
/// over the following deleted and inserted chunks.
fn chunk_changes(diff: &TextDiff, row: usize) -> Vec<Option<usize>> {
    let chunks = &diff.rows[row].chunks;
    let mut out = vec![None; chunks.len()];
    for (i, c) in diff
        .changes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.row == row)
    {
        for (k, chunk) in chunks.iter().enumerate().skip(c.chunk) {
            if chunk.tag == Tag::Equal || (k > c.chunk && out[k].is_some()) {
                break;
            }
            out[k] = Some(i);
        }
    }
    out
}

/// One side of a row: its paragraphs wrapped, a blank line between paragraphs.
fn side_lines(diff: &TextDiff, row: usize, side: Side, width: usize) -> Vec<Vec<Piece>> {
    let changes = chunk_changes(diff, row);
    let mut paragraphs: Vec<(usize, Vec<Span>)> = Vec::new();
    for (k, c) in diff.rows[row].chunks.iter().enumerate() {
        let index = match side {
            Side::Left => c.left,
            Side::Right => c.right,
        };
        let Some(index) = index.filter(|_| !c.paragraph_break) else {
            continue;
        };
        let span = (c.tag, changes[k], c.text.as_str());
        match paragraphs.last_mut() {
            Some((i, spans)) if *i == index => spans.push(span),
            _ => paragraphs.push((index, vec![span])),
        }
    }
    let mut out = Vec::new();
    for (n, (_, spans)) in paragraphs.iter().enumerate() {
        if n > 0 {
            out.push(Vec::new());
        }
        out.extend(wrap_spans(spans, width));
    }
    out
}

/// A row inline: deletions and insertions where they happen, paragraphs apart.
fn inline_lines(diff: &TextDiff, row: usize, width: usize) -> Vec<Vec<Piece>> {
    let changes = chunk_changes(diff, row);
    let mut paragraphs: Vec<Vec<Span>> = vec![Vec::new()];
    let mut last_equal: Option<(Option<usize>, Option<usize>)> = None;
    for (k, c) in diff.rows[row].chunks.iter().enumerate() {
        if c.paragraph_break {
            if let Some(p) = paragraphs.last_mut() {
                p.push((c.tag, changes[k], "¶ "));
            }
            continue;
        }
        if c.tag == Tag::Equal {
            let key = (c.left, c.right);
            if last_equal.is_some_and(|k| k != key) {
                paragraphs.push(Vec::new());
            }
            last_equal = Some(key);
        }
        if let Some(p) = paragraphs.last_mut() {
            p.push((c.tag, changes[k], &c.text));
        }
    }
    let mut out = Vec::new();
    for (n, p) in paragraphs.iter().filter(|p| !p.is_empty()).enumerate() {
        if n > 0 {
            out.push(Vec::new());
        }
        out.extend(wrap_spans(p, width));
    }
    out
}

fn word_count(diff: &TextDiff, row: usize) -> usize {
    diff.rows[row]
        .chunks
        .iter()
        .map(|c| c.text.split_whitespace().count())
        .sum()
}

/// Lay out the whole diff for a terminal `width` columns wide.
pub fn layout(diff: &TextDiff, width: u16, folded: bool) -> (DiffLayout, Vec<DiffLine>) {
    let mode = if width >= SIDE_BY_SIDE_MIN_WIDTH {
        DiffLayout::SideBySide
    } else {
        DiffLayout::Inline
    };
    let usable = usize::from(width).saturating_sub(GUTTER);
    let col = match mode {
        DiffLayout::SideBySide => usable.saturating_sub(SEPARATOR) / 2,
        DiffLayout::Inline => usable,
    }
    .max(4);
    let mut lines = Vec::new();
    for row in 0..diff.rows.len() {
        if folded && !diff.rows[row].changed {
            lines.push(DiffLine {
                row,
                left: Vec::new(),
                right: Vec::new(),
                folded: Some(word_count(diff, row)),
            });
            continue;
        }
        let (left, right) = match mode {
            DiffLayout::SideBySide => (
                side_lines(diff, row, Side::Left, col),
                side_lines(diff, row, Side::Right, col),
            ),
            DiffLayout::Inline => (inline_lines(diff, row, col), Vec::new()),
        };
        let n = left.len().max(right.len()).max(1);
        let mut left = left.into_iter();
        let mut right = right.into_iter();
        for _ in 0..n {
            lines.push(DiffLine {
                row,
                left: left.next().unwrap_or_default(),
                right: right.next().unwrap_or_default(),
                folded: None,
            });
        }
        // A blank line between rows.
        lines.push(DiffLine {
            row,
            left: Vec::new(),
            right: Vec::new(),
            folded: None,
        });
    }
    (mode, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_character_and_fits() {
        let spans = [
            (Tag::Equal, None, "Trygghet är inte bara statistik i en "),
            (Tag::Delete, Some(0), "medborgarundersökning; "),
            (
                Tag::Insert,
                Some(0),
                "Skärholmsundersökningsövningsverksamhet ",
            ),
            (Tag::Equal, None, "det är"),
        ];
        for width in [4, 9, 17, 40] {
            let lines = wrap_spans(&spans, width);
            for l in &lines {
                let w: usize = l.iter().map(|p| p.text.width()).sum();
                assert!(w <= width, "{width}: {l:?}");
            }
            let joined: String = lines
                .iter()
                .flat_map(|l| l.iter().map(|p| p.text.replace(' ', "")))
                .collect();
            let expected: String = spans.iter().map(|(_, _, t)| t.replace(' ', "")).collect();
            assert_eq!(joined, expected);
        }
    }
}
