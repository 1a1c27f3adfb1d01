//! Amounts: the formula of each model, the discretionary adjustment, and rounding.
//!
//! Rounding rule: the formula amount plus the adjustment is rounded to the nearest
//! multiple of the session's rounding step, halves away from zero
//! (with a 1.000 kr. step: 36.500 → 37.000, 36.499 → 36.000, −500 → −1.000).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::money::{format_kr, format_number};
use crate::model::{AmountModel, BoxModel, Level, Manager, Scale, Session};

/// How one manager's amount came about.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ManagerAmount {
    /// The model's amount before discretion and rounding.
    pub formula: Decimal,
    /// The discretionary adjustment (0 when none).
    pub adjustment: Decimal,
    /// The final amount: formula + adjustment, rounded to the step.
    pub amount: Decimal,
    /// The lines that explain the amount, in order.
    pub breakdown: Vec<BreakdownLine>,
    /// Whether the model had everything it needs (scores, attainment, tier, amount).
    pub complete: bool,
}

/// One line of an amount's breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownLine {
    /// The kr. this line contributes.
    pub amount: Decimal,
    /// Danish explanation, e.g. "80 % × 20.000 Faglighed og kvalitet (score 2 Fremragende)".
    pub text: String,
}

impl BreakdownLine {
    /// The line as one Danish sentence: "16.000 = 80 % × 20.000 Faglighed og kvalitet".
    #[must_use]
    pub fn describe(&self) -> String {
        format!("{} = {}", format_number(self.amount), self.text)
    }
}

/// Rounds to the nearest multiple of `step`, halves away from zero; a step ≤ 0 leaves
/// the amount to whole kroner.
#[must_use]
pub fn round_to_step(amount: Decimal, step: Decimal) -> Decimal {
    if step <= Decimal::ZERO {
        return amount.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    }
    (amount / step).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero) * step
}

/// The model that applies to a manager: their override, else their level's.
#[must_use]
pub fn model_of<'a>(manager: &'a Manager, level: &'a Level) -> &'a AmountModel {
    manager.model_override.as_ref().unwrap_or(&level.model)
}

/// The breakdown being collected; when not explaining, lines are never formatted
/// (the full recompute of 20,000 managers skips every string).
pub struct Lines {
    explain: bool,
    lines: Vec<BreakdownLine>,
}

impl Lines {
    fn new(explain: bool) -> Self {
        Self { explain, lines: Vec::new() }
    }

    fn push(&mut self, line: impl FnOnce() -> BreakdownLine) {
        if self.explain {
            self.lines.push(line());
        }
    }
}

/// Computes a manager's amount with its breakdown.
#[must_use]
pub fn compute_amount(session: &Session, manager: &Manager, level: &Level) -> ManagerAmount {
    compute_amount_with(session, manager, level, true)
}

/// Computes a manager's amount; the breakdown only when `explain` (it costs string
/// formatting, which a full recompute does not need).
#[must_use]
pub fn compute_amount_with(session: &Session, manager: &Manager, level: &Level, explain: bool) -> ManagerAmount {
    let mut lines = Lines::new(explain);
    let (formula, complete) = formula_amount(manager, level, session.year, &mut lines);
    let direct = matches!(model_of(manager, level), AmountModel::Direct);
    let formula = pro_rated(manager, formula, direct, &mut lines);
    let adjustment = manager.adjustment.as_ref().map_or(Decimal::ZERO, |a| a.amount);
    if !adjustment.is_zero() {
        let why = manager
            .adjustment
            .as_ref()
            .map(|a| a.justification.trim())
            .filter(|j| !j.is_empty())
            .unwrap_or("(ingen begrundelse)");
        lines.push(|| BreakdownLine { amount: adjustment, text: format!("skøn: {why}") });
    }
    let raw = formula + adjustment;
    let amount = round_to_step(raw, session.policies.rounding_step);
    if amount != raw {
        lines.push(|| BreakdownLine {
            amount: amount - raw,
            text: format!("afrunding til nærmeste {}", format_kr(session.policies.rounding_step)),
        });
    }
    ManagerAmount { formula, adjustment, amount, breakdown: lines.lines, complete }
}

