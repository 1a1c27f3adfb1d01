//! What a merge of prep files reports: the conflicts (why and how resolved), the changes
//! applied, the notices, and the refusal of a prep as a whole.

use super::merge_fields::FieldKey;

/// Which side wins conflicts (CLI `--prefer`). It resolves conflicts only: a field
/// changed only in a prep is taken either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    /// Take the prep's value; between two preps, the one named first.
    Prep,
    /// Keep the session's value.
    Session,
}

/// Why a prep's value was not applied automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictKind {
    /// The prep has a manager the session does not know.
    UnknownManager,
    /// The manager is now under another superior than the prep's director.
    OtherSuperior,
    /// The session already has another value than the prep's base.
    SessionChanged,
    /// Two preps change the same field to different values.
    TwoPreps,
    /// The manager was not among the prep's managers when it was made (no base).
    NotInBase,
    /// The value cannot be placed in the session (an attainment of a goal the
    /// session's goal list does not have).
    NotApplicable,
}

impl ConflictKind {
    /// Danish description.
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            Self::UnknownManager => "lederen findes ikke i sessionen",
            Self::OtherSuperior => "lederen har nu en anden nærmeste leder",
            Self::SessionChanged => "sessionen har allerede en anden værdi",
            Self::TwoPreps => "to forberedelser ændrer det samme forskelligt",
            Self::NotInBase => "lederen var ikke med i forberedelsen, da den blev lavet",
            Self::NotApplicable => "målet findes ikke i sessionens målliste",
        }
    }
}

/// How `prefer` resolved a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// The session's value was kept.
    KeptSession,
    /// This prep's value was taken.
    TookPrep,
    /// Another prep's value (named) was taken instead of this one.
    OtherPrepWon(String),
    /// Nothing could be taken (an unknown manager, a value with no place).
    Skipped,
}

/// One prep value that was not applied automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The prep file (as named by the caller).
    pub prep: String,
    /// Manager id.
    pub manager: String,
    /// The field in Danish ("Score Trivsel", "Skøn" …), empty for a whole manager.
    pub field: String,
    /// The field, None for a whole manager.
    pub key: Option<FieldKey>,
    /// Why.
    pub kind: ConflictKind,
    /// The session's value as shown.
    pub session_value: String,
    /// The prep's value as shown.
    pub prep_value: String,
    /// How `prefer` resolved it; None while it waits for a choice.
    pub resolution: Option<Resolution>,
}

/// A change applied by the merge (also written to the session's change log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The prep file.
    pub prep: String,
    /// Manager id.
    pub manager: String,
    /// The field.
    pub field: String,
    /// Old value as shown.
    pub old: String,
    /// New value as shown.
    pub new: String,
    /// Whether it resolved a conflict (`prefer` = prep) rather than being taken outright.
    pub by_preference: bool,
}

/// Something the user should know that blocks nothing: the prep was made from an older
/// revision of the session, or it changed fields a prep cannot change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The prep file.
    pub prep: String,
    /// Manager id, if it concerns one.
    pub manager: Option<String>,
    /// What, in Danish.
    pub text: String,
}

/// The outcome of a merge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Changes applied, in order.
    pub applied: Vec<Applied>,
    /// Every prep value not applied automatically, resolved or not.
    pub conflicts: Vec<Conflict>,
    /// Information that blocks nothing.
    pub notices: Vec<Notice>,
    /// Whether every conflict is resolved (always with `prefer`).
    pub resolved: bool,
}

/// A prep refused as a whole: made from another session, or not a prep at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{prep}: {reason}; intet er indlæst")]
pub struct MergeRefused {
    /// The prep file.
    pub prep: String,
    /// Why, in Danish.
    pub reason: String,
}
