//! Similarity of positions and families of reused text (issues 5 and 12).
//!
//! Every position with text (by default the reservations and statements; see
//! [`Options::include_decisions`]) is normalised ([`normalise`]: case, punctuation, body and
//! district names, boilerplate; numbers are kept) into a sequence of word ids. Positions with
//! the same words share one *text*: identical copies cost nothing more than the first. Pairs
//! of texts are then:
//!
//! 1. **proposed**: every pair within one case (up to [`Options::exhaustive_limit`] texts per
//!    case), and across cases the pairs that locality-sensitive hashing over word shingles
//!    proposes, a bounded number per text ([`shingle::lsh_pairs`]);
//! 2. **ruled out** when their shared shingles prove that neither score can reach
//!    [`Options::partial`] (an exact bound, not an estimate);
//! 3. **aligned** exactly ([`align`], imara-diff): the score "A in B" is the share of A's
//!    words that lie in runs of at least [`Options::min_run`] words matched in B;
//! 4. **labelled** ([`Label`]) from the two scores.
//!
//! Not every proposed pair is aligned: each text is aligned with its nearest candidates
//! (at most [`Options::max_relations`]), families ([`Family`]) grow by union of the pairs that
//! join them (identical, near-identical, mostly incorporating), and a candidate whose two
//! texts are already in one family is not aligned again. Each family member is then scored
//! against the family's base. Time and memory grow linearly with the number of texts, even
//! when one text is filed thousands of times ([`build`] has the passes). Passage reuse
//! ([`Similarity::passages`]) traces each paragraph to the paragraphs elsewhere that contain
//! most of it; [`Similarity::elsewhere`] lists the other cases where a text or a paragraph
//! appears. See `docs/similar.md` for the rules in prose.

mod align;
mod build;
mod elsewhere;
mod families;
pub mod normalise;
mod pairs;
mod parallel;
mod shingle;

pub use elsewhere::{Appearance, Elsewhere, Place};

use crate::model::Case;
use align::Aligner;
use normalise::BOILERPLATE;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

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

    /// Order for "best first": identical 0, near-identical 1, incorporation 2, partial 3,
    /// unrelated 4.
    pub fn rank(self) -> u8 {
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
    /// Jaccard 0.54 (the least for two scores ≥ 0.7) shares a band with probability 0.996.
    pub lsh_bands: usize,
    pub lsh_rows: usize,
    /// In a bucket of texts sharing a band, each is paired with this many next ones (in a
    /// pseudo-random order per band), not with all. Default 2.
    pub lsh_window: usize,
    /// Relatives kept per position, nearest first: at most this many in its own family and at
    /// most this many outside it. Default 10. (Family members are always scored against the
    /// family's base, whatever this is.)
    pub max_relations: usize,
    /// A text whose attempts to join a family failed this many times is not tried again (the
    /// bound that keeps the union pass linear). Default 8.
    pub join_attempts: usize,
    /// Index paragraphs for [`Similarity::elsewhere`] ("this text elsewhere"). Default true;
    /// `remiss similar` turns it off.
    pub paragraph_index: bool,
    /// Threads for sketching and aligning; 0: the available cores, at most 4. Default 0. The
    /// result does not depend on it.
    pub threads: usize,
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
            lsh_window: 2,
            max_relations: 10,
            join_attempts: 8,
            paragraph_index: true,
            threads: 0,
        }
    }
}

impl Options {
    /// Whether a pair with these scores joins one family: near-identical, or one text
    /// incorporates the other and the smaller score is at least [`Options::family_min`].
    pub fn joins(&self, a_in_b: f32, b_in_a: f32) -> bool {
        match self.label(a_in_b, b_in_a) {
            Label::Identical | Label::NearIdentical => true,
            Label::Incorporates | Label::IncorporatedBy => a_in_b.min(b_in_a) >= self.family_min,
            Label::Partial | Label::Unrelated => false,
        }
    }

