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
    /// Choosing in the review's picker (a stance, a party, where a paragraph goes).
    Pick,
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
        KeyCode::F(n) => format!("F{n}"),
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

/// Help rows for a mode: keys and what they do, in the UI language, for the bindings that
/// apply now (`applies`: the screen says which actions make sense where it is, e.g. no
/// "follow the link" on the case's own texts).
pub fn help_rows(
    mode: Mode,
    lang: Lang,
    applies: &dyn Fn(&Action) -> bool,
) -> Vec<(String, String)> {
    bindings(mode)
        .filter(|b| applies(&b.action))
        .map(|b| {
            let keys = b.keys.iter().map(key_label).collect::<Vec<_>>().join(" ");
            (keys, lang.pick(b.en, b.sv).to_string())
        })
        .collect()
}

/// The few keys the status bar shows in a mode, most important first, with short labels
/// (the keys themselves come from the bindings, so they cannot drift), for the actions that
/// apply now. The help's key is always among them.
pub fn status_hints(mode: Mode, lang: Lang, applies: &dyn Fn(&Action) -> bool) -> Vec<String> {
    let help: &[Hint] = match mode {
        Mode::Help => &[],
        _ => &[(Action::ToggleHelp, "help", "hjälp")],
    };
    hint_table(mode)
        .iter()
        .chain(help)
        .filter(|(action, ..)| applies(action))
        .filter_map(|(action, en, sv)| {
            let b = bindings(mode).find(|b| b.action == *action)?;
            Some(format!("{} {}", key_label(&b.keys[0]), lang.pick(en, sv)))
        })
        .collect()
}

/// A status bar hint: the action, and its short label in English and Swedish.
type Hint = (Action, &'static str, &'static str);

/// The hints of a mode, most important first (the help's hint is added to every mode).
fn hint_table(mode: Mode) -> &'static [Hint] {
    match mode {
        Mode::Help => &[
            (Action::ScrollDown, "scroll", "rulla"),
            (Action::ToggleHelp, "close help", "stäng hjälpen"),
        ],
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
        ],
        Mode::Screen(Screen::CrossCase) => &[
            (Action::Open, "open", "öppna"),
            (Action::Filter, "filter", "filtrera"),
            (Action::Right, "party", "parti"),
            (Action::Back, "back", "tillbaka"),
        ],
        Mode::Screen(Screen::Elsewhere) => &[
            (Action::Open, "read", "läs"),
            (Action::DiffRelative, "diff", "jämför"),
            (Action::NextPane, "paragraph/text", "stycke/text"),
            (Action::Back, "back", "tillbaka"),
        ],
        Mode::Screen(Screen::Cases) => &[
            (Action::Open, "open", "öppna"),
            (Action::OpenCrossCase, "parties", "partier"),
            (Action::OpenNotes, "notes", "anteckningar"),
            (Action::OpenSearch, "search", "sök"),
            (Action::Quit, "quit", "avsluta"),
        ],
        Mode::Screen(Screen::Matrix) => &[
            (Action::Open, "read", "läs"),
            (Action::ToggleLens, "parties", "partier"),
            (Action::OpenCaseText, "case text", "ärendets text"),
            (Action::OpenNotes, "notes", "anteckningar"),
            (Action::OpenSearch, "search", "sök"),
            (Action::Quit, "quit", "avsluta"),
        ],
        Mode::Screen(Screen::Reader) => &[
            (Action::CopyParagraph, "copy quote", "kopiera citat"),
            (Action::AddToNotes, "add to notes", "till anteckningar"),
            (Action::ToggleVisual, "select", "markera"),
            (Action::DiffRelative, "diff", "jämför"),
            (Action::NextSameStance, "next", "nästa"),
            (Action::Back, "back", "tillbaka"),
        ],
        Mode::Screen(Screen::Review) => &[
            (Action::ReviewConfirm, "confirm", "bekräfta"),
            (Action::ReviewStance, "stance", "ställning"),
            (Action::ReviewParty, "party", "parti"),
            (Action::ReviewAssign, "move", "flytta"),
            (Action::Back, "back", "tillbaka"),
        ],
        Mode::Pick => &[
            (Action::Open, "write", "skriv"),
            (Action::Back, "cancel", "avbryt"),
        ],
        Mode::Screen(Screen::Notes) => &[
            (Action::NewHeading, "heading", "rubrik"),
            (Action::EditItem, "comment", "kommentar"),
            (Action::MoveItemDown, "move", "flytta"),
            (Action::Delete, "delete", "ta bort"),
            (Action::Export, "export", "exportera"),
            (Action::Back, "back", "tillbaka"),
        ],
    }
}

