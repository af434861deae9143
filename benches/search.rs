//! Search benchmark on the generated year of cases (500 cases, about 50,000 paragraphs):
//! index build time and memory, latency per keystroke while queries are typed one letter at a
//! time, and `remiss search` end to end against `fzf --filter` on the same paragraphs: without
//! the search cache (cold) and with it (warm), and the cache's size and cost. The cache lives
//! in `target/bench-cache` (`REMISS_CACHE_DIR`), never in the user's.
//!
//! ```text
//! cargo bench --bench search                 # everything
//! cargo bench --bench search -- --runs 50    # more typing runs (default 20)
//! cargo bench --bench search -- --no-fzf     # skip the end-to-end comparison
//! ```
//!
//! Goals: p99 under 16 ms per keystroke on one core; `remiss search` (load, index and query)
//! at least 5× faster than fzf end to end.

mod common;

use common::{corpus_dir, ensure_corpus, reset_peak_rss, status_kib};
use remiss::analysis::search::{Index, Query, for_each_paragraph};
use remiss::model::{self, Case};
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Typed one letter at a time: 12 characters each; a word, two words, a word with a swapped
/// pair of letters, a long compound.
const TYPED: &[&str] = &[
    "trygghetskio",
    "skarholm tun",
    "trygghetskoi",
    "tunnelbanest",
];
/// Hits asked for per keystroke (what the overlay can show).
const LIMIT: usize = 200;
/// Queries of the end-to-end comparison.
const E2E: &[&str] = &[
    "trygghetskiosk",
    "skarholmen tunnelbana",
    "bostad",
    "trygghetskoisk",
];
const E2E_RUNS: usize = 5;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// CPU time (user + system) of the children this process has waited for
/// (`/proc/self/stat`, in ticks of 10 ms).
fn children_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = s.rsplit_once(')')?.1.split_whitespace().collect();
    // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13, 14.
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = common::runs_arg(20);
    let dir = corpus_dir();
    ensure_corpus(&dir, false);
    let ws = model::load_path(&dir).expect("the corpus folder is readable");
    assert!(ws.problems.is_empty(), "corpus has problems");
    let cases = ws.cases;
    let mut paragraphs = 0;
    for case in &cases {
        for_each_paragraph(case, |_, _| paragraphs += 1);
    }

    // Build: memory of the first build, then the median of a few.
    let reset = reset_peak_rss();
    let rss0 = status_kib("VmRSS:");
    let t = Instant::now();
    let index = Index::build(&cases);
    let first = t.elapsed();
    let hwm = status_kib("VmHWM:");
    let held = status_kib("VmRSS:");
    let mut builds = vec![first];
    for _ in 0..2 {
        let t = Instant::now();
        black_box(Index::build(&cases));
        builds.push(t.elapsed());
    }
    builds.sort();

    println!("remiss search benchmark");
    println!("  command:      cargo bench --bench search");
    println!(
        "  load average: {} (other work on the machine slows every figure)",
        loadavg()
    );
    println!(
        "  corpus:       {} ({} cases, {paragraphs} paragraphs, {} indexed, {} distinct words)",
        dir.display(),
        cases.len(),
        index.len(),
        index.words()
    );
    println!(
        "  index build:  median {:.0} ms of {} (first {:.0} ms)",
        ms(builds[builds.len() / 2]),
        builds.len(),
        ms(first)
    );
    match (rss0, hwm, held) {
        (Some(r0), Some(h), Some(k)) => println!(
            "  index memory: peak {:.1} MB while building, {:.1} MB retained (RSS; peak counter {})",
            h.saturating_sub(r0) as f64 * 1024.0 / 1e6,
            k.saturating_sub(r0) as f64 * 1024.0 / 1e6,
            if reset {
                "reset before the build"
            } else {
                "not resettable: includes loading"
            }
        ),
        _ => println!("  index memory: unavailable (no /proc/self/status)"),
    }

    typing(&index, &cases, runs);
    if args.iter().any(|a| a == "--no-fzf") {
        return;
    }
    end_to_end(&index, &cases, &dir);
    println!("  load average: {} at the end", loadavg());
}

