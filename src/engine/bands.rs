//! Band-overlap geometry: where levels' bands overlap, and actual inversions.

use rust_decimal::Decimal;

use crate::model::Session;

use super::amounts::ManagerAmount;

/// The kr. interval where the bands of two levels overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandOverlap {
    /// Index of the lower-ranked level in `session.levels`.
    pub lower: usize,
    /// Index of the higher-ranked level.
    pub higher: usize,
    /// Start of the overlap.
    pub from: Decimal,
    /// End of the overlap.
    pub to: Decimal,
}

/// A manager of a lower level with a larger amount than a manager of a higher level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inversion {
    /// Index of the lower-level manager in `session.managers`.
    pub lower_manager: usize,
    /// Index of the higher-level manager.
    pub higher_manager: usize,
    /// The lower-level manager's amount.
    pub lower_amount: Decimal,
    /// The higher-level manager's amount.
    pub higher_amount: Decimal,
}

/// For each pair of levels (lower rank first, by rank) the overlap of their bands, if any
/// (a shared single kr. point counts).
#[must_use]
pub fn overlaps(session: &Session) -> Vec<BandOverlap> {
    let order = session.levels_by_rank();
    let mut out = Vec::new();
    for (k, &lower) in order.iter().enumerate() {
        for &higher in &order[k + 1..] {
            let (a, b) = (&session.levels[lower].band, &session.levels[higher].band);
            let from = a.min.max(b.min);
            let to = a.max.min(b.max);
            if from <= to && session.levels[lower].rank < session.levels[higher].rank {
                out.push(BandOverlap { lower, higher, from, to });
            }
        }
    }
    out
}

/// Inversions between managers: a manager of a lower-rank level with a larger amount than
/// a manager of a higher-rank level. To stay O(n log n) at 20,000 managers, each
/// lower-level manager is reported once, paired with the lowest-paid manager of any
/// higher-rank level below their amount (the most striking pair).
#[must_use]
pub fn inversions(session: &Session, level_of: &[Option<usize>], amounts: &[ManagerAmount]) -> Vec<Inversion> {
    // Distinct ranks, highest first; each level's place among them.
    let mut ranks: Vec<u8> = session.levels.iter().map(|l| l.rank).collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.dedup();
    let place_of_level: Vec<usize> =
        session.levels.iter().map(|l| ranks.iter().position(|r| *r == l.rank).unwrap_or(0)).collect();
    let place = |i: usize| level_of[i].and_then(|l| place_of_level.get(l).copied());
    // One pass: the lowest-paid manager of each rank (the first in index order among equals).
    let mut lowest: Vec<Option<usize>> = vec![None; ranks.len()];
    for i in 0..amounts.len() {
        if let Some(p) = place(i)
            && lowest[p].is_none_or(|b| amounts[i].amount < amounts[b].amount)
        {
            lowest[p] = Some(i);
        }
    }
    // Sweeping the ranks downwards: the lowest-paid manager of any rank strictly above
    // each (a higher rank keeps the place among equal amounts).
    let mut strictly_above: Vec<Option<usize>> = vec![None; ranks.len()];
    let mut best: Option<usize> = None;
    for p in 0..ranks.len() {
        strictly_above[p] = best;
        if let Some(i) = lowest[p]
            && best.is_none_or(|b| amounts[i].amount < amounts[b].amount)
        {
            best = Some(i);
        }
    }
    let mut out = Vec::new();
    for i in 0..amounts.len() {
        let Some(h) = place(i).and_then(|p| strictly_above[p]) else { continue };
        if amounts[i].amount > amounts[h].amount {
            out.push(Inversion {
                lower_manager: i,
                higher_manager: h,
                lower_amount: amounts[i].amount,
                higher_amount: amounts[h].amount,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::engine::evaluate;

    #[test]
    fn demo_kontorchef_above_afdelingschef_is_an_inversion() {
        let s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
        let eval = evaluate(&s);
        let names: Vec<(&str, &str)> = eval
            .inversions
            .iter()
            .map(|v| (s.managers[v.lower_manager].id.as_str(), s.managers[v.higher_manager].id.as_str()))
            .collect();
        // KC03 (65.000 kr.) against AC04 (rating 5: 60.000 + 20 % × 20.000 = 64.000 kr.).
        assert!(names.contains(&("KC03", "AC04")), "{names:?}");
        // Bands: kontorchef 30–50, afdelingschef 60–80, direktør 70–100, departementschef 100–150.
        let ov: Vec<(String, String)> = eval
            .overlaps
            .iter()
            .map(|o| (format!("{}-{}", s.levels[o.lower].id, s.levels[o.higher].id), format!("{}-{}", o.from, o.to)))
            .collect();
        assert_eq!(
            ov,
            vec![("AC-SD".to_string(), "70000-80000".to_string()), ("SD-DC".to_string(), "100000-100000".to_string())]
        );
    }

    /// The rule as stated, pair by pair: each manager against the lowest-paid manager of
    /// any strictly higher rank (among equal amounts the higher rank, then the first).
    fn reference(ranks: &[Option<u8>], amounts: &[i64]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, r) in ranks.iter().enumerate() {
            let Some(r) = r else { continue };
            let above = (0..ranks.len()).filter(|&h| ranks[h].is_some_and(|x| x > *r));
            let lowest =
                above.min_by(|&a, &b| amounts[a].cmp(&amounts[b]).then(ranks[b].cmp(&ranks[a])).then(a.cmp(&b)));
            if let Some(h) = lowest
                && amounts[i] > amounts[h]
            {
                out.push((i, h));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn inversions_pair_each_manager_with_the_lowest_paid_above(
            level_ranks in proptest::collection::vec(1_u8..5, 1..5),
            managers in proptest::collection::vec((0_usize..6, 0_i64..8), 0..40),
        ) {
            let mut s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
            let template = s.levels[0].clone();
            s.levels = level_ranks
                .iter()
                .enumerate()
                .map(|(k, r)| crate::model::Level { id: format!("L{k}"), rank: *r, ..template.clone() })
                .collect();
            // A level index past the levels is a manager without a level.
            let level_of: Vec<Option<usize>> =
                managers.iter().map(|(l, _)| (*l < level_ranks.len()).then_some(*l)).collect();
            let amounts: Vec<super::ManagerAmount> = managers
                .iter()
                .map(|(_, a)| super::ManagerAmount {
                    formula: rust_decimal::Decimal::ZERO,
                    adjustment: rust_decimal::Decimal::ZERO,
                    amount: rust_decimal::Decimal::from(*a * 5_000),
                    breakdown: Vec::new(),
                    complete: true,
                })
                .collect();
            let got: Vec<(usize, usize)> =
                super::inversions(&s, &level_of, &amounts).iter().map(|v| (v.lower_manager, v.higher_manager)).collect();
            let ranks: Vec<Option<u8>> = level_of.iter().map(|l| l.map(|l| level_ranks[l])).collect();
            let plain: Vec<i64> = managers.iter().map(|(_, a)| *a).collect();
            proptest::prop_assert_eq!(got, reference(&ranks, &plain));
        }
    }
}
