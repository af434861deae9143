//! The review screen: a count of what is left, the list of entries (a mark for each: `!`
//! uncertain, `¶` unplaced text, `~` inferred), and below it the entry's evidence (or the
//! picker, while one is open).

use super::{Entry, PickKind, ReviewScreen, entries, position_label};
use crate::model::matrix::{UNCERTAIN_MARK, UNREVIEWED_MARK};
use crate::model::{Case, Evidence, Fact, Review};
use crate::review::{self, ReviewItem, Subject, value_of};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;
use crate::tui::widgets::Mark;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

/// The mark of an unplaced paragraph in the list.
pub const UNPLACED_MARK: &str = "¶";

pub fn render(frame: &mut Frame, area: Rect, s: &ReviewScreen, ctx: &Ctx, theme: &Theme) {
    let case = ctx.case(s.case);
    let lang = ctx.lang;
    let all = entries(case);
    let [title, count, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(crate::tui::widgets::case_title(case, theme)),
        title,
    );
    let uncertain = all
        .iter()
        .filter(|e| matches!(e, Entry::Fact(i) if i.review == Review::Uncertain))
        .count();
    let unplaced = all
        .iter()
        .filter(|e| matches!(e, Entry::Unplaced { .. }))
        .count();
    let inferred = all.len() - uncertain - unplaced;
    let summary = match lang {
        crate::i18n::Lang::En => format!(
            "{uncertain} uncertain · {unplaced} unplaced · {inferred} inferred · each change is written at once"
        ),
        crate::i18n::Lang::Sv => format!(
            "{uncertain} osäkra · {unplaced} ej placerade · {inferred} härledda · varje ändring skrivs direkt"
        ),
    };
    frame.render_widget(Paragraph::new(Line::styled(summary, theme.dim)), count);
    if all.is_empty() {
        let msg = lang.pick(
            "Nothing left to review: every imported fact of this case is confirmed.",
            "Inget kvar att granska: alla importerade fakta i ärendet är bekräftade.",
        );
        frame.render_widget(
            Paragraph::new(Line::raw(msg)).wrap(Wrap { trim: true }),
            rest,
        );
        return;
    }
    let cursor = s.cursor.min(all.len() - 1);
    // The list gets a third of the height (at least 3 entries), the evidence the rest.
    let list_h = (all.len() as u16 + 2).min((rest.height / 3).max(5));
    let [list_area, detail] =
        Layout::vertical([Constraint::Length(list_h), Constraint::Min(1)]).areas(rest);
    let items: Vec<ListItem> = all
        .iter()
        .map(|e| ListItem::new(entry_line(case, e, ctx, theme)))
        .collect();
    let list = List::new(items)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(lang.pick(" To review ", " Att granska "))
                .border_style(if s.pick.is_none() {
                    theme.border_focused
                } else {
                    theme.dim
                }),
        )
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, list_area, &mut state);
    match &s.pick {
        Some(pick) => {
            let title = match pick.kind {
                PickKind::Stance => lang.pick(
                    " Another stance: {open} writes it, {back} cancels ",
                    " Annat ställningstagande: {open} skriver, {back} avbryter ",
                ),
                PickKind::Party => lang.pick(
                    " Another party: {open} writes it, {back} cancels ",
                    " Annat parti: {open} skriver, {back} avbryter ",
                ),
                PickKind::Destination => lang.pick(
                    " Move the paragraph to: {open} writes it, {back} cancels ",
                    " Flytta stycket till: {open} skriver, {back} avbryter ",
                ),
            };
            let items: Vec<ListItem> = pick
                .choices
                .iter()
                .map(|c| ListItem::new(Line::raw(c.label.clone())))
                .collect();
            let list = List::new(items)
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(ctx.keys_in(Mode::Pick, title))
                        .border_style(theme.border_focused),
                )
                .highlight_style(theme.selected)
                .highlight_symbol("▶ ");
            let mut state = ListState::default().with_selected(Some(pick.cursor));
            frame.render_stateful_widget(list, detail, &mut state);
        }
        None => {
            let lines = evidence_lines(case, &all[cursor], s, ctx, theme);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(lang.pick(" Evidence ", " Belägg "))
                .border_style(theme.dim);
            let inner = block.inner(detail);
            // Scrolled no further than to show the last page.
            let height = wrapped_height(&lines, inner.width);
            let text = Paragraph::new(lines).wrap(Wrap { trim: false });
            let top = s.evidence_top.min(height.saturating_sub(inner.height));
            let more = if top + inner.height < height {
                lang.pick(" PgDn: more ", " PgDn: mer ")
            } else {
                ""
            };
            frame.render_widget(
                text.block(block.title_bottom(Line::from(more).right_aligned()))
                    .scroll((top, 0)),
                detail,
            );
        }
    }
}

