//! The anonymised copy of a session or prep file (issue 26, item 3): a marker planted in
//! every string of the file – every field the format has, wherever it sits – survives
//! only in the fields the anonymiser keeps on purpose (the organisation's model: level,
//! criterion and scale names, rule codes, the currency). A new string field that the
//! anonymiser does not know fails this test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use kalibrer::engine;
use kalibrer::io::anonymise::anonymised;
use kalibrer::model::log::Change;
use kalibrer::model::manager::{AcceptedFinding, Adjustment, Proposal};
use kalibrer::model::reference::MappedTo;
use kalibrer::model::{AmountModel, ChangeEntry, ReferenceLink, Session};
use proptest::prelude::*;
use rust_decimal::Decimal;

const MARK: &str = "ÆMARKØ";

/// The string literals of a RON text, in order (escapes kept as written).
fn literals(ron: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = ron.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    lit.push(c);
                    if let Some(n) = chars.next() {
                        lit.push(n);
                    }
                }
                '"' => break,
                _ => lit.push(c),
            }
        }
        out.push(lit);
    }
    out
}

/// Whether a literal is an amount as the file writes it ("45000", "-12.50").
fn is_amount(lit: &str) -> bool {
    let t = lit.strip_prefix('-').unwrap_or(lit);
    !t.is_empty() && t.split('.').count() <= 2 && t.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The RON text with [`MARK`] appended to every string literal that is not an amount:
/// ids change consistently everywhere they occur, so the file still fits together.
fn plant(ron: &str) -> String {
    let mut out = String::with_capacity(ron.len() * 2);
    let mut chars = ron.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    lit.push(c);
                    if let Some(n) = chars.next() {
                        lit.push(n);
                    }
                }
                '"' => break,
                _ => lit.push(c),
            }
        }
        out.push_str(&lit);
        if !is_amount(&lit) {
            out.push_str(MARK);
        }
        out.push('"');
    }
    out
}

/// The values the anonymiser keeps on purpose: the model's names and codes.
fn kept(s: &Session) -> BTreeSet<String> {
    let mut k = BTreeSet::new();
    k.insert(s.currency.clone());
    for l in &s.levels {
        k.insert(l.id.clone());
        k.insert(l.name.clone());
        if let AmountModel::Box(b) = &l.model {
            for c in &b.criteria {
                k.insert(c.id.clone());
                k.insert(c.name.clone());
                k.extend(c.group.clone());
            }
            k.extend(b.scale.steps.iter().map(|st| st.label.clone()));
        }
    }
    let managers = s.managers.iter().chain(s.prep.iter().flat_map(|p| &p.base));
    for m in managers {
        k.extend(m.accepted.iter().map(|a| a.rule.clone()));
        if let Some(AmountModel::Box(b)) = &m.model_override {
            for c in &b.criteria {
                k.insert(c.id.clone());
                k.insert(c.name.clone());
                k.extend(c.group.clone());
            }
            k.extend(b.scale.steps.iter().map(|st| st.label.clone()));
        }
    }
    for e in &s.change_log {
        match &e.change {
            Change::Score { criterion, .. } => {
                k.insert(criterion.clone());
            }
            Change::Acceptance { rule, .. } => {
                k.insert(rule.clone());
            }
            Change::ReferenceMapping { level, old, new, .. } => {
                k.insert(level.clone());
                for m in [old, new] {
                    if let MappedTo::Level(key) = m {
                        k.insert(key.clone());
                    }
                }
            }
            _ => {}
        }
    }
    k
}

