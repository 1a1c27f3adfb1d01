//! Manager levels, their bands and the amount models an organisation uses.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A manager level (Kontorchef, Afdelingschef, …) with its band and amount model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Stable id used by managers, e.g. `"KC"`.
    pub id: String,
    /// Danish name shown on screen, e.g. `"Kontorchef"`.
    pub name: String,
    /// Ordering from low (1) to high; inversions are judged on it.
    pub rank: u8,
    /// What the level is in the hierarchy. Rules read this, never the level's name.
    #[serde(default)]
    pub role: LevelRole,
    /// The band (spænd) every amount of this level should fall inside.
    pub band: Band,
    /// Fixed tiers (faste beløb); empty when the level has none.
    #[serde(default, deserialize_with = "crate::model::money::file_serde::list")]
    pub tiers: Vec<Decimal>,
    /// An optional target amount (e.g. the mean the group aims at).
    #[serde(default, deserialize_with = "crate::model::money::file_serde::option")]
    pub target: Option<Decimal>,
    /// How the formula amount of a manager at this level is computed.
    pub model: AmountModel,
}

/// The role of a level in the state's hierarchy (002), explicit in the file so that a level
/// named "Topchef" or "Departementschef (konst.)" means what its role says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LevelRole {
    /// Kontorchef (lønramme 35–37).
    Kontorchef,
    /// Vicedirektør / afdelingschef (37–39).
    Afdelingschef,
    /// Styrelsesdirektør / direktør (38–40+).
    Direktoer,
    /// Departementschef (41–42+): nobody in the ministry area may have a higher total pay.
    Departementschef,
    /// Kommunaldirektør: the top employed leader of a municipality, who by law cannot
    /// receive resultatløn or engangsvederlag (000 §4.6).
    Kommunaldirektoer,
    /// Regionsdirektør: the top employed leader of a region, who by law cannot receive
    /// resultatløn or engangsvederlag (000 §4.6).
    Regionsdirektoer,
    /// Any other level (municipal and regional levels, special posts).
    #[default]
    Andet,
}

impl LevelRole {
    /// Danish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Kontorchef => "Kontorchef",
            Self::Afdelingschef => "Afdelingschef",
            Self::Direktoer => "Direktør",
            Self::Departementschef => "Departementschef",
            Self::Kommunaldirektoer => "Kommunaldirektør",
            Self::Regionsdirektoer => "Regionsdirektør",
            Self::Andet => "Andet",
        }
    }

    /// Whether a manager on a level of this role is, unless the manager says otherwise
    /// (`Manager::top_leader`), the top employed leader of an independent authority or
    /// part of a municipality's or region's top direktion, whose resultatløn contract the
    /// public may see (001, offentlighedsloven): departementschef, direktør
    /// (styrelsesdirektør; in a municipality or region a member of the direktion),
    /// kommunaldirektør and regionsdirektør.
    #[must_use]
    pub fn is_top_management(self) -> bool {
        matches!(self, Self::Departementschef | Self::Direktoer | Self::Kommunaldirektoer | Self::Regionsdirektoer)
    }

    /// Whether the role is a municipality's or region's top director, who by law cannot
    /// receive resultatløn or engangsvederlag (000 §4.6).
    #[must_use]
    pub fn is_municipal_top_director(self) -> bool {
        matches!(self, Self::Kommunaldirektoer | Self::Regionsdirektoer)
    }

    /// The role a version-1 file meant by a level name (used once, when such a file is
    /// migrated; version 2 files state the role).
    #[must_use]
    pub fn from_v1_name(name: &str) -> Self {
        let n = name.to_lowercase();
        if n.contains("departementschef") {
            Self::Departementschef
        } else if n.contains("kommunaldirektør") {
            Self::Kommunaldirektoer
        } else if n.contains("regionsdirektør") {
            Self::Regionsdirektoer
        } else if n.contains("afdelingschef") || n.contains("vicedirektør") {
            Self::Afdelingschef
        } else if n.contains("direktør") {
            Self::Direktoer
        } else if n.contains("kontorchef") {
            Self::Kontorchef
        } else {
            Self::Andet
        }
    }
}

/// A closed kr. interval `[min, max]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    /// Lowest amount of the band.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub min: Decimal,
    /// Highest amount of the band.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub max: Decimal,
}

impl Band {
    /// Whether `amount` lies inside the band (both ends included).
    #[must_use]
    pub fn contains(&self, amount: Decimal) -> bool {
        amount >= self.min && amount <= self.max
    }

    /// Width of the band in kr.
    #[must_use]
    pub fn width(&self) -> Decimal {
        self.max - self.min
    }
}

