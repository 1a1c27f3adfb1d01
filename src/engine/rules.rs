//! The rules of DOMAIN.md turned into findings (fejl / advarsel / info).

use rust_decimal::Decimal;

use crate::engine::amounts::model_of;
use crate::model::{AmountModel, EmploymentBasis, Level, LevelRole, Manager, PayForm, Policies, Sector, Session};

use super::Evaluation;

pub use super::finding::{Facts, Finding, Missing, RuleId, Severity};
pub(crate) use super::group_rules::{global_findings, global_findings_after};

/// Runs every rule over the evaluated session; errors first, then warnings, then info,
/// in manager order within a severity.
#[must_use]
pub fn findings(session: &Session, eval: &Evaluation) -> Vec<Finding> {
    let per_manager = all_manager_findings(session, eval);
    super::finding_order::order(&per_manager, global_findings(session, eval)).findings
}

/// Which levels are departementschef levels (by their explicit role), per index into
/// `session.levels`.
pub(crate) fn departementschef_levels(session: &Session) -> Vec<bool> {
    session.levels.iter().map(|l| l.role == LevelRole::Departementschef).collect()
}

/// The per-manager findings of every manager.
pub(crate) fn all_manager_findings(session: &Session, eval: &Evaluation) -> Vec<Vec<Finding>> {
    let dc_levels = departementschef_levels(session);
    let dc_total = departementschef_total(session, eval, &dc_levels);
    (0..session.managers.len()).map(|i| manager_findings(session, eval, i, dc_total, &dc_levels)).collect()
}

/// The findings of the rules that look at manager `i` alone, in rule order.
pub(crate) fn manager_findings(
    session: &Session,
    eval: &Evaluation,
    i: usize,
    dc_total: Option<Decimal>,
    dc_levels: &[bool],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let (Some(m), Some(li)) = (session.managers.get(i), eval.level_of.get(i).copied().flatten()) else {
        return out;
    };
    let level = &session.levels[li];
    let amount = eval.amounts[i].amount;
    let is_dc = dc_levels.get(li).copied().unwrap_or(false);
    let ctx = Ctx { session, eval, i, li, m, level, amount, is_dc };
    negative_amount(&ctx, &mut out);
    outside_band(&ctx, &mut out);
    not_a_tier(&ctx, &mut out);
    over_cap(&ctx, &mut out);
    over_ceiling(&ctx, &mut out);
    over_max_per_payment(&ctx, &mut out);
    above_departementschef(&ctx, dc_total, &mut out);
    merarbejde_with_top_supplement(&ctx, &mut out);
    top_supplement_under_rammeaftale(&ctx, &mut out);
    top_supplement_below_grade_38(&ctx, &mut out);
    municipal_top_director_paid(&ctx, &mut out);
    resultatloen_without_goals_or_frame(&ctx, &mut out);
    adjustment_without_justification(&ctx, &mut out);
    zero_without_justification(&ctx, &mut out);
    weights_not_100(&ctx, &mut out);
    missing_assessment(&ctx, &mut out);
    drop_from_last_year(&ctx, &mut out);
    out
}

/// What every per-manager rule looks at.
struct Ctx<'a> {
    session: &'a Session,
    eval: &'a Evaluation,
    i: usize,
    /// The manager's level (index).
    li: usize,
    m: &'a Manager,
    level: &'a Level,
    amount: Decimal,
    /// The manager is on a departementschef level.
    is_dc: bool,
}

impl Ctx<'_> {
    fn finding(&self, severity: Severity, facts: Facts) -> Finding {
        Finding::about_manager(severity, &self.m.id, facts)
    }
}

/// A negative payout: a skøn larger than the formula amount. Never payable; cannot be accepted.
fn negative_amount(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if c.amount < Decimal::ZERO {
        out.push(c.finding(Severity::Fejl, Facts::NegativeAmount { amount: c.amount }));
    }
}

/// Amount outside the level's band.
fn outside_band(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    let band = c.level.band;
    if band.contains(c.amount) {
        return;
    }
    let facts = Facts::OutsideBand { amount: c.amount, level: c.li, min: band.min, max: band.max };
    out.push(c.finding(Severity::Fejl, facts));
}

/// A fixed-tier level whose amount is not one of the tiers.
fn not_a_tier(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if c.level.tiers.is_empty() || c.level.tiers.contains(&c.amount) {
        return;
    }
    out.push(c.finding(Severity::Fejl, Facts::NotATier { amount: c.amount, level: c.li }));
}

