//! The order of the findings list and which managers each finding concerns.
//!
//! The list holds errors first, then warnings, then info; within a severity the managers'
//! own findings in manager order (each manager's in rule order), then the findings about
//! pairs, levels and the pool ("global") in their order. After one manager's change the
//! list is re-laid by moving the findings that stay, not copying them: a state-wide session
//! has thousands (20,000 managers: about 7,000), and a copy of each on every key press
//! or drag step was a tenth of the engine's work.

use super::finding::{Facts, Finding};

/// The ordered findings with, for each, the manager whose own rules made it (None: a
/// global finding) and the managers it concerns as far as known here.
#[derive(Debug, Default)]
pub(crate) struct Ordered {
    /// The findings, in display order.
    pub findings: Vec<Finding>,
    /// For each finding: the manager (index) whose own rules made it, or None.
    pub from: Vec<Option<usize>>,
    /// For each finding: the managers (indices) it is about and the second of a pair.
    pub concerned: Vec<[Option<usize>; 2]>,
}

/// Orders the managers' own findings and the global ones (see the module).
pub(crate) fn order(per_manager: &[Vec<Finding>], global: Vec<Finding>) -> Ordered {
    let own = per_manager.iter().enumerate().flat_map(|(j, fs)| fs.iter().map(move |f| (f.clone(), j)));
    let mut own: Vec<(Finding, usize)> = own.collect();
    // Stable: within a severity the manager order and each manager's rule order stay.
    own.sort_by_key(|(f, _)| f.severity);
    interleave(own, global)
}

/// The order after only manager `i`'s own findings (now `per_manager[i]`) and the global
/// ones (now `global`) changed: `old`'s other entries are moved into place.
pub(crate) fn reorder(
    old: Vec<(Finding, usize)>,
    per_manager: &[Vec<Finding>],
    i: usize,
    global: Vec<Finding>,
) -> Ordered {
    let mut own: Vec<(Finding, usize)> = old.into_iter().filter(|(_, j)| *j != i).collect();
    for f in per_manager.get(i).into_iter().flatten() {
        // After the entries ordered before or with it: severity, then manager.
        let at = own.partition_point(|(g, j)| (g.severity, *j) <= (f.severity, i));
        own.insert(at, (f.clone(), i));
    }
    interleave(own, global)
}

/// Splits an order back into the managers' own findings (with their manager) and the
/// global ones, each in its order.
pub(crate) fn split(ordered: Ordered) -> (Vec<(Finding, usize)>, Vec<Finding>) {
    let (mut own, mut global) = (Vec::new(), Vec::new());
    for (f, from) in ordered.findings.into_iter().zip(ordered.from) {
        match from {
            Some(j) => own.push((f, j)),
            None => global.push(f),
        }
    }
    (own, global)
}

