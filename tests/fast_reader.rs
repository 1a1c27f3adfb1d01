//! The fast RON reader (`io::fast_ron`): it reads every session Kalibrer writes, with the
//! same result as `ron`, and whatever it accepts `ron` accepts with the same result – so
//! it can never change what a file means, only how fast it opens. `PROPTEST_CASES`
//! drives the long fuzz.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use kalibrer::engine::generate::generate;
use kalibrer::io::{self, fast_ron};
use kalibrer::model::{Manager, Proposal, Session};

fn ron_reads(text: &str) -> Session {
    ron::from_str(text).unwrap_or_else(|e| panic!("ron: {e}"))
}

#[test]
fn reads_the_demo_with_its_comments_and_every_generated_session() {
    let demo: Session = fast_ron::from_str(io::DEMO_RON).expect("the demo, pretty with comments");
    assert_eq!(demo, ron_reads(io::DEMO_RON));
    assert_eq!(demo.managers.len(), 28);
    assert_eq!(demo.managers[0].id, "DC01");

    for (n, seed) in [(30, 1), (300, 2), (io::session_file::COMPACT_ABOVE + 50, 3)] {
        let session = generate(n, seed).unwrap();
        let text = io::to_ron(&session);
        assert_eq!(text.contains('\n'), n <= io::session_file::COMPACT_ABOVE, "pretty below, compact above");
        let fast: Session = fast_ron::from_str(&text).unwrap_or_else(|_| panic!("declined the generated {n}"));
        assert_eq!(fast, session);
        assert_eq!(fast, ron_reads(&text));
    }
}

#[test]
fn the_loader_gives_the_same_session_and_errors_as_before() {
    // The fast reader declines this (a block comment); ron reads it.
    let commented = io::DEMO_RON.replacen("(\n    version", "/* blok */ (\n    version", 1);
    assert_ne!(commented, io::DEMO_RON);
    assert!(fast_ron::from_str::<Session>(&commented).is_err());
    assert_eq!(io::parse_session(&commented).unwrap(), io::parse_session(io::DEMO_RON).unwrap());

    // A broken file still gets ron's Danish message with line and column.
    let broken = io::DEMO_RON.replacen("year: 2026", "year: 2026x", 1);
    let message = io::parse_session(&broken).unwrap_err().to_string();
    assert!(message.starts_with("linje "), "{message}");
}

/// A session with `text` in every kind of string field a user types into.
fn with_text(text: &str) -> Session {
    let mut s = generate(12, 4).unwrap();
    s.organisation.name = text.to_string();
    let m: &mut Manager = &mut s.managers[3];
    m.name = text.to_string();
    m.unit = format!("{text} · enhed");
    m.proposal =
        Some(Proposal { amount: None, rationale: text.to_string(), by: text.to_string(), ..Proposal::default() });
    if let Some(goal) = m.goals.first_mut() {
        goal.name = text.to_string();
    }
    s
}

/// The demo as written (pretty, comments) and compact.
static TEXTS: std::sync::LazyLock<[String; 2]> = std::sync::LazyLock::new(|| {
    let s = io::parse_session(io::DEMO_RON).unwrap();
    [io::DEMO_RON.to_string(), ron::ser::to_string(&s).unwrap()]
});

proptest! {
    #![proptest_config(ProptestConfig::default())]

    /// Any text a user can type – quotes, backslashes, line breaks, control characters,
    /// emoji – written by Kalibrer is read back by the fast reader unchanged.
    #[test]
    fn any_typed_text_round_trips(text in "(?s).{0,40}", compact in any::<bool>()) {
        let session = with_text(&text);
        let written = if compact { ron::ser::to_string(&session).unwrap() } else { io::to_ron(&session) };
        let fast: Session = fast_ron::from_str(&written).map_err(|_| TestCaseError::fail("declined"))?;
        prop_assert_eq!(&fast, &session);
    }

    /// Whatever the fast reader accepts, ron accepts with the same result.
    #[test]
    fn never_disagrees_with_ron(
        which in 0_usize..2,
        edits in proptest::collection::vec((any::<usize>(), proptest::sample::select(vec![
            " ", "\n", ",", "(", ")", "[", "]", "{", "}", ":", "\"", "\\", "/", "*", "#", "r",
            "-", "+", "0", "1", "9", "_", ".", "e", "x", "u", "Some", "None", "true", "æ",
            "\\u{e6}", "\\x41", "//", "/*", "r#", "b'", "0x1", "1e3", "()", "Box", "\u{a0}",
        ])), 0..4),
        delete in any::<bool>(),
    ) {
        let mut text = TEXTS[which].clone();
        for (at, piece) in edits {
            let mut k = at % text.len();
            while !text.is_char_boundary(k) {
                k -= 1;
            }
            if delete {
                let mut end = (k + piece.len()).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(k..end, piece);
            } else {
                text.insert_str(k, piece);
            }
        }
        if let Ok(fast) = fast_ron::from_str::<Session>(&text) {
            let plain: Session = ron::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("ron refuses what the fast reader read: {e}")))?;
            prop_assert_eq!(fast, plain);
        }
    }

    /// Any string accepted as an amount in a session file – by either reader, in any
    /// amount field – is plain decimal digits with an optional sign and at most one '.',
    /// and both readers read it as the same number.
    #[test]
    fn only_plain_decimals_are_amounts(
        amount in "[-+]?[0-9_.,eE+ x-]{0,8}",
        field in proptest::sample::select(vec!["pool: \"1540000\"", "base_salary: \"1420000\"", "min: \"30000\""]),
    ) {
        let key = field.split(':').next().unwrap_or_default();
        let text = io::DEMO_RON.replacen(field, &format!("{key}: \"{amount}\""), 1);
        let plain = is_plain(&amount);
        let fast = fast_ron::from_str::<Session>(&text).ok();
        let slow = ron::from_str::<Session>(&text).ok();
        let loaded = io::parse_session(&text);
        if fast.is_some() || slow.is_some() {
            prop_assert!(plain, "accepted «{}» as an amount", amount);
        }
        if let (Some(f), Some(r)) = (&fast, &slow) {
            prop_assert_eq!(f, r);
        }
        prop_assert_eq!(fast.is_some() || slow.is_some(), slow.is_some(), "the fast reader accepts only what ron accepts");
        if let Err(e) = loaded {
            let message = e.to_string();
            prop_assert!(!message.contains("Decimal") && !message.contains("expected"), "{}", message);
        }
        prop_assert_eq!(kalibrer::model::money::parse_file_amount(&amount).is_ok(), plain && amount.len() < 28);
    }

    /// Arbitrary text never makes it panic.
    #[test]
    fn never_panics(text in "(?s).{0,300}") {
        let _ = fast_ron::from_str::<Session>(&text);
    }
}

