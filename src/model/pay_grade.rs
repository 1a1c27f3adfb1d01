//! Lønramme (pay grade) and the topcheftillæg table of 002 §13.6 at its price level
//! (niveau 31. marts 2012): lønramme 38 127.100 kr., 39 146.300 kr., 40 163.600 kr.,
//! 41 180.500 kr., 42 and 42+ 193.100 kr. Used by the engine and by the migration of old
//! files (whose topcheftillæg was a yes/no).

use rust_decimal::Decimal;

/// The price level of [`TABLE`], as 002 states it.
pub const PRICE_LEVEL: &str = "niveau 31. marts 2012";

/// 002 §13.6's table: lønramme → topcheftillæg per year (kr., [`PRICE_LEVEL`]).
pub const TABLE: [(u32, i64); 5] = [(38, 127_100), (39, 146_300), (40, 163_600), (41, 180_500), (42, 193_100)];

/// The lowest lønramme for which a topcheftillæg is agreed (002 §13.6).
pub const LOWEST_GRADE: u32 = 38;

/// The lønramme a pay grade names: "LR 38", "lønramme 39", "38", "LR 42+" (→ 42);
/// a løngruppe of the rammeaftale ("LG 1" … "LG 4") is lønramme 37–40 (002 §13.1).
/// None when it names neither.
#[must_use]
pub fn lonramme(pay_grade: &str) -> Option<u32> {
    let g = pay_grade.trim().to_lowercase();
    let (offset, rest) = if let Some(r) = g.strip_prefix("lg").or_else(|| g.strip_prefix("løngruppe")) {
        (36, r)
    } else {
        (0, g.strip_prefix("lr").or_else(|| g.strip_prefix("lønramme")).unwrap_or(&g))
    };
    let digits = rest.trim().trim_end_matches('+').trim();
    let n: u32 = digits.parse().ok()?;
    (n > 0).then_some(n + offset)
}

/// The table's topcheftillæg for lønramme `grade` (42 and above: 42's), None below 38.
#[must_use]
pub fn table_amount(grade: u32) -> Option<Decimal> {
    let g = grade.min(42);
    TABLE.iter().find(|(r, _)| *r == g).map(|(_, kr)| Decimal::from(*kr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_read_from_the_usual_spellings() {
        assert_eq!(lonramme("LR 38"), Some(38));
        assert_eq!(lonramme("lønramme 41"), Some(41));
        assert_eq!(lonramme("LR 42+"), Some(42));
        assert_eq!(lonramme("39"), Some(39));
        assert_eq!(lonramme("LG 1"), Some(37));
        assert_eq!(lonramme("LG 4"), Some(40));
        assert_eq!(lonramme(""), None);
        assert_eq!(lonramme("Chefløn"), None);
    }

    #[test]
    fn the_table_of_002_13_6() {
        assert_eq!(table_amount(37), None);
        assert_eq!(table_amount(38), Some(Decimal::from(127_100)));
        assert_eq!(table_amount(40), Some(Decimal::from(163_600)));
        assert_eq!(table_amount(43), Some(Decimal::from(193_100)));
    }
}
