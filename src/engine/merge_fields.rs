//! The fields of a manager a director can prepare offline, each with an exact value for
//! the three-way merge, a Danish rendering for reports and the log, and a copy.

use std::collections::BTreeSet;

use crate::model::money::{format_kr, format_signed_kr};
use crate::model::{AmountModel, Goal, GoalScope, Manager, Session};

/// One field of a manager that a prep may change. The set of fields is built per manager
/// from the data ([`field_keys`]), never from a fixed list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKey {
    /// The box score of one criterion (by criterion id).
    Score(String),
    /// The goal list itself: names, weights, scope, collective and quantitative flags.
    Goals,
    /// The attainment of one goal, by name and occurrence (0 for the first goal of that
    /// name, 1 for a second goal with the same name …).
    Attainment(String, usize),
    /// The overall rating (band-position model).
    Rating,
    /// The fixed tier.
    Tier,
    /// The direct amount.
    DirectAmount,
    /// The discretionary adjustment (skøn) with its justification.
    Adjustment,
    /// The superior's proposal.
    Proposal,
    /// The meeting status with the amount recorded when decided.
    Status,
    /// The lock.
    Lock,
    /// The notes.
    Notes,
    /// The findings accepted with a written reason.
    Accepted,
    /// One director's view on the manager (by executive id): only that director's prep
    /// changes it, so two directors never conflict on a view.
    View(String),
}

/// Every field `managers` (the session's, the bases' and the preps' versions of one
/// manager) could differ in: a score for each criterion of the session's and the preps'
/// box models and each criterion any version has scored, an attainment for each goal any
/// version has, and the other preparable fields. Order: level criteria in model order,
/// other criteria by id, the goal list before the attainments.
#[must_use]
pub fn field_keys(sessions: &[&Session], managers: &[&Manager]) -> Vec<FieldKey> {
    let mut criteria: Vec<String> = Vec::new();
    let mut push = |id: &str| {
        if !criteria.iter().any(|c| c == id) {
            criteria.push(id.to_string());
        }
    };
    let models = sessions
        .iter()
        .flat_map(|s| s.levels.iter().map(|l| &l.model))
        .chain(managers.iter().filter_map(|m| m.model_override.as_ref()));
    for model in models {
        if let AmountModel::Box(b) = model {
            b.criteria.iter().for_each(|c| push(&c.id));
        }
    }
    let scored: BTreeSet<&String> = managers.iter().flat_map(|m| m.box_scores.keys()).collect();
    scored.into_iter().for_each(|c| push(c));
    let mut out: Vec<FieldKey> = criteria.into_iter().map(FieldKey::Score).collect();
    out.push(FieldKey::Goals);
    let mut goals: Vec<(String, usize)> = Vec::new();
    for m in managers {
        for key in goal_keys(&m.goals) {
            if !goals.contains(&key) {
                goals.push(key);
            }
        }
    }
    out.extend(goals.into_iter().map(|(name, k)| FieldKey::Attainment(name, k)));
    out.extend([
        FieldKey::Rating,
        FieldKey::Tier,
        FieldKey::DirectAmount,
        FieldKey::Adjustment,
        FieldKey::Proposal,
        FieldKey::Status,
        FieldKey::Lock,
        FieldKey::Notes,
        FieldKey::Accepted,
    ]);
    let directors: BTreeSet<&String> = managers.iter().flat_map(|m| m.views.iter().map(|v| &v.by)).collect();
    out.extend(directors.into_iter().map(|d| FieldKey::View(d.clone())));
    out
}

/// Each goal's (name, occurrence) key, in list order.
fn goal_keys(goals: &[Goal]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::with_capacity(goals.len());
    for g in goals {
        let k = out.iter().filter(|(n, _)| *n == g.name).count();
        out.push((g.name.clone(), k));
    }
    out
}

/// A goal's definition as users read it: "Trivsel 15 % (personligt, kollektivt, målbart)".
fn show_goal(g: &Goal) -> String {
    let scope = match g.scope {
        GoalScope::Institutional => "institutionelt",
        GoalScope::Personal => "personligt",
    };
    let collective = if g.collective { ", kollektivt" } else { "" };
    let measured = if g.quantitative { ", målbart" } else { "" };
    let shared = g.shared.as_ref().map_or_else(String::new, |id| format!(", fælles mål «{id}»"));
    let years = g.paid_in.map_or_else(String::new, |y| format!(", udbetales {y}"));
    format!("{} {} % ({scope}{collective}{measured}{shared}{years})", g.name, g.weight.normalize())
}

