//! The user's configuration: the theme and the keys, from
//! `$XDG_CONFIG_HOME/remiss/config.toml` (else `~/.config/remiss/config.toml`), or the file
//! named by `--config FILE` or `REMISS_CONFIG`.
//!
//! ```toml
//! theme = "light"            # dark, light or monochrome
//!
//! [keys.global]              # wherever the action is bound
//! open-notes = "Ctrl-n"
//!
//! [keys.reader]              # one screen or mode
//! next-same-stance = ["n", "Alt-j"]
//! prev-same-stance = []      # unbound
//! ```
//!
//! Validated as strictly as a case file, with the same [`Problem`]s: file, line and column,
//! a "did you mean" for an unknown screen, action, key name or theme, and an error for a key
//! that would mean two things on one screen. [`default_text`] is the whole built-in table as
//! a configuration file (`remiss config --default`); it loads back to the built-in keys.

use super::keymap::{
    self, EVERYWHERE, Key, Keymap, Mode, action_name, key_name, mode_name, parse_key,
};
use super::theme::ThemeName;
use crate::i18n::Lang;
use crate::model::error::ConfigMistake;
use crate::model::{Problem, ProblemKind, suggest, toml_problem};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The environment variable that names another configuration file.
pub const ENV: &str = "REMISS_CONFIG";

/// What the configuration sets: the keys (the built-in table with the user's changes) and the
/// theme.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    pub keys: Keymap,
    pub theme: ThemeName,
}

/// The section of the actions that mean the same on every screen.
const GLOBAL: &str = "global";

/// Where the configuration is read from when neither `--config` nor [`ENV`] names a file:
/// `$XDG_CONFIG_HOME/remiss/config.toml`, else `$HOME/.config/remiss/config.toml` (an
/// `XDG_CONFIG_HOME` that is empty or relative is ignored, as the XDG specification says).
pub fn default_path() -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .and_then(absolute)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(absolute)
                .map(|h| h.join(".config"))
        })?;
    Some(base.join("remiss").join("config.toml"))
}

/// The file to read: `explicit` (`--config`), else [`ENV`], else [`default_path`]. The bool
/// says whether the file was named by the user (then it must exist); the default file is read
/// only where it exists.
pub fn locate(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = explicit {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = std::env::var_os(ENV).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    default_path().map(|p| (p, false))
}

/// The configuration in force: the file [`locate`] finds, or the built-in one when there is
/// no file (and none was named). Returns the file read, if any.
pub fn load_in_force(explicit: Option<&Path>) -> Result<(Config, Option<PathBuf>), Vec<Problem>> {
    match locate(explicit) {
        Some((path, named)) if named || path.exists() => {
            load(&path).map(|config| (config, Some(path)))
        }
        _ => Ok((Config::default(), None)),
    }
}

/// Read and validate a configuration file (a regular file of at most
/// [`crate::model::MAX_FILE_BYTES`], UTF-8).
pub fn load(path: &Path) -> Result<Config, Vec<Problem>> {
    let label = path.display().to_string();
    let bytes = crate::model::read_limited(path, &label)?;
    let src = crate::model::decode(&label, &bytes)?;
    parse(src, &label)
}

/// Validate a configuration's text; `file` names it in problems. Every problem is reported,
/// not only the first.
pub fn parse(src: &str, file: &str) -> Result<Config, Vec<Problem>> {
    let doc = DeTable::parse(src).map_err(|e| vec![toml_problem(file, src, &e)])?;
    let mut reader = Reader {
        file,
        src,
        problems: Vec::new(),
        config: Config::default(),
        origin: BTreeMap::new(),
    };
    for (key, value) in doc.get_ref() {
        match key.get_ref().as_ref() {
            "theme" => reader.theme(value),
            "keys" => reader.keys(value),
            other => {
                let mistake = ConfigMistake::UnknownKey {
                    name: other.to_string(),
                    suggestion: suggest(other, ["theme", "keys"].into_iter()),
                };
                reader.problem(key.span(), mistake, other);
            }
        }
    }
    reader.conflicts();
    if reader.problems.is_empty() {
        Ok(reader.config)
    } else {
        Err(reader.problems)
    }
}

/// A section of `[keys]`: every mode, or one.
#[derive(Clone, Copy)]
enum Section {
    Global,
    Mode(Mode),
}

impl Section {
    fn name(self) -> String {
        match self {
            Section::Global => GLOBAL.to_string(),
            Section::Mode(m) => mode_name(m),
        }
    }
}

struct Reader<'a> {
    file: &'a str,
    src: &'a str,
    problems: Vec<Problem>,
    config: Config,
    /// Where the user set each key of a row: (mode index, row index) → (key, its span).
    origin: BTreeMap<(usize, usize), Vec<SetKey>>,
}

