//! The real `kalibrer` binary: exit codes and output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

use rust_decimal::Decimal;

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
        "fejl KC12: Beløbet 110.000 kr. ligger over spændet for Kontorchef",
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
    let json = kalibrer(&["stats", &demo(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let kc = v["levels"].as_array().unwrap().iter().find(|l| l["level"] == "KC").unwrap().clone();
    assert_eq!(kc["n"], 20);
    assert_eq!(kc["sum"], "882000");

    // The three styrelsesdirektører at 70.000, 80.000 and 90.000 kr.: mean 80.000,
    // population sd √(2 × 10.000² / 3) = 8.164,97 → CV 10,206 %; Gini = Σ|xᵢ − xⱼ| /
    // (2 n² mean) = 2 × (10 + 20 + 10) / (2 × 9 × 80) = 1/18 = 0,0556.
    let mut s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    for (id, amount) in [("SD01", 70_000), ("SD02", 80_000), ("SD03", 90_000)] {
        let i = s.manager_index(id).unwrap();
        s.managers[i].model_override = Some(kalibrer::model::AmountModel::Direct);
        s.managers[i].direct_amount = Some(amount.into());
        s.managers[i].adjustment = None;
    }
    let file = temp("sd.ron");
    kalibrer::io::save_session(&file, &s).unwrap();
    let out = stdout(&kalibrer(&["stats", file.to_str().unwrap()]));
    let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    let row = out.lines().find(|l| l.starts_with("Styrelsesdirektør")).unwrap();
    // Columns are two or more spaces apart; "10,2 %" holds one.
    let cells: Vec<&str> = row.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    let column = |name: &str| cells[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!((column("n"), column("Gns."), column("Sd")), ("3", "80.000", "8.165"), "{row}");
    assert_eq!((column("CV"), column("Gini")), ("10,2 %", "0,056"), "{row}");
    let json = kalibrer(&["stats", file.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let sd = v["levels"].as_array().unwrap().iter().find(|l| l["level"] == "SD").unwrap().clone();
    let exact = |key: &str, dp: u32| sd[key].as_str().unwrap().parse::<Decimal>().unwrap().round_dp(dp);
    assert_eq!(exact("cv_percent", 4), Decimal::new(102_062, 4));
    assert_eq!(exact("gini", 6), Decimal::new(55_556, 6));
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
    assert!(text.contains("Urørt: 1 besluttet leder og 0 låste ledere"), "{text}");
    assert!(text.contains("Kontorchef") && text.contains(" → "), "{text}");
    // 1.565.000 kr. in the demo, fitted to the pool of 1.540.000 kr.
    assert!(text.contains("I alt: 1.565.000 kr. → 1.540.000 kr. (puljen 1.540.000 kr.)"), "{text}");
    let fitted = kalibrer::io::load_session_file(&out).unwrap();
    let eval = kalibrer::engine::evaluate(&fitted);
    assert_eq!(eval.amounts[kc01].amount, decided_amount, "decided stays");
    // No justification is invented: each manager keeps the one they had (none where they
    // had none), while the fit moved undecided managers' amounts.
    let justification = |m: &kalibrer::model::Manager| m.adjustment.as_ref().map(|a| a.justification.clone());
    let moved = fitted.managers.iter().zip(&s.managers).filter(|(f, o)| f != o).count();
    assert!(moved > 0, "the fit moved nobody");
    for (f, o) in fitted.managers.iter().zip(&s.managers) {
        assert_eq!(justification(f).unwrap_or_default(), justification(o).unwrap_or_default(), "{}", f.id);
    }
    let spread = temp("spread.ron");
    let o = kalibrer(&["spread", input.to_str().unwrap(), "--by", "1,2", "--out", spread.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Spredning ×1,2"));
    let o = kalibrer(&["spread", input.to_str().unwrap(), "--by", "x", "--out", spread.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

/// Issue 29: `kalibrer fit` on a session where one change could not be applied (a direct
/// amount with an unjustified skøn on top) printed "4 beløb ændres" and "i alt 150.000 kr.
/// af puljen 150.000 kr.", then wrote 155.000 kr. Four Kontorchefer at 40.000 kr. direct,
/// the fourth 35.000 + 5.000 skøn; pool 150.000: the proportional fit moves the other
/// three (110.000 kr. between them: 36.000 + 37.000 + 37.000), and printed count, total
/// and file agree; the fewest-changes fit takes the 10.000 kr. from one manager.
#[test]
fn fit_prints_exactly_what_it_writes() {
    use rust_decimal::Decimal;
    let mut s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    let ids = ["KC01", "KC02", "KC03", "KC04"];
    s.managers.retain(|m| ids.contains(&m.id.as_str()));
    s.history.retain(|id, _| ids.contains(&id.as_str()));
    for m in &mut s.managers {
        m.model_override = Some(kalibrer::model::AmountModel::Direct);
        m.direct_amount = Some(Decimal::from(40_000));
        m.adjustment = None;
    }
    s.managers[3].direct_amount = Some(Decimal::from(35_000));
    s.managers[3].adjustment = Some(kalibrer::model::Adjustment {
        amount: Decimal::from(5_000),
        justification: String::new(),
        by: "DIR-A".into(),
    });
    s.policies.pool = Decimal::from(150_000);
    let input = temp("direct-skon.ron");
    kalibrer::io::save_session(&input, &s).unwrap();
    for (flags, summary, changed) in [
        (
            &["--proportional"][..],
            "Tilpasning til puljen: 3 beløb ændres; i alt 150.000 kr. af puljen 150.000 kr.",
            vec![("KC01", 36_000), ("KC02", 37_000), ("KC03", 37_000)],
        ),
        (&[][..], "Færrest ændringer: 1 beløb ændres; i alt 150.000 kr. af puljen 150.000 kr.", vec![("KC01", 30_000)]),
    ] {
        let out = temp("direct-skon-fit.ron");
        let mut args = vec!["fit", input.to_str().unwrap(), "--out", out.to_str().unwrap()];
        args.extend_from_slice(flags);
        let o = kalibrer(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let text = stdout(&o);
        assert!(text.contains(summary), "{text}");
        assert!(text.contains("I alt: 160.000 kr. → 150.000 kr. (puljen 150.000 kr.)"), "{text}");
        let fitted = kalibrer::io::load_session_file(&out).unwrap();
        let eval = kalibrer::engine::evaluate(&fitted);
        assert_eq!(eval.pool.used, Decimal::from(150_000));
        let moved: Vec<(&str, Decimal)> = (0..4)
            .filter(|&i| fitted.managers[i] != s.managers[i])
            .map(|i| (fitted.managers[i].id.as_str(), eval.amounts[i].amount))
            .collect();
        let expected: Vec<(&str, Decimal)> = changed.iter().map(|(id, a)| (*id, Decimal::from(*a))).collect();
        assert_eq!(moved, expected, "{text}");
    }
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

/// The subcommands `kalibrer --help` lists under "Kommandoer:".
fn listed_subcommands() -> Vec<String> {
    let help = stdout(&kalibrer(&["--help"]));
    section(&help, "Kommandoer:").iter().filter_map(|l| l.split_whitespace().next().map(str::to_string)).collect()
}

/// The lines of one help section: from its heading to the next blank line.
fn section(help: &str, heading: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim() != heading)
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// The long options one `--help` lists under "Tilvalg:" (an entry begins with `-`).
fn listed_options(help: &str) -> Vec<String> {
    section(help, "Tilvalg:")
        .iter()
        .filter(|l| l.trim_start().starts_with('-'))
        .filter_map(|l| l.split_whitespace().find(|t| t.starts_with("--")).map(|t| t.trim_end_matches(',').to_string()))
        .collect()
}

#[test]
fn every_subcommand_answers_help_in_danish() {
    let subs = listed_subcommands();
    for expected in ["check", "stats", "export", "prep", "merge", "import", "fit", "spread", "generate", "completions"]
    {
        assert!(subs.iter().any(|s| s == expected), "{expected} missing from {subs:?}");
    }
    for sub in &subs {
        for flag in ["--help", "-h"] {
            let o = kalibrer(&[sub, flag]);
            assert_eq!(o.status.code(), Some(0), "{sub} {flag}: {}", stderr(&o));
            let out = stdout(&o);
            assert!(out.contains(&format!("Brug: kalibrer {sub}")), "{sub} {flag}:\n{out}");
            assert!(out.contains("Tilvalg:") && out.contains("viser hjælpen"), "{sub} {flag}:\n{out}");
            for english in ["Usage:", "Options:", "Arguments:", "Print help", "[default", "[possible"] {
                assert!(!out.contains(english), "«{english}» in {sub} {flag}:\n{out}");
            }
        }
    }
    // The about and each option's help of one command, word for word.
    let prep = stdout(&kalibrer(&["prep", "--help"]));
    assert!(prep.starts_with("Skriver en forberedelsesfil med én direktørs direkte ledere"), "{prep}");
    assert!(prep.contains("Brug: kalibrer prep FIL --for DIREKTØR --out FORB.ron"), "{prep}");
    assert!(prep.contains("--for <DIREKTØR>") && prep.contains("direktørens id (fx DIR-A)"), "{prep}");
    assert!(prep.contains("Argumenter:") && prep.contains("<FIL>"), "{prep}");
    // `-h` gives the short about, `help prep` the same as `prep --help`.
    assert!(stdout(&kalibrer(&["prep", "-h"])).starts_with("forberedelse af én direktørs direkte ledere"));
    let via_help = kalibrer(&["help", "prep"]);
    assert_eq!(via_help.status.code(), Some(0));
    assert_eq!(stdout(&via_help), prep);
    assert_eq!(stdout(&kalibrer(&["hjælp"])), stdout(&kalibrer(&["--help"])));
}

#[test]
fn version_prints_name_and_version() {
    for flag in ["--version", "-V"] {
        let o = kalibrer(&[flag]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o), format!("kalibrer {}\n", env!("CARGO_PKG_VERSION")));
    }
    assert_eq!(env!("CARGO_PKG_VERSION"), "0.1.0");
}

#[test]
fn usage_errors_exit_2_in_danish_with_the_hint() {
    const HINT: &str = "Skriv «kalibrer --help» for at se brugen.";
    let f = temp("never.ron");
    let out = f.to_str().unwrap();
    let cases: [(&[&str], &str); 9] = [
        (&["--bogus"], "kalibrer: ukendt tilvalg «--bogus»"),
        (&["prep", "x.ron", "--for", "A", "--out", out, "--wat"], "ukendt tilvalg «--wat»"),
        (&["check", "--jsn", "x.ron"], "ukendt tilvalg «--jsn» – mente du «--json»?"),
        (&["check", "a.ron", "b.ron"], "for mange argumenter: «b.ron»"),
        (&["a.ron", "b.ron"], "kalibrer: for mange argumenter"),
        (&["export", "x.ron"], "--out <UD> mangler"),
        (&["prep", "x.ron"], "--for <DIREKTØR> og --out <FORB.ron> mangler"),
        (
            &["merge", "x.ron", "p.ron", "--out", out, "--prefer", "prp"],
            "ugyldig værdi «prp» til --prefer <prep|session>; gyldige: prep, session – mente du «prep»?",
        ),
        (
            &["generate", "--managers", "0", "--out", out],
            "ugyldig værdi «0» til --managers <N>: skal være et positivt helt tal",
        ),
    ];
    for (args, message) in cases {
        let o = kalibrer(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(message) && err.contains(HINT), "{args:?}:\n{err}");
        assert!(!err.contains("error:") && !err.contains("Usage"), "{args:?}:\n{err}");
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    assert!(!f.exists(), "nothing was written");
    let o = kalibrer(&["export", &demo(), "--out", out, "--kind", "brev"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("ugyldig værdi «brev» til --kind <ART>; gyldige: allocation, documentation, letters, public, statistics, fixed-salary")
    );
}

#[test]
fn completions_print_a_script_for_each_shell() {
    let o = kalibrer(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let script = stdout(&o);
    assert!(script.contains("_kalibrer()") && script.contains("complete -F _kalibrer"), "{script}");
    for word in ["prep", "merge", "--prefer", "--accept-rejections", "documentation"] {
        assert!(script.contains(word), "{word} missing from the bash script");
    }
    for (shell, mark) in [("zsh", "#compdef kalibrer"), ("powershell", "Register-ArgumentCompleter")] {
        let o = kalibrer(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains(mark), "{shell}");
    }
    assert_eq!(kalibrer(&["completions", "cmd"]).status.code(), Some(2));
}

/// The README's "The command line" block: each `kalibrer <sub>` line (with the comment
/// lines under it) names only options that `kalibrer <sub> --help` lists, every
/// subcommand `--help` lists is in the README, and with all its options.
#[test]
fn the_readme_command_list_matches_help() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block: Vec<&str> = readme
        .split("## The command line")
        .nth(1)
        .unwrap()
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap()
        .lines()
        .collect();
    let subs = listed_subcommands();
    // Subcommand ("" for the root) → the options its README lines name.
    let mut named: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    let mut current = String::new();
    for line in block {
        let mut words = line.split_whitespace();
        if line.starts_with("kalibrer") {
            words.next();
            current = match words.clone().next() {
                Some(w) if !w.starts_with(['-', '#']) && !w.contains('.') => {
                    assert!(subs.iter().any(|s| s == w), "README names «{w}», which --help does not list");
                    w.to_string()
                }
                _ => String::new(),
            };
            named.entry(current.clone()).or_default();
        } else {
            assert!(line.trim_start().starts_with('#'), "unexpected README line «{line}»");
        }
        for w in line.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            if w.starts_with("--") && w.len() > 2 {
                named.get_mut(&current).unwrap().insert(w.to_string());
            }
        }
    }
    for (sub, options) in &named {
        // `-h`: one line per option (`--help` puts a blank line between long entries).
        let help = if sub.is_empty() { kalibrer(&["-h"]) } else { kalibrer(&[sub, "-h"]) };
        let listed = listed_options(&stdout(&help));
        for o in options {
            assert!(listed.contains(o), "README: kalibrer {sub} {o}, but --help lists {listed:?}");
        }
        for o in &listed {
            let implicit = o == "--help" || (sub.is_empty() && o == "--version");
            assert!(implicit || options.contains(o), "kalibrer {sub} --help lists {o}, the README does not");
        }
    }
    for sub in &subs {
        assert!(named.contains_key(sub), "kalibrer {sub} is missing from the README");
    }
    assert!(named[""].contains("--version"), "the README shows kalibrer --version");
}
