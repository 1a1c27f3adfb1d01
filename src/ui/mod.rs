//! The egui meeting screen.

pub mod app;
