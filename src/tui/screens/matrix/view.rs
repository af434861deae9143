//! The matrix screen: the case header, bodies × stances (or parties), and a pane with the
//! positions of the selected cell and the start of the chosen one.

use super::{MatrixScreen, Pane};
use crate::export::matrix::{choice_word, decision_cell, mark_name, point_label, vote_label};
use crate::i18n::Lang;
use crate::model::matrix::{Column, DECISION_MARK, INFERRED_MARK, Lens, review_mark};
use crate::model::points::PointCell;
use crate::model::{Point, Stance, VoteMethod};
use crate::text::width;
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Mark, column_range_title, column_window};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};
use std::ops::Range;

/// At most this much text of a position goes into the preview (a huge paragraph must not cost
/// a frame).
const PREVIEW_CHARS: usize = 1500;

pub fn render(frame: &mut Frame, area: Rect, m: &MatrixScreen, ctx: &Ctx, theme: &Theme) {
    let case = ctx.case(m.case);
    let summary = &ctx.derived(m.case).summary;
    let summary_rows = (crate::text::width(summary) as u16)
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
        // A case without a proposal of its own (a report: its points have them) shows none.
        let proposal = match case.proposal.first() {
            Some(p) => Line::from(vec![
                Span::styled(
                    format!("{}: ", ctx.lang.pick("Proposal", "Förslag")),
                    theme.field,
                ),
                Span::raw(p.clone()),
            ]),
            None => Line::default(),
        };
        frame.render_widget(Paragraph::new(proposal), proposal_row);
        frame.render_widget(
            Paragraph::new(Line::styled(summary.as_str(), theme.dim)).wrap(Wrap { trim: true }),
            summary_rows,
        );
    }

    let table = if m.by_point {
        point_table_layout(m, ctx, theme, area.width)
    } else {
        table_layout(m, ctx, theme, area.width)
    };
    let table_h = table.cells.iter().map(|r| row_height(r)).sum::<usize>() as u16 + 3;
    let [table_area, preview_area] = if rest.height > table_h + 5 {
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(3)]).areas(rest)
    } else if m.by_point && rest.height >= POINT_PANE_FROM {
        // A report's points rarely all fit: the table scrolls, and the pane below keeps the
        // selected point's full title and decision in view.
        Layout::vertical([Constraint::Min(5), Constraint::Length(POINT_PANE)]).areas(rest)
    } else {
        [rest, Rect::default()]
    };
    render_table(frame, table_area, table, m, ctx, theme);
    if preview_area.height > 0 {
        render_cell(frame, preview_area, m, ctx, theme);
    }
}

/// The table: one row per body (or point), one column per stance or party, as laid out by
/// [`fit_columns`]: the columns shown (they scroll with the selection when not all fit, the
/// run named in the top right corner), each never narrower than what it holds, so the table
/// never cuts a cell's marks.
fn render_table(
    frame: &mut Frame,
    area: Rect,
    t: TableLayout,
    m: &MatrixScreen,
    ctx: &Ctx,
    theme: &Theme,
) {
    let rows: Vec<Row> = t
        .cells
        .into_iter()
        .enumerate()
        .zip(t.lead)
        .map(|((b, row), lead)| {
            let height = row_height(&row);
            let mut cells: Vec<Cell> = lead.into_iter().map(Cell::from).collect();
            for (c, lines) in row.into_iter().enumerate() {
                let mut cell = Cell::from(Text::from(lines));
                if b == m.row && t.first + c == m.col {
                    let style = if m.focus == Pane::Matrix {
                        theme.selected
                    } else {
                        theme.selected_unfocused
                    };
                    cell = cell.style(style);
                }
                cells.push(cell);
            }
            Row::new(cells).height(height as u16)
        })
        .collect();
    // The first lead column (the body's or the point's name) takes what is left.
    let mut constraints = vec![Constraint::Fill(1)];
    constraints.extend(
        t.lead_widths
            .iter()
            .skip(1)
            .chain(&t.widths)
            .map(|w| Constraint::Length(*w as u16)),
    );
    let mut header: Vec<Cell> = t.lead_headers.into_iter().map(Cell::from).collect();
    header.extend(t.headers.into_iter().map(Cell::from));
    let lens = match m.lens {
        _ if m.by_point => ctx
            .lang
            .pick(" Decision points × parties ", " Beslutspunkter × partier "),
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
    let shown = t.first..t.first + t.widths.len();
    if let Some(range) = column_range_title(&shown, t.total, theme.dim) {
        block = block.title_top(range);
    }
    let table = Table::new(rows, constraints)
        .header(Row::new(header).style(theme.heading))
        .column_spacing(t.spacing as u16)
        .row_highlight_style(theme.heading)
        .block(block);
    let mut state = TableState::default().with_selected(Some(m.row));
    frame.render_stateful_widget(table, area, &mut state);
}

/// One item of a cell's content; items may go on separate lines. A word (a party code, a
/// stance, a reservation's label) that a very narrow column may shorten (`Rej.` → `R…`),
/// then its marks (`*`, `!`, `~`, ` A′`, the comma), which are facts and never cut.
struct Item {
    word: Span<'static>,
    marks: Vec<Span<'static>>,
}

impl Item {
    fn new(word: Span<'static>) -> Item {
        Item {
            word,
            marks: Vec::new(),
        }
    }

    fn mark(mut self, mark: Span<'static>) -> Item {
        self.marks.push(mark);
        self
    }

    fn width(&self) -> usize {
        width(&self.word.content) + self.marks.iter().map(|s| width(&s.content)).sum::<usize>()
    }

    /// The item in at most `columns` columns if it can be: its word cut on a whole grapheme
    /// with `…`, its marks whole (so never narrower than its marks and one column).
    fn shortened(mut self, columns: usize) -> Item {
        let over = self.width().saturating_sub(columns);
        if over > 0 {
            let word = width(&self.word.content);
            self.word.content = fit_name(&self.word.content, word.saturating_sub(over)).into();
        }
        self
    }

    fn spans(self) -> impl Iterator<Item = Span<'static>> {
        std::iter::once(self.word).chain(self.marks)
    }
}

