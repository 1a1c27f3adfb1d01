//! The public extract of the top managers' resultatløn contracts: only the institutional
//! goals and their weights (DOMAIN, Goals). Personal goals, names, salaries, attainment
//! and amounts never appear. One numbered section per contract, headed by the level and
//! the unit, so 37 departementschefer in a state-wide session can be told apart.

use serde::Serialize;

use crate::model::money::format_percent;
use crate::model::{GoalScope, Session};

use super::templates::{environment, error_page, render_built_in};

/// What the public template shows.
#[derive(Debug, Serialize)]
struct PublicView {
    organisation: String,
    year: i32,
    level: Option<String>,
    contracts: Vec<ContractView>,
}

/// One contract: its unit and institutional goals.
#[derive(Debug, Serialize)]
struct ContractView {
    unit: String,
    goals: Vec<GoalView>,
}

/// An institutional goal and its weight.
#[derive(Debug, Serialize)]
struct GoalView {
    name: String,
    weight: String,
}

/// Renders the public extract for the managers of the highest-ranked level.
#[must_use]
pub fn public_html(session: &Session) -> String {
    let top = session.levels_by_rank().last().map(|&li| &session.levels[li]);
    let contracts = top.map_or_else(Vec::new, |level| {
        session
            .agenda_order()
            .into_iter()
            .map(|i| &session.managers[i])
            .filter(|m| m.level == level.id)
            .map(|m| ContractView {
                unit: if m.unit.trim().is_empty() { "uden enhed".to_string() } else { m.unit.clone() },
                goals: m
                    .goals
                    .iter()
                    .filter(|g| g.scope == GoalScope::Institutional)
                    .map(|g| GoalView { name: g.name.clone(), weight: format_percent(g.weight) })
                    .collect(),
            })
            .collect()
    });
    let view = PublicView {
        organisation: session.organisation.name.clone(),
        year: session.year,
        level: top.map(|l| l.name.clone()),
        contracts,
    };
    render_built_in(&environment(), "public.html", &view).unwrap_or_else(|e| error_page(&e))
}
