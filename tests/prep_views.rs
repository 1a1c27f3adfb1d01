//! Issue 28: preps with the other directors' managers (read-only but for views), views
//! merged into the session, the agenda ordered "spørgsmål først", a prep's own frame and
//! fit against a director budget, and stepping aside on one's own item.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rust_decimal::Decimal;

use kalibrer::document::{Document, Edit, EditError, Outcome};
use kalibrer::engine::agenda::{AgendaOrder, agenda, agenda_rows};
use kalibrer::engine::merge::merge;
use kalibrer::engine::prep::make_prep_with;
use kalibrer::engine::prep_frame::{FrameSource, fit_to_frame, prep_frame};
use kalibrer::engine::{self, allocate};
use kalibrer::model::log::Change;
use kalibrer::model::{Session, Stance};

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn view(doc: &mut Document, id: &str, by: &str, stance: Stance, text: &str) -> Result<Outcome, EditError> {
    let manager = doc.session().manager_index(id).unwrap();
    doc.apply(Edit::SetView { manager, by: by.into(), stance: Some(stance), text: text.into() }, by)
}

/// Three directors' preps with views on the others' managers: KC16 (DIR-C's) gets two
/// questions, AC01 (DEP's) one question, one *enig* and one *ingen holdning*.
fn three_preps(s: &Session) -> Vec<(String, Session)> {
    let mut a = Document::new(make_prep_with(s, "DIR-A", "2026-11-20T08:00:00Z", true).unwrap(), None);
    let mut b = Document::new(make_prep_with(s, "DIR-B", "2026-11-20T08:00:00Z", true).unwrap(), None);
    let mut c = Document::new(make_prep_with(s, "DIR-C", "2026-11-20T08:00:00Z", true).unwrap(), None);
    view(&mut a, "KC16", "DIR-A", Stance::Spoergsmaal, "Hvorfor øverst i spændet?").unwrap();
    view(&mut a, "AC01", "DIR-A", Stance::Enig, "").unwrap();
    view(&mut b, "KC16", "DIR-B", Stance::Spoergsmaal, "Er målene nået?").unwrap();
    view(&mut b, "AC01", "DIR-B", Stance::Spoergsmaal, "Sammenlignet med AC03?").unwrap();
    view(&mut c, "AC01", "DIR-C", Stance::IngenHolding, "").unwrap();
    vec![
        ("a.ron".into(), a.session().clone()),
        ("b.ron".into(), b.session().clone()),
        ("c.ron".into(), c.session().clone()),
    ]
}

