//! A prompt over the screen: a line of text to type (a heading, a comment), or a yes/no
//! question (overwrite a file?). The text input itself is `tui-input`'s.

use crate::i18n::Lang;
use crate::notes::ItemKind;
use crate::tui::action::{Action, Effect, NotesOp, Outcome, TextEdit};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::input_window;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use std::path::PathBuf;
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: Input,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// A new heading in a case's notes, inserted at `at`.
    NewHeading { case: usize, at: usize },
    /// The text of a heading, or the comment of a quote, at `index`.
    EditItem { case: usize, index: usize },
    /// Overwrite `path` with `bytes`?
    Overwrite { path: PathBuf, bytes: Vec<u8> },
    /// The cases × parties view's filter: search words and dates (the answer goes to the
    /// screen under the prompt as [`Action::SetFilter`]).
    CaseFilter,
}

/// Longest text a prompt takes (a comment is a few sentences, not a document).
const MAX_CHARS: usize = 4000;

/// The most characters one paste brings into a field (issue 15: a longer paste is cut, and the
/// status says so). A field may take fewer ([`MAX_CHARS`] in a prompt).
pub const MAX_PASTE_CHARS: usize = 10_000;

/// A pasted text as one line: line breaks (CRLF, CR, LF, U+2028/2029), tabs, vertical tabs
/// and form feeds become spaces (a passage pasted over a line end keeps its words apart),
/// then every other control or format character is dropped or marked as everywhere
/// ([`crate::text::clean`]).
pub fn one_line(text: &str) -> String {
    let mut flat = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                flat.push(' ')
            }
            c => flat.push(c),
        }
    }
    crate::text::clean(&flat)
}

/// Insert a paste at the cursor as one edit (see [`one_line`]), cut so that the field holds
/// at most `max_chars` characters. Time and memory are linear in the paste. Returns whether
/// anything was cut.
pub fn paste(input: &mut Input, text: &str, max_chars: usize) -> bool {
    let value = input.value();
    let len = value.chars().count();
    let room = max_chars.saturating_sub(len).min(MAX_PASTE_CHARS);
    // No more of the paste is read than can be kept (a line's worth of slack for what
    // cleaning drops); a longer paste is cut either way.
    let slack = room.saturating_add(1024);
    let head_end = text
        .char_indices()
        .nth(slack)
        .map_or(text.len(), |(i, _)| i);
    let line = one_line(&text[..head_end]);
    let kept: String = line.chars().take(room).collect();
    let cut = head_end < text.len() || kept.len() < line.len();
    let cursor = input.cursor().min(len);
    let at = value
        .char_indices()
        .nth(cursor)
        .map_or(value.len(), |(i, _)| i);
    let inserted = kept.chars().count();
    let new = format!("{}{kept}{}", &value[..at], &value[at..]);
    *input = Input::new(new).with_cursor(cursor + inserted);
    cut
}

/// What the status bar says when a paste was cut to fit `max_chars`.
pub fn paste_cut_message(lang: Lang, max_chars: usize) -> String {
    let n = max_chars.min(MAX_PASTE_CHARS);
    let sep = lang.pick(",", "\u{a0}");
    let grouped = match (n / 1000, n % 1000) {
        (0, r) => r.to_string(),
        (k, r) => format!("{k}{sep}{r:03}"),
    };
    match lang {
        Lang::En => format!("The pasted text was cut: a field takes at most {grouped} characters"),
        Lang::Sv => format!("Den inklistrade texten kortades: ett fält tar högst {grouped} tecken"),
    }
}

impl Prompt {
    pub fn new(kind: PromptKind, value: &str) -> Prompt {
        Prompt {
            kind,
            input: Input::new(value.to_string()),
        }
    }

    pub fn is_question(&self) -> bool {
        matches!(self.kind, PromptKind::Overwrite { .. })
    }

    /// What the prompt asks, in the UI language.
    pub fn title(&self, lang: Lang) -> String {
        match &self.kind {
            PromptKind::NewHeading { .. } => lang.pick("New heading", "Ny rubrik").into(),
            PromptKind::EditItem { .. } => lang.pick("Edit", "Redigera").into(),
            PromptKind::CaseFilter => lang
                .pick(
                    "Filter: search words, from:YYYY-MM-DD, to:YYYY-MM-DD",
                    "Filter: sökord, from:ÅÅÅÅ-MM-DD, to:ÅÅÅÅ-MM-DD",
                )
                .into(),
            PromptKind::Overwrite { path, .. } => {
                let name = crate::text::escape(&path.display().to_string());
                match lang {
                    Lang::En => format!("{name} exists. Overwrite? (y/n)"),
                    Lang::Sv => format!("{name} finns redan. Skriva över? (j/n)"),
                }
            }
        }
    }

