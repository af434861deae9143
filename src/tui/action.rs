//! What the user asked for ([`Action`]), what a screen or overlay answers ([`Outcome`]: effects,
//! navigation, edits of the notes, a message), and what the shell must do ([`Effect`]).

use super::overlays::Overlay;
use super::screens::Route;
use crate::analysis::search::Results;
use crate::analysis::similarity::Similarity;
use crate::notes::ItemKind;
use crate::notes::store::Saved;
use std::path::PathBuf;
use std::sync::Arc;

/// A result of background work, shared with the app (compared by identity).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Shared<T> {}

/// An intent, produced from a key by the keymap (or by the loop, for resize and the results
/// of effects). The app hands it to the overlay, else to the screen on top; they answer with
/// an [`Outcome`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    LineUp,
    LineDown,
    /// Open the selected case or position.
    Open,
    /// Back to the previous screen, or close the overlay.
    Back,
    /// Switch between the matrix and the preview pane.
    NextPane,
    /// Stances ↔ parties as the matrix's columns.
    ToggleLens,
    /// Show or hide stance columns that are empty.
    ToggleEmpty,
    /// Copy the selected paragraph (or selection, or note) as a quote with its citation.
    CopyParagraph,
    /// Copy the whole position with its citation.
    CopyPosition,
    NextSameStance,
    PrevSameStance,
    NextSameParty,
    PrevSameParty,
    /// Follow the "identical to" / "concurs with" link of the open position.
    FollowLink,
    /// Read the case's own texts (summary, the commissioner's views, …).
    OpenCaseText,
    /// Start or end a visual selection of sentences in the reader.
    ToggleVisual,
    /// Extend the visual selection by a paragraph.
    ParagraphDown,
    ParagraphUp,
    /// Add the selected paragraph (or selection) to the debate notes.
    AddToNotes,
    /// The debate notes of the case.
    OpenNotes,
    /// Notes: move the selected item up or down.
    MoveItemUp,
    MoveItemDown,
    /// Notes: write a new heading above the selected item.
    NewHeading,
    /// Notes: edit the heading, or the comment of the quote.
    EditItem,
    /// Notes: delete the selected item (undo brings it back).
    Delete,
    Undo,
    Redo,
    /// Notes: copy them all as text.
    CopyAll,
    /// Notes: export them as Markdown beside the notes file.
    Export,
    /// Notes: export them as Word (.docx) beside the notes file.
    ExportDocx,
    /// Notes: write the HTML report (the loaded cases with their notes) beside the notes file.
    ExportReport,
    /// Reader: move the focus to the pane of similar texts (and back).
    ToggleSimilar,
    /// Diff the open position against its closest relative (or the one chosen in the pane).
    DiffRelative,
    /// Diff the open position against its family's base text.
    DiffBase,
    /// Diff: the next / previous change.
    NextChange,
    PrevChange,
    /// Diff: fold or unfold unchanged stretches.
    ToggleFold,
    /// Diff: swap the two sides.
    SwapSides,
    /// Diff: read against the next relative instead.
    NextBase,
    /// Open the search overlay (with the last query).
    OpenSearch,
    /// Reader: the next / previous search hit.
    NextHit,
    PrevHit,
    /// Text input: submit the prompt.
    Submit,
    /// Text input: an edit of the prompt's text.
    Edit(TextEdit),
    /// A yes/no question answered.
    Confirm(bool),
    /// Text pasted into the field being typed in (a bracketed paste: one edit, however long).
    Paste(String),
    ToggleHelp,
    Quit,
    /// Give the terminal back to the shell and stop (Ctrl-Z, or SIGTSTP from outside); the
    /// shell's `fg` (SIGCONT) brings the app back.
    Suspend,
    /// The app was stopped and is running again: draw the whole screen anew.
    Resumed,
    /// The terminal's size changed (also sent once at start).
    Resize(u16, u16),
    /// The result of a copy effect, to show in the status bar.
    Copied(CopyOutcome),
    /// The result of saving a case's notes.
    NotesSaved {
        case: usize,
        result: Result<Saved, NotSaved>,
    },
    /// The result of writing a file.
    Written {
        path: PathBuf,
        result: WriteOutcome,
    },
    /// The review of the case's imported facts (from the matrix).
    OpenReview,
    /// Review: the fact under the cursor is right.
    ReviewConfirm,
    /// Review: give the position another stance (opens a picker).
    ReviewStance,
    /// Review: replace a party of the position (opens a picker).
    ReviewParty,
    /// Review: move the unplaced paragraph to a body or position (opens a picker).
    ReviewAssign,
    /// The result of a review change written to case `case`'s file: the case as it now
    /// loads and the change, or why nothing was written.
    Reviewed {
        case: usize,
        result: Result<ReviewDone, String>,
    },
    /// The source document of case `case`, as lines (for the review's excerpts), or why it
    /// could not be read.
    SourceRead {
        case: usize,
        result: Result<Shared<Vec<String>>, String>,
    },
    /// Help: scroll the list of keys and marks.
    ScrollDown,
    ScrollUp,
    /// The similarity of the loaded positions, built in the background.
    Analysed(Shared<Similarity>),
    /// The search index is built (searches are answered from now on; the cases × parties
    /// view filters with it).
    Indexed(Shared<crate::analysis::search::Index>),
    /// The hits of search `generation` (for `query`).
    SearchDone {
        generation: u64,
        query: String,
        results: Shared<Results>,
    },
    /// Case list: the cases × parties view of the loaded cases.
    OpenCrossCase,
    /// Cases × parties: ask for the filter (search terms and dates).
    Filter,
    /// Cases × parties: the filter as typed (`trygghet party:M from:2026-01-01 to:2026-06-30`).
    SetFilter(String),
    /// Reader: every other case where the open text (or the cursor's paragraph) appears.
    OpenElsewhere,
    /// Loading a folder in the background: `done` of `total` case files read.
    Loading {
        done: usize,
        total: usize,
    },
    /// The folder's cases, read in the background (with the problems of the files left out).
    Loaded(Shared<crate::model::Workspace>),
    /// The notes of the cases read in the background (same order), and the problems of notes
    /// files that could not be read.
    NotesOpened(Shared<OpenedNotes>),
}

