//! Issue 15: what a session file may hold, the file-format migration, and rules that
//! cannot be bypassed (departementschef by role or policy, rammeaftale + topcheftillæg),
//! and that no value a file can hold makes `check`, `stats` or an export panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::engine::{RuleId, Severity, evaluate};
use kalibrer::io::outputs::{Format, OutputKind, render};
use kalibrer::io::{self, DEMO_RON, LoadError};
use kalibrer::model::log::{Change, decided_by};
use kalibrer::model::{CURRENT_VERSION, LevelRole, MeetingStatus};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn refusal(text: &str) -> String {
    match io::parse_session(text) {
        Err(e @ LoadError::Invalid { .. }) => e.to_string(),
        Err(e) => panic!("refused, but not as invalid: {e}"),
        Ok(_) => panic!("accepted"),
    }
}

/// KC01's scores in the demo, as written.
const KC01_SCORES: &str =
    r#"box_scores: {"faglighed": 2, "kompleksitet": 2, "trivsel": 3, "handlekraft": 3, "kompetence": 4}"#;

#[test]
fn scores_off_the_scale_are_refused_by_manager_and_criterion() {
    assert!(DEMO_RON.contains(KC01_SCORES));
    for bad in [0, 7] {
        let text =
            DEMO_RON.replacen(KC01_SCORES, &KC01_SCORES.replace("\"trivsel\": 3", &format!("\"trivsel\": {bad}")), 1);
        let msg = refusal(&text);
        assert!(
            msg.contains(&format!("leder KC01: kriteriet «Trivsel»: scoren {bad} findes ikke på skalaen 1–6")),
            "{msg}"
        );
        assert!(!msg.contains("Mangler"), "{msg}");
    }
    // 300 does not fit a score at all: the message says so instead of "expected an integer".
    let text = DEMO_RON.replacen(KC01_SCORES, &KC01_SCORES.replace("\"trivsel\": 3", "\"trivsel\": 300"), 1);
    let msg = io::parse_session(&text).unwrap_err().to_string();
    assert!(msg.contains("uden for det tilladte område"), "{msg}");
    assert!(!msg.contains("forventedes et helt tal"), "{msg}");
}

#[test]
fn attainments_weights_and_huge_amounts_are_refused() {
    let neg_att = DEMO_RON.replacen("attainment: Some(\"90\")", "attainment: Some(\"-50\")", 1);
    assert!(refusal(&neg_att).contains("målopfyldelsen -50 % ligger uden for 0–200 %"));
    let neg_weight = DEMO_RON.replacen("weight: \"30\"", "weight: \"-10\"", 1);
    assert!(refusal(&neg_weight).contains("vægten -10 % ligger uden for 0–100 %"));
    let huge = DEMO_RON.replacen("base_salary: \"712000\"", "base_salary: \"10000000000000000000000000000\"", 1);
    let msg = refusal(&huge);
    assert!(
        msg.contains(
            "leder KC01: grundlønnen (10000000000000000000000000000 kr.) er over grænsen på 10.000.000.000 kr."
        ),
        "{msg}"
    );
    let huge_adj = DEMO_RON.replacen("amount: \"6000\"", "amount: \"-20000000000\"", 1);
    assert!(refusal(&huge_adj).contains("skønnet"));
}

/// Issue 15: a level named "Topchef" silently turned the departementschef rule off, and it
/// only worked when the departementschef was calibrated. The role decides; the policy
/// carries the departementschef's pay when he or she is not in the meeting.
#[test]
fn the_departementschef_ceiling_follows_the_role_and_the_policy() {
    let mut s = io::parse_session(DEMO_RON).unwrap();
    let dc = s.levels.iter().position(|l| l.id == "DC").unwrap();
    s.levels[dc].name = "Topchef".into();
    assert_eq!(s.levels[dc].role, LevelRole::Departementschef);
    // DC01: total pay 1.560.000 + 138.000 = 1.698.000. Raise SD01 to total 1.650.000 so that
    // 1.650.000 + 88.000 = 1.738.000 > 1.698.000.
    let sd = s.manager_index("SD01").unwrap();
    s.managers[sd].total_pay = Decimal::from(1_650_000);
    let above = |s: &kalibrer::model::Session| {
        evaluate(s)
            .findings
            .iter()
            .any(|f| f.rule == RuleId::AboveDepartementschef && f.manager.as_deref() == Some("SD01"))
    };
    assert!(above(&s), "a level named Topchef with the departementschef role keeps the rule");
    // The departementschef is not calibrated: the policy states the pay.
    s.managers.retain(|m| m.id != "DC01");
    assert!(!above(&s), "no reference, no finding");
    s.policies.departementschef_total_pay = Some(Decimal::from(1_800_000));
    assert!(!above(&s), "1.738.000 ≤ 1.800.000");
    s.policies.departementschef_total_pay = Some(Decimal::from(1_737_000));
    assert!(above(&s), "1.738.000 > 1.737.000");
}

