//! Line repair: from the text of a statement (pdftotext's output, or a copy of it) to clean
//! lines, and paragraphs rebuilt from lines.
//!
//! Repair removes what the page layout left behind and nothing else: form feeds and the space
//! that starts a new page, page numbers and running headers or footers at page breaks, soft
//! hyphens, and hyphenation at line ends (the word is joined again). Every other character of
//! every line is kept.

use super::phrases::{self, normalise};
use unicode_normalization::UnicodeNormalization;

/// A line as the parser must see it: Unicode NFC (a decomposed "a" + ring from a macOS copy is
/// "å"), ligatures spelt out ("ﬁ" → "fi"), the characters the text rule drops
/// ([`crate::text::hygiene`]: zero-width spaces and joiners, BOM) gone so that they split no
/// word, the many Unicode spaces (no-break, thin, …) as plain spaces, and the hyphen and the
/// non-breaking hyphen (U+2010, U+2011, as word processors write "Hässelby‑Vällingby") as the
/// ASCII hyphen-minus, so that a name is one name however it was typed. Soft hyphens stay
/// until dehyphenation has seen them; tabs stay (they separate a contents line's name from its
/// page); other format characters stay, for the writer to mark. Never adds or removes a line
/// break.
pub fn normalise_source(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.nfc() {
        if c != '\u{ad}' && crate::text::hygiene(c) == crate::text::Hygiene::Drop {
            continue;
        }
        if let Some((_, letters)) = phrases::LIGATURES.iter().find(|(l, _)| *l == c) {
            out.push_str(letters);
        } else if matches!(c, '\u{2010}' | '\u{2011}') {
            out.push('-');
        } else if c != '\t' && !c.is_control() && c != '\u{ad}' && c.is_whitespace() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// One non-blank line of the source, after repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the source text.
    pub no: usize,
    /// The text, trimmed.
    pub text: String,
    /// [`phrases::normalise`]d text, for matching.
    pub norm: String,
    /// A blank line stands before this one in the source.
    pub blank_before: bool,
    /// White space characters that ended the line in the source (pdftotext ends a paragraph's
    /// last line with two).
    pub trailing_ws: usize,
}

/// The repaired lines of a document and what was measured on them.
#[derive(Debug, Clone, Default)]
pub struct Repaired {
    pub lines: Vec<Line>,
    /// The usual length of a full line, in characters (90th percentile).
    pub width: usize,
    /// Whether blank lines separate paragraphs (pdftotext's usual output) rather than every
    /// line (as in some copies, where they carry no meaning).
    pub blank_lines_are_paragraphs: bool,
    /// Source lines removed as page artefacts (page numbers, running headers).
    pub artefacts: Vec<usize>,
}

struct Raw {
    no: usize,
    text: String,
    trailing_ws: usize,
    page_start: bool,
    page_end: bool,
}

/// Repair the lines of a document.
pub fn repair(source: &str) -> Repaired {
    repair_with(source, true)
}

/// [`repair`]; without `running_blocks`, a block of short lines that recurs is kept (the
/// Riksdag's and protocols' texts repeat short lines, "Karl-Erik Persson (v) anser", that are
/// text; their importers remove their own page furniture first).
pub fn repair_with(source: &str, running_blocks: bool) -> Repaired {
    let has_form_feeds = source.contains('\u{c}');
    let mut raw: Vec<Raw> = Vec::new();
    let mut next_starts_page = false;
    for (i, line) in source.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let normalised;
        let line = if line.is_ascii() {
            line
        } else {
            normalised = normalise_source(line);
            normalised.as_str()
        };
        let mut page_start = std::mem::take(&mut next_starts_page);
        if has_form_feeds {
            if line.contains('\u{c}') {
                // pdftotext ends each page with a form feed, so what follows it starts one.
                let (before, _) = line.split_once('\u{c}').unwrap_or((line, ""));
                if before.trim().is_empty() {
                    page_start = true;
                } else if let Some(last) = raw.last_mut() {
                    last.page_end = true;
                }
            }
        } else if line.starts_with(' ') && !line.trim().is_empty() {
            // Copies without form feeds start a page's first line with a space.
            page_start = true;
        }
        // Soft hyphens stay until dehyphenation has seen them at line ends.
        let cleaned: String = line.chars().filter(|&c| c != '\u{c}').collect();
        let text = cleaned.trim().to_string();
        let trailing_ws = cleaned
            .chars()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
        if text.is_empty() {
            if page_start {
                next_starts_page = true;
            }
            if let Some(last) = raw.last_mut()
                && line.contains('\u{c}')
            {
                last.page_end = true;
            }
        }
        raw.push(Raw {
            no: i + 1,
            text,
            trailing_ws,
            page_start,
            page_end: false,
        });
    }
    // A line before a page start ends a page.
    let mut last_text: Option<usize> = None;
    for k in 0..raw.len() {
        if raw[k].text.is_empty() {
            continue;
        }
        if raw[k].page_start
            && let Some(prev) = last_text
        {
            raw[prev].page_end = true;
        }
        last_text = Some(k);
    }

    let artefacts = remove_page_artefacts(&mut raw, running_blocks);
    dehyphenate(&mut raw);

    let mut lines = Vec::new();
    let mut blank_before = false;
    for r in raw {
        let text = r.text.replace('\u{ad}', "");
        if text.trim().is_empty() {
            blank_before = true;
            continue;
        }
        // pdftotext ends every page with a blank line: it says nothing about paragraphs.
        let blank = std::mem::take(&mut blank_before) && !r.page_start;
        lines.push(Line {
            no: r.no,
            norm: normalise(&text),
            text,
            blank_before: blank,
            trailing_ws: r.trailing_ws,
        });
    }
    let width = typical_width(&lines);
    // Blank lines mean paragraphs when some lines have one before them: not when none do (no
    // information), nor when nearly all do (as in copies with a blank line after every line).
    let with_blank = lines.iter().skip(1).filter(|l| l.blank_before).count() as f64;
    let between = lines.len().saturating_sub(1) as f64;
    let blank_lines_are_paragraphs = with_blank >= 0.05 * between && with_blank < 0.6 * between;
    Repaired {
        lines,
        width,
        blank_lines_are_paragraphs,
        artefacts,
    }
}

