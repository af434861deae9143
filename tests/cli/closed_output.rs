//! Every command with its output going nowhere: stdout or stderr a pipe whose reader closed
//! before the first write (`remiss … | true`), or a full disk (`/dev/full`). A closed pipe is
//! a quiet end with the exit code the command would have had; a full disk is an error message
//! and exit 1. Never a panic (exit 101).

use std::path::Path;
use std::process::{Output, Stdio};

/// Where a stream goes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sink {
    /// Captured.
    Pipe,
    /// A pipe whose reading end is closed before the command starts.
    Closed,
    /// `/dev/full`: every write fails with ENOSPC.
    Full,
}

fn stdio(sink: Sink) -> Stdio {
    match sink {
        Sink::Pipe => Stdio::piped(),
        Sink::Closed => {
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            Stdio::from(writer)
        }
        Sink::Full => Stdio::from(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        ),
    }
}

fn run(dir: &Path, args: &[&str], stdout: Sink, stderr: Sink) -> Output {
    crate::cmd::remiss_in(dir)
        .args(args)
        .env("REMISS_CACHE_DIR", dir.join("cache"))
        .stdin(Stdio::null())
        .stdout(stdio(stdout))
        .stderr(stdio(stderr))
        .output()
        .unwrap()
}

/// Every command, with arguments that make it write to stdout, to stderr, or both.
fn commands() -> Vec<Vec<&'static str>> {
    let mut all: Vec<Vec<&str>> = vec![
        vec!["check", "cases/"],
        vec!["check", "invalid/"],
        vec!["matrix", "cases/", "--by", "party"],
        vec!["matrix", "cases/", "--format", "csv"],
        vec!["matrix", "invalid/"],
        vec!["search", "cases/", "skarholmen", "tunnelbana"],
        vec!["search", "cases/", "zzzz"],
        vec![
            "search",
            "cases/",
            "kiosk",
            "--format",
            "json",
            "--no-cache",
        ],
        vec!["search", "cases/", "stance:nonsense"],
        vec!["similar", "cases/"],
        vec!["similar", "cases/", "--format", "json"],
        vec![
            "diff",
            "cases/",
            "socialnamnden/reservation/M",
            "skarholmen/reservation/M",
        ],
        vec!["diff", "cases/", "nope", "socialnamnden/reservation/M"],
        vec!["notes", "cases/trygghetskiosker.toml"],
        vec![
            "notes",
            "cases/trygghetskiosker.toml",
            "--add",
            "socialnamnden/reservation/M#1",
            "--format",
            "json",
        ],
        vec!["import", "statement.txt"],
        vec!["import", "no-such-file.txt"],
        vec!["cases/"],
        vec!["--help"],
        vec!["--version"],
        vec!["search", "--help"],
        vec!["matirx", "cases/"],
        vec!["report", "cases/"],
        vec!["completions", "bash"],
        vec!["man"],
        vec!["schema"],
    ];
    for format in ["text", "markdown", "json"] {
        all.push(vec!["matrix", "cases/", "--format", format]);
    }
    all
}

/// A folder with the bundled case, a folder of invalid files, and a statement to import.
fn workspace() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("cases")).unwrap();
    std::fs::copy(
        root.join("cases/trygghetskiosker.toml"),
        dir.path().join("cases/trygghetskiosker.toml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("invalid")).unwrap();
    for e in std::fs::read_dir(root.join("tests/fixtures/invalid")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("invalid").join(e.file_name())).unwrap();
    }
    std::fs::copy(
        root.join("tests/fixtures/import/two_reservations.txt"),
        dir.path().join("statement.txt"),
    )
    .unwrap();
    dir
}

fn no_panic(args: &[&str], out: &Output, how: &str) {
    assert_ne!(
        out.status.code(),
        Some(101),
        "remiss {args:?} {how}: exit 101"
    );
    assert!(out.status.code().is_some(), "remiss {args:?} {how}: killed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "remiss {args:?} {how}: {stderr}"
    );
}

#[test]
fn a_closed_pipe_is_a_quiet_end_with_the_usual_exit_code() {
    let dir = workspace();
    for args in commands() {
        let normal = run(dir.path(), &args, Sink::Pipe, Sink::Pipe);
        let code = normal.status.code();
        assert!(matches!(code, Some(0..=2)), "remiss {args:?}: {normal:?}");

        let out = run(dir.path(), &args, Sink::Closed, Sink::Pipe);
        no_panic(&args, &out, "| true");
        assert_eq!(out.status.code(), code, "remiss {args:?} | true");
        // Nothing is said about the closed pipe: stderr holds what it always holds.
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("cannot write"),
            "remiss {args:?} | true: {stderr}"
        );

        let out = run(dir.path(), &args, Sink::Pipe, Sink::Closed);
        no_panic(&args, &out, "2>&1 | true");
        assert_eq!(out.status.code(), code, "remiss {args:?} 2>|true");

        let out = run(dir.path(), &args, Sink::Closed, Sink::Closed);
        no_panic(&args, &out, "both closed");
        assert_eq!(out.status.code(), code, "remiss {args:?} both closed");
    }
}

#[test]
fn a_full_disk_is_an_error_with_exit_1() {
    let dir = workspace();
    for args in commands() {
        let normal = run(dir.path(), &args, Sink::Pipe, Sink::Pipe);
        let code = normal.status.code().unwrap();

        let out = run(dir.path(), &args, Sink::Full, Sink::Pipe);
        no_panic(&args, &out, "> /dev/full");
        let stderr = String::from_utf8_lossy(&out.stderr);
        if normal.stdout.is_empty() {
            assert_eq!(out.status.code(), Some(code), "remiss {args:?} > /dev/full");
        } else {
            let expected = if code == 0 { 1 } else { code };
            assert_eq!(
                out.status.code(),
                Some(expected),
                "remiss {args:?} > /dev/full: {stderr}"
            );
            assert!(
                stderr.contains("remiss: cannot write the output: No space left on device"),
                "remiss {args:?} > /dev/full: {stderr}"
            );
        }

        let out = run(dir.path(), &args, Sink::Pipe, Sink::Full);
        no_panic(&args, &out, "2> /dev/full");
        let expected = if normal.stderr.is_empty() || code != 0 {
            code
        } else {
            1
        };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "remiss {args:?} 2> /dev/full"
        );
        if !args.contains(&"--add") {
            assert_eq!(out.stdout, normal.stdout, "remiss {args:?} 2> /dev/full");
        }
    }
}
