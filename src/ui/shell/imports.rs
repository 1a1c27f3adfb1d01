//! Filer → Importér from the shell: the file asked for and read, the import dialog
//! opened on it, and the import applied as one edit (the document logs every field).

use std::path::Path;

use crate::io::import::{learn, read_sheet};
use crate::ui::dialogs::file_purpose::FilePurpose;
use crate::ui::dialogs::import::PendingImport;
use crate::ui::shell::app::KalibrerApp;

impl KalibrerApp {
    /// Asks for an HR file and opens the import dialog.
    pub(crate) fn import_dialog(&mut self, history: bool) {
        self.ask_for_file(FilePurpose::Import { history });
    }

    /// Reads `path` and opens the import dialog on it (nothing changes yet).
    pub fn import_file(&mut self, path: &Path, history: bool) {
        let source = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let sheet = match crate::io::import::read::read_file(path) {
            Err(e) => Err(format!("kan ikke læse filen: {e}")),
            Ok(bytes) => read_sheet(&bytes).map_err(|e| e.to_string()),
        };
        match sheet {
            Err(e) => self.meeting.view.notify(format!("{source}: {e}. Intet er importeret."), true),
            Ok(sheet) => {
                let pending = PendingImport::new(
                    self.meeting.doc.session(),
                    source,
                    sheet,
                    history,
                    &self.settings.import_mappings,
                );
                self.dialogs.import = Some(pending);
            }
        }
    }

    /// Applies the pending import: one undo step, every changed field logged. The import
    /// is computed again from the session as it is now, so an edit made while the dialog
    /// was open is kept; if that changes what the import would do, the dialog shows the
    /// new preview and asks again instead of applying.
    pub(crate) fn apply_import(&mut self) {
        let Some(mut pending) = self.dialogs.import.take() else { return };
        let seen = pending.changes.clone();
        pending.recompute(self.meeting.doc.session());
        if pending.changes != seen || !pending.can_apply() {
            self.meeting.view.notify(
                "Sessionen er ændret, mens importen stod åben: se de opdaterede ændringer og godkend igen.",
                true,
            );
            self.dialogs.import = Some(pending);
            return;
        }
        let Ok(result) = pending.preview else { return };
        let (added, updated, rejected) = (result.added.len(), result.updated.len(), result.rejected.len());
        let label = if pending.history { "Import af tidligere års beløb" } else { "Import af HR-data" };
        let fields = pending
            .changes
            .into_iter()
            .map(|c| crate::document::ImportedField { manager: c.manager, field: c.what, old: c.old, new: c.new })
            .collect();
        let (managers, history) = (result.session.managers, result.session.history);
        let source = pending.source.clone();
        let import = crate::document::Edit::Import { label: label.to_string(), source, managers, history, fields };
        if !self.run_edit(import) {
            return;
        }
        if !pending.history {
            learn(&pending.sheet, &pending.mapping, &mut self.settings.import_mappings);
        }
        self.meeting.view.notify(
            format!("{}: {added} nye, {updated} opdateret, {rejected} rækker sprunget over", pending.source),
            false,
        );
    }

    /// The user closed the import dialog without importing.
    pub(crate) fn cancel_import(&mut self) {
        self.dialogs.import = None;
        self.meeting.view.notify("Import annulleret – intet er ændret.", false);
    }
}
