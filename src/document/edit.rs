//! The vocabulary of changes: every typed [`Edit`] a session can undergo, what an applied
//! edit did ([`Outcome`]) and why one was refused ([`EditError`], in Danish).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::engine::RuleId;
use crate::engine::merge::{Conflict, MergeRefused, MergeReport};
use crate::model::reference::MappedTo;
use crate::model::{Manager, MeetingStatus, Proposal, Session};

/// Earlier years' amounts per manager id.
pub type History = BTreeMap<String, BTreeMap<i32, Decimal>>;

/// A change to the session. Every change to a session goes through one of these.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Give a manager this final amount (snapped to the step, never below 0 kr.).
    SetAmount {
        /// Manager index.
        manager: usize,
        /// The wanted amount.
        amount: Decimal,
        /// Part of a drag: merged into one undo step until the drag ends.
        drag: bool,
    },
    /// Move a manager's amount by whole rounding steps on the grid.
    StepAmount {
        /// Manager index.
        manager: usize,
        /// Steps, may be negative.
        steps: i64,
    },
    /// Take the superior's proposed amount.
    UseProposal {
        /// Manager index.
        manager: usize,
    },
    /// Set or clear the director's proposal (kept apart from the amount, which it never
    /// changes). An empty `by` becomes the one entering it; `when` is stamped on apply.
    /// Typing the rationale merges into one undo step per field visit.
    SetProposal {
        /// Manager index.
        manager: usize,
        /// The proposal, or None to remove it.
        proposal: Option<Proposal>,
    },
    /// Record, change or clear director `by`'s view on a manager (in a prep: the preparing
    /// director's view on another director's manager). A question needs a written text.
    SetView {
        /// Manager index.
        manager: usize,
        /// The director (executive id) whose view it is.
        by: String,
        /// Enig, spørgsmål or ingen holdning; None removes the view.
        stance: Option<crate::model::Stance>,
        /// The question or comment.
        text: String,
    },
    /// Mark director `by`'s question on a manager *besvaret* (or open again).
    AnswerQuestion {
        /// Manager index.
        manager: usize,
        /// The asking director (executive id).
        by: String,
        /// Answered after the edit.
        answered: bool,
    },
    /// Remove the skøn (back to the formula amount).
    ClearAdjustment {
        /// Manager index.
        manager: usize,
    },
    /// Set the skøn's written justification (typing: one undo step per field visit).
    SetJustification {
        /// Manager index.
        manager: usize,
        /// The text.
        text: String,
    },
    /// Set the meeting notes.
    SetNotes {
        /// Manager index.
        manager: usize,
        /// The text.
        text: String,
    },
    /// Set or clear a box-model score.
    SetBoxScore {
        /// Manager index.
        manager: usize,
        /// Criterion id.
        criterion: String,
        /// The score, or None.
        score: Option<u8>,
    },
    /// Set or clear a goal's attainment (percent).
    SetAttainment {
        /// Manager index.
        manager: usize,
        /// Goal index.
        goal: usize,
        /// Percent, or None.
        attainment: Option<Decimal>,
    },
    /// Set or clear the overall rating.
    SetRating {
        /// Manager index.
        manager: usize,
        /// The rating, or None.
        rating: Option<u8>,
    },
    /// Set the meeting status; *Besluttet* records the amount decided.
    SetStatus {
        /// Manager index.
        manager: usize,
        /// The status.
        status: MeetingStatus,
    },
    /// Lock or unlock a manager.
    SetLocked {
        /// Manager index.
        manager: usize,
        /// Locked after the edit.
        locked: bool,
    },
    /// Accept a finding with a written reason.
    AcceptFinding {
        /// Manager index.
        manager: usize,
        /// The rule.
        rule: RuleId,
        /// The reason.
        why: String,
    },
    /// Withdraw an acceptance.
    RevokeAcceptance {
        /// Manager index.
        manager: usize,
        /// The rule.
        rule: RuleId,
    },
    /// Apply a fit-to-pool or spread proposal: (manager index, amount) pairs. Locked and
    /// decided managers are skipped; the title is logged as the reason.
    ApplyProposal {
        /// The proposal's title ("Tilpas til puljen" …).
        title: String,
        /// The proposed amounts.
        changes: Vec<(usize, Decimal)>,
    },
    /// Replace the roster with an HR import computed from the current session (adds
    /// managers, updates HR fields); the document logs one entry per changed field.
    Import {
        /// Undo label.
        label: String,
        /// The file imported (named in each log entry's reason).
        source: String,
        /// The managers after the import.
        managers: Vec<Manager>,
        /// The history after the import.
        history: History,
        /// Every field the import changes, as its preview showed them.
        fields: Vec<ImportedField>,
    },
    /// Merge directors' preparation files (name, prep session) into the session, three-way
    /// (`engine::merge`): what does not conflict is taken as one undo step, each field
    /// logged by its director; the conflicts come back in [`Outcome::Merged`].
    MergePreps {
        /// The preparations by file name.
        preps: Vec<(String, Session)>,
    },
    /// Take a preparation's value for one conflict of a merge (the user's explicit choice).
    TakePrepValue {
        /// The conflict, as the merge reported it.
        conflict: Box<Conflict>,
        /// The manager as the preparation has it.
        prep: Box<Manager>,
    },
    /// Attach another organisation's statistics export as a reference (the path as the
    /// session names it: relative to the session file's folder).
    AttachReference {
        /// The file.
        path: String,
    },
    /// Remove an attached reference.
    RemoveReference {
        /// The file, as attached.
        path: String,
    },
    /// Name an attached reference file anew (the session is saved in another folder, and
    /// a relative path must still name the same file); the mapping is kept.
    MoveReference {
        /// The name before.
        old: String,
        /// The name after.
        new: String,
    },
    /// Choose by hand which level of a reference file a session level is compared with.
    MapReferenceLevel {
        /// The reference file, as attached.
        path: String,
        /// The session level's id.
        level: String,
        /// The reference level, none, or back to matching by role.
        to: MappedTo,
    },
    /// Change one of a manager's contract fields (top leader, goal scope, topcheftillæg,
    /// period, pro-rated share, pool part).
    Contract {
        /// Manager index.
        manager: usize,
        /// The change.
        change: super::contract_edit::ContractEdit,
    },
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
}

