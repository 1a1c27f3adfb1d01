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
    // Ranks from highest to lowest; for each rank the lowest-paid manager at or above it.
    let rank_of = |i: usize| level_of[i].map(|l| session.levels[l].rank);
    // Managers by rank, highest first, in index order within a rank (a bucket per rank:
    // no comparison sort, this runs on every change).
    let mut ranks: Vec<u8> = session.levels.iter().map(|l| l.rank).collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.dedup();
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); ranks.len()];
    for i in 0..amounts.len() {
        if let Some(r) = rank_of(i)
            && let Some(b) = ranks.iter().position(|x| *x == r)
        {
            buckets[b].push(i);
        }
    }
    let by_rank: Vec<(u8, usize)> =
        ranks.iter().zip(&buckets).flat_map(|(r, members)| members.iter().map(move |i| (*r, *i))).collect();
    // lowest_above[r]: lowest-paid manager with rank > r, computed as we sweep ranks downwards.
    let mut lowest_strictly_above: Vec<(u8, Option<usize>)> = Vec::new();
    let mut best: Option<usize> = None;
    let mut k = 0;
    while k < by_rank.len() {
        let rank = by_rank[k].0;
        lowest_strictly_above.push((rank, best));
        while k < by_rank.len() && by_rank[k].0 == rank {
            let i = by_rank[k].1;
            if best.is_none_or(|b| amounts[i].amount < amounts[b].amount) {
                best = Some(i);
            }
            k += 1;
        }
    }
    let mut out = Vec::new();
    for i in 0..amounts.len() {
        let Some(rank) = rank_of(i) else { continue };
        let higher = lowest_strictly_above.iter().find(|(r, _)| *r == rank).and_then(|(_, h)| *h);
        if let Some(h) = higher
            && amounts[i].amount > amounts[h].amount
        {
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
}
