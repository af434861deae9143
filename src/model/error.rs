//! Problems found while loading a case or notes file, each with file, line and column where
//! known. A problem is data: what is wrong is a [`ProblemKind`] with the values it names, and
//! `i18n` words it in the user's language (`Lang::problem`); nothing here is worded.

use super::{Fact, Stance};
use crate::atomic::FileError;
use crate::text;
use std::ops::Range;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the user named it, escaped for a terminal.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column in characters, where known.
    pub column: Option<usize>,
    /// The key the problem is about, where there is one, escaped for a terminal.
    pub key: Option<String>,
    /// What is wrong. Its values are as the file wrote them (cleaned, not escaped): the
    /// wording escapes the whole message.
    pub kind: ProblemKind,
    /// The offending line of the file, escaped for a terminal.
    pub snippet: Option<String>,
    /// Where in `snippet` (0-based, in characters) the caret goes: the column, moved by what
    /// escaping changed before it (a `<U+202E>` marker is 8 characters for 1).
    pub caret: Option<usize>,
}

/// A mistake in the app's configuration file, as data (names are the file's own; a
/// suggestion is the closest valid name). Worded by `i18n` in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigMistake {
    /// A top-level key other than `theme` and `keys`.
    UnknownKey {
        name: String,
        suggestion: Option<String>,
    },
    /// A theme that is not one of `valid`.
    UnknownTheme {
        name: String,
        suggestion: Option<String>,
        valid: Vec<String>,
    },
    /// `theme` is not a name in quotes.
    ThemeNotName { valid: Vec<String> },
    /// `keys` is not a table of screens.
    KeysNotTable,
    /// A section of `[keys]` that names no screen (`valid`: the sections there are).
    UnknownScreen {
        name: String,
        suggestion: Option<String>,
        valid: Vec<String>,
    },
    /// `keys.SECTION` is not a table.
    SectionNotTable { section: String },
    /// An action `section` does not take (`known`: those it takes); `global`: the section is
    /// `[keys.global]`, which takes only the actions that mean the same everywhere.
    UnknownAction {
        name: String,
        section: String,
        suggestion: Option<String>,
        known: Vec<String>,
        global: bool,
    },
    /// An action's value that is neither a key nor a list of keys.
    NotKeys { action: String },
    /// An item of a list of keys that is not a name in quotes.
    KeyNotName,
    /// A plain character in a section where characters are typed as text.
    PlainCharTyped { section: String, action: String },
    /// A key name that cannot be read.
    UnknownKeyName {
        text: String,
        suggestion: Option<String>,
    },
    /// `key` would mean both `mine` and `other` in `section`.
    KeyConflict {
        key: String,
        mine: String,
        other: String,
        section: String,
    },
}

