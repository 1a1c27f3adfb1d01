//! A fast reader for the RON that Kalibrer writes: a serde deserializer for the plain
//! subset of the format (structs, lists, maps, strings with the common escapes, whole
//! numbers, booleans, options, enums, whitespace and `//` comments). The `ron` crate
//! reads about 30 MB/s here; this reads the same text several times faster, which is
//! what a 20,000-manager session needs to open in a fraction of a second.
//!
//! It never decides what a file means on its own: anything outside the subset (block
//! comments, raw strings, extensions, floats, unknown fields, odd numbers) and every
//! error make it *decline*, and the caller then reads the text with `ron`, which either
//! gives the same result or the precise error message with line and column. A property
//! test checks that whatever this reader accepts, `ron` accepts with the same result.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Visitor};

/// The reader declined the text: outside its subset, or not valid. Carries no detail –
/// the caller reads the text with `ron` for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the fast reader's subset of RON")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Self
    }
}

type Result<T> = std::result::Result<T, Declined>;

/// Reads a value of type `T` from RON text, or declines (see the module doc).
///
/// # Errors
/// [`Declined`] for anything outside the subset or invalid.
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T> {
    let mut reader = Reader { text, pos: 0 };
    let value = T::deserialize(&mut reader)?;
    reader.ws()?;
    if reader.pos == text.len() { Ok(value) } else { Err(Declined) }
}

/// The position in the text.
struct Reader<'de> {
    text: &'de str,
    pos: usize,
}

impl<'de> Reader<'de> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips ASCII whitespace and `//` comments; declines at `/*` (nested block comments
    /// are left to `ron`).
    fn ws(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if bytes.get(self.pos + 1) == Some(&b'/') => {
                    let rest = bytes.get(self.pos..).unwrap_or_default();
                    self.pos += rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |n| n + 1);
                }
                Some(b'/') => return Err(Declined),
                _ => return Ok(()),
            }
        }
    }

    /// Skips whitespace, then consumes `c` if it is next.
    fn eat(&mut self, c: u8) -> Result<bool> {
        self.ws()?;
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn expect(&mut self, c: u8) -> Result<()> {
        if self.eat(c)? { Ok(()) } else { Err(Declined) }
    }

    /// Whether the next token starts an identifier.
    fn at_ident(&mut self) -> Result<bool> {
        self.ws()?;
        Ok(self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_'))
    }

    /// An ASCII identifier. Declines when a non-ASCII character or `#` follows (Unicode
    /// and raw identifiers are `ron`'s to read).
    fn ident(&mut self) -> Result<&'de str> {
        if !self.at_ident()? {
            return Err(Declined);
        }
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut end = start + 1;
        while bytes.get(end).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
            end += 1;
        }
        if bytes.get(end).is_some_and(|c| !c.is_ascii() || *c == b'#' || *c == b'"') {
            return Err(Declined);
        }
        self.pos = end;
        self.text.get(start..end).ok_or(Declined)
    }

    /// A `"…"` string: borrowed from the text unless it has escapes.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.expect(b'"')?;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let stop = |from: usize| {
            bytes.get(from..).and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\')).map(|n| from + n)
        };
        let mut at = stop(start).ok_or(Declined)?;
        if bytes.get(at) == Some(&b'"') {
            self.pos = at + 1;
            return self.text.get(start..at).map(Cow::Borrowed).ok_or(Declined);
        }
        let mut owned = String::from(self.text.get(start..at).ok_or(Declined)?);
        loop {
            // `at` is a backslash.
            let escape = bytes.get(at + 1).copied().ok_or(Declined)?;
            let mut next = at + 2;
            match escape {
                b'"' => owned.push('"'),
                b'\'' => owned.push('\''),
                b'\\' => owned.push('\\'),
                b'n' => owned.push('\n'),
                b'r' => owned.push('\r'),
                b't' => owned.push('\t'),
                b'0' => owned.push('\0'),
                b'u' => {
                    let (c, after) = unicode_escape(bytes, next)?;
                    owned.push(c);
                    next = after;
                }
                _ => return Err(Declined),
            }
            at = stop(next).ok_or(Declined)?;
            owned.push_str(self.text.get(next..at).ok_or(Declined)?);
            if bytes.get(at) == Some(&b'"') {
                self.pos = at + 1;
                return Ok(Cow::Owned(owned));
            }
        }
    }

    /// A whole number: an optional `-`, then digits without a leading zero. Declines
    /// at anything `ron` reads differently (`+`, `_`, bases, suffixes, floats).
    fn integer(&mut self) -> Result<i128> {
        self.ws()?;
        let bytes = self.text.as_bytes();
        let negative = self.peek() == Some(b'-');
        let start = self.pos + usize::from(negative);
        let digits = bytes.get(start..).unwrap_or_default().iter().take_while(|c| c.is_ascii_digit()).count();
        let end = start + digits;
        let leading_zero = digits > 1 && bytes.get(start) == Some(&b'0');
        let odd_follower = bytes.get(end).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.'));
        if digits == 0 || digits > 30 || leading_zero || odd_follower {
            return Err(Declined);
        }
        let magnitude: i128 = self.text.get(start..end).ok_or(Declined)?.parse().map_err(|_| Declined)?;
        if negative && magnitude == 0 {
            return Err(Declined);
        }
        self.pos = end;
        Ok(if negative { -magnitude } else { magnitude })
    }

    fn int<T: TryFrom<i128>>(&mut self) -> Result<T> {
        T::try_from(self.integer()?).map_err(|_| Declined)
    }
}

