//! The keymap: one row per binding (`bindings`), one table per mode, and the lookup. The input
//! handler, the help overlay and the status bar's hints all read the app's [`Keymap`]: the
//! built-in table with the user's keys from the configuration ([`crate::tui::config`]) put in,
//! so they cannot drift apart.
//!
//! Actions and modes have names for the configuration, derived from the types themselves
//! ([`action_name`], [`mode_name`]): a new row or a new mode needs no configuration code.

mod bindings;
mod keys;

use super::action::{Action, TextEdit};
use super::screens::Screen;
use crate::i18n::Lang;
pub use bindings::{Binding, EVERYWHERE, Key};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
pub use keys::{KeyError, key_label, key_name, parse_key};

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

impl Mode {
    /// Every mode, screens first (the order of the default configuration).
    pub const ALL: &[Mode] = &[
        Mode::Screen(Screen::Cases),
        Mode::Screen(Screen::Matrix),
        Mode::Screen(Screen::Reader),
        Mode::Visual,
        Mode::Similar,
        Mode::Screen(Screen::Diff),
        Mode::Screen(Screen::Notes),
        Mode::Screen(Screen::Review),
        Mode::Screen(Screen::CrossCase),
        Mode::Screen(Screen::Elsewhere),
        Mode::Pick,
        Mode::Search,
        Mode::SearchList,
        Mode::Prompt,
        Mode::Confirm,
        Mode::Help,
    ];

    /// Whether a plain character is text here (typed, not a key).
    pub fn is_typing(self) -> bool {
        matches!(self, Mode::Prompt | Mode::Search)
    }
}

/// A new mode or screen must be added to [`Mode::ALL`]: this match stops compiling until it
/// is named here too.
const _: fn(Mode) = |mode| match mode {
    Mode::Help
    | Mode::Prompt
    | Mode::Confirm
    | Mode::Visual
    | Mode::Similar
    | Mode::Search
    | Mode::SearchList
    | Mode::Pick
    | Mode::Screen(
        Screen::Cases
        | Screen::Matrix
        | Screen::Reader
        | Screen::Notes
        | Screen::Diff
        | Screen::Review
        | Screen::CrossCase
        | Screen::Elsewhere,
    ) => {}
};

/// The built-in bindings of a mode: its own first, then those it shares, then the global ones
/// where they apply. The app uses a [`Keymap`] (these with the user's keys).
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    bindings::of(mode)
}

/// An action's name in the configuration: its variant in kebab case, with what it carries
/// (`NextSameStance` → `next-same-stance`, `Edit(DeleteWordBack)` → `edit-delete-word-back`,
/// `Confirm(true)` → `confirm-yes`).
pub fn action_name(action: &Action) -> String {
    kebab(&format!("{action:?}"))
}

/// A mode's name in the configuration (`Screen(Reader)` → `reader`, `SearchList` →
/// `search-list`).
pub fn mode_name(mode: Mode) -> String {
    let name = kebab(&format!("{mode:?}"));
    match name.strip_prefix("screen-") {
        Some(screen) => screen.to_string(),
        None => name,
    }
}

/// `NextSameStance` → `next-same-stance`; `Confirm(true)` → `confirm-yes`.
fn kebab(debug: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for part in debug.split(|c: char| !c.is_alphanumeric()) {
        let part = match part {
            "true" => "yes",
            "false" => "no",
            p => p,
        };
        let mut word = String::new();
        for c in part.chars() {
            if c.is_uppercase() && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.extend(c.to_lowercase());
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words.join("-")
}

/// One binding as the app uses it: a row of the table with the keys the user has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    /// The keys, the first one shown in the status bar (none: the action is unbound).
    pub keys: Vec<Key>,
    pub action: Action,
    /// What the help says; `{action-name}` (or `{mode:action-name}`) stands for that action's
    /// first key, so the text follows the user's keys.
    pub en: &'static str,
    pub sv: &'static str,
}

/// The keys of every mode: the built-in table ([`Keymap::default`]) with the user's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    modes: Vec<(Mode, Vec<Bound>)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let modes = Mode::ALL
            .iter()
            .map(|&mode| {
                let rows = bindings(mode)
                    .map(|b| Bound {
                        keys: b.keys.to_vec(),
                        action: b.action.clone(),
                        en: b.en,
                        sv: b.sv,
                    })
                    .collect();
                (mode, rows)
            })
            .collect();
        Keymap { modes }
    }
}

