//! The notes screen: headings, quotes with their citations and the user's comments, stale
//! quotes marked. Only the items around the cursor are laid out.

use super::NotesScreen;
use crate::i18n::Lang;
use crate::notes::{Item, ItemKind};
use crate::tui::action::NotSaved;
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::Mark;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Lines of quote text shown for an item that is not selected.
const FOLDED_LINES: usize = 3;
/// Lines of quote text shown for the selected item.
const OPEN_LINES: usize = 40;

pub fn render(frame: &mut Frame, area: Rect, s: &NotesScreen, ctx: &Ctx, theme: &Theme) {
    let book = &ctx.notes[s.case];
    let lang = ctx.lang;
    let quotes = book.notes.quotes().count();
    let mut title = format!(
        " {} · {} · {quotes} {} ",
        lang.pick("Debate notes", "Debattanteckningar"),
        ctx.case(s.case).dnr,
        if quotes == 1 {
            lang.pick("quote", "citat")
        } else {
            lang.pick("quotes", "citat")
        },
    );
    let (file_note, file_style) = match (&book.save_error, &book.path) {
        (
            Some(NotSaved {
                recovered: Some(r), ..
            }),
            _,
        ) => {
            let name = r
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let head = lang.pick("ONLY SAVED IN", "SPARAT ENDAST I");
            (
                format!(" {head} {} ", crate::text::escape(&name)),
                theme.error,
            )
        }
        (Some(_), _) => (
            lang.pick(" NOT SAVED ", " INTE SPARAT ").to_string(),
            theme.error,
        ),
        (None, Some(p)) => {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            (format!(" {} ", crate::text::escape(&name)), theme.dim)
        }
        (None, None) => (
            lang.pick(" not saved to a file ", " sparas inte i fil ")
                .to_string(),
            theme.dim,
        ),
    };
    if area.width < 60 {
        title = format!(" {} ", lang.pick("Notes", "Anteckningar"));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .title_bottom(Line::styled(file_note, file_style))
        .border_style(theme.border_focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let items = &book.notes.items;
    if items.is_empty() {
        let msg = ctx.keys_in(
            crate::tui::keymap::Mode::Screen(crate::tui::screens::Screen::Notes),
            lang.pick(
                "No notes yet. In the reader, {reader:add-to-notes} adds the paragraph under the \
                 cursor, and {reader:toggle-visual} selects sentences to add. {new-heading} \
                 writes a heading here.",
                "Inga anteckningar än. I läsaren lägger {reader:add-to-notes} till stycket under \
                 markören, och {reader:toggle-visual} markerar meningar att lägga till. \
                 {new-heading} skriver en rubrik här.",
            ),
        );
        frame.render_widget(
            Paragraph::new(msg)
                .style(theme.dim)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let cursor = s.cursor(ctx);
    let block_of = |i: usize| {
        item_lines(
            &items[i],
            i == cursor,
            book.stale.contains(&items[i].id),
            width,
            lang,
            theme,
        )
    };
    // Walk back from the cursor while the items fit, then fill the screen forward.
    let mut first = cursor;
    let mut used = block_of(cursor).len();
    while first > 0 {
        let h = block_of(first - 1).len();
        if used + h > height {
            break;
        }
        used += h;
        first -= 1;
    }
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    for i in first..items.len() {
        if lines.len() >= height {
            break;
        }
        lines.extend(block_of(i));
    }
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn item_lines(
    item: &Item,
    selected: bool,
    stale: bool,
    width: usize,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let bar = if selected { "▌" } else { " " };
    let bar_style = if selected { theme.cursor } else { Style::new() };
    let text_width = width.saturating_sub(3).max(8);
    let line = |text: String, style: Style| {
        Line::from(vec![
            Span::styled(bar.to_string(), bar_style),
            Span::raw(" "),
            Span::styled(text, style),
        ])
    };
    let mut out = Vec::new();
    match &item.kind {
        ItemKind::Heading(h) => {
            let style = if selected {
                theme.selected
            } else {
                theme.title
            };
            for l in wrap(h, text_width) {
                out.push(line(l, style));
            }
        }
        ItemKind::Quote(q) => {
            let quoted = format!("”{}”", q.text.replace("\n\n", " ¶ "));
            let max = if selected { OPEN_LINES } else { FOLDED_LINES };
            let mut body = wrap(&quoted, text_width);
            if body.len() > max {
                body.truncate(max);
                if let Some(last) = body.last_mut() {
                    last.push('…');
                }
            }
            let style = if selected {
                theme.heading
            } else {
                Style::new()
            };
            out.extend(body.into_iter().map(|l| line(l, style)));
            for l in wrap(&format!("— {}", q.citation), text_width) {
                out.push(line(l, theme.dim));
            }
            if stale {
                let msg = lang.pick(
                    "⚠ no longer in the case file (kept as quoted)",
                    "⚠ finns inte längre i ärendets fil (behålls som citerat)",
                );
                out.push(line(msg.to_string(), theme.stale));
            }
            if !q.comment.is_empty() {
                for l in wrap(&format!("↳ {}", q.comment), text_width) {
                    out.push(line(l, theme.comment));
                }
            }
        }
    }
    out.push(Line::raw(""));
    out
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// Every mark the notes can show.
pub const MARKS: &[Mark] = &[
    Mark::new("▌", "the selected item", "den valda posten"),
    Mark::new(
        "”…”",
        "a quote, as it was taken from the case",
        "ett citat, som det togs ur ärendet",
    ),
    Mark::new(
        "—",
        "who said it, where and when (copied with the quote)",
        "vem som sade det, var och när (kopieras med citatet)",
    ),
    Mark::new(
        "↳",
        "your comment ({notes:edit-item} edits it)",
        "din kommentar ({notes:edit-item} redigerar den)",
    ),
    Mark::new(
        "⚠",
        "the quoted text is no longer in the case file; the quote is kept as taken",
        "den citerade texten finns inte längre i ärendets fil; citatet behålls som det togs",
    ),
    Mark::named(
        ("NOT SAVED", "INTE SPARAT"),
        "the last save failed: the notes are only in this session",
        "det senaste sparandet misslyckades: anteckningarna finns bara i den här sessionen",
    ),
];
