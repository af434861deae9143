//! Problems found while loading a case file, each with file, line and column where known.

use crate::text;
use std::fmt;
use std::ops::Range;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column in characters, where known.
    pub column: Option<usize>,
    /// The key the problem is about, where there is one.
    pub key: Option<String>,
    /// What is wrong, already escaped for a terminal.
    pub message: String,
    /// The offending line of the file, escaped for a terminal.
    #[serde(skip)]
    pub snippet: Option<String>,
    /// Where in `snippet` (0-based, in characters) the caret goes: the column, moved by what
    /// escaping changed before it (a `<U+202E>` marker is 8 characters for 1).
    #[serde(skip)]
    pub caret: Option<usize>,
}

impl Problem {
    /// A problem about a whole file (unreadable, too large, not UTF-8, …).
    pub fn file(file: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: text::escape(file),
            line: None,
            column: None,
            key: None,
            message: text::escape(&message.into()),
            snippet: None,
            caret: None,
        }
    }

    /// A problem at a byte span of the file's source.
    pub fn at(
        file: &str,
        src: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Problem {
        let mut p = Problem::file(file, message);
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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": error: {}", self.message)?;
        if let (Some(snippet), Some(line), Some(caret)) = (&self.snippet, self.line, self.caret) {
            // Long lines (a 10 MB paragraph) are cut around the caret.
            let chars: Vec<char> = snippet.chars().collect();
            let start = caret.saturating_sub(60).min(chars.len());
            let end = (start + 120).min(chars.len());
            let shown: String = chars[start..end].iter().collect();
            let before: String = chars[start..caret.clamp(start, end)].iter().collect();
            let gutter = line.to_string().len();
            write!(
                f,
                "\n{:gutter$} |\n{line} | {}{shown}{}\n{:gutter$} | {}^",
                "",
                if start > 0 { "…" } else { "" },
                if end < chars.len() { "…" } else { "" },
                "",
                // As wide as what stands before the caret on the screen (wide letters count 2).
                " ".repeat(text::width(&before) + usize::from(start > 0)),
            )?;
        }
        Ok(())
    }
}

/// All problems of one or more files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

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
    fn display_shows_line_and_caret_and_escapes() {
        let src = "stance = \"\u{1b}]0;x\u{7}\"\n";
        let p = Problem::at("f.toml", src, Some(9..10), "unknown stance");
        let shown = p.to_string();
        assert!(shown.starts_with("f.toml:1:10: error: unknown stance"));
        assert!(!shown.contains('\u{1b}'));
        assert!(shown.contains("^[]0;x^G"));
    }

    #[test]
    fn the_caret_stands_under_the_column_after_markers_and_wide_letters() {
        let src = "dnr = \"a\u{202e}b東\" x\n";
        let p = Problem::at("f.toml", src, src.find('x').map(|o| o..o + 1), "here");
        let shown = p.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[2], "1 | dnr = \"a<U+202E>b東\" x");
        let at = |l: &str, c: char| crate::text::width(&l[..l.find(c).unwrap()]);
        assert_eq!(at(lines[3], '^'), at(lines[2], 'x'), "{shown}");
    }
}
