//! The terminal app. One direction: event → action (keymap) → `App::update`, which hands it
//! to the overlay or the screen on top and applies their outcome → effects (run by the shell)
//! → render (pure, `frame`). The loop is generic over the ratatui backend and the input
//! source, so tests drive the whole app with a `TestBackend` and a list of events.
//!
//! - `app`: the router (shared data, the navigation stack, the overlay slot, the status).
//! - `screens/<name>/`: each screen's state, update and view; `overlays/`: help, prompt,
//!   search.
//! - `ctx`: what screens may read; `action`: intents, outcomes and effects; `frame`: the
//!   areas of a frame (for update and render alike) and rendering; `keymap`: the bindings.

pub mod action;
pub mod app;
pub mod book;
pub mod clipboard;
pub mod ctx;
pub mod frame;
pub mod keymap;
pub mod overlays;
pub mod screens;
pub mod shell;
pub mod theme;
pub mod widgets;

#[cfg(test)]
mod testing;

use action::Action;
use app::App;
use crossterm::event::{Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use shell::{Shell, SystemShell};
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;
use theme::Theme;

/// What the loop reacts to: a terminal event, or the result of background work.
#[derive(Debug)]
pub enum Input {
    Event(Event),
    Action(Action),
}

impl From<Event> for Input {
    fn from(e: Event) -> Input {
        Input::Event(e)
    }
}

impl From<Action> for Input {
    fn from(a: Action) -> Input {
        Input::Action(a)
    }
}

/// Run the app on `cases` in the real terminal until the user quits (or a signal in
/// [`QUIT_SIGNALS`] arrives: then [`ended_by_signal`] says which). Each case's notes are read
/// from `notes_path(case)`. The terminal is restored on every way out, a panic included
/// (ratatui's panic hook) and a signal (see [`watch_signals`]). Terminal events and the results
/// of background work (the similarity of all positions) reach the loop through one channel, so
/// the first frame never waits for the analysis.
pub fn run(
    cases: Vec<crate::model::Case>,
    lang: crate::i18n::Lang,
    theme: Theme,
    notes_path: impl Fn(&crate::model::Case) -> std::path::PathBuf,
    load_problems: &[crate::model::Problem],
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let restored = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop), Arc::clone(&restored))?;
    let mut terminal = ratatui::try_init()?;
    // Debug builds only: lets the end-to-end test check that a panic restores the terminal.
    if cfg!(debug_assertions) && std::env::var_os("REMISS_TEST_PANIC").is_some() {
        terminal.draw(|f| f.render_widget("about to panic", f.area()))?;
        panic!("test panic requested by REMISS_TEST_PANIC");
    }
    let clipboard = clipboard::SystemClipboard::new(io::stdout());
    let opened = SystemShell::open(clipboard, &cases, notes_path);
    let mut shell = opened.shell;
    let mut app = App::new(cases, lang).with_notes(opened.notes);
    if let Some(msg) = start_message(load_problems, &opened.problems, lang) {
        app.status = Some(action::Status {
            text: msg,
            error: true,
        });
    }
    let (tx, rx) = mpsc::channel::<io::Result<Input>>();
    spawn_terminal_events(tx.clone(), Arc::clone(&stop));
    shell.searcher = shell::Searcher::spawn_worker(Arc::clone(&app.cases), tx.clone());
    shell::spawn_analysis(Arc::clone(&app.cases), tx.clone());
    shell.background = Some(tx);
    let inputs = Inputs { rx, stop };
    let result = run_loop(&mut terminal, app, &theme, inputs, &mut shell);
    restore_terminal();
    restored.store(true, Ordering::SeqCst);
    result.map(|_| ())
}

/// The signals that end the app, with the terminal restored: every catchable one whose default
/// is to end the process, sent from outside (`kill -INT`: in raw mode Ctrl-C is a key, not a
/// signal), by a closed terminal (SIGHUP) or by a timer or limit (SIGALRM, SIGXCPU, …). Not
/// SIGABRT, SIGBUS, SIGTRAP (faults: the panic hook covers Rust's own), nor SIGTSTP (stop).
pub const QUIT_SIGNALS: &[i32] = &[
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGVTALRM,
    signal_hook::consts::SIGPROF,
    signal_hook::consts::SIGXCPU,
    signal_hook::consts::SIGXFSZ,
    signal_hook::consts::SIGIO,
    signal_hook::consts::SIGSYS,
];

/// The signal that ended the app, if one did (0: none).
static ENDED_BY: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// The signal that ended the last [`run`], if one did; the command line then exits with
/// 128 + its number, as a shell reports a process ended by a signal.
pub fn ended_by_signal() -> Option<i32> {
    Some(ENDED_BY.load(Ordering::SeqCst)).filter(|&s| s != 0)
}

