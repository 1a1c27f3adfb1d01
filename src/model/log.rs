//! The change log: who changed what, when, from what to what, and why.

use serde::{Deserialize, Serialize};

/// One recorded change. The log is append-only from the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeEntry {
    /// When, as an ISO 8601 UTC timestamp (`2026-11-22T09:15:00Z`).
    pub when: String,
    /// Who entered the change (executive id or name).
    pub who: String,
    /// The manager changed, if the change concerns one.
    #[serde(default)]
    pub manager: Option<String>,
    /// What was changed, in Danish ("Skøn", "Status", "Score Trivsel", …).
    pub what: String,
    /// The old value as shown to users.
    pub old: String,
    /// The new value as shown to users.
    pub new: String,
    /// Why, when given.
    #[serde(default)]
    pub why: String,
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`, without any time-zone database.
#[must_use]
pub fn now_iso() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    iso_from_unix(secs)
}

/// Formats seconds since 1970 as an ISO 8601 UTC timestamp (civil-from-days, H. Hinnant).
#[must_use]
pub fn iso_from_unix(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3_600, (rem % 3_600) / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::iso_from_unix;

    #[test]
    fn known_timestamps() {
        assert_eq!(iso_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_from_unix(1_795_338_900), "2026-11-22T09:15:00Z");
    }
}
