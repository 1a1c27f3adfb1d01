//! HR import from CSV as Danish Excel writes it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use rust_decimal::Decimal;

use kalibrer::io::import::{import_history, import_managers};
use kalibrer::model::Session;

fn demo() -> Session {
    DEMO.clone()
}

/// The demo, parsed once (the fuzz targets run a million cases).
static DEMO: std::sync::LazyLock<Session> =
    std::sync::LazyLock::new(|| kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap());

const HEADER: &str = "Medarbejdernr;Navn;Niveau;Enhed;Nærmeste leder;Grundløn;Samlet løn;Topcheftillæg;Lønramme";

#[test]
fn semicolon_bom_thousands_and_decimal_comma() {
    let csv = format!(
        "\u{feff}{HEADER}\r\nKC21;Søren Ærø Åberg;Kontorchef;Center for Grunddata;DIR-B;612.345,00;650.000;nej;LR 37\r\n\r\nKC01;Anne Marie Holst;KC;Center for Cybersikkerhed;Henrik Lykke Andersen;720.000;760.000;;LR 37\r\n"
    );
    let r = import_managers(&demo(), csv.as_bytes()).unwrap();
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!((r.added.clone(), r.updated.clone()), (vec!["KC21".to_string()], vec!["KC01".to_string()]));
    let new = r.session.managers.iter().find(|m| m.id == "KC21").unwrap();
    assert_eq!(new.name, "Søren Ærø Åberg");
    assert_eq!(new.base_salary, Decimal::new(61_234_500, 2));
    assert_eq!(new.superior, "DIR-B");
    let kc01 = r.session.managers.iter().find(|m| m.id == "KC01").unwrap();
    assert_eq!(kc01.base_salary, Decimal::from(720_000));
    assert_eq!(kc01.superior, "DIR-A", "superior by name");
    assert_eq!(kc01.box_scores.len(), 5, "the meeting's data is kept");
}

#[test]
fn windows_1252_comma_and_tab_separators() {
    let mut bytes = b"Id,Navn,Stilling,Kontor\r\nKC30,S\xf8ren \xc6gidius,Kontorchef,\xc5rhus\r\n".to_vec();
    let r = import_managers(&DEMO, &bytes).unwrap();
    let m = r.session.managers.iter().find(|m| m.id == "KC30").unwrap();
    assert_eq!((m.name.as_str(), m.unit.as_str()), ("Søren Ægidius", "Århus"));
    bytes = "Medarbejdernr\tNavn\tNiveau\nKC31\tIda\tAfdelingschef\n".as_bytes().to_vec();
    let r = import_managers(&DEMO, &bytes).unwrap();
    assert_eq!(r.session.managers.iter().find(|m| m.id == "KC31").unwrap().level, "AC");
}

#[test]
fn bad_rows_are_reported_with_line_column_and_why() {
    let csv = format!(
        "{HEADER}\nKC40;A;Kontorchef;X;DIR-A;abc;;nej;\nKC41;B;Direktør;X;DIR-A;600000;;nej;\nKC42;C;Kontorchef;X;DIR-A;600000;;måske;\n;D;Kontorchef;X;;;;;\nKC43;E;Kontorchef;X;Ukendt;600000;;;\nKC44;F;Kontorchef;X;DIR-A;-5;;;\nKC45;G;Kontorchef;X;DIR-A;600.000;;ja;\n"
    );
    let r = import_managers(&demo(), csv.as_bytes()).unwrap();
    let msgs: Vec<String> = r.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(r.rejected.len(), 6, "{msgs:#?}");
    assert!(msgs[0].starts_with("linje 2, kolonne «Grundløn»"), "{}", msgs[0]);
    assert!(msgs[1].contains("linje 3") && msgs[1].contains("ukendt niveau «Direktør»"));
    assert!(msgs[2].contains("«Topcheftillæg»") && msgs[2].contains("måske"));
    assert!(msgs[3].contains("linje 5") && msgs[3].contains("tomt medarbejdernummer"));
    assert!(msgs[4].contains("ukendt nærmeste leder «Ukendt»"));
    assert!(msgs[5].contains("negativt"));
    assert_eq!(r.added, vec!["KC45".to_string()]);
}

#[test]
fn missing_columns_and_empty_files_are_errors() {
    assert!(import_managers(&demo(), b"").is_err());
    let e = import_managers(&demo(), b"Navn;Niveau\nA;KC\n").unwrap_err();
    assert!(e.to_string().contains("Medarbejdernr"), "{e}");
}

