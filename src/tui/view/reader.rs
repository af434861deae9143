//! The reader: slices the laid-out lines to the visible window, marks the paragraph under the
//! cursor, and highlights a visual selection.

use crate::tui::app::App;
use crate::tui::layout::{LineKind, MARGIN, ReaderLine};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;

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
                LineKind::Text | LineKind::Blank => (" ", Style::new()),
            };
            let mut spans = vec![Span::styled(format!("{margin}{bar}"), theme.title)];
            let selected = l.paragraph.and_then(|p| r.selected_in(case, p));
            spans.extend(highlighted(l, selected, style, theme.selection));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// A line's text, with the part inside `range` (bytes of the paragraph) in `mark`.
pub fn highlighted(
    line: &ReaderLine,
    range: Option<Range<usize>>,
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let text = line.text.as_str();
    let Some(range) = range else {
        return vec![Span::styled(text.to_string(), base)];
    };
    let start = range.start.saturating_sub(line.offset).min(text.len());
    let end = range.end.saturating_sub(line.offset).min(text.len());
    // Offsets come from the paragraph's sentence bounds, so they lie on char boundaries; a
    // wrapped line could in theory differ from its paragraph: fall back to no highlight.
    match (text.get(..start), text.get(start..end), text.get(end..)) {
        (Some(a), Some(b), Some(c)) => [(a, base), (b, base.patch(mark)), (c, base)]
            .into_iter()
            .filter(|(s, _)| !s.is_empty())
            .map(|(s, st)| Span::styled(s.to_string(), st))
            .collect(),
        _ => vec![Span::styled(text.to_string(), base)],
    }
}
