//! The shell: performs the effects that `App::update` asks for (clipboard, saving notes,
//! writing files) and turns each outcome into an action. The real app and the tests use the
//! same [`Shell`]; tests give it a fake clipboard and notes files in a temporary folder.

use super::action::Shared;
use super::action::{Action, Effect, NotSaved, ReviewDone, WriteOutcome};
use super::app::App;
use super::clipboard::Clipboard;
use crate::analysis::search::{Index, Query};
use crate::analysis::similarity::{Options as SimilarityOptions, Similarity};
use crate::model::{Case, Problem};
use crate::notes::Notes;
use crate::notes::store::{SaveError, Store};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

/// Performs effects.
pub trait Shell {
    /// Perform one effect for `app`; the outcome comes back as an action.
    fn perform(&mut self, app: &App, effect: Effect) -> Option<Action>;
}

/// Where a case's notes file is.
pub type NotesPath = Box<dyn Fn(&Case) -> PathBuf>;

/// The shell over a clipboard, the cases' notes files and a searcher.
pub struct SystemShell<C: Clipboard> {
    pub clipboard: C,
    /// One notes store per loaded case. Where the notes file could not be loaded the session
    /// starts from empty notes and its saves go to a recovery file beside it
    /// ([`Store::over_unloadable`]); the app says why at start.
    stores: Vec<Store>,
    pub searcher: Searcher,
    /// Where a case's notes live, for cases that arrive later ([`Effect::Arrived`]).
    pub notes_path: Option<NotesPath>,
    /// The loop's channel, for background work started later (the index and the similarity
    /// of cases that arrive); without it the shell builds them at once on this thread.
    pub background: Option<mpsc::Sender<std::io::Result<super::Input>>>,
    /// How to suspend the app in its terminal (`None`: not in a real terminal, as in tests;
    /// then a suspend does nothing).
    pub suspend: Option<fn() -> std::io::Result<()>>,
}

/// A search asked of a worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
    pub limit: usize,
}

/// Who answers searches.
pub enum Searcher {
    /// Nobody yet (no index): searches wait for one.
    None,
    /// On the calling thread, at once (tests, and small workspaces).
    Inline(Arc<Index>, Arc<Vec<Case>>),
    /// A worker thread; answers arrive through the loop's channel.
    Worker(mpsc::Sender<SearchRequest>),
}

impl Searcher {
    /// Answer one search on this thread.
    pub fn answer(index: &Index, cases: &[Case], request: SearchRequest) -> Action {
        let results = index.search(cases, &Query::parse(&request.query), request.limit);
        Action::SearchDone {
            generation: request.generation,
            query: request.query,
            results: Shared(Arc::new(results)),
        }
    }

    /// A worker thread that builds the index of `cases`, says so, and then answers searches
    /// (only the newest of those waiting: older ones are superseded by what was typed since).
    pub fn spawn_worker(
        cases: Arc<Vec<Case>>,
        out: mpsc::Sender<std::io::Result<super::Input>>,
    ) -> Searcher {
        let (tx, rx) = mpsc::channel::<SearchRequest>();
        std::thread::spawn(move || {
            let index = Arc::new(Index::build(&cases));
            if out
                .send(Ok(Action::Indexed(Shared(Arc::clone(&index))).into()))
                .is_err()
            {
                return;
            }
            while let Ok(mut request) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    request = newer;
                }
                let answer = Searcher::answer(&index, &cases, request);
                if out.send(Ok(answer.into())).is_err() {
                    return;
                }
            }
        });
        Searcher::Worker(tx)
    }
}

/// Compare the texts of `cases` on a thread of its own; the similarity arrives as
/// [`Action::Analysed`]. A panic there has already restored the terminal (the panic hook): it
/// ends the app rather than let it draw on in a terminal no longer set up for it.
pub fn spawn_analysis(cases: Arc<Vec<Case>>, out: mpsc::Sender<std::io::Result<super::Input>>) {
    std::thread::spawn(move || {
        let built =
            std::panic::catch_unwind(|| Similarity::build(&cases, &SimilarityOptions::default()));
        let _ = out.send(match built {
            Ok(sim) => Ok(Action::Analysed(Shared(Arc::new(sim))).into()),
            Err(_) => Err(std::io::Error::other(
                "comparing the texts failed (the message above says why)",
            )),
        });
    });
}

