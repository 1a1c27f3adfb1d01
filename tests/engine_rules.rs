//! Every rule with hand-computed numbers on small sessions built in code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use kalibrer::engine::{self, Facts, RuleId, Severity, Stats};
use kalibrer::model::*;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn level(id: &str, name: &str, rank: u8, min: i64, max: i64, model: AmountModel) -> Level {
    Level {
        id: id.into(),
        name: name.into(),
        rank,
        role: kalibrer::model::LevelRole::from_v1_name(name),
        band: Band { min: d(min), max: d(max) },
        tiers: vec![],
        target: None,
        model,
    }
}

fn manager(id: &str, level: &str) -> Manager {
    Manager {
        unit: "Kontor".into(),
        superior: "DEP".into(),
        pay_grade: "LR 37".into(),
        base_salary: d(600_000),
        total_pay: d(650_000),
        model_override: Some(AmountModel::Direct),
        direct_amount: Some(d(40_000)),
        ..Manager::new(id, &format!("Leder {id}"), level)
    }
}

fn session(managers: Vec<Manager>) -> Session {
    Session {
        version: 1,
        organisation: Organisation { name: "Test".into(), sector: Sector::Stat },
        year: 2026,
        session_id: String::new(),
        currency: "DKK".into(),
        executives: vec![Executive { id: "DEP".into(), name: "Dep".into(), title: "Departementschef".into() }],
        levels: vec![
            level("KC", "Kontorchef", 1, 30_000, 50_000, AmountModel::Box(BoxModel::seed())),
            level("AC", "Afdelingschef", 2, 60_000, 80_000, AmountModel::BandPosition { scale: Scale::seed() }),
            level("SD", "Styrelsesdirektør", 3, 70_000, 100_000, AmountModel::WeightedGoals { frame: d(100_000) }),
            level("DC", "Departementschef", 4, 100_000, 150_000, AmountModel::Direct),
        ],
        policies: Policies { pool: d(10_000_000), ..Policies::default() },
        managers,
        history: BTreeMap::new(),
        change_log: vec![],
        prep: None,
        reference: Vec::new(),
    }
}

fn direct(id: &str, level: &str, amount: i64) -> Manager {
    let mut m = manager(id, level);
    m.direct_amount = Some(d(amount));
    m
}

fn rules(s: &Session) -> Vec<(RuleId, Option<String>, String)> {
    let text = |f: &engine::Finding| engine::wording::finding_text(f, s, engine::wording::Style::FULL);
    engine::evaluate(s).findings.iter().map(|f| (f.rule, f.manager.clone(), text(f))).collect()
}

fn has(s: &Session, rule: RuleId, id: &str) -> bool {
    rules(s).iter().any(|(r, m, _)| *r == rule && m.as_deref() == Some(id))
}

#[test]
fn seed_box_example_score_2_on_20000_pays_16000() {
    let mut m = manager("A", "KC");
    m.model_override = None;
    for (c, s) in [("faglighed", 2), ("kompleksitet", 3), ("trivsel", 4), ("handlekraft", 4), ("kompetence", 5)] {
        m.box_scores.insert(c.into(), s);
    }
    let s = session(vec![m]);
    let a = engine::amounts::compute_amount(&s, &s.managers[0], &s.levels[0]);
    // 80 % × 20.000 + 60 % × 20.000 + 40 % × 10.000 + 40 % × 10.000 + 20 % × 5.000
    // = 16.000 + 12.000 + 4.000 + 4.000 + 1.000 = 37.000
    let parts: Vec<Decimal> = a.breakdown.iter().map(|l| l.amount).collect();
    assert_eq!(parts, vec![d(16_000), d(12_000), d(4_000), d(4_000), d(1_000)]);
    assert_eq!(a.amount, d(37_000));
    assert!(a.breakdown[0].describe().starts_with("16.000 = 80 % × 20.000 Faglighed og kvalitet"));
}

