//! The case list: each case's dnr and title, then how many bodies it has and its one-line
//! summary (which, for a case with decision points, starts with how many).

use super::CasesScreen;
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::Mark;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

pub fn render(frame: &mut Frame, area: Rect, s: &CasesScreen, ctx: &Ctx, theme: &Theme) {
    use crate::export::matrix::fit;
    use crate::text::width;
    // Inside the borders and after the selection mark: a cut line says so (`…`).
    let room = usize::from(area.width.saturating_sub(4));
    let items: Vec<ListItem> = ctx
        .cases
        .iter()
        .zip(ctx.derived)
        .map(|(c, d)| {
            let dnr = fit(&c.dnr, room);
            let title = fit(&format!("  {}", c.title), room.saturating_sub(width(&dnr)));
            ListItem::new(vec![
                Line::from(vec![Span::styled(dnr, theme.heading), Span::raw(title)]),
                Line::styled(
                    // A case with points: its summary starts with how many.
                    fit(
                        &format!("  {}; {}", ctx.lang.bodies(c.bodies.len()), d.summary),
                        room,
                    ),
                    theme.dim,
                ),
            ])
        })
        .collect();
    let title = format!(
        " {} ({}) ",
        ctx.lang.pick("Cases", "Ärenden"),
        ctx.cases.len()
    );
    if ctx.cases.is_empty() {
        // Before the folder is read (the status bar counts the files), or when no file could
        // be read (the status bar names the first problem).
        let text = ctx
            .lang
            .pick("Reading the case files…", "Läser ärendefilerna …");
        let block = Block::default().borders(Borders::ALL).title(title);
        frame.render_widget(
            ratatui::widgets::Paragraph::new(Line::styled(text, theme.dim)).block(block),
            area,
        );
        return;
    }
    let list = List::new(items)
        .block(Block::default().borders(Borders::ALL).title(title))
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(s.cursor));
    frame.render_stateful_widget(list, area, &mut state);
}

/// Every mark the case list can show.
pub const MARKS: &[Mark] = &[
    Mark::new(
        "▶",
        "the case {cases:open} opens",
        "ärendet som {cases:open} öppnar",
    ),
    Mark::named(
        ("2nd line", "rad 2"),
        "the case in one line: its bodies and decision points, referred to, answered, who filed what",
        "ärendet på en rad: dess organ och beslutspunkter, remitterat till, svar, vem som lämnade vad",
    ),
];
