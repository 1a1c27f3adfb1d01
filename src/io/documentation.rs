//! The audit documentation (HTML, prints on A4): the basis (levels, bands, pool, the
//! findings about the pool and the levels), then for every manager the facts an auditor
//! needs to re-check the amount – base salary, pension, last year's amount, the cap as
//! percent and in kr. and whether it is kept – the model, goals, the full breakdown, the
//! discretionary adjustment with its written justification, every finding (accepted ones
//! with reason, who and when) and who decided when; last the full change log.
//!
//! Rendered with the template `assets/templates/documentation.html`: every value is
//! escaped and user text is isolated with `<bdi>`, so markup, placeholders and
//! right-to-left characters in names stay text.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::amounts::model_of;
use crate::engine::finding::acceptance_of;
use crate::engine::{self, Evaluation, Finding};
use crate::model::money::{format_kr, format_percent, format_signed_kr};
use crate::model::time::local_time;
use crate::model::{AmountModel, GoalScope, Manager, MeetingStatus, Session};

use super::finality::Finality;
use super::templates::{environment, error_page, render_built_in};

/// Renders the documentation of a session.
#[must_use]
pub fn documentation_html(session: &Session) -> String {
    let eval = engine::evaluate(session);
    let doc = DocumentationView::new(session, &eval);
    render_built_in(&environment(), "documentation.html", &doc).unwrap_or_else(|e| error_page(&e))
}

/// Everything the documentation template shows.
#[derive(Debug, Serialize)]
struct DocumentationView {
    organisation: String,
    year: i32,
    last_year: i32,
    printed: String,
    levels: Vec<LevelRow>,
    managers_count: usize,
    used: String,
    pool: String,
    pool_left_label: &'static str,
    pool_left: String,
    rounding_step: String,
    cap_percent: String,
    /// To whom the cap applies and whether it binds, e.g. "resultatløn til direktør og
    /// departementschef; vejledende («bør», 001)".
    cap_scope: String,
    max_per_payment: Option<String>,
    overlap: &'static str,
    progress: String,
    general_findings: Vec<FindingView>,
    directors: Vec<super::documentation_directors::DirectorSection>,
    directors_total: super::documentation_directors::TallyView,
    managers: Vec<ManagerView>,
    log: Vec<LogRow>,
}

/// One level in the basis table.
#[derive(Debug, Serialize)]
struct LevelRow {
    name: String,
    band_min: String,
    band_max: String,
    model: String,
    n: usize,
    sum: String,
}

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

/// One finding, with the group's acceptance if any.
#[derive(Debug, Serialize)]
struct FindingView {
    severity: &'static str,
    subject: String,
    message: String,
    accepted: Option<AcceptanceView>,
}

/// Who accepted a finding, when and why.
#[derive(Debug, Serialize)]
struct AcceptanceView {
    by: String,
    when: String,
    why: String,
}

