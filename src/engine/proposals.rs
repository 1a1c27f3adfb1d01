//! The director's proposal as a value: the amount it proposes (stated, or the formula with
//! the proposal's rating or scores plus its skøn), and the proposal a prep makes when the
//! director prepared the amount itself instead of the proposal.

use rust_decimal::Decimal;

use std::collections::BTreeMap;

use super::amounts::{compute_amount_with, model_of};
use super::merge_fields::FieldKey;
use crate::model::{Adjustment, AmountModel, Manager, Proposal, Session};

/// The amount manager `m`'s proposal proposes: the stated amount, else the manager's
/// formula with the proposal's rating and scores (over the manager's own where the
/// proposal has none) and the proposal's skøn, rounded like any amount. None without a
/// proposal, for a proposal with only a rationale, or on an unknown level.
#[must_use]
pub fn proposed_amount(session: &Session, m: &Manager) -> Option<Decimal> {
    let p = m.proposal.as_ref()?;
    if let Some(a) = p.amount {
        return Some(a);
    }
    if !p.has_assessment() {
        return None;
    }
    let level = session.level(&m.level)?;
    Some(compute_amount_with(session, &assessed(m, p), level, false).amount)
}

/// Manager `m` as the proposal assesses them: its rating, its scores over the manager's,
/// its skøn instead of the manager's.
#[must_use]
pub fn assessed(m: &Manager, p: &Proposal) -> Manager {
    let mut out = m.clone();
    if p.rating.is_some() {
        out.overall_rating = p.rating;
    }
    for (c, s) in &p.scores {
        out.box_scores.insert(c.clone(), *s);
    }
    out.adjustment =
        p.adjustment.map(|amount| Adjustment { amount, justification: p.rationale.clone(), by: p.by.clone() });
    out
}

/// The fields of a prep that make the amount (what a director who prepared the amount
/// rather than the proposal changed).
fn amount_fields() -> [FieldKey; 5] {
    [FieldKey::Rating, FieldKey::Tier, FieldKey::DirectAmount, FieldKey::Adjustment, FieldKey::Goals]
}

/// Whether `prep` changed anything the amount is made of compared with `base`.
fn amount_prepared(base: &Manager, prep: &Manager) -> bool {
    base.box_scores != prep.box_scores
        || base.goals.iter().map(|g| g.attainment).ne(prep.goals.iter().map(|g| g.attainment))
        || amount_fields().iter().any(|k| k.value(base) != k.value(prep))
}

/// The prep with its director's proposals made explicit: where the director changed a
/// manager's amount (scores, rating, attainment, tier, direct amount, skøn) but not the
/// proposal, the proposal becomes what the prep now gives – the amount, the rating and
/// scores, the skøn's justification (or the earlier rationale) as its rationale, by the
/// prep's executive, when the prep was made. A prep that set the proposal itself, and
/// anything that is not a prep, are left as they are. The merge reads preps through this,
/// so "Forslag fra nærmeste leder" is never left stale by a prep that edited the amount.
#[must_use]
pub fn with_derived_proposals(prep: &Session) -> Session {
    let mut out = prep.clone();
    let Some(info) = &prep.prep else { return out };
    for m in &mut out.managers {
        let Some(base) = info.base.iter().find(|b| b.id == m.id) else { continue };
        if FieldKey::Proposal.value(base) != FieldKey::Proposal.value(m) || !amount_prepared(base, m) {
            continue;
        }
        let Some(level) = prep.level(&m.level) else { continue };
        let amount = compute_amount_with(prep, m, level, false).amount;
        // The assessment the model reads: a rating for the band position, scores of the
        // box model's criteria; nothing else is part of the proposal.
        let (rating, scores) = match model_of(m, level) {
            AmountModel::BandPosition { .. } => (m.overall_rating, BTreeMap::new()),
            AmountModel::Box(b) => (
                None,
                m.box_scores
                    .iter()
                    .filter(|(c, _)| b.criteria.iter().any(|k| &k.id == *c))
                    .map(|(c, s)| (c.clone(), *s))
                    .collect(),
            ),
            _ => (None, BTreeMap::new()),
        };
        let justification = m.adjustment.as_ref().map(|a| a.justification.trim()).filter(|j| !j.is_empty());
        let rationale = justification
            .map(str::to_string)
            .or_else(|| m.proposal.as_ref().map(|p| p.rationale.clone()))
            .unwrap_or_default();
        let derived = Proposal {
            amount: Some(amount),
            adjustment: None,
            rating,
            scores,
            rationale,
            by: info.executive.clone(),
            when: info.created.clone(),
        };
        // A change that leaves the proposal as it was (a tier the model does not read)
        // proposes nothing new.
        if m.proposal.as_ref().is_none_or(|p| p.content() != derived.content()) {
            m.proposal = Some(derived);
        }
    }
    out
}
