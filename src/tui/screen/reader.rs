//! The reader: one position (or the case's own texts) in full, a paragraph cursor, scrolling,
//! links, copying quotes, and a visual selection of sentences to quote or add to the notes.

use crate::analysis::similarity::{ParagraphSources, PosRef, Relation};
use crate::i18n::Lang;
use crate::model::citation;
use crate::model::{Case, Stance};
use crate::notes::{ItemKind, Quote};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Screen};
use crate::tui::layout::{self, Doc, ReaderLine};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone)]
pub struct ReaderState {
    pub doc: Doc,
    /// The paragraph cursor (index into `layout::paragraphs(case, doc)`).
    pub paragraph: usize,
    /// First visible line of `lines`.
    pub top: usize,
    /// The document laid out for the current width.
    pub lines: Vec<ReaderLine>,
    /// A selection of sentences, while selecting.
    pub visual: Option<Visual>,
    /// Documents visited before this one by following links, for Esc.
    pub history: Vec<Doc>,
    /// The open position's relatives, best first (empty until the similarity is built).
    pub relatives: Vec<Relation>,
    /// Where each of its paragraphs (nearly) appears elsewhere.
    pub passages: Vec<ParagraphSources>,
    /// The cursor in the pane of similar texts, while that pane has the focus.
    pub similar_focus: Option<usize>,
    /// Search matches to mark: a paragraph and byte ranges in it.
    pub highlight: Option<(usize, Vec<Range<usize>>)>,
}

/// An entry of the pane of similar texts: a relative, or a place where the cursor's paragraph
/// also appears.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SimilarItem {
    Relative(Relation),
    /// The position, its paragraph, and the share of the cursor's paragraph found there.
    Passage(PosRef, usize, f32),
}

/// Width of the pane of similar texts beside the reader's text.
pub const SIMILAR_PANE_WIDTH: u16 = 44;
/// The pane stands beside the text from this terminal width; below, it opens over the text's
/// lower part while it has the focus.
pub const SIMILAR_PANE_MIN_WIDTH: u16 = 110;

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

impl ReaderState {
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

    pub fn position(&self) -> Option<usize> {
        match self.doc {
            Doc::Position(p) => Some(p),
            Doc::CaseText => None,
        }
    }

    pub(crate) fn relayout(&mut self, case: &Case, width: u16, height: usize, lang: Lang) {
        // The cursor paragraph's pane entries change with the width; keep the cursor in range.
        let items = self.similar_items().len();
        if let Some(f) = self.similar_focus.as_mut() {
            *f = (*f).min(items.saturating_sub(1));
        }
        self.lines = layout::layout_doc(case, self.doc, width, lang);
        self.top = self.top.min(self.lines.len().saturating_sub(1));
        self.keep_cursor_visible(height);
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
        self.top = layout::scroll_to_show(self.top, first, last, height);
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
}

impl App {
    /// Open a document in the reader with the cursor on `paragraph`, keeping the history of
    /// followed links when there is a reader already.
    pub fn open_doc(&mut self, doc: Doc, paragraph: usize) {
        let history = self.reader.take().map(|r| r.history).unwrap_or_default();
        let (relatives, passages) = self.similar_to(doc);
        let width = self.text_width_for(doc);
        let lines = layout::layout_doc(self.current_case(), doc, width, self.lang);
        let n = layout::paragraphs(self.current_case(), doc).len();
        let mut r = ReaderState {
            doc,
            paragraph: paragraph.min(n.saturating_sub(1)),
            top: 0,
            lines,
            visual: None,
            history,
            relatives,
            passages,
            similar_focus: None,
            highlight: None,
        };
        r.keep_cursor_visible(self.reader_height());
        self.reader = Some(r);
        self.screen = Screen::Reader;
        // Keep the matrix selection on the opened position.
        if let Doc::Position(p) = doc {
            self.matrix.row = self.current_case().positions[p].body;
        }
    }

