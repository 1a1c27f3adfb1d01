//! Danish input of the contract's fields: a date typed as `dd.mm.åååå` and a percentage
//! with a Danish decimal comma, each refused with a Danish message naming the field.

use rust_decimal::Decimal;

/// Reads a date typed as `dd.mm.åååå` (also `d.m.åååå`) and returns it as the file keeps
/// it, `YYYY-MM-DD`; an empty text is no date (`Ok(None)`).
///
/// # Errors
/// A Danish message naming `field` and the text, when it is not a real day.
pub fn parse_date(field: &str, text: &str) -> Result<Option<String>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let refuse = || format!("{field}: «{t}» er ikke en dato – skriv dd.mm.åååå, fx 01.01.2026");
    let parts: Vec<&str> = t.split('.').collect();
    let [d, m, y] = parts.as_slice() else { return Err(refuse()) };
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse::<u32>().ok())
    };
    let (Some(Some(day)), Some(Some(month)), Some(Some(year))) = (digits(d, 2), digits(m, 2), digits(y, 4)) else {
        return Err(refuse());
    };
    if y.len() != 4 || !(1..=12).contains(&month) || day == 0 || day > days_in(month, year) {
        return Err(refuse());
    }
    Ok(Some(format!("{year:04}-{month:02}-{day:02}")))
}

/// The number of days in `month` of `year` (Gregorian).
fn days_in(month: u32, year: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date `YYYY-MM-DD` as typed in the app, `dd.mm.åååå` (the text itself when it is not
/// one).
#[must_use]
pub fn show_date(iso: &str) -> String {
    match (iso.get(..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) if iso.len() == 10 => format!("{d}.{m}.{y}"),
        _ => iso.to_string(),
    }
}

/// Reads a percentage between 0 and `max` typed with a Danish decimal comma ("50", "62,5",
/// "62,5 %"); an empty text is none (`Ok(None)`).
///
/// # Errors
/// A Danish message naming `field` and the text.
pub fn parse_percent(field: &str, text: &str, max: Decimal) -> Result<Option<Decimal>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let body = t.strip_suffix('%').unwrap_or(t).trim();
    let plain =
        !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == ',') && body.matches(',').count() <= 1;
    let value = plain.then(|| body.replace(',', ".").parse::<Decimal>().ok()).flatten();
    match value {
        Some(v) if v <= max => Ok(Some(v)),
        Some(_) => Err(format!("{field}: «{t}» ligger over {} %", max.normalize())),
        None => Err(format!("{field}: «{t}» er ikke en procentsats – skriv fx 50 eller 62,5")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_dates_are_read_strictly() {
        assert_eq!(parse_date("Start", "01.06.2026"), Ok(Some("2026-06-01".into())));
        assert_eq!(parse_date("Start", "1.6.2026"), Ok(Some("2026-06-01".into())));
        assert_eq!(parse_date("Start", "29.02.2028"), Ok(Some("2028-02-29".into())));
        assert_eq!(parse_date("Start", " "), Ok(None));
        for bad in ["29.02.2026", "31.04.2026", "2026-06-01", "1.13.2026", "01.06.26", "a.b.c", "1.6.2026.1"] {
            let e = parse_date("Kontraktens start", bad).unwrap_err();
            assert!(e.starts_with("Kontraktens start: «") && e.contains("dd.mm.åååå"), "{bad}: {e}");
        }
        assert_eq!(show_date("2026-06-01"), "01.06.2026");
    }

    const H: Decimal = Decimal::ONE_HUNDRED;

    #[test]
    fn danish_percentages() {
        assert_eq!(parse_percent("Andel", "50", H), Ok(Some(Decimal::from(50))));
        assert_eq!(parse_percent("Andel", "62,5 %", H), Ok(Some(Decimal::new(625, 1))));
        assert_eq!(parse_percent("Andel", "", H), Ok(None));
        assert!(parse_percent("Andel", "62.5", H).unwrap_err().contains("ikke en procentsats"));
        assert!(parse_percent("Andel", "120", H).unwrap_err().contains("over 100 %"));
        assert!(parse_percent("Andel", "-5", H).is_err());
    }
}
