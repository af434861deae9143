//! The command line's one way to write to stdout and stderr.
//!
//! Every byte a command prints goes through here, so that the two ways a write can fail are
//! handled once, the same for every command:
//!
//! - **The reader went away** (`remiss check … | head -1`, `… | true`: `EPIPE`). That is a
//!   quiet end, not an error: nothing more is written to that stream, nothing is said about
//!   it, and the command exits with the code it would have had.
//! - **The write failed for another reason** (a full disk, `> /dev/full`: `ENOSPC`; an I/O
//!   error). The command says so on stderr (`remiss: cannot write the output: …`) and exits
//!   with at least [`INVALID`] (1); when stderr itself cannot be written, only the exit code
//!   tells.
//!
//! Rust ignores `SIGPIPE`, so without this layer `println!` panics on a closed pipe (exit 101).
//! The crate denies clippy's `print_stdout` and `print_stderr` lints, so no `print!` family
//! macro can bypass it; `cli::run` folds the streams' state into the exit code with
//! [`exit_code`].

use super::{INVALID, OK};
use crate::i18n::Lang;
use std::fmt::Display;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// What became of a stream so far.
struct Stream {
    /// The reader closed it (`EPIPE`): skip further writes, quietly.
    closed: AtomicBool,
    /// A write failed for another reason.
    failed: AtomicBool,
}

impl Stream {
    const fn new() -> Stream {
        Stream {
            closed: AtomicBool::new(false),
            failed: AtomicBool::new(false),
        }
    }

    /// Run `write` on the stream unless it is closed; record how it ended. `Err` carries a
    /// failure other than a closed pipe.
    fn write(&self, write: impl FnOnce() -> io::Result<()>) -> Result<(), io::Error> {
        if self.closed.load(Ordering::Relaxed) {
            return Ok(());
        }
        match write() {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed.store(true, Ordering::Relaxed);
                Ok(())
            }
            Err(e) => {
                self.failed.store(true, Ordering::Relaxed);
                Err(e)
            }
        }
    }
}

static STDOUT: Stream = Stream::new();
static STDERR: Stream = Stream::new();

/// The language of this layer's own message (a failed write), set once by `cli::run_args`
/// from the language it decided ([`super::language`]).
static SWEDISH: AtomicBool = AtomicBool::new(false);

/// Set the language of this layer's own messages.
pub fn set_lang(lang: Lang) {
    SWEDISH.store(lang == Lang::Sv, Ordering::Relaxed);
}

fn lang() -> Lang {
    if SWEDISH.load(Ordering::Relaxed) {
        Lang::Sv
    } else {
        Lang::En
    }
}

/// Write `text` to stdout as it is (add the final newline yourself). Returns [`OK`], or
/// [`INVALID`] when the write failed for another reason than a closed pipe (then stderr says
/// why).
pub fn out(text: &str) -> u8 {
    out_with(|w| w.write_all(text.as_bytes()))
}

/// Write to stdout through `write`, for output produced piece by piece (a long list streamed
/// as it is computed). A closed pipe ends it quietly: `write` gets the error and should stop
/// at once (propagate it with `?`). Returns as [`out`] does.
pub fn out_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> u8 {
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    let result = STDOUT.write(|| {
        write(&mut lock)?;
        lock.flush()
    });
    match result {
        Ok(()) => OK,
        Err(e) => {
            let lang = lang();
            to_stderr(format_args!(
                "remiss: {} {}",
                lang.pick("cannot write the output:", "kan inte skriva utdata:"),
                super::io_words(&e, lang)
            ));
            INVALID
        }
    }
}

/// Write one line to stderr (the newline is added). The text must already be escaped for a
/// terminal (`text::escape`, or a [`crate::model::Problem`]). A closed stderr is skipped
/// quietly; another failure makes the exit code at least [`INVALID`].
pub fn to_stderr(line: impl Display) {
    let stderr = io::stderr();
    let mut lock = stderr.lock();
    let _ = STDERR.write(|| writeln!(lock, "{line}").and_then(|()| lock.flush()));
}

/// `message!("remiss: {}", x)`: [`to_stderr`] with `format!` arguments, the command line's
/// `eprintln!`.
macro_rules! message {
    ($($arg:tt)*) => {
        $crate::cli::output::to_stderr(format_args!($($arg)*))
    };
}
pub(crate) use message;

/// The exit code for a command that returned `code`: at least [`INVALID`] when a write to
/// stdout or stderr failed (other than on a closed pipe).
pub fn exit_code(code: u8) -> u8 {
    let failed = STDOUT.failed.load(Ordering::Relaxed) || STDERR.failed.load(Ordering::Relaxed);
    if failed && code == OK { INVALID } else { code }
}

/// Whether stdout's reader has gone away (a command may stop computing output nobody reads).
pub fn stdout_closed() -> bool {
    STDOUT.closed.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_quiet_and_other_failures_are_recorded() {
        let s = Stream::new();
        let closed = || Err(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(s.write(closed).is_ok());
        assert!(s.closed.load(Ordering::Relaxed) && !s.failed.load(Ordering::Relaxed));
        // Once closed, nothing more is tried.
        assert!(s.write(|| panic!("not called")).is_ok());

        let s = Stream::new();
        let full = || Err(io::Error::from(io::ErrorKind::StorageFull));
        assert_eq!(
            s.write(full).unwrap_err().kind(),
            io::ErrorKind::StorageFull
        );
        assert!(s.failed.load(Ordering::Relaxed) && !s.closed.load(Ordering::Relaxed));
    }
}
