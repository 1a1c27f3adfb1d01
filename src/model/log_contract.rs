//! The change-log kinds of the contract's fields (issue 30): the top leader, a goal's
//! scope, the topcheftillæg, the contract period, the pro-rated share, the pool part and
//! a collective goal's one attainment. Typed values; the Danish wording is here.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::contract::PoolPart;
use super::manager::GoalScope;
use super::money::format_kr;

/// A change of one of the contract's fields, with typed old and new values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContractChange {
    /// Whether the manager is the top leader of an independent authority (None: from the
    /// level's role).
    TopLeader {
        /// Before.
        old: Option<bool>,
        /// After.
        new: Option<bool>,
    },
    /// A goal's scope (institutional or personal).
    GoalScope {
        /// Goal index.
        goal: usize,
        /// Before.
        old: GoalScope,
        /// After.
        new: GoalScope,
    },
    /// The topcheftillæg per year: None without one, the amount paid otherwise.
    TopSupplement {
        /// Before.
        old: Option<Decimal>,
        /// After.
        new: Option<Decimal>,
    },
    /// The contract period's first (`end: false`) or last day, `YYYY-MM-DD` (empty: not
    /// stated).
    Date {
        /// The last day rather than the first.
        end: bool,
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// The share of the contract period paid, percent (None: the whole period); the
    /// reason is the entry's `why`.
    PaidShare {
        /// Before.
        old: Option<Decimal>,
        /// After.
        new: Option<Decimal>,
    },
    /// The part of the pool the amount is paid from.
    PoolPart {
        /// Before.
        old: PoolPart,
        /// After.
        new: PoolPart,
    },
    /// A collective goal's one attainment, set for every manager who shares it (003).
    SharedAttainment {
        /// The shared goal's id.
        goal: String,
        /// The ids of the managers who share it.
        managers: Vec<String>,
        /// Before.
        old: Option<Decimal>,
        /// After.
        new: Option<Decimal>,
    },
}

/// A percentage as Danish text ("50 %", "62,5 %"), "–" for none.
fn pct(p: Option<Decimal>) -> String {
    p.map_or_else(|| "–".to_string(), |p| format!("{} %", p.normalize().to_string().replace('.', ",")))
}

/// A scope as Danish text.
fn scope(s: GoalScope) -> String {
    match s {
        GoalScope::Institutional => "institutionelt".into(),
        GoalScope::Personal => "personligt".into(),
    }
}

/// An ISO date `YYYY-MM-DD` as Danish text "01.06.2026", "–" for none.
fn date(iso: &str) -> String {
    if iso.is_empty() { "–".into() } else { super::contract_input::show_date(iso) }
}

impl ContractChange {
    /// What changed, in Danish ("Øverste leder", "Kontraktens start" …).
    #[must_use]
    pub fn what(&self) -> String {
        match self {
            Self::TopLeader { .. } => "Øverste leder".into(),
            Self::GoalScope { goal, .. } => format!("Måltype mål {}", goal + 1),
            Self::TopSupplement { .. } => "Topcheftillæg".into(),
            Self::Date { end: false, .. } => "Kontraktens start".into(),
            Self::Date { end: true, .. } => "Kontraktens slut".into(),
            Self::PaidShare { .. } => "Forholdsmæssig andel".into(),
            Self::PoolPart { .. } => "Puljedel".into(),
            Self::SharedAttainment { goal, .. } => format!("Fælles mål «{goal}»"),
        }
    }

    /// The old (`old_side`) or new value as Danish text.
    #[must_use]
    pub fn side(&self, old_side: bool) -> String {
        let pick = |o: String, n: String| if old_side { o } else { n };
        match self {
            Self::TopLeader { old, new } => {
                let show = |v: &Option<bool>| match v {
                    None => "efter niveauets rolle".to_string(),
                    Some(true) => "ja".into(),
                    Some(false) => "nej".into(),
                };
                pick(show(old), show(new))
            }
            Self::GoalScope { old, new, .. } => pick(scope(*old), scope(*new)),
            Self::TopSupplement { old, new } => {
                let show = |v: &Option<Decimal>| v.map_or_else(|| "intet".to_string(), format_kr);
                pick(show(old), show(new))
            }
            Self::Date { old, new, .. } => pick(date(old), date(new)),
            Self::PaidShare { old, new } => pick(pct(*old), pct(*new)),
            Self::PoolPart { old, new } => pick(old.label().into(), new.label().into()),
            Self::SharedAttainment { old, new, managers, .. } => {
                let n = super::words::managers(managers.len());
                pick(pct(*old), format!("{} ({n})", pct(*new)))
            }
        }
    }

    /// The same change without personal data: no topcheftillæg amount (a salary), and a
    /// collective goal's id (it may name a team or a person) and managers replaced or left
    /// out.
    #[must_use]
    pub fn redacted(&self, marker: &str) -> Self {
        match self {
            Self::TopSupplement { .. } => Self::TopSupplement { old: None, new: None },
            Self::SharedAttainment { old, new, .. } => {
                Self::SharedAttainment { goal: marker.to_string(), managers: Vec::new(), old: *old, new: *new }
            }
            other => other.clone(),
        }
    }
}
