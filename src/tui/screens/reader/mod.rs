//! The reader: one position (or the case's own texts) in full, a paragraph cursor, scrolling,
//! links, copying quotes, a visual selection of sentences to quote or add to the notes, and
//! the pane of similar texts (relatives, and where the cursor's paragraph also appears).

pub mod layout;
pub mod view;

pub use layout::{Doc, LineKind, ReaderLine};

use super::Route;
use super::diff::DiffScreen;
use super::elsewhere::ElsewhereScreen;
use super::matrix::copy_whole;
use super::notes::NotesScreen;
use crate::analysis::similarity::{ParagraphSources, PosRef, Relation};
use crate::i18n::Lang;
use crate::model::{Case, Stance, citation};
use crate::notes::{ItemKind, Quote};
use crate::tui::action::{Action, Effect, NotesOp, Outcome};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Mode;
use crate::tui::screens::Screen;
use crate::tui::widgets::scroll_to_show;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone)]
pub struct ReaderScreen {
    /// Index into the loaded cases.
    pub case: usize,
    pub doc: Doc,
    /// The paragraph cursor (index into `layout::paragraphs(case, doc)`).
    pub paragraph: usize,
    /// First visible line of `lines`.
    pub top: usize,
    /// The document laid out for the current width.
    pub lines: Vec<ReaderLine>,
    /// A selection of sentences, while selecting.
    pub visual: Option<Visual>,
    /// The open position's relatives, best first (empty until the similarity is built).
    pub relatives: Vec<Relation>,
    /// Where each of its paragraphs (nearly) appears elsewhere.
    pub passages: Vec<ParagraphSources>,
    /// Whether the open position was compared with the others (the similarity is built and
    /// holds it): then the pane of similar texts has something to show.
    pub compared: bool,
    /// The cursor in the pane of similar texts, while that pane has the focus.
    pub similar_focus: Option<usize>,
    /// Search matches to mark: a paragraph and byte ranges in it.
    pub highlight: Option<(usize, Vec<Range<usize>>)>,
    /// Opened from the party lens for a party whose stance is inferred from this decision
    /// (the majority's, naming no party): the reader says so under the title.
    pub inferred_for: Option<String>,
}

/// An entry of the pane of similar texts: a relative, or a place where the cursor's paragraph
/// also appears.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SimilarItem {
    Relative(Relation),
    /// The position, its paragraph, and the share of the cursor's paragraph found there.
    Passage(PosRef, usize, f32),
}

/// A selection from the anchor sentence to the head sentence (either order), each as
/// (paragraph, sentence index within the paragraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visual {
    pub anchor: (usize, usize),
    pub head: (usize, usize),
}

impl Visual {
    /// First and last selected sentence, in reading order.
    pub fn span(&self) -> ((usize, usize), (usize, usize)) {
        if self.anchor <= self.head {
            (self.anchor, self.head)
        } else {
            (self.head, self.anchor)
        }
    }
}

/// Byte ranges of a paragraph's sentences (Unicode sentence boundaries), white space at the
/// end of each left out. A paragraph with no sentence has one empty range.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = text
        .split_sentence_bound_indices()
        .map(|(i, s)| i..i + s.trim_end().len())
        .filter(|r| !r.is_empty())
        .collect();
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

impl ReaderScreen {
    /// Open `doc` of case `case` with the cursor on `paragraph`, laid out for the frame.
    pub fn open(ctx: &Ctx, case: usize, doc: Doc, paragraph: usize) -> ReaderScreen {
        let n = layout::paragraphs(ctx.case(case), doc).len();
        let mut r = ReaderScreen {
            case,
            doc,
            paragraph: paragraph.min(n.saturating_sub(1)),
            top: 0,
            lines: Vec::new(),
            visual: None,
            relatives: Vec::new(),
            passages: Vec::new(),
            compared: false,
            similar_focus: None,
            highlight: None,
            inferred_for: None,
        };
        r.relayout(ctx);
        r
    }

