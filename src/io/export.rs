//! What the app can export (File → Eksportér): each of the meeting's outputs, or an
//! anonymised copy of the session, with its menu label, file types and rendering.

use std::path::Path;

use crate::io;
use crate::io::outputs::{Format, OutputKind, RenderOptions};
use crate::model::Session;

/// The outputs the app can export.
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

    /// Whether this export is only final when the meeting is (the allocation, the letters).
    #[must_use]
    pub fn needs_finality(self) -> bool {
        matches!(self, Self::Output(kind) if kind.needs_finality())
    }

    /// The file's content for `path` (its extension picks the format; none → preferred);
    /// `options` give the session's file (for its letter template) and the draft choice.
    ///
    /// # Errors
    /// A Danish message when the extension does not fit the kind or the letter template
    /// cannot be used.
    pub fn render(self, session: &Session, path: &Path, options: &RenderOptions<'_>) -> Result<Vec<u8>, String> {
        match self {
            Self::AnonymisedCopy => Ok(io::to_ron(&io::anonymise::anonymised(session)).into_bytes()),
            Self::Output(kind) => {
                let format = match path.extension() {
                    None => kind.formats()[0],
                    Some(_) => Format::from_path(path)
                        .ok_or_else(|| format!("filtypen skal være {}", self.extensions().join(" eller .")))?,
                };
                io::outputs::render_with(session, kind, format, options)
            }
        }
    }
}
