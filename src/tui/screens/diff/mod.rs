//! The diff screen: two positions' texts with word-level changes, side by side when the
//! terminal is wide enough and inline when it is not, soft-wrapped, with unchanged stretches
//! foldable, a row cursor that jumps from change to change, and copying or noting from the
//! side the cursor is on.

pub mod layout;
pub mod view;

pub use layout::{DiffLayout, DiffLine, GUTTER, Piece, SEPARATOR};

use super::Route;
use super::notes::NotesScreen;
use super::reader::{Doc, ReaderScreen};
use crate::analysis::diff::{DiffOptions, Side, TextDiff, diff_texts};
use crate::analysis::similarity::PosRef;
use crate::model::citation;
use crate::notes::{ItemKind, Quote};
use crate::tui::action::{Action, Effect, NotesOp, Outcome};
use crate::tui::ctx::Ctx;
use crate::tui::widgets::scroll_to_show;

#[derive(Debug, Clone)]
pub struct DiffScreen {
    /// The case the diff was opened from (the status bar names it).
    pub case: usize,
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

impl DiffScreen {
    /// The diff of `left` (the base) against `right`, on its first change.
    pub fn open(ctx: &Ctx, case: usize, left: PosRef, right: PosRef) -> DiffScreen {
        let text = |p: PosRef| {
            ctx.cases
                .get(p.case)
                .filter(|c| p.position < c.positions.len())
                .map(|c| c.text_of(p.position).to_vec())
                .unwrap_or_default()
        };
        let diff = diff_texts(&text(left), &text(right), &DiffOptions::default());
        let (mode, lines) = layout::layout(&diff, ctx.main().width, false);
        let mut d = DiffScreen {
            case,
            left,
            right,
            diff,
            layout: mode,
            lines,
            row: 0,
            change: None,
            top: 0,
            side: Side::Right,
            folded: false,
        };
        d.go_to_change(0, d.height(ctx));
        d
    }

    /// Lines of the diff that fit between its header and the status bar.
    pub fn height(&self, ctx: &Ctx) -> usize {
        usize::from(layout::areas(ctx.main()).body.height).max(1)
    }

    fn first_line_of(&self, row: usize) -> Option<usize> {
        self.lines.iter().position(|l| l.row == row)
    }

    /// The first line showing the current change.
    pub fn line_of_change(&self) -> Option<usize> {
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
        self.top = scroll_to_show(self.top, first, last, height);
    }

    /// Lay the diff out again for the frame's width.
    pub fn relayout(&mut self, ctx: &Ctx) {
        let (mode, lines) = layout::layout(&self.diff, ctx.main().width, self.folded);
        self.layout = mode;
        self.lines = lines;
        self.top = self.top.min(self.lines.len().saturating_sub(1));
        self.keep_cursor_visible(self.height(ctx));
    }