/// Per severity: the managers' own findings (`own`, ordered by severity), then the global
/// ones of that severity in their order.
fn interleave(own: Vec<(Finding, usize)>, mut global: Vec<Finding>) -> Ordered {
    global.sort_by_key(|f| f.severity);
    let n = own.len() + global.len();
    let mut out =
        Ordered { findings: Vec::with_capacity(n), from: Vec::with_capacity(n), concerned: Vec::with_capacity(n) };
    let mut own = own.into_iter().peekable();
    let mut global = global.into_iter().peekable();
    loop {
        let severity = match (own.peek(), global.peek()) {
            (Some((a, _)), Some(b)) => a.severity.min(b.severity),
            (Some((a, _)), None) => a.severity,
            (None, Some(b)) => b.severity,
            (None, None) => break,
        };
        while let Some((f, j)) = own.next_if(|(f, _)| f.severity == severity) {
            out.concerned.push([Some(j), None]);
            out.from.push(Some(j));
            out.findings.push(f);
        }
        while let Some(f) = global.next_if(|f| f.severity == severity) {
            out.concerned.push(match f.facts {
                Facts::Inversion { lower, higher, .. } => [Some(lower), Some(higher)],
                _ => [None, None],
            });
            out.from.push(None);
            out.findings.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::finding::Severity;
    use rust_decimal::Decimal;

    const SEVERITIES: [Severity; 3] = [Severity::Fejl, Severity::Advarsel, Severity::Info];

    fn own(j: usize, severity: usize, tag: i64) -> Finding {
        let facts = Facts::NegativeAmount { amount: Decimal::from(tag) };
        Finding::about_manager(SEVERITIES[severity % 3], &format!("M{j}"), facts)
    }

    fn global(severity: usize, pair: Option<(usize, usize)>, tag: i64) -> Finding {
        match pair {
            Some((lower, higher)) => {
                let facts =
                    Facts::Inversion { lower, lower_amount: Decimal::from(tag), higher, higher_amount: Decimal::ZERO };
                let mut f = Finding::about_manager(Severity::Fejl, &format!("M{lower}"), facts);
                f.other_manager = Some(format!("M{higher}"));
                f
            }
            None => {
                Finding::general(SEVERITIES[severity % 3], None, Facts::NegativeAmount { amount: Decimal::from(tag) })
            }
        }
    }

    /// The order as first written: all findings, stably sorted by severity.
    fn plain(per_manager: &[Vec<Finding>], global: &[Finding]) -> Vec<Finding> {
        let mut out: Vec<Finding> = per_manager.iter().flatten().chain(global).cloned().collect();
        out.sort_by_key(|f| f.severity);
        out
    }

    type Spec = (Vec<Vec<usize>>, Vec<(usize, Option<(usize, usize)>)>);

    fn build((managers, globals): &Spec, tag: i64) -> (Vec<Vec<Finding>>, Vec<Finding>) {
        let pm = managers.iter().enumerate().map(|(j, s)| s.iter().map(|&s| own(j, s, tag)).collect()).collect();
        let g = globals.iter().map(|&(s, pair)| global(s, pair, tag)).collect();
        (pm, g)
    }

    fn spec() -> impl proptest::strategy::Strategy<Value = Spec> {
        (
            proptest::collection::vec(proptest::collection::vec(0_usize..3, 0..4), 1..12),
            proptest::collection::vec((0_usize..3, proptest::option::of((0_usize..12, 0_usize..12))), 0..10),
        )
    }

    #[test]
    fn errors_come_first_then_each_severity_has_own_findings_then_global() {
        let pm = vec![vec![own(0, 2, 1), own(0, 0, 2)], vec![own(1, 1, 3)]];
        let g = vec![global(1, None, 4), global(0, Some((1, 0)), 5)];
        let ordered = order(&pm, g.clone());
        let tags: Vec<String> = ordered.findings.iter().map(|f| format!("{:?}", f.facts)).collect();
        assert_eq!(ordered.findings, plain(&pm, &g), "{tags:?}");
        assert_eq!(ordered.from, [Some(0), None, Some(1), None, Some(0)]);
        assert_eq!(
            ordered.concerned,
            [[Some(0), None], [Some(1), Some(0)], [Some(1), None], [None, None], [Some(0), None]]
        );
    }

    proptest::proptest! {
        #[test]
        fn the_order_is_the_stable_sort_by_severity(s in spec()) {
            let (pm, g) = build(&s, 1);
            let ordered = order(&pm, g.clone());
            proptest::prop_assert_eq!(&ordered.findings, &plain(&pm, &g));
            proptest::prop_assert_eq!(ordered.from.len(), ordered.findings.len());
            for (f, [own, other]) in ordered.findings.iter().zip(&ordered.concerned) {
                proptest::prop_assert_eq!(own.map(|j| format!("M{j}")), f.manager.clone());
                if let Some(other) = other {
                    proptest::prop_assert_eq!(Some(format!("M{other}")), f.other_manager.clone());
                }
            }
        }

        #[test]
        fn reordering_after_one_change_equals_ordering_anew(
            before in spec(),
            i in 0_usize..12,
            now in proptest::collection::vec(0_usize..3, 0..4),
            globals in proptest::collection::vec((0_usize..3, proptest::option::of((0_usize..12, 0_usize..12))), 0..10),
        ) {
            let (pm, g) = build(&before, 1);
            let (own, _) = split(order(&pm, g));
            let mut after = before.clone();
            let i = i % after.0.len();
            after.0[i] = now;
            after.1 = globals;
            let (pm_after, g_after) = build(&after, 2);
            // The others' findings are the old ones (tag 1), manager i's and the global ones new (tag 2).
            let mut expected_pm = pm.clone();
            expected_pm[i] = pm_after[i].clone();
            let fresh = order(&expected_pm, g_after.clone());
            let patched = reorder(own, &expected_pm, i, g_after);
            proptest::prop_assert_eq!(patched.findings, fresh.findings);
            proptest::prop_assert_eq!(patched.from, fresh.from);
            proptest::prop_assert_eq!(patched.concerned, fresh.concerned);
        }
    }
}
