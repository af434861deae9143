//! The screens, one folder each: its state, its update (`update(&mut self, &Action, &Ctx) ->
//! Outcome`) and its view. A screen sees the app only through the read-only [`Ctx`] and
//! answers with an [`Outcome`]; it never names the app. [`Route`] is one entry of the app's
//! navigation stack: a screen with its state.

pub mod cases;
pub mod crosscase;
pub mod diff;
pub mod elsewhere;
pub mod matrix;
pub mod notes;
pub mod reader;
pub mod review;

use super::action::{Action, Outcome};
use super::ctx::Ctx;
use super::frame::{Areas, ScreenAreas};
use super::keymap::Mode;
use super::theme::Theme;
use super::widgets::Mark;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Which screen: what the keymap, the help and the status bar go by.
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
    /// The facts an import inferred, to confirm or correct.
    Review,
    /// The loaded cases × parties.
    CrossCase,
    /// Every case where a text (or a paragraph) also appears.
    Elsewhere,
}

/// A screen on the navigation stack, with its state.
#[derive(Debug, Clone)]
pub enum Route {
    Cases(cases::CasesScreen),
    Matrix(matrix::MatrixScreen),
    Reader(Box<reader::ReaderScreen>),
    Diff(Box<diff::DiffScreen>),
    Notes(notes::NotesScreen),
    Review(review::ReviewScreen),
    CrossCase(Box<crosscase::CrossCaseScreen>),
    Elsewhere(Box<elsewhere::ElsewhereScreen>),
}

impl Route {
    pub fn screen(&self) -> Screen {
        match self {
            Route::Cases(_) => Screen::Cases,
            Route::Matrix(_) => Screen::Matrix,
            Route::Reader(_) => Screen::Reader,
            Route::Diff(_) => Screen::Diff,
            Route::Notes(_) => Screen::Notes,
            Route::Review(_) => Screen::Review,
            Route::CrossCase(_) => Screen::CrossCase,
            Route::Elsewhere(_) => Screen::Elsewhere,
        }
    }

    /// What keys mean on this screen now (a screen may have modes of its own).
    pub fn mode(&self) -> Mode {
        match self {
            Route::Reader(r) => r.mode(),
            Route::Review(r) => r.mode(),
            other => Mode::Screen(other.screen()),
        }
    }

    /// The case the screen shows (the case list: the one under the cursor).
    pub fn case(&self) -> usize {
        match self {
            Route::Cases(c) => c.cursor,
            Route::Matrix(m) => m.case,
            Route::Reader(r) => r.case,
            Route::Diff(d) => d.case,
            Route::Notes(n) => n.case,
            Route::Review(r) => r.case,
            Route::CrossCase(c) => c.selected_case().unwrap_or(0),
            Route::Elsewhere(e) => e.me.case,
        }
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        match self {
            Route::Cases(s) => s.update(action, ctx),
            Route::Matrix(s) => s.update(action, ctx),
            Route::Reader(s) => s.update(action, ctx),
            Route::Diff(s) => s.update(action, ctx),
            Route::Notes(s) => s.update(action, ctx),
            Route::Review(s) => s.update(action, ctx),
            Route::CrossCase(s) => s.update(action, ctx),
            Route::Elsewhere(s) => s.update(action, ctx),
        }
    }

    /// Whether an action bound on this screen makes sense where it is now (the help and the
    /// status bar list only those): no "follow the link" on a position that links nowhere.
    pub fn applies(&self, action: &Action, ctx: &Ctx) -> bool {
        match self {
            Route::Reader(r) => r.applies(action, ctx),
            Route::Notes(n) => n.applies(action, ctx),
            Route::Review(r) => r.applies(action, ctx),
            // The review only for a case with something imported to review.
            Route::Matrix(_) if *action == Action::OpenReview => {
                matrix::has_review(ctx.case(self.case()))
            }
            // Esc goes back to the case list only when there is one below.
            Route::Matrix(_) => *action != Action::Back || ctx.stack > 1,
            Route::Cases(_) => *action != Action::OpenCrossCase || ctx.cases.len() > 1,
            Route::Elsewhere(e) => match action {
                Action::Open | Action::DiffRelative => e.selected().is_some(),
                _ => true,
            },
            Route::CrossCase(c) => *action != Action::Open || c.selected_case().is_some(),
            Route::Diff(_) => true,
        }
    }

