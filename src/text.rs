//! Text hygiene for untrusted case text.
//!
//! Every string read from a case file passes through [`clean`] once, at load time: it is
//! normalised to Unicode NFC and every character that could act on a terminal (C0/C1 control
//! characters, DEL, ESC sequences) or make displayed text differ from logical text (bidi
//! overrides, zero-width characters) is replaced by a visible, inert stand-in. Everything
//! downstream (the TUI, the clipboard, the command line's output) can then trust the text.
//!
//! [`escape`] does the same for text that never went through loading, such as a TOML parser's
//! error message that quotes a line of the file.

use unicode_normalization::UnicodeNormalization;

/// Normalise to NFC and make every control or formatting character visible and inert.
/// Newlines are kept; tabs become a space; `\r\n` and lone `\r` become `\n`.
pub fn clean(s: &str) -> String {
    // Fast path: nearly all case text is already NFC and free of anything to replace.
    if is_clean(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.nfc().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c => push_inert(&mut out, c),
        }
    }
    out
}

/// Whether [`clean`] would return `s` unchanged (decided without allocating).
fn is_clean(s: &str) -> bool {
    let plain = s.chars().all(|c| match c {
        '\n' => true,
        '\r' | '\t' => false,
        c if c.is_ascii() => !c.is_ascii_control(),
        c => !is_unsafe(c),
    });
    plain
        && (s.is_ascii()
            || unicode_normalization::is_nfc_quick(s.chars())
                == unicode_normalization::IsNormalized::Yes)
}

/// Escape a string for one line of terminal output: like [`clean`], and newlines too.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            c => push_inert(&mut out, c),
        }
    }
    out
}

/// Whether `c` would be replaced by [`clean`] (other than tab and newline handling).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn push_inert(out: &mut String, c: char) {
    let code = c as u32;
    if c == '\n' {
        out.push_str("\\n");
    } else if code < 0x20 {
        // Caret notation, as git and less show it: ESC -> ^[
        out.push('^');
        out.push(char::from_u32(code + 0x40).unwrap_or('?'));
    } else if code == 0x7F {
        out.push_str("^?");
    } else if is_unsafe(c) {
        out.push_str(&format!("<U+{code:04X}>"));
    } else {
        out.push(c);
    }
}

/// Split a text into paragraphs: blank lines separate paragraphs, single line breaks inside a
/// paragraph become spaces, and runs of white space collapse to one space.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Collapse all white space runs to one space and trim.
pub fn squash_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Turn a name into an ASCII id: lower case, å/ä -> a, ö -> o, other letters folded to their
/// base letter, everything else to `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            // A letter outside ASCII with no ASCII base: skip it.
        } else if unicode_normalization::char::is_combining_mark(c) {
            // Diacritic of the previous letter: dropped.
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(clean("a\u{1b}[31mb"), "a^[[31mb");
        assert_eq!(clean("x\u{9b}y"), "x<U+009B>y");
        assert_eq!(clean("left\u{202e}right"), "left<U+202E>right");
        assert_eq!(clean("del\u{7f}"), "del^?");
        assert_eq!(clean("bell\u{7}"), "bell^G");
    }

    #[test]
    fn line_endings_and_tabs() {
        assert_eq!(clean("a\r\nb\rc\td"), "a\nb\nc d");
        assert_eq!(escape("a\nb"), "a\\nb");
    }

    #[test]
    fn nfc_normalises_decomposed_letters() {
        assert_eq!(clean("A\u{30a}re"), "Åre");
        assert_eq!(clean("Åre är här"), "Åre är här");
    }

    #[test]
    fn paragraphs_are_rebuilt_from_lines() {
        let text = "Första raden\nfortsätter här.\n\n  Andra  stycket.\n\n\n";
        assert_eq!(
            paragraphs(text),
            vec!["Första raden fortsätter här.", "Andra stycket."]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Socialnämnden"), "socialnamnden");
        assert_eq!(
            slug("Hässelby-Vällingby stadsdelsnämnd"),
            "hasselby-vallingby-stadsdelsnamnd"
        );
        assert_eq!(slug("Södermalm"), "sodermalm");
    }

    proptest! {
        #[test]
        fn cleaned_text_has_no_unsafe_characters(s in any::<String>()) {
            let c = clean(&s);
            prop_assert!(!c.chars().any(|ch| ch != '\n' && is_unsafe(ch)));
            prop_assert_eq!(clean(&c), c.clone(), "clean is idempotent");
            let e = escape(&s);
            prop_assert!(!e.chars().any(is_unsafe));
        }
    }
}
