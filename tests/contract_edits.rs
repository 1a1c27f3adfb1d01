//! The contract's fields as typed edits (issue 30 item 10): top leader, goal scope,
//! topcheftillæg, contract dates, pro-rated share and pool part – each applied, logged
//! with one typed entry, undone, with its hand-computed effect; refused in a director's
//! preparation except the goal scope, which the merge carries.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rust_decimal::Decimal;

use kalibrer::document::{ContractEdit, Document, Edit};
use kalibrer::engine;
use kalibrer::model::log::Change;
use kalibrer::model::log_contract::ContractChange;
use kalibrer::model::*;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

fn idx(s: &Session, id: &str) -> usize {
    s.manager_index(id).unwrap()
}

fn contract(doc: &mut Document, manager: usize, change: ContractEdit) -> Result<(), String> {
    contract_by(doc, manager, change, "DEP")
}

fn contract_by(doc: &mut Document, manager: usize, change: ContractEdit, who: &str) -> Result<(), String> {
    doc.apply(Edit::Contract { manager, change }, who).map(|_| ()).map_err(|e| e.to_string())
}

/// The last log entry's typed contract change with its Danish texts.
fn last(doc: &Document) -> (ContractChange, String, String, String) {
    let e = doc.session().change_log.last().unwrap();
    let Change::Contract(c) = &e.change else { panic!("{:?}", e.change) };
    (c.clone(), e.change.what(), e.change.old_text(), e.change.new_text())
}

/// One level with weighted goals and a frame of 40.000 kr., one manager with both goals
/// fully met: 40.000 kr.
fn forty_thousand() -> Session {
    let mut s = demo();
    s.levels.retain(|l| l.id == "SD");
    s.levels[0].model = AmountModel::WeightedGoals { frame: d(40_000) };
    s.levels[0].band = Band { min: d(0), max: d(100_000) };
    s.policies.rounding_step = Decimal::ONE;
    let mut m = s.managers[idx(&s, "SD01")].clone();
    m.adjustment = None;
    m.contract_ceiling = None;
    for g in &mut m.goals {
        g.attainment = Some(d(100));
    }
    s.managers = vec![m];
    s.history.clear();
    s.change_log.clear();
    s
}

#[test]
fn top_leader_yes_no_and_from_the_role_is_logged_and_undone() {
    let mut doc = Document::new(demo(), None);
    let kc = idx(doc.session(), "KC01");
    let n = doc.session().change_log.len();
    contract(&mut doc, kc, ContractEdit::TopLeader(Some(true))).unwrap();
    assert_eq!(doc.session().managers[kc].top_leader, Some(true));
    assert!(doc.session().managers[kc].is_top_leader(LevelRole::Kontorchef));
    assert_eq!(doc.session().change_log.len(), n + 1);
    let (c, what, old, new) = last(&doc);
    assert_eq!(c, ContractChange::TopLeader { old: None, new: Some(true) });
    assert_eq!((what.as_str(), old.as_str(), new.as_str()), ("Øverste leder", "efter niveauets rolle", "ja"));
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert_eq!(doc.session().managers[kc].top_leader, None);
    // The same value again changes nothing and logs nothing.
    let n = doc.session().change_log.len();
    contract(&mut doc, kc, ContractEdit::TopLeader(None)).unwrap();
    assert_eq!(doc.session().change_log.len(), n);
}

#[test]
fn goal_scope_is_logged_and_undone() {
    let mut doc = Document::new(demo(), None);
    let sd = idx(doc.session(), "SD01");
    assert_eq!(doc.session().managers[sd].goals[2].scope, GoalScope::Personal);
    contract(&mut doc, sd, ContractEdit::GoalScope { goal: 2, scope: GoalScope::Institutional }).unwrap();
    assert_eq!(doc.session().managers[sd].goals[2].scope, GoalScope::Institutional);
    let (c, what, old, new) = last(&doc);
    assert_eq!(c, ContractChange::GoalScope { goal: 2, old: GoalScope::Personal, new: GoalScope::Institutional });
    assert_eq!((what.as_str(), old.as_str(), new.as_str()), ("Måltype mål 3", "personligt", "institutionelt"));
    let e = contract(&mut doc, sd, ContractEdit::GoalScope { goal: 9, scope: GoalScope::Personal }).unwrap_err();
    assert!(e.contains("mål 10 findes ikke"), "{e}");
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert_eq!(doc.session().managers[sd].goals[2].scope, GoalScope::Personal);
}

