//! Output formats: the matrix as text, Markdown, CSV and JSON; debate notes; families of similar positions; word diffs; search hits as text and JSON.

pub mod diff;
pub mod matrix;
pub mod notes;
pub mod search;
pub mod similar;
