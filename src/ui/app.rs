//! The app: wires the panels and applies commands.

/// The Kalibrer app.
pub struct KalibrerApp;
