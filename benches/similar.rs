//! Similarity benchmark on the generated corpus (500 cases, seed 2026, `target/bench-corpus`):
//! time and peak memory of `Similarity::build` over every case at once (after loading, which
//! is timed separately), recall of the candidate generation against exact all-pairs scoring
//! on a sample, per-position query times for the app, and the word diff of two unrelated
//! ~1 MB texts. Single-threaded (the code uses one core).
//!
//! ```text
//! cargo bench --bench similar                # everything
//! cargo bench --bench similar -- --runs 5    # more timed builds
//! ```
//!
//! Goal: build under 2 s on one core; recall ≥ 99% of the pairs with both scores ≥ 0.7.

mod common;

use common::{corpus_dir, ensure_corpus, reset_peak_rss, status_kib};
use remiss::analysis::diff::{DiffOptions, diff_texts};
use remiss::analysis::similarity::{Label, Options, PosRef, Similarity};
use remiss::model::{self, Case};
use std::time::{Duration, Instant};

/// Cases whose texts are compared all pairs (within and across these cases) for recall.
const SAMPLE_CASES: usize = 40;
/// Random pairs of texts from different cases, over the whole corpus.
const SAMPLE_CROSS: usize = 20_000;

/// xorshift64*: deterministic sampling.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let runs = common::runs_arg(3);
    let dir = corpus_dir();
    ensure_corpus(&dir, false);

    let t = Instant::now();
    let ws = model::load_path(&dir).expect("the corpus folder is readable");
    let load = t.elapsed();
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    let cases = ws.cases;
    let positions: usize = cases.iter().map(|c| c.positions.len()).sum();
    let options = Options::default();

    // Build: memory on the first run, time over all runs.
    let reset = reset_peak_rss();
    let rss_before = status_kib("VmRSS:");
    let t = Instant::now();
    let sim = Similarity::build(&cases, &options);
    let mut times = vec![t.elapsed()];
    let hwm = status_kib("VmHWM:");
    let held = status_kib("VmRSS:");
    for _ in 1..runs {
        let t = Instant::now();
        let again = Similarity::build(&cases, &options);
        times.push(t.elapsed());
        assert_eq!(again.stats(), sim.stats());
    }
    times.sort();
    let stats = sim.stats();
    let families = sim.families();
    let cross_families = families
        .iter()
        .filter(|f| f.members.iter().any(|m| m.position.case != f.base.case))
        .count();

    println!("remiss similarity benchmark");
    println!("  command:      cargo bench --bench similar");
    println!(
        "  corpus:       {} cases, {positions} positions, {} compared texts (reservations and statements)",
        cases.len(),
        stats.texts
    );
    println!(
        "  load_path:    {:.3} s (not part of the build)",
        load.as_secs_f64()
    );
    println!(
        "  build:        median {:.3} s, min {:.3} s, max {:.3} s over {} runs (one thread)",
        percentile(&times, 0.5).as_secs_f64(),
        times[0].as_secs_f64(),
        times[times.len() - 1].as_secs_f64(),
        times.len()
    );
    println!(
        "  pairs:        {} proposed, {} aligned, {} related; {} families ({} spanning cases)",
        stats.candidates,
        stats.aligned,
        stats.related,
        families.len(),
        cross_families
    );
    match (rss_before, hwm, held) {
        (Some(before), Some(hwm), Some(held)) => {
            let mb = |k: u64| k as f64 * 1024.0 / 1e6;
            println!(
                "  peak RSS:     +{:.1} MB during the build (VmHWM {:.1} MB, RSS before {:.1} MB{}); retained +{:.1} MB",
                mb(hwm.saturating_sub(before)),
                mb(hwm),
                mb(before),
                if reset { "" } else { ", peak not resettable" },
                mb(held.saturating_sub(before)),
            );
        }
        _ => println!("  peak RSS:     unavailable"),
    }

    recall(&cases, &sim, &options);
    queries(&sim);
    megabyte_diff(&cases);
    let goal = percentile(&times, 0.5) < Duration::from_secs(2);
    println!(
        "  goal:         build < 2 s: {}",
        if goal { "met" } else { "NOT met" }
    );
}

