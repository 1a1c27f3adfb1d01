//! The seeds' rules of issue 30 about the contract, each with hand-computed numbers and
//! the seed paragraph it comes from: the topcheftillæg as an amount with its pension and
//! in the cap's base (002 §13.6, 001), collective goals shared (003), the contract period
//! (001) and the pool's two parts (001); the HR import and the prep/merge of the new
//! fields, and old files migrated.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rust_decimal::Decimal;

use common::demo;
use common::rules::{bare_session, d, direct_manager, findings, level, of, text};
use kalibrer::document::{Document, Edit};
use kalibrer::engine::{self, Facts, Finding, RuleId, Severity};
use kalibrer::io::tables::Value;
use kalibrer::model::log::Change;
use kalibrer::model::*;

fn goal(name: &str, weight: i64, attainment: i64) -> Goal {
    common::rules::goal(name, weight, GoalScope::Institutional, attainment)
}

/// One level of `role` with `model`, rounding to whole kroner, a pool of 100 mio. kr.
fn session(role: LevelRole, model: AmountModel) -> Session {
    let mut s = bare_session(Sector::Stat, vec![level("L", "Direktør", 1, role, model)]);
    s.change_log.clear();
    s
}

fn direct(id: &str, amount: i64) -> Manager {
    let goals = vec![goal("Mål A", 60, 100), goal("Mål B", 40, 100)];
    Manager { basis: EmploymentBasis::Tjenestemand, ..direct_manager(id, "L", amount, goals) }
}

// ---------------------------------------------------------------------------------------
// 2. Topcheftillæg (002 §13.6)

/// 002 §13.6's table (niveau 31. marts 2012): LR 38 127.100, LR 39 146.300, LR 42
/// 193.100 kr.; a løngruppe is lønramme 36 + its number (LG 3 = LR 39). The stated amount
/// wins over the table; without topcheftillæg it is 0 kr.
#[test]
fn topcheftillaeg_defaults_from_the_loenramme_by_the_table_of_002_13_6() {
    use engine::top_supplement::amount;
    let mut m = direct("A", 0);
    m.has_top_supplement = true;
    for (grade, kr) in [("LR 38", 127_100), ("LR 39", 146_300), ("LR 42", 193_100), ("LG 3", 146_300)] {
        m.pay_grade = grade.into();
        assert_eq!(amount(&m), d(kr), "{grade}");
    }
    m.top_supplement = Some(d(150_000));
    assert_eq!(amount(&m), d(150_000));
    m.has_top_supplement = false;
    assert_eq!(amount(&m), d(0));
}

/// 002 §13.6: "Til visse chefstillinger i lønramme 38 og derover er der aftalt et
/// topcheftillæg" – on LR 37 a *fejl*; on LR 38 none.
#[test]
fn topcheftillaeg_below_loenramme_38_is_a_fejl_002_13_6() {
    let mut s = session(LevelRole::Direktoer, AmountModel::Direct);
    let mut a = direct("A", 40_000);
    a.has_top_supplement = true;
    a.top_supplement = Some(d(91_700));
    a.pay_grade = "LR 37".into();
    let mut b = a.clone();
    b.id = "B".into();
    b.pay_grade = "LR 38".into();
    s.managers = vec![a, b];
    let f = of(&s, RuleId::TopSupplementBelowGrade38, "A");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Fejl);
    assert_eq!(f[0].facts, Facts::TopSupplementBelowGrade38 { grade: 37, amount: d(91_700) });
    assert!(text(&s, &f[0]).contains("lønramme 37"), "{}", text(&s, &f[0]));
    assert!(of(&s, RuleId::TopSupplementBelowGrade38, "B").is_empty());
}

