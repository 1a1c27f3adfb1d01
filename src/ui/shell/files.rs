//! Files from the GUI: every file choice (open, save as, export, preparations, import)
//! goes through [`KalibrerApp::ask_for_file`] – the desktop's dialog (rfd) when it can show
//! one, Kalibrer's own (`file_dialog/`) when it cannot – and every outcome is answered
//! with a notice. Also: open, save, recent files, the quit confirmation.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::io;

use crate::io::session_file::FileStamp;
use crate::ui::dialogs::file_purpose::{DialogMode, FileChoice, FilePurpose};
use crate::ui::dialogs::save_prompt::SavePrompt;
use crate::ui::shell::app::KalibrerApp;

/// A system dialog that returns nothing this quickly was not shown (rfd returns `None`
/// both for a cancel and when neither the portal nor zenity could show a dialog); no one
/// closes a file dialog within this time.
const NOT_SHOWN_WITHIN: Duration = Duration::from_millis(400);

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
                app.dialogs.open_error = Some(message);
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
            self.dialogs.save_prompt = Some(SavePrompt::ChangedOnDisk(path.to_path_buf()));
            return true;
        }
        false
    }

    /// "Åbn demoen" in the open error: started on a broken file, the app already shows
    /// the demo; after a failed open from the menu it still shows the previous file.
    pub(crate) fn open_demo(&mut self) {
        self.dialogs.open_error = None;
        if self.meeting.doc.path.is_some()
            && !self.meeting.doc.is_dirty()
            && let Ok(demo) = crate::ui::initial_session(None)
        {
            self.replace_meeting(demo, None);
        }
    }

    /// Asks for a session file and opens it (after the unsaved-changes check done by the
    /// caller).
    pub(crate) fn open_dialog(&mut self) {
        self.ask_for_file(FilePurpose::Open);
    }

    /// Asks for a file for `purpose` and carries out the choice. The desktop's dialog is
    /// used when it can be shown; otherwise (no portal or zenity, `KALIBRER_FILE_DIALOG=intern`,
    /// or a system dialog that returned at once without being shown) Kalibrer's own opens,
    /// and its choice arrives as [`Command::FileChosen`]. A cancel says nothing was done.
    pub(crate) fn ask_for_file(&mut self, purpose: FilePurpose) {
        let folder = self.start_folder();
        let name = self.suggested_name(&purpose);
        let dialogs = &mut self.dialogs.files;
        match dialogs.mode {
            DialogMode::InApp => dialogs.open_in_app(purpose, &folder, name),
            DialogMode::NoSystemDialog => {
                if !dialogs.told_no_system {
                    dialogs.told_no_system = true;
                    self.meeting.view.notify(
                        "Skrivebordet har ingen fildialog (xdg-desktop-portal eller zenity); Kalibrers egen bruges.",
                        false,
                    );
                }
                self.dialogs.files.open_in_app(purpose, &folder, name);
            }
            DialogMode::System => {
                let started = Instant::now();
                match system_dialog(&purpose, &folder, name.as_deref()) {
                    Some(paths) if !paths.is_empty() => self.carry_out_file_choice(FileChoice { purpose, paths }),
                    _ if started.elapsed() < NOT_SHOWN_WITHIN => {
                        // Not shown: use Kalibrer's own from now on.
                        dialogs.mode = DialogMode::NoSystemDialog;
                        dialogs.told_no_system = true;
                        self.meeting
                            .view
                            .notify("Systemets fildialog kunne ikke vises; Kalibrers egen er åbnet i stedet.", false);
                        self.dialogs.files.open_in_app(purpose, &folder, name);
                    }
                    _ => self.file_cancelled(&purpose),
                }
            }
        }
    }

    /// Carries out a file choice from either dialog; each action reports its outcome.
    pub(crate) fn carry_out_file_choice(&mut self, choice: FileChoice) {
        let Some(path) = choice.paths.first().cloned() else {
            self.file_cancelled(&choice.purpose);
            return;
        };
        if let Some(folder) = path.parent() {
            self.dialogs.files.last_folder = Some(folder.to_path_buf());
        }
        // A save without a file type gets the preferred one (a system dialog may return
        // the name as typed).
        let path = choice.purpose.with_extension(&path);
        match choice.purpose {
            FilePurpose::Open => self.open_path(&path),
            FilePurpose::SaveAs => self.save_to(&path),
            FilePurpose::Export { kind, draft: false } => self.export_to(kind, &path),
            FilePurpose::Export { kind, draft: true } => self.write_export(kind, &path, true),
            FilePurpose::Prepare(executive) => self.write_prep(&executive, &path),
            FilePurpose::MergePreps => self.merge_files(&choice.paths),
            FilePurpose::Import { history } => self.import_file(&path, history),
            FilePurpose::Compare => self.compare_with_path(&path),
        }
    }

    /// The user closed a file dialog without choosing: say so (and do not close the window
    /// that was waiting for a save).
    pub(crate) fn file_cancelled(&mut self, purpose: &FilePurpose) {
        if *purpose == FilePurpose::SaveAs && self.dialogs.close_after_save {
            self.dialogs.close_after_save = false;
            self.meeting.view.notify("Intet er gemt, og vinduet er ikke lukket.", false);
            return;
        }
        self.meeting.view.notify(purpose.cancelled_text(), false);
    }

    /// The name suggested in a save: the open file's own for *Gem som*, else the purpose's.
    fn suggested_name(&self, purpose: &FilePurpose) -> Option<String> {
        let own = self.meeting.doc.path.as_deref().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned());
        match purpose {
            FilePurpose::SaveAs => own.or_else(|| purpose.file_name()),
            _ => purpose.file_name(),
        }
    }

    /// Where a file dialog starts: the last folder chosen, else the open file's, the most
    /// recent file's, the home folder.
    fn start_folder(&self) -> PathBuf {
        let dialogs = &self.dialogs.files;
        dialogs
            .last_folder
            .clone()
            .or_else(|| self.meeting.doc.path.as_deref().and_then(Path::parent).map(Path::to_path_buf))
            .or_else(|| self.settings.recent.first().and_then(|p| p.parent()).map(Path::to_path_buf))
            .filter(|p| p.is_dir())
            .or_else(|| std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// *Gem* on closing: closes when saved; when the save waits for Kalibrer's own file dialog,
    /// closes after that save (the question is put away so the dialog can be used).
    pub(crate) fn quit_if_saved(&mut self, ctx: &egui::Context) {
        if !self.meeting.doc.is_dirty() {
            self.meeting.view.quit_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else if self.dialogs.files.is_open_for(Some(&FilePurpose::SaveAs)) {
            self.dialogs.close_after_save = true;
            self.dialogs.quit = false;
        }
    }

    /// Asks *Gem* / *Gem ikke* / *Annuller* before opening `path` (or the file dialog) over
    /// unsaved changes.
    pub(crate) fn ask_before_open(&mut self, path: Option<PathBuf>) {
        self.dialogs.open_discards = false;
        self.dialogs.open_after = Some(path);
    }

    /// Carries out the *Åbn* that waited for the question about unsaved changes.
    pub(crate) fn open_after_question(&mut self) {
        match self.dialogs.open_after.take() {
            Some(Some(path)) => self.open_path(&path),
            Some(None) => self.open_dialog(),
            None => {}
        }
    }

    /// Opens a session file, replacing the document; a bad file leaves everything as it was.
    pub(crate) fn open_path(&mut self, path: &Path) {
        if self.meeting.doc.is_dirty() && !std::mem::take(&mut self.dialogs.open_discards) {
            self.ask_before_open(Some(path.to_path_buf()));
            return;
        }
        match io::load_session_file(path) {
            Ok(session) => {
                self.replace_meeting(session, Some(path.to_path_buf()));
                self.settings.remember(path);
                self.meeting.view.notify(format!("Åbnede {}", path.display()), false);
            }
            Err(e) => self.dialogs.open_error = Some(format!("Kan ikke åbne {}: {e}", path.display())),
        }
    }

    /// Saves to the current file, or asks where when there is none.
    pub(crate) fn save(&mut self) {
        match self.meeting.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    /// Asks where and saves there.
    pub(crate) fn save_as(&mut self) {
        self.ask_for_file(FilePurpose::SaveAs);
    }

    /// Saves atomically to `path`; on failure the work stays in memory and the message says
    /// why. Asks first when someone else wrote the open file since it was loaded or saved.
    pub(crate) fn save_to(&mut self, path: &Path) {
        if self.meeting.doc.is_read_only() && self.meeting.doc.path.as_deref() == Some(path) {
            self.meeting.view.notify("Filen er åben skrivebeskyttet – vælg Gem som og et andet navn.", true);
            return;
        }
        if self.ask_before_overwriting(path) {
            return;
        }
        self.save_to_unchecked(path);
    }

    /// Saves to `path` without asking about changes on disk (the user chose to overwrite).
    ///
    /// Saving into another folder names the attached references anew; that happens on a
    /// trial copy of the document, which replaces the open one only once the file is
    /// written: a failed save leaves the references (and the log) as they were.
    pub(crate) fn save_to_unchecked(&mut self, path: &Path) {
        let moves = self.reference_moves(path);
        let read_only = self.meeting.doc.is_read_only();
        let mut rebased = None;
        if !moves.is_empty() {
            // Saved into another folder, the copy is the user's own: it takes edits.
            let mut trial = self.meeting.doc.clone();
            trial.set_read_only(false);
            for edit in moves {
                if let Err(e) = trial.apply(edit, &self.meeting.view.user) {
                    self.meeting.view.notify(format!("Kunne ikke gemme: {e}. Dine ændringer er ikke tabt."), true);
                    return;
                }
            }
            rebased = Some(trial);
        }
        let written =
            io::save_session(path, rebased.as_ref().map_or(self.meeting.doc.session(), |trial| trial.session()));
        match written {
            Ok(()) => {
                if let Some(trial) = rebased {
                    self.meeting.doc = trial;
                }
                // A read-only window's recovery copy is the other window's: left alone.
                if !read_only {
                    self.meeting.autosave.saved(self.meeting.doc.path.as_deref());
                }
                let moved = self.meeting.doc.path.as_deref() != Some(path);
                if moved && !read_only {
                    self.release_lock();
                }
                self.meeting.doc.mark_saved(path.to_path_buf());
                self.meeting.stamp = io::session_file::FileStamp::of(path);
                if moved {
                    self.meeting.doc.set_read_only(false);
                    self.take_lock();
                }
                self.settings.remember(path);
                self.meeting.view.notify(format!("Gemt i {}", path.display()), false);
                if std::mem::take(&mut self.dialogs.close_after_save) {
                    self.meeting.view.quit_confirmed = true;
                }
            }
            Err(e) => {
                if e.reason == io::SaveFailure::ReadOnly {
                    self.dialogs.save_prompt =
                        Some(crate::ui::dialogs::save_prompt::SavePrompt::ReadOnly(path.to_path_buf()));
                }
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                self.meeting
                    .view
                    .notify(format!("Kunne ikke gemme {name}: {}. Dine ændringer er ikke tabt.", e.message), true);
            }
        }
    }
}

/// The desktop's file dialog for `purpose` (blocks until it is closed); None when it was
/// cancelled or could not be shown.
fn system_dialog(purpose: &FilePurpose, folder: &Path, name: Option<&str>) -> Option<Vec<PathBuf>> {
    let mut dialog = rfd::FileDialog::new().set_title(purpose.title()).set_directory(folder);
    for extension in purpose.extensions() {
        dialog = dialog.add_filter(purpose.filter_name(extension), &[extension]);
    }
    if let Some(name) = name {
        dialog = dialog.set_file_name(name);
    }
    if purpose.multiple() {
        dialog.pick_files()
    } else if purpose.saves() {
        dialog.save_file().map(|p| vec![p])
    } else {
        dialog.pick_file().map(|p| vec![p])
    }
}