    /// The same reader, saying that `party`'s stance is inferred from the position (a
    /// decision of the majority that names no party), as the party lens marks it with `*`.
    pub fn inferred_for(mut self, ctx: &Ctx, party: String) -> ReaderScreen {
        self.inferred_for = Some(party);
        self.relayout(ctx);
        self
    }

    /// Open a paragraph, its matched words marked (a search hit).
    pub fn open_marked(
        ctx: &Ctx,
        case: usize,
        at: crate::model::TextRef,
        marks: Vec<Range<usize>>,
    ) -> ReaderScreen {
        let (doc, paragraph) = layout::locate(ctx.case(case), at);
        let paragraph = paragraph.unwrap_or(0);
        let mut r = ReaderScreen::open(ctx, case, doc, paragraph);
        r.highlight = Some((paragraph, marks));
        r
    }

    /// What keys mean in the reader now.
    pub fn mode(&self) -> Mode {
        if self.visual.is_some() {
            Mode::Visual
        } else if self.similar_focus.is_some() {
            Mode::Similar
        } else {
            Mode::Screen(Screen::Reader)
        }
    }

    pub fn position(&self) -> Option<usize> {
        match self.doc {
            Doc::Position(p) => Some(p),
            Doc::CaseText => None,
        }
    }

    /// The open position as a reference across cases.
    fn me(&self) -> Option<PosRef> {
        self.position().map(|position| PosRef {
            case: self.case,
            position,
        })
    }

    /// The pane's entries: the relatives, then where the cursor's paragraph also appears.
    pub fn similar_items(&self) -> Vec<SimilarItem> {
        let mut items: Vec<SimilarItem> = self
            .relatives
            .iter()
            .copied()
            .map(SimilarItem::Relative)
            .collect();
        if let Some(p) = self.passages.iter().find(|p| p.paragraph == self.paragraph) {
            items.extend(
                p.sources
                    .iter()
                    .map(|&(pos, para, score)| SimilarItem::Passage(pos, para, score)),
            );
        }
        items
    }

    /// The relative `d` diffs against: the closest that is worth diffing
    /// ([`Options::worth_diffing`](crate::analysis::similarity::Options::worth_diffing), the
    /// rule that makes a family), once the similarity is built.
    pub fn diff_partner(&self, ctx: &Ctx) -> Option<Relation> {
        let options = ctx.similarity?.options();
        self.relatives
            .iter()
            .find(|r| options.worth_diffing(r))
            .copied()
    }

    /// Lines of text that fit on screen.
    pub fn height(&self, ctx: &Ctx) -> usize {
        usize::from(layout::areas(ctx.main(), self).text.height).max(1)
    }

    /// The relatives and passage reuse of the open position (once the similarity is built),
    /// and the document laid out for the width its text has.
    pub fn relayout(&mut self, ctx: &Ctx) {
        if let (Some(me), Some(sim)) = (self.me(), ctx.similarity) {
            self.relatives = sim.relatives(me);
            self.passages = sim.passages(me);
            self.compared = sim.contains(me);
        }
        // The cursor paragraph's pane entries change; keep the pane's cursor in range.
        let items = self.similar_items().len();
        if let Some(f) = self.similar_focus.as_mut() {
            *f = (*f).min(items.saturating_sub(1));
        }
        let width = layout::areas(ctx.main(), self).text.width;
        self.lines = layout::layout_doc(ctx.case(self.case), self.doc, width, ctx.lang, ctx.keys);
        if let Some(party) = &self.inferred_for {
            let at = self
                .lines
                .iter()
                .position(|l| l.kind != layout::LineKind::Title)
                .unwrap_or(self.lines.len());
            let note = layout::inferred_note(party, width, ctx.lang);
            self.lines.splice(at..at, note);
        }
        self.top = self.top.min(self.lines.len().saturating_sub(1));
        self.keep_cursor_visible(self.height(ctx));
    }

