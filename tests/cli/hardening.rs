//! Hostile shapes of input, through the real binary: paths that were quadratic, errors that
//! lacked a place, exports that could run code elsewhere.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

fn remiss(dir: &Path, args: &[&str]) -> Output {
    crate::cmd::remiss_in(dir)
        .args(args)
        .env("REMISS_NO_CACHE", "1")
        .output()
        .unwrap()
}

/// A case whose positions 1..n are each `identical_to` the one before; position 0 has text.
fn chain_case(n: usize) -> String {
    let mut s = String::from(
        "format = 1\n[case]\ndnr = \"KS 1/1\"\ntitle = \"Kedja\"\nkind = \"motion\"\n\
         [[parties]]\ncode = \"M\"\nname = \"Moderaterna\"\n\
         [[bodies]]\nid = \"a\"\nname = \"A-nämnden\"\nkind = \"committee\"\n\
         [[positions]]\nid = \"p0\"\nbody = \"a\"\nstance = \"reservation\"\n\
         text = \"Den enda texten i kedjan.\"\n",
    );
    for i in 1..n {
        s.push_str(&format!(
            "[[positions]]\nid = \"p{i}\"\nbody = \"a\"\nstance = \"reservation\"\nidentical_to = \"p{}\"\n",
            i - 1
        ));
    }
    s
}

#[test]
fn a_chain_of_10000_identical_to_links_is_checked_well_under_a_second() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("chain.toml"), chain_case(10_000)).unwrap();
    let start = Instant::now();
    let out = remiss(dir.path(), &["check", "chain.toml"]);
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // Quadratic, this took 4 s in a release build; linear, a debug build needs a few ms.
    assert!(took < Duration::from_millis(800), "check took {took:?}");
    // The last link reads the first text.
    let out = remiss(dir.path(), &["diff", "chain.toml", "p0", "p9999"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("100% the same; 0 changes"), "{text}");
}

#[test]
fn a_loop_of_links_is_an_error_at_each_position_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let src = chain_case(4).replace(
        "text = \"Den enda texten i kedjan.\"\n",
        "identical_to = \"p3\"\n",
    );
    std::fs::write(dir.path().join("loop.toml"), src).unwrap();
    let out = remiss(dir.path(), &["check", "loop.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err.matches("`identical_to` links form a loop").count(),
        4,
        "{err}"
    );
}
