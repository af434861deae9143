//! A case file read one top-level table at a time, so that memory stays near the file's size.
//!
//! The toml crate parses a whole document at once and holds its tokens, its parse events and
//! its tree together: about 40 bytes for every byte of a file that is mostly short values, and
//! about 160 for a file of nested brackets. A case file is a short head (`format`, `[case]`,
//! `[[parties]]`, `[[bodies]]`, `[[points]]`) and a long run of `[[positions]]`; each of those
//! tables is a complete TOML document of its own, so [`split`] finds them with toml_parser's
//! lexer (which streams, holding nothing) and the loader parses and validates one at a time.
//!
//! A file whose shape does not split cleanly (a table continued after another table, a quoted
//! table name, a top-level key that is also a table) is parsed whole, as before, and gets the
//! toml crate's own reading and errors.
//!
//! Either way, a unit of parsing (one piece, or the whole file) of more than [`MAX_TOKENS`]
//! tokens is refused before it is parsed: no real case has a table of even a tenth of that,
//! and the refusal bounds the parser's memory (about 160 bytes a token) for hostile files.

use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml_parser::lexer::TokenKind;

/// The most tokens (keys, values, brackets, commas, white space runs, line ends) one unit of
/// parsing may hold: one table of a file that splits, or the whole of a file that doesn't.
/// 2,000,000 tokens cost the parser about 300 MB; the largest table of the shipped cases has
/// about 3,000.
pub const MAX_TOKENS: usize = 2_000_000;

/// Where a piece starts: before the first table header, or at a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Header {
    /// The keys before the first header (`format = 1`).
    Prefix,
    /// `[root]`, `[root.sub]`, `[[root.sub]]`: a table and the tables under it.
    Table(String),
    /// `[[root]]`: one element of a top-level array of tables, with its sub-tables.
    Element(String),
}

/// One top-level piece of a case file: a byte range of the source that is a TOML document
/// of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// How the piece starts.
    pub header: Header,
    /// Byte range in the source, from the header's line to the next piece (or the end).
    pub range: Range<usize>,
}

/// How a source splits.
#[derive(Debug, PartialEq, Eq)]
pub enum Split {
    /// In pieces, in file order, covering the whole source.
    Pieces(Vec<Piece>),
    /// Only whole: parse it in one go.
    Whole,
}

/// A unit of parsing with more than [`MAX_TOKENS`] tokens: byte offset of the token that
/// crossed the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyTokens {
    pub at: usize,
}

/// Split a TOML source into its top-level pieces (see the module's docs). Lexes the source
/// once, in time linear in its length and constant memory beyond the list of pieces.
///
/// # Errors
/// [`TooManyTokens`] when a piece (or, for a source parsed whole, the whole source) has more
/// than [`MAX_TOKENS`] tokens.
pub fn split(src: &str) -> Result<Split, TooManyTokens> {
    split_with_limit(src, MAX_TOKENS)
}

fn split_with_limit(src: &str, limit: usize) -> Result<Split, TooManyTokens> {
    let source = toml_parser::Source::new(src);
    let mut tokens = source.lex().peekable();
    let mut pieces = vec![Piece {
        header: Header::Prefix,
        range: 0..0,
    }];
    // Each root seen so far, and whether only as `[[root]]` elements (the one kind of root
    // that may recur).
    let mut roots: HashMap<String, bool> = HashMap::new();
    let mut whole = false;
    let mut depth = 0usize;
    let mut line_start = true;
    let mut count = Count::new(limit);
    while let Some(token) = tokens.next() {
        let kind = token.kind();
        let span = token.span();
        let header = kind == TokenKind::LeftSquareBracket && depth == 0 && line_start;
        if !header {
            count.token(span.start());
        }
        match kind {
            TokenKind::Whitespace | TokenKind::Comment | TokenKind::Eof => {}
            TokenKind::Newline => line_start = true,
            TokenKind::LeftSquareBracket if header => {
                // A table header: `[a.b]` or `[[a.b]]`, to the end of its line. Its tokens
                // are counted once it is known which piece they belong to.
                let element = tokens
                    .peek()
                    .is_some_and(|t| t.kind() == TokenKind::LeftSquareBracket);
                let mut segments: Vec<&str> = Vec::new();
                let mut own = vec![span.start()];
                let mut quoted = false;
                let mut closed = false;
                for t in tokens.by_ref() {
                    own.push(t.span().start());
                    match t.kind() {
                        TokenKind::Atom => segments.push(&src[t.span().start()..t.span().end()]),
                        TokenKind::BasicString | TokenKind::LiteralString => {
                            quoted = true;
                            segments.push("");
                        }
                        TokenKind::RightSquareBracket => closed = true,
                        TokenKind::Newline | TokenKind::Eof => break,
                        _ => {}
                    }
                }
                line_start = true;
                let root = match segments.first() {
                    Some(&root) if closed && !quoted => root,
                    _ => {
                        whole = true;
                        own.iter().for_each(|&at| count.token(at));
                        continue;
                    }
                };
                let is_element = element && segments.len() == 1;
                let current_root = match &pieces.last().map(|p| &p.header) {
                    Some(Header::Table(r) | Header::Element(r)) => Some(r.as_str()),
                    _ => None,
                };
                if !is_element && current_root == Some(root) {
                    // A sub-table of the current piece's table or element.
                    own.iter().for_each(|&at| count.token(at));
                    continue;
                }
                match roots.insert(root.to_string(), is_element) {
                    Some(only_elements) if !(only_elements && is_element) => whole = true,
                    _ => {}
                }
                let start = span.start() - leading_space(src, span.start());
                if let Some(last) = pieces.last_mut() {
                    last.range.end = start;
                }
                pieces.push(Piece {
                    header: if is_element {
                        Header::Element(root.to_string())
                    } else {
                        Header::Table(root.to_string())
                    },
                    range: start..start,
                });
                count.new_piece();
                own.iter().for_each(|&at| count.token(at));
            }
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString
                if depth == 0 && line_start =>
            {
                line_start = false;
                // A key of the prefix: its root may not be a table as well.
                if pieces.len() == 1 {
                    let root = &src[span.start()..span.end()];
                    if kind != TokenKind::Atom || roots.insert(root.to_string(), false).is_some() {
                        whole = true;
                    }
                }
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                line_start = false;
                depth += 1;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                line_start = false;
                match depth.checked_sub(1) {
                    Some(d) => depth = d,
                    None => whole = true,
                }
            }
            _ => line_start = false,
        }
    }
    if depth != 0 {
        whole = true;
    }
    let over = if whole {
        count.over_all
    } else {
        count.over_piece
    };
    if let Some(at) = over {
        return Err(TooManyTokens { at });
    }
    if whole {
        return Ok(Split::Whole);
    }
    if let Some(last) = pieces.last_mut() {
        last.range.end = src.len();
    }
    Ok(Split::Pieces(pieces))
}