/// 002 §13.6: the departementschef DC01 on LR 42 has the table's 193.100 kr.; stated as
/// 200.000 kr. its pension is 18 % = 36.000 kr. and the cap's base grows by 6.900 kr.
#[test]
fn topcheftillaeg_amount_is_logged_with_its_effect_and_undone() {
    let mut doc = Document::new(demo(), None);
    let dc = idx(doc.session(), "DC01");
    // The departementschef steps aside on her own item; another executive enters it.
    let contract = |doc: &mut Document, i, change| contract_by(doc, i, change, "DIR-A");
    let base_before = engine::top_supplement::cap_base(&doc.session().managers[dc]).unwrap();
    contract(&mut doc, dc, ContractEdit::TopSupplement { has: true, amount: Some(d(200_000)) }).unwrap();
    let m = &doc.session().managers[dc];
    assert_eq!(engine::top_supplement::amount(m), d(200_000));
    assert_eq!(engine::top_supplement::pension(m, LevelRole::Departementschef), Some(d(36_000)));
    assert_eq!(engine::top_supplement::cap_base(m).unwrap() - base_before, d(6_900));
    let (c, _, old, new) = last(&doc);
    assert_eq!(c, ContractChange::TopSupplement { old: Some(d(193_100)), new: Some(d(200_000)) });
    assert_eq!((old.as_str(), new.as_str()), ("193.100 kr.", "200.000 kr."));
    contract(&mut doc, dc, ContractEdit::TopSupplement { has: false, amount: None }).unwrap();
    assert_eq!(engine::top_supplement::amount(&doc.session().managers[dc]), d(0));
    assert_eq!(last(&doc).3, "intet");
    let e = contract(&mut doc, dc, ContractEdit::TopSupplement { has: true, amount: Some(d(-1)) }).unwrap_err();
    assert!(e.contains("topcheftillægget"), "{e}");
    doc.apply(Edit::Undo, "DEP").unwrap();
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert_eq!(engine::top_supplement::amount(&doc.session().managers[dc]), d(193_100));
}

#[test]
fn contract_dates_are_logged_checked_and_undone() {
    let mut doc = Document::new(demo(), None);
    let sd = idx(doc.session(), "SD01");
    contract(&mut doc, sd, ContractEdit::Start(Some("2026-01-01".into()))).unwrap();
    let (c, what, old, new) = last(&doc);
    assert_eq!(c, ContractChange::Date { end: false, old: String::new(), new: "2026-01-01".into() });
    assert_eq!((what.as_str(), old.as_str(), new.as_str()), ("Kontraktens start", "–", "01.01.2026"));
    contract(&mut doc, sd, ContractEdit::End(Some("2026-12-31".into()))).unwrap();
    assert_eq!(last(&doc).1, "Kontraktens slut");
    let c = doc.session().managers[sd].contract.clone().unwrap();
    assert_eq!((c.start.as_str(), c.end.as_str()), ("2026-01-01", "2026-12-31"));
    let e = contract(&mut doc, sd, ContractEdit::End(Some("2025-12-31".into()))).unwrap_err();
    assert!(e.contains("kontraktens slut 31.12.2025 ligger før dens start 01.01.2026"), "{e}");
    let e = contract(&mut doc, sd, ContractEdit::Start(Some("2026-13-01".into()))).unwrap_err();
    assert!(e.contains("kontraktens start «2026-13-01» er ikke en dato"), "{e}");
    doc.apply(Edit::Undo, "DEP").unwrap();
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert_eq!(doc.session().managers[sd].contract, None, "nothing stated: no contract period");
}

