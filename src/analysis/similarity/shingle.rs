//! Word shingles, their multiset overlap (an exact upper bound on alignment scores), and
//! candidate pairs from locality-sensitive hashing (one-permutation MinHash with
//! densification, banded, with a bounded number of candidates per document and band).

/// splitmix64's finaliser: a fast, well-mixed 64-bit hash step.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The hashes of every window of `k` words (one hash of the whole when shorter), sorted;
/// repeated windows are kept (a multiset).
pub fn shingles(words: &[u32], k: usize) -> Vec<u64> {
    let k = k.max(1);
    let hash = |w: &[u32]| w.iter().fold(0x5EED_u64, |h, &id| mix(h ^ u64::from(id)));
    let mut out: Vec<u64> = if words.len() < k {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![hash(words)]
        }
    } else {
        words.windows(k).map(hash).collect()
    };
    out.sort_unstable();
    out
}

/// Size of the multiset intersection of two sorted hash lists.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two texts of `len_a` and `len_b` words sharing `shared` `k`-shingles can reach
/// `threshold` on either alignment score. Matched words lie in runs of at least `k`, and a
/// run of `L ≥ k` words gives `L − k + 1` shared shingles, so matched words ≤ `k` × shared.
/// Texts shorter than `k` are never ruled out.
pub fn may_reach(shared: usize, len_a: usize, len_b: usize, k: usize, threshold: f32) -> bool {
    let shortest = len_a.min(len_b);
    if shortest < k || threshold <= 0.0 {
        return true;
    }
    (k * shared) as f64 >= f64::from(threshold) * shortest as f64
}

/// A banded one-permutation MinHash signature: `bands × rows` bins, each the least shingle
/// hash falling in it; empty bins borrow from the next non-empty bin (rotation).
pub fn signature(shingles: &[u64], bins: usize) -> Vec<u64> {
    let bins = bins.max(1);
    let mut sig = vec![u64::MAX; bins];
    let mut filled = vec![false; bins];
    for &h in shingles {
        let bin = ((u128::from(mix(h)) * bins as u128) >> 64) as usize;
        if h < sig[bin] {
            sig[bin] = h;
        }
        filled[bin] = true;
    }
    if filled.iter().any(|&f| f) && filled.iter().any(|&f| !f) {
        let dense = sig.clone();
        for j in 0..bins {
            if !filled[j] {
                let mut d = 1;
                while !filled[(j + d) % bins] {
                    d += 1;
                }
                sig[j] =
                    mix(dense[(j + d) % bins] ^ (d as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
            }
        }
    }
    sig
}

/// How many bins two signatures agree on: `bins` × an estimate of the Jaccard similarity of
/// their shingle sets.
pub fn agreement(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| u32::from(x == y)).sum()
}

/// Candidate pairs `(i, j)`, `i < j`, of documents whose signatures (`bands × rows` values
/// each, concatenated in `signatures`) agree on all rows of at least one band. A bucket of
/// documents sharing a band is not paired all with all: in a per-band pseudo-random order,
/// each member is paired with the next `window` members, so every document gets at most
/// `2 × window` candidates per band however many share its text (memory and time stay linear
/// when the same text is filed hundreds of times; the members of a bucket of near-identical
/// texts are still linked in a chain). Sorted, no repeats.
pub fn lsh_pairs(signatures: &[u64], bands: usize, rows: usize, window: usize) -> Vec<(u32, u32)> {
    let bins = bands * rows;
    let docs = signatures.len().checked_div(bins).unwrap_or(0);
    let window = window.max(1);
    let mut pairs = Vec::new();
    let mut keys: Vec<(u64, u64, u32)> = Vec::with_capacity(docs);
    for band in 0..bands {
        keys.clear();
        for doc in 0..docs {
            let sig = &signatures[doc * bins..(doc + 1) * bins];
            let rows_of = &sig[band * rows..(band + 1) * rows];
            let key = rows_of.iter().fold(mix(band as u64), |h, &v| mix(h ^ v));
            let order = mix(key ^ (doc as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
            keys.push((key, order, doc as u32));
        }
        keys.sort_unstable();
        let mut start = 0;
        while start < keys.len() {
            let mut end = start + 1;
            while end < keys.len() && keys[end].0 == keys[start].0 {
                end += 1;
            }
            for x in start..end {
                for y in x + 1..end.min(x + 1 + window) {
                    let (i, j) = (keys[x].2, keys[y].2);
                    pairs.push((i.min(j), i.max(j)));
                }
            }
            start = end;
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_and_overlap() {
        let a = shingles(&[1, 2, 3, 4, 5], 3);
        let b = shingles(&[9, 2, 3, 4, 5], 3);
        assert_eq!(a.len(), 3);
        assert_eq!(shared(&a, &b), 2);
        assert_eq!(shared(&a, &a), 3);
        assert_eq!(shingles(&[], 3), Vec::<u64>::new());
        assert_eq!(shingles(&[7], 3).len(), 1);
        // Repeats are kept.
        assert_eq!(
            shared(&shingles(&[1, 2, 3, 1, 2, 3], 3), &shingles(&[1, 2, 3], 3)),
            1
        );
    }

    #[test]
    fn the_bound_rules_out_only_what_cannot_reach() {
        assert!(!may_reach(0, 100, 100, 3, 0.1));
        assert!(may_reach(4, 100, 100, 3, 0.1));
        assert!(!may_reach(3, 100, 100, 3, 0.1));
        assert!(may_reach(0, 2, 100, 3, 0.1));
    }

    #[test]
    fn identical_documents_always_collide_and_unrelated_rarely() {
        let a: Vec<u32> = (0..200).collect();
        let b: Vec<u32> = (1000..1200).collect();
        let sa = signature(&shingles(&a, 3), 96);
        let sb = signature(&shingles(&b, 3), 96);
        assert_eq!(agreement(&sa, &sa), 96);
        assert!(agreement(&sa, &sb) < 10);
        let flat: Vec<u64> = [sa.clone(), sa, sb].concat();
        let pairs = lsh_pairs(&flat, 32, 3, 2);
        assert_eq!(pairs, vec![(0, 1)]);
        // Signatures of one shingle are fully densified.
        assert!(signature(&[42], 8).iter().all(|&v| v != u64::MAX));
        assert_eq!(signature(&[], 4), vec![u64::MAX; 4]);
    }

    #[test]
    fn a_bucket_of_copies_gives_a_bounded_number_of_pairs_that_link_them_all() {
        let a: Vec<u32> = (0..200).collect();
        let sig = signature(&shingles(&a, 3), 96);
        let n = 1000;
        let flat: Vec<u64> = (0..n).flat_map(|_| sig.iter().copied()).collect();
        let pairs = lsh_pairs(&flat, 32, 3, 2);
        // At most window pairs per member and band, far below n²/2.
        assert!(pairs.len() <= n * 2 * 32, "{}", pairs.len());
        assert!(pairs.len() >= n - 1);
        // Every member is linked to the others.
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                x = p[x];
            }
            x
        }
        for &(i, j) in &pairs {
            let (ri, rj) = (find(&mut parent, i as usize), find(&mut parent, j as usize));
            parent[ri.max(rj)] = ri.min(rj);
        }
        assert!((0..n).all(|x| find(&mut parent, x) == 0));
    }
}
