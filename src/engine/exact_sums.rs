//! Exact integer arithmetic for sums of many amounts: a Decimal with at most `scale`
//! decimals as an `i128` count of 10^−scale units, and back. Used where the engine sums
//! thousands of values per change (statistics); results equal Decimal arithmetic.

use rust_decimal::Decimal;

/// Powers of ten that a Decimal's scale can need.
const POW10: [i128; 29] = {
    let mut t = [1_i128; 29];
    let mut k = 1;
    while k < 29 {
        t[k] = t[k - 1] * 10;
        k += 1;
    }
    t
};

/// `value` as a count of 10^−`scale` units, or None when it has more decimals.
#[must_use]
pub fn to_scaled(value: Decimal, scale: u32) -> Option<i128> {
    let s = value.scale();
    if s > scale {
        return None;
    }
    let factor = POW10.get(usize::try_from(scale - s).ok()?)?;
    value.mantissa().checked_mul(*factor)
}

/// A count of 10^−`scale` units as a Decimal (saturating far beyond any amount).
#[must_use]
pub fn from_scaled(units: i128, scale: u32) -> Decimal {
    Decimal::try_from_i128_with_scale(units, scale).unwrap_or(if units < 0 { Decimal::MIN } else { Decimal::MAX })
}

/// The exact sum of `values`: in `i128` units of 10^−`scale` when every value fits,
/// otherwise in Decimal arithmetic.
#[must_use]
pub fn sum(values: &[Decimal], scale: u32) -> Decimal {
    let mut total: i128 = 0;
    for v in values {
        match to_scaled(*v, scale).and_then(|u| total.checked_add(u)) {
            Some(t) => total = t,
            None => return values.iter().sum(),
        }
    }
    from_scaled(total, scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_finer_values() {
        let v = Decimal::new(1_234_550, 2);
        assert_eq!(to_scaled(v, 2), Some(1_234_550));
        assert_eq!(to_scaled(Decimal::from(45_000), 2), Some(4_500_000));
        assert_eq!(from_scaled(4_500_000, 2), Decimal::from(45_000));
        assert_eq!(to_scaled(Decimal::new(1, 3), 2), None);
        let values = [Decimal::new(105, 1), Decimal::new(2, 3)];
        assert_eq!(sum(&values, 2), Decimal::new(10_502, 3), "falls back for finer values");
        assert_eq!(sum(&values[..1], 6), Decimal::new(105, 1));
    }
}
