//! Hostile shapes of input, measured: the peak memory of `remiss check` on 19 MB case files
//! of three shapes, and the time to load a chain of 10,000 `identical_to` links.
//!
//! ```text
//! cargo bench --bench hostile
//! ```
//!
//! Peak memory is the child's `VmHWM` (the kernel's high-water mark of its resident set),
//! read from `/proc/PID/status` every millisecond until it exits; the last reading is within a
//! millisecond of the end, and the mark never goes down. Goal: `check` within 3× the file's
//! size (files over 256 KiB are read one table at a time, `model::pieces`); the tiny
//! positions are above it by the loaded case's own size, about 600 bytes a position.

use remiss::model;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

const TARGET_BYTES: usize = 19_000_000;

fn main() {
    let dir = common::corpus_dir().join("hostile");
    std::fs::create_dir_all(&dir).expect("can create the folder");
    println!("remiss hostile-input benchmark (cargo bench --bench hostile)");
    println!("peak memory of `remiss check FILE` (VmHWM of the process):");
    for (name, src) in [
        ("long texts (9,500 positions of 2 KB)", long_texts()),
        ("one 19 MB paragraph", one_paragraph()),
        ("190,000 tiny positions", tiny_positions()),
        ("nested arrays (lines of 60 levels)", nested_arrays()),
    ] {
        let file = dir.join(format!("{}.toml", name.split(' ').next().unwrap_or("x")));
        std::fs::write(&file, &src).expect("can write");
        let (peak_kib, took, code) = check_peak(&file);
        let mb = src.len() as f64 / 1e6;
        let peak_mb = peak_kib as f64 * 1024.0 / 1e6;
        println!(
            "  {name:40} {mb:5.1} MB file: peak {peak_mb:6.1} MB = {:4.1}x, {:.2} s{}",
            peak_mb / mb,
            took.as_secs_f64(),
            match code {
                Some(0) => "",
                Some(1) => " (problems reported)",
                _ => " (check crashed!)",
            }
        );
    }
    let chain = dir.join("chain.toml");
    std::fs::write(&chain, chain_case(10_000)).expect("can write");
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let case = model::load_file(&chain).expect("the chain loads");
            assert_eq!(case.text_of(case.positions.len() - 1).len(), 1);
            t.elapsed()
        })
        .collect();
    let best = runs.iter().min().copied().unwrap_or_default();
    println!(
        "10,000-link identical_to chain: load_file best of 5 {:.1} ms",
        best.as_secs_f64() * 1000.0
    );
}

/// Run the release binary's `check` on `file`; its peak RSS (KiB), time, and exit code.
fn check_peak(file: &Path) -> (u64, Duration, Option<i32>) {
    let t = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_remiss"))
        .arg("check")
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(kib) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().expect("can wait") {
            return (peak, t.elapsed(), status.code());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

const HEAD: &str = "format = 1\n[case]\ndnr = \"KS 1/1\"\ntitle = \"Stor\"\nkind = \"motion\"\n\
[[parties]]\ncode = \"M\"\nname = \"Moderaterna\"\n\
[[bodies]]\nid = \"a\"\nname = \"A-nämnden\"\nkind = \"committee\"\n";

fn long_texts() -> String {
    let para = "Trygghetskiosker ska vara upplysta och bemannade knutpunkter på platser med hög \
                upplevd otrygghet. "
        .repeat(20);
    let mut s = String::from(HEAD);
    let mut n = 0;
    while s.len() < TARGET_BYTES {
        s.push_str(&format!(
            "[[positions]]\nid = \"p{n}\"\nbody = \"a\"\nstance = \"reservation\"\n\
             signatories = [{{ name = \"A B m.fl.\", party = \"M\" }}]\ntext = \"\"\"\n{para}\n\"\"\"\n\n"
        ));
        n += 1;
    }
    s
}

fn one_paragraph() -> String {
    let words = "ord ".repeat((TARGET_BYTES - HEAD.len()) / 4);
    format!(
        "{HEAD}[[positions]]\nbody = \"a\"\nstance = \"reservation\"\nparties = [\"M\"]\n\
         text = \"\"\"\n{words}\n\"\"\"\n"
    )
}

fn tiny_positions() -> String {
    let mut s = String::from(HEAD);
    let mut n = 0;
    while s.len() < TARGET_BYTES {
        s.push_str(&format!(
            "[[positions]]\nid = \"p{n}\"\nbody = \"a\"\nstance = \"reservation\"\n\
             signatories = [{{ name = \"A B\", party = \"M\" }}]\ntext = \"Kort text {n}.\"\n\n"
        ));
        n += 1;
    }
    s
}

/// A position followed by lines of arrays nested 60 deep (`n0 = [[[…]]]`; the parser follows
/// 80): every byte a token of the parser. The keys are unknown, so `check` reports them, but
/// only after the whole document is parsed, which is what this measures.
fn nested_arrays() -> String {
    let mut s = format!(
        "{HEAD}[[positions]]\nbody = \"a\"\nstance = \"reservation\"\nparties = [\"M\"]\n\
         text = \"x\"\n"
    );
    let mut n = 0;
    while s.len() < TARGET_BYTES {
        s.push_str(&format!("n{n} = {}{}\n", "[".repeat(60), "]".repeat(60)));
        n += 1;
    }
    s
}

fn chain_case(n: usize) -> String {
    let mut s = format!(
        "{HEAD}[[positions]]\nid = \"p0\"\nbody = \"a\"\nstance = \"reservation\"\n\
         parties = [\"M\"]\ntext = \"Den enda texten.\"\n"
    );
    for i in 1..n {
        s.push_str(&format!(
            "[[positions]]\nid = \"p{i}\"\nbody = \"a\"\nstance = \"reservation\"\n\
             parties = [\"M\"]\nidentical_to = \"p{}\"\n",
            i - 1
        ));
    }
    s
}
