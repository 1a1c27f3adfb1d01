//! Reading an HR file into a [`Sheet`] of text cells: CSV as Danish Excel writes it (see
//! [`super::text`]) or an XLSX workbook via `calamine` (the first sheet with data),
//! recognised by its content, not its name.
//!
//! Every file is read within stated limits, checked before anything is allocated for it
//! (a 5 KB workbook can name a cell at XFD1048576 or a shared string that inflates to
//! gigabytes): [`MAX_FILE_BYTES`] on disk, [`MAX_UNPACKED_BYTES`] unpacked (measured by
//! inflating each part of the workbook into nothing before `calamine` sees it), at most
//! [`MAX_ROWS`] data rows and [`MAX_COLUMNS`] columns, cells of at most
//! [`MAX_CELL_CHARS`] characters. The workbook is read cell by cell (`calamine`'s cell
//! reader), never as one rectangle from A1 to the last cell, so a far-away cell costs
//! nothing. Date-formatted and formula cells are marked, for the import to refuse them in
//! number and id columns.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};

use calamine::{DataRef, Reader};
use rust_decimal::Decimal;

use super::{RowError, text};

/// The largest HR file read: 256 MB.
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// The most an XLSX file may unpack to, all its parts together: 512 MB.
pub const MAX_UNPACKED_BYTES: u64 = 512 << 20;
/// The most parts an XLSX file may have.
pub const MAX_PARTS: usize = 10_000;
/// The most data rows read from a sheet or CSV file: 1,000,000.
pub const MAX_ROWS: usize = 1_000_000;
/// The most columns read: 1,000 (A–ALL); a cell with content further right is refused.
pub const MAX_COLUMNS: usize = 1_000;
/// The longest cell: 32,767 characters (Excel's own limit for a cell).
pub const MAX_CELL_CHARS: usize = 32_767;

/// Why a cell's value cannot be trusted as the number or id it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellMark {
    /// The cell is formatted as a date or time (its number is a day count).
    Date,
    /// The cell holds a formula (its value is whatever Excel last computed, or nothing).
    Formula,
}

/// A sheet of text cells: the header and the data rows, each with its line (CSV) or
/// row number (XLSX), 1-based; empty rows are skipped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    /// The sheet's name for an XLSX file (used in messages), None for CSV.
    pub name: Option<String>,
    /// Line or row of the header.
    pub header_line: usize,
    /// The header's cells.
    pub header: Vec<String>,
    /// The data rows.
    pub rows: Vec<(usize, Vec<String>)>,
    /// Cells that are dates or formulas, by (line, column index).
    pub marks: BTreeMap<(usize, usize), CellMark>,
}

impl Sheet {
    /// A problem at `line`, in column `column` (may be empty), with the sheet's name.
    #[must_use]
    pub fn error(&self, line: usize, column: &str, why: String) -> RowError {
        RowError { sheet: self.name.clone(), line, column: column.to_string(), why }
    }

    /// The mark of the cell at `line`, column `column`, if it is a date or a formula.
    #[must_use]
    pub fn mark(&self, line: usize, column: usize) -> Option<CellMark> {
        self.marks.get(&(line, column)).copied()
    }
}

/// Whether the bytes are a ZIP container (XLSX).
#[must_use]
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads an HR file from disk: a regular file of at most [`MAX_FILE_BYTES`], opened
/// without blocking.
///
/// # Errors
/// A Danish reason (the caller names the file).
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, String> {
    crate::io::regular_file::read_regular(path, MAX_FILE_BYTES).map_err(|e| e.to_string())
}

/// Reads the bytes as XLSX or CSV.
///
/// # Errors
/// A [`RowError`] for an unreadable or empty file, or one beyond the limits.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet, RowError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(whole_file(format!(
            "filen er større end grænsen på {}",
            crate::io::regular_file::size_text(MAX_FILE_BYTES)
        )));
    }
    let (name, mut rows, marks) =
        if is_xlsx(bytes) { xlsx_rows(bytes)? } else { (None, csv_rows(bytes)?, BTreeMap::new()) };
    if rows.is_empty() {
        return Err(RowError { sheet: name, line: 1, column: String::new(), why: "filen er tom".into() });
    }
    let (header_line, header) = rows.remove(0);
    Ok(Sheet { name, header_line, header, rows, marks })
}