/// 001: "25 % af grundlønnen inklusiv varige tillæg" – the topcheftillæg is a permanent
/// supplement: base 600.000 + LR 38's 127.100 = 727.100 kr., cap 181.775 kr. (without it
/// 150.000 kr.). 181.775 kr. is allowed; 181.776 kr. is over.
#[test]
fn the_cap_base_includes_the_topcheftillaeg_001() {
    let mut s = session(LevelRole::Direktoer, AmountModel::Direct);
    let mut m = direct("A", 181_775);
    m.has_top_supplement = true;
    m.pay_grade = "LR 38".into();
    s.managers = vec![m];
    assert!(of(&s, RuleId::OverCap, "A").is_empty());
    s.managers[0].direct_amount = Some(d(181_776));
    let f = of(&s, RuleId::OverCap, "A");
    assert_eq!(f.len(), 1);
    let Facts::OverCap { base, cap, .. } = f[0].facts else { panic!() };
    assert_eq!((base, cap), (d(727_100), d(181_775)));
    // Without the topcheftillæg the base is the grundløn alone: 150.000 kr. is the cap.
    s.managers[0].has_top_supplement = false;
    s.managers[0].direct_amount = Some(d(150_001));
    let Facts::OverCap { base, cap, .. } = of(&s, RuleId::OverCap, "A")[0].facts else { panic!() };
    assert_eq!((base, cap), (d(600_000), d(150_000)));
}

/// 002 §13.6: "Det samlede pensionsbidrag udgør 16,8 pct. … For departementschefer … 18
/// pct." The demo's departementschef (LR 42: 193.100 kr.) has 18 % = 34.758 kr.; a
/// styrelsesdirektør on LG 3 (= LR 39: 146.300 kr.) 16,8 % = 24.578,40 kr.; an
/// afdelingschef without topcheftillæg has empty cells.
#[test]
fn the_payroll_export_carries_the_topcheftillaeg_and_its_pension_002_13_6() {
    let s = demo();
    let t = kalibrer::io::allocation::allocation_table(&s);
    let n = t.header.len();
    assert_eq!(&t.header[n - 3..], ["topcheftillæg", "topcheftillæg pensionsprocent", "topcheftillæg pension"]);
    let row = |id: &str| t.rows.iter().find(|r| r[0] == Value::Text(id.into())).unwrap().clone();
    let dc = row("DC01");
    assert_eq!(dc[n - 3..], [Value::Kr(d(193_100)), Value::Percent(d(18)), Value::Kr(d(34_758))]);
    let sd = row("SD01");
    assert_eq!(
        sd[n - 3..],
        [Value::Kr(d(146_300)), Value::Percent(Decimal::new(168, 1)), Value::Kr(Decimal::new(2_457_840, 2))]
    );
    let kc = row("KC01");
    assert_eq!(kc[n - 3..], [Value::Empty, Value::Empty, Value::Empty]);
}

