//! Offline preparation and merge: round trip of every field a director can prepare, each
//! conflict kind, the prep bound to its session, nothing lost or claimed silently.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use rust_decimal::Decimal;

use kalibrer::engine::merge::{ConflictKind, Prefer, Resolution, merge};
use kalibrer::engine::prep::make_prep;
use kalibrer::model::{
    AcceptedFinding, Adjustment, AmountModel, Criterion, Goal, GoalScope, Manager, MeetingStatus, Proposal, Session,
};

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

fn prep_for(s: &Session, who: &str) -> Session {
    make_prep(s, who, "2026-11-20T10:00:00Z").unwrap()
}

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn manager<'a>(s: &'a Session, id: &str) -> &'a Manager {
    &s.managers[s.manager_index(id).unwrap()]
}

fn manager_mut<'a>(s: &'a mut Session, id: &str) -> &'a mut Manager {
    let i = s.manager_index(id).unwrap();
    &mut s.managers[i]
}

/// The evaluated amount of one manager.
fn amount(s: &Session, id: &str) -> Decimal {
    kalibrer::engine::evaluate(s).amounts[s.manager_index(id).unwrap()].amount
}

/// Bo Straarup (AC03, band position 60–80 t.kr., rating 3 = 60 % → 72.000 kr.) raised to
/// 75.000 kr. with a justified skøn of +3.000, with notes, a status and a lock.
fn raise_bo(p: &mut Session) {
    let bo = manager_mut(p, "AC03");
    bo.adjustment = Some(Adjustment {
        amount: d(3_000),
        justification: "Ekstra indsats under driftsnedbruddet i marts".into(),
        by: "DIR-A".into(),
    });
    bo.notes = "Drøftet med Bo 12/11".into();
    bo.status = MeetingStatus::Droeftet;
    bo.locked = true;
}

#[test]
fn prep_holds_only_the_directors_reports_and_round_trips_through_a_file() {
    let s = demo();
    let p = prep_for(&s, "DIR-A");
    assert_eq!(p.managers.len(), 7);
    assert!(p.managers.iter().all(|m| m.superior == "DIR-A"));
    assert!(p.history.keys().all(|id| p.managers.iter().any(|m| &m.id == id)));
    assert_eq!(p.levels, s.levels);
    let info = p.prep.as_ref().unwrap();
    assert_eq!(
        (info.source_session_id.as_str(), info.source_revision),
        ("Ministeriet for Digital Forvaltning/2026", 0)
    );
    // By name too, case-insensitive.
    assert_eq!(prep_for(&s, "henrik lykke andersen").managers.len(), p.managers.len());
    let again = kalibrer::io::parse_session(&kalibrer::io::to_ron(&p)).unwrap();
    assert_eq!(again, p);
    // A prep of a prep is refused.
    assert!(make_prep(&p, "DIR-A", "t").unwrap_err().contains("selv en forberedelse"));
}

#[test]
fn unknown_executive_lists_the_valid_ones() {
    let e = make_prep(&demo(), "Nogen", "t").unwrap_err();
    assert!(e.contains("ukendt direktør «Nogen»") && e.contains("DIR-A (Henrik Lykke Andersen)"), "{e}");
}

#[test]
fn session_id_is_kept_in_the_file_and_derived_for_old_files() {
    let mut s = demo();
    assert_eq!(s.id(), "Ministeriet for Digital Forvaltning/2026", "an old file: derived from organisation and year");
    assert!(!kalibrer::io::to_ron(&s).contains("session_id"), "nothing written while none is set");
    s.session_id = "3f0c9a".into();
    let again = kalibrer::io::parse_session(&kalibrer::io::to_ron(&s)).unwrap();
    assert_eq!(again.id(), "3f0c9a");
    let generated = kalibrer::engine::generate::generate(30, 7).unwrap();
    assert_eq!(generated.id(), "genereret-30-7");
}

#[test]
fn bo_straarups_amount_notes_status_and_lock_are_merged_and_logged() {
    let s = demo();
    assert_eq!(amount(&s, "AC03"), d(72_000));
    let mut p = prep_for(&s, "DIR-A");
    raise_bo(&mut p);
    let (merged, report) = merge(&s, &[("/tmp/x/sd1.ron".into(), p)], None).unwrap();
    assert!(report.resolved && report.conflicts.is_empty(), "{:?}", report.conflicts);
    assert_eq!(amount(&merged, "AC03"), d(75_000));
    let bo = manager(&merged, "AC03");
    assert_eq!(bo.adjustment.as_ref().unwrap().justification, "Ekstra indsats under driftsnedbruddet i marts");
    assert_eq!((bo.notes.as_str(), bo.status, bo.locked), ("Drøftet med Bo 12/11", MeetingStatus::Droeftet, true));
    let fields: Vec<&str> = report.applied.iter().map(|a| a.field.as_str()).collect();
    // Issue 27: the prep changed the amount, so it proposes the amount it gives.
    assert_eq!(fields, ["Skøn", "Forslag", "Status", "Lås", "Noter"]);
    assert!(report.applied[1].new.starts_with("75.000 kr."), "{}", report.applied[1].new);
    assert_eq!(bo.proposal.as_ref().and_then(|p| p.amount), Some(d(75_000)));
    let skon = &report.applied[0];
    assert_eq!(
        (skon.old.as_str(), skon.new.as_str()),
        ("intet", "+3.000 kr. – «Ekstra indsats under driftsnedbruddet i marts»")
    );
    assert_eq!(merged.change_log.len(), 5, "one entry per field");
    for e in &merged.change_log {
        assert_eq!((e.who.as_str(), e.manager.as_deref()), ("DIR-A", Some("AC03")));
        assert_eq!(e.why, "fra forberedelse sd1.ron (DIR-A)");
    }
}

