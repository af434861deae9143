//! Markdown escaping, one function for every Markdown export (the matrix, the debate notes):
//! text from a case file or typed by the user is shown as text, never read as Markdown
//! syntax, raw HTML or a link.

/// Escape `s` for Markdown prose (a paragraph, a heading, a table cell, a block quote's line):
/// a backslash before every character CommonMark could read as syntax here, so that `*x*`
/// stays `*x*`, a `|` does not end a table cell, `<script>` and `<javascript:…>` are text, not
/// raw HTML or an autolink, `[x](javascript:…)` is not a link, and `&amp;` is not an entity.
/// A backslash before ASCII punctuation is always a literal in CommonMark, so the text reads
/// the same. Line breaks are the caller's (a table cell or a heading must not hold one).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `s` as an inline code span: fenced by one more backtick than its longest run of
/// backticks, so that nothing in it can close the span (inside a code span nothing is HTML).
pub fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space keeps a backtick at either end from joining the fence.
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_links_and_syntax_are_inert() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            escape("[klicka](javascript:alert(1)) <javascript:x>"),
            "\\[klicka\\](javascript:alert(1)) \\<javascript:x\\>"
        );
        assert_eq!(
            escape("*a* | b &amp; ~~c~~"),
            "\\*a\\* \\| b \\&amp; \\~\\~c\\~\\~"
        );
        assert_eq!(escape("Åre, 2026-02-17."), "Åre, 2026-02-17.");
    }

    #[test]
    fn code_spans_cannot_be_closed_from_inside() {
        assert_eq!(code("a/b"), "`a/b`");
        assert_eq!(code("a`<img>`b"), "``a`<img>`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }
}
