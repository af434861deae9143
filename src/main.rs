//! `remiss`: parse the command line and dispatch.
#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(remiss::cli::run_args(std::env::args_os()))
}
