//! HR cells of the rules of issue 30: the topcheftillæg (yes/no or an amount per year) and
//! the contract period's dates (`2026-01-01`, `1.1.2026`, `01-01-2026`).

use rust_decimal::Decimal;

use crate::model::money::parse_kr;

/// A topcheftillæg cell: `Ok((has, amount))` – "ja" (the table's amount for the
/// lønramme), "nej"/empty/0, or an amount in kr. ("127.100", "127100,00"). Err: a Danish
/// reason.
pub(super) fn top_supplement(cell: &str) -> Result<(bool, Option<Decimal>), String> {
    if let Some(yes) = yes_no(cell) {
        return Ok((yes, None));
    }
    match parse_kr(cell.trim()) {
        Ok(a) if a.is_zero() => Ok((false, None)),
        Ok(a) if a > Decimal::ZERO => match crate::model::bounds::money_problem("topcheftillægget", a, false) {
            Some(problem) => Err(problem),
            None => Ok((true, Some(a))),
        },
        _ => Err(format!("«{}» er hverken ja, nej eller et beløb", cell.trim())),
    }
}

/// A date cell as `YYYY-MM-DD`: ISO (`2026-01-01`), Danish (`1.1.2026`, `01-01-2026`,
/// `1/1/2026`). Empty → empty. Err: a Danish reason.
pub(super) fn date(cell: &str) -> Result<String, String> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let bad = || format!("«{t}» er ikke en dato (skriv fx 2026-01-01 eller 1.1.2026)");
    let parts: Vec<&str> = t.split(['-', '.', '/']).collect();
    let [a, b, c] = parts.as_slice() else { return Err(bad()) };
    let (y, m, d) = if a.len() == 4 { (*a, *b, *c) } else { (*c, *b, *a) };
    let (y, m, d): (u32, u32, u32) =
        (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    if !(1900..=2200).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

/// Parses a yes/no cell: ja/nej, j/n, x, 1/0, sand/falsk; empty is no.
fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "ja" | "j" | "x" | "1" | "sand" | "true" | "yes" => Some(true),
        "nej" | "n" | "" | "0" | "falsk" | "false" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_supplement_cells() {
        assert_eq!(top_supplement("ja"), Ok((true, None)));
        assert_eq!(top_supplement(""), Ok((false, None)));
        assert_eq!(top_supplement("127.100"), Ok((true, Some(Decimal::from(127_100)))));
        assert!(top_supplement("måske").is_err());
        assert!(top_supplement("-5").is_err());
    }

    #[test]
    fn date_cells() {
        assert_eq!(date("2026-01-01").as_deref(), Ok("2026-01-01"));
        assert_eq!(date("1.1.2026").as_deref(), Ok("2026-01-01"));
        assert_eq!(date("31-12-2027").as_deref(), Ok("2027-12-31"));
        assert_eq!(date("").as_deref(), Ok(""));
        assert!(date("2026-13-01").is_err());
        assert!(date("i morgen").is_err());
    }
}
