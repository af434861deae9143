//! `remiss check` on broken case files: exit code, the exact first line of the report, and a
//! terminal-safe stderr. Each file in `tests/fixtures/invalid/` is broken in exactly one way.

use crate::cmd::remiss;
use proptest::prelude::*;
use std::path::Path;

const INVALID: &str = "tests/fixtures/invalid";

/// Stderr must not be able to act on a terminal: no C0 control byte but `\n`, no DEL, no C1
/// control character, and valid UTF-8.
fn assert_terminal_safe(stderr: &[u8]) {
    for (i, &b) in stderr.iter().enumerate() {
        assert!(
            b == b'\n' || (b >= 0x20 && b != 0x7F),
            "stderr has control byte 0x{b:02X} at {i}: {:?}",
            String::from_utf8_lossy(stderr)
        );
    }
    let text = std::str::from_utf8(stderr).expect("stderr is UTF-8");
    if let Some(c) = text.chars().find(|c| ('\u{80}'..='\u{9F}').contains(c)) {
        panic!("stderr has C1 control U+{:04X}: {text:?}", c as u32);
    }
}

/// Run `remiss check <fixture>` and check everything common to a broken file; returns stderr.
fn check_invalid(name: &str, first_line: &str) -> String {
    let path = format!("{INVALID}/{name}");
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(&path).is_file(),
        "{path} is missing"
    );
    let out = remiss().arg("check").arg(&path).output().unwrap();
    assert_terminal_safe(&out.stderr);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code of check {path}; stderr:\n{stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "stdout of check {path}: {:?}",
        out.stdout
    );
    assert_eq!(
        stderr.lines().next().unwrap_or_default(),
        format!("{path}{first_line}"),
        "first line of stderr; all of it:\n{stderr}"
    );
    // Broken in exactly one way: one problem.
    assert_eq!(
        stderr.matches(": error: ").count(),
        1,
        "one problem expected:\n{stderr}"
    );
    assert_eq!(
        stderr.lines().last(),
        Some("1 problem(s); 0 case(s) valid"),
        "{stderr}"
    );
    stderr
}

/// One test per fixture: `file name => what follows the file name on the first line`.
macro_rules! invalid {
    ($($test:ident: $file:literal => $first:literal;)*) => {
        $(
            #[test]
            fn $test() {
                check_invalid($file, $first);
            }
        )*

        /// Every fixture in the folder has a test above, and there are enough of them.
        #[test]
        fn every_fixture_is_tested() {
            let tested = [$($file),*];
            let mut on_disk: Vec<String> =
                std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(INVALID))
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect();
            on_disk.sort();
            for f in &on_disk {
                assert!(tested.contains(&f.as_str()), "fixture {f} has no test");
            }
            assert_eq!(on_disk.len(), tested.len(), "a tested fixture is missing");
            assert!(tested.len() >= 17);
        }
    };
}