/// A problem with the whole file.
fn whole_file(why: String) -> RowError {
    RowError { sheet: None, line: 0, column: String::new(), why }
}

/// "flere end 1.000.000 rækker …": the row limit's message.
fn too_many_rows() -> RowError {
    whole_file("filen har flere end 1.000.000 rækker, som er det højeste Kalibrer læser – del filen op".into())
}

/// The cell-length limit's message for the cell at `place`.
fn too_long(place: &str) -> String {
    format!("cellen {place} har mere end 32.767 tegn (det højeste en celle kan have i Excel) – filen er ikke læst")
}

/// CSV rows: (line number, cells), skipping empty lines.
fn csv_rows(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, RowError> {
    if let Some(which) = text::utf16(bytes) {
        return Err(whole_file(format!(
            "filen er gemt som {which} – gem den i Excel som «CSV UTF-8 (kommasepareret)», og prøv igen"
        )));
    }
    let (text, _) = text::decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(text::separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    // The csv crate's own line numbers skip blank lines and miscount after CRLF (Danish
    // Excel's line ending): count the line feeds before the record's first byte instead.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0_usize, 1_usize);
    let mut line_at = |start: usize| {
        let start = start.min(bytes.len());
        let first = start + bytes[start..].iter().take_while(|b| matches!(b, b'\n' | b'\r')).count();
        line += bytes[counted_to.min(first)..first].iter().filter(|b| **b == b'\n').count();
        counted_to = counted_to.max(first);
        line
    };
    for record in reader.records() {
        let record = record.map_err(|e| RowError {
            sheet: None,
            line: e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
            column: String::new(),
            why: format!("ulæselig CSV: {e}"),
        })?;
        let line = record.position().map_or(0, |p| line_at(usize::try_from(p.byte()).unwrap_or(0)));
        if record.len() > MAX_COLUMNS {
            return Err(RowError {
                sheet: None,
                line,
                column: String::new(),
                why: "linjen har flere end 1.000 kolonner, som er det højeste Kalibrer læser".into(),
            });
        }
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if let Some(k) = cells.iter().position(|c| c.chars().count() > MAX_CELL_CHARS) {
            return Err(RowError {
                sheet: None,
                line,
                column: String::new(),
                why: too_long(&format!("i kolonne {}", k + 1)),
            });
        }
        if cells.iter().any(|c| !c.is_empty()) {
            if out.len() > MAX_ROWS {
                return Err(too_many_rows());
            }
            out.push((line, cells));
        }
    }
    Ok(out)
}

/// A cell as text: numbers with a decimal comma and no thousands separator (so the
/// Danish amount parser reads them), booleans as ja/nej; dates as their day count (marked
/// [`CellMark::Date`] by the caller).
fn cell_text(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.trim().to_string(),
        DataRef::SharedString(s) => s.trim().to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "ja" } else { "nej" }.to_string(),
        DataRef::DateTime(d) => number_text(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
    }
}

/// A number as the Danish amount parser reads it: decimal comma, at most two decimals.
fn number_text(f: f64) -> String {
    match Decimal::try_from(f) {
        Ok(d) => d.round_dp(2).normalize().to_string().replace('.', ","),
        Err(_) => f.to_string(),
    }
}

/// "A1", "XFD1048576": a cell's reference from its zero-based position.
#[must_use]
pub fn cell_ref(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut c = u64::from(column) + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), u64::from(row) + 1)
}

/// The rows of the first sheet that holds data, and its date and formula cells.
type NamedRows = (Option<String>, Vec<(usize, Vec<String>)>, BTreeMap<(usize, usize), CellMark>);

/// An XLSX file that cannot be read, with the reader's reason.
fn unreadable(e: &dyn std::fmt::Display) -> RowError {
    whole_file(format!("ulæselig Excel-fil: {e}"))
}