/// Recall of the pairs with both scores ≥ threshold: every pair among the texts of a sample of
/// cases, and random pairs across cases, scored exactly; found = the build kept the pair as
/// identical or near-identical.
fn recall(cases: &[Case], sim: &Similarity, options: &Options) {
    let mut rng = Rng(0x5EED_2026);
    let all: Vec<PosRef> = sim.positions().collect();
    let mut picked: Vec<usize> = (0..cases.len()).collect();
    for i in (1..picked.len()).rev() {
        picked.swap(i, rng.below(i + 1));
    }
    picked.truncate(SAMPLE_CASES);
    let sample: Vec<PosRef> = all
        .iter()
        .copied()
        .filter(|p| picked.contains(&p.case))
        .collect();
    let mut pairs: Vec<(PosRef, PosRef)> = Vec::new();
    for (i, &a) in sample.iter().enumerate() {
        for &b in &sample[i + 1..] {
            pairs.push((a, b));
        }
    }
    let within_sample = pairs.len();
    let mut tries = 0;
    while pairs.len() < within_sample + SAMPLE_CROSS && tries < SAMPLE_CROSS * 10 {
        tries += 1;
        let (a, b) = (all[rng.below(all.len())], all[rng.below(all.len())]);
        if a.case != b.case {
            pairs.push((a.min(b), a.max(b)));
        }
    }
    let t = Instant::now();
    let (mut truth, mut found, mut truth_cross, mut found_cross) = (0, 0, 0, 0);
    for &(a, b) in &pairs {
        let Some(exact) = sim.compare(a, b) else {
            continue;
        };
        let both = exact.label == Label::Identical
            || (exact.a_in_b >= options.threshold && exact.b_in_a >= options.threshold);
        if !both {
            continue;
        }
        let kept = sim
            .relation(a, b)
            .is_some_and(|r| matches!(r.label, Label::Identical | Label::NearIdentical));
        truth += 1;
        found += usize::from(kept);
        if a.case != b.case {
            truth_cross += 1;
            found_cross += usize::from(kept);
        }
    }
    let pct = |f: usize, t: usize| {
        if t == 0 {
            "n/a".to_string()
        } else {
            format!("{:.2}%", 100.0 * f as f64 / t as f64)
        }
    };
    println!(
        "  recall:       {} ({found}/{truth} pairs with both scores ≥ {}); across cases {} ({found_cross}/{truth_cross})",
        pct(found, truth),
        options.threshold,
        pct(found_cross, truth_cross),
    );
    println!(
        "                sample: all {within_sample} pairs among the texts of {SAMPLE_CASES} random cases + {} random cross-case pairs, scored exactly in {:.1} s",
        pairs.len() - within_sample,
        t.elapsed().as_secs_f64()
    );
}

/// What the app asks per position: relatives and passage reuse.
fn queries(sim: &Similarity) {
    let all: Vec<PosRef> = sim.positions().collect();
    let mut rng = Rng(0xA11CE);
    let mut rel = Vec::new();
    let mut pas = Vec::new();
    for _ in 0..1000 {
        let p = all[rng.below(all.len())];
        let t = Instant::now();
        std::hint::black_box(sim.relatives(p));
        std::hint::black_box(sim.family_of(p));
        rel.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(sim.passages(p));
        pas.push(t.elapsed());
    }
    rel.sort();
    pas.sort();
    println!(
        "  per position: relatives + family p50 {:.3} ms, p99 {:.3} ms; passages p50 {:.2} ms, p99 {:.2} ms (1000 random positions)",
        ms(percentile(&rel, 0.5)),
        ms(percentile(&rel, 0.99)),
        ms(percentile(&pas, 0.5)),
        ms(percentile(&pas, 0.99)),
    );
}

/// Two unrelated ~1 MB texts: the paragraphs of the first cases, and of the last.
fn megabyte_diff(cases: &[Case]) {
    let take = |iter: &mut dyn Iterator<Item = &Case>| {
        let mut out = Vec::new();
        let mut bytes = 0;
        for c in iter {
            for p in &c.positions {
                for para in &p.paragraphs {
                    if bytes >= 1_000_000 {
                        return out;
                    }
                    bytes += para.len();
                    out.push(para.clone());
                }
            }
        }
        out
    };
    let a = take(&mut cases.iter());
    let b = take(&mut cases.iter().rev());
    let size = |v: &[String]| v.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let mut times = Vec::new();
    let mut same = 0.0;
    for _ in 0..5 {
        let t = Instant::now();
        let d = diff_texts(&a, &b, &DiffOptions::default());
        times.push(t.elapsed());
        same = d.stats.same_ratio;
    }
    times.sort();
    println!(
        "  1 MB diff:    {:.2} MB vs {:.2} MB unrelated texts: p50 {:.0} ms, max {:.0} ms over 5 runs ({:.0}% the same)",
        size(&a),
        size(&b),
        ms(percentile(&times, 0.5)),
        ms(times[times.len() - 1]),
        same * 100.0
    );
}
