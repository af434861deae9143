//! "This text elsewhere" (issue 12): for a position, or one paragraph of it, every case where
//! the same text appears, identical or as a variant, in date order, with its first
//! appearance marked.
//!
//! A position's text appears wherever a member of its family is (or, outside families, an
//! identical text). A paragraph's appearances come from a paragraph index built with the
//! similarity ([`Options::paragraph_index`](super::Options::paragraph_index)): paragraphs with
//! the same words share one entry, and near-identical paragraphs (both scores at least
//! [`Options::threshold`](super::Options::threshold)) are united into groups by the same
//! linear passes as texts (LSH candidates, then union while apart). A query only walks the
//! group it asks about, so it is cheap enough for every cursor move.

use super::build::{Sketched, by_agreement, union_pass};
use super::families::Sets;
use super::{PosRef, Similarity, shingle};
use crate::model::Case;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// Paragraph candidates are aligned for the union only when their signatures agree on at
/// least this share of bins (near-identical paragraphs have a shingle Jaccard of about 0.54
/// or more; the estimate's standard error is about 0.05).
const JOIN_AGREEMENT: f32 = 0.4;

/// No paragraph (an empty one).
const NONE: u32 = u32::MAX;

/// Where a text appears in one place of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    pub position: PosRef,
    /// The paragraph (from 0), when a paragraph was asked about.
    pub paragraph: Option<usize>,
    /// The same words as the text asked about (after normalising); else a variant.
    pub identical: bool,
}

/// One case where the text appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appearance {
    /// Index into the cases.
    pub case: usize,
    /// Where in the case, in position order.
    pub places: Vec<Place>,
    /// The earliest date among the places (a position's date, else its body's meeting or
    /// opinion date); `None` when none of them is dated.
    pub date: Option<NaiveDate>,
    /// Some place has exactly the words asked about.
    pub identical: bool,
    /// The first appearance: the earliest date. Only marked when every appearance is dated
    /// (an undated one might be earlier); cases sharing the earliest date are all marked.
    pub first: bool,
    /// The case of the position asked about (its place is among `places`).
    pub this: bool,
}

/// Every case where a text appears, in date order (undated last, then in case order).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Elsewhere {
    pub appearances: Vec<Appearance>,
}

impl Elsewhere {
    /// The appearances in cases other than the one asked about.
    pub fn others(&self) -> impl Iterator<Item = &Appearance> {
        self.appearances.iter().filter(|a| !a.this)
    }
}

/// The paragraph index: each paragraph of each compared position, its distinct words, and
/// groups of near-identical paragraphs with their occurrences.
#[derive(Debug)]
pub struct Index {
    /// Per doc: where its paragraphs start in `ptext` (one more entry at the end).
    start: Vec<u32>,
    /// Per paragraph of a doc: its distinct paragraph ([`NONE`] when empty).
    ptext: Vec<u32>,
    /// Per distinct paragraph: its group.
    group: Vec<u32>,
    /// Per group: where its occurrences start in `occurrences` (one more at the end).
    group_start: Vec<u32>,
    /// `(doc, paragraph)` of every non-empty paragraph, grouped, in doc order per group.
    occurrences: Vec<(u32, u32)>,
}

