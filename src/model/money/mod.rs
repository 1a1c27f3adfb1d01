//! Danish amounts: formatting (`45.000 kr.`) and lenient parsing of what people type.

use rust_decimal::Decimal;
use rust_decimal::prelude::*;

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

/// Why a typed amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// Nothing was typed.
    #[error("beløbet er tomt")]
    Empty,
    /// The text is not a Danish amount.
    #[error("«{0}» er ikke et beløb; skriv fx 45.000 eller 45.000,00 kr.")]
    Invalid(String),
}

/// Parses a Danish amount: `45000`, `45.000`, `45.000,00`, `45.000 kr.`, `-10.000`,
/// `−10.000 kr`, `45 000`, `1234,5`. Dots are thousands separators, the comma is the
/// decimal mark. A dot followed by other than exactly three digits is refused, so
/// `45.5` is not silently read as 455.
///
/// # Errors
/// [`AmountError`] with the offending text.
pub fn parse_kr(text: &str) -> Result<Decimal, AmountError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(AmountError::Empty);
    }
    let invalid = || AmountError::Invalid(trimmed.to_string());
    let mut s = trimmed.to_lowercase();
    for suffix in ["kr.", "kr", "dkk"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end().to_string();
            break;
        }
    }
    if let Some(rest) = s.strip_prefix("dkk") {
        s = rest.trim_start().to_string();
    }
    let (negative, body) = match s.chars().next() {
        Some('-' | '\u{2212}') => (true, s.chars().skip(1).collect::<String>()),
        Some('+') => (false, s.chars().skip(1).collect::<String>()),
        _ => (false, s.clone()),
    };
    let body: String = body.chars().filter(|c| *c != ' ' && *c != '\u{a0}' && *c != '\u{202f}').collect();
    if body.is_empty() {
        return Err(invalid());
    }
    let (int_part, frac_part) = match body.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (body.as_str(), None),
    };
    let groups: Vec<&str> = int_part.split('.').collect();
    if groups.iter().any(|g| g.is_empty() || !g.chars().all(|c| c.is_ascii_digit())) {
        return Err(invalid());
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(invalid());
    }
    let mut digits: String = groups.concat();
    if let Some(frac) = frac_part {
        if frac.is_empty() || frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        digits.push('.');
        digits.push_str(frac);
    }
    if digits.len() > 20 {
        return Err(invalid());
    }
    let value = Decimal::from_str(&digits).map_err(|_| invalid())?;
    Ok(if negative { -value } else { value })
}

/// Reads an amount as the session file writes it: plain decimal digits with an optional
/// sign and at most one `.` with digits on both sides (`"45000"`, `"-10000"`,
/// `"45000.50"`). Scientific notation (`"1e10"`), underscores (`"1_000"`), spaces and
/// Danish thousands dots are refused, with a message that says what to write instead:
/// "«45.000,00» er ikke et beløb i filformatet: skriv 45000.00".
///
/// # Errors
/// The Danish message.
pub fn parse_file_amount(text: &str) -> Result<Decimal, String> {
    if is_plain_decimal(text)
        && let Ok(value) = Decimal::from_str(text)
    {
        return Ok(value);
    }
    if is_plain_decimal(text) {
        return Err(format!("«{text}» er for stort et tal til et beløb"));
    }
    // What the author probably meant, written the way the file wants it.
    let meant = parse_kr(text)
        .ok()
        .or_else(|| Decimal::from_scientific(text.trim()).ok())
        .or_else(|| Decimal::from_str(text.trim()).ok());
    Err(match meant {
        Some(value) => format!("«{text}» er ikke et beløb i filformatet: skriv {value}"),
        None => format!("«{text}» er ikke et beløb i filformatet: skriv fx 45000.00"),
    })
}

/// Whether `text` is `[+-]?digits(.digits)?`.
fn is_plain_decimal(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, frac) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && frac.is_none_or(digits)
}

/// Serde readers for amounts in session files (`#[serde(deserialize_with = …)]`): only
/// what [`parse_file_amount`] accepts, or a whole number written without quotes; every
/// refusal is a Danish message.
pub mod file_serde {
    use std::collections::BTreeMap;
    use std::fmt;

    use rust_decimal::Decimal;
    use rust_decimal::prelude::FromPrimitive as _;
    use serde::de::{self, Deserialize, Deserializer, Visitor};

    /// One amount as the file holds it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct FileAmount(pub Decimal);

    struct AmountVisitor;

