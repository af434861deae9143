//! The cases × parties view: a table of cases (dnr and date) against parties, each cell the
//! party's stances on the case in short ("Res. 7/7"), one per line; below it the selected
//! cell in words ("M: reservation in 7 of 7"). Party columns that do not fit scroll with the
//! selection.

use super::CrossCaseScreen;
use crate::export::matrix::case_cell;
use crate::model::matrix::{INFERRED_MARK, UNCERTAIN_MARK, UNREVIEWED_MARK};
use crate::text::width;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Mode;
use crate::tui::screens::Screen;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Mark, column_range_title, column_window};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

/// A cell shows at most this many stances, one per line; the rest are in the line below the
/// table.
const MAX_LINES: usize = 3;
/// The case column: a dnr and a date.
const CASE_WIDTH: usize = 14;

pub fn render(frame: &mut Frame, area: Rect, s: &CrossCaseScreen, ctx: &Ctx, theme: &Theme) {
    let lang = ctx.lang;
    let [table_area, detail] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
    let m = &s.matrix;
    // Each party column's lines, per row.
    let cells: Vec<Vec<Vec<String>>> = m
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| {
                    let text = case_cell(c, lang, true);
                    if text.is_empty() {
                        vec!["·".to_string()]
                    } else {
                        text.split(", ").map(str::to_string).collect()
                    }
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..m.parties.len())
        .map(|c| {
            cells
                .iter()
                .flat_map(|r| r[c].iter().take(MAX_LINES))
                .map(|l| width(l))
                .chain([width(&m.parties[c])])
                .max()
                .unwrap_or(1)
        })
        .collect();
    // The party columns that fit, from the first one that keeps the selection in view.
    let room = usize::from(table_area.width)
        .saturating_sub(2)
        .saturating_sub(CASE_WIDTH);
    let shown = column_window(&widths, 1, room, s.col);

    let rows: Vec<Row> = m
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let case = ctx.case(r.case);
            let date = r.date.map_or_else(
                || lang.pick("no date", "inget datum").to_string(),
                |d| d.to_string(),
            );
            let lines = cells[i]
                .iter()
                .skip(shown.start)
                .take(shown.len())
                .map(|l| l.len().min(MAX_LINES))
                .max()
                .unwrap_or(1)
                .max(2);
            let mut row = vec![Cell::from(Text::from(vec![
                Line::styled(case.dnr.clone(), theme.heading),
                Line::styled(date, theme.dim),
            ]))];
            for c in shown.clone() {
                let party = case.party(&m.parties[c]);
                let mut text: Vec<Line> = cells[i][c]
                    .iter()
                    .take(MAX_LINES)
                    .map(|l| Line::styled(l.clone(), theme.party(party)))
                    .collect();
                if cells[i][c].len() > MAX_LINES {
                    text.push(Line::styled("…", theme.dim));
                }
                let mut cell = Cell::from(Text::from(text));
                if i == s.row && c == s.col {
                    cell = cell.style(theme.selected);
                }
                row.push(cell);
            }
            Row::new(row).height(lines as u16)
        })
        .collect();
    let mut constraints = vec![Constraint::Length(CASE_WIDTH as u16)];
    constraints.extend(shown.clone().map(|c| Constraint::Length(widths[c] as u16)));
    let mut header = vec![Cell::from(lang.pick("Case", "Ärende"))];
    header.extend(shown.clone().map(|c| Cell::from(m.parties[c].clone())));
    let title = match lang {
        crate::i18n::Lang::En => format!(
            " Cases × parties ({} of {}) ",
            m.rows.len(),
            ctx.cases.len()
        ),
        crate::i18n::Lang::Sv => format!(
            " Ärenden × partier ({} av {}) ",
            m.rows.len(),
            ctx.cases.len()
        ),
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.border_focused);
    if !s.filter.is_empty() {
        block = block.title_bottom(Line::styled(
            format!(" {}: {} ", lang.pick("Filter", "Filter"), s.filter),
            theme.field,
        ));
    }
    if let Some(range) = column_range_title(&shown, m.parties.len(), theme.dim) {
        block = block.title_top(range);
    }
    let table = Table::new(rows, constraints)
        .header(Row::new(header).style(theme.heading))
        .column_spacing(1)
        .block(block);
    let mut state = TableState::default().with_selected(Some(s.row));
    frame.render_stateful_widget(table, table_area, &mut state);
    frame.render_widget(
        Paragraph::new(detail_lines(s, ctx, theme)).wrap(Wrap { trim: true }),
        detail,
    );
}

