//! Exact alignment of two normalised word sequences (imara-diff, Histogram) and the number of
//! words that lie in matched runs of at least `min_run` words: the basis of both directional
//! scores ("how much of A is in B").

use imara_diff::{Algorithm, Diff, Token};

/// Reusable buffers: global word ids are renumbered densely per pair, since the diff
/// algorithms size their tables by the largest id.
#[derive(Default)]
pub struct Aligner {
    local: Vec<u32>,
    stamp: Vec<u32>,
    generation: u32,
    a: Vec<Token>,
    b: Vec<Token>,
    diff: Diff,
}

impl Aligner {
    /// Words of `a` (equally, of `b`) in matched runs of at least `min_run` words (at most the
    /// shorter length; at least 1).
    pub fn matched(&mut self, a: &[u32], b: &[u32], min_run: usize) -> usize {
        if a.is_empty() || b.is_empty() {
            return 0;
        }
        if a == b {
            return a.len();
        }
        let min_run = min_run.min(a.len()).min(b.len()).max(1);
        self.renumber(a, b);
        let limit = i32::MAX as usize - 1;
        if self.a.len() >= limit || self.b.len() >= limit {
            return 0;
        }
        self.diff
            .compute_with(Algorithm::Histogram, &self.a, &self.b, self.next_local());
        let mut matched = 0;
        let mut pos = 0u32;
        for hunk in self.diff.hunks() {
            let run = (hunk.before.start - pos) as usize;
            if run >= min_run {
                matched += run;
            }
            pos = hunk.before.end;
        }
        let tail = a.len() - pos as usize;
        if tail >= min_run {
            matched += tail;
        }
        matched
    }

    fn next_local(&self) -> u32 {
        u32::try_from(self.a.len() + self.b.len()).unwrap_or(u32::MAX)
    }

    fn renumber(&mut self, a: &[u32], b: &[u32]) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
        let mut next = 0u32;
        let (local, stamp, generation) = (&mut self.local, &mut self.stamp, self.generation);
        let mut map = |id: u32| {
            let i = id as usize;
            if i >= local.len() {
                local.resize(i + 1, 0);
                stamp.resize(i + 1, 0);
            }
            if stamp[i] != generation {
                stamp[i] = generation;
                local[i] = next;
                next += 1;
            }
            Token(local[i])
        };
        self.a.clear();
        self.a.extend(a.iter().map(|&id| map(id)));
        self.b.clear();
        self.b.extend(b.iter().map(|&id| map(id)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_shorter_than_the_minimum_do_not_count() {
        let mut al = Aligner::default();
        // "1 2 3 4" shared as a run of 4; "9" matches alone.
        let a = [1, 2, 3, 4, 50, 9, 51];
        let b = [1, 2, 3, 4, 60, 9, 61, 62];
        assert_eq!(al.matched(&a, &b, 3), 4);
        assert_eq!(al.matched(&a, &b, 1), 5);
        assert_eq!(al.matched(&a, &a, 3), 7);
        assert_eq!(al.matched(&[], &a, 3), 0);
        // Short texts: the minimum shrinks to the shorter length.
        assert_eq!(al.matched(&[9], &a, 3), 1);
        // Large ids do not matter.
        assert_eq!(al.matched(&[4_000_000, 7, 8], &[4_000_000, 7, 8, 1], 3), 3);
    }
}
