//! What can lie over a screen, one at a time in the app's overlay slot: the help, a prompt
//! (a line of text, or a yes/no question), the search. The overlay gets every key first.

pub mod help;
pub mod prompt;
pub mod search;

use super::keymap::Mode;
use super::widgets::Mark;
use crate::i18n::Lang;
use ratatui::layout::Rect;

pub enum Overlay {
    /// The help, and the overlay it was opened over (it returns there when it closes).
    Help(help::Help, Option<Box<Overlay>>),
    Prompt(prompt::Prompt),
    /// The search; its state is the app's (see [`search`]), kept when the overlay closes.
    Search,
}

impl Overlay {
    /// What keys mean in the overlay, given whether the search's hit list has the focus.
    pub fn mode(&self, search_list: bool) -> Mode {
        match self {
            Overlay::Help(..) => Mode::Help,
            Overlay::Prompt(p) if p.is_question() => Mode::Confirm,
            Overlay::Prompt(_) => Mode::Prompt,
            Overlay::Search if search_list => Mode::SearchList,
            Overlay::Search => Mode::Search,
        }
    }

    /// Every mark the overlay can show (the help's legend).
    pub fn marks(&self) -> Vec<Mark> {
        match self {
            Overlay::Search => search::MARKS.to_vec(),
            Overlay::Help(..) | Overlay::Prompt(_) => Vec::new(),
        }
    }

    /// Where the overlay goes within `main` (part of [`super::frame::areas`]).
    pub fn area(&self, main: Rect, lang: Lang) -> Rect {
        match self {
            Overlay::Help(h, _) => h.area(main, lang),
            Overlay::Prompt(_) => prompt::area(main),
            Overlay::Search => search::area(main),
        }
    }
}
