//! Reference figures get the session's bounds (issue 26, items 4 and 7): a count or an
//! amount no session can hold, negative means, figures out of order and a second *Alle*
//! row are refused in Danish with row and column; nothing computed from a reference can
//! overflow; a FIFO as reference is refused at once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use kalibrer::engine;
use kalibrer::io::reference_file::parse_reference;
use proptest::prelude::*;

fn csv(rows: &str) -> Vec<u8> {
    format!("Niveau;Antal;Gennemsnit;Median;Mindste;Største;Rolle;Nedre kvartil;Øvre kvartil\r\n{rows}").into_bytes()
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-refbounds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn kalibrer(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kalibrer")).args(args).output().unwrap()
}

/// Antal 18446744073709551615 with a large mean and no Sum column: the sum mean × n
/// (here 10^10 × 1,8 × 10^19, beyond Decimal's 7,9 × 10^28) panicked with
/// "Multiplication overflowed" in `stats --reference`, `combine-stats` and the app.
#[test]
fn a_count_and_mean_beyond_every_bound_are_refused_not_a_panic() {
    let bytes = "Niveau;Antal;Gennemsnit\r\nKontorchef;18446744073709551615;10000000000\r\n";
    let e = parse_reference(bytes.as_bytes()).unwrap_err();
    assert_eq!(e, "linje 2, kolonne «Antal»: antallet 18446744073709551615 er over grænsen på 1.000.000 ledere");
    let bytes = "Niveau;Antal;Gennemsnit\r\nKontorchef;1000000;100000000000\r\n";
    let e = parse_reference(bytes.as_bytes()).unwrap_err();
    assert_eq!(e, "linje 2, kolonne «Gennemsnit»: 100.000.000.000 kr. er over grænsen på 10.000.000.000 kr.");
    // Through the command line: exit 2 with the file named, no panic.
    let file = temp("kaempe.csv");
    std::fs::write(&file, "Niveau;Antal;Gennemsnit\r\nKontorchef;18446744073709551615;10000000000\r\n").unwrap();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.ron");
    let out = temp("samlet.csv");
    for args in [
        vec!["stats", demo, "--reference", file.to_str().unwrap()],
        vec!["combine-stats", file.to_str().unwrap(), "--out", out.to_str().unwrap()],
    ] {
        let o = kalibrer(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("antallet 18446744073709551615 er over grænsen") && !err.contains("panicked"), "{err}");
    }
}

/// Accepted before: a negative mean (indeks −98,0), min above max, q1 above q3, a second
/// Alle row.
#[test]
fn impossible_figures_are_refused_with_row_and_column() {
    let cases = [
        (
            "Kontorchef;5;-45000;;;;Kontorchef;;\r\n",
            "linje 2, kolonne «Gennemsnit»: et negativt tal (−45.000 kr.) – beløbene kan ikke være under 0 kr.",
        ),
        (
            "Kontorchef;25;45000;;60000;30000;Kontorchef;;\r\n",
            "linje 2, kolonne «Største»: «Største» (30.000 kr.) er mindre end «Mindste» (60.000 kr.)",
        ),
        (
            "Kontorchef;25;45000;45000;;;Kontorchef;50000;40000\r\n",
            "linje 2, kolonne «Median»: «Median» (45.000 kr.) er mindre end «Nedre kvartil» (50.000 kr.)",
        ),
        (
            "Kontorchef;25;45000;45000;40000;50000;Kontorchef;;\r\nAlle;25;45000;;;;;;\r\nAlle;30;45000;;;;;;\r\n",
            "linje 4, kolonne «Niveau»: en anden «Alle»-række – en statistikeksport har kun én",
        ),
        (
            "Kontorchef;25;90000;45000;40000;50000;Kontorchef;;\r\n",
            "linje 2, kolonne «Gennemsnit»: gennemsnittet (90.000 kr.) ligger uden for mindste–største (40.000 kr.–50.000 kr.)",
        ),
    ];
    for (rows, expected) in cases {
        assert_eq!(parse_reference(&csv(rows)).unwrap_err(), expected, "{rows}");
    }
    // Ordinary figures still read.
    let r = parse_reference(&csv("Kontorchef;25;45000;45000;40000;50000;Kontorchef;42000;47000\r\n")).unwrap();
    assert_eq!(r.levels.len(), 1);
}

/// A FIFO as reference path blocked the CLI (and the app on open) forever.
#[cfg(unix)]
#[test]
fn a_fifo_as_reference_is_refused_at_once() {
    let fifo = temp("ref.csv");
    let _ = std::fs::remove_file(&fifo);
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (tx, rx) = mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(kalibrer::io::reference_file::read_reference(&path));
    });
    let e = rx.recv_timeout(Duration::from_secs(60)).expect("reading a FIFO reference blocked").unwrap_err();
    assert!(e.contains("ref.csv: det er et navngivet rør (FIFO), ikke en almindelig fil"), "{e}");
    // The session's own list, as the app loads it.
    let link = kalibrer::model::ReferenceLink::new(fifo.to_str().unwrap());
    let loaded = kalibrer::io::reference_file::load_links(&[link], None);
    assert!(loaded[0].is_err());
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.ron");
    let o = kalibrer(&["stats", demo, "--reference", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any count and figures: read or refused, and what reads compares and combines
    /// without a panic.
    #[test]
    fn any_figures_read_or_are_refused_and_never_overflow(
        n in prop_oneof![0_u64..50, Just(u64::MAX), 999_999_u64..1_000_002],
        figures in proptest::collection::vec(prop_oneof![
            Just(String::new()),
            (-1_000_000_i64..1_000_000_000).prop_map(|v| v.to_string()),
            Just("100000000000000000000".to_string()),
            Just("1e20".to_string()),
            Just("79228162514264337593543950335".to_string()),
            Just("10000000000".to_string()),
            Just("–¹".to_string()),
        ], 5),
        total in any::<bool>(),
    ) {
        let row = format!("Kontorchef;{n};{};{};{};{};Kontorchef;{};{}\r\n", figures[0], figures[1], figures[2], figures[3], figures[4], figures[0]);
        let rows = if total { format!("{row}Alle;{n};{};;;;;;\r\n", figures[1]) } else { row };
        if let Ok(r) = parse_reference(&csv(&rows)) {
            let s = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
            let eval = engine::evaluate(&s);
            let none = std::collections::BTreeMap::new();
            let _ = engine::reference_combine::compare_session(&s, &eval.stats, &[(&r, &none)]);
            let _ = engine::reference_combine::compare_total(&eval.stats, &[&r]);
            let c = engine::reference_combine::combine(&[r.clone(), r.clone(), r]);
            let _ = kalibrer::io::reference_file::render_reference(&c, false);
        }
    }
}
