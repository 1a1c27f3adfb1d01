//! Reading an HR file into a [`Sheet`] of text cells: CSV as Danish Excel writes it (see
//! [`super::text`]) or an XLSX workbook via `calamine` (the first sheet with data),
//! recognised by its content, not its name.

use std::io::Cursor;

use calamine::{Data, Reader};
use rust_decimal::Decimal;

use super::{RowError, text};

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
}

impl Sheet {
    /// A problem at `line`, in column `column` (may be empty), with the sheet's name.
    #[must_use]
    pub fn error(&self, line: usize, column: &str, why: String) -> RowError {
        RowError { sheet: self.name.clone(), line, column: column.to_string(), why }
    }
}

/// Whether the bytes are a ZIP container (XLSX).
#[must_use]
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads the bytes as XLSX or CSV.
///
/// # Errors
/// A [`RowError`] for an unreadable or empty file.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet, RowError> {
    let (name, mut rows) = if is_xlsx(bytes) { xlsx_rows(bytes)? } else { (None, csv_rows(bytes)?) };
    if rows.is_empty() {
        return Err(RowError { sheet: name, line: 1, column: String::new(), why: "filen er tom".into() });
    }
    let (header_line, header) = rows.remove(0);
    Ok(Sheet { name, header_line, header, rows })
}

/// CSV rows: (line number, cells), skipping empty lines.
fn csv_rows(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, RowError> {
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
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            out.push((line, cells));
        }
    }
    Ok(out)
}

/// A cell as text: numbers with a decimal comma and no thousands separator (so the
/// Danish amount parser reads them), booleans as ja/nej.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => match Decimal::try_from(*f) {
            Ok(d) => d.round_dp(2).normalize().to_string().replace('.', ","),
            Err(_) => f.to_string(),
        },
        Data::Bool(b) => if *b { "ja" } else { "nej" }.to_string(),
        other => other.to_string(),
    }
}

/// The rows of the first sheet that holds data.
type NamedRows = (Option<String>, Vec<(usize, Vec<String>)>);

/// An XLSX file that cannot be read, with the reader's reason.
fn unreadable(e: &dyn std::fmt::Display) -> RowError {
    RowError { sheet: None, line: 0, column: String::new(), why: format!("ulæselig Excel-fil: {e}") }
}

/// XLSX rows of the first non-empty sheet.
///
/// The workbook reader is third-party code fed with whatever file the user picked; it has
/// panicked on damaged workbooks (calamine 0.38 overflows on an overlong cell reference,
/// found by `tests/xlsx.rs`'s fuzz test). A panic there is a damaged file, answered with a
/// Danish message like any other unreadable file, never a crash that loses the session.
fn xlsx_rows(bytes: &[u8]) -> Result<NamedRows, RowError> {
    std::panic::catch_unwind(|| xlsx_rows_unguarded(bytes))
        .unwrap_or_else(|_| Err(unreadable(&"filen er beskadiget (en celle kan ikke læses)")))
}

/// [`xlsx_rows`] without the guard against the reader's panics.
fn xlsx_rows_unguarded(bytes: &[u8]) -> Result<NamedRows, RowError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let names = book.sheet_names();
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
        let Some((first_row, _)) = range.start() else { continue };
        let first_col = range.start().map_or(0, |(_, c)| c);
        let mut out = Vec::new();
        for (k, row) in range.rows().enumerate() {
            // Columns before the used range's start are empty; keep positions stable.
            let mut cells: Vec<String> = vec![String::new(); usize::try_from(first_col).unwrap_or(0)];
            cells.extend(row.iter().map(cell_text));
            if cells.iter().any(|c| !c.is_empty()) {
                let line = usize::try_from(first_row).unwrap_or(0) + k + 1;
                out.push((line, cells));
            }
        }
        if !out.is_empty() {
            return Ok((Some(name), out));
        }
    }
    Ok((None, Vec::new()))
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
