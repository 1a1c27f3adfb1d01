//! The seeds' rules of issue 30, each with hand-computed numbers and the seed paragraph it
//! comes from: the public extract (001, offentlighedsloven), resultatløn needs goals and a
//! frame (002 §13.8.3, §13.8.5), the 25 % cap for directors' resultatløn (001), no
//! resultatløn or engangsvederlag for a kommunaldirektør or regionsdirektør (000 §4.6),
//! and the precision of the cap finding, the change vs last year and the 3-year average.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rust_decimal::Decimal;

use common::demo;
use common::rules::{bare_session, d, direct_manager, findings, level, of, text};
use kalibrer::engine::{self, Facts, RuleId, Severity};
use kalibrer::model::*;

fn goal(name: &str, weight: i64, scope: GoalScope) -> Goal {
    common::rules::goal(name, weight, scope, 100)
}

/// A session of one level per role given, ranks from 1, every manager a direct amount
/// of 40.000 kr. on a base salary of 600.000 kr.
fn session(sector: Sector, roles: &[(&str, &str, LevelRole)]) -> Session {
    let levels = roles
        .iter()
        .zip(1u8..)
        .map(|((id, name, role), rank)| level(id, name, rank, *role, AmountModel::Direct))
        .collect();
    bare_session(sector, levels)
}

fn direct(id: &str, level: &str, amount: i64) -> Manager {
    let goals = vec![
        goal(&format!("Institutionelt mål {id}"), 60, GoalScope::Institutional),
        goal(&format!("Personligt mål {id}"), 40, GoalScope::Personal),
    ];
    direct_manager(id, level, amount, goals)
}

// ---------------------------------------------------------------------------------------
// 1. The public extract (001, "Ny offentlighedslov sætter nye krav til offentliggørelse")

/// 001: "På statens område omfatter bestemmelsen … departementschefer, styrelsesdirektører
/// og andre øverste ansatte ledere af en selvstændig myndighed". Without a departementschef
/// the styrelsesdirektører's institutional goals are the extract (it was empty before).
#[test]
fn public_extract_without_a_departementschef_holds_the_styrelsesdirektoerers_institutional_goals() {
    let mut s = demo();
    s.managers.retain(|m| m.id != "DC01");
    let html = kalibrer::io::public::public_html(&s);
    // SD01: 40 % and 30 % institutional, two personal goals of 15 %.
    assert!(
        html.contains("<bdi>Netværkssikkerhed: alle kritiske systemer på ny standard</bdi></td><td class=\"n\">40 %")
    );
    assert!(html.contains("<bdi>Udrulning af 5G-frekvenser efter plan</bdi></td><td class=\"n\">30 %"));
    assert!(
        !html.contains("Medarbejdertrivsel over 70 point") && !html.contains("Styrket samarbejde med departementet")
    );
    // SD02's three institutional goals (40 + 30 + 20 %), not its personal one.
    assert!(html.contains("Sagsbehandlingstider overholdt</bdi></td><td class=\"n\">20 %"));
    assert!(!html.contains("Egen ledelsesudvikling"));
    assert!(
        html.contains("<h2>1. <bdi>Styrelsesdirektør</bdi> – <bdi>Styrelsen for Data og Registre</bdi></h2>"),
        "{html}"
    );
    assert_eq!(html.matches("<h2>").count(), 3);
}

/// 001: the departementschef's and the three styrelsesdirektørers' contracts, highest level
/// first; lower levels' contracts are not covered ("Andre lignende resultatlønskontrakter på
/// lavere ledelsesniveauer … er ikke omfattet").
#[test]
fn public_extract_of_the_demo_covers_the_departementschef_and_every_styrelsesdirektoer() {
    let s = demo();
    let covered: Vec<&str> =
        kalibrer::io::public::covered_managers(&s).into_iter().map(|i| s.managers[i].id.as_str()).collect();
    assert_eq!(covered, ["DC01", "SD02", "SD01", "SD03"], "DC first, then the agenda's unit order");
    let html = kalibrer::io::public::public_html(&s);
    assert!(html.contains("<h2>1. <bdi>Departementschef</bdi> – <bdi>Departementet</bdi></h2>"));
    // DC01: 30 + 25 + 25 % institutional; "Ledelsesudvikling og trivsel i koncernen" (20 %) is personal.
    assert!(
        html.contains("Digitaliseringsstrategien 2026–2030 vedtaget og finansieret</bdi></td><td class=\"n\">30 %")
    );
    assert!(!html.contains("Ledelsesudvikling og trivsel i koncernen"));
    assert!(html.contains("Borgerappen lanceret med 1 mio. brugere</bdi></td><td class=\"n\">40 %"));
    for m in &s.managers {
        assert!(!html.contains(&m.name), "no names: {}", m.name);
    }
}

