//! What a rule found, as values ([`Facts`]): amounts, percentages, indices – never
//! sentences – and the rule they belong to.

use rust_decimal::Decimal;

use super::{Missing, RuleId};

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
    /// In a director's prep: her managers' sum over her own frame.
    FrameExceeded {
        /// The frame's reference (director budget or last year's sum).
        reference: Decimal,
        /// By how much.
        over: Decimal,
        /// Whether the reference is a director budget (else last year's sum).
        budget: bool,
    },
    /// In a director's prep: some of her frame is left.
    FrameLeft {
        /// The frame's reference.
        reference: Decimal,
        /// What is left.
        left: Decimal,
        /// Whether the reference is a director budget (else last year's sum).
        budget: bool,
    },
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
            Self::FrameExceeded { .. } => RuleId::FrameExceeded,
            Self::FrameLeft { .. } => RuleId::FrameLeft,
        }
    }
}