/// Old files: a topcheftillæg's `true` becomes the table's amount for the lønramme (the
/// v1 and v2 fixtures' DC01 on LR 42: 193.100 kr., SD01 on LG 3: 146.300 kr.), saved as
/// version 3 and read back equal.
#[test]
fn v1_and_v2_files_migrate_the_topcheftillaeg_to_its_amount_and_round_trip_as_v3() {
    for name in ["session_v1.ron", "session_v2.ron"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
        let s = kalibrer::io::load_session_file(&path).unwrap();
        assert_eq!(s.version, 3, "{name}");
        let top = |id: &str| s.managers.iter().find(|m| m.id == id).unwrap().top_supplement;
        assert_eq!(top("DC01"), Some(d(193_100)), "{name}");
        assert_eq!(top("SD01"), Some(d(146_300)), "{name}");
        let without = s.managers.iter().find(|m| !m.has_top_supplement).unwrap();
        assert_eq!(without.top_supplement, None);
        let text = kalibrer::io::to_ron(&s);
        assert!(text.contains("top_supplement: Some(\"193100\")"), "{name}");
        let again = kalibrer::io::parse_session(&text).unwrap();
        assert_eq!(again, s, "{name} round-trips");
        // Every new field round-trips too.
        let mut more = s.clone();
        more.managers[0].contract = Some(ContractPeriod {
            start: "2026-01-01".into(),
            end: "2026-12-31".into(),
            paid_share: Some(d(75)),
            share_reason: "fratrådt 30.09.".into(),
        });
        more.managers[0].pool_part = PoolPart::Savings;
        more.managers[0].goals[0].shared = Some("budget".into());
        more.managers[0].goals[0].paid_in = Some(2027);
        more.policies.savings_pool = Some(SavingsPool { amount: d(50_000), reference: "J.nr. 2026-17".into() });
        assert_eq!(kalibrer::io::parse_session(&kalibrer::io::to_ron(&more)).unwrap(), more, "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// 5. Collective goals shared, not copied (003)

fn shared_session() -> Session {
    let mut s = session(LevelRole::Direktoer, AmountModel::WeightedGoals { frame: d(100_000) });
    for id in ["A", "B"] {
        let mut m = direct(id, 0);
        m.direct_amount = None;
        m.contract_ceiling = None;
        m.goals[1].shared = Some("budget".into());
        m.goals[1].collective = true;
        m.goals[1].attainment = Some(d(100));
        s.managers.push(m);
    }
    s
}

/// 003: a collective goal is one goal with one attainment. Setting B's copy to 40 % sets
/// it for A too, as one undo step with one log entry naming both; the amounts follow
/// (frame 100.000 × (60 % × 100 % + 40 % × 40 %) = 76.000 kr. each). Undo restores both.
#[test]
fn a_shared_goals_attainment_is_set_once_for_every_manager_003() {
    let mut doc = Document::new(shared_session(), None);
    let log_before = doc.session().change_log.len();
    doc.apply(Edit::SetAttainment { manager: 1, goal: 1, attainment: Some(d(40)) }, "DEP").unwrap();
    let s = doc.session();
    assert_eq!(s.managers[0].goals[1].attainment, Some(d(40)), "A's copy follows B's edit");
    assert_eq!(s.managers[1].goals[1].attainment, Some(d(40)));
    let eval = engine::evaluate(s);
    assert_eq!((eval.amounts[0].amount, eval.amounts[1].amount), (d(76_000), d(76_000)));
    let new: Vec<_> = s.change_log[log_before..].iter().collect();
    assert_eq!(new.len(), 1, "one logged edit");
    let shared = kalibrer::model::log_contract::ContractChange::SharedAttainment {
        goal: "budget".into(),
        managers: vec!["A".into(), "B".into()],
        old: Some(d(100)),
        new: Some(d(40)),
    };
    assert_eq!(new[0].change, Change::Contract(shared));
    assert_eq!(new[0].manager.as_deref(), Some("B"));
    assert_eq!(
        (new[0].change.what().as_str(), new[0].change.old_text().as_str(), new[0].change.new_text().as_str()),
        ("Fælles mål «budget»", "100 %", "40 % (2 ledere)")
    );
    assert!(findings(s).iter().all(|f| f.rule != RuleId::SharedGoalDiffers));
    // Typing on (4 → 45 %) stays the one step and the one entry, with the last value.
    doc.apply(Edit::SetAttainment { manager: 0, goal: 1, attainment: Some(d(45)) }, "DEP").unwrap();
    assert_eq!(doc.session().change_log.len(), log_before + 1);
    let Change::Contract(kalibrer::model::log_contract::ContractChange::SharedAttainment { new, .. }) =
        &doc.session().change_log[log_before].change
    else {
        panic!()
    };
    assert_eq!(*new, Some(d(45)));
    assert_eq!(doc.session().managers[1].goals[1].attainment, Some(d(45)));
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert_eq!(doc.session().managers[0].goals[1].attainment, Some(d(100)));
    assert_eq!(doc.session().managers[1].goals[1].attainment, Some(d(100)));
}

/// 003: 100 % for one and 40 % for another can no longer pass without a word: a file (or
/// merge) with differing copies gets a *fejl* on the second holder naming the first.
#[test]
fn differing_copies_of_a_shared_goal_are_a_fejl_003() {
    let mut s = shared_session();
    s.managers[1].goals[1].attainment = Some(d(40));
    let f = of(&s, RuleId::SharedGoalDiffers, "B");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Fejl);
    assert_eq!(f[0].facts, Facts::SharedGoalDiffers { goal: 1, other: 0, mine: Some(d(40)), theirs: Some(d(100)) });
    let t = text(&s, &f[0]);
    assert!(t.contains("«Mål B»") && t.contains("40 %") && t.contains("100 %") && t.contains("Leder A"), "{t}");
    assert!(of(&s, RuleId::SharedGoalDiffers, "A").is_empty());
}

/// A shared goal whose manager is decided cannot change (it would move a decided amount).
#[test]
fn a_shared_goal_of_a_decided_manager_is_refused() {
    let mut s = shared_session();
    s.managers[0].status = MeetingStatus::Besluttet;
    let mut doc = Document::new(s, None);
    let e = doc.apply(Edit::SetAttainment { manager: 1, goal: 1, attainment: Some(d(40)) }, "DEP");
    assert!(e.is_err());
    assert_eq!(doc.session().managers[1].goals[1].attainment, Some(d(100)));
}

// ---------------------------------------------------------------------------------------
// 6. The contract period (001)

fn goals_session() -> Session {
    let mut s = session(LevelRole::Direktoer, AmountModel::WeightedGoals { frame: d(100_000) });
    let mut m = direct("A", 0);
    m.direct_amount = None;
    m.contract_ceiling = None;
    m.goals = vec![goal("Mål A", 60, 100), goal("Mål B", 40, 50)];
    s.managers.push(m);
    s
}

/// 001: pro-rating for leaving within the period: frame 100.000 × (60 % × 100 % + 40 % ×
/// 50 %) = 80.000 kr.; 75 % of the period = 60.000 kr., the fraction and why in the
/// breakdown (−20.000 kr.).
#[test]
fn pro_rating_is_a_stated_fraction_in_the_breakdown_001() {
    let mut s = goals_session();
    assert_eq!(engine::evaluate(&s).amounts[0].amount, d(80_000));
    s.managers[0].contract = Some(ContractPeriod {
        start: "2026-01-01".into(),
        end: "2026-12-31".into(),
        paid_share: Some(d(75)),
        share_reason: "fratrådt 30.09.".into(),
    });
    let a = engine::amounts::compute_amount(&s, &s.managers[0], &s.levels[0]);
    assert_eq!(a.amount, d(60_000));
    let line = a.breakdown.iter().find(|l| l.text.starts_with("forholdsmæssigt")).unwrap();
    assert_eq!(line.amount, d(-20_000));
    assert_eq!(line.text, "forholdsmæssigt: 75 % af kontraktperioden (fratrådt 30.09.)");
    // The incremental path agrees.
    assert_eq!(engine::evaluate(&s).amounts[0].amount, d(60_000));
}

/// 001: a multi-year goal's part is paid only at the end of its interval: Mål B (40 %)
/// paid in the year after the session's pays nothing now – 60.000 kr.; in its year, 80.000.
#[test]
fn a_multi_year_goal_is_paid_only_at_the_end_of_its_interval_001() {
    let mut s = goals_session();
    s.managers[0].goals[1].paid_in = Some(s.year + 1);
    let a = engine::amounts::compute_amount(&s, &s.managers[0], &s.levels[0]);
    assert_eq!(a.amount, d(60_000));
    assert!(a.breakdown.iter().any(|l| l.text.contains("flerårigt mål") && l.text.contains(&(s.year + 1).to_string())));
    s.managers[0].goals[1].paid_in = Some(s.year);
    assert_eq!(engine::evaluate(&s).amounts[0].amount, d(80_000));
}

/// 001: goals and weights are fixed before the contract period starts. A merged
/// preparation changing the goal list on 1.2.2026, after the start 1.1.2026, is a
/// *fejl*; the same change on 15.12.2025 is not.
#[test]
fn goals_changed_after_the_start_date_are_a_fejl_001() {
    let mut s = goals_session();
    s.managers[0].contract = Some(ContractPeriod { start: "2026-01-01".into(), ..ContractPeriod::default() });
    let entry = |when: &str| ChangeEntry {
        when: when.into(),
        who: "DIR-A".into(),
        manager: Some("A".into()),
        change: Change::Prep { field: "Mål".into(), old: "Mål A 50 %".into(), new: "Mål A 60 %".into() },
        why: String::new(),
    };
    s.change_log.push(entry("2025-12-15T10:00:00Z"));
    assert!(of(&s, RuleId::GoalsChangedAfterStart, "A").is_empty());
    s.change_log.push(entry("2026-02-01T10:00:00Z"));
    let f = of(&s, RuleId::GoalsChangedAfterStart, "A");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].facts, Facts::GoalsChangedAfterStart { start: 20_260_101, changed: 20_260_201 });
    assert!(text(&s, &f[0]).contains("1.2.2026") && text(&s, &f[0]).contains("1.1.2026"));
}

