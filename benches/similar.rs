//! Similarity benchmark (issue 12) on two generated folders of 500 cases:
//!
//! - **near copies**: 500 copies of the bundled case with 6% of the words of every text varied
//!   (`remiss::corpus::near_copy`; the same reservations filed again and again, so families of
//!   500 to 2,000 texts), in `target/bench-near-copies/500`;
//! - **share little**: the generated year of cases (`remiss::corpus`, seed 2026), where texts
//!   are reused within a case and now and then across cases, in `target/bench-corpus`.
//!
//! For each: `remiss similar DIR --format json` run as a child process (wall time, and its peak
//! memory as the kernel counts it, from `wait4`), the library build in this process, and the
//! recall of near-identical pairs against exact scoring on a sample. Then the growth of the
//! command from 50 to 5,000 near copies, the per-position queries of the app (relatives,
//! passages, "this text elsewhere" for a position and for a paragraph), and the word diff of
//! two unrelated ~1 MB texts.
//!
//! ```text
//! cargo bench --bench similar                    # everything
//! cargo bench --bench similar -- --runs 5        # more timed runs of each command
//! cargo bench --bench similar -- --growth 1000   # growth up to 1,000 copies only
//! ```
//!
//! Goals: each folder under 2 s and under 300 MB on two cores, recall ≥ 99% of the pairs with
//! both scores ≥ 0.7 (found: in one family); 5,000 near copies under 30 s and under 2 GB.

#[path = "../tests/support/child.rs"]
mod child;
mod common;

use common::{corpus_dir, ensure_corpus, near_copies, reset_peak_rss, status_kib};
use remiss::analysis::diff::{DiffOptions, diff_texts};
use remiss::analysis::similarity::{Label, Options, PosRef, Similarity};
use remiss::model::{self, Case};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Cases whose texts are compared all pairs (within and across these cases) for recall.
const SAMPLE_CASES: usize = 40;
/// Random pairs of texts from different cases, over the whole folder.
const SAMPLE_CROSS: usize = 20_000;
/// Goals for each 500-case folder.
const GOAL_TIME: Duration = Duration::from_secs(2);
const GOAL_MEMORY: u64 = 300_000_000;
/// Goals for 5,000 near copies.
const GOAL_TIME_5000: Duration = Duration::from_secs(30);
const GOAL_MEMORY_5000: u64 = 2_000_000_000;

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

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn met(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT met" }
}

fn arg_after(flag: &str) -> Option<usize> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == flag)?;
    args.get(i + 1)?.parse().ok()
}

/// `remiss similar DIR --format json` run `runs` times as a child.
struct Run {
    /// Median wall time.
    wall: Duration,
    /// Median CPU time (user + system): what the run costs whatever else the machine does.
    cpu: Duration,
    /// The largest peak memory.
    rss: u64,
    /// This process's peak when it spawned the child (the child's figure includes it).
    floor: u64,
    bytes: u64,
}

fn command(dir: &Path, runs: usize) -> Run {
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    let (mut rss, mut floor, mut bytes) = (0, 0, 0);
    for _ in 0..runs {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_remiss"));
        cmd.arg("similar").arg(dir).args(["--format", "json"]);
        let m = child::measure(&mut cmd, None, false).expect("remiss runs");
        assert_eq!(m.code, Some(0), "remiss similar failed: {}", m.stderr);
        walls.push(m.wall);
        cpus.push(m.cpu);
        rss = rss.max(m.max_rss);
        floor = floor.max(m.floor);
        bytes = m.stdout_bytes;
    }
    walls.sort();
    cpus.sort();
    Run {
        wall: percentile(&walls, 0.5),
        cpu: percentile(&cpus, 0.5),
        rss,
        floor,
        bytes,
    }
}

