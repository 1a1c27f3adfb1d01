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

mod lexer;

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

use lexer::Reader;

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
        self.delimited_seq(b'[', b']', visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.delimited_seq(b'(', b')', visitor)
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
        self.delimited_map(b'{', b'}', visitor)
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
        self.delimited_map(b'(', b')', visitor)
    }

    /// Elements between `open` and `close`, as a sequence.
    fn delimited_seq<V: Visitor<'de>>(&mut self, open: u8, close: u8, visitor: V) -> Result<V::Value> {
        self.expect(open)?;
        let value = visitor.visit_seq(Separated::new(self, close))?;
        self.expect(close)?;
        Ok(value)
    }

    /// `key: value` pairs between `open` and `close`, as a map.
    fn delimited_map<V: Visitor<'de>>(&mut self, open: u8, close: u8, visitor: V) -> Result<V::Value> {
        self.expect(open)?;
        let value = visitor.visit_map(Separated::new(self, close))?;
        self.expect(close)?;
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
