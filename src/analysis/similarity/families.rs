//! Families of reused text: connected groups of positions joined by identical and
//! near-identical pairs, and by pairs where one text incorporates the other and the smaller
//! score is at least [`Options::family_min`](super::Options::family_min) (united while the
//! similarity is built, see [`super::build`]). The base of a family is the text closest to
//! the family's consensus: for each MinHash bin, the value most of the family's positions
//! share; the base is the text that agrees with the most of them (ties: the text filed most
//! often, then the first in case and position order). Members are then compared with the
//! base; the base and every text identical to it are marked `A`, the others `A′`.

use super::align::Aligner;
use super::{Doc, Family, FamilyMember, Label, Options, Text, pair_scores};
use std::collections::HashMap;

/// Union-find with path halving.
pub struct Sets(Vec<u32>);

impl Sets {
    pub fn new(n: usize) -> Sets {
        Sets((0..n as u32).collect())
    }

    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let parent = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = parent;
            x = parent;
        }
        x
    }

    pub fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index is the root, so roots are deterministic.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi as usize] = lo;
        }
    }
}

/// `A`, …, `Z`, `AA`, `AB`, … for 0, 1, …
pub fn letter(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The texts of each family (a set with at least two positions), families in the order of
/// their first positions, texts in the order of their first positions.
pub fn groups(docs: &[Doc], texts: &[Text], sets: &mut Sets) -> Vec<Vec<u32>> {
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut group_of_root: HashMap<u32, usize> = HashMap::new();
    // Docs are in case and position order; a text is placed at its first doc.
    for doc in docs {
        let t = doc.text;
        if texts[t as usize]
            .docs
            .first()
            .map(|&d| &docs[d as usize].pos)
            != Some(&doc.pos)
        {
            continue;
        }
        let r = sets.find(t);
        let g = *group_of_root.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(t);
    }
    groups.retain(|g| {
        g.iter()
            .map(|&t| texts[t as usize].docs.len())
            .sum::<usize>()
            > 1
    });
    groups
}

/// The base of a family of `group` texts: the text whose signature agrees with the most
/// bins of the consensus signature (per bin, the value the most positions share; a tie
/// goes to the value of the earlier text). Ties: more positions, then the earlier text.
pub fn base(group: &[u32], texts: &[Text], signatures: &[u64], bins: usize) -> u32 {
    if group.len() == 1 {
        return group[0];
    }
    let sig = |t: u32| &signatures[t as usize * bins..(t as usize + 1) * bins];
    let weight = |t: u32| texts[t as usize].docs.len();
    let mut consensus = Vec::with_capacity(bins);
    let mut values: Vec<(u64, usize, usize)> = Vec::with_capacity(group.len());
    for b in 0..bins {
        values.clear();
        values.extend(
            group
                .iter()
                .enumerate()
                .map(|(order, &t)| (sig(t)[b], order, weight(t))),
        );
        values.sort_unstable();
        // (total weight, earliest order, value) of each distinct value.
        let mut best: Option<(usize, usize, u64)> = None;
        let mut i = 0;
        while i < values.len() {
            let v = values[i].0;
            let (mut w, first) = (0, values[i].1);
            while i < values.len() && values[i].0 == v {
                w += values[i].2;
                i += 1;
            }
            let better = match best {
                None => true,
                Some((bw, bf, _)) => w > bw || (w == bw && first < bf),
            };
            if better {
                best = Some((w, first, v));
            }
        }
        consensus.push(best.map_or(0, |b| b.2));
    }
    let mut base = group[0];
    let mut best = (0usize, 0usize);
    for (order, &t) in group.iter().enumerate() {
        let agree = sig(t)
            .iter()
            .zip(&consensus)
            .filter(|(a, c)| a == c)
            .count();
        let key = (agree, weight(t));
        if order == 0 || key > best {
            best = key;
            base = t;
        }
    }
    base
}

/// The built families.
pub struct Built {
    pub families: Vec<Family>,
    pub family_of_text: Vec<Option<u32>>,
}

/// Families from their groups and bases; `book` has every member's scores against its base
/// (a pair missing from it is aligned here).
pub fn assemble(
    groups: &[Vec<u32>],
    bases: &[u32],
    docs: &[Doc],
    texts: &[Text],
    book: &HashMap<(u32, u32), Option<(f32, f32)>>,
    options: &Options,
) -> Built {
    let mut aligner = Aligner::default();
    let mut family_of_text = vec![None; texts.len()];
    let mut families = Vec::with_capacity(groups.len());
    for (fi, (group, &base)) in groups.iter().zip(bases).enumerate() {
        let mut member_docs: Vec<u32> = group
            .iter()
            .flat_map(|&t| texts[t as usize].docs.iter().copied())
            .collect();
        member_docs.sort_unstable();
        for &t in group {
            family_of_text[t as usize] = Some(fi as u32);
        }
        let members = member_docs
            .iter()
            .map(|&d| {
                let t = docs[d as usize].text;
                let (label, in_base, base_in) = if t == base {
                    (Label::Identical, 1.0, 1.0)
                } else {
                    let (lo, hi) = (t.min(base), t.max(base));
                    let (x, y) = book.get(&(lo, hi)).copied().flatten().unwrap_or_else(|| {
                        pair_scores(&mut aligner, texts, lo, hi, options.min_run)
                    });
                    let (in_base, base_in) = if t < base { (x, y) } else { (y, x) };
                    (options.label(in_base, base_in), in_base, base_in)
                };
                FamilyMember {
                    position: docs[d as usize].pos,
                    label,
                    in_base,
                    base_in,
                }
            })
            .collect();
        families.push(Family {
            letter: letter(fi),
            base: docs[texts[base as usize].docs[0] as usize].pos,
            members,
        });
    }
    Built {
        families,
        family_of_text,
    }
}

#[cfg(test)]
mod tests {
    use super::letter;

    #[test]
    fn letters() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
        assert_eq!(letter(26 + 26 * 26), "AAA");
    }
}
