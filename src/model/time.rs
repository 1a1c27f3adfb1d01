//! Times as a person in Denmark reads them: Danish local time (Europe/Copenhagen, with
//! summer time) in one Danish form, "1. december 2026 kl. 10.15". Files keep UTC
//! (`2026-12-01T09:15:00Z`); only what is shown is converted, here and nowhere else.
//!
//! The zone rules come from the IANA database bundled into the binary by `jiff`
//! (`tzdb-bundle-always`), so the answer is the same on Windows, which has no zone files,
//! and on every test machine.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The Danish month names, January first.
const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// Danish local time of a UTC time stamp as written in the files (RFC 3339 / ISO 8601 with
/// `Z` or an offset): `2026-12-01T09:15:00Z` → "1. december 2026 kl. 10.15" (winter,
/// UTC+1), `2026-07-01T09:15:00Z` → "1. juli 2026 kl. 11.15" (summer, UTC+2). Text that is
/// not such a time stamp (an empty field, a hand-edited file) is returned as it is.
#[must_use]
pub fn local_time(utc: &str) -> String {
    utc.trim().parse::<Timestamp>().map_or_else(|_| utc.to_string(), format_local)
}

/// The Danish local date of a UTC time stamp, for letters: `2026-12-31T23:30:00Z` →
/// "1. januar 2027". Text that is not a time stamp is returned as it is.
#[must_use]
pub fn local_date(utc: &str) -> String {
    let full = local_time(utc);
    full.split(" kl. ").next().map_or(full.clone(), str::to_string)
}

/// Danish local time of seconds since 1970 (UTC), as [`local_time`].
#[must_use]
pub fn local_time_unix(secs: u64) -> String {
    i64::try_from(secs).ok().and_then(|s| Timestamp::from_second(s).ok()).map_or_else(|| secs.to_string(), format_local)
}

/// Formats a timestamp in Copenhagen time; UTC (marked) if the zone is not available.
fn format_local(ts: Timestamp) -> String {
    match TimeZone::get("Europe/Copenhagen") {
        Ok(tz) => {
            let z = ts.to_zoned_datetime(tz);
            let month = MONTHS.get(usize::try_from(z.month() - 1).unwrap_or(0)).copied().unwrap_or("");
            format!("{}. {month} {} kl. {:02}.{:02}", z.day(), z.year(), z.hour(), z.minute())
        }
        Err(_) => {
            let z = ts.to_zoned_datetime(TimeZone::UTC);
            let month = MONTHS.get(usize::try_from(z.month() - 1).unwrap_or(0)).copied().unwrap_or("");
            format!("{}. {month} {} kl. {:02}.{:02} UTC", z.day(), z.year(), z.hour(), z.minute())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{local_date, local_time, local_time_unix};

    #[test]
    fn winter_is_utc_plus_one_and_summer_utc_plus_two() {
        assert_eq!(local_time("2026-12-01T09:15:00Z"), "1. december 2026 kl. 10.15");
        assert_eq!(local_time("2026-07-01T09:15:00Z"), "1. juli 2026 kl. 11.15");
        // New year's eve in UTC is already the next year in Copenhagen.
        assert_eq!(local_time("2026-12-31T23:30:00Z"), "1. januar 2027 kl. 00.30");
        // An offset in the file is honoured.
        assert_eq!(local_time("2026-12-01T10:15:00+01:00"), "1. december 2026 kl. 10.15");
    }

    #[test]
    fn across_the_summer_time_switches_of_2026() {
        // 29 March 2026: 02.00 CET becomes 03.00 CEST at 01.00 UTC.
        assert_eq!(local_time("2026-03-29T00:59:00Z"), "29. marts 2026 kl. 01.59");
        assert_eq!(local_time("2026-03-29T01:00:00Z"), "29. marts 2026 kl. 03.00");
        // 25 October 2026: 03.00 CEST becomes 02.00 CET at 01.00 UTC; 02.30 happens twice.
        assert_eq!(local_time("2026-10-25T00:30:00Z"), "25. oktober 2026 kl. 02.30");
        assert_eq!(local_time("2026-10-25T01:30:00Z"), "25. oktober 2026 kl. 02.30");
        assert_eq!(local_time("2026-10-25T02:00:00Z"), "25. oktober 2026 kl. 03.00");
    }

    #[test]
    fn seconds_since_1970_and_text_that_is_no_time() {
        // 1.700.000.000 s = 2023-11-14T22:13:20Z, winter: 23.13.
        assert_eq!(local_time_unix(1_700_000_000), "14. november 2023 kl. 23.13");
        assert_eq!(local_time(""), "");
        assert_eq!(local_time("i går"), "i går");
        assert_eq!(local_date("2026-12-31T23:30:00Z"), "1. januar 2027");
        assert_eq!(local_date("2026-07-01T09:15:00Z"), "1. juli 2026");
    }
}
