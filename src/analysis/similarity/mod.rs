//! Similarity of positions and families of reused text (issue 5).
//!
//! Every position with text (by default the reservations and statements; see
//! [`Options::include_decisions`]) is normalised ([`normalise`]: case, punctuation, numbers,
//! body and district names, boilerplate) into a sequence of word ids. Pairs are then:
//!
//! 1. **proposed**: every pair within one case (up to [`Options::exhaustive_limit`] texts per
//!    case), every pair of exactly equal texts, and across cases the pairs that
//!    locality-sensitive hashing over word shingles proposes ([`shingle`]);
//! 2. **ruled out** when their shared shingles prove that neither score can reach
//!    [`Options::partial`] (an exact bound, not an estimate);
//! 3. **aligned** exactly ([`align`], imara-diff): the score "A in B" is the share of A's
//!    words that lie in runs of at least [`Options::min_run`] words matched in B;
//! 4. **labelled** ([`Label`]) from the two scores.
//!
//! Families ([`Family`]) are the connected groups of identical, near-identical and
//! mostly-incorporating pairs, each with a base text (its most central member). Passage reuse
//! ([`Similarity::passages`]) traces each paragraph to the paragraphs elsewhere that contain
//! most of it. See `docs/similar.md` for the rules in prose.

mod align;
mod families;
pub mod normalise;
mod shingle;

use crate::model::Case;
use align::Aligner;
use normalise::{BOILERPLATE, Interner, Normaliser};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

/// A position among all loaded cases: indices into the `&[Case]` slice and
/// [`Case::positions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PosRef {
    pub case: usize,
    pub position: usize,
}

/// How two texts relate, from the point of view of the first ("A").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// The same words after normalising.
    Identical,
    /// Both scores at least [`Options::threshold`].
    NearIdentical,
    /// A contains most of B (B in A ≥ threshold), not the other way round.
    Incorporates,
    /// Most of A is in B (A in B ≥ threshold), not the other way round.
    IncorporatedBy,
    /// They share passages (a score at least [`Options::partial`]).
    Partial,
    Unrelated,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Identical => "identical",
            Label::NearIdentical => "near_identical",
            Label::Incorporates => "incorporates",
            Label::IncorporatedBy => "incorporated_by",
            Label::Partial => "partial",
            Label::Unrelated => "unrelated",
        }
    }

    /// The same relation seen from B.
    pub fn flip(self) -> Label {
        match self {
            Label::Incorporates => Label::IncorporatedBy,
            Label::IncorporatedBy => Label::Incorporates,
            l => l,
        }
    }

    /// Order for "best first": identical, near-identical, incorporation, partial.
    fn rank(self) -> u8 {
        match self {
            Label::Identical => 0,
            Label::NearIdentical => 1,
            Label::Incorporates | Label::IncorporatedBy => 2,
            Label::Partial => 3,
            Label::Unrelated => 4,
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is compared and where the lines are drawn.
#[derive(Debug, Clone)]
pub struct Options {
    /// Both scores at least this: `near_identical`; one of them: `incorporates` /
    /// `incorporated_by`. Default 0.7.
    pub threshold: f32,
    /// A score at least this: `partial`; below it on both sides: `unrelated`. Default 0.1.
    pub partial: f32,
    /// A paragraph is traced to another when at least this share of its words lie in
    /// matched runs there. Default 0.5.
    pub passage: f32,
    /// A pair where one text incorporates the other joins a family when the smaller score is
    /// at least this (the larger text is at most about twice as long). Default 0.5.
    pub family_min: f32,
    /// Shortest run of matched words that counts, and the shingle length. Default 3.
    pub min_run: usize,
    /// Phrases that never count as reuse (normalised like the text). Default [`BOILERPLATE`].
    pub boilerplate: Vec<String>,
    /// Compare the bodies' decisions (the administrations' opinions) too. Default false: only
    /// reservations, special statements and substitutes' statements.
    pub include_decisions: bool,
    /// Cases with at most this many texts are compared all pairs; larger ones, and all pairs
    /// across cases, go through LSH. Default 400.
    pub exhaustive_limit: usize,
    /// LSH bands and rows per band (bins = bands × rows). Default 32 × 3: a pair with shingle
    /// Jaccard 0.54 (the least for two scores ≥ 0.7) is proposed with probability 0.996.
    pub lsh_bands: usize,
    pub lsh_rows: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            threshold: 0.7,
            partial: 0.1,
            passage: 0.5,
            family_min: 0.5,
            min_run: 3,
            boilerplate: BOILERPLATE.iter().map(|s| (*s).to_string()).collect(),
            include_decisions: false,
            exhaustive_limit: 400,
            lsh_bands: 32,
            lsh_rows: 3,
        }
    }
}

