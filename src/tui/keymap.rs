//! The keymap: one table per screen. The input handler and the help overlay both read it, so
//! the two cannot drift apart.

use super::action::Action;
use super::app::Screen;
use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One binding: the keys, what they do, and the text the help shows.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub en: &'static str,
    pub sv: &'static str,
}

/// A key with the modifiers that must be held (Shift is implied by upper-case characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

macro_rules! bind {
    ($action:expr, [$($key:expr),+], $en:literal, $sv:literal) => {
        Binding { keys: &[$($key),+], action: $action, en: $en, sv: $sv }
    };
}

const GLOBAL: &[Binding] = &[
    bind!(Action::ToggleHelp, [k('?')], "help", "hjälp"),
    bind!(Action::Quit, [k('q'), ctrl('c')], "quit", "avsluta"),
];

const CASES: &[Binding] = &[
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous case",
        "föregående ärende"
    ),
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next case",
        "nästa ärende"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first",
        "första"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last",
        "sista"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "open the case",
        "öppna ärendet"
    ),
];

const MATRIX: &[Binding] = &[
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "body above",
        "organet ovanför"
    ),
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "body below",
        "organet nedanför"
    ),
    bind!(
        Action::Left,
        [code(KeyCode::Left), k('h')],
        "column left",
        "kolumnen till vänster"
    ),
    bind!(
        Action::Right,
        [code(KeyCode::Right), k('l')],
        "column right",
        "kolumnen till höger"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first body",
        "första organet"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last body",
        "sista organet"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "read the position",
        "läs ställningstagandet"
    ),
    bind!(
        Action::NextPane,
        [code(KeyCode::Tab)],
        "matrix ↔ positions in the cell",
        "matris ↔ cellens ställningstaganden"
    ),
    bind!(
        Action::ToggleLens,
        [k('p')],
        "stances ↔ parties",
        "ställningstaganden ↔ partier"
    ),
    bind!(
        Action::ToggleEmpty,
        [k('e')],
        "show/hide empty columns",
        "visa/dölj tomma kolumner"
    ),
    bind!(
        Action::CopyPosition,
        [k('Y')],
        "copy the position with citation",
        "kopiera ställningstagandet med källa"
    ),
    bind!(
        Action::Back,
        [code(KeyCode::Esc)],
        "back to the case list",
        "tillbaka till ärendelistan"
    ),
];

const READER: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next paragraph",
        "nästa stycke"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous paragraph",
        "föregående stycke"
    ),
    bind!(
        Action::LineDown,
        [ctrl('e')],
        "scroll down a line",
        "rulla ned en rad"
    ),
    bind!(
        Action::LineUp,
        [ctrl('y')],
        "scroll up a line",
        "rulla upp en rad"
    ),
    bind!(
        Action::PageDown,
        [code(KeyCode::PageDown), k(' '), ctrl('f')],
        "page down",
        "sida ned"
    ),
    bind!(
        Action::PageUp,
        [code(KeyCode::PageUp), ctrl('b')],
        "page up",
        "sida upp"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first paragraph",
        "första stycket"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last paragraph",
        "sista stycket"
    ),
    bind!(
        Action::CopyParagraph,
        [k('y')],
        "copy paragraph as a quote",
        "kopiera stycket som citat"
    ),
    bind!(
        Action::CopyPosition,
        [k('Y')],
        "copy the whole position",
        "kopiera hela texten"
    ),
    bind!(
        Action::NextSameStance,
        [k(']')],
        "next position, same stance",
        "nästa med samma ställningstagande"
    ),
    bind!(
        Action::PrevSameStance,
        [k('[')],
        "previous position, same stance",
        "föregående med samma ställningstagande"
    ),
    bind!(
        Action::NextSameParty,
        [k('}')],
        "next position, same party",
        "nästa från samma parti"
    ),
    bind!(
        Action::PrevSameParty,
        [k('{')],
        "previous position, same party",
        "föregående från samma parti"
    ),
    bind!(
        Action::FollowLink,
        [k('f'), code(KeyCode::Enter)],
        "follow identical-to / concurs-with link",
        "följ länken (likalydande / instämmer)"
    ),
    bind!(
        Action::Back,
        [code(KeyCode::Esc), code(KeyCode::Backspace)],
        "back to the matrix",
        "tillbaka till matrisen"
    ),
];

const HELP: &[Binding] = &[bind!(
    Action::ToggleHelp,
    [code(KeyCode::Esc), k('?')],
    "close help",
    "stäng hjälpen"
)];

/// The bindings of a screen, its own first, then the global ones.
pub fn bindings(screen: Screen, help_open: bool) -> impl Iterator<Item = &'static Binding> {
    let own: &[Binding] = if help_open {
        HELP
    } else {
        match screen {
            Screen::Cases => CASES,
            Screen::Matrix => MATRIX,
            Screen::Reader => READER,
        }
    };
    own.iter().chain(
        GLOBAL
            .iter()
            .filter(move |b| !help_open || b.action == Action::Quit),
    )
}

/// The action for a key press on a screen, if any.
pub fn action_for(screen: Screen, help_open: bool, key: KeyEvent) -> Option<Action> {
    let (code, mods) = normalise(key);
    bindings(screen, help_open)
        .find(|b| b.keys.iter().any(|k| k.0 == code && k.1 == mods))
        .map(|b| b.action.clone())
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
    } else {
        base
    }
}

/// Help rows for a screen: keys and description in the UI language.
pub fn help_rows(screen: Screen, lang: Lang) -> Vec<(String, &'static str)> {
    bindings(screen, false)
        .map(|b| {
            let keys = b.keys.iter().map(key_label).collect::<Vec<_>>().join(" ");
            (keys, lang.pick(b.en, b.sv))
        })
        .collect()
}

/// The few keys the status bar shows for a screen.
pub fn status_hints(screen: Screen, lang: Lang) -> String {
    let wanted: &[Action] = match screen {
        Screen::Cases => &[Action::Open, Action::ToggleHelp, Action::Quit],
        Screen::Matrix => &[
            Action::Open,
            Action::ToggleLens,
            Action::NextPane,
            Action::ToggleHelp,
            Action::Quit,
        ],
        Screen::Reader => &[
            Action::CopyParagraph,
            Action::NextSameStance,
            Action::Back,
            Action::ToggleHelp,
        ],
    };
    bindings(screen, false)
        .filter(|b| wanted.contains(&b.action))
        .map(|b| format!("{} {}", key_label(&b.keys[0]), lang.pick(b.en, b.sv)))
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
        assert_eq!(action_for(Screen::Matrix, false, g), Some(Action::Bottom));
        let cc = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Screen::Reader, false, cc), Some(Action::Quit));
        let c = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(action_for(Screen::Reader, false, c), None);
    }

    #[test]
    fn no_key_is_bound_twice_on_a_screen() {
        for screen in [Screen::Cases, Screen::Matrix, Screen::Reader] {
            let keys: Vec<Key> = bindings(screen, false)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{screen:?}: {a:?} bound twice");
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let rows = help_rows(Screen::Reader, Lang::En);
        assert_eq!(rows.len(), bindings(Screen::Reader, false).count());
        assert!(rows.iter().any(|(k, d)| k == "y" && d.contains("quote")));
    }
}