#[test]
fn edit_then_merge_applies_scores_and_proposals_and_logs_them() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    let id = p.managers[1].id.clone();
    p.managers[1].box_scores.insert("faglighed".into(), 1);
    p.managers[1].proposal = Some(Proposal {
        amount: Some(Decimal::from(48_000)),
        rationale: "Årets bedste leverance".into(),
        ..Proposal::default()
    });
    let (merged, report) = merge(&s, &[("a.ron".into(), p)], None).unwrap();
    assert!(report.resolved && report.conflicts.is_empty(), "{:?}", report.conflicts);
    let m = manager(&merged, &id);
    assert_eq!(m.box_scores["faglighed"], 1);
    assert_eq!(m.proposal.as_ref().unwrap().rationale, "Årets bedste leverance");
    let fields: Vec<&str> = report.applied.iter().map(|a| a.field.as_str()).collect();
    assert_eq!(fields, ["Score Faglighed og kvalitet", "Forslag"]);
}

/// Issue 15: scores of a criterion outside the seed's five were dropped with exit 0.
#[test]
fn a_score_of_any_criterion_is_merged() {
    let mut s = demo();
    let kc = s.levels.iter_mut().find(|l| l.id == "KC").unwrap();
    let AmountModel::Box(model) = &mut kc.model else { panic!("KC is a box level") };
    model.criteria.push(Criterion {
        id: "digitalisering".into(),
        name: "Digital omstilling".into(),
        amount: d(10_000),
        group: None,
    });
    let mut p = prep_for(&s, "DIR-A");
    let before = amount(&s, "KC01");
    manager_mut(&mut p, "KC01").box_scores.insert("digitalisering".into(), 2);
    // A criterion no model knows (a hand-edited prep) is carried too.
    manager_mut(&mut p, "KC02").box_scores.insert("saeropgave".into(), 3);
    let (merged, report) = merge(&s, &[("a.ron".into(), p)], None).unwrap();
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    assert_eq!(manager(&merged, "KC01").box_scores["digitalisering"], 2);
    assert_eq!(manager(&merged, "KC02").box_scores["saeropgave"], 3);
    let fields: Vec<&str> = report.applied.iter().map(|a| a.field.as_str()).collect();
    // Each score changed the amount, so each prep manager proposes it (issue 27).
    assert_eq!(fields, ["Score Digital omstilling", "Forslag", "Score saeropgave", "Forslag"]);
    // Score 2 = 80 % of 10.000 kr.: 8.000 kr. more, then rounded to the step.
    assert_eq!(amount(&merged, "KC01") - before, d(8_000));
}

#[test]
fn goal_list_changes_and_attainments_are_merged() {
    let s = demo();
    let mut p = prep_for(&s, "DEP");
    let sd = manager_mut(&mut p, "SD01");
    sd.goals[0].attainment = Some(d(100));
    sd.goals.remove(3);
    sd.goals.push(Goal {
        name: "Beredskabsplan afprøvet".into(),
        weight: d(15),
        scope: GoalScope::Institutional,
        collective: true,
        shared: None,
        paid_in: None,
        quantitative: false,
        attainment: Some(d(70)),
    });
    let expected = sd.goals.clone();
    let (merged, report) = merge(&s, &[("dep.ron".into(), p)], None).unwrap();
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    assert_eq!(manager(&merged, "SD01").goals, expected);
    let fields: Vec<&str> = report.applied.iter().map(|a| a.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "Mål",
            "Målopfyldelse: Netværkssikkerhed: alle kritiske systemer på ny standard",
            "Målopfyldelse: Styrket samarbejde med departementet",
            "Målopfyldelse: Beredskabsplan afprøvet",
            "Forslag",
        ]
    );
    // 100.000 × (40 % × 100 % + 30 % × 85 % + 15 % × 100 % + 15 % × 70 %) = 91.000 kr.
    assert_eq!(amount(&merged, "SD01"), d(91_000));
}

#[test]
fn a_value_changed_in_the_session_meanwhile_is_a_conflict_not_an_overwrite() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    let id = p.managers[0].id.clone();
    p.managers[0].box_scores.insert("trivsel".into(), 1);
    let mut session = s.clone();
    let i = session.manager_index(&id).unwrap();
    session.managers[i].box_scores.insert("trivsel".into(), 5);
    let (merged, report) = merge(&session, &[("a.ron".into(), p.clone())], None).unwrap();
    assert!(!report.resolved);
    assert!(report.conflicts.iter().any(|c| c.kind == ConflictKind::SessionChanged
        && c.manager == id
        && c.session_value == "5"
        && c.prep_value == "1"
        && c.resolution.is_none()));
    assert_eq!(merged.managers[i].box_scores["trivsel"], 5, "session value kept");
    let (taken, r) = merge(&session, &[("a.ron".into(), p.clone())], Some(Prefer::Prep)).unwrap();
    assert_eq!(taken.managers[i].box_scores["trivsel"], 1);
    assert_eq!(r.conflicts[0].resolution, Some(Resolution::TookPrep));
    assert!(r.applied[0].by_preference);
    let (kept, r) = merge(&session, &[("a.ron".into(), p)], Some(Prefer::Session)).unwrap();
    assert_eq!(kept.managers[i].box_scores["trivsel"], 5);
    // The director's proposal is the director's, whatever the session did with the score.
    assert!(r.resolved && r.applied.iter().all(|a| a.field == "Forslag"), "{:?}", r.applied);
    assert_eq!(r.conflicts[0].resolution, Some(Resolution::KeptSession));
}

