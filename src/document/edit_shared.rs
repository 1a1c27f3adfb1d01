//! The attainment of a collective goal (003), shared by every manager who has it: one
//! edit sets it for all of them, as one undo step with one log entry naming them all.
//! Typing or dragging the value merges into that one step and entry.

use rust_decimal::Decimal;

use super::edit::EditError;
use super::{Document, EditKey};
use crate::model::log::{Change, now_iso};
use crate::model::log_contract::ContractChange;
use crate::model::{ChangeEntry, MeetingStatus};

impl Document {
    /// Sets the attainment of shared goal `id` (already checked to be within bounds) for
    /// every manager who has it, from manager `from`'s card. Refused when one of them is
    /// decided (the attainment moves their amount).
    pub(super) fn set_shared_attainment(
        &mut self,
        id: &str,
        att: Option<Decimal>,
        from: usize,
        who: &str,
    ) -> Result<bool, EditError> {
        let holders = crate::engine::shared_goals::holders(&self.session, id);
        if let Some((i, _)) = holders.iter().find(|(i, _)| self.session.managers[*i].status == MeetingStatus::Besluttet)
        {
            return Err(EditError::Decided(self.session.managers[*i].name.clone()));
        }
        // In a preparation the director sets only her own managers' goals.
        if let Some(owner) = self.prep_owner()
            && let Some(&(i, _)) = holders.iter().find(|&&(i, _)| self.session.managers[i].superior != owner)
        {
            let m = &self.session.managers[i];
            return Err(EditError::NotInPrep {
                name: m.name.clone(),
                superior: m.superior.clone(),
                executive: owner.to_string(),
            });
        }
        if holders.iter().all(|&(i, g)| self.session.managers[i].goals[g].attainment == att) {
            return Ok(false);
        }
        let key = Some(EditKey::Shared(id.to_string()));
        let label = format!("Fælles mål «{id}»");
        if key == self.open_key && self.undo.last().is_some_and(|s| s.label == label) {
            self.merge_shared(&holders, att);
            return Ok(true);
        }
        let old = self
            .session
            .managers
            .get(from)
            .and_then(|m| m.goals.iter().find(|g| g.shared.as_deref() == Some(id)).and_then(|g| g.attainment));
        let new = holders
            .iter()
            .map(|&(i, g)| {
                let mut m = self.session.managers[i].clone();
                m.goals[g].attainment = att;
                (i, m)
            })
            .collect();
        let managers = holders.iter().map(|&(i, _)| self.session.managers[i].id.clone()).collect();
        let entry = ChangeEntry {
            when: now_iso(),
            who: who.to_string(),
            manager: self.session.managers.get(from).map(|m| m.id.clone()),
            change: Change::Contract(ContractChange::SharedAttainment {
                goal: id.to_string(),
                managers,
                old,
                new: att,
            }),
            why: String::new(),
        };
        self.replace_managers_logged(&label, new, vec![entry]);
        self.open_key = key;
        Ok(true)
    }

    /// Merges a further change of the same shared goal into the open step and its entry.
    fn merge_shared(&mut self, holders: &[(usize, usize)], att: Option<Decimal>) {
        let Some(step) = self.undo.last_mut() else { return };
        let mut touched = Vec::new();
        for change in &mut step.changes {
            if let Some(&(_, g)) = holders.iter().find(|(i, _)| *i == change.index)
                && let Some(goal) = change.after.goals.get_mut(g)
            {
                goal.attainment = att;
                if let Some(slot) = self.session.managers.get_mut(change.index) {
                    slot.clone_from(&change.after);
                }
                touched.push(change.index);
            }
        }
        if let Some(entry) = self.session.change_log.last_mut()
            && let Change::Contract(ContractChange::SharedAttainment { new, .. }) = &mut entry.change
        {
            *new = att;
            entry.when = now_iso();
        }
        touched.into_iter().for_each(|i| self.touch(i));
        self.revision += 1;
    }
}