/// `\u{…}` after the `u` at `from`: one to six hex digits and a valid character.
fn unicode_escape(bytes: &[u8], from: usize) -> Result<(char, usize)> {
    if bytes.get(from) != Some(&b'{') {
        return Err(Declined);
    }
    let digits = bytes.get(from + 1..).unwrap_or_default().iter().take(6).take_while(|c| c.is_ascii_hexdigit()).count();
    let close = from + 1 + digits;
    if digits == 0 || bytes.get(close) != Some(&b'}') {
        return Err(Declined);
    }
    let hex = std::str::from_utf8(bytes.get(from + 1..close).ok_or(Declined)?).map_err(|_| Declined)?;
    let code = u32::from_str_radix(hex, 16).map_err(|_| Declined)?;
    Ok((char::from_u32(code).ok_or(Declined)?, close + 1))
}

macro_rules! integer_methods {
    ($($method:ident => $visit:ident : $ty:ty),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.$visit(self.int::<$ty>()?)
        })*
    };
}

macro_rules! declined_methods {
    ($($method:ident),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(Declined)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Declined;

    integer_methods! {
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
    }

    // Self-describing reads (unknown fields, untagged enums), floats, chars, bytes and
    // unit are `ron`'s: declining keeps this reader from ever disagreeing with it.
    declined_methods! {
        deserialize_ignored_any, deserialize_f32, deserialize_f64,
        deserialize_char, deserialize_bytes, deserialize_byte_buf, deserialize_unit,
    }

    /// Only strings: `Decimal` asks for any value and Kalibrer writes amounts as strings.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.ws()?;
        if self.peek() == Some(b'"') { self.deserialize_str(visitor) } else { Err(Declined) }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Declined),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                let value = visitor.visit_some(&mut *self)?;
                self.eat(b',')?;
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(Declined),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, _visitor: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, _visitor: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Separated::new(self, b']'))?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_seq(Separated::new(self, b')'))?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        let value = visitor.visit_map(Separated::new(self, b'}'))?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // An optional struct name, which must be the right one.
        if self.at_ident()? && self.ident()? != name {
            return Err(Declined);
        }
        self.struct_body(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }
}

