//! Tabular outputs as plain data: a [`Table`] of typed cells that the CSV writer
//! (Danish Excel dialect) and the XLSX writer ([`super::xlsx`]) both render.

use rust_decimal::Decimal;

use crate::model::money::{format_number, format_percent};

use super::csv_dialect::document;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A kr. amount (shown `#.##0 kr.` in Excel, `1.234,50` in CSV).
    Kr(Decimal),
    /// A percentage, e.g. 12.5 for 12,5 %.
    Percent(Decimal),
    /// A count.
    Count(usize),
}

impl Value {
    /// The cell as CSV text: Danish numbers without unit, so Excel reads them as numbers.
    #[must_use]
    pub fn csv_text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.clone(),
            Self::Kr(v) => format_number(v.round_dp(2)),
            Self::Percent(v) => format_number(v.round_dp(2)),
            Self::Count(n) => n.to_string(),
        }
    }

    /// The cell as display text with its unit ("45.000 kr.", "12,5 %").
    #[must_use]
    pub fn display_text(&self) -> String {
        match self {
            Self::Kr(v) => format!("{} kr.", format_number(v.round())),
            Self::Percent(v) => format_percent(*v),
            other => other.csv_text(),
        }
    }
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

    /// The table as CSV in the Danish Excel dialect (footer and notes as last rows).
    #[must_use]
    pub fn to_csv(&self) -> String {
        let cells = |row: &[Value]| row.iter().map(Value::csv_text).collect::<Vec<String>>();
        let mut rows: Vec<Vec<String>> = self.rows.iter().map(|r| cells(r)).collect();
        rows.extend(self.footer.iter().map(|r| cells(r)));
        rows.extend(self.notes.iter().map(|n| vec![n.clone()]));
        document(&self.header, &rows)
    }
}