fn main() {
    let runs = common::runs_arg(3);
    let growth_max = arg_after("--growth").unwrap_or(5000);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("remiss similarity benchmark");
    println!("  command:      cargo bench --bench similar");
    println!("  machine:      {threads} cores available; the build uses up to 4 threads");

    // The commands first, while this process is small: a child's peak memory as the kernel
    // counts it starts from its parent's.
    let near = near_copies(500);
    let little = corpus_dir();
    ensure_corpus(&little, false);
    let folders = [
        ("near copies", near.as_path()),
        ("share little", little.as_path()),
    ];
    let folder_runs: Vec<Run> = folders.iter().map(|(_, dir)| command(dir, runs)).collect();
    let mut growth = Vec::new();
    for n in [50, 100, 200, 500, 1000, 2000, 5000] {
        if n <= growth_max {
            growth.push((n, command(&near_copies(n), 1)));
        }
    }

    let mut goals = Vec::new();
    for ((name, dir), run) in folders.iter().zip(&folder_runs) {
        println!("\n{name}: {}", dir.display());
        println!(
            "  remiss similar --format json: median {:.3} s wall, {:.3} s CPU over {runs} runs; peak RSS {:.1} MB (floor {:.1} MB); output {:.1} MB",
            run.wall.as_secs_f64(),
            run.cpu.as_secs_f64(),
            mb(run.rss),
            mb(run.floor),
            mb(run.bytes)
        );
        goals.push((
            format!("{name}: < 2 s, < 300 MB"),
            run.wall < GOAL_TIME && run.rss < GOAL_MEMORY,
        ));
        let recalled = library(dir);
        goals.push((format!("{name}: recall ≥ 99%"), recalled >= 0.99));
    }

    println!("\ngrowth (near copies; remiss similar --format json, one run each)");
    println!(
        "  {:>6}  {:>8}  {:>8}  {:>9}  {:>9}",
        "cases", "wall s", "CPU s", "peak MB", "output MB"
    );
    for (n, run) in &growth {
        println!(
            "  {n:>6}  {:>8.2}  {:>8.2}  {:>9.1}  {:>9.1}",
            run.wall.as_secs_f64(),
            run.cpu.as_secs_f64(),
            mb(run.rss),
            mb(run.bytes)
        );
        if *n == 5000 {
            goals.push((
                "5,000 near copies: < 30 s, < 2 GB".to_string(),
                run.wall < GOAL_TIME_5000 && run.rss < GOAL_MEMORY_5000,
            ));
        }
    }
    if let Some((_, run)) = growth.first() {
        println!(
            "  (each peak includes this process's {:.1} MB at the spawn)",
            mb(run.floor)
        );
    }

    let ws = model::load_path(&near).expect("the folder is readable");
    let sim = Similarity::build(&ws.cases, &Options::default());
    queries(&ws.cases, &sim);
    megabyte_diff();
    println!();
    for (goal, ok) in goals {
        println!("  goal:         {goal}: {}", met(ok));
    }
}

/// The library build in this process (load timed apart), its figures, and recall; returns
/// the recall.
fn library(dir: &Path) -> f64 {
    let t = Instant::now();
    let ws = model::load_path(dir).expect("the folder is readable");
    let load = t.elapsed();
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    let cases = ws.cases;
    // As `remiss similar` builds it, and as the app does (with the paragraph index).
    let cli = Options {
        paragraph_index: false,
        ..Options::default()
    };
    let reset = reset_peak_rss();
    let before = status_kib("VmRSS:");
    let t = Instant::now();
    let sim = Similarity::build(&cases, &cli);
    let build = t.elapsed();
    let hwm = status_kib("VmHWM:");
    let held = status_kib("VmRSS:");
    let t = Instant::now();
    let app = Similarity::build(&cases, &Options::default());
    let app_build = t.elapsed();
    drop(app);
    let stats = sim.stats();
    let families = sim.families();
    let largest = families.iter().map(|f| f.members.len()).max().unwrap_or(0);
    println!(
        "  load_path:    {:.3} s (not part of the build); {} cases, {} compared texts, {} distinct",
        load.as_secs_f64(),
        cases.len(),
        stats.texts,
        stats.distinct
    );
    println!(
        "  build:        {:.3} s as remiss similar builds it; {:.3} s with the paragraph index (the app)",
        build.as_secs_f64(),
        app_build.as_secs_f64()
    );
    println!(
        "  pairs:        {} proposed, {} aligned, {} kept; {} families, the largest {largest} members",
        stats.candidates,
        stats.aligned,
        stats.related,
        families.len()
    );
    match (before, hwm, held) {
        (Some(before), Some(hwm), Some(held)) => println!(
            "  build memory: +{:.1} MB peak{}; +{:.1} MB retained",
            mb(hwm.saturating_sub(before) * 1024),
            if reset { "" } else { " (peak not resettable)" },
            mb(held.saturating_sub(before) * 1024),
        ),
        _ => println!("  build memory: unavailable"),
    }
    recall(&cases, &sim)
}

