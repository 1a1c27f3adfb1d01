//! The fast reader's lexing: whitespace and comments, punctuation, identifiers,
//! strings with their escapes and whole numbers. Everything else declines.

use std::borrow::Cow;

use super::{Declined, Result};

/// The position in the text.
pub(super) struct Reader<'de> {
    pub(super) text: &'de str,
    pub(super) pos: usize,
}

impl<'de> Reader<'de> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips ASCII whitespace and `//` comments; declines at `/*` (nested block comments
    /// are left to `ron`).
    pub(super) fn ws(&mut self) -> Result<()> {
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
    pub(super) fn eat(&mut self, c: u8) -> Result<bool> {
        self.ws()?;
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    pub(super) fn expect(&mut self, c: u8) -> Result<()> {
        if self.eat(c)? { Ok(()) } else { Err(Declined) }
    }

    /// Whether the next token starts an identifier.
    pub(super) fn at_ident(&mut self) -> Result<bool> {
        self.ws()?;
        Ok(self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_'))
    }

    /// An ASCII identifier. Declines when a non-ASCII character or `#` follows (Unicode
    /// and raw identifiers are `ron`'s to read).
    pub(super) fn ident(&mut self) -> Result<&'de str> {
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
    pub(super) fn string(&mut self) -> Result<Cow<'de, str>> {
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
    pub(super) fn integer(&mut self) -> Result<i128> {
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

    pub(super) fn int<T: TryFrom<i128>>(&mut self) -> Result<T> {
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