/// A key the user set, and where in the file.
type SetKey = (Key, Range<usize>);

impl Reader<'_> {
    fn problem(&mut self, span: Range<usize>, mistake: ConfigMistake, key: &str) {
        self.problems.push(
            Problem::at(
                self.file,
                self.src,
                Some(span),
                ProblemKind::Config(mistake),
            )
            .with_key(key),
        );
    }

    fn theme(&mut self, value: &Spanned<DeValue>) {
        let names = ThemeName::ALL.map(ThemeName::as_str);
        let valid: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        match value.get_ref() {
            DeValue::String(s) => match ThemeName::parse(s) {
                Some(t) => self.config.theme = t,
                None => {
                    let mistake = ConfigMistake::UnknownTheme {
                        name: s.to_string(),
                        suggestion: suggest(s, names.into_iter()),
                        valid,
                    };
                    self.problem(value.span(), mistake, "theme");
                }
            },
            _ => {
                let mistake = ConfigMistake::ThemeNotName { valid };
                self.problem(value.span(), mistake, "theme");
            }
        }
    }

    fn keys(&mut self, value: &Spanned<DeValue>) {
        let DeValue::Table(sections) = value.get_ref() else {
            return self.problem(value.span(), ConfigMistake::KeysNotTable, "keys");
        };
        // The global section first, so that a screen's own section overrides it.
        let mut sections: Vec<_> = sections.iter().collect();
        sections.sort_by_key(|(name, _)| name.get_ref().as_ref() != GLOBAL);
        let names: Vec<String> = std::iter::once(GLOBAL.to_string())
            .chain(Mode::ALL.iter().map(|m| mode_name(*m)))
            .collect();
        for (name, table) in sections {
            let section = match name.get_ref().as_ref() {
                GLOBAL => Section::Global,
                n => match Mode::ALL.iter().find(|m| mode_name(**m) == n) {
                    Some(m) => Section::Mode(*m),
                    None => {
                        let mistake = ConfigMistake::UnknownScreen {
                            name: n.to_string(),
                            suggestion: suggest(n, names.iter().map(String::as_str)),
                            valid: names.clone(),
                        };
                        self.problem(name.span(), mistake, n);
                        continue;
                    }
                },
            };
            let DeValue::Table(rows) = table.get_ref() else {
                let mistake = ConfigMistake::SectionNotTable {
                    section: section.name(),
                };
                self.problem(table.span(), mistake, &section.name());
                continue;
            };
            for (action, keys) in rows {
                self.setting(section, action, keys);
            }
        }
    }

    /// One line: `action = "key"` or `action = ["key", …]` in a section.
    fn setting(
        &mut self,
        section: Section,
        action: &Spanned<std::borrow::Cow<str>>,
        value: &Spanned<DeValue>,
    ) {
        let name = action.get_ref().as_ref();
        let known: Vec<String> = match section {
            Section::Global => EVERYWHERE.iter().map(|b| action_name(&b.action)).collect(),
            Section::Mode(m) => keymap::bindings(m)
                .map(|b| action_name(&b.action))
                .collect(),
        };
        if !known.iter().any(|k| k == name) {
            let mistake = ConfigMistake::UnknownAction {
                name: name.to_string(),
                section: section.name(),
                suggestion: suggest(name, known.iter().map(String::as_str)),
                global: matches!(section, Section::Global),
                known,
            };
            return self.problem(action.span(), mistake, name);
        }
        let Some(keys) = self.key_list(section, name, value) else {
            return;
        };
        match section {
            Section::Global => self.everywhere(name, &keys),
            Section::Mode(mode) => self.set(mode, name, keys),
        }
    }

    /// The keys of a setting, each read and checked; `None` after a problem.
    fn key_list(
        &mut self,
        section: Section,
        action: &str,
        value: &Spanned<DeValue>,
    ) -> Option<Vec<SetKey>> {
        let items: Vec<&Spanned<DeValue>> = match value.get_ref() {
            DeValue::String(_) => vec![value],
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                let mistake = ConfigMistake::NotKeys {
                    action: action.to_string(),
                };
                self.problem(value.span(), mistake, action);
                return None;
            }
        };
        let mut keys: Vec<SetKey> = Vec::new();
        let mut ok = true;
        for item in items {
            let DeValue::String(text) = item.get_ref() else {
                self.problem(item.span(), ConfigMistake::KeyNotName, action);
                ok = false;
                continue;
            };
            match parse_key(text) {
                Ok(key) => {
                    if let Section::Mode(mode) = section
                        && mode.is_typing()
                        && is_plain_char(key)
                    {
                        let mistake = ConfigMistake::PlainCharTyped {
                            section: mode_name(mode),
                            action: action.to_string(),
                        };
                        self.problem(item.span(), mistake, action);
                        ok = false;
                    } else if !keys.iter().any(|(k, _)| *k == key) {
                        keys.push((key, item.span()));
                    }
                }
                Err(e) => {
                    let mistake = ConfigMistake::UnknownKeyName {
                        text: text.to_string(),
                        suggestion: e.suggestion,
                    };
                    self.problem(item.span(), mistake, action);
                    ok = false;
                }
            }
        }
        ok.then_some(keys)
    }

    /// Set an action's keys in one mode.
    fn set(&mut self, mode: Mode, action: &str, keys: Vec<SetKey>) {
        let m = mode_index(mode);
        let rows = self.config.keys.bindings_mut(mode);
        if let Some(r) = rows.iter().position(|b| action_name(&b.action) == action) {
            rows[r].keys = keys.iter().map(|(k, _)| *k).collect();
            self.origin.insert((m, r), keys);
        }
    }

    /// Set an action of [`EVERYWHERE`] in every mode that binds it: its built-in keys there
    /// are replaced by these, leaving the mode's own (Esc closes the help); where characters
    /// are typed (the search, prompts) plain characters are left out, and letters in a yes/no
    /// question (they answer it).
    fn everywhere(&mut self, action: &str, keys: &[SetKey]) {
        let Some(builtin) = EVERYWHERE.iter().find(|b| action_name(&b.action) == action) else {
            return;
        };
        for &mode in Mode::ALL {
            let m = mode_index(mode);
            let new: Vec<SetKey> = keys
                .iter()
                .filter(|(k, _)| match mode {
                    _ if mode.is_typing() => !is_plain_char(*k),
                    Mode::Confirm => !matches!(k.0, crossterm::event::KeyCode::Char(c) if c.is_alphabetic() && k.1.is_empty()),
                    _ => true,
                })
                .cloned()
                .collect();
            let rows = self.config.keys.bindings_mut(mode);
            let Some(r) = rows.iter().position(|b| b.action == builtin.action) else {
                continue;
            };
            let mut out: Vec<Key> = Vec::new();
            let mut placed = false;
            for k in &rows[r].keys {
                if builtin.keys.contains(k) {
                    if !placed {
                        out.extend(new.iter().map(|(k, _)| *k));
                        placed = true;
                    }
                } else {
                    out.push(*k);
                }
            }
            if !placed {
                out.extend(new.iter().map(|(k, _)| *k));
            }
            let mut seen = Vec::new();
            out.retain(|k| {
                let first = !seen.contains(k);
                seen.push(*k);
                first
            });
            rows[r].keys = out;
            self.origin.insert((m, r), new);
        }
    }

    /// A key that would mean two actions on one screen is an error, at the line that set it.
    fn conflicts(&mut self) {
        for (m, &mode) in Mode::ALL.iter().enumerate() {
            let rows = self.config.keys.bindings(mode).to_vec();
            for (r2, b2) in rows.iter().enumerate() {
                for key in &b2.keys {
                    let Some(r1) = rows[..r2].iter().position(|b| b.keys.contains(key)) else {
                        continue;
                    };
                    let span_of = |r: usize| {
                        self.origin
                            .get(&(m, r))
                            .and_then(|ks| ks.iter().find(|(k, _)| k == key))
                            .map(|(_, s)| s.clone())
                    };
                    // Reported at the user's line; the other action is the one to move.
                    let (span, mine, other) = match (span_of(r2), span_of(r1)) {
                        (Some(s), _) => (s, r2, r1),
                        (None, Some(s)) => (s, r1, r2),
                        (None, None) => continue,
                    };
                    let (mine, other) = (
                        action_name(&rows[mine].action),
                        action_name(&rows[other].action),
                    );
                    let mistake = ConfigMistake::KeyConflict {
                        key: key_name(key),
                        mine: mine.clone(),
                        other,
                        section: mode_name(mode),
                    };
                    self.problem(span, mistake, &mine);
                }
            }
        }
    }
}

