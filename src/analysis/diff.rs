//! Word-level diff of two texts (issue 5). Not yet built.
