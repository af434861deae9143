//! Invisible characters in case text, in every output: the meaningless ones (soft hyphen,
//! zero-width space, ZWNJ, ZWJ, word joiner, BOM) are dropped, so search, similarity and diff
//! ignore them; every other control or format character (bidi controls, tag characters,
//! U+206A–206F, U+180E, C0 and C1 controls, …) is a visible marker; U+2028/2029 are line and
//! paragraph breaks. Checked on the command line (text, JSON, CSV, Markdown), in notes files
//! and exports, in the app's clipboard, in stderr messages, and in what the importer writes.

use crate::hostile::{assert_clean, assert_marked, hostile_toml, workspace};
use std::path::Path;
use std::process::Output;

fn remiss(dir: &Path, args: &[&str]) -> Output {
    crate::cmd::remiss_in(dir)
        .args(args)
        .env("REMISS_NO_CACHE", "1")
        .output()
        .unwrap()
}

/// stdout of a run that must succeed; stderr must be clean too.
fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = remiss(dir, args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_clean(&format!("stderr of {args:?}"), &err);
    assert_eq!(out.status.code(), Some(0), "remiss {args:?}: {err}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_case_loads_and_every_matrix_format_shows_markers_only() {
    let dir = workspace();
    for lens in ["stance", "party"] {
        for format in ["text", "markdown", "csv", "json"] {
            let args = ["matrix", "cases/", "--by", lens, "--format", format];
            let out = stdout(dir.path(), &args);
            if format == "text" {
                // Names are cut to the column.
                assert_clean(&format!("{args:?}"), &out);
                if lens == "stance" {
                    assert!(out.contains("Vikingen <U+202E>"), "{out}");
                }
            } else {
                assert_marked(&format!("{args:?}"), &out);
            }
        }
    }
}

#[test]
fn search_ignores_soft_hyphens_and_shows_markers() {
    let dir = workspace();
    let hits = stdout(
        dir.path(),
        &["search", "cases/", "parkbänkar", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&hits).unwrap();
    let bodies: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["body"].as_str().unwrap())
        .collect();
    assert!(
        bodies.iter().any(|b| b.starts_with("Socialnämnden"))
            && bodies.contains(&"Hässelby-Vällingby stadsdelsnämnd"),
        "{bodies:?}"
    );
    // A soft hyphen pasted into the query does not matter either.
    let pasted = stdout(
        dir.path(),
        &[
            "search",
            "cases/",
            "park\u{ad}bänkar\u{200b}",
            "--format",
            "json",
        ],
    );
    assert_eq!(pasted, hits);
    for format in ["text", "json"] {
        let out = stdout(
            dir.path(),
            &["search", "cases/", "vikingen", "--full", "--format", format],
        );
        assert_marked(&format!("search {format}"), &out);
    }
}

#[test]
fn similarity_and_diff_see_no_difference_where_only_invisibles_differ() {
    let dir = workspace();
    let json = stdout(dir.path(), &["similar", "cases/", "--format", "json"]);
    assert_clean("similar json", &json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let family = v["families"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f.to_string().contains("socialnamnden/reservation/M"))
        .unwrap_or_else(|| panic!("no family with Socialnämnden: {v:#}"));
    let text = family.to_string();
    assert!(
        text.contains("hasselby-vallingby/reservation/M"),
        "{family:#}"
    );
    let diff = stdout(
        dir.path(),
        &[
            "diff",
            "cases/",
            "socialnamnden/reservation/M",
            "hasselby-vallingby/reservation/M",
        ],
    );
    assert!(diff.contains("100% the same; 0 changes"), "{diff}");
    assert!(!diff.contains("[-") && !diff.contains("{+"), "{diff}");
    let text = stdout(dir.path(), &["similar", "cases/"]);
    assert_clean("similar text", &text);
    let diff = stdout(
        dir.path(),
        &[
            "diff",
            "cases/",
            "trafiknamnden/reservation/M",
            "socialnamnden/reservation/M",
        ],
    );
    assert_marked("diff", &diff);
}

#[test]
fn notes_files_and_exports_show_markers_only() {
    let dir = workspace();
    let out = stdout(
        dir.path(),
        &[
            "notes",
            "cases/kiosker.toml",
            "--add",
            "trafiknamnden/reservation/M#1",
            "--comment",
            "se\u{202e}\u{200b} här",
            "--heading",
            "Rubrik\u{e0041}",
        ],
    );
    assert_marked("notes --add", &out);
    let file = std::fs::read_to_string(dir.path().join("cases/kiosker.notes.toml")).unwrap();
    assert_marked("notes file", &file);
    for format in ["markdown", "text", "json"] {
        let out = stdout(
            dir.path(),
            &["notes", "cases/kiosker.toml", "--format", format],
        );
        assert_marked(&format!("notes {format}"), &out);
    }
}

#[test]
fn stderr_messages_show_markers_only() {
    let dir = workspace();
    // A problem on a line with every class, in a file whose name holds some too.
    let bad = format!(
        "format = 1\n[case]\ndnr = \"{}\"\ntitel = \"x\"\n",
        hostile_toml()
    );
    let name = "bad\u{202e}\u{200b}\u{e0041}.toml";
    std::fs::write(dir.path().join(name), &bad).unwrap();
    let out = remiss(dir.path(), &["check", name]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_clean("check stderr", &err);
    assert!(err.contains("bad<U+202E><U+E0041>.toml"), "{err}");
    let bad_line = format!("dnr = \"{}\"\n", hostile_toml()) + "titel = \"x\"\n";
    std::fs::write(
        dir.path().join("bad2.toml"),
        format!("format = 1\n[case]\n{bad_line}{}", "\u{1b}[31m = 1\n"),
    )
    .unwrap();
    let out = remiss(dir.path(), &["check", "bad2.toml"]);
    assert_clean("check stderr", &String::from_utf8(out.stderr).unwrap());
}

#[test]
fn the_importer_writes_no_raw_control_bidi_or_format_character() {
    let dir = tempfile::tempdir().unwrap();
    let statement = include_str!("../fixtures/import/two_reservations.txt");
    let raw_hostile: String = {
        let toml: toml::Value = toml::from_str(&format!("h = \"{}\"", hostile_toml())).unwrap();
        toml["h"].as_str().unwrap().to_string()
    };
    // Every class in the title, a body's name line and a reservation's text.
    let hostile = statement
        .replacen("Motion om hur", &format!("Motion {raw_hostile} om hur"), 1)
        .replacen(
            "trygghetskiosker",
            &format!("trygghets\u{ad}kiosker{raw_hostile}"),
            3,
        );
    let input = dir.path().join("statement\u{202e}.txt");
    std::fs::write(&input, hostile).unwrap();
    let input = input.to_string_lossy().into_owned();
    let out = remiss(dir.path(), &["import", &input]);
    let written = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_clean("import stdout", &written);
    assert_clean("import stderr", &err);
    assert!(written.contains("\\u202E"), "{written}");
    assert!(!written.contains("trygghets\u{ad}kiosker"));
    let out = remiss(dir.path(), &["import", &input, "-o", "case.toml"]);
    assert_eq!(out.status.code(), Some(0));
    let file = std::fs::read_to_string(dir.path().join("case.toml")).unwrap();
    assert_eq!(file, written);
    // The file loads, and shows the markers. (The importer drops bidi controls and U+180E
    // before parsing, `import::phrases::INVISIBLE`: there they are gone, not marked.)
    let json = stdout(dir.path(), &["matrix", "case.toml", "--format", "json"]);
    assert_clean("imported case", &json);
    for marker in [
        "<U+E0041>",
        "<U+E007F>",
        "<U+206A>",
        "<U+FFF9>",
        "^[",
        "<U+009B>",
    ] {
        assert!(
            json.contains(marker),
            "no {marker} in the imported case: {json}"
        );
    }
    assert!(json.contains("Vikingen"), "{json}");
}
