//! File → Eksportér: writes the outputs chosen in the menu to a file the user picks.

use std::path::Path;

use crate::io;
use crate::model::Session;

use super::app::KalibrerApp;

/// The outputs the GUI can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// Audit documentation (HTML).
    Documentation,
    /// One letter per manager (HTML).
    Letters,
    /// The public extract of the top contract (HTML).
    Public,
    /// Anonymised statistics (CSV).
    Statistics,
    /// The allocation for payroll (CSV).
    Allocation,
    /// The fold-into-fixed-salary simulation (CSV).
    FixedSalary,
    /// An anonymised copy of the session for sharing (RON).
    AnonymisedCopy,
}

impl ExportKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Allocation,
        Self::Documentation,
        Self::Letters,
        Self::Public,
        Self::Statistics,
        Self::FixedSalary,
        Self::AnonymisedCopy,
    ];

    /// The menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Documentation => "Dokumentation (HTML) …",
            Self::Letters => "Breve til lederne (HTML) …",
            Self::Public => "Offentlig del af topkontrakten (HTML) …",
            Self::Statistics => "Anonymiseret statistik (CSV) …",
            Self::Allocation => "Fordeling til lønkontoret (CSV) …",
            Self::FixedSalary => "Simulering: omlægning til fast løn (CSV) …",
            Self::AnonymisedCopy => "Gem anonymiseret kopi …",
        }
    }

    /// Suggested file name and extension.
    #[must_use]
    pub fn file_name(self) -> (&'static str, &'static str) {
        match self {
            Self::Documentation => ("dokumentation.html", "html"),
            Self::Letters => ("breve.html", "html"),
            Self::Public => ("offentlig-del.html", "html"),
            Self::Statistics => ("statistik.csv", "csv"),
            Self::Allocation => ("fordeling.csv", "csv"),
            Self::FixedSalary => ("fast-loen.csv", "csv"),
            Self::AnonymisedCopy => ("anonymiseret.ron", "ron"),
        }
    }

    /// The file's content.
    #[must_use]
    pub fn render(self, session: &Session) -> String {
        match self {
            Self::Documentation => io::documentation::documentation_html(session),
            Self::Letters => io::letters::letters_html(session, io::letters::LETTER_TEMPLATE),
            Self::Public => io::public::public_html(session),
            Self::Allocation => io::allocation::allocation_csv(session),
            Self::FixedSalary => io::allocation::fixed_salary_csv(session),
            Self::AnonymisedCopy => io::to_ron(&io::anonymise::anonymised(session)),
            Self::Statistics => {
                let (header, rows, suppressed) = io::statistics_export::statistics_table(session);
                let mut rows = rows;
                if suppressed {
                    rows.push(vec![io::statistics_export::SUPPRESSION_NOTE.to_string()]);
                }
                io::csv_dialect::document(&header, &rows)
            }
        }
    }
}

impl KalibrerApp {
    /// Asks where and writes the export there.
    pub(super) fn export_dialog(&mut self, kind: ExportKind) {
        let (name, ext) = kind.file_name();
        let picked = rfd::FileDialog::new().add_filter(ext, &[ext]).set_file_name(name).save_file();
        if let Some(path) = picked {
            self.export_to(kind, &path);
        }
    }

    /// Writes the export to `path` and reports the outcome.
    pub fn export_to(&mut self, kind: ExportKind, path: &Path) {
        match std::fs::write(path, kind.render(&self.doc.session)) {
            Ok(()) => self.view.notify(format!("Eksporteret til {}", path.display()), false),
            Err(e) => self.view.notify(format!("Kunne ikke skrive {}: {e}", path.display()), true),
        }
    }
}