/// `--prefer` resolves conflicts only: a field changed only in a prep is taken either way.
#[test]
fn prefer_session_still_takes_what_only_the_prep_changed() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    raise_bo(&mut p);
    let (merged, r) = merge(&s, &[("a.ron".into(), p)], Some(Prefer::Session)).unwrap();
    assert_eq!(r.applied.len(), 5, "skøn, proposal, status, lock, notes");
    assert_eq!(amount(&merged, "AC03"), d(75_000));
}

/// Issue 17: `--prefer session` on a two-prep conflict kept the first prep's value.
#[test]
fn two_preps_disagreeing_keep_the_session_or_take_the_first_named() {
    let s = demo();
    let original = manager(&s, "KC01").box_scores.get("handlekraft").copied();
    assert_ne!(original, Some(1));
    let mut p1 = prep_for(&s, "DIR-A");
    let mut p2 = prep_for(&s, "DIR-A");
    manager_mut(&mut p1, "KC01").box_scores.insert("handlekraft".into(), 1);
    manager_mut(&mut p2, "KC01").box_scores.insert("handlekraft".into(), 2);
    let preps = [("p1.ron".to_string(), p1), ("p2.ron".to_string(), p2)];
    let (m, r) = merge(&s, &preps, None).unwrap();
    assert_eq!(manager(&m, "KC01").box_scores.get("handlekraft").copied(), original, "neither applied");
    // The score and the proposals it makes (issue 27) disagree.
    assert_eq!(r.conflicts.len(), 4);
    assert!(r.conflicts.iter().all(|c| c.kind == ConflictKind::TwoPreps && c.resolution.is_none()));
    let (m, r) = merge(&s, &preps, Some(Prefer::Session)).unwrap();
    assert_eq!(manager(&m, "KC01").box_scores.get("handlekraft").copied(), original, "the session's value");
    assert!(r.applied.is_empty() && m.change_log.is_empty());
    assert!(r.conflicts.iter().all(|c| c.resolution == Some(Resolution::KeptSession)));
    let (m, r) = merge(&s, &preps, Some(Prefer::Prep)).unwrap();
    assert_eq!(manager(&m, "KC01").box_scores["handlekraft"], 1, "the prep named first");
    assert_eq!(r.conflicts[0].resolution, Some(Resolution::TookPrep));
    assert_eq!(r.conflicts[1].resolution, Some(Resolution::OtherPrepWon("p1.ron".into())));
    assert_eq!((r.applied.len(), r.applied[0].prep.as_str(), r.applied[1].prep.as_str()), (2, "p1.ron", "p1.ron"));
}

#[test]
fn two_preps_agreeing_apply_once() {
    let s = demo();
    let mut p1 = prep_for(&s, "DIR-A");
    manager_mut(&mut p1, "KC01").box_scores.insert("handlekraft".into(), 1);
    let p2 = p1.clone();
    let (m, r) = merge(&s, &[("p1.ron".into(), p1), ("p2.ron".into(), p2)], None).unwrap();
    assert!(r.conflicts.is_empty());
    assert_eq!((r.applied.len(), m.change_log.len()), (2, 2), "the score and the proposal, once");
}

#[test]
fn a_manager_the_session_lacks_is_reported_not_ignored() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    let mut new = Manager::new("KC99", "Ny Kontorchef", "KC");
    new.superior = "DIR-A".into();
    new.box_scores.insert("faglighed".into(), 2);
    p.managers.push(new);
    // A manager the session removed since the prep was made, changed in the prep, and one
    // not changed (a notice only).
    manager_mut(&mut p, "KC06").notes = "Forbedret meget".into();
    let mut session = s.clone();
    session.managers.retain(|m| m.id != "KC06" && m.id != "KC05");
    let (m, r) = merge(&session, &[("a.ron".into(), p.clone())], None).unwrap();
    assert!(!r.resolved);
    for id in ["KC99", "KC06"] {
        assert!(r.conflicts.iter().any(|c| c.kind == ConflictKind::UnknownManager && c.manager == id), "{id}");
    }
    assert_eq!(m.managers, session.managers);
    assert!(!r.conflicts.iter().any(|c| c.manager == "KC05"));
    assert!(r.notices.iter().any(|n| n.manager.as_deref() == Some("KC05") && n.text.contains("findes ikke længere")));
    let (m, r) = merge(&session, &[("a.ron".into(), p)], Some(Prefer::Prep)).unwrap();
    assert!(r.resolved);
    assert!(r.conflicts.iter().all(|c| c.resolution == Some(Resolution::Skipped)));
    assert_eq!(m.managers.len(), session.managers.len(), "never added by a merge");
}

#[test]
fn a_manager_now_under_another_superior_or_missing_from_the_base_is_a_conflict() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    manager_mut(&mut p, "KC01").box_scores.insert("handlekraft".into(), 1);
    let mut moved = s.clone();
    manager_mut(&mut moved, "KC01").superior = "DIR-B".into();
    let (m, r) = merge(&moved, &[("p1".into(), p.clone())], None).unwrap();
    assert!(r.conflicts.iter().any(|c| c.kind == ConflictKind::OtherSuperior && c.manager == "KC01"));
    assert_ne!(manager(&m, "KC01").box_scores.get("handlekraft"), Some(&1));
    // A session manager added to the prep by hand: no base to compare with.
    let mut extra = manager(&s, "KC07").clone();
    extra.notes = "tilføjet i hånden".into();
    extra.superior = "DIR-A".into();
    p.managers.push(extra);
    let (_, r) = merge(&s, &[("p1".into(), p)], None).unwrap();
    assert!(r.conflicts.iter().any(|c| c.kind == ConflictKind::NotInBase && c.manager == "KC07"));
}

