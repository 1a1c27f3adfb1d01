//! Per-director statistics, the leniency test and the ledger, with hand-computed numbers;
//! the false-flag rate of the test over sessions drawn without a difference.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::engine;
use kalibrer::engine::director_ledger;
use kalibrer::engine::directors::{self, Basis, Flag};
use kalibrer::io;
use kalibrer::model::{AmountModel, Executive, Manager, Proposal, Session};
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// Three directors, six kontorchefer each on the demo's KC band 30.000–50.000 kr. with
/// direct amounts 30.000 + 1.000 × the numbers below (positions in twentieths of the band):
/// DIR1 0, 4, 8, 12, 16, 10; DIR2 (lenient) 14 … 19; DIR3 2, 6, 10, 14, 18, 8.
/// Proposals: DIR1 equal to the amount; DIR2 2.000 kr. above (the meeting lowered all
/// six); DIR3 1.000 kr. below (raised), except the last, who has none.
fn three_directors() -> Session {
    let mut s = io::parse_session(io::DEMO_RON).expect("demo parses");
    s.executives = ["DIR1", "DIR2", "DIR3"]
        .iter()
        .map(|id| Executive { id: (*id).into(), name: format!("Direktør {id}"), title: "Direktør".into() })
        .collect();
    s.change_log.clear();
    let plan: [(&str, [i64; 6], Option<i64>); 3] = [
        ("DIR1", [0, 4, 8, 12, 16, 10], Some(0)),
        ("DIR2", [14, 15, 16, 17, 18, 19], Some(2_000)),
        ("DIR3", [2, 6, 10, 14, 18, 8], Some(-1_000)),
    ];
    s.managers.clear();
    for (dir, steps, offset) in plan {
        for (k, step) in steps.iter().enumerate() {
            let mut m = Manager::new(&format!("{dir}-{k}"), &format!("Leder {dir} {k}"), "KC");
            m.superior = dir.into();
            m.model_override = Some(AmountModel::Direct);
            let amount = 30_000 + 1_000 * step;
            m.direct_amount = Some(d(amount));
            m.base_salary = d(700_000);
            m.total_pay = d(760_000);
            let none = dir == "DIR3" && k == 5;
            m.proposal = offset.filter(|_| !none).map(|o| Proposal {
                amount: Some(d(amount + o)),
                rationale: format!("Forslag {k}"),
                by: dir.into(),
                ..Proposal::default()
            });
            s.managers.push(m);
        }
    }
    s.history.clear();
    s
}

#[test]
fn the_lenient_director_is_flagged_and_the_others_are_not() {
    let s = three_directors();
    let eval = engine::evaluate(&s);
    let r = directors::by_director(&s, &eval, Basis::Amount);
    assert_eq!(r.directors.len(), 3);
    let [d1, d2, d3] = [&r.directors[0], &r.directors[1], &r.directors[2]];
    // Mean positions: DIR1 50/120, DIR2 99/120 = 0,825, DIR3 58/120.
    assert_eq!(d2.mean_band_position, Some(Decimal::new(825, 3)));
    assert_eq!(d1.mean_band_position.map(|p| p.round_dp(6)), Some(Decimal::new(416_667, 6)));
    assert_eq!(d3.mean_band_position.map(|p| p.round_dp(6)), Some(Decimal::new(483_333, 6)));
    // DIR2 vs the rest (108/240 = 0,45): +37,5 points. Exact test over C(18, 6) = 18.564
    // splits: 131 are as far from the mean (python itertools, /tmp/perm.py): p = 0,00706;
    // DIR1 2.122 (0,1143), DIR3 7.027 (0,3785). Holm: DIR2 3 × 0,00706 = 0,0212; DIR1
    // max(0,0212, 2 × 0,1143) = 0,2286; DIR3 max(0,2286, 0,3785) = 0,3785.
    let t2 = d2.test.as_ref().expect("DIR2 tested");
    assert_eq!(t2.difference_points, Decimal::new(375, 1));
    assert!((t2.p_raw - 131.0 / 18_564.0).abs() < 1e-12, "{}", t2.p_raw);
    assert!((t2.p_value - 3.0 * 131.0 / 18_564.0).abs() < 1e-12, "{}", t2.p_value);
    assert_eq!(t2.flag, Some(Flag::Lenient));
    let t1 = d1.test.as_ref().expect("DIR1 tested");
    assert!((t1.p_raw - 2_122.0 / 18_564.0).abs() < 1e-12);
    assert!((t1.p_value - 2.0 * 2_122.0 / 18_564.0).abs() < 1e-12);
    assert_eq!(t1.flag, None);
    let t3 = d3.test.as_ref().expect("DIR3 tested");
    assert!((t3.p_value - 7_027.0 / 18_564.0).abs() < 1e-12);
    assert_eq!(t3.flag, None);
    assert_eq!(
        directors::sentence(d2, "DIR2"),
        "DIR2's ledere ligger i gennemsnit 38 procentpoint højere i spændet end de øvriges (n = 6, p = 0,02)."
    );
    assert!(directors::sentence(d3, "DIR3").ends_with("– inden for hvad tilfældighed kan give."));
    // Indeks: the level mean is 747.000 / 18 = 41.500; DIR2 279.000 / (6 × 41.500) × 100.
    assert_eq!(d2.indeks.map(|i| i.round_dp(4)), Some(Decimal::new(1_120_482, 4)));
    assert_eq!(d1.indeks.map(|i| i.round_dp(4)), Some(Decimal::new(923_695, 4)));
}