fn mode_index(mode: Mode) -> usize {
    Mode::ALL
        .iter()
        .position(|m| *m == mode)
        .unwrap_or(usize::MAX)
}

fn is_plain_char(key: Key) -> bool {
    matches!(key.0, crossterm::event::KeyCode::Char(_)) && key.1.is_empty()
}

/// What each section is, for the default file's comments.
fn describe(mode: Mode, lang: Lang) -> &'static str {
    use super::screens::Screen;
    let (en, sv) = match mode {
        Mode::Screen(Screen::Cases) => (
            "The list of cases (when several are loaded).",
            "Listan av ärenden (när flera är inlästa).",
        ),
        Mode::Screen(Screen::Matrix) => (
            "The matrix of bodies and stances (or parties).",
            "Matrisen av organ och ställningstaganden (eller partier).",
        ),
        Mode::Screen(Screen::Reader) => (
            "The reader: a position or the case's own texts in full.",
            "Läsaren: ett ställningstagande eller ärendets egna texter i sin helhet.",
        ),
        Mode::Visual => (
            "The reader while sentences are selected (after v).",
            "Läsaren medan meningar markeras (efter v).",
        ),
        Mode::Similar => (
            "The reader's pane of similar texts.",
            "Läsarens panel med liknande texter.",
        ),
        Mode::Screen(Screen::Diff) => (
            "The word diff of two texts.",
            "Den ordvisa jämförelsen av två texter.",
        ),
        Mode::Screen(Screen::Notes) => ("The debate notes.", "Debattanteckningarna."),
        Mode::Search => (
            "The search, while typing the query (plain characters are text).",
            "Sökningen, medan frågan skrivs (vanliga tecken är text).",
        ),
        Mode::SearchList => ("The search's list of hits.", "Sökningens lista av träffar."),
        Mode::Prompt => (
            "A line of text to type: a heading, a comment (plain characters are text).",
            "En rad text att skriva: en rubrik, en kommentar (vanliga tecken är text).",
        ),
        Mode::Confirm => (
            "A yes/no question (overwrite a file?).",
            "En ja/nej-fråga (skriva över en fil?).",
        ),
        Mode::Screen(Screen::Review) => (
            "The review of an imported case's facts.",
            "Granskningen av ett importerat ärendes fakta.",
        ),
        Mode::Screen(Screen::CrossCase) => (
            "The cases × parties view of a folder (p on the case list).",
            "Vyn ärenden × partier för en mapp (p i ärendelistan).",
        ),
        Mode::Screen(Screen::Elsewhere) => (
            "This text elsewhere: the other cases that hold it (e in the reader).",
            "Denna text på andra ställen: de andra ärenden som har den (e i läsaren).",
        ),
        Mode::Pick => (
            "The review's picker (a stance, a party, where a paragraph goes).",
            "Granskningens väljare (ett ställningstagande, ett parti, vart ett stycke ska).",
        ),
        Mode::Help => ("The help.", "Hjälpen."),
    };
    lang.pick(en, sv)
}

