//! The *Tilpas til puljen* / *Spred* window's commands (issue 29): make the offer, choose
//! between its proposals, include the amounts set in the meeting (computed again), accept
//! the chosen proposal as one undo step.

use crate::document::Edit;
use crate::ui::shell::app::KalibrerApp;
use crate::ui::state::offer::{Offer, OfferKind};
use crate::ui::state::view::PendingProposal;

impl KalibrerApp {
    /// Shows the proposals of `kind` for acceptance, the first chosen, the amounts set in
    /// the meeting kept unless `include_hand_set`.
    pub(crate) fn pend(&mut self, kind: OfferKind, include_hand_set: bool) {
        let offer = Offer::new(self.meeting.doc.session(), &self.meeting.eval, kind, include_hand_set);
        self.show_offer(offer);
    }

    /// Shows proposal `k` of the pending offer instead of the chosen one.
    pub(crate) fn choose_proposal(&mut self, k: usize) {
        let Some(pending) = &self.meeting.view.pending else { return };
        if k >= pending.offer.choices.len() || k == pending.offer.chosen {
            return;
        }
        let mut offer = pending.offer.clone();
        offer.chosen = k;
        self.show_offer(offer);
    }

    /// Computes the pending offer again with or without the amounts set in the meeting,
    /// keeping which of its proposals is chosen.
    pub(crate) fn include_hand_set(&mut self, include: bool) {
        let Some(pending) = &self.meeting.view.pending else { return };
        let (kind, chosen) = (pending.offer.kind, pending.offer.chosen);
        let mut offer = Offer::new(self.meeting.doc.session(), &self.meeting.eval, kind, include);
        offer.chosen = chosen.min(offer.choices.len().saturating_sub(1));
        self.show_offer(offer);
    }

    /// Applies the shown proposal – exactly the changes previewed – as one undo step; a
    /// refused proposal (a read-only document) stays on screen.
    pub(crate) fn accept_proposal(&mut self) {
        let Some(pending) = &self.meeting.view.pending else { return };
        let (title, changes) = (pending.offer.log_title(), pending.proposal.changes.clone());
        if self.run_edit(Edit::ApplyProposal { title, changes }) {
            self.meeting.view.pending = None;
        }
    }

    /// Puts `offer` on screen with its per-level summary, as a new proposal (the lanes'
    /// hollow dots follow it).
    fn show_offer(&mut self, offer: Offer) {
        self.meeting.view.proposals_made += 1;
        let serial = self.meeting.view.proposals_made;
        let (session, eval) = (self.meeting.doc.session(), &self.meeting.eval);
        self.meeting.view.pending = Some(PendingProposal::new(offer, session, eval, serial));
    }
}
