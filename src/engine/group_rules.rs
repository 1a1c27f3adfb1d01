//! The rules about more than one manager: inversion pairs between levels, low
//! differentiation within a level, and the pool.

use rust_decimal::Decimal;

use crate::model::Session;
use crate::model::money::{format_kr, format_percent};

use super::Evaluation;
use super::finding::{Finding, RuleId, Severity};

/// The findings about pairs of managers, levels and the pool.
pub(crate) fn global_findings(session: &Session, eval: &Evaluation) -> Vec<Finding> {
    let mut out = Vec::new();
    inversions(session, eval, &mut out);
    low_differentiation(session, eval, &mut out);
    pool(eval, &mut out);
    super::rules::tidy(&mut out);
    out
}

/// Inversions between levels when the session forbids overlap.
fn inversions(session: &Session, eval: &Evaluation, out: &mut Vec<Finding>) {
    if session.policies.bands_may_overlap {
        return;
    }
    out.extend(eval.inversions.iter().map(|inv| inversion_finding(session, eval, inv)));
}

/// The finding of one inversion pair.
fn inversion_finding(session: &Session, eval: &Evaluation, inv: &super::Inversion) -> Finding {
    let (lo, hi) = (&session.managers[inv.lower_manager], &session.managers[inv.higher_manager]);
    let level = |i: usize| eval.level_of[i].map_or("", |l| session.levels[l].name.as_str());
    Finding {
        severity: Severity::Fejl,
        rule: RuleId::Inversion,
        manager: Some(lo.id.clone()),
        other_manager: Some(hi.id.clone()),
        level: None,
        message: format!(
            "{} ({}) får {}, mere end {} ({}) med {} – overlap er ikke tilladt.",
            lo.name,
            level(inv.lower_manager),
            format_kr(inv.lower_amount),
            hi.name,
            level(inv.higher_manager),
            format_kr(inv.higher_amount)
        )
        .into(),
    }
}

/// [`global_findings`] after only manager `touched` changed: the findings of inversion
/// pairs that do not involve them are taken from `previous` (the findings made for
/// `previous_inversions`, in the same order) instead of being formatted again — their
/// names and amounts are unchanged. Both lists are ordered by the lower manager.
pub(crate) fn global_findings_after(
    session: &Session,
    eval: &Evaluation,
    previous_inversions: &[super::Inversion],
    previous: &[Finding],
    touched: usize,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if !session.policies.bands_may_overlap {
        let old: Vec<(&super::Inversion, &Finding)> =
            previous_inversions.iter().zip(previous.iter().filter(|f| f.rule == RuleId::Inversion)).collect();
        let mut k = 0;
        for inv in &eval.inversions {
            while k < old.len() && old[k].0.lower_manager < inv.lower_manager {
                k += 1;
            }
            let untouched = inv.lower_manager != touched && inv.higher_manager != touched;
            match old.get(k).filter(|(o, _)| untouched && *o == inv) {
                Some((_, f)) => out.push((*f).clone()),
                None => out.push(inversion_finding(session, eval, inv)),
            }
        }
    }
    low_differentiation(session, eval, &mut out);
    pool(eval, &mut out);
    super::rules::tidy(&mut out);
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
        let name = ls.level.as_deref().and_then(|id| session.level(id)).map_or("", |l| l.name.as_str());
        let message = if st.min == st.max {
            format!("Alle {} på niveauet {name} får det samme beløb ({}).", st.n, format_kr(st.min))
        } else if st.cv_percent < threshold {
            format!(
                "Lav differentiering på niveauet {name}: variationskoefficient {} (grænse {}).",
                format_percent(st.cv_percent.round_dp(1)),
                format_percent(threshold)
            )
        } else {
            continue;
        };
        out.push(Finding {
            severity: Severity::Advarsel,
            rule: RuleId::LowDifferentiation,
            manager: None,
            other_manager: None,
            level: ls.level.clone(),
            message: message.into(),
        });
    }
}

/// Pool exceeded (fejl) or left (info).
fn pool(eval: &Evaluation, out: &mut Vec<Finding>) {
    let p = &eval.pool;
    let (severity, rule, message) = if p.exceeded() {
        (
            Severity::Fejl,
            RuleId::PoolExceeded,
            format!("Puljen på {} er overskredet med {}.", format_kr(p.pool), format_kr(-p.left)),
        )
    } else if p.left > Decimal::ZERO {
        (
            Severity::Info,
            RuleId::PoolLeft,
            format!("Der er {} tilbage af puljen på {}.", format_kr(p.left), format_kr(p.pool)),
        )
    } else {
        return;
    };
    out.push(Finding { severity, rule, manager: None, other_manager: None, level: None, message: message.into() });
}