/// `[+-]?digits(.digits)?`, written out without the parser under test.
fn is_plain(text: &str) -> bool {
    let body = text.strip_prefix('-').or_else(|| text.strip_prefix('+')).unwrap_or(text);
    let mut parts = body.split('.');
    let whole = parts.next().unwrap_or_default();
    let frac = parts.next();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    parts.next().is_none() && digits(whole) && frac.is_none_or(digits)
}

#[test]
fn money_in_session_files_is_refused_in_danish_unless_plain() {
    for (written, message) in [
        ("45.000,00", "«45.000,00» er ikke et beløb i filformatet: skriv 45000.00"),
        ("1e10", "«1e10» er ikke et beløb i filformatet: skriv 10000000000"),
        ("7.12e5", "«7.12e5» er ikke et beløb i filformatet: skriv 712000"),
        ("1_000", "«1_000» er ikke et beløb i filformatet: skriv 1000"),
    ] {
        let text = io::DEMO_RON.replacen("pool: \"1540000\"", &format!("pool: \"{written}\""), 1);
        assert!(fast_ron::from_str::<Session>(&text).is_err(), "fast reader accepted {written}");
        let e = io::parse_session(&text).unwrap_err().to_string();
        assert!(e.starts_with("linje 21, kolonne "), "{e}");
        assert!(e.ends_with(&format!(": {message}")), "{e}");
    }
    // Unquoted numbers: whole ones are read, a float (or exponent) is refused.
    let whole = io::DEMO_RON.replacen("pool: \"1540000\"", "pool: 1540000", 1);
    assert_eq!(io::parse_session(&whole).unwrap().policies.pool, 1_540_000.into());
    let float = io::DEMO_RON.replacen("pool: \"1540000\"", "pool: 1.54e6", 1);
    let e = io::parse_session(&float).unwrap_err().to_string();
    assert!(e.ends_with("beløb skrives i anførselstegn uden eksponent: skriv \"1540000\""), "{e}");
}

// The reader on its own, on a small model of every shape it reads or declines.

mod shapes {
    use std::collections::BTreeMap;

    use kalibrer::io::fast_ron::{Declined, from_str};
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    enum Shape {
        Unit,
        Wrapped(Inner),
        Named { size: u8 },
        Pair(i32, String),
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Inner {
        label: String,
        #[serde(default)]
        maybe: Option<i64>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Outer {
        shapes: Vec<Shape>,
        years: BTreeMap<i32, String>,
        flag: bool,
    }

    fn both(text: &str) -> Outer {
        let fast: Outer = from_str(text).unwrap_or_else(|_| panic!("declined: {text}"));
        let ron: Outer = ron::from_str(text).unwrap_or_else(|e| panic!("ron: {e}"));
        assert_eq!(fast, ron);
        fast
    }

    #[test]
    fn reads_what_ron_reads() {
        let text = r#"// a comment
            Outer(
              shapes: [Unit, Wrapped((label: "a\"b\\c\n\u{e6}ø", maybe: Some(-12))), Named(size: 7,), Pair(-3, "x"),],
              years: {2023: "45000", 2024: ""},
              flag: true,
            )"#;
        let outer = both(text);
        assert_eq!(outer.shapes[1], Shape::Wrapped(Inner { label: "a\"b\\c\næø".into(), maybe: Some(-12) }));
        assert_eq!(outer.years[&2023], "45000");
        both("(shapes:[Wrapped((label:\"\"))],years:{},flag:false)");
    }

    #[test]
    fn declines_what_it_does_not_know() {
        for text in [
            "(shapes: [], years: {}, flag: true) x",
            "/* block */ (shapes: [], years: {}, flag: true)",
            "#![enable(implicit_some)] (shapes: [], years: {}, flag: true)",
            "(shapes: [], years: {}, flag: true, extra: 1)",
            "(shapes: [], years: {0x10: \"a\"}, flag: true)",
            "(shapes: [], years: {01: \"a\"}, flag: true)",
            "(shapes: [], years: {1_000: \"a\"}, flag: true)",
            "(shapes: [], years: {+1: \"a\"}, flag: true)",
            "(shapes: [], years: {1: r\"a\"}, flag: true)",
            "(shapes: [], years: {1: \"\\x41\"}, flag: true)",
            "(shapes: [Named(size: 300)], years: {}, flag: true)",
            "(shapes: [,], years: {}, flag: true)",
            "(shapes: [] years: {}, flag: true)",
            "Wrong(shapes: [], years: {}, flag: true)",
            "(shapes: [], years: {}, flag: true",
            "(shapes: [], years: {1: \"open}, flag: true)",
        ] {
            assert_eq!(from_str::<Outer>(text), Err(Declined), "{text}");
        }
    }
}
