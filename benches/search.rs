//! Search benchmark on the generated year of cases (500 cases, about 50,000 paragraphs):
//! index build time and memory, latency per keystroke while queries are typed one letter at a
//! time, and `remiss search` end to end against `fzf --filter` on the same paragraphs.
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
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(20usize)
        .max(1);
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

/// `remiss search` against `fzf --filter` on the same paragraphs, process start to exit.
fn end_to_end(index: &Index, cases: &[Case], dir: &Path) {
    let file = dir.with_file_name("bench-paragraphs.txt");
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
        "end to end (median of {E2E_RUNS} runs each; remiss: `remiss search {} QUERY --limit 50`, load + index + query; fzf: `fzf --filter QUERY < {}`):",
        dir.display(),
        file.display()
    );
    // What loading alone costs: `remiss check` reads and validates every file, no more.
    let mut check_cpu = Vec::new();
    let mut check_times: Vec<Duration> = (0..E2E_RUNS)
        .map(|_| {
            let c = children_cpu();
            let t = Instant::now();
            let ok = Command::new(remiss)
                .arg("check")
                .arg(dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("remiss runs")
                .success();
            assert!(ok, "remiss check failed");
            let d = t.elapsed();
            if let (Some(a), Some(b)) = (c, children_cpu()) {
                check_cpu.push(b.saturating_sub(a));
            }
            d
        })
        .collect();
    check_times.sort();
    check_cpu.sort();
    println!(
        "  load alone (`remiss check`): {:.0} ms ({:.0} ms CPU), the floor under every remiss figure below",
        ms(check_times[E2E_RUNS / 2]),
        check_cpu.get(E2E_RUNS / 2).map_or(f64::NAN, |d| ms(*d))
    );
    let mut ratios = Vec::new();
    for q in E2E {
        let mut fzf_times = Vec::new();
        let mut fzf_cpu = Vec::new();
        let mut fzf_lines = 0;
        for _ in 0..E2E_RUNS {
            let input = std::fs::File::open(&file).expect("readable");
            let c = children_cpu();
            let t = Instant::now();
            let o = Command::new("fzf")
                .args(["--filter", q])
                .stdin(input)
                .stderr(Stdio::null())
                .output()
                .expect("fzf runs");
            fzf_times.push(t.elapsed());
            if let (Some(a), Some(b)) = (c, children_cpu()) {
                fzf_cpu.push(b.saturating_sub(a));
            }
            fzf_lines = o.stdout.iter().filter(|&&b| b == b'\n').count();
        }
        let mut remiss_times = Vec::new();
        let mut remiss_cpu = Vec::new();
        for _ in 0..E2E_RUNS {
            let c = children_cpu();
            let t = Instant::now();
            let o = Command::new(remiss)
                .arg("search")
                .arg(dir)
                .args([q, "--limit", "50"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("remiss runs");
            remiss_times.push(t.elapsed());
            if let (Some(a), Some(b)) = (c, children_cpu()) {
                remiss_cpu.push(b.saturating_sub(a));
            }
            assert!(o.success(), "remiss search failed");
        }
        fzf_times.sort();
        remiss_times.sort();
        let f = fzf_times[E2E_RUNS / 2];
        let r = remiss_times[E2E_RUNS / 2];
        let hits = index.search(cases, &Query::parse(q), 0).total;
        ratios.push(f.as_secs_f64() / r.as_secs_f64());
        println!(
            "  {:<24} fzf {:5.0} ms, {fzf_lines:>6} lines | remiss {:5.0} ms, {hits:>6} paragraphs | fzf/remiss {:.1}x",
            format!("\"{q}\""),
            ms(f),
            ms(r),
            f.as_secs_f64() / r.as_secs_f64()
        );
        fzf_cpu.sort();
        remiss_cpu.sort();
        if let (Some(fc), Some(rc)) = (fzf_cpu.get(E2E_RUNS / 2), remiss_cpu.get(E2E_RUNS / 2)) {
            println!(
                "  {:<24} CPU time: fzf {:5.0} ms, remiss {:5.0} ms, fzf/remiss {:.1}x",
                "",
                ms(*fc),
                ms(*rc),
                fc.as_secs_f64() / rc.as_secs_f64().max(1e-3)
            );
        }
    }
    ratios.sort_by(f64::total_cmp);
    println!(
        "  ratio of medians: {:.1}x to {:.1}x (goal at least 5x)",
        ratios[0],
        ratios[ratios.len() - 1]
    );
}
