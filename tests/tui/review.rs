//! The review screen through the real loop: an imported statement is reviewed with keys
//! (confirm one fact, change one stance, move one unplaced paragraph), and the case file on
//! disk holds exactly those changes and still loads.

use crate::app::*;
use remiss::i18n::Lang;
use remiss::model::{Case, Part, Review, Stance, TextRef, load_file};
use remiss::review::{self, Change, Destination};
use remiss::tui::screens::Screen;
use remiss::tui::theme::Theme;
use std::path::{Path, PathBuf};

/// A statement with an uncertain stance (Socialnämnden's opinion states no conclusion), an
/// inferred one (Trafiknämnden rejects), an M reservation, and a statement of a kind the
/// importer does not know (its two paragraphs are unplaced).
pub const STATEMENT: &str = include_str!("../fixtures/evidence/parkbankar.txt");

/// The statement imported into `dir/parkbankar.toml` (the document beside it, as after
/// `remiss import`), and the case as loaded from there.
pub fn imported(dir: &Path) -> (PathBuf, Case) {
    std::fs::write(dir.join("parkbankar.txt"), STATEMENT).unwrap();
    let path = dir.join("parkbankar.toml");
    let toml = remiss::import::import_text(STATEMENT, "parkbankar.txt", Lang::En).toml;
    std::fs::write(&path, toml).unwrap();
    let case = load_file(&path).unwrap();
    (path, case)
}

/// Lines of `old` not in `new`, and of `new` not in `old` (as multisets).
fn differing(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let mut gone: Vec<String> = old.lines().map(str::to_string).collect();
    let mut came = Vec::new();
    for line in new.lines() {
        match gone.iter().position(|l| l == line) {
            Some(k) => {
                gone.remove(k);
            }
            None => came.push(line.to_string()),
        }
    }
    (gone, came)
}

#[test]
fn confirm_a_fact_change_a_stance_and_move_a_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let (path, case) = imported(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    // r: the review, on Socialnämnden's uncertain stance; c confirms it (it leaves the list).
    // j: the second unplaced paragraph; m, Enter: to Socialnämnden's decision (the first
    // destination). G: the last entry, Trafiknämnden's stance; s, Enter: Approve.
    let (app, term, _) = drive_in(
        dir.path(),
        vec![case],
        Lang::En,
        80,
        24,
        "r c j m Enter G s Enter",
        &Theme::monochrome(),
    );
    assert_eq!(app.screen(), Screen::Review);
    let status = app.status.as_ref().unwrap();
    assert!(!status.error, "{}", status.text);
    assert_eq!(
        status.text,
        "Written to the case file: trafiknamnden/reject: approve (position id trafiknamnden/reject → trafiknamnden/approve)"
    );

    // The file on disk: the three changes, made as the review core makes them, and nothing
    // else: every other byte as it was.
    let after = std::fs::read_to_string(&path).unwrap();
    let mut expected = before.clone();
    for change in [
        Change::Confirm {
            item: "socialnamnden/reject#stance".into(),
        },
        Change::Assign {
            section: "unplaced-1".into(),
            paragraph: 1,
            to: Destination::Decision("socialnamnden".into()),
        },
        Change::Stance {
            position: "trafiknamnden/reject".into(),
            stance: Stance::Approve,
        },
    ] {
        expected = review::apply(&expected, &change).unwrap().text;
    }
    assert_eq!(after, expected);
    // As lines: three review states, a stance and the note of its change; the moved
    // paragraph's lines are all there still.
    let (mut gone, mut came) = differing(&before, &after);
    gone.sort();
    came.sort();
    assert_eq!(
        gone,
        [
            "review = \"inferred\"",
            "review = \"inferred\"",
            "review = \"uncertain\"",
            "stance = \"reject\"",
        ]
    );
    assert_eq!(
        came,
        [
            "note = \"reviewed: reject → approve\"",
            "review = \"confirmed\"",
            "review = \"confirmed\"",
            "review = \"confirmed\"",
            "stance = \"approve\"",
        ]
    );

    // It loads with remiss's loader, and says what was decided.
    let on_disk = load_file(&path).unwrap();
    let p = on_disk.position_index("socialnamnden/reject").unwrap();
    assert!(
        on_disk.positions[p]
            .evidence
            .iter()
            .all(|e| e.review == Review::Confirmed)
    );
    let t = on_disk.position_index("trafiknamnden/approve").unwrap();
    assert_eq!(on_disk.positions[t].review(), Some(Review::Confirmed));
    assert_eq!(
        on_disk.bodies[0].decision,
        [
            "Socialnämnden godkänner tjänsteutlåtandet som svar på remissen.",
            "Liberalerna vill att frågan utreds vidare."
        ]
    );
    let unplaced = review::unplaced(&on_disk);
    assert_eq!(unplaced[0].paragraphs, ["Yttrande av Lena Berg (L)"]);

    // The app took the case in as it now loads: the matrix and the review show it.
    let loaded = app.current_case();
    assert!(loaded.position_index("trafiknamnden/approve").is_some());
    assert_eq!(loaded.bodies[0].decision, on_disk.bodies[0].decision);
    let shown = screen(&term);
    assert!(
        shown.contains("0 uncertain · 1 unplaced · 5 inferred"),
        "{shown}"
    );
}

