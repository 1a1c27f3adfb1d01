//! The app and everything that holds `&mut KalibrerApp`: the one command handler
//! (`commands.rs`), the keys, the file actions and the settings.

pub mod app;
pub mod commands;
pub mod export;
pub mod files;
pub mod imports;
pub mod keys;
pub mod lock;
pub mod meeting;
pub mod prepflow;
pub mod preps;
pub mod proposals;
pub mod references;
pub mod screen;
pub mod settings;
