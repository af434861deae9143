//! The search overlay: a query typed at the top, hits below as they come (the search runs in
//! the shell, off the UI thread), Enter opens a hit in the reader with its paragraph selected
//! and the matched words marked; `n`/`N` in the reader step through the hits.
//!
//! The search's state is the app's, not the overlay slot's: closing the overlay keeps the
//! query and its hits, so `/` shows them again and the reader steps through them.

use crate::analysis::search::{Hit, Query, Results, snippet};
use crate::export::search::{place, stance_label};
use crate::i18n::Lang;
use crate::model::citation;
use crate::notes::{ItemKind, Quote};
use crate::tui::action::{Action, Effect, NotesOp, Outcome, TextEdit};
use crate::tui::ctx::Ctx;
use crate::tui::screens::reader::ReaderScreen;
use crate::tui::screens::{Route, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Mark, input_window};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use std::sync::Arc;

/// Hits fetched per search: what the overlay can list (the total is counted apart).
pub const SEARCH_LIMIT: usize = 500;

/// The longest query the overlay takes: as long as a paste may be, so that a pasted passage
/// (a paragraph or several) finds where it comes from.
const MAX_QUERY_CHARS: usize = crate::tui::overlays::prompt::MAX_PASTE_CHARS;

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The results list, not the query, has the focus.
    pub list_focus: bool,
    pub input: tui_input::Input,
    /// The latest results (of the query `results_for`).
    pub results: Option<Arc<Results>>,
    pub results_for: String,
    /// Problems of the query as typed, in the UI language.
    pub problems: Vec<String>,
    /// The generation of the last search asked for, and of the results shown.
    pub asked: u64,
    pub answered: u64,
    /// The selected hit.
    pub cursor: usize,
    /// The hit open in the reader, for `n`/`N`.
    pub current: Option<usize>,
}

impl SearchState {
    pub fn hits(&self) -> &[Hit] {
        self.results.as_ref().map_or(&[], |r| r.hits.as_slice())
    }

    /// Whether results for the query as typed are still to come.
    pub fn searching(&self) -> bool {
        self.asked != self.answered
    }

    /// `/`: the overlay opens on the query (with the last query and its results).
    pub fn opened(&mut self) {
        self.list_focus = false;
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let n = self.hits().len();
        match action {
            Action::Edit(TextEdit::Insert(c))
                if c.is_control() || self.input.value().chars().count() >= MAX_QUERY_CHARS => {}
            Action::Edit(edit) => {
                let before = self.input.value().to_string();
                self.input
                    .handle(crate::tui::overlays::prompt::input_request(*edit));
                if self.input.value() != before {
                    return self.ask(ctx.lang);
                }
            }
            Action::Paste(text) => {
                let before = self.input.value().len();
                let cut =
                    crate::tui::overlays::prompt::paste(&mut self.input, text, MAX_QUERY_CHARS);
                let asked = if self.input.value().len() != before {
                    self.ask(ctx.lang)
                } else {
                    Outcome::none()
                };
                return if cut {
                    let msg =
                        crate::tui::overlays::prompt::paste_cut_message(ctx.lang, MAX_QUERY_CHARS);
                    asked.with_status(msg, true)
                } else {
                    asked
                };
            }
            Action::Down => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::PageDown => self.cursor = (self.cursor + 10).min(n.saturating_sub(1)),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(10),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = n.saturating_sub(1),
            Action::NextPane => self.list_focus = !self.list_focus && n > 0,
            // `/` in the list: back to the query.
            Action::OpenSearch => self.list_focus = false,
            Action::Back => return Outcome::close(),
            Action::Submit | Action::Open => {
                if n == 0 {
                    return Outcome::say(ctx.lang.pick("No hit to open", "Ingen träff att öppna"));
                }
                return self.open_hit(self.cursor, ctx).closing();
            }
            Action::CopyParagraph | Action::AddToNotes => {
                let Some((case, q)) = self.hit_quote(self.cursor, ctx) else {
                    return Outcome::none();
                };
                if *action == Action::CopyParagraph {
                    let text = citation::format_quote(&q.text, &q.citation);
                    return Outcome::effect(Effect::Copy(text));
                }
                return Outcome::say(ctx.lang.pick("Added to the notes", "Lagt i anteckningarna"))
                    .with_notes(case, NotesOp::Push(ItemKind::Quote(q)));
            }
            _ => {}
        }
        Outcome::none()
    }

    /// The query changed: ask the shell for its hits (or clear them for an empty query).
    fn ask(&mut self, lang: Lang) -> Outcome {
        let text = self.input.value().to_string();
        let query = Query::parse(&text);
        self.problems = query.problems().iter().map(|p| p.message(lang)).collect();
        self.asked += 1;
        self.cursor = 0;
        self.current = None;
        if query.is_empty() {
            self.answered = self.asked;
            self.results = None;
            self.results_for = text;
            return Outcome::none();
        }
        Outcome::effect(Effect::Search {
            generation: self.asked,
            query: text,
            limit: SEARCH_LIMIT,
        })
    }

