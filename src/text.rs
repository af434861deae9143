//! Text hygiene for untrusted case text: the one rule for every character that is not plain
//! visible text.
//!
//! Every string read from a case file, a notes file, a document to import or typed by the user
//! passes through [`clean`] once, where it enters (the loader, the notes loader, the importer's
//! writer, the app's text inputs, the search query); everything downstream (the app, the
//! clipboard, the command line's output, every export) can then trust it. [`escape`] does the
//! same for one line of a message (a file name, a TOML parser's error quoting the file).
//!
//! # The contract of [`clean`]
//!
//! - The text is normalised to Unicode NFC (`A` + U+030A and `Å` are the same text).
//! - `\r\n` and a lone `\r` become `\n`; a tab becomes a space.
//! - Every control (Cc), format (Cf), line separator (Zl) and paragraph separator (Zp)
//!   character is treated by [`hygiene`]:
//!   - **dropped** when it carries no meaning in this text and is invisible: soft hyphen
//!     (U+00AD), zero-width space (U+200B), zero-width non-joiner and joiner (U+200C, U+200D),
//!     word joiner (U+2060) and byte order mark / zero-width no-break space (U+FEFF). Text
//!     copied from Word or the web is full of them; two texts that look the same then are the
//!     same for search, similarity and diff, and nothing hidden is copied;
//!   - **a line break** for U+2028 (line separator, `\n`) and **a paragraph break** for
//!     U+2029 (paragraph separator, a blank line), which is what they mean;
//!   - **a visible, inert marker** for every other one, so that nothing can act on a terminal
//!     or make the shown text differ from the real one: C0 controls and DEL in caret notation
//!     as git and less show them (ESC → `^[`, DEL → `^?`), C1 controls and every other format
//!     character as `<U+XXXX>` (bidi controls such as U+202E, tag characters U+E0000–E007F,
//!     U+206A–206F, U+180E, interlinear annotation U+FFF9–FFFB, …).
//! - A run of more than [`MAX_MARKS`] combining marks on one letter keeps the first
//!   [`MAX_MARKS`]: no script needs more, and longer stacks ("Zalgo" text) are drawn by no
//!   terminal the same way, so they could break the app's layout.
//! - `clean` is idempotent, and its output holds no character that [`is_unsafe`] names
//!   (other than `\n`).
//!
//! The set of format characters is the Unicode general category Cf of the Unicode version of
//! the `unicode-general-category` crate (16.0).

use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The most combining marks [`clean`] keeps in a row on one letter.
pub const MAX_MARKS: usize = 6;

/// What the text rule does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hygiene {
    /// Kept as it is: visible text, a space, `\n`.
    Keep,
    /// Dropped: invisible and without meaning in case text (soft hyphen, zero-width space,
    /// ZWNJ, ZWJ, word joiner, BOM).
    Drop,
    /// U+2028 LINE SEPARATOR: a line break.
    LineBreak,
    /// U+2029 PARAGRAPH SEPARATOR: a paragraph break.
    ParagraphBreak,
    /// Shown as a visible, inert marker (`^[`, `<U+202E>`).
    Mark,
}

/// The rule for `c`; `\n` is kept, `\r` and `\t` are marked here ([`clean`] turns them into
/// a line end and a space before asking).
pub fn hygiene(c: char) -> Hygiene {
    if c == '\n' {
        return Hygiene::Keep;
    }
    if c.is_ascii() {
        return if c.is_ascii_control() {
            Hygiene::Mark
        } else {
            Hygiene::Keep
        };
    }
    match c {
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Hygiene::Drop,
        '\u{2028}' => Hygiene::LineBreak,
        '\u{2029}' => Hygiene::ParagraphBreak,
        c => match get_general_category(c) {
            GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator => Hygiene::Mark,
            _ => Hygiene::Keep,
        },
    }
}

/// Whether `c` is changed by [`clean`] (dropped, made a line break, or marked), `\n` aside.
pub fn is_unsafe(c: char) -> bool {
    hygiene(c) != Hygiene::Keep
}