/// The built-in configuration as a commented TOML file: the theme, the actions of
/// `[keys.global]`, then every screen's actions with their keys and what they do. Loaded, it
/// gives the built-in keys and the dark theme.
pub fn default_text(lang: Lang) -> String {
    let keys = Keymap::default();
    let mut out = String::from(lang.pick(
        "# remiss configuration: the theme and the keys.\n\
         #\n\
         # remiss reads $XDG_CONFIG_HOME/remiss/config.toml (else ~/.config/remiss/config.toml),\n\
         # or the file named by --config FILE or the REMISS_CONFIG variable. This is the built-in\n\
         # configuration: keep only what you change. `remiss config` checks the file in use.\n\
         \n\
         # dark, light (for a light terminal background) or monochrome. NO_COLOR, TERM=dumb and\n\
         # --color never always give monochrome.\n",
        "# remiss konfiguration: temat och tangenterna.\n\
         #\n\
         # remiss läser $XDG_CONFIG_HOME/remiss/config.toml (annars ~/.config/remiss/config.toml),\n\
         # eller filen som anges med --config FIL eller variabeln REMISS_CONFIG. Detta är den\n\
         # inbyggda konfigurationen: behåll bara det du ändrar. `remiss config` kontrollerar filen.\n\
         \n\
         # dark, light (för en ljus terminalbakgrund) eller monochrome. NO_COLOR, TERM=dumb och\n\
         # --color never ger alltid monochrome.\n",
    ));
    out.push_str(&format!(
        "theme = {}\n",
        quoted(ThemeName::default().as_str())
    ));
    out.push_str(lang.pick(
        "\n\
         # Keys: in [keys.SCREEN], an action = a key or a list of keys; [] unbinds it. A key is a\n\
         # character (\"j\"; \"J\" is Shift-j; \"å\", \"?\") or a name: Enter, Esc, Tab, Backspace,\n\
         # Del, Insert, Up, Down, Left, Right, Home, End, PgUp, PgDn, Space, F1-F24; with Ctrl-\n\
         # and/or Alt- before it (\"Ctrl-r\", \"Alt-b\"). The first key is the one the status bar\n\
         # shows. A key that would mean two actions on one screen is an error.\n\
         \n\
         # The actions that mean the same everywhere, set in every screen at once (a screen's own\n\
         # section can still set them there). While typing (the search, prompts) plain characters\n\
         # are text and are left out; in a yes/no question, letters answer it.\n\
         [keys.global]\n",
        "\n\
         # Tangenter: i [keys.SKÄRM] är en åtgärd = en tangent eller en lista av tangenter; []\n\
         # tar bort dem. En tangent är ett tecken (\"j\"; \"J\" är Shift-j; \"å\", \"?\") eller ett\n\
         # namn: Enter, Esc, Tab, Backspace, Del, Insert, Up, Down, Left, Right, Home, End, PgUp,\n\
         # PgDn, Space, F1-F24; med Ctrl- och/eller Alt- före (\"Ctrl-r\", \"Alt-b\"). Den första\n\
         # tangenten är den som statusraden visar. En tangent som skulle betyda två åtgärder på\n\
         # en skärm är ett fel.\n\
         \n\
         # Åtgärderna som betyder detsamma överallt, satta på varje skärm på en gång (en skärms\n\
         # egen sektion kan ändå sätta dem där). Medan text skrivs (sökningen, frågor) är vanliga\n\
         # tecken text och utelämnas; i en ja/nej-fråga svarar bokstäver på den.\n\
         [keys.global]\n",
    ));
    let everywhere: Vec<(String, Vec<Key>, &str)> = EVERYWHERE
        .iter()
        .map(|b| {
            (
                action_name(&b.action),
                b.keys.to_vec(),
                lang.pick(b.en, b.sv),
            )
        })
        .collect();
    push_rows(&mut out, &everywhere);
    for &mode in Mode::ALL {
        let rows: Vec<(String, Vec<Key>, String)> = keys
            .bindings(mode)
            .iter()
            .filter(|b| !EVERYWHERE.iter().any(|e| e.action == b.action))
            .map(|b| {
                (
                    action_name(&b.action),
                    b.keys.clone(),
                    keys.fill(mode, lang.pick(b.en, b.sv)),
                )
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n# {}\n[keys.{}]\n",
            describe(mode, lang),
            mode_name(mode)
        ));
        push_rows(&mut out, &rows);
    }
    out
}

