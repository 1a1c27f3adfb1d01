//! What the top bar's gauge measures: the pool in the meeting; in a director's prep her
//! managers' sum against her own frame ([`crate::engine::prep_frame`]: her director budget,
//! or their last-year sum), never the whole pool.

use crate::engine::prep_frame::{Frame, FrameSource};
use crate::engine::{Evaluation, PoolStatus};
use crate::model::money::format_kr;

/// The gauge's figures and the name of what they are measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GaugeFigures {
    /// Reference (`pool`), sum (`used`) and what is left.
    pub status: PoolStatus,
    /// In the gauge: "puljen", "budget", "sidste år" ("95 % af budget").
    pub noun: &'static str,
    /// On hover, before the reference: "Pulje", "Budget", "Sidste år".
    pub name: &'static str,
    /// Said on hover after the figures: how a last-year frame is short ("" otherwise).
    pub note: String,
}

/// The figures: the prep's frame when `frame` is Some (a prep), else the pool.
#[must_use]
pub fn figures(eval: &Evaluation, frame: Option<&Frame>) -> GaugeFigures {
    let Some(f) = frame else {
        return GaugeFigures { status: eval.pool, noun: "puljen", name: "Pulje", note: String::new() };
    };
    let status = PoolStatus { pool: f.reference, used: f.sum, left: f.left() };
    match f.source {
        FrameSource::Budget => GaugeFigures { status, noun: "budget", name: "Budget", note: String::new() },
        FrameSource::LastYear { missing } => {
            let note = if missing == 0 {
                String::new()
            } else {
                format!(" · {} uden sidste års beløb (regnet som 0 kr.)", crate::model::words::managers(missing))
            };
            GaugeFigures { status, noun: "sidste år", name: "Sidste år", note }
        }
    }
}

/// The gauge's hover text: "Budget 40.000 kr. · Brugt … · Rest …".
#[must_use]
pub fn hover_text(figures: &GaugeFigures, used: &str, state: &str) -> String {
    format!("{} {} · {used} · {state}{}", figures.name, format_kr(figures.status.pool), figures.note)
}
