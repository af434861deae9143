//! Import benchmark: `remiss::import::import_text` on the real statement (the seed) and the six
//! documents derived from it (`tests/fixtures/import/*.txt`), then on large inputs (the seed 20
//! times over as one document, and a 10 MB paragraph). The generated corpus holds case files,
//! not statements, so the statements here are the real one and its derivatives.
//!
//! ```text
//! cargo bench --bench import                  # 200 timed runs per document
//! cargo bench --bench import -- --runs 1000
//! ```
//!
//! Every run includes the check that the written file loads (`model::parse_case`), as the
//! command does. Peak memory is the process's VmHWM, read after each phase.

use remiss::i18n::Lang;
mod common;

use remiss::import::import_text;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let runs = common::runs_arg(200);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<(String, String)> = vec![(
        "seed".into(),
        read(&root.join("tests/fixtures/seed/000_fa419cc41b8f4bfd.txt")),
    )];
    let mut fixtures: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/import"))
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    fixtures.sort();
    for p in fixtures {
        let name = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        docs.push((name, read(&p)));
    }

    println!("remiss import benchmark");
    println!("  command: cargo bench --bench import -- --runs {runs}");
    println!("  per document ({runs} runs each, release build):");
    let mut all = Vec::new();
    for (name, text) in &docs {
        let times = time(text, runs);
        println!(
            "    {name:<24} {:>7.1} KB  p50 {:>6.2} ms  p99 {:>6.2} ms  ({} warning(s))",
            text.len() as f64 / 1024.0,
            ms(pct(&times, 50)),
            ms(pct(&times, 99)),
            import_text(text, name, Lang::En).warnings.len()
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "    all documents              p50 {:>6.2} ms  p99 {:>6.2} ms",
        ms(pct(&all, 50)),
        ms(pct(&all, 99))
    );
    report_hwm("after the documents");

    let seed = &docs[0].1;
    let big = seed.repeat(20);
    let t = time(&big, 5);
    println!(
        "  the seed 20 times over ({:.1} MB, one document): p50 {:.0} ms",
        big.len() as f64 / 1048576.0,
        ms(pct(&t, 50))
    );
    report_hwm("after the 20-fold seed");
    let word = "trygghetskiosker ";
    let paragraph = word.repeat(10 * 1024 * 1024 / word.len());
    let t = time(&paragraph, 3);
    println!("  a 10 MB paragraph: p50 {:.0} ms", ms(pct(&t, 50)));
    report_hwm("after the 10 MB paragraph");
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn time(text: &str, runs: usize) -> Vec<Duration> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let out = import_text(text, "bench.txt", Lang::En);
        times.push(t.elapsed());
        std::hint::black_box(out);
    }
    times.sort();
    times
}

fn pct(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report_hwm(when: &str) {
    let hwm = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .map(|v| v.trim().to_string())
        });
    match hwm {
        Some(v) => println!("  peak RSS (VmHWM) {when}: {v}"),
        None => println!("  peak RSS: unavailable (no /proc/self/status)"),
    }
}
