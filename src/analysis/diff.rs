//! Word-level diff of two texts, each a list of paragraphs (issue 5).
//!
//! Each paragraph is split into tokens (a word, or one punctuation character, with the
//! whitespace after it), a paragraph-break token ends every paragraph, and the two token
//! streams are diffed with imara-diff's Histogram algorithm (its Myers fallback and
//! gnu-diff heuristics bound the worst case: two unrelated 1 MB texts take well under a
//! second). Tokens are compared exactly; the whitespace after a token is kept for display but
//! not compared.
//!
//! The result is a list of [`Row`]s: stretches of text that start and end at a paragraph
//! boundary on both sides, so side-by-side views can align them. A row holds [`Chunk`]s in
//! diff order: equal, deleted (left only) and inserted (right only) runs of the original
//! text, each tagged with its paragraph on each side. Concatenating one side's chunks per
//! paragraph gives back that side's paragraphs exactly ([`TextDiff::side`]).

use imara_diff::{Algorithm, Diff, NoSliderHeuristic, Token};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    Equal,
    /// Only on the left (A).
    Delete,
    /// Only on the right (B).
    Insert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
}

/// A run of original text with one tag, within one paragraph on each side it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chunk {
    pub tag: Tag,
    /// The words with their spacing, exactly as in the paragraph. Empty for a paragraph
    /// break.
    pub text: String,
    /// Paragraph index on the left (equal and deleted chunks).
    pub left: Option<usize>,
    /// Paragraph index on the right (equal and inserted chunks).
    pub right: Option<usize>,
    /// A paragraph break that only one side has: two paragraphs joined (deleted break) or
    /// one split (inserted break).
    pub paragraph_break: bool,
}

impl Chunk {
    /// Not equal, and more than a difference in spacing.
    pub fn is_change(&self) -> bool {
        self.tag != Tag::Equal && (self.paragraph_break || !self.text.trim().is_empty())
    }
}

/// A stretch that starts and ends at a paragraph boundary on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub chunks: Vec<Chunk>,
    /// Whether any chunk is not equal (an unchanged row can be folded).
    pub changed: bool,
}

/// One side's paragraph within a row, as tagged spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideParagraph<'a> {
    pub index: usize,
    pub spans: Vec<(Tag, &'a str)>,
}

impl Row {
    /// The paragraphs of one side in this row, with their spans (equal and deleted on the
    /// left, equal and inserted on the right).
    pub fn paragraphs(&self, side: Side) -> Vec<SideParagraph<'_>> {
        let mut out: Vec<SideParagraph<'_>> = Vec::new();
        for c in &self.chunks {
            let Some(index) = (match side {
                Side::Left => c.left,
                Side::Right => c.right,
            }) else {
                continue;
            };
            if c.paragraph_break {
                continue;
            }
            match out.last_mut() {
                Some(p) if p.index == index => p.spans.push((c.tag, &c.text)),
                _ => out.push(SideParagraph {
                    index,
                    spans: vec![(c.tag, &c.text)],
                }),
            }
        }
        out
    }
}

/// Where a change starts: `rows[row].chunks[chunk]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    pub row: usize,
    pub chunk: usize,
    pub deleted_words: usize,
    pub inserted_words: usize,
}

/// Figures for the summary line, e.g. "77% the same; 6 changes; +41 −12 words". Words are
/// tokens with a letter or digit (punctuation is diffed but not counted).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DiffStats {
    /// Equal words over the word count of the longer side (1 when both are empty).
    pub same_ratio: f32,
    pub changes: usize,
    pub inserted_words: usize,
    pub deleted_words: usize,
    pub equal_words: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextDiff {
    pub rows: Vec<Row>,
    /// Every change in order, for next/previous change.
    pub changes: Vec<Change>,
    pub stats: DiffStats,
    /// Paragraph counts of each side.
    pub left_paragraphs: usize,
    pub right_paragraphs: usize,
}

