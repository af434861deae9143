//! Building a [`Similarity`] in time and memory linear in the number of texts (issue 12).
//!
//! The passes:
//!
//! 1. **Texts.** Every compared position is normalised; positions with the same words share
//!    one text, so a text filed a thousand times is sketched and aligned once.
//! 2. **Sketches.** Each text's word 3-shingles (sorted hashes, for the exact bound) and its
//!    MinHash signature (for LSH and for estimating how close two texts are).
//! 3. **Candidates.** Every pair of texts within a case (cases up to
//!    [`Options::exhaustive_limit`] texts), and the pairs LSH proposes, at most
//!    `2 ×` [`Options::lsh_window`] per text and band.
//! 4. **Nearest.** The pairs within a case, and each text with its
//!    [`Options::max_relations`] nearest candidates (by signature agreement), are aligned.
//!    Pairs that join a family are united (union-find).
//! 5. **Union.** The remaining candidates close enough to join a family, best first, are
//!    aligned only while their texts are still in different families; a text that failed to
//!    join [`Options::join_attempts`] times is not tried again.
//! 6. **Outside.** Each text is aligned with up to [`Options::max_relations`] more candidates
//!    outside its family, so that relations to other families are known too.
//! 7. **Families.** Each group of at least two positions gets a base (the text closest to the
//!    group's consensus signature) and every member is scored against it exactly.
//! 8. **Relations.** Per text, the best [`Options::max_relations`] relations in its family
//!    and outside it are kept; everything else is dropped.
//!
//! Aligned pairs are at most about `texts × (2 × max_relations + join_attempts + 1)` plus
//! the pairs within cases, whatever the shape of the reuse.

use super::align::Aligner;
use super::families::{self, Sets};
use super::normalise::{Interner, Normaliser};
use super::{
    BuildStats, Doc, Label, Options, PosRef, Rel, Similarity, Text, elsewhere, parallel, scores,
    shingle,
};
use crate::model::Case;
use std::collections::{HashMap, HashSet};

/// Candidates aligned per round of a union pass (aligned in parallel, then united).
const ROUND: usize = 256;
/// A candidate can join a family only when its signatures agree on at least this share of
/// bins. Near-identical texts (both scores ≥ 0.7) have a shingle Jaccard of about 0.54 or
/// more, a text incorporating another with the smaller score ≥ 0.5 about 0.35; the estimate's
/// standard error with 96 bins is about 0.05.
const JOIN_AGREEMENT: f32 = 0.25;

/// Exact scores of aligned pairs of texts, keyed `(lo, hi)`: `Some((lo in hi, hi in lo))`,
/// or `None` when the shingle bound proved both below [`Options::partial`].
pub(super) type Book = HashMap<(u32, u32), Option<(f32, f32)>>;

/// Word sequences with their sketches: sorted shingle hashes and MinHash signatures
/// (`bins` values each, concatenated).
pub(super) struct Sketched<'a> {
    pub words: Vec<&'a [u32]>,
    pub shingles: Vec<Vec<u64>>,
    pub signatures: Vec<u64>,
    pub bins: usize,
}

