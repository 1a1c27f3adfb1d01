//! File → Eksportér: writes the outputs chosen in the menu to a file the user picks; the
//! format follows the file's extension (Excel or CSV for tables, HTML for documents).
//! The allocation and the letters of a meeting that is not final are only written after
//! the user chose "Eksportér som UDKAST" in a modal, and then marked UDKAST.

use std::path::Path;

use crate::io;
use crate::io::export::ExportKind;
use crate::io::finality::Finality;
use crate::io::outputs::RenderOptions;

use crate::ui::dialogs::draft_export::PendingExport;
use crate::ui::dialogs::file_purpose::FilePurpose;
use crate::ui::shell::app::KalibrerApp;

impl KalibrerApp {
    /// Why `kind` cannot be exported as final now, or None when it can.
    fn not_final(&self, kind: ExportKind) -> Option<String> {
        if !kind.needs_finality() {
            return None;
        }
        let finality = Finality::of(self.meeting.doc.session(), &self.meeting.eval);
        (!finality.is_final()).then(|| finality.reason())
    }

    /// Asks where and writes the export there; a draft is asked about first.
    pub(crate) fn export_dialog(&mut self, kind: ExportKind) {
        if let Some(reason) = self.not_final(kind) {
            self.dialogs.draft_export = Some(PendingExport { kind, path: None, reason });
            return;
        }
        self.ask_for_file(FilePurpose::Export { kind, draft: false });
    }

    /// Writes the export to `path` (atomically) and reports the outcome. When the meeting
    /// is not final, the allocation and the letters wait for the user's choice instead
    /// (see [`Self::export_pending_draft`]).
    pub fn export_to(&mut self, kind: ExportKind, path: &Path) {
        if let Some(reason) = self.not_final(kind) {
            self.dialogs.draft_export = Some(PendingExport { kind, path: Some(path.to_path_buf()), reason });
            return;
        }
        self.write_export(kind, path, false);
    }

    /// The user chose "Eksportér som UDKAST": writes the waiting export as a draft (asking
    /// where first when no file was chosen yet).
    pub fn export_pending_draft(&mut self) {
        let Some(pending) = self.dialogs.draft_export.take() else { return };
        match pending.path {
            Some(path) => self.write_export(pending.kind, &path, true),
            None => self.ask_for_file(FilePurpose::Export { kind: pending.kind, draft: true }),
        }
    }

    /// Writes the export (a draft when `draft`) and reports the outcome.
    pub(crate) fn write_export(&mut self, kind: ExportKind, path: &Path, draft: bool) {
        let mut path = path.to_path_buf();
        if path.extension().is_none() {
            path.set_extension(kind.extensions()[0]);
        }
        let options = RenderOptions { session_path: self.meeting.doc.path.as_deref(), draft };
        let written = kind
            .render(self.meeting.doc.session(), &path, &options)
            .and_then(|bytes| io::session_file::save_bytes_atomic(&path, &bytes, None).map_err(|e| e.message));
        let mark = if draft { " som UDKAST" } else { "" };
        match written {
            Ok(()) => self.meeting.view.notify(format!("Eksporteret{mark} til {}", path.display()), false),
            Err(e) => self.meeting.view.notify(format!("Kunne ikke skrive {}: {e}", path.display()), true),
        }
    }
}
