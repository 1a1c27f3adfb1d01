//! The dialogs: each owns its state and returns what the user chose.

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
