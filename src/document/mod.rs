//! The open document: the session, its file, unsaved state, undo/redo and the change log.
//! Used by the GUI and the CLI alike; no egui.
//!
//! Every change is a typed [`Edit`] applied by [`Document::apply`] (in `apply.rs`), which
//! validates it, and records one undo step and one typed change-log entry per changed
//! field. Nothing else may change the session: the mutating helpers here are private. A continuous edit (a drag in the lanes, typing in
//! a text field) carries an [`EditKey`]; while the key stays the same, the edits are
//! merged into the open step, so one drag undoes as one step. Undo and redo never remove
//! log entries: they append one, so the log stays append-only.

use std::path::PathBuf;

mod apply;
mod contract_edit;
mod edit;
mod edit_contract;
mod edit_merge;
mod edit_proposal;
mod edit_reference;
mod edit_shared;
mod edit_view;
mod undo;

pub use contract_edit::ContractEdit;
pub use edit::{Edit, EditError, ImportedField, Outcome};
pub use edit_view::fields_editable;

use crate::model::log::{Change, now_iso};
use crate::model::{ChangeEntry, Manager, ReferenceLink, Session};

/// Which continuous edit an edit belongs to; equal keys merge into one undo step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditKey {
    /// Dragging a manager's dot in the lanes.
    Drag(usize),
    /// Typing in a text field of a manager (field name).
    Text(usize, &'static str),
    /// Typing or dragging the attainment of a collective goal (its shared id).
    Shared(String),
}

/// One manager before and after an undo step.
#[derive(Debug, Clone)]
struct ManagerChange {
    index: usize,
    before: Manager,
    after: Manager,
}

/// Earlier years' amounts per manager id, as in the session.
type History = std::collections::BTreeMap<String, std::collections::BTreeMap<i32, rust_decimal::Decimal>>;

/// The managers and their history before or after an import (which adds managers).
#[derive(Debug, Clone)]
struct Roster {
    managers: Vec<Manager>,
    history: History,
}

/// One undoable step.
#[derive(Debug, Clone)]
struct UndoStep {
    label: String,
    changes: Vec<ManagerChange>,
    /// For an import: the whole roster before and after.
    roster: Option<Box<(Roster, Roster)>>,
    /// For a reference edit: the session's reference list before and after.
    references: Option<Box<(Vec<ReferenceLink>, Vec<ReferenceLink>)>>,
}

/// What a change-log entry should say about an edit of one manager.
#[derive(Clone, Copy)]
struct LogSpec<'a> {
    /// Who entered it.
    who: &'a str,
    /// The typed change from the manager before to after.
    describe: &'a dyn Fn(&Manager, &Manager) -> Change,
    /// Why (may be empty).
    why: &'a str,
}

/// Which managers changed since the evaluation was last brought up to date. An edit of
/// anything but a manager (policies, levels, history) must record [`Touched::All`], or the
/// incremental recompute would miss it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// These managers (indices) changed; nothing else did.
    Managers(Vec<usize>),
    /// Anything may have changed (a new document, an import, an undone import).
    All,
}

/// The open session with its file and history.
#[derive(Debug, Clone)]
pub struct Document {
    /// The session being edited (read with [`Self::session`]; changed only by [`Self::apply`]).
    session: Session,
    /// The file it came from or was last saved to (None: the embedded demo or an import).
    pub path: Option<PathBuf>,
    revision: u64,
    saved_revision: u64,
    undo: Vec<UndoStep>,
    redo: Vec<UndoStep>,
    open_key: Option<EditKey>,
    touched: Touched,
    /// Unique per document made in this process (caches must not confuse two documents).
    generation: u64,
    /// Opened read-only (another window holds the file): every edit is refused.
    read_only: bool,
}

