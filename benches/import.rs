//! Benchmark of the HR import (issue 26, item 9): a CSV of N new managers read, mapped
//! and applied to a 30-manager session, then the field-by-field diff the change log is
//! written from – at 25,000, 100,000 and 1,000,000 rows; and an XLSX of 100,000 rows.
//! Before the fix the time grew faster than quadratically (25,000 rows 3.7 s, 100,000
//! 115 s). Prints each step's time. Run: `cargo bench --bench import`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::fmt::Write as _;
use std::time::Instant;

use kalibrer::io::import::{diff, import_managers, read_sheet};

fn csv(n: usize) -> String {
    let mut text = String::from("Medarbejdernr;Navn;Niveau;Enhed;Grundløn;Samlet løn\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "B{i:07};Leder nr. {i};KC;Kontor {};{},00;{}",
            i % 97,
            600_000 + i % 50_000,
            650_000 + i % 50_000
        );
    }
    text
}

fn xlsx(n: usize) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (k, h) in ["Medarbejdernr", "Navn", "Niveau", "Grundløn"].iter().enumerate() {
        sheet.write_string(0, u16::try_from(k).unwrap(), *h).unwrap();
    }
    for i in 0..n {
        let row = u32::try_from(i + 1).unwrap();
        sheet.write_string(row, 0, format!("B{i:07}")).unwrap();
        sheet.write_string(row, 1, format!("Leder nr. {i}")).unwrap();
        sheet.write_string(row, 2, "KC").unwrap();
        sheet.write_number(row, 3, f64::from(600_000 + u32::try_from(i % 50_000).unwrap())).unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn main() {
    let session = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    println!("{:>10} {:>6} {:>10} {:>10} {:>10}", "rækker", "fil", "læs (s)", "import (s)", "diff (s)");
    let mut cases: Vec<(usize, &str, Vec<u8>)> =
        [25_000, 100_000, 1_000_000].into_iter().map(|n| (n, "CSV", csv(n).into_bytes())).collect();
    cases.push((100_000, "XLSX", xlsx(100_000)));
    for (n, kind, bytes) in cases {
        let t = Instant::now();
        let sheet = read_sheet(&bytes).unwrap();
        let read = t.elapsed();
        let t = Instant::now();
        let result = import_managers(&session, &bytes).unwrap();
        let import = t.elapsed().saturating_sub(read);
        assert_eq!(result.added.len(), n);
        assert_eq!(sheet.rows.len(), n);
        let t = Instant::now();
        let changes = diff::changes(&session, &result);
        let diffed = t.elapsed();
        assert_eq!(changes.len(), n);
        println!(
            "{n:>10} {kind:>6} {:>10.2} {:>10.2} {:>10.2}",
            read.as_secs_f64(),
            import.as_secs_f64(),
            diffed.as_secs_f64()
        );
    }
}
