//! The undo and redo stacks of a [`Document`]: pushing a step, reverting it and applying
//! it again, each undo or redo logged as one change-log entry.

use super::{Document, Touched, UndoStep};
use crate::model::ChangeEntry;
use crate::model::log::{Change, now_iso};

/// The most undo steps kept.
const MAX_UNDO: usize = 500;

impl Document {
    /// Pushes `step` as the newest undo step (dropping the oldest beyond [`MAX_UNDO`]) and
    /// clears the redo steps.
    pub(super) fn push_undo(&mut self, step: UndoStep) {
        self.undo.push(step);
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Reverts the last step. Returns its label.
    pub(super) fn undo(&mut self, who: &str) -> Option<String> {
        let step = self.undo.pop()?;
        self.apply_side(&step, true, who);
        let label = step.label.clone();
        self.redo.push(step);
        Some(label)
    }

    /// Re-applies the last undone step. Returns its label.
    pub(super) fn redo(&mut self, who: &str) -> Option<String> {
        let step = self.redo.pop()?;
        self.apply_side(&step, false, who);
        let label = step.label.clone();
        self.undo.push(step);
        Some(label)
    }

    /// Puts one side of `step` (before when `undo`, else after) back into the session and
    /// logs the undo or redo.
    fn apply_side(&mut self, step: &UndoStep, undo: bool, who: &str) {
        if let Some(roster) = &step.roster {
            let side = if undo { &roster.0 } else { &roster.1 };
            self.session.managers.clone_from(&side.managers);
            self.session.history.clone_from(&side.history);
            self.touched = Touched::All;
        }
        if let Some(references) = &step.references {
            self.session.reference.clone_from(if undo { &references.0 } else { &references.1 });
        }
        for change in &step.changes {
            if let Some(slot) = self.session.managers.get_mut(change.index) {
                *slot = if undo { change.before.clone() } else { change.after.clone() };
            }
            self.touch(change.index);
        }
        let change =
            if undo { Change::Undo { step: step.label.clone() } } else { Change::Redo { step: step.label.clone() } };
        self.session.change_log.push(ChangeEntry {
            when: now_iso(),
            who: who.to_string(),
            manager: step.changes.first().filter(|_| step.changes.len() == 1).map(|c| c.after.id.clone()),
            change,
            why: String::new(),
        });
        self.open_key = None;
        self.revision += 1;
    }
}