/// On the first of [`QUIT_SIGNALS`], ask the loop to end (`stop`): it restores the terminal
/// and returns. Should the loop not get there within two seconds (busy, or blocked writing to
/// a terminal that is gone), this thread restores the terminal itself and exits the process.
fn watch_signals(stop: Arc<AtomicBool>, restored: Arc<AtomicBool>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(QUIT_SIGNALS)?;
    std::thread::spawn(move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        ENDED_BY.store(signal, Ordering::SeqCst);
        stop.store(true, Ordering::SeqCst);
        let deadline = std::time::Instant::now() + Duration::from_secs(2);
        while std::time::Instant::now() < deadline {
            if restored.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        restore_terminal();
        std::process::exit(128 + signal);
    });
    Ok(())
}

/// Leave the alternate screen and raw mode and show the cursor; safe to call more than once.
fn restore_terminal() {
    ratatui::restore();
    let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
}

/// The loop's inputs from the channel, and a quit once SIGTERM or SIGHUP has come. The flag
/// is checked here as well as in the input thread: when the terminal is gone (an SSH
/// connection dropped), reading it can keep that thread busy inside crossterm, and the app
/// must still end.
struct Inputs {
    rx: mpsc::Receiver<io::Result<Input>>,
    stop: Arc<AtomicBool>,
}

impl Iterator for Inputs {
    type Item = io::Result<Input>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return Some(Ok(Action::Quit.into()));
            }
            match self.rx.recv_timeout(Duration::from_millis(250)) {
                Ok(input) => return Some(input),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

/// What the status bar says at start when files could not be read: case files that were left
/// out (printed in full when the app ends), or notes files.
pub fn start_message(
    cases: &[crate::model::Problem],
    notes: &[crate::model::Problem],
    lang: crate::i18n::Lang,
) -> Option<String> {
    if let Some(first) = cases.first() {
        let files: std::collections::BTreeSet<&str> =
            cases.iter().map(|p| p.file.as_str()).collect();
        let n = files.len();
        let where_ = match (first.line, first.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", first.file),
            _ => first.file.clone(),
        };
        return Some(match lang {
            crate::i18n::Lang::En => format!(
                "{n} file{} left out ({where_}: {}); all problems are printed when you quit",
                if n == 1 { "" } else { "s" },
                lang.problem_message(&first.kind)
            ),
            crate::i18n::Lang::Sv => format!(
                "{n} fil{} utelämnade ({where_}: {}); alla fel skrivs ut när du avslutar",
                if n == 1 { "" } else { "er" },
                lang.problem_message(&first.kind)
            ),
        });
    }
    notes.first().map(|p| {
        format!(
            "{}: {}",
            lang.pick("Notes not loaded", "Anteckningarna lästes inte in"),
            lang.problem(p)
        )
    })
}

/// Read terminal events on a thread of their own until a stop signal arrives (then quit).
fn spawn_terminal_events(tx: mpsc::Sender<io::Result<Input>>, stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        loop {
            if stop.load(Ordering::Relaxed) {
                let _ = tx.send(Ok(Action::Quit.into()));
                return;
            }
            let next = match crossterm::event::poll(Duration::from_millis(100)) {
                Ok(true) => crossterm::event::read().map(Input::Event),
                Ok(false) => continue,
                Err(e) => Err(e),
            };
            let failed = next.is_err();
            if tx.send(next).is_err() || failed {
                return;
            }
        }
    });
}

/// The action an event asks for in the current mode.
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::action_for(app.mode(), *key)
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Apply one action and perform its effects, and the effects of their outcomes.
pub fn dispatch(app: &mut App, action: Action, shell: &mut dyn Shell) {
    let mut pending: std::collections::VecDeque<_> = app.update(action).into();
    while let Some(effect) = pending.pop_front() {
        if let Some(outcome) = shell.perform(app, effect) {
            pending.extend(app.update(outcome));
        }
    }
}

/// The loop: draw, wait for an event, update, draw again. Returns the final state.
pub fn run_loop<B, E, I>(
    terminal: &mut Terminal<B>,
    mut app: App,
    theme: &Theme,
    events: E,
    shell: &mut dyn Shell,
) -> io::Result<App>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: IntoIterator<Item = io::Result<I>>,
    I: Into<Input>,
{
    let size = terminal.size().map_err(io::Error::other)?;
    app.update(Action::Resize(size.width, size.height));
    terminal
        .draw(|f| frame::render(f, &app, theme))
        .map_err(io::Error::other)?;
    for input in events {
        let action = match input?.into() {
            Input::Event(event) => action_for_event(&app, &event),
            Input::Action(action) => Some(action),
        };
        if let Some(action) = action {
            dispatch(&mut app, action, shell);
        }
        if app.quit {
            break;
        }
        terminal
            .draw(|f| frame::render(f, &app, theme))
            .map_err(io::Error::other)?;
    }
    Ok(app)
}
