//! The app: key sequences through the real loop, snapshots of every screen, and end to end in
//! tmux and under Xvfb (skipped with a message when those programs are missing, unless
//! `REMISS_REQUIRE_E2E=1`). One test binary (`cargo test --test tui`) with one driver
//! (`tests/support/app.rs`).

#[path = "../support/app.rs"]
mod app;
#[path = "../support/cmd.rs"]
mod cmd;
#[path = "../support/hostile.rs"]
mod hostile;

mod colour_depth;
mod crosscase;
mod e2e;
mod invisible;
mod keys;
mod narrow;
mod notes;
mod review;
mod screens;
