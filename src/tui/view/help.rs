//! The help overlay: every key of the current screen, from the keymap itself.

use super::centred;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Row, Table};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = keymap::help_rows(app.mode_below_help(), app.lang);
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
    let popup = centred(area, key_w + desc_w + 5, rows.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let title = app
        .lang
        .pick(" Keys (Esc closes) ", " Tangenter (Esc stänger) ");
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
