//! What the panels ask for. Panels return commands; `apply.rs` carries them out in one place.

use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::model::MeetingStatus;

/// A request from a panel to change the document or the view.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    /// Select a manager (index into `session.managers`), or none.
    Select(Option<usize>),
    /// Select the next (+1) or previous (−1) manager in agenda order.
    SelectInAgenda(i32),
    /// Set a manager's final amount (typed, or a button); one undo step.
    SetAmount {
        /// Manager index.
        manager: usize,
        /// The new amount (snapped to the step by the handler).
        amount: Decimal,
    },
    /// Set a manager's amount while dragging; merged into one undo step per drag.
    DragAmount {
        /// Manager index.
        manager: usize,
        /// The amount under the pointer, already snapped.
        amount: Decimal,
    },
    /// A drag or a text edit ended; the next edit is a new undo step.
    EndContinuous,
    /// Move a manager's amount by whole rounding steps (+1 / −1).
    StepAmount {
        /// Manager index.
        manager: usize,
        /// Number of steps, may be negative.
        steps: i64,
    },
    /// Set the written justification of the discretionary adjustment.
    SetJustification {
        /// Manager index.
        manager: usize,
        /// The text.
        text: String,
    },
    /// Set the meeting notes of a manager.
    SetNotes {
        /// Manager index.
        manager: usize,
        /// The text.
        text: String,
    },
    /// Set (or clear) a box-model score.
    SetBoxScore {
        /// Manager index.
        manager: usize,
        /// Criterion id.
        criterion: String,
        /// Score 1–6, or None to clear.
        score: Option<u8>,
    },
    /// Set (or clear) a goal's attainment in percent.
    SetAttainment {
        /// Manager index.
        manager: usize,
        /// Goal index.
        goal: usize,
        /// Attainment %, or None.
        attainment: Option<Decimal>,
    },
    /// Set (or clear) the overall rating (band-position model).
    SetRating {
        /// Manager index.
        manager: usize,
        /// Rating 1–6.
        rating: Option<u8>,
    },
    /// Set the meeting status of a manager.
    SetStatus {
        /// Manager index.
        manager: usize,
        /// The status.
        status: MeetingStatus,
    },
    /// Lock or unlock a manager against fit-to-pool and spread.
    ToggleLock(usize),
    /// Use the superior's proposed amount as the final amount.
    UseProposal(usize),
    /// Remove the discretionary adjustment (back to the formula amount).
    ClearAdjustment(usize),
    /// The group accepts a finding of `manager` with a written reason.
    AcceptFinding {
        /// Manager index.
        manager: usize,
        /// The rule.
        rule: crate::engine::RuleId,
        /// The written reason.
        why: String,
    },
    /// Withdraw the acceptance of a finding.
    RevokeAcceptance {
        /// Manager index.
        manager: usize,
        /// The rule.
        rule: crate::engine::RuleId,
    },
    /// Compute a fit-to-pool proposal and show it for acceptance.
    ProposeFitToPool,
    /// Compute a spread ×k proposal and show it for acceptance.
    ProposeSpread(Decimal),
    /// Apply the shown proposal as one undo step.
    AcceptProposal,
    /// Discard the shown proposal.
    RejectProposal,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Switch presentation mode on or off.
    TogglePresentation,
    /// Show initials instead of names (presentation mode).
    ToggleInitials,
    /// Set who enters the changes (executive id).
    SetUser(String),
    /// Open a session file (dialog).
    Open,
    /// Open a recent file.
    OpenPath(PathBuf),
    /// Save to the current file (or ask where).
    Save,
    /// Save to a new file (dialog).
    SaveAs,
    /// Export an output (asks where; asks first whether to write a draft when the
    /// meeting is not final).
    Export(crate::ui::export::ExportKind),
    /// Write the export waiting for a choice as a draft marked UDKAST.
    ExportDraft,
    /// Drop the export waiting for a choice.
    CancelExport,
    /// Write a prep file for an executive (asks where).
    Prepare(String),
    /// Merge prep files (asks which).
    MergePreps,
    /// Import HR data (`false`) or earlier years' amounts (`true`) from a file (asks which).
    Import { history: bool },
    /// Quit even with unsaved changes (after the user confirmed).
    QuitDiscarding,
    /// Quit if there are no unsaved changes (after "save and quit").
    QuitIfSaved,
    /// Close the quit confirmation without quitting.
    CancelQuit,
}
