//! Search index over every paragraph of every loaded case (issue 4). Not yet built.
