//! The diff screen: two positions' texts with word-level changes, side by side when the
//! terminal is wide enough and inline when it is not, soft-wrapped, with unchanged stretches
//! foldable, a row cursor that jumps from change to change, and copying or noting from the
//! side the cursor is on.

use crate::analysis::diff::{DiffOptions, Side, Tag, TextDiff, diff_texts};
use crate::analysis::similarity::PosRef;
use crate::i18n::Lang;
use crate::model::citation;
use crate::notes::{ItemKind, Quote};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Screen};
use crate::tui::layout::Doc;
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthStr;

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

#[derive(Debug, Clone)]
pub struct DiffState {
    /// The base (A, left).
    pub left: PosRef,
    /// The text read against it (B, right).
    pub right: PosRef,
    pub diff: TextDiff,
    pub layout: DiffLayout,
    /// The diff laid out for the current width.
    pub lines: Vec<DiffLine>,
    /// The cursor: a row of the diff.
    pub row: usize,
    /// The change the cursor is on (index into `diff.changes`), after a jump to it.
    pub change: Option<usize>,
    /// First visible line.
    pub top: usize,
    /// The side `y` and `a` take text from.
    pub side: Side,
    /// Unchanged rows shown as one line.
    pub folded: bool,
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

impl DiffState {
    fn first_line_of(&self, row: usize) -> Option<usize> {
        self.lines.iter().position(|l| l.row == row)
    }

    /// The first line showing the current change.
    fn line_of_change(&self) -> Option<usize> {
        let c = self.change?;
        self.lines.iter().position(|l| {
            l.left
                .iter()
                .chain(l.right.iter())
                .any(|p| p.change == Some(c))
        })
    }

    /// Go to change `c`: its row, and its first line on screen.
    fn go_to_change(&mut self, c: usize, height: usize) {
        let Some(change) = self.diff.changes.get(c) else {
            return;
        };
        self.change = Some(c);
        self.row = change.row;
        match self.line_of_change() {
            Some(line) if line < self.top || line >= self.top + height => {
                self.top = line.saturating_sub(height / 3);
            }
            Some(_) => {}
            None => self.keep_cursor_visible(height),
        }
    }

    fn keep_cursor_visible(&mut self, height: usize) {
        let Some(first) = self.first_line_of(self.row) else {
            return;
        };
        let last = self
            .lines
            .iter()
            .rposition(|l| l.row == self.row)
            .unwrap_or(first);
        self.top = crate::tui::layout::scroll_to_show(self.top, first, last, height);
    }

