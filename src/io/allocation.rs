//! The allocation for payroll: one row per manager with amount, pension and total cost,
//! as CSV (Danish Excel dialect) or as an XLSX workbook with a summary sheet holding the
//! pool and one sheet per level.

use rust_decimal::Decimal;

use crate::engine::{self, Evaluation};
use crate::model::{Manager, Session};

use super::tables::{Table, Value};

/// The header of the allocation. The last three columns are the topcheftillæg per year
/// (002 §13.6), its pension percentage (16,8 %; 18 % for a departementschef) and its
/// pension per year – for payroll, not part of the round's cost.
pub const HEADER: [&str; 14] = [
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
    "topcheftillæg",
    "topcheftillæg pensionsprocent",
    "topcheftillæg pension",
];

/// Index of the amount column in [`HEADER`].
pub const AMOUNT_COL: usize = 5;

/// One manager's allocation row and its amount and pension.
fn manager_row(session: &Session, m: &Manager, amount: Decimal) -> (Vec<Value>, Decimal) {
    let pension = amount * m.pension_percent / Decimal::ONE_HUNDRED;
    let decided = crate::model::log::decided_by(&session.change_log, &m.id);
    let forms: Vec<&str> = m.pay_forms.iter().map(|f| f.label()).collect();
    let row = vec![
        m.id.as_str().into(),
        m.name.as_str().into(),
        session.level(&m.level).map_or(m.level.clone(), |l| l.name.clone()).into(),
        m.unit.as_str().into(),
        forms.join(", ").into(),
        Value::Kr(amount),
        Value::Percent(m.pension_percent),
        Value::Kr(pension.round_dp(2)),
        Value::Kr((amount + pension).round_dp(2)),
        decided.map_or(String::new(), |e| e.who.clone()).into(),
        decided.map_or(String::new(), |e| e.when.chars().take(10).collect()).into(),
    ];
    let mut row = row;
    row.extend(top_supplement_cells(session, m));
    (row, pension)
}

/// The topcheftillæg cells of a manager's row: amount, pension % and pension per year
/// (empty without one).
fn top_supplement_cells(session: &Session, m: &Manager) -> [Value; 3] {
    use crate::engine::top_supplement;
    let amount = top_supplement::amount(m);
    if amount.is_zero() {
        return [Value::Empty, Value::Empty, Value::Empty];
    }
    let role = session.level(&m.level).map_or(crate::model::LevelRole::Andet, |l| l.role);
    let pension = top_supplement::pension(m, role).unwrap_or(Decimal::ZERO);
    [Value::Kr(amount), Value::Percent(top_supplement::pension_percent(role)), Value::Kr(pension)]
}

/// The allocation of the managers `members` (indices) as a table with a totals row.
fn allocation_of(session: &Session, eval: &Evaluation, sheet: &str, members: &[usize]) -> Table {
    let mut table = Table::new(sheet, &HEADER);
    let (mut sum, mut sum_pension) = (Decimal::ZERO, Decimal::ZERO);
    for &i in members {
        let amount = eval.amounts[i].amount;
        let (row, pension) = manager_row(session, &session.managers[i], amount);
        sum += amount;
        sum_pension += pension;
        table.rows.push(row);
    }
    let mut total = vec![Value::Empty; HEADER.len()];
    total[1] = "I alt".into();
    total[AMOUNT_COL] = Value::Kr(sum);
    total[7] = Value::Kr(sum_pension.round_dp(2));
    total[8] = Value::Kr((sum + sum_pension).round_dp(2));
    table.footer.push(total);
    table
}

/// The allocation of every manager as one table with a totals row, in agenda order.
#[must_use]
pub fn allocation_table(session: &Session) -> Table {
    let eval = engine::evaluate(session);
    let all = session.agenda_order();
    allocation_of(session, &eval, "Fordeling", &all)
}

/// The allocation as CSV for payroll: one row per manager, no totals row (see
/// [`Table::to_csv`]).
///
/// # Errors
/// A Danish message if the CSV writer fails.
pub fn allocation_csv(session: &Session) -> Result<String, String> {
    allocation_table(session).to_csv()
}

