//! The one way the tests run the real binary, and the check that end-to-end tests make for the
//! programs they need (tmux, Xvfb, xclip, pdftotext). Shared by both test binaries
//! (`tests/cli`, `tests/tui`).
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The binary, run from the package root, in English, without `NO_COLOR`, with its search
/// cache in the tests' own folder under `target/` (so a user's cache is never touched; tests
/// that share it must not depend on what others wrote there). A test sets more on the command
/// it gets back (`output()` captures stdout and stderr and gives the child no stdin).
pub fn remiss() -> Command {
    remiss_in(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// [`remiss`], run in `dir`.
pub fn remiss_in(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_remiss"));
    cmd.current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env(
            "REMISS_CACHE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/search-cache"),
        )
        .env_remove("REMISS_NO_CACHE")
        .env_remove("NO_COLOR")
        // A user's own configuration (keys, theme) never reaches the tests.
        .env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"),
        )
        .env_remove("REMISS_CONFIG");
    cmd
}

/// Run a command: its exit code (-1 when killed by a signal), stdout and stderr.
pub fn output(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Run `remiss ARGS`: exit code, stdout, stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    output(remiss().args(args))
}

/// Run `remiss ARGS`, assert exit code 0 and an empty stderr, return stdout.
pub fn run_ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "remiss {args:?}; stderr:\n{stderr}");
    assert!(stderr.is_empty(), "remiss {args:?}; stderr:\n{stderr}");
    stdout
}

/// A temporary folder holding a copy of the bundled case file (notes then go beside it, as
/// for a user's own case folder), and the copy's path.
pub fn bundled_case_in_temp_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("trygghetskiosker.toml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/cases/trygghetskiosker.toml"),
        &case,
    )
    .unwrap();
    (dir, case)
}

/// Set in CI (`.ci/run`): an end-to-end test whose programs are missing fails instead of
/// skipping.
pub const REQUIRE_E2E: &str = "REMISS_REQUIRE_E2E";

/// Whether every program in `programs` is on `PATH`. When one is not, the end-to-end test
/// `test` must not run: this says so on the terminal (past the test harness's capture, so
/// that `cargo test` shows the skip) and returns false; with [`REQUIRE_E2E`] set to `1` it
/// fails the test instead.
pub fn programs_or_skip(test: &str, programs: &[&str]) -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    missing_or_skip(test, &missing(programs, &path))
}

/// With `missing` empty, true; else the skip (or, under [`REQUIRE_E2E`], the failure) of
/// [`programs_or_skip`] for what is missing (programs, or a Python module's Debian package).
pub fn missing_or_skip(test: &str, missing: &[&str]) -> bool {
    let required = std::env::var(REQUIRE_E2E).is_ok_and(|v| v == "1");
    match skip(test, missing, required) {
        Ok(None) => true,
        Ok(Some(msg)) => {
            // Written to the process's stderr itself, not through `eprintln!`, which the
            // harness captures for a passing test.
            let _ = writeln!(std::io::stderr(), "{msg}");
            false
        }
        Err(msg) => panic!("{msg}"),
    }
}

/// The programs of `programs` that no folder of `path` (a `PATH` value) holds.
fn missing<'a>(programs: &[&'a str], path: &std::ffi::OsStr) -> Vec<&'a str> {
    programs
        .iter()
        .copied()
        .filter(|p| !std::env::split_paths(path).any(|dir| is_executable(&dir.join(p))))
        .collect()
}

/// Run (`Ok(None)`), skip with a message (`Ok(Some)`), or fail when the programs must be
/// there (`Err`).
fn skip(test: &str, missing: &[&str], required: bool) -> Result<Option<String>, String> {
    if missing.is_empty() {
        return Ok(None);
    }
    let msg = format!(
        "SKIPPED {test}: {} not installed (Debian: apt-get install tmux xvfb xclip procps \
         poppler-utils chromium python3-docx)",
        missing.join(", ")
    );
    if required {
        Err(format!(
            "{msg}; {REQUIRE_E2E}=1 requires the end-to-end tests to run"
        ))
    } else {
        Ok(Some(msg))
    }
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}

#[cfg(unix)]
#[test]
fn without_tmux_on_the_path_the_end_to_end_tests_skip_unless_required() {
    // A PATH with `sh` and no tmux, as on a machine without it.
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/bin/sh", dir.path().join("sh")).unwrap();
    let path = dir.path().as_os_str();
    assert_eq!(missing(&["sh", "tmux", "Xvfb"], path), ["tmux", "Xvfb"]);
    let skipped = skip("e2e", &missing(&["tmux"], path), false)
        .unwrap()
        .unwrap();
    assert!(
        skipped.starts_with("SKIPPED e2e: tmux not installed"),
        "{skipped}"
    );
    let failed = skip("e2e", &missing(&["tmux"], path), true).unwrap_err();
    assert!(failed.contains("REMISS_REQUIRE_E2E=1"), "{failed}");
    assert_eq!(skip("e2e", &missing(&["sh"], path), true), Ok(None));
}
