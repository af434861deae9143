//! For unit tests of screens and overlays: the bundled case with its similarity, notes books,
//! and a context to update them with, without the app.

use super::action::Outcome;
use super::book::NotesBook;
use super::ctx::{Ctx, Derived};
use super::frame::{Areas, ScreenAreas};
use super::keymap::Keymap;
use super::screens::Screen;
use crate::analysis::similarity::{Options, Similarity};
use crate::i18n::Lang;
use crate::model::{Case, load_bundled};
use crate::notes::Notes;
use ratatui::layout::Rect;

pub struct Harness {
    pub cases: Vec<Case>,
    pub derived: Vec<Derived>,
    pub similarity: Similarity,
    pub notes: Vec<NotesBook>,
    pub lang: Lang,
    pub size: (u16, u16),
    pub keys: Keymap,
}

impl Harness {
    /// The bundled case at `w`×`h`.
    pub fn new(lang: Lang, w: u16, h: u16) -> Harness {
        Harness::on(vec![load_bundled()], lang, w, h)
    }

    /// `cases` at `w`×`h`.
    pub fn on(cases: Vec<Case>, lang: Lang, w: u16, h: u16) -> Harness {
        let similarity = Similarity::build(&cases, &Options::default());
        let notes = cases
            .iter()
            .map(|c| NotesBook::new(Notes::for_case(c), None))
            .collect();
        Harness {
            derived: Derived::all(&cases, lang),
            cases,
            similarity,
            notes,
            lang,
            size: (w, h),
            keys: Keymap::default(),
        }
    }

    /// The context a screen of kind `screen` gets.
    pub fn ctx(&self, screen: Screen) -> Ctx<'_> {
        let main = Rect::new(0, 0, self.size.0, self.size.1.saturating_sub(1));
        Ctx {
            cases: &self.cases,
            derived: &self.derived,
            similarity: Some(&self.similarity),
            lang: self.lang,
            notes: &self.notes,
            size: self.size,
            areas: Areas {
                too_small: false,
                main,
                status: Rect::new(0, main.height, self.size.0, 1),
                screen: ScreenAreas::Whole(main),
                overlay: None,
            },
            screen,
            stack: 2,
            indexed: true,
            keys: &self.keys,
            index: None,
        }
    }

    /// A position of the bundled case, by id.
    pub fn position(&self, id: &str) -> usize {
        self.cases[0].position_index(id).unwrap()
    }

    /// Apply an outcome's edits of the notes, as the app does.
    pub fn apply_notes(&mut self, outcome: &Outcome) {
        for edit in &outcome.notes {
            self.notes[edit.case].apply(edit.op.clone(), &self.cases[edit.case]);
        }
    }
}

/// The text an outcome copies (panics when it copies nothing).
pub fn copied(outcome: &Outcome) -> &str {
    match outcome.effects.as_slice() {
        [super::action::Effect::Copy(text)] => text,
        other => panic!("{other:?}"),
    }
}

/// The status message of an outcome ("" when none).
pub fn said(outcome: &Outcome) -> &str {
    outcome.status.as_ref().map_or("", |s| s.text.as_str())
}