/// Refuses a workbook whose parts unpack to more than [`MAX_UNPACKED_BYTES`] (or that has
/// more than [`MAX_PARTS`] parts), by inflating each part into nothing and counting, with
/// the count stopped at the limit: the sizes the archive states are not trusted.
fn check_unpacked(bytes: &[u8]) -> Result<(), RowError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    if zip.len() > MAX_PARTS {
        return Err(unreadable(&"filen har flere end 10.000 dele"));
    }
    let over = || {
        whole_file(format!(
            "Excel-filen fylder mere end {} udpakket, som er det højeste Kalibrer læser – filen er ikke læst",
            crate::io::regular_file::size_text(MAX_UNPACKED_BYTES)
        ))
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        // The stated size first (cheap), then the real one.
        if part.size() > MAX_UNPACKED_BYTES - total {
            return Err(over());
        }
        let left = MAX_UNPACKED_BYTES - total;
        let read = std::io::copy(&mut part.take(left + 1), &mut std::io::sink()).map_err(|e| unreadable(&e))?;
        if read > left {
            return Err(over());
        }
        total += read;
    }
    Ok(())
}

/// XLSX rows of the first non-empty sheet.
///
/// The workbook reader is third-party code fed with whatever file the user picked; it has
/// panicked on damaged workbooks (calamine 0.38 overflows on an overlong cell reference,
/// found by `tests/xlsx.rs`'s fuzz test). A panic there is a damaged file, answered with a
/// Danish message like any other unreadable file, never a crash that loses the session.
fn xlsx_rows(bytes: &[u8]) -> Result<NamedRows, RowError> {
    check_unpacked(bytes)?;
    std::panic::catch_unwind(|| xlsx_rows_unguarded(bytes))
        .unwrap_or_else(|_| Err(unreadable(&"filen er beskadiget (en celle kan ikke læses)")))
}

/// [`xlsx_rows`] without the guard against the reader's panics.
fn xlsx_rows_unguarded(bytes: &[u8]) -> Result<NamedRows, RowError> {
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    for name in book.sheet_names() {
        let mut reader = book.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?;
        let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        let mut marks = BTreeMap::new();
        while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(|e| unreadable(&e))? {
            let (row, column) = cell.pos;
            let text = cell_text(&cell.value);
            let mark = if cell.formula.is_some() {
                Some(CellMark::Formula)
            } else if matches!(cell.value, DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_)) {
                Some(CellMark::Date)
            } else {
                None
            };
            if text.is_empty() && mark.is_none() {
                continue;
            }
            let place = cell_ref(row, column);
            let col = usize::try_from(column).unwrap_or(usize::MAX);
            if col >= MAX_COLUMNS {
                return Err(whole_file(format!(
                    "ark «{name}»: cellen {place} ligger uden for de første 1.000 kolonner (A–ALL), som er dem Kalibrer læser – slet den, eller flyt tabellen"
                )));
            }
            if text.chars().count() > MAX_CELL_CHARS {
                return Err(whole_file(format!("ark «{name}»: {}", too_long(&place))));
            }
            if !rows.contains_key(&row) && rows.len() > MAX_ROWS {
                return Err(too_many_rows());
            }
            let line = usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1);
            if let Some(mark) = mark {
                marks.insert((line, col), mark);
            }
            let cells = rows.entry(row).or_default();
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            cells[col] = text;
        }
        if !rows.is_empty() {
            let out = rows
                .into_iter()
                .map(|(row, cells)| (usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1), cells))
                .collect();
            return Ok((Some(name), out, marks));
        }
    }
    Ok((None, Vec::new(), BTreeMap::new()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_numbers_are_right_with_crlf_as_danish_excel_writes() {
        // The csv crate counted the second CRLF record as line 1.
        let lines = |b: &[u8]| super::csv_rows(b).unwrap().iter().map(|r| r.0).collect::<Vec<_>>();
        assert_eq!(lines(b"a;b\r\nc;d\r\n\r\ne;f\r\n"), vec![1, 2, 4]);
        assert_eq!(lines(b"a;b\nc;d\ne;f\n"), vec![1, 2, 3]);
    }
}
