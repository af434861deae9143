//! Similarity of positions and families of reused text (issue 5). Not yet built.