/// The manager's own `top_leader` overrides the level's role: an afdelingschef heading an
/// independent authority is covered, a direktør who is not the top leader is not; a
/// manager without resultatløn has no contract to publish.
#[test]
fn top_leader_on_the_manager_overrides_the_role_and_only_resultatloen_contracts_are_covered() {
    let mut s = session(
        Sector::Stat,
        &[("AC", "Afdelingschef", LevelRole::Afdelingschef), ("SD", "Direktør", LevelRole::Direktoer)],
    );
    let mut ac = direct("AC1", "AC", 40_000);
    ac.top_leader = Some(true);
    let mut sd = direct("SD1", "SD", 40_000);
    sd.top_leader = Some(false);
    let sd2 = direct("SD2", "SD", 40_000);
    let mut sd3 = direct("SD3", "SD", 40_000);
    sd3.pay_forms = vec![PayForm::SaerligIndsats];
    s.managers = vec![ac, sd, sd2, sd3];
    let covered: Vec<&str> =
        kalibrer::io::public::covered_managers(&s).into_iter().map(|i| s.managers[i].id.as_str()).collect();
    assert_eq!(covered, ["SD2", "AC1"]);
    let html = kalibrer::io::public::public_html(&s);
    assert!(html.contains("Institutionelt mål AC1</bdi></td><td class=\"n\">60 %"));
    assert!(!html.contains("Personligt mål"));
    assert!(!html.contains("Institutionelt mål SD1") && !html.contains("Institutionelt mål SD3"));
    // Nobody covered: said so, not an empty page.
    s.managers.retain(|m| m.id == "SD1");
    assert!(
        kalibrer::io::public::public_html(&s)
            .contains("Sessionen har ingen resultatlønskontrakter med en øverste ansat leder")
    );
}

/// 001: "På det kommunale område omfatter bestemmelsen alene … kommunens øverste direktion"
/// (kommunaldirektøren and the direktører), in a region the regionsdirektør and the
/// koncerndirektører; not the chefs below.
#[test]
fn public_extract_in_a_municipality_covers_the_top_direktion() {
    let mut s = session(
        Sector::Kommune,
        &[
            ("CH", "Chef", LevelRole::Afdelingschef),
            ("DIR", "Direktør", LevelRole::Direktoer),
            ("KD", "Kommunaldirektør", LevelRole::Kommunaldirektoer),
        ],
    );
    s.managers = vec![direct("CH1", "CH", 40_000), direct("DIR1", "DIR", 40_000), direct("KD1", "KD", 0)];
    let covered: Vec<&str> =
        kalibrer::io::public::covered_managers(&s).into_iter().map(|i| s.managers[i].id.as_str()).collect();
    assert_eq!(covered, ["KD1", "DIR1"]);
}

/// A goal without a stated scope is personal (serde default), so nothing unmarked is
/// published; `top_leader` and the new policy fields are optional in the file.
#[test]
fn a_goal_without_scope_is_personal_and_the_new_fields_are_optional() {
    let text = kalibrer::io::DEMO_RON.replace(
        "(name: \"Digitaliseringsstrategien 2026–2030 vedtaget og finansieret\", weight: \"30\", scope: Institutional,",
        "(name: \"Digitaliseringsstrategien 2026–2030 vedtaget og finansieret\", weight: \"30\",",
    );
    assert_ne!(text, kalibrer::io::DEMO_RON);
    let s = kalibrer::io::parse_session(&text).unwrap();
    assert_eq!(s.managers[0].goals[0].scope, GoalScope::Personal);
    assert!(!kalibrer::io::public::public_html(&s).contains("Digitaliseringsstrategien"));
    let demo = demo();
    assert_eq!(demo.policies.cap_roles, [LevelRole::Direktoer, LevelRole::Departementschef]);
    assert_eq!(demo.policies.cap_pay_forms, [PayForm::Resultatloen]);
    assert!(!demo.policies.cap_binding);
    assert!(demo.managers.iter().all(|m| m.top_leader.is_none()));
}

