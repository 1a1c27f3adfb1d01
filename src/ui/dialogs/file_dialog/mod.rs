//! Kalibrer's own file dialog, for a desktop that cannot show one: a folder field with
//! *Op*, the folder's sub-folders and the files of the offered types, a file-name field
//! that also takes a whole path, *Åbn*/*Gem* and *Annuller*, and the question before an
//! existing file is replaced. Danish, labelled for screen readers, no symbols outside the
//! app's fonts.

mod listing;
pub mod outcome;
pub mod state;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use egui::RichText;

use listing::{Entry, list};
use outcome::DialogOutcome;

use crate::ui::dialogs::file_purpose::{FileChoice, FilePurpose};
use crate::ui::theme;

/// The in-app dialog for one file choice.
#[derive(Debug)]
pub struct InAppDialog {
    /// What the file is chosen for.
    pub purpose: FilePurpose,
    /// The folder listed.
    folder: PathBuf,
    /// The folder field as typed.
    folder_text: String,
    /// The file-name field as typed (a name in the folder, or a whole path).
    name: String,
    /// The folder's sub-folders and offered files, or why it cannot be listed.
    entries: Result<Vec<Entry>, String>,
    /// The files ticked when several may be chosen.
    ticked: Vec<PathBuf>,
    /// A save to an existing file, waiting for "Erstat".
    overwrite: Option<PathBuf>,
    /// Why the last attempt to choose did not go through.
    problem: Option<String>,
}

/// What the user did in this frame.
enum Action {
    Up,
    GoToTyped,
    Enter(PathBuf),
    Pick(PathBuf),
    Tick(PathBuf),
    Choose,
    Cancel,
    Replace,
    OtherName,
}

impl InAppDialog {
    /// The dialog for `purpose`, listing `folder`, with `name` in the name field.
    #[must_use]
    pub fn new(purpose: FilePurpose, folder: &Path, name: Option<String>) -> Self {
        let name = name.unwrap_or_default();
        let mut dialog = Self {
            purpose,
            folder: PathBuf::new(),
            folder_text: String::new(),
            name,
            entries: Ok(Vec::new()),
            ticked: Vec::new(),
            overwrite: None,
            problem: None,
        };
        dialog.go_to(folder);
        dialog
    }

    /// The folder listed.
    #[must_use]
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Lists `folder` (its sub-folders and the files of the offered types, by name).
    fn go_to(&mut self, folder: &Path) {
        self.folder = folder.to_path_buf();
        self.folder_text = folder.display().to_string();
        self.ticked.clear();
        self.entries = list(folder, &self.purpose);
    }

