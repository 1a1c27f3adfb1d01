//! XLSX output via `rust_xlsxwriter`, the format for people: one sheet per [`Table`], a
//! bold frozen header repeated on every printed page, amounts as numbers formatted
//! `#.##0 kr.` in columns wide enough for the formatted text (never `###`), a bold totals
//! row and the notes below; A4 landscape, one page wide, with organisation and year in the
//! page header and "Side x af y" in the footer.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::tables::{Table, Value};

/// Excel number format for kr. amounts; Danish Excel shows it as `45.000 kr.`.
pub const KR_FORMAT: &str = "#,##0 \"kr.\"";
/// Excel number format for percentages stored as 12.5 meaning 12,5 %.
pub const PERCENT_FORMAT: &str = "0.0 \"%\"";

/// The widest amount an amount column is sized for, whatever the amounts in it.
pub const WIDEST_AMOUNT: &str = "12.345.678 kr.";

/// The longest text Excel keeps in a cell, in UTF-16 code units.
pub const MAX_CELL_TEXT: usize = 32_767;

/// Put at the end of a text cut to [`MAX_CELL_TEXT`], so a reader sees that it was cut.
pub const TRUNCATED_MARKER: &str = " … [afkortet]";

/// The longest sheet name Excel accepts, in UTF-16 code units.
const MAX_SHEET_NAME: usize = 31;

/// A sheet name Excel reserves for itself (case-insensitive).
const RESERVED_SHEET_NAME: &str = "History";

/// Characters Excel does not allow in a sheet name.
const FORBIDDEN_IN_SHEET_NAME: &str = "[]:*?/\\";

/// Widest a column of text gets, in characters; longer text wraps onto more lines, so a
/// long unit or pay-form name does not shrink the whole printed page.
const MAX_TEXT_WIDTH: usize = 30;

/// Text longer than this does not wrap (a row would grow to Excel's maximum height); it
/// is cut off at the column's edge on screen and on paper.
const MAX_WRAPPED_TEXT: usize = 500;

/// Extra width per column for the cell's padding, in characters.
const COLUMN_PADDING: f64 = 2.0;

/// Wrapping at word boundaries leaves part of each line empty: a wrapped text needs this
/// much more room than its characters.
const WRAP_SLACK: f64 = 1.15;

/// An average letter's width relative to the digit `0` that Excel's column widths count.
const LETTER_WIDTH: f64 = 0.85;

/// Bold digits and letters are wider than regular ones.
const BOLD_FACTOR: f64 = 1.15;

/// A sheet with at most this many rows is printed on one page; longer ones one page wide.
const ONE_PAGE_ROWS: usize = 40;

/// Excel's paper size code for A4.
const PAPER_A4: u8 = 9;

/// The longest heading in the printed page header (Excel allows 255 for the whole header).
const MAX_HEADING: usize = 100;

/// Height of one line of text in points (Calibri 11).
const LINE_HEIGHT: f64 = 15.0;

/// The length Excel counts: UTF-16 code units.
fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The longest prefix of `text` of at most `max` UTF-16 code units, on a character boundary.
fn utf16_prefix(text: &str, max: usize) -> &str {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &text[..at];
        }
    }
    text
}

/// The text as Excel can hold it: longer than [`MAX_CELL_TEXT`] it is cut and ends with
/// [`TRUNCATED_MARKER`].
#[must_use]
pub fn cell_text(text: &str) -> Cow<'_, str> {
    if utf16_len(text) <= MAX_CELL_TEXT {
        return Cow::Borrowed(text);
    }
    let kept = utf16_prefix(text, MAX_CELL_TEXT - utf16_len(TRUNCATED_MARKER));
    Cow::Owned(format!("{kept}{TRUNCATED_MARKER}"))
}

/// A name cut to Excel's sheet-name length without a space or apostrophe at the end.
fn fit_sheet_name(name: &str, max: usize) -> String {
    utf16_prefix(name, max).trim_end_matches([' ', '\'']).to_string()
}