#[test]
fn a_prep_with_others_holds_every_manager_but_edits_only_her_own() {
    let s = demo();
    let prep = make_prep_with(&s, "DIR-A", "2026-11-20T08:00:00Z", true).unwrap();
    assert_eq!(prep.managers.len(), 28);
    assert_eq!(prep.prep.as_ref().unwrap().base.len(), 28);
    assert_eq!(make_prep_with(&s, "DIR-A", "t", false).unwrap().managers.len(), 7);
    let mut doc = Document::new(prep, None);
    let kc16 = doc.session().manager_index("KC16").unwrap();
    let kc01 = doc.session().manager_index("KC01").unwrap();
    assert!(!doc.may_edit_fields(kc16) && doc.may_record_view(kc16));
    assert!(doc.may_edit_fields(kc01) && !doc.may_record_view(kc01));
    // Another director's manager: amount, notes and status are refused, in Danish.
    for edit in [
        Edit::SetAmount { manager: kc16, amount: d(40_000), drag: false },
        Edit::SetNotes { manager: kc16, text: "x".into() },
        Edit::SetStatus { manager: kc16, status: kalibrer::model::MeetingStatus::Droeftet },
        Edit::ApplyProposal { title: "Tilpas".into(), changes: vec![(kc01, d(40_000)), (kc16, d(40_000))] },
    ] {
        let e = doc.apply(edit, "DIR-A").unwrap_err();
        assert!(matches!(e, EditError::NotInPrep { .. }), "{e:?}");
        assert!(e.to_string().contains("hører under DIR-C"), "{e}");
    }
    // A view by someone else than the preparing director is refused too.
    assert!(matches!(view(&mut doc, "KC16", "DIR-B", Stance::Enig, ""), Err(EditError::NotInPrep { .. })));
    // Her own manager: fields yes, a view no.
    assert_eq!(doc.apply(Edit::SetNotes { manager: kc01, text: "God".into() }, "DIR-A"), Ok(Outcome::Changed));
    assert!(matches!(view(&mut doc, "KC01", "DIR-A", Stance::Enig, ""), Err(EditError::OwnManager(_))));
    // A question without text is refused; nothing changes.
    let before = doc.session().clone();
    let e = view(&mut doc, "KC16", "DIR-A", Stance::Spoergsmaal, "   ").unwrap_err();
    assert_eq!(e, EditError::QuestionWithoutText("Frederik Lassen".into()));
    assert!(e.to_string().contains("et spørgsmål skal have en skrevet tekst"), "{e}");
    assert_eq!(doc.session(), &before);
    // A view is one logged change and one undo step.
    let log = doc.session().change_log.len();
    view(&mut doc, "KC16", "DIR-A", Stance::Spoergsmaal, "Hvorfor?").unwrap();
    assert_eq!(doc.session().change_log.len(), log + 1);
    let entry = doc.session().change_log.last().unwrap();
    assert_eq!(entry.who, "DIR-A");
    assert_eq!(entry.manager.as_deref(), Some("KC16"));
    assert!(
        matches!(&entry.change, Change::View { director, old: None, new: Some(v) } if director == "DIR-A" && v.text == "Hvorfor?")
    );
    doc.apply(Edit::Undo, "DIR-A").unwrap();
    assert!(doc.session().managers[kc16].views.is_empty());
}

#[test]
fn three_preps_merge_into_questions_first_agenda() {
    let s = demo();
    let preps = three_preps(&s);
    let (merged, report) = merge(&s, &preps, None).unwrap();
    assert!(report.resolved && report.conflicts.is_empty(), "{:?}", report.conflicts);
    let kc16 = merged.manager_index("KC16").unwrap();
    let ac01 = merged.manager_index("AC01").unwrap();
    let by = |i: usize| merged.managers[i].views.iter().map(|v| (v.by.as_str(), v.stance)).collect::<Vec<_>>();
    assert_eq!(by(kc16), [("DIR-A", Stance::Spoergsmaal), ("DIR-B", Stance::Spoergsmaal)]);
    assert_eq!(by(ac01), [("DIR-A", Stance::Enig), ("DIR-B", Stance::Spoergsmaal), ("DIR-C", Stance::IngenHolding)]);
    // Typed and attributed in the log: five views, each by its director.
    let views: Vec<(&str, &str)> = merged
        .change_log
        .iter()
        .filter(|e| matches!(e.change, Change::View { .. }))
        .map(|e| (e.who.as_str(), e.manager.as_deref().unwrap()))
        .collect();
    assert_eq!(views, [("DIR-A", "AC01"), ("DIR-B", "AC01"), ("DIR-C", "AC01"), ("DIR-A", "KC16"), ("DIR-B", "KC16")]);
    // The usual order puts the departementschef first and KC16 late; questions first
    // puts KC16 (2 questions) first, AC01 (1) second, then the usual order.
    let usual = agenda(&merged, AgendaOrder::Level);
    assert_eq!(merged.managers[usual[0]].id, "DC01");
    let questions = agenda(&merged, AgendaOrder::Questions);
    let ids: Vec<&str> = questions.iter().map(|&i| merged.managers[i].id.as_str()).collect();
    assert_eq!(&ids[..4], ["KC16", "AC01", "DC01", "SD02"]);
    let rest: Vec<usize> = usual.iter().copied().filter(|&i| i != kc16 && i != ac01).collect();
    assert_eq!(&questions[2..], rest.as_slice());
    let eval = engine::evaluate(&merged);
    let rows = agenda_rows(&merged, &eval, AgendaOrder::Questions);
    assert_eq!((rows[0].place, rows[0].questions.len()), (1, 2));
    assert_eq!(rows[0].questions[1].by_name, "Mette Overgaard");
    assert_eq!(rows[0].director, "Jonas Riis Thomsen");
    assert_eq!((rows[1].id.as_str(), rows[1].questions.len(), rows[2].questions.len()), ("AC01", 1, 0));
    // Marked besvaret in the meeting: logged, still counted on the agenda.
    let mut doc = Document::new(merged, None);
    let out = doc.apply(Edit::AnswerQuestion { manager: kc16, by: "DIR-B".into(), answered: true }, "DIR-A");
    assert_eq!(out, Ok(Outcome::Changed));
    let entry = doc.session().change_log.last().unwrap();
    assert_eq!((entry.who.as_str(), entry.why.as_str()), ("DIR-A", "Besvaret i mødet"));
    assert!(doc.session().managers[kc16].view_of("DIR-B").unwrap().answered);
    assert_eq!(agenda(doc.session(), AgendaOrder::Questions)[0], kc16);
    let no = doc.apply(Edit::AnswerQuestion { manager: ac01, by: "DIR-A".into(), answered: true }, "DIR-B");
    assert!(matches!(no, Err(EditError::NoQuestion { .. })), "DIR-A's view on AC01 is enig, not a question");
}