/// Per row, per column: a cell's lines.
type Lines = Vec<Vec<Vec<Line<'static>>>>;

/// The table's columns laid out for a width.
struct TableLayout {
    /// The headings of the lead columns: the body's name; or the point and its decision.
    lead_headers: Vec<String>,
    /// Per row, the lead columns' texts, already fitted to their widths.
    lead: Vec<Vec<String>>,
    lead_widths: Vec<usize>,
    headers: Vec<String>,
    cells: Lines,
    /// Width of each stance or party column shown.
    widths: Vec<usize>,
    spacing: usize,
    /// The first column shown (columns scroll when not all fit), and how many there are.
    first: usize,
    total: usize,
}

/// The floor of the body names' column when space is short.
const MIN_BODY_WIDTH: usize = 12;
/// What the body names' column keeps at least when the columns scroll: enough to tell the
/// rows apart (the selected body's whole name is in the pane below).
const LEAST_BODY_WIDTH: usize = 8;

fn table_layout(m: &MatrixScreen, ctx: &Ctx, theme: &Theme, columns: u16) -> TableLayout {
    let case = ctx.case(m.case);
    let cols = m.columns(ctx);
    let build = |tiny: bool| {
        let headers: Vec<String> = cols
            .iter()
            .map(|c| match c {
                Column::Stance(s) if tiny => ctx.lang.stance_tiny(*s).to_string(),
                Column::Stance(s) => ctx.lang.stance_short(*s).to_string(),
                Column::Party(p) => p.clone(),
            })
            .collect();
        let cells: Vec<Vec<Vec<Item>>> = (0..case.bodies.len())
            .map(|b| {
                cols.iter()
                    .map(|col| cell_items(m, ctx, theme, b, col, tiny))
                    .collect()
            })
            .collect();
        (headers, cells)
    };
    let body_need = case
        .bodies
        .iter()
        .map(|b| width(&b.name))
        .chain([width(ctx.lang.pick("Body", "Organ"))])
        .max()
        .unwrap_or(0);
    // Borders take two columns; a gap of `spacing` before every stance or party column.
    let room = |spacing: usize| {
        usize::from(columns)
            .saturating_sub(2)
            .saturating_sub(spacing * cols.len())
    };
    let (mut headers, mut cells) = build(false);
    let (mut need, mut floor) = column_needs(&headers, &cells);
    // Shorten the stance names when they would leave the body names little room.
    if room(2).saturating_sub(need.iter().sum()) < 2 * MIN_BODY_WIDTH {
        (headers, cells) = build(true);
        (need, floor) = column_needs(&headers, &cells);
    }
    let lead = Lead {
        need: body_need,
        floor: body_need.min(MIN_BODY_WIDTH),
        least: body_need.min(LEAST_BODY_WIDTH),
    };
    let fitted = fit_columns(lead, &need, &floor, usize::from(columns), 0, m.col);
    let (headers, cells, widths, body_width) = fitted.pack(headers, cells);
    let body_width = body_width.min(body_need);
    TableLayout {
        lead_headers: vec![fit_name(ctx.lang.pick("Body", "Organ"), body_width)],
        lead: case
            .bodies
            .iter()
            .map(|b| vec![fit_name(&b.name, body_width)])
            .collect(),
        lead_widths: vec![body_width],
        headers,
        cells,
        widths,
        spacing: fitted.spacing,
        first: fitted.shown.start,
        total: need.len(),
    }
}

/// The lead columns' widths (the body's name; a point's label and decision): what they need
/// to show whole, what they keep while other columns can wrap instead (`floor`), and what they
/// keep at least when the columns scroll (`least`, enough to tell the rows apart).
#[derive(Debug, Clone, Copy)]
struct Lead {
    need: usize,
    floor: usize,
    least: usize,
}

