//! Words and their two searchable forms.
//!
//! A *word* is a maximal run of alphanumeric characters (with the combining marks that follow
//! them), so `Hässelby-Vällingby` is two words and `2025/1121` is two. Every word has a
//! *lower* form (Unicode lower case, one character at a time, so query and text fold alike)
//! and a *folded* form (lower case with diacritics removed: `ä` → `a`, `ø` → `o`, `æ` → `ae`).
//! A query word whose lower form equals its folded form is *plain* and is compared with the
//! folded forms of the text ("skarholmen" finds "Skärholmen"); any other query word is
//! compared with the lower forms ("för" never finds "for").

use std::ops::Range;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Whether `c` belongs to a word.
pub fn is_word_char(c: char) -> bool {
    is_word_start(c) || (!c.is_ascii() && is_combining_mark(c))
}

/// Whether `c` can start a word: a letter or digit.
fn is_word_start(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        // Latin-1 letters (å, ä, ö, é, …), the bulk of Swedish text: no table look-up.
        '\u{c0}'..='\u{ff}' => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// Byte ranges of the words of `text`, in order. A word never starts with a combining mark.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator of [`words`].
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// What the character at a byte offset is to the tokeniser.
#[derive(PartialEq)]
enum Class {
    /// A letter or digit.
    Start,
    /// A combining mark: part of a word, but never its start.
    Mark,
    Separator,
}

/// The class of the character at `i` (a char boundary) and its length in bytes.
#[inline]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        let class = if b.is_ascii_alphanumeric() {
            Class::Start
        } else {
            Class::Separator
        };
        return (class, 1);
    }
    // U+00C0..=U+00FF (å, ä, ö, é, …) without decoding: all letters but × and ÷.
    if b == 0xC3 {
        let class = match bytes.get(i + 1) {
            Some(0x97 | 0xB7) => Class::Separator,
            _ => Class::Start,
        };
        return (class, 2);
    }
    match text[i..].chars().next() {
        Some(c) if is_word_start(c) => (Class::Start, c.len_utf8()),
        Some(c) if is_combining_mark(c) => (Class::Mark, c.len_utf8()),
        Some(c) => (Class::Separator, c.len_utf8()),
        None => (Class::Separator, 1),
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let n = self.text.len();
        let mut i = self.pos;
        // Skip to the first character that can start a word.
        let start = loop {
            if i >= n {
                self.pos = n;
                return None;
            }
            let (class, len) = class_at(self.text, i);
            if class == Class::Start {
                break i;
            }
            i += len;
        };
        let bytes = self.text.as_bytes();
        while i < n {
            // The common case in a tight loop: ASCII letters and digits.
            if bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let (class, len) = class_at(self.text, i);
            if class == Class::Separator {
                break;
            }
            i += len;
        }
        self.pos = i;
        Some(start..i)
    }
}

/// Append the lower form of `c`.
pub fn push_lower(c: char, out: &mut String) {
    match c {
        '\0'..='\u{7f}' => out.push(c.to_ascii_lowercase()),
        // Latin-1 capitals (Å, Ä, Ö, É, …) are their small letter less 0x20.
        '\u{c0}'..='\u{de}' if c != '×' => {
            out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c));
        }
        '\u{df}'..='\u{ff}' if c != 'ÿ' => out.push(c),
        _ => push_lower_slow(c, out),
    }
}

/// Append the lower form of a whole word (faster than char by char when it is ASCII).
pub fn push_lower_str(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        word.chars().for_each(|c| push_lower(c, out));
    }
}

fn push_lower_slow(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        // Final sigma is a contextual form of sigma: fold it so a query finds either.
        out.push(if l == 'ς' { 'σ' } else { l });
    }
}

/// Append the folded form of `c`: its lower form without diacritics.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        match l {
            // Letters that carry their mark in the glyph and so have no decomposition.
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            'ı' => out.push('i'),
            'ς' => out.push('σ'),
            l => decompose_canonical(l, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
}

/// The lower form of `s`.
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_lower(c, &mut out));
    out
}

/// The folded form of `s`.
pub fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_folded(c, &mut out));
    out
}

/// A word in one of its forms, with a map back to the original text so that a match found in
/// the form can be highlighted in the original.
#[derive(Debug)]
pub struct Mapped {
    /// The lower or folded form.
    pub form: String,
    /// For each character of the original word: (byte offset in the original, byte offset of
    /// its first byte in `form`). A character may map to zero bytes of `form` (a combining
    /// mark) or to several (`ß` → `ss`).
    map: Vec<(usize, usize)>,
    /// Byte length of the original word.
    len: usize,
}