/// The new fields round-trip through a saved file, and at their defaults they are not
/// written (a session that does not use them saves as before).
#[test]
fn new_fields_round_trip_and_defaults_are_not_written() {
    let dir = std::env::temp_dir().join(format!("kalibrer-seed-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("moede.ron");
    let mut s = demo();
    kalibrer::io::save_session(&path, &s).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    for field in ["top_leader", "cap_roles", "cap_pay_forms", "cap_binding"] {
        assert!(!written.contains(field), "{field} written at its default");
    }
    s.managers[4].top_leader = Some(true);
    s.policies.cap_roles = vec![LevelRole::Kontorchef, LevelRole::Kommunaldirektoer];
    s.policies.cap_pay_forms = vec![PayForm::Resultatloen, PayForm::SaerligIndsats];
    s.policies.cap_binding = true;
    kalibrer::io::save_session(&path, &s).unwrap();
    let back = kalibrer::io::load_session_file(&path).unwrap();
    assert_eq!(back.managers[4].top_leader, Some(true));
    assert_eq!(back.policies.cap_roles, s.policies.cap_roles);
    assert_eq!(back.policies.cap_pay_forms, s.policies.cap_pay_forms);
    assert!(back.policies.cap_binding);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------
// 3. Resultatløn needs goals and a frame (002 §13.8.3, §13.8.5)

/// 002 §13.8.5: "Der bør være specifikke mål …" and "Der bør være fastsat en beløbsgrænse
/// ved fuld målopfyldelse": an advarsel for each missing part.
#[test]
fn resultatloen_without_goals_or_frame_is_a_warning() {
    let mut s = session(Sector::Stat, &[("AC", "Afdelingschef", LevelRole::Afdelingschef)]);
    s.levels[0].model = AmountModel::BandPosition { scale: Scale::seed() };
    s.levels[0].band = Band { min: d(60_000), max: d(80_000) };
    let mut neither = direct("NEITHER", "AC", 0);
    neither.model_override = None;
    neither.overall_rating = Some(2); // 60.000 + 80 % × 20.000 = 76.000
    neither.goals.clear();
    neither.contract_ceiling = None;
    let mut ceiling_only = neither.clone();
    ceiling_only.id = "CEIL".into();
    ceiling_only.contract_ceiling = Some(d(80_000));
    let mut goals_only = neither.clone();
    goals_only.id = "GOALS".into();
    goals_only.goals = vec![goal("Mål", 100, GoalScope::Institutional)];
    let mut one_off = neither.clone();
    one_off.id = "ONEOFF".into();
    one_off.pay_forms = vec![PayForm::SaerligIndsats];
    s.managers = vec![neither, ceiling_only, goals_only, one_off];
    assert_eq!(engine::evaluate(&s).amounts[0].amount, d(76_000));
    let f = of(&s, RuleId::ResultatloenWithoutGoalsOrFrame, "NEITHER");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].severity, f[0].facts),
        (Severity::Advarsel, Facts::ResultatloenWithoutGoalsOrFrame { no_goals: true, no_frame: true })
    );
    assert_eq!(
        text(&s, &f[0]),
        "Resultatløn uden mål fastsat på forhånd og uden en beløbsgrænse ved fuld målopfyldelse; vælg en anden vederlagsform eller angiv det, der mangler."
    );
    let f = of(&s, RuleId::ResultatloenWithoutGoalsOrFrame, "CEIL");
    assert_eq!(f[0].facts, Facts::ResultatloenWithoutGoalsOrFrame { no_goals: true, no_frame: false });
    assert!(text(&s, &f[0]).starts_with("Resultatløn uden mål fastsat på forhånd;"));
    let f = of(&s, RuleId::ResultatloenWithoutGoalsOrFrame, "GOALS");
    assert_eq!(f[0].facts, Facts::ResultatloenWithoutGoalsOrFrame { no_goals: false, no_frame: true });
    assert!(text(&s, &f[0]).starts_with("Resultatløn uden en beløbsgrænse ved fuld målopfyldelse;"));
    assert!(of(&s, RuleId::ResultatloenWithoutGoalsOrFrame, "ONEOFF").is_empty(), "særlig indsats needs no goals");
    assert!(RuleId::ResultatloenWithoutGoalsOrFrame.may_be_accepted(), "a «bør»: the group may accept it");
}

