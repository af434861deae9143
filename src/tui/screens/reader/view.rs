//! The reader: slices the laid-out lines to the visible window, marks the paragraph under the
//! cursor, and highlights a visual selection.

use super::layout::{LineKind, MARGIN, ReaderLine};
use super::{ReaderScreen, SimilarItem};
use crate::analysis::similarity::PosRef;
use crate::export::matrix::fit;
use crate::export::similar::label_text;
use crate::tui::ctx::Ctx;
use crate::tui::frame::ScreenAreas;
use crate::tui::theme::Theme;
use crate::tui::widgets::Mark;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use std::ops::Range;

pub fn render(frame: &mut Frame, areas: &ScreenAreas, r: &ReaderScreen, ctx: &Ctx, theme: &Theme) {
    let ScreenAreas::Reader(a) = areas else {
        return;
    };
    let case = ctx.case(r.case);
    // The pane of similar texts: beside the text when there is room, else over its lower
    // part while it has the focus (`layout::areas`).
    let (title, body) = (a.title, a.text);
    if let Some(pane) = a.pane {
        similar_pane(frame, pane, ctx, r, theme);
    }
    frame.render_widget(
        Paragraph::new(crate::tui::widgets::case_title(case, theme)),
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
            let mut marks: Vec<(Range<usize>, Style)> = Vec::new();
            if let Some(p) = l.paragraph {
                if let Some((hp, ranges)) = &r.highlight
                    && *hp == p
                {
                    marks.extend(ranges.iter().map(|m| (m.clone(), theme.matched)));
                }
                if let Some(sel) = r.selected_in(case, p) {
                    marks.push((sel, theme.selection));
                }
            }
            spans.extend(highlighted(l, &marks, style));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// The relatives of the open position (mark, label, both scores, where), then where the
/// cursor's paragraph also appears.
fn similar_pane(frame: &mut Frame, area: Rect, ctx: &Ctx, r: &ReaderScreen, theme: &Theme) {
    let lang = ctx.lang;
    let focused = r.similar_focus.is_some();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(ctx.keys_in(
            crate::tui::keymap::Mode::Screen(crate::tui::screens::Screen::Reader),
            lang.pick(
                " Similar texts ({toggle-similar}) ",
                " Liknande texter ({toggle-similar}) ",
            ),
        ))
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.dim
        });
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let Some(sim) = ctx.similarity else {
        let msg = lang.pick("Comparing the texts…", "Jämför texterna …");
        frame.render_widget(Paragraph::new(Line::styled(msg, theme.dim)), inner);
        return;
    };
    let where_ = |p: PosRef| -> String {
        let Some(case) = ctx.cases.get(p.case) else {
            return String::new();
        };
        let pos = &case.positions[p.position];
        let parties = if pos.parties.is_empty() {
            String::new()
        } else {
            format!(" ({})", pos.parties.join(", "))
        };
        let other_case = if p.case == r.case {
            String::new()
        } else {
            format!("{} · ", case.dnr)
        };
        format!(
            "{other_case}{} · {}{parties}",
            case.body(pos).name,
            lang.stance(pos.stance)
        )
    };
    let items = r.similar_items();
    let cursor = r.similar_focus;
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if r.relatives.is_empty() {
        let msg = lang.pick("No similar texts", "Inga liknande texter");
        lines.push(Line::styled(msg, theme.dim));
    } else {
        lines.push(Line::styled(
            lang.pick("  this in it / it in this", "  denna i den / den i denna"),
            theme.dim,
        ));
    }
    let mut passages_heading = false;
    for (i, item) in items.iter().enumerate() {
        let selected = cursor == Some(i);
        let pick = if selected { "▶ " } else { "  " };
        let style = if selected {
            theme.selected
        } else {
            Style::new()
        };
        match *item {
            SimilarItem::Relative(rel) => {
                let mark = sim
                    .family_of(rel.other)
                    .map(|m| format!("{:<3}", m.to_string()))
                    .unwrap_or_else(|| "   ".into());
                lines.push(Line::from(vec![
                    Span::styled(pick, style),
                    Span::styled(mark, theme.family),
                    Span::styled(
                        format!(
                            "{} {} / {}",
                            label_text(rel.label, lang),
                            lang.percent(rel.a_in_b),
                            lang.percent(rel.b_in_a)
                        ),
                        style,
                    ),
                ]));
                lines.push(Line::styled(
                    fit(&format!("     {}", where_(rel.other)), width),
                    theme.dim,
                ));
            }
            SimilarItem::Passage(pos, para, score) => {
                if !passages_heading {
                    passages_heading = true;
                    lines.push(Line::raw(""));
                    lines.push(Line::styled(
                        lang.pick("This paragraph also in", "Stycket finns även i"),
                        theme.heading,
                    ));
                }
                let text = format!("¶{} {} {}", para + 1, lang.percent(score), where_(pos));
                lines.push(Line::from(vec![
                    Span::styled(pick, style),
                    Span::styled(fit(&text, width.saturating_sub(2)), style),
                ]));
            }
        }
    }
    // Keep the selected entry in view.
    let height = usize::from(inner.height);
    let selected_line = cursor.map_or(0, |c| (c * 2 + 3).min(lines.len()));
    let skip = selected_line.saturating_sub(height);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()),
        inner,
    );
}

