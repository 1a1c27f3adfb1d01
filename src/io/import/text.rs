//! Decoding the bytes of a CSV file as Danish Excel writes them: UTF-8 with or without
//! BOM, or Windows-1252 (detected when the bytes are not valid UTF-8), and guessing the
//! separator (`;`, tab or `,`).

/// Windows-1252 code points for bytes 0x80–0x9F (the rest equals Latin-1).
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

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
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => CP1252_80_9F[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect();
            (text, Encoding::Windows1252)
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