#[test]
fn a_view_changed_in_the_session_and_the_prep_is_a_conflict_but_two_directors_never_are() {
    let s = demo();
    let preps = three_preps(&s);
    let (merged, _) = merge(&s, &preps, None).unwrap();
    // DIR-B changes her question in a new prep made from the merged session, while the
    // meeting marks the old one answered: the three-way rules say conflict.
    let mut b = Document::new(make_prep_with(&merged, "DIR-B", "t", true).unwrap(), None);
    view(&mut b, "KC16", "DIR-B", Stance::Spoergsmaal, "Nyt spørgsmål").unwrap();
    let mut meeting = Document::new(merged.clone(), None);
    let kc16 = merged.manager_index("KC16").unwrap();
    meeting.apply(Edit::AnswerQuestion { manager: kc16, by: "DIR-B".into(), answered: true }, "DEP").unwrap();
    let (_, report) = merge(meeting.session(), &[("b2.ron".into(), b.session().clone())], None).unwrap();
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].field, "Holdning fra DIR-B");
    // DIR-A's view written into DIR-C's prep by hand is not taken, and a notice says so.
    let mut c = make_prep_with(&merged, "DIR-C", "t", true).unwrap();
    let ac01 = c.manager_index("AC01").unwrap();
    c.managers[ac01].views[0].text = "Forfalsket".into();
    let (out, report) = merge(&merged, &[("c2.ron".into(), c)], None).unwrap();
    assert_eq!(out.managers[ac01].views, merged.managers[ac01].views);
    assert!(report.applied.is_empty());
    assert_eq!(report.notices.len(), 1);
    assert_eq!(report.notices[0].text, "andre direktørers holdninger kan ikke indlæses fra DIR-Cs forberedelse");
}

