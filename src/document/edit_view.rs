//! Directors' views on each other's managers (*enig*, *spørgsmål*, *ingen holdning*), a
//! question marked *besvaret*, and who may edit what: in a prep the other directors'
//! managers are read-only except for the preparing director's view, and an executive
//! who is herself a calibrated manager steps aside for her own item (inhabilitet).

use super::edit::{Edit, EditError};
use super::{Document, EditKey};
use crate::engine::step_aside::who_steps_aside;
use crate::model::log::{Change, now_iso};
use crate::model::{Manager, Session, Stance, View};

/// [`Document::may_edit_fields`] on a bare session, for the panels (which see the session,
/// not the document): false for another director's manager in a prep.
#[must_use]
pub fn fields_editable(session: &Session, i: usize) -> bool {
    match (session.prep.as_ref().map(|p| p.executive.as_str()), session.managers.get(i)) {
        (Some(owner), Some(m)) => m.superior == owner,
        (None, Some(_)) => true,
        (_, None) => false,
    }
}

impl Document {
    /// The preparing director (executive id) when the session is a prep.
    #[must_use]
    pub fn prep_owner(&self) -> Option<&str> {
        self.session.prep.as_ref().map(|p| p.executive.as_str())
    }

    /// Whether manager `i`'s own fields (amount, assessment, proposal, status …) may be
    /// edited: always in the meeting's session; in a prep only for the preparing
    /// director's own managers (the others' take only her view).
    #[must_use]
    pub fn may_edit_fields(&self, i: usize) -> bool {
        fields_editable(&self.session, i)
    }

    /// Whether the preparing director (or, in the meeting, anyone) may record a view on
    /// manager `i`: in a prep only on another director's manager.
    #[must_use]
    pub fn may_record_view(&self, i: usize) -> bool {
        match (self.prep_owner(), self.session.managers.get(i)) {
            (Some(owner), Some(m)) => m.superior != owner,
            (None, Some(_)) => true,
            (_, None) => false,
        }
    }

    /// Refuses an edit `who` may not make: any edit of one item on which `who` steps aside,
    /// and in a prep anything but the preparing director's view on another director's
    /// manager.
    pub(super) fn check_access(&self, edit: &Edit, manager: Option<usize>, who: &str) -> Result<(), EditError> {
        let touched: Vec<usize> = match edit {
            Edit::ApplyProposal { changes, .. } => changes.iter().map(|(i, _)| *i).collect(),
            _ => manager.into_iter().collect(),
        };
        // Stepping aside concerns the edits of one item; a proposal over the whole group
        // (fit, spread) is not an edit of her item and is not refused.
        if let Some(i) = manager
            && let Some(e) = who_steps_aside(&self.session, i, who)
        {
            let name = self.session.managers[i].name.clone();
            return Err(EditError::SteppedAside { name, executive: e.name.clone() });
        }
        for i in touched {
            let Some(m) = self.session.managers.get(i) else { continue };
            if let Some(owner) = self.prep_owner()
                && m.superior != owner
                && !matches!(edit, Edit::SetView { by, .. } if by == owner)
            {
                return Err(EditError::NotInPrep {
                    name: m.name.clone(),
                    superior: m.superior.clone(),
                    executive: owner.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Records, changes or clears director `by`'s view on manager `i`. A changed text or
    /// stance opens an answered question again.
    pub(super) fn set_view(
        &mut self,
        i: usize,
        by: &str,
        stance: Option<Stance>,
        text: String,
        who: &str,
    ) -> Result<bool, EditError> {
        let m = &self.session.managers[i];
        let by = by.trim().to_string();
        if self.session.executive(&by).is_none() {
            return Err(self.invalid(i, format!("«{by}» er ikke i topchefgruppen")));
        }
        if m.superior == by {
            return Err(EditError::OwnManager(m.name.clone()));
        }
        let text = text.trim().to_string();
        if stance == Some(Stance::Spoergsmaal) && text.is_empty() {
            return Err(EditError::QuestionWithoutText(m.name.clone()));
        }
        let old = m.view_of(&by).cloned();
        let new = stance.map(|stance| View {
            by: by.clone(),
            stance,
            answered: old.as_ref().is_some_and(|o| o.answered && o.stance == stance && o.text == text),
            text,
            when: now_iso(),
        });
        if old.as_ref().map(View::content) == new.as_ref().map(View::content) {
            return Ok(false);
        }
        let director = by.clone();
        let describe = move |b: &Manager, a: &Manager| Change::View {
            director: director.clone(),
            old: b.view_of(&director).cloned().map(Box::new),
            new: a.view_of(&director).cloned().map(Box::new),
        };
        let why = new.as_ref().map(|v| v.text.clone()).unwrap_or_default();
        Ok(self.field(i, Some(EditKey::Text(i, "holdning")), who, &describe, &why, |m| match new {
            Some(v) => match m.views.iter_mut().find(|x| x.by == by) {
                Some(slot) => *slot = v,
                None => m.views.push(v),
            },
            None => m.views.retain(|x| x.by != by),
        }))
    }

    /// Marks director `by`'s question on manager `i` answered (or open again).
    pub(super) fn answer(&mut self, i: usize, by: &str, answered: bool, who: &str) -> Result<bool, EditError> {
        let m = &self.session.managers[i];
        if !m.view_of(by).is_some_and(View::is_question) {
            return Err(EditError::NoQuestion { name: m.name.clone(), by: by.to_string() });
        }
        let director = by.to_string();
        let describe = move |b: &Manager, a: &Manager| Change::View {
            director: director.clone(),
            old: b.view_of(&director).cloned().map(Box::new),
            new: a.view_of(&director).cloned().map(Box::new),
        };
        let why = if answered { "Besvaret i mødet" } else { "Åbnet igen" };
        Ok(self.field(i, None, who, &describe, why, |m| {
            if let Some(v) = m.views.iter_mut().find(|v| v.by == by) {
                v.answered = answered;
            }
        }))
    }
}
