//! Small pieces the screens and overlays share: a centred box, the visible window of a text
//! input, scrolling a block of lines into view, and the columns of a table that fit.

use crate::i18n::Lang;
use crate::model::Case;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// A rectangle of at most `w`×`h` centred in `area`, never larger than it.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The part of a text input that fits in `width` columns with its cursor in view, and the
/// cursor's column within that part.
pub fn input_window(input: &tui_input::Input, width: usize) -> (String, usize) {
    use unicode_width::UnicodeWidthChar;
    let scroll = input.visual_scroll(width.saturating_sub(1));
    let mut skipped = 0;
    let shown: String = input
        .value()
        .chars()
        .skip_while(|&c| {
            let w = c.width().unwrap_or(0);
            if skipped + w <= scroll {
                skipped += w;
                true
            } else {
                false
            }
        })
        .collect();
    (shown, input.visual_cursor().saturating_sub(scroll))
}

/// The first visible line after scrolling so that the block of lines `first..=last` shows:
/// the whole block if it fits in `height`, else its start; unchanged when it shows already.
pub fn scroll_to_show(top: usize, first: usize, last: usize, height: usize) -> usize {
    if first < top {
        first
    } else if last >= top + height {
        if last - first < height {
            last + 1 - height
        } else {
            first
        }
    } else {
        top
    }
}

/// The columns of a table that fit in `room` terminal columns when not all do: a run of
/// whole columns, each `widths[c]` wide after a gap of `gap`, from the first one that keeps
/// column `selected` in view (the view scrolls with the selection, as in a spreadsheet). A
/// column is never cut here: at least the selected one is in the run, and the caller makes it
/// fit. Used by every table whose columns can scroll (the matrix's lenses, cases × parties).
pub fn column_window(widths: &[usize], gap: usize, room: usize, selected: usize) -> Range<usize> {
    let selected = selected.min(widths.len().saturating_sub(1));
    let fits = |from: usize| {
        let mut used = 0;
        let mut n = 0;
        for w in &widths[from..] {
            if used + w + gap > room {
                break;
            }
            used += w + gap;
            n += 1;
        }
        n.max(1)
    };
    let mut left = 0;
    while left < selected && left + fits(left) <= selected {
        left += 1;
    }
    left..(left + fits(left)).min(widths.len())
}

/// The title that says which columns a scrolled table shows ("3–8/9", right-aligned), when
/// not all are shown.
pub fn column_range_title(
    shown: &Range<usize>,
    total: usize,
    style: Style,
) -> Option<Line<'static>> {
    (shown.len() < total).then(|| {
        Line::styled(
            format!(" {}–{}/{total} ", shown.start + 1, shown.end),
            style,
        )
        .right_aligned()
    })
}

/// A mark a screen can show, and what it means, in English and Swedish (the help's legend).
/// A mark that is a word ("reverse", "bold") is named in each language. A key either names
/// is written as a placeholder, `{mode:action}` (`{reader:follow-link}`), so that the legend
/// names the key the user configured ([`Mark::worded`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub mark: (&'static str, &'static str),
    pub meaning: (&'static str, &'static str),
}

impl Mark {
    /// A mark drawn as itself (`•`, `A′`).
    pub const fn new(mark: &'static str, en: &'static str, sv: &'static str) -> Mark {
        Mark {
            mark: (mark, mark),
            meaning: (en, sv),
        }
    }

    /// The mark and its meaning in `lang`, the keys they name filled in by `fill` (e.g.
    /// [`Keymap::fill`](super::keymap::Keymap::fill) in the mode the help is opened over).
    pub fn worded(&self, lang: Lang, fill: &dyn Fn(&str) -> String) -> (String, String) {
        let (mark, meaning) = (
            lang.pick(self.mark.0, self.mark.1),
            lang.pick(self.meaning.0, self.meaning.1),
        );
        (fill(mark), fill(meaning))
    }

    /// A mark named in words, in English and Swedish ("reverse" / "omvänd").
    pub const fn named(
        mark: (&'static str, &'static str),
        en: &'static str,
        sv: &'static str,
    ) -> Mark {
        Mark {
            mark,
            meaning: (en, sv),
        }
    }
}

/// A screen's title row: the case's registration number and title.
pub fn case_title(case: &Case, theme: &super::theme::Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(case.dnr.clone(), theme.title),
        Span::raw(" · "),
        Span::styled(case.title.clone(), theme.dim),
    ])
}

#[cfg(test)]
mod tests {
    use super::column_window;

    #[test]
    fn the_columns_shown_follow_the_selection_and_are_never_cut() {
        let widths = [4, 4, 4, 4, 4];
        // 5 columns of 4 after a gap of 1 in 12: two show, from the left while the
        // selection is among them, then the run moves on with it.
        assert_eq!(column_window(&widths, 1, 12, 0), 0..2);
        assert_eq!(column_window(&widths, 1, 12, 1), 0..2);
        assert_eq!(column_window(&widths, 1, 12, 2), 1..3);
        assert_eq!(column_window(&widths, 1, 12, 4), 3..5);
        // Everything fits; no room at all: the selected column alone; no columns.
        assert_eq!(column_window(&widths, 1, 40, 3), 0..5);
        assert_eq!(column_window(&widths, 1, 0, 3), 3..4);
        assert_eq!(column_window(&[], 1, 40, 0), 0..0);
    }
}
