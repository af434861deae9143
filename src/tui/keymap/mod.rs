//! The keymap: one row per binding (`bindings`), one table per mode, and the lookup. The input
//! handler, the help overlay and the status bar's hints all read it, so they cannot drift
//! apart.

mod bindings;

use super::action::{Action, TextEdit};
use super::screens::Screen;
use crate::i18n::Lang;
pub use bindings::{Binding, Key};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What keys mean right now: an overlay, a mode of a screen, or the screen itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Help,
    /// Typing a line of text (a heading, a comment).
    Prompt,
    /// A yes/no question.
    Confirm,
    /// Selecting sentences in the reader.
    Visual,
    /// The reader's pane of similar texts has the focus.
    Similar,
    /// Typing a search query (the overlay is open).
    Search,
    /// Moving over the search hits (the overlay is open).
    SearchList,
    Screen(Screen),
}

/// The bindings of a mode: its own first, then those it shares, then the global ones where
/// they apply.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    bindings::of(mode)
}

/// The action for a key press in a mode, if any. In a text prompt, a plain character is
/// typed.
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    let (code, mods) = normalise(key);
    let bound = bindings(mode)
        .find(|b| b.keys.iter().any(|k| k.0 == code && k.1 == mods))
        .map(|b| b.action.clone());
    match (bound, mode, code) {
        (Some(a), _, _) => Some(a),
        (None, Mode::Prompt | Mode::Search, KeyCode::Char(c)) if mods.is_empty() => {
            Some(Action::Edit(TextEdit::Insert(c)))
        }
        _ => None,
    }
}

/// Shift is part of an upper-case character; keep only Control and Alt for comparison.
fn normalise(key: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    (key.code, mods)
}

