//! The app's state and its one update function: `update(action) -> effects`. Pure: no I/O, no
//! terminal; the shell performs the effects. Each screen's state and update live in
//! `super::screen::*`; this module holds what they share and dispatches to them.

use super::action::{Action, CopyOutcome, Effect, Shared, WriteOutcome};
use super::screen::diff::DiffState;
use super::screen::matrix::MatrixState;
use super::screen::notes::{NotesBook, NotesView};
use super::screen::prompt::Prompt;
use super::screen::reader::ReaderState;
use super::screen::search::SearchState;
use crate::analysis::similarity::Similarity;
use crate::i18n::Lang;
use crate::model::Case;
use crate::model::matrix::Column;
use crate::notes::Notes;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The list of loaded cases (first screen when there are several).
    Cases,
    /// Bodies × stances (or parties) of one case.
    Matrix,
    /// One position, or the case's own texts, in full.
    Reader,
    /// The case's debate notes.
    Notes,
    /// Two positions' texts with their word-level differences.
    Diff,
}

/// What keys mean right now: an overlay, a mode of a screen, or the screen itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Help,
    /// Typing a line of text (a heading, a comment).
    Prompt,
    /// A yes/no question.
    Confirm,
    /// Selecting sentences in the reader.
    Visual,
    /// The reader's pane of similar texts has the focus.
    Similar,
    /// Typing a search query (the overlay is open).
    Search,
    /// Moving over the search hits (the overlay is open).
    SearchList,
    Screen(Screen),
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

pub struct App {
    /// The loaded cases (shared with background work).
    pub cases: Arc<Vec<Case>>,
    /// Families and relations of the positions' texts, once built.
    pub similarity: Option<Arc<Similarity>>,
    pub lang: Lang,
    pub screen: Screen,
    pub case: usize,
    pub case_cursor: usize,
    pub matrix: MatrixState,
    pub reader: Option<ReaderState>,
    /// The diff screen's state, while one is open.
    pub diff: Option<DiffState>,
    /// Each case's debate notes (same order as `cases`).
    pub notes: Vec<NotesBook>,
    pub notes_view: NotesView,
    /// A line of text being typed, or a question, over the screen.
    pub prompt: Option<Prompt>,
    /// The search overlay, its query and its hits.
    pub search: SearchState,
    /// Whether searches can be answered yet (the index is built in the background).
    pub indexed: bool,
    pub help: bool,
    pub status: Option<Status>,
    pub quit: bool,
    /// Terminal size, from the last resize.
    pub size: (u16, u16),
}

impl App {
    pub fn new(cases: Vec<Case>, lang: Lang) -> App {
        let screen = if cases.len() == 1 {
            Screen::Matrix
        } else {
            Screen::Cases
        };
        let notes = cases
            .iter()
            .map(|c| NotesBook::new(Notes::for_case(c), None))
            .collect();
        App {
            cases: Arc::new(cases),
            similarity: None,
            lang,
            screen,
            case: 0,
            case_cursor: 0,
            matrix: MatrixState::default(),
            reader: None,
            diff: None,
            notes,
            notes_view: NotesView::default(),
            prompt: None,
            search: SearchState::default(),
            indexed: false,
            help: false,
            status: None,
            quit: false,
            size: (80, 24),
        }
    }

    /// Give each case the notes read from its notes file (same order as the cases).
    pub fn with_notes(mut self, notes: Vec<(Notes, PathBuf)>) -> App {
        for (book, (n, path)) in self.notes.iter_mut().zip(notes) {
            *book = NotesBook::new(n, Some(path));
        }
        for i in 0..self.notes.len() {
            self.notes[i].refresh_stale(&self.cases[i]);
        }
        self
    }

    /// Give the app the similarity of its positions (built by the shell).
    pub fn with_similarity(mut self, sim: Similarity) -> App {
        self.similarity = Some(Arc::new(sim));
        self
    }

    /// Make case `c` the current one (a fresh matrix selection when it changes).
    pub(crate) fn go_to_case(&mut self, c: usize) {
        if c != self.case && c < self.cases.len() {
            self.case = c;
            self.matrix = MatrixState::default();
        }
    }

    pub fn current_case(&self) -> &Case {
        &self.cases[self.case]
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else {
            self.mode_below_help()
        }
    }

    /// What keys mean under the help overlay (what the help lists).
    pub fn mode_below_help(&self) -> Mode {
        if self.search.open {
            if self.search.list_focus {
                Mode::SearchList
            } else {
                Mode::Search
            }
        } else if let Some(p) = &self.prompt {
            if p.is_question() {
                Mode::Confirm
            } else {
                Mode::Prompt
            }
        } else if self.screen == Screen::Reader
            && self.reader.as_ref().is_some_and(|r| r.visual.is_some())
        {
            Mode::Visual
        } else if self.screen == Screen::Reader
            && self
                .reader
                .as_ref()
                .is_some_and(|r| r.similar_focus.is_some())
        {
            Mode::Similar
        } else {
            Mode::Screen(self.screen)
        }
    }

