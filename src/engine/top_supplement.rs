//! Topcheftillæg (002 §13.6): the table's amount per lønramme, the manager's amount, its
//! pension, the cap's base ("grundløn inklusiv varige tillæg") and the lønramme rule.
//!
//! 002 §13.6 at its price level (niveau 31. marts 2012): lønramme 38 127.100 kr., 39
//! 146.300 kr., 40 163.600 kr., 41 180.500 kr., 42 and 42+ 193.100 kr. Pension of the
//! topcheftillæg: 16,8 % in all, 18 % for departementschefer.

use rust_decimal::Decimal;

use crate::model::{LevelRole, Manager};

pub use crate::model::pay_grade::{LOWEST_GRADE, PRICE_LEVEL, TABLE, lonramme, table_amount};

/// The manager's topcheftillæg per year: 0 kr. without one; the stated amount; otherwise
/// the table's for the lønramme (0 kr. when the pay grade names none in the table).
#[must_use]
pub fn amount(m: &Manager) -> Decimal {
    if !m.has_top_supplement {
        return Decimal::ZERO;
    }
    m.top_supplement.or_else(|| lonramme(&m.pay_grade).and_then(table_amount)).unwrap_or(Decimal::ZERO)
}

/// The pension percentage of the topcheftillæg (002 §13.6): 18 % for a departementschef,
/// otherwise 16,8 %.
#[must_use]
pub fn pension_percent(role: LevelRole) -> Decimal {
    if role == LevelRole::Departementschef { Decimal::from(18) } else { Decimal::new(168, 1) }
}

/// The pension of the manager's topcheftillæg per year, to øre (None on overflow).
#[must_use]
pub fn pension(m: &Manager, role: LevelRole) -> Option<Decimal> {
    Some(amount(m).checked_mul(pension_percent(role))?.checked_div(Decimal::ONE_HUNDRED)?.round_dp(2))
}

/// The cap's base, "grundløn inklusiv varige tillæg" (001): the base salary plus the
/// topcheftillæg, a permanent supplement. `base_salary` holds the grundløn with the other
/// permanent supplements, without the topcheftillæg (None on overflow).
#[must_use]
pub fn cap_base(m: &Manager) -> Option<Decimal> {
    m.base_salary.checked_add(amount(m))
}

/// The lønramme of a manager with topcheftillæg when it is below 38 (002 §13.6: the
/// topcheftillæg is agreed for posts in lønramme 38 and above); None otherwise or when the
/// pay grade names no lønramme.
#[must_use]
pub fn grade_below_38(m: &Manager) -> Option<u32> {
    if !m.has_top_supplement {
        return None;
    }
    lonramme(&m.pay_grade).filter(|g| *g < LOWEST_GRADE)
}
