//! What stands between a save and someone else's work: the file changed on disk since
//! it was loaded (ask before overwriting), a read-only file (offer *Gem som*), and a file
//! that could not be opened at start (a window with the message instead of nothing).
//! It also holds the file dialogs' state and draws Kalibrer's own file dialog.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::io::session_file::FileStamp;

use crate::ui::shell::app::KalibrerApp;

/// A question about saving, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavePrompt {
    /// The file was written by someone else after it was loaded or last saved here.
    ChangedOnDisk(PathBuf),
    /// The file is read-only and was not replaced.
    ReadOnly(PathBuf),
}

/// The open file as it was on disk when loaded or saved, the questions pending, and the
/// file dialogs.
#[derive(Debug, Default)]
pub struct FileGuard {
    /// A question about saving.
    pub prompt: Option<SavePrompt>,
    /// Why the file the app was started on (or asked to open) could not be opened.
    pub open_error: Option<String>,
    /// Which file dialog is used, the last folder, and Kalibrer's own dialog while open.
    pub dialogs: crate::ui::dialogs::file_purpose::FileDialogs,
    /// "Gem og luk" waits for the file dialog: close the window after the save.
    pub close_after_save: bool,
}

impl KalibrerApp {
    /// Starts on `path` (or the demo); when the file cannot be opened, starts on the demo
    /// with a window that says why and offers another file – never only a message on
    /// stderr.
    ///
    /// # Errors
    /// Only when the embedded demo cannot be read either.
    pub fn open_or_explain(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Result<Self, String> {
        match crate::ui::initial_session(path.as_ref()) {
            Ok(session) => Ok(Self::new(cc, session, path)),
            Err(message) => {
                let demo = crate::ui::initial_session(None)?;
                let mut app = Self::new(cc, demo, None);
                app.file_guard.open_error = Some(message);
                Ok(app)
            }
        }
    }

    /// Whether saving to `path` must first ask (someone else wrote it since): asks and
    /// returns true.
    pub(crate) fn ask_before_overwriting(&mut self, path: &Path) -> bool {
        let own_file = self.meeting.doc.path.as_deref() == Some(path);
        let changed = match (self.meeting.stamp, FileStamp::of(path)) {
            (Some(known), Some(now)) => known != now,
            // A file that is gone has nothing to overwrite.
            _ => false,
        };
        if own_file && changed {
            self.file_guard.prompt = Some(SavePrompt::ChangedOnDisk(path.to_path_buf()));
            return true;
        }
        false
    }

    /// Draws the pending question about saving, the open error and Kalibrer's own file
    /// dialog (whose choice is carried out at once).
    pub(crate) fn file_guard_ui(&mut self, ctx: &egui::Context) {
        if let Some(outcome) = self.file_guard.dialogs.ui(ctx) {
            self.apply(ctx, outcome.command());
            ctx.request_discard("fil valgt");
        }
        self.open_error_ui(ctx);
        let Some(prompt) = self.file_guard.prompt.clone() else { return };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("file_guard")).show(ctx, |ui| {
            let (heading, text) = match &prompt {
                SavePrompt::ChangedOnDisk(p) => (
                    "Filen er ændret på disken",
                    format!(
                        "{} er skrevet af et andet program eller en anden bruger, siden du åbnede den. \
                         Gemmer du nu, forsvinder de ændringer.",
                        file_name(p)
                    ),
                ),
                SavePrompt::ReadOnly(p) => (
                    "Filen er skrivebeskyttet",
                    format!("{} bliver ikke erstattet. Gem dine ændringer under et andet navn.", file_name(p)),
                ),
            };
            ui.heading(heading);
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Gem som …").strong()).clicked() {
                    choice = Some(Choice::SaveAs);
                }
                if matches!(prompt, SavePrompt::ChangedOnDisk(_)) && ui.button("Overskriv alligevel").clicked() {
                    choice = Some(Choice::Overwrite);
                }
                if ui.button("Annullér").clicked() {
                    choice = Some(Choice::Cancel);
                }
            });
        });
        let Some(choice) = choice else { return };
        self.file_guard.prompt = None;
        match (choice, prompt) {
            (Choice::SaveAs, _) => self.save_as(),
            (Choice::Overwrite, SavePrompt::ChangedOnDisk(path)) => self.save_to_unchecked(&path),
            _ => {}
        }
    }

    /// The window shown when the file could not be opened.
    fn open_error_ui(&mut self, ctx: &egui::Context) {
        let Some(message) = self.file_guard.open_error.clone() else { return };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("open_error")).show(ctx, |ui| {
            ui.heading("Filen kan ikke åbnes");
            ui.label(&message);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Åbn en anden fil").strong()).clicked() {
                    choice = Some(true);
                }
                if ui.button("Åbn demoen").clicked() {
                    choice = Some(false);
                }
            });
        });
        match choice {
            Some(true) => {
                self.file_guard.open_error = None;
                self.open_dialog();
            }
            Some(false) => {
                self.file_guard.open_error = None;
                // Started on a broken file, the app already shows the demo; after a failed
                // open from the menu it still shows the previous file.
                if self.meeting.doc.path.is_some()
                    && !self.meeting.doc.is_dirty()
                    && let Ok(demo) = crate::ui::initial_session(None)
                {
                    self.replace_meeting(demo, None);
                }
            }
            None => {}
        }
    }
}

#[derive(Clone, Copy)]
enum Choice {
    SaveAs,
    Overwrite,
    Cancel,
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