/// Normalise to NFC and make every control or format character visible and inert, or drop
/// it when it means nothing; see the [module's contract](self).
pub fn clean(s: &str) -> String {
    // Fast path: nearly all case text is already NFC and free of anything to replace.
    if is_clean(s) {
        return s.to_owned();
    }
    // First the characters (a dropped one can let its neighbours compose), then NFC, then the
    // cap on stacked marks (NFC has composed what it can).
    let mut plain = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                plain.push('\n');
            }
            '\t' => plain.push(' '),
            c => match hygiene(c) {
                Hygiene::Keep => plain.push(c),
                Hygiene::Drop => {}
                Hygiene::LineBreak => plain.push('\n'),
                Hygiene::ParagraphBreak => plain.push_str("\n\n"),
                Hygiene::Mark => push_marker(&mut plain, c),
            },
        }
    }
    let mut out = String::with_capacity(plain.len());
    let mut marks = 0;
    for c in plain.nfc() {
        if unicode_normalization::char::is_combining_mark(c) {
            marks += 1;
            if marks > MAX_MARKS {
                continue;
            }
        } else {
            marks = 0;
        }
        out.push(c);
    }
    out
}

/// Whether [`clean`] would return `s` unchanged (decided without allocating).
fn is_clean(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b != b'\n' && b.is_ascii_control());
    }
    let mut marks = 0;
    let plain = s.chars().all(|c| {
        if unicode_normalization::char::is_combining_mark(c) {
            marks += 1;
        } else {
            marks = 0;
        }
        marks <= MAX_MARKS && c != '\r' && c != '\t' && !is_unsafe(c)
    });
    plain
        && unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// Escape a string for one line of terminal output: like [`clean`] (without normalising),
/// and line breaks (`\n`, U+2028, U+2029) shown as `\n`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            '\n' => out.push_str("\\n"),
            c => match hygiene(c) {
                Hygiene::Keep => out.push(c),
                Hygiene::Drop => {}
                Hygiene::LineBreak | Hygiene::ParagraphBreak => out.push_str("\\n"),
                Hygiene::Mark => push_marker(&mut out, c),
            },
        }
    }
    out
}

/// Remove what [`clean`] drops and every other character [`is_unsafe`] names, keeping `\n`:
/// the last guard before text leaves the app (the clipboard) when it may not have been
/// cleaned.
pub fn strip_unsafe(s: &str) -> String {
    s.chars().filter(|&c| c == '\n' || !is_unsafe(c)).collect()
}

/// The marker for a character [`hygiene`] marks: caret notation for C0 and DEL, `<U+XXXX>`
/// otherwise.
fn push_marker(out: &mut String, c: char) {
    let code = c as u32;
    if code < 0x20 {
        // Caret notation, as git and less show it: ESC -> ^[
        out.push('^');
        out.push(char::from_u32(code + 0x40).unwrap_or('?'));
    } else if code == 0x7F {
        out.push_str("^?");
    } else {
        out.push_str(&format!("<U+{code:04X}>"));
    }
}

/// The width of `s` in terminal columns, counted by grapheme cluster (a letter with its
/// combining marks is one cluster) with each cluster at most 2 columns wide, so that no
/// pathological cluster can widen a column.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true)
        .map(|g| unicode_width::UnicodeWidthStr::width(g).min(2))
        .sum()
}

/// [`paragraphs`] of [`clean`]`(text)`, without copying `text` first when it is clean
/// already (nearly always): loading a large file holds one copy of its text less.
pub fn clean_paragraphs(text: &str) -> Vec<String> {
    if is_clean(text) {
        paragraphs(text)
    } else {
        paragraphs_owned(clean(text))
    }
}

/// [`clean_paragraphs`] of a text that may be owned already (a case file's text with escapes
/// in it): an owned clean text is split in its own buffer, so that it is never held twice.
pub fn clean_paragraphs_cow(text: std::borrow::Cow<'_, str>) -> Vec<String> {
    if is_clean(&text) {
        paragraphs_owned(text.into_owned())
    } else {
        paragraphs_owned(clean(&text))
    }
}

/// Split a text into paragraphs: blank lines separate paragraphs, single line breaks inside a
/// paragraph become spaces, and runs of white space collapse to one space (white space as
/// Unicode defines it, [`char::is_whitespace`]).
pub fn paragraphs(text: &str) -> Vec<String> {
    paragraphs_owned(text.to_owned())
}

