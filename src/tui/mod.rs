//! The terminal app. One direction: event → action (keymap) → `App::update` → effects (run
//! here) → render (pure, `view`). The loop is generic over the ratatui backend and the event
//! source, so tests drive the whole app with a `TestBackend` and a list of events.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod keymap;
pub mod reader;
pub mod theme;
pub mod view;

use action::{Action, Effect};
use app::App;
use clipboard::Clipboard;
use crossterm::event::{Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use theme::Theme;

/// Run the app in the real terminal until the user quits (or SIGTERM/SIGHUP arrives). The
/// terminal is restored on every way out, a panic included (ratatui's panic hook).
pub fn run(app: App) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let theme = Theme::from_env();
    let mut terminal = ratatui::try_init()?;
    // Debug builds only: lets the end-to-end test check that a panic restores the terminal.
    if cfg!(debug_assertions) && std::env::var_os("REMISS_TEST_PANIC").is_some() {
        terminal.draw(|f| f.render_widget("about to panic", f.area()))?;
        panic!("test panic requested by REMISS_TEST_PANIC");
    }
    let mut clipboard = clipboard::SystemClipboard::new(io::stdout());
    let result = run_loop(
        &mut terminal,
        app,
        &theme,
        CrosstermEvents { stop },
        &mut clipboard,
    );
    ratatui::restore();
    result.map(|_| ())
}

/// Terminal events until a stop signal arrives.
struct CrosstermEvents {
    stop: Arc<AtomicBool>,
}

impl Iterator for CrosstermEvents {
    type Item = io::Result<Event>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return None;
            }
            match crossterm::event::poll(Duration::from_millis(200)) {
                Ok(true) => return Some(crossterm::event::read()),
                Ok(false) => {}
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// The action an event asks for on the current screen.
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::action_for(app.screen, app.help, *key)
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Apply one action and perform its effects.
pub fn dispatch(app: &mut App, action: Action, clipboard: &mut dyn Clipboard) {
    for effect in app.update(action) {
        match effect {
            Effect::Copy(text) => {
                let outcome = clipboard.copy(&text);
                app.update(Action::Copied(outcome));
            }
        }
    }
}

/// The loop: draw, wait for an event, update, draw again. Returns the final state.
pub fn run_loop<B, E>(
    terminal: &mut Terminal<B>,
    mut app: App,
    theme: &Theme,
    events: E,
    clipboard: &mut dyn Clipboard,
) -> io::Result<App>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: IntoIterator<Item = io::Result<Event>>,
{
    let size = terminal.size().map_err(io::Error::other)?;
    app.update(Action::Resize(size.width, size.height));
    terminal
        .draw(|f| view::render(f, &app, theme))
        .map_err(io::Error::other)?;
    for event in events {
        if let Some(action) = action_for_event(&app, &event?) {
            dispatch(&mut app, action, clipboard);
        }
        if app.quit {
            break;
        }
        terminal
            .draw(|f| view::render(f, &app, theme))
            .map_err(io::Error::other)?;
    }
    Ok(app)
}