/// The goal with this name and occurrence.
fn goal<'a>(goals: &'a [Goal], name: &str, k: usize) -> Option<&'a Goal> {
    goals.iter().filter(|g| g.name == name).nth(k)
}

impl FieldKey {
    /// The Danish name of the field, as in the change log ("Score Trivsel", "Skøn" …);
    /// criterion names are looked up in `session`'s box models (the id when unknown).
    #[must_use]
    pub fn label(&self, session: &Session) -> String {
        match self {
            Self::Score(id) => {
                let name = session
                    .levels
                    .iter()
                    .filter_map(|l| match &l.model {
                        AmountModel::Box(b) => b.criteria.iter().find(|c| &c.id == id),
                        _ => None,
                    })
                    .next()
                    .map_or(id.as_str(), |c| c.name.as_str());
                format!("Score {name}")
            }
            Self::Goals => "Mål".into(),
            Self::Attainment(name, 0) => format!("Målopfyldelse: {name}"),
            Self::Attainment(name, k) => format!("Målopfyldelse: {name} ({})", k + 1),
            Self::Rating => "Samlet vurdering".into(),
            Self::Tier => "Trin".into(),
            Self::DirectAmount => "Direkte beløb".into(),
            Self::Adjustment => "Skøn".into(),
            Self::Proposal => "Forslag".into(),
            Self::Status => "Status".into(),
            Self::Lock => "Lås".into(),
            Self::Notes => "Noter".into(),
            Self::Accepted => "Accepterede fund".into(),
            Self::View(by) => format!("Holdning fra {by}"),
        }
    }

    /// The field's exact value as a comparable text: equal texts mean equal values
    /// (amounts compared as numbers, `75000` = `75000.00`).
    #[must_use]
    pub fn value(&self, m: &Manager) -> String {
        match self {
            Self::Score(c) => format!("{:?}", m.box_scores.get(c)),
            Self::Goals => format!(
                "{:?}",
                m.goals
                    .iter()
                    .map(|g| (
                        &g.name,
                        g.weight.normalize(),
                        g.scope,
                        g.collective,
                        g.quantitative,
                        &g.shared,
                        g.paid_in
                    ))
                    .collect::<Vec<_>>()
            ),
            Self::Attainment(name, k) => {
                format!("{:?}", goal(&m.goals, name, *k).and_then(|g| g.attainment).map(|a| a.normalize()))
            }
            Self::Rating => format!("{:?}", m.overall_rating),
            Self::Tier => format!("{:?}", m.tier),
            Self::DirectAmount => format!("{:?}", m.direct_amount.map(|d| d.normalize())),
            Self::Adjustment => {
                format!("{:?}", m.adjustment.as_ref().map(|a| (a.amount.normalize(), &a.justification)))
            }
            Self::Proposal => format!(
                "{:?}",
                m.proposal.as_ref().map(|p| (
                    p.amount.map(|a| a.normalize()),
                    p.adjustment.map(|a| a.normalize()),
                    p.rating,
                    &p.scores,
                    &p.rationale,
                    &p.by
                ))
            ),
            Self::Status => format!("{:?}", (m.status, m.final_amount.map(|d| d.normalize()))),
            Self::Lock => format!("{:?}", m.locked),
            Self::Notes => format!("{:?}", m.notes),
            Self::Accepted => {
                let mut list: Vec<(&String, &String)> = m.accepted.iter().map(|a| (&a.rule, &a.why)).collect();
                list.sort();
                format!("{list:?}")
            }
            Self::View(by) => format!("{:?}", m.view_of(by).map(crate::model::View::content)),
        }
    }

