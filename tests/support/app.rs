//! The one driver of the app in tests: keys in, through the real loop with a `TestBackend`, a
//! fake clipboard and notes files in a temporary folder; the final state, the screen and what
//! was copied out.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use remiss::analysis::search::Index;
use remiss::analysis::similarity::{Options as SimilarityOptions, Similarity};
use remiss::i18n::Lang;
use remiss::model::{Case, load_bundled, load_file};
use remiss::tui::action::CopyOutcome;
use remiss::tui::app::App;
use remiss::tui::clipboard::Clipboard;
use remiss::tui::shell::{Searcher, SystemShell};
use remiss::tui::theme::Theme;
use std::path::Path;
use std::sync::Arc;

/// A clipboard that records what it is given.
#[derive(Default)]
pub struct FakeClipboard {
    pub copied: Vec<String>,
}

impl Clipboard for FakeClipboard {
    fn copy(&mut self, text: &str) -> CopyOutcome {
        self.copied.push(text.to_string());
        CopyOutcome::System
    }
}

/// Keys written as in a keymap: `j j l Enter y`, `Esc`, `Tab`, `C-c`, `Space`, `PgDn`, `F1`.
pub fn keys(spec: &str) -> Vec<std::io::Result<Event>> {
    spec.split_whitespace()
        .map(|k| {
            let (code, mods) = match k {
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
                "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
                "Up" => (KeyCode::Up, KeyModifiers::NONE),
                "Down" => (KeyCode::Down, KeyModifiers::NONE),
                "Left" => (KeyCode::Left, KeyModifiers::NONE),
                "Right" => (KeyCode::Right, KeyModifiers::NONE),
                "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                "Del" => (KeyCode::Delete, KeyModifiers::NONE),
                "F1" => (KeyCode::F(1), KeyModifiers::NONE),
                k if k.starts_with("C-") => (
                    KeyCode::Char(k.chars().nth(2).unwrap()),
                    KeyModifiers::CONTROL,
                ),
                k => {
                    let c = k.chars().next().unwrap();
                    let m = if c.is_uppercase() {
                        KeyModifiers::SHIFT
                    } else {
                        KeyModifiers::NONE
                    };
                    (KeyCode::Char(c), m)
                }
            };
            Ok(Event::Key(KeyEvent::new(code, mods)))
        })
        .collect()
}

pub fn bundled() -> Vec<Case> {
    vec![load_bundled()]
}

pub fn two_cases() -> Vec<Case> {
    let second = load_file(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/bygglov.toml"
    )))
    .expect("fixture loads");
    vec![load_bundled(), second]
}

/// The folder of small invented cases with text reused across them
/// (`tests/fixtures/crosscase/`), in file order: kameror-parken, kameror-stationen,
/// kameror-torget, parkbankar.
pub fn crosscase_folder() -> Vec<Case> {
    let ws = remiss::model::load_path(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/crosscase"
    )))
    .expect("fixture folder loads");
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    ws.cases
}

/// Run the app on `cases` at `w`×`h`, feed `spec` keys, return the final state, the terminal
/// and what was copied.
pub fn drive(
    cases: Vec<Case>,
    lang: Lang,
    w: u16,
    h: u16,
    spec: &str,
) -> (App, Terminal<TestBackend>, FakeClipboard) {
    drive_with(cases, lang, w, h, spec, &Theme::coloured())
}

pub fn drive_with(
    cases: Vec<Case>,
    lang: Lang,
    w: u16,
    h: u16,
    spec: &str,
    theme: &Theme,
) -> (App, Terminal<TestBackend>, FakeClipboard) {
    let dir = tempfile::tempdir().unwrap();
    drive_in(dir.path(), cases, lang, w, h, spec, theme)
}

/// Like [`drive_with`], with each case's notes file in `dir` (`CASEID.notes.toml`), read at
/// start and written as the app saves, as in the real app.
pub fn drive_in(
    dir: &Path,
    cases: Vec<Case>,
    lang: Lang,
    w: u16,
    h: u16,
    spec: &str,
    theme: &Theme,
) -> (App, Terminal<TestBackend>, FakeClipboard) {
    drive_events_in(dir, cases, lang, (w, h), keys(spec), theme)
}

