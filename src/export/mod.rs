//! Output formats: the matrix as text, Markdown, CSV and JSON; quotes with their citations;
//! debate notes; families of similar positions; word diffs; search hits as text and JSON.

pub mod citation;
pub mod diff;
pub mod matrix;
pub mod notes;
pub mod search;
pub mod similar;