    /// The field's value as users read it ("+3.000 kr. – «Ekstra indsats»", "Besluttet
    /// (75.000 kr.)", "–" for none).
    #[must_use]
    pub fn show(&self, m: &Manager) -> String {
        match self {
            Self::Score(c) => m.box_scores.get(c).map_or("–".into(), u8::to_string),
            Self::Goals if m.goals.is_empty() => "ingen mål".into(),
            Self::Goals => m.goals.iter().map(show_goal).collect::<Vec<_>>().join("; "),
            Self::Attainment(name, k) => goal(&m.goals, name, *k)
                .and_then(|g| g.attainment)
                .map_or("–".into(), |a| format!("{} %", a.normalize())),
            Self::Rating => m.overall_rating.map_or("–".into(), |r| r.to_string()),
            Self::Tier => m.tier.map_or("–".into(), |r| (r + 1).to_string()),
            Self::DirectAmount => m.direct_amount.map_or("–".into(), format_kr),
            Self::Adjustment => m.adjustment.as_ref().map_or("intet".into(), |a| {
                if a.justification.trim().is_empty() {
                    format!("{} (uden begrundelse)", format_signed_kr(a.amount))
                } else {
                    format!("{} – «{}»", format_signed_kr(a.amount), a.justification)
                }
            }),
            Self::Proposal => m.proposal.as_ref().map_or("–".into(), crate::model::Proposal::summary),
            Self::Status => match m.final_amount {
                Some(a) => format!("{} ({})", m.status.label(), format_kr(a)),
                None => m.status.label().into(),
            },
            Self::Lock => if m.locked { "låst" } else { "ikke låst" }.into(),
            Self::Notes if m.notes.is_empty() => "–".into(),
            Self::Notes => format!("«{}»", m.notes),
            Self::Accepted if m.accepted.is_empty() => "ingen".into(),
            Self::Accepted => {
                m.accepted.iter().map(|a| format!("{}: «{}»", a.rule, a.why)).collect::<Vec<_>>().join("; ")
            }
            Self::View(by) => m.view_of(by).map_or("–".into(), crate::model::View::summary),
        }
    }

    /// Copies the field from `from` to `to`. The goal list keeps `to`'s attainment of each
    /// goal it already had (the attainments are fields of their own); an attainment is
    /// copied only onto a goal `to` has.
    pub fn copy(&self, from: &Manager, to: &mut Manager) {
        match self {
            Self::Score(c) => match from.box_scores.get(c) {
                Some(s) => {
                    to.box_scores.insert(c.clone(), *s);
                }
                None => {
                    to.box_scores.remove(c);
                }
            },
            Self::Goals => {
                let goals = goal_keys(&from.goals)
                    .into_iter()
                    .zip(&from.goals)
                    .map(|((name, k), g)| Goal {
                        attainment: goal(&to.goals, &name, k).and_then(|t| t.attainment),
                        ..g.clone()
                    })
                    .collect();
                to.goals = goals;
            }
            Self::Attainment(name, k) => {
                let value = goal(&from.goals, name, *k).and_then(|g| g.attainment);
                if let Some(t) = to.goals.iter_mut().filter(|g| &g.name == name).nth(*k) {
                    t.attainment = value;
                }
            }
            Self::Rating => to.overall_rating = from.overall_rating,
            Self::Tier => to.tier = from.tier,
            Self::DirectAmount => to.direct_amount = from.direct_amount,
            Self::Adjustment => to.adjustment.clone_from(&from.adjustment),
            Self::Proposal => to.proposal.clone_from(&from.proposal),
            Self::Status => {
                to.status = from.status;
                to.final_amount = from.final_amount;
            }
            Self::Lock => to.locked = from.locked,
            Self::Notes => to.notes.clone_from(&from.notes),
            Self::Accepted => to.accepted.clone_from(&from.accepted),
            Self::View(by) => match from.view_of(by) {
                Some(v) => match to.views.iter_mut().find(|x| &x.by == by) {
                    Some(slot) => slot.clone_from(v),
                    None => to.views.push(v.clone()),
                },
                None => to.views.retain(|x| &x.by != by),
            },
        }
    }
}

/// The fields a prep cannot change (they belong to HR or to the session's set-up) that
/// differ between `base` and `prep`, in Danish, for a notice: they are never merged.
#[must_use]
pub fn unpreparable_changes(base: &Manager, prep: &Manager) -> Vec<&'static str> {
    let checks: [(&'static str, bool); 16] = [
        ("navn", base.name != prep.name),
        ("niveau", base.level != prep.level),
        ("enhed", base.unit != prep.unit),
        ("nærmeste leder", base.superior != prep.superior),
        ("ansættelsesgrundlag", base.basis != prep.basis),
        ("lønramme", base.pay_grade != prep.pay_grade),
        ("grundløn", base.base_salary != prep.base_salary),
        ("samlet løn", base.total_pay != prep.total_pay),
        (
            "topcheftillæg",
            (base.has_top_supplement, base.top_supplement) != (prep.has_top_supplement, prep.top_supplement),
        ),
        ("kontraktperiode", base.contract != prep.contract),
        ("puljedel", base.pool_part != prep.pool_part),
        ("øverste leder", base.top_leader != prep.top_leader),
        ("vederlagsformer", base.pay_forms != prep.pay_forms),
        ("kontraktens loft", base.contract_ceiling != prep.contract_ceiling),
        ("beregningsmodel", base.model_override != prep.model_override),
        ("pensionsprocent", base.pension_percent != prep.pension_percent),
    ];
    checks.into_iter().filter(|(_, changed)| *changed).map(|(name, _)| name).collect()
}