/// Issue 17: `--prefer prep` applied a prep made from another session or year.
#[test]
fn a_prep_from_another_session_or_year_is_refused_whatever_prefer_says() {
    let mut a = demo();
    a.session_id = "session-a".into();
    let mut p = prep_for(&a, "DIR-A");
    manager_mut(&mut p, "KC01").box_scores.insert("handlekraft".into(), 1);
    let mut b = demo();
    b.session_id = "session-b".into();
    for prefer in [None, Some(Prefer::Prep), Some(Prefer::Session)] {
        let e = merge(&b, &[("sd1.ron".into(), p.clone())], prefer).unwrap_err();
        assert_eq!(e.prep, "sd1.ron");
        assert!(e.to_string().contains("anden session (id «session-a»)"), "{e}");
    }
    let mut year_2025 = demo();
    year_2025.year = 2025;
    let old = prep_for(&year_2025, "DIR-A");
    let e = merge(&demo(), &[("2025.ron".into(), old)], Some(Prefer::Prep)).unwrap_err();
    assert!(e.to_string().starts_with("2025.ron: forberedelsen er lavet fra Ministeriet for Digital Forvaltning 2025"));
    // Not a prep at all.
    let e = merge(&demo(), &[("moede.ron".into(), demo())], None).unwrap_err();
    assert!(e.to_string().contains("ikke en forberedelse"), "{e}");
}

#[test]
fn an_older_revision_is_a_notice_and_fields_still_merge() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    manager_mut(&mut p, "KC01").box_scores.insert("handlekraft".into(), 1);
    let mut newer = s.clone();
    newer.change_log.push(kalibrer::model::ChangeEntry {
        when: "2026-11-21T09:00:00Z".into(),
        who: "DEP".into(),
        manager: Some("KC20".into()),
        change: kalibrer::model::log::Change::Notes { old: String::new(), new: "x".into() },
        why: String::new(),
    });
    manager_mut(&mut newer, "KC20").notes = "x".into();
    let (m, r) = merge(&newer, &[("p1".into(), p)], None).unwrap();
    assert!(r.resolved && r.conflicts.is_empty());
    assert!(r.notices[0].text.contains("fra revision 0 af sessionen, som nu er på revision 1"), "{:?}", r.notices);
    assert_eq!(manager(&m, "KC01").box_scores["handlekraft"], 1);
}

#[test]
fn fields_a_prep_cannot_change_are_noticed_not_merged() {
    let s = demo();
    let mut p = prep_for(&s, "DIR-A");
    manager_mut(&mut p, "KC01").base_salary = d(1);
    let (m, r) = merge(&s, &[("p1".into(), p)], None).unwrap();
    assert_eq!(manager(&m, "KC01").base_salary, manager(&s, "KC01").base_salary);
    assert_eq!(r.notices.len(), 1);
    assert_eq!(r.notices[0].text, "ændringer af grundløn kan ikke indlæses fra en forberedelse");
}

/// One random edit of a director-editable field of prep manager `.0` (modulo the count).
#[derive(Debug, Clone)]
enum Edit {
    Score(usize, usize, Option<u8>),
    Attainment(usize, usize, Option<i64>),
    AddGoal(usize, usize, i64, bool),
    RemoveGoal(usize, usize),
    RenameGoal(usize, usize, usize),
    Rating(usize, Option<u8>),
    Tier(usize, Option<usize>),
    Direct(usize, Option<i64>),
    Skon(usize, Option<(i64, String)>),
    Proposal(usize, Option<(Option<i64>, String)>),
    Status(usize, usize, Option<i64>),
    Lock(usize, bool),
    Notes(usize, String),
    Accept(usize, Option<String>),
}

const CRITERIA: [&str; 7] = ["faglighed", "kompleksitet", "trivsel", "handlekraft", "kompetence", "ekstra", "x"];
const GOAL_NAMES: [&str; 3] = ["Leverance", "Trivsel", "Økonomi"];

fn text() -> impl Strategy<Value = String> {
    "[a-zæøå ,.]{0,12}"
}

fn edit() -> impl Strategy<Value = Edit> {
    let m = 0_usize..12;
    prop_oneof![
        (m.clone(), 0_usize..7, proptest::option::of(1_u8..7)).prop_map(|(m, c, v)| Edit::Score(m, c, v)),
        (m.clone(), 0_usize..5, proptest::option::of(0_i64..=200)).prop_map(|(m, g, v)| Edit::Attainment(m, g, v)),
        (m.clone(), 0_usize..3, 0_i64..=100, any::<bool>()).prop_map(|(m, n, w, c)| Edit::AddGoal(m, n, w, c)),
        (m.clone(), 0_usize..5).prop_map(|(m, g)| Edit::RemoveGoal(m, g)),
        (m.clone(), 0_usize..5, 0_usize..3).prop_map(|(m, g, n)| Edit::RenameGoal(m, g, n)),
        (m.clone(), proptest::option::of(1_u8..7)).prop_map(|(m, v)| Edit::Rating(m, v)),
        (m.clone(), proptest::option::of(0_usize..3)).prop_map(|(m, v)| Edit::Tier(m, v)),
        (m.clone(), proptest::option::of(0_i64..200_000)).prop_map(|(m, v)| Edit::Direct(m, v)),
        (m.clone(), proptest::option::of((-20_000_i64..20_000, text()))).prop_map(|(m, v)| Edit::Skon(m, v)),
        (m.clone(), proptest::option::of((proptest::option::of(0_i64..100_000), text())))
            .prop_map(|(m, v)| Edit::Proposal(m, v)),
        (m.clone(), 0_usize..3, proptest::option::of(0_i64..100_000)).prop_map(|(m, s, a)| Edit::Status(m, s, a)),
        (m.clone(), any::<bool>()).prop_map(|(m, v)| Edit::Lock(m, v)),
        (m.clone(), text()).prop_map(|(m, v)| Edit::Notes(m, v)),
        (m, proptest::option::of(text())).prop_map(|(m, v)| Edit::Accept(m, v)),
    ]
}

