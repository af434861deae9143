//! The case list, shown first when several cases are loaded: move, open a case's matrix, or
//! its notes.

pub mod view;

use super::Route;
use super::crosscase::CrossCaseScreen;
use super::matrix::MatrixScreen;
use super::notes::NotesScreen;
use crate::tui::action::{Action, Outcome};
use crate::tui::ctx::Ctx;

#[derive(Debug, Clone, Default)]
pub struct CasesScreen {
    /// The case under the cursor.
    pub cursor: usize,
}

impl CasesScreen {
    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        if ctx.cases.is_empty() {
            // Still reading the folder (or nothing could be read): nothing to open yet.
            return Outcome::none();
        }
        let last = ctx.cases.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Open => return Outcome::push(Route::Matrix(MatrixScreen::new(self.cursor))),
            Action::OpenNotes => return NotesScreen::open(self.cursor),
            Action::OpenCrossCase => {
                let screen = CrossCaseScreen::open(ctx);
                return Outcome::push(Route::CrossCase(Box::new(screen)));
            }
            _ => {}
        }
        Outcome::none()
    }
}