/// The weighted-goals model has goals and a frame (its frame is the ceiling at 100 %); the
/// box model's criteria are goals with fixed amounts (000 §3.3.9: "Mål 1 … Mål 3"), so its
/// maximum is the frame. The demo, whose afdelingschefer are now one-offs for særlig
/// indsats on band position, has no such warning.
#[test]
fn weighted_goals_and_the_box_model_have_goals_and_a_frame() {
    let s = demo();
    assert!(findings(&s).iter().all(|f| f.rule != RuleId::ResultatloenWithoutGoalsOrFrame));
    // SD01: weighted goals, frame 100.000; KC01: box model, maximum 65.000.
    let sd01 = &s.managers[s.manager_index("SD01").unwrap()];
    let kc01 = &s.managers[s.manager_index("KC01").unwrap()];
    assert!(sd01.has_pay_form(PayForm::Resultatloen) && kc01.has_pay_form(PayForm::Resultatloen));
    assert!(kc01.goals.is_empty() && kc01.contract_ceiling.is_none());
    for id in ["AC01", "AC02", "AC03", "AC04"] {
        let m = &s.managers[s.manager_index(id).unwrap()];
        assert!(m.has_pay_form(PayForm::SaerligIndsats) && !m.has_pay_form(PayForm::Resultatloen), "{id}");
    }
    // A direct-amount resultatløn with goals but no ceiling is warned.
    let mut s = s;
    let i = s.manager_index("SD01").unwrap();
    s.managers[i].model_override = Some(AmountModel::Direct);
    s.managers[i].direct_amount = Some(d(80_000));
    let f = of(&s, RuleId::ResultatloenWithoutGoalsOrFrame, "SD01");
    assert_eq!(f[0].facts, Facts::ResultatloenWithoutGoalsOrFrame { no_goals: false, no_frame: true });
}

// ---------------------------------------------------------------------------------------
// 4. The 25 % cap where 001 puts it

/// 001: "resultatløn til direktører bør maksimalt udgøre 25 % af grundlønnen inklusiv
/// varige tillæg". The demo's constituted kontorchef (KC12: 110.000 kr. for særlig indsats
/// on 420.000 kr. = 26,19 %) is neither a director nor on resultatløn: no finding.
#[test]
fn the_cap_does_not_apply_to_a_kontorchef_for_saerlig_indsats() {
    let s = demo();
    assert!(of(&s, RuleId::OverCap, "KC12").is_empty());
    assert!(findings(&s).iter().all(|f| f.rule != RuleId::OverCap));
}