fn apply(p: &mut Session, e: &Edit) {
    let n = p.managers.len();
    let pick = |m: &usize| m % n;
    match e {
        Edit::Score(m, c, v) => {
            let scores = &mut p.managers[pick(m)].box_scores;
            match v {
                Some(v) => scores.insert(CRITERIA[*c].into(), *v),
                None => scores.remove(CRITERIA[*c]),
            };
        }
        Edit::Attainment(m, g, v) => {
            let goals = &mut p.managers[pick(m)].goals;
            if !goals.is_empty() {
                let k = g % goals.len();
                goals[k].attainment = v.map(d);
            }
        }
        Edit::AddGoal(m, name, w, c) => p.managers[pick(m)].goals.push(Goal {
            name: GOAL_NAMES[*name].into(),
            weight: d(*w),
            scope: if *c { GoalScope::Institutional } else { GoalScope::Personal },
            collective: *c,
            shared: None,
            paid_in: None,
            quantitative: !*c,
            attainment: None,
        }),
        Edit::RemoveGoal(m, g) => {
            let goals = &mut p.managers[pick(m)].goals;
            if !goals.is_empty() {
                let k = g % goals.len();
                goals.remove(k);
            }
        }
        Edit::RenameGoal(m, g, name) => {
            let goals = &mut p.managers[pick(m)].goals;
            if !goals.is_empty() {
                let k = g % goals.len();
                goals[k].name = GOAL_NAMES[*name].into();
            }
        }
        Edit::Rating(m, v) => p.managers[pick(m)].overall_rating = *v,
        Edit::Tier(m, v) => p.managers[pick(m)].tier = *v,
        Edit::Direct(m, v) => p.managers[pick(m)].direct_amount = v.map(d),
        Edit::Skon(m, v) => {
            p.managers[pick(m)].adjustment =
                v.as_ref().map(|(a, j)| Adjustment { amount: d(*a), justification: j.clone(), by: "DIR-A".into() });
        }
        Edit::Proposal(m, v) => {
            p.managers[pick(m)].proposal =
                v.as_ref().map(|(a, r)| Proposal { amount: a.map(d), rationale: r.clone(), ..Proposal::default() });
        }
        Edit::Status(m, s, a) => {
            let x = &mut p.managers[pick(m)];
            x.status = MeetingStatus::ALL[*s];
            x.final_amount = a.map(d);
        }
        Edit::Lock(m, v) => p.managers[pick(m)].locked = *v,
        Edit::Notes(m, v) => p.managers[pick(m)].notes.clone_from(v),
        Edit::Accept(m, v) => {
            p.managers[pick(m)].accepted = v
                .iter()
                .map(|why| AcceptedFinding {
                    rule: "fald_fra_sidste_aar".into(),
                    why: why.clone(),
                    by: "DIR-A".into(),
                    when: "2026-11-20T10:00:00Z".into(),
                })
                .collect();
        }
    }
}

