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
    let o = kalibrer(&["export", &demo(), "--out", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&f).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 28, "header and 28 managers, no totals row");
    assert!(lines[0].contains("id;navn;niveau;enhed;vederlagsform;beløb"));
    assert!(lines.iter().any(|l| l.starts_with("KC12;Kasper Møller Lund;Kontorchef;") && l.contains(";110000;")));
    assert!(!text.contains("I alt"), "totals are in the XLSX, not among the CSV rows");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
}

#[test]
fn export_documents_by_kind() {
    for (kind, name, needle) in [
        ("documentation", "dok.html", "Ændringslog"),
        ("letters", "breve.html", "Meddelelse om"),
        ("public", "offentlig.html", "Institutionelt mål"),
        ("statistics", "stat.csv", "Departementschef;–;–;–;–;–;–;–"),
        ("fixed-salary", "fast.csv", "KC01;Anne Marie Holst;Kontorchef;30750;39666,67"),
    ] {
        let f = temp(name);
        let o = kalibrer(&["export", &demo(), "--out", f.to_str().unwrap(), "--kind", kind]);
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
        assert!(std::fs::read_to_string(&f).unwrap().contains(needle), "{kind}");
    }
    let o = kalibrer(&["export", &demo(), "--out", temp("x.pdf").to_str().unwrap(), "--kind", "letters"]);
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