// ---------------------------------------------------------------------------------------
// 7. The pool in two parts (001)

/// Pool 100.000 within the lønsumsloft and 50.000 from documented savings (J.nr. 2026-17);
/// A at 80.000 within, B at 60.000 from savings.
fn two_parts() -> Session {
    let mut s = session(LevelRole::Direktoer, AmountModel::Direct);
    s.policies.pool = d(100_000);
    s.policies.savings_pool = Some(SavingsPool { amount: d(50_000), reference: "J.nr. 2026-17".into() });
    let mut b = direct("B", 60_000);
    b.pool_part = PoolPart::Savings;
    s.managers = vec![direct("A", 80_000), b];
    s
}

/// 001: resultatløn financed by documented savings may be paid outside the lønsumsloft.
/// Within: pool 100.000, A 80.000 → 20.000 left; savings: 50.000 (J.nr. 2026-17), B 60.000
/// → 10.000 over, a *fejl*; the whole pool (150.000) is not exceeded (140.000).
#[test]
fn the_pool_has_two_parts_each_with_used_and_left_001() {
    let mut s = two_parts();
    let eval = engine::evaluate(&s);
    let [within, savings] = engine::pool_parts::parts(&s, &eval);
    assert_eq!((within.pool, within.used, within.left), (d(100_000), d(80_000), d(20_000)));
    assert_eq!((savings.pool, savings.used, savings.left), (d(50_000), d(60_000), d(-10_000)));
    assert_eq!((eval.pool.pool, eval.pool.used), (d(150_000), d(140_000)));
    let over: Vec<&Finding> = eval.findings.iter().filter(|f| f.rule == RuleId::PoolPartExceeded).collect();
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].facts, Facts::PoolPartExceeded { part: PoolPart::Savings, pool: d(50_000), over: d(10_000) });
    assert!(eval.findings.iter().all(|f| f.rule != RuleId::PoolExceeded && f.rule != RuleId::SavingsWithoutReference));
    // Without a reference to the documented savings: a fejl.
    s.policies.savings_pool.as_mut().unwrap().reference = " ".into();
    assert!(findings(&s).iter().any(|f| f.rule == RuleId::SavingsWithoutReference && f.severity == Severity::Fejl));
}

