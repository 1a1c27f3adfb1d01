//! Offline preparation from the shell: "Forbered for <direktør>" writes a prep file;
//! "Indlæs forberedelser" merges prep files as one edit (the document logs every field) and
//! leaves the conflicts for an explicit choice in their dialog.

use std::path::PathBuf;

use crate::document::{Edit, EditError, Outcome};
use crate::engine::prep::make_prep_with;
use crate::engine::proposals::with_derived_proposals;
use crate::io;
use crate::ui::dialogs::conflicts::PendingConflicts;
use crate::ui::dialogs::file_purpose::FilePurpose;
use crate::ui::shell::app::KalibrerApp;

impl KalibrerApp {
    /// Asks where and writes the prep file for `executive`.
    pub(crate) fn prep_dialog(&mut self, executive: &str) {
        self.ask_for_file(FilePurpose::Prepare(executive.to_string()));
    }

    /// Writes the prep file for `executive` to `path`.
    pub fn write_prep(&mut self, executive: &str, path: &std::path::Path) {
        if self.meeting.doc.path.as_deref().is_some_and(|own| io::paths::same_file(own, path)) {
            let msg = format!("{} er sessionens egen fil; vælg et andet navn til forberedelsen.", path.display());
            self.meeting.view.notify(msg, true);
            return;
        }
        let others = self.settings.prep_others;
        let result = make_prep_with(self.meeting.doc.session(), executive, &crate::model::log::now_iso(), others)
            .and_then(|prep| io::save_session(path, &prep).map_err(|e| e.to_string()).map(|()| prep.managers.len()));
        match result {
            Ok(n) => self.meeting.view.notify(
                format!("Forberedelse med {} skrevet til {}", crate::model::words::managers(n), path.display()),
                false,
            ),
            Err(e) => self.meeting.view.notify(e, true),
        }
    }

    /// Asks for prep files and merges them.
    pub(crate) fn merge_dialog(&mut self) {
        self.ask_for_file(FilePurpose::MergePreps);
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
                "Forberedelser indlæst: {} ændringer hos {}, {conflicts} konflikter{notices}",
                report.applied.len(),
                crate::model::words::managers(n)
            ),
            conflicts > 0,
        );
        // The conflicts were found on the preps with their directors' proposals made
        // explicit (the merge reads them so); a taken value must come from the same reading,
        // or a "Forslag" conflict would take the prep's stale proposal.
        let preps = preps.iter().map(|(name, s)| (name.clone(), with_derived_proposals(s))).collect();
        self.dialogs.conflicts = (conflicts > 0).then_some(PendingConflicts { conflicts: report.conflicts, preps });
    }

    /// Takes the prep's value for conflict `k` (one undo step, logged) and closes it.
    pub(crate) fn take_prep(&mut self, k: usize) {
        let Some(pending) = &self.dialogs.conflicts else { return };
        let Some(c) = pending.conflicts.get(k).cloned() else { return };
        let prep = pending.preps.iter().find(|(n, _)| *n == c.prep).map(|(_, s)| s);
        let Some(pm) = prep.and_then(|p| p.managers.iter().find(|m| m.id == c.manager)).cloned() else { return };
        if self.run_edit(Edit::TakePrepValue { conflict: Box::new(c), prep: Box::new(pm) }) {
            self.close_conflict(k);
        }
    }

    /// Closes conflict `k` (the session keeps its value).
    pub(crate) fn close_conflict(&mut self, k: usize) {
        if let Some(p) = &mut self.dialogs.conflicts {
            if k < p.conflicts.len() {
                p.conflicts.remove(k);
            }
            if p.conflicts.is_empty() {
                self.dialogs.conflicts = None;
            }
        }
    }
}
