//! Order statistics in the publication (min, lower quartile, median, upper quartile,
//! max): each is one manager's amount or the mean of two neighbours, so they are
//! individual amounts. What a reader can pin down from them – with the row's count, sum
//! and share receiving, and knowing that no amount is below 0 kr. – is computed here as
//! bounds per rank, and [`super::disclosure`] publishes them only when that reveals no
//! group of 1–4 and no more than a quarter of a level's amounts.
//!
//! Quartiles are Tukey's hinges (`engine::describe`): the medians of the lower and upper
//! half, the middle amount excluded for an odd count.

use rust_decimal::Decimal;

/// The smallest group whose median and quartiles are published.
pub const MIN_QUARTILES: usize = 10;
/// The smallest group whose minimum and maximum are published.
pub const MIN_EXTREMES: usize = 20;

/// What a published order statistic says about the sorted amounts `x[0..n]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// `x[rank] = value`.
    Exact(usize, Decimal),
    /// `(x[a] + x[a + 1]) / 2 = value`.
    Mean2(usize, Decimal),
}

/// The fact a median of the `len` sorted amounts starting at rank `start` gives.
fn median_fact(start: usize, len: usize, value: Decimal) -> Option<Fact> {
    match len {
        0 => None,
        l if l % 2 == 1 => Some(Fact::Exact(start + l / 2, value)),
        l => Some(Fact::Mean2(start + l / 2 - 1, value)),
    }
}

/// The facts of the published order statistics of a group of `n` (None: not published).
#[must_use]
pub fn facts(
    n: usize,
    min: Option<Decimal>,
    q1: Option<Decimal>,
    median: Option<Decimal>,
    q3: Option<Decimal>,
    max: Option<Decimal>,
) -> Vec<Fact> {
    if n == 0 {
        return Vec::new();
    }
    let half = n / 2;
    let mut out = Vec::new();
    out.extend(min.map(|v| Fact::Exact(0, v)));
    out.extend(max.map(|v| Fact::Exact(n - 1, v)));
    out.extend(median.and_then(|v| median_fact(0, n, v)));
    if n > 1 {
        out.extend(q1.and_then(|v| median_fact(0, half, v)));
        out.extend(q3.and_then(|v| median_fact(n.div_ceil(2), half, v)));
    }
    out
}

/// What a reader can pin down of a group's amounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exposure {
    /// The amounts known exactly, by rank (None: not pinned).
    pub pinned: Vec<Option<Decimal>>,
}

impl Exposure {
    /// How many ranks are not pinned.
    #[must_use]
    pub fn unknown(&self) -> usize {
        self.pinned.iter().filter(|p| p.is_none()).count()
    }

    /// The distinct amounts above 0 kr. known exactly.
    #[must_use]
    pub fn distinct_nonzero(&self) -> usize {
        let mut v: Vec<Decimal> = self.pinned.iter().flatten().filter(|v| !v.is_zero()).copied().collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    }

    /// Whether this reveals a group of 1–4 (the amounts not pinned, whose sum the
    /// published sum gives), every amount of the group (all pinned, someone above 0 kr.:
    /// 5 × 0 and 6 × 72.000 is the level one by one), or more distinct amounts than a
    /// quarter of the group (`4 × distinct ≤ n + 1`: a level of 11 may show 3 of its
    /// amounts).
    #[must_use]
    pub fn discloses(&self, sum_shown: bool, min_group: usize) -> bool {
        let n = self.pinned.len();
        let u = self.unknown();
        let distinct = self.distinct_nonzero();
        (sum_shown && u > 0 && u < min_group && u < n) || (u == 0 && distinct > 0) || distinct * 4 > n + 1
    }
}

/// For bounds `v`, the sum of every bound but the `i`th, when all of those exist.
fn others(v: &[Option<Decimal>]) -> impl Fn(usize) -> Option<Decimal> + '_ {
    let missing = v.iter().filter(|x| x.is_none()).count();
    let total = v.iter().flatten().try_fold(Decimal::ZERO, |a, x| a.checked_add(*x));
    move |i| match (missing, v[i]) {
        (0, Some(own)) => total?.checked_sub(own),
        (1, None) => total,
        _ => None,
    }
}

