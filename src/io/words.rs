//! Amounts in Danish words for letters: 45.000 → "femogfyrretusinde".

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

const ONES: [&str; 20] = [
    "nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv", "tretten", "fjorten",
    "femten", "seksten", "sytten", "atten", "nitten",
];
const TENS: [&str; 10] = ["", "", "tyve", "tredive", "fyrre", "halvtreds", "tres", "halvfjerds", "firs", "halvfems"];

/// 0–99 in words: 45 → "femogfyrre".
fn below_hundred(n: u64) -> String {
    if n < 20 {
        return ONES[n as usize].to_string();
    }
    let (t, o) = ((n / 10) as usize, (n % 10) as usize);
    if o == 0 { TENS[t].to_string() } else { format!("{}og{}", ONES[o], TENS[t]) }
}

/// 0–999 in words: 245 → "to hundrede og femogfyrre".
fn below_thousand(n: u64) -> String {
    let (h, rest) = (n / 100, n % 100);
    match (h, rest) {
        (0, r) => below_hundred(r),
        (1, 0) => "et hundrede".to_string(),
        (h, 0) => format!("{} hundrede", ONES[h as usize]),
        (1, r) => format!("et hundrede og {}", below_hundred(r)),
        (h, r) => format!("{} hundrede og {}", ONES[h as usize], below_hundred(r)),
    }
}

/// A whole number of kroner in Danish words (as written on a cheque): 45.000 →
/// "femogfyrretusinde", 1.250.500 → "en million to hundrede og halvtredstusinde fem hundrede".
/// Øre are dropped; negative amounts get "minus".
#[must_use]
pub fn kr_in_words(amount: Decimal) -> String {
    let negative = amount < Decimal::ZERO;
    let n = amount.abs().trunc().to_u64().unwrap_or(0);
    let mut parts = Vec::new();
    let millions = n / 1_000_000;
    let thousands = (n / 1_000) % 1_000;
    let rest = n % 1_000;
    if millions > 0 {
        parts.push(if millions == 1 {
            "en million".to_string()
        } else {
            format!("{} millioner", below_thousand(millions))
        });
    }
    if thousands > 0 {
        parts.push(match thousands {
            1 => "et tusinde".to_string(),
            t => format!("{}tusinde", below_thousand(t)),
        });
    }
    if rest > 0 || n == 0 {
        parts.push(below_thousand(rest));
    }
    let text = parts.join(" ");
    if negative { format!("minus {text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(n: i64) -> String {
        kr_in_words(Decimal::from(n))
    }

    #[test]
    fn danish_number_words() {
        assert_eq!(w(0), "nul");
        assert_eq!(w(21), "enogtyve");
        assert_eq!(w(45_000), "femogfyrretusinde");
        assert_eq!(w(1_000), "et tusinde");
        assert_eq!(w(100_000), "et hundredetusinde");
        assert_eq!(w(137_000), "et hundrede og syvogtredivetusinde");
        assert_eq!(w(60_500), "trestusinde fem hundrede");
        assert_eq!(w(1_250_500), "en million to hundrede og halvtredstusinde fem hundrede");
        assert_eq!(w(-3), "minus tre");
    }
}
