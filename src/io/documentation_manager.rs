//! One manager's page of the audit documentation: the facts an auditor needs to re-check
//! the amount (base salary, pension, last year, the cap in percent and kr.), the model and
//! goals, the breakdown, the adjustment and its justification, the director's proposal,
//! the findings and who decided when.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::amounts::model_of;
use crate::engine::{self, Evaluation};
use crate::model::money::{format_kr, format_percent, format_signed_kr};
use crate::model::time::local_time;
use crate::model::{AmountModel, GoalScope, Manager, MeetingStatus, Session};

use super::documentation_findings::{FindingView, executive_name};

/// The director's proposal beside the decided amount.
#[derive(Debug, Serialize)]
struct ProposalView {
    /// The proposed amount ("" when the proposal has none).
    amount: String,
    /// The assessment ("vurdering 2", scores, skøn), "" for an amount alone.
    assessment: String,
    rationale: String,
    by: String,
    when: String,
    /// Decided minus proposed.
    difference: Option<String>,
}

/// One manager's documentation.
#[derive(Debug, Serialize)]
pub(super) struct ManagerView {
    id: String,
    name: String,
    level: String,
    unit: String,
    superior: String,
    basis: &'static str,
    pay_grade: String,
    forms: String,
    base_salary: String,
    total_pay: String,
    top_supplement: bool,
    top_supplement_amount: String,
    top_supplement_pension: String,
    cap_base: String,
    pension_percent: String,
    pension_amount: String,
    last_year: Option<String>,
    change: Option<String>,
    share_of_base: String,
    cap_percent: String,
    cap_amount: String,
    /// Whether the cap applies to this manager (role and pay form, `engine::rules::cap_applies`).
    cap_applies: bool,
    cap_kept: bool,
    contract_ceiling: Option<String>,
    contract_kept: bool,
    max_kept: bool,
    model: Option<String>,
    goals: Vec<GoalRow>,
    breakdown: Vec<(String, String)>,
    amount: String,
    formula: String,
    adjustment: Option<AdjustmentView>,
    proposal: Option<ProposalView>,
    findings: Vec<FindingView>,
    notes: String,
    status: &'static str,
    decided_by: Option<String>,
    /// Executives who stepped aside for this item (inhabil: it is their own pay).
    stepped_aside: Vec<String>,
    /// Everyone who entered a change on this item, from the change log, in order.
    entered_by: Vec<String>,
    /// The other directors' questions before the meeting: (who, text, answered).
    questions: Vec<(String, String, bool)>,
}

/// A goal with weight, kind and attainment.
#[derive(Debug, Serialize)]
struct GoalRow {
    name: String,
    weight: String,
    kind: String,
    attainment: String,
}

/// The discretionary adjustment and its written justification (None: none written).
#[derive(Debug, Serialize)]
struct AdjustmentView {
    amount: String,
    by: String,
    why: Option<String>,
}

/// `part` as percent of `whole`, one decimal ("9,7 %"); "–" when `whole` is zero.
fn share_text(part: Decimal, whole: Decimal) -> String {
    if whole.is_zero() {
        return "–".to_string();
    }
    part.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(whole))
        .map_or_else(|| "–".to_string(), |x| format_percent(x.round_dp(1)))
}

/// The amount as percent of base salary: one decimal, or over the cap as many decimals as
/// show that it is over (25,0002 %, never "25 %").
fn share_of_base_text(amount: Decimal, base: Decimal, cap: Decimal, cap_percent: Decimal) -> String {
    if amount <= cap || base.is_zero() {
        return share_text(amount, base);
    }
    amount
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(base))
        .map_or_else(|| "–".to_string(), |x| engine::wording::share_over_cap_text(x, cap_percent))
}

/// The topcheftillæg's pension as the documentation shows it: "18 % = 34.758 kr.".
fn top_supplement_pension(m: &Manager, role: Option<crate::model::LevelRole>) -> String {
    let role = role.unwrap_or(crate::model::LevelRole::Andet);
    let pension = engine::top_supplement::pension(m, role).unwrap_or(Decimal::ZERO);
    format!("{} = {}", format_percent(engine::top_supplement::pension_percent(role)), format_kr(pension))
}