    /// Every mark the screen can show where it is (the help's legend): the case's own texts
    /// have no links and no similar texts.
    pub fn marks(&self) -> Vec<Mark> {
        match self {
            Route::Cases(_) => cases::view::MARKS.to_vec(),
            Route::Matrix(m) => {
                let lens = if m.by_point {
                    matrix::view::POINT_MARKS
                } else {
                    matrix::view::MARKS
                };
                [lens, matrix::view::COMMON_MARKS].concat()
            }
            Route::Reader(r) => {
                let mut marks = reader::view::TEXT_MARKS.to_vec();
                if r.position().is_some() {
                    marks.extend_from_slice(reader::view::POSITION_MARKS);
                }
                marks
            }
            Route::Diff(_) => diff::view::MARKS.to_vec(),
            Route::Notes(_) => notes::view::MARKS.to_vec(),
            Route::Review(_) => review::view::MARKS.to_vec(),
            Route::CrossCase(_) => crosscase::view::MARKS.to_vec(),
            Route::Elsewhere(_) => elsewhere::view::MARKS.to_vec(),
        }
    }

    /// Lay out again what depends on the terminal's size or on the similarity (after a
    /// resize, or when the similarity arrives).
    pub fn relayout(&mut self, ctx: &Ctx) {
        match self {
            Route::Reader(s) => s.relayout(ctx),
            Route::Diff(s) => s.relayout(ctx),
            Route::Cases(_)
            | Route::Matrix(_)
            | Route::Notes(_)
            | Route::Review(_)
            | Route::CrossCase(_)
            | Route::Elsewhere(_) => {}
        }
    }

    /// The screen is on top again after `from` was closed over it.
    pub fn returned_from(&mut self, from: &Route, ctx: &Ctx) {
        if let (Route::Matrix(m), Route::Reader(r)) = (self, from) {
            m.returned_from(r, ctx);
        }
    }

    /// The screen's own areas within `main` (part of [`super::frame::areas`]).
    pub fn areas(&self, main: Rect) -> ScreenAreas {
        match self {
            Route::Reader(r) => ScreenAreas::Reader(reader::layout::areas(main, r)),
            Route::Diff(_) => ScreenAreas::Diff(diff::layout::areas(main)),
            Route::Cases(_)
            | Route::Matrix(_)
            | Route::Notes(_)
            | Route::Review(_)
            | Route::CrossCase(_)
            | Route::Elsewhere(_) => ScreenAreas::Whole(main),
        }
    }

    pub fn render(&self, frame: &mut Frame, areas: &Areas, ctx: &Ctx, theme: &Theme) {
        match self {
            Route::Cases(s) => cases::view::render(frame, areas.main, s, ctx, theme),
            Route::Matrix(s) => matrix::view::render(frame, areas.main, s, ctx, theme),
            Route::Reader(s) => reader::view::render(frame, &areas.screen, s, ctx, theme),
            Route::Diff(s) => diff::view::render(frame, &areas.screen, s, ctx, theme),
            Route::Notes(s) => notes::view::render(frame, areas.main, s, ctx, theme),
            Route::Review(s) => review::view::render(frame, areas.main, s, ctx, theme),
            Route::CrossCase(s) => crosscase::view::render(frame, areas.main, s, ctx, theme),
            Route::Elsewhere(s) => elsewhere::view::render(frame, areas.main, s, ctx, theme),
        }
    }

    /// Where the user is, for the status bar: `KS 2025/1121 › Socialnämnden › Reservation
    /// ¶1/2`.
    pub fn place(&self, ctx: &Ctx) -> String {
        let lang = ctx.lang;
        match self {
            Route::Cases(_) => return lang.pick("Cases", "Ärenden").to_string(),
            Route::CrossCase(_) => {
                return lang
                    .pick("Cases × parties", "Ärenden × partier")
                    .to_string();
            }
            _ => {}
        }
        let case = ctx.case(self.case());
        match self {
            Route::Cases(_) | Route::CrossCase(_) => String::new(),
            Route::Elsewhere(_) => format!(
                "{} › {}",
                case.dnr,
                lang.pick("Elsewhere", "På andra ställen")
            ),
            Route::Matrix(_) => case.dnr.clone(),
            Route::Notes(n) => {
                let items = ctx.notes[n.case].notes.items.len();
                format!(
                    "{} › {} ({items})",
                    case.dnr,
                    lang.pick("Notes", "Anteckningar")
                )
            }
            Route::Diff(_) => format!("{} › {}", case.dnr, lang.pick("Diff", "Jämförelse")),
            Route::Review(_) => format!("{} › {}", case.dnr, lang.pick("Review", "Granskning")),
            Route::Reader(r) => r.place(ctx),
        }
    }
}