/// How a key is written in help and the status bar.
pub fn key_label(key: &Key) -> String {
    let base = match key.0 {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    };
    if key.1.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.1.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// Help rows for a mode: keys and description in the UI language.
pub fn help_rows(mode: Mode, lang: Lang) -> Vec<(String, &'static str)> {
    bindings(mode)
        .map(|b| {
            let keys = b.keys.iter().map(key_label).collect::<Vec<_>>().join(" ");
            (keys, lang.pick(b.en, b.sv))
        })
        .collect()
}

/// The few keys the status bar shows in a mode, with short labels (the keys themselves come
/// from the bindings, so they cannot drift).
pub fn status_hints(mode: Mode, lang: Lang) -> String {
    type Hint = (Action, &'static str, &'static str);
    let wanted: &[Hint] = match mode {
        Mode::Help => &[(Action::ToggleHelp, "close help", "stäng hjälpen")],
        Mode::Prompt => &[
            (Action::Submit, "done", "klart"),
            (Action::Back, "cancel", "avbryt"),
        ],
        Mode::Confirm => &[
            (Action::Confirm(true), "yes", "ja"),
            (Action::Confirm(false), "no", "nej"),
        ],
        Mode::Visual => &[
            (Action::Down, "sentence", "mening"),
            (Action::ParagraphDown, "paragraph", "stycke"),
            (Action::AddToNotes, "add to notes", "till anteckningar"),
            (Action::CopyParagraph, "copy", "kopiera"),
            (Action::Back, "cancel", "avbryt"),
        ],
        Mode::Search => &[
            (Action::Submit, "open", "öppna"),
            (Action::Down, "next", "nästa"),
            (Action::NextPane, "to the hits", "till träffarna"),
            (Action::Back, "close", "stäng"),
        ],
        Mode::SearchList => &[
            (Action::Open, "open", "öppna"),
            (Action::CopyParagraph, "copy", "kopiera"),
            (Action::AddToNotes, "add to notes", "till anteckningar"),
            (Action::NextPane, "query", "frågan"),
            (Action::Back, "close", "stäng"),
        ],
        Mode::Similar => &[
            (Action::Open, "read", "läs"),
            (Action::DiffRelative, "diff", "jämför"),
            (Action::Back, "back", "tillbaka"),
        ],
        Mode::Screen(Screen::Diff) => &[
            (Action::NextChange, "next change", "nästa ändring"),
            (Action::NextPane, "side", "sida"),
            (Action::ToggleFold, "fold", "fäll ihop"),
            (Action::NextBase, "other base", "annan bas"),
            (Action::CopyParagraph, "copy", "kopiera"),
            (Action::Back, "back", "tillbaka"),
            (Action::ToggleHelp, "help", "hjälp"),
        ],
        Mode::Screen(Screen::Cases) => &[
            (Action::Open, "open", "öppna"),
            (Action::OpenNotes, "notes", "anteckningar"),
            (Action::ToggleHelp, "help", "hjälp"),
            (Action::Quit, "quit", "avsluta"),
        ],
        Mode::Screen(Screen::Matrix) => &[
            (Action::Open, "read", "läs"),
            (Action::ToggleLens, "parties", "partier"),
            (Action::OpenCaseText, "case text", "ärendets text"),
            (Action::OpenNotes, "notes", "anteckningar"),
            (Action::OpenSearch, "search", "sök"),
            (Action::ToggleHelp, "help", "hjälp"),
            (Action::Quit, "quit", "avsluta"),
        ],
        Mode::Screen(Screen::Reader) => &[
            (Action::CopyParagraph, "copy quote", "kopiera citat"),
            (Action::AddToNotes, "add to notes", "till anteckningar"),
            (Action::ToggleVisual, "select", "markera"),
            (Action::DiffRelative, "diff", "jämför"),
            (Action::NextSameStance, "next", "nästa"),
            (Action::Back, "back", "tillbaka"),
            (Action::ToggleHelp, "help", "hjälp"),
        ],
        Mode::Screen(Screen::Notes) => &[
            (Action::NewHeading, "heading", "rubrik"),
            (Action::EditItem, "comment", "kommentar"),
            (Action::MoveItemDown, "move", "flytta"),
            (Action::Delete, "delete", "ta bort"),
            (Action::Export, "export", "exportera"),
            (Action::Back, "back", "tillbaka"),
            (Action::ToggleHelp, "help", "hjälp"),
        ],
    };
    wanted
        .iter()
        .filter_map(|(action, en, sv)| {
            let b = bindings(mode).find(|b| b.action == *action)?;
            Some(format!("{} {}", key_label(&b.keys[0]), lang.pick(en, sv)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn shifted_letters_and_control_keys() {
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        let matrix = Mode::Screen(Screen::Matrix);
        let reader = Mode::Screen(Screen::Reader);
        assert_eq!(action_for(matrix, g), Some(Action::Bottom));
        let cc = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(reader, cc), Some(Action::Quit));
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(action_for(reader, x), None);
    }

    const MODES: [Mode; 12] = [
        Mode::Search,
        Mode::SearchList,
        Mode::Help,
        Mode::Prompt,
        Mode::Confirm,
        Mode::Visual,
        Mode::Similar,
        Mode::Screen(Screen::Diff),
        Mode::Screen(Screen::Cases),
        Mode::Screen(Screen::Matrix),
        Mode::Screen(Screen::Reader),
        Mode::Screen(Screen::Notes),
    ];

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in MODES {
            let keys: Vec<Key> = bindings(mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{mode:?}: {a:?} bound twice");
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        for mode in MODES {
            let rows = help_rows(mode, Lang::En);
            assert_eq!(rows.len(), bindings(mode).count());
        }
        let rows = help_rows(Mode::Screen(Screen::Reader), Lang::En);
        assert!(rows.iter().any(|(k, d)| k == "y" && d.contains("quote")));
    }

    #[test]
    fn every_status_hint_names_a_bound_key() {
        for mode in MODES {
            let hints = status_hints(mode, Lang::Sv);
            assert!(!hints.is_empty(), "{mode:?}");
            assert!(!hints.contains("  "), "{mode:?}: {hints}");
        }
        assert_eq!(
            status_hints(Mode::Screen(Screen::Matrix), Lang::En),
            "Enter read · p parties · c case text · A notes · / search · ? help · q quit"
        );
    }

    #[test]
    fn a_prompt_types_letters_that_are_keys_elsewhere() {
        for c in ['q', '?', 'j', 'N', 'å', '/'] {
            let key = press(KeyCode::Char(c), KeyModifiers::NONE);
            for mode in [Mode::Prompt, Mode::Search] {
                assert_eq!(
                    action_for(mode, key),
                    Some(Action::Edit(TextEdit::Insert(c)))
                );
            }
        }
        let cc = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Prompt, cc), Some(Action::Quit));
    }
}
