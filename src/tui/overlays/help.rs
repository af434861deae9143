//! The help overlay: the keys that apply under it (a screen, or another overlay), from the
//! keymap itself, then a legend of every mark that screen can show. It scrolls when it is
//! longer than the terminal.

use crate::i18n::Lang;
use crate::tui::action::{Action, Outcome};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Mark, centred};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone)]
pub struct Help {
    /// Keys and what they do.
    pub keys: Vec<(String, String)>,
    /// Marks the screen can show, and what they mean.
    pub marks: Vec<(String, String)>,
    /// First line shown.
    pub scroll: usize,
    /// The keys the box's frame names: the one that closes it, and those that scroll it
    /// (`j/k`), as the user has them.
    pub close_key: String,
    pub scroll_keys: String,
}

/// Columns between the keys and what they do.
const GAP: usize = 2;
/// The widest the help gets.
const MAX_WIDTH: u16 = 96;

/// One line of the help: a key (or mark), its text, and whether it is a heading.
struct HelpLine {
    key: String,
    text: String,
    heading: bool,
}

impl Help {
    /// The help of `keys` (each key and what it does) and `marks`, in `lang`; `fill` names
    /// the keys a mark's text refers to (`{mode:action}`, [`Keymap::fill`]) as the user has
    /// them.
    ///
    /// [`Keymap::fill`]: crate::tui::keymap::Keymap::fill
    pub fn new(
        keys: Vec<(String, String)>,
        marks: &[Mark],
        lang: Lang,
        fill: &dyn Fn(&str) -> String,
    ) -> Help {
        Help {
            keys,
            marks: marks.iter().map(|m| m.worded(lang, fill)).collect(),
            scroll: 0,
            close_key: "Esc".to_string(),
            scroll_keys: "j/k".to_string(),
        }
    }

    /// The same, naming these keys in its frame (see [`Help::close_key`]).
    pub fn naming(mut self, close_key: String, scroll_keys: String) -> Help {
        self.close_key = close_key;
        self.scroll_keys = scroll_keys;
        self
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let rect = ctx.areas.overlay.unwrap_or_default();
        let shown = usize::from(rect.height.saturating_sub(2)).max(1);
        let total = self.lines(rect.width, ctx.lang).len();
        let last = total.saturating_sub(shown);
        self.scroll = match action {
            Action::Back | Action::ToggleHelp => return Outcome::close(),
            Action::ScrollDown => self.scroll + 1,
            Action::ScrollUp => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll + shown.saturating_sub(1).max(1),
            Action::PageUp => self.scroll.saturating_sub(shown.saturating_sub(1).max(1)),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.scroll,
        }
        .min(last);
        Outcome::none()
    }

    /// The widest key or mark.
    fn key_width(&self) -> usize {
        self.keys
            .iter()
            .chain(&self.marks)
            .map(|(k, _)| k.width())
            .max()
            .unwrap_or(4)
    }

    /// Every line at a box `width` columns wide (borders included): the keys (the box's title
    /// says so), a blank line, "Marks", the marks; texts wrapped beside their key.
    fn lines(&self, width: u16, lang: Lang) -> Vec<HelpLine> {
        let key_w = self.key_width();
        let text_w = usize::from(width).saturating_sub(2 + key_w + GAP).max(8);
        let mut out = Vec::new();
        let section = |out: &mut Vec<HelpLine>, title: Option<&str>, rows: &[(String, String)]| {
            if let Some(title) = title {
                out.push(HelpLine {
                    key: title.to_string(),
                    text: String::new(),
                    heading: true,
                });
            }
            for (key, text) in rows {
                let wrapped = textwrap::wrap(text, text_w);
                for (i, l) in wrapped.iter().enumerate() {
                    out.push(HelpLine {
                        key: if i == 0 { key.clone() } else { String::new() },
                        text: l.to_string(),
                        heading: false,
                    });
                }
            }
        };
        section(&mut out, None, &self.keys);
        out.push(HelpLine {
            key: String::new(),
            text: String::new(),
            heading: false,
        });
        if self.marks.is_empty() {
            let none = [(
                "–".to_string(),
                lang.pick("no marks here", "inga tecken här").to_string(),
            )];
            section(&mut out, Some(lang.pick("Marks", "Tecken")), &none);
        } else {
            section(&mut out, Some(lang.pick("Marks", "Tecken")), &self.marks);
        }
        out
    }

    /// Where the help goes: a box in the middle of `main`, as large as its lines (at most
    /// `main`).
    pub fn area(&self, main: Rect, lang: Lang) -> Rect {
        let key_w = self.key_width();
        let text_w = self
            .keys
            .iter()
            .chain(&self.marks)
            .map(|(_, t)| t.width())
            .max()
            .unwrap_or(10);
        let width = ((key_w + GAP + text_w + 2) as u16)
            .min(MAX_WIDTH)
            .min(main.width);
        let height = self.lines(width, lang).len() as u16 + 2;
        centred(main, width, height)
    }

    pub fn render(&self, frame: &mut Frame, popup: Rect, lang: Lang, theme: &Theme) {
        frame.render_widget(Clear, popup);
        let lines = self.lines(popup.width, lang);
        let shown = usize::from(popup.height.saturating_sub(2));
        let scroll = self.scroll.min(lines.len().saturating_sub(shown));
        let key_w = self.key_width();
        let title = match (lang, self.close_key.as_str()) {
            (Lang::En, "") => " Keys ".to_string(),
            (Lang::Sv, "") => " Tangenter ".to_string(),
            (Lang::En, key) => format!(" Keys ({key} closes) "),
            (Lang::Sv, key) => format!(" Tangenter ({key} stänger) "),
        };
        let mut block = Block::default()
            .borders(Borders::ALL)
            .title(title)
            .border_style(theme.border_focused);
        if lines.len() > shown {
            let last = (scroll + shown).min(lines.len());
            let more = match lang {
                Lang::En => format!(
                    " {}–{last} of {} · {} scroll ",
                    scroll + 1,
                    lines.len(),
                    self.scroll_keys
                ),
                Lang::Sv => format!(
                    " {}–{last} av {} · {} rullar ",
                    scroll + 1,
                    lines.len(),
                    self.scroll_keys
                ),
            };
            block = block.title_bottom(Line::styled(more, theme.dim).right_aligned());
        }
        let text: Vec<Line> = lines
            .iter()
            .skip(scroll)
            .take(shown)
            .map(|l| {
                if l.heading {
                    return Line::styled(l.key.clone(), theme.title);
                }
                let pad = " ".repeat((key_w + GAP).saturating_sub(l.key.width()));
                Line::from(vec![
                    Span::styled(l.key.clone(), theme.heading),
                    Span::raw(pad),
                    Span::styled(l.text.clone(), Style::new()),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(text).block(block), popup);
    }
}
