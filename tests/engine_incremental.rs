//! The incremental recompute after one manager's change equals a full evaluation.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::document::Edit;

use proptest::prelude::*;
use rust_decimal::Decimal;

use kalibrer::engine::{Evaluation, evaluate};
use kalibrer::model::{Adjustment, Session};

fn same(a: &Evaluation, b: &Evaluation) -> Result<(), TestCaseError> {
    prop_assert_eq!(&a.amounts, &b.amounts);
    prop_assert_eq!(&a.metrics, &b.metrics);
    prop_assert_eq!(&a.stats, &b.stats);
    prop_assert_eq!(&a.pool, &b.pool);
    prop_assert_eq!(&a.inversions, &b.inversions);
    prop_assert_eq!(&a.findings, &b.findings);
    prop_assert_eq!(&a.finding_managers, &b.finding_managers);
    Ok(())
}

/// One edit of manager `i`: kind 0 adjustment (with or without justification), 1 a box
/// score, 2 attainment of the first goal, 3 total pay (the departementschef rule).
fn edit(s: &mut Session, i: usize, kind: u8, value: i64) {
    let m = &mut s.managers[i];
    match kind {
        0 => {
            m.adjustment = Some(Adjustment {
                amount: Decimal::from(value * 1_000),
                justification: if value % 2 == 0 { "Begrundet".into() } else { String::new() },
                by: "DEP".into(),
            });
        }
        1 => {
            if let Some(k) = m.box_scores.keys().next().cloned() {
                m.box_scores.insert(k, u8::try_from(value.rem_euclid(6) + 1).unwrap());
            }
        }
        2 => {
            if let Some(g) = m.goals.first_mut() {
                g.attainment = Some(Decimal::from(value.rem_euclid(101)));
            }
        }
        _ => m.total_pay += Decimal::from(value * 10_000),
    }
}

fn check(mut s: Session, edits: &[(usize, u8, i64)]) -> Result<(), TestCaseError> {
    let mut eval = evaluate(&s);
    for &(at, kind, value) in edits {
        let i = at % s.managers.len();
        edit(&mut s, i, kind, value);
        eval.update_manager(&s, i);
        same(&eval, &evaluate(&s))?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn incremental_equals_full_on_the_demo(
        edits in proptest::collection::vec((any::<usize>(), 0_u8..4, -40_i64..40), 1..12),
    ) {
        check(kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap(), &edits)?;
    }

    #[test]
    fn incremental_equals_full_on_a_generated_group(
        seed in 0_u64..1000,
        edits in proptest::collection::vec((any::<usize>(), 0_u8..4, -40_i64..40), 1..6),
    ) {
        check(kalibrer::engine::generate::generate(150, seed).unwrap(), &edits)?;
    }
}

#[test]
fn a_level_change_falls_back_to_a_full_evaluation() {
    let mut s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    let mut eval = evaluate(&s);
    let i = s.manager_index("KC01").unwrap();
    s.managers[i].level = "AC".into();
    eval.update_manager(&s, i);
    assert_eq!(eval.findings, evaluate(&s).findings);
    assert_eq!(eval.level_of[i], s.levels.iter().position(|l| l.id == "AC"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Through the app: typed amounts, drags, status changes, undo and redo keep the
    /// evaluation and the panels' derived facts (findings, strips, the meeting's
    /// progress) equal to computing everything afresh.
    #[test]
    fn the_app_stays_equal_to_a_fresh_evaluation(
        steps in proptest::collection::vec((any::<usize>(), 0_u8..5, 0_i64..60), 1..10),
    ) {
        use kalibrer::ui::KalibrerApp;
        use kalibrer::ui::command::Command;
        let ctx = egui::Context::default();
        let mut app = KalibrerApp::with_session(kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap(), None);
        for (at, kind, value) in steps {
            let manager = at % app.meeting.doc.session().managers.len();
            let amount = Decimal::from(value * 2_000);
            let command = match kind {
                0 => Command::Edit(Edit::SetAmount { manager, amount, drag: false }),
                1 => Command::Edit(Edit::SetAmount { manager, amount, drag: true }),
                2 => Command::Undo,
                3 => Command::Redo,
                _ => Command::Edit(Edit::SetStatus {
                    manager,
                    status: kalibrer::model::MeetingStatus::ALL[value as usize % kalibrer::model::MeetingStatus::ALL.len()],
                }),
            };
            app.run_command(&ctx, command);
            app.refresh();
            let fresh = evaluate(app.meeting.doc.session());
            same(&app.meeting.eval, &fresh)?;
            prop_assert_eq!(&app.meeting.derived, &kalibrer::ui::state::derived::Derived::new(app.meeting.doc.session(), &fresh));
        }
    }
}
