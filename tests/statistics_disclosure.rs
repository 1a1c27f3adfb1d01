//! The published statistics: one change vs last year (same managers both years) and
//! disclosure control, attacked from the published figures alone.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use kalibrer::engine::disclosure::{self, Cell, Publication, PublishedRow, Suppression};
use kalibrer::engine::{self, Evaluation};
use kalibrer::io;
use kalibrer::io::statistics_export::{MARK_DERIVABLE, MARK_FEW, statistics_table};
use kalibrer::model::Session;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn demo() -> Session {
    io::parse_session(io::DEMO_RON).unwrap()
}

fn kr(v: i64) -> Decimal {
    Decimal::from(v)
}

/// The demo with only the kontorchefer and the departementschef: exactly one level
/// (Departementschef, n = 1) is suppressed. Without KC12 (the newcomer) every manager
/// has a last-year amount.
fn demo_kc_and_dc(keep_kc12: bool) -> Session {
    let mut s = demo();
    s.managers.retain(|m| (m.level == "KC" && (keep_kc12 || m.id != "KC12")) || m.level == "DC");
    s
}

// ---------------------------------------------------------------------------------
// One change vs last year
// ---------------------------------------------------------------------------------

/// Demo, by hand from assets/demo.ron: the 20 kontorchefer get 882.000 kr. (the CLI test
/// agrees); KC12 is new (no history) and gets 110.000 kr. The other 19 got 763.000 kr. in
/// 2025 (41+35+58+37+40+30+45+48+36+43+35+44+37+33+40+45+38+37+41 thousand) and get
/// 882.000 − 110.000 = 772.000 kr. now: +9.000 / 763.000 = +1,179554 %. The old export
/// divided 882.000 by 763.000: +15,60 %.
#[test]
fn kontorchef_change_is_over_the_same_19_managers_everywhere() {
    let s = demo();
    let eval = engine::evaluate(&s);
    let kc = eval.stats.per_level.iter().find(|l| l.level.as_deref() == Some("KC")).unwrap();
    let change = kc.change_vs_last.unwrap();
    assert_eq!(kc.stats.sum, kr(882_000));
    assert_eq!(change.managers, 19);
    assert_eq!(change.this_year_sum, kr(772_000));
    assert_eq!(change.last_year_sum, kr(763_000));
    assert_eq!(change.percent, Some(Decimal::new(1_179_554, 6)));
    // The engine's one function gives the same.
    assert_eq!(engine::change_vs_last(19, kr(772_000), kr(763_000)), Some(change));
    // The export prints the same figure, rounded, and says over how many.
    let table = statistics_table(&s);
    let row = table.rows.iter().find(|r| r[0] == io::tables::Value::Text("Kontorchef".into())).unwrap();
    assert_eq!(row[7].display_text(), "1,2 %");
    assert_eq!(row[8].display_text(), "19");
    assert!(!table.to_csv().unwrap().contains("15,6"), "the old, inconsistent figure");
}

/// The whole demo: the 27 with history got 1.423.000 kr. last year (763.000 KC +
/// 276.000 AC (72+71+67+66) + 252.000 SD (84+83+85) + 132.000 DC) and get
/// 1.565.000 − 110.000 = 1.455.000 now: +32.000 / 1.423.000 = +2,248770 %.
#[test]
fn the_groups_change_leaves_out_the_newcomer_too() {
    let eval = engine::evaluate(&demo());
    let change = eval.stats.total.change_vs_last.unwrap();
    assert_eq!(eval.stats.total.stats.sum, kr(1_565_000));
    assert_eq!((change.managers, change.this_year_sum, change.last_year_sum), (27, kr(1_455_000), kr(1_423_000)));
    assert_eq!(change.percent, Some(Decimal::new(2_248_770, 6)));
    // A manager edit recomputed incrementally gives what a full evaluation gives.
    let mut s = demo();
    let mut inc = engine::evaluate(&s);
    let kc12 = s.manager_index("KC12").unwrap();
    s.history.entry("KC12".into()).or_default().insert(2025, kr(100_000));
    inc.update_manager(&s, kc12);
    let full = engine::evaluate(&s);
    assert_eq!(inc.stats, full.stats);
    let kc = full.stats.per_level.iter().find(|l| l.level.as_deref() == Some("KC")).unwrap();
    // Now all 20: 882.000 vs 863.000 = +2,201622 %.
    let c = kc.change_vs_last.unwrap();
    assert_eq!((c.managers, c.this_year_sum, c.last_year_sum), (20, kr(882_000), kr(863_000)));
    assert_eq!(c.percent, Some(Decimal::new(2_201_622, 6)));
}

