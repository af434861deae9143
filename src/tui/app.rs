//! The app: a router. It holds what the screens share (the cases, the similarity, the notes
//! books, the search), one navigation stack of screens and one overlay slot, and the status
//! bar's message. `update(action) -> effects` is pure: results of background work and effects
//! are taken in here; every other action goes to the overlay if there is one, else to the
//! screen on top, and their [`Outcome`] is applied here. The shell performs the effects.

use super::action::{
    Action, CopyOutcome, Effect, Nav, NotSaved, NotesEdit, Outcome, OverlayChange, ReviewDone,
    Shared, Status, WriteOutcome,
};
use super::book::{NotesBook, merge_message};
use super::ctx::{Ctx, Derived};
use super::frame::{self, Areas};
use super::keymap::{self, Keymap, Mode};
use super::overlays::Overlay;
use super::overlays::help::Help;
use super::overlays::prompt::{Prompt, PromptKind};
use super::overlays::search::SearchState;
use super::screens::cases::CasesScreen;
use super::screens::matrix::MatrixScreen;
use super::screens::reader::ReaderScreen;
use super::screens::{Route, Screen};
use crate::analysis::search::Index;
use crate::analysis::similarity::Similarity;
use crate::export::notes as export;
use crate::i18n::Lang;
use crate::model::Case;
use crate::model::matrix::Column;
use crate::notes::Notes;
use crate::notes::store::Saved;
use std::path::PathBuf;
use std::sync::Arc;

/// What screens and overlays may read, built from the app's fields (not from the app as a
/// whole, so that a screen on the stack can be changed while the context is borrowed).
macro_rules! ctx {
    ($app:expr, $areas:expr, $screen:expr) => {
        Ctx {
            cases: &$app.cases,
            derived: &$app.derived,
            similarity: $app.similarity.as_deref(),
            lang: $app.lang,
            notes: &$app.notes,
            size: $app.size,
            areas: $areas,
            screen: $screen,
            stack: $app.routes.len(),
            indexed: $app.indexed,
            keys: &$app.keys,
            index: $app.index.as_deref(),
        }
    };
}

pub struct App {
    /// The loaded cases (shared with background work).
    pub cases: Arc<Vec<Case>>,
    /// What is derived from each case (same order), computed wherever `cases` is set: when
    /// the app starts, when a folder's cases arrive, when a review replaces a case.
    derived: Vec<Derived>,
    /// Families and relations of the positions' texts, once built.
    pub similarity: Option<Arc<Similarity>>,
    pub lang: Lang,
    /// The navigation stack; never empty, the screen on top is shown.
    routes: Vec<Route>,
    /// What lies over the screen, if anything; it gets the keys first.
    overlay: Option<Overlay>,
    /// The search: the query, its hits, and the hit open in the reader (kept when the
    /// overlay closes).
    pub search: SearchState,
    /// Each case's debate notes (same order as `cases`).
    pub notes: Vec<NotesBook>,
    /// Whether searches can be answered yet (the index is built in the background).
    pub indexed: bool,
    /// The search index, once built in the background.
    pub index: Option<Arc<Index>>,
    pub status: Option<Status>,
    /// A folder read in the background: case files read, of all.
    pub loading: Option<(usize, usize)>,
    /// Whether the folder is still being read.
    pub reading: bool,
    /// Problems of the case files read in the background (printed when the app ends).
    pub load_problems: Vec<crate::model::Problem>,
    pub quit: bool,
    /// Quit was asked once while a heading or comment held typed text: the next quit ends the
    /// app; any other key keeps typing.
    quit_asked: bool,
    /// Terminal size, from the last resize.
    pub size: (u16, u16),
    /// The keys: the built-in table with the user's configuration.
    pub keys: Keymap,
    /// The whole screen must be drawn anew (the app was suspended; the shell drew over it).
    pub redraw: bool,
}

impl App {
    /// The app on `cases`: the case list when there are several, else the matrix.
    pub fn new(cases: Vec<Case>, lang: Lang) -> App {
        let first = if cases.len() == 1 {
            Route::Matrix(MatrixScreen::new(0))
        } else {
            Route::Cases(CasesScreen::default())
        };
        let notes = cases
            .iter()
            .map(|c| NotesBook::new(Notes::for_case(c), None))
            .collect();
        App {
            derived: Derived::all(&cases, lang),
            cases: Arc::new(cases),
            similarity: None,
            lang,
            routes: vec![first],
            overlay: None,
            search: SearchState::default(),
            notes,
            indexed: false,
            index: None,
            status: None,
            loading: None,
            reading: false,
            load_problems: Vec::new(),
            quit: false,
            quit_asked: false,
            size: (80, 24),
            keys: Keymap::default(),
            redraw: false,
        }
    }

