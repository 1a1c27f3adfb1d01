//! The change log: who changed what, when, from what to what, and why — typed.
//!
//! Each entry carries a [`Change`]: the kind of change with its old and new values as
//! values (amounts as `Decimal`, statuses as [`MeetingStatus`] …), never as sentences.
//! The Danish wording for screens and documents comes from [`Change::what`],
//! [`Change::old_text`] and [`Change::new_text`], in this one place (`log_text.rs`). Readers that need to
//! know something (who decided, what to anonymise) match on the kind.
//!
//! Version-1 files stored `what`/`old`/`new` as display strings; they are read through
//! [`RawEntry`] and typed where the label is known (status, amount, notes,
//! justification), else kept as [`Change::Legacy`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::manager::MeetingStatus;
use super::money::parse_kr;

/// One recorded change. The log is append-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "RawEntry")]
pub struct ChangeEntry {
    /// When, as an ISO 8601 UTC timestamp (`2026-11-22T09:15:00Z`).
    pub when: String,
    /// Who entered the change (executive id).
    pub who: String,
    /// The manager changed (id), if the change concerns one.
    #[serde(default)]
    pub manager: Option<String>,
    /// What changed, with typed old and new values.
    pub change: Change,
    /// Why, when given.
    #[serde(default)]
    pub why: String,
}