/// No page number line is longer than this.
const MAX_PAGE_NUMBER_BYTES: usize = 24;

/// Page numbers anywhere in their distinctive forms; bare numbers, running headers and footers
/// next to page breaks. Returns the source line numbers removed.
fn remove_page_artefacts(raw: &mut [Raw], blocks: bool) -> Vec<usize> {
    let mut removed = Vec::new();
    // The first and last line with text of each page.
    let mut firsts = Vec::new();
    let mut lasts = Vec::new();
    let mut seen_text = false;
    for (k, r) in raw.iter().enumerate() {
        if r.text.is_empty() {
            continue;
        }
        if r.page_start || !seen_text {
            firsts.push(k);
        }
        if r.page_end {
            lasts.push(k);
        }
        seen_text = true;
    }
    let masked = |s: &str| -> String {
        normalise(s)
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut drop = vec![false; raw.len()];
    for (k, r) in raw.iter().enumerate() {
        // Page numbers are short; most lines are not looked at further.
        if !r.text.is_empty() && r.text.len() <= MAX_PAGE_NUMBER_BYTES {
            drop[k] = phrases::is_page_number(&normalise(&r.text));
        }
    }
    for &k in firsts.iter().chain(lasts.iter()) {
        if phrases::shape_matches(&normalise(&raw[k].text), phrases::BARE_PAGE_NUMBER) {
            drop[k] = true;
        }
    }
    if blocks {
        running_blocks(raw, &firsts, &mut drop);
    }
    // A numbered heading's number alone on its line ("4.", "12)"), as a PDF gives a number
    // and its heading in two cells, starts many pages in a part where each entry starts a page;
    // it is no running header.
    let item_number = |m: &str| {
        m.strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c == '#'))
    };
    // Running headers (first lines of pages after the first) and footers (last lines).
    for group in [&firsts[firsts.len().min(1)..], &lasts[..]] {
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        for &k in group.iter().filter(|&&k| !drop[k]) {
            *counts.entry(masked(&raw[k].text)).or_default() += 1;
        }
        // A line that starts (or ends) every page, on two pages or more, reading like no
        // sentence or structure, is one too: "Stockholms stad" on pages 2 and 3.
        let live = group.iter().filter(|&&k| !drop[k]).count();
        let on_every = |k: usize| {
            live >= 2
                && counts.get(&masked(&raw[k].text)) == Some(&live)
                && header_like(&raw[k].text)
        };
        for &k in group {
            let m = masked(&raw[k].text);
            if !item_number(&m)
                && (counts
                    .get(&m)
                    .is_some_and(|&n| n >= phrases::RUNNING_HEADER_PAGES)
                    || on_every(k))
            {
                drop[k] = true;
            }
        }
    }
    for (k, r) in raw.iter_mut().enumerate() {
        if drop[k] {
            removed.push(r.no);
            if r.page_start {
                // The page's next line starts it now (for nothing else than clarity).
                r.page_start = false;
            }
            r.text.clear();
        }
    }
    removed
}

