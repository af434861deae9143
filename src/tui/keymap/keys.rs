//! Keys as people write them: in the help and the status bar ([`key_label`]: `Ctrl-r`, `↑`,
//! `PgDn`) and in the configuration ([`parse_key`], [`key_name`]: `Ctrl-r`, `Up`, `PgDn`; the
//! help's spelling is read too).

use super::Key;
use crossterm::event::{KeyCode, KeyModifiers};

/// Named keys: the configuration's name first, then other spellings that are read.
const NAMED: &[(KeyCode, &[&str])] = &[
    (KeyCode::Enter, &["Enter", "Return"]),
    (KeyCode::Esc, &["Esc", "Escape"]),
    (KeyCode::Tab, &["Tab"]),
    (KeyCode::BackTab, &["BackTab", "Shift-Tab"]),
    (KeyCode::Backspace, &["Backspace", "BS"]),
    (KeyCode::Delete, &["Del", "Delete"]),
    (KeyCode::Insert, &["Insert", "Ins"]),
    (KeyCode::Up, &["Up", "↑"]),
    (KeyCode::Down, &["Down", "↓"]),
    (KeyCode::Left, &["Left", "←"]),
    (KeyCode::Right, &["Right", "→"]),
    (KeyCode::PageUp, &["PgUp", "PageUp"]),
    (KeyCode::PageDown, &["PgDn", "PageDown"]),
    (KeyCode::Home, &["Home"]),
    (KeyCode::End, &["End"]),
    (KeyCode::Char(' '), &["Space"]),
];

/// Modifier prefixes: Control, then Alt.
const CTRL: &[&str] = &["Ctrl-", "C-"];
const ALT: &[&str] = &["Alt-", "M-", "A-"];

/// How a key is written in help and the status bar.
pub fn key_label(key: &Key) -> String {
    let base = match key.0 {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        code => base_name(code),
    };
    with_modifiers(key.1, base)
}

/// How a key is written in the configuration (what [`parse_key`] reads back).
pub fn key_name(key: &Key) -> String {
    with_modifiers(key.1, base_name(key.0))
}

fn base_name(code: KeyCode) -> String {
    if let Some((_, names)) = NAMED.iter().find(|(c, _)| *c == code) {
        return names[0].to_string();
    }
    match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

fn with_modifiers(mods: KeyModifiers, base: String) -> String {
    let mut out = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    out.push_str(&base);
    out
}

/// Why a key could not be read; `suggestion` is a spelling that would be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    pub suggestion: Option<String>,
}

/// A key as written in the configuration: a character (`j`, `J` for Shift-j, `å`, `?`), a
/// name (`Enter`, `Esc`, `Tab`, `Backspace`, `Del`, `Insert`, `Up`, `Down`, `Left`, `Right`,
/// `Home`, `End`, `PgUp`, `PgDn`, `Space`, `F1`–`F24`; the case of a name does not matter),
/// either after `Ctrl-` (or `C-`) and `Alt-` (or `M-`, `A-`). Terminals send Ctrl with a
/// letter without its case, so `Ctrl-R` is `Ctrl-r`.
pub fn parse_key(text: &str) -> Result<Key, KeyError> {
    let mut rest = text;
    let mut mods = KeyModifiers::NONE;
    loop {
        let before = rest;
        for (prefixes, m) in [(CTRL, KeyModifiers::CONTROL), (ALT, KeyModifiers::ALT)] {
            for p in prefixes {
                if rest.len() > p.len() && starts_with_ignoring_case(rest, p) {
                    rest = &rest[p.len()..];
                    mods |= m;
                }
            }
        }
        if rest == before {
            break;
        }
    }
    // Shift is part of a capital letter (`Shift-p` is `P`) and of Shift-Tab; terminals do not
    // tell other shifted keys apart.
    let shifted = ["Shift-", "S-"]
        .iter()
        .find(|p| rest.len() > p.len() && starts_with_ignoring_case(rest, p))
        .map(|p| &rest[p.len()..]);
    if let Some(base) = shifted {
        let mut chars = base.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_lowercase() => {
                Some(KeyCode::Char(c.to_uppercase().next().unwrap_or(c)))
            }
            (Some(c), None) if c.is_uppercase() => Some(KeyCode::Char(c)),
            _ if base.eq_ignore_ascii_case("Tab") => Some(KeyCode::BackTab),
            _ => None,
        };
        return code
            .map(|c| Key(c, mods))
            .ok_or(KeyError { suggestion: None });
    }
    let code = base_code(rest).ok_or_else(|| KeyError {
        suggestion: suggest(rest).map(|s| format!("{}{s}", &text[..text.len() - rest.len()])),
    })?;
    let code = match code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) && c.is_uppercase() => {
            KeyCode::Char(c.to_lowercase().next().unwrap_or(c))
        }
        code => code,
    };
    Ok(Key(code, mods))
}

