//! Comparing with other organisations in the meeting: the attached reference files loaded
//! (again when the session's list changes), *Filer → Sammenlign med …*, the level-mapping
//! window, and the comparison the spread panel and the lanes draw. The figures come from
//! `engine::reference`; every change to the list is an `Edit`.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::document::Edit;
use crate::engine::reference::{self, LevelComparison, Match, Reference};
use crate::io::reference_file::{load_links, read_reference};
use crate::model::ReferenceLink;
use crate::model::reference::MappedTo;

use crate::ui::command::Command;
use crate::ui::shell::app::KalibrerApp;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;

/// The reference files of the session as loaded: each attached path with its reference
/// or the Danish reason it cannot be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedReferences {
    /// The session file the paths were resolved against.
    base: Option<PathBuf>,
    /// Per attached path (as the session names it): the reference, or why not.
    pub files: Vec<(String, Result<Reference, String>)>,
}

impl LoadedReferences {
    /// Whether any reference is attached.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The readable references with their links' mappings (links in the session's order).
    #[must_use]
    pub fn pairs<'a>(
        &'a self,
        links: &'a [ReferenceLink],
    ) -> Vec<(&'a Reference, &'a std::collections::BTreeMap<String, Option<String>>)> {
        self.files
            .iter()
            .filter_map(|(path, r)| {
                let link = links.iter().find(|l| l.path == *path)?;
                Some((r.as_ref().ok()?, &link.mapping))
            })
            .collect()
    }

    /// The sources of every readable reference as Danish text.
    #[must_use]
    pub fn sources_text(&self) -> String {
        let refs: Vec<&Reference> = self.files.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
        let names: Vec<String> =
            reference::all_sources(&refs).iter().map(|s| format!("{} ({})", s.organisation, s.year)).collect();
        names.join(", ")
    }
}

/// Every level (highest first) compared with the attached references; empty without any.
#[must_use]
pub fn comparisons(data: Data<'_>, view: &ViewState) -> Vec<LevelComparison> {
    if view.references.is_empty() {
        return Vec::new();
    }
    let pairs = view.references.pairs(&data.session.reference);
    if pairs.is_empty() {
        return Vec::new();
    }
    reference::compare_session(data.session, &data.eval.stats, &pairs)
}

/// The whole group compared with the references' *Alle* rows.
#[must_use]
pub fn total_comparison(data: Data<'_>, view: &ViewState) -> reference::Comparison {
    let refs: Vec<&Reference> = view.references.files.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    reference::compare_total(&data.eval.stats, &refs)
}

impl crate::ui::shell::app::Meeting {
    /// Loads the reference files again when the session's list (or its file) changed;
    /// says in Danish which cannot be read.
    pub(crate) fn sync_references(&mut self) {
        let links = &self.doc.session().reference;
        let loaded = &self.view.references;
        let same = loaded.base == self.doc.path
            && loaded.files.len() == links.len()
            && loaded.files.iter().zip(links).all(|((p, _), l)| *p == l.path);
        if same {
            return;
        }
        let results = load_links(links, self.doc.path.as_deref());
        let files: Vec<(String, Result<Reference, String>)> =
            links.iter().map(|l| l.path.clone()).zip(results).collect();
        let problems: Vec<String> = files.iter().filter_map(|(_, r)| r.as_ref().err().cloned()).collect();
        self.view.references = LoadedReferences { base: self.doc.path.clone(), files };
        if !problems.is_empty() {
            self.view.notify(format!("Referencen kan ikke læses: {}", problems.join("; ")), true);
        }
    }
}

impl KalibrerApp {
    /// *Sammenlign med …*: asks for a statistics export (through [`Self::ask_for_file`],
    /// like every file choice) and attaches it.
    pub(crate) fn compare_with_dialog(&mut self) {
        self.ask_for_file(crate::ui::dialogs::file_purpose::FilePurpose::Compare);
    }

    /// Attaches the statistics export at `path` (after reading it, so a file that cannot
    /// be used is never attached), relative to the session file; opens the mapping
    /// window when the roles differ.
    pub(crate) fn compare_with_path(&mut self, path: &Path) {
        let reference = match read_reference(path) {
            Ok(r) => r,
            Err(e) => {
                self.meeting.view.notify(format!("Kan ikke sammenligne: {e}"), true);
                return;
            }
        };
        let rel = ReferenceLink::relative_to(path, self.meeting.doc.path.as_deref());
        self.run_edit(Edit::AttachReference { path: rel.clone() });
        self.refresh();
        self.meeting.view.notify(format!("Sammenligner med {}", reference.sources_text()), false);
        let session = self.meeting.doc.session();
        let mapping = session.reference.iter().find(|l| l.path == rel).map(|l| l.mapping.clone()).unwrap_or_default();
        if reference::roles_differ(session, &reference, &mapping) {
            self.meeting.view.reference_mapping = true;
        }
    }
}

