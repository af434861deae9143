//! The matrix screen: moving over bodies × stances (or parties), picking a position in a
//! cell, and opening it.

use crate::model::citation;
use crate::model::matrix::Lens;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Pane, Screen};
use crate::tui::layout::Doc;

#[derive(Debug, Clone)]
pub struct MatrixState {
    pub row: usize,
    pub col: usize,
    pub lens: Lens,
    pub show_empty: bool,
    pub focus: Pane,
    /// Which position of the selected cell is chosen.
    pub pick: usize,
}

impl Default for MatrixState {
    fn default() -> Self {
        MatrixState {
            row: 0,
            col: 0,
            lens: Lens::Stance,
            show_empty: false,
            focus: Pane::Matrix,
            pick: 0,
        }
    }
}

impl App {
    pub(crate) fn update_matrix(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.current_case().bodies.len();
        let cols = self.columns().len();
        let m = &mut self.matrix;
        match (action, m.focus) {
            (Action::Up, Pane::Cell) => m.pick = m.pick.saturating_sub(1),
            (Action::Down, Pane::Cell) => m.pick += 1,
            (Action::Up, _) => m.row = m.row.saturating_sub(1),
            (Action::Down, _) => m.row = (m.row + 1).min(rows.saturating_sub(1)),
            (Action::Left, _) => m.col = m.col.saturating_sub(1),
            (Action::Right, _) => m.col = (m.col + 1).min(cols.saturating_sub(1)),
            (Action::Top, _) => m.row = 0,
            (Action::Bottom, _) => m.row = rows.saturating_sub(1),
            (Action::NextPane, Pane::Matrix) => m.focus = Pane::Cell,
            (Action::NextPane, Pane::Cell) => m.focus = Pane::Matrix,
            (Action::ToggleLens, _) => {
                m.lens = m.lens.other();
                m.col = 0;
            }
            (Action::ToggleEmpty, _) => m.show_empty = !m.show_empty,
            (Action::Back, Pane::Cell) => m.focus = Pane::Matrix,
            (Action::Back, Pane::Matrix) if self.cases.len() > 1 => self.screen = Screen::Cases,
            (Action::Open, _) => match self.selected_position() {
                Some(p) => {
                    self.history_clear();
                    self.open_doc(Doc::Position(p), 0);
                }
                None => self.notify(self.lang.pick("This cell is empty", "Cellen är tom"), false),
            },
            (Action::OpenCaseText, _) => {
                self.history_clear();
                self.open_doc(Doc::CaseText, 0);
            }
            (Action::OpenNotes, _) => return self.open_notes(),
            (Action::CopyPosition, _) => {
                if let Some(p) = self.selected_position() {
                    return self.copy_whole(p);
                }
            }
            _ => {}
        }
        // Keep the pick inside the (possibly new) cell.
        let n = self.selected_cell().len();
        self.matrix.pick = self.matrix.pick.min(n.saturating_sub(1));
        if self.matrix.col >= self.columns().len() {
            self.matrix.col = self.columns().len().saturating_sub(1);
        }
        Vec::new()
    }

    /// Copy a whole position with its citation.
    pub(crate) fn copy_whole(&mut self, position: usize) -> Vec<Effect> {
        let case = self.current_case();
        if case.text_of(position).is_empty() {
            self.notify(
                self.lang.pick("No text to copy", "Ingen text att kopiera"),
                true,
            );
            return Vec::new();
        }
        vec![Effect::Copy(citation::whole(case, position))]
    }
}
