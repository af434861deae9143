//! Rendering: pure functions of the app's state. Nothing here changes state.
//!
//! ```text
//! ┌ title / case header ───────────────┐
//! │ screen (cases|matrix|reader|notes) │
//! ├────────────────────────────────────┤
//! │ status bar                         │
//! └────────────────────────────────────┘   prompt and help overlays on top when open
//! ```

mod cases;
mod diff;
mod help;
mod matrix;
mod notes;
mod prompt;
pub mod reader;
mod search;
pub mod status;

use super::app::{App, Screen};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Below this size only a "terminal too small" message shows.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = app
            .lang
            .pick("Terminal too small", "Terminalen är för liten");
        let text = format!(
            "{msg} ({}×{}; min {MIN_WIDTH}×{MIN_HEIGHT})",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let [main, status_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match app.screen {
        Screen::Cases => cases::render(frame, main, app, theme),
        Screen::Matrix => matrix::render(frame, main, app, theme),
        Screen::Reader => reader::render(frame, main, app, theme),
        Screen::Notes => notes::render(frame, main, app, theme),
        Screen::Diff => diff::render(frame, main, app, theme),
    }
    status::render(frame, status_area, app, theme);
    if app.prompt.is_some() {
        prompt::render(frame, main, app, theme);
    }
    if app.search.open {
        search::render(frame, main, app, theme);
    }
    if app.help {
        help::render(frame, main, app, theme);
    }
}

/// A rectangle of at most `w`×`h` centred in `area`, never larger than it.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The part of a text input that fits in `width` columns with its cursor in view, and the
/// cursor's column within that part.
pub fn input_window(input: &tui_input::Input, width: usize) -> (String, usize) {
    use unicode_width::UnicodeWidthChar;
    let scroll = input.visual_scroll(width.saturating_sub(1));
    let mut skipped = 0;
    let shown: String = input
        .value()
        .chars()
        .skip_while(|&c| {
            let w = c.width().unwrap_or(0);
            if skipped + w <= scroll {
                skipped += w;
                true
            } else {
                false
            }
        })
        .collect();
    (shown, input.visual_cursor().saturating_sub(scroll))
}

/// One line, cut to the width by ratatui.
pub fn styled(text: impl Into<String>, style: ratatui::style::Style) -> Line<'static> {
    Line::styled(text.into(), style)
}
