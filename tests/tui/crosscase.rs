//! The cross-case views (issue 12) on a folder of small cases with text reused across them
//! (`tests/fixtures/crosscase/`): the cases × parties view from the case list (filter, open a
//! case from a cell) and "this text elsewhere" from the reader (read a place, diff against
//! it), as key sequences and as snapshots at 80×24 in both languages.

use crate::app::*;
use remiss::analysis::similarity::PosRef;
use remiss::i18n::Lang;
use remiss::model::matrix::{Column, Lens};
use remiss::tui::screens::{Route, Screen};

/// Index of a case of the folder by id.
fn case(app: &remiss::tui::app::App, id: &str) -> usize {
    app.cases.iter().position(|c| c.id == id).unwrap()
}

fn position(app: &remiss::tui::app::App, case_id: &str, id: &str) -> PosRef {
    let case = case(app, case_id);
    PosRef {
        case,
        position: app.cases[case].position_index(id).unwrap(),
    }
}

/// The folder's case list, then `p`: the cases × parties view.
const CROSS: &str = "p";
/// Kameror-torget (third in the list), its matrix, Tekniska nämnden's reservation (the
/// second column: rejection, reservation), its second paragraph (the amount and year), then
/// `e`.
const ELSEWHERE: &str = "j j Enter l Enter j e";

#[test]
fn the_cases_by_parties_view_opens_a_case_on_the_partys_column() {
    // M is the second party; the third row by date is kameror-parken (2026-02-19).
    let (app, term, _) = drive(crosscase_folder(), Lang::En, 80, 24, "p l j j Enter");
    let Route::Matrix(m) = app.top() else {
        panic!("{}", screen(&term))
    };
    assert_eq!(m.case, case(&app, "kameror-parken"));
    assert_eq!(m.lens, Lens::Party);
    let columns = app.columns();
    assert_eq!(columns[m.col], Column::Party("M".into()));
    assert!(
        screen(&term).contains("Bodies × parties"),
        "{}",
        screen(&term)
    );
    // Back: the view, as it was; back again: the case list.
    let (app, _, _) = drive(crosscase_folder(), Lang::En, 80, 24, "p l j j Enter Esc");
    let Route::CrossCase(c) = app.top() else {
        panic!("the view")
    };
    assert_eq!((c.row, c.col), (2, 1));
    let (app, _, _) = drive(
        crosscase_folder(),
        Lang::En,
        80,
        24,
        "p l j j Enter Esc Esc",
    );
    assert_eq!(app.screen(), Screen::Cases);
    // A: the notes of the selected row's case, as everywhere.
    let (app, _, _) = drive(crosscase_folder(), Lang::En, 80, 24, "p j A");
    assert_eq!(app.screen(), Screen::Notes);
    assert_eq!(app.top().case(), case(&app, "kameror-stationen"));
}

#[test]
fn the_cells_count_the_bodies_of_each_case() {
    let (_, term, _) = drive(crosscase_folder(), Lang::En, 80, 24, "p l");
    let s = screen(&term);
    // Kameror i Stadsparken: M reserved in all three bodies, S's rejection is inferred from
    // the majority's decisions.
    assert!(s.contains("M: reservation in 3 of 3") || s.contains("M: reservation in 2 of 2"));
    let row = s.lines().find(|l| l.contains("KS 2026/0052")).unwrap();
    assert!(
        row.contains("Rej.* 3/3") && row.contains("Res. 3/3"),
        "{row}"
    );
    let (_, term, _) = drive(crosscase_folder(), Lang::Sv, 80, 24, "p l");
    let s = screen(&term);
    assert!(s.contains("M: reservation i 2 av 2"), "{s}");
    assert!(s.contains("Avst.* 3/3"), "{s}");
}

#[test]
fn a_filter_by_words_and_dates_narrows_the_cases_and_a_cell_opens() {
    let filter = format!("p F {} Enter", typed("party:M from:2025-06-01"));
    let (app, term, _) = drive(crosscase_folder(), Lang::En, 80, 24, &filter);
    let Route::CrossCase(c) = app.top() else {
        panic!("{}", screen(&term))
    };
    let ids: Vec<&str> = c
        .matrix
        .rows
        .iter()
        .map(|r| app.cases[r.case].id.as_str())
        .collect();
    assert_eq!(ids, ["kameror-stationen", "kameror-parken"]);
    let s = screen(&term);
    assert!(s.contains("2 cases shown"), "{s}");
    assert!(s.contains("Filter: party:M from:2025-06-01"), "{s}");
    // F again shows the filter to edit; a bad date is refused and the view stays.
    let bad = format!("{filter} F {} Enter", typed(" to:2026-02-30"));
    let (app, term, _) = drive(crosscase_folder(), Lang::En, 80, 24, &bad);
    let s = screen(&term);
    assert!(s.contains("`to:2026-02-30` is not a date"), "{s}");
    let Route::CrossCase(c) = app.top() else {
        panic!("{s}")
    };
    assert_eq!(c.matrix.rows.len(), 2);
    // Enter on the second row opens kameror-parken.
    let (app, _, _) = drive(
        crosscase_folder(),
        Lang::En,
        80,
        24,
        &format!("{filter} j Enter"),
    );
    assert_eq!(app.screen(), Screen::Matrix);
    assert_eq!(app.top().case(), case(&app, "kameror-parken"));
    // A filter nothing passes says so, and Enter does nothing.
    let none = format!("p F {} Enter Enter", typed("xyzzy"));
    let (app, term, _) = drive(crosscase_folder(), Lang::En, 80, 24, &none);
    assert_eq!(app.screen(), Screen::CrossCase);
    assert!(screen(&term).contains("No case passes the filter"));
}