/// A generated session with every kind of text filled in: notes, rationales,
/// justifications, accepted findings, goals, references, a letter template and a change
/// log with an entry of every kind that holds text.
fn rich(seed: u64, managers: usize, text: &str) -> Session {
    let mut s = engine::generate::generate(managers, seed).unwrap();
    let exec = s.executives[0].id.clone();
    let stamp = "2026-11-22T09:15:00Z".to_string();
    for (i, m) in s.managers.iter_mut().enumerate() {
        m.notes = format!("{text} noter {i}");
        m.proposal = Some(Proposal {
            amount: Some(Decimal::from(40_000)),
            rationale: format!("{text} indstilling"),
            by: format!("{text}by"),
            when: format!("{text}when"),
            ..Proposal::default()
        });
        m.adjustment =
            Some(Adjustment { amount: Decimal::from(1_000), justification: format!("{text} skøn"), by: exec.clone() });
        m.accepted.push(AcceptedFinding {
            rule: "fald_fra_sidste_aar".into(),
            why: format!("{text} fordi"),
            by: "Anna Hansen".into(),
            when: stamp.clone(),
        });
        m.pay_grade = format!("LR 37 {text}");
    }
    s.policies.letter_template = Some(format!("/home/anna/{text}/brev.html"));
    s.reference.push(ReferenceLink::new(format!("/home/anna/{text}/omraade.xlsx")));
    let manager = Some(s.managers[0].id.clone());
    let changes = [
        Change::Justification { old: text.into(), new: text.into() },
        Change::Notes { old: text.into(), new: text.into() },
        Change::Score { criterion: "c1".into(), old: Some(1), new: Some(2) },
        Change::Acceptance { rule: "fald_fra_sidste_aar".into(), accepted: true },
        Change::Import { field: "Grundløn".into(), old: text.into(), new: text.into() },
        Change::Prep { field: format!("Mål {text}"), old: text.into(), new: text.into() },
        Change::Reference { path: format!("/home/anna/{text}.xlsx"), attached: true },
        Change::ReferenceMoved { old: format!("/home/anna/{text}.xlsx"), new: "b.xlsx".into() },
        Change::ReferenceMapping {
            path: format!("/home/anna/{text}.xlsx"),
            level: s.levels[0].id.clone(),
            old: MappedTo::ByRole,
            new: MappedTo::Level("Kontorchef".into()),
        },
        Change::Undo { step: text.into() },
        Change::Redo { step: text.into() },
        Change::Legacy { what: text.into(), old: text.into(), new: text.into() },
    ];
    for (k, change) in changes.into_iter().enumerate() {
        let who = if k % 2 == 0 { exec.clone() } else { format!("{text} udenfor") };
        s.change_log.push(ChangeEntry { when: stamp.clone(), who, manager: manager.clone(), change, why: text.into() });
    }
    s
}

/// Plants the marker in every string of `s`, anonymises, and returns the marked strings
/// the copy still holds that are not kept on purpose.
fn leaks(s: &Session) -> Vec<String> {
    let planted = kalibrer::io::parse_session(&plant(&kalibrer::io::to_ron(s))).unwrap();
    assert!(kalibrer::io::to_ron(&planted).matches(MARK).count() > 50, "the marker was planted");
    let keep = kept(&planted);
    let copy = anonymised(&planted);
    let text = kalibrer::io::to_ron(&copy);
    // The copy is a session that opens and computes the same amounts.
    let reread = kalibrer::io::parse_session(&text).unwrap();
    assert_eq!(engine::evaluate(&reread).pool.used, engine::evaluate(&planted).pool.used);
    literals(&text).into_iter().filter(|l| l.contains(MARK) && !keep.contains(l)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_planted_marker_survives_in_a_session_or_prep(
        seed in 0_u64..500,
        managers in 12_usize..40,
        text in "[a-zæøå ]{1,12}",
    ) {
        let s = rich(seed, managers, &text);
        prop_assert_eq!(leaks(&s), Vec::<String>::new());
        let exec = s.executives.iter().find(|e| s.managers.iter().any(|m| m.superior == e.id)).unwrap().id.clone();
        let prep = engine::prep::make_prep(&s, &exec, "2026-11-20T08:00:00Z").unwrap();
        prop_assert!(!prep.prep.as_ref().unwrap().base.is_empty());
        prop_assert_eq!(leaks(&prep), Vec::<String>::new());
    }
}

/// The prep file's base section kept names, units, salaries and rationales.
#[test]
fn a_preps_base_is_anonymised_like_its_managers() {
    let s = rich(7, 20, "hemmelig");
    let exec = s.managers[0].superior.clone();
    let prep = engine::prep::make_prep(&s, &exec, "2026-11-20T08:00:00Z").unwrap();
    let copy = anonymised(&prep);
    let text = kalibrer::io::to_ron(&copy);
    for m in &prep.prep.as_ref().unwrap().base {
        assert!(!text.contains(&m.name), "{} leaked", m.name);
        assert!(!text.contains(&format!("\"{}\"", m.id)), "{} leaked", m.id);
        assert!(!text.contains(&format!("\"{}\"", m.base_salary)), "salary of {} leaked", m.id);
    }
    assert!(!text.contains("hemmelig") && !text.contains("/home/anna"), "{text}");
    let base = &copy.prep.as_ref().unwrap().base;
    assert_eq!(
        base.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        copy.managers.iter().map(|m| m.id.as_str()).collect::<Vec<_>>()
    );
    assert!(base.iter().all(|m| m.base_salary.is_zero() && m.notes == "[fjernet]"));
}
