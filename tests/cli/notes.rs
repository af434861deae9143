//! `remiss notes` on the real binary: adding quotes, printing Markdown / text / JSON, stale
//! quotes after the case changes, errors; and a writer killed at random moments never leaves a
//! torn or short notes file.

use crate::cmd::{bundled_case_in_temp_dir, remiss};
use remiss::model::load_bundled;
use remiss::notes::store::Store;
use remiss::notes::{ItemKind, Notes};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn case_dir() -> (tempfile::TempDir, PathBuf) {
    bundled_case_in_temp_dir()
}

fn add(case: &Path, args: &[&str]) -> std::process::Output {
    remiss().arg("notes").arg(case).args(args).output().unwrap()
}

fn sample(case: &Path) {
    let out = add(
        case,
        &[
            "--heading",
            "Their argument: fixed places, not mobile work",
            "--add",
            "socialnamnden/reservation/M#2",
            "--add",
            "skarholmen/reservation/M#1",
            "--comment",
            "Sergels torg already has a shared room.",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = add(
        case,
        &[
            "--heading",
            "The commissioner",
            "--add",
            "section:commissioner_views#5",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn print(case: &Path, format: &str) -> String {
    let out = remiss()
        .args(["notes", "--format", format])
        .arg(case)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn markdown_export() {
    let (_d, case) = case_dir();
    sample(&case);
    insta::assert_snapshot!("notes_markdown", print(&case, "markdown"));
}

#[test]
fn text_export() {
    let (_d, case) = case_dir();
    sample(&case);
    insta::assert_snapshot!("notes_text", print(&case, "text"));
}

#[test]
fn json_export_names_every_field() {
    let (_d, case) = case_dir();
    sample(&case);
    let v: Value = serde_json::from_str(&print(&case, "json")).unwrap();
    assert_eq!(v["dnr"], "KS 2025/1121");
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    let q = &items[1];
    assert_eq!(q["kind"], "quote");
    assert_eq!(q["source"], "socialnamnden/reservation/M");
    assert_eq!(q["paragraphs"], serde_json::json!([2, 2]));
    assert_eq!(q["stance"], "reservation");
    assert_eq!(q["parties"], serde_json::json!(["M"]));
    assert_eq!(q["byline"], "Andréa Hedin m.fl. (M)");
    assert_eq!(q["date"], "2026-02-17");
    assert_eq!(q["comment"], "Sergels torg already has a shared room.");
    assert_eq!(q["stale"], false);
    assert_eq!(items[4]["source"], "section:commissioner_views");
}

#[test]
fn a_quote_no_longer_in_the_case_is_marked_stale_and_kept() {
    let (_d, case) = case_dir();
    sample(&case);
    // Rewrite one quoted passage in the case file.
    let src = std::fs::read_to_string(&case).unwrap();
    let changed = src.replacen(
        "Trygghetskiosker ska vara upplysta och bemannade knutpunkter",
        "Trygghetskiosker kan vara upplysta knutpunkter",
        1,
    );
    assert_ne!(src, changed);
    std::fs::write(&case, changed).unwrap();
    let md = print(&case, "markdown");
    assert_eq!(
        md.matches("*(no longer in the case file)*").count(),
        1,
        "{md}"
    );
    assert!(md.contains("> Trygghetskiosker ska vara upplysta och bemannade knutpunkter"));
    let v: Value = serde_json::from_str(&print(&case, "json")).unwrap();
    let stale: Vec<bool> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "quote")
        .map(|i| i["stale"].as_bool().unwrap())
        .collect();
    assert_eq!(stale, [true, false, false]);
}

#[test]
fn bad_sources_and_ranges_are_clear_errors() {
    let (_d, case) = case_dir();
    let out = add(&case, &["--add", "socialnamnden/reservation/X"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no position or section `socialnamnden/reservation/X` in KS 2025/1121"),
        "{err}"
    );
    let out = add(&case, &["--add", "socialnamnden/reservation/M#3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("paragraphs are 1 to 2"));
    assert!(!case.with_file_name("trygghetskiosker.notes.toml").exists());
}

#[test]
fn several_cases_need_a_case_to_add_to() {
    let (dir, _case) = case_dir();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/valid/bygglov.toml"
        ),
        dir.path().join("bygglov.toml"),
    )
    .unwrap();
    let out = remiss()
        .args(["notes", "--add", "proposal"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--case"));
    let out = remiss()
        .args(["notes", "--case", "KS 2025/1121", "--add", "proposal"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    // The folder listing prints the one case that has notes.
    let md = String::from_utf8(
        remiss()
            .arg("notes")
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(md.matches("# Debate notes:").count(), 1);
    assert!(md.contains("Motionen besvaras med hänvisning"));
}

/// splitmix64, for reproducible "random" moments.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n.max(1)
    }
}

fn comments(n: &Notes) -> Vec<String> {
    n.items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Quote(q) => Some(q.comment.clone()),
            ItemKind::Heading(_) => None,
        })
        .collect()
}

#[test]
fn a_writer_killed_at_any_moment_leaves_a_whole_file_with_everything_reported_saved() {
    let (dir, case) = case_dir();
    let notes_path = case.with_file_name("trygghetskiosker.notes.toml");
    let bundled = load_bundled();
    // Make the file big (about 250 KB), so writing it takes a while and kills land mid-write.
    let (mut store, mut notes) = Store::open(notes_path.clone(), &bundled).unwrap();
    let i = bundled
        .position_index("socialnamnden/reservation/M")
        .unwrap();
    for n in 0..300 {
        let mut q = remiss::notes::Quote::from_position(&bundled, i, (0, 1), None).unwrap();
        q.comment = format!("seed {n}");
        notes.push(ItemKind::Quote(q));
    }
    store.save(&notes).unwrap();

    let bin = env!("CARGO_BIN_EXE_remiss");
    let spawn = |n: usize| {
        std::process::Command::new(bin)
            .args([
                "notes",
                "--format",
                "json",
                "--add",
                "socialnamnden/reservation/M#1",
            ])
            .arg("--comment")
            .arg(format!("added {n}"))
            .arg(&case)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // How long one uninterrupted add takes: the kills fall within that.
    let t = Instant::now();
    assert!(spawn(0).wait().unwrap().success());
    let full = t.elapsed().as_micros() as u64;
    let mut saved = vec!["added 0".to_string()];
    let mut rng = Rng(2026);
    let (mut killed, mut completed) = (0, 0);
    for n in 1..=40 {
        let mut child = spawn(n);
        std::thread::sleep(Duration::from_micros(rng.below(full + full / 4)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
        // "Saved" is what the process reported: exit 0 after printing where it saved.
        if status.success() && err.contains("saved") {
            saved.push(format!("added {n}"));
            completed += 1;
        } else {
            killed += 1;
        }
        let (_, on_disk) = Store::open(notes_path.clone(), &bundled)
            .unwrap_or_else(|p| panic!("after kill {n}: the notes file does not parse: {p:?}"));
        let have = comments(&on_disk);
        assert_eq!(have.iter().filter(|c| c.starts_with("seed ")).count(), 300);
        for s in &saved {
            assert!(
                have.contains(s),
                "after kill {n}: `{s}` was reported saved but is gone"
            );
        }
    }
    eprintln!("{killed} writers killed, {completed} completed; one add takes {full} µs");
    assert!(killed > 0, "no writer was killed: the test proved nothing");
    // A later save clears the temporary files of killed writers.
    assert!(spawn(99).wait().unwrap().success());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// `remiss check` also reads each case's notes file beside it: a notes file broken by hand is
/// a problem with its place, as the app would meet it (a new user found `check` quiet about
/// it while the app could not load the notes).
#[test]
fn check_reads_the_notes_file_beside_each_case() {
    let (dir, case) = case_dir();
    let folder = dir.path().to_str().unwrap().to_string();
    let ok = remiss().args(["check", &folder]).output().unwrap();
    assert_eq!(ok.status.code(), Some(0), "{ok:?}");
    let notes = case.with_file_name(format!(
        "{}.notes.toml",
        case.file_stem().unwrap().to_str().unwrap()
    ));
    std::fs::write(&notes, "format = 1\nthis is = = broken\n").unwrap();
    for target in [folder.as_str(), case.to_str().unwrap()] {
        let out = remiss()
            .args(["--lang", "en", "check", target])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(".notes.toml:2:6: error:"), "{err}");
    }
}
