//! Fuzzy search over every paragraph of every loaded case (issue 4).
//!
//! ```
//! use remiss::analysis::search::{Index, Query, snippet};
//! let cases = vec![remiss::model::load_bundled()];
//! let index = Index::build(&cases);
//! let results = index.search(&cases, &Query::parse("skarholmen tunnelbana"), 20);
//! let best = &results.hits[0];
//! let text = best.text(&cases);
//! let shown = snippet(text, &best.highlights, 60);
//! assert!(shown.text.contains("Skärholmen"));
//! ```
//!
//! - [`Index::build`] indexes, for every case, the positions' own paragraphs (a position that
//!   is identical to another is indexed once, under the position that has the text, and found
//!   through either), the bodies' decisions, the case's sections and its proposal. It holds
//!   no text, only word numbers: searches take the same `&[Case]` to read the text back.
//! - [`Query::parse`] reads words, `"phrases"` and filters; see there.
//! - [`Index::search`] matches each query word against the vocabulary (see [`vocab`] for the
//!   kinds of match and their scores), keeps the paragraphs in which every query word matches
//!   and every filter holds, and ranks them: the best match of each query word, a little for
//!   more occurrences, and more for query words close together and in order
//!   ([`rank::proximity`]). A paragraph with a better kind of match for a query word always
//!   ranks above one with a worse kind, whatever its other bonuses (single-word queries).
//!
//! The index is `Send + Sync`: build it once, share it in an `Arc` and search from a worker
//! thread. A search takes a few milliseconds on a year of cases (see `benches/search.rs`).

pub mod fold;
mod query;
pub mod rank;
mod snippet;
mod stored;
pub mod vocab;

pub use query::{CaseValue, Filter, MAX_TERMS, Query, QueryProblem, Term, stances_named};
pub use snippet::{Snippet, snippet};
pub use stored::StoredIndex;
pub use vocab::{Kind, SkimWordMatcher, WordMatcher};

use crate::model::{self, Case, TextRef};
use std::collections::HashMap;
use std::ops::Range;
use vocab::{CompiledTerm, Typos, Vocabulary, WordMatch};

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// One paragraph found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the `&[Case]` searched.
    pub case: usize,
    pub target: TextRef,
    /// Higher is better; only comparable within one search.
    pub score: u32,
    /// Byte ranges of the matched words (or the matched part of a word) in the paragraph's
    /// text: on char boundaries, sorted, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Hit {
    /// The paragraph's text ("" if `cases` is not what was searched).
    pub fn text<'a>(&self, cases: &'a [Case]) -> &'a str {
        cases
            .get(self.case)
            .and_then(|c| self.target.text(c))
            .unwrap_or("")
    }
}

/// The best hits and how many paragraphs matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// At most `limit`, best first (ties in index order: positions, decisions, sections,
    /// proposal, case by case).
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// One indexed paragraph.
#[derive(Debug, Clone, Copy)]
struct Record {
    case: u32,
    target: TextRef,
}

/// Where a word occurs: paragraph (record) and word number within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Posting {
    record: u32,
    position: u32,
}

/// The search index. See the module documentation.
pub struct Index {
    records: Vec<Record>,
    vocab: Vocabulary,
    /// Lower form → word id, to find the words of a hit again for highlighting.
    ids: FastMap<Box<str>, u32>,
    /// Postings of word `w`: `postings[starts[w]..starts[w + 1]]`, by record then position.
    starts: Vec<usize>,
    postings: Vec<Posting>,
    /// Per case, per position that has text: the positions identical to it.
    sharers: Vec<FastMap<usize, Vec<usize>>>,
    typos: Typos,
    matcher: Box<dyn WordMatcher>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("paragraphs", &self.records.len())
            .field("words", &self.vocab.len())
            .field("postings", &self.postings.len())
            .finish()
    }
}