/// The selected cell in words, the case's title, and the cases left out for want of a date.
fn detail_lines<'a>(s: &CrossCaseScreen, ctx: &Ctx, theme: &Theme) -> Vec<Line<'a>> {
    let lang = ctx.lang;
    let m = &s.matrix;
    let mut lines = Vec::new();
    match m.rows.get(s.row) {
        None => lines.push(Line::styled(
            ctx.keys_in(
                Mode::Screen(Screen::CrossCase),
                lang.pick(
                    "No case passes the filter ({filter} to change it)",
                    "Inget ärende klarar filtret ({filter} för att ändra det)",
                ),
            ),
            theme.dim,
        )),
        Some(r) => {
            let case = ctx.case(r.case);
            lines.push(Line::from(vec![
                Span::styled(case.dnr.clone(), theme.heading),
                Span::raw(format!(" · {}", case.title)),
            ]));
            if let (Some(party), Some(cell)) = (m.parties.get(s.col), r.cells.get(s.col)) {
                let text = case_cell(cell, lang, false);
                let text = if text.is_empty() {
                    lang.pick("nothing known", "inget känt").to_string()
                } else {
                    text
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("{party}: "), theme.party(case.party(party))),
                    Span::raw(text),
                ]));
            }
        }
    }
    if m.undated > 0 {
        lines.push(Line::styled(
            match lang {
                crate::i18n::Lang::En => format!(
                    "{} case(s) without a date left out of the date range",
                    m.undated
                ),
                crate::i18n::Lang::Sv => {
                    format!(
                        "{} ärende(n) utan datum utanför datumintervallet",
                        m.undated
                    )
                }
            },
            theme.dim,
        ));
    }
    lines
}

/// Every mark the cases × parties view can show.
pub const MARKS: &[Mark] = &[
    Mark::named(
        ("Res. 7/7", "Res. 7/7"),
        "reservation in 7 of the 7 bodies where anything is known of the party's stance",
        "reservation i 7 av de 7 organ där något är känt om partiets ställningstagande",
    ),
    Mark::new(
        INFERRED_MARK,
        "inferred from the majority's decision, which names no party; (5*): in 5 of them",
        "härlett ur majoritetens beslut, som inte anger parti; (5*): i 5 av dem",
    ),
    Mark::new(
        UNCERTAIN_MARK,
        "imported and uncertain: check the document before quoting it",
        "importerat och osäkert: kontrollera dokumentet innan du citerar",
    ),
    Mark::new(
        UNREVIEWED_MARK,
        "imported and inferred, not yet reviewed",
        "importerat och härlett, ännu inte granskat",
    ),
    Mark::new(
        "·",
        "nothing known of the party on this case",
        "inget känt om partiet i detta ärende",
    ),
    Mark::new(
        "…",
        "more stances than fit: the line below the table has them all",
        "fler ställningstaganden än som får plats: raden under tabellen har alla",
    ),
    Mark::named(
        ("reverse", "omvänd"),
        "the selected cell ({cross-case:open} opens the case on the party's column)",
        "den valda cellen ({cross-case:open} öppnar ärendet på partiets kolumn)",
    ),
    Mark::new(
        "3–8/9",
        "the party columns shown, when not all fit",
        "partikolumnerna som visas, när inte alla får plats",
    ),
];
