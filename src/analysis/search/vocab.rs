//! The vocabulary (every distinct word of the indexed text) and how a query word matches a
//! word of it.
//!
//! A query word matches a word, best first:
//!
//! | kind | when | score |
//! |---|---|---|
//! | exact | the same word | 1000 |
//! | prefix | the word starts with it (`bostad` → `bostadsbrist`) | 800–940 |
//! | infix | inside a compound, 4+ letters (`kiosk` → `trygghetskiosker`) | 600–740 |
//! | typo | a prefix of the word is 1 edit away (5+ letters) or 2 (9+ letters); a swap of two letters is one edit (`trygghetskoisk`) | 400–540 |
//! | abbreviation | same first letter, the rest a subsequence scored by a [`WordMatcher`] (3+ letters; `sdn` → `stadsdelsnämnd`) | 200–340 |
//!
//! Within a kind, the more of the word the query covers, the higher. A plain query word (no
//! diacritics) that matched only by folding (`skarholmen` → `Skärholmen`) scores 40 less, so
//! exact letters rank first without changing kind.
//!
//! Matching the query against the vocabulary (tens of thousands of words), not against every
//! paragraph, is what makes search fast: prefixes are a binary search in the sorted
//! vocabulary, infixes one substring scan of it, typos one Levenshtein automaton run over it
//! (sharing work between words with a common prefix), abbreviations only the words with the
//! same first letter.

use super::fold;
use super::query::Term;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};

/// Scores how well a query word matches a word of the text as an abbreviation or loose
/// subsequence. Both strings are lower case (and folded, for a plain query word). This is the
/// place to drop in another fuzzy matcher.
pub trait WordMatcher: Send + Sync {
    /// A score in `0.0..=1.0` (1.0 when `word == term`), or `None` when `word` does not
    /// match `term`.
    fn score(&self, term: &str, word: &str) -> Option<f32>;
}

/// [`WordMatcher`] on fuzzy-matcher's Smith–Waterman scorer (skim's), normalised by the score
/// of the term against itself.
pub struct SkimWordMatcher {
    matcher: SkimMatcherV2,
    /// Below this share of a perfect score a subsequence is noise (letters scattered over a
    /// long word).
    threshold: f32,
}

impl Default for SkimWordMatcher {
    fn default() -> Self {
        SkimWordMatcher {
            // The text is already lower case: fuzzy-matcher's own case folding is ASCII only.
            matcher: SkimMatcherV2::default().respect_case(),
            threshold: 0.6,
        }
    }
}

impl WordMatcher for SkimWordMatcher {
    fn score(&self, term: &str, word: &str) -> Option<f32> {
        // Most words are not even a subsequence: reject them before the scorer's matrix.
        let mut rest = word.chars();
        if !term.chars().all(|c| rest.any(|x| x == c)) {
            return None;
        }
        let perfect = self.matcher.fuzzy_match(term, term)?;
        let got = self.matcher.fuzzy_match(word, term)?;
        if perfect <= 0 {
            return None;
        }
        let ratio = (got as f32 / perfect as f32).clamp(0.0, 1.0);
        (ratio >= self.threshold).then_some(ratio)
    }
}

/// How a query word matched a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Abbreviation,
    Typo,
    Infix,
    Prefix,
    Exact,
}

/// A query word's match of one word: its kind and score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    pub kind: Kind,
    pub score: u16,
}

/// Abbreviations of Swedish municipal documents (3+ letters, lower case, not a prefix of the
/// word: those match as prefixes) and the start of the words they stand for (folded: no å, ä,
/// ö), as the City of Stockholm's documents use them.
pub const KNOWN_ABBREVIATIONS: &[(&str, &str)] = &[
    ("sdn", "stadsdelsnamnd"),
    ("sdf", "stadsdelsforvaltning"),
    ("slk", "stadsledningskontor"),
    ("brb", "borgarradsberedning"),
    ("kfm", "kommunfullmaktige"),
    ("tjut", "tjansteutlatande"),
];

