//! Output formats for the command line: the matrix as text, Markdown, CSV and JSON; families
//! of similar positions; word diffs.

pub mod citation;
pub mod diff;
pub mod matrix;
pub mod notes;
pub mod similar;
