//! Shared by the benchmarks: the generated corpus in `target/bench-corpus` and peak-memory
//! readings from `/proc/self/status`.
#![allow(dead_code)]

use remiss_corpus::{self as corpus, CorpusStats};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub const CASES: usize = 500;
pub const SEED: u64 = 2026;
const MARKER: &str = ".corpus-marker";

/// The target folder, honouring `CARGO_TARGET_DIR`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// `target/bench-corpus`.
pub fn corpus_dir() -> PathBuf {
    target_dir().join("bench-corpus")
}

/// A fingerprint of some generated case files, so a changed generator regenerates a folder.
fn fingerprint(sources: impl Iterator<Item = String>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for src in sources {
        for b in src.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// What the marker file says: the seed, the count, and a fingerprint of the first and last
/// case, so a changed generator regenerates the corpus.
pub fn marker_text() -> String {
    let h = fingerprint(
        [0, CASES - 1]
            .into_iter()
            .map(|i| corpus::generate_case(SEED, i)),
    );
    format!(
        "seed={SEED} cases={CASES} generator={} fingerprint={h:016x}\n",
        corpus::GENERATOR_VERSION
    )
}

/// Generate the corpus unless a matching one is there. Returns whether it generated.
pub fn ensure_corpus(dir: &Path, force: bool) -> bool {
    ensure_folder(dir, &marker_text(), force, |d| {
        corpus::write_corpus(d, CASES, SEED)
    })
}

/// Words varied in each near copy, percent.
pub const NEAR_COPY_PERCENT: usize = 6;

/// `target/bench-near-copies/N`: `n` near copies of the bundled case
/// ([`corpus::near_copy`], seed [`SEED`], [`NEAR_COPY_PERCENT`]% of words varied), generated
/// unless already there.
pub fn near_copies(n: usize) -> PathBuf {
    let dir = target_dir().join("bench-near-copies").join(n.to_string());
    let h = fingerprint(
        [0, n.saturating_sub(1)]
            .into_iter()
            .map(|i| corpus::near_copy(SEED, i, NEAR_COPY_PERCENT)),
    );
    let marker = format!(
        "near copies seed={SEED} cases={n} percent={NEAR_COPY_PERCENT} fingerprint={h:016x}\n"
    );
    ensure_folder(&dir, &marker, false, |d| {
        corpus::write_near_copies(d, n, SEED, NEAR_COPY_PERCENT)
    });
    dir
}

/// Write a folder with `write` unless its marker file says it holds `marker` already.
/// Returns whether it wrote.
fn ensure_folder(
    dir: &Path,
    marker: &str,
    force: bool,
    write: impl FnOnce(&Path) -> std::io::Result<CorpusStats>,
) -> bool {
    let current = std::fs::read_to_string(dir.join(MARKER)).ok();
    if !force && current.as_deref() == Some(marker) {
        return false;
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("can remove the old folder");
    }
    let t = Instant::now();
    let CorpusStats {
        files,
        bytes,
        paragraphs,
    } = write(dir).expect("can write the generated cases");
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