#[test]
fn proposals_against_amounts_per_director_and_in_total() {
    let s = three_directors();
    let eval = engine::evaluate(&s);
    let r = directors::by_director(&s, &eval, Basis::Amount);
    let t = |k: usize| &r.directors[k].tally;
    assert_eq!((t(0).proposal_sum, t(0).amount_sum, t(0).difference()), (d(230_000), d(230_000), d(0)));
    assert_eq!((t(0).up, t(0).down, t(0).unchanged, t(0).without_proposal), (0, 0, 6, 0));
    assert_eq!((t(1).proposal_sum, t(1).amount_sum, t(1).difference()), (d(291_000), d(279_000), d(-12_000)));
    assert_eq!((t(1).up, t(1).down, t(1).unchanged), (0, 6, 0));
    // DIR3: the manager without a proposal (38.000 kr.) is outside both sums.
    assert_eq!((t(2).proposal_sum, t(2).amount_sum, t(2).difference()), (d(195_000), d(200_000), d(5_000)));
    assert_eq!((t(2).n, t(2).up, t(2).without_proposal), (6, 5, 1));
    let total = &r.total;
    assert_eq!((total.n, total.without_proposal, total.up, total.down, total.unchanged), (18, 1, 5, 6, 6));
    assert_eq!((total.proposal_sum, total.amount_sum, total.difference()), (d(716_000), d(709_000), d(-7_000)));
    // On the proposals, DIR2 sits even higher: (99 + 12) / 120 … and DIR3 leaves one out.
    let p = directors::by_director(&s, &eval, Basis::Proposal);
    assert_eq!(p.directors[1].mean_band_position, Some(Decimal::new(925, 3)));
    assert_eq!(p.directors[2].positioned, 5);
}

#[test]
fn the_ledger_lists_the_largest_changes_with_the_reasons_in_the_log() {
    let mut s = three_directors();
    // DIR2-5: proposed 51.000, the meeting sets 44.000 with a reason.
    let i = s.manager_index("DIR2-5").expect("manager");
    let mut doc = kalibrer::document::Document::new(s.clone(), None);
    doc.apply(kalibrer::document::Edit::SetAmount { manager: i, amount: d(44_000), drag: false }, "DEP").expect("set");
    doc.apply(kalibrer::document::Edit::SetNotes { manager: i, text: "ikke en begrundelse".into() }, "DEP")
        .expect("notes");
    s = doc.session().clone();
    let eval = engine::evaluate(&s);
    let r = directors::by_director(&s, &eval, Basis::Amount);
    let lines = director_ledger::ledger(&s, &eval, &r.directors[1].managers, 2);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0].manager, lines[0].proposal, lines[0].amount, lines[0].change),
        (i, d(51_000), d(44_000), d(-7_000))
    );
    // The others all moved −2.000; the tie goes by id.
    assert_eq!(s.managers[lines[1].manager].id, "DIR2-0");
    assert_eq!(lines[1].change, d(-2_000));
    assert!(lines[0].reasons.is_empty(), "a note is not a reason for the amount: {:?}", lines[0].reasons);
}

#[test]
fn too_few_managers_means_no_test() {
    let mut s = three_directors();
    // DIR3 keeps 4 managers: no test for DIR3; the others are still tested.
    s.managers.retain(|m| !(m.superior == "DIR3" && (m.id.ends_with('4') || m.id.ends_with('5'))));
    let eval = engine::evaluate(&s);
    let r = directors::by_director(&s, &eval, Basis::Amount);
    assert!(r.directors[2].test.is_none());
    assert!(r.directors[0].test.is_some() && r.directors[1].test.is_some());
    assert!(directors::sentence(&r.directors[2], "DIR3").contains("for få ledere"));
}

