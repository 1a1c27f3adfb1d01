//! Realistic generated sessions for benchmarks and tests (`kalibrer generate`).

use crate::model::Session;

/// Generates a session with `managers` managers from `seed`, deterministic.
#[must_use]
pub fn generate(_managers: usize, _seed: u64) -> Option<Session> {
    None
}
