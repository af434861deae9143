//! A prompt over the screen: a line of text to type (a heading, a comment), or a yes/no
//! question (overwrite a file?). The text input itself is `tui-input`'s.

use crate::i18n::Lang;
use crate::notes::ItemKind;
use crate::tui::action::{Action, Effect, TextEdit};
use crate::tui::app::App;
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
    /// Overwrite `path` with `text`?
    Overwrite { path: PathBuf, text: String },
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
            PromptKind::Overwrite { path, .. } => {
                let name = crate::text::escape(&path.display().to_string());
                match lang {
                    Lang::En => format!("{name} exists. Overwrite? (y/n)"),
                    Lang::Sv => format!("{name} finns redan. Skriva över? (j/n)"),
                }
            }
        }
    }
}

/// The `tui-input` request for an edit.
pub(crate) fn input_request(edit: TextEdit) -> InputRequest {
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

/// Longest text a prompt takes (a comment is a few sentences, not a document).
const MAX_CHARS: usize = 4000;

impl App {
    pub(crate) fn update_prompt(&mut self, action: Action) -> Vec<Effect> {
        let Some(prompt) = self.prompt.as_mut() else {
            return Vec::new();
        };
        match action {
            Action::Edit(TextEdit::Insert(c))
                if c.is_control() || prompt.input.value().chars().count() >= MAX_CHARS => {}
            Action::Edit(edit) => {
                prompt.input.handle(input_request(edit));
            }
            Action::Back | Action::Confirm(false) => {
                self.prompt = None;
            }
            Action::Submit | Action::Confirm(true) => {
                let Some(prompt) = self.prompt.take() else {
                    return Vec::new();
                };
                let text = prompt.input.value().trim().to_string();
                return match prompt.kind {
                    PromptKind::NewHeading { case, at } if !text.is_empty() => {
                        let effects = self.edit_notes(case, |n| {
                            n.insert(at, ItemKind::Heading(crate::text::clean(&text)));
                        });
                        self.notes_view.cursor = at;
                        effects
                    }
                    PromptKind::NewHeading { .. } => Vec::new(),
                    PromptKind::EditItem { case, index } => self.edit_notes(case, |n| {
                        n.set_text(index, &text);
                    }),
                    PromptKind::Overwrite { path, text } => vec![Effect::Write {
                        path,
                        text,
                        overwrite: true,
                    }],
                };
            }
            _ => {}
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn typing_edits_and_cancels() {
        let mut app = App::new(vec![load_bundled()], Lang::En);
        app.prompt = Some(Prompt::new(PromptKind::NewHeading { case: 0, at: 0 }, ""));
        for c in "Häör".chars() {
            app.update(Action::Edit(TextEdit::Insert(c)));
        }
        app.update(Action::Edit(TextEdit::Backspace));
        app.update(Action::Edit(TextEdit::Insert('\u{1b}')));
        assert_eq!(app.prompt.as_ref().unwrap().input.value(), "Häö");
        app.update(Action::Back);
        assert!(app.prompt.is_none());
        assert!(app.notes[0].notes.items.is_empty());
    }

    #[test]
    fn an_empty_heading_is_not_added() {
        let mut app = App::new(vec![load_bundled()], Lang::En);
        app.prompt = Some(Prompt::new(PromptKind::NewHeading { case: 0, at: 0 }, "  "));
        assert!(app.update(Action::Submit).is_empty());
        assert!(app.notes[0].notes.items.is_empty());
    }
}
