//! Offline preparation and merge: round trip, each conflict kind, nothing lost silently.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use rust_decimal::Decimal;

use kalibrer::engine::merge::{ConflictKind, Prefer, merge};
use kalibrer::engine::prep::make_prep;
use kalibrer::model::{Proposal, Session};

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

fn prep_for(s: &Session, who: &str) -> Session {
    make_prep(s, who, "2026-11-20T10:00:00Z").unwrap()
}

#[test]
fn prep_holds_only_the_directors_reports_and_round_trips_through_a_file() {
    let s = demo();
    let p = prep_for(&s, "DIR-A");
    assert!(!p.managers.is_empty());
    assert!(p.managers.iter().all(|m| m.superior == "DIR-A"));
    assert!(p.history.keys().all(|id| p.managers.iter().any(|m| &m.id == id)));
    assert_eq!(p.levels, s.levels);
    // By name too, case-insensitive.
    assert_eq!(prep_for(&s, "henrik lykke andersen").managers.len(), p.managers.len());
    let again = kalibrer::io::parse_session(&kalibrer::io::to_ron(&p)).unwrap();
    assert_eq!(again, p);
}

#[test]
fn unknown_executive_lists_the_valid_ones() {
    let e = make_prep(&demo(), "Nogen", "t").unwrap_err();
    assert!(e.contains("ukendt direktør «Nogen»") && e.contains("DIR-A (Henrik Lykke Andersen)"), "{e}");
}

#[test]
fn edit_then_merge_applies_scores_and_proposals_and_logs_them() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    let id = p.managers[0].id.clone();
    p.managers[0].box_scores.insert("faglighed".into(), 1);
    p.managers[0].proposal =
        Some(Proposal { amount: Some(Decimal::from(48_000)), rationale: "Årets bedste leverance".into() });
    let (merged, report) = merge(&s, &[("a.ron".into(), p)], None);
    assert!(report.resolved && report.conflicts.is_empty(), "{:?}", report.conflicts);
    let m = merged.managers.iter().find(|m| m.id == id).unwrap();
    assert_eq!(m.box_scores["faglighed"], 1);
    assert_eq!(m.proposal.as_ref().unwrap().rationale, "Årets bedste leverance");
    assert_eq!(report.applied.len(), 2);
    let log: Vec<_> = merged.change_log.iter().filter(|e| e.manager.as_deref() == Some(&id)).collect();
    assert_eq!(log.len(), 2);
    assert!(log.iter().all(|e| e.who == "DIR-A" && e.why.contains("a.ron")));
}

#[test]
fn a_value_changed_in_the_session_meanwhile_is_a_conflict_not_an_overwrite() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    let id = p.managers[0].id.clone();
    p.managers[0].box_scores.insert("trivsel".into(), 1);
    let mut session = s.clone();
    let i = session.manager_index(&id).unwrap();
    session.managers[i].box_scores.insert("trivsel".into(), 5);
    let (merged, report) = merge(&session, &[("a.ron".into(), p.clone())], None);
    assert!(!report.resolved);
    assert!(report.conflicts.iter().any(|c| c.kind == ConflictKind::SessionChanged
        && c.manager == id
        && c.session_value == "5"
        && c.prep_value == "1"));
    assert_eq!(merged.managers[i].box_scores["trivsel"], 5, "session value kept");
    let (taken, _) = merge(&session, &[("a.ron".into(), p.clone())], Some(Prefer::Prep));
    assert_eq!(taken.managers[i].box_scores["trivsel"], 1);
    let (kept, r) = merge(&session, &[("a.ron".into(), p)], Some(Prefer::Session));
    assert_eq!(kept.managers[i].box_scores["trivsel"], 5);
    assert!(r.resolved);
}