/// `keys` from the matrix of `case` (its files in `dir`), in `lang` at 80 columns × `rows`.
fn review_keys(
    dir: &Path,
    case: &Case,
    lang: Lang,
    rows: u16,
    keys: &str,
) -> (remiss::tui::app::App, String) {
    let (app, term, _) = drive_in(
        dir,
        vec![case.clone()],
        lang,
        80,
        rows,
        keys,
        &Theme::monochrome(),
    );
    (app, screen(&term))
}

#[test]
fn a_file_changed_on_disk_or_gone_is_told_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (path, case) = imported(dir.path());
    // Someone else corrects Socialnämnden's stance in the file while remiss has it open.
    let theirs = std::fs::read_to_string(&path).unwrap().replacen(
        "stance = \"reject\"",
        "stance = \"approve\"",
        1,
    );
    std::fs::write(&path, &theirs).unwrap();
    let (app, shown) = review_keys(dir.path(), &case, Lang::En, 24, "r c");
    let status = app.status.as_ref().unwrap();
    assert!(status.error);
    assert!(
        status
            .text
            .starts_with("Not written: the case file changed on disk"),
        "{}",
        status.text
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(app.screen(), Screen::Review);
    assert!(
        app.current_case()
            .position_index("socialnamnden/reject")
            .is_some()
    );
    assert!(shown.contains("Not written"));

    // The document beside the case file differs now where the evidence stands: its lines are
    // not shown as if they held it. Without the document: the sentences, and why.
    let doc = dir.path().join("parkbankar.txt");
    let sentence = "“Förvaltningen bedömer att befintliga bänkar räcker.”";
    std::fs::write(
        &doc,
        STATEMENT.replace("befintliga bänkar räcker", "fler bänkar behövs"),
    )
    .unwrap();
    let (_, shown) = review_keys(dir.path(), &case, Lang::En, 30, "r");
    assert!(shown.contains("does not hold this sentence"), "{shown}");
    assert!(shown.contains(sentence), "{shown}");
    assert!(!shown.contains("fler bänkar behövs"), "{shown}");
    std::fs::remove_file(&doc).unwrap();
    let (_, shown) = review_keys(dir.path(), &case, Lang::En, 30, "r");
    assert!(shown.contains("could not be read"), "{shown}");
    assert!(shown.contains(sentence), "{shown}");

    // The case file is gone.
    std::fs::remove_file(&path).unwrap();
    let (app, _) = review_keys(dir.path(), &case, Lang::Sv, 24, "r c");
    let status = app.status.as_ref().unwrap();
    assert!(
        status.error && status.text.starts_with("Inte skrivet: "),
        "{}",
        status.text
    );
    assert!(!path.exists());
}

/// The review as key sequences from the matrix of the imported statement.
const REVIEW_SCREENS: &[(&str, &str)] = &[
    ("review", "r"),
    ("review_unplaced", "r j"),
    ("review_pick_stance", "r s"),
    ("review_pick_destination", "r j m"),
    ("review_reader_evidence", "r Enter"),
];

/// Where the help opens on the way: the matrix of an imported case (r is there), the review
/// and its picker.
const REVIEW_HELP: &[(&str, &str)] = &[
    ("imported_matrix", "?"),
    ("review", "r ?"),
    ("review_pick", "r s ?"),
];

