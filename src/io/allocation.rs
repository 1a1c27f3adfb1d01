//! The allocation for payroll as CSV (Danish Excel dialect): one row per manager.

use rust_decimal::Decimal;

use crate::engine;
use crate::model::Session;
use crate::model::money::format_number;

use super::csv_dialect::document;

/// The header of the allocation.
pub const HEADER: [&str; 11] = [
    "id",
    "navn",
    "niveau",
    "enhed",
    "vederlagsform",
    "beløb",
    "pensionsprocent",
    "pension",
    "samlet omkostning",
    "besluttet af",
    "dato",
];

/// A decimal with comma and thousands dots, two decimals when not whole: "1.234,50".
fn number(v: Decimal) -> String {
    format_number(v.round_dp(2))
}

/// The allocation as CSV with a totals row.
#[must_use]
pub fn allocation_csv(session: &Session) -> String {
    let eval = engine::evaluate(session);
    let mut rows = Vec::new();
    let (mut sum, mut sum_pension) = (Decimal::ZERO, Decimal::ZERO);
    for (m, a) in session.managers.iter().zip(&eval.amounts) {
        let pension = a.amount * m.pension_percent / Decimal::ONE_HUNDRED;
        sum += a.amount;
        sum_pension += pension;
        let decided = session
            .change_log
            .iter()
            .rev()
            .find(|e| e.manager.as_deref() == Some(m.id.as_str()) && e.what == "Status" && e.new == "Besluttet");
        let forms: Vec<&str> = m.pay_forms.iter().map(|f| f.label()).collect();
        rows.push(vec![
            m.id.clone(),
            m.name.clone(),
            session.level(&m.level).map_or(m.level.clone(), |l| l.name.clone()),
            m.unit.clone(),
            forms.join(", "),
            number(a.amount),
            number(m.pension_percent),
            number(pension),
            number(a.amount + pension),
            decided.map_or(String::new(), |e| e.who.clone()),
            decided.map_or(String::new(), |e| e.when.chars().take(10).collect()),
        ]);
    }
    let mut total = vec![String::new(); HEADER.len()];
    total[1] = "I alt".to_string();
    total[5] = number(sum);
    total[7] = number(sum_pension);
    total[8] = number(sum + sum_pension);
    rows.push(total);
    document(&HEADER, &rows)
}

/// The fold-into-fixed-salary simulation as CSV: per manager and a totals row.
#[must_use]
pub fn fixed_salary_csv(session: &Session) -> String {
    let sim = crate::engine::fixed_salary::simulate(session);
    let header = ["id", "navn", "niveau", "75 % af sidste års beløb", "gennemsnit af 3 år"];
    let opt = |v: Option<Decimal>| v.map_or(String::new(), number);
    let mut rows: Vec<Vec<String>> = sim
        .rows
        .iter()
        .filter_map(|r| {
            let m = session.managers.get(r.manager)?;
            let level = session.level(&m.level).map_or(m.level.clone(), |l| l.name.clone());
            Some(vec![m.id.clone(), m.name.clone(), level, opt(r.seventy_five_of_last), opt(r.avg3)])
        })
        .collect();
    rows.push(vec![
        String::new(),
        "I alt".into(),
        String::new(),
        number(sim.total_seventy_five),
        number(sim.total_avg3),
    ]);
    document(&header, &rows)
}
