//! The public extract of the top management contracts (001, offentlighedsloven): the
//! resultatløn contract of every top employed leader of an independent authority – in the
//! state departementschefer, styrelsesdirektører and other such leaders; in a
//! municipality or region its top direktion – as far as it shows the authority's overall
//! priorities: the institutional goals and their weights, never personal goals. Names,
//! salaries, attainment and amounts never appear. One numbered section per contract,
//! headed by the level and the unit, so 37 departementschefer in a state-wide session can
//! be told apart.

use serde::Serialize;

use crate::model::money::format_percent;
use crate::model::{GoalScope, Manager, PayForm, Session};

use super::templates::{environment, error_page, render_built_in};

/// What the public template shows.
#[derive(Debug, Serialize)]
struct PublicView {
    organisation: String,
    year: i32,
    contracts: Vec<ContractView>,
}

/// One contract: its level, unit and institutional goals.
#[derive(Debug, Serialize)]
struct ContractView {
    level: String,
    unit: String,
    goals: Vec<GoalView>,
}

/// An institutional goal and its weight.
#[derive(Debug, Serialize)]
struct GoalView {
    name: String,
    weight: String,
}

/// The managers whose contract the extract covers, highest level first (agenda order): a
/// top leader ([`Manager::is_top_leader`]: stated on the manager, otherwise from the
/// level's role) with a resultatløn contract.
#[must_use]
pub fn covered_managers(session: &Session) -> Vec<usize> {
    session
        .agenda_order()
        .into_iter()
        .filter(|&i| {
            let m = &session.managers[i];
            let role = session.level(&m.level).map(|l| l.role);
            role.is_some_and(|r| m.is_top_leader(r)) && m.has_pay_form(PayForm::Resultatloen)
        })
        .collect()
}

/// One contract's public part.
fn contract(session: &Session, m: &Manager) -> ContractView {
    ContractView {
        level: session.level(&m.level).map_or_else(String::new, |l| l.name.clone()),
        unit: if m.unit.trim().is_empty() { "uden enhed".to_string() } else { m.unit.clone() },
        goals: m
            .goals
            .iter()
            .filter(|g| g.scope == GoalScope::Institutional)
            .map(|g| GoalView { name: g.name.clone(), weight: format_percent(g.weight) })
            .collect(),
    }
}

/// Renders the public extract: every covered contract's institutional goals with their
/// weights ([`covered_managers`]).
#[must_use]
pub fn public_html(session: &Session) -> String {
    let contracts = covered_managers(session).into_iter().map(|i| contract(session, &session.managers[i])).collect();
    let view = PublicView { organisation: session.organisation.name.clone(), year: session.year, contracts };
    render_built_in(&environment(), "public.html", &view).unwrap_or_else(|e| error_page(&e))
}