pub const EXACT: u16 = 1000;
const PREFIX: u16 = 800;
const INFIX: u16 = 600;
const TYPO: u16 = 400;
const ABBREVIATION: u16 = 200;
/// Room for "how much of the word" within a kind.
const SPREAD: u32 = 140;
/// Subtracted when a plain query word matched only through folding.
pub const DIACRITIC_PENALTY: u16 = 40;

/// Shortest query word (in characters) that matches inside a word.
pub const MIN_INFIX: usize = 4;
/// Shortest query word that may have one typo, and two.
pub const MIN_ONE_TYPO: usize = 5;
pub const MIN_TWO_TYPOS: usize = 9;
/// Longest query word that is matched with typos (the automaton grows with it).
pub const MAX_TYPO_TERM: usize = 32;
/// Shortest query word matched as an abbreviation, and the longest word tried.
pub const MIN_ABBREVIATION: usize = 3;
pub const MAX_ABBREVIATION_WORD: usize = 48;

/// The Levenshtein automaton builders (building them takes a few milliseconds, once).
pub struct Typos {
    one: LevenshteinAutomatonBuilder,
    two: LevenshteinAutomatonBuilder,
}

impl Default for Typos {
    fn default() -> Self {
        Typos {
            one: LevenshteinAutomatonBuilder::new(1, true),
            two: LevenshteinAutomatonBuilder::new(2, true),
        }
    }
}

impl std::fmt::Debug for Typos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Typos")
    }
}

/// A query word made ready for matching: its automaton for typos, if it may have any.
pub struct CompiledTerm<'q> {
    pub term: &'q Term,
    chars: usize,
    first: Option<char>,
    typo: Option<DFA>,
}