    /// The position on the cursor's side.
    fn on_side(&self) -> PosRef {
        match self.side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let height = self.height(ctx);
        let lang = ctx.lang;
        let rows = self.diff.rows.len();
        let max_top = self.lines.len().saturating_sub(height);
        match action {
            Action::Down | Action::Up => {
                self.row = if *action == Action::Down {
                    (self.row + 1).min(rows.saturating_sub(1))
                } else {
                    self.row.saturating_sub(1)
                };
                self.change = None;
            }
            Action::NextChange | Action::PrevChange => {
                let n = self.diff.changes.len();
                let next = match (self.change, *action == Action::NextChange) {
                    (Some(c), true) => (c + 1 < n).then_some(c + 1),
                    (Some(c), false) => c.checked_sub(1),
                    (None, true) => self.diff.changes.iter().position(|c| c.row > self.row),
                    (None, false) => self.diff.changes.iter().rposition(|c| c.row < self.row),
                };
                return match next {
                    Some(c) => {
                        self.go_to_change(c, height);
                        Outcome::none()
                    }
                    None => Outcome::say(lang.pick("No further change", "Ingen fler ändring")),
                };
            }
            Action::PageDown => {
                self.top = (self.top + height.saturating_sub(1).max(1)).min(max_top);
                if let Some(l) = self.lines.get(self.top) {
                    self.row = self.row.max(l.row);
                }
                return Outcome::none();
            }
            Action::PageUp => {
                self.top = self.top.saturating_sub(height.saturating_sub(1).max(1));
                let bottom = (self.top + height).min(self.lines.len()).saturating_sub(1);
                if let Some(l) = self.lines.get(bottom) {
                    self.row = self.row.min(l.row);
                }
                return Outcome::none();
            }
            Action::Top => {
                self.row = 0;
                self.change = None;
                self.top = 0;
            }
            Action::Bottom => {
                self.row = rows.saturating_sub(1);
                self.change = None;
                self.top = max_top;
            }
            Action::NextPane => {
                self.side = match self.side {
                    Side::Left => Side::Right,
                    Side::Right => Side::Left,
                };
            }
            Action::ToggleFold => {
                self.folded = !self.folded;
                self.relayout(ctx);
                if let Some(c) = self.change {
                    self.go_to_change(c, height);
                }
                return Outcome::none();
            }
            Action::SwapSides => {
                let d = DiffScreen::open(ctx, self.case, self.right, self.left);
                return Outcome::replace(Route::Diff(Box::new(d)));
            }
            Action::NextBase => {
                // The relatives worth diffing (the rule `d` in the reader keeps).
                let bases: Vec<PosRef> = ctx
                    .similarity
                    .map(|s| {
                        s.relatives(self.right)
                            .into_iter()
                            .filter(|r| s.options().worth_diffing(r))
                            .map(|r| r.other)
                            .collect()
                    })
                    .unwrap_or_default();
                let next = bases
                    .iter()
                    .position(|&b| b == self.left)
                    .map_or(0, |i| (i + 1) % bases.len().max(1));
                return match bases.get(next) {
                    Some(&b) if b != self.left => {
                        let d = DiffScreen::open(ctx, self.case, b, self.right);
                        Outcome::replace(Route::Diff(Box::new(d)))
                    }
                    _ => Outcome::say(lang.pick(
                        "No other near-identical text to compare with",
                        "Ingen annan nästan identisk text att jämföra med",
                    )),
                };
            }
            Action::CopyParagraph => {
                return match self.quote(ctx) {
                    Some(q) => {
                        Outcome::effect(Effect::Copy(citation::format_quote(&q.text, &q.citation)))
                    }
                    None => no_text_here(ctx),
                };
            }
            Action::AddToNotes => {
                return match self.quote(ctx) {
                    Some(q) => {
                        Outcome::say(lang.pick("Added to the notes", "Lagt i anteckningarna"))
                            .with_notes(self.on_side().case, NotesOp::Push(ItemKind::Quote(q)))
                    }
                    None => no_text_here(ctx),
                };
            }
            Action::Open => {
                let p = self.on_side();
                let paragraph = self.diff.rows[self.row]
                    .paragraphs(self.side)
                    .first()
                    .map_or(0, |sp| sp.index);
                let r = ReaderScreen::open(ctx, p.case, Doc::Position(p.position), paragraph);
                return Outcome::push(Route::Reader(Box::new(r)));
            }
            Action::Back => return Outcome::pop(),
            Action::OpenNotes => return NotesScreen::open(self.case),
            _ => return Outcome::none(),
        }
        self.keep_cursor_visible(height);
        Outcome::none()
    }

    /// The cursor row's paragraphs on the cursor side, as a quote (`None` when that side has
    /// no text there).
    fn quote(&self, ctx: &Ctx) -> Option<Quote> {
        let p = self.on_side();
        let paras = self
            .diff
            .rows
            .get(self.row)
            .map(|r| r.paragraphs(self.side))
            .unwrap_or_default();
        let (a, b) = (paras.first()?, paras.last()?);
        let case = ctx.cases.get(p.case)?;
        Quote::from_position(case, p.position, (a.index, b.index), None)
    }

