//! The edits of a session's reference list (statistics of other organisations to compare
//! with): attach, remove, move and map a level – each one undo step with a typed log entry.

use super::Document;
use super::edit::{EditError, Outcome};
use crate::model::log::Change;
use crate::model::reference::MappedTo;
use crate::model::{ChangeEntry, ReferenceLink};

impl Document {
    /// A log entry about the session's references (no manager).
    fn reference_entry(who: &str, change: Change) -> ChangeEntry {
        ChangeEntry {
            when: crate::model::log::now_iso(),
            who: who.to_string(),
            manager: None,
            change,
            why: String::new(),
        }
    }

    pub(super) fn attach_reference(&mut self, path: String, who: &str) -> Outcome {
        if self.session.reference.iter().any(|l| l.path == path) {
            return Outcome::Unchanged;
        }
        let mut list = self.session.reference.clone();
        list.push(ReferenceLink::new(path.clone()));
        let label = format!("Sammenlign med {path}");
        self.replace_references(&label, list, Self::reference_entry(who, Change::Reference { path, attached: true }));
        Outcome::Changed
    }

    pub(super) fn remove_reference(&mut self, path: &str, who: &str) -> Result<Outcome, EditError> {
        if !self.session.reference.iter().any(|l| l.path == path) {
            return Err(EditError::Reference(format!("referencen {path} er ikke tilknyttet")));
        }
        let list: Vec<ReferenceLink> = self.session.reference.iter().filter(|l| l.path != path).cloned().collect();
        let label = format!("Fjern sammenligning med {path}");
        let entry = Self::reference_entry(who, Change::Reference { path: path.to_string(), attached: false });
        self.replace_references(&label, list, entry);
        Ok(Outcome::Changed)
    }

    pub(super) fn move_reference(&mut self, old: &str, new: String, who: &str) -> Result<Outcome, EditError> {
        let Some(k) = self.session.reference.iter().position(|l| l.path == old) else {
            return Err(EditError::Reference(format!("referencen {old} er ikke tilknyttet")));
        };
        if old == new {
            return Ok(Outcome::Unchanged);
        }
        let mut list = self.session.reference.clone();
        list[k].path.clone_from(&new);
        let change = Change::ReferenceMoved { old: old.to_string(), new };
        self.replace_references("Referencens sti", list, Self::reference_entry(who, change));
        Ok(Outcome::Changed)
    }

    pub(super) fn map_reference_level(
        &mut self,
        path: &str,
        level: &str,
        to: MappedTo,
        who: &str,
    ) -> Result<Outcome, EditError> {
        let Some(k) = self.session.reference.iter().position(|l| l.path == path) else {
            return Err(EditError::Reference(format!("referencen {path} er ikke tilknyttet")));
        };
        if self.session.level(level).is_none() {
            return Err(EditError::Reference(format!("niveauet «{level}» findes ikke i sessionen")));
        }
        let old = MappedTo::of(&self.session.reference[k], level);
        if old == to {
            return Ok(Outcome::Unchanged);
        }
        let mut list = self.session.reference.clone();
        to.set(&mut list[k], level);
        let name = self.session.level(level).map_or(level, |l| l.name.as_str()).to_string();
        let change = Change::ReferenceMapping { path: path.to_string(), level: level.to_string(), old, new: to };
        self.replace_references(&format!("Referenceniveau for {name}"), list, Self::reference_entry(who, change));
        Ok(Outcome::Changed)
    }
}