impl<'a> Sketched<'a> {
    pub fn new(words: Vec<&'a [u32]>, k: usize, bins: usize, threads: usize) -> Sketched<'a> {
        let sketches: Vec<(Vec<u64>, Vec<u64>)> = parallel::map(
            &words,
            threads,
            || (),
            |_, w| {
                let sh = shingle::shingles(w, k);
                let sig = shingle::signature(&sh, bins);
                (sh, sig)
            },
        );
        let mut shingles = Vec::with_capacity(words.len());
        let mut signatures = Vec::with_capacity(words.len() * bins);
        for (sh, sig) in sketches {
            shingles.push(sh);
            signatures.extend(sig);
        }
        Sketched {
            words,
            shingles,
            signatures,
            bins,
        }
    }

    pub fn signature(&self, t: u32) -> &[u64] {
        &self.signatures[t as usize * self.bins..(t as usize + 1) * self.bins]
    }

    pub fn agreement(&self, i: u32, j: u32) -> u32 {
        shingle::agreement(self.signature(i), self.signature(j))
    }

    /// Align `pairs` in parallel: `Some((i in j, j in i))`, or `None` when the shingle bound
    /// proves both scores below `partial` (with `partial` 0 every pair is aligned).
    pub fn score(
        &self,
        pairs: &[(u32, u32)],
        min_run: usize,
        partial: f32,
        threads: usize,
    ) -> Vec<Option<(f32, f32)>> {
        let k = min_run.max(1);
        parallel::map(pairs, threads, Aligner::default, |al, &(i, j)| {
            let (a, b) = (self.words[i as usize], self.words[j as usize]);
            let s = shingle::shared(&self.shingles[i as usize], &self.shingles[j as usize]);
            if partial > 0.0 && !shingle::may_reach(s, a.len(), b.len(), k, partial) {
                return None;
            }
            Some(scores(al, a, b, min_run))
        })
    }
}

/// The union pass: `order` holds candidate pairs `(agreement, i, j)`, best first. A pair is
/// aligned (by `score`, a round of up to [`ROUND`] pairs at a time, which returns whether
/// each pair joins) only while its two sets are apart, neither side has failed `attempts`
/// times, and `skip` does not rule it out. Joining pairs are united in `sets`.
pub(super) fn union_pass(
    order: &[(u32, u32, u32)],
    sets: &mut Sets,
    attempts: usize,
    skip: impl Fn(u32, u32) -> bool,
    mut score: impl FnMut(&[(u32, u32)], &mut Sets) -> Vec<bool>,
) {
    let mut fails: HashMap<u32, usize> = HashMap::new();
    let failed =
        |fails: &HashMap<u32, usize>, t: u32| fails.get(&t).copied().unwrap_or(0) >= attempts;
    let mut next = 0;
    while next < order.len() {
        let mut round = Vec::with_capacity(ROUND);
        let mut joining: HashSet<(u32, u32)> = HashSet::new();
        while next < order.len() && round.len() < ROUND {
            let (_, i, j) = order[next];
            next += 1;
            let (ri, rj) = (sets.find(i), sets.find(j));
            if ri == rj
                || failed(&fails, i)
                || failed(&fails, j)
                || skip(i, j)
                || !joining.insert((ri.min(rj), ri.max(rj)))
            {
                continue;
            }
            round.push((i, j));
        }
        let joined = score(&round, sets);
        for (&(i, j), ok) in round.iter().zip(joined) {
            if !ok {
                *fails.entry(i).or_default() += 1;
                *fails.entry(j).or_default() += 1;
            }
        }
    }
}

/// Candidate pairs `(agreement, i, j)` at or above `floor` agreement, best first.
pub(super) fn by_agreement(
    pairs: &[(u32, u32)],
    agreement: &[u32],
    floor: u32,
) -> Vec<(u32, u32, u32)> {
    let mut order: Vec<(u32, u32, u32)> = pairs
        .iter()
        .zip(agreement)
        .filter(|&(_, &a)| a >= floor)
        .map(|(&(i, j), &a)| (a, i, j))
        .collect();
    order.sort_unstable_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    order
}

/// Record aligned `pairs` in `book`, unite those that join a family; whether each joined.
fn record(
    pairs: &[(u32, u32)],
    results: Vec<Option<(f32, f32)>>,
    options: &Options,
    book: &mut Book,
    sets: &mut Sets,
    stats: &mut BuildStats,
) -> Vec<bool> {
    let mut joined = Vec::with_capacity(pairs.len());
    for (&(i, j), r) in pairs.iter().zip(results) {
        stats.aligned += usize::from(r.is_some());
        let joins = r.is_some_and(|(x, y)| options.joins(x, y));
        if joins {
            sets.union(i, j);
        }
        joined.push(joins);
        book.insert((i, j), r);
    }
    joined
}

pub(super) fn build(cases: &[Case], options: Options) -> Similarity {
    let threads = parallel::threads(options.threads);
    let (docs, texts, doc_of) = normalise_all(cases, &options);
    let n = texts.len();
    let k = options.min_run.max(1);
    let (bands, rows) = (options.lsh_bands.max(1), options.lsh_rows.max(1));
    let bins = bands * rows;
    let cap = options.max_relations;
    let (min_run, partial) = (options.min_run, options.partial);

    // 2. Sketches.
    let sk = Sketched::new(
        texts.iter().map(|t| t.words.as_slice()).collect(),
        k,
        bins,
        threads,
    );

    // 3. Candidates: within cases, and LSH's, each with its signature agreement.
    let in_case = in_case_pairs(&docs, &doc_of, options.exhaustive_limit);
    let lsh = shingle::lsh_pairs(&sk.signatures, bands, rows, options.lsh_window);
    let mut candidates: Vec<(u32, u32)> = in_case.iter().chain(&lsh).copied().collect();
    drop(lsh);
    candidates.sort_unstable();
    candidates.dedup();
    let mut stats = BuildStats {
        texts: docs.len(),
        distinct: n,
        candidates: candidates.len(),
        ..BuildStats::default()
    };
    let agreement: Vec<u32> = candidates
        .iter()
        .map(|&(i, j)| sk.agreement(i, j))
        .collect();
    // Per text, its candidates nearest first (most agreement, then lowest index).
    let mut near: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    for (&(i, j), &a) in candidates.iter().zip(&agreement) {
        near[i as usize].push((a, j));
        near[j as usize].push((a, i));
    }
    for list in &mut near {
        list.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    }

    let mut book = Book::new();
    let mut sets = Sets::new(n);

    // 4. Nearest: the pairs within cases and each text's nearest candidates.
    let mut first: Vec<(u32, u32)> = in_case;
    for (t, list) in near.iter().enumerate() {
        let t = t as u32;
        first.extend(list.iter().take(cap).map(|&(_, o)| (t.min(o), t.max(o))));
    }
    first.sort_unstable();
    first.dedup();
    let results = sk.score(&first, min_run, partial, threads);
    record(&first, results, &options, &mut book, &mut sets, &mut stats);
    drop(first);

    // 5. Union: close candidates, best first, while their texts are apart.
    let floor = (JOIN_AGREEMENT * bins as f32).ceil() as u32;
    let order = by_agreement(&candidates, &agreement, floor);
    drop(candidates);
    drop(agreement);
    {
        let book = &mut book;
        let stats = &mut stats;
        let taken: HashSet<(u32, u32)> = book.keys().copied().collect();
        union_pass(
            &order,
            &mut sets,
            options.join_attempts,
            |i, j| taken.contains(&(i, j)),
            |round, sets| {
                let results = sk.score(round, min_run, partial, threads);
                record(round, results, &options, book, sets, stats)
            },
        );
    }
    drop(order);

    // 6. Outside: each text's nearest candidates in other families.
    let mut outside = Vec::new();
    for (t, list) in near.iter().enumerate() {
        let t = t as u32;
        let own = sets.find(t);
        let mut taken = 0;
        for &(_, o) in list {
            if taken >= cap {
                break;
            }
            let key = (t.min(o), t.max(o));
            if sets.find(o) != own && !book.contains_key(&key) {
                outside.push(key);
                taken += 1;
            }
        }
    }
    drop(near);
    outside.sort_unstable();
    outside.dedup();
    let results = sk.score(&outside, min_run, partial, threads);
    record(
        &outside, results, &options, &mut book, &mut sets, &mut stats,
    );
    drop(outside);

    // 7. Families, their bases, and every member against its base (exactly).
    let groups = families::groups(&docs, &texts, &mut sets);
    let bases: Vec<u32> = groups
        .iter()
        .map(|g| families::base(g, &texts, &sk.signatures, bins))
        .collect();
    let mut to_base: Vec<(u32, u32)> = Vec::new();
    for (g, &base) in groups.iter().zip(&bases) {
        for &t in g {
            let key = (t.min(base), t.max(base));
            if t != base && !matches!(book.get(&key), Some(Some(_))) {
                to_base.push(key);
            }
        }
    }
    to_base.sort_unstable();
    to_base.dedup();
    let results = sk.score(&to_base, min_run, 0.0, threads);
    record(
        &to_base, results, &options, &mut book, &mut sets, &mut stats,
    );
    drop(to_base);
    drop(sk);
    let built = families::assemble(&groups, &bases, &docs, &texts, &book, &options);

    // 8. Relations: the best few per text, in its family and outside it.
    let mut relations: Vec<Vec<Rel>> = vec![Vec::new(); n];
    for (&(i, j), r) in &book {
        let Some((x, y)) = *r else { continue };
        let label = options.label(x, y);
        if label == Label::Unrelated {
            continue;
        }
        relations[i as usize].push(Rel {
            other: j,
            label,
            this_in_other: x,
            other_in_this: y,
        });
        relations[j as usize].push(Rel {
            other: i,
            label: label.flip(),
            this_in_other: y,
            other_in_this: x,
        });
    }
    drop(book);
    let first_pos = |t: u32| docs[texts[t as usize].docs[0] as usize].pos;
    let mut kept = HashSet::new();
    for (t, list) in relations.iter_mut().enumerate() {
        list.sort_by(|a, b| {
            a.label
                .rank()
                .cmp(&b.label.rank())
                .then(
                    (b.this_in_other + b.other_in_this)
                        .total_cmp(&(a.this_in_other + a.other_in_this)),
                )
                .then(first_pos(a.other).cmp(&first_pos(b.other)))
        });
        let family = built.family_of_text[t];
        let (mut inside, mut outside) = (0, 0);
        list.retain(|r| {
            let same = family.is_some() && built.family_of_text[r.other as usize] == family;
            let count = if same { &mut inside } else { &mut outside };
            *count += 1;
            *count <= cap
        });
        list.shrink_to_fit();
        for r in list.iter() {
            kept.insert((r.other.min(t as u32), r.other.max(t as u32)));
        }
    }
    stats.related = kept.len();

    let mut sim = Similarity {
        options,
        docs,
        texts,
        doc_of,
        relations,
        families: built.families,
        family_of_text: built.family_of_text,
        base_text: bases,
        elsewhere: None,
        stats,
    };
    if sim.options.paragraph_index {
        sim.elsewhere = Some(elsewhere::Index::build(&sim, threads));
    }
    sim
}

/// The compared texts of every case (identical word sequences shared), and the map from
/// positions to docs.
fn normalise_all(
    cases: &[Case],
    options: &Options,
) -> (Vec<Doc>, Vec<Text>, Vec<Vec<Option<u32>>>) {
    let mut interner = Interner::default();
    let mut docs = Vec::new();
    let mut texts: Vec<Text> = Vec::new();
    let mut by_hash: HashMap<u64, Vec<u32>> = HashMap::new();
    let mut doc_of = Vec::with_capacity(cases.len());
    let mut words = Vec::new();
    for (ci, case) in cases.iter().enumerate() {
        let normaliser = Normaliser::for_case(case, &options.boilerplate, &mut interner);
        let mut row = vec![None; case.positions.len()];
        for (pi, position) in case.positions.iter().enumerate() {
            if !options.include_decisions && !position.stance.needs_text() {
                continue;
            }
            let paragraphs_in = case.text_of(pi);
            words.clear();
            let mut paragraphs = Vec::with_capacity(paragraphs_in.len());
            for p in paragraphs_in {
                let start = words.len() as u32;
                normaliser.normalise(p, &mut interner, &mut words);
                paragraphs.push((start, words.len() as u32));
            }
            if words.is_empty() {
                continue;
            }
            let d = docs.len() as u32;
            let hash = words
                .iter()
                .fold(0x5EED_u64, |h, &w| shingle::mix(h ^ u64::from(w)));
            let same = by_hash.entry(hash).or_default();
            let text = match same.iter().find(|&&t| texts[t as usize].words == words) {
                Some(&t) => t,
                None => {
                    let t = texts.len() as u32;
                    texts.push(Text {
                        words: words.clone(),
                        docs: Vec::new(),
                    });
                    same.push(t);
                    t
                }
            };
            texts[text as usize].docs.push(d);
            row[pi] = Some(d);
            docs.push(Doc {
                pos: PosRef {
                    case: ci,
                    position: pi,
                },
                text,
                paragraphs,
            });
        }
        doc_of.push(row);
    }
    (docs, texts, doc_of)
}

/// Every pair of distinct texts within a case of at most `limit` texts. Sorted, no repeats.
fn in_case_pairs(docs: &[Doc], doc_of: &[Vec<Option<u32>>], limit: usize) -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    let mut texts = Vec::new();
    for row in doc_of {
        texts.clear();
        texts.extend(row.iter().flatten().map(|&d| docs[d as usize].text));
        if texts.len() > limit {
            continue;
        }
        texts.sort_unstable();
        texts.dedup();
        for (x, &i) in texts.iter().enumerate() {
            for &j in &texts[x + 1..] {
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
