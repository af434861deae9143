//! What the user asked for ([`Action`]) and what the shell must do about it ([`Effect`]).

use crate::analysis::search::Results;
use crate::analysis::similarity::Similarity;
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
/// of effects). `App::update` is the only place that acts on it.
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
    ToggleHelp,
    Quit,
    /// The terminal's size changed (also sent once at start).
    Resize(u16, u16),
    /// The result of a copy effect, to show in the status bar.
    Copied(CopyOutcome),
    /// The result of saving a case's notes.
    NotesSaved {
        case: usize,
        result: Result<Saved, String>,
    },
    /// The result of writing a file.
    Written {
        path: PathBuf,
        result: WriteOutcome,
    },
    /// The similarity of the loaded positions, built in the background.
    Analysed(Shared<Similarity>),
    /// The search index is built (searches are answered from now on).
    Indexed,
    /// The hits of search `generation` (for `query`).
    SearchDone {
        generation: u64,
        query: String,
        results: Shared<Results>,
    },
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
    /// Write a text file; unless `overwrite`, an existing file is left alone.
    Write {
        path: PathBuf,
        text: String,
        overwrite: bool,
    },
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
    /// The file exists and was not overwritten.
    Exists,
    Failed(String),
}
