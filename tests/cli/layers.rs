//! The layering the code keeps (issue 13's "done when"), checked on the source: screens and
//! overlays never name the app, clap stays in the command line, the model and the notes do not
//! reach up, the benchmark corpus is not in the library.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir` (a folder of the package).
fn sources(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// The code of a file: its lines without `//` comments (doc comments may name anything).
fn code(path: &Path) -> Vec<(usize, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("").to_string()))
        .collect()
}

/// The places under `dir` (but not under `except`) where a line of code matches `bad`.
fn offences(dir: &str, except: &[&str], bad: impl Fn(&str) -> bool) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    sources(dir)
        .into_iter()
        .filter(|p| !except.iter().any(|e| p.starts_with(root.join(e))))
        .flat_map(|p| {
            code(&p)
                .into_iter()
                .filter(|(_, l)| bad(l))
                .map(move |(n, l)| format!("{}:{n}: {}", p.display(), l.trim()))
        })
        .collect()
}

/// Whether `line` has `word` as a whole word (not part of `AppState` or `happen`).
fn has_word(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].chars().next();
        let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !part(before) && !part(after)
    })
}

#[test]
fn no_screen_or_overlay_names_the_app() {
    for dir in ["src/tui/screens", "src/tui/overlays"] {
        let found = offences(dir, &[], |l| has_word(l, "App") || l.contains("tui::app"));
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

#[test]
fn clap_only_in_the_command_line() {
    let found = offences("src", &["src/cli", "src/main.rs"], |l| has_word(l, "clap"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_model_and_the_notes_do_not_reach_up() {
    let found = offences("src/model", &[], |l| has_word(l, "i18n"));
    assert!(found.is_empty(), "model uses i18n:\n{}", found.join("\n"));
    let found = offences("src/notes", &[], |l| has_word(l, "export"));
    assert!(found.is_empty(), "notes use export:\n{}", found.join("\n"));
    // Nothing in the core below the app names the terminal or the app.
    for dir in [
        "src/model",
        "src/analysis",
        "src/notes",
        "src/export",
        "src/import",
    ] {
        let found = offences(dir, &[], |l| {
            has_word(l, "ratatui") || has_word(l, "crossterm") || l.contains("crate::tui")
        });
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

#[test]
fn the_corpus_generator_is_not_in_the_library() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(!root.join("src/corpus.rs").exists());
    let found = offences("src", &[], |l| has_word(l, "corpus") && l.contains("mod "));
    assert!(found.is_empty(), "{}", found.join("\n"));
    // A dev-dependency only: the library's own dependencies do not name it.
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let deps = manifest
        .split("\n[dependencies]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap();
    assert!(!deps.contains("remiss-corpus"), "{deps}");
    let dev = manifest
        .split("\n[dev-dependencies]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap();
    assert!(dev.contains("remiss-corpus"), "{dev}");
}

#[test]
fn the_checks_see_what_they_look_for() {
    assert!(has_word("use super::app::App;", "App"));
    assert!(!has_word("struct AppState;", "App"));
    assert!(!has_word("let happen = 1;", "App"));
    let found = offences("src/tui", &[], |l| has_word(l, "App"));
    assert!(!found.is_empty(), "the app itself names App");
}