impl TextDiff {
    /// One side's paragraphs, re-assembled from the chunks: exactly the input.
    pub fn side(&self, side: Side) -> Vec<String> {
        let n = match side {
            Side::Left => self.left_paragraphs,
            Side::Right => self.right_paragraphs,
        };
        let mut out = vec![String::new(); n];
        for row in &self.rows {
            for p in row.paragraphs(side) {
                if let Some(s) = out.get_mut(p.index) {
                    for (_, t) in p.spans {
                        s.push_str(t);
                    }
                }
            }
        }
        out
    }
}

#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// Above this many tokens on both sides together the texts are not aligned: the whole
    /// left side is shown deleted and the whole right side inserted. Default 8,000,000
    /// (about 40 MB of text).
    pub max_tokens: usize,
}

impl Default for DiffOptions {
    fn default() -> DiffOptions {
        DiffOptions {
            max_tokens: 8_000_000,
        }
    }
}

/// A token: a byte range of a paragraph (the compared part, then the whitespace after it),
/// or a paragraph break.
#[derive(Debug, Clone, Copy)]
struct Tok {
    paragraph: usize,
    start: usize,
    key_end: usize,
    end: usize,
    brk: bool,
}

/// Split paragraphs into tokens, each paragraph followed by a break.
fn tokenise(paragraphs: &[String]) -> Vec<Tok> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut chars = p.char_indices().peekable();
        while let Some(&(start, c)) = chars.peek() {
            let mut key_end;
            if c.is_whitespace() {
                // Leading whitespace: a token of its own.
                key_end = start;
                while let Some(&(i, c)) = chars.peek() {
                    if !c.is_whitespace() {
                        break;
                    }
                    key_end = i + c.len_utf8();
                    chars.next();
                }
                out.push(Tok {
                    paragraph: pi,
                    start,
                    key_end,
                    end: key_end,
                    brk: false,
                });
                continue;
            }
            key_end = start + c.len_utf8();
            chars.next();
            if c.is_alphanumeric() {
                while let Some(&(i, c)) = chars.peek() {
                    if !c.is_alphanumeric() {
                        break;
                    }
                    key_end = i + c.len_utf8();
                    chars.next();
                }
            }
            let mut end = key_end;
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_whitespace() {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            out.push(Tok {
                paragraph: pi,
                start,
                key_end,
                end,
                brk: false,
            });
        }
        out.push(Tok {
            paragraph: pi,
            start: p.len(),
            key_end: p.len(),
            end: p.len(),
            brk: true,
        });
    }
    out
}

fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

