//! The meeting screen (egui), in four rooms: `shell/` (the app and the one command
//! handler – the only code that holds `&mut KalibrerApp`), `state/` (what is shown and
//! derived), `panels/` and `dialogs/` (draw, and return [`command::Command`]s).

pub mod command;
pub mod dialogs;
pub mod icon;
pub mod panels;
pub mod shell;
pub mod state;
pub mod theme;
pub mod theme_contrast;
pub mod widgets;

pub use shell::app::KalibrerApp;

use std::path::PathBuf;

use crate::io;
use crate::model::Session;

/// Width of `text` laid out on one line as a label draws it, points: what the top bar and
/// the "Nu drøftes" strip measure to pick a shorter form before anything would wrap.
pub(crate) fn one_line_width(ui: &egui::Ui, text: impl Into<egui::WidgetText>, style: egui::TextStyle) -> f32 {
    text.into().into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style).size().x
}

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

/// The renderer: glow (OpenGL), which on a desktop without GPU (Mesa llvmpipe) shows a key
/// press in about half of wgpu's time (issue 19, BENCHMARKS.md); `KALIBRER_RENDERER=wgpu`
/// chooses wgpu, and wgpu is tried when glow cannot open the window (no OpenGL 2+, as on some
/// Windows desktops without a graphics driver).
fn renderer() -> eframe::Renderer {
    match std::env::var("KALIBRER_RENDERER").as_deref() {
        Ok("wgpu") => eframe::Renderer::Wgpu,
        _ => eframe::Renderer::Glow,
    }
}

/// Starts the GUI on `path` (or the demo). A file that cannot be opened opens a window
/// that says why (see [`KalibrerApp::open_or_explain`]). SIGTERM releases the file's lock
/// and asks the window to close.
///
/// # Errors
/// When the window cannot open.
pub fn run_gui(path: Option<PathBuf>) -> Result<(), String> {
    keep_freed_memory();
    let first = renderer();
    let started = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    match run_window(first, path.clone(), std::sync::Arc::clone(&started)) {
        // glow failed before the app existed (no usable OpenGL): try wgpu.
        Err(e) if first == eframe::Renderer::Glow && !started.load(std::sync::atomic::Ordering::SeqCst) => {
            eprintln!("OpenGL kunne ikke bruges ({e}); prøver wgpu.");
            run_window(eframe::Renderer::Wgpu, path, started)
        }
        result => result,
    }
    .map_err(|e| format!("Vinduet kunne ikke åbnes: {e}"))
}

/// Keeps memory the process frees for its next use instead of handing it back to the system.
///
/// On a desktop without GPU, Mesa's software renderer gives every vertex and index buffer
/// egui uploads fresh storage, each frame. glibc returned the freed top of the heap to the
/// system after every frame (`brk` down), and the next frame faulted the pages back in,
/// zeroed: at 2,206 managers a third of the frame's time on the app's thread (perf;
/// BENCHMARKS.md, issue 19). Allocations below 32 MiB now come from the heap, and up to
/// 128 MiB of free heap stays in the process.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn keep_freed_memory() {
    // SAFETY: mallopt only sets glibc's allocator parameters; it is thread-safe, takes
    // plain integers and has no preconditions. A refused value (return 0) leaves glibc's
    // default, which is only slower.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 << 20);
    }
}

/// Other systems' allocators do not hand the heap back per frame; nothing to set.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_memory() {}

/// Opens the window with `renderer`; `started` is set once the app has been created.
fn run_window(
    renderer: eframe::Renderer,
    path: Option<PathBuf>,
    started: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Kalibrer")
            .with_inner_size([1920.0, 1080.0])
            .with_min_inner_size([1024.0, 640.0])
            .with_icon(icon::app_icon())
            .with_app_id("kalibrer"),
        renderer,
        ..Default::default()
    };
    eframe::run_native(
        "Kalibrer",
        options,
        Box::new(move |cc| {
            started.store(true, std::sync::atomic::Ordering::SeqCst);
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
}