/// How many rows `lines` take wrapped at `width` columns (as near as the paragraph's own
/// wrapping: words kept whole).
fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            textwrap::wrap(&text, width).len().max(1)
        })
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// The mark of a review state.
fn mark(review: Review) -> &'static str {
    match review {
        Review::Uncertain => UNCERTAIN_MARK,
        _ => UNREVIEWED_MARK,
    }
}

/// What a fact is about: a position in a few words (without its stance when the fact is the
/// stance), or a body's name.
fn subject(case: &Case, item: &ReviewItem, ctx: &Ctx) -> String {
    match (item.subject, item.fact) {
        (Subject::Position(p), Fact::Stance) => {
            let pos = &case.positions[p];
            let parties = if pos.parties.is_empty() {
                String::new()
            } else {
                format!(" ({})", pos.parties.join(", "))
            };
            format!("{}{parties}", case.body(pos).name)
        }
        (Subject::Position(p), _) => position_label(case, p, ctx.lang),
        (Subject::Body(b), _) => case.bodies[b].name.clone(),
    }
}

/// A fact's value as the case states it, a stance in words.
fn value(case: &Case, item: &ReviewItem, ctx: &Ctx) -> String {
    match (item.subject, item.fact) {
        (Subject::Position(p), Fact::Stance) => ctx.lang.stance(case.positions[p].stance).into(),
        _ => value_of(case, item),
    }
}

/// One line of the list: the mark, then what the entry is.
fn entry_line(case: &Case, e: &Entry, ctx: &Ctx, theme: &Theme) -> Line<'static> {
    let lang = ctx.lang;
    match e {
        Entry::Fact(item) => Line::from(vec![
            Span::styled(format!("{} ", mark(item.review)), theme.field),
            Span::raw(format!(
                "{} · {}: {}",
                subject(case, item, ctx),
                lang.fact(item.fact),
                value(case, item, ctx)
            )),
        ]),
        Entry::Unplaced { section, paragraph } => {
            let s = &case.sections[*section];
            let text = s.paragraphs.get(*paragraph).map_or("", String::as_str);
            Line::from(vec![
                Span::styled(format!("{UNPLACED_MARK} "), theme.field),
                Span::raw(format!(
                    "{} ¶{}: {}",
                    lang.pick("Unplaced", "Ej placerat"),
                    paragraph + 1,
                    crate::export::matrix::fit(text, 200)
                )),
            ])
        }
    }
}

/// The evidence of an entry: what it is, each sentence it was read from with its source
/// lines, rule and state; for unplaced text, the paragraph itself.
fn evidence_lines(
    case: &Case,
    e: &Entry,
    s: &ReviewScreen,
    ctx: &Ctx,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let mut out = Vec::new();
    match e {
        Entry::Fact(item) => {
            out.push(Line::styled(
                format!(
                    "{} · {}: {} ({})",
                    subject(case, item, ctx),
                    lang.fact(item.fact),
                    value(case, item, ctx),
                    lang.review(item.review)
                ),
                theme.heading,
            ));
            let source = match &s.source {
                Some(Ok(lines)) => Some(lines.0.as_slice()),
                _ => None,
            };
            out.push(Line::styled(source_note(case, s, ctx), theme.dim));
            // The weakest reading first: it is why the fact is listed.
            let mut evidence: Vec<&Evidence> = item.evidence.iter().collect();
            evidence.sort_by_key(|e| e.review);
            for ev in evidence {
                out.extend(evidence_entry(ev, source, ctx, theme));
            }
        }
        Entry::Unplaced { section, paragraph } => {
            let s = &case.sections[*section];
            out.push(Line::styled(
                format!("{} · ¶{}", s.title, paragraph + 1),
                theme.heading,
            ));
            out.push(Line::styled(
                lang.pick(
                    "m moves it to the end of a body's decision or a position's text",
                    "m flyttar det till slutet av ett organs beslut eller ett ställningstagandes text",
                )
                .to_string(),
                theme.dim,
            ));
            out.push(Line::raw(""));
            let text = s.paragraphs.get(*paragraph).cloned().unwrap_or_default();
            out.push(Line::raw(format!("“{text}”")));
        }
    }
    out
}

