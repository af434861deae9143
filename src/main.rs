//! `remiss`: parse the command line and dispatch.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(remiss::cli::run(remiss::cli::Cli::parse()))
}
