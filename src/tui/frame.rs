//! The frame: [`areas`] computes where everything goes, once, for both the screens' updates
//! (page heights, the width text is wrapped to) and drawing; [`render`] draws the screen on
//! top, the status bar and the overlay. Rendering reads state only.
//!
//! ```text
//! ┌ main: the screen on top (cases|matrix|reader|diff|notes) ┐
//! │        the overlay over it (help|prompt|search)           │
//! ├───────────────────────────────────────────────────────────┤
//! │ status: where you are, then a message or the keys         │
//! └───────────────────────────────────────────────────────────┘
//! ```

use super::app::App;
use super::overlays::{Overlay, help::Help, prompt, search};
use super::screens::Route;
use super::screens::diff::layout::DiffAreas;
use super::screens::reader::layout::ReaderAreas;
use super::theme::Theme;
use crate::i18n::Lang;
use crate::text::width as text_width;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Below this size only a "terminal too small" message shows.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Where everything goes in a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// Smaller than [`MIN_WIDTH`]×[`MIN_HEIGHT`]: only a message shows.
    pub too_small: bool,
    /// The screen's area, above the status bar.
    pub main: Rect,
    /// The status bar, one row at the bottom.
    pub status: Rect,
    /// The screen's own parts.
    pub screen: ScreenAreas,
    /// Where the overlay goes, when there is one.
    pub overlay: Option<Rect>,
}

/// A screen's parts: the reader and the diff page through text, so their update needs the
/// height it has; the other screens lay themselves out within `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenAreas {
    Whole(Rect),
    Reader(ReaderAreas),
    Diff(DiffAreas),
}

impl Default for ScreenAreas {
    fn default() -> Self {
        ScreenAreas::Whole(Rect::default())
    }
}

/// The areas of a `width`×`height` frame showing `route` with `overlay` over it.
pub fn areas(size: (u16, u16), route: &Route, overlay: Option<&Overlay>, lang: Lang) -> Areas {
    let full = Rect::new(0, 0, size.0, size.1);
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(full);
    Areas {
        too_small: size.0 < MIN_WIDTH || size.1 < MIN_HEIGHT,
        main,
        status,
        screen: route.areas(main),
        overlay: overlay.map(|o| o.area(main, lang)),
    }
}

/// Draw the app.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let size = frame.area();
    let areas = app.areas_for((size.width, size.height));
    if areas.too_small {
        let msg = app
            .lang
            .pick("Terminal too small", "Terminalen är för liten");
        let text = format!(
            "{msg} ({}×{}; min {MIN_WIDTH}×{MIN_HEIGHT})",
            size.width, size.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), size);
        return;
    }
    let ctx = app.ctx(areas);
    app.top().render(frame, &areas, &ctx, theme);
    render_status(frame, areas.status, app, &ctx, theme);
    if let (Some(overlay), Some(rect)) = (app.overlay(), areas.overlay) {
        render_overlay(frame, overlay, rect, areas.main, app, &ctx, theme);
    }
}

fn render_overlay(
    frame: &mut Frame,
    overlay: &Overlay,
    rect: Rect,
    main: Rect,
    app: &App,
    ctx: &super::ctx::Ctx,
    theme: &Theme,
) {
    match overlay {
        Overlay::Help(help, under) => {
            if let Some(under) = under {
                let under_rect = under.area(main, app.lang);
                render_overlay(frame, under, under_rect, main, app, ctx, theme);
            }
            Help::render(help, frame, rect, app.lang, theme);
        }
        Overlay::Prompt(p) => prompt::render(frame, rect, p, app.lang, theme),
        Overlay::Search => search::render(frame, rect, &app.search, ctx, theme),
    }
}

/// The status bar: where the user is, then a message or the keys that matter now.
fn render_status(frame: &mut Frame, area: Rect, app: &App, ctx: &super::ctx::Ctx, theme: &Theme) {
    let width = usize::from(area.width);
    // A message gets the room it needs, down to a quarter of the line for the place.
    let place_room = match &app.status {
        Some(s) => width.saturating_sub(text_width(&s.text) + 2).max(width / 4),
        None => width,
    };
    let mut place = cut_words(&app.top().place(ctx), place_room);
    place.push_str("  ");
    let room = width.saturating_sub(text_width(&place));
    let right = match (&app.status, app.progress()) {
        (Some(s), _) => Span::styled(
            cut_words(&s.text, room),
            if s.error { theme.error } else { theme.status },
        ),
        // Background work under way: how far it got, rather than a silent wait.
        (None, Some(progress)) => Span::styled(cut_words(&progress, room), theme.status),
        (None, None) => Span::styled(app.hints(room), theme.status),
    };
    let line = Line::from(vec![
        Span::styled(place, theme.status.patch(theme.heading)),
        right,
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}

/// `text` in at most `width` columns: whole, or cut after a word with `…`; a path that does
/// not fit keeps its end (`Wrote …/notes/kiosker.docx`): the file's name is what matters.
fn cut_words(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_inclusive(' ') {
        if text_width(&out) + text_width(word.trim_end()) + 1 > width {
            let room = width.saturating_sub(text_width(&out) + 1);
            let word = word.trim_end();
            if word.contains('/') && !out.is_empty() && room >= 8 {
                let mut tail: Vec<char> = Vec::new();
                let mut used = 0;
                for c in word.chars().rev() {
                    used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if used > room {
                        break;
                    }
                    tail.push(c);
                }
                // From a folder's boundary where the tail holds one.
                let tail: String = tail.into_iter().rev().collect();
                let from = tail.find('/').filter(|&i| i + 1 < tail.len()).unwrap_or(0);
                out.push('…');
                out.push_str(&tail[from..]);
                return out;
            }
            break;
        }
        out.push_str(word);
    }
    let mut out = out.trim_end().to_string();
    if out.is_empty() {
        // One long word: cut it, but say so.
        out = text
            .chars()
            .scan(0, |w, c| {
                *w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                (*w < width).then_some(c)
            })
            .collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::cut_words;

    #[test]
    fn a_message_is_cut_after_a_word() {
        assert_eq!(cut_words("Added to the notes", 40), "Added to the notes");
        assert_eq!(cut_words("Added to the notes", 12), "Added to…");
        assert_eq!(cut_words("Sammanfogat", 5), "Samm…");
        // A path keeps its end.
        assert_eq!(
            cut_words(
                "Wrote /home/a/.local/share/remiss/notes/kiosker.notes.docx",
                36
            ),
            "Wrote …/notes/kiosker.notes.docx"
        );
        assert_eq!(cut_words("x", 0), "…");
    }
}
