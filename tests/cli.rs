//! The real `kalibrer` binary: exit codes and output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn kalibrer(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kalibrer")).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn demo() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.ron").to_string()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn check_finds_the_demos_deliberate_problems_and_exits_1() {
    let o = kalibrer(&["check", &demo()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for expected in [
        "fejl KC05: Skønnet +6.000 kr. mangler en skriftlig begrundelse.",
        "fejl AC02: Engangsvederlag for merarbejde",
        "fejl KC12: Beløbet 110.000 kr. er 26,2 % af grundlønnen",
        "advarsel KC08: Beløbet falder 37,5 % fra sidste år (48.000 kr. → 30.000 kr.)",
        "fejl KC03: Sofie Dalgaard (Kontorchef) får 65.000 kr., mere end Vibeke Nørgaard (Afdelingschef)",
    ] {
        assert!(out.contains(expected), "missing «{expected}» in\n{out}");
    }
    assert!(!out.contains("kr.."));
    assert!(stderr(&o).contains("fejl"));
}

#[test]
fn check_json_is_machine_readable() {
    let o = kalibrer(&["check", &demo(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["rule"] == "skoen_uden_begrundelse" && f["manager"] == "KC05"));
    assert_eq!(
        v["counts"]["fejl"].as_u64().unwrap() as usize,
        findings.iter().filter(|f| f["severity"] == "fejl").count()
    );
}

#[test]
fn a_clean_session_exits_0() {
    let mut s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    s.managers.retain(|m| m.level == "SD");
    s.history.retain(|id, _| s.managers.iter().any(|m| &m.id == id));
    s.policies.pool = 300_000.into();
    s.policies.low_differentiation_cv_percent = 0.into();
    let f = temp("clean.ron");
    kalibrer::io::save_session(&f, &s).unwrap();
    let o = kalibrer(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn a_truncated_demo_exits_2_with_a_line_number() {
    let text = std::fs::read_to_string(demo()).unwrap();
    let f = temp("truncated.ron");
    std::fs::write(&f, &text[..text.len() * 2 / 3]).unwrap();
    let o = kalibrer(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("truncated.ron: linje "), "{err}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn a_missing_file_and_bad_arguments_exit_2() {
    assert_eq!(kalibrer(&["check", "/findes/ikke.ron"]).status.code(), Some(2));
    let o = kalibrer(&["check", &demo(), "--wat"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ukendt tilvalg «--wat»"));
    assert_eq!(kalibrer(&["--bogus"]).status.code(), Some(2));
    assert_eq!(kalibrer(&["check"]).status.code(), Some(2));
    let help = kalibrer(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("kalibrer check FIL"));
}

#[test]
fn stats_prints_each_level_with_gini_and_cv() {
    let o = kalibrer(&["stats", &demo()]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for level in ["Departementschef", "Styrelsesdirektør", "Afdelingschef", "Kontorchef", "Alle"] {
        assert!(out.lines().any(|l| l.starts_with(level)), "{level} missing:\n{out}");
    }
    assert!(out.lines().next().unwrap().contains("Gini") && out.contains("CV"));
    let json = kalibrer(&["stats", &demo(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let kc = v["levels"].as_array().unwrap().iter().find(|l| l["level"] == "KC").unwrap().clone();
    assert_eq!(kc["n"], 20);
    assert_eq!(kc["sum"], "882000");
}

#[test]
fn export_writes_danish_excel_csv() {
    let f = temp("allocation.csv");
    // The demo is not final: the allocation only as a draft.
    let o = kalibrer(&["export", &demo(), "--out", f.to_str().unwrap(), "--udkast"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("(UDKAST)"));
    let bytes = std::fs::read(&f).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 28, "header and 28 managers, no totals row");
    assert!(lines[0].contains("id;navn;niveau;enhed;vederlagsform;beløb") && lines[0].ends_with(";Status"));
    assert!(lines.iter().any(|l| l.starts_with("KC12;Kasper Møller Lund;Kontorchef;") && l.contains(";110000;")));
    assert!(lines[1..].iter().all(|l| l.ends_with(";UDKAST")), "every row says UDKAST");
    assert!(!text.contains("I alt"), "totals are in the XLSX, not among the CSV rows");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
}

#[test]
fn export_documents_by_kind() {
    let demo = demo();
    for (kind, name, needle) in [
        ("documentation", "dok.html", "Ændringslog"),
        ("letters", "breve.html", "Meddelelse om"),
        ("public", "offentlig.html", "Institutionelt mål"),
        ("statistics", "stat.csv", "Kontorchef;20;100;44100"),
        ("fixed-salary", "fast.csv", "KC01;Anne Marie Holst;Kontorchef;30750;39666,67"),
    ] {
        let f = temp(name);
        let mut args = vec!["export", &demo, "--out", f.to_str().unwrap(), "--kind", kind];
        if kind == "letters" {
            args.push("--udkast");
        }
        let o = kalibrer(&args);
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
        assert!(std::fs::read_to_string(&f).unwrap().contains(needle), "{kind}");
    }
    let o = kalibrer(&["export", &demo, "--out", temp("x.pdf").to_str().unwrap(), "--kind", "letters"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn generate_writes_a_session_that_checks() {
    let f = temp("gen.ron");
    let o = kalibrer(&["generate", "--managers", "250", "--seed", "3", "--out", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = kalibrer::io::load_session_file(&f).unwrap();
    assert_eq!(s.managers.len(), 250);
    let c = kalibrer(&["check", f.to_str().unwrap()]);
    assert!(matches!(c.status.code(), Some(0 | 1)));
    assert_eq!(kalibrer(&["generate", "--managers", "0", "--out", f.to_str().unwrap()]).status.code(), Some(2));
}

/// Issue 15: `kalibrer fit` and `kalibrer spread` run the GUI's proposals through the same
/// engine and document edit: decided and locked managers stay, no justification is
/// invented, and a per-level summary is printed.
#[test]
fn fit_and_spread_leave_decided_managers_and_print_per_level_sums() {
    let mut s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    let kc01 = s.manager_index("KC01").unwrap();
    s.managers[kc01].status = kalibrer::model::MeetingStatus::Besluttet;
    let decided_amount = kalibrer::engine::evaluate(&s).amounts[kc01].amount;
    s.managers[kc01].final_amount = Some(decided_amount);
    let input = temp("decided.ron");
    kalibrer::io::save_session(&input, &s).unwrap();
    let out = temp("fit.ron");
    let o = kalibrer(&["fit", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--who", "DEP"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Urørt: 1 besluttede og 0 låste ledere"), "{text}");
    assert!(text.contains("Kontorchef") && text.contains(" → "), "{text}");
    // 1.565.000 kr. in the demo, fitted to the pool of 1.540.000 kr.
    assert!(text.contains("I alt: 1.565.000 kr. → 1.540.000 kr. (puljen 1.540.000 kr.)"), "{text}");
    let fitted = kalibrer::io::load_session_file(&out).unwrap();
    let eval = kalibrer::engine::evaluate(&fitted);
    assert_eq!(eval.amounts[kc01].amount, decided_amount, "decided stays");
    assert!(fitted.managers.iter().filter_map(|m| m.adjustment.as_ref()).all(|a| !a.justification.contains("Fælles")));
    let spread = temp("spread.ron");
    let o = kalibrer(&["spread", input.to_str().unwrap(), "--by", "1,2", "--out", spread.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Spredning ×1,2"));
    let o = kalibrer(&["spread", input.to_str().unwrap(), "--by", "x", "--out", spread.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

/// Issue 16: the demo (0 of 28 decided, open fejl) exported "final" amounts with exit 0.
#[test]
fn export_refuses_unfinished_allocation_and_letters_without_udkast() {
    let fejl = stdout(&kalibrer(&["check", &demo()])).lines().filter(|l| l.starts_with("fejl ")).count();
    assert!(fejl > 0);
    for (kind, name) in [("allocation", "nej.xlsx"), ("allocation", "nej.csv"), ("letters", "nej.html")] {
        let f = temp(name);
        let _ = std::fs::remove_file(&f);
        let o = kalibrer(&["export", &demo(), "--out", f.to_str().unwrap(), "--kind", kind]);
        assert_eq!(o.status.code(), Some(1), "{kind}");
        let err = stderr(&o);
        assert!(
            err.contains(&format!(
                "{fejl} fejl er hverken rettet eller accepteret, og 28 af 28 ledere er ikke besluttet"
            )),
            "{err}"
        );
        assert!(err.contains("--udkast"), "{err}");
        assert!(!f.exists(), "{kind}: nothing written");
    }
    // With --udkast: every letter says UDKAST.
    let f = temp("udkast.html");
    let o = kalibrer(&["export", &demo(), "--out", f.to_str().unwrap(), "--kind", "letters", "--udkast"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&f).unwrap();
    assert_eq!(html.matches("<p class=\"udkast\">UDKAST").count(), 28);
    assert!(!html.contains("er det besluttet at tildele dig"), "nobody in the demo is decided");
    // Documentation, public extract and statistics are not held back.
    for (kind, name) in [("documentation", "d.html"), ("public", "p.html"), ("statistics", "s.csv")] {
        let o = kalibrer(&["export", &demo(), "--out", temp(name).to_str().unwrap(), "--kind", kind]);
        assert_eq!(o.status.code(), Some(0), "{kind}");
    }
}

/// A final meeting: the managers without findings of severity fejl, all decided, a
/// pool large enough.
fn final_session() -> PathBuf {
    let mut s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    s.policies.pool = 10_000_000.into();
    loop {
        let eval = kalibrer::engine::evaluate(&s);
        let bad: Vec<String> = eval
            .findings
            .iter()
            .filter(|f| f.severity == kalibrer::engine::Severity::Fejl)
            .filter_map(|f| f.manager.clone())
            .collect();
        if bad.is_empty() {
            break;
        }
        s.managers.retain(|m| !bad.contains(&m.id));
    }
    assert!(s.managers.len() >= 10, "{} left", s.managers.len());
    for m in &mut s.managers {
        m.status = kalibrer::model::MeetingStatus::Besluttet;
    }
    let path = temp("endelig.ron");
    kalibrer::io::save_session(&path, &s).unwrap();
    path
}

#[test]
fn a_final_meeting_exports_without_udkast() {
    let session = final_session();
    let f = temp("endelig.csv");
    let o = kalibrer(&["export", session.to_str().unwrap(), "--out", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = std::fs::read_to_string(&f).unwrap();
    assert!(!csv.contains("UDKAST") && !csv.contains("Status"));
    let f = temp("endelig.html");
    let o = kalibrer(&["export", session.to_str().unwrap(), "--out", f.to_str().unwrap(), "--kind", "letters"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&f).unwrap();
    assert!(!html.contains("UDKAST"));
    let n = html.matches("<section class=\"page\">").count();
    assert!(n >= 10 && html.matches("er det besluttet at tildele dig").count() == n);
}

#[test]
fn a_broken_letter_template_is_reported_with_file_and_line() {
    let dir = temp("skabelon");
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    s.policies.letter_template = Some("brev.html".into());
    let session = dir.join("moede.ron");
    kalibrer::io::save_session(&session, &s).unwrap();
    std::fs::write(dir.join("brev.html"), "<p>Kære {{ navn }}</p>\n<p>{{ beløb </p>\n").unwrap();
    let out = dir.join("breve.html");
    let o = kalibrer(&[
        "export",
        session.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--kind",
        "letters",
        "--udkast",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("Brevskabelonen ") && err.contains("brev.html, linje 2: syntaksfejl"), "{err}");
    std::fs::write(dir.join("brev.html"), "<p>Kære {{ navn }}, {{ beløb_ord }} kroner</p>\n").unwrap();
    let o = kalibrer(&[
        "export",
        session.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--kind",
        "letters",
        "--udkast",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("<p>Kære Kasper Møller Lund, et hundrede og titusinde kroner</p>")
    );
}
