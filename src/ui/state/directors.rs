//! The per-director figures for the *Pr. direktør* view, computed once per document
//! change and only while the view is shown (`engine::directors::by_director` costs
//! seconds on a state-wide session), with each director's managers placed on the band
//! axis once, so that a frame's cost does not grow with the number of managers.

use std::sync::Arc;

use rust_decimal::prelude::ToPrimitive;

use crate::engine::Evaluation;
use crate::engine::director_ledger::{LedgerLine, ledger};
use crate::engine::directors::{Basis, DirectorReport, band_position, by_director};
use crate::model::Session;

/// The largest changes kept per row (the row shows as many as fit).
pub const LEDGER_MAX: usize = 3;

/// More managers than this under one director are drawn as a density strip.
pub const DOTS_MAX: usize = 200;

/// Columns of a director's density strip.
pub const STRIP_BINS: usize = 100;

/// The axis of positions in band: from this fraction …
pub const AXIS_MIN: f32 = -0.2;
/// … to this (0 = the band's minimum, 1 = its maximum).
pub const AXIS_MAX: f32 = 1.2;

/// One director's managers on the band axis.
#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    /// Each manager (index) at their position in band, clamped to the axis.
    Dots(Vec<(usize, f32)>),
    /// How many managers fall in each of [`STRIP_BINS`] columns of the axis.
    Strip(Vec<u32>),
}

/// The report and the placements, for one document revision.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectorsView {
    /// The engine's per-director figures (on today's amounts).
    pub report: DirectorReport,
    /// Per director of `report.directors`: their managers on the axis.
    pub placed: Vec<Placed>,
    /// Per director: the largest changes from the proposal, with the log's reasons.
    pub ledgers: Vec<Vec<LedgerLine>>,
    /// The largest changes over every manager (the total row).
    pub total_ledger: Vec<LedgerLine>,
}

/// The cached view and the revision it was computed for.
#[derive(Debug, Default)]
pub struct DirectorsCache {
    cached: Option<(u64, Arc<DirectorsView>)>,
}

impl DirectorsCache {
    /// The view for `revision`, computed when the document changed since the last call.
    pub fn get(&mut self, session: &Session, eval: &Evaluation, revision: u64) -> Arc<DirectorsView> {
        if let Some((r, view)) = &self.cached
            && *r == revision
        {
            return Arc::clone(view);
        }
        let view = Arc::new(compute(session, eval));
        self.cached = Some((revision, Arc::clone(&view)));
        view
    }
}

/// A position in band as a fraction of the axis, clamped to it.
#[must_use]
pub fn axis_fraction(position: f32) -> f32 {
    ((position.clamp(AXIS_MIN, AXIS_MAX) - AXIS_MIN) / (AXIS_MAX - AXIS_MIN)).clamp(0.0, 1.0)
}

/// The report and each director's managers placed on the axis.
#[must_use]
pub fn compute(session: &Session, eval: &Evaluation) -> DirectorsView {
    let report = by_director(session, eval, Basis::Amount);
    let position = |i: usize| {
        let m = session.managers.get(i)?;
        let amount = eval.amounts.get(i)?.amount;
        band_position(session, m, amount)?.to_f32()
    };
    let placed = report
        .directors
        .iter()
        .map(|d| {
            let dots: Vec<(usize, f32)> = d.managers.iter().filter_map(|&i| Some((i, position(i)?))).collect();
            if dots.len() <= DOTS_MAX {
                return Placed::Dots(dots);
            }
            let mut bins = vec![0; STRIP_BINS];
            for (_, p) in dots {
                let c = (axis_fraction(p) * STRIP_BINS as f32) as usize;
                bins[c.min(STRIP_BINS - 1)] += 1;
            }
            Placed::Strip(bins)
        })
        .collect();
    let ledgers = report.directors.iter().map(|d| ledger(session, eval, &d.managers, LEDGER_MAX)).collect();
    let all: Vec<usize> = (0..session.managers.len()).collect();
    let total_ledger = ledger(session, eval, &all, LEDGER_MAX);
    DirectorsView { report, placed, ledgers, total_ledger }
}