/// One evidence entry: "line 7 · rule · state", then the source document's lines around the
/// sentence when the document is at hand and still holds it (the sentence's own lines marked
/// `▌`), else the sentence as the case file keeps it; then the importer's note.
fn evidence_entry(
    ev: &Evidence,
    source: Option<&[String]>,
    ctx: &Ctx,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let lines = lang.source_lines(ev.lines);
    let style = if ev.review == Review::Uncertain {
        theme
            .field
            .patch(Style::new().add_modifier(ratatui::style::Modifier::BOLD))
    } else {
        theme.field
    };
    let mut out = vec![
        Line::raw(""),
        Line::styled(
            format!("{lines} · {} · {}", ev.rule, lang.review(ev.review)),
            style,
        ),
    ];
    let excerpt = source.and_then(|src| review::source_excerpt(src, ev, SOURCE_CONTEXT));
    match excerpt {
        Some(excerpt) => {
            let width = excerpt.last().map_or(1, |(n, _)| n.to_string().len());
            for (n, text) in excerpt {
                let own = (ev.lines.0..=ev.lines.1).contains(&n);
                let (bar, text_style) = if own {
                    ("▌", Style::new())
                } else {
                    (" ", theme.dim)
                };
                out.push(Line::from(vec![
                    Span::styled(format!("{n:>width$} {bar}"), theme.dim),
                    Span::styled(crate::text::clean(text), text_style),
                ]));
            }
        }
        None => {
            out.push(Line::raw(format!("  “{}”", ev.sentence)));
            if source.is_some() {
                out.push(Line::styled(
                    lang.pick(
                        "  (the source document does not hold this sentence on these lines: it changed since the import)",
                        "  (källdokumentet har inte meningen på de här raderna: det har ändrats sedan importen)",
                    )
                    .to_string(),
                    theme.dim,
                ));
            }
        }
    }
    if let Some(note) = &ev.note {
        out.push(Line::styled(
            format!("  {}: {note}", lang.pick("Note", "Anmärkning")),
            theme.dim,
        ));
    }
    out
}

/// Lines of the source document shown before and after an evidence sentence's own.
pub const SOURCE_CONTEXT: usize = 1;

/// Where the lines come from: the source document beside the case file, or, when it is not at
/// hand, the sentences the case file keeps (and why the document is not shown).
fn source_note(case: &Case, s: &ReviewScreen, ctx: &Ctx) -> String {
    let file = case
        .source
        .as_ref()
        .and_then(|s| s.file.clone())
        .unwrap_or_default();
    match (&s.source, ctx.lang) {
        (Some(Ok(_)), crate::i18n::Lang::En) => {
            format!("From {file}, the sentence's own lines marked ▌:")
        }
        (Some(Ok(_)), crate::i18n::Lang::Sv) => {
            format!("Ur {file}, meningens egna rader markerade ▌:")
        }
        (Some(Err(why)), crate::i18n::Lang::En) => format!(
            "The case file keeps the sentences, not the lines around them; the source document could not be read ({why})."
        ),
        (Some(Err(why)), crate::i18n::Lang::Sv) => format!(
            "Ärendefilen sparar meningarna, inte raderna runt dem; källdokumentet gick inte att läsa ({why})."
        ),
        (None, lang) => lang
            .pick(
                "The case file keeps the sentences, not the lines around them.",
                "Ärendefilen sparar meningarna, inte raderna runt dem.",
            )
            .to_string(),
    }
}

/// Every mark the review screen can show.
pub const MARKS: &[Mark] = &[
    Mark::new(
        UNCERTAIN_MARK,
        "uncertain: a rule fired with low confidence, or two rules disagreed",
        "osäker: en regel gav svagt utslag, eller två regler var oense",
    ),
    Mark::new(
        UNPLACED_MARK,
        "text the import could not place ({review:review-assign} moves it)",
        "text som importen inte kunde placera ({review:review-assign} flyttar den)",
    ),
    Mark::new(
        UNREVIEWED_MARK,
        "inferred by a rule of the import, not yet reviewed",
        "härlett av en regel i importen, ännu inte granskat",
    ),
    Mark::new(
        "7 ▌",
        "line 7 of the source document holds the evidence sentence",
        "rad 7 i källdokumentet rymmer beläggets mening",
    ),
    Mark::new(
        "▶",
        "the entry the keys act on",
        "posten som tangenterna verkar på",
    ),
    Mark::named(
        ("line 7", "rad 7"),
        "where the sentence stands in the imported document",
        "var meningen står i det importerade dokumentet",
    ),
];