    impl Visitor<'_> for AmountVisitor {
        type Value = FileAmount;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("et beløb i anførselstegn, fx \"45000.00\"")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<FileAmount, E> {
            super::parse_file_amount(v).map(FileAmount).map_err(E::custom)
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileAmount, E> {
            Ok(FileAmount(Decimal::from(v)))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileAmount, E> {
            Ok(FileAmount(Decimal::from(v)))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<FileAmount, E> {
            let meant = Decimal::from_f64(v).map_or_else(|| "45000.00".to_string(), |d| d.normalize().to_string());
            Err(E::custom(format!("beløb skrives i anførselstegn uden eksponent: skriv \"{meant}\"")))
        }
    }

    impl<'de> Deserialize<'de> for FileAmount {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(AmountVisitor)
        }
    }

    /// An amount.
    ///
    /// # Errors
    /// A Danish message for anything but a plain decimal.
    pub fn amount<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        FileAmount::deserialize(d).map(|a| a.0)
    }

    /// An optional amount (`None` or `Some("45000")`).
    ///
    /// # Errors
    /// As [`amount`].
    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Option::<FileAmount>::deserialize(d).map(|o| o.map(|a| a.0))
    }

    /// A list of amounts.
    ///
    /// # Errors
    /// As [`amount`].
    pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decimal>, D::Error> {
        Vec::<FileAmount>::deserialize(d).map(|v| v.into_iter().map(|a| a.0).collect())
    }

    /// An amount per key (a director's budget per executive id), each as [`amount`].
    ///
    /// # Errors
    /// As [`amount`].
    pub fn amount_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Decimal>, D::Error> {
        let raw = BTreeMap::<String, FileAmount>::deserialize(d)?;
        Ok(raw.into_iter().map(|(k, a)| (k, a.0)).collect())
    }

    /// Earlier years' amounts per manager id.
    ///
    /// # Errors
    /// As [`amount`].
    pub fn history<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, BTreeMap<i32, Decimal>>, D::Error> {
        let raw = BTreeMap::<String, BTreeMap<i32, FileAmount>>::deserialize(d)?;
        Ok(raw.into_iter().map(|(id, years)| (id, years.into_iter().map(|(y, a)| (y, a.0)).collect())).collect())
    }
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
    fn parses_the_accepted_forms() {
        for text in ["45000", "45.000", "45.000,00", "45.000 kr.", "45 000 kr", " 45000 DKK "] {
            assert_eq!(parse_kr(text), Ok(d(45_000)), "{text}");
        }
        assert_eq!(parse_kr("-10.000"), Ok(d(-10_000)));
        assert_eq!(parse_kr("\u{2212}10.000 kr."), Ok(d(-10_000)));
        assert_eq!(parse_kr("1234,5"), Ok(Decimal::new(12_345, 1)));
        assert_eq!(parse_kr("0"), Ok(d(0)));
    }

    #[test]
    fn refuses_ambiguous_or_broken_input() {
        for text in ["", "  ", "abc", "45.5", "45..000", "4,5,6", "45,000.00", "kr.", "1.2345", "12,345"] {
            assert!(parse_kr(text).is_err(), "{text:?} should be refused");
        }
    }

    #[test]
    fn file_amounts_are_plain_decimals() {
        assert_eq!(parse_file_amount("45000"), Ok(d(45_000)));
        assert_eq!(parse_file_amount("-10000"), Ok(d(-10_000)));
        assert_eq!(parse_file_amount("45000.50"), Ok(Decimal::new(4_500_050, 2)));
        assert_eq!(
            parse_file_amount("45.000,00"),
            Err("«45.000,00» er ikke et beløb i filformatet: skriv 45000.00".to_string())
        );
        assert_eq!(parse_file_amount("1e10"), Err("«1e10» er ikke et beløb i filformatet: skriv 10000000000".into()));
        assert_eq!(parse_file_amount("7.12e5"), Err("«7.12e5» er ikke et beløb i filformatet: skriv 712000".into()));
        assert_eq!(parse_file_amount("1_000"), Err("«1_000» er ikke et beløb i filformatet: skriv 1000".into()));
        for bad in ["", " 45000", "45000 ", ".5", "5.", "1.2.3", "--5", "abc", "0x10", "45 000"] {
            assert!(parse_file_amount(bad).is_err(), "{bad:?} must be refused");
        }
        assert!(parse_file_amount("99999999999999999999999999999999").is_err_and(|e| e.contains("for stort")));
    }

    #[test]
    fn percent_uses_comma() {
        assert_eq!(format_percent(Decimal::new(125, 1)), "12,5 %");
        assert_eq!(format_percent(d(25)), "25 %");
    }
}
