//! The edits that bring other files' work into the session: an HR import, a merge of
//! directors' preparations, and a merge conflict settled by hand. The document writes
//! their change-log entries, as for every other edit.

use super::edit::{EditError, ImportedField, Outcome};
use super::{Document, History};
use crate::engine::merge::{Conflict, merge, take_prep_value};
use crate::model::log::{Change, now_iso};
use crate::model::{ChangeEntry, Manager, Session};

impl Document {
    /// An HR import as one undo step, one log entry per changed field (by `who`, naming the
    /// file).
    pub(super) fn import(
        &mut self,
        label: &str,
        source: &str,
        managers: Vec<Manager>,
        history: History,
        fields: Vec<ImportedField>,
        who: &str,
    ) {
        let when = now_iso();
        let log = fields
            .into_iter()
            .map(|f| ChangeEntry {
                when: when.clone(),
                who: who.to_string(),
                manager: Some(f.manager),
                change: Change::Import { field: f.field, old: f.old, new: f.new },
                why: format!("Importeret fra {source}"),
            })
            .collect();
        self.replace_roster(label, managers, history, log);
    }

    /// Merges `preps` three-way: every field without conflict is taken as one undo step and
    /// logged by the prep's director (the merge words the entries); conflicts are left for
    /// the user's choice and returned.
    pub(super) fn merge_preps(&mut self, preps: &[(String, Session)]) -> Result<Outcome, EditError> {
        let (merged, report) = merge(&self.session, preps, None)?;
        let changed: Vec<(usize, Manager)> = merged
            .managers
            .iter()
            .enumerate()
            .filter(|(i, m)| self.session.managers.get(*i) != Some(*m))
            .map(|(i, m)| (i, m.clone()))
            .collect();
        let managers = changed.len();
        let log = merged.change_log.get(self.session.change_log.len()..).unwrap_or_default().to_vec();
        self.replace_managers_logged("Indlæs forberedelser", changed, log);
        Ok(Outcome::Merged { report: Box::new(report), managers })
    }

    /// Takes the preparation's value for one merge conflict (one undo step, logged by `who`
    /// with the conflict's values).
    pub(super) fn take_prep_value(
        &mut self,
        conflict: &Conflict,
        prep: &Manager,
        who: &str,
    ) -> Result<Outcome, EditError> {
        let refused = || EditError::PrepValue(conflict.manager.clone());
        let i = self.session.manager_index(&conflict.manager).ok_or_else(refused)?;
        let key = conflict.key.as_ref().ok_or_else(refused)?;
        let mut target = self.session.managers[i].clone();
        if !take_prep_value(&mut target, prep, key) {
            return Err(refused());
        }
        let entry = ChangeEntry {
            when: now_iso(),
            who: who.to_string(),
            manager: Some(conflict.manager.clone()),
            change: Change::Prep {
                field: conflict.field.clone(),
                old: conflict.session_value.clone(),
                new: conflict.prep_value.clone(),
            },
            why: format!("Konflikt løst: forberedelsens værdi fra {}", conflict.prep),
        };
        let n = self.replace_managers_logged("Konflikt løst", vec![(i, target)], vec![entry]);
        Ok(if n > 0 { Outcome::Changed } else { Outcome::Unchanged })
    }
}