#[test]
fn topcheftillaeg_under_the_rammeaftale_is_a_fejl_that_cannot_be_accepted() {
    let s = io::parse_session(DEMO_RON).unwrap();
    // AC02 in the demo: Rammeaftale with topcheftillæg (002 §13.6 forbids it).
    let f = evaluate(&s)
        .findings
        .into_iter()
        .find(|f| f.rule == RuleId::TopSupplementUnderRammeaftale)
        .expect("AC02 is found");
    assert_eq!((f.severity, f.manager.as_deref()), (Severity::Fejl, Some("AC02")));
    assert!(!RuleId::TopSupplementUnderRammeaftale.may_be_accepted());
}

/// A version-1 file (the committed fixture, with a v1 change log) opens, gets explicit level
/// roles and a typed log, and saves as the current version.
#[test]
fn a_version_1_file_opens_and_saves_as_the_current_version() {
    let v1 = std::fs::read_to_string("tests/data/session_v1.ron").unwrap();
    assert!(v1.contains("version: 1,"));
    let log = r#"change_log: [
        (when: "2026-11-22T09:15:00Z", who: "DEP", manager: Some("KC01"), what: "Status", old: "Drøftet", new: "Besluttet", why: ""),
        (when: "2026-11-22T09:16:00Z", who: "DEP", manager: Some("KC01"), what: "Grundløn", old: "712.000 kr.", new: "731.000 kr.", why: "Importeret fra hr.csv"),
    ],"#;
    let v1 = v1.replacen("change_log: [],", log, 1);
    let s = io::parse_session(&v1).unwrap();
    assert_eq!(s.version, CURRENT_VERSION);
    assert_eq!(s.level("DC").unwrap().role, LevelRole::Departementschef);
    assert_eq!(s.level("KC").unwrap().role, LevelRole::Kontorchef);
    let decided = decided_by(&s.change_log, "KC01").unwrap();
    assert_eq!(decided.change, Change::Status { old: MeetingStatus::Droeftet, new: MeetingStatus::Besluttet });
    assert!(matches!(s.change_log[1].change, Change::Legacy { .. }));
    let saved = io::to_ron(&s);
    assert!(saved.contains("version: 3"), "saved as version 3");
    assert!(saved.contains("role: Departementschef"));
    assert_eq!(io::parse_session(&saved).unwrap(), s, "the v3 file reads back the same");
}

/// Issue 15: the anonymised copy kept names and old salaries that an HR import wrote into
/// the change log. Every field of the original that could identify someone is gone.
#[test]
fn the_anonymised_copy_holds_no_name_unit_note_justification_or_salary() {
    use kalibrer::document::{Document, Edit};
    let s = io::parse_session(DEMO_RON).unwrap();
    let mut doc = Document::new(s, None);
    let kc05 = doc.session().manager_index("KC05").unwrap();
    doc.apply(Edit::SetJustification { manager: kc05, text: "Omorganiseringen i Lene Frosts center".into() }, "DIR-A")
        .unwrap();
    doc.apply(Edit::SetNotes { manager: kc05, text: "Privat: sygdom i familien".into() }, "DIR-A").unwrap();
    doc.apply(Edit::SetStatus { manager: kc05, status: MeetingStatus::Besluttet }, "DEP").unwrap();
    let mut s = doc.session().clone();
    // An HR import's log entry with an old and new salary and a name.
    s.change_log.push(kalibrer::model::ChangeEntry {
        when: "2026-11-22T09:16:00Z".into(),
        who: "Hanne fra HR".into(),
        manager: Some("KC01".into()),
        change: Change::Import { field: "Navn".into(), old: "Anne Marie Holst".into(), new: "Anne-Marie Holst".into() },
        why: "Importeret fra hr.csv".into(),
    });
    s.change_log.push(kalibrer::model::ChangeEntry {
        when: "2026-11-22T09:16:00Z".into(),
        who: "DEP".into(),
        manager: Some("KC01".into()),
        change: Change::Import { field: "Grundløn".into(), old: "712.000 kr.".into(), new: "731.000 kr.".into() },
        why: "Importeret fra hr.csv".into(),
    });
    let a = kalibrer::io::anonymise::anonymised(&s);
    let text = io::to_ron(&a);
    let mut secrets: Vec<String> =
        vec!["Anne-Marie Holst".into(), "731.000".into(), "712.000".into(), "Hanne fra HR".into()];
    for m in &s.managers {
        secrets.push(m.name.clone());
        secrets.push(m.unit.clone());
        secrets.push(format!("\"{}\"", m.base_salary));
        secrets.push(format!("\"{}\"", m.total_pay));
        if !m.notes.trim().is_empty() {
            secrets.push(m.notes.clone());
        }
        if let Some(a) = m.adjustment.as_ref().filter(|a| !a.justification.trim().is_empty()) {
            secrets.push(a.justification.clone());
        }
        if let Some(p) = m.proposal.as_ref().filter(|p| !p.rationale.trim().is_empty()) {
            secrets.push(p.rationale.clone());
        }
    }
    for e in &s.executives {
        secrets.push(e.name.clone());
    }
    for secret in secrets {
        assert!(!text.contains(&secret), "«{secret}» is in the anonymised copy");
    }
    // Who decided is still read from the typed log, under the pseudonyms (ids are
    // pseudonyms too: an HR employee number identifies a person).
    let kc05 = &a.managers[s.manager_index("KC05").unwrap()].id;
    let dep = &a.executives[s.executives.iter().position(|e| e.id == "DEP").unwrap()].id;
    assert_eq!((kc05.as_str(), dep.as_str()), ("L13", "D1"), "the 13th manager of the file and the first executive");
    assert_eq!(decided_by(&a.change_log, kc05).map(|e| e.who.as_str()), Some(dep.as_str()));
}

