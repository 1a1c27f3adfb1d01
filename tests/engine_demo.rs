//! The demo's deliberate problems are each found by their rule.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::engine::{self, RuleId, Severity};

#[test]
fn demo_findings_cover_each_deliberate_problem() {
    let s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    let eval = engine::evaluate(&s);
    let has = |rule: RuleId, id: &str| eval.findings.iter().any(|f| f.rule == rule && f.manager.as_deref() == Some(id));
    // KC05: +6.000 kr. skøn without justification.
    assert!(has(RuleId::AdjustmentWithoutJustification, "KC05"));
    // AC02: merarbejde with topcheftillæg.
    assert!(has(RuleId::MerarbejdeWithTopSupplement, "AC02"));
    // KC12: 110.000 kr. for særlig indsats on a base salary of 420.000 kr. = 26,2 %: over
    // 25 %, but the cap is for directors' resultatløn (001), so only the band is breached.
    assert!(!has(RuleId::OverCap, "KC12"));
    assert!(has(RuleId::OutsideBand, "KC12"));
    // KC08: 48.000 → 30.000 kr. (scores 3,4,4,4,4 = 12.000+8.000+4.000+4.000+2.000) = −37,5 %.
    assert!(has(RuleId::DropFromLastYear, "KC08"));
    let drop = eval
        .findings
        .iter()
        .find(|f| f.rule == RuleId::DropFromLastYear && f.manager.as_deref() == Some("KC08"))
        .unwrap();
    let text = kalibrer::engine::wording::finding_text(drop, &s, kalibrer::engine::wording::Style::FULL);
    assert_eq!(text, "Beløbet falder 37,5 % fra sidste år (48.000 kr. → 30.000 kr.).");
    // AC02: rammeaftale with topcheftillæg (002 §13.6).
    assert!(has(RuleId::TopSupplementUnderRammeaftale, "AC02"));
    // KC03 (65.000) above AC04 (64.000) while overlap is not allowed.
    assert!(eval.findings.iter().any(|f| f.rule == RuleId::Inversion
        && f.manager.as_deref() == Some("KC03")
        && f.other_manager.as_deref() == Some("AC04")));
    // The pool is deliberately a little tight: 1.565.000 of 1.540.000 kr. = 101,62 %, shown
    // as "102 % af puljen".
    assert!(eval.findings.iter().any(|f| f.rule == RuleId::PoolExceeded));
    let percent = eval.pool.used_percent().unwrap();
    assert_eq!(percent.round_dp(2), rust_decimal::Decimal::new(10162, 2));
    assert_eq!(percent.round_dp(0), rust_decimal::Decimal::from(102));
    let empty = kalibrer::engine::PoolStatus { pool: rust_decimal::Decimal::ZERO, ..eval.pool };
    assert_eq!(empty.used_percent(), None);
    // Errors come first.
    let first_non_error =
        eval.findings.iter().position(|f| f.severity != Severity::Fejl).unwrap_or(eval.findings.len());
    assert!(eval.findings[first_non_error..].iter().all(|f| f.severity != Severity::Fejl));
}
