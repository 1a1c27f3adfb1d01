//! The dialogs: each owns its state, draws itself with `ui(…)` and returns what the user
//! chose as a [`Command`](crate::ui::command::Command); the shell carries it out.

pub mod amount_question;
pub mod conflicts;
pub mod draft_export;
pub mod file_dialog;
pub mod file_purpose;
pub mod import;
pub mod lock;
pub mod mapping;
pub mod quit;
pub mod recovery;
pub mod save_prompt;
pub mod stand_in;

/// The dialogs waiting for the user, shown one at a time (in the order of
/// `KalibrerApp::dialogs_ui`); each goes when answered.
#[derive(Debug, Default)]
pub struct Dialogs {
    /// Another instance holds the file's lock; the user has not chosen yet.
    pub lock: Option<crate::io::lock::info::LockInfo>,
    /// The quit confirmation is open.
    pub quit: bool,
    /// *Åbn* waits for the answer about unsaved changes: the file dialog (`None`) or a
    /// recent file.
    pub open_after: Option<Option<std::path::PathBuf>>,
    /// The user chose *Gem ikke* before opening: the next file opened replaces the session.
    pub open_discards: bool,
    /// The reference level-mapping window is open.
    pub mapping: bool,
    /// A typed amount that probably meant thousands, waiting for the user's answer.
    pub amount: Option<crate::ui::state::view::AmountQuestion>,
    /// A recovery copy offered back on start.
    pub recovery: Option<recovery::RecoveryOffer>,
    /// A question about saving.
    pub save_prompt: Option<save_prompt::SavePrompt>,
    /// Why the file the app was started on (or asked to open) could not be opened.
    pub open_error: Option<String>,
    /// An HR import waiting for mapping and acceptance.
    pub import: Option<import::PendingImport>,
    /// Merge conflicts waiting for a choice.
    pub conflicts: Option<conflicts::PendingConflicts>,
    /// An export of the allocation or the letters waiting for the choice to write it as a
    /// draft (the meeting is not final).
    pub draft_export: Option<draft_export::PendingExport>,
    /// Which file dialog is used, the last folder, and Kalibrer's own dialog while open.
    pub files: file_dialog::state::FileDialogs,
    /// *Gem* on closing waits for the file dialog: close the window after the save.
    pub close_after_save: bool,
    /// An edit refused because the *Indtaster* steps aside, waiting for another.
    pub stand_in: Option<stand_in::PendingStandIn>,
}

impl Dialogs {
    /// Drops the dialogs about the open file (another file is opened); the file dialogs'
    /// state stays.
    pub fn forget_file(&mut self) {
        let files = std::mem::take(&mut self.files);
        *self = Self { files, ..Self::default() };
    }
}