fn extreme() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 28)),
        Just(Decimal::from(10_000_000_000_i64)),
        Just(Decimal::from(-10_000_000_000_i64)),
        (0_i64..=10_000_000_000).prop_map(Decimal::from),
        (0_i64..=1_000_000_000, 0_u32..=6).prop_map(|(m, e)| Decimal::new(m, e)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Any values a file may hold (up to the bounds) go through the engine and every
    /// export without a panic; values beyond the bounds are refused at load.
    #[test]
    fn extreme_values_never_panic(salary in extreme(), adj in extreme(), direct in extreme(), pool in extreme(), hist in extreme()) {
        let mut s = io::parse_session(DEMO_RON).unwrap();
        let kc = s.manager_index("KC01").unwrap();
        let kc12 = s.manager_index("KC12").unwrap();
        s.managers[kc].base_salary = salary.abs();
        s.managers[kc].total_pay = salary.abs();
        s.managers[kc].adjustment = Some(kalibrer::model::Adjustment { amount: adj, justification: "x".into(), by: "DEP".into() });
        s.managers[kc12].direct_amount = Some(direct.abs());
        s.policies.pool = pool.abs();
        s.history.entry("KC01".into()).or_default().insert(2025, hist.abs());
        let text = io::to_ron(&s);
        let s = match io::parse_session(&text) {
            Ok(s) => s,
            Err(e) => { prop_assert!(e.to_string().contains("leder") || e.to_string().contains("politikker") || e.to_string().contains("historik"), "{e}"); return Ok(()); }
        };
        let eval = evaluate(&s);
        prop_assert_eq!(eval.amounts.len(), s.managers.len());
        for kind in [OutputKind::Allocation, OutputKind::Statistics, OutputKind::FixedSalary, OutputKind::Documentation, OutputKind::Letters, OutputKind::Public] {
            for format in kind.formats() {
                let _ = render(&s, kind, *format);
            }
        }
    }
}

#[test]
fn every_output_of_the_boundary_session_renders() {
    let mut s = io::parse_session(DEMO_RON).unwrap();
    let max = kalibrer::model::bounds::max_money();
    for m in &mut s.managers {
        m.base_salary = max;
        m.total_pay = max;
    }
    let kc12 = s.manager_index("KC12").unwrap();
    s.managers[kc12].direct_amount = Some(max);
    s.policies.pool = max;
    let s = io::parse_session(&io::to_ron(&s)).unwrap();
    for kind in [
        OutputKind::Allocation,
        OutputKind::Statistics,
        OutputKind::FixedSalary,
        OutputKind::Documentation,
        OutputKind::Public,
    ] {
        for format in kind.formats() {
            assert!(render(&s, kind, *format).is_ok(), "{kind:?} {format:?}");
        }
    }
    assert_eq!(Format::Csv.extension(), "csv");
}
