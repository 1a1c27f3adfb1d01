//! One HR row as a manager: its cells read and checked (id, name, level, superior,
//! amounts within bounds, top supplement, contract dates), or the first problem found.

use rust_decimal::Decimal;

use super::mapping::Field;
use super::read::CellMark;
use super::{RowError, contract_cells, ids};
use crate::model::bounds;
use crate::model::money::parse_kr;
use crate::model::{EmploymentBasis, Manager, Session};

/// Why a number or id cell marked as a date or formula is refused.
pub(super) fn mark_problem(mark: CellMark, shown: &str) -> String {
    match mark {
        CellMark::Date => format!(
            "cellen er formateret som en dato ({shown}), ikke som et tal – formatér kolonnen som tal i Excel, og prøv igen"
        ),
        CellMark::Formula => {
            "cellen indeholder en formel – kopiér kolonnen, og indsæt den som værdier (Indsæt speciel → Værdier)"
                .to_string()
        }
    }
}

/// One row as a manager, or the first problem found in it.
pub(super) fn row_to_manager<'a>(
    session: &Session,
    cell: impl Fn(Field) -> &'a str,
    mark: impl Fn(Field) -> Option<CellMark>,
    reject: &dyn Fn(Option<Field>, String) -> RowError,
) -> Result<Manager, RowError> {
    if let Some(m) = mark(Field::Id) {
        return Err(reject(Some(Field::Id), mark_problem(m, cell(Field::Id))));
    }
    let id = ids::normalise(cell(Field::Id)).map_err(|why| reject(Some(Field::Id), why))?;
    if id.is_empty() {
        return Err(reject(Some(Field::Id), "tomt medarbejdernummer".into()));
    }
    let name = cell(Field::Name).to_string();
    if name.is_empty() {
        return Err(reject(Some(Field::Name), "tomt navn".into()));
    }
    let lv = cell(Field::Level);
    let level = session
        .levels
        .iter()
        .find(|l| l.id.eq_ignore_ascii_case(lv) || l.name.to_lowercase() == lv.to_lowercase())
        .ok_or_else(|| reject(Some(Field::Level), format!("ukendt niveau «{lv}»")))?;
    let sup = cell(Field::Superior);
    let superior = if sup.is_empty() {
        String::new()
    } else {
        crate::engine::prep::find_executive(session, sup)
            .map(|e| e.id.clone())
            .ok_or_else(|| reject(Some(Field::Superior), format!("ukendt nærmeste leder «{sup}»")))?
    };
    let money = |c: Field| -> Result<Decimal, RowError> {
        let v = cell(c);
        if let Some(m) = mark(c) {
            return Err(reject(Some(c), mark_problem(m, v)));
        }
        if v.is_empty() {
            return Ok(Decimal::ZERO);
        }
        let amount = parse_kr(v).map_err(|e| reject(Some(c), e.to_string()))?;
        if amount < Decimal::ZERO {
            return Err(reject(Some(c), format!("negativt beløb {v}")));
        }
        if let Some(problem) = bounds::money_problem(&c.label().to_lowercase(), amount, false) {
            return Err(reject(Some(c), problem));
        }
        Ok(amount)
    };
    let base_salary = money(Field::Base)?;
    let total = money(Field::Total)?;
    let (top, top_amount) =
        contract_cells::top_supplement(cell(Field::Top)).map_err(|why| reject(Some(Field::Top), why))?;
    let start =
        contract_cells::date(cell(Field::ContractStart)).map_err(|why| reject(Some(Field::ContractStart), why))?;
    let end = contract_cells::date(cell(Field::ContractEnd)).map_err(|why| reject(Some(Field::ContractEnd), why))?;
    let contract = (!start.is_empty() || !end.is_empty()).then(|| crate::model::ContractPeriod {
        start,
        end,
        ..crate::model::ContractPeriod::default()
    });
    Ok(Manager {
        id,
        name,
        level: level.id.clone(),
        unit: cell(Field::Unit).to_string(),
        superior,
        basis: EmploymentBasis::Rammeaftale,
        pay_grade: cell(Field::Grade).to_string(),
        base_salary,
        total_pay: if total.is_zero() { base_salary } else { total },
        has_top_supplement: top,
        top_supplement: top_amount,
        contract,
        ..Manager::new("", "", "")
    })
}
