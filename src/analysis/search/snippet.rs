//! A window of a paragraph around its best match, to show in a list of hits.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// A cut of a paragraph: its text (one line, with `…` where cut) and the highlights within it
/// (byte ranges on char boundaries, sorted, not overlapping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

const ELLIPSIS: char = '…';
/// A cut moves to a word boundary if that loses fewer bytes than this.
const WORD_SLACK: usize = 16;

fn width_of(c: char) -> usize {
    match c {
        '\n' | '\t' => 1,
        c => c.width().unwrap_or(0),
    }
}

/// Keep the highlights that are valid for `text` (non-empty, inside, on char boundaries),
/// sorted, with overlapping or touching ones merged.
pub fn normalise(text: &str, highlights: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut hs: Vec<Range<usize>> = highlights
        .iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .cloned()
        .collect();
    hs.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(hs.len());
    for r in hs {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Cut a window of at most `width` display columns of `text` around the place with the most
/// highlights, on char boundaries (and word boundaries where that costs little), with `…`
/// where cut. New lines become spaces. Highlights that are invalid for `text` are dropped.
pub fn snippet(text: &str, highlights: &[Range<usize>], width: usize) -> Snippet {
    let hs = normalise(text, highlights);
    // Column of every char boundary we need: computed in one pass.
    let total: usize = text.chars().map(width_of).sum();
    if total <= width {
        return Snippet {
            text: one_line(text),
            highlights: hs,
        };
    }
    let room = if width >= 3 { width - 2 } else { width };
    let cols = columns_at(text, hs.iter().flat_map(|r| [r.start, r.end]));
    let col = |byte: usize| cols.get(&byte).copied().unwrap_or(0);

    // The run of highlights starting at i that fits in the room, the longest run first.
    let (mut best, mut best_count, mut j) = (0, 0, 0);
    for i in 0..hs.len() {
        j = j.max(i);
        while j < hs.len() && col(hs[j].end) - col(hs[i].start) <= room {
            j += 1;
        }
        if j - i > best_count {
            best = i;
            best_count = j - i;
        }
    }
    let (first_col, span) = match hs.get(best) {
        Some(h) if best_count > 0 => {
            let last = &hs[best + best_count - 1];
            (col(h.start), col(last.end) - col(h.start))
        }
        // No highlight fits whole (or none at all): start at the first one, or at the start.
        Some(h) => (col(h.start), 0),
        None => (0, 0),
    };
    let lead = ((room.saturating_sub(span)) / 3).min(room / 4);
    let mut start_col = first_col.saturating_sub(lead);
    start_col = start_col.min(total.saturating_sub(room));
    let (mut start, mut end) = byte_window(text, start_col, room);

    // Prefer whole words at the cuts, if that loses little and no highlight.
    let keep_from = hs.get(best).map_or(end, |h| h.start.max(start));
    let keep_to = if best_count > 0 {
        hs[best + best_count - 1].end.min(end).max(start)
    } else {
        start
    };
    let cut_in_word = start > 0 && !starts_word(text, start);
    let forward = text[start..keep_from.max(start)].find(' ');
    match forward {
        Some(ws) if cut_in_word && ws < WORD_SLACK => start += ws + 1,
        _ => {}
    }
    let cut_in_word = end < text.len() && !ends_word(text, end);
    let back_to = keep_to.min(end);
    let backward = text[back_to..end].rfind(' ').map(|ws| back_to + ws);
    match backward {
        Some(ws) if cut_in_word && end - ws < WORD_SLACK => end = ws,
        _ => {}
    }
    let start = start.min(end);
    let cut_start = start > 0 && width >= 3;
    let cut_end = end < text.len() && width >= 3;
    let body = &text[start..end];
    let trimmed_start = if cut_start { body.trim_start() } else { body };
    let skipped = body.len() - trimmed_start.len();
    let body = if cut_end {
        trimmed_start.trim_end()
    } else {
        trimmed_start
    };
    let start = start + skipped;
    let end = start + body.len();

    let mut out = String::with_capacity(body.len() + 6);
    if cut_start {
        out.push(ELLIPSIS);
    }
    let shift = out.len();
    out.push_str(&one_line(body));
    if cut_end {
        out.push(ELLIPSIS);
    }
    let highlights = hs
        .iter()
        .filter(|r| r.end > start && r.start < end)
        .map(|r| r.start.max(start) - start + shift..r.end.min(end) - start + shift)
        .filter(|r| r.start < r.end)
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\t'], " ")
}

/// Columns at the given byte offsets (which must be char boundaries).
fn columns_at(
    text: &str,
    offsets: impl Iterator<Item = usize>,
) -> std::collections::HashMap<usize, usize> {
    let mut wanted: Vec<usize> = offsets.collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = std::collections::HashMap::with_capacity(wanted.len());
    let mut next = wanted.iter().peekable();
    let mut col = 0;
    for (i, c) in text.char_indices() {
        while next.peek().is_some_and(|&&o| o <= i) {
            if let Some(&o) = next.next() {
                out.insert(o, col);
            }
        }
        if next.peek().is_none() {
            break;
        }
        col += width_of(c);
    }
    for &o in next {
        out.insert(o, col);
    }
    out
}

/// Bytes `start..end` covering columns `start_col..start_col + room` (whole chars only).
fn byte_window(text: &str, start_col: usize, room: usize) -> (usize, usize) {
    let mut col = 0;
    let mut start = text.len();
    let mut end = text.len();
    let mut started = false;
    for (i, c) in text.char_indices() {
        let w = width_of(c);
        if !started {
            if col >= start_col {
                started = true;
                start = i;
                col = 0;
            } else {
                col += w;
                continue;
            }
        }
        if col + w > room {
            end = i;
            return (start, end);
        }
        col += w;
    }
    (start, end)
}

fn starts_word(text: &str, at: usize) -> bool {
    let prev = text[..at].chars().next_back();
    !prev.is_some_and(char::is_alphanumeric)
}

fn ends_word(text: &str, at: usize) -> bool {
    let next = text[at..].chars().next();
    !next.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Display columns, counted as `snippet` counts them.
    fn cols(s: &str) -> usize {
        s.chars().map(width_of).sum()
    }

    fn marked(s: &Snippet) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in &s.highlights {
            out.push_str(&s.text[at..r.start]);
            out.push('[');
            out.push_str(&s.text[r.clone()]);
            out.push(']');
            at = r.end;
        }
        out.push_str(&s.text[at..]);
        out
    }

    fn find(text: &str, word: &str) -> Range<usize> {
        let i = text.find(word).unwrap();
        i..i + word.len()
    }

    #[test]
    fn short_text_is_whole() {
        let t = "Hässelby-Vällingby stadsdelsnämnd";
        let s = snippet(t, &[find(t, "Hässelby"), find(t, "Vällingby")], 80);
        assert_eq!(marked(&s), "[Hässelby]-[Vällingby] stadsdelsnämnd");
    }

    #[test]
    fn long_text_is_cut_around_the_match_on_words() {
        let t = "Trygghet är inte bara statistik i en medborgarundersökning; det är den \
                 konkreta upplevelsen hos stockholmare som rör sig i staden. I Skärholmens \
                 stadsdelsområde skulle det kunna finnas en trygghetskiosk vid varje \
                 tunnelbanestation; Vårberg, Skärholmen, Sätra och Bredäng. Trygghetskiosker \
                 ska vara upplysta och bemannade knutpunkter på platser med hög otrygghet.";
        let s = snippet(t, &[find(t, "Sätra"), find(t, "Bredäng")], 60);
        let m = marked(&s);
        assert!(m.starts_with('…') && m.ends_with('…'), "{m}");
        assert!(m.contains("[Sätra] och [Bredäng]"), "{m}");
        assert!(cols(&s.text) <= 60, "{}", cols(&s.text));
        // Cut on word boundaries: no half words next to the ellipses.
        let inner = s.text.trim_start_matches('…').trim_end_matches('…');
        assert!(t.contains(inner));
        let at = t.find(inner).unwrap();
        assert!(!t[..at].ends_with(char::is_alphanumeric), "{m}");
        assert!(
            !t[at + inner.len()..].starts_with(char::is_alphanumeric),
            "{m}"
        );
    }

    #[test]
    fn the_densest_cluster_wins() {
        let filler = "ord ".repeat(40);
        let t = format!("kiosk {filler} kiosk trygghet kiosk {filler}");
        let first = 0..5;
        let at = t.rfind("kiosk trygghet kiosk").unwrap();
        let hs = [first, at..at + 5, at + 15..at + 20];
        let s = snippet(&t, &hs, 40);
        assert_eq!(s.highlights.len(), 2, "{}", marked(&s));
    }

    #[test]
    fn wide_characters_and_tiny_widths() {
        let t = "日本語のテキストと検索語が入っている長い段落です";
        let at = t.find("検索").unwrap();
        let hl = at..at + "検索".len();
        let s = snippet(t, std::slice::from_ref(&hl), 12);
        assert!(cols(&s.text) <= 12);
        assert!(marked(&s).contains("[検索]"), "{}", marked(&s));
        assert_eq!(snippet(t, &[], 0).text, "");
        assert!(cols(&snippet(t, &[], 1).text) <= 1);
        assert!(cols(&snippet(t, &[], 2).text) <= 2);
        // Bad highlights are dropped, not trusted.
        let s = snippet("åäö", &[0..1, 2..4, 5..9, 3..3], 10);
        assert_eq!(s.highlights, vec![2..4]);
        // A newline becomes a space.
        assert_eq!(snippet("a\nb", &[], 10).text, "a b");
        let t = "aöa\n \n\nää ö\n\nöaaa\n\n\nä\naö \nä öäaaö ää\naa\n\naöä\na\näaaaa aaaaaaa \naaaaaö aaa\na \naaä\n aa a\naa\n \na";
        let hl = 76..85;
        let s = snippet(t, std::slice::from_ref(&hl), 3);
        assert!(s.highlights.iter().all(|r| r.start < r.end), "{s:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_splits_a_char_never_panics(
            text in "\\PC{0,200}|[a-zåäö \\n]{0,300}",
            ranges in proptest::collection::vec((0usize..400, 0usize..40), 0..6),
            width in 0usize..120,
        ) {
            let hs: Vec<Range<usize>> = ranges.iter().map(|&(s, l)| s..s + l).collect();
            let s = snippet(&text, &hs, width);
            prop_assert!(cols(&s.text) <= width, "{:?} width {}", s.text, width);
            let mut last = 0;
            for r in &s.highlights {
                prop_assert!(r.start < r.end && r.start >= last && r.end <= s.text.len());
                prop_assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end));
                last = r.end;
            }
        }
    }
}
