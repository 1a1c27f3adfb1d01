//! The printable outputs: documentation, letters, public extract, anonymised statistics.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::io;
use kalibrer::io::letters::LetterTemplate;
use kalibrer::model::money::format_kr;
use kalibrer::model::{Adjustment, GoalScope, Session};

/// Text as the templates escape it (minijinja's HTML escaping).
fn esc(text: &str) -> String {
    minijinja::HtmlEscape(text).to_string()
}

fn demo() -> Session {
    io::parse_session(io::DEMO_RON).unwrap()
}

#[test]
fn documentation_has_every_manager_amount_and_justification() {
    let mut s = demo();
    s.managers[2].adjustment = Some(Adjustment {
        amount: 3_000.into(),
        justification: "Særlig indsats i <krisen> & efterår".into(),
        by: "DEP".into(),
    });
    let eval = kalibrer::engine::evaluate(&s);
    let html = io::documentation::documentation_html(&s);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for (m, a) in s.managers.iter().zip(&eval.amounts) {
        assert!(
            html.contains(&format!("<bdi>{}</bdi> (<bdi>{}</bdi>)", esc(&m.name), esc(&m.id))),
            "{} missing",
            m.name
        );
        assert!(html.contains(&format_kr(a.amount)), "{}'s amount missing", m.name);
        if let Some(adj) = m.adjustment.as_ref().filter(|x| !x.amount.is_zero()) {
            if adj.justification.trim().is_empty() {
                assert!(html.contains("INGEN SKRIFTLIG BEGRUNDELSE"));
            } else {
                assert!(html.contains(&esc(&adj.justification)), "justification of {} missing", m.name);
            }
        }
    }
    assert!(html.contains("Særlig indsats i &lt;krisen&gt; &amp; efterår"), "escaped, not raw");
    assert!(!html.contains("<krisen>"));
    assert!(html.contains("Ændringslog"));
}

#[test]
fn documentation_breakdown_lets_an_accountant_rederive_the_box_amount() {
    let s = demo();
    let i = s.managers.iter().position(|m| m.box_scores.len() == 5).unwrap();
    let html = io::documentation::documentation_html(&s);
    // The seed's example: score 2 on a 20.000 kr. criterion pays 16.000 kr.
    let m = &s.managers[i];
    if m.box_scores.get("faglighed") == Some(&2) {
        assert!(html.contains("80 % × 20.000 Faglighed og kvalitet"));
    }
    assert!(html.contains("Endeligt beløb"));
}

#[test]
fn letters_one_page_per_manager_with_amount_in_words() {
    let s = demo();
    // The demo is undecided: every letter only as a draft.
    let html = io::letters::letters_html(&s, &LetterTemplate::built_in(), true).unwrap();
    assert_eq!(html.matches("<section class=\"page\">").count(), s.managers.len());
    assert!(!html.contains("{{"), "every placeholder filled");
    let eval = kalibrer::engine::evaluate(&s);
    let first = &s.managers[0];
    assert!(html.contains(&format!("Kære <bdi>{}</bdi>", esc(&first.name))));
    assert!(html.contains(&io::words::kr_in_words(eval.amounts[0].amount)));
}

#[test]
fn public_extract_has_institutional_goals_only_and_nothing_personal() {
    let s = demo();
    let html = io::public::public_html(&s);
    let top = s.levels.iter().max_by_key(|l| l.rank).unwrap();
    let mut institutional = 0;
    for m in s.managers.iter().filter(|m| m.level == top.id) {
        assert!(!html.contains(&esc(&m.name)), "no names");
        assert!(!html.contains(&format_kr(m.base_salary)), "no salary");
        for g in &m.goals {
            match g.scope {
                GoalScope::Institutional => {
                    institutional += 1;
                    assert!(html.contains(&esc(&g.name)));
                }
                GoalScope::Personal => assert!(!html.contains(&esc(&g.name)), "personal goal leaked: {}", g.name),
            }
        }
    }
    assert!(institutional > 0, "the demo's top contract has institutional goals");
    // No personal goal of anyone appears.
    for g in s.managers.iter().flat_map(|m| &m.goals).filter(|g| g.scope == GoalScope::Personal) {
        assert!(!html.contains(&esc(&g.name)));
    }
}