/// Running headers of several lines, and those of copies that lost their page breaks: a block
/// of 1 to [`phrases::MAX_RUNNING_HEADER_LINES`] short lines that reads like no sentence or
/// structure ([`header_like`]) and stands, the same (numbers aside), in two or more places,
/// among different text each time, where one of them shows it is no text: it cuts a sentence in two (the line before does not
/// end a sentence and the line after goes on in lower case), or it is a block of two or more
/// lines that starts pages or the document, or stands in three or more places.
fn running_blocks(raw: &[Raw], page_firsts: &[usize], drop: &mut [bool]) {
    let idx: Vec<usize> = (0..raw.len())
        .filter(|&k| !raw[k].text.is_empty() && !drop[k])
        .collect();
    let masked: Vec<String> = idx
        .iter()
        .map(|&k| {
            normalise(&raw[k].text)
                .chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect()
        })
        .collect();
    let like: Vec<bool> = idx.iter().map(|&k| header_like(&raw[k].text)).collect();
    let mut gone = vec![false; idx.len()];
    for size in (1..=phrases::MAX_RUNNING_HEADER_LINES).rev() {
        if idx.len() < size {
            continue;
        }
        let mut places: std::collections::HashMap<&[String], Vec<usize>> = Default::default();
        for start in 0..=idx.len() - size {
            if (start..start + size).all(|j| like[j] && !gone[j]) {
                let key = &masked[start..start + size];
                let seen = places.entry(key).or_default();
                // Occurrences do not overlap.
                if seen.last().is_none_or(|&last| last + size <= start) {
                    seen.push(start);
                }
            }
        }
        let mut found: Vec<Vec<usize>> = places.into_values().filter(|v| v.len() >= 2).collect();
        found.sort();
        for starts in found {
            // A header stands among different text each time; a block that is always next to
            // the same line is part of a longer passage repeated (a reservation filed twice).
            let neighbours = |at: &dyn Fn(usize) -> Option<usize>| {
                let mut seen: Vec<&str> = starts
                    .iter()
                    .filter_map(|&s| at(s))
                    .map(|j| masked[j].as_str())
                    .collect();
                let n = seen.len();
                seen.sort_unstable();
                seen.dedup();
                n < 2 || seen.len() == n
            };
            let apart = neighbours(&|s| s.checked_sub(1))
                && neighbours(&|s| (s + size < idx.len()).then_some(s + size));
            if !apart {
                continue;
            }
            let cuts_a_sentence = starts.iter().any(|&s| {
                let before = s.checked_sub(1).map(|j| raw[idx[j]].text.as_str());
                let after = idx.get(s + size).map(|&k| raw[k].text.as_str());
                match (before, after) {
                    (Some(b), Some(a)) => {
                        !ends_clause(b) && a.chars().next().is_some_and(char::is_lowercase)
                    }
                    _ => false,
                }
            });
            let starts_pages = starts
                .iter()
                .filter(|&&s| s == 0 || page_firsts.contains(&idx[s]))
                .count();
            let accept = cuts_a_sentence || (size >= 2 && (starts_pages >= 1 || starts.len() >= 3));
            if accept {
                for s in starts {
                    // The document's own header line ("Utlåtande Rotel I (Dnr …)") opening
                    // the text stays, though later pages repeat it as their header.
                    if s == 0 && phrases::is_document_header(&masked[0]) {
                        continue;
                    }
                    for j in s..s + size {
                        gone[j] = true;
                        drop[idx[j]] = true;
                    }
                }
            }
        }
    }
}

