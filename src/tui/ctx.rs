//! What a screen or an overlay may read while it updates or draws: the loaded cases, the
//! similarity once built, the language, the notes books, the terminal's size and the areas of
//! the frame. Read-only: a screen changes only its own state and answers with an
//! [`Outcome`](super::action::Outcome) for the rest.

use super::book::NotesBook;
use super::frame::Areas;
use super::keymap::Keymap;
use super::screens::Screen;
use crate::analysis::search::Index;
use crate::analysis::similarity::{PosRef, Similarity};
use crate::i18n::Lang;
use crate::model::Case;
use crate::model::points::PointMatrix;
use ratatui::layout::Rect;

/// What the screens show of a case that is a function of the case alone: computed once when
/// the cases are loaded, and again for a case a review replaced, never while drawing (the
/// case list of 500 cases and the points lens read them every frame).
#[derive(Debug, Clone)]
pub struct Derived {
    /// The one-line summary ([`Lang::summary`]), in the app's language.
    pub summary: String,
    /// The points × parties matrix ([`Case::point_matrix`]); no rows without points.
    pub points: PointMatrix,
}

impl Derived {
    pub fn of(case: &Case, lang: Lang) -> Derived {
        Derived {
            summary: lang.summary(case),
            points: case.point_matrix(),
        }
    }

    /// [`Derived::of`] every case, in their order.
    pub fn all(cases: &[Case], lang: Lang) -> Vec<Derived> {
        cases.iter().map(|c| Derived::of(c, lang)).collect()
    }
}

pub struct Ctx<'a> {
    pub cases: &'a [Case],
    /// What is derived from each case (same order as `cases`).
    pub derived: &'a [Derived],
    /// Families and relations of the positions' texts, once built (in the background).
    pub similarity: Option<&'a Similarity>,
    pub lang: Lang,
    /// Each case's notes (same order as `cases`).
    pub notes: &'a [NotesBook],
    /// The terminal's size: columns, rows.
    pub size: (u16, u16),
    /// The frame's areas for the screen on top and the overlay (see [`super::frame::areas`]).
    pub areas: Areas,
    /// Which screen is on top, and how many screens the navigation stack holds.
    pub screen: Screen,
    pub stack: usize,
    /// Whether searches can be answered yet (the index is built in the background).
    pub indexed: bool,
    /// The keys (the user's), for texts that name one.
    pub keys: &'a Keymap,
    /// The search index of the cases, once built (for filters that run at once).
    pub index: Option<&'a Index>,
}

impl Ctx<'_> {
    /// Case `i` of the loaded cases. Screens only hold indices they were given by the app or
    /// found in the cases, so `i` is in range.
    pub fn case(&self, i: usize) -> &Case {
        &self.cases[i]
    }

    /// What is derived from case `i` (its summary, its points matrix).
    pub fn derived(&self, i: usize) -> &Derived {
        &self.derived[i]
    }

    /// A text with `{action}` / `{mode:action}` placeholders, naming the keys the user has
    /// for them in `mode` (see [`Keymap::fill`]).
    pub fn keys_in(&self, mode: super::keymap::Mode, text: &str) -> String {
        self.keys.fill(mode, text)
    }

    /// The area screens are drawn in: the whole frame above the status bar.
    pub fn main(&self) -> Rect {
        self.areas.main
    }

    /// The family mark of a position (`A`, `A′`), once the similarity is built.
    pub fn family_mark(&self, case: usize, position: usize) -> Option<String> {
        let mark = self.similarity?.family_of(PosRef { case, position })?;
        Some(mark.to_string())
    }
}
