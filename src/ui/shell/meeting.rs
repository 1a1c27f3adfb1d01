//! One open file (`Meeting`): the document, the engine's results for it, what is shown of it
//! and its recovery copy; and how the results follow the document's changes.

use std::path::PathBuf;

use crate::document::Document;
use crate::engine::{self, Evaluation};
use crate::model::Session;
use crate::ui::state::derived::Derived;
use crate::ui::state::view::ViewState;

/// Up to this many changed managers are recomputed incrementally; more → full evaluation.
const INCREMENTAL_MAX: usize = 4;

/// One open file: the document, the engine's results for it, what is shown of it and its
/// recovery copy. Opening another file replaces the meeting and nothing else.
pub struct Meeting {
    /// The open session with undo and file state.
    pub doc: Document,
    /// The engine's results for `doc` at `eval_revision`.
    pub eval: Evaluation,
    /// The document revision `eval` was computed for.
    pub(crate) eval_revision: u64,
    /// Facts derived from `eval` for the panels.
    pub derived: Derived,
    /// What is shown.
    pub view: ViewState,
    /// The recovery copy's schedule.
    pub(crate) autosave: crate::ui::state::autosave::Autosave,
    /// The open file's size and time when this window loaded or saved it (to notice
    /// writes by others).
    pub stamp: Option<crate::io::session_file::FileStamp>,
    /// The per-director figures, computed once per document change while shown.
    pub(crate) directors: crate::ui::state::directors::DirectorsCache,
}

impl Meeting {
    /// The meeting on `session`, loaded from `path` just now (None: the demo).
    #[must_use]
    pub fn new(session: Session, path: Option<PathBuf>) -> Self {
        let eval = engine::evaluate(&session);
        let derived = Derived::new(&session, &eval);
        let view = ViewState::new(&session);
        let stamp = path.as_deref().and_then(crate::io::session_file::FileStamp::of);
        let mut doc = Document::new(session, path);
        // `eval` above is already the full evaluation of this document.
        let _ = doc.take_touched();
        Self {
            doc,
            eval,
            eval_revision: 0,
            derived,
            view,
            autosave: crate::ui::state::autosave::Autosave::default(),
            stamp,
            directors: crate::ui::state::directors::DirectorsCache::default(),
        }
    }

    /// Recomputes the evaluation if the document changed since.
    pub fn refresh(&mut self) {
        if self.eval_revision != self.doc.revision() || self.doc.touched_all() {
            match self.doc.take_touched() {
                crate::document::Touched::Managers(changed) if changed.len() <= INCREMENTAL_MAX => {
                    for &i in &changed {
                        self.eval.update_manager(self.doc.session(), i);
                    }
                    self.derived.update(self.doc.session(), &self.eval, &changed);
                }
                _ => {
                    self.eval = engine::evaluate(self.doc.session());
                    self.derived = Derived::with_order(self.doc.session(), &self.eval, self.view.agenda_order);
                }
            }
            self.eval_revision = self.doc.revision();
            // An undone import may have removed the selected manager.
            self.view.selected = self.view.selected.filter(|&i| i < self.doc.session().managers.len());
        }
        self.sync_references();
    }

    /// The window title: file name, unsaved mark, app name.
    #[must_use]
    pub fn window_title(&self) -> String {
        let name = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "Demo (ikke gemt)".to_string(), |n| n.to_string_lossy().into_owned());
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        format!("{mark}{name} – Kalibrer")
    }
}
