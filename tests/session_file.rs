//! Loading and saving the session file: round trip, every kind of broken file, atomic save.
//! Sessions are read by `ron` alone; its errors carry line and column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use proptest::prelude::*;

use kalibrer::engine::generate::generate;
use kalibrer::io::session_file::{SaveStep, save_text_atomic};
use kalibrer::io::{self, DEMO_RON, LoadError};
use kalibrer::model::{Manager, Proposal, Session};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-sf-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn message(text: &str) -> String {
    io::parse_session(text).unwrap_err().to_string()
}

#[test]
fn demo_round_trips_through_ron() {
    let s = io::parse_session(DEMO_RON).unwrap();
    let again = io::parse_session(&io::to_ron(&s)).unwrap();
    assert_eq!(s, again);
    assert_eq!(s.managers.len(), 28);
}

#[test]
fn syntax_error_has_line_and_column_in_danish() {
    let broken = DEMO_RON.replacen("year: 2026,", "year: 2026", 1);
    let e = io::parse_session(&broken).unwrap_err();
    let LoadError::Syntax { line, message, .. } = &e else { panic!("{e}") };
    let expected_line = DEMO_RON.lines().position(|l| l.contains("year: 2026")).unwrap() + 1;
    assert!((expected_line..=expected_line + 1).contains(line), "line {line}, expected ~{expected_line}");
    assert!(message.contains("komma"), "{message}");
}

#[test]
fn truncated_file_says_so_with_a_line() {
    let cut = &DEMO_RON[..DEMO_RON.len() / 2];
    let e = io::parse_session(cut).unwrap_err();
    assert!(matches!(e, LoadError::Syntax { line, .. } if line > 1), "{e}");
    assert!(e.to_string().starts_with("linje "), "{e}");
}

#[test]
fn unknown_level_duplicate_id_and_negative_salary_are_refused_by_id() {
    let unknown = DEMO_RON.replacen("level: \"AC\"", "level: \"XX\"", 1);
    assert!(message(&unknown).contains("ukendt niveau «XX»"));
    assert!(message(&unknown).contains("leder AC01"));
    let dup = DEMO_RON.replacen("id: \"KC02\"", "id: \"KC01\"", 1);
    assert!(message(&dup).contains("leder KC01: id'et bruges af flere ledere"), "{}", message(&dup));
    let neg = DEMO_RON.replacen("base_salary: \"712000\"", "base_salary: \"-712000\"", 1);
    assert!(message(&neg).contains("leder KC01: grundlønnen (-712000 kr.) er under 0 kr."), "{}", message(&neg));
}

#[test]
fn weights_not_100_opens_with_a_warning_by_id() {
    let s = io::parse_session(DEMO_RON).unwrap();
    let mut bad = s.clone();
    let i = bad.managers.iter().position(|m| !m.goals.is_empty()).unwrap();
    bad.managers[i].goals[0].weight += rust_decimal::Decimal::from(5);
    let text = io::to_ron(&bad);
    let loaded = io::parse_session(&text).unwrap();
    let problems = io::validate(&loaded);
    let p = problems.iter().find(|p| p.place == format!("leder {}", bad.managers[i].id)).unwrap();
    assert!(!p.refuses);
    assert!(p.message.contains("105 %"), "{}", p.message);
}

#[test]
fn a_newer_version_is_refused_clearly() {
    let future = DEMO_RON.replacen("version: 3,", "version: 7,", 1);
    let e = io::parse_session(&future).unwrap_err();
    assert!(matches!(e, LoadError::NewerVersion { found: 7, supported: 3 }), "{e}");
    assert!(e.to_string().contains("version 7"));
    // Even when the rest of the file has fields this version does not know.
    let future = future.replacen("currency: \"DKK\",", "currency: \"DKK\", new_thing: 3,", 1);
    assert!(matches!(io::parse_session(&future).unwrap_err(), LoadError::NewerVersion { .. }));
}