#[test]
fn a_manager_far_above_the_band_counts_at_its_edge_in_the_test() {
    // D's five kontorchefer at 46.000 kr. (position 0,8 on 30.000–50.000); five others
    // without a director at 34.000, 36.000, 38.000, 40.000 and 110.000 kr.: 0,2 … 0,5 and
    // 4,0. Counted as 4,0 the outlier makes the others' mean 1,08 – D would look 28 points
    // *lower* – and every split of the ten is as far apart as D's (by hand: e = the 0,8s in
    // a split of five, each e gives sums ≥ 5,4 or ≤ 4,0): p = 252/252 = 1.
    let mut s = three_directors();
    s.executives.truncate(1);
    s.executives[0].id = "D".into();
    let template = s.managers[0].clone();
    s.managers.clear();
    for (k, (superior, amount)) in
        [("D", 46), ("D", 46), ("D", 46), ("D", 46), ("D", 46), ("X", 34), ("X", 36), ("X", 38), ("X", 40), ("X", 110)]
            .into_iter()
            .enumerate()
    {
        let mut m = template.clone();
        m.id = format!("M{k}");
        m.superior = superior.into();
        m.direct_amount = Some(d(amount * 1_000));
        m.proposal = None;
        s.managers.push(m);
    }
    let raw = engine::permutation::p_value(&[8, 8, 8, 8, 8], &[2, 3, 4, 5, 40], 0);
    assert_eq!(raw, Some(1.0), "the test on the real positions cannot tell D apart");
    let eval = engine::evaluate(&s);
    let r = directors::by_director(&s, &eval, Basis::Amount);
    let dir = &r.directors[0];
    assert_eq!(dir.mean_band_position, Some(Decimal::new(8, 1)), "the real mean");
    assert_eq!(r.unassigned.len(), 5);
    // Counted within the band the outlier is 1,0: the others' mean 2,4 / 5 = 0,48, D +32
    // points. Splits of the ten {0,8 ×5, 0,2, 0,3, 0,4, 0,5, 1,0} into five at least as far
    // from the mean as D's sum 4,0 (|10·S − 32| ≥ 8: S ≥ 4,0 or S ≤ 2,4), by e = the 0,8s
    // taken: e = 5 → 1; e = 4 with 1,0 → 5; e = 1 with 0,2 + 0,3 + 0,4 + 0,5 → 5; e = 0 → 1;
    // e = 2, 3 none. p = 12 / C(10, 5) = 12/252 = 1/21 ≈ 0,048 ≤ 0,05 (one director: Holm
    // leaves it).
    let t = dir.test.as_ref().expect("D tested");
    assert_eq!(t.difference_points, d(32));
    assert!((t.p_raw - 12.0 / 252.0).abs() < 1e-12, "{}", t.p_raw);
    assert!((t.p_value - 12.0 / 252.0).abs() < 1e-12, "{}", t.p_value);
    assert_eq!(t.flag, Some(Flag::Lenient));
    assert_eq!(directors::test_position(d(4)), d(1));
    assert_eq!(directors::test_position(d(-1)), d(0));
}

#[test]
fn on_the_demo_the_kontorchef_at_400_percent_no_longer_makes_dir_b_look_lenient() {
    // The constituted kontorchef at 110.000 kr. (400 %) is DIR-B's (and Sofie Dalgaard at
    // 65.000 kr., 175 %, DIR-A's): DIR-B's real mean is 91,4 %, 33 points above the rest.
    // Counted within the bands she sits 7 points *below* them; DEP +10, DIR-A −1. Nobody
    // differs: p 0,48 / 0,95 / 0,68 before Holm over three, 1,00 after.
    let s = io::parse_session(io::DEMO_RON).expect("demo parses");
    let eval = engine::evaluate(&s);
    let r = directors::by_director(&s, &eval, Basis::Amount);
    let b = r.directors.iter().find(|d| d.id == "DIR-B").expect("DIR-B");
    assert_eq!(b.mean_band_position.map(|p| p.round_dp(3)), Some(Decimal::new(914, 3)));
    let t = b.test.as_ref().expect("DIR-B tested");
    assert_eq!(t.difference_points.round(), d(-7));
    assert!(r.directors.iter().all(|d| d.test.as_ref().is_none_or(|t| t.flag.is_none())));
    let dep = r.directors.iter().find(|d| d.id == "DEP").and_then(|d| d.test.as_ref()).expect("DEP tested");
    assert_eq!(dep.difference_points, Decimal::new(101, 1));
}

