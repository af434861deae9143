//! The position reader: slices the laid-out lines to the visible window and marks the
//! paragraph under the cursor.

use crate::tui::app::App;
use crate::tui::reader::{LineKind, MARGIN};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(r) = &app.reader else { return };
    let case = app.current_case();
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(case.dnr.clone(), theme.title),
            Span::raw(" · "),
            Span::styled(case.title.clone(), theme.dim),
        ])),
        title,
    );
    let height = usize::from(body.height);
    let margin = " ".repeat(usize::from(MARGIN).saturating_sub(1));
    let lines: Vec<Line> = r
        .lines
        .iter()
        .skip(r.top)
        .take(height)
        .map(|l| {
            let on_cursor = l.paragraph == Some(r.paragraph);
            let (bar, style) = match l.kind {
                LineKind::Title => (" ", theme.title),
                LineKind::Field => (" ", theme.field),
                LineKind::Link => (" ", theme.link),
                LineKind::Text if on_cursor => ("▌", theme.cursor),
                LineKind::Text | LineKind::Blank => (" ", ratatui::style::Style::new()),
            };
            Line::from(vec![
                Span::styled(format!("{margin}{bar}"), theme.title),
                Span::styled(l.text.clone(), style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}