    /// The matrix's columns under the current lens.
    pub fn columns(&self) -> Vec<Column> {
        self.current_case()
            .columns(self.matrix.lens, self.matrix.show_empty)
    }

    /// The positions of the selected cell.
    pub fn selected_cell(&self) -> Vec<usize> {
        let cols = self.columns();
        match cols.get(self.matrix.col) {
            Some(col) => self.current_case().cell_of(self.matrix.row, col),
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

    pub(crate) fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Apply an action; return the effects the loop must perform.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if !matches!(
            action,
            Action::Resize(..)
                | Action::Copied(_)
                | Action::NotesSaved { .. }
                | Action::Written { .. }
                | Action::Analysed(_)
                | Action::Indexed
                | Action::SearchDone { .. }
        ) {
            self.status = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp if self.prompt.is_none() => self.help = !self.help,
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
            }
            Action::Copied(outcome) => self.copied(outcome),
            Action::NotesSaved { case, result } => self.notes_saved(case, result),
            Action::Written { path, result } => return self.written(path, result),
            Action::Indexed => self.indexed = true,
            Action::SearchDone {
                generation,
                query,
                results: Shared(results),
            } => self.search_done(generation, query, results),
            Action::Analysed(Shared(sim)) => {
                self.similarity = Some(sim);
                self.refresh_similar();
                self.relayout();
            }
            _ if self.help => {
                if action == Action::Back {
                    self.help = false;
                }
            }
            _ if self.search.open => return self.update_search(action),
            _ if self.prompt.is_some() => return self.update_prompt(action),
            Action::OpenSearch => self.open_search(),
            _ => return self.update_screen(action),
        }
        Vec::new()
    }

    fn update_screen(&mut self, action: Action) -> Vec<Effect> {
        match self.screen {
            Screen::Cases => self.update_cases(action),
            Screen::Matrix => self.update_matrix(action),
            Screen::Reader => self.update_reader(action),
            Screen::Notes => self.update_notes(action),
            Screen::Diff => self.update_diff(action),
        }
    }

    fn copied(&mut self, outcome: CopyOutcome) {
        let (text, error) = match outcome {
            CopyOutcome::System => (self.lang.pick("Copied", "Kopierat").to_string(), false),
            CopyOutcome::SystemWhileRunning => (
                self.lang
                    .pick(
                        "Copied; pasteable only while remiss runs (no helper could be started)",
                        "Kopierat; kan bara klistras in medan remiss körs (ingen hjälpprocess kunde startas)",
                    )
                    .to_string(),
                false,
            ),
            CopyOutcome::TmuxBuffer { forwarded: true } => (
                self.lang
                    .pick(
                        "In tmux's buffer (prefix ]) and sent to the terminal",
                        "I tmux buffert (prefix ]) och skickat till terminalen",
                    )
                    .to_string(),
                false,
            ),
            CopyOutcome::TmuxBuffer { forwarded: false } => (
                self.lang
                    .pick(
                        "Only in tmux's buffer; fix: set -g set-clipboard on",
                        "Bara i tmux buffert; åtgärda: set -g set-clipboard on",
                    )
                    .to_string(),
                false,
            ),
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

    fn written(&mut self, path: PathBuf, result: WriteOutcome) -> Vec<Effect> {
        let name = crate::text::escape(&path.display().to_string());
        match result {
            WriteOutcome::Written => {
                let msg = format!("{} {name}", self.lang.pick("Wrote", "Skrev"));
                self.notify(msg, false);
            }
            WriteOutcome::Exists => self.ask_overwrite(path),
            WriteOutcome::Failed(why) => {
                let msg = format!(
                    "{} {name}: {why}",
                    self.lang.pick("Could not write", "Kunde inte skriva")
                );
                self.notify(msg, true);
            }
        }
        Vec::new()
    }

    /// Lay out what depends on the terminal's width again.
    fn relayout(&mut self) {
        let (width, lang) = (self.size.0, self.lang);
        let height = self.reader_height();
        let text_width = self.reader_text_width();
        if let Some(r) = self.reader.as_mut() {
            r.relayout(&self.cases[self.case], text_width, height, lang);
        }
        let height = self.diff_height();
        if let Some(d) = self.diff.as_mut() {
            d.relayout(width, height);
        }
    }

    fn update_cases(&mut self, action: Action) -> Vec<Effect> {
        let last = self.cases.len().saturating_sub(1);
        match action {
            Action::Up => self.case_cursor = self.case_cursor.saturating_sub(1),
            Action::Down => self.case_cursor = (self.case_cursor + 1).min(last),
            Action::Top => self.case_cursor = 0,
            Action::Bottom => self.case_cursor = last,
            Action::Open => {
                self.case = self.case_cursor;
                self.matrix = MatrixState::default();
                self.screen = Screen::Matrix;
            }
            Action::OpenNotes => {
                self.case = self.case_cursor;
                return self.open_notes();
            }
            _ => {}
        }
        Vec::new()
    }
}
