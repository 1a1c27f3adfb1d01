//! File → Eksportér: writes the outputs chosen in the menu to a file the user picks; the
//! format follows the file's extension (Excel or CSV for tables, HTML for documents).

use std::path::Path;

use crate::io;
use crate::io::outputs::{Format, OutputKind};
use crate::model::Session;

use super::app::KalibrerApp;

/// The outputs the GUI can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// One of the meeting's outputs (see [`OutputKind`]).
    Output(OutputKind),
    /// An anonymised copy of the session for sharing (RON).
    AnonymisedCopy,
}

impl ExportKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Output(OutputKind::Allocation),
        Self::Output(OutputKind::Documentation),
        Self::Output(OutputKind::Letters),
        Self::Output(OutputKind::Public),
        Self::Output(OutputKind::Statistics),
        Self::Output(OutputKind::FixedSalary),
        Self::AnonymisedCopy,
    ];

    /// The menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Output(OutputKind::Documentation) => "Dokumentation til revisionen (HTML) …",
            Self::Output(OutputKind::Letters) => "Breve til lederne (HTML) …",
            Self::Output(OutputKind::Public) => "Offentlig del af topkontrakten (HTML) …",
            Self::Output(OutputKind::Statistics) => "Anonymiseret statistik (Excel/CSV) …",
            Self::Output(OutputKind::Allocation) => "Fordeling til lønkontoret (Excel/CSV) …",
            Self::Output(OutputKind::FixedSalary) => "Simulering: omlægning til fast løn (Excel/CSV) …",
            Self::AnonymisedCopy => "Gem anonymiseret kopi …",
        }
    }

    /// The extensions offered in the save dialog, the preferred first.
    #[must_use]
    pub fn extensions(self) -> Vec<&'static str> {
        match self {
            Self::Output(kind) => kind.formats().iter().map(|f| f.extension()).collect(),
            Self::AnonymisedCopy => vec!["ron"],
        }
    }

    /// Suggested file name with the preferred extension.
    #[must_use]
    pub fn file_name(self) -> String {
        match self {
            Self::Output(kind) => format!("{}.{}", kind.file_stem(), self.extensions()[0]),
            Self::AnonymisedCopy => "anonymiseret.ron".to_string(),
        }
    }

    /// The file's content for `path` (its extension picks the format; none → preferred).
    ///
    /// # Errors
    /// A Danish message when the extension does not fit the kind.
    pub fn render(self, session: &Session, path: &Path) -> Result<Vec<u8>, String> {
        match self {
            Self::AnonymisedCopy => Ok(io::to_ron(&io::anonymise::anonymised(session)).into_bytes()),
            Self::Output(kind) => {
                let format = match path.extension() {
                    None => kind.formats()[0],
                    Some(_) => Format::from_path(path)
                        .ok_or_else(|| format!("filtypen skal være {}", self.extensions().join(" eller .")))?,
                };
                io::outputs::render(session, kind, format)
            }
        }
    }
}

impl KalibrerApp {
    /// Asks where and writes the export there.
    pub(super) fn export_dialog(&mut self, kind: ExportKind) {
        let mut dialog = rfd::FileDialog::new().set_file_name(kind.file_name());
        for ext in kind.extensions() {
            let name = match ext {
                "xlsx" => "Excel-projektmappe (til at læse og printe)",
                "csv" => "CSV til lønsystem og andre systemer (semikolonsepareret)",
                "html" => "HTML-dokument",
                _ => "Kalibreringssession",
            };
            dialog = dialog.add_filter(name, &[ext]);
        }
        if let Some(path) = dialog.save_file() {
            self.export_to(kind, &path);
        }
    }

    /// Writes the export to `path` (atomically) and reports the outcome.
    pub fn export_to(&mut self, kind: ExportKind, path: &Path) {
        let mut path = path.to_path_buf();
        if path.extension().is_none() {
            path.set_extension(kind.extensions()[0]);
        }
        let written = kind
            .render(&self.doc.session, &path)
            .and_then(|bytes| io::session_file::save_bytes_atomic(&path, &bytes, None).map_err(|e| e.message));
        match written {
            Ok(()) => self.view.notify(format!("Eksporteret til {}", path.display()), false),
            Err(e) => self.view.notify(format!("Kunne ikke skrive {}: {e}", path.display()), true),
        }
    }
}
