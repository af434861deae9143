//! Frame benchmark: time from start to the first frame on the bundled case (load, lay out,
//! draw) and on a folder of 500 generated cases (list the files, draw the case list with its
//! progress line: the cases, the index and the similarity then arrive in the background; the
//! time until the cases are read is reported beside it), and the time to render one frame of
//! each screen at 200×60. (The similarity of the positions is built in the background in the
//! app; here it is built once before.)
//!
//! `cargo bench --bench frame` (target: the folder's first frame in under 100 ms)

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use remiss::analysis::similarity::{Options, Similarity};
use remiss::i18n::Lang;
use remiss::tui::action::Action;
use remiss::tui::app::App;
use remiss::tui::theme::Theme;
use std::hint::black_box;
use std::time::{Duration, Instant};

mod common;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{name:<28} median {:>8.1} µs   p99 {:>8.1} µs   ({} runs)",
        percentile(&samples, 0.5).as_secs_f64() * 1e6,
        percentile(&samples, 0.99).as_secs_f64() * 1e6,
        samples.len()
    );
}

fn main() {
    let theme = Theme::coloured();
    // Start to first frame: parse and validate the bundled case, build the app, draw once.
    let mut first = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let case = remiss::model::load_bundled();
        let mut app = App::new(vec![case], Lang::En);
        app.update(Action::Resize(200, 60));
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        term.draw(|f| remiss::tui::frame::render(f, &app, &theme))
            .unwrap();
        black_box(&term);
        first.push(t.elapsed());
    }
    report("start to first frame", first);
    folder_first_frame(&theme);

    let screens: &[(&str, &[Action])] = &[
        ("matrix 200x60", &[]),
        ("matrix party lens 200x60", &[Action::ToggleLens]),
        (
            "reader 200x60",
            &[
                Action::Down,
                Action::Right,
                Action::Right,
                Action::Open,
                Action::Down,
            ],
        ),
        ("help 200x60", &[Action::ToggleHelp]),
        ("case text 200x60", &[Action::OpenCaseText]),
        (
            "reader + similar pane 200x60",
            &[
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Right,
                Action::Right,
                Action::Open,
            ],
        ),
        (
            "diff 200x60",
            &[
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Right,
                Action::Right,
                Action::Open,
                Action::DiffRelative,
            ],
        ),
        (
            "notes 200x60",
            &[
                Action::Down,
                Action::Right,
                Action::Right,
                Action::Open,
                Action::AddToNotes,
                Action::Down,
                Action::AddToNotes,
                Action::OpenNotes,
            ],
        ),
    ];
    let cases = vec![remiss::model::load_bundled()];
    for (name, actions) in screens {
        frames(name, &cases, actions, &theme);
    }
    // The points lens of the larger shipped Riksdag report (32 points, 59 positions).
    let bou1 = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/cases/riksdag-2001-02-bou1.toml"
    );
    let report_case = vec![remiss::model::load_file(std::path::Path::new(bou1)).unwrap()];
    frames(
        "points lens 200x60 (BoU1)",
        &report_case,
        &[Action::ToggleLens, Action::ToggleLens],
        &theme,
    );
}

/// Time 2,000 frames of `cases` at 200×60 after `actions`, the selection moving between them.
fn frames(name: &str, cases: &[remiss::model::Case], actions: &[Action], theme: &Theme) {
    let sim = Similarity::build(cases, &Options::default());
    let mut app = App::new(cases.to_vec(), Lang::En).with_similarity(sim);
    app.update(Action::Resize(200, 60));
    for a in actions.iter() {
        app.update(a.clone());
    }
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut samples = Vec::new();
    for i in 0..2000 {
        // Alternate the selection so every frame has something to diff.
        if i % 2 == 0 {
            app.update(Action::Down);
        } else {
            app.update(Action::Up);
        }
        let t = Instant::now();
        term.draw(|f| remiss::tui::frame::render(f, &app, theme))
            .unwrap();
        samples.push(t.elapsed());
    }
    report(name, samples);
}

/// A folder of 500 cases, as `remiss FOLDER` opens it: list the case files, draw the (empty)
/// case list with its progress line; the files are read in the background. Also the time to
/// read them all (what the first frame no longer waits for) and to draw the full case list.
fn folder_first_frame(theme: &Theme) {
    let dir = common::corpus_dir();
    common::ensure_corpus(&dir, false);
    let runs = common::runs_arg(20);
    let mut first = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let files = remiss::model::case_files(&dir).expect("the corpus folder is readable");
        let mut app = App::loading(files.len(), Lang::En);
        app.update(Action::Resize(200, 60));
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        term.draw(|f| remiss::tui::frame::render(f, &app, theme))
            .unwrap();
        black_box(&term);
        first.push(t.elapsed());
    }
    report("folder of 500: first frame", first);
    let mut read = Vec::new();
    let mut full = None;
    for _ in 0..3 {
        let t = Instant::now();
        let files = remiss::model::case_files(&dir).unwrap();
        let ws = remiss::model::load_listed_with_progress(&files, |n| {
            black_box(n);
        });
        read.push(t.elapsed());
        full = Some(ws);
    }
    report("folder of 500: cases read", read);
    let ws = full.unwrap();
    assert_eq!(ws.cases.len(), common::CASES);
    let mut app = App::new(ws.cases, Lang::En);
    app.update(Action::Resize(200, 60));
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let frames = time_frames(&mut app, &mut term, theme, [Action::Down, Action::Up]);
    report("case list of 500 200x60", frames);
    // The cases × parties view of all 500: opening it (the matrix is computed), then frames.
    let t = Instant::now();
    app.update(Action::OpenCrossCase);
    println!(
        "{:<28} {:>8.1} ms",
        "cases × parties of 500: open",
        t.elapsed().as_secs_f64() * 1e3
    );
    let frames = time_frames(&mut app, &mut term, theme, [Action::Down, Action::Right]);
    report("cases × parties 500 200x60", frames);
}

/// 200 frames, each after one of `moves` in turn (so every frame has something to draw).
fn time_frames(
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    theme: &Theme,
    moves: [Action; 2],
) -> Vec<Duration> {
    (0..200)
        .map(|i| {
            app.update(moves[i % 2].clone());
            let t = Instant::now();
            term.draw(|f| remiss::tui::frame::render(f, app, theme))
                .unwrap();
            t.elapsed()
        })
        .collect()
}
