//! Output formats for the command line: the matrix as text, Markdown, CSV and JSON; search
//! hits as text and JSON.

pub mod citation;
pub mod matrix;
pub mod search;