impl Options {
    /// The label of a pair from its two scores (not for identical texts).
    pub fn label(&self, a_in_b: f32, b_in_a: f32) -> Label {
        let t = self.threshold;
        match (a_in_b >= t, b_in_a >= t) {
            (true, true) => Label::NearIdentical,
            (false, true) => Label::Incorporates,
            (true, false) => Label::IncorporatedBy,
            _ if a_in_b.max(b_in_a) >= self.partial => Label::Partial,
            _ => Label::Unrelated,
        }
    }
}

/// A related position, seen from the position asked about ("A").
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Relation {
    pub other: PosRef,
    pub label: Label,
    /// Share of A's words found in `other`.
    pub a_in_b: f32,
    /// Share of `other`'s words found in A.
    pub b_in_a: f32,
}

/// A family of reused text.
#[derive(Debug, Clone, Serialize)]
pub struct Family {
    /// `A`, `B`, …, `Z`, `AA`, … in the order of the families' first members.
    pub letter: String,
    /// The most central member: the one whose texts share the most with the others.
    pub base: PosRef,
    /// Every member, the base included, in case and position order.
    pub members: Vec<FamilyMember>,
}

/// A member of a family, compared with the family's base.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FamilyMember {
    pub position: PosRef,
    /// The member's relation to the base (`identical` for the base itself).
    pub label: Label,
    /// Share of the member's words found in the base.
    pub in_base: f32,
    /// Share of the base's words found in the member.
    pub base_in: f32,
}

impl FamilyMember {
    /// A variant, marked `A′`: not identical to the base.
    pub fn is_variant(&self) -> bool {
        self.label != Label::Identical
    }
}

/// The short mark of a position's family for matrix cells: `A` for the base and every text
/// identical to it, `A′` for the other members (variants).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FamilyMark {
    /// Index into [`Similarity::families`].
    pub family: usize,
    pub letter: String,
    pub variant: bool,
}

impl fmt::Display for FamilyMark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.letter)?;
        if self.variant {
            f.write_str("′")?;
        }
        Ok(())
    }
}

/// Where one paragraph of a position (nearly) appears elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphSources {
    /// Index into the position's paragraphs (as [`Case::text_of`] gives them).
    pub paragraph: usize,
    /// The other position, its paragraph, and the share of this paragraph's words found
    /// there; best first.
    pub sources: Vec<(PosRef, usize, f32)>,
}

/// Counts from a build, for benchmarks and reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BuildStats {
    /// Positions compared (with text after normalising).
    pub texts: usize,
    /// Pairs proposed (in-case, equal texts, LSH).
    pub candidates: usize,
    /// Pairs aligned exactly (after the shingle bound).
    pub aligned: usize,
    /// Related pairs kept (not unrelated).
    pub related: usize,
}

/// One compared text.
#[derive(Debug)]
struct Doc {
    pos: PosRef,
    /// Normalised word ids of all paragraphs, concatenated.
    words: Vec<u32>,
    /// Word range of each paragraph of `Case::text_of`, in order.
    paragraphs: Vec<(u32, u32)>,
}