    pub(crate) fn relayout(&mut self, width: u16, height: usize) {
        let (mode, lines) = layout(&self.diff, width, self.folded);
        self.layout = mode;
        self.lines = lines;
        self.top = self.top.min(self.lines.len().saturating_sub(1));
        self.keep_cursor_visible(height);
    }
}

impl App {
    /// Lines of the diff that fit between its header and the status bar.
    pub fn diff_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(4)).max(1)
    }

    /// Open the diff of `left` (the base) against `right`.
    pub fn open_diff(&mut self, left: PosRef, right: PosRef) {
        let text = |p: PosRef| {
            self.cases
                .get(p.case)
                .map(|c| c.text_of(p.position).to_vec())
                .unwrap_or_default()
        };
        let diff = diff_texts(&text(left), &text(right), &DiffOptions::default());
        let (layout, lines) = layout(&diff, self.size.0, false);
        let mut d = DiffState {
            left,
            right,
            diff,
            layout,
            lines,
            row: 0,
            change: None,
            top: 0,
            side: Side::Right,
            folded: false,
        };
        // Start on the first change.
        d.go_to_change(0, self.diff_height());
        self.diff = Some(d);
        self.screen = Screen::Diff;
    }

    /// The positions a base can be chosen from for `right`: its relatives, best first.
    fn bases_for(&self, right: PosRef) -> Vec<PosRef> {
        self.similarity
            .as_ref()
            .map(|s| s.relatives(right).into_iter().map(|r| r.other).collect())
            .unwrap_or_default()
    }

    pub(crate) fn update_diff(&mut self, action: Action) -> Vec<Effect> {
        let height = self.diff_height();
        let (width, lang) = (self.size.0, self.lang);
        let Some(d) = self.diff.as_mut() else {
            self.screen = Screen::Reader;
            return Vec::new();
        };
        let rows = d.diff.rows.len();
        let max_top = d.lines.len().saturating_sub(height);
        match action {
            Action::Down | Action::Up => {
                d.row = if action == Action::Down {
                    (d.row + 1).min(rows.saturating_sub(1))
                } else {
                    d.row.saturating_sub(1)
                };
                d.change = None;
            }
            Action::NextChange | Action::PrevChange => {
                let n = d.diff.changes.len();
                let next = match (d.change, action == Action::NextChange) {
                    (Some(c), true) => (c + 1 < n).then_some(c + 1),
                    (Some(c), false) => c.checked_sub(1),
                    (None, true) => d.diff.changes.iter().position(|c| c.row > d.row),
                    (None, false) => d.diff.changes.iter().rposition(|c| c.row < d.row),
                };
                match next {
                    Some(c) => d.go_to_change(c, height),
                    None => {
                        let msg = lang.pick("No further change", "Ingen fler ändring");
                        self.notify(msg, false);
                    }
                }
                return Vec::new();
            }
            Action::PageDown => {
                d.top = (d.top + height.saturating_sub(1).max(1)).min(max_top);
                if let Some(l) = d.lines.get(d.top) {
                    d.row = d.row.max(l.row);
                }
                return Vec::new();
            }
            Action::PageUp => {
                d.top = d.top.saturating_sub(height.saturating_sub(1).max(1));
                let bottom = (d.top + height).min(d.lines.len()).saturating_sub(1);
                if let Some(l) = d.lines.get(bottom) {
                    d.row = d.row.min(l.row);
                }
                return Vec::new();
            }
            Action::Top => {
                d.row = 0;
                d.change = None;
                d.top = 0;
            }
            Action::Bottom => {
                d.row = rows.saturating_sub(1);
                d.change = None;
                d.top = max_top;
            }
            Action::NextPane => {
                d.side = match d.side {
                    Side::Left => Side::Right,
                    Side::Right => Side::Left,
                };
            }
            Action::ToggleFold => {
                d.folded = !d.folded;
                d.relayout(width, height);
                if let Some(c) = d.change {
                    d.go_to_change(c, height);
                }
                return Vec::new();
            }
            Action::SwapSides => {
                let (l, r) = (d.left, d.right);
                self.open_diff(r, l);
            }
            Action::NextBase => {
                let (left, right) = (d.left, d.right);
                let bases = self.bases_for(right);
                let next = bases
                    .iter()
                    .position(|&b| b == left)
                    .map_or(0, |i| (i + 1) % bases.len().max(1));
                match bases.get(next) {
                    Some(&b) if b != left => self.open_diff(b, right),
                    _ => self.notify(
                        lang.pick(
                            "No other text to compare with",
                            "Ingen annan text att jämföra med",
                        ),
                        false,
                    ),
                }
                return Vec::new();
            }
            Action::CopyParagraph => {
                return match self.diff_quote() {
                    Some(q) => vec![Effect::Copy(citation::format_quote(&q.text, &q.citation))],
                    None => Vec::new(),
                };
            }
            Action::AddToNotes => {
                let Some((case, q)) = self.diff_quote_with_case() else {
                    return Vec::new();
                };
                let effects = self.edit_notes(case, |n| {
                    n.push(ItemKind::Quote(q));
                });
                let msg = lang.pick("Added to the notes", "Lagt i anteckningarna");
                self.notify(msg, false);
                return effects;
            }
            Action::Open => {
                let (p, side) = (
                    match d.side {
                        Side::Left => d.left,
                        Side::Right => d.right,
                    },
                    d.side,
                );
                let paragraph = d.diff.rows[d.row]
                    .paragraphs(side)
                    .first()
                    .map_or(0, |sp| sp.index);
                self.go_to_case(p.case);
                self.history_clear();
                self.open_doc(Doc::Position(p.position), paragraph);
                return Vec::new();
            }
            Action::Back => {
                self.screen = if self.reader.is_some() {
                    Screen::Reader
                } else {
                    Screen::Matrix
                };
                return Vec::new();
            }
            Action::OpenNotes => return self.open_notes(),
            _ => return Vec::new(),
        }
        if let Some(d) = self.diff.as_mut() {
            d.keep_cursor_visible(height);
        }
        Vec::new()
    }

    /// The cursor row's paragraphs on the cursor side, as a quote, with its case.
    fn diff_quote_with_case(&mut self) -> Option<(usize, Quote)> {
        let d = self.diff.as_ref()?;
        let p = match d.side {
            Side::Left => d.left,
            Side::Right => d.right,
        };
        let paras = d.diff.rows.get(d.row)?.paragraphs(d.side);
        let quote = match (paras.first(), paras.last()) {
            (Some(a), Some(b)) => self
                .cases
                .get(p.case)
                .and_then(|c| Quote::from_position(c, p.position, (a.index, b.index), None)),
            _ => None,
        };
        if quote.is_none() {
            let msg = self.lang.pick(
                "This side has no text here",
                "Den här sidan har ingen text här",
            );
            self.notify(msg, true);
        }
        quote.map(|q| (p.case, q))
    }

    fn diff_quote(&mut self) -> Option<Quote> {
        self.diff_quote_with_case().map(|(_, q)| q)
    }

    /// "A: Socialnämnden · Reservation (M)": a side's position, for the header.
    pub fn diff_side_label(&self, p: PosRef, lang: Lang) -> String {
        let Some(case) = self.cases.get(p.case) else {
            return String::new();
        };
        let pos = &case.positions[p.position];
        let mark = self
            .similarity
            .as_ref()
            .and_then(|s| s.family_of(p))
            .map(|m| format!(" [{m}]"))
            .unwrap_or_default();
        let case_tag = if self.cases.len() > 1 {
            format!("{} · ", case.dnr)
        } else {
            String::new()
        };
        format!(
            "{case_tag}{} · {} · {}{mark}",
            case.body(pos).name,
            lang.stance(pos.stance),
            case.byline(pos)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::similarity::{Options, Similarity};
    use crate::model::load_bundled;

    fn app() -> App {
        let cases = vec![load_bundled()];
        let sim = Similarity::build(&cases, &Options::default());
        let mut app = App::new(cases, Lang::En).with_similarity(sim);
        app.update(Action::Resize(120, 40));
        app
    }

    fn pos(app: &App, id: &str) -> PosRef {
        PosRef {
            case: 0,
            position: app.cases[0].position_index(id).unwrap(),
        }
    }

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

    #[test]
    fn skarholmen_against_socialnamnden_starts_on_the_first_change() {
        let mut app = app();
        let (a, b) = (
            pos(&app, "socialnamnden/reservation/M"),
            pos(&app, "skarholmen/reservation/M"),
        );
        app.open_diff(a, b);
        let d = app.diff.as_ref().unwrap();
        assert_eq!(d.layout, DiffLayout::SideBySide);
        assert_eq!(d.row, d.diff.changes[0].row);
        assert_eq!(d.change, Some(0));
        // Every change can be reached, in order, and each is on screen when reached.
        for c in 1..d.diff.changes.len() {
            app.update(Action::NextChange);
            let d = app.diff.as_ref().unwrap();
            assert_eq!(d.change, Some(c));
            let line = d.line_of_change().unwrap();
            assert!(
                line >= d.top && line < d.top + app.diff_height(),
                "change {c}"
            );
        }
        app.update(Action::NextChange);
        assert_eq!(app.status.as_ref().unwrap().text, "No further change");
        let d = app.diff.as_ref().unwrap();
        let inserted: Vec<&str> = d
            .lines
            .iter()
            .flat_map(|l| l.right.iter())
            .filter(|p| p.tag == Tag::Insert)
            .map(|p| p.text.as_str())
            .collect();
        let inserted = crate::text::squash_whitespace(&inserted.join(" "));
        assert!(
            inserted.contains("Vårberg, Skärholmen, Sätra och Bredäng"),
            "{inserted}"
        );
        // Narrow: inline.
        app.update(Action::Resize(80, 24));
        assert_eq!(app.diff.as_ref().unwrap().layout, DiffLayout::Inline);
    }

    #[test]
    fn copy_takes_the_side_under_the_cursor() {
        let mut app = app();
        let (a, b) = (
            pos(&app, "socialnamnden/reservation/M"),
            pos(&app, "skarholmen/reservation/M"),
        );
        app.open_diff(a, b);
        let right = app.update(Action::CopyParagraph);
        app.update(Action::NextPane);
        let left = app.update(Action::CopyParagraph);
        let text = |e: &[Effect]| match e {
            [Effect::Copy(t)] => t.clone(),
            other => panic!("{other:?}"),
        };
        assert!(text(&right).contains("Skärholmens invånare"));
        assert!(text(&right).ends_with("Skärholmens stadsdelsnämnd 2026-03-26, KS 2025/1121)"));
        assert!(text(&left).contains("invånarna i vissa stadsdelar"));
        assert!(text(&left).ends_with("Socialnämnden 2026-02-17, KS 2025/1121)"));
    }

    #[test]
    fn folding_hides_unchanged_rows_and_changes_are_walked() {
        let mut app = app();
        let (a, b) = (
            pos(&app, "socialnamnden/reservation/M"),
            pos(&app, "hasselby-vallingby/reservation/M"),
        );
        app.open_diff(a, b);
        // Identical texts: no change, every row unchanged.
        assert!(app.diff.as_ref().unwrap().diff.changes.is_empty());
        app.update(Action::ToggleFold);
        let d = app.diff.as_ref().unwrap();
        assert!(d.lines.iter().all(|l| l.folded.is_some()));
        app.update(Action::NextChange);
        assert_eq!(app.status.as_ref().unwrap().text, "No further change");
    }

    #[test]
    fn the_base_can_be_switched_among_relatives() {
        let mut app = app();
        let b = pos(&app, "skarholmen/reservation/M");
        let first = app.similarity.as_ref().unwrap().relatives(b)[0].other;
        app.open_diff(first, b);
        app.update(Action::NextBase);
        let d = app.diff.as_ref().unwrap();
        assert_ne!(d.left, first);
        assert_eq!(d.right, b);
    }
}
