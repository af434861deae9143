//! The command line and the library behind it, through the real binary where a user would run
//! it: one test binary (`cargo test --test cli`), one module per command or concern.

#[path = "../support/child.rs"]
mod child;
#[path = "../support/cmd.rs"]
mod cmd;
#[path = "../support/hostile.rs"]
mod hostile;
#[path = "../support/riksdag_accuracy.rs"]
mod riksdag_accuracy;

mod cache;
mod closed_output;
mod config;
mod conventions;
mod corpus;
mod docx;
mod file_kinds;
mod fuzz;
mod hardening;
mod import;
mod import_accuracy;
mod import_fuzz;
mod import_openers;
mod invalid_files;
mod invisible;
mod layers;
mod matrix;
mod notes;
mod protocol;
mod report;
mod review;
mod riksdag;
mod search;
mod similar;
mod swedish;
mod verbatim;