/// Below this much text, the index is built on one thread.
const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// The paragraphs of some cases, tokenised: what one thread of [`Index::build`] makes.
struct Part {
    records: Vec<Record>,
    sharers: Vec<FastMap<usize, Vec<usize>>>,
    /// Lower forms, by provisional id.
    words: Vec<Box<str>>,
    ids: FastMap<Box<str>, u32>,
    /// Provisional word id of every token, paragraph after paragraph.
    tokens: Vec<u32>,
    /// End of each paragraph in `tokens`.
    ends: Vec<usize>,
}

impl Part {
    fn tokenise(cases: &[Case], range: Range<usize>) -> Part {
        let mut part = Part {
            records: Vec::new(),
            sharers: Vec::with_capacity(range.len()),
            words: Vec::new(),
            ids: FastMap::default(),
            tokens: Vec::new(),
            ends: Vec::new(),
        };
        let mut buf = String::new();
        let mut raw: FastMap<&str, u32> = FastMap::default();
        for ci in range {
            let case = &cases[ci];
            part.sharers.push(sharers_of(case));
            for_each_paragraph(case, |target, text| {
                part.records.push(Record {
                    case: ci as u32,
                    target,
                });
                for r in fold::words(text) {
                    let word = &text[r];
                    // Most words were seen before as written: no lowering, no copy.
                    let id = match raw.get(word) {
                        Some(&id) => id,
                        None => {
                            buf.clear();
                            fold::push_lower_str(word, &mut buf);
                            let id = part.id(&buf);
                            raw.insert(word, id);
                            id
                        }
                    };
                    part.tokens.push(id);
                }
                part.ends.push(part.tokens.len());
            });
        }
        part
    }

    fn id(&mut self, word: &str) -> u32 {
        match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.words.push(word.into());
                self.ids.insert(word.into(), id);
                id
            }
        }
    }

    /// Add the next part (of the cases after this one's).
    fn append(&mut self, other: Part) {
        let remap: Vec<u32> = other.words.iter().map(|w| self.id(w)).collect();
        let offset = self.tokens.len();
        self.tokens
            .extend(other.tokens.iter().map(|&t| remap[t as usize]));
        self.ends.extend(other.ends.iter().map(|e| e + offset));
        self.records.extend(other.records);
        self.sharers.extend(other.sharers);
    }
}

fn text_bytes(case: &Case) -> usize {
    let mut n = 0;
    for_each_paragraph(case, |_, t| n += t.len());
    n
}

/// At most this many paragraphs get the proximity bonus computed in one search; beyond it the
/// rest are ranked by their words alone (only reached by queries of very common short words).
const MAX_PROXIMITY_RANKED: usize = 20_000;

impl Index {
    /// Index every paragraph of `cases`, with fuzzy-matcher for abbreviations.
    pub fn build(cases: &[Case]) -> Index {
        Index::build_with(cases, Box::new(SkimWordMatcher::default()))
    }