impl<'q> CompiledTerm<'q> {
    pub fn new(term: &'q Term, typos: &Typos) -> CompiledTerm<'q> {
        let chars = term.chars();
        let typo = if term.whole_word || !(MIN_ONE_TYPO..=MAX_TYPO_TERM).contains(&chars) {
            None
        } else if chars >= MIN_TWO_TYPOS {
            Some(typos.two.build_prefix_dfa(&term.text))
        } else {
            Some(typos.one.build_prefix_dfa(&term.text))
        };
        CompiledTerm {
            term,
            chars,
            first: term.text.chars().next(),
            typo,
        }
    }

    /// Match one word given in its lower and folded forms. The reference semantics:
    /// [`Vocabulary::match_term`] gives the same answer for every word, faster.
    pub fn match_word(
        &self,
        lower: &str,
        folded: &str,
        matcher: &dyn WordMatcher,
    ) -> Option<WordMatch> {
        let t = self.term.text.as_str();
        let w = if self.term.plain { folded } else { lower };
        if t.is_empty() {
            return None;
        }
        if w == t {
            return Some(self.exact(lower));
        }
        if self.term.whole_word && !self.term.prefix {
            return None;
        }
        if w.starts_with(t) {
            return Some(self.prefix(lower, w));
        }
        if self.term.whole_word {
            return None;
        }
        if self.chars >= MIN_INFIX && w.contains(t) {
            return Some(self.infix(lower, w));
        }
        if let Some(m) = self.typo(w.as_bytes()) {
            return Some(self.typo_score(m, w));
        }
        self.abbreviation(w, matcher)
    }

    fn penalty(&self, exact_letters: bool) -> u16 {
        if self.term.plain && !exact_letters {
            DIACRITIC_PENALTY
        } else {
            0
        }
    }

    fn exact(&self, lower: &str) -> WordMatch {
        WordMatch {
            kind: Kind::Exact,
            score: EXACT - self.penalty(lower == self.term.text),
        }
    }

    fn covered(&self, w: &str, base: u16) -> u16 {
        let n = w.chars().count().max(self.chars).max(1) as u32;
        base + (SPREAD * self.chars as u32 / n).min(SPREAD) as u16
    }

    fn prefix(&self, lower: &str, w: &str) -> WordMatch {
        let score = self.covered(w, PREFIX).min(PREFIX + SPREAD as u16 - 1);
        WordMatch {
            kind: Kind::Prefix,
            score: score - self.penalty(lower.starts_with(&self.term.text)),
        }
    }

    fn infix(&self, lower: &str, w: &str) -> WordMatch {
        let score = self.covered(w, INFIX).min(INFIX + SPREAD as u16 - 1);
        WordMatch {
            kind: Kind::Infix,
            score: score - self.penalty(lower.contains(&self.term.text)),
        }
    }

    /// The prefix edit distance of the word, if within the term's allowance.
    fn typo(&self, w: &[u8]) -> Option<u8> {
        let dfa = self.typo.as_ref()?;
        let mut s = dfa.initial_state();
        for &b in w {
            s = dfa.transition(s, b);
            if s == SINK_STATE {
                return None;
            }
        }
        distance(dfa, s)
    }

    fn typo_score(&self, distance: u8, w: &str) -> WordMatch {
        let base = TYPO + if distance <= 1 { 70 } else { 0 };
        WordMatch {
            kind: Kind::Typo,
            score: base + (self.covered(w, 0) / 2).min(69),
        }
    }

    fn abbreviation(&self, w: &str, matcher: &dyn WordMatcher) -> Option<WordMatch> {
        if self.term.whole_word
            || self.chars < MIN_ABBREVIATION
            || w.len() > MAX_ABBREVIATION_WORD * 4
            || w.chars().next() != self.first
            || w.chars().count() > MAX_ABBREVIATION_WORD
        {
            return None;
        }
        // The field's own abbreviations rank first among abbreviations: a scattered
        // subsequence (`sdn` in `studentbostäder`) can score as high as the real one.
        if KNOWN_ABBREVIATIONS
            .iter()
            .any(|(short, long)| *short == self.term.text && w.starts_with(long))
        {
            return Some(WordMatch {
                kind: Kind::Abbreviation,
                score: ABBREVIATION + SPREAD as u16,
            });
        }
        let ratio = matcher.score(&self.term.text, w)?;
        Some(WordMatch {
            kind: Kind::Abbreviation,
            score: ABBREVIATION + (ratio.clamp(0.0, 1.0) * (SPREAD - 1) as f32) as u16,
        })
    }
}

fn distance(dfa: &DFA, state: u32) -> Option<u8> {
    match dfa.distance(state) {
        Distance::Exact(d) => Some(d),
        Distance::AtLeast(_) => None,
    }
}

/// Every distinct word, in two forms, sorted by folded form (then lower form); a word's id is
/// its place in that order.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Vocabulary {
    /// Folded forms in id order, each followed by `\n`.
    folded: String,
    /// Start of each word in `folded`, and one past the last.
    folded_at: Vec<u32>,
    lower: String,
    lower_at: Vec<u32>,
    /// Ids sorted by lower form.
    by_lower: Vec<u32>,
}