#[test]
fn unknown_manager_other_superior_two_preps_and_other_session() {
    let s = demo();
    let mut p1 = prep_for(&s, "DIR-A");
    let mut p2 = prep_for(&s, "DIR-A");
    let id = p1.managers[0].id.clone();
    p1.managers[0].notes.clear();
    p1.managers[0].box_scores.insert("handlekraft".into(), 1);
    p2.managers[0].box_scores.insert("handlekraft".into(), 2);
    // Unknown manager: the session no longer has the last one.
    let gone = p1.managers.last().unwrap().id.clone();
    p1.managers.last_mut().unwrap().box_scores.insert("faglighed".into(), 6);
    let mut session = s.clone();
    session.managers.retain(|m| m.id != gone);
    let (_, r) = merge(&session, &[("p1".into(), p1.clone()), ("p2".into(), p2)], None);
    assert!(r.conflicts.iter().any(|c| c.kind == ConflictKind::UnknownManager && c.manager == gone));
    assert!(r.conflicts.iter().any(|c| c.kind == ConflictKind::TwoPreps && c.manager == id && c.prep == "p2"));
    // Another superior now.
    let mut moved = s.clone();
    let i = moved.manager_index(&id).unwrap();
    moved.managers[i].superior = "DIR-B".into();
    let (m, r) = merge(&moved, &[("p1".into(), p1.clone())], None);
    assert!(r.conflicts.iter().any(|c| c.kind == ConflictKind::OtherSuperior && c.manager == id));
    assert_ne!(m.managers[i].box_scores.get("handlekraft"), Some(&1));
    // Another session (other year).
    let mut other = s.clone();
    other.year = 2027;
    let (m, r) = merge(&other, &[("p1".into(), p1.clone())], None);
    assert!(r.conflicts.iter().any(|c| c.kind == ConflictKind::OtherSession));
    assert_eq!(m.managers, other.managers, "nothing applied from another session");
    // An older version of this session: fields still merge, the report says so.
    let mut newer = s.clone();
    newer.managers[20].notes = "ændret siden".into();
    let (_, r) = merge(&newer, &[("p1".into(), p1)], None);
    assert!(r.conflicts.iter().any(|c| c.kind == ConflictKind::OlderVersion));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every field a prep changed ends either applied or reported: never lost silently.
    #[test]
    fn merge_never_loses_a_value_it_does_not_report(
        edits in proptest::collection::vec((0_usize..8, 0_usize..5, 1_u8..7), 1..12),
        session_edits in proptest::collection::vec((0_usize..8, 0_usize..5, 1_u8..7), 0..6),
    ) {
        let s = demo();
        let mut p = prep_for(&s, "DIR-A");
        let crit = ["faglighed", "kompleksitet", "trivsel", "handlekraft", "kompetence"];
        let n = p.managers.len();
        for (m, c, v) in &edits {
            p.managers[m % n].box_scores.insert(crit[*c].into(), *v);
        }
        let mut session = s.clone();
        for (m, c, v) in &session_edits {
            let id = p.managers[m % n].id.clone();
            let i = session.manager_index(&id).unwrap();
            session.managers[i].box_scores.insert(crit[*c].into(), *v);
        }
        let (merged, report) = merge(&session, &[("p".into(), p.clone())], None);
        let base = &p.prep.as_ref().unwrap().base;
        for (k, pm) in p.managers.iter().enumerate() {
            for c in crit {
                let (b, pv) = (base[k].box_scores.get(c), pm.box_scores.get(c));
                if b == pv { continue; }
                let i = merged.manager_index(&pm.id).unwrap();
                let applied = merged.managers[i].box_scores.get(c) == pv;
                let reported = report.conflicts.iter().any(|x| x.manager == pm.id && x.field == format!("Score {c}"));
                prop_assert!(applied || reported, "{} {} lost", pm.id, c);
            }
        }
    }
}

#[test]
fn cli_prep_then_merge_round_trip_and_conflict_exit_code() {
    let bin = env!("CARGO_BIN_EXE_kalibrer");
    let dir = std::env::temp_dir().join(format!("kalibrer-prep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let demo_path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.ron");
    let prep = dir.join("prep.ron");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let o = run(&["prep", demo_path, "--for", "DIR-B", "--out", prep.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let bad = run(&["prep", demo_path, "--for", "X", "--out", prep.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("gyldige er"));
    let mut p = kalibrer::io::load_session_file(&prep).unwrap();
    p.managers[0].box_scores.insert("kompetence".into(), 1);
    kalibrer::io::save_session(&prep, &p).unwrap();
    let out = dir.join("merged.ron");
    let o = run(&["merge", demo_path, prep.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stdout).contains("indlæst"));
    let merged = kalibrer::io::load_session_file(&out).unwrap();
    let i = merged.manager_index(&p.managers[0].id).unwrap();
    assert_eq!(merged.managers[i].box_scores["kompetence"], 1);
    // Merging the same prep into the merged session with a different session value: conflict, exit 1.
    let mut changed = merged.clone();
    changed.managers[i].box_scores.insert("kompetence".into(), 4);
    let changed_path = dir.join("changed.ron");
    kalibrer::io::save_session(&changed_path, &changed).unwrap();
    let out2 = dir.join("merged2.ron");
    let o = run(&["merge", changed_path.to_str().unwrap(), prep.to_str().unwrap(), "--out", out2.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("konflikt"));
    assert!(!out2.exists(), "nothing written on conflicts");
    let o = run(&[
        "merge",
        changed_path.to_str().unwrap(),
        prep.to_str().unwrap(),
        "--out",
        out2.to_str().unwrap(),
        "--prefer",
        "session",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}
