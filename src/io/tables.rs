//! Tabular outputs as plain data: a [`Table`] of typed cells that the CSV writer
//! (Danish Excel dialect, for payroll and other systems) and the XLSX writer
//! ([`super::xlsx`], for people) both render.

use rust_decimal::Decimal;

use crate::model::money::{format_number, format_percent};

use super::csv_dialect::{document, neutralise};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A kr. amount (shown `#.##0 kr.` in Excel, `1234,50` in CSV).
    Kr(Decimal),
    /// A percentage, e.g. 12.5 for 12,5 %.
    Percent(Decimal),
    /// A count.
    Count(usize),
}

impl Value {
    /// The cell as CSV text for a machine: numbers with decimal comma, ASCII minus and
    /// no thousands separators (`-1234,50`; a reader in another locale cannot take
    /// `30.750` for 30,75), kr. amounts with two decimals when they have øre, text as is
    /// unless a spreadsheet would run it as a formula ([`neutralise`]).
    #[must_use]
    pub fn csv_text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => neutralise(t).into_owned(),
            Self::Kr(v) => csv_number(v.round_dp(2), 2),
            Self::Percent(v) => csv_number(v.round_dp(2), 0),
            Self::Count(n) => n.to_string(),
        }
    }

    /// The cell as display text with its unit ("45.000 kr.", "12,5 %").
    #[must_use]
    pub fn display_text(&self) -> String {
        match self {
            Self::Kr(v) => format!("{} kr.", format_number(v.round())),
            Self::Percent(v) => format_percent(*v),
            Self::Text(t) => t.clone(),
            Self::Count(n) => n.to_string(),
            Self::Empty => String::new(),
        }
    }
}

/// A number as machine CSV text: decimal comma, ASCII minus, at least `min_scale` decimals
/// when it has any.
fn csv_number(v: Decimal, min_scale: u32) -> String {
    if v.is_zero() {
        return "0".to_string();
    }
    let mut v = v.normalize();
    if !v.fract().is_zero() && v.scale() < min_scale {
        v.rescale(min_scale);
    }
    v.to_string().replace('.', ",")
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Self::Text(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

/// A table: a sheet name, a header, rows, bold footer rows (totals) and notes below.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The sheet's name (Excel allows 31 characters; longer names are shortened).
    pub sheet: String,
    /// Column headers.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Value>>,
    /// Rows under the data drawn bold in Excel: the totals, the pool.
    pub footer: Vec<Vec<Value>>,
    /// Lines printed under the table (e.g. why cells are suppressed).
    pub notes: Vec<String>,
}

impl Table {
    /// A table with a sheet name and header.
    #[must_use]
    pub fn new(sheet: &str, header: &[&str]) -> Self {
        Self { sheet: sheet.to_string(), header: header.iter().map(ToString::to_string).collect(), ..Self::default() }
    }

    /// The table as CSV in the Danish Excel dialect, for machines: the header and the data
    /// rows only, each exactly as wide as the header. The footer (totals, the pool) and the
    /// notes are left out – a payroll import reads every row as a record – and are in the
    /// XLSX, which is the format for people.
    ///
    /// # Errors
    /// A Danish message if the CSV writer fails.
    pub fn to_csv(&self) -> Result<String, String> {
        let rows: Vec<Vec<String>> = self.rows.iter().map(|r| r.iter().map(Value::csv_text).collect()).collect();
        document(&self.header, &rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_numbers_use_a_comma_an_ascii_minus_and_no_grouping() {
        let kr = |v: i64, scale: u32| Value::Kr(Decimal::new(v, scale)).csv_text();
        assert_eq!(kr(-1_234_500, 2), "-12345");
        assert_eq!(kr(-1_234_550, 2), "-12345,50");
        assert_eq!(kr(3_966_667, 2), "39666,67");
        assert_eq!(kr(1_234_567_891, 3), "1234567,89");
        assert_eq!(kr(0, 2), "0");
        assert_eq!(Value::Percent(Decimal::new(-125, 1)).csv_text(), "-12,5");
        assert_eq!(Value::Percent(Decimal::new(1710, 2)).csv_text(), "17,1");
    }

    #[test]
    fn csv_has_the_data_rows_only_and_no_ragged_row() {
        let mut t = Table::new("T", &["id", "beløb"]);
        t.rows.push(vec!["0071234".into(), Value::Kr(Decimal::from(-5000))]);
        t.rows.push(vec!["=1+1".into()]);
        t.footer.push(vec!["I alt".into(), Value::Kr(Decimal::from(-5000))]);
        t.notes.push("En note".into());
        assert_eq!(t.to_csv().unwrap(), "\u{feff}id;beløb\r\n0071234;-5000\r\n'=1+1;\r\n");
    }
}