invalid! {
    toml_syntax_error: "toml_syntax_error.toml" =>
        ":6:35: error: invalid basic string, expected `\"`";
    unknown_top_level_key: "unknown_top_level_key.toml" =>
        ":3:1: error: unknown key `author` (this table takes: format, case, parties, majority, \
         bodies, positions, points)";
    misspelt_key: "misspelt_key.toml" =>
        ":29:1: error: unknown key `stnace`; did you mean `stance`? (this table takes: id, body, \
         stance, parties, signatories, byline, author, date, proposals, text, identical_to, \
         concurs_with, point, number, reasons_only, evidence)";
    unknown_stance: "unknown_stance.toml" =>
        ":29:10: error: unknown stance `reservaton`; did you mean `reservation`? (valid: approve, \
         approve_in_part, reject, answered, unknown, reservation, special_statement, \
         substitute_statement, protocol_note, no_answer)";
    unknown_body: "unknown_body.toml" =>
        ":28:8: error: unknown body `parknamden`; did you mean `parknamnden`?";
    unknown_party: "unknown_party.toml" =>
        ":30:50: error: unknown party `KD` (declared: M, S)";
    unknown_linked_position: "unknown_linked_position.toml" =>
        ":37:16: error: `concurs_with` names an unknown position `parknamnden/reservation/S`; \
         did you mean `parknamnden/reservation/M`?";
    duplicate_position_id: "duplicate_position_id.toml" =>
        ":33:1: error: position id `parknamnden/reservation/M` is used twice; give one of them \
         an explicit `id = \"…\"`";
    duplicate_body_id: "duplicate_body_id.toml" =>
        ":24:6: error: body `parknamnden` is declared twice";
    wrong_type: "wrong_type.toml" =>
        ":22:12: error: invalid type: string \"yes\", expected a boolean";
    impossible_date: "impossible_date.toml" =>
        ":21:16: error: invalid date, expected day between 01 and 28";
    missing_required_field: "missing_dnr.toml" =>
        ":4:1: error: missing required key `dnr` in [case]";
    empty_file: "empty.toml" =>
        ":1:1: error: the file is empty; a case file starts with `format = 1` and a [case] table";
    binary_garbage: "binary_garbage.toml" =>
        ":3:1: error: this is a binary file, not a TOML case file (NUL byte)";
    invalid_utf8: "latin1_encoding.toml" =>
        ":6:30: error: the file is not valid UTF-8 (byte 0xE4); save it as UTF-8";
    escape_sequence_in_string: "escape_sequence.toml" =>
        ":29:10: error: unknown stance `^[]0;PWNED^Greservation` (valid: approve, \
         approve_in_part, reject, answered, unknown, reservation, special_statement, \
         substitute_statement, protocol_note, no_answer)";
    raw_control_character: "raw_control_character.toml" =>
        ":6:20: error: invalid basic string, expected non-double-quote visible characters, `\\`";
    reservation_without_text: "reservation_without_text.toml" =>
        ":27:1: error: a reservation needs a `text` (or `identical_to` / `concurs_with` naming \
         the position it repeats)";
    wrong_format_version: "wrong_format_version.toml" =>
        ":2:10: error: this file is case format 2; this remiss reads format 1";
    evidence_lines: "evidence_lines.toml" =>
        ":33:9: error: `lines` is `[first, last]`, source line numbers with 1 ≤ first ≤ last";
    evidence_in_the_wrong_table: "evidence_wrong_table.toml" =>
        ":30:8: error: `meeting_date` is not a fact of [[positions.evidence]]; it belongs in \
         [[bodies.evidence]]";
    deeply_nested: "deeply_nested.toml" =>
        ":8:95: error: cannot recurse further; max recursion depth met";
}

#[test]
fn escape_sequences_never_reach_the_terminal_raw() {
    let stderr = check_invalid(
        "escape_sequence.toml",
        ":29:10: error: unknown stance `^[]0;PWNED^Greservation` (valid: approve, \
         approve_in_part, reject, answered, unknown, reservation, special_statement, \
         substitute_statement, protocol_note, no_answer)",
    );
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'));
    // The snippet quotes the source line, where the escape is still written as `\u001b`.
    assert!(stderr.contains("29 | stance = \"\\u001b]0;PWNED\\u0007reservation\""));
}

#[test]
fn raw_control_bytes_in_the_snippet_are_shown_in_caret_notation() {
    let stderr = check_invalid(
        "raw_control_character.toml",
        ":6:20: error: invalid basic string, expected non-double-quote visible characters, `\\`",
    );
    assert!(
        stderr.contains("6 | title = \"Motion om ^[[31mröda^[[0m parkbänkar\""),
        "{stderr}"
    );
}

#[test]
fn snippet_and_caret_point_at_the_problem() {
    let stderr = check_invalid(
        "unknown_body.toml",
        ":28:8: error: unknown body `parknamden`; did you mean `parknamnden`?",
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[1], "   |");
    assert_eq!(lines[2], "28 | body = \"parknamden\"");
    assert_eq!(lines[3], "   |        ^");
}

#[test]
fn the_binary_fixture_really_is_binary() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(INVALID)
            .join("binary_garbage.toml"),
    )
    .unwrap();
    assert!(bytes.contains(&0));
    let latin1 = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(INVALID)
            .join("latin1_encoding.toml"),
    )
    .unwrap();
    assert!(std::str::from_utf8(&latin1).is_err());
    assert!(latin1.contains(&0xE4));
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    // A valid-looking case whose title is one huge string: exactly 50 MiB in all.
    let head = "format = 1\n\n[case]\ndnr = \"KS 2026/1\"\nkind = \"motion\"\ntitle = \"";
    let tail = "\"\n";
    let size = 50 * 1024 * 1024;
    let mut src = String::with_capacity(size);
    src.push_str(head);
    src.extend(std::iter::repeat_n('a', size - head.len() - tail.len()));
    src.push_str(tail);
    assert_eq!(src.len(), size);
    std::fs::write(dir.path().join("huge.toml"), &src).unwrap();
    assert!(src.len() as u64 > remiss::model::MAX_FILE_BYTES);

    let out = remiss()
        .current_dir(dir.path())
        .args(["check", "huge.toml"])
        .output()
        .unwrap();
    assert_terminal_safe(&out.stderr);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.lines().next(),
        Some("huge.toml: error: the file is 50.0 MiB; a case file may be at most 32 MiB"),
        "{stderr}"
    );
}

