//! A manager's contract period and pro-rating (001), and the part of the pool an amount
//! is paid from (within the lønsumsloft or from documented savings).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The period of a resultatløn contract (001: goals and weights are fixed before it
/// starts) and the share of it the manager served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ContractPeriod {
    /// First day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub start: String,
    /// Last day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub end: String,
    /// The share of the period paid, in percent (absence, leaving or starting within the
    /// period); `None` pays the whole period. The formula amount is multiplied by it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::file_serde::option"
    )]
    pub paid_share: Option<Decimal>,
    /// Why the share is less than the whole period ("fratrådt 30.09.", "orlov 3 måneder").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub share_reason: String,
}

/// The part of the pool an amount is paid from (001).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
pub enum PoolPart {
    /// Within the lønsumsloft (`policies.pool`). The default.
    #[default]
    WithinCeiling,
    /// Outside the lønsumsloft, financed by documented savings (`policies.savings_pool`).
    Savings,
}

impl PoolPart {
    /// Whether this is the default part (within the lønsumsloft).
    #[must_use]
    pub fn is_within(&self) -> bool {
        *self == Self::WithinCeiling
    }

    /// Danish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::WithinCeiling => "Inden for lønsumsloftet",
            Self::Savings => "Dokumenterede besparelser",
        }
    }
}

/// The part of the pool financed by documented savings, outside the lønsumsloft (001).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SavingsPool {
    /// The amount the savings finance.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub amount: Decimal,
    /// Where the savings are documented (journal number, decision, report).
    #[serde(default)]
    pub reference: String,
}

/// A date `YYYY-MM-DD` (or the date part of an ISO 8601 time stamp) as the number
/// `YYYYMMDD`; None when it is not one.
#[must_use]
pub fn date_number(text: &str) -> Option<u32> {
    let d = text.get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, day): (u32, u32, u32) = (d[..4].parse().ok()?, d[5..7].parse().ok()?, d[8..10].parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&day)).then_some(y * 10_000 + m * 100 + day)
}
