//! Danish amounts read: what people type ([`parse_kr`]: `45.000 kr.`, `45.000,00`) and
//! what the session file holds ([`parse_file_amount`]: plain decimals only).

use rust_decimal::Decimal;
use rust_decimal::prelude::*;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
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
}