/// The formula amount of the model, pushing one breakdown line per term.
/// Returns the amount and whether every input was present.
fn formula_amount(manager: &Manager, level: &Level, year: i32, lines: &mut Lines) -> (Decimal, bool) {
    match model_of(manager, level) {
        AmountModel::Box(model) => box_amount(manager, model, lines),
        AmountModel::WeightedGoals { frame } => weighted_goals_amount(manager, *frame, year, lines),
        AmountModel::BandPosition { scale } => band_position_amount(manager, level, scale, lines),
        AmountModel::FixedTiers => match manager.tier.and_then(|t| level.tiers.get(t).map(|a| (t, *a))) {
            Some((t, amount)) => {
                lines.push(|| BreakdownLine { amount, text: format!("trin {} af {}", t + 1, level.tiers.len()) });
                (amount, true)
            }
            None => missing(lines, "intet trin valgt"),
        },
        AmountModel::Direct => match manager.direct_amount {
            Some(amount) => {
                lines.push(|| BreakdownLine { amount, text: "beløb fastsat direkte".to_string() });
                (amount, true)
            }
            None => missing(lines, "intet beløb fastsat"),
        },
    }
}

/// The formula amount pro-rated by the share of the contract period paid (001: absence
/// or leaving within the period), with a breakdown line stating the fraction and why.
fn pro_rated(manager: &Manager, formula: Decimal, direct: bool, lines: &mut Lines) -> Decimal {
    let share = super::contract::paid_share(manager);
    // A directly set amount is the amount; only a formula is pro-rated.
    if share == Decimal::ONE_HUNDRED || direct {
        return formula;
    }
    let Some(part) = formula.checked_mul(share).and_then(|x| x.checked_div(Decimal::ONE_HUNDRED)) else {
        return formula;
    };
    lines.push(|| {
        let why = manager.contract.as_ref().map(|c| c.share_reason.trim()).filter(|r| !r.is_empty());
        BreakdownLine {
            amount: part - formula,
            text: format!(
                "forholdsmæssigt: {} % af kontraktperioden{}",
                share.normalize(),
                why.map_or_else(String::new, |w| format!(" ({w})"))
            ),
        }
    });
    part
}

/// A zero line for a missing input; the amount is incomplete.
fn missing(lines: &mut Lines, text: &str) -> (Decimal, bool) {
    lines.push(|| BreakdownLine { amount: Decimal::ZERO, text: text.to_string() });
    (Decimal::ZERO, false)
}

/// Box model: Σ criterion amount × the score's percentage.
fn box_amount(manager: &Manager, model: &BoxModel, lines: &mut Lines) -> (Decimal, bool) {
    let mut sum = Decimal::ZERO;
    let mut complete = true;
    for criterion in &model.criteria {
        let step = manager.box_scores.get(&criterion.id).and_then(|s| model.scale.step(*s));
        let Some(step) = step else {
            complete = false;
            lines.push(|| BreakdownLine {
                amount: Decimal::ZERO,
                text: format!("ingen score × {} {}", format_number(criterion.amount), criterion.name),
            });
            continue;
        };
        let part = criterion.amount * step.percent / Decimal::ONE_HUNDRED;
        sum += part;
        lines.push(|| BreakdownLine {
            amount: part,
            text: format!(
                "{} % × {} {} (score {} {})",
                step.percent.normalize(),
                format_number(criterion.amount),
                criterion.name,
                step.score,
                step.label
            ),
        });
    }
    (sum, complete && !model.criteria.is_empty())
}

/// The frame a weighted-goals amount is computed from and capped at: the manager's
/// contract ceiling when the contract states one, else the level's frame.
#[must_use]
pub fn frame_of(manager: &Manager, level_frame: Decimal) -> Decimal {
    manager.contract_ceiling.unwrap_or(level_frame)
}

/// Σ weight × attainment in percent over the manager's goals; None while a goal is not
/// assessed (or there are none).
#[must_use]
pub fn weighted_attainment(manager: &Manager) -> Option<Decimal> {
    if manager.goals.is_empty() {
        return None;
    }
    manager.goals.iter().try_fold(Decimal::ZERO, |sum, g| Some(sum + g.weight * g.attainment? / Decimal::ONE_HUNDRED))
}