/// One manager's documentation.
#[derive(Debug, Serialize)]
struct ManagerView {
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

/// One change-log entry.
#[derive(Debug, Serialize)]
struct LogRow {
    when: String,
    who: String,
    manager: String,
    what: String,
    old: String,
    new: String,
    why: String,
}

impl DocumentationView {
    fn new(session: &Session, eval: &Evaluation) -> Self {
        let p = &session.policies;
        let by_id: HashMap<&str, &Manager> = session.managers.iter().map(|m| (m.id.as_str(), m)).collect();
        let finality = Finality::of(session, eval);
        let decided = finality.managers - finality.undecided;
        let progress = format!(
            "{decided} af {} ledere er besluttet; {} fejl er hverken rettet eller accepteret.",
            finality.managers, finality.open_errors
        );
        let mut per_manager: HashMap<&str, Vec<FindingView>> = HashMap::new();
        let mut general_findings = Vec::new();
        for f in &eval.findings {
            match f.manager.as_deref().and_then(|id| by_id.get(id).copied()) {
                Some(m) => per_manager.entry(m.id.as_str()).or_default().push(finding_view(session, f, Some(m))),
                None => general_findings.push(finding_view(session, f, None)),
            }
        }
        let managers = session
            .agenda_order()
            .into_iter()
            .map(|i| {
                let m = &session.managers[i];
                manager_view(session, eval, i, per_manager.remove(m.id.as_str()).unwrap_or_default())
            })
            .collect();
        let (directors, directors_total) = super::documentation_directors::sections(session, eval);
        Self {
            organisation: session.organisation.name.clone(),
            year: session.year,
            last_year: session.year - 1,
            printed: local_time(&crate::model::log::now_iso()),
            levels: level_rows(session, eval),
            managers_count: session.managers.len(),
            used: format_kr(eval.pool.used),
            pool: format_kr(eval.pool.pool),
            pool_left_label: if eval.pool.exceeded() { "overskredet med" } else { "tilbage" },
            pool_left: format_kr(eval.pool.left.abs()),
            rounding_step: format_kr(p.rounding_step),
            cap_percent: format_percent(p.cap_percent_of_base),
            cap_scope: cap_scope(p),
            max_per_payment: p.max_per_payment.map(format_kr),
            overlap: if p.bands_may_overlap { "tilladt" } else { "ikke tilladt" },
            progress,
            general_findings,
            directors,
            directors_total,
            managers,
            log: session
                .change_log
                .iter()
                .map(|e| LogRow {
                    when: local_time(&e.when),
                    who: e.who.clone(),
                    manager: e.manager.clone().unwrap_or_default(),
                    what: e.change.what(),
                    old: e.change.old_text(),
                    new: e.change.new_text(),
                    why: e.why.clone(),
                })
                .collect(),
        }
    }
}

/// The levels, highest first, with their band, model, count and sum.
fn level_rows(session: &Session, eval: &Evaluation) -> Vec<LevelRow> {
    session
        .levels_by_rank()
        .into_iter()
        .rev()
        .map(|li| {
            let level = &session.levels[li];
            let stats = eval.stats.of_level(&level.id);
            let (n, sum) = stats.map_or((0, Decimal::ZERO), |s| (s.stats.n, s.stats.sum));
            LevelRow {
                name: level.name.clone(),
                band_min: format_kr(level.band.min),
                band_max: format_kr(level.band.max),
                model: model_text(&level.model),
                n,
                sum: format_kr(sum),
            }
        })
        .collect()
}

/// A finding for the documentation; `m` is its manager (for the acceptance).
fn finding_view(session: &Session, f: &Finding, m: Option<&Manager>) -> FindingView {
    let subject = match (&f.manager, &f.level) {
        (Some(id), _) => id.clone(),
        (None, Some(l)) => session.level(l).map_or_else(|| format!("niveau {l}"), |l| l.name.clone()),
        (None, None) => "Puljen".to_string(),
    };
    let accepted = m.and_then(|m| acceptance_of(m, f)).map(|a| AcceptanceView {
        by: executive_name(session, &a.by),
        when: local_time(&a.when),
        why: a.why.clone(),
    });
    FindingView {
        severity: f.severity.word(),
        subject,
        message: crate::engine::wording::finding_text(f, session, crate::engine::wording::Style::FULL),
        accepted,
    }
}

/// An executive's name, or the id when unknown.
fn executive_name(session: &Session, id: &str) -> String {
    session.executive(id).map_or_else(|| id.to_string(), |e| e.name.clone())
}

/// A model in one line: "Boksmodel: Faglighed og kvalitet 20.000 kr., …".
fn model_text(model: &AmountModel) -> String {
    match model {
        AmountModel::Box(m) => {
            let c: Vec<String> = m.criteria.iter().map(|c| format!("{} {}", c.name, format_kr(c.amount))).collect();
            format!("{}: {}", model.name_da(), c.join(", "))
        }
        AmountModel::WeightedGoals { frame } => format!("{}: ramme {}", model.name_da(), format_kr(*frame)),
        _ => model.name_da().to_string(),
    }
}

/// The cap's scope in words: the pay forms and roles it applies to, and whether it binds.
fn cap_scope(p: &crate::model::Policies) -> String {
    let forms: Vec<String> = p.cap_pay_forms.iter().map(|f| f.label().to_lowercase()).collect();
    let roles: Vec<String> = p.cap_roles.iter().map(|r| r.label().to_lowercase()).collect();
    let binding = if p.cap_binding { "bindende efter organisationens politik" } else { "vejledende («bør», 001)" };
    format!("{} til {}; {binding}", forms.join(", "), roles.join(", "))
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

/// One manager's documentation.
/// The topcheftillæg's pension as the documentation shows it: "18 % = 34.758 kr.".
fn top_supplement_pension(m: &Manager, role: Option<crate::model::LevelRole>) -> String {
    let role = role.unwrap_or(crate::model::LevelRole::Andet);
    let pension = engine::top_supplement::pension(m, role).unwrap_or(Decimal::ZERO);
    format!("{} = {}", format_percent(engine::top_supplement::pension_percent(role)), format_kr(pension))
}

fn manager_view(session: &Session, eval: &Evaluation, i: usize, findings: Vec<FindingView>) -> ManagerView {
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
