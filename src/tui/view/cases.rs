//! The case list, shown first when several cases are loaded.

use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let items: Vec<ListItem> = app
        .cases
        .iter()
        .map(|c| {
            ListItem::new(vec![
                Line::from(vec![
                    Span::styled(c.dnr.clone(), theme.heading),
                    Span::raw(format!("  {}", c.title)),
                ]),
                Line::styled(format!("  {}", app.lang.summary(c)), theme.dim),
            ])
        })
        .collect();
    let title = format!(
        " {} ({}) ",
        app.lang.pick("Cases", "Ärenden"),
        app.cases.len()
    );
    let list = List::new(items)
        .block(Block::default().borders(Borders::ALL).title(title))
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(app.case_cursor));
    frame.render_stateful_widget(list, area, &mut state);
}
