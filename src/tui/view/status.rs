//! The status bar: where you are, the keys that matter now, and messages.

use crate::tui::app::{App, Screen};
use crate::tui::keymap;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let case = app.current_case();
    let mut place = match app.screen {
        Screen::Cases => app.lang.pick("Cases", "Ärenden").to_string(),
        Screen::Matrix => case.dnr.clone(),
        Screen::Reader => match &app.reader {
            Some(r) => {
                let p = &case.positions[r.position];
                let n = case.text_of(r.position).len();
                format!(
                    "{} › {} › {} ¶{}/{n}",
                    case.dnr,
                    case.body(p).name,
                    app.lang.stance(p.stance),
                    (r.paragraph + 1).min(n)
                )
            }
            None => case.dnr.clone(),
        },
    };
    place.push_str("  ");
    let right = match &app.status {
        Some(s) => Span::styled(
            s.text.clone(),
            if s.error { theme.error } else { theme.status },
        ),
        None => Span::styled(keymap::status_hints(app.screen, app.lang), theme.status),
    };
    let line = Line::from(vec![
        Span::styled(place, theme.status.patch(theme.heading)),
        right,
    ]);
    frame.render_widget(
        ratatui::widgets::Paragraph::new(line).style(theme.status),
        area,
    );
}