/// Tokens counted per piece and in all, and where each count first crossed the limit.
struct Count {
    limit: usize,
    in_piece: usize,
    in_all: usize,
    over_piece: Option<usize>,
    over_all: Option<usize>,
}

impl Count {
    fn new(limit: usize) -> Self {
        Count {
            limit,
            in_piece: 0,
            in_all: 0,
            over_piece: None,
            over_all: None,
        }
    }

    /// One more token, starting at byte `at`.
    fn token(&mut self, at: usize) {
        self.in_piece += 1;
        self.in_all += 1;
        if self.in_all > self.limit && self.over_all.is_none() {
            self.over_all = Some(at);
        }
        if self.in_piece > self.limit && self.over_piece.is_none() {
            self.over_piece = Some(at);
        }
    }

    fn new_piece(&mut self) {
        self.in_piece = 0;
    }
}

/// Check that a TOML source parsed whole (a notes file) has at most [`MAX_TOKENS`] tokens,
/// lexing it once in constant memory.
///
/// # Errors
/// [`TooManyTokens`] at the first token over the limit.
pub fn check_tokens(src: &str) -> Result<(), TooManyTokens> {
    // Every token but the end's is at least a byte long.
    if src.len() < MAX_TOKENS {
        return Ok(());
    }
    match toml_parser::Source::new(src).lex().nth(MAX_TOKENS) {
        Some(t) => Err(TooManyTokens {
            at: t.span().start(),
        }),
        None => Ok(()),
    }
}

/// White space before a header on its line, which belongs to the header's piece.
fn leading_space(src: &str, at: usize) -> usize {
    src[..at]
        .bytes()
        .rev()
        .take_while(|b| *b == b' ' || *b == b'\t')
        .count()
}

/// A parse or deserialisation error, with its byte span in the whole source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PieceError {
    pub message: String,
    pub span: Option<Range<usize>>,
}

/// Parse one piece of `src` and deserialise it as `T`, with every span (of values, keys and
/// errors) in bytes of the whole source, as if the whole source had been parsed.
///
/// # Errors
/// The toml crate's syntax or deserialisation error, its span shifted to the whole source.
pub fn parse_piece<'a, T: serde::Deserialize<'a>>(
    src: &'a str,
    range: Range<usize>,
) -> Result<T, PieceError> {
    let by = range.start;
    let shift = |s: Range<usize>| s.start + by..s.end + by;
    let part = &src[range];
    let table = DeTable::parse(part).map_err(|e| PieceError {
        message: e.message().to_string(),
        span: e.span().map(shift),
    })?;
    let span = shift(table.span());
    let table = Spanned::new(span, shift_table(table.into_inner(), by));
    T::deserialize(toml::de::Deserializer::from(table)).map_err(|e| PieceError {
        message: e.message().to_string(),
        span: e.span(),
    })
}