#[test]
fn garbage_and_non_utf8_never_panic() {
    for text in ["", "(", "()", "((((((", "version: 1", "\u{0}\u{1}", "[1,2,3]"] {
        assert!(io::parse_session(text).is_err());
    }
    let dir = temp_dir("utf8");
    let f = dir.join("x.ron");
    std::fs::write(&f, b"(version: 1,\n organisation: (name: \"\xff\xfe\")").unwrap();
    let e = io::load_session_file(&f).unwrap_err();
    assert!(matches!(e, LoadError::Syntax { line: 2, .. }), "{e}");
}

#[test]
fn atomic_save_keeps_the_old_file_when_any_step_fails() {
    let dir = temp_dir("atomic");
    let f = dir.join("session.ron");
    std::fs::write(&f, "gammel").unwrap();
    for step in [SaveStep::Create, SaveStep::Write, SaveStep::Sync, SaveStep::Rename] {
        let e = save_text_atomic(&f, "ny", Some(step)).unwrap_err();
        assert!(e.to_string().contains("session.ron"), "{e}");
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "gammel", "after failing at {step:?}");
        let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left after {step:?}");
    }
    save_text_atomic(&f, "ny", None).unwrap();
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "ny");
}

#[test]
fn saving_into_a_missing_folder_gives_a_danish_message() {
    let s = io::parse_session(DEMO_RON).unwrap();
    let e = io::save_session(std::path::Path::new("/nonexistent-kalibrer/x.ron"), &s).unwrap_err();
    assert!(e.to_string().contains("kan ikke gemme /nonexistent-kalibrer/x.ron"), "{e}");
}

#[test]
fn a_malformed_file_is_never_changed_by_loading() {
    let dir = temp_dir("malformed");
    let f = dir.join("broken.ron");
    let text = &DEMO_RON[..DEMO_RON.len() / 3];
    std::fs::write(&f, text).unwrap();
    assert!(io::load_session_file(&f).is_err());
    assert_eq!(std::fs::read_to_string(&f).unwrap(), text);
}

#[test]
fn every_released_file_version_still_opens() {
    // One fixture per released format version; add a file here before changing the format
    // and write the migration that keeps it opening.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron")
            && path.file_name().unwrap().to_string_lossy().starts_with("session_v")
        {
            let s = io::load_session_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(s.version <= kalibrer::model::CURRENT_VERSION);
            seen += 1;
        }
    }
    assert!(seen >= 1);
}

#[test]
fn very_large_sessions_are_written_compact_and_read_back() {
    let s = kalibrer::engine::generate::generate(kalibrer::io::session_file::COMPACT_ABOVE + 1, 3).unwrap();
    let text = kalibrer::io::to_ron(&s);
    assert!(!text.contains("\n    "), "compact RON has no indentation");
    assert_eq!(kalibrer::io::parse_session(&text).unwrap(), s);
    let small = kalibrer::engine::generate::generate(30, 3).unwrap();
    assert!(kalibrer::io::to_ron(&small).contains("\n    "), "small sessions stay readable");
}