/// 001: pro-rating 50 % of the formula's 40.000 kr. pays 20.000 kr., the breakdown says
/// why; a share below 100 % needs its reason; undo pays 40.000 kr. again.
#[test]
fn pro_rating_fifty_percent_of_forty_thousand_is_twenty_thousand() {
    let mut doc = Document::new(forty_thousand(), None);
    assert_eq!(engine::evaluate(doc.session()).amounts[0].amount, d(40_000));
    let e = contract(&mut doc, 0, ContractEdit::PaidShare { share: Some(d(50)), reason: " ".into() }).unwrap_err();
    assert!(e.contains("50 % kræver en begrundelse"), "{e}");
    contract(&mut doc, 0, ContractEdit::PaidShare { share: Some(d(50)), reason: "fratrådt 30.06.".into() }).unwrap();
    let eval = engine::evaluate(doc.session());
    assert_eq!(eval.amounts[0].amount, d(20_000));
    let lines: Vec<String> = eval.explain(doc.session(), 0).breakdown.iter().map(|l| l.text.clone()).collect();
    assert!(lines.iter().any(|l| l == "forholdsmæssigt: 50 % af kontraktperioden (fratrådt 30.06.)"), "{lines:?}");
    let (c, what, old, new) = last(&doc);
    assert_eq!(c, ContractChange::PaidShare { old: None, new: Some(d(50)) });
    assert_eq!((what.as_str(), old.as_str(), new.as_str()), ("Forholdsmæssig andel", "–", "50 %"));
    assert_eq!(doc.session().change_log.last().unwrap().why, "fratrådt 30.06.");
    // 62,5 % of 40.000 kr. = 25.000 kr.
    contract(&mut doc, 0, ContractEdit::PaidShare { share: Some(Decimal::new(625, 1)), reason: "orlov".into() })
        .unwrap();
    assert_eq!(engine::evaluate(doc.session()).amounts[0].amount, d(25_000));
    assert_eq!(last(&doc).3, "62,5 %");
    doc.apply(Edit::Undo, "DEP").unwrap();
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert_eq!(engine::evaluate(doc.session()).amounts[0].amount, d(40_000));
    // A decided manager's amount does not move.
    doc.apply(Edit::SetStatus { manager: 0, status: MeetingStatus::Besluttet }, "DEP").unwrap();
    assert!(contract(&mut doc, 0, ContractEdit::PaidShare { share: Some(d(50)), reason: "x".into() }).is_err());
}

/// 001: within the lønsumsloft 100.000 kr., savings 50.000 kr.; A 80.000 and B 60.000 kr.
/// direct. Both within: 140.000 used, over by 40.000. B to the savings: within 80.000
/// used (20.000 left), savings 60.000 used (over by 10.000).
#[test]
fn pool_part_moves_an_amount_between_the_parts() {
    let mut s = forty_thousand();
    s.levels[0].model = AmountModel::Direct;
    s.policies.pool = d(100_000);
    s.policies.savings_pool = Some(SavingsPool { amount: d(50_000), reference: "J.nr. 2026-17".into() });
    let mut a = s.managers[0].clone();
    a.id = "A".into();
    a.direct_amount = Some(d(80_000));
    let mut b = a.clone();
    b.id = "B".into();
    b.direct_amount = Some(d(60_000));
    s.managers = vec![a, b];
    let mut doc = Document::new(s, None);
    let used = |doc: &Document| {
        let eval = engine::evaluate(doc.session());
        engine::pool_parts::parts(doc.session(), &eval).map(|p| (p.used, p.left))
    };
    assert_eq!(used(&doc), [(d(140_000), d(-40_000)), (d(0), d(50_000))]);
    contract(&mut doc, 1, ContractEdit::PoolPart(PoolPart::Savings)).unwrap();
    assert_eq!(used(&doc), [(d(80_000), d(20_000)), (d(60_000), d(-10_000))]);
    let (c, what, old, new) = last(&doc);
    assert_eq!(c, ContractChange::PoolPart { old: PoolPart::WithinCeiling, new: PoolPart::Savings });
    assert_eq!(
        (what.as_str(), old.as_str(), new.as_str()),
        ("Puljedel", "Inden for lønsumsloftet", "Dokumenterede besparelser")
    );
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert_eq!(used(&doc), [(d(140_000), d(-40_000)), (d(0), d(50_000))]);
}

