//! A manager in the calibration: who they are, their salary, goals, scores and amount.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::level::AmountModel;

pub use super::proposal::Proposal;

/// One manager being calibrated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manager {
    /// Stable id (medarbejdernummer), unique in the session.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Id of the manager's level.
    pub level: String,
    /// Unit (kontor, afdeling, styrelse).
    pub unit: String,
    /// Id of the executive who is the manager's direct superior.
    pub superior: String,
    /// Employment basis.
    pub basis: EmploymentBasis,
    /// Lønramme or løngruppe, e.g. "LR 37" or "LG 2".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pay_grade: String,
    /// Base salary incl. permanent supplements, per year.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub base_salary: Decimal,
    /// Total pay per year before this year's amount.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub total_pay: Decimal,
    /// Whether the manager has topcheftillæg.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_top_supplement: bool,
    /// The topcheftillæg per year (002 §13.6) when it is not the table's amount for the
    /// lønramme; `None` follows the table (`engine::top_supplement`). Only read when
    /// [`Manager::has_top_supplement`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::file_serde::option"
    )]
    pub top_supplement: Option<Decimal>,
    /// The resultatløn contract's period and pro-rating (001); see `engine::contract`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<super::contract::ContractPeriod>,
    /// Which part of the pool the amount is paid from (001: within the lønsumsloft, or
    /// outside it from documented savings); see `engine::pool_parts`.
    #[serde(default, skip_serializing_if = "super::contract::PoolPart::is_within")]
    pub pool_part: super::contract::PoolPart,
    /// Whether the manager is the top employed leader of an independent authority (or in
    /// a municipality or region part of its top direktion), whose resultatløn contract's
    /// institutional goals the public may see (001, offentlighedsloven). `None` follows
    /// the level's role ([`super::LevelRole::is_top_management`]); see [`Manager::is_top_leader`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_leader: Option<bool>,
    /// This year's pay forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pay_forms: Vec<PayForm>,
    /// The resultatløn contract's ceiling at full attainment, if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::file_serde::option"
    )]
    pub contract_ceiling: Option<Decimal>,
    /// A model that overrides the level's model for this manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_override: Option<AmountModel>,
    /// Goals with weights and attainment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Box-model scores by criterion id (1 = best … 6).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub box_scores: BTreeMap<String, u8>,
    /// Overall rating on the scale (band-position model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_rating: Option<u8>,
    /// Chosen fixed tier, index into the level's tiers (fixed-tier model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<usize>,
    /// Amount set directly (direct model).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::file_serde::option"
    )]
    pub direct_amount: Option<Decimal>,
    /// The direct superior's proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<Proposal>,
    /// The discretionary adjustment (skøn) after the formula.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment: Option<Adjustment>,
    /// The amount recorded when the group decided (status besluttet).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::file_serde::option"
    )]
    pub final_amount: Option<Decimal>,
    /// Pension percentage paid on the one-off amount.
    #[serde(
        default,
        skip_serializing_if = "Decimal::is_zero",
        deserialize_with = "crate::model::money::file_serde::amount"
    )]
    pub pension_percent: Decimal,
    /// Where the manager is in the meeting.
    #[serde(default)]
    pub status: MeetingStatus,
    /// Locked managers are left untouched by fit-to-pool and spread.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
    /// Free notes from the meeting.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Findings the group accepted for this manager, each with its written reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<AcceptedFinding>,
    /// Other directors' views on this manager, recorded in their preps (at most one per
    /// director, in the order they were merged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<super::view::View>,
}

/// A finding the calibration group accepted deliberately, with the written reason the
/// documentation shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedFinding {
    /// The rule's stable code (`fald_fra_sidste_aar` …).
    pub rule: String,
    /// Why the group accepts it.
    pub why: String,
    /// Who entered the acceptance.
    pub by: String,
    /// When, ISO 8601 UTC.
    pub when: String,
}

/// The employment basis of a manager (002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmploymentBasis {
    /// Tjenestemand.
    Tjenestemand,
    /// Rammeaftale (kontraktansat chef).
    Rammeaftale,
    /// Anden overenskomst.
    AndenOverenskomst,
    /// Individuel kontrakt.
    IndividuelKontrakt,
}

impl EmploymentBasis {
    /// Danish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Tjenestemand => "Tjenestemand",
            Self::Rammeaftale => "Rammeaftale",
            Self::AndenOverenskomst => "Anden overenskomst",
            Self::IndividuelKontrakt => "Individuel kontrakt",
        }
    }
}

/// The pay forms of 002 §13.8.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PayForm {
    /// Resultatløn (performance-pay contract with a ceiling).
    Resultatloen,
    /// Engangsvederlag med mål.
    EngangsvederlagMedMaal,
    /// Engangsvederlag uden mål for særlig indsats.
    SaerligIndsats,
    /// Engangsvederlag uden mål for merarbejde.
    Merarbejde,
}

impl PayForm {
    /// Danish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Resultatloen => "Resultatløn",
            Self::EngangsvederlagMedMaal => "Engangsvederlag med mål",
            Self::SaerligIndsats => "Engangsvederlag uden mål (særlig indsats)",
            Self::Merarbejde => "Engangsvederlag uden mål (merarbejde)",
        }
    }
}

