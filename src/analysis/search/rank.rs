//! Ranking helpers on the positions (word numbers) at which query words occur in a paragraph.

/// Bonus for two adjacent query words standing next to each other in the query's order;
/// divided by their distance in words. Half as much in the other order.
pub const IN_ORDER: u32 = 120;
pub const OUT_OF_ORDER: u32 = 60;

/// The most [`proximity`] can add for `terms` query words.
pub fn max_proximity(terms: usize) -> u32 {
    IN_ORDER * terms.saturating_sub(1) as u32
}

/// Bonus for query words that stand close together, more when in the query's order: for each
/// pair of neighbouring query words, `IN_ORDER / d` where `d` is the least distance at which
/// the second follows the first, or `OUT_OF_ORDER / d` the other way round, whichever is more.
/// `positions[i]` are the sorted positions of query word `i`.
pub fn proximity(positions: &[&[u32]]) -> u32 {
    positions
        .windows(2)
        .map(|pair| {
            let forward = least_gap(pair[0], pair[1]);
            let backward = least_gap(pair[1], pair[0]);
            let f = forward.map_or(0, |d| IN_ORDER / d);
            let b = backward.map_or(0, |d| OUT_OF_ORDER / d);
            f.max(b)
        })
        .sum()
}

/// The least `b - a > 0` over `a` in `first`, `b` in `then` (both sorted).
fn least_gap(first: &[u32], then: &[u32]) -> Option<u32> {
    let mut best: Option<u32> = None;
    let mut i = 0;
    for &b in then {
        // The last `a` before `b`.
        while i < first.len() && first[i] < b {
            i += 1;
        }
        if i > 0 {
            let d = b - first[i - 1];
            best = Some(best.map_or(d, |x| x.min(d)));
        }
    }
    best
}

/// Whether the words stand one after the other somewhere: `p`, `p + 1`, … (sorted lists).
pub fn has_phrase(positions: &[&[u32]]) -> bool {
    let Some((first, rest)) = positions.split_first() else {
        return false;
    };
    first.iter().any(|&p| {
        rest.iter().enumerate().all(|(k, list)| {
            p.checked_add(k as u32 + 1)
                .is_some_and(|want| list.binary_search(&want).is_ok())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closer_and_in_order_is_more() {
        let adjacent = proximity(&[&[3], &[4]]);
        let apart = proximity(&[&[3], &[9]]);
        let reversed = proximity(&[&[4], &[3]]);
        assert_eq!(adjacent, IN_ORDER);
        assert!(adjacent > apart && apart > 0);
        assert!(adjacent > reversed && reversed > 0);
        assert_eq!(proximity(&[&[1]]), 0);
        assert_eq!(proximity(&[&[], &[1]]), 0);
        // The best occurrence counts.
        assert_eq!(proximity(&[&[1, 50], &[20, 51]]), IN_ORDER);
        assert!(max_proximity(3) >= proximity(&[&[1], &[2], &[3]]));
    }

    #[test]
    fn phrases() {
        assert!(has_phrase(&[&[1, 7], &[8], &[9, 20]]));
        assert!(!has_phrase(&[&[1, 7], &[8], &[10]]));
        assert!(!has_phrase(&[]));
        assert!(!has_phrase(&[&[u32::MAX], &[0]]));
    }
}
