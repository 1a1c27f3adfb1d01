//! What the panels draw from besides the document: the view state, facts derived from the
//! evaluation, the axis, the loaded references and the recovery copy's schedule.

pub mod autosave;
pub mod axis;
pub mod derived;
pub mod directors;
pub mod dot_stack;
pub mod offer;
pub mod references;
pub mod view;
