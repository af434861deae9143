//! The app's state and its one update function: `update(action) -> effects`. Pure: no I/O, no
//! terminal; the loop in `super::run` performs the effects.

use super::action::{Action, CopyOutcome, Effect};
use super::reader::{self, ReaderLine};
use crate::export::citation;
use crate::export::matrix::Lens;
use crate::i18n::Lang;
use crate::model::{Case, Stance};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The list of loaded cases (first screen when there are several).
    Cases,
    /// Bodies × stances (or parties) of one case.
    Matrix,
    /// One position in full.
    Reader,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Matrix,
    /// The positions of the selected cell, with a preview.
    Cell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

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

#[derive(Debug, Clone)]
pub struct ReaderState {
    pub position: usize,
    /// The paragraph cursor (index into the position's text).
    pub paragraph: usize,
    /// First visible line of `lines`.
    pub top: usize,
    /// The position laid out for the current width.
    pub lines: Vec<ReaderLine>,
}

/// A column of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Stance(Stance),
    Party(String),
}

pub struct App {
    pub cases: Vec<Case>,
    pub lang: Lang,
    pub screen: Screen,
    pub case: usize,
    pub case_cursor: usize,
    pub matrix: MatrixState,
    pub reader: Option<ReaderState>,
    pub help: bool,
    pub status: Option<Status>,
    pub quit: bool,
    /// Terminal size, from the last resize.
    pub size: (u16, u16),
    /// Positions visited before the current one, for Esc after following a link.
    history: Vec<usize>,
}

impl App {
    pub fn new(cases: Vec<Case>, lang: Lang) -> App {
        let screen = if cases.len() == 1 {
            Screen::Matrix
        } else {
            Screen::Cases
        };
        App {
            cases,
            lang,
            screen,
            case: 0,
            case_cursor: 0,
            matrix: MatrixState {
                row: 0,
                col: 0,
                lens: Lens::Stance,
                show_empty: false,
                focus: Pane::Matrix,
                pick: 0,
            },
            reader: None,
            help: false,
            status: None,
            quit: false,
            size: (80, 24),
            history: Vec::new(),
        }
    }

    pub fn current_case(&self) -> &Case {
        &self.cases[self.case]
    }

    /// The matrix's columns under the current lens.
    pub fn columns(&self) -> Vec<Column> {
        let case = self.current_case();
        match self.matrix.lens {
            Lens::Stance => {
                let stances = if self.matrix.show_empty {
                    Stance::ALL.to_vec()
                } else {
                    case.used_stances()
                };
                stances.into_iter().map(Column::Stance).collect()
            }
            Lens::Party => case
                .active_parties()
                .into_iter()
                .map(|p| Column::Party(p.to_string()))
                .collect(),
        }
    }

    /// Positions in the cell (body `row`, column `col`).
    pub fn cell_positions(&self, row: usize, col: &Column) -> Vec<usize> {
        let case = self.current_case();
        match col {
            Column::Stance(s) => case.cell(row, *s),
            Column::Party(p) => case
                .party_stances(row, p)
                .iter()
                .map(|s| s.position)
                .collect(),
        }
    }

    /// The positions of the selected cell.
    pub fn selected_cell(&self) -> Vec<usize> {
        let cols = self.columns();
        match cols.get(self.matrix.col) {
            Some(col) => self.cell_positions(self.matrix.row, col),
            None => Vec::new(),
        }
    }

    /// The position the matrix selection points at.
    pub fn selected_position(&self) -> Option<usize> {
        let cell = self.selected_cell();
        cell.get(self.matrix.pick.min(cell.len().saturating_sub(1)))
            .copied()
    }

