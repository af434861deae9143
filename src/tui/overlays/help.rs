//! The help overlay: every key of what is under it (a screen, or another overlay), from the
//! keymap itself.

use crate::i18n::Lang;
use crate::tui::action::{Action, Outcome};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::{self, Mode};
use crate::tui::theme::Theme;
use crate::tui::widgets::centred;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Row, Table};

#[derive(Debug, Clone)]
pub struct Help {
    /// What keys mean under the help (what it lists).
    pub mode: Mode,
}

impl Help {
    pub fn new(mode: Mode) -> Help {
        Help { mode }
    }

    pub fn update(&mut self, action: &Action, _ctx: &Ctx) -> Outcome {
        match action {
            Action::Back | Action::ToggleHelp => Outcome::close(),
            _ => Outcome::none(),
        }
    }

    /// The keys and what they do, as listed.
    fn rows(&self, lang: Lang) -> Vec<(String, &'static str)> {
        keymap::help_rows(self.mode, lang)
    }

    /// Where the help goes: a box in the middle of `main`, as large as its rows.
    pub fn area(&self, main: Rect, lang: Lang) -> Rect {
        let rows = self.rows(lang);
        let (key_w, desc_w) = widths(&rows);
        centred(main, key_w + desc_w + 5, rows.len() as u16 + 2)
    }

    pub fn render(&self, frame: &mut Frame, popup: Rect, lang: Lang, theme: &Theme) {
        let rows = self.rows(lang);
        let (key_w, _) = widths(&rows);
        frame.render_widget(Clear, popup);
        let title = lang.pick(" Keys (Esc closes) ", " Tangenter (Esc stänger) ");
        let table = Table::new(
            rows.into_iter()
                .map(|(k, d)| Row::new(vec![Line::styled(k, theme.heading), Line::raw(d)])),
            [Constraint::Length(key_w), Constraint::Min(1)],
        )
        .column_spacing(2)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(title)
                .border_style(theme.border_focused),
        );
        frame.render_widget(table, popup);
    }
}

/// The widths of the key column and of the description column.
fn widths(rows: &[(String, &str)]) -> (u16, u16) {
    let key_w = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(4) as u16;
    let desc_w = rows
        .iter()
        .map(|(_, d)| d.chars().count())
        .max()
        .unwrap_or(10) as u16;
    (key_w, desc_w)
}
