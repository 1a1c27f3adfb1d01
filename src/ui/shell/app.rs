//! The application: holds the settings, the open meeting and the dialogs; `screen.rs` lays out the panels.

use std::path::PathBuf;

use crate::model::Session;

use crate::ui::command::Command;
use crate::ui::theme;

pub use crate::ui::shell::meeting::Meeting;

/// The Kalibrer meeting app, in three parts: the settings that live as long as the app,
/// the meeting (one open file), and the dialogs waiting for the user.
pub struct KalibrerApp {
    /// What the app remembers between runs (recent files, import mappings).
    pub settings: crate::ui::shell::settings::Settings,
    /// The open file.
    pub meeting: Meeting,
    /// The dialogs waiting for the user.
    pub dialogs: crate::ui::dialogs::Dialogs,
    /// The presentation mode and zoom the theme was applied for (None: not yet applied).
    pub(crate) theme_for: Option<(bool, f32)>,
    /// The title last sent to the window.
    pub(crate) title: String,
    /// Whether the window is cleared with the panel colour ([`eframe::App::clear_color`]),
    /// so that the panels paint no fill of their own: a whole screen of pixels less per
    /// frame for a software rasteriser (issue 19), the same picture. Set by the real window
    /// ([`crate::ui::run_gui`]); off where the renderer clears to something else (kittest clears
    /// to transparent, so snapshots keep the panels' fills).
    pub panels_on_clear_color: bool,
    /// Keys whose press [`crate::ui::shell::keys::take_shortcuts`] took out of the input: their
    /// releases are taken too.
    pub(crate) keys_held: Vec<egui::Key>,
}

impl KalibrerApp {
    /// A new app on `session` (from `path`, or the demo when None).
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, session: Session, path: Option<PathBuf>) -> Self {
        let mut app = Self::with_session(session, path);
        app.settings = crate::ui::shell::settings::Settings::load(cc.storage);
        app.install(&cc.egui_ctx);
        app
    }

    /// Installs fonts and theme, takes the file's lock and looks for a recovery copy:
    /// what a window needs before its first frame.
    pub fn install(&mut self, ctx: &egui::Context) {
        theme::install_fonts(ctx);
        let wanted = theme::wanted(ctx, self.meeting.view.presentation);
        theme::set_style(ctx, wanted);
        self.theme_for = Some(wanted);
        let repaint = ctx.clone();
        self.meeting.autosave.set_waker(move || repaint.request_repaint());
        self.take_lock();
        self.check_recovery();
    }

    /// A new app on `session` without any eframe context (tests, benchmarks).
    #[must_use]
    pub fn with_session(session: Session, path: Option<PathBuf>) -> Self {
        Self {
            settings: crate::ui::shell::settings::Settings::default(),
            meeting: Meeting::new(session, path),
            theme_for: None,
            title: String::new(),
            dialogs: crate::ui::dialogs::Dialogs::default(),
            panels_on_clear_color: false,
            keys_held: Vec::new(),
        }
    }

    /// Replaces the meeting with one on `session` from `path` (the settings and the file
    /// dialogs stay; the dialogs about the old file go): releases the old file's lock,
    /// takes the new one's and looks for its recovery copy.
    pub(crate) fn replace_meeting(&mut self, session: Session, path: Option<PathBuf>) {
        self.release_lock();
        let old = std::mem::replace(&mut self.meeting, Meeting::new(session, path));
        self.meeting.autosave.keep_waker(&old.autosave);
        // The agenda order the meeting chose holds for the next file too (*Filer →
        // Dagsorden*); everything else shown belongs to the file.
        if old.view.agenda_order != self.meeting.view.agenda_order {
            self.set_agenda_order(old.view.agenda_order);
        }
        self.dialogs.forget_file();
        self.take_lock();
        self.check_recovery();
    }

    /// Recomputes the evaluation if the document changed since.
    pub fn refresh(&mut self) {
        self.meeting.refresh();
    }

    /// The window title: file name, unsaved mark, app name.
    #[must_use]
    pub fn window_title(&self) -> String {
        self.meeting.window_title()
    }

    /// Draws one frame and returns the panels' commands (applied by the caller; keyboard
    /// shortcuts are applied before drawing, see [`eframe::App::ui`]).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        if !self.panels_on_clear_color {
            return self.panels_ui(ui);
        }
        // The window was cleared with the panel colour: the panels paint no fill (only they
        // read `panel_fill`), while the UI stack still gives their background as that colour
        // (scroll areas fade into it).
        let fill = ui.visuals().panel_fill;
        let info = egui::UiStackInfo::default().with_frame(egui::Frame::NONE.fill(fill));
        ui.scope_builder(egui::UiBuilder::new().ui_stack_info(info), |ui| {
            ui.style_mut().visuals.panel_fill = egui::Color32::TRANSPARENT;
            self.panels_ui(ui)
        })
        .inner
    }
}