#[test]
fn elsewhere_lists_the_other_cases_in_date_order_and_diffs_one() {
    let (app, term, _) = drive(crosscase_folder(), Lang::En, 80, 24, ELSEWHERE);
    let s = screen(&term);
    let Route::Elsewhere(e) = app.top() else {
        panic!("{s}")
    };
    let me = position(&app, "kameror-torget", "tekniska/reservation/M");
    assert_eq!(e.me, me);
    assert!(!e.whole);
    let order: Vec<&str> = e
        .found
        .appearances
        .iter()
        .map(|a| app.cases[a.case].id.as_str())
        .collect();
    assert_eq!(
        order,
        ["kameror-torget", "kameror-stationen", "kameror-parken"]
    );
    // The first appearance is this case's (2025); the 2026 case has another amount: a
    // variant.
    assert!(e.found.appearances[0].first && e.found.appearances[0].this);
    assert!(s.contains("◆ first"), "{s}");
    assert!(s.contains("in 2 other cases"), "{s}");
    let parken = &e.found.appearances[2];
    assert!(parken.places.iter().all(|p| !p.identical));
    // The cursor starts on the first place in another case; j j goes to kameror-parken, d
    // diffs the text read against it: the changed amount is the change.
    assert_eq!(
        e.selected().unwrap().position.case,
        case(&app, "kameror-stationen")
    );
    let (app, term, _) = drive(
        crosscase_folder(),
        Lang::En,
        80,
        24,
        &format!("{ELSEWHERE} j d"),
    );
    let Route::Diff(d) = app.top() else {
        panic!("{}", screen(&term))
    };
    assert_eq!(d.left.case, case(&app, "kameror-parken"));
    assert_eq!(d.right, me);
    let s = screen(&term);
    // Inline at 80 columns: the deleted words then the inserted ones, each styled.
    assert!(
        s.contains("avsätta 2 000 500 000 kronor år 2027 2025"),
        "{s}"
    );
    // Esc: back to the list; Enter reads the place in full.
    let (app, _, _) = drive(
        crosscase_folder(),
        Lang::En,
        80,
        24,
        &format!("{ELSEWHERE} j d Esc Enter"),
    );
    let r = app.reader().unwrap();
    assert_eq!(r.case, case(&app, "kameror-parken"));
    assert_eq!(app.screen(), Screen::Reader);
}

#[test]
fn elsewhere_for_a_paragraph_and_for_the_whole_text() {
    // SD's special statement in parkbankar (fourth case): its second paragraph is SD's
    // standard paragraph, filed first in kameror-stationen.
    let spec = "G Enter l Enter j e";
    let (app, term, _) = drive(crosscase_folder(), Lang::En, 80, 24, spec);
    let Route::Elsewhere(e) = app.top() else {
        panic!("{}", screen(&term))
    };
    assert_eq!((e.paragraph, e.whole), (1, false));
    let first = &e.found.appearances[0];
    assert_eq!(app.cases[first.case].id, "kameror-stationen");
    assert!(first.first && first.identical);
    assert_eq!(first.places[0].paragraph, Some(0));
    // Tab: the whole statement, which appears nowhere else.
    let (app, term, _) = drive(crosscase_folder(), Lang::En, 80, 24, &format!("{spec} Tab"));
    let Route::Elsewhere(e) = app.top() else {
        panic!("{}", screen(&term))
    };
    assert!(e.whole);
    assert_eq!(e.found.others().count(), 0);
    assert!(screen(&term).contains("in 0 other cases"));
    // A: the notes of the case read.
    let (app, _, _) = drive(crosscase_folder(), Lang::En, 80, 24, &format!("{spec} A"));
    assert_eq!(app.screen(), Screen::Notes);
    assert_eq!(app.top().case(), case(&app, "parkbankar"));
    // `d` on the text itself says so rather than diffing it with itself.
    let (app, term, _) = drive(
        crosscase_folder(),
        Lang::En,
        80,
        24,
        &format!("{spec} Tab d"),
    );
    assert_eq!(app.screen(), Screen::Elsewhere);
    assert!(screen(&term).contains("This is the text itself"));
}

