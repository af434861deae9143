//! The diff screen: who is compared with whom, the summary line, then the laid-out lines in
//! the visible window, side by side or inline, deletions struck through and insertions
//! underlined (in colour too, where there is colour).

use super::{DiffLayout, DiffScreen, GUTTER, Piece, SEPARATOR};
use crate::analysis::diff::{Side, Tag};
use crate::export::diff::summary;
use crate::tui::ctx::Ctx;
use crate::tui::frame::ScreenAreas;
use crate::tui::keymap::Mode;
use crate::tui::screens::Screen;
use crate::tui::theme::Theme;
use crate::tui::widgets::Mark;
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn render(frame: &mut Frame, areas: &ScreenAreas, d: &DiffScreen, ctx: &Ctx, theme: &Theme) {
    let ScreenAreas::Diff(a) = areas else {
        return;
    };
    let lang = ctx.lang;
    let (a_row, b_row, sum_row, body) = (a.a, a.b, a.summary, a.body);
    let label = |side: Side| {
        let (tag, p, style) = match side {
            Side::Left => ("A − ", d.left, theme.deleted),
            Side::Right => ("B + ", d.right, theme.inserted),
        };
        let name = d.side_label(p, ctx);
        let name_style = if d.side == side {
            theme.selected
        } else {
            theme.heading
        };
        Line::from(vec![
            Span::styled(tag, style),
            Span::styled(name, name_style),
        ])
    };
    frame.render_widget(Paragraph::new(label(Side::Left)), a_row);
    frame.render_widget(Paragraph::new(label(Side::Right)), b_row);
    let at = d
        .change
        .map(|i| {
            let n = d.diff.changes.len();
            format!(" · {} {}/{n}", lang.pick("change", "ändring"), i + 1)
        })
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("{}{at}", summary(&d.diff.stats, lang)),
            theme.title,
        )),
        sum_row,
    );
    let width = usize::from(body.width);
    let col = match d.layout {
        DiffLayout::SideBySide => width.saturating_sub(GUTTER + SEPARATOR) / 2,
        DiffLayout::Inline => width.saturating_sub(GUTTER),
    };
    let style = |tag: Tag| match tag {
        Tag::Equal => Style::new(),
        Tag::Delete => theme.deleted,
        Tag::Insert => theme.inserted,
    };
    let pieces = |ps: &[Piece], pad: bool| -> Vec<Span<'static>> {
        let mut spans: Vec<Span> = ps
            .iter()
            .map(|p| {
                let mut st = style(p.tag);
                if p.change.is_some() && p.change == d.change {
                    st = st.patch(theme.selected);
                }
                Span::styled(p.text.clone(), st)
            })
            .collect();
        if pad {
            let used: usize = ps.iter().map(|p| p.text.width()).sum();
            spans.push(Span::raw(" ".repeat(col.saturating_sub(used))));
        }
        spans
    };
    let lines: Vec<Line> = d
        .lines
        .iter()
        .skip(d.top)
        .take(usize::from(body.height))
        .map(|l| {
            let gutter = if l.row == d.row {
                Span::styled("▌ ", theme.cursor)
            } else {
                Span::raw("  ")
            };
            let mut spans = vec![gutter];
            if let Some(words) = l.folded {
                let text = match lang {
                    crate::i18n::Lang::En => {
                        format!("⋯ {words} unchanged words ({{toggle-fold}} unfolds) ⋯")
                    }
                    crate::i18n::Lang::Sv => {
                        format!("⋯ {words} oförändrade ord ({{toggle-fold}} fäller ut) ⋯")
                    }
                };
                let text = ctx.keys_in(Mode::Screen(Screen::Diff), &text);
                spans.push(Span::styled(text, theme.dim));
                return Line::from(spans);
            }
            match d.layout {
                DiffLayout::SideBySide => {
                    spans.extend(pieces(&l.left, true));
                    spans.push(Span::styled(" │ ", theme.dim));
                    spans.extend(pieces(&l.right, false));
                }
                DiffLayout::Inline => spans.extend(pieces(&l.left, false)),
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// Every mark the diff can show.
pub const MARKS: &[Mark] = &[
    Mark::new(
        "A −",
        "the base text (left); its words not in B are struck through",
        "grundtexten (vänster); dess ord som inte finns i B är överstrukna",
    ),
    Mark::new(
        "B +",
        "the text read against it (right); its words not in A are underlined",
        "texten som jämförs med den (höger); dess ord som inte finns i A är understrukna",
    ),
    Mark::named(
        ("reverse", "omvänd"),
        "the change the cursor is on (] and [ go from change to change)",
        "ändringen markören står på (] och [ går från ändring till ändring)",
    ),
    Mark::new(
        "▌",
        "the cursor's row: {diff:copy-paragraph} and {diff:add-to-notes} take its paragraph from the chosen side ({diff:next-pane})",
        "markörens rad: {diff:copy-paragraph} och {diff:add-to-notes} tar dess stycke från den valda sidan ({diff:next-pane})",
    ),
    Mark::new(
        "⋯ 12 ⋯",
        "12 unchanged words folded away ({diff:toggle-fold} unfolds)",
        "12 oförändrade ord ihopfällda ({diff:toggle-fold} fäller ut)",
    ),
    Mark::new(
        "¶",
        "inline (narrow terminal): a paragraph break",
        "på en rad (smal terminal): ett styckebyte",
    ),
    Mark::new(
        "[A′]",
        "the side's family of reused text; A′ a variant",
        "sidans familj av återanvänd text; A′ en variant",
    ),
];