#[test]
fn weighted_goals_band_position_tiers_and_rounding() {
    let mut sd = manager("S", "SD");
    sd.model_override = None;
    sd.goals = vec![
        Goal {
            name: "A".into(),
            weight: d(60),
            scope: GoalScope::Institutional,
            collective: false,
            shared: None,
            paid_in: None,
            quantitative: true,
            attainment: Some(d(90)),
        },
        Goal {
            name: "B".into(),
            weight: d(40),
            scope: GoalScope::Personal,
            collective: false,
            shared: None,
            paid_in: None,
            quantitative: false,
            attainment: Some(d(75)),
        },
    ];
    // 100.000 × (60 % × 90 % + 40 % × 75 %) = 54.000 + 30.000 = 84.000
    let mut ac = manager("R", "AC");
    ac.model_override = None;
    ac.overall_rating = Some(3); // 60.000 + 60 % × 20.000 = 72.000
    let mut adj = direct("J", "KC", 35_000);
    adj.adjustment = Some(Adjustment { amount: d(1_500), justification: "x".into(), by: "DEP".into() });
    // 35.000 + 1.500 = 36.500 → 37.000 (halves away from zero)
    let s = session(vec![sd, ac, adj]);
    let e = engine::evaluate(&s);
    assert_eq!(e.amounts[0].amount, d(84_000));
    assert_eq!(e.amounts[1].amount, d(72_000));
    assert_eq!(e.amounts[2].formula, d(35_000));
    assert_eq!(e.amounts[2].amount, d(37_000));
    assert_eq!(engine::round_to_step(Decimal::new(36_499, 0), d(1_000)), d(36_000));
    assert_eq!(engine::round_to_step(d(-500), d(1_000)), d(-1_000));
}

#[test]
fn fixed_tiers_and_not_a_tier() {
    let mut s = session(vec![]);
    s.levels[0].tiers = vec![d(30_000), d(40_000), d(50_000)];
    s.levels[0].model = AmountModel::FixedTiers;
    let mut m = manager("T", "KC");
    m.model_override = None;
    m.tier = Some(1);
    s.managers.push(m.clone());
    assert_eq!(engine::evaluate(&s).amounts[0].amount, d(40_000));
    assert!(!has(&s, RuleId::NotATier, "T"));
    s.managers[0].adjustment = Some(Adjustment { amount: d(2_000), justification: "skøn".into(), by: "DEP".into() });
    assert!(has(&s, RuleId::NotATier, "T"), "42.000 is not a tier");
}

#[test]
fn band_edges_are_inside_and_one_krone_out_is_a_breach() {
    let s = session(vec![
        direct("A", "KC", 30_000),
        direct("B", "KC", 50_000),
        direct("C", "KC", 50_001),
        direct("D", "KC", 29_999),
    ]);
    let mut s = s;
    s.policies.rounding_step = Decimal::ONE;
    assert!(!has(&s, RuleId::OutsideBand, "A") && !has(&s, RuleId::OutsideBand, "B"));
    assert!(has(&s, RuleId::OutsideBand, "C") && has(&s, RuleId::OutsideBand, "D"));
}

#[test]
fn cap_exactly_25_percent_is_allowed_and_one_krone_over_is_not() {
    let mut at = direct("AT", "DC", 150_000);
    at.base_salary = d(600_000); // 25 % = 150.000
    let mut over = direct("OVER", "DC", 150_001);
    over.base_salary = d(600_000);
    let mut s = session(vec![at, over]);
    s.policies.rounding_step = Decimal::ONE;
    assert!(!has(&s, RuleId::OverCap, "AT"));
    assert!(has(&s, RuleId::OverCap, "OVER"));
}

#[test]
fn contract_ceiling_at_equality_is_allowed_and_max_per_payment() {
    let mut eq = direct("EQ", "SD", 90_000);
    eq.contract_ceiling = Some(d(90_000));
    let mut over = direct("OV", "SD", 91_000);
    over.contract_ceiling = Some(d(90_000));
    let mut s = session(vec![eq, over]);
    assert!(!has(&s, RuleId::OverCeiling, "EQ"));
    assert!(has(&s, RuleId::OverCeiling, "OV"));
    s.policies.max_per_payment = Some(d(90_000));
    assert!(has(&s, RuleId::OverMaxPerPayment, "OV") && !has(&s, RuleId::OverMaxPerPayment, "EQ"));
}

