//! Loading benchmark: a generated year of cases (500 files, about 50,000 paragraphs and
//! 25 MB of TOML) loaded with `remiss::model::load_path`.
//!
//! ```text
//! cargo bench --bench load                    # generate if needed, then measure
//! cargo bench --bench load -- --generate-only # only (re)generate the corpus
//! cargo bench --bench load -- --runs 10       # more timed runs
//! cargo bench --bench load -- --no-phases     # skip the per-phase timings (for profiling)
//! ```
//!
//! The corpus lives in `target/bench-corpus` and is reused while its marker file matches the
//! seed, the count and a fingerprint of the generator's output. Peak memory is measured for
//! loading alone: the kernel's peak-RSS counter is reset (`/proc/self/clear_refs`) after
//! generation and before the first load, so it does not include the generator.
//!
//! Goal: load the corpus in under 0.5 s on one core, in under 3× the text size in memory.

use remiss::model::{self, Case, file::CaseFile};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;
use common::{corpus_dir, ensure_corpus, reset_peak_rss, status_kib};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let generate_only = args.iter().any(|a| a == "--generate-only");
    let no_phases = args.iter().any(|a| a == "--no-phases");
    let runs = common::runs_arg(5);

    let dir = corpus_dir();
    let generated = ensure_corpus(&dir, generate_only);
    if generate_only {
        return;
    }

    // Memory: reset the peak so it counts loading only.
    let reset = reset_peak_rss();
    let rss_before = status_kib("VmRSS:");
    let hwm_before = status_kib("VmHWM:");

    // First load: memory, and the figures of the corpus.
    let t = Instant::now();
    let ws = model::load_path(&dir).expect("the corpus folder is readable");
    let first = t.elapsed();
    let rss_held = status_kib("VmRSS:");
    let hwm_after = status_kib("VmHWM:");
    assert!(
        ws.problems.is_empty(),
        "generated corpus has problems: {:?}",
        ws.problems
    );
    let toml_bytes = dir_toml_bytes(&dir);
    let (paragraphs, text_bytes) = text_size(&ws.cases);
    let words = distinct_words(&ws.cases);
    let positions: usize = ws.cases.iter().map(|c| c.positions.len()).sum();
    let bodies: usize = ws.cases.iter().map(|c| c.bodies.len()).sum();
    let cases = ws.cases.len();
    drop(ws);

    // Timed runs.
    let mut times = vec![first];
    for _ in 1..runs {
        let t = Instant::now();
        let ws = model::load_path(&dir).expect("the corpus folder is readable");
        times.push(t.elapsed());
        assert_eq!(ws.cases.len(), cases);
    }
    times.sort();
    let min = times[0];
    let median = times[times.len() / 2];

    let mb = |b: u64| b as f64 / 1e6;
    println!("remiss load benchmark");
    println!("  command:      cargo bench --bench load");
    println!(
        "  corpus:       {} ({})",
        dir.display(),
        if generated { "generated now" } else { "reused" }
    );
    println!(
        "  cases:        {cases} ({bodies} bodies, {positions} positions, seed {})",
        common::SEED
    );
    println!("  paragraphs:   {paragraphs}");
    println!("  distinct words: {words}");
    println!("  TOML:         {:.2} MB", mb(toml_bytes));
    println!(
        "  text:         {:.2} MB (paragraph bytes after loading)",
        mb(text_bytes)
    );
    println!(
        "  load_path:    min {:.3} s, median {:.3} s over {} runs (first {:.3} s)",
        min.as_secs_f64(),
        median.as_secs_f64(),
        times.len(),
        first.as_secs_f64()
    );
    println!(
        "  throughput:   {:.1} MB/s of TOML, {:.0} paragraphs/ms",
        mb(toml_bytes) / median.as_secs_f64(),
        paragraphs as f64 / (median.as_secs_f64() * 1000.0)
    );
    match (rss_before, hwm_before, hwm_after, rss_held) {
        (Some(rss0), Some(hwm0), Some(hwm1), Some(held)) => {
            let kib = |k: u64| k as f64 * 1024.0 / 1e6;
            let peak = hwm1.saturating_sub(rss0);
            let retained = held.saturating_sub(rss0);
            let note = if reset {
                "reset after generation".to_string()
            } else {
                format!("not resettable; VmHWM before {:.1} MB", kib(hwm0))
            };
            println!(
                "  peak RSS:     {:.1} MB during the first load (VmHWM {:.1} MB, RSS before {:.1} MB, peak {note})",
                kib(peak),
                kib(hwm1),
                kib(rss0),
            );
            println!(
                "  retained:     {:.1} MB RSS while holding the loaded workspace",
                kib(retained)
            );
            println!(
                "  memory/text:  peak {:.2}x, retained {:.2}x the text size (peak {:.2}x the TOML size)",
                kib(peak) / mb(text_bytes),
                kib(retained) / mb(text_bytes),
                kib(peak) / mb(toml_bytes)
            );
        }
        _ => println!("  peak RSS:     unavailable (no /proc/self/status)"),
    }
    let goal_time = median < Duration::from_millis(500);
    let goal_mem = hwm_after
        .zip(rss_before)
        .map(|(h, r)| (h.saturating_sub(r) * 1024) as f64 <= 3.0 * text_bytes as f64);
    println!(
        "  goal:         time < 0.5 s: {}; peak memory < 3x text: {}",
        if goal_time { "met" } else { "NOT met" },
        match goal_mem {
            Some(true) => "met",
            Some(false) => "NOT met",
            None => "unknown",
        }
    );

    if !no_phases {
        phases(&dir);
    }
}