fn push_rows<S: AsRef<str>>(out: &mut String, rows: &[(String, Vec<Key>, S)]) {
    let lines: Vec<(String, &str)> = rows
        .iter()
        .map(|(action, keys, what)| {
            let keys: Vec<String> = keys.iter().map(|k| quoted(&key_name(k))).collect();
            (format!("{action} = [{}]", keys.join(", ")), what.as_ref())
        })
        .collect();
    let width = lines
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (line, what) in lines {
        out.push_str(&format!("{line:width$}  # {what}\n"));
    }
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::screens::Screen;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn errors(src: &str) -> Vec<String> {
        parse(src, "config.toml")
            .expect_err("a problem")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn the_default_file_loads_back_to_the_defaults() {
        // In Swedish too: only its comments differ.
        let sv = default_text(Lang::Sv);
        assert_eq!(parse(&sv, "default.toml"), Ok(Config::default()), "{sv}");
        assert!(sv.contains("# Läsaren: ett ställningstagande"), "{sv}");
        let text = default_text(Lang::En);
        assert_eq!(
            parse(&text, "default.toml"),
            Ok(Config::default()),
            "{text}"
        );
        // Every screen is in it, and every action that is not global.
        for &mode in Mode::ALL {
            for b in keymap::bindings(mode) {
                let name = action_name(&b.action);
                assert!(text.contains(&format!("\n{name} = ")), "{name} missing");
            }
        }
        assert!(text.contains("[keys.reader]"));
        // An empty file is the default too.
        assert_eq!(parse("", "empty.toml"), Ok(Config::default()));
    }

    #[test]
    fn a_key_and_a_theme_are_set() {
        let c = parse(
            "theme = \"light\"\n[keys.reader]\nnext-same-stance = [\"m\", \"Alt-j\"]\n\
             prev-same-stance = []\n",
            "c.toml",
        )
        .unwrap();
        assert_eq!(c.theme, ThemeName::Light);
        let reader = Mode::Screen(Screen::Reader);
        assert_eq!(
            c.keys.action_for(reader, press('m')),
            Some(Action::NextSameStance)
        );
        assert_eq!(c.keys.action_for(reader, press(']')), None);
        assert_eq!(c.keys.action_for(reader, press('[')), None);
        // An unbound action is in no help row.
        let rows = c.keys.help_rows(reader, crate::i18n::Lang::En, &|_| true);
        assert!(
            rows.iter()
                .all(|(_, t)| !t.contains("previous position with the same stance"))
        );
    }

    #[test]
    fn a_global_key_changes_every_screen_but_not_what_is_typed() {
        let c = parse(
            "[keys.global]\nopen-notes = [\"Ctrl-n\"]\nquit = [\"Q\", \"Ctrl-q\"]\n",
            "c.toml",
        )
        .unwrap();
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        for mode in [Mode::Screen(Screen::Matrix), Mode::Screen(Screen::Reader)] {
            assert_eq!(c.keys.action_for(mode, ctrl_n), Some(Action::OpenNotes));
            assert_eq!(c.keys.action_for(mode, press('A')), None);
            assert_eq!(c.keys.action_for(mode, press('Q')), Some(Action::Quit));
            assert_eq!(c.keys.action_for(mode, press('q')), None);
        }
        // While typing, `Q` is text and Ctrl-q quits.
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(c.keys.action_for(Mode::Search, ctrl_q), Some(Action::Quit));
        assert_eq!(
            c.keys.action_for(Mode::Search, press('Q')),
            Some(Action::Edit(crate::tui::action::TextEdit::Insert('Q')))
        );
        // The help still closes with Esc.
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(c.keys.action_for(Mode::Help, esc), Some(Action::ToggleHelp));
    }

    #[test]
    fn help_and_hints_show_the_configured_keys() {
        let c = parse(
            "[keys.notes]\nundo = \"U\"\nexport = \"Ctrl-e\"\n",
            "c.toml",
        )
        .unwrap();
        let notes = Mode::Screen(Screen::Notes);
        let rows = c.keys.help_rows(notes, crate::i18n::Lang::En, &|_| true);
        assert!(
            rows.iter()
                .any(|(k, t)| k == "d Del" && t == "delete (U undoes)"),
            "{rows:?}"
        );
        let hints = c.keys.status_hints(notes, crate::i18n::Lang::En, &|_| true);
        assert!(hints.iter().any(|h| h.starts_with("Ctrl-e ")), "{hints:?}");
    }

    #[test]
    fn mistakes_are_named_with_their_place_and_a_suggestion() {
        let e = errors("[keys.redaer]\ncopy-paragraph = \"y\"\n");
        assert!(
            e[0].starts_with(
                "config.toml:1:7: error: unknown screen `redaer` in [keys]; did you mean `reader`?"
            ),
            "{e:?}"
        );
        let e = errors("[keys.reader]\ncopy-paragrah = \"y\"\n");
        assert!(e[0].starts_with("config.toml:2:1: error: unknown action `copy-paragrah` in [keys.reader]; did you mean `copy-paragraph`?"), "{e:?}");
        let e = errors("[keys.reader]\ncopy-paragraph = \"Entr\"\n");
        assert!(
            e[0].starts_with("config.toml:2:18: error: unknown key `Entr`; did you mean `Enter`?"),
            "{e:?}"
        );
        let e = errors("theme = \"lihgt\"\n");
        assert!(
            e[0].starts_with(
                "config.toml:1:9: error: unknown theme `lihgt`; did you mean `light`?"
            ),
            "{e:?}"
        );
        let e = errors("theem = \"light\"\n");
        assert!(
            e[0].starts_with("config.toml:1:1: error: unknown key `theem`; did you mean `theme`?"),
            "{e:?}"
        );
        let e = errors("[keys.reader]\ncopy-paragraph = 3\n");
        assert!(e[0].contains("takes a key or a list of keys"), "{e:?}");
        let e = errors("[keys.search]\nedit-home = \"a\"\n");
        assert!(e[0].contains("a plain character is typed as text"), "{e:?}");
        let e = errors("theme = \n");
        assert!(e[0].starts_with("config.toml:1:"), "{e:?}");
        // Every problem, not only the first.
        let e = errors("theme = \"x\"\n[keys.reader]\nnope = \"y\"\n");
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn a_key_for_two_actions_on_one_screen_is_an_error() {
        // `d` is the diff in the reader.
        let e = errors("[keys.reader]\ncopy-paragraph = [\"y\", \"d\"]\n");
        assert!(
            e[0].starts_with("config.toml:2:24: error: `d` would mean both `copy-paragraph` and `diff-relative` in [keys.reader]; give `diff-relative` another key there, or unbind it (`diff-relative = []`)"),
            "{e:?}"
        );
        // A global key that a screen uses for something else (`N`: the previous hit).
        let e = errors("[keys.global]\nopen-notes = \"N\"\n");
        assert!(
            e.iter()
                .any(|m| m.contains("`N` would mean both") && m.contains("[keys.reader]")),
            "{e:?}"
        );
        // Moving the other action away first makes it fine.
        parse(
            "[keys.reader]\ndiff-relative = \"o\"\ncopy-paragraph = [\"y\", \"d\"]\n",
            "c.toml",
        )
        .unwrap();
    }
}