fn starts_with_ignoring_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

fn base_code(s: &str) -> Option<KeyCode> {
    if let Some((code, _)) = NAMED
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(s)))
    {
        return Some(*code);
    }
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control() && !c.is_whitespace()).then_some(KeyCode::Char(c));
    }
    let n = s
        .strip_prefix('F')
        .or_else(|| s.strip_prefix('f'))?
        .parse::<u8>()
        .ok()?;
    (1..=24).contains(&n).then_some(KeyCode::F(n))
}

/// The name of a key closest to `s`, if one is close.
fn suggest(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    NAMED
        .iter()
        .flat_map(|(_, names)| names.iter())
        .filter(|n| n.is_ascii() && n.len() > 1)
        .map(|n| (strsim::damerau_levenshtein(&lower, &n.to_lowercase()), *n))
        .filter(|(d, n)| *d <= 2.max(n.len() / 3) && *d < n.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Key {
        Key(code, mods)
    }

    #[test]
    fn keys_are_read_as_written() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(parse_key("j"), Ok(key(KeyCode::Char('j'), none)));
        assert_eq!(parse_key("J"), Ok(key(KeyCode::Char('J'), none)));
        assert_eq!(parse_key("ö"), Ok(key(KeyCode::Char('ö'), none)));
        assert_eq!(parse_key("-"), Ok(key(KeyCode::Char('-'), none)));
        assert_eq!(parse_key("Ctrl-r"), Ok(key(KeyCode::Char('r'), ctrl)));
        assert_eq!(parse_key("C-R"), Ok(key(KeyCode::Char('r'), ctrl)));
        assert_eq!(parse_key("ctrl--"), Ok(key(KeyCode::Char('-'), ctrl)));
        assert_eq!(
            parse_key("Alt-Ctrl-x"),
            Ok(key(KeyCode::Char('x'), ctrl | KeyModifiers::ALT))
        );
        assert_eq!(parse_key("pgdn"), Ok(key(KeyCode::PageDown, none)));
        assert_eq!(parse_key("↑"), Ok(key(KeyCode::Up, none)));
        assert_eq!(parse_key("F12"), Ok(key(KeyCode::F(12), none)));
        assert_eq!(parse_key("Space"), Ok(key(KeyCode::Char(' '), none)));
        assert_eq!(parse_key("Shift-p"), Ok(key(KeyCode::Char('P'), none)));
        assert_eq!(parse_key("shift-tab"), Ok(key(KeyCode::BackTab, none)));
        assert!(parse_key("Shift-Enter").is_err());
    }

    #[test]
    fn a_misspelt_key_gets_a_suggestion() {
        assert_eq!(
            parse_key("Entr").unwrap_err().suggestion.as_deref(),
            Some("Enter")
        );
        assert_eq!(
            parse_key("Ctrl-PageDwn").unwrap_err().suggestion.as_deref(),
            Some("Ctrl-PageDown")
        );
        for bad in ["", " ", "F0", "F25", "Ctrl-", "jj", "\u{1b}"] {
            assert!(parse_key(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_name_reads_back_as_its_key() {
        for (code, _) in NAMED {
            for mods in [KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT] {
                let k = key(*code, mods);
                assert_eq!(parse_key(&key_name(&k)), Ok(k));
                assert_eq!(parse_key(&key_label(&k)), Ok(k));
            }
        }
    }
}
