//! The director's proposal as data of its own: the typed edit (one log entry, undo), the
//! proposed amount from an assessment, the migration of version-1 and version-2 files,
//! and the round trip prep → merge → meeting edits → save → documentation.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::document::{Document, Edit, EditError};
use kalibrer::engine::proposals::proposed_amount;
use kalibrer::engine::{self, merge, prep};
use kalibrer::io;
use kalibrer::model::log::Change;
use kalibrer::model::{CURRENT_VERSION, Proposal, Session};
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn demo() -> Session {
    io::parse_session(io::DEMO_RON).expect("demo parses")
}

fn amount_of(s: &Session, i: usize) -> Decimal {
    engine::evaluate(s).amounts[i].amount
}

#[test]
fn setting_a_proposal_is_one_typed_entry_and_never_moves_the_amount() {
    let s = demo();
    let i = s.manager_index("KC06").expect("KC06");
    let before = amount_of(&s, i);
    let mut doc = Document::new(s, None);
    let log0 = doc.session().change_log.len();
    // DIR-A proposes faglighed 2 instead of 3 and a skøn of +2.000 kr.: the formula of
    // KC06 (32.000 kr. with faglighed 3 = 12.000) becomes 36.000 + 2.000 = 38.000 kr.
    let p = Proposal {
        scores: [("faglighed".to_string(), 2)].into(),
        adjustment: Some(d(2_000)),
        rationale: "Har stabiliseret kontoret".into(),
        ..Proposal::default()
    };
    doc.apply(Edit::SetProposal { manager: i, proposal: Some(p) }, "DIR-A").expect("set");
    let m = &doc.session().managers[i];
    let stored = m.proposal.as_ref().expect("stored");
    assert_eq!(stored.by, "DIR-A");
    assert!(!stored.when.is_empty());
    assert_eq!(proposed_amount(doc.session(), m), Some(d(38_000)));
    assert_eq!(amount_of(doc.session(), i), before, "the amount is the meeting's, not the proposal's");
    let log = &doc.session().change_log[log0..];
    assert_eq!(log.len(), 1);
    let Change::Proposal { old, new } = &log[0].change else { panic!("{:?}", log[0].change) };
    assert!(old.is_some(), "KC06 had the demo's proposal");
    assert_eq!(new.as_ref().map(|p| p.rationale.as_str()), Some("Har stabiliseret kontoret"));
    assert_eq!(log[0].change.what(), "Forslag");
    // Typing the rationale on: the same undo step; one undo restores the demo's proposal.
    let mut p2 = doc.session().managers[i].proposal.clone().expect("p");
    p2.rationale.push_str(" efter omstruktureringen.");
    doc.apply(Edit::SetProposal { manager: i, proposal: Some(p2) }, "DIR-A").expect("type");
    assert_eq!(doc.session().change_log.len(), log0 + 1, "typing merges into the open entry");
    doc.apply(Edit::Undo, "DIR-A").expect("undo");
    assert_eq!(doc.session().managers[i].proposal.as_ref().and_then(|p| p.amount), Some(d(35_000)));
    // The same proposal again changes nothing.
    let same = doc.session().managers[i].proposal.clone();
    assert_eq!(
        doc.apply(Edit::SetProposal { manager: i, proposal: same }, "DEP"),
        Ok(kalibrer::document::Outcome::Unchanged)
    );
}

#[test]
fn a_proposal_off_the_model_is_refused_with_the_manager_named() {
    let s = demo();
    let kc = s.manager_index("KC06").expect("KC06");
    let ac = s.manager_index("AC01").expect("AC01");
    let mut doc = Document::new(s, None);
    let bad_score = Proposal { scores: [("faglighed".to_string(), 9)].into(), ..Proposal::default() };
    let e = doc.apply(Edit::SetProposal { manager: kc, proposal: Some(bad_score) }, "DIR-A").unwrap_err();
    assert!(matches!(&e, EditError::Invalid { name, .. } if name == &doc.session().managers[kc].name), "{e}");
    let rating_on_box = Proposal { rating: Some(2), ..Proposal::default() };
    assert!(doc.apply(Edit::SetProposal { manager: kc, proposal: Some(rating_on_box) }, "DIR-A").is_err());
    let negative = Proposal { amount: Some(d(-1)), ..Proposal::default() };
    assert!(doc.apply(Edit::SetProposal { manager: ac, proposal: Some(negative) }, "DEP").is_err());
    // A rating on the band-position model (AC): 2 → 60.000 + 80 % × 20.000 = 76.000 kr.
    let rating = Proposal { rating: Some(2), ..Proposal::default() };
    doc.apply(Edit::SetProposal { manager: ac, proposal: Some(rating) }, "DEP").expect("rating");
    assert_eq!(proposed_amount(doc.session(), &doc.session().managers[ac]), Some(d(76_000)));
}

