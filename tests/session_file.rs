//! Loading and saving the session file: round trip, every kind of broken file, atomic save.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use kalibrer::io::session_file::{SaveStep, save_text_atomic};
use kalibrer::io::{self, DEMO_RON, LoadError};

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
    // Pretty text of the same session (whitespace, newlines: the fast reader declines, `ron`
    // reads it) works too.
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