/// Whether the cap of 001 applies to manager `m` on a level of `role`: the level's role
/// is one the policy names (`cap_roles`, default direktør and departementschef) and so is
/// one of the manager's pay forms (`cap_pay_forms`, default resultatløn). The manager's
/// whole amount is compared with the cap (Kalibrer holds one amount per manager).
#[must_use]
pub fn cap_applies(policies: &Policies, role: LevelRole, m: &Manager) -> bool {
    policies.cap_roles.contains(&role) && m.pay_forms.iter().any(|f| policies.cap_pay_forms.contains(f))
}

/// The cap in kr.: `base` × `cap_percent` / 100, exact (None if it overflows).
#[must_use]
pub fn cap_amount(base: Decimal, cap_percent: Decimal) -> Option<Decimal> {
    base.checked_mul(cap_percent)?.checked_div(Decimal::ONE_HUNDRED)
}

/// 001: "resultatløn til direktører bør maksimalt udgøre 25 % af grundlønnen inklusiv
/// varige tillæg". Over the cap (exactly the cap is allowed) for a manager it applies to
/// ([`cap_applies`]): an *advarsel* – the guideline says "bør" – or a *fejl* when the
/// policy makes the cap binding (`cap_binding`). The share is exact, so a breach by
/// 1 kr. is never shown as "25 % over 25 %".
fn over_cap(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    let p = &c.session.policies;
    if !cap_applies(p, c.level.role, c.m) {
        return;
    }
    // "grundløn inklusiv varige tillæg": the topcheftillæg is a permanent supplement.
    let base = super::top_supplement::cap_base(c.m).unwrap_or(c.m.base_salary);
    let cap_percent = p.cap_percent_of_base;
    let Some(cap) = cap_amount(base, cap_percent).filter(|cap| c.amount > *cap) else {
        return;
    };
    let share_percent = if base.is_zero() {
        None
    } else {
        c.amount.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(base))
    };
    let severity = if p.cap_binding { Severity::Fejl } else { Severity::Advarsel };
    let facts = Facts::OverCap { amount: c.amount, share_percent, base, cap_percent, cap };
    out.push(c.finding(severity, facts));
}

/// Over the resultatløn contract's ceiling at full attainment (equality is allowed).
fn over_ceiling(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if let Some(ceiling) = c.m.contract_ceiling.filter(|ceil| c.amount > *ceil) {
        out.push(c.finding(Severity::Fejl, Facts::OverCeiling { amount: c.amount, ceiling }));
    }
}

/// Over the maximum per payment.
fn over_max_per_payment(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if let Some(max) = c.session.policies.max_per_payment.filter(|max| c.amount > *max) {
        out.push(c.finding(Severity::Fejl, Facts::OverMaxPerPayment { amount: c.amount, max }));
    }
}

/// The departementschef's total pay incl. this year's amount: the reference of the
/// departementschef model (002 §13.4). The session's policy when it states it (the
/// departementschef is normally not calibrated by the group he or she chairs); otherwise
/// the lowest such total among managers on a level whose role is departementschef; None if
/// neither.
pub(crate) fn departementschef_total(session: &Session, eval: &Evaluation, dc_levels: &[bool]) -> Option<Decimal> {
    if let Some(total) = session.policies.departementschef_total_pay {
        return Some(total);
    }
    session
        .managers
        .iter()
        .enumerate()
        .filter(|(i, _)| eval.level_of[*i].is_some_and(|l| dc_levels.get(l).copied().unwrap_or(false)))
        .map(|(i, m)| m.total_pay + eval.amounts[i].amount)
        .min()
}

/// Anyone whose total pay incl. this year's amount exceeds the departementschef's.
fn above_departementschef(c: &Ctx<'_>, dc_total: Option<Decimal>, out: &mut Vec<Finding>) {
    let Some(dc) = dc_total else { return };
    let total = c.m.total_pay + c.amount;
    if total > dc && !c.is_dc {
        out.push(c.finding(Severity::Fejl, Facts::AboveDepartementschef { total, reference: dc }));
    }
}

/// Merarbejde pay to a manager with topcheftillæg (002: not allowed).
fn merarbejde_with_top_supplement(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if c.m.has_top_supplement && c.m.has_pay_form(PayForm::Merarbejde) {
        out.push(c.finding(Severity::Fejl, Facts::MerarbejdeWithTopSupplement));
    }
}

/// Topcheftillæg for a manager employed under the rammeaftale (002 §13.6: not possible).
fn top_supplement_under_rammeaftale(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if c.m.has_top_supplement && c.m.basis == EmploymentBasis::Rammeaftale {
        out.push(c.finding(Severity::Fejl, Facts::TopSupplementUnderRammeaftale));
    }
}