    /// Index with another [`WordMatcher`].
    pub fn build_with(cases: &[Case], matcher: Box<dyn WordMatcher>) -> Index {
        // Tokenise in parallel (contiguous runs of cases of about equal size), then merge.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let bytes: Vec<usize> = cases.iter().map(text_bytes).collect();
        let total: usize = bytes.iter().sum();
        let threads = if total < PARALLEL_FROM_BYTES {
            1
        } else {
            threads
        };
        let mut chunks: Vec<Range<usize>> = Vec::new();
        let mut begin = 0;
        let mut acc = 0;
        for (i, b) in bytes.iter().enumerate() {
            acc += b;
            if acc * threads >= total * (chunks.len() + 1) && chunks.len() + 1 < threads {
                chunks.push(begin..i + 1);
                begin = i + 1;
            }
        }
        chunks.push(begin..cases.len());
        let mut parts: Vec<Part> = if chunks.len() == 1 {
            vec![Part::tokenise(cases, 0..cases.len())]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = chunks
                    .iter()
                    .map(|c| s.spawn(|| Part::tokenise(cases, c.clone())))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let mut all = parts.remove(0);
        for part in parts {
            all.append(part);
        }
        let Part {
            records,
            sharers,
            words,
            mut ids,
            mut tokens,
            ends,
        } = all;
        let (vocab, id_of) = Vocabulary::new(&words);
        drop(words);
        for id in ids.values_mut() {
            *id = id_of[*id as usize];
        }
        let mut starts = vec![0usize; vocab.len() + 1];
        for t in &mut tokens {
            *t = id_of[*t as usize];
            starts[*t as usize + 1] += 1;
        }
        for w in 0..vocab.len() {
            starts[w + 1] += starts[w];
        }
        let mut fill = starts.clone();
        let mut postings = vec![
            Posting {
                record: 0,
                position: 0
            };
            tokens.len()
        ];
        let mut begin = 0;
        for (record, &end) in ends.iter().enumerate() {
            for (position, &w) in tokens[begin..end].iter().enumerate() {
                let slot = &mut fill[w as usize];
                postings[*slot] = Posting {
                    record: record as u32,
                    position: u32::try_from(position).unwrap_or(u32::MAX),
                };
                *slot += 1;
            }
            begin = end;
        }
        Index {
            records,
            vocab,
            ids,
            starts,
            postings,
            sharers,
            typos: Typos::default(),
            matcher,
        }
    }

    /// Number of paragraphs indexed.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Number of distinct words (lower case).
    pub fn words(&self) -> usize {
        self.vocab.len()
    }

    fn postings_of(&self, word: u32) -> &[Posting] {
        let w = word as usize;
        &self.postings[self.starts[w]..self.starts[w + 1]]
    }

    /// The best `limit` paragraphs for `query` (see the module documentation), and how many
    /// matched in all. `cases` must be the cases the index was built from.
    pub fn search(&self, cases: &[Case], query: &Query, limit: usize) -> Results {
        if query.is_empty() {
            return Results::default();
        }
        let allowed = Allowed::new(self, cases, query);
        let terms = &query.terms;
        if terms.is_empty() {
            return self.filtered_only(cases, &allowed, limit);
        }
        let compiled: Vec<CompiledTerm> = terms
            .iter()
            .map(|t| CompiledTerm::new(t, &self.typos))
            .collect();
        let matches: Vec<Vec<(u32, WordMatch)>> = compiled
            .iter()
            .map(|ct| self.vocab.match_term(ct, self.matcher.as_ref()))
            .collect();
        if matches.iter().any(Vec::is_empty) {
            return Results::default();
        }

        // Sum of each query word's best match per paragraph, rarest query word first.
        let mut order: Vec<usize> = (0..terms.len()).collect();
        let weight = |t: usize| -> usize {
            matches[t]
                .iter()
                .map(|&(w, _)| self.postings_of(w).len())
                .sum()
        };
        let weights: Vec<usize> = order.iter().map(|&t| weight(t)).collect();
        order.sort_by_key(|&t| weights[t]);
        let n = self.records.len();
        let mut score = vec![0u32; n];
        let mut seen = vec![0u8; n];
        let mut occurrences = vec![0u16; n];
        let mut best = vec![0u16; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut candidates: Vec<u32> = Vec::new();
        for (round, &t) in order.iter().enumerate() {
            let round = round as u8;
            for &(w, m) in &matches[t] {
                for p in self.postings_of(w) {
                    let r = p.record as usize;
                    if seen[r] != round || (round == 0 && !allowed.record(r)) {
                        continue;
                    }
                    if best[r] == 0 {
                        touched.push(p.record);
                    }
                    best[r] = best[r].max(m.score);
                    occurrences[r] = occurrences[r].saturating_add(1);
                }
            }
            for &r in &touched {
                let r = r as usize;
                seen[r] += 1;
                score[r] += u32::from(best[r]);
                best[r] = 0;
            }
            candidates = std::mem::take(&mut touched);
        }

        // Phrases: the words must stand one after the other.
        if !query.phrases.is_empty() {
            let gathered = self.gather(&candidates, &matches);
            let mut kept = Vec::with_capacity(candidates.len());
            for (slot, &r) in candidates.iter().enumerate() {
                let ok = query.phrases.iter().all(|ph| {
                    let lists: Vec<&[u32]> = ph.clone().map(|t| gathered.get(slot, t)).collect();
                    rank::has_phrase(&lists)
                });
                if ok {
                    kept.push(r);
                }
            }
            candidates = kept;
        }
        let total = candidates.len();

        // Base score: the words, and a little for more occurrences.
        let extra = |r: usize| {
            let more = u32::from(occurrences[r]).saturating_sub(terms.len() as u32);
            more.min(5) * 4
        };
        for &r in &candidates {
            let r = r as usize;
            score[r] += extra(r);
        }
        let by_score =
            |a: &u32, b: &u32| score[*b as usize].cmp(&score[*a as usize]).then(a.cmp(b));
        let first_round = candidates
            .len()
            .min(limit.saturating_mul(4).max(1000))
            .min(MAX_PROXIMITY_RANKED);
        if terms.len() >= 2 {
            best_first(&mut candidates, first_round, by_score);
        }

        // Proximity, for the best candidates by base score; enough of them that no other could
        // reach the top `limit`.
        if terms.len() >= 2 && !candidates.is_empty() {
            let bonus_max = rank::max_proximity(terms.len());
            let mut ranked = first_round;
            let mut done = 0;
            loop {
                let slice = &candidates[done..ranked];
                let gathered = self.gather(slice, &matches);
                let mut lists: Vec<&[u32]> = Vec::with_capacity(terms.len());
                for (slot, &r) in slice.iter().enumerate() {
                    lists.clear();
                    lists.extend((0..terms.len()).map(|t| gathered.get(slot, t)));
                    score[r as usize] += rank::proximity(&lists);
                }
                done = ranked;
                if done == candidates.len() || done >= MAX_PROXIMITY_RANKED {
                    break;
                }
                let mut finals: Vec<u32> = candidates[..done]
                    .iter()
                    .map(|&r| score[r as usize])
                    .collect();
                finals.sort_unstable_by(|a, b| b.cmp(a));
                let kth = finals
                    .get(limit.saturating_sub(1).min(finals.len() - 1))
                    .copied()
                    .unwrap_or(0);
                // The next candidate has the highest base score of the rest.
                if score[candidates[done] as usize] + bonus_max <= kth {
                    break;
                }
                // Every walk costs the postings of all matched words: at most one more.
                ranked = candidates.len().min(MAX_PROXIMITY_RANKED);
                let by_base =
                    |a: &u32, b: &u32| score[*b as usize].cmp(&score[*a as usize]).then(a.cmp(b));
                best_first(&mut candidates[done..], ranked - done, by_base);
            }
        }
        let by_score =
            |a: &u32, b: &u32| score[*b as usize].cmp(&score[*a as usize]).then(a.cmp(b));
        best_first(&mut candidates, limit, by_score);

        let hits = candidates
            .iter()
            .take(limit)
            .filter_map(|&r| {
                let record = self.records[r as usize];
                let case = cases.get(record.case as usize)?;
                let target = allowed.target(self, record)?;
                let text = target.text(case)?;
                Some(Hit {
                    case: record.case as usize,
                    target,
                    score: score[r as usize],
                    highlights: self.highlights(text, &compiled, &matches),
                })
            })
            .collect();
        Results { hits, total }
    }

    /// A query of filters only: every paragraph they allow, in index order.
    fn filtered_only(&self, cases: &[Case], allowed: &Allowed, limit: usize) -> Results {
        let mut total = 0;
        let mut hits = Vec::new();
        for (r, record) in self.records.iter().enumerate() {
            if !allowed.record(r) {
                continue;
            }
            total += 1;
            if hits.len() < limit {
                let target = allowed.target(self, *record);
                let case = cases.get(record.case as usize);
                if let (Some(target), Some(_)) = (target, case) {
                    hits.push(Hit {
                        case: record.case as usize,
                        target,
                        score: 0,
                        highlights: Vec::new(),
                    });
                }
            }
        }
        Results { hits, total }
    }

    /// Positions of each query word in each of `records`.
    fn gather(&self, records: &[u32], matches: &[Vec<(u32, WordMatch)>]) -> Gathered {
        let terms = matches.len();
        let mut slot_of: Vec<u32> = vec![u32::MAX; self.records.len()];
        for (i, &r) in records.iter().enumerate() {
            slot_of[r as usize] = i as u32;
        }
        let bucket = |slot: u32, t: usize| slot as usize * terms + t;
        let mut starts = vec![0usize; records.len() * terms + 1];
        for (t, m) in matches.iter().enumerate() {
            for &(w, _) in m {
                for p in self.postings_of(w) {
                    let slot = slot_of[p.record as usize];
                    if slot != u32::MAX {
                        starts[bucket(slot, t) + 1] += 1;
                    }
                }
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut positions = vec![0u32; *starts.last().unwrap_or(&0)];
        for (t, m) in matches.iter().enumerate() {
            for &(w, _) in m {
                for p in self.postings_of(w) {
                    let slot = slot_of[p.record as usize];
                    if slot != u32::MAX {
                        let b = bucket(slot, t);
                        positions[fill[b]] = p.position;
                        fill[b] += 1;
                    }
                }
            }
        }
        for b in 0..starts.len() - 1 {
            positions[starts[b]..starts[b + 1]].sort_unstable();
        }
        Gathered {
            terms,
            starts,
            positions,
        }
    }

    /// Byte ranges of the matched words (or parts of words) in `text`.
    fn highlights(
        &self,
        text: &str,
        compiled: &[CompiledTerm],
        matches: &[Vec<(u32, WordMatch)>],
    ) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut buf = String::new();
        for r in fold::words(text) {
            buf.clear();
            fold::push_lower_str(&text[r.clone()], &mut buf);
            let Some(&id) = self.ids.get(buf.as_str()) else {
                continue;
            };
            for (ct, m) in compiled.iter().zip(matches) {
                let Ok(i) = m.binary_search_by_key(&id, |&(w, _)| w) else {
                    continue;
                };
                let word = &text[r.clone()];
                let term = &ct.term.text;
                let part = match m[i].1.kind {
                    Kind::Prefix => Some(0..term.len()),
                    Kind::Infix => {
                        let mapped = fold::Mapped::new(word, ct.term.plain);
                        mapped.form.find(term.as_str()).map(|f| f..f + term.len())
                    }
                    _ => None,
                };
                let range = match part {
                    Some(p) => {
                        let mapped = fold::Mapped::new(word, ct.term.plain);
                        let o = mapped.original(p);
                        r.start + o.start..r.start + o.end
                    }
                    None => r.clone(),
                };
                out.push(range);
            }
        }
        snippet::normalise(text, &out)
    }
}

/// Put the best `n` of `v` first, in order (the rest in any order).
fn best_first(v: &mut [u32], n: usize, cmp: impl Fn(&u32, &u32) -> std::cmp::Ordering) {
    let n = n.min(v.len());
    if n == 0 {
        return;
    }
    if n < v.len() {
        v.select_nth_unstable_by(n - 1, &cmp);
    }
    v[..n].sort_unstable_by(&cmp);
}

/// Positions gathered for some records: `get(slot, term)`.
struct Gathered {
    terms: usize,
    starts: Vec<usize>,
    positions: Vec<u32>,
}

impl Gathered {
    fn get(&self, slot: usize, term: usize) -> &[u32] {
        let b = slot * self.terms + term;
        &self.positions[self.starts[b]..self.starts[b + 1]]
    }
}

/// Every paragraph of a case that the index holds, in index order: positions' own text,
/// decisions, sections, proposal.
pub fn for_each_paragraph<'a>(case: &'a Case, mut f: impl FnMut(TextRef, &'a str)) {
    // A position's own paragraphs only: one identical to another has none and is found
    // through the other.
    for (position, p) in case.positions.iter().enumerate() {
        for (paragraph, text) in p.paragraphs.iter().enumerate() {
            f(
                TextRef::new(model::Part::Position(position), paragraph),
                text,
            );
        }
    }
    for body in 0..case.bodies.len() {
        model::Part::Decision(body)
            .refs(case)
            .for_each(|(r, t)| f(r, t));
    }
    for section in 0..case.sections.len() {
        model::Part::Section(section)
            .refs(case)
            .for_each(|(r, t)| f(r, t));
    }
    model::Part::Proposal.refs(case).for_each(|(r, t)| f(r, t));
}

/// For each position with text, the positions whose text it is (`identical_to` chains).
fn sharers_of(case: &Case) -> FastMap<usize, Vec<usize>> {
    let mut out: FastMap<usize, Vec<usize>> = FastMap::default();
    for (i, p) in case.positions.iter().enumerate() {
        if !p.paragraphs.is_empty() || p.identical_to.is_none() {
            continue;
        }
        // Resolved at load; a case from a damaged cache is checked to hold together.
        let at = case.text_source(i);
        if at != i
            && case
                .positions
                .get(at)
                .is_some_and(|q| !q.paragraphs.is_empty())
        {
            out.entry(at).or_default().push(i);
        }
    }
    out
}

/// What the filters of a query allow, decided once per case, position and body.
struct Allowed {
    /// No filters: everything.
    all: bool,
    cases: Vec<CaseAllowed>,
    /// Per record of the index.
    records: Vec<bool>,
}

struct CaseAllowed {
    positions: Vec<bool>,
    decisions: Vec<bool>,
    /// Sections and proposal (only when no filter asks for a party, stance or body).
    texts: bool,
}

impl Allowed {
    fn new(index: &Index, cases: &[Case], query: &Query) -> Allowed {
        if query.filters.is_empty() {
            return Allowed {
                all: true,
                cases: Vec::new(),
                records: Vec::new(),
            };
        }
        let typos = &index.typos;
        let matcher = index.matcher.as_ref();
        fn compile<'q>(words: &'q [Term], typos: &Typos) -> Vec<CompiledTerm<'q>> {
            words.iter().map(|t| CompiledTerm::new(t, typos)).collect()
        }
        // Compiled word lists of body: and case: filters.
        let bodies: Vec<Vec<Vec<CompiledTerm>>> = query
            .filters
            .iter()
            .filter_map(|f| match f {
                Filter::Body(alts) => Some(alts.iter().map(|a| compile(a, typos)).collect()),
                _ => None,
            })
            .collect();
        let case_words: Vec<Vec<(&CaseValue, Vec<CompiledTerm>)>> = query
            .filters
            .iter()
            .filter_map(|f| match f {
                Filter::Case(alts) => {
                    Some(alts.iter().map(|v| (v, compile(&v.words, typos))).collect())
                }
                _ => None,
            })
            .collect();
        let narrows = query.filters.iter().any(|f| !matches!(f, Filter::Case(_)));
        let mut body_cache: FastMap<(&str, &str), bool> = FastMap::default();
        let out = cases
            .iter()
            .map(|case| {
                let case_ok = case_words.iter().all(|alts| {
                    alts.iter()
                        .any(|(v, ws)| case_matches(case, v, ws, matcher))
                });
                if !case_ok {
                    return CaseAllowed {
                        positions: vec![false; case.positions.len()],
                        decisions: vec![false; case.bodies.len()],
                        texts: false,
                    };
                }
                let body_ok: Vec<bool> = case
                    .bodies
                    .iter()
                    .map(|b| {
                        *body_cache
                            .entry((b.id.as_str(), b.name.as_str()))
                            .or_insert_with(|| {
                                bodies.iter().all(|alts| {
                                    alts.iter()
                                        .any(|words| words_match(words, &[&b.name, &b.id], matcher))
                                })
                            })
                    })
                    .collect();
                let positions = case
                    .positions
                    .iter()
                    .map(|p| {
                        body_ok.get(p.body).copied().unwrap_or(false)
                            && query.filters.iter().all(|f| match f {
                                Filter::Party(alts) => party_matches(case, &p.parties, alts),
                                Filter::Stance(set) => set.contains(&p.stance),
                                Filter::Body(_) | Filter::Case(_) => true,
                            })
                    })
                    .collect();
                let decisions = (0..case.bodies.len())
                    .map(|b| {
                        body_ok[b]
                            && query.filters.iter().all(|f| match f {
                                Filter::Party(_) => false,
                                Filter::Stance(set) => model::Part::Decision(b)
                                    .stance(case)
                                    .is_some_and(|s| set.contains(&s)),
                                Filter::Body(_) | Filter::Case(_) => true,
                            })
                    })
                    .collect();
                CaseAllowed {
                    positions,
                    decisions,
                    texts: !narrows,
                }
            })
            .collect();
        let mut allowed = Allowed {
            all: false,
            cases: out,
            records: Vec::new(),
        };
        allowed.records = index
            .records
            .iter()
            .map(|&r| allowed.target(index, r).is_some())
            .collect();
        allowed
    }

    fn record(&self, r: usize) -> bool {
        self.all || self.records.get(r).copied().unwrap_or(false)
    }

    /// The target to name for a record, if the filters allow it: for a text shared by
    /// identical positions, the first of them (the owner first) that the filters allow.
    fn target(&self, index: &Index, record: Record) -> Option<TextRef> {
        if self.all {
            return Some(record.target);
        }
        let case = self.cases.get(record.case as usize)?;
        match record.target.part {
            model::Part::Position(position) => {
                let shared = index
                    .sharers
                    .get(record.case as usize)
                    .and_then(|m| m.get(&position));
                std::iter::once(position)
                    .chain(shared.into_iter().flatten().copied())
                    .find(|&p| case.positions.get(p).copied().unwrap_or(false))
                    .map(|position| {
                        TextRef::new(model::Part::Position(position), record.target.paragraph)
                    })
            }
            model::Part::Decision(body) => case
                .decisions
                .get(body)
                .copied()
                .unwrap_or(false)
                .then_some(record.target),
            model::Part::Section(_) | model::Part::Proposal => case.texts.then_some(record.target),
        }
    }
}

/// Whether every compiled word matches some word of one of `names`.
fn words_match(words: &[CompiledTerm], names: &[&str], matcher: &dyn WordMatcher) -> bool {
    words.iter().all(|ct| {
        names.iter().any(|name| {
            fold::words(name).any(|r| {
                let w = &name[r];
                ct.match_word(&fold::lower(w), &fold::folded(w), matcher)
                    .is_some()
            })
        })
    })
}

fn party_matches(case: &Case, parties: &[String], alts: &[String]) -> bool {
    alts.iter().any(|v| {
        parties.iter().any(|code| {
            fold::lower(code) == *v
                || (v.chars().count() >= 3
                    && case
                        .party(code)
                        .is_some_and(|p| fold::folded(&p.name).starts_with(&fold::folded(v))))
        })
    })
}

fn case_matches(
    case: &Case,
    value: &CaseValue,
    words: &[CompiledTerm],
    matcher: &dyn WordMatcher,
) -> bool {
    let compact = |s: &str| -> String { fold::folded(s).split_whitespace().collect() };
    !value.compact.is_empty()
        && (compact(&case.dnr).contains(&value.compact)
            || compact(&case.id).starts_with(&value.compact))
        || !words.is_empty() && words_match(words, &[&case.title], matcher)
}