/// The first three fields of `/proc/loadavg`.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// Latency of each keystroke while each query of `TYPED` is typed, `runs` times over.
fn typing(index: &Index, cases: &[Case], runs: usize) {
    let mut all = Vec::new();
    let mut by_query: Vec<Vec<Duration>> = vec![Vec::new(); TYPED.len()];
    let longest = TYPED.iter().map(|q| q.chars().count()).max().unwrap_or(0);
    let mut by_length: Vec<Vec<Duration>> = vec![Vec::new(); longest + 1];
    for _ in 0..runs {
        for (qi, q) in TYPED.iter().enumerate() {
            let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
            for (k, &end) in ends.iter().enumerate() {
                let typed = &q[..end];
                let t = Instant::now();
                let query = Query::parse(typed);
                let results = index.search(cases, &query, LIMIT);
                let d = t.elapsed();
                black_box(results);
                all.push(d);
                by_query[qi].push(d);
                by_length[k + 1].push(d);
            }
        }
    }
    all.sort();
    println!(
        "per keystroke ({} keystrokes: {} queries of 12 characters typed {runs} times, limit {LIMIT}, one thread):",
        all.len(),
        TYPED.len()
    );
    println!(
        "  all:          p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (goal p99 < 16 ms: {})",
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.99)),
        ms(all[all.len() - 1]),
        if percentile(&all, 0.99) < Duration::from_millis(16) {
            "met"
        } else {
            "NOT met"
        }
    );
    for (q, mut s) in TYPED.iter().zip(by_query) {
        s.sort();
        let total = index.search(cases, &Query::parse(q), 0).total;
        println!(
            "  {:<14} p50 {:6.2} ms, p99 {:6.2} ms ({total} paragraphs for the whole query)",
            format!("\"{q}\":"),
            ms(percentile(&s, 0.5)),
            ms(percentile(&s, 0.99)),
        );
    }
    print!("  by letters typed, p99 ms:");
    for (k, mut s) in by_length.into_iter().enumerate().skip(1) {
        s.sort();
        if !s.is_empty() {
            print!(" {k}:{:.1}", ms(percentile(&s, 0.99)));
        }
    }
    println!();
}

/// One timed run of a child process: wall time, CPU time (user + system, when known) and
/// whether it succeeded.
fn timed(cmd: &mut Command) -> (Duration, Option<Duration>, std::process::Output) {
    let c = children_cpu();
    let t = Instant::now();
    let o = cmd.output().expect("the command runs");
    let wall = t.elapsed();
    let cpu = match (c, children_cpu()) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    (wall, cpu, o)
}

/// Median and maximum of some durations.
fn median_max(v: &mut [Duration]) -> (Duration, Duration) {
    v.sort();
    (v[v.len() / 2], v[v.len() - 1])
}

/// `remiss search` on `dir`, with the cache in `cache` (`None`: `REMISS_NO_CACHE=1`).
fn remiss_search(dir: &Path, q: &str, cache: Option<&Path>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_remiss"));
    cmd.arg("search")
        .arg(dir)
        .args([q, "--limit", "50"])
        .stderr(Stdio::null());
    match cache {
        Some(c) => cmd.env("REMISS_CACHE_DIR", c).env_remove("REMISS_NO_CACHE"),
        None => cmd.env("REMISS_NO_CACHE", "1"),
    };
    cmd
}