impl Doc {
    fn paragraph(&self, i: usize) -> &[u32] {
        let (s, e) = self.paragraphs[i];
        &self.words[s as usize..e as usize]
    }
}

/// Similarity of every pair of positions with text across the loaded cases. Build once
/// ([`Similarity::build`]); every query afterwards is cheap. `Send + Sync`, holds no
/// reference to the cases.
#[derive(Debug)]
pub struct Similarity {
    options: Options,
    docs: Vec<Doc>,
    /// Per case, per position: the doc index.
    doc_of: Vec<Vec<Option<u32>>>,
    /// Per doc: (other doc, label seen from this doc, this in other, other in this).
    relations: Vec<Vec<(u32, Label, f32, f32)>>,
    families: Vec<Family>,
    /// Per doc: (family index, variant).
    family_of: Vec<Option<(u32, bool)>>,
    stats: BuildStats,
}

impl Similarity {
    /// Compare every position with text in `cases`.
    pub fn build(cases: &[Case], options: &Options) -> Similarity {
        let options = options.clone();
        let (docs, doc_of) = normalise_all(cases, &options);
        let k = options.min_run.max(1);
        let shingles: Vec<Vec<u64>> = docs
            .iter()
            .map(|d| shingle::shingles(&d.words, k))
            .collect();
        let candidates = candidate_pairs(&docs, &shingles, &options);

        let mut relations: Vec<Vec<(u32, Label, f32, f32)>> = vec![Vec::new(); docs.len()];
        let mut aligner = Aligner::default();
        let mut stats = BuildStats {
            texts: docs.len(),
            candidates: candidates.len(),
            ..BuildStats::default()
        };
        for &(i, j) in &candidates {
            let (a, b) = (&docs[i as usize], &docs[j as usize]);
            let label_scores = if a.words == b.words {
                Some((Label::Identical, 1.0, 1.0))
            } else {
                let s = shingle::shared(&shingles[i as usize], &shingles[j as usize]);
                if shingle::may_reach(s, a.words.len(), b.words.len(), k, options.partial) {
                    stats.aligned += 1;
                    let (x, y) = scores(&mut aligner, &a.words, &b.words, k);
                    Some((options.label(x, y), x, y))
                } else {
                    None
                }
            };
            if let Some((label, x, y)) = label_scores
                && label != Label::Unrelated
            {
                relations[i as usize].push((j, label, x, y));
                relations[j as usize].push((i, label.flip(), y, x));
                stats.related += 1;
            }
        }
        drop(shingles);
        for list in &mut relations {
            list.sort_by(|x, y| {
                x.1.rank()
                    .cmp(&y.1.rank())
                    .then((y.2 + y.3).total_cmp(&(x.2 + x.3)))
                    .then(docs[x.0 as usize].pos.cmp(&docs[y.0 as usize].pos))
            });
        }
        let mut sim = Similarity {
            options,
            docs,
            doc_of,
            relations,
            families: Vec::new(),
            family_of: Vec::new(),
            stats,
        };
        families::build(&mut sim, &mut aligner);
        sim
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn stats(&self) -> BuildStats {
        self.stats
    }

    /// Every compared position, in case and position order.
    pub fn positions(&self) -> impl Iterator<Item = PosRef> + '_ {
        self.docs.iter().map(|d| d.pos)
    }

    /// Whether `pos` was compared (it has text after normalising).
    pub fn contains(&self, pos: PosRef) -> bool {
        self.doc(pos).is_some()
    }

    fn doc(&self, pos: PosRef) -> Option<u32> {
        self.doc_of
            .get(pos.case)?
            .get(pos.position)
            .copied()
            .flatten()
    }

    /// Every family, in the order of their first members.
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// The family mark of a position, if it belongs to a family.
    pub fn family_of(&self, pos: PosRef) -> Option<FamilyMark> {
        let (f, variant) = self
            .family_of
            .get(self.doc(pos)? as usize)
            .copied()
            .flatten()?;
        Some(FamilyMark {
            family: f as usize,
            letter: self.families[f as usize].letter.clone(),
            variant,
        })
    }