/// The engine's generator for the null sessions, drawing `next % n` as these sessions
/// always have.
struct Rng(kalibrer::engine::rng::SplitMix64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0.next_u64() % n
    }
}

#[test]
fn sessions_without_a_difference_flag_anyone_at_most_about_the_level() {
    // 400 sessions of 3–4 directors with 5–8 managers each, every amount drawn from the
    // same distribution (a step of 0–20 in the band, heavier in the middle): no director
    // differs. The family-wise rate of any flag must stay near the level 0,05 (Holm);
    // binomial(400, 0,05) has sd 4,4, so 35 (8,75 %) is more than 3 sd above 20.
    let base = three_directors();
    let mut rng = Rng(kalibrer::engine::rng::SplitMix64::new(2026));
    let mut flagged_sessions = 0;
    let mut tested = 0;
    for _ in 0..400 {
        let mut s = base.clone();
        let k = 3 + rng.below(2) as usize;
        s.executives =
            (0..k).map(|j| Executive { id: format!("D{j}"), name: format!("D{j}"), title: String::new() }).collect();
        let template = s.managers[0].clone();
        s.managers.clear();
        for j in 0..k {
            for q in 0..5 + rng.below(4) {
                let mut m = template.clone();
                m.id = format!("D{j}-{q}");
                m.superior = format!("D{j}");
                let step = (rng.below(11) + rng.below(11)) as i64;
                m.direct_amount = Some(d(30_000 + 1_000 * step));
                s.managers.push(m);
            }
        }
        let eval = engine::evaluate(&s);
        let r = directors::by_director(&s, &eval, Basis::Amount);
        tested += r.directors.iter().filter(|d| d.test.is_some()).count();
        if r.directors.iter().any(|d| d.test.as_ref().is_some_and(|t| t.flag.is_some())) {
            flagged_sessions += 1;
        }
    }
    println!("{flagged_sessions} of 400 null sessions flag someone; {tested} directors tested");
    assert!(tested > 1_000, "{tested}");
    assert!(flagged_sessions <= 35, "{flagged_sessions} of 400 sessions flag someone");
}

#[test]
fn a_skewed_session_is_flagged_most_of_the_time() {
    // The same draws, but the second director's managers 6 steps (30 points) higher: the
    // test must find that far more often than the level (it has power, it is not mute).
    let base = three_directors();
    let mut rng = Rng(kalibrer::engine::rng::SplitMix64::new(7));
    let mut found = 0;
    for _ in 0..100 {
        let mut s = base.clone();
        let template = s.managers[0].clone();
        s.managers.clear();
        for j in 0..3 {
            for q in 0..7 {
                let mut m = template.clone();
                m.id = format!("DIR{}-{q}", j + 1);
                m.superior = format!("DIR{}", j + 1);
                let step = (rng.below(9) + rng.below(9)) as i64 + if j == 1 { 6 } else { 0 };
                m.direct_amount = Some(d(30_000 + 1_000 * step));
                s.managers.push(m);
            }
        }
        let eval = engine::evaluate(&s);
        let r = directors::by_director(&s, &eval, Basis::Amount);
        if r.directors[1].test.as_ref().is_some_and(|t| t.flag == Some(Flag::Lenient)) {
            found += 1;
        }
    }
    println!("the lenient director is found in {found} of 100 skewed sessions");
    assert!(found >= 60, "found {found} of 100");
}

