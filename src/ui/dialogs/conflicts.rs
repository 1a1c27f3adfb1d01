//! Offline preparation in the GUI: "Forbered for <direktør>" writes a prep file;
//! "Indlæs forberedelser" merges prep files (one undo step) and lists every conflict
//! for an explicit choice: take the prep's value or keep the session's.

use std::path::PathBuf;

use egui::RichText;

use crate::document::{Edit, EditError, Outcome};
use crate::engine::merge::{Conflict, ConflictKind};
use crate::engine::prep::make_prep;
use crate::io;
use crate::model::Session;

use crate::ui::shell::app::KalibrerApp;
use crate::ui::theme;

/// Conflicts of the last merge waiting for the user's choice, with the preps they came from.
#[derive(Debug, Clone, Default)]
pub struct PendingConflicts {
    /// Open conflicts.
    pub conflicts: Vec<Conflict>,
    /// The merged preps by name.
    pub preps: Vec<(String, Session)>,
}

impl KalibrerApp {
    /// Asks where and writes the prep file for `executive`.
    pub(crate) fn prep_dialog(&mut self, executive: &str) {
        self.ask_for_file(crate::ui::dialogs::file_purpose::FilePurpose::Prepare(executive.to_string()));
    }

    /// Writes the prep file for `executive` to `path`.
    pub fn write_prep(&mut self, executive: &str, path: &std::path::Path) {
        if self.meeting.doc.path.as_deref().is_some_and(|own| io::paths::same_file(own, path)) {
            let msg = format!("{} er sessionens egen fil; vælg et andet navn til forberedelsen.", path.display());
            self.meeting.view.notify(msg, true);
            return;
        }
        let result = make_prep(self.meeting.doc.session(), executive, &crate::model::log::now_iso())
            .and_then(|prep| io::save_session(path, &prep).map_err(|e| e.to_string()).map(|()| prep.managers.len()));
        match result {
            Ok(n) => {
                self.meeting.view.notify(format!("Forberedelse med {n} ledere skrevet til {}", path.display()), false)
            }
            Err(e) => self.meeting.view.notify(e, true),
        }
    }

    /// Asks for prep files and merges them.
    pub(crate) fn merge_dialog(&mut self) {
        self.ask_for_file(crate::ui::dialogs::file_purpose::FilePurpose::MergePreps);
    }

    /// Merges prep files: automatic changes as one undo step, conflicts kept for a choice.
    pub fn merge_files(&mut self, paths: &[PathBuf]) {
        let mut preps = Vec::new();
        for p in paths {
            match io::load_session_file(p) {
                Ok(s) => preps.push((
                    p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()),
                    s,
                )),
                Err(e) => {
                    self.meeting.view.notify(format!("Kan ikke læse {}: {e}. Intet er indlæst.", p.display()), true);
                    return;
                }
            }
        }
        let who = self.meeting.view.user.clone();
        let (report, n) = match self.meeting.doc.apply(Edit::MergePreps { preps: preps.clone() }, &who) {
            Ok(Outcome::Merged { report, managers }) => (report, managers),
            Ok(_) => return,
            Err(EditError::MergeRefused(refused)) => {
                self.meeting.view.notify(refused.to_string(), true);
                return;
            }
            Err(e) => {
                self.refused(&e);
                return;
            }
        };
        self.refresh();
        let conflicts = report.conflicts.len();
        let notices: Vec<String> = report.notices.iter().map(|x| x.text.clone()).collect();
        let notices = if notices.is_empty() { String::new() } else { format!(". Bemærk: {}", notices.join("; ")) };
        self.meeting.view.notify(
            format!(
                "Forberedelser indlæst: {} ændringer hos {n} ledere, {conflicts} konflikter{notices}",
                report.applied.len()
            ),
            conflicts > 0,
        );
        self.conflicts = (conflicts > 0).then_some(PendingConflicts { conflicts: report.conflicts, preps });
    }

    /// Takes the prep's value for conflict `k` (one undo step, logged) and closes it.
    fn take_prep(&mut self, k: usize) {
        let Some(pending) = &self.conflicts else { return };
        let Some(c) = pending.conflicts.get(k).cloned() else { return };
        let prep = pending.preps.iter().find(|(n, _)| *n == c.prep).map(|(_, s)| s);
        let Some(pm) = prep.and_then(|p| p.managers.iter().find(|m| m.id == c.manager)).cloned() else { return };
        if self.run_edit(Edit::TakePrepValue { conflict: Box::new(c), prep: Box::new(pm) }) {
            self.close_conflict(k);
        }
    }

    fn close_conflict(&mut self, k: usize) {
        if let Some(p) = &mut self.conflicts {
            if k < p.conflicts.len() {
                p.conflicts.remove(k);
            }
            if p.conflicts.is_empty() {
                self.conflicts = None;
            }
        }
    }

    /// The conflict list, each with "take prep" / "keep session".
    pub(crate) fn conflicts_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.conflicts else { return };
        let mut action = None;
        egui::Modal::new(egui::Id::unique("conflicts")).show(ctx, |ui| {
            ui.set_width(900.0);
            ui.heading(format!("{} konflikter fra forberedelserne", pending.conflicts.len()));
            ui.label("Intet af dette er indlæst. Vælg for hver: forberedelsens værdi eller sessionens.");
            egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
                for (k, c) in pending.conflicts.iter().enumerate() {
                    ui.separator();
                    let who = self
                        .meeting
                        .doc
                        .session()
                        .managers
                        .iter()
                        .find(|m| m.id == c.manager)
                        .map_or(c.manager.clone(), |m| self.meeting.view.display_name(m));
                    ui.label(
                        RichText::new(format!(
                            "{who} · {}",
                            if c.field.is_empty() { "hele forberedelsen" } else { &c.field }
                        ))
                        .strong(),
                    );
                    ui.label(RichText::new(format!("{} ({})", c.kind.describe(), c.prep)).color(theme::WARNING));
                    ui.label(format!("Sessionen: {}    Forberedelsen: {}", c.session_value, c.prep_value));
                    ui.horizontal(|ui| {
                        let can_take = c.key.is_some() && c.kind != ConflictKind::NotApplicable;
                        if ui.add_enabled(can_take, egui::Button::new("Tag forberedelsens")).clicked() {
                            action = Some((k, true));
                        }
                        if ui.button("Behold sessionens").clicked() {
                            action = Some((k, false));
                        }
                    });
                }
            });
        });
        match action {
            Some((k, true)) => self.take_prep(k),
            Some((k, false)) => self.close_conflict(k),
            None => {}
        }
    }
}
