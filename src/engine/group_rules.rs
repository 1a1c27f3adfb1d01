//! The rules about more than one manager: inversion pairs between levels, low
//! differentiation within a level, and the pool.

use rust_decimal::Decimal;

use crate::model::Session;

use super::Evaluation;
use super::finding::{Facts, Finding, RuleId, Severity};

/// The findings about pairs of managers, levels and the pool.
pub(crate) fn global_findings(session: &Session, eval: &Evaluation) -> Vec<Finding> {
    let mut out = Vec::new();
    inversions(session, eval, &mut out);
    low_differentiation(session, eval, &mut out);
    pool(session, eval, &mut out);
    seed_rules(session, eval, &mut out);
    out
}

/// The rules of issue 30 that look at more than one manager or at the log: shared goals
/// that differ, goals changed after the contract started, the pool's two parts.
fn seed_rules(session: &Session, eval: &Evaluation, out: &mut Vec<Finding>) {
    super::shared_goals::differing(session, out);
    super::contract::goals_changed_after_start(session, out);
    super::pool_parts::findings(session, eval, out);
}

/// Inversions between levels when the session forbids overlap.
fn inversions(session: &Session, eval: &Evaluation, out: &mut Vec<Finding>) {
    if session.policies.bands_may_overlap {
        return;
    }
    out.extend(eval.inversions.iter().map(|inv| inversion_finding(session, inv)));
}

/// The finding of one inversion pair.
fn inversion_finding(session: &Session, inv: &super::Inversion) -> Finding {
    let (lo, hi) = (&session.managers[inv.lower_manager], &session.managers[inv.higher_manager]);
    let facts = Facts::Inversion {
        lower: inv.lower_manager,
        lower_amount: inv.lower_amount,
        higher: inv.higher_manager,
        higher_amount: inv.higher_amount,
    };
    let mut f = Finding::about_manager(Severity::Fejl, &lo.id, facts);
    f.other_manager = Some(hi.id.clone());
    f
}

/// [`global_findings`] after only manager `touched` changed: the findings of inversion
/// pairs that do not involve them are taken from `previous` (the findings made for
/// `previous_inversions`, in the same order) instead of being formatted again — their
/// names and amounts are unchanged. Both lists are ordered by the lower manager.
pub(crate) fn global_findings_after(
    session: &Session,
    eval: &Evaluation,
    previous_inversions: &[super::Inversion],
    previous: Vec<Finding>,
    touched: usize,
) -> Vec<Finding> {
    let mut out = Vec::with_capacity(previous.len());
    if !session.policies.bands_may_overlap {
        // The previous findings are moved, not copied: a state-wide session has thousands.
        let mut old: Vec<(&super::Inversion, Option<Finding>)> = previous_inversions
            .iter()
            .zip(previous.into_iter().filter(|f| f.rule == RuleId::Inversion).map(Some))
            .collect();
        let mut k = 0;
        for inv in &eval.inversions {
            while k < old.len() && old[k].0.lower_manager < inv.lower_manager {
                k += 1;
            }
            let untouched = inv.lower_manager != touched && inv.higher_manager != touched;
            let kept = old.get_mut(k).filter(|(o, _)| untouched && *o == inv).and_then(|(_, f)| f.take());
            out.push(kept.unwrap_or_else(|| inversion_finding(session, inv)));
        }
    }
    low_differentiation(session, eval, &mut out);
    pool(session, eval, &mut out);
    seed_rules(session, eval, &mut out);
    out
}

/// Low differentiation in a level: all amounts identical, or CV below the threshold.
fn low_differentiation(session: &Session, eval: &Evaluation, out: &mut Vec<Finding>) {
    let threshold = session.policies.low_differentiation_cv_percent;
    for ls in &eval.stats.per_level {
        let st = &ls.stats;
        if st.n < 2 {
            continue;
        }
        let Some(level) = ls.level.as_deref().and_then(|id| session.levels.iter().position(|l| l.id == id)) else {
            continue;
        };
        let facts = if st.min == st.max {
            Facts::AllIdentical { level, n: st.n, amount: st.min }
        } else if st.cv_percent < threshold {
            Facts::LowVariation { level, cv_percent: st.cv_percent, threshold_percent: threshold }
        } else {
            continue;
        };
        out.push(Finding::general(Severity::Advarsel, ls.level.clone(), facts));
    }
}

/// Pool exceeded (fejl) or left (info). In a director's prep her own frame takes the
/// pool's place (`prep_frame`): exceeded is an advarsel (a prep is a proposal to the
/// meeting, which judges the pool), left is info; the whole pool is never shown there.
fn pool(session: &Session, eval: &Evaluation, out: &mut Vec<Finding>) {
    if let Some(frame) = super::prep_frame::prep_frame(session, eval) {
        let budget = frame.source == super::prep_frame::FrameSource::Budget;
        let left = frame.left();
        let (severity, facts) = if left < Decimal::ZERO {
            (Severity::Advarsel, Facts::FrameExceeded { reference: frame.reference, over: -left, budget })
        } else if left > Decimal::ZERO {
            (Severity::Info, Facts::FrameLeft { reference: frame.reference, left, budget })
        } else {
            return;
        };
        out.push(Finding::general(severity, None, facts));
        return;
    }
    let p = &eval.pool;
    let (severity, facts) = if p.exceeded() {
        (Severity::Fejl, Facts::PoolExceeded { pool: p.pool, over: -p.left })
    } else if p.left > Decimal::ZERO {
        (Severity::Info, Facts::PoolLeft { pool: p.pool, left: p.left })
    } else {
        return;
    };
    out.push(Finding::general(severity, None, facts));
}