    /// The selected byte range of paragraph `p`, if the visual selection covers it.
    pub fn selected_in(&self, case: &Case, p: usize) -> Option<Range<usize>> {
        let v = self.visual?;
        let ((p0, s0), (p1, s1)) = v.span();
        if p < p0 || p > p1 {
            return None;
        }
        let paras = layout::paragraphs(case, self.doc);
        let text = paras.get(p)?.1;
        let bounds = sentences(text);
        let start = if p == p0 { bounds.get(s0)?.start } else { 0 };
        let end = if p == p1 {
            bounds.get(s1).map_or(text.len(), |r| r.end)
        } else {
            text.len()
        };
        Some(start..end.max(start))
    }

    /// Scroll so that the cursor paragraph's first line is visible.
    fn keep_cursor_visible(&mut self, height: usize) {
        let Some(first) = self
            .lines
            .iter()
            .position(|l| l.paragraph == Some(self.paragraph))
        else {
            return;
        };
        let last = self
            .lines
            .iter()
            .rposition(|l| l.paragraph == Some(self.paragraph))
            .unwrap_or(first);
        self.top = scroll_to_show(self.top, first, last, height);
        if self.paragraph == 0 && first < height {
            self.top = 0;
        }
    }

    /// After a page scroll, put the cursor on the first paragraph that starts on screen.
    fn cursor_to_visible(&mut self, height: usize) {
        let visible = self.top..self.top + height;
        let on_screen = |p: usize| {
            self.lines
                .iter()
                .enumerate()
                .any(|(i, l)| l.paragraph == Some(p) && visible.contains(&i))
        };
        if !on_screen(self.paragraph)
            && let Some(p) = self.lines[self.top.min(self.lines.len())..]
                .iter()
                .find_map(|l| l.paragraph)
        {
            self.paragraph = p;
        }
    }

    /// Where the user is: `KS 2025/1121 › Socialnämnden › Reservation ¶1/2`.
    pub fn place(&self, ctx: &Ctx) -> String {
        let lang = ctx.lang;
        let case = ctx.case(self.case);
        let n = layout::paragraphs(case, self.doc).len();
        let at = (self.paragraph + 1).min(n);
        let what = match self.doc {
            Doc::Position(p) => {
                let p = &case.positions[p];
                format!("{} › {}", case.body(p).name, lang.stance(p.stance))
            }
            Doc::CaseText => lang.pick("Case text", "Ärendets text").to_string(),
        };
        let visual = if self.visual.is_some() {
            lang.pick(" · SELECTING", " · MARKERAR")
        } else {
            ""
        };
        format!("{} › {what} ¶{at}/{n}{visual}", case.dnr)
    }

