//! The shared kr. axis of the band lanes: amount ↔ pixel mapping and snapping.
//!
//! Floats are used only for drawing; the amount a drag produces is snapped to the
//! session's rounding step as a `Decimal`.

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use crate::engine::{Evaluation, round_to_step};
use crate::model::Session;

/// An amount as `f64`, for drawing only: its mantissa over a power of ten, within a unit
/// in the last place or two (`Decimal::to_f64` is exact to the last bit and costs about
/// 20 ns for an amount with decimals, which 20,000 dots per change feel).
fn to_f64(amount: Decimal) -> f64 {
    const POW10: [f64; 29] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28,
    ];
    let scale = POW10.get(amount.scale() as usize).copied().unwrap_or(1e28);
    amount.mantissa() as f64 / scale
}

/// A horizontal kr. axis from `min` to `max` drawn between `left` and `right` (points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KrAxis {
    /// Amount at `left`.
    pub min: Decimal,
    /// Amount at `right`.
    pub max: Decimal,
    /// Left edge, points.
    pub left: f32,
    /// Right edge, points.
    pub right: f32,
}

impl KrAxis {
    /// An axis covering every band and every amount, padded and rounded out to 10.000 kr.
    #[must_use]
    pub fn fit(session: &Session, eval: &Evaluation, left: f32, right: f32) -> Self {
        let bands = session.levels.iter().flat_map(|l| [l.band.min, l.band.max]);
        // Every amount lies between the group's minimum and maximum (the engine keeps them
        // per change; a state-wide session need not be scanned again for each frame's axis).
        let total = &eval.stats.total.stats;
        let amounts = (total.n > 0).then_some([total.min, total.max]).into_iter().flatten();
        Self::spanning(bands.chain(amounts), Decimal::from(10_000), left, right)
    }

    /// The axis of one zoomed level: its band, its amounts and `more` (last year's
    /// amounts, a proposal's), padded and rounded out to 1.000 kr. (5.000 kr. for a
    /// span over 100.000 kr.).
    #[must_use]
    pub fn fit_level(
        session: &Session,
        eval: &Evaluation,
        level: usize,
        more: impl Iterator<Item = Decimal>,
        left: f32,
        right: f32,
    ) -> Self {
        let band = session.levels.get(level).map(|l| [l.band.min, l.band.max]).unwrap_or_default();
        let amounts =
            (0..eval.amounts.len()).filter(|&i| eval.level_of[i] == Some(level)).map(|i| eval.amounts[i].amount);
        let values: Vec<Decimal> = band.into_iter().chain(amounts).chain(more).collect();
        let span = values.iter().max().copied().unwrap_or_default() - values.iter().min().copied().unwrap_or_default();
        let round = if span > Decimal::from(100_000) { 5_000 } else { 1_000 };
        Self::spanning(values.into_iter(), Decimal::from(round), left, right)
    }

