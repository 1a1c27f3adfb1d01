//! The document: typed edits, undo/redo, the typed change log, and the issue-15
//! regressions (negative payouts, decided managers moved by proposals, invalid scores and
//! attainments, sub-step skøn), without a window.

#![allow(clippy::unwrap_used, clippy::expect_used)]

// The Indtaster here is "HR": every executive of the demo is also a calibrated manager,
// and steps aside on her own item (issue 28), so no executive may enter every edit.

use kalibrer::document::{Document, Edit, EditError, Outcome};
use kalibrer::engine::{RuleId, Severity, allocate, evaluate};
use kalibrer::io;
use kalibrer::model::log::{Change, decided_by};
use kalibrer::model::{Adjustment, MeetingStatus};
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn demo() -> kalibrer::model::Session {
    io::parse_session(io::DEMO_RON).expect("demo parses")
}

fn doc() -> Document {
    Document::new(demo(), None)
}

fn idx(doc: &Document, id: &str) -> usize {
    doc.session().manager_index(id).unwrap()
}

fn amount(doc: &Document, i: usize) -> Decimal {
    evaluate(doc.session()).amounts[i].amount
}

fn notes(doc: &mut Document, i: usize, text: &str) -> Outcome {
    doc.apply(Edit::SetNotes { manager: i, text: text.into() }, "HR").unwrap()
}

#[test]
fn an_edit_is_logged_typed_and_undo_appends_not_removes() {
    let mut dm = doc();
    let log0 = dm.session().change_log.len();
    let old = dm.session().managers[0].notes.clone();
    assert_eq!(notes(&mut dm, 0, "drøftet kort"), Outcome::Changed);
    assert!(dm.is_dirty());
    let entry = dm.session().change_log.last().unwrap().clone();
    assert_eq!(entry.who, "HR");
    assert_eq!(entry.change, Change::Notes { old: old.clone(), new: "drøftet kort".into() });
    assert_eq!(entry.manager.as_deref(), Some(dm.session().managers[0].id.as_str()));
    assert_eq!(dm.apply(Edit::Undo, "HR").unwrap(), Outcome::Step(Some("Noter – Birgitte Kjærsgaard".into())));
    assert_eq!(dm.session().managers[0].notes, old);
    assert_eq!(dm.session().change_log.len(), log0 + 2, "undo is appended to the log");
    assert!(matches!(dm.session().change_log.last().unwrap().change, Change::Undo { .. }));
    dm.apply(Edit::Redo, "HR").unwrap();
    assert_eq!(dm.session().managers[0].notes, "drøftet kort");
}

#[test]
fn unchanged_edits_record_nothing() {
    let mut dm = doc();
    let log0 = dm.session().change_log.len();
    let same = dm.session().managers[0].notes.clone();
    assert_eq!(notes(&mut dm, 0, &same), Outcome::Unchanged);
    assert!(!dm.is_dirty());
    assert!(!dm.can_undo());
    assert_eq!(dm.session().change_log.len(), log0);
}

#[test]
fn typing_is_one_step_until_closed_and_logs_first_old_and_last_new() {
    let mut dm = doc();
    let old = dm.session().managers[1].notes.clone();
    for text in ["a", "ab", "abc"] {
        notes(&mut dm, 1, text);
    }
    let entry = dm.session().change_log.last().unwrap().clone();
    assert_eq!(entry.change, Change::Notes { old: old.clone(), new: "abc".into() });
    dm.close_continuous();
    notes(&mut dm, 1, "abcd");
    dm.apply(Edit::Undo, "HR").unwrap();
    assert_eq!(dm.session().managers[1].notes, "abc");
    dm.apply(Edit::Undo, "HR").unwrap();
    assert_eq!(dm.session().managers[1].notes, old);
    assert!(!dm.can_undo());
}

