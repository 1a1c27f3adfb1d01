//! The attainment of a collective goal (003), shared by every manager who has it: one
//! edit sets it for all of them, as one undo step with one log entry per manager.

use rust_decimal::Decimal;

use super::edit::EditError;
use super::{Document, LogSpec};
use crate::model::log::Change;
use crate::model::{Manager, MeetingStatus};

/// The index of the goal with shared id `id` in `m`'s goals.
fn goal_index(m: &Manager, id: &str) -> Option<usize> {
    m.goals.iter().position(|g| g.shared.as_deref() == Some(id))
}

impl Document {
    /// Sets the attainment of shared goal `id` (already checked to be within bounds) for
    /// every manager who has it. Refused when one of them is decided (the attainment moves
    /// their amount).
    pub(super) fn set_shared_attainment(
        &mut self,
        id: &str,
        att: Option<Decimal>,
        who: &str,
    ) -> Result<bool, EditError> {
        let holders = crate::engine::shared_goals::holders(&self.session, id);
        if let Some((i, _)) = holders.iter().find(|(i, _)| self.session.managers[*i].status == MeetingStatus::Besluttet)
        {
            return Err(EditError::Decided(self.session.managers[*i].name.clone()));
        }
        let new: Vec<(usize, Manager)> = holders
            .into_iter()
            .map(|(i, g)| {
                let mut m = self.session.managers[i].clone();
                m.goals[g].attainment = att;
                (i, m)
            })
            .collect();
        let key = id.to_string();
        let describe = move |b: &Manager, a: &Manager| {
            let goal = goal_index(a, &key).unwrap_or_default();
            Change::Attainment {
                goal,
                old: b.goals.get(goal).and_then(|g| g.attainment),
                new: a.goals.get(goal).and_then(|g| g.attainment),
            }
        };
        let why = format!("Fælles mål «{id}»");
        Ok(self.replace_managers(&why, LogSpec { who, describe: &describe, why: &why }, new) > 0)
    }
}