fn shift_table(table: DeTable<'_>, by: usize) -> DeTable<'_> {
    let mut out = DeTable::new();
    for (key, mut value) in table {
        let span = key.span();
        shift_value(&mut value, by);
        out.insert(
            Spanned::new(span.start + by..span.end + by, key.into_inner()),
            value,
        );
    }
    out
}

/// Shift a value's span and its children's (the parser's recursion limit bounds the depth).
fn shift_value(value: &mut Spanned<DeValue<'_>>, by: usize) {
    let span = value.span();
    let inner = match std::mem::replace(value.get_mut(), DeValue::Boolean(false)) {
        DeValue::Array(mut items) => {
            for item in items.iter_mut() {
                shift_value(item, by);
            }
            DeValue::Array(items)
        }
        DeValue::Table(table) => DeValue::Table(shift_table(table, by)),
        other => other,
    };
    *value = Spanned::new(span.start + by..span.end + by, inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(src: &str) -> Vec<(Header, &str)> {
        match split(src).unwrap() {
            Split::Pieces(p) => p.into_iter().map(|p| (p.header, &src[p.range])).collect(),
            Split::Whole => panic!("expected pieces"),
        }
    }

    #[test]
    fn splits_at_top_level_tables_and_keeps_sub_tables_with_their_element() {
        let src = "format = 1\n[case]\ndnr = \"x\"\n[[case.sections]]\nid = \"a\"\n\
                   [[positions]]\nbody = \"a\"\n  [[positions.evidence]]\nfact = \"stance\"\n\
                   [[positions]]\nbody = \"b\"\n";
        let got = headers(src);
        assert_eq!(
            got,
            vec![
                (Header::Prefix, "format = 1\n"),
                (
                    Header::Table("case".into()),
                    "[case]\ndnr = \"x\"\n[[case.sections]]\nid = \"a\"\n"
                ),
                (
                    Header::Element("positions".into()),
                    "[[positions]]\nbody = \"a\"\n  [[positions.evidence]]\nfact = \"stance\"\n"
                ),
                (
                    Header::Element("positions".into()),
                    "[[positions]]\nbody = \"b\"\n"
                ),
            ]
        );
    }

    #[test]
    fn brackets_inside_values_and_strings_are_not_headers() {
        let src = "format = 1\n[[positions]]\nsignatories = [\n[\"a\"],\n]\ntext = \"\"\"\n\
                   [[bodies]]\n\"\"\"\n[[positions]]\nx = 1\n";
        let got = headers(src);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].1.contains("text = \"\"\"\n[[bodies]]"));
    }

    #[test]
    fn shapes_that_do_not_split_are_parsed_whole() {
        for src in [
            // A table continued after another table.
            "[case]\na = 1\n[[positions]]\nb = 1\n[case.source]\nc = 1\n",
            // A table given twice.
            "[case]\na = 1\n[[parties]]\nb = 1\n[case]\nc = 1\n",
            // A prefix key that is also a table.
            "positions = []\n[[positions]]\nb = 1\n",
            // A quoted table name.
            "[\"case\"]\na = 1\n",
            // Brackets that never close.
            "a = [1,\n[case]\n",
        ] {
            assert_eq!(split(src).unwrap(), Split::Whole, "{src}");
        }
    }

    #[test]
    fn a_piece_over_the_token_limit_is_refused_at_the_token_that_crossed_it() {
        let src = "format = 1\n[[positions]]\nn = [[[]]]\n[[positions]]\nx = 1\n";
        // `[[positions]]\n` is 6 tokens, `n = [[[]]]\n` 11.
        let err = split_with_limit(src, 10).unwrap_err();
        let line = "format = 1\n[[positions]]\n".len();
        assert_eq!(err.at, line + "n = ".len());
        assert!(split_with_limit(src, 17).is_ok());
    }

    #[test]
    fn a_whole_source_over_the_limit_is_refused() {
        let src = "a = [1,\n2]\n[case]\n[[p]]\n[case.x]\n";
        assert_eq!(split_with_limit(src, 1000).unwrap(), Split::Whole);
        assert!(split_with_limit(src, 5).is_err());
    }

    #[test]
    fn a_piece_parses_with_spans_of_the_whole_source() {
        #[derive(Debug, serde::Deserialize)]
        struct P {
            positions: Vec<Spanned<Q>>,
        }
        #[derive(Debug, serde::Deserialize)]
        struct Q {
            body: Spanned<String>,
            list: Vec<Spanned<i64>>,
        }
        let src = "format = 1\n[[positions]]\nbody = \"a\"\nlist = [1, 22]\n";
        let Split::Pieces(pieces) = split(src).unwrap() else {
            panic!()
        };
        let p: P = parse_piece(src, pieces[1].range.clone()).unwrap();
        let q = p.positions[0].get_ref();
        assert_eq!(&src[q.body.span()], "\"a\"");
        assert_eq!(&src[q.list[1].span()], "22");
        let bad = "format = 1\n[[positions]]\nbody = 1\n";
        let err = parse_piece::<P>(bad, 11..bad.len()).unwrap_err();
        assert_eq!(&bad[err.span.unwrap()], "1", "{}", err.message);
    }
}
