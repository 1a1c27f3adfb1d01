//! The direct superior's proposal for a manager (`Proposal`): an amount or an assessment,
//! kept apart from the meeting's amount, and how users read it.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The direct superior's proposal: the director's own assessment of the manager, kept
/// apart from the meeting's amount – the meeting changes the amount, never the proposal.
/// Either an amount, or an assessment (rating or scores) with an optional skøn on the
/// formula; the proposed amount is computed by `engine::proposals::proposed_amount`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Proposal {
    /// Proposed amount, when stated as an amount.
    #[serde(default, deserialize_with = "crate::model::money::file_serde::option")]
    pub amount: Option<Decimal>,
    /// Proposed skøn on the formula amount (used when no amount is stated).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::file_serde::option"
    )]
    pub adjustment: Option<Decimal>,
    /// Proposed overall rating (band-position model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    /// Proposed box-model scores by criterion id (1 = best … 6).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, u8>,
    /// Written rationale.
    #[serde(default)]
    pub rationale: String,
    /// The proposing executive (id); version-2 files: the manager's superior.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// When it was set, ISO 8601 UTC (empty when not known, e.g. migrated).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub when: String,
}

impl Proposal {
    /// Whether the proposal says anything about money: an amount, a skøn, a rating or a
    /// score (a rationale alone does not).
    #[must_use]
    pub fn has_assessment(&self) -> bool {
        self.amount.is_some() || self.adjustment.is_some() || self.rating.is_some() || !self.scores.is_empty()
    }

    /// The same proposal without its time stamp (to compare what was proposed).
    #[must_use]
    pub fn content(&self) -> Self {
        Self { when: String::new(), ..self.clone() }
    }

    /// The proposal as users read it: "45.000 kr. – «Solid leverance»", "vurdering 2,
    /// skøn +5.000 kr.", "scorer faglighed 2, trivsel 3".
    #[must_use]
    pub fn summary(&self) -> String {
        use super::money::{format_kr, format_signed_kr};
        let mut parts: Vec<String> = Vec::new();
        if let Some(a) = self.amount {
            parts.push(format_kr(a));
        }
        if let Some(r) = self.rating {
            parts.push(format!("vurdering {r}"));
        }
        if !self.scores.is_empty() {
            let s: Vec<String> = self.scores.iter().map(|(c, v)| format!("{c} {v}")).collect();
            parts.push(format!("scorer {}", s.join(", ")));
        }
        if let Some(a) = self.adjustment {
            parts.push(format!("skøn {}", format_signed_kr(a)));
        }
        let head = if parts.is_empty() { "intet beløb".to_string() } else { parts.join(", ") };
        if self.rationale.trim().is_empty() { head } else { format!("{head} – «{}»", self.rationale) }
    }
}