    /// "A: Socialnämnden · Reservation (M)": a side's position, for the header.
    pub fn side_label(&self, p: PosRef, ctx: &Ctx) -> String {
        let Some(case) = ctx.cases.get(p.case) else {
            return String::new();
        };
        let pos = &case.positions[p.position];
        let mark = ctx
            .family_mark(p.case, p.position)
            .map(|m| format!(" [{m}]"))
            .unwrap_or_default();
        let case_tag = if ctx.cases.len() > 1 {
            format!("{} · ", case.dnr)
        } else {
            String::new()
        };
        format!(
            "{case_tag}{} · {} · {}{mark}",
            case.body(pos).name,
            ctx.lang.stance(pos.stance),
            case.byline(pos)
        )
    }
}

fn no_text_here(ctx: &Ctx) -> Outcome {
    Outcome::error(ctx.lang.pick(
        "This side has no text here",
        "Den här sidan har ingen text här",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diff::Tag;
    use crate::i18n::Lang;
    use crate::tui::action::Nav;
    use crate::tui::screens::Screen;
    use crate::tui::testing::{Harness, copied, said};

    fn pos(h: &Harness, id: &str) -> PosRef {
        PosRef {
            case: 0,
            position: h.position(id),
        }
    }

    fn open(h: &Harness, a: &str, b: &str) -> DiffScreen {
        DiffScreen::open(&h.ctx(Screen::Reader), 0, pos(h, a), pos(h, b))
    }

    #[test]
    fn skarholmen_against_socialnamnden_starts_on_the_first_change() {
        let mut h = Harness::new(Lang::En, 120, 40);
        let mut d = open(
            &h,
            "socialnamnden/reservation/M",
            "skarholmen/reservation/M",
        );
        let ctx = h.ctx(Screen::Diff);
        assert_eq!(d.layout, DiffLayout::SideBySide);
        assert_eq!(d.row, d.diff.changes[0].row);
        assert_eq!(d.change, Some(0));
        // Every change can be reached, in order, and each is on screen when reached.
        for c in 1..d.diff.changes.len() {
            d.update(&Action::NextChange, &ctx);
            assert_eq!(d.change, Some(c));
            let line = d.line_of_change().unwrap();
            assert!(line >= d.top && line < d.top + d.height(&ctx), "change {c}");
        }
        assert_eq!(
            said(&d.update(&Action::NextChange, &ctx)),
            "No further change"
        );
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
        h.size = (80, 24);
        d.relayout(&h.ctx(Screen::Diff));
        assert_eq!(d.layout, DiffLayout::Inline);
    }

    #[test]
    fn copy_takes_the_side_under_the_cursor() {
        let h = Harness::new(Lang::En, 120, 40);
        let ctx = h.ctx(Screen::Diff);
        let mut d = open(
            &h,
            "socialnamnden/reservation/M",
            "skarholmen/reservation/M",
        );
        let right = d.update(&Action::CopyParagraph, &ctx);
        d.update(&Action::NextPane, &ctx);
        let left = d.update(&Action::CopyParagraph, &ctx);
        assert!(copied(&right).contains("Skärholmens invånare"));
        assert!(copied(&right).ends_with("Skärholmens stadsdelsnämnd 2026-03-26, KS 2025/1121)"));
        assert!(copied(&left).contains("invånarna i vissa stadsdelar"));
        assert!(copied(&left).ends_with("Socialnämnden 2026-02-17, KS 2025/1121)"));
    }

    #[test]
    fn folding_hides_unchanged_rows_and_changes_are_walked() {
        let h = Harness::new(Lang::En, 120, 40);
        let ctx = h.ctx(Screen::Diff);
        // Identical texts: no change, every row unchanged.
        let mut d = open(
            &h,
            "socialnamnden/reservation/M",
            "hasselby-vallingby/reservation/M",
        );
        assert!(d.diff.changes.is_empty());
        d.update(&Action::ToggleFold, &ctx);
        assert!(d.lines.iter().all(|l| l.folded.is_some()));
        assert_eq!(
            said(&d.update(&Action::NextChange, &ctx)),
            "No further change"
        );
    }

    #[test]
    fn the_base_can_be_switched_among_relatives() {
        let h = Harness::new(Lang::En, 120, 40);
        let ctx = h.ctx(Screen::Diff);
        let b = pos(&h, "skarholmen/reservation/M");
        let first = h.similarity.relatives(b)[0].other;
        let mut d = DiffScreen::open(&ctx, 0, first, b);
        let Nav::Replace(Route::Diff(next)) = d.update(&Action::NextBase, &ctx).nav else {
            panic!("another diff in this one's place")
        };
        assert_ne!(next.left, first);
        assert_eq!(next.right, b);
    }
}