enum Op {
    Equal(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// Diff two texts given as paragraphs. Never panics; any size.
pub fn diff_texts(a: &[String], b: &[String], opts: &DiffOptions) -> TextDiff {
    let ta = tokenise(a);
    let tb = tokenise(b);
    let ops = align(a, b, &ta, &tb, opts);
    let mut builder = Builder::default();
    let mut in_change = false;
    for op in ops {
        let is_change = !matches!(op, Op::Equal(..));
        if is_change && !in_change {
            builder.start_change();
        } else if !is_change {
            // A change that placed no chunk (only the ends of whole paragraphs) is dropped.
            builder.pending_change = false;
        }
        in_change = is_change;
        match op {
            Op::Equal(i, j) => builder.equal(a, b, &ta[i], &tb[j]),
            Op::Delete(i) => builder.one_side(Side::Left, a, &ta[i]),
            Op::Insert(j) => builder.one_side(Side::Right, b, &tb[j]),
        }
    }
    builder.finish(a.len(), b.len())
}

/// The edit script: equal pairs, deletions and insertions in order.
fn align(a: &[String], b: &[String], ta: &[Tok], tb: &[Tok], opts: &DiffOptions) -> Vec<Op> {
    let too_big = ta.len() + tb.len() > opts.max_tokens
        || ta.len() >= i32::MAX as usize - 1
        || tb.len() >= i32::MAX as usize - 1;
    if too_big {
        let mut ops: Vec<Op> = (0..ta.len()).map(Op::Delete).collect();
        ops.extend((0..tb.len()).map(Op::Insert));
        return ops;
    }
    // Intern the compared keys; the paragraph break is id 0.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let before = intern(a, ta, &mut ids);
    let after = intern(b, tb, &mut ids);
    let mut diff = Diff::default();
    diff.compute_with(Algorithm::Histogram, &before, &after, ids.len() as u32 + 1);
    diff.postprocess_with(&before, &after, NoSliderHeuristic);
    let mut ops = Vec::with_capacity(before.len().max(after.len()));
    let (mut i, mut j) = (0usize, 0usize);
    for hunk in diff.hunks() {
        while i < hunk.before.start as usize {
            ops.push(Op::Equal(i, j));
            i += 1;
            j += 1;
        }
        ops.extend((hunk.before.start as usize..hunk.before.end as usize).map(Op::Delete));
        ops.extend((hunk.after.start as usize..hunk.after.end as usize).map(Op::Insert));
        i = hunk.before.end as usize;
        j = hunk.after.end as usize;
    }
    while i < before.len() && j < after.len() {
        ops.push(Op::Equal(i, j));
        i += 1;
        j += 1;
    }
    ops
}

fn intern<'a>(
    paragraphs: &'a [String],
    toks: &[Tok],
    ids: &mut HashMap<&'a str, u32>,
) -> Vec<Token> {
    toks.iter()
        .map(|t| {
            if t.brk {
                return Token(0);
            }
            let next = ids.len() as u32 + 1;
            Token(*ids.entry(key_of(paragraphs, t)).or_insert(next))
        })
        .collect()
}

fn key_of<'a>(paragraphs: &'a [String], t: &Tok) -> &'a str {
    &paragraphs[t.paragraph][t.start..t.key_end]
}

fn text_of<'a>(paragraphs: &'a [String], t: &Tok) -> &'a str {
    &paragraphs[t.paragraph][t.start..t.end]
}

/// Builds rows and changes from the edit script.
#[derive(Default)]
struct Builder {
    rows: Vec<Row>,
    current: Vec<Chunk>,
    changes: Vec<Change>,
    /// Each side is at the start of a paragraph.
    left_at_start: bool,
    right_at_start: bool,
    left_para: usize,
    right_para: usize,
    /// A change has started and its first chunk is not placed yet.
    pending_change: bool,
    stats: DiffStats,
    started: bool,
}

impl Builder {
    fn start_change(&mut self) {
        self.pending_change = true;
    }

    fn init(&mut self) {
        if !self.started {
            self.started = true;
            self.left_at_start = true;
            self.right_at_start = true;
        }
    }

    fn push(&mut self, tag: Tag, text: &str, left: Option<usize>, right: Option<usize>, brk: bool) {
        if text.is_empty() && !brk {
            return;
        }
        let merge = match self.current.last() {
            Some(c) => {
                !brk && !c.paragraph_break && c.tag == tag && c.left == left && c.right == right
            }
            None => false,
        };
        if merge {
            if let Some(c) = self.current.last_mut() {
                c.text.push_str(text);
            }
        } else {
            self.current.push(Chunk {
                tag,
                text: text.to_string(),
                left,
                right,
                paragraph_break: brk,
            });
        }
        if self.pending_change {
            self.pending_change = false;
            self.changes.push(Change {
                row: self.rows.len(),
                chunk: self.current.len() - 1,
                deleted_words: 0,
                inserted_words: 0,
            });
        }
        if is_word(text) {
            match tag {
                Tag::Equal => self.stats.equal_words += 1,
                Tag::Delete => self.stats.deleted_words += 1,
                Tag::Insert => self.stats.inserted_words += 1,
            }
            if let Some(c) = self.changes.last_mut() {
                match tag {
                    Tag::Delete => c.deleted_words += 1,
                    Tag::Insert => c.inserted_words += 1,
                    Tag::Equal => {}
                }
            }
        }
    }