/// Whether a line could be part of a running header: short, not starting in lower case, not
/// ending a sentence or clause, and none of the statement's own structure (a heading, a
/// position header, an att-sats, a numbered item).
fn header_like(text: &str) -> bool {
    let n = normalise(text);
    text.chars().count() <= phrases::MAX_RUNNING_HEADER_CHARS
        && !text.chars().next().is_some_and(char::is_lowercase)
        && !text.ends_with(['.', ',', ';', '!', '?'])
        && !starts_numbered_item(text)
        && phrases::heading(&n).is_none()
        && !phrases::POSITION_OPENERS
            .iter()
            .any(|(o, _)| n.starts_with(o))
        && !phrases::PROPOSAL_STARTS.iter().any(|p| n.starts_with(p))
}

/// Join words hyphenated at line ends: "trygghets-" + "skapande" → "trygghetsskapande". A
/// hyphen before "och" ("kort- och lång sikt"), after one or two letters ("e-post") or before an
/// upper-case letter or digit ("Hässelby-Vällingby") stays, and the word is joined with it.
fn dehyphenate(raw: &mut [Raw]) {
    let text_lines: Vec<usize> = (0..raw.len())
        .filter(|&k| !raw[k].text.is_empty())
        .collect();
    for pair in text_lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if raw[a].text.is_empty() || raw[b].text.is_empty() {
            continue;
        }
        let soft = raw[a].text.ends_with('\u{ad}');
        let hard = raw[a].text.ends_with('-');
        if !soft && !hard {
            continue;
        }
        let stem = raw[a].text[..raw[a].text.len() - if soft { 2 } else { 1 }].to_string();
        let Some(before) = stem.chars().last() else {
            continue;
        };
        if !before.is_alphabetic() {
            continue;
        }
        let next = raw[b].text.clone();
        let (first_word, rest) = match next.split_once(char::is_whitespace) {
            Some((w, r)) => (w.to_string(), r.trim_start().to_string()),
            None => (next.clone(), String::new()),
        };
        let Some(first_char) = first_word.chars().next() else {
            continue;
        };
        let last_fragment_len = stem
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .map_or(0, |w| w.chars().count());
        let joined = if soft {
            format!("{stem}{first_word}")
        } else if phrases::KEEP_HYPHEN_BEFORE.contains(&normalise(&first_word).as_str()) {
            continue;
        } else if first_char.is_lowercase() && last_fragment_len > 2 {
            format!("{stem}{first_word}")
        } else if first_char.is_alphanumeric() {
            format!("{stem}-{first_word}")
        } else {
            continue;
        };
        raw[a].text = joined;
        if rest.is_empty() {
            // The next line is gone; this one now ends where it ended.
            raw[a].trailing_ws = raw[b].trailing_ws;
        }
        raw[b].text = rest;
    }
}

