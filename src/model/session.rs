//! The calibration session: the one document every part of the app works on.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::level::{Level, LevelRole};
use super::log::ChangeEntry;
use super::manager::{Manager, PayForm};

/// The file-format version this program writes and the newest it reads.
pub const CURRENT_VERSION: u32 = 3;

impl Session {
    /// Brings a session read from an older file format up to [`CURRENT_VERSION`]:
    /// version 1 → 2 states each level's role (read once from its name, as version 1 did
    /// on every evaluation) and types the change log (done while reading, see
    /// [`super::log`]); version 2 → 3 makes the superior's proposal the director's own
    /// record (`by` = the manager's superior, who made it in a version-2 file) and turns a
    /// topcheftillæg's yes into the amount of 002 §13.6's table for the lønramme. A current
    /// session is left as it is.
    pub fn migrate(&mut self) {
        if self.version < 2 {
            for level in &mut self.levels {
                if level.role == super::level::LevelRole::Andet {
                    level.role = super::level::LevelRole::from_v1_name(&level.name);
                }
            }
            self.version = 2;
        }
        if self.version < 3 {
            for m in &mut self.managers {
                if let Some(p) = m.proposal.as_mut()
                    && p.by.is_empty()
                {
                    p.by.clone_from(&m.superior);
                }
                // The topcheftillæg was a yes/no: a yes becomes the table's amount for the
                // lønramme (002 §13.6), so the file states what was assumed.
                if m.has_top_supplement && m.top_supplement.is_none() {
                    m.top_supplement =
                        super::pay_grade::lonramme(&m.pay_grade).and_then(super::pay_grade::table_amount);
                }
            }
            self.version = 3;
        }
    }
}

/// A calibration session: organisation, group, levels, policies, managers, history, log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// File-format version; see [`CURRENT_VERSION`].
    pub version: u32,
    /// The organisation whose managers are calibrated.
    pub organisation: Organisation,
    /// The performance year being calibrated.
    pub year: i32,
    /// Stable identity of this session, kept by every copy saved from it and recorded in
    /// the preps made from it, so a prep merges only into its own session. Set when a
    /// session is created (`generate`); empty in files from before it existed, for which
    /// [`Session::id`] derives one from organisation and year.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub session_id: String,
    /// Currency of every amount; always `"DKK"`.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The calibration group (topchefgruppen).
    pub executives: Vec<Executive>,
    /// Manager levels, any order (ordered by `rank` on screen).
    pub levels: Vec<Level>,
    /// The organisation's rules for this round.
    pub policies: Policies,
    /// The managers being calibrated.
    pub managers: Vec<Manager>,
    /// Earlier years' amounts per manager id.
    #[serde(default, deserialize_with = "crate::model::money::file_serde::history")]
    pub history: BTreeMap<String, BTreeMap<i32, Decimal>>,
    /// Every change made in the meeting, oldest first. Append-only.
    #[serde(default)]
    pub change_log: Vec<ChangeEntry>,
    /// Set when this file is a director's offline preparation (a prep file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prep: Option<PrepInfo>,
    /// Other organisations' published statistics to compare with (`engine::reference`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference: Vec<super::reference::ReferenceLink>,
}

/// What makes a session a prep file: for whom, from which session, and the managers as
/// they were when it was made (the base of the three-way merge).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrepInfo {
    /// The executive (id) preparing their direct reports.
    pub executive: String,
    /// Content hash of the source session when the prep was made.
    pub source_hash: String,
    /// The source session's id ([`Session::id`]); empty in preps written before it was
    /// recorded (those are bound by organisation and year only).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_session_id: String,
    /// The source session's revision ([`Session::revision`]) when the prep was made.
    #[serde(default)]
    pub source_revision: usize,
    /// The source session's organisation name.
    pub source_organisation: String,
    /// The source session's year.
    pub source_year: i32,
    /// When the prep file was made (ISO 8601 UTC).
    pub created: String,
    /// The managers as exported, before the director's changes.
    pub base: Vec<Manager>,
}

fn default_currency() -> String {
    "DKK".to_string()
}

/// The organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Name, e.g. "Ministeriet for Digital Forvaltning".
    pub name: String,
    /// Public sector.
    pub sector: Sector,
}

