//! The matrix screen: moving over bodies × stances (or parties), or, where the case has
//! decision points, points × parties; picking a position in a cell, and opening it.

pub mod view;

use super::Route;
use super::notes::NotesScreen;
use super::reader::{Doc, ReaderScreen};
use super::review::ReviewScreen;
use crate::model::citation;
use crate::model::matrix::{Column, Lens};
use crate::tui::action::{Action, Effect, Outcome};
use crate::tui::ctx::Ctx;

/// Which part of the matrix screen has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Matrix,
    /// The positions of the selected cell, with a preview.
    Cell,
}

#[derive(Debug, Clone)]
pub struct MatrixScreen {
    /// Index into the loaded cases.
    pub case: usize,
    pub row: usize,
    pub col: usize,
    /// The lens of the bodies' matrix.
    pub lens: Lens,
    /// The points lens: rows are the rows of [`crate::model::Case::point_matrix`] (the
    /// decision points, then the positions naming no point), columns its parties. Only where
    /// the case has points.
    pub by_point: bool,
    /// The body row to return to when the points lens is left.
    body_row: usize,
    pub show_empty: bool,
    pub focus: Pane,
    /// Which position of the selected cell is chosen.
    pub pick: usize,
}

impl MatrixScreen {
    /// The matrix of case `case`, on its first cell.
    pub fn new(case: usize) -> MatrixScreen {
        MatrixScreen {
            case,
            row: 0,
            col: 0,
            lens: Lens::Stance,
            by_point: false,
            body_row: 0,
            show_empty: false,
            focus: Pane::Matrix,
            pick: 0,
        }
    }

    /// The matrix's columns under the current lens (the points lens: the parties of the
    /// points matrix).
    pub fn columns(&self, ctx: &Ctx) -> Vec<Column> {
        let case = ctx.case(self.case);
        if self.by_point {
            return ctx
                .derived(self.case)
                .points
                .parties
                .iter()
                .cloned()
                .map(Column::Party)
                .collect();
        }
        case.columns(self.lens, self.show_empty)
    }

    /// How many rows the matrix has: bodies, or the points matrix's rows.
    pub fn rows(&self, ctx: &Ctx) -> usize {
        let case = ctx.case(self.case);
        if self.by_point {
            ctx.derived(self.case).points.rows.len()
        } else {
            case.bodies.len()
        }
    }

    /// The positions of the selected cell.
    pub fn selected_cell(&self, ctx: &Ctx) -> Vec<usize> {
        let case = ctx.case(self.case);
        if self.by_point {
            return ctx
                .derived(self.case)
                .points
                .rows
                .get(self.row)
                .and_then(|r| r.cells.get(self.col))
                .map(|c| c.marks.iter().map(|m| m.position).collect())
                .unwrap_or_default();
        }
        match self.columns(ctx).get(self.col) {
            Some(col) => case.cell_of(self.row, col),
            None => Vec::new(),
        }
    }

    /// The next lens: stances, parties, then (where the case has decision points) points ×
    /// parties, and round again. The body row is kept across the points lens.
    fn next_lens(&mut self, ctx: &Ctx) {
        let has_points = !ctx.case(self.case).points.is_empty();
        if self.by_point {
            self.by_point = false;
            self.lens = Lens::Stance;
            self.row = self.body_row;
        } else if self.lens == Lens::Party && has_points {
            self.by_point = true;
            self.body_row = self.row;
            self.row = 0;
        } else {
            self.lens = self.lens.other();
        }
        self.col = 0;
    }

    /// The position the selection points at.
    pub fn selected_position(&self, ctx: &Ctx) -> Option<usize> {
        let cell = self.selected_cell(ctx);
        cell.get(self.pick.min(cell.len().saturating_sub(1)))
            .copied()
    }

    /// The party of the selected party-lens column, when its stance in the selected body is
    /// inferred from `position` (the majority's decision naming no party).
    fn inferred_party(&self, ctx: &Ctx, position: usize) -> Option<String> {
        if self.by_point || self.lens != Lens::Party {
            return None;
        }
        let Some(Column::Party(party)) = self.columns(ctx).get(self.col).cloned() else {
            return None;
        };
        ctx.case(self.case)
            .party_stances(self.row, &party)
            .iter()
            .any(|s| s.inferred && s.position == position)
            .then_some(party)
    }