/// [`paragraphs`], compacting `text` in its own buffer (the result is never longer than the
/// text): the first paragraph keeps the buffer, so a text of one long paragraph is never
/// held twice; the others are copied out of it.
pub fn paragraphs_owned(text: String) -> Vec<String> {
    let mut bytes = text.into_bytes();
    // Paragraphs as ranges of the compacted buffer.
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    // Read and write positions; the write position never passes the read position, since
    // a run of white space (at least one byte) becomes at most one space.
    let (mut r, mut w) = (0, 0);
    let mut start: Option<usize> = None;
    let mut space = false;
    let mut line_has_word = false;
    while r < bytes.len() {
        let b = bytes[r];
        let n = match b {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        }
        .min(bytes.len() - r);
        let c = if b < 0x80 {
            b as char
        } else {
            std::str::from_utf8(&bytes[r..r + n])
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        if c == '\n' {
            if !line_has_word && let Some(s) = start.take() {
                found.push(s..w);
            }
            line_has_word = false;
            space = start.is_some();
            r += n;
            continue;
        }
        if c.is_whitespace() {
            space = start.is_some();
            r += n;
            continue;
        }
        // A character of a word; a run of ASCII ones is moved at once.
        let ascii_word = |b: &u8| b.is_ascii() && !b.is_ascii_whitespace() && *b != 0x0B;
        let end = if ascii_word(&b) {
            bytes[r..]
                .iter()
                .position(|b| !ascii_word(b))
                .map_or(bytes.len(), |k| r + k)
        } else {
            r + n
        };
        if start.is_none() {
            start = Some(w);
        } else if space {
            bytes[w] = b' ';
            w += 1;
        }
        space = false;
        bytes.copy_within(r..end, w);
        w += end - r;
        line_has_word = true;
        r = end;
    }
    if let Some(s) = start {
        found.push(s..w);
    }
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let rest: Vec<String> = found
        .iter()
        .skip(1)
        .map(|p| text(&bytes[p.clone()]))
        .collect();
    let mut out = Vec::with_capacity(found.len());
    if let Some(first) = found.first() {
        // The first paragraph starts at 0: the first character written is written there.
        bytes.truncate(first.end);
        bytes.shrink_to_fit();
        out.push(String::from_utf8(bytes).unwrap_or_else(|e| text(e.as_bytes())));
    }
    out.extend(rest);
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

    /// The rule of [`paragraphs`] written the plain way, as the oracle of the in-place one.
    fn paragraphs_by_lines(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in text.split('\n') {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    out.push(current.join(" "));
                    current.clear();
                }
                continue;
            }
            current.extend(line.split_whitespace());
        }
        if !current.is_empty() {
            out.push(current.join(" "));
        }
        out
    }

    proptest! {
        #[test]
        fn paragraphs_in_place_follow_the_line_rule(
            text in "([a-zå\u{a0}\u{2028}\u{3000}\u{85} \n\t\r\x0b\x0c\x1f]|\u{1F600}|é){0,80}"
        ) {
            prop_assert_eq!(paragraphs(&text), paragraphs_by_lines(&text));
            prop_assert_eq!(paragraphs_owned(text.clone()), paragraphs_by_lines(&text));
        }
    }

    #[test]
    fn paragraphs_of_edge_texts() {
        for text in [
            "",
            "\n",
            " a ",
            "a\n\nb",
            "a\n \nb\n",
            "\u{a0}a\u{a0}\u{a0}b\u{a0}",
            "å\n\n\n",
        ] {
            assert_eq!(paragraphs(text), paragraphs_by_lines(text), "{text:?}");
        }
        assert_eq!(
            paragraphs("  one\n two  \n\n\tthree\n"),
            ["one two", "three"]
        );
    }

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

    #[test]
    fn meaningless_invisible_characters_are_dropped() {
        for c in [
            '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        ] {
            let s = format!("park{c}bänkar");
            assert_eq!(clean(&s), "parkbänkar", "U+{:04X}", c as u32);
            assert_eq!(escape(&s), "parkbänkar", "U+{:04X}", c as u32);
            assert_eq!(strip_unsafe(&s), "parkbänkar", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_other_format_character_is_marked() {
        // Bidi controls, tag characters, deprecated format characters, the Mongolian vowel
        // separator, interlinear annotation, Arabic letter mark, an Egyptian format control.
        for (c, marker) in [
            ('\u{202E}', "<U+202E>"),
            ('\u{2066}', "<U+2066>"),
            ('\u{200E}', "<U+200E>"),
            ('\u{E0001}', "<U+E0001>"),
            ('\u{E0041}', "<U+E0041>"),
            ('\u{E007F}', "<U+E007F>"),
            ('\u{206A}', "<U+206A>"),
            ('\u{206F}', "<U+206F>"),
            ('\u{180E}', "<U+180E>"),
            ('\u{FFF9}', "<U+FFF9>"),
            ('\u{061C}', "<U+061C>"),
            ('\u{13430}', "<U+13430>"),
            ('\u{85}', "<U+0085>"),
        ] {
            assert_eq!(clean(&format!("a{c}b")), format!("a{marker}b"));
            assert_eq!(escape(&format!("a{c}b")), format!("a{marker}b"));
            assert_eq!(strip_unsafe(&format!("a{c}b")), "ab");
        }
    }

    #[test]
    fn line_and_paragraph_separators_are_breaks() {
        assert_eq!(clean("a\u{2028}b\u{2029}c"), "a\nb\n\nc");
        assert_eq!(paragraphs(&clean("a\u{2028}b\u{2029}c")), vec!["a b", "c"]);
        assert_eq!(escape("a\u{2028}b\u{2029}c"), "a\\nb\\nc");
    }

    #[test]
    fn stacked_combining_marks_are_capped_and_width_counts_clusters() {
        let zalgo = format!("a{}b", "\u{301}".repeat(1000));
        let c = clean(&zalgo);
        assert_eq!(c.chars().count(), 2 + MAX_MARKS);
        assert_eq!(clean(&c), c);
        assert_eq!(width(&zalgo), 2);
        assert_eq!(width("Åre 東京"), 8);
        // Vietnamese and Swedish keep their marks.
        assert_eq!(clean("Tiếng Việt"), "Tiếng Việt");
    }

    /// The categories the rule covers, read from the table itself, not from [`hygiene`].
    fn covered(c: char) -> bool {
        matches!(
            get_general_category(c),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
    }

    proptest! {
        #[test]
        fn cleaned_text_has_no_control_format_or_separator_character(s in any::<String>()) {
            let c = clean(&s);
            prop_assert!(!c.chars().any(|ch| ch != '\n' && (covered(ch) || is_unsafe(ch))));
            prop_assert_eq!(clean(&c), c.clone(), "clean is idempotent");
            let e = escape(&s);
            prop_assert!(!e.chars().any(|ch| covered(ch) || is_unsafe(ch)));
            let stripped = strip_unsafe(&s);
            prop_assert!(!stripped.chars().any(|ch| ch != '\n' && covered(ch)));
        }

        /// Hostile mixtures: letters, combining marks, dropped and marked characters, breaks.
        #[test]
        fn clean_is_idempotent_on_mixtures_of_marks_and_invisibles(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "A", "e", "\u{30A}", "\u{301}", "\u{323}", "\u{AD}", "\u{200B}", "\u{200D}",
                "\u{FEFF}", "\u{202E}", "\u{E0041}", "\r", "\n", "\t", "\u{2028}", "\u{2029}",
                "å", "\u{1b}", "\u{85}", " ",
            ]), 0..40)
        ) {
            let s = parts.concat();
            let c = clean(&s);
            prop_assert_eq!(clean(&c), c.clone());
            prop_assert!(!c.chars().any(|ch| ch != '\n' && covered(ch)));
        }

        #[test]
        fn every_character_of_the_classes_is_dropped_marked_or_a_break(
            code in prop_oneof![0u32..0x3000, 0xE0000u32..0xE0080, 0xFFF0u32..0x10000, 0x13430u32..0x13440]
        ) {
            if let Some(ch) = char::from_u32(code).filter(|&ch| covered(ch) && ch != '\n') {
                let c = clean(&format!("x{ch}y"));
                let kept = c.trim_start_matches('x').trim_end_matches('y');
                prop_assert!(
                    kept.is_empty() || kept.starts_with('^') || kept.starts_with("<U+") || kept.chars().all(|k| k == '\n' || k == ' '),
                    "U+{:04X} became {:?}", code, kept
                );
            }
        }
    }
}