impl Action {
    /// Whether the action comes from a key the user pressed (or a paste), not from the loop
    /// (a resize, the result of background work or of an effect).
    pub fn is_key(&self) -> bool {
        !matches!(
            self,
            Action::Resumed
                | Action::Resize(..)
                | Action::Copied(_)
                | Action::NotesSaved { .. }
                | Action::Written { .. }
                | Action::Reviewed { .. }
                | Action::SourceRead { .. }
                | Action::Analysed(_)
                | Action::Indexed(_)
                | Action::SearchDone { .. }
                | Action::Loading { .. }
                | Action::Loaded(_)
                | Action::NotesOpened(_)
        )
    }
}

/// Why a save of a case's notes did not write their file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSaved {
    /// Why, in the app's language, one line.
    pub message: String,
    /// The recovery file beside the notes file that holds this session's notes instead
    /// (the notes file does not load and is never overwritten), if one was written.
    pub recovered: Option<PathBuf>,
}

/// Each case's notes and their file, and the notes files that could not be read.
#[derive(Debug, Default)]
pub struct OpenedNotes {
    pub notes: Vec<(crate::notes::Notes, PathBuf)>,
    pub problems: Vec<crate::model::Problem>,
}

/// An edit of a one-line text input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    DeleteWordBack,
    DeleteToStart,
}

/// A side effect that `update` asks the loop to perform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Save the notes of this case (index into the loaded cases).
    SaveNotes(usize),
    /// Search all loaded cases; the answer comes back as [`Action::SearchDone`].
    Search {
        generation: u64,
        query: String,
        limit: usize,
    },
    /// Apply a review decision to case `case`'s file at once (through [`crate::review`]); the
    /// answer comes back as [`Action::Reviewed`].
    Review {
        case: usize,
        change: crate::review::Change,
    },
    /// Compare the texts and index them for search again (after a review changed a case's
    /// texts or ids); the similarity comes back as [`Action::Analysed`], the index as
    /// [`Action::Indexed`] where it is built in the background.
    Reanalyse,
    /// Read the source document of case `case` (the file `[case.source] file` names, in the
    /// case file's folder); the answer comes back as [`Action::SourceRead`].
    ReadSource { case: usize },
    /// Restore the terminal, stop the process, and set the terminal up again once continued
    /// (the answer is [`Action::Resumed`]).
    Suspend,
    /// Write a file (atomically, see [`crate::atomic`]); unless `overwrite`, an existing file
    /// is left alone.
    Write {
        path: PathBuf,
        bytes: Vec<u8>,
        overwrite: bool,
    },
    /// The cases arrived (read in the background): open their notes (the answer is
    /// [`Action::NotesOpened`]), and build their search index and similarity in the
    /// background ([`Action::Indexed`], [`Action::Analysed`]).
    Arrived(Shared<Vec<crate::model::Case>>),
}

/// A review change that was written: the change, the position it renamed (old id, new id),
/// and the case as its file now loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDone {
    pub change: crate::review::Change,
    pub renamed: Option<(String, String)>,
    pub case: Shared<crate::model::Case>,
}