/// The bounds a reader can give each rank of a group of `n` from `facts`, the number
/// receiving an amount above 0 and the sum (each when published), amounts being ≥ 0.
/// Propagated to a fixed point (a few passes).
#[must_use]
pub fn exposure(n: usize, facts: &[Fact], receiving: Option<usize>, sum: Option<Decimal>) -> Exposure {
    let mut lo = vec![Some(Decimal::ZERO); n];
    let mut hi: Vec<Option<Decimal>> = vec![None; n];
    if let Some(k) = receiving {
        for h in hi.iter_mut().take(n.saturating_sub(k)) {
            *h = Some(Decimal::ZERO);
        }
    }
    let raise = |slot: &mut Option<Decimal>, v: Option<Decimal>, changed: &mut bool| {
        if let Some(v) = v
            && slot.is_none_or(|s| v > s)
        {
            *slot = Some(v);
            *changed = true;
        }
    };
    let lower = |slot: &mut Option<Decimal>, v: Option<Decimal>, changed: &mut bool| {
        if let Some(v) = v
            && slot.is_none_or(|s| v < s)
        {
            *slot = Some(v);
            *changed = true;
        }
    };
    for _ in 0..16 {
        let mut changed = false;
        for f in facts {
            match *f {
                Fact::Exact(r, v) if r < n => {
                    raise(&mut lo[r], Some(v), &mut changed);
                    lower(&mut hi[r], Some(v), &mut changed);
                }
                Fact::Mean2(a, v) if a + 1 < n => {
                    let b = a + 1;
                    let twice = v.checked_mul(Decimal::TWO);
                    lower(&mut hi[a], Some(v), &mut changed);
                    raise(&mut lo[b], Some(v), &mut changed);
                    let (la, ha, lb, hb) = (lo[a], hi[a], lo[b], hi[b]);
                    raise(&mut lo[a], twice.zip(hb).and_then(|(t, h)| t.checked_sub(h)), &mut changed);
                    lower(&mut hi[a], twice.zip(lb).and_then(|(t, l)| t.checked_sub(l)), &mut changed);
                    raise(&mut lo[b], twice.zip(ha).and_then(|(t, h)| t.checked_sub(h)), &mut changed);
                    lower(&mut hi[b], twice.zip(la).and_then(|(t, l)| t.checked_sub(l)), &mut changed);
                }
                _ => {}
            }
        }
        // Sorted: x[i-1] ≤ x[i].
        for i in 1..n {
            let prev = lo[i - 1];
            raise(&mut lo[i], prev, &mut changed);
        }
        for i in (0..n.saturating_sub(1)).rev() {
            let next = hi[i + 1];
            lower(&mut hi[i], next, &mut changed);
        }
        // The sum: each amount is the sum minus the others.
        if let Some(s) = sum {
            let (lo_then, hi_then) = (lo.clone(), hi.clone());
            let lo_others = others(&lo_then);
            let hi_others = others(&hi_then);
            for i in 0..n {
                raise(&mut lo[i], hi_others(i).and_then(|o| s.checked_sub(o)), &mut changed);
                lower(&mut hi[i], lo_others(i).and_then(|o| s.checked_sub(o)), &mut changed);
            }
        }
        if !changed {
            break;
        }
    }
    let pinned = lo.iter().zip(&hi).map(|(l, h)| if l.is_some() && l == h { *l } else { None }).collect();
    Exposure { pinned }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(v: i64) -> Decimal {
        Decimal::from(v)
    }

    /// Five amounts 10, 20, 30, 40, 50: min, q1 (15 = mean of 10 and 20), median, q3 (45)
    /// and max give every one of them.
    #[test]
    fn five_order_statistics_of_five_pin_every_amount() {
        let f = facts(5, Some(kr(10)), Some(kr(15)), Some(kr(30)), Some(kr(45)), Some(kr(50)));
        let e = exposure(5, &f, None, None);
        assert_eq!(e.pinned, [10, 20, 30, 40, 50].map(|v| Some(kr(v))).to_vec());
        assert!(e.discloses(false, 5));
    }

    /// Ten amounts: q1 = x[2], q3 = x[7] are known, the median only as a pair; with the
    /// sum nothing more. Two distinct amounts of ten: 8 ≤ 11, not disclosing.
    #[test]
    fn quartiles_of_ten_pin_two() {
        let f = facts(10, None, Some(kr(30)), Some(kr(55)), Some(kr(80)), None);
        let e = exposure(10, &f, Some(10), Some(kr(550)));
        assert_eq!(e.pinned.iter().flatten().count(), 2);
        assert!(!e.discloses(true, 5));
    }

    /// Eleven amounts, 5 × 0, 3 × 72.000 and 3 × 76.000: the share (6 receive), q1 = 0,
    /// median 72.000, q3 = 76.000 and the sum 444.000 leave 4 amounts whose lower bounds
    /// already add up to the rest of the sum – every amount is known.
    #[test]
    fn bounds_that_meet_the_sum_pin_the_whole_level() {
        let f = facts(11, None, Some(kr(0)), Some(kr(72_000)), Some(kr(76_000)), None);
        let e = exposure(11, &f, Some(6), Some(kr(444_000)));
        assert_eq!(e.unknown(), 0);
        assert!(e.discloses(true, 5));
        // Without the median and quartiles only the five zeros are known.
        let e = exposure(11, &[], Some(6), Some(kr(444_000)));
        assert_eq!((e.unknown(), e.discloses(true, 5)), (6, false));
    }

    /// Ten amounts, two of them above 0 (receiving 2): with the sum, the two receivers'
    /// sum is known – a group of 2.
    #[test]
    fn the_sum_of_few_receivers_is_a_group() {
        let e = exposure(10, &[], Some(2), Some(kr(90)));
        assert_eq!(e.unknown(), 2);
        assert!(e.discloses(true, 5));
        // One receiver: pinned by the sum.
        let e = exposure(10, &[], Some(1), Some(kr(90)));
        assert_eq!(e.pinned[9], Some(kr(90)));
    }
}