#[test]
fn the_views_at_80x24_in_both_languages() {
    let views: &[(&str, String)] = &[
        ("crosscase", format!("{CROSS} l")),
        (
            "crosscase_filtered",
            format!("{CROSS} F {} Enter", typed("party:SD")),
        ),
        (
            "crosscase_filter_prompt",
            format!("{CROSS} F {}", typed("kameror")),
        ),
        ("elsewhere", ELSEWHERE.to_string()),
        ("elsewhere_diff", format!("{ELSEWHERE} j d")),
    ];
    for (lang, tag) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
        for (name, spec) in views {
            let (_, term, _) = drive(crosscase_folder(), lang, 80, 24, spec);
            insta::assert_snapshot!(format!("{name}_80x24_{tag}"), screen(&term));
        }
        for (name, spec) in [("crosscase", CROSS), ("elsewhere", ELSEWHERE)] {
            let (app, first, _) = drive(crosscase_folder(), lang, 80, 24, &format!("{spec} ?"));
            assert!(app.help_open());
            let (_, last, _) = drive(crosscase_folder(), lang, 80, 24, &format!("{spec} ? G"));
            let pages = format!("{}--- G ---\n{}", screen(&first), screen(&last));
            assert!(pages.contains(lang.pick("Marks", "Tecken")), "{pages}");
            insta::assert_snapshot!(format!("help_{name}_80x24_{tag}"), pages);
        }
    }
}

#[test]
fn the_views_render_at_every_small_size() {
    let theme = remiss::tui::theme::Theme::coloured();
    for spec in [CROSS, ELSEWHERE] {
        let (mut app, _, _) = drive(crosscase_folder(), Lang::Sv, 80, 24, spec);
        render_at_every_size(&mut app, &theme);
    }
}

/// The app on the fixture folder as the real app opens a folder: the case list before any
/// case is read, then `inputs` (progress, the cases, keys) through the real loop.
fn drive_loading(
    lang: Lang,
    inputs: Vec<remiss::tui::Input>,
) -> (
    remiss::tui::app::App,
    ratatui::Terminal<ratatui::backend::TestBackend>,
) {
    use remiss::tui::shell::SystemShell;
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().to_path_buf();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let mut shell = SystemShell::open(FakeClipboard::default(), &[], |_| notes.clone()).shell;
    shell.notes_path = Some(Box::new(move |c: &remiss::model::Case| {
        notes.join(format!("{}.notes.toml", c.id))
    }));
    let app = remiss::tui::app::App::loading(4, lang);
    let theme = remiss::tui::theme::Theme::coloured();
    let inputs = inputs.into_iter().map(Ok::<_, std::io::Error>);
    let app = remiss::tui::run_loop(&mut terminal, app, &theme, inputs, &mut shell).unwrap();
    (app, terminal)
}

#[test]
fn a_folder_opens_at_once_and_its_cases_arrive_with_a_progress_line() {
    use remiss::tui::Input;
    use remiss::tui::action::{Action, Shared};
    let loaded = || {
        let ws = remiss::model::load_path(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/crosscase"
        )))
        .unwrap();
        Input::Action(Action::Loaded(Shared(std::sync::Arc::new(ws))))
    };
    let keys_of = |spec: &str| keys(spec).into_iter().map(|k| Input::Event(k.unwrap()));
    for (lang, tag) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
        // The first frame: nothing read yet; keys do nothing.
        let (app, term) = drive_loading(lang, keys_of("j Enter p").collect());
        assert_eq!(app.screen(), Screen::Cases);
        insta::assert_snapshot!(format!("loading_80x24_{tag}"), screen(&term));
        let progress = vec![Input::Action(Action::Loading { done: 3, total: 4 })];
        let (_, term) = drive_loading(lang, progress);
        let s = screen(&term);
        assert!(
            s.contains(lang.pick("cases loaded 3/4 …", "ärenden inlästa 3/4 …")),
            "{s}"
        );
        // The cases arrive: the list, its notes opened, the index and similarity under way.
        let (app, term) = drive_loading(lang, vec![loaded()]);
        assert_eq!(app.cases.len(), 4);
        assert_eq!(app.notes.len(), 4);
        insta::assert_snapshot!(format!("loaded_80x24_{tag}"), screen(&term));
    }
    // The views work on cases that arrived: the cases × parties view, a case from it.
    let mut inputs = vec![loaded()];
    inputs.extend(keys_of("p l j j Enter"));
    let (app, _) = drive_loading(Lang::En, inputs);
    assert_eq!(app.top().case(), case(&app, "kameror-parken"));
    assert_eq!(app.screen(), Screen::Matrix);
}