/// The Danish public sectors, which differ in levels and typical amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sector {
    /// The state (staten).
    Stat,
    /// A municipality.
    Kommune,
    /// A region.
    Region,
}

impl Sector {
    /// Danish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Stat => "Staten",
            Self::Kommune => "Kommune",
            Self::Region => "Region",
        }
    }
}

/// A member of the calibration group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Executive {
    /// Stable id used as managers' superior, e.g. `"DEP"`.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Title, e.g. "Departementschef".
    pub title: String,
}

/// The organisation's rules for the round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policies {
    /// The pool (budget) for all amounts in the round.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub pool: Decimal,
    /// Amounts are rounded to a multiple of this step (e.g. 1.000 kr.).
    #[serde(default = "default_step", deserialize_with = "crate::model::money::file_serde::amount")]
    pub rounding_step: Decimal,
    /// Whether a manager of a lower level may get more than one of a higher level.
    #[serde(default)]
    pub bands_may_overlap: bool,
    /// Maximum amount per payment (e.g. set by a municipal finance committee).
    #[serde(default, deserialize_with = "crate::model::money::file_serde::option")]
    pub max_per_payment: Option<Decimal>,
    /// Cap as percent of base salary incl. permanent supplements (001: "resultatløn til
    /// direktører bør maksimalt udgøre 25 % af grundlønnen inklusiv varige tillæg").
    #[serde(default = "default_cap", deserialize_with = "crate::model::money::file_serde::amount")]
    pub cap_percent_of_base: Decimal,
    /// The level roles the cap applies to (default: direktør and departementschef, as 001
    /// says); an organisation may extend it by policy.
    #[serde(default = "default_cap_roles", skip_serializing_if = "is_default_cap_roles")]
    pub cap_roles: Vec<LevelRole>,
    /// The pay forms the cap applies to (default: resultatløn, as 001 says). A manager is
    /// capped when their level's role is in `cap_roles` and any of their pay forms is here.
    #[serde(default = "default_cap_pay_forms", skip_serializing_if = "is_default_cap_pay_forms")]
    pub cap_pay_forms: Vec<PayForm>,
    /// Whether the organisation's policy makes the cap binding: a breach is then a *fejl*;
    /// otherwise (the default) the cap is the guideline's "bør" and a breach an *advarsel*.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cap_binding: bool,
    /// Warn when an amount drops more than this percent from last year.
    #[serde(default = "default_drop", deserialize_with = "crate::model::money::file_serde::amount")]
    pub drop_warning_percent: Decimal,
    /// Warn when a level's coefficient of variation is below this percent.
    #[serde(default = "default_low_cv", deserialize_with = "crate::model::money::file_serde::amount")]
    pub low_differentiation_cv_percent: Decimal,
    /// The departementschef's total pay incl. this year's amount, as a session fact (002
    /// §13.4: his or her pay is not set by the group he or she chairs). When None, the
    /// lowest total among calibrated managers on a departementschef level is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departementschef_total_pay: Option<Decimal>,
    /// The part of the pool outside the lønsumsloft, financed by documented savings (001);
    /// `pool` is then the part within the lowest ceiling. See `engine::pool_parts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub savings_pool: Option<super::contract::SavingsPool>,
    /// The letter template HR has edited (an HTML file with `{{ navn }}`-style
    /// placeholders), as a path relative to the session file; `None` uses the built-in
    /// template (`assets/letter_template.html`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_template: Option<String>,
    /// A budget per director (executive id): the frame a director's prep is judged and
    /// fitted against instead of her managers' last-year sum (`engine::prep_frame`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::model::money::file_serde::amount_map"
    )]
    pub director_budgets: BTreeMap<String, Decimal>,
}

fn default_step() -> Decimal {
    Decimal::from(1_000)
}
fn default_cap() -> Decimal {
    Decimal::from(25)
}
fn default_cap_roles() -> Vec<LevelRole> {
    vec![LevelRole::Direktoer, LevelRole::Departementschef]
}
fn is_default_cap_roles(roles: &[LevelRole]) -> bool {
    roles == default_cap_roles().as_slice()
}
fn default_cap_pay_forms() -> Vec<PayForm> {
    vec![PayForm::Resultatloen]
}
fn is_default_cap_pay_forms(forms: &[PayForm]) -> bool {
    forms == default_cap_pay_forms().as_slice()
}
fn default_drop() -> Decimal {
    Decimal::from(20)
}
fn default_low_cv() -> Decimal {
    Decimal::from(5)
}