    /// The relatives of a document and its passage reuse (nothing for the case text, or
    /// before the similarity is built).
    fn similar_to(&self, doc: Doc) -> (Vec<Relation>, Vec<ParagraphSources>) {
        match (doc, &self.similarity) {
            (Doc::Position(position), Some(sim)) => {
                let me = PosRef {
                    case: self.case,
                    position,
                };
                (sim.relatives(me), sim.passages(me))
            }
            _ => (Vec::new(), Vec::new()),
        }
    }

    /// Whether the pane of similar texts stands beside the text of `doc`.
    pub fn similar_pane_beside(&self, doc: Doc) -> bool {
        let compared = match (doc, &self.similarity) {
            (Doc::Position(position), Some(sim)) => sim.contains(PosRef {
                case: self.case,
                position,
            }),
            _ => false,
        };
        compared && self.size.0 >= SIMILAR_PANE_MIN_WIDTH
    }

    fn text_width_for(&self, doc: Doc) -> u16 {
        if self.similar_pane_beside(doc) {
            self.size.0.saturating_sub(SIMILAR_PANE_WIDTH)
        } else {
            self.size.0
        }
    }

    /// The width the reader's text is laid out for.
    pub fn reader_text_width(&self) -> u16 {
        match &self.reader {
            Some(r) => self.text_width_for(r.doc),
            None => self.size.0,
        }
    }

    /// After the similarity arrives: the open position's relatives and passages.
    pub(crate) fn refresh_similar(&mut self) {
        if let Some(doc) = self.reader.as_ref().map(|r| r.doc) {
            let (relatives, passages) = self.similar_to(doc);
            if let Some(r) = self.reader.as_mut() {
                r.relatives = relatives;
                r.passages = passages;
            }
        }
    }

