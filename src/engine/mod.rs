//! The calibration engine: pure functions over the session document (no egui, no I/O).
//!
//! [`evaluate`] computes everything the screen and the reports show: each manager's
//! amount with its breakdown, the findings of every rule, the differentiation
//! statistics, the pool, and the band-overlap geometry.

pub mod agenda;
pub mod allocate;
pub mod amounts;
pub mod bands;
pub mod contract;
mod descriptive;
pub mod director_ledger;
pub mod directors;
pub mod disclosure;
pub mod disclosure_order;
pub mod exact_sums;
pub mod finding;
mod finding_order;
pub mod fixed_salary;
pub mod generate;
mod group_rules;
mod incremental;
mod level_sums;
pub mod merge;
pub mod merge_fields;
pub mod merge_report;
pub mod permutation;
pub mod pool_parts;
pub mod prep;
pub mod prep_frame;
pub mod proposal_summary;
pub mod proposals;
pub mod reference;
pub mod reference_combine;
pub mod rng;
pub mod rules;
pub mod shared_goals;
pub mod stats;
pub mod step_aside;
pub mod top_supplement;
pub mod wording;

use rust_decimal::Decimal;

use crate::model::Session;

pub use amounts::{AmountEdit, BreakdownLine, ManagerAmount, round_to_step};
pub use bands::{BandOverlap, Inversion};
pub use rules::{Facts, Finding, RuleId, Severity};
pub use stats::{ChangeVsLast, GroupStats, LevelStats, ManagerMetrics, Stats, change_vs_last};

/// Everything computed from a session, parallel to `session.managers` where per manager.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Each manager's amount, same order as `session.managers`, without the breakdown
    /// (use [`Evaluation::explain`] for one manager's).
    pub amounts: Vec<ManagerAmount>,
    /// Each manager's level as an index into `session.levels` (None if unknown).
    pub level_of: Vec<Option<usize>>,
    /// Per-manager measures (position in band, % of base, change vs last year …).
    pub metrics: Vec<ManagerMetrics>,
    /// The findings of every rule, errors first.
    pub findings: Vec<Finding>,
    /// For each finding (same order): the managers it concerns as indices into
    /// `session.managers` – its own and, for a pair, the other – where the engine knows
    /// them without looking the id up (a manager's own findings, the inversion pairs);
    /// None for the rest, whose `manager` / `other_manager` ids say it.
    pub finding_managers: Vec<[Option<usize>; 2]>,
    /// Differentiation statistics per level and for the whole group.
    pub stats: GroupStats,
    /// The pool: budget, used and left.
    pub pool: PoolStatus,
    /// For each pair of levels whose bands overlap, the overlapping interval.
    pub overlaps: Vec<BandOverlap>,
    /// Managers of a lower level with more than a manager of a higher level.
    pub inversions: Vec<Inversion>,
    /// The per-manager findings, kept so one manager's change re-runs only their rules.
    pub(crate) manager_findings: Vec<Vec<Finding>>,
    /// For each finding (same order): the manager whose own rules made it; None for the
    /// findings about pairs, levels and the pool (`finding_order`).
    pub(crate) finding_from: Vec<Option<usize>>,
    /// The departementschef's total pay incl. this year's amount, that every manager's
    /// finding of that rule was computed against.
    pub(crate) dc_total: Option<Decimal>,
    /// The integer sums behind each level's statistics (index into `session.levels`;
    /// built on the first incremental change, `None` until then or when a value is finer
    /// than the integer units).
    pub(crate) level_sums: Vec<Option<level_sums::LevelSums>>,
    /// The same for the whole group.
    pub(crate) total_sums: Option<level_sums::LevelSums>,
}

/// The pool (budget) and how much of it the amounts use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PoolStatus {
    /// The budget.
    pub pool: Decimal,
    /// Sum of all final amounts.
    pub used: Decimal,
    /// `pool − used` (negative when exceeded).
    pub left: Decimal,
}

impl PoolStatus {
    /// Whether the amounts exceed the pool.
    #[must_use]
    pub fn exceeded(&self) -> bool {
        self.used > self.pool
    }

    /// The used share of the pool in per cent (`used / pool × 100`), None for an empty
    /// pool (or a quotient beyond `Decimal`).
    #[must_use]
    pub fn used_percent(&self) -> Option<Decimal> {
        if self.pool <= Decimal::ZERO {
            return None;
        }
        self.used.checked_div(self.pool)?.checked_mul(Decimal::ONE_HUNDRED)
    }
}

impl Evaluation {
    /// The amount of manager `i` with its breakdown, computed on demand.
    #[must_use]
    pub fn explain(&self, session: &Session, i: usize) -> ManagerAmount {
        match (session.managers.get(i), self.level_of.get(i).copied().flatten()) {
            (Some(m), Some(l)) => amounts::compute_amount(session, m, &session.levels[l]),
            _ => ManagerAmount::default(),
        }
    }
}

/// Computes amounts, findings, statistics, pool and band geometry for a session.
#[must_use]
pub fn evaluate(session: &Session) -> Evaluation {
    let level_of: Vec<Option<usize>> =
        session.managers.iter().map(|m| session.levels.iter().position(|l| l.id == m.level)).collect();
    let amounts: Vec<ManagerAmount> = session
        .managers
        .iter()
        .zip(&level_of)
        .map(|(m, l)| match l {
            Some(l) => amounts::compute_amount_with(session, m, &session.levels[*l], false),
            None => ManagerAmount::default(),
        })
        .collect();
    let used: Decimal = amounts.iter().map(|a| a.amount).sum();
    let total = pool_parts::total_pool(session);
    let pool = PoolStatus { pool: total, used, left: total - used };
    let metrics = stats::manager_metrics(session, &level_of, &amounts);
    let stats = stats::group_stats(session, &level_of, &amounts, &metrics);
    let overlaps = bands::overlaps(session);
    let inversions = bands::inversions(session, &level_of, &amounts);
    let mut eval = Evaluation {
        amounts,
        level_of,
        metrics,
        findings: Vec::new(),
        finding_managers: Vec::new(),
        stats,
        pool,
        overlaps,
        inversions,
        manager_findings: Vec::new(),
        finding_from: Vec::new(),
        dc_total: None,
        level_sums: Vec::new(),
        total_sums: None,
    };
    eval.dc_total = rules::departementschef_total(session, &eval, &rules::departementschef_levels(session));
    eval.manager_findings = rules::all_manager_findings(session, &eval);
    let global = rules::global_findings(session, &eval);
    eval.set_findings(finding_order::order(&eval.manager_findings, global));
    eval
}
