//! The contract's fields (issue 30) as typed edits: the top leader, a goal's scope, the
//! topcheftillæg, the contract period's dates, the pro-rated share with its reason and the
//! part of the pool. Each is one undo step with one [`ContractChange`] log entry.
//!
//! Only a goal's scope may be changed in a director's preparation (it is part of the goal
//! list a director prepares, merged as «Mål»); the other fields belong to HR or the
//! session's set-up and are refused there, as the merge would not carry them.

use rust_decimal::Decimal;

use super::Document;
use super::contract_edit::ContractEdit;
use super::edit::EditError;
use crate::engine::top_supplement;
use crate::model::bounds;
use crate::model::contract::date_number;
use crate::model::contract_input::show_date;
use crate::model::log::Change;
use crate::model::log_contract::ContractChange;
use crate::model::{ContractPeriod, GoalScope, Manager};

/// The topcheftillæg as logged: None without one, the amount paid otherwise.
fn supplement(m: &Manager) -> Option<Decimal> {
    m.has_top_supplement.then(|| top_supplement::amount(m))
}

/// The contract period of `m`, for editing (the default when none is stated).
fn period(m: &Manager) -> ContractPeriod {
    m.contract.clone().unwrap_or_default()
}

/// Sets the contract period, or removes it when nothing is stated.
fn set_period(m: &mut Manager, c: ContractPeriod) {
    m.contract = (c != ContractPeriod::default()).then_some(c);
}

/// Why a date is not one the file can hold.
fn date_problem(field: &str, date: Option<&String>) -> Option<String> {
    let d = date?;
    (d.len() != 10 || date_number(d).is_none()).then(|| format!("{field} «{d}» er ikke en dato"))
}

impl Document {
    /// Applies a contract edit of manager `i` (index checked by the caller).
    pub(super) fn set_contract(&mut self, i: usize, edit: ContractEdit, who: &str) -> Result<bool, EditError> {
        let m = &self.session.managers[i];
        if self.prep_owner().is_some() && !matches!(edit, ContractEdit::GoalScope { .. }) {
            let reason = format!(
                "{} hører til HR eller mødets opsætning og kan ikke ændres i en forberedelse – det rettes i mødets fil",
                edit.field()
            );
            return Err(self.invalid(i, reason));
        }
        let mut after = m.clone();
        let mut why = String::new();
        match &edit {
            ContractEdit::TopLeader(v) => after.top_leader = *v,
            ContractEdit::GoalScope { goal, scope } => {
                let Some(g) = after.goals.get_mut(*goal) else {
                    return Err(self.invalid(i, format!("mål {} findes ikke", goal + 1)));
                };
                g.scope = *scope;
            }
            ContractEdit::TopSupplement { has, amount } => {
                if let Some(p) = amount.and_then(|a| bounds::money_problem("topcheftillægget", a, false)) {
                    return Err(self.invalid(i, p));
                }
                after.has_top_supplement = *has;
                after.top_supplement = if *has { *amount } else { None };
            }
            ContractEdit::Start(d) | ContractEdit::End(d) => {
                let end = matches!(edit, ContractEdit::End(_));
                if let Some(p) = date_problem(edit.field(), d.as_ref()) {
                    return Err(self.invalid(i, p));
                }
                let mut c = period(&after);
                *(if end { &mut c.end } else { &mut c.start }) = d.clone().unwrap_or_default();
                if let (Some(a), Some(b)) = (date_number(&c.start), date_number(&c.end))
                    && b < a
                {
                    let (s, e) = (show_date(&c.start), show_date(&c.end));
                    return Err(self.invalid(i, format!("kontraktens slut {e} ligger før dens start {s}")));
                }
                set_period(&mut after, c);
            }
            ContractEdit::PaidShare { share, reason } => {
                if let Some(p) = share.and_then(|s| bounds::percent_problem("den forholdsmæssige andel", s)) {
                    return Err(self.invalid(i, p));
                }
                let reason = reason.trim().to_string();
                if let Some(s) = share.filter(|s| *s < Decimal::ONE_HUNDRED)
                    && reason.is_empty()
                {
                    let reason = format!(
                        "den forholdsmæssige andel {} % kræver en begrundelse (fx «fratrådt 30.09.» eller «orlov 3 måneder»)",
                        s.normalize().to_string().replace('.', ",")
                    );
                    return Err(self.invalid(i, reason));
                }
                let mut c = period(&after);
                c.paid_share = *share;
                c.share_reason = if share.is_some() { reason.clone() } else { String::new() };
                why = reason;
                set_period(&mut after, c);
            }
            ContractEdit::PoolPart(p) => after.pool_part = *p,
        }
        let describe = |b: &Manager, a: &Manager| Change::Contract(describe(&edit, b, a));
        Ok(self.field(i, None, who, &describe, &why, |m| *m = after))
    }
}

/// The typed log entry of `edit` from `b` to `a`.
fn describe(edit: &ContractEdit, b: &Manager, a: &Manager) -> ContractChange {
    match edit {
        ContractEdit::TopLeader(_) => ContractChange::TopLeader { old: b.top_leader, new: a.top_leader },
        ContractEdit::GoalScope { goal, .. } => {
            let scope = |m: &Manager| m.goals.get(*goal).map_or(GoalScope::Personal, |g| g.scope);
            ContractChange::GoalScope { goal: *goal, old: scope(b), new: scope(a) }
        }
        ContractEdit::TopSupplement { .. } => ContractChange::TopSupplement { old: supplement(b), new: supplement(a) },
        ContractEdit::Start(_) | ContractEdit::End(_) => {
            let end = matches!(edit, ContractEdit::End(_));
            let date = |m: &Manager| {
                let c = period(m);
                if end { c.end } else { c.start }
            };
            ContractChange::Date { end, old: date(b), new: date(a) }
        }
        ContractEdit::PaidShare { .. } => ContractChange::PaidShare {
            old: b.contract.as_ref().and_then(|c| c.paid_share),
            new: a.contract.as_ref().and_then(|c| c.paid_share),
        },
        ContractEdit::PoolPart(_) => ContractChange::PoolPart { old: b.pool_part, new: a.pool_part },
    }
}