#[test]
fn the_review_screens_and_their_help_at_80x24_in_both_languages() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
        let dir = tempfile::tempdir().unwrap();
        let (_, case) = imported(dir.path());
        let drive_here = |spec: &str| {
            drive_in(
                dir.path(),
                vec![case.clone()],
                lang,
                80,
                24,
                spec,
                &Theme::coloured(),
            )
        };
        for (name, spec) in REVIEW_SCREENS {
            let (_, term, _) = drive_here(spec);
            insta::assert_snapshot!(format!("{name}_80x24_{tag}"), screen(&term));
        }
        for (name, spec) in REVIEW_HELP {
            let (app, first, _) = drive_here(spec);
            assert!(app.help_open(), "{name}: no help after {spec:?}");
            let (_, last, _) = drive_here(&format!("{spec} G"));
            let pages = format!("{}--- G ---\n{}", screen(&first), screen(&last));
            assert!(pages.contains(lang.pick("Marks", "Tecken")), "{pages}");
            insta::assert_snapshot!(format!("help_{name}_80x24_{tag}"), pages);
        }
    }
}

#[test]
fn the_review_draws_at_every_size_up_to_60x30() {
    let dir = tempfile::tempdir().unwrap();
    let (_, case) = imported(dir.path());
    let theme = Theme::coloured();
    for spec in ["r", "r j m", "r s"] {
        let (app, _, _) = drive_in(
            dir.path(),
            vec![case.clone()],
            Lang::Sv,
            80,
            24,
            spec,
            &theme,
        );
        let mut app = app;
        for w in 1..=60u16 {
            for h in 1..=30u16 {
                app.update(remiss::tui::action::Action::Resize(w, h));
                let mut term =
                    ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
                term.draw(|f| remiss::tui::frame::render(f, &app, &theme))
                    .unwrap();
            }
        }
    }
}

/// After a paragraph moved, the texts are indexed again: the search finds it where it stands now.
#[test]
fn searching_after_a_move_finds_the_paragraph_where_it_went() {
    let dir = tempfile::tempdir().unwrap();
    let (_, case) = imported(dir.path());
    let keys = format!("r j j m Enter Esc / {} Enter", typed("liberalerna"));
    let (app, shown) = review_keys(dir.path(), &case, Lang::En, 24, &keys);
    assert_eq!(app.screen(), Screen::Reader, "{shown}");
    let loaded = app.current_case();
    assert_eq!(
        loaded.bodies[0].decision.last().map(String::as_str),
        Some("Liberalerna vill att frågan utreds vidare.")
    );
    // The change was indexed again: the hit is the paragraph where it stands now.
    let hit = &app.search.hits()[0];
    assert_eq!(
        hit.target,
        TextRef::new(Part::Decision(0), 1),
        "{:?}",
        app.search.hits()
    );
    assert!(
        shown.contains("Liberalerna vill att frågan utreds vidare."),
        "{shown}"
    );
}

/// Back in the matrix after a change removed a column (the last Reject became Approve) with
/// the cursor on it: the matrix shows the case as it is now.
#[test]
fn the_matrix_follows_a_changed_stance() {
    let dir = tempfile::tempdir().unwrap();
    let (_, case) = imported(dir.path());
    let (app, shown) = review_keys(dir.path(), &case, Lang::En, 24, "l l l l l r G s Enter Esc");
    assert_eq!(app.screen(), Screen::Matrix);
    let row = shown
        .lines()
        .find(|l| l.contains("Trafiknämnden"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(row.contains('•'), "{shown}");
    assert!(shown.contains("Approve"), "{shown}");
}

#[test]
fn the_evidence_scrolls_and_stops_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let (_, case) = imported(dir.path());
    let (_, first) = review_keys(dir.path(), &case, Lang::En, 24, "r");
    assert!(first.contains("PgDn: more"), "{first}");
    let (app, scrolled) = review_keys(dir.path(), &case, Lang::En, 24, "r PgDn PgDn PgDn PgDn");
    assert!(!scrolled.contains("PgDn: more"), "{scrolled}");
    // The last reading's lines are in sight now.
    assert!(
        scrolled.contains("7 ▌Socialnämnden godkänner"),
        "{scrolled}"
    );
    let (_, back) = review_keys(dir.path(), &case, Lang::En, 24, "r PgDn PgDn PgDn PgDn j k");
    assert_eq!(back, first);
    assert_eq!(app.screen(), Screen::Review);
}
