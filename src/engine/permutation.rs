//! A two-sided permutation test of the difference in means between one group and the
//! rest, on values quantised to integers so every comparison is exact; exact enumeration
//! of all splits when there are few, otherwise a fixed number of random splits drawn from
//! a fixed seed – the same data always gives the same p-value.

/// Splits enumerated exactly up to this many; above, [`RANDOM_SPLITS`] are drawn.
pub const EXACT_LIMIT: u128 = 20_000;

/// Random splits drawn when there are more than [`EXACT_LIMIT`] (p in steps of 1/10 000).
pub const RANDOM_SPLITS: u32 = 9_999;

/// The two-sided p-value of the mean of `group` differing from the mean of `rest`: the
/// share of the splits of all values into groups of the same sizes whose difference in
/// means is at least as large (in absolute value) as the observed one. Exact when
/// C(n, k) ≤ [`EXACT_LIMIT`]; otherwise (count + 1) / ([`RANDOM_SPLITS`] + 1) over random
/// splits from `seed`. None when either side is empty.
#[must_use]
pub fn p_value(group: &[i128], rest: &[i128], seed: u64) -> Option<f64> {
    let all: Vec<i128> = group.iter().chain(rest).copied().collect();
    p_value_of_sum(&all, group.len(), group.iter().sum(), seed)
}

/// [`p_value`] for a group of `k` of `all` values whose sum is `observed` (the group's
/// members among `all`). None unless 0 < k < the number of values.
#[must_use]
pub fn p_value_of_sum(all: &[i128], k: usize, observed: i128, seed: u64) -> Option<f64> {
    let n = all.len();
    if k == 0 || k >= n {
        return None;
    }
    let total: i128 = all.iter().sum();
    let (n_i, k_i) = (i128::try_from(n).ok()?, i128::try_from(k).ok()?);
    // |S·n − T·k| is proportional to |mean(group) − mean(rest)| for groups of size k.
    let distance = |s: i128| (s * n_i - total * k_i).abs();
    let observed = distance(observed);
    if binomial(n, k) <= EXACT_LIMIT {
        let (mut hits, mut splits) = (0_u64, 0_u64);
        for_each_subset_sum(all, k, &mut |s| {
            splits += 1;
            if distance(s) >= observed {
                hits += 1;
            }
        });
        #[allow(clippy::cast_precision_loss)]
        let p = hits as f64 / splits as f64;
        return Some(p);
    }
    let mut rng = super::rng::SplitMix64::new(seed);
    let mut order: Vec<usize> = (0..n).collect();
    let mut hits = 0_u32;
    for _ in 0..RANDOM_SPLITS {
        // A partial Fisher–Yates shuffle: the first k places are a uniform random k-subset
        // (continuing from the last shuffle keeps it uniform).
        for i in 0..k {
            let j = i + rng.below(n - i);
            order.swap(i, j);
        }
        let s: i128 = order[..k].iter().map(|&i| all[i]).sum();
        if distance(s) >= observed {
            hits += 1;
        }
    }
    Some(f64::from(hits + 1) / f64::from(RANDOM_SPLITS + 1))
}

/// C(n, k), saturating.
#[must_use]
pub fn binomial(n: usize, k: usize) -> u128 {
    let k = k.min(n.saturating_sub(k));
    let mut c: u128 = 1;
    for i in 0..k {
        // c · (n − i) is divisible by i + 1 (it is C(n, i + 1) · (i + 1)).
        let Some(product) = c.checked_mul((n - i) as u128) else { return u128::MAX };
        c = product / (i as u128 + 1);
    }
    c
}

/// Calls `f` with the sum of every k-subset of `values` (in lexicographic order).
fn for_each_subset_sum(values: &[i128], k: usize, f: &mut dyn FnMut(i128)) {
    let n = values.len();
    let mut idx: Vec<usize> = (0..k).collect();
    loop {
        f(idx.iter().map(|&i| values[i]).sum());
        let Some(pos) = (0..k).rev().find(|&p| idx[p] < n - k + p) else { return };
        idx[pos] += 1;
        for p in pos + 1..k {
            idx[p] = idx[p - 1] + 1;
        }
    }
}

/// Holm's step-down adjustment of several p-values (family-wise error at the level for
/// any dependence between the tests): the i-th smallest is multiplied by (m − i + 1),
/// made non-decreasing and capped at 1. Same order as given.
#[must_use]
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let mut out = vec![0.0; m];
    let mut running: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let scaled = (p[i] * (m - rank) as f64).min(1.0);
        running = running.max(scaled);
        out[i] = running;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_p_by_hand() {
        // Values 1,2,3,4; group {3,4}: mean 3.5 vs 1.5, difference 2. The six splits of
        // size 2 have sums 3,4,5,5,6,7; |difference| ≥ 2 for sums 3 and 7 only: p = 2/6.
        let p = p_value(&[3, 4], &[1, 2], 0).unwrap_or(f64::NAN);
        assert!((p - 2.0 / 6.0).abs() < 1e-12, "{p}");
        // Group {1,4}: difference 0 → every split is at least as far: p = 1.
        assert_eq!(p_value(&[1, 4], &[2, 3], 0), Some(1.0));
        assert_eq!(p_value(&[], &[2, 3], 0), None);
    }

    #[test]
    fn binomials() {
        assert_eq!(binomial(4, 2), 6);
        assert_eq!(binomial(20, 5), 15_504);
        assert_eq!(binomial(10, 0), 1);
        assert_eq!(binomial(500, 250), u128::MAX);
    }

    #[test]
    fn holm_by_hand() {
        // p = 0.01, 0.04, 0.03 → sorted 0.01×3 = 0.03, 0.03×2 = 0.06, 0.04×1 → max(0.06, 0.04).
        let adj = holm(&[0.01, 0.04, 0.03]);
        let want = [0.03, 0.06, 0.06];
        for (a, w) in adj.iter().zip(want) {
            assert!((a - w).abs() < 1e-12, "{adj:?}");
        }
    }

    #[test]
    fn random_splits_are_reproducible_and_near_the_exact_value() {
        // 30 values, group of 8: C(30, 8) = 5,852,925 > the limit, so random splits.
        let group: Vec<i128> = (0..8).map(|i| 10 + i).collect();
        let rest: Vec<i128> = (0..22).map(|i| i % 12).collect();
        let a = p_value(&group, &rest, 7);
        assert_eq!(a, p_value(&group, &rest, 7));
        assert!(a.is_some_and(|p| p < 0.001), "{a:?}");
    }
}