/// How the columns of a table share a width: the lead columns' width, the columns shown (a
/// run of them, when not all fit), each column's width, and the gap between columns.
#[derive(Debug, Clone, PartialEq)]
struct Fitted {
    lead: usize,
    shown: Range<usize>,
    widths: Vec<usize>,
    spacing: usize,
}

/// The one rule of a matrix lens's columns in `columns` terminal columns (borders included;
/// `lead_gaps` gaps between the lead columns), given each column's `need` (its items on one
/// line) and `floor` (its widest item; [`column_needs`]):
/// 1. all columns shown, as [`share_spaced`] shares the width, when they fit so;
/// 2. else the columns scroll with the selected column (as cases × parties does,
///    [`column_window`]), each at its floor after a gap of one, the lead at its floor or,
///    while the selected column does not fit beside it, down to its `least`;
/// 3. a selected column that still does not fit is narrowed to what is left, and its items'
///    words are shortened there, never their marks ([`Item::shortened`]).
///
/// A column is never cut by the table, so no mark of a cell is lost at any width from which
/// the lead's least, one item's marks and the borders fit.
fn fit_columns(
    lead: Lead,
    need: &[usize],
    floor: &[usize],
    columns: usize,
    lead_gaps: usize,
    selected: usize,
) -> Fitted {
    let n = need.len();
    let inner = columns.saturating_sub(2);
    let room = |spacing: usize| inner.saturating_sub(spacing * (n + lead_gaps));
    let (all_lead, all_widths, spacing) = share_spaced(lead.need, lead.floor, need, floor, room);
    if n == 0 || all_lead + all_widths.iter().sum::<usize>() <= room(spacing) {
        return Fitted {
            lead: all_lead,
            shown: 0..n,
            widths: all_widths,
            spacing,
        };
    }
    let mut widths: Vec<usize> = floor.iter().zip(need).map(|(f, n)| *f.min(n)).collect();
    let inner = inner.saturating_sub(lead_gaps);
    let selected = selected.min(n - 1);
    let mut lead_width = lead
        .floor
        .min(inner.saturating_sub(widths[selected] + 1))
        .max(lead.least);
    let avail = inner.saturating_sub(lead_width);
    let shown = column_window(&widths, 1, avail, selected);
    if widths[selected] + 1 > avail {
        widths[selected] = avail.saturating_sub(1).max(1);
    }
    let used: usize = shown.clone().map(|c| widths[c] + 1).sum();
    lead_width += avail
        .saturating_sub(used)
        .min(lead.need.saturating_sub(lead_width));
    Fitted {
        lead: lead_width,
        shown,
        widths,
        spacing: 1,
    }
}

impl Fitted {
    /// The shown columns' headings (cut with `…` where a column was narrowed) and cells, their
    /// items packed into lines of the column's width, the columns' widths, and the lead's width
    /// (a column whose items wrapped may use less than it was given: the rest goes to the
    /// lead).
    fn pack(
        &self,
        headers: Vec<String>,
        cells: Vec<Vec<Vec<Item>>>,
    ) -> (Vec<String>, Lines, Vec<usize>, usize) {
        fn shown<T>(v: Vec<T>, run: &Range<usize>) -> Vec<T> {
            v.into_iter().skip(run.start).take(run.len()).collect()
        }
        let mut widths = shown(self.widths.clone(), &self.shown);
        let headers: Vec<String> = shown(headers, &self.shown)
            .iter()
            .zip(&widths)
            .map(|(h, w)| fit_name(h, *w))
            .collect();
        let cells = cells
            .into_iter()
            .map(|row| shown(row, &self.shown))
            .collect();
        let mut lead = self.lead;
        let cells = pack_all(cells, &headers, &mut widths, &mut lead);
        (headers, cells, widths, lead)
    }
}

/// The floor of the point titles' column, and of the decisions', when space is short.
const MIN_POINT_WIDTH: usize = 12;
const MIN_DECISION_WIDTH: usize = 12;
/// What the point titles' column, and the decisions', keep at least when the columns scroll.
const LEAST_POINT_WIDTH: usize = 6;
/// The height of the pane below a points matrix that does not fit, and the height of the
/// screen's lower part from which it is shown.
const POINT_PANE: u16 = 7;
const POINT_PANE_FROM: u16 = 14;