/// Weighted goals: frame (or the contract's ceiling) × Σ weight × attainment, never above
/// the frame (or the contract's ceiling).
fn weighted_goals_amount(manager: &Manager, frame: Decimal, year: i32, lines: &mut Lines) -> (Decimal, bool) {
    let hundred = Decimal::ONE_HUNDRED;
    let frame = frame_of(manager, frame);
    let mut sum = Decimal::ZERO;
    let mut complete = !manager.goals.is_empty();
    for goal in &manager.goals {
        let Some(att) = goal.attainment else {
            complete = false;
            lines.push(|| BreakdownLine {
                amount: Decimal::ZERO,
                text: format!("{} % vægt × ikke vurderet: {}", goal.weight.normalize(), goal.name),
            });
            continue;
        };
        if !super::contract::goal_paid_in(goal, year) {
            lines.push(|| BreakdownLine {
                amount: Decimal::ZERO,
                text: format!(
                    "{} % vægt: flerårigt mål, udbetales ved intervallets slutning {}: {}",
                    goal.weight.normalize(),
                    goal.paid_in.unwrap_or(year),
                    goal.name
                ),
            });
            continue;
        }
        let part = frame * goal.weight / hundred * att / hundred;
        sum += part;
        lines.push(|| BreakdownLine {
            amount: part,
            text: format!(
                "{} % vægt × {} % opfyldt × ramme {}: {}",
                goal.weight.normalize(),
                att.normalize(),
                format_number(frame),
                goal.name
            ),
        });
    }
    // Attainment above 100 % never pays above the frame (the contract's ceiling at full
    // attainment, 002 §13.8.5): a higher ceiling must be written into the contract.
    if sum > frame {
        let cut = frame - sum;
        lines.push(|| BreakdownLine {
            amount: cut,
            text: format!("begrænset til loftet ved fuld målopfyldelse {}", format_number(frame)),
        });
        sum = frame;
    }
    (sum, complete)
}

/// Band position: band min + the rating's percentage × the band's width.
fn band_position_amount(manager: &Manager, level: &Level, scale: &Scale, lines: &mut Lines) -> (Decimal, bool) {
    let Some(step) = manager.overall_rating.and_then(|r| scale.step(r)) else {
        return missing(lines, "ingen samlet vurdering");
    };
    let amount = level.band.min + level.band.width() * step.percent / Decimal::ONE_HUNDRED;
    lines.push(|| BreakdownLine {
        amount,
        text: format!(
            "{} + {} % × spændets bredde {} (samlet vurdering {} {})",
            format_number(level.band.min),
            step.percent.normalize(),
            format_number(level.band.width()),
            step.score,
            step.label
        ),
    });
    (amount, true)
}

/// How to make a manager's amount equal `target` (already on the step): for the direct
/// model set the direct amount; otherwise set the discretionary adjustment to
/// `target − formula`, which then needs a written justification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountEdit {
    /// Set `Manager::direct_amount`.
    Direct(Decimal),
    /// Set the adjustment amount (0 removes it).
    Adjustment(Decimal),
}

/// The edit that gives `manager` the final amount `target`: the target is first put on
/// the session's rounding step and raised to 0 kr. (an amount is never negative); for the
/// direct model it becomes the direct amount, otherwise the skøn `target − formula`.
#[must_use]
pub fn edit_for_target(session: &Session, manager: &Manager, level: &Level, target: Decimal) -> AmountEdit {
    let target = round_to_step(target.max(Decimal::ZERO), session.policies.rounding_step);
    if matches!(model_of(manager, level), AmountModel::Direct) {
        return AmountEdit::Direct(target);
    }
    AmountEdit::Adjustment(target - formula_only(session, manager, level))
}

