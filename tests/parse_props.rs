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

    #[test]
    fn parse_kr_accepts_danish_shapes(text in "[0-9 .,kr−-]{0,20}") {
        let _ = parse_kr(&text);
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

/// The demo as compact and as pretty RON, for the two-thread reader's property.
static DEMO_TEXTS: std::sync::LazyLock<[String; 2]> = std::sync::LazyLock::new(|| {
    let s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    [ron::ser::to_string(&s).unwrap(), kalibrer::io::DEMO_RON.to_string()]
});

proptest! {
    /// Whatever the two-thread reader accepts, the plain parser accepts with the same
    /// result: splitting the managers list never changes what a file means.
    #[test]
    fn the_two_thread_reader_never_disagrees_with_the_plain_parse(
        which in 0_usize..2,
        edits in proptest::collection::vec((any::<usize>(), proptest::sample::select(
            vec!['(', ')', '[', ']', ',', '"', '\\', ' ', 'x', '1', ':', '#', '/', 'r'])), 0..4),
    ) {
        let mut bytes = DEMO_TEXTS[which].clone().into_bytes();
        for (at, c) in edits {
            let k = at % bytes.len();
            if bytes[k].is_ascii() {
                bytes[k] = u8::try_from(c).unwrap();
            }
        }
        let text = String::from_utf8(bytes).unwrap();
        if let Some(parallel) = kalibrer::io::parallel_parse::parse_from(&text, 0) {
            let plain: kalibrer::model::Session = ron::from_str(&text).unwrap();
            prop_assert_eq!(parallel, plain);
        }
    }
}