impl Index {
    pub fn build(sim: &Similarity, threads: usize) -> Index {
        let opts = &sim.options;
        let mut start = Vec::with_capacity(sim.docs.len() + 1);
        let mut ptext = Vec::new();
        let mut words: Vec<&[u32]> = Vec::new();
        let mut by_hash: HashMap<u64, Vec<u32>> = HashMap::new();
        for doc in &sim.docs {
            start.push(ptext.len() as u32);
            for p in 0..doc.paragraphs.len() {
                let w = sim.paragraph(doc, p);
                if w.is_empty() {
                    ptext.push(NONE);
                    continue;
                }
                let hash = w
                    .iter()
                    .fold(0x9A2A_u64, |h, &x| shingle::mix(h ^ u64::from(x)));
                let same = by_hash.entry(hash).or_default();
                let id = match same.iter().find(|&&t| words[t as usize] == w) {
                    Some(&t) => t,
                    None => {
                        let t = words.len() as u32;
                        words.push(w);
                        same.push(t);
                        t
                    }
                };
                ptext.push(id);
            }
        }
        start.push(ptext.len() as u32);
        drop(by_hash);

        let n = words.len();
        let k = opts.min_run.max(1);
        let (bands, rows) = (opts.lsh_bands.max(1), opts.lsh_rows.max(1));
        let bins = bands * rows;
        let sk = Sketched::new(words, k, bins, threads);
        let pairs = shingle::lsh_pairs(&sk.signatures, bands, rows, opts.lsh_window);
        let agreement: Vec<u32> = pairs.iter().map(|&(i, j)| sk.agreement(i, j)).collect();
        let floor = (JOIN_AGREEMENT * bins as f32).ceil() as u32;
        let order = by_agreement(&pairs, &agreement, floor);
        drop(pairs);
        drop(agreement);
        let mut sets = Sets::new(n);
        let t = opts.threshold;
        union_pass(
            &order,
            &mut sets,
            opts.join_attempts,
            |_, _| false,
            |round, sets| {
                let results = sk.score(round, opts.min_run, t, threads);
                round
                    .iter()
                    .zip(results)
                    .map(|(&(i, j), r)| {
                        let joins = r.is_some_and(|(x, y)| x >= t && y >= t);
                        if joins {
                            sets.union(i, j);
                        }
                        joins
                    })
                    .collect()
            },
        );
        drop(order);
        drop(sk);

        // Dense group ids in the order of first occurrence; occurrences grouped by a
        // counting sort, which keeps doc order within a group.
        let mut group = vec![NONE; n];
        let mut dense: HashMap<u32, u32> = HashMap::new();
        let mut count: Vec<u32> = Vec::new();
        for &pt in &ptext {
            if pt == NONE {
                continue;
            }
            let root = sets.find(pt);
            let g = *dense.entry(root).or_insert_with(|| {
                count.push(0);
                (count.len() - 1) as u32
            });
            group[pt as usize] = g;
            count[g as usize] += 1;
        }
        let mut group_start = Vec::with_capacity(count.len() + 1);
        let mut acc = 0u32;
        for c in &count {
            group_start.push(acc);
            acc += c;
        }
        group_start.push(acc);
        let mut fill = group_start.clone();
        let mut occurrences = vec![(0u32, 0u32); acc as usize];
        for d in 0..sim.docs.len() {
            for (p, &pt) in ptext[start[d] as usize..start[d + 1] as usize]
                .iter()
                .enumerate()
            {
                if pt == NONE {
                    continue;
                }
                let g = group[pt as usize] as usize;
                occurrences[fill[g] as usize] = (d as u32, p as u32);
                fill[g] += 1;
            }
        }
        Index {
            start,
            ptext,
            group,
            group_start,
            occurrences,
        }
    }

    /// The distinct paragraph of paragraph `p` of doc `d`.
    fn ptext(&self, d: u32, p: usize) -> Option<u32> {
        let (s, e) = (
            *self.start.get(d as usize)? as usize,
            *self.start.get(d as usize + 1)? as usize,
        );
        let pt = *self.ptext.get(s + p).filter(|_| s + p < e)?;
        (pt != NONE).then_some(pt)
    }

    /// The occurrences of the group of a distinct paragraph.
    fn group_of(&self, pt: u32) -> &[(u32, u32)] {
        let g = self.group[pt as usize] as usize;
        &self.occurrences[self.group_start[g] as usize..self.group_start[g + 1] as usize]
    }
}

/// See [`Similarity::elsewhere`].
pub fn query(sim: &Similarity, cases: &[Case], pos: PosRef, paragraph: Option<usize>) -> Elsewhere {
    let Some(d) = sim.doc(pos) else {
        return Elsewhere::default();
    };
    // Places in doc order (so, grouped by case).
    let mut places: Vec<Place> = Vec::new();
    match paragraph {
        None => {
            let t = sim.docs[d as usize].text;
            let mut push = |o: u32| {
                places.push(Place {
                    position: sim.docs[o as usize].pos,
                    paragraph: None,
                    identical: sim.docs[o as usize].text == t,
                });
            };
            match sim.family_of_text[t as usize] {
                Some(f) => {
                    for m in &sim.families[f as usize].members {
                        if let Some(o) = sim.doc(m.position) {
                            push(o);
                        }
                    }
                }
                None => sim.texts[t as usize].docs.iter().for_each(|&o| push(o)),
            }
        }
        Some(p) => {
            let Some(index) = &sim.elsewhere else {
                return Elsewhere::default();
            };
            let Some(pt) = index.ptext(d, p) else {
                return Elsewhere::default();
            };
            for &(o, q) in index.group_of(pt) {
                places.push(Place {
                    position: sim.docs[o as usize].pos,
                    paragraph: Some(q as usize),
                    identical: index.ptext(o, q as usize) == Some(pt),
                });
            }
        }
    }
    let date_of = |p: PosRef| {
        let case = cases.get(p.case)?;
        case.date_of(case.positions.get(p.position)?)
    };
    let mut appearances: Vec<Appearance> = Vec::new();
    for place in places {
        let date = date_of(place.position);
        match appearances.last_mut() {
            Some(a) if a.case == place.position.case => {
                a.date = match (a.date, date) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
                a.identical |= place.identical;
                a.places.push(place);
            }
            _ => appearances.push(Appearance {
                case: place.position.case,
                places: vec![place],
                date,
                identical: place.identical,
                first: false,
                this: place.position.case == pos.case,
            }),
        }
    }
    appearances.sort_by_key(|a| (a.date.is_none(), a.date, a.case));
    if appearances.iter().all(|a| a.date.is_some()) {
        let earliest = appearances.first().and_then(|a| a.date);
        for a in &mut appearances {
            a.first = a.date == earliest;
        }
    }
    Elsewhere { appearances }
}