impl<'de> Reader<'de> {
    /// `( field: value, … )`.
    fn struct_body<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_map(Separated::new(self, b')'))?;
        self.expect(b')')?;
        Ok(value)
    }
}

/// The elements of a list, tuple, map or struct: comma-separated, trailing comma allowed.
struct Separated<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'a, 'de> Separated<'a, 'de> {
    fn new(reader: &'a mut Reader<'de>, close: u8) -> Self {
        Self { reader, close, first: true }
    }

    /// Whether another element follows (consuming the comma before it).
    fn more(&mut self) -> Result<bool> {
        if !std::mem::take(&mut self.first) && !self.reader.eat(b',')? {
            self.reader.ws()?;
            return if self.reader.peek() == Some(self.close) { Ok(false) } else { Err(Declined) };
        }
        self.reader.ws()?;
        Ok(self.reader.peek() != Some(self.close))
    }
}

impl<'de> de::SeqAccess<'de> for Separated<'_, 'de> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Separated<'_, 'de> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        let key = seed.deserialize(&mut *self.reader)?;
        self.reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = Declined;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let variant = seed.deserialize(&mut *self)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = Declined;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.expect(b'(')?;
        let value = seed.deserialize(&mut *self)?;
        self.eat(b',')?;
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value> {
        self.struct_body(visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Deserialize)]
    enum Shape {
        Unit,
        Wrapped(Inner),
        Named { size: u8 },
        Pair(i32, String),
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Inner {
        label: String,
        #[serde(default)]
        maybe: Option<i64>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Outer {
        shapes: Vec<Shape>,
        years: BTreeMap<i32, String>,
        flag: bool,
    }

    fn both(text: &str) -> Outer {
        let fast: Outer = from_str(text).unwrap_or_else(|_| panic!("declined: {text}"));
        let ron: Outer = ron::from_str(text).unwrap_or_else(|e| panic!("ron: {e}"));
        assert_eq!(fast, ron);
        fast
    }

    #[test]
    fn reads_what_ron_reads() {
        let text = r#"// a comment
            Outer(
              shapes: [Unit, Wrapped((label: "a\"b\\c\n\u{e6}ø", maybe: Some(-12))), Named(size: 7,), Pair(-3, "x"),],
              years: {2023: "45000", 2024: ""},
              flag: true,
            )"#;
        let outer = both(text);
        assert_eq!(outer.shapes[1], Shape::Wrapped(Inner { label: "a\"b\\c\næø".into(), maybe: Some(-12) }));
        assert_eq!(outer.years[&2023], "45000");
        both("(shapes:[Wrapped((label:\"\"))],years:{},flag:false)");
    }

    #[test]
    fn declines_what_it_does_not_know() {
        for text in [
            "(shapes: [], years: {}, flag: true) x",
            "/* block */ (shapes: [], years: {}, flag: true)",
            "#![enable(implicit_some)] (shapes: [], years: {}, flag: true)",
            "(shapes: [], years: {}, flag: true, extra: 1)",
            "(shapes: [], years: {0x10: \"a\"}, flag: true)",
            "(shapes: [], years: {01: \"a\"}, flag: true)",
            "(shapes: [], years: {1_000: \"a\"}, flag: true)",
            "(shapes: [], years: {+1: \"a\"}, flag: true)",
            "(shapes: [], years: {1: r\"a\"}, flag: true)",
            "(shapes: [], years: {1: \"\\x41\"}, flag: true)",
            "(shapes: [Named(size: 300)], years: {}, flag: true)",
            "(shapes: [,], years: {}, flag: true)",
            "(shapes: [] years: {}, flag: true)",
            "Wrong(shapes: [], years: {}, flag: true)",
            "(shapes: [], years: {}, flag: true",
            "(shapes: [], years: {1: \"open}, flag: true)",
        ] {
            assert_eq!(from_str::<Outer>(text), Err(Declined), "{text}");
        }
    }
}
