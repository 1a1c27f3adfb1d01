//! A prep's own frame: in a director's prep, her managers' sum is judged against her own
//! reference – a director budget when the session sets one (`policies.director_budgets`),
//! otherwise her managers' last-year sum – never the whole pool. Fit-to-pool and spread
//! in a prep work within that frame and only on her managers: a small wrapper around
//! [`super::allocate`] that holds every other manager still and moves the target.

use rust_decimal::Decimal;

use super::Evaluation;
use super::allocate::{AllocationOptions, AllocationProposal, fit_fewest, fit_proportional, spread_with};
use crate::model::Session;
use crate::model::money::format_kr;

/// Where a prep's reference comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameSource {
    /// `policies.director_budgets` names the director.
    Budget,
    /// The director's managers' amounts last year (`missing` of them have none).
    LastYear {
        /// Managers without a last-year amount (they count as 0 kr.).
        missing: usize,
    },
}

/// A director's frame in her prep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The preparing director (executive id).
    pub executive: String,
    /// Her managers (indices), in session order.
    pub managers: Vec<usize>,
    /// The sum of their amounts now.
    pub sum: Decimal,
    /// What the sum is judged against.
    pub reference: Decimal,
    /// Where the reference comes from.
    pub source: FrameSource,
}

impl Frame {
    /// `reference − sum` (negative when the frame is exceeded).
    #[must_use]
    pub fn left(&self) -> Decimal {
        self.reference.saturating_sub(self.sum)
    }

    /// Danish label of the reference: "direktørbudget" / "sidste års beløb".
    #[must_use]
    pub fn source_label(&self) -> &'static str {
        match self.source {
            FrameSource::Budget => "direktørbudget",
            FrameSource::LastYear { .. } => "sidste års beløb",
        }
    }
}

/// The frame of `executive`'s managers (those whose superior she is) in `session`.
#[must_use]
pub fn frame_for(session: &Session, eval: &Evaluation, executive: &str) -> Frame {
    let managers: Vec<usize> =
        (0..session.managers.len()).filter(|&i| session.managers[i].superior == executive).collect();
    let sum = managers
        .iter()
        .filter_map(|&i| eval.amounts.get(i).map(|a| a.amount))
        .fold(Decimal::ZERO, Decimal::saturating_add);
    let (reference, source) = if let Some(b) = session.policies.director_budgets.get(executive) {
        (*b, FrameSource::Budget)
    } else {
        let last: Vec<Option<Decimal>> =
            managers.iter().map(|&i| session.last_year_amount(&session.managers[i].id)).collect();
        let missing = last.iter().filter(|a| a.is_none()).count();
        (last.into_iter().flatten().fold(Decimal::ZERO, Decimal::saturating_add), FrameSource::LastYear { missing })
    };
    Frame { executive: executive.to_string(), managers, sum, reference, source }
}

/// The frame when `session` is a prep, None for the meeting's session.
#[must_use]
pub fn prep_frame(session: &Session, eval: &Evaluation) -> Option<Frame> {
    session.prep.as_ref().map(|p| frame_for(session, eval, &p.executive))
}

/// The session as the allocation sees it within `frame`: every manager outside the frame
/// locked (so nothing moves them), and the pool such that the frame's managers may use
/// exactly the frame's reference.
fn within(session: &Session, eval: &Evaluation, frame: &Frame) -> Session {
    let mut s = session.clone();
    let outside: Decimal = (0..s.managers.len())
        .filter(|i| !frame.managers.contains(i))
        .filter_map(|i| eval.amounts.get(i).map(|a| a.amount))
        .fold(Decimal::ZERO, Decimal::saturating_add);
    for (i, m) in s.managers.iter_mut().enumerate() {
        if !frame.managers.contains(&i) {
            m.locked = true;
        }
    }
    s.policies.pool = frame.reference.saturating_add(outside);
    s
}

/// The frame's managers' total if `p` were applied.
fn frame_total(eval: &Evaluation, frame: &Frame, p: &AllocationProposal) -> Decimal {
    frame
        .managers
        .iter()
        .map(|&i| p.changes.iter().find(|(j, _)| *j == i).map_or_else(|| eval.amounts[i].amount, |(_, v)| *v))
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

/// Re-words a proposal made within a frame: its total and summary are the frame's.
fn reworded(eval: &Evaluation, frame: &Frame, mut p: AllocationProposal, what: &str, fit: bool) -> AllocationProposal {
    let total = frame_total(eval, frame, &p);
    let mut summary = format!(
        "{what}: {} beløb ændres; i alt {} af rammen {} ({})",
        p.changes.len(),
        format_kr(total),
        format_kr(frame.reference),
        frame.source_label()
    );
    if total > frame.reference {
        summary.push_str(if fit { " – rammen kan ikke overholdes inden for spændene" } else { " – over rammen" });
    }
    p.total = total;
    p.summary = summary;
    p
}

/// Fit-to-pool within the frame: only the frame's managers move, and their total meets
/// the frame's reference (≤, as close as the step and bands allow). The proportional fit
/// with hand-set amounts kept; [`fit_proposals_in_frame`] offers both fits.
#[must_use]
pub fn fit_to_frame(session: &Session, eval: &Evaluation, frame: &Frame) -> AllocationProposal {
    let p = fit_proportional(&within(session, eval, frame), eval, AllocationOptions::default());
    reworded(eval, frame, p, "Tilpasning til rammen", true)
}

/// The fit proposals within the frame in the order offered, as
/// [`super::allocate::fit_proposals`]: first the one that changes the fewest of the
/// frame's managers, then the proportional one.
#[must_use]
pub fn fit_proposals_in_frame(
    session: &Session,
    eval: &Evaluation,
    frame: &Frame,
    options: AllocationOptions,
) -> Vec<AllocationProposal> {
    let s = within(session, eval, frame);
    vec![
        reworded(eval, frame, fit_fewest(&s, eval, options), "Færrest ændringer", true),
        reworded(eval, frame, fit_proportional(&s, eval, options), "Tilpasning til rammen", true),
    ]
}

/// Spread ×k within the frame: only the frame's managers move (each level's total among
/// them kept).
#[must_use]
pub fn spread_in_frame(session: &Session, eval: &Evaluation, frame: &Frame, k: Decimal) -> AllocationProposal {
    spread_in_frame_with(session, eval, frame, k, AllocationOptions::default())
}

/// [`spread_in_frame`] with the options (whether hand-set amounts move too).
#[must_use]
pub fn spread_in_frame_with(
    session: &Session,
    eval: &Evaluation,
    frame: &Frame,
    k: Decimal,
    options: AllocationOptions,
) -> AllocationProposal {
    let p = spread_with(&within(session, eval, frame), eval, k, options);
    let what = format!("Spredning ×{}", k.normalize().to_string().replace('.', ","));
    reworded(eval, frame, p, &what, false)
}
