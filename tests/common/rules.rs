//! Shared by the rule tests (seed_rules*.rs): whole kroner, a session's findings and their
//! wording, and the small sessions, levels, goals and managers they are built from.

use rust_decimal::Decimal;

use kalibrer::engine::{self, Finding, RuleId};
use kalibrer::model::{AmountModel, Band, Goal, GoalScope, Level, LevelRole, Manager, Sector, Session};

/// `v` kroner.
pub fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// Every finding of `s`, errors first.
pub fn findings(s: &Session) -> Vec<Finding> {
    engine::evaluate(s).findings
}

/// The findings of `rule` about manager `id`.
pub fn of(s: &Session, rule: RuleId, id: &str) -> Vec<Finding> {
    findings(s).into_iter().filter(|f| f.rule == rule && f.manager.as_deref() == Some(id)).collect()
}

/// A finding worded in full, as the screen and the documentation show it.
pub fn text(s: &Session, f: &Finding) -> String {
    engine::wording::finding_text(f, s, engine::wording::Style::FULL)
}

/// A quantitative, personal-or-institutional (not collective, not shared) goal.
pub fn goal(name: &str, weight: i64, scope: GoalScope, attainment: i64) -> Goal {
    Goal {
        name: name.into(),
        weight: d(weight),
        scope,
        collective: false,
        shared: None,
        paid_in: None,
        quantitative: true,
        attainment: Some(d(attainment)),
    }
}

/// A level with a band of 0–500.000 kr. and no tiers or target.
pub fn level(id: &str, name: &str, rank: u8, role: LevelRole, model: AmountModel) -> Level {
    Level {
        id: id.into(),
        name: name.into(),
        rank,
        role,
        band: Band { min: d(0), max: d(500_000) },
        tiers: vec![],
        target: None,
        model,
    }
}

/// The demo in `sector` with only `levels`: no managers, no history, rounding to whole
/// kroner and a pool of 100 mio. kr.
pub fn bare_session(sector: Sector, levels: Vec<Level>) -> Session {
    let mut s = super::demo();
    s.organisation.sector = sector;
    s.levels = levels;
    s.managers.clear();
    s.history.clear();
    s.policies.rounding_step = Decimal::ONE;
    s.policies.pool = d(100_000_000);
    s
}

/// Manager `id` on `level` with a direct amount of `amount` kr., a base salary of
/// 600.000 kr., a total pay of 650.000 kr., a contract ceiling of 500.000 kr. and `goals`.
pub fn direct_manager(id: &str, level: &str, amount: i64, goals: Vec<Goal>) -> Manager {
    Manager {
        unit: format!("Enhed {id}"),
        base_salary: d(600_000),
        total_pay: d(650_000),
        direct_amount: Some(d(amount)),
        contract_ceiling: Some(d(500_000)),
        goals,
        ..Manager::new(id, &format!("Leder {id}"), level)
    }
}