/// The 90th percentile of line lengths, in characters (at least 40).
fn typical_width(lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)].max(40)
}

/// How to rebuild paragraphs from lines.
#[derive(Debug, Clone, Default)]
pub struct ParagraphRules {
    pub width: usize,
    pub blank_lines_are_paragraphs: bool,
    /// Start a paragraph at a line that starts with one of these (normalised) names after a
    /// sentence, as in the preparation section, where each body's answer is a paragraph.
    pub paragraph_starters: Vec<String>,
}

/// A rebuilt paragraph and the source lines it spans.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    pub first: usize,
    pub last: usize,
    pub text: String,
    /// Where each source line starts in `text`: (byte offset, line number), in order.
    pub starts: Vec<(usize, usize)>,
}

impl Paragraph {
    /// The source lines (first, last) of the text's bytes `range`.
    pub fn lines_of(&self, range: std::ops::Range<usize>) -> (usize, usize) {
        let line_at = |offset: usize| {
            let k = self.starts.partition_point(|&(at, _)| at <= offset);
            self.starts
                .get(k.saturating_sub(1))
                .map_or(self.first, |&(_, no)| no)
        };
        let first = line_at(range.start);
        let last = line_at(range.end.saturating_sub(1).max(range.start));
        (first, last.max(first))
    }
}

/// Rebuild paragraphs from consecutive lines: white space collapsed, a paragraph ends where
/// the source shows it (a blank line where blank lines mean paragraphs, pdftotext's two
/// trailing spaces), before a numbered item, around a heading and a bulleted item, and after
/// a sentence that ends clearly before the line is full.
#[cfg(test)]
pub fn paragraphs(lines: &[&Line], rules: &ParagraphRules) -> Vec<String> {
    paragraphs_with_lines(lines, rules)
        .into_iter()
        .map(|p| p.text)
        .collect()
}

/// [`paragraphs`], each with the source lines it spans.
pub fn paragraphs_with_lines(lines: &[&Line], rules: &ParagraphRules) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut first = 0;
    let mut starts = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if current.is_empty() {
            first = line.no;
        }
        let at = if current.is_empty() {
            0
        } else {
            current.len() + 1
        };
        if line.text.split_whitespace().next().is_some() {
            starts.push((at, line.no));
        }
        for w in line.text.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(w);
        }
        let ends = match lines.get(k + 1) {
            None => true,
            Some(next) => paragraph_ends(line, next, rules),
        };
        if ends && !current.is_empty() {
            out.push(Paragraph {
                first,
                last: line.no,
                text: std::mem::take(&mut current),
                starts: std::mem::take(&mut starts),
            });
        }
    }
    out
}

fn paragraph_ends(line: &Line, next: &Line, rules: &ParagraphRules) -> bool {
    // A bulleted list: every item is a paragraph, and so is what precedes and follows it.
    let next_upper = next.text.chars().next().is_some_and(char::is_uppercase);
    if (starts_bullet(&next.text) && (ends_clause(&line.text) || starts_bullet(&line.text)))
        || (starts_bullet(&line.text) && next_upper)
    {
        return true;
    }
    if rules.blank_lines_are_paragraphs {
        return next.blank_before
            || heading_like(line, next)
            || heading_like_next(line, next)
            || (starts_numbered_item(&next.text) && ends_clause(&line.text));
    }
    let sentence = ends_sentence(&line.text);
    let next_first = next.text.chars().next().unwrap_or(' ');
    let next_starts = next_first.is_uppercase() || next_first.is_ascii_digit();
    if sentence && line.trailing_ws >= 2 {
        return true;
    }
    if starts_numbered_item(&next.text) && ends_clause(&line.text) {
        return true;
    }
    if heading_like(line, next) || heading_like_next(line, next) {
        return true;
    }
    if sentence
        && next_starts
        && rules
            .paragraph_starters
            .iter()
            .any(|s| next.norm.starts_with(s.as_str()) && next.norm[s.len()..].starts_with(' '))
    {
        return true;
    }
    sentence && next_starts && line.text.chars().count() * 10 <= rules.width * 9
}