/// Computes the formula amount alone, pro-rated (no adjustment, no rounding).
#[must_use]
pub fn formula_only(session: &Session, manager: &Manager, level: &Level) -> Decimal {
    let mut scratch = Lines::new(false);
    let (formula, _) = formula_amount(manager, level, session.year, &mut scratch);
    pro_rated(manager, formula, matches!(model_of(manager, level), AmountModel::Direct), &mut scratch)
}

/// Whether a typed amount probably meant thousands of kroner ("80" for 80.000 kr.): the
/// typed amount is positive and either below the rounding step (it would round to
/// 0 kr.) or below a tenth of the lowest amount of the manager's band. Returns the amount
/// in thousands to offer instead, or None when the amount is to be taken as typed.
#[must_use]
pub fn probable_thousands(typed: Decimal, step: Decimal, band_min: Option<Decimal>) -> Option<Decimal> {
    if typed <= Decimal::ZERO {
        return None;
    }
    let below_step = step > Decimal::ZERO && typed < step;
    let far_below_band =
        band_min.is_some_and(|min| min > Decimal::ZERO && typed.checked_mul(Decimal::TEN).is_some_and(|t| t < min));
    if !(below_step || far_below_band) {
        return None;
    }
    typed.checked_mul(Decimal::ONE_THOUSAND)
}

#[cfg(test)]
mod thousands_tests {
    use super::probable_thousands;
    use rust_decimal::Decimal;

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn a_small_number_below_the_band_is_probably_thousands() {
        // Band 30.000–50.000, step 1.000: "80" is below the step → 80.000 kr.?
        assert_eq!(probable_thousands(d(80), d(1_000), Some(d(30_000))), Some(d(80_000)));
        // "45,5" → 45.500 kr.?
        assert_eq!(probable_thousands(Decimal::new(455, 1), d(1_000), Some(d(30_000))), Some(d(45_500)));
        // Above the step but under a tenth of the band's minimum (2.999 < 3.000).
        assert_eq!(probable_thousands(d(2_999), d(1_000), Some(d(30_000))), Some(d(2_999_000)));
        // With a 1 kr. step only the band says so: 80 < 3.000.
        assert_eq!(probable_thousands(d(80), d(1), Some(d(30_000))), Some(d(80_000)));
        // Below the step with no level known.
        assert_eq!(probable_thousands(d(80), d(1_000), None), Some(d(80_000)));
    }

    proptest::proptest! {
        /// Whole kroner: below the step or below a tenth of the band's minimum is a
        /// question offering exactly a thousand times the amount; anything else is taken.
        #[test]
        fn thousands_are_offered_exactly_when_the_amount_is_implausibly_small(
            typed in 1_i64..200_000, step in prop_oneof_steps(), min in 0_i64..500_000,
        ) {
            let offered = probable_thousands(d(typed), d(step), Some(d(min)));
            let small = typed < step || typed * 10 < min;
            proptest::prop_assert_eq!(offered, small.then(|| d(typed * 1_000)));
        }
    }

    fn prop_oneof_steps() -> impl proptest::strategy::Strategy<Value = i64> {
        proptest::prop_oneof![
            proptest::strategy::Just(1_i64),
            proptest::strategy::Just(100),
            proptest::strategy::Just(1_000)
        ]
    }

    #[test]
    fn plausible_amounts_zero_and_negatives_are_taken_as_typed() {
        assert_eq!(probable_thousands(d(3_000), d(1_000), Some(d(30_000))), None, "a tenth of the band is plausible");
        assert_eq!(probable_thousands(d(25_000), d(1_000), Some(d(30_000))), None, "just below the band");
        assert_eq!(probable_thousands(d(45_000), d(1_000), Some(d(30_000))), None);
        assert_eq!(probable_thousands(d(0), d(1_000), Some(d(30_000))), None, "0 kr. means 0 kr.");
        assert_eq!(probable_thousands(d(-5), d(1_000), Some(d(30_000))), None);
        assert_eq!(probable_thousands(d(80), d(1), None), None, "no step and no band: nothing to compare");
        assert_eq!(probable_thousands(d(80), d(1), Some(d(0))), None, "a band from 0 kr.");
        assert_eq!(probable_thousands(Decimal::MAX, d(1_000), None), None, "no overflow");
    }
}
