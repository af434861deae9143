//! A parallel map over a slice with per-thread state (an [`Aligner`](super::align::Aligner)'s
//! buffers): blocks of items are handed out through an atomic counter, so threads stay busy
//! whatever the items cost, and the output is in input order whatever the thread count.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Items per block handed to a thread.
const BLOCK: usize = 64;

/// Threads to use: `wanted`, or when 0 the available cores (at most 4).
pub fn threads(wanted: usize) -> usize {
    if wanted > 0 {
        wanted
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    }
}

/// `items.iter().map(|x| f(&mut state, x))` on `threads` threads, each with its own
/// `init()` state; results in input order. A panic in `f` is resumed on the caller.
pub fn map<T, R, S>(
    items: &[T],
    threads: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let threads = threads.max(1).min(items.len().div_ceil(BLOCK));
    if threads <= 1 {
        let mut state = init();
        return items.iter().map(|x| f(&mut state, x)).collect();
    }
    let next = AtomicUsize::new(0);
    let blocks: Vec<Vec<(usize, Vec<R>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut state = init();
                    let mut done = Vec::new();
                    loop {
                        let b = next.fetch_add(1, Ordering::Relaxed);
                        let start = b * BLOCK;
                        if start >= items.len() {
                            break;
                        }
                        let end = (start + BLOCK).min(items.len());
                        let out = items[start..end].iter().map(|x| f(&mut state, x)).collect();
                        done.push((b, out));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut all: Vec<(usize, Vec<R>)> = blocks.into_iter().flatten().collect();
    all.sort_unstable_by_key(|(b, _)| *b);
    all.into_iter().flat_map(|(_, out)| out).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn output_is_in_input_order_on_any_thread_count() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let out = super::map(
                &items,
                threads,
                || 0u64,
                |calls, x| {
                    *calls += 1;
                    x * 2
                },
            );
            assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
        assert!(super::map(&[] as &[u8], 4, || (), |_, x| *x).is_empty());
    }
}
