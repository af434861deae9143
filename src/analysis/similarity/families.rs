//! Families of reused text: connected groups of positions joined by identical and
//! near-identical pairs, and by pairs where one text incorporates the other and the smaller
//! score is at least [`Options::family_min`](super::Options::family_min). The base of a
//! family is its most central member: the one with the largest sum of mean scores to the
//! other members (ties: the first in case and position order). Members are then compared
//! with the base; the base and every text identical to it are marked `A`, the others `A′`.

use super::align::Aligner;
use super::{Family, FamilyMember, Label, Similarity, pair_scores};

/// Union-find with path halving.
struct Sets(Vec<u32>);

impl Sets {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let parent = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = parent;
            x = parent;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
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

/// Fill `sim.families` and `sim.family_of` from `sim.relations`.
pub(super) fn build(sim: &mut Similarity, aligner: &mut Aligner) {
    let n = sim.docs.len();
    let opts = &sim.options;
    let mut sets = Sets((0..n as u32).collect());
    for (i, list) in sim.relations.iter().enumerate() {
        for &(j, label, x, y) in list {
            let joins = match label {
                Label::Identical | Label::NearIdentical => true,
                Label::Incorporates | Label::IncorporatedBy => x.min(y) >= opts.family_min,
                Label::Partial | Label::Unrelated => false,
            };
            if joins {
                sets.union(i as u32, j);
            }
        }
    }
    // Groups in doc order (docs are in case and position order), so families come in the
    // order of their first members.
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut group_of_root: Vec<Option<usize>> = vec![None; n];
    for d in 0..n as u32 {
        let r = sets.find(d) as usize;
        let g = *group_of_root[r].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(d);
    }
    groups.retain(|g| g.len() > 1);

    let mut family_of = vec![None; n];
    let mut families = Vec::with_capacity(groups.len());
    for (fi, members) in groups.iter().enumerate() {
        let centrality = |m: u32| -> f32 {
            sim.relations[m as usize]
                .iter()
                .filter(|r| members.binary_search(&r.0).is_ok())
                .map(|r| (r.2 + r.3) / 2.0)
                .sum()
        };
        let mut base = members[0];
        let mut best = centrality(base);
        for &m in &members[1..] {
            let c = centrality(m);
            if c > best {
                best = c;
                base = m;
            }
        }
        let base_doc = &sim.docs[base as usize];
        let out: Vec<FamilyMember> = members
            .iter()
            .map(|&m| {
                let doc = &sim.docs[m as usize];
                let (label, in_base, base_in) = if m == base || doc.words == base_doc.words {
                    (Label::Identical, 1.0, 1.0)
                } else if let Some(r) = sim.relations[m as usize].iter().find(|r| r.0 == base) {
                    (r.1, r.2, r.3)
                } else {
                    let (x, y) = pair_scores(aligner, &sim.docs, m, base, opts.min_run);
                    (opts.label(x, y), x, y)
                };
                family_of[m as usize] = Some((fi as u32, label != Label::Identical));
                FamilyMember {
                    position: doc.pos,
                    label,
                    in_base,
                    base_in,
                }
            })
            .collect();
        families.push(Family {
            letter: letter(fi),
            base: base_doc.pos,
            members: out,
        });
    }
    sim.families = families;
    sim.family_of = family_of;
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