    /// Every related position (not unrelated), best first: identical, near-identical,
    /// incorporation, partial; within a label by the sum of the scores.
    pub fn relatives(&self, pos: PosRef) -> Vec<Relation> {
        let Some(d) = self.doc(pos) else {
            return Vec::new();
        };
        self.relations[d as usize]
            .iter()
            .map(|&(o, label, a_in_b, b_in_a)| Relation {
                other: self.docs[o as usize].pos,
                label,
                a_in_b,
                b_in_a,
            })
            .collect()
    }

    /// The relation of `a` to `b`, as stored (`None`: unrelated, or not compared).
    pub fn relation(&self, a: PosRef, b: PosRef) -> Option<Relation> {
        self.relatives(a).into_iter().find(|r| r.other == b)
    }

    /// Compare two positions now, exactly, whatever the candidate generation proposed (for
    /// checking recall; also works for pairs the build ruled out). `None` when either has no
    /// text.
    pub fn compare(&self, a: PosRef, b: PosRef) -> Option<Relation> {
        let (da, db) = (self.doc(a)?, self.doc(b)?);
        if self.docs[da as usize].words == self.docs[db as usize].words {
            return Some(Relation {
                other: b,
                label: Label::Identical,
                a_in_b: 1.0,
                b_in_a: 1.0,
            });
        }
        let (x, y) = pair_scores(
            &mut Aligner::default(),
            &self.docs,
            da,
            db,
            self.options.min_run,
        );
        Some(Relation {
            other: b,
            label: self.options.label(x, y),
            a_in_b: x,
            b_in_a: y,
        })
    }

    /// Passage reuse: for each paragraph of `pos` that (nearly) appears elsewhere, where.
    /// Paragraphs are looked for in the same case's texts and in every related text.
    /// Paragraphs with no source are left out.
    pub fn passages(&self, pos: PosRef) -> Vec<ParagraphSources> {
        let Some(d) = self.doc(pos) else {
            return Vec::new();
        };
        let doc = &self.docs[d as usize];
        let k = self.options.min_run.max(1);
        let mut others: Vec<u32> = self.relations[d as usize].iter().map(|r| r.0).collect();
        if let Some(row) = self.doc_of.get(pos.case) {
            let same_case: Vec<u32> = row.iter().flatten().copied().collect();
            if same_case.len() <= self.options.exhaustive_limit {
                others.extend(same_case);
            }
        }
        others.sort_unstable();
        others.dedup();
        others.retain(|&o| o != d);
        // Shingles of every paragraph of the other texts, once.
        let other_paragraphs: Vec<(u32, usize, &[u32], Vec<u64>)> = others
            .iter()
            .flat_map(|&o| {
                let od = &self.docs[o as usize];
                (0..od.paragraphs.len()).map(move |q| (o, q, od.paragraph(q)))
            })
            .filter(|(_, _, w)| !w.is_empty())
            .map(|(o, q, w)| (o, q, w, shingle::shingles(w, k)))
            .collect();
        let mut aligner = Aligner::default();
        let mut out = Vec::new();
        for p in 0..doc.paragraphs.len() {
            let words = doc.paragraph(p);
            if words.is_empty() {
                continue;
            }
            let mine = shingle::shingles(words, k);
            let mut sources = Vec::new();
            for (o, q, theirs, their_shingles) in &other_paragraphs {
                let score = if words == *theirs {
                    1.0
                } else {
                    let s = shingle::shared(&mine, their_shingles);
                    // Matched words ≤ k × shared when both paragraphs have k words or more.
                    let bounded = words.len() >= k && theirs.len() >= k;
                    if bounded && ((k * s) as f32) < self.options.passage * words.len() as f32 {
                        continue;
                    }
                    aligner.matched(words, theirs, k) as f32 / words.len() as f32
                };
                if score >= self.options.passage {
                    sources.push((self.docs[*o as usize].pos, *q, score));
                }
            }
            if !sources.is_empty() {
                sources.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
                out.push(ParagraphSources {
                    paragraph: p,
                    sources,
                });
            }
        }
        out
    }
}