fn stats_json(file: &str) -> serde_json::Value {
    let o = Command::new(env!("CARGO_BIN_EXE_kalibrer")).args(["stats", file, "--json"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    serde_json::from_str(&String::from_utf8_lossy(&o.stdout)).unwrap()
}

#[test]
fn stats_json_has_full_precision_the_change_base_and_the_publication() {
    let v = stats_json(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.ron"));
    let levels = v["levels"].as_array().unwrap();
    let row = |id: Option<&str>| levels.iter().find(|l| l["level"].as_str() == id).unwrap();
    let kc = row(Some("KC"));
    assert_eq!(kc["sum"], "882000");
    assert_eq!(kc["mean"], "44100");
    assert_eq!(kc["change_vs_last"]["managers"], 19);
    assert_eq!(kc["change_vs_last"]["this_year_sum"], "772000");
    assert_eq!(kc["change_vs_last"]["last_year_sum"], "763000");
    // 9.000 × 100 / 763.000 = 1,179554390563564875491480996068… % at Decimal's full
    // precision (28 decimals), no longer rounded to 6 (issue 30).
    assert_eq!(kc["change_vs_last"]["percent"], "1.1795543905635648754914809961");
    assert_eq!(kc["change_vs_last_percent"], "1.1795543905635648754914809961");
    // Ratios keep more than 4 decimals (they were rounded to 2).
    for key in ["cv_percent", "gini"] {
        let text = kc[key].as_str().unwrap();
        let decimals = text.split('.').nth(1).map_or(0, str::len);
        assert!(decimals >= 4, "{key} = {text}");
    }
    // Alle: 1.565.000 / 28 = 55.892,857142…
    let all = row(None);
    assert!(all["mean"].as_str().unwrap().starts_with("55892.857142"), "{}", all["mean"]);
    // 32.000 × 100 / 1.423.000 = 2,248770203794799718903724525650… %.
    assert_eq!(all["change_vs_last"]["percent"], "2.2487702037947997189037245257");
    // Which cells the publication withholds: the departementschef (primary), and the
    // Alle maximum, which is his 138.000 kr.
    assert_eq!(row(Some("DC"))["publication"]["max"], "suppressed_fewer_than_5");
    assert_eq!(all["max"], "138000");
    assert_eq!(all["publication"]["max"], "suppressed_derivable");
    assert_eq!(all["publication"]["min"], "shown");
    assert_eq!(kc["publication"]["mean"], "shown");
}

// ---------------------------------------------------------------------------------
// The demo's publication
// ---------------------------------------------------------------------------------

/// Demo: DC 1, SD 3, AC 4 are suppressed (8 managers together), KC 20 shown. The Alle
/// maximum is the departementschef's 138.000 kr. (92,25 % of the 150.000 frame =
/// 138.375, rounded to 1.000) — withheld; it was printed before.
#[test]
fn the_demo_publishes_no_suppressed_amount() {
    let s = demo();
    let p = disclosure::publication(&s, &engine::evaluate(&s));
    for id in ["DC", "SD", "AC"] {
        let row = p.row(Some(id)).unwrap();
        assert_eq!(row.mean, Cell::Suppressed(Suppression::FewerThanMin), "{id}");
        assert_eq!(row.max, Cell::Suppressed(Suppression::FewerThanMin), "{id}");
    }
    assert_eq!(p.row(Some("DC")).unwrap().n, 1);
    let kc = p.row(Some("KC")).unwrap();
    assert_eq!(kc.max, Cell::Shown(kr(110_000)));
    assert_eq!(p.total.max, Cell::Suppressed(Suppression::Derivable));
    assert_eq!(p.total.min, kc.min, "the smallest amount is a kontorchef's");
    // The 8 suppressed managers together are ≥ 5: the Alle mean may stay.
    assert_eq!(p.total.mean, Cell::Shown(kr(1_565_000) / kr(28)));
    let table = statistics_table(&s);
    let csv = table.to_csv().unwrap();
    assert!(!csv.contains("138000") && !csv.contains("138.000"), "{csv}");
    assert!(csv.contains(MARK_DERIVABLE) && csv.contains(MARK_FEW));
    // The notes that explain the marks travel with the table (the workbook prints them; the
    // CSV for systems has data rows only).
    let notes = table.notes.join(" ");
    assert!(notes.contains("undertrykt (kan udledes)") && notes.contains("undertrykt (færre end 5 ledere;"));
}

/// That a small level has no change (the departementschef is new) is withheld too: "–¹",
/// not "–" (no figure).
#[test]
fn a_small_levels_missing_history_is_withheld() {
    let mut s = demo();
    s.history.remove("DC01");
    let p = disclosure::publication(&s, &engine::evaluate(&s));
    let dc = p.row(Some("DC")).unwrap();
    assert_eq!(dc.change_percent, Cell::Suppressed(Suppression::FewerThanMin));
    assert_eq!(dc.change_managers, Cell::Suppressed(Suppression::FewerThanMin));
    let table = statistics_table(&s);
    assert!(table.rows[0][7..9].iter().all(|c| c.display_text() == MARK_FEW), "{:?}", table.rows[0]);
}

/// Only kontorchefer (20, 882.000 kr.) and the departementschef (138.000 kr.): the Alle
/// sum 1.020.000 − 882.000 would be his amount, so the Alle mean (48.571,43), share,
/// median and maximum are withheld; the minimum is a kontorchef's.
#[test]
fn one_suppressed_level_hides_the_totals_sum() {
    let s = demo_kc_and_dc(true);
    let eval = engine::evaluate(&s);
    assert_eq!(eval.stats.total.stats.sum, kr(1_020_000));
    let p = disclosure::publication(&s, &eval);
    let derivable = Cell::Suppressed(Suppression::Derivable);
    assert_eq!(p.total.n, 21);
    for (name, cell) in [("mean", p.total.mean), ("median", p.total.median), ("max", p.total.max)] {
        assert_eq!(cell, derivable, "{name}");
    }
    assert_eq!(p.total.receiving_percent, derivable);
    // Change: 19 KC with history shown; DC's one last-year amount is the rest.
    assert_eq!(p.total.change_percent, derivable);
    assert_eq!(p.row(Some("KC")).unwrap().change_managers, Cell::Shown(19));
    assert!(p.total.min.shown().is_some());
    let csv = statistics_table(&s).to_csv().unwrap();
    for secret in ["138.000", "138000", "48.571", "48571", "48.572", "48572"] {
        assert!(!csv.contains(secret), "{secret} in {csv}");
    }
}

// ---------------------------------------------------------------------------------
// The attacker
// ---------------------------------------------------------------------------------

/// What a reader of the publication sees of one row.
#[derive(Debug, Clone, Default)]
struct Seen {
    n: usize,
    receiving_percent: Option<Decimal>,
    mean: Option<Decimal>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    q1: Option<Decimal>,
    median: Option<Decimal>,
    q3: Option<Decimal>,
    change_percent: Option<Decimal>,
    change_managers: Option<usize>,
}

impl Seen {
    fn of(row: &PublishedRow) -> Self {
        Self {
            n: row.n,
            receiving_percent: row.receiving_percent.shown(),
            mean: row.mean.shown(),
            min: row.min.shown(),
            max: row.max.shown(),
            q1: row.q1.shown(),
            median: row.median.shown(),
            q3: row.q3.shown(),
            change_percent: row.change_percent.shown(),
            change_managers: row.change_managers.shown(),
        }
    }

    fn sum(&self) -> Option<Decimal> {
        self.mean.map(|m| (m * Decimal::from(self.n)).round_dp(2))
    }
}

/// The reader's view: the levels (highest first) and Alle.
struct View {
    levels: Vec<Seen>,
    total: Seen,
}

impl View {
    fn of(p: &Publication) -> Self {
        Self { levels: p.levels.iter().map(Seen::of).collect(), total: Seen::of(&p.total) }
    }

    /// What the export printed before: a level of 1–4 withheld, everything else shown.
    fn primary_only(s: &Session, eval: &Evaluation) -> Self {
        let seen = |st: &engine::LevelStats, amounts: &[Decimal]| {
            let n = st.stats.n;
            let hide = n > 0 && n < 5;
            let receiving = amounts.iter().filter(|a| **a > Decimal::ZERO).count();
            let c = st.change_vs_last;
            Seen {
                n,
                receiving_percent: (!hide && n > 0).then(|| Decimal::from(receiving * 100) / Decimal::from(n)),
                mean: (!hide && n > 0).then_some(st.stats.mean),
                min: (!hide && n > 0).then_some(st.stats.min),
                max: (!hide && n > 0).then_some(st.stats.max),
                q1: (!hide && n > 0).then_some(st.stats.q1),
                median: (!hide && n > 0).then_some(st.stats.median),
                q3: (!hide && n > 0).then_some(st.stats.q3),
                change_percent: if hide { None } else { c.and_then(|c| c.percent) },
                change_managers: if hide { None } else { Some(c.map_or(0, |c| c.managers)) },
            }
        };
        let levels = s
            .levels_by_rank()
            .into_iter()
            .rev()
            .map(|li| {
                let st = eval.stats.per_level.iter().find(|l| l.level.as_deref() == Some(&s.levels[li].id)).unwrap();
                let amounts: Vec<Decimal> = (0..s.managers.len())
                    .filter(|&i| eval.level_of[i] == Some(li))
                    .map(|i| eval.amounts[i].amount)
                    .collect();
                seen(st, &amounts)
            })
            .collect();
        let all: Vec<Decimal> = eval.amounts.iter().map(|a| a.amount).collect();
        Self { levels, total: seen(&eval.stats.total, &all) }
    }
}

/// A figure the attacker derived, about a group of `about` managers.
#[derive(Debug, Clone, PartialEq)]
enum Recovered {
    /// The sum of the managers not on a level with a shown mean.
    ResidualSum { about: usize, sum: Decimal },
    /// How many of them receive an amount.
    ResidualReceiving { about: usize, count: Decimal },
    /// One of them has this amount (an extreme of Alle no shown level has).
    ResidualAmount { amount: Decimal },
    /// Every one of them has this amount.
    ResidualAll { about: usize, amount: Decimal },
    /// A shown mean of a group of 1–4 (mean × n).
    SmallSum { about: usize, sum: Decimal },
    /// A shown change over 1–4 managers.
    SmallChange { about: usize, percent: Decimal },
    /// The change of the last-year managers outside the levels whose sums are known.
    /// `covered`: the view's levels whose sums were known.
    ResidualChange { about: usize, percent: Decimal, covered: Vec<bool> },
    /// A row's amounts pinned down one by one by its order statistics (with its count,
    /// sum and share): `row` (levels in view order, `None` for Alle), the amounts by rank.
    Pinned { row: Option<usize>, n: usize, pinned: Vec<Option<Decimal>> },
    /// The sum of the `about` amounts of a row that are not pinned (given by its sum).
    RowRest { row: Option<usize>, about: usize, sum: Decimal, pinned: Vec<Option<Decimal>> },
    /// The residual's receivers number 1–4 and the residual's sum is known.
    ResidualFewReceiving { about: usize },
}

impl Recovered {
    /// Whether the figure is about fewer than 5 managers (or one manager's amount).
    fn discloses(&self) -> bool {
        match self {
            Self::ResidualAmount { .. } | Self::ResidualAll { .. } => true,
            Self::Pinned { n, pinned, .. } => {
                let k = distinct_nonzero(pinned);
                k * 4 > n + 1 || (k > 0 && pinned.iter().all(Option::is_some))
            }
            Self::RowRest { about, .. } | Self::ResidualFewReceiving { about } => *about > 0 && *about < 5,
            Self::ResidualSum { about, .. }
            | Self::ResidualReceiving { about, .. }
            | Self::SmallSum { about, .. }
            | Self::SmallChange { about, .. }
            | Self::ResidualChange { about, .. } => *about > 0 && *about < 5,
        }
    }
}

/// Every figure the attacker can derive, by sound reasoning only, from the view.
fn attack(v: &View) -> Vec<Recovered> {
    let mut found = Vec::new();
    let known: Vec<&Seen> = v.levels.iter().filter(|l| l.mean.is_some()).collect();
    let r = v.total.n - known.iter().map(|l| l.n).sum::<usize>();
    // Sum from the total minus the others (mean × n), and the receiving count likewise.
    let residual_sum = v.total.sum().map(|t| t - known.iter().filter_map(|l| l.sum()).sum::<Decimal>());
    if let (Some(sum), true) = (residual_sum, r > 0) {
        found.push(Recovered::ResidualSum { about: r, sum });
        for bound in [v.total.min, v.total.max].into_iter().flatten() {
            if sum == bound * Decimal::from(r) {
                found.push(Recovered::ResidualAll { about: r, amount: bound });
            }
        }
    }
    if let (Some(share), true) = (v.total.receiving_percent, r > 0) {
        let of = |share: Decimal, n: usize| share * Decimal::from(n) / Decimal::ONE_HUNDRED;
        let count = of(share, v.total.n)
            - known.iter().filter_map(|l| l.receiving_percent.map(|p| of(p, l.n))).sum::<Decimal>();
        found.push(Recovered::ResidualReceiving { about: r, count: count.round() });
    }
    // Min/max from the Alle row that no shown level reaches.
    if let Some(max) = v.total.max
        && v.levels.iter().filter_map(|l| l.max).all(|m| m < max)
        && r > 0
    {
        found.push(Recovered::ResidualAmount { amount: max });
    }
    if let Some(min) = v.total.min
        && v.levels.iter().filter_map(|l| l.min).all(|m| m > min)
        && r > 0
    {
        found.push(Recovered::ResidualAmount { amount: min });
    }
    // Mean × n of a small group.
    for l in v.levels.iter().chain(std::iter::once(&v.total)) {
        if let (Some(sum), true) = (l.sum(), l.n > 0 && l.n < 5) {
            found.push(Recovered::SmallSum { about: l.n, sum });
        }
        if let (Some(percent), Some(about)) = (l.change_percent, l.change_managers) {
            found.push(Recovered::SmallChange { about, percent });
        }
    }
    // Change differencing: levels where everyone had last year's amount give this
    // year's and last year's sums; the Alle change then gives the rest's.
    if let (Some(rho), Some(m_all), Some(total_sum)) = (v.total.change_percent, v.total.change_managers, v.total.sum())
    {
        let known = |l: &Seen| {
            let (sum, p, m) = (l.sum()?, l.change_percent?, l.change_managers?);
            let factor = Decimal::ONE + p / Decimal::ONE_HUNDRED;
            (m == l.n && !factor.is_zero()).then(|| (sum, sum / factor, m))
        };
        let covered: Vec<bool> = v.levels.iter().map(|l| known(l).is_some()).collect();
        let full: Vec<(Decimal, Decimal, usize)> = v.levels.iter().filter_map(known).collect();
        let in_full: usize = full.iter().map(|f| f.2).sum();
        let rest = v.total.n - in_full;
        let m_rest = m_all - in_full;
        if m_rest > 0 && m_rest == rest {
            let this_k: Decimal = full.iter().map(|f| f.0).sum();
            let last_k: Decimal = full.iter().map(|f| f.1).sum();
            let this_rest = total_sum - this_k;
            let factor = Decimal::ONE + rho / Decimal::ONE_HUNDRED;
            let last_all = if factor.is_zero() { Decimal::ZERO } else { total_sum / factor };
            let last_rest = last_all - last_k;
            if !last_rest.is_zero() {
                let percent = (this_rest - last_rest) / last_rest * Decimal::ONE_HUNDRED;
                found.push(Recovered::ResidualChange { about: m_rest, percent, covered });
            }
        }
    }
    order_statistic_attack(v, r, residual_sum, &mut found);
    found
}

/// The distinct amounts above 0 among the pinned ones.
fn distinct_nonzero(pinned: &[Option<Decimal>]) -> usize {
    let mut v: Vec<Decimal> = pinned.iter().flatten().filter(|v| !v.is_zero()).copied().collect();
    v.sort_unstable();
    v.dedup();
    v.len()
}

/// What a row's published order statistics, share and sum pin down of its sorted amounts
/// (by rank), knowing that no amount is below 0: exact ranks (min, max, odd medians),
/// pairs whose mean is published (the other one once one is known), ties (equal values
/// fix every rank between them), zeros (below the receivers, and below a 0), and the last
/// unknown one from the sum.
fn pin(s: &Seen) -> Vec<Option<Decimal>> {
    let n = s.n;
    let mut x: Vec<Option<Decimal>> = vec![None; n];
    if n == 0 {
        return x;
    }
    // (rank, value) exact and (rank, rank + 1, mean) pairs of a median of [start, start + len).
    let mut exact: Vec<(usize, Decimal)> = Vec::new();
    let mut pairs: Vec<(usize, Decimal)> = Vec::new();
    let mut median_of = |start: usize, len: usize, v: Option<Decimal>| {
        if let Some(v) = v.filter(|_| len > 0) {
            if len % 2 == 1 { exact.push((start + len / 2, v)) } else { pairs.push((start + len / 2 - 1, v)) }
        }
    };
    median_of(0, n, s.median);
    if n > 1 {
        median_of(0, n / 2, s.q1);
        median_of(n.div_ceil(2), n / 2, s.q3);
    }
    exact.extend(s.min.map(|v| (0, v)));
    exact.extend(s.max.map(|v| (n - 1, v)));
    for (r, v) in exact {
        x[r] = Some(v);
    }
    if let Some(share) = s.receiving_percent {
        let k = (share * Decimal::from(n) / Decimal::ONE_HUNDRED).round();
        let zeros = n - k.to_usize().unwrap_or(n).min(n);
        for slot in x.iter_mut().take(zeros) {
            *slot = Some(Decimal::ZERO);
        }
    }
    loop {
        let before = x.clone();
        for &(a, v) in &pairs {
            if v.is_zero() {
                x[a] = Some(Decimal::ZERO);
                x[a + 1] = Some(Decimal::ZERO);
            }
            match (x[a], x[a + 1]) {
                (Some(p), None) => x[a + 1] = Some(v * Decimal::TWO - p),
                (None, Some(q)) => x[a] = Some(v * Decimal::TWO - q),
                _ => {}
            }
            // Ties with a pair: a known value equal to the mean below it fixes both.
            if a > 0 && x[a - 1] == Some(v) || x.get(a + 2).copied().flatten() == Some(v) {
                x[a] = Some(v);
                x[a + 1] = Some(v);
            }
        }
        let known: Vec<(usize, Decimal)> = x.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
        for w in known.windows(2) {
            if w[0].1 == w[1].1 {
                for slot in &mut x[w[0].0..w[1].0] {
                    *slot = Some(w[0].1);
                }
            }
        }
        if let Some(&(i, _)) = known.iter().rev().find(|(_, v)| v.is_zero()) {
            for slot in &mut x[..i] {
                *slot = Some(Decimal::ZERO);
            }
        }
        let unknown: Vec<usize> = (0..n).filter(|&i| x[i].is_none()).collect();
        if let (Some(sum), [only]) = (s.sum(), unknown.as_slice()) {
            x[*only] = Some(sum - x.iter().flatten().sum::<Decimal>());
        }
        if x == before {
            break;
        }
    }
    x
}

/// The order-statistic attack: every row's amounts pinned one by one, the rest of a row
/// from its sum, an exact rank of *Alle* that no shown level can hold (a residual
/// manager's amount), and the residual's few receivers with its sum.
fn order_statistic_attack(v: &View, r: usize, residual_sum: Option<Decimal>, found: &mut Vec<Recovered>) {
    let rows = v.levels.iter().enumerate().map(|(i, l)| (Some(i), l)).chain(std::iter::once((None, &v.total)));
    let mut level_pins: Vec<Vec<Option<Decimal>>> = Vec::new();
    for (row, seen) in rows {
        let pinned = pin(seen);
        if row.is_some() {
            level_pins.push(pinned.clone());
        }
        if pinned.iter().any(Option::is_some) {
            found.push(Recovered::Pinned { row, n: seen.n, pinned: pinned.clone() });
        }
        let unknown = pinned.iter().filter(|p| p.is_none()).count();
        if let (Some(sum), true) = (seen.sum(), unknown > 0 && unknown < seen.n) {
            let rest = sum - pinned.iter().flatten().sum::<Decimal>();
            found.push(Recovered::RowRest { row, about: unknown, sum: rest, pinned });
        }
    }
    // An exact rank of Alle that no shown level can hold belongs to the residual. (A 0 is
    // what the share receiving publishes by design: that some got nothing, never who.)
    if r > 0 {
        for value in pin(&v.total).into_iter().flatten().filter(|v| !v.is_zero()) {
            let could_hold = v.levels.iter().zip(&level_pins).any(|(l, p)| {
                if l.mean.is_none() {
                    return false;
                }
                let all_pinned = p.iter().all(Option::is_some);
                if all_pinned {
                    return p.contains(&Some(value));
                }
                !(l.min.is_some_and(|m| value < m) || l.max.is_some_and(|m| value > m))
            });
            if !could_hold {
                found.push(Recovered::ResidualAmount { amount: value });
            }
        }
    }
    // The residual's receivers from the shares, with the residual's sum.
    if let (Some(_), Some(share)) = (residual_sum, v.total.receiving_percent) {
        let of = |share: Decimal, n: usize| share * Decimal::from(n) / Decimal::ONE_HUNDRED;
        let known: Vec<&Seen> = v.levels.iter().filter(|l| l.mean.is_some()).collect();
        let shares: Option<Decimal> = known.iter().map(|l| l.receiving_percent.map(|p| of(p, l.n))).sum();
        if let Some(levels) = shares {
            let count = (of(share, v.total.n) - levels).round();
            let c = count.to_usize().unwrap_or(0);
            if c < r {
                found.push(Recovered::ResidualFewReceiving { about: c });
            }
        }
    }
}

/// The managers not on the view's levels at the positions where `covered` holds.
fn outside(s: &Session, eval: &Evaluation, covered: &[bool]) -> Vec<usize> {
    let mut by_level = vec![false; s.levels.len()];
    for (li, c) in s.levels_by_rank().into_iter().rev().zip(covered) {
        by_level[li] = *c;
    }
    (0..s.managers.len()).filter(|&i| !eval.level_of[i].is_some_and(|l| by_level[l])).collect()
}

/// The sorted amounts of a row of the view (levels highest first; None: Alle).
fn row_amounts(s: &Session, eval: &Evaluation, row: Option<usize>) -> Vec<Decimal> {
    let level = row.map(|r| s.levels_by_rank().into_iter().rev().nth(r).unwrap());
    let mut v: Vec<Decimal> = (0..s.managers.len())
        .filter(|&i| level.is_none() || eval.level_of[i] == level)
        .map(|i| eval.amounts[i].amount)
        .collect();
    v.sort_unstable();
    v
}

/// Checks that every recovered figure is true (the attacker reasons soundly) and
/// returns those that disclose a group of fewer than 5.
fn disclosures(s: &Session, eval: &Evaluation, v: &View) -> Vec<Recovered> {
    let shown: Vec<bool> = v.levels.iter().map(|l| l.mean.is_some()).collect();
    let amounts: Vec<Decimal> = outside(s, eval, &shown).iter().map(|&i| eval.amounts[i].amount).collect();
    let found = attack(v);
    for f in &found {
        match f {
            Recovered::ResidualSum { sum, .. } => assert_eq!(*sum, amounts.iter().sum::<Decimal>()),
            Recovered::ResidualReceiving { count, .. } => {
                assert_eq!(*count, Decimal::from(amounts.iter().filter(|a| **a > Decimal::ZERO).count()));
            }
            Recovered::ResidualAmount { amount } => assert!(amounts.contains(amount)),
            Recovered::ResidualAll { amount, .. } => assert!(amounts.iter().all(|a| a == amount)),
            Recovered::SmallSum { .. } | Recovered::SmallChange { .. } => {}
            Recovered::Pinned { row, pinned, .. } => {
                let real = row_amounts(s, eval, *row);
                for (i, p) in pinned.iter().enumerate() {
                    if let Some(p) = p {
                        assert_eq!(*p, real[i], "rank {i} of row {row:?}: {pinned:?} vs {real:?}");
                    }
                }
            }
            Recovered::RowRest { row, sum, pinned, .. } => {
                let real = row_amounts(s, eval, *row);
                let rest: Decimal = real.iter().zip(pinned).filter(|(_, p)| p.is_none()).map(|(a, _)| *a).sum();
                assert_eq!(rest, *sum, "row {row:?}");
            }
            Recovered::ResidualFewReceiving { about } => {
                assert_eq!(*about, amounts.iter().filter(|a| **a > Decimal::ZERO).count());
            }
            Recovered::ResidualChange { percent, covered, .. } => {
                let pairs: Vec<(Decimal, Decimal)> = outside(s, eval, covered)
                    .iter()
                    .filter_map(|&i| s.last_year_amount(&s.managers[i].id).map(|l| (eval.amounts[i].amount, l)))
                    .collect();
                let this: Decimal = pairs.iter().map(|p| p.0).sum();
                let last: Decimal = pairs.iter().map(|p| p.1).sum();
                let real = (this - last) / last * Decimal::ONE_HUNDRED;
                assert!((real - percent).abs() < Decimal::new(1, 3), "{real} vs {percent}");
            }
        }
    }
    found.into_iter().filter(Recovered::discloses).collect()
}

/// The attack works: against the old primary-only publication of the demo's kontorchefer
/// and departementschef it recovers his 138.000 kr. three ways, and his change: 138.000
/// vs 132.000 = +4,5454 % (the 19 KC: 772.000 vs 763.000; all 20: 910.000 vs 895.000).
#[test]
fn the_attacker_breaks_primary_suppression_alone() {
    let s = demo_kc_and_dc(false);
    let eval = engine::evaluate(&s);
    let found = disclosures(&s, &eval, &View::primary_only(&s, &eval));
    assert!(found.contains(&Recovered::ResidualSum { about: 1, sum: kr(138_000) }), "{found:?}");
    assert!(found.contains(&Recovered::ResidualAmount { amount: kr(138_000) }), "{found:?}");
    let change = found.iter().find_map(|f| match f {
        Recovered::ResidualChange { about: 1, percent, .. } => Some(*percent),
        _ => None,
    });
    assert!((change.unwrap() - Decimal::new(4_545_454, 6)).abs() < Decimal::new(1, 3));
}

#[test]
fn the_attacker_recovers_nothing_from_the_demo_publications() {
    for s in [demo(), demo_kc_and_dc(true), demo_kc_and_dc(false)] {
        let eval = engine::evaluate(&s);
        let view = View::of(&disclosure::publication(&s, &eval));
        assert_eq!(disclosures(&s, &eval, &view), vec![]);
    }
}

/// A generated session cut to random level sizes, with some newcomers.
fn cut(seed: u64, sizes: &[usize], newcomers: &[bool]) -> Session {
    let mut s = engine::generate::generate(120, seed).unwrap();
    let mut kept = vec![0_usize; s.levels.len()];
    let level_ids: Vec<String> = s.levels.iter().map(|l| l.id.clone()).collect();
    s.managers.retain(|m| {
        let li = level_ids.iter().position(|id| *id == m.level).unwrap();
        kept[li] += 1;
        kept[li] <= sizes[li % sizes.len()]
    });
    for (m, new) in s.managers.iter().zip(newcomers.iter().cycle()) {
        if *new {
            s.history.remove(&m.id);
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_suppressed_figure_can_be_recovered_from_a_generated_publication(
        seed in 0_u64..1_000,
        sizes in proptest::collection::vec(prop_oneof![0_usize..=9, 10_usize..=25, Just(usize::MAX)], 4),
        zeros in proptest::collection::vec(proptest::bool::weighted(0.3), 1..12),
        newcomers in proptest::collection::vec(proptest::bool::weighted(0.15), 1..12),
    ) {
        let mut s = cut(seed, &sizes, &newcomers);
        prop_assume!(!s.managers.is_empty());
        // Some managers get 0 kr. (few receivers, ties at 0).
        for (m, zero) in s.managers.iter_mut().zip(zeros.iter().cycle()) {
            if *zero {
                m.model_override = Some(kalibrer::model::AmountModel::Direct);
                m.direct_amount = Some(Decimal::ZERO);
                m.adjustment = None;
            }
        }
        let eval = engine::evaluate(&s);
        let publication = disclosure::publication(&s, &eval);
        let found = disclosures(&s, &eval, &View::of(&publication));
        prop_assert!(found.is_empty(), "recovered {:?}", found);
        // The export prints exactly the publication's shown cells.
        let table = statistics_table(&s);
        let rows = publication.levels.iter().chain(std::iter::once(&publication.total));
        for (printed, row) in table.rows.iter().zip(rows) {
            let cells = [row.receiving_percent, row.mean, row.median, row.min, row.max, row.change_percent];
            for (k, c) in cells.iter().enumerate() {
                let text = printed[k + 2].display_text();
                match c {
                    Cell::Suppressed(Suppression::FewerThanMin) => prop_assert_eq!(text, MARK_FEW),
                    Cell::Suppressed(Suppression::Derivable) => prop_assert_eq!(text, MARK_DERIVABLE),
                    Cell::Missing => prop_assert_eq!(text, "–"),
                    Cell::Shown(_) => prop_assert!(!text.starts_with('–'), "{}", text),
                }
            }
        }
        // With exactly one small level, nobody without a level and a total that is itself
        // shown (5 or more managers), primary suppression alone gives that level's sum
        // away: the attacker is strong enough to notice. (A group of fewer than 5 has its
        // total suppressed too, so there is nothing to subtract from – seed 0, sizes
        // [1, 0, 0, 0].)
        let small = publication.levels.iter().filter(|r| r.n > 0 && r.n < 5).count();
        if small == 1 && publication.total.n >= 5 {
            let naive = disclosures(&s, &eval, &View::primary_only(&s, &eval));
            prop_assert!(naive.iter().any(|f| matches!(f, Recovered::ResidualSum { .. })), "{:?}", naive);
        }
    }
}

// ---------------------------------------------------------------------------------
// Order statistics
// ---------------------------------------------------------------------------------

/// Sets `amounts[i]` as manager `i`'s amount (direct model), for the managers of `level`.
fn set_amounts(s: &mut Session, level: &str, amounts: &[i64]) {
    let mut set = Vec::new();
    for (m, a) in s.managers.iter_mut().filter(|m| m.level == level).zip(amounts) {
        m.model_override = Some(kalibrer::model::AmountModel::Direct);
        m.direct_amount = Some(kr(*a));
        m.adjustment = None;
        m.final_amount = None;
        set.push(m.id.clone());
    }
    s.managers.retain(|m| m.level != level || set.contains(&m.id));
}

/// The session: departementschef 1, afdelingschefer 4, kontorchefer 5. The KC
/// amounts 40, 42, 44, 46, 48 thousand; the AC 60, 65, 70, 75 thousand; DC 138.000.
fn dc1_ac4_kc5() -> Session {
    let mut s = demo();
    s.managers.retain(|m| m.level != "SD");
    set_amounts(&mut s, "KC", &[40_000, 42_000, 44_000, 46_000, 48_000]);
    set_amounts(&mut s, "AC", &[60_000, 65_000, 70_000, 75_000]);
    s
}

/// Before: the 5 kontorchefer's min, quartiles, median and max were all five amounts, and
/// Alle's upper quartile (the median of the upper five: 65.000 kr.) an afdelingschef's,
/// whose level is suppressed.
#[test]
fn order_statistics_broke_the_old_publication_of_dc1_ac4_kc5() {
    let s = dc1_ac4_kc5();
    let eval = engine::evaluate(&s);
    let kc = eval.stats.of_level("KC").unwrap();
    assert_eq!(
        (kc.stats.min, kc.stats.q1, kc.stats.median, kc.stats.q3, kc.stats.max),
        (kr(40_000), kr(41_000), kr(44_000), kr(47_000), kr(48_000))
    );
    // Alle: 40 42 44 46 48 60 65 70 75 138 (thousands): q3 = the median of 60 65 70 75 138.
    assert_eq!(eval.stats.total.stats.q3, kr(70_000));
    let found = disclosures(&s, &eval, &View::primary_only(&s, &eval));
    let kc_row = 3; // DC, AC, (SD empty), KC
    assert!(
        found.iter().any(|f| matches!(f, Recovered::Pinned { row: Some(r), pinned, .. }
            if *r == kc_row && pinned.iter().flatten().count() == 5)),
        "{found:?}"
    );
    assert!(found.contains(&Recovered::ResidualAmount { amount: kr(70_000) }), "{found:?}");
    // Now: KC shows its mean and sum but no order statistic, Alle none either.
    let p = disclosure::publication(&s, &eval);
    let kc = p.row(Some("KC")).unwrap();
    assert_eq!(kc.mean, Cell::Shown(kr(44_000)));
    for c in [kc.min, kc.q1, kc.median, kc.q3, kc.max, p.total.min, p.total.q1, p.total.median, p.total.q3, p.total.max]
    {
        assert!(c.suppression().is_some(), "{c:?}");
    }
    assert_eq!(disclosures(&s, &eval, &View::of(&p)), vec![]);
}

/// `stats --json` reports every cell the export withholds as withheld.
#[test]
fn stats_json_marks_every_withheld_order_statistic() {
    let s = dc1_ac4_kc5();
    let dir = std::env::temp_dir().join(format!("kalibrer-disclosure-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("dc1_ac4_kc5.ron");
    std::fs::write(&file, io::to_ron(&s)).unwrap();
    let v = stats_json(file.to_str().unwrap());
    let p = disclosure::publication(&s, &engine::evaluate(&s));
    let levels = v["levels"].as_array().unwrap();
    for row in p.levels.iter().chain(std::iter::once(&p.total)) {
        let json = levels.iter().find(|l| l["level"].as_str() == row.level.as_deref()).unwrap();
        for (name, suppression, _) in row.cell_states() {
            let expected = match suppression {
                Some(Suppression::FewerThanMin) => "suppressed_fewer_than_5",
                Some(Suppression::Derivable) => "suppressed_derivable",
                None => continue,
            };
            assert_eq!(json["publication"][name], expected, "{:?} {name}", row.level);
        }
    }
    let kc = levels.iter().find(|l| l["level"] == "KC").unwrap();
    for name in ["min", "q1", "median", "q3", "max"] {
        assert!(kc["publication"][name].as_str().unwrap().starts_with("suppressed"), "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Adversarial levels: ten kontorchefer of whom two receive (the sum would be theirs),
/// ties that fix a run of amounts (q1 = q3), twenty identical amounts, and a residual
/// in which one manager receives.
#[test]
fn adversarial_levels_publish_nothing_recoverable() {
    let cases: [&[i64]; 5] = [
        &[0, 0, 0, 0, 0, 0, 0, 0, 30_000, 60_000],
        &[40_000, 45_000, 45_000, 45_000, 45_000, 45_000, 45_000, 45_000, 50_000, 90_000],
        &[45_000; 20],
        &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40_000, 50_000, 70_000],
        &[30_000, 31_000, 32_000, 33_000, 34_000, 35_000, 36_000, 37_000, 38_000, 39_000, 40_000],
    ];
    for amounts in cases {
        let mut s = dc1_ac4_kc5();
        let mut extra = s.managers.iter().find(|m| m.level == "KC").unwrap().clone();
        s.managers.retain(|m| m.level != "KC");
        for (i, _) in amounts.iter().enumerate() {
            extra.id = format!("KX{i:02}");
            s.managers.push(extra.clone());
        }
        set_amounts(&mut s, "KC", amounts);
        // The residual: one afdelingschef receives, three get 0 (and the DC).
        for (variant, ac) in [[60_000, 65_000, 70_000, 75_000], [0, 0, 0, 65_000]].iter().enumerate() {
            let mut s = s.clone();
            set_amounts(&mut s, "AC", ac);
            if variant == 1 {
                set_amounts(&mut s, "DC", &[0]);
            }
            let eval = engine::evaluate(&s);
            let view = View::of(&disclosure::publication(&s, &eval));
            assert_eq!(disclosures(&s, &eval, &view), vec![], "{amounts:?} {ac:?}");
        }
    }
}
