//! remiss: read a municipal case and every referral answer on it.
//!
//! The crate is a pure core (`model`, `analysis`, `export`, `import`, `notes`) and a thin
//! shell (`tui`, `cli`). See `docs/architecture.md`.
#![forbid(unsafe_code)]
// Every byte the command line prints goes through `cli::output` (a closed pipe is a quiet
// end, a full disk an error), never through the `print!` family, which panics on both.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod atomic;
pub mod cache;
pub mod cli;
pub mod colour;
pub mod export;
pub mod i18n;
pub mod import;
pub mod model;
pub mod notes;
pub mod review;
pub mod text;
pub mod tui;
