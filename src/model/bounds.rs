//! The values a session may hold: one definition used when a file is loaded and when an
//! edit is made, so no arithmetic ever runs on a score outside the scale, an attainment of
//! −50 %, a negative weight or a salary of 10^28 kr.
//!
//! Every check returns a Danish reason (without the place; the caller says where).

use rust_decimal::Decimal;

use super::level::{AmountModel, Level, Scale};
use super::manager::Manager;
use super::manager::Proposal;

/// The largest amount of money (kr.) any field may hold: 10 billion kr. Far above any
/// salary, pool or payment, and far enough below `Decimal::MAX` (~7.9 × 10^28) that every
/// sum, product and percentage the engine computes over 10^6 managers stays exact.
#[must_use]
pub fn max_money() -> Decimal {
    Decimal::from(10_000_000_000_i64)
}

/// The highest goal attainment accepted (percent).
pub const MAX_ATTAINMENT_PERCENT: i64 = 200;

/// Why an amount of money is not acceptable: beyond ±[`max_money`], or (when `signed` is
/// false) negative.
#[must_use]
pub fn money_problem(what: &str, v: Decimal, signed: bool) -> Option<String> {
    if v.abs() > max_money() {
        return Some(format!("{what} ({} kr.) er over grænsen på 10.000.000.000 kr.", v.normalize()));
    }
    if v.normalize().scale() > 2 {
        return Some(format!("{what} ({} kr.) har mere end to decimaler (øre)", v.normalize()));
    }
    if !signed && v < Decimal::ZERO {
        return Some(format!("{what} ({} kr.) er under 0 kr.", v.normalize()));
    }
    None
}

/// Why a score is not on `scale`.
#[must_use]
pub fn score_problem(what: &str, score: u8, scale: &Scale) -> Option<String> {
    if scale.step(score).is_some() {
        return None;
    }
    let lo = scale.steps.iter().map(|s| s.score).min().unwrap_or(0);
    let hi = scale.steps.iter().map(|s| s.score).max().unwrap_or(0);
    Some(format!("{what}: scoren {score} findes ikke på skalaen {lo}–{hi}"))
}

/// Why an attainment (percent) is not acceptable.
#[must_use]
pub fn attainment_problem(what: &str, attainment: Decimal) -> Option<String> {
    let max = Decimal::from(MAX_ATTAINMENT_PERCENT);
    if attainment < Decimal::ZERO || attainment > max {
        return Some(format!(
            "{what}: målopfyldelsen {} % ligger uden for 0–{MAX_ATTAINMENT_PERCENT} %",
            attainment.normalize()
        ));
    }
    None
}

/// Why a goal weight (percent) is not acceptable.
#[must_use]
pub fn weight_problem(what: &str, weight: Decimal) -> Option<String> {
    if weight < Decimal::ZERO || weight > Decimal::ONE_HUNDRED {
        return Some(format!("{what}: vægten {} % ligger uden for 0–100 %", weight.normalize()));
    }
    None
}

/// Why a percentage policy or field (0–100) is not acceptable.
#[must_use]
pub fn percent_problem(what: &str, p: Decimal) -> Option<String> {
    if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED {
        return Some(format!("{what} {} % ligger uden for 0–100 %", p.normalize()));
    }
    None
}

/// Every problem with a contract period: dates that are not `YYYY-MM-DD`, an end before
/// the start, a paid share outside 0–100 %.
fn contract_problems(c: &super::ContractPeriod) -> Vec<String> {
    let date = |t: &str| super::contract::date_number(t).filter(|_| t.len() == 10);
    let mut out = Vec::new();
    for (what, t) in [("kontraktens start", &c.start), ("kontraktens slut", &c.end)] {
        if !t.is_empty() && date(t).is_none() {
            out.push(format!("{what} «{t}» er ikke en dato (skriv ÅÅÅÅ-MM-DD)"));
        }
    }
    if let (Some(a), Some(b)) = (date(&c.start), date(&c.end))
        && b < a
    {
        out.push(format!("kontraktens slut {} ligger før dens start {}", c.end, c.start));
    }
    out.extend(c.paid_share.and_then(|p| percent_problem("den forholdsmæssige andel", p)));
    out
}

/// Every problem with the values of one manager on `level` (None: unknown level, only
/// the level-independent checks run).
#[must_use]
pub fn manager_problems(m: &Manager, level: Option<&Level>) -> Vec<String> {
    let mut out = Vec::new();
    let money = [
        ("grundlønnen", Some(m.base_salary), false),
        ("den samlede løn", Some(m.total_pay), false),
        ("kontraktens loft", m.contract_ceiling, false),
        ("det direkte beløb", m.direct_amount, false),
        ("forslaget", m.proposal.as_ref().and_then(|p| p.amount), false),
        ("forslagets skøn", m.proposal.as_ref().and_then(|p| p.adjustment), true),
        ("skønnet", m.adjustment.as_ref().map(|a| a.amount), true),
        ("det besluttede beløb", m.final_amount, false),
        ("topcheftillægget", m.top_supplement, false),
    ];
    out.extend(money.into_iter().filter_map(|(what, v, signed)| v.and_then(|v| money_problem(what, v, signed))));
    out.extend(percent_problem("pensionsprocenten", m.pension_percent));
    out.extend(m.contract.as_ref().map_or_else(Vec::new, contract_problems));
    for (k, g) in m.goals.iter().enumerate() {
        if let Some(id) = g.shared.as_deref()
            && m.goals[..k].iter().any(|o| o.shared.as_deref() == Some(id))
        {
            out.push(format!("det fælles mål «{id}» står to gange hos samme leder"));
        }
        let what = format!("mål {} «{}»", k + 1, g.name);
        out.extend(weight_problem(&what, g.weight));
        out.extend(g.attainment.and_then(|a| attainment_problem(&what, a)));
    }
    let Some(level) = level else { return out };
    let model = m.model_override.as_ref().unwrap_or(&level.model);
    if let Some(p) = &m.proposal {
        out.extend(proposal_assessment_problems(p, model, false));
    }
    match model {
        AmountModel::Box(bm) => {
            for (criterion, score) in &m.box_scores {
                let name = bm.criteria.iter().find(|c| &c.id == criterion).map_or(criterion.as_str(), |c| &c.name);
                out.extend(score_problem(&format!("kriteriet «{name}»"), *score, &bm.scale));
            }
        }
        AmountModel::BandPosition { scale } => {
            if let Some(r) = m.overall_rating {
                out.extend(score_problem("den samlede vurdering", r, scale));
            }
        }
        AmountModel::FixedTiers => {
            if let Some(t) = m.tier.filter(|t| *t >= level.tiers.len()) {
                out.push(format!("trin {} findes ikke (niveauet har {} trin)", t + 1, level.tiers.len()));
            }
        }
        AmountModel::WeightedGoals { .. } | AmountModel::Direct => {}
    }
    out
}