/// What is wrong in a case or notes file. Names of keys, tables and values are the file's
/// own (`stance`, `[[positions]]`); a suggestion is the closest valid name ("did you mean").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    // ---- the file as a whole ----
    /// The path (a file or folder) cannot be read.
    CannotRead(FileError),
    /// The folder's entries cannot be listed.
    CannotReadFolder(FileError),
    /// A case file over the size limit (`size` when known), in bytes.
    TooLarge { size: Option<u64>, limit: u64 },
    /// A NUL byte: a binary file.
    Binary,
    /// Not UTF-8; the first bad byte (the place is the problem's line and column).
    NotUtf8 { byte: u8 },
    /// Nothing but white space.
    Empty,
    /// The TOML parser's or the deserializer's own message (TOML syntax, a value of the
    /// wrong type, an impossible date), as the `toml` crate words it.
    Toml { detail: String },
    /// Tables nested deeper than the parser follows.
    TooDeep,
    /// One table (or a file that must be parsed whole) with more tokens than the parser is
    /// given (`model::pieces::MAX_TOKENS`); the place is the first token over the limit.
    TooManyTokens { limit: usize },
    /// A mistake in the app's configuration file (`tui::config`): a key, a screen, an action
    /// or a theme it does not know, a key bound twice.
    Config(ConfigMistake),
    /// Two files give the same case id; `first` is the file that has it.
    DuplicateCaseId { id: String, first: String },
    /// The file's `format` is one this remiss does not read.
    FormatVersion { found: i64, reads: i64 },

    // ---- keys and values ----
    /// A key the table does not take, with the keys it takes.
    UnknownKey {
        name: String,
        suggestion: Option<String>,
        expected: Vec<String>,
    },
    /// A value that is not one of a closed list.
    UnknownValue {
        of: ValueOf,
        name: String,
        suggestion: Option<String>,
        valid: Vec<String>,
    },
    /// A required key that is missing.
    MissingKey { name: String, table: KeyTable },
    /// A date that does not exist (`2026-02-30`).
    NotRealDate { key: String },
    /// A date with a time or an offset.
    DateWithTime { key: String },
    /// A count or number out of range.
    CountRange { key: String, max: i64 },
    /// An id of the wrong shape.
    BadId(IdOf),
    /// A party colour not written `#RRGGBB`.
    BadColour,
    /// Something declared twice.
    DeclaredTwice { thing: Thing, id: String },
    /// A section without text.
    EmptySection { id: String },

    // ---- references ----
    /// A party code that is not declared; `declared` empty when none are.
    UnknownParty {
        code: String,
        suggestion: Option<String>,
        declared: Vec<String>,
    },
    /// A body id that is not declared.
    UnknownBody {
        name: String,
        suggestion: Option<String>,
        none_declared: bool,
    },
    /// A point id that is not declared.
    UnknownPoint {
        id: String,
        suggestion: Option<String>,
        none_declared: bool,
    },
    /// A position's `point` that is neither a point id nor a non-empty list of them.
    PointShape,
    /// `identical_to` or `concurs_with` (`key`) names no position.
    UnknownLink {
        key: String,
        target: String,
        suggestion: Option<String>,
    },
    /// A position links to itself.
    LinkToSelf,
    /// `identical_to` links that form a loop.
    LinkLoop,

    // ---- positions ----
    /// A signatory's party that the position's `parties` does not list.
    SignatoryParty { name: String, party: String },
    /// `reasons_only` on a position that is not a reservation.
    ReasonsOnly,
    /// A position id used twice.
    DuplicatePositionId { id: String },
    /// A `no_answer` position with text or signatories.
    NoAnswerWithText,
    /// A position of a body that has `answered = false`.
    BodyNotAnswered { body: String },
    /// A members' statement without text nor a link to the text it repeats.
    NeedsText { stance: Stance },

    // ---- evidence ----
    /// Evidence for a fact of the other table (`of_position`: found in
    /// `[[positions.evidence]]`).
    EvidenceWrongTable { fact: Fact, of_position: bool },
    /// Evidence for a fact the table does not state.
    EvidenceNotStated { fact: Fact },
    /// An empty `rule`.
    EmptyRule,
    /// An empty `sentence`.
    EmptySentence,
    /// `lines` not `[first, last]` with 1 ≤ first ≤ last.
    BadLines,

    // ---- votes ----
    /// A party listed twice in a vote.
    PartyVotedTwice { party: String },
    /// Acclamation with counts or votes.
    AcclamationWithCounts,
    /// The parties' votes for `choice` do not add up to the vote's count.
    PartyVotesDisagree {
        choice: String,
        sum: u32,
        total: u32,
    },
    /// The members' votes for `choice` do not add up to the vote's count.
    MemberVotesDisagree {
        choice: String,
        members: usize,
        total: u32,
    },
    /// A winner that is not `yes` or `no`.
    WinnerNotYesNo,
    /// A winner the counts contradict.
    WinnerContradicts,

    // ---- notes files ----
    /// The notes file cannot be read.
    CannotReadNotes(FileError),
    /// A notes format this remiss does not read.
    NotesFormat { found: u32, reads: u32 },
    /// A quote without `citation`, `source` or `paragraphs`.
    QuoteIncomplete,
    /// A quote's `paragraphs` not counted from 1, first before last.
    QuoteParagraphs { from: usize, to: usize },
    /// An item that is neither a heading nor a quote.
    ItemNeither,
}

/// The closed lists a value can be unknown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueOf {
    Fact,
    Stance,
    Review,
    /// A vote's method (`vote`, `acclamation`).
    Method,
    /// A member's vote (`yes`, `no`, `abstain`, `absent`).
    Vote,
    /// A case's or a body's kind.
    Kind,
}

/// The table a required key belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTable {
    TopLevel,
    Case,
    Parties,
    Majority,
    Positions,
    Sections,
    /// `[[bodies]]`, or one of the other tables with `name`, `id` or `kind`.
    BodiesOrOthers,
    /// Not known.
    Some,
}

/// Ids with rules of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdOf {
    Case,
    Body,
    Position,
    Point,
    PartyCode,
}

/// What can be declared twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Party,
    Body,
    Point,
    Section,
    /// An item of a notes file.
    NotesItem,
}

impl Problem {
    /// A problem about a whole file (unreadable, too large, not UTF-8, …).
    pub fn file(file: &str, kind: ProblemKind) -> Problem {
        Problem {
            file: text::escape(file),
            line: None,
            column: None,
            key: None,
            kind,
            snippet: None,
            caret: None,
        }
    }

