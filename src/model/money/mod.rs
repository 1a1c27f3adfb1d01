//! Danish amounts: formatting (`45.000 kr.`, `12,5 %`) here; lenient parsing of what people
//! type and the file format's strict one in parse.rs; the session file's serde readers in
//! file_serde.rs.

pub mod file_serde;
mod parse;

use rust_decimal::Decimal;
use rust_decimal::prelude::*;

pub use parse::{AmountError, parse_file_amount, parse_kr};

/// Formats an amount the Danish way with thousands dots and no decimals when whole:
/// `45000` → `45.000 kr.`, `-10000` → `−10.000 kr.`, `1234.5` → `1.234,50 kr.`.
#[must_use]
pub fn format_kr(amount: Decimal) -> String {
    format!("{} kr.", format_number(amount))
}

/// Like [`format_kr`] without the unit: `45.000`.
#[must_use]
pub fn format_number(amount: Decimal) -> String {
    let negative = amount.is_sign_negative() && !amount.is_zero();
    let abs = amount.abs();
    let whole = abs.trunc();
    let frac = abs - whole;
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    if !frac.is_zero() {
        let cents = (frac * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            .to_u32()
            .unwrap_or(0);
        grouped.push_str(&format!(",{cents:02}"));
    }
    if negative { format!("\u{2212}{grouped}") } else { grouped }
}

/// An amount in whole thousands of kroner, the compact form where a full amount does not
/// fit (the spread panel, the lanes, the history chart): `45.499` → `45 t.kr.`,
/// `1.234.500` → `1.235 t.kr.` (half away from zero).
#[must_use]
pub fn format_tkr(amount: Decimal) -> String {
    format!("{} t.kr.", thousands(amount))
}

/// A range in whole thousands with the unit once: `30.000`, `110.000` → `30–110 t.kr.`.
#[must_use]
pub fn format_tkr_range(min: Decimal, max: Decimal) -> String {
    format!("{}–{} t.kr.", thousands(min), thousands(max))
}

/// Thousands with at most one decimal, without the unit, for a band's compact label:
/// `30.000` → `30`, `32.500` → `32,5`, `1.250.000` → `1.250`, `99.960` → `100`.
#[must_use]
pub fn format_thousands(amount: Decimal) -> String {
    let t = (amount / Decimal::ONE_THOUSAND).round_dp(1);
    let whole = format_number(t.trunc());
    let tenths = ((t - t.trunc()).abs() * Decimal::TEN).trunc();
    if tenths.is_zero() { whole } else { format!("{whole},{tenths}") }
}

/// Whole thousands without the unit.
fn thousands(amount: Decimal) -> String {
    // Dividing by 1,000 cannot overflow; rounding a Decimal never fails.
    format_number((amount / Decimal::ONE_THOUSAND).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
}

/// Formats a signed change: `+5.000 kr.` or `−5.000 kr.`.
#[must_use]
pub fn format_signed_kr(amount: Decimal) -> String {
    if amount.is_sign_positive() && !amount.is_zero() { format!("+{}", format_kr(amount)) } else { format_kr(amount) }
}

/// Formats a percentage with Danish decimal comma and at most one decimal: `12,5 %`.
#[must_use]
pub fn format_percent(value: Decimal) -> String {
    let rounded = value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let text = rounded.normalize().to_string().replace('.', ",");
    let text = text.replace('-', "\u{2212}");
    format!("{text} %")
}

/// Formats a percentage with exactly `decimals` decimals, Danish comma, halves away from
/// zero: `6` with one decimal is `6,0 %`, `4,45` is `4,5 %`. The screen uses one fixed
/// number of decimals per kind of figure, so "6,0 %" and "4,5 %" stand side by side
/// instead of "6 %" and "4,5 %".
#[must_use]
pub fn format_percent_fixed(value: Decimal, decimals: u32) -> String {
    let mut rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    if rounded.is_zero() {
        // No "−0,0 %" for a tiny negative value.
        rounded = Decimal::ZERO;
    }
    rounded.rescale(decimals);
    let text = rounded.to_string().replace('.', ",").replace('-', "\u{2212}");
    format!("{text} %")
}

/// Like [`format_percent_fixed`] with a sign: `+4,5 %`, `−2,0 %`, `0,0 %`.
#[must_use]
pub fn format_signed_percent_fixed(value: Decimal, decimals: u32) -> String {
    let text = format_percent_fixed(value, decimals);
    if value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero) > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn lane_thousands_are_short_and_danish() {
        assert_eq!(format_thousands(d(30_000)), "30");
        assert_eq!(format_thousands(d(32_500)), "32,5");
        assert_eq!(format_thousands(d(1_250_000)), "1.250");
        assert_eq!(format_thousands(d(99_960)), "100");
    }

    #[test]
    fn thousands_have_one_unit_and_round_half_away_from_zero() {
        assert_eq!(format_tkr(d(45_499)), "45 t.kr.");
        assert_eq!(format_tkr(d(45_500)), "46 t.kr.");
        assert_eq!(format_tkr(d(1_234_500)), "1.235 t.kr.");
        assert_eq!(format_tkr(d(-2_500)), "\u{2212}3 t.kr.");
        assert_eq!(format_tkr_range(d(30_000), d(110_000)), "30–110 t.kr.");
        assert_eq!(
            format_tkr(Decimal::MAX),
            format!("{} t.kr.", format_number((Decimal::MAX / Decimal::ONE_THOUSAND).round()))
        );
    }

    #[test]
    fn percentages_have_a_fixed_number_of_decimals() {
        assert_eq!(format_percent_fixed(d(6), 1), "6,0 %");
        assert_eq!(format_percent_fixed(Decimal::new(445, 2), 1), "4,5 %");
        assert_eq!(format_percent_fixed(Decimal::new(-445, 2), 1), "\u{2212}4,5 %");
        assert_eq!(format_percent_fixed(Decimal::new(-4, 2), 1), "0,0 %", "no minus zero");
        assert_eq!(format_percent_fixed(Decimal::new(675, 1), 0), "68 %");
        assert_eq!(format_percent_fixed(d(100), 0), "100 %");
        assert_eq!(format_signed_percent_fixed(d(6), 1), "+6,0 %");
        assert_eq!(format_signed_percent_fixed(Decimal::new(-2, 0), 1), "\u{2212}2,0 %");
        assert_eq!(format_signed_percent_fixed(Decimal::new(4, 2), 1), "0,0 %", "rounds to zero: no sign");
    }

    #[test]
    fn formats_thousands() {
        assert_eq!(format_kr(d(45_000)), "45.000 kr.");
        assert_eq!(format_kr(d(0)), "0 kr.");
        assert_eq!(format_kr(d(999)), "999 kr.");
        assert_eq!(format_kr(d(1_000)), "1.000 kr.");
        assert_eq!(format_kr(d(1_234_567)), "1.234.567 kr.");
        assert_eq!(format_kr(d(-10_000)), "\u{2212}10.000 kr.");
        assert_eq!(format_kr(Decimal::new(123_450, 2)), "1.234,50 kr.");
        assert_eq!(format_signed_kr(d(5_000)), "+5.000 kr.");
    }

    #[test]
    fn percent_uses_comma() {
        assert_eq!(format_percent(Decimal::new(125, 1)), "12,5 %");
        assert_eq!(format_percent(d(25)), "25 %");
    }
}
