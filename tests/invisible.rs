//! Invisible characters in case text, in every output: the meaningless ones (soft hyphen,
//! zero-width space, ZWNJ, ZWJ, word joiner, BOM) are dropped, so search, similarity and diff
//! ignore them; every other control or format character (bidi controls, tag characters,
//! U+206A–206F, U+180E, C0 and C1 controls, …) is a visible marker; U+2028/2029 are line and
//! paragraph breaks. Checked on the command line (text, JSON, CSV, Markdown), in notes files
//! and exports, in the app's clipboard, in stderr messages, and in what the importer writes.

mod common;

use remiss::i18n::Lang;
use remiss::tui::theme::Theme;
use std::path::Path;
use std::process::{Command, Output};
use unicode_general_category::{GeneralCategory, get_general_category};

/// Dropped: they mean nothing in this text.
const DROPPED: [&str; 6] = [
    "\\u00AD", "\\u200B", "\\u200C", "\\u200D", "\\u2060", "\\uFEFF",
];

/// Marked, with the marker the output must show.
const MARKED: [(&str, &str); 10] = [
    ("\\u202E", "<U+202E>"),
    ("\\u2067", "<U+2067>"),
    ("\\u200F", "<U+200F>"),
    ("\\U000E0041", "<U+E0041>"),
    ("\\U000E007F", "<U+E007F>"),
    ("\\u206A", "<U+206A>"),
    ("\\u180E", "<U+180E>"),
    ("\\uFFF9", "<U+FFF9>"),
    ("\\u001B", "^["),
    ("\\u009B", "<U+009B>"),
];

/// A TOML basic-string fragment holding every class: `Vik<dropped…>ingen <marked…> rad<LS>två<PS>tre`.
fn hostile_toml() -> String {
    let mut s = String::from("Vik");
    for d in DROPPED {
        s.push_str(d);
    }
    s.push_str("ingen ");
    for (m, _) in MARKED {
        s.push_str(m);
    }
    s.push_str(" rad\\u2028två\\u2029tre");
    s
}

/// Whether `c` may appear in an output: no control, format or separator character but `\n`.
fn allowed(c: char) -> bool {
    c == '\n'
        || !matches!(
            get_general_category(c),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
}

#[track_caller]
fn assert_clean(what: &str, text: &str) {
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| !allowed(c)) {
        let around: String = text[i.saturating_sub(40)..].chars().take(60).collect();
        panic!("{what}: raw U+{:04X} at byte {i}: {around:?}", u32::from(c));
    }
}

/// Clean, with every marker shown (Markdown's escapes aside) and the dropped characters gone.
#[track_caller]
fn assert_marked(what: &str, text: &str) {
    assert_clean(what, text);
    let unescaped = text.replace('\\', "");
    for (_, marker) in MARKED {
        assert!(unescaped.contains(marker), "{what}: no {marker} in {text}");
    }
    assert!(
        text.contains("Vikingen"),
        "{what}: dropped characters split the word"
    );
}

/// The bundled case with: the hostile string in Trafiknämnden's reservation, its signatory
/// and Socialnämnden's name; `park\u{AD}bänkar` in Socialnämnden's reservation and
/// `parkbänkar` in Hässelby-Vällingby's identical one.
fn hostile_case() -> String {
    let src = include_str!("../cases/trygghetskiosker.toml");
    let h = hostile_toml();
    let insert = |src: &str, body: &str, what: &str| -> String {
        let at = src
            .find(&format!("body = \"{body}\"\nstance = \"reservation\""))
            .unwrap();
        let text = at + src[at..].find("text = \"\"\"\n").unwrap() + "text = \"\"\"\n".len();
        format!("{}{what} {}", &src[..text], &src[text..])
    };
    let src = insert(src, "trafiknamnden", &h);
    let src = insert(&src, "socialnamnden", "Park\\u00ADbänkar\\u200B");
    let src = insert(&src, "hasselby-vallingby", "Parkbänkar");
    src.replace(
        "name = \"Socialnämnden\"",
        &format!("name = \"Socialnämnden {h}\""),
    )
    .replace("Dennis Wedin m.fl.", &format!("Dennis {h} Wedin m.fl."))
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("cases")).unwrap();
    std::fs::write(dir.path().join("cases/kiosker.toml"), hostile_case()).unwrap();
    dir
}

fn remiss(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_remiss"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
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
fn the_app_copies_and_exports_markers_only() {
    let dir = workspace();
    let case = remiss::model::load_file(&dir.path().join("cases/kiosker.toml")).unwrap();
    // Trafiknämnden's reservation: copy its first paragraph and all of it, add it to the
    // notes, export them.
    let (_app, terminal, clipboard) = common::drive_in(
        dir.path(),
        vec![case],
        Lang::En,
        120,
        40,
        "j j l l Enter y Y a A E",
        &Theme::coloured(),
    );
    let screen = common::screen(&terminal);
    assert_clean("screen", &screen);
    assert_eq!(clipboard.copied.len(), 2, "{screen}");
    for copied in &clipboard.copied {
        assert_marked("clipboard", copied);
    }
    let export = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .unwrap_or_else(|| panic!("no export: {screen}"));
    assert_marked("export", &std::fs::read_to_string(export.path()).unwrap());
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
    let statement = include_str!("fixtures/import/two_reservations.txt");
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
    // The file loads, and shows the markers.
    let json = stdout(dir.path(), &["matrix", "case.toml", "--format", "json"]);
    assert_marked("imported case", &json);
}