impl Mapped {
    /// `word` in its folded form (`fold`) or its lower form.
    pub fn new(word: &str, fold: bool) -> Mapped {
        let mut form = String::with_capacity(word.len());
        let mut map = Vec::with_capacity(word.len());
        for (i, c) in word.char_indices() {
            map.push((i, form.len()));
            if fold {
                push_folded(c, &mut form);
            } else {
                push_lower(c, &mut form);
            }
        }
        Mapped {
            form,
            map,
            len: word.len(),
        }
    }

    /// The byte range of the original word that produced `range` of the form: from the
    /// character whose output contains the range's first byte to the end of the character
    /// whose output contains its last byte. Always on character boundaries; empty only for an
    /// empty range.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        if range.start >= range.end || self.map.is_empty() {
            return 0..0;
        }
        // The last character whose output starts at or before the offset.
        let char_at = |off: usize| self.map.partition_point(|&(_, f)| f <= off).max(1) - 1;
        let first = char_at(range.start);
        // The first character after the range that produces output of its own; marks that
        // produce nothing stay with the letter before them.
        let mut after = char_at(range.end - 1) + 1;
        while let Some(&(_, f)) = self.map.get(after) {
            let next = self.map.get(after + 1).map_or(self.form.len(), |&(_, n)| n);
            if next > f {
                break;
            }
            after += 1;
        }
        let start = self.map[first].0;
        let end = self.map.get(after).map_or(self.len, |&(o, _)| o);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        words(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn words_split_on_everything_but_letters_and_digits() {
        assert_eq!(
            split("Hässelby-Vällingby stadsdelsnämnd, KS 2025/1121 (m.fl.)"),
            vec![
                "Hässelby",
                "Vällingby",
                "stadsdelsnämnd",
                "KS",
                "2025",
                "1121",
                "m",
                "fl"
            ]
        );
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split(" ,.;—… "), Vec::<&str>::new());
        // A combining mark belongs to the word it follows, and never starts one.
        assert_eq!(split("\u{301}cafe\u{301} x"), vec!["cafe\u{301}", "x"]);
        assert_eq!(split("日本語 Ελλάδα"), vec!["日本語", "Ελλάδα"]);
    }

    #[test]
    fn fast_paths_agree_with_the_unicode_tables() {
        for c in (0u32..0x250).filter_map(char::from_u32) {
            let mut fast = String::new();
            push_lower(c, &mut fast);
            let mut slow = String::new();
            push_lower_slow(c, &mut slow);
            assert_eq!(fast, slow, "{c:?}");
            assert_eq!(is_word_start(c), c.is_alphanumeric(), "{c:?}");
        }
        let mut s = String::from("x");
        push_lower_str("ÅSA Åsa", &mut s);
        push_lower_str("ABC", &mut s);
        assert_eq!(s, "xåsa åsaabc");
    }

    #[test]
    fn lower_is_unicode_and_folded_drops_diacritics() {
        assert_eq!(lower("SKÄRHOLMEN Ärende"), "skärholmen ärende");
        assert_eq!(folded("SKÄRHOLMEN Ärende"), "skarholmen arende");
        assert_eq!(
            folded("Øresund Æbleskiver Straße Łódź"),
            "oresund aebleskiver strasse lodz"
        );
        assert_eq!(lower("ΟΔΟΣ"), "οδοσ");
        assert_eq!(lower("οδος"), "οδοσ");
        assert_eq!(folded("Crème brûlée"), "creme brulee");
        // Decomposed input folds like composed input.
        assert_eq!(folded("a\u{308}"), folded("ä"));
        assert_eq!(lower("İ").chars().count(), 2);
    }

    #[test]
    fn mapped_forms_lead_back_to_whole_characters() {
        let m = Mapped::new("Skärholmens", true);
        assert_eq!(m.form, "skarholmens");
        let word = "Skärholmens";
        assert_eq!(&word[m.original(0..10)], "Skärholmen");
        assert_eq!(&word[m.original(2..3)], "ä");
        assert_eq!(&word[m.original(3..5)], "rh");
        let m = Mapped::new("Straße", true);
        assert_eq!(m.form, "strasse");
        // Half of "ss" is the whole ß.
        assert_eq!(&"Straße"[m.original(4..5)], "ß");
        assert_eq!(m.original(3..3), 0..0);
        // A combining mark stays with its letter.
        let m = Mapped::new("e\u{301}x", true);
        assert_eq!(m.form, "ex");
        assert_eq!(m.original(0..1), 0..3);
        assert_eq!(m.original(1..2), 3..4);
        let m = Mapped::new("İstanbul", false);
        assert_eq!(&"İstanbul"[m.original(0..1)], "İ");
        assert_eq!(&"İstanbul"[m.original(0..m.form.len())], "İstanbul");
    }
}