    /// Whether a word diff of a pair is worth reading: the two texts would join one family
    /// ([`Options::joins`]: near-identical, or one incorporates the other and is at least
    /// [`Options::family_min`] of it). Two texts that only share passages (`partial`, an 11 %
    /// overlap) give a diff that is nearly all change; the app diffs such a pair only when the
    /// user picks it in the list of similar texts.
    pub fn worth_diffing(&self, r: &Relation) -> bool {
        r.label == Label::Identical || self.joins(r.a_in_b, r.b_in_a)
    }

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
    /// The member the others vary from: the text closest to the family's consensus (see
    /// `docs/similar.md`, "Families and marks").
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
    /// Distinct texts among them (identical positions share one).
    pub distinct: usize,
    /// Pairs of distinct texts proposed (in-case and LSH).
    pub candidates: usize,
    /// Pairs aligned exactly (after the shingle bound).
    pub aligned: usize,
    /// Related pairs of distinct texts kept as relations.
    pub related: usize,
}

/// One compared position.
#[derive(Debug)]
struct Doc {
    pos: PosRef,
    /// Index into [`Similarity::texts`].
    text: u32,
    /// Word range of each paragraph of `Case::text_of`, in order, in the text's words.
    paragraphs: Vec<(u32, u32)>,
}

/// The normalised words shared by identical positions.
#[derive(Debug)]
struct Text {
    words: Vec<u32>,
    /// The docs with exactly these words, in case and position order.
    docs: Vec<u32>,
}

/// A stored relation between two distinct texts, seen from one of them.
#[derive(Debug, Clone, Copy)]
struct Rel {
    other: u32,
    label: Label,
    /// This text in the other.
    this_in_other: f32,
    /// The other in this.
    other_in_this: f32,
}

/// Similarity of the positions with text across the loaded cases. Build once
/// ([`Similarity::build`]); every query afterwards is cheap. `Send + Sync`, holds no
/// reference to the cases. Memory is linear in the number of positions: per position at most
/// `2 ×` [`Options::max_relations`] relatives are kept.
#[derive(Debug)]
pub struct Similarity {
    options: Options,
    docs: Vec<Doc>,
    texts: Vec<Text>,
    /// Per case, per position: the doc index.
    doc_of: Vec<Vec<Option<u32>>>,
    /// Per text: its kept relations, best first.
    relations: Vec<Vec<Rel>>,
    families: Vec<Family>,
    /// Per text: its family.
    family_of_text: Vec<Option<u32>>,
    /// Per family: the base's text.
    base_text: Vec<u32>,
    elsewhere: Option<elsewhere::Index>,
    stats: BuildStats,
}