/// One field an import changes, as its preview shows it (logged as [`Change::Import`]).
///
/// [`Change::Import`]: crate::model::log::Change::Import
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedField {
    /// The manager's id.
    pub manager: String,
    /// What changed, in Danish ("Grundløn", "Ny leder" …).
    pub field: String,
    /// The value before, as shown (empty for a new manager).
    pub old: String,
    /// The value after, as shown.
    pub new: String,
}

/// What an applied edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The session changed.
    Changed,
    /// The edit asked for what already was.
    Unchanged,
    /// A proposal was applied to `changed` managers; the others were left alone.
    Proposal {
        /// Managers whose amount changed.
        changed: usize,
        /// Left alone because they are locked.
        locked: usize,
        /// Left alone because they are decided.
        decided: usize,
    },
    /// A step was undone or redone (its label), or there was nothing to undo/redo (None).
    Step(Option<String>),
    /// Preparations were merged: what was taken, the conflicts left for a choice, notices.
    Merged {
        /// The merge's report.
        report: Box<MergeReport>,
        /// How many managers changed.
        managers: usize,
    },
}

/// Why an edit was refused. Displayed in Danish, naming the manager.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The document is read-only: another window holds the file.
    #[error("filen er åben skrivebeskyttet – brug Gem som for at arbejde videre i en kopi")]
    ReadOnly,
    /// No manager has this index.
    #[error("lederen findes ikke (nr. {0})")]
    UnknownManager(usize),
    /// The manager's level is not in the session.
    #[error("{0} har et ukendt niveau; beløbet kan ikke ændres")]
    UnknownLevel(String),
    /// The manager is locked.
    #[error("{0} er låst – lås op for at ændre beløbet")]
    Locked(String),
    /// The manager is decided.
    #[error("{0} er besluttet – sæt status til Drøftet for at ændre det")]
    Decided(String),
    /// The value is outside what the session may hold.
    #[error("{name}: {reason}")]
    Invalid {
        /// The manager.
        name: String,
        /// Why, in Danish.
        reason: String,
    },
    /// The rule's findings may not be accepted.
    #[error("fundet «{0}» kan ikke accepteres; det skal rettes")]
    MayNotBeAccepted(&'static str),
    /// An acceptance needs a written reason.
    #[error("et fund kan kun accepteres med en skriftlig begrundelse")]
    NoReason,
    /// No proposed amount to use.
    #[error("{0} har intet foreslået beløb")]
    NoProposal(String),
    /// A question recorded without its text.
    #[error(
        "{0}: et spørgsmål skal have en skrevet tekst – skriv spørgsmålet eller vælg «enig» eller «ingen holdning»"
    )]
    QuestionWithoutText(String),
    /// The manager has no question from this director.
    #[error("{name} har intet spørgsmål fra {by}")]
    NoQuestion {
        /// The manager.
        name: String,
        /// The director.
        by: String,
    },
    /// In a prep, another director's manager may only get the preparing director's view.
    #[error(
        "{name} hører under {superior}; i forberedelsen for {executive} kan du kun give din holdning (enig, spørgsmål, ingen holdning) til lederen"
    )]
    NotInPrep {
        /// The manager.
        name: String,
        /// The manager's superior (executive id).
        superior: String,
        /// The preparing director (executive id).
        executive: String,
    },
    /// A director's view on her own manager (a view is on the other directors' managers).
    #[error("{0} er din egen leder; en holdning gives kun til de andre direktørers ledere – brug forslaget")]
    OwnManager(String),
    /// The one entering the change is the manager (inhabil for the item).
    #[error(
        "{executive} er inhabil i sagen om {name} (sin egen løn) og kan ikke være indtaster – vælg en anden direktør som indtaster"
    )]
    SteppedAside {
        /// The manager.
        name: String,
        /// The executive who steps aside (name).
        executive: String,
    },
    /// A reference edit that cannot be made (unknown file or level), in Danish.
    #[error("{0}")]
    Reference(String),
    /// A preparation refused as a whole (not a prep, or made from another session).
    #[error("{0}")]
    MergeRefused(#[from] MergeRefused),
    /// The manager of a merge conflict is no longer in the session, or the preparation's
    /// value has no place in it.
    #[error("forberedelsens værdi for {0} kan ikke bruges")]
    PrepValue(String),
}