/// Time the phases of loading separately: reading, TOML parsing into the file types, and the
/// whole of `parse_case` (TOML + validation + building the domain types).
fn phases(dir: &Path) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let best = |f: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let mut srcs: Vec<String> = Vec::new();
    let read = best(&mut || {
        srcs = files
            .iter()
            .map(|f| String::from_utf8(std::fs::read(f).expect("readable")).expect("UTF-8"))
            .collect();
    });
    let untyped = best(&mut || {
        for s in &srcs {
            let t: toml::Table = toml::from_str(s).expect("valid TOML");
            std::hint::black_box(t);
        }
    });
    let typed = best(&mut || {
        for s in &srcs {
            let t: CaseFile = toml::from_str(s).expect("valid case file");
            std::hint::black_box(t);
        }
    });
    let full = best(&mut || {
        for (s, f) in srcs.iter().zip(&files) {
            let c = model::parse_case(s, &f.display().to_string(), "x").expect("valid case");
            std::hint::black_box(c);
        }
    });
    let text = best(&mut || {
        for s in &srcs {
            std::hint::black_box(remiss::text::paragraphs(&remiss::text::clean(s)));
        }
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("phases (best of 3, all {} files):", files.len());
    println!("  read files:                    {:8.1} ms", ms(read));
    println!("  toml::from_str -> toml::Table  {:8.1} ms", ms(untyped));
    println!("  toml::from_str -> CaseFile     {:8.1} ms", ms(typed));
    println!(
        "  parse_case (TOML + validation) {:8.1} ms  (validation and building ≈ {:.1} ms)",
        ms(full),
        ms(full.saturating_sub(typed))
    );
    println!(
        "  clean + paragraphs, whole file {:8.1} ms  (upper bound of text hygiene)",
        ms(text)
    );
}

fn dir_toml_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// Every paragraph of every case (proposal, sections, decisions, positions): count and bytes.
fn all_paragraphs(case: &Case) -> impl Iterator<Item = &String> {
    case.proposal
        .iter()
        .chain(case.sections.iter().flat_map(|s| &s.paragraphs))
        .chain(case.bodies.iter().flat_map(|b| &b.decision))
        .chain(case.positions.iter().flat_map(|p| &p.paragraphs))
}

fn text_size(cases: &[Case]) -> (usize, u64) {
    cases
        .iter()
        .flat_map(all_paragraphs)
        .fold((0, 0), |(n, b), p| (n + 1, b + p.len() as u64))
}

fn distinct_words(cases: &[Case]) -> usize {
    let mut words: HashSet<String> = HashSet::new();
    for p in cases.iter().flat_map(all_paragraphs) {
        for w in p.split(|c: char| !c.is_alphabetic()) {
            if !w.is_empty() {
                words.insert(w.to_lowercase());
            }
        }
    }
    words.len()
}