#[test]
fn nobody_above_the_departementschef() {
    let mut dc = direct("DC", "DC", 120_000);
    dc.total_pay = d(1_400_000); // reference 1.520.000
    let mut sd = direct("SD", "SD", 100_000);
    sd.total_pay = d(1_420_001); // 1.520.001 > 1.520.000
    let mut ok = direct("OK", "SD", 100_000);
    ok.total_pay = d(1_420_000); // equal: allowed
    let mut s = session(vec![dc, sd, ok]);
    s.policies.rounding_step = Decimal::ONE;
    assert!(has(&s, RuleId::AboveDepartementschef, "SD"));
    assert!(!has(&s, RuleId::AboveDepartementschef, "OK"));
    assert!(!has(&s, RuleId::AboveDepartementschef, "DC"));
}

#[test]
fn merarbejde_with_topcheftillaeg_and_justifications() {
    let mut top = direct("TOP", "KC", 40_000);
    top.has_top_supplement = true;
    top.pay_forms = vec![PayForm::Merarbejde];
    let mut adj = direct("ADJ", "KC", 40_000);
    adj.adjustment = Some(Adjustment { amount: d(-5_000), justification: "  ".into(), by: "DEP".into() });
    let zero = direct("ZERO", "KC", 0);
    let mut zero_ok = direct("ZOK", "KC", 0);
    zero_ok.notes = "Ikke i stillingen i perioden".into();
    let s = session(vec![top, adj, zero, zero_ok]);
    assert!(has(&s, RuleId::MerarbejdeWithTopSupplement, "TOP"));
    assert!(has(&s, RuleId::AdjustmentWithoutJustification, "ADJ"));
    let msg = rules(&s).into_iter().find(|(r, _, _)| *r == RuleId::AdjustmentWithoutJustification).unwrap().2;
    assert!(msg.contains("−5.000 kr."), "{msg}");
    assert!(has(&s, RuleId::ZeroWithoutJustification, "ZERO"));
    assert!(!has(&s, RuleId::ZeroWithoutJustification, "ZOK"));
}

#[test]
fn weights_missing_assessment_and_drop() {
    let mut w = manager("W", "SD");
    w.model_override = None;
    w.goals = vec![Goal {
        name: "A".into(),
        weight: d(90),
        scope: GoalScope::Institutional,
        collective: false,
        shared: None,
        paid_in: None,
        quantitative: true,
        attainment: Some(d(100)),
    }];
    let mut missing = manager("M", "KC");
    missing.model_override = None;
    let drop = direct("DROP", "KC", 30_000);
    let keep = direct("KEEP", "KC", 40_000);
    let mut s = session(vec![w, missing, drop, keep]);
    s.history.insert("DROP".into(), BTreeMap::from([(2025, d(40_000))])); // −25 % > 20 %
    s.history.insert("KEEP".into(), BTreeMap::from([(2025, d(50_000))])); // −20 %: not beyond
    assert!(has(&s, RuleId::WeightsNot100, "W"));
    assert!(has(&s, RuleId::MissingAssessment, "M"));
    let f =
        rules(&s).into_iter().find(|(r, m, _)| *r == RuleId::DropFromLastYear && m.as_deref() == Some("DROP")).unwrap();
    assert!(f.2.contains("25 %") && f.2.contains("40.000 kr. → 30.000 kr."), "{}", f.2);
    assert!(!has(&s, RuleId::DropFromLastYear, "KEEP"));
}

#[test]
fn inversion_only_when_overlap_is_forbidden() {
    let mut s = session(vec![direct("KC1", "KC", 65_000), direct("AC1", "AC", 64_000), direct("AC2", "AC", 70_000)]);
    let e = engine::evaluate(&s);
    assert_eq!(e.inversions.len(), 1, "one pair per lower-level manager: with the lowest-paid higher one");
    let f = e.findings.iter().find(|f| f.rule == RuleId::Inversion).unwrap();
    assert_eq!((f.manager.as_deref(), f.other_manager.as_deref()), (Some("KC1"), Some("AC1")));
    s.policies.bands_may_overlap = true;
    assert!(!engine::evaluate(&s).findings.iter().any(|f| f.rule == RuleId::Inversion));
}