/// What changed, with the old and new value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// The final amount (through the direct amount or the skøn).
    Amount {
        /// Before.
        old: Decimal,
        /// After.
        new: Decimal,
        /// Whether a fit-to-pool or spread proposal set it (false: set by hand – typed,
        /// dragged, stepped or a director's proposal used). Absent in older files: false.
        #[serde(default, skip_serializing_if = "is_false")]
        by_allocation: bool,
    },
    /// The discretionary adjustment itself (set or removed).
    Adjustment {
        /// Before (None: no skøn).
        old: Option<Decimal>,
        /// After.
        new: Option<Decimal>,
    },
    /// The skøn's written justification.
    Justification {
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// The meeting notes.
    Notes {
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// A box-model score.
    Score {
        /// Criterion id.
        criterion: String,
        /// Before.
        old: Option<u8>,
        /// After.
        new: Option<u8>,
    },
    /// A goal's attainment (percent).
    Attainment {
        /// Goal index (0-based).
        goal: usize,
        /// Before.
        old: Option<Decimal>,
        /// After.
        new: Option<Decimal>,
    },
    /// The overall rating.
    Rating {
        /// Before.
        old: Option<u8>,
        /// After.
        new: Option<u8>,
    },
    /// The director's proposal (amount or assessment, rationale, who and when).
    Proposal {
        /// Before (None: no proposal).
        old: Option<Box<super::manager::Proposal>>,
        /// After.
        new: Option<Box<super::manager::Proposal>>,
    },
    /// A director's view on the manager (enig, spørgsmål, ingen holdning), or its
    /// question marked answered.
    View {
        /// The director (executive id) whose view it is.
        director: String,
        /// Before (None: no view).
        old: Option<Box<super::view::View>>,
        /// After.
        new: Option<Box<super::view::View>>,
    },
    /// The meeting status.
    Status {
        /// Before.
        old: MeetingStatus,
        /// After.
        new: MeetingStatus,
    },
    /// Locked or unlocked.
    Lock {
        /// Whether the manager is locked after the change.
        locked: bool,
    },
    /// A finding accepted with a reason (in `why`), or the acceptance withdrawn.
    Acceptance {
        /// The rule's code.
        rule: String,
        /// Whether it is accepted after the change.
        accepted: bool,
    },
    /// A field written by an HR import (values as shown in the import's preview).
    Import {
        /// The field ("Grundløn" …).
        field: String,
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// A field taken from a director's preparation (values as shown in the merge).
    Prep {
        /// The field ("Score Trivsel" …).
        field: String,
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// A reference file (another organisation's statistics) attached or removed.
    Reference {
        /// The file, as the session names it.
        path: String,
        /// Whether it is attached after the change.
        attached: bool,
    },
    /// A reference file named anew because the session was saved in another folder (the
    /// same file).
    ReferenceMoved {
        /// The name before.
        old: String,
        /// The name after.
        new: String,
    },
    /// Which reference level a session level is compared with.
    ReferenceMapping {
        /// The reference file.
        path: String,
        /// The session level's id.
        level: String,
        /// Before.
        old: super::reference::MappedTo,
        /// After.
        new: super::reference::MappedTo,
    },
    /// A field of the resultatløn contract (issue 30: top leader, goal scope,
    /// topcheftillæg, period, pro-rating, pool part, a collective goal's attainment).
    Contract(super::log_contract::ContractChange),
    /// An undo step.
    Undo {
        /// The step undone.
        step: String,
    },
    /// A redo step.
    Redo {
        /// The step redone.
        step: String,
    },
    /// A version-1 entry whose label is not one of the typed kinds.
    Legacy {
        /// The label.
        what: String,
        /// Before, as written then.
        old: String,
        /// After, as written then.
        new: String,
    },
}

/// Serde: leave `by_allocation: false` out of the file.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

impl ChangeEntry {
    /// Whether this entry set `manager`'s status to *Besluttet*.
    #[must_use]
    pub fn decides(&self, manager: &str) -> bool {
        self.manager.as_deref() == Some(manager)
            && matches!(self.change, Change::Status { new: MeetingStatus::Besluttet, .. })
    }
}

/// The entry that last set `manager`'s status to *Besluttet* (who decided, and when).
#[must_use]
pub fn decided_by<'a>(log: &'a [ChangeEntry], manager: &str) -> Option<&'a ChangeEntry> {
    log.iter().rev().find(|e| e.decides(manager))
}

/// A change-log entry as stored: version 2 files have `change`; version 1 files had
/// `what`, `old` and `new` as display strings.
#[derive(Deserialize)]
struct RawEntry {
    when: String,
    who: String,
    #[serde(default)]
    manager: Option<String>,
    #[serde(default = "no_change")]
    change: Change,
    #[serde(default)]
    what: String,
    #[serde(default)]
    old: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    why: String,
}

/// The marker for an entry without `change` (a version-1 entry).
fn no_change() -> Change {
    Change::Legacy { what: String::new(), old: String::new(), new: String::new() }
}

impl From<RawEntry> for ChangeEntry {
    fn from(raw: RawEntry) -> Self {
        let change = if raw.change == no_change() { from_v1(raw.what, raw.old, raw.new) } else { raw.change };
        Self { when: raw.when, who: raw.who, manager: raw.manager, change, why: raw.why }
    }
}

/// Types a version-1 entry where its label is known and its values parse.
fn from_v1(what: String, old: String, new: String) -> Change {
    let status = |s: &str| MeetingStatus::ALL.into_iter().find(|x| x.label() == s);
    match what.as_str() {
        "Status" => {
            if let (Some(o), Some(n)) = (status(&old), status(&new)) {
                return Change::Status { old: o, new: n };
            }
        }
        "Beløb" => {
            if let (Ok(o), Ok(n)) = (parse_kr(&old), parse_kr(&new)) {
                return Change::Amount { old: o, new: n, by_allocation: false };
            }
        }
        "Noter" => return Change::Notes { old, new },
        "Begrundelse for skøn" => return Change::Justification { old, new },
        "Fortryd" => return Change::Undo { step: old },
        "Gentag" => return Change::Redo { step: old },
        _ => {}
    }
    Change::Legacy { what, old, new }
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
    use super::*;
    use crate::model::money::format_kr;

    #[test]
    fn v1_entries_are_typed_where_the_label_is_known() {
        assert_eq!(
            from_v1("Status".into(), "Drøftet".into(), "Besluttet".into()),
            Change::Status { old: MeetingStatus::Droeftet, new: MeetingStatus::Besluttet }
        );
        assert_eq!(
            from_v1("Beløb".into(), "45.000 kr.".into(), "46.000 kr.".into()),
            Change::Amount { old: Decimal::from(45_000), new: Decimal::from(46_000), by_allocation: false }
        );
        assert!(matches!(from_v1("Grundløn".into(), "1".into(), "2".into()), Change::Legacy { .. }));
    }

    #[test]
    fn texts_of_typed_changes() {
        let c = Change::Attainment { goal: 1, old: None, new: Some(Decimal::new(1025, 1)) };
        assert_eq!(
            (c.what().as_str(), c.old_text().as_str(), c.new_text().as_str()),
            ("Målopfyldelse mål 2", "–", "102,5 %")
        );
        let c = Change::Amount { old: Decimal::from(45_000), new: Decimal::from(-7_000), by_allocation: false };
        assert_eq!(c.new_text(), format_kr(Decimal::from(-7_000)));
    }

    #[test]
    fn known_timestamps() {
        assert_eq!(iso_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_from_unix(1_795_338_900), "2026-11-22T09:15:00Z");
    }
}