#[test]
fn history_wide_format() {
    let csv = "Medarbejdernr;2022;2023\nKC01;35.000;39.000\nXX;1;2\nKC02;abc;1\n";
    let r = import_history(&demo(), csv.as_bytes()).unwrap();
    assert_eq!(r.session.history["KC01"][&2022], Decimal::from(35_000));
    assert_eq!(r.session.history["KC01"][&2023], Decimal::from(39_000));
    assert_eq!(r.session.history["KC01"][&2025], Decimal::from(41_000), "other years kept");
    assert_eq!(r.rejected.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn importer_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_managers(&DEMO, &bytes);
        let _ = import_history(&DEMO, &bytes);
    }

    #[test]
    fn importer_never_panics_on_csv_like_text(body in "[A-Za-z0-9æøåÆØÅ;,\t\" .\r\n-]{0,300}") {
        let text = format!("{HEADER}\n{body}");
        if let Ok(r) = import_managers(&DEMO, text.as_bytes()) {
            prop_assert!(r.session.managers.len() >= 28);
        }
    }
}

#[test]
fn cli_import_is_all_or_nothing_unless_accepted() {
    let bin = env!("CARGO_BIN_EXE_kalibrer");
    let dir = std::env::temp_dir().join(format!("kalibrer-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("hr.csv");
    std::fs::write(
        &csv,
        format!("{HEADER}\nKC50;Ny Leder;Kontorchef;X;DIR-A;600.000;;nej;\nKC51;Fejl;Ukendt;X;DIR-A;1;;;\n"),
    )
    .unwrap();
    let out = dir.join("ny.ron");
    let demo_path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.ron");
    let run = |extra: &[&str]| {
        let mut args = vec!["import", csv.to_str().unwrap(), "--into", demo_path, "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        std::process::Command::new(bin).args(&args).output().unwrap()
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("linje 3, kolonne «Niveau»: ukendt niveau «Ukendt»"));
    assert!(!out.exists());
    let o = run(&["--accept-rejections"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let s = kalibrer::io::load_session_file(&out).unwrap();
    assert!(s.managers.iter().any(|m| m.id == "KC50"));
    assert!(s.change_log.iter().any(|e| e.manager.as_deref() == Some("KC50") && e.why.contains("hr.csv")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn columns_the_file_lacks_never_blank_what_the_session_knows() {
    let before = demo();
    let kc01 = before.managers.iter().find(|m| m.id == "KC01").unwrap().clone();
    let r = import_managers(
        &before,
        "Medarbejdernr;Navn;Niveau;Grundløn;Enhed\nKC01;Anne Marie Holst;KC;731.000;\n".as_bytes(),
    )
    .unwrap();
    let after = r.session.managers.iter().find(|m| m.id == "KC01").unwrap();
    assert_eq!(after.base_salary, Decimal::from(731_000));
    assert_eq!(after.total_pay, kc01.total_pay, "no Samlet løn column: kept");
    assert_eq!(after.has_top_supplement, kc01.has_top_supplement);
    assert_eq!((after.unit.as_str(), after.pay_grade.as_str()), (kc01.unit.as_str(), kc01.pay_grade.as_str()));
    let changes = kalibrer::io::import::diff::changes(&before, &r);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!((changes[0].old.as_str(), changes[0].new.as_str()), ("712.000 kr.", "731.000 kr."));
}

#[test]
fn a_hand_made_mapping_is_learned_by_header_and_used_next_time() {
    use kalibrer::io::import::{Field, LearnedMapping, Sheet, default_mapping, learn, mapping_with};
    let sheet = Sheet {
        header: ["Personalenr", "Fulde navn", "Stilling", "Bemærkning", "Grundløn"].map(String::from).to_vec(),
        ..Sheet::default()
    };
    // By default only "Stilling" and "Grundløn" are known.
    assert_eq!(default_mapping(&sheet), vec![None, None, Some(Field::Level), None, Some(Field::Base)]);
    let mut learned = LearnedMapping::new();
    // The user maps the two unknown columns and ignores "Grundløn" this time.
    let chosen = vec![Some(Field::Id), Some(Field::Name), Some(Field::Level), None, None];
    assert_eq!(learn(&sheet, &chosen, &mut learned), 3, "two fields and one ignored column");
    assert_eq!(learned.get("personalenr"), Some(&Some(Field::Id)));
    assert_eq!(learned.get("grundløn"), Some(&None));
    assert!(!learned.contains_key("stilling"), "defaults are not stored");
    // Next year's file spells the headers differently and has another column order.
    let next = Sheet {
        header: ["GRUNDLØN", "fulde_navn", "Personalenr.", "Stilling"].map(String::from).to_vec(),
        ..Sheet::default()
    };
    assert_eq!(mapping_with(&next, &learned), vec![None, Some(Field::Name), Some(Field::Id), Some(Field::Level)]);
    // Setting a column back to its default forgets the choice.
    assert_eq!(
        learn(&next, &[Some(Field::Base), Some(Field::Name), Some(Field::Id), Some(Field::Level)], &mut learned),
        1
    );
    assert!(!learned.contains_key("grundløn"));
    // A learned field is still mapped only once: the first column wins.
    let twice = Sheet { header: ["Personalenr", "Medarbejdernr"].map(String::from).to_vec(), ..Sheet::default() };
    assert_eq!(mapping_with(&twice, &learned), vec![Some(Field::Id), None]);
}