/// The session's manager with every director-editable field taken from the prep's: what
/// a merge into an unchanged session must give. Listed field by field, independently of
/// the merge's own field list.
fn expected(session: &Manager, prep: &Manager) -> Manager {
    Manager {
        box_scores: prep.box_scores.clone(),
        goals: prep.goals.clone(),
        overall_rating: prep.overall_rating,
        tier: prep.tier,
        direct_amount: prep.direct_amount,
        proposal: prep.proposal.clone(),
        adjustment: prep.adjustment.clone(),
        final_amount: prep.final_amount,
        status: prep.status,
        locked: prep.locked,
        notes: prep.notes.clone(),
        accepted: prep.accepted.clone(),
        ..session.clone()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Round trip: prep → random edits of any director-editable field → merge into the
    /// unchanged session equals the edit (with the proposals a changed amount makes),
    /// field by field, one log entry per changed field.
    #[test]
    fn merge_into_the_unchanged_session_equals_the_edit(
        edits in proptest::collection::vec(edit(), 1..16),
        who in prop_oneof![Just("DIR-A"), Just("DEP")],
    ) {
        let s = demo();
        let mut p = prep_for(&s, who);
        for e in &edits {
            apply(&mut p, e);
        }
        let (merged, report) = merge(&s, &[("dir/forb.ron".into(), p.clone())], None).unwrap();
        prop_assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
        prop_assert!(report.resolved);
        // The edit as the merge reads it: a manager whose amount the director changed
        // without touching the proposal proposes that amount (issue 27).
        let explicit = kalibrer::engine::proposals::with_derived_proposals(&p);
        for pm in &explicit.managers {
            let want = expected(manager(&s, &pm.id), pm);
            prop_assert_eq!(manager(&merged, &pm.id), &want);
        }
        let others: Vec<&Manager> = merged.managers.iter().filter(|m| m.superior != who).collect();
        let before: Vec<&Manager> = s.managers.iter().filter(|m| m.superior != who).collect();
        prop_assert_eq!(others, before);
        prop_assert_eq!(merged.change_log.len(), report.applied.len());
        let mut seen = std::collections::BTreeSet::new();
        for (a, e) in report.applied.iter().zip(&merged.change_log) {
            prop_assert!(seen.insert((a.manager.clone(), a.field.clone())), "one entry per field");
            prop_assert!(a.old != a.new, "{} {}: {} → {}", a.manager, a.field, a.old, a.new);
            prop_assert_eq!(&e.who, who);
            prop_assert_eq!(e.why.clone(), format!("fra forberedelse forb.ron ({who})"));
        }
    }

    /// With the session edited meanwhile, every field the prep changed ends applied or
    /// reported: never lost silently.
    #[test]
    fn merge_never_loses_a_value_it_does_not_report(
        edits in proptest::collection::vec(edit(), 1..12),
        session_edits in proptest::collection::vec(edit(), 0..8),
    ) {
        let s = demo();
        let mut p = prep_for(&s, "DIR-A");
        for e in &edits {
            apply(&mut p, e);
        }
        let mut session = s.clone();
        let mut shadow = prep_for(&s, "DIR-A");
        for e in &session_edits {
            apply(&mut shadow, e);
        }
        for m in &shadow.managers {
            let i = session.manager_index(&m.id).unwrap();
            session.managers[i] = m.clone();
        }
        let (merged, report) = merge(&session, &[("p".into(), p.clone())], None).unwrap();
        let base = &p.prep.as_ref().unwrap().base;
        for (k, pm) in p.managers.iter().enumerate() {
            let got = manager(&merged, &pm.id);
            let reported = |field: &str| {
                report.conflicts.iter().any(|x| x.manager == pm.id && x.field.starts_with(field))
            };
            let checks: [(&str, bool, bool); 8] = [
                ("Skøn", base[k].adjustment != pm.adjustment, got.adjustment == pm.adjustment),
                ("Noter", base[k].notes != pm.notes, got.notes == pm.notes),
                ("Status", base[k].status != pm.status, got.status == pm.status),
                ("Lås", base[k].locked != pm.locked, got.locked == pm.locked),
                ("Direkte beløb", base[k].direct_amount != pm.direct_amount, got.direct_amount == pm.direct_amount),
                ("Forslag", base[k].proposal != pm.proposal, got.proposal == pm.proposal),
                ("Accepterede fund", base[k].accepted != pm.accepted, got.accepted == pm.accepted),
                ("Mål", base[k].goals != pm.goals, got.goals == pm.goals),
            ];
            for (field, changed, applied) in checks {
                prop_assert!(!changed || applied || reported(field), "{} {} lost", pm.id, field);
            }
            for c in CRITERIA {
                if base[k].box_scores.get(c) != pm.box_scores.get(c) {
                    let applied = got.box_scores.get(c) == pm.box_scores.get(c);
                    prop_assert!(applied || reported("Score "), "{} {} lost", pm.id, c);
                }
            }
        }
    }
}

// ---- The real binary ----

fn bin(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kalibrer")).args(args).output().unwrap()
}

fn out_err(o: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// A fresh folder with the demo session copied in as `moede.ron`.
fn folder(name: &str) -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("kalibrer-prepcli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let session = dir.join("moede.ron");
    std::fs::write(&session, kalibrer::io::DEMO_RON).unwrap();
    (dir, session.to_str().unwrap().to_string())
}

fn path(dir: &std::path::Path, name: &str) -> String {
    dir.join(name).to_str().unwrap().to_string()
}

fn load(p: &str) -> Session {
    kalibrer::io::load_session_file(std::path::Path::new(p)).unwrap()
}

fn save(p: &str, s: &Session) {
    kalibrer::io::save_session(std::path::Path::new(p), s).unwrap();
}

#[test]
fn cli_merge_carries_bo_straarups_amount_and_says_what_it_wrote() {
    let (dir, session) = folder("bo");
    let sd1 = path(&dir, "sd1.ron");
    let o = bin(&["prep", &session, "--for", "DIR-A", "--out", &sd1]);
    assert_eq!(o.status.code(), Some(0), "{:?}", out_err(&o));
    assert_eq!(out_err(&o).1.trim(), format!("Skrev {sd1} med 7 ledere"));
    let mut p = load(&sd1);
    raise_bo(&mut p);
    save(&sd1, &p);
    let merged = path(&dir, "flettet.ron");
    let o = bin(&["merge", &session, &sd1, "--out", &merged]);
    let (stdout, stderr) = out_err(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stderr.trim(), format!("Skrev {merged}: 5 ændringer indlæst"), "skøn, proposal, status, lock, notes");
    for line in [
        format!("indlæst AC03 Skøn: intet → +3.000 kr. – «Ekstra indsats under driftsnedbruddet i marts» ({sd1})"),
        format!("indlæst AC03 Status: Ikke drøftet → Drøftet ({sd1})"),
        format!("indlæst AC03 Lås: ikke låst → låst ({sd1})"),
        format!("indlæst AC03 Noter: – → «Drøftet med Bo 12/11» ({sd1})"),
    ] {
        assert!(stdout.lines().any(|l| l == line), "missing «{line}» in\n{stdout}");
    }
    let m = load(&merged);
    assert_eq!(amount(&m, "AC03"), d(75_000));
    assert_eq!(m.change_log.len(), 5, "skøn, proposal, status, lock, notes");
    assert!(m.change_log.iter().all(|e| e.who == "DIR-A" && e.why == "fra forberedelse sd1.ron (DIR-A)"));
    // Merging onto the session file itself is allowed.
    let o = bin(&["merge", &session, &sd1, "--out", &session]);
    assert_eq!(o.status.code(), Some(0), "{:?}", out_err(&o));
    assert_eq!(amount(&load(&session), "AC03"), d(75_000));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 17: `prep s.ron --for DIR-A --out s.ron` replaced the 28-manager session.
#[test]
fn cli_prep_refuses_to_write_onto_its_session() {
    let (dir, session) = folder("same");
    let before = std::fs::read(&session).unwrap();
    let other_spelling = format!("{}/./../{}/moede.ron", dir.display(), dir.file_name().unwrap().to_str().unwrap());
    for out in [session.as_str(), other_spelling.as_str()] {
        let o = bin(&["prep", &session, "--for", "DIR-A", "--out", out]);
        let (_, stderr) = out_err(&o);
        assert_eq!(o.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("er den samme fil som") && stderr.contains("vælg et andet navn"), "{stderr}");
    }
    assert_eq!(std::fs::read(&session).unwrap(), before, "the session is untouched");
    assert_eq!(load(&session).managers.len(), 28);
    // A prep file is not a session to prepare from.
    let sd1 = path(&dir, "sd1.ron");
    assert_eq!(bin(&["prep", &session, "--for", "DIR-A", "--out", &sd1]).status.code(), Some(0));
    let o = bin(&["prep", &sd1, "--for", "DIR-A", "--out", &path(&dir, "x.ron")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out_err(&o).1.contains("selv en forberedelse"));
    // merge may not write onto a prep, nor take a prep as the session.
    let o = bin(&["merge", &session, &sd1, "--out", &sd1]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out_err(&o).1.contains(&format!("--out {sd1} er forberedelsen {sd1}")));
    let o = bin(&["merge", &sd1, &sd1, "--out", &path(&dir, "y.ron")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out_err(&o).1.contains("er en forberedelse (for DIR-A), ikke mødets session"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 15: scores for a criterion other than the seed's five were dropped with exit 0.
#[test]
fn cli_merge_carries_a_score_of_a_criterion_outside_the_seed() {
    let (dir, session) = folder("crit");
    let mut s = load(&session);
    let kc = s.levels.iter_mut().find(|l| l.id == "KC").unwrap();
    let AmountModel::Box(model) = &mut kc.model else { panic!("KC is a box level") };
    model.criteria.push(Criterion {
        id: "digitalisering".into(),
        name: "Digital omstilling".into(),
        amount: d(10_000),
        group: None,
    });
    save(&session, &s);
    let sd1 = path(&dir, "sd1.ron");
    assert_eq!(bin(&["prep", &session, "--for", "DIR-A", "--out", &sd1]).status.code(), Some(0));
    let mut p = load(&sd1);
    manager_mut(&mut p, "KC03").box_scores.insert("digitalisering".into(), 1);
    save(&sd1, &p);
    let merged = path(&dir, "flettet.ron");
    let o = bin(&["merge", &session, &sd1, "--out", &merged]);
    let (stdout, stderr) = out_err(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains(&format!("indlæst KC03 Score Digital omstilling: – → 1 ({sd1})")), "{stdout}");
    assert_eq!(load(&merged).managers[s.manager_index("KC03").unwrap()].box_scores["digitalisering"], 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 17: `--prefer prep` wrote a prep of another session (2025 scores into 2026).
#[test]
fn cli_merge_refuses_a_prep_of_another_session_even_with_prefer() {
    let (dir, session) = folder("other");
    let mut s2025 = load(&session);
    s2025.year = 2025;
    let old_session = path(&dir, "moede2025.ron");
    save(&old_session, &s2025);
    let sd1 = path(&dir, "sd1-2025.ron");
    assert_eq!(bin(&["prep", &old_session, "--for", "DIR-A", "--out", &sd1]).status.code(), Some(0));
    let mut p = load(&sd1);
    manager_mut(&mut p, "KC01").box_scores.insert("faglighed".into(), 1);
    save(&sd1, &p);
    let merged = path(&dir, "flettet.ron");
    for prefer in ["prep", "session"] {
        let o = bin(&["merge", &session, &sd1, "--out", &merged, "--prefer", prefer]);
        let (stdout, stderr) = out_err(&o);
        assert_eq!(o.status.code(), Some(2), "{stdout}{stderr}");
        assert_eq!(
            stderr.trim(),
            format!(
                "kalibrer: {sd1}: forberedelsen er lavet fra Ministeriet for Digital Forvaltning 2025, ikke fra denne \
                 session (Ministeriet for Digital Forvaltning 2026); intet er indlæst"
            )
        );
        assert!(!std::path::Path::new(&merged).exists());
    }
    // Same organisation and year, another session id.
    let mut a = load(&session);
    a.session_id = "a-1".into();
    save(&session, &a);
    let sda = path(&dir, "sda.ron");
    assert_eq!(bin(&["prep", &session, "--for", "DIR-A", "--out", &sda]).status.code(), Some(0));
    a.session_id = "b-2".into();
    save(&session, &a);
    let o = bin(&["merge", &session, &sda, "--out", &merged, "--prefer", "prep"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out_err(&o).1.contains(&format!("{sda}: forberedelsen er lavet fra en anden session (id «a-1»)")));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 17: `--prefer session` on a two-prep conflict kept the first prep's value while
/// saying "session", and lines said "indlæst" while nothing was written.
#[test]
fn cli_prefer_says_which_value_won_and_indlaest_only_when_written() {
    let (dir, session) = folder("prefer");
    let (p1, p2) = (path(&dir, "p1.ron"), path(&dir, "p2.ron"));
    for p in [&p1, &p2] {
        assert_eq!(bin(&["prep", &session, "--for", "DIR-A", "--out", p]).status.code(), Some(0));
    }
    let mut a = load(&p1);
    manager_mut(&mut a, "KC01").box_scores.insert("handlekraft".into(), 1);
    manager_mut(&mut a, "KC02").notes = "Kun i p1".into();
    save(&p1, &a);
    let mut b = load(&p2);
    manager_mut(&mut b, "KC01").box_scores.insert("handlekraft".into(), 2);
    save(&p2, &b);
    let merged = path(&dir, "flettet.ron");
    // No --prefer: exit 1, nothing written, and no line claims anything was read in.
    let o = bin(&["merge", &session, &p1, &p2, "--out", &merged]);
    let (stdout, stderr) = out_err(&o);
    assert_eq!(o.status.code(), Some(1), "{stdout}{stderr}");
    assert!(!std::path::Path::new(&merged).exists());
    assert!(!stdout.contains("indlæst"), "{stdout}");
    assert!(stdout.contains(&format!("ikke skrevet KC02 Noter: – → «Kun i p1» ({p1})")), "{stdout}");
    assert!(stdout.contains(&format!(
        "konflikt KC01 Score Handlekraft: to forberedelser ændrer det samme forskelligt (session: 3, forberedelse: 2) [{p2}] → uløst"
    )));
    assert!(stderr.contains("4 konflikter; intet er skrevet"), "{stderr}");
    // --prefer session: the session's 3 stays, and the lines say so.
    let o = bin(&["merge", &session, &p1, &p2, "--out", &merged, "--prefer", "session"]);
    let (stdout, stderr) = out_err(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}{stderr}");
    let m = load(&merged);
    assert_eq!(manager(&m, "KC01").box_scores["handlekraft"], 3);
    assert_eq!(manager(&m, "KC02").notes, "Kun i p1", "changed in one prep only: taken");
    assert_eq!(stdout.matches("→ sessionens værdi 3 beholdt").count(), 2, "{stdout}");
    assert!(stdout.contains(&format!("indlæst KC02 Noter: – → «Kun i p1» ({p1})")));
    // The score's two conflicts and those of the proposals the two scores make (issue 27).
    assert_eq!(stderr.trim(), format!("Skrev {merged}: 1 ændringer indlæst; 4 konflikter løst med sessionens værdi"));
    // --prefer prep: the prep named first wins, and the other's line says so (for the
    // score and for the proposal it makes).
    let o = bin(&["merge", &session, &p1, &p2, "--out", &merged, "--prefer", "prep"]);
    let (stdout, stderr) = out_err(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(manager(&load(&merged), "KC01").box_scores["handlekraft"], 1);
    assert!(stdout.contains(&format!("[{p1}] → forberedelsens værdi 1 fra {p1} indlæst")), "{stdout}");
    assert!(stdout.contains(&format!("[{p2}] → ikke indlæst: værdien fra {p1} vandt (nævnt først)")), "{stdout}");
    assert!(stdout.contains(&format!("indlæst KC01 Score Handlekraft: 3 → 1 ({p1}, konflikt løst)")), "{stdout}");
    assert_eq!(
        stderr.trim(),
        format!(
            "Skrev {merged}: 3 ændringer indlæst; 2 konflikter løst med forberedelsens værdi, \
             2 forberedelsesværdier ikke indlæst"
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_merge_reports_a_manager_the_session_lacks() {
    let (dir, session) = folder("unknown");
    let sd1 = path(&dir, "sd1.ron");
    assert_eq!(bin(&["prep", &session, "--for", "DIR-A", "--out", &sd1]).status.code(), Some(0));
    let mut p = load(&sd1);
    let mut new = Manager::new("KC99", "Ny Kontorchef", "KC");
    new.superior = "DIR-A".into();
    p.managers.push(new);
    save(&sd1, &p);
    let merged = path(&dir, "flettet.ron");
    let o = bin(&["merge", &session, &sd1, "--out", &merged]);
    let (stdout, stderr) = out_err(&o);
    assert_eq!(o.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.contains(&format!(
        "konflikt KC99: lederen findes ikke i sessionen (session: –, forberedelse: Ny Kontorchef) [{sd1}] → uløst"
    )));
    let o = bin(&["merge", &session, &sd1, "--out", &merged, "--prefer", "prep"]);
    let (stdout, _) = out_err(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout.contains("KC99: lederen findes ikke i sessionen") && stdout.contains("→ ikke indlæst"));
    assert_eq!(load(&merged).managers.len(), 28);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_prep_then_merge_round_trip_and_conflict_exit_code() {
    let (dir, demo_path) = folder("roundtrip");
    let prep = path(&dir, "prep.ron");
    let o = bin(&["prep", &demo_path, "--for", "DIR-B", "--out", &prep]);
    assert_eq!(o.status.code(), Some(0), "{:?}", out_err(&o));
    let bad = bin(&["prep", &demo_path, "--for", "X", "--out", &prep]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(out_err(&bad).1.contains("gyldige er"));
    let mut p = load(&prep);
    p.managers[0].box_scores.insert("kompetence".into(), 1);
    save(&prep, &p);
    let out = path(&dir, "merged.ron");
    let o = bin(&["merge", &demo_path, &prep, "--out", &out]);
    assert_eq!(o.status.code(), Some(0), "{:?}", out_err(&o));
    let merged = load(&out);
    let i = merged.manager_index(&p.managers[0].id).unwrap();
    assert_eq!(merged.managers[i].box_scores["kompetence"], 1);
    // Merging the same prep into the merged session with a different session value: conflict, exit 1.
    let mut changed = merged.clone();
    changed.managers[i].box_scores.insert("kompetence".into(), 4);
    let changed_path = path(&dir, "changed.ron");
    save(&changed_path, &changed);
    let out2 = path(&dir, "merged2.ron");
    let o = bin(&["merge", &changed_path, &prep, "--out", &out2]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out_err(&o).0.contains("konflikt"));
    assert!(!std::path::Path::new(&out2).exists(), "nothing written on conflicts");
    let o = bin(&["merge", &changed_path, &prep, "--out", &out2, "--prefer", "session"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(load(&out2).managers[i].box_scores["kompetence"], 4);
    let _ = std::fs::remove_dir_all(&dir);
}
