//! Comparing with other organisations, from the shell: the attached reference files loaded
//! again when the session's list changes, *Filer → Sammenlign med …* (through
//! `ask_for_file`), and the references named anew when the session is saved elsewhere.
//! Every change to the list is an `Edit`.

use std::path::Path;

use crate::document::Edit;
use crate::engine::reference::{self, Reference};
use crate::io::reference_file::{load_links, read_reference};
use crate::model::ReferenceLink;
use crate::ui::shell::app::KalibrerApp;
use crate::ui::shell::meeting::Meeting;
use crate::ui::state::references::LoadedReferences;

impl Meeting {
    /// Loads the reference files again when the session's list (or its file) changed;
    /// says in Danish which cannot be read.
    pub(crate) fn sync_references(&mut self) {
        let links = &self.doc.session().reference;
        let loaded = &self.view.references;
        let same = loaded.base == self.doc.path
            && loaded.files.len() == links.len()
            && loaded.files.iter().zip(links).all(|((p, _), l)| *p == l.path);
        if same {
            return;
        }
        let results = load_links(links, self.doc.path.as_deref());
        let files: Vec<(String, Result<Reference, String>)> =
            links.iter().map(|l| l.path.clone()).zip(results).collect();
        let problems: Vec<String> = files.iter().filter_map(|(_, r)| r.as_ref().err().cloned()).collect();
        self.view.references = LoadedReferences { base: self.doc.path.clone(), files };
        if !problems.is_empty() {
            self.view.notify(format!("Referencen kan ikke læses: {}", problems.join("; ")), true);
        }
    }
}

impl KalibrerApp {
    /// *Sammenlign med …*: asks for a statistics export (through [`Self::ask_for_file`],
    /// like every file choice) and attaches it.
    pub(crate) fn compare_with_dialog(&mut self) {
        self.ask_for_file(crate::ui::dialogs::file_purpose::FilePurpose::Compare);
    }

    /// Attaches the statistics export at `path` (after reading it, so a file that cannot
    /// be used is never attached), relative to the session file; opens the mapping
    /// window when the roles differ.
    pub(crate) fn compare_with_path(&mut self, path: &Path) {
        let reference = match read_reference(path) {
            Ok(r) => r,
            Err(e) => {
                self.meeting.view.notify(format!("Kan ikke sammenligne: {e}"), true);
                return;
            }
        };
        let rel = ReferenceLink::relative_to(path, self.meeting.doc.path.as_deref());
        self.run_edit(Edit::AttachReference { path: rel.clone() });
        self.refresh();
        self.meeting.view.notify(format!("Sammenligner med {}", reference.sources_text()), false);
        let session = self.meeting.doc.session();
        let mapping = session.reference.iter().find(|l| l.path == rel).map(|l| l.mapping.clone()).unwrap_or_default();
        if reference::roles_differ(session, &reference, &mapping) {
            self.dialogs.mapping = true;
        }
    }
}

impl KalibrerApp {
    /// For saving to `path`: the edits that name each attached reference anew from the new
    /// file's folder, so a relative path still names the same file (one logged edit each;
    /// none when the folder stays). The save applies them to a trial copy of the document
    /// and keeps it only when the file is written (`files.rs`).
    #[must_use]
    pub fn reference_moves(&self, path: &Path) -> Vec<Edit> {
        let old_dir = self.meeting.doc.path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
        if old_dir.as_deref() == path.parent() {
            return Vec::new();
        }
        self.meeting
            .doc
            .session()
            .reference
            .iter()
            .map(|l| {
                (l.path.clone(), ReferenceLink::relative_to(&l.resolve(self.meeting.doc.path.as_deref()), Some(path)))
            })
            .filter(|(old, new)| old != new)
            .map(|(old, new)| Edit::MoveReference { old, new })
            .collect()
    }
}
