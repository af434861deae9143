//! `remiss notes --format docx`: the file is opened by python-docx (a DOCX reader independent
//! of the writer), and its paragraphs, their styles and text are checked.
//!
//! python-docx comes from Debian (`apt-get install python3-docx`); `.ci/run` installs it, and
//! the test is skipped with a message where it is missing (unless `REMISS_REQUIRE_E2E=1`).

use crate::cmd::{missing_or_skip, output, remiss as remiss_cmd};
use std::process::Command;

const CASE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/cases/trygghetskiosker.toml");

/// `remiss ARGS` in Swedish: exit code, stdout, stderr.
fn remiss(args: &[&str]) -> (i32, String, String) {
    output(remiss_cmd().args(args).env("LC_ALL", "sv_SE.UTF-8"))
}

/// Whether Debian's python3 has python-docx.
fn python_docx() -> bool {
    Command::new("/usr/bin/python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Every paragraph of a .docx as `(style name, text)`, read by python-docx.
fn paragraphs(file: &std::path::Path) -> Vec<(String, String)> {
    let script = "import sys, docx\n\
                  for p in docx.Document(sys.argv[1]).paragraphs:\n\
                  \x20   print(p.style.name + '\\t' + p.text.replace('\\n', ' '))\n";
    // Debian's python (where python3-docx is installed), not another on PATH.
    let out = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 is installed");
    assert!(
        out.status.success(),
        "python-docx reads the file (apt-get install python3-docx): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let (s, t) = l.split_once('\t').unwrap_or((l, ""));
            (s.to_string(), t.to_string())
        })
        .collect()
}

#[test]
fn notes_as_word_have_headings_quotes_citations_comments_and_sources() {
    let missing: &[&str] = if python_docx() {
        &[]
    } else {
        &["python3-docx"]
    };
    if !missing_or_skip(
        "notes_as_word_have_headings_quotes_citations_comments_and_sources",
        missing,
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("n.notes.toml");
    let n = notes.to_str().unwrap();
    let add = |args: &[&str]| {
        let mut all = vec!["notes", CASE, "--notes", n];
        all.extend_from_slice(args);
        let (code, _, stderr) = remiss(&all);
        assert_eq!(code, 0, "{stderr}");
    };
    add(&[
        "--heading",
        "Kiosker & <väktare>",
        "--add",
        "socialnamnden/reservation/M#1-2",
        "--comment",
        "Citera i inledningen",
    ]);
    add(&["--heading", "Majoriteten", "--add", "proposal"]);
    let file = dir.path().join("anteckningar.docx");
    let f = file.to_str().unwrap();
    let (code, _, stderr) = remiss(&["notes", CASE, "--notes", n, "--format", "docx", "-o", f]);
    assert_eq!(code, 0, "{stderr}");

    let paras = paragraphs(&file);
    let styled = |style: &str| -> Vec<&str> {
        paras
            .iter()
            .filter(|(s, _)| s == style)
            .map(|(_, t)| t.as_str())
            .collect()
    };
    assert_eq!(styled("Title"), ["Debattanteckningar: KS 2025/1121"]);
    assert_eq!(
        styled("Heading 1"),
        ["Kiosker & <väktare>", "Majoriteten", "Källor"]
    );
    let case = remiss::model::load_bundled();
    let i = case.position_index("socialnamnden/reservation/M").unwrap();
    let first = &case.positions[i].paragraphs[0];
    let quotes = styled("Quote");
    assert_eq!(quotes[0], format!("”{first}"), "{quotes:?}");
    assert!(quotes.contains(&"”Motionen besvaras med hänvisning till vad som sägs i utlåtandet.”"));
    assert_eq!(
        styled("Citation"),
        [
            "— Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121 [1]",
            "— Förslag till beslut, utlåtande 2026-04-29, KS 2025/1121 [2]",
        ]
    );
    assert_eq!(styled("Comment"), ["Citera i inledningen"]);
    let sources: Vec<&str> = paras
        .iter()
        .skip_while(|(_, t)| t != "Källor")
        .skip(1)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        sources,
        [
            "1. Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121 \
             (socialnamnden/reservation/M)",
            "2. Förslag till beslut, utlåtande 2026-04-29, KS 2025/1121 (proposal)",
        ]
    );

    // Never overwritten without --force; docx needs a file.
    let again = remiss(&["notes", CASE, "--notes", n, "--format", "docx", "-o", f]);
    assert_eq!(again.0, 1);
    let no_file = remiss(&["notes", CASE, "--notes", n, "--format", "docx"]);
    assert_eq!(no_file.0, 2);
}
