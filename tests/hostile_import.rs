//! Hostile and unlucky HR files (issue 26, items 6, 11 and 14): workbooks that would make
//! the reader allocate hundreds of gigabytes, dates and formulas in number columns, ids
//! that differ only by case, invisible characters or leading zeros, UTF-16 text, and
//! amounts a session may not hold. Each is refused with a Danish reason naming the limit
//! or the row.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write as _;

use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

use kalibrer::io::import::{ImportResult, RowError, import_history, import_managers};
use kalibrer::model::Session;

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

const HEADER: [&str; 4] = ["Medarbejdernr", "Navn", "Niveau", "Grundløn"];

/// A workbook with the header in row 1 and `fill` writing the rest.
fn workbook(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (k, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, u16::try_from(k).unwrap(), *h).unwrap();
    }
    fill(sheet);
    book.save_to_buffer().unwrap()
}

fn rejected(r: &ImportResult) -> Vec<String> {
    r.rejected.iter().map(ToString::to_string).collect()
}

#[test]
fn a_cell_at_xfd1048576_is_refused_before_anything_is_allocated() {
    // calamine built a rectangle from A1 to XFD1048576: 17 billion cells, 512 GB.
    let bytes = workbook(|s| {
        s.write_string(1, 0, "KC01").unwrap();
        s.write_string(1_048_575, 16_383, "x").unwrap();
    });
    assert!(bytes.len() < 10_000, "a small file: {} bytes", bytes.len());
    let e = import_managers(&demo(), &bytes).unwrap_err();
    assert_eq!(
        e.why,
        "ark «Sheet1»: cellen XFD1048576 ligger uden for de første 1.000 kolonner (A–ALL), som er dem Kalibrer læser – slet den, eller flyt tabellen"
    );
    // Far down, in a column that is read, costs nothing: one row.
    let bytes = workbook(|s| {
        s.write_string(1_048_575, 0, "KC01").unwrap();
        s.write_string(1_048_575, 1, "Anne").unwrap();
        s.write_string(1_048_575, 2, "KC").unwrap();
    });
    let r = import_managers(&demo(), &bytes).unwrap();
    assert_eq!(r.updated, ["KC01"]);
    assert!(r.rejected.is_empty(), "{:?}", rejected(&r));
}

