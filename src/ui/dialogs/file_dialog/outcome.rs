//! How Kalibrer's own file dialog ended ([`DialogOutcome`]), and the command that carries
//! it out.

use crate::ui::command::Command;
use crate::ui::dialogs::file_purpose::{FileChoice, FilePurpose};

/// How the in-app dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user chose files.
    Chosen(FileChoice),
    /// The user closed it without a choice.
    Cancelled(FilePurpose),
}

impl DialogOutcome {
    /// The command that carries out the outcome.
    pub fn command(self) -> Command {
        match self {
            Self::Chosen(choice) => Command::FileChosen(choice),
            Self::Cancelled(purpose) => Command::FileCancelled(purpose),
        }
    }
}
