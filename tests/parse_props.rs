//! Property tests: the Danish amount parser and the session loader never panic, and
//! amounts round-trip through the formatter. `PROPTEST_CASES=1000000` runs the long fuzz.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use rust_decimal::Decimal;

use kalibrer::io;
use kalibrer::model::money::{format_kr, format_number, parse_kr};

proptest! {
    // Cases from PROPTEST_CASES (default 256); the long fuzz sets it to 1000000.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn parse_kr_never_panics(text in ".{0,40}") {
        let _ = parse_kr(&text);
    }

    /// Every Danish way of writing an amount – thousands dots or spaces or none, a decimal
    /// comma with two digits, a hyphen or U+2212 minus, "kr."/"kr" after – reads as its value.
    #[test]
    fn parse_kr_accepts_danish_shapes(
        kr in 0_u64..100_000_000,
        ore in proptest::option::of(0_i64..100),
        separator in proptest::sample::select(vec!["", ".", " "]),
        minus in proptest::sample::select(vec!["", "-", "\u{2212}"]),
        suffix in proptest::sample::select(vec!["", " kr.", " kr", "kr."]),
    ) {
        // The thousands grouped from the right: 1234567 → 1 234 567.
        let digits = kr.to_string();
        let head = digits.len() % 3;
        let mut groups: Vec<&str> = if head > 0 { vec![&digits[..head]] } else { Vec::new() };
        groups.extend((head..digits.len()).step_by(3).map(|k| &digits[k..k + 3]));
        let decimals = ore.map_or_else(String::new, |o| format!(",{o:02}"));
        let text = format!("{minus}{}{decimals}{suffix}", groups.join(separator));
        let value = Decimal::from(kr) + Decimal::new(ore.unwrap_or(0), 2);
        let expected = if minus.is_empty() { value } else { -value };
        prop_assert_eq!(parse_kr(&text).ok(), Some(expected), "{}", text);
    }

    #[test]
    fn whole_and_two_decimal_amounts_round_trip(kr in -10_000_000_i64..10_000_000, ore in 0_i64..100) {
        let amount = Decimal::from(kr) + Decimal::new(ore, 2) * Decimal::from(kr.signum().max(0) * 2 - 1).abs();
        prop_assert_eq!(parse_kr(&format_kr(amount)).unwrap(), amount);
        prop_assert_eq!(parse_kr(&format_number(amount)).unwrap(), amount);
    }

    #[test]
    fn session_loader_never_panics_on_arbitrary_text(text in "(?s).{0,300}") {
        let _ = io::parse_session(&text);
    }

    #[test]
    fn session_loader_never_panics_on_mutated_demo(cut in 0_usize..20_000, insert in ".{0,8}") {
        let demo = io::DEMO_RON;
        let mut at = cut % demo.len();
        while !demo.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + 3).min(demo.len());
        while !demo.is_char_boundary(end) {
            end += 1;
        }
        let mutated = format!("{}{}{}", &demo[..at], insert, &demo[end..]);
        if let Err(e) = io::parse_session(&mutated) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}
