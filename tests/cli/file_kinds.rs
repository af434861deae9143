//! The wrong kind of file, given where remiss reads or writes: a FIFO, a device, a symbolic
//! link (to a file, dangling, or in a loop), a stream that never ends. Reads end with a clear
//! error within a second, never a hang; writes refuse anything but a regular file or a new
//! path and write through a link to its target; files meant to be shared get the umask.

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const CASE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/cases/trygghetskiosker.toml");
const STATEMENT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/two_reservations.txt"
);

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

fn remiss(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = crate::cmd::remiss_in(dir);
    cmd.args(args)
        .env("REMISS_CACHE_DIR", dir.join(".cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Wait for `child` at most `limit`; a child still running then is killed and the test fails.
fn finish_within(mut child: Child, limit: Duration, what: &str) -> (Output, Duration) {
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return (child.wait_with_output().unwrap(), start.elapsed());
        }
        if start.elapsed() > limit * 10 {
            let _ = child.kill();
            panic!("{what}: still running after {:?}", start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Run; it must end within a second with exit 1 and a message holding `expected`.
#[track_caller]
fn fails_at_once(dir: &Path, args: &[&str], expected: &str) -> String {
    let child = remiss(dir, args).spawn().unwrap();
    let (out, took) = finish_within(child, Duration::from_secs(1), &format!("{args:?}"));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(took < Duration::from_secs(1), "{args:?} took {took:?}");
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(expected), "{args:?}: {err}");
    err
}

fn case_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("kiosker.toml");
    fs::copy(CASE, &case).unwrap();
    (dir, case)
}

#[test]
fn a_fifo_or_a_device_as_input_is_an_error_within_a_second() {
    let (dir, _case) = case_dir();
    let d = dir.path();
    mkfifo(&d.join("fifo.toml"));
    fails_at_once(
        d,
        &["check", "fifo.toml"],
        "fifo.toml: error: cannot read: it is a FIFO",
    );
    fails_at_once(
        d,
        &["check", "/dev/zero"],
        "/dev/zero: error: cannot read: it is a character device",
    );
    fails_at_once(
        d,
        &["matrix", "/dev/zero"],
        "it is a character device, not a regular file",
    );
    fails_at_once(d, &["import", "fifo.toml"], "it is a FIFO");
    fails_at_once(d, &["import", "/dev/zero"], "it is a character device");
    // A notes file and a notes lock file that are FIFOs.
    fails_at_once(
        d,
        &["notes", "kiosker.toml", "--notes", "fifo.toml"],
        "cannot read notes: it is a FIFO",
    );
    mkfifo(&d.join(".kiosker.notes.toml.lock"));
    fails_at_once(
        d,
        &["notes", "kiosker.toml", "--add", "proposal"],
        "is a FIFO (named pipe), not a regular file",
    );
}

#[test]
fn standard_input_by_name_is_read_to_the_limit() {
    let (dir, case) = case_dir();
    // A case file on stdin works.
    let out = remiss(dir.path(), &["check", "/dev/stdin"])
        .stdin(fs::File::open(&case).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // An endless stream (`yes | remiss check /dev/stdin`) stops at the limit.
    let mut yes = Command::new("yes").stdout(Stdio::piped()).spawn().unwrap();
    let child = remiss(dir.path(), &["check", "/dev/stdin"])
        .stdin(yes.stdout.take().unwrap())
        .spawn()
        .unwrap();
    let (out, took) = finish_within(child, Duration::from_secs(1), "yes | check");
    let _ = yes.kill();
    let _ = yes.wait();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the input is larger than 32 MiB; a case file may be at most 32 MiB"),
        "{err}"
    );
    assert!(took < Duration::from_secs(2), "took {took:?}");
    // /dev/zero as stdin too.
    let out = remiss(dir.path(), &["check", "/dev/stdin"])
        .stdin(fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn links_and_fifos_in_a_folder_are_reported() {
    let (dir, _case) = case_dir();
    let d = dir.path();
    symlink("gone.toml", d.join("dangling.toml")).unwrap();
    symlink("loop-b.toml", d.join("loop-a.toml")).unwrap();
    symlink("loop-a.toml", d.join("loop-b.toml")).unwrap();
    mkfifo(&d.join("pipe.toml"));
    // A link to a good case loads.
    symlink("kiosker.toml", d.join("linked.toml")).unwrap();
    let child = remiss(d, &["check", "."]).spawn().unwrap();
    let (out, took) = finish_within(child, Duration::from_secs(1), "check .");
    assert!(took < Duration::from_secs(1), "took {took:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "dangling.toml: error: cannot read: a symbolic link to gone.toml, which does not exist"
        ),
        "{err}"
    );
    assert!(
        err.contains("loop-a.toml: error: cannot read: ./loop-a.toml is a loop of symbolic links"),
        "{err}"
    );
    assert!(
        err.contains("pipe.toml: error: cannot read: it is a FIFO"),
        "{err}"
    );
    // The good case and its link are loaded (the link's case id is the same: one problem).
    assert!(err.contains("5 problem(s); 1 case(s) valid"), "{err}");
}

#[test]
fn output_at_a_fifo_or_a_device_is_refused_and_left_alone() {
    let (dir, _case) = case_dir();
    let d = dir.path();
    mkfifo(&d.join("out.toml"));
    fails_at_once(
        d,
        &["import", STATEMENT, "-o", "out.toml", "--force"],
        "out.toml is a FIFO (named pipe), not a regular file; remiss writes only regular files",
    );
    assert!(
        fs::metadata(d.join("out.toml"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // A device (through a link, so that nothing could ever touch the system's /dev/null).
    symlink("/dev/null", d.join("null.toml")).unwrap();
    fails_at_once(
        d,
        &["import", STATEMENT, "-o", "null.toml", "--force"],
        "null.toml is a character device, not a regular file",
    );
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert!(
        fs::symlink_metadata(d.join("null.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A folder: the case goes into it, named after the case (as each § of a protocol does).
    fs::create_dir(d.join("imported")).unwrap();
    let out = remiss(d, &["import", STATEMENT, "-o", "imported"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let written: Vec<_> = fs::read_dir(d.join("imported"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].path().extension().is_some_and(|e| e == "toml"));
    remiss::model::load_file(&written[0].path()).unwrap();
}

#[test]
fn a_link_is_written_through_to_its_target() {
    let (dir, _case) = case_dir();
    let d = dir.path();
    fs::create_dir(d.join("shared")).unwrap();
    // An import over a link.
    fs::write(d.join("shared/case.toml"), "old").unwrap();
    symlink("shared/case.toml", d.join("case.toml")).unwrap();
    let out = remiss(d, &["import", STATEMENT, "-o", "case.toml", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        fs::symlink_metadata(d.join("case.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = fs::read_to_string(d.join("shared/case.toml")).unwrap();
    assert!(written.starts_with("# "), "{written}");
    // Notes kept in another folder through a link.
    symlink("shared/kiosker.notes.toml", d.join("kiosker.notes.toml")).unwrap();
    let out = remiss(d, &["notes", "kiosker.toml", "--add", "proposal"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = remiss(d, &["notes", "kiosker.toml", "--add", "proposal"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        fs::symlink_metadata(d.join("kiosker.notes.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let notes = fs::read_to_string(d.join("shared/kiosker.notes.toml")).unwrap();
    assert_eq!(notes.matches("[[items]]").count(), 2, "{notes}");
    // No temporary file is left anywhere.
    for folder in [d.to_path_buf(), d.join("shared")] {
        for e in fs::read_dir(folder).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            assert!(!name.contains(".tmp"), "{name}");
        }
    }
}

#[test]
fn shared_files_get_the_umask_and_notes_stay_private() {
    let (dir, _case) = case_dir();
    let d = dir.path();
    let sh = |cmd: &str| {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("umask 022; exec \"$0\" {cmd}"))
            .arg(env!("CARGO_BIN_EXE_remiss"))
            .current_dir(d)
            .env("REMISS_NO_CACHE", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
    };
    let mode = |name: &str| fs::metadata(d.join(name)).unwrap().permissions().mode() & 0o777;
    sh(&format!("import {STATEMENT} -o imported.toml"));
    assert_eq!(mode("imported.toml"), 0o644);
    sh("notes kiosker.toml --add proposal");
    assert_eq!(mode("kiosker.notes.toml"), 0o600);
}