    /// An axis covering `values`, padded by a thirtieth of their span on each side and
    /// rounded out to `round`.
    fn spanning(values: impl Iterator<Item = Decimal>, round: Decimal, left: f32, right: f32) -> Self {
        let mut lo = Decimal::MAX;
        let mut hi = Decimal::MIN;
        for v in values {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if lo > hi {
            (lo, hi) = (Decimal::ZERO, Decimal::from(100_000));
        }
        let lo = ((lo - (hi - lo) / Decimal::from(30)) / round).floor() * round;
        let hi = ((hi + (hi - lo) / Decimal::from(30)) / round).ceil() * round;
        let hi = if hi <= lo { lo + round } else { hi };
        Self { min: lo.max(Decimal::ZERO), max: hi, left, right }
    }

    /// The x position of an amount (may fall outside `left..right` when the amount does).
    ///
    /// Computed in `f64`: a position needs no exact money, and a lane of 20,000 managers
    /// asks for 20,000 positions whenever an amount changes (a `Decimal` division and its
    /// conversion of a 28-digit quotient cost about 75 ns each, the `f64` path a few).
    #[must_use]
    pub fn x(&self, amount: Decimal) -> f32 {
        let (min, max) = (to_f64(self.min), to_f64(self.max));
        let span = max - min;
        if span.is_nan() || span <= 0.0 {
            return self.left;
        }
        let t = ((to_f64(amount) - min) / span) as f32;
        let t = if t.is_finite() { t } else { 0.0 };
        self.left + t * (self.right - self.left)
    }

    /// The amount at x, snapped to the nearest multiple of `step` and clamped to the axis.
    #[must_use]
    pub fn amount_at(&self, x: f32, step: Decimal) -> Decimal {
        let width = self.right - self.left;
        let t = if width > 0.0 { ((x - self.left) / width).clamp(0.0, 1.0) } else { 0.0 };
        let t = Decimal::from_f32(t).unwrap_or(Decimal::ZERO);
        let raw = self.min + (self.max - self.min) * t;
        round_to_step(raw, step).clamp(self.min.max(Decimal::ZERO), self.max)
    }

    /// Tick amounts at a round interval giving at most about 12 ticks.
    #[must_use]
    pub fn ticks(&self) -> Vec<Decimal> {
        let span = self.max - self.min;
        let steps = [1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000];
        let step = steps
            .iter()
            .map(|s| Decimal::from(*s))
            .find(|s| span / *s <= Decimal::from(12))
            .unwrap_or(Decimal::from(1_000_000));
        let mut t = (self.min / step).ceil() * step;
        let mut out = Vec::new();
        while t <= self.max && out.len() < 50 {
            out.push(t);
            t += step;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis() -> KrAxis {
        KrAxis { min: Decimal::from(20_000), max: Decimal::from(120_000), left: 100.0, right: 1100.0 }
    }

    #[test]
    fn maps_amounts_to_pixels_linearly() {
        let a = axis();
        assert!((a.x(Decimal::from(20_000)) - 100.0).abs() < 1e-3);
        assert!((a.x(Decimal::from(70_000)) - 600.0).abs() < 1e-3);
        assert!((a.x(Decimal::from(120_000)) - 1100.0).abs() < 1e-3);
    }

    #[test]
    fn extreme_amounts_and_axes_give_finite_positions() {
        let a = axis();
        let huge = Decimal::from_i128_with_scale(10_i128.pow(28), 0);
        let tiny = Decimal::new(1, 28);
        for amount in [huge, -huge, tiny, Decimal::MAX, Decimal::MIN] {
            assert!(a.x(amount).is_finite(), "{amount}");
        }
        // Beyond f32: far right of the axis, never NaN.
        assert!(a.x(Decimal::MAX) > a.right);
        assert!((a.x(tiny) - a.x(Decimal::ZERO)).abs() < 1e-3);
        // An axis as wide as Decimal allows still maps its ends to its edges.
        let wide = KrAxis { min: Decimal::ZERO, max: Decimal::MAX, left: 0.0, right: 1000.0 };
        assert!((wide.x(Decimal::MAX) - 1000.0).abs() < 1e-3);
        assert!((wide.x(Decimal::ZERO)).abs() < 1e-3);
        let flat = KrAxis { min: huge, max: huge, left: 5.0, right: 9.0 };
        assert_eq!(flat.x(Decimal::ONE), 5.0);
    }

    #[test]
    fn pixel_to_amount_snaps_to_step() {
        let a = axis();
        // 10 points = 1.000 kr.; 604 points → 70.400 → 70.000; 606 → 70.600 → 71.000.
        assert_eq!(a.amount_at(604.0, Decimal::from(1_000)), Decimal::from(70_000));
        assert_eq!(a.amount_at(606.0, Decimal::from(1_000)), Decimal::from(71_000));
        assert_eq!(a.amount_at(606.0, Decimal::from(5_000)), Decimal::from(70_000));
        assert_eq!(a.amount_at(-50.0, Decimal::from(1_000)), Decimal::from(20_000));
        assert_eq!(a.amount_at(5000.0, Decimal::from(1_000)), Decimal::from(120_000));
    }

    #[test]
    fn round_trip_of_every_step_is_exact() {
        let a = axis();
        for k in 20..=120 {
            let amount = Decimal::from(k * 1_000);
            assert_eq!(a.amount_at(a.x(amount), Decimal::from(1_000)), amount);
        }
    }

    #[test]
    fn a_zoomed_level_gets_its_own_fine_axis() {
        let session = crate::io::parse_session(crate::io::DEMO_RON).expect("demo");
        let eval = crate::engine::evaluate(&session);
        let kc = session.levels.iter().position(|l| l.id == "KC").expect("KC");
        let axis = KrAxis::fit_level(&session, &eval, kc, std::iter::empty(), 0.0, 1000.0);
        let band = session.levels[kc].band;
        assert!(axis.min <= band.min && axis.max >= band.max);
        // Kontorchefer: band 30.000–50.000, amounts 30.000–110.000 kr.; padded by a
        // thirtieth of 80.000 (2.666,67) and rounded out to 1.000: 27.000–113.000.
        assert_eq!((axis.min, axis.max), (Decimal::from(27_000), Decimal::from(113_000)));
        let ticks = axis.ticks();
        assert!(ticks.len() >= 5 && ticks.len() <= 12, "{ticks:?}");
        let whole = KrAxis::fit(&session, &eval, 0.0, 1000.0);
        assert!(whole.max - whole.min > axis.max - axis.min);
    }

    #[test]
    fn the_whole_axis_covers_every_band_and_amount() {
        let mut session = crate::io::parse_session(crate::io::DEMO_RON).expect("demo");
        // The constituted kontorchef at 110.000 kr. is past every band but the top one; a
        // skøn far beyond it must widen the axis, after an incremental update too.
        let mut eval = crate::engine::evaluate(&session);
        let plain = KrAxis::fit(&session, &eval, 0.0, 1000.0);
        // Bands 30.000–150.000, amounts 30.000–138.000: padded by 4.000 → 20.000–160.000.
        assert_eq!((plain.min, plain.max), (Decimal::from(20_000), Decimal::from(160_000)));
        let i = session.managers.iter().position(|m| m.level == "KC").expect("a kontorchef");
        session.managers[i].adjustment = Some(crate::model::Adjustment {
            amount: Decimal::from(400_000),
            justification: String::new(),
            by: String::new(),
        });
        eval.update_manager(&session, i);
        let wide = KrAxis::fit(&session, &eval, 0.0, 1000.0);
        let top = eval.amounts.iter().map(|a| a.amount).max().expect("amounts");
        assert!(wide.max >= top && top > Decimal::from(400_000), "{wide:?} {top}");
        assert_eq!(wide, KrAxis::fit(&session, &crate::engine::evaluate(&session), 0.0, 1000.0));
        // No managers: the bands alone.
        session.managers.clear();
        let empty = KrAxis::fit(&session, &crate::engine::evaluate(&session), 0.0, 1000.0);
        assert_eq!((empty.min, empty.max), (Decimal::from(20_000), Decimal::from(160_000)));
    }

    #[test]
    fn ticks_are_round() {
        let t = axis().ticks();
        assert_eq!(t.first(), Some(&Decimal::from(20_000)));
        assert!(t.len() <= 12 && t.len() >= 5);
        assert!(t.windows(2).all(|w| w[1] - w[0] == Decimal::from(10_000)));
    }
}