    fn equal(&mut self, a: &[String], b: &[String], ta: &Tok, tb: &Tok) {
        self.init();
        if ta.brk {
            self.left_para += 1;
            self.right_para += 1;
            self.left_at_start = true;
            self.right_at_start = true;
        } else {
            let text = text_of(a, ta);
            // Keep each side's own spacing: equal keys may differ in trailing whitespace.
            let other = text_of(b, tb);
            if text == other {
                self.push(
                    Tag::Equal,
                    text,
                    Some(self.left_para),
                    Some(self.right_para),
                    false,
                );
            } else {
                let key = key_of(a, ta);
                self.push(
                    Tag::Equal,
                    key,
                    Some(self.left_para),
                    Some(self.right_para),
                    false,
                );
                self.push(
                    Tag::Delete,
                    &text[key.len()..],
                    Some(self.left_para),
                    None,
                    false,
                );
                self.push(
                    Tag::Insert,
                    &other[key.len()..],
                    None,
                    Some(self.right_para),
                    false,
                );
            }
            self.left_at_start = false;
            self.right_at_start = false;
        }
        self.maybe_close();
    }

    fn one_side(&mut self, side: Side, paragraphs: &[String], t: &Tok) {
        self.init();
        let (tag, para) = match side {
            Side::Left => (Tag::Delete, self.left_para),
            Side::Right => (Tag::Insert, self.right_para),
        };
        let (left, right) = match side {
            Side::Left => (Some(para), None),
            Side::Right => (None, Some(para)),
        };
        if t.brk {
            let other_at_start = match side {
                Side::Left => self.right_at_start,
                Side::Right => self.left_at_start,
            };
            // The end of a whole deleted or inserted paragraph is no change of its own; a
            // break in the middle of the other side's paragraph joins or splits paragraphs.
            if !other_at_start {
                self.push(tag, "", left, right, true);
            }
            match side {
                Side::Left => {
                    self.left_para += 1;
                    self.left_at_start = true;
                }
                Side::Right => {
                    self.right_para += 1;
                    self.right_at_start = true;
                }
            }
        } else {
            self.push(tag, text_of(paragraphs, t), left, right, false);
            match side {
                Side::Left => self.left_at_start = false,
                Side::Right => self.right_at_start = false,
            }
        }
        self.maybe_close();
    }

    fn maybe_close(&mut self) {
        if self.left_at_start && self.right_at_start && !self.current.is_empty() {
            let chunks = std::mem::take(&mut self.current);
            let changed = chunks.iter().any(Chunk::is_change);
            self.rows.push(Row { chunks, changed });
        }
    }

    fn finish(mut self, left_paragraphs: usize, right_paragraphs: usize) -> TextDiff {
        if !self.current.is_empty() {
            let chunks = std::mem::take(&mut self.current);
            let changed = chunks.iter().any(Chunk::is_change);
            self.rows.push(Row { chunks, changed });
        }
        self.stats.changes = self.changes.len();
        let words_a = self.stats.equal_words + self.stats.deleted_words;
        let words_b = self.stats.equal_words + self.stats.inserted_words;
        let longer = words_a.max(words_b);
        self.stats.same_ratio = if longer == 0 {
            1.0
        } else {
            self.stats.equal_words as f32 / longer as f32
        };
        TextDiff {
            rows: self.rows,
            changes: self.changes,
            stats: self.stats,
            left_paragraphs,
            right_paragraphs,
        }
    }
}

impl Default for DiffStats {
    fn default() -> DiffStats {
        DiffStats {
            same_ratio: 1.0,
            changes: 0,
            inserted_words: 0,
            deleted_words: 0,
            equal_words: 0,
        }
    }
}

#[cfg(test)]
mod tests;