#[test]
fn a_drag_is_one_step_with_one_typed_amount_entry() {
    let mut dm = doc();
    let i = idx(&dm, "KC01");
    let before = amount(&dm, i);
    let log0 = dm.session().change_log.len();
    for a in [41_000, 42_000, 43_000] {
        dm.apply(Edit::SetAmount { manager: i, amount: d(a), drag: true }, "HR").unwrap();
    }
    assert_eq!(dm.session().change_log.len(), log0 + 1);
    assert_eq!(
        dm.session().change_log.last().unwrap().change,
        Change::Amount { old: before, new: d(43_000), by_allocation: false }
    );
    dm.apply(Edit::Undo, "HR").unwrap();
    assert_eq!(amount(&dm, i), before);
}

/// Issue 15: an adjustment that makes the payout negative (formula 13.000, skøn −20.000)
/// is a fejl that cannot be accepted, and an amount typed below 0 becomes 0 kr.
#[test]
fn a_negative_payout_is_an_unacceptable_fejl() {
    let mut s = demo();
    let i = s.manager_index("KC01").unwrap();
    // Scores giving exactly 13.000: 20.000 × 20 % + 20.000 × 20 % + 10.000 × 20 % + 10.000 × 20 % + 5.000 × 20 %.
    for c in ["faglighed", "kompleksitet", "trivsel", "handlekraft", "kompetence"] {
        s.managers[i].box_scores.insert(c.into(), 5);
    }
    s.managers[i].adjustment =
        Some(Adjustment { amount: d(-20_000), justification: "Skandale".into(), by: "DEP".into() });
    let eval = evaluate(&s);
    assert_eq!(eval.amounts[i].formula, d(13_000));
    assert_eq!(eval.amounts[i].amount, d(-7_000));
    let f = eval.findings.iter().find(|f| f.rule == RuleId::NegativeAmount).expect("negative payout found");
    assert_eq!((f.severity, f.manager.as_deref()), (Severity::Fejl, Some("KC01")));
    assert!(!RuleId::NegativeAmount.may_be_accepted());
    let mut dm = Document::new(s, None);
    let err = dm.apply(Edit::AcceptFinding { manager: i, rule: RuleId::NegativeAmount, why: "ok".into() }, "HR");
    assert_eq!(err, Err(EditError::MayNotBeAccepted("negativt_beloeb")));
    // Typing −7.000 gives 0 kr. (the engine's clamp, not the UI's).
    dm.apply(Edit::SetAmount { manager: i, amount: d(-7_000), drag: false }, "HR").unwrap();
    assert_eq!(amount(&dm, i), Decimal::ZERO);
    assert_eq!(dm.session().managers[i].adjustment.as_ref().map(|a| a.amount), Some(d(-13_000)));
}