/// The points lens: one row per decision point (its number and title, how it was decided),
/// then the row of positions naming no point; one column per party. The columns share the
/// width as the bodies' matrix does: party columns wrap their items before the titles and
/// decisions are cut (on whole graphemes, `…`), and those two share what is left by need.
fn point_table_layout(m: &MatrixScreen, ctx: &Ctx, theme: &Theme, columns: u16) -> TableLayout {
    let case = ctx.case(m.case);
    let lang = ctx.lang;
    let pm = &ctx.derived(m.case).points;
    let lead_headers = [
        lang.pick("Point", "Punkt").to_string(),
        lang.pick("Decision", "Beslut").to_string(),
    ];
    let lead_full: Vec<[String; 2]> = pm
        .rows
        .iter()
        .map(|row| match row.point.and_then(|k| case.points.get(k)) {
            Some(pt) => [point_label(pt), decision_short(pt, lang)],
            None => [
                lang.pick("– (no point)", "– (ingen punkt)").to_string(),
                String::new(),
            ],
        })
        .collect();
    let build = |tiny: bool| -> Vec<Vec<Vec<Item>>> {
        pm.rows
            .iter()
            .map(|row| {
                row.cells
                    .iter()
                    .zip(&pm.parties)
                    .map(|(cell, party)| point_items(m, ctx, theme, cell, party, tiny))
                    .collect()
            })
            .collect()
    };
    let headers = pm.parties.clone();
    let lead_need = |i: usize| {
        lead_full
            .iter()
            .map(|l| width(&l[i]))
            .chain([width(&lead_headers[i])])
            .max()
            .unwrap_or(0)
    };
    let (label_need, decision_need) = (lead_need(0), lead_need(1));
    let label_floor = label_need.min(MIN_POINT_WIDTH);
    let decision_floor = decision_need.min(MIN_DECISION_WIDTH);
    // Borders take two columns; a gap of `spacing` before the decision and every party.
    let room = |spacing: usize| {
        usize::from(columns)
            .saturating_sub(2)
            .saturating_sub(spacing * (pm.parties.len() + 1))
    };
    let headers_all = headers;
    let mut cells = build(false);
    let (mut need, mut floor) = column_needs(&headers_all, &cells);
    if room(2).saturating_sub(need.iter().sum()) < label_floor + decision_floor + MIN_POINT_WIDTH {
        cells = build(true);
        (need, floor) = column_needs(&headers_all, &cells);
    }
    let lead_need = label_need + decision_need;
    let lead = Lead {
        need: lead_need,
        floor: label_floor + decision_floor,
        least: lead_need.min(2 * LEAST_POINT_WIDTH),
    };
    let fitted = fit_columns(lead, &need, &floor, usize::from(columns), 1, m.col);
    let (headers, cells, widths, lead) = fitted.pack(headers_all, cells);
    let (label_width, decision_width) = split_by_need(
        lead.min(lead_need),
        (label_need, label_floor),
        (decision_need, decision_floor),
    );
    TableLayout {
        lead_headers: vec![
            fit_name(&lead_headers[0], label_width),
            fit_name(&lead_headers[1], decision_width),
        ],
        lead: lead_full
            .iter()
            .map(|[label, decision]| {
                vec![
                    fit_name(label, label_width),
                    fit_name(decision, decision_width),
                ]
            })
            .collect(),
        lead_widths: vec![label_width, decision_width],
        headers,
        cells,
        widths,
        spacing: fitted.spacing,
        first: fitted.shown.start,
        total: need.len(),
    }
}

/// `total` columns shared by two texts given as (need, floor): each gets its floor, and what
/// is left goes to each in proportion to how much more it needs; never more than it needs.
fn split_by_need(total: usize, a: (usize, usize), b: (usize, usize)) -> (usize, usize) {
    // Below both floors, the floors shrink in proportion.
    let (a, b) = match a.1 + b.1 {
        floors if floors > total => {
            let a_floor = total * a.1 / floors;
            ((a.0, a_floor), (b.0, total - a_floor))
        }
        _ => (a, b),
    };
    let (a_more, b_more) = (a.0 - a.1.min(a.0), b.0 - b.1.min(b.0));
    let extra = total.saturating_sub(a.1 + b.1);
    let a_extra = match a_more + b_more {
        0 => 0,
        more => (extra * a_more).div_ceil(more).min(a_more),
    };
    let a_width = (a.1 + a_extra).min(total);
    let b_width = total.saturating_sub(a_width).min(b.0);
    (a_width, b_width)
}

/// How a point was decided, short enough for a column and with the winner first, so that a
/// cut keeps it: "yes won 175–101", "vote 8–8" (no winner), "acclamation", else the first
/// paragraph of the decision as written. The whole vote is in the pane below and in the
/// reader.
fn decision_short(pt: &Point, lang: Lang) -> String {
    match &pt.vote {
        Some(v) if v.method == VoteMethod::Vote => {
            let mut s = match v.winner() {
                Some(w) => {
                    let w = choice_word(w, lang);
                    match lang {
                        Lang::En => format!("{w} won"),
                        Lang::Sv => format!("{w} vann"),
                    }
                }
                None => lang.pick("vote", "votering").to_string(),
            };
            if let (Some(y), Some(n)) = (v.tally.yes, v.tally.no) {
                s.push_str(&format!(" {y}–{n}"));
            }
            s
        }
        Some(_) => lang.pick("acclamation", "acklamation").to_string(),
        None => pt.decision.first().cloned().unwrap_or_default(),
    }
}