/// 002 §13.6: "Til visse chefstillinger i lønramme 38 og derover er der aftalt et
/// topcheftillæg" – a topcheftillæg on a lower lønramme is a *fejl*.
fn top_supplement_below_grade_38(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if let Some(grade) = super::top_supplement::grade_below_38(c.m) {
        let amount = super::top_supplement::amount(c.m);
        out.push(c.finding(Severity::Fejl, Facts::TopSupplementBelowGrade38 { grade, amount }));
    }
}

/// 000 §4.6: a municipality's or region's top director cannot by law receive resultatløn
/// or engangsvederlag – any amount (≠ 0 kr.) for a manager on a kommunaldirektør or
/// regionsdirektør level in a Kommune or Region session is a *fejl*.
fn municipal_top_director_paid(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    let municipal = matches!(c.session.organisation.sector, Sector::Kommune | Sector::Region);
    if municipal && c.level.role.is_municipal_top_director() && !c.amount.is_zero() {
        out.push(c.finding(Severity::Fejl, Facts::MunicipalTopDirectorPaid { amount: c.amount, role: c.level.role }));
    }
}

/// 002 §13.8.3 and §13.8.5: resultatløn is paid against goals set in advance, within a
/// frame ("Der bør være specifikke mål …", "Der bør være fastsat en beløbsgrænse ved fuld
/// målopfyldelse"). An *advarsel* for a manager whose pay forms include resultatløn and
/// who has no goals, or no ceiling at full attainment. Goals: the manager's own, or the
/// box model's criteria (000 §3.3.9 calls them "Mål 1 … Mål 3", each with its amount).
/// Ceiling: the contract's own (`contract_ceiling`), the weighted-goals model's frame, or
/// the box model's maximum. Band position, fixed tiers and a direct amount have neither.
fn resultatloen_without_goals_or_frame(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !c.m.has_pay_form(PayForm::Resultatloen) {
        return;
    }
    let model = model_of(c.m, c.level);
    let is_box = matches!(model, AmountModel::Box(_));
    let no_goals = c.m.goals.is_empty() && !is_box;
    let no_frame = c.m.contract_ceiling.is_none() && !is_box && !matches!(model, AmountModel::WeightedGoals { .. });
    if no_goals || no_frame {
        out.push(c.finding(Severity::Advarsel, Facts::ResultatloenWithoutGoalsOrFrame { no_goals, no_frame }));
    }
}

/// A discretionary adjustment without written justification.
fn adjustment_without_justification(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(adj) = c.m.adjustment.as_ref().filter(|a| !a.amount.is_zero()) else { return };
    if adj.justification.trim().is_empty() {
        out.push(c.finding(Severity::Fejl, Facts::AdjustmentWithoutJustification { adjustment: adj.amount }));
    }
}

/// 0 kr. without any justification. Counts as justification: the adjustment's
/// justification, the superior's rationale, or the meeting notes.
fn zero_without_justification(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !c.amount.is_zero() {
        return;
    }
    let justified = c.m.adjustment.as_ref().is_some_and(|a| !a.justification.trim().is_empty())
        || c.m.proposal.as_ref().is_some_and(|p| !p.rationale.trim().is_empty())
        || !c.m.notes.trim().is_empty();
    if !justified {
        out.push(c.finding(Severity::Fejl, Facts::ZeroWithoutJustification));
    }
}

/// Goal weights not summing to 100 %.
fn weights_not_100(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if c.m.goals.is_empty() {
        return;
    }
    let total: Decimal = c.m.goals.iter().map(|g| g.weight).sum();
    if total != Decimal::ONE_HUNDRED {
        out.push(c.finding(Severity::Fejl, Facts::WeightsNot100 { total }));
    }
}

/// No scores or attainment for the model.
fn missing_assessment(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !c.eval.amounts[c.i].complete {
        let missing = match model_of(c.m, c.level) {
            AmountModel::Box(_) => Missing::Scores,
            AmountModel::WeightedGoals { .. } => Missing::Attainment,
            AmountModel::BandPosition { .. } => Missing::Rating,
            AmountModel::FixedTiers => Missing::Tier,
            AmountModel::Direct => Missing::Amount,
        };
        out.push(c.finding(Severity::Advarsel, Facts::MissingAssessment { missing }));
    }
}

/// A drop from last year beyond the threshold.
fn drop_from_last_year(c: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(last) = c.eval.metrics.get(c.i).and_then(|x| x.last_year).filter(|l| *l > Decimal::ZERO) else {
        return;
    };
    let drop = (last - c.amount) / last * Decimal::ONE_HUNDRED;
    if drop > c.session.policies.drop_warning_percent {
        out.push(c.finding(Severity::Advarsel, Facts::DropFromLastYear { drop_percent: drop, last, amount: c.amount }));
    }
}
