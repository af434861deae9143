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
pub mod config;
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

use action::{Action, Shared};
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

/// What the app starts on.
pub enum Start {
    /// Cases read already (one file), and the problems of files left out.
    Cases(Vec<crate::model::Case>, Vec<crate::model::Problem>),
    /// A folder's case files ([`crate::model::case_files`]), read in the background while the
    /// app shows their progress.
    Files(Vec<std::path::PathBuf>),
}

/// Run the app in the real terminal until the user quits (or a signal in [`QUIT_SIGNALS`]
/// arrives: then [`ended_by_signal`] says which). Each case's notes are read from
/// `notes_path(case)`. The terminal is restored on every way out, a panic included (ratatui's
/// panic hook) and a signal (see [`watch_signals`]). Terminal events and the results of
/// background work (the cases of a folder, the search index, the similarity of all positions)
/// reach the loop through one channel, so the first frame never waits for them. Returns how
/// it ended ([`Ended`]), for the caller to print after the terminal is restored.
pub fn run(
    start: Start,
    lang: crate::i18n::Lang,
    (theme, keys): (Theme, keymap::Keymap),
    notes_path: impl Fn(&crate::model::Case) -> std::path::PathBuf + 'static,
) -> io::Result<Ended> {
    let stop = Arc::new(AtomicBool::new(false));
    let restored = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop), Arc::clone(&restored))?;
    let mut terminal = ratatui::try_init()?;
    // A paste arrives as one event (`Event::Paste`), not as keys: one edit, however long, and
    // its line breaks are never taken for Enter. Turned off on every way out, a panic too.
    crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste)?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
        hook(info);
    }));
    // Debug builds only: lets the end-to-end test check that a panic restores the terminal.
    if cfg!(debug_assertions) && std::env::var_os("REMISS_TEST_PANIC").is_some() {
        terminal.draw(|f| f.render_widget("about to panic", f.area()))?;
        panic!("test panic requested by REMISS_TEST_PANIC");
    }
    let clipboard = clipboard::SystemClipboard::new(io::stdout());
    let (tx, rx) = mpsc::channel::<io::Result<Input>>();
    spawn_terminal_events(tx.clone(), Arc::clone(&stop));
    watch_stop_signals(tx.clone())?;
    let (app, mut shell) = match start {
        Start::Cases(cases, load_problems) => {
            let opened = SystemShell::open(clipboard, &cases, &notes_path);
            let mut shell = opened.shell;
            let mut app = App::new(cases, lang)
                .with_notes(opened.notes)
                .with_keymap(keys);
            if let Some(msg) = start_message(&load_problems, &opened.problems, lang) {
                app.status = Some(action::Status {
                    text: msg,
                    error: true,
                });
            }
            shell.searcher = shell::Searcher::spawn_worker(Arc::clone(&app.cases), tx.clone());
            shell::spawn_analysis(Arc::clone(&app.cases), tx.clone());
            (app, shell)
        }
        Start::Files(files) => {
            let shell = SystemShell::open(clipboard, &[], &notes_path).shell;
            let app = App::loading(files.len(), lang).with_keymap(keys);
            spawn_loader(files, tx.clone());
            (app, shell)
        }
    };
    shell.notes_path = Some(Box::new(notes_path));
    shell.suspend = Some(suspend_in_terminal);
    shell.background = Some(tx);
    let inputs = Inputs { rx, stop };
    let result = run_loop(&mut terminal, app, &theme, inputs, &mut shell);
    restore_terminal();
    restored.store(true, Ordering::SeqCst);
    result.map(|app| Ended {
        problems: app.load_problems,
        loaded: !app.cases.is_empty(),
        unsaved: shell.unsaved(),
    })
}

/// How [`run`] ended, for the caller to tell once the terminal is restored.
#[derive(Debug)]
pub struct Ended {
    /// The problems of case files read in the background (the caller prints them with those
    /// it found itself).
    pub problems: Vec<crate::model::Problem>,
    /// Whether any case was loaded.
    pub loaded: bool,
    /// Why the last save of a notes file did not write it: where the session's notes went
    /// instead (a recovery file beside it), or that they were not saved
    /// ([`SystemShell::unsaved`]).
    pub unsaved: Vec<crate::notes::store::SaveError>,
}

/// Read `files` on a thread of their own, saying how far it got ([`Action::Loading`], at
/// most about 20 times a second) and then handing over the cases ([`Action::Loaded`]).
fn spawn_loader(files: Vec<std::path::PathBuf>, tx: mpsc::Sender<io::Result<Input>>) {
    std::thread::spawn(move || {
        let total = files.len();
        let mut last = std::time::Instant::now();
        let progress = |done: usize| {
            if last.elapsed() >= Duration::from_millis(50) {
                last = std::time::Instant::now();
                let _ = tx.send(Ok(Action::Loading { done, total }.into()));
            }
        };
        let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::model::load_listed_with_progress(&files, progress)
        }));
        let _ = tx.send(match loaded {
            Ok(ws) => Ok(Action::Loaded(Shared(Arc::new(ws))).into()),
            Err(_) => Err(io::Error::other(
                "reading the case files failed (the message above says why)",
            )),
        });
    });
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

/// SIGTSTP from outside (`kill -TSTP`; in raw mode Ctrl-Z is a key) suspends the app as Ctrl-Z
/// does, through the loop, so the terminal is restored first; SIGCONT (after a stop the app
/// did not see, SIGSTOP) draws the screen anew.
fn watch_stop_signals(tx: mpsc::Sender<io::Result<Input>>) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGTSTP};
    let mut signals = signal_hook::iterator::Signals::new([SIGTSTP, SIGCONT])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let action = if signal == SIGTSTP {
                Action::Suspend
            } else {
                Action::Resumed
            };
            if tx.send(Ok(action.into())).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Give the terminal back (as on quit), stop the process as SIGTSTP's default would, and once
/// continued (`fg`, SIGCONT) take the terminal again: raw mode, the alternate screen, bracketed
/// paste. The caller draws the whole screen anew.
fn suspend_in_terminal() -> io::Result<()> {
    restore_terminal();
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::event::EnableBracketedPaste
    )
}

/// Leave the alternate screen and raw mode and show the cursor; safe to call more than once.
fn restore_terminal() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
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
            app.keys.action_for(app.mode(), *key)
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        // A bracketed paste is text only where text is typed; elsewhere its characters are not
        // taken as keys.
        Event::Paste(text) if app.mode().is_typing() => Some(Action::Paste(text.clone())),
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
        if std::mem::take(&mut app.redraw) {
            // Back from a suspend: the shell drew over the screen, and its size may be new.
            terminal.clear().map_err(io::Error::other)?;
            let size = terminal.size().map_err(io::Error::other)?;
            app.update(Action::Resize(size.width, size.height));
        }
        terminal
            .draw(|f| frame::render(f, &app, theme))
            .map_err(io::Error::other)?;
    }
    Ok(app)
}