// ---------------------------------------------------------------------------------------
// 10. HR import and prep/merge of the new fields

/// The HR sheet holds the lønramme, the topcheftillæg's amount and the contract dates.
#[test]
fn hr_import_reads_topcheftillaeg_amount_and_contract_dates() {
    let s = demo();
    let csv = "Medarbejdernr;Navn;Niveau;Enhed;Nærmeste leder;Grundløn;Topcheftillæg;Lønramme;Kontraktstart;Kontraktslut\n\
               KC70;Ny Leder;Kontorchef;X;DIR-A;600.000;127.100;LR 38;1.1.2026;31-12-2026\n\
               KC71;Anden Leder;Kontorchef;X;DIR-A;600.000;ja;LR 39;;\n";
    let r = kalibrer::io::import::import_managers(&s, csv.as_bytes()).unwrap();
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let m = |id: &str| r.session.managers.iter().find(|m| m.id == id).unwrap().clone();
    let a = m("KC70");
    assert_eq!((a.has_top_supplement, a.top_supplement, a.pay_grade.as_str()), (true, Some(d(127_100)), "LR 38"));
    let c = a.contract.unwrap();
    assert_eq!((c.start.as_str(), c.end.as_str()), ("2026-01-01", "2026-12-31"));
    let b = m("KC71");
    assert_eq!((b.has_top_supplement, b.top_supplement, b.contract.as_ref()), (true, None, None));
    assert_eq!(engine::top_supplement::amount(&b), d(146_300));
    // A date that is not one is refused by row and column.
    let bad = "Medarbejdernr;Navn;Niveau;Nærmeste leder;Kontraktstart\nKC72;C;Kontorchef;DIR-A;i morgen\n";
    let r = kalibrer::io::import::import_managers(&s, bad.as_bytes()).unwrap();
    assert_eq!(r.rejected.len(), 1);
}

