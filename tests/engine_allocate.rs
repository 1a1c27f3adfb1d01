//! Fit-to-pool and spread: property tests on the demo with random pools and locks.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use rust_decimal::Decimal;

use kalibrer::engine::{self, allocate};
use kalibrer::model::Session;

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

/// Applies a proposal's amounts to the evaluation's amounts (by index).
fn applied(eval: &engine::Evaluation, p: &allocate::AllocationProposal) -> Vec<Decimal> {
    let mut out: Vec<Decimal> = eval.amounts.iter().map(|a| a.amount).collect();
    for (i, v) in &p.changes {
        out[*i] = *v;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn fit_to_pool_respects_pool_bands_order_and_locks(pool_k in 0_i64..600, locks in proptest::collection::vec(any::<bool>(), 28)) {
        let mut s = demo();
        s.policies.pool = Decimal::from(1_100_000 + pool_k * 1_000);
        for (m, l) in s.managers.iter_mut().zip(&locks) {
            m.locked = *l;
        }
        let eval = engine::evaluate(&s);
        let p = allocate::fit_to_pool(&s, &eval);
        let new = applied(&eval, &p);
        let total: Decimal = new.iter().sum();
        prop_assert_eq!(total, p.total);
        let step = s.policies.rounding_step;
        // Locked managers untouched.
        for (i, m) in s.managers.iter().enumerate() {
            if m.locked {
                prop_assert_eq!(new[i], eval.amounts[i].amount);
            }
        }
        let moved: Vec<usize> = p.changes.iter().map(|(i, _)| *i).collect();
        for &i in &moved {
            let level = s.level(&s.managers[i].level).unwrap();
            prop_assert!(level.band.contains(new[i]), "{} outside band", new[i]);
            prop_assert!((new[i] / step).fract().is_zero(), "{} not on the step", new[i]);
        }
        // Total ≤ pool whenever the bands allow it.
        let fixed_min: Decimal = s.managers.iter().enumerate().map(|(i, m)| {
            let movable = !m.locked && eval.amounts[i].complete;
            if movable { s.level(&m.level).unwrap().band.min } else { eval.amounts[i].amount }
        }).sum();
        if fixed_min <= s.policies.pool {
            prop_assert!(total <= s.policies.pool, "total {} > pool {}", total, s.policies.pool);
        }
        // Order of the formula amounts kept within a level among the movable managers.
        let movable: Vec<usize> = (0..s.managers.len()).filter(|&i| !s.managers[i].locked && eval.amounts[i].complete).collect();
        for &a in &movable {
            for &b in &movable {
                if s.managers[a].level == s.managers[b].level && eval.amounts[a].formula < eval.amounts[b].formula {
                    prop_assert!(new[a] <= new[b], "order broken: {} vs {}", new[a], new[b]);
                }
            }
        }
    }

    #[test]
    fn spread_keeps_each_level_total_within_one_step_per_manager(k10 in 0_i64..30) {
        let s = demo();
        let eval = engine::evaluate(&s);
        let k = Decimal::new(k10, 1);
        let p = allocate::spread(&s, &eval, k);
        let new = applied(&eval, &p);
        for level in &s.levels {
            let idx: Vec<usize> = (0..s.managers.len()).filter(|&i| s.managers[i].level == level.id).collect();
            let before: Decimal = idx.iter().map(|&i| eval.amounts[i].amount).sum();
            let after: Decimal = idx.iter().map(|&i| new[i]).sum();
            let slack = s.policies.rounding_step * Decimal::from(idx.len());
            prop_assert!((after - before).abs() <= slack, "{}: {} → {}", level.name, before, after);
        }
    }
}

#[test]
fn fit_to_pool_on_the_demo_meets_the_pool_exactly_on_the_step() {
    let mut s = demo();
    s.policies.pool = Decimal::from(1_400_000);
    let eval = engine::evaluate(&s);
    let p = allocate::fit_to_pool(&s, &eval);
    assert!(p.total <= s.policies.pool);
    assert!(s.policies.pool - p.total < s.policies.rounding_step, "as close as the step allows: {}", p.total);
    assert!(p.summary.contains("beløb ændres"));
}

#[test]
fn spread_widens_the_kontorchef_range() {
    let s = demo();
    let eval = engine::evaluate(&s);
    let p = allocate::spread(&s, &eval, Decimal::new(15, 1));
    let new = applied(&eval, &p);
    let kc: Vec<usize> = (0..s.managers.len()).filter(|&i| s.managers[i].level == "KC").collect();
    let sd = |v: &dyn Fn(usize) -> Decimal| engine::Stats::of(&kc.iter().map(|&i| v(i)).collect::<Vec<_>>()).sd;
    assert!(sd(&|i| new[i]) > sd(&|i| eval.amounts[i].amount));
}