/// A short line without closing punctuation between two lines that start with capitals: a
/// heading inside a text ("Barnkonsekvensanalys").
fn heading_like(line: &Line, next: &Line) -> bool {
    is_heading_text(&line.text) && next.text.chars().next().is_some_and(char::is_uppercase)
}

/// The line before a heading ends its paragraph when it ends a sentence.
fn heading_like_next(line: &Line, next: &Line) -> bool {
    ends_sentence(&line.text) && is_heading_text(&next.text)
}

/// Short (at most six words and 60 characters), starting with a capital, not ending in
/// punctuation.
pub fn is_heading_text(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    let last = text.chars().last().unwrap_or('.');
    first.is_uppercase()
        && (last.is_alphanumeric() || last == ')')
        && text.split_whitespace().count() <= 6
        && text.chars().count() <= 60
}

/// Ends with `.`, `!`, `?` or `:`, perhaps followed by closing quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '"', '’', '\'', ')', '»']);
    t.ends_with(['.', '!', '?', ':'])
}

fn ends_clause(text: &str) -> bool {
    ends_sentence(text) || text.ends_with([',', ';'])
}

/// Whether a line opens an item of a bulleted list: a bullet character ([`phrases::BULLETS`])
/// and a space; after a dash, a capital too ("– det förebyggande arbetet" goes on a sentence).
pub fn starts_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(b) = chars.next() else { return false };
    if !phrases::BULLETS.contains(&b) || !chars.next().is_some_and(char::is_whitespace) {
        return false;
    }
    let dash = matches!(b, '-' | '–');
    !dash || chars.next().is_some_and(char::is_uppercase)
}