    /// Use the user's keys (from the configuration) instead of the built-in ones.
    pub fn with_keymap(mut self, keys: Keymap) -> App {
        self.keys = keys;
        self
    }

    /// The app while the `total` case files of a folder are read in the background: the
    /// (empty) case list and a progress line, until [`Action::Loaded`] brings the cases.
    pub fn loading(total: usize, lang: Lang) -> App {
        let mut app = App::new(Vec::new(), lang);
        app.loading = Some((0, total));
        app.reading = true;
        app
    }

    /// The progress line of background work still under way (case files read, the search
    /// index, the similarity), or `None` when all is done.
    pub fn progress(&self) -> Option<String> {
        let lang = self.lang;
        let (done, total) = self.loading.unwrap_or((self.cases.len(), self.cases.len()));
        let analysed = self.similarity.is_some();
        let reading = self.reading;
        if !reading && (self.cases.is_empty() || (self.indexed && analysed)) {
            return None;
        }
        let state = |ready: bool, pending: bool| match (ready, pending) {
            (true, _) => "✓",
            (false, true) => "…",
            (false, false) => lang.pick("waiting", "väntar"),
        };
        Some(format!(
            "{} {done}/{total} {} · {} {} · {} {}",
            lang.pick("cases loaded", "ärenden inlästa"),
            state(!reading, true),
            lang.pick("index", "index"),
            state(self.indexed, !reading),
            lang.pick("similarity", "likhet"),
            state(analysed, !reading),
        ))
    }

    /// Take in the cases read in the background: the first screen again (the case list, or
    /// the matrix of a single case), the files left out named, and the effect that opens their
    /// notes and starts their index and similarity.
    fn loaded(&mut self, ws: crate::model::Workspace) -> Vec<Effect> {
        self.reading = false;
        self.loading = self.loading.map(|(_, total)| (total, total));
        self.notes = ws
            .cases
            .iter()
            .map(|c| NotesBook::new(Notes::for_case(c), None))
            .collect();
        let first = if ws.cases.len() == 1 {
            Route::Matrix(MatrixScreen::new(0))
        } else {
            Route::Cases(CasesScreen::default())
        };
        self.derived = Derived::all(&ws.cases, self.lang);
        self.cases = Arc::new(ws.cases);
        self.routes = vec![first];
        if let Some(msg) = super::start_message(&ws.problems, &[], self.lang) {
            self.notify(msg, true);
        }
        self.load_problems = ws.problems;
        self.relayout();
        if self.cases.is_empty() {
            return Vec::new();
        }
        vec![Effect::Arrived(Shared(Arc::clone(&self.cases)))]
    }

    /// Give each case the notes read from its notes file (same order as the cases).
    pub fn with_notes(mut self, notes: Vec<(Notes, PathBuf)>) -> App {
        for ((book, (n, path)), case) in self.notes.iter_mut().zip(notes).zip(self.cases.iter()) {
            *book = NotesBook::new(n, Some(path));
            book.refresh_stale(case);
        }
        self
    }

    /// Give the app the similarity of its positions (built by the shell).
    pub fn with_similarity(mut self, sim: Similarity) -> App {
        self.similarity = Some(Arc::new(sim));
        self.relayout();
        self
    }

    /// The screen on top.
    pub fn top(&self) -> &Route {
        // The stack is never empty: `App::new` puts a screen there and a pop keeps the first.
        &self.routes[self.routes.len() - 1]
    }

    /// Which screen is on top.
    pub fn screen(&self) -> Screen {
        self.top().screen()
    }