/// What one party did on one point: its reservations and statements ("Res. 4", "Res. 6
/// (reasons)", "Spec. st. 2"; on a narrow screen "R4", "R6°", "S2"), each with its review
/// and family marks, then how it voted ("no", "yes ✓"), a comma between them.
fn point_items(
    m: &MatrixScreen,
    ctx: &Ctx,
    theme: &Theme,
    cell: &PointCell,
    party: &str,
    tiny: bool,
) -> Vec<Item> {
    let case = ctx.case(m.case);
    let lang = ctx.lang;
    let style = theme.party(case.party(party));
    let mut items: Vec<Item> = Vec::new();
    for mark in &cell.marks {
        let review = review_mark(case.review_of(mark.position));
        let (label, marks) = if tiny {
            let name = match mark.stance {
                Stance::Reservation => "R",
                Stance::SpecialStatement => "S",
                s => lang.stance_tiny(s),
            };
            let number = mark.number.map(|n| n.to_string()).unwrap_or_default();
            let reasons = if mark.reasons_only { REASONS_MARK } else { "" };
            (format!("{name}{number}"), format!("{reasons}{review}"))
        } else {
            (mark_name(mark, lang), review.to_string())
        };
        let mut item = Item::new(Span::styled(label, style)).mark(Span::styled(marks, style));
        if let Some(f) = ctx.family_mark(m.case, mark.position) {
            item = item.mark(Span::styled(format!(" {f}"), theme.family));
        }
        items.push(item);
    }
    if let Some(vote) = vote_label(cell, lang) {
        items.push(Item::new(Span::raw(vote)));
    }
    let n = items.len();
    for item in items.iter_mut().take(n.saturating_sub(1)) {
        item.marks.push(Span::raw(","));
    }
    items
}

/// Marks a reservation against the reasoning only (motivreservation), on a narrow screen.
const REASONS_MARK: &str = "°";

/// Every cell's items packed into lines of its column's width. A column whose cells wrapped
/// may be narrower than it was given: what it does not use goes to `spare`.
fn pack_all(
    cells: Vec<Vec<Vec<Item>>>,
    headers: &[String],
    widths: &mut [usize],
    spare: &mut usize,
) -> Lines {
    let cells: Lines = cells
        .into_iter()
        .map(|row| {
            row.into_iter()
                .zip(widths.iter())
                .map(|(items, w)| pack(items, *w))
                .collect()
        })
        .collect();
    for (c, w) in widths.iter_mut().enumerate() {
        let used = cells
            .iter()
            .flat_map(|row| {
                row[c]
                    .iter()
                    .map(|l| l.spans.iter().map(|s| width(&s.content)).sum::<usize>())
            })
            .chain([width(&headers[c])])
            .max()
            .unwrap_or(0);
        if used < *w {
            *spare += *w - used;
            *w = used;
        }
    }
    cells
}

/// The widest a cell's items can be, together on one line (`need`) and each on its own
/// (`floor`), per column, headers included.
fn column_needs(headers: &[String], cells: &[Vec<Vec<Item>>]) -> (Vec<usize>, Vec<usize>) {
    let mut need: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    let mut floor = need.clone();
    for row in cells {
        for (c, items) in row.iter().enumerate() {
            need[c] = need[c].max(line_width(items));
            floor[c] = floor[c].max(items.iter().map(Item::width).max().unwrap_or(0));
        }
    }
    (need, floor)
}

/// [`share_width`] with a gap of two columns between columns, or of one when two do not
/// fit; `room(gap)` is the room left for the columns with that gap. The lead columns' width,
/// the other columns' widths, and the gap.
fn share_spaced(
    lead_need: usize,
    lead_floor: usize,
    need: &[usize],
    floor: &[usize],
    room: impl Fn(usize) -> usize,
) -> (usize, Vec<usize>, usize) {
    let (lead, widths) = share_width(lead_need, lead_floor, need, floor, room(2));
    if lead + widths.iter().sum::<usize>() <= room(2) {
        return (lead, widths, 2);
    }
    let (lead, widths) = share_width(lead_need, lead_floor, need, floor, room(1));
    (lead, widths, 1)
}

/// A row's height: its tallest cell.
fn row_height(row: &[Vec<Line>]) -> usize {
    row.iter().map(Vec::len).max().unwrap_or(1).max(1)
}