/// Both directional scores of docs `i` and `j`. The alignment is always computed with the
/// earlier doc first, so that a pair scores the same whichever way it is asked.
fn pair_scores(aligner: &mut Aligner, docs: &[Doc], i: u32, j: u32, min_run: usize) -> (f32, f32) {
    let (lo, hi) = (i.min(j) as usize, i.max(j) as usize);
    let (x, y) = scores(aligner, &docs[lo].words, &docs[hi].words, min_run);
    if i <= j { (x, y) } else { (y, x) }
}

/// Both directional scores of two word sequences.
fn scores(aligner: &mut Aligner, a: &[u32], b: &[u32], min_run: usize) -> (f32, f32) {
    let m = aligner.matched(a, b, min_run) as f32;
    let share = |n: usize| if n == 0 { 0.0 } else { m / n as f32 };
    (share(a.len()), share(b.len()))
}

/// The compared texts of every case, and the map from positions to them.
fn normalise_all(cases: &[Case], options: &Options) -> (Vec<Doc>, Vec<Vec<Option<u32>>>) {
    let mut interner = Interner::default();
    let mut docs = Vec::new();
    let mut doc_of = Vec::with_capacity(cases.len());
    for (ci, case) in cases.iter().enumerate() {
        let normaliser = Normaliser::for_case(case, &options.boilerplate, &mut interner);
        let mut row = vec![None; case.positions.len()];
        for (pi, position) in case.positions.iter().enumerate() {
            if !options.include_decisions && !position.stance.needs_text() {
                continue;
            }
            let text = case.text_of(pi);
            let mut words = Vec::new();
            let mut paragraphs = Vec::with_capacity(text.len());
            for p in text {
                let start = words.len() as u32;
                normaliser.normalise(p, &mut interner, &mut words);
                paragraphs.push((start, words.len() as u32));
            }
            if words.is_empty() {
                continue;
            }
            row[pi] = Some(docs.len() as u32);
            docs.push(Doc {
                pos: PosRef {
                    case: ci,
                    position: pi,
                },
                words,
                paragraphs,
            });
        }
        doc_of.push(row);
    }
    (docs, doc_of)
}

/// Pairs to score: all pairs within small cases, all pairs of equal texts, and LSH's pairs
/// for the rest. Sorted, no repeats.
fn candidate_pairs(docs: &[Doc], shingles: &[Vec<u64>], options: &Options) -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    // Within a case.
    let mut by_case: HashMap<usize, Vec<u32>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_case.entry(d.pos.case).or_default().push(i as u32);
    }
    let mut large = vec![false; docs.len()];
    for group in by_case.values() {
        if group.len() <= options.exhaustive_limit {
            for (x, &i) in group.iter().enumerate() {
                for &j in &group[x + 1..] {
                    pairs.push((i, j));
                }
            }
        } else {
            for &i in group {
                large[i as usize] = true;
            }
        }
    }
    // Equal texts anywhere.
    let mut by_text: HashMap<&[u32], Vec<u32>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_text.entry(&d.words).or_default().push(i as u32);
    }
    for group in by_text.values() {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                pairs.push((i, j));
            }
        }
    }
    // LSH across cases (and within large cases).
    let bands = options.lsh_bands.max(1);
    let rows = options.lsh_rows.max(1);
    let signatures: Vec<Vec<u64>> = shingles
        .iter()
        .map(|s| shingle::signature(s, bands * rows))
        .collect();
    pairs.extend(shingle::lsh_pairs(
        &signatures,
        bands,
        rows,
        1000,
        |i, j| {
            let (a, b) = (&docs[i as usize], &docs[j as usize]);
            a.pos.case != b.pos.case || large[i as usize]
        },
    ));
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests;
