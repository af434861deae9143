//! Analysis of loaded cases: the search index ([`search`]), similarity of positions and
//! families of reused text ([`similarity`]), and word diffs ([`diff`]). Pure functions of
//! [`crate::model::Case`]s; no terminal code. [`cross_case`] holds the views across the cases of
//! a folder (the cases × parties matrix).

pub mod cross_case;
pub mod diff;
pub mod search;
pub mod similarity;