    pub fn update(&mut self, action: &Action, _ctx: &Ctx) -> Outcome {
        match action {
            Action::Edit(TextEdit::Insert(c))
                if c.is_control() || self.input.value().chars().count() >= MAX_CHARS =>
            {
                Outcome::none()
            }
            Action::Edit(edit) => {
                self.input.handle(input_request(*edit));
                Outcome::none()
            }
            Action::Paste(text) if !self.is_question() => {
                if paste(&mut self.input, text, MAX_CHARS) {
                    Outcome::error(paste_cut_message(_ctx.lang, MAX_CHARS))
                } else {
                    Outcome::none()
                }
            }
            Action::Back | Action::Confirm(false) => Outcome::close(),
            Action::Submit | Action::Confirm(true) => self.submit().closing(),
            _ => Outcome::none(),
        }
    }

    /// What the answer asks for: an edit of the notes, or writing the file after all.
    fn submit(&self) -> Outcome {
        let text = self.input.value().trim().to_string();
        match &self.kind {
            PromptKind::NewHeading { case, at } if !text.is_empty() => {
                let heading = ItemKind::Heading(crate::text::clean(&text));
                Outcome::none().with_notes(*case, NotesOp::Insert(*at, heading))
            }
            PromptKind::NewHeading { .. } => Outcome::none(),
            PromptKind::EditItem { case, index } => Outcome::none().with_notes(
                *case,
                NotesOp::SetText {
                    index: *index,
                    text,
                },
            ),
            PromptKind::CaseFilter => Outcome::none().then(Action::SetFilter(text)),
            PromptKind::Overwrite { path, bytes } => Outcome::effect(Effect::Write {
                path: path.clone(),
                bytes: bytes.clone(),
                overwrite: true,
            }),
        }
    }
}

/// The `tui-input` request for an edit.
pub fn input_request(edit: TextEdit) -> InputRequest {
    match edit {
        TextEdit::Insert(c) => InputRequest::InsertChar(c),
        TextEdit::Backspace => InputRequest::DeletePrevChar,
        TextEdit::Delete => InputRequest::DeleteNextChar,
        TextEdit::Left => InputRequest::GoToPrevChar,
        TextEdit::Right => InputRequest::GoToNextChar,
        TextEdit::WordLeft => InputRequest::GoToPrevWord,
        TextEdit::WordRight => InputRequest::GoToNextWord,
        TextEdit::Home => InputRequest::GoToStart,
        TextEdit::End => InputRequest::GoToEnd,
        TextEdit::DeleteWordBack => InputRequest::DeletePrevWord,
        TextEdit::DeleteToStart => InputRequest::DeleteFromStart,
    }
}

/// Where the prompt goes: a box at the bottom of `main`.
pub fn area(main: Rect) -> Rect {
    let h = 3.min(main.height);
    Rect {
        x: main.x,
        y: main.y + main.height - h,
        width: main.width,
        height: h,
    }
}

pub fn render(frame: &mut Frame, rect: Rect, prompt: &Prompt, lang: Lang, theme: &Theme) {
    frame.render_widget(Clear, rect);
    let title = format!(" {} ", prompt.title(lang));
    if prompt.is_question() {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border_focused);
        frame.render_widget(
            Paragraph::new(Line::styled(title.trim().to_string(), theme.heading)).block(block),
            rect,
        );
        return;
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.border_focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (visible, x) = input_window(&prompt.input, usize::from(inner.width.max(1)));
    frame.render_widget(Paragraph::new(visible), inner);
    if inner.width > 0 && inner.height > 0 {
        frame.set_cursor_position(Position::new(
            inner.x + (x as u16).min(inner.width - 1),
            inner.y,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::{NotesEdit, OverlayChange};
    use crate::tui::screens::Screen;
    use crate::tui::testing::Harness;

    #[test]
    fn typing_edits_and_cancels() {
        let h = Harness::new(Lang::En, 100, 30);
        let ctx = h.ctx(Screen::Notes);
        let mut p = Prompt::new(PromptKind::NewHeading { case: 0, at: 0 }, "");
        for c in "Häör".chars() {
            p.update(&Action::Edit(TextEdit::Insert(c)), &ctx);
        }
        p.update(&Action::Edit(TextEdit::Backspace), &ctx);
        p.update(&Action::Edit(TextEdit::Insert('\u{1b}')), &ctx);
        assert_eq!(p.input.value(), "Häö");
        let cancelled = p.update(&Action::Back, &ctx);
        assert!(matches!(cancelled.overlay, Some(OverlayChange::Close)));
        assert!(cancelled.notes.is_empty());
        let done = p.update(&Action::Submit, &ctx);
        assert_eq!(
            done.notes,
            [NotesEdit {
                case: 0,
                op: NotesOp::Insert(0, ItemKind::Heading("Häö".into()))
            }]
        );
    }

    #[test]
    fn an_empty_heading_is_not_added() {
        let h = Harness::new(Lang::En, 100, 30);
        let mut p = Prompt::new(PromptKind::NewHeading { case: 0, at: 0 }, "  ");
        let outcome = p.update(&Action::Submit, &h.ctx(Screen::Notes));
        assert!(outcome.notes.is_empty() && outcome.effects.is_empty());
        assert!(matches!(outcome.overlay, Some(OverlayChange::Close)));
    }
}
