//! Paste benchmark: a bracketed paste of about 100 KB into the search, through the app as the
//! terminal delivers it (`Event::Paste` → action → update → one search → one frame), on the
//! bundled case and on the generated corpus (500 cases). Issue 15 asks for under a second;
//! before bracketed paste each character was a key and a search (about 41 s for 100 KB).
//!
//! `cargo bench --bench paste`

mod common;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use remiss::analysis::search::Index;
use remiss::i18n::Lang;
use remiss::model::Case;
use remiss::tui::action::{Action, CopyOutcome};
use remiss::tui::app::App;
use remiss::tui::clipboard::Clipboard;
use remiss::tui::shell::{Searcher, SystemShell};
use remiss::tui::theme::Theme;
use std::sync::Arc;
use std::time::{Duration, Instant};

struct NoClipboard;

impl Clipboard for NoClipboard {
    fn copy(&mut self, _: &str) -> CopyOutcome {
        CopyOutcome::System
    }
}

/// About `bytes` of the cases' own paragraphs, one per line, as a passage copied out of a
/// document would come (line breaks and all).
fn passage(cases: &[Case], bytes: usize) -> String {
    let mut out = String::new();
    for p in cases
        .iter()
        .flat_map(|c| &c.positions)
        .flat_map(|p| &p.paragraphs)
        .cycle()
    {
        out.push_str(p);
        out.push('\n');
        if out.len() >= bytes {
            break;
        }
    }
    out
}

/// One paste into the open search, then one frame; the time of each of `runs`.
fn measure(cases: &[Case], text: &str, runs: usize) -> Vec<Duration> {
    let theme = Theme::coloured();
    let index = Arc::new(Index::build(cases));
    let shared = Arc::new(cases.to_vec());
    let dir = tempfile::tempdir().unwrap();
    (0..runs)
        .map(|_| {
            let opened = SystemShell::open(NoClipboard, cases, |c| {
                dir.path().join(format!("{}.notes.toml", c.id))
            });
            let mut shell = opened.shell;
            shell.searcher = Searcher::Inline(Arc::clone(&index), Arc::clone(&shared));
            let mut app = App::new(cases.to_vec(), Lang::Sv).with_notes(opened.notes);
            app.indexed = true;
            app.update(Action::Resize(120, 40));
            remiss::tui::dispatch(&mut app, Action::OpenSearch, &mut shell);
            let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
            let event = Event::Paste(text.to_string());
            let t = Instant::now();
            let action = remiss::tui::action_for_event(&app, &event).expect("a paste");
            remiss::tui::dispatch(&mut app, action, &mut shell);
            term.draw(|f| remiss::tui::frame::render(f, &app, &theme))
                .unwrap();
            let took = t.elapsed();
            assert_eq!(app.search.input.value().chars().count(), 10_000);
            took
        })
        .collect()
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name:<44} median {:>8.1} ms   max {:>8.1} ms   ({} runs)",
        ms(samples[samples.len() / 2]),
        ms(samples[samples.len() - 1]),
        samples.len()
    );
}

fn main() {
    let bundled = vec![remiss::model::load_bundled()];
    let text = passage(&bundled, 100_000);
    report(
        &format!("paste {} KB, bundled case", text.len() / 1000),
        measure(&bundled, &text, 10),
    );

    let dir = common::corpus_dir();
    common::ensure_corpus(&dir, false);
    let corpus = remiss::model::load_path(&dir)
        .expect("the corpus loads")
        .cases;
    let text = passage(&corpus, 100_000);
    report(
        &format!(
            "paste {} KB, corpus of {} cases",
            text.len() / 1000,
            corpus.len()
        ),
        measure(&corpus, &text, 5),
    );
    let text = passage(&corpus, 1_000_000);
    report(
        &format!(
            "paste {} KB, corpus of {} cases",
            text.len() / 1000,
            corpus.len()
        ),
        measure(&corpus, &text, 3),
    );
}
