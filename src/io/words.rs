//! Amounts in Danish words for letters: 45.000 → "femogfyrretusinde".

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

const ONES: [&str; 20] = [
    "nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv", "tretten", "fjorten",
    "femten", "seksten", "sytten", "atten", "nitten",
];
const TENS: [&str; 10] = ["", "", "tyve", "tredive", "fyrre", "halvtreds", "tres", "halvfjerds", "firs", "halvfems"];

/// The Danish names of 10^6, 10^9, … 10^27 (the long scale), singular and plural. A
/// `Decimal` is below 8 × 10^28, so "kvadrilliard" is the largest name ever needed.
const SCALE: [(&str, &str); 8] = [
    ("million", "millioner"),
    ("milliard", "milliarder"),
    ("billion", "billioner"),
    ("billiard", "billiarder"),
    ("trillion", "trillioner"),
    ("trilliard", "trilliarder"),
    ("kvadrillion", "kvadrillioner"),
    ("kvadrilliard", "kvadrilliarder"),
];

/// 0–99 in words: 45 → "femogfyrre".
fn below_hundred(n: u16) -> String {
    let n = usize::from(n % 100);
    if n < 20 {
        return ONES[n].to_string();
    }
    let (t, o) = (n / 10, n % 10);
    if o == 0 { TENS[t].to_string() } else { format!("{}og{}", ONES[o], TENS[t]) }
}

/// 0–999 in words: 245 → "to hundrede og femogfyrre".
fn below_thousand(n: u16) -> String {
    let (h, rest) = (usize::from(n / 100 % 10), n % 100);
    match (h, rest) {
        (0, r) => below_hundred(r),
        (1, 0) => "et hundrede".to_string(),
        (h, 0) => format!("{} hundrede", ONES[h]),
        (1, r) => format!("et hundrede og {}", below_hundred(r)),
        (h, r) => format!("{} hundrede og {}", ONES[h], below_hundred(r)),
    }
}

/// A group of three digits (1–999) as the count of a scale word: "en million", "to
/// milliarder", "et hundrede og tyve billioner".
fn scaled(group: u16, (singular, plural): (&str, &str)) -> String {
    if group == 1 { format!("en {singular}") } else { format!("{} {plural}", below_thousand(group)) }
}

/// A whole number of kroner in Danish words (as written on a cheque): 45.000 →
/// "femogfyrretusinde", 1.250.500 → "en million to hundrede og halvtredstusinde fem
/// hundrede", 2.000.000.000 → "to milliarder". Øre are dropped (the amount is truncated to
/// whole kroner); negative amounts get "minus". Defined for every `Decimal`.
#[must_use]
pub fn kr_in_words(amount: Decimal) -> String {
    let negative = amount < Decimal::ZERO && !amount.trunc().is_zero();
    // |Decimal| < 2^96, so the whole part always fits in a u128.
    let mut n = amount.abs().trunc().to_u128().unwrap_or(0);
    if n == 0 {
        return ONES[0].to_string();
    }
    // Groups of three digits, lowest first: [ones, thousands, millions, milliards, …].
    let mut groups: Vec<u16> = Vec::new();
    while n > 0 {
        groups.push(u16::try_from(n % 1_000).unwrap_or(0));
        n /= 1_000;
    }
    let mut parts = Vec::new();
    for (k, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        parts.push(match k {
            0 => below_thousand(group),
            1 if group == 1 => "et tusinde".to_string(),
            1 => format!("{}tusinde", below_thousand(group)),
            k => SCALE.get(k - 2).map_or_else(|| below_thousand(group), |&names| scaled(group, names)),
        });
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

    /// Issue 16: 2.000.000.000 kr. indexed past the table and panicked.
    #[test]
    fn milliards_and_beyond_never_panic() {
        assert_eq!(w(2_000_000_000), "to milliarder");
        assert_eq!(w(1_000_000_000), "en milliard");
        assert_eq!(w(2_000_000_001), "to milliarder en");
        assert_eq!(w(999_000_000), "ni hundrede og nioghalvfems millioner");
        assert_eq!(w(1_000_000_000_000_000), "en billiard");
        assert_eq!(w(3_500_000_000_000), "tre billioner fem hundrede milliarder");
        assert_eq!(w(-2_000_000_000), "minus to milliarder");
        let e28 = Decimal::from_i128_with_scale(10_i128.pow(28), 0);
        assert_eq!(kr_in_words(e28), "ti kvadrilliarder");
        // The largest Decimal: 79.228.162.514.264.337.593.543.950.335.
        assert!(
            kr_in_words(Decimal::MAX)
                .starts_with("nioghalvfjerds kvadrilliarder to hundrede og otteogtyve kvadrillioner")
        );
        assert!(kr_in_words(Decimal::MIN).starts_with("minus nioghalvfjerds kvadrilliarder"));
    }

    #[test]
    fn oere_are_dropped() {
        assert_eq!(kr_in_words(Decimal::new(4_599_999, 2)), "femogfyrretusinde ni hundrede og nioghalvfems");
        assert_eq!(kr_in_words(Decimal::new(50, 2)), "nul");
        assert_eq!(kr_in_words(Decimal::new(-50, 2)), "nul", "no 'minus nul'");
        assert_eq!(kr_in_words(Decimal::new(-150, 2)), "minus en");
    }

    proptest::proptest! {
        /// Every Decimal has words: no panic, "minus" exactly for a negative whole part,
        /// and the words depend only on the whole kroner.
        #[test]
        fn every_decimal_has_words(lo in proptest::prelude::any::<u64>(), hi in 0_u32..u32::MAX, negative in proptest::prelude::any::<bool>(), scale in 0_u32..=28) {
            let amount = Decimal::from_parts(u32::try_from(lo & 0xFFFF_FFFF).unwrap_or(0), u32::try_from(lo >> 32).unwrap_or(0), hi, negative, scale);
            let text = kr_in_words(amount);
            proptest::prop_assert!(!text.is_empty() && !text.contains("  "));
            proptest::prop_assert_eq!(text.starts_with("minus "), amount.trunc() < Decimal::ZERO);
            proptest::prop_assert_eq!(&text, &kr_in_words(amount.trunc()));
        }
    }
}