/// A folder with `good.toml` (a valid case) and `bad.toml` (an unknown stance) in `cases/`.
fn folder_with_one_bad_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("tests/fixtures/valid/bygglov.toml"),
        cases.join("good.toml"),
    )
    .unwrap();
    std::fs::copy(
        root.join(INVALID).join("unknown_stance.toml"),
        cases.join("bad.toml"),
    )
    .unwrap();
    dir
}

#[test]
fn check_on_a_folder_reports_the_bad_file() {
    let dir = folder_with_one_bad_file();
    let out = remiss()
        .current_dir(dir.path())
        .args(["check", "cases"])
        .output()
        .unwrap();
    assert_terminal_safe(&out.stderr);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("cases/bad.toml:29:10: error: unknown stance `reservaton`"),
        "{stderr}"
    );
    assert!(!stderr.contains("good.toml"), "{stderr}");
    assert_eq!(stderr.lines().last(), Some("1 problem(s); 1 case(s) valid"));
}

#[test]
fn matrix_on_a_folder_still_prints_the_good_case() {
    let dir = folder_with_one_bad_file();
    let out = remiss()
        .current_dir(dir.path())
        .args(["matrix", "cases"])
        .output()
        .unwrap();
    assert_terminal_safe(&out.stderr);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    // The bad file is reported, and makes the exit code 1 …
    assert!(
        stderr.starts_with("cases/bad.toml:29:10: error:"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(1));
    // … but the good case is printed in full.
    assert!(
        stdout.starts_with("KS 2025/0872 · Motion om kortare handläggningstider för bygglov\n"),
        "{stdout}"
    );
    assert!(stdout.contains("Miljö- och klimatnämnden"), "{stdout}");
    assert!(!stdout.contains("Parknämnden"), "{stdout}");
}

#[test]
fn check_with_a_nonexistent_path() {
    let out = remiss()
        .args(["check", "tests/fixtures/no/such/case.toml"])
        .output()
        .unwrap();
    assert_terminal_safe(&out.stderr);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.lines().next(),
        Some("tests/fixtures/no/such/case.toml: error: cannot read: no such file or folder"),
        "{stderr}"
    );
}

#[test]
fn check_without_arguments_is_a_usage_error() {
    let out = remiss().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("Usage: remiss check"), "{stderr}");
}

#[test]
fn matrix_with_an_unknown_format_is_a_usage_error() {
    let out = remiss()
        .args(["matrix", "x", "--format", "bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("bogus"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn the_whole_invalid_folder_gives_one_problem_per_file() {
    let files = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(INVALID))
        .unwrap()
        .count();
    let out = remiss().args(["check", INVALID]).output().unwrap();
    assert_terminal_safe(&out.stderr);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr.matches(": error: ").count(), files, "{stderr}");
    assert_eq!(
        stderr.lines().last().unwrap(),
        format!("{files} problem(s); 0 case(s) valid")
    );
}

// ---------------------------------------------------------------------------------------------
// Mutation fuzzing of the loader: it must never panic, whatever the input.