/// A director prepares her managers' goals (the scope with them, merged as «Mål»); the
/// HR and set-up fields are refused in her preparation, naming the field.
#[test]
fn in_a_prep_only_the_goal_scope_may_change_and_the_merge_carries_it() {
    let s = demo();
    let prep = engine::prep::make_prep(&s, "DEP", "2026-11-20T10:00:00Z").unwrap();
    let mut p = Document::new(prep, None);
    let sd = idx(p.session(), "SD01");
    let e = contract(&mut p, sd, ContractEdit::TopLeader(Some(false))).unwrap_err();
    assert!(e.contains("øverste leder hører til HR eller mødets opsætning"), "{e}");
    // A prep file changed by hand elsewhere: the merge names the top leader, never takes it.
    let mut changed = p.session().managers[sd].clone();
    changed.top_leader = Some(false);
    let names = engine::merge_fields::unpreparable_changes(&p.session().managers[sd], &changed);
    assert_eq!(names, ["øverste leder"]);
    let e = contract(&mut p, sd, ContractEdit::Start(Some("2026-01-01".into()))).unwrap_err();
    assert!(e.contains("kontraktens start"), "{e}");
    contract(&mut p, sd, ContractEdit::GoalScope { goal: 2, scope: GoalScope::Institutional }).unwrap();
    let mut doc = Document::new(s, None);
    doc.apply(Edit::MergePreps { preps: vec![("dep.ron".into(), p.session().clone())] }, "DEP").unwrap();
    let i = idx(doc.session(), "SD01");
    assert_eq!(doc.session().managers[i].goals[2].scope, GoalScope::Institutional);
    let e = doc
        .session()
        .change_log
        .iter()
        .rev()
        .find(|e| matches!(&e.change, Change::Prep { field, .. } if field == "Mål"));
    let e = e.unwrap();
    assert_eq!(e.manager.as_deref(), Some("SD01"));
    assert!(
        e.change.new_text().contains("Medarbejdertrivsel over 70 point 15 % (institutionelt"),
        "{}",
        e.change.new_text()
    );
}

/// The anonymised copy keeps the new log kinds without personal data: no topcheftillæg
/// amount (a salary) and no collective goal id or manager ids in the log.
#[test]
fn the_anonymised_log_hides_the_supplement_and_the_shared_goal() {
    let mut s = forty_thousand();
    let mut b = s.managers[0].clone();
    b.id = "SD99".into();
    s.managers.push(b);
    for m in &mut s.managers {
        m.goals[3].shared = Some("Hanne Holms team".into());
    }
    let mut doc = Document::new(s, None);
    contract(&mut doc, 0, ContractEdit::TopSupplement { has: true, amount: Some(d(187_654)) }).unwrap();
    doc.apply(Edit::SetAttainment { manager: 1, goal: 3, attainment: Some(d(50)) }, "DEP").unwrap();
    let text = kalibrer::io::to_ron(&kalibrer::io::anonymise::anonymised(doc.session()));
    for secret in ["187654", "Hanne", "SD99", "SD01"] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
}

/// In a preparation a collective goal shared with another director's manager is not set
/// from the preparing director's card (it would change the other's manager).
#[test]
fn in_a_prep_a_shared_goal_reaching_another_directors_manager_is_refused() {
    let mut s = demo();
    let (sd, kc) = (idx(&s, "SD01"), idx(&s, "KC01"));
    let other = s.managers[kc].superior.clone();
    assert_ne!(other, "DEP");
    let mut goal = s.managers[sd].goals[0].clone();
    goal.shared = Some("fælles".into());
    goal.attainment = Some(d(80));
    for i in [sd, kc] {
        s.managers[i].goals = vec![goal.clone()];
    }
    // A prep with the other directors' managers (for her views on them).
    let prep = engine::prep::make_prep_with(&s, "DEP", "2026-11-20T10:00:00Z", true).unwrap();
    let mut p = Document::new(prep, None);
    let i = idx(p.session(), "SD01");
    let k = p.session().manager_index("KC01").unwrap();
    let e = p.apply(Edit::SetAttainment { manager: i, goal: 0, attainment: Some(d(50)) }, "DEP").unwrap_err();
    assert!(e.to_string().contains("hører under"), "{e}");
    assert_eq!(p.session().managers[k].goals[0].attainment, Some(d(80)));
    assert_eq!(p.session().managers[i].goals[0].attainment, Some(d(80)));
    // In the meeting's session the same edit sets both.
    let mut doc = Document::new(s, None);
    doc.apply(Edit::SetAttainment { manager: sd, goal: 0, attainment: Some(d(50)) }, "DEP").unwrap();
    assert_eq!(doc.session().managers[kc].goals[0].attainment, Some(d(50)));
}
