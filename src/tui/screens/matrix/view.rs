//! The matrix screen: the case header, bodies × stances (or parties), and a pane with the
//! positions of the selected cell and the start of the chosen one.

use super::{MatrixScreen, Pane};
use crate::model::matrix::{Column, DECISION_MARK, INFERRED_MARK, Lens};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

/// At most this much text of a position goes into the preview (a huge paragraph must not cost
/// a frame).
const PREVIEW_CHARS: usize = 1500;

/// Body names get at least this many columns before stance headings are shortened.
const MIN_BODY_WIDTH: u16 = 24;

pub fn render(frame: &mut Frame, area: Rect, m: &MatrixScreen, ctx: &Ctx, theme: &Theme) {
    let case = ctx.case(m.case);
    let summary = ctx.lang.summary(case);
    let summary_rows = (crate::text::width(&summary) as u16)
        .div_ceil(area.width.max(1))
        .clamp(1, 2);
    let header_h = if area.height >= 20 {
        2 + summary_rows
    } else {
        1
    };
    let [header, rest] =
        Layout::vertical([Constraint::Length(header_h), Constraint::Min(1)]).areas(area);
    let [title_row, rest_rows] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(header);
    let title = Line::from(vec![
        Span::styled(case.dnr.clone(), theme.title),
        Span::raw(" · "),
        Span::styled(case.title.clone(), theme.heading),
    ]);
    frame.render_widget(Paragraph::new(title), title_row);
    if header_h > 1 {
        let [proposal_row, summary_rows] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(rest_rows);
        let proposal = case.proposal.first().cloned().unwrap_or_default();
        let proposal = Line::from(vec![
            Span::styled(
                format!("{}: ", ctx.lang.pick("Proposal", "Förslag")),
                theme.field,
            ),
            Span::raw(proposal),
        ]);
        frame.render_widget(Paragraph::new(proposal), proposal_row);
        frame.render_widget(
            Paragraph::new(Line::styled(summary, theme.dim)).wrap(Wrap { trim: true }),
            summary_rows,
        );
    }

    let table_h = case.bodies.len() as u16 + 3;
    let [table_area, preview_area] = if rest.height > table_h + 5 {
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(3)]).areas(rest)
    } else {
        [rest, Rect::default()]
    };
    render_table(frame, table_area, m, ctx, theme);
    if preview_area.height > 0 {
        render_cell(frame, preview_area, m, ctx, theme);
    }
}

fn render_table(frame: &mut Frame, area: Rect, m: &MatrixScreen, ctx: &Ctx, theme: &Theme) {
    let case = ctx.case(m.case);
    let cols = m.columns(ctx);
    let label = |tiny: bool| -> Vec<String> {
        cols.iter()
            .map(|c| match c {
                Column::Stance(s) if tiny => ctx.lang.stance_tiny(*s).to_string(),
                Column::Stance(s) => ctx.lang.stance_short(*s).to_string(),
                Column::Party(p) => p.clone(),
            })
            .collect()
    };
    // Cell contents first: columns are as wide as their widest cell or heading.
    let contents_for = |tiny: bool| -> Vec<Vec<Vec<Span<'static>>>> {
        (0..case.bodies.len())
            .map(|b| {
                cols.iter()
                    .map(|col| cell_spans(m, ctx, theme, b, col, tiny))
                    .collect()
            })
            .collect()
    };
    let widths_for = |headers: &[String], contents: &[Vec<Vec<Span>>]| -> Vec<u16> {
        headers
            .iter()
            .enumerate()
            .map(|(c, h)| {
                let content = contents
                    .iter()
                    .map(|row| {
                        row[c]
                            .iter()
                            .map(|s| crate::text::width(&s.content))
                            .sum::<usize>()
                    })
                    .max()
                    .unwrap_or(0);
                crate::text::width(h).max(content) as u16
            })
            .collect()
    };
    let mut headers = label(false);
    let mut contents = contents_for(false);
    let mut widths = widths_for(&headers, &contents);
    let used: u16 = widths.iter().map(|w| w + 2).sum();
    // Keep room for body names: shorten the stance names when the terminal is narrow.
    if area.width.saturating_sub(2).saturating_sub(used) < MIN_BODY_WIDTH {
        headers = label(true);
        contents = contents_for(true);
        widths = widths_for(&headers, &contents);
    }
    let rows: Vec<Row> = case
        .bodies
        .iter()
        .enumerate()
        .zip(contents)
        .map(|((b, body), row)| {
            let mut cells = vec![Cell::from(body.name.clone())];
            for (c, spans) in row.into_iter().enumerate() {
                let mut cell = Cell::from(Line::from(spans));
                if b == m.row && c == m.col {
                    let style = if m.focus == Pane::Matrix {
                        theme.selected
                    } else {
                        theme.selected_unfocused
                    };
                    cell = cell.style(style);
                }
                cells.push(cell);
            }
            Row::new(cells)
        })
        .collect();
    let mut constraints = vec![Constraint::Fill(1)];
    constraints.extend(widths.iter().map(|w| Constraint::Length(*w)));
    let mut header = vec![Cell::from(ctx.lang.pick("Body", "Organ"))];
    header.extend(headers.into_iter().map(Cell::from));
    let lens = match m.lens {
        Lens::Stance => ctx
            .lang
            .pick(" Bodies × stances ", " Organ × ställningstaganden "),
        Lens::Party => ctx.lang.pick(" Bodies × parties ", " Organ × partier "),
    };
    let border = if m.focus == Pane::Matrix {
        theme.border_focused
    } else {
        theme.dim
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(lens)
        .border_style(border);
    if let Some(legend) = family_legend(m, ctx) {
        block = block.title_bottom(Line::styled(legend, theme.family));
    }
    let table = Table::new(rows, constraints)
        .header(Row::new(header).style(theme.heading))
        .column_spacing(2)
        .row_highlight_style(theme.heading)
        .block(block);
    let mut state = TableState::default().with_selected(Some(m.row));
    frame.render_stateful_widget(table, area, &mut state);
}