    /// Hits arrived; older ones than the last asked for are dropped.
    pub fn done(&mut self, generation: u64, query: String, results: Arc<Results>) {
        if generation < self.answered || generation > self.asked {
            return;
        }
        self.answered = generation;
        self.results = Some(results);
        self.results_for = query;
        self.cursor = self.cursor.min(self.hits().len().saturating_sub(1));
    }

    /// Open hit `at` in the reader: its paragraph selected and its matches marked. Over a
    /// reader it takes that reader's place; over another screen it opens on top.
    fn open_hit(&mut self, at: usize, ctx: &Ctx) -> Outcome {
        let Some(hit) = self.hits().get(at).filter(|h| h.case < ctx.cases.len()) else {
            return Outcome::none();
        };
        let r = ReaderScreen::open_marked(ctx, hit.case, hit.target, hit.highlights.clone());
        self.current = Some(at);
        self.cursor = at;
        let route = Route::Reader(Box::new(r));
        if ctx.screen == Screen::Reader {
            Outcome::replace(route)
        } else {
            Outcome::push(route)
        }
    }

    /// `n` / `N` in the reader: the next or previous hit.
    pub fn step(&mut self, forward: bool, ctx: &Ctx) -> Outcome {
        let n = self.hits().len();
        let lang = ctx.lang;
        let next = match (self.current, forward) {
            _ if n == 0 => None,
            (Some(c), true) => (c + 1 < n).then_some(c + 1),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => Some(0),
            (None, false) => Some(n - 1),
        };
        match next {
            Some(i) => {
                let msg = match lang {
                    Lang::En => format!("Hit {} of {n}", i + 1),
                    Lang::Sv => format!("Träff {} av {n}", i + 1),
                };
                self.open_hit(i, ctx).with_status(msg, false)
            }
            None if n == 0 => {
                Outcome::say(lang.pick("No search hits: / searches", "Inga sökträffar: / söker"))
            }
            None => Outcome::say(lang.pick("No further hit", "Ingen fler träff")),
        }
    }

    /// A hit's paragraph as a quote, with its case index.
    fn hit_quote(&self, at: usize, ctx: &Ctx) -> Option<(usize, Quote)> {
        let hit = self.hits().get(at)?;
        let case = ctx.cases.get(hit.case)?;
        let p = hit.target.paragraph;
        Quote::new(case, hit.target.part, (p, p), None).map(|q| (hit.case, q))
    }
}

/// Where the overlay goes: all of `main`, so that no strip of the screen under it shows
/// beside the box.
pub fn area(main: Rect) -> Rect {
    main
}

/// The query, the count (or that the search is still running), problems with the query, and
/// the hits: where each is (body, stance, parties, date) and a snippet of its paragraph around
/// the match with the matched words marked.
pub fn render(frame: &mut Frame, popup: Rect, s: &SearchState, ctx: &Ctx, theme: &Theme) {
    let lang = ctx.lang;
    frame.render_widget(Clear, popup);
    let count = count_text(s, ctx);
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
    let (shown, cursor) = input_window(&s.input, usize::from(query_row.width.saturating_sub(2)));
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
    render_hits(frame, list, s, ctx, theme);
}

fn count_text(s: &SearchState, ctx: &Ctx) -> String {
    let lang = ctx.lang;
    if !ctx.indexed && !s.input.value().trim().is_empty() {
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
fn render_hits(frame: &mut Frame, area: Rect, s: &SearchState, ctx: &Ctx, theme: &Theme) {
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
            Span::styled(header(ctx, hit), head_style),
        ]));
        lines.push(snippet_line(ctx, hit, width, theme));
    }
    if hits.is_empty() && s.results.is_some() && !s.searching() {
        lines.push(Line::styled(
            ctx.lang
                .pick("  No paragraph matches.", "  Inget stycke matchar."),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// `Skärholmens stadsdelsnämnd · Reservation · M · 2026-03-26` (with the case when several
/// are loaded).
fn header(ctx: &Ctx, hit: &Hit) -> String {
    let Some(case) = ctx.cases.get(hit.case) else {
        return String::new();
    };
    let mut parts = Vec::new();
    if ctx.cases.len() > 1 {
        parts.push(case.dnr.clone());
    }
    parts.push(place(case, hit.target.part, ctx.lang));
    parts.push(stance_label(case, hit.target.part, ctx.lang));
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

fn snippet_line(ctx: &Ctx, hit: &Hit, width: usize, theme: &Theme) -> Line<'static> {
    let text = hit.text(ctx.cases);
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

/// Every mark the search can show.
pub const MARKS: &[Mark] = &[
    Mark::new(
        "▶",
        "the chosen hit ({search-list:open} opens it in the reader)",
        "den valda träffen ({search-list:open} öppnar den i läsaren)",
    ),
    Mark::named(
        ("bold", "fet"),
        "the words of the paragraph that matched",
        "styckets ord som matchade",
    ),
    Mark::named(
        ("20 of 340 hits", "20 av 340 träffar"),
        "more paragraphs matched than are listed: make the query narrower",
        "fler stycken matchade än som listas: gör frågan snävare",
    ),
    Mark::named(
        ("party: stance:", "party: stance:"),
        "filters: party:M stance:reservation body:skarholmen case:2025/1121",
        "filter: party:M stance:reservation body:skarholmen case:2025/1121",
    ),
];
