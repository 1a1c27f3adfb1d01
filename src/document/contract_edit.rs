//! The vocabulary of the contract's edits (issue 30): [`ContractEdit`], carried by
//! `Edit::Contract` and applied in `edit_contract.rs`.

use rust_decimal::Decimal;

use crate::model::{GoalScope, PoolPart};

/// A change of one of a manager's contract fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContractEdit {
    /// Top leader of an independent authority: yes, no, or None to follow the level's role.
    TopLeader(Option<bool>),
    /// A goal's scope.
    GoalScope {
        /// Goal index.
        goal: usize,
        /// Institutional or personal.
        scope: GoalScope,
    },
    /// The topcheftillæg: none (`has: false`), the table's amount for the lønramme
    /// (`amount: None`) or a stated amount per year.
    TopSupplement {
        /// Whether the manager has a topcheftillæg.
        has: bool,
        /// The amount per year when it is not the table's.
        amount: Option<Decimal>,
    },
    /// The contract period's first day, `YYYY-MM-DD` (None: not stated).
    Start(Option<String>),
    /// The contract period's last day, `YYYY-MM-DD` (None: not stated).
    End(Option<String>),
    /// The share of the period paid, percent (None: the whole period), with why.
    PaidShare {
        /// Percent, 0–100.
        share: Option<Decimal>,
        /// Why (absence, leaving): required for a share below 100 %.
        reason: String,
    },
    /// The part of the pool the amount is paid from.
    PoolPart(PoolPart),
}

impl ContractEdit {
    /// Whether the edit moves the manager's amount (refused for a decided manager).
    #[must_use]
    pub fn moves_money(&self) -> bool {
        matches!(self, Self::PaidShare { .. })
    }

    /// The field's Danish name, for a refusal.
    pub(super) fn field(&self) -> &'static str {
        match self {
            Self::TopLeader(_) => "øverste leder",
            Self::GoalScope { .. } => "måltypen",
            Self::TopSupplement { .. } => "topcheftillægget",
            Self::Start(_) => "kontraktens start",
            Self::End(_) => "kontraktens slut",
            Self::PaidShare { .. } => "den forholdsmæssige andel",
            Self::PoolPart(_) => "puljedelen",
        }
    }
}
