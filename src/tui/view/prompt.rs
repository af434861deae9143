//! The prompt: a line of text being typed, or a yes/no question, in a box at the bottom of the
//! screen.

use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(prompt) = &app.prompt else { return };
    let h = 3.min(area.height);
    let rect = Rect {
        x: area.x,
        y: area.y + area.height - h,
        width: area.width,
        height: h,
    };
    frame.render_widget(Clear, rect);
    let title = format!(" {} ", prompt.title(app.lang));
    if prompt.is_question() {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border_focused);
        frame.render_widget(
            Paragraph::new(Line::styled(title.trim().to_string(), theme.heading)).block(block),
            rect,
        );
        return;
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.border_focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (visible, x) = super::input_window(&prompt.input, usize::from(inner.width.max(1)));
    frame.render_widget(Paragraph::new(visible), inner);
    if inner.width > 0 && inner.height > 0 {
        frame.set_cursor_position(Position::new(
            inner.x + (x as u16).min(inner.width - 1),
            inner.y,
        ));
    }
}