/// Every problem with a proposal's rating and scores under the manager's model: a rating
/// on the band-position model's scale, scores on the box model's. `strict` (an edit) also
/// refuses a rating or scores the model does not read and unknown criteria; a file keeps
/// them (as it keeps a manager's own), since the model may have changed since.
#[must_use]
pub fn proposal_assessment_problems(p: &Proposal, model: &AmountModel, strict: bool) -> Vec<String> {
    let mut out = Vec::new();
    match model {
        AmountModel::BandPosition { scale } => {
            out.extend(p.rating.and_then(|r| score_problem("forslagets samlede vurdering", r, scale)));
        }
        _ if strict && p.rating.is_some() => {
            out.push("forslaget har en samlet vurdering, men lederens model har ingen".into())
        }
        _ => {}
    }
    match model {
        AmountModel::Box(bm) => {
            for (criterion, score) in &p.scores {
                match bm.criteria.iter().find(|c| &c.id == criterion) {
                    Some(c) => {
                        out.extend(score_problem(&format!("forslagets kriterie «{}»", c.name), *score, &bm.scale))
                    }
                    None if strict => out.push(format!("forslagets kriterie «{criterion}» findes ikke i modellen")),
                    None => {}
                }
            }
        }
        _ if strict && !p.scores.is_empty() => out.push("forslaget har scorer, men lederens model har ingen".into()),
        _ => {}
    }
    out
}

/// Every problem with the values of a level (band, tiers, model amounts).
#[must_use]
pub fn level_problems(level: &Level) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(money_problem("spændets minimum", level.band.min, false));
    out.extend(money_problem("spændets maksimum", level.band.max, false));
    if level.band.min > level.band.max {
        out.push("spændets minimum er større end dets maksimum".to_string());
    }
    for t in &level.tiers {
        out.extend(money_problem("et trin", *t, false));
    }
    out.extend(level.target.and_then(|t| money_problem("målbeløbet", t, false)));
    match &level.model {
        AmountModel::Box(bm) => {
            for c in &bm.criteria {
                out.extend(money_problem(&format!("kriteriet «{}»", c.name), c.amount, false));
            }
            out.extend(scale_problems(&bm.scale));
        }
        AmountModel::WeightedGoals { frame } => out.extend(money_problem("rammen", *frame, false)),
        AmountModel::BandPosition { scale } => out.extend(scale_problems(scale)),
        AmountModel::FixedTiers | AmountModel::Direct => {}
    }
    out
}

/// Problems with a scale's percentages.
fn scale_problems(scale: &Scale) -> Vec<String> {
    scale
        .steps
        .iter()
        .filter_map(|s| percent_problem(&format!("skalaens trin {} «{}»", s.score, s.label), s.percent))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_scale_accepts_one_to_six_only() {
        let scale = Scale::seed();
        for s in 1..=6 {
            assert_eq!(score_problem("x", s, &scale), None);
        }
        assert_eq!(score_problem("x", 0, &scale).as_deref(), Some("x: scoren 0 findes ikke på skalaen 1–6"));
        assert!(score_problem("x", 7, &scale).is_some());
    }

    #[test]
    fn attainment_and_weight_bounds() {
        assert!(attainment_problem("m", Decimal::from(-50)).is_some());
        assert!(attainment_problem("m", Decimal::from(201)).is_some());
        assert_eq!(attainment_problem("m", Decimal::from(200)), None);
        assert_eq!(attainment_problem("m", Decimal::ZERO), None);
        assert!(weight_problem("m", Decimal::from(-10)).is_some());
        assert_eq!(weight_problem("m", Decimal::from(30)), None);
    }

    #[test]
    fn money_bound() {
        let huge = Decimal::from_i128_with_scale(10_i128.pow(28), 0);
        assert!(money_problem("grundlønnen", huge, false).is_some());
        assert!(money_problem("skønnet", Decimal::from(-20_000), true).is_none());
        assert!(money_problem("grundlønnen", Decimal::from(-1), false).is_some());
        assert_eq!(money_problem("x", max_money(), false), None);
        assert!(money_problem("x", Decimal::new(1, 28), false).unwrap().contains("to decimaler"));
        assert_eq!(money_problem("x", Decimal::new(12_345, 2), false), None);
    }
}
