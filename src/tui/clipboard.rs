//! The clipboard: the system clipboard through arboard (one handle kept for the whole run, so
//! X11 keeps serving the text), else OSC 52 to the terminal, which works over SSH and in tmux
//! with `set-clipboard on`.

use super::action::CopyOutcome;
use base64::Engine;
use std::io::Write;

/// Largest text sent by OSC 52: many terminals drop longer sequences (hterm's cap of 100,000
/// base64 characters is the common limit).
pub const OSC52_MAX_BYTES: usize = 74_994;

/// Something that can take copied text. The app's loop uses [`SystemClipboard`]; tests use a
/// fake.
pub trait Clipboard {
    fn copy(&mut self, text: &str) -> CopyOutcome;
}

pub struct SystemClipboard<W: Write> {
    system: Option<arboard::Clipboard>,
    terminal: W,
}

impl<W: Write> SystemClipboard<W> {
    /// Try the system clipboard unless there is no display or we run over SSH; OSC 52 goes
    /// to `terminal`.
    pub fn new(terminal: W) -> Self {
        let has_display = std::env::var_os("DISPLAY").is_some_and(|v| !v.is_empty())
            || std::env::var_os("WAYLAND_DISPLAY").is_some_and(|v| !v.is_empty());
        let over_ssh = std::env::var_os("SSH_CONNECTION").is_some();
        let system = if has_display && !over_ssh {
            arboard::Clipboard::new().ok()
        } else {
            None
        };
        SystemClipboard { system, terminal }
    }
}

impl<W: Write> Clipboard for SystemClipboard<W> {
    fn copy(&mut self, text: &str) -> CopyOutcome {
        let text = safe(text);
        if let Some(cb) = self.system.as_mut()
            && cb.set_text(text.clone()).is_ok()
        {
            return CopyOutcome::System;
        }
        osc52(&mut self.terminal, &text)
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
