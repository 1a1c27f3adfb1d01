//! The edit of a director's proposal: validated against the manager's model, stamped
//! with who proposed it and when, one undo step and one typed log entry – and never a
//! change of the amount.

use super::edit::EditError;
use super::{Document, EditKey};
use crate::engine::amounts::model_of;
use crate::model::bounds;
use crate::model::log::{Change, now_iso};
use crate::model::{Manager, Proposal};

impl Document {
    /// Sets or clears manager `i`'s proposal. An empty `by` becomes `who`; `when` is now.
    /// Returns whether anything changed (a proposal equal to the one there, apart from
    /// its time stamp, changes nothing).
    pub(super) fn set_proposal(&mut self, i: usize, proposal: Option<Proposal>, who: &str) -> Result<bool, EditError> {
        let m = &self.session.managers[i];
        let level = self.session.level(&m.level).ok_or_else(|| EditError::UnknownLevel(m.name.clone()))?;
        let proposal = match proposal {
            Some(mut p) => {
                let mut problems = Vec::new();
                problems.extend(p.amount.and_then(|a| bounds::money_problem("forslaget", a, false)));
                problems.extend(p.adjustment.and_then(|a| bounds::money_problem("forslagets skøn", a, true)));
                problems.extend(bounds::proposal_assessment_problems(&p, model_of(m, level), true));
                if let Some(problem) = problems.into_iter().next() {
                    return Err(self.invalid(i, problem));
                }
                if p.by.trim().is_empty() {
                    p.by = who.to_string();
                }
                p.when = now_iso();
                Some(p)
            }
            None => None,
        };
        let same = match (&m.proposal, &proposal) {
            (Some(a), Some(b)) => a.content() == b.content(),
            (a, b) => a.is_none() && b.is_none(),
        };
        if same {
            return Ok(false);
        }
        let describe = |b: &Manager, a: &Manager| Change::Proposal {
            old: b.proposal.clone().map(Box::new),
            new: a.proposal.clone().map(Box::new),
        };
        let why = proposal.as_ref().map(|p| p.rationale.clone()).unwrap_or_default();
        Ok(self.field(i, Some(EditKey::Text(i, "forslag")), who, &describe, &why, |m| m.proposal = proposal))
    }
}
