//! Danish counts of things: "1 leder", "2 ledere", "1.234 ledere" – the one plural rule
//! for the CLI, the documentation and the screen.

use rust_decimal::Decimal;

use super::money::format_number;

/// `n` with the noun in the right number, the count with Danish thousands dots:
/// `count(1, "leder", "ledere")` → "1 leder", `count(0, …)` → "0 ledere",
/// `count(1234, …)` → "1.234 ledere". Danish uses the singular only for exactly one.
#[must_use]
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", format_number(Decimal::from(n)), if n == 1 { one } else { many })
}

/// "1 leder", "2 ledere".
#[must_use]
pub fn managers(n: usize) -> String {
    count(n, "leder", "ledere")
}

#[cfg(test)]
mod tests {
    use super::{count, managers};

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(managers(0), "0 ledere");
        assert_eq!(managers(1), "1 leder");
        assert_eq!(managers(2), "2 ledere");
        assert_eq!(managers(20_000), "20.000 ledere");
        assert_eq!(count(1, "fejl", "fejl"), "1 fejl");
        assert_eq!(count(3, "direktør", "direktører"), "3 direktører");
    }
}