    /// The pane of similar texts: move, open, diff.
    fn update_similar(&mut self, action: Action) -> Vec<Effect> {
        let Some(r) = self.reader.as_mut() else {
            return Vec::new();
        };
        let items = r.similar_items();
        let cursor = r
            .similar_focus
            .unwrap_or(0)
            .min(items.len().saturating_sub(1));
        let me = r.position().map(|position| PosRef {
            case: self.case,
            position,
        });
        let target = |i: &SimilarItem| match *i {
            SimilarItem::Relative(rel) => (rel.other, 0),
            SimilarItem::Passage(pos, para, _) => (pos, para),
        };
        match action {
            Action::Down => r.similar_focus = Some((cursor + 1).min(items.len().saturating_sub(1))),
            Action::Up => r.similar_focus = Some(cursor.saturating_sub(1)),
            Action::Top => r.similar_focus = Some(0),
            Action::Bottom => r.similar_focus = Some(items.len().saturating_sub(1)),
            Action::Back | Action::ToggleSimilar => r.similar_focus = None,
            Action::Open => {
                if let Some((pos, para)) = items.get(cursor).map(target) {
                    self.go_to_case(pos.case);
                    self.history_clear();
                    self.open_doc(Doc::Position(pos.position), para);
                }
            }
            Action::DiffRelative | Action::DiffBase => {
                if let (Some((other, _)), Some(me)) = (items.get(cursor).map(target), me) {
                    self.open_diff(other, me);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// Diff the open position against its closest relative, or its family's base.
    fn diff_from_reader(&mut self, base: bool) {
        let Some(me) = self
            .reader
            .as_ref()
            .and_then(|r| r.position())
            .map(|position| PosRef {
                case: self.case,
                position,
            })
        else {
            return self.nothing_to_diff();
        };
        let Some(sim) = self.similarity.clone() else {
            let msg = self.lang.pick(
                "Still comparing the texts…",
                "Jämför fortfarande texterna …",
            );
            return self.notify(msg, false);
        };
        let relatives = sim.relatives(me);
        let other = if base {
            sim.family_of(me).and_then(|m| {
                let family = sim.families().get(m.family)?;
                if family.base != me {
                    return Some(family.base);
                }
                // This is the base: read the closest member against it.
                let closest =
                    family
                        .members
                        .iter()
                        .filter(|f| f.position != me)
                        .max_by(|a, b| {
                            a.in_base
                                .min(a.base_in)
                                .total_cmp(&b.in_base.min(b.base_in))
                        })?;
                self.notify(
                    self.lang.pick(
                        "This is its family's base: its closest member against it",
                        "Detta är familjens grundtext: närmaste medlem mot den",
                    ),
                    false,
                );
                self.open_diff(me, closest.position);
                None
            })
        } else {
            relatives.first().map(|r| r.other)
        };
        match other {
            Some(o) => self.open_diff(o, me),
            None if self.screen == Screen::Diff => {}
            None => self.nothing_to_diff(),
        }
    }

    fn nothing_to_diff(&mut self) {
        self.notify(
            self.lang.pick(
                "No similar text to compare with",
                "Ingen liknande text att jämföra med",
            ),
            false,
        );
    }

    /// Forget followed links (opening afresh from the matrix or the notes).
    pub(crate) fn history_clear(&mut self) {
        if let Some(r) = self.reader.as_mut() {
            r.history.clear();
        }
    }

    /// Open the position compatible with the older API: `open_doc(Doc::Position(p), 0)`.
    pub fn open_position(&mut self, position: usize) {
        self.open_doc(Doc::Position(position), 0);
    }

    pub(crate) fn update_reader(&mut self, action: Action) -> Vec<Effect> {
        if self
            .reader
            .as_ref()
            .is_some_and(|r| r.similar_focus.is_some())
        {
            return self.update_similar(action);
        }
        match action {
            Action::DiffRelative | Action::DiffBase => {
                self.diff_from_reader(action == Action::DiffBase);
                return Vec::new();
            }
            Action::NextHit | Action::PrevHit => {
                self.step_hit(action == Action::NextHit);
                return Vec::new();
            }
            Action::ToggleSimilar => {
                match self.reader.as_mut() {
                    Some(r) if !r.similar_items().is_empty() => r.similar_focus = Some(0),
                    _ => self.nothing_to_diff(),
                }
                return Vec::new();
            }
            _ => {}
        }
        let height = self.reader_height();
        let Some(r) = self.reader.as_mut() else {
            self.screen = Screen::Matrix;
            return Vec::new();
        };
        let case = &self.cases[self.case];
        let paras = layout::paragraphs(case, r.doc);
        let last_para = paras.len().saturating_sub(1);
        let max_top = r.lines.len().saturating_sub(height);
        if let Some(v) = r.visual.as_mut() {
            let count = |p: usize| paras.get(p).map_or(1, |(_, t)| sentences(t).len());
            match action {
                Action::Down => v.head = next_sentence(v.head, count(v.head.0), last_para),
                Action::Up => v.head = prev_sentence(v.head, count),
                Action::ParagraphDown if v.head.0 < last_para => v.head = (v.head.0 + 1, 0),
                Action::ParagraphDown => v.head.1 = count(v.head.0) - 1,
                Action::ParagraphUp if v.head.0 > 0 => {
                    v.head = (v.head.0 - 1, count(v.head.0 - 1) - 1);
                }
                Action::ParagraphUp => v.head.1 = 0,
                Action::Back | Action::ToggleVisual => r.visual = None,
                Action::CopyParagraph => return self.copy_selection(),
                Action::AddToNotes => return self.add_selection_to_notes(),
                _ => {}
            }
            if let Some(v) = r.visual {
                r.paragraph = v.head.0;
                r.keep_cursor_visible(height);
            }
            return Vec::new();
        }
        match action {
            Action::Down => {
                r.paragraph = (r.paragraph + 1).min(last_para);
                r.keep_cursor_visible(height);
            }
            Action::Up => {
                r.paragraph = r.paragraph.saturating_sub(1);
                r.keep_cursor_visible(height);
            }
            Action::LineDown => r.top = (r.top + 1).min(max_top),
            Action::LineUp => r.top = r.top.saturating_sub(1),
            Action::PageDown => {
                r.top = (r.top + height.saturating_sub(1).max(1)).min(max_top);
                r.cursor_to_visible(height);
            }
            Action::PageUp => {
                r.top = r.top.saturating_sub(height.saturating_sub(1).max(1));
                r.cursor_to_visible(height);
            }
            Action::Top => {
                r.paragraph = 0;
                r.top = 0;
            }
            Action::Bottom => {
                r.paragraph = last_para;
                r.top = max_top;
            }
            Action::ToggleVisual if !paras.is_empty() => {
                let p = r.paragraph.min(last_para);
                r.visual = Some(Visual {
                    anchor: (p, 0),
                    head: (p, 0),
                });
            }
            Action::CopyParagraph | Action::AddToNotes | Action::ToggleVisual => {
                r.visual = None;
                return match action {
                    Action::CopyParagraph => self.copy_selection(),
                    Action::AddToNotes => self.add_selection_to_notes(),
                    _ => {
                        self.nothing_to_quote();
                        Vec::new()
                    }
                };
            }
            Action::CopyPosition => {
                return match r.doc {
                    Doc::Position(p) => self.copy_whole(p),
                    Doc::CaseText => {
                        let text = case_text_whole(case);
                        vec![Effect::Copy(text)]
                    }
                };
            }
            Action::NextSameStance
            | Action::PrevSameStance
            | Action::NextSameParty
            | Action::PrevSameParty => {
                let forward = matches!(action, Action::NextSameStance | Action::NextSameParty);
                let by_party = matches!(action, Action::NextSameParty | Action::PrevSameParty);
                match r
                    .position()
                    .and_then(|p| sibling(case, p, forward, by_party))
                {
                    Some(next) => {
                        r.history.clear();
                        self.open_doc(Doc::Position(next), 0);
                    }
                    None => {
                        let msg = self.lang.pick(
                            "No further position of that kind",
                            "Inget fler av det slaget",
                        );
                        self.notify(msg, false);
                    }
                }
            }
            Action::FollowLink => {
                let target = r.position().and_then(|p| {
                    let pos = &case.positions[p];
                    pos.identical_to.or(pos.concurs_with)
                });
                match target {
                    Some(target) => {
                        let from = r.doc;
                        r.history.push(from);
                        self.open_doc(Doc::Position(target), 0);
                    }
                    None => self.notify(
                        self.lang
                            .pick("This position links nowhere", "Ingen länk här"),
                        false,
                    ),
                }
            }
            Action::OpenNotes => return self.open_notes(),
            Action::Back => match r.history.pop() {
                Some(previous) => self.open_doc(previous, 0),
                None => {
                    self.screen = Screen::Matrix;
                    self.reader = None;
                }
            },
            _ => {}
        }
        Vec::new()
    }

    /// The quote the reader would copy or add: the visual selection, else the cursor's
    /// paragraph.
    pub fn reader_quote(&self) -> Option<Quote> {
        let r = self.reader.as_ref()?;
        let case = self.current_case();
        let paras = layout::paragraphs(case, r.doc);
        let (from, to) = match r.visual.map(|v| v.span()) {
            Some(((p0, _), (p1, _))) => (p0, p1),
            None => (r.paragraph, r.paragraph),
        };
        let part = match r.visual {
            Some(_) => {
                let pieces: Vec<&str> = (from..=to)
                    .filter_map(|p| {
                        let range = r.selected_in(case, p)?;
                        paras.get(p)?.1.get(range).map(str::trim)
                    })
                    .collect();
                let whole = (from..=to).all(|p| {
                    r.selected_in(case, p)
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

    fn nothing_to_quote(&mut self) {
        self.notify(
            self.lang.pick("No text to quote", "Ingen text att citera"),
            true,
        );
    }

    fn copy_selection(&mut self) -> Vec<Effect> {
        let Some(q) = self.reader_quote() else {
            self.nothing_to_quote();
            return Vec::new();
        };
        if let Some(r) = self.reader.as_mut() {
            r.visual = None;
        }
        vec![Effect::Copy(citation::format_quote(&q.text, &q.citation))]
    }

    fn add_selection_to_notes(&mut self) -> Vec<Effect> {
        let Some(q) = self.reader_quote() else {
            self.nothing_to_quote();
            return Vec::new();
        };
        if let Some(r) = self.reader.as_mut() {
            r.visual = None;
        }
        let case = self.case;
        let effects = self.edit_notes(case, |n| {
            n.push(ItemKind::Quote(q));
        });
        let count = self.notes[case].notes.quotes().count();
        let msg = match self.lang {
            Lang::En if count == 1 => "Added to the notes (1 quote) · A opens them".to_string(),
            Lang::En => format!("Added to the notes ({count} quotes) · A opens them"),
            Lang::Sv => format!("Lagt i anteckningarna ({count} citat) · A öppnar dem"),
        };
        self.notify(msg, false);
        effects
    }
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
    use crate::model::load_bundled;

    fn app_on(id: &str) -> App {
        let mut app = App::new(vec![load_bundled()], Lang::En);
        app.update(Action::Resize(100, 30));
        let p = app.current_case().position_index(id).unwrap();
        app.open_position(p);
        app
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
        let mut app = app_on("socialnamnden/reservation/M");
        for a in [Action::ToggleVisual, Action::Down] {
            app.update(a);
        }
        let q = app.reader_quote().unwrap();
        assert_eq!(
            q.text,
            "Trygghet är inte bara statistik i en medborgarundersökning; det är den konkreta \
             upplevelsen hos stockholmare som rör sig i staden och sina bostadskvarter. När \
             hälften av invånarna i vissa stadsdelar känner otrygghet i sitt eget närområde krävs \
             kraftfulla åtgärder för att återta det offentliga rummet."
        );
        assert_eq!(q.paragraphs, (0, 0));
        let effects = app.update(Action::CopyParagraph);
        let [Effect::Copy(text)] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert!(text.starts_with("”Trygghet är inte bara statistik"));
        assert!(text.ends_with("offentliga rummet.” (Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121)"));
        assert!(app.reader.as_ref().unwrap().visual.is_none());
    }

    #[test]
    fn a_selection_over_whole_paragraphs_quotes_them_whole() {
        let mut app = app_on("socialnamnden/reservation/M");
        app.update(Action::ToggleVisual);
        app.update(Action::ParagraphDown);
        app.update(Action::ParagraphDown);
        let q = app.reader_quote().unwrap();
        assert_eq!(q.paragraphs, (0, 1));
        let case = app.current_case();
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        assert_eq!(q.text, case.text_of(i).join("\n\n"));
        // Back to the start shrinks it again; Esc ends it.
        app.update(Action::ParagraphUp);
        app.update(Action::ParagraphUp);
        app.update(Action::ParagraphUp);
        assert_eq!(app.reader_quote().unwrap().paragraphs, (0, 0));
        app.update(Action::Back);
        assert_eq!(app.screen, Screen::Reader);
        assert!(app.reader.as_ref().unwrap().visual.is_none());
    }

    #[test]
    fn case_text_paragraphs_copy_with_the_section_citation() {
        let mut app = App::new(vec![load_bundled()], Lang::Sv);
        app.update(Action::Resize(100, 30));
        app.update(Action::OpenCaseText);
        // Proposal (1 paragraph), then the summary.
        app.update(Action::Down);
        let effects = app.update(Action::CopyParagraph);
        let [Effect::Copy(text)] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert!(text.starts_with("”I en motion väckt i kommunfullmäktige"));
        assert!(text.ends_with("(Sammanfattning av ärendet, utlåtande 2026-04-29, KS 2025/1121)"));
    }
}