/// Issue 15: Spred ×1,2 and Tilpas til puljen moved decided managers and wrote "Fælles
/// beslutning …" as the justification of a skøn that had none.
#[test]
fn proposals_never_move_decided_or_locked_managers_nor_write_justifications() {
    let mut dm = doc();
    let kc01 = idx(&dm, "KC01");
    let kc02 = idx(&dm, "KC02");
    let kc03 = idx(&dm, "KC03");
    dm.apply(Edit::SetStatus { manager: kc01, status: MeetingStatus::Besluttet }, "HR").unwrap();
    dm.apply(Edit::SetLocked { manager: kc02, locked: true }, "HR").unwrap();
    let (a1, a2) = (amount(&dm, kc01), amount(&dm, kc02));
    assert_eq!(dm.session().managers[kc01].final_amount, Some(a1));
    // A proposal that names every manager (as a stale proposal could) moves none of the two.
    let eval = evaluate(dm.session());
    let mut changes: Vec<(usize, Decimal)> = allocate::spread(dm.session(), &eval, Decimal::new(12, 1)).changes;
    changes.push((kc01, a1 + d(5_000)));
    changes.push((kc02, a2 + d(5_000)));
    changes.retain(|(i, _)| *i != kc03);
    changes.push((kc03, d(31_000)));
    let out = dm.apply(Edit::ApplyProposal { title: "Spredning ×1,2".into(), changes }, "HR").unwrap();
    let Outcome::Proposal { decided, locked, changed } = out else { panic!("{out:?}") };
    assert_eq!((decided, locked), (1, 1));
    assert!(changed >= 1);
    assert_eq!((amount(&dm, kc01), amount(&dm, kc02)), (a1, a2));
    assert_eq!(amount(&dm, kc03), d(31_000));
    let adj = dm.session().managers[kc03].adjustment.clone().unwrap();
    assert_eq!(adj.justification, "", "no justification is invented");
    let eval = evaluate(dm.session());
    assert!(
        eval.findings
            .iter()
            .any(|f| f.rule == RuleId::AdjustmentWithoutJustification && f.manager.as_deref() == Some("KC03")),
        "an unjustified skøn stays a fejl"
    );
    let entry = dm.session().change_log.iter().rev().find(|e| e.manager.as_deref() == Some("KC03")).unwrap();
    assert_eq!(entry.why, "Spredning ×1,2", "the group decision is the log entry's reason");
    // Direct edits of a decided manager's amount are refused too, in Danish.
    let err = dm.apply(Edit::StepAmount { manager: kc01, steps: 1 }, "HR").unwrap_err();
    let name = &dm.session().managers[kc01].name;
    assert_eq!(err.to_string(), format!("{name} er besluttet – sæt status til Drøftet for at ændre det"));
}

/// The engine's fit-to-pool leaves decided managers out of its proposal.
#[test]
fn fit_to_pool_proposes_nothing_for_decided_managers() {
    let mut dm = doc();
    for i in 0..dm.session().managers.len() {
        if i % 2 == 0 {
            dm.apply(Edit::SetStatus { manager: i, status: MeetingStatus::Besluttet }, "HR").unwrap();
        }
    }
    let eval = evaluate(dm.session());
    // Without the decisions each proposal moves even-numbered managers too, so leaving
    // them out below is the decisions' doing, and each proposal still moves someone.
    let free = doc();
    let free_eval = evaluate(free.session());
    let even = |changes: &[(usize, Decimal)]| changes.iter().filter(|(i, _)| i % 2 == 0).count();
    for k in [Decimal::new(12, 1), Decimal::new(8, 1)] {
        assert!(even(&allocate::spread(free.session(), &free_eval, k).changes) > 0, "×{k} without decisions");
        let p = allocate::spread(dm.session(), &eval, k);
        assert!(!p.changes.is_empty(), "spread ×{k} proposes nothing");
        assert_eq!(even(&p.changes), 0, "spread ×{k} moves a decided manager");
    }
    let options = allocate::AllocationOptions::default();
    assert!(
        even(&allocate::fit_proportional(free.session(), &free_eval, options).changes) > 0,
        "fit without decisions"
    );
    for p in allocate::fit_proposals(dm.session(), &eval, options) {
        assert!(!p.changes.is_empty(), "fit-to-pool proposes nothing");
        assert_eq!(even(&p.changes), 0, "fit-to-pool moves a decided manager: {}", p.summary);
    }
}

/// Issue 18/15: + on a formula amount of 138.375 gave "skøn +625"; it moves one whole step.
#[test]
fn a_step_on_an_off_grid_formula_moves_the_skoen_by_whole_steps() {
    let mut dm = doc();
    let i = idx(&dm, "DC01");
    let eval = evaluate(dm.session());
    // 150.000 × (30 % × 100 % + 25 % × 95 % + 25 % × 90 % + 20 % × 80 %) = 138.375 → 138.000.
    assert_eq!((eval.amounts[i].formula, eval.amounts[i].amount), (d(138_375), d(138_000)));
    dm.apply(Edit::StepAmount { manager: i, steps: 1 }, "HR").unwrap();
    assert_eq!(dm.session().managers[i].adjustment.as_ref().map(|a| a.amount), Some(d(1_000)));
    assert_eq!(amount(&dm, i), d(139_000));
    dm.apply(Edit::StepAmount { manager: i, steps: -2 }, "HR").unwrap();
    assert_eq!(dm.session().managers[i].adjustment.as_ref().map(|a| a.amount), Some(d(-1_000)));
    assert_eq!(amount(&dm, i), d(137_000));
}