/// A workbook (as a ZIP) whose shared strings inflate to `size` bytes: one string of `x`.
fn inflating_workbook(size: usize) -> Vec<u8> {
    let plain = workbook(|s| {
        s.write_string(1, 0, "KC01").unwrap();
    });
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(plain)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for i in 0..src.len() {
        let part = src.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        if name == "xl/sharedStrings.xml" {
            out.start_file(name, options).unwrap();
            out.write_all(b"<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>").unwrap();
            let chunk = vec![b'x'; 1 << 20];
            for _ in 0..size >> 20 {
                out.write_all(&chunk).unwrap();
            }
            out.write_all(b"</t></si></sst>").unwrap();
        } else {
            out.raw_copy_file(part).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_shared_string_that_inflates_beyond_the_limit_is_refused_unread() {
    let bytes = inflating_workbook(600 << 20);
    assert!(bytes.len() < 2 << 20, "{} bytes packed", bytes.len());
    let e = import_managers(&demo(), &bytes).unwrap_err();
    assert_eq!(
        e.why,
        "Excel-filen fylder mere end 512 MB udpakket, som er det højeste Kalibrer læser – filen er ikke læst"
    );
    // The reference reader goes through the same door.
    let e = kalibrer::io::reference_file::parse_reference(&bytes).unwrap_err();
    assert!(e.contains("512 MB udpakket"), "{e}");
}

/// `plain` with its shared strings changed by `change` (rust_xlsxwriter refuses to write
/// what a hostile file holds).
fn patched_shared_strings(plain: Vec<u8>, change: impl Fn(String) -> String) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(plain)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..src.len() {
        let mut part = src.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        if name == "xl/sharedStrings.xml" {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut part, &mut text).unwrap();
            out.start_file(name, options).unwrap();
            out.write_all(change(text).as_bytes()).unwrap();
        } else {
            out.raw_copy_file(part).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_cell_longer_than_excel_allows_is_refused_naming_it() {
    let long = "Ø".repeat(32_767);
    let plain = workbook(|s| {
        s.write_string(1, 0, "KC01").unwrap();
        s.write_string(1, 1, &long).unwrap();
        s.write_string(1, 2, "KC").unwrap();
    });
    // At the limit the row is read.
    let r = import_managers(&demo(), &plain).unwrap();
    assert_eq!(r.updated, ["KC01"], "{:?}", rejected(&r));
    let bytes = patched_shared_strings(plain, |xml| {
        assert!(xml.contains(&long), "{}", &xml[..200]);
        xml.replace(&long, &format!("{long}Ø"))
    });
    let e = import_managers(&demo(), &bytes).unwrap_err();
    assert_eq!(
        e.why,
        "ark «Sheet1»: cellen B2 har mere end 32.767 tegn (det højeste en celle kan have i Excel) – filen er ikke læst"
    );
    let csv = format!("Medarbejdernr;Navn;Niveau\nKC01;{long}Ø;KC\n");
    let e = import_managers(&demo(), csv.as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "linje 2: cellen i kolonne 2 har mere end 32.767 tegn (det højeste en celle kan have i Excel) – filen er ikke læst"
    );
}

#[test]
fn a_date_formatted_salary_is_a_rejected_row_not_46023_kr() {
    let date = Format::new().set_num_format("dd-mm-yyyy");
    let bytes = workbook(|s| {
        for (row, id) in [(1, "KC01"), (2, "KC02")] {
            s.write_string(row, 0, id).unwrap();
            s.write_string(row, 1, "Navn").unwrap();
            s.write_string(row, 2, "KC").unwrap();
        }
        s.write_number_with_format(1, 3, 46_023.0, &date).unwrap();
        s.write_number(2, 3, 612_000.0).unwrap();
    });
    let r = import_managers(&demo(), &bytes).unwrap();
    assert_eq!(
        rejected(&r),
        [
            "ark «Sheet1», række 2, kolonne «Grundløn»: cellen er formateret som en dato (46023), ikke som et tal – formatér kolonnen som tal i Excel, og prøv igen"
        ]
    );
    assert_eq!(r.updated, ["KC02"]);
    let kc01 = &r.session.managers[r.session.manager_index("KC01").unwrap()];
    assert_ne!(kc01.base_salary, Decimal::from(46_023));
}

#[test]
fn formula_cells_in_number_columns_are_rejected_rows_never_0_kr_or_skipped() {
    let bytes = workbook(|s| {
        s.write_string(1, 0, "KC01").unwrap();
        s.write_string(1, 1, "Navn").unwrap();
        s.write_string(1, 2, "KC").unwrap();
        s.write_formula(1, 3, "=E2*12").unwrap();
        // A row of formulas only (no cached values): it was skipped as empty.
        s.write_formula(2, 0, "=\"KC\"&\"02\"").unwrap();
        s.write_formula(2, 3, "=E3*12").unwrap();
    });
    let r = import_managers(&demo(), &bytes).unwrap();
    let why = rejected(&r);
    assert_eq!(why.len(), 2, "{why:?}");
    assert_eq!(
        why[0],
        "ark «Sheet1», række 2, kolonne «Grundløn»: cellen indeholder en formel – kopiér kolonnen, og indsæt den som værdier (Indsæt speciel → Værdier)"
    );
    assert!(
        why[1].starts_with("ark «Sheet1», række 3, kolonne «Medarbejdernr»: cellen indeholder en formel"),
        "{why:?}"
    );
    assert!(r.updated.is_empty() && r.added.is_empty());
}

#[test]
fn a_zero_padded_id_stored_as_a_number_is_reported_not_a_second_manager() {
    let mut session = demo();
    session.managers[3].id = "0071234".to_string();
    let bytes = workbook(|s| {
        s.write_number(1, 0, 71_234.0).unwrap();
        s.write_string(1, 1, "Navn").unwrap();
        s.write_string(1, 2, "KC").unwrap();
    });
    let r = import_managers(&session, &bytes).unwrap();
    assert!(r.added.is_empty(), "{:?}", r.added);
    assert_eq!(
        rejected(&r),
        [
            "ark «Sheet1», række 2, kolonne «Medarbejdernr»: medarbejdernummeret 71234 er samme tal som 0071234, men med andre foranstillede nuller – Excel fjerner nullerne, når kolonnen er formateret som tal: formatér den som tekst, og skriv numrene med nuller"
        ]
    );
    // The history import reports it the same way instead of "ukendt leder".
    let r = import_history(&session, b"Medarbejdernr;2024\n71234;50.000\n").unwrap();
    assert!(rejected(&r)[0].contains("er samme tal som 0071234"), "{:?}", rejected(&r));
}

#[test]
fn ids_differing_by_case_or_an_invisible_character_are_one_manager_or_refused() {
    // kc01, KC01 and KC01+U+200B were three managers.
    let csv = "Medarbejdernr;Navn;Niveau\nkc01;A;KC\nKC01;B;KC\nKC01\u{200B};C;KC\n  KC99 ;D;KC\n";
    let r = import_managers(&demo(), csv.as_bytes()).unwrap();
    assert_eq!(r.updated, ["KC01"], "kc01 is the session's KC01, spelled as the session has it");
    assert_eq!(r.added, ["KC99"], "trimmed");
    assert_eq!(
        rejected(&r),
        [
            "linje 3, kolonne «Medarbejdernr»: id'et KC01 står flere gange i filen (store og små bogstaver regnes for ens)",
            "linje 4, kolonne «Medarbejdernr»: medarbejdernummeret «KC01» indeholder et usynligt tegn eller styretegn (U+200B) – ret cellen i HR-filen",
        ]
    );
    assert_eq!(r.session.managers.iter().filter(|m| m.id.eq_ignore_ascii_case("kc01")).count(), 1);
    let r = import_history(&demo(), "Medarbejdernr;2024\nkc01;50.000\n".as_bytes()).unwrap();
    assert_eq!(r.updated, ["KC01"]);
    assert_eq!(r.session.history["KC01"][&2024], Decimal::from(50_000));
}

#[test]
fn a_utf16_csv_says_which_encoding_to_save_as() {
    let text = "Medarbejdernr;Navn;Niveau\r\nKC01;Anne;KC\r\n";
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let e = import_managers(&demo(), &le).unwrap_err();
    assert_eq!(
        e.why,
        "filen er gemt som UTF-16 LE (Unicode-tekst) – gem den i Excel som «CSV UTF-8 (kommasepareret)», og prøv igen"
    );
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert!(import_managers(&demo(), &be).unwrap_err().why.contains("UTF-16 BE"));
}

#[test]
fn amounts_a_session_cannot_hold_are_rejected_rows() {
    // import wrote a session Kalibrer then refused to open.
    let csv = "Medarbejdernr;Navn;Niveau;Grundløn\nKC01;A;KC;99.999.999.999.999\nKC02;B;KC;600.000\n";
    let r = import_managers(&demo(), csv.as_bytes()).unwrap();
    assert_eq!(
        rejected(&r),
        ["linje 2, kolonne «Grundløn»: grundløn (99999999999999 kr.) er over grænsen på 10.000.000.000 kr."]
    );
    assert!(kalibrer::io::validate(&r.session).iter().all(|p| !p.refuses));
    let r =
        import_history(&demo(), b"Medarbejdernr;2023;2024\nKC01;-45.000;1\nKC02;100000000000;2\nKC03;1;2\n").unwrap();
    assert_eq!(
        rejected(&r),
        [
            "linje 2, kolonne «2023»: beløbet for 2023 (-45000 kr.) er under 0 kr.",
            "linje 3, kolonne «2023»: beløbet for 2023 (100000000000 kr.) er over grænsen på 10.000.000.000 kr.",
        ]
    );
    assert_eq!(r.updated, ["KC03"]);
    assert!(kalibrer::io::validate(&r.session).iter().all(|p| !p.refuses));
}

#[test]
fn a_row_limit_and_a_column_limit_are_stated() {
    let e: RowError = import_managers(&demo(), format!("{}\n", "a;".repeat(1_001)).as_bytes()).unwrap_err();
    assert_eq!(e.why, "linjen har flere end 1.000 kolonner, som er det højeste Kalibrer læser");
}

/// A CSV of a session's managers as HR would send it.
fn hr_csv(session: &Session, id: impl Fn(&str) -> String) -> String {
    let mut csv = String::from("Medarbejdernr;Navn;Niveau;Enhed;Grundløn\n");
    for m in &session.managers {
        let base = m.base_salary.to_string().replace('.', ",");
        csv.push_str(&format!("{};{};{};{};{base}\n", id(&m.id), m.name, m.level, m.unit));
    }
    csv
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A generated session's own managers, exported as HR would and imported back, with
    /// ids in any case and padded with spaces: every row updates its manager, none is
    /// added or rejected, and nothing changes.
    #[test]
    fn generated_rows_import_back_onto_themselves(seed in 0_u64..10_000, flips in proptest::collection::vec(any::<bool>(), 8)) {
        let session = kalibrer::engine::generate::generate(60, seed).unwrap();
        let csv = hr_csv(&session, |id| {
            let spelled: String = id.chars().zip(flips.iter().cycle())
                .map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
                .collect();
            format!(" {spelled}\u{a0}")
        });
        let r = import_managers(&session, csv.as_bytes()).unwrap();
        prop_assert!(r.rejected.is_empty(), "{:?}", rejected(&r));
        prop_assert!(r.added.is_empty());
        prop_assert_eq!(r.updated.len(), session.managers.len());
        prop_assert!(kalibrer::io::import::diff::changes(&session, &r).is_empty());
    }

    /// An invisible or control character anywhere in an id refuses that row and no other.
    #[test]
    fn an_invisible_character_anywhere_in_an_id_is_refused(
        at in 0_usize..5,
        c in prop::sample::select(vec!['\u{200B}', '\u{200E}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{0007}', '\u{001B}', '\u{202E}']),
    ) {
        let mut id: Vec<char> = "KC01".chars().collect();
        id.insert(at.min(id.len()), c);
        let id: String = id.into_iter().collect();
        let csv = format!("Medarbejdernr;Navn;Niveau\n{id};A;KC\nKC02;B;KC\n");
        let r = import_managers(&demo(), csv.as_bytes()).unwrap();
        prop_assert_eq!(r.rejected.len(), 1, "{:?}", rejected(&r));
        prop_assert!(r.rejected[0].why.contains(&format!("U+{:04X}", u32::from(c))), "{:?}", rejected(&r));
        prop_assert_eq!(&r.updated, &["KC02".to_string()]);
    }
}
