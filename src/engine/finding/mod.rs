//! Findings: what a rule reports — severity, rule, manager and the rule's facts as values
//! (amounts, percentages, indices). No sentences: [`super::wording`] renders a finding in
//! Danish for the screen, the CLI, the documentation and presentation mode.

use rust_decimal::Decimal;

/// How serious a finding is. Ordered errors first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Must be fixed before payout.
    Fejl,
    /// Needs the group's attention.
    Advarsel,
    /// For information.
    Info,
}

impl Severity {
    /// Danish word used in CLI output and on screen: `fejl`, `advarsel`, `info`.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Fejl => "fejl",
            Self::Advarsel => "advarsel",
            Self::Info => "info",
        }
    }
}

/// Which rule produced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// A negative payout.
    NegativeAmount,
    /// Amount outside the level's band.
    OutsideBand,
    /// Fixed-tier level whose amount is not a tier.
    NotATier,
    /// Lower level gets more than higher level while overlap is forbidden.
    Inversion,
    /// Over the cap as % of base salary (001), for the roles and pay forms the policy names.
    OverCap,
    /// Over the resultatløn contract's ceiling at full attainment.
    OverCeiling,
    /// Over the maximum per payment.
    OverMaxPerPayment,
    /// Total pay incl. this year's amount above the departementschef's.
    AboveDepartementschef,
    /// Merarbejde pay to a manager with topcheftillæg.
    MerarbejdeWithTopSupplement,
    /// Topcheftillæg for a manager employed under the rammeaftale.
    TopSupplementUnderRammeaftale,
    /// Resultatløn without goals set in advance or without a ceiling at full attainment
    /// (002 §13.8.3, §13.8.5).
    ResultatloenWithoutGoalsOrFrame,
    /// An amount for a kommunaldirektør or regionsdirektør in a municipality or region
    /// (000 §4.6: not allowed by law).
    MunicipalTopDirectorPaid,
    /// Discretionary adjustment without written justification.
    AdjustmentWithoutJustification,
    /// 0 kr. without justification.
    ZeroWithoutJustification,
    /// Goal weights do not sum to 100 %.
    WeightsNot100,
    /// No scores or attainment.
    MissingAssessment,
    /// Drop from last year beyond the threshold.
    DropFromLastYear,
    /// Pool exceeded.
    PoolExceeded,
    /// Pool left unused.
    PoolLeft,
    /// Low differentiation in a level.
    LowDifferentiation,
    /// Topcheftillæg on a lønramme below 38 (002 §13.6).
    TopSupplementBelowGrade38,
    /// A collective goal whose copies differ in attainment (003).
    SharedGoalDiffers,
    /// Goals changed after the contract period started (001).
    GoalsChangedAfterStart,
    /// A part of the pool exceeded (001).
    PoolPartExceeded,
    /// A savings part without a reference to the documented savings (001).
    SavingsWithoutReference,
}

impl RuleId {
    /// Whether the group may accept a finding of this rule with a written reason (it then
    /// stays in the documentation as accepted). Not for the rules whose remedy *is* a
    /// written justification, nor for legal prohibitions and data errors.
    #[must_use]
    pub fn may_be_accepted(self) -> bool {
        !matches!(
            self,
            Self::NegativeAmount
                | Self::AdjustmentWithoutJustification
                | Self::ZeroWithoutJustification
                | Self::MerarbejdeWithTopSupplement
                | Self::TopSupplementUnderRammeaftale
                | Self::MunicipalTopDirectorPaid
                | Self::WeightsNot100
                | Self::PoolExceeded
                | Self::PoolLeft
                | Self::LowDifferentiation
                | Self::TopSupplementBelowGrade38
                | Self::SharedGoalDiffers
                | Self::PoolPartExceeded
                | Self::SavingsWithoutReference
        )
    }

    /// Stable machine id for JSON output.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::NegativeAmount => "negativt_beloeb",
            Self::OutsideBand => "udenfor_spaend",
            Self::NotATier => "ikke_et_trin",
            Self::Inversion => "inversion",
            Self::OverCap => "over_loft_pct_grundloen",
            Self::OverCeiling => "over_kontraktloft",
            Self::OverMaxPerPayment => "over_maks_pr_udbetaling",
            Self::AboveDepartementschef => "over_departementschef",
            Self::MerarbejdeWithTopSupplement => "merarbejde_topchef",
            Self::TopSupplementUnderRammeaftale => "topcheftillaeg_rammeaftale",
            Self::ResultatloenWithoutGoalsOrFrame => "resultatloen_uden_maal_eller_ramme",
            Self::MunicipalTopDirectorPaid => "kommunal_topdirektoer_vederlag",
            Self::AdjustmentWithoutJustification => "skoen_uden_begrundelse",
            Self::ZeroWithoutJustification => "nul_uden_begrundelse",
            Self::WeightsNot100 => "vaegte_ikke_100",
            Self::MissingAssessment => "mangler_vurdering",
            Self::DropFromLastYear => "fald_fra_sidste_aar",
            Self::PoolExceeded => "pulje_overskredet",
            Self::PoolLeft => "pulje_rest",
            Self::LowDifferentiation => "lav_differentiering",
            Self::TopSupplementBelowGrade38 => "topcheftillaeg_under_lr38",
            Self::SharedGoalDiffers => "faelles_maal_uens",
            Self::GoalsChangedAfterStart => "maal_aendret_efter_start",
            Self::PoolPartExceeded => "puljedel_overskredet",
            Self::SavingsWithoutReference => "besparelse_uden_reference",
        }
    }
}