    /// Draws the dialog; the outcome once the user decided.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<DialogOutcome> {
        let mut action = None;
        let modal = egui::Modal::new(egui::Id::unique("kalibrer_file_dialog")).show(ctx, |ui| {
            ui.set_width(760.0);
            match self.overwrite.clone() {
                Some(path) => overwrite_ui(ui, &path, &mut action),
                None => self.chooser_ui(ui, &mut action),
            }
        });
        // Escape cancels; a click beside the dialog does not (it would lose what was typed).
        if action.is_none() && modal.is_top_modal && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(if self.overwrite.is_some() { Action::OtherName } else { Action::Cancel });
        }
        self.act(action?)
    }

    /// The folder field, the listing, the name field and the buttons.
    fn chooser_ui(&mut self, ui: &mut egui::Ui, action: &mut Option<Action>) {
        ui.heading(self.purpose.title());
        ui.horizontal(|ui| {
            let label = ui.label("Mappe:");
            if ui.add_enabled(self.folder.parent().is_some(), egui::Button::new("Op")).clicked() {
                *action = Some(Action::Up);
            }
            let field = egui::TextEdit::singleline(&mut self.folder_text).desired_width(f32::INFINITY);
            let response = ui.add(field).labelled_by(label.id);
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                *action = Some(Action::GoToTyped);
            }
        });
        ui.separator();
        self.listing_ui(ui, action);
        ui.separator();
        if self.purpose.multiple() {
            ui.label(format!("Valgt: {}", self.ticked_names()));
        }
        ui.horizontal(|ui| {
            let label = ui.label(format!("Filnavn ({}):", self.purpose.types_text()));
            let field = egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY);
            let response = ui.add(field).labelled_by(label.id);
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                *action = Some(Action::Choose);
            }
        });
        if let Some(problem) = &self.problem {
            ui.label(RichText::new(problem).color(theme::ERROR));
        }
        ui.horizontal(|ui| {
            let verb = if self.purpose.saves() { "Gem" } else { "Åbn" };
            if ui.button(RichText::new(verb).strong()).clicked() {
                *action = Some(Action::Choose);
            }
            if ui.button("Annuller").clicked() {
                *action = Some(Action::Cancel);
            }
        });
    }

    /// The folder's contents: folders first ("navn/"), then the offered files.
    fn listing_ui(&self, ui: &mut egui::Ui, action: &mut Option<Action>) {
        let entries = match &self.entries {
            Ok(entries) => entries,
            Err(problem) => {
                ui.label(RichText::new(problem).color(theme::ERROR));
                return;
            }
        };
        if !entries.iter().any(|e| !e.is_dir) {
            ui.label(
                RichText::new(format!("Ingen filer af typen {} i denne mappe.", self.purpose.types_text()))
                    .color(theme::MUTED),
            );
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical().max_height(340.0).auto_shrink([false, true]).show_rows(
            ui,
            row_height,
            entries.len(),
            |ui, rows| {
                for entry in &entries[rows] {
                    if entry.is_dir {
                        if ui.selectable_label(false, format!("{}/", entry.name)).clicked() {
                            *action = Some(Action::Enter(entry.path.clone()));
                        }
                    } else if self.purpose.multiple() {
                        let mut ticked = self.ticked.contains(&entry.path);
                        if ui.checkbox(&mut ticked, &entry.name).clicked() {
                            *action = Some(Action::Tick(entry.path.clone()));
                        }
                    } else {
                        let chosen = self.name == entry.name;
                        let response = ui.selectable_label(chosen, &entry.name);
                        if response.double_clicked() {
                            *action = Some(Action::Choose);
                        } else if response.clicked() {
                            *action = Some(Action::Pick(entry.path.clone()));
                        }
                    }
                }
            },
        );
    }

    fn ticked_names(&self) -> String {
        if self.ticked.is_empty() {
            return "ingen".into();
        }
        let names: Vec<String> =
            self.ticked.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
        names.join(", ")
    }

    /// Carries out the user's action inside the dialog; the outcome when it ends it.
    fn act(&mut self, action: Action) -> Option<DialogOutcome> {
        match action {
            Action::Up => {
                if let Some(parent) = self.folder.parent().map(Path::to_path_buf) {
                    self.go_to(&parent);
                }
            }
            Action::GoToTyped => {
                let typed = PathBuf::from(self.folder_text.trim());
                if typed.is_dir() {
                    self.problem = None;
                    self.go_to(&typed);
                } else {
                    self.problem = Some(format!("Mappen {} findes ikke.", typed.display()));
                }
            }
            Action::Enter(folder) => self.go_to(&folder),
            Action::Pick(path) => {
                self.name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                self.problem = None;
            }
            Action::Tick(path) => {
                if let Some(at) = self.ticked.iter().position(|p| *p == path) {
                    self.ticked.remove(at);
                } else {
                    self.ticked.push(path);
                }
            }
            Action::Choose => return self.choose(),
            Action::Cancel => return Some(DialogOutcome::Cancelled(self.purpose.clone())),
            Action::Replace => {
                let path = self.overwrite.take()?;
                return Some(self.chosen(vec![path]));
            }
            Action::OtherName => self.overwrite = None,
        }
        None
    }

    /// The files named in the dialog, checked: an open needs existing files of the offered
    /// types, a save a file type it can write and an existing folder (and asks before
    /// replacing a file). A folder typed as the name is entered instead.
    fn choose(&mut self) -> Option<DialogOutcome> {
        let typed = self.name.trim();
        if self.purpose.multiple() && typed.is_empty() {
            if self.ticked.is_empty() {
                self.problem = Some("Vælg en eller flere filer.".into());
                return None;
            }
            return Some(self.chosen(self.ticked.clone()));
        }
        if typed.is_empty() {
            self.problem = Some("Skriv et filnavn, eller vælg en fil på listen.".into());
            return None;
        }
        let path = self.folder.join(typed);
        if path.is_dir() {
            self.name.clear();
            self.problem = None;
            self.go_to(&path);
            return None;
        }
        let path = self.purpose.with_extension(&path);
        let name = path.display().to_string();
        self.problem = if !self.purpose.accepts(&path) {
            Some(format!("{name}: filtypen skal være {}.", self.purpose.types_text()))
        } else if self.purpose.saves() {
            let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
            if !folder.as_os_str().is_empty() && !folder.is_dir() {
                Some(format!("Mappen {} findes ikke.", folder.display()))
            } else if path.is_file() {
                self.overwrite = Some(path);
                return None;
            } else {
                None
            }
        } else if !path.is_file() {
            Some(format!("{name} findes ikke."))
        } else {
            None
        };
        if self.problem.is_some() {
            return None;
        }
        Some(self.chosen(vec![path]))
    }

    fn chosen(&self, paths: Vec<PathBuf>) -> DialogOutcome {
        DialogOutcome::Chosen(FileChoice { purpose: self.purpose.clone(), paths })
    }
}

/// "The file exists: replace it?"
fn overwrite_ui(ui: &mut egui::Ui, path: &Path, action: &mut Option<Action>) {
    ui.heading("Filen findes allerede");
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
    let folder = path.parent().map_or_else(String::new, |p| p.display().to_string());
    ui.label(format!("{name} findes allerede i {folder}. Vil du erstatte den?"));
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Erstat").strong()).clicked() {
            *action = Some(Action::Replace);
        }
        if ui.button("Vælg et andet navn").clicked() {
            *action = Some(Action::OtherName);
        }
    });
}
