//! Debate notes through key sequences in the real loop, with the notes file on disk: add,
//! reorder, headings, comments, delete and undo; the file after each session; stale quotes;
//! two sessions on one file.

use crate::app::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use remiss::i18n::Lang;
use remiss::model::Case;
use remiss::notes::store::Store;
use remiss::notes::{ItemKind, Notes};
use remiss::tui::app::App;
use remiss::tui::run_loop;
use remiss::tui::screens::Screen;
use remiss::tui::shell::SystemShell;
use remiss::tui::theme::Theme;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn on_disk(dir: &Path) -> Notes {
    let path = dir.join("trygghetskiosker.notes.toml");
    let case = remiss::model::load_bundled();
    Store::open(path, &case).expect("the notes file parses").1
}

/// Each item as a short line: `# heading`, or the first words of a quote and its comment.
fn outline(n: &Notes) -> Vec<String> {
    n.items
        .iter()
        .map(|i| match &i.kind {
            ItemKind::Heading(h) => format!("# {h}"),
            ItemKind::Quote(q) => {
                let start: Vec<&str> = q.text.split_whitespace().take(3).collect();
                let body = q.body.clone().unwrap_or_default();
                if q.comment.is_empty() {
                    format!("{} ({body})", start.join(" "))
                } else {
                    format!("{} ({body}) // {}", start.join(" "), q.comment)
                }
            }
        })
        .collect()
}

fn run(dir: &Path, spec: &str) -> remiss::tui::app::App {
    drive_in(dir, bundled(), Lang::En, 100, 30, spec, &Theme::coloured()).0
}

#[test]
fn add_reorder_comment_delete_undo_and_the_file_follows() {
    let dir = tempfile::tempdir().unwrap();
    // Socialnämnden's reservation: paragraph 2; Trafiknämnden's: paragraph 1 (two sentences).
    let spec = format!(
        "j l l Enter j a Esc j Enter v j a A j h {} Enter",
        typed("Deras argument")
    );
    let app = run(dir.path(), &spec);
    assert_eq!(app.screen(), Screen::Notes);
    let expected = [
        "Trygghetskiosker ska vara (Socialnämnden)",
        "# Deras argument",
        "Tack vare den (Trafiknämnden)",
    ];
    assert_eq!(outline(&app.notes[0].notes), expected);
    assert_eq!(outline(&on_disk(dir.path())), expected);

    // Next session: the notes are back; move the heading to the top, comment the last quote.
    let spec = format!(
        "A j K G c {} Enter",
        typed("Svara: Sergels torg finns redan")
    );
    let app = run(dir.path(), &spec);
    let expected = [
        "# Deras argument",
        "Trygghetskiosker ska vara (Socialnämnden)",
        "Tack vare den (Trafiknämnden) // Svara: Sergels torg finns redan",
    ];
    assert_eq!(outline(&app.notes[0].notes), expected);
    assert_eq!(outline(&on_disk(dir.path())), expected);

    // Delete the first quote, undo, delete the heading, undo and redo.
    let app = run(dir.path(), "A j d");
    assert_eq!(on_disk(dir.path()).items.len(), 2);
    assert_eq!(app.status.as_ref().unwrap().text, "Deleted · u undoes");
    run(dir.path(), "A u");
    // A new session has no undo history of the old one: undo there does nothing.
    assert_eq!(on_disk(dir.path()).items.len(), 2);
    let app = run(dir.path(), "A j d u g d u C-r");
    let expected = ["Tack vare den (Trafiknämnden) // Svara: Sergels torg finns redan"];
    assert_eq!(outline(&app.notes[0].notes), expected);
    assert_eq!(outline(&on_disk(dir.path())), expected);
}

#[test]
fn the_sentences_selected_are_what_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "j l l Enter v j j a");
    let n = on_disk(dir.path());
    let ItemKind::Quote(q) = &n.items[0].kind else {
        panic!("{n:?}")
    };
    assert!(q.text.starts_with("Trygghet är inte bara statistik"));
    assert!(
        q.text
            .ends_with("ingen ska behöva begränsa sitt liv på grund av rädsla.")
    );
    assert_eq!(q.paragraphs, (0, 0));
    assert_eq!(
        q.citation,
        "Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121"
    );
}