/// A line's text, with the parts inside `marks` (byte ranges of the paragraph, each with a
/// style laid over `base`).
pub fn highlighted(
    line: &ReaderLine,
    marks: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Span<'static>> {
    let text = line.text.as_str();
    let end = line.offset + text.len();
    // Cut points within the line, relative to it.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (r, _) in marks {
        for at in [r.start, r.end] {
            if at > line.offset && at < end {
                cuts.push(at - line.offset);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Offsets come from the paragraph's own word and sentence bounds, so they lie on char
        // boundaries; if a wrapped line ever differs, show it unmarked rather than panic.
        let Some(piece) = text.get(a..b) else {
            return vec![Span::styled(text.to_string(), base)];
        };
        let (abs_a, abs_b) = (line.offset + a, line.offset + b);
        let style = marks
            .iter()
            .filter(|(r, _)| r.start <= abs_a && abs_b <= r.end && r.start < r.end)
            .fold(base, |st, (_, m)| st.patch(*m));
        spans.push(Span::styled(piece.to_string(), style));
    }
    spans
}

/// The marks of any text in the reader: the cursor, a selection, search matches.
pub const TEXT_MARKS: &[Mark] = &[
    Mark::new(
        "▌",
        "the paragraph under the cursor ({reader:copy-paragraph}, {reader:add-to-notes} and {reader:toggle-visual} start there)",
        "stycket under markören ({reader:copy-paragraph}, {reader:add-to-notes} och {reader:toggle-visual} utgår därifrån)",
    ),
    Mark::named(
        ("reverse", "omvänd"),
        "the sentences selected with v",
        "meningarna som markerats med v",
    ),
    Mark::named(
        ("bold", "fet"),
        "the words the search matched ({reader:next-hit}, {reader:prev-hit}: the other hits)",
        "orden sökningen träffade ({reader:next-hit}, {reader:prev-hit}: de andra träffarna)",
    ),
];

/// The marks only a position shows: its links and the pane of similar texts.
pub const POSITION_MARKS: &[Mark] = &[
    Mark::named(
        (
            "({reader:follow-link} follows)",
            "({reader:follow-link} följer)",
        ),
        "a link: identical to, or concurs with, another position",
        "en länk: likalydande med, eller instämmer i, ett annat ställningstagande",
    ),
    Mark::named(
        ("this in it", "denna i den"),
        "similar texts: how much of this text is found in the other",
        "liknande texter: hur mycket av den här texten som finns i den andra",
    ),
    Mark::named(
        ("it in this", "den i denna"),
        "how much of the other text is found in this one (runs of 3+ words)",
        "hur mycket av den andra texten som finns i den här (följder om 3+ ord)",
    ),
    Mark::new(
        "A A′",
        "the other text's family of reused text; A′ a variant",
        "den andra textens familj av återanvänd text; A′ en variant",
    ),
    Mark::named(
        ("¶3 74%", "¶3 74 %"),
        "paragraph 3 of that text holds 74% of the paragraph under the cursor",
        "stycke 3 i den texten rymmer 74 % av stycket under markören",
    ),
    Mark::new(
        "▶",
        "the entry chosen in the pane ({reader:toggle-similar} moves there)",
        "posten som valts i panelen ({reader:toggle-similar} flyttar dit)",
    ),
];