impl Similarity {
    /// Compare every position with text in `cases`.
    pub fn build(cases: &[Case], options: &Options) -> Similarity {
        build::build(cases, options.clone())
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

    fn text_of(&self, pos: PosRef) -> Option<u32> {
        Some(self.docs[self.doc(pos)? as usize].text)
    }

    /// Whether `a` and `b` have the same words after normalising (both compared).
    pub fn identical(&self, a: PosRef, b: PosRef) -> bool {
        matches!((self.text_of(a), self.text_of(b)), (Some(x), Some(y)) if x == y)
    }

    /// Every family, in the order of their first members.
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// The family mark of a position, if it belongs to a family.
    pub fn family_of(&self, pos: PosRef) -> Option<FamilyMark> {
        let t = self.text_of(pos)?;
        let f = self.family_of_text[t as usize]?;
        Some(FamilyMark {
            family: f as usize,
            letter: self.families[f as usize].letter.clone(),
            variant: t != self.base_text[f as usize],
        })
    }

    /// Related positions (not unrelated), best first: identical, near-identical,
    /// incorporation, partial; within a label by the sum of the scores, then in case and
    /// position order. At most [`Options::max_relations`] in the position's family and as
    /// many outside it.
    pub fn relatives(&self, pos: PosRef) -> Vec<Relation> {
        let Some(d) = self.doc(pos) else {
            return Vec::new();
        };
        let cap = self.options.max_relations;
        let t = self.docs[d as usize].text;
        let family = self.family_of_text[t as usize];
        let (mut inside, mut outside) = (0, 0);
        let mut out = Vec::new();
        for &o in &self.texts[t as usize].docs {
            if o != d && inside < cap {
                inside += 1;
                out.push(Relation {
                    other: self.docs[o as usize].pos,
                    label: Label::Identical,
                    a_in_b: 1.0,
                    b_in_a: 1.0,
                });
            }
        }
        for r in &self.relations[t as usize] {
            let same = family.is_some() && self.family_of_text[r.other as usize] == family;
            let count = if same { &mut inside } else { &mut outside };
            for &o in &self.texts[r.other as usize].docs {
                if *count >= cap {
                    break;
                }
                *count += 1;
                out.push(Relation {
                    other: self.docs[o as usize].pos,
                    label: r.label,
                    a_in_b: r.this_in_other,
                    b_in_a: r.other_in_this,
                });
            }
        }
        out.sort_by(|x, y| {
            x.label
                .rank()
                .cmp(&y.label.rank())
                .then((y.a_in_b + y.b_in_a).total_cmp(&(x.a_in_b + x.b_in_a)))
                .then(x.other.cmp(&y.other))
        });
        out
    }

    /// The relative a word diff of `pos` is made against: the first of
    /// [`Similarity::relatives`] that is [worth diffing](Options::worth_diffing) and not an
    /// identical copy (a diff of a copy shows nothing), else the first identical one; `None`
    /// when there is none (no relative, or the closest only shares passages).
    pub fn diff_partner(&self, pos: PosRef) -> Option<Relation> {
        let worth: Vec<Relation> = self
            .relatives(pos)
            .into_iter()
            .filter(|r| self.options.worth_diffing(r))
            .collect();
        let differs = worth.iter().position(|r| r.label != Label::Identical);
        let pick = differs.unwrap_or(0);
        worth.into_iter().nth(pick)
    }

    /// The relation of `a` to `b`, as kept (`None`: unrelated, not compared, or not among
    /// `a`'s kept relatives; [`Similarity::compare`] scores any pair).
    pub fn relation(&self, a: PosRef, b: PosRef) -> Option<Relation> {
        if a != b && self.identical(a, b) {
            return Some(Relation {
                other: b,
                label: Label::Identical,
                a_in_b: 1.0,
                b_in_a: 1.0,
            });
        }
        let (ta, tb) = (self.text_of(a)?, self.text_of(b)?);
        self.relations[ta as usize]
            .iter()
            .find(|r| r.other == tb)
            .map(|r| Relation {
                other: b,
                label: r.label,
                a_in_b: r.this_in_other,
                b_in_a: r.other_in_this,
            })
    }

    /// Compare two positions now, exactly, whatever the build proposed or kept (for checking
    /// recall, and for pairs the app asks about). `None` when either has no text.
    pub fn compare(&self, a: PosRef, b: PosRef) -> Option<Relation> {
        let (ta, tb) = (self.text_of(a)?, self.text_of(b)?);
        if ta == tb {
            return Some(Relation {
                other: b,
                label: Label::Identical,
                a_in_b: 1.0,
                b_in_a: 1.0,
            });
        }
        let (x, y) = self.text_scores(&mut Aligner::default(), ta, tb);
        Some(Relation {
            other: b,
            label: self.options.label(x, y),
            a_in_b: x,
            b_in_a: y,
        })
    }

    /// Both directional scores of texts `i` and `j`, aligned with the lower index first so
    /// that a pair scores the same whichever way it is asked.
    fn text_scores(&self, aligner: &mut Aligner, i: u32, j: u32) -> (f32, f32) {
        pair_scores(aligner, &self.texts, i, j, self.options.min_run)
    }

    /// Passage reuse: for each paragraph of `pos` that (nearly) appears elsewhere, where.
    /// Paragraphs are looked for in the same case's texts and in the position's kept
    /// relatives. Paragraphs with no source are left out.
    pub fn passages(&self, pos: PosRef) -> Vec<ParagraphSources> {
        self.passages_where(pos, |_| true, &|d| Cow::Owned(self.paragraph_shingles(d)))
    }

    /// [`Similarity::passages`] with only the sources outside the position's family (what
    /// `remiss similar` prints: reuse the family does not already show).
    pub fn passages_outside_family(&self, pos: PosRef) -> Vec<ParagraphSources> {
        self.outside_family(pos, &|d| Cow::Owned(self.paragraph_shingles(d)))
    }

    /// [`Similarity::passages_outside_family`] of every compared position, in order, on all
    /// cores (each text's paragraphs are shingled once).
    pub fn all_passages_outside_family(&self) -> Vec<(PosRef, Vec<ParagraphSources>)> {
        let cache: Vec<OnceLock<Vec<Vec<u64>>>> =
            (0..self.texts.len()).map(|_| OnceLock::new()).collect();
        let shingled = |d: u32| -> Cow<'_, [Vec<u64>]> {
            let doc = &self.docs[d as usize];
            let first = self.texts[doc.text as usize].docs[0];
            if self.docs[first as usize].paragraphs == doc.paragraphs {
                Cow::Borrowed(
                    cache[doc.text as usize].get_or_init(|| self.paragraph_shingles(first)),
                )
            } else {
                Cow::Owned(self.paragraph_shingles(d))
            }
        };
        // Positions with the same text and paragraphs in one case (likalydande texts) have
        // the same sources outside their family: computed once, for the first of them.
        let mut leader_of: Vec<u32> = Vec::with_capacity(self.docs.len());
        let mut leaders: Vec<u32> = Vec::new();
        let mut seen: std::collections::HashMap<(u32, usize), Vec<u32>> = Default::default();
        for (d, doc) in self.docs.iter().enumerate() {
            let same = seen.entry((doc.text, doc.pos.case)).or_default();
            let lead = same
                .iter()
                .copied()
                .find(|&l| self.docs[l as usize].paragraphs == doc.paragraphs);
            leader_of.push(lead.unwrap_or_else(|| {
                same.push(d as u32);
                leaders.push(d as u32);
                d as u32
            }));
        }
        drop(seen);
        let threads = parallel::threads(self.options.threads);
        let found = parallel::map(
            &leaders,
            threads,
            || (),
            |_, &d| self.outside_family(self.docs[d as usize].pos, &shingled),
        );
        let mut by_leader: std::collections::HashMap<u32, Vec<ParagraphSources>> =
            leaders.into_iter().zip(found).collect();
        let mut out: Vec<(PosRef, Vec<ParagraphSources>)> = Vec::with_capacity(self.docs.len());
        // Followers come after their leader; the last of a group takes the result.
        let mut remaining: std::collections::HashMap<u32, usize> = Default::default();
        for &l in &leader_of {
            *remaining.entry(l).or_default() += 1;
        }
        for (doc, &l) in self.docs.iter().zip(&leader_of) {
            let left = remaining.get_mut(&l).map(|n| {
                *n -= 1;
                *n
            });
            let sources = if left == Some(0) {
                by_leader.remove(&l).unwrap_or_default()
            } else {
                by_leader.get(&l).cloned().unwrap_or_default()
            };
            out.push((doc.pos, sources));
        }
        out
    }