#[test]
fn a_quote_whose_text_changed_is_marked_stale_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "j l l Enter j a");
    // The case file changes: that paragraph is rewritten.
    let mut case: Case = remiss::model::load_bundled();
    let i = case.position_index("socialnamnden/reservation/M").unwrap();
    case.positions[i].paragraphs[1] = "En helt ny lydelse.".into();
    let (app, term, _) = drive_in(
        dir.path(),
        vec![case],
        Lang::En,
        100,
        30,
        "A",
        &Theme::coloured(),
    );
    assert_eq!(app.notes[0].stale.len(), 1);
    let s = screen(&term);
    assert!(
        s.contains("⚠ no longer in the case file (kept as quoted)"),
        "{s}"
    );
    assert!(s.contains("”Trygghetskiosker ska vara upplysta"), "{s}");
    // Enter on it still opens the position, where the paragraph now reads otherwise.
    assert_eq!(on_disk(dir.path()).items.len(), 1);
}

#[test]
fn two_sessions_on_one_notes_file_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trygghetskiosker.notes.toml");
    let cases = bundled();
    let opened = SystemShell::open(FakeClipboard::default(), &cases, |_| path.clone());
    let mut shell = opened.shell;
    let app = App::new(cases.clone(), Lang::En).with_notes(opened.notes);
    // While this session runs, another one adds S, V and MP's special statement.
    let other_session = std::iter::once_with(|| {
        let case = &cases[0];
        let (mut store, mut theirs) = Store::open(path.clone(), case).unwrap();
        let i = case
            .positions
            .iter()
            .position(|p| p.id.starts_with("skarholmen/special_statement"))
            .unwrap();
        let q = remiss::notes::Quote::from_position(case, i, (0, 0), None).unwrap();
        theirs.push(ItemKind::Quote(q));
        store.save(&theirs).unwrap();
        None
    })
    .flatten();
    let events = keys("j l l Enter a")
        .into_iter()
        .chain(other_session)
        .chain(keys(&format!("A h {} Enter", typed("Majoriteten"))));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let app = run_loop(&mut terminal, app, &Theme::coloured(), events, &mut shell).unwrap();
    let mine = outline(&app.notes[0].notes);
    assert_eq!(mine.len(), 3, "{mine:?}");
    assert!(mine.iter().any(|l| l.contains("Den rödgröna majoriteten")));
    assert!(mine.iter().any(|l| l.contains("Trygghet är inte")));
    assert_eq!(mine[0], "# Majoriteten");
    assert_eq!(outline(&on_disk(dir.path())), mine);
}

#[test]
fn export_writes_markdown_and_never_overwrites_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("trygghetskiosker.notes.md");
    let app = run(dir.path(), "j l l Enter a A E");
    assert!(md.exists());
    assert!(app.status.as_ref().unwrap().text.starts_with("Wrote"));
    std::fs::write(&md, "my own edits").unwrap();
    // Asked, and no: the file is kept.
    let app = run(dir.path(), "A E n");
    assert_eq!(std::fs::read_to_string(&md).unwrap(), "my own edits");
    assert!(app.prompt().is_none());
    // Asked, and yes: replaced.
    run(dir.path(), "A E y");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Debate notes: KS 2025/1121"), "{text}");
}

#[test]
fn copy_a_note_and_all_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, clip) = drive_in(
        dir.path(),
        bundled(),
        Lang::Sv,
        100,
        30,
        "j l l Enter j a A y Y",
        &Theme::coloured(),
    );
    assert!(clip.copied[0].starts_with("”Trygghetskiosker ska vara"));
    assert!(clip.copied[0].ends_with(
        "(Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121)"
    ));
    assert!(clip.copied[1].starts_with("Debattanteckningar: KS 2025/1121"));
}

#[test]
fn a_paragraph_is_added_from_the_diff_view_from_either_side() {
    let dir = tempfile::tempdir().unwrap();
    // Skärholmen's reservation against its closest relative; add B's side, then A's.
    run(dir.path(), "j j j j l l Enter d a Tab a");
    let n = on_disk(dir.path());
    assert_eq!(
        outline(&n),
        [
            "Trygghet är inte (Skärholmens stadsdelsnämnd)",
            "Trygghet är inte (Socialnämnden)",
        ]
    );
}

#[test]
fn the_apps_notes_export_is_created_like_any_shared_file() {
    let dir = tempfile::tempdir().unwrap();
    // Socialnämnden's reservation to the notes, then export them.
    drive_in(
        dir.path(),
        bundled(),
        Lang::En,
        120,
        40,
        "j l l Enter a A E",
        &Theme::coloured(),
    );
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let probe = dir.path().join("probe");
    std::fs::File::create(&probe).unwrap();
    let export = dir.path().join("trygghetskiosker.notes.md");
    assert_eq!(mode(&export), mode(&probe));
    assert_eq!(mode(&dir.path().join("trygghetskiosker.notes.toml")), 0o600);
}

