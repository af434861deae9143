//! Output formats: the matrix as text, Markdown, CSV and JSON; debate notes (also as Word);
//! the HTML report; families of similar positions; word diffs; search hits as text and JSON.

pub mod diff;
pub mod docx;
pub mod markdown;
pub mod matrix;
pub mod notes;
pub mod report;
pub mod search;
pub mod similar;