/// What an assessment lacks (the model decides which input is missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Box-model scores.
    Scores,
    /// Goal attainment.
    Attainment,
    /// The overall rating.
    Rating,
    /// The fixed tier.
    Tier,
    /// The direct amount.
    Amount,
}

/// The facts a rule found, as values. Indices are into the evaluated session's `managers`
/// and `levels`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facts {
    /// The amount is below 0 kr.
    NegativeAmount {
        /// The amount.
        amount: Decimal,
    },
    /// The amount lies outside the level's band.
    OutsideBand {
        /// The amount.
        amount: Decimal,
        /// The level (index).
        level: usize,
        /// Band minimum.
        min: Decimal,
        /// Band maximum.
        max: Decimal,
    },
    /// The amount is not one of the level's tiers.
    NotATier {
        /// The amount.
        amount: Decimal,
        /// The level (index).
        level: usize,
    },
    /// Over the cap in % of base salary.
    OverCap {
        /// The amount.
        amount: Decimal,
        /// The amount in % of base salary, exact (None when the base salary is 0 kr.).
        share_percent: Option<Decimal>,
        /// Base salary.
        base: Decimal,
        /// The cap in %.
        cap_percent: Decimal,
        /// The cap in kr.
        cap: Decimal,
    },
    /// Over the contract's ceiling.
    OverCeiling {
        /// The amount.
        amount: Decimal,
        /// The ceiling.
        ceiling: Decimal,
    },
    /// Over the maximum per payment.
    OverMaxPerPayment {
        /// The amount.
        amount: Decimal,
        /// The maximum.
        max: Decimal,
    },
    /// Total pay incl. the amount above the departementschef's.
    AboveDepartementschef {
        /// The manager's total incl. the amount.
        total: Decimal,
        /// The departementschef's total.
        reference: Decimal,
    },
    /// Merarbejde with topcheftillæg.
    MerarbejdeWithTopSupplement,
    /// Topcheftillæg under the rammeaftale.
    TopSupplementUnderRammeaftale,
    /// Resultatløn lacking goals set in advance and/or a ceiling at full attainment.
    ResultatloenWithoutGoalsOrFrame {
        /// No goals: neither goals of the manager's own nor the box model's criteria.
        no_goals: bool,
        /// No ceiling: neither the contract's ceiling nor the model's frame.
        no_frame: bool,
    },
    /// A kommunaldirektør or regionsdirektør in a municipality or region gets an amount.
    MunicipalTopDirectorPaid {
        /// The amount.
        amount: Decimal,
        /// The level's role (kommunaldirektør or regionsdirektør).
        role: crate::model::LevelRole,
    },
    /// A skøn without justification.
    AdjustmentWithoutJustification {
        /// The skøn.
        adjustment: Decimal,
    },
    /// 0 kr. without justification.
    ZeroWithoutJustification,
    /// Weights do not sum to 100 %.
    WeightsNot100 {
        /// Their sum.
        total: Decimal,
    },
    /// The assessment is incomplete.
    MissingAssessment {
        /// What is missing.
        missing: Missing,
    },
    /// A drop from last year beyond the threshold.
    DropFromLastYear {
        /// The drop in %.
        drop_percent: Decimal,
        /// Last year's amount.
        last: Decimal,
        /// This year's.
        amount: Decimal,
    },
    /// A lower level's manager gets more than a higher level's.
    Inversion {
        /// The lower level's manager (index).
        lower: usize,
        /// Their amount.
        lower_amount: Decimal,
        /// The higher level's manager (index).
        higher: usize,
        /// Their amount.
        higher_amount: Decimal,
    },
    /// Everyone in a level gets the same amount.
    AllIdentical {
        /// The level (index).
        level: usize,
        /// How many.
        n: usize,
        /// The amount.
        amount: Decimal,
    },
    /// A level's coefficient of variation is below the threshold.
    LowVariation {
        /// The level (index).
        level: usize,
        /// The CV in %.
        cv_percent: Decimal,
        /// The threshold in %.
        threshold_percent: Decimal,
    },
    /// The pool is exceeded.
    PoolExceeded {
        /// The pool.
        pool: Decimal,
        /// By how much.
        over: Decimal,
    },
    /// Some of the pool is left.
    PoolLeft {
        /// The pool.
        pool: Decimal,
        /// What is left.
        left: Decimal,
    },
    /// Topcheftillæg on a lønramme below 38.
    TopSupplementBelowGrade38 {
        /// The manager's lønramme.
        grade: u32,
        /// The topcheftillæg per year.
        amount: Decimal,
    },
    /// A collective goal's attainment differs from the first holder's.
    SharedGoalDiffers {
        /// The goal (index into this manager's goals).
        goal: usize,
        /// The first manager holding the goal (index).
        other: usize,
        /// This manager's attainment.
        mine: Option<Decimal>,
        /// The first holder's.
        theirs: Option<Decimal>,
    },
    /// The goal list changed after the contract period started.
    GoalsChangedAfterStart {
        /// The start date, `YYYYMMDD`.
        start: u32,
        /// The date of the last change, `YYYYMMDD`.
        changed: u32,
    },
    /// A part of the pool exceeded.
    PoolPartExceeded {
        /// Which part.
        part: crate::model::PoolPart,
        /// Its budget.
        pool: Decimal,
        /// By how much.
        over: Decimal,
    },
    /// The savings part has no reference to documented savings.
    SavingsWithoutReference,
}

