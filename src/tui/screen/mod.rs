//! The screens' states and updates, one module each: `impl App` blocks that `App::update`
//! dispatches to. Pure: they change state and return effects, nothing else.

pub mod diff;
pub mod matrix;
pub mod notes;
pub mod prompt;
pub mod reader;
pub mod search;