/// Counts the documents made in this process.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Document {
    /// A document on `session`, unchanged.
    #[must_use]
    pub fn new(session: Session, path: Option<PathBuf>) -> Self {
        Self {
            session,
            path,
            revision: 0,
            saved_revision: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            open_key: None,
            touched: Touched::All,
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            read_only: false,
        }
    }

    /// Whether the document refuses every edit ([`EditError::ReadOnly`]): the file is open
    /// read-only because another window holds it.
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Makes the document read-only (the user chose to open a file someone else holds) or
    /// writable again (saved as a file of its own).
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
        self.open_key = None;
    }

    /// The session being edited.
    #[must_use]
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// A key for caches of anything derived from the session: changes with every edit and
    /// differs between documents.
    #[must_use]
    pub fn cache_key(&self) -> u64 {
        (self.generation << 32) ^ self.revision
    }

    /// What changed since the last call (for an incremental recompute); resets it.
    pub fn take_touched(&mut self) -> Touched {
        std::mem::replace(&mut self.touched, Touched::Managers(Vec::new()))
    }

    /// Whether anything (not just some managers) changed since the last [`Self::take_touched`].
    #[must_use]
    pub fn touched_all(&self) -> bool {
        self.touched == Touched::All
    }

    /// Records that manager `index` changed.
    fn touch(&mut self, index: usize) {
        if let Touched::Managers(v) = &mut self.touched
            && !v.contains(&index)
        {
            v.push(index);
        }
    }

    /// A document that starts with unsaved changes (a restored recovery copy, an import).
    #[must_use]
    pub fn new_unsaved(session: Session, path: Option<PathBuf>) -> Self {
        let mut doc = Self::new(session, path);
        doc.revision = 1;
        doc
    }

    /// Increases with every change; use it to key caches.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes since the last save (or load).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Marks the current state as saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = self.revision;
    }

    /// Whether undo / redo have a step.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether redo has a step.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The label of the step undo would revert.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Ends the open continuous edit; the next edit starts a new undo step.
    pub fn close_continuous(&mut self) {
        self.open_key = None;
    }

    /// Edits manager `index` with `f`. Records an undo step and a change-log entry unless
    /// nothing changed. With a `key` equal to the open continuous edit, merges into it.
    /// Returns whether anything changed.
    fn edit_manager(
        &mut self,
        index: usize,
        key: Option<EditKey>,
        log: LogSpec<'_>,
        f: impl FnOnce(&mut Manager),
    ) -> bool {
        let Some(manager) = self.session.managers.get_mut(index) else {
            return false;
        };
        let before = manager.clone();
        f(manager);
        if *manager == before {
            return false;
        }
        let after = manager.clone();
        let merge = key.is_some()
            && key == self.open_key
            && self.undo.last().is_some_and(|s| s.changes.len() == 1 && s.changes[0].index == index);
        let id = after.id.clone();
        if merge {
            let mut first = before;
            if let Some(step) = self.undo.last_mut()
                && let Some(change) = step.changes.first_mut()
            {
                change.after = after.clone();
                first = change.before.clone();
            }
            if let Some(entry) = self.session.change_log.last_mut() {
                entry.change = (log.describe)(&first, &after);
                entry.why = log.why.to_string();
                entry.when = now_iso();
            }
        } else {
            let change = (log.describe)(&before, &after);
            let label = format!("{} – {}", change.what(), after.name);
            self.session.change_log.push(ChangeEntry {
                when: now_iso(),
                who: log.who.to_string(),
                manager: Some(id),
                change,
                why: log.why.to_string(),
            });
            self.push_undo(UndoStep {
                label,
                changes: vec![ManagerChange { index, before, after }],
                roster: None,
                references: None,
            });
        }
        self.open_key = key;
        self.touch(index);
        self.revision += 1;
        true
    }

    /// Replaces several managers at once as one undo step (an accepted proposal), with
    /// one change-log entry per changed manager. Returns how many changed.
    fn replace_managers(&mut self, label: &str, log: LogSpec<'_>, new: Vec<(usize, Manager)>) -> usize {
        let mut changes = Vec::new();
        let when = now_iso();
        for (index, after) in new {
            let Some(slot) = self.session.managers.get_mut(index) else {
                continue;
            };
            if *slot == after {
                continue;
            }
            let before = std::mem::replace(slot, after.clone());
            self.session.change_log.push(ChangeEntry {
                when: when.clone(),
                who: log.who.to_string(),
                manager: Some(after.id.clone()),
                change: (log.describe)(&before, &after),
                why: log.why.to_string(),
            });
            changes.push(ManagerChange { index, before, after });
            self.touch(index);
        }
        let n = changes.len();
        if n > 0 {
            self.push_undo(UndoStep { label: label.to_string(), changes, roster: None, references: None });
            self.open_key = None;
            self.revision += 1;
        }
        n
    }

    /// Replaces managers as one undo step and appends the given log entries (a merge,
    /// whose log says field by field what came from which prep). Returns how many changed.
    fn replace_managers_logged(&mut self, label: &str, new: Vec<(usize, Manager)>, log: Vec<ChangeEntry>) -> usize {
        let mut changes = Vec::new();
        for (index, after) in new {
            let Some(slot) = self.session.managers.get_mut(index) else { continue };
            if *slot != after {
                let before = std::mem::replace(slot, after.clone());
                changes.push(ManagerChange { index, before, after });
                self.touch(index);
            }
        }
        self.session.change_log.extend(log);
        let n = changes.len();
        if n > 0 {
            self.push_undo(UndoStep { label: label.to_string(), changes, roster: None, references: None });
            self.open_key = None;
        }
        self.revision += 1;
        n
    }

    /// Replaces the managers and their history as one undo step (an HR import, which may
    /// add managers) and appends the given log entries.
    fn replace_roster(&mut self, label: &str, managers: Vec<Manager>, history: History, log: Vec<ChangeEntry>) {
        let before = Roster {
            managers: std::mem::replace(&mut self.session.managers, managers.clone()),
            history: std::mem::replace(&mut self.session.history, history.clone()),
        };
        let after = Roster { managers, history };
        self.session.change_log.extend(log);
        self.push_undo(UndoStep {
            label: label.to_string(),
            changes: vec![],
            roster: Some(Box::new((before, after))),
            references: None,
        });
        self.touched = Touched::All;
        self.open_key = None;
        self.revision += 1;
    }

    /// Replaces the session's reference list as one undo step with one log entry. The
    /// evaluation does not depend on it, so no manager is touched.
    fn replace_references(&mut self, label: &str, references: Vec<ReferenceLink>, entry: ChangeEntry) {
        let before = std::mem::replace(&mut self.session.reference, references.clone());
        self.session.change_log.push(entry);
        self.push_undo(UndoStep {
            label: label.to_string(),
            changes: vec![],
            roster: None,
            references: Some(Box::new((before, references))),
        });
        self.open_key = None;
        self.revision += 1;
    }
}