/// A director prepares goals (a shared id and a multi-year interval travel with the goal
/// list); the contract period, the topcheftillæg and the pool part are HR's and the
/// group's, never merged from a prep.
#[test]
fn prep_carries_goal_sharing_and_names_hr_fields_it_cannot_change() {
    use engine::merge_fields::{FieldKey, unpreparable_changes};
    let s = goals_session();
    let base = s.managers[0].clone();
    let mut prep = base.clone();
    prep.goals[1].shared = Some("budget".into());
    assert_ne!(FieldKey::Goals.value(&base), FieldKey::Goals.value(&prep));
    let mut to = base.clone();
    FieldKey::Goals.copy(&prep, &mut to);
    assert_eq!(to.goals[1].shared.as_deref(), Some("budget"));
    prep.contract = Some(ContractPeriod { start: "2026-01-01".into(), ..ContractPeriod::default() });
    prep.top_supplement = Some(d(1));
    prep.pool_part = PoolPart::Savings;
    let names = unpreparable_changes(&base, &prep);
    assert!(names.contains(&"kontraktperiode") && names.contains(&"topcheftillæg") && names.contains(&"puljedel"));
}

/// A file's contract period is checked at load like every value: a date that is not one,
/// an end before the start and a share above 100 % are refused by manager.
#[test]
fn contract_values_out_of_bounds_are_refused_at_load() {
    let mut s = goals_session();
    s.managers[0].contract = Some(ContractPeriod {
        start: "2026-13-01".into(),
        end: String::new(),
        paid_share: Some(d(120)),
        share_reason: String::new(),
    });
    let problems = kalibrer::io::validate(&s);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|p| p.contains("«2026-13-01» er ikke en dato")), "{text:?}");
    assert!(text.iter().any(|p| p.contains("120 %")), "{text:?}");
    s.managers[0].contract =
        Some(ContractPeriod { start: "2026-06-01".into(), end: "2026-01-31".into(), ..ContractPeriod::default() });
    let text: Vec<String> = kalibrer::io::validate(&s).iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|p| p.contains("ligger før dens start")), "{text:?}");
    // One manager cannot hold the same collective goal twice.
    s.managers[0].contract = None;
    s.managers[0].goals[0].shared = Some("budget".into());
    s.managers[0].goals[1].shared = Some("budget".into());
    let text: Vec<String> = kalibrer::io::validate(&s).iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|p| p.contains("«budget» står to gange")), "{text:?}");
}

/// The anonymised copy: no topcheftillæg amount, no reason for a pro-rated share, no
/// reference to the savings, and a shared goal's id renamed alike for everyone sharing it.
#[test]
fn the_anonymised_copy_hides_the_new_personal_fields() {
    let mut s = shared_session();
    for m in &mut s.managers {
        m.goals[1].shared = Some("Hanne Holms team".into());
        m.top_supplement = Some(d(127_100));
        m.contract = Some(ContractPeriod { share_reason: "sygdom".into(), ..ContractPeriod::default() });
    }
    s.policies.savings_pool = Some(SavingsPool { amount: d(1), reference: "J.nr. 2026-17".into() });
    let a = kalibrer::io::anonymise::anonymised(&s);
    let text = kalibrer::io::to_ron(&a);
    for secret in ["Hanne", "127100", "sygdom", "2026-17"] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    assert_eq!(a.managers[0].goals[1].shared, a.managers[1].goals[1].shared);
    assert_eq!(a.managers[0].goals[1].shared.as_deref(), Some("Fælles mål 1"));
}

/// The allocation workbook's summary gives each part of the pool its budget, use and rest
/// (001): within 100.000 – 80.000 used, 20.000 left; savings 50.000 – 60.000 used, over by
/// 10.000.
#[test]
fn the_allocation_summary_shows_both_parts_of_the_pool() {
    let s = two_parts();
    let sheets = kalibrer::io::allocation::allocation_sheets(&s);
    let footer = &sheets[0].footer;
    let row = |label: &str| footer.iter().find(|r| r[0] == Value::Text(label.into())).map(|r| r[2].clone());
    assert_eq!(row("Inden for lønsumsloftet: pulje"), Some(Value::Kr(d(100_000))));
    assert_eq!(row("Inden for lønsumsloftet: tilbage"), Some(Value::Kr(d(20_000))));
    let savings = "Dokumenterede besparelser (J.nr. 2026-17)";
    assert_eq!(row(&format!("{savings}: brugt")), Some(Value::Kr(d(60_000))));
    assert_eq!(row(&format!("{savings}: overskredet med")), Some(Value::Kr(d(10_000))));
}