/// The width of the body names' column and of the other columns in `room` columns: each as
/// wide as it needs when they fit; else the columns that save the most by wrapping their items
/// onto more lines wrap first (down to `floor`, their widest item), and only when every one is
/// wrapped are the body names cut, down to `body_floor`. At worst every column at its floor.
pub fn share_width(
    body_need: usize,
    body_floor: usize,
    need: &[usize],
    floor: &[usize],
    room: usize,
) -> (usize, Vec<usize>) {
    let mut widths = need.to_vec();
    let total = |widths: &[usize], body: usize| body + widths.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..need.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(need[c] - floor[c].min(need[c])));
    for c in order {
        if total(&widths, body_need) <= room {
            break;
        }
        widths[c] = floor[c].min(need[c]);
    }
    let over = total(&widths, body_need).saturating_sub(room);
    let body = body_need
        .saturating_sub(over)
        .max(body_floor.min(body_need));
    (body, widths)
}

/// The width of a cell's items on one line, a space between them.
fn line_width(items: &[Item]) -> usize {
    items.iter().map(Item::width).sum::<usize>() + items.len().saturating_sub(1)
}

/// A cell's items packed into lines of at most `width` columns, a space between items; an
/// item wider than the column stands alone, its word shortened to fit ([`Item::shortened`]).
fn pack(items: Vec<Item>, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut used = 0;
    for item in items {
        let item = item.shortened(width);
        let w = item.width();
        match lines.last_mut() {
            Some(line) if used + 1 + w <= width => {
                line.spans.push(Span::raw(" "));
                line.spans.extend(item.spans());
                used += 1 + w;
            }
            _ => {
                lines.push(Line::from(item.spans().collect::<Vec<_>>()));
                used = w;
            }
        }
    }
    if lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}

/// A body's name in `width` columns: whole, or cut with `…`.
fn fit_name(name: &str, width: usize) -> String {
    crate::export::matrix::fit(name, width)
}

/// A cell's items: party codes in their colours (stance lens) or stances (party lens), the
/// decision mark, inferred stances marked, each position's family and review marks.
fn cell_items(
    m: &MatrixScreen,
    ctx: &Ctx,
    theme: &Theme,
    body: usize,
    col: &Column,
    tiny: bool,
) -> Vec<Item> {
    let case = ctx.case(m.case);
    let mut items: Vec<Item> = Vec::new();
    match col {
        Column::Stance(s) => {
            let mut seen: Vec<&str> = Vec::new();
            for i in case.cell(body, *s) {
                let p = &case.positions[i];
                let review = review_mark(case.review_of(i));
                let before = items.len();
                if p.parties.is_empty() && seen.is_empty() {
                    seen.push(DECISION_MARK);
                    items.push(Item::new(Span::raw(DECISION_MARK)).mark(Span::raw(review)));
                }
                for code in &p.parties {
                    if !seen.contains(&code.as_str()) {
                        seen.push(code);
                        let style = theme.party(case.party(code));
                        items.push(
                            Item::new(Span::styled(code.clone(), style))
                                .mark(Span::styled(review, style)),
                        );
                    }
                }
                // The family mark goes with the position's last item.
                if let Some(mark) = ctx.family_mark(m.case, i) {
                    let grew = items.len() > before;
                    match items.last_mut().filter(|_| grew) {
                        Some(last) => last
                            .marks
                            .push(Span::styled(format!(" {mark}"), theme.family)),
                        None => items
                            .push(Item::new(Span::raw("")).mark(Span::styled(mark, theme.family))),
                    }
                }
            }
        }
        Column::Party(party) => {
            let stances = case.party_stances(body, party);
            let n = stances.len();
            for (k, s) in stances.iter().enumerate() {
                let name = if tiny {
                    ctx.lang.stance_tiny(s.stance)
                } else {
                    ctx.lang.stance_short(s.stance)
                };
                let review = review_mark(case.review_of(s.position));
                let comma = if k + 1 < n { "," } else { "" };
                let item = if s.inferred {
                    Item::new(Span::styled(name, theme.dim))
                        .mark(Span::styled(format!("{INFERRED_MARK}{review}"), theme.dim))
                } else {
                    let style = theme.party(case.party(party));
                    let item =
                        Item::new(Span::styled(name, style)).mark(Span::styled(review, style));
                    match ctx.family_mark(m.case, s.position) {
                        Some(mark) => item.mark(Span::styled(format!(" {mark}"), theme.family)),
                        None => item,
                    }
                };
                items.push(item.mark(Span::raw(comma)));
            }
        }
    }
    items
}

