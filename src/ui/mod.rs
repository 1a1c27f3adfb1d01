//! The meeting screen (egui): panels, commands, the document with undo, and the app.
//!
//! Panels draw from the session, the engine's evaluation and the view state, and return
//! [`command::Command`]s; `apply.rs` is the one place that carries them out.

pub mod app;
mod apply;
pub mod autosave;
pub mod axis;
pub mod command;
pub mod derived;
pub mod export;
mod file_guard_ui;
mod files;
mod findings_ui;
mod focus_assess_ui;
mod focus_ui;
pub mod icon;
pub mod import_ui;
mod keys;
mod lanes_layout;
mod lanes_ui;
mod lock_ui;
pub mod prep_ui;
mod proposal_ui;
pub mod recovery_ui;
mod spread_ui;
mod table_cells;
mod table_filter_ui;
mod table_ui;
pub mod theme;
mod topbar_ui;
pub mod view;

pub use app::KalibrerApp;

use std::path::PathBuf;

use crate::io;
use crate::model::Session;

/// Loads the session to open: `path`, or the embedded demo when None.
///
/// # Errors
/// A Danish message saying which file and where it is wrong.
pub fn initial_session(path: Option<&PathBuf>) -> Result<Session, String> {
    match path {
        Some(p) => io::load_session_file(p).map_err(|e| format!("Kan ikke åbne {}: {e}", p.display())),
        None => io::parse_session(io::DEMO_RON).map_err(|e| format!("Demoen kan ikke indlæses: {e}")),
    }
}

/// Starts the GUI on `path` (or the demo). A file that cannot be opened opens a window
/// that says why (see [`KalibrerApp::open_or_explain`]). SIGTERM releases the file's lock
/// and asks the window to close.
///
/// # Errors
/// When the window cannot open.
pub fn run_gui(path: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Kalibrer")
            .with_inner_size([1920.0, 1080.0])
            .with_min_inner_size([1024.0, 640.0])
            .with_icon(icon::app_icon())
            .with_app_id("kalibrer"),
        ..Default::default()
    };
    eframe::run_native(
        "Kalibrer",
        options,
        Box::new(move |cc| {
            let ctx = cc.egui_ctx.clone();
            io::lock::release_on_termination(move || {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx.request_repaint();
            });
            let mut app = KalibrerApp::open_or_explain(cc, path)?;
            app.panels_on_clear_color = true;
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("Vinduet kunne ikke åbnes: {e}"))
}