impl Facts {
    /// The rule these facts belong to.
    #[must_use]
    pub fn rule(&self) -> RuleId {
        match self {
            Self::NegativeAmount { .. } => RuleId::NegativeAmount,
            Self::OutsideBand { .. } => RuleId::OutsideBand,
            Self::NotATier { .. } => RuleId::NotATier,
            Self::OverCap { .. } => RuleId::OverCap,
            Self::OverCeiling { .. } => RuleId::OverCeiling,
            Self::OverMaxPerPayment { .. } => RuleId::OverMaxPerPayment,
            Self::AboveDepartementschef { .. } => RuleId::AboveDepartementschef,
            Self::MerarbejdeWithTopSupplement => RuleId::MerarbejdeWithTopSupplement,
            Self::TopSupplementUnderRammeaftale => RuleId::TopSupplementUnderRammeaftale,
            Self::ResultatloenWithoutGoalsOrFrame { .. } => RuleId::ResultatloenWithoutGoalsOrFrame,
            Self::MunicipalTopDirectorPaid { .. } => RuleId::MunicipalTopDirectorPaid,
            Self::AdjustmentWithoutJustification { .. } => RuleId::AdjustmentWithoutJustification,
            Self::ZeroWithoutJustification => RuleId::ZeroWithoutJustification,
            Self::WeightsNot100 { .. } => RuleId::WeightsNot100,
            Self::MissingAssessment { .. } => RuleId::MissingAssessment,
            Self::DropFromLastYear { .. } => RuleId::DropFromLastYear,
            Self::Inversion { .. } => RuleId::Inversion,
            Self::AllIdentical { .. } | Self::LowVariation { .. } => RuleId::LowDifferentiation,
            Self::PoolExceeded { .. } => RuleId::PoolExceeded,
            Self::PoolLeft { .. } => RuleId::PoolLeft,
            Self::TopSupplementBelowGrade38 { .. } => RuleId::TopSupplementBelowGrade38,
            Self::SharedGoalDiffers { .. } => RuleId::SharedGoalDiffers,
            Self::GoalsChangedAfterStart { .. } => RuleId::GoalsChangedAfterStart,
            Self::PoolPartExceeded { .. } => RuleId::PoolPartExceeded,
            Self::SavingsWithoutReference => RuleId::SavingsWithoutReference,
        }
    }
}

/// One finding of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// Which rule (always `facts.rule()`).
    pub rule: RuleId,
    /// The manager concerned (id), if any.
    pub manager: Option<String>,
    /// The second manager of a pair (inversion), if any.
    pub other_manager: Option<String>,
    /// The level concerned (id), for level-wide findings.
    pub level: Option<String>,
    /// What the rule found, as values; [`super::wording::finding_text`] words it.
    pub facts: Facts,
}

impl Finding {
    /// A finding about manager `id`.
    #[must_use]
    pub fn about_manager(severity: Severity, id: &str, facts: Facts) -> Self {
        Self { severity, rule: facts.rule(), manager: Some(id.to_string()), other_manager: None, level: None, facts }
    }

    /// A finding about the whole session (pool) or a level (`level` id).
    #[must_use]
    pub fn general(severity: Severity, level: Option<String>, facts: Facts) -> Self {
        Self { severity, rule: facts.rule(), manager: None, other_manager: None, level, facts }
    }
}

/// The group's acceptance of finding `f` on manager `m` (the finding's own manager), if
/// the rule may be accepted and the manager carries an acceptance for it.
#[must_use]
pub fn acceptance_of<'a>(m: &'a crate::model::Manager, f: &Finding) -> Option<&'a crate::model::AcceptedFinding> {
    if !f.rule.may_be_accepted() || f.manager.as_deref() != Some(m.id.as_str()) {
        return None;
    }
    m.accepted.iter().find(|a| a.rule == f.rule.code())
}
