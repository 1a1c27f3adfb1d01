//! Findings: what a rule reports — severity, rule id, manager and a Danish message.

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
    /// Over the cap as % of base salary.
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
                | Self::WeightsNot100
                | Self::PoolExceeded
                | Self::PoolLeft
                | Self::LowDifferentiation
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
            Self::AdjustmentWithoutJustification => "skoen_uden_begrundelse",
            Self::ZeroWithoutJustification => "nul_uden_begrundelse",
            Self::WeightsNot100 => "vaegte_ikke_100",
            Self::MissingAssessment => "mangler_vurdering",
            Self::DropFromLastYear => "fald_fra_sidste_aar",
            Self::PoolExceeded => "pulje_overskredet",
            Self::PoolLeft => "pulje_rest",
            Self::LowDifferentiation => "lav_differentiering",
        }
    }
}

/// One finding of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// Which rule.
    pub rule: RuleId,
    /// The manager concerned (id), if any.
    pub manager: Option<String>,
    /// The second manager of a pair (inversion), if any.
    pub other_manager: Option<String>,
    /// The level concerned (id), for level-wide findings.
    pub level: Option<String>,
    /// Danish message with the numbers (shared: findings are copied on every change).
    pub message: std::sync::Arc<str>,
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
