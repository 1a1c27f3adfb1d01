//! Descriptive statistics of a set of amounts (mean, median, Tukey's quartiles, spread,
//! Gini), exact: integer øre where the amounts allow it, Decimal otherwise.

use rust_decimal::Decimal;
use rust_decimal::MathematicalOps;

use super::exact_sums;

/// Descriptive statistics of a set of amounts. Ratios are in percent where named so.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stats {
    /// Number of amounts.
    pub n: usize,
    /// Sum.
    pub sum: Decimal,
    /// Smallest.
    pub min: Decimal,
    /// Largest.
    pub max: Decimal,
    /// max − min.
    pub range: Decimal,
    /// Arithmetic mean.
    pub mean: Decimal,
    /// Median.
    pub median: Decimal,
    /// First quartile.
    pub q1: Decimal,
    /// Third quartile.
    pub q3: Decimal,
    /// Population standard deviation.
    pub sd: Decimal,
    /// Coefficient of variation (sd / mean) in percent.
    pub cv_percent: Decimal,
    /// Gini coefficient, 0–1.
    pub gini: Decimal,
    /// Share of the largest group of identical amounts, in percent.
    pub identical_share_percent: Decimal,
    /// max / min, when min > 0.
    pub max_min_ratio: Option<Decimal>,
}

impl Stats {
    /// Descriptive statistics of `amounts` (any order).
    ///
    /// Median: the middle value, or the mean of the two middle values. Quartiles: Tukey's
    /// hinges — the medians of the lower and upper halves, the middle value excluded when n
    /// is odd (n = 1: both equal the value). Standard deviation: population (divide by n).
    /// Gini: `2 Σ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n` over the ascending values, i from 1;
    /// 0 when the sum is 0.
    #[must_use]
    pub fn of(amounts: &[Decimal]) -> Self {
        Self::of_keeping_cents(amounts).0
    }

    /// [`Stats::of`], also giving the amounts as sorted integer øre (`None` when one is finer
    /// than øre), for further counts without converting again.
    pub(super) fn of_keeping_cents(amounts: &[Decimal]) -> (Self, Option<Vec<i128>>) {
        // Amounts are whole kroner or øre: sort and sum them as integer øre (exact, and an
        // order of magnitude faster than Decimal arithmetic); anything finer takes the
        // Decimal path.
        let Some(mut cents) = amounts.iter().map(|a| exact_sums::to_scaled(*a, 2)).collect::<Option<Vec<i128>>>()
        else {
            return (Self::of_decimals(amounts), None);
        };
        cents.sort_unstable();
        (Self::of_sorted_cents(&cents), Some(cents))
    }

    /// [`Stats::of`] for amounts given as sorted integer øre.
    pub(super) fn of_sorted_cents(cents: &[i128]) -> Self {
        let n = cents.len();
        if n == 0 {
            return Self::default();
        }
        let sum: i128 = cents.iter().sum();
        let squares: i128 = cents.iter().map(|x| x * x).sum();
        let weighted: i128 = cents.iter().zip(1_i128..).map(|(x, i)| x * i).sum();
        let money = |v: i128| exact_sums::from_scaled(v, 2);
        let median = |s: &[i128]| match s.len() {
            0 => Decimal::ZERO,
            k if k % 2 == 1 => money(s[k / 2]),
            k => money(s[k / 2 - 1] + s[k / 2]) / Decimal::TWO,
        };
        let n_i = i128::try_from(n).unwrap_or(i128::MAX);
        let (lower, upper) = (&cents[..n / 2], &cents[n.div_ceil(2)..]);
        finish(Parts {
            n,
            sum: money(sum),
            variance: exact_sums::from_scaled(n_i * squares - sum * sum, 4) / Decimal::from(n * n),
            weighted: money(weighted),
            longest: longest_run(cents),
            min: money(cents[0]),
            max: money(cents[n - 1]),
            median: median(cents),
            quartiles: if n == 1 { (money(cents[0]), money(cents[0])) } else { (median(lower), median(upper)) },
        })
    }

    /// [`Stats::of`] in Decimal arithmetic, for amounts finer than øre.
    fn of_decimals(amounts: &[Decimal]) -> Self {
        let mut sorted = amounts.to_vec();
        sorted.sort_unstable();
        let n = sorted.len();
        let nd = Decimal::from(n);
        let sum: Decimal = sorted.iter().sum();
        let squares: Decimal = sorted.iter().map(|x| *x * *x).sum();
        let (lower, upper) = (&sorted[..n / 2], &sorted[n.div_ceil(2)..]);
        finish(Parts {
            n,
            sum,
            variance: (nd * squares - sum * sum) / (nd * nd),
            weighted: sorted.iter().zip(1_u64..).map(|(x, i)| *x * Decimal::from(i)).sum(),
            longest: longest_run(&sorted),
            min: sorted[0],
            max: sorted[n - 1],
            median: median_sorted(&sorted),
            quartiles: if n == 1 { (sorted[0], sorted[0]) } else { (median_sorted(lower), median_sorted(upper)) },
        })
    }
}

/// The length of the longest run of equal values in sorted values.
fn longest_run<T: PartialEq>(sorted: &[T]) -> usize {
    let (mut longest, mut run) = (1, 1);
    for w in sorted.windows(2) {
        run = if w[0] == w[1] { run + 1 } else { 1 };
        longest = longest.max(run);
    }
    longest
}

/// What [`finish`] needs from sorted values.
struct Parts {
    n: usize,
    sum: Decimal,
    /// Population variance, (n Σx² − (Σx)²) / n²: exact sums, one division.
    variance: Decimal,
    /// Σ i·x₍ᵢ₎ over the ascending values, i from 1.
    weighted: Decimal,
    longest: usize,
    min: Decimal,
    max: Decimal,
    median: Decimal,
    quartiles: (Decimal, Decimal),
}

/// The statistics from the parts.
fn finish(p: Parts) -> Stats {
    let nd = Decimal::from(p.n);
    let mean = p.sum / nd;
    let sd = p.variance.max(Decimal::ZERO).sqrt().unwrap_or_default();
    let cv_percent = if mean > Decimal::ZERO { sd / mean * Decimal::ONE_HUNDRED } else { Decimal::ZERO };
    let gini = if p.sum > Decimal::ZERO {
        (Decimal::TWO * p.weighted / (nd * p.sum) - (nd + Decimal::ONE) / nd).max(Decimal::ZERO)
    } else {
        Decimal::ZERO
    };
    Stats {
        n: p.n,
        sum: p.sum,
        min: p.min,
        max: p.max,
        range: p.max - p.min,
        mean,
        median: p.median,
        q1: p.quartiles.0,
        q3: p.quartiles.1,
        sd,
        cv_percent,
        gini,
        identical_share_percent: Decimal::from(p.longest * 100) / nd,
        max_min_ratio: (p.min > Decimal::ZERO).then(|| p.max / p.min),
    }
}

/// Median of sorted values (0 when empty).
fn median_sorted(sorted: &[Decimal]) -> Decimal {
    let n = sorted.len();
    match n {
        0 => Decimal::ZERO,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::TWO,
    }
}