impl KalibrerApp {
    /// The dialogs waiting for the user, one at a time in this order: the lock question, the
    /// recovery offer, a question about saving, the open error, a merge's conflicts, an
    /// import, Kalibrer's own file dialog. Returns what the user chose.
    fn dialogs_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut out = Vec::new();
        let view = &self.meeting.view;
        if let Some(holder) = &self.dialogs.lock {
            out.extend(crate::ui::dialogs::lock::ui(ctx, holder));
        } else if let Some(offer) = self.dialogs.recovery.as_mut().filter(|_| !self.meeting.doc.is_read_only()) {
            out.extend(offer.ui(ctx, view));
        }
        out.extend(self.dialogs.files.ui(ctx));
        if let Some(message) = &self.dialogs.open_error {
            out.extend(crate::ui::dialogs::save_prompt::open_error_ui(ctx, message));
        }
        if let Some(prompt) = &self.dialogs.save_prompt {
            out.extend(prompt.ui(ctx));
        }
        let session = self.meeting.doc.session();
        if let Some(conflicts) = &self.dialogs.conflicts {
            out.extend(conflicts.ui(ctx, session, view));
        }
        if let Some(import) = &mut self.dialogs.import {
            out.extend(import.ui(ctx, session, view));
        }
        if let Some(stand_in) = &self.dialogs.stand_in {
            out.extend(stand_in.ui(ctx));
        }
        out
    }
}

/// With `KALIBRER_TRACE_FRAMES` set, prints one line per pass to stderr: time (ms since
/// 1970), the input events it carries and what asked for it (egui's repaint causes) – how
/// the frames per key press in BENCHMARKS.md were counted.
fn trace_pass(ctx: &egui::Context, frame: &eframe::Frame) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("KALIBRER_TRACE_FRAMES").is_some()) {
        let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_millis();
        let events = ctx.input(|i| i.events.len());
        if events > 0 {
            // Which events reached the pass (the shortcuts' are taken before it).
            eprintln!("  events {:?}", ctx.input(|i| i.events.clone()));
        }
        let cpu = frame.info().cpu_usage.unwrap_or_default() * 1000.0;
        eprintln!("pass {ms} events={events} cpu_prev={cpu:.1} causes={:?}", ctx.repaint_causes());
    }
}

impl eframe::App for KalibrerApp {
    /// Carries out the shortcuts before egui's pass and takes their events out of the
    /// input, so that a key press paints no frames beyond the ones that show it (issue 19;
    /// [`crate::ui::shell::keys::take_shortcuts`]).
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        for command in crate::ui::shell::keys::take_shortcuts(ctx, &self.meeting.view, raw_input, &mut self.keys_held) {
            self.run_command(ctx, command);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        trace_pass(&ctx, frame);
        // One painted frame per input: a shortcut is carried out before anything is drawn,
        // so this pass already shows its result. In the window `raw_input_hook` has taken
        // them already; this carries out what reaches the pass otherwise (test harness).
        for command in crate::ui::shell::keys::keyboard_commands(&ctx, &self.meeting.view) {
            self.run_command(&ctx, command);
        }
        let wanted = theme::wanted(&ctx, self.meeting.view.presentation);
        if self.theme_for != Some(wanted) {
            theme::set_style(&ctx, wanted);
            self.theme_for = Some(wanted);
            // This pass's `ui` still has the old style: draw the frame again with the new.
            ctx.request_discard("præsentationstilstand skiftet");
            if !ctx.will_discard() {
                // egui allows two passes per frame; when both are used, paint once more.
                ctx.request_repaint();
            }
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.meeting.doc.is_dirty()
            && !self.meeting.view.quit_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.quit = true;
        }
        if self.meeting.view.quit_confirmed {
            // The user chose to close: ask again every frame until the window goes (a
            // single request can be lost while a modal or a native dialog holds the window).
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let commands = self.frame_ui(ui);
        for command in self.dialogs_ui(&ctx) {
            self.run_command(&ctx, command);
            ctx.request_discard("dialog besvaret");
        }
        // A panel's command is known only after the panels were drawn: carry it out and let
        // egui discard this pass and lay out again at once (the next pass has no input
        // events), instead of painting the old state and then the new one.
        if !commands.is_empty() {
            for command in commands {
                self.run_command(&ctx, command);
            }
            ctx.request_discard("kommandoer udført");
        }
        self.refresh();
        let (path, revision, dirty) =
            (self.meeting.doc.path.clone(), self.meeting.doc.revision(), self.meeting.doc.is_dirty());
        let busy = ctx.input(|i| i.pointer.any_down());
        // A read-only window writes no recovery copy (its document cannot change anyway).
        let dirty = dirty && !self.meeting.doc.is_read_only();
        if let Some(wait) =
            self.meeting.autosave.tick(self.meeting.doc.session(), path.as_deref(), revision, dirty, busy)
        {
            ctx.request_repaint_after(wait);
        }
        if let Some(error) = self.meeting.autosave.last_error.take() {
            self.meeting.view.notify(error, true);
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        if self.panels_on_clear_color {
            visuals.panel_fill.to_normalized_gamma_f32()
        } else {
            // eframe's default.
            egui::Color32::from_rgba_unmultiplied(12, 12, 12, 180).to_normalized_gamma_f32()
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.release_lock();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.save(storage);
    }
}