/// 001's cap for a direktør's resultatløn: 1.000.000 × 25 % = 250.000 kr. is allowed,
/// 250.002 kr. = 25,0002 % is an advarsel ("bør"), shown with the decimals that make the
/// excess visible; binding by policy it is a fejl.
#[test]
fn a_directors_resultatloen_over_25_percent_is_a_warning_unless_policy_binds() {
    let mut s = session(
        Sector::Stat,
        &[("SD", "Styrelsesdirektør", LevelRole::Direktoer), ("DC", "Departementschef", LevelRole::Departementschef)],
    );
    let mut at = direct("AT", "SD", 250_000);
    at.base_salary = d(1_000_000);
    let mut over = direct("OVER", "SD", 250_002);
    over.base_salary = d(1_000_000);
    let mut dc = direct("DC", "DC", 300_001);
    dc.base_salary = d(1_200_000); // 300.000 = 25 %; 300.001 = 25,0000833… %
    let mut one_off = direct("ONEOFF", "SD", 300_000);
    one_off.base_salary = d(1_000_000);
    one_off.pay_forms = vec![PayForm::SaerligIndsats];
    s.managers = vec![at, over, dc, one_off];
    assert!(of(&s, RuleId::OverCap, "AT").is_empty());
    assert!(of(&s, RuleId::OverCap, "ONEOFF").is_empty(), "the cap names resultatløn, not særlig indsats");
    let f = of(&s, RuleId::OverCap, "OVER");
    assert_eq!(f[0].severity, Severity::Advarsel);
    assert_eq!(
        f[0].facts,
        Facts::OverCap {
            amount: d(250_002),
            share_percent: Some(Decimal::new(250_002, 4)),
            base: d(1_000_000),
            cap_percent: d(25),
            cap: d(250_000),
        }
    );
    assert_eq!(
        text(&s, &f[0]),
        "Beløbet 250.002 kr. er 25,0002 % af grundlønnen 1.000.000 kr. – over loftet på 25 % (250.000 kr.)."
    );
    let f = of(&s, RuleId::OverCap, "DC");
    assert!(text(&s, &f[0]).contains("er 25,0001 % af grundlønnen 1.200.000 kr."), "{}", text(&s, &f[0]));
    s.policies.cap_binding = true;
    assert_eq!(of(&s, RuleId::OverCap, "OVER")[0].severity, Severity::Fejl);
}

/// An organisation may extend the cap by policy (DOMAIN: "may make it binding or extend
/// it"): listing Kontorchef and særlig indsats brings KC12's 26,2 % under it.
#[test]
fn policy_can_extend_the_cap_to_other_roles_and_pay_forms() {
    let mut s = demo();
    s.policies.cap_roles.push(LevelRole::Kontorchef);
    assert!(of(&s, RuleId::OverCap, "KC12").is_empty(), "særlig indsats is still not named");
    s.policies.cap_pay_forms.push(PayForm::SaerligIndsats);
    let f = of(&s, RuleId::OverCap, "KC12");
    // 110.000 / 420.000 = 26,190… % → 26,2 %; cap 105.000 kr.
    assert_eq!(
        text(&s, &f[0]),
        "Beløbet 110.000 kr. er 26,2 % af grundlønnen 420.000 kr. – over loftet på 25 % (105.000 kr.)."
    );
    assert_eq!(f[0].severity, Severity::Advarsel);
    let doc = kalibrer::io::documentation::documentation_html(&s);
    assert!(doc.contains("resultatløn, engangsvederlag uden mål (særlig indsats) til direktør, departementschef, kontorchef; vejledende"), "{}", &doc[..3000]);
}

// ---------------------------------------------------------------------------------------
// 8. Kommunaldirektør and regionsdirektør (000 §4.6)