    /// The navigation stack, bottom first.
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The overlay, if one is open.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help(..)))
    }

    pub fn search_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Search))
    }

    /// The prompt, while one is open (under the help, too).
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.overlay {
            Some(Overlay::Prompt(p)) => Some(p),
            Some(Overlay::Help(_, Some(under))) => match under.as_ref() {
                Overlay::Prompt(p) => Some(p),
                _ => None,
            },
            _ => None,
        }
    }

    /// The reader nearest the top of the stack.
    pub fn reader(&self) -> Option<&ReaderScreen> {
        self.routes.iter().rev().find_map(|r| match r {
            Route::Reader(r) => Some(r.as_ref()),
            _ => None,
        })
    }

    /// The case the screen on top shows.
    pub fn current_case(&self) -> &Case {
        &self.cases[self.top().case()]
    }

    /// The matrix's columns, when the matrix is on top.
    pub fn columns(&self) -> Vec<Column> {
        match self.top() {
            Route::Matrix(m) => m.columns(&self.ctx(self.areas())),
            _ => Vec::new(),
        }
    }

    /// Lines of text the reader on top shows (0 when the reader is not on top).
    pub fn reader_height(&self) -> usize {
        match self.top() {
            Route::Reader(r) => r.height(&self.ctx(self.areas())),
            _ => 0,
        }
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(o) => o.mode(self.search.list_focus),
            None => self.top().mode(),
        }
    }

    /// The frame's areas at the current size.
    pub fn areas(&self) -> Areas {
        self.areas_for(self.size)
    }

    /// The frame's areas at `size` (what the view draws into).
    pub fn areas_for(&self, size: (u16, u16)) -> Areas {
        frame::areas(size, self.top(), self.overlay.as_ref(), self.lang)
    }

    /// What screens and overlays may read, with the frame's `areas`.
    pub fn ctx(&self, areas: Areas) -> Ctx<'_> {
        ctx!(self, areas, self.screen())
    }

    /// Apply an action; return the effects the loop must perform.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if action.is_key() && action != Action::Quit {
            self.quit_asked = false;
        }
        let outcome = match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
                return Vec::new();
            }
            Action::Copied(outcome) => {
                self.copied(outcome);
                return Vec::new();
            }
            Action::NotesSaved { case, result } => {
                self.notes_saved(case, result);
                return Vec::new();
            }
            Action::Written { path, result } => {
                self.written(path, result);
                return Vec::new();
            }
            Action::SourceRead { case, result } => {
                for route in &mut self.routes {
                    if let Route::Review(r) = route
                        && r.case == case
                    {
                        r.source = Some(result.clone());
                    }
                }
                return Vec::new();
            }
            Action::Reviewed { case, result } => return self.reviewed(case, result),
            Action::Indexed(Shared(index)) => {
                self.indexed = true;
                self.index = Some(index);
                return Vec::new();
            }
            Action::SearchDone {
                generation,
                query,
                results: Shared(results),
            } => {
                self.search.done(generation, query, results);
                return Vec::new();
            }
            Action::Analysed(Shared(sim)) => {
                self.similarity = Some(sim);
                self.relayout();
                return Vec::new();
            }
            Action::Quit => {
                // A heading or comment being typed is not dropped by one Ctrl-C.
                let typing = self.prompt().is_some_and(|p| {
                    matches!(
                        p.kind,
                        PromptKind::NewHeading { .. } | PromptKind::EditItem { .. }
                    ) && !p.input.value().trim().is_empty()
                });
                if typing && !std::mem::replace(&mut self.quit_asked, true) {
                    let msg = self.lang.pick(
                        "Quit again to drop the text you are typing; Enter keeps it",
                        "Avsluta igen för att släppa texten du skriver; Enter behåller den",
                    );
                    self.notify(msg, true);
                    return Vec::new();
                }
                self.quit = true;
                return Vec::new();
            }
            Action::Suspend => return vec![Effect::Suspend],
            Action::Resumed => {
                self.redraw = true;
                return Vec::new();
            }
            Action::Loading { done, total } => {
                if self.reading {
                    self.loading = Some((done, total));
                }
                return Vec::new();
            }
            Action::Loaded(Shared(ws)) => {
                let ws = Arc::try_unwrap(ws).unwrap_or_else(|ws| crate::model::Workspace {
                    cases: ws.cases.clone(),
                    problems: ws.problems.clone(),
                });
                return self.loaded(ws);
            }
            Action::NotesOpened(Shared(opened)) => {
                let notes = opened.notes.iter().cloned();
                for ((book, (n, path)), case) in
                    self.notes.iter_mut().zip(notes).zip(self.cases.iter())
                {
                    *book = NotesBook::new(n, Some(path));
                    book.refresh_stale(case);
                }
                if self.status.is_none()
                    && let Some(msg) = super::start_message(&[], &opened.problems, self.lang)
                {
                    self.notify(msg, true);
                }
                return Vec::new();
            }
            action => {
                self.status = None;
                self.route(action)
            }
        };
        self.apply(outcome)
    }

    /// Whether an action bound where the user is makes sense now (what the help and the
    /// status bar list).
    pub fn applies(&self, action: &Action) -> bool {
        match (&self.overlay, action) {
            (Some(_), _) => true,
            (None, Action::NextHit | Action::PrevHit) => !self.search.hits().is_empty(),
            (None, action) => self.top().applies(action, &self.ctx(self.areas())),
        }
    }

    /// The help for where the user is: the keys that apply, and the marks it can show.
    fn help(&self) -> Help {
        let keys = self
            .keys
            .help_rows(self.mode(), self.lang, &|a| self.applies(a));
        let marks = match &self.overlay {
            Some(o) => o.marks(),
            None => self.top().marks(),
        };
        let help = Mode::Help;
        let close = self
            .keys
            .label(help, &Action::ToggleHelp)
            .unwrap_or_default();
        let scroll = [Action::ScrollDown, Action::ScrollUp]
            .iter()
            .filter_map(|a| self.keys.char_label(help, a))
            .collect::<Vec<_>>()
            .join("/");
        let mode = self.mode();
        let fill = |text: &str| self.keys.fill(mode, text);
        Help::new(keys, &marks, self.lang, &fill).naming(close, scroll)
    }

    /// The status bar's hints that fit in `width` columns.
    pub fn hints(&self, width: usize) -> String {
        let hints = self
            .keys
            .status_hints(self.mode(), self.lang, &|a| self.applies(a));
        keymap::fit_hints(&hints, width)
    }

    /// A user's action: help first (it opens over any overlay, and the keymap gives `?` as
    /// text where text is typed), then the overlay if there is one (it gets every other key
    /// first), else the app's own keys (search, search hits), else the screen on top.
    fn route(&mut self, action: Action) -> Outcome {
        if action == Action::ToggleHelp && !self.help_open() {
            return Outcome::open(Overlay::Help(self.help(), None));
        }
        let areas = self.areas();
        let ctx = ctx!(self, areas, self.screen());
        match (&mut self.overlay, &action) {
            (Some(Overlay::Help(help, _)), _) => help.update(&action, &ctx),
            (Some(Overlay::Prompt(prompt)), _) => prompt.update(&action, &ctx),
            (Some(Overlay::Search), _) => self.search.update(&action, &ctx),
            (None, Action::OpenSearch) => {
                self.search.opened();
                Outcome::open(Overlay::Search)
            }
            (None, Action::NextHit | Action::PrevHit) => {
                self.search.step(action == Action::NextHit, &ctx)
            }
            (None, _) => {
                let last = self.routes.len() - 1;
                self.routes[last].update(&action, &ctx)
            }
        }
    }

    /// Apply an outcome: notes edits (saved at once), the overlay slot, the navigation stack,
    /// the message; the effects are returned for the shell.
    fn apply(&mut self, outcome: Outcome) -> Vec<Effect> {
        let Outcome {
            mut effects,
            nav,
            overlay,
            notes,
            status,
            then,
        } = outcome;
        for edit in notes {
            effects.extend(self.edit_notes(edit));
        }
        match overlay {
            Some(OverlayChange::Open(Overlay::Help(help, _))) => {
                let under = self.overlay.take().map(Box::new);
                self.overlay = Some(Overlay::Help(help, under));
            }
            Some(OverlayChange::Open(o)) => self.overlay = Some(o),
            Some(OverlayChange::Close) => {
                self.overlay = match self.overlay.take() {
                    Some(Overlay::Help(_, under)) => under.map(|o| *o),
                    _ => None,
                };
            }
            None => {}
        }
        match nav {
            Nav::Stay => {}
            Nav::Push(route) => self.routes.push(route),
            Nav::Replace(route) => {
                let last = self.routes.len() - 1;
                self.routes[last] = route;
            }
            Nav::Pop if self.routes.len() > 1 => {
                if let Some(from) = self.routes.pop() {
                    let areas = self.areas();
                    let ctx = ctx!(self, areas, self.screen());
                    let last = self.routes.len() - 1;
                    self.routes[last].returned_from(&from, &ctx);
                }
            }
            Nav::Pop => {}
        }
        if status.is_some() {
            self.status = status;
        }
        if let Some(action) = then {
            effects.extend(self.update(action));
        }
        effects
    }

    /// Change a case's notes; the effect saves them when they changed.
    fn edit_notes(&mut self, edit: NotesEdit) -> Option<Effect> {
        let case = self.cases.get(edit.case)?;
        let book = self.notes.get_mut(edit.case)?;
        book.apply(edit.op, case)
            .then_some(Effect::SaveNotes(edit.case))
    }

    /// Lay out every screen on the stack again (after a resize, or when the similarity
    /// arrives).
    fn relayout(&mut self) {
        for i in 0..self.routes.len() {
            let areas = frame::areas(self.size, &self.routes[i], None, self.lang);
            let ctx = ctx!(self, areas, self.routes[i].screen());
            self.routes[i].relayout(&ctx);
        }
    }

    fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    fn copied(&mut self, outcome: CopyOutcome) {
        let lang = self.lang;
        let (text, error) = match outcome {
            CopyOutcome::System => (lang.pick("Copied", "Kopierat").to_string(), false),
            CopyOutcome::SystemWhileRunning => (
                lang.pick(
                    "Copied; pasteable only while remiss runs (no helper could be started)",
                    "Kopierat; kan bara klistras in medan remiss körs (ingen hjälpprocess kunde startas)",
                )
                .to_string(),
                false,
            ),
            CopyOutcome::TmuxBuffer { forwarded: true } => (
                lang.pick(
                    "In tmux's buffer (prefix ]) and sent to the terminal",
                    "I tmux buffert (prefix ]) och skickat till terminalen",
                )
                .to_string(),
                false,
            ),
            CopyOutcome::TmuxBuffer { forwarded: false } => (
                lang.pick(
                    "Only in tmux's buffer; fix: set -g set-clipboard on",
                    "Bara i tmux buffert; åtgärda: set -g set-clipboard on",
                )
                .to_string(),
                false,
            ),
            CopyOutcome::Osc52 => (
                lang.pick(
                    "Sent to the terminal (OSC 52)",
                    "Skickat till terminalen (OSC 52)",
                )
                .to_string(),
                false,
            ),
            CopyOutcome::Failed(why) => (
                format!(
                    "{}: {why}",
                    lang.pick("Copy failed", "Kopieringen misslyckades")
                ),
                true,
            ),
        };
        self.notify(text, error);
    }

    fn written(&mut self, path: PathBuf, result: WriteOutcome) {
        let name = crate::text::escape(&path.display().to_string());
        match result {
            WriteOutcome::Written => {
                let msg = format!("{} {name}", self.lang.pick("Wrote", "Skrev"));
                self.notify(msg, false);
            }
            WriteOutcome::Exists { bytes } => {
                let kind = PromptKind::Overwrite { path, bytes };
                self.overlay = Some(Overlay::Prompt(Prompt::new(kind, "")));
            }
            WriteOutcome::Failed(why) => {
                let msg = format!(
                    "{} {name}: {}",
                    self.lang.pick("Could not write", "Kunde inte skriva"),
                    crate::text::escape(&self.lang.file_error(&why))
                );
                self.notify(msg, true);
            }
        }
    }

    /// A review change was written (the case is taken in as its file now loads), or why not.
    /// A change of a stance, a party or a text is compared and indexed again (the search and
    /// the similar texts follow it); a confirmation changes neither.
    fn reviewed(&mut self, case: usize, result: Result<ReviewDone, String>) -> Vec<Effect> {
        let lang = self.lang;
        match result {
            Ok(done) if case < self.cases.len() => {
                let mut cases = self.cases.as_ref().clone();
                cases[case] = done.case.0.as_ref().clone();
                self.derived[case] = Derived::of(&cases[case], lang);
                self.cases = Arc::new(cases);
                if let Some(book) = self.notes.get_mut(case) {
                    book.refresh_stale(&self.cases[case]);
                }
                self.relayout();
                let msg = format!(
                    "{}: {}",
                    lang.pick("Written to the case file", "Skrivet till ärendefilen"),
                    crate::text::escape(&crate::review::describe(
                        &done.change,
                        done.renamed.as_ref(),
                        lang
                    ))
                );
                self.notify(msg, false);
                if !matches!(done.change, crate::review::Change::Confirm { .. }) {
                    return vec![Effect::Reanalyse];
                }
            }
            Ok(_) => {}
            Err(e) => {
                let msg = format!(
                    "{}: {}",
                    lang.pick("Not written", "Inte skrivet"),
                    crate::text::escape(&e)
                );
                self.notify(msg, true);
            }
        }
        Vec::new()
    }

    fn notes_saved(&mut self, case: usize, result: Result<Saved, NotSaved>) {
        let lang = self.lang;
        let (Some(book), Some(c)) = (self.notes.get_mut(case), self.cases.get(case)) else {
            return;
        };
        match result {
            Ok(saved) => {
                book.save_error = None;
                if book.notes.items != saved.notes.items {
                    book.notes.items = saved.notes.items;
                    book.refresh_stale(c);
                }
                if let Some(m) = saved.merged.filter(|m| !m.is_empty()) {
                    self.notify(merge_message(&m, lang), false);
                }
            }
            Err(e) => {
                let msg = format!(
                    "{}: {}",
                    lang.notes_not_saved(e.recovered.is_some()),
                    e.message
                );
                book.save_error = Some(e);
                self.notify(msg, true);
            }
        }
    }

    /// The Markdown export of case `case`'s notes (what `E` writes).
    pub fn notes_markdown(&self, case: usize) -> String {
        export::to_markdown(&self.notes[case].notes, self.cases.get(case), self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::search::{Index, Query};
    use crate::analysis::similarity::Options;
    use crate::model::load_bundled;
    use crate::notes::store::Saved;
    use crate::notes::{ItemKind, MergeReport, Quote};
    use crate::tui::action::TextEdit;

    fn app() -> App {
        let cases = vec![load_bundled()];
        let sim = Similarity::build(&cases, &Options::default());
        let mut app = App::new(cases, Lang::En).with_similarity(sim);
        app.update(Action::Resize(100, 30));
        app
    }

    /// Type `text` into the search and answer each search at once, as the tests' shell does.
    fn type_query(app: &mut App, index: &Index, text: &str) {
        for c in text.chars() {
            for effect in app.update(Action::Edit(TextEdit::Insert(c))) {
                if let Effect::Search {
                    generation,
                    query,
                    limit,
                } = effect
                {
                    let r = index.search(&app.cases, &Query::parse(&query), limit);
                    app.search.done(generation, query, Arc::new(r));
                }
            }
        }
    }

    fn searching() -> (App, Index) {
        let mut app = app();
        let index = Index::build(&app.cases);
        app.update(Action::OpenSearch);
        (app, index)
    }

    #[test]
    fn typing_searches_and_enter_opens_the_paragraph_marked() {
        let (mut app, index) = searching();
        type_query(&mut app, &index, "skarholmen tunnelbana");
        assert!(!app.search.hits().is_empty());
        assert!(!app.search.searching());
        app.update(Action::Submit);
        assert_eq!(app.screen(), Screen::Reader);
        assert!(!app.search_open());
        let r = app.reader().unwrap();
        let case = app.current_case();
        assert_eq!(
            case.positions[r.position().unwrap()].id,
            "skarholmen/reservation/M"
        );
        assert_eq!(r.paragraph, 0);
        let (p, marks) = r.highlight.as_ref().unwrap();
        let text = &case.text_of(r.position().unwrap())[*p];
        let marked: Vec<&str> = marks.iter().map(|m| &text[m.clone()]).collect();
        assert!(marked.contains(&"tunnelbanestation"), "{marked:?}");
        // Closing kept the query: / shows it again.
        app.update(Action::OpenSearch);
        assert_eq!(app.search.input.value(), "skarholmen tunnelbana");
    }

    #[test]
    fn stale_results_are_dropped() {
        let (mut app, index) = searching();
        app.update(Action::Edit(TextEdit::Insert('k')));
        let effects = app.update(Action::Edit(TextEdit::Insert('i')));
        let [Effect::Search { generation, .. }] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        let search = |q: &str| Arc::new(index.search(&app.cases, &Query::parse(q), 10));
        let (old, new) = (search("k"), search("ki"));
        // The answer to "k" comes first: shown, and still searching for "ki".
        app.search.done(generation - 1, "k".into(), old.clone());
        assert!(app.search.searching());
        assert_eq!(app.search.results_for, "k");
        // Then "ki"; a late second answer to "k" is dropped.
        app.search.done(*generation, "ki".into(), new);
        app.search.done(generation - 1, "k".into(), old);
        assert!(!app.search.searching());
        assert_eq!(app.search.results_for, "ki");
    }

    #[test]
    fn n_and_shift_n_step_through_hits_from_the_reader() {
        let (mut app, index) = searching();
        type_query(&mut app, &index, "trygghetskiosk");
        let total = app.search.hits().len();
        assert!(total > 3);
        app.update(Action::Submit);
        app.update(Action::NextHit);
        assert_eq!(app.search.current, Some(1));
        assert_eq!(
            app.status.as_ref().unwrap().text,
            format!("Hit 2 of {total}")
        );
        app.update(Action::PrevHit);
        app.update(Action::PrevHit);
        assert_eq!(app.search.current, Some(0));
        assert_eq!(app.status.as_ref().unwrap().text, "No further hit");
        // Each hit took the reader's place: back goes to the matrix.
        app.update(Action::Back);
        assert_eq!(app.screen(), Screen::Matrix);
    }

    #[test]
    fn a_hit_is_copied_or_added_from_the_list() {
        let (mut app, index) = searching();
        type_query(&mut app, &index, "sergels torg");
        app.update(Action::NextPane);
        let effects = app.update(Action::CopyParagraph);
        let [Effect::Copy(text)] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert!(text.contains("Sergels torg"), "{text}");
        assert_eq!(app.update(Action::AddToNotes), vec![Effect::SaveNotes(0)]);
        assert_eq!(app.notes[0].notes.quotes().count(), 1);
    }

    fn app_with_a_quote() -> App {
        let mut app = app();
        let case = app.cases[0].clone();
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        let q = Quote::from_position(&case, i, (0, 0), None).unwrap();
        app.notes[0].notes.push(ItemKind::Quote(q));
        app.update(Action::OpenNotes);
        app
    }

    #[test]
    fn export_asks_before_overwriting() {
        let mut app = app_with_a_quote();
        let effects = app.update(Action::Export);
        let [
            Effect::Write {
                overwrite: false,
                bytes,
                ..
            },
        ] = effects.as_slice()
        else {
            panic!("{effects:?}")
        };
        assert_eq!(*bytes, app.notes_markdown(0).into_bytes());
        let path = PathBuf::from("x.notes.md");
        app.update(Action::Written {
            path: path.clone(),
            result: WriteOutcome::Exists {
                bytes: bytes.clone(),
            },
        });
        assert!(app.prompt().unwrap().is_question());
        let effects = app.update(Action::Confirm(true));
        assert!(
            matches!(&effects[0], Effect::Write { overwrite: true, path: p, .. } if *p == path)
        );
        assert!(app.prompt().is_none());
    }

    #[test]
    fn a_merge_with_another_session_is_told() {
        let mut app = app_with_a_quote();
        let mut notes = app.notes[0].notes.clone();
        notes.push(ItemKind::Heading("Theirs".into()));
        let merged = MergeReport {
            added: 1,
            conflicts: 1,
            ..Default::default()
        };
        app.update(Action::NotesSaved {
            case: 0,
            result: Ok(Saved {
                notes,
                merged: Some(merged),
                wrote: true,
            }),
        });
        assert_eq!(
            app.status.as_ref().unwrap().text,
            "Merged with another session's changes: 1 added, 0 removed, 0 changed, 1 kept twice"
        );
        assert_eq!(app.notes[0].notes.items.len(), 2);
    }

    #[test]
    fn a_failed_save_is_shown_and_kept_until_one_succeeds() {
        let mut app = app_with_a_quote();
        let failed = NotSaved {
            message: "disk full".into(),
            recovered: None,
        };
        app.update(Action::NotesSaved {
            case: 0,
            result: Err(failed.clone()),
        });
        assert!(app.status.as_ref().unwrap().error);
        assert_eq!(app.notes[0].save_error.as_ref(), Some(&failed));
    }

    #[test]
    fn back_is_one_stack_and_the_first_screen_stays() {
        let mut app = app();
        // Matrix → Socialnämnden's reservation → its notes → back, back, back.
        for a in [Action::Down, Action::Right, Action::Right, Action::Open] {
            app.update(a);
        }
        app.update(Action::OpenNotes);
        let screens = |app: &App| app.routes().iter().map(Route::screen).collect::<Vec<_>>();
        assert_eq!(
            screens(&app),
            [Screen::Matrix, Screen::Reader, Screen::Notes]
        );
        // A on the notes closes them, as Esc does.
        app.update(Action::OpenNotes);
        assert_eq!(app.screen(), Screen::Reader);
        app.update(Action::Back);
        app.update(Action::Back);
        assert_eq!(screens(&app), [Screen::Matrix]);
    }

    #[test]
    fn a_folder_read_in_the_background_shows_its_progress_then_its_cases() {
        let mut app = App::loading(3, Lang::En);
        app.update(Action::Resize(80, 24));
        assert_eq!(app.screen(), Screen::Cases);
        assert_eq!(
            app.progress().unwrap(),
            "cases loaded 0/3 … · index waiting · similarity waiting"
        );
        // Keys while nothing is loaded do nothing (and do not panic).
        for a in [
            Action::Down,
            Action::Open,
            Action::OpenNotes,
            Action::OpenCrossCase,
        ] {
            assert!(app.update(a).is_empty());
        }
        assert_eq!(app.screen(), Screen::Cases);
        app.update(Action::Loading { done: 2, total: 3 });
        assert!(app.progress().unwrap().starts_with("cases loaded 2/3 …"));
        let ws = crate::model::Workspace {
            cases: vec![load_bundled()],
            problems: vec![crate::model::Problem::file(
                "bad.toml",
                crate::model::ProblemKind::Empty,
            )],
        };
        let effects = app.update(Action::Loaded(Shared(Arc::new(ws))));
        assert!(matches!(effects.as_slice(), [Effect::Arrived(Shared(c))] if c.len() == 1));
        // One case: its matrix; the file left out is named and kept for the end.
        assert_eq!(app.screen(), Screen::Matrix);
        assert!(
            app.status
                .as_ref()
                .unwrap()
                .text
                .starts_with("1 file left out (bad.toml")
        );
        assert_eq!(app.load_problems.len(), 1);
        assert_eq!(app.notes.len(), 1);
        assert_eq!(
            app.progress().unwrap(),
            "cases loaded 3/3 ✓ · index … · similarity …"
        );
        let index = Index::build(&app.cases);
        app.update(Action::Indexed(Shared(Arc::new(index))));
        let sim = Similarity::build(&app.cases, &Options::default());
        app.update(Action::Analysed(Shared(Arc::new(sim))));
        assert_eq!(app.progress(), None);
    }

    #[test]
    fn the_matrix_follows_the_position_read_last() {
        let mut app = app();
        // Socialnämnden's reservation, then the next reservation (Trafiknämnden's), back.
        for a in [
            Action::Down,
            Action::Right,
            Action::Right,
            Action::Open,
            Action::NextSameStance,
            Action::Back,
        ] {
            app.update(a);
        }
        let Route::Matrix(m) = app.top() else {
            panic!("the matrix")
        };
        let case = app.current_case();
        let res = case.position_index("trafiknamnden/reservation/M").unwrap();
        assert_eq!(m.row, case.positions[res].body);
    }
}

#[cfg(test)]
mod help_tests {
    use super::*;
    use crate::analysis::similarity::Options;
    use crate::model::load_bundled;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn app(w: u16, h: u16) -> App {
        let cases = vec![load_bundled()];
        let sim = Similarity::build(&cases, &Options::default());
        let mut app = App::new(cases, Lang::En).with_similarity(sim);
        // Everything in (else the status bar shows the progress line, not the keys).
        app.indexed = true;
        app.update(Action::Resize(w, h));
        app
    }

    fn draw(app: &App) -> String {
        let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
        let theme = crate::tui::theme::Theme::monochrome();
        term.draw(|f| frame::render(f, app, &theme)).unwrap();
        let buf = term.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_help_and_the_status_bar_name_the_configured_keys() {
        let config = crate::tui::config::parse(
            "[keys.help]\ntoggle-help = [\"x\", \"?\"]\nscroll-down = \"n\"\n\
             [keys.matrix]\ntoggle-lens = \"P\"\n",
            "c.toml",
        )
        .unwrap();
        let mut app = app(100, 30).with_keymap(config.keys);
        assert!(draw(&app).contains("P lens"), "{}", draw(&app));
        app.update(Action::ToggleHelp);
        let screen = draw(&app);
        assert!(screen.contains(" Keys (x closes) "), "{screen}");
        assert!(screen.contains("n/k scroll"), "{screen}");
        assert!(
            screen.contains("P            lens: stances → parties"),
            "{screen}"
        );
    }

    #[test]
    fn help_over_the_search_list_returns_to_it() {
        let mut app = app(100, 30);
        app.update(Action::OpenSearch);
        app.search.list_focus = true;
        assert_eq!(app.mode(), Mode::SearchList);
        app.update(Action::ToggleHelp);
        assert!(app.help_open());
        assert!(draw(&app).contains("back to the query"));
        app.update(Action::Back);
        assert_eq!(app.mode(), Mode::SearchList);
        assert!(app.search_open());
    }

    #[test]
    fn the_help_scrolls_to_its_last_line_at_80x24() {
        let mut app = app(80, 24);
        for a in [Action::Down, Action::Right, Action::Right, Action::Open] {
            app.update(a);
        }
        app.update(Action::ToggleHelp);
        let first = draw(&app);
        assert!(first.contains("next paragraph"), "{first}");
        assert!(!first.contains("Esc Backspace"), "{first}");
        app.update(Action::Bottom);
        let last = draw(&app);
        assert!(last.contains("Esc Backspace"), "{last}");
        assert!(last.contains("q Ctrl-c"), "{last}");
        assert!(last.contains("the paragraph under the cursor"), "{last}");
        // Scrolling never goes past the end, and back up to the top.
        app.update(Action::ScrollDown);
        assert_eq!(draw(&app), last);
        app.update(Action::Top);
        assert_eq!(draw(&app), first);
    }

    #[test]
    fn the_case_texts_help_lists_only_what_applies_there() {
        let mut app = app(120, 40);
        app.update(Action::OpenCaseText);
        app.update(Action::ToggleHelp);
        let Some(Overlay::Help(help, _)) = app.overlay() else {
            panic!("help")
        };
        let keys: Vec<&str> = help.keys.iter().map(|(k, _)| k.as_str()).collect();
        for gone in ["]", "[", "}", "{", "f Enter", "s Tab", "d", "D", "n", "N"] {
            assert!(!keys.contains(&gone), "{gone} listed: {keys:?}");
        }
        assert!(keys.contains(&"y") && keys.contains(&"v"), "{keys:?}");
    }
}
