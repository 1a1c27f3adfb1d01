//! The CSV dialect Danish Excel reads, written with the `csv` crate: UTF-8 with BOM, `;`
//! separator, CRLF, fields quoted when they hold `;`, `"` or a line break, every row exactly
//! as wide as the header, and text that a spreadsheet would run as a formula neutralised.

use std::borrow::Cow;

/// Put before a text cell that a spreadsheet would read as a formula (OWASP's CSV-injection
/// defence): Excel and LibreOffice show the text, apostrophe included, and never evaluate it.
pub const FORMULA_GUARD: char = '\'';

/// Characters that make a spreadsheet treat a cell as a formula (or as the start of one,
/// for tab and CR, which some readers strip before looking).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The text with [`FORMULA_GUARD`] in front when it begins – after any spaces, which some
/// readers trim on import – with one of [`FORMULA_STARTS`].
#[must_use]
pub fn neutralise(text: &str) -> Cow<'_, str> {
    let first = text.chars().find(|c| !matches!(c, ' ' | '\u{a0}' | '\n'));
    match first {
        Some(c) if FORMULA_STARTS.contains(&c) => Cow::Owned(format!("{FORMULA_GUARD}{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// A whole CSV document: BOM, header and rows, `;` and CRLF. The header is passed through
/// [`neutralise`]; the rows are written as given (the caller neutralises text cells, not
/// numbers: `-5000` stays a number). Rows shorter than the header are padded with empty
/// fields and longer ones cut, so no row is ragged.
///
/// # Errors
/// A Danish message if the `csv` writer fails (it writes to memory, so it should not).
pub fn document<S: AsRef<str>>(header: &[S], rows: &[Vec<String>]) -> Result<String, String> {
    let width = header.len();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    let fail = |e: &dyn std::fmt::Display| format!("CSV-filen kunne ikke dannes: {e}");
    writer.write_record(header.iter().map(|h| neutralise(h.as_ref()).into_owned())).map_err(|e| fail(&e))?;
    for row in rows {
        let cells = (0..width).map(|c| row.get(c).map_or("", String::as_str));
        writer.write_record(cells).map_err(|e| fail(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_semicolons_crlf_and_quoting() {
        let doc = document(&["Navn", "Beløb"], &[vec!["Ida; Holm".into(), "45000,5".into()]]).unwrap();
        assert_eq!(doc, "\u{feff}Navn;Beløb\r\n\"Ida; Holm\";45000,5\r\n");
        let doc = document(&["a"], &[vec!["a\"b".into()], vec!["x\ny".into()]]).unwrap();
        assert_eq!(doc, "\u{feff}a\r\n\"a\"\"b\"\r\n\"x\ny\"\r\n");
    }

    #[test]
    fn rows_are_exactly_as_wide_as_the_header() {
        let doc = document(&["a", "b", "c"], &[vec!["1".into()], vec!["1".into(), "2".into(), "3".into(), "4".into()]])
            .unwrap();
        assert_eq!(doc, "\u{feff}a;b;c\r\n1;;\r\n1;2;3\r\n");
    }

    #[test]
    fn formula_starts_are_guarded_and_other_text_is_not() {
        for hostile in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "\u{a0}+1", "\n-1"] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"), "{hostile:?}");
        }
        for harmless in ["Ida", "–", "1-2", "a=b", "<b>x</b>", "{{beløb}}", "\u{202e}abc", "", "  "] {
            assert_eq!(neutralise(harmless), harmless, "{harmless:?}");
        }
    }
}