impl Default for Policies {
    fn default() -> Self {
        Self {
            pool: Decimal::ZERO,
            rounding_step: default_step(),
            bands_may_overlap: false,
            max_per_payment: None,
            cap_percent_of_base: default_cap(),
            cap_roles: default_cap_roles(),
            cap_pay_forms: default_cap_pay_forms(),
            cap_binding: false,
            drop_warning_percent: default_drop(),
            low_differentiation_cv_percent: default_low_cv(),
            departementschef_total_pay: None,
            savings_pool: None,
            letter_template: None,
            director_budgets: BTreeMap::new(),
        }
    }
}

impl Session {
    /// The session's identity: the stored [`Session::session_id`], or for a file from
    /// before ids existed one derived from organisation and year (`"Navn/2026"`).
    #[must_use]
    pub fn id(&self) -> String {
        if self.session_id.is_empty() {
            format!("{}/{}", self.organisation.name, self.year)
        } else {
            self.session_id.clone()
        }
    }

    /// The session's revision: the number of entries in its append-only change log.
    #[must_use]
    pub fn revision(&self) -> usize {
        self.change_log.len()
    }

    /// The level with this id.
    #[must_use]
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// The executive with this id.
    #[must_use]
    pub fn executive(&self, id: &str) -> Option<&Executive> {
        self.executives.iter().find(|e| e.id == id)
    }

    /// Index of the manager with this id.
    #[must_use]
    pub fn manager_index(&self, id: &str) -> Option<usize> {
        self.managers.iter().position(|m| m.id == id)
    }

    /// Manager indices in agenda order: highest level first (an unknown level last), then
    /// unit, then name, both in Danish alphabetical order.
    #[must_use]
    pub fn agenda_order(&self) -> Vec<usize> {
        use super::collate::danish_ranks;
        let names = danish_ranks(self.managers.iter().map(|m| m.name.as_str()));
        let units = danish_ranks(self.managers.iter().map(|m| m.unit.as_str()));
        self.agenda_order_by(&names, &units)
    }

    /// [`Self::agenda_order`] given each manager's name and unit rank
    /// ([`super::collate::danish_ranks`]), for callers that keep those ranks anyway.
    #[must_use]
    pub fn agenda_order_by(&self, name_rank: &[usize], unit_rank: &[usize]) -> Vec<usize> {
        let level_rank: Vec<i64> =
            self.managers.iter().map(|m| self.level(&m.level).map_or(i64::MIN, |l| i64::from(l.rank))).collect();
        let mut order: Vec<usize> = (0..self.managers.len()).collect();
        order
            .sort_by_key(|&i| (std::cmp::Reverse(level_rank[i]), unit_rank.get(i).copied(), name_rank.get(i).copied()));
        order
    }

    /// Indices of levels ordered by rank, lowest first.
    #[must_use]
    pub fn levels_by_rank(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.levels.len()).collect();
        order.sort_by_key(|&i| (self.levels[i].rank, self.levels[i].name.clone()));
        order
    }

    /// Last year's amount of a manager, if recorded.
    #[must_use]
    pub fn last_year_amount(&self, manager_id: &str) -> Option<Decimal> {
        self.history.get(manager_id)?.get(&(self.year - 1)).copied()
    }
}

impl Session {
    /// A session with this one's policies and levels but no managers, history or log: what
    /// computing one manager's amount needs, cheap to keep in a log closure.
    #[must_use]
    pub fn clone_policies_and_levels(&self) -> Session {
        Session {
            version: self.version,
            organisation: self.organisation.clone(),
            year: self.year,
            currency: self.currency.clone(),
            executives: Vec::new(),
            levels: self.levels.clone(),
            policies: self.policies.clone(),
            managers: Vec::new(),
            history: BTreeMap::new(),
            change_log: Vec::new(),
            prep: None,
            reference: Vec::new(),
            session_id: self.session_id.clone(),
        }
    }
}
