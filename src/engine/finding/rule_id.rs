//! Which rule produced a finding ([`RuleId`]): whether the group may accept it, and the
//! code an acceptance is stored under.

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
    /// In a prep: the director's managers over her own frame (in place of the pool).
    FrameExceeded,
    /// In a prep: some of the director's own frame left (in place of the pool).
    FrameLeft,
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
                | Self::FrameExceeded
                | Self::FrameLeft
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
            Self::FrameExceeded => "ramme_overskredet",
            Self::FrameLeft => "ramme_rest",
        }
    }
}
