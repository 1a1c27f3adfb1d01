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
        Error::InvalidValueForType { expected, found } => format!("forventede {expected}, fandt {found}"),
        Error::NoSuchEnumVariant { expected, found, outer } => {
            format!("ukendt værdi «{found}»{}; mulige: {}", field(outer), expected.join(", "))
        }
        Error::NoSuchStructField { expected, found, outer } => {
            format!("ukendt felt «{found}»{}; kendte felter: {}", field(outer), expected.join(", "))
        }
        Error::MissingStructField { field: f, outer } => format!("feltet «{f}» mangler{}", field(outer)),
        Error::DuplicateStructField { field: f, outer } => format!("feltet «{f}» står to gange{}", field(outer)),
        Error::Message(m) => format!("ugyldig værdi: {m}"),
        Error::ExceededRecursionLimit => "filen er for dybt indlejret".to_string(),
        other => format!("ugyldig RON ({other})"),
    }
}
