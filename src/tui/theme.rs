//! Semantic styles. With `NO_COLOR` set, a monochrome theme marks everything with reverse,
//! bold and underline only, so selection and highlights still show.

use crate::model::Party;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
    pub title: Style,
    pub heading: Style,
    pub selected: Style,
    /// The selection when its pane does not have focus.
    pub selected_unfocused: Style,
    pub cursor: Style,
    pub field: Style,
    pub link: Style,
    pub dim: Style,
    pub status: Style,
    pub error: Style,
    pub border_focused: Style,
    /// Text selected for quoting.
    pub selection: Style,
    /// A quote in the notes that is no longer in the case.
    pub stale: Style,
    /// The user's own comment in the notes.
    pub comment: Style,
    /// Words only in the base text (A) of a diff.
    pub deleted: Style,
    /// Words only in the text read against it (B).
    pub inserted: Style,
    /// A family mark in the matrix (`A`, `A′`).
    pub family: Style,
    /// Words that match the search.
    pub matched: Style,
}

impl Theme {
    /// Monochrome when `NO_COLOR` is set and not empty (<https://no-color.org>).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::coloured(),
        }
    }

    pub fn coloured() -> Theme {
        Theme {
            colour: true,
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new()
                .bg(Color::Indexed(236))
                .add_modifier(Modifier::BOLD),
            field: Style::new().fg(Color::Gray),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            dim: Style::new().fg(Color::DarkGray),
            status: Style::new().bg(Color::Indexed(236)).fg(Color::White),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            border_focused: Style::new().fg(Color::Cyan),
            selection: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::UNDERLINED),
            stale: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            comment: Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC),
            deleted: Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            inserted: Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            family: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::ITALIC),
            matched: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        }
    }

    pub fn monochrome() -> Theme {
        Theme {
            colour: false,
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::BOLD),
            field: Style::new(),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            dim: Style::new(),
            status: Style::new().add_modifier(Modifier::REVERSED),
            error: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            stale: Style::new().add_modifier(Modifier::BOLD),
            comment: Style::new().add_modifier(Modifier::ITALIC),
            deleted: Style::new().add_modifier(Modifier::CROSSED_OUT),
            inserted: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            family: Style::new().add_modifier(Modifier::ITALIC),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// A party's code in its colour (bold in monochrome).
    pub fn party(&self, party: Option<&Party>) -> Style {
        match party.and_then(|p| p.colour) {
            Some((r, g, b)) if self.colour => Style::new()
                .fg(Color::Rgb(r, g, b))
                .add_modifier(Modifier::BOLD),
            _ => Style::new().add_modifier(Modifier::BOLD),
        }
    }
}