impl KalibrerApp {
    /// For saving to `path`: the edits that name each attached reference anew from the new
    /// file's folder, so a relative path still names the same file (one logged edit each;
    /// none when the folder stays). The save applies them to a trial copy of the document
    /// and keeps it only when the file is written (`files.rs`).
    #[must_use]
    pub fn reference_moves(&self, path: &Path) -> Vec<Edit> {
        let old_dir = self.meeting.doc.path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
        if old_dir.as_deref() == path.parent() {
            return Vec::new();
        }
        self.meeting
            .doc
            .session()
            .reference
            .iter()
            .map(|l| {
                (l.path.clone(), ReferenceLink::relative_to(&l.resolve(self.meeting.doc.path.as_deref()), Some(path)))
            })
            .filter(|(old, new)| old != new)
            .map(|(old, new)| Edit::MoveReference { old, new })
            .collect()
    }
}

/// *Filer → Sammenlign med …* (and *Fjern sammenligning* when one is attached).
pub fn menu_ui(ui: &mut egui::Ui, session: &crate::model::Session, out: &mut Vec<Command>) {
    if ui.button("Sammenlign med …").clicked() {
        out.push(Command::CompareWith);
    }
    for link in &session.reference {
        if ui.button(format!("Fjern sammenligning med {}", link.path)).clicked() {
            out.push(Command::Edit(Edit::RemoveReference { path: link.path.clone() }));
        }
    }
}

/// The text of a match in the mapping window.
fn match_text(m: &Match, reference: &Reference) -> String {
    match m {
        Match::Mapped(k) | Match::ByRole(k) => reference.level(k).map_or_else(|| k.clone(), level_text),
        Match::MappedToNone => "Ingen".into(),
        Match::NoMatch => "Ingen (ingen med samme rolle)".into(),
    }
}

/// "Kontorchef (rolle Kontorchef, 10 ledere)".
fn level_text(l: &reference::ReferenceLevel) -> String {
    format!("{} (rolle {}, {} ledere)", l.name, l.role.label(), l.n)
}

/// The mapping window: for each attached reference, each session level with a choice of
/// the reference's levels (or none, or back to matching by role). Returns commands.
pub fn mapping_ui(ctx: &egui::Context, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    if !view.reference_mapping {
        return;
    }
    let mut open = true;
    egui::Window::new("Referenceniveauer").open(&mut open).collapsible(false).show(ctx, |ui| {
        ui.label("Niveauerne sammenlignes efter rolle. Vælg selv, hvor rollerne ikke passer.");
        for (path, loaded) in &view.references.files {
            let Some(link) = data.session.reference.iter().find(|l| l.path == *path) else { continue };
            ui.separator();
            let Ok(reference) = loaded else {
                ui.label(RichText::new(format!("{path}: kan ikke læses")).color(crate::ui::theme::ERROR));
                continue;
            };
            ui.label(RichText::new(format!("{path} – {}", reference.sources_text())).strong());
            egui::Grid::new(("reference_mapping", path)).num_columns(1).show(ui, |ui| {
                for li in data.session.levels_by_rank().into_iter().rev() {
                    let level = &data.session.levels[li];
                    let current = reference::match_level(level, &link.mapping, reference);
                    let mut choice: Option<MappedTo> = None;
                    let label = format!("{} (rolle {})", level.name, level.role.label());
                    egui::ComboBox::new(("map", path, &level.id), label)
                        .selected_text(match_text(&current, reference))
                        .width(320.0)
                        .show_ui(ui, |ui| {
                            if ui.selectable_label(!link.mapping.contains_key(&level.id), "Efter rolle").clicked() {
                                choice = Some(MappedTo::ByRole);
                            }
                            if ui.selectable_label(current == Match::MappedToNone, "Ingen").clicked() {
                                choice = Some(MappedTo::Nothing);
                            }
                            for r in &reference.levels {
                                let chosen = current == Match::Mapped(r.key.clone());
                                if ui.selectable_label(chosen, level_text(r)).clicked() {
                                    choice = Some(MappedTo::Level(r.key.clone()));
                                }
                            }
                        });
                    if let Some(to) = choice {
                        out.push(Command::Edit(Edit::MapReferenceLevel {
                            path: path.clone(),
                            level: level.id.clone(),
                            to,
                        }));
                    }
                    ui.end_row();
                }
            });
            let used: Vec<Match> =
                data.session.levels.iter().map(|l| reference::match_level(l, &link.mapping, reference)).collect();
            let unused: Vec<String> = reference
                .levels
                .iter()
                .filter(|r| !used.iter().any(|m| m.key() == Some(r.key.as_str())))
                .map(|r| r.name.clone())
                .collect();
            if !unused.is_empty() {
                ui.label(RichText::new(format!("Ikke brugt: {}", unused.join(", "))).color(crate::ui::theme::MUTED));
            }
        }
        if ui.button("Luk").clicked() {
            out.push(Command::ShowReferenceMapping(false));
        }
    });
    if !open {
        out.push(Command::ShowReferenceMapping(false));
    }
}