#[test]
fn a_prep_is_judged_and_fitted_against_its_own_frame() {
    // Without a budget: last year's 25.000 + 25.000 = 50.000 kr.; now 20.000 + 30.000.
    let s = common::frame_session("{}");
    let prep = make_prep_with(&s, "X", "t", true).unwrap();
    let eval = engine::evaluate(&prep);
    let frame = prep_frame(&prep, &eval).unwrap();
    assert_eq!((frame.sum, frame.reference, frame.left()), (d(50_000), d(50_000), d(0)));
    assert_eq!(frame.source, FrameSource::LastYear { missing: 0 });
    assert_eq!(frame.managers, [0, 1]);
    assert!(prep_frame(&s, &engine::evaluate(&s)).is_none(), "the meeting's session has no frame");

    // Budget 40.000 kr.: fit scales 20.000 : 30.000 by 0,8 → 16.000 + 24.000 = 40.000;
    // Carl (Y's) stays at 40.000.
    let s = common::frame_session(r#"{"X": "40000"}"#);
    let prep = make_prep_with(&s, "X", "t", true).unwrap();
    let eval = engine::evaluate(&prep);
    let frame = prep_frame(&prep, &eval).unwrap();
    assert_eq!((frame.sum, frame.reference, frame.left()), (d(50_000), d(40_000), d(-10_000)));
    assert_eq!(frame.source, FrameSource::Budget);
    let p = fit_to_frame(&prep, &eval, &frame);
    assert_eq!(p.changes, [(0, d(16_000)), (1, d(24_000))]);
    assert_eq!(p.total, d(40_000));
    assert_eq!(
        p.summary,
        "Tilpasning til rammen: 2 beløb ændres; i alt 40.000 kr. af rammen 40.000 kr. (direktørbudget)"
    );
    // The whole pool (1.000.000 kr.) would instead push everyone up, Carl too.
    let whole = allocate::fit_to_pool(&prep, &eval);
    assert!(whole.changes.iter().any(|(i, _)| *i == 2), "{:?}", whole.changes);
    // Spread ×2 around X's mean 25.000: 15.000 and 35.000, her sum kept; Carl untouched.
    let spread = kalibrer::engine::prep_frame::spread_in_frame(&prep, &eval, &frame, d(2));
    assert_eq!(spread.changes, [(0, d(15_000)), (1, d(35_000))]);
    assert_eq!(
        spread.summary,
        "Spredning ×2: 2 beløb ændres; i alt 50.000 kr. af rammen 40.000 kr. (direktørbudget) – over rammen"
    );
    // Applied through the document, the prep's own managers move; Carl cannot.
    let mut doc = Document::new(prep, None);
    let out = doc.apply(Edit::ApplyProposal { title: "Tilpas til rammen".into(), changes: p.changes }, "X").unwrap();
    assert_eq!(out, Outcome::Proposal { changed: 2, locked: 0, decided: 0 });
}

/// A prep's findings judge her frame, never the pool (1.000.000 kr.; 910.000 kr. would be left).
#[test]
fn a_preps_findings_judge_her_frame_not_the_pool() {
    use kalibrer::engine::finding::{Facts, RuleId, Severity};
    let text = |s: &Session| {
        let e = engine::evaluate(s);
        let f: Vec<_> = e.findings.iter().filter(|f| f.manager.is_none()).cloned().collect();
        assert!(f.iter().all(|f| !matches!(f.rule, RuleId::PoolLeft | RuleId::PoolExceeded)), "{f:?}");
        f.iter()
            .map(|f| (f.severity, f.facts, engine::wording::finding_text(f, s, Default::default())))
            .collect::<Vec<_>>()
    };
    // Budget 40.000 kr., her managers 20.000 + 30.000 = 50.000: 10.000 kr. over, an advarsel.
    let s = common::frame_session(r#"{"X": "40000"}"#);
    let over = Facts::FrameExceeded { reference: d(40_000), over: d(10_000), budget: true };
    let sentence = "Dine lederes beløb er 10.000 kr. over din ramme på 40.000 kr. (direktørbudget).";
    assert_eq!(text(&make_prep_with(&s, "X", "t", true).unwrap()), [(Severity::Advarsel, over, sentence.into())]);
    // Budget 60.000 kr.: 10.000 kr. left, info. Y's prep (Carl 40.000, last year 10.000): 30.000 over.
    let s = common::frame_session(r#"{"X": "60000"}"#);
    let left = Facts::FrameLeft { reference: d(60_000), left: d(10_000), budget: true };
    let sentence = "Der er 10.000 kr. tilbage af din ramme på 60.000 kr. (direktørbudget).";
    assert_eq!(text(&make_prep_with(&s, "X", "t", true).unwrap()), [(Severity::Info, left, sentence.into())]);
    let y = text(&make_prep_with(&s, "Y", "t", false).unwrap());
    assert_eq!(y[0].2, "Dine lederes beløb er 30.000 kr. over din ramme på 10.000 kr. (sidste års beløb).");
    // The meeting's session keeps the pool: 1.000.000 − 90.000 = 910.000 kr. left.
    let e = engine::evaluate(&s);
    assert!(e.findings.iter().any(|f| f.facts == Facts::PoolLeft { pool: d(1_000_000), left: d(910_000) }));
}

#[test]
fn the_departementschef_steps_aside_on_her_own_item() {
    let mut doc = Document::new(demo(), None);
    let dc = doc.session().manager_index("DC01").unwrap();
    let e = doc.apply(Edit::SetNotes { manager: dc, text: "x".into() }, "DEP").unwrap_err();
    assert!(matches!(e, EditError::SteppedAside { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "Birgitte Kjærsgaard er inhabil i sagen om Birgitte Kjærsgaard (sin egen løn) og kan ikke være indtaster – vælg en anden direktør som indtaster"
    );
    let answer = Edit::SetView { manager: dc, by: "DIR-B".into(), stance: Some(Stance::Enig), text: String::new() };
    assert!(matches!(doc.apply(answer, "DEP"), Err(EditError::SteppedAside { .. })));
    assert!(doc.session().change_log.is_empty());
    // Another executive enters it; the log says who.
    doc.apply(Edit::SetNotes { manager: dc, text: "Drøftet uden DEP".into() }, "DIR-A").unwrap();
    let entry = doc.session().change_log.last().unwrap();
    assert_eq!((entry.who.as_str(), entry.manager.as_deref()), ("DIR-A", Some("DC01")));
    // She may still enter changes on everyone else.
    let kc01 = doc.session().manager_index("KC01").unwrap();
    assert!(doc.apply(Edit::SetNotes { manager: kc01, text: "ok".into() }, "DEP").is_ok());
    // The documentation names who stepped aside and who entered the changes.
    let html = kalibrer::io::documentation::documentation_html(doc.session());
    assert!(html.contains("Inhabil (egen løn), deltog ikke i behandlingen: <bdi>Birgitte Kjærsgaard</bdi>"), "inhabil");
    assert!(html.contains("Ændringer indtastet af: <bdi>Henrik Lykke Andersen</bdi>"), "entered by");
}

#[test]
fn cli_prep_with_others_and_agenda_json() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("moede.ron");
    std::fs::write(&session, kalibrer::io::DEMO_RON).unwrap();
    let prep = dir.path().join("a.ron");
    let run = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_kalibrer")).args(args).output().unwrap();
    let out = run(&["prep", session.to_str().unwrap(), "--for", "DIR-A", "--out", prep.to_str().unwrap(), "--others"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!("Skrev {} med 7 egne ledere og 21 andres (til holdninger)", prep.display())
    );
    assert_eq!(kalibrer::io::load_session_file(&prep).unwrap().managers.len(), 28);

    let s = demo();
    let (merged, _) = merge(&s, &three_preps(&s), None).unwrap();
    let file = dir.path().join("flettet.ron");
    std::fs::write(&file, kalibrer::io::to_ron(&merged)).unwrap();
    let out = run(&["agenda", file.to_str().unwrap(), "--order", "questions", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = json["agenda"].as_array().unwrap();
    assert_eq!(items.len(), 28);
    let first = &items[0];
    assert_eq!(
        (first["place"].as_u64(), first["id"].as_str(), first["questions"].as_u64()),
        (Some(1), Some("KC16"), Some(2))
    );
    assert_eq!(first["level"], "Kontorchef");
    assert_eq!(first["director"], "Jonas Riis Thomsen");
    let kc16 = &merged.managers[merged.manager_index("KC16").unwrap()];
    let amount = engine::evaluate(&merged).amounts[merged.manager_index("KC16").unwrap()].amount;
    assert_eq!(first["amount"].as_str().unwrap(), amount.normalize().to_string());
    assert_eq!(
        first["proposal"].as_str().map(str::to_string),
        engine::proposals::proposed_amount(&merged, kc16).map(|p| p.normalize().to_string())
    );
    assert_eq!(first["question_texts"][0]["text"], "Hvorfor øverst i spændet?");
    assert_eq!(first["question_texts"][1]["by"], "DIR-B");
    assert_eq!(items[1]["id"], "AC01");
    assert_eq!(items[2]["id"], "DC01");
    // Lines: the usual order by default, questions under their manager.
    let out = run(&["agenda", file.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Dagsorden (niveau), 28 ledere");
    assert!(
        lines[1].starts_with(
            "1. Birgitte Kjærsgaard (Departementschef, Birgitte Kjærsgaard) – forslag 138.375 kr., beløb "
        ),
        "{}",
        lines[1]
    );
    assert!(text.contains("    spørgsmål fra Mette Overgaard: «Er målene nået?»"), "{text}");
}

#[test]
fn an_anonymised_copy_keeps_the_stances_but_not_the_questions_or_who() {
    let s = demo();
    let (merged, _) = merge(&s, &three_preps(&s), None).unwrap();
    let a = kalibrer::io::anonymise::anonymised(&merged);
    let text = kalibrer::io::to_ron(&a);
    for secret in ["Hvorfor øverst i spændet?", "Er målene nået?", "DIR-B", "Mette Overgaard"] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    let kc16 = a.managers.iter().find(|m| m.views.len() == 2).unwrap();
    assert!(kc16.views.iter().all(|v| v.stance == Stance::Spoergsmaal && v.text == "[fjernet]"));
}

mod edits {
    use super::*;
    use proptest::prelude::*;

    /// One random edit in DIR-A's prep with the others' managers.
    #[derive(Debug, Clone)]
    enum Step {
        View(usize, u8, bool),
        Amount(usize, i64),
        Notes(usize),
        Undo,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0..28usize, 0..4u8, any::<bool>()).prop_map(|(i, s, t)| Step::View(i, s, t)),
            (0..28usize, 0..120i64).prop_map(|(i, a)| Step::Amount(i, a)),
            (0..28usize).prop_map(Step::Notes),
            Just(Step::Undo),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Whatever is tried, the other directors' managers change only in DIR-A's
        /// views, every view has a text when it is a question, and undoing every step
        /// gives the prep back.
        #[test]
        fn others_managers_change_only_in_the_directors_views(steps in proptest::collection::vec(step(), 1..25)) {
            let s = demo();
            let prep = make_prep_with(&s, "DIR-A", "t", true).unwrap();
            let mut doc = Document::new(prep.clone(), None);
            for st in &steps {
                let edit = match st {
                    Step::View(i, k, t) => Edit::SetView {
                        manager: *i,
                        by: "DIR-A".into(),
                        stance: [Some(Stance::Enig), Some(Stance::Spoergsmaal), Some(Stance::IngenHolding), None][usize::from(*k)],
                        text: if *t { "Hvorfor?".into() } else { String::new() },
                    },
                    Step::Amount(i, a) => Edit::SetAmount { manager: *i, amount: d(a * 1_000), drag: false },
                    Step::Notes(i) => Edit::SetNotes { manager: *i, text: "n".into() },
                    Step::Undo => Edit::Undo,
                };
                let _ = doc.apply(edit, "DIR-A");
            }
            for (m, base) in doc.session().managers.iter().zip(&prep.managers) {
                for v in &m.views {
                    prop_assert!(v.by == "DIR-A" && m.superior != "DIR-A");
                    prop_assert!(!v.is_question() || !v.text.trim().is_empty());
                }
                if m.superior != "DIR-A" {
                    let mut without = m.clone();
                    without.views.clear();
                    prop_assert_eq!(&without, base, "{} changed beyond views", m.id);
                }
            }
            while doc.can_undo() {
                doc.apply(Edit::Undo, "DIR-A").unwrap();
            }
            prop_assert_eq!(&doc.session().managers, &prep.managers);
        }
    }
}