/// The amount models of DOMAIN.md "How amounts are set".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AmountModel {
    /// The box model: criteria each worth a fixed amount, scored on a 1–6 scale.
    Box(BoxModel),
    /// Resultatløn: frame × Σ weight × attainment over the manager's goals.
    /// `frame` is the default ceiling at full attainment; a manager's own
    /// `contract_ceiling` takes precedence.
    WeightedGoals {
        /// Amount paid at 100 % weighted attainment.
        #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
        frame: Decimal,
    },
    /// Position in the level's band from an overall rating on the scale:
    /// amount = min + scale % × (max − min).
    BandPosition {
        /// The rating scale (default: the seed's 1–6 scale).
        #[serde(default = "Scale::seed")]
        scale: Scale,
    },
    /// One of the level's fixed tiers, chosen per manager (`tier`).
    FixedTiers,
    /// The amount is set directly per manager (`direct_amount`).
    Direct,
}

impl AmountModel {
    /// Danish name of the model for screens and documentation.
    #[must_use]
    pub fn name_da(&self) -> &'static str {
        match self {
            Self::Box(_) => "Boksmodel",
            Self::WeightedGoals { .. } => "Vægtede mål × ramme",
            Self::BandPosition { .. } => "Placering i spænd",
            Self::FixedTiers => "Faste trin",
            Self::Direct => "Direkte beløb",
        }
    }
}

/// The box model: criteria and the scale they are scored on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoxModel {
    /// The criteria, in the order they are shown.
    pub criteria: Vec<Criterion>,
    /// The scoring scale (default: the seed's 1–6 scale).
    #[serde(default = "Scale::seed")]
    pub scale: Scale,
}

impl BoxModel {
    /// The seed's model (000 §3.3.9): Faglighed og kvalitet 20.000, Kompleksitet og
    /// risiko 20.000, and Ledelse og kompetenceudvikling split into Trivsel 10.000,
    /// Handlekraft 10.000 and Kompetenceudvikling 5.000 kr.
    #[must_use]
    pub fn seed() -> Self {
        let c = |id: &str, name: &str, amount: i64, group: Option<&str>| Criterion {
            id: id.to_string(),
            name: name.to_string(),
            amount: Decimal::from(amount),
            group: group.map(str::to_string),
        };
        let lead = Some("Ledelse og kompetenceudvikling");
        Self {
            criteria: vec![
                c("faglighed", "Faglighed og kvalitet", 20_000, None),
                c("kompleksitet", "Kompleksitet og risiko", 20_000, None),
                c("trivsel", "Trivsel", 10_000, lead),
                c("handlekraft", "Handlekraft", 10_000, lead),
                c("kompetence", "Kompetenceudvikling", 5_000, lead),
            ],
            scale: Scale::seed(),
        }
    }

    /// The largest amount the model can pay (every criterion at the top score).
    #[must_use]
    pub fn max_amount(&self) -> Decimal {
        let top = self.scale.steps.iter().map(|s| s.percent).max().unwrap_or_default();
        self.criteria.iter().map(|c| c.amount * top / Decimal::ONE_HUNDRED).sum()
    }
}

/// One criterion of the box model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable id used in managers' scores.
    pub id: String,
    /// Danish name.
    pub name: String,
    /// Amount paid at 100 %.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub amount: Decimal,
    /// Optional group the criterion belongs to (e.g. "Ledelse og kompetenceudvikling").
    #[serde(default)]
    pub group: Option<String>,
}

/// A scoring scale: score → label and percentage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    /// The steps, best first.
    pub steps: Vec<ScaleStep>,
}

impl Scale {
    /// The seed's scale: 1 Enestående 100 % … 6 Uacceptabelt 0 %.
    #[must_use]
    pub fn seed() -> Self {
        let labels = [
            "Enestående",
            "Fremragende",
            "God præstation over niveau",
            "God præstation",
            "God præstation med plads til forbedring",
            "Uacceptabelt",
        ];
        Self {
            steps: labels
                .iter()
                .zip(1u8..)
                .map(|(label, score)| ScaleStep {
                    score,
                    label: (*label).to_string(),
                    percent: Decimal::from(100 - 20 * (i64::from(score) - 1)),
                })
                .collect(),
        }
    }

    /// The step of a score, if the scale has it.
    #[must_use]
    pub fn step(&self, score: u8) -> Option<&ScaleStep> {
        self.steps.iter().find(|s| s.score == score)
    }
}

/// One step of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleStep {
    /// The score (1 = best).
    pub score: u8,
    /// Danish label.
    pub label: String,
    /// Share of the criterion amount paid, in percent.
    #[serde(deserialize_with = "crate::model::money::file_serde::amount")]
    pub percent: Decimal,
}
