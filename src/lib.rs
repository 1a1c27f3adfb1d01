//! Kalibrer: calibration of Danish public-sector managers' performance pay
//! (resultatløn and engangsvederlag) in the top-management group's meeting.
//!
//! - [`model`]: the session document (plain data, serde/RON).
//! - [`document`]: the open session with typed edits, undo/redo and the change log.
//! - [`engine`]: amounts, rules, statistics and allocation (pure functions).
//! - [`io`]: loading, saving and exporting files.
//! - [`ui`]: the egui meeting screen.
//! - [`cli`]: the command line.

pub mod cli;
pub mod document;
pub mod engine;
pub mod io;
pub mod model;
pub mod ui;
