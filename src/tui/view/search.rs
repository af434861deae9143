//! The search overlay: the query, the count (or that the search is still running), problems
//! with the query, and the hits: where each is (body, stance, parties, date) and a snippet of
//! its paragraph around the match with the matched words marked.

use super::centred;
use crate::analysis::search::{Hit, snippet};
use crate::export::search::{place, stance_label};
use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let s = &app.search;
    let lang = app.lang;
    let popup = centred(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, popup);
    let count = count_text(app, lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(lang.pick(" Search ", " Sök "))
        .title_top(Line::styled(format!(" {count} "), theme.dim).right_aligned())
        .border_style(theme.border_focused);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let problems = s.problems.len().min(2) as u16;
    let [query_row, problem_rows, rule, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(problems),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    // The query, scrolled so that the cursor shows.
    let (shown, cursor) =
        super::input_window(&s.input, usize::from(query_row.width.saturating_sub(2)));
    let query_style = if s.list_focus {
        theme.dim
    } else {
        theme.heading
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("/ ", theme.title),
            Span::styled(shown, query_style),
        ])),
        query_row,
    );
    if !s.list_focus {
        let x = cursor as u16 + 2;
        frame.set_cursor_position(Position::new(
            query_row.x + x.min(query_row.width.saturating_sub(1)),
            query_row.y,
        ));
    }
    let problem_lines: Vec<Line> = s
        .problems
        .iter()
        .take(2)
        .map(|p| Line::styled(p.clone(), theme.error))
        .collect();
    frame.render_widget(Paragraph::new(problem_lines), problem_rows);
    frame.render_widget(
        Paragraph::new(Line::styled("─".repeat(usize::from(rule.width)), theme.dim)),
        rule,
    );
    render_hits(frame, list, app, theme);
}

fn count_text(app: &App, lang: Lang) -> String {
    let s = &app.search;
    if !app.indexed && !s.input.value().trim().is_empty() {
        return lang.pick("indexing…", "indexerar …").to_string();
    }
    if s.searching() {
        return lang.pick("searching…", "söker …").to_string();
    }
    let Some(r) = &s.results else {
        return lang
            .pick(
                "words, \"phrases\", party: stance: body: case:",
                "ord, \"fraser\", party: stance: body: case:",
            )
            .to_string();
    };
    match (lang, r.total, r.hits.len()) {
        (Lang::En, 1, _) => "1 hit".to_string(),
        (Lang::En, t, n) if t > n => format!("{n} of {t} hits"),
        (Lang::En, t, _) => format!("{t} hits"),
        (Lang::Sv, 1, _) => "1 träff".to_string(),
        (Lang::Sv, t, n) if t > n => format!("{n} av {t} träffar"),
        (Lang::Sv, t, _) => format!("{t} träffar"),
    }
}

/// Two lines a hit: where it is, and a snippet around the match.
fn render_hits(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let s = &app.search;
    let hits = s.hits();
    let per_page = usize::from(area.height / 2).max(1);
    let first = s.cursor.saturating_sub(per_page.saturating_sub(1));
    let width = usize::from(area.width.saturating_sub(4)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    for (i, hit) in hits.iter().enumerate().skip(first).take(per_page) {
        let selected = i == s.cursor;
        let (mark, head_style) = match (selected, s.list_focus) {
            (true, true) => ("▶ ", theme.selected),
            (true, false) => ("▶ ", theme.heading),
            (false, _) => ("  ", Style::new()),
        };
        lines.push(Line::from(vec![
            Span::styled(mark, theme.title),
            Span::styled(header(app, hit), head_style),
        ]));
        lines.push(snippet_line(app, hit, width, theme));
    }
    if hits.is_empty() && s.results.is_some() && !s.searching() {
        lines.push(Line::styled(
            app.lang
                .pick("  No paragraph matches.", "  Inget stycke matchar."),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// `Skärholmens stadsdelsnämnd · Reservation · M · 2026-03-26` (with the case when several
/// are loaded).
fn header(app: &App, hit: &Hit) -> String {
    let Some(case) = app.cases.get(hit.case) else {
        return String::new();
    };
    let mut parts = Vec::new();
    if app.cases.len() > 1 {
        parts.push(case.dnr.clone());
    }
    parts.push(place(case, hit.target.part, app.lang));
    parts.push(stance_label(case, hit.target.part, app.lang));
    let parties = hit.target.part.parties(case);
    if !parties.is_empty() {
        parts.push(parties.join(", "));
    }
    if let Some(d) = hit.target.part.date(case) {
        parts.push(d.to_string());
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" · ")
}

fn snippet_line(app: &App, hit: &Hit, width: usize, theme: &Theme) -> Line<'static> {
    let text = hit.text(&app.cases);
    let snip = snippet(text, &hit.highlights, width);
    let mut spans = vec![Span::raw("    ")];
    let mut at = 0;
    for h in &snip.highlights {
        if let (Some(before), Some(word)) = (snip.text.get(at..h.start), snip.text.get(h.clone())) {
            spans.push(Span::styled(before.to_string(), theme.dim));
            spans.push(Span::styled(word.to_string(), theme.matched));
            at = h.end;
        }
    }
    if let Some(rest) = snip.text.get(at..) {
        spans.push(Span::styled(rest.to_string(), theme.dim));
    }
    Line::from(spans)
}