    /// Whether an action makes sense here: the case's own texts have no stance, party, link
    /// or similar texts; a position may link nowhere or have no similar text.
    pub fn applies(&self, action: &Action, ctx: &Ctx) -> bool {
        let Some(p) = self.position() else {
            return !matches!(
                action,
                Action::NextSameStance
                    | Action::PrevSameStance
                    | Action::NextSameParty
                    | Action::PrevSameParty
                    | Action::FollowLink
                    | Action::ToggleSimilar
                    | Action::DiffRelative
                    | Action::DiffBase
                    | Action::OpenElsewhere
            );
        };
        match action {
            Action::FollowLink => {
                let pos = &ctx.case(self.case).positions[p];
                pos.identical_to.or(pos.concurs_with).is_some()
            }
            // Before the texts are compared the keys say so; after, they need a relative (a
            // diff outside the pane: one worth diffing).
            Action::DiffRelative if self.similar_focus.is_none() => {
                ctx.similarity.is_none() || self.diff_partner(ctx).is_some()
            }
            Action::ToggleSimilar | Action::DiffRelative | Action::DiffBase => {
                ctx.similarity.is_none() || !self.similar_items().is_empty()
            }
            Action::OpenElsewhere => ctx.similarity.is_none() || self.compared,
            _ => true,
        }
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        if self.similar_focus.is_some() {
            return self.update_similar(action, ctx);
        }
        if self.visual.is_some() {
            return self.update_visual(action, ctx);
        }
        let height = self.height(ctx);
        let case = ctx.case(self.case);
        let last_para = layout::paragraphs(case, self.doc).len().saturating_sub(1);
        let max_top = self.lines.len().saturating_sub(height);
        match action {
            Action::Down => {
                self.paragraph = (self.paragraph + 1).min(last_para);
                self.keep_cursor_visible(height);
            }
            Action::Up => {
                self.paragraph = self.paragraph.saturating_sub(1);
                self.keep_cursor_visible(height);
            }
            Action::LineDown => self.top = (self.top + 1).min(max_top),
            Action::LineUp => self.top = self.top.saturating_sub(1),
            Action::PageDown => {
                self.top = (self.top + height.saturating_sub(1).max(1)).min(max_top);
                self.cursor_to_visible(height);
            }
            Action::PageUp => {
                self.top = self.top.saturating_sub(height.saturating_sub(1).max(1));
                self.cursor_to_visible(height);
            }
            Action::Top => {
                self.paragraph = 0;
                self.top = 0;
            }
            Action::Bottom => {
                self.paragraph = last_para;
                self.top = max_top;
            }
            Action::ToggleVisual => {
                if layout::paragraphs(case, self.doc).is_empty() {
                    return nothing_to_quote(ctx.lang);
                }
                let p = self.paragraph.min(last_para);
                self.visual = Some(Visual {
                    anchor: (p, 0),
                    head: (p, 0),
                });
            }
            Action::CopyParagraph => return self.copy_quote(ctx),
            Action::AddToNotes => return self.add_quote(ctx),
            Action::CopyPosition => {
                return match self.doc {
                    Doc::Position(p) => copy_whole(ctx, self.case, p),
                    Doc::CaseText => Outcome::effect(Effect::Copy(case_text_whole(case))),
                };
            }
            Action::NextSameStance
            | Action::PrevSameStance
            | Action::NextSameParty
            | Action::PrevSameParty => {
                let forward = matches!(action, Action::NextSameStance | Action::NextSameParty);
                let by_party = matches!(action, Action::NextSameParty | Action::PrevSameParty);
                return match self
                    .position()
                    .and_then(|p| sibling(case, p, forward, by_party))
                {
                    Some(next) => Outcome::replace(self.read(ctx, self.case, next, 0)),
                    None => Outcome::say(ctx.lang.pick(
                        "No further position of that kind",
                        "Inget fler av det slaget",
                    )),
                };
            }
            Action::FollowLink => {
                let target = self.position().and_then(|p| {
                    let pos = &case.positions[p];
                    pos.identical_to.or(pos.concurs_with)
                });
                return match target {
                    Some(target) => Outcome::push(self.read(ctx, self.case, target, 0)),
                    None => Outcome::say(
                        ctx.lang
                            .pick("This position links nowhere", "Ingen länk här"),
                    ),
                };
            }
            Action::ToggleSimilar => {
                if self.similar_items().is_empty() {
                    return nothing_to_diff(ctx.lang);
                }
                self.similar_focus = Some(0);
                self.keep_cursor_visible(self.height(ctx));
            }
            Action::DiffRelative | Action::DiffBase => {
                return self.diff(ctx, *action == Action::DiffBase);
            }
            Action::OpenElsewhere => return self.elsewhere(ctx),
            Action::OpenNotes => return NotesScreen::open(self.case),
            Action::Back => return Outcome::pop(),
            _ => {}
        }
        Outcome::none()
    }

    /// A reader of another position (in the same frame).
    fn read(&self, ctx: &Ctx, case: usize, position: usize, paragraph: usize) -> Route {
        let r = ReaderScreen::open(ctx, case, Doc::Position(position), paragraph);
        Route::Reader(Box::new(r))
    }