/// A cell's content: party codes in their colours, the decision mark, inferred stances marked.
fn cell_spans(
    m: &MatrixScreen,
    ctx: &Ctx,
    theme: &Theme,
    body: usize,
    col: &Column,
    tiny: bool,
) -> Vec<Span<'static>> {
    let case = ctx.case(m.case);
    let mut spans = Vec::new();
    match col {
        Column::Stance(s) => {
            let mut seen: Vec<&str> = Vec::new();
            for i in case.cell(body, *s) {
                let p = &case.positions[i];
                if p.parties.is_empty() && seen.is_empty() {
                    seen.push(DECISION_MARK);
                    spans.push(Span::raw(DECISION_MARK));
                }
                for code in &p.parties {
                    if !seen.contains(&code.as_str()) {
                        if !spans.is_empty() {
                            spans.push(Span::raw(" "));
                        }
                        seen.push(code);
                        spans.push(Span::styled(code.clone(), theme.party(case.party(code))));
                    }
                }
                if let Some(mark) = ctx.family_mark(m.case, i) {
                    spans.push(Span::styled(format!(" {mark}"), theme.family));
                }
            }
        }
        Column::Party(party) => {
            for (n, s) in case.party_stances(body, party).iter().enumerate() {
                if n > 0 {
                    spans.push(Span::raw(", "));
                }
                let name = if tiny {
                    ctx.lang.stance_tiny(s.stance)
                } else {
                    ctx.lang.stance_short(s.stance)
                };
                if s.inferred {
                    spans.push(Span::styled(format!("{name}{INFERRED_MARK}"), theme.dim));
                } else {
                    spans.push(Span::styled(
                        name.to_string(),
                        theme.party(case.party(party)),
                    ));
                    if let Some(mark) = ctx.family_mark(m.case, s.position) {
                        spans.push(Span::styled(format!(" {mark}"), theme.family));
                    }
                }
            }
        }
    }
    spans
}

/// The legend of the family marks, when the case has any.
fn family_legend(m: &MatrixScreen, ctx: &Ctx) -> Option<&'static str> {
    let case = ctx.case(m.case);
    (0..case.positions.len())
        .any(|i| ctx.family_mark(m.case, i).is_some())
        .then(|| {
            ctx.lang.pick(
                " A, B: families of reused text; A′ a variant · d in the reader: diff ",
                " A, B: familjer av återanvänd text; A′ en variant · d i läsaren: jämför ",
            )
        })
}

fn render_cell(frame: &mut Frame, area: Rect, m: &MatrixScreen, ctx: &Ctx, theme: &Theme) {
    let case = ctx.case(m.case);
    let cell = m.selected_cell(ctx);
    let body = &case.bodies[m.row.min(case.bodies.len().saturating_sub(1))];
    let columns = m.columns(ctx);
    let col_name = match columns.get(m.col) {
        Some(Column::Stance(s)) => ctx.lang.stance(*s).to_string(),
        Some(Column::Party(p)) => p.clone(),
        None => String::new(),
    };
    let border = if m.focus == Pane::Cell {
        theme.border_focused
    } else {
        theme.dim
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} · {col_name} ", body.name))
        .border_style(border);
    let mut lines: Vec<Line> = Vec::new();
    if cell.is_empty() {
        lines.push(Line::styled(ctx.lang.pick("(empty)", "(tomt)"), theme.dim));
    }
    let picked = m.selected_position(ctx);
    for &i in &cell {
        let p = &case.positions[i];
        let mut label = format!("{} · {}", ctx.lang.stance(p.stance), case.byline(p));
        if let Some(mark) = ctx.family_mark(m.case, i) {
            label.push_str(&format!(" [{mark}]"));
        }
        if let Some(d) = case.date_of(p) {
            label.push_str(&format!(" · {d}"));
        }
        if let Some(Column::Party(party)) = columns.get(m.col)
            && case
                .party_stances(m.row, party)
                .iter()
                .any(|s| s.position == i && s.inferred)
        {
            label.push_str(ctx.lang.pick(
                " (* inferred: the majority's decision)",
                " (* härlett: majoritetens beslut)",
            ));
        }
        let style = if Some(i) == picked && m.focus == Pane::Cell {
            theme.selected
        } else {
            theme.heading
        };
        let marker = if Some(i) == picked { "▶ " } else { "  " };
        lines.push(Line::styled(format!("{marker}{label}"), style));
    }
    if let Some(i) = picked {
        // Take at most PREVIEW_CHARS characters without copying a long text first.
        let mut preview = String::new();
        let mut budget = PREVIEW_CHARS;
        for para in case.text_of(i).iter().take(3) {
            if budget == 0 {
                break;
            }
            if !preview.is_empty() {
                preview.push_str(" ¶ ");
            }
            let taken: String = para.chars().take(budget).collect();
            budget -= taken.chars().count();
            preview.push_str(&taken);
            if budget == 0 {
                preview.push('…');
            }
        }
        if preview.is_empty() {
            let body = &case.bodies[case.positions[i].body];
            preview = body.decision.join(" ");
        }
        lines.push(Line::raw(""));
        lines.push(Line::raw(preview));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}