/// Issue 15: scores off the scale, attainments outside 0–200 % are refused before any
/// arithmetic, with a Danish reason naming the manager.
#[test]
fn invalid_scores_and_attainments_are_refused_by_the_edit() {
    let mut dm = doc();
    let kc = idx(&dm, "KC01");
    let name = dm.session().managers[kc].name.clone();
    for bad in [0, 7] {
        let err = dm.apply(Edit::SetBoxScore { manager: kc, criterion: "trivsel".into(), score: Some(bad) }, "HR");
        assert_eq!(
            err.unwrap_err().to_string(),
            format!("{name}: kriteriet «Trivsel»: scoren {bad} findes ikke på skalaen 1–6")
        );
    }
    let err = dm.apply(Edit::SetBoxScore { manager: kc, criterion: "ukendt".into(), score: Some(2) }, "HR");
    assert!(matches!(err, Err(EditError::Invalid { .. })));
    let sd = idx(&dm, "SD01");
    let err = dm.apply(Edit::SetAttainment { manager: sd, goal: 0, attainment: Some(d(-50)) }, "HR").unwrap_err();
    assert!(err.to_string().ends_with("målopfyldelsen -50 % ligger uden for 0–200 %"), "{err}");
    assert!(dm.apply(Edit::SetAttainment { manager: sd, goal: 0, attainment: Some(d(201)) }, "HR").is_err());
    assert!(!dm.is_dirty(), "nothing changed");
}

/// Issue 15: attainment 150 % on a 100.000 frame paid 120.000; it pays the frame.
#[test]
fn attainment_above_100_never_pays_above_the_frame() {
    let mut dm = doc();
    let sd = idx(&dm, "SD01");
    let goals = dm.session().managers[sd].goals.len();
    for g in 0..goals {
        dm.apply(Edit::SetAttainment { manager: sd, goal: g, attainment: Some(d(150)) }, "HR").unwrap();
    }
    let eval = evaluate(dm.session());
    // 100.000 × Σ weights (100 %) × 150 % = 150.000, limited to the frame 100.000.
    assert_eq!(eval.amounts[sd].formula, d(100_000));
    let last = eval.explain(dm.session(), sd).breakdown.iter().rev().find(|l| l.text.starts_with("begrænset")).cloned();
    assert_eq!(last.map(|l| l.amount), Some(d(-50_000)));
}

#[test]
fn status_besluttet_is_typed_and_found_by_decided_by() {
    let mut dm = doc();
    let i = idx(&dm, "AC01");
    dm.apply(Edit::SetStatus { manager: i, status: MeetingStatus::Besluttet }, "DIR-A").unwrap();
    let e = decided_by(&dm.session().change_log, "AC01").unwrap();
    assert_eq!(e.who, "DIR-A");
    assert_eq!(e.change, Change::Status { old: MeetingStatus::IkkeDroeftet, new: MeetingStatus::Besluttet });
    // A note that merely says "Besluttet" is not a decision.
    let ac02 = idx(&dm, "AC02");
    notes(&mut dm, ac02, "Status: Besluttet");
    assert!(decided_by(&dm.session().change_log, "AC02").is_none());
}

#[test]
fn saving_clears_dirty_and_a_new_edit_clears_redo() {
    let mut dm = doc();
    notes(&mut dm, 0, "x");
    dm.apply(Edit::Undo, "HR").unwrap();
    assert!(dm.can_redo());
    notes(&mut dm, 0, "y");
    assert!(!dm.can_redo());
    dm.mark_saved(std::path::PathBuf::from("/tmp/x.ron"));
    assert!(!dm.is_dirty());
}
