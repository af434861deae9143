//! "This text elsewhere": a header naming the text asked about, then each case where it
//! appears (date, dnr, title, marks) with its places (identical `=` or variant `≈`, body,
//! stance, parties, paragraph); a preview of the selected place below.

use super::ElsewhereScreen;
use crate::analysis::similarity::{Place, PosRef};
use crate::i18n::Lang;
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::Mark;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

/// At most this much of a place's text goes into the preview.
const PREVIEW_CHARS: usize = 600;

pub const FIRST_MARK: &str = "◆";
pub const IDENTICAL_MARK: &str = "=";
pub const VARIANT_MARK: &str = "≈";

/// A place in words: `Socialnämnden › Reservation (M) ¶2`.
fn place_text(ctx: &Ctx, pos: PosRef, paragraph: Option<usize>) -> String {
    let case = ctx.case(pos.case);
    let p = &case.positions[pos.position];
    let parties = if p.parties.is_empty() {
        String::new()
    } else {
        format!(" ({})", p.parties.join(", "))
    };
    let para = paragraph.map_or(String::new(), |q| format!(" ¶{}", q + 1));
    format!(
        "{} › {}{parties}{para}",
        case.body(p).name,
        ctx.lang.stance(p.stance)
    )
}

pub fn render(frame: &mut Frame, area: Rect, s: &ElsewhereScreen, ctx: &Ctx, theme: &Theme) {
    let lang = ctx.lang;
    let [head, list_area, preview] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(if area.height >= 16 { 5 } else { 0 }),
    ])
    .areas(area);
    let asked = if s.whole {
        place_text(ctx, s.me, None)
    } else {
        place_text(ctx, s.me, Some(s.paragraph))
    };
    let others = s.found.others().count();
    let what = if s.whole {
        lang.pick("The whole text", "Hela texten")
    } else {
        lang.pick("This paragraph", "Detta stycke")
    };
    let count = match lang {
        Lang::En if others == 1 => "in 1 other case".to_string(),
        Lang::En => format!("in {others} other cases"),
        Lang::Sv => format!("i {others} andra ärenden"),
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!("{what}: "), theme.field),
                Span::styled(
                    format!("{} · {asked}", ctx.case(s.me.case).dnr),
                    theme.heading,
                ),
            ]),
            Line::styled(count, theme.dim),
        ]),
        head,
    );

    let entries = s.entries();
    let items: Vec<ListItem> = entries
        .iter()
        .map(|e| {
            let a = &s.found.appearances[e.appearance];
            let place: &Place = &a.places[e.place];
            let mut lines = Vec::new();
            if e.place == 0 {
                let case = ctx.case(a.case);
                let date = a.date.map_or_else(
                    || lang.pick("no date", "inget datum").to_string(),
                    |d| d.to_string(),
                );
                let mut spans = vec![
                    Span::styled(format!("{date}  "), theme.dim),
                    Span::styled(case.dnr.clone(), theme.heading),
                ];
                // The marks before the title, which may be long.
                if a.first {
                    spans.push(Span::styled(
                        format!(" {FIRST_MARK} {}", lang.pick("first", "först")),
                        theme.family,
                    ));
                }
                if a.this {
                    spans.push(Span::styled(
                        format!(" ({})", lang.pick("this case", "detta ärende")),
                        theme.dim,
                    ));
                }
                spans.push(Span::raw(format!(" · {}", case.title)));
                lines.push(Line::from(spans));
            }
            let (mark, kind) = if place.identical {
                (IDENTICAL_MARK, lang.pick("identical", "identisk"))
            } else {
                (VARIANT_MARK, lang.pick("variant", "variant"))
            };
            let itself = if place.position == s.me {
                lang.pick("  (the text read)", "  (texten som läses)")
            } else {
                ""
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {mark} {kind:<9} "), theme.family),
                Span::raw(place_text(ctx, place.position, place.paragraph)),
                Span::styled(itself, theme.dim),
            ]));
            ListItem::new(lines)
        })
        .collect();
    let title = lang.pick(" This text elsewhere ", " Samma text på andra ställen ");
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.border_focused);
    if s.found.appearances.iter().any(|a| a.date.is_none()) {
        block = block.title_bottom(Line::styled(
            lang.pick(
                " not every appearance is dated: none is marked first ",
                " alla förekomster är inte daterade: ingen markeras som först ",
            ),
            theme.dim,
        ));
    }
    if entries.is_empty() {
        let msg = lang.pick(
            "Appears nowhere else among the loaded cases",
            "Förekommer inte någon annanstans bland de inlästa ärendena",
        );
        frame.render_widget(
            Paragraph::new(Line::styled(msg, theme.dim)).block(block),
            list_area,
        );
        return;
    }
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(s.cursor));
    frame.render_stateful_widget(list, list_area, &mut state);

    if preview.height > 0
        && let Some(place) = s.selected()
    {
        let case = ctx.case(place.position.case);
        let text = case.text_of(place.position.position);
        let para = text
            .get(place.paragraph.unwrap_or(0))
            .map_or("", String::as_str);
        let shown: String = para.chars().take(PREVIEW_CHARS).collect();
        frame.render_widget(
            Paragraph::new(shown).wrap(Wrap { trim: true }).block(
                Block::default()
                    .borders(Borders::TOP)
                    .border_style(theme.dim),
            ),
            preview,
        );
    }
}

/// Every mark the view can show.
pub const MARKS: &[Mark] = &[
    Mark::new(
        FIRST_MARK,
        "the first appearance: the earliest date (only when every appearance is dated)",
        "första förekomsten: det tidigaste datumet (bara när alla förekomster är daterade)",
    ),
    Mark::new(
        IDENTICAL_MARK,
        "identical: the same words (after normalising case, spacing and punctuation)",
        "identisk: samma ord (efter normalisering av versaler, mellanrum och skiljetecken)",
    ),
    Mark::new(
        VARIANT_MARK,
        "a variant: nearly the same text ({elsewhere:diff-relative} shows what changed)",
        "en variant: nästan samma text ({elsewhere:diff-relative} visar vad som ändrats)",
    ),
    Mark::named(
        ("¶2", "¶2"),
        "the paragraph where it appears (from 1)",
        "stycket där den förekommer (från 1)",
    ),
    Mark::new(
        "▶",
        "the place {elsewhere:open} reads and {elsewhere:diff-relative} compares with",
        "stället som {elsewhere:open} läser och {elsewhere:diff-relative} jämför med",
    ),
];