/// How a copy went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyOutcome {
    /// On the system clipboard (and served after remiss quits, where the platform needs that).
    System,
    /// On the system clipboard, but only while remiss runs: no helper process could be started
    /// to serve it afterwards (X11 and Wayland keep a copy only while its owner runs).
    SystemWhileRunning,
    /// Sent to the terminal as OSC 52; the terminal gives no acknowledgement.
    Osc52,
    /// In tmux's paste buffer (`prefix ]`), because tmux does not pass an application's OSC 52
    /// on (`set-clipboard` is not `on`). `forwarded`: tmux itself sends it on to the outer
    /// terminal's clipboard (`set-clipboard external`, tmux's default); not with `off`.
    TmuxBuffer { forwarded: bool },
    /// Could not be copied, and why.
    Failed(String),
}

/// How writing a file went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome {
    Written,
    /// The file exists and was not overwritten; `bytes` is what was to be written (the app
    /// asks whether to overwrite it with that).
    Exists {
        bytes: Vec<u8>,
    },
    /// Could not be written, and why (worded by the app in its language).
    Failed(crate::atomic::FileError),
}

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Where the app goes after an action: the navigation stack of screens.
#[derive(Default)]
pub enum Nav {
    /// Stay on this screen.
    #[default]
    Stay,
    /// Open a screen over this one; back (Esc) returns here.
    Push(Route),
    /// Back to the screen below (the first screen stays).
    Pop,
    /// Show another screen in this one's place (back goes where this one's back went).
    Replace(Route),
}

/// What happens to the overlay slot.
pub enum OverlayChange {
    /// Open an overlay (help opened over another overlay returns to it when it closes).
    Open(Overlay),
    /// Close the overlay.
    Close,
}

/// A change to a case's debate notes. The notes books belong to the app (the reader, the
/// search and the diff add quotes to them; undo belongs to the book); screens ask for changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesEdit {
    /// Index into the loaded cases.
    pub case: usize,
    pub op: NotesOp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotesOp {
    /// Append an item.
    Push(ItemKind),
    /// Insert an item at an index (clamped to the end).
    Insert(usize, ItemKind),
    /// Move item `index` up or down by one.
    Move {
        index: usize,
        up: bool,
    },
    Remove(usize),
    /// The text of a heading, or the comment of a quote.
    SetText {
        index: usize,
        text: String,
    },
    Undo,
    Redo,
}

/// A screen's or an overlay's answer to an action; the app applies it: performs nothing
/// itself but returns the effects, moves on the navigation stack, changes the overlay slot,
/// edits the notes and shows the message.
#[derive(Default)]
pub struct Outcome {
    pub effects: Vec<Effect>,
    pub nav: Nav,
    pub overlay: Option<OverlayChange>,
    pub notes: Vec<NotesEdit>,
    pub status: Option<Status>,
    /// An action for the screen on top once the rest is applied (a prompt's answer that
    /// belongs to the screen under it, such as a filter).
    pub then: Option<Action>,
}

impl Outcome {
    /// Nothing to do.
    pub fn none() -> Outcome {
        Outcome::default()
    }

    pub fn effect(effect: Effect) -> Outcome {
        Outcome {
            effects: vec![effect],
            ..Outcome::default()
        }
    }

    pub fn nav(nav: Nav) -> Outcome {
        Outcome {
            nav,
            ..Outcome::default()
        }
    }

    pub fn push(route: Route) -> Outcome {
        Outcome::nav(Nav::Push(route))
    }

    pub fn replace(route: Route) -> Outcome {
        Outcome::nav(Nav::Replace(route))
    }

    pub fn pop() -> Outcome {
        Outcome::nav(Nav::Pop)
    }

    pub fn open(overlay: Overlay) -> Outcome {
        Outcome {
            overlay: Some(OverlayChange::Open(overlay)),
            ..Outcome::default()
        }
    }

    pub fn close() -> Outcome {
        Outcome {
            overlay: Some(OverlayChange::Close),
            ..Outcome::default()
        }
    }

    /// A message in the status bar.
    pub fn say(text: impl Into<String>) -> Outcome {
        Outcome::default().with_status(text, false)
    }

    /// An error in the status bar.
    pub fn error(text: impl Into<String>) -> Outcome {
        Outcome::default().with_status(text, true)
    }

    /// The same, with a message.
    pub fn with_status(mut self, text: impl Into<String>, error: bool) -> Outcome {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
        self
    }

    /// The same, with an edit of a case's notes.
    pub fn with_notes(mut self, case: usize, op: NotesOp) -> Outcome {
        self.notes.push(NotesEdit { case, op });
        self
    }

    /// The same, closing the overlay.
    pub fn closing(mut self) -> Outcome {
        self.overlay = Some(OverlayChange::Close);
        self
    }

    /// The same, then `action` for the screen on top.
    pub fn then(mut self, action: Action) -> Outcome {
        self.then = Some(action);
        self
    }
}