    /// Back from reading a position: the selection follows it to its body.
    pub fn returned_from(&mut self, reader: &ReaderScreen, ctx: &Ctx) {
        let case = ctx.case(self.case);
        let Some(p) = reader.position().filter(|_| reader.case == self.case) else {
            return;
        };
        let Some(position) = case.positions.get(p) else {
            return;
        };
        if self.by_point {
            // To the position's point, or to the row of positions naming no point.
            let rows = self.rows(ctx);
            self.row = position
                .points
                .first()
                .copied()
                .unwrap_or(rows.saturating_sub(1))
                .min(rows.saturating_sub(1));
        } else {
            self.row = position.body;
        }
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let rows = self.rows(ctx);
        let cols = self.columns(ctx).len();
        let outcome = match (action, self.focus) {
            (Action::Up, Pane::Cell) => {
                self.pick = self.pick.saturating_sub(1);
                Outcome::none()
            }
            (Action::Down, Pane::Cell) => {
                self.pick += 1;
                Outcome::none()
            }
            (Action::Up, _) => {
                self.row = self.row.saturating_sub(1);
                Outcome::none()
            }
            (Action::Down, _) => {
                self.row = (self.row + 1).min(rows.saturating_sub(1));
                Outcome::none()
            }
            (Action::Left, _) => {
                self.col = self.col.saturating_sub(1);
                Outcome::none()
            }
            (Action::Right, _) => {
                self.col = (self.col + 1).min(cols.saturating_sub(1));
                Outcome::none()
            }
            (Action::Top, _) => {
                self.row = 0;
                Outcome::none()
            }
            (Action::Bottom, _) => {
                self.row = rows.saturating_sub(1);
                Outcome::none()
            }
            (Action::NextPane, Pane::Matrix) => {
                self.focus = Pane::Cell;
                Outcome::none()
            }
            (Action::NextPane | Action::Back, Pane::Cell) => {
                self.focus = Pane::Matrix;
                Outcome::none()
            }
            (Action::ToggleLens, _) => {
                self.next_lens(ctx);
                Outcome::none()
            }
            (Action::ToggleEmpty, _) => {
                self.show_empty = !self.show_empty;
                Outcome::none()
            }
            (Action::Back, Pane::Matrix) => Outcome::pop(),
            (Action::Open, _) => match self.selected_position(ctx) {
                Some(p) => {
                    let mut r = ReaderScreen::open(ctx, self.case, Doc::Position(p), 0);
                    if let Some(party) = self.inferred_party(ctx, p) {
                        r = r.inferred_for(ctx, party);
                    }
                    Outcome::push(Route::Reader(Box::new(r)))
                }
                None => Outcome::say(ctx.lang.pick("This cell is empty", "Cellen är tom")),
            },
            (Action::OpenCaseText, _) => {
                let r = ReaderScreen::open(ctx, self.case, Doc::CaseText, 0);
                Outcome::push(Route::Reader(Box::new(r)))
            }
            (Action::OpenNotes, _) => NotesScreen::open(self.case),
            (Action::OpenReview, _) if has_review(ctx.case(self.case)) => Outcome {
                effects: vec![Effect::ReadSource { case: self.case }],
                ..Outcome::push(Route::Review(ReviewScreen::new(self.case)))
            },
            (Action::OpenReview, _) => Outcome::say(ctx.lang.pick(
                "Nothing imported to review in this case",
                "Inget importerat att granska i det här ärendet",
            )),
            (Action::CopyPosition, _) => match self.selected_position(ctx) {
                Some(p) => copy_whole(ctx, self.case, p),
                None => Outcome::none(),
            },
            _ => Outcome::none(),
        };
        // Keep the pick inside the (possibly new) cell, and the column inside the columns.
        let n = self.selected_cell(ctx).len();
        self.pick = self.pick.min(n.saturating_sub(1));
        let cols = self.columns(ctx).len();
        if self.col >= cols {
            self.col = cols.saturating_sub(1);
        }
        self.row = self.row.min(self.rows(ctx).saturating_sub(1));
        outcome
    }
}

/// Whether a case has anything an import inferred (evidence) or could not place: what the
/// review screen is for.
pub fn has_review(case: &crate::model::Case) -> bool {
    case.bodies.iter().any(|b| !b.evidence.is_empty())
        || case.positions.iter().any(|p| !p.evidence.is_empty())
        || !crate::review::unplaced(case).is_empty()
}

/// Copy a whole position with its citation (an error when it has no text).
pub fn copy_whole(ctx: &Ctx, case: usize, position: usize) -> Outcome {
    let c = ctx.case(case);
    if c.text_of(position).is_empty() {
        return Outcome::error(ctx.lang.pick("No text to copy", "Ingen text att kopiera"));
    }
    Outcome::effect(Effect::Copy(citation::whole(c, position)))
}