#[test]
fn very_large_files_read_equal_and_errors_still_say_where() {
    let s = kalibrer::engine::generate::generate(3_000, 5).unwrap();
    let text = kalibrer::io::to_ron(&s);
    assert_eq!(kalibrer::io::parse_session(&text).unwrap(), s);
    // Pretty text of the same session works too.
    let pretty = ron::ser::to_string_pretty(&s, ron::ser::PrettyConfig::default()).unwrap();
    assert_eq!(kalibrer::io::parse_session(&pretty).unwrap(), s);
    // A damaged manager in the second half: the error names the place, as without threads.
    let at = text.rfind("base_salary:\"").unwrap();
    let broken = format!("{}base_salary:!{}", &text[..at], &text[at + "base_salary:".len()..]);
    match kalibrer::io::parse_session(&broken) {
        Err(kalibrer::io::LoadError::Syntax { line, column, .. }) => {
            assert_eq!(line, 1);
            // Columns count characters (æøå are one each), from 1.
            assert_eq!(column, broken[..at + "base_salary:".len()].chars().count() + 1);
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn generated_sessions_round_trip_pretty_below_and_compact_above_the_limit() {
    for (n, seed) in [(30, 1), (300, 2), (io::session_file::COMPACT_ABOVE + 50, 3)] {
        let session = generate(n, seed).unwrap();
        let text = io::to_ron(&session);
        assert_eq!(text.contains('\n'), n <= io::session_file::COMPACT_ABOVE, "pretty below, compact above");
        assert_eq!(io::parse_session(&text).unwrap(), session, "{n} managers");
    }
}

#[test]
fn money_in_session_files_is_refused_in_danish_unless_plain() {
    // The demo's pool is on line 21: `    pool: "1540000",` – the value starts in column 11.
    assert_eq!(DEMO_RON.lines().nth(20).map(str::trim), Some("pool: \"1540000\","));
    for (written, expected) in [
        ("45.000,00", "«45.000,00» er ikke et beløb i filformatet: skriv 45000.00"),
        ("1e10", "«1e10» er ikke et beløb i filformatet: skriv 10000000000"),
        ("7.12e5", "«7.12e5» er ikke et beløb i filformatet: skriv 712000"),
        ("1_000", "«1_000» er ikke et beløb i filformatet: skriv 1000"),
    ] {
        let text = DEMO_RON.replacen("pool: \"1540000\"", &format!("pool: \"{written}\""), 1);
        let e = message(&text);
        assert!(e.starts_with("linje 21, kolonne "), "{e}");
        assert!(e.ends_with(&format!(": {expected}")), "{e}");
    }
    // Unquoted numbers: whole ones are read, a float (or exponent) is refused.
    let whole = DEMO_RON.replacen("pool: \"1540000\"", "pool: 1540000", 1);
    assert_eq!(io::parse_session(&whole).unwrap().policies.pool, 1_540_000.into());
    let float = DEMO_RON.replacen("pool: \"1540000\"", "pool: 1.54e6", 1);
    let e = message(&float);
    assert!(e.starts_with("linje 21, kolonne "), "{e}");
    assert!(e.ends_with("beløb skrives i anførselstegn uden eksponent: skriv \"1540000\""), "{e}");
}

/// A session with `text` in every kind of string field a user types into.
fn with_text(text: &str) -> Session {
    let mut s = generate(12, 4).unwrap();
    s.organisation.name = text.to_string();
    let m: &mut Manager = &mut s.managers[3];
    m.name = text.to_string();
    m.unit = format!("{text} · enhed");
    m.proposal = Some(Proposal { rationale: text.to_string(), by: text.to_string(), ..Proposal::default() });
    if let Some(goal) = m.goals.first_mut() {
        goal.name = text.to_string();
    }
    s
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

proptest! {
    /// Any text a user can type – quotes, backslashes, line breaks, control characters,
    /// emoji – written by Kalibrer (pretty or compact) is read back unchanged.
    #[test]
    fn any_typed_text_round_trips(text in "(?s).{0,40}", compact in any::<bool>()) {
        let session = with_text(&text);
        let written = if compact { ron::ser::to_string(&session).unwrap() } else { io::to_ron(&session) };
        prop_assert_eq!(io::parse_session(&written).unwrap(), session);
    }

    /// An amount in a session file is read only when it is plain decimal digits with an
    /// optional sign and at most one '.'; anything else is refused with a Danish message
    /// (never serde's or rust_decimal's English).
    #[test]
    fn only_plain_decimals_are_amounts(
        amount in "[-+]?[0-9_.,eE+ x-]{0,8}",
        field in proptest::sample::select(vec!["pool: \"1540000\"", "base_salary: \"1420000\"", "min: \"30000\""]),
    ) {
        let key = field.split(':').next().unwrap_or_default();
        let text = DEMO_RON.replacen(field, &format!("{key}: \"{amount}\""), 1);
        let plain = is_plain(&amount);
        match io::parse_session(&text) {
            Ok(_) => prop_assert!(plain, "accepted «{}» as an amount", amount),
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.contains("Decimal") && !message.contains("expected"), "{}", message);
                if let LoadError::Syntax { line, .. } = e {
                    let expected = DEMO_RON.lines().position(|l| l.contains(field)).unwrap() + 1;
                    prop_assert_eq!(line, expected, "{}", message);
                }
            }
        }
        prop_assert_eq!(kalibrer::model::money::parse_file_amount(&amount).is_ok(), plain && amount.len() < 28);
    }
}