/// Notes opened for the app: the shell's stores, each case's notes and file, and the problems
/// of notes files that could not be read.
pub struct OpenedNotes<C: Clipboard> {
    pub shell: SystemShell<C>,
    pub notes: Vec<(Notes, PathBuf)>,
    pub problems: Vec<Problem>,
}

impl<C: Clipboard> SystemShell<C> {
    /// Open the notes of every case: at `path_of(case)` (beside the case file by default, or
    /// the `--notes` file).
    pub fn open(
        clipboard: C,
        cases: &[Case],
        path_of: impl Fn(&Case) -> PathBuf,
    ) -> OpenedNotes<C> {
        let mut shell = SystemShell {
            clipboard,
            stores: Vec::new(),
            searcher: Searcher::None,
            notes_path: None,
            background: None,
            suspend: None,
        };
        let opened = shell.open_notes(cases, &path_of);
        OpenedNotes {
            shell,
            notes: opened.notes,
            problems: opened.problems,
        }
    }

    /// Open the notes of `cases` (replacing the stores of any cases before).
    fn open_notes(
        &mut self,
        cases: &[Case],
        path_of: &dyn Fn(&Case) -> PathBuf,
    ) -> super::action::OpenedNotes {
        let mut opened = super::action::OpenedNotes::default();
        self.stores = Vec::with_capacity(cases.len());
        for case in cases {
            let path = path_of(case);
            let (store, n) = match Store::open(path.clone(), case) {
                Ok(opened) => opened,
                Err(mut p) => {
                    opened.problems.append(&mut p);
                    Store::over_unloadable(path.clone(), case)
                }
            };
            self.stores.push(store);
            opened.notes.push((n, path));
        }
        opened
    }

    /// The notes files whose last save failed, and why: the session's notes are then in a
    /// recovery file beside the notes file (`SaveError::Unreadable` names it) or, where that
    /// failed too, nowhere. What the app tells when it ends.
    pub fn unsaved(&self) -> Vec<SaveError> {
        self.stores
            .iter()
            .filter_map(Store::failed)
            .cloned()
            .collect()
    }

    /// Cases arrived: open their notes; index and compare them (in the background when the
    /// shell has the loop's channel, else at once).
    fn arrived(&mut self, cases: Arc<Vec<Case>>) -> Option<Action> {
        let path_of = self.notes_path.take();
        let opened = match &path_of {
            Some(path_of) => self.open_notes(&cases, path_of.as_ref()),
            None => self.open_notes(&cases, &crate::notes::store::default_path),
        };
        self.notes_path = path_of;
        match &self.background {
            Some(tx) => {
                self.searcher = Searcher::spawn_worker(Arc::clone(&cases), tx.clone());
                spawn_analysis(cases, tx.clone());
            }
            None => {
                self.searcher = Searcher::Inline(Arc::new(Index::build(&cases)), cases);
            }
        }
        Some(Action::NotesOpened(Shared(Arc::new(opened))))
    }
}