/// Like [`drive`], with events: keys (from [`keys`]) and pastes (from [`pasted`]).
pub fn drive_events(
    cases: Vec<Case>,
    lang: Lang,
    w: u16,
    h: u16,
    events: Vec<std::io::Result<Event>>,
) -> (App, Terminal<TestBackend>, FakeClipboard) {
    let dir = tempfile::tempdir().unwrap();
    drive_events_in(dir.path(), cases, lang, (w, h), events, &Theme::coloured())
}

/// Like [`drive`], with the keys of a configuration file whose text is `config` (as
/// `remiss --config FILE` reads it).
pub fn drive_configured(
    cases: Vec<Case>,
    lang: Lang,
    w: u16,
    h: u16,
    config: &str,
    spec: &str,
) -> (App, Terminal<TestBackend>, FakeClipboard) {
    let keymap = remiss::tui::config::parse(config, "config.toml")
        .expect("the configuration is valid")
        .keys;
    let dir = tempfile::tempdir().unwrap();
    let theme = Theme::coloured();
    drive_keyed(dir.path(), cases, lang, (w, h), keys(spec), &theme, keymap)
}

/// The app through the real loop at `size` on `events`, each case's notes file in `dir`.
fn drive_events_in(
    dir: &Path,
    cases: Vec<Case>,
    lang: Lang,
    size: (u16, u16),
    events: Vec<std::io::Result<Event>>,
    theme: &Theme,
) -> (App, Terminal<TestBackend>, FakeClipboard) {
    let keymap = remiss::tui::keymap::Keymap::default();
    drive_keyed(dir, cases, lang, size, events, theme, keymap)
}

/// The app through the real loop with the keys `keymap`.
fn drive_keyed(
    dir: &Path,
    cases: Vec<Case>,
    lang: Lang,
    (w, h): (u16, u16),
    events: Vec<std::io::Result<Event>>,
    theme: &Theme,
    keymap: remiss::tui::keymap::Keymap,
) -> (App, Terminal<TestBackend>, FakeClipboard) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let opened = SystemShell::open(FakeClipboard::default(), &cases, |c| {
        dir.join(format!("{}.notes.toml", c.id))
    });
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    let mut shell = opened.shell;
    // The real app builds the similarity and the search index in the background and searches
    // on a worker; here they are there from the start and searches are answered at once.
    let sim = Similarity::build(&cases, &SimilarityOptions::default());
    let index = Arc::new(Index::build(&cases));
    shell.searcher = Searcher::Inline(Arc::clone(&index), Arc::new(cases.clone()));
    let mut app = App::new(cases, lang)
        .with_notes(opened.notes)
        .with_similarity(sim)
        .with_keymap(keymap);
    app.indexed = true;
    app.index = Some(index);
    let app = remiss::tui::run_loop(&mut terminal, app, theme, events, &mut shell).unwrap();
    (app, terminal, shell.clipboard)
}

/// A bracketed paste of `text`, as the terminal sends it.
pub fn pasted(text: &str) -> std::io::Result<Event> {
    Ok(Event::Paste(text.to_string()))
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Draw `app` at every size from 1×1 to 60×30 (nothing may panic, however small).
pub fn render_at_every_size(app: &mut App, theme: &Theme) {
    for w in 1..=60u16 {
        for h in 1..=30u16 {
            app.update(remiss::tui::action::Action::Resize(w, h));
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| remiss::tui::frame::render(f, app, theme))
                .unwrap();
        }
    }
}

/// A key spec that types `text` (spaces as `Space`).
pub fn typed(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ' ' => "Space".to_string(),
            c => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The cases shipped in `cases/`, loaded as `remiss cases/` loads them (sorted by file name:
/// the two Riksdag reports, then the Stockholm case).
pub fn shipped() -> Vec<Case> {
    let ws = remiss::model::load_path(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/cases")))
        .expect("cases/ loads");
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    ws.cases
}

/// One shipped case, by its file name in `cases/`.
pub fn shipped_case(file: &str) -> Case {
    load_file(&Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/cases")).join(file))
        .expect("shipped case loads")
}

/// A case file under `tests/fixtures/`, by its path there.
pub fn fixture(path: &str) -> Case {
    load_file(&Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(path))
        .expect("fixture loads")
}
