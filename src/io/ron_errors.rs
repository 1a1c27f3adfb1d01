//! RON parser errors in Danish: what was expected, in words a user understands.

use ron::error::Error;

/// The Danish explanation of a RON error.
#[must_use]
pub fn danish(error: &Error) -> String {
    let field = |outer: &Option<String>| outer.as_ref().map_or(String::new(), |o| format!(" i «{o}»"));
    match error {
        Error::Eof => "filen slutter for tidligt – den er måske afkortet".to_string(),
        Error::ExpectedArray => "her forventedes en liste «[ … ]»".to_string(),
        Error::ExpectedArrayEnd => "her forventedes «]» eller «,»".to_string(),
        Error::ExpectedComma => "her mangler et komma".to_string(),
        Error::ExpectedBoolean => "her forventedes true eller false".to_string(),
        Error::ExpectedInteger => "her forventedes et helt tal".to_string(),
        Error::IntegerOutOfBounds => {
            "tallet er uden for det tilladte område (en score skal ligge på skalaen, fx 1–6)".to_string()
        }
        Error::ExpectedFloat => "her forventedes et tal".to_string(),
        Error::ExpectedOption => "her forventedes Some( … ) eller None".to_string(),
        Error::ExpectedOptionEnd | Error::ExpectedStructLikeEnd => "her forventedes «)»".to_string(),
        Error::ExpectedMap => "her forventedes en tabel «{ … }»".to_string(),
        Error::ExpectedMapColon => "her forventedes «:»".to_string(),
        Error::ExpectedMapEnd => "her forventedes «}» eller «,»".to_string(),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => "her forventedes «( … )»".to_string(),
        Error::ExpectedString | Error::ExpectedStringEnd => "her forventedes en tekst i anførselstegn".to_string(),
        Error::ExpectedIdentifier => "her forventedes et feltnavn".to_string(),
        Error::UnexpectedChar(c) => format!("uventet tegn «{c}»"),
        Error::TrailingCharacters => "der står noget efter sessionens afslutning".to_string(),
        Error::UnclosedBlockComment | Error::UnclosedLineComment => "en kommentar er ikke afsluttet".to_string(),
        Error::Utf8Error(_) => "filen er ikke gyldig UTF-8".to_string(),
        Error::InvalidValueForType { expected, found } => {
            format!("her forventedes {}, men der står {}", expected_words(expected), found_words(found))
        }
        Error::NoSuchEnumVariant { expected, found, outer } => {
            format!("ukendt værdi «{found}»{}; mulige: {}", field(outer), expected.join(", "))
        }
        Error::NoSuchStructField { expected, found, outer } => {
            format!("ukendt felt «{found}»{}; kendte felter: {}", field(outer), expected.join(", "))
        }
        Error::MissingStructField { field: f, outer } => format!("feltet «{f}» mangler{}", field(outer)),
        Error::DuplicateStructField { field: f, outer } => format!("feltet «{f}» står to gange{}", field(outer)),
        // Kalibrer's own readers (amounts) word their messages in Danish already.
        Error::Message(m) => m.clone(),
        Error::ExceededRecursionLimit => "filen er for dybt indlejret".to_string(),
        other => format!("ugyldig RON ({other})"),
    }
}

/// serde's English "expected …" in Danish for the types a session holds.
fn expected_words(expected: &str) -> String {
    let words = match expected {
        "a string" | "a borrowed string" | "a string or a borrowed string" => "en tekst i anførselstegn",
        "a boolean" => "true eller false",
        "a sequence" => "en liste «[ … ]»",
        "a map" => "en tabel «{ … }»",
        "option" => "Some( … ) eller None",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => "et helt tal",
        "f32" | "f64" => "et tal",
        "a character" | "a char" => "ét tegn",
        other if other.starts_with("struct ") || other.starts_with("tuple struct ") => "«( … )»",
        other if other.starts_with("enum ") || other.starts_with("variant ") => "en af de kendte værdier",
        other => return other.to_string(),
    };
    words.to_string()
}

/// `ron`'s English description of the value found, in Danish.
fn found_words(found: &str) -> String {
    let inner = |prefix: &str| found.strip_prefix(prefix).map(|s| s.trim_matches('`').to_string());
    if let Some(s) = found.strip_prefix("the string ") {
        return format!("teksten «{}»", s.trim_matches('"'));
    }
    if let Some(n) = inner("the unsigned integer ").or_else(|| inner("the signed integer ")) {
        return format!("tallet {n}");
    }
    if let Some(n) = inner("the floating point number ") {
        return format!("tallet {n}");
    }
    if let Some(b) = inner("the boolean ") {
        return b;
    }
    if let Some(c) = inner("the UTF-8 character ") {
        return format!("tegnet «{c}»");
    }
    match found {
        "a unit value" => "()".to_string(),
        "an optional value" => "Some( … ) eller None".to_string(),
        "a sequence" => "en liste".to_string(),
        "a map" => "en tabel".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_mismatches_are_worded_in_danish() {
        let e = Error::InvalidValueForType { expected: "a string".into(), found: "the unsigned integer `5`".into() };
        assert_eq!(danish(&e), "her forventedes en tekst i anførselstegn, men der står tallet 5");
        let e = Error::InvalidValueForType { expected: "u32".into(), found: "the string \"x\"".into() };
        assert_eq!(danish(&e), "her forventedes et helt tal, men der står teksten «x»");
        assert_eq!(danish(&Error::Message("«1e10» er ikke et beløb".into())), "«1e10» er ikke et beløb");
    }
}