    fn outside_family<'a>(
        &'a self,
        pos: PosRef,
        shingled: &dyn Fn(u32) -> Cow<'a, [Vec<u64>]>,
    ) -> Vec<ParagraphSources> {
        let family = self.family_of(pos).map(|m| m.family);
        self.passages_where(
            pos,
            |other| family.is_none() || self.family_of(other).map(|m| m.family) != family,
            shingled,
        )
    }

    /// The shingles of each paragraph of doc `d`.
    fn paragraph_shingles(&self, d: u32) -> Vec<Vec<u64>> {
        let doc = &self.docs[d as usize];
        let k = self.options.min_run.max(1);
        (0..doc.paragraphs.len())
            .map(|p| shingle::shingles(self.paragraph(doc, p), k))
            .collect()
    }

    fn passages_where<'a>(
        &'a self,
        pos: PosRef,
        keep: impl Fn(PosRef) -> bool,
        shingled: &dyn Fn(u32) -> Cow<'a, [Vec<u64>]>,
    ) -> Vec<ParagraphSources> {
        let Some(d) = self.doc(pos) else {
            return Vec::new();
        };
        let doc = &self.docs[d as usize];
        let k = self.options.min_run.max(1);
        let mut others: Vec<u32> = self
            .relatives(pos)
            .iter()
            .filter_map(|r| self.doc(r.other))
            .collect();
        if let Some(row) = self.doc_of.get(pos.case) {
            let same_case: Vec<u32> = row.iter().flatten().copied().collect();
            if same_case.len() <= self.options.exhaustive_limit {
                others.extend(same_case);
            }
        }
        others.sort_unstable();
        others.dedup();
        others.retain(|&o| o != d && keep(self.docs[o as usize].pos));
        if others.is_empty() {
            return Vec::new();
        }
        let theirs: Vec<(u32, Cow<'a, [Vec<u64>]>)> =
            others.iter().map(|&o| (o, shingled(o))).collect();
        let mine = shingled(d);
        let mut aligner = Aligner::default();
        let mut out = Vec::new();
        for p in 0..doc.paragraphs.len() {
            let words = self.paragraph(doc, p);
            if words.is_empty() {
                continue;
            }
            let mut sources = Vec::new();
            for (o, their_shingles) in &theirs {
                let od = &self.docs[*o as usize];
                for (q, their) in their_shingles.iter().enumerate() {
                    let other_words = self.paragraph(od, q);
                    if other_words.is_empty() {
                        continue;
                    }
                    let score = if words == other_words {
                        1.0
                    } else {
                        let s = shingle::shared(&mine[p], their);
                        // Matched words ≤ k × shared when both paragraphs have k words or more.
                        let bounded = words.len() >= k && other_words.len() >= k;
                        if bounded && ((k * s) as f32) < self.options.passage * words.len() as f32 {
                            continue;
                        }
                        aligner.matched(words, other_words, k) as f32 / words.len() as f32
                    };
                    if score >= self.options.passage {
                        sources.push((od.pos, q, score));
                    }
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

    /// Every kept relation once, as `(a, relation to b)` with `a` before `b`, sorted by `a`
    /// then `b`: the union of every position's [`Similarity::relatives`].
    pub fn kept_pairs(&self) -> Vec<(PosRef, Relation)> {
        let mut out: Vec<(PosRef, Relation)> = Vec::new();
        for a in self.positions() {
            for r in self.relatives(a) {
                if a < r.other {
                    out.push((a, r));
                } else {
                    out.push((
                        r.other,
                        Relation {
                            other: a,
                            label: r.label.flip(),
                            a_in_b: r.b_in_a,
                            b_in_a: r.a_in_b,
                        },
                    ));
                }
            }
        }
        out.sort_by_key(|x| (x.0, x.1.other));
        out.dedup_by(|x, y| (x.0, x.1.other) == (y.0, y.1.other));
        out
    }

    /// The words of paragraph `i` of `doc`.
    fn paragraph<'a>(&'a self, doc: &Doc, i: usize) -> &'a [u32] {
        let (s, e) = doc.paragraphs[i];
        &self.texts[doc.text as usize].words[s as usize..e as usize]
    }

    /// "This text elsewhere": every case where the text of `pos` (or, with `paragraph`, that
    /// paragraph of it) appears, identical or as a variant, in date order with the first
    /// appearance marked. See [`Elsewhere`]. Needs the paragraph index for a paragraph
    /// ([`Options::paragraph_index`]); without it, or for a position that was not compared,
    /// the answer lists nothing.
    pub fn elsewhere(&self, cases: &[Case], pos: PosRef, paragraph: Option<usize>) -> Elsewhere {
        elsewhere::query(self, cases, pos, paragraph)
    }

    /// Every related pair of distinct positions the candidate generation can propose, with
    /// exact scores, handed to `emit` one at a time and never held (`remiss similar
    /// --all-pairs`): all pairs within a case, within a family, and of texts sharing an LSH
    /// band (no bucket bound). Time grows with the square of a family's size; memory does not.
    /// Each pair once, `a` before `b` in case and position order. `emit` returns
    /// `ControlFlow::Break` to stop early (a closed pipe).
    pub fn for_each_pair(&self, emit: impl FnMut(PosRef, Relation) -> std::ops::ControlFlow<()>) {
        pairs::for_each(self, emit);
    }
}

/// Both directional scores of texts `i` and `j`.
fn pair_scores(
    aligner: &mut Aligner,
    texts: &[Text],
    i: u32,
    j: u32,
    min_run: usize,
) -> (f32, f32) {
    let (lo, hi) = (i.min(j) as usize, i.max(j) as usize);
    let (x, y) = scores(aligner, &texts[lo].words, &texts[hi].words, min_run);
    if i <= j { (x, y) } else { (y, x) }
}

/// Both directional scores of two word sequences.
fn scores(aligner: &mut Aligner, a: &[u32], b: &[u32], min_run: usize) -> (f32, f32) {
    let m = aligner.matched(a, b, min_run) as f32;
    let share = |n: usize| if n == 0 { 0.0 } else { m / n as f32 };
    (share(a.len()), share(b.len()))
}

#[cfg(test)]
mod tests;