/// `W` writes the notes as Word and `R` the HTML report beside the notes file, through the
/// same export functions as `remiss notes --format docx` and `remiss report`; a file that
/// exists is replaced only after a yes.
#[test]
fn word_and_report_exports_from_the_notes_never_overwrite_unasked() {
    let dir = tempfile::tempdir().unwrap();
    // Socialnämnden's reservation, paragraph 2, into the notes; then W and R.
    let app = run(dir.path(), "j l l Enter j a A W R");
    let docx = dir.path().join("trygghetskiosker.notes.docx");
    let html = dir.path().join("trygghetskiosker.report.html");
    let status = app.status.as_ref().unwrap();
    assert_eq!(status.text, format!("Wrote {}", html.display()));
    // A Word file: a zip package with the document in it.
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip package");
    assert!(bytes.windows(17).any(|w| w == b"word/document.xml"));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..40]);
    assert!(page.contains("Trygghetskiosker ska vara upplysta"));
    assert!(page.contains("KS 2025/1121"));
    // Again: the app asks; `n` keeps the file as it was.
    std::fs::write(&docx, "mine").unwrap();
    let app = run(dir.path(), "A W");
    assert!(app.prompt().is_some_and(|p| p.is_question()));
    let app = run(dir.path(), "A W n");
    assert!(app.prompt().is_none());
    assert_eq!(std::fs::read_to_string(&docx).unwrap(), "mine");
    // `y` replaces it.
    run(dir.path(), "A W y");
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
}

/// The recovery files in `dir` (`NAME.recovered-SECONDS-PID`).
fn recovered_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".notes.toml.recovered-"))
        .collect();
    found.sort();
    found
}

#[test]
fn a_notes_file_broken_by_hand_before_the_session_is_kept_and_the_session_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trygghetskiosker.notes.toml");
    // An earlier session's quote, then a hand edit gone wrong.
    run(dir.path(), "j l l Enter a");
    let mut broken = std::fs::read_to_string(&path).unwrap();
    broken.push_str("this is = = broken\n");
    std::fs::write(&path, &broken).unwrap();

    for lang in [Lang::En, Lang::Sv] {
        let cases = bundled();
        let opened = SystemShell::open(FakeClipboard::default(), &cases, |_| path.clone());
        assert_eq!(opened.problems.len(), 1, "{:?}", opened.problems);
        let mut shell = opened.shell;
        let app = App::new(cases, lang).with_notes(opened.notes);
        // Two quotes of Socialnämnden's reservation, then the notes screen.
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
        let events = keys("j l l Enter a j a A");
        let app = run_loop(&mut terminal, app, &Theme::coloured(), events, &mut shell).unwrap();

        // The broken file is as the hand left it; the session's notes are in one recovery
        // file beside it, whole.
        assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
        let recovered = recovered_in(dir.path());
        assert_eq!(recovered.len(), 1, "{recovered:?}");
        let case = remiss::model::load_bundled();
        let (_, in_file) = Store::open(recovered[0].clone(), &case).unwrap();
        assert_eq!(outline(&in_file), outline(&app.notes[0].notes));
        assert_eq!(
            outline(&in_file),
            [
                "Trygghet är inte (Socialnämnden)",
                "Trygghetskiosker ska vara (Socialnämnden)"
            ]
        );

        // The notes screen and the status bar say where they are.
        let name = recovered[0]
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let s = screen(&terminal);
        let head = lang.pick("ONLY SAVED IN", "SPARAT ENDAST I");
        assert!(s.contains(&format!("{head} {name}")), "{s}");
        let status = &app.status.as_ref().unwrap().text;
        assert!(status.starts_with(lang.notes_not_saved(true)), "{status}");

        // What the app prints when it ends: the broken file, its line, and the recovery file.
        let unsaved = shell.unsaved();
        assert_eq!(unsaved.len(), 1, "{unsaved:?}");
        let told = lang.unsaved_at_end(&unsaved[0]);
        let place = format!("{}:", path.display());
        assert!(told.contains(&place), "{told}");
        assert!(told.contains(&recovered[0].display().to_string()), "{told}");
        std::fs::remove_file(&recovered[0]).unwrap();
    }
}
