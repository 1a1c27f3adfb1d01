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
}