    /// A problem at a byte span of the file's source.
    pub fn at(file: &str, src: &str, span: Option<Range<usize>>, kind: ProblemKind) -> Problem {
        let mut p = Problem::file(file, kind);
        if let Some(span) = span {
            let (line, column, line_text) = locate(src, span.start);
            p.line = Some(line);
            p.column = Some(column);
            // A blank line (an empty file) has nothing to point at.
            if !line_text.trim().is_empty() {
                // At most a window around the column is kept (a line can be a 10 MB paragraph).
                let skip = (column - 1).saturating_sub(60);
                let mut window = line_text.chars().skip(skip);
                let before: String = window.by_ref().take(column - 1 - skip).collect();
                let after: String = window.by_ref().take(60).collect();
                let cut = |yes: bool| if yes { "…" } else { "" };
                let left = format!("{}{}", cut(skip > 0), text::escape(&before));
                p.caret = Some(left.chars().count());
                p.snippet = Some(format!(
                    "{left}{}{}",
                    text::escape(&after),
                    cut(window.next().is_some())
                ));
            }
        }
        p
    }

    pub fn with_key(mut self, key: impl Into<String>) -> Problem {
        self.key = Some(text::escape(&key.into()));
        self
    }

    /// Where the problem is: `file:line:column`, `file:line` or `file`.
    pub fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(col)) => format!("{}:{line}:{col}", self.file),
            (Some(line), None) => format!("{}:{line}", self.file),
            _ => self.file.clone(),
        }
    }

    /// The offending line with a caret under the column, as three lines that follow the
    /// message (each starting with a line break), or nothing when there is no line to show:
    ///
    /// ```text
    ///    |
    /// 28 | body = "parknamden"
    ///    |        ^
    /// ```
    pub fn excerpt(&self) -> String {
        let (Some(snippet), Some(line), Some(caret)) = (&self.snippet, self.line, self.caret)
        else {
            return String::new();
        };
        // Long lines (a 10 MB paragraph) are cut around the caret.
        let chars: Vec<char> = snippet.chars().collect();
        let start = caret.saturating_sub(60).min(chars.len());
        let end = (start + 120).min(chars.len());
        let shown: String = chars[start..end].iter().collect();
        let before: String = chars[start..caret.clamp(start, end)].iter().collect();
        let gutter = line.to_string().len();
        format!(
            "\n{:gutter$} |\n{line} | {}{shown}{}\n{:gutter$} | {}^",
            "",
            if start > 0 { "…" } else { "" },
            if end < chars.len() { "…" } else { "" },
            "",
            // As wide as what stands before the caret on the screen (wide letters count 2).
            " ".repeat(text::width(&before) + usize::from(start > 0)),
        )
    }
}

/// 1-based line and character column of a byte offset, and the text of that line.
pub fn locate(src: &str, offset: usize) -> (usize, usize, &str) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
    let line = src[..offset].matches('\n').count() + 1;
    let column = src[line_start..offset].chars().count() + 1;
    (
        line,
        column,
        src[line_start..line_end].trim_end_matches('\r'),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_characters_not_bytes() {
        let src = "a = 1\nnamn = \"Östermalm\" x\n";
        let off = src.find('x').unwrap();
        assert_eq!(locate(src, off), (2, 20, "namn = \"Östermalm\" x"));
    }

    #[test]
    fn the_place_and_the_excerpt_are_escaped() {
        let src = "stance = \"\u{1b}]0;x\u{7}\"\n";
        let p = Problem::at("f\u{1b}.toml", src, Some(9..10), ProblemKind::Empty);
        assert_eq!(p.place(), "f^[.toml:1:10");
        let excerpt = p.excerpt();
        assert!(!excerpt.contains('\u{1b}'));
        assert!(excerpt.contains("^[]0;x^G"), "{excerpt}");
        assert_eq!(Problem::file("f.toml", ProblemKind::Empty).excerpt(), "");
    }

    #[test]
    fn the_caret_stands_under_the_column_after_markers_and_wide_letters() {
        let src = "dnr = \"a\u{202e}b東\" x\n";
        let p = Problem::at(
            "f.toml",
            src,
            src.find('x').map(|o| o..o + 1),
            ProblemKind::Empty,
        );
        let shown = p.excerpt();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[2], "1 | dnr = \"a<U+202E>b東\" x");
        let at = |l: &str, c: char| crate::text::width(&l[..l.find(c).unwrap()]);
        assert_eq!(at(lines[3], '^'), at(lines[2], 'x'), "{shown}");
    }
}