impl Vocabulary {
    /// Build from distinct lower forms; returns the vocabulary and, for each input word, its
    /// id.
    pub fn new(words: &[Box<str>]) -> (Vocabulary, Vec<u32>) {
        let folded: Vec<String> = words.iter().map(|w| fold::folded(w)).collect();
        let mut order: Vec<u32> = (0..words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            folded[a]
                .cmp(&folded[b])
                .then_with(|| words[a].cmp(&words[b]))
        });
        let mut id_of = vec![0u32; words.len()];
        let mut v = Vocabulary::default();
        for (id, &w) in order.iter().enumerate() {
            id_of[w as usize] = id as u32;
            v.folded_at.push(v.folded.len() as u32);
            v.folded.push_str(&folded[w as usize]);
            v.folded.push('\n');
            v.lower_at.push(v.lower.len() as u32);
            v.lower.push_str(&words[w as usize]);
            v.lower.push('\n');
        }
        v.folded_at.push(v.folded.len() as u32);
        v.lower_at.push(v.lower.len() as u32);
        let mut by_lower: Vec<u32> = (0..order.len() as u32).collect();
        by_lower.sort_unstable_by(|&a, &b| v.lower(a).cmp(v.lower(b)));
        v.by_lower = by_lower;
        (v, id_of)
    }

    pub fn len(&self) -> usize {
        self.folded_at.len().saturating_sub(1)
    }

    /// Whether every word can be read back without a panic: the offsets of both forms start
    /// at 0, rise, end at the end of their text, fall on char boundaries, and each word ends
    /// in `\n`; `by_lower` names only words there are. (What a vocabulary read from a file
    /// must satisfy before it is used; one built by [`Vocabulary::new`] always does.)
    pub fn is_consistent(&self) -> bool {
        fn column(text: &str, at: &[u32]) -> bool {
            at.first() == Some(&0)
                && at.last().is_some_and(|&l| l as usize == text.len())
                && at.windows(2).all(|w| {
                    let (a, b) = (w[0] as usize, w[1] as usize);
                    a < b && text.is_char_boundary(a) && text.as_bytes().get(b - 1) == Some(&b'\n')
                })
        }
        let n = self.len();
        self.lower_at.len() == self.folded_at.len()
            && column(&self.folded, &self.folded_at)
            && column(&self.lower, &self.lower_at)
            && self.by_lower.len() == n
            && self.by_lower.iter().all(|&i| (i as usize) < n)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn folded(&self, id: u32) -> &str {
        let i = id as usize;
        &self.folded[self.folded_at[i] as usize..self.folded_at[i + 1] as usize - 1]
    }

    pub fn lower(&self, id: u32) -> &str {
        let i = id as usize;
        &self.lower[self.lower_at[i] as usize..self.lower_at[i + 1] as usize - 1]
    }

    /// The form a term is compared with.
    fn form(&self, plain: bool, id: u32) -> &str {
        if plain {
            self.folded(id)
        } else {
            self.lower(id)
        }
    }

    /// Ids, in the order sorted by the term's form, of the words starting with `prefix`.
    fn starting_with(&self, plain: bool, prefix: &str) -> Vec<u32> {
        let n = self.len() as u32;
        if plain {
            // Binary search for the first folded form not less than `prefix`.
            let (mut lo, mut hi) = (0u32, n);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if self.folded(mid) < prefix {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            (lo..n)
                .take_while(|&i| self.folded(i).starts_with(prefix))
                .collect()
        } else {
            let start = self.by_lower.partition_point(|&i| self.lower(i) < prefix);
            self.by_lower[start..]
                .iter()
                .copied()
                .take_while(|&i| self.lower(i).starts_with(prefix))
                .collect()
        }
    }

    /// Every word the term matches, with how; sorted by id. The same as calling
    /// [`CompiledTerm::match_word`] on every word.
    pub fn match_term(
        &self,
        ct: &CompiledTerm,
        matcher: &dyn WordMatcher,
    ) -> Vec<(u32, WordMatch)> {
        let term = ct.term;
        let t = term.text.as_str();
        let mut out: Vec<(u32, WordMatch)> = Vec::new();
        if t.is_empty() || self.is_empty() {
            return out;
        }
        let plain = term.plain;
        // Exact and prefix: a range of the sorted vocabulary.
        for id in self.starting_with(plain, t) {
            let (lower, w) = (self.lower(id), self.form(plain, id));
            if w == t {
                out.push((id, ct.exact(lower)));
            } else if term.prefix {
                out.push((id, ct.prefix(lower, w)));
            }
        }
        if term.whole_word {
            out.sort_unstable_by_key(|&(id, _)| id);
            return out;
        }
        let mut found = vec![false; self.len()];
        for &(id, _) in &out {
            found[id as usize] = true;
        }
        // Infix: one scan of the whole form column.
        if ct.chars >= MIN_INFIX {
            let (blob, at) = if plain {
                (&self.folded, &self.folded_at)
            } else {
                (&self.lower, &self.lower_at)
            };
            let mut last = u32::MAX;
            for hit in memchr::memmem::find_iter(blob.as_bytes(), t.as_bytes()) {
                let id = (at.partition_point(|&s| s as usize <= hit) - 1) as u32;
                if id == last || found[id as usize] {
                    continue;
                }
                last = id;
                found[id as usize] = true;
                out.push((id, ct.infix(self.lower(id), self.form(plain, id))));
            }
        }
        // Typos: the automaton over every word, resuming from the state after the prefix the
        // word shares with the previous one in sorted order.
        if let Some(dfa) = &ct.typo {
            let mut states: Vec<u32> = vec![dfa.initial_state()];
            let mut prev: &[u8] = &[];
            let ids: Box<dyn Iterator<Item = u32>> = if plain {
                Box::new(0..self.len() as u32)
            } else {
                Box::new(self.by_lower.iter().copied())
            };
            for id in ids {
                let w = self.form(plain, id).as_bytes();
                let common = prev.iter().zip(w).take_while(|(a, b)| a == b).count();
                states.truncate(common.min(states.len() - 1) + 1);
                let mut s = *states.last().unwrap_or(&SINK_STATE);
                for &b in &w[states.len() - 1..] {
                    if s == SINK_STATE {
                        break;
                    }
                    s = dfa.transition(s, b);
                    states.push(s);
                }
                prev = w;
                if s == SINK_STATE || found[id as usize] {
                    continue;
                }
                if let Some(d) = distance(dfa, s) {
                    found[id as usize] = true;
                    out.push((id, ct.typo_score(d, self.form(plain, id))));
                }
            }
        }
        // Abbreviations: only words with the same first letter.
        let first = ct.first.filter(|_| ct.chars >= MIN_ABBREVIATION);
        if let Some(first) = first {
            let mut buf = [0u8; 4];
            for id in self.starting_with(plain, first.encode_utf8(&mut buf)) {
                if found[id as usize] {
                    continue;
                }
                if let Some(m) = ct.abbreviation(self.form(plain, id), matcher) {
                    out.push((id, m));
                }
            }
        }
        out.sort_unstable_by_key(|&(id, _)| id);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> Vocabulary {
        let words: Vec<Box<str>> = words.iter().map(|w| fold::lower(w).into()).collect();
        Vocabulary::new(&words).0
    }

    fn matches(v: &Vocabulary, query: &str) -> Vec<(String, Kind, u16)> {
        let term = Term::new(query, false, true);
        let typos = Typos::default();
        let ct = CompiledTerm::new(&term, &typos);
        let m = SkimWordMatcher::default();
        let got = v.match_term(&ct, &m);
        // The fast path agrees with the reference, word by word.
        for id in 0..v.len() as u32 {
            let reference = ct.match_word(v.lower(id), v.folded(id), &m);
            let fast = got.iter().find(|(i, _)| *i == id).map(|(_, m)| *m);
            assert_eq!(fast, reference, "{query} vs {}", v.lower(id));
        }
        got.into_iter()
            .map(|(id, m)| (v.lower(id).to_string(), m.kind, m.score))
            .collect()
    }

    fn kind_of(v: &Vocabulary, query: &str, word: &str) -> Option<Kind> {
        matches(v, query)
            .into_iter()
            .find(|(w, _, _)| w == word)
            .map(|(_, k, _)| k)
    }

    const WORDS: &[&str] = &[
        "trygghetskiosk",
        "trygghetskiosker",
        "trygghetskioskens",
        "kiosk",
        "poliskiosker",
        "Skärholmen",
        "skärholmens",
        "skarholmen",
        "tunnelbanestation",
        "tunnelbanan",
        "stadsdelsnämnd",
        "för",
        "for",
        "forskning",
        "Hässelby",
        "bostad",
        "bostäder",
        "kriminalitetsbekampningsorsak",
    ];

    #[test]
    fn kinds() {
        let v = vocab(WORDS);
        use Kind::*;
        assert_eq!(kind_of(&v, "kiosk", "kiosk"), Some(Exact));
        assert_eq!(kind_of(&v, "kiosk", "poliskiosker"), Some(Infix));
        assert_eq!(kind_of(&v, "kiosk", "trygghetskiosker"), Some(Infix));
        assert_eq!(
            kind_of(&v, "trygghetskiosk", "trygghetskiosker"),
            Some(Prefix)
        );
        assert_eq!(
            kind_of(&v, "trygghetskoisk", "trygghetskiosker"),
            Some(Typo)
        );
        assert_eq!(kind_of(&v, "tunnelbana", "tunnelbanestation"), Some(Typo));
        assert_eq!(kind_of(&v, "sdn", "stadsdelsnämnd"), Some(Abbreviation));
        // A known abbreviation outranks a scattered subsequence.
        let score = |t: &str, w: &str| {
            matches(&vocab(&[w]), t)
                .into_iter()
                .find(|(x, _, _)| x == w)
                .map(|(_, _, s)| s)
        };
        assert!(score("sdn", "stadsdelsnämnden") > score("sdn", "studentbostäder"));
        assert!(score("sdn", "stadsdelsnämnden") > score("sdn", "stranderosion"));
        assert_eq!(kind_of(&v, "kiosk", "kriminalitetsbekampningsorsak"), None);
        // One typo needs five letters.
        assert_eq!(kind_of(&v, "fro", "for"), None);
    }

    #[test]
    fn diacritics_one_way() {
        let v = vocab(WORDS);
        // Without å/ä/ö the query also finds them, but exact letters score higher.
        let m = matches(&v, "skarholmen");
        let score = |w: &str| m.iter().find(|(x, _, _)| x == w).map(|(_, _, s)| *s);
        assert!(score("skarholmen") > score("skärholmen"));
        assert_eq!(kind_of(&v, "skarholmen", "skärholmen"), Some(Kind::Exact));
        assert!(score("skärholmen") > score("skärholmens"));
        // With them, it means exactly them.
        assert_eq!(kind_of(&v, "för", "för"), Some(Kind::Exact));
        assert_eq!(kind_of(&v, "för", "for"), None);
        assert_eq!(kind_of(&v, "för", "forskning"), None);
        assert_eq!(kind_of(&v, "for", "för"), Some(Kind::Exact));
        let m = matches(&v, "for");
        assert!(m[0].0 == "for" || m.iter().any(|(w, _, s)| w == "for" && *s == EXACT));
        assert_eq!(kind_of(&v, "HÄSSELBY", "hässelby"), Some(Kind::Exact));
    }

    #[test]
    fn ranks_within_the_prefix_kind_by_coverage() {
        let v = vocab(WORDS);
        let m = matches(&v, "trygghetskiosk");
        let score = |w: &str| m.iter().find(|(x, _, _)| x == w).unwrap().2;
        assert!(score("trygghetskiosk") > score("trygghetskiosker"));
        assert!(score("trygghetskiosker") > score("trygghetskioskens"));
    }

    #[test]
    fn whole_words_for_phrases() {
        let v = vocab(WORDS);
        let term = Term::new("kiosk", true, false);
        let typos = Typos::default();
        let ct = CompiledTerm::new(&term, &typos);
        let got = v.match_term(&ct, &SkimWordMatcher::default());
        assert_eq!(got.len(), 1);
        assert_eq!(v.lower(got[0].0), "kiosk");
    }

    #[test]
    fn empty_vocabulary_and_odd_terms() {
        let v = vocab(&[]);
        assert!(matches(&v, "kiosk").is_empty());
        let v = vocab(WORDS);
        for q in ["x", "日本語", "ǅǅǅǅǅǅǅǅǅǅ", &"a".repeat(300)] {
            matches(&v, q);
        }
    }
}
