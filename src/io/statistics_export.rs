//! Anonymised statistics per level for publication: n, share receiving, mean, median,
//! min, max and change vs last year. No names or ids; a level with fewer than
//! [`MIN_GROUP`] managers is suppressed, with a line saying why.

use rust_decimal::Decimal;

use crate::engine::{self, stats};
use crate::model::Session;

use super::tables::{Table, Value};

/// The smallest group whose figures are shown.
pub const MIN_GROUP: usize = 5;

/// One row of the anonymised table; None cells are suppressed.
#[derive(Debug, Clone, PartialEq)]
pub struct StatRow {
    /// Level name (or "Alle").
    pub level: String,
    /// Number of managers, None when suppressed.
    pub n: Option<usize>,
    /// Cells: share receiving %, mean, median, min, max, change vs last year %.
    pub cells: Option<[Option<Decimal>; 6]>,
}

/// The note printed under a table with suppressed rows.
pub const SUPPRESSION_NOTE: &str =
    "Niveauer med færre end 5 ledere er udeladt (–), så ingen enkeltperson kan genkendes.";

/// The anonymised rows: one per level (highest first) and the total.
#[must_use]
pub fn statistics_rows(session: &Session) -> Vec<StatRow> {
    let eval = engine::evaluate(session);
    let mut groups: Vec<(String, Vec<usize>)> = session
        .levels_by_rank()
        .into_iter()
        .rev()
        .map(|li| {
            let members = (0..session.managers.len()).filter(|&i| eval.level_of[i] == Some(li)).collect();
            (session.levels[li].name.clone(), members)
        })
        .collect();
    groups.push(("Alle".to_string(), (0..session.managers.len()).collect()));
    groups
        .into_iter()
        .map(|(level, members)| {
            if members.len() < MIN_GROUP {
                return StatRow { level, n: None, cells: None };
            }
            let amounts: Vec<Decimal> = members.iter().map(|&i| eval.amounts[i].amount).collect();
            let s = stats::describe(&amounts);
            let receiving = amounts.iter().filter(|a| **a > Decimal::ZERO).count();
            let share = Decimal::from(receiving * 100) / Decimal::from(members.len());
            let last: Vec<Decimal> =
                members.iter().filter_map(|&i| session.last_year_amount(&session.managers[i].id)).collect();
            let last_sum: Decimal = last.iter().sum();
            let change = (last_sum > Decimal::ZERO).then(|| (s.sum - last_sum) / last_sum * Decimal::ONE_HUNDRED);
            StatRow {
                level,
                n: Some(members.len()),
                cells: Some([Some(share), Some(s.mean), Some(s.median), Some(s.min), Some(s.max), change]),
            }
        })
        .collect()
}

/// The anonymised statistics as a table (for CSV and XLSX); suppressed cells are "–"
/// and the reason is a note under the table.
#[must_use]
pub fn statistics_table(session: &Session) -> Table {
    let mut table = Table::new(
        "Statistik",
        &[
            "Niveau",
            "Antal",
            "Andel der modtager",
            "Gennemsnit",
            "Median",
            "Mindste",
            "Største",
            "Ændring fra sidste år",
        ],
    );
    let dash = || Value::Text("–".into());
    let rows = statistics_rows(session);
    if rows.iter().any(|r| r.n.is_none()) {
        table.notes.push(SUPPRESSION_NOTE.to_string());
    }
    for r in rows {
        let mut row = vec![Value::Text(r.level), r.n.map_or_else(dash, Value::Count)];
        match r.cells {
            None => row.extend(std::iter::repeat_with(dash).take(6)),
            Some(cells) => {
                for (k, c) in cells.iter().enumerate() {
                    row.push(match c {
                        None => dash(),
                        Some(v) if k == 0 || k == 5 => Value::Percent(v.round_dp(1)),
                        Some(v) => Value::Kr(v.round()),
                    });
                }
            }
        }
        table.rows.push(row);
    }
    table
}
