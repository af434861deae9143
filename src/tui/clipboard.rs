//! The clipboard: the system clipboard through arboard, else OSC 52 to the terminal, which
//! works over SSH; inside tmux, tmux's own paste buffer where tmux would not pass OSC 52 on.
//!
//! On X11 and Wayland a copy lives only as long as the program that owns it: so that a quote
//! stays pasteable after remiss quits, every copy is also handed to a helper process (remiss
//! itself, `remiss __serve-clipboard`, in a process group of its own) that serves it until
//! another program copies something, as `xclip` does. Without the helper the status says the
//! copy lasts only while remiss runs.
//!
//! Inside tmux, an application's OSC 52 reaches the outer terminal only with
//! `set -g set-clipboard on`; with tmux's default (`external`) or `off` the text is loaded into
//! tmux's buffer instead (`tmux load-buffer -w -`: tmux sends it on to the terminal itself
//! unless `set-clipboard` is `off`), and the status says which.

use super::action::CopyOutcome;
use base64::Engine;
use std::io::Write;
use std::process::{Child, Command, Stdio};

/// Largest text sent by OSC 52: many terminals drop longer sequences (hterm's cap of 100,000
/// base64 characters is the common limit).
pub const OSC52_MAX_BYTES: usize = 74_994;

/// The hidden command that serves a copy after the app quits.
pub const SERVE_COMMAND: &str = "__serve-clipboard";

/// Something that can take copied text. The app's loop uses [`SystemClipboard`]; tests use a
/// fake.
pub trait Clipboard {
    fn copy(&mut self, text: &str) -> CopyOutcome;
}

pub struct SystemClipboard<W: Write> {
    system: Option<arboard::Clipboard>,
    terminal: W,
    /// Inside tmux (`$TMUX` set).
    tmux: bool,
    /// Helpers serving earlier copies; reaped once they end (when a later copy replaced them).
    helpers: Vec<Child>,
}

impl<W: Write> SystemClipboard<W> {
    /// Try the system clipboard unless there is no display or we run over SSH; OSC 52 goes
    /// to `terminal`.
    pub fn new(terminal: W) -> Self {
        let var = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
        let has_display = var("DISPLAY") || var("WAYLAND_DISPLAY");
        let over_ssh = std::env::var_os("SSH_CONNECTION").is_some();
        let system = if has_display && !over_ssh {
            arboard::Clipboard::new().ok()
        } else {
            None
        };
        SystemClipboard {
            system,
            terminal,
            tmux: var("TMUX"),
            helpers: Vec::new(),
        }
    }

    /// Hand `text` to a helper that serves it after remiss quits; false if none could start.
    fn hand_to_helper(&mut self, text: &str) -> bool {
        self.helpers
            .retain_mut(|c| matches!(c.try_wait(), Ok(None)));
        if !cfg!(all(unix, not(target_os = "macos"))) {
            return true; // The platform keeps copies itself.
        }
        let Ok(exe) = std::env::current_exe() else {
            return false;
        };
        let mut cmd = Command::new(exe);
        cmd.arg(SERVE_COMMAND)
            .current_dir("/")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        {
            // Its own process group: Ctrl-C and a closing terminal do not reach it.
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        let Ok(mut child) = cmd.spawn() else {
            return false;
        };
        let sent = child
            .stdin
            .take()
            .is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
        self.helpers.push(child);
        sent
    }
}

impl<W: Write> Clipboard for SystemClipboard<W> {
    fn copy(&mut self, text: &str) -> CopyOutcome {
        let text = safe(text);
        if let Some(cb) = self.system.as_mut()
            && cb.set_text(text.clone()).is_ok()
        {
            return if self.hand_to_helper(&text) {
                CopyOutcome::System
            } else {
                CopyOutcome::SystemWhileRunning
            };
        }
        if self.tmux {
            match tmux_set_clipboard().as_deref() {
                Some("on") | None => {}
                Some(mode) => {
                    if let Some(outcome) = tmux_load_buffer(&text, mode != "off") {
                        return outcome;
                    }
                }
            }
        }
        osc52(&mut self.terminal, &text)
    }
}

/// tmux's `set-clipboard` (`on`, `external` or `off`), or `None` if tmux does not answer.
fn tmux_set_clipboard() -> Option<String> {
    let out = Command::new("tmux")
        .args(["show-options", "-sv", "set-clipboard"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `tmux load-buffer [-w] -` with `text`; `None` if tmux failed (then OSC 52 is tried).
fn tmux_load_buffer(text: &str, forward: bool) -> Option<CopyOutcome> {
    let mut cmd = Command::new("tmux");
    cmd.arg("load-buffer");
    if forward {
        cmd.arg("-w");
    }
    let mut child = cmd
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let written = child
        .stdin
        .take()
        .is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
    let ok = child.wait().is_ok_and(|s| s.success());
    (written && ok).then_some(CopyOutcome::TmuxBuffer { forwarded: forward })
}

/// `remiss __serve-clipboard`: read the text on stdin, put it on the system clipboard and
/// serve it until another program copies something (X11, Wayland). Hangups are ignored: the
/// terminal that started remiss may close first.
pub fn serve_from_stdin() -> Result<(), String> {
    let hangup = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&hangup));
    }
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| e.to_string())?;
    let text = safe(&text);
    // The display server may go away (the user logs out) without the clipboard noticing: end
    // with it instead of waiting forever.
    std::thread::spawn(|| {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(2));
            if !display_alive() {
                std::process::exit(0);
            }
        }
    });
    let mut cb = arboard::Clipboard::new().map_err(|e| e.to_string())?;
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        use arboard::SetExtLinux;
        cb.set().wait().text(text).map_err(|e| e.to_string())
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        cb.set_text(text).map_err(|e| e.to_string())
    }
}