/// The legend of the family marks, when the case has any, naming the letters this case shows
/// (families are lettered across all loaded cases, so a case may show `B` and `C` only).
fn family_legend(m: &MatrixScreen, ctx: &Ctx) -> Option<String> {
    let case = ctx.case(m.case);
    let marks: std::collections::BTreeSet<String> = (0..case.positions.len())
        .filter_map(|i| ctx.family_mark(m.case, i))
        .collect();
    let mut letters: Vec<&str> = marks.iter().map(|s| s.trim_end_matches('′')).collect();
    letters.dedup();
    let first = *letters.first()?;
    let shown = match letters.len() {
        1 => first.to_string(),
        2 => format!("{first}, {}", letters[1]),
        _ => format!("{first}, {} …", letters[1]),
    };
    let (families, variant, diff) = match ctx.lang {
        crate::i18n::Lang::En => (
            "families of reused text",
            "a variant",
            "d in the reader: diff",
        ),
        crate::i18n::Lang::Sv => (
            "familjer av återanvänd text",
            "en variant",
            "d i läsaren: jämför",
        ),
    };
    let families = if letters.len() == 1 {
        ctx.lang
            .pick("a family of reused text", "en familj av återanvänd text")
    } else {
        families
    };
    let variant_mark = marks.iter().find(|s| s.ends_with('′'));
    Some(match variant_mark {
        Some(v) => format!(" {shown}: {families}; {v} {variant} · {diff} "),
        None => format!(" {shown}: {families} · {diff} "),
    })
}