/// A valid, unique sheet name: forbidden and control characters replaced, no apostrophe
/// at either end, not Excel's reserved "History", at most 31 characters, and not equal
/// (ignoring case, as Excel does) to a name in `taken` – also after shortening.
fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String =
        wanted.chars().map(|c| if FORBIDDEN_IN_SHEET_NAME.contains(c) || c.is_control() { '-' } else { c }).collect();
    let clean = clean.trim_matches(|c: char| c.is_whitespace() || c == '\'');
    let clean = if clean.eq_ignore_ascii_case(RESERVED_SHEET_NAME) { format!("{clean} (ark)") } else { clean.into() };
    let base = Some(fit_sheet_name(&clean, MAX_SHEET_NAME)).filter(|b| !b.is_empty()).unwrap_or_else(|| "Ark".into());
    let is_taken = |name: &str| taken.iter().any(|t| t.to_lowercase() == name.to_lowercase());
    let mut name = base.clone();
    let mut k = 2;
    while is_taken(&name) {
        let suffix = format!(" {k}");
        name = fit_sheet_name(&base, MAX_SHEET_NAME - suffix.len()) + &suffix;
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
    // Top-aligned, so a row with a wrapped cell reads along its first line.
    let base = Format::new().set_align(FormatAlign::Top);
    let base = if bold { base.set_bold() } else { base };
    match value {
        Value::Empty => {
            if bold {
                sheet.write_blank(row, col, &base)?;
            }
        }
        Value::Text(t) => {
            let format = if wrapped_chars(t).is_some() { base.set_text_wrap() } else { base };
            sheet.write_string_with_format(row, col, cell_text(t), &format)?;
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

/// The length of a text that wraps in its cell (longer than [`MAX_TEXT_WIDTH`], at most
/// [`MAX_WRAPPED_TEXT`]), None for one that stays on one line.
fn wrapped_chars(text: &str) -> Option<usize> {
    let chars = text.chars().take(MAX_WRAPPED_TEXT + 1).count();
    (chars > MAX_TEXT_WIDTH && chars <= MAX_WRAPPED_TEXT).then_some(chars)
}

/// Lines a wrapped text of `chars` characters (already scaled for bold) takes in a column
/// `width` wide: letters are narrower than the digit Excel's width counts in
/// ([`LETTER_WIDTH`]), and wrapping at words leaves part of each line empty ([`WRAP_SLACK`]).
fn wrapped_lines(chars: f64, width: f64) -> f64 {
    let room = (width - 1.0).max(1.0);
    let needed = chars * LETTER_WIDTH;
    if needed <= room { 1.0 } else { (needed * WRAP_SLACK / room).ceil() }
}

/// The width a header needs: its longest word, in bold (the header wraps between words).
fn header_width(header: &str) -> f64 {
    header.split_whitespace().map(|w| shown_width(&Value::Text(w.into()), true)).fold(0.0, f64::max)
}

/// How many characters wide a cell is shown (text capped at [`MAX_TEXT_WIDTH`]).
fn shown_width(value: &Value, bold: bool) -> f64 {
    let chars = match value {
        Value::Text(t) => t.chars().take(MAX_TEXT_WIDTH).count(),
        other => other.display_text().chars().count(),
    };
    #[allow(clippy::cast_precision_loss)] // a handful of characters
    let chars = chars as f64;
    if bold { chars * BOLD_FACTOR } else { chars }
}

/// Each column's width in Excel's units (characters): the widest of its header's longest
/// word, its cells and totals as shown (text at most [`MAX_TEXT_WIDTH`]), an amount column
/// at least [`WIDEST_AMOUNT`] in bold.
#[must_use]
pub fn column_widths(table: &Table) -> Vec<f64> {
    let columns = table.rows.iter().chain(&table.footer).map(Vec::len).chain([table.header.len()]).max();
    let mut widths = vec![0.0_f64; columns.unwrap_or(0)];
    let mut widen = |c: usize, w: f64| widths[c] = widths[c].max(w);
    for (c, h) in table.header.iter().enumerate() {
        widen(c, header_width(h));
    }
    let rows = table.rows.iter().map(|r| (r, false)).chain(table.footer.iter().map(|r| (r, true)));
    for (row, bold) in rows {
        for (c, v) in row.iter().enumerate() {
            widen(c, shown_width(v, bold));
            if matches!(v, Value::Kr(_)) {
                widen(c, shown_width(&Value::Text(WIDEST_AMOUNT.into()), true));
            }
        }
    }
    widths.into_iter().map(|w| (w + COLUMN_PADDING).ceil()).collect()
}

/// Text for Excel's page header: one line, `&` doubled (a single one starts a code),
/// at most [`MAX_HEADING`] characters.
fn header_text(text: &str) -> String {
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    utf16_prefix(&line, MAX_HEADING).replace('&', "&&")
}

/// A4 landscape, one page wide (a short sheet on one page), the header row repeated on
/// every page, `heading` and the sheet name in the page header, "Side x af y" in the footer.
fn page_setup(sheet: &mut Worksheet, table: &Table, heading: &str) -> Result<(), XlsxError> {
    let rows = 1 + table.rows.len() + table.footer.len() + 2 * table.notes.len();
    sheet.set_paper_size(PAPER_A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, u16::from(rows <= ONE_PAGE_ROWS));
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_header(format!("&L{}&R&A", header_text(heading)));
    sheet.set_footer("&CSide &P af &N");
    Ok(())
}

/// Writes the notes under the table, each across the table's width and wrapped.
fn write_notes(sheet: &mut Worksheet, mut r: u32, table: &Table, widths: &[f64]) -> Result<(), XlsxError> {
    let wrap = Format::new().set_text_wrap();
    let total_width: f64 = widths.iter().sum::<f64>().max(1.0);
    for note in &table.notes {
        r += 1;
        let text = cell_text(note);
        if widths.len() > 1 {
            sheet.merge_range(r, 0, r, col(widths.len() - 1), text.as_ref(), &wrap)?;
        } else {
            sheet.write_string_with_format(r, 0, text.as_ref(), &wrap)?;
        }
        #[allow(clippy::cast_precision_loss)] // a note is a few lines
        let lines = ((text.chars().count() as f64 * 1.1) / total_width).ceil().clamp(1.0, 20.0);
        sheet.set_row_height(r, LINE_HEIGHT * lines)?;
    }
    Ok(())
}

/// Lines the tallest wrapped cell of a row takes.
fn row_lines(row: &[Value], widths: &[f64], bold: bool) -> f64 {
    let lines = row.iter().zip(widths).filter_map(|(v, w)| {
        let Value::Text(t) = v else { return None };
        #[allow(clippy::cast_precision_loss)] // at most MAX_WRAPPED_TEXT
        let chars = wrapped_chars(t)? as f64 * if bold { BOLD_FACTOR } else { 1.0 };
        Some(wrapped_lines(chars, *w))
    });
    lines.fold(1.0, f64::max)
}

/// Makes row `r` tall enough for `lines` lines of text (one line keeps Excel's default).
fn set_lines(sheet: &mut Worksheet, r: u32, lines: f64) -> Result<(), XlsxError> {
    if lines > 1.0 {
        sheet.set_row_height(r, LINE_HEIGHT * lines)?;
    }
    Ok(())
}

/// Writes one table to a new sheet.
fn write_table(sheet: &mut Worksheet, table: &Table, heading: &str) -> Result<(), XlsxError> {
    let header_format =
        Format::new().set_bold().set_text_wrap().set_border_bottom(FormatBorder::Thin).set_align(FormatAlign::Bottom);
    for (c, h) in table.header.iter().enumerate() {
        // A number column's header stands over its right-aligned numbers.
        let numeric = table
            .rows
            .first()
            .and_then(|r| r.get(c))
            .is_some_and(|v| matches!(v, Value::Kr(_) | Value::Percent(_) | Value::Count(_)));
        let format = if numeric { header_format.clone().set_align(FormatAlign::Right) } else { header_format.clone() };
        sheet.write_string_with_format(0, col(c), cell_text(h), &format)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let widths = column_widths(table);
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col(c), *w)?;
    }
    // Spreadsheets do not size a row for wrapped text in a file they open (LibreOffice
    // overlaps the next row), so each row that wraps gets its height here.
    let header_lines = table
        .header
        .iter()
        .zip(&widths)
        .map(|(h, w)| wrapped_lines(shown_width(&Value::Text(h.clone()), true), *w))
        .fold(1.0, f64::max);
    set_lines(sheet, 0, header_lines)?;
    let mut r: u32 = 1;
    let rows = table.rows.iter().map(|row| (row, false)).chain(table.footer.iter().map(|row| (row, true)));
    for (row, bold) in rows {
        for (c, v) in row.iter().enumerate() {
            write_cell(sheet, (r, col(c)), v, bold)?;
        }
        set_lines(sheet, r, row_lines(row, &widths, bold))?;
        r += 1;
    }
    write_notes(sheet, r, table, &widths)?;
    page_setup(sheet, table, heading)
}

/// A column index as Excel's type (tables here have a handful of columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// What went wrong, in Danish.
fn danish(e: &XlsxError) -> String {
    match e {
        XlsxError::RowColumnLimitError => "for mange rækker eller kolonner til et Excel-ark".to_string(),
        XlsxError::MaxStringLengthExceeded => "en tekst er længere end Excels grænse på 32.767 tegn".to_string(),
        other => format!("Excel-filen kunne ikke dannes ({other})"),
    }
}

/// The workbook's bytes: one sheet per table, in order; `heading` (organisation and year)
/// is printed at the top of every page.
///
/// # Errors
/// A Danish message naming the sheet when the workbook cannot be built.
pub fn workbook(tables: &[Table], heading: &str) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let mut taken: Vec<String> = Vec::new();
    for table in tables {
        let name = sheet_name(&table.sheet, &taken);
        let sheet = book.add_worksheet();
        sheet.set_name(&name).map_err(|e| format!("arket «{name}»: {}", danish(&e)))?;
        write_table(sheet, table, heading).map_err(|e| format!("arket «{name}»: {}", danish(&e)))?;
        taken.push(name);
    }
    book.save_to_buffer().map_err(|e| danish(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        assert_eq!(sheet_name("A/B", &[]), "A-B");
        assert_eq!(sheet_name("Oversigt", &["oversigt".into()]), "Oversigt 2");
        assert_eq!(sheet_name("ÆBLE", &["æble".into()]), "ÆBLE 2", "Excel ignores case beyond ASCII");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
        assert_eq!(sheet_name(&long, &[sheet_name(&long, &[])]), format!("{} 2", "x".repeat(29)));
        assert_eq!(sheet_name(" ", &[]), "Ark");
        assert_eq!(sheet_name("'Kontorchef'", &[]), "Kontorchef");
        assert_eq!(sheet_name("'Kontorchef'", &["Kontorchef".into()]), "Kontorchef 2");
        assert_eq!(sheet_name("''", &[]), "Ark");
        assert_eq!(sheet_name("history", &[]), "history (ark)");
        assert_eq!(sheet_name("A[1]:*?\\b\t", &[]), "A-1-----b-");
        // Cut on the 31st character, an apostrophe there is dropped too.
        let cut = format!("{}'{}", "y".repeat(30), "z".repeat(5));
        assert_eq!(sheet_name(&cut, &[]), "y".repeat(30));
        // 😀 is two UTF-16 units, which Excel counts.
        let emoji = "😀".repeat(20);
        assert_eq!(utf16_len(&sheet_name(&emoji, &[])), 30);
    }

    #[test]
    fn long_text_is_cut_with_a_marker() {
        let name = "å".repeat(40_000);
        let cut = cell_text(&name);
        assert_eq!(utf16_len(&cut), MAX_CELL_TEXT);
        assert!(cut.ends_with(TRUNCATED_MARKER) && cut.starts_with("ååå"));
        assert_eq!(cell_text("Ida"), "Ida");
        let exact = "a".repeat(MAX_CELL_TEXT);
        assert_eq!(cell_text(&exact), exact);
    }

    #[test]
    fn amount_columns_fit_the_widest_formatted_amount() {
        let mut t = Table::new("T", &["navn", "beløb"]);
        t.rows.push(vec!["Ida".into(), Value::Kr(rust_decimal::Decimal::from(5))]);
        let w = column_widths(&t);
        // "12.345.678 kr." is 14 characters, bold 16,1, + 2 padding → 19.
        assert_eq!(w, vec![7.0, 19.0]);
        assert_eq!(header_text("A & B\n2025"), "A && B 2025");
    }
}
