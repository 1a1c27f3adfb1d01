//! Files: the RON session, validation on load, atomic save, CSV export.

pub mod allocation;
pub mod anonymise;
pub mod csv_dialect;
pub mod documentation;
pub mod documentation_directors;
mod documentation_findings;
mod documentation_manager;
pub mod export;
pub mod finality;
pub mod html;
pub mod import;
pub mod letters;
pub mod lock;
pub mod os_error;
pub mod outputs;
pub mod paths;
pub mod public;
pub mod reference_file;
pub mod regular_file;
mod ron_errors;
pub mod session_file;
pub mod statistics_export;
pub mod tables;
pub mod templates;
pub mod validate;
pub mod words;
pub mod xlsx;

pub use session_file::{LoadError, SaveError, SaveFailure, load_session_file, parse_session, save_session, to_ron};
pub use validate::{Problem, validate};

/// The demo session embedded in the binary (`assets/demo.ron`).
pub const DEMO_RON: &str = include_str!("../../assets/demo.ron");
