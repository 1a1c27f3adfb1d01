//! Serde readers for amounts in session files (`#[serde(deserialize_with = …)]`): only
//! what [`super::parse_file_amount`] accepts, or a whole number written without quotes; every
//! refusal is a Danish message.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive as _;
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// One amount as the file holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileAmount(pub Decimal);

struct AmountVisitor;

impl Visitor<'_> for AmountVisitor {
    type Value = FileAmount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("et beløb i anførselstegn, fx \"45000.00\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FileAmount, E> {
        super::parse_file_amount(v).map(FileAmount).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileAmount, E> {
        Ok(FileAmount(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileAmount, E> {
        Ok(FileAmount(Decimal::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FileAmount, E> {
        let meant = Decimal::from_f64(v).map_or_else(|| "45000.00".to_string(), |d| d.normalize().to_string());
        Err(E::custom(format!("beløb skrives i anførselstegn uden eksponent: skriv \"{meant}\"")))
    }
}

impl<'de> Deserialize<'de> for FileAmount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AmountVisitor)
    }
}

/// An amount.
///
/// # Errors
/// A Danish message for anything but a plain decimal.
pub fn amount<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    FileAmount::deserialize(d).map(|a| a.0)
}

/// An optional amount (`None` or `Some("45000")`).
///
/// # Errors
/// As [`amount`].
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    Option::<FileAmount>::deserialize(d).map(|o| o.map(|a| a.0))
}

/// A list of amounts.
///
/// # Errors
/// As [`amount`].
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decimal>, D::Error> {
    Vec::<FileAmount>::deserialize(d).map(|v| v.into_iter().map(|a| a.0).collect())
}

/// An amount per key (a director's budget per executive id), each as [`amount`].
///
/// # Errors
/// As [`amount`].
pub fn amount_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Decimal>, D::Error> {
    let raw = BTreeMap::<String, FileAmount>::deserialize(d)?;
    Ok(raw.into_iter().map(|(k, a)| (k, a.0)).collect())
}

/// Earlier years' amounts per manager id.
///
/// # Errors
/// As [`amount`].
pub fn history<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, BTreeMap<i32, Decimal>>, D::Error> {
    let raw = BTreeMap::<String, BTreeMap<i32, FileAmount>>::deserialize(d)?;
    Ok(raw.into_iter().map(|(id, years)| (id, years.into_iter().map(|(y, a)| (y, a.0)).collect())).collect())
}
