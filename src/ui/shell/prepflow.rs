//! From preparation to agenda in the app (issue 28): the agenda's order, *Forbered for …*
//! with the other directors' managers, and another *Indtaster* when the current one steps
//! aside on an item.

use crate::document::{Edit, EditError};
use crate::engine::agenda::AgendaOrder;
use crate::engine::step_aside::who_steps_aside;
use crate::ui::dialogs::stand_in::PendingStandIn;
use crate::ui::shell::app::KalibrerApp;

impl KalibrerApp {
    /// Orders the agenda by level or *spørgsmål først*; the N/P keys and the places follow.
    pub(crate) fn set_agenda_order(&mut self, order: AgendaOrder) {
        self.meeting.view.agenda_order = order;
        self.meeting.derived.set_agenda_order(self.meeting.doc.session(), order);
        self.meeting.view.notify(format!("Dagsorden: {}", order.label()), false);
    }

    /// Whether *Forbered for …* includes the other directors' managers (remembered).
    pub(crate) fn set_prep_others(&mut self, on: bool) {
        self.settings.prep_others = on;
        self.meeting.view.prep_others = on;
    }

    /// An edit refused because `who` steps aside on its item: asks for another *Indtaster*
    /// (the dialog), or says why when the edit names no item.
    pub(crate) fn ask_for_stand_in(&mut self, edit: Edit, error: &EditError) {
        let EditError::SteppedAside { executive, .. } = error else { return self.refused(error) };
        let session = self.meeting.doc.session();
        let Some(i) = edit.manager().filter(|&i| i < session.managers.len()) else { return self.refused(error) };
        let others = session
            .executives
            .iter()
            .filter(|e| who_steps_aside(session, i, &e.id).is_none())
            .map(|e| (e.id.clone(), format!("{} ({})", self.meeting.view.display_name_of(&e.name), e.title)))
            .collect();
        let manager = self.meeting.view.display_name(&session.managers[i]);
        let executive = self.meeting.view.display_name_of(executive);
        self.dialogs.stand_in = Some(PendingStandIn { edit, executive, manager, others });
    }

    /// Makes `id` the *Indtaster* and applies the waiting edit as theirs (one log entry).
    pub(crate) fn choose_stand_in(&mut self, id: String) {
        let Some(pending) = self.dialogs.stand_in.take() else { return };
        self.meeting.view.user = id;
        let applied = self.run_edit(pending.edit);
        // A drag refused mid-way is one step of its own, not merged with the next drag.
        self.meeting.doc.close_continuous();
        if applied {
            let who = self.meeting.doc.session().executive(&self.meeting.view.user).map(|e| e.name.clone());
            let who = who.unwrap_or_else(|| self.meeting.view.user.clone());
            self.meeting.view.notify(format!("{who} er indtaster; ændringen er foretaget"), false);
        }
    }

    /// Drops the waiting edit: nothing changes.
    pub(crate) fn cancel_stand_in(&mut self) {
        if let Some(pending) = self.dialogs.stand_in.take() {
            self.meeting.view.notify(format!("Ændringen af {} er ikke foretaget.", pending.manager), false);
        }
    }
}