/// One manager's documentation: the facts, the model and goals, the breakdown, the
/// adjustment, the proposal, the findings and who decided.
pub(super) fn manager_view(session: &Session, eval: &Evaluation, i: usize, findings: Vec<FindingView>) -> ManagerView {
    let m = &session.managers[i];
    let a = &eval.amounts[i];
    let p = &session.policies;
    let level = session.level(&m.level);
    let cap_base = engine::top_supplement::cap_base(m).unwrap_or(m.base_salary);
    let cap = engine::rules::cap_amount(cap_base, p.cap_percent_of_base).unwrap_or(Decimal::MAX);
    let pension = a.amount.checked_mul(m.pension_percent).map_or(Decimal::ZERO, |x| x / Decimal::ONE_HUNDRED);
    let last_year = session.last_year_amount(&m.id);
    let model = level.map(|l| model_of(m, l));
    let goals = if matches!(model, Some(AmountModel::WeightedGoals { .. })) || !m.goals.is_empty() {
        goal_rows(m)
    } else {
        Vec::new()
    };
    ManagerView {
        id: m.id.clone(),
        name: m.name.clone(),
        level: level.map_or_else(|| "ukendt niveau".to_string(), |l| l.name.clone()),
        unit: m.unit.clone(),
        superior: executive_name(session, &m.superior),
        basis: m.basis.label(),
        pay_grade: m.pay_grade.clone(),
        forms: m.pay_forms.iter().map(|f| f.label()).collect::<Vec<_>>().join(", "),
        base_salary: format_kr(m.base_salary),
        total_pay: format_kr(m.total_pay),
        top_supplement: m.has_top_supplement,
        top_supplement_amount: format_kr(engine::top_supplement::amount(m)),
        top_supplement_pension: top_supplement_pension(m, level.map(|l| l.role)),
        cap_base: format_kr(cap_base),
        pension_percent: format_percent(m.pension_percent),
        pension_amount: format_kr(pension.round_dp(2)),
        last_year: last_year.map(format_kr),
        change: last_year.and_then(|l| a.amount.checked_sub(l)).map(format_signed_kr),
        share_of_base: share_of_base_text(a.amount, cap_base, cap, p.cap_percent_of_base),
        cap_percent: format_percent(p.cap_percent_of_base),
        cap_amount: format_kr(cap.round_dp(2)),
        cap_applies: level.is_some_and(|l| engine::rules::cap_applies(p, l.role, m)),
        cap_kept: a.amount <= cap,
        contract_ceiling: m.contract_ceiling.map(format_kr),
        contract_kept: m.contract_ceiling.is_none_or(|c| a.amount <= c),
        max_kept: p.max_per_payment.is_none_or(|c| a.amount <= c),
        model: model.map(model_text),
        goals,
        breakdown: eval
            .explain(session, i)
            .breakdown
            .iter()
            .map(|l| (format_signed_kr(l.amount), l.text.clone()))
            .collect(),
        amount: format_kr(a.amount),
        formula: format_kr(a.formula),
        adjustment: m.adjustment.as_ref().filter(|x| !x.amount.is_zero()).map(|adj| AdjustmentView {
            amount: format_signed_kr(adj.amount),
            by: executive_name(session, &adj.by),
            why: Some(adj.justification.clone()).filter(|j| !j.trim().is_empty()),
        }),
        proposal: m.proposal.as_ref().map(|p| {
            let proposed = crate::engine::proposals::proposed_amount(session, m);
            let assessment = crate::model::Proposal { amount: None, rationale: String::new(), ..p.clone() };
            ProposalView {
                amount: proposed.map_or_else(String::new, format_kr),
                assessment: if assessment.has_assessment() { assessment.summary() } else { String::new() },
                rationale: p.rationale.clone(),
                by: executive_name(session, &p.by),
                when: local_time(&p.when),
                difference: proposed.and_then(|x| a.amount.checked_sub(x)).map(format_signed_kr),
            }
        }),
        findings,
        notes: m.notes.trim().to_string(),
        status: m.status.label(),
        decided_by: decided_by(session, m),
        stepped_aside: engine::step_aside::stepped_aside(session, i).into_iter().map(|e| e.name.clone()).collect(),
        entered_by: entered_by(session, m),
        questions: engine::agenda::questions(session, i).into_iter().map(|q| (q.by_name, q.text, q.answered)).collect(),
    }
}

/// The names of everyone who entered a change on manager `m`, first entry first.
fn entered_by(session: &Session, m: &Manager) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in session.change_log.iter().filter(|e| e.manager.as_deref() == Some(m.id.as_str())) {
        let name = executive_name(session, &e.who);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The goals with weight, kind and attainment.
fn goal_rows(m: &Manager) -> Vec<GoalRow> {
    m.goals
        .iter()
        .map(|g| {
            let scope = match (g.scope, g.collective) {
                (GoalScope::Institutional, true) => "institutionelt, kollektivt",
                (GoalScope::Institutional, false) => "institutionelt",
                (GoalScope::Personal, _) => "personligt",
            };
            let measure = if g.quantitative { "kvantitativt" } else { "kvalitativt" };
            GoalRow {
                name: g.name.clone(),
                weight: format_percent(g.weight),
                kind: format!("{scope}, {measure}"),
                attainment: g.attainment.map_or_else(|| "–".to_string(), format_percent),
            }
        })
        .collect()
}

/// "X 23. november 2026 kl. 11.00" (Danish local time) from the last status change to
/// Besluttet.
fn decided_by(session: &Session, m: &Manager) -> Option<String> {
    if m.status != MeetingStatus::Besluttet {
        return None;
    }
    let entry = crate::model::log::decided_by(&session.change_log, &m.id)?;
    Some(format!("{} {}", executive_name(session, &entry.who), local_time(&entry.when)))
}

/// A model in one line: "Boksmodel: Faglighed og kvalitet 20.000 kr., …".
pub(super) fn model_text(model: &AmountModel) -> String {
    match model {
        AmountModel::Box(m) => {
            let c: Vec<String> = m.criteria.iter().map(|c| format!("{} {}", c.name, format_kr(c.amount))).collect();
            format!("{}: {}", model.name_da(), c.join(", "))
        }
        AmountModel::WeightedGoals { frame } => format!("{}: ramme {}", model.name_da(), format_kr(*frame)),
        _ => model.name_da().to_string(),
    }
}
