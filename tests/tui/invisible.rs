//! Invisible characters in case text reach the app's clipboard and its exports as markers
//! only (the command line's side of this is `tests/cli/invisible.rs`).

use crate::app::{drive_in, screen};
use crate::hostile::{assert_clean, assert_marked, workspace};
use remiss::i18n::Lang;
use remiss::tui::theme::Theme;

#[test]
fn the_app_copies_and_exports_markers_only() {
    let dir = workspace();
    let case = remiss::model::load_file(&dir.path().join("cases/kiosker.toml")).unwrap();
    // Trafiknämnden's reservation: copy its first paragraph and all of it, add it to the
    // notes, export them.
    let (_app, terminal, clipboard) = drive_in(
        dir.path(),
        vec![case],
        Lang::En,
        120,
        40,
        "j j l l Enter y Y a A E",
        &Theme::coloured(),
    );
    let screen = screen(&terminal);
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