/// "1. …", "2) …".
pub fn starts_numbered_item(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && digits <= 2
        && text[digits..].starts_with(['.', ')'])
        && text[digits + 1..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(r: &Repaired) -> Vec<&str> {
        r.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn page_start_space_and_blank_lines() {
        let r = repair("Första raden \n\n Andra sidan börjar \n\n");
        assert_eq!(texts(&r), ["Första raden", "Andra sidan börjar"]);
        assert_eq!(r.lines[1].no, 3);
        // The blank line before a page says nothing about paragraphs.
        assert!(!r.lines[1].blank_before);
        assert_eq!(r.lines[0].trailing_ws, 1);
    }

    #[test]
    fn page_numbers_and_running_headers_go() {
        let mut doc = String::from("Utlåtande 2026:1\nFörsta sidans text.\n");
        for page in 2..=4 {
            doc.push_str(&format!(
                "Sida {page} (4)\n\u{c}Utlåtande 2026:1\nText på sidan {page}.\n"
            ));
        }
        doc.push_str("12\n");
        let r = repair(&doc);
        assert_eq!(
            texts(&r),
            [
                "Utlåtande 2026:1",
                "Första sidans text.",
                "Text på sidan 2.",
                "Text på sidan 3.",
                "Text på sidan 4.",
                "12"
            ],
        );
        assert_eq!(r.artefacts.len(), 6, "{:?}", r.artefacts);
    }

    /// Entries that each start a page with their number alone on its line ("4." / heading):
    /// the numbers are no running header, though they differ only in their digits.
    #[test]
    fn numbers_of_headings_that_start_pages_stay() {
        let mut doc = String::from("Reservationer\n");
        for n in 1..=4 {
            doc.push_str(&format!(
                "\u{c}{n}.\nRubrik {n}, punkt {n} (S)\nText {n}.\n"
            ));
        }
        let r = repair(&doc);
        assert_eq!(
            texts(&r)
                .iter()
                .filter(|t| t.ends_with('.') && t.len() == 2)
                .count(),
            4
        );
    }

    #[test]
    fn bare_number_next_to_a_page_break() {
        let r = repair("Slutet av sidan.\n6\n\u{c}Nästa sida.\n");
        assert_eq!(texts(&r), ["Slutet av sidan.", "Nästa sida."]);
    }

    #[test]
    fn hyphenation() {
        let r = repair(
            "det trygghets-\nskapande arbetet på kort-\noch lång sikt via e-\npost i Hässelby-\nVällingby med soft\u{ad}\nhyphen",
        );
        assert_eq!(
            texts(&r),
            [
                "det trygghetsskapande",
                "arbetet på kort-",
                "och lång sikt via e-post",
                "i Hässelby-Vällingby",
                "med softhyphen",
            ]
        );
    }

    #[test]
    fn hyphen_across_blank_and_page_break() {
        let r = repair("brotts-\n\n\u{c} förebyggande arbete\n");
        assert_eq!(texts(&r), ["brottsförebyggande", "arbete"]);
    }

    #[test]
    fn dash_alone_is_kept() {
        let r = repair("a -\nb\n-\n");
        assert_eq!(texts(&r), ["a -", "b", "-"]);
    }

    fn lines(texts: &[(&str, usize)]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, (t, ws))| Line {
                no: i + 1,
                text: t.to_string(),
                norm: normalise(t),
                blank_before: true,
                trailing_ws: *ws,
            })
            .collect()
    }

    #[test]
    fn paragraph_rules() {
        let ls = lines(&[
            (
                "En lång rad som fyller nästan hela bredden av sidan och slutar med punkt.",
                1,
            ),
            ("Samma stycke fortsätter här och tar slut tidigt.", 1),
            (
                "Nytt stycke som slutar med två blanksteg efter punkten i en full rad.",
                2,
            ),
            ("Barnkonsekvensanalys", 1),
            ("Tredje stycket.", 1),
            ("1. Första punkten,", 1),
            ("2. Andra punkten.", 1),
        ]);
        let refs: Vec<&Line> = ls.iter().collect();
        let rules = ParagraphRules {
            width: 75,
            ..Default::default()
        };
        assert_eq!(
            paragraphs(&refs, &rules),
            [
                "En lång rad som fyller nästan hela bredden av sidan och slutar med punkt. Samma stycke fortsätter här och tar slut tidigt.",
                "Nytt stycke som slutar med två blanksteg efter punkten i en full rad.",
                "Barnkonsekvensanalys",
                "Tredje stycket.",
                "1. Första punkten,",
                "2. Andra punkten.",
            ]
        );
    }

    #[test]
    fn blank_lines_as_paragraphs() {
        let r = repair("Ett stycke på\ntvå rader.\n\nEtt till.\nOch mer.\n");
        assert!(r.blank_lines_are_paragraphs);
        let refs: Vec<&Line> = r.lines.iter().collect();
        let rules = ParagraphRules {
            width: r.width,
            blank_lines_are_paragraphs: true,
            ..Default::default()
        };
        assert_eq!(
            paragraphs(&refs, &rules),
            ["Ett stycke på två rader.", "Ett till. Och mer."]
        );
    }

    #[test]
    fn source_normalised_before_parsing() {
        // NFD from a macOS copy, ligatures and zero-width characters from a PDF.
        let nfd = "Socialna\u{308}mnden \u{fb01}nns o\u{fb00}entligt i Hässel\u{200b}by\u{00a0}stad\u{ad}";
        assert_eq!(
            normalise_source("Hässelby\u{2011}Vällingby"),
            "Hässelby-Vällingby"
        );
        assert_eq!(
            normalise_source(nfd),
            "Socialnämnden finns offentligt i Hässelby stad\u{ad}"
        );
        // Format characters other than the dropped ones stay, for the writer to mark.
        assert_eq!(normalise_source("a\u{202e}b\tc"), "a\u{202e}b\tc");
        let r = repair("Socialna\u{308}mnden\n");
        assert_eq!(texts(&r), ["Socialnämnden"]);
    }

    #[test]
    fn running_headers_without_page_breaks() {
        // A two-line header that cuts sentences, and once opens the document.
        let doc = "Stockholms stad\nUtlåtande 2026:12 RI\nUtlåtande Rotel I (Dnr KS 2025/1)\n\
                   Förvaltningen bedömer att bänkarna räcker och att\nStockholms stad\n\
                   Utlåtande 2026:12 RI\nbehovet redan är tillgodosett.\nNästa stycke här.\n";
        let r = repair(doc);
        assert_eq!(
            texts(&r),
            [
                "Utlåtande Rotel I (Dnr KS 2025/1)",
                "Förvaltningen bedömer att bänkarna räcker och att",
                "behovet redan är tillgodosett.",
                "Nästa stycke här."
            ]
        );
        assert_eq!(r.artefacts, [1, 2, 5, 6]);
        // One line that cuts a sentence twice.
        let r = repair(
            "Ett stycke som\nTjänsteutlåtande\nfortsätter här. Ett till som\nTjänsteutlåtande\nslutar här.\n",
        );
        assert_eq!(texts(&r).len(), 3, "{:?}", texts(&r));
    }

    #[test]
    fn running_headers_of_three_lines_on_two_pages() {
        let doc = "Stockholms stad\nSocialförvaltningen\nDnr 1.2/3\nFörsta sidan slutar här.\n\u{c}\
                   Stockholms stad\nSocialförvaltningen\nDnr 1.2/3\nAndra sidan börjar.\n";
        let r = repair(doc);
        assert_eq!(
            texts(&r),
            ["Första sidan slutar här.", "Andra sidan börjar."]
        );
    }

    #[test]
    fn a_repeated_passage_is_no_header() {
        // A reservation filed twice: the same short lines, always with the same neighbours.
        let passage = "2. Att därutöver anföra\nTrygghet är inte bara statistik; det är\nupplevelsen hos stockholmarna.\n";
        let doc = format!("Reservation av A (M)\n{passage}Reservation av B (M)\n{passage}");
        let r = repair(&doc);
        assert!(r.artefacts.is_empty(), "{:?}", r.artefacts);
        assert_eq!(texts(&r).len(), 8);
    }

    #[test]
    fn bulleted_items_are_paragraphs() {
        let ls = lines(&[
            ("Ärendet har remitterats till följande:", 1),
            ("• Socialnämnden", 1),
            ("• Trafiknämnden", 1),
            ("Polisregion Stockholm har inte svarat.", 1),
            ("Kommunens kärnuppdrag", 1),
            ("– det förebyggande arbetet – är viktigt.", 1),
        ]);
        let refs: Vec<&Line> = ls.iter().collect();
        let rules = ParagraphRules {
            width: 75,
            ..Default::default()
        };
        assert_eq!(
            paragraphs(&refs, &rules),
            [
                "Ärendet har remitterats till följande:",
                "• Socialnämnden",
                "• Trafiknämnden",
                "Polisregion Stockholm har inte svarat.",
                // A dash that goes on a sentence is no bullet.
                "Kommunens kärnuppdrag – det förebyggande arbetet – är viktigt.",
            ]
        );
        assert!(starts_bullet("- Socialnämnden"));
        assert!(!starts_bullet("– det förebyggande"));
        assert!(!starts_bullet("•Socialnämnden"));
    }

    #[test]
    fn numbered_items() {
        assert!(starts_numbered_item("1. att tillstyrka"));
        assert!(starts_numbered_item("12) x"));
        assert!(!starts_numbered_item("2026 har"));
        assert!(!starts_numbered_item("1."));
        assert!(!starts_numbered_item("1 000 poliser"));
    }
}