    /// Selecting sentences: extend, shrink, quote or add.
    fn update_visual(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let case = ctx.case(self.case);
        let paras = layout::paragraphs(case, self.doc);
        let last_para = paras.len().saturating_sub(1);
        let count = |p: usize| paras.get(p).map_or(1, |(_, t)| sentences(t).len());
        let Some(v) = self.visual.as_mut() else {
            return Outcome::none();
        };
        match action {
            Action::Down => v.head = next_sentence(v.head, count(v.head.0), last_para),
            Action::Up => v.head = prev_sentence(v.head, count),
            Action::ParagraphDown if v.head.0 < last_para => v.head = (v.head.0 + 1, 0),
            Action::ParagraphDown => v.head.1 = count(v.head.0) - 1,
            Action::ParagraphUp if v.head.0 > 0 => {
                v.head = (v.head.0 - 1, count(v.head.0 - 1) - 1);
            }
            Action::ParagraphUp => v.head.1 = 0,
            Action::Back | Action::ToggleVisual => self.visual = None,
            Action::CopyParagraph => return self.copy_quote(ctx),
            Action::AddToNotes => return self.add_quote(ctx),
            _ => {}
        }
        if let Some(v) = self.visual {
            self.paragraph = v.head.0;
            self.keep_cursor_visible(self.height(ctx));
        }
        Outcome::none()
    }

    /// The pane of similar texts: move, open, diff.
    fn update_similar(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let items = self.similar_items();
        let last = items.len().saturating_sub(1);
        let cursor = self.similar_focus.unwrap_or(0).min(last);
        let target = |i: &SimilarItem| match *i {
            SimilarItem::Relative(rel) => (rel.other, 0),
            SimilarItem::Passage(pos, para, _) => (pos, para),
        };
        match action {
            Action::Down => self.similar_focus = Some((cursor + 1).min(last)),
            Action::Up => self.similar_focus = Some(cursor.saturating_sub(1)),
            Action::Top => self.similar_focus = Some(0),
            Action::Bottom => self.similar_focus = Some(last),
            Action::Back | Action::ToggleSimilar => {
                self.similar_focus = None;
                self.keep_cursor_visible(self.height(ctx));
            }
            Action::Open => {
                if let Some((pos, para)) = items.get(cursor).map(target) {
                    return Outcome::replace(self.read(ctx, pos.case, pos.position, para));
                }
            }
            Action::DiffRelative | Action::DiffBase => {
                if let (Some((other, _)), Some(me)) = (items.get(cursor).map(target), self.me()) {
                    return Outcome::push(diff(ctx, self.case, other, me));
                }
            }
            _ => {}
        }
        Outcome::none()
    }

    /// "This text elsewhere": the other cases where the cursor's paragraph (or else the whole
    /// text) appears.
    fn elsewhere(&self, ctx: &Ctx) -> Outcome {
        let lang = ctx.lang;
        let Some(me) = self.me() else {
            return nothing_to_diff(lang);
        };
        if ctx.similarity.is_none() {
            return Outcome::say(lang.pick(
                "Still comparing the texts…",
                "Jämför fortfarande texterna …",
            ));
        }
        if !self.compared {
            return Outcome::say(lang.pick(
                "Only reservations and statements with text are compared",
                "Bara reservationer och uttalanden med text jämförs",
            ));
        }
        let screen = ElsewhereScreen::open(ctx, me, self.paragraph);
        Outcome::push(Route::Elsewhere(Box::new(screen)))
    }