impl Keymap {
    /// The bindings of a mode (see [`bindings`]).
    pub fn bindings(&self, mode: Mode) -> &[Bound] {
        self.modes
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// The bindings of a mode, to change them (the configuration does).
    pub(crate) fn bindings_mut(&mut self, mode: Mode) -> &mut [Bound] {
        self.modes
            .iter_mut()
            .find(|(m, _)| *m == mode)
            .map_or(&mut [], |(_, rows)| rows.as_mut_slice())
    }

    /// The action for a key press in a mode, if any. In a text prompt, a plain character is
    /// typed.
    pub fn action_for(&self, mode: Mode, key: KeyEvent) -> Option<Action> {
        let (code, mods) = normalise(key);
        let bound = self
            .bindings(mode)
            .iter()
            .find(|b| b.keys.iter().any(|k| k.0 == code && k.1 == mods))
            .map(|b| b.action.clone());
        match (bound, code) {
            (Some(a), _) => Some(a),
            (None, KeyCode::Char(c)) if mode.is_typing() && mods.is_empty() => {
                Some(Action::Edit(TextEdit::Insert(c)))
            }
            _ => None,
        }
    }

    /// The first key of `action` in `mode`, as the help writes it; `None` when it is unbound.
    pub fn label(&self, mode: Mode, action: &Action) -> Option<String> {
        let b = self.bindings(mode).iter().find(|b| b.action == *action)?;
        b.keys.first().map(key_label)
    }

    /// Like [`Keymap::label`], passing over the keys that move (`j` rather than `↓`, `Tab`
    /// rather than nothing), for texts that name a key in passing: the first key that is not
    /// an arrow, a page or line-end key or the space bar, else the first.
    pub fn char_label(&self, mode: Mode, action: &Action) -> Option<String> {
        let b = self.bindings(mode).iter().find(|b| b.action == *action)?;
        let moves = |k: &Key| {
            matches!(
                k.0,
                KeyCode::Up
                    | KeyCode::Down
                    | KeyCode::Left
                    | KeyCode::Right
                    | KeyCode::PageUp
                    | KeyCode::PageDown
                    | KeyCode::Home
                    | KeyCode::End
                    | KeyCode::Char(' ')
            )
        };
        b.keys
            .iter()
            .find(|k| !moves(k))
            .or(b.keys.first())
            .map(key_label)
    }

    /// A help text with its `{action}` and `{mode:action}` placeholders replaced by the first
    /// key of that action (in `mode`, or in the mode named); a placeholder whose action has no
    /// key is left out with the space before it.
    pub fn fill(&self, mode: Mode, text: &str) -> String {
        if !text.contains('{') {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            out.push_str(&rest[..open]);
            let name = &rest[open + 1..close];
            let (m, action) = match name.split_once(':') {
                Some((m, a)) => (Mode::ALL.iter().copied().find(|x| mode_name(*x) == m), a),
                None => (Some(mode), name),
            };
            let key = m.and_then(|m| {
                let b = self
                    .bindings(m)
                    .iter()
                    .find(|b| action_name(&b.action) == action)?;
                self.char_label(m, &b.action)
            });
            match key {
                Some(k) => out.push_str(&k),
                None => out.truncate(out.trim_end().len()),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// Help rows for a mode: keys and what they do, in the UI language, for the bindings that
    /// apply now (`applies`: the screen says which actions make sense where it is, e.g. no
    /// "follow the link" on the case's own texts) and have a key.
    pub fn help_rows(
        &self,
        mode: Mode,
        lang: Lang,
        applies: &dyn Fn(&Action) -> bool,
    ) -> Vec<(String, String)> {
        self.bindings(mode)
            .iter()
            .filter(|b| !b.keys.is_empty() && applies(&b.action))
            .map(|b| {
                let keys = b.keys.iter().map(key_label).collect::<Vec<_>>().join(" ");
                (keys, self.fill(mode, lang.pick(b.en, b.sv)))
            })
            .collect()
    }

    /// The few keys the status bar shows in a mode, most important first, with short labels
    /// (the keys themselves come from the bindings, so they cannot drift), for the actions
    /// that apply now and have a key. The help's key is always among them when it has one.
    pub fn status_hints(
        &self,
        mode: Mode,
        lang: Lang,
        applies: &dyn Fn(&Action) -> bool,
    ) -> Vec<String> {
        let help: &[Hint] = match mode {
            Mode::Help => &[],
            _ => &[(Action::ToggleHelp, "help", "hjälp")],
        };
        hint_table(mode)
            .iter()
            .chain(help)
            .filter(|(action, ..)| applies(action))
            .filter_map(|(action, en, sv)| {
                let key = self.label(mode, action)?;
                Some(format!("{key} {}", lang.pick(en, sv)))
            })
            .collect()
    }
}

/// Shift is part of an upper-case character; keep only Control and Alt for comparison.
fn normalise(key: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    (key.code, mods)
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
            (Action::ToggleLens, "lens", "vy"),
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

    fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
        Keymap::default().action_for(mode, key)
    }

    fn help_rows(
        mode: Mode,
        lang: Lang,
        applies: &dyn Fn(&Action) -> bool,
    ) -> Vec<(String, String)> {
        Keymap::default().help_rows(mode, lang, applies)
    }

    fn status_hints(mode: Mode, lang: Lang, applies: &dyn Fn(&Action) -> bool) -> Vec<String> {
        Keymap::default().status_hints(mode, lang, applies)
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

    const MODES: &[Mode] = Mode::ALL;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for &mode in MODES {
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
        for &mode in MODES {
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
        for &mode in MODES {
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
            "Enter read · p lens · c case text · A notes · / search · q quit · ? help"
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
        assert_eq!(fit_hints(&hints, 28), "Enter read · p lens · ? help");
        assert_eq!(fit_hints(&hints, 27), "Enter read · ? help");
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
            .iter()
            .copied()
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
            .iter()
            .copied()
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
        for &mode in MODES {
            assert_eq!(action_for(mode, f1), Some(Action::ToggleHelp), "{mode:?}");
        }
        let q = press(KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::SearchList, q), Some(Action::ToggleHelp));
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn actions_and_modes_have_config_names() {
        assert_eq!(action_name(&Action::NextSameStance), "next-same-stance");
        assert_eq!(
            action_name(&Action::Edit(TextEdit::DeleteWordBack)),
            "edit-delete-word-back"
        );
        assert_eq!(action_name(&Action::Confirm(true)), "confirm-yes");
        assert_eq!(mode_name(Mode::Screen(Screen::Reader)), "reader");
        assert_eq!(mode_name(Mode::SearchList), "search-list");
    }

    #[test]
    fn names_are_unique_and_an_action_has_one_row_per_mode() {
        let names: Vec<String> = Mode::ALL.iter().map(|m| mode_name(*m)).collect();
        for (i, n) in names.iter().enumerate() {
            assert!(!names[i + 1..].contains(n), "mode name {n} twice");
            assert_ne!(n, "global");
        }
        for &mode in Mode::ALL {
            let actions: Vec<String> = bindings(mode).map(|b| action_name(&b.action)).collect();
            for (i, a) in actions.iter().enumerate() {
                assert!(!actions[i + 1..].contains(a), "{mode:?}: {a} twice");
            }
        }
    }

    #[test]
    fn help_texts_name_the_users_keys() {
        let mut keys = Keymap::default();
        let notes = Mode::Screen(Screen::Notes);
        let rows = keys.help_rows(notes, Lang::En, &|_| true);
        assert!(
            rows.iter()
                .any(|(k, t)| k == "d Del" && t == "delete (u undoes)")
        );
        for b in keys.bindings_mut(notes) {
            if b.action == Action::Undo {
                b.keys = vec![Key(KeyCode::Char('z'), KeyModifiers::CONTROL)];
            }
        }
        let rows = keys.help_rows(notes, Lang::En, &|_| true);
        assert!(
            rows.iter().any(|(_, t)| t == "delete (Ctrl-z undoes)"),
            "{rows:?}"
        );
        assert_eq!(keys.fill(notes, "a {nothing-such} b"), "a b");
        assert_eq!(
            keys.fill(notes, "to the hits ({search-list:copy-paragraph} copy)"),
            "to the hits (y copy)"
        );
    }
}
