//! The CSV dialect Danish Excel reads and writes: UTF-8 with BOM, `;` separator, CRLF,
//! decimal comma, fields quoted when they hold `;`, `"` or a line break.

/// Quotes a field when needed.
#[must_use]
pub fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// A whole CSV document: BOM, header and rows, `;` and CRLF.
#[must_use]
pub fn document<S: AsRef<str>>(header: &[S], rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    let line = |cells: Vec<String>| cells.join(";") + "\r\n";
    out.push_str(&line(header.iter().map(|h| field(h.as_ref())).collect()));
    for row in rows {
        out.push_str(&line(row.iter().map(|c| field(c)).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_semicolons_crlf_and_quoting() {
        let doc = document(&["Navn", "Beløb"], &[vec!["Ida; Holm".into(), "45.000,50".into()]]);
        assert_eq!(doc, "\u{feff}Navn;Beløb\r\n\"Ida; Holm\";45.000,50\r\n");
        assert_eq!(field("a\"b"), "\"a\"\"b\"");
    }
}