/// Writes the three-director session with DIR2-5 lowered by the meeting with a reason.
fn three_directors_file(name: &str) -> std::path::PathBuf {
    let s = three_directors();
    let i = s.manager_index("DIR2-5").expect("manager");
    let mut doc = kalibrer::document::Document::new(s, None);
    doc.apply(kalibrer::document::Edit::SetAmount { manager: i, amount: d(44_000), drag: false }, "DEP").expect("set");
    doc.apply(kalibrer::document::Edit::SetJustification { manager: i, text: "Leverancen kom sent".into() }, "DEP")
        .expect("why");
    let dir = std::env::temp_dir().join(format!("kalibrer-directors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(name);
    std::fs::write(&path, io::to_ron(doc.session())).expect("write");
    path
}

fn kalibrer(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kalibrer")).args(args).output().expect("runs")
}

#[test]
fn cli_by_director_json_has_every_field_with_the_hand_computed_values() {
    let path = three_directors_file("json.ron");
    let o = kalibrer(&["stats", path.to_str().expect("utf-8"), "--by-director", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["basis"], "amount");
    let list = v["directors"].as_array().expect("directors");
    assert_eq!(list.len(), 3);
    // DIR2 after the meeting set DIR2-5 to 44.000 (proposed 51.000): amounts 44+45+46+47+48+44
    // = 274.000; proposals 291.000; positions (14+…+18)/20 + 0,7 = 4,7, mean 4,7/6.
    let d2 = &list[1];
    for (key, want) in [
        ("id", serde_json::json!("DIR2")),
        ("name", serde_json::json!("Direktør DIR2")),
        ("n", serde_json::json!(6)),
        ("proposal_sum", serde_json::json!("291000")),
        ("amount_sum", serde_json::json!("274000")),
        ("difference", serde_json::json!("-17000")),
        ("up", serde_json::json!(0)),
        ("down", serde_json::json!(6)),
        ("unchanged", serde_json::json!(0)),
        ("without_proposal", serde_json::json!(0)),
    ] {
        assert_eq!(d2[key], want, "{key}");
    }
    let position: Decimal = d2["mean_band_position"].as_str().expect("string").parse().expect("decimal");
    assert_eq!(position.round_dp(10), (d(47) / d(60)).round_dp(10));
    // Indeks: level mean (747.000 − 5.000) / 18; DIR2 274.000 / (6 × that) × 100.
    let indeks: Decimal = d2["indeks"].as_str().expect("string").parse().expect("decimal");
    assert_eq!(indeks.round_dp(6), (d(274_000) * d(100) * d(18) / (d(6) * d(742_000))).round_dp(6));
    // The test with DIR2-5 at step 14: exact over C(18, 6) = 18.564 splits, as far as
    // observed: DIR2 238, DIR1 2.431, DIR3 8.056 (python itertools). Holm: DIR2
    // 3 × 238/18.564 = 0,0385 ≤ 0,05 → lenient; DIR1 max(0,0385, 2 × 0,1310) = 0,2619.
    let close = |v: &serde_json::Value, want: f64| (v.as_f64().expect("number") - want).abs() < 1e-12;
    assert_eq!(d2["flag"], "lenient");
    assert!(close(&d2["p_raw"], 238.0 / 18_564.0), "{}", d2["p_raw"]);
    assert!(close(&d2["p_value"], 3.0 * 238.0 / 18_564.0), "{}", d2["p_value"]);
    let points: Decimal = d2["difference_points"].as_str().expect("string").parse().expect("decimal");
    assert_eq!(points.round_dp(6), Decimal::new(33_333_333, 6), "94/120 − 108/240 = 1/3");
    assert_eq!((d2["positioned"].as_u64(), d2["scored"].as_u64(), d2["decided"].as_u64()), (Some(6), Some(0), Some(0)));
    assert_eq!(d2["mean_score"], serde_json::Value::Null, "direct amounts have no rating");
    assert_eq!(
        d2["sentence"],
        "DIR2's ledere ligger i gennemsnit 33 procentpoint højere i spændet end de øvriges (n = 6, p = 0,04)."
    );
    let d1 = &list[0];
    assert_eq!(d1["flag"], serde_json::Value::Null);
    assert!(close(&d1["p_value"], 2.0 * 2_431.0 / 18_564.0), "{}", d1["p_value"]);
    assert!(close(&list[2]["p_value"], 8_056.0 / 18_564.0));
    assert!(close(&v["level"], 0.05));
    // What the test uses, stated beside the figures.
    assert_eq!(v["test"]["min_n"], 5);
    let positions = v["test"]["positions"].as_str().expect("text");
    assert!(positions.contains("below the band as 0, above it as 1"), "{positions}");
    assert_eq!(v["unassigned"], serde_json::json!([]));
    assert_eq!(d2["largest_changes"][0]["manager"], "DIR2-5");
    assert_eq!(d2["largest_changes"][0]["change"], "-7000");
    assert_eq!(d2["largest_changes"][0]["reasons"][0], "Leverancen kom sent");
    let d3 = &list[2];
    assert_eq!((d3["without_proposal"].as_u64(), d3["up"].as_u64()), (Some(1), Some(5)));
    assert_eq!(d3["flag"], serde_json::Value::Null);
    assert_eq!(v["total"]["difference"], "-12000");
    assert_eq!(
        (v["total"]["proposal_sum"].as_str(), v["total"]["amount_sum"].as_str()),
        (Some("716000"), Some("704000"))
    );
    assert_eq!(
        (v["total"]["up"].as_u64(), v["total"]["down"].as_u64(), v["total"]["unchanged"].as_u64()),
        (Some(5), Some(6), Some(6))
    );
    assert_eq!(v["total"]["without_proposal"], 1);
    assert_eq!(v["total"]["n"], 18);
}

#[test]
fn cli_by_director_table_has_every_column() {
    let path = three_directors_file("table.ron");
    let o = kalibrer(&["stats", path.to_str().expect("utf-8"), "--by-director"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    let header = out.lines().next().expect("header");
    for column in [
        "Direktør",
        "Navn",
        "n",
        "Uden forslag",
        "Forslag",
        "Beløb",
        "Forskel",
        "Op",
        "Ned",
        "Uændret",
        "Ø spænd",
        "Indeks",
        "Ø vurdering",
        "Flag",
        "p",
    ] {
        assert!(header.contains(column), "{column} in {header}");
    }
    let dir2 = out.lines().find(|l| l.starts_with("DIR2")).expect("DIR2 row");
    let cells: Vec<&str> = dir2.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(
        &cells[..10],
        ["DIR2", "Direktør DIR2", "6", "0", "291.000", "274.000", "−17.000", "0", "6", "0"],
        "{dir2}"
    );
    assert!(out.contains("DIR2-5 Leder DIR2 5: 51.000 → 44.000 kr."), "{out}");
    assert!(out.contains("«Leverancen kom sent»"));
    assert!(out.contains("ikke en dom"));
    let alle = out.lines().find(|l| l.starts_with("Alle")).expect("Alle row");
    assert!(alle.contains("716.000") && alle.contains("704.000") && alle.contains("−12.000"), "{alle}");
    assert!(dir2.ends_with("mild  0,04"), "{dir2}");
    // Mean ratings always with two decimals, so the column lines up (the demo's DIR-B:
    // ratings of her seven managers average 3,40, not "3,4").
    let demo = kalibrer(&["stats", &format!("{}/assets/demo.ron", env!("CARGO_MANIFEST_DIR")), "--by-director"]);
    let demo_out = String::from_utf8_lossy(&demo.stdout);
    let dir_b = demo_out.lines().find(|l| l.starts_with("DIR-B")).expect("DIR-B row");
    assert!(dir_b.contains(" 3,40 "), "{dir_b}");
    let dir3 = out.lines().find(|l| l.starts_with("DIR3")).expect("DIR3 row");
    assert!(dir3.contains("+5.000"), "signed: {dir3}");
    // --basis needs --by-director.
    let o = kalibrer(&["stats", path.to_str().expect("utf-8"), "--basis", "proposal"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_documentation_has_a_section_per_director_with_a_chart() {
    let path = three_directors_file("doc.ron");
    let s = io::parse_session(&std::fs::read_to_string(path).expect("read")).expect("parse");
    let html = io::documentation::documentation_html(&s);
    let section = &html[html.find("Direktørernes forslag og mødets beslutninger").expect("section")..];
    assert_eq!(section.matches("<svg role=\"img\"").count(), 3, "one chart per director");
    // DIR2's chart: six rows, each with a hollow proposal and a filled decided dot.
    let dir2 = &section[section.find("Direktør DIR2").expect("DIR2")..];
    let chart = &dir2[dir2.find("<svg").expect("svg")..dir2.find("</svg>").expect("end")];
    assert_eq!(chart.matches("fill=\"#fff\"").count(), 6);
    assert_eq!(chart.matches("fill=\"#d55e00\"").count(), 6);
    assert!(chart.contains("DIR2-5 Leder DIR2 5") && chart.contains("forslag 51.000 kr., besluttet 44.000 kr."));
    assert!(dir2.contains("291.000 kr. → 274.000 kr. (−17.000 kr.)"), "{}", &dir2[..600]);
    assert!(dir2.contains("<bdi>Leverancen kom sent</bdi>"));
    // DIR3's manager without a proposal has only the decided dot.
    let dir3 = &section[section.find("Direktør DIR3").expect("DIR3")..];
    let chart = &dir3[dir3.find("<svg").expect("svg")..dir3.find("</svg>").expect("end")];
    assert_eq!((chart.matches("fill=\"#fff\"").count(), chart.matches("fill=\"#d55e00\"").count()), (5, 6));
}