/// 000 §4.6: "de selv som topdirektører i henhold til lovgivningen ikke kan få resultatløn
/// eller engangsvederlag": any amount for a kommunaldirektør or regionsdirektør in a
/// municipality or region is a fejl that cannot be accepted; 0 kr. is right.
#[test]
fn a_kommunaldirektoer_or_regionsdirektoer_cannot_receive_any_amount() {
    let roles = [
        ("DIR", "Direktør", LevelRole::Direktoer),
        ("KD", "Kommunaldirektør", LevelRole::Kommunaldirektoer),
        ("RD", "Regionsdirektør", LevelRole::Regionsdirektoer),
    ];
    let mut s = session(Sector::Kommune, &roles);
    let mut zero = direct("ZERO", "KD", 0);
    zero.notes = "Kan ikke få vederlag.".into();
    s.managers = vec![direct("KD1", "KD", 20_000), zero, direct("DIR1", "DIR", 20_000)];
    let f = of(&s, RuleId::MunicipalTopDirectorPaid, "KD1");
    assert_eq!(
        (f[0].severity, f[0].facts),
        (Severity::Fejl, Facts::MunicipalTopDirectorPaid { amount: d(20_000), role: LevelRole::Kommunaldirektoer })
    );
    assert_eq!(
        text(&s, &f[0]),
        "En kommunaldirektør kan efter lovgivningen ikke få resultatløn eller engangsvederlag; beløbet 20.000 kr. skal være 0 kr."
    );
    assert!(of(&s, RuleId::MunicipalTopDirectorPaid, "ZERO").is_empty());
    assert!(of(&s, RuleId::MunicipalTopDirectorPaid, "DIR1").is_empty(), "a direktør of the direktion may");
    assert!(!RuleId::MunicipalTopDirectorPaid.may_be_accepted(), "a legal prohibition");
    // A region: the regionsdirektør, 1 kr. is an amount too.
    let mut s = session(Sector::Region, &roles);
    s.managers = vec![direct("RD1", "RD", 1)];
    assert!(text(&s, &of(&s, RuleId::MunicipalTopDirectorPaid, "RD1")[0]).starts_with("En regionsdirektør kan"));
    // The state has no such rule.
    s.organisation.sector = Sector::Stat;
    assert!(of(&s, RuleId::MunicipalTopDirectorPaid, "RD1").is_empty());
}

/// A version-1 file's level named "Kommunaldirektør" is migrated to that role (before
/// "direktør" would have made it a Direktør).
#[test]
fn version_1_names_give_the_municipal_roles() {
    assert_eq!(LevelRole::from_v1_name("Kommunaldirektør"), LevelRole::Kommunaldirektoer);
    assert_eq!(LevelRole::from_v1_name("Regionsdirektør"), LevelRole::Regionsdirektoer);
    assert_eq!(LevelRole::from_v1_name("Koncerndirektør"), LevelRole::Direktoer);
}

// ---------------------------------------------------------------------------------------
// 9. Precision

/// The change vs last year at Decimal's full precision: 103.000 → 104.000 kr. is
/// 1.000 / 103.000 = 0,970873786407766990291262135922… %, to 28 significant digits (the
/// 6-decimal figure 0,970874 was rounded).
#[test]
fn change_vs_last_year_in_full_precision() {
    let c = engine::stats::change_vs_last(2, d(104_000), d(103_000)).unwrap();
    assert_eq!(c.exact_percent().unwrap().to_string(), "0.9708737864077669902912621359");
    assert_eq!(c.percent, Some(Decimal::new(970_874, 6)), "the screen's figure stays rounded");
    // A terminating quotient is exact: 80.000 vs 64.000 → 16.000 × 100 / 64.000 = 25.
    let c = engine::stats::change_vs_last(19, d(80_000), d(64_000)).unwrap();
    assert_eq!(c.exact_percent(), Some(d(25)));
    assert_eq!(engine::stats::change_vs_last(1, d(5), d(0)).unwrap().exact_percent(), None);
}

/// `kalibrer stats --json` gives the change's percent from the exact ratio of the sums.
#[test]
fn stats_json_gives_the_change_from_the_exact_sums() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kalibrer"))
        .args(["stats", concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.ron"), "--json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for level in v["levels"].as_array().unwrap() {
        let Some(change) = level["change_vs_last"].as_object() else { continue };
        let this: Decimal = change["this_year_sum"].as_str().unwrap().parse().unwrap();
        let last: Decimal = change["last_year_sum"].as_str().unwrap().parse().unwrap();
        let percent: Decimal = change["percent"].as_str().unwrap().parse().unwrap();
        assert_eq!(percent, ((this - last) * Decimal::ONE_HUNDRED / last).normalize(), "{level}");
        assert_eq!(level["change_vs_last_percent"], change["percent"]);
    }
    // The kontorchefer: 772.000 vs 763.000 kr. = 900.000 / 763.000 = 1,179554390563564875491480996068… %.
    let kc = v["levels"].as_array().unwrap().iter().find(|l| l["level"] == "KC").unwrap();
    assert_eq!(kc["change_vs_last"]["percent"], "1.1795543905635648754914809961");
}