#[test]
fn pool_exceeded_and_left() {
    let mut s = session(vec![direct("A", "KC", 40_000), direct("B", "KC", 45_000)]);
    s.policies.pool = d(80_000);
    let e = engine::evaluate(&s);
    assert_eq!((e.pool.used, e.pool.left), (d(85_000), d(-5_000)));
    let f = e.findings.iter().find(|f| f.rule == RuleId::PoolExceeded).unwrap();
    assert_eq!(f.severity, Severity::Fejl);
    assert_eq!(f.facts, Facts::PoolExceeded { pool: d(80_000), over: d(5_000) });
    let text = engine::wording::finding_text(f, &s, engine::wording::Style::FULL);
    assert_eq!(text, "Puljen på 80.000 kr. er overskredet med 5.000 kr.");
    s.policies.pool = d(90_000);
    let e = engine::evaluate(&s);
    assert!(
        e.findings
            .iter()
            .any(|f| f.severity == Severity::Info && f.facts == Facts::PoolLeft { pool: d(90_000), left: d(5_000) })
    );
}

#[test]
fn low_differentiation_identical_and_low_cv() {
    let s = session(vec![direct("A", "KC", 40_000), direct("B", "KC", 40_000), direct("C", "KC", 40_000)]);
    let f = engine::evaluate(&s).findings.into_iter().find(|f| f.rule == RuleId::LowDifferentiation).unwrap();
    assert_eq!(f.level.as_deref(), Some("KC"));
    assert_eq!(f.facts, Facts::AllIdentical { level: 0, n: 3, amount: d(40_000) });
    assert!(engine::wording::finding_text(&f, &s, engine::wording::Style::FULL).starts_with("Alle 3 på niveauet"));
    // 40.000 and 42.000: mean 41.000, sd 1.000, CV 2,44 % < 5 %.
    let s = session(vec![direct("A", "KC", 40_000), direct("B", "KC", 42_000)]);
    assert!(engine::evaluate(&s).findings.iter().any(|f| f.rule == RuleId::LowDifferentiation));
    // 30.000 and 50.000: CV 25 %.
    let s = session(vec![direct("A", "KC", 30_000), direct("B", "KC", 50_000)]);
    assert!(!engine::evaluate(&s).findings.iter().any(|f| f.rule == RuleId::LowDifferentiation));
}

#[test]
fn statistics_of_a_small_known_set() {
    // 10, 20, 30, 40 (thousand): mean 25, population sd √125 = 11,1803…, CV 44,72 %,
    // Gini = Σ|xi−xj| / (2 n² mean) = 200 / (2 × 16 × 25) = 0,25; median 25, Q1 15, Q3 35.
    let v: Vec<Decimal> = [10, 20, 30, 40].iter().map(|x| d(x * 1_000)).collect();
    let st = Stats::of(&v);
    assert_eq!(st.mean, d(25_000));
    assert_eq!(st.median, d(25_000));
    assert_eq!((st.q1, st.q3), (d(15_000), d(35_000)));
    assert_eq!(st.sd.round_dp(2), Decimal::new(1_118_034, 2));
    assert_eq!(st.cv_percent.round_dp(2), Decimal::new(4_472, 2));
    assert_eq!(st.gini, Decimal::new(25, 2));
    assert_eq!(st.identical_share_percent, d(25));
    assert_eq!(st.max_min_ratio, Some(d(4)));
    let same = Stats::of(&[d(5), d(5), d(5)]);
    assert_eq!((same.sd, same.gini, same.identical_share_percent), (Decimal::ZERO, Decimal::ZERO, d(100)));
    assert_eq!(Stats::of(&[]).n, 0);
}

#[test]
fn manager_metrics_band_position_percent_of_base_and_history() {
    let mut m = direct("A", "KC", 45_000);
    m.base_salary = d(600_000);
    let mut s = session(vec![m]);
    s.history.insert("A".into(), BTreeMap::from([(2023, d(30_000)), (2024, d(36_000)), (2025, d(36_000))]));
    let x = &engine::evaluate(&s).metrics[0];
    assert_eq!(x.band_position_percent, Some(d(75))); // (45 − 30) / 20
    assert_eq!(x.percent_of_base, Some(Decimal::new(75, 1))); // 45.000 / 600.000 = 7,5 %
    assert_eq!(x.change_vs_last, Some(d(9_000)));
    assert_eq!(x.change_vs_last_percent, Some(d(25)));
    assert_eq!(x.avg3, Some(d(34_000)));
    assert_eq!(x.change_vs_avg3, Some(d(11_000)));
}

#[test]
fn statistics_unchanged_when_managers_are_permuted() {
    let s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    let mut r = s.clone();
    r.managers.reverse();
    let (a, b) = (engine::evaluate(&s).stats, engine::evaluate(&r).stats);
    assert_eq!(a, b);
}