#[test]
fn statistics_have_no_names_and_suppress_small_groups() {
    let s = demo();
    let table = io::statistics_export::statistics_table(&s);
    assert_eq!(table.header.len(), 15);
    let suppressed = table.notes.iter().any(|n| n == io::statistics_export::SUPPRESSION_NOTE);
    let rows: Vec<Vec<String>> =
        table.rows.iter().map(|r| r.iter().map(kalibrer::io::tables::Value::display_text).collect()).collect();
    let text = rows.iter().flatten().cloned().collect::<Vec<_>>().join("|");
    for m in &s.managers {
        assert!(!text.contains(&m.name) && !text.contains(&m.id), "{} leaked", m.name);
    }
    // The demo has 1 departementschef, 3 direktører, 4 afdelingschefer: all suppressed
    // but their number.
    let few = io::statistics_export::MARK_FEW;
    let small: Vec<_> = rows.iter().filter(|r| r[2] == few).collect();
    assert_eq!(small.iter().map(|r| r[1].as_str()).collect::<Vec<_>>(), ["1", "3", "4"]);
    // Every figure withheld (sum and quartiles too); role, organisation and year are shown.
    assert!(small.iter().all(|r| r[2..9].iter().chain(&r[10..13]).all(|c| c == few)));
    assert!(small.iter().all(|r| r[13] == s.organisation.name && r[14] == "2026"));
    assert!(suppressed);
    let kc = rows.iter().find(|r| r[0] == "Kontorchef").unwrap();
    assert_eq!(kc[1], "20");
    assert_eq!(kc[2], "100 %");
}

#[test]
fn the_gui_exports_every_kind_to_a_file() {
    use kalibrer::io::export::ExportKind;
    let dir = std::env::temp_dir().join(format!("kalibrer-guiexp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut app = kalibrer::ui::KalibrerApp::with_session(demo(), None);
    for kind in ExportKind::ALL {
        let path = dir.join(kind.file_name());
        app.export_to(kind, &path);
        // The demo is not final: the allocation and the letters wait for the choice.
        if kind.needs_finality() {
            assert!(!path.exists(), "{kind:?} not written before the user chose a draft");
            assert_eq!(app.dialogs.draft_export.as_ref().map(|p| p.kind), Some(kind));
            app.export_pending_draft();
            assert!(app.dialogs.draft_export.is_none());
        }
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 200, "{kind:?}");
        assert!(!app.meeting.view.notice.as_ref().unwrap().is_error);
    }
    app.export_to(ExportKind::Output(kalibrer::io::outputs::OutputKind::Letters), &dir.join("mangler").join("x.html"));
    app.export_pending_draft();
    assert!(app.meeting.view.notice.as_ref().unwrap().is_error, "a failed export is reported");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn documentation_letters_and_allocation_follow_the_agenda_in_danish_order() {
    // Four kontorchefer: units with numbers and Danish letters, two sharing a unit.
    let mut s = demo();
    s.managers.retain(|m| m.level == "KC" || m.level == "DC");
    s.managers.truncate(5);
    let kc: Vec<usize> = (0..s.managers.len()).filter(|&i| s.managers[i].level == "KC").take(4).collect();
    let setup =
        [("Kontor 10", "Bo Berg"), ("Åbent kontor", "Anna Dam"), ("Kontor 2", "Åse Holm"), ("Kontor 2", "Aase Bech")];
    for (&i, (unit, name)) in kc.iter().zip(setup) {
        s.managers[i].unit = unit.into();
        s.managers[i].name = name.into();
    }
    let dc = s.managers.iter().find(|m| m.level == "DC").expect("a departementschef").name.clone();
    // Highest level first; then Kontor 2 before Kontor 10 (numbers by value), in it
    // "Aase Bech" before "Åse Holm" (aa is å, so the surnames decide), and "Åbent
    // kontor" last (å after every letter).
    let expected = [dc.as_str(), "Aase Bech", "Åse Holm", "Bo Berg", "Anna Dam"];
    assert_eq!(s.agenda_order().iter().map(|&i| s.managers[i].name.as_str()).collect::<Vec<_>>(), expected);
    let at = |html: &str, name: &str| html.find(&esc(name)).unwrap_or_else(|| panic!("{name} missing"));
    for text in [
        io::documentation::documentation_html(&s),
        io::letters::letters_html(&s, &LetterTemplate::built_in(), true).unwrap(),
        io::allocation::allocation_csv(&s).unwrap(),
    ] {
        let positions: Vec<usize> = expected.iter().map(|n| at(&text, n)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "in agenda order: {positions:?}");
    }
}

#[test]
fn the_error_page_escapes_the_message_as_the_templates_escape_values() {
    let message = "skabelonen <b>x</b> & 'y'";
    let page = io::templates::error_page(message);
    assert!(
        page.contains("Dokumentet kunne ikke dannes: skabelonen &lt;b&gt;x&lt;&#x2f;b&gt; &amp; &#x27;y&#x27;</p>"),
        "{page}"
    );
    let env = io::templates::environment();
    let rendered = env.render_str("{{ t }}", minijinja::context! { t => message }).unwrap();
    assert!(page.contains(&rendered), "one escaping: {rendered}");
}