    /// Diff the open position against its closest relative, or its family's base.
    fn diff(&self, ctx: &Ctx, base: bool) -> Outcome {
        let lang = ctx.lang;
        let Some(me) = self.me() else {
            return nothing_to_diff(lang);
        };
        let Some(sim) = ctx.similarity else {
            return Outcome::say(lang.pick(
                "Still comparing the texts…",
                "Jämför fortfarande texterna …",
            ));
        };
        if !base {
            return match self.diff_partner(ctx) {
                Some(r) => Outcome::push(diff(ctx, self.case, r.other, me)),
                // The closest relative only shares passages: say so, and how to diff one
                // anyway (the pane of similar texts lists them).
                None => match self.relatives.first() {
                    Some(r) => Outcome::say(
                        ctx.keys_in(Mode::Screen(Screen::Reader), &only_passages(lang, r)),
                    ),
                    None => nothing_to_diff(lang),
                },
            };
        }
        let Some(family) = sim.family_of(me).and_then(|m| sim.families().get(m.family)) else {
            return nothing_to_diff(lang);
        };
        if family.base != me {
            return Outcome::push(diff(ctx, self.case, family.base, me));
        }
        // This is the base: read the closest member against it.
        let closest = family
            .members
            .iter()
            .filter(|f| f.position != me)
            .max_by(|a, b| {
                a.in_base
                    .min(a.base_in)
                    .total_cmp(&b.in_base.min(b.base_in))
            });
        match closest {
            Some(c) => Outcome::push(diff(ctx, self.case, me, c.position)).with_status(
                lang.pick(
                    "This is its family's base: its closest member against it",
                    "Detta är familjens grundtext: närmaste medlem mot den",
                ),
                false,
            ),
            None => nothing_to_diff(lang),
        }
    }

    /// The quote the reader would copy or add: the visual selection, else the cursor's
    /// paragraph.
    pub fn quote(&self, case: &Case) -> Option<Quote> {
        let paras = layout::paragraphs(case, self.doc);
        let (from, to) = match self.visual.map(|v| v.span()) {
            Some(((p0, _), (p1, _))) => (p0, p1),
            None => (self.paragraph, self.paragraph),
        };
        let part = match self.visual {
            Some(_) => {
                let pieces: Vec<&str> = (from..=to)
                    .filter_map(|p| {
                        let range = self.selected_in(case, p)?;
                        paras.get(p)?.1.get(range).map(str::trim)
                    })
                    .collect();
                let whole = (from..=to).all(|p| {
                    self.selected_in(case, p)
                        .is_some_and(|s| paras.get(p).is_some_and(|(_, t)| s == (0..t.len())))
                });
                (!whole).then(|| pieces.join("\n\n"))
            }
            None => None,
        };
        let (first, _) = *paras.get(from)?;
        let (last, _) = *paras.get(to)?;
        if first.part == last.part {
            return Quote::new(
                case,
                first.part,
                (first.paragraph, last.paragraph),
                part.as_deref(),
            );
        }
        // A selection that runs into the next part of the case: its first part, to the end.
        let end = first.part.paragraphs(case)?.len().saturating_sub(1);
        Quote::new(case, first.part, (first.paragraph, end), None)
    }

    /// `y`: the quote with its citation to the clipboard; the selection ends.
    fn copy_quote(&mut self, ctx: &Ctx) -> Outcome {
        let Some(q) = self.quote(ctx.case(self.case)) else {
            return nothing_to_quote(ctx.lang);
        };
        self.visual = None;
        Outcome::effect(Effect::Copy(citation::format_quote(&q.text, &q.citation)))
    }

    /// `a`: the quote into the case's notes; the selection ends.
    fn add_quote(&mut self, ctx: &Ctx) -> Outcome {
        let Some(q) = self.quote(ctx.case(self.case)) else {
            return nothing_to_quote(ctx.lang);
        };
        self.visual = None;
        let count = ctx.notes[self.case].notes.quotes().count() + 1;
        let msg = match ctx.lang {
            Lang::En if count == 1 => {
                "Added to the notes (1 quote) · {open-notes} opens them".to_string()
            }
            Lang::En => format!("Added to the notes ({count} quotes) · {{open-notes}} opens them"),
            Lang::Sv => {
                format!("Lagt i anteckningarna ({count} citat) · {{open-notes}} öppnar dem")
            }
        };
        let msg = ctx.keys_in(
            crate::tui::keymap::Mode::Screen(super::Screen::Reader),
            &msg,
        );
        Outcome::say(msg).with_notes(self.case, NotesOp::Push(ItemKind::Quote(q)))
    }
}

