//! What the panels and dialogs ask for. They return commands; `shell/commands.rs` carries
//! them out in one place.

use std::path::PathBuf;

use rust_decimal::Decimal;

/// A request from a panel to change the document or the view.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    /// Select a manager (index into `session.managers`), or none.
    Select(Option<usize>),
    /// Select the next (+1) or previous (−1) manager in agenda order.
    SelectInAgenda(i32),
    /// Mark the selected manager decided and go to the next in agenda order (key B).
    DecideAndNext,
    /// Change the session: a typed edit, applied by the document (`Document::apply`).
    Edit(crate::document::Edit),
    /// A drag or a text edit ended; the next edit is a new undo step.
    EndContinuous,
    /// Lock or unlock a manager against fit-to-pool and spread.
    ToggleLock(usize),
    /// Compute a fit-to-pool proposal and show it for acceptance.
    ProposeFitToPool,
    /// Compute a spread ×k proposal and show it for acceptance.
    ProposeSpread(Decimal),
    /// Show proposal k of the pending offer (fit: 0 fewest changes, 1 proportional).
    ChooseProposal(usize),
    /// Compute the pending offer again with (true) or without the amounts set in the meeting.
    IncludeHandSet(bool),
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
    /// Switch the lanes between the levels' bands and the managers per director (key R).
    ToggleByDirector,
    /// Add a manager to the comparison (key C; at most four).
    CompareAdd(usize),
    /// Add a manager to the comparison, or take them out (Ctrl+click).
    CompareToggle(usize),
    /// Close the comparison.
    CloseCompare,
    /// In presentation mode, switch the lower half between the spread (with the findings)
    /// and the table with the focus card (key T).
    ToggleLowerHalf,
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
    Export(crate::io::export::ExportKind),
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
    /// Carry out a file choice made in Kalibrer's own file dialog.
    FileChosen(crate::ui::dialogs::file_purpose::FileChoice),
    /// Kalibrer's own file dialog was closed without a choice.
    FileCancelled(crate::ui::dialogs::file_purpose::FilePurpose),
    /// Compare with another organisation's statistics export (asks which file).
    CompareWith,
    /// Compare with the statistics export at this path (no dialog).
    CompareWithPath(PathBuf),
    /// Open or close the window mapping the session's levels to the reference's.
    ShowReferenceMapping(bool),
    /// Quit even with unsaved changes (after the user confirmed).
    QuitDiscarding,
    /// Quit if there are no unsaved changes (after "save and quit").
    QuitIfSaved,
    /// Close the window (*Filer → Afslut*): asks first when there are unsaved changes.
    Quit,
    /// Save, then open what *Åbn* asked for.
    SaveThenOpen,
    /// Open what *Åbn* asked for, giving up the unsaved changes.
    OpenDiscarding,
    /// Close the quit (or open) confirmation without quitting.
    CancelQuit,
    /// Zoom the lanes to one level (index into `session.levels`), or back to all (None).
    ZoomLevel(Option<usize>),
    /// Zoom to the lane at this position from the top (1–9, a number key); the zoomed
    /// lane's own number zooms back out.
    ZoomLane(usize),
    /// Restore the offered recovery copy.
    RestoreRecovery,
    /// Remove the offered recovery copy (confirmed).
    DiscardRecovery,
    /// Open the file read-only (another instance holds its lock).
    OpenReadOnly,
    /// Take over the lock another instance holds.
    TakeOverLock,
    /// Overwrite the open file although someone else wrote it since it was loaded.
    OverwriteAnyway(PathBuf),
    /// Close the question about saving without saving.
    CloseSavePrompt,
    /// Close the open error and choose another file.
    OpenAnother,
    /// Close the open error and show the demo.
    OpenDemo,
    /// Carry out the import waiting in its dialog.
    ApplyImport,
    /// Drop the import waiting in its dialog.
    CancelImport,
    /// Take the preparation's value for merge conflict number k.
    TakePrepValue(usize),
    /// Keep the session's value for merge conflict number k.
    KeepSessionValue(usize),
    /// Ask "Mente du 80.000 kr.?" about a typed amount.
    AskAmount(crate::ui::state::view::AmountQuestion),
    /// The answer to "Mente du 80.000 kr.?": the amount meant, or none (cancelled).
    AnswerAmount(Option<Decimal>),
    /// *Gem* on closing: save, then close when saved.
    SaveAndQuit,
    /// Order the agenda by level or *spørgsmål først*.
    SetAgendaOrder(crate::engine::agenda::AgendaOrder),
    /// Include the other directors' managers in *Forbered for …* (remembered).
    SetPrepOthers(bool),
    /// Make this executive (id) the *Indtaster* and apply the edit refused because the
    /// former one steps aside on the item.
    ChooseStandIn(String),
    /// Drop the edit refused because the *Indtaster* steps aside.
    CancelStandIn,
    /// Filter the table to one level's amounts in a range (a density strip's bin), or
    /// clear that filter.
    FilterAmount(Option<crate::ui::state::view::AmountRange>),
}