/// The allocation as workbook sheets: "Oversigt" (per level, totals, the pool, used and
/// left) and one sheet per level, highest level first.
#[must_use]
pub fn allocation_sheets(session: &Session) -> Vec<Table> {
    let eval = engine::evaluate(session);
    let mut summary =
        Table::new("Oversigt", &["Niveau", "Antal ledere", "Beløb i alt", "Pension i alt", "Samlet omkostning"]);
    let mut sheets = Vec::new();
    let agenda = session.agenda_order();
    for li in session.levels_by_rank().into_iter().rev() {
        let members: Vec<usize> = agenda.iter().copied().filter(|&i| eval.level_of[i] == Some(li)).collect();
        let level = &session.levels[li];
        let sheet = allocation_of(session, &eval, &level.name, &members);
        if let Some(total) = sheet.footer.first() {
            summary.rows.push(vec![
                level.name.as_str().into(),
                Value::Count(members.len()),
                total[AMOUNT_COL].clone(),
                total[7].clone(),
                total[8].clone(),
            ]);
        }
        sheets.push(sheet);
    }
    let everyone = allocation_of(session, &eval, "Alle", &agenda);
    if let Some(total) = everyone.footer.first() {
        summary.footer.push(vec![
            "I alt".into(),
            Value::Count(agenda.len()),
            total[AMOUNT_COL].clone(),
            total[7].clone(),
            total[8].clone(),
        ]);
    }
    summary.footer.push(vec!["Pulje".into(), Value::Empty, Value::Kr(eval.pool.pool)]);
    let left = if eval.pool.exceeded() { "Overskredet med" } else { "Tilbage af puljen" };
    summary.footer.push(vec![left.into(), Value::Empty, Value::Kr(eval.pool.left.abs())]);
    if let Some(savings) = session.policies.savings_pool.as_ref() {
        // 001: the part within the lønsumsloft and the part from documented savings.
        for p in engine::pool_parts::parts(session, &eval) {
            let name = match p.part {
                crate::model::PoolPart::WithinCeiling => p.part.label().to_string(),
                crate::model::PoolPart::Savings => format!("{} ({})", p.part.label(), savings.reference),
            };
            let left = if p.left < Decimal::ZERO { "overskredet med" } else { "tilbage" };
            summary.footer.push(vec![format!("{name}: pulje").into(), Value::Empty, Value::Kr(p.pool)]);
            summary.footer.push(vec![format!("{name}: brugt").into(), Value::Empty, Value::Kr(p.used)]);
            summary.footer.push(vec![format!("{name}: {left}").into(), Value::Empty, Value::Kr(p.left.abs())]);
        }
    }
    summary.notes.push(format!(
        "{} · {} · {} ledere · beløb er endelige beløb efter afrunding",
        session.organisation.name,
        session.year,
        session.managers.len()
    ));
    let mut out = vec![summary];
    out.extend(sheets);
    out
}

/// The fold-into-fixed-salary simulation: per manager and a totals row.
#[must_use]
pub fn fixed_salary_table(session: &Session) -> Table {
    let sim = crate::engine::fixed_salary::simulate(session);
    let mut table = Table::new(
        "Omlægning til fast løn",
        &["id", "navn", "niveau", "75 % af sidste års beløb", "gennemsnit af 3 år", "år i gennemsnittet"],
    );
    let opt = |v: Option<Decimal>| v.map_or(Value::Empty, |v| Value::Kr(v.round_dp(2)));
    for r in &sim.rows {
        let Some(m) = session.managers.get(r.manager) else { continue };
        let level = session.level(&m.level).map_or(m.level.clone(), |l| l.name.clone());
        table.rows.push(vec![
            m.id.as_str().into(),
            m.name.as_str().into(),
            level.into(),
            opt(r.seventy_five_of_last),
            opt(r.avg3),
            Value::Count(r.avg3_years),
        ]);
    }
    table.footer.push(vec![
        Value::Empty,
        "I alt".into(),
        Value::Empty,
        Value::Kr(sim.total_seventy_five.round_dp(2)),
        Value::Kr(sim.total_avg3.round_dp(2)),
        Value::Empty,
    ]);
    table.notes.push(format!(
        "Gennemsnit af 3 år: beløbene i {}–{}, der er registreret, delt med antallet af de år (1–3); et registreret 0 kr. tæller med, et år uden beløb udelades (000 §4.8).",
        session.year - 3,
        session.year - 1
    ));
    table
}

/// The fold-into-fixed-salary simulation as CSV: one row per manager, no totals row.
///
/// # Errors
/// A Danish message if the CSV writer fails.
pub fn fixed_salary_csv(session: &Session) -> Result<String, String> {
    fixed_salary_table(session).to_csv()
}