/// One edit of the source.
#[derive(Debug, Clone)]
enum Edit {
    DeleteBytes { at: usize, len: usize },
    InsertBytes { at: usize, bytes: Vec<u8> },
    ReplaceBytes { at: usize, bytes: Vec<u8> },
    DeleteLine { line: usize },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
    InsertLine { line: usize, text: &'static str },
}

/// Bytes that matter to TOML and to the loader, to make mutations bite more often than random
/// bytes alone would.
const SPECIAL: &[u8] = b"\"'[]{}=,.#\\\n\r\t 0123456789-:_aeiouxMSVKD\x00\x1b\x7f\xc3\xa4\xff";

/// Lines that make a mutated case structurally interesting: new tables, links, loops, etc.
const LINES: &[&str] = &[
    "[[positions]]",
    "[[bodies]]",
    "[[parties]]",
    "[case]",
    "[majority]",
    "body = \"kommunstyrelsen\"",
    "body = \"polisregion-stockholm\"",
    "stance = \"reservation\"",
    "stance = \"no_answer\"",
    "stance = \"special_statement\"",
    "identical_to = \"kommunstyrelsen/reservation/M\"",
    "identical_to = \"borgarradsberedningen/reservation/M\"",
    "concurs_with = \"sodermalm/substitute_statement/KD\"",
    "id = \"kommunstyrelsen/reservation/M\"",
    "id = \"socialnamnden\"",
    "text = \"\"",
    "text = \"\"\"",
    "\"\"\"",
    "answered = false",
    "parties = [\"M\", \"X\"]",
    "date = 2026-02-30",
    "date = 2026-02-03T10:00:00",
    "format = 2",
    "kind = \"board\"",
    "code = \"M\"",
    "colour = \"#12345\"",
    "signatories = [{ name = \"A\", party = \"KD\" }]",
    "x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "",
];

fn edit() -> impl Strategy<Value = Edit> {
    let bytes = prop::collection::vec(
        prop_oneof![prop::sample::select(SPECIAL), any::<u8>()],
        1..8,
    );
    prop_oneof![
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Edit::DeleteBytes { at, len }),
        (any::<usize>(), bytes.clone()).prop_map(|(at, bytes)| Edit::InsertBytes { at, bytes }),
        (any::<usize>(), bytes).prop_map(|(at, bytes)| Edit::ReplaceBytes { at, bytes }),
        any::<usize>().prop_map(|line| Edit::DeleteLine { line }),
        any::<usize>().prop_map(|line| Edit::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines { a, b }),
        (any::<usize>(), prop::sample::select(LINES))
            .prop_map(|(line, text)| Edit::InsertLine { line, text }),
    ]
}

fn apply(src: &mut Vec<u8>, edit: &Edit) {
    let n = src.len().max(1);
    match edit {
        Edit::DeleteBytes { at, len } => {
            let at = at % n;
            let end = (at + len).min(src.len());
            src.drain(at.min(end)..end);
        }
        Edit::InsertBytes { at, bytes } => {
            let at = at % (src.len() + 1);
            src.splice(at..at, bytes.iter().copied());
        }
        Edit::ReplaceBytes { at, bytes } => {
            let at = at % n;
            let end = (at + bytes.len()).min(src.len());
            src.splice(at.min(end)..end, bytes.iter().copied());
        }
        Edit::DeleteLine { line }
        | Edit::DuplicateLine { line }
        | Edit::SwapLines { a: line, .. } => {
            let mut lines: Vec<Vec<u8>> = src.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let i = line % lines.len();
            match edit {
                Edit::DeleteLine { .. } => {
                    lines.remove(i);
                }
                Edit::DuplicateLine { .. } => {
                    let l = lines[i].clone();
                    lines.insert(i, l);
                }
                Edit::SwapLines { b, .. } => {
                    let j = b % lines.len();
                    lines.swap(i, j);
                }
                _ => unreachable!(),
            }
            *src = lines.join(&b'\n');
        }
        Edit::InsertLine { line, text } => {
            let mut lines: Vec<Vec<u8>> = src.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let i = line % (lines.len() + 1);
            lines.insert(i, text.as_bytes().to_vec());
            *src = lines.join(&b'\n');
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_case_never_panics_on_a_mutated_bundled_case(
        edits in prop::collection::vec(edit(), 1..6)
    ) {
        let mut src = remiss::model::BUNDLED_CASE.as_bytes().to_vec();
        for e in &edits {
            apply(&mut src, e);
        }
        let text = String::from_utf8_lossy(&src);
        match remiss::model::parse_case(&text, "fuzz.toml", "fuzz") {
            Ok(case) => {
                // A loaded case is consistent: every link and body index is in range.
                for p in &case.positions {
                    prop_assert!(p.body < case.bodies.len());
                    prop_assert!(p.identical_to.is_none_or(|t| t < case.positions.len()));
                    prop_assert!(p.concurs_with.is_none_or(|t| t < case.positions.len()));
                }
                for i in 0..case.positions.len() {
                    let _ = case.text_of(i);
                }
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    let shown = p.to_string();
                    prop_assert!(shown.starts_with("fuzz.toml"), "{}", shown);
                    prop_assert!(
                        !shown.chars().any(|c| c != '\n' && c.is_control()),
                        "unescaped control character in {:?}", shown
                    );
                }
            }
        }
    }
}