/// A goal of a contract or one-off with goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// Short Danish name.
    pub name: String,
    /// Weight in percent of total attainment.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub weight: Decimal,
    /// Institutional goals are public (offentlighedsloven); personal ones are not. A goal
    /// without a stated scope is personal, so nothing is published that was not marked.
    #[serde(default)]
    pub scope: GoalScope,
    /// Individual or collective (team) goal.
    #[serde(default)]
    pub collective: bool,
    /// The id of the collective goal (003) this goal is: every goal with the same id is
    /// one goal with one attainment, shared by the managers who have it (an edit of its
    /// attainment sets it for all of them; `fælles_maal_uens` when they differ).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<String>,
    /// For a multi-year goal (001): the year at the end of its interval, the only year its
    /// part is paid. `None`: the goal is paid in the session's year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_in: Option<i32>,
    /// Quantitative (measured) or qualitative.
    #[serde(default)]
    pub quantitative: bool,
    /// Attainment in percent, when assessed.
    #[serde(default, deserialize_with = "crate::model::money::file_serde::option")]
    pub attainment: Option<Decimal>,
}

/// Whether a goal comes from the organisation's plan or is personal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GoalScope {
    /// From the institution's mål- og resultatplan (the authority's overall priorities);
    /// may be made public.
    Institutional,
    /// Personal (e.g. the leader's own development and visibility); never public. The
    /// default.
    #[default]
    Personal,
}

/// A discretionary adjustment (skøn), which must be justified in writing (002 §13.8.4–5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Adjustment {
    /// Signed amount added to the formula amount.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub amount: Decimal,
    /// Written, adequate justification.
    #[serde(default)]
    pub justification: String,
    /// Who made it (executive id or name).
    #[serde(default)]
    pub by: String,
}

/// Where a manager is in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, PartialOrd, Ord, Hash)]
pub enum MeetingStatus {
    /// Not yet discussed.
    #[default]
    IkkeDroeftet,
    /// Discussed.
    Droeftet,
    /// Decided.
    Besluttet,
}

impl MeetingStatus {
    /// Danish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::IkkeDroeftet => "Ikke drøftet",
            Self::Droeftet => "Drøftet",
            Self::Besluttet => "Besluttet",
        }
    }

    /// All statuses in meeting order.
    pub const ALL: [Self; 3] = [Self::IkkeDroeftet, Self::Droeftet, Self::Besluttet];
}

impl Manager {
    /// A manager on `level` with everything else empty: resultatløn on a framework
    /// agreement, no goals, scores, proposal or adjustment, not discussed.
    #[must_use]
    pub fn new(id: &str, name: &str, level: &str) -> Self {
        Self {
            id: id.to_string(),
            name: name.to_string(),
            level: level.to_string(),
            unit: String::new(),
            superior: String::new(),
            basis: EmploymentBasis::Rammeaftale,
            pay_grade: String::new(),
            base_salary: Decimal::ZERO,
            total_pay: Decimal::ZERO,
            has_top_supplement: false,
            top_supplement: None,
            contract: None,
            pool_part: super::contract::PoolPart::WithinCeiling,
            top_leader: None,
            pay_forms: vec![PayForm::Resultatloen],
            contract_ceiling: None,
            model_override: None,
            goals: Vec::new(),
            box_scores: BTreeMap::new(),
            overall_rating: None,
            tier: None,
            direct_amount: None,
            proposal: None,
            adjustment: None,
            final_amount: None,
            pension_percent: Decimal::ZERO,
            status: MeetingStatus::IkkeDroeftet,
            locked: false,
            notes: String::new(),
            accepted: Vec::new(),
            views: Vec::new(),
        }
    }

    /// Whether `form` is one of this year's pay forms.
    #[must_use]
    pub fn has_pay_form(&self, form: PayForm) -> bool {
        self.pay_forms.contains(&form)
    }

    /// Whether the manager is the top employed leader of an independent authority (or part
    /// of a municipality's or region's top direktion) on a level of `role`: the manager's
    /// own [`Manager::top_leader`] when stated, otherwise [`super::LevelRole::is_top_management`].
    #[must_use]
    pub fn is_top_leader(&self, role: super::LevelRole) -> bool {
        self.top_leader.unwrap_or_else(|| role.is_top_management())
    }

    /// The view of director `by`, if recorded.
    #[must_use]
    pub fn view_of(&self, by: &str) -> Option<&super::view::View> {
        self.views.iter().find(|v| v.by == by)
    }

    /// The views that are questions (answered or not), in order.
    pub fn questions(&self) -> impl Iterator<Item = &super::view::View> {
        self.views.iter().filter(|v| v.is_question())
    }

    /// Initials of the name ("Anne Marie Holm" → "AMH"), for presentation mode.
    #[must_use]
    pub fn initials(&self) -> String {
        initials_of(&self.name)
    }
}

/// The initials of a name: the first letter of each word, upper case ("Dorte Hjorth" → "DH").
#[must_use]
pub fn initials_of(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
}