/// Recall of the pairs with both scores ≥ threshold (or identical): every pair among the
/// texts of a sample of cases, and random pairs across cases, scored exactly; found = the
/// two are in one family. Returns the recall (1 when there is no such pair).
fn recall(cases: &[Case], sim: &Similarity) -> f64 {
    let options = sim.options();
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
    let (mut truth, mut found, mut kept, mut truth_cross, mut found_cross) = (0, 0, 0, 0, 0);
    for &(a, b) in &pairs {
        let Some(exact) = sim.compare(a, b) else {
            continue;
        };
        let both = exact.label == Label::Identical
            || (exact.a_in_b >= options.threshold && exact.b_in_a >= options.threshold);
        if !both {
            continue;
        }
        let family = |p| sim.family_of(p).map(|m| m.family);
        let together = family(a).is_some() && family(a) == family(b);
        truth += 1;
        found += usize::from(together);
        kept += usize::from(sim.relation(a, b).is_some());
        if a.case != b.case {
            truth_cross += 1;
            found_cross += usize::from(together);
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
        "  recall:       {} ({found}/{truth} pairs with both scores ≥ {} are in one family); across cases {} ({found_cross}/{truth_cross}); {} of them also among the kept relatives",
        pct(found, truth),
        options.threshold,
        pct(found_cross, truth_cross),
        pct(kept, truth),
    );
    println!(
        "                sample: all {within_sample} pairs among the texts of {SAMPLE_CASES} random cases + {} random cross-case pairs, scored exactly in {:.1} s",
        pairs.len() - within_sample,
        t.elapsed().as_secs_f64()
    );
    if truth == 0 {
        1.0
    } else {
        found as f64 / truth as f64
    }
}

/// What the app asks per position (on the near copies, where families are largest).
fn queries(cases: &[Case], sim: &Similarity) {
    let all: Vec<PosRef> = sim.positions().collect();
    let mut rng = Rng(0xA11CE);
    let (mut rel, mut pas, mut pos, mut par) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut seen = 0;
    for _ in 0..1000 {
        let p = all[rng.below(all.len())];
        let t = Instant::now();
        std::hint::black_box(sim.relatives(p));
        std::hint::black_box(sim.family_of(p));
        rel.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(sim.passages(p));
        pas.push(t.elapsed());
        let t = Instant::now();
        seen += sim.elsewhere(cases, p, None).appearances.len();
        pos.push(t.elapsed());
        let paragraphs = cases[p.case].text_of(p.position).len();
        let t = Instant::now();
        std::hint::black_box(sim.elsewhere(cases, p, Some(rng.below(paragraphs.max(1)))));
        par.push(t.elapsed());
    }
    for v in [&mut rel, &mut pas, &mut pos, &mut par] {
        v.sort();
    }
    println!("\nper position, 1000 random positions of the 500 near copies (the app's queries):");
    for (what, v) in [
        ("relatives + family", &rel),
        ("passages", &pas),
        ("elsewhere, position", &pos),
        ("elsewhere, paragraph", &par),
    ] {
        println!(
            "  {what:<21} p50 {:.3} ms, p99 {:.3} ms",
            ms(percentile(v, 0.5)),
            ms(percentile(v, 0.99))
        );
    }
    println!(
        "  (a position's text appears in {:.0} cases on average)",
        seen as f64 / 1000.0
    );
}

/// Two unrelated ~1 MB texts: the paragraphs of the generated year's first cases, and of
/// its last.
fn megabyte_diff() {
    let ws = model::load_path(&corpus_dir()).expect("the corpus is readable");
    let cases = ws.cases;
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
