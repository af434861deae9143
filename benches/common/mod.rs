//! Shared by the benchmarks: the generated corpus in `target/bench-corpus` and peak-memory
//! readings from `/proc/self/status`.
#![allow(dead_code)]

use remiss_corpus::{self as corpus, CorpusStats};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub const CASES: usize = 500;
pub const SEED: u64 = 2026;
const MARKER: &str = ".corpus-marker";

/// `target/bench-corpus`, honouring `CARGO_TARGET_DIR`.
pub fn corpus_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("bench-corpus")
}

/// What the marker file says: the seed, the count, and a fingerprint of the first and last
/// case, so a changed generator regenerates the corpus.
pub fn marker_text() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for i in [0, CASES - 1] {
        for b in corpus::generate_case(SEED, i).bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!(
        "seed={SEED} cases={CASES} generator={} fingerprint={h:016x}\n",
        corpus::GENERATOR_VERSION
    )
}

/// Generate the corpus unless a matching one is there. Returns whether it generated.
pub fn ensure_corpus(dir: &Path, force: bool) -> bool {
    let marker = marker_text();
    let current = std::fs::read_to_string(dir.join(MARKER)).ok();
    if !force && current.as_deref() == Some(marker.as_str()) {
        return false;
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("can remove the old corpus");
    }
    let t = Instant::now();
    let CorpusStats {
        files,
        bytes,
        paragraphs,
    } = corpus::write_corpus(dir, CASES, SEED).expect("can write the corpus");
    std::fs::write(dir.join(MARKER), marker).expect("can write the marker");
    eprintln!(
        "generated {files} cases, {paragraphs} paragraphs, {:.2} MB in {:.2} s into {}",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        dir.display()
    );
    true
}

/// Reset the kernel's peak-RSS counter (Linux 4.0+).
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// A `kB` line of `/proc/self/status`, e.g. `VmHWM:`.
pub fn status_kib(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The value of `--runs N` on the bench's command line (at least 1), else `default`.
pub fn runs_arg(default: usize) -> usize {
    let args: Vec<String> = std::env::args().skip(1).collect();
    args.iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
        .max(1)
}