    /// Lines of the reader that fit between the title and the status bar.
    pub fn reader_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(2)).max(1)
    }

    fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Apply an action; return the effects the loop must perform.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if !matches!(action, Action::Resize(..) | Action::Copied(_)) {
            self.status = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.help = !self.help,
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
            }
            Action::Copied(outcome) => {
                let (text, error) = match outcome {
                    CopyOutcome::System => {
                        (self.lang.pick("Copied", "Kopierat").to_string(), false)
                    }
                    CopyOutcome::Osc52 => (
                        self.lang
                            .pick(
                                "Sent to the terminal (OSC 52)",
                                "Skickat till terminalen (OSC 52)",
                            )
                            .to_string(),
                        false,
                    ),
                    CopyOutcome::Failed(why) => (
                        format!(
                            "{}: {why}",
                            self.lang.pick("Copy failed", "Kopieringen misslyckades")
                        ),
                        true,
                    ),
                };
                self.notify(text, error);
            }
            _ if self.help => {
                if action == Action::Back {
                    self.help = false;
                }
            }
            _ => return self.update_screen(action),
        }
        Vec::new()
    }

    fn update_screen(&mut self, action: Action) -> Vec<Effect> {
        match self.screen {
            Screen::Cases => self.update_cases(action),
            Screen::Matrix => return self.update_matrix(action),
            Screen::Reader => return self.update_reader(action),
        }
        Vec::new()
    }

    fn update_cases(&mut self, action: Action) {
        let last = self.cases.len().saturating_sub(1);
        match action {
            Action::Up => self.case_cursor = self.case_cursor.saturating_sub(1),
            Action::Down => self.case_cursor = (self.case_cursor + 1).min(last),
            Action::Top => self.case_cursor = 0,
            Action::Bottom => self.case_cursor = last,
            Action::Open => {
                self.case = self.case_cursor;
                self.matrix.row = 0;
                self.matrix.col = 0;
                self.matrix.pick = 0;
                self.screen = Screen::Matrix;
            }
            _ => {}
        }
    }

    fn update_matrix(&mut self, action: Action) -> Vec<Effect> {
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
                m.lens = if m.lens == Lens::Stance {
                    Lens::Party
                } else {
                    Lens::Stance
                };
                m.col = 0;
            }
            (Action::ToggleEmpty, _) => m.show_empty = !m.show_empty,
            (Action::Back, Pane::Cell) => m.focus = Pane::Matrix,
            (Action::Back, Pane::Matrix) if self.cases.len() > 1 => self.screen = Screen::Cases,
            (Action::Open, _) => match self.selected_position() {
                Some(p) if !self.current_case().text_of(p).is_empty() || self.is_linked(p) => {
                    self.history.clear();
                    self.open_position(p);
                }
                Some(p) => self.open_position(p),
                None => self.notify(self.lang.pick("This cell is empty", "Cellen är tom"), false),
            },
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

    fn is_linked(&self, p: usize) -> bool {
        let pos = &self.current_case().positions[p];
        pos.identical_to.is_some() || pos.concurs_with.is_some()
    }

    /// Open a position in the reader.
    pub fn open_position(&mut self, position: usize) {
        let lines = reader::layout(self.current_case(), position, self.size.0, self.lang);
        self.reader = Some(ReaderState {
            position,
            paragraph: 0,
            top: 0,
            lines,
        });
        self.screen = Screen::Reader;
        // Keep the matrix selection on the opened position.
        let body = self.current_case().positions[position].body;
        self.matrix.row = body;
    }

    fn relayout(&mut self) {
        let (width, lang) = (self.size.0, self.lang);
        let height = self.reader_height();
        if let Some(r) = self.reader.as_mut() {
            r.lines = reader::layout(&self.cases[self.case], r.position, width, lang);
            r.top = r.top.min(r.lines.len().saturating_sub(1));
            keep_cursor_visible(r, height);
        }
    }

    fn update_reader(&mut self, action: Action) -> Vec<Effect> {
        let height = self.reader_height();
        let Some(r) = self.reader.as_mut() else {
            self.screen = Screen::Matrix;
            return Vec::new();
        };
        let case = &self.cases[self.case];
        let paragraphs = case.text_of(r.position).len();
        let last_para = paragraphs.saturating_sub(1);
        let max_top = r.lines.len().saturating_sub(height);
        match action {
            Action::Down => {
                r.paragraph = (r.paragraph + 1).min(last_para);
                keep_cursor_visible(r, height);
            }
            Action::Up => {
                r.paragraph = r.paragraph.saturating_sub(1);
                keep_cursor_visible(r, height);
            }
            Action::LineDown => r.top = (r.top + 1).min(max_top),
            Action::LineUp => r.top = r.top.saturating_sub(1),
            Action::PageDown => {
                r.top = (r.top + height.saturating_sub(1).max(1)).min(max_top);
                cursor_to_visible(r, height);
            }
            Action::PageUp => {
                r.top = r.top.saturating_sub(height.saturating_sub(1).max(1));
                cursor_to_visible(r, height);
            }
            Action::Top => {
                r.paragraph = 0;
                r.top = 0;
            }
            Action::Bottom => {
                r.paragraph = last_para;
                r.top = max_top;
            }
            Action::CopyParagraph => {
                let position = r.position;
                return match case.text_of(position).get(r.paragraph) {
                    Some(text) => vec![Effect::Copy(citation::quote(case, position, text))],
                    None => {
                        self.notify(
                            self.lang.pick("No text to copy", "Ingen text att kopiera"),
                            true,
                        );
                        Vec::new()
                    }
                };
            }
            Action::CopyPosition => {
                let position = r.position;
                return self.copy_whole(position);
            }
            Action::NextSameStance
            | Action::PrevSameStance
            | Action::NextSameParty
            | Action::PrevSameParty => {
                let forward = matches!(action, Action::NextSameStance | Action::NextSameParty);
                let by_party = matches!(action, Action::NextSameParty | Action::PrevSameParty);
                match sibling(case, r.position, forward, by_party) {
                    Some(next) => self.open_position(next),
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
                let pos = &case.positions[r.position];
                match pos.identical_to.or(pos.concurs_with) {
                    Some(target) => {
                        let from = r.position;
                        self.history.push(from);
                        self.open_position(target);
                    }
                    None => self.notify(
                        self.lang
                            .pick("This position links nowhere", "Ingen länk här"),
                        false,
                    ),
                }
            }
            Action::Back => match self.history.pop() {
                Some(previous) => self.open_position(previous),
                None => {
                    self.screen = Screen::Matrix;
                    self.reader = None;
                }
            },
            _ => {}
        }
        Vec::new()
    }

    fn copy_whole(&mut self, position: usize) -> Vec<Effect> {
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

/// Scroll so that the cursor paragraph's first line is visible.
fn keep_cursor_visible(r: &mut ReaderState, height: usize) {
    let Some(first) = r
        .lines
        .iter()
        .position(|l| l.paragraph == Some(r.paragraph))
    else {
        return;
    };
    let last = r
        .lines
        .iter()
        .rposition(|l| l.paragraph == Some(r.paragraph))
        .unwrap_or(first);
    if first < r.top {
        r.top = first;
    } else if last >= r.top + height {
        // Show the whole paragraph if it fits, else its start.
        r.top = if last - first < height {
            last + 1 - height
        } else {
            first
        };
    }
    if r.paragraph == 0 && first < height {
        r.top = 0;
    }
}

/// After a page scroll, put the cursor on the first paragraph that starts on screen.
fn cursor_to_visible(r: &mut ReaderState, height: usize) {
    let visible = r.top..r.top + height;
    let on_screen = |p: usize| {
        r.lines
            .iter()
            .enumerate()
            .any(|(i, l)| l.paragraph == Some(p) && visible.contains(&i))
    };
    if !on_screen(r.paragraph) {
        if let Some(p) = r.lines[r.top.min(r.lines.len())..]
            .iter()
            .find_map(|l| l.paragraph)
        {
            r.paragraph = p;
        }
    }
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