/// The diff screen of `left` (the base) against `right`, opened from case `case`.
fn diff(ctx: &Ctx, case: usize, left: PosRef, right: PosRef) -> Route {
    Route::Diff(Box::new(DiffScreen::open(ctx, case, left, right)))
}

fn nothing_to_quote(lang: Lang) -> Outcome {
    Outcome::error(lang.pick("No text to quote", "Ingen text att citera"))
}

/// Why `d` diffs nothing when the closest relative `r` only shares passages: how much, and
/// how to diff it anyway (`{…}` name the user's keys).
fn only_passages(lang: Lang, r: &Relation) -> String {
    let share = lang.percent(r.a_in_b.max(r.b_in_a));
    match lang {
        Lang::En => format!(
            "No near-identical text to diff: the closest shares {share}; {{toggle-similar}} \
             lists the similar texts, {{similar:diff-relative}} there diffs one"
        ),
        Lang::Sv => format!(
            "Ingen nästan identisk text att jämföra: den närmaste har {share} gemensamt; \
             {{toggle-similar}} visar liknande texter, {{similar:diff-relative}} där jämför en"
        ),
    }
}

fn nothing_to_diff(lang: Lang) -> Outcome {
    Outcome::say(lang.pick(
        "No similar text to compare with",
        "Ingen liknande text att jämföra med",
    ))
}

fn next_sentence(head: (usize, usize), count: usize, last_para: usize) -> (usize, usize) {
    if head.1 + 1 < count {
        (head.0, head.1 + 1)
    } else if head.0 < last_para {
        (head.0 + 1, 0)
    } else {
        head
    }
}

fn prev_sentence(head: (usize, usize), count: impl Fn(usize) -> usize) -> (usize, usize) {
    if head.1 > 0 {
        (head.0, head.1 - 1)
    } else if head.0 > 0 {
        (head.0 - 1, count(head.0 - 1).saturating_sub(1))
    } else {
        head
    }
}