/// Whether the display server still accepts connections: the Wayland compositor's socket, or
/// the local X server's (`:N` → `/tmp/.X11-unix/XN`). A display reached over TCP is assumed
/// alive.
fn display_alive() -> bool {
    use std::os::unix::net::UnixStream;
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let Some(name) = var("WAYLAND_DISPLAY") {
        let path = match var("XDG_RUNTIME_DIR") {
            Some(dir) if !name.starts_with('/') => format!("{dir}/{name}"),
            _ => name,
        };
        return UnixStream::connect(path).is_ok();
    }
    let Some(display) = var("DISPLAY") else {
        return false;
    };
    let local = display
        .strip_prefix("unix:")
        .or_else(|| display.strip_prefix(':'));
    match local.and_then(|n| n.split('.').next()) {
        Some(n) if n.chars().all(|c| c.is_ascii_digit()) => {
            UnixStream::connect(format!("/tmp/.X11-unix/X{n}")).is_ok()
        }
        _ => true,
    }
}

/// Remove every control, format or separator character except newline (case text is
/// cleaned at load; this is the last guard before text leaves the app): `text::strip_unsafe`.
pub fn safe(text: &str) -> String {
    crate::text::strip_unsafe(text)
}

/// Write `text` as an OSC 52 sequence.
pub fn osc52(out: &mut impl Write, text: &str) -> CopyOutcome {
    if text.len() > OSC52_MAX_BYTES {
        return CopyOutcome::Failed(format!(
            "{} KB is too long for the terminal clipboard (OSC 52, at most {} KB)",
            text.len() / 1000,
            OSC52_MAX_BYTES / 1000
        ));
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    match write!(out, "\x1b]52;c;{encoded}\x07").and_then(|()| out.flush()) {
        Ok(()) => CopyOutcome::Osc52,
        Err(e) => CopyOutcome::Failed(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_sequence() {
        let mut out = Vec::new();
        assert_eq!(osc52(&mut out, "foo"), CopyOutcome::Osc52);
        assert_eq!(out, b"\x1b]52;c;Zm9v\x07");
    }

    #[test]
    fn osc52_refuses_huge_text() {
        let mut out = Vec::new();
        assert!(matches!(
            osc52(&mut out, &"x".repeat(OSC52_MAX_BYTES + 1)),
            CopyOutcome::Failed(_)
        ));
        assert!(out.is_empty());
    }

    #[test]
    fn control_characters_never_reach_the_clipboard() {
        assert_eq!(safe("a\u{1b}[31mb\nc\u{202e}"), "a[31mb\nc");
    }
}
