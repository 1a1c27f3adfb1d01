//! XLSX output via `rust_xlsxwriter`: one sheet per [`Table`], bold frozen header,
//! amounts as numbers formatted `#.##0 kr.` (Excel shows the user's locale separators),
//! a bold totals row and the notes below.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::tables::{Table, Value};

/// Excel number format for kr. amounts; Danish Excel shows it as `45.000 kr.`.
pub const KR_FORMAT: &str = "#,##0 \"kr.\"";
/// Excel number format for percentages stored as 12.5 meaning 12,5 %.
pub const PERCENT_FORMAT: &str = "0.0 \"%\"";

/// The longest sheet name Excel accepts.
const MAX_SHEET_NAME: usize = 31;

/// A valid, unique sheet name: forbidden characters replaced, at most 31 characters.
fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String =
        wanted.chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).take(MAX_SHEET_NAME).collect();
    let base = if clean.trim().is_empty() { "Ark".to_string() } else { clean };
    let mut name = base.clone();
    let mut k = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" {k}");
        name = base.chars().take(MAX_SHEET_NAME - suffix.chars().count()).collect::<String>() + &suffix;
        k += 1;
    }
    name
}

/// Converts an exact amount to Excel's number (Excel stores doubles; this is the boundary).
fn excel_number(v: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    v.to_f64().unwrap_or(0.0)
}

/// Writes one cell.
fn write_cell(sheet: &mut Worksheet, (row, col): (u32, u16), value: &Value, bold: bool) -> Result<(), XlsxError> {
    let base = if bold { Format::new().set_bold() } else { Format::new() };
    match value {
        Value::Empty => {
            if bold {
                sheet.write_blank(row, col, &base)?;
            }
        }
        Value::Text(t) => {
            sheet.write_string_with_format(row, col, t, &base)?;
        }
        Value::Kr(v) => {
            sheet.write_number_with_format(row, col, excel_number(*v), &base.set_num_format(KR_FORMAT))?;
        }
        Value::Percent(v) => {
            sheet.write_number_with_format(row, col, excel_number(*v), &base.set_num_format(PERCENT_FORMAT))?;
        }
        Value::Count(n) => {
            sheet.write_number_with_format(row, col, u32::try_from(*n).unwrap_or(u32::MAX), &base)?;
        }
    }
    Ok(())
}

/// Writes one table to a new sheet.
fn write_table(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let header_format = Format::new().set_bold().set_text_wrap();
    for (c, h) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), h, &header_format)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut r: u32 = 1;
    for row in &table.rows {
        for (c, v) in row.iter().enumerate() {
            write_cell(sheet, (r, col(c)), v, false)?;
        }
        r += 1;
    }
    for footer in &table.footer {
        for (c, v) in footer.iter().enumerate() {
            write_cell(sheet, (r, col(c)), v, true)?;
        }
        r += 1;
    }
    for note in &table.notes {
        r += 1;
        sheet.write_string(r, 0, note)?;
    }
    sheet.autofit();
    Ok(())
}

/// A column index as Excel's type (tables here have a handful of columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// The workbook's bytes: one sheet per table, in order.
///
/// # Errors
/// A Danish message naming the sheet when the workbook cannot be built.
pub fn workbook(tables: &[Table]) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let mut taken: Vec<String> = Vec::new();
    for table in tables {
        let name = sheet_name(&table.sheet, &taken);
        let sheet = book.add_worksheet();
        sheet.set_name(&name).map_err(|e| format!("arket «{name}»: {e}"))?;
        write_table(sheet, table).map_err(|e| format!("arket «{name}»: {e}"))?;
        taken.push(name);
    }
    book.save_to_buffer().map_err(|e| format!("Excel-filen kunne ikke dannes: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        assert_eq!(sheet_name("A/B", &[]), "A-B");
        assert_eq!(sheet_name("Oversigt", &["oversigt".into()]), "Oversigt 2");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
        assert_eq!(sheet_name(&long, &[sheet_name(&long, &[])]).chars().count(), 31);
        assert_eq!(sheet_name(" ", &[]), "Ark");
    }
}