/// The case's own texts, each with its citation, for "copy the whole text".
fn case_text_whole(case: &Case) -> String {
    case.sections
        .iter()
        .map(|s| {
            citation::format_quote(
                &s.paragraphs.join("\n\n"),
                &citation::case_text_citation(case, &s.title),
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The next (or previous) position with the same stance, or sharing a party, with text.
fn sibling(case: &Case, from: usize, forward: bool, by_party: bool) -> Option<usize> {
    let me = &case.positions[from];
    let n = case.positions.len();
    (1..n)
        .map(|step| {
            if forward {
                (from + step) % n
            } else {
                (from + n - step) % n
            }
        })
        .find(|&i| {
            let p = &case.positions[i];
            let same = if by_party {
                p.parties.iter().any(|x| me.parties.contains(x))
            } else {
                p.stance == me.stance
            };
            same && p.stance != Stance::NoAnswer
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Nav;
    use crate::tui::testing::{Harness, copied};

    fn reader_on(h: &Harness, id: &str) -> ReaderScreen {
        let p = h.position(id);
        ReaderScreen::open(&h.ctx(Screen::Matrix), 0, Doc::Position(p), 0)
    }

    #[test]
    fn sentences_keep_abbreviations_together() {
        let text = "Det finns t.ex. på Sergels torg en lokal. Den fungerar väl!  Slut";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            [
                "Det finns t.ex. på Sergels torg en lokal.",
                "Den fungerar väl!",
                "Slut"
            ]
        );
        assert_eq!(sentences(""), vec![0..0]);
    }

    #[test]
    fn visual_selection_of_two_sentences_is_quoted_as_written() {
        let h = Harness::new(Lang::En, 100, 30);
        let ctx = h.ctx(Screen::Reader);
        let mut r = reader_on(&h, "socialnamnden/reservation/M");
        for a in [Action::ToggleVisual, Action::Down] {
            r.update(&a, &ctx);
        }
        let q = r.quote(ctx.case(0)).unwrap();
        assert_eq!(
            q.text,
            "Trygghet är inte bara statistik i en medborgarundersökning; det är den konkreta \
             upplevelsen hos stockholmare som rör sig i staden och sina bostadskvarter. När \
             hälften av invånarna i vissa stadsdelar känner otrygghet i sitt eget närområde krävs \
             kraftfulla åtgärder för att återta det offentliga rummet."
        );
        assert_eq!(q.paragraphs, (0, 0));
        let outcome = r.update(&Action::CopyParagraph, &ctx);
        let text = copied(&outcome);
        assert!(text.starts_with("”Trygghet är inte bara statistik"));
        assert!(text.ends_with("offentliga rummet.” (Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121)"));
        assert!(r.visual.is_none());
    }

    #[test]
    fn a_selection_over_whole_paragraphs_quotes_them_whole() {
        let h = Harness::new(Lang::En, 100, 30);
        let ctx = h.ctx(Screen::Reader);
        let mut r = reader_on(&h, "socialnamnden/reservation/M");
        for a in [
            Action::ToggleVisual,
            Action::ParagraphDown,
            Action::ParagraphDown,
        ] {
            r.update(&a, &ctx);
        }
        let q = r.quote(ctx.case(0)).unwrap();
        assert_eq!(q.paragraphs, (0, 1));
        let i = h.position("socialnamnden/reservation/M");
        assert_eq!(q.text, ctx.case(0).text_of(i).join("\n\n"));
        // Back to the start shrinks it again; Esc ends it and stays in the reader.
        for _ in 0..3 {
            r.update(&Action::ParagraphUp, &ctx);
        }
        assert_eq!(r.quote(ctx.case(0)).unwrap().paragraphs, (0, 0));
        let outcome = r.update(&Action::Back, &ctx);
        assert!(matches!(outcome.nav, Nav::Stay));
        assert!(r.visual.is_none());
    }

    #[test]
    fn case_text_paragraphs_copy_with_the_section_citation() {
        let h = Harness::new(Lang::Sv, 100, 30);
        let ctx = h.ctx(Screen::Reader);
        let mut r = ReaderScreen::open(&ctx, 0, Doc::CaseText, 0);
        // Proposal (1 paragraph), then the summary.
        r.update(&Action::Down, &ctx);
        let outcome = r.update(&Action::CopyParagraph, &ctx);
        let text = copied(&outcome);
        assert!(text.starts_with("”I en motion väckt i kommunfullmäktige"));
        assert!(text.ends_with("(Sammanfattning av ärendet, utlåtande 2026-04-29, KS 2025/1121)"));
    }

    #[test]
    fn adding_asks_for_a_notes_edit_and_counts_the_quotes() {
        let mut h = Harness::new(Lang::En, 100, 30);
        let mut r = reader_on(&h, "socialnamnden/reservation/M");
        let outcome = r.update(&Action::AddToNotes, &h.ctx(Screen::Reader));
        assert_eq!(
            crate::tui::testing::said(&outcome),
            "Added to the notes (1 quote) · A opens them"
        );
        h.apply_notes(&outcome);
        let outcome = r.update(&Action::AddToNotes, &h.ctx(Screen::Reader));
        assert!(crate::tui::testing::said(&outcome).contains("(2 quotes)"));
    }

    #[test]
    fn the_pane_over_the_text_shortens_the_page_it_scrolls() {
        // Narrow: the pane opens over the text's lower part, and the text's height is what
        // is left (the same figure the view draws with).
        let h = Harness::new(Lang::En, 80, 24);
        let ctx = h.ctx(Screen::Reader);
        let mut r = reader_on(&h, "skarholmen/reservation/M");
        let full = r.height(&ctx);
        r.update(&Action::ToggleSimilar, &ctx);
        assert!(r.similar_focus.is_some());
        let shared = r.height(&ctx);
        assert!(shared < full, "{shared} < {full}");
        assert_eq!(layout::areas(ctx.main(), &r).text.height as usize, shared);
    }
}