/// The search cache in the benchmark's own folder (never the user's): its size, and what
/// writing and reading it cost in this process.
fn cache_figures(dir: &Path, cache_dir: &Path) {
    use remiss::cache::{Cache, load_indexed};
    let _ = std::fs::remove_dir_all(cache_dir);
    let cache = Cache::at(cache_dir);
    // A corpus generated just now is cached once its files are 2 s old.
    let mut wrote = false;
    let mut write_times = Vec::new();
    for _ in 0..10 {
        let mut loaded = load_indexed(dir, Some(&cache)).expect("the corpus loads");
        let t = Instant::now();
        if loaded.write_cache() {
            wrote = true;
            write_times.push(t.elapsed());
            let _ = std::fs::remove_dir_all(cache_dir);
            if write_times.len() == 3 {
                break;
            }
        } else if !wrote {
            std::thread::sleep(Duration::from_millis(500));
        }
    }
    if !wrote {
        println!("  cache: not written (see remiss::cache)");
        return;
    }
    let mut loaded = load_indexed(dir, Some(&cache)).expect("the corpus loads");
    loaded.write_cache();
    drop(loaded);
    let size: u64 = std::fs::read_dir(cache_dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    let reset = reset_peak_rss();
    let rss0 = status_kib("VmRSS:");
    let mut reads = Vec::new();
    for _ in 0..E2E_RUNS {
        let t = Instant::now();
        let loaded = load_indexed(dir, Some(&cache)).expect("the corpus loads");
        reads.push(t.elapsed());
        assert!(loaded.from_cache, "the cache is read");
        black_box(loaded);
    }
    let hwm = status_kib("VmHWM:");
    let (write, write_max) = median_max(&mut write_times);
    let (read, read_max) = median_max(&mut reads);
    println!(
        "  cache: {} ({:.1} MB); written (encode + atomic write with fsync) in {:.0} ms (max {:.0} of {}); read (stat the files, read, check, decode, rebuild the rest) in {:.0} ms (max {:.0} of {E2E_RUNS})",
        cache_dir.display(),
        size as f64 / 1e6,
        ms(write),
        ms(write_max),
        write_times.len(),
        ms(read),
        ms(read_max),
    );
    if let (Some(r0), Some(h), true) = (rss0, hwm, reset) {
        println!(
            "  cache read memory: peak {:.1} MB above what the process held (RSS)",
            h.saturating_sub(r0) as f64 * 1024.0 / 1e6
        );
    }
}

/// `remiss search` against `fzf --filter` on the same paragraphs, process start to exit:
/// remiss without the cache (cold: load, index, query) and with it (warm: read the cache,
/// query).
fn end_to_end(index: &Index, cases: &[Case], dir: &Path) {
    let file = dir.with_file_name("bench-paragraphs.txt");
    let cache_dir = dir.with_file_name("bench-cache");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("can write"));
    for case in cases {
        for_each_paragraph(case, |_, p| {
            writeln!(out, "{}", p.replace('\n', " ")).expect("can write");
        });
    }
    out.flush().expect("can write");
    drop(out);
    if Command::new("fzf").arg("--version").output().is_err() {
        println!("end to end: skipped, fzf is not installed (Debian package fzf)");
        return;
    }
    let remiss = env!("CARGO_BIN_EXE_remiss");
    println!(
        "end to end (median of {E2E_RUNS} runs each, max in brackets; remiss: `remiss search {} QUERY --limit 50`, cold with REMISS_NO_CACHE=1: load + index + query, warm with the cache in {}: read the cache + query; fzf: `fzf --filter QUERY < {}`):",
        dir.display(),
        cache_dir.display(),
        file.display()
    );
    cache_figures(dir, &cache_dir);
    // What loading alone costs: `remiss check` reads and validates every file, no more.
    let mut check_cpu = Vec::new();
    let mut check_times: Vec<Duration> = (0..E2E_RUNS)
        .map(|_| {
            let (wall, cpu, o) = timed(Command::new(remiss).arg("check").arg(dir));
            assert!(o.status.success(), "remiss check failed");
            check_cpu.extend(cpu);
            wall
        })
        .collect();
    check_times.sort();
    check_cpu.sort();
    println!(
        "  load alone (`remiss check`): {:.0} ms ({:.0} ms CPU), the floor under every cold figure",
        ms(check_times[E2E_RUNS / 2]),
        check_cpu.get(E2E_RUNS / 2).map_or(f64::NAN, |d| ms(*d))
    );
    // The first search after a change: cold, and then it writes the cache.
    let mut first: Vec<Duration> = (0..E2E_RUNS)
        .map(|_| {
            let _ = std::fs::remove_dir_all(&cache_dir);
            let (wall, _, o) = timed(&mut remiss_search(dir, E2E[0], Some(&cache_dir)));
            assert!(o.status.success(), "remiss search failed");
            wall
        })
        .collect();
    let (f, fmax) = median_max(&mut first);
    println!(
        "  first search after a change (cold, then writes the cache): {:.0} ms [{:.0}]",
        ms(f),
        ms(fmax)
    );
    let mut cold_ratios = Vec::new();
    let mut warm_ratios = Vec::new();
    for q in E2E {
        let mut fzf = (Vec::new(), Vec::new());
        let mut fzf_lines = 0;
        for _ in 0..E2E_RUNS {
            let input = std::fs::File::open(&file).expect("readable");
            let (wall, cpu, o) = timed(
                Command::new("fzf")
                    .args(["--filter", q])
                    .stdin(input)
                    .stderr(Stdio::null()),
            );
            fzf.0.push(wall);
            fzf.1.extend(cpu);
            fzf_lines = o.stdout.iter().filter(|&&b| b == b'\n').count();
        }
        let run = |cache: Option<&Path>| {
            let mut times = (Vec::new(), Vec::new());
            let mut output = Vec::new();
            for _ in 0..E2E_RUNS {
                let (wall, cpu, o) = timed(&mut remiss_search(dir, q, cache));
                assert!(o.status.success(), "remiss search failed");
                times.0.push(wall);
                times.1.extend(cpu);
                output = o.stdout;
            }
            (times, output)
        };
        let (mut cold, cold_out) = run(None);
        let (mut warm, warm_out) = run(Some(&cache_dir));
        assert_eq!(cold_out, warm_out, "the cache changes no hit");
        let hits = index.search(cases, &Query::parse(q), 0).total;
        let (f, fmax) = median_max(&mut fzf.0);
        let (c, cmax) = median_max(&mut cold.0);
        let (w, wmax) = median_max(&mut warm.0);
        let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-6);
        cold_ratios.push(ratio(f, c));
        warm_ratios.push(ratio(f, w));
        println!(
            "  {:<24} fzf {:4.0} ms [{:4.0}], {fzf_lines:>5} lines | remiss cold {:3.0} ms [{:3.0}] {:4.1}x | warm {:3.0} ms [{:3.0}] {:4.1}x | {hits:>5} paragraphs",
            format!("\"{q}\""),
            ms(f),
            ms(fmax),
            ms(c),
            ms(cmax),
            ratio(f, c),
            ms(w),
            ms(wmax),
            ratio(f, w),
        );
        let cpu = |v: &mut Vec<Duration>| {
            v.sort();
            v.get(v.len() / 2).copied()
        };
        if let (Some(fc), Some(cc), Some(wc)) =
            (cpu(&mut fzf.1), cpu(&mut cold.1), cpu(&mut warm.1))
        {
            println!(
                "  {:<24} CPU time: fzf {:4.0} ms, remiss cold {:3.0} ms ({:.1}x), warm {:3.0} ms ({:.1}x)",
                "",
                ms(fc),
                ms(cc),
                ratio(fc, cc),
                ms(wc),
                ratio(fc, wc),
            );
        }
    }
    for (name, r) in [("cold", &mut cold_ratios), ("warm", &mut warm_ratios)] {
        r.sort_by(f64::total_cmp);
        println!(
            "  fzf/remiss {name}, ratio of medians: {:.1}x to {:.1}x (goal at least 5x)",
            r[0],
            r[r.len() - 1]
        );
    }
}
