//! Decoding the bytes of a CSV file as Danish Excel writes them: UTF-8 with or without
//! BOM, or Windows-1252 (detected when the bytes are not valid UTF-8), and guessing the
//! separator (`;`, tab or `,`).

/// Which encoding the text had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without BOM).
    Utf8,
    /// Windows-1252.
    Windows1252,
}

/// Decodes the bytes; never fails.
#[must_use]
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => {
            // Not UTF-8: Danish Excel's legacy encoding (the WHATWG decoder maps every byte).
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), Encoding::Windows1252)
        }
    }
}

/// Which UTF-16 the bytes are ("UTF-16 (Unicode-tekst)" with its byte order), when they
/// are: a UTF-16 byte-order mark, or – without one – NUL bytes in every other place of
/// the first line, as Excel's "Unicode-tekst" writes Danish text. None for anything else.
#[must_use]
pub fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("UTF-16 LE (Unicode-tekst)");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16 BE (Unicode-tekst)");
    }
    let head = &bytes[..bytes.len().min(200)];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zero_at = |offset: usize| head.iter().skip(offset).step_by(2).take(pairs).filter(|b| **b == 0).count();
    if zero_at(1) * 10 >= pairs * 9 {
        Some("UTF-16 LE (Unicode-tekst)")
    } else if zero_at(0) * 10 >= pairs * 9 {
        Some("UTF-16 BE (Unicode-tekst)")
    } else {
        None
    }
}

/// The separator of the header line: `;` if present, else tab, else `,`.
#[must_use]
pub fn separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if header.contains(';') {
        b';'
    } else if header.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_windows_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFNavn;\xC3\xA6").0, "Navn;æ");
        let (text, enc) = decode(b"S\xf8ren \xc6blet \xe5 \x80");
        assert_eq!((text.as_str(), enc), ("Søren Æblet å €", Encoding::Windows1252));
        assert_eq!(separator("a;b,c"), b';');
        assert_eq!(separator("\n\na\tb"), b'\t');
        assert_eq!(separator("a,b"), b',');
    }

    #[test]
    fn utf16_is_recognised_with_and_without_its_mark() {
        let le: Vec<u8> = "Medarbejdernr;Navn".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Medarbejdernr;Navn".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16(&le), Some("UTF-16 LE (Unicode-tekst)"));
        assert_eq!(utf16(&be), Some("UTF-16 BE (Unicode-tekst)"));
        assert_eq!(utf16(&[&[0xFF, 0xFE][..], &le].concat()), Some("UTF-16 LE (Unicode-tekst)"));
        assert_eq!(utf16("Medarbejdernr;Navn\nØ;Å".as_bytes()), None);
        assert_eq!(utf16(b"S\xf8ren"), None);
    }
}
