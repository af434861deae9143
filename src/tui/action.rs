//! What the user asked for ([`Action`]) and what the shell must do about it ([`Effect`]).

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
    /// Copy the selected paragraph as a quote with its citation.
    CopyParagraph,
    /// Copy the whole position with its citation.
    CopyPosition,
    NextSameStance,
    PrevSameStance,
    NextSameParty,
    PrevSameParty,
    /// Follow the "identical to" / "concurs with" link of the open position.
    FollowLink,
    ToggleHelp,
    Quit,
    /// The terminal's size changed (also sent once at start).
    Resize(u16, u16),
    /// The result of a copy effect, to show in the status bar.
    Copied(CopyOutcome),
}

/// A side effect that `update` asks the loop to perform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
}

/// How a copy went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyOutcome {
    /// On the system clipboard.
    System,
    /// Sent to the terminal as OSC 52; the terminal gives no acknowledgement.
    Osc52,
    /// Could not be copied, and why.
    Failed(String),
}