#[test]
fn version_1_and_2_files_open_and_save_as_version_3() {
    for (file, version) in [("tests/data/session_v1.ron", 1), ("tests/data/session_v2.ron", 2)] {
        let text = std::fs::read_to_string(file).expect("fixture");
        assert!(text.contains(&format!("version: {version},")));
        let s = io::parse_session(&text).expect("opens");
        assert_eq!(s.version, CURRENT_VERSION);
        assert_eq!(CURRENT_VERSION, 3);
        // The old proposal field is the proposal, by the manager's superior.
        let kc01 = &s.managers[s.manager_index("KC01").expect("KC01")];
        let p = kc01.proposal.as_ref().expect("KC01 has a proposal");
        assert_eq!((p.amount, p.by.as_str(), p.when.as_str()), (Some(d(46_000)), "DIR-A", ""));
        assert!(s.managers.iter().filter_map(|m| m.proposal.as_ref().map(|p| (p, m))).all(|(p, m)| p.by == m.superior));
        let saved = io::to_ron(&s);
        assert!(saved.contains("version: 3,"), "{file}");
        assert!(saved.contains("by: \"DIR-A\""));
        assert_eq!(io::parse_session(&saved).expect("reads back"), s, "{file} round-trips as version 3");
    }
}

#[test]
fn the_demo_has_a_proposal_by_the_superior_for_every_manager() {
    let s = demo();
    assert_eq!(s.version, CURRENT_VERSION);
    for m in &s.managers {
        let p = m.proposal.as_ref().unwrap_or_else(|| panic!("{} has no proposal", m.id));
        assert_eq!(p.by, m.superior, "{}", m.id);
        assert!(proposed_amount(&s, m).is_some(), "{}", m.id);
        assert!(!p.rationale.trim().is_empty(), "{}", m.id);
    }
}

/// Issue 27: a prep edits the proposal apart from the amount; a prep that edited the
/// amount proposes that amount ("Forslag fra nærmeste leder" was stale after the merge);
/// the meeting's changes never touch the proposal, through save and documentation.
#[test]
fn proposals_survive_prep_merge_meeting_edits_save_and_documentation() {
    let session = demo();
    let kc01 = session.manager_index("KC01").expect("KC01");
    let kc02 = session.manager_index("KC02").expect("KC02");
    let kc01_amount = amount_of(&session, kc01);
    let prep_session = prep::make_prep(&session, "DIR-A", "2026-11-20T08:00:00Z").expect("prep");
    let mut p = Document::new(prep_session, None);
    let pi = |doc: &Document, id: &str| doc.session().manager_index(id).expect("in prep");
    // KC01: DIR-A sets the proposal only.
    let proposal =
        Proposal { amount: Some(d(47_000)), rationale: "Årets stærkeste leverance".into(), ..Proposal::default() };
    p.apply(Edit::SetProposal { manager: pi(&p, "KC01"), proposal: Some(proposal) }, "DIR-A").expect("proposal");
    // KC02: DIR-A edits a score (faglighed 3 → 2: +4.000 kr.), as preps did before.
    p.apply(Edit::SetBoxScore { manager: pi(&p, "KC02"), criterion: "faglighed".into(), score: Some(2) }, "DIR-A")
        .expect("score");
    let prep_amount = amount_of(p.session(), pi(&p, "KC02"));
    let prep_file = io::parse_session(&io::to_ron(p.session())).expect("prep reads back");
    let (merged, report) = merge::merge(&session, &[("dir-a.ron".into(), prep_file)], None).expect("merge");
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    let m1 = &merged.managers[kc01];
    assert_eq!(m1.proposal.as_ref().map(|p| (p.amount, p.by.as_str())), Some((Some(d(47_000)), "DIR-A")));
    assert_eq!(amount_of(&merged, kc01), kc01_amount, "a prep that edits the proposal does not edit the amount");
    let m2 = &merged.managers[kc02];
    let p2 = m2.proposal.as_ref().expect("KC02 proposal");
    assert_eq!(p2.amount, Some(prep_amount), "the proposal is what the prep gives, not the stale 34.000 kr.");
    assert_eq!((p2.by.as_str(), p2.when.as_str()), ("DIR-A", "2026-11-20T08:00:00Z"));
    assert_eq!(p2.scores.get("faglighed"), Some(&2));
    // The meeting lowers both.
    let mut doc = Document::new(merged, None);
    doc.apply(Edit::SetAmount { manager: kc01, amount: d(43_000), drag: false }, "DEP").expect("kc01");
    doc.apply(Edit::SetAmount { manager: kc02, amount: d(33_000), drag: false }, "DEP").expect("kc02");
    let saved = io::parse_session(&io::to_ron(doc.session())).expect("saved reads back");
    assert_eq!(amount_of(&saved, kc01), d(43_000));
    assert_eq!(saved.managers[kc01].proposal.as_ref().and_then(|p| p.amount), Some(d(47_000)));
    assert_eq!(saved.managers[kc02].proposal.as_ref().and_then(|p| p.amount), Some(prep_amount));
    let html = io::documentation::documentation_html(&saved);
    assert!(
        html.contains("Forslag fra nærmeste leder (<bdi>Henrik Lykke Andersen</bdi>"),
        "{}",
        &html[html.find("Forslag fra").unwrap_or(0)..][..300.min(html.len())]
    );
    assert!(html.contains("47.000 kr."));
    assert!(html.contains("Årets stærkeste leverance"));
    assert!(html.contains("besluttet − forslag −4.000 kr."), "43.000 − 47.000");
    assert!(html.contains("Direktørernes forslag og mødets beslutninger"));
}