fn render_cell(frame: &mut Frame, area: Rect, m: &MatrixScreen, ctx: &Ctx, theme: &Theme) {
    let case = ctx.case(m.case);
    let cell = m.selected_cell(ctx);
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
    let mut lines: Vec<Line> = Vec::new();
    let row_name = if m.by_point {
        // The point in full: its title (cut in the table), how it was decided, and how the
        // column's party voted.
        let pm = &ctx.derived(m.case).points;
        let row = pm.rows.get(m.row);
        match row.and_then(|r| r.point).and_then(|k| case.points.get(k)) {
            Some(pt) => {
                let decision = decision_cell(pt, ctx.lang);
                if !decision.is_empty() {
                    lines.push(Line::from(vec![
                        Span::styled(
                            format!("{}: ", ctx.lang.pick("Decision", "Beslut")),
                            theme.field,
                        ),
                        Span::raw(decision),
                    ]));
                }
                if let Some(vote) = row
                    .and_then(|r| r.cells.get(m.col))
                    .and_then(|c| vote_label(c, ctx.lang))
                {
                    lines.push(Line::from(vec![
                        Span::styled(
                            format!("{col_name} {}: ", ctx.lang.pick("voted", "röstade")),
                            theme.field,
                        ),
                        Span::raw(vote),
                    ]));
                }
                point_label(pt)
            }
            None => ctx.lang.pick("– (no point)", "– (ingen punkt)").to_string(),
        }
    } else {
        let body = &case.bodies[m.row.min(case.bodies.len().saturating_sub(1))];
        body.name.clone()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {row_name} · {col_name} "))
        .border_style(border);
    if cell.is_empty() {
        lines.push(Line::styled(ctx.lang.pick("(empty)", "(tomt)"), theme.dim));
    }
    let picked = m.selected_position(ctx);
    for &i in &cell {
        let p = &case.positions[i];
        let mut label = format!("{} · {}", ctx.lang.position_name(p), case.byline(p));
        if let Some(mark) = ctx.family_mark(m.case, i) {
            label.push_str(&format!(" [{mark}]"));
        }
        if let Some(d) = case.date_of(p) {
            label.push_str(&format!(" · {d}"));
        }
        if let Some(Column::Party(party)) = columns.get(m.col)
            && !m.by_point
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

/// The marks of the bodies' matrix (the stance and party lenses); with [`COMMON_MARKS`],
/// every mark it can show.
pub const MARKS: &[Mark] = &[
    Mark::new(
        "M S …",
        "stance lens: the parties that took the column's stance in the body",
        "ställningstagandevyn: partierna som tog kolumnens ställning i organet",
    ),
    Mark::new(
        "•",
        "the body's own decision, naming no party",
        "organets eget beslut, som inte nämner något parti",
    ),
    Mark::named(
        ("Res. Rej. …", "Res. Avst. …"),
        "party lens: the stances the column's party took in the body (shortened)",
        "partivyn: ställningstagandena kolumnens parti tog i organet (förkortade)",
    ),
    Mark::new(
        "*",
        "party lens: inferred from the governing majority's decision, not named in it",
        "partivyn: härlett ur den styrande majoritetens beslut, partiet nämns inte där",
    ),
];

/// The marks of the points lens; with [`COMMON_MARKS`], every mark it can show.
pub const POINT_MARKS: &[Mark] = &[
    Mark::named(
        ("Res. 4  R4", "Res. 4  R4"),
        "points lens: the party's reservation number 4 on the row's point (R4 when narrow)",
        "beslutspunktsvyn: partiets reservation nummer 4 på radens punkt (R4 när det är trångt)",
    ),
    Mark::named(
        ("(reasons)  °", "(motiv)  °"),
        "points lens: a reservation against the reasoning only, not the decision",
        "beslutspunktsvyn: en motivreservation, mot motiveringen, inte beslutet",
    ),
    Mark::named(
        ("Spec. st. 2  S2", "Särsk. 2  S2"),
        "points lens: the party's special statement number 2 on the row's point",
        "beslutspunktsvyn: partiets särskilda yttrande nummer 2 på radens punkt",
    ),
    Mark::named(
        ("yes ✓  no", "ja ✓  nej"),
        "points lens: how most of the party voted; ✓ on the winning side of the vote",
        "beslutspunktsvyn: hur de flesta i partiet röstade; ✓ på den vinnande sidan",
    ),
    Mark::named(
        ("– (no point)", "– (ingen punkt)"),
        "points lens: reservations and statements that name no decision point",
        "beslutspunktsvyn: reservationer och yttranden som inte anger någon beslutspunkt",
    ),
];

/// The marks every lens can show: the families, the stance that could not be read, the
/// review marks, the selection.
pub const COMMON_MARKS: &[Mark] = &[
    Mark::new(
        "A B",
        "a family of reused text: the same text filed in several bodies",
        "en familj av återanvänd text: samma text i flera organ",
    ),
    Mark::new(
        "A′",
        "a variant of family A's text ({reader:diff-relative} in the reader shows what changed)",
        "en variant av familj A:s text ({reader:diff-relative} i läsaren visar vad som ändrats)",
    ),
    Mark::new(
        "?",
        "the stance could not be read from the document",
        "ställningstagandet gick inte att läsa ut ur dokumentet",
    ),
    Mark::new(
        "!",
        "imported and uncertain: check the document before quoting it",
        "importerat och osäkert: kontrollera dokumentet innan du citerar",
    ),
    Mark::new(
        "~",
        "imported and inferred, not yet reviewed",
        "importerat och härlett, ännu inte granskat",
    ),
    Mark::new(
        "3–5/8 R…",
        "columns 3–5 of 8 shown; R…: a word cut to fit, marks kept",
        "kolumn 3–5 av 8 visas; R…: ett ord kortat, markeringarna hela",
    ),
    Mark::named(
        ("reverse", "omvänd"),
        "the selected cell (dimmed while the cell's positions have the focus)",
        "den valda cellen (nedtonad när cellens ställningstaganden har fokus)",
    ),
    Mark::new(
        "▶",
        "the position of the cell that {matrix:open} opens ({matrix:next-pane}, then {matrix:down}/{matrix:up} to choose)",
        "cellens ställningstagande som {matrix:open} öppnar ({matrix:next-pane}, sedan {matrix:down}/{matrix:up} för att välja)",
    ),
];

#[cfg(test)]
mod tests {
    use super::{Fitted, Item, Lead, fit_columns, share_width};
    use ratatui::text::Span;

    #[test]
    fn columns_scroll_before_a_mark_is_cut() {
        let lead = Lead {
            need: 20,
            floor: 12,
            least: 8,
        };
        // Everything fits: every column shows.
        let f = fit_columns(lead, &[6, 6], &[6, 6], 80, 0, 0);
        assert_eq!(f.shown, 0..2);
        // 30 columns, 28 inside: the names at their floor, the two columns that fit beside
        // them, what is left back to the names.
        let f = fit_columns(lead, &[6; 5], &[6; 5], 30, 0, 0);
        assert_eq!(
            f,
            Fitted {
                lead: 14,
                shown: 0..2,
                widths: vec![6; 5],
                spacing: 1
            }
        );
        // The run follows the selection.
        assert_eq!(fit_columns(lead, &[6; 5], &[6; 5], 30, 0, 4).shown, 3..5);
        // A wide column beside the names: they give way down to their least, then the column
        // is narrowed (its items' words are shortened, not their marks).
        let f = fit_columns(lead, &[11, 6], &[11, 6], 20, 0, 0);
        assert_eq!((f.lead, f.shown, f.widths[0]), (8, 0..1, 9));
    }

    #[test]
    fn a_shortened_item_keeps_its_marks() {
        let shortened = |columns: usize| {
            let item = Item::new(Span::raw("Rej.")).mark(Span::raw("*!"));
            let spans = item.shortened(columns).spans();
            spans.map(|s| s.content.to_string()).collect::<String>()
        };
        assert_eq!(shortened(6), "Rej.*!");
        assert_eq!(shortened(4), "R…*!");
        // Never narrower than the marks and one column.
        assert_eq!(shortened(1), "…*!");
    }

    #[test]
    fn columns_wrap_before_body_names_are_cut() {
        // Everything fits: everyone gets what they need.
        assert_eq!(
            share_width(20, 12, &[5, 14], &[5, 6], 50),
            (20, vec![5, 14])
        );
        // Short by 8: the column that saves most by wrapping wraps; the names stay whole.
        assert_eq!(
            share_width(33, 12, &[7, 14, 14], &[7, 6, 6], 60),
            (33, vec![7, 6, 14])
        );
        // Every column wrapped and still short: only then are the names cut, to their floor.
        assert_eq!(share_width(33, 12, &[7, 14], &[7, 6], 30), (17, vec![7, 6]));
        assert_eq!(share_width(33, 12, &[7, 14], &[7, 6], 10), (12, vec![7, 6]));
    }
}
