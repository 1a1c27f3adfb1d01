//! What the *Tilpas til puljen* / *Spred* window offers (issue 29): the fit's two
//! proposals – first the one that changes the fewest managers, then the proportional one –
//! or the spread's one, computed with or without the amounts set in the meeting, and in a
//! prep within the director's own frame (issue 28). The chosen proposal is the one the
//! window previews and *Acceptér* applies, so what is shown is what is written.

use rust_decimal::Decimal;

use crate::engine::Evaluation;
use crate::engine::allocate::{self, AllocationOptions, AllocationProposal};
use crate::engine::prep_frame::{self, FrameSource};
use crate::model::Session;

/// Fit to the pool (or frame), or spread ×k.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferKind {
    /// Fit to the pool (in a prep: to the director's frame).
    Fit,
    /// Widen (k > 1) or narrow (k < 1) each level around its mean.
    Spread(Decimal),
}

/// A prep's frame as the window names it: "inden for din ramme (Budget) 450.000 kr.".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameNote {
    /// The frame's reference.
    pub reference: Decimal,
    /// The sum of the director's managers' amounts now.
    pub sum: Decimal,
    /// Whether the reference is the director's budget (else last year's amounts).
    pub budget: bool,
}

impl FrameNote {
    /// "Budget" or "Sidste år".
    #[must_use]
    pub fn source(&self) -> &'static str {
        if self.budget { "Budget" } else { "Sidste år" }
    }
}

/// The proposals offered, which one is chosen and how they were computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    /// Fit or spread.
    pub kind: OfferKind,
    /// Whether the amounts set in the meeting move too (the window's checkbox).
    pub include_hand_set: bool,
    /// How many amounts set in the meeting the proposals keep unless included (the
    /// checkbox's "(n)").
    pub hand_set: usize,
    /// The proposals in the order offered: fit – fewest changes, proportional; spread – one.
    pub choices: Vec<AllocationProposal>,
    /// Position in `choices` of the proposal shown and applied.
    pub chosen: usize,
    /// In a prep: the director's frame, within which the proposals work.
    pub frame: Option<FrameNote>,
}

impl Offer {
    /// Computes the proposals of `kind` on the session (in a prep within the director's
    /// frame and only on her managers), the amounts set in the meeting moved when
    /// `include_hand_set`; the first proposal chosen.
    #[must_use]
    pub fn new(session: &Session, eval: &Evaluation, kind: OfferKind, include_hand_set: bool) -> Self {
        let options = AllocationOptions { include_hand_set };
        let frame = prep_frame::prep_frame(session, eval);
        let compute = |options: AllocationOptions| match (&frame, kind) {
            (None, OfferKind::Fit) => allocate::fit_proposals(session, eval, options),
            (None, OfferKind::Spread(k)) => vec![allocate::spread_with(session, eval, k, options)],
            (Some(f), OfferKind::Fit) => prep_frame::fit_proposals_in_frame(session, eval, f, options),
            (Some(f), OfferKind::Spread(k)) => vec![prep_frame::spread_in_frame_with(session, eval, f, k, options)],
        };
        let choices = compute(options);
        // The count the checkbox names is what the proposals keep when it is off.
        let kept = |c: &[AllocationProposal]| c.first().map_or(0, |p| p.kept_hand_set);
        let hand_set = if include_hand_set { kept(&compute(AllocationOptions::default())) } else { kept(&choices) };
        let frame =
            frame.map(|f| FrameNote { reference: f.reference, sum: f.sum, budget: f.source == FrameSource::Budget });
        Self { kind, include_hand_set, hand_set, choices, chosen: 0, frame }
    }

    /// The proposal shown and applied.
    #[must_use]
    pub fn proposal(&self) -> AllocationProposal {
        self.choices.get(self.chosen).cloned().unwrap_or_default()
    }

    /// The window's title: "Tilpas til puljen" (in a prep "Tilpas til rammen") or
    /// "Spredning ×1,2".
    #[must_use]
    pub fn title(&self) -> String {
        match self.kind {
            OfferKind::Fit if self.frame.is_some() => "Tilpas til rammen".into(),
            OfferKind::Fit => "Tilpas til puljen".into(),
            OfferKind::Spread(k) => format!("Spredning ×{}", k.normalize().to_string().replace('.', ",")),
        }
    }

    /// The name of choice `k`: "Færrest ændringer", "Forholdsmæssig" or the spread's title.
    #[must_use]
    pub fn choice_name(&self, k: usize) -> String {
        match (self.kind, k) {
            (OfferKind::Fit, 0) => "Færrest ændringer".into(),
            (OfferKind::Fit, _) => "Forholdsmæssig".into(),
            (OfferKind::Spread(_), _) => self.title(),
        }
    }

    /// The title the applied proposal is logged under: "Tilpas til puljen (færrest
    /// ændringer)", or the spread's title.
    #[must_use]
    pub fn log_title(&self) -> String {
        match self.kind {
            OfferKind::Fit => format!("{} ({})", self.title(), self.choice_name(self.chosen).to_lowercase()),
            OfferKind::Spread(_) => self.title(),
        }
    }
}