/// As many whole hints as fit in `columns` columns, joined with ` · `, the last one (help)
/// kept whenever it fits at all; never a hint cut in two.
pub fn fit_hints(hints: &[String], columns: usize) -> String {
    use crate::text::width;
    const SEP: &str = " · ";
    let Some((last, rest)) = hints.split_last() else {
        return String::new();
    };
    let mut budget = columns.saturating_sub(width(last));
    if width(last) > columns {
        return String::new();
    }
    let mut kept: Vec<&str> = Vec::new();
    for h in rest {
        let need = width(h) + width(SEP);
        if need > budget {
            break;
        }
        budget -= need;
        kept.push(h);
    }
    kept.push(last);
    kept.join(SEP)
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

    const MODES: [Mode; 16] = [
        Mode::Pick,
        Mode::Screen(Screen::Review),
        Mode::Screen(Screen::CrossCase),
        Mode::Screen(Screen::Elsewhere),
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
    fn help_lists_every_binding_that_applies() {
        for mode in MODES {
            let rows = help_rows(mode, Lang::En, &|_| true);
            assert_eq!(rows.len(), bindings(mode).count());
        }
        let reader = Mode::Screen(Screen::Reader);
        let rows = help_rows(reader, Lang::En, &|_| true);
        assert!(rows.iter().any(|(k, d)| k == "y" && d.contains("quote")));
        let rows = help_rows(reader, Lang::En, &|a| *a != Action::FollowLink);
        assert!(!rows.iter().any(|(_, d)| d.contains("link")));
    }

    #[test]
    fn every_status_hint_is_a_bound_key() {
        for mode in MODES {
            for lang in [Lang::En, Lang::Sv] {
                let hints = status_hints(mode, lang, &|_| true);
                // Every hint the table asks for is there: none was dropped for want of a key.
                assert_eq!(
                    hints.len(),
                    hint_table(mode).len() + usize::from(mode != Mode::Help)
                );
                for hint in &hints {
                    let (key, label) = hint.split_once(' ').unwrap();
                    assert!(!label.is_empty() && !label.contains("  "), "{hint}");
                    assert!(
                        bindings(mode).any(|b| key_label(&b.keys[0]) == key),
                        "{mode:?}: `{key}` in {hint:?} is not bound"
                    );
                }
            }
        }
        assert_eq!(
            status_hints(Mode::Screen(Screen::Matrix), Lang::En, &|_| true).join(" · "),
            "Enter read · p parties · c case text · A notes · / search · q quit · ? help"
        );
    }

    #[test]
    fn hints_that_do_not_fit_are_dropped_whole_and_help_stays() {
        let hints = status_hints(Mode::Screen(Screen::Matrix), Lang::En, &|_| true);
        for width in 0..80 {
            let shown = fit_hints(&hints, width);
            assert!(unicode_width::UnicodeWidthStr::width(shown.as_str()) <= width);
            if !shown.is_empty() {
                assert!(shown.ends_with("? help"), "{width}: {shown}");
                for part in shown.split(" · ") {
                    assert!(hints.iter().any(|h| h == part), "{width}: {part:?} cut");
                }
            }
        }
        assert_eq!(fit_hints(&hints, 31), "Enter read · p parties · ? help");
        assert_eq!(fit_hints(&hints, 30), "Enter read · ? help");
    }

    #[test]
    fn keys_of_the_everywhere_actions_mean_nothing_else() {
        // Help, quit, search and the notes are reachable from (nearly) every screen: their
        // keys may mean nothing else anywhere keys are not text.
        let everywhere = [
            Action::ToggleHelp,
            Action::Quit,
            Action::OpenSearch,
            Action::OpenNotes,
        ];
        let not_typing = MODES
            .into_iter()
            .filter(|m| !matches!(m, Mode::Prompt | Mode::Search));
        let mut owner: Vec<(Key, Action)> = Vec::new();
        // (The help closes with Esc as well as with its own key.)
        for mode in not_typing.clone().filter(|m| *m != Mode::Help) {
            for b in bindings(mode).filter(|b| everywhere.contains(&b.action)) {
                owner.extend(b.keys.iter().map(|k| (*k, b.action.clone())));
            }
        }
        for mode in not_typing {
            for b in bindings(mode) {
                for k in b.keys {
                    if let Some((_, a)) = owner.iter().find(|(key, _)| key == k) {
                        assert_eq!(
                            &b.action,
                            a,
                            "{mode:?}: {} is {a:?} elsewhere",
                            key_label(k)
                        );
                    }
                }
            }
        }
        // `N` is the previous search hit, and nothing else.
        let shift_n = press(KeyCode::Char('N'), KeyModifiers::SHIFT);
        for mode in MODES
            .into_iter()
            .filter(|m| !matches!(m, Mode::Prompt | Mode::Search))
        {
            let a = action_for(mode, shift_n);
            assert!(
                a.is_none() || a == Some(Action::PrevHit),
                "{mode:?}: N is {a:?}"
            );
        }
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
        // Help while typing: F1.
        let f1 = press(KeyCode::F(1), KeyModifiers::NONE);
        for mode in MODES {
            assert_eq!(action_for(mode, f1), Some(Action::ToggleHelp), "{mode:?}");
        }
        let q = press(KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::SearchList, q), Some(Action::ToggleHelp));
    }
}
