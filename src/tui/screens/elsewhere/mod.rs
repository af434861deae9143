//! "This text elsewhere" (issue 12), opened from the reader (`e`): every case where the
//! cursor's paragraph (or, after `Tab`, the whole position) appears, identical or as a
//! variant, in date order, its first appearance marked ([`Similarity::elsewhere`]). `Enter`
//! reads a place, `d` diffs the text read against it.
//!
//! [`Similarity::elsewhere`]: crate::analysis::similarity::Similarity::elsewhere

pub mod view;

use super::Route;
use super::diff::DiffScreen;
use super::notes::NotesScreen;
use super::reader::{Doc, ReaderScreen};
use crate::analysis::similarity::{Elsewhere, Place, PosRef};
use crate::tui::action::{Action, Outcome};
use crate::tui::ctx::Ctx;

#[derive(Debug, Clone)]
pub struct ElsewhereScreen {
    /// The text asked about.
    pub me: PosRef,
    /// The reader's paragraph when it was opened.
    pub paragraph: usize,
    /// Whether the whole position is asked about (else the paragraph).
    pub whole: bool,
    pub found: Elsewhere,
    /// The cursor, over the places of every appearance in order (see [`Self::places`]).
    pub cursor: usize,
}

/// One line of the list: an appearance (by index) and a place in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub appearance: usize,
    pub place: usize,
}

impl ElsewhereScreen {
    /// Where paragraph `paragraph` of `me` appears; when it appears nowhere else, the whole
    /// text. Needs the similarity (the caller checks).
    pub fn open(ctx: &Ctx, me: PosRef, paragraph: usize) -> ElsewhereScreen {
        let mut s = ElsewhereScreen {
            me,
            paragraph,
            whole: false,
            found: Elsewhere::default(),
            cursor: 0,
        };
        s.query(ctx);
        if s.found.others().next().is_none() {
            s.whole = true;
            s.query(ctx);
        }
        s
    }

    fn query(&mut self, ctx: &Ctx) {
        let paragraph = (!self.whole).then_some(self.paragraph);
        self.found = ctx
            .similarity
            .map(|sim| sim.elsewhere(ctx.cases, self.me, paragraph))
            .unwrap_or_default();
        // Start on the first place in another case.
        let entries = self.entries();
        self.cursor = entries
            .iter()
            .position(|e| !self.found.appearances[e.appearance].this)
            .unwrap_or(0);
    }

    /// Every place of every appearance, in order.
    pub fn entries(&self) -> Vec<Entry> {
        self.found
            .appearances
            .iter()
            .enumerate()
            .flat_map(|(a, app)| {
                (0..app.places.len()).map(move |place| Entry {
                    appearance: a,
                    place,
                })
            })
            .collect()
    }

    /// The place under the cursor.
    pub fn selected(&self) -> Option<Place> {
        let e = *self.entries().get(self.cursor)?;
        Some(self.found.appearances[e.appearance].places[e.place])
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let last = self.entries().len().saturating_sub(1);
        let lang = ctx.lang;
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::NextPane => {
                self.whole = !self.whole;
                self.query(ctx);
            }
            Action::Open => {
                if let Some(p) = self.selected() {
                    let pos = p.position;
                    let r = ReaderScreen::open(
                        ctx,
                        pos.case,
                        Doc::Position(pos.position),
                        p.paragraph.unwrap_or(0),
                    );
                    return Outcome::push(Route::Reader(Box::new(r)));
                }
            }
            Action::DiffRelative => {
                return match self.selected() {
                    Some(p) if p.position == self.me => Outcome::say(lang.pick(
                        "This is the text itself; choose another place",
                        "Detta är texten själv; välj ett annat ställe",
                    )),
                    Some(p) => {
                        let d = DiffScreen::open(ctx, p.position.case, p.position, self.me);
                        Outcome::push(Route::Diff(Box::new(d)))
                    }
                    None => Outcome::none(),
                };
            }
            Action::OpenNotes => return NotesScreen::open(self.me.case),
            Action::Back => return Outcome::pop(),
            _ => {}
        }
        Outcome::none()
    }
}