impl<C: Clipboard> Shell for SystemShell<C> {
    fn perform(&mut self, app: &App, effect: Effect) -> Option<Action> {
        match effect {
            Effect::Copy(text) => Some(Action::Copied(self.clipboard.copy(&text))),
            Effect::SaveNotes(case) => {
                let notes = &app.notes.get(case)?.notes;
                let result = self
                    .stores
                    .get_mut(case)?
                    .save(notes)
                    .map_err(|e| NotSaved {
                        message: app.lang.save_error(&e),
                        recovered: match e {
                            SaveError::Unreadable { recovered, .. } => recovered,
                            SaveError::Io { .. } => None,
                        },
                    });
                Some(Action::NotesSaved { case, result })
            }
            Effect::Search {
                generation,
                query,
                limit,
            } => {
                let request = SearchRequest {
                    generation,
                    query,
                    limit,
                };
                match &self.searcher {
                    Searcher::Inline(index, cases) => Some(Searcher::answer(index, cases, request)),
                    Searcher::Worker(tx) => {
                        // A worker that is gone leaves the query unanswered; the overlay says
                        // it is still searching, and the app goes on.
                        let _ = tx.send(request);
                        None
                    }
                    Searcher::None => None,
                }
            }
            Effect::Review { case, change } => {
                let loaded = app.cases.get(case)?;
                let result = crate::review::apply_to_loaded(loaded, &change)
                    .map(|(applied, new)| ReviewDone {
                        change,
                        renamed: applied.renamed,
                        case: Shared(Arc::new(new)),
                    })
                    .map_err(|e| e.worded(app.lang));
                Some(Action::Reviewed { case, result })
            }
            Effect::Reanalyse => {
                let cases = Arc::clone(&app.cases);
                match &self.background {
                    Some(out) => {
                        // The old worker ends when its requests' sender goes with it.
                        self.searcher = Searcher::spawn_worker(Arc::clone(&cases), out.clone());
                        spawn_analysis(cases, out.clone());
                        None
                    }
                    None => {
                        if let Searcher::Inline(..) = self.searcher {
                            let index = Arc::new(Index::build(&cases));
                            self.searcher = Searcher::Inline(index, Arc::clone(&cases));
                        }
                        let sim = Similarity::build(&cases, &SimilarityOptions::default());
                        Some(Action::Analysed(Shared(Arc::new(sim))))
                    }
                }
            }
            Effect::ReadSource { case } => {
                let result = read_source(app.cases.get(case)?, app.lang)
                    .map(|t| Shared(Arc::new(t.split('\n').map(str::to_string).collect())));
                Some(Action::SourceRead { case, result })
            }
            Effect::Suspend => {
                let suspend = self.suspend?;
                // Whatever came of it, the screen is drawn anew (a failure to stop leaves the
                // app running, which is no harm).
                let _ = suspend();
                Some(Action::Resumed)
            }
            Effect::Write {
                path,
                bytes,
                overwrite,
            } => {
                let result = write(&path, bytes, overwrite);
                Some(Action::Written { path, result })
            }
            Effect::Arrived(Shared(cases)) => self.arrived(cases),
        }
    }
}

/// The text of a case's source document: the file its `[case.source] file` names (by its file
/// name only), in the case file's folder; a PDF through `pdftotext`, as the import read it.
fn read_source(case: &Case, lang: crate::i18n::Lang) -> Result<String, String> {
    let name = case
        .source
        .as_ref()
        .and_then(|s| s.file.as_deref())
        .and_then(|f| Path::new(f).file_name())
        .ok_or_else(|| {
            lang.pick(
                "the case file names no source document",
                "ärendefilen anger inget källdokument",
            )
            .to_string()
        })?;
    let folder = case
        .path
        .as_deref()
        .map(crate::atomic::parent)
        .ok_or_else(|| {
            lang.pick(
                "the case was not read from a file",
                "ärendet lästes inte från en fil",
            )
            .to_string()
        })?;
    let path = folder.join(name);
    crate::import::document::read_document(&path).map_err(|e| {
        format!(
            "{}: {}",
            crate::text::escape(&path.display().to_string()),
            e.message(lang)
        )
    })
}

/// Write a file atomically; refuse to replace an existing one unless `overwrite` (then the
/// bytes come back, for the app to ask).
fn write(path: &Path, bytes: Vec<u8>, overwrite: bool) -> WriteOutcome {
    match crate::atomic::write_file(path, &bytes, overwrite, crate::atomic::Access::Shared) {
        Ok(true) => WriteOutcome::Written,
        Ok(false) => WriteOutcome::Exists { bytes },
        Err(e) => WriteOutcome::Failed(crate::atomic::FileError::of(&e)),
    }
}
